"""Every bad input gets a clear answer (issue 19): a data-driven matrix over every algorithm of the provider.

Each algorithm has one good run (``BASE``) on small synthetic inputs.  A case takes that run and spoils one
thing: a raster (geographic, rotated, nodata only, NaN holes, flat, 1×1, 2×2, 0 bytes, missing, in feet,
a CRS without EPSG code, another CRS, elsewhere), a vector layer (empty, missing, 0 bytes, the wrong
geometry type, another CRS overlapping or not, mixed single/multi parts, duplicate features, a Chinese
path, a GBK shapefile without .cpg, a locked GeoPackage), a field (misspelt, of the wrong type), a number
(below or above its range, MAX_LENGTH below one cell), a text, an output (read-only or missing folder,
an existing file, a Chinese path, a locked GeoPackage) or the run itself (cancel).  Which cases an
algorithm gets follows from the parameters it declares: a new parameter is covered without a line
here, a new algorithm needs its good run in ``BASE`` (its ``base`` case fails until it has one).

Every case ends in one of two ways, and the matrix runs with the zh_CN translation installed:

* a clean error: a ``QgsProcessingException`` whose message is ours (translated: it holds Chinese), is
  no Python traceback and leaves no output file behind; where the case spoils the parameter itself
  (``NAMED_KINDS``) the message names it (its name, its label, or the value given), for ranges with the
  allowed range, for a slope length with the cell size;
* a result: every requested output exists; where the planner must know (a guessed encoding, a county
  with nothing to ban) a warning says so.

``EXPECT`` says which of the two a kind must give (``error``, ``ok`` or ``clean`` = either), with the
exceptions per algorithm in ``OVERRIDE``.  A few cases of each kind also run through ``qgis_process``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from shapely import wkb as shapely_wkb
from shapely.affinity import translate
from shapely.geometry import LineString, MultiPolygon, Point, box
from synth import capture_feedback, iter_features, srs_wkt, write_polygons, write_raster
from testdata import REPO

X0, Y1, CELL = 39500000.0, 4500000.0, 5.0
ROWS, COLS = 120, 41
HAN = re.compile("[\u4e00-\u9fff]")
#: signs of a Python error that reached the user
TRACEBACK = re.compile(
    r"Traceback|File \"|\b(Key|Index|Type|Value|Attribute|ZeroDivision|Runtime|Overflow|Name|Lookup|"
    r"NotImplemented|Assertion|UnboundLocal|Unicode\w*|FloatingPoint|OS|IO|Memory)Error\b|"
    r"object has no attribute|unsupported operand|NoneType"
)


# -- the synthetic inputs --------------------------------------------------------------------------------
def v_valley(rows=ROWS, cols=COLS):
    """A valley falling south at 8 %, sides rising 0.6 m/m (31°): gullies, steep slopes, a catchment."""
    r, c = np.mgrid[0:rows, 0:cols]
    return (100 + 0.08 * (rows - 1 - r) * CELL + 0.6 * np.abs(c - cols // 2) * CELL).astype(np.float32)


def _xy(row, col):
    return X0 + (col + 0.5) * CELL, Y1 - (row + 0.5) * CELL


FULL = box(X0, Y1 - ROWS * CELL, X0 + COLS * CELL, Y1)
HALF = X0 + COLS * CELL / 2


def _table(path, layer, rows, types=None):
    """A geometry-less GeoPackage table."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, None, ogr.wkbNone)
    for name in rows[0]:
        kind = (types or {}).get(name, ogr.OFTString)
        lyr.CreateField(ogr.FieldDefn(name, kind))
    for row in rows:
        feature = ogr.Feature(lyr.GetLayerDefn())
        for key, value in row.items():
            feature.SetField(key, value)
        lyr.CreateFeature(feature)
    ds = None
    return f"{path}|layername={layer}"


def _extra(attrs, i=0):
    """Every base layer carries a number and a text field besides its own (for the wrong-type cases)."""
    return {**attrs, "num_x": 1.5 + i, "txt_x": f"文本{i}"}


