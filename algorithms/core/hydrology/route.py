"""Routing a DEM file in one call: fill (or breach), D8 directions and accumulation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..grid import GridSpec
from ..io.raster import CancelFn, ProgressFn, _never, _noop_progress, read_array, read_grid
from .accumulation import accumulate_padded
from .breach import BREACH_BYTES_PER_CELL, breach_padded, padded_elevations
from .d8 import _K_TO_CODE, pad
from .directions import directions_padded
from .fill import fill_padded
from .memory import DEFAULT_MAX_MEMORY_MB, check_memory

__all__ = ["ROUTE_BYTES_PER_CELL", "DEPRESSION_MODES", "FlowResult", "read_dem", "route_dem"]

#: Peak memory of :func:`route_dem` (DEM, filled DEM, codes, accumulation
#: kept together, plus the largest stage's working arrays), bytes per cell.
ROUTE_BYTES_PER_CELL = 64


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

    Parameters
    ----------
    path : a GDAL raster; its grid must be usable for metric areas (:meth:`GridSpec.check_usable`).
    max_memory_mb : memory limit (MiB).
    bytes_per_cell : the cost of the operation that follows, checked against the limit.
    operation : English name of that operation, for the memory message.

    Returns
    -------
    ``(z, grid)``: elevations (float64 for a Float64 band, else float32), NaN at nodata.

    Raises
    ------
    InputError
        if the grid is unusable or has no valid cell; ``MemoryLimitError`` above the limit.
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
        zs, scale = padded_elevations(z)
        kp, level_p = breach_padded(zs, cx, cy, lambda f: progress(0.6 * f), is_cancelled)
        # the fill level (to the mm on float DEMs) where a depression is, the DEM elsewhere
        filled_p = pad(z, np.nan)
        dep = np.flatnonzero(level_p.ravel() > zs.ravel())
        filled_p.ravel()[dep] = (level_p.ravel()[dep] / scale).astype(z.dtype)
        del zs, level_p, dep
    else:
        zp = pad(z, np.nan)
        filled_p = fill_padded(zp, cx, cy, lambda f: progress(0.45 * f), is_cancelled)
        del zp
        progress(0.45)
        kp = directions_padded(filled_p, cx, cy, is_cancelled)
    progress(0.6)
    if accumulate:
        acc = accumulate_padded(kp, None, lambda f: progress(0.6 + 0.4 * f), is_cancelled)[1:-1, 1:-1].copy()
    else:
        acc = np.full(z.shape, np.nan)
    codes = _K_TO_CODE[kp[1:-1, 1:-1]]
    progress(1.0)
    return FlowResult(grid=grid, dem=z, filled=filled_p[1:-1, 1:-1].copy(), codes=codes, accumulation=acc)
