"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half.

Each write goes to a hidden temporary file beside the target, is flushed to disk, and
then replaces the target in one ``os.replace``. The new file gets the permissions of the
file it replaces, or those any new file gets (``0o666`` less the umask): a temporary
file's own ``0o600`` would hide the graph from the other users of a shared machine.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import is_write_failure, write_failure


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` to write; when the block ends without an
    exception it replaces ``target``, else it is removed and ``target`` is left as it was.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with atomic_path(folder / "graph.ttl") as temp:
    ...     _ = temp.write_text("done")
    >>> (folder / "graph.ttl").read_text(), [p.name for p in folder.iterdir()]
    ('done', ['graph.ttl'])
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        if is_write_failure(exc):
            raise write_failure(exc, target) from exc
        raise
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb+") as written:  # on disk before it takes the target's place
            os.fsync(written.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except OSError as exc:  # disk full, permission denied...: the target is left as it was
        temp.unlink(missing_ok=True)
        if is_write_failure(exc):
            raise write_failure(exc, target) from exc
        raise
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_path(path) as temp:
        temp.write_bytes(data)


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` atomically, as UTF-8 with ``\\n`` line ends."""
    with atomic_path(path) as temp, open(temp, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
