"""Plain-text tables and the pass/fail lines of the summary."""

from __future__ import annotations

from collections.abc import Sequence


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A fixed-width table: the first column left-aligned, the others right-aligned.

    >>> print(table("T", ["name", "n"], [["a", 1], ["bb", 22]]))
    T
    name   n
    ----  --
    a      1
    bb    22
    """
    cells = [[str(c) for c in header], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        parts = [row[0].ljust(widths[0])]
        parts += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([title, line(cells[0]), rule, *(line(row) for row in cells[1:])])


def ms(seconds: float | None, *, at_least: bool = False) -> str:
    """Seconds as milliseconds for a table cell; ``at_least`` marks a capped time.

    >>> ms(0.01234), ms(61.0, at_least=True), ms(None)
    ('12.3', '>=61000', '-')
    """
    if seconds is None:
        return "-"
    value = seconds * 1000
    text = f"{value:.0f}" if value >= 100 else f"{value:.1f}"
    return (">=" if at_least else "") + text


def ratio(value: float | None, *, at_least: bool = False) -> str:
    """A ratio for a table cell, ``>=`` when it is a lower bound.

    >>> ratio(43.21), ratio(0.5, at_least=True), ratio(0.0014)
    ('43.2x', '>=0.50x', '0.0014x')
    """
    if value is None:
        return "-"
    text = f"{value:.1f}x" if value >= 10 else f"{value:.2f}x" if value >= 0.1 else f"{value:.2g}x"
    return (">=" if at_least else "") + text


def verdict(ok: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "n/a"}[ok]
