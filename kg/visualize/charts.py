"""Small SVG charts for notebooks and pages: no plotting library, nothing to load.

Example:
    >>> svg = bar_chart_svg([("2016-07", 3), ("2016-08", 5)], title="events per month")
    >>> svg.startswith("<svg") and svg.count("<rect") == 2
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

__all__ = ["bar_chart_svg"]


def bar_chart_svg(
    bars: Sequence[tuple[str, int | float]],
    *,
    title: str = "",
    width: int = 760,
    height: int = 260,
    color: str = "#1f4e9c",
) -> str:
    """A vertical bar chart of ``(label, value)`` pairs as an SVG string; every fifth label
    is written under its bar when there are many (all of them in the bars' tooltips)."""
    left, right, top, bottom = 40, 10, 28 if title else 10, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((v for _, v in bars), default=0) or 1
    step = plot_w / max(len(bars), 1)
    every = max(1, len(bars) // 15)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f'<text x="{left}" y="16" font-size="13" font-weight="600">{escape(title)}</text>'
        if title
        else "",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        'stroke="#90a4ae"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{peak:g}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    for i, (label, value) in enumerate(bars):
        h = plot_h * value / peak
        x = left + i * step
        parts.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{top + plot_h - h:.1f}" '
            f'width="{max(step * 0.8, 1):.1f}" height="{h:.1f}" fill="{color}">'
            f"<title>{escape(str(label))}: {value:g}</title></rect>"
        )
        if i % every == 0:
            cx, cy = x + step / 2, top + plot_h + 12
            parts.append(
                f'<text x="{cx:.1f}" y="{cy}" text-anchor="end" '
                f'transform="rotate(-45 {cx:.1f} {cy})">{escape(str(label))}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
