"""The layout itself: a pure core, complete metadata, every algorithm registered and documented."""

import ast
import configparser
import os

import pytest
from testdata import REPO

CORE = os.path.join(REPO, "algorithms", "core")
FORBIDDEN = ("qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "processing", "sip")


def _imports(path):
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_core_imports_nothing_from_qgis_or_qt():
    offenders = []
    for name in sorted(os.listdir(CORE)):
        if name.endswith(".py"):
            for module in _imports(os.path.join(CORE, name)):
                if module.split(".")[0] in FORBIDDEN:
                    offenders.append(f"{name}: {module}")
    assert not offenders, offenders


def test_metadata_is_complete():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(os.path.join(REPO, "metadata.txt"), encoding="utf-8")
    general = meta["general"]
    for key in (
        "name",
        "qgisMinimumVersion",
        "description",
        "version",
        "author",
        "email",
        "about",
        "tracker",
        "repository",
        "tags",
        "icon",
        "changelog",
        "hasProcessingProvider",
    ):
        assert general.get(key), key
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert os.path.exists(os.path.join(REPO, general["icon"]))
    assert "水土保持" in general["about"] and "soil" in general["about"].lower()


@pytest.mark.usefixtures("processing_ready")
def test_every_listed_algorithm_is_registered_and_documented():
    from qgis.core import QgsApplication

    from swc_planner.algorithms.provider import ALGORITHMS

    registry = QgsApplication.processingRegistry()
    present = [m for m in ALGORITHMS if os.path.exists(os.path.join(REPO, "algorithms", m + ".py"))]
    assert "steepslopeban" in present and "slopeclasses" in present
    for module in present:
        alg = registry.algorithmById("swcplanner:" + module)
        assert alg is not None, f"swcplanner:{module} not registered"
        assert alg.displayName() and alg.group() and len(alg.shortHelpString()) > 200, module
        assert not alg.icon().isNull()
        for param in alg.parameterDefinitions():
            assert param.name() == param.name().upper(), (module, param.name())
            assert param.description(), (module, param.name())
