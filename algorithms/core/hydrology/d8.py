"""D8 conventions shared by every routing stage: codes, neighbour offsets, padding.

Direction codes (ESRI convention), stored as ``uint8``; 0 marks nodata::

    32  64  128
    16   x    1
     8   4    2

Inside the kernels a direction is an index ``k`` (0..7) into :data:`D8_OFFSETS`, ``-1`` for none,
on a grid padded by one cell on every side (the ring is outside/nodata) and flattened, so that
the neighbour ``k`` of the padded cell ``i`` is ``i + offsets[k]`` with no bounds check.
"""

from __future__ import annotations

import math
from typing import Any, Tuple

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, InputError

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

#: ESRI code -> direction index 0..7 (-1 for 0 and for any other value).
_CODE_TO_K = np.full(256, -1, dtype=np.int8)
for _k, _c in enumerate(D8_CODES):
    _CODE_TO_K[_c] = _k
#: direction index -> ESRI code; index -1 (no direction) -> 0.
_K_TO_CODE = np.array(list(D8_CODES) + [0], dtype=np.uint8)


def work_dtype(a: np.ndarray) -> np.dtype:
    """float64 for a float64 array, else float32 (the working precision of the kernels)."""
    return np.dtype(np.float64) if a.dtype == np.float64 else np.dtype(np.float32)


def as_float(dem: Any, nodata_mask: Any = None) -> np.ndarray:
    """A float copy of a 2-D DEM with NaN where ``nodata_mask`` is True.

    Raises
    ------
    InputError
        if the DEM is not 2-D.

    >>> as_float(np.array([[1, 2]]), np.array([[False, True]])).tolist()
    [[1.0, nan]]
    """
    z = np.asarray(dem)
    if z.ndim != 2:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The DEM must be a 2-D grid, got shape {shape}."),
            shape=tuple(z.shape),
        )
    z = z.astype(work_dtype(z), copy=True)
    if nodata_mask is not None:
        z[np.asarray(nodata_mask, dtype=bool)] = np.nan
    return z


def pad(a: np.ndarray, value: Any) -> np.ndarray:
    """``a`` surrounded by a one-cell ring of ``value``.

    >>> pad(np.array([[1]]), 0).tolist()
    [[0, 0, 0], [0, 1, 0], [0, 0, 0]]
    """
    out = np.full((a.shape[0] + 2, a.shape[1] + 2), value, dtype=a.dtype)
    out[1:-1, 1:-1] = a
    return out


def offsets(cols_padded: int) -> np.ndarray:
    """1-D index offsets of the 8 neighbours in a padded grid, plus 0 (self) last.

    >>> offsets(5).tolist()
    [1, 6, 5, 4, -1, -6, -5, -4, 0]
    """
    return np.array([dr * cols_padded + dc for dr, dc in D8_OFFSETS] + [0], dtype=np.int64)


def distances(cellsize_x: float, cellsize_y: float) -> np.ndarray:
    """Distance (m) to each of the 8 neighbours, in the order of :data:`D8_OFFSETS`.

    >>> distances(3.0, 4.0).tolist()
    [3.0, 5.0, 4.0, 5.0, 3.0, 5.0, 4.0, 5.0]
    """
    diag = math.hypot(cellsize_x, cellsize_y)
    return np.array([cellsize_x, diag, cellsize_y, diag, cellsize_x, diag, cellsize_y, diag])


def interior_index(shape_padded: Tuple[int, int]) -> np.ndarray:
    """Padded 1-D index of every interior cell, as a ``(rows, cols)`` array."""
    return np.arange(shape_padded[0] * shape_padded[1], dtype=np.int64).reshape(shape_padded)[1:-1, 1:-1]


def codes_to_padded(codes: Any) -> np.ndarray:
    """ESRI codes -> padded int8 direction indices (-1 at nodata, on the ring and for invalid codes).

    Raises
    ------
    InputError
        if ``codes`` is not 2-D.

    >>> codes_to_padded(np.array([[1, 0]], np.uint8)).tolist()
    [[-1, -1, -1, -1], [-1, 0, -1, -1], [-1, -1, -1, -1]]
    """
    codes = np.asarray(codes)
    if codes.ndim != 2:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The flow directions must be a 2-D grid, got shape {shape}."),
            shape=tuple(codes.shape),
        )
    return pad(_CODE_TO_K[codes.astype(np.uint8)], np.int8(-1))


def downstream_index(codes: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Flat (unpadded) index of each cell's D8 receiver.

    Parameters
    ----------
    codes : ESRI D8 codes, 0 at nodata.
    valid : boolean mask of the cells that may receive flow.

    Returns
    -------
    int64 array of ``codes.size``: the receiver's ``row * cols + col``, -1 where the flow leaves the
    grid, reaches an invalid cell or the cell has no direction.

    >>> downstream_index(np.array([[1, 4], [0, 16]], np.uint8), np.ones((2, 2), bool)).tolist()
    [1, 3, -1, 2]
    """
    rows, cols = codes.shape
    k = _CODE_TO_K[codes.astype(np.uint8).ravel()].astype(np.int64)
    dr = np.array([o[0] for o in D8_OFFSETS] + [0])[k]
    dc = np.array([o[1] for o in D8_OFFSETS] + [0])[k]
    idx = np.arange(rows * cols, dtype=np.int64)
    r = idx // cols + dr
    c = idx % cols + dc
    inside = (k >= 0) & (r >= 0) & (r < rows) & (c >= 0) & (c < cols)
    down = np.where(inside, r * cols + c, -1)
    ok = down >= 0
    ok[ok] = valid.ravel()[down[ok]]
    down[~ok] = -1
    return down


def step_lengths(codes: np.ndarray, cellsize_x: float, cellsize_y: float) -> np.ndarray:
    """Length (m) of each cell's D8 step, flattened; 0 where there is no direction.

    >>> step_lengths(np.array([[1, 2, 0]], np.uint8), 3.0, 4.0).tolist()
    [3.0, 5.0, 0.0]
    """
    k = _CODE_TO_K[codes.astype(np.uint8).ravel()]
    lut = np.append(distances(cellsize_x, cellsize_y), 0.0)
    return lut[k]
