"""File-level jobs of the Processing algorithms: read a DEM, route it, write rasters, return tables."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..io.raster import FLOAT_NODATA, CancelFn, ProgressFn, _never, _noop_progress, check_cancel, write_array
from .catchments import mask_to_polygon, snap_outlet, upstream_padded
from .channels import Reach, channel_reaches, extract_channels, strahler_padded
from .d8 import codes_to_padded, pad
from .fill import FILL_BYTES_PER_CELL, fill_padded
from .memory import DEFAULT_MAX_MEMORY_MB
from .route import FlowResult, read_dem, route_dem

__all__ = [
    "FLOAT_NODATA",
    "WatershedResult",
    "fill_dem_file",
    "flow_files",
    "channel_network",
    "watersheds",
]


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
    """Fill the depressions of a DEM file and write the filled DEM.

    Parameters
    ----------
    dem_path : a GDAL raster in a metric projected CRS (band 1; its nodata stays nodata).
    out_path : the GeoTIFF to write: Float32 (Float64 for a Float64 DEM), nodata
        :data:`FLOAT_NODATA` (-9999).
    max_memory_mb : memory limit (MiB); the cost is :data:`.fill.FILL_BYTES_PER_CELL` + 8 per cell.
    progress, is_cancelled : callbacks (fraction 0..1; cancel raises ``Cancelled``).

    Returns
    -------
    Statistics: ``filled_cells`` (cells raised), ``max_depth_m`` (m), ``fill_volume_m3`` (m³).
    """
    z, grid = read_dem(
        dem_path,
        max_memory_mb=max_memory_mb,
        bytes_per_cell=FILL_BYTES_PER_CELL + 8,
        operation="Depression filling",
    )
    zp = pad(z, np.nan)
    filled = fill_padded(zp, grid.cellsize_x, grid.cellsize_y, _span(progress, 0.0, 0.8), is_cancelled)[
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
    """Route a DEM file and write its D8 codes and upslope area.

    Parameters
    ----------
    dem_path : a GDAL raster in a metric projected CRS (band 1).
    dir_path : GeoTIFF of the ESRI D8 codes (Byte, nodata 0), or ``None``.
    acc_path : GeoTIFF of the upslope area (m², Float32, nodata :data:`FLOAT_NODATA`), or ``None``.
    max_memory_mb, depressions : as for :func:`.route.route_dem`.
    progress, is_cancelled : callbacks (fraction 0..1; cancel raises ``Cancelled``).

    Returns
    -------
    The :class:`.route.FlowResult`.
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
) -> Tuple[List[Reach], FlowResult]:
    """Channels of a DEM file: reaches as lines, and a Strahler-order raster.

    Parameters
    ----------
    dem_path : a GDAL raster in a metric projected CRS (band 1).
    min_area_m2 : contributing area (m²) from which a cell is a channel.
    raster_path : where to write the Strahler order of channel cells (Byte,
        0 = not a channel = nodata), or ``None``.
    max_memory_mb, depressions : as for :func:`.route.route_dem`.
    progress, is_cancelled : callbacks (fraction 0..1; cancel raises ``Cancelled``).

    Returns
    -------
    ``(reaches, flow)``; see :func:`.channels.channel_reaches` (gradients from the filled DEM).

    Raises
    ------
    InputError
        if ``min_area_m2`` is not positive or no cell reaches it.
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
    kp = codes_to_padded(res.codes)
    chp = pad(ch, False)
    order = strahler_padded(kp, chp, is_cancelled)[0][1:-1, 1:-1]
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
    """One outlet's catchment.

    ``geometry`` is a shapely (Multi)Polygon in the DEM's CRS; ``area_km2`` and ``cells`` count
    the catchment's cells; ``snapped_xy`` is the centre of the outlet cell after snapping,
    ``snap_distance_m`` how far (m) the outlet moved.
    """

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

    Parameters
    ----------
    dem_path : a GDAL raster in a metric projected CRS (band 1).
    outlets : ``(id, x, y)`` of each outlet, in the DEM's CRS.
    snap_distance_m : search radius of the snapping (m; 0 keeps the outlet's cell).
    max_memory_mb, depressions : as for :func:`.route.route_dem`.
    progress, is_cancelled : callbacks (fraction 0..1; cancel raises ``Cancelled``).

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
    kp = codes_to_padded(res.codes)
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
        inside = upstream_padded(kp, (row + 1) * c2 + col + 1, is_cancelled)[1:-1, 1:-1]
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
