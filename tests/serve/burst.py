"""Send a burst of concurrent queries to an endpoint and report what came back.

Run as a separate process: ``python burst.py URL N``. Prints JSON: how many answers were
correct, how many a clean 503, and a description of every other answer.
"""

from __future__ import annotations

import json
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

# (query, Accept, check of the body)
QUERIES = [
    (
        "SELECT (COUNT(?e) AS ?n) WHERE { ?e a ckg:Event }",
        "text/csv",
        lambda body, expected: body == expected["events_csv"],
    ),
    (
        "ASK { ?e a ckg:Event }",
        "application/sparql-results+json",
        lambda body, expected: json.loads(body)["boolean"] is True,
    ),
    (
        "SELECT ?g WHERE { GRAPH ?g { } } ORDER BY ?g",
        "application/sparql-results+json",
        lambda body, expected: (
            [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == expected["graphs"]
        ),
    ),
]


def main(url: str, n: int, expected: dict) -> dict:
    barrier = threading.Barrier(n, timeout=30)

    def one(i: int) -> tuple[str, str]:
        query, accept, check = QUERIES[i % len(QUERIES)]
        data = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(f"{url}/sparql", data=data, headers={"Accept": accept})
        barrier.wait()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                body = response.read().decode()
                return ("correct", "") if check(body, expected) else ("wrong", body[:200])
        except urllib.error.HTTPError as error:
            body = error.read().decode()
            clean = error.code == 503 and bool(body.strip())
            return ("503", "") if clean else ("bad status", f"{error.code}: {body[:200]}")
        except Exception as exc:  # noqa: BLE001 - every failure is reported
            return ("failed", repr(exc))

    with ThreadPoolExecutor(max_workers=n) as pool:
        outcomes = list(pool.map(one, range(n)))
    report: dict = {"correct": 0, "503": 0, "other": []}
    for kind, detail in outcomes:
        if kind in ("correct", "503"):
            report[kind] += 1
        else:
            report["other"].append(f"{kind}: {detail}")
    return report


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]))))
