"""Stable codes of the small-watershed plan.

Codes (``cropland``, ``terrace`` …) are what tables, rasters and the wizard exchange; labels are
translated at the edges.  Raster values are part of the contract of ``swcplanner:landuseslope``
(category × 10 + slope class) and ``swcplanner:measureplan`` (measure values).
"""

from __future__ import annotations

from typing import Dict, List, Tuple

from .. import standards
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
#: Each physical work is priced by one item only: a pit by ``pit_count`` (digging, earthwork included;
#: ``pit_earthwork`` is reported, not priced), a bench by ``bench_earthwork``, a terrace by its earthwork
#: and, separately, its field works per ha (ridges, field roads, drainage), a dam by its body volume and,
#: separately, its site works per dam (foundation, spillway; the outlet works of a 淤地坝).  Seedlings are
#: reported; planting is priced per ha of forest or grass (seedlings included).
QUANTITY_ITEMS: List[Tuple[str, str, str]] = [
    ("enclosure_area", "enclosure", "ha"),
    ("soilforest_area", "soilforest", "ha"),
    ("econforest_area", "econforest", "ha"),
    ("pit_count", "pits", "pcs"),
    ("pit_earthwork", "pits", "m3"),
    ("bench_earthwork", "benches", "m3"),
    ("seedling_count", "planting", "pcs"),
    ("grass_area", "grass", "ha"),
    ("terrace_area", "terrace", "ha"),
    ("terrace_earthwork", "terrace", "m3"),
    ("tillage_area", "tillage", "ha"),
    ("checkdam_count", "checkdam", "pcs"),
    ("checkdam_volume", "checkdam", "m3"),
    ("siltdam_count", "siltdam", "pcs"),
    ("siltdam_volume", "siltdam", "m3"),
]
QUANTITY_UNIT: Dict[str, str] = {item: unit for item, _m, unit in QUANTITY_ITEMS}

#: Area items: item → the measures whose area it sums.
AREA_ITEMS: Dict[str, Tuple[str, ...]] = {
    "enclosure_area": ("enclosure",),
    "soilforest_area": ("soilforest_pits", "soilforest_benches"),
    "econforest_area": ("econforest_pits", "econforest_benches"),
    "grass_area": ("grass",),
    "terrace_area": ("terrace",),
    "tillage_area": ("tillage",),
}

#: Investment parts of the 水土保持工程概(估)算编制规定 (水总〔2003〕67号): 第一部分 工程措施, 第二部分 林草措施
#: (site preparation — 整地: pits, benches — belongs to planting), 第三部分 封育治理措施; then 第四部分 独立费用
#: and 预备费.  Item → part; the price table's ``part`` column may move an item (e.g. tillage, whose
#: chapter the 规定 does not name: listed under 工程措施 here [U]).
PART_OF_ITEM: Dict[str, str] = {
    "terrace_area": "engineering",
    "terrace_earthwork": "engineering",
    "tillage_area": "engineering",
    "checkdam_count": "engineering",
    "checkdam_volume": "engineering",
    "siltdam_count": "engineering",
    "siltdam_volume": "engineering",
    "soilforest_area": "vegetation",
    "econforest_area": "vegetation",
    "grass_area": "vegetation",
    "pit_count": "vegetation",
    "pit_earthwork": "vegetation",
    "bench_earthwork": "vegetation",
    "seedling_count": "vegetation",
    "enclosure_area": "enclosure",
}
PARTS: Tuple[str, ...] = ("engineering", "vegetation", "enclosure")
#: Rate items of the price table: 独立费用 (% of parts 1–3) and 基本预备费 (% of parts 1–4).
RATE_ITEMS: Tuple[str, ...] = ("independent_pct", "contingency_pct")
#: The ``source`` text of a price that is not sourced yet (the shipped table's prices all are).
PLACEHOLDER_SOURCE = "placeholder — replace with the current 河北 定额"


def is_placeholder(source: str) -> bool:
    """Whether a price or rate source says it is a placeholder (or says nothing).

    >>> is_placeholder("placeholder — replace"), is_placeholder(""), is_placeholder("冀水保〔2020〕12号")
    (True, True, False)
    """
    text = (source or "").strip().lower()
    return not text or text.startswith("placeholder") or "[u]" in text


# -- eligibility: where the plan may lay a measure ----------------------------------------------

