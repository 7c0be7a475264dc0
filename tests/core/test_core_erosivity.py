"""Rainfall erosivity core: the Zhang, Xie & Liu (2002) daily model against hand calculations,
the gap rule, the errors, and the gridding against independent interpolations (no QGIS).
"""

import math
import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from swc_planner.algorithms.core.erosion import erosivity as ev
from swc_planner.algorithms.core.errors import Cancelled, InputError
from swc_planner.algorithms.core.grid import GridSpec


def _wkt(epsg=4527):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def _hand_beta_alpha(pd12, py12):
    """The paper's two equations written out once more, independently of the module."""
    beta = 0.8363 + 18.144 / pd12 + 24.455 / py12
    return beta, 21.586 * beta**-7.1891


def _year_rows(station, year, rain_by_day):
    """Daily rows of a whole year: ``rain_by_day`` maps 'MM-DD' to mm, other days 0 mm."""
    days = np.arange(np.datetime64(f"{year}-01-01"), np.datetime64(f"{year + 1}-01-01"))
    rows = []
    for d in days:
        rows.append((station, str(d), rain_by_day.get(str(d)[5:], 0.0)))
    return rows


def _split(rows):
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


def test_issue_station_by_hand():
    # P_d12 = 25, P_y12 = 400 -> beta 1.623, alpha 0.663; one 50 mm day -> 380 (issue 13)
    beta, alpha = ev.beta_alpha(25.0, 400.0)
    hb, ha = _hand_beta_alpha(25.0, 400.0)
    assert float(beta) == pytest.approx(1.6232, abs=5e-5) and float(beta) == pytest.approx(hb, rel=1e-12)
    assert float(alpha) == pytest.approx(0.6634, abs=5e-5) and float(alpha) == pytest.approx(ha, rel=1e-12)
    m = ev.half_month_erosivity([50.0], float(alpha), float(beta))
    assert m == pytest.approx(ha * 50.0**hb, rel=1e-12)
    assert m == pytest.approx(379.8, abs=0.05)


def test_station_record_gives_the_issue_station():
    # each year: one 50 mm day alone in its half-month (Jul 1) and 15 days of 70/3 mm elsewhere:
    # 16 erosive days, 400 mm -> P_d12 = 25, P_y12 = 400; 11.9 mm days are not erosive
    other = {f"08-{d:02d}": 70.0 / 3.0 for d in range(1, 16)}
    rain = {"07-01": 50.0, "06-20": 11.9, "09-03": 5.0, **other}
    rows = _year_rows("54511", 2018, rain) + _year_rows("54511", 2019, rain)
    res = ev.station_erosivity(*_split(rows))
    assert res.stations == ["54511"]
    assert res.pd12[0] == pytest.approx(25.0) and res.py12[0] == pytest.approx(400.0)
    beta, alpha = _hand_beta_alpha(25.0, 400.0)
    assert res.beta[0] == pytest.approx(beta) and res.alpha[0] == pytest.approx(alpha)
    # half-month 13 = July 1-15 holds only the 50 mm day; 15 = August 1-15 the fifteen others
    assert res.half_month[0, 12] == pytest.approx(379.8, abs=0.05)
    assert res.half_month[0, 14] == pytest.approx(15 * alpha * (70.0 / 3.0) ** beta)
    assert res.half_month[0, 11] == 0.0  # June 16-30: 11.9 mm is below the threshold
    annual = alpha * 50.0**beta + 15 * alpha * (70.0 / 3.0) ** beta
    assert res.r[0] == pytest.approx(annual)
    assert res.years[0] == 2 and res.erosive_days[0] == 32
    assert res.dropped == [] and res.dry_years == [] and res.missing_days[0] == 0


