"""Parameter dicts of the wizard's Processing runs, and readers of their output tables.

Every analysis is a Processing algorithm run by id; this module only decides
which algorithm gets which inputs (paths in the planning work folder, the
tables the planner edited written as CSV) and reads the output tables back as
rows for display.  No planning rule and no arithmetic on results lives here:
areas, quantities, investment and benefits come out of ``swcplanner:landuseslope``,
``measureplan``, ``planquantities`` and ``planbenefits``.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Dict, List, Optional, Sequence

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..algorithms.core.erosion.intensity import partly_covered
from ..algorithms.core.planning import catalogue as plan
from ..algorithms.core.planning.tables import allocation_rows, write_csv

TR_CONTEXT = "SwcPlannerJobs"


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


Work = Callable[[str], str]

LANDUSESLOPE = "swcplanner:landuseslope"
MEASUREPLAN = "swcplanner:measureplan"
PLANQUANTITIES = "swcplanner:planquantities"
PLANBENEFITS = "swcplanner:planbenefits"
SOILLOSS = "swcplanner:soilloss"
SWCRATE = "swcplanner:swcrate"
RAINFALLEROSIVITY = "swcplanner:rainfallerosivity"
SOILERODIBILITY = "swcplanner:soilerodibility"
FARMLAND = "swcplanner:farmlandscreening"
CHECKDAMS = "swcplanner:checkdams"
SLOPEWORKS = "swcplanner:slopeworks"
SILTDAMS = "swcplanner:siltdams"


def gpkg_table(path: str) -> str:
    """A sink destination: one file GeoPackage per output (re-runs overwrite it)."""
    if os.path.exists(path):
        os.remove(path)
    return path


def _plain(value: Any) -> Any:
    return None if hasattr(value, "isNull") and value.isNull() else value


def read_rows(uri: str) -> List[Dict[str, Any]]:
    """Attribute rows of a table or vector output (NULL → ``None``)."""
    if not uri:
        return []
    layer = QgsVectorLayer(uri, "rows", "ogr")
    if not layer.isValid():
        raise RuntimeError(f"cannot read the output table {uri}")
    names = layer.fields().names()
    return [dict(zip(names, (_plain(v) for v in f.attributes()))) for f in layer.getFeatures()]


def output_value(results: Dict[str, Any], key: str, name: str) -> Any:
    """An output of a finished step (a clear error when the step has not run)."""
    if key not in results or name not in results[key]:
        raise RuntimeError(f"the output {name} of the step {key} is missing: run the earlier page again")
    return results[key][name]


# -- tables the planner edits, written for the algorithms ---------------------------------------


def write_category_table(path: str, mapping: Sequence[Sequence[str]]) -> str:
    """The data page's code → category table as the CATEGORY_TABLE of landuseslope."""
    rows = [{"code": code, "category": cat} for code, cat in mapping if str(code).strip() and cat]
    return write_csv(path, rows, ["code", "category"])


def write_allocation(path: str, alloc: Dict[str, List[str]]) -> str:
    """The measures page's allocation table as the ALLOCATION of measureplan."""
    rows, columns = allocation_rows(alloc)
    return write_csv(path, rows, columns)


PRICE_COLUMNS = ["item", "unit", "price", "part", "source", "region", "year"]


def write_prices(path: str, rows: Sequence[Dict[str, Any]]) -> str:
    """The quantities page's price table (item, unit, price, part, source, region, year) as PRICES."""
    out = []
    for row in rows:
        price = row.get("price")
        out.append(
            dict(
                {c: row.get(c, "") for c in PRICE_COLUMNS},
                price=f"{float(price):g}" if isinstance(price, (int, float)) else str(price),
            )
        )
    return write_csv(path, out, PRICE_COLUMNS)


# -- status ----------------------------------------------------------------------------------------


def landuseslope_params(state: Dict[str, Any], r: Dict[str, Any], work: Work) -> Dict[str, Any]:
    """``swcplanner:landuseslope``: the land use × slope classes inside the watershed."""
    p: Dict[str, Any] = {
        "SLOPE": output_value(r, "slope", "OUTPUT"),
        "LANDUSE": state["landuse"],
        "CATEGORY_TABLE": write_category_table(work("landuse_categories.csv"), state.get("code_map", [])),
        "BOUNDARY": state["watershed"],
        "OUTPUT": work("landuse_slope.tif"),
        "CATEGORIES": work("landuse_categories.tif"),
        "TABLE": gpkg_table(work("landuse_slope_areas.gpkg")),
    }
    if state.get("landuse_kind") == "vector":
        p["LANDUSE_FIELD"] = state["landuse_field"]
    return p


