"""Positions of the offline graph view, computed at export time: deterministic, about linear.

Each document is the centre of a cluster. A node belongs to the document that owns it (a task,
a target), else to the document holding the most of its links if that is enough of them (decided
over a few rounds: units follow the tasks they are assigned, a county the one document issued
there); a node spread over many documents (a topic, a unit type, a city, a common deadline)
belongs to none. Inside a cluster the nodes sit on rings around the document by their distance
from it, each ring ordered by the angle of the inner neighbours it hangs from, so most edges are
short and radial and no two nodes overlap. Clusters are packed in rows in document order (place,
then date), so the documents of one place sit side by side; the shared nodes form a band above
them, a block of rows per label.

Nothing here is quadratic: Cytoscape.js's force layout (cose) took 7-10 s in the browser on the
546 sample nodes, and grows with the square of the nodes; this lays out 19,601 in 0.4 s
(BENCHMARKS.md).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: Model units between neighbouring nodes on a ring or in the band (a caption's width).
SPACING = 100.0
#: Distance between successive rings of a cluster.
RING_GAP = 130.0
#: Space between clusters, and between the band and the clusters.
CLUSTER_GAP = 200.0
#: Rounds of "belongs to the document most of its neighbours belong to".
ROUNDS = 4
#: A node joins the document holding the most of its links if that is at least 1 / SHARE of them
#: (a unit shared by two or three documents of one place), else it is shared (the band).
SHARE = 3


@dataclass(frozen=True, slots=True)
class Item:
    """One node to place: its label, a sort key (document order, key) within its ring, and the
    index of the centre that owns it when the data says so (a task's document), else -1."""

    label: str
    order: tuple[Any, ...]
    owner: int = -1


def _homes(n: int, adj: list[list[int]], centres: list[int], owners: list[int]) -> list[int]:
    """The centre each node belongs to (-1: none): its owner, else the centre most of its
    neighbours belong to, when they are enough of them (SHARE)."""
    home = owners[:]
    is_centre = [o >= 0 for o in owners]
    for c in centres:
        home[c] = c
        is_centre[c] = True
    for _ in range(ROUNDS):
        # Each round reads the previous one only, so the result does not depend on node order.
        prev = home[:]
        for v in range(n):
            if is_centre[v]:
                continue
            counts = Counter(prev[w] for w in adj[v] if prev[w] >= 0)
            if not counts:
                continue
            best, k = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            home[v] = best if SHARE * k >= sum(counts.values()) else -1
        if home == prev:
            break
    return home


def _spread(desired: list[float], gap: float) -> list[float]:
    """Angles near ``desired`` (sorted) with at least ``gap`` between neighbours on the circle."""
    n = len(desired)
    if n * gap >= 2 * math.pi:
        return [desired[0] + 2 * math.pi * i / n for i in range(n)]
    out = desired[:]
    for i in range(1, n):
        out[i] = max(out[i], out[i - 1] + gap)
    # Pull the sweep back by half its overshoot, then keep the wrap-around gap.
    shift = (out[-1] - desired[-1]) / 2
    out = [a - shift for a in out]
    overflow = out[-1] - (out[0] + 2 * math.pi - gap)
    if overflow > 0:
        out = [a - overflow * i / max(1, n - 1) for i, a in enumerate(out)]
    return out


def _cluster(
    centre: int, members: list[int], adj: list[list[int]], items: Sequence[Item], rank: dict[str, int]
) -> tuple[dict[int, tuple[float, float]], float]:
    """Ring positions of one cluster around (0, 0), and its radius."""
    inside = set(members)
    depth = {centre: 0}
    frontier = [centre]
    while frontier:
        nxt = []
        for v in frontier:
            for w in adj[v]:
                if w in inside and w not in depth:
                    depth[w] = depth[v] + 1
                    nxt.append(w)
        frontier = nxt
    last = max(depth.values())
    rings: dict[int, list[int]] = {}
    for v in members:
        if v != centre:
            rings.setdefault(depth.get(v, last + 1), []).append(v)
    pos: dict[int, tuple[float, float]] = {centre: (0.0, 0.0)}
    angle: dict[int, float] = {}
    radius = 0.0
    for d in sorted(rings):
        ring = rings[d]
        radius = max(radius + RING_GAP, len(ring) * SPACING / (2 * math.pi))

        def aim(v: int) -> float:
            # Circular mean of the angles of the inner neighbours this node hangs from.
            sx = sy = 0.0
            for w in adj[v]:
                if w in angle:
                    sx += math.cos(angle[w])
                    sy += math.sin(angle[w])
            return math.atan2(sy, sx) if sx or sy else math.inf

        keyed = sorted(
            (aim(v) if d > 1 else math.inf, rank.get(items[v].label, 99), items[v].order, v) for v in ring
        )
        unaimed = [k for k in keyed if k[0] == math.inf]
        if len(unaimed) == len(keyed):  # nothing inside to hang from: evenly, in order
            desired = [-math.pi / 2 + 2 * math.pi * i / len(ring) for i in range(len(ring))]
        else:
            aimed = [k[0] for k in keyed if k[0] != math.inf]
            tail = aimed[-1] if aimed else 0.0
            desired = aimed + [tail + 1e-6 * (i + 1) for i in range(len(unaimed))]
        angles = _spread(desired, SPACING / radius)
        for (_, _, _, v), a in zip(keyed, angles, strict=True):
            angle[v] = a
            pos[v] = (radius * math.cos(a), radius * math.sin(a))
    return pos, radius + SPACING / 2


def layout(
    items: Sequence[Item], edges: Sequence[tuple[int, int]], centre_label: str, label_order: Sequence[str]
) -> list[tuple[float, float]]:
    """Positions (model units) of ``items``, clustered around the nodes labelled ``centre_label``.

    ``edges`` are pairs of indices into ``items``; ``label_order`` orders labels on a ring and in
    the band. The same input gives the same positions.
    """
    n = len(items)
    adj: list[list[int]] = [[] for _ in range(n)]
    for s, t in edges:
        if s != t:
            adj[s].append(t)
            adj[t].append(s)
    rank = {label: i for i, label in enumerate(label_order)}
    centres = sorted((v for v in range(n) if items[v].label == centre_label), key=lambda v: items[v].order)
    is_centre = set(centres)
    owners = [it.owner if it.owner in is_centre else -1 for it in items]
    home = _homes(n, adj, centres, owners)
    members: dict[int, list[int]] = {c: [] for c in centres}
    shared: list[int] = []
    for v in range(n):
        (members[home[v]] if home[v] >= 0 else shared).append(v)
    clusters = [_cluster(c, members[c], adj, items, rank) for c in centres]

    # Clusters in rows (shelf packing, in document order), a little wider than tall like a screen.
    cells = [2 * r + CLUSTER_GAP for _, r in clusters]
    width = max([math.sqrt(sum(c * c for c in cells) * 1.6), *cells, 12 * SPACING])
    pos: list[tuple[float, float]] = [(0.0, 0.0)] * n
    x = y = row_h = 0.0
    for (cpos, _), cell in zip(clusters, cells, strict=True):
        if x > 0 and x + cell > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        cx, cy = x + cell / 2, y + cell / 2
        for v, (px, py) in cpos.items():
            pos[v] = (round(cx + px, 1), round(cy + py, 1))
        x += cell
        row_h = max(row_h, cell)

    # The shared nodes: a band above the clusters, a block of rows per label, busiest first.
    per_row = max(1, int(width // SPACING))
    shared.sort(key=lambda v: (rank.get(items[v].label, 99), -len(adj[v]), items[v].order))
    rows: list[list[int]] = []
    for i, v in enumerate(shared):
        if not rows or len(rows[-1]) == per_row or items[rows[-1][-1]].label != items[v].label:
            rows.append([])
            if i and items[shared[i - 1]].label != items[v].label:
                rows.append([])  # an empty row between labels
        rows[-1].append(v)
    top = -CLUSTER_GAP - SPACING * len(rows) if centres else 0.0
    for r, row in enumerate(rows):
        left = (width - len(row) * SPACING) / 2  # centred over the clusters, so links fan out evenly
        for c, v in enumerate(row):
            pos[v] = (round(left + SPACING / 2 + c * SPACING, 1), round(top + r * SPACING, 1))
    return pos
