"""QGIS-backed tests: the QgsApplication and Processing fixtures of ``tests/qgisapp.py``."""

from qgisapp import (  # noqa: F401
    processing_init,
    processing_ready,
    pytest_sessionfinish,
    pytest_unconfigure,
    qgis_app,
    strict_parameters,
    zh_cn,
)
