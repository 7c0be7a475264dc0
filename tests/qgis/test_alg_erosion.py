"""swcplanner:lsfactor, soilloss and swcrate through processing.run.

Independent answers: S from ``gdaldem slope`` and the formulas, L on an analytic
plane, A recomputed in numpy from the input rasters and the lookup CSVs, the SWC
rate counted by hand, class edges on exact binary values.
"""

import csv
import math
import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from testdata import REPO, shared

TABLES = os.path.join(REPO, "resources", "tables")
YWZ = "youwuzhen_fujian_swc"


def _wkt(epsg=4527):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def _write(
    path, array, gdal_type=gdal.GDT_Float32, nodata=None, origin=(39500000.0, 4500000.0), cell=10.0, wkt=None
):
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal_type)
    ds.SetGeoTransform((origin[0], cell, 0.0, origin[1], 0.0, -cell))
    ds.SetProjection(wkt or _wkt())
    if nodata is not None:
        ds.GetRasterBand(1).SetNoDataValue(nodata)
    ds.GetRasterBand(1).WriteArray(array)
    ds = None
    return str(path)


def _read(path):
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    arr = band.ReadAsArray().astype(np.float64)
    nod = band.GetNoDataValue()
    if nod is not None:
        arr[arr == nod] = np.nan
    return arr, ds.GetGeoTransform()


def _polygons(path, wkt, features, field="name", kind=ogr.OFTString):
    """GeoPackage polygons: ``features`` = [(value, (xmin, ymin, xmax, ymax)), ...]."""
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    layer = ds.CreateLayer("polys", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn(field, kind))
    for value, (x0, y0, x1, y1) in features:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField(field, value)
        f.SetGeometry(
            ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")
        )
        layer.CreateFeature(f)
    ds = None
    return str(path) + "|layername=polys"