def soilloss_params(
    state: Dict[str, Any],
    dem: str,
    out_dir: str,
    suffix: str,
    measures: Optional[str] = None,
    measure_field: str = "",
    existing: bool = False,
    baseline: Optional[str] = None,
    zones: Optional[str] = None,
    zone_field: str = "",
) -> Dict[str, Any]:
    """Parameters of ``swcplanner:soilloss`` from the wizard's data page.

    ``existing=True`` passes the existing measures of the data page (status);
    ``measures`` the planned measures with ``baseline`` = the status soil loss
    raster and ``zones`` the same polygons by measure (benefits: one row per measure).
    """
    p: Dict[str, Any] = {"DEM": dem}
    results = state.get("results", {})
    r_mode = state.get("r_mode")
    if r_mode == "stations":
        p["R"] = output_value(results, "rainfall_erosivity", "OUTPUT")
    elif r_mode == "raster" and state.get("r_source"):
        p["R"] = state["r_source"]
    elif r_mode == "constant" and float(state.get("r_value") or 0) > 0:
        p["R_CONSTANT"] = float(state["r_value"])  # typed by the planner; the report says so
    else:
        raise RuntimeError("R is missing: give station rainfall, an R raster or a constant on the data page")
    k_mode = state.get("k_mode")
    if k_mode == "texture":
        p["K"] = output_value(results, "soil_erodibility", "OUTPUT")
    elif k_mode in ("raster", "polygons") and state.get("k_source"):
        p["K"] = state["k_source"]
        if k_mode == "polygons":
            p["K_FIELD"] = state.get("k_field", "")
        elif state.get("k_table"):
            p["K_TABLE"] = state["k_table"]
    elif k_mode == "constant" and float(state.get("k_value") or 0) > 0:
        p["K_CONSTANT"] = float(state["k_value"])  # typed by the planner; the report says so
    else:
        raise RuntimeError("K is missing: give soils, a K raster or a constant on the data page")
    p["LANDUSE"] = state["landuse"]
    if state.get("landuse_field"):
        p["LANDUSE_FIELD"] = state["landuse_field"]
    if state.get("bt_table"):
        p["LANDUSE_TABLE"] = state["bt_table"]
    if existing and state.get("existing"):
        measures, measure_field = state["existing"], state.get("existing_field", "")
    if measures:
        p["MEASURES"] = measures
        p["MEASURE_FIELD"] = measure_field
    if baseline:
        p["BASELINE"] = baseline
    if zones:
        p["ZONES"] = zones
        p["ZONE_FIELD"] = zone_field
    p["TOLERANCE"] = float(state.get("tolerance", 200.0))
    p["SOIL_LOSS"] = os.path.join(out_dir, f"soil_loss_{suffix}.tif")
    p["INTENSITY"] = os.path.join(out_dir, f"erosion_intensity_{suffix}.tif")
    p["TABLE"] = gpkg_table(os.path.join(out_dir, f"soil_loss_{suffix}.gpkg"))
    return p


def rainfallerosivity_params(state: Dict[str, Any], dem: str, work: Work) -> Dict[str, Any]:
    """``swcplanner:rainfallerosivity``: R from the data page's daily rainfall and rain gauges, on the
    watershed DEM's grid."""
    station, date, rain = (list(state.get("rain_fields", [])) + ["", "", ""])[:3]
    return {
        "RAINFALL": state["rain_table"],
        "STATION_FIELD": station,
        "DATE_FIELD": date,
        "RAIN_FIELD": rain,
        "STATIONS": state["rain_stations"],
        "GRID": dem,
        "OUTPUT": work("r_factor.tif"),
        "STATION_TABLE": gpkg_table(work("r_stations.gpkg")),
    }


def soilerodibility_params(state: Dict[str, Any], dem: str, work: Work) -> Dict[str, Any]:
    """``swcplanner:soilerodibility``: K of the data page's soil polygons from their texture, on the
    watershed DEM's grid."""
    sand, silt, clay, oc = (list(state.get("k_texture_fields", [])) + ["", "", "", ""])[:4]
    return {
        "SOILS": state["k_source"],
        "SAND_FIELD": sand,
        "SILT_FIELD": silt,
        "CLAY_FIELD": clay,
        "OC_FIELD": oc,
        "GRID": dem,
        "OUTPUT": work("k_factor.tif"),
        "TABLE": gpkg_table(work("soils_k.gpkg")),
    }


