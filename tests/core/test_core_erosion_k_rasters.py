"""K from texture rasters (core): the cell values equal the polygon formula, blocked = whole, errors that say
what to fix, cancel leaves no file."""

from __future__ import annotations

import os

import numpy as np
import pytest
from osgeo import gdal
from synth import write_raster

from swc_planner.algorithms.core.erosion import erodibility as ek  # noqa: E402
from swc_planner.algorithms.core.errors import Cancelled, InputError  # noqa: E402


def _write(path, array):
    return write_raster(path, array, cell=30.0, nodata=-9999.0)


def _case(tmp_path, scale=1.0):
    rng = np.random.default_rng(3)
    sand = rng.uniform(5, 85, (23, 17))
    clay = rng.uniform(3, 30, sand.shape)
    clay = np.minimum(clay, 100 - sand - 1)
    silt = 100 - sand - clay
    oc = rng.uniform(0.1, 3.0, sand.shape)
    sand[4, 5] = -9999.0
    arrays = (sand, silt, clay, oc)
    paths = [_write(tmp_path / f"{n}.tif", np.where(a < -1, a, a * scale)) for n, a in zip("abcd", arrays)]
    return paths, arrays


@pytest.mark.parametrize("china", [False, True])
def test_rasters_equal_the_polygon_formula_blocked(tmp_path, china):
    paths, (sand, silt, clay, oc) = _case(tmp_path)
    out = str(tmp_path / "k.tif")
    res = ek.erodibility_rasters(*paths, out, china=china, block_rows=5, block_cols=7)
    k = gdal.Open(out).ReadAsArray().astype(np.float64)
    ok = sand > -1
    expected = ek.erodibility(sand[ok], silt[ok], clay[ok], oc[ok], china=china).k
    np.testing.assert_allclose(k[ok], expected, rtol=1e-6, atol=1e-8)
    assert k[4, 5] == -9999.0 and res.nodata_cells == 1 and res.cells == ok.sum()
    whole = str(tmp_path / "w.tif")
    ek.erodibility_rasters(*paths, whole, china=china)
    np.testing.assert_array_equal(gdal.Open(whole).ReadAsArray(), gdal.Open(out).ReadAsArray())


def test_rasters_fractions_of_one_and_cancel(tmp_path):
    paths, _ = _case(tmp_path, scale=0.01)
    out = tmp_path / "k.tif"
    with pytest.raises(InputError, match="fractions of 1"):
        ek.erodibility_rasters(*paths, str(out))
    assert not out.exists() and not [p for p in os.listdir(tmp_path) if ".tmp." in p]
    paths, _ = _case(tmp_path)
    with pytest.raises(Cancelled):
        ek.erodibility_rasters(*paths, str(out), is_cancelled=lambda: True)
    assert not out.exists() and not [p for p in os.listdir(tmp_path) if ".tmp." in p]
