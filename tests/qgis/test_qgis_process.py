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
        "NO_LANDUSE_FILTER=true",
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


# -- every algorithm with only its inputs and its main output ---------------------------------------

X0, Y1, CELL = 39500000.0, 4500000.0, 5.0
ROWS, COLS = 120, 41


def v_valley():
    """A valley falling south at 8 %, sides rising 0.6 m/m (31°): gullies, steep slopes, a catchment."""
    r, c = np.mgrid[0:ROWS, 0:COLS]
    return (100 + 0.08 * (ROWS - 1 - r) * CELL + 0.6 * np.abs(c - COLS // 2) * CELL).astype(np.float32)


def _xy(row, col):
    return X0 + (col + 0.5) * CELL, Y1 - (row + 0.5) * CELL


@pytest.fixture(scope="module")
def scene(processing_ready, tmp_path_factory):
    """The synthetic inputs, and the inputs that are other algorithms' outputs (run in-process)."""
    import processing
    from shapely.geometry import LineString, Point

    d = tmp_path_factory.mktemp("scene")
    s = {"dir": d, "dem": write_raster(d / "dem.tif", v_valley(), origin=(X0, Y1), cell=CELL)}
    inner = box(X0 + 10, Y1 - ROWS * CELL + 10, X0 + COLS * CELL - 10, Y1 - 10)
    s["counties"] = write_polygons(
        str(d / "counties.gpkg"), [(inner.wkb, {"name": "甲县"})], layer="counties"
    )
    half = X0 + COLS * CELL / 2
    s["landuse"] = write_polygons(
        str(d / "landuse.gpkg"),
        [
            (box(X0, Y1 - ROWS * CELL, half, Y1).wkb, {"code": "0103"}),
            (box(half, Y1 - ROWS * CELL, X0 + COLS * CELL, Y1).wkb, {"code": "0301"}),
        ],
        layer="landuse",
    )
    s["outlets"] = write_polygons(
        str(d / "outlets.gpkg"), [(Point(*_xy(110, COLS // 2)).wkb, {"id": 1})], layer="o"
    )
    (xa, ya), (xb, _yb) = _xy(80, COLS // 2 - 10), _xy(80, COLS // 2 + 10)
    s["axis"] = write_polygons(
        str(d / "axis.gpkg"), [(LineString([(xa, ya), (xb, ya)]).wkb, {"id": 1})], layer="a"
    )
    s["slope"] = processing.run("swcplanner:slopeclasses", {"DEM": s["dem"], "OUTPUT": str(d / "slope.tif")})[
        "OUTPUT"
    ]
    loss = processing.run(
        "swcplanner:soilloss",
        {
            "DEM": s["dem"],
            "R_CONSTANT": 3000.0,
            "K_CONSTANT": 0.03,
            "LANDUSE": s["landuse"],
            "LANDUSE_FIELD": "code",
            "SOIL_LOSS": str(d / "loss.tif"),
            "TABLE": str(d / "loss_table.gpkg"),
            "INTENSITY": str(d / "intensity.tif"),
        },
    )
    s["soil_loss"], s["loss_table"] = loss["SOIL_LOSS"], loss["TABLE"]
    s["intensity"] = loss["INTENSITY"]
    s["landuse_slope"] = processing.run(
        "swcplanner:landuseslope",
        {"SLOPE": s["slope"], "LANDUSE": s["landuse"], "LANDUSE_FIELD": "code", "OUTPUT": str(d / "lus.tif")},
    )["OUTPUT"]
    s["measure_areas"] = processing.run(
        "swcplanner:measureplan",
        {"LANDUSE_SLOPE": s["landuse_slope"], "OUTPUT": str(d / "plan.tif"), "TABLE": str(d / "plan.gpkg")},
    )["TABLE"]
    s["ban"] = processing.run(
        "swcplanner:steepslopeban",
        {
            "DEM": s["dem"],
            "COUNTIES": s["counties"],
            "COUNTY_FIELD": "name",
            "NO_LANDUSE_FILTER": True,
            "OUTPUT": str(d / "ban.gpkg"),
        },
    )["OUTPUT"]
    _erosion_inputs(s, d)
    _supervision_inputs(s, d)
    s["supervised"] = processing.run(
        "swcplanner:rssupervision",
        {
            "PATCHES": s["patches"],
            "RANGES": s["ranges"],
            "PROJECT_ID_FIELD": "proj_id",
            "OUTPUT": str(d / "supervised.gpkg"),
        },
    )["OUTPUT"]
    return s


def _erosion_inputs(s, d):
    """Daily rainfall of three stations over 2020 (one 50 mm storm in July), and soil texture polygons."""
    from shapely.geometry import Point

    stations = [("54511", 0.0, 0.0), ("54518", 3000.0, 500.0), ("54602", 1000.0, -3000.0)]
    s["stations"] = write_polygons(
        str(d / "stations.gpkg"),
        [(Point(X0 + dx, Y1 + dy).wkb, {"sid": sid}) for sid, dx, dy in stations],
        layer="stations",
    )
    rain = d / "rain.csv"
    with open(rain, "w", encoding="utf-8") as handle:
        handle.write("sid,day,p\n")
        for sid, _dx, _dy in stations:
            for day in np.arange(np.datetime64("2020-01-01"), np.datetime64("2021-01-01")):
                handle.write(f"{sid},{day},{50.0 if str(day) == '2020-07-01' else 0.0}\n")
    s["rain"] = str(rain)
    s["soils"] = write_polygons(
        str(d / "soils.gpkg"),
        [
            (
                box(X0, Y1 - ROWS * CELL, X0 + COLS * CELL, Y1).wkb,
                {"name": "褐土", "sand": 40.0, "silt": 40.0, "clay": 20.0, "oc": 1.0},
            )
        ],
        layer="soils",
    )


def _supervision_inputs(s, d):
    """A responsibility range, a disturbance patch half outside it, findings and approved plans."""
    s["ranges"] = write_polygons(
        str(d / "ranges.gpkg"),
        [(box(X0 + 10, Y1 - 110, X0 + 110, Y1 - 10).wkb, {"proj_id": "P1", "name": "示范公路工程"})],
        layer="ranges",
    )
    s["patches"] = write_polygons(
        str(d / "patches.gpkg"),
        [(box(X0 + 60, Y1 - 90, X0 + 160, Y1 - 30).wkb, {"tb_id": "D1", "kind": "施工扰动"})],
        layer="patches",
    )
    findings = {"name": "甲建设有限公司", "role": "生产建设单位", "day": "2023-03-01", "kind": "未批先建"}
    s["findings"] = _table(d / "findings.gpkg", "findings", [findings])
    s["plans"] = _table(d / "plans.gpkg", "plans", [{"pifu": f"冀水保〔2024〕{i}号"} for i in range(1, 41)])


def _table(path, layer, rows):
    """A geometry-less GeoPackage table of string fields."""
    from osgeo import ogr

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, None, ogr.wkbNone)
    for name in rows[0]:
        lyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for row in rows:
        feature = ogr.Feature(lyr.GetLayerDefn())
        for key, value in row.items():
            feature.SetField(key, value)
        lyr.CreateFeature(feature)
    ds = None
    return f"{path}|layername={layer}"


#: algorithm id → (main output, its file name, inputs from the scene)
RUNS = {
    "slopeclasses": ("OUTPUT", "out.tif", lambda s: {"DEM": s["dem"]}),
    "steepslopeban": (
        "OUTPUT",
        "out.gpkg",
        lambda s: {
            "DEM": s["dem"],
            "COUNTIES": s["counties"],
            "COUNTY_FIELD": "name",
            "NO_LANDUSE_FILTER": "true",
        },
    ),
    "fillsinks": ("OUTPUT", "out.tif", lambda s: {"DEM": s["dem"]}),
    "flowaccumulation": ("ACCUMULATION", "out.tif", lambda s: {"DEM": s["dem"]}),
    "channelnetwork": ("CHANNELS", "out.gpkg", lambda s: {"DEM": s["dem"]}),
    "watershed": ("OUTPUT", "out.gpkg", lambda s: {"DEM": s["dem"], "OUTLETS": s["outlets"]}),
    "lsfactor": ("LS_FACTOR", "out.tif", lambda s: {"DEM": s["dem"]}),
    "soilloss": (
        "SOIL_LOSS",
        "out.tif",
        lambda s: {
            "DEM": s["dem"],
            "R_CONSTANT": "3000",
            "K_CONSTANT": "0.03",
            "LANDUSE": s["landuse"],
            "LANDUSE_FIELD": "code",
        },
    ),
    "swcrate": (
        "OUTPUT",
        "out.gpkg",
        lambda s: {"INPUT": s["soil_loss"], "ZONES": s["counties"], "ZONE_FIELD": "name"},
    ),
    "farmlandscreening": ("OUTPUT", "out.gpkg", lambda s: {"PARCELS": s["landuse"], "DEM": s["dem"]}),
    "keyzones": (
        "OUTPUT",
        "out.gpkg",
        lambda s: {
            "UNITS": s["counties"],
            "UNIT_FIELD": "name",
            "INTENSITY": s["intensity"],
            "BAN": s["ban"],
        },
    ),
    "slopeworks": ("WORKS", "out.gpkg", lambda s: {"AREAS": s["counties"], "DEM": s["dem"]}),
    "checkdams": ("DAMS", "out.gpkg", lambda s: {"DEM": s["dem"]}),
    "damstorage": ("TABLE", "out.gpkg", lambda s: {"DEM": s["dem"], "AXIS": s["axis"]}),
    "siltdams": ("DAMS", "out.gpkg", lambda s: {"DEM": s["dem"], "MODULUS": "2000"}),
    "landuseslope": (
        "OUTPUT",
        "out.tif",
        lambda s: {"SLOPE": s["slope"], "LANDUSE": s["landuse"], "LANDUSE_FIELD": "code"},
    ),
    "measureplan": ("OUTPUT", "out.tif", lambda s: {"LANDUSE_SLOPE": s["landuse_slope"]}),
    "planquantities": ("QUANTITIES", "out.gpkg", lambda s: {"MEASURE_AREAS": s["measure_areas"]}),
    "planbenefits": ("OUTPUT", "out.gpkg", lambda s: {"BEFORE": s["loss_table"]}),
    "rainfallerosivity": (
        "OUTPUT",
        "out.tif",
        lambda s: {
            "RAINFALL": s["rain"],
            "STATION_FIELD": "sid",
            "DATE_FIELD": "day",
            "RAIN_FIELD": "p",
            "STATIONS": s["stations"],
        },
    ),
    "soilerodibility": (
        "OUTPUT",
        "out.tif",
        lambda s: {
            "SOILS": s["soils"],
            "SAND_FIELD": "sand",
            "SILT_FIELD": "silt",
            "CLAY_FIELD": "clay",
            "OC_FIELD": "oc",
        },
    ),
    "erosionchange": ("OUTPUT", "out.gpkg", lambda s: {"BEFORE": s["soil_loss"], "AFTER": s["soil_loss"]}),
    "erodedforest": (
        "OUTPUT",
        "out.gpkg",
        lambda s: {
            "SOIL_LOSS": s["soil_loss"],
            "LANDUSE": s["landuse"],
            "LANDUSE_FIELD": "code",
            "DEM": s["dem"],
        },
    ),
    "rssupervision": (
        "OUTPUT",
        "out.gpkg",
        lambda s: {"PATCHES": s["patches"], "RANGES": s["ranges"], "PROJECT_ID_FIELD": "proj_id"},
    ),
    "closepatches": ("OUTPUT", "out.gpkg", lambda s: {"INPUT": s["supervised"]}),
    "riskgrading": ("OUTPUT", "out.gpkg", lambda s: {"RANGES": s["ranges"], "PROJECT_ID_FIELD": "proj_id"}),
    "creditlists": (
        "OUTPUT",
        "out.gpkg",
        lambda s: {
            "FINDINGS": s["findings"],
            "ENTITY_FIELD": "name",
            "ROLE_FIELD": "role",
            "DATE_FIELD": "day",
            "TYPE_FIELD": "kind",
        },
    ),
    "plansampling": ("OUTPUT", "out.gpkg", lambda s: {"PLANS": s["plans"]}),
    "exportpackage": (
        "PACKAGE",
        "out.gpkg",
        lambda s: {"INPUT": s["ban"], "KIND": "0", "ADCODE": "130631"},  # kind 0: ban_patches
    ),
}
#: algorithms that need a PostgreSQL connection saved in QGIS (run in-process by test_alg_database.py)
NEEDS_DATABASE = {"publishresults", "importpackage", "provincerollup"}


def _provider_ids():
    from swc_planner.algorithms.provider import ALGORITHMS

    return list(ALGORITHMS)


@pytest.mark.parametrize("alg_id", _provider_ids())
def test_every_algorithm_runs_with_only_its_main_output(qp_env, scene, tmp_path, alg_id):
    """Secondary outputs are optional: qgis_process needs the inputs and the main output only."""
    if alg_id in NEEDS_DATABASE:
        pytest.skip(f"swcplanner:{alg_id} needs a PostgreSQL connection saved in QGIS")
    assert alg_id in RUNS, f"no qgis_process run for swcplanner:{alg_id}: add its inputs to RUNS"
    output, name, inputs = RUNS[alg_id]
    target = str(tmp_path / name)
    args = [f"{key}={value}" for key, value in inputs(scene).items()] + [f"{output}={target}"]
    out = qgis_process(qp_env, "--json", "run", "swcplanner:" + alg_id, "--", *args)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    results = json.loads(out.stdout)["results"]
    assert results[output].split("|")[0] == target
    assert os.path.getsize(target) > 0


def test_the_runs_use_declared_parameters_only(processing_ready):
    """qgis_process ignores a misspelt key; the in-process check keeps RUNS honest."""
    from qgis.core import QgsApplication
    from qgisapp import undeclared_keys

    keys = (
        "dem",
        "counties",
        "outlets",
        "axis",
        "landuse",
        "slope",
        "soil_loss",
        "loss_table",
        "landuse_slope",
        "intensity",
    )
    keys += (
        "measure_areas",
        "rain",
        "stations",
        "soils",
        "ranges",
        "patches",
        "findings",
        "plans",
        "supervised",
    )
    scene = dict.fromkeys(keys + ("ban",), "x")
    for alg_id, (output, _name, inputs) in RUNS.items():
        alg = QgsApplication.processingRegistry().algorithmById("swcplanner:" + alg_id)
        assert not undeclared_keys(alg, dict(inputs(scene), **{output: "x"})), alg_id
