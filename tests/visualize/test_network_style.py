"""kg.visualize.network_style: shapes and colours of the network page."""

import re

from kg.visualize.network_style import (
    EDGE_COLORS,
    NODE_STYLE,
    edge_color,
    kind_style,
    node_style,
    shade,
)

HEX = re.compile(r"#[0-9a-f]{6}")


def test_each_kind_has_its_own_shape():
    shapes = [node_style(kind, "other")[0] for kind in ("actor", "place", "event", "article")]
    assert shapes == ["dot", "square", "diamond", "triangle"]
    assert kind_style("document") == ("hexagon", {}, "#cfd8dc")
    assert node_style("document", "") == ("hexagon", "#cfd8dc")


def test_groups_take_their_palette_colour():
    assert node_style("actor", "state_force") == ("dot", "#1f4e9c")
    assert node_style("place", "city") == ("square", "#00796b")
    assert node_style("event", "airstrike") == ("diamond", "#b71c1c")


def test_group_missing_from_the_palette_gets_a_stable_colour_of_its_own():
    shape, colour = node_style("actor", "space_agency")
    assert shape == "dot" and HEX.fullmatch(colour)
    assert colour != NODE_STYLE["actor"][2]
    assert node_style("place", "space_agency")[1] == colour  # chosen from the name alone
    # "other" and no group at all take the kind's fallback colour.
    assert node_style("event", "other")[1] == node_style("event", "")[1] == "#9e9e9e"


def test_edge_colours_by_role():
    assert edge_color("agent") == EDGE_COLORS["agent"] != edge_color("target")
    unknown = edge_color("funded_by")
    assert HEX.fullmatch(unknown) and unknown != "#9e9e9e"
    assert node_style("actor", "funded_by")[1] == unknown  # the same name, the same colour
    assert edge_color("") == edge_color("other") == "#9e9e9e"


def test_shade_darkens_below_one_and_lightens_above():
    assert shade("#1f4e9c", 1.0) == "#1f4e9c"
    assert shade("#1f4e9c", 0.7) == "#16376d"
    assert shade("#000000", 1.5) == "#808080"
    assert shade("#ffffff", 0.0) == "#000000"
    assert shade("#000000", 3.0) == "#ffffff"  # clamped
