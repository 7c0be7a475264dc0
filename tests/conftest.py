"""Root of the tests: one import root (``swc_planner``) and the data folder; no QGIS here.

``tests/core`` runs with plain pytest and no QGIS; ``tests/qgis`` and ``tests/desktop`` start QGIS in
their own conftest (``tests/qgisapp.py``).
"""

import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import testdata  # noqa: E402  (sets up the import root)


def pytest_unconfigure(config):
    if os.environ.get("SWC_IMPORT_ROOT") == testdata._PARENT:
        shutil.rmtree(testdata._PARENT, ignore_errors=True)
