"""Facts of a project's range for the risk rules: key zone, mean slope, distance to water.

Geometries in one projected CRS (m).  The mean slope reads the DEM with GDAL
window by window (one window per range), so memory stays that of the largest
range's bounding box.
"""

from __future__ import annotations

import math
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, osr
from shapely import wkb as shapely_wkb
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from ..io import gdal_exceptions
from ..io.vector import burn_mask
from ..terrain import slope_array
from .compliance import clean_id
from .geom import GeometryIndex, load_wkb, repair

ProgressFn = Callable[[float], None]
CancelFn = Callable[[], bool]


def _noop(_fraction: float) -> None:
    pass


def _never() -> bool:
    return False


def in_zones(ranges: Sequence[BaseGeometry], zones: Sequence[BaseGeometry]) -> List[bool]:
    """Whether each range shares area with any zone polygon (touching edges do not count)."""
    index = GeometryIndex(list(zones))
    out = []
    for geom in ranges:
        hit = False
        for i in index.intersecting(geom):
            if geom.intersection(index.geoms[i]).area > 0.0:
                hit = True
                break
        out.append(hit)
    return out


def water_distances(ranges: Sequence[BaseGeometry], water: Sequence[BaseGeometry]) -> List[Optional[float]]:
    """Distance (m) from each range to the nearest water feature (0 where they meet)."""
    index = GeometryIndex(list(water))
    return [index.nearest_distance(geom) for geom in ranges]


def mean_slopes(
    dem_path: str,
    ranges: Sequence[Optional[BaseGeometry]],
    *,
    progress: ProgressFn = _noop,
    is_cancelled: CancelFn = _never,
) -> List[Optional[float]]:
    """Mean Horn slope (degrees) of the DEM cells whose centre lies in each range.

    ``ranges`` are in the DEM's CRS.  ``None`` for a range outside the DEM or
    covering no cell centre.  The DEM must be projected, in metres.
    """
    try:
        with gdal_exceptions():
            ds = gdal.Open(dem_path)
    except RuntimeError:
        ds = None
    if ds is None:
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "The DEM {path} cannot be opened."), path=dem_path)
    with gdal_exceptions():
        gt = ds.GetGeoTransform()
        crs_wkt = ds.GetProjection()
        band = ds.GetRasterBand(1)
        nodata = band.GetNoDataValue()
        cols, rows = ds.RasterXSize, ds.RasterYSize
    if gt[2] != 0.0 or gt[4] != 0.0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The DEM is rotated; warp it to a north-up grid first.")
        )
    srs = osr.SpatialReference()
    if crs_wkt:
        with gdal_exceptions():
            srs.ImportFromWkt(crs_wkt)
    if srs.IsGeographic():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The DEM is in geographic coordinates (degrees); reproject it to a projected CRS in "
                "metres (e.g. CGCS2000 / 3-degree Gauss-Kruger) first.",
            )
        )
    x0, dx, _r1, y0, _r2, dy = gt
    out: List[Optional[float]] = []
    n = max(len(ranges), 1)
    for k, geom in enumerate(ranges):
        if is_cancelled():
            raise Cancelled()
        progress(k / n)
        if geom is None or geom.is_empty:
            out.append(None)
            continue
        minx, miny, maxx, maxy = geom.bounds
        c0 = max(int(math.floor((minx - x0) / dx)) - 1, 0)
        c1 = min(int(math.ceil((maxx - x0) / dx)) + 1, cols)
        r0 = max(int(math.floor((maxy - y0) / dy)) - 1, 0)
        r1 = min(int(math.ceil((miny - y0) / dy)) + 1, rows)
        if c1 - c0 < 1 or r1 - r0 < 1:
            out.append(None)
            continue
        with gdal_exceptions():
            z = band.ReadAsArray(c0, r0, c1 - c0, r1 - r0).astype(np.float64)
        slope = slope_array(z, abs(dx), abs(dy), nodata)
        window_gt = (x0 + c0 * dx, dx, 0.0, y0 + r0 * dy, 0.0, dy)
        mask = burn_mask(shapely_wkb.dumps(geom), window_gt, (r1 - r0, c1 - c0), crs_wkt) & np.isfinite(slope)
        out.append(float(slope[mask].mean()) if mask.any() else None)
    progress(1.0)
    return out


def project_geometries(
    ranges: Sequence[Tuple[object, object]],
) -> Tuple[List[str], List[BaseGeometry], List[str]]:
    """Ranges dissolved per project: ``(ids sorted, geometries, ids of repaired ranges)``.

    Features without project id or with an empty geometry are left out.
    """
    parts: Dict[str, List[BaseGeometry]] = {}
    repaired: List[str] = []
    for pid_raw, data in ranges:
        pid = clean_id(pid_raw)
        if not pid:
            continue
        geom, fixed = repair(load_wkb(data))
        if fixed:
            repaired.append(pid)
        if geom is not None:
            parts.setdefault(pid, []).append(geom)
    ids = sorted(parts)
    geoms = [parts[p][0] if len(parts[p]) == 1 else unary_union(parts[p]) for p in ids]
    return ids, geoms, repaired
