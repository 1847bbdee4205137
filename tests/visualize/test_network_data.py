"""kg.visualize.network_data: a networkx graph as vis-network data and the legend."""

import networkx as nx

from kg.visualize.network_data import legend, vis_data
from kg.visualize.network_style import edge_color, node_style, shade


def graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("ex:saa", label="SAA", kind="actor", group="state_force")
    g.add_node("ex:isis", label="ISIS", kind="actor", group="jihadist_group")
    g.add_node("ex:aleppo", label="Aleppo", kind="place", group="city")
    g.add_node("ex:e1", label="Airstrike", kind="event", group="airstrike", size=30)
    g.add_node("ex:lonely", label="Lonely", kind="place", group="village", x=5, y=-7)
    g.add_edge("ex:e1", "ex:saa", role="agent")
    g.add_edge("ex:e1", "ex:isis", role="target", title="2016-02-01")
    g.add_edge("ex:e1", "ex:aleppo", role="place", width=3)
    g.add_edge("ex:aleppo", "ex:saa", role="in_governorate", label="held by")
    return g


def by_id(nodes):
    return {n["id"]: n for n in nodes}


def test_nodes_and_edges_are_sorted_whatever_the_insertion_order():
    src = graph()
    g = nx.MultiDiGraph()
    for n in reversed(list(src.nodes)):
        g.add_node(n, **src.nodes[n])
    for u, v, d in reversed(list(src.edges(data=True))):
        g.add_edge(u, v, **d)
    assert vis_data(g) == vis_data(src)
    nodes, edges, _ = vis_data(src)
    assert [n["id"] for n in nodes] == sorted(src.nodes)
    assert [e["id"] for e in edges] == ["e0", "e1", "e2", "e3"]
    assert [(e["from"], e["to"]) for e in edges] == sorted((u, v) for u, v in src.edges())


def test_node_style_size_and_position():
    nodes = by_id(vis_data(graph())[0])
    saa = nodes["ex:saa"]
    assert (saa["shape"], saa["kind"], saa["category"]) == ("dot", "actor", "state_force")
    colour = node_style("actor", "state_force")[1]
    assert saa["color"]["background"] == colour
    assert saa["color"]["border"] == shade(colour, 0.7)
    assert saa["size"] == round(9.0 + 3.0 * 2**0.5, 2)  # two edges
    assert saa["title"] == "SAA\nactor: state_force\nex:saa"
    assert nodes["ex:e1"]["size"] == 30.0  # given
    lonely = nodes["ex:lonely"]
    assert (lonely["x"], lonely["y"]) == (5.0, -7.0)
    assert lonely["physics"] is False and "physics" not in saa


def test_node_without_attributes_is_named_by_its_id():
    g = nx.MultiDiGraph()
    g.add_node("ex:bare", size=True)  # a bool is no size
    (node,) = vis_data(g)[0]
    assert (node["label"], node["kind"], node["category"]) == ("ex:bare", "other", "other")
    assert node["size"] == 9.0
    assert isinstance(node["x"], float) and isinstance(node["y"], float)


def test_edges_are_labelled_by_role_in_words_unless_given_a_label():
    edges = {e["role"]: e for e in vis_data(graph())[1]}
    assert edges["agent"]["label"] == "agent"
    assert edges["agent"]["title"] == "Airstrike \u2014agent\u2192 SAA"
    assert edges["target"]["title"] == "2016-02-01"
    assert edges["in_governorate"]["label"] == "held by"
    assert edges["place"]["width"] == 3.0 and "width" not in edges["agent"]
    assert edges["agent"]["color"] == {
        "color": edge_color("agent"),
        "highlight": shade(edge_color("agent"), 0.7),
        "hover": edge_color("agent"),
    }
    g = nx.MultiDiGraph()
    g.add_edge("a", "b")
    assert vis_data(g)[1][0]["role"] == "related"


def test_counts_and_legend():
    g = graph()
    g.add_node("ex:doc", kind="document", group="memo")
    g.add_node("ex:art", kind="article", group="other")
    g.add_node("ex:gov", kind="actor", group="government")
    _, _, counts = vis_data(g)
    assert counts["nodes"][("actor", "state_force")] == 1
    assert counts["edges"]["agent"] == 1
    sections, roles = legend(counts)
    assert [s["title"] for s in sections] == ["Actors", "Places", "Events", "Articles", "Document"]
    actors = sections[0]
    assert actors["shape"] == "dot"
    # In palette order, not alphabetical.
    assert [i["group"] for i in actors["items"]] == ["state_force", "government", "jihadist_group"]
    assert actors["items"][0] == {
        "group": "state_force",
        "label": "state force",
        "color": node_style("actor", "state_force")[1],
        "count": 1,
    }
    assert [(r["role"], r["label"], r["count"]) for r in roles] == [
        ("agent", "agent", 1),
        ("in_governorate", "in governorate", 1),
        ("place", "place", 1),
        ("target", "target", 1),
    ]
