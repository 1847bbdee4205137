"""The old entry point ``kg.cli.main:main``, kept for scripts that import it: the ``kg``
group of :mod:`kg.cli`, with every command registered (importing this module imports
:mod:`kg.cli` first)."""

from kg.cli._util import main

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover
    main()
