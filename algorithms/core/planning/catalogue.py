"""Stable codes of the small-watershed plan.

Codes (``cropland``, ``terrace`` …) are what tables, rasters and the wizard exchange; labels are
translated at the edges.  Raster values are part of the contract of ``swcplanner:landuseslope``
(category × 10 + slope class) and ``swcplanner:measureplan`` (measure values).
"""

from __future__ import annotations

from typing import Dict, List, Tuple

from ..standards import HA_M2, MU_M2, SMALL_WATERSHED_KM2  # noqa: F401 (re-exported for the plan)

#: Land-use categories of the plan: (stable code, raster value).  The seven classes a plan's
#: 土地利用现状表 is written in (耕地, 园地, 林地, 草地, 裸地/其他, 水域, 建设用地; TD/T 1055-2019 first level).
LANDUSE_CATEGORIES: List[Tuple[str, int]] = [
    ("cropland", 1),
    ("orchard", 2),
    ("forest", 3),
    ("grass", 4),
    ("bare", 5),
    ("water", 6),
    ("built", 7),
]
LANDUSE_VALUE: Dict[str, int] = dict(LANDUSE_CATEGORIES)
LANDUSE_CODE: Dict[int, str] = {v: k for k, v in LANDUSE_CATEGORIES}

#: Measures: (stable code, raster value, kind).  ``area`` measures are allocated to land by the
#: allocation table; ``gully`` measures are sited by ``swcplanner:checkdams``.
MEASURES: List[Tuple[str, int, str]] = [
    ("none", 0, "area"),
    ("enclosure", 1, "area"),
    ("soilforest_pits", 2, "area"),
    ("soilforest_benches", 3, "area"),
    ("econforest_pits", 4, "area"),
    ("econforest_benches", 5, "area"),
    ("grass", 6, "area"),
    ("terrace", 7, "area"),
    ("tillage", 8, "area"),
    ("checkdam", 9, "gully"),
    ("siltdam", 10, "gully"),
]
MEASURE_VALUE: Dict[str, int] = {code: value for code, value, _k in MEASURES}
MEASURE_CODE: Dict[int, str] = {value: code for code, value, _k in MEASURES}
AREA_MEASURES: List[str] = [code for code, _v, kind in MEASURES if kind == "area"]

#: Site preparation laid out by ``swcplanner:slopeworks`` (its MEASURE 0 = pits, 1 = benches).
PIT_MEASURES = ("soilforest_pits", "econforest_pits")
BENCH_MEASURES = ("soilforest_benches", "econforest_benches")

#: Measure → engineering-measure type of ``swcplanner:soilloss``'s MEASURE_TABLE
#: (resources/tables/measures_e.csv) for the scenario with the plan.  Enclosure and grass act
#: through cover (B), which that scenario keeps unchanged: their benefit is not counted
#: (conservative).
MEASURE_E_TYPE: Dict[str, str] = {
    "soilforest_pits": "fish_scale_pit",
    "econforest_pits": "fish_scale_pit",
    "soilforest_benches": "level_bench",
    "econforest_benches": "level_bench",
    "terrace": "terrace_earth",
    "tillage": "no_till",
    "enclosure": "none",
    "grass": "none",
    "none": "none",
}

#: Nodata of the combined land use × slope raster and of the category raster.
COMBO_NODATA = 0
#: Nodata of the measure raster (0 is the measure ``none``).
MEASURE_NODATA = 255
#: The combined value category × 10 + class holds one digit for the slope class.
MAX_SLOPE_CLASS = 9
#: National cropland slope classes (≤2, 2–6, 6–15, 15–25, >25°), the columns of the allocation presets.
SLOPE_CLASSES = 5

#: Region presets of the allocation table (resources/tables/measure_allocation_<region>.csv).
REGIONS: Tuple[str, ...] = ("bashang", "yanshan", "taihang")
REGION_NAMES_ZH: Tuple[str, ...] = ("坝上高原", "燕山", "太行山")

#: Shipped tables (file names in :data:`TABLE_DIR`).
ALLOCATION_CSV = "measure_allocation_{region}.csv"
UNIT_PRICES_CSV = "unit_prices.csv"
LANDUSE_CATEGORIES_CSV = "landuse_categories_sandiao.csv"

#: Quantity items: (item code, measure group, unit).  The unit-price table uses the same codes.
QUANTITY_ITEMS: List[Tuple[str, str, str]] = [
    ("enclosure_area", "enclosure", "ha"),
    ("soilforest_area", "soilforest", "ha"),
    ("econforest_area", "econforest", "ha"),
    ("pit_count", "pits", "pcs"),
    ("pit_earthwork", "pits", "m3"),
    ("bench_earthwork", "benches", "m3"),
    ("grass_area", "grass", "ha"),
    ("terrace_area", "terrace", "ha"),
    ("terrace_earthwork", "terrace", "m3"),
    ("tillage_area", "tillage", "ha"),
    ("checkdam_count", "checkdam", "pcs"),
    ("checkdam_volume", "checkdam", "m3"),
    ("siltdam_count", "siltdam", "pcs"),
    ("siltdam_volume", "siltdam", "m3"),
]

#: Area items: item → the measures whose area it sums.
AREA_ITEMS: Dict[str, Tuple[str, ...]] = {
    "enclosure_area": ("enclosure",),
    "soilforest_area": ("soilforest_pits", "soilforest_benches"),
    "econforest_area": ("econforest_pits", "econforest_benches"),
    "grass_area": ("grass",),
    "terrace_area": ("terrace",),
    "tillage_area": ("tillage",),
}

#: Investment parts (水土保持工程概(估)算编制规定): item → part.
PART_OF_ITEM: Dict[str, str] = {
    "terrace_area": "engineering",
    "terrace_earthwork": "engineering",
    "pit_count": "engineering",
    "pit_earthwork": "engineering",
    "bench_earthwork": "engineering",
    "checkdam_count": "engineering",
    "checkdam_volume": "engineering",
    "siltdam_count": "engineering",
    "siltdam_volume": "engineering",
    "soilforest_area": "vegetation",
    "econforest_area": "vegetation",
    "grass_area": "vegetation",
    "tillage_area": "vegetation",
    "enclosure_area": "enclosure",
}
PARTS: Tuple[str, ...] = ("engineering", "vegetation", "enclosure")
#: Rate items of the price table: 独立费用 (% of parts 1–3) and 基本预备费 (% of parts 1–4).
RATE_ITEMS: Tuple[str, ...] = ("independent_pct", "contingency_pct")

#: Indicators of the benefit table (GB/T 15774-2008 soil retained; SL 190-2007 intensity classes).
INTENSITY_CLASSES = 6
BENEFIT_INDICATORS: List[Tuple[str, str]] = [
    ("soil_loss_t", "t/a"),
    ("mean_modulus", "t/(km2·a)"),
    ("eroded_km2", "km2"),
    ("swc_rate", "%"),
    ("land_km2", "km2"),
] + [(f"class{k}_km2", "km2") for k in range(1, INTENSITY_CLASSES + 1)]

#: Map colours of the categories and measures (legends of the plan's rasters).
LANDUSE_COLORS: Dict[str, str] = {
    "cropland": "#f5d76e",
    "orchard": "#e08e45",
    "forest": "#2e8b57",
    "grass": "#a6d96a",
    "bare": "#c8b79b",
    "water": "#4f9bd9",
    "built": "#d7301f",
}
MEASURE_COLORS: Dict[str, str] = {
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
