"""Pure table arithmetic of the planning wizard (no QGIS, no Qt).

The wizard holds no planning logic: the quantities come from the Processing
algorithms (areas from rasters, pit counts, earthwork, dam volumes).  This
module only does the presentation arithmetic on those numbers: land-use code
mapping, applying the user's allocation table (land use × slope class →
measure) to the area table, quantity × unit price, and before/after
differences.  Everything here is plain Python so it is tested without QGIS.
"""

from __future__ import annotations

import csv
import os
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE_DIR = os.path.join(os.path.dirname(HERE), "resources", "tables")

M2_PER_HA = 10000.0
M2_PER_MU = 10000.0 / 15.0  # 1 亩 = 666.67 m²

#: Land-use categories of the wizard: (stable code, raster value).
LANDUSE_CATEGORIES: List[Tuple[str, int]] = [
    ("cropland", 1),
    ("orchard", 2),
    ("forest", 3),
    ("grass", 4),
    ("bare", 5),
    ("water", 6),
    ("built", 7),
]
LANDUSE_VALUE = dict(LANDUSE_CATEGORIES)
LANDUSE_CODE = {v: k for k, v in LANDUSE_CATEGORIES}

#: Measures: (stable code, raster value, kind). ``area`` measures are allocated
#: to land by the allocation table; ``gully`` measures are sited by checkdams.
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
MEASURE_VALUE = {code: value for code, value, _k in MEASURES}
MEASURE_CODE = {value: code for code, value, _k in MEASURES}
AREA_MEASURES = [code for code, _v, kind in MEASURES if kind == "area"]

#: Site preparation works laid out by swcplanner:slopeworks (MEASURE enum).
PIT_MEASURES = ("soilforest_pits", "econforest_pits")
BENCH_MEASURES = ("soilforest_benches", "econforest_benches")

