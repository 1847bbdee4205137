"""The built wheel carries the data, ontology and queries, and works outside the repo."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (path,) = out.glob("conflict_kg-*.whl")
    return path


def test_wheel_contains_resources(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "kg/_resources/data/actors.yaml",
        "kg/_resources/data/actors/yemen.yaml",
        "kg/_resources/data/countries.csv",
        "kg/_resources/data/places.yaml",
        "kg/_resources/data/gazetteer/places.tsv.gz",
        "kg/_resources/data/triggers.yaml",
        "kg/_resources/data/text_rules.yaml",
        "kg/_resources/data/articles/coalition-strike-at-tanf.txt",
        "kg/_resources/ontology/conflict.ttl",
        "kg/_resources/ontology/shapes.ttl",
        "kg/query/queries/events.rq",
        "kg/visualize/template.html",
    ):
        assert expected in names


def test_wheel_stays_small(wheel):
    # The world gazetteer is the bulk: keep the shipped data within 25 MB.
    assert wheel.stat().st_size <= 25_000_000


def test_installed_wheel_works_outside_the_repo(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    prefix = str(target.resolve())
    script = (
        "import kg, pathlib\n"
        f"assert str(pathlib.Path(kg.__file__).resolve()).startswith({prefix!r}), kg.__file__\n"
        "g = kg.build_graph([kg.example_path()])\n"
        "print(g.stats()['events'], g.validate().conforms)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    events, conforms = done.stdout.split()
    assert int(events) >= 5 and conforms == "True"
