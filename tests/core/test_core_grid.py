"""Grid description and the I/O layer: refusals that say what to fix, GeoTIFF options, alignment,
GDAL's exception mode kept local, the one lookup-table reader."""

import os
import subprocess
import sys

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from synth import read_array, write_raster
from testdata import REPO, shared

from swc_planner.algorithms.core.errors import GridError, InputError
from swc_planner.algorithms.core.grid import GridSpec, cgcs2000_gk_epsg
from swc_planner.algorithms.core.io import gdal_exceptions
from swc_planner.algorithms.core.io.raster import (
    INT_NODATA,
    RasterWriter,
    align_raster,
    create_raster,
    iter_windows,
    open_raster,
    read_grid,
    write_array,
)
from swc_planner.algorithms.core.io.raster import read_array as read_array_core
from swc_planner.algorithms.core.io.tables import TABLE_DIR, read_table, table_number


def test_gk_zone_codes_for_hebei():
    assert cgcs2000_gk_epsg(114.2) == (4526, 4547)
    assert cgcs2000_gk_epsg(117.0) == (4527, 4548)
    assert cgcs2000_gk_epsg(119.9) == (4528, 4549)
    assert cgcs2000_gk_epsg(108.5) == (4524, 4545)


def test_geographic_dem_is_refused_with_the_zone_to_use():
    grid = read_grid(shared("hebei_dem_30s", "hebei_dem_30arcsec_wgs84.tif"))
    with pytest.raises(GridError) as err:
        grid.check_usable()
    assert "EPSG:4527" in str(err.value) and "EPSG:4548" in str(err.value)


def test_rotated_and_crsless_grids_are_refused(tmp_path):
    rotated = GridSpec((0.0, 10.0, 0.5, 0.0, 0.0, -10.0), (5, 5), None, "x")
    with pytest.raises(GridError, match="rotated"):
        rotated.check_usable()
    path = write_raster(tmp_path / "nocrs.tif", np.zeros((4, 4), np.float32), epsg=None)
    with pytest.raises(GridError, match="no coordinate reference system"):
        read_grid(path).check_usable()


def test_projected_dem_is_accepted_and_described():
    grid = read_grid(shared("hebei_dem_30s", "hebei_dem_1km_cgcs2000_gk39.tif"))
    grid.check_usable()
    assert (grid.rows, grid.cols) == (841, 681)
    assert grid.cell_area == 1.0e6 and grid.nodata == -999


def test_unreadable_raster_gives_input_error(tmp_path):
    bad = tmp_path / "bad.tif"
    bad.write_text("not a raster")
    with pytest.raises(InputError, match="Cannot open the raster"):
        open_raster(str(bad))


def test_windows_cover_the_grid_once():
    grid = GridSpec((0.0, 1.0, 0.0, 0.0, 0.0, -1.0), (23, 17), None, "")
    seen = np.zeros(grid.shape, dtype=int)
    for w in iter_windows(grid, 5, 7, halo=1):
        seen[w.row0 : w.row0 + w.rows, w.col0 : w.col0 + w.cols] += 1
    assert (seen == 1).all()


def test_writer_discards_partial_output_on_error(tmp_path):
    grid = GridSpec((0.0, 1.0, 0.0, 0.0, 0.0, -1.0), (4, 4), None, "")
    target = tmp_path / "out.tif"
    with pytest.raises(RuntimeError):
        with RasterWriter(str(target), grid) as writer:
            raise RuntimeError("boom")
    assert not target.exists()
    assert not list(tmp_path.iterdir()), "temporary file left behind"
    del writer


# --- alignment on a reference grid ----------------------------------------------------


def test_align_raster_shift_and_crs_error(tmp_path):
    grid_path = write_raster(tmp_path / "ref.tif", np.zeros((6, 5), dtype=np.float32))
    grid = read_grid(grid_path)
    # a class raster starting 2 rows lower and 1 column further east
    cls = np.arange(1, 13, dtype=np.uint8).reshape(4, 3)
    src = write_raster(
        tmp_path / "cls.tif", cls, origin=(39500010.0, 4499980.0), nodata=255, dtype=gdal.GDT_Byte
    )
    out = align_raster(src, grid, str(tmp_path / "al.tif"), "LANDUSE", categorical=True)
    arr, nod, _gt = read_array(out)
    assert arr.shape == (6, 5) and nod == INT_NODATA
    np.testing.assert_array_equal(arr[2:6, 1:4], cls)
    assert (arr[:2] == nod).all() and (arr[:, 0] == nod).all() and (arr[:, 4] == nod).all()
    assert align_raster(grid_path, grid, str(tmp_path / "x.tif"), "R") == grid_path
    other = write_raster(tmp_path / "other.tif", np.zeros((6, 5), dtype=np.float32), epsg=4526)
    with pytest.raises(InputError) as err:
        align_raster(other, grid, str(tmp_path / "y.tif"), "K")
    assert "4526" in str(err.value) and "4527" in str(err.value)


def test_outputs_are_tiled_and_compressed_as_declared(tmp_path):
    grid = GridSpec((0.0, 10.0, 0.0, 0.0, 0.0, -10.0), (300, 40), None, "")
    out = write_array(str(tmp_path / "a.tif"), grid, np.ones(grid.shape), nodata=-9999.0)
    ds = gdal.Open(out)
    meta = ds.GetMetadata("IMAGE_STRUCTURE")
    assert meta["COMPRESSION"] == "DEFLATE" and meta["PREDICTOR"] == "3"
    assert ds.GetRasterBand(1).GetBlockSize() == [256, 256]
    scratch = create_raster(str(tmp_path / "s.tif"), grid, gdal.GDT_Int32, compress="NONE")
    assert "COMPRESSION" not in scratch.GetMetadata("IMAGE_STRUCTURE")
    assert scratch.GetRasterBand(1).GetBlockSize() == [256, 256]