def factor_assumptions(state: Dict[str, Any]) -> List[str]:
    """The report's notes on R and K typed as constants (for its first page); empty when both come
    from data."""
    notes = []
    if state.get("r_mode") == "constant":
        notes.append(
            _tr("R assumed constant ({value:g} MJ·mm/(hm²·h·a)).").format(
                value=float(state.get("r_value") or 0)
            )
        )
    if state.get("k_mode") == "constant":
        notes.append(
            _tr("K assumed constant ({value:g} t·hm²·h/(hm²·MJ·mm)).").format(
                value=float(state.get("k_value") or 0)
            )
        )
    return notes


def coverage_notes(uri: str) -> List[str]:
    """Notes for the report on the units of a soilloss or swcrate table whose land is less than 99 %
    covered by erosion values (the algorithms' own rule, :func:`partly_covered`)."""
    notes = []
    for row in read_rows(uri):
        if row.get("COVER_PCT") is None or not partly_covered(row):
            continue
        notes.append(
            _tr(
                "{zone}: {nodata:.3g} km² ({pct:.1f} %) of the land has no erosion value; the SWC rate "
                "{rate:.2f} % counts it as not eroded (at worst {rate_min:.2f} %)."
            ).format(
                zone=row.get("ZONE"),
                nodata=row.get("NODATA_KM2") or 0.0,
                pct=row.get("NODATA_PCT") or 0.0,
                rate=row.get("SWC_RATE") if row.get("SWC_RATE") is not None else float("nan"),
                rate_min=row.get("SWC_RATE_MIN") if row.get("SWC_RATE_MIN") is not None else float("nan"),
            )
        )
    return notes


def swcrate_params(state: Dict[str, Any], r: Dict[str, Any], work: Work) -> Dict[str, Any]:
    """``swcplanner:swcrate`` of the status soil loss per county/township: the zones' parts inside the
    watershed (``zones_in_watershed``, native:clip), since the rate's denominator is a unit's land area."""
    zones = output_value(r, "zones_in_watershed", "OUTPUT") if "zones_in_watershed" in r else state["zones"]
    return {
        "INPUT": output_value(r, "soilloss_before", "SOIL_LOSS"),
        "ZONES": zones,
        "ZONE_FIELD": state.get("zone_field", ""),
        "TOLERANCE": float(state.get("tolerance", 200.0)),
        "OUTPUT": gpkg_table(work("swc_rate_zones.gpkg")),
    }


def planbenefits_params(state: Dict[str, Any], r: Dict[str, Any], work: Work, after: bool) -> Dict[str, Any]:
    """``swcplanner:planbenefits``: the status alone (``after=False``) or the plan's benefits by GB/T 15774 class."""
    p: Dict[str, Any] = {"BEFORE": output_value(r, "soilloss_before", "TABLE")}
    if after:
        p["AFTER"] = output_value(r, "soilloss_after", "TABLE")
        p["MEASURE_AREAS"] = output_value(r, "measureplan", "TABLE")
        p["MEASURE_LANDUSE"] = output_value(r, "measureplan", "LANDUSE_TABLE")
        p["LANDUSE_AREAS"] = output_value(r, "landuse_slope", "TABLE")
        for name, key in (("SILTDAMS", "siltdams"), ("CHECKDAMS", "checkdams")):
            if key in r and r[key].get("DAMS"):
                p[name] = r[key]["DAMS"]
        if float(state.get("runoff_mm") or 0) > 0:
            p["RUNOFF_DEPTH"] = float(state["runoff_mm"])
        for name in ("BASIC", "ECONOMIC", "SOCIAL", "ECOLOGICAL"):
            p[name] = gpkg_table(work(f"benefits_{name.lower()}.gpkg"))
    p["OUTPUT"] = gpkg_table(work("benefits.gpkg" if after else "status_indicators.gpkg"))
    return p


def zone_rates(uri: str) -> List[Dict[str, Any]]:
    """Rows of the swcrate table that lie in the watershed: zone, area, eroded area, SWC rate, gap."""
    out = []
    for row in read_rows(uri):
        if not row.get("AREA_KM2"):
            continue  # a zone outside the watershed
        out.append(
            {
                "zone": row.get("ZONE"),
                "area_km2": row.get("AREA_KM2"),
                "eroded_km2": row.get("ERODED_KM2"),
                "swc_rate": row.get("SWC_RATE"),
                "gap": row.get("GAP_1"),
                "nodata_km2": row.get("NODATA_KM2"),
                "cover_pct": row.get("COVER_PCT"),
                "swc_rate_min": row.get("SWC_RATE_MIN"),
            }
        )
    return out


# -- measures --------------------------------------------------------------------------------------


