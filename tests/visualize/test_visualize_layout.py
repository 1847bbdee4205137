"""kg.visualize.layout: the seeded spring layout of the network page (named so as not to
clash with tests/nlp/test_layout.py)."""

import pytest

from kg.visualize.layout import spring_positions


def test_layout_is_seeded_and_bounded() -> None:
    nodes = [f"n{i}" for i in range(30)]
    edges = [(f"n{i}", f"n{(i + 1) % 20}") for i in range(20)]
    a = spring_positions(nodes, edges, scale=100)
    assert a == spring_positions(nodes, edges, scale=100)
    assert set(a) == set(nodes)
    assert max(abs(c) for xy in a.values() for c in xy) == pytest.approx(100)