def _table(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _run(alg, params):
    import processing

    return processing.run("swcplanner:" + alg, params)


def _lookup_csv(name, value_col):
    out = {}
    with open(os.path.join(TABLES, name), encoding="utf-8") as handle:
        lines = [ln for ln in handle if not ln.startswith("#")]
    for row in csv.DictReader(lines):
        out[float(row["code"])] = {k.lower(): v for k, v in row.items()}
    return out


# --- lsfactor -------------------------------------------------------------------------


def test_lsfactor_on_a_plane(processing_ready, tmp_path):
    d, deg = 10.0, 12.0
    g = math.tan(math.radians(deg))
    z = np.tile(500.0 - g * d * np.arange(40), (30, 1)).astype(np.float64)
    dem = _write(tmp_path / "plane.tif", z, gdal.GDT_Float64)
    res = _run(
        "lsfactor",
        {
            "DEM": dem,
            "MAX_LENGTH": 0,
            "L_FACTOR": str(tmp_path / "l.tif"),
            "S_FACTOR": str(tmp_path / "s.tif"),
            "LS_FACTOR": str(tmp_path / "ls.tif"),
        },
    )
    l_arr, _ = _read(res["L_FACTOR"])
    s_arr, _ = _read(res["S_FACTOR"])
    ls_arr, _ = _read(res["LS_FACTOR"])
    m = 0.5
    j = np.arange(40, dtype=float)
    want_l = d**m * ((j + 1) ** (m + 1) - j ** (m + 1)) / 22.13**m
    np.testing.assert_allclose(l_arr[1:-1], np.tile(want_l, (28, 1)), rtol=1e-5)
    # the mean over a row (a 400 m slope) is (400/22.13)^0.5
    assert l_arr[5].mean() == pytest.approx((400 / 22.13) ** 0.5, rel=1e-5)
    np.testing.assert_allclose(s_arr[1:-1, 1:-1], 21.91 * math.sin(math.radians(deg)) - 0.96, rtol=1e-5)
    np.testing.assert_allclose(ls_arr, l_arr * s_arr, rtol=1e-5)
    assert os.path.exists(str(tmp_path / "ls.qml"))
    # a 100 m cap: from the 10th cell on, L is that of the 10th cell
    res = _run(
        "lsfactor",
        {
            "DEM": dem,
            "MAX_LENGTH": 100,
            "LS_FACTOR": str(tmp_path / "ls2.tif"),
            "L_FACTOR": str(tmp_path / "l2.tif"),
        },
    )
    l2, _ = _read(res["L_FACTOR"])
    np.testing.assert_allclose(l2[5, 9:], want_l[9], rtol=1e-5)
    np.testing.assert_allclose(l2[5, :10], want_l[:10], rtol=1e-5)


def test_lsfactor_s_matches_gdaldem_on_youwuzhen(processing_ready, tmp_path):
    dem = shared(YWZ, "ywzdem10m.tif")
    res = _run(
        "lsfactor",
        {
            "DEM": dem,
            "CHANNEL_AREA": 1.0,
            "S_FACTOR": str(tmp_path / "s.tif"),
            "LS_FACTOR": str(tmp_path / "ls.tif"),
            "L_FACTOR": str(tmp_path / "l.tif"),
        },
    )
    slope_path = str(tmp_path / "slope.tif")
    gdal.DEMProcessing(slope_path, dem, "slope", computeEdges=True)
    theta, _ = _read(slope_path)
    t = np.radians(theta)
    want = np.where(
        theta < 5,
        10.8 * np.sin(t) + 0.03,
        np.where(theta < 10, 16.8 * np.sin(t) - 0.5, 21.91 * np.sin(t) - 0.96),
    )
    s_arr, _ = _read(res["S_FACTOR"])
    close = np.isclose(s_arr, want, rtol=1e-4, atol=1e-4)
    # only float32 round-off right at the 5° and 10° breaks may differ
    assert close.mean() > 0.9999
    l_arr, _ = _read(res["L_FACTOR"])
    assert np.nanmin(l_arr) > 0 and np.isfinite(l_arr).all()
    # channel cells (≥ 1 ha) restart the slope: L there is that of a first cell, ≤ (D/22.13)^0.5·1.5^…
    assert np.nanmax(l_arr) < (300 / 22.13) ** 0.5 * 1.6


# --- soilloss --------------------------------------------------------------------------


def _edge_case(tmp_path):
    ls = np.array([[1.0, 0.125, 1.0, 2.0], [0.5, 0.125, 3.0, 6.0]], dtype=np.float32)
    lu = np.array([[1, 1, 1, 1], [1, 1, 2, 2]], dtype=np.uint8)
    p_ls = _write(tmp_path / "ls.tif", ls)
    p_lu = _write(tmp_path / "lu.tif", lu, gdal.GDT_Byte, nodata=0)
    table = tmp_path / "lu.csv"
    table.write_text(
        "# test table\ncode,name_zh,name_en,B,T,cover\n1,旱地,dry land,1,1,\n2,林地,forest,0.5,1,forest\n",
        encoding="utf-8",
    )
    return p_ls, p_lu, str(table)


def test_soilloss_class_edges_exact_values(processing_ready, tmp_path):
    p_ls, p_lu, table = _edge_case(tmp_path)
    # A = 100·50·0.5·LS·B: 2500 (LS 1), 312.5 (LS 0.125), 1250 (LS 0.5), 5000 (LS 2),
    # 3750 (LS 3, B 0.5), 7500 (LS 6, B 0.5) — all exact in binary
    res = _run(
        "soilloss",
        {
            "LS": p_ls,
            "R_CONSTANT": 50,
            "K_CONSTANT": 0.5,
            "LANDUSE": p_lu,
            "LANDUSE_TABLE": table,
            "TOLERANCE": 312.5,
            "SOIL_LOSS": str(tmp_path / "a.tif"),
            "INTENSITY": str(tmp_path / "c.tif"),
            "TABLE": str(tmp_path / "t.csv"),
        },
    )
    a, _ = _read(res["SOIL_LOSS"])
    c, _ = _read(res["INTENSITY"])
    np.testing.assert_array_equal(a, [[2500, 312.5, 2500, 5000], [1250, 312.5, 3750, 7500]])
    # exactly 2 500 → 3 (中度); exactly the tolerance → 2 (轻度); exactly 5 000 → 4 (强烈)
    np.testing.assert_array_equal(c, [[3, 2, 3, 4], [2, 2, 3, 4]])
    row = _table(res["TABLE"])[0]
    assert float(row["SWC_RATE"]) == 0.0 and row["ZONE"] == "All"
    assert float(row["MODERATE_KM2"]) == pytest.approx(3 * 100 / 1e6)
    # with the default tolerance 200 the 312.5 cells are still light, so nothing changes in classes
    assert os.path.exists(str(tmp_path / "c.qml"))
    assert "2500" in open(str(tmp_path / "c.qml"), encoding="utf-8").read()


def test_soilloss_errors_say_what_to_fix(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException

    p_ls, p_lu, table = _edge_case(tmp_path)
    base = {
        "LS": p_ls,
        "K_CONSTANT": 0.5,
        "LANDUSE": p_lu,
        "LANDUSE_TABLE": table,
        "SOIL_LOSS": str(tmp_path / "a.tif"),
        "INTENSITY": str(tmp_path / "c.tif"),
        "TABLE": str(tmp_path / "t.csv"),
    }
    with pytest.raises(QgsProcessingException, match="R_CONSTANT"):
        _run("soilloss", base)
    # unmatched land-use codes are listed by code (the default 三调 table has no code 1 or 2)
    with pytest.raises(QgsProcessingException, match=r"1, 2"):
        _run("soilloss", dict(base, R_CONSTANT=50, LANDUSE_TABLE=None))
    # an R raster in another CRS
    other = _write(tmp_path / "r_other.tif", np.full((2, 4), 50.0, np.float32), wkt=_wkt(4526))
    with pytest.raises(QgsProcessingException, match="4526"):
        _run("soilloss", dict(base, R=other))
    # measures whose type is not in the table
    meas = _polygons(
        tmp_path / "m.gpkg", _wkt(), [("梯田X", (39500000, 4499980, 39500020, 4500000))], field="type"
    )
    with pytest.raises(QgsProcessingException, match="梯田X"):
        _run("soilloss", dict(base, R_CONSTANT=50, MEASURES=meas, MEASURE_FIELD="type"))


def _youwuzhen_params(tmp_path, **extra):
    params = {
        "DEM": shared(YWZ, "ywzdem10m.tif"),
        "R_CONSTANT": 6000.0,
        "K": shared(YWZ, "ywzsoil10m.tif"),
        "K_TABLE": os.path.join(TABLES, "soil_k_youwuzhen_seims.csv"),
        "LANDUSE": shared(YWZ, "ywzlanduse10m_upd.tif"),
        "LANDUSE_TABLE": os.path.join(TABLES, "landuse_bt_youwuzhen_seims.csv"),
        "TOLERANCE": 500.0,
        "SOIL_LOSS": str(tmp_path / "a.tif"),
        "INTENSITY": str(tmp_path / "c.tif"),
        "TABLE": str(tmp_path / "t.csv"),
    }
    params.update(extra)
    return params


def test_soilloss_youwuzhen_full_run_and_scenario(processing_ready, tmp_path):
    dem_path = shared(YWZ, "ywzdem10m.tif")
    ls_res = _run("lsfactor", {"DEM": dem_path, "LS_FACTOR": str(tmp_path / "ls.tif")})
    ls, gt = _read(ls_res["LS_FACTOR"])
    # land use and soil start 6 rows (60 m) below the DEM: put them on the DEM grid by hand
    lu_raw, lu_gt = _read(shared(YWZ, "ywzlanduse10m_upd.tif"))
    soil_raw, _ = _read(shared(YWZ, "ywzsoil10m.tif"))
    off = int(round((gt[3] - lu_gt[3]) / 10.0))
    assert off == 6
    lu = np.full(ls.shape, np.nan)
    soil = np.full(ls.shape, np.nan)
    lu[off : off + lu_raw.shape[0], : lu_raw.shape[1]] = lu_raw
    soil[off : off + soil_raw.shape[0], : soil_raw.shape[1]] = soil_raw
    lut = _lookup_csv("landuse_bt_youwuzhen_seims.csv", "b")
    kt = _lookup_csv("soil_k_youwuzhen_seims.csv", "k")
    b = np.vectorize(lambda v: float(lut[v]["b"]) if v in lut else np.nan)(lu)
    t = np.vectorize(lambda v: float(lut[v]["t"]) if v in lut else np.nan)(lu)
    k = np.vectorize(lambda v: float(kt[v]["k"]) if v in kt else np.nan)(soil)
    want = 100.0 * 6000.0 * k * ls * b * t

    # zones: the watershed split into a west and an east half; fish-scale pits on a block
    ds = gdal.Open(dem_path)
    wkt = ds.GetProjection()
    x0, y0 = gt[0], gt[3]
    x_mid = x0 + 190 * 10.0
    zones = _polygons(
        tmp_path / "z.gpkg",
        wkt,
        [("west", (x0, y0 - 2940, x_mid, y0)), ("east", (x_mid, y0 - 2940, x0 + 3810, y0))],
    )
    pit_box = (x0 + 1000, y0 - 2000, x0 + 2500, y0 - 800)
    meas = _polygons(tmp_path / "m.gpkg", wkt, [("鱼鳞坑", pit_box)], field="type")
    res = _run(
        "soilloss",
        _youwuzhen_params(tmp_path, ZONES=zones, ZONE_FIELD="name", MEASURES=meas, MEASURE_FIELD="type"),
    )
    a, _ = _read(res["SOIL_LOSS"])
    cls, _ = _read(res["INTENSITY"])
    # the measure cells: centres inside the box
    rows, cols = np.indices(a.shape)
    xc, yc = x0 + (cols + 0.5) * 10.0, y0 - (rows + 0.5) * 10.0
    in_pits = (xc > pit_box[0]) & (xc < pit_box[2]) & (yc > pit_box[1]) & (yc < pit_box[3])
    e = np.where(in_pits, 0.249, 1.0)
    valid = np.isfinite(want)
    assert valid.sum() == 65825  # every land-use cell inside the watershed has all factors
    np.testing.assert_array_equal(np.isfinite(a), valid)
    np.testing.assert_allclose(a[valid], (want * e)[valid], rtol=2e-5)
    # intensity with the red-soil tolerance 500; exactly 2 500 would be 中度
    edges = np.array([500, 2500, 5000, 8000, 15000])
    np.testing.assert_array_equal(cls[valid], np.searchsorted(edges, a[valid], side="right") + 1)
    rows_t = {r["ZONE"]: r for r in _table(res["TABLE"])}
    assert set(rows_t) == {"west", "east"}
    cell_km2 = 1e-4
    gx1, gy0 = x0 + a.shape[1] * 10.0, y0 - a.shape[0] * 10.0
    for name, (bx0, bx1) in (("west", (x0, x_mid)), ("east", (x_mid, x0 + 3810))):
        sel = (xc > bx0) & (xc < bx1) & (yc > y0 - 2940)
        m = valid & sel
        r = rows_t[name]
        # the unit's land: its cells on the grid and the part of the box beyond the grid
        beyond = (bx1 - bx0) * 2940 - (min(bx1, gx1) - bx0) * (y0 - max(y0 - 2940, gy0))
        land = sel.sum() + beyond / 100.0  # in cells of 100 m²
        assert float(r["AREA_KM2"]) == pytest.approx(land * cell_km2)
        assert float(r["VALUE_KM2"]) == pytest.approx(m.sum() * cell_km2)
        assert float(r["NODATA_KM2"]) == pytest.approx((land - m.sum()) * cell_km2)
        assert float(r["COVER_PCT"]) == pytest.approx(100 * m.sum() / land)
        assert float(r["SOIL_LOSS_T"]) == pytest.approx((want * e)[m].sum() * cell_km2, rel=1e-4)
        assert float(r["BASE_LOSS_T"]) == pytest.approx(want[m].sum() * cell_km2, rel=1e-4)
        assert float(r["REDUCTION_T"]) == pytest.approx((want * (1 - e))[m].sum() * cell_km2, rel=1e-3)
        eroded = (a[m] >= 500).sum()
        base_eroded = (want[m] >= 500).sum()
        assert float(r["SWC_RATE"]) == pytest.approx(100 * (land - eroded) / land, abs=1e-6)
        assert float(r["SWC_RATE_MIN"]) == pytest.approx(100 * (m.sum() - eroded) / land, abs=1e-6)
        assert float(r["RATE_GAIN"]) == pytest.approx(100 * (base_eroded - eroded) / land, abs=1e-6)
        assert r["WIND_KM2"] == ""  # no wind input
        assert r["BASE_SOURCE"] == "measures"
    assert float(rows_t["west"]["REDUCTION_T"]) > 0 and float(rows_t["east"]["REDUCTION_T"]) > 0

    # BASELINE recipe: compare with the raster of a run without measures
    no_meas = _run(
        "soilloss",
        _youwuzhen_params(
            tmp_path,
            SOIL_LOSS=str(tmp_path / "a0.tif"),
            INTENSITY=str(tmp_path / "c0.tif"),
            TABLE=str(tmp_path / "t0.csv"),
        ),
    )
    r0 = _table(no_meas["TABLE"])[0]
    assert r0["BASE_SOURCE"] == "" and r0["REDUCTION_T"] == ""
    total_base = sum(float(r["BASE_LOSS_T"]) for r in rows_t.values())
    assert float(r0["SOIL_LOSS_T"]) == pytest.approx(total_base, rel=1e-5)
    with_base = _run(
        "soilloss",
        _youwuzhen_params(
            tmp_path,
            MEASURES=meas,
            MEASURE_FIELD="type",
            BASELINE=no_meas["SOIL_LOSS"],
            SOIL_LOSS=str(tmp_path / "a1.tif"),
            INTENSITY=str(tmp_path / "c1.tif"),
            TABLE=str(tmp_path / "t1.csv"),
        ),
    )
    r1 = _table(with_base["TABLE"])[0]
    assert r1["BASE_SOURCE"] == "raster"
    assert float(r1["REDUCTION_T"]) == pytest.approx(
        sum(float(r["REDUCTION_T"]) for r in rows_t.values()), rel=1e-3
    )


# --- swcrate --------------------------------------------------------------------------------


def test_swcrate_hand_computed(processing_ready, tmp_path):
    a = np.array(
        [
            [0, 50, 199, 200, 250, 0],
            [10, 2500, 100, 0, 0, 0],
            [15000, 80, 0, 0, 5000, 0],
            [0, 0, 8000, 1, -9999, 0],
        ],
        dtype=np.float32,
    )
    p_a = _write(tmp_path / "a.tif", a, nodata=-9999.0)
    x0, y0 = 39500000.0, 4500000.0
    zones = _polygons(
        tmp_path / "z.gpkg",
        _wkt(),
        [("甲县", (x0, y0 - 40, x0 + 30, y0)), ("乙县", (x0 + 30, y0 - 40, x0 + 60, y0))],
    )
    res = _run(
        "swcrate", {"INPUT": p_a, "ZONES": zones, "ZONE_FIELD": "name", "OUTPUT": str(tmp_path / "rate.csv")}
    )
    rows = {r["ZONE"]: r for r in _table(res["OUTPUT"])}
    # 甲县: 12 cells, eroded 2500, 15000, 8000 → 9/12 = 75 %
    r = rows["甲县"]
    assert float(r["SWC_RATE"]) == pytest.approx(75.0)
    assert float(r["AREA_KM2"]) == pytest.approx(12e-4)
    assert float(r["GAP_1"]) == pytest.approx(79.96 - 75.0)
    assert float(r["GAP_2"]) == pytest.approx(84.07 - 75.0)
    # eroded area to treat for 79.96 %: 3 − 0.2004·12 cells
    assert float(r["TREAT_1_KM2"]) == pytest.approx((3 - (1 - 0.7996) * 12) * 1e-4)
    assert float(r["COVER_PCT"]) == pytest.approx(100.0)
    assert r["INPUT_KIND"] == "modulus"
    # 乙县: 12 cells of land, 11 with a value, eroded 200, 250, 5000 → (12 − 3) / 12; the cell without a
    # value stays in the denominator (it left it before: 8/11) and is reported
    r = rows["乙县"]
    assert float(r["SWC_RATE"]) == pytest.approx(75.0)
    assert float(r["SWC_RATE_MIN"]) == pytest.approx(800 / 12)
    assert float(r["AREA_KM2"]) == pytest.approx(12e-4) and float(r["NODATA_KM2"]) == pytest.approx(1e-4)
    assert float(r["COVER_PCT"]) == pytest.approx(100 * 11 / 12)
    assert float(r["WATER_KM2"]) == pytest.approx(3e-4) and r["WIND_KM2"] == ""
    # red-soil tolerance 500: 200 and 250 are not eroded any more
    res = _run(
        "swcrate",
        {
            "INPUT": p_a,
            "ZONES": zones,
            "ZONE_FIELD": "name",
            "TOLERANCE": 500,
            "TARGET_1": 90,
            "OUTPUT": str(tmp_path / "rate500.csv"),
        },
    )
    rows = {r["ZONE"]: r for r in _table(res["OUTPUT"])}
    assert float(rows["乙县"]["SWC_RATE"]) == pytest.approx(1100 / 12)
    assert float(rows["乙县"]["GAP_1"]) == pytest.approx(90 - 1100 / 12)
    assert float(rows["乙县"]["TREAT_1_KM2"]) == 0.0  # 91.7 % already above 90 %
    # the same from an intensity raster
    cls = np.where(a == -9999, 0, np.searchsorted([200, 2500, 5000, 8000, 15000], a, side="right") + 1)
    p_c = _write(tmp_path / "c.tif", cls.astype(np.uint8), gdal.GDT_Byte, nodata=0)
    res = _run(
        "swcrate",
        {"INPUT": p_c, "ZONES": zones, "ZONE_FIELD": "name", "OUTPUT": str(tmp_path / "rate_c.csv")},
    )
    rows = {r["ZONE"]: r for r in _table(res["OUTPUT"])}
    assert rows["甲县"]["INPUT_KIND"] == "intensity"
    assert float(rows["甲县"]["SWC_RATE"]) == pytest.approx(75.0)
    assert float(rows["乙县"]["SWC_RATE"]) == pytest.approx(75.0)
