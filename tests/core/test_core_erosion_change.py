"""Erosion change core: a 3×3 case with known transitions (domain-review §3.7), zones, soil-loss
input graded by SL 190, nodata reported, blocked = whole (no QGIS).
"""

import numpy as np
import pytest
from osgeo import gdal
from synth import write_raster

from swc_planner.algorithms.core.erosion import change as ec
from swc_planner.algorithms.core.erosion.intensity import KIND_INTENSITY, KIND_MODULUS
from swc_planner.algorithms.core.errors import InputError

CELL = 100.0  # 1 ha cells


def _write(path, array, dtype=gdal.GDT_Byte, nodata=None):
    return write_raster(path, array, cell=CELL, nodata=nodata, dtype=dtype)


BEFORE = np.array([[3, 3, 2], [2, 1, 1], [1, 1, 4]], dtype=np.uint8)
# two cells 3 -> 2, one cell 2 -> 1, everything else unchanged
AFTER = np.array([[2, 2, 2], [1, 1, 1], [1, 1, 4]], dtype=np.uint8)


def test_three_by_three_known_transitions(tmp_path):
    b = _write(tmp_path / "b.tif", BEFORE)
    a = _write(tmp_path / "a.tif", AFTER)
    out = str(tmp_path / "change.tif")
    res = ec.erosion_change(b, a, None, 0, out, block_rows=2, block_cols=2)
    assert res.before_kind == KIND_INTENSITY and res.after_kind == KIND_INTENSITY
    t = res.transitions[1]
    assert t[3, 2] == 2 and t[2, 1] == 1 and t[2, 2] == 1 and t[1, 1] == 4 and t[4, 4] == 1
    assert t.sum() == 9 and t[0].sum() == 0 and t[:, 0].sum() == 0
    s = res.summary(1)
    km2 = CELL * CELL / 1e6
    assert s["eroded_before"] == pytest.approx(5 * km2) and s["eroded_after"] == pytest.approx(4 * km2)
    assert s["eroded_change"] == pytest.approx(-1 * km2)  # eroded area −1 cell
    assert s["rate_before"] == pytest.approx(100 * 4 / 9) and s["rate_after"] == pytest.approx(100 * 5 / 9)
    assert s["rate_change"] == pytest.approx(100 / 9)
    assert (
        s["improved"] == pytest.approx(3 * km2)
        and s["worsened"] == 0
        and s["unchanged"] == pytest.approx(6 * km2)
    )
    diff = gdal.Open(out).ReadAsArray()
    assert (diff == AFTER.astype(int) - BEFORE.astype(int)).all()


def test_zones_nodata_and_soil_loss_input(tmp_path):
    # soil loss before (t/km2·a) graded with T = 200; after as intensity; one nodata cell each year
    loss = np.array([[3000.0, 2500.0, 199.9], [200.0, 100.0, 0.0], [50.0, -9999.0, 6000.0]], dtype=np.float32)
    after = np.array([[2, 3, 1], [1, 0, 1], [1, 1, 4]], dtype=np.uint8)
    zones = np.array([[1, 1, 1], [1, 2, 2], [2, 2, 2]], dtype=np.int32)
    b = _write(tmp_path / "b.tif", loss, gdal.GDT_Float32, -9999.0)
    a = _write(tmp_path / "a.tif", after, gdal.GDT_Byte, 0)
    z = _write(tmp_path / "z.tif", zones, gdal.GDT_Int32)
    res = ec.erosion_change(b, a, z, 2, None, tolerance=200.0)
    assert res.before_kind == KIND_MODULUS and res.after_kind == KIND_INTENSITY
    t1, t2 = res.transitions[1], res.transitions[2]
    # zone 1: 3000 (3) -> 2, 2500 (3) -> 3, 199.9 (1) -> 1, 200 (2) -> 1
    assert t1[3, 2] == 1 and t1[3, 3] == 1 and t1[1, 1] == 1 and t1[2, 1] == 1 and t1.sum() == 4
    # zone 2: 100 (1) -> nodata, 0 (1) -> 1, 50 (1) -> 1, nodata -> 1, 6000 (4) -> 4
    assert t2[1, 0] == 1 and t2[1, 1] == 2 and t2[0, 1] == 1 and t2[4, 4] == 1
    s2 = res.summary(2)
    km2 = CELL * CELL / 1e6
    assert s2["area"] == pytest.approx(3 * km2) and s2["nodata"] == pytest.approx(2 * km2)
    assert s2["rate_before"] == pytest.approx(100 * 2 / 3)
    assert res.loss_before is None  # only one of the two is a soil-loss raster


def test_two_soil_loss_rasters_give_tonnes(tmp_path):
    b = _write(tmp_path / "b.tif", np.full((2, 2), 1000.0, dtype=np.float32), gdal.GDT_Float32)
    a = _write(tmp_path / "a.tif", np.full((2, 2), 400.0, dtype=np.float32), gdal.GDT_Float32)
    res = ec.erosion_change(b, a, None, 0, None)
    km2 = CELL * CELL / 1e6
    assert res.summary(1)["loss_before"] == pytest.approx(4 * km2 * 1000.0)
    assert res.summary(1)["loss_after"] == pytest.approx(4 * km2 * 400.0)


def test_blocked_equals_whole_and_misaligned_is_refused(tmp_path):
    rng = np.random.default_rng(7)
    before = rng.integers(1, 7, size=(37, 23)).astype(np.uint8)
    after = rng.integers(1, 7, size=(37, 23)).astype(np.uint8)
    b = _write(tmp_path / "b.tif", before)
    a = _write(tmp_path / "a.tif", after)
    whole = ec.erosion_change(b, a, None, 0, None, block_rows=4096, block_cols=4096)
    blocked = ec.erosion_change(b, a, None, 0, None, block_rows=5, block_cols=7)
    assert (whole.transitions == blocked.transitions).all()
    expected = np.zeros((7, 7), dtype=np.int64)
    np.add.at(expected, (before.ravel(), after.ravel()), 1)
    assert (whole.transitions[1] == expected).all()
    small = _write(tmp_path / "s.tif", after[:10])
    with pytest.raises(InputError):
        ec.erosion_change(b, small, None, 0, None)
