"""Paths for the tests: the repository, the import root and the shared data folder.

The repository root is the plugin folder ``swc_planner``.  Every test imports it under that one name,
through a symlink in a folder of this run's own (parallel runs cannot import each other's trees).
Real data come from ``SWC_DATA`` (default: ``../shared/data`` beside the repository).
"""

from __future__ import annotations

import os
import sys
import tempfile

import pytest

TESTS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TESTS)
SHARED = os.path.abspath(os.environ.get("SWC_DATA") or os.path.join(REPO, "..", "shared", "data"))

_PARENT = os.environ.get("SWC_IMPORT_ROOT")
if not _PARENT or not os.path.isdir(os.path.join(_PARENT, "swc_planner")):
    _PARENT = tempfile.mkdtemp(prefix="swc_planner_tests_")
    os.symlink(REPO, os.path.join(_PARENT, "swc_planner"))
    os.environ["SWC_IMPORT_ROOT"] = _PARENT
if _PARENT not in sys.path:
    sys.path.insert(0, _PARENT)


def shared(*parts: str) -> str:
    """Path of a file in the shared data folder; skips the test when the data are absent."""
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        pytest.skip(f"shared data not found: {path} (set SWC_DATA)")
    return path
