"""The parameter and output layer: shared parameters defined once, loud contracts, early and clear errors.

* a shared parameter (DEM, BLOCK_SIZE, MAX_MEMORY, …) has the same type, default, bounds, advanced flag and
  label in every algorithm that declares it — the values below are the documented contract
  (``algorithms/params.py``), written out here rather than read from the module;
* every secondary output is optional and created by default (the QGIS convention);
* the provider registers every algorithm of README's table, lists its algorithms explicitly and fails
  loudly (logged as critical, raised) when one cannot be imported;
* an undeclared parameter is an error in the tests (``tests/qgisapp.py``), on every run path;
* numbers outside their range are refused with the allowed range, outputs that cannot be written before
  any work starts, a slope length below one cell as meaningless.
"""

import importlib.util
import os
import re
import sys

import numpy as np
import pytest
from qgis.core import QgsProcessingFeedback
from qgisapp import UNDECLARED, UndeclaredParameters
from shapely.geometry import box
from synth import plane, write_polygons, write_raster
from testdata import REPO

from swc_planner.algorithms.core.hydrology import DEFAULT_MAX_MEMORY_MB

ADVANCED = 2  # QgsProcessingParameterDefinition.Flag.FlagAdvanced
OPTIONAL = 8  # QgsProcessingParameterDefinition.Flag.FlagOptional

#: name → (QGIS type, default, minimum, maximum, advanced); None = not checked
SHARED = {
    "BLOCK_SIZE": ("number", 1024, 64, 16384, True),
    "MAX_MEMORY": ("number", DEFAULT_MAX_MEMORY_MB, 16, 1024 * 1024, True),
    "TOLERANCE": ("number", 200.0, 1.0, 2499.0, False),
    "DEPRESSIONS": ("enum", 0, None, None, False),
    "CHANNEL_AREA": ("number", None, 0.0, None, None),
    "MAX_LENGTH": ("number", 300.0, 0.0, None, None),
    "BREAKS": ("string", "2,6,15,25", None, None, False),
    "DEM": ("raster", None, None, None, False),
}
#: names that other algorithms use with another meaning (rssupervision's TOLERANCE is a share in %)
SCOPE = {"TOLERANCE": {"soilloss", "swcrate"}}
#: a DEM's label may say what the DEM is for, but always that it is projected, in metres
DEM_LABEL = "projected, metres"
#: ban slopes and slope limits: degrees in (0, 90)
SLOPE_BOUNDS = {
    ("steepslopeban", "THRESHOLD"): (0.1, 89.9),
    ("steepslopeban", "RESERVOIR_THRESHOLD"): (0.1, 89.9),
    ("farmlandscreening", "BAN_SLOPE"): (0.1, 89.9),
    ("slopeworks", "MIN_SLOPE"): (0.0, 90.0),
    ("slopeworks", "MAX_SLOPE"): (0.0, 90.0),
}


#: the main (only mandatory) output of the algorithms whose secondary outputs were made optional
MAIN_OUTPUTS = {
    "slopeclasses": "OUTPUT",
    "steepslopeban": "OUTPUT",
    "fillsinks": "OUTPUT",
    "flowaccumulation": "ACCUMULATION",
    "channelnetwork": "CHANNELS",
    "watershed": "OUTPUT",
    "soilloss": "SOIL_LOSS",
    "swcrate": "OUTPUT",
    "farmlandscreening": "OUTPUT",
    "slopeworks": "WORKS",
    "checkdams": "DAMS",
    "damstorage": "TABLE",
}


@pytest.fixture(scope="module")
def algorithms(processing_ready):
    from qgis.core import QgsApplication

    from swc_planner.algorithms.provider import ALGORITHMS

    registry = QgsApplication.processingRegistry()
    return {alg_id: registry.algorithmById("swcplanner:" + alg_id) for alg_id in ALGORITHMS}


def _bound(value):
    return None if value is None or abs(value) > 1e300 else value


