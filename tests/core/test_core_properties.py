"""Property tests of the core (issue 19): random small rasters with holes and random polygons.

Whatever hypothesis draws, the core either answers or raises one of its typed errors (``SwcError``), and
what it counts is conserved:

* slope classes: the cells of the classes of a zone are the valid cells of that zone in the written
  raster, and the blocked count is the whole-array count;
* steep slopes: banned + not banned = the valid cells of a county; the banned cells are exactly the
  county's cells steeper than its threshold (an independent whole-array slope); the patches hold them
  all, once; the township rows add up to the county rows (plus what lies in no township);
* SWC rate: every cell of a unit has one status; the units' rows add up to the row of their union;
* erosion change: every cell of a zone makes one transition; the year totals agree with the inputs.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from osgeo import gdal
from shapely.geometry import Polygon, box
from synth import write_raster

from swc_planner.algorithms.core.erosion import change, intensity
from swc_planner.algorithms.core.errors import SwcError
from swc_planner.algorithms.core.io.raster import read_array, read_grid
from swc_planner.algorithms.core.io.vector import rasterize
from swc_planner.algorithms.core.slopeclass import slope_classes
from swc_planner.algorithms.core.steepslope import county_areas, steep_slope_ban, township_areas
from swc_planner.algorithms.core.terrain import slope_array

X0, Y1 = 39500000.0, 4500000.0
NODATA = -9999.0

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,  # no .hypothesis/ folder
)


@st.composite
def terrains(draw, max_side=18):
    """``(array with NaN holes, cell size)``: a random rough surface with random holes."""
    rows = draw(st.integers(1, max_side))
    cols = draw(st.integers(1, max_side))
    seed = draw(st.integers(0, 2**31 - 1))
    relief = draw(st.sampled_from([0.0, 0.5, 5.0, 30.0]))
    rng = np.random.default_rng(seed)
    z = 100.0 + np.cumsum(rng.normal(0, relief, (rows, cols)), axis=0)
    z = z + np.cumsum(rng.normal(0, relief, (rows, cols)), axis=1)
    holes = draw(st.sampled_from([0.0, 0.1, 0.4, 1.0]))
    z[rng.random((rows, cols)) < holes] = np.nan
    cell = draw(st.sampled_from([1.0, 5.0, 10.0]))
    return z, cell


@st.composite
def polygons(draw, rows, cols, cell, n_max=4):
    """Random triangles and boxes over (and partly beyond) the grid; may overlap, may be empty."""
    n = draw(st.integers(0, n_max))
    width, height = cols * cell, rows * cell
    coord = st.floats(-0.3, 1.3, allow_nan=False)
    out = []
    for _ in range(n):
        if draw(st.booleans()):
            x = sorted([draw(coord), draw(coord)])
            y = sorted([draw(coord), draw(coord)])
            geom = box(X0 + x[0] * width, Y1 - y[1] * height, X0 + x[1] * width, Y1 - y[0] * height)
        else:
            pts = [(X0 + draw(coord) * width, Y1 - draw(coord) * height) for _ in range(3)]
            geom = Polygon(pts)
        if geom.is_valid and geom.area > 0:
            out.append(geom)
    return out


def _dem(tmp, z, cell):
    a = np.where(np.isnan(z), NODATA, z)
    return write_raster(tmp / "dem.tif", a, origin=(X0, Y1), cell=cell, nodata=NODATA, dtype=gdal.GDT_Float64)


def _zones(tmp, name, grid, polys):
    path = rasterize([(i + 1, p.wkb) for i, p in enumerate(polys)], grid, str(tmp / f"{name}.tif"))
    return path, read_array(path)[0].astype(np.int64)


def _fresh(tmp_path_factory):
    return tmp_path_factory.mktemp("prop")


# -- slope classes --------------------------------------------------------------------------------------
@SETTINGS
@given(data=st.data(), terrain=terrains(), block=st.integers(1, 20))
def test_slope_classes_conserve_the_valid_cells(tmp_path_factory, data, terrain, block):
    z, cell = terrain
    tmp = _fresh(tmp_path_factory)
    dem = _dem(tmp, z, cell)
    grid = read_grid(dem)
    polys = data.draw(polygons(*z.shape, cell))
    zone_path, zones = _zones(tmp, "zones", grid, polys)
    try:
        result = slope_classes(
            dem,
            str(tmp / "cls.tif"),
            [2, 6, 15, 25],
            zone_path,
            len(polys),
            block_rows=block,
            block_cols=block,
        )
    except SwcError:
        assert np.isnan(z).all(), "a typed error on a DEM with valid cells"
        assert not (tmp / "cls.tif").exists(), "a failed run left its raster"
        return
    cls = read_array(str(tmp / "cls.tif"))[0]
    valid = ~np.isnan(z)
    assert ((cls > 0) == valid).all(), "a class on nodata, or a valid cell without class"
    for zone in range(len(polys) + 1):
        assert result.counts[zone].sum() == (valid & (zones == zone)).sum()
        for c in range(1, 6):
            assert result.counts[zone, c] == ((cls == c) & (zones == zone)).sum()
    whole = slope_classes(dem, str(tmp / "whole.tif"), [2, 6, 15, 25], zone_path, len(polys))
    assert (whole.counts == result.counts).all(), "blocked and whole-array counts differ"


# -- steep slopes ---------------------------------------------------------------------------------------
@SETTINGS
@given(
    data=st.data(),
    terrain=terrains(),
    threshold=st.floats(0.1, 89.9),
    block=st.integers(1, 20),
)
def test_steep_slopes_conserve_cells_and_add_up(tmp_path_factory, data, terrain, threshold, block):
    z, cell = terrain
    tmp = _fresh(tmp_path_factory)
    dem = _dem(tmp, z, cell)
    grid = read_grid(dem)
    counties = data.draw(polygons(*z.shape, cell, n_max=3))
    towns = data.draw(polygons(*z.shape, cell, n_max=4))
    county_path, cmap = _zones(tmp, "counties", grid, counties)
    town_path, tmap = _zones(tmp, "towns", grid, towns)
    valid = ~np.isnan(z)
    try:
        result = steep_slope_ban(
            dem,
            county_path,
            [0.0] + [threshold] * len(counties),
            township_raster=town_path if towns else None,
            n_townships=len(towns),
            min_area_m2=0.0,
            work_dir=str(tmp),
            block_rows=block,
            block_cols=block,
        )
    except SwcError:
        assert not (valid & (cmap > 0)).any(), "a typed error although a county holds valid cells"
        return
    steep = slope_array(z, cell, cell) > threshold
    n = len(counties)
    for c in range(1, n + 1):
        inside = (cmap == c) & valid
        assert result.county_cells[c] == inside.sum(), "county area is not its valid cells"
        banned = result.county_banned_cells[c]
        assert banned == (inside & steep).sum(), (
            "banned cells differ from the cells steeper than the threshold"
        )
        assert banned + (inside & ~steep).sum() == inside.sum()  # banned + not banned = valid
        assert sum(p.cells for p in result.patches if p.county == c) == banned
        assert sum(1 for p in result.patches if p.county == c) == result.county_patches[c]
    burnt = rasterize([(p.county, p.wkb) for p in result.patches], grid, str(tmp / "burnt.tif"))
    burnt = read_array(burnt)[0].astype(np.int64)
    assert ((burnt > 0) <= (valid & steep & (cmap > 0))).all(), "a patch covers a cell that is not banned"
    assert ((burnt == cmap) | (burnt == 0)).all(), "a patch leaves its county"
    assert (burnt > 0).sum() == result.county_banned_cells[1:].sum(), "patches overlap or miss cells"
    rows = county_areas(result)
    assert len(rows) == n and all(r.ban_m2 <= r.area_m2 + 1e-6 for r in rows)
    if towns:
        trows = township_areas(result)
        assert len(trows) == len(towns)
        total_town = sum(r.ban_m2 for r in trows) + result.outside_township_cells * grid.cell_area
        assert total_town == pytest.approx(sum(r.ban_m2 for r in rows)), "townships do not add up to counties"
        parts = sum(r.patches for r in trows) + result.outside_township_patches
        assert parts == sum(r.patches for r in rows)


# -- SWC rate -------------------------------------------------------------------------------------------
@st.composite
def losses(draw, max_side=16):
    rows = draw(st.integers(1, max_side))
    cols = draw(st.integers(1, max_side))
    rng = np.random.default_rng(draw(st.integers(0, 2**31 - 1)))
    a = rng.choice([0.0, 150.0, 199.99, 200.0, 2499.0, 2500.0, 6000.0, 9000.0, 20000.0], size=(rows, cols))
    a[rng.random((rows, cols)) < draw(st.sampled_from([0.0, 0.2, 1.0]))] = np.nan
    return a


@SETTINGS
@given(data=st.data(), loss=losses(), block=st.integers(1, 20))
def test_swc_rate_units_add_up_to_their_union(tmp_path_factory, data, loss, block):
    tmp = _fresh(tmp_path_factory)
    cell = 10.0
    path = write_raster(
        tmp / "loss.tif", np.where(np.isnan(loss), NODATA, loss), origin=(X0, Y1), cell=cell, nodata=NODATA
    )
    grid = read_grid(path)
    units = data.draw(polygons(*loss.shape, cell))
    zone_path, zones = _zones(tmp, "units", grid, units)
    union_path, union = _zones(tmp, "union", grid, [])
    union_arr = (zones > 0).astype(np.int32)
    union_path = write_raster(tmp / "union.tif", union_arr, origin=(X0, Y1), cell=cell, dtype=gdal.GDT_Int32)
    try:
        parts = intensity.swc_rate_cells(
            path, zone_path, len(units), kind=intensity.KIND_MODULUS, block_rows=block, block_cols=block
        )
        whole = intensity.swc_rate_cells(path, union_path, 1, kind=intensity.KIND_MODULUS)
    except SwcError:
        return
    valid = ~np.isnan(loss)
    for u in range(1, len(units) + 1):
        assert parts.counts.status[u].sum() == (zones == u).sum(), "a cell of a unit without one status"
        eroded = (zones == u) & valid & (loss >= 200.0)
        row = parts.counts.row(u, grid.cell_area)
        assert row["ERODED_KM2"] == pytest.approx(eroded.sum() * grid.cell_area / 1e6)
        assert row["NODATA_KM2"] == pytest.approx(((zones == u) & ~valid).sum() * grid.cell_area / 1e6)
    summed = parts.counts.status[1:].sum(axis=0)
    assert (summed == whole.counts.status[1]).all(), "units do not add up to their union"
    assert (parts.counts.water[1:].sum(axis=0) == whole.counts.water[1]).all()


# -- erosion change -------------------------------------------------------------------------------------
@SETTINGS
@given(data=st.data(), before=losses(), seed=st.integers(0, 2**31 - 1))
def test_erosion_change_transitions_conserve_cells(tmp_path_factory, data, before, seed):
    tmp = _fresh(tmp_path_factory)
    cell = 10.0
    rng = np.random.default_rng(seed)
    after = before.copy()
    flip = rng.random(before.shape) < 0.5
    after[flip] = rng.choice([0.0, 300.0, 3000.0, np.nan], size=int(flip.sum()))
    b = write_raster(
        tmp / "b.tif", np.where(np.isnan(before), NODATA, before), origin=(X0, Y1), cell=cell, nodata=NODATA
    )
    a = write_raster(
        tmp / "a.tif", np.where(np.isnan(after), NODATA, after), origin=(X0, Y1), cell=cell, nodata=NODATA
    )
    grid = read_grid(b)
    zones_polys = data.draw(polygons(*before.shape, cell))
    zone_path, zones = _zones(tmp, "z", grid, zones_polys)
    try:
        result = change.erosion_change(
            b,
            a,
            zone_path,
            len(zones_polys),
            str(tmp / "change.tif"),
            before_kind=intensity.KIND_MODULUS,
            after_kind=intensity.KIND_MODULUS,
        )
    except SwcError:
        assert not (tmp / "change.tif").exists()
        return
    for zone in range(len(zones_polys) + 1):
        inside = zones == zone
        t = result.transitions[zone]
        assert t.sum() == inside.sum(), "a cell of the zone without a transition"
        both = inside & ~np.isnan(before) & ~np.isnan(after)
        assert t[1:, 1:].sum() == both.sum()
        assert t[1:, :].sum() == (inside & ~np.isnan(before)).sum()
        assert t[:, 1:].sum() == (inside & ~np.isnan(after)).sum()
        s = result.summary(zone)
        assert s["improved"] + s["unchanged"] + s["worsened"] == pytest.approx(s["area"])