def test_half_month_boundaries_and_leap_day():
    # 15th is in the first half, 16th in the second; Feb 29 of a leap year in the second half of Feb
    rain = {"01-15": 20.0, "01-16": 30.0, "02-29": 40.0, "12-31": 12.0}
    rows = _year_rows("A", 2020, rain)
    res = ev.station_erosivity(*_split(rows))
    a, b = res.alpha[0], res.beta[0]
    expected = np.zeros(24)
    expected[0] = a * 20.0**b
    expected[1] = a * 30.0**b
    expected[3] = a * 40.0**b
    expected[23] = a * 12.0**b  # exactly the threshold is erosive
    assert np.allclose(res.half_month[0], expected)
    assert res.pd12[0] == pytest.approx((20 + 30 + 40 + 12) / 4)


def test_gap_rule_drops_short_years_and_reports_missing_days():
    rain = {"07-10": 30.0, "08-10": 20.0}
    full = _year_rows("S", 2015, rain)
    short = [
        r for r in _year_rows("S", 2016, {"07-10": 90.0}) if not r[1].startswith("2016-0")
    ]  # Oct-Dec only
    gappy = [r for r in _year_rows("S", 2017, rain) if r[1][5:7] != "03"][: 365 - 0]  # March absent (31 days)
    gappy = [r for r in gappy if r[1] != "2017-04-01"]  # 32 days absent
    rows = full + short + gappy
    res = ev.station_erosivity(*_split(rows), min_coverage=90.0)
    # 2016 has 92 of 366 days -> dropped; 2017 has 333 of 365 (91.2 %) -> used, 32 days as dry
    assert res.dropped == [("S", 2016, 92, 366)]
    assert res.years[0] == 2 and res.missing_days[0] == 32
    b, a = _hand_beta_alpha(25.0, 50.0)
    assert res.r[0] == pytest.approx(a * 30.0**b + a * 20.0**b)
    # stricter coverage drops 2017 too
    strict = ev.station_erosivity(*_split(rows), min_coverage=95.0)
    assert strict.years[0] == 1 and ("S", 2017, 333, 365) in strict.dropped
    # coverage 0: every year with a row counts, absent days are dry
    lax = ev.station_erosivity(*_split(rows), min_coverage=0.0)
    assert lax.years[0] == 3 and lax.dropped == []


def test_rainy_days_only_table_needs_coverage_zero():
    rows = [("S", "2019-07-01", 30.0), ("S", "2019-08-01", 15.0), ("S", "2020-07-05", 25.0)]
    with pytest.raises(InputError) as err:
        ev.station_erosivity(*_split(rows))
    assert "minimum year coverage to 0" in str(err.value)
    res = ev.station_erosivity(*_split(rows), min_coverage=0.0)
    b, a = _hand_beta_alpha((30 + 15 + 25) / 3, (30 + 15 + 25) / 2)
    assert res.r[0] == pytest.approx((a * 30**b + a * 15**b + a * 25**b) / 2)


def test_dry_year_counts_with_zero_and_is_reported():
    rows = _year_rows("S", 2010, {"07-01": 40.0}) + _year_rows("S", 2011, {"07-01": 8.0})
    res = ev.station_erosivity(*_split(rows))
    b, a = _hand_beta_alpha(40.0, 20.0)
    assert res.dry_years == [("S", 2011)]
    assert res.r[0] == pytest.approx(a * 40.0**b / 2)
    assert np.isclose(res.annual[0, 1], 0.0)


def test_station_without_erosive_day_is_an_error_naming_it():
    rows = _year_rows("OK", 2010, {"07-01": 40.0}) + _year_rows("DRY", 2010, {"07-01": 11.0})
    with pytest.raises(InputError) as err:
        ev.station_erosivity(*_split(rows))
    assert "DRY" in str(err.value) and "OK" not in str(err.value).split("have")[0]


def test_duplicates_bad_dates_and_missing_ids():
    with pytest.raises(InputError, match="more than one row"):
        ev.station_erosivity(["A", "A"], ["2020-01-01", "2020-01-01"], [1.0, 2.0], min_coverage=0)
    with pytest.raises(InputError, match="no readable date"):
        ev.station_erosivity(["A", "A"], ["2020-01-01", "01/02/2020x"], [1.0, 2.0], min_coverage=0)
    with pytest.raises(InputError, match="no station id"):
        ev.station_erosivity(["A", ""], ["2020-01-01", "2020-01-02"], [1.0, 2.0], min_coverage=0)
    with pytest.raises(InputError):
        ev.station_erosivity([], [], [])


