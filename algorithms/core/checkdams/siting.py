"""Where a check dam may stand: the gully cells, their thalweg and their valley section.

Gullies are the channel cells whose upslope area lies between two limits (and inside an optional
area of interest).  Each gully cell gets the local bed gradient and the thalweg direction over a
window of the channel; a cell steep enough is a site when its valley section at crest level closes
within the maximum crest length.

Per-cell arrays are flat (``row * cols + col``); per-site arrays follow :attr:`Gullies.cells`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

import numpy as np

from ..grid import GridSpec
from ..hydrology import FlowResult, downstream_index, step_lengths
from ..io.raster import CancelFn
from .geometry import cross_sections

__all__ = ["Gullies", "Thalweg", "Sections", "gully_cells", "thalweg", "valley_sections"]


@dataclass
class Gullies:
    """The gully network of a routed DEM and the per-cell arrays every stage reads.

    Attributes
    ----------
    grid : georeferencing.
    z2 : filled DEM (m, float64, NaN at nodata), 2-D; ``z`` is the same, flat.
    valid : flat mask of the valid cells.
    acc : upslope cells (flat); ``uparea`` the upslope area (m²).
    down : flat index of each cell's D8 receiver (-1: leaves the grid or the data).
    steplen : length of each cell's D8 step (m).
    net : flat mask of the gully cells; ``cells`` their flat indices, in raster order.
    xs, ys : map coordinates of the column and row centres.
    """

    grid: GridSpec
    z2: np.ndarray
    z: np.ndarray
    valid: np.ndarray
    acc: np.ndarray
    uparea: np.ndarray
    down: np.ndarray
    steplen: np.ndarray
    net: np.ndarray
    cells: np.ndarray
    xs: np.ndarray
    ys: np.ndarray


@dataclass
class Thalweg:
    """Per gully cell: local bed gradient (m/m), cell centre and unit downstream direction."""

    local_i: np.ndarray
    px: np.ndarray
    py: np.ndarray
    tx: np.ndarray
    ty: np.ndarray


@dataclass
class Sections:
    """Per gully cell: the valley section at crest level.

    ``a``/``b`` are the distances (m) from the thalweg to where the ground reaches the crest, to
    the left and the right of the downstream direction (NaN where the section does not close);
    ``body`` the dam body volume (m³); ``ok`` marks the sites (steep enough, section closed).
    """

    a: np.ndarray
    b: np.ndarray
    body: np.ndarray
    ok: np.ndarray


def gully_cells(
    flow: FlowResult,
    aoi: Optional[np.ndarray],
    min_uparea_km2: float,
    max_uparea_km2: float,
    stats: Dict[str, float],
) -> Gullies:
    """Gully cells: upslope area within ``[min_uparea_km2, max_uparea_km2]`` (km²), inside ``aoi``.

    Sets ``stats["channel_cells"]`` and ``stats["largest_km2"]`` (the largest upslope area inside
    the area of interest).  Nodata cells are never gully cells.
    """
    grid = flow.grid
    rows, cols = grid.shape
    z2 = flow.filled.astype(np.float64)
    z = z2.ravel()
    valid = np.isfinite(z)
    acc = flow.accumulation.ravel()
    uparea = acc * grid.cell_area
    down = downstream_index(flow.codes, np.isfinite(z2))
    steplen = step_lengths(flow.codes, grid.cellsize_x, grid.cellsize_y)
    with np.errstate(invalid="ignore"):
        net = valid & (uparea >= min_uparea_km2 * 1e6) & (uparea <= max_uparea_km2 * 1e6)
    if aoi is not None:
        net &= np.asarray(aoi, dtype=bool).ravel()
    stats["channel_cells"] = int(net.sum())
    inside = valid if aoi is None else valid & np.asarray(aoi, dtype=bool).ravel()
    stats["largest_km2"] = float(np.nanmax(np.where(inside, uparea, np.nan)) / 1e6) if inside.any() else 0.0
    xs = grid.geotransform[0] + (np.arange(cols) + 0.5) * grid.geotransform[1]
    ys = grid.geotransform[3] + (np.arange(rows) + 0.5) * grid.geotransform[5]
    return Gullies(grid, z2, z, valid, acc, uparea, down, steplen, net, np.flatnonzero(net), xs, ys)


def main_upstream(down: np.ndarray, acc: np.ndarray) -> np.ndarray:
    """For each cell, the upstream neighbour with the largest accumulation (-1: none).

    >>> main_upstream(np.array([2, 2, -1]), np.array([1.0, 3.0, 5.0])).tolist()
    [-1, -1, 1]
    """
    src = np.flatnonzero(down >= 0)
    up = np.full(down.size, -1, dtype=np.int64)
    if src.size == 0:  # no cell drains into another (e.g. a DEM of one cell)
        return up
    dst = down[src]
    a = np.nan_to_num(acc[src], nan=-1.0)
    order = np.lexsort((src, a, dst))  # by dst, then accumulation, ties by index
    dst_s = dst[order]
    last = np.r_[dst_s[1:] != dst_s[:-1], True]
    up[dst_s[last]] = src[order][last]
    return up


def follow(
    ptr: np.ndarray, start: np.ndarray, steps: int, lengths: np.ndarray, length_of_target: bool
) -> Tuple[np.ndarray, np.ndarray]:
    """Follow ``ptr`` up to ``steps`` times from ``start``; returns ``(end cell, distance)``.

    The distance adds ``lengths`` of the cell left (or, with ``length_of_target``, of the cell
    reached) at each step; a pointer -1 stops.

    >>> follow(np.array([1, 2, -1]), np.array([0]), 5, np.array([1.0, 2.0, 4.0]), False)
    (array([2]), array([3.]))
    """
    cur = start.copy()
    dist = np.zeros(start.size)
    for _ in range(steps):
        nxt = ptr[cur]
        ok = nxt >= 0
        if not ok.any():
            break
        step = lengths[nxt[ok]] if length_of_target else lengths[cur[ok]]
        dist[ok] += step
        cur[ok] = nxt[ok]
    return cur, dist


def thalweg(g: Gullies, gradient_window_m: float, stats: Dict[str, float]) -> Thalweg:
    """Local gradient and thalweg direction of every gully cell over a window of the channel.

    The window runs ``gradient_window_m`` (at least two cells) down the flow path and up the
    main upstream branch (largest accumulation); the gradient is the drop between its ends over
    its length along the channel, the direction the line from its upper to its lower end.  Sets
    ``stats["steepest"]``.
    """
    cols = g.grid.cols
    k = max(2, int(math.ceil(gradient_window_m / min(g.grid.cellsize_x, g.grid.cellsize_y))))
    mainup = main_upstream(g.down, g.acc)
    dn_end, dn_dist = follow(g.down, g.cells, k, g.steplen, length_of_target=False)
    up_end, up_dist = follow(mainup, g.cells, k, g.steplen, length_of_target=True)
    span = dn_dist + up_dist
    with np.errstate(invalid="ignore", divide="ignore"):
        local_i = np.where(span > 0, (g.z[up_end] - g.z[dn_end]) / span, 0.0)
    cr, cc = g.cells // cols, g.cells % cols
    px, py = g.xs[cc], g.ys[cr]
    tx = g.xs[dn_end % cols] - g.xs[up_end % cols]
    ty = g.ys[dn_end // cols] - g.ys[up_end // cols]
    norm = np.hypot(tx, ty)
    norm[norm == 0] = 1.0
    tx, ty = tx / norm, ty / norm
    stats["steepest"] = float(local_i.max()) if g.cells.size else 0.0
    return Thalweg(local_i, px, py, tx, ty)


def valley_sections(
    g: Gullies,
    t: Thalweg,
    *,
    min_gradient: float,
    height: float,
    dims: Tuple[float, float, float, float],
    max_crest_m: float,
    stats: Dict[str, float],
    is_cancelled: CancelFn,
) -> Sections:
    """Valley section at crest level (bed + ``height``) of every gully cell at least ``min_gradient`` steep.

    Sets ``stats["eligible_cells"]`` (the sites) and ``stats["open_sections"]`` (steep cells
    whose section does not close within ``max_crest_m`` or meets nodata).
    """
    n = g.cells.size
    a_all = np.full(n, np.nan)
    b_all = np.full(n, np.nan)
    body_all = np.full(n, np.nan)
    steep = t.local_i >= min_gradient
    si = np.flatnonzero(steep)
    if si.size:
        a_s, b_s, body_s = cross_sections(
            g.z2,
            g.grid,
            t.px[si],
            t.py[si],
            -t.ty[si],
            t.tx[si],
            g.z[g.cells[si]] + height,
            max_crest_m,
            dims,
            is_cancelled,
        )
        a_all[si], b_all[si], body_all[si] = a_s, b_s, body_s
    closes = np.isfinite(a_all)
    ok_cell = steep & closes
    stats["eligible_cells"] = int(ok_cell.sum())
    stats["open_sections"] = int((steep & ~closes).sum())
    return Sections(a_all, b_all, body_all, ok_cell)
