"""The plan's editable CSV tables: allocation presets, unit prices, land-use categories.

UTF-8 (a BOM is accepted), one header line, ``#`` lines are comments (each shipped file names its
sources there).  Unknown extra columns are kept, so a table can carry source, region and year.
"""

from __future__ import annotations

import csv
import os
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..io.tables import TABLE_DIR, read_table
from .catalogue import (
    ALLOCATION_CSV,
    AREA_MEASURES,
    LANDUSE_CATEGORIES_CSV,
    LANDUSE_VALUE,
    QUANTITY_ITEMS,
    RATE_ITEMS,
    REGIONS,
    UNIT_PRICES_CSV,
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


def load_price_rows(path: str) -> List[Dict[str, str]]:
    """Rows of a unit-price CSV (``item,unit,price,…``), prices checked to be numbers ≥ 0.

    Raises
    ------
    InputError
        for a missing column, a price that is not a number ≥ 0, or an unknown item.
    """
    rows = [r for r in read_csv(path, required=("item", "price")) if r["item"]]
    known = {item for item, _m, _u in QUANTITY_ITEMS} | set(RATE_ITEMS)
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
        try:
            value = float(row["price"].replace(",", ""))
        except ValueError:
            value = -1.0
        if not value >= 0:
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "The price of {item} in {path} is not a number ≥ 0: “{value}”."),
                path=path,
                item=row["item"],
                value=row["price"],
            )
    return rows


def load_prices(path: str) -> Dict[str, float]:
    """``{item: price}`` (CNY per unit; rate items in %) from a unit-price CSV."""
    return {row["item"]: float(row["price"].replace(",", "")) for row in load_price_rows(path)}


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
