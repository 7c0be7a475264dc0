"""Bill of quantities (工程量汇总) and investment estimate (投资估算) of a small-watershed plan.

Areas come from the measure table of ``swcplanner:measureplan``; counts and earthwork from the layout
algorithms' outputs (``farmlandscreening``: terrace earthwork of the parcels to convert;
``checkdams``: 谷坊 and their body volume; ``siltdams``: 淤地坝 and their body volume; ``slopeworks``:
pits, earthwork and seedlings).  Each quantity is priced at most once: amount = unit price × quantity;
an item without a row in the price table is reported, not priced (e.g. the earthwork of the pits, which
the price per pit includes).  Parts follow the 水土保持工程概(估)算编制规定 (水总〔2003〕67号): 1 工程措施,
2 林草措施, 3 封育治理措施; 4 独立费用 = a rate × parts 1–3; 基本预备费 = a rate × parts 1–4.  Amounts in
CNY.  The yearly schedule (实施进度) spreads every quantity and amount over the planning years by shares
(equal by default).
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from ..errors import QT_TRANSLATE_NOOP, InputError
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
    * ``checkdams``: ``swcplanner:checkdams`` DAMS, ``siltdams``: ``swcplanner:siltdams`` DAMS — one
      row per dam, ``BODY_M3``;
    * ``pits``, ``benches``: ``swcplanner:slopeworks`` SUMMARY — ``COUNT``, ``EARTH_M3`` and
      ``SEEDLINGS`` (seedlings of both add up).

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
    seedlings = [rows for rows in (pits, benches) if rows is not None]
    if seedlings:
        works["seedling_count"] = sum(sum_field(rows, "SEEDLINGS") for rows in seedlings)
    return works


def quantities(
    measure_area_m2: Mapping[str, float],
    works: Optional[Mapping[str, float]] = None,
    parts: Optional[Mapping[str, str]] = None,
) -> List[Dict[str, Any]]:
    """工程量汇总: area items (ha) from the measure areas (m²), the other items from ``works``.

    Items the layouts did not give are 0 with ``COMPUTED = False``.  ``parts`` moves items to another
    investment part (the price table's ``part`` column); default :data:`.catalogue.PART_OF_ITEM`.

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
                "PART": (parts or {}).get(item) or PART_OF_ITEM[item],
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
    info: Optional[Mapping[str, Mapping[str, Any]]] = None,
) -> Tuple[List[Dict[str, Any]], Dict[str, float]]:
    """投资估算: ``(item rows, totals)``; price × quantity per item, subtotals per part, rates.

    ``independent_pct`` and ``contingency_pct`` default to the price table's items of the same name.
    Independent costs are a share of parts 1–3; the basic contingency a share of parts 1–4.  An item
    without a price is not priced (``PRICED`` false, amount 0).  ``info`` (:func:`.tables.price_info`)
    adds the source, region and year of each price and whether it is a placeholder.

    >>> rows, t = investment([{"ITEM": "terrace_area", "UNIT": "ha", "QUANTITY": 2.0, "PART": "engineering"},
    ...                       {"ITEM": "grass_area", "UNIT": "ha", "QUANTITY": 1.0, "PART": "vegetation"}],
    ...                      {"terrace_area": 9000, "grass_area": 1800, "independent_pct": 10,
    ...                       "contingency_pct": 5})
    >>> t["engineering"], t["vegetation"], t["direct"], t["independent"], round(t["total"], 2)
    (18000.0, 1800.0, 19800.0, 1980.0, 22869.0)
    """
    if independent_pct is None:
        independent_pct = float(prices.get("independent_pct", 0.0))
    if contingency_pct is None:
        contingency_pct = float(prices.get("contingency_pct", 0.0))
    info = info or {}
    rows = []
    parts = {p: 0.0 for p in PARTS}
    for q in quantity_rows:
        item = str(q["ITEM"])
        priced = item in prices
        price = float(prices[item]) if priced else 0.0
        quantity = float(q["QUANTITY"])
        amount = price * quantity
        part = str(q.get("PART") or PART_OF_ITEM[item])
        parts[part] += amount
        meta = info.get(item, {})
        rows.append(
            {
                "ITEM": item,
                "PART": part,
                "UNIT": q["UNIT"],
                "QUANTITY": quantity,
                "PRICE": price if priced else None,
                "AMOUNT": amount,
                "PRICED": priced,
                "SOURCE": str(meta.get("source", "")),
                "REGION": str(meta.get("region", "")),
                "YEAR": str(meta.get("year", "")),
                "PLACEHOLDER": bool(meta.get("placeholder", False)) if priced else False,
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
            "SOURCE": "",
            "REGION": "",
            "YEAR": "",
            "PLACEHOLDER": False,
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
                        SOURCE=r.get("SOURCE", ""),
                        REGION=r.get("REGION", ""),
                        YEAR=r.get("YEAR", ""),
                        PLACEHOLDER=bool(r.get("PLACEHOLDER", False)),
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


# -- yearly schedule (实施进度) ------------------------------------------------------------------


def year_shares(
    start: int, end: int, shares: Optional[Mapping[int, float]] = None
) -> List[Tuple[int, float]]:
    """``[(year, share)]`` over ``start``..``end`` (shares sum to 1); ``shares`` (any positive weights) or equal.

    >>> year_shares(2026, 2029)
    [(2026, 0.25), (2027, 0.25), (2028, 0.25), (2029, 0.25)]
    >>> year_shares(2026, 2027, {2026: 3, 2027: 1})
    [(2026, 0.75), (2027, 0.25)]

    Raises
    ------
    InputError
        when the period is empty, or the shares name a year outside it or do not add up to more than 0.
    """
    start, end = int(start), int(end)
    if end < start:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The planning period {start}–{end} is empty: the last year must not be before the first.",
            ),
            start=start,
            end=end,
        )
    years = list(range(start, end + 1))
    if not shares:
        return [(y, 1.0 / len(years)) for y in years]
    outside = sorted(y for y in shares if int(y) not in years)
    total = float(sum(max(float(v), 0.0) for y, v in shares.items() if int(y) in years))
    if outside or not total > 0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The yearly shares must lie in the planning period {start}–{end} and add up to more than 0 "
                "(years outside: {years}).",
            ),
            start=start,
            end=end,
            years=", ".join(str(y) for y in outside) or "–",
        )
    return [(y, max(float(shares.get(y, 0.0)), 0.0) / total) for y in years]


