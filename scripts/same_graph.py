"""Tell whether two graph files hold the same quads: ``python scripts/same_graph.py A B``.

Used to show that a refactoring leaves ``kg build``'s output unchanged. Graphs that kg
writes have no blank nodes, so "isomorphic" is "the same set of quads"; with blank nodes,
the comparison falls back to rdflib's canonical isomorphism (slow on big graphs).
Exit status 0 if the same, 1 if not (the first differences are printed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox

_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}


def read_quads(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {str(q) for q in ox.parse(handle, format=_FORMATS[path.suffix])}


def main(first: str, second: str) -> int:
    a, b = read_quads(Path(first)), read_quads(Path(second))
    if any("_:" in q for q in a | b):
        from rdflib import Dataset
        from rdflib.compare import isomorphic

        da, db = Dataset(), Dataset()
        da.parse(first)
        db.parse(second)
        same = isomorphic(da, db)
        print(f"{first}: {len(a)} quads; {second}: {len(b)} quads; isomorphic: {same}")
        return 0 if same else 1
    only_a, only_b = sorted(a - b), sorted(b - a)
    print(f"{first}: {len(a):,} quads; {second}: {len(b):,} quads; "
          f"only in the first: {len(only_a)}; only in the second: {len(only_b)}")
    for quad in only_a[:5]:
        print("  -", quad)
    for quad in only_b[:5]:
        print("  +", quad)
    return 0 if not (only_a or only_b) else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
