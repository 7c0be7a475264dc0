"""The province roll-up: per province, city and county and year, from the views of migration 003.

The database sums; this module adds the targets: the 水土保持率 (SWC rate) against the Hebei
targets (79.96 % by 2025, 84.07 % by 2035; ``standards.py``), the gap in points and the area that
would have to be treated to reach each target, as ``swcrate`` reports them for one county.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

from .. import standards

#: Output fields of the roll-up layer (also the xlsx columns), in order.
ROLLUP_FIELDS = (
    "LEVEL",
    "ADCODE",
    "NAME",
    "YEAR",
    "COUNTIES",
    "COUNTIES_RATE",
    "AREA_KM2",
    "ERODED_KM2",
    "SWC_RATE",
    "TARGET_1",
    "GAP_1",
    "TREAT_1_KM2",
    "TARGET_2",
    "GAP_2",
    "TREAT_2_KM2",
    "BAN_HA",
    "TREATED_HA",
    "PATCHES",
    "SUSPECT",
    "CLOSED",
    "CLOSURE_PCT",
)
MEASURE_FIELDS = ("LEVEL", "ADCODE", "NAME", "YEAR", "MEASURE", "AREA_HA")
LEVEL_ORDER = {"province": 0, "city": 1, "county": 2}

DEFAULT_TARGETS = (standards.SWC_RATE_TARGET_2025, standards.SWC_RATE_TARGET_2035)


def area_to_treat(area_km2: Optional[float], eroded_km2: Optional[float], target: float) -> Optional[float]:
    """Eroded area (km²) to bring below the tolerance so that the rate reaches ``target`` % (0 if reached).

    >>> round(area_to_treat(100.0, 30.0, 80.0), 6)
    10.0
    >>> area_to_treat(100.0, 10.0, 80.0)
    0.0
    """
    if area_km2 is None or eroded_km2 is None or area_km2 <= 0:
        return None
    return max(0.0, eroded_km2 - area_km2 * (1.0 - target / 100.0))


def _where(year_from: Optional[int], year_to: Optional[int], levels: Sequence[str], alias: str):
    clauses = [f"{alias}.level = ANY(%s)"]
    args: List[Any] = [list(levels)]
    if year_from is not None:
        clauses.append(f"{alias}.year >= %s")
        args.append(int(year_from))
    if year_to is not None:
        clauses.append(f"{alias}.year <= %s")
        args.append(int(year_to))
    return " AND ".join(clauses), args


def read_rollup(
    conn,
    year_from: Optional[int] = None,
    year_to: Optional[int] = None,
    targets: Sequence[float] = DEFAULT_TARGETS,
    levels: Sequence[str] = ("province", "city", "county"),
    geometry: bool = True,
) -> List[Dict[str, Any]]:
    """Roll-up rows (``ROLLUP_FIELDS`` keys, plus ``WKB`` of the unit in EPSG:4490 or None)."""
    where, args = _where(year_from, year_to, levels, "r")
    geom = (
        "(SELECT ST_AsBinary(ST_Multi(u.geom)) FROM swc.units u WHERE u.adcode = r.adcode)"
        if geometry
        else "NULL::bytea"
    )
    sql = (
        "SELECT level, adcode, name, year, counties, counties_rate, area_km2, eroded_km2, swc_rate, "
        f"ban_ha, treated_ha, patches, suspect, closed, closure_pct, {geom} "
        f"FROM swc.rollup r WHERE {where}"
    )
    with conn.cursor() as cur:
        cur.execute(sql, args)
        rows = cur.fetchall()
    conn.rollback()
    t1, t2 = float(targets[0]), float(targets[1])
    out = []
    for (level, adcode, name, year, n, n_rate, area, eroded, rate, ban, treated, patches, suspect, closed,
         closure, wkb) in rows:  # fmt: skip
        area = None if area is None else float(area)
        eroded = None if eroded is None else float(eroded)
        rate = None if rate is None else float(rate)
        out.append(
            {
                "LEVEL": level,
                "ADCODE": adcode,
                "NAME": name,
                "YEAR": int(year),
                "COUNTIES": int(n),
                "COUNTIES_RATE": int(n_rate),
                "AREA_KM2": area,
                "ERODED_KM2": eroded,
                "SWC_RATE": rate,
                "TARGET_1": t1,
                "GAP_1": None if rate is None else t1 - rate,
                "TREAT_1_KM2": area_to_treat(area, eroded, t1),
                "TARGET_2": t2,
                "GAP_2": None if rate is None else t2 - rate,
                "TREAT_2_KM2": area_to_treat(area, eroded, t2),
                "BAN_HA": None if ban is None else float(ban),
                "TREATED_HA": None if treated is None else float(treated),
                "PATCHES": None if patches is None else int(patches),
                "SUSPECT": None if suspect is None else int(suspect),
                "CLOSED": None if closed is None else int(closed),
                "CLOSURE_PCT": None if closure is None else float(closure),
                "WKB": bytes(wkb) if wkb is not None else None,
            }
        )
    out.sort(key=lambda r: (r["YEAR"], LEVEL_ORDER.get(r["LEVEL"], 9), r["ADCODE"]))
    return out


def read_measures(
    conn,
    year_from: Optional[int] = None,
    year_to: Optional[int] = None,
    levels: Sequence[str] = ("province", "city", "county"),
) -> List[Dict[str, Any]]:
    """Treated area by measure (``MEASURE_FIELDS`` keys)."""
    where, args = _where(year_from, year_to, levels, "m")
    with conn.cursor() as cur:
        cur.execute(
            "SELECT m.level, m.adcode, u.name, m.year, m.measure, m.area_ha FROM swc.rollup_measures m "
            f"LEFT JOIN swc.units u ON u.adcode = m.adcode WHERE {where}",
            args,
        )
        rows = cur.fetchall()
    conn.rollback()
    out = [
        {
            "LEVEL": level,
            "ADCODE": adcode,
            "NAME": name,
            "YEAR": int(year),
            "MEASURE": measure,
            "AREA_HA": None if area is None else float(area),
        }
        for level, adcode, name, year, measure, area in rows
    ]
    out.sort(key=lambda r: (r["YEAR"], LEVEL_ORDER.get(r["LEVEL"], 9), r["ADCODE"], r["MEASURE"]))
    return out


def target_met(rate: Optional[float], targets: Sequence[float]) -> Optional[int]:
    """2 when the rate reaches the second (2035) target, 1 the first (2025) only, 0 neither, None without a rate.

    >>> [target_met(r, (79.96, 84.07)) for r in (85.0, 80.0, 70.0, None)]
    [2, 1, 0, None]
    """
    if rate is None:
        return None
    if rate >= targets[1]:
        return 2
    if rate >= targets[0]:
        return 1
    return 0


def write_xlsx(path: str, sheets: Sequence[Tuple[str, Sequence[str], Sequence[Dict[str, Any]]]]) -> str:
    """Sheets ``(name, fields, rows as dicts)`` into an xlsx (OGR's XLSX driver): numbers stay numbers."""
    from osgeo import ogr

    from ..io import xlsx

    typed = []
    for name, fields, rows in sheets:
        columns = []
        for field in fields:
            values = [r.get(field) for r in rows if r.get(field) is not None]
            if values and all(isinstance(v, bool) or isinstance(v, int) for v in values):
                ftype = ogr.OFTInteger
            elif values and all(isinstance(v, (int, float)) for v in values):
                ftype = ogr.OFTReal
            else:
                ftype = ogr.OFTString
            columns.append((field, ftype))
        typed.append((name, columns, [[row.get(field) for field in fields] for row in rows]))
    return xlsx.write_xlsx(path, typed)
