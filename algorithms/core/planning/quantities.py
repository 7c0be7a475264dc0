"""Bill of quantities (工程量汇总) and investment estimate (投资估算) of a small-watershed plan.

Areas come from the measure table of ``swcplanner:measureplan``; counts and earthwork from the layout
algorithms' outputs (``farmlandscreening``: terrace earthwork of the parcels to convert;
``checkdams``: dams and dam-body volume; ``slopeworks``: pits and earthwork).  Each quantity is priced
once: amount = unit price × quantity.  Parts follow the 水土保持工程概(估)算编制规定: 1 engineering,
2 forest and grass, 3 enclosure; 4 independent costs = a rate × parts 1–3; basic contingency =
a rate × parts 1–4.  Amounts in CNY.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from .catalogue import AREA_ITEMS, HA_M2, PART_OF_ITEM, PARTS, QUANTITY_ITEMS

Rows = Sequence[Mapping[str, Any]]


def _field(row_keys: Sequence[str], name: str) -> Optional[str]:
    upper = {k.upper(): k for k in row_keys}
    return upper.get(name.upper())


def sum_field(rows: Rows, name: str, where: Optional[Tuple[str, Sequence[str]]] = None) -> float:
    """Sum of field ``name`` (case-insensitive) over ``rows``; ``where = (field, values)`` filters them.

    NULL and non-numeric values count 0; an absent field sums to 0.

    >>> sum_field([{"EARTH_M3": 2.0, "CATEGORY": "convert"}, {"EARTH_M3": 5.0, "CATEGORY": "keep"}],
    ...           "earth_m3", where=("CATEGORY", ["convert"]))
    2.0
    """
    total = 0.0
    for row in rows:
        keys = list(row.keys())
        if where is not None:
            wname = _field(keys, where[0])
            if wname is None or str(row.get(wname)) not in where[1]:
                continue
        fname = _field(keys, name)
        if fname is None:
            continue
        try:
            value = row.get(fname)
            total += float(value) if value is not None else 0.0
        except (TypeError, ValueError):
            continue
    return total


def works_from_layouts(
    farmland: Optional[Rows] = None,
    checkdams: Optional[Rows] = None,
    siltdams: Optional[Rows] = None,
    pits: Optional[Rows] = None,
    benches: Optional[Rows] = None,
) -> Dict[str, float]:
    """Counts and earthwork (item codes) from the layout outputs that were given.

    * ``farmland``: ``swcplanner:farmlandscreening`` OUTPUT — ``EARTH_M3`` of the parcels with
      ``CATEGORY = convert`` (slope farmland to turn into terraces);
    * ``checkdams``, ``siltdams``: ``swcplanner:checkdams`` DAMS — one row per dam, ``BODY_M3``;
    * ``pits``, ``benches``: ``swcplanner:slopeworks`` SUMMARY — ``COUNT`` and ``EARTH_M3``.

    >>> works_from_layouts(checkdams=[{"BODY_M3": 30.0}, {"BODY_M3": 12.5}])
    {'checkdam_count': 2.0, 'checkdam_volume': 42.5}
    """
    works: Dict[str, float] = {}
    if farmland is not None:
        works["terrace_earthwork"] = sum_field(farmland, "EARTH_M3", where=("CATEGORY", ["convert"]))
    for rows, prefix in ((checkdams, "checkdam"), (siltdams, "siltdam")):
        if rows is not None:
            works[prefix + "_count"] = float(len(rows))
            works[prefix + "_volume"] = sum_field(rows, "BODY_M3")
    if pits is not None:
        works["pit_count"] = sum_field(pits, "COUNT")
        works["pit_earthwork"] = sum_field(pits, "EARTH_M3")
    if benches is not None:
        works["bench_earthwork"] = sum_field(benches, "EARTH_M3")
    return works


def quantities(
    measure_area_m2: Mapping[str, float], works: Optional[Mapping[str, float]] = None
) -> List[Dict[str, Any]]:
    """工程量汇总: area items (ha) from the measure areas (m²), the other items from ``works``.

    Items the layouts did not give are 0 with ``COMPUTED = False``.

    >>> q = {r["ITEM"]: r for r in quantities({"soilforest_pits": 5000.0, "soilforest_benches": 5000.0},
    ...                                       {"pit_count": 40.0})}
    >>> q["soilforest_area"]["QUANTITY"], q["pit_count"]["QUANTITY"], q["checkdam_count"]["COMPUTED"]
    (1.0, 40.0, False)
    """
    works = dict(works or {})
    rows = []
    for item, measure, unit in QUANTITY_ITEMS:
        if item in AREA_ITEMS:
            value = sum(float(measure_area_m2.get(m, 0.0)) for m in AREA_ITEMS[item]) / HA_M2
            computed = True
        else:
            computed = works.get(item) is not None
            value = float(works[item]) if computed else 0.0
        rows.append(
            {
                "ITEM": item,
                "MEASURE": measure,
                "PART": PART_OF_ITEM[item],
                "UNIT": unit,
                "QUANTITY": value,
                "COMPUTED": computed,
            }
        )
    return rows


def investment(
    quantity_rows: Rows,
    prices: Mapping[str, float],
    independent_pct: Optional[float] = None,
    contingency_pct: Optional[float] = None,
) -> Tuple[List[Dict[str, Any]], Dict[str, float]]:
    """投资估算: ``(item rows, totals)``; price × quantity per item, subtotals per part, rates.

    ``independent_pct`` and ``contingency_pct`` default to the price table's items of the same name.
    Independent costs are a share of parts 1–3; the basic contingency a share of parts 1–4.

    >>> rows, t = investment([{"ITEM": "terrace_area", "UNIT": "ha", "QUANTITY": 2.0},
    ...                       {"ITEM": "grass_area", "UNIT": "ha", "QUANTITY": 1.0}],
    ...                      {"terrace_area": 9000, "grass_area": 1800, "independent_pct": 10,
    ...                       "contingency_pct": 5})
    >>> t["engineering"], t["vegetation"], t["direct"], t["independent"], round(t["total"], 2)
    (18000.0, 1800.0, 19800.0, 1980.0, 22869.0)
    """
    if independent_pct is None:
        independent_pct = float(prices.get("independent_pct", 0.0))
    if contingency_pct is None:
        contingency_pct = float(prices.get("contingency_pct", 0.0))
    rows = []
    parts = {p: 0.0 for p in PARTS}
    for q in quantity_rows:
        item = str(q["ITEM"])
        price = float(prices.get(item, 0.0))
        quantity = float(q["QUANTITY"])
        amount = price * quantity
        part = PART_OF_ITEM[item]
        parts[part] += amount
        rows.append(
            {
                "ITEM": item,
                "PART": part,
                "UNIT": q["UNIT"],
                "QUANTITY": quantity,
                "PRICE": price,
                "AMOUNT": amount,
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
            "independent_pct": float(independent_pct),
            "contingency": contingency,
            "contingency_pct": float(contingency_pct),
            "total": direct + independent + contingency,
        }
    )
    return rows, totals


def investment_table(item_rows: Rows, totals: Mapping[str, float]) -> List[Dict[str, Any]]:
    """The investment table in report order, amounts in CNY and 10⁴ CNY (万元).

    ``LEVEL``: ``part`` (a part's subtotal, followed by its ``item`` rows), then ``sum`` rows:
    ``direct`` (parts 1–3), ``independent`` (part 4: PRICE = rate %, QUANTITY = parts 1–3),
    ``contingency`` (PRICE = rate %, QUANTITY = parts 1–4) and ``total``.
    """

    def row(level: str, part: str, amount: float, **extra: Any) -> Dict[str, Any]:
        out: Dict[str, Any] = {
            "LEVEL": level,
            "PART": part,
            "ITEM": "",
            "UNIT": "",
            "QUANTITY": None,
            "PRICE": None,
        }
        out.update(extra)
        out["AMOUNT"] = amount
        out["AMOUNT_10K"] = amount / 1e4
        return out

    out = []
    for part in PARTS:
        out.append(row("part", part, totals[part]))
        for r in item_rows:
            if r["PART"] == part:
                out.append(
                    row(
                        "item",
                        part,
                        float(r["AMOUNT"]),
                        ITEM=r["ITEM"],
                        UNIT=r["UNIT"],
                        QUANTITY=r["QUANTITY"],
                        PRICE=r["PRICE"],
                    )
                )
    direct = totals["direct"]
    out.append(row("sum", "direct", direct))
    out.append(
        row(
            "sum",
            "independent",
            totals["independent"],
            UNIT="%",
            QUANTITY=direct,
            PRICE=totals["independent_pct"],
        )
    )
    out.append(
        row(
            "sum",
            "contingency",
            totals["contingency"],
            UNIT="%",
            QUANTITY=direct + totals["independent"],
            PRICE=totals["contingency_pct"],
        )
    )
    out.append(row("sum", "total", totals["total"]))
    return out
