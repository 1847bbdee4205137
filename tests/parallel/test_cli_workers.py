"""``kg build --workers N`` from the command line: the same file and store as one process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.errors import KGError

TEXTS = [
    "Syrian government forces shelled Douma on Monday, killing five civilians.",
    "Russian warplanes struck rebel positions in Idlib province on Tuesday.",
    "ISIS militants attacked a checkpoint near Palmyra, killing three soldiers.",
]


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for i, text in enumerate(TEXTS * 12):  # 36 articles: several chunks
        (folder / f"a{i:02}.txt").write_text(text.replace("Monday", f"day {i}"), "utf-8")
    return folder


def test_workers_write_the_file_of_one_process(corpus, tmp_path):
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    assert _kg("build", str(corpus), "--out", str(one), "--no-progress").returncode == 0
    done = _kg("build", str(corpus), "--out", str(two), "--no-progress", "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert sorted(one.read_text().splitlines()) == sorted(two.read_text().splitlines())


def test_workers_fill_a_store(corpus, tmp_path):
    done = _kg("build", str(corpus), "--store", str(tmp_path / "st"), "--no-progress", "-j", "2")
    assert done.returncode == 0, done.stderr
    assert "36 new" in done.stdout


def test_zero_workers_is_refused(corpus, tmp_path):
    done = _kg("build", str(corpus), "--out", str(tmp_path / "x.nq"), "--workers", "0")
    assert done.returncode == 2 and "--workers" in done.stderr


def test_a_bad_worker_count_in_the_api_is_a_kg_error():
    import kg

    with pytest.raises(KGError):
        kg.build([], workers=0)
