"""The components keep no state of a doc: threads that share one pipeline extract what a
single thread does (Dask runs several tasks in one worker process, without a lock)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from kg.types import Article

TEXTS = [
    "Regime forces shelled Douma on Monday, killing 31 civilians.",
    "ISIS attacked Kobani. The attack killed 12 people.",
    "Government forces, backed by Russian air power, retook Palmyra.",
    "Coalition strikes on ISIS in Raqqa killed 12.",
    "The Syrian army was attacked by ISIS in Deir ez-Zor.",
    "Aleppo fell to the regime in December.",
]


def test_threads_extract_what_one_thread_does(seed_path):
    from kg.ingest import read_article_file
    from kg.worker import extract_chunk

    articles = [read_article_file(seed_path)] + [
        Article(id=f"a{n}", text=text) for n, text in enumerate(TEXTS)
    ]
    alone = [extract_chunk([a]).extractions[0] for a in articles]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda a: extract_chunk([a]).extractions[0], articles * 3))
    assert together == alone * 3
