"""QGIS for the tests in ``tests/qgis`` and ``tests/desktop``: one QgsApplication, Processing, the provider.

See shared/docs/qgis-env.md §2A: plain ``start_app`` fixtures, and a hard ``os._exit`` at the end so
QGIS's exit path cannot turn a green run red.
"""

import os
import shutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
sys.path.append("/usr/share/qgis/python/plugins")

import pytest  # noqa: E402
import testdata  # noqa: E402
from qgis.testing import start_app  # noqa: E402

QGIS_APP = start_app()
_PROFILE_DIR = os.environ.get("QGIS_CUSTOM_CONFIG_PATH")


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
        shutil.rmtree(testdata._PARENT, ignore_errors=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config._qgis_exitstatus)
