"""Soil-loss benefits of a plan: soil loss, erosion and the soil-and-water-conservation rate, before and after.

Input rows are those of ``swcplanner:soilloss``'s TABLE (one row per zone): ``AREA_KM2`` (land),
``ERODED_KM2`` (light and above, SL 190-2007), ``SOIL_LOSS_T`` (t/a), the class areas
``SLIGHT_KM2`` … ``SEVERE_KM2``, and with a baseline the ``BASE_*`` columns.  Zones are summed; the
mean modulus is soil loss / land area and the 水土保持率 is (land − eroded) / land (SL 190 light and
above counts as eroded, as in ``soilloss``).  Soil saved = soil loss before − after (t/a).
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

from ..errors import QT_TRANSLATE_NOOP, InputError
from .catalogue import BENEFIT_INDICATORS

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
    after = summary(after_rows) if after_rows is not None else {k: None for k in before}
    return {"before": before, "after": after}


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
