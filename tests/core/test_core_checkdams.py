"""Core tests of the check-dam series and dam storage (no QGIS).

Analytic answers: on a V-shaped valley of bed gradient i and side slopes
1:m (ground rises g = 1/m per metre away from the thalweg) a dam of height H

* is followed upstream at L = H / (i − i') (GB 51018 §14.4.1),
* stores V = m·H³ / (3·i) below its crest (pool length H/i, section m·d²),
  floods A = m·H² / i, and holds the silt wedge m·H³ / (3·(i − i')),
* has a crest of 2·m·H and, with the trapezoidal section b·h + (m1 + m2)·h²/2
  integrated across the V, a body of m·(b·H² + (m1 + m2)·H³/3).
"""

import math
import os

import numpy as np
import pytest
from testdata import SHARED  # noqa: E402

from swc_planner.algorithms.core import checkdams as cd  # noqa: E402
from swc_planner.algorithms.core import hydrology as hy  # noqa: E402
from swc_planner.algorithms.core import standards  # noqa: E402
from swc_planner.algorithms.core.errors import InputError  # noqa: E402
from swc_planner.algorithms.core.grid import GridSpec  # noqa: E402

BIGTUJUNGA = os.path.join(SHARED, "bigtujunga_srtm30m", "srtm_bigtujunga30m_utm11.tif")
QINLING = os.path.join(SHARED, "qinling_dem_110m", "qinling_subarea_30m_interp_cgcs2000_gk36.tif")


def route(z, cell=1.0):
    grid = GridSpec((500000.0, cell, 0.0, 4000000.0, 0.0, -cell), z.shape, None, "")
    filled = hy.fill_depressions(z, cellsize_x=cell, cellsize_y=cell)
    codes = hy.d8_directions(filled, cell, cell)
    acc = hy.flow_accumulation(codes)
    return hy.FlowResult(grid=grid, dem=z, filled=filled, codes=codes, accumulation=acc)


