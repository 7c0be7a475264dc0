"""The plan's editable CSV tables: allocation presets, unit prices, land-use categories, benefit rates
and yields, and the 坡改梯 slope band of the farmland rules.

UTF-8 (a BOM is accepted), one header line, ``#`` lines are comments (each shipped file names its
sources there).  Unknown extra columns are kept, so a table can carry source, region and year.
"""

from __future__ import annotations

import csv
import os
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from .. import standards
from ..errors import QT_TRANSLATE_NOOP, InputError
from ..io.tables import TABLE_DIR, read_table
from .catalogue import (
    ALLOCATION_CSV,
    AREA_MEASURES,
    BENEFIT_ECONOMIC_CSV,
    BENEFIT_RATES_CSV,
    FARMLAND_RULES_CSV,
    LANDUSE_CATEGORIES_CSV,
    LANDUSE_VALUE,
    PART_OF_ITEM,
    PARTS,
    QUANTITY_ITEMS,
    RATE_ITEMS,
    REGIONS,
    UNIT_PRICES_CSV,
    is_placeholder,
)

#: ``{land use: [measure of slope class 1, 2, …]}``
Allocation = Dict[str, List[str]]


def allocation_path(region: str) -> str:
    """The shipped allocation preset of a region (``bashang``, ``yanshan``, ``taihang``)."""
    if region not in REGIONS:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "Unknown region {region}: use one of {regions}."),
            region=region,
            regions=", ".join(REGIONS),
        )
    return os.path.join(TABLE_DIR, ALLOCATION_CSV.format(region=region))


def unit_price_path() -> str:
    """The shipped unit-price table."""
    return os.path.join(TABLE_DIR, UNIT_PRICES_CSV)


def landuse_category_path() -> str:
    """The shipped land-survey (三调) code → category table."""
    return os.path.join(TABLE_DIR, LANDUSE_CATEGORIES_CSV)


def read_csv(path: str, required: Sequence[str] = ()) -> List[Dict[str, str]]:
    """Rows of a plan table (the one CSV reader, :func:`..io.tables.read_table`; columns lower case)."""
    return read_table(path, required)


