"""Test fixtures: one QgsApplication, Processing, the provider, shared data paths.

See shared/docs/qgis-env.md §2A: plain ``start_app`` fixtures, and a hard
``os._exit`` at the end so QGIS's exit path cannot turn a green run red.
"""

import os
import shutil
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
sys.path.append("/usr/share/qgis/python/plugins")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the repo root is the plugin folder ``swc_planner``: import it under that name, through a
# symlink in a folder of this run's own (parallel runs cannot import each other's trees)
_PARENT = tempfile.mkdtemp(prefix="swc_planner_tests_")
os.symlink(REPO, os.path.join(_PARENT, "swc_planner"))
sys.path.insert(0, _PARENT)
sys.path.insert(0, os.path.join(REPO, "tests"))

import pytest  # noqa: E402
from qgis.testing import start_app  # noqa: E402

QGIS_APP = start_app()
_PROFILE_DIR = os.environ.get("QGIS_CUSTOM_CONFIG_PATH")

SHARED = os.path.abspath(os.path.join(REPO, "..", "shared", "data"))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/data"


def shared(*parts):
    """Path of a file in shared/data; skips the test when the data are absent."""
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        pytest.skip(f"shared data not found: {path}")
    return path


@pytest.fixture(scope="session")
def qgis_app():
    return QGIS_APP


@pytest.fixture(scope="session")
def processing_init(qgis_app):
    from processing.core.Processing import Processing

    Processing.initialize()


@pytest.fixture(scope="session")
def processing_ready(processing_init):
    """The SWC Planner provider registered once for the whole run."""
    from qgis.core import QgsApplication

    from swc_planner.algorithms.provider import SwcPlannerProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("swcplanner")
    if provider is None:
        provider = SwcPlannerProvider()
        assert registry.addProvider(provider)
    yield provider


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    session.config._qgis_exitstatus = int(exitstatus)


def pytest_unconfigure(config):
    if hasattr(config, "_qgis_exitstatus"):
        if _PROFILE_DIR and "QGIS-PythonTestConfigPath" in _PROFILE_DIR:
            shutil.rmtree(_PROFILE_DIR, ignore_errors=True)
        shutil.rmtree(_PARENT, ignore_errors=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config._qgis_exitstatus)
