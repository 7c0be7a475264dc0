"""SWC rate with wind erosion, erosion-type zones and the land-area denominator; crop-rotation T (issue 13
items 3 and 4).  Answers are counted by hand from the construction of each case."""

from __future__ import annotations

import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from testdata import REPO

from swc_planner.algorithms.core.erosion import intensity, lookups  # noqa: E402
from swc_planner.algorithms.core.erosion import soilloss as sl  # noqa: E402
from swc_planner.algorithms.core.errors import InputError  # noqa: E402
from swc_planner.algorithms.core.grid import GridSpec  # noqa: E402
from swc_planner.algorithms.core.zones import code_matches  # noqa: E402

TABLES = os.path.join(REPO, "resources", "tables")
ORIGIN = (39500000.0, 4500000.0)


def _wkt(epsg=4527):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def _write(path, array, gdal_type=gdal.GDT_Float32, nodata=None, cell=100.0):
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal_type)
    ds.SetGeoTransform((ORIGIN[0], cell, 0.0, ORIGIN[1], 0.0, -cell))
    ds.SetProjection(_wkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None
    return str(path)


def issue_case():
    """100 cells of 1 ha: 20 water-eroded, 15 wind-eroded (disjoint), 5 without water data.

    Water modulus: cells 0–19 500 (轻度), 20–24 nodata, others 50; wind modulus: cells 40–54 3 000
    (中度), others 100 (微度) — so the 5 cells without water data are not wind-eroded either.
    """
    water = np.full(100, 50.0)
    water[:20] = 500.0
    water[20:25] = -9999.0
    wind = np.full(100, 100.0)
    wind[40:55] = 3000.0
    return water.reshape(10, 10), wind.reshape(10, 10)


def test_issue_case_35_eroded_5_without_data_rate_65(tmp_path):
    water, wind = issue_case()
    p_w = _write(tmp_path / "water.tif", water, nodata=-9999.0)
    p_wind = _write(tmp_path / "wind.tif", wind)
    p_z = _write(tmp_path / "zones.tif", np.ones((10, 10), dtype=np.int32), gdal.GDT_Int32)
    res = intensity.swc_rate_cells(p_w, p_z, 1, rate_inputs=intensity.RateInputs(p_wind))
    assert res.wind_kind == intensity.KIND_MODULUS
    row = res.counts.row(1, res.cell_area)
    assert row["AREA_KM2"] == pytest.approx(1.0)  # 100 ha: the unit's land area, the denominator
    assert row["WATER_KM2"] == pytest.approx(0.20) and row["WIND_KM2"] == pytest.approx(0.15)
    assert row["BOTH_KM2"] == 0.0
    assert row["ERODED_KM2"] == pytest.approx(0.35) and row["NODATA_KM2"] == pytest.approx(0.05)
    assert row["NODATA_PCT"] == pytest.approx(5.0) and row["COVER_PCT"] == pytest.approx(95.0)
    # (100 − 35) / 100; the old rule (cells without data dropped) gave (95 − 35) / 95 = 63.16 %
    assert row["SWC_RATE"] == pytest.approx(65.0)
    assert row["SWC_RATE_MIN"] == pytest.approx(60.0)  # (100 − 35 − 5) / 100
    assert intensity.partly_covered(row)
    # classes: water 75 slight + 20 light (+ 5 without a value), wind 85 slight + 15 moderate
    assert [row[f"C{c}_KM2"] for c in range(1, 7)] == pytest.approx([0.75, 0.20, 0, 0, 0, 0])
    assert [row[f"W{c}_KM2"] for c in range(1, 7)] == pytest.approx([0.85, 0, 0.15, 0, 0, 0])
    # the same from SL 190 wind classes 1-6 (WIND_KIND intensity) and water classes
    wind_cls = intensity.classify_wind(wind)
    water_cls = intensity.classify_intensity(np.where(water < 0, np.nan, water))
    p_wc = _write(tmp_path / "wind_cls.tif", wind_cls, gdal.GDT_Byte)
    p_cc = _write(tmp_path / "water_cls.tif", water_cls, gdal.GDT_Byte, nodata=0)
    res_c = intensity.swc_rate_cells(
        p_cc, p_z, 1, rate_inputs=intensity.RateInputs(p_wc, intensity.KIND_INTENSITY)
    )
    assert res_c.kind == intensity.KIND_INTENSITY
    np.testing.assert_array_equal(res_c.counts.status, res.counts.status)
    np.testing.assert_array_equal(res_c.counts.wind, res.counts.wind)


def test_eroded_by_both_counted_once_and_wind_bounds_fixed(tmp_path):
    # 4 cells: water eroded in 0, 1; wind eroded in 1, 2; cell 3 clean
    water = np.array([[300.0, 300.0, 100.0, 100.0]])
    wind = np.array([[100.0, 200.0, 2500.0, 199.9]])
    counts = intensity.RateCounts.empty(1, has_wind=True)
    counts.add(
        np.zeros((1, 4), int),
        np.ones((1, 4), bool),
        intensity.classify_intensity(water, 250.0),
        intensity.classify_wind(wind),
    )
    row = counts.row(0, 1e6)
    assert (row["WATER_KM2"], row["WIND_KM2"], row["BOTH_KM2"], row["ERODED_KM2"]) == (2.0, 2.0, 1.0, 3.0)
    assert row["SWC_RATE"] == pytest.approx(25.0)
    # wind classes do not follow the water tolerance: 200 is 轻度, 2 500 中度, 199.9 微度
    assert intensity.classify_wind(wind).tolist() == [[1, 2, 3, 1]]
    assert intensity.WIND_CLASS_LOWER == (200.0, 2500.0, 5000.0, 8000.0, 15000.0)


def test_erosion_type_zones_decide_what_is_assessed():
    # one cell per case; water class / wind class (0 = no value) / type
    water = np.array([2, 2, 1, 0, 1, 2, 0, 1, 1])
    wind = np.array([1, 3, 3, 1, 0, 0, 3, 1, 0])
    etype = np.array(
        [
            intensity.TYPE_WATER,  # water eroded, wind ignored → water
            intensity.TYPE_WIND,  # water ignored, wind eroded → wind
            intensity.TYPE_WATER,  # wind 3 ignored in a water zone → clean
            intensity.TYPE_WIND,  # water missing but not assessed → clean
            intensity.TYPE_MIXED,  # wind must be assessed and is missing → no data
            intensity.TYPE_MIXED,  # water eroded: eroded even without wind data
            intensity.TYPE_NONE,  # no zone: water missing, wind eroded → wind
            intensity.TYPE_NONE,  # both 微度 → clean
            intensity.TYPE_NONE,  # no zone and no wind value: wind not assessed → clean
        ]
    )
    counts = intensity.RateCounts.empty(9, has_wind=True)
    unit = np.arange(9)
    counts.add(unit, np.ones(9, bool), water, wind, etype)
    s = counts.status
    expected = [
        intensity.ST_WATER,
        intensity.ST_WIND,
        intensity.ST_CLEAN,
        intensity.ST_CLEAN,
        intensity.ST_NODATA,
        intensity.ST_WATER,
        intensity.ST_WIND,
        intensity.ST_CLEAN,
        intensity.ST_CLEAN,
    ]
    assert [int(np.flatnonzero(s[i])[0]) for i in range(9)] == expected
    assert s.sum() == 9
    # a wind zone's cell is not counted among the water classes
    assert counts.water[1].sum() == 0 and counts.water[3].sum() == 0
    assert counts.wind[0].sum() == 0 and counts.wind[8].sum() == 0


def test_erosion_type_names():
    assert intensity.erosion_type_code("水蚀") == intensity.TYPE_WATER
    assert intensity.erosion_type_code("风蚀区") == intensity.TYPE_WIND
    assert intensity.erosion_type_code("水蚀风蚀交错区") == intensity.TYPE_MIXED
    assert intensity.erosion_type_code(" MIXED ") == intensity.TYPE_MIXED
    assert intensity.erosion_type_code(None) == -1 and intensity.erosion_type_code("冻融") == -1


def test_unit_beyond_the_raster_counts_as_land_without_data():
    grid = GridSpec((0.0, 10.0, 0.0, 100.0, 0.0, -10.0), (10, 10), None, "")
    half_out = ogr.CreateGeometryFromWkt("POLYGON ((50 0, 150 0, 150 100, 50 100, 50 0))")
    inside = ogr.CreateGeometryFromWkt("POLYGON ((0 0, 40 0, 40 40, 0 40, 0 0))")
    wkbs = [bytes(g.ExportToWkb()) for g in (half_out, inside)]
    assert intensity.area_outside_grid(wkbs, grid) == pytest.approx(5000.0)
    counts = intensity.RateCounts.empty(1)
    counts.add(np.zeros(50, int), np.ones(50, bool), np.ones(50, int))  # 50 clean cells of 100 m²
    row = counts.row(0, 100.0, extra_m2=5000.0)
    assert row["AREA_KM2"] == pytest.approx(0.01) and row["NODATA_PCT"] == pytest.approx(50.0)
    assert row["SWC_RATE"] == 100.0 and row["SWC_RATE_MIN"] == pytest.approx(50.0)


def test_soil_loss_with_wind_and_types(tmp_path):
    """soil_loss counts the rate as swc_rate_cells does, and keeps the water sums to water areas."""
    water, wind = issue_case()
    # factors giving the water modulus exactly: A = 100·R·K·LS·B·E·T with R K B T = 1, LS = water/100
    ls = np.where(water < 0, np.nan, water / 100.0)
    p_ls = _write(tmp_path / "ls.tif", np.nan_to_num(ls, nan=-9999.0), nodata=-9999.0)
    lu = np.ones((10, 10), dtype=np.uint8)
    p_lu = _write(tmp_path / "lu.tif", lu, gdal.GDT_Byte, nodata=0)
    p_wind = _write(tmp_path / "wind.tif", wind)
    landuse = sl.LandUseSource(p_lu, np.array([1.0]), np.array([1.0]), np.array([1.0]), [""])
    factors = sl.Factors(
        sl.FactorSource(path=p_ls), sl.FactorSource(constant=1.0), sl.FactorSource(constant=1.0), landuse
    )
    zones = _write(tmp_path / "z.tif", np.ones((10, 10), dtype=np.int32), gdal.GDT_Int32)
    res = sl.soil_loss(
        factors,
        str(tmp_path / "a.tif"),
        zones=sl.Zones(zones, 1),
        rate_inputs=intensity.RateInputs(p_wind),
        settings=sl.Settings(block_rows=3, block_cols=4),
    )
    row = res.zone_row(1)
    assert row["ERODED_KM2"] == pytest.approx(0.35) and row["NODATA_KM2"] == pytest.approx(0.05)
    assert row["SWC_RATE"] == pytest.approx(65.0) and row["WIND_KM2"] == pytest.approx(0.15)
    assert row["VALUE_KM2"] == pytest.approx(0.95)
    assert row["SOIL_LOSS_T"] == pytest.approx((20 * 500 + 75 * 50) * 0.01, rel=1e-6)
    # a wind-only zone over the first row (cells 0-9, water-eroded): they leave the water sums
    types = np.zeros((10, 10), dtype=np.uint8)
    types[0, :] = intensity.TYPE_WIND
    p_t = _write(tmp_path / "types.tif", types, gdal.GDT_Byte)
    res_t = sl.soil_loss(
        factors,
        str(tmp_path / "a2.tif"),
        zones=sl.Zones(zones, 1),
        rate_inputs=intensity.RateInputs(p_wind, types_path=p_t),
    )
    row_t = res_t.zone_row(1)
    assert row_t["WATER_KM2"] == pytest.approx(0.10) and row_t["ERODED_KM2"] == pytest.approx(0.25)
    assert row_t["SOIL_LOSS_T"] == pytest.approx((10 * 500 + 75 * 50) * 0.01, rel=1e-6)
    assert res_t.type_cells == {0: 90, intensity.TYPE_WIND: 10}
    # without zones the land is the LS grid's valid cells: the 5 LS gaps are outside, not without data
    res_n = sl.soil_loss(factors, str(tmp_path / "a3.tif"), rate_inputs=intensity.RateInputs(p_wind))
    row_n = res_n.zone_row(0)
    assert row_n["AREA_KM2"] == pytest.approx(0.95) and row_n["NODATA_KM2"] == 0.0


# --- crop-rotation T (item 3) ----------------------------------------------------------------------


def test_shipped_tables_never_model_cropland_as_bare_fallow():
    for name in ("landuse_bt_sandiao.csv", "landuse_bt_youwuzhen_seims.csv"):
        rows = lookups.read_landuse_table(os.path.join(TABLES, name))
        assert all(r.source for r in rows), name  # every row names its source
        cropland = [r for r in rows if code_matches(r.code, ["01*"]) or r.name in ("水田", "水浇地", "旱地")]
        assert all(r.t < 1.0 for r in cropland), [(r.code, r.t) for r in cropland if r.t >= 1.0]
    sandiao = {r.code: r for r in lookups.read_landuse_table(os.path.join(TABLES, "landuse_bt_sandiao.csv"))}
    for code in ("0102", "0103", "01*"):  # 水浇地, 旱地, other cropland: B = 1, T = the rotation zone's
        assert sandiao[code].rotation and sandiao[code].b == 1.0 and sandiao[code].t == pytest.approx(0.34)
    assert not sandiao["0101"].rotation and sandiao["0101"].t == pytest.approx(0.01)
    assert not any(r.rotation for c, r in sandiao.items() if not c.startswith("01"))


def test_rotation_table_values_and_sources():
    table = lookups.read_rotation_table(os.path.join(TABLES, "crop_rotation_t.csv"))
    # Guo, Liu, Xie et al. 2015 (J. Integr. Agric. 14(9)), abstract: 0.37, 0.36, 0.28, mean 0.34
    assert {z.code: z.t for z in table} == {"single": 0.37, "double": 0.36, "triple": 0.28, "mean": 0.34}
    assert all("Guo et al. 2015" in z.source for z in table)
    idx, missing = lookups.match_rotation(
        ["一年两熟", 1, "one crop a year (Hebei: mountains and 坝上)"], table
    )
    assert idx == [1, 0, 0] and not missing
    assert lookups.rotation_row(table, "DOUBLE").t == 0.36
    with pytest.raises(InputError, match="single, double, triple, mean"):
        lookups.rotation_row(table, "quadruple")


def test_rotation_table_errors(tmp_path):
    bad = tmp_path / "rot.csv"
    bad.write_text("code,crops,T\nsingle,one,0.37\n", encoding="utf-8")
    with pytest.raises(InputError, match="crops per year|crops a year"):
        lookups.read_rotation_table(str(bad))
    lu = tmp_path / "lu.csv"
    lu.write_text("code,B,T,rotation\n0103,1,0.34,maybe\n", encoding="utf-8")
    with pytest.raises(InputError, match="rotation must be yes or empty"):
        lookups.read_landuse_table(str(lu))


def test_cropland_soil_loss_uses_the_zone_t(tmp_path):
    """Hand case: R 1 000, K 0.03, LS 2, cropland B 1 → A = 6 000·T t/km²·a.

    Columns 0–1 dry land (rotation), column 2 forest (B 0.02, T 1). Rotation zone polygons: zone 1
    (两熟, T 0.36) on row 0, zone 2 (一熟, T 0.37) on row 1; row 2 outside every zone → ROTATION_ZONE's
    value (or, without one, the table's 0.34).
    """
    lu = np.array([[103, 103, 301]] * 3, dtype=np.uint16)
    p_lu = _write(tmp_path / "lu.tif", lu, gdal.GDT_UInt16, nodata=0)
    p_ls = _write(tmp_path / "ls.tif", np.full((3, 3), 2.0))
    rot = np.array([[1, 1, 1], [2, 2, 2], [0, 0, 0]], dtype=np.uint8)
    p_rot = _write(tmp_path / "rot.tif", rot, gdal.GDT_Byte)
    landuse = sl.LandUseSource(
        p_lu,
        np.array([103.0, 301.0]),
        np.array([1.0, 0.02]),
        np.array([0.34, 1.0]),
        ["", "forest"],
        rotation=np.array([True, False]),
    )

    def run(rotation, name):
        out = str(tmp_path / name)
        res = sl.soil_loss(
            sl.Factors(
                sl.FactorSource(path=p_ls),
                sl.FactorSource(constant=1000.0),
                sl.FactorSource(constant=0.03),
                landuse,
                rotation=rotation,
            ),
            out,
        )
        return gdal.Open(out).ReadAsArray(), res

    a, res = run(sl.RotationSource(0.36, p_rot, np.array([np.nan, 0.36, 0.37])), "a.tif")
    np.testing.assert_allclose(a[:, :2], [[2160.0] * 2, [2220.0] * 2, [2160.0] * 2], rtol=1e-6)
    np.testing.assert_allclose(a[:, 2], 120.0, rtol=1e-6)  # forest keeps its own T
    assert res.rotation_cells == {0: 2, 1: 2, 2: 2}
    # no zone layer, one zone for the run; and no rotation at all: the table's mean 0.34
    a1, _ = run(sl.RotationSource(0.37), "b.tif")
    np.testing.assert_allclose(a1[:, :2], 2220.0, rtol=1e-6)
    a0, _ = run(None, "c.tif")
    np.testing.assert_allclose(a0[:, :2], 6000.0 * 0.34, rtol=1e-6)


def test_cropland_codes_without_their_leading_zero_are_cropland():
    """A raster stores 0101/0102/0103 as 101/102/103: they are 水田/水浇地/旱地, not 10* (交通运输用地)."""
    rows = lookups.read_landuse_table(os.path.join(TABLES, "landuse_bt_sandiao.csv"))
    idx, missing = lookups.match_landuse([101, 102, 103.0, "0103", 1001, 301, 1206], rows)
    assert not missing
    assert [rows[i].code for i in idx] == ["0101", "0102", "0103", "0103", "10*", "0301", "1206"]
    assert [rows[i].name for i in idx[:3]] == ["水田", "水浇地", "旱地"]