def test_shared_parameters_have_one_definition(algorithms):
    seen = {}
    for alg_id, alg in algorithms.items():
        for param in alg.parameterDefinitions():
            name = param.name()
            if name not in SHARED or alg_id not in SCOPE.get(name, {alg_id}):
                continue
            kind, default, lo, hi, advanced = SHARED[name]
            where = f"{alg_id}.{name}"
            assert param.type() == kind, where
            if default is not None:
                assert param.defaultValue() == pytest.approx(default), where
            if kind == "number":
                assert _bound(param.minimum()) == lo, where
                assert _bound(param.maximum()) == hi, where
            if advanced is not None:
                assert bool(param.flags() & ADVANCED) == advanced, where
            if name == "DEM":
                assert DEM_LABEL in param.description(), where
            else:
                seen.setdefault(name, set()).add(param.description())
    assert {"BLOCK_SIZE", "MAX_MEMORY", "TOLERANCE", "DEPRESSIONS", "MAX_LENGTH", "CHANNEL_AREA"} <= set(seen)
    for name, labels in seen.items():
        assert len(labels) == 1, (name, labels)
    for (alg_id, name), (lo, hi) in SLOPE_BOUNDS.items():
        param = algorithms[alg_id].parameterDefinition(name)
        assert (param.minimum(), param.maximum()) == (lo, hi), (alg_id, name)


def test_max_memory_is_the_same_in_every_flow_routing_algorithm(algorithms):
    """Two bounds before (16 MB in the hydrology algorithms, 64 MB in lsfactor/soilloss): now one."""
    owners = [a for a, alg in algorithms.items() if alg.parameterDefinition("MAX_MEMORY") is not None]
    assert {"fillsinks", "flowaccumulation", "channelnetwork", "watershed", "lsfactor", "soilloss"} <= set(
        owners
    )
    assert {"checkdams", "damstorage"} <= set(owners)


def test_secondary_outputs_are_optional_and_created_by_default(algorithms):
    for alg_id, alg in algorithms.items():
        outputs = alg.destinationParameterDefinitions()
        assert outputs, alg_id
        mandatory = [d.name() for d in outputs if not d.flags() & OPTIONAL]
        # at most one main output: lsfactor's three factors are each optional (a run may want only S), and
        # an algorithm whose work is a side effect (publishing to a database) may have none
        assert len(mandatory) <= 1, (alg_id, mandatory)
        if alg_id in MAIN_OUTPUTS:
            assert mandatory == [MAIN_OUTPUTS[alg_id]], (alg_id, mandatory)
        for d in outputs:
            assert d.createByDefault(), (alg_id, d.name())


# -- provider --------------------------------------------------------------------------------------


def readme_algorithm_ids():
    with open(os.path.join(REPO, "README.md"), encoding="utf-8") as handle:
        return re.findall(r"^\|\s*`swcplanner:([a-z]+)`\s*\|", handle.read(), flags=re.M)


def test_provider_registers_every_algorithm_of_the_readme(algorithms):
    listed = readme_algorithm_ids()
    assert len(listed) >= 13 and len(set(listed)) == len(listed)
    for alg_id in listed:
        assert algorithms.get(alg_id) is not None, f"README lists swcplanner:{alg_id}; it is not registered"


def test_provider_lists_every_algorithm_module():
    """Each ``algorithms/<id>.py`` holding an algorithm class is in the provider's explicit list."""
    from swc_planner.algorithms.provider import ALGORITHM_CLASSES, ALGORITHMS

    assert [c.ALG_ID for c in ALGORITHM_CLASSES] == ALGORITHMS
    for cls in ALGORITHM_CLASSES:
        assert cls.__module__.rsplit(".", 1)[-1] == cls.ALG_ID, cls
    folder = os.path.join(REPO, "algorithms")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            text = handle.read()
        if re.search(r'^    ALG_ID = "[a-z]+"', text, flags=re.M):
            assert name[:-3] in ALGORITHMS, (
                f"algorithms/{name} defines an algorithm the provider does not list"
            )


