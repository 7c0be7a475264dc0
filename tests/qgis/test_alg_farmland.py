"""swcplanner:farmlandscreening through processing.run, against independent answers.

Real data: the Youwuzhen (Changting, Fujian) 5 m DEM; its 10 m land-use raster is
turned into parcels with gdal.Polygonize and cut by a 200 m grid (parcels of
0.1–4 ha, like 三调 图斑).  SEIMS land-use codes are mapped to 三调 codes
(GB/T 21010-2017) with the lookup ``SEIMS_TO_SANDIAO``.
"""

from __future__ import annotations

import math
import os
import subprocess

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from testdata import shared

from swc_planner.algorithms.core.io import memory_vector_driver

pytestmark = pytest.mark.usefixtures("processing_ready")

#: SEIMS LanduseLookup code -> (三调 code, class).  4 ORCD 果园 is 园地 (0201), not cropland
#: in the 三调; 33 RICE is 水田 (0101).
SEIMS_TO_SANDIAO = {4: "0201", 6: "0301", 8: "0301", 18: "1101", 33: "0101", 104: "0702", 106: "0601"}
GRID_M = 200.0


def _polygonize_parcels(tmp_path, landuse, dem_wkt, grade_of=None):
    """Parcels from the land-use raster, cut by a 200 m grid, in a GeoPackage."""
    ds = gdal.Open(landuse)
    band = ds.GetRasterBand(1)
    mem = memory_vector_driver().CreateDataSource("lu")
    srs = osr.SpatialReference()
    srs.ImportFromWkt(dem_wkt)
    lyr = mem.CreateLayer("lu", srs, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("LU", ogr.OFTInteger))
    gdal.Polygonize(band, band.GetMaskBand(), lyr, 0)
    x0, _dx, _, y0, _, _dy = ds.GetGeoTransform()
    path = str(tmp_path / "parcels.gpkg")
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    olyr = out.CreateLayer("parcels", srs, ogr.wkbMultiPolygon)
    for name, kind in (
        ("BSM", ogr.OFTInteger),
        ("LU", ogr.OFTInteger),
        ("DLBM", ogr.OFTString),
        ("GDLX", ogr.OFTString),
        ("GDPDJB", ogr.OFTInteger),
    ):
        olyr.CreateField(ogr.FieldDefn(name, kind))
    n = 0
    for feat in lyr:
        geom = feat.GetGeometryRef()
        gx0, gx1, gy0, gy1 = geom.GetEnvelope()
        for i in range(int((gx0 - x0) // GRID_M), int((gx1 - x0) // GRID_M) + 1):
            for j in range(int((y0 - gy1) // GRID_M), int((y0 - gy0) // GRID_M) + 1):
                cx0, cy1 = x0 + i * GRID_M, y0 - j * GRID_M
                ring = ogr.CreateGeometryFromWkt(
                    f"POLYGON(({cx0} {cy1 - GRID_M},{cx0 + GRID_M} {cy1 - GRID_M},{cx0 + GRID_M} {cy1},{cx0} {cy1},{cx0} {cy1 - GRID_M}))"
                )
                part = geom.Intersection(ring)
                if part is None or part.IsEmpty():
                    continue
                if part.GetGeometryType() == ogr.wkbGeometryCollection:
                    polys = [
                        part.GetGeometryRef(k).Clone()
                        for k in range(part.GetGeometryCount())
                        if part.GetGeometryRef(k).GetGeometryType() == ogr.wkbPolygon
                    ]
                    if not polys:
                        continue
                    part = ogr.Geometry(ogr.wkbMultiPolygon)
                    for poly in polys:
                        part.AddGeometry(poly)
                if part.GetGeometryType() not in (ogr.wkbMultiPolygon, ogr.wkbPolygon):
                    continue
                if part.GetArea() < 1.0:
                    continue
                part = ogr.ForceToMultiPolygon(part)
                n += 1
                f = ogr.Feature(olyr.GetLayerDefn())
                code = feat.GetField("LU")
                f.SetField("BSM", n)
                f.SetField("LU", code)
                f.SetField("DLBM", SEIMS_TO_SANDIAO[code])
                f.SetField("GDLX", "TT" if n % 3 == 0 else "PD")
                if grade_of is not None:
                    f.SetField("GDPDJB", grade_of(n))
                f.SetGeometry(part)
                olyr.CreateFeature(f)
    out = None
    return path, n


def _gdaldem_slope(dem, tmp_path):
    out = str(tmp_path / "slope_cli.tif")
    subprocess.run(["gdaldem", "slope", "-compute_edges", "-q", dem, out], check=True)
    ds = gdal.Open(out)
    band = ds.GetRasterBand(1)
    arr = band.ReadAsArray().astype(np.float64)
    arr[arr == band.GetNoDataValue()] = np.nan
    return arr, ds.GetGeoTransform()


def _read_layer(uri):
    path, _, name = uri.partition("|layername=")
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(name) if name else ds.GetLayer(0)
    rows = []
    for f in lyr:
        row = {k: f.GetField(k) for k in f.keys()}
        g = f.GetGeometryRef()
        row["_wkb"] = bytes(g.ExportToWkb()) if g is not None else None
        rows.append(row)
    return rows


def _class_of(value, breaks=(2, 6, 15, 25)):
    return 1 + sum(1 for b in breaks if value > b)


@pytest.fixture(scope="module")
def youwuzhen(tmp_path_factory):
    dem = shared("youwuzhen_fujian_swc", "ywzdem5m.tif")
    landuse = shared("youwuzhen_fujian_swc", "ywzlanduse10m_upd.tif")
    tmp = tmp_path_factory.mktemp("ywz")
    wkt = gdal.Open(dem).GetProjection()
    path, n = _polygonize_parcels(tmp, landuse, wkt, grade_of=lambda k: 1 + k % 5)
    return dem, path, n, tmp


def test_youwuzhen_parcel_slope_equals_independent_zonal(youwuzhen):
    import processing
    from shapely import wkb as swkb

    try:  # shapely >= 2.0
        from shapely import contains_xy
    except ImportError:  # shapely 1.8
        from shapely.vectorized import contains as contains_xy

    dem, parcels, n, tmp = youwuzhen
    assert n > 150
    out = str(tmp / "screen.gpkg")
    res = processing.run(
        "swcplanner:farmlandscreening",
        {
            "PARCELS": parcels,
            "LANDUSE_FIELD": "DLBM",
            "CROPLAND_CODES": "0101,0201",
            "TYPE_FIELD": "GDLX",
            "SLOPE_GRADE_FIELD": "GDPDJB",
            "DEM": dem,
            "REGION": 1,
            "BAN_SLOPE": 15.0,
            "BLOCK_SIZE": 200,
            "OUTPUT": f"ogr:dbname='{out}' table=\"parcels\" (geom)",
            "SUMMARY": f"ogr:dbname='{out}' table=\"summary\" (geom)",
        },
    )
    rows = _read_layer(out + "|layername=parcels")
    assert len(rows) == n
    slope, gt = _gdaldem_slope(dem, tmp)
    rows_i, cols_i = np.mgrid[0 : slope.shape[0], 0 : slope.shape[1]]
    xc = gt[0] + (cols_i + 0.5) * gt[1]
    yc = gt[3] + (rows_i + 0.5) * gt[5]
    checked = 0
    for row in rows:
        geom = swkb.loads(row["_wkb"])
        x0, y0, x1, y1 = geom.bounds
        c0, c1 = int((x0 - gt[0]) / gt[1]), int(math.ceil((x1 - gt[0]) / gt[1]))
        r0, r1 = int((y1 - gt[3]) / gt[5]), int(math.ceil((y0 - gt[3]) / gt[5]))
        sub = (slice(max(r0, 0), r1 + 1), slice(max(c0, 0), c1 + 1))
        inside = contains_xy(geom, xc[sub], yc[sub])
        vals = slope[sub][inside]
        vals = vals[~np.isnan(vals)]
        assert row["CELLS"] == vals.size, row["BSM"]
        if vals.size == 0:
            assert row["SLOPE_CLASS"] is None
            continue
        checked += 1
        assert row["SLOPE_MEAN"] == pytest.approx(vals.mean(), abs=0.0051)
        assert abs(row["SLOPE_P90"] - np.percentile(vals, 90, method="inverted_cdf")) <= 0.0551
        # the land survey's class: the one holding the most cells (ties: the lower); the mean's apart
        counts = np.bincount([_class_of(v) for v in vals], minlength=6)[1:]
        assert row["SLOPE_CLASS"] == int(np.argmax(counts)) + 1
        assert row["MEAN_CLASS"] == _class_of(vals.mean())
        assert row["GRADE_FLAG"] == int(row["GDPDJB"] != row["SLOPE_CLASS"])
        cropland = row["DLBM"] in ("0101", "0201")
        assert row["CROPLAND"] == int(cropland)
        assert (row["CATEGORY"] is not None) == cropland
        # 5 m DEM: only the 10 m benches of the 0–5° band span 2 cells, so the DEM gives the type up
        # to a mean slope of 5° (and on flat parcels), the survey's GDLX above it
        from_dem = row["SLOPE_MEAN"] <= 5.0
        assert row["DET_SOURCE"] == ("dem" if from_dem else "survey")
        assert row["DEM_TERRACE"] == int(from_dem)
        if row["DETECTED"] != "flat" and from_dem:
            survey = "terrace" if row["GDLX"] == "TT" else "slopeland"
            assert row["TYPE_FLAG"] == int(survey != row["DETECTED"])
        if cropland:
            assert row["REGION"] == "yanshan" and row["MEASURE"]
            assert 0.0 <= row["PRIORITY"] <= 100.0
        assert (row["BENCH_W"] is not None) == (row["CATEGORY"] == "convert")
        if cropland and row["DETECTED"] == "slopeland":  # the rule table, by hand
            mean = row["SLOPE_MEAN"]
            expected = (
                "upgrade"
                if row["GDLX"] == "TT"
                else "retire"
                if mean > 15.0
                else "convert"
                if mean > 6.0
                else "gentle"
            )
            assert row["CATEGORY"] == expected
        assert row["AREA_HA"] == pytest.approx(geom.area / 1e4)
    assert checked > 150
    # summary: counts and areas by category and class, equal to the parcel rows
    summary = _read_layer(out + "|layername=summary")
    expect = {}
    for row in rows:
        if row["CATEGORY"]:
            key = (row["CATEGORY"], row["SLOPE_CLASS"])
            cnt, area = expect.get(key, (0, 0.0))
            expect[key] = (cnt + 1, area + row["AREA_M2"])
    got = {(s["CATEGORY"], s["SLOPE_CLASS"]): (s["PARCELS"], s["AREA_M2"]) for s in summary}
    assert set(got) == set(expect)
    for key, (cnt, area) in expect.items():
        assert got[key][0] == cnt and got[key][1] == pytest.approx(area)
    assert all(s["ZONE"] for s in summary)
    cats = {r["CATEGORY"] for r in rows if r["CATEGORY"]}
    assert {"convert", "retire", "upgrade", "gentle"} <= cats
    assert os.path.exists(res["OUTPUT"].split("|")[0])


def test_youwuzhen_10m_dem_falls_back_to_survey_type(youwuzhen):
    import processing
    from qgis.core import QgsProcessingFeedback

    dem10 = shared("youwuzhen_fujian_swc", "ywzdem10m.tif")
    _dem, parcels, n, tmp = youwuzhen
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            warnings.append(text)

    res = processing.run(
        "swcplanner:farmlandscreening",
        {"PARCELS": parcels, "TYPE_FIELD": "GDLX", "DEM": dem10, "OUTPUT": "memory:", "SUMMARY": "memory:"},
        feedback=Feedback(),
    )
    assert any("cannot be seen" in w for w in warnings)
    layer = res["OUTPUT"]
    if isinstance(layer, str):
        from qgis.core import QgsProcessingUtils

        layer = QgsProcessingUtils.mapLayerFromString(layer, None)
    feats = list(layer.getFeatures())
    assert len(feats) == n
    for f in feats:
        if f["DETECTED"] in ("terrace", "slopeland"):
            assert f["DET_SOURCE"] == "survey"
            assert f["DETECTED"] == ("terrace" if f["GDLX"] == "TT" else "slopeland")
            assert f["TYPE_FLAG"] == 0
            assert f["CROPLAND"] == 1  # no LANDUSE_FIELD: every parcel is cropland


# --- synthetic terraces through the algorithm ---------------------------------------------------------
def _terrace_scene(tmp_path):
    """1 m DEM: level terraces (8 m benches, 2.1 m risers) beside a plane of the same 14°."""
    cell, theta, bench, alpha = 1.0, 14.0, 8.0, 75.0
    t = math.tan(math.radians(theta))
    ca = 1.0 / math.tan(math.radians(alpha))
    gross = bench / (1 - t * ca)
    height = gross * t
    yy, xx = np.mgrid[0:100, 0:200].astype(float) + 0.5
    k = np.floor(yy / gross)
    p = yy - k * gross
    terr = 500 - (k * height + np.where(p < bench, 0.0, height * (p - bench) / (height * ca)))
    z = np.where(xx < 100, terr, 500 - yy * t)
    x0, y0 = 39500000.0, 4400000.0
    dem = str(tmp_path / "terraces.tif")
    ds = gdal.GetDriverByName("GTiff").Create(dem, 200, 100, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y0, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(z.astype(np.float32))
    ds = None
    path = str(tmp_path / "terrace_parcels.gpkg")
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = out.CreateLayer("p", srs, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("GDLX", ogr.OFTString))
    for gdlx, a, b in (("PD", 6, 94), ("PD", 106, 194)):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("GDLX", gdlx)
        f.SetGeometry(
            ogr.CreateGeometryFromWkt(
                f"POLYGON(({x0 + a} {y0 - 94},{x0 + b} {y0 - 94},{x0 + b} {y0 - 6},{x0 + a} {y0 - 6},{x0 + a} {y0 - 94}))"
            )
        )
        lyr.CreateFeature(f)
    out = None
    return dem, path, height, gross


def test_synthetic_terraces_detected_and_designed(tmp_path):
    import processing
    from qgis.core import QgsProcessingUtils

    dem, parcels, height, gross = _terrace_scene(tmp_path)
    res = processing.run(
        "swcplanner:farmlandscreening",
        {
            "PARCELS": parcels,
            "TYPE_FIELD": "GDLX",
            "DEM": dem,
            "REGION": 2,
            "RISER_MATERIAL": 1,
            "BENCH_WIDTH": 8.0,
            "OUTPUT": "memory:",
            "SUMMARY": "memory:",
        },
    )
    layer = (
        QgsProcessingUtils.mapLayerFromString(res["OUTPUT"], None)
        if isinstance(res["OUTPUT"], str)
        else res["OUTPUT"]
    )
    terr, plane = sorted(layer.getFeatures(), key=lambda f: f["PARCEL_FID"])
    assert (terr["DETECTED"], plane["DETECTED"]) == ("terrace", "slopeland")
    assert terr["TERR_INDEX"] > 0.6 and plane["TERR_INDEX"] < 0.05
    assert terr["PLANE_SLOPE"] == pytest.approx(14.0, abs=0.3)
    assert (terr["TYPE_FLAG"], plane["TYPE_FLAG"]) == (1, 0)  # survey said PD for the terrace
    assert (terr["CATEGORY"], plane["CATEGORY"]) == ("flat", "convert")
    assert plane["MEASURE"] == "stone_terrace_system"
    # design for the plane: B = 8 m requested, α = 80° (table, 10–15°), stone risers ≤ 2.5 m
    theta = plane["SLOPE_MEAN"]
    h = 8.0 / (1 / math.tan(math.radians(theta)) - 1 / math.tan(math.radians(80)))
    assert plane["RISER_H"] == pytest.approx(h, abs=0.01)
    assert plane["BENCH_W"] == pytest.approx(8.0, abs=0.01)
    area = 88.0 * 88.0
    assert plane["EARTH_M3"] == pytest.approx(area * h / 8.0, rel=1e-3)
    relief = 87.0 * math.tan(math.radians(14.0))  # cell centres 6.5 … 93.5 m down the slope
    assert plane["RISERS"] == math.ceil(relief / plane["RISER_H"] - 1e-6)
    summary = (
        QgsProcessingUtils.mapLayerFromString(res["SUMMARY"], None)
        if isinstance(res["SUMMARY"], str)
        else res["SUMMARY"]
    )
    rows = {(f["CATEGORY"], f["SLOPE_CLASS"]): f["PARCELS"] for f in summary.getFeatures()}
    assert rows == {("flat", terr["SLOPE_CLASS"]): 1, ("convert", 3): 1}


def test_errors_are_clear(tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    dem, parcels, _h, _g = _terrace_scene(tmp_path)
    with pytest.raises(QgsProcessingException) as err:
        processing.run(
            "swcplanner:farmlandscreening",
            {"PARCELS": parcels, "DEM": dem, "BREAKS": "2,6,x", "OUTPUT": "memory:", "SUMMARY": "memory:"},
        )
    assert "2,6,15,25" in str(err.value)
    far = str(tmp_path / "far.geojson")
    with open(far, "w") as handle:
        handle.write(
            '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":'
            '"urn:ogc:def:crs:EPSG::4527"}},"features":[{"type":"Feature","properties":{},'
            '"geometry":{"type":"Polygon","coordinates":[[[39400000,4300000],[39400100,'
            "4300000],[39400100,4300100],[39400000,4300000]]]}}]}"
        )
    with pytest.raises(QgsProcessingException) as err:
        processing.run(
            "swcplanner:farmlandscreening",
            {"PARCELS": far, "DEM": dem, "OUTPUT": "memory:", "SUMMARY": "memory:"},
        )
    assert "does not overlap the DEM" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        processing.run(
            "swcplanner:farmlandscreening",
            {"PARCELS": parcels, "DEM": dem, "REGIONS": parcels, "OUTPUT": "memory:", "SUMMARY": "memory:"},
        )
    assert "REGION_FIELD" in str(err.value)


def test_cancel(tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    dem, parcels, _h, _g = _terrace_scene(tmp_path)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException):
        processing.run(
            "swcplanner:farmlandscreening",
            {
                "PARCELS": parcels,
                "DEM": dem,
                "BLOCK_SIZE": 64,
                "OUTPUT": str(tmp_path / "cancelled.gpkg"),
                "SUMMARY": "memory:",
            },
            feedback=feedback,
        )
    assert not os.path.exists(tmp_path / "cancelled.gpkg")


# --- issue 15: protected farmland, reservoir 20° rule, largest-area class ------------------------------
def test_basic_farmland_reservoir_rule_and_largest_area_class(tmp_path):
    """West half a 10° plane, east half a 40° plane (5 m cells, falling southwards). Parcels: on
    the 40° plane free cropland (retired), 永久基本农田 (basic_farmland, not retired), 高标准农田
    (high_standard); on the 22° plane strip inside a reservoir catchment (retired at 20°); one
    parcel of 60 cells at 10° and 40 at 40°: mean 22° (class 4) but the largest class is 3."""
    import processing
    from osgeo import osr
    from shapely.geometry import MultiPolygon, box

    cell, rows, cols = 5.0, 60, 60
    x0, y1 = 39500000.0, 4400000.0
    y = (np.arange(rows)[:, None] + 0.5) * cell
    z = np.hstack(
        [
            1000.0 - np.tan(np.radians(10.0)) * y * np.ones((1, 20)),
            1000.0 - np.tan(np.radians(40.0)) * y * np.ones((1, 20)),
            1000.0 - np.tan(np.radians(22.0)) * y * np.ones((1, 20)),
        ]
    )
    dem = str(tmp_path / "planes.tif")
    ds = gdal.GetDriverByName("GTiff").Create(dem, cols, rows, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y1, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(z)
    ds = None

    def cb(r0, r1, c0, c1):  # rows r0..r1-1, cols c0..c1-1
        return box(x0 + c0 * cell, y1 - r1 * cell, x0 + c1 * cell, y1 - r0 * cell)

    parcels = {
        "free": cb(2, 12, 24, 28),
        "basic": cb(14, 24, 24, 28),
        "high": cb(26, 36, 24, 28),
        "reservoir": cb(2, 12, 45, 55),
        "outside": cb(40, 50, 45, 55),
        "mixed": MultiPolygon([cb(10, 20, 5, 11), cb(10, 20, 28, 32)]),
    }
    names = list(parcels)
    layer = _write_vector(
        tmp_path / "parcels.gpkg", [(g.wkb, {"name": k, "GDPDJB": 3}) for k, g in parcels.items()]
    )
    basic = _write_vector(tmp_path / "basic.gpkg", [(cb(13, 25, 23, 29).wkb, {"id": 1})])
    high = _write_vector(tmp_path / "high.gpkg", [(cb(25, 37, 23, 29).wkb, {"id": 1})])
    catch = _write_vector(tmp_path / "catch.gpkg", [(cb(0, 14, 40, 60).wkb, {"id": 1})])
    res = processing.run(
        "swcplanner:farmlandscreening",
        {
            "PARCELS": layer,
            "SLOPE_GRADE_FIELD": "GDPDJB",
            "DEM": dem,
            "BASIC_FARMLAND": basic,
            "HIGH_STANDARD_FARMLAND": high,
            "RESERVOIR_CATCHMENTS": catch,
            "OUTPUT": str(tmp_path / "out.gpkg"),
            "SUMMARY": str(tmp_path / "sum.gpkg"),
        },
    )
    out = {r["name"]: r for r in _read_layer(res["OUTPUT"])}
    assert set(out) == set(names)
    assert (out["free"]["CATEGORY"], out["free"]["RULE"]) == ("retire", "R03")
    assert (out["basic"]["CATEGORY"], out["basic"]["RULE"], out["basic"]["PROTECTED"]) == (
        "basic_farmland",
        "P01",
        "basic_farmland",
    )
    assert out["basic"]["BF_SHARE"] == pytest.approx(1.0) and out["basic"]["MEASURE"] == "keep_conserve_basic"
    assert (out["high"]["CATEGORY"], out["high"]["RULE"]) == ("high_standard", "P02")
    # the Hebei 20° rule: 22° is retired inside the catchment, converted outside
    assert (out["reservoir"]["CATEGORY"], out["reservoir"]["BAN_USED"]) == ("retire", 20.0)
    assert (out["outside"]["CATEGORY"], out["outside"]["BAN_USED"]) == ("convert", 25.0)
    assert out["reservoir"]["RES_SHARE"] == pytest.approx(1.0)
    # largest-area class 3 (60 cells at 10°) against the mean's class 4 (22°); the survey's 3 agrees
    mixed = out["mixed"]
    assert mixed["CELLS"] == 100 and mixed["SLOPE_MEAN"] == pytest.approx(22.0, abs=0.01)
    assert (mixed["SLOPE_CLASS"], mixed["MEAN_CLASS"], mixed["GRADE_FLAG"]) == (3, 4, 0)
    # 5 m cells: no band above 5° is seen on the DEM
    assert all(r["DEM_TERRACE"] == 0 for r in out.values())
    summary = {(s["CATEGORY"], s["SLOPE_CLASS"]): s["PARCELS"] for s in _read_layer(res["SUMMARY"])}
    assert summary[("basic_farmland", 5)] == 1 and summary[("high_standard", 5)] == 1


def _write_vector(path, features):
    from osgeo import osr

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    lyr = ds.CreateLayer("layer", srs, ogr.wkbUnknown)
    for key, value in features[0][1].items():
        lyr.CreateField(ogr.FieldDefn(key, ogr.OFTInteger if isinstance(value, int) else ogr.OFTString))
    for wkb, attrs in features:
        f = ogr.Feature(lyr.GetLayerDefn())
        for key, value in attrs.items():
            f.SetField(key, value)
        f.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        lyr.CreateFeature(f)
    ds = None
    return f"{path}|layername=layer"