def v_valley(bed, cols=61, g=0.25):
    """V valley draining south: ``bed(s)`` with s the distance (m) from the bottom row."""
    rows = bed.size
    r, c = np.mgrid[0:rows, 0:cols]
    return bed[rows - 1 - r] + g * np.abs(c - cols // 2)


# --- 1-D rule ------------------------------------------------------------------


@pytest.mark.parametrize(
    "i,ip,h,cell",
    [(0.08, 0.02, 3.0, 1.0), (0.09, 0.02, 3.0, 1.0), (0.12, 0.005, 2.0, 5.0), (0.3, 0.02, 5.0, 10.0)],
)
def test_spacing_walk_uniform_bed(i, ip, h, cell):
    s = np.arange(0, 2000, cell)
    dams = cd.spacing_walk(s, 100 + i * s, h, ip)
    rule = h / (i - ip)
    gaps = np.diff(s[dams])
    assert len(dams) >= 3
    assert np.all(gaps >= rule - 1e-6)
    assert np.all(gaps < rule + cell + 1e-6)
    assert cd.rule_spacing(h, i, ip) == pytest.approx(rule)
    assert cd.meet_distance(s, 100 + i * s, 0, h, ip) == pytest.approx(rule)


def test_spacing_walk_steeper_upstream_is_closer():
    s = np.arange(0, 1500, 1.0)
    bed = 0.05 * s + 0.0001 * s**2  # gradient 0.05 + 0.0002 s
    gaps = np.diff(s[cd.spacing_walk(s, bed, 3.0, 0.02)])
    assert len(gaps) >= 5
    assert np.all(np.diff(gaps) <= 1.0)  # never longer upstream (1-cell rounding)
    assert gaps[-1] < 0.5 * gaps[0]
    # each spacing follows the silted bed: bed rise = hd + i'·L at the next dam (within a cell)
    dams = cd.spacing_walk(s, bed, 3.0, 0.02)
    for k, j in zip(dams[:-1], dams[1:]):
        assert bed[j] - bed[k] >= 3.0 + 0.02 * (s[j] - s[k]) - 1e-9
        assert s[j] - s[k] - cd.meet_distance(s, bed, k, 3.0, 0.02) < 1.0


def test_spacing_walk_skips_ineligible_points():
    s = np.arange(0, 400, 1.0)
    ok = np.ones(s.size, bool)
    ok[50:60] = False
    dams = cd.spacing_walk(s, 0.08 * s, 3.0, 0.02, eligible=ok)
    assert dams[:3].tolist() == [0, 60, 110]


def test_section_and_body_volume_exact():
    # V section: h(x) = hd − g|x| over |x| ≤ hd/g
    hd, g = 3.0, 0.25
    x = np.linspace(-hd / g, hd / g, 7)
    vol = cd.body_volume_along(x, 100 + g * np.abs(x), 100 + hd, 1.0, 1.5, 1.25)
    assert vol == pytest.approx((1 / g) * (1.0 * hd**2 + 2.75 * hd**3 / 3))
    assert cd.section_area(2.0, 1.0, 1.5, 1.25) == pytest.approx(2.0 + 2.75 * 2.0)


def test_hav_curve_and_classes():
    area, vol = cd.hav_curve(
        np.array([0.0, 1.0, 1.0, 3.0]), np.array([0.5, 1, 1, 1]), 4.0, [0.0, 1.0, 2.0, 4.0]
    )
    assert area.tolist() == [0.0, 2.0, 10.0, 14.0]
    # V(h) = Σ w·(h − d)·a: at h = 2: 0.5·2·4 + 2·1·4 = 12; at h = 4: 0.5·4·4 + 2·3·4 + 1·4 = 36
    assert vol.tolist() == pytest.approx([0.0, 2.0, 12.0, 36.0])
    assert cd.size_class(9.9e4)[0] == "small"
    assert cd.size_class(1.0e5)[0] == "medium"
    assert cd.size_class(7.0e5)[1] == "大(2)型"
    assert cd.size_class(2.0e6)[0] == "large1"
    # N = V·γ / (M·A·SDR): 1e4 m³ · 1.35 t/m³ / (5000 t/km²a · 0.5 km² · 0.5) = 10.8 a
    assert cd.sediment_life(1e4, 0.5, 5000, 1.35, 0.5) == pytest.approx(10.8)
    assert math.isinf(cd.sediment_life(1e4, 0.5, 0.0))


def test_height_cap_and_unknown_type():
    for key, (cap, *_rest) in standards.CHECK_DAM_TYPES.items():
        cd.check_dam_height(cap, key)
        with pytest.raises(InputError, match="exceeds the maximum"):
            cd.check_dam_height(cap + 0.5, key)
    with pytest.raises(InputError, match="Unknown check-dam type"):
        cd.dam_type("concrete")


# --- the series on synthetic valleys ----------------------------------------------


@pytest.mark.parametrize("i", [0.08, 0.09])
def test_v_valley_spacing_storage_silt_crest_body(i):
    hd, ip, g = 3.0, 0.02, 0.25
    m = 1 / g
    s = np.arange(300, dtype=float)
    flow = route(v_valley(100 + i * s, g=g))
    plan = cd.plan_check_dams(
        flow,
        min_uparea_km2=0.0005,
        max_uparea_km2=1.0,
        min_gradient=0.05,
        height=hd,
        i_prime=ip,
        type_key="drystone",
        curve_step=0.5,
    )
    dams = plan.dams
    assert len(dams) >= 5
    rule = hd / (i - ip)
    assert all(d.col == 30 for d in dams)
    for d in dams[:-1]:
        assert rule - 1e-6 <= d.spacing_m < rule + 1.0
        assert d.gradient == pytest.approx(i)
        assert d.rule_spacing_m == pytest.approx(rule)
    full = [d for d in dams if d.distance_m + rule < 290]  # wedge inside the grid
    assert full
    for d in full:
        assert d.storage_m3 == pytest.approx(m * hd**3 / (3 * i), rel=0.02)
        assert d.pool_m2 == pytest.approx(m * hd**2 / i, rel=0.02)
        assert d.silt_m3 == pytest.approx(m * hd**3 / (3 * (i - ip)), rel=0.02)
        assert d.crest_m == pytest.approx(2 * m * hd, abs=1e-6)
        assert d.body_m3 == pytest.approx(m * (1.0 * hd**2 + 2.75 * hd**3 / 3), rel=1e-6)
        hs, areas, vols = zip(*d.curve)
        assert hs[0] == 0 and hs[-1] == pytest.approx(hd)
        assert np.all(np.diff(vols) > 0) and np.all(np.diff(areas) >= 0)
        assert vols[-1] == pytest.approx(d.storage_m3)
        # analytic curve V(h) = m h³ / (3 i)
        assert vols[len(vols) // 2] == pytest.approx(m * hs[len(vols) // 2] ** 3 / (3 * i), rel=0.05)
    assert plan.gullies[0]["DAMS"] == len(dams)
    assert plan.gullies[0]["BODY_M3"] == pytest.approx(sum(d.body_m3 for d in dams))


def test_v_valley_steeper_upstream_places_dams_closer():
    s = np.arange(400, dtype=float)
    bed = 100 + 0.06 * s + 0.0004 * s**2  # gradient 0.06 at the outlet, 0.38 at the top
    flow = route(v_valley(bed, g=0.6))
    plan = cd.plan_check_dams(
        flow, min_uparea_km2=0.0005, max_uparea_km2=1.0, min_gradient=0.05, height=3.0, i_prime=0.02
    )
    gaps = [d.spacing_m for d in plan.dams if d.spacing_m is not None]
    assert len(gaps) >= 5
    assert all(b <= a + 1.0 for a, b in zip(gaps, gaps[1:]))
    assert gaps[-1] < 0.5 * gaps[0]
    for d in plan.dams:
        if d.next_id is not None:
            up = plan.dams[d.next_id - 1]
            assert up.bed_z - d.bed_z >= 3.0 + 0.02 * d.spacing_m - 1e-9


def test_diagonal_valley_storage():
    n, i, g, hd = 200, 0.08, 0.25, 3.0
    r, c = np.mgrid[0:n, 0:n].astype(float)
    z = 100 + i * ((n - 1 - r) + (n - 1 - c)) / math.sqrt(2) + g * np.abs(r - c) / math.sqrt(2)
    plan = cd.plan_check_dams(
        route(z), min_uparea_km2=0.0005, max_uparea_km2=1.0, min_gradient=0.05, height=hd, i_prime=0.02
    )
    rule = hd / (i - 0.02)
    inner = plan.dams[:-1]
    assert len(inner) >= 3
    for d in inner:
        assert rule - 1e-6 <= d.spacing_m < rule + math.sqrt(2)
        assert d.storage_m3 == pytest.approx(4 * hd**3 / (3 * i), rel=0.02)
        assert d.crest_m == pytest.approx(24.0, rel=1e-3)


def test_max_dams_keeps_the_lowest():
    s = np.arange(300, dtype=float)
    flow = route(v_valley(100 + 0.08 * s))
    plan = cd.plan_check_dams(flow, min_uparea_km2=0.0005, max_uparea_km2=1.0, height=3.0, max_dams=2)
    assert [d.distance_m for d in plan.dams] == [0.0, 50.0]
    assert plan.dams[-1].next_id is None
    assert plan.stats["dropped_max_dams"] >= 3


def test_errors_no_channel_aoi_outside_and_i_prime():
    s = np.arange(100, dtype=float)
    flow = route(v_valley(100 + 0.08 * s))
    with pytest.raises(InputError, match="No gully fits the limits") as exc:
        cd.plan_check_dams(flow, min_uparea_km2=5.0, max_uparea_km2=10.0)
    assert "MIN_UPAREA" in str(exc.value)
    with pytest.raises(InputError, match="No gully fits"):
        cd.plan_check_dams(flow, min_uparea_km2=0.0005, max_uparea_km2=1.0, min_gradient=0.5, i_prime=0.02)
    with pytest.raises(InputError, match="exceeds the maximum"):
        cd.plan_check_dams(flow, min_uparea_km2=0.0005, height=3.5, type_key="gabion")
    with pytest.raises(InputError, match="I_PRIME"):
        cd.plan_check_dams(flow, min_uparea_km2=0.0005, min_gradient=0.02, i_prime=0.02)
    from shapely.geometry import box

    far = box(0, 0, 10, 10).wkb
    with pytest.raises(InputError, match="does not overlap the DEM"):
        cd.aoi_mask([far], flow.grid)
    x0, y0 = flow.grid.geotransform[0], flow.grid.geotransform[3]
    sliver = box(x0 + 0.1, y0 - 0.3, x0 + 0.3, y0 - 0.1).wkb  # between cell centres
    with pytest.raises(InputError, match="covers no cell"):
        cd.aoi_mask([sliver], flow.grid)


def test_aoi_limits_the_dams():
    s = np.arange(300, dtype=float)
    flow = route(v_valley(100 + 0.08 * s))
    from shapely.geometry import box

    x0, y0 = flow.grid.geotransform[0], flow.grid.geotransform[3]
    aoi = cd.aoi_mask([box(x0, y0 - 160, x0 + 61, y0).wkb], flow.grid)  # upper 160 rows
    plan = cd.plan_check_dams(flow, aoi=aoi, min_uparea_km2=0.0005, max_uparea_km2=1.0)
    assert plan.dams and all(d.row < 160 for d in plan.dams)


# --- dam storage ------------------------------------------------------------------


def test_dam_storage_v_valley():
    hd, i, g = 3.0, 0.08, 0.25
    s = np.arange(300, dtype=float)
    flow = route(v_valley(100 + i * s, g=g))
    grid = flow.grid
    axis = [grid.cell_center(150, 5), grid.cell_center(150, 55)]
    st = cd.dam_storage(flow, axis, max_height=hd, step=0.5, erosion_modulus=5000.0, delivery_ratio=1.0)
    assert (st.row, st.col) == (150, 30)
    assert st.volumes[-1] == pytest.approx(4 * hd**3 / (3 * i), rel=0.02)
    assert st.volume_m3 == pytest.approx(st.volumes[-1])
    assert st.areas[-1] == pytest.approx(4 * hd**2 / i, rel=0.02)
    assert np.all(np.diff(st.volumes) > 0)
    assert st.crest_lengths[-1] == pytest.approx(24.0, abs=0.5)
    assert st.closed_height == pytest.approx(25 * g)  # ground at the axis ends
    assert st.control_km2 == pytest.approx(151 * 61 / 1e6)  # rows 0..150, axis row included
    assert st.size_code == "small"
    assert st.life_years == pytest.approx(st.volume_m3 * 1.35 / (5000 * st.control_km2))
    from shapely import wkb

    flooded = wkb.loads(st.flooded_wkb)
    assert flooded.area == pytest.approx(st.area_m2, rel=0.03)
    assert flooded.bounds[1] >= grid.cell_center(150, 30)[1] - 1e-6  # nothing below the axis


def test_dam_storage_axis_off_the_dem():
    flow = route(v_valley(100 + 0.08 * np.arange(50, dtype=float)))
    with pytest.raises(InputError, match="does not cross the DEM"):
        cd.dam_storage(flow, [(0.0, 0.0), (10.0, 10.0)], max_height=3)


# --- real DEMs ----------------------------------------------------------------------


@pytest.mark.parametrize("path", [BIGTUJUNGA, QINLING], ids=["bigtujunga", "qinling"])
def test_real_dem_invariants(path):
    if not os.path.exists(path):
        pytest.skip("shared data not found")
    lo, hi, hd, ip = 0.1, 1.0, 3.0, 0.02
    plan = cd.check_dams_from_dem(
        path, min_uparea_km2=lo, max_uparea_km2=hi, height=hd, i_prime=ip, min_gradient=0.05, curve_step=1.0
    )
    assert len(plan.dams) > 100
    # an independent routing of the same DEM
    flow = hy.route_dem(path)
    area = flow.area_m2
    z = flow.filled.astype(float)
    rows = np.array([d.row for d in plan.dams])
    cols = np.array([d.col for d in plan.dams])
    a = area[rows, cols] / 1e6
    assert np.all((a >= lo) & (a <= hi))
    by_id = {d.dam_id: d for d in plan.dams}
    codes = flow.codes
    n_checked = 0
    for d in plan.dams:
        assert d.bed_z == pytest.approx(z[d.row, d.col])
        hs, areas, vols = zip(*d.curve)
        assert np.all(np.diff(vols) >= 0) and np.all(np.diff(areas) >= 0)
        if d.next_id is None:
            continue
        up = by_id[d.next_id]
        assert d.spacing_m >= d.rule_spacing_m - 1e-6
        # independent: the D8 path from the next dam down to this one, as a bed profile
        r, c, path = up.row, up.col, [(up.row, up.col)]
        while (r, c) != (d.row, d.col) and len(path) < 10000:
            k = hy.D8_CODES.index(int(codes[r, c]))
            r, c = r + hy.D8_OFFSETS[k][0], c + hy.D8_OFFSETS[k][1]
            path.append((r, c))
        assert (r, c) == (d.row, d.col)  # the next dam lies upstream on the thalweg
        path = path[::-1]
        steps = [
            math.hypot(30.0 * (r1 - r0), 30.0 * (c1 - c0)) for (r0, c0), (r1, c1) in zip(path[:-1], path[1:])
        ]
        dist = np.concatenate([[0.0], np.cumsum(steps)])
        bed = np.array([z[p] for p in path])
        assert dist[-1] == pytest.approx(d.spacing_m)
        # the silted bed of this dam meets the bed no later than the next dam: spacing ≥ rule
        assert cd.meet_distance(dist, bed, 0, hd, ip) <= d.spacing_m + 1e-6
        n_checked += 1
    assert n_checked > 50


def test_doctests():
    import doctest
    import importlib
    import pkgutil

    attempted = 0
    for mod in pkgutil.iter_modules(cd.__path__):
        res = doctest.testmod(importlib.import_module(f"{cd.__name__}.{mod.name}"))
        assert res.failed == 0, mod.name
        attempted += res.attempted
    assert attempted > 10