def region_index(region: str) -> int:
    """REGION enum index (measureplan and farmlandscreening share the order of the first three)."""
    return plan.REGIONS.index(region) if region in plan.REGIONS else 1


def measureplan_params(state: Dict[str, Any], r: Dict[str, Any], work: Work) -> Dict[str, Any]:
    """``swcplanner:measureplan`` with the eligibility rules: the clipped DEM, 永久基本农田 when given."""
    p = {
        "LANDUSE_SLOPE": output_value(r, "landuse_slope", "OUTPUT"),
        "REGION": region_index(state.get("region", "yanshan")),
        "ALLOCATION": write_allocation(work("allocation.csv"), state["allocation"]),
        "DEM": output_value(r, "dem", "OUTPUT"),
        "OUTPUT": work("measures.tif"),
        "POLYGONS": gpkg_table(work("measure_plan.gpkg")),
        "TABLE": gpkg_table(work("measure_areas.gpkg")),
        "EXCLUDED": gpkg_table(work("measure_excluded.gpkg")),
        "EXCLUDED_TABLE": gpkg_table(work("measure_excluded_areas.gpkg")),
        "LANDUSE_TABLE": gpkg_table(work("measure_landuse.gpkg")),
    }
    if state.get("basic_farmland"):
        p["BASIC_FARMLAND"] = state["basic_farmland"]
    return p


def parcels_algorithm(state: Dict[str, Any]) -> str:
    """The land-use parcels for farmlandscreening: polygons clipped, or the category raster polygonised."""
    return "native:clip" if state.get("landuse_kind") == "vector" else "gdal:polygonize"


def parcels_params(state: Dict[str, Any], r: Dict[str, Any], work: Work) -> Dict[str, Any]:
    """Parameters of :func:`parcels_algorithm`: the land-use parcels inside the watershed."""
    if state.get("landuse_kind") == "vector":
        return {
            "INPUT": state["landuse"],
            "OVERLAY": state["watershed"],
            "OUTPUT": gpkg_table(work("parcels.gpkg")),
        }
    return {
        "INPUT": output_value(r, "landuse_slope", "CATEGORIES"),
        "BAND": 1,
        "FIELD": "LUCAT",
        "EIGHT_CONNECTEDNESS": False,
        "OUTPUT": gpkg_table(work("parcels.gpkg")),
    }


def farmland_params(state: Dict[str, Any], r: Dict[str, Any], work: Work) -> Dict[str, Any]:
    """``swcplanner:farmlandscreening`` on the land-use parcels of the watershed."""
    if state.get("landuse_kind") == "vector":
        field = state["landuse_field"]
        codes = [c for c, cat in state.get("code_map", []) if cat == "cropland"]
    else:
        field = "LUCAT"
        codes = [str(plan.LANDUSE_VALUE["cropland"])]
    return {
        "PARCELS": output_value(r, "parcels", "OUTPUT"),
        "LANDUSE_FIELD": field,
        "CROPLAND_CODES": ",".join(codes),
        "DEM": output_value(r, "dem", "OUTPUT"),
        "REGION": region_index(state.get("region", "yanshan")),
        "OUTPUT": gpkg_table(work("farmland_screening.gpkg")),
        "SUMMARY": gpkg_table(work("farmland_summary.gpkg")),
    }


#: 谷坊 series of the measures page: small gullies (upslope areas in km²; heights in m; the planner runs
#: checkdams for other values).  淤地坝 come from swcplanner:siltdams (1–8 km², its defaults).
DAM_SETTINGS = {
    "checkdams": {"MIN_UPAREA": 0.05, "MAX_UPAREA": 1.0, "DAM_HEIGHT": 3.0, "type": "drystone"},
}


def dam_type_index(key: str) -> int:
    """DAM_TYPE enum index of checkdams for a dam-type key (standards.CHECK_DAM_TYPE_ORDER)."""
    from ..algorithms.core.standards import CHECK_DAM_TYPE_ORDER

    return CHECK_DAM_TYPE_ORDER.index(key)


def checkdam_params(
    state: Dict[str, Any], r: Dict[str, Any], work: Work, key: str = "checkdams"
) -> Dict[str, Any]:
    """``swcplanner:checkdams``: 谷坊 series in the small, steep gullies of the watershed."""
    cfg = DAM_SETTINGS[key]
    return {
        "DEM": output_value(r, "dem", "OUTPUT"),
        "AOI": state["watershed"],
        "MIN_UPAREA": cfg["MIN_UPAREA"],
        "MAX_UPAREA": cfg["MAX_UPAREA"],
        "DAM_TYPE": dam_type_index(str(cfg["type"])),
        "DAM_HEIGHT": cfg["DAM_HEIGHT"],
        "DAMS": gpkg_table(work(f"{key}.gpkg")),
        "CRESTS": gpkg_table(work(f"{key}_crests.gpkg")),
        "SILT": gpkg_table(work(f"{key}_silt.gpkg")),
        "CURVES": gpkg_table(work(f"{key}_curves.gpkg")),
        "SUMMARY": gpkg_table(work(f"{key}_summary.gpkg")),
    }


