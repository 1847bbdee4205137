"""The errors conflict-kg raises, each with a message a user can act on.

Every error derives from :class:`KGError`; the command line maps each class to an
exit status and prints one ``TIP`` line with the fix (see :mod:`kg.cli._util`).
"""

from __future__ import annotations

import errno
import os
import re


class KGError(Exception):
    """Base class of every error conflict-kg raises on purpose.

    ``hint`` is one sentence that tells the user how to fix the problem.
    """

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class InputError(KGError):
    """An article file, folder or row cannot be read; the message names it and why."""

    exit_code = 3


class ModelError(KGError):
    """No spaCy English model is installed."""

    exit_code = 4


class DataError(KGError):
    """A gazetteer, rule file or ontology shipped in ``data/`` or ``ontology/`` is malformed."""

    exit_code = 5


class OntologyError(DataError):
    """The ontology or the SHACL shapes cannot be loaded, or a term is unknown."""


class ValidationError(KGError):
    """A graph does not conform to the SHACL shapes."""

    exit_code = 6


class QueryError(KGError):
    """A SPARQL query is malformed, unknown by name, or failed to run."""

    exit_code = 7


class StoreError(KGError):
    """A graph file or store cannot be read or written."""

    exit_code = 8


class WriteError(KGError):
    """An output could not be written (disk full, permission denied, read-only folder);
    what was there before is intact."""

    exit_code = 9


#: What to do about the operating system's write failures, by ``errno``.
_WRITE_FIXES = {
    errno.ENOSPC: "free space on that disk, or write somewhere else",
    errno.EDQUOT: "free space within your disk quota, or write somewhere else",
    errno.EACCES: "write to a folder you may write to, or change its permissions",
    errno.EPERM: "write to a folder you may write to, or change its permissions",
    errno.EROFS: "the folder is on a read-only file system: write somewhere else",
    errno.EISDIR: "give a file name, not a folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
}
#: The write failures a command reports in one line rather than a traceback.
WRITE_ERRNOS = frozenset(_WRITE_FIXES) | {errno.EIO, errno.EFBIG, errno.ENAMETOOLONG}


def os_errno(exc: OSError) -> int | None:
    """The ``errno`` of ``exc``, also for errors from Rust libraries (pyoxigraph) that
    only say "(os error 28)" in their message.

    >>> os_errno(OSError("IO error: No space left on device (os error 28)"))
    28
    """
    if exc.errno is not None:
        return exc.errno
    match = re.search(r"\(os error (\d+)\)", str(exc))
    return int(match.group(1)) if match else None


def is_write_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is a failure to write that a user can fix (disk, permissions)."""
    return isinstance(exc, OSError) and os_errno(exc) in WRITE_ERRNOS


def write_failure(exc: OSError, path: str | os.PathLike[str] | None = None) -> WriteError:
    """A :class:`WriteError` for ``exc``, naming the path and what to do.

    >>> import errno
    >>> error = write_failure(OSError(errno.ENOSPC, "No space left on device"), "out/g.trig")
    >>> str(error)
    'cannot write out/g.trig: No space left on device'
    >>> error.hint
    'free space on that disk, or write somewhere else'
    """
    where = os.fspath(path) if path is not None else exc.filename or "the output"
    return WriteError(f"cannot write {where}: {os_reason(exc)}", hint=write_fix(exc))


def os_reason(exc: OSError) -> str:
    """The operating system's words for ``exc`` ("No space left on device")."""
    code = os_errno(exc)
    return exc.strerror or (os.strerror(code) if code else str(exc)) or type(exc).__name__


def write_fix(exc: OSError) -> str:
    """What to do about the write failure ``exc``."""
    return _WRITE_FIXES.get(os_errno(exc) or 0, "check the disk and the folder, then run again")
