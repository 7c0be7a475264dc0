"""Core tests of farmland screening (no QGIS): zonal statistics, terrace detection, rules, design."""

from __future__ import annotations

import doctest
import math
import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from swc_planner.algorithms.core import farmland as F  # noqa: N812
from swc_planner.algorithms.core import standards as std
from swc_planner.algorithms.core.errors import Cancelled, InputError
from swc_planner.algorithms.core.io.vector import rasterize
from swc_planner.algorithms.core.slopeclass import classify_slope

X0, Y0 = 39500000.0, 4400000.0


# --- synthetic surfaces --------------------------------------------------------------------------
def terrace_drop(s, theta, bench, riser_angle=75.0, bench_tilt=0.0):
    """Drop (m) below the top along the fall-line distance ``s`` of level terraces.

    Net bench width ``bench``; the overall gradient is tan(theta) (the same mean
    slope as the untreated plane); the riser height follows:
    H = W tan θ with gross width W = B / (1 − tan θ cot α).
    """
    t = math.tan(math.radians(theta))
    ca = 1.0 / math.tan(math.radians(riser_angle))
    gross = bench / (1.0 - t * ca)
    height = gross * t
    foot = height * ca
    k = np.floor(s / gross)
    p = s - k * gross
    tilt = math.tan(math.radians(bench_tilt))
    riser = height - tilt * bench
    return k * height + np.where(p < bench, tilt * p, tilt * bench + riser * (p - bench) / foot)


def plane_drop(s, theta):
    return s * math.tan(math.radians(theta))


