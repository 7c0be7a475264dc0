"""Flow routing on a DEM: depression filling, D8 directions, accumulation,
channels, Strahler order, channel reaches and watersheds.

All kernels are vectorised numpy; none loops over cells in Python.  The
sequential classics are re-expressed so that every cell is touched a small,
bounded number of times:

* **Depression filling** (exact, no epsilon).  The fill level of a cell is the
  minimax elevation over all paths to the raster edge or to nodata.  Every
  cell first follows its steepest strictly-lower neighbour (cells of a flat
  follow an equal neighbour), which partitions the DEM into *basins*, one per
  pit; the basin labels are found by pointer jumping.  Between adjacent basins
  the spill elevation is the lowest ``max(z_a, z_b)`` over the cell pairs on
  their common border (one sort).  The fill level of each basin is then the
  minimax path to the outside in this much smaller basin graph, which runs
  along its minimum spanning tree (vectorised Borůvka, O(log n) rounds, then
  one breadth-first walk of the tree), and the fill level of a cell is
  ``max(z, level(basin))``.  This is exact: the result
  equals a priority-flood fill bit for bit.
* **Flow directions** (D8, steepest descent by drop / distance).  A cell
  without a strictly lower neighbour but next to the raster edge or to nodata
  drains out of the grid.  Flats (which include every filled depression) are
  resolved by a breadth-first wavefront from their outlets through cells of
  equal elevation: every flat cell points to the neighbour it was reached
  from, i.e. along the shortest path to the flat's lower edge.
* **Routing through depressions like GRASS r.watershed -s** (:func:`breach_directions`,
  ``route_dem(..., depressions="breach")``): no filling; the pop order of r.watershed's A*
  search is solved as a fixed point (rank -> discoverer -> rank), depressions being searched
  as nested blocks right after their entry cell; every cell drains to its discoverer.
  Same directions as r.watershed cell by cell on the DEMs tested, but much slower than the
  fill mode (see ``benchmarks/RESULTS.md``).
* **Flow accumulation** in topological order (Kahn): the wavefront of cells
  whose upstream cells are all done moves downstream one step per iteration;
  in each step the cells are grouped by direction so that every group adds
  into distinct targets with a plain fancy-index add.

Direction codes (ESRI convention), stored as ``uint8``; 0 marks nodata::

    32  64  128
    16   x    1
     8   4    2

A cell on the raster edge or next to nodata whose steepest descent leaves the
grid points towards that outside/nodata cell: its flow leaves the DEM there.

Memory: global operators read the whole raster.  Each states its cost in
bytes per cell (``*_BYTES_PER_CELL``) and raises :class:`MemoryLimitError`
before allocating more than ``max_memory_mb``.

Arrays use ``(row, col)`` order; nodata is NaN inside the core.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr

from .errors import QT_TRANSLATE_NOOP, InputError, MemoryLimitError
from .grid import GridSpec
from .raster_io import (
    CancelFn,
    ProgressFn,
    _never,
    _noop_progress,
    check_cancel,
    read_array,
    read_grid,
    write_array,
)

__all__ = [
    "D8_CODES",
    "D8_OFFSETS",
    "DEFAULT_MAX_MEMORY_MB",
    "FILL_BYTES_PER_CELL",
    "DIRECTIONS_BYTES_PER_CELL",
    "ACCUMULATION_BYTES_PER_CELL",
    "ROUTE_BYTES_PER_CELL",
    "BREACH_BYTES_PER_CELL",
    "DEPRESSION_MODES",
    "FlowResult",
    "check_memory",
    "fill_depressions",
    "d8_directions",
    "breach_directions",
    "flow_accumulation",
    "upslope_area",
    "extract_channels",
    "strahler_order",
    "channel_reaches",
    "snap_outlet",
    "watershed_mask",
    "mask_to_polygon",
    "route_dem",
]

#: ``(drow, dcol)`` of the 8 neighbours, in the order of :data:`D8_CODES`.
D8_OFFSETS: Tuple[Tuple[int, int], ...] = (
    (0, 1),
    (1, 1),
    (1, 0),
    (1, -1),
    (0, -1),
    (-1, -1),
    (-1, 0),
    (-1, 1),
)
#: ESRI D8 codes: E=1, SE=2, S=4, SW=8, W=16, NW=32, N=64, NE=128.
D8_CODES: Tuple[int, ...] = (1, 2, 4, 8, 16, 32, 64, 128)

DEFAULT_MAX_MEMORY_MB = 4096
#: Peak working memory of :func:`fill_depressions`, bytes per DEM cell.
FILL_BYTES_PER_CELL = 48
#: Peak working memory of :func:`d8_directions`, bytes per DEM cell.
DIRECTIONS_BYTES_PER_CELL = 24
#: Peak working memory of :func:`flow_accumulation`, bytes per DEM cell.
ACCUMULATION_BYTES_PER_CELL = 24
#: Peak memory of :func:`route_dem` (DEM, filled DEM, codes, accumulation
#: kept together, plus the largest stage's working arrays), bytes per cell.
ROUTE_BYTES_PER_CELL = 64

_CODE_TO_K = np.full(256, -1, dtype=np.int8)
for _k, _c in enumerate(D8_CODES):
    _CODE_TO_K[_c] = _k
_K_TO_CODE = np.array(list(D8_CODES) + [0], dtype=np.uint8)  # index -1 -> 0
_BLOCK_ROWS = 256
_OUT_ORDER = (0, 2, 4, 6, 1, 3, 5, 7)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def check_memory(shape: Sequence[int], bytes_per_cell: float, max_memory_mb: float, operation: str) -> None:
    """Refuse a global operation that would need more than ``max_memory_mb``.

    Parameters
    ----------
    shape : raster shape ``(rows, cols)``.
    bytes_per_cell : the operation's stated cost.
    max_memory_mb : the user's limit in MiB.
    operation : English name of the operation, for the message.

    Raises
    ------
    MemoryLimitError
        with the needed and allowed memory and what to do about it.

    >>> check_memory((100, 100), 48, 1, "fill")
    >>> check_memory((10000, 10000), 48, 1024, "fill")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    algorithms.core.errors.MemoryLimitError: ...
    """
    cells = int(shape[0]) * int(shape[1])
    need_mb = cells * float(bytes_per_cell) / 2.0**20
    if need_mb > float(max_memory_mb):
        raise MemoryLimitError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Flow routing on this DEM needs about {need_mb:.0f} MB ({cells} cells x "
                "{bytes_per_cell} bytes per cell), more than the memory limit of "
                "{limit_mb:.0f} MB. Raise the limit (advanced parameter MAX_MEMORY) if "
                "the machine has the memory, or clip or resample the DEM to fewer cells.",
            ),
            operation=operation,
            need_mb=need_mb,
            cells=cells,
            bytes_per_cell=bytes_per_cell,
            limit_mb=float(max_memory_mb),
        )


def _work_dtype(a: np.ndarray) -> np.dtype:
    return np.dtype(np.float64) if a.dtype == np.float64 else np.dtype(np.float32)


def _as_float(dem: np.ndarray, nodata_mask: Optional[np.ndarray]) -> np.ndarray:
    z = np.asarray(dem)
    if z.ndim != 2:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The DEM must be a 2-D grid, got shape {shape}."),
            shape=tuple(z.shape),
        )
    z = z.astype(_work_dtype(z), copy=True)
    if nodata_mask is not None:
        z[np.asarray(nodata_mask, dtype=bool)] = np.nan
    return z


def _pad(a: np.ndarray, value: Any) -> np.ndarray:
    out = np.full((a.shape[0] + 2, a.shape[1] + 2), value, dtype=a.dtype)
    out[1:-1, 1:-1] = a
    return out


def _offsets(cols_padded: int) -> np.ndarray:
    """1-D index offsets of the 8 neighbours in a padded grid, plus 0 (self) last."""
    return np.array([dr * cols_padded + dc for dr, dc in D8_OFFSETS] + [0], dtype=np.int64)


def _distances(cellsize_x: float, cellsize_y: float) -> np.ndarray:
    diag = math.hypot(cellsize_x, cellsize_y)
    return np.array([cellsize_x, diag, cellsize_y, diag, cellsize_x, diag, cellsize_y, diag])


def _steepest(zp: np.ndarray, cellsize_x: float, cellsize_y: float) -> np.ndarray:
    """Direction index 0..7 of the steepest strictly-lower neighbour of each cell.

    ``zp`` is padded by one NaN cell on every side, NaN at nodata.  A cell with
    no strictly lower valid neighbour but a NaN (outside/nodata) neighbour
    points to the first such neighbour.  Other cells (pits and flats) and
    nodata cells get -1.  Returns a padded int8 array (ring = -1).
    """
    rows, cols = zp.shape[0] - 2, zp.shape[1] - 2
    inv = 1.0 / _distances(cellsize_x, cellsize_y)
    kp = np.full(zp.shape, -1, dtype=np.int8)
    for r0 in range(0, rows, _BLOCK_ROWS):
        r1 = min(r0 + _BLOCK_ROWS, rows)
        zc = zp[1 + r0 : 1 + r1, 1:-1]
        best = np.zeros(zc.shape, dtype=zp.dtype)
        kb = np.full(zc.shape, -1, dtype=np.int8)
        s = np.empty(zc.shape, dtype=zp.dtype)
        better = np.empty(zc.shape, dtype=bool)
        for k, (dr, dc) in enumerate(D8_OFFSETS):
            nb = zp[1 + r0 + dr : 1 + r1 + dr, 1 + dc : 1 + dc + cols]
            np.subtract(zc, nb, out=s)
            s *= zp.dtype.type(inv[k])
            np.greater(s, best, out=better)  # NaN compares False
            np.copyto(best, s, where=better)
            kb[better] = k
        todo = (kb < 0) & ~np.isnan(zc)
        if todo.any():
            for k in _OUT_ORDER:  # cardinal directions first: straight out of an edge
                dr, dc = D8_OFFSETS[k]
                nb = zp[1 + r0 + dr : 1 + r1 + dr, 1 + dc : 1 + dc + cols]
                m = todo & np.isnan(nb)
                kb[m] = k
                todo &= ~m
        kp[1 + r0 : 1 + r1, 1:-1] = kb
    return kp


def _interior_index(shape_padded: Tuple[int, int]) -> np.ndarray:
    return np.arange(shape_padded[0] * shape_padded[1], dtype=np.int64).reshape(shape_padded)[1:-1, 1:-1]


# ---------------------------------------------------------------------------
# depression filling
# ---------------------------------------------------------------------------


def _basin_pointers(zp: np.ndarray, kp: np.ndarray) -> np.ndarray:
    """Pointer (padded 1-D index) of every cell towards its basin's pit.

    Cells with a steepest descent follow it; flat cells point to an equal
    neighbour that has a descent, else to an equal neighbour with a smaller
    index (W, NW, N, NE), else to themselves (a pit).  All outside/nodata cells
    point to index 0 (the outside basin).  The pointers form a forest.
    """
    c2 = zp.shape[1]
    off = _offsets(c2)
    zc = zp[1:-1, 1:-1]
    kc = kp[1:-1, 1:-1]
    choice = kc.copy()
    flat = (kc < 0) & ~np.isnan(zc)
    rows, cols = zc.shape
    if flat.any():
        has_dir = kp >= 0
        todo = flat.copy()
        for k, (dr, dc) in enumerate(D8_OFFSETS):
            nbz = zp[1 + dr : 1 + dr + rows, 1 + dc : 1 + dc + cols]
            nbd = has_dir[1 + dr : 1 + dr + rows, 1 + dc : 1 + dc + cols]
            m = todo & nbd & (nbz == zc)
            choice[m] = k
            todo &= ~m
        for k in (4, 5, 6, 7):  # W, NW, N, NE: smaller 1-D index
            dr, dc = D8_OFFSETS[k]
            nbz = zp[1 + dr : 1 + dr + rows, 1 + dc : 1 + dc + cols]
            m = todo & (nbz == zc)
            choice[m] = k
            todo &= ~m
    ptr = np.zeros(zp.size, dtype=np.int64)
    inner = _interior_index(zp.shape)
    target = inner + off[choice.astype(np.int64)]  # choice -1 -> self
    valid = ~np.isnan(zc)
    ptr.reshape(zp.shape)[1:-1, 1:-1] = np.where(valid, target, 0)
    return ptr


def _pointer_jump(ptr: np.ndarray, is_cancelled: CancelFn) -> np.ndarray:
    """Replace every pointer by its tree root (in place); O(N log depth)."""
    active = np.flatnonzero(ptr[ptr] != ptr)
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


def _fill_padded(
    zp: np.ndarray, cellsize_x: float, cellsize_y: float, progress: ProgressFn, is_cancelled: CancelFn
) -> np.ndarray:
    """Filled copy of a NaN-padded DEM (same padding)."""
    kp = _steepest(zp, cellsize_x, cellsize_y)
    check_cancel(is_cancelled)
    progress(0.2)
    ptr = _basin_pointers(zp, kp)
    del kp
    check_cancel(is_cancelled)
    _pointer_jump(ptr, is_cancelled)
    progress(0.5)
    is_root = np.zeros(ptr.size, dtype=bool)
    is_root[ptr] = True
    rank = np.cumsum(is_root, dtype=np.int64) - 1  # root 0 (outside) -> basin 0
    n_basins = int(rank[-1]) + 1
    label = rank[ptr].astype(np.int32).reshape(zp.shape)
    del ptr, rank, is_root
    if n_basins == 1:
        progress(1.0)
        return zp.copy()
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
    return filled


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
    z = _as_float(dem, nodata_mask)
    check_memory(z.shape, FILL_BYTES_PER_CELL, max_memory_mb, "Depression filling")
    zp = _pad(z, np.nan)
    del z
    return _fill_padded(zp, cellsize_x, cellsize_y, progress, is_cancelled)[1:-1, 1:-1].copy()


# ---------------------------------------------------------------------------
# directions
# ---------------------------------------------------------------------------


def _resolve_flats(zp: np.ndarray, kp: np.ndarray, is_cancelled: CancelFn) -> int:
    """Give flat cells (``kp == -1``, valid) a direction towards the flat's outlet.

    Breadth-first wavefront through equal-elevation cells from the cells of
    the flat that touch an equal cell with a direction.  Updates ``kp`` in
    place and returns the number of cells left without a direction (0 on a
    filled DEM).
    """
    c2 = zp.shape[1]
    off = _offsets(c2)
    z1 = zp.ravel()
    k1 = kp.ravel()
    flat = np.flatnonzero((k1 < 0) & ~np.isnan(z1))
    if flat.size == 0:
        return 0
    unresolved = np.zeros(z1.size, dtype=bool)
    unresolved[flat] = True
    zf = z1[flat]
    resolved_before = k1 >= 0
    new_parts = []
    for k in range(8):
        nb = flat + off[k]
        m = unresolved[flat] & resolved_before[nb] & (z1[nb] == zf)
        sel = flat[m]
        k1[sel] = k
        unresolved[sel] = False
        new_parts.append(sel)
    frontier = np.concatenate(new_parts)
    del resolved_before, zf
    remaining = int(flat.size - frontier.size)
    it = 0
    while frontier.size and remaining:
        it += 1
        if it % 64 == 0:
            check_cancel(is_cancelled)
        zfr = z1[frontier]
        parts = []
        for k in range(8):
            nb = frontier + off[k]
            m = unresolved[nb] & (z1[nb] == zfr)
            sel = nb[m]
            k1[sel] = (k + 4) % 8
            unresolved[sel] = False
            parts.append(sel)
        frontier = np.concatenate(parts)
        remaining -= frontier.size
    return remaining


def _directions_padded(
    zp: np.ndarray, cellsize_x: float, cellsize_y: float, is_cancelled: CancelFn
) -> np.ndarray:
    kp = _steepest(zp, cellsize_x, cellsize_y)
    check_cancel(is_cancelled)
    left = _resolve_flats(zp, kp, is_cancelled)
    if left:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "{cells} cells have no downslope neighbour (closed depressions). Fill "
                "the DEM's depressions first (Fill sinks).",
            ),
            cells=left,
        )
    return kp


def d8_directions(
    filled: np.ndarray,
    cellsize_x: float,
    cellsize_y: float,
    *,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    is_cancelled: CancelFn = _never,
) -> np.ndarray:
    """D8 flow directions of a depression-free DEM, flats resolved.

    Parameters
    ----------
    filled : 2-D array of elevations without closed depressions (the output of
        :func:`fill_depressions`); NaN marks nodata.
    cellsize_x, cellsize_y : cell size in metres (the slope to a diagonal
        neighbour divides the drop by the diagonal distance).

    Returns
    -------
    ``uint8`` ESRI codes (E=1, SE=2, S=4, SW=8, W=16, NW=32, N=64, NE=128); 0 at
    nodata.  Every valid cell has a code.  Cells with no strictly lower
    neighbour that touch the raster edge or nodata point out of the grid;
    cells of a flat point along the shortest path to the flat's outlet.

    Raises
    ------
    InputError
        if cells remain without a direction (the DEM was not filled).

    Examples
    --------
    >>> z = np.array([[3., 3., 3.], [2., 2., 2.], [1., 1., 1.]])
    >>> d8_directions(z, 1.0, 1.0).tolist()
    [[4, 4, 4], [4, 4, 4], [4, 4, 1]]
    """
    z = _as_float(filled, None)
    check_memory(z.shape, DIRECTIONS_BYTES_PER_CELL, max_memory_mb, "Flow directions")
    zp = _pad(z, np.nan)
    kp = _directions_padded(zp, cellsize_x, cellsize_y, is_cancelled)
    return _K_TO_CODE[kp[1:-1, 1:-1]]


def _codes_to_padded(codes: np.ndarray) -> np.ndarray:
    codes = np.asarray(codes)
    if codes.ndim != 2:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The flow directions must be a 2-D grid, got shape {shape}."),
            shape=tuple(codes.shape),
        )
    return _pad(_CODE_TO_K[codes.astype(np.uint8)], np.int8(-1))


# ---------------------------------------------------------------------------
# routing through depressions like GRASS r.watershed (A* search order)
# ---------------------------------------------------------------------------

#: GRASS r.watershed's neighbour visiting order ``(drow, dcol)`` (ram/do_astar.c).
_ASTAR_NB: Tuple[Tuple[int, int], ...] = (
    (1, 0),
    (-1, 0),
    (0, -1),
    (0, 1),
    (-1, 1),
    (1, -1),
    (1, 1),
    (-1, -1),
)
#: For each diagonal of :data:`_ASTAR_NB`, the two cardinals next to it (an east-west step
#: away, a north-south step away).
_ASTAR_CARD = {4: (1, 3), 5: (0, 2), 6: (0, 3), 7: (1, 2)}
#: Peak working memory of the breach routing (:func:`breach_directions`), bytes per cell
#: (measured 340 on Big Tujunga, 9 levels of nested depressions; 730 on Qinling 30 m).
BREACH_BYTES_PER_CELL = 800
_BIG = np.iinfo(np.int64).max


def _components(mask: np.ndarray, off: np.ndarray, is_cancelled: CancelFn) -> np.ndarray:
    """Label (smallest member index) of the 8-connected components of a flat padded mask."""
    idx = np.flatnonzero(mask)
    lab = np.full(mask.size, -1, dtype=np.int64)
    lab[idx] = idx
    while True:
        check_cancel(is_cancelled)
        old = lab[idx].copy()
        cur = old.copy()
        for o in off:
            ln = lab[idx + o]
            np.copyto(cur, ln, where=(ln >= 0) & (ln < cur))
        lab[idx] = cur
        lab[idx] = lab[lab[idx]]
        if np.array_equal(lab[idx], old):
            return lab


class _AStarOrder:
    """The pop order of r.watershed's A* search, solved as a fixed point (vectorised).

    The search pops cells by (elevation, insertion counter); a cell is inserted, and drains
    to, the first popped neighbour that does not skip it (GRASS skips a higher diagonal when a
    not yet popped cardinal between them is steeper from it).  So the pop order sorts:

    * *level cells* (elevation equal to their fill level ``L``) by ``(L, counter)``, the counter
      being ``(rank of the discoverer, visiting index)``; seeds (edge and nodata-adjacent
      cells) come first, in raster order;
    * a *depression* (8-connected cells below their fill level) is searched as one block right
      after its *entry*, the first popped level cell next to it at the spill level; inside, the
      same rules apply with the fill level taken from the entry (nested depressions recurse).

    Ranks and discoverers are solved by iterating ``rank -> discoverer -> rank`` (a few rounds
    per nesting depth; blocks are laid out by exclusive sums of their sizes); entries are
    re-chosen from the ranks until they no longer change.
    """

    def __init__(self, zp: np.ndarray, cellsize_x: float, cellsize_y: float, is_cancelled: CancelFn) -> None:
        self.shape = zp.shape
        self.c2 = zp.shape[1]
        self.z1 = zp.ravel()
        self.n = self.z1.size
        self.valid = ~np.isnan(self.z1)
        self.cx, self.cy = cellsize_x, cellsize_y
        self.is_cancelled = is_cancelled
        self.off = np.array([dr * self.c2 + dc for dr, dc in _ASTAR_NB], dtype=np.int64)
        diag = math.hypot(cellsize_x, cellsize_y)
        self.dist = np.array([cellsize_y, cellsize_y, cellsize_x, cellsize_x, diag, diag, diag, diag])
        # distance from a diagonal neighbour to the cardinal ``j`` next to it: an east-west step
        # for the north/south cardinals, a north-south step for the east/west ones
        self.step = np.array([cellsize_x, cellsize_x, cellsize_y, cellsize_y])
        self.vidx = np.flatnonzero(self.valid)
        seed = np.zeros(self.n, dtype=bool)
        for o in self.off:
            seed[self.vidx] |= ~self.valid[self.vidx + o]
        self.seed = seed
        self.fill = _fill_padded(zp, cellsize_x, cellsize_y, _noop_progress, is_cancelled).ravel()
        self.zmax = float(np.nanmax(self.z1))
        self.depth = np.zeros(self.n, dtype=np.int8)
        self.level = self.fill.copy()
        self.anchors: List[np.ndarray] = []
        self.a = np.where(seed, -1, self.n + 1).astype(np.int64)
        self.b = np.where(seed, np.arange(self.n), 0).astype(np.int64)

    # -- ranks ---------------------------------------------------------------
    def ranks(self) -> np.ndarray:
        vidx, n = self.vidx, self.n
        size = np.ones(n, dtype=np.int64)
        for anc in self.anchors:
            m = anc >= 0
            size += np.bincount(anc[m], minlength=n)
        start = np.full(n, -1, dtype=np.int64)
        dv = self.depth[vidx]
        root = vidx[dv == 0]
        root = root[np.lexsort((self.b[root], self.a[root], self.level[root]))]
        start[root] = np.cumsum(size[root]) - size[root]
        for k, anc in enumerate(self.anchors, start=1):
            cells = vidx[dv == k]
            if cells.size == 0:
                continue
            an = anc[cells]
            o = np.lexsort((self.b[cells], self.a[cells], self.level[cells], start[an]))
            cells, an = cells[o], an[o]
            sz = size[cells]
            cs = np.cumsum(sz) - sz
            first = np.r_[True, an[1:] != an[:-1]]
            start[cells] = start[an] + 1 + cs - np.maximum.accumulate(np.where(first, cs, 0))
        return start

    def discover(self, rank: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """Discoverer (padded index, -1 for a seed draining off the map) and visiting index."""
        vidx, z1, valid = self.vidx, self.z1, self.valid
        rk = np.where(valid, rank, _BIG)
        best = np.full(vidx.size, _BIG)
        disc = np.full(vidx.size, -1, dtype=np.int64)
        vis = np.zeros(vidx.size, dtype=np.int64)
        zx, rx, sx = z1[vidx], rk[vidx], self.seed[vidx]
        dx = self.depth[vidx]
        # cells inside depression blocks (few), per depth: position in vidx and their anchor
        deep: List[Tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for k, anc in enumerate(self.anchors, start=1):
            pos = np.flatnonzero(dx == k)
            if pos.size:
                deep.append((pos, anc, anc[vidx[pos]]))
        for k in range(8):
            y = vidx - self.off[k]  # y pops, x is y's neighbour number k
            ry, zy = rk[y], z1[y]
            ok = valid[y] & (ry < rx) & (~sx | (zy < zx))
            # inside a depression block only the entry and the block's own cells come first
            for pos, anc, mine in deep:
                yp = y[pos]
                ok[pos] &= (yp == mine) | (anc[yp] == mine)
            if k >= 4:
                for j in _ASTAR_CARD[k]:
                    nb = y + self.off[j]
                    zn = z1[nb]
                    with np.errstate(invalid="ignore"):
                        skip = valid[nb] & (rk[nb] > ry) & (zx > zy)
                        skip &= (zx - zy) / self.dist[k] < (zx - zn) / self.step[j]
                    ok &= ~skip
            better = ok & (ry < best)
            best[better] = ry[better]
            disc[better] = y[better]
            vis[better] = k
        return disc, vis

    def iterate(self, rounds: int = 12) -> Tuple[np.ndarray, np.ndarray]:
        vidx, sx = self.vidx, self.seed[self.vidx]
        for _ in range(rounds):
            check_cancel(self.is_cancelled)
            rank = self.ranks()
            disc, vis = self.discover(rank)
            na = np.where(sx, -1, np.where(disc >= 0, rank[np.maximum(disc, 0)], self.n + 1))
            nb = np.where(sx, vidx, np.where(disc >= 0, vis, 0))
            changed = bool((na != self.a[vidx]).any() or (nb != self.b[vidx]).any())
            self.a[vidx] = na
            self.b[vidx] = nb
            if not changed:
                break
        return rank, disc

    # -- nested depressions ----------------------------------------------------
    def build_blocks(self, rank: np.ndarray) -> np.ndarray:
        z1, valid, off = self.z1, self.valid, self.off
        self.depth[:] = 0
        self.level = self.fill.copy()
        self.anchors = []
        entries: List[np.ndarray] = []
        d = 0
        while True:
            check_cancel(self.is_cancelled)
            cur = (self.depth == d) & valid
            reg = cur & (z1 < self.level)
            if not reg.any():
                break
            lab = _components(reg, off, self.is_cancelled)
            ridx = np.flatnonzero(reg)
            rl = lab[ridx]
            # the entry: the first popped cell at the spill level next to the depression
            ent_rank = np.full(self.n, _BIG)
            rim = []
            for o in off:
                nb = ridx + o
                okr = cur[nb] & ~reg[nb] & (z1[nb] == self.level[ridx])
                rim.append((nb, okr))
                np.minimum.at(ent_rank, rl, np.where(okr, rank[nb], _BIG))
            ent = np.full(self.n, -1, dtype=np.int64)
            for nb, okr in rim:
                m = okr & (rank[nb] == ent_rank[rl])
                ent[rl[m]] = nb[m]
            entry = ent[rl]
            entries.append(entry)
            # fill level inside each depression, the entry being its only outlet; depressions
            # next to another one's entry are filled one by one
            is_entry = np.zeros(self.n, dtype=bool)
            is_entry[entry] = True
            foreign = np.zeros(ridx.size, dtype=bool)
            for o in off:
                nb = ridx + o
                foreign |= is_entry[nb] & (nb != entry)
            conflict = np.unique(rl[foreign])
            batches = [~np.isin(rl, conflict)] + [rl == lab_ for lab_ in conflict]
            lev = np.full(ridx.size, np.nan)
            for bm in batches:
                if bm.any():
                    lev[bm] = self._fill_from_entries(ridx[bm], entry[bm])
            d += 1
            self.depth[ridx] = d
            self.level[ridx] = lev
            anc = np.full(self.n, -1, dtype=np.int64)
            anc[ridx] = entry
            self.anchors.append(anc)
        return np.concatenate(entries) if entries else np.empty(0, dtype=np.int64)

    def _fill_from_entries(self, cells: np.ndarray, entry: np.ndarray) -> np.ndarray:
        c2 = self.c2
        rr, cc = np.divmod(cells, c2)
        r0, c0 = max(int(rr.min()) - 2, 0), max(int(cc.min()) - 2, 0)
        r1, c1 = int(rr.max()) + 3, int(cc.max()) + 3
        sub = np.full((r1 - r0, c1 - c0), self.zmax + 1.0)
        sub[rr - r0, cc - c0] = self.z1[cells]
        er, ec = np.divmod(np.unique(entry), c2)
        sub[er - r0, ec - c0] = np.nan
        lev = _fill_padded(_pad(sub, np.nan), self.cx, self.cy, _noop_progress, self.is_cancelled)
        return lev[1 + rr - r0, 1 + cc - c0]

    def solve(self, progress: ProgressFn) -> np.ndarray:
        """Padded D8 direction indices (-1 at nodata)."""
        rank, disc = self.iterate()
        progress(0.3)
        previous = None
        for i in range(6):
            entries = self.build_blocks(rank)
            rank, disc = self.iterate()
            progress(0.3 + 0.1 * (i + 1))
            if previous is not None and np.array_equal(previous, entries):
                break
            previous = entries
        # discoverer -> D8 index; seeds without one drain off the map
        kp = np.full(self.n, -1, dtype=np.int8)
        off8 = _offsets(self.c2)[:8]
        lut = {int(o): k for k, o in enumerate(off8)}
        vidx = self.vidx
        has = disc >= 0
        delta = disc[has] - vidx[has]
        kk = np.zeros(delta.size, dtype=np.int8)
        for o, k in lut.items():
            kk[delta == o] = k
        kp[vidx[has]] = kk
        # seeds draining off the map as r.watershed: north, west, south, east edge, else the
        # first nodata neighbour (N, S, W, E, NW, NE, SW, SE)
        out = vidx[~has]
        row, col = np.divmod(out, self.c2)
        r2 = self.shape[0]
        kout = np.full(out.size, -1, dtype=np.int8)
        for m, k in ((row == 1, 6), (col == 1, 4), (row == r2 - 2, 2), (col == self.c2 - 2, 0)):
            kout[(kout < 0) & m] = k
        for k in (6, 2, 4, 0, 5, 7, 3, 1):
            kout[(kout < 0) & ~self.valid[out + off8[k]]] = k
        kp[out] = kout
        return kp.reshape(self.shape)


def _breach_padded(
    zp: np.ndarray, cellsize_x: float, cellsize_y: float, progress: ProgressFn, is_cancelled: CancelFn
) -> Tuple[np.ndarray, np.ndarray]:
    """Padded direction indices routed like ``r.watershed -s``, and the padded fill levels."""
    solver = _AStarOrder(zp, cellsize_x, cellsize_y, is_cancelled)
    kp = solver.solve(progress)
    return kp, solver.fill.reshape(zp.shape)


def _astar_elevations(z: np.ndarray) -> Tuple[np.ndarray, float]:
    """Elevations as r.watershed compares them: integers, floats rounded to the millimetre."""
    scale = 1.0 if np.all(np.isnan(z) | (z == np.round(z))) else 1000.0
    return np.round(z.astype(np.float64) * scale), scale


def breach_directions(
    dem: np.ndarray,
    cellsize_x: float,
    cellsize_y: float,
    *,
    nodata_mask: Optional[np.ndarray] = None,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> np.ndarray:
    """D8 directions that route through depressions like GRASS ``r.watershed -s``.

    No elevation is changed.  The directions are those of r.watershed's A* least-cost search
    (cell by cell on the DEMs tested): a cell drains to the first neighbour the search reaches
    (about its steepest descent on slopes; on flats a breadth-first search from the lower
    cells); a depression is searched from its pour point downwards, so its water flows down
    to the pit and back up the search path to the pour point, as if breached along the
    lowest path.  Cells on the raster edge or next to nodata drain out unless the search
    reaches a lower neighbour first.  Floating-point elevations are compared to the
    millimetre, as r.watershed does.

    Parameters
    ----------
    dem : 2-D elevations (m); NaN marks nodata.
    cellsize_x, cellsize_y : cell size (m).
    nodata_mask : optional boolean array, True where the DEM is nodata.
    max_memory_mb : refuse (``MemoryLimitError``) above :data:`BREACH_BYTES_PER_CELL` per cell.

    Returns
    -------
    ``uint8`` ESRI codes, 0 at nodata.

    Examples
    --------
    A closed pit (the 1) drains through its pour point (the 5 on the north edge) without being
    filled: down to the pit, then back up north and north-east:

    >>> z = np.array([[9, 9, 5, 9], [9, 2, 3, 9], [9, 1, 4, 9], [9, 9, 9, 9]], float)
    >>> breach_directions(z, 1.0, 1.0)[1:3, 1:3].tolist()
    [[128, 64], [64, 16]]
    """
    z = _as_float(dem, nodata_mask)
    check_memory(z.shape, BREACH_BYTES_PER_CELL, max_memory_mb, "Flow directions")
    zs, _scale = _astar_elevations(z)
    kp, _fill = _breach_padded(_pad(zs, np.nan), cellsize_x, cellsize_y, progress, is_cancelled)
    return _K_TO_CODE[kp[1:-1, 1:-1]]


# ---------------------------------------------------------------------------
# accumulation
# ---------------------------------------------------------------------------


def _accumulate_padded(
    kp: np.ndarray, weights: Optional[np.ndarray], progress: ProgressFn, is_cancelled: CancelFn
) -> np.ndarray:
    """Kahn-order accumulation on padded direction indices; returns padded float64."""
    check_cancel(is_cancelled)
    r2, c2 = kp.shape
    rows, cols = r2 - 2, c2 - 2
    off = _offsets(c2)
    k1 = kp.ravel()
    valid = k1 >= 0
    indeg = np.full(kp.shape, 100, dtype=np.int8)  # outside/nodata: never ready
    inner = indeg[1:-1, 1:-1]
    inner[...] = 0
    for k, (dr, dc) in enumerate(D8_OFFSETS):
        # the neighbour at (-dr, -dc) flows into the centre if its direction is k
        src = kp[1 - dr : 1 - dr + rows, 1 - dc : 1 - dc + cols]
        inner += src == k
    inner[kp[1:-1, 1:-1] < 0] = 100
    indeg1 = indeg.ravel()
    acc = np.zeros(kp.size, dtype=np.float64)
    if weights is None:
        acc[valid] = 1.0
    else:
        w = _pad(np.asarray(weights, dtype=np.float64), 0.0).ravel()
        acc[valid] = np.nan_to_num(w[valid])
    frontier = np.flatnonzero(indeg1 == 0)
    total = max(int(valid.sum()), 1)
    done = 0
    it = 0
    while frontier.size:
        it += 1
        if it % 32 == 0:
            check_cancel(is_cancelled)
            progress(done / total)
        done += frontier.size
        kf = k1[frontier]
        groups = []
        for k in range(8):
            fk = frontier[kf == k]
            if fk.size == 0:
                continue
            dk = fk + off[k]
            acc[dk] += acc[fk]
            indeg1[dk] -= 1
            groups.append(dk)
        parts = []
        for dk in groups:
            ready = dk[indeg1[dk] == 0]
            indeg1[ready] = -1  # so that another group does not take it again
            parts.append(ready)
        frontier = np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)
    acc[~valid] = np.nan
    progress(1.0)
    return acc.reshape(kp.shape)


def flow_accumulation(
    codes: np.ndarray,
    weights: Optional[np.ndarray] = None,
    *,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> np.ndarray:
    """Number of cells (or sum of ``weights``) draining through each cell, itself included.

    Parameters
    ----------
    codes : ESRI D8 codes from :func:`d8_directions` (0 = nodata).
    weights : optional per-cell weights (NaN counts as 0).

    Returns
    -------
    float64 array; NaN at nodata.

    Examples
    --------
    >>> codes = np.array([[4, 4, 4], [4, 4, 4], [4, 4, 4]], np.uint8)
    >>> flow_accumulation(codes)[:, 0].tolist()
    [1.0, 2.0, 3.0]
    """
    kp = _codes_to_padded(codes)
    check_memory(kp.shape, ACCUMULATION_BYTES_PER_CELL, max_memory_mb, "Flow accumulation")
    return _accumulate_padded(kp, weights, progress, is_cancelled)[1:-1, 1:-1].copy()


def upslope_area(codes: np.ndarray, cellsize_x: float, cellsize_y: float, **kwargs: Any) -> np.ndarray:
    """Upslope (contributing) area in m², the cell itself included; NaN at nodata.

    Keyword arguments go to :func:`flow_accumulation`.
    """
    return flow_accumulation(codes, **kwargs) * (cellsize_x * cellsize_y)


# ---------------------------------------------------------------------------
# channels
# ---------------------------------------------------------------------------


def extract_channels(area_m2: np.ndarray, min_area_m2: float) -> np.ndarray:
    """Channel cells: upslope area at least ``min_area_m2`` (NaN is never a channel)."""
    a = np.asarray(area_m2, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return a >= float(min_area_m2)


def _channel_topology(
    kp: np.ndarray, channels_p: np.ndarray, is_cancelled: CancelFn
) -> Tuple[List[np.ndarray], np.ndarray, np.ndarray]:
    """Kahn levels of the channel sub-network.

    Returns ``(levels, downstream, indeg)``: the list of level arrays (padded
    1-D indices, upstream first), the downstream padded index of every cell
    (-1 where the flow leaves the channel network), and the number of channel
    cells flowing into each cell.
    """
    off = _offsets(kp.shape[1])
    k1 = kp.ravel()
    ch = channels_p.ravel()
    cells = np.flatnonzero(ch)
    down = np.full(kp.size, -1, dtype=np.int64)
    kc = k1[cells].astype(np.int64)
    d = cells + off[kc]
    d[kc < 0] = -1
    ok = d >= 0
    ok[ok] = ch[d[ok]]
    d[~ok] = -1
    down[cells] = d
    indeg = np.zeros(kp.size, dtype=np.int16)
    np.add.at(indeg, d[ok], 1)
    remaining = indeg.copy()
    frontier = cells[indeg[cells] == 0]
    levels = []
    it = 0
    while frontier.size:
        it += 1
        if it % 64 == 0:
            check_cancel(is_cancelled)
        levels.append(frontier)
        df = down[frontier]
        df = df[df >= 0]
        np.subtract.at(remaining, df, 1)
        cand = np.unique(df)
        frontier = cand[remaining[cand] == 0]
    return levels, down, indeg


def strahler_order(codes: np.ndarray, channels: np.ndarray, *, is_cancelled: CancelFn = _never) -> np.ndarray:
    """Strahler order of channel cells (0 elsewhere).

    A source cell has order 1; where two or more tributaries of the highest
    incoming order meet, the order increases by one.

    Examples
    --------
    Two order-1 streams (columns 0 and 2) join in the middle of the last row:

    >>> codes = np.array([[4, 0, 4], [2, 0, 8], [0, 4, 0], [0, 4, 0]], np.uint8)
    >>> strahler_order(codes, codes > 0).tolist()
    [[1, 0, 1], [1, 0, 1], [0, 2, 0], [0, 2, 0]]
    """
    kp = _codes_to_padded(codes)
    chp = _pad(np.asarray(channels, dtype=bool), False)
    order = _strahler_padded(kp, chp, is_cancelled)[0]
    return order[1:-1, 1:-1].copy()


def _strahler_padded(
    kp: np.ndarray, chp: np.ndarray, is_cancelled: CancelFn
) -> Tuple[np.ndarray, List[np.ndarray], np.ndarray, np.ndarray]:
    levels, down, indeg = _channel_topology(kp, chp, is_cancelled)
    n = kp.size
    order = np.zeros(n, dtype=np.int16)
    best = np.zeros(n, dtype=np.int16)  # highest incoming order
    nbest = np.zeros(n, dtype=np.int16)  # how many tributaries have it
    for lev in levels:
        o = np.where(best[lev] == 0, 1, best[lev] + (nbest[lev] >= 2)).astype(np.int16)
        order[lev] = o
        d = down[lev]
        m = d >= 0
        d, o = d[m], o[m]
        if d.size == 0:
            continue
        # per target: max incoming order in this batch and its multiplicity
        srt = np.lexsort((-o, d))
        d, o = d[srt], o[srt]
        first = np.r_[True, d[1:] != d[:-1]]
        starts = np.flatnonzero(first)
        td = d[starts]
        tmax = o[starts]
        grp = np.cumsum(first) - 1
        tcount = np.bincount(grp, weights=(o == tmax[grp])).astype(np.int16)
        cur = best[td]
        higher = tmax > cur
        equal = tmax == cur
        best[td] = np.where(higher, tmax, cur)
        nbest[td] = np.where(higher, tcount, np.where(equal, nbest[td] + tcount, nbest[td]))
    return order.reshape(kp.shape), levels, down, indeg


def channel_reaches(
    codes: np.ndarray,
    channels: np.ndarray,
    grid: GridSpec,
    *,
    area_m2: np.ndarray,
    elevation: np.ndarray,
    order: Optional[np.ndarray] = None,
    is_cancelled: CancelFn = _never,
) -> List[Tuple[List[Tuple[float, float]], Dict[str, float]]]:
    """Split the channel network into reaches between sources, junctions and outlets.

    Parameters
    ----------
    codes : ESRI D8 codes.
    channels : boolean channel mask (e.g. :func:`extract_channels`).
    grid : georeferencing (cell centres become line vertices).
    area_m2 : upslope area (m²), for ``UPAREA_KM2``.
    elevation : elevations for the gradient (use the filled DEM so that it is
        never negative).
    order : Strahler order (computed when omitted).

    Returns
    -------
    List of ``(coords, attrs)``: ``coords`` the map coordinates of the cell
    centres from the reach's top cell down to the junction cell it flows into
    (or its last cell where the flow leaves the network); ``attrs`` has
    ``ORDER`` (Strahler), ``LENGTH_M`` (planar length of the line),
    ``GRADIENT`` (m/m: drop between the line's ends / length; 0 for a
    zero-length line) and ``UPAREA_KM2`` (upslope area at the reach's last
    cell, in km²).  Reaches are ordered upstream first.
    """
    kp = _codes_to_padded(codes)
    chp = _pad(np.asarray(channels, dtype=bool), False)
    ordp, levels, down, indeg = _strahler_padded(kp, chp, is_cancelled)
    if order is not None:
        ordp = _pad(np.asarray(order).astype(np.int16), np.int16(0))
    if not levels:
        return []
    o1 = ordp.ravel()
    c2 = kp.shape[1]
    topo = np.concatenate(levels)
    # reach heads: sources and junction cells (channel in-degree != 1)
    is_head = indeg[topo] != 1
    rid = np.full(kp.size, -1, dtype=np.int64)
    rid[topo[is_head]] = np.arange(int(is_head.sum()))
    for lev in levels:
        d = down[lev]
        m = d >= 0
        d, src = d[m], lev[m]
        single = indeg[d] == 1
        rid[d[single]] = rid[src[single]]
    cell_rid = rid[topo]
    srt = np.argsort(cell_rid, kind="stable")  # topological order kept within a reach
    cells = topo[srt]
    crid = cell_rid[srt]
    bounds = np.flatnonzero(np.r_[True, crid[1:] != crid[:-1], True])
    area1 = _pad(np.asarray(area_m2, dtype=np.float64), np.nan).ravel()
    elev1 = _pad(np.asarray(elevation, dtype=np.float64), np.nan).ravel()
    x0, dx, _, y0, _, dy = grid.geotransform
    rows_p = cells // c2 - 1
    cols_p = cells % c2 - 1
    xs = x0 + (cols_p + 0.5) * dx
    ys = y0 + (rows_p + 0.5) * dy
    out: List[Tuple[List[Tuple[float, float]], Dict[str, float]]] = []
    for i in range(bounds.size - 1):
        if i % 256 == 0:
            check_cancel(is_cancelled)
        a, b = int(bounds[i]), int(bounds[i + 1])
        last = int(cells[b - 1])
        rx = xs[a:b].tolist()
        ry = ys[a:b].tolist()
        end = last
        d = int(down[last])
        if d >= 0:
            end = d
            rx.append(x0 + (d % c2 - 1 + 0.5) * dx)
            ry.append(y0 + (d // c2 - 1 + 0.5) * dy)
        px, py = np.asarray(rx), np.asarray(ry)
        length = float(np.hypot(np.diff(px), np.diff(py)).sum())
        drop = float(elev1[int(cells[a])] - elev1[end])
        grad = drop / length if length > 0 and math.isfinite(drop) else 0.0
        out.append(
            (
                list(zip(rx, ry)),
                {
                    "ORDER": int(o1[int(cells[a])]),
                    "LENGTH_M": length,
                    "GRADIENT": grad,
                    "UPAREA_KM2": float(area1[last]) / 1e6,
                },
            )
        )
    return out


# ---------------------------------------------------------------------------
# outlets and watersheds
# ---------------------------------------------------------------------------


def snap_outlet(acc: np.ndarray, row: int, col: int, radius_cells: float) -> Tuple[int, int]:
    """Move an outlet to the cell of largest accumulation within a radius.

    Parameters
    ----------
    acc : accumulation (cells or area; NaN at nodata).
    row, col : outlet cell (may lie outside the grid by less than the radius).
    radius_cells : search radius in cells (0 keeps the cell).

    Returns
    -------
    ``(row, col)``; ties go to the cell nearest the outlet.

    Raises
    ------
    InputError
        if no valid cell lies within the radius.

    >>> a = np.array([[1., 1., 1.], [1., 9., 1.], [1., 1., 1.]])
    >>> snap_outlet(a, 0, 0, 1.5)
    (1, 1)
    """
    rows, cols = acc.shape
    r = max(float(radius_cells), 0.0)
    ir = int(math.floor(r))
    r0, r1 = max(row - ir, 0), min(row + ir + 1, rows)
    c0, c1 = max(col - ir, 0), min(col + ir + 1, cols)
    if r0 >= r1 or c0 >= c1:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The outlet at row {row}, column {col} lies outside the DEM."),
            row=row,
            col=col,
        )
    win = np.asarray(acc[r0:r1, c0:c1], dtype=np.float64)
    rr, cc = np.mgrid[r0:r1, c0:c1]
    dist2 = (rr - row) ** 2 + (cc - col) ** 2
    ok = (dist2 <= r * r + 1e-9) & ~np.isnan(win)
    if not ok.any():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The outlet at row {row}, column {col} has no valid DEM cell within "
                "the snapping distance. Move the outlet onto the DEM or raise the snapping distance.",
            ),
            row=row,
            col=col,
        )
    vals = np.where(ok, win, -np.inf)
    best = vals.max()
    cand = ok & (vals == best)
    d2 = np.where(cand, dist2, np.iinfo(np.int64).max)
    i = int(np.argmin(d2))
    return int(rr.ravel()[i]), int(cc.ravel()[i])


def _upstream_padded(kp: np.ndarray, start: int, is_cancelled: CancelFn) -> np.ndarray:
    off = _offsets(kp.shape[1])
    k1 = kp.ravel()
    inside = np.zeros(kp.size, dtype=bool)
    inside[start] = True
    frontier = np.array([start], dtype=np.int64)
    it = 0
    while frontier.size:
        it += 1
        if it % 64 == 0:
            check_cancel(is_cancelled)
        parts = []
        for k in range(8):
            src = frontier - off[k]
            sel = src[k1[src] == k]
            parts.append(sel)
        frontier = np.concatenate(parts)
        inside[frontier] = True
    return inside.reshape(kp.shape)


def watershed_mask(codes: np.ndarray, row: int, col: int, *, is_cancelled: CancelFn = _never) -> np.ndarray:
    """Cells draining through ``(row, col)``, the outlet included.

    >>> codes = np.array([[4, 4, 4], [1, 4, 16], [1, 1, 4]], np.uint8)
    >>> watershed_mask(codes, 2, 2).astype(int).tolist()
    [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
    >>> watershed_mask(codes, 1, 0).astype(int).tolist()
    [[1, 0, 0], [1, 0, 0], [0, 0, 0]]
    """
    kp = _codes_to_padded(codes)
    start = (row + 1) * kp.shape[1] + col + 1
    if kp.ravel()[start] < 0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The outlet at row {row}, column {col} lies on a nodata cell."),
            row=row,
            col=col,
        )
    return _upstream_padded(kp, start, is_cancelled)[1:-1, 1:-1].copy()


def mask_to_polygon(mask: np.ndarray, grid: GridSpec) -> Any:
    """Outline of the True cells of ``mask`` as a shapely (Multi)Polygon in map units.

    Cells touching only at corners stay in one polygon (8-connectivity).
    Returns ``None`` for an empty mask.
    """
    from shapely import wkb
    from shapely.ops import unary_union

    rows_any = np.flatnonzero(mask.any(axis=1))
    cols_any = np.flatnonzero(mask.any(axis=0))
    if rows_any.size == 0:
        return None
    r0, r1 = int(rows_any[0]), int(rows_any[-1]) + 1
    c0, c1 = int(cols_any[0]), int(cols_any[-1]) + 1
    sub = mask[r0:r1, c0:c1].astype(np.uint8)
    mem = gdal.GetDriverByName("MEM").Create("", c1 - c0, r1 - r0, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(grid.window_geotransform(r0, c0))
    band = mem.GetRasterBand(1)
    band.WriteArray(sub)
    ods = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = ods.CreateLayer("ws", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))
    gdal.Polygonize(band, band, layer, 0, ["8CONNECTED=8"])
    geoms = []
    for feat in layer:
        geom = feat.GetGeometryRef()
        if geom is not None:
            geoms.append(wkb.loads(bytes(geom.ExportToWkb())))
    if not geoms:
        return None
    return unary_union(geoms)


# ---------------------------------------------------------------------------
# one-call helpers on files
# ---------------------------------------------------------------------------


@dataclass
class FlowResult:
    """Everything :func:`route_dem` computed, as whole arrays plus the grid.

    Attributes
    ----------
    grid : georeferencing of the DEM.
    dem : elevations (float32/float64), NaN at nodata.
    filled : depression-filled DEM, NaN at nodata.
    codes : ESRI D8 codes (uint8, 0 at nodata).
    accumulation : upslope cells (float64, the cell included), NaN at nodata.
    """

    grid: GridSpec
    dem: np.ndarray
    filled: np.ndarray
    codes: np.ndarray
    accumulation: np.ndarray

    @property
    def area_m2(self) -> np.ndarray:
        """Upslope area in m² (the cell included)."""
        return self.accumulation * self.grid.cell_area


def read_dem(
    path: str,
    *,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    bytes_per_cell: float = ROUTE_BYTES_PER_CELL,
    operation: str = "Flow routing",
) -> Tuple[np.ndarray, GridSpec]:
    """Read band 1 of a DEM as float (NaN at nodata) after the memory check.

    The grid must be usable for metric areas (:meth:`GridSpec.check_usable`).
    """
    grid = read_grid(path)
    grid.check_usable()
    check_memory(grid.shape, bytes_per_cell, max_memory_mb, operation)
    z, grid = read_array(path, dtype=None)
    if np.isnan(z).all():
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "The DEM {path} has no valid cells."), path=path)
    return z, grid


#: ``depressions`` values of :func:`route_dem`.
DEPRESSION_MODES = ("fill", "breach")


def route_dem(
    dem_path: str,
    *,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    accumulate: bool = True,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
    depressions: str = "fill",
) -> FlowResult:
    """Fill, D8 directions and (optionally) accumulation of a DEM file in one call.

    Parameters
    ----------
    dem_path : a GDAL raster in a metric projected CRS (band 1).
    max_memory_mb : memory limit; the cost is :data:`ROUTE_BYTES_PER_CELL` (``"fill"``) or
        :data:`BREACH_BYTES_PER_CELL` (``"breach"``).
    accumulate : compute the accumulation (else ``accumulation`` is all NaN).
    depressions : ``"fill"`` (default): fill depressions exactly, route across flats along the
        shortest path to their outlet; ``"breach"``: route through depressions along the
        search path of GRASS ``r.watershed -s`` (:func:`breach_directions`), no elevation
        changed.  ``filled`` holds the filled DEM in both modes.

    Returns
    -------
    :class:`FlowResult`.
    """
    if depressions not in DEPRESSION_MODES:
        raise ValueError(f"depressions must be one of {DEPRESSION_MODES}, got {depressions!r}")
    breach = depressions == "breach"
    z, grid = read_dem(
        dem_path,
        max_memory_mb=max_memory_mb,
        bytes_per_cell=BREACH_BYTES_PER_CELL if breach else ROUTE_BYTES_PER_CELL,
    )
    cx, cy = grid.cellsize_x, grid.cellsize_y
    if breach:
        zs, scale = _astar_elevations(z)
        kp, level_p = _breach_padded(_pad(zs, np.nan), cx, cy, lambda f: progress(0.6 * f), is_cancelled)
        # the fill level (to the mm on float DEMs) where a depression is, the DEM elsewhere
        zp = _pad(z, np.nan)
        filled_p = np.where(level_p > _pad(zs, np.nan), (level_p / scale).astype(z.dtype), zp)
        del zs, level_p, zp
    else:
        zp = _pad(z, np.nan)
        filled_p = _fill_padded(zp, cx, cy, lambda f: progress(0.45 * f), is_cancelled)
        del zp
        progress(0.45)
        kp = _directions_padded(filled_p, cx, cy, is_cancelled)
    progress(0.6)
    if accumulate:
        acc = _accumulate_padded(kp, None, lambda f: progress(0.6 + 0.4 * f), is_cancelled)[1:-1, 1:-1].copy()
    else:
        acc = np.full(z.shape, np.nan)
    codes = _K_TO_CODE[kp[1:-1, 1:-1]]
    progress(1.0)
    return FlowResult(grid=grid, dem=z, filled=filled_p[1:-1, 1:-1].copy(), codes=codes, accumulation=acc)


# ---------------------------------------------------------------------------
# file-level jobs used by the Processing algorithms
# ---------------------------------------------------------------------------

#: Nodata of float outputs (filled DEM, accumulation).
FLOAT_NODATA = -9999.0


def _span(progress: ProgressFn, lo: float, hi: float) -> ProgressFn:
    return lambda f: progress(lo + (hi - lo) * f)


def fill_dem_file(
    dem_path: str,
    out_path: str,
    *,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> Dict[str, float]:
    """Fill the depressions of a DEM file and write a Float32 GeoTIFF (nodata -9999).

    Returns statistics: ``filled_cells``, ``max_depth_m``, ``fill_volume_m3``.
    """
    z, grid = read_dem(
        dem_path,
        max_memory_mb=max_memory_mb,
        bytes_per_cell=FILL_BYTES_PER_CELL + 8,
        operation="Depression filling",
    )
    zp = _pad(z, np.nan)
    filled = _fill_padded(zp, grid.cellsize_x, grid.cellsize_y, _span(progress, 0.0, 0.8), is_cancelled)[
        1:-1, 1:-1
    ]
    del zp
    depth = filled - z
    with np.errstate(invalid="ignore"):
        raised = depth > 0
    stats = {
        "filled_cells": float(np.count_nonzero(raised)),
        "max_depth_m": float(np.nanmax(depth)) if raised.any() else 0.0,
        "fill_volume_m3": float(np.nansum(depth)) * grid.cell_area,
    }
    dtype = gdal.GDT_Float64 if filled.dtype == np.float64 else gdal.GDT_Float32
    write_array(
        out_path,
        grid,
        filled,
        dtype,
        FLOAT_NODATA,
        progress=_span(progress, 0.8, 1.0),
        is_cancelled=is_cancelled,
    )
    return stats


def flow_files(
    dem_path: str,
    dir_path: Optional[str],
    acc_path: Optional[str],
    *,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
    depressions: str = "fill",
) -> FlowResult:
    """Route a DEM and write D8 codes (Byte, nodata 0) and upslope area (m², Float32).

    Either output path may be ``None``.  Returns the :class:`FlowResult`.
    """
    res = route_dem(
        dem_path,
        max_memory_mb=max_memory_mb,
        progress=_span(progress, 0.0, 0.85),
        is_cancelled=is_cancelled,
        depressions=depressions,
    )
    if dir_path:
        write_array(
            dir_path,
            res.grid,
            res.codes,
            gdal.GDT_Byte,
            0,
            progress=_span(progress, 0.85, 0.9),
            is_cancelled=is_cancelled,
        )
    if acc_path:
        write_array(
            acc_path,
            res.grid,
            res.area_m2.astype(np.float32),
            gdal.GDT_Float32,
            FLOAT_NODATA,
            progress=_span(progress, 0.9, 1.0),
            is_cancelled=is_cancelled,
        )
    progress(1.0)
    return res


def channel_network(
    dem_path: str,
    min_area_m2: float,
    raster_path: Optional[str],
    *,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
    depressions: str = "fill",
) -> Tuple[List[Tuple[List[Tuple[float, float]], Dict[str, float]]], FlowResult]:
    """Channels of a DEM file: reaches as lines, and a Strahler-order raster.

    Parameters
    ----------
    min_area_m2 : contributing area (m²) from which a cell is a channel.
    raster_path : where to write the Strahler order of channel cells (Byte,
        0 = not a channel = nodata), or ``None``.

    Returns
    -------
    ``(reaches, flow)``; see :func:`channel_reaches`.
    """
    if not min_area_m2 > 0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The minimum contributing area must be positive, got {value}."),
            value=min_area_m2,
        )
    res = route_dem(
        dem_path,
        max_memory_mb=max_memory_mb,
        progress=_span(progress, 0.0, 0.7),
        is_cancelled=is_cancelled,
        depressions=depressions,
    )
    area = res.area_m2
    ch = extract_channels(area, min_area_m2)
    if not ch.any():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "No cell has a contributing area of {min_km2} km² or more (the largest is "
                "{max_km2:.3f} km²). Lower the minimum contributing area.",
            ),
            min_km2=min_area_m2 / 1e6,
            max_km2=float(np.nanmax(area)) / 1e6,
        )
    kp = _codes_to_padded(res.codes)
    chp = _pad(ch, False)
    order = _strahler_padded(kp, chp, is_cancelled)[0][1:-1, 1:-1]
    progress(0.8)
    reaches = channel_reaches(
        res.codes, ch, res.grid, area_m2=area, elevation=res.filled, order=order, is_cancelled=is_cancelled
    )
    progress(0.9)
    if raster_path:
        write_array(
            raster_path,
            res.grid,
            np.minimum(order, 255).astype(np.uint8),
            gdal.GDT_Byte,
            0,
            progress=_span(progress, 0.9, 1.0),
            is_cancelled=is_cancelled,
        )
    progress(1.0)
    return reaches, res


@dataclass
class WatershedResult:
    """One outlet's catchment: ``geometry`` is shapely, in the DEM's CRS."""

    outlet_id: Any
    geometry: Any
    area_km2: float
    cells: int
    snapped_xy: Tuple[float, float]
    snap_distance_m: float


def watersheds(
    dem_path: str,
    outlets: Sequence[Tuple[Any, float, float]],
    snap_distance_m: float,
    *,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
    depressions: str = "fill",
) -> Tuple[List[WatershedResult], List[Tuple[Any, InputError]]]:
    """Catchments of outlet points (map coordinates in the DEM's CRS).

    Each outlet is snapped to the cell of largest accumulation within
    ``snap_distance_m``; nested outlets each get their full catchment.

    Returns
    -------
    ``(results, skipped)``: skipped outlets come with the :class:`InputError`
    that says why (outside the DEM, on nodata).
    """
    if not outlets:
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "There are no outlet points."))
    res = route_dem(
        dem_path,
        max_memory_mb=max_memory_mb,
        progress=_span(progress, 0.0, 0.6),
        is_cancelled=is_cancelled,
        depressions=depressions,
    )
    grid = res.grid
    radius = max(float(snap_distance_m), 0.0) / min(grid.cellsize_x, grid.cellsize_y)
    kp = _codes_to_padded(res.codes)
    c2 = kp.shape[1]
    results: List[WatershedResult] = []
    skipped: List[Tuple[Any, InputError]] = []
    for i, (oid, x, y) in enumerate(outlets):
        check_cancel(is_cancelled)
        row, col = grid.cell_of(x, y)
        try:
            row, col = snap_outlet(res.accumulation, row, col, radius)
        except InputError:
            skipped.append(
                (
                    oid,
                    InputError(
                        QT_TRANSLATE_NOOP(
                            "SwcCore",
                            "Outlet {outlet} at ({x:.1f}, {y:.1f}) has no valid DEM cell within the "
                            "snapping distance of {snap:g} m. Move it onto the DEM or raise the snapping "
                            "distance.",
                        ),
                        outlet=oid,
                        x=x,
                        y=y,
                        snap=float(snap_distance_m),
                    ),
                )
            )
            continue
        inside = _upstream_padded(kp, (row + 1) * c2 + col + 1, is_cancelled)[1:-1, 1:-1]
        cells = int(inside.sum())
        geom = mask_to_polygon(inside, grid)
        sx, sy = grid.cell_center(row, col)
        results.append(
            WatershedResult(
                oid, geom, cells * grid.cell_area / 1e6, cells, (sx, sy), math.hypot(sx - x, sy - y)
            )
        )
        progress(0.6 + 0.4 * (i + 1) / len(outlets))
    return results, skipped
