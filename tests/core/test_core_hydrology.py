"""Core flow-routing tests (no QGIS): analytic surfaces and a reference priority-flood."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import numpy as np
import pytest
from reference_routing import DC, DR, reference_astar, reference_fill  # noqa: E402,F401

from swc_planner.algorithms.core import hydrology as h
from swc_planner.algorithms.core.errors import Cancelled, InputError, MemoryLimitError
from swc_planner.algorithms.core.grid import GridSpec
from swc_planner.algorithms.core.hydrology import directions


def downstream(codes: np.ndarray):
    """(row, col) each cell drains to, and whether that target is outside/nodata."""
    k = h._CODE_TO_K[codes]
    rows, cols = np.indices(codes.shape)
    tr = rows + DR[k]
    tc = cols + DC[k]
    return tr, tc


def check_drainage(filled: np.ndarray, codes: np.ndarray) -> None:
    """Every valid cell has a code, flows to a cell not higher, and reaches the edge/nodata."""
    valid = ~np.isnan(filled)
    assert np.all((codes > 0) == valid)
    tr, tc = downstream(codes)
    inside = (tr >= 0) & (tr < codes.shape[0]) & (tc >= 0) & (tc < codes.shape[1])
    target_valid = np.zeros_like(valid)
    target_valid[inside] = valid[tr[inside], tc[inside]]
    v_in = valid & target_valid
    assert np.all(filled[tr[v_in], tc[v_in]] <= filled[v_in])
    # no cycles: the accumulation leaving the grid accounts for every valid cell
    acc = h.flow_accumulation(codes)
    leaving = valid & ~target_valid
    assert acc[leaving].sum() == pytest.approx(valid.sum())


def random_dem(seed: int, shape=(40, 50), integer=False, holes=True) -> np.ndarray:
    rng = np.random.default_rng(seed)
    rows, cols = shape
    yy, xx = np.mgrid[0:rows, 0:cols]
    z = 0.3 * yy + 0.2 * xx + rng.normal(0, 3, shape)
    if integer:
        z = np.round(z / 2.0) * 2.0
    if holes:
        z[rng.random(shape) < 0.01] = np.nan
        z[10:14, 20:23] = np.nan
    return z


# --------------------------------------------------------------------------- analytic


def test_doctests():
    attempted = 0
    for mod in pkgutil.iter_modules(h.__path__):
        res = doctest.testmod(
            importlib.import_module(f"{h.__name__}.{mod.name}"), optionflags=doctest.ELLIPSIS
        )
        assert res.failed == 0, mod.name
        attempted += res.attempted
    assert attempted > 10


def test_tilted_plane_drains_to_low_edge():
    rows, cols = 30, 20
    z = (rows - np.arange(rows, dtype=float))[:, None] * 2.0 + np.zeros((1, cols))
    filled = h.fill_depressions(z)
    np.testing.assert_array_equal(filled, z)
    codes = h.d8_directions(filled, 10.0, 10.0)
    assert np.all(codes[:-1] == 4)  # due south
    tr, tc = downstream(codes)
    assert np.all((tr[-1] == rows) | (tc[-1] == cols))  # the low edge leaves the grid
    acc = h.flow_accumulation(codes)
    np.testing.assert_array_equal(acc, np.arange(1, rows + 1)[:, None] * np.ones((1, cols)))
    area = h.upslope_area(codes, 10.0, 10.0)
    assert area[-1, 5] == pytest.approx(rows * 100.0)
    check_drainage(filled, codes)


def test_v_valley_accumulates_linearly():
    rows, cols = 25, 21
    mid = cols // 2
    yy, xx = np.mgrid[0:rows, 0:cols]
    z = 10.0 * np.abs(xx - mid) + 1.0 * (rows - yy)  # side slope 10, valley slope 1
    codes = h.d8_directions(h.fill_depressions(z), 1.0, 1.0)
    assert np.all(codes[:, :mid] == 1) and np.all(codes[:, mid + 1 :] == 16)
    assert np.all(codes[:, mid] == 4)
    acc = h.flow_accumulation(codes)
    np.testing.assert_array_equal(acc[:, mid], cols * np.arange(1, rows + 1))
    # channels + Strahler + reaches: one order-1 reach down the thalweg
    area = acc * 4.0  # 2 m cells
    ch = h.extract_channels(area, 4.0 * cols * 3)
    assert ch.sum() == rows - 2 and np.all(ch[2:, mid])
    order = h.strahler_order(codes, ch)
    assert set(np.unique(order)) == {0, 1}
    grid = GridSpec((1000.0, 2.0, 0.0, 5000.0, 0.0, -2.0), (rows, cols), None, "")
    reaches = h.channel_reaches(codes, ch, grid, area_m2=area, elevation=z)
    assert len(reaches) == 1
    coords, attrs = reaches[0]
    assert len(coords) == rows - 2
    assert coords[0] == (1000.0 + (mid + 0.5) * 2, 5000.0 - 2.5 * 2)
    assert attrs["ORDER"] == 1
    assert attrs["LENGTH_M"] == pytest.approx(2.0 * (rows - 3))
    assert attrs["GRADIENT"] == pytest.approx(0.5)  # 1 m per 2 m cell
    assert attrs["UPAREA_KM2"] == pytest.approx(4.0 * cols * rows / 1e6)


def test_closed_pit_fills_exactly_to_spill():
    rng = np.random.default_rng(1)
    z = rng.uniform(0.0, 6.0, (9, 9))
    z[0, :] = z[-1, :] = z[:, 0] = z[:, -1] = 10.0
    z[0, 4] = 7.25  # the notch: spill elevation
    z[4, 4] = 8.5  # an island above the spill level stays
    filled = h.fill_depressions(z)
    expect = np.maximum(z, 7.25)
    expect[0, :] = z[0, :]
    expect[-1, :] = z[-1, :]
    expect[:, 0] = z[:, 0]
    expect[:, -1] = z[:, -1]
    np.testing.assert_array_equal(filled, expect)
    codes = h.d8_directions(filled, 1.0, 1.0)
    check_drainage(filled, codes)
    acc = h.flow_accumulation(codes)
    # all 49 interior cells leave through the notch cell
    assert acc[0, 4] >= 49


def test_nested_pits_spill_into_each_other():
    z = np.full((7, 11), 20.0)
    z[1:6, 1:5] = 5.0  # pit A, floor 5
    z[1:6, 6:10] = 3.0  # pit B, floor 3
    z[3, 5] = 8.0  # saddle between them at 8
    z[3, 10] = 12.0  # B's outlet to the edge at 12
    filled = h.fill_depressions(z)
    assert np.all(filled[1:6, 1:5] == 12.0) and np.all(filled[1:6, 6:10] == 12.0)
    assert filled[3, 5] == 12.0 and filled[0, 0] == 20.0
    np.testing.assert_array_equal(filled, reference_fill(z))


def test_nodata_hole_is_an_outlet():
    yy, xx = np.mgrid[0:21, 0:21]
    z = np.hypot(yy - 10.0, xx - 10.0) + 100.0  # a cone pointing down: a pit
    z[9:12, 9:12] = np.nan  # ... with a hole at its bottom
    filled = h.fill_depressions(z)
    np.testing.assert_array_equal(filled, z)  # nothing to fill
    codes = h.d8_directions(filled, 1.0, 1.0)
    assert np.all(codes[np.isnan(z)] == 0)
    check_drainage(filled, codes)
    tr, tc = downstream(codes)
    valid = ~np.isnan(z)
    into_hole = np.zeros_like(valid)
    ok = valid & (tr >= 0) & (tr < 21) & (tc >= 0) & (tc < 21)
    into_hole[ok] = np.isnan(z[tr[ok], tc[ok]])
    acc = h.flow_accumulation(codes)
    # everything not on the edge-draining rim drains into the hole
    assert acc[into_hole].sum() > 0.9 * valid.sum()


def test_flats_get_directions_towards_their_outlet():
    z = np.full((12, 12), 50.0)
    z[2:10, 2:10] = 10.0
    z[6, 0:2] = 10.0  # a channel from the flat to the west edge
    z[6, 0] = 9.0
    filled = h.fill_depressions(z)
    np.testing.assert_array_equal(filled, z)
    codes = h.d8_directions(filled, 1.0, 1.0)
    check_drainage(filled, codes)
    acc = h.flow_accumulation(codes)
    assert acc[6, 0] >= 64 + 2
    assert h.watershed_mask(codes, 6, 0)[2:10, 2:10].all()  # the whole flat drains out there


# --------------------------------------------------------------------------- reference


def test_reference_astar_drains_pits_through_their_pour_point():
    """The r.watershed re-enactment (the oracle for GRASS's semantics, see test_alg_hydrology)."""
    rng = np.random.default_rng(1)
    z = rng.uniform(0.0, 6.0, (9, 9))
    z[0, :] = z[-1, :] = z[:, 0] = z[:, -1] = 10.0
    z[0, 4] = 7.25  # the notch
    codes = reference_astar(z, 1.0, 1.0, ele_scale=1000)
    acc = h.flow_accumulation(codes)
    # all 81 cells: the 49 interior ones, the notch, and the edge cells, which r.watershed
    # redirects into a lower neighbour popped before them
    assert acc[0, 4] == 81
    tr, tc = downstream(codes)
    assert (tr[0, 4], tc[0, 4]) == (-1, 4)  # the notch drains off the map
    # no filling: the pit's water climbs back to the notch, so some cells drain uphill
    inside = (tr >= 0) & (tr < 9) & (tc >= 0) & (tc < 9)
    assert (z[tr[inside], tc[inside]] > z[inside]).any()
    # every valid cell reaches the edge or nodata (no cycles), also with holes and ties
    for seed in range(3):
        zr = random_dem(seed, integer=True)
        codes = reference_astar(zr, 1.0, 1.0)
        assert np.all((codes > 0) == ~np.isnan(zr))
        tr, tc = downstream(codes)
        out = ~((tr >= 0) & (tr < zr.shape[0]) & (tc >= 0) & (tc < zr.shape[1]))
        out[~out] = np.isnan(zr[tr[~out], tc[~out]])
        acc = h.flow_accumulation(codes)
        assert acc[out & ~np.isnan(zr)].sum() == (~np.isnan(zr)).sum()


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("integer", [False, True])
def test_fill_equals_priority_flood(seed, integer):
    z = random_dem(seed, integer=integer)
    filled = h.fill_depressions(z)
    ref = reference_fill(z)
    np.testing.assert_array_equal(np.isnan(filled), np.isnan(z))
    np.testing.assert_array_equal(filled[~np.isnan(z)], ref[~np.isnan(z)])
    codes = h.d8_directions(filled, 3.0, 2.0)
    check_drainage(filled, codes)


def test_blocked_equals_whole(monkeypatch):
    z = random_dem(11, shape=(70, 33), integer=True)
    whole_f = h.fill_depressions(z)
    whole_c = h.d8_directions(whole_f, 1.0, 1.0)
    monkeypatch.setattr(directions, "_BLOCK_ROWS", 7)
    np.testing.assert_array_equal(h.fill_depressions(z), whole_f)
    np.testing.assert_array_equal(h.d8_directions(whole_f, 1.0, 1.0), whole_c)


def test_float32_input_keeps_dtype_and_exactness():
    z = random_dem(3).astype(np.float32)
    filled = h.fill_depressions(z)
    assert filled.dtype == np.float32
    ref = reference_fill(z.astype(np.float64)).astype(np.float32)
    np.testing.assert_array_equal(filled[~np.isnan(z)], ref[~np.isnan(z)])


def test_weights_and_nodata():
    z = random_dem(5)
    codes = h.d8_directions(h.fill_depressions(z), 1.0, 1.0)
    acc = h.flow_accumulation(codes)
    w = h.flow_accumulation(codes, weights=np.full(z.shape, 2.0))
    np.testing.assert_allclose(w[~np.isnan(z)], 2 * acc[~np.isnan(z)])
    assert np.all(np.isnan(acc[np.isnan(z)]))


# --------------------------------------------------------------------------- channels


def test_strahler_y_network():
    # two order-1 branches join, an order-1 side stream joins the order-2 stem
    codes = np.zeros((6, 5), np.uint8)
    codes[0, 0] = codes[1, 1] = 2  # NW branch -> (2, 2)
    codes[0, 4] = codes[1, 3] = 8  # NE branch -> (2, 2)
    codes[2:6, 2] = 4  # the stem
    codes[3, 4] = 8  # side stream -> (4, 3)
    codes[4, 3] = 16  # -> (4, 2)
    ch = codes > 0
    order = h.strahler_order(codes, ch)
    assert order[1, 1] == 1 and order[1, 3] == 1
    assert order[2, 2] == 2 and order[5, 2] == 2 and order[4, 3] == 1
    grid = GridSpec((0.0, 1.0, 0.0, 6.0, 0.0, -1.0), (6, 5), None, "")
    area = h.flow_accumulation(codes)
    reaches = h.channel_reaches(codes, ch, grid, area_m2=area, elevation=-area)
    orders = sorted(a["ORDER"] for _, a in reaches)
    assert orders == [1, 1, 1, 2, 2]  # the stem is split where the side stream joins
    outlet = [r for r in reaches if r[0][-1] == (2.5, 0.5)][0]
    assert len(outlet[0]) == 2 and outlet[1]["UPAREA_KM2"] == pytest.approx(10 / 1e6)
    # the branches end on the junction cell, so the lines connect
    ends = {r[0][-1] for r in reaches if r[1]["ORDER"] == 1}
    assert (2.5, 3.5) in ends and (2.5, 1.5) in ends


# --------------------------------------------------------------------------- watersheds


def test_nested_watersheds_and_snap():
    rows, cols = 25, 21
    mid = cols // 2
    yy, xx = np.mgrid[0:rows, 0:cols]
    z = 10.0 * np.abs(xx - mid) + 1.0 * (rows - yy)
    codes = h.d8_directions(h.fill_depressions(z), 1.0, 1.0)
    acc = h.flow_accumulation(codes)
    r, c = h.snap_outlet(acc, 20, mid + 2, 2.5)
    assert (r, c) == (21, mid)  # the largest accumulation within 2.5 cells
    outer = h.watershed_mask(codes, rows - 1, mid)
    inner = h.watershed_mask(codes, 9, mid)
    assert outer.all()
    assert inner.sum() == acc[9, mid] == 10 * cols
    assert np.all(outer[inner])
    grid = GridSpec((0.0, 1.0, 0.0, float(rows), 0.0, -1.0), (rows, cols), None, "")
    poly = h.mask_to_polygon(inner, grid)
    assert poly.area == pytest.approx(inner.sum())
    with pytest.raises(InputError):
        h.snap_outlet(np.full((5, 5), np.nan), 2, 2, 1)


# --------------------------------------------------------------------------- limits


def test_memory_limit_refuses_before_allocating():
    z = np.zeros((1000, 1000))
    with pytest.raises(MemoryLimitError) as info:
        h.fill_depressions(z, max_memory_mb=1)
    assert "MAX_MEMORY" in str(info.value) and info.value.params["cells"] == 10**6


def test_cancel():
    z = random_dem(2, shape=(60, 60))
    with pytest.raises(Cancelled):
        h.fill_depressions(z, is_cancelled=lambda: True)
    codes = h.d8_directions(h.fill_depressions(z), 1.0, 1.0)
    with pytest.raises(Cancelled):
        h.flow_accumulation(codes, is_cancelled=lambda: True)


def test_unfilled_dem_is_refused_by_directions():
    z = np.full((5, 5), 10.0)
    z[2, 2] = 1.0
    with pytest.raises(InputError, match="Fill"):
        h.d8_directions(z, 1.0, 1.0)


def test_progress_is_monotone():
    seen = []
    h.fill_depressions(random_dem(4), progress=seen.append)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


# --------------------------------------------------------------------------- breach (r.watershed)


def test_breach_closed_pit_drains_through_pour_point_unchanged():
    rng = np.random.default_rng(1)
    z = rng.uniform(0.0, 6.0, (9, 9))
    z[0, :] = z[-1, :] = z[:, 0] = z[:, -1] = 10.0
    z[0, 4] = 7.25  # the notch
    before = z.copy()
    codes = h.breach_directions(z, 1.0, 1.0)
    np.testing.assert_array_equal(z, before)  # no elevation is changed
    acc = h.flow_accumulation(codes)
    assert acc[0, 4] == 81  # everything leaves through the notch
    tr, tc = downstream(codes)
    assert (tr[0, 4], tc[0, 4]) == (-1, 4)
    inside = (tr >= 0) & (tr < 9) & (tc >= 0) & (tc < 9)
    assert (z[tr[inside], tc[inside]] > z[inside]).any()  # back up to the pour point
    np.testing.assert_array_equal(codes, reference_astar(z, 1.0, 1.0, ele_scale=1000))


def test_breach_flat_drains_to_its_outlet():
    z = np.full((12, 12), 50.0)
    z[2:10, 2:10] = 10.0
    z[6, 0:2] = 10.0
    z[6, 0] = 9.0
    codes = h.breach_directions(z, 1.0, 1.0)
    assert h.watershed_mask(codes, 6, 0)[2:10, 2:10].all()
    np.testing.assert_array_equal(codes, reference_astar(z, 1.0, 1.0))


def test_breach_v_valley_accumulates_linearly():
    rows, cols = 25, 21
    mid = cols // 2
    yy, xx = np.mgrid[0:rows, 0:cols]
    z = 10.0 * np.abs(xx - mid) + 1.0 * (rows - yy)
    codes = h.breach_directions(z, 1.0, 1.0)
    acc = h.flow_accumulation(codes)
    # whole rows drain to the thalweg (r.watershed lets the edge cells drain inwards too)
    np.testing.assert_array_equal(acc[1:, mid], cols * np.arange(2, rows + 1))
    assert np.all(codes[1:, mid] == 4)
    np.testing.assert_array_equal(codes, reference_astar(z, 1.0, 1.0))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("integer", [False, True])
def test_breach_equals_reference_astar(seed, integer):
    z = random_dem(seed, integer=integer)
    codes = h.breach_directions(z, 3.0, 2.0)
    ref = reference_astar(z, 3.0, 2.0, ele_scale=1 if integer else 1000)
    np.testing.assert_array_equal(codes, ref)


def _hard_dem(seed: int):
    """Surfaces that stress the A* order: ties everywhere, one-cell pits, terraces, nested bowls."""
    rng = np.random.default_rng(1000 + seed)
    kind = seed % 6
    rows, cols = (int(v) for v in rng.integers(8, 45, 2))
    yy, xx = np.mgrid[0:rows, 0:cols]
    if kind == 0:  # float slope with noise: few ties, many small depressions
        z = 0.3 * yy + 0.2 * xx + rng.normal(0, 3, (rows, cols))
    elif kind == 1:  # the same on integers: ties on every slope
        z = np.round(0.3 * yy + 0.2 * xx + rng.normal(0, 3, (rows, cols)))
    elif kind == 2:  # four levels only: flats, nested flats and depressions everywhere
        z = rng.integers(0, 4, (rows, cols)).astype(float)
    elif kind == 3:  # white noise: a pit in every other cell
        z = rng.uniform(0, 10, (rows, cols))
    elif kind == 4:  # rounded egg box: terraces and closed bowls
        z = np.round(np.sin(yy / 5.0) * 3 + np.cos(xx / 4.0) * 3 + rng.normal(0, 0.5, (rows, cols)))
    else:  # integrated noise, rounded: long valleys with flat floors
        z = np.round(rng.normal(0, 1, (rows, cols)).cumsum(0).cumsum(1) / 5)
    if seed % 2:
        z[rng.random((rows, cols)) < 0.05] = np.nan
    cx, cy = (1.0, 1.0) if seed % 3 else (3.0, 2.0)
    return z, cx, cy


@pytest.mark.parametrize("seed", range(36))
def test_breach_equals_reference_astar_on_hard_surfaces(seed):
    """The vectorised A* order equals GRASS's search re-enacted cell by cell (no tolerance)."""
    z, cx, cy = _hard_dem(seed)
    integer = bool(np.all(np.isnan(z) | (z == np.round(z))))
    codes = h.breach_directions(z, cx, cy)
    np.testing.assert_array_equal(codes, reference_astar(z, cx, cy, ele_scale=1 if integer else 1000))


@pytest.mark.parametrize(
    "parts",
    [("youwuzhen_fujian_swc", "ywzdem10m.tif"), ("bigtujunga_srtm30m", "srtm_bigtujunga30m_utm11.tif")],
    ids=["youwuzhen", "bigtujunga"],
)
def test_breach_equals_reference_astar_on_real_dems(parts):
    """Real DEMs (Float32 Youwuzhen, Int16 SRTM with long flat valley floors and a reservoir):
    every direction equals the cell-by-cell re-enactment of r.watershed -s (itself checked
    against GRASS in tests/qgis/test_alg_hydrology.py)."""
    from osgeo import gdal
    from testdata import shared

    path = shared(*parts)
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    z = band.ReadAsArray().astype(np.float64)
    nod = band.GetNoDataValue()
    if nod is not None:
        z[z == nod] = np.nan
    gt = ds.GetGeoTransform()
    integer = bool(np.all(np.isnan(z) | (z == np.round(z))))
    cx, cy = abs(gt[1]), abs(gt[5])
    codes = h.breach_directions(z.astype(np.float32), cx, cy)
    ref = reference_astar(z, cx, cy, ele_scale=1 if integer else 1000)
    np.testing.assert_array_equal(codes, ref)


def test_breach_limits():
    z = random_dem(2, shape=(60, 60))
    with pytest.raises(Cancelled):
        h.breach_directions(z, 1.0, 1.0, is_cancelled=lambda: True)
    with pytest.raises(MemoryLimitError):
        h.breach_directions(np.zeros((1000, 1000)), 1.0, 1.0, max_memory_mb=1)
