"""Run the benchmarks, print a table per section and a summary, write the figures as JSON.

    python -m benchmarks                       # everything, on the FA-KES dev CSV
    python -m benchmarks --limit 60 --target-triples 200000      # a quick run
    python -m benchmarks --graph out/fakes.trig --only queries   # reuse a built graph

See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "fa-kes" / "fa-kes-dev.csv"
SECTIONS = ("extraction", "queries", "load")

# The targets.
KG_TO_SPACY = 0.7
TWO_WORKERS = 1.6
QUERY_SPEED_UP = 20.0
MEDIAN_LATENCY = 0.2
MAX_LATENCY = 1.0

CREDIT = "Corpus: FA-KES (Abu Salem, Al Feel, Elbassuoni, Jaber, Farah; ICWSM 2019), CC BY 4.0."


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="articles to extract (default: the FA-KES dev CSV)",
    )
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick run)")
    parser.add_argument(
        "--target-triples",
        type=int,
        default=1_000_000,
        help="replicate the graph to at least this many quads (default 1000000)",
    )
    parser.add_argument(
        "--graph",
        type=Path,
        help="an already-built graph file (TriG, N-Quads) for queries and load, "
        "instead of building one from --corpus",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=SECTIONS,
        help="run only this section (repeatable; default: all)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=ROOT / "benchmarks" / "results.json",
        help="where to write the figures (default benchmarks/results.json)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="folder for the replicated N-Quads and the store (default: a "
        "temporary folder, removed at the end)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--workers",
        type=int,
        nargs="*",
        default=[2],
        help="worker counts to compare with one process (default 2; none: skip)",
    )
    parser.add_argument(
        "--extraction-repeats",
        type=int,
        default=1,
        help="time raw spaCy and kg this many times each, keep the best",
    )
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per query and engine")
    parser.add_argument(
        "--cap",
        type=float,
        default=60.0,
        help="stop a query run after this many seconds (reported as >=; default 60)",
    )
    parser.add_argument(
        "--repeat-under",
        type=float,
        default=10.0,
        help="run a query only once if it takes longer than this (default 10 s)",
    )
    parser.add_argument(
        "--store-memory-gb",
        type=float,
        default=6.0,
        help="address-space limit of the child process querying the store (default 6)",
    )
    parser.add_argument(
        "--no-merge",
        action="store_true",
        help="do not add cross-article merges to a graph that lacks them",
    )
    return parser.parse_args(argv)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def read_articles(args: argparse.Namespace) -> list:
    from kg.ingest import iter_articles

    articles = list(iter_articles([args.corpus]))
    return articles[: args.limit] if args.limit else articles


def source_graph(args: argparse.Namespace, built, articles, prep: dict[str, Any]):  # noqa: ANN001, ANN201
    """The graph to replicate: --graph, or the extraction section's, or a new build;
    with merges added unless it has some (or --no-merge)."""
    from kg.graph import KnowledgeGraph
    from kg.rdf.iris import MERGES_GRAPH

    start = time.perf_counter()
    if args.graph:
        log(f"loading {args.graph}")
        graph = KnowledgeGraph.load(args.graph)
        prep["source"] = str(args.graph)
    elif built is not None:
        graph = built
        prep["source"] = f"{args.corpus} (the extraction section's build)"
    else:
        from kg.pipeline import build

        log(f"building the graph of {len(articles)} articles")
        graph = build(articles if articles is not None else read_articles(args))
        prep["source"] = str(args.corpus)
    prep["source_seconds"] = time.perf_counter() - start
    prep["articles"] = len(graph.article_graphs())
    if not args.no_merge and not len(graph.dataset.graph(MERGES_GRAPH)):
        from kg.merge import merge

        log("merging reports across articles (so the merged-event queries have data)")
        start = time.perf_counter()
        result = merge(graph)
        prep["merge_seconds"] = time.perf_counter() - start
        prep["merged_events"] = len(getattr(result, "clusters", []) or [])
    prep["merges_quads"] = len(graph.dataset.graph(MERGES_GRAPH))
    return graph


def run_graph_sections(args, sections, built, articles, workdir: Path, out: dict) -> None:  # noqa: ANN001
    from benchmarks.load import load_memory, load_store
    from benchmarks.queries import measure_queries, query_table, summarize
    from benchmarks.replicate import replicate
    from kg.store.export import iter_quads

    prep: dict[str, Any] = {}
    graph = source_graph(args, built, articles, prep)
    quads = list(iter_quads(graph))
    del graph
    gc.collect()
    log(f"replicating {len(quads):,} quads to at least {args.target_triples:,}")
    replica = replicate(quads, workdir / "replicated.nq", args.target_triples)
    del quads
    gc.collect()
    prep.update(
        copies=replica.copies,
        quads_written=replica.quads,
        source_quads=replica.source_quads,
        once_quads=replica.once_quads,
        replicate_seconds=replica.seconds,
    )
    out["graph"] = prep
    print(
        f"\nGraph: {prep['articles']} articles x {replica.copies} copies = "
        f"{replica.quads:,} quads (source {replica.source_quads:,}; merges "
        f"{prep['merges_quads']:,}; ontology and other graphs once: {replica.once_quads:,})"
    )

    store_dir = workdir / "store"
    shutil.rmtree(store_dir, ignore_errors=True)
    log("bulk-loading the Oxigraph store (child process)")
    store_load = load_store(replica.path, store_dir)
    log("loading rdflib's in-memory Dataset")
    memory, memory_load = load_memory(replica.path)
    out["load"] = {"oxigraph_disk": store_load.to_json(), "rdflib_memory": memory_load.to_json()}
    if "load" in sections:
        from benchmarks.report import ratio, table

        print()
        print(
            table(
                f"Load: {replica.path.name} ({replica.quads:,} lines, "
                f"{store_load.nquads_bytes / 1e6:,.0f} MB N-Quads)",
                [
                    "engine",
                    "quads",
                    "seconds",
                    "quads/s",
                    "vs rdflib",
                    "memory MB",
                    "disk MB/M quads",
                ],
                [
                    [
                        "Oxigraph on disk (bulk load + merge)",
                        f"{store_load.quads:,}",
                        f"{store_load.seconds:.1f}",
                        f"{store_load.rate:,.0f}",
                        ratio(store_load.rate / memory_load.rate),
                        f"{store_load.peak_rss_mb:,.0f} peak",
                        f"{store_load.mb_per_million:,.0f}",
                    ],
                    [
                        "rdflib in memory (parse)",
                        f"{memory_load.quads:,}",
                        f"{memory_load.seconds:.1f}",
                        f"{memory_load.rate:,.0f}",
                        "1.00x",
                        f"{memory_load.rss_added_mb:,.0f} added",
                        "-",
                    ],
                ],
            )
        )

    if "queries" in sections:
        from benchmarks.queries import in_process
        from benchmarks.store_query import time_in_child
        from kg.query import list_queries

        names = list(list_queries())
        store_options = {
            "repeats": args.repeats,
            "cap": args.cap,
            "repeat_under": args.repeat_under,
            "memory_gb": args.store_memory_gb,
        }
        runners = {
            "oxigraph": lambda name: time_in_child(store_dir, name, **store_options),
            "rdflib": in_process(
                memory,
                repeats=args.repeats,
                warmup=False,
                cap=args.cap,
                repeat_under=args.repeat_under,
            ),
        }

        def progress(name: str, engine: str, timing) -> None:  # noqa: ANN001
            state = timing.error or f"{'>=' if timing.capped else ''}{timing.median:.3f} s"
            log(f"query {name} on {engine}: {state} ({timing.rows} rows)")

        results = measure_queries(runners, names, progress=progress)
        summary = summarize(results, "oxigraph", "rdflib")
        print()
        print(
            query_table(
                results,
                "oxigraph",
                "rdflib",
                f"Queries: median of {args.repeats} runs on {store_load.quads:,} quads; Oxigraph "
                f"on-disk store vs rdflib in memory (runs capped at {args.cap:.0f} s)",
            )
        )
        out["queries"] = {
            "results": [
                {
                    "name": r.name,
                    **{
                        e: {
                            "runs_s": t.runs,
                            "median_s": t.median,
                            "rows": t.rows,
                            "capped": t.capped,
                            "error": t.error,
                        }
                        for e, t in r.timings.items()
                    },
                    "speed_up": r.speed_up("oxigraph", "rdflib")[0],
                    "speed_up_bound": r.speed_up("oxigraph", "rdflib")[1],
                }
                for r in results
            ],
            "summary": vars(summary),
            "repeats": args.repeats,
            "cap_s": args.cap,
        }
        for error in summary.errors:
            print(f"  error: {error}")


def summary_lines(out: dict) -> list[dict[str, Any]]:
    """Each target with its measure and PASS/FAIL."""
    lines: list[dict[str, Any]] = []
    ext = out.get("extraction")
    if ext:
        lines.append(
            {
                "target": f"kg extraction >= {KG_TO_SPACY} x raw spaCy throughput",
                "measured": f"{ext['ratio_kg_to_spacy']:.2f}x",
                "pass": ext["ratio_kg_to_spacy"] >= KG_TO_SPACY,
            }
        )
        two = ext.get("worker_ratios", {}).get("2")
        if two:
            cores = out["machine"].get("cores_usable") or out["machine"].get("cores") or 1
            lines.append(
                {
                    "target": f"--workers 2 >= {TWO_WORKERS} x one worker (2+ cores)",
                    "measured": f"{two['with_start_up']:.2f}x "
                    f"({two['without_start_up']:.2f}x without start-up)",
                    "pass": two["with_start_up"] >= TWO_WORKERS if cores >= 2 else None,
                }
            )
    queries = out.get("queries")
    if queries:
        s = queries["summary"]
        up = s["median_speed_up"]
        bound = s["speed_up_bound"]
        lines.append(
            {
                "target": f"Oxigraph >= {QUERY_SPEED_UP:.0f} x faster than rdflib at the median",
                "measured": "-" if up is None else f"{bound}{up:.1f}x",
                "pass": None if up is None else up >= QUERY_SPEED_UP,
            }
        )
        med = s["median_latency"]
        lines.append(
            {
                "target": f"on-disk store: median latency < {MEDIAN_LATENCY * 1000:.0f} ms",
                "measured": "-" if med is None else f"{med * 1000:.1f} ms",
                "pass": None if med is None else med < MEDIAN_LATENCY,
            }
        )
        slow = s["slowest_latency"]
        store_errors = [e for e in s["errors"] if " on oxigraph: " in e]
        lines.append(
            {
                "target": f"on-disk store: every query < {MAX_LATENCY:.0f} s",
                "measured": "-"
                if slow is None
                else f"slowest {s['slowest_query']} {slow * 1000:.0f} ms",
                "pass": None
                if slow is None
                else slow < MAX_LATENCY and not s["fast_capped"] and not store_errors,
            }
        )
    load = out.get("load")
    if load and "load" in out["sections"]:
        disk = load["oxigraph_disk"]
        lines.append(
            {
                "target": "store load rate, peak RSS, disk size (no target)",
                "measured": f"{disk['quads_per_s']:,.0f} quads/s, "
                f"{disk['peak_rss_mb']:,.0f} MB, {disk['disk_mb_per_million']:,.0f} MB/M",
                "pass": None,
            }
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    if str(ROOT) not in sys.path:  # run as a script: benchmarks/run.py
        sys.path.insert(0, str(ROOT))
    from benchmarks.machine import machine_info, peak_rss_mb
    from benchmarks.report import table, verdict

    args = parse_args(argv)
    sections = tuple(args.only or SECTIONS)
    info = machine_info(ROOT)
    out: dict[str, Any] = {
        "machine": info,
        "sections": list(sections),
        "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "corpus_credit": CREDIT,
    }
    print(
        f"Machine: {info['cpu']}, {info['cores']} cores ({info['cores_usable']} usable), "
        f"{info['ram_gb']} GB RAM, load {info['load_average_at_start']}; "
        f"Python {info['python']}; " + ", ".join(f"{k} {v}" for k, v in info["packages"].items())
    )
    print(CREDIT)

    articles = None
    if "extraction" in sections or not args.graph:
        articles = read_articles(args)
        log(f"read {len(articles)} articles from {args.corpus}")

    built = None
    if "extraction" in sections:
        from benchmarks.extraction import extraction_tables, measure_extraction

        log("timing extraction (raw spaCy, then kg build, then workers)")
        result, built = measure_extraction(
            articles, workers=args.workers, repeats=args.extraction_repeats
        )
        out["extraction"] = result.to_json()
        print()
        print(extraction_tables(result))

    if {"queries", "load"} & set(sections):
        workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
        workdir.mkdir(parents=True, exist_ok=True)
        out["workdir"] = str(workdir)
        try:
            run_graph_sections(args, sections, built, articles, workdir, out)
        finally:
            if not args.keep and not args.workdir:
                shutil.rmtree(workdir, ignore_errors=True)

    out["peak_rss_mb"] = peak_rss_mb()
    out["summary"] = summary_lines(out)
    print()
    print(
        table(
            "Summary",
            ["target", "measured", "result"],
            [[line["target"], line["measured"], verdict(line["pass"])] for line in out["summary"]],
        )
    )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, indent=2, default=str) + "\n")
    print(f"\nFigures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
