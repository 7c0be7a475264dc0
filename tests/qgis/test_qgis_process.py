"""The algorithms from the command line: qgis_process lists, documents and runs them."""

import json
import os
import subprocess

import numpy as np
import pytest
from shapely.geometry import box
from synth import iter_features, plane, write_polygons, write_raster
from testdata import _PARENT

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian's wrapper adds a flag 3.22 rejects


@pytest.fixture(scope="module")
def qp_env(tmp_path_factory):
    if not os.path.exists(QGIS_PROCESS):
        pytest.skip("qgis_process is not installed")
    config = tmp_path_factory.mktemp("qgis_profile")
    env = dict(
        os.environ,
        QGIS_PLUGINPATH=_PARENT,
        QGIS_CUSTOM_CONFIG_PATH=str(config),
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(tmp_path_factory.mktemp("qp_tmp")),
    )
    out = subprocess.run(
        [QGIS_PROCESS, "plugins", "enable", "swc_planner"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return env


def qgis_process(env, *args):
    return subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=300)


def test_every_algorithm_is_listed(qp_env):
    from swc_planner.algorithms.provider import ALGORITHMS

    out = qgis_process(qp_env, "list")
    assert out.returncode == 0, out.stderr
    for alg_id in ALGORITHMS:
        assert "swcplanner:" + alg_id in out.stdout, alg_id


def test_help_and_run_steepslopeban(qp_env, tmp_path):
    out = qgis_process(qp_env, "help", "swcplanner:steepslopeban")
    assert out.returncode == 0 and "RESERVOIR_THRESHOLD" in out.stdout and "MIN_AREA" in out.stdout
    dem = write_raster(tmp_path / "dem.tif", plane(40, 40, 30.0).astype(np.float32))
    x0, y1 = 39500000.0, 4500000.0
    counties = write_polygons(
        str(tmp_path / "c.gpkg"),
        [(box(x0, y1 - 400, x0 + 400, y1).wkb, {"name": "涞水县"})],
        layer="counties",
    )
    out = qgis_process(
        qp_env,
        "--json",
        "run",
        "swcplanner:steepslopeban",
        "--",
        "DEM=" + dem,
        "COUNTIES=" + counties,
        "COUNTY_FIELD=name",
        "MIN_AREA=0",
        "OUTPUT=" + str(tmp_path / "ban.gpkg"),
        "SUMMARY=" + str(tmp_path / "sum.csv"),
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    results = json.loads(out.stdout)["results"]
    rows = list(iter_features(results["SUMMARY"]))
    assert rows[0]["COUNTY"] == "涞水县" and float(rows[0]["BAN_HA"]) == pytest.approx(16.0)


def test_bad_input_fails_with_the_message(qp_env, tmp_path):
    dem = write_raster(
        tmp_path / "geo.tif", np.ones((10, 10), np.float32), epsg=4490, origin=(116.0, 40.0), cell=0.001
    )
    counties = write_polygons(
        str(tmp_path / "c.gpkg"), [(box(116.0, 39.99, 116.01, 40.0).wkb, {"name": "x"})], epsg=4490, layer="c"
    )
    out = qgis_process(
        qp_env,
        "run",
        "swcplanner:steepslopeban",
        "--",
        "DEM=" + dem,
        "COUNTIES=" + counties,
        "COUNTY_FIELD=name",
        "OUTPUT=" + str(tmp_path / "o.gpkg"),
        "SUMMARY=" + str(tmp_path / "s.csv"),
    )
    assert out.returncode != 0
    assert "EPSG:4527" in out.stdout + out.stderr
    assert not (tmp_path / "o.gpkg").exists()
