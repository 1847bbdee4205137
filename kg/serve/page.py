"""The endpoint's home page: a query box, the shipped queries as examples, and a link to
the network view. Everything is inline, so the page works offline."""

from __future__ import annotations

import json
from importlib import resources

import jinja2
from markupsafe import Markup

from kg.ontology.namespaces import PREFIXES
from kg.query import list_queries, load_query


def _json_for_script(obj: object) -> Markup:
    """JSON that cannot close the ``<script>`` element it sits in."""
    text = json.dumps(obj, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def render_home(*, title: str, quads: int, graphs: int, timeout: float, max_results: int) -> str:
    """The page, with every shipped query (:func:`kg.query.list_queries`) as an example.

    >>> html = render_home(title="t", quads=1, graphs=1, timeout=10, max_results=5)
    >>> "events" in html and "<textarea" in html
    True
    """
    examples = [
        {"name": name, "description": description, "sparql": load_query(name).strip()}
        for name, description in list_queries().items()
    ]
    template = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(
        resources.files("kg.serve").joinpath("page.html").read_text(encoding="utf-8")
    )
    return template.render(
        title=title,
        quads=quads,
        graphs=graphs,
        timeout=f"{timeout:g}",
        max_results=max_results,
        prefixes=", ".join(f"{p}:" for p in PREFIXES),
        examples=examples,
        examples_json=_json_for_script(examples),
        first_query=examples[0]["sparql"] if examples else "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
    )