#: Measure → engineering-measure type code passed to swcplanner:soilloss
#: (``MEASURES`` polygons; E and T from its editable table resources/tables/measures_e.csv)
#: for the after scenario.  Enclosure and grass act through cover (B), which the
#: after scenario keeps unchanged: their benefit is not counted (conservative).
MEASURE_E_TYPE = {
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

#: Land-survey (三调, TD/T 1055-2019) first-level codes → wizard category.
#: Longest prefix wins, so second-level codes may refine a first-level one.
LAND_SURVEY_PRESET: List[Tuple[str, str]] = [
    ("00", "water"),  # 湿地
    ("01", "cropland"),  # 耕地
    ("02", "orchard"),  # 种植园用地
    ("03", "forest"),  # 林地
    ("04", "grass"),  # 草地
    ("05", "built"),
    ("06", "built"),
    ("07", "built"),
    ("08", "built"),
    ("09", "built"),
    ("10", "built"),  # 交通运输用地
    ("11", "water"),  # 水域及水利设施用地
    ("1109", "built"),  # 水工建筑用地
    ("12", "bare"),  # 其他土地
    ("1201", "built"),  # 空闲地
    ("1202", "built"),  # 设施农用地
    ("1203", "cropland"),  # 田坎
]

SLOPE_CLASSES = 5
REGIONS = ("bashang", "yanshan", "taihang")


# -- CSV ---------------------------------------------------------------------------


def read_csv(path: str) -> List[Dict[str, str]]:
    """Rows of a UTF-8 CSV (``#`` comment lines skipped) as dicts."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if not line.lstrip().startswith("#") and line.strip()]
    return [dict(row) for row in csv.DictReader(lines)]


def write_csv(path: str, rows: Sequence[Mapping[str, object]], columns: Sequence[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def allocation_path(region: str) -> str:
    return os.path.join(TABLE_DIR, f"measure_allocation_{region}.csv")


def unit_price_path() -> str:
    return os.path.join(TABLE_DIR, "unit_prices.csv")


# -- land-use codes ----------------------------------------------------------------


def normalise_code(code: object) -> str:
    """A land-use code as text: ``4.0`` → ``"4"``, ``" 0103 "`` → ``"0103"``."""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    return str(code).strip()


def category_for(code: object, mapping: Sequence[Tuple[str, str]]) -> Optional[str]:
    """Category of a land-use code: an exact row first, else the longest prefix row.

    >>> category_for("0103", LAND_SURVEY_PRESET)
    'cropland'
    >>> category_for("1203", LAND_SURVEY_PRESET)
    'cropland'
    >>> category_for(33, [("33", "cropland")])
    'cropland'
    """
    text = normalise_code(code)
    best: Optional[Tuple[int, str]] = None
    for key, cat in mapping:
        key = normalise_code(key)
        if not key or not cat:
            continue
        if text == key:
            return cat
        if text.startswith(key) and (best is None or len(key) > best[0]):
            best = (len(key), cat)
    return best[1] if best else None


def unmapped_codes(codes: Iterable[object], mapping: Sequence[Tuple[str, str]]) -> List[str]:
    return sorted(
        {normalise_code(c) for c in codes if category_for(c, mapping) is None}, key=lambda s: (len(s), s)
    )


def reclass_rows(codes: Iterable[object], mapping: Sequence[Tuple[str, str]]) -> List[float]:
    """``native:reclassifybytable`` TABLE (min, max, value …) for numeric raster codes."""
    out: List[float] = []
    for code in sorted({float(normalise_code(c)) for c in codes}):
        cat = category_for(code, mapping)
        if cat in LANDUSE_VALUE:
            out += [code, code, LANDUSE_VALUE[cat]]
    return out


def category_expression(field: str, mapping: Sequence[Tuple[str, str]], codes: Iterable[object]) -> str:
    """QGIS expression giving the category value of each feature from its code field."""
    parts = []
    quoted = '"{}"'.format(field.replace('"', '""'))
    for code in sorted({normalise_code(c) for c in codes}):
        cat = category_for(code, mapping)
        if cat in LANDUSE_VALUE:
            parts.append(
                "WHEN to_string({}) = '{}' THEN {}".format(
                    quoted, code.replace("'", "''"), LANDUSE_VALUE[cat]
                )
            )
    if not parts:
        return "NULL"
    return "CASE {} ELSE NULL END".format(" ".join(parts))


# -- allocation --------------------------------------------------------------------

Allocation = Dict[str, List[str]]


def load_allocation(path: str) -> Allocation:
    """``{landuse: [measure for slope class 1..5]}`` from a preset CSV."""
    out: Allocation = {}
    for row in read_csv(path):
        lu = row["landuse"].strip()
        out[lu] = [row[f"class{k}"].strip() or "none" for k in range(1, SLOPE_CLASSES + 1)]
    return out


def check_allocation(alloc: Allocation) -> List[str]:
    """Problems in an allocation table (unknown land use or measure codes)."""
    problems = []
    for lu, measures in alloc.items():
        if lu not in LANDUSE_VALUE:
            problems.append(f"unknown land use: {lu}")
        for m in measures:
            if m not in AREA_MEASURES:
                problems.append(f"unknown measure: {m}")
    return problems


def combo_value(landuse: str, slope_class: int) -> int:
    """Raster value of a (land use, slope class) cell: category × 10 + class."""
    return LANDUSE_VALUE[landuse] * 10 + int(slope_class)


def allocation_reclass_table(alloc: Allocation) -> List[float]:
    """``native:reclassifybytable`` TABLE turning combo values into measure values."""
    out: List[float] = []
    for lu, measures in alloc.items():
        for k, measure in enumerate(measures, start=1):
            value = combo_value(lu, k)
            out += [value, value, MEASURE_VALUE.get(measure, 0)]
    return out


def split_combo_areas(combo_areas: Mapping[int, float]) -> Dict[Tuple[str, int], float]:
    """``{combo value: m²}`` → ``{(land use, slope class): m²}`` (unknown values dropped)."""
    out: Dict[Tuple[str, int], float] = {}
    for value, area in combo_areas.items():
        value = int(round(float(value)))
        lu, k = LANDUSE_CODE.get(value // 10), value % 10
        if lu is None or not 1 <= k <= SLOPE_CLASSES:
            continue
        out[(lu, k)] = out.get((lu, k), 0.0) + float(area)
    return out


def landuse_slope_table(areas: Mapping[Tuple[str, int], float]) -> List[Dict[str, float]]:
    """Land use × slope class areas (ha) with row totals: the 土地利用现状表."""
    rows = []
    for lu, _v in LANDUSE_CATEGORIES:
        values = [areas.get((lu, k), 0.0) / M2_PER_HA for k in range(1, SLOPE_CLASSES + 1)]
        if sum(values) <= 0:
            continue
        row: Dict[str, float] = {"landuse": lu}  # type: ignore[dict-item]
        for k, v in enumerate(values, start=1):
            row[f"class{k}"] = v
        row["total"] = sum(values)
        rows.append(row)
    return rows


def measure_areas(areas: Mapping[Tuple[str, int], float], alloc: Allocation) -> Dict[str, float]:
    """Area (m²) of each measure: the allocation applied to the area table."""
    out: Dict[str, float] = {}
    for (lu, k), area in areas.items():
        measures = alloc.get(lu)
        measure = measures[k - 1] if measures and 1 <= k <= len(measures) else "none"
        out[measure] = out.get(measure, 0.0) + area
    return out


# -- quantities and investment -----------------------------------------------------

#: Quantity items: (item code, measure, unit). The unit-price table uses the same codes.
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

#: Investment parts (水土保持工程概(估)算编制规定): item code → part.
PART_OF_ITEM = {
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
PARTS = ("engineering", "vegetation", "enclosure")


def quantities(
    measure_area_m2: Mapping[str, float], works: Optional[Mapping[str, float]] = None
) -> List[Dict[str, object]]:
    """工程量汇总: areas from the allocation plus counts/earthwork from the algorithms.

    ``works`` holds numbers read from algorithm outputs, keyed by item code
    (``pit_count``, ``pit_earthwork``, ``bench_earthwork``, ``terrace_earthwork``,
    ``checkdam_count``, ``checkdam_volume``, ``siltdam_count``, ``siltdam_volume``).
    Items the algorithms did not give are left at 0 and flagged ``computed=False``.
    """
    works = dict(works or {})
    ha = {m: a / M2_PER_HA for m, a in measure_area_m2.items()}
    area_items = {
        "enclosure_area": ha.get("enclosure", 0.0),
        "soilforest_area": ha.get("soilforest_pits", 0.0) + ha.get("soilforest_benches", 0.0),
        "econforest_area": ha.get("econforest_pits", 0.0) + ha.get("econforest_benches", 0.0),
        "grass_area": ha.get("grass", 0.0),
        "terrace_area": ha.get("terrace", 0.0),
        "tillage_area": ha.get("tillage", 0.0),
    }
    rows = []
    for item, measure, unit in QUANTITY_ITEMS:
        if item in area_items:
            value, computed = area_items[item], True
        else:
            computed = item in works and works[item] is not None
            value = float(works[item]) if computed else 0.0
        rows.append({"item": item, "measure": measure, "unit": unit, "quantity": value, "computed": computed})
    return rows


def load_prices(path: str) -> Dict[str, float]:
    """``{item: price}`` from the unit-price CSV (``item,unit,price,note``)."""
    return {row["item"].strip(): float(row["price"]) for row in read_csv(path) if row.get("item", "").strip()}


def investment(
    quantity_rows: Sequence[Mapping[str, object]],
    prices: Mapping[str, float],
    independent_pct: Optional[float] = None,
    contingency_pct: Optional[float] = None,
) -> Tuple[List[Dict[str, object]], Dict[str, float]]:
    """投资估算: price × quantity per item, subtotals per part, independent costs, contingency.

    Percent rates come from the price table (items ``independent_pct`` and
    ``contingency_pct``) unless given.  Independent costs are a share of parts
    1–3; the basic contingency a share of parts 1–4.  Amounts in CNY.
    """
    if independent_pct is None:
        independent_pct = float(prices.get("independent_pct", 0.0))
    if contingency_pct is None:
        contingency_pct = float(prices.get("contingency_pct", 0.0))
    rows = []
    parts = {p: 0.0 for p in PARTS}
    for q in quantity_rows:
        item = str(q["item"])
        price = float(prices.get(item, 0.0))
        amount = price * float(q["quantity"])  # type: ignore[arg-type]
        part = PART_OF_ITEM.get(item, "engineering")
        parts[part] += amount
        rows.append(
            {
                "item": item,
                "part": part,
                "unit": q["unit"],
                "quantity": q["quantity"],
                "price": price,
                "amount": amount,
            }
        )
    direct = sum(parts.values())
    independent = direct * independent_pct / 100.0
    contingency = (direct + independent) * contingency_pct / 100.0
    totals = dict(parts)
    totals.update(
        {
            "direct": direct,
            "independent": independent,
            "contingency": contingency,
            "total": direct + independent + contingency,
        }
    )
    return rows, totals


# -- benefits ----------------------------------------------------------------------


def benefits(before: Mapping[str, float], after: Mapping[str, float]) -> List[Dict[str, object]]:
    """Before/after rows for soil loss (t/a), mean modulus, eroded area and SWC rate.

    Keys used: ``soil_loss_t`` (t/a), ``mean_modulus`` (t/km²·a), ``eroded_km2``,
    ``land_km2``, ``swc_rate`` (%).  Missing keys give ``None``.
    """
    rows = []
    for key in ("soil_loss_t", "mean_modulus", "eroded_km2", "swc_rate"):
        b, a = before.get(key), after.get(key)
        change = (a - b) if (a is not None and b is not None) else None
        rows.append({"indicator": key, "before": b, "after": a, "change": change})
    return rows


def soil_saved(before: Mapping[str, float], after: Mapping[str, float]) -> Optional[float]:
    """Soil saved per year (t/a) = soil loss before − after."""
    b, a = before.get("soil_loss_t"), after.get("soil_loss_t")
    if a is None or b is None:
        return None
    return b - a


def warn_area(area_km2: float, low: float = 3.0, high: float = 50.0) -> Optional[str]:
    """``"small"``/``"large"`` when a watershed is outside the usual 3–50 km² range (domain §9)."""
    if area_km2 < low:
        return "small"
    if area_km2 > high:
        return "large"
    return None


def fmt(value: object, digits: int = 2) -> str:
    """Number formatting for tables (thousands separators, fixed decimals)."""
    if value is None or value == "":
        return "–"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and value != value:  # NaN
            return "–"
        return "{:,.{d}f}".format(float(value), d=digits)
    return str(value)


def table_to_strings(
    rows: Sequence[Mapping[str, object]],
    columns: Sequence[str],
    label: Callable[[str, object], str] = lambda c, v: fmt(v),
) -> List[List[str]]:
    """Rows as lists of display strings in ``columns`` order (``label(column, value)``)."""
    return [[label(c, row.get(c)) for c in columns] for row in rows]


def measure_etype_expression(field: str = "MEASURE") -> str:
    """QGIS expression: measure raster value → E-table type code (``MEASURE_E_TYPE``)."""
    quoted = f'"{field}"'
    parts = [f"WHEN {quoted} = {MEASURE_VALUE[m]} THEN '{t}'" for m, t in MEASURE_E_TYPE.items()]
    return "CASE {} ELSE 'none' END".format(" ".join(parts))


def measure_code_expression(field: str = "MEASURE") -> str:
    """QGIS expression: measure raster value → stable measure code."""
    quoted = f'"{field}"'
    parts = [f"WHEN {quoted} = {v} THEN '{c}'" for c, v, _k in MEASURES]
    return "CASE {} ELSE 'none' END".format(" ".join(parts))


def measure_area_rows(areas_m2: Mapping[str, float]) -> List[Dict[str, object]]:
    """Measure layout table: area (ha, 亩) and share of the watershed (%) per area measure."""
    total = sum(areas_m2.values())
    rows = []
    for code in AREA_MEASURES:
        area = areas_m2.get(code, 0.0)
        if area <= 0:
            continue
        rows.append(
            {
                "measure": code,
                "area_ha": area / M2_PER_HA,
                "area_mu": area / M2_PER_MU,
                "pct": 100.0 * area / total if total else 0.0,
            }
        )
    return rows
