"""Eroded forest core: a synthetic 3 ha eroded forest block gives one 3 ha patch with the measure
its slope selects; the minimum area, the cover limit and the measure table (no QGIS).
"""

import math
import os

import numpy as np
import pytest
from osgeo import gdal, ogr
from synth import write_raster
from testdata import REPO

from swc_planner.algorithms.core.erosion import forest as ef
from swc_planner.algorithms.core.errors import InputError

CELL = 10.0
TABLE = os.path.join(REPO, "resources", "tables", ef.MEASURE_TABLE)


def _write(path, array, dtype=gdal.GDT_Float32, nodata=None):
    return write_raster(path, array, cell=CELL, nodata=nodata, dtype=dtype)


def _plane(rows, cols, slope_deg):
    grad = math.tan(math.radians(slope_deg))
    r = np.arange(rows, dtype=np.float64)[:, None]
    return 1000.0 + (rows - 1 - r) * CELL * grad + np.zeros((1, cols))


def _scene(tmp_path, slope_deg, block=(slice(10, 25), slice(10, 30)), landuse_code=301):
    """60×60 cells of 10 m; a 15×20-cell (3 ha) block of forest with A = 3 000, other forest A = 100."""
    rows = cols = 60
    dem = _write(tmp_path / "dem.tif", _plane(rows, cols, slope_deg))
    loss = np.full((rows, cols), 100.0, dtype=np.float32)
    loss[block] = 3000.0
    loss[40:45, 40:45] = 5000.0  # eroded, but on cropland (0103)
    land = np.full((rows, cols), landuse_code, dtype=np.int32)
    land[35:50, 35:50] = 103
    land[55:57, 0:3] = 301
    loss[55:57, 0:3] = 900.0  # a 0.06 ha eroded forest patch, below the minimum area
    return dem, _write(tmp_path / "loss.tif", loss), _write(tmp_path / "land.tif", land, gdal.GDT_Int32)


@pytest.mark.parametrize(
    "slope, measure",
    [(8.0, "tree_basin"), (20.0, "level_bench"), (30.0, "fish_scale_pit"), (40.0, "pit_drainage")],
)
def test_three_hectare_block_gives_one_patch_with_its_measure(tmp_path, slope, measure):
    dem, loss, land = _scene(tmp_path, slope)
    table = ef.read_measure_table(TABLE)
    codes = ef.forest_values([103.0, 301.0], ef.FOREST_CODES)
    res = ef.eroded_forest(
        loss, land, codes, dem, table, tolerance=200.0, min_area_m2=1.0e4, block_rows=16, block_cols=16
    )
    assert len(res.patches) == 1
    p = res.patches[0]
    assert p.cells == 300 and p.area_ha == pytest.approx(3.0)
    assert ogr.CreateGeometryFromWkb(p.wkb).GetArea() == pytest.approx(3.0e4)
    assert ogr.CreateGeometryFromWkb(p.wkb).IsValid()
    assert p.mean_slope == pytest.approx(slope, abs=1e-3) and p.max_slope == pytest.approx(slope, abs=1e-3)
    assert p.mean_loss == pytest.approx(3000.0)
    assert p.measure.code == measure
    assert res.removed_patches == 1 and res.removed_cells == 6
    assert res.eroded_cells == 306 and res.forest_cells == 60 * 60 - 15 * 15


def test_cover_limit_and_corner_join(tmp_path):
    dem, loss, land = _scene(tmp_path, 20.0)
    fvc = np.full((60, 60), 0.3, dtype=np.float32)
    fvc[10:25, 10:20] = 0.8  # half of the block is well covered: left out
    fp = _write(tmp_path / "fvc.tif", fvc)
    table = ef.read_measure_table(TABLE)
    res = ef.eroded_forest(loss, land, [301.0], dem, table, min_area_m2=1.0e4, fvc_path=fp, max_fvc=0.6)
    assert [p.cells for p in res.patches] == [150] and res.patches[0].mean_fvc == pytest.approx(0.3)
    # two blocks touching at one corner form one 8-connected patch (a valid multipolygon)
    loss2 = np.full((60, 60), 0.0, dtype=np.float32)
    loss2[10:20, 10:20] = 500.0
    loss2[20:30, 20:30] = 500.0
    lp = _write(tmp_path / "loss2.tif", loss2)
    res2 = ef.eroded_forest(lp, land, [301.0], dem, table, min_area_m2=1.5e4)
    assert len(res2.patches) == 1 and res2.patches[0].cells == 200
    assert ogr.CreateGeometryFromWkb(res2.patches[0].wkb).IsValid()


def test_forest_codes_and_measure_table(tmp_path):
    assert ef.forest_values([301.0, 302.0, 305.0, 307.0, 101.0, 404.0], ["03*"]) == [
        301.0,
        302.0,
        305.0,
        307.0,
    ]
    assert ef.forest_values([301.0, 305.0], ["0305"]) == [305.0]
    table = ef.read_measure_table(TABLE)
    assert [m.code for m in table] == ["tree_basin", "level_bench", "fish_scale_pit", "pit_drainage"]
    assert ef.select_measure(25.0, table).code == "level_bench"  # upper bound included
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name_zh,name_en,min_slope,max_slope\na,甲,a,0,15\nb,乙,b,20,90\n", encoding="utf-8")
    with pytest.raises(InputError, match="consecutive"):
        ef.read_measure_table(str(bad))