def test_an_import_error_fails_loudly(processing_ready, monkeypatch):
    """A broken algorithm module: logged as critical in the QGIS log, and the import error raised."""
    from qgis.core import Qgis, QgsApplication

    logged = []

    def collect(message, tag, level):
        logged.append((message, tag, level))

    log = QgsApplication.messageLog()
    log.messageReceived.connect(collect)
    monkeypatch.setitem(sys.modules, "swc_planner.algorithms.watershed", None)  # import of it fails
    spec = importlib.util.spec_from_file_location(
        "swc_planner.algorithms._provider_probe", os.path.join(REPO, "algorithms", "provider.py")
    )
    module = importlib.util.module_from_spec(spec)
    try:
        with pytest.raises(ImportError, match="watershed"):
            spec.loader.exec_module(module)
    finally:
        log.messageReceived.disconnect(collect)
    critical = [m for m, tag, level in logged if tag == "SWC Planner" and level == Qgis.MessageLevel.Critical]
    assert critical and "watershed" in critical[0], logged


# -- undeclared parameters ------------------------------------------------------------------------


def _slopeworks_inputs(tmp_path):
    dem = write_raster(tmp_path / "dem.tif", plane(60, 60, 25.0, cell=5.0).astype(np.float32), cell=5.0)
    x0, y1 = 39500000.0, 4500000.0
    areas = write_polygons(
        str(tmp_path / "a.gpkg"), [(box(x0 + 50, y1 - 250, x0 + 250, y1 - 50).wkb, {"name": "甲"})], layer="a"
    )
    return {"DEM": dem, "AREAS": areas, "WORKS": str(tmp_path / "works.gpkg")}


def test_an_undeclared_parameter_is_an_error(processing_ready, tmp_path):
    """MIN_SLOPEX (a typo of MIN_SLOPE) would be dropped by QGIS without a word; here it fails."""
    import processing

    params = _slopeworks_inputs(tmp_path)
    with pytest.raises(UndeclaredParameters, match="MIN_SLOPEX"):
        processing.run("swcplanner:slopeworks", dict(params, MIN_SLOPEX=20.0))
    assert not os.path.exists(params["WORKS"])
    res = processing.run("swcplanner:slopeworks", dict(params, MIN_SLOPE=20.0))  # the right name runs
    assert os.path.exists(res["WORKS"].split("|")[0])


