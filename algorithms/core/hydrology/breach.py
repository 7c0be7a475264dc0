"""Routing through depressions like GRASS ``r.watershed -s`` (the ``DEPRESSIONS=1`` mode).

No elevation is changed: every cell drains to the cell that r.watershed's A* search reaches it
from, its *discoverer*.  The search order is solved without a heap by :mod:`.astar` (fill level,
breadth-first layer on flats, nested depressions searched right after their entry, ties settled
by walking the discoverer chains); the result equals a cell-by-cell re-enactment of GRASS 8.2's
``do_astar.c`` on the DEMs tested, at about the speed of ``r.watershed -s`` itself (see
``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

from typing import Optional, Tuple

import numpy as np

from ..io.raster import CancelFn, ProgressFn, _never, _noop_progress
from .astar import ASTAR_BYTES_PER_CELL, astar_padded
from .d8 import _K_TO_CODE, as_float
from .memory import DEFAULT_MAX_MEMORY_MB, check_memory

__all__ = ["BREACH_BYTES_PER_CELL", "breach_directions"]

#: Peak working memory of the breach routing with the accumulation that follows
#: (:func:`.route.route_dem`), bytes per cell: the solver (:data:`.astar.ASTAR_BYTES_PER_CELL`)
#: plus the DEM, its fill levels and the accumulation kept beside it.
BREACH_BYTES_PER_CELL = ASTAR_BYTES_PER_CELL + 16


def padded_elevations(z: np.ndarray) -> Tuple[np.ndarray, float]:
    """Elevations as r.watershed compares them, padded by one NaN cell: integers as they are,
    floating-point DEMs rounded to the millimetre (GRASS stores them as CELL x 1000).

    Float32 when that holds them exactly (below 2**24), else float64; built by row blocks, so
    no full-size temporary.  Returns ``(zp, scale)``.
    """
    rows, cols = z.shape
    step = max(1, (1 << 20) // max(cols, 1))
    integer = True
    big = 0.0
    for r0 in range(0, rows, step):
        blk = z[r0 : r0 + step]
        fin = blk[np.isfinite(blk)]
        if fin.size:
            integer = integer and bool(np.all(fin == np.round(fin)))
            big = max(big, float(np.abs(fin).max()))
    scale = 1.0 if integer else 1000.0
    dtype = np.float32 if big * scale < 2.0**24 else np.float64
    zp = np.full((rows + 2, cols + 2), np.nan, dtype=dtype)
    for r0 in range(0, rows, step):
        blk = z[r0 : r0 + step]
        out = zp[1 + r0 : 1 + r0 + blk.shape[0], 1:-1]
        out[...] = blk if integer else np.round(blk.astype(np.float64) * scale)
    return zp, scale


def astar_elevations(z: np.ndarray) -> Tuple[np.ndarray, float]:
    """Elevations as r.watershed compares them: integers, floats rounded to the millimetre."""
    zp, scale = padded_elevations(z)
    return zp[1:-1, 1:-1].astype(np.float64), scale


def breach_padded(
    zp: np.ndarray, cellsize_x: float, cellsize_y: float, progress: ProgressFn, is_cancelled: CancelFn
) -> Tuple[np.ndarray, np.ndarray]:
    """Padded D8 direction indices routed like ``r.watershed -s``, and the padded fill levels."""
    return astar_padded(zp, cellsize_x, cellsize_y, progress, is_cancelled, keep_fill=True)


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
    z = as_float(dem, nodata_mask)
    check_memory(z.shape, BREACH_BYTES_PER_CELL, max_memory_mb, "Flow directions")
    zp, _scale = padded_elevations(z)
    del z
    kp, _fill = breach_padded(zp, cellsize_x, cellsize_y, progress, is_cancelled)
    return _K_TO_CODE[kp[1:-1, 1:-1]]
