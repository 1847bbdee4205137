"""Seeded force-directed layout for :mod:`kg.visualize` (numpy only, no scipy).

``networkx.spring_layout`` needs scipy from 500 nodes on and its dense variant
allocates an n x n x 2 array per iteration; this Fruchterman-Reingold variant
computes repulsion in row blocks (bounded memory), adds a weak pull towards the
centre so isolated nodes and small components stay near the rest, and is
deterministic for a given node order and seed.

Example:
    >>> pos = spring_positions(["a", "b", "c"], [("a", "b"), ("b", "c")], scale=100)
    >>> sorted(pos) == ["a", "b", "c"] and all(abs(v) <= 100 for xy in pos.values() for v in xy)
    True
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

import numpy as np

__all__ = ["default_iterations", "spring_positions"]

_BLOCK_CELLS = 2_000_000  # pairwise cells per repulsion block (~16 MB per float64 array)


def default_iterations(n: int) -> int:
    """50 iterations up to 3000 nodes, then fewer so the O(n^2) work stays bounded."""
    if n <= 3000:
        return 50
    return max(12, int(50 * (3000 / n) ** 2))


def spring_positions(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    seed: int = 0,
    iterations: int | None = None,
    scale: float = 1.0,
    gravity: float = 2.0,
) -> dict[Hashable, tuple[float, float]]:
    """Positions in ``[-scale, scale]^2`` for `nodes`, keyed like `nodes`.

    `edges` are treated as undirected; self-loops, duplicates and edges touching
    unknown nodes are ignored.
    """
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted(
        {
            (min(a, b), max(a, b))
            for u, v in edges
            if u in index and v in index and (a := index[u]) != (b := index[v])
        }
    )
    linked = sorted({i for pair in pairs for i in pair})
    isolated = sorted(set(range(len(nodes))) - set(linked))
    pos = np.zeros((len(nodes), 2))
    if linked:
        local = {old: new for new, old in enumerate(linked)}
        pos[linked] = _fruchterman_reingold(
            len(linked),
            [(local[a], local[b]) for a, b in pairs],
            seed=seed,
            iterations=default_iterations(len(linked)) if iterations is None else iterations,
            gravity=gravity,
        )
    if isolated:  # a compact grid under the linked part instead of a ring around it
        step = 1.6 / math.ceil(math.sqrt(max(len(linked), 1)))
        cols = max(1, int(2 / step) + 1) if linked else math.ceil(math.sqrt(len(isolated)))
        top = 1.25 + 2 * step if linked else 0.0
        for j, i in enumerate(isolated):
            pos[i] = (-1.0 + (j % cols) * step, top + (j // cols) * step)
    pos -= (pos.max(axis=0) + pos.min(axis=0)) / 2
    extent = float(np.abs(pos).max()) or 1.0
    pos *= scale / extent
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for i, node in enumerate(nodes)}


def _fruchterman_reingold(
    n: int, pairs: list[tuple[int, int]], *, seed: int, iterations: int, gravity: float
) -> np.ndarray:
    """Layout of nodes ``0..n-1`` centred on 0 with extent 1 (max abs coordinate)."""
    if n == 1:
        return np.zeros((1, 2))
    src = np.array([p[0] for p in pairs], dtype=np.intp)
    dst = np.array([p[1] for p in pairs], dtype=np.intp)
    pos = np.random.RandomState(seed).rand(n, 2)
    k = math.sqrt(1.0 / n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    block = max(1, _BLOCK_CELLS // n)
    disp = np.zeros((n, 2))
    for _ in range(iterations):
        disp.fill(0.0)
        for start in range(0, n, block):  # repulsion k^2/d, in row blocks
            delta = pos[start : start + block, None, :] - pos[None, :, :]
            dist2 = np.einsum("ijk,ijk->ij", delta, delta)
            np.clip(dist2, 1e-4, None, out=dist2)
            disp[start : start + block] += np.einsum("ijk,ij->ik", delta, k * k / dist2)
        if len(src):  # attraction d^2/k along edges
            delta = pos[src] - pos[dst]
            force = delta * (np.sqrt(np.einsum("ij,ij->i", delta, delta)) / k)[:, None]
            np.subtract.at(disp, src, force)
            np.add.at(disp, dst, force)
        disp -= gravity * (pos - pos.mean(axis=0))
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp))
        np.clip(length, 0.01, None, out=length)
        pos += disp * (temperature / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    return pos / (float(np.abs(pos).max()) or 1.0)
