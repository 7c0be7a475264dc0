"""Terrain kernels on arrays: Horn's gradient, and slope as ``gdaldem slope -compute_edges``.

Kernels take a window that carries a one-cell halo on every side (NaN outside
the raster and at nodata) plus the flags saying which sides are raster edges,
and return the core cells.  Edge and nodata handling reproduce GDAL 3.x's
``gdaldem -compute_edges``:

* a neighbour outside the raster is extrapolated linearly from the two
  nearest cells of the same line (``2*a - b``); in the first and last raster
  rows the column index is clamped instead, so the four corner cells use the
  centre column for their missing side neighbours;
* an extrapolated value that involves nodata is nodata;
* a nodata neighbour is replaced by the centre cell's value;
* a nodata centre gives nodata.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

import numpy as np
from osgeo import gdal

from .io.raster import (
    DEFAULT_BLOCK,
    CancelFn,
    ProgressFn,
    Window,
    _never,
    _noop_progress,
    open_raster,
    write_blocks,
)

Edges = Tuple[bool, bool, bool, bool]
SLOPE_HALO = 1


def _extrapolate_edges(z: np.ndarray, edges: Edges) -> np.ndarray:
    """Fill the halo on raster-edge sides the way gdaldem does (``2*a - b``)."""
    top, bottom, left, right = edges
    z = z.copy()
    if left and z.shape[1] >= 3:
        z[:, 0] = 2.0 * z[:, 1] - z[:, 2]
    if right and z.shape[1] >= 3:
        z[:, -1] = 2.0 * z[:, -2] - z[:, -3]
    if top and z.shape[0] >= 3:
        z[0, :] = 2.0 * z[1, :] - z[2, :]
    if bottom and z.shape[0] >= 3:
        z[-1, :] = 2.0 * z[-2, :] - z[-3, :]
    return z


def horn_gradient(dem: np.ndarray, cellsize_x: float, cellsize_y: float) -> Tuple[np.ndarray, np.ndarray]:
    """Surface gradient by Horn (1981) of the core cells of a window: ``(dz/dx, dz/dy)``.

    The one Horn stencil of the core: slope (:func:`horn_slope`), the CSLE
    flow-width factor and the downhill direction of the slope works all come
    from it.

    Parameters
    ----------
    dem : 2-D float array with a one-cell halo on every side (NaN = nodata or
        outside the raster).  float32 stays float32, anything else is float64.
    cellsize_x, cellsize_y : cell size in metres (positive).

    Returns
    -------
    ``(dz/dx, dz/dy)`` of shape ``(rows-2, cols-2)``: x towards the east, y
    towards the **north** (row 0 is the northern edge), in m/m.  A NaN
    neighbour is replaced by the centre cell's value (gdaldem's rule); a NaN
    centre gives NaN.

    Examples
    --------
    A plane rising 2 m per 10 m cell northwards (rows count southwards):

    >>> z = np.repeat(np.arange(4.0, -1.0, -1.0)[:, None] * 2.0, 3, axis=1)
    >>> gx, gy = horn_gradient(z, 10.0, 10.0)
    >>> gx.tolist(), gy.tolist()
    ([[0.0], [0.0], [0.0]], [[0.2], [0.2], [0.2]])
    """
    win = np.asarray(dem, dtype=dem.dtype if dem.dtype == np.float32 else np.float64)
    if np.isnan(win).any():
        a, b, c, d, e, f, g, h, i = _neighbours_with_centre(win)
        hole = np.isnan(e)  # a nodata centre: its valid neighbours must not give it a slope
    else:  # fast path: no nodata in the window
        a, b, c = win[:-2, :-2], win[:-2, 1:-1], win[:-2, 2:]
        d, f = win[1:-1, :-2], win[1:-1, 2:]
        g, h, i = win[2:, :-2], win[2:, 1:-1], win[2:, 2:]
        hole = None
    dzdx = ((c + 2.0 * f + i) - (a + 2.0 * d + g)) / (8.0 * cellsize_x)
    dzdy = ((a + 2.0 * b + c) - (g + 2.0 * h + i)) / (8.0 * cellsize_y)
    if hole is not None and hole.any():
        dzdx[hole] = np.nan
        dzdy[hole] = np.nan
    return dzdx, dzdy


def _neighbours_with_centre(win: np.ndarray) -> np.ndarray:
    """Stack of the 9 neighbour arrays; NaN neighbours replaced by the centre."""
    centre = win[1:-1, 1:-1]
    rows, cols = centre.shape
    stack = np.empty((9, rows, cols), dtype=win.dtype)
    k = 0
    for dr in range(3):
        for dc in range(3):
            nb = win[dr : dr + rows, dc : dc + cols]
            stack[k] = np.where(np.isnan(nb), centre, nb)
            k += 1
    return stack


def slope_degrees(dzdx: np.ndarray, dzdy: np.ndarray) -> np.ndarray:
    """Slope angle (degrees) of a gradient: ``atan(√(dz/dx² + dz/dy²))``, as gdaldem."""
    return np.degrees(np.arctan(np.sqrt(dzdx * dzdx + dzdy * dzdy)))  # type: ignore[no-any-return]


def _horn(win: np.ndarray, cellsize_x: float, cellsize_y: float) -> np.ndarray:
    """Horn slope (degrees) of the centre cells of a haloed window."""
    return slope_degrees(*horn_gradient(win, cellsize_x, cellsize_y))


def horn_slope(
    window: np.ndarray, cellsize_x: float, cellsize_y: float, edges: Edges = (True, True, True, True)
) -> np.ndarray:
    """Slope in degrees by Horn (1981) for the core cells of ``window``.

    Parameters
    ----------
    window : 2-D float array with a one-cell halo on every side; NaN marks
        nodata and, on sides flagged in ``edges``, cells outside the raster.
    cellsize_x, cellsize_y : cell size in metres (positive).
    edges : ``(top, bottom, left, right)``: which halo sides lie outside the raster.

    Returns
    -------
    Array of shape ``(rows-2, cols-2)``; NaN where the centre is nodata.

    Examples
    --------
    A plane rising 1 m per 1 m cell eastwards has a 45° slope everywhere:

    >>> z = np.tile(np.arange(5.0), (5, 1))
    >>> w = np.pad(z, 1, constant_values=np.nan)
    >>> float(horn_slope(w, 1.0, 1.0)[2, 2])
    45.0
    """
    # float32 windows (elevations to well under a millimetre) compute three times faster
    win = np.asarray(window, dtype=window.dtype if window.dtype == np.float32 else np.float64)
    win = _extrapolate_edges(win, edges)
    slope = _horn(win, cellsize_x, cellsize_y)  # NaN where the centre is nodata
    _fix_corners(slope, np.asarray(window, dtype=np.float64), cellsize_x, cellsize_y, edges)
    return slope


def _fix_corners(
    slope: np.ndarray, raw: np.ndarray, cellsize_x: float, cellsize_y: float, edges: Edges
) -> None:
    """Recompute raster-corner cells with gdaldem's clamped-column window."""
    top, bottom, left, right = edges
    n_rows, n_cols = slope.shape
    corners = []
    if top and left:
        corners.append((0, 0, +1, +1))
    if top and right:
        corners.append((0, n_cols - 1, +1, -1))
    if bottom and left:
        corners.append((n_rows - 1, 0, -1, +1))
    if bottom and right:
        corners.append((n_rows - 1, n_cols - 1, -1, -1))
    for r, c, inward_r, inward_c in corners:
        rr, cc = r + 1, c + 1  # position in the haloed raw window
        if raw.shape[0] < 3 or raw.shape[1] < 3:
            continue
        centre = raw[rr, cc]
        if np.isnan(centre):
            continue
        inner_r = rr + inward_r
        inner_c = cc + inward_c
        # columns: outside side clamped to the centre column
        col_out, col_mid, col_in = cc, cc, inner_c
        row_mid, row_in = rr, inner_r
        # the row outside is extrapolated per column: 2*z[row_mid] - z[row_in]
        win = np.empty((3, 3))
        cols = (col_out, col_mid, col_in)
        for k, col in enumerate(cols):
            win[0, k] = 2.0 * raw[row_mid, col] - raw[row_in, col]
            win[1, k] = raw[row_mid, col]
            win[2, k] = raw[row_in, col]
        win[np.isnan(win)] = centre
        # orient the 3x3 window (outside row/col first) back to north-up, west-left
        if inward_r < 0:
            win = win[::-1, :]
        if inward_c < 0:
            win = win[:, ::-1]
        padded = np.pad(win, 1)
        slope[r, c] = _horn(padded, cellsize_x, cellsize_y)[1, 1]