def siltdam_params(state: Dict[str, Any], r: Dict[str, Any], work: Work) -> Dict[str, Any]:
    """``swcplanner:siltdams``: 淤地坝 sited by storage need from the status soil loss."""
    return {
        "DEM": output_value(r, "dem", "OUTPUT"),
        "AOI": state["watershed"],
        "SOIL_LOSS": output_value(r, "soilloss_before", "SOIL_LOSS"),
        "DAMS": gpkg_table(work("siltdams.gpkg")),
        "CRESTS": gpkg_table(work("siltdams_crests.gpkg")),
        "SILT": gpkg_table(work("siltdams_silt.gpkg")),
        "CURVES": gpkg_table(work("siltdams_curves.gpkg")),
        "REJECTED": gpkg_table(work("siltdams_rejected.gpkg")),
    }


#: slopeworks' MEASURE enum and the plan's measures it lays out.
SLOPEWORKS_KINDS = {"pits": (0, plan.PIT_MEASURES), "benches": (1, plan.BENCH_MEASURES)}


def has_measure(r: Dict[str, Any], measures: Sequence[str]) -> bool:
    """Whether the measure table of measureplan lists one of ``measures``."""
    rows = read_rows(output_value(r, "measureplan", "TABLE"))
    return any(row.get("MEASURE") in measures for row in rows)


def slopework_areas_params(r: Dict[str, Any], work: Work, key: str) -> Optional[Dict[str, Any]]:
    """``native:extractbyexpression`` of the pit or bench polygons (``None`` when the plan has none)."""
    measures = SLOPEWORKS_KINDS[key][1]
    if not has_measure(r, measures):
        return None
    codes = ", ".join(f"'{m}'" for m in measures)
    return {
        "INPUT": output_value(r, "measureplan", "POLYGONS"),
        "EXPRESSION": f'"MEASURE" IN ({codes})',
        "OUTPUT": gpkg_table(work(f"{key}_areas.gpkg")),
    }


def slopeworks_params(r: Dict[str, Any], work: Work, key: str) -> Optional[Dict[str, Any]]:
    if key + "_areas" not in r:
        return None
    params: Dict[str, Any] = {
        "AREAS": r[key + "_areas"]["OUTPUT"],
        "DEM": output_value(r, "dem", "OUTPUT"),
        "MEASURE": SLOPEWORKS_KINDS[key][0],
        "WORKS": gpkg_table(work(f"{key}_works.gpkg")),
        "ROWS": gpkg_table(work(f"{key}_rows.gpkg")),
        "SUMMARY": gpkg_table(work(f"{key}_summary.gpkg")),
    }
    return params  # slopeworks' own slope bands: the ones measureplan allocated by


#: planquantities inputs: parameter → (step key, output of that step).
LAYOUT_INPUTS = {
    "FARMLAND": ("farmland", "OUTPUT"),
    "CHECKDAMS": ("checkdams", "DAMS"),
    "SILTDAMS": ("siltdams", "DAMS"),
    "PITS": ("pits", "SUMMARY"),
    "BENCHES": ("benches", "SUMMARY"),
}


def planquantities_params(
    r: Dict[str, Any], work: Work, prices: str, state: Optional[Dict[str, Any]] = None
) -> Dict[str, Any]:
    """``swcplanner:planquantities`` from the layouts that ran, the price table ``prices`` and the period."""
    p: Dict[str, Any] = {"MEASURE_AREAS": output_value(r, "measureplan", "TABLE")}
    for name, (key, output) in LAYOUT_INPUTS.items():
        if key in r and r[key].get(output):
            p[name] = r[key][output]
    p["PRICES"] = prices
    state = state or {}
    if state.get("period_start") and state.get("period_end"):
        p["START_YEAR"] = int(state["period_start"])
        p["END_YEAR"] = int(state["period_end"])
        p["SCHEDULE"] = gpkg_table(work("schedule.gpkg"))
    p["QUANTITIES"] = gpkg_table(work("quantities.gpkg"))
    p["INVESTMENT"] = gpkg_table(work("investment.gpkg"))
    return p
