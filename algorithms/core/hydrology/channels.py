"""Channels on a routed DEM: cells by contributing area, Strahler order, reaches as lines."""

from __future__ import annotations

import math
from typing import Dict, List, Optional, Tuple

import numpy as np

from ..grid import GridSpec
from ..io.raster import CancelFn, _never, check_cancel
from .d8 import codes_to_padded, offsets, pad

__all__ = ["Reach", "extract_channels", "strahler_order", "channel_reaches"]

#: One reach: map coordinates of its vertices and its attributes (``ORDER``, ``LENGTH_M``,
#: ``GRADIENT``, ``UPAREA_KM2``).
Reach = Tuple[List[Tuple[float, float]], Dict[str, float]]


def extract_channels(area_m2: np.ndarray, min_area_m2: float) -> np.ndarray:
    """Channel cells: upslope area at least ``min_area_m2``.

    Parameters
    ----------
    area_m2 : upslope area (m², e.g. :func:`.accumulation.upslope_area`); NaN at nodata.
    min_area_m2 : contributing area (m²) from which a cell is a channel.

    Returns
    -------
    Boolean array; NaN (nodata) is never a channel.

    >>> extract_channels(np.array([[1.0, 5.0, np.nan]]), 5.0).tolist()
    [[False, True, False]]
    """
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
    off = offsets(kp.shape[1])
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

    Parameters
    ----------
    codes : ESRI D8 codes (0 = nodata).
    channels : boolean channel mask (e.g. :func:`extract_channels`); flow leaving it ends a stream.
    is_cancelled : cancel callback (raises ``Cancelled``).

    Returns
    -------
    int16 array of the order, 0 off the channels and at nodata.

    Examples
    --------
    Two order-1 streams (columns 0 and 2) join in the middle of the last row:

    >>> codes = np.array([[4, 0, 4], [2, 0, 8], [0, 4, 0], [0, 4, 0]], np.uint8)
    >>> strahler_order(codes, codes > 0).tolist()
    [[1, 0, 1], [1, 0, 1], [0, 2, 0], [0, 2, 0]]
    """
    kp = codes_to_padded(codes)
    chp = pad(np.asarray(channels, dtype=bool), False)
    order = strahler_padded(kp, chp, is_cancelled)[0]
    return order[1:-1, 1:-1].copy()


def strahler_padded(
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
) -> List[Reach]:
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
    kp = codes_to_padded(codes)
    chp = pad(np.asarray(channels, dtype=bool), False)
    ordp, levels, down, indeg = strahler_padded(kp, chp, is_cancelled)
    if order is not None:
        ordp = pad(np.asarray(order).astype(np.int16), np.int16(0))
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
    area1 = pad(np.asarray(area_m2, dtype=np.float64), np.nan).ravel()
    elev1 = pad(np.asarray(elevation, dtype=np.float64), np.nan).ravel()
    x0, dx, _, y0, _, dy = grid.geotransform
    rows_p = cells // c2 - 1
    cols_p = cells % c2 - 1
    xs = x0 + (cols_p + 0.5) * dx
    ys = y0 + (rows_p + 0.5) * dy
    out: List[Reach] = []
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
