"""Core of the steep-slope ban, without QGIS: memory bounded by the block size, exact patches."""

import tracemalloc

import numpy as np
import pytest
from osgeo import gdal
from shapely import wkb as shapely_wkb
from shapely.geometry import box
from synth import label_8, plane, write_raster

from swc_planner.algorithms.core.io.raster import read_grid
from swc_planner.algorithms.core.io.vector import rasterize
from swc_planner.algorithms.core.slopeclass import slope_classes
from swc_planner.algorithms.core.steepslope import (
    RULE_GENERAL,
    county_areas,
    county_thresholds,
    reservoir_applies,
    reservoir_catchments,
    steep_slope_ban,
    township_areas,
)
from swc_planner.algorithms.core.terrain import slope_array


def rough_dem(rows, cols, seed=3):
    rng = np.random.default_rng(seed)
    z = np.cumsum(rng.normal(0, 4, (rows, cols)), axis=0) + np.cumsum(rng.normal(0, 4, (rows, cols)), axis=1)
    return z.astype(np.float32)


def test_memory_is_set_by_the_block_size_not_the_dem(tmp_path):
    rows = cols = 2000  # 4 M cells: a float64 copy alone would be 32 MB
    dem = write_raster(tmp_path / "big.tif", rough_dem(rows, cols))
    grid = read_grid(dem)
    counties = rasterize([(1, box(*grid.extent).wkb)], grid, str(tmp_path / "c.tif"))
    tracemalloc.start()
    result = steep_slope_ban(
        dem, counties, [0.0, 25.0], min_area_m2=0, block_rows=200, block_cols=200, work_dir=str(tmp_path)
    )
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.county_cells[1] == rows * cols
    # numpy allocations stay a few block-sized arrays (200² cells) plus the patch list
    assert peak < 12e6, f"peak {peak / 1e6:.1f} MB"


def test_patches_are_the_8_connected_components(tmp_path):
    z = rough_dem(120, 150, seed=11)
    dem = write_raster(tmp_path / "d.tif", z, cell=10.0)
    grid = read_grid(dem)
    counties = rasterize([(1, box(*grid.extent).wkb)], grid, str(tmp_path / "c.tif"))
    result = steep_slope_ban(dem, counties, [0.0, 30.0], min_area_m2=0, block_rows=37, block_cols=41)
    mask = slope_array(z, 10.0, 10.0) > 30.0
    labels, n = label_8(mask)
    sizes = sorted(np.bincount(labels.ravel())[1:].tolist())
    assert sorted(p.cells for p in result.patches) == sizes
    assert all(p.rule == RULE_GENERAL and p.max_slope > 30.0 for p in result.patches)
    assert result.county_banned_cells[1] == mask.sum()


def test_slope_classes_counts_match_whole_array(tmp_path):
    z = rough_dem(90, 70, seed=5)
    dem = write_raster(tmp_path / "d.tif", z, cell=5.0)
    res = slope_classes(dem, str(tmp_path / "cls.tif"), [2, 6, 15, 25], block_rows=16, block_cols=23)
    s = slope_array(z, 5.0, 5.0)
    expected = np.histogram(s, bins=[-1, 2, 6, 15, 25, 91])[0]
    # np.histogram puts the right edge in the upper bin; classes put it in the lower one
    lower = [
        np.sum(s <= 2),
        np.sum((s > 2) & (s <= 6)),
        np.sum((s > 6) & (s <= 15)),
        np.sum((s > 15) & (s <= 25)),
        np.sum(s > 25),
    ]
    assert res.counts[0, 1:].tolist() == lower
    assert sum(lower) == expected.sum()


def test_county_thresholds_from_a_field():
    values = [25, "20", None, "", "abc", 95, 0, -5, 89.9, "15.5"]
    thresholds, invalid = county_thresholds(values, 25.0)
    # index 0 is outside every county; invalid values (empty, not a number, not in 0°–90°) fall back
    assert thresholds == [0.0, 25.0, 20.0, 25.0, 25.0, 25.0, 25.0, 25.0, 25.0, 89.9, 15.5]
    assert invalid == [2, 3, 4, 5, 6, 7]


