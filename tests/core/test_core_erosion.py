"""Erosion core (CSLE): factors against their formulas, A as the product of its factors,
SL 190 class edges, the SWC rate by hand, lookup tables and grid alignment.

No QGIS needed.
"""

import doctest
import math
import os

import numpy as np
import pytest
from osgeo import gdal, osr
from testdata import REPO

from swc_planner.algorithms.core import standards  # noqa: E402
from swc_planner.algorithms.core.erosion import factors, intensity, lookups  # noqa: E402
from swc_planner.algorithms.core.erosion import soilloss as sl  # noqa: E402
from swc_planner.algorithms.core.errors import Cancelled, InputError  # noqa: E402
from swc_planner.algorithms.core.grid import GridSpec  # noqa: E402

TABLES = os.path.join(REPO, "resources", "tables")


def _srs_wkt(epsg=4527):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def _write(
    path, array, gdal_type=gdal.GDT_Float32, nodata=None, origin=(39500000.0, 4500000.0), cell=10.0, epsg=4527
):
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal_type)
    ds.SetGeoTransform((origin[0], cell, 0.0, origin[1], 0.0, -cell))
    ds.SetProjection(_srs_wkt(epsg))
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None
    return str(path)


def _read(path):
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    return band.ReadAsArray(), band.GetNoDataValue()


def test_doctests():
    attempted = 0
    for module in (factors, intensity, lookups, sl):
        res = doctest.testmod(module)
        assert res.failed == 0, module.__name__
        attempted += res.attempted
    assert attempted >= 8


# --- S, m, L ------------------------------------------------------------------


@pytest.mark.parametrize(
    "deg, expected",
    [
        (3.0, 10.8 * math.sin(math.radians(3.0)) + 0.03),  # 0.5952
        (7.0, 16.8 * math.sin(math.radians(7.0)) - 0.50),  # 1.5474
        (12.0, 21.91 * math.sin(math.radians(12.0)) - 0.96),  # 3.5953
        (30.0, 21.91 * 0.5 - 0.96),  # 9.995
    ],
)
def test_s_factor_at_chosen_slopes(deg, expected):
    assert float(factors.s_factor(np.array([deg]))[0]) == pytest.approx(expected, rel=1e-12)


def test_s_factor_hand_values_and_breaks():
    s = factors.s_factor(np.array([3.0, 7.0, 12.0, 30.0, 4.999, 5.0, 9.999, 10.0, np.nan]))
    assert np.round(s[:4], 4).tolist() == [0.5952, 1.5474, 3.5953, 9.995]
    assert s[4] == pytest.approx(10.8 * math.sin(math.radians(4.999)) + 0.03)
    assert s[5] == pytest.approx(16.8 * math.sin(math.radians(5.0)) - 0.5)
    assert s[7] == pytest.approx(21.91 * math.sin(math.radians(10.0)) - 0.96)
    assert s[7] - s[6] > 0.4  # the documented jump at 10° (2.42 → 2.85)
    assert np.isnan(s[8])


def test_m_exponent_classes_upper_bound_included():
    m = factors.m_exponent(np.array([0.0, 1.0, 1.0001, 3.0, 3.5, 5.0, 5.0001, 45.0]))
    assert m.tolist() == [0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.5, 0.5]
    with pytest.raises(InputError):
        factors.m_exponent(np.array([1.0]), breaks=(1, 3), values=(0.2, 0.3, 0.4, 0.5))


@pytest.mark.parametrize("lam, m", [(22.13, 0.5), (100.0, 0.5), (50.0, 0.3), (10.0, 0.2)])
def test_l_of_length(lam, m):
    assert float(factors.l_factor_length(np.array(lam), np.array(m))) == pytest.approx((lam / 22.13) ** m)


