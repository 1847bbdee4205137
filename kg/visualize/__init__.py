"""Interactive visualisation of conflict-kg graphs."""

from kg.visualize.network_html import render_html, write_html

__all__ = ["render_html", "write_html"]
