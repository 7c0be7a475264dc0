"""Core of the steep-slope ban, without QGIS: memory bounded by the block size, exact patches."""

import tracemalloc

import numpy as np
import pytest
from shapely.geometry import box
from synth import label_8, plane, write_raster

from swc_planner.algorithms.core.io.raster import read_grid
from swc_planner.algorithms.core.io.vector import rasterize
from swc_planner.algorithms.core.slopeclass import slope_classes
from swc_planner.algorithms.core.steepslope import (
    RULE_GENERAL,
    county_areas,
    county_thresholds,
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
    """Two counties (west, east halves) and two townships (north, south halves) over a DEM whose
    western half is a 30° plane and eastern half a 10° plane: the shares follow by counting cells."""
    rows, cols, cell = 40, 60, 10.0
    z = np.hstack([plane(rows, cols // 2, 30.0, cell), plane(rows, cols // 2, 10.0, cell)]).astype(np.float32)
    dem = write_raster(tmp_path / "d.tif", z, cell=cell)
    grid = read_grid(dem)
    x0, y0, x1, y1 = grid.extent
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    counties = rasterize(
        [(1, box(x0, y0, xm, y1).wkb), (2, box(xm, y0, x1, y1).wkb)], grid, str(tmp_path / "c.tif")
    )
    towns = rasterize(
        [(1, box(x0, ym, x1, y1).wkb), (2, box(x0, y0, x1, ym).wkb)], grid, str(tmp_path / "t.tif")
    )
    thresholds, _ = county_thresholds([25, 25], 25.0)
    result = steep_slope_ban(dem, counties, thresholds, township_raster=towns, n_townships=2, min_area_m2=0)
    mask = slope_array(z, cell, cell) > 25.0
    cell_m2 = cell * cell
    west, east = county_areas(result)
    assert west.area_m2 == rows * cols // 2 * cell_m2 and east.area_m2 == west.area_m2
    assert (
        west.ban_m2 == mask[:, : cols // 2].sum() * cell_m2
        and east.ban_m2 == mask[:, cols // 2 :].sum() * cell_m2
    )
    assert west.share_pct == pytest.approx(100.0 * mask[:, : cols // 2].mean())
    assert west.ban_ha == west.ban_m2 / 1e4 and west.ban_mu == pytest.approx(west.ban_m2 * 15 / 1e4)
    assert west.ban_km2 == west.ban_m2 / 1e6 and west.patches == len(
        [p for p in result.patches if p.county == 1]
    )
    north, south = township_areas(result)
    assert (
        north.ban_m2 == mask[: rows // 2].sum() * cell_m2
        and south.ban_m2 == mask[rows // 2 :].sum() * cell_m2
    )
    assert north.share_pct == pytest.approx(100.0 * mask[: rows // 2].mean())
    assert north.county in (1, 2) and north.patches >= 1