@pytest.mark.parametrize("n, d, m", [(10, 10.0, 0.5), (7, 5.0, 0.3), (30, 30.0, 0.4)])
def test_desmet_govers_mean_equals_l_of_length(n, d, m):
    # a uniform slope of n cells, flow along a row: A_in of cell k = k·D², x = 1
    a_in = np.arange(n, dtype=float) * d * d
    lvals = factors.l_factor_from_area(a_in, d, np.full(n, m), max_length_m=None)
    # cell k by the segment formula
    lam_in, lam_out = np.arange(n) * d, (np.arange(n) + 1) * d
    seg = (lam_out ** (m + 1) - lam_in ** (m + 1)) / (d * 22.13**m)
    np.testing.assert_allclose(lvals, seg, rtol=1e-12)
    # the mean over the slope is the L of the slope length λ = nD
    assert lvals.mean() == pytest.approx((n * d / 22.13) ** m, rel=1e-12)


def test_desmet_govers_flow_width_factor():
    d, m, a, x = 10.0, 0.5, 300.0, math.sqrt(2.0)
    got = float(factors.l_factor_from_area(np.array([a]), d, np.array([m]), np.array([x]), None)[0])
    want = ((a + d * d) ** (m + 1) - a ** (m + 1)) / (d ** (m + 2) * x**m * 22.13**m)
    assert got == pytest.approx(want, rel=1e-12)


def test_max_slope_length_caps_l():
    d, m = 10.0, 0.5
    a_in = np.arange(20, dtype=float) * d * d
    capped = factors.l_factor_from_area(a_in, d, np.full(20, m), max_length_m=50.0)
    free = factors.l_factor_from_area(a_in, d, np.full(20, m), max_length_m=None)
    np.testing.assert_allclose(capped[:5], free[:5])  # λ_out ≤ 50 m: untouched
    np.testing.assert_allclose(capped[5:], free[4])  # further down: the last cell of a 50 m slope
    # the mean L of the first 50 m is still (50/22.13)^m
    assert capped[:5].mean() == pytest.approx((50 / 22.13) ** m)


def _plane(rows=8, cols=12, deg=10.0, d=10.0):
    """A plane falling eastwards by tan(deg) (flow along rows, aspect east, x = 1)."""
    g = math.tan(math.radians(deg))
    z = 1000.0 - g * d * np.arange(cols, dtype=float)
    return np.tile(z, (rows, 1))


def test_ls_on_a_plane_matches_hand_calculation():
    d, deg = 10.0, 12.0
    z = _plane(d=d, deg=deg)
    res = factors.ls_factor_arrays(z, d, d, max_length_m=None)
    corners = np.zeros(z.shape, bool)
    corners[[0, 0, -1, -1], [0, -1, 0, -1]] = True  # gdaldem's clamped corner windows
    np.testing.assert_allclose(res.slope[~corners], deg, atol=1e-9)
    m = 0.5
    j = np.arange(z.shape[1], dtype=float)
    l_expected = d**m * ((j + 1) ** (m + 1) - j ** (m + 1)) / 22.13**m
    s_expected = 21.91 * math.sin(math.radians(deg)) - 0.96
    for r in range(1, z.shape[0] - 1):
        np.testing.assert_allclose(res.l[r], l_expected, rtol=1e-9)
    np.testing.assert_allclose(res.l[0, 1:-1], l_expected[1:-1], rtol=1e-9)
    np.testing.assert_allclose(res.s[~corners], s_expected, rtol=1e-12)
    np.testing.assert_allclose(res.s, factors.s_factor(res.slope))
    np.testing.assert_allclose(res.ls, res.l * res.s)


def test_ls_channel_resets_slope_length():
    d = 10.0
    z = _plane(rows=5, cols=12, deg=10.0, d=d)
    # columns 0..11 drain 1..12 cells; channel from 8 cells = column 7 onwards
    res = factors.ls_factor_arrays(z, d, d, max_length_m=None, channel_area_m2=8 * d * d)
    free = factors.ls_factor_arrays(z, d, d, max_length_m=None)
    assert res.channel_cells == 5 * 5
    np.testing.assert_allclose(res.l[:, :7], free.l[:, :7])
    np.testing.assert_allclose(res.l[:, 7:], free.l[0, 0])  # every channel cell starts a slope