def whole_counts(total: float, shares: Sequence[float]) -> List[float]:
    """``total`` pieces split by ``shares`` into whole numbers that add up (largest remainder).

    >>> whole_counts(25, [0.5, 1 / 3, 1 / 6]), whole_counts(2, [0.4, 0.3, 0.2, 0.1])
    ([13.0, 8.0, 4.0], [1.0, 1.0, 0.0, 0.0])
    """
    n = int(round(float(total)))
    raw = [n * float(s) for s in shares]
    base = [int(r // 1) for r in raw]
    rest = n - sum(base)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[: max(rest, 0)]:
        base[i] += 1
    return [float(b) for b in base]


def schedule(
    item_rows: Rows, totals: Mapping[str, float], years: Sequence[Tuple[int, float]]
) -> List[Dict[str, Any]]:
    """实施进度: per year, each item's quantity and amount, each part, 独立费用, 预备费 and the total.

    Quantities are the plan's × the year's share — pieces (``pcs``: dams, pits, seedlings) in whole numbers
    that add up (:func:`whole_counts`); an item's amount follows its quantity.  A year's parts are the sums
    of its items; its 独立费用 and 预备费 are the plan's rates of them, so the years add up to the plan.
    ``LEVEL``: ``item`` (ITEM, UNIT, QUANTITY, AMOUNT), ``part`` (PART, AMOUNT), ``sum`` (PART direct,
    independent, contingency, total).

    >>> rows = schedule([{"ITEM": "grass_area", "PART": "vegetation", "UNIT": "ha", "QUANTITY": 4.0,
    ...                   "AMOUNT": 400.0}], {"vegetation": 400.0, "engineering": 0.0, "enclosure": 0.0,
    ...                  "direct": 400.0, "independent": 40.0, "independent_pct": 10.0, "contingency": 0.0,
    ...                  "contingency_pct": 0.0, "total": 440.0}, [(2026, 0.5), (2027, 0.5)])
    >>> [(r["YEAR"], r["LEVEL"], r["PART"], r["QUANTITY"], r["AMOUNT"]) for r in rows if r["LEVEL"] != "part"]
    ... # doctest: +NORMALIZE_WHITESPACE
    [(2026, 'item', 'vegetation', 2.0, 200.0), (2026, 'sum', 'direct', None, 200.0),
     (2026, 'sum', 'independent', None, 20.0), (2026, 'sum', 'contingency', None, 0.0),
     (2026, 'sum', 'total', None, 220.0), (2027, 'item', 'vegetation', 2.0, 200.0),
     (2027, 'sum', 'direct', None, 200.0), (2027, 'sum', 'independent', None, 20.0),
     (2027, 'sum', 'contingency', None, 0.0), (2027, 'sum', 'total', None, 220.0)]
    """
    shares = [float(share) for _y, share in years]
    items = [r for r in item_rows if float(r["QUANTITY"] or 0.0) or float(r["AMOUNT"] or 0.0)]
    per_item = []
    for r in items:
        q, a = float(r["QUANTITY"] or 0.0), float(r["AMOUNT"] or 0.0)
        qs = whole_counts(q, shares) if r["UNIT"] == "pcs" else [q * s for s in shares]
        amounts = [a * (qy / q) if q else a * s for qy, s in zip(qs, shares)]
        per_item.append((r, qs, amounts))
    ind_pct = float(totals.get("independent_pct", 0.0))
    cont_pct = float(totals.get("contingency_pct", 0.0))
    out: List[Dict[str, Any]] = []
    for k, (year, share) in enumerate(years):
        parts = {p: 0.0 for p in PARTS}
        for r, qs, amounts in per_item:
            parts[str(r["PART"])] += amounts[k]
            out.append(
                {
                    "YEAR": int(year),
                    "LEVEL": "item",
                    "PART": r["PART"],
                    "ITEM": r["ITEM"],
                    "UNIT": r["UNIT"],
                    "SHARE": share,
                    "QUANTITY": qs[k],
                    "AMOUNT": amounts[k],
                }
            )
        direct = sum(parts.values())
        independent = direct * ind_pct / 100.0
        contingency = (direct + independent) * cont_pct / 100.0
        sums = {
            "direct": direct,
            "independent": independent,
            "contingency": contingency,
            "total": direct + independent + contingency,
        }
        for level, values in (("part", parts), ("sum", sums)):
            for key, amount in values.items():
                out.append(
                    {
                        "YEAR": int(year),
                        "LEVEL": level,
                        "PART": key,
                        "ITEM": "",
                        "UNIT": "",
                        "SHARE": share,
                        "QUANTITY": None,
                        "AMOUNT": amount,
                    }
                )
    return out
