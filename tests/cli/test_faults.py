"""Write failures (disk full, permission denied, read-only folder): one line naming the
path and what to do, a non-zero exit, the previous output intact, a store left consistent
that the next build completes."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import WriteError

PREVIOUS = "# the previous graph\n"


def _fail(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, {errno.ENOSPC: "No space left on device"}.get(code, "denied"))

    return fail


@pytest.mark.parametrize(
    ("code", "fix"),
    [
        (errno.ENOSPC, "free space on that disk"),
        (errno.EACCES, "change its permissions"),
        (errno.EROFS, "read-only file system"),
    ],
)
def test_build_out_fails_in_one_line_and_keeps_the_previous_file(
    seed_path, tmp_path, monkeypatch, code, fix
):
    out = tmp_path / "graph.trig"
    out.write_text(PREVIOUS, encoding="utf-8")
    monkeypatch.setattr("kg.rdf.io._write_trig", _fail(code))
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "--no-progress"])
    assert result.exit_code == WriteError.exit_code
    errors = [line for line in result.output.splitlines() if line.startswith(("error:", "TIP:"))]
    assert errors[0].startswith(f"error: cannot write {out}: ")
    assert fix in errors[1]
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"]  # no temporary file left


def test_a_folder_that_cannot_be_made(seed_path, tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.mkstemp", _fail(errno.EACCES))
    out = tmp_path / "locked" / "graph.nq"
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "--no-progress"])
    assert result.exit_code == WriteError.exit_code
    assert f"error: cannot write {out}" in result.output


def test_export_failure_is_one_line(seed_build, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.store.gpkg._fill", _fail(errno.ENOSPC))
    out = tmp_path / "map.gpkg"
    result = CliRunner().invoke(main, ["export", str(seed_build[0]), "-f", "gpkg", "-o", str(out)])
    assert result.exit_code == WriteError.exit_code
    assert f"error: cannot write {out}: No space left on device" in result.output
    assert not out.exists()


@pytest.fixture()
def small_disk(tmp_path):
    """A 64 KiB tmpfs (root only: skipped where mounting is not allowed)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_real_full_disk(seed_path, small_disk):
    out = small_disk / "graph.trig"
    out.write_text(PREVIOUS, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(seed_path), "--out", str(out), "--no-progress"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == WriteError.exit_code, run.stderr
    assert f"error: cannot write {out}: No space left on device" in run.stderr
    assert "Traceback" not in run.stderr
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert [p.name for p in small_disk.iterdir()] == ["graph.trig"]