def write_csv(path: str, rows: Sequence[Mapping[str, object]], columns: Sequence[str]) -> str:
    """Write ``rows`` (dicts) as a UTF-8 CSV with ``columns``; returns ``path``."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    return path


# -- allocation -------------------------------------------------------------------------


def allocation_problems(alloc: Allocation) -> List[str]:
    """Unknown land-use or measure codes of an allocation table (empty when it is usable)."""
    problems = []
    for lu, measures in alloc.items():
        if lu not in LANDUSE_VALUE:
            problems.append(lu)
        problems += [m for m in measures if m not in AREA_MEASURES]
    return sorted(set(problems))


def load_allocation(path: str) -> Allocation:
    """``{land use: [measure of slope class 1..n]}`` from an allocation CSV (``landuse,class1,…``).

    An empty cell means ``none``.

    Raises
    ------
    InputError
        for a missing ``landuse``/``class1`` column or unknown land-use or measure codes.
    """
    rows = read_csv(path, required=("landuse", "class1"))
    columns = rows[0].keys() if rows else []
    n = 0
    while f"class{n + 1}" in columns:
        n += 1
    out: Allocation = {}
    for row in rows:
        lu = row["landuse"]
        if lu:
            out[lu] = [row.get(f"class{k}", "") or "none" for k in range(1, n + 1)]
    bad = allocation_problems(out)
    if bad:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The allocation table {path} has unknown codes: {codes}. Land uses: {landuses}; "
                "measures: {measures}.",
            ),
            path=path,
            codes=", ".join(bad),
            landuses=", ".join(LANDUSE_VALUE),
            measures=", ".join(AREA_MEASURES),
        )
    return out


def allocation_rows(alloc: Allocation) -> Tuple[List[Dict[str, str]], List[str]]:
    """``(rows, columns)`` to write an allocation with :func:`write_csv`."""
    n = max((len(v) for v in alloc.values()), default=0)
    columns = ["landuse"] + [f"class{k}" for k in range(1, n + 1)]
    rows = []
    for lu, measures in alloc.items():
        row = {"landuse": lu}
        row.update({f"class{k}": m for k, m in enumerate(measures, start=1)})
        rows.append(row)
    return rows, columns


# -- unit prices ------------------------------------------------------------------------


#: Columns of the unit-price table; ``item`` and ``price`` are required, the others describe the price.
PRICE_COLUMNS: Tuple[str, ...] = ("item", "unit", "price", "part", "source", "region", "year", "note")


def _number(text: str) -> float:
    try:
        return float(str(text).replace(",", ""))
    except ValueError:
        return -1.0


def load_price_rows(path: str) -> List[Dict[str, str]]:
    """Rows of a unit-price CSV (``item,unit,price,part,source,region,year,note``), checked.

    Prices must be numbers ≥ 0; ``part`` (empty = the item's part of the 概(估)算 structure,
    :data:`.catalogue.PART_OF_ITEM`) one of ``engineering``, ``vegetation``, ``enclosure``.  An item may
    appear once.  A quantity item without a row is reported but not priced.

    Raises
    ------
    InputError
        for a missing column, a price that is not a number ≥ 0, an unknown item or part, or an item
        listed twice.
    """
    rows = [r for r in read_csv(path, required=("item", "price")) if r["item"]]
    known = {item for item, _m, _u in QUANTITY_ITEMS} | set(RATE_ITEMS)
    seen: set = set()
    for row in rows:
        if row["item"] not in known:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore", "The price table {path} has an unknown item {item}. Items: {items}."
                ),
                path=path,
                item=row["item"],
                items=", ".join(sorted(known)),
            )
        if row["item"] in seen:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The price table {path} lists {item} twice: each item is priced once.",
                ),
                path=path,
                item=row["item"],
            )
        seen.add(row["item"])
        if not _number(row["price"]) >= 0:
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "The price of {item} in {path} is not a number ≥ 0: “{value}”."),
                path=path,
                item=row["item"],
                value=row["price"],
            )
        part = row.get("part", "")
        if part and row["item"] not in RATE_ITEMS and part not in PARTS:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The price table {path} puts {item} in the unknown part {part}. Parts: {parts}.",
                ),
                path=path,
                item=row["item"],
                part=part,
                parts=", ".join(PARTS),
            )
    return rows


def load_prices(path: str) -> Dict[str, float]:
    """``{item: price}`` (CNY per unit; rate items in %) from a unit-price CSV."""
    return {row["item"]: _number(row["price"]) for row in load_price_rows(path)}


def price_info(path: str) -> Dict[str, Dict[str, Any]]:
    """``{item: {price, unit, part, source, region, year, placeholder}}`` of a unit-price CSV.

    ``part`` falls back to the item's part of the 概(估)算 structure; ``placeholder`` is true when the
    source says so or is empty (:func:`.catalogue.is_placeholder`).
    """
    out: Dict[str, Dict[str, Any]] = {}
    for row in load_price_rows(path):
        item = row["item"]
        out[item] = {
            "price": _number(row["price"]),
            "unit": row.get("unit", ""),
            "part": row.get("part", "") or PART_OF_ITEM.get(item, ""),
            "source": row.get("source", ""),
            "region": row.get("region", ""),
            "year": row.get("year", ""),
            "placeholder": is_placeholder(row.get("source", "")),
        }
    return out


# -- slope band of 坡改梯 (the farmland rules) ----------------------------------------------------


def farmland_rules_path() -> str:
    """The shipped farmland category rules (swcplanner:farmlandscreening)."""
    return os.path.join(TABLE_DIR, FARMLAND_RULES_CSV)


def terrace_band(
    path: Optional[str] = None, ban_slope: float = standards.BAN_SLOPE_DEG
) -> Tuple[float, float]:
    """The 坡改梯 slope band (degrees): the ``convert`` row of the farmland rules (``BAN`` = ``ban_slope``).

    One definition with ``swcplanner:farmlandscreening``: its rule R04 turns slope land of 6° to the ban
    slope into terraces.

    >>> terrace_band()
    (6.0, 25.0)
    """
    path = path or farmland_rules_path()
    for row in read_csv(path, required=("category", "slope_min", "slope_max")):
        if row["category"] == "convert":

            def bound(text: str, default: float) -> float:
                if not text:
                    return default
                return float(ban_slope) if text.upper() == "BAN" else float(text)

            return bound(row["slope_min"], 0.0), bound(row["slope_max"], 90.0)
    raise InputError(
        QT_TRANSLATE_NOOP("SwcCore", "The farmland rules {path} have no row with the category convert."),
        path=path,
    )


# -- benefit tables ------------------------------------------------------------------------------


def benefit_rates_path() -> str:
    """The shipped table of 减水/减沙 rates per measure."""
    return os.path.join(TABLE_DIR, BENEFIT_RATES_CSV)


def benefit_economic_path() -> str:
    """The shipped table of yields and prices per measure."""
    return os.path.join(TABLE_DIR, BENEFIT_ECONOMIC_CSV)


def _measure_rows(path: str, required: Sequence[str]) -> List[Dict[str, str]]:
    rows = [r for r in read_csv(path, required=("measure",) + tuple(required)) if r["measure"]]
    for row in rows:
        if row["measure"] not in AREA_MEASURES:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore", "The table {path} has an unknown measure {measure}. Measures: {measures}."
                ),
                path=path,
                measure=row["measure"],
                measures=", ".join(AREA_MEASURES),
            )
    return rows


def _checked(path: str, row: Dict[str, str], column: str, high: float) -> float:
    value = _number(row.get(column, ""))
    if not 0 <= value <= high:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The table {path}: {column} of {measure} must be a number from 0 to {high:g}, not “{value}”.",
            ),
            path=path,
            column=column,
            measure=row["measure"],
            high=high,
            value=row.get(column, ""),
        )
    return value


def load_benefit_rates(path: Optional[str] = None) -> Dict[str, Dict[str, Any]]:
    """``{measure: {water_pct, sediment_pct, source}}`` (减水, 减沙 rates in %) from a benefit-rate CSV.

    Raises
    ------
    InputError
        for a missing column, an unknown measure or a rate outside 0–100 %.
    """
    path = path or benefit_rates_path()
    out = {}
    for row in _measure_rows(path, ("water_pct", "sediment_pct")):
        out[row["measure"]] = {
            "water_pct": _checked(path, row, "water_pct", 100.0),
            "sediment_pct": _checked(path, row, "sediment_pct", 100.0),
            "source": row.get("source", ""),
            "placeholder": is_placeholder(row.get("source", "")),
        }
    return out


def load_economic(path: Optional[str] = None) -> Dict[str, Dict[str, Any]]:
    """``{measure: {product, unit, yield_ha, price, source, region, year}}`` from a yield-and-price CSV.

    ``yield_ha``: additional yield per ha and year at full effect (product units); ``price``: CNY per unit.

    Raises
    ------
    InputError
        for a missing column, an unknown measure or a negative number.
    """
    path = path or benefit_economic_path()
    out = {}
    for row in _measure_rows(path, ("yield_ha", "price")):
        out[row["measure"]] = {
            "product": row.get("product", ""),
            "unit": row.get("unit", ""),
            "yield_ha": _checked(path, row, "yield_ha", 1e9),
            "price": _checked(path, row, "price", 1e9),
            "source": row.get("source", ""),
            "region": row.get("region", ""),
            "year": row.get("year", ""),
            "placeholder": is_placeholder(row.get("source", "")),
        }
    return out


# -- land-use categories --------------------------------------------------------------------


def load_categories(path: Optional[str] = None) -> List[Tuple[str, str]]:
    """``[(code, category)]`` from a code → category CSV (``code,category,…``; default: the 三调 preset).

    Raises
    ------
    InputError
        for a missing column or an unknown category.
    """
    path = path or landuse_category_path()
    out = []
    for row in read_csv(path, required=("code", "category")):
        if not row["code"]:
            continue
        if row["category"] not in LANDUSE_VALUE:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The category table {path} gives code {code} the unknown category {category}. "
                    "Categories: {categories}.",
                ),
                path=path,
                code=row["code"],
                category=row["category"],
                categories=", ".join(LANDUSE_VALUE),
            )
        out.append((row["code"], row["category"]))
    return out
