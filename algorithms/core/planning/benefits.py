"""Benefits of a plan by the classes of GB/T 15774-2008: basic (调水保土), economic, social, ecological.

Input rows are those of ``swcplanner:soilloss``'s TABLE (one row per zone): ``AREA_KM2`` (land),
``ERODED_KM2`` (light and above, SL 190-2007), ``SOIL_LOSS_T`` (t/a), the class areas
``SLIGHT_KM2`` … ``SEVERE_KM2``, and with a baseline the ``BASE_*`` columns.  Zones are summed; the
mean modulus is soil loss / land area and the 水土保持率 is (land − eroded) / land (SL 190 light and
above counts as eroded, as in ``soilloss``).

The scenario with the plan is ``soilloss`` run with the measure polygons of ``measureplan`` as
MEASURES, the status soil loss as BASELINE and, for the per-measure tables, the same polygons as ZONES
by their MEASURE field: each zone row then holds a measure's soil loss without (``BASE_LOSS_T``) and
with it (``SOIL_LOSS_T``).  The measure polygons cover only the cells where the measure may be laid
(measureplan's eligibility rules, e.g. pits on 15–45°), so soil is retained only where works are laid.
With BEFORE given, the watershed after the plan = before − the change inside the zones.

* basic (调水保土): soil retained per measure = BASE_LOSS_T − SOIL_LOSS_T (CSLE), and by the measure's
  减沙 rate (BASE_LOSS_T × rate); water retained = area × mean annual runoff depth × 减水 rate;
* economic: area × additional yield per ha × price (gross, CNY/a);
* social: terraced land added, land silted behind 淤地坝, area treated;
* ecological: 水土流失治理度 = eroded area treated / eroded area; 林草覆盖率 = forest and grass area / land
  area before and after; 水土保持率 and mean modulus before and after.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

from ..errors import QT_TRANSLATE_NOOP, InputError
from .catalogue import (
    AREA_MEASURES,
    BENEFIT_INDICATORS,
    FOREST_GRASS_LANDUSE,
    FOREST_GRASS_MEASURES,
    HA_M2,
)

#: soilloss TABLE columns of the intensity classes 1..6 (slight … severe).
CLASS_FIELDS = ("SLIGHT_KM2", "LIGHT_KM2", "MODERATE_KM2", "INTENSE_KM2", "VINTENSE_KM2", "SEVERE_KM2")

Indicators = Dict[str, Optional[float]]


def _value(row: Mapping[str, Any], name: str) -> Optional[float]:
    upper = {k.upper(): k for k in row}
    key = upper.get(name.upper())
    value = row.get(key) if key is not None else None
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _sum(rows: Sequence[Mapping[str, Any]], name: str) -> Optional[float]:
    values = [v for v in (_value(r, name) for r in rows) if v is not None]
    return float(sum(values)) if values else None


def summary(rows: Sequence[Mapping[str, Any]], base: bool = False) -> Indicators:
    """Watershed indicators from soilloss TABLE rows (``base``: the scenario without the change).

    Returns ``land_km2``, ``eroded_km2``, ``soil_loss_t``, ``mean_modulus`` (t/(km²·a)), ``swc_rate``
    (%) and ``class1_km2`` … ``class6_km2`` (intensity class areas; ``None`` for ``base``, which the
    table does not split).

    >>> s = summary([{"AREA_KM2": 2.0, "ERODED_KM2": 0.5, "SOIL_LOSS_T": 800.0},
    ...              {"AREA_KM2": 3.0, "ERODED_KM2": 1.5, "SOIL_LOSS_T": 1200.0}])
    >>> s["land_km2"], s["eroded_km2"], s["soil_loss_t"], s["mean_modulus"], s["swc_rate"]
    (5.0, 2.0, 2000.0, 400.0, 60.0)
    """
    land = _sum(rows, "AREA_KM2")
    eroded = _sum(rows, "BASE_ERODED_KM2" if base else "ERODED_KM2")
    loss = _sum(rows, "BASE_LOSS_T" if base else "SOIL_LOSS_T")
    out: Indicators = {"land_km2": land, "eroded_km2": eroded, "soil_loss_t": loss}
    out["mean_modulus"] = loss / land if land and loss is not None else None
    out["swc_rate"] = 100.0 * (land - eroded) / land if land and eroded is not None else None
    for k, name in enumerate(CLASS_FIELDS, start=1):
        out[f"class{k}_km2"] = None if base else _sum(rows, name)
    return out


def has_base(rows: Sequence[Mapping[str, Any]]) -> bool:
    """Whether soilloss TABLE rows carry the scenario without the change (``BASE_LOSS_T``)."""
    return bool(rows) and all(_value(r, "BASE_LOSS_T") is not None for r in rows)


def before_after(
    before_rows: Optional[Sequence[Mapping[str, Any]]], after_rows: Optional[Sequence[Mapping[str, Any]]]
) -> Dict[str, Indicators]:
    """``{"before": …, "after": …}``: before from ``before_rows``, else from the BASE_* columns of ``after_rows``.

    With both, and a baseline in ``after_rows``, the after scenario is before − the change inside the
    zones of ``after_rows`` (soil loss and eroded area; the zones may cover only the measure polygons):
    the class areas after are then given only when those zones cover the whole land area.

    Raises
    ------
    InputError
        when neither a before table nor an after table with a baseline is given.
    """
    if before_rows is not None:
        before = summary(before_rows)
    elif after_rows is not None and has_base(after_rows):
        before = summary(after_rows, base=True)
    else:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Give the soil-loss table without the plan (BEFORE), or a soil-loss table with the plan "
                "that was computed with a BASELINE.",
            )
        )
    if after_rows is None:
        return {"before": before, "after": {k: None for k in before}}
    after = summary(after_rows)
    if before_rows is not None and has_base(after_rows):
        inside = summary(after_rows, base=True)
        land = before["land_km2"]
        loss_change = _diff(after["soil_loss_t"], inside["soil_loss_t"])
        eroded_change = _diff(after["eroded_km2"], inside["eroded_km2"])
        whole = (
            land is not None
            and after["land_km2"] is not None
            and abs(after["land_km2"] - land) <= 1e-3 * land
        )
        out: Indicators = {"land_km2": land}
        out["soil_loss_t"] = _add(before["soil_loss_t"], loss_change)
        out["eroded_km2"] = _add(before["eroded_km2"], eroded_change)
        out["mean_modulus"] = out["soil_loss_t"] / land if land and out["soil_loss_t"] is not None else None
        out["swc_rate"] = (
            100.0 * (land - out["eroded_km2"]) / land if land and out["eroded_km2"] is not None else None
        )
        for k in range(1, len(CLASS_FIELDS) + 1):
            out[f"class{k}_km2"] = after[f"class{k}_km2"] if whole else None
        after = out
    return {"before": before, "after": after}


def _diff(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return None if a is None or b is None else a - b


def _add(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return None if a is None or b is None else a + b


def benefit_rows(before: Indicators, after: Indicators) -> List[Dict[str, Any]]:
    """One row per indicator: ``INDICATOR``, ``UNIT``, ``BEFORE``, ``AFTER``, ``CHANGE`` (after − before).

    >>> rows = benefit_rows({"soil_loss_t": 1000.0, "swc_rate": 80.0}, {"soil_loss_t": 600.0, "swc_rate": 85.5})
    >>> [(r["INDICATOR"], r["CHANGE"]) for r in rows[:4]]
    [('soil_loss_t', -400.0), ('mean_modulus', None), ('eroded_km2', None), ('swc_rate', 5.5)]
    """
    rows = []
    for key, unit in BENEFIT_INDICATORS:
        b, a = before.get(key), after.get(key)
        rows.append(
            {
                "INDICATOR": key,
                "UNIT": unit,
                "BEFORE": b,
                "AFTER": a,
                "CHANGE": (a - b) if a is not None and b is not None else None,
            }
        )
    return rows


def soil_saved(before: Indicators, after: Indicators) -> Optional[float]:
    """Soil saved per year (t/a) = soil loss before − after.

    >>> soil_saved({"soil_loss_t": 1000.0}, {"soil_loss_t": 600.0})
    400.0
    """
    b, a = before.get("soil_loss_t"), after.get("soil_loss_t")
    if a is None or b is None:
        return None
    return b - a


# -- GB/T 15774-2008 benefit classes -------------------------------------------------------------


def zone_rows_by_measure(after_rows: Optional[Sequence[Mapping[str, Any]]]) -> Dict[str, Mapping[str, Any]]:
    """The rows of a soilloss TABLE whose ``ZONE`` is a measure code (zones = measureplan's polygons)."""
    out: Dict[str, Mapping[str, Any]] = {}
    for row in after_rows or []:
        upper = {k.upper(): k for k in row}
        key = upper.get("ZONE")
        zone = str(row.get(key)) if key is not None and row.get(key) is not None else ""
        if zone in AREA_MEASURES:
            out[zone] = row
    return out


def basic_rows(
    measure_areas_m2: Mapping[str, float],
    after_rows: Optional[Sequence[Mapping[str, Any]]],
    rates: Mapping[str, Mapping[str, Any]],
    runoff_mm: Optional[float],
    dams: Optional[Sequence[Mapping[str, Any]]] = None,
) -> List[Dict[str, Any]]:
    """基础效益 (调水保土) per measure, then the 淤地坝 row and the total of the measures.

    Per measure with an area (``none`` left out): ``SOIL_BEFORE_T`` and ``SOIL_AFTER_T`` (t/a, the
    measure's zone of the scenario table; ``None`` without per-measure zones), ``SOIL_RETAINED_T`` =
    before − after, ``SEDIMENT_PCT`` and ``SOIL_RATE_T`` = before × 减沙 rate, ``WATER_PCT`` and
    ``WATER_M3`` = area (km²) × ``runoff_mm`` × 1 000 × 减水 rate (``None`` without a runoff depth).
    ``siltdam``: sediment trapped by the 淤地坝 = the sum of their ``SEDIMENT_T_A`` (inflow; counted
    apart, not in the total, as the inflow was computed from the status soil loss).

    >>> rows = basic_rows({"terrace": 2e4, "none": 1e4},
    ...                   [{"ZONE": "terrace", "SOIL_LOSS_T": 10.0, "BASE_LOSS_T": 50.0}],
    ...                   {"terrace": {"water_pct": 70.0, "sediment_pct": 80.0, "source": "s"}}, 100.0)
    >>> [(r["MEASURE"], r["SOIL_RETAINED_T"], r["SOIL_RATE_T"], r["WATER_M3"]) for r in rows]
    [('terrace', 40.0, 40.0, 1400.0), ('total', 40.0, 40.0, 1400.0)]
    """
    zones = zone_rows_by_measure(after_rows)
    rows: List[Dict[str, Any]] = []
    for code in AREA_MEASURES:
        area = float(measure_areas_m2.get(code, 0.0))
        if code == "none" or area <= 0:
            continue
        zone = zones.get(code)
        before = _value(zone, "BASE_LOSS_T") if zone is not None else None
        after = _value(zone, "SOIL_LOSS_T") if zone is not None else None
        rate = rates.get(code, {})
        sed = rate.get("sediment_pct")
        wat = rate.get("water_pct")
        rows.append(
            {
                "MEASURE": code,
                "AREA_HA": area / HA_M2,
                "SOIL_BEFORE_T": before,
                "SOIL_AFTER_T": after,
                "SOIL_RETAINED_T": _diff(before, after),
                "SEDIMENT_PCT": sed,
                "SOIL_RATE_T": before * sed / 100.0 if before is not None and sed is not None else None,
                "WATER_PCT": wat,
                "RUNOFF_MM": runoff_mm,
                "WATER_M3": (
                    area / 1e6 * runoff_mm * 1000.0 * wat / 100.0
                    if runoff_mm is not None and wat is not None
                    else None
                ),
                "SOURCE": str(rate.get("source", "")),
            }
        )
    total: Dict[str, Any] = {"MEASURE": "total", "SOURCE": ""}
    for key in ("AREA_HA", "SOIL_BEFORE_T", "SOIL_AFTER_T", "SOIL_RETAINED_T", "SOIL_RATE_T", "WATER_M3"):
        values = [r[key] for r in rows]
        total[key] = float(sum(values)) if values and all(v is not None for v in values) else None
    total.update({"SEDIMENT_PCT": None, "WATER_PCT": None, "RUNOFF_MM": runoff_mm})
    if dams:
        trapped = sum(float(_value(d, "SEDIMENT_T_A") or 0.0) for d in dams)
        rows.append(
            {
                "MEASURE": "siltdam",
                "AREA_HA": None,
                "SOIL_BEFORE_T": None,
                "SOIL_AFTER_T": None,
                "SOIL_RETAINED_T": trapped,
                "SEDIMENT_PCT": None,
                "SOIL_RATE_T": None,
                "WATER_PCT": None,
                "RUNOFF_MM": None,
                "WATER_M3": None,
                "SOURCE": "",
            }
        )
    rows.append(total)
    return rows


def economic_rows(
    measure_areas_m2: Mapping[str, float], table: Mapping[str, Mapping[str, Any]]
) -> List[Dict[str, Any]]:
    """经济效益 per measure: area × additional yield per ha (``OUTPUT``) × price (``VALUE``, CNY/a); total.

    Measures without a row of ``table`` (or ``none``) are left out.

    >>> rows = economic_rows({"terrace": 2e4}, {"terrace": {"product": "grain", "unit": "kg", "yield_ha": 1500.0,
    ...                                                     "price": 2.4, "source": "s"}})
    >>> [(r["MEASURE"], r["OUTPUT"], r["VALUE"]) for r in rows]
    [('terrace', 3000.0, 7200.0), ('total', None, 7200.0)]
    """
    rows: List[Dict[str, Any]] = []
    for code in AREA_MEASURES:
        area = float(measure_areas_m2.get(code, 0.0))
        row = table.get(code)
        if code == "none" or area <= 0 or row is None:
            continue
        ha = area / HA_M2
        output = ha * float(row["yield_ha"])
        rows.append(
            {
                "MEASURE": code,
                "AREA_HA": ha,
                "PRODUCT": str(row.get("product", "")),
                "UNIT": str(row.get("unit", "")),
                "YIELD_HA": float(row["yield_ha"]),
                "OUTPUT": output,
                "PRICE": float(row["price"]),
                "VALUE": output * float(row["price"]),
                "SOURCE": str(row.get("source", "")),
                "PLACEHOLDER": bool(row.get("placeholder", False)),
            }
        )
    rows.append(
        {
            "MEASURE": "total",
            "AREA_HA": sum(r["AREA_HA"] for r in rows),
            "PRODUCT": "",
            "UNIT": "",
            "YIELD_HA": None,
            "OUTPUT": None,
            "PRICE": None,
            "VALUE": float(sum(r["VALUE"] for r in rows)),
            "SOURCE": "",
            "PLACEHOLDER": any(r["PLACEHOLDER"] for r in rows),
        }
    )
    return rows


def landuse_totals(landuse_rows: Sequence[Mapping[str, Any]]) -> Dict[str, float]:
    """``{land use: m²}`` over all slope classes from the landuseslope TABLE (CLASS 0 rows; ``total`` too)."""
    out: Dict[str, float] = {}
    for row in landuse_rows:
        if int(_value(row, "CLASS") or 0) == 0:
            upper = {k.upper(): k for k in row}
            out[str(row[upper["LANDUSE"]])] = float(_value(row, "AREA_M2") or 0.0)
    return out


def treated_area_m2(measure_areas_m2: Mapping[str, float]) -> float:
    """Area with a measure (every area measure but ``none``), m²."""
    return float(sum(a for m, a in measure_areas_m2.items() if m != "none" and m in AREA_MEASURES))


def ecological_rows(
    scenario: Mapping[str, Indicators],
    measure_areas_m2: Mapping[str, float],
    landuse_m2: Mapping[str, float],
    landuse_measure_m2: Mapping[Any, float],
    after_rows: Optional[Sequence[Mapping[str, Any]]] = None,
) -> List[Dict[str, Any]]:
    """生态效益: INDICATOR, UNIT, BEFORE, AFTER, CHANGE.

    * ``treatment_degree`` (水土流失治理度, %): eroded area treated / eroded area before; the eroded area
      treated is the measure zones' ``BASE_ERODED_KM2`` (every measure but ``none``), else, without
      per-measure zones, the lesser of the treated and the eroded area;
    * ``forest_grass_cover`` (林草覆盖率, %): (forest + grass + orchard) / land area of the land-use table;
      after: + the land of other uses that a forest or grass measure turns into forest or grass;
    * ``swc_rate``, ``mean_modulus``, ``eroded_km2``: the scenario (before, after);
    * ``treated_km2``, ``forest_grass_km2``.

    >>> rows = ecological_rows({"before": {"eroded_km2": 0.02, "swc_rate": 60.0, "mean_modulus": 900.0},
    ...                         "after": {"eroded_km2": 0.01, "swc_rate": 80.0, "mean_modulus": 400.0}},
    ...                        {"terrace": 1e4, "grass": 1e4, "none": 3e4},
    ...                        {"cropland": 3e4, "forest": 2e4, "total": 5e4},
    ...                        {("cropland", "grass"): 1e4, ("cropland", "terrace"): 1e4},
    ...                        [{"ZONE": "terrace", "BASE_ERODED_KM2": 0.008}, {"ZONE": "grass", "BASE_ERODED_KM2": 0.004},
    ...                         {"ZONE": "none", "BASE_ERODED_KM2": 0.008}])
    >>> {r["INDICATOR"]: (r["BEFORE"], r["AFTER"]) for r in rows}["treatment_degree"]
    (None, 60.0)
    >>> {r["INDICATOR"]: (r["BEFORE"], r["AFTER"]) for r in rows}["forest_grass_cover"]
    (40.0, 60.0)
    """
    before = scenario.get("before", {})
    after = scenario.get("after", {})
    land = float(landuse_m2.get("total", 0.0)) or float(sum(v for k, v in landuse_m2.items() if k != "total"))
    fg_before = float(sum(landuse_m2.get(lu, 0.0) for lu in FOREST_GRASS_LANDUSE))
    converted = float(
        sum(
            a
            for (lu, m), a in landuse_measure_m2.items()
            if m in FOREST_GRASS_MEASURES and lu not in FOREST_GRASS_LANDUSE
        )
    )
    fg_after = fg_before + converted
    eroded = before.get("eroded_km2")
    zones = zone_rows_by_measure(after_rows)
    treated = treated_area_m2(measure_areas_m2) / 1e6
    if zones:
        treated_eroded: Optional[float] = float(
            sum(_value(r, "BASE_ERODED_KM2") or 0.0 for m, r in zones.items() if m != "none")
        )
    else:
        treated_eroded = min(treated, eroded) if eroded is not None else None
    degree = 100.0 * treated_eroded / eroded if eroded and treated_eroded is not None else None

    def pct(a: float) -> Optional[float]:
        return 100.0 * a / land if land else None

    items = [
        ("treated_km2", "km2", None, treated),
        ("treatment_degree", "%", None, degree),
        ("forest_grass_km2", "km2", fg_before / 1e6, fg_after / 1e6),
        ("forest_grass_cover", "%", pct(fg_before), pct(fg_after)),
        ("eroded_km2", "km2", before.get("eroded_km2"), after.get("eroded_km2")),
        ("swc_rate", "%", before.get("swc_rate"), after.get("swc_rate")),
        ("mean_modulus", "t/(km2·a)", before.get("mean_modulus"), after.get("mean_modulus")),
    ]
    return [
        {
            "INDICATOR": key,
            "UNIT": unit,
            "BEFORE": b,
            "AFTER": a,
            "CHANGE": a - b if a is not None and b is not None else None,
        }
        for key, unit, b, a in items
    ]


def social_rows(
    measure_areas_m2: Mapping[str, float],
    siltdams: Optional[Sequence[Mapping[str, Any]]] = None,
    checkdams: Optional[Sequence[Mapping[str, Any]]] = None,
) -> List[Dict[str, Any]]:
    """社会效益: INDICATOR, UNIT, VALUE — terraced land added (ha), area treated (ha), 淤地坝 and the land
    they silt up (ha, their ``SILT_M2`` at the design silt level), 谷坊.

    >>> [(r["INDICATOR"], r["VALUE"]) for r in social_rows({"terrace": 2e4}, [{"SILT_M2": 5e3}])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('terrace_ha', 2.0), ('treated_ha', 2.0), ('siltdam_count', 1.0), ('silted_land_ha', 0.5),
     ('checkdam_count', None)]
    """
    silted = (
        float(sum(float(_value(d, "SILT_M2") or 0.0) for d in siltdams)) / HA_M2
        if siltdams is not None
        else None
    )
    return [
        {
            "INDICATOR": "terrace_ha",
            "UNIT": "ha",
            "VALUE": float(measure_areas_m2.get("terrace", 0.0)) / HA_M2,
        },
        {"INDICATOR": "treated_ha", "UNIT": "ha", "VALUE": treated_area_m2(measure_areas_m2) / HA_M2},
        {
            "INDICATOR": "siltdam_count",
            "UNIT": "pcs",
            "VALUE": float(len(siltdams)) if siltdams is not None else None,
        },
        {"INDICATOR": "silted_land_ha", "UNIT": "ha", "VALUE": silted},
        {
            "INDICATOR": "checkdam_count",
            "UNIT": "pcs",
            "VALUE": float(len(checkdams)) if checkdams is not None else None,
        },
    ]
