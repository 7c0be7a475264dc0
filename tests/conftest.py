"""Root of the tests: one import root (``swc_planner``) and the data folder; no QGIS here.

``tests/core`` runs with plain pytest and no QGIS; ``tests/qgis`` and ``tests/desktop`` start QGIS in
their own conftest (``tests/qgisapp.py``).
"""

import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import testdata  # noqa: E402  (sets up the import root)


def _state_gdal_mode() -> None:
    """State the tests' GDAL error mode explicitly, as GDAL 3.9+ asks of every program (its FutureWarning:
    "Neither osr.UseExceptions() nor osr.DontUseExceptions() has been explicitly called"), which a test
    module's own ``osr.SpatialReference()`` at import fired on QGIS 3.44 / GDAL 3.13.

    The mode stated is the one the tests ran with so far: off, GDAL's default, unless something turned it
    on first (QGIS 3.40+'s Processing turns it on when it is imported; 3.22's does not).  The plugin never
    sets the global mode: its core turns exceptions on locally (``algorithms.core.io.gdal_exceptions``).
    """
    try:
        from osgeo import gdal, ogr, osr
    except ImportError:  # pragma: no cover - GDAL's bindings come with every supported QGIS
        return
    for module in (gdal, ogr, osr):
        if not module.GetUseExceptions():
            module.DontUseExceptions()


_state_gdal_mode()


def pytest_unconfigure(config):
    if os.environ.get("SWC_IMPORT_ROOT") == testdata._PARENT:
        shutil.rmtree(testdata._PARENT, ignore_errors=True)
