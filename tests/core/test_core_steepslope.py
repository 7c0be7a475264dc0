"""Core of the steep-slope ban, without QGIS: memory bounded by the block size, exact patches."""

import tracemalloc

import numpy as np
from shapely.geometry import box
from synth import label_8, write_raster

from swc_planner.algorithms.core.io.raster import read_grid
from swc_planner.algorithms.core.io.vector import rasterize
from swc_planner.algorithms.core.slopeclass import slope_classes
from swc_planner.algorithms.core.steepslope import RULE_GENERAL, steep_slope_ban
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
