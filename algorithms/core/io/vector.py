"""Vectors and grids: polygons burnt onto a grid, cells polygonised, overlap checks.

Polygons arrive as WKB in the DEM's CRS (the algorithm layer transforms
them).  A cell belongs to a polygon when its *centre* lies inside it, which
is GDAL's default rasterization rule; overlapping polygons: the later one wins.
"""

from __future__ import annotations

import os
import uuid
from typing import Iterable, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr, osr

from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from ..grid import GridSpec
from . import gdal_exceptions, memory_vector_driver
from .raster import CancelFn, ProgressFn, _never, _noop_progress, create_raster, mem_raster


def temp_path(work_dir: str, stem: str, suffix: str = ".tif") -> str:
    """A fresh file name in ``work_dir``."""
    return os.path.join(work_dir, f"{stem}_{uuid.uuid4().hex[:8]}{suffix}")


def memory_layer(
    polygons: Iterable[Tuple[int, bytes]], crs_wkt: str = ""
) -> Tuple[ogr.DataSource, ogr.Layer]:
    """An OGR in-memory layer with an integer field ``VAL`` from ``(value, wkb)`` pairs.

    Keep the returned data source alive while using the layer.
    """
    with gdal_exceptions():
        ds = memory_vector_driver().CreateDataSource(f"mem_{uuid.uuid4().hex[:8]}")
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
            feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)))
            layer.CreateFeature(feature)
    return ds, layer


def rasterize(
    polygons: Sequence[Tuple[int, bytes]], grid: GridSpec, path: str, data_type: int = gdal.GDT_Int32
) -> str:
    """Burn ``value`` of each ``(value, wkb)`` polygon into a new raster aligned on ``grid``.

    Cells whose centre is in no polygon get 0.  Returns ``path``.
    """
    ds = create_raster(path, grid, data_type, compress="LZW", fill=0)
    # GDAL rasterizes in row chunks as large as its block cache (5 % of the RAM): on a province
    # DEM that is a 1 GB buffer; 32 MB chunks keep the memory flat (issue 18)
    rows_per_chunk = max(16, (32 << 20) // max(1, grid.shape[1] * 8))
    with gdal_exceptions():
        if polygons:
            _src, layer = memory_layer(polygons, grid.crs_wkt)
            gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=VAL", f"CHUNKYSIZE={rows_per_chunk}"])
        ds.FlushCache()
    ds = None
    return path


def burn_mask(
    geom_wkb: bytes,
    geotransform: Sequence[float],
    shape: Tuple[int, int],
    crs_wkt: str = "",
    all_touched: bool = False,
) -> np.ndarray:
    """Boolean grid of the cells whose centre lies in the polygon (GDAL's rule), or that it touches.

    >>> from osgeo import ogr
    >>> square = ogr.CreateGeometryFromWkt("POLYGON ((0 0, 2 0, 2 -2, 0 -2, 0 0))").ExportToWkb()
    >>> burn_mask(square, (0.0, 1.0, 0.0, 0.0, 0.0, -1.0), (3, 3)).astype(int).tolist()
    [[1, 1, 0], [1, 1, 0], [0, 0, 0]]
    """
    ds = mem_raster(np.zeros(shape, dtype=np.uint8), geotransform, crs_wkt, gdal.GDT_Byte)
    _src, layer = memory_layer([(1, geom_wkb)], crs_wkt)
    options = ["ATTRIBUTE=VAL"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
    with gdal_exceptions():
        gdal.RasterizeLayer(ds, [1], layer, options=options)
        return ds.GetRasterBand(1).ReadAsArray().astype(bool)  # type: ignore[no-any-return]


def polygonize(
    band: gdal.Band,
    *,
    srs: Optional[osr.SpatialReference] = None,
    eight_connected: bool = False,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> List[Tuple[int, ogr.Geometry]]:
    """Polygons of the connected cells of equal non-zero value: ``[(value, geometry), ...]``.

    GDAL's polygons are exact unions of cells and OGC-valid; 4-connected unless
    ``eight_connected``.  Raises :class:`Cancelled` when ``is_cancelled()`` turns true.
    """
    with gdal_exceptions():
        out = memory_vector_driver().CreateDataSource(f"poly_{uuid.uuid4().hex[:8]}")
        layer = out.CreateLayer("pieces", srs, ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn("VAL", ogr.OFTInteger64))

    def callback(fraction: float, _msg: object, _data: object) -> int:
        progress(fraction)
        return 0 if is_cancelled() else 1

    options = ["8CONNECTED=8"] if eight_connected else []
    try:
        with gdal_exceptions():
            gdal.Polygonize(band, band, layer, 0, options, callback=callback)
    except RuntimeError as exc:
        if is_cancelled():
            raise Cancelled() from exc
        raise
    if is_cancelled():
        raise Cancelled()
    with gdal_exceptions():
        layer.ResetReading()
        return [(int(f.GetField(0)), f.GetGeometryRef().Clone()) for f in layer]


def polygonize_array(
    array: np.ndarray, geotransform: Sequence[float], crs_wkt: str = ""
) -> List[Tuple[int, ogr.Geometry]]:
    """:func:`polygonize` of an in-memory integer array (0 = background)."""
    ds = mem_raster(np.asarray(array, dtype=np.int32), geotransform, crs_wkt, gdal.GDT_Int32)
    with gdal_exceptions():
        band = ds.GetRasterBand(1)
    return polygonize(band)


def polygons_extent_overlaps(polygons: Sequence[Tuple[int, bytes]], grid: GridSpec) -> bool:
    """True when the polygons' bounding box overlaps the grid's extent."""
    xmin, ymin, xmax, ymax = grid.extent
    with gdal_exceptions():
        for _value, wkb in polygons:
            gx0, gx1, gy0, gy1 = ogr.CreateGeometryFromWkb(bytes(wkb)).GetEnvelope()
            if gx0 < xmax and gx1 > xmin and gy0 < ymax and gy1 > ymin:
                return True
    return False


def require_overlap(polygons: Sequence[Tuple[int, bytes]], grid: GridSpec, layer_name: str) -> None:
    """Raise a clear :class:`InputError` when no polygon overlaps the DEM."""
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


def geometry_area(wkb: bytes) -> float:
    """Planar area of a WKB geometry (CRS units squared)."""
    with gdal_exceptions():
        return float(ogr.CreateGeometryFromWkb(bytes(wkb)).GetArea())