def test_date_formats_and_codes():
    dates, bad = ev.parse_dates(["2020-7-1", "2020/07/02", "20200703", "2020-07-04T08:00:00", "2021-02-29"])
    assert [str(d) for d in dates[:4]] == ["2020-07-01", "2020-07-02", "2020-07-03", "2020-07-04"]
    assert bad == [4]
    # CMA trace code is 0 mm, missing code and negatives are missing: not erosive, not a row
    rain = ev.clean_rain([32700, 32766, -5.0, 20.0])
    assert rain[0] == 0.0 and np.isnan(rain[1]) and np.isnan(rain[2]) and rain[3] == 20.0


def test_coefficients_parameter():
    c = ev.parse_coefficients("0.8363,18.144,24.455,21.586,-7.1891", 10.0)
    assert c.threshold == 10.0 and c.beta_d == 18.144
    with pytest.raises(InputError):
        ev.parse_coefficients("1,2,3")
    rows = _year_rows("S", 2010, {"07-01": 11.0, "07-20": 30.0})
    r12 = ev.station_erosivity(*_split(rows))
    r10 = ev.station_erosivity(*_split(rows), coefficients=c)
    assert r10.erosive_days[0] == 2 and r12.erosive_days[0] == 1


# ---------------------------------------------------------------------------
# gridding
# ---------------------------------------------------------------------------

GRID = GridSpec((39500000.0, 1000.0, 0.0, 4500000.0, 0.0, -1000.0), (20, 30), None, _wkt())
STATION_CELLS = [(2, 3), (5, 20), (15, 8), (18, 27), (10, 14)]


def _stations():
    xs = np.array([GRID.cell_center(r, c)[0] for r, c in STATION_CELLS])
    ys = np.array([GRID.cell_center(r, c)[1] for r, c in STATION_CELLS])
    return xs, ys


def _read(path):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    a = band.ReadAsArray().astype(np.float64)
    a[a == band.GetNoDataValue()] = np.nan
    return a


@pytest.mark.parametrize("method", [ev.METHOD_IDW, ev.METHOD_LINEAR])
def test_interpolation_returns_station_values_at_their_cells(tmp_path, method):
    xs, ys = _stations()
    values = [1000.0, 2000.0, 3000.0, 1500.0, 2500.0]
    res = ev.interpolate_r(
        xs, ys, values, GRID, str(tmp_path / "r.tif"), method=method, block_rows=7, block_cols=9
    )
    a = _read(res.path)
    assert [a[r, c] for r, c in STATION_CELLS] == pytest.approx(values, abs=1e-3)
    assert np.isfinite(a).all() and res.valid_cells == a.size
    assert res.r_min == pytest.approx(1000.0) and res.r_max == pytest.approx(3000.0)
    assert ev.sample_raster(res.path, xs, ys) == pytest.approx(values, abs=1e-3)


def test_idw_equals_an_independent_inverse_distance_sum(tmp_path):
    xs, ys = _stations()
    values = np.array([1000.0, 2000.0, 3000.0, 1500.0, 2500.0])
    res = ev.interpolate_r(xs, ys, values, GRID, str(tmp_path / "r.tif"), method=ev.METHOD_IDW, power=2.0)
    a = _read(res.path)
    rows, cols = np.mgrid[0 : GRID.rows, 0 : GRID.cols]
    cx = GRID.geotransform[0] + (cols + 0.5) * 1000.0
    cy = GRID.geotransform[3] - (rows + 0.5) * 1000.0
    d2 = (cx[..., None] - xs) ** 2 + (cy[..., None] - ys) ** 2
    with np.errstate(divide="ignore", invalid="ignore"):
        w = 1.0 / d2
        expected = (w * values).sum(axis=-1) / w.sum(axis=-1)
    at_station = (d2 == 0).any(axis=-1)
    expected[at_station] = (values * (d2 == 0)).sum(axis=-1)[at_station]
    assert np.allclose(a, expected, rtol=2e-6)


