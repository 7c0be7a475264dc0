"""Catchments: outlets snapped to the channel, the D8 upstream walk, cells to polygons."""

from __future__ import annotations

import math
from typing import Any, Dict, List, Tuple

import numpy as np
from osgeo import gdal

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..grid import GridSpec
from ..io import gdal_exceptions
from ..io.raster import CancelFn, _never, check_cancel, mem_raster
from ..io.vector import polygonize
from .d8 import codes_to_padded, offsets

__all__ = ["snap_outlet", "upstream_cells", "watershed_mask", "mask_to_polygon", "polygonize_labels"]


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


def upstream_padded(kp: np.ndarray, starts: Any, is_cancelled: CancelFn) -> np.ndarray:
    """Padded mask of the cells draining into any of ``starts`` (padded 1-D indices), them included.

    ``kp`` holds padded direction indices (-1 on the ring and at nodata).  A breadth-first walk
    against the flow: each round adds the cells whose direction points into the last round's
    cells.  A cell has one receiver, so every cell is added once; cells already inside are not
    added again (which also stops the walk on codes with a cycle).
    """
    off = offsets(kp.shape[1])
    k1 = kp.ravel()
    inside = np.zeros(kp.size, dtype=bool)
    frontier = np.unique(np.asarray(starts, dtype=np.int64).ravel())
    inside[frontier] = True
    it = 0
    while frontier.size:
        it += 1
        if it % 64 == 0:
            check_cancel(is_cancelled)
        parts = []
        for k in range(8):
            src = frontier - off[k]
            parts.append(src[(k1[src] == k) & ~inside[src]])
        frontier = np.concatenate(parts)
        inside[frontier] = True
    return inside.reshape(kp.shape)


def upstream_cells(codes: np.ndarray, rows: Any, cols: Any, *, is_cancelled: CancelFn = _never) -> np.ndarray:
    """Cells draining through any of the cells ``(rows[i], cols[i])``, those cells included.

    Parameters
    ----------
    codes : ESRI D8 codes (0 = nodata).
    rows, cols : row and column indices of the start cells (arrays of equal length, or scalars).
    is_cancelled : cancel callback (raises ``Cancelled``).

    Returns
    -------
    Boolean array of ``codes.shape``.  A start cell on nodata is included, with nothing upstream.

    >>> codes = np.array([[4, 4, 4], [1, 4, 16], [1, 1, 4]], np.uint8)
    >>> upstream_cells(codes, [1, 0], [0, 2]).astype(int).tolist()
    [[1, 0, 1], [1, 0, 0], [0, 0, 0]]
    """
    kp = codes_to_padded(codes)
    starts = (np.asarray(rows, dtype=np.int64) + 1) * kp.shape[1] + np.asarray(cols, dtype=np.int64) + 1
    return upstream_padded(kp, starts, is_cancelled)[1:-1, 1:-1].copy()


def watershed_mask(codes: np.ndarray, row: int, col: int, *, is_cancelled: CancelFn = _never) -> np.ndarray:
    """Cells draining through ``(row, col)``, the outlet included.

    Parameters
    ----------
    codes : ESRI D8 codes (0 = nodata).
    row, col : the outlet cell.
    is_cancelled : cancel callback (raises ``Cancelled``).

    Returns
    -------
    Boolean array of ``codes.shape``.

    Raises
    ------
    InputError
        if the outlet lies on a nodata cell.

    >>> codes = np.array([[4, 4, 4], [1, 4, 16], [1, 1, 4]], np.uint8)
    >>> watershed_mask(codes, 2, 2).astype(int).tolist()
    [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
    >>> watershed_mask(codes, 1, 0).astype(int).tolist()
    [[1, 0, 0], [1, 0, 0], [0, 0, 0]]
    """
    kp = codes_to_padded(codes)
    start = (row + 1) * kp.shape[1] + col + 1
    if kp.ravel()[start] < 0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The outlet at row {row}, column {col} lies on a nodata cell."),
            row=row,
            col=col,
        )
    return upstream_padded(kp, start, is_cancelled)[1:-1, 1:-1].copy()


def polygonize_labels(
    labels: np.ndarray, grid: GridSpec, *, eight_connected: bool = False
) -> Dict[int, List[Any]]:
    """Shapely polygons of the cells of each positive label of a label grid (GDAL ``Polygonize``).

    Parameters
    ----------
    labels : integer grid on ``grid``; cells <= 0 are left out.
    grid : georeferencing (the polygons are in its map units).
    eight_connected : cells touching only at a corner form one polygon (else 4-connectivity).

    Returns
    -------
    ``{label: [polygon, ...]}``, the polygons of each label in GDAL's order; empty when no cell
    is labelled.
    """
    from shapely import wkb

    rows_any = np.flatnonzero((labels > 0).any(axis=1))
    cols_any = np.flatnonzero((labels > 0).any(axis=0))
    if rows_any.size == 0:
        return {}
    r0, r1 = int(rows_any[0]), int(rows_any[-1]) + 1
    c0, c1 = int(cols_any[0]), int(cols_any[-1]) + 1
    sub = np.maximum(labels[r0:r1, c0:c1], 0).astype(np.int32)
    ds = mem_raster(sub, grid.window_geotransform(r0, c0), "", gdal.GDT_Int32)
    parts: Dict[int, List[Any]] = {}
    with gdal_exceptions():
        pieces = polygonize(ds.GetRasterBand(1), eight_connected=eight_connected)
        for value, geom in pieces:
            parts.setdefault(value, []).append(wkb.loads(bytes(geom.ExportToWkb())))
    return parts


def mask_to_polygon(mask: np.ndarray, grid: GridSpec) -> Any:
    """Outline of the True cells of ``mask`` as a shapely (Multi)Polygon in map units.

    Parameters
    ----------
    mask : boolean grid on ``grid``.
    grid : georeferencing of the mask.

    Returns
    -------
    The union of the cells' polygons (cells touching only at corners stay in one polygon,
    8-connectivity); ``None`` for an empty mask.

    >>> g = GridSpec((0.0, 10.0, 0.0, 20.0, 0.0, -10.0), (2, 2), None, "")
    >>> mask_to_polygon(np.array([[True, False], [True, True]]), g).area
    300.0
    """
    from shapely.ops import unary_union

    geoms = polygonize_labels(np.asarray(mask, dtype=bool).astype(np.uint8), grid, eight_connected=True).get(
        1
    )
    if not geoms:
        return None
    return unary_union(geoms)
