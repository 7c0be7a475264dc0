"""Flow accumulation in topological order (Kahn).

The wavefront of cells whose upstream cells are all done moves downstream one step per
iteration; in each step the cells are grouped by direction so that every group adds into distinct
targets with a plain fancy-index add.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from ..io.raster import CancelFn, ProgressFn, _never, _noop_progress, check_cancel
from .d8 import D8_OFFSETS, codes_to_padded, offsets, pad
from .memory import DEFAULT_MAX_MEMORY_MB, check_memory

__all__ = ["ACCUMULATION_BYTES_PER_CELL", "flow_accumulation", "upslope_area"]

#: Peak working memory of :func:`flow_accumulation`, bytes per DEM cell.
ACCUMULATION_BYTES_PER_CELL = 24


def accumulate_padded(
    kp: np.ndarray, weights: Optional[np.ndarray], progress: ProgressFn, is_cancelled: CancelFn
) -> np.ndarray:
    """Kahn-order accumulation on padded direction indices; returns padded float64."""
    check_cancel(is_cancelled)
    r2, c2 = kp.shape
    rows, cols = r2 - 2, c2 - 2
    off = offsets(c2)
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
        w = pad(np.asarray(weights, dtype=np.float64), 0.0).ravel()
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
    codes : ESRI D8 codes from :func:`.directions.d8_directions` (0 = nodata).
    weights : optional per-cell weights (NaN counts as 0).
    max_memory_mb : refuse (``MemoryLimitError``) above :data:`ACCUMULATION_BYTES_PER_CELL` per cell.
    progress, is_cancelled : callbacks (fraction 0..1; cancel raises ``Cancelled``).

    Returns
    -------
    float64 array; NaN at nodata.

    Examples
    --------
    >>> codes = np.array([[4, 4, 4], [4, 4, 4], [4, 4, 4]], np.uint8)
    >>> flow_accumulation(codes)[:, 0].tolist()
    [1.0, 2.0, 3.0]
    """
    kp = codes_to_padded(codes)
    check_memory(kp.shape, ACCUMULATION_BYTES_PER_CELL, max_memory_mb, "Flow accumulation")
    return accumulate_padded(kp, weights, progress, is_cancelled)[1:-1, 1:-1].copy()


def upslope_area(codes: np.ndarray, cellsize_x: float, cellsize_y: float, **kwargs: Any) -> np.ndarray:
    """Upslope (contributing) area in m², the cell itself included; NaN at nodata.

    ``cellsize_x``, ``cellsize_y`` are in metres; keyword arguments go to :func:`flow_accumulation`.

    >>> upslope_area(np.array([[4], [4]], np.uint8), 10.0, 20.0).ravel().tolist()
    [200.0, 400.0]
    """
    return flow_accumulation(codes, **kwargs) * (cellsize_x * cellsize_y)
