"""Depression filling, exact (no epsilon).

The fill level of a cell is the minimax elevation over all paths to the raster edge or to
nodata.  Every cell first follows its steepest strictly-lower neighbour (cells of a flat follow an
equal neighbour), which partitions the DEM into *basins*, one per pit; the basin labels are found
by pointer jumping.  Between adjacent basins the spill elevation is the lowest ``max(z_a, z_b)``
over the cell pairs on their common border (one sort).  The fill level of each basin is then the
minimax path to the outside in this much smaller basin graph, which runs along its minimum
spanning tree (vectorised Borůvka, O(log n) rounds, then one breadth-first walk of the tree), and
the fill level of a cell is ``max(z, level(basin))``.  This is exact: the result equals a
priority-flood fill bit for bit.
"""

from __future__ import annotations

from typing import List, NamedTuple, Optional, Tuple

import numpy as np

from ..io.raster import CancelFn, ProgressFn, _never, _noop_progress, check_cancel
from .d8 import as_float, offsets, pad
from .directions import steepest
from .memory import DEFAULT_MAX_MEMORY_MB, check_memory

__all__ = ["FILL_BYTES_PER_CELL", "fill_depressions"]

#: Peak working memory of :func:`fill_depressions`, bytes per DEM cell.
FILL_BYTES_PER_CELL = 48


def _index_dtype(n: int) -> np.dtype:
    """int32 for grids below 2**31 cells (half the memory traffic of the pointer passes), else int64."""
    return np.dtype(np.int32) if n < 2**31 - 1 else np.dtype(np.int64)


def _basin_pointers(zp: np.ndarray, kp: np.ndarray) -> np.ndarray:
    """Pointer (padded 1-D index) of every cell towards its basin's pit.

    Cells with a steepest descent follow it; flat cells point to an equal
    neighbour that has a descent, else to an equal neighbour with a smaller
    index (W, NW, N, NE), else to themselves (a pit).  All outside/nodata cells
    point to index 0 (the outside basin).  The pointers form a forest.
    """
    c2 = zp.shape[1]
    idt = _index_dtype(zp.size)
    off = offsets(c2).astype(idt)
    k1 = kp.ravel()
    z1 = zp.ravel()
    ptr = np.zeros(zp.size, dtype=idt)
    has = np.flatnonzero(k1 >= 0).astype(idt)
    ptr[has] = has + off[k1[has]]
    del has
    # flat cells (valid, no descent), handled sparsely: an equal neighbour with a descent, else an
    # equal neighbour with a smaller index, else itself
    flat = np.flatnonzero((k1 < 0) & ~np.isnan(z1)).astype(idt)
    if flat.size:
        zf = z1[flat]
        choice = np.full(flat.size, 8, dtype=np.int8)  # 8 -> offset 0 (itself)
        todo = np.ones(flat.size, dtype=bool)
        for k in range(8):
            nb = flat + off[k]
            m = todo & (k1[nb] >= 0) & (z1[nb] == zf)
            choice[m] = k
            todo &= ~m
        for k in (4, 5, 6, 7):  # W, NW, N, NE: smaller 1-D index
            nb = flat + off[k]
            m = todo & (z1[nb] == zf)
            choice[m] = k
            todo &= ~m
        ptr[flat] = flat + off[choice]
    return ptr


def _pointer_jump(ptr: np.ndarray, is_cancelled: CancelFn) -> np.ndarray:
    """Replace every pointer by its tree root (in place); O(N log depth).

    While many pointers still move, whole-array passes (``ptr = ptr[ptr]``) are cheaper than
    gathering the moving ones; the last rounds work on the moving pointers only."""
    if ptr.size > 65536:
        a, b = ptr, np.empty_like(ptr)
        while True:
            check_cancel(is_cancelled)
            np.take(a, a, out=b)
            moved = np.count_nonzero(b != a)
            a, b = b, a
            if moved < ptr.size // 16:
                break
        if a is not ptr:
            ptr[...] = a
        del a, b
    active = np.flatnonzero(ptr[ptr] != ptr).astype(ptr.dtype)
    while active.size:
        check_cancel(is_cancelled)
        p = ptr[active]
        pp = ptr[p]
        ptr[active] = pp
        active = active[ptr[pp] != pp]
    return ptr


