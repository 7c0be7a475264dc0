"""Vectors and grids: polygons burnt onto a grid, cells polygonised, overlap checks.

Polygons arrive as WKB in the DEM's CRS (the algorithm layer transforms
them).  A cell belongs to a polygon when its *centre* lies inside it, which
is GDAL's default rasterization rule; overlapping polygons: the later one wins.
"""

from __future__ import annotations

import os
import struct
import uuid
from typing import Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np
from osgeo import gdal, ogr, osr

from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from ..grid import GridSpec
from . import gdal_exceptions, memory_vector_driver
from .raster import DEFAULT_BLOCK, CancelFn, ProgressFn, _never, _noop_progress, create_raster, mem_raster


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


def polygon_rings(geom: Union[ogr.Geometry, bytes]) -> List[List[np.ndarray]]:
    """The rings of each polygon of a Polygon or MultiPolygon (a geometry or its WKB), as ``(n, 2)``
    arrays (exterior first).  Little-endian 2D WKB is parsed as it is, without a geometry object.

    >>> from osgeo import ogr
    >>> g = ogr.CreateGeometryFromWkt("POLYGON ((0 0, 2 0, 2 2, 0 0), (1 1, 1.5 1, 1.5 1.5, 1 1))")
    >>> [[ring.shape for ring in poly] for poly in polygon_rings(g)]
    [[(4, 2), (4, 2)]]
    >>> polygon_rings(g.ExportToWkb(ogr.wkbNDR))[0][1].tolist()
    [[1.0, 1.0], [1.5, 1.0], [1.5, 1.5], [1.0, 1.0]]
    """
    wkb = bytes(geom) if isinstance(geom, (bytes, bytearray, memoryview)) else None
    if wkb is not None and wkb[:1] == b"\x01" and struct.unpack_from("<I", wkb, 1)[0] in (3, 6):
        flat, dims = (ogr.wkbPolygon if wkb[1] == 3 else ogr.wkbMultiPolygon), 2
    else:
        with gdal_exceptions():
            if wkb is not None:
                geom = ogr.CreateGeometryFromWkb(wkb)
            assert isinstance(geom, ogr.Geometry)
            flat = ogr.GT_Flatten(geom.GetGeometryType())
            if flat not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
                raise ValueError(f"polygon_rings: a {geom.GetGeometryName()} is not a (multi)polygon")
            dims = 3 if geom.Is3D() else 2
            wkb = bytes(geom.ExportToWkb(ogr.wkbNDR))  # one export, parsed here: no per-part objects
    n_polygons, offset = (1, 0) if flat == ogr.wkbPolygon else (struct.unpack_from("<I", wkb, 5)[0], 9)
    out = []
    for _ in range(n_polygons):
        offset += 5  # byte order and type of the polygon
        n_rings = struct.unpack_from("<I", wkb, offset)[0]
        offset += 4
        rings = []
        for _ in range(n_rings):
            n_points = struct.unpack_from("<I", wkb, offset)[0]
            offset += 4
            xyz = np.frombuffer(wkb, dtype="<f8", count=dims * n_points, offset=offset)
            rings.append(xyz.reshape(-1, dims)[:, :2])
            offset += 8 * dims * n_points
        out.append(rings)
    return out