def test_ls_nodata_and_cancel():
    z = _plane()
    z[3, 4] = np.nan
    res = factors.ls_factor_arrays(z, 10.0, 10.0)
    assert np.isnan(res.ls[3, 4]) and np.isfinite(np.delete(res.ls.ravel(), 3 * 12 + 4)).all()
    with pytest.raises(Cancelled):
        factors.ls_factor_arrays(z, 10.0, 10.0, is_cancelled=lambda: True)


# --- intensity classes and the rate ---------------------------------------------


def test_class_edges_lower_bound_inclusive():
    a = np.array(
        [0.0, 199.999, 200.0, 2499.999, 2500.0, 4999.9, 5000.0, 7999.9, 8000.0, 14999.9, 15000.0, 1e6, np.nan]
    )
    assert intensity.classify_intensity(a).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 0]
    # exactly 2 500 is 中度 (moderate, class 3), whatever the tolerance
    assert intensity.classify_intensity(np.array([2500.0]), 500.0).tolist() == [3]
    # southern red-soil tolerance 500: 499 is 微度, 500 is 轻度
    assert intensity.classify_intensity(np.array([499.0, 500.0]), 500.0).tolist() == [1, 2]
    with pytest.raises(InputError):
        intensity.classify_intensity(a, 3000.0)


def test_swc_rate_by_hand():
    # a 4 × 5 map (t/km²·a): 7 cells at or above 200 → 13 / 20 = 65 %
    a = np.array(
        [[0, 50, 199, 200, 250], [10, 2500, 100, 0, 0], [15000, 80, 0, 0, 5000], [0, 0, 8000, 1, 199.5]],
        dtype=float,
    )
    cls = intensity.classify_intensity(a)
    assert int((cls >= 2).sum()) == 6
    assert intensity.swc_rate(a.size, int((cls >= 2).sum())) == pytest.approx(100 * 14 / 20)
    assert intensity.swc_rate(0, 0) is None
    assert intensity.area_to_treat(100.0, 30.0, standards.SWC_RATE_TARGET_2025) == pytest.approx(
        30.0 - (100 - 79.96)
    )
    assert intensity.area_to_treat(100.0, 10.0, 84.07) == 0.0


# --- lookup tables ------------------------------------------------------------------


def test_shipped_tables_parse():
    lu = lookups.read_landuse_table(os.path.join(TABLES, standards.LANDUSE_TABLE_HEBEI))
    idx, missing = lookups.match_landuse(["0101", "0301", "0399", "1206", "0701"], lu)
    assert not missing
    assert [lu[i].b for i in idx] == [1.0, 0.02, 0.02, 1.0, 0.0]
    assert lu[idx[0]].t == 0.01 and lu[idx[1]].cover == "forest"
    _, missing = lookups.match_landuse(["9999", "0101", "abc"], lu)
    assert missing == ["9999", "abc"]
    ywz = lookups.read_landuse_table(os.path.join(TABLES, standards.LANDUSE_TABLE_YOUWUZHEN))
    _, missing = lookups.match_landuse([4, 6, 8, 18, 33, 104, 106], ywz)
    assert not missing
    meas = lookups.read_measure_table(os.path.join(TABLES, standards.MEASURE_TABLE))
    idx, missing = lookups.match_measures(["鱼鳞坑", "TERRACE_EARTH", "contour tillage", "x"], meas)
    assert missing == ["x"]
    assert meas[idx[0]].e == 0.249 and meas[idx[1]].e == 0.084 and meas[idx[2]].t == 0.5
    assert meas[idx[0]].t is None
    fvc = lookups.read_fvc_table(os.path.join(TABLES, standards.FVC_TABLE))
    assert factors.fvc_to_b(np.array([0.1, 0.2, 0.85]), fvc["grass"]).tolist() == [0.45, 0.24, 0.043]
    codes, ks = lookups.read_value_table(os.path.join(TABLES, "soil_k_youwuzhen_seims.csv"))
    assert codes.tolist() == [201, 202, 203, 204, 205] and 0.02 < ks.min() < ks.max() < 0.04