def slope_to_raster(
    dem_path: str,
    out_path: str,
    *,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> Tuple[str, int]:
    """Write the Horn slope (degrees, Float32, nodata -9999) of a DEM, block by block.

    Returns ``(out_path, valid_cell_count)``.
    """
    ds, grid = open_raster(dem_path)
    grid.check_usable()
    band = ds.GetRasterBand(1)
    counter = {"valid": 0}

    def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
        s = horn_slope(arrays[0], grid.cellsize_x, grid.cellsize_y, window.edges)
        counter["valid"] += int(np.count_nonzero(~np.isnan(s)))
        return [s.astype(np.float32)]

    write_blocks(
        out_path,
        [(band, grid.nodata)],
        grid,
        kernel,
        gdal.GDT_Float32,
        -9999.0,
        halo=SLOPE_HALO,
        block_rows=block_rows,
        block_cols=block_cols,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    return out_path, counter["valid"]


def slope_array(
    dem: np.ndarray, cellsize_x: float, cellsize_y: float, nodata: Optional[float] = None
) -> np.ndarray:
    """Whole-array Horn slope (degrees) of ``dem``; NaN or ``nodata`` cells give NaN."""
    z = np.asarray(dem, dtype=np.float64)
    if nodata is not None and not np.isnan(nodata):
        z = np.where(z == nodata, np.nan, z)
    padded = np.pad(z, 1, constant_values=np.nan)
    return horn_slope(padded, cellsize_x, cellsize_y, (True, True, True, True))
