"""Small synthetic rasters and vector layers whose right answers are known by construction."""

from __future__ import annotations

import subprocess
from typing import Dict, Iterable, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr, osr

# The test process is the application here, and an application chooses GDAL's exception mode once
# (GDAL >= 3.7 warns until it does).  The tests keep GDAL 3.x's default, exceptions off, so that they
# show the core does not depend on the mode (it turns exceptions on locally, io.gdal_exceptions);
# where the host already chose (QGIS >= 3.38 turns them on), that choice stays.
if not getattr(gdal, "_UserHasSpecifiedIfUsingExceptions", lambda: True)():
    gdal.DontUseExceptions()


def srs_wkt(epsg: int) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def write_raster(
    path: str,
    array: np.ndarray,
    origin: Tuple[float, float] = (39500000.0, 4500000.0),
    cell: float = 10.0,
    epsg: Optional[int] = 4527,
    nodata: Optional[float] = None,
    dtype: int = gdal.GDT_Float32,
) -> str:
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, dtype)
    ds.SetGeoTransform((origin[0], cell, 0.0, origin[1], 0.0, -cell))
    if epsg:
        ds.SetProjection(srs_wkt(epsg))
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds.FlushCache()
    ds = None
    return str(path)


def plane(rows: int, cols: int, slope_deg: float, cell: float = 10.0, base: float = 1000.0) -> np.ndarray:
    """Plane rising northwards with the given slope (degrees)."""
    grad = np.tan(np.radians(slope_deg))
    r = np.arange(rows, dtype=np.float64)[:, None]
    return base + (rows - 1 - r) * cell * grad + np.zeros((1, cols))


def write_polygons(
    path: str,
    features: Sequence[Tuple[bytes, Dict[str, object]]],
    epsg: int = 4527,
    layer: str = "polys",
    fields: Optional[Sequence[Tuple[str, int]]] = None,
    driver: str = "GPKG",
    geom_type: int = ogr.wkbUnknown,
) -> str:
    """Write ``[(wkb, {field: value})]`` to a vector file; returns ``path|layername=layer``."""
    drv = ogr.GetDriverByName(driver)
    ds = drv.CreateDataSource(str(path)) if not __import__("os").path.exists(path) else ogr.Open(str(path), 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    lyr = ds.CreateLayer(layer, srs, geom_type, ["ENCODING=UTF-8"] if driver == "ESRI Shapefile" else [])
    if fields is None:
        fields = []
        for key, value in features[0][1].items() if features else []:
            kind = (
                ogr.OFTReal
                if isinstance(value, float)
                else ogr.OFTInteger
                if isinstance(value, int)
                else ogr.OFTString
            )
            fields.append((key, kind))
    for name, kind in fields:
        lyr.CreateField(ogr.FieldDefn(name, kind))
    for wkb, attrs in features:
        f = ogr.Feature(lyr.GetLayerDefn())
        for key, value in attrs.items():
            f.SetField(key, value)
        f.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        lyr.CreateFeature(f)
    ds = None
    if driver == "GPKG":
        return f"{path}|layername={layer}"
    return str(path)


def read_array(path: str) -> Tuple[np.ndarray, Optional[float], tuple]:
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    return band.ReadAsArray().astype(np.float64), band.GetNoDataValue(), ds.GetGeoTransform()


def gdaldem_slope(dem: str, out: str) -> np.ndarray:
    """Independent answer: ``gdaldem slope -compute_edges``; NaN at its nodata (-9999)."""
    subprocess.run(["gdaldem", "slope", "-q", "-compute_edges", str(dem), str(out)], check=True)
    arr, _nd, _gt = read_array(out)
    arr[arr == -9999] = np.nan
    return arr


def cell_centres(gt: tuple, shape: Tuple[int, int]) -> Tuple[np.ndarray, np.ndarray]:
    rows, cols = shape
    xs = gt[0] + (np.arange(cols) + 0.5) * gt[1]
    ys = gt[3] + (np.arange(rows) + 0.5) * gt[5]
    return np.meshgrid(xs, ys)


def centres_inside(polygon, gt: tuple, shape: Tuple[int, int]) -> np.ndarray:
    """Boolean grid: cell centre inside ``polygon`` (shapely), computed point by point."""
    from shapely.geometry import Point
    from shapely.prepared import prep

    xx, yy = cell_centres(gt, shape)
    minx, miny, maxx, maxy = polygon.bounds
    inside = np.zeros(shape, dtype=bool)
    cand = (xx >= minx) & (xx <= maxx) & (yy >= miny) & (yy <= maxy)
    prepared = prep(polygon)
    for r, c in zip(*np.nonzero(cand)):
        inside[r, c] = prepared.contains(Point(xx[r, c], yy[r, c]))
    return inside


def label_8(mask: np.ndarray) -> Tuple[np.ndarray, int]:
    """Connected components (8-neighbour) of a boolean grid, by breadth-first search."""
    from collections import deque

    labels = np.zeros(mask.shape, dtype=np.int64)
    rows, cols = mask.shape
    n = 0
    for r0, c0 in zip(*np.nonzero(mask)):
        if labels[r0, c0]:
            continue
        n += 1
        labels[r0, c0] = n
        queue = deque([(r0, c0)])
        while queue:
            r, c = queue.popleft()
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    rr, cc = r + dr, c + dc
                    if 0 <= rr < rows and 0 <= cc < cols and mask[rr, cc] and not labels[rr, cc]:
                        labels[rr, cc] = n
                        queue.append((rr, cc))
    return labels, n


def iter_features(uri: str) -> Iterable[dict]:
    path, _, layer = uri.partition("|layername=")
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    for f in lyr:
        yield {**f.items(), "_geom": f.GetGeometryRef().Clone() if f.GetGeometryRef() else None}


def capture_feedback():
    """A Processing feedback that keeps the warnings it is given (``.warnings``)."""
    from qgis.core import QgsProcessingFeedback

    class Capture(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)

    return Capture()
