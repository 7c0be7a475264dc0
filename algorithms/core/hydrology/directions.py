"""D8 flow directions (steepest descent by drop / distance) with flats resolved.

A cell without a strictly lower neighbour but next to the raster edge or to nodata drains out of
the grid.  Flats (which include every filled depression) are resolved by a breadth-first wavefront
from their outlets through cells of equal elevation: every flat cell points to the neighbour it
was reached from, i.e. along the shortest path to the flat's lower edge.
"""

from __future__ import annotations

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..io.raster import CancelFn, _never, check_cancel
from .d8 import _K_TO_CODE, D8_OFFSETS, as_float, distances, offsets, pad
from .memory import DEFAULT_MAX_MEMORY_MB, check_memory

__all__ = ["DIRECTIONS_BYTES_PER_CELL", "d8_directions"]

#: Peak working memory of :func:`d8_directions`, bytes per DEM cell.
DIRECTIONS_BYTES_PER_CELL = 24
#: Rows per block of :func:`steepest` (bounds its temporaries; the result does not depend on it).
_BLOCK_ROWS = 256
#: Order in which a cell with no lower neighbour looks for an outside/nodata neighbour: cardinal
#: directions first, so that it drains straight out of an edge.
_OUT_ORDER = (0, 2, 4, 6, 1, 3, 5, 7)


def steepest(zp: np.ndarray, cellsize_x: float, cellsize_y: float) -> np.ndarray:
    """Direction index 0..7 of the steepest strictly-lower neighbour of each cell.

    ``zp`` is padded by one NaN cell on every side, NaN at nodata.  A cell with
    no strictly lower valid neighbour but a NaN (outside/nodata) neighbour
    points to the first such neighbour.  Other cells (pits and flats) and
    nodata cells get -1.  Returns a padded int8 array (ring = -1).
    """
    rows, cols = zp.shape[0] - 2, zp.shape[1] - 2
    inv = 1.0 / distances(cellsize_x, cellsize_y)
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
            for k in _OUT_ORDER:
                dr, dc = D8_OFFSETS[k]
                nb = zp[1 + r0 + dr : 1 + r1 + dr, 1 + dc : 1 + dc + cols]
                m = todo & np.isnan(nb)
                kb[m] = k
                todo &= ~m
        kp[1 + r0 : 1 + r1, 1:-1] = kb
    return kp


def resolve_flats(zp: np.ndarray, kp: np.ndarray, is_cancelled: CancelFn) -> int:
    """Give flat cells (``kp == -1``, valid) a direction towards the flat's outlet.

    Breadth-first wavefront through equal-elevation cells from the cells of
    the flat that touch an equal cell with a direction.  Updates ``kp`` in
    place and returns the number of cells left without a direction (0 on a
    filled DEM).
    """
    c2 = zp.shape[1]
    off = offsets(c2)
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


def directions_padded(
    zp: np.ndarray, cellsize_x: float, cellsize_y: float, is_cancelled: CancelFn
) -> np.ndarray:
    """Padded direction indices of a padded depression-free DEM (steepest descent, flats resolved).

    Raises
    ------
    InputError
        if cells remain without a direction (closed depressions).
    """
    kp = steepest(zp, cellsize_x, cellsize_y)
    check_cancel(is_cancelled)
    left = resolve_flats(zp, kp, is_cancelled)
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
        :func:`.fill.fill_depressions`); NaN marks nodata.
    cellsize_x, cellsize_y : cell size in metres (the slope to a diagonal
        neighbour divides the drop by the diagonal distance).
    max_memory_mb : refuse (``MemoryLimitError``) above :data:`DIRECTIONS_BYTES_PER_CELL` per cell.
    is_cancelled : cancel callback (raises ``Cancelled``).

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
    z = as_float(filled, None)
    check_memory(z.shape, DIRECTIONS_BYTES_PER_CELL, max_memory_mb, "Flow directions")
    zp = pad(z, np.nan)
    kp = directions_padded(zp, cellsize_x, cellsize_y, is_cancelled)
    return _K_TO_CODE[kp[1:-1, 1:-1]]
