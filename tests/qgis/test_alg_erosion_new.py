"""swcplanner:rainfallerosivity, soilerodibility, erosionchange, erodedforest through processing.run.

Independent answers: R of a station worked out by hand from the model's equations (the issue's
station: P_d12 = 25, P_y12 = 400, one 50 mm day ≈ 380), the R raster at the stations, EPIC K written out
term by term, a 3×3 transition case counted by hand, a 3 ha eroded forest block on a plane of known
slope.
"""

import csv
import math

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from synth import capture_feedback, iter_features, write_raster

ORIGIN = (39500000.0, 4500000.0)


def _run(alg, params, feedback=None):
    import processing

    return processing.run("swcplanner:" + alg, params, feedback=feedback)


def _srs(epsg=4527):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    return s


def _points(path, rows, epsg=4527, field="station"):
    """GeoPackage points ``[(id, x, y or None)]``; None gives a feature without geometry."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("stations", _srs(epsg), ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    for sid, x, y in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField(field, sid)
        if x is not None:
            g = ogr.Geometry(ogr.wkbPoint)
            g.AddPoint_2D(x, y)
            f.SetGeometry(g)
        lyr.CreateFeature(f)
    ds = None
    return str(path) + "|layername=stations"


def _polygons(path, features, fields, epsg=4527, layer="polys"):
    """GeoPackage polygons ``[((x0, y0, x1, y1), {field: value})]``."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, _srs(epsg), ogr.wkbPolygon)
    for name, kind in fields:
        lyr.CreateField(ogr.FieldDefn(name, kind))
    for (x0, y0, x1, y1), attrs in features:
        f = ogr.Feature(lyr.GetLayerDefn())
        for k, v in attrs.items():
            f.SetField(k, v)
        f.SetGeometry(
            ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")
        )
        lyr.CreateFeature(f)
    ds = None
    return str(path) + f"|layername={layer}"


def _read(path):
    ds = gdal.Open(str(path))
    b = ds.GetRasterBand(1)
    a = b.ReadAsArray().astype(np.float64)
    if b.GetNoDataValue() is not None:
        a[a == b.GetNoDataValue()] = np.nan
    return a


def _beta_alpha(pd12, py12):
    beta = 0.8363 + 18.144 / pd12 + 24.455 / py12
    return beta, 21.586 * beta**-7.1891


# ---------------------------------------------------------------------------
# rainfall erosivity
# ---------------------------------------------------------------------------

CELL = 500.0
SHAPE = (40, 50)
#: station id, (row, col) of the cell whose centre it sits on, rainfall scale
STATIONS = [
    ("54511", (5, 6), 1.0),
    ("54518", (8, 40), 1.3),
    ("54602", (33, 10), 0.8),
    ("54606", (30, 44), 1.1),
]


def _centre(rc):
    r, c = rc
    return ORIGIN[0] + (c + 0.5) * CELL, ORIGIN[1] - (r + 0.5) * CELL