def test_linear_reproduces_a_plane_inside_the_hull(tmp_path):
    xs, ys = _stations()

    def plane(x, y):
        return 1200.0 + 2.0 * (x - 39500000.0) / 1000.0 + 3.0 * (4500000.0 - y) / 1000.0

    res = ev.interpolate_r(xs, ys, plane(xs, ys), GRID, str(tmp_path / "r.tif"), method=ev.METHOD_LINEAR)
    a = _read(res.path)
    rows, cols = np.mgrid[0 : GRID.rows, 0 : GRID.cols]
    cx = GRID.geotransform[0] + (cols + 0.5) * 1000.0
    cy = GRID.geotransform[3] - (rows + 0.5) * 1000.0
    multi = ogr.Geometry(ogr.wkbMultiPoint)
    for x, y in zip(xs, ys):
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(float(x), float(y))
        multi.AddGeometry(p)
    poly = multi.ConvexHull()
    inside = np.array(
        [
            [poly.Contains(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})")) for x, y in zip(rx, ry)]
            for rx, ry in zip(cx, cy)
        ]
    )
    assert inside.sum() > 100
    assert np.allclose(a[inside], plane(cx, cy)[inside], atol=1e-2)
    # cells whose centre lies exactly on the hull's edges may go either way
    on_edge = np.array(
        [[poly.Boundary().Distance(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})")) < 1e-6 for x, y in zip(rx, ry)]
         for rx, ry in zip(cx, cy)]
    )  # fmt: skip
    outside = a.size - inside.sum()
    assert outside - on_edge.sum() <= res.outside_hull_cells <= outside


def test_mask_and_cancel(tmp_path):
    xs, ys = _stations()
    mask = np.ones(GRID.shape, dtype=np.float32)
    mask[:5, :] = -1.0
    mpath = str(tmp_path / "mask.tif")
    ds = gdal.GetDriverByName("GTiff").Create(mpath, GRID.cols, GRID.rows, 1, gdal.GDT_Float32)
    ds.SetGeoTransform(GRID.geotransform)
    ds.SetProjection(GRID.crs_wkt)
    ds.GetRasterBand(1).SetNoDataValue(-1.0)
    ds.GetRasterBand(1).WriteArray(mask)
    ds = None
    res = ev.interpolate_r(xs, ys, [1.0, 2.0, 3.0, 4.0, 5.0], GRID, str(tmp_path / "r.tif"), mask_path=mpath)
    a = _read(res.path)
    assert np.isnan(a[:5]).all() and np.isfinite(a[5:]).all() and res.valid_cells == 15 * 30
    out = str(tmp_path / "c.tif")
    with pytest.raises(Cancelled):
        ev.interpolate_r(xs, ys, [1.0] * 5, GRID, out, is_cancelled=lambda: True)
    assert not os.path.exists(out)
    assert [f for f in os.listdir(tmp_path) if f.startswith(".")] == []


def test_linear_needs_three_stations_and_grid_around_points():
    with pytest.raises(InputError, match="at least 3"):
        ev.interpolate_r(
            [0.0, 1.0], [0.0, 1.0], [1.0, 2.0], GRID, "/nonexistent/x.tif", method=ev.METHOD_LINEAR
        )
    g = ev.grid_around_points([1000.0, 21000.0], [5000.0, 15000.0], 1000.0, _wkt(), pad_fraction=0.1)
    x0, ymin, x1, y1 = g.extent
    assert x0 <= 1000.0 - 2000.0 and x1 >= 21000.0 + 2000.0 and y1 >= 15000.0 + 2000.0
    assert g.cellsize_x == 1000.0 and math.isclose(x0 % 1000.0, 0.0)