def build_kit(d):
    """The good inputs, and the inputs that are other algorithms' outputs (run in-process)."""
    import processing

    k = {"dir": d}
    k["dem"] = write_raster(d / "dem.tif", v_valley(), origin=(X0, Y1), cell=CELL)
    inner = box(X0 + 10, Y1 - ROWS * CELL + 10, X0 + COLS * CELL - 10, Y1 - 10)
    k["counties"] = write_polygons(
        str(d / "counties.gpkg"), [(inner.wkb, _extra({"name": "甲县"}))], layer="c"
    )
    k["townships"] = write_polygons(
        str(d / "towns.gpkg"),
        [
            (box(X0, Y1 - ROWS * CELL, HALF, Y1).wkb, _extra({"name": "甲镇"})),
            (box(HALF, Y1 - ROWS * CELL, X0 + COLS * CELL, Y1).wkb, _extra({"name": "乙乡"}, 1)),
        ],
        layer="t",
    )
    k["landuse"] = write_polygons(
        str(d / "landuse.gpkg"),
        [
            (box(X0, Y1 - ROWS * CELL, HALF, Y1).wkb, _extra({"code": "0103"})),
            (box(HALF, Y1 - ROWS * CELL, X0 + COLS * CELL, Y1).wkb, _extra({"code": "0301"}, 1)),
        ],
        layer="landuse",
    )
    k["aoi"] = write_polygons(
        str(d / "aoi.gpkg"), [(box(X0, Y1 - ROWS * CELL, X0 + COLS * CELL, Y1 - 100).wkb, _extra({"id": 1}))]
    )
    k["outlets"] = write_polygons(
        str(d / "outlets.gpkg"), [(Point(*_xy(ROWS - 3, COLS // 2)).wkb, _extra({"id": 1}))], layer="o"
    )
    (xa, ya), (xb, _yb) = _xy(80, COLS // 2 - 10), _xy(80, COLS // 2 + 10)
    k["axis"] = write_polygons(
        str(d / "axis.gpkg"), [(LineString([(xa, ya), (xb, ya)]).wkb, _extra({"id": 1}))], layer="a"
    )
    k["slope"] = processing.run("swcplanner:slopeclasses", {"DEM": k["dem"], "OUTPUT": str(d / "slope.tif")})[
        "OUTPUT"
    ]
    loss = processing.run(
        "swcplanner:soilloss",
        {
            "DEM": k["dem"],
            "R_CONSTANT": 3000.0,
            "K_CONSTANT": 0.03,
            "LANDUSE": k["landuse"],
            "LANDUSE_FIELD": "code",
            "SOIL_LOSS": str(d / "loss.tif"),
            "INTENSITY": str(d / "intensity.tif"),
            "TABLE": str(d / "loss_table.gpkg"),
        },
    )
    k["soil_loss"], k["loss_table"], k["intensity"] = loss["SOIL_LOSS"], loss["TABLE"], loss["INTENSITY"]
    k["landuse_slope"] = processing.run(
        "swcplanner:landuseslope",
        {"SLOPE": k["slope"], "LANDUSE": k["landuse"], "LANDUSE_FIELD": "code", "OUTPUT": str(d / "lus.tif")},
    )["OUTPUT"]
    k["measure_areas"] = processing.run(
        "swcplanner:measureplan",
        {"LANDUSE_SLOPE": k["landuse_slope"], "OUTPUT": str(d / "plan.tif"), "TABLE": str(d / "plan.gpkg")},
    )["TABLE"]
    stations = [("54511", 0.0, 0.0), ("54518", 3000.0, 500.0), ("54602", 1000.0, -3000.0)]
    k["stations"] = write_polygons(
        str(d / "stations.gpkg"),
        [(Point(X0 + dx, Y1 + dy).wkb, _extra({"sid": sid}, i)) for i, (sid, dx, dy) in enumerate(stations)],
        layer="stations",
    )
    rain = d / "rain.csv"
    with open(rain, "w", encoding="utf-8") as handle:
        handle.write("sid,day,p\n")
        for sid, _dx, _dy in stations:
            for day in np.arange(np.datetime64("2020-01-01"), np.datetime64("2021-01-01")):
                handle.write(f"{sid},{day},{50.0 if str(day) == '2020-07-01' else 0.0}\n")
    k["rain"] = str(rain)
    k["soils"] = write_polygons(
        str(d / "soils.gpkg"),
        [(FULL.wkb, _extra({"name": "褐土", "sand": 40.0, "silt": 40.0, "clay": 20.0, "oc": 1.0}))],
        layer="soils",
    )
    k["ranges"] = write_polygons(
        str(d / "ranges.gpkg"),
        [(box(X0 + 10, Y1 - 110, X0 + 110, Y1 - 10).wkb, _extra({"proj_id": "P1", "name": "示范公路工程"}))],
        layer="ranges",
    )
    k["patches"] = write_polygons(
        str(d / "patches.gpkg"),
        [(box(X0 + 60, Y1 - 90, X0 + 160, Y1 - 30).wkb, _extra({"tb_id": "D1", "kind": "施工扰动"}))],
        layer="patches",
    )
    findings = {"name": "甲建设有限公司", "role": "生产建设单位", "day": "2023-03-01", "kind": "未批先建"}
    k["findings"] = _table(d / "findings.gpkg", "findings", [_extra(findings)], {"num_x": ogr.OFTReal})
    k["plans"] = _table(
        d / "plans.gpkg",
        "plans",
        [_extra({"pifu": f"冀水保〔2024〕{i}号"}, i) for i in range(1, 41)],
        {"num_x": ogr.OFTReal},
    )
    k["supervised"] = processing.run(
        "swcplanner:rssupervision",
        {
            "PATCHES": k["patches"],
            "RANGES": k["ranges"],
            "PROJECT_ID_FIELD": "proj_id",
            "OUTPUT": str(d / "supervised.gpkg"),
        },
    )["OUTPUT"]
    k["ban_table"] = _table(
        d / "ban.gpkg",
        "ban",
        [{"COUNTY": "望都县", "BAN_HA": 2.0}],
        {"BAN_HA": ogr.OFTReal},
    )
    return k


#: algorithm id → (main output, its file name, the good inputs)
BASE = {
    "slopeclasses": (
        "OUTPUT",
        "out.tif",
        lambda k: {"DEM": k["dem"], "ZONES": k["townships"], "ZONE_FIELD": "name"},
    ),
    "steepslopeban": (
        "OUTPUT",
        "out.gpkg",
        lambda k: {
            "DEM": k["dem"],
            "COUNTIES": k["counties"],
            "COUNTY_FIELD": "name",
            "MIN_AREA": 0,
            "TOWNSHIPS": k["townships"],
            "TOWNSHIP_FIELD": "name",
            "LANDUSE": k["landuse"],
            "LANDUSE_FIELD": "code",
        },
    ),
    "fillsinks": ("OUTPUT", "out.tif", lambda k: {"DEM": k["dem"]}),
    "flowaccumulation": ("ACCUMULATION", "out.tif", lambda k: {"DEM": k["dem"]}),
    "channelnetwork": ("CHANNELS", "out.gpkg", lambda k: {"DEM": k["dem"]}),
    "watershed": ("OUTPUT", "out.gpkg", lambda k: {"DEM": k["dem"], "OUTLETS": k["outlets"]}),
    "lsfactor": ("LS_FACTOR", "out.tif", lambda k: {"DEM": k["dem"]}),
    "soilloss": (
        "SOIL_LOSS",
        "out.tif",
        lambda k: {
            "DEM": k["dem"],
            "R_CONSTANT": 3000,
            "K_CONSTANT": 0.03,
            "LANDUSE": k["landuse"],
            "LANDUSE_FIELD": "code",
            "ZONES": k["townships"],
            "ZONE_FIELD": "name",
        },
    ),
    "swcrate": (
        "OUTPUT",
        "out.gpkg",
        lambda k: {"INPUT": k["soil_loss"], "ZONES": k["townships"], "ZONE_FIELD": "name"},
    ),
    "farmlandscreening": (
        "OUTPUT",
        "out.gpkg",
        lambda k: {"PARCELS": k["landuse"], "LANDUSE_FIELD": "code", "DEM": k["dem"]},
    ),
    "slopeworks": (
        "WORKS",
        "out.gpkg",
        lambda k: {"AREAS": k["counties"], "NAME_FIELD": "name", "DEM": k["dem"]},
    ),
    "checkdams": ("DAMS", "out.gpkg", lambda k: {"DEM": k["dem"], "AOI": k["aoi"]}),
    "siltdams": (
        "DAMS",
        "out.gpkg",
        lambda k: {"DEM": k["dem"], "AOI": k["aoi"], "SOIL_LOSS": k["soil_loss"], "MIN_CONTROL": 0.005},
    ),
    "damstorage": ("TABLE", "out.gpkg", lambda k: {"DEM": k["dem"], "AXIS": k["axis"]}),
    "landuseslope": (
        "OUTPUT",
        "out.tif",
        lambda k: {"SLOPE": k["slope"], "LANDUSE": k["landuse"], "LANDUSE_FIELD": "code"},
    ),
    "measureplan": ("OUTPUT", "out.tif", lambda k: {"LANDUSE_SLOPE": k["landuse_slope"]}),
    "planquantities": ("QUANTITIES", "out.gpkg", lambda k: {"MEASURE_AREAS": k["measure_areas"]}),
    "planbenefits": ("OUTPUT", "out.gpkg", lambda k: {"BEFORE": k["loss_table"]}),
    "rainfallerosivity": (
        "OUTPUT",
        "out.tif",
        lambda k: {
            "RAINFALL": k["rain"],
            "STATION_FIELD": "sid",
            "DATE_FIELD": "day",
            "RAIN_FIELD": "p",
            "STATIONS": k["stations"],
        },
    ),
    "soilerodibility": (
        "OUTPUT",
        "out.tif",
        lambda k: {
            "SOILS": k["soils"],
            "SAND_FIELD": "sand",
            "SILT_FIELD": "silt",
            "CLAY_FIELD": "clay",
            "OC_FIELD": "oc",
        },
    ),
    "erosionchange": ("OUTPUT", "out.gpkg", lambda k: {"BEFORE": k["soil_loss"], "AFTER": k["soil_loss"]}),
    "erodedforest": (
        "OUTPUT",
        "out.gpkg",
        lambda k: {
            "SOIL_LOSS": k["soil_loss"],
            "LANDUSE": k["landuse"],
            "LANDUSE_FIELD": "code",
            "DEM": k["dem"],
        },
    ),
    "rssupervision": (
        "OUTPUT",
        "out.gpkg",
        lambda k: {"PATCHES": k["patches"], "RANGES": k["ranges"], "PROJECT_ID_FIELD": "proj_id"},
    ),
    "closepatches": ("OUTPUT", "out.gpkg", lambda k: {"INPUT": k["supervised"]}),
    "riskgrading": ("OUTPUT", "out.gpkg", lambda k: {"RANGES": k["ranges"], "PROJECT_ID_FIELD": "proj_id"}),
    "creditlists": (
        "OUTPUT",
        "out.gpkg",
        lambda k: {
            "FINDINGS": k["findings"],
            "ENTITY_FIELD": "name",
            "ROLE_FIELD": "role",
            "DATE_FIELD": "day",
            "TYPE_FIELD": "kind",
        },
    ),
    "plansampling": ("OUTPUT", "out.gpkg", lambda k: {"PLANS": k["plans"]}),
    "keyzones": (
        "OUTPUT",
        "out.gpkg",
        lambda k: {"UNITS": k["townships"], "UNIT_FIELD": "name", "INTENSITY": k["intensity"]},
    ),
    "exportpackage": (
        "PACKAGE",
        "package.gpkg",
        lambda k: {
            "INPUT": k["ban_table"],
            "KIND": _kind_index("ban_counties"),
            "ADCODE": "130631",
            "YEAR": 2023,
        },
    ),
    # the database algorithms without a database: the connection is the first thing they need
    "publishresults": (
        "OUTPUT",
        "out.gpkg",
        lambda k: {
            "INPUT": k["ban_table"],
            "KIND": _kind_index("ban_counties"),
            "ADCODE": "130631",
            "YEAR": 2023,
            "DATABASE": "no such connection",
        },
    ),
    "importpackage": (
        "OUTPUT",
        "out.gpkg",
        lambda k: {"PACKAGE": k["package"], "DATABASE": "no such connection"},
    ),
    "provincerollup": ("OUTPUT", "out.gpkg", lambda k: {"DATABASE": "no such connection"}),
}

#: algorithms whose good run cannot succeed here (no database): every case must be a clean error
NO_DATABASE = {"publishresults", "importpackage", "provincerollup"}


def _kind_index(key):
    from swc_planner.algorithms.core.database.schema import KINDS

    return [k.key for k in KINDS].index(key)


# -- spoilt rasters --------------------------------------------------------------------------------------
def _read(path):
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    return band.ReadAsArray(), band.GetNoDataValue(), ds.GetGeoTransform(), ds.GetProjection(), band.DataType


def _write(path, array, gt, wkt, nodata, dtype):
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, dtype)
    ds.SetGeoTransform(gt)
    if wkt:
        ds.SetProjection(wkt)
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None
    return str(path)


NO_EPSG_WKT = (
    "+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"  # GK zone 39
)


def _proj_wkt(text):
    srs = osr.SpatialReference()
    srs.ImportFromProj4(text)
    return srs.ExportToWkt()


def spoil_raster(path, kind, out):
    """A copy of the raster at ``path`` spoilt as ``kind``; returns the new path."""
    if kind == "missing":
        return str(out / "no_such_raster.tif")
    if kind == "zero_bytes":
        open(out / "empty.tif", "wb").close()
        return str(out / "empty.tif")
    if kind == "other_crs":
        return gdal.Warp(str(out / "utm.tif"), str(path), dstSRS="EPSG:32650", xRes=CELL, yRes=CELL) and str(
            out / "utm.tif"
        )
    a, nodata, gt, wkt, dtype = _read(path)
    target = out / f"{kind}.tif"
    if kind == "geographic":
        return _write(target, a, (116.0, 5e-5, 0, 40.0, 0, -5e-5), srs_wkt(4490), nodata, dtype)
    if kind == "rotated":
        return _write(target, a, (gt[0], gt[1], 0.5, gt[3], 0.5, gt[5]), wkt, nodata, dtype)
    if kind == "feet":
        return _write(target, a, gt, srs_wkt(2227), nodata, dtype)  # NAD83 / California zone 3 (ftUS)
    if kind == "no_epsg":
        return _write(target, a, gt, _proj_wkt(NO_EPSG_WKT), nodata, dtype)
    if kind == "elsewhere":
        return _write(target, a, (gt[0] + 2e5, gt[1], 0, gt[3] + 2e5, 0, gt[5]), wkt, nodata, dtype)
    if kind == "nodata_only":
        fill = -9999 if nodata is None else nodata
        return _write(target, np.full(a.shape, fill, a.dtype), gt, wkt, fill, dtype)
    if kind == "nan_holes":
        b = a.astype(np.float32)
        b[10:20, 10:20] = np.nan
        return _write(target, b, gt, wkt, None, gdal.GDT_Float32)
    if kind == "flat":
        valid = a[a != nodata] if nodata is not None else a.ravel()
        return _write(target, np.full(a.shape, valid.flat[0], a.dtype), gt, wkt, nodata, dtype)
    if kind in ("one_cell", "two_cells"):  # on the dam axis, inside the county and the area of interest
        n = 1 if kind == "one_cell" else 2
        r, c = min(80, a.shape[0] - n), min(20, a.shape[1] - n)
        corner = (gt[0] + c * gt[1], gt[1], 0.0, gt[3] + r * gt[5], 0.0, gt[5])
        return _write(target, a[r : r + n, c : c + n], corner, wkt, nodata, dtype)
    raise ValueError(kind)


RASTER_KINDS = (
    "geographic",
    "rotated",
    "nodata_only",
    "nan_holes",
    "flat",
    "one_cell",
    "two_cells",
    "zero_bytes",
    "missing",
    "feet",
    "no_epsg",
    "other_crs",
    "elsewhere",
)


# -- spoilt vector layers --------------------------------------------------------------------------------
def _features(uri):
    """``(geometry type, srs, [(name, ogr type)], [(shapely geometry or None, {attrs})])`` of a layer."""
    path, _, name = uri.partition("|layername=")
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(name) if name else ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    fields = [
        (defn.GetFieldDefn(i).GetName(), defn.GetFieldDefn(i).GetType()) for i in range(defn.GetFieldCount())
    ]
    feats = []
    for f in lyr:
        g = f.GetGeometryRef()
        feats.append((shapely_wkb.loads(bytes(g.ExportToWkb())) if g else None, f.items()))
    srs = lyr.GetSpatialRef()
    return lyr.GetGeomType(), srs.Clone() if srs else None, fields, feats


def _write_layer(path, layer, gtype, srs, fields, feats, driver="GPKG", options=()):
    drv = ogr.GetDriverByName(driver)
    ds = drv.CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, srs, gtype, list(options))
    for name, kind in fields:
        lyr.CreateField(ogr.FieldDefn(name, kind))
    names = [name for name, _kind in fields]
    for geom, attrs in feats:
        f = ogr.Feature(lyr.GetLayerDefn())
        for key, value in attrs.items():
            if value is not None:
                f.SetField(names.index(key), value)  # by index: a shapefile cuts names to 10 bytes
        if geom is not None:
            f.SetGeometry(ogr.CreateGeometryFromWkb(geom.wkb))
        lyr.CreateFeature(f)
    ds = None
    return f"{path}|layername={layer}" if driver == "GPKG" else str(path)


def _reproject(geom, src, dst_epsg):
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(dst_epsg)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    src = src.Clone()
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    g = ogr.CreateGeometryFromWkb(geom.wkb)
    g.Transform(osr.CoordinateTransformation(src, dst))
    return shapely_wkb.loads(bytes(g.ExportToWkb())), dst


def _wrong_geometry(geom):
    if geom.geom_type.endswith("Polygon"):
        return geom.representative_point()
    if geom.geom_type.endswith("Point"):
        return geom.buffer(20.0)
    return Point(geom.coords[0]) if geom.geom_type == "LineString" else geom.buffer(5.0)


def _multi(geom):
    from shapely.geometry import MultiLineString, MultiPoint

    kind = {"Polygon": MultiPolygon, "LineString": MultiLineString, "Point": MultiPoint}.get(geom.geom_type)
    return kind([geom]) if kind else geom


def spoil_vector(uri, kind, out):
    """A copy of the layer ``uri`` spoilt as ``kind``; returns the new uri."""
    if kind == "missing":
        return str(out / "no_such_layer.gpkg")
    if kind == "zero_bytes":
        open(out / "empty.gpkg", "wb").close()
        return str(out / "empty.gpkg")
    path = uri.partition("|layername=")[0]
    if path.endswith(".csv"):
        return _spoil_csv(path, kind, out)
    gtype, srs, fields, feats = _features(uri)
    if kind == "empty":
        return _write_layer(out / "empty_layer.gpkg", "empty", gtype, srs, fields, [])
    if kind == "wrong_geometry":
        feats = [(_wrong_geometry(g), a) for g, a in feats]
        return _write_layer(out / "wrong.gpkg", "wrong", ogr.wkbUnknown, srs, fields, feats)
    if kind == "other_crs":
        moved = [_reproject(g, srs, 4490) for g, _a in feats]
        return _write_layer(
            out / "geo.gpkg",
            "geo",
            gtype,
            moved[0][1],
            fields,
            [(m, a) for (m, _s), (_g, a) in zip(moved, feats)],
        )
    if kind == "disjoint":
        feats = [(translate(g, 5e5, 5e5), a) for g, a in feats]
        return _write_layer(out / "far.gpkg", "far", gtype, srs, fields, feats)
    if kind == "mixed":
        feats = [(_multi(g) if i % 2 == 0 else g, a) for i, (g, a) in enumerate(feats)]
        return _write_layer(out / "mixed.gpkg", "mixed", ogr.wkbUnknown, srs, fields, feats)
    if kind == "duplicates":
        return _write_layer(out / "dup.gpkg", "dup", gtype, srs, fields, feats + feats)
    if kind == "chinese_path":
        folder = out / "数据 资料"
        folder.mkdir(exist_ok=True)
        return _write_layer(folder / "图层.gpkg", "图层", gtype, srs, fields, feats)
    if kind == "gbk_shapefile":
        return gbk_shapefile(out / "县界.shp", gtype, srs, fields, feats)
    if kind in ("locked", "locked_exclusive"):
        target = out / "locked.gpkg"
        shutil.copy(path, target)
        return str(target) + uri[len(path) :]
    raise ValueError(kind)


def gbk_shapefile(path, gtype, srs, fields, feats):
    """A GBK shapefile without .cpg, as Chinese county data often come."""
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)  # let OGR recode to GBK (QGIS turns recoding off)
    try:
        out = _write_layer(path, path.stem, gtype, srs, fields, feats, "ESRI Shapefile", ["ENCODING=GBK"])
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", previous)
    cpg = path.with_suffix(".cpg")
    if cpg.exists():
        cpg.unlink()
    return out


def _spoil_csv(path, kind, out):
    with open(path, encoding="utf-8") as handle:
        lines = handle.readlines()
    if kind == "empty":
        lines = lines[:1]
    elif kind == "duplicates":
        lines = lines + lines[1:]
    elif kind == "chinese_path":
        (out / "雨量").mkdir(exist_ok=True)
        target = out / "雨量" / "逐日降雨.csv"
        target.write_text("".join(lines), encoding="utf-8")
        return str(target)
    elif kind == "gbk_shapefile":
        target = out / "rain_gbk.csv"
        target.write_bytes("".join(lines).replace("sid", "站号").encode("gbk"))
        return str(target)
    else:
        return None
    target = out / f"{kind}.csv"
    target.write_text("".join(lines), encoding="utf-8")
    return str(target)


VECTOR_KINDS = (
    "empty",
    "missing",
    "zero_bytes",
    "wrong_geometry",
    "other_crs",
    "disjoint",
    "mixed",
    "duplicates",
    "chinese_path",
    "gbk_shapefile",
    "locked",
)


# -- the cases -------------------------------------------------------------------------------------------
def _definitions():
    """``{algorithm id: [parameter definitions]}`` of every algorithm the provider registers."""
    from swc_planner.algorithms.provider import algorithm_instances

    out = {}
    for alg in algorithm_instances():
        alg.initAlgorithm({})
        _KEEP.append(alg)  # the definitions belong to the instance
        out[alg.name()] = alg.parameterDefinitions()
    return out


_KEEP = []


DEFINITIONS = _definitions()
_HUGE = 1e300


def _kind_of(definition):
    """``raster``, ``vector``, ``table``, ``field``, ``number``, ``string``, ``file``, ``enum``, ``crs``,
    ``output`` or ``None`` (not spoilt)."""
    from qgis.core import (
        QgsProcessingDestinationParameter,
        QgsProcessingParameterCrs,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterFile,
        QgsProcessingParameterNumber,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterString,
        QgsProcessingParameterVectorLayer,
    )

    if isinstance(definition, QgsProcessingDestinationParameter):
        return "output"
    if isinstance(definition, QgsProcessingParameterRasterLayer):
        return "raster"
    if isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
        return "table" if set(definition.dataTypes()) <= {5} else "vector"
    for cls, kind in (
        (QgsProcessingParameterField, "field"),
        (QgsProcessingParameterNumber, "number"),
        (QgsProcessingParameterString, "string"),
        (QgsProcessingParameterFile, "file"),
        (QgsProcessingParameterEnum, "enum"),
        (QgsProcessingParameterCrs, "crs"),
    ):
        if isinstance(definition, cls):
            return kind
    return None


#: what each kind of spoilt input must give: an ``error``, a result (``ok``), or either (``clean``)
EXPECT = {
    "geographic": "error",
    "rotated": "error",
    "nodata_only": "error",
    "nan_holes": "clean",
    "flat": "clean",
    "one_cell": "clean",
    "two_cells": "clean",
    "zero_bytes": "error",
    "missing": "error",
    "feet": "error",
    "no_epsg": "ok",
    "other_crs": "ok",
    "elsewhere": "clean",
    "empty": "error",
    "wrong_geometry": "error",
    "disjoint": "error",
    "mixed": "ok",
    "duplicates": "clean",
    "chinese_path": "ok",
    "gbk_shapefile": "ok",
    "locked": "ok",  # another program writes to it (a reserved lock): reading goes on
    "locked_exclusive": "clean",  # another program holds it exclusively: a clear error after the wait
    "misspelt": "error",
    "wrong_type": "clean",
    "below_range": "error",
    "above_range": "error",
    "huge": "clean",
    "tiny_length": "error",
    "garbage": "clean",
    "enum_range": "error",
    "geographic_crs": "clean",
    "read_only": "error",
    "missing_folder": "error",
    "overwrite": "ok",
    "chinese_output": "ok",
    "locked_output": "clean",
    "cancel": "clean",
}

#: ``(algorithm, kind[, parameter])`` → expectation where the default does not hold, and why
OVERRIDE = {
    # without GRID the raster is built in the layer's CRS: a geographic layer is refused with what to do
    ("rainfallerosivity", "other_crs", "STATIONS"): "clean",
    ("soilerodibility", "other_crs", "SOILS"): "clean",
    # the two years must be on one grid: another CRS is refused with "reproject first"
    ("erosionchange", "other_crs"): "clean",
    ("erodedforest", "other_crs"): "clean",
    # a county with nothing of a kind publishes 0 rows (the province tells it from "not reported"), warned
    ("exportpackage", "empty", "INPUT"): "warn",
}

#: a GeoPackage locked by another program makes SQLite wait (5 s) before it fails: a few algorithms only
SLOW_LOCK_CASES = {"steepslopeban", "rssupervision", "checkdams"}


def cases():
    """``(algorithm id, kind, parameter name)`` for every algorithm and every input kind it takes."""
    out = []
    for alg_id, definitions in DEFINITIONS.items():
        if alg_id not in BASE:
            out.append((alg_id, "base", ""))  # fails: every algorithm needs a good run
            continue
        main, _file, _inputs = BASE[alg_id]
        given = set(BASE[alg_id][2](_Names()))
        out.append((alg_id, "base", ""))
        for d in definitions:
            name, kind = d.name(), _kind_of(d)
            if kind == "raster" and name in given:
                out += [(alg_id, k, name) for k in RASTER_KINDS]
            elif kind in ("vector", "table") and name in given:
                kinds = VECTOR_KINDS if kind == "vector" else ("empty", "missing", "zero_bytes", "duplicates")
                out += [(alg_id, k, name) for k in kinds]
                if (
                    alg_id in SLOW_LOCK_CASES
                    and kind == "vector"
                    and not any(c[:2] == (alg_id, "locked_exclusive") for c in out)
                ):
                    out.append((alg_id, "locked_exclusive", name))  # the first layer only
            elif kind == "field" and name in given:
                out += [(alg_id, "misspelt", name), (alg_id, "wrong_type", name)]
            elif kind == "number":
                if d.minimum() > -_HUGE:
                    out.append((alg_id, "below_range", name))
                out.append((alg_id, "above_range" if d.maximum() < _HUGE else "huge", name))
                if name == "MAX_LENGTH":
                    out.append((alg_id, "tiny_length", name))
            elif kind == "string" or kind == "file":
                out.append((alg_id, "garbage", name))
                if kind == "file":
                    out += [(alg_id, "zero_bytes", name), (alg_id, "missing", name)]
            elif kind == "enum":
                out.append((alg_id, "enum_range", name))
            elif kind == "crs":
                out.append((alg_id, "geographic_crs", name))
            elif kind == "output":
                out.append((alg_id, "read_only", name))
                if name == main and alg_id not in NO_DATABASE:
                    out += [(alg_id, k, name) for k in ("missing_folder", "overwrite", "chinese_output")]
                    if alg_id in SLOW_LOCK_CASES and _output_file(d).endswith(".gpkg"):
                        out.append((alg_id, "locked_output", name))
        if alg_id not in NO_DATABASE:
            out.append((alg_id, "cancel", ""))
    return out


class _Names(dict):
    """A kit whose every entry is its own key (to list the parameters a good run gives)."""

    def __missing__(self, key):
        return key


def _output_file(definition):
    from qgis.core import QgsProcessingParameterFileDestination, QgsProcessingParameterRasterDestination

    if isinstance(definition, QgsProcessingParameterRasterDestination):
        return definition.name().lower() + ".tif"
    if isinstance(definition, QgsProcessingParameterFileDestination):
        return definition.name().lower() + "." + (definition.defaultFileExtension() or "txt")
    return definition.name().lower() + ".gpkg"


CASES = cases()


# -- running a case --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def zh_cn(processing_ready, tmp_path_factory):
    """The zh_CN translation installed: every message of ours must come out in Chinese."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    qm = str(tmp_path_factory.mktemp("qm") / "zh_CN.qm")
    subprocess.run(
        ["lrelease", "-silent", os.path.join(REPO, "i18n", "swc_planner_zh_CN.ts"), "-qm", qm], check=True
    )
    translator = QTranslator()
    assert translator.load(qm)
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(scope="module")
def kit(processing_ready, tmp_path_factory):
    import processing

    d = tmp_path_factory.mktemp("kit")
    k = build_kit(d)
    base = BASE["exportpackage"][2](k)
    k["package"] = processing.run("swcplanner:exportpackage", dict(base, PACKAGE=str(d / "package.gpkg")))[
        "PACKAGE"
    ]
    return k


def _definition(alg_id, name):
    return next(d for d in DEFINITIONS[alg_id] if d.name() == name)


def _layer_fields(uri):
    try:
        return _features(uri)[2]
    except Exception:  # noqa: BLE001 - a csv or an odd source: no field list
        return []


_NUMERIC = (ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal)


def _wrong_type_field(uri, field):
    fields = _layer_fields(uri)
    kinds = dict(fields)
    if field not in kinds:
        return None
    numeric = kinds[field] in _NUMERIC
    for name, kind in fields:
        if name != field and (kind in _NUMERIC) != numeric:
            return name
    others = [n for n, _k in fields if n != field]
    return others[0] if others else None


def _bad_number(definition, kind):
    lo, hi = definition.minimum(), definition.maximum()
    integer = (
        definition.dataType() == definition.Type.Integer if hasattr(definition.Type, "Integer") else False
    )
    if kind == "below_range":
        value = lo - max(1.0, abs(lo))
    elif kind == "above_range":
        value = hi + max(1.0, abs(hi))
    else:
        value = 1e12
    return int(value) if integer else value


def make_case(kit, alg_id, kind, param, tmp):
    """``(parameters, output files, main output path, the value given)`` of a case."""
    main, main_file, inputs = BASE[alg_id]
    params = dict(inputs(kit))
    spoilt_dir, out_dir = tmp / "in", tmp / "out"
    spoilt_dir.mkdir(parents=True)
    out_dir.mkdir()
    files = {}
    for d in DEFINITIONS[alg_id]:
        if _kind_of(d) == "output":
            files[d.name()] = str(out_dir / (main_file if d.name() == main else _output_file(d)))
    given = None
    definition = _definition(alg_id, param) if param else None
    pkind = _kind_of(definition) if definition is not None else None
    if pkind == "raster":
        given = params[param] = spoil_raster(params[param], kind, spoilt_dir)
    elif pkind in ("vector", "table"):
        given = spoil_vector(params[param], kind, spoilt_dir)
        if given is None:
            pytest.skip(f"{kind} does not apply to a CSV table")
        params[param] = given
    elif pkind == "field":
        parent = params.get(definition.parentLayerParameterName(), "")
        if kind == "misspelt":
            given = params[param] + "x"
        else:
            given = _wrong_type_field(parent, params[param])
            if given is None:
                pytest.skip("the layer has no field of another type")
        params[param] = given
    elif pkind == "number":
        given = params[param] = 0.0001 if kind == "tiny_length" else _bad_number(definition, kind)
    elif pkind in ("string", "file") and kind == "garbage":
        junk = spoilt_dir / ("junk" + (_file_extension(definition) if pkind == "file" else ".csv"))
        junk.write_bytes(b"\xff\xfe\x00garbage;;\n,,,\n")
        given = params[param] = str(junk) if pkind == "file" else "@@;,,x,-1e999,中"
    elif pkind == "file":
        ext = _file_extension(definition)
        given = str(spoilt_dir / (("empty" if kind == "zero_bytes" else "no_such_file") + ext))
        if kind == "zero_bytes":
            open(given, "wb").close()
        params[param] = given
    elif pkind == "enum":
        given = params[param] = 99
    elif pkind == "crs":
        given = params[param] = "EPSG:4326"
    elif pkind == "output":
        if kind == "read_only":
            folder = read_only_folder(tmp / "ro")
            files[param] = str(folder / os.path.basename(files[param]))
        elif kind == "missing_folder":
            files[param] = str(tmp / "no" / "such" / os.path.basename(files[param]))
        elif kind == "chinese_output":
            (out_dir / "成果 输出").mkdir()
            files[param] = str(out_dir / "成果 输出" / ("结果" + os.path.splitext(files[param])[1]))
        given = files[param]
    params.update(files)
    return params, files, given


def _file_extension(definition):
    ext = definition.extension() if hasattr(definition, "extension") else ""
    if not ext:
        found = re.search(r"\*\.(\w+)", definition.fileFilter() or "")
        ext = found.group(1) if found else "csv"
    return "." + ext


def read_only_folder(path):
    """A folder that cannot be written, even by root (``chattr +i``); skips where none can be made."""
    path.mkdir()
    os.chmod(path, 0o555)
    if os.access(path, os.W_OK) and _probe(path):
        subprocess.run(["chattr", "+i", str(path)], capture_output=True)
        _IMMUTABLE.append(path)
        if _probe(path):
            pytest.skip("cannot make a read-only folder here")
    return path


_IMMUTABLE = []


def _probe(path):
    try:
        with open(path / ".probe", "w"):
            pass
        os.remove(path / ".probe")
        return True
    except OSError:
        return False


@pytest.fixture(autouse=True)
def _release_immutable():
    yield
    while _IMMUTABLE:
        subprocess.run(["chattr", "-i", str(_IMMUTABLE.pop())], capture_output=True)


class Canceller:
    """A feedback that cancels at the first progress report (or at the first warning)."""

    def __new__(cls):
        feedback = capture_feedback()
        original = feedback.setProgress

        def progress(value):
            original(value)
            if value > 0:
                feedback.cancel()

        feedback.setProgress = progress
        return feedback


def run(alg_id, params, feedback):
    """``(True, results)`` or ``(False, message)`` of a processing.run."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException

    context = QgsProcessingContext()
    try:
        return True, processing.run("swcplanner:" + alg_id, params, feedback=feedback, context=context)
    except QgsProcessingException as exc:
        return False, str(exc)


def _names_of(alg_id, param, given):
    """What a message may name the parameter by: its name, its label (or its first words), the value given."""
    names = {param} if param else set()
    if param:
        for description in (_definition(alg_id, param).description(), _translated_description(alg_id, param)):
            names |= {description, re.split(r"\s*[(（,，:：]", description)[0].strip()}
    if given not in (None, ""):
        text = str(given)
        names |= {
            text,
            os.path.basename(text.split("|")[0]),
            f"{given:g}" if isinstance(given, float) else text,
        }
    return {n for n in names if n}


_TRANSLATED = {}


def _translated_description(alg_id, param):
    """The parameter's label as the user sees it (the algorithm created with the translation installed)."""
    from qgis.core import QgsApplication

    if alg_id not in _TRANSLATED:
        alg = QgsApplication.processingRegistry().createAlgorithmById("swcplanner:" + alg_id)
        _TRANSLATED[alg_id] = {d.name(): d.description() for d in alg.parameterDefinitions()}
    return _TRANSLATED[alg_id].get(param, param)


#: kinds whose error is about the spoilt parameter itself: the message must name it
NAMED_KINDS = {
    "geographic",
    "rotated",
    "nodata_only",
    "zero_bytes",
    "missing",
    "feet",
    "empty",
    "wrong_geometry",
    "misspelt",
    "below_range",
    "above_range",
    "tiny_length",
    "enum_range",
    "read_only",
    "missing_folder",
    "locked_exclusive",
}


def _left_files(files, before):
    return sorted(p for p in files.values() if os.path.exists(p.split("|")[0]) and p not in before)


def check_error(alg_id, kind, param, given, message, files, before):
    assert not TRACEBACK.search(message), f"a Python error reached the user:\n{message}"
    assert HAN.search(message), f"not translated (or not ours):\n{message}"
    if alg_id in NO_DATABASE and "no such connection" in message:
        pass  # the connection is checked before the rest: a clear message about the first problem
    elif kind in NAMED_KINDS:
        names = _names_of(alg_id, param, given)
        assert any(n in message for n in names), f"the message names none of {sorted(names)}:\n{message}"
    if kind == "tiny_length":
        assert f"{CELL:g}" in message, f"the cell size (the least length) is not given:\n{message}"
    if kind in ("below_range", "above_range"):
        d = _definition(alg_id, param)
        bound = d.minimum() if kind == "below_range" else d.maximum()
        assert f"{bound:g}" in message, f"the allowed range is not given:\n{message}"
    left = _left_files(files, before)
    assert not left, f"a failed run left outputs behind: {left}"


def check_result(results, files):
    for name in files:
        if name in results and isinstance(results[name], str) and results[name]:
            target = results[name].split("|")[0]
            assert os.path.exists(target), f"{name}: {target} was not written"


class _Lock:
    """An exclusive SQLite lock on a GeoPackage, as another program writing to it holds."""

    def __init__(self, path, mode="IMMEDIATE"):
        self.path, self.mode = path, mode

    def __enter__(self):
        self.conn = sqlite3.connect(self.path, timeout=0.1, isolation_level=None)
        self.conn.execute(f"BEGIN {self.mode}")
        return self

    def __exit__(self, *exc):
        self.conn.execute("ROLLBACK")
        self.conn.close()


def _has_raster(alg_id):
    given = BASE[alg_id][2](_Names())
    return any(_kind_of(d) == "raster" and d.name() in given for d in DEFINITIONS[alg_id])


def _optional(alg_id, param):
    return bool(param) and bool(_definition(alg_id, param).flags() & _definition(alg_id, param).FlagOptional)


@pytest.mark.parametrize(
    "alg_id,kind,param", CASES, ids=[f"{a}-{k}-{p}" if p else f"{a}-{k}" for a, k, p in CASES]
)
def test_bad_input(zh_cn, kit, tmp_path, alg_id, kind, param):
    assert alg_id in BASE, f"swcplanner:{alg_id} has no good run in BASE: add its inputs"
    params, files, given = make_case(kit, alg_id, kind, param, tmp_path)
    expect = OVERRIDE.get((alg_id, kind, param), OVERRIDE.get((alg_id, kind), EXPECT.get(kind, "ok")))
    if alg_id in NO_DATABASE:
        expect = "error"
    elif kind == "disjoint" and not _has_raster(alg_id):
        expect = "clean"  # two layers that do not meet: a valid answer (e.g. patches outside every range)
    elif kind == "empty" and _optional(alg_id, param):
        expect = "warn"  # an optional layer given empty: a warning (or an error), never silently nothing
    feedback = Canceller() if kind == "cancel" else capture_feedback()
    before = set()
    lock = None
    if kind in ("locked", "locked_exclusive"):
        lock = _Lock(given.split("|")[0], "IMMEDIATE" if kind == "locked" else "EXCLUSIVE")
    elif kind == "locked_output":
        target = files[param]
        shutil.copy(kit["ban_table"].split("|")[0], target)
        before.add(target)
        lock = _Lock(target, "EXCLUSIVE")
    elif kind == "overwrite":
        ok, first = run(alg_id, params, capture_feedback())
        assert ok, first
        before = set(files.values())
    if lock is not None:
        with lock:
            ok, out = run(alg_id, params, feedback)
    else:
        ok, out = run(alg_id, params, feedback)
    if not ok:
        assert expect in ("error", "clean", "warn"), f"{kind}: expected a result, got the error:\n{out}"
        check_error(alg_id, kind, param, given, out, files, before)
        if kind == "cancel":
            assert HAN.search(out) and "取消" in out, out
        return
    assert expect != "error", (
        f"{kind} of {param}: expected an error, got a result; warnings: {feedback.warnings}"
    )
    check_result(out, files)
    if expect == "warn":
        assert feedback.warnings, f"{param} was given empty and nobody was told"
    if kind == "gbk_shapefile":
        assert any("GB18030" in w or "GBK" in w for w in feedback.warnings), feedback.warnings


# -- the known failures of issue 19, with their right answers ---------------------------------------------
def test_a_county_with_nothing_to_ban_is_a_valid_empty_result(zh_cn, kit, tmp_path):
    """A flat county: zero patches, its summary row with zero ban, and the planner is told."""
    params, files, _given = make_case(kit, "steepslopeban", "flat", "DEM", tmp_path)
    feedback = capture_feedback()
    ok, out = run("steepslopeban", params, feedback)
    assert ok, out
    assert list(iter_features(out["OUTPUT"])) == []
    summary = list(iter_features(out["SUMMARY"]))
    assert [(r["COUNTY"], r["BAN_HA"]) for r in summary] == [("甲县", 0.0)]
    assert any("甲县" in w and "25" in w for w in feedback.warnings), feedback.warnings


def test_an_empty_area_of_interest_is_refused_not_the_whole_dem(zh_cn, kit, tmp_path):
    params, files, given = make_case(kit, "checkdams", "empty", "AOI", tmp_path)
    ok, out = run("checkdams", params, capture_feedback())
    assert not ok and "AOI" in out and "空" in out, out
    assert not os.path.exists(files["DAMS"])


def test_a_slope_length_below_one_cell_is_refused_with_its_meaning(zh_cn, kit, tmp_path):
    for alg_id in ("lsfactor", "soilloss"):
        params, files, _given = make_case(kit, alg_id, "tiny_length", "MAX_LENGTH", tmp_path / alg_id)
        ok, out = run(alg_id, params, capture_feedback())
        assert not ok and "MAX_LENGTH" in out and "0.0001" in out and "5" in out, out


#: the four algorithms of the issue whose names came out garbled, and the layer that is a GBK shapefile
GBK_RUNS = {
    "steepslopeban": "COUNTIES",
    "swcrate": "ZONES",
    "farmlandscreening": "PARCELS",
    "slopeworks": "AREAS",
}
MOJIBAKE = re.compile("[\\u00c0-\\u024f\\ufffd]")  # Latin letters where Chinese was decoded wrong


def _output_texts(results):
    texts = set()
    for value in results.values():
        if isinstance(value, str) and ".gpkg" in value and os.path.exists(value.split("|")[0]):
            ds = ogr.Open(value.split("|")[0])
            for i in range(ds.GetLayerCount()):
                for feature in ds.GetLayer(i):
                    texts |= {v for v in feature.items().values() if isinstance(v, str)}
    return texts


@pytest.mark.parametrize("alg_id", sorted(GBK_RUNS))
def test_a_gbk_shapefile_without_cpg_keeps_its_chinese_names(zh_cn, kit, tmp_path, alg_id):
    param = GBK_RUNS[alg_id]
    params, files, given = make_case(kit, alg_id, "gbk_shapefile", param, tmp_path)
    stem = os.path.splitext(given)[0]
    assert not os.path.exists(stem + ".cpg")
    names = {v for _g, attrs in _features(BASE[alg_id][2](kit)[param])[3] for v in attrs.values()}
    names = {v for v in names if isinstance(v, str) and HAN.search(v)}
    with open(stem + ".dbf", "rb") as handle:
        raw = handle.read()
    assert names and all(n.encode("gbk") in raw and n.encode("utf-8") not in raw for n in names)
    feedback = capture_feedback()
    ok, out = run(alg_id, params, feedback)
    assert ok, out
    assert any("GB18030" in w and ".cpg" in w for w in feedback.warnings), feedback.warnings
    texts = _output_texts(out)
    assert names & texts, f"none of {names} in the outputs: {sorted(texts)[:20]}"
    assert not [t for t in texts if MOJIBAKE.search(t)], sorted(t for t in texts if MOJIBAKE.search(t))


# -- a few cases of each kind through qgis_process (English: no translation installed there) -------------
QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian's wrapper adds a flag 3.22 rejects

#: (algorithm, kind, parameter, expectation): a raster, a vector, a field, a number, an output, an encoding
QP_CASES = [
    ("steepslopeban", "geographic", "DEM", "error"),
    ("lsfactor", "tiny_length", "MAX_LENGTH", "error"),
    ("slopeclasses", "read_only", "OUTPUT", "error"),
    ("checkdams", "empty", "AOI", "error"),
    ("farmlandscreening", "misspelt", "LANDUSE_FIELD", "error"),
    ("watershed", "wrong_geometry", "OUTLETS", "error"),
    ("damstorage", "one_cell", "DEM", "clean"),
    ("swcrate", "gbk_shapefile", "ZONES", "ok"),
    ("steepslopeban", "flat", "DEM", "ok"),
]


@pytest.fixture(scope="module")
def qp_env(tmp_path_factory):
    from testdata import _PARENT

    if not os.path.exists(QGIS_PROCESS):
        pytest.skip("qgis_process is not installed")
    env = dict(
        os.environ,
        QGIS_PLUGINPATH=_PARENT,
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path_factory.mktemp("qgis_profile")),
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(tmp_path_factory.mktemp("qp_tmp")),
    )
    out = subprocess.run(
        [QGIS_PROCESS, "plugins", "enable", "swc_planner"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return env


@pytest.mark.parametrize("alg_id,kind,param,expect", QP_CASES, ids=[f"{a}-{k}" for a, k, _p, _e in QP_CASES])
def test_bad_input_through_qgis_process(qp_env, kit, tmp_path, alg_id, kind, param, expect):
    params, files, given = make_case(kit, alg_id, kind, param, tmp_path)
    args = [f"{key}={value}" for key, value in params.items()]
    out = subprocess.run(
        [QGIS_PROCESS, "--json", "run", "swcplanner:" + alg_id, "--", *args],
        env=qp_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    text = out.stdout + out.stderr
    assert not TRACEBACK.search(text), text[-3000:]
    if out.returncode != 0:
        assert expect in ("error", "clean"), f"exit code {out.returncode}:\n{text[-3000:]}"
        if kind in NAMED_KINDS:
            names = _names_of(alg_id, param, given)
            assert any(n in text for n in names), f"none of {sorted(names)} in:\n{text[-3000:]}"
        assert not _left_files(files, set()), _left_files(files, set())
        return
    assert expect in ("ok", "clean"), f"expected an error:\n{text[-3000:]}"
    results = json.loads(out.stdout)["results"]
    main = BASE[alg_id][0]
    assert os.path.exists(results[main].split("|")[0])
    if kind == "gbk_shapefile":
        assert "GB18030" in text and "甲镇" in _output_texts(results), text[-3000:]
    if kind == "flat":
        assert "No cell steeper than 25° in 甲县" in text, text[-3000:]