def test_table_errors_say_what_to_fix(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("# comment\ncode,B\n1,0.5\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        lookups.read_landuse_table(str(bad))
    assert "t" in err.value.params["missing"]
    bad.write_text("code,B,T\n1,2.5,1\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        lookups.read_landuse_table(str(bad))
    assert "outside" in str(err.value)
    err = lookups.unmatched_error("landuse", ["7", "9"], "t.csv")
    assert "7, 9" in str(err)


# --- A as the product of its factors, on files ------------------------------------


def _small_case(tmp_path):
    ls = np.array([[1.0, 2.0, 3.0, 4.0], [0.5, 1.5, 2.5, np.nan], [10.0, 20.0, 0.1, 1.0]])
    r = np.array([[3000.0, 3000.0, 3500.0, 3500.0]] * 3)
    lu = np.array([[1, 1, 2, 2], [1, 2, 3, 1], [2, 2, 255, 3]], dtype=np.uint8)
    meas = np.array([[0, 1, 1, 0], [0, 0, 2, 0], [1, 0, 0, 0]], dtype=np.int32)
    zones = np.array([[1, 1, 2, 2], [1, 1, 2, 2], [1, 1, 2, 2]], dtype=np.int32)
    paths = {
        "ls": _write(tmp_path / "ls.tif", ls, nodata=-9999.0),
        "r": _write(tmp_path / "r.tif", r),
        "lu": _write(tmp_path / "lu.tif", lu, gdal.GDT_Byte, nodata=255),
        "meas": _write(tmp_path / "meas.tif", meas, gdal.GDT_Int32),
        "zones": _write(tmp_path / "zones.tif", zones, gdal.GDT_Int32),
    }
    ls[np.isnan(ls)] = np.nan
    return paths, ls, r, lu, meas, zones


def test_soil_loss_is_the_product_of_its_factors(tmp_path):
    paths, ls, r, lu, meas, zones = _small_case(tmp_path)
    k = 0.03
    # land use 1: cropland B 1, T 1; 2: forest B 0.02; 3: paddy B 1, T 0.01
    landuse = sl.LandUseSource(
        paths["lu"],
        np.array([1.0, 2.0, 3.0]),
        np.array([1.0, 0.02, 1.0]),
        np.array([1.0, 1.0, 0.01]),
        ["", "forest", ""],
    )
    # measure 1: fish-scale pits E 0.249; 2: contour tillage T 0.5 (min with the land-use T)
    measures = sl.MeasureSource(paths["meas"], np.array([1.0, 0.249, 1.0]), np.array([np.nan, np.nan, 0.5]))
    out, cls_path = str(tmp_path / "a.tif"), str(tmp_path / "c.tif")
    res = sl.soil_loss(
        sl.Factors(
            sl.FactorSource(path=paths["ls"]),
            sl.FactorSource(path=paths["r"]),
            sl.FactorSource(constant=k),
            landuse,
            measures=measures,
        ),
        out,
        cls_path,
        zones=sl.Zones(paths["zones"], 2),
        settings=sl.Settings(block_rows=2, block_cols=3),
    )
    a, nod = _read(out)
    b = np.choose(lu % 255 - 1 + (lu == 255), [1.0, 0.02, 1.0])
    t = np.choose(lu % 255 - 1 + (lu == 255), [1.0, 1.0, 0.01])
    e = np.choose(meas, [1.0, 0.249, 1.0])
    t = np.where(meas == 2, np.minimum(t, 0.5), t)
    expected = 100.0 * r * k * ls * b * e * t
    expected[lu == 255] = np.nan
    valid = ~np.isnan(expected)
    np.testing.assert_allclose(a[valid], expected[valid], rtol=1e-6)
    assert (a[~valid] == nod).all()
    # hand check of one cell: row 0 col 1: 100·3000·0.03·2·1·0.249·1 = 4482
    assert a[0, 1] == pytest.approx(4482.0, rel=1e-6)
    cls, _ = _read(cls_path)
    np.testing.assert_array_equal(cls[valid], intensity.classify_intensity(expected[valid]))
    assert cls[0, 1] == 3  # 4 482 is 中度
    # zonal sums
    cell_km2 = 100.0 / 1e6
    for zz in (1, 2):
        sel = valid & (zones == zz)
        land = (zones == zz).sum()  # the zone's land: every cell, with or without a value
        row = res.zone_row(zz)
        assert row["AREA_KM2"] == pytest.approx(land * cell_km2)
        assert row["VALUE_KM2"] == pytest.approx(sel.sum() * cell_km2)
        assert row["NODATA_KM2"] == pytest.approx((land - sel.sum()) * cell_km2)
        assert row["SOIL_LOSS_T"] == pytest.approx(expected[sel].sum() * cell_km2, rel=1e-9)
        assert row["MEAN_MODULUS"] == pytest.approx(expected[sel].mean(), rel=1e-9)
        eroded = (expected[sel] >= 200).sum()
        assert row["ERODED_KM2"] == pytest.approx(eroded * cell_km2)
        assert row["SWC_RATE"] == pytest.approx(100.0 * (land - eroded) / land)
        assert row["SWC_RATE_MIN"] == pytest.approx(100.0 * (sel.sum() - eroded) / land)
        base = 100.0 * r * k * ls * b * np.choose(lu % 255 - 1 + (lu == 255), [1.0, 1.0, 0.01])
        assert row["BASE_LOSS_T"] == pytest.approx(base[sel].sum() * cell_km2, rel=1e-9)
        assert row["REDUCTION_T"] == pytest.approx(
            (base[sel].sum() - expected[sel].sum()) * cell_km2, rel=1e-9
        )
        base_eroded = (base[sel] >= 200).sum()
        assert row["RATE_GAIN"] == pytest.approx(100.0 * (base_eroded - eroded) / land)
    assert res.missing == {"LS": 1}  # the LS nodata cell has land use


def test_soil_loss_blocked_equals_whole_and_baseline_raster(tmp_path):
    rng = np.random.default_rng(7)
    ls = rng.uniform(0.1, 20, (37, 23))
    lu = rng.integers(1, 3, (37, 23)).astype(np.uint8)
    p_ls = _write(tmp_path / "ls.tif", ls)
    p_lu = _write(tmp_path / "lu.tif", lu, gdal.GDT_Byte, nodata=0)
    landuse = sl.LandUseSource(
        p_lu, np.array([1.0, 2.0]), np.array([1.0, 0.1]), np.array([1.0, 1.0]), ["", ""]
    )
    factors = sl.Factors(
        sl.FactorSource(path=p_ls),
        sl.FactorSource(constant=2000.0),
        sl.FactorSource(constant=0.04),
        landuse,
    )
    whole = sl.soil_loss(factors, str(tmp_path / "w.tif"))
    blocked = sl.soil_loss(
        factors,
        str(tmp_path / "b.tif"),
        settings=sl.Settings(block_rows=5, block_cols=7),
        baseline_path=str(tmp_path / "w.tif"),
    )
    np.testing.assert_array_equal(_read(tmp_path / "w.tif")[0], _read(tmp_path / "b.tif")[0])
    np.testing.assert_array_equal(whole.class_cells, blocked.class_cells)
    row = blocked.zone_row(0)
    # the baseline raster is float32: equal within its precision
    assert abs(row["REDUCTION_T"]) < 1e-6 * row["SOIL_LOSS_T"] and row["RATE_GAIN"] == 0.0


def test_soil_loss_fvc_b(tmp_path):
    lu = np.array([[1, 1, 2, 2]], dtype=np.uint8)
    fvc = np.array([[10.0, 85.0, 30.0, 65.0]])  # percent
    p_lu = _write(tmp_path / "lu.tif", lu, gdal.GDT_Byte, nodata=0)
    p_fvc = _write(tmp_path / "fvc.tif", fvc)
    landuse = sl.LandUseSource(
        p_lu, np.array([1.0, 2.0]), np.array([0.5, 0.5]), np.array([1.0, 1.0]), ["grass", "forest"]
    )
    table = lookups.read_fvc_table(os.path.join(TABLES, standards.FVC_TABLE))
    out = str(tmp_path / "a.tif")
    sl.soil_loss(
        sl.Factors(
            sl.FactorSource(constant=1.0),
            sl.FactorSource(constant=100.0),
            sl.FactorSource(constant=0.01),
            landuse,
            fvc=sl.FvcSource(p_fvc, table, percent=True),
        ),
        out,
        grid=GridSpec((39500000.0, 10.0, 0.0, 4500000.0, 0.0, -10.0), (1, 4), None, _srs_wkt()),
    )
    np.testing.assert_allclose(_read(out)[0][0], [45.0, 4.3, 8.0, 2.0], rtol=1e-6)  # 100·R·K·B


def test_soil_loss_cancel_leaves_no_output(tmp_path):
    paths, *_ = _small_case(tmp_path)
    landuse = sl.LandUseSource(paths["lu"], np.array([1.0, 2.0, 3.0]), np.ones(3), np.ones(3), ["", "", ""])
    out = tmp_path / "a.tif"
    with pytest.raises(Cancelled):
        sl.soil_loss(
            sl.Factors(
                sl.FactorSource(path=paths["ls"]),
                sl.FactorSource(constant=1.0),
                sl.FactorSource(constant=1.0),
                landuse,
            ),
            str(out),
            str(tmp_path / "c.tif"),
            is_cancelled=lambda: True,
        )
    assert not out.exists() and not [p for p in os.listdir(tmp_path) if ".tmp." in p]


# --- rate per unit from rasters ----------------------------------------------------


def test_swc_rate_cells_modulus_and_intensity(tmp_path):
    a = np.array(
        [[0, 50, 199, 200, 250], [10, 2500, 100, 0, 0], [15000, 80, 0, 0, 5000], [0, 0, 8000, 1, -9999]],
        dtype=np.float32,
    )
    zones = np.array([[1, 1, 1, 2, 2]] * 4, dtype=np.int32)
    p_a = _write(tmp_path / "a.tif", a, nodata=-9999.0)
    p_z = _write(tmp_path / "z.tif", zones, gdal.GDT_Int32)
    res = intensity.swc_rate_cells(p_a, p_z, 2)
    assert res.kind == intensity.KIND_MODULUS
    # zone 1: 12 cells, eroded 2500, 15000, 8000 → 3; zone 2: 7 valid cells, eroded 200, 250, 5000
    assert res.class_cells[1, 1:].sum() == 12 and res.class_cells[1, 2:].sum() == 3
    assert res.class_cells[2, 1:].sum() == 7 and res.class_cells[2, 2:].sum() == 3
    row = res.counts.row(1, 100.0)
    assert row["SWC_RATE"] == pytest.approx(75.0) and row["NODATA_KM2"] == 0.0
    # zone 2: 8 cells of land, one without a value: the denominator keeps it, the gap is reported
    row2 = res.counts.row(2, 100.0)
    assert row2["AREA_KM2"] == pytest.approx(8e-4) and row2["NODATA_KM2"] == pytest.approx(1e-4)
    assert row2["SWC_RATE"] == pytest.approx(100 * 5 / 8) and row2["SWC_RATE_MIN"] == pytest.approx(50.0)
    assert row2["COVER_PCT"] == pytest.approx(87.5) and intensity.partly_covered(row2)
    assert row2["WIND_KM2"] is None  # no wind input
    # tolerance 500: 200 and 250 are no longer eroded in zone 2
    res500 = intensity.swc_rate_cells(p_a, p_z, 2, tolerance=500.0)
    assert res500.class_cells[2, 2:].sum() == 1
    # the same from the intensity raster
    cls = intensity.classify_intensity(np.where(a == -9999, np.nan, a))
    p_c = _write(tmp_path / "c.tif", cls, gdal.GDT_Byte, nodata=0)
    res_c = intensity.swc_rate_cells(p_c, p_z, 2)
    assert res_c.kind == intensity.KIND_INTENSITY
    np.testing.assert_array_equal(res_c.class_cells, res.class_cells)


# --- domain rules the algorithms used to hold ------------------------------------------


def test_fvc_unit_by_the_raster_maximum(tmp_path):
    frac = _write(tmp_path / "f.tif", np.array([[0.0, 0.35, 1.0]]))
    pct = _write(tmp_path / "p.tif", np.array([[0.0, 35.0, 85.0]]))
    assert factors.fvc_unit(frac) == (False, 1.0)
    assert factors.fvc_unit(pct) == (True, 85.0)
    # nodata is not counted: a fraction raster with -9999 holes stays a fraction
    holes = _write(tmp_path / "h.tif", np.array([[0.2, -9999.0, 0.9]]), nodata=-9999.0)
    assert factors.fvc_unit(holes) == (False, pytest.approx(0.9))


def test_measure_factors_e_and_t_per_polygon():
    meas = lookups.read_measure_table(os.path.join(TABLES, standards.MEASURE_TABLE))
    rows, missing = lookups.match_measures(["鱼鳞坑", "contour tillage", "鱼鳞坑"], meas)
    assert not missing
    e, t = lookups.measure_factors(rows, meas)
    # index 0: no measure (E 1, T from the land use); then one entry per polygon, in order
    assert e.tolist() == [1.0, meas[rows[0]].e, meas[rows[1]].e, meas[rows[0]].e]
    assert np.isnan(t[0]) and np.isnan(t[1]) and t[2] == meas[rows[1]].t == 0.5 and np.isnan(t[3])


def test_unit_rate_gap_and_area_to_treat_by_hand():
    # 400 cells of 100 m² in the grid (300 slight, 60 light, 40 moderate) and 0.01 km² of the unit
    # beyond the raster: land 0.05 km², eroded 0.01, without data 0.01 → rate 80 %, 60 % at worst
    counts = intensity.RateCounts.empty(2)
    water = np.array([1] * 300 + [2] * 60 + [3] * 40)
    counts.add(np.ones(400, dtype=int), np.ones(400, dtype=bool), water)
    unit = intensity.unit_rate(counts.row(1, 100.0, extra_m2=10_000.0), 50_000.0, [79.96, 84.07, 70.0])
    assert unit.area_km2 == pytest.approx(0.05) and unit.eroded_km2 == pytest.approx(0.01)
    assert unit.nodata_km2 == pytest.approx(0.01) and unit.rate == pytest.approx(80.0)
    assert unit.summary["SWC_RATE_MIN"] == pytest.approx(60.0)
    # to reach 84.07 %, 0.8407·0.05 − 0.04 km² of the eroded land must be treated
    first, second, third = unit.targets
    assert first.gap == pytest.approx(-0.04) and first.treat_km2 == 0.0
    assert second.gap == pytest.approx(4.07) and second.treat_km2 == pytest.approx(0.8407 * 0.05 - 0.04)
    assert third.gap == pytest.approx(-10.0) and third.treat_km2 == 0.0
    assert unit.poly_km2 == 0.05 and unit.cover_pct == pytest.approx(80.0) and unit.partly_covered
    empty = intensity.unit_rate(intensity.RateCounts.empty(1).row(0, 100.0), 50_000.0, [79.96])
    assert empty.rate is None and empty.targets[0].gap is None and empty.cover_pct is None