def write_dem(path, z, cell, nodata=-9999.0):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), z.shape[1], z.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform((X0, cell, 0.0, Y0, 0.0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(np.where(np.isnan(z), nodata, z).astype(np.float32))
    ds = None
    return str(path)


def rect(x0, x1, y0, y1):
    """Rectangle in metres from the DEM's upper-left corner (y downwards)."""
    ring = (
        f"{X0 + x0} {Y0 - y1},{X0 + x1} {Y0 - y1},{X0 + x1} {Y0 - y0},{X0 + x0} {Y0 - y0},{X0 + x0} {Y0 - y1}"
    )
    return ogr.CreateGeometryFromWkt(f"POLYGON(({ring}))").ExportToWkb()


def line(x0, y0, x1, y1):
    return ogr.CreateGeometryFromWkt(f"LINESTRING({X0 + x0} {Y0 - y0},{X0 + x1} {Y0 - y1})").ExportToWkb()


def gdaldem_slope(dem_path, tmp_path):
    out = str(tmp_path / "gdaldem_slope.tif")
    gdal.DEMProcessing(out, dem_path, "slope", computeEdges=True)
    ds = gdal.Open(out)
    arr = ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
    nodata = ds.GetRasterBand(1).GetNoDataValue()
    arr[arr == nodata] = np.nan
    return arr


def hillside(cell, theta=14.0, bench=8.0, rows_m=100.0, aspect=0.0, noise=0.0, seed=0):
    """Left half level terraces, right half an untreated plane of the same mean slope."""
    n_r, n_c = int(rows_m / cell), int(200.0 / cell)
    xs = (np.arange(n_c) + 0.5) * cell
    ys = (np.arange(n_r) + 0.5) * cell
    xx, yy = np.meshgrid(xs, ys)
    a = math.radians(aspect)
    s = yy * math.cos(a) + xx * math.sin(a)
    z = np.where(xx < 100.0, 500.0 - terrace_drop(s, theta, bench), 500.0 - plane_drop(s, theta))
    if noise:
        z = z + np.random.default_rng(seed).normal(0.0, noise, z.shape)
    return z


# --- doctests, histograms ------------------------------------------------------------------------
def test_doctests():
    assert doctest.testmod(F).failed == 0


def test_histogram_quantile_matches_numpy_inverted_cdf():
    rng = np.random.default_rng(3)
    labels = rng.integers(1, 40, 20000)
    values = rng.gamma(2.0, 6.0, 20000).clip(0, 89.9)
    hist = F.ParcelHistogram(0.1, flush=500)  # many merges
    for part in np.array_split(np.arange(20000), 7):
        hist.add(labels[part], values[part])
    hist.finish()
    q = hist.quantile(0.9, 40)
    for k in range(1, 40):
        ref = np.percentile(values[labels == k], 90, method="inverted_cdf")
        assert abs(q[k] - ref) <= 0.05 + 1e-9
    assert np.isnan(q[0])
    np.testing.assert_array_equal(hist.totals(40)[1:], np.bincount(labels, minlength=41)[1:])


# --- zonal statistics equal an independent computation ---------------------------------------------
def test_parcel_statistics_equal_gdaldem_zonal(tmp_path):
    rng = np.random.default_rng(11)
    rows, cols, cell = 157, 203, 5.0
    yy, xx = np.mgrid[0:rows, 0:cols].astype(float)
    z = 300 + 40 * np.sin(xx / 23.0) * np.cos(yy / 31.0) + 0.8 * yy + rng.normal(0, 0.3, (rows, cols))
    z[70:75, 90:96] = np.nan  # a nodata hole
    dem = write_dem(tmp_path / "dem.tif", z, cell)
    parcels = []
    for i in range(6):
        for j in range(5):
            x0, y0 = 13.0 + i * 160.0 + rng.uniform(0, 20), 9.0 + j * 150.0 + rng.uniform(0, 20)
            parcels.append(
                (len(parcels) + 1, rect(x0, x0 + rng.uniform(60, 140), y0, y0 + rng.uniform(50, 130)))
            )
    from swc_planner.algorithms.core.io.raster import read_grid

    labels = rasterize(parcels, read_grid(dem), str(tmp_path / "labels.tif"))
    breaks = std.SLOPE_BREAKS_DEG
    stats = F.parcel_statistics(dem, labels, len(parcels), breaks, block_rows=37, block_cols=53)
    # independent: gdaldem slope on the whole array, zonal by numpy
    ref_slope = gdaldem_slope(dem, tmp_path)
    lab = gdal.Open(labels).ReadAsArray()
    for k in range(1, len(parcels) + 1):
        vals = ref_slope[(lab == k) & ~np.isnan(ref_slope)]
        assert stats.cells[k] == vals.size
        assert stats.mean_slope[k] == pytest.approx(vals.mean(), abs=1e-4)
        assert abs(stats.p90_slope[k] - np.percentile(vals, 90, method="inverted_cdf")) <= 0.0501
        counts = np.bincount(classify_slope(vals, breaks), minlength=6)[1:]
        np.testing.assert_array_equal(stats.class_cells[k, 1:], counts)
        # largest-area class (np.argmax: the lowest of tied classes); the mean's class apart
        assert stats.slope_class[k] == int(np.argmax(counts)) + 1
        assert stats.mean_class[k] == classify_slope(np.array([vals.mean()]), breaks)[0]
        zz = z[lab == k]
        assert stats.z_min[k] == pytest.approx(np.nanmin(zz), abs=1e-3)
        assert stats.z_max[k] == pytest.approx(np.nanmax(zz), abs=1e-3)
    # blocked == whole array
    whole = F.parcel_statistics(dem, labels, len(parcels), breaks, block_rows=4096, block_cols=4096)
    np.testing.assert_allclose(whole.mean_slope[1:], stats.mean_slope[1:], atol=1e-9)
    np.testing.assert_allclose(whole.plane_slope[1:], stats.plane_slope[1:], atol=1e-9)
    np.testing.assert_array_equal(whole.p90_slope[1:], stats.p90_slope[1:])
    ti_a = whole.terrace_metrics()[0]
    ti_b = stats.terrace_metrics()[0]
    np.testing.assert_allclose(ti_a[1:], ti_b[1:], atol=1e-12)


def test_plane_fit_slope_is_analytic(tmp_path):
    cell = 2.0
    yy, xx = np.mgrid[0:80, 0:90].astype(float) * cell
    # gradient 0.2 eastwards, 0.3 southwards: slope atan(sqrt(0.13))
    z = 100.0 + 0.2 * xx - 0.3 * yy
    dem = write_dem(tmp_path / "plane.tif", z, cell)
    res = F.screen_farmland(dem, [F.ParcelInput(rect(10, 150, 10, 130))])
    rec = res.records[0]
    expected = math.degrees(math.atan(math.hypot(0.2, 0.3)))
    assert rec.plane_slope == pytest.approx(expected, abs=1e-6)
    assert rec.mean_slope == pytest.approx(expected, abs=1e-4)
    assert rec.terrace_index == 0.0
    assert rec.detected == F.SLOPELAND
    assert rec.relief == pytest.approx(z[5:65, 5:75].max() - z[5:65, 5:75].min(), abs=1e-3)


# --- terrace detection on a synthetic hillside ----------------------------------------------------
@pytest.mark.parametrize(
    "cell,bench,aspect,noise",
    [
        (1.0, 8.0, 0.0, 0.0),  # LiDAR: 8 m benches, risers 2.1 m
        (1.0, 8.0, 30.0, 0.05),  # oblique terraces, 5 cm DEM noise
        (2.0, 6.0, 45.0, 0.0),  # UAV 2 m: narrow 6 m benches on the diagonal
    ],
)
def test_terraces_told_apart_from_plane_of_same_mean_slope(tmp_path, cell, bench, aspect, noise):
    theta = 14.0
    z = hillside(cell, theta, bench, aspect=aspect, noise=noise)
    dem = write_dem(tmp_path / "hill.tif", z, cell)
    parcels = [F.ParcelInput(rect(6, 94, 6, 94)), F.ParcelInput(rect(106, 194, 6, 94))]
    res = F.screen_farmland(dem, parcels)
    terr, plane = res.records
    assert res.terraces_visible
    # same overall gradient ...
    assert terr.plane_slope == pytest.approx(theta, abs=0.6)
    assert plane.plane_slope == pytest.approx(theta, abs=0.2)
    # ... but benches: bimodal local slope vs unimodal plane
    assert terr.terrace_index > 0.45
    assert plane.terrace_index < 0.1
    assert (terr.detected, plane.detected) == (F.TERRACE, F.SLOPELAND)
    assert terr.bench_slope < 1.0  # level benches
    assert terr.planar_share < 0.15  # intact risers
    assert (terr.category, plane.category) == ("flat", "convert")


def test_coarse_dem_falls_back_to_survey_type(tmp_path):
    z = hillside(10.0, 14.0, 30.0)
    dem = write_dem(tmp_path / "coarse.tif", z, 10.0)
    parcels = [
        F.ParcelInput(rect(10, 90, 10, 90), survey_type="TT", survey_grade=4),
        F.ParcelInput(rect(110, 150, 10, 90), survey_type="PD", survey_grade="3"),
        F.ParcelInput(rect(150, 190, 10, 90)),
    ]
    res = F.screen_farmland(dem, parcels)
    assert not res.terraces_visible
    assert [(r.detected, r.source) for r in res.records] == [
        (F.TERRACE, F.SOURCE_SURVEY),
        (F.SLOPELAND, F.SOURCE_SURVEY),
        (F.SLOPELAND, F.SOURCE_ASSUMED),
    ]
    assert [r.type_flag for r in res.records] == [0, 0, 0]
    assert not any(r.dem_terrace for r in res.records)
    # the mean slopes (11.9° on the terraces, 14° on the plane) are class 3 (6–15°); on the 10 m
    # grid the terraces' cells are 24 class 1 (benches), 8 class 3 and 32 class 4 (risers, gdaldem
    # by hand): the largest-area class is 4, so the survey's grade 4 agrees with it
    assert [r.mean_class for r in res.records] == [3, 3, 3]
    assert [r.slope_class for r in res.records] == [4, 3, 3]
    assert [r.grade_flag for r in res.records] == [0, 0, 0]


def test_survey_type_disagreement_is_flagged(tmp_path):
    z = hillside(1.0, 14.0, 8.0)
    dem = write_dem(tmp_path / "hill.tif", z, 1.0)
    parcels = [
        F.ParcelInput(rect(6, 94, 6, 94), survey_type="PD"),
        F.ParcelInput(rect(106, 194, 6, 94), survey_type="梯田"),
    ]
    terr, plane = F.screen_farmland(dem, parcels).records
    assert (terr.type_flag, plane.type_flag) == (1, 1)
    assert plane.category == "upgrade" and plane.rule == "R02"


def test_5_m_dem_too_coarse_for_the_benches_of_a_14_degree_band(tmp_path):
    """12 m benches on a 14° hillside at 5 m cells: the 10–15° band's narrowest typical bench is 7 m,
    1.4 cells (< 2), so the DEM is not used for the terrace type: the survey's TT is (no R02)."""
    z = hillside(5.0, 14.0, 12.0, noise=0.05)
    dem = write_dem(tmp_path / "hill5.tif", z, 5.0)
    parcels = [
        F.ParcelInput(rect(6, 94, 6, 94), survey_type="TT"),
        F.ParcelInput(rect(106, 194, 6, 94), survey_type="TT"),
    ]
    res = F.screen_farmland(dem, parcels)
    assert res.terraces_visible  # a 5 m grid still sees the 10 m benches of the 0–5° band
    for rec in res.records:
        assert not rec.dem_terrace and rec.bench_cells == pytest.approx(7.0 / 5.0)
        assert (rec.detected, rec.source) == (F.TERRACE, F.SOURCE_SURVEY)
        assert rec.rule != "R02" and rec.category == "flat"
    assert res.survey_typed == 2
    # the same hillside at 2 m: 3.5 cells, the DEM decides (and sees the plane is no terrace)
    z2 = hillside(2.0, 14.0, 12.0)
    dem2 = write_dem(tmp_path / "hill2.tif", z2, 2.0)
    terr, plane = F.screen_farmland(dem2, parcels).records
    assert terr.dem_terrace and plane.dem_terrace and terr.bench_cells == pytest.approx(3.5)
    assert (terr.detected, plane.detected) == (F.TERRACE, F.SLOPELAND)
    assert plane.category == "upgrade" and plane.rule == "R02"


def two_plane_dem(tmp_path, cell=5.0):
    """West half a 10° plane, east half a 40° plane, both falling southwards (40 × 40 cells)."""
    rows, cols = 40, 40
    y = (np.arange(rows)[:, None] + 0.5) * cell
    west = 1000.0 - np.tan(np.radians(10.0)) * y * np.ones((1, cols // 2))
    east = 1000.0 - np.tan(np.radians(40.0)) * y * np.ones((1, cols // 2))
    return write_dem(tmp_path / "two_planes.tif", np.hstack([west, east]), cell)


def multi_rect(*rects):
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for r in rects:
        multi.AddGeometry(ogr.CreateGeometryFromWkb(r))
    return multi.ExportToWkb()


def test_largest_area_class_differs_from_the_mean_class(tmp_path):
    """A parcel of 60 cells on the 10° plane (class 3) and 40 on the 40° plane (class 5), all at
    least 3 cells from the join: mean (60·10 + 40·40) / 100 = 22° → class 4, but the largest-area
    class (利用DEM确定耕地坡度分级技术规定: 面积最大的坡度级) is 3; the survey's grade 3 agrees."""
    dem = two_plane_dem(tmp_path)
    # cells of 5 m: west part cols 5–10 × rows 10–19 (6 × 10 = 60), east part cols 28–31 × rows 10–19
    parcel = multi_rect(rect(25, 55, 50, 100), rect(140, 160, 50, 100))
    (rec,) = F.screen_farmland(dem, [F.ParcelInput(parcel, survey_grade=3)]).records
    assert rec.cells == 100
    assert rec.mean_slope == pytest.approx(22.0, abs=1e-3)
    assert (rec.slope_class, rec.mean_class, rec.grade_flag) == (3, 4, 0)


def test_basic_farmland_above_25_degrees_is_not_retired(tmp_path):
    """Three parcels on the 40° plane: free cropland is retired (R03); the one inside 永久基本农田
    gets basic_farmland (P01), the one in 高标准农田 high_standard (P02); a parcel only a third
    inside basic farmland (below the majority) is retired."""
    dem = two_plane_dem(tmp_path)
    parcels = [
        F.ParcelInput(rect(105, 125, 10, 60)),  # free
        F.ParcelInput(rect(130, 150, 10, 60)),  # basic farmland
        F.ParcelInput(rect(155, 175, 10, 60)),  # high-standard farmland
        F.ParcelInput(rect(105, 135, 100, 150)),  # one third in basic farmland
    ]
    basic = [rect(128, 152, 5, 65), rect(125, 135, 95, 155)]
    high = [rect(153, 178, 5, 65)]
    res = F.screen_farmland(dem, parcels, basic_farmland=basic, high_standard=high)
    free, bf, hs, third = res.records
    assert (free.category, free.rule, free.protected) == ("retire", "R03", None)
    assert (bf.category, bf.rule, bf.protected) == (F.BASIC_FARMLAND, "P01", F.BASIC_FARMLAND)
    assert (hs.category, hs.rule) == (F.HIGH_STANDARD, "P02")
    assert bf.basic_share == pytest.approx(1.0) and hs.high_std_share == pytest.approx(1.0)
    assert third.basic_share == pytest.approx(1.0 / 3.0) and third.category == "retire"
    assert res.protected == 2
    assert bf.measure is not None and bf.measure.code == "keep_conserve_basic"
    # a gentler parcel in basic farmland keeps its rule category (only retirement is excluded)
    (gentle,) = F.screen_farmland(
        dem, [F.ParcelInput(rect(25, 75, 10, 60))], basic_farmland=[rect(0, 100, 0, 200)]
    ).records
    assert gentle.category == "convert" and gentle.protected == F.BASIC_FARMLAND


def test_reservoir_catchment_lowers_the_ban_slope_to_20_degrees(tmp_path):
    """A 22° plane: cropland is converted (≤ 25°), but inside a reservoir catchment (Hebei 20°
    rule) retired; a parcel only partly inside (40 %) keeps 25°."""
    cell = 5.0
    y = (np.arange(40)[:, None] + 0.5) * cell
    z = 1000.0 - np.tan(np.radians(22.0)) * y * np.ones((1, 40))
    dem = write_dem(tmp_path / "p22.tif", z, cell)
    parcels = [
        F.ParcelInput(rect(10, 60, 10, 60)),
        F.ParcelInput(rect(80, 130, 10, 60)),
        F.ParcelInput(rect(140, 190, 10, 60)),
    ]
    catchment = [rect(75, 135, 0, 200), rect(140, 160, 0, 200)]
    res = F.screen_farmland(dem, parcels, reservoir_catchments=catchment)
    outside, inside, partly = res.records
    assert (outside.category, outside.ban_slope) == ("convert", 25.0)
    assert (inside.category, inside.ban_slope, inside.rule) == ("retire", 20.0, "R03")
    assert partly.reservoir_share == pytest.approx(0.4) and partly.category == "convert"
    # the priority's slope term uses the parcel's ban slope: S = min(22 / 20, 1) = 1;
    # Z = 0.25 ha / 2 ha = 0.125; no access layers: 100 · 1.0 · (0.5 · 1 + 0.2 · 0.125) / 0.7 = 75
    assert inside.priority == pytest.approx(75.0)


# --- category rules: every rule of the shipped table is hit ---------------------------------------
FACTS_FOR_RULE = {
    "R01": dict(
        detected="flat", survey="unknown", slope=1.0, bench_level="unknown", risers="unknown", road="unknown"
    ),
    "R02": dict(
        detected="slopeland",
        survey="terrace",
        slope=12.0,
        bench_level="unknown",
        risers="unknown",
        road="yes",
    ),
    "R03": dict(
        detected="slopeland",
        survey="slopeland",
        slope=25.5,
        bench_level="unknown",
        risers="unknown",
        road="unknown",
    ),
    "R04": dict(
        detected="slopeland",
        survey="unknown",
        slope=25.0,
        bench_level="unknown",
        risers="unknown",
        road="unknown",
    ),
    "R05": dict(
        detected="slopeland",
        survey="unknown",
        slope=6.0,
        bench_level="unknown",
        risers="unknown",
        road="unknown",
    ),
    "R06": dict(detected="terrace", survey="terrace", slope=14.0, bench_level="no", risers="yes", road="yes"),
    "R07": dict(
        detected="terrace", survey="unknown", slope=14.0, bench_level="yes", risers="no", road="unknown"
    ),
    "R08": dict(detected="terrace", survey="unknown", slope=30.0, bench_level="yes", risers="yes", road="no"),
    "R09": dict(
        detected="terrace", survey="terrace", slope=14.0, bench_level="yes", risers="yes", road="yes"
    ),
}


def test_every_shipped_rule_is_tested_and_hit():
    rules = F.load_rules()
    assert sorted(r.rule for r in rules) == sorted(FACTS_FOR_RULE)
    for rule_id, facts in FACTS_FOR_RULE.items():
        assert F.first_rule(rules, facts, 25.0).rule == rule_id, rule_id
    # the ban slope is a parameter: 22° is convert under 25°, retire under 20° (reservoir catchments)
    facts = dict(FACTS_FOR_RULE["R04"], slope=22.0)
    assert F.first_rule(rules, facts, 25.0).category == "convert"
    assert F.first_rule(rules, facts, 20.0).category == "retire"
    # every slope-land and terrace fact set gets a category (the table is complete)
    for det in ("slopeland", "terrace"):
        for slope in (0.5, 2.5, 6.0, 6.01, 15.0, 25.0, 25.01, 60.0):
            for flags in ("yes", "no", "unknown"):
                facts = dict(
                    detected=det, survey="unknown", slope=slope, bench_level=flags, risers=flags, road=flags
                )
                assert F.first_rule(rules, facts, 25.0) is not None


def test_rules_end_to_end_on_a_synthetic_scene(tmp_path):
    """Nine strips of 50 m, one per rule, on a 1 m DEM."""
    cell, rows_m = 1.0, 100.0
    strips = [  # (profile, rule)
        (lambda s: terrace_drop(s, 14.0, 8.0), "R09"),
        (lambda s: plane_drop(s, 14.0), "R04"),
        (lambda s: terrace_drop(s, 14.0, 8.0, bench_tilt=4.0), "R06"),
        (None, "R07"),  # broken risers, below
        (lambda s: plane_drop(s, 1.0), "R01"),
        (lambda s: plane_drop(s, 30.0), "R03"),
        (lambda s: plane_drop(s, 4.0), "R05"),
        (lambda s: plane_drop(s, 14.0), "R02"),  # survey says terrace
        (lambda s: terrace_drop(s, 14.0, 8.0), "R08"),  # far from the road
        (lambda s: terrace_drop(s, 14.0, 8.0), None),  # not cropland: no category
    ]
    n_r, n_c = int(rows_m / cell), int(50 * len(strips) / cell)
    xx, yy = np.meshgrid((np.arange(n_c) + 0.5) * cell, (np.arange(n_r) + 0.5) * cell)
    z = np.zeros((n_r, n_c))
    for i, (profile, _rule) in enumerate(strips):
        m = (xx >= 50 * i) & (xx < 50 * (i + 1))
        if profile is None:  # terraces whose risers have washed out over 40 % of the width
            washed = (xx % 20.0) < 8.0
            zz = np.where(washed, 500 - plane_drop(yy, 14.0), 500 - terrace_drop(yy, 14.0, 8.0))
        else:
            zz = 500 - profile(yy)
        z[m] = zz[m]
    dem = write_dem(tmp_path / "scene.tif", z, cell)
    parcels = [
        F.ParcelInput(rect(50 * i + 3, 50 * i + 47, 3, 97), survey_type="TT" if rule == "R02" else None)
        for i, (_p, rule) in enumerate(strips)
    ]
    parcels[-1].cropland = False
    roads = [line(0, 0, 180, 0)]  # a road along the top edge of the first strips
    res = F.screen_farmland(dem, parcels, roads=roads)
    got = [r.rule for r in res.records]
    assert got == [rule for _p, rule in strips]
    assert res.records[-1].category is None and res.records[-1].detected == F.TERRACE
    by_rule = {r.rule: r for r in res.records if r.rule}
    assert by_rule["R08"].dist_road == pytest.approx(math.hypot(403 - 180, 3), abs=1e-6)
    assert by_rule["R08"].dist_road > std.FARMLAND_ROAD_NEAR_M
    assert by_rule["R09"].dist_road == pytest.approx(3.0, abs=1e-6)
    # summary: one parcel per (zone -1, category, class) except the two "flat" and three "upgrade"
    counts = {}
    for (zone, cat, _cls), (n, _area) in res.summary.items():
        assert zone == -1
        counts[cat] = counts.get(cat, 0) + n
    assert counts == {"flat": 2, "convert": 1, "upgrade": 4, "retire": 1, "gentle": 1}
    # design quantities for the 坡改梯 candidate only
    conv = by_rule["R04"]
    assert conv.design is not None and all(r.design is None for r in res.records if r is not conv)


# --- design, priority, regions -------------------------------------------------------------------
def test_terrace_design_by_hand():
    bands = F.load_design()
    # 14°, table band 10–15°: B = 7.5 m, α = 80°; H = 7.5 / (cot 14° − cot 80°)
    d = F.terrace_design(14.0, 30.0, 10000.0, bands=bands, riser_cap=2.5)
    h = 7.5 / (1 / math.tan(math.radians(14)) - 1 / math.tan(math.radians(80)))
    assert (d.bench_width, d.riser_angle) == (7.5, 80.0)
    assert d.riser_height == pytest.approx(h, rel=1e-12)
    assert d.risers == math.ceil(30.0 / h)
    assert d.earthwork_m3 == pytest.approx(10000.0 * h / 8.0)
    # per 亩 the earthwork is 83.3·H m³
    assert d.earthwork_m3 / (10000.0 / std.MU_M2) == pytest.approx(83.33 * h, rel=1e-3)
    # a wide design bench on a steep slope: H capped by the riser material, B shrinks
    d = F.terrace_design(
        22.0, 30.0, 10000.0, bands=bands, bench_width=8.0, riser_cap=std.FARMLAND_RISER_CAP_M["earth"]
    )
    k = 1 / math.tan(math.radians(22)) - 1 / math.tan(math.radians(67.5))
    assert d.riser_height == 2.0 and d.bench_width == pytest.approx(2.0 * k)
    assert F.terrace_design(70.0, 10, 100, bands=bands) is None  # steeper than the riser


def test_priority_formula():
    # S = 0.5, A = 0.5, Z = 0.5 -> 50 × w
    assert F.priority_score(0.9, 12.5, 25.0, 1.0, 500.0) == pytest.approx(45.0)
    # without access layers the A term is dropped: (0.5·1 + 0.2·0.25)/0.7
    assert F.priority_score(1.0, 30.0, 25.0, 0.5, None) == pytest.approx(
        round(100 * (0.5 + 0.2 * 0.25) / 0.7, 1)
    )
    assert F.priority_score(0.0, 30.0, 25.0, 5.0, 0.0) == 0.0


def test_regions_and_measures(tmp_path):
    z = hillside(10.0, 14.0, 30.0)
    dem = write_dem(tmp_path / "coarse.tif", z, 10.0)
    parcels = [F.ParcelInput(rect(10, 90, 10, 90)), F.ParcelInput(rect(110, 190, 10, 90))]
    regions = [("bashang", rect(0, 100, 0, 100))]
    zones = [rect(100, 200, 0, 100)]
    res = F.screen_farmland(
        dem, parcels, F.FarmlandSettings(default_region="yanshan"), regions=regions, zones=zones
    )
    a, b = res.records
    assert (a.region, b.region) == ("bashang", "yanshan")
    assert (a.zone, b.zone) == (-1, 0)
    assert a.measure.code == "contour_strips" and b.measure.code == "level_terrace_system"
    measures = F.load_measures()
    for region in std.FARMLAND_REGIONS:
        for cat in F.CATEGORY_CODES:
            assert (region, cat) in measures
    assert F.region_code("坝上高原") == "bashang" and F.region_code("平原区") == "plain"


# --- errors and cancel ----------------------------------------------------------------------------
def test_errors_and_cancel(tmp_path):
    z = hillside(5.0, 14.0, 12.0)
    dem = write_dem(tmp_path / "hill.tif", z, 5.0)
    far = F.ParcelInput(ogr.CreateGeometryFromWkt("POLYGON((0 0,10 0,10 10,0 10,0 0))").ExportToWkb())
    with pytest.raises(InputError) as err:
        F.screen_farmland(dem, [far])
    assert "parcels overlap the DEM" in err.value.template
    with pytest.raises(InputError):
        F.screen_farmland(dem, [])
    bad = tmp_path / "rules.csv"
    bad.write_text("rule,detected,category\nX1,flat,level\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        F.load_rules(str(bad))
    assert "category" in err.value.template
    with pytest.raises(Cancelled):
        F.screen_farmland(
            dem, [F.ParcelInput(rect(6, 94, 6, 94))], block_rows=16, block_cols=16, is_cancelled=lambda: True
        )
    leftovers = [f for f in os.listdir(tmp_path) if f.startswith("parcels")]
    assert leftovers == []


# --- STRtree on shapely 1.8 (answers geometries) and 2.x (answers indices) --------------------
class _BruteTree:
    """A stand-in STRtree found by brute force, answering like shapely 2 (``"index"``: integer
    indices, as numpy returns them) or like shapely 1.8 (``"geometry"``: the geometries)."""

    def __init__(self, geoms, answer):
        self.geoms, self.answer = list(geoms), answer

    def _out(self, ids):
        if self.answer == "index":
            return np.asarray(ids, dtype=np.int64)
        return [self.geoms[i] for i in ids]

    def query(self, geom):
        return self._out([i for i, g in enumerate(self.geoms) if g.envelope.intersects(geom.envelope)])

    def nearest(self, geom):
        best = min(range(len(self.geoms)), key=lambda i: self.geoms[i].distance(geom))
        return self._out([best])[0]


def _scene():
    from shapely.geometry import LineString, box

    # three overlapping squares (the first one containing a point wins) and two roads
    polys = [box(0, 0, 100, 100), box(50, 0, 150, 100), box(200, 0, 300, 100)]
    targets = [box(10, 10, 20, 20), box(60, 40, 90, 60), box(120, 10, 140, 30), box(400, 0, 410, 10)]
    roads = [LineString([(0, 150), (300, 150)]), LineString([(500, -50), (500, 50)])]
    return [p.wkb for p in polys], [t.wkb for t in targets], [r.wkb for r in roads]


@pytest.mark.parametrize("answer", ["index", "geometry", "strtree"])
def test_tree_queries_on_both_shapely_apis(answer):
    polys, targets, roads = _scene()
    factory = F._strtree if answer == "strtree" else (lambda geoms: _BruteTree(geoms, answer))
    # by hand: target 2 lies in squares 0 and 1 (the first wins); target 4 lies in none
    assert F.assign_by_point(targets, polys, tree_factory=factory).tolist() == [0, 0, 1, -1]
    # distances to the nearest road: 130, 90, 120 to the northern road, 90 to the eastern one
    np.testing.assert_allclose(
        F.nearest_distances(targets, roads, tree_factory=factory), [130.0, 90.0, 120.0, 90.0]
    )
    # shares of area inside the squares, overlaps counted once: inside, inside two, inside, none,
    # and a box half in square 1 (x 140–160 against 50–150)
    from shapely.geometry import box

    extra = targets + [box(140, 0, 160, 10).wkb]
    np.testing.assert_allclose(
        F.overlap_shares(extra, polys, tree_factory=factory), [1.0, 1.0, 1.0, 0.0, 0.5]
    )
