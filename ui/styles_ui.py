"""QML styles of the wizard's own rasters (land-use categories, measures)."""

from __future__ import annotations

from typing import Callable

from ..algorithms.styles import paletted_raster_qml
from . import tables
from .labels import landuse_label

LANDUSE_COLORS = {
    "cropland": "#f5d76e",
    "orchard": "#e08e45",
    "forest": "#2e8b57",
    "grass": "#a6d96a",
    "bare": "#c8b79b",
    "water": "#4f9bd9",
    "built": "#d7301f",
}

MEASURE_COLORS = {
    "none": "#eeeeee",
    "enclosure": "#74c476",
    "soilforest_pits": "#238b45",
    "soilforest_benches": "#41ab5d",
    "econforest_pits": "#fd8d3c",
    "econforest_benches": "#f16913",
    "grass": "#c7e9c0",
    "terrace": "#fed976",
    "tillage": "#ffffb2",
}


def landuse_qml() -> str:
    return paletted_raster_qml(
        [(value, LANDUSE_COLORS[code], landuse_label(code)) for code, value in tables.LANDUSE_CATEGORIES]
    )


def measures_qml(label: Callable[[str], str]) -> str:
    return paletted_raster_qml(
        [(tables.MEASURE_VALUE[code], MEASURE_COLORS[code], label(code)) for code in tables.AREA_MEASURES]
    )