def test_an_undeclared_parameter_fails_on_the_runner_path(processing_ready, tmp_path):
    """``alg.run`` (the wizard runner's synchronous path; its task path runs the same prepare)."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    alg = QgsApplication.processingRegistry().createAlgorithmById("swcplanner:slopeworks")
    params = dict(_slopeworks_inputs(tmp_path), MIN_SLOPEX=20.0)
    _results, ok = alg.run(params, QgsProcessingContext(), QgsProcessingFeedback())
    try:
        assert not ok
        assert UNDECLARED and UNDECLARED[-1] == ("swcplanner:slopeworks", ["MIN_SLOPEX"])
    finally:
        UNDECLARED.clear()  # expected here: must not fail the session
    assert not os.path.exists(params["WORKS"])


# -- early, clear errors ----------------------------------------------------------------------------


def test_a_number_out_of_range_names_the_allowed_range(processing_ready, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    dem = write_raster(tmp_path / "dem.tif", plane(20, 20, 30.0).astype(np.float32))
    x0, y1 = 39500000.0, 4500000.0
    counties = write_polygons(
        str(tmp_path / "c.gpkg"), [(box(x0, y1 - 200, x0 + 200, y1).wkb, {"name": "甲县"})], layer="c"
    )
    params = {"DEM": dem, "COUNTIES": counties, "COUNTY_FIELD": "name", "OUTPUT": str(tmp_path / "o.gpkg")}
    with pytest.raises(QgsProcessingException, match=r"THRESHOLD\).*between 0\.1 and 89\.9; 95 was given"):
        processing.run("swcplanner:steepslopeban", dict(params, THRESHOLD=95.0))
    with pytest.raises(QgsProcessingException, match=r"BLOCK_SIZE\).*between 64 and 16384; 8 was given"):
        processing.run("swcplanner:steepslopeban", dict(params, BLOCK_SIZE=8))
    with pytest.raises(QgsProcessingException, match=r"MIN_AREA\).*at least 0; -1 was given"):
        processing.run("swcplanner:steepslopeban", dict(params, MIN_AREA=-1))


#: the six raster-writing algorithms and a run with only their main output
RASTER_RUNS = {
    "slopeclasses": "OUTPUT",
    "fillsinks": "OUTPUT",
    "flowaccumulation": "ACCUMULATION",
    "channelnetwork": "CHANNELS",
    "lsfactor": "LS_FACTOR",
    "soilloss": "SOIL_LOSS",
}


def _raster_params(alg_id, dem, tmp_path, output, out_path):
    params = {"DEM": dem, output: out_path}
    if alg_id == "soilloss":
        x0, y1 = 39500000.0, 4500000.0
        landuse = str(tmp_path / "lu.gpkg") + "|layername=lu"
        if not os.path.exists(str(tmp_path / "lu.gpkg")):
            write_polygons(
                str(tmp_path / "lu.gpkg"),
                [(box(x0, y1 - 200, x0 + 200, y1).wkb, {"code": "0103"})],
                layer="lu",
            )
        params.update(R_CONSTANT=3000.0, K_CONSTANT=0.03, LANDUSE=landuse, LANDUSE_FIELD="code")
    if alg_id == "channelnetwork":  # its raster is the secondary output
        params.update(CHANNELS=str(tmp_path / "ch.gpkg"), CHANNEL_RASTER=out_path)
    return params


@pytest.mark.parametrize("alg_id", sorted(RASTER_RUNS))
def test_an_output_folder_that_cannot_be_written_is_refused_before_any_work(
    processing_ready, tmp_path, alg_id
):
    import processing
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException

    dem = write_raster(tmp_path / "dem.tif", plane(20, 20, 20.0).astype(np.float32))
    output = RASTER_RUNS[alg_id]
    param = "CHANNEL_RASTER" if alg_id == "channelnetwork" else output
    (tmp_path / "a_file").write_text("not a folder")
    cases = {
        str(tmp_path / "missing" / "out.tif"): "does not exist",
        str(tmp_path / "a_file" / "out.tif"): "is not a folder",
        "/proc/swc_planner_out.tif": "cannot be written",  # not writable, even by root
    }
    for path, reason in cases.items():
        params = _raster_params(alg_id, dem, tmp_path, output, path)
        with pytest.raises(
            QgsProcessingException, match=rf"\({param}\) cannot be written: .*{reason}"
        ) as err:
            processing.run("swcplanner:" + alg_id, params)
        assert ".tmp" not in str(err.value), str(err.value)  # not the hidden temporary file
    # the runner path (no checkParameterValues): the same message, from processAlgorithm
    alg = QgsApplication.processingRegistry().createAlgorithmById("swcplanner:" + alg_id)
    feedback = ErrorFeedback()
    params = _raster_params(alg_id, dem, tmp_path, output, "/proc/swc_planner_out.tif")
    _results, ok = alg.run(params, QgsProcessingContext(), feedback)
    assert not ok and any(f"({param}) cannot be written" in e for e in feedback.errors), feedback.errors


class ErrorFeedback(QgsProcessingFeedback):
    """Keeps the errors reported to it."""

    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802,N803
        self.errors.append(error)


def test_a_slope_length_below_one_cell_is_refused(processing_ready, tmp_path):
    """MAX_LENGTH = 0.0001 m cut soil loss by 60 % without a word (issue 19); below one cell it is refused."""
    import processing
    from qgis.core import QgsProcessingException

    dem = write_raster(tmp_path / "dem.tif", plane(20, 20, 20.0).astype(np.float32), cell=10.0)
    with pytest.raises(
        QgsProcessingException, match=r"MAX_LENGTH \(0\.0001 m\) is shorter than one DEM cell \(10 m\)"
    ):
        processing.run(
            "swcplanner:lsfactor", {"DEM": dem, "MAX_LENGTH": 0.0001, "LS_FACTOR": str(tmp_path / "ls.tif")}
        )
    assert not os.path.exists(str(tmp_path / "ls.tif"))
    res = processing.run(
        "swcplanner:lsfactor", {"DEM": dem, "MAX_LENGTH": 10.0, "S_FACTOR": str(tmp_path / "s.tif")}
    )
    assert os.path.exists(res["S_FACTOR"]) and "LS_FACTOR" not in res  # only S was asked for