def _winding_steps(
    polygons: Sequence[Tuple[int, bytes]], grid: GridSpec
) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(rows, cols, steps)`` of the vertical edges of cell-line polygons, sorted by row (int32;
    see :func:`burn_cell_unions`): all rings at once, 12 bytes per entry, two entries an edge."""
    x0, dx, rx, y0, ry, dy = grid.geotransform
    if rx or ry:
        raise ValueError("burn_cell_unions: the grid is rotated")
    coords, ring_weight = [], []
    for value, wkb in polygons:
        if not -(2**31) < int(value) < 2**31:
            raise ValueError(f"burn_cell_unions: the value {value} does not fit in 32 bits")
        for rings in polygon_rings(wkb):
            for k, ring in enumerate(rings):
                coords.append(ring)
                ring_weight.append(int(value) if k == 0 else -int(value))  # a hole takes it off
    empty = np.zeros(0, dtype=np.int32)
    if not coords:
        return empty, empty, empty
    ring_of = np.repeat(np.arange(len(coords)), [c.shape[0] for c in coords])
    xy = np.concatenate(coords)
    del coords
    fc, fr = (xy[:, 0] - x0) / dx, (xy[:, 1] - y0) / dy
    del xy
    c, r = np.rint(fc), np.rint(fr)
    if max(np.abs(fc - c).max(), np.abs(fr - r).max()) > 1e-6:
        raise ValueError("burn_cell_unions: a vertex is not on a cell corner of the grid")
    del fc, fr
    c, r = c.astype(np.int64), r.astype(np.int64)
    edge = ring_of[1:] == ring_of[:-1]  # consecutive vertices of one ring
    c0, r0, r1, ring = c[:-1][edge], r[:-1][edge], r[1:][edge], ring_of[:-1][edge]
    if np.any((c0 != c[1:][edge]) & (r0 != r1)):
        raise ValueError("burn_cell_unions: an edge does not follow a cell line of the grid")
    del c, r, ring_of, edge
    vertical = r0 != r1
    c0, r0, r1, ring = c0[vertical], r0[vertical], r1[vertical], ring[vertical]
    # the winding count inside each ring (the shoelace sum over its vertical edges), normalised
    # to +1 and then multiplied by the ring's weight
    area = np.bincount(ring, weights=-(c0 * (r1 - r0)).astype(np.float64), minlength=len(ring_weight))
    weight = np.sign(area).astype(np.int64) * np.asarray(ring_weight, dtype=np.int64)
    step = np.where(r1 > r0, 1, -1) * weight[ring]
    top, bottom = np.minimum(r0, r1), np.maximum(r0, r1)
    del r0, r1, ring, area, weight
    rows = np.concatenate([top, bottom])
    cols = np.concatenate([c0, c0])
    steps = np.concatenate([step, -step])
    del top, bottom, c0, step
    keep = (rows < grid.rows) & (cols < grid.cols) & (steps != 0)
    rows = np.maximum(rows[keep], 0).astype(np.int32)
    cols = np.maximum(cols[keep], 0).astype(np.int32)
    steps = steps[keep].astype(np.int32)
    order = np.argsort(rows, kind="stable")
    return rows[order], cols[order], steps[order]


def burn_cell_unions(
    polygons: Sequence[Tuple[int, bytes]],
    grid: GridSpec,
    path: str,
    data_type: int = gdal.GDT_Int32,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
) -> str:
    """:func:`rasterize` for disjoint polygons whose edges follow the grid's cell lines.

    Such polygons are unions of cells, as :func:`polygonize` returns them on the same grid (the
    patches of the ban, of eroded forest).  A vertical edge at corner column ``c`` from corner
    row ``r0`` to ``r1`` changes the winding count of the cells ``r0 <= row < r1``,
    ``col >= c`` by one; the label of a cell is the sum over all edges (``+value`` inside an
    exterior ring, ``-value`` inside a hole): two prefix sums over a difference grid that gets
    two entries per vertical edge.  The work is one pass over the vertices plus one over the
    cells, block by block (memory: two int64 blocks, a row of column sums and 24 bytes per
    vertical edge), where GDAL's rasterization re-reads every polygon for every chunk of rows
    and every row of a polygon scans all its edges (hours for the large patches of a
    province).  Cells whose centre is in no polygon get 0, like GDAL's; polygons must not
    overlap.  A vertex off the cell corners raises :class:`ValueError`.

    >>> import numpy as np
    >>> from osgeo import ogr
    >>> from ..grid import GridSpec
    >>> grid = GridSpec((0.0, 1.0, 0.0, 4.0, 0.0, -1.0), (4, 4))
    >>> ring = ogr.CreateGeometryFromWkt(
    ...     "POLYGON ((0 4, 3 4, 3 1, 0 1, 0 4), (1 3, 1 2, 2 2, 2 3, 1 3))").ExportToWkb()
    >>> path = burn_cell_unions([(7, ring)], grid, "/vsimem/doctest_cells.tif", block_cols=3)
    >>> gdal.Open(path).ReadAsArray().tolist()
    [[7, 7, 7, 0], [7, 0, 7, 0], [7, 7, 7, 0], [0, 0, 0, 0]]
    >>> gdal.Unlink(path)
    0
    """
    rows, cols, steps = _winding_steps(polygons, grid)
    block_rows, block_cols = max(1, int(block_rows)), max(1, int(block_cols))
    # a scratch raster read once in the run: uncompressed, and blocks never written (nothing inside)
    # are written as 0 by GDAL when the file is closed
    ds = create_raster(path, grid, data_type, compress="NONE")
    with gdal_exceptions():
        band = ds.GetRasterBand(1)
        column_carry = np.zeros(grid.cols, dtype=np.int64)  # winding at the top of the band
        lo = 0
        for row0 in range(0, grid.rows, block_rows):
            n = min(block_rows, grid.rows - row0)
            hi = int(np.searchsorted(rows, row0 + n, side="left"))
            if hi == lo and not column_carry.any():
                continue  # no edge here and nothing inside: the raster's 0 fill stays
            in_rows, in_cols, in_steps = rows[lo:hi] - row0, cols[lo:hi], steps[lo:hi]
            lo = hi
            order = np.argsort(in_cols // block_cols, kind="stable")
            in_rows, in_cols, in_steps = in_rows[order], in_cols[order], in_steps[order]
            row_carry = np.zeros((n, 1), dtype=np.int64)  # label left of the block
            first = 0
            for col0 in range(0, grid.cols, block_cols):
                m = min(block_cols, grid.cols - col0)
                last = int(np.searchsorted(in_cols, col0 + m, side="left"))
                flat = in_rows[first:last].astype(np.int64) * m + (in_cols[first:last] - col0)
                diff = np.bincount(flat, weights=in_steps[first:last], minlength=n * m)
                first = last
                labels = np.cumsum(diff.reshape(n, m), axis=0, dtype=np.int64)
                del diff
                labels += column_carry[col0 : col0 + m]
                column_carry[col0 : col0 + m] = labels[-1]
                np.cumsum(labels, axis=1, out=labels)
                labels += row_carry
                row_carry[:, 0] = labels[:, -1]
                if labels.any():
                    band.WriteArray(labels, col0, row0)
                del labels
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
