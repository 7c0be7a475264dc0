"""Grid description: refusals with messages that say what to fix."""

import numpy as np
import pytest
from synth import write_raster
from testdata import shared

from swc_planner.algorithms.core.errors import GridError, InputError
from swc_planner.algorithms.core.grid import GridSpec, cgcs2000_gk_epsg
from swc_planner.algorithms.core.raster_io import RasterWriter, iter_windows, open_raster, read_grid


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
