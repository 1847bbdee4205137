"""kg.visualize.network_html: the self-contained vis-network page, rendered and written."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.visualize.network_html import write_html

EX = "https://example.org/kg/"
EVIL = "<script>alert(1)</script> \"quoted\" 'single' & more"


def small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node(
        EX + "actor/saa",
        label="Syrian Arab Army",
        kind="actor",
        group="state_force",
        title="Syrian Arab Army\nstate force",
    )
    g.add_node(EX + "actor/fsa", label="Free Syrian Army", kind="actor", group="armed_opposition")
    g.add_node(EX + "actor/isis", label="Islamic State", kind="actor", group="jihadist_group")
    g.add_node(EX + "place/aleppo", label="Aleppo", kind="place", group="city")
    g.add_node(
        EX + "place/aleppo-gov", label="Aleppo Governorate", kind="place", group="governorate"
    )
    g.add_node(EX + "event/1", label="Airstrike on Aleppo", kind="event", group="airstrike")
    g.add_node(
        EX + "event/2", label="Clashes near Aleppo", kind="event", group="armed_clash", size=30
    )
    g.add_edge(EX + "event/1", EX + "actor/saa", role="agent")
    g.add_edge(EX + "event/1", EX + "actor/isis", role="target")
    g.add_edge(EX + "event/1", EX + "place/aleppo", role="place")
    g.add_edge(EX + "event/2", EX + "actor/fsa", role="agent")
    g.add_edge(EX + "event/2", EX + "actor/saa", role="target", title="2016-02-01")
    g.add_edge(EX + "event/2", EX + "place/aleppo", role="place")
    g.add_edge(EX + "place/aleppo", EX + "place/aleppo-gov", role="in_governorate")
    return g


def graph_data(html: str) -> dict:
    m = re.search(r'<script id="kg-graph-data" type="application/json">(.*?)</script>', html, re.S)
    assert m, "embedded graph data missing"
    return json.loads(m.group(1))


class _Attrs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.legend: list[tuple[str, str, int]] = []
        self.script_srcs: list[str] = []
        self._item: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        for name in ("src", "href", "xlink:href", "action", "poster", "data"):
            if d.get(name) is not None:
                self.refs.append((tag, name, d[name] or ""))
        if tag == "script" and "src" in d:
            self.script_srcs.append(d["src"] or "")
        if "kg-legend-item" in (d.get("class") or "").split():
            self._item = (d["data-kind"] or "", d["data-group"] or "")

    def handle_data(self, data: str) -> None:
        if self._item and data.strip().isdigit():
            self.legend.append((*self._item, int(data)))
            self._item = None


def parse(html: str) -> _Attrs:
    p = _Attrs()
    p.feed(html)
    return p


@pytest.fixture()
def page(tmp_path: Path) -> tuple[Path, str]:
    out = write_html(small_graph(), tmp_path / "out" / "net.html", title="Test <b>graph</b>")
    return out, out.read_text(encoding="utf-8")


def test_file_written_and_nodes_embedded(page: tuple[Path, str]) -> None:
    out, html = page
    assert out.is_file() and out.name == "net.html"
    g = small_graph()
    data = graph_data(html)
    assert len(data["nodes"]) == g.number_of_nodes()
    assert len(data["edges"]) == g.number_of_edges()
    labels = {n["label"] for n in data["nodes"]}
    assert labels == {attrs["label"] for _, attrs in g.nodes(data=True)}
    assert {n["id"] for n in data["nodes"]} == set(g.nodes)
    roles = sorted(e["role"] for e in data["edges"])
    assert roles == sorted(d["role"] for _, _, d in g.edges(data=True))
    labels = {e["label"] for e in data["edges"]}
    assert "in governorate" in labels and "in_governorate" not in labels  # read as words
    shapes = {n["kind"]: n["shape"] for n in data["nodes"]}
    assert len(set(shapes.values())) == 3  # actor / place / event look different
    colors = {e["role"]: e["color"]["color"] for e in data["edges"]}
    assert colors["agent"] != colors["target"]
    assert all(e["title"] for e in data["edges"]) and all(n["title"] for n in data["nodes"])


def test_header_counts_and_escaped_title(page: tuple[Path, str]) -> None:
    _, html = page
    assert '<span id="kg-node-count">7</span> nodes' in html
    assert '<span id="kg-edge-count">7</span> edges' in html
    assert "Test &lt;b&gt;graph&lt;/b&gt;" in html and "<b>graph</b>" not in html


def test_no_remote_references(page: tuple[Path, str]) -> None:
    _, html = page
    parsed = parse(html)
    assert parsed.script_srcs == []
    assert "<script src" not in html.lower()
    for tag, name, value in parsed.refs:
        assert not value.lower().startswith(("http:", "https:", "//")), (tag, name, value)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"""url\(\s*["']?(?:https?:)?//""", html, re.I)
    assert not re.search(r"@import", html)
    assert "vis.Network" in html  # vis-network is inlined


def test_legend_lists_exactly_present_groups(page: tuple[Path, str]) -> None:
    _, html = page
    legend = parse(html).legend
    assert sorted(legend) == sorted(
        [
            ("actor", "state_force", 1),
            ("actor", "armed_opposition", 1),
            ("actor", "jihadist_group", 1),
            ("place", "city", 1),
            ("place", "governorate", 1),
            ("event", "airstrike", 1),
            ("event", "armed_clash", 1),
        ]
    )
    assert 'data-group="militia"' not in html
    assert re.findall(r'data-role="([^"]+)"', html) == [
        "agent",
        "in_governorate",
        "place",
        "target",
    ]


def test_malicious_label_is_escaped(tmp_path: Path) -> None:
    g = small_graph()
    g.add_node(
        EX + "actor/x",
        label=EVIL,
        kind="actor",
        group="<img src=x onerror=alert(1)>",
        title=EVIL + "\nline 2",
    )
    g.add_edge(EX + "event/1", EX + "actor/x", role="agent</script>", title=EVIL)
    html = write_html(g, tmp_path / "evil.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "agent</script>" not in html
    data = graph_data(html)  # still valid JSON that round-trips the label
    assert EVIL in {n["label"] for n in data["nodes"]}
    assert len(data["nodes"]) == g.number_of_nodes()
    assert all(not v.lower().startswith("http") for _, _, v in parse(html).refs)


def test_big_graph_has_static_layout(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    for i in range(900):
        g.add_node(
            f"ex:n{i:04d}", label=f"N{i}", kind=("actor", "place", "event")[i % 3], group="other"
        )
    for i in range(0, 900, 2):
        g.add_edge(f"ex:n{i:04d}", f"ex:n{(i * 7 + 1) % 900:04d}", role="agent")
    html = write_html(g, tmp_path / "big.html").read_text(encoding="utf-8")
    data = graph_data(html)
    assert len(data["nodes"]) == 900
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) > 850
    opts = json.loads(
        re.search(
            r'id="kg-graph-options" type="application/json">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert opts["physics"]["enabled"] is False
    small = write_html(small_graph(), tmp_path / "small.html").read_text(encoding="utf-8")
    opts = json.loads(
        re.search(
            r'id="kg-graph-options" type="application/json">(.*?)</script>', small, re.S
        ).group(1)
    )
    assert opts["physics"]["enabled"] is True
    assert opts["physics"]["stabilization"]["iterations"] == 200


def test_deterministic_output(tmp_path: Path) -> None:
    a = write_html(small_graph(), tmp_path / "a.html", physics_max_nodes=3).read_bytes()
    b = write_html(small_graph(), tmp_path / "b.html", physics_max_nodes=3).read_bytes()
    assert a == b
    g = nx.MultiDiGraph()  # same graph, different insertion order
    src = small_graph()
    for n in reversed(list(src.nodes)):
        g.add_node(n, **src.nodes[n])
    for u, v, d in reversed(list(src.edges(data=True))):
        g.add_edge(u, v, **d)
    c = write_html(g, tmp_path / "c.html", physics_max_nodes=3).read_bytes()
    assert a == c


def test_atomic_write_leaves_no_temp_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # nothing (e.g. a pyvis lib/ folder) may land in the cwd
    target = tmp_path / "nested" / "dir" / "net.html"
    write_html(small_graph(), target)
    write_html(small_graph(), str(target))  # overwrite in place
    assert sorted(p.name for p in target.parent.iterdir()) == ["net.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nested"]


def test_failed_write_keeps_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "net.html"
    target.write_text("old", encoding="utf-8")

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("kg.visualize.network_html.os.replace", boom)
    with pytest.raises(OSError):
        write_html(small_graph(), target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["net.html"]


def test_edge_cases(tmp_path: Path) -> None:
    empty = write_html(nx.MultiDiGraph(), tmp_path / "empty.html").read_text(encoding="utf-8")
    assert graph_data(empty) == {"nodes": [], "edges": []}
    g = nx.MultiDiGraph()
    g.add_node("ex:bare")  # no attributes at all
    g.add_node("ex:xy", label="fixed", kind="place", group="site", x=10, y=-20)
    data = graph_data(write_html(g, tmp_path / "bare.html").read_text(encoding="utf-8"))
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["ex:bare"]["label"] == "ex:bare"
    assert (by_id["ex:xy"]["x"], by_id["ex:xy"]["y"]) == (10.0, -20.0)
    with pytest.raises(ValueError):
        write_html(g, tmp_path / "bad.html", height="1px;}body{display:none")