#: Slope bands (degrees, both bounds included) of the works ``swcplanner:slopeworks`` lays: pits and
#: benches are planned only where it can lay them (its defaults, one definition in core/standards.py).
SLOPEWORKS_BAND: Dict[str, Tuple[float, float]] = {
    "pits": (standards.PIT_MIN_SLOPE_DEG, standards.PIT_MAX_SLOPE_DEG),
    "benches": (standards.BENCH_MIN_SLOPE_DEG, standards.BENCH_MAX_SLOPE_DEG),
}
#: Measure → its slope band key ("terrace": the ``convert`` row of farmland_category_rules.csv).
MEASURE_BAND: Dict[str, str] = {
    "soilforest_pits": "pits",
    "econforest_pits": "pits",
    "soilforest_benches": "benches",
    "econforest_benches": "benches",
    "terrace": "terrace",
}
#: Measures only for cropland: 坡改梯 and conservation tillage.
CROPLAND_ONLY: Tuple[str, ...] = ("terrace", "tillage")
#: Land uses that take no measure (water, built-up land).
NO_MEASURE_LANDUSE: Tuple[str, ...] = ("water", "built")
#: Measures allowed on 永久基本农田 (permanent basic farmland): it stays cropland — no 坡改梯 (as the plan
#: specification requires) and no retirement to forest or grass (退耕 excludes basic farmland).
BASIC_FARMLAND_ALLOWED: Tuple[str, ...] = ("none", "tillage")
#: Reasons a cell did not get the measure its allocation gives: (code, raster value).
EXCLUSION_REASONS: List[Tuple[str, int]] = [
    ("water", 1),
    ("built", 2),
    ("landuse", 3),
    ("basic_farmland", 4),
    ("slope_low", 5),
    ("slope_high", 6),
    ("no_slope", 7),
]
EXCLUSION_VALUE: Dict[str, int] = dict(EXCLUSION_REASONS)
EXCLUSION_CODE: Dict[int, str] = {v: k for k, v in EXCLUSION_REASONS}
#: The excluded raster holds reason × 16 + allocated measure value (measure values < 16).
EXCLUSION_FACTOR = 16

#: Indicators of the benefit table (GB/T 15774-2008 soil retained; SL 190-2007 intensity classes).
INTENSITY_CLASSES = 6
BENEFIT_INDICATORS: List[Tuple[str, str]] = [
    ("soil_loss_t", "t/a"),
    ("mean_modulus", "t/(km2·a)"),
    ("eroded_km2", "km2"),
    ("swc_rate", "%"),
    ("land_km2", "km2"),
] + [(f"class{k}_km2", "km2") for k in range(1, INTENSITY_CLASSES + 1)]

#: GB/T 15774-2008 benefit classes of the plan: 基础效益 (调水保土), 经济效益, 社会效益, 生态效益.
BENEFIT_CLASSES: Tuple[str, ...] = ("basic", "economic", "social", "ecological")
#: Land uses counted as forest and grass cover (林草面积): forest, grass and orchards (经济林) [U: some
#: plans count orchards separately]; measures that turn other land into forest or grass.
FOREST_GRASS_LANDUSE: Tuple[str, ...] = ("forest", "grass", "orchard")
FOREST_GRASS_MEASURES: Tuple[str, ...] = (
    "soilforest_pits",
    "soilforest_benches",
    "econforest_pits",
    "econforest_benches",
    "grass",
)
#: Editable benefit tables (resources/tables): 减水/减沙 rates per measure; yields and prices per measure.
BENEFIT_RATES_CSV = "benefit_rates.csv"
BENEFIT_ECONOMIC_CSV = "benefit_economic.csv"
#: Farmland rules whose ``convert`` row gives the 坡改梯 slope band (swcplanner:farmlandscreening).
FARMLAND_RULES_CSV = standards.FARMLAND_RULES_CSV

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
#: Colours of the excluded areas by reason (the EXCLUDED output of measureplan).
EXCLUSION_COLORS: Dict[str, str] = {
    "water": "#9ecae1",
    "built": "#bdbdbd",
    "landuse": "#fdd0a2",
    "basic_farmland": "#e31a1c",
    "slope_low": "#fee391",
    "slope_high": "#8c510a",
    "no_slope": "#f0f0f0",
}
