"""Horn gradient and slope: the gradient of a plane exactly, the slope equal to gdaldem slope
-compute_edges everywhere, blocked == whole."""

import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synth import gdaldem_slope, plane, read_array, write_raster
from testdata import REPO, shared

from swc_planner.algorithms.core.terrain import (
    horn_gradient,
    horn_slope,
    slope_array,
    slope_degrees,
    slope_to_raster,
)

REAL_DEMS = [
    ("bigtujunga_srtm30m", "srtm_bigtujunga30m_utm11.tif"),
    ("qinling_dem_110m", "qinling_dem_100m_cgcs2000_gk36.tif"),  # nodata around the edges
    ("youwuzhen_fujian_swc", "ywzdem5m.tif"),  # nodata outside the watershed
    ("youwuzhen_fujian_swc", "ywzdem10m.tif"),
]


@pytest.mark.parametrize("folder,name", REAL_DEMS)
def test_slope_equals_gdaldem_on_real_dems(tmp_path, folder, name):
    dem = shared(folder, name)
    ref = gdaldem_slope(dem, tmp_path / "ref.tif")
    out, valid = slope_to_raster(dem, str(tmp_path / "mine.tif"), block_rows=97, block_cols=131)
    mine, _nd, _gt = read_array(out)
    mine[mine == -9999] = np.nan
    assert np.array_equal(np.isnan(mine), np.isnan(ref)), "nodata masks differ"
    assert valid == int((~np.isnan(ref)).sum())
    diff = np.abs(mine - ref)[~np.isnan(ref)]
    assert diff.max() < 0.01, f"max difference {diff.max():.4f}°"


@pytest.mark.parametrize("angle", [5.0, 17.5, 30.0, 45.0])
def test_plane_has_its_slope_everywhere_including_edges(angle):
    z = plane(20, 15, angle, cell=10.0)
    s = slope_array(z, 10.0, 10.0)
    # edges are extrapolated linearly, so a plane stays a plane at the borders and corners
    np.testing.assert_allclose(s, angle, atol=1e-9)


def test_cone_slope_is_constant_away_from_apex():
    n, cell = 101, 5.0
    yy, xx = np.mgrid[0:n, 0:n] * cell
    r = np.hypot(xx - 250.0, yy - 250.0)
    z = 1000.0 - r * np.tan(np.radians(20.0))
    s = slope_array(z, cell, cell)
    ring = (r > 30) & (r < 200)
    # Horn on a cone: exact slope up to the discretisation of the curved contours
    assert abs(np.median(s[ring]) - 20.0) < 0.05


def test_nodata_hole_matches_gdaldem(tmp_path):
    z = plane(30, 40, 12.0) + np.random.default_rng(1).normal(0, 0.5, (30, 40))
    z[10:14, 18:25] = -9999.0
    z[0, 0] = -9999.0
    dem = write_raster(tmp_path / "hole.tif", z.astype(np.float32), nodata=-9999.0)
    ref = gdaldem_slope(dem, tmp_path / "ref.tif")
    mine = slope_array(z, 10.0, 10.0, nodata=-9999.0)
    assert np.array_equal(np.isnan(mine), np.isnan(ref))
    assert np.nanmax(np.abs(mine - ref)) < 0.01


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(block_rows=st.integers(1, 40), block_cols=st.integers(1, 40))
def test_blocked_equals_whole_array(tmp_path_factory, block_rows, block_cols):
    rng = np.random.default_rng(7)
    z = np.cumsum(rng.normal(0, 3, (37, 53)), axis=0) + np.cumsum(rng.normal(0, 3, (37, 53)), axis=1)
    z[5:9, 30:33] = -9999.0
    folder = tmp_path_factory.mktemp("blocks")
    dem = write_raster(folder / "dem.tif", z.astype(np.float32), nodata=-9999.0)
    whole = slope_array(z.astype(np.float32), 10.0, 10.0, nodata=-9999.0)
    out, _ = slope_to_raster(dem, str(folder / "s.tif"), block_rows=block_rows, block_cols=block_cols)
    blocked, _nd, _gt = read_array(out)
    blocked[blocked == -9999] = np.nan
    assert np.array_equal(np.isnan(blocked), np.isnan(whole))
    np.testing.assert_allclose(blocked, whole.astype(np.float32), atol=1e-4, equal_nan=True)


def test_horn_kernel_doc_example():
    z = np.tile(np.arange(5.0), (5, 1))
    w = np.pad(z, 1, constant_values=np.nan)
    assert horn_slope(w, 1.0, 1.0)[2, 2] == pytest.approx(45.0)


@pytest.mark.parametrize("aspect", [0.0, 30.0, 90.0, 135.0, 200.0, 315.0])
def test_horn_gradient_of_a_plane_points_uphill(aspect):
    """A plane z = p·x + q·y (x east, y north): Horn's gradient is exactly (p, q) at every inner cell."""
    cell, tan_slope = 5.0, 0.4
    p = tan_slope * np.sin(np.radians(aspect))  # the plane rises towards azimuth `aspect`
    q = tan_slope * np.cos(np.radians(aspect))
    rows, cols = 9, 11
    x = (np.arange(cols) + 0.5) * cell
    y = -(np.arange(rows) + 0.5) * cell  # row 0 is the northern edge
    z = 100.0 + p * x[None, :] + q * y[:, None]
    gx, gy = horn_gradient(z, cell, cell)
    np.testing.assert_allclose(gx, p, atol=1e-12)
    np.testing.assert_allclose(gy, q, atol=1e-12)
    np.testing.assert_allclose(slope_degrees(gx, gy), np.degrees(np.arctan(tan_slope)), atol=1e-9)
    # the CSLE flow-width factor of the same plane: |sin α| + |cos α|
    from swc_planner.algorithms.core.erosion.factors import flow_width_factor

    fw = flow_width_factor(z, cell, cell)[1:-1, 1:-1]  # edge cells: padded by repetition
    expected = abs(np.sin(np.radians(aspect))) + abs(np.cos(np.radians(aspect)))
    np.testing.assert_allclose(fw, expected, atol=1e-12)


def test_horn_gradient_nodata_neighbour_takes_the_centre():
    z = np.arange(9.0).reshape(3, 3)
    z[0, 2] = np.nan  # north-east neighbour
    gx, gy = horn_gradient(z, 1.0, 1.0)
    filled = z.copy()
    filled[0, 2] = z[1, 1]
    gx2, gy2 = horn_gradient(filled, 1.0, 1.0)
    assert gx[0, 0] == gx2[0, 0] and gy[0, 0] == gy2[0, 0]
    z[1, 1] = np.nan
    assert np.isnan(horn_gradient(z, 1.0, 1.0)[0][0, 0])


def test_one_horn_stencil_in_the_core():
    """The Horn stencil (…+ 2·f + i…) is written once, in terrain.horn_gradient."""
    import re

    core = os.path.join(REPO, "algorithms", "core")
    found = []
    for folder, _dirs, files in os.walk(core):
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    if re.search(r"\+ 2(\.0)? \* f \+ i\b", handle.read()):
                        found.append(os.path.relpath(os.path.join(folder, name), core))
    assert found == ["terrain.py"], found