# --- GDAL's exception mode: on inside the I/O layer, the process-wide switch untouched ----


@pytest.fixture(params=[0, 1], ids=["exceptions-off", "exceptions-on"])
def gdal_mode(request):
    """Run a test with GDAL's process-wide exception mode off, then on; restore it after."""
    before = _modes()
    _set_modes((request.param,) * 3)
    yield request.param
    _set_modes(before)


def _set_modes(states):
    # GDAL 3.6 stacks one error handler per module: switch off in reverse order, on in order
    for module in (osr, ogr, gdal):
        module.DontUseExceptions()
    for module, state in zip((gdal, ogr, osr), states):
        if state:
            module.UseExceptions()


def _modes():
    return gdal.GetUseExceptions(), ogr.GetUseExceptions(), osr.GetUseExceptions()


def test_gdal_exceptions_is_local_and_restores_the_mode(gdal_mode):
    before = _modes()
    assert before == (gdal_mode,) * 3
    with gdal_exceptions():
        assert _modes() == (1, 1, 1)
        with gdal_exceptions():  # nested: still on, and still restored once
            assert _modes() == (1, 1, 1)
        assert _modes() == (1, 1, 1)
        with pytest.raises(RuntimeError):
            gdal.Open("/nonexistent/dem.tif")
    assert _modes() == before
    with pytest.raises(ValueError):  # an exception leaving the block restores the mode too
        with gdal_exceptions():
            raise ValueError("boom")
    assert _modes() == before


def test_gdal_exceptions_without_exception_mgr(monkeypatch, gdal_mode):
    """GDAL 3.6 has no ExceptionMgr: the fallback must restore each module's own switch."""
    for module in (gdal, ogr, osr):
        monkeypatch.delattr(module, "ExceptionMgr", raising=False)
    before = _modes()
    with gdal_exceptions():
        assert _modes() == (1, 1, 1)
    assert _modes() == before


def test_gdal_exceptions_with_exception_mgr(monkeypatch):
    """GDAL >= 3.7: one ExceptionMgr per module is entered and left, in reverse order."""
    log = []

    def fake(name):
        class ExceptionMgr:
            def __init__(self, useExceptions=True):  # noqa: N803 (GDAL's name)
                assert useExceptions is True

            def __enter__(self):
                log.append(("enter", name))

            def __exit__(self, *exc):
                log.append(("exit", name))

        return ExceptionMgr

    for module in (gdal, ogr, osr):
        monkeypatch.setattr(module, "ExceptionMgr", fake(module.__name__), raising=False)
    with gdal_exceptions():
        log.append(("body", ""))
    names = [gdal.__name__, ogr.__name__, osr.__name__]
    assert log == [("enter", n) for n in names] + [("body", "")] + [("exit", n) for n in reversed(names)]


def test_core_errors_are_typed_in_either_mode(tmp_path, gdal_mode):
    before = _modes()
    with pytest.raises(InputError, match="Cannot open the raster"):
        open_raster(str(tmp_path / "missing.tif"))
    bad = tmp_path / "bad.tif"
    bad.write_text("not a raster")
    with pytest.raises(InputError, match="Cannot open the raster"):
        open_raster(str(bad))
    dem = write_raster(tmp_path / "dem.tif", np.arange(20.0, dtype=np.float32).reshape(4, 5))
    z, grid = read_array_core(dem)
    assert z.shape == (4, 5) and grid.cellsize_x == 10.0
    assert _modes() == before


def test_importing_the_core_leaves_the_mode_alone():
    code = (
        "import pkgutil, importlib\n"
        "from osgeo import gdal, ogr, osr\n"
        "import swc_planner.algorithms.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, core.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(gdal.GetUseExceptions(), ogr.GetUseExceptions(), osr.GetUseExceptions())\n"
    )
    env = dict(os.environ, PYTHONPATH=os.environ["SWC_IMPORT_ROOT"])
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "0"], out.stdout + out.stderr


# --- the lookup-table reader --------------------------------------------------------------


def test_read_table_comments_case_and_errors(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "\ufeff# source: a standard\nCode, B ,name\n0101, 0.5 , 旱地\n\n# note\n03*,0.02,林地\n", "utf-8"
    )
    rows = read_table(str(path), ("code", "b"))
    assert rows == [
        {"code": "0101", "b": "0.5", "name": "旱地"},
        {"code": "03*", "b": "0.02", "name": "林地"},
    ]
    with pytest.raises(InputError) as err:
        read_table(str(path), ("code", "t"))
    assert err.value.params["missing"] == "t" and "b" in err.value.params["columns"]
    with pytest.raises(InputError, match="does not exist"):
        read_table(str(tmp_path / "none.csv"))
    assert table_number(rows[0], "b", str(path)) == 0.5
    with pytest.raises(InputError, match="outside"):
        table_number({"code": "x", "b": "2"}, "b", str(path))
    with pytest.raises(InputError, match="not a number"):
        table_number({"code": "x", "b": "two"}, "b", str(path))
    assert table_number({"code": "x", "b": ""}, "b", str(path), default=-1.0) == -1.0


def test_one_tables_folder():
    assert os.path.isfile(os.path.join(TABLE_DIR, "fvc_b.csv"))
    assert os.path.samefile(os.path.dirname(TABLE_DIR), os.path.join(REPO, "resources"))
