"""Polygons onto the DEM grid, code matching, and zonal tables.

Polygons arrive as WKB in the DEM's CRS (the algorithm layer transforms
them).  A cell belongs to a polygon when its *centre* lies inside it, which
is GDAL's default rasterization rule; overlapping polygons: the later one wins.
"""

from __future__ import annotations

import fnmatch
import os
import uuid
from typing import Iterable, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr

from .errors import QT_TRANSLATE_NOOP, InputError
from .grid import GridSpec
from .standards import HA_M2, MU_M2

gdal.UseExceptions()
ogr.UseExceptions()

TEMP_GTIFF_OPTIONS = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=LZW", "BIGTIFF=IF_SAFER"]


def temp_path(work_dir: str, stem: str, suffix: str = ".tif") -> str:
    """A fresh file name in ``work_dir``."""
    return os.path.join(work_dir, f"{stem}_{uuid.uuid4().hex[:8]}{suffix}")


def memory_layer(
    polygons: Iterable[Tuple[int, bytes]], crs_wkt: str = ""
) -> Tuple[ogr.DataSource, ogr.Layer]:
    """An OGR in-memory layer with an integer field ``VAL`` from ``(value, wkb)`` pairs."""
    from osgeo import osr

    driver = ogr.GetDriverByName("Memory")
    ds = driver.CreateDataSource(f"mem_{uuid.uuid4().hex[:8]}")
    srs = None
    if crs_wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(crs_wkt)
    layer = ds.CreateLayer("polys", srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("VAL", ogr.OFTInteger64))
    defn = layer.GetLayerDefn()
    for value, wkb in polygons:
        feature = ogr.Feature(defn)
        feature.SetField("VAL", int(value))
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    return ds, layer


def rasterize(
    polygons: Sequence[Tuple[int, bytes]], grid: GridSpec, path: str, data_type: int = gdal.GDT_Int32
) -> str:
    """Burn ``value`` of each ``(value, wkb)`` polygon into a new raster aligned on ``grid``.

    Cells whose centre is in no polygon get 0.  Returns ``path``.
    """
    driver = gdal.GetDriverByName("GTiff")
    ds = driver.Create(path, grid.cols, grid.rows, 1, data_type, TEMP_GTIFF_OPTIONS)
    ds.SetGeoTransform(grid.geotransform)
    if grid.crs_wkt:
        ds.SetProjection(grid.crs_wkt)
    ds.GetRasterBand(1).Fill(0)
    if polygons:
        _src, layer = memory_layer(polygons, grid.crs_wkt)
        gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=VAL"])
    ds.FlushCache()
    ds = None
    return path


def polygons_extent_overlaps(polygons: Sequence[Tuple[int, bytes]], grid: GridSpec) -> bool:
    """True when the polygons' bounding box overlaps the grid's extent."""
    xmin, ymin, xmax, ymax = grid.extent
    for _value, wkb in polygons:
        gx0, gx1, gy0, gy1 = ogr.CreateGeometryFromWkb(wkb).GetEnvelope()
        if gx0 < xmax and gx1 > xmin and gy0 < ymax and gy1 > ymin:
            return True
    return False


def require_overlap(polygons: Sequence[Tuple[int, bytes]], grid: GridSpec, layer_name: str) -> None:
    """Raise a clear error when no polygon overlaps the DEM."""
    if not polygons_extent_overlaps(polygons, grid):
        xmin, ymin, xmax, ymax = grid.extent
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The layer {layer} does not overlap the DEM (DEM extent {xmin:.0f}, {ymin:.0f} – "
                "{xmax:.0f}, {ymax:.0f} in the DEM's CRS). Check that both layers cover the same "
                "area and that their CRSs are declared correctly.",
            ),
            layer=layer_name,
            xmin=xmin,
            ymin=ymin,
            xmax=xmax,
            ymax=ymax,
        )


def parse_codes(text: str) -> List[str]:
    """Split a code list such as ``"03*, 04*,1206"`` into patterns."""
    return [c.strip() for c in str(text or "").replace(";", ",").split(",") if c.strip()]


def code_matches(value: object, patterns: Sequence[str]) -> bool:
    """Whether a land-use code matches any pattern (``*`` and ``?`` wildcards).

    >>> code_matches("0301", ["03*", "1206"]), code_matches(1206, ["03*", "1206"])
    (True, True)
    >>> code_matches("0101", ["03*"])
    False
    """
    if value is None:
        return False
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return any(fnmatch.fnmatchcase(text, p) for p in patterns)


def area_columns(cells: float, cell_area: float) -> Tuple[float, float, float]:
    """``(m², ha, 亩)`` of a cell count."""
    m2 = float(cells) * cell_area
    return m2, m2 / HA_M2, m2 / MU_M2


def bincount2(
    a: np.ndarray, b: np.ndarray, na: int, nb: int, weights: Optional[np.ndarray] = None
) -> np.ndarray:
    """Cross-tabulation ``out[i, j] = count (or weight sum) where a == i and b == j``."""
    flat = a.astype(np.int64) * nb + b.astype(np.int64)
    counts = np.bincount(
        flat.ravel(), weights=None if weights is None else weights.ravel(), minlength=na * nb
    )
    return counts[: na * nb].reshape(na, nb)