def test_county_and_township_tables_by_hand(tmp_path):
    """Two counties (west, east halves), each split into a north and a south township, over a DEM
    whose western half is a 30° plane and eastern half a 10° plane: the shares follow by counting
    cells, and the township rows of each county add up to the county row."""
    rows, cols, cell = 40, 60, 10.0
    z = np.hstack([plane(rows, cols // 2, 30.0, cell), plane(rows, cols // 2, 10.0, cell)]).astype(np.float32)
    dem = write_raster(tmp_path / "d.tif", z, cell=cell)
    grid = read_grid(dem)
    x0, y0, x1, y1 = grid.extent
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    counties = rasterize(
        [(1, box(x0, y0, xm, y1).wkb), (2, box(xm, y0, x1, y1).wkb)], grid, str(tmp_path / "c.tif")
    )
    quads = [box(x0, ym, xm, y1), box(x0, y0, xm, ym), box(xm, ym, x1, y1), box(xm, y0, x1, ym)]
    towns = rasterize([(i + 1, q.wkb) for i, q in enumerate(quads)], grid, str(tmp_path / "t.tif"))
    thresholds, _ = county_thresholds([25, 25], 25.0)
    result = steep_slope_ban(dem, counties, thresholds, township_raster=towns, n_townships=4, min_area_m2=0)
    mask = slope_array(z, cell, cell) > 25.0
    cell_m2 = cell * cell
    west, east = county_areas(result)
    assert west.area_m2 == rows * cols // 2 * cell_m2 and east.area_m2 == west.area_m2
    h, w = rows // 2, cols // 2
    assert west.ban_m2 == mask[:, :w].sum() * cell_m2 and east.ban_m2 == mask[:, w:].sum() * cell_m2
    assert west.share_pct == pytest.approx(100.0 * mask[:, :w].mean())
    assert west.ban_ha == west.ban_m2 / 1e4 and west.ban_mu == pytest.approx(west.ban_m2 * 15 / 1e4)
    assert west.ban_km2 == west.ban_m2 / 1e6
    assert west.patches == len([p for p in result.patches if p.county == 1])
    # no land-use layer: nothing filtered, the steep area is the banned area
    assert west.land_m2 is None and west.steep_m2 == west.ban_m2
    nw, sw, ne, se = township_areas(result)
    assert nw.ban_m2 == mask[:h, :w].sum() * cell_m2 and sw.ban_m2 == mask[h:, :w].sum() * cell_m2
    assert ne.ban_m2 == mask[:h, w:].sum() * cell_m2 and se.ban_m2 == mask[h:, w:].sum() * cell_m2
    assert nw.share_pct == pytest.approx(100.0 * mask[:h, :w].mean())
    assert (nw.county, sw.county, ne.county, se.county) == (1, 1, 2, 2)
    # the west county's one patch over both townships is split: 1 + 1 = 2 county patches
    assert nw.patches == sw.patches == 1 and west.patches == 2 and west.whole_patches == 1
    assert nw.ban_m2 + sw.ban_m2 == west.ban_m2 and ne.ban_m2 + se.ban_m2 == east.ban_m2
    assert ne.patches + se.patches == east.patches
    assert result.outside_township_cells == 0


def forest_block_scene(tmp_path, cell=10.0):
    """A 30° plane (every cell steeper than 25°) of 60 × 80 cells of 100 m² in one county.

    Land use: an 8 ha forest block (rows 10–29, cols 10–49: 20 × 40 cells) straddling townships
    A (cols < 35) and B (cols ≥ 35) — 25 columns (5 ha) in A, 15 (3 ha) in B — and a 4 ha forest
    block (rows 40–59, cols 55–74: 20 × 20 cells) inside B; the rest is cropland.
    """
    rows, cols = 60, 80
    z = plane(rows, cols, 30.0, cell).astype(np.float32)
    dem = write_raster(tmp_path / "plane30.tif", z, cell=cell)
    grid = read_grid(dem)
    x0, y0, x1, y1 = grid.extent

    def cells_box(r0, r1, c0, c1):  # rows r0..r1-1, cols c0..c1-1
        return box(x0 + c0 * cell, y1 - r1 * cell, x0 + c1 * cell, y1 - r0 * cell)

    counties = rasterize([(1, box(x0, y0, x1, y1).wkb)], grid, str(tmp_path / "county.tif"))
    forest = [cells_box(10, 30, 10, 50), cells_box(40, 60, 55, 75)]
    land = rasterize([(1, f.wkb) for f in forest], grid, str(tmp_path / "land.tif"), data_type=gdal.GDT_Byte)
    towns = rasterize(
        [(1, cells_box(0, rows, 0, 35).wkb), (2, cells_box(0, rows, 35, cols).wkb)],
        grid,
        str(tmp_path / "towns.tif"),
    )
    return dem, counties, land, towns, cells_box, (rows, cols)


def test_an_8_ha_patch_over_two_townships_is_kept_whole_then_split_5_and_3(tmp_path):
    """domain-review §3.2: the minimum (5 ha) applies to the whole patch, then the patch is split
    at the township line: A 1 patch of 5 ha, B 1 patch of 3 ha, the county 2 patches of 8 ha; the
    4 ha block lies in B entirely and is dropped."""
    dem, counties, land, towns, _box, (rows, cols) = forest_block_scene(tmp_path)
    result = steep_slope_ban(
        dem,
        counties,
        [0.0, 25.0],
        landuse_raster=land,
        township_raster=towns,
        n_townships=2,
        min_area_m2=5.0 * 1e4,
        block_rows=17,
        block_cols=23,
    )
    (county,) = county_areas(result)
    a, b = township_areas(result)
    assert (a.patches, a.ban_ha) == (1, pytest.approx(5.0))
    assert (b.patches, b.ban_ha) == (1, pytest.approx(3.0))
    assert (county.patches, county.ban_ha, county.whole_patches) == (2, pytest.approx(8.0), 1)
    assert a.patches + b.patches == county.patches and a.ban_m2 + b.ban_m2 == county.ban_m2
    assert result.removed_patches == 1  # the 4 ha block, below the 5 ha minimum
    parts = sorted((p.township, p.cells, p.whole_cells, p.whole_number) for p in result.patches)
    assert parts == [(1, 500, 800, 1), (2, 300, 800, 1)]
    # the land-use filter removes a known area: everything is steeper than 25°, 12 ha are forest
    assert county.steep_m2 == rows * cols * 100.0
    assert county.land_m2 == (800 + 400) * 100.0
    assert county.land_share_pct == pytest.approx(100.0 * 8.0 / 12.0)
    assert county.steep_m2 - county.land_m2 == (rows * cols - 1200) * 100.0


def test_red_line_overlap_per_patch_and_county(tmp_path):
    dem, counties, land, towns, cells_box, _shape = forest_block_scene(tmp_path)
    grid = read_grid(dem)
    # red line over rows 10–19 of the 8 ha block, cols 30–49: 10 × 20 = 200 cells (2 ha)
    red = rasterize(
        [(1, cells_box(0, 20, 30, 80).wkb)], grid, str(tmp_path / "red.tif"), data_type=gdal.GDT_Byte
    )
    result = steep_slope_ban(
        dem,
        counties,
        [0.0, 25.0],
        landuse_raster=land,
        township_raster=towns,
        n_townships=2,
        red_line_raster=red,
        min_area_m2=0.0,
    )
    (county,) = county_areas(result)
    # 8 ha block: rows 10–19 × cols 30–49 = 200 cells; the 4 ha block (rows 40–59) is outside
    assert county.red_m2 == 200 * 100.0
    assert county.red_share_pct == pytest.approx(100.0 * 200 / 1200)
    a, b = township_areas(result)
    assert a.red_m2 == 50 * 100.0 and b.red_m2 == 150 * 100.0  # cols 30–34 in A, 35–49 in B


def test_a_township_straying_over_the_county_line_takes_no_cells_of_the_neighbour(tmp_path):
    """Township 1 belongs to the west county (most of its cells); its sliver over the east county
    is counted as outside the townships, so each county's township rows still add up."""
    rows, cols, cell = 20, 40, 10.0
    z = plane(rows, cols, 30.0, cell).astype(np.float32)
    dem = write_raster(tmp_path / "p.tif", z, cell=cell)
    grid = read_grid(dem)
    x0, y0, x1, y1 = grid.extent
    xm = x0 + 20 * cell
    counties = rasterize(
        [(1, box(x0, y0, xm, y1).wkb), (2, box(xm, y0, x1, y1).wkb)], grid, str(tmp_path / "c.tif")
    )
    towns = rasterize([(1, box(x0, y0, xm + 3 * cell, y1).wkb)], grid, str(tmp_path / "t.tif"))
    result = steep_slope_ban(dem, counties, [0.0, 25.0, 25.0], township_raster=towns, n_townships=1)
    west, east = county_areas(result)
    (town,) = township_areas(result)
    assert town.county == 1 and town.ban_m2 == west.ban_m2 == rows * 20 * 100.0
    assert result.outside_township_cells == rows * 20  # all of the east county
    assert east.patches == 1 and town.patches == west.patches == 1


def v_valley(rows=60, cols=41, cell=10.0, side_deg=22.0, fall=0.1):
    """A V-shaped valley: thalweg down column ``cols // 2`` falling ``fall`` m/m southwards, side
    slopes ``tan(side_deg)``.  Side cells drain sideways to the thalweg (tan 22° = 0.404 >
    (√2 + 1)·0.1, so the sideways D8 drop beats the diagonal one), the thalweg drains south: the
    catchment of the thalweg cell in row r is rows 0..r, every column."""
    c0 = cols // 2
    rr, cc = np.mgrid[0:rows, 0:cols].astype(float)
    side = np.tan(np.radians(side_deg))
    return (1000.0 + side * np.abs(cc - c0) * cell + fall * (rows - rr) * cell).astype(np.float32), c0


def test_reservoir_catchment_of_a_dam_point_by_construction(tmp_path):
    z, c0 = v_valley()
    dem = write_raster(tmp_path / "v.tif", z, cell=10.0)
    grid = read_grid(dem)
    x, y = grid.cell_center(30, c0)
    (ws,), skipped = reservoir_catchments(dem, [(7, x, y)], 0.0)
    assert not skipped and ws.dam_id == 7
    assert ws.cells == 31 * 41 and ws.area_km2 == pytest.approx(31 * 41 * 100 / 1e6)
    x0, _y0, x1, y1 = grid.extent
    expected = box(x0, y1 - 31 * 10.0, x1, y1)
    assert shapely_wkb.loads(ws.wkb).symmetric_difference(expected).area == pytest.approx(0.0, abs=1e-6)
    assert ws.at_edge and ws.snap_m == 0.0
    assert reservoir_applies("大(2)型") and reservoir_applies("中型") and not reservoir_applies("小(1)型")