def _daily_csv(path, years=(2019, 2020), skip=()):
    """Each station-year: one 50·s mm day alone in July 1–15, fifteen (70/3)·s mm days in August
    1–15, an 11.9 mm day (not erosive), zeros elsewhere; every day has a row."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        w = csv.writer(handle)
        w.writerow(["站号", "日期", "降水量"])
        for sid, _rc, s in STATIONS:
            if sid in skip:
                continue
            for y in years:
                for d in np.arange(np.datetime64(f"{y}-01-01"), np.datetime64(f"{y + 1}-01-01")):
                    md = str(d)[5:]
                    mm = 0.0
                    if md == "07-01":
                        mm = 50.0 * s
                    elif md.startswith("08-") and int(md[3:]) <= 15:
                        mm = 70.0 / 3.0 * s
                    elif md == "06-20":
                        mm = 11.9
                    w.writerow([sid, str(d), f"{mm:.6f}"])
    return str(path)


def _station_r(s):
    pd12, py12 = 25.0 * s, 400.0 * s
    beta, alpha = _beta_alpha(pd12, py12)
    return alpha * (50.0 * s) ** beta + 15 * alpha * (70.0 / 3.0 * s) ** beta, pd12, py12, beta, alpha


@pytest.mark.parametrize("method", [0, 1])
def test_rainfallerosivity_hand_station_and_values_at_stations(processing_ready, tmp_path, method):
    rain = _daily_csv(tmp_path / "daily.csv")
    pts = _points(tmp_path / "st.gpkg", [(sid, *_centre(rc)) for sid, rc, _s in STATIONS], field="站号")
    grid = write_raster(tmp_path / "dem.tif", np.full(SHAPE, 800.0, dtype=np.float32), ORIGIN, CELL)
    res = _run(
        "rainfallerosivity",
        {
            "RAINFALL": rain,
            "STATION_FIELD": "站号",
            "DATE_FIELD": "日期",
            "RAIN_FIELD": "降水量",
            "STATIONS": pts,
            "GRID": grid,
            "METHOD": method,
            "OUTPUT": str(tmp_path / "r.tif"),
            "STATION_TABLE": str(tmp_path / "stations.gpkg"),
        },
    )
    r = _read(res["OUTPUT"])
    assert r.shape == SHAPE and np.isfinite(r).all()
    rows = {f["STATION"]: f for f in iter_features(res["STATION_TABLE"])}
    # the station: P_d12 = 25, P_y12 = 400 -> beta 1.623, alpha 0.663, the 50 mm day 379.8
    a = rows["54511"]
    assert a["P_D12"] == pytest.approx(25.0) and a["P_Y12"] == pytest.approx(400.0)
    assert a["BETA"] == pytest.approx(1.6232, abs=5e-5) and a["ALPHA"] == pytest.approx(0.6634, abs=5e-5)
    assert a["R_HM13"] == pytest.approx(379.8, abs=0.05)
    for sid, rc, s in STATIONS:
        expected, pd12, py12, beta, alpha = _station_r(s)
        f = rows[sid]
        assert f["R"] == pytest.approx(expected, rel=1e-6)  # the CSV holds 6 decimals
        assert f["YEARS"] == 2 and f["FIRST_YEAR"] == 2019 and f["LAST_YEAR"] == 2020
        assert f["P_D12"] == pytest.approx(pd12) and f["P_Y12"] == pytest.approx(py12)
        assert f["EROSIVE_DAYS"] == 32 and f["DROPPED_YEARS"] == 0 and f["MISSING_DAYS"] == 0
        # interpolation check at the stations: the raster holds the station's R at its cell
        assert r[rc] == pytest.approx(expected, rel=1e-5)
        assert f["R_GRID"] == pytest.approx(expected, rel=1e-5)
    values = [_station_r(s)[0] for _sid, _rc, s in STATIONS]
    assert min(values) - 1e-3 <= np.nanmin(r) and np.nanmax(r) <= max(values) + 1e-3


def test_rainfallerosivity_date_field_gaps_and_no_grid(processing_ready, tmp_path):
    # a GeoPackage table with a real date field; one station loses half of 2020 -> 2020 dropped
    path = tmp_path / "daily.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("daily", None, ogr.wkbNone)
    lyr.CreateField(ogr.FieldDefn("sid", ogr.OFTInteger))
    lyr.CreateField(ogr.FieldDefn("day", ogr.OFTDate))
    lyr.CreateField(ogr.FieldDefn("p", ogr.OFTReal))
    ids = {"54511": 54511, "54518": 54518, "54602": 54602}
    for name, sid in ids.items():
        for y in (2019, 2020):
            for d in np.arange(np.datetime64(f"{y}-01-01"), np.datetime64(f"{y + 1}-01-01")):
                if name == "54602" and y == 2020 and str(d) >= "2020-07-01":
                    continue
                f = ogr.Feature(lyr.GetLayerDefn())
                f.SetField("sid", sid)
                yy, mm, dd = (int(v) for v in str(d).split("-"))
                f.SetField("day", yy, mm, dd, 0, 0, 0, 0)
                f.SetField("p", 30.0 if str(d)[5:] in ("07-02", "08-20") else 0.0)
                lyr.CreateFeature(f)
    ds = None
    pts = _points(tmp_path / "st.gpkg", [(n, *_centre(rc)) for (n, rc, _s) in STATIONS[:3]], field="sid")
    fb = capture_feedback()
    res = _run(
        "rainfallerosivity",
        {
            "RAINFALL": str(path) + "|layername=daily",
            "STATION_FIELD": "sid",
            "DATE_FIELD": "day",
            "RAIN_FIELD": "p",
            "STATIONS": pts,
            "CELL_SIZE": 1000.0,
            "OUTPUT": str(tmp_path / "r.tif"),
            "STATION_TABLE": str(tmp_path / "stations.gpkg"),
        },
        fb,
    )
    rows = {f["STATION"]: f for f in iter_features(res["STATION_TABLE"])}
    beta, alpha = _beta_alpha(30.0, 60.0)
    assert rows["54511"]["R"] == pytest.approx(2 * alpha * 30.0**beta)
    assert rows["54602"]["YEARS"] == 1 and rows["54602"]["DROPPED_YEARS"] == 1
    assert any("54602 2020 (182/366)" in w for w in fb.warnings)
    ds = gdal.Open(res["OUTPUT"])
    assert ds.GetGeoTransform()[1] == 1000.0 and "4527" in osr.SpatialReference(
        ds.GetProjection()
    ).GetAuthorityCode(None)


def test_rainfallerosivity_errors_say_what_to_fix(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException

    rain = _daily_csv(tmp_path / "daily.csv")
    base = {
        "RAINFALL": rain,
        "STATION_FIELD": "站号",
        "DATE_FIELD": "日期",
        "RAIN_FIELD": "降水量",
        "OUTPUT": str(tmp_path / "r.tif"),
    }
    grid = write_raster(tmp_path / "dem.tif", np.full(SHAPE, 800.0, dtype=np.float32), ORIGIN, CELL)
    # a station with rows but without coordinates (no geometry) and one missing from the layer
    rows = [(sid, *_centre(rc)) for sid, rc, _s in STATIONS[:2]] + [("54602", None, None)]
    pts = _points(tmp_path / "st.gpkg", rows, field="站号")
    with pytest.raises(QgsProcessingException) as err:
        _run("rainfallerosivity", {**base, "STATIONS": pts, "GRID": grid})
    msg = str(err.value)
    assert "54602" in msg and "54606" in msg and "no location" in msg
    # stations in degrees without a grid
    pts84 = _points(
        tmp_path / "st84.gpkg",
        [(sid, 114.5, 38.0 + i) for i, (sid, _rc, _s) in enumerate(STATIONS)],
        4490,
        "站号",
    )
    with pytest.raises(QgsProcessingException, match="projected CRS"):
        _run("rainfallerosivity", {**base, "STATIONS": pts84})
    # daily totals in the wrong unit (all below 12 mm): no erosive day
    dry = tmp_path / "dry.csv"
    dry.write_text(
        "站号,日期,降水量\n" + "".join(f"54511,2020-07-{d:02d},5\n" for d in range(1, 29)), encoding="utf-8"
    )
    pts1 = _points(tmp_path / "st1.gpkg", [("54511", *_centre((5, 6)))], field="站号")
    with pytest.raises(QgsProcessingException, match="no erosive day"):
        _run(
            "rainfallerosivity",
            {**base, "RAINFALL": str(dry), "STATIONS": pts1, "GRID": grid, "MIN_COVERAGE": 0},
        )


# ---------------------------------------------------------------------------
# soil erodibility
# ---------------------------------------------------------------------------


def _hand_k(san, sil, cla, c):
    sn1 = 1 - san / 100
    return (
        (0.2 + 0.3 * math.exp(-0.0256 * san * (1 - sil / 100)))
        * (sil / (cla + sil)) ** 0.3
        * (1 - 0.25 * c / (c + math.exp(3.72 - 2.95 * c)))
        * (1 - 0.7 * sn1 / (sn1 + math.exp(-5.51 + 22.9 * sn1)))
    )


SOILS = [  # name, sand, silt, clay, OC
    ("褐土", 40.0, 40.0, 20.0, 1.0),
    ("潮土", 20.0, 65.0, 15.0, 0.6),
    ("风沙土", 88.0, 7.0, 5.0, 0.3),
]


def _soils(tmp_path, soils=SOILS):
    feats = []
    for i, (name, sa, si, cl, oc) in enumerate(soils):
        x0 = ORIGIN[0] + i * 300.0
        feats.append(
            (
                (x0, ORIGIN[1] - 300.0, x0 + 300.0, ORIGIN[1]),
                {"name": name, "sand": sa, "silt": si, "clay": cl, "oc": oc},
            )
        )
    fields = [("name", ogr.OFTString)] + [(n, ogr.OFTReal) for n in ("sand", "silt", "clay", "oc")]
    return _polygons(tmp_path / "soils.gpkg", feats, fields)


@pytest.mark.parametrize("china", [False, True])
def test_soilerodibility_by_hand(processing_ready, tmp_path, china):
    soils = _soils(tmp_path)
    grid = write_raster(tmp_path / "dem.tif", np.full((30, 90), 500.0, dtype=np.float32), ORIGIN, 10.0)
    fb = capture_feedback()
    res = _run(
        "soilerodibility",
        {
            "SOILS": soils,
            "SAND_FIELD": "sand",
            "SILT_FIELD": "silt",
            "CLAY_FIELD": "clay",
            "OC_FIELD": "oc",
            "CHINA_CORRECTION": china,
            "GRID": grid,
            "OUTPUT": str(tmp_path / "k.tif"),
            "TABLE": str(tmp_path / "soils_k.gpkg"),
        },
        fb,
    )
    k = _read(res["OUTPUT"])
    rows = {f["name"]: f for f in iter_features(res["TABLE"])}
    for i, (name, sa, si, cl, oc) in enumerate(SOILS):
        us = _hand_k(sa, si, cl, oc)
        expected = max(-0.01383 + 0.51575 * 0.1317 * us, 0.0) if china else 0.1317 * us
        assert rows[name]["K_EPIC_US"] == pytest.approx(us, rel=1e-9)
        assert rows[name]["K_EPIC"] == pytest.approx(0.1317 * us, rel=1e-9)
        assert rows[name]["K"] == pytest.approx(expected, rel=1e-9, abs=1e-12)
        assert rows[name]["CORRECTION"] == ("China" if china else "none")
        assert np.allclose(k[:, i * 30 : (i + 1) * 30], expected, rtol=1e-6)
    if china:
        assert rows["褐土"]["K"] == pytest.approx(0.0062, abs=5e-5)
        assert rows["风沙土"]["K"] == 0.0 and any("K < 0" in w for w in fb.warnings)
    else:
        assert rows["褐土"]["K"] == pytest.approx(0.0389, abs=5e-5)


def test_soilerodibility_fractions_not_summing_to_100(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException

    soils = _soils(tmp_path, SOILS + [("错误", 30.0, 30.0, 30.0, 1.0)])
    with pytest.raises(QgsProcessingException) as err:
        _run(
            "soilerodibility",
            {
                "SOILS": soils,
                "SAND_FIELD": "sand",
                "SILT_FIELD": "silt",
                "CLAY_FIELD": "clay",
                "OC_FIELD": "oc",
                "OUTPUT": str(tmp_path / "k.tif"),
            },
        )
    assert "100 %" in str(err.value) and "90.0 %" in str(err.value)


# ---------------------------------------------------------------------------
# erosion change
# ---------------------------------------------------------------------------


def test_erosionchange_three_by_three(processing_ready, tmp_path):
    before = np.array([[3, 3, 2], [2, 1, 1], [1, 1, 1]], dtype=np.uint8)
    after = np.array([[2, 2, 2], [1, 1, 1], [1, 1, 1]], dtype=np.uint8)  # two 3 -> 2, one 2 -> 1
    b = write_raster(tmp_path / "b.tif", before, ORIGIN, 100.0, dtype=gdal.GDT_Byte)
    a = write_raster(tmp_path / "a.tif", after, ORIGIN, 100.0, dtype=gdal.GDT_Byte)
    zones = _polygons(
        tmp_path / "z.gpkg",
        [((ORIGIN[0], ORIGIN[1] - 300, ORIGIN[0] + 300, ORIGIN[1]), {"name": "甲乡"})],
        [("name", ogr.OFTString)],
    )
    res = _run(
        "erosionchange",
        {
            "BEFORE": b,
            "AFTER": a,
            "ZONES": zones,
            "ZONE_FIELD": "name",
            "OUTPUT": str(tmp_path / "change.csv"),
            "MATRIX": str(tmp_path / "matrix.csv"),
            "CHANGE": str(tmp_path / "change.tif"),
        },
    )
    with open(res["OUTPUT"], encoding="utf-8") as h:
        (row,) = list(csv.DictReader(h))
    cell = 0.01  # km²
    assert row["ZONE"] == "甲乡"
    assert float(row["BEFORE_ERODED_KM2"]) == pytest.approx(4 * cell)
    assert float(row["AFTER_ERODED_KM2"]) == pytest.approx(3 * cell)
    assert float(row["ERODED_CHANGE_KM2"]) == pytest.approx(-1 * cell)
    assert float(row["RATE_CHANGE"]) == pytest.approx(100.0 / 9.0)
    assert float(row["COVER_PCT"]) == pytest.approx(100.0)
    with open(res["MATRIX"], encoding="utf-8") as h:
        matrix = {(int(r["FROM_CLASS"]), int(r["TO_CLASS"])): float(r["AREA_KM2"]) for r in csv.DictReader(h)}
    assert len(matrix) == 36
    assert matrix[(3, 2)] == pytest.approx(2 * cell) and matrix[(2, 1)] == pytest.approx(cell)
    assert matrix[(2, 2)] == pytest.approx(cell) and matrix[(1, 1)] == pytest.approx(5 * cell)
    assert sum(matrix.values()) == pytest.approx(9 * cell)
    assert (gdal.Open(res["CHANGE"]).ReadAsArray() == after.astype(int) - before.astype(int)).all()


# ---------------------------------------------------------------------------
# eroded forest
# ---------------------------------------------------------------------------


def _plane(rows, cols, slope_deg, cell=10.0):
    grad = math.tan(math.radians(slope_deg))
    r = np.arange(rows, dtype=np.float64)[:, None]
    return 1000.0 + (rows - 1 - r) * cell * grad + np.zeros((1, cols))


@pytest.mark.parametrize("slope, measure", [(20.0, "水平阶"), (30.0, "鱼鳞坑")])
def test_erodedforest_three_hectare_block(processing_ready, tmp_path, slope, measure):
    # 60 x 60 cells of 10 m; forest everywhere but a cropland square; a 150 m x 200 m (3 ha) block
    # of forest with A = 3 000 t/km²·a, the rest 100; a 0.06 ha eroded forest speck
    dem = write_raster(tmp_path / "dem.tif", _plane(60, 60, slope).astype(np.float32), ORIGIN, 10.0)
    loss = np.full((60, 60), 100.0, dtype=np.float32)
    loss[10:25, 10:30] = 3000.0
    loss[40:45, 40:45] = 5000.0
    loss[55:57, 0:3] = 900.0
    lp = write_raster(tmp_path / "loss.tif", loss, ORIGIN, 10.0)
    x0, y1 = ORIGIN
    land = _polygons(
        tmp_path / "land.gpkg",
        [
            ((x0, y1 - 600, x0 + 600, y1), {"DLBM": "0301"}),
            ((x0 + 350, y1 - 500, x0 + 500, y1 - 350), {"DLBM": "0103"}),
        ],
        [("DLBM", ogr.OFTString)],
    )
    fb = capture_feedback()
    res = _run(
        "erodedforest",
        {
            "SOIL_LOSS": lp,
            "LANDUSE": land,
            "LANDUSE_FIELD": "DLBM",
            "DEM": dem,
            "TOLERANCE": 200.0,
            "MIN_AREA": 1.0,
            "OUTPUT": str(tmp_path / "forest.gpkg"),
        },
        fb,
    )
    patches = list(iter_features(res["OUTPUT"]))
    assert len(patches) == 1
    p = patches[0]
    assert p["AREA_HA"] == pytest.approx(3.0) and p["_geom"].GetArea() == pytest.approx(3.0e4)
    assert p["MEAN_SLOPE"] == pytest.approx(slope, abs=1e-3)
    assert p["MEASURE"] == measure and p["MEAN_LOSS"] == pytest.approx(3000.0)