def _reduce_edges(
    u: np.ndarray, v: np.ndarray, w: np.ndarray, n: int
) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unique undirected pairs ``(u < v)`` with the minimum weight of each."""
    if u.size == 0:
        return u, v, w
    lo = np.minimum(u, v)
    hi = np.maximum(u, v)
    key = lo.astype(np.int64) * n + hi
    order = np.argsort(key, kind="stable")
    key = key[order]
    w = w[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    wmin = np.minimum.reduceat(w, starts)
    k = key[starts]
    return (k // n), (k % n), wmin


def _expand(indptr: np.ndarray, nodes: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """CSR positions of the edges of ``nodes`` and, for each, the index into ``nodes``."""
    starts = indptr[nodes]
    cnt = indptr[nodes + 1] - starts
    total = int(cnt.sum())
    owner = np.repeat(np.arange(nodes.size), cnt)
    pos = np.arange(total, dtype=np.int64) + np.repeat(starts - (np.cumsum(cnt) - cnt), cnt)
    return pos, owner


def _minimum_spanning_forest(
    u: np.ndarray, v: np.ndarray, w: np.ndarray, n: int, is_cancelled: CancelFn
) -> np.ndarray:
    """Indices of the edges of a minimum spanning forest (Borůvka, vectorised).

    Every round each component takes its lightest outgoing edge (ties by edge
    index, so no cycles form), components merge by pointer jumping; O(log n)
    rounds.
    """
    comp = np.arange(n, dtype=np.int64)
    eid = np.arange(u.size, dtype=np.int64)
    eu, ev, ew = u, v, w
    chosen: List[np.ndarray] = []
    while eid.size:
        check_cancel(is_cancelled)
        cu, cv = comp[eu], comp[ev]
        keep = cu != cv
        eid, eu, ev, ew, cu, cv = eid[keep], eu[keep], ev[keep], ew[keep], cu[keep], cv[keep]
        if eid.size == 0:
            break
        c = np.concatenate([cu, cv])
        e = np.concatenate([np.arange(eid.size), np.arange(eid.size)])
        order = np.lexsort((eid[e], ew[e], c))
        c, e = c[order], e[order]
        first = np.r_[True, c[1:] != c[:-1]]
        comps, best = c[first], e[first]
        other = np.where(cu[best] == comps, cv[best], cu[best])
        parent = np.arange(n, dtype=np.int64)
        parent[comps] = other
        # two components that chose each other (the same edge): the smaller one stays root
        mutual = (parent[other] == comps) & (comps < other)
        parent[comps[mutual]] = comps[mutual]
        chosen.append(eid[np.unique(best)])
        _pointer_jump(parent, is_cancelled)
        comp = parent[comp]
    if not chosen:
        return np.empty(0, dtype=np.int64)
    return np.unique(np.concatenate(chosen))


def _basin_levels(u: np.ndarray, v: np.ndarray, w: np.ndarray, n: int, is_cancelled: CancelFn) -> np.ndarray:
    """Minimax path weight from every node to node 0 in an undirected graph.

    The minimax path runs along a minimum spanning tree, so the level of a
    node is the largest edge weight on its tree path to node 0: a
    breadth-first walk of the tree from node 0 sets every node once.
    """
    mst = _minimum_spanning_forest(u, v, w, n, is_cancelled)
    src = np.concatenate([u[mst], v[mst]])
    dst = np.concatenate([v[mst], u[mst]])
    ww = np.concatenate([w[mst], w[mst]])
    order = np.argsort(src, kind="stable")
    dst, ww = dst[order], ww[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    level = np.full(n, np.inf)
    level[0] = -np.inf
    seen = np.zeros(n, dtype=bool)
    seen[0] = True
    frontier = np.array([0], dtype=np.int64)
    it = 0
    while frontier.size:
        it += 1
        if it % 64 == 0:
            check_cancel(is_cancelled)
        pos, owner = _expand(indptr, frontier)
        t = dst[pos]
        new = ~seen[t]
        t, pos, owner = t[new], pos[new], owner[new]
        level[t] = np.maximum(ww[pos], level[frontier[owner]])
        seen[t] = True
        frontier = t
    return level


class Basins(NamedTuple):
    """The basin structure behind a fill: every cell's basin and every basin's fill level.

    ``label`` (int32, padded shape): basin of each cell, 0 for the outside (ring and nodata), the
    cells of a basin descending to its pit; ``level`` (float64): fill level of each basin
    (``-inf`` for the outside); ``u, v, w``: the spill edges between basins (``w`` = the lowest
    ``max(z_a, z_b)`` over the cell pairs on their border), one per pair.
    """

    label: np.ndarray
    level: np.ndarray
    u: np.ndarray
    v: np.ndarray
    w: np.ndarray


def fill_basins(
    zp: np.ndarray, cellsize_x: float, cellsize_y: float, progress: ProgressFn, is_cancelled: CancelFn
) -> Tuple[np.ndarray, Basins]:
    """Filled copy of a NaN-padded DEM (same padding) and its :class:`Basins`."""
    kp = steepest(zp, cellsize_x, cellsize_y)
    check_cancel(is_cancelled)
    progress(0.2)
    ptr = _basin_pointers(zp, kp)
    del kp
    check_cancel(is_cancelled)
    _pointer_jump(ptr, is_cancelled)
    progress(0.5)
    is_root = np.zeros(ptr.size, dtype=bool)
    is_root[ptr] = True
    rank = np.cumsum(is_root, dtype=ptr.dtype)  # root 0 (outside) -> basin 1
    del is_root
    n_basins = int(rank[-1])
    rank -= 1
    label = rank[ptr].astype(np.int32, copy=False).reshape(zp.shape)
    del ptr, rank
    if n_basins == 1:
        progress(1.0)
        e = np.empty(0, dtype=np.int64)
        return zp.copy(), Basins(label, np.array([-np.inf]), e, e, np.empty(0))
    zi = np.where(np.isnan(zp), -np.inf, zp)
    us: List[np.ndarray] = []
    vs: List[np.ndarray] = []
    ws: List[np.ndarray] = []
    pairs = (
        ((slice(None), slice(None, -1)), (slice(None), slice(1, None))),
        ((slice(None, -1), slice(None)), (slice(1, None), slice(None))),
        ((slice(None, -1), slice(None, -1)), (slice(1, None), slice(1, None))),
        ((slice(None, -1), slice(1, None)), (slice(1, None), slice(None, -1))),
    )
    for sa, sb in pairs:
        check_cancel(is_cancelled)
        la, lb = label[sa], label[sb]
        m = la != lb
        u, v = la[m], lb[m]
        w = np.maximum(zi[sa][m], zi[sb][m]).astype(np.float64)
        u, v, w = _reduce_edges(u.astype(np.int64), v.astype(np.int64), w, n_basins)
        us.append(u)
        vs.append(v)
        ws.append(w)
    del zi
    u, v, w = _reduce_edges(np.concatenate(us), np.concatenate(vs), np.concatenate(ws), n_basins)
    progress(0.8)
    level = _basin_levels(u, v, w, n_basins, is_cancelled)
    filled = np.maximum(zp, level[label].astype(zp.dtype))  # NaN stays NaN
    progress(1.0)
    return filled, Basins(label, level, u, v, w)


def fill_padded(
    zp: np.ndarray, cellsize_x: float, cellsize_y: float, progress: ProgressFn, is_cancelled: CancelFn
) -> np.ndarray:
    """Filled copy of a NaN-padded DEM (same padding)."""
    return fill_basins(zp, cellsize_x, cellsize_y, progress, is_cancelled)[0]


def fill_depressions(
    dem: np.ndarray,
    nodata_mask: Optional[np.ndarray] = None,
    *,
    cellsize_x: float = 1.0,
    cellsize_y: float = 1.0,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> np.ndarray:
    """Fill every depression to its spill elevation (exact, no epsilon).

    Parameters
    ----------
    dem : 2-D array of elevations (m); NaN marks nodata.
    nodata_mask : optional boolean array, True where the DEM is nodata.
    cellsize_x, cellsize_y : cell size (only used to pick steepest descents
        while labelling basins; the result does not depend on it).
    max_memory_mb : refuse (``MemoryLimitError``) if the stated
        :data:`FILL_BYTES_PER_CELL` cost exceeds this.
    progress, is_cancelled : callbacks (fraction 0..1; cancel raises ``Cancelled``).

    Returns
    -------
    Filled DEM (float32, or float64 for a float64 input), NaN at nodata.  Every
    filled cell has a non-ascending path to the raster edge or to a nodata
    cell; cells already on such a path keep their elevation.  Nodata cells act
    as outlets.

    Examples
    --------
    >>> z = np.array([[5, 5, 5, 5], [5, 1, 2, 5], [5, 3, 4, 5], [5, 5, 5, 5]], float)
    >>> fill_depressions(z).tolist()
    [[5.0, 5.0, 5.0, 5.0], [5.0, 5.0, 5.0, 5.0], [5.0, 5.0, 5.0, 5.0], [5.0, 5.0, 5.0, 5.0]]
    """
    z = as_float(dem, nodata_mask)
    check_memory(z.shape, FILL_BYTES_PER_CELL, max_memory_mb, "Depression filling")
    zp = pad(z, np.nan)
    del z
    return fill_padded(zp, cellsize_x, cellsize_y, progress, is_cancelled)[1:-1, 1:-1].copy()
