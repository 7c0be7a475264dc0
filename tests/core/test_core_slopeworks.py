"""Core tests of the slope-works layout (no QGIS): planes, a cone, exclusions, a real DEM."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pytest
from osgeo import gdal
from shapely import wkb as shapely_wkb
from shapely.geometry import LineString, Point, Polygon, box
from synth import write_raster  # noqa: E402
from testdata import shared

from swc_planner.algorithms.core import slopeworks as sw  # noqa: E402
from swc_planner.algorithms.core.errors import Cancelled, InputError, MemoryLimitError  # noqa: E402

X0, Y0 = 39500000.0, 4500000.0
K = sw.ARC_SEGMENTS


def tilted_plane(path, theta_deg, azimuth_deg=0.0, cell=5.0, n=300):
    """A plane of slope ``theta`` rising towards ``azimuth`` (degrees from north), Float64.

    Returns the DEM path and ``z(x, y)`` (exact) plus the uphill unit vector.
    """
    up = np.array([math.sin(math.radians(azimuth_deg)), math.cos(math.radians(azimuth_deg))])
    grad = math.tan(math.radians(theta_deg))
    r = np.arange(n)[:, None]
    c = np.arange(n)[None, :]
    x = (c + 0.5) * cell
    y = -(r + 0.5) * cell

    def zf(px, py):
        return 1000.0 + grad * ((px - X0) * up[0] + (py - Y0) * up[1])

    dem = write_raster(str(path), zf(X0 + x, Y0 + y), origin=(X0, Y0), cell=cell, dtype=gdal.GDT_Float64)
    return dem, zf, up


def area_poly():
    """A quadrilateral (≈ 1.0 km²) well inside the 1.5 km synthetic DEMs."""
    return Polygon(
        [(X0 + 200, Y0 - 1300), (X0 + 1300, Y0 - 1250), (X0 + 1200, Y0 - 200), (X0 + 300, Y0 - 300)]
    )


def pit_rings(result):
    """Ring coordinates ``(n, K + 2, 2)`` decoded from the WKB (independently of the core)."""
    return np.array([np.frombuffer(w, dtype="<f8", offset=13).reshape(-1, 2) for w in result.works_wkb])


def bilinear(z, gt, x, y):
    fc = (x - gt[0]) / gt[1] - 0.5
    fr = (y - gt[3]) / gt[5] - 0.5
    c0 = np.floor(fc).astype(int)
    r0 = np.floor(fr).astype(int)
    tx, ty = fc - c0, fr - r0
    return (
        z[r0, c0] * (1 - tx) * (1 - ty)
        + z[r0, c0 + 1] * tx * (1 - ty)
        + z[r0 + 1, c0] * (1 - tx) * ty
        + z[r0 + 1, c0 + 1] * tx * ty
    )


def test_doctests():
    failures, _tests = doctest.testmod(sw)
    assert failures == 0


@pytest.mark.parametrize("theta,azimuth", [(20.0, 0.0), (30.0, 35.0), (40.0, 200.0)])
def test_plane_pit_count_is_area_over_spacing_times_horizontal_row_distance(tmp_path, theta, azimuth):
    dem, _zf, _up = tilted_plane(tmp_path / "plane.tif", theta, azimuth)
    poly = area_poly()
    res = sw.lay_out_works(dem, [(7, poly.wkb)], sw.WorksSpec())
    expected = poly.area / (2.0 * 4.0 * math.cos(math.radians(theta)))
    assert res.count == pytest.approx(expected, rel=0.02)
    s = res.summaries[0]
    assert s.area_id == 7 and s.count == res.count
    assert s.treated_m2 == pytest.approx(poly.area)
    assert s.excluded_total_m2 == 0.0
    assert s.earth_m3 == pytest.approx(res.count * math.pi / 4 * 1.0 * 0.6 * 0.4)
    assert s.seedlings == res.count
    assert np.allclose(res.works_slope, theta, atol=1e-6)


def test_plane_pits_sit_on_their_row_level_with_axes_along_the_contour(tmp_path):
    theta = 30.0
    dem, zf, up = tilted_plane(tmp_path / "plane.tif", theta, 35.0)
    res = sw.lay_out_works(dem, [(1, area_poly().wkb)], sw.WorksSpec())
    rings = pit_rings(res)
    anchor = 0.5 * (rings[:, 0] + rings[:, K])  # middle of the straight edge
    # every pit's ground elevation equals its row's level
    assert np.abs(zf(anchor[:, 0], anchor[:, 1]) - res.works_level).max() < 1e-4
    # the DEM (bilinear, an independent sampler) says the same
    ds = gdal.Open(dem)
    z = ds.ReadAsArray().astype(float)
    zb = bilinear(z, ds.GetGeoTransform(), anchor[:, 0], anchor[:, 1])
    assert np.abs(zb - res.works_level).max() < 1e-4
    # long axis: 1.0 m, perpendicular to the gradient (parallel to the contour)
    chord = rings[:, 0] - rings[:, K]
    assert np.allclose(np.hypot(chord[:, 0], chord[:, 1]), 1.0)
    assert np.abs(chord @ up).max() < 1e-6
    # the arc bulges 0.6 m downhill: the opening (straight edge) faces uphill
    arc = rings[:, K // 2]
    assert np.allclose(np.hypot(*(arc - anchor).T), 0.6)
    assert np.all(zf(arc[:, 0], arc[:, 1]) < zf(anchor[:, 0], anchor[:, 1]) - 0.25)
    # valid polygons of area π·a·b/4
    for w in res.works_wkb[:: max(len(res.works_wkb) // 200, 1)]:
        g = shapely_wkb.loads(w)
        assert g.is_valid
        assert g.area == pytest.approx(math.pi / 4 * 1.0 * 0.6, rel=0.02)


def test_plane_rows_are_spaced_by_row_spacing_and_staggered_by_half_a_spacing(tmp_path):
    theta = 30.0
    dem, zf, up = tilted_plane(tmp_path / "plane.tif", theta, 35.0)
    res = sw.lay_out_works(dem, [(1, area_poly().wkb)], sw.WorksSpec())
    rings = pit_rings(res)
    anchor = 0.5 * (rings[:, 0] + rings[:, K])
    along = np.array([up[1], -up[0]])  # contour direction
    u = anchor @ along  # position along the contour
    v = anchor @ up  # position up the slope
    rows = np.unique(res.works_row)
    assert len(rows) > 200
    phase = {}
    height = {}
    for k in rows:
        sel = res.works_row == k
        assert np.ptp(v[sel]) < 1e-6  # a row is a straight contour here
        d = np.diff(np.sort(u[sel]))
        assert np.allclose(d, 2.0, atol=1e-6)  # SPACING along the row
        phase[k] = np.mod(u[sel][0], 2.0)
        height[k] = v[sel][0]
    for k in rows[:-1]:
        if k + 1 not in phase:
            continue
        # horizontal distance between rows = ROW_SPACING · cos θ (slope distance 4 m)
        assert height[k] - height[k + 1] == pytest.approx(4.0 * math.cos(math.radians(theta)), abs=1e-3)
        shift = np.mod(phase[k + 1] - phase[k], 2.0)
        assert shift == pytest.approx(1.0, abs=1e-6)  # half a spacing: 品字形
    # without stagger all rows share the phase
    res2 = sw.lay_out_works(dem, [(1, area_poly().wkb)], sw.WorksSpec(stagger=False))
    rings2 = pit_rings(res2)
    u2 = (0.5 * (rings2[:, 0] + rings2[:, K])) @ along
    ph = np.mod(u2 - u2[0] + 0.5, 2.0)
    assert np.ptp(ph) < 1e-6


def test_cone_rows_are_concentric_circles(tmp_path):
    theta, cell, n = 30.0, 5.0, 300
    r = np.arange(n)[:, None]
    c = np.arange(n)[None, :]
    cx = cy = 750.0
    radius = np.hypot((c + 0.5) * cell - cx, (n - r - 0.5) * cell - cy)
    tan = math.tan(math.radians(theta))
    dem = write_raster(
        str(tmp_path / "cone.tif"),
        1000.0 - tan * radius,
        origin=(0.0, n * cell),
        cell=cell,
        epsg=32611,
        dtype=gdal.GDT_Float64,
    )
    ring = Point(cx, cy).buffer(600, 256).difference(Point(cx, cy).buffer(100, 256))
    res = sw.lay_out_works(dem, [(1, ring.wkb)], sw.WorksSpec())
    # count: the same density formula holds on the cone
    expected = ring.area / (2.0 * 4.0 * math.cos(math.radians(theta)))
    assert res.count == pytest.approx(expected, rel=0.02)
    radii = []
    for row in res.rows:
        g = shapely_wkb.loads(row.wkb)
        assert isinstance(g, LineString) and g.is_ring  # each row is one closed contour
        pts = np.asarray(g.coords)
        d = np.hypot(pts[:, 0] - cx, pts[:, 1] - cy)
        assert d.std() < 0.05  # a circle …
        centre = Polygon(pts).centroid
        assert math.hypot(centre.x - cx, centre.y - cy) < 0.05  # … around the apex
        radii.append(d.mean())
    radii = np.array(radii)
    assert len(radii) > 100
    # rows go outwards (downhill), 4·cos θ apart horizontally
    assert np.allclose(np.diff(radii), 4.0 * math.cos(math.radians(theta)), atol=0.02)
    # pits sit on their levels (the DEM is exact at cell centres, the contour linear between)
    rings = pit_rings(res)
    anchor = 0.5 * (rings[:, 0] + rings[:, K])
    z_true = 1000.0 - tan * np.hypot(anchor[:, 0] - cx, anchor[:, 1] - cy)
    assert np.abs(z_true - res.works_level).max() < 0.05
    # long axes tangent to the circles (within the polyline's chord error: a 5 m cell at
    # r ≥ 100 m turns the contour by up to 5 / 200 rad)
    chord = rings[:, 0] - rings[:, K]
    radial = anchor - np.array([cx, cy])
    cosang = np.abs(np.sum(chord * radial, axis=1)) / (np.hypot(*chord.T) * np.hypot(*radial.T))
    assert cosang.max() < 0.03 and np.median(cosang) < 0.005


def three_slopes(path, cell=5.0, n=300):
    """Slope 10° in the south third, 30° in the middle, 50° in the north third (rising north)."""
    rows = np.arange(n)
    band = np.where(rows >= 200, 10.0, np.where(rows >= 100, 30.0, 50.0))  # row 0 = north
    rise = np.tan(np.radians(band)) * cell
    z = np.cumsum(rise[::-1])[::-1]  # accumulate from the south edge
    dem = write_raster(
        str(path),
        500.0 + np.repeat(z[:, None], n, axis=1),
        origin=(X0, Y0),
        cell=cell,
        dtype=gdal.GDT_Float64,
    )
    return dem


def test_exclusions_report_area_and_reason(tmp_path):
    dem = three_slopes(tmp_path / "three.tif")
    poly = box(X0 + 100, Y0 - 1400, X0 + 900, Y0 - 100)
    res = sw.lay_out_works(dem, [(3, poly.wkb)], sw.WorksSpec(min_slope=15, max_slope=45))
    s = res.summaries[0]
    # treated + excluded = the polygon, exactly
    assert s.treated_m2 + s.excluded_total_m2 == pytest.approx(poly.area)
    # south band y < Y0-1000 is 10° (too gentle), north band y > Y0-500 is 50° (too steep);
    # Horn's 3×3 window blurs one cell at each break
    width = 800.0
    assert s.excluded_m2[sw.EXCL_LOW] == pytest.approx(width * 400.0, abs=width * 5.0 + 1)
    assert s.excluded_m2[sw.EXCL_HIGH] == pytest.approx(width * 400.0, abs=width * 5.0 + 1)
    assert s.excluded_m2[sw.EXCL_NODATA] == 0.0
    assert {e[1] for e in res.excluded} == {sw.EXCL_LOW, sw.EXCL_HIGH}
    rings = pit_rings(res)
    y = 0.5 * (rings[:, 0, 1] + rings[:, K, 1])
    assert y.min() > Y0 - 1000 - 5 and y.max() < Y0 - 500 + 5
    assert np.all((res.works_slope >= 15) & (res.works_slope <= 45))
    expected = s.treated_m2 / (8.0 * math.cos(math.radians(30.0)))
    assert res.count == pytest.approx(expected, rel=0.03)
    # a polygon reaching beyond the DEM: the outside part is "no DEM data"
    poly2 = box(X0 - 200, Y0 - 900, X0 + 400, Y0 - 600)
    res2 = sw.lay_out_works(dem, [(4, poly2.wkb)], sw.WorksSpec())
    s2 = res2.summaries[0]
    assert s2.excluded_m2[sw.EXCL_NODATA] == pytest.approx(200.0 * 300.0)
    assert s2.treated_m2 == pytest.approx(400.0 * 300.0)
    rings2 = pit_rings(res2)
    assert (0.5 * (rings2[:, 0, 0] + rings2[:, K, 0])).min() > X0


def test_no_treatable_slope_gives_a_warning_and_nothing(tmp_path):
    dem, _zf, _up = tilted_plane(tmp_path / "gentle.tif", 8.0)
    res = sw.lay_out_works(dem, [(1, area_poly().wkb)], sw.WorksSpec())
    assert res.count == 0 and res.rows == []
    assert res.summaries[0].treated_m2 == 0.0
    assert res.summaries[0].excluded_m2[sw.EXCL_LOW] == pytest.approx(area_poly().area)
    assert len(res.warnings) == 1 and "{area}" in res.warnings[0][0]


@pytest.mark.parametrize("measure", [sw.MEASURE_BENCHES, sw.MEASURE_TRENCHES])
def test_benches_and_trenches_on_a_plane(tmp_path, measure):
    theta = 20.0
    dem, zf, up = tilted_plane(tmp_path / "plane.tif", theta, 120.0)
    poly = area_poly()
    spec = sw.WorksSpec(measure=measure, min_slope=15, max_slope=25, unit_prices=(10.0, 30.0, 2.0))
    res = sw.lay_out_works(dem, [(1, poly.wkb)], spec)
    s = res.summaries[0]
    # total length = area / horizontal row distance (pieces shorter than SPACING are dropped)
    assert s.length_m == pytest.approx(poly.area / (4.0 * math.cos(math.radians(theta))), rel=0.02)
    lines = [shapely_wkb.loads(w) for w in res.works_wkb]
    for g, level in zip(lines, res.works_level):
        pts = np.asarray(g.coords)
        assert np.abs(zf(pts[:, 0], pts[:, 1]) - level).max() < 1e-4
        assert g.length >= 2.0
    if measure == sw.MEASURE_BENCHES:
        per_m = 1.2**2 * math.tan(math.radians(theta)) / 8.0
    else:
        per_m = 0.5 * (0.8 + 0.4) * 0.5
    assert s.earth_m3 == pytest.approx(s.length_m * per_m, rel=1e-6)
    assert s.seedlings == pytest.approx(s.length_m / 2.0, rel=0.01)
    assert s.cost == pytest.approx(10.0 * s.length_m + 30.0 * s.earth_m3 + 2.0 * s.seedlings)


def test_validation_errors_say_what_to_fix(tmp_path):
    dem, _zf, _up = tilted_plane(tmp_path / "plane.tif", 30.0, n=50)
    poly = box(X0 + 20, Y0 - 200, X0 + 200, Y0 - 20)
    bad = [
        sw.WorksSpec(spacing=0),
        sw.WorksSpec(min_slope=30, max_slope=20),
        sw.WorksSpec(pit_long_axis=2.5),
        sw.WorksSpec(measure=5),
        sw.WorksSpec(measure=2, trench_bottom_width=1.0, trench_top_width=0.5),
        sw.WorksSpec(unit_prices=(-1.0, 0.0, 0.0)),
    ]
    for spec in bad:
        with pytest.raises(InputError):
            sw.lay_out_works(dem, [(1, poly.wkb)], spec)
    with pytest.raises(MemoryLimitError):
        sw.lay_out_works(dem, [(1, poly.wkb)], sw.WorksSpec(), max_works=100)
    with pytest.raises(Cancelled):
        sw.lay_out_works(dem, [(1, poly.wkb)], sw.WorksSpec(), is_cancelled=lambda: True)
    seen = []
    sw.lay_out_works(dem, [(1, poly.wkb)], sw.WorksSpec(), progress=seen.append)
    assert seen and seen[-1] == 1.0 and all(b >= a for a, b in zip(seen, seen[1:]))
    assert sw.parse_prices("3.5，40; 2") == (3.5, 40.0, 2.0)
    for text in ("a", "1,2,3,4", "-2"):
        with pytest.raises(InputError):
            sw.parse_prices(text)


def test_row_levels_follow_the_local_slope():
    # two stacked planes: 40° above z = 50, 20° below; the step is R·sin θ of each part
    z = np.concatenate([np.linspace(100.0, 50.0, 5001), np.linspace(49.99, 0.0, 5000)])
    s = np.where(z >= 50.0, 40.0, 20.0)
    levels, steps, band = sw.row_levels(z, s, 4.0)
    upper = levels > 53  # the step below 53 reaches into the 20° part
    lower = levels < 46
    assert np.allclose(steps[upper], 4.0 * math.sin(math.radians(40)), rtol=1e-3)
    assert np.allclose(steps[lower], 4.0 * math.sin(math.radians(20)), rtol=1e-3)
    assert np.allclose(band[upper], 40.0, atol=0.1) and np.allclose(band[lower], 20.0, atol=0.1)
    assert np.all(np.diff(levels) < 0)


BIG_TUJUNGA = ("bigtujunga_srtm30m", "srtm_bigtujunga30m_utm11.tif")


def test_real_steep_dem_counts_match_the_treated_area():
    """Big Tujunga (SRTM 30 m), a 1 km² steep block: counts against the treated cells."""
    dem = shared(*BIG_TUJUNGA)
    x, y = 403830.0, 3799630.0
    poly = box(x, y - 1000.0, x + 1000.0, y)
    res = sw.lay_out_works(dem, [(1, poly.wkb)], sw.WorksSpec())
    s = res.summaries[0]
    ds = gdal.Open(dem)
    gt = ds.GetGeoTransform()
    z = ds.ReadAsArray().astype(float)
    # independent: gdaldem-equivalent slope by numpy (Horn) on the cells whose centre is inside
    zz = np.pad(z, 1, mode="edge")
    a, b, c = zz[:-2, :-2], zz[:-2, 1:-1], zz[:-2, 2:]
    d, f = zz[1:-1, :-2], zz[1:-1, 2:]
    g, h, i = zz[2:, :-2], zz[2:, 1:-1], zz[2:, 2:]
    dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) / (8 * 30.0)
    dzdy = ((g + 2 * h + i) - (a + 2 * b + c)) / (8 * 30.0)
    slope = np.degrees(np.arctan(np.hypot(dzdx, dzdy)))
    xs = gt[0] + (np.arange(z.shape[1]) + 0.5) * gt[1]
    ys = gt[3] + (np.arange(z.shape[0]) + 0.5) * gt[5]
    inside = (xs[None, :] > x) & (xs[None, :] < x + 1000) & (ys[:, None] > y - 1000) & (ys[:, None] < y)
    ok = inside & (slope >= 15) & (slope <= 45)
    # treated share of the polygon = share of its cells in the slope range
    assert s.treated_m2 / 1.0e6 == pytest.approx(ok.sum() / inside.sum(), abs=0.02)
    assert s.treated_m2 + s.excluded_total_m2 == pytest.approx(1.0e6)
    assert s.excluded_m2[sw.EXCL_LOW] > 0.05e6  # this block has gentle ridge tops
    # count = treated area × the mean nominal density 1 / (S · R · cos θ) of its cells
    nominal = s.treated_m2 * np.mean(1.0 / (2.0 * 4.0 * np.cos(np.radians(slope[ok]))))
    assert res.count == pytest.approx(nominal, rel=0.04)
    density = res.count / (s.treated_m2 / 1e4)
    assert 10000 / 8.0 < density < 10000 / (8.0 * math.cos(math.radians(45)))
    # pits lie on their rows: DEM (bilinear) at the anchor ≈ row level
    rings = pit_rings(res)
    anchor = 0.5 * (rings[:, 0] + rings[:, K])
    err = np.abs(bilinear(z, gt, anchor[:, 0], anchor[:, 1]) - res.works_level)
    assert np.median(err) < 0.1 and np.percentile(err, 99) < 1.0
    assert np.all(res.works_slope >= 15) and np.all(res.works_slope <= 45)
