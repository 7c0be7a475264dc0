"""Parameter dicts of the wizard's Processing runs, and readers of their outputs.

Every analysis is a Processing algorithm run by id; this module only decides
which algorithm gets which inputs (paths in the planning work folder) and
reads numbers back from the output tables.  No planning rule lives here.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsApplication,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from . import tables

TR_CONTEXT = "PlanningJobs"


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def available(alg_id: str) -> bool:
    return QgsApplication.processingRegistry().algorithmById(alg_id) is not None


def param_names(alg_id: str) -> List[str]:
    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    return [p.name() for p in alg.parameterDefinitions()] if alg else []


def gpkg_table(path: str) -> str:
    """A sink destination: one file GeoPackage per output (re-runs overwrite it)."""
    if os.path.exists(path):
        os.remove(path)
    return path


def vector_layer(uri: str, name: str = "") -> Optional[QgsVectorLayer]:
    if not uri:
        return None
    layer = QgsVectorLayer(uri, name or "layer", "ogr")
    return layer if layer.isValid() else None


def raster_info(path: str) -> Optional[Dict[str, Any]]:
    """Extent, cell size and CRS of a raster file (for aligning other rasters to it)."""
    layer = QgsRasterLayer(path, "r")
    if not layer.isValid():
        return None
    ext = layer.extent()
    return {
        "extent": "{},{},{},{} [{}]".format(
            ext.xMinimum(), ext.xMaximum(), ext.yMinimum(), ext.yMaximum(), layer.crs().authid() or ""
        ),
        "extent_rect": ext,
        "cellsize": layer.rasterUnitsPerPixelX(),
        "crs": layer.crs(),
        "projected": not layer.crs().isGeographic(),
        "width": layer.width(),
        "height": layer.height(),
    }


def read_rows(uri: str) -> List[Dict[str, Any]]:
    """Attribute rows of a table or vector output."""
    layer = vector_layer(uri)
    if layer is None:
        return []
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def first_field(names: Iterable[str], candidates: Sequence[str]) -> Optional[str]:
    upper = {n.upper(): n for n in names}
    for cand in candidates:
        if cand.upper() in upper:
            return upper[cand.upper()]
    return None


def sum_field(
    rows: Sequence[Dict[str, Any]],
    candidates: Sequence[str],
    where: Optional[Tuple[Sequence[str], Sequence[str]]] = None,
) -> Optional[float]:
    """Sum of the first existing field among ``candidates`` (``None`` when absent)."""
    if not rows:
        return None
    name = first_field(rows[0].keys(), candidates)
    if name is None:
        return None
    wname = first_field(rows[0].keys(), where[0]) if where else None
    total = 0.0
    for row in rows:
        if where and (wname is None or str(row.get(wname)) not in where[1]):
            continue
        value = row.get(name)
        try:
            total += float(value) if value is not None else 0.0
        except (TypeError, ValueError):
            continue
    return total


def unique_value_areas(uri: str) -> Dict[int, float]:
    """``{value: m²}`` from ``native:rasterlayeruniquevaluesreport``'s table."""
    out: Dict[int, float] = {}
    for row in read_rows(uri):
        value = row.get("value")
        area = row.get("m2") if row.get("m2") is not None else row.get("m²")
        if value is None or area is None:
            continue
        out[int(round(float(value)))] = out.get(int(round(float(value))), 0.0) + float(area)
    return out


# -- soil loss -----------------------------------------------------------------------

SOILLOSS = "swcplanner:soilloss"


def soilloss_params(
    state: Dict[str, Any],
    dem: str,
    out_dir: str,
    suffix: str,
    measures: Optional[str] = None,
    measure_field: str = "",
    existing: bool = False,
    baseline: Optional[str] = None,
) -> Dict[str, Any]:
    """Parameters of ``swcplanner:soilloss`` (issue 7) from the wizard's data page.

    ``existing=True`` passes the existing measures of the data page (status);
    ``measures`` the planned measures with ``baseline`` = the status soil loss
    raster (benefits: the table then holds BASE_* and REDUCTION_T).
    """
    p: Dict[str, Any] = {"DEM": dem}
    if state.get("r_mode") == "raster" and state.get("r_source"):
        p["R"] = state["r_source"]
    else:
        p["R_CONSTANT"] = float(state.get("r_value", 1500.0))
    k_mode = state.get("k_mode", "constant")
    if k_mode in ("raster", "polygons") and state.get("k_source"):
        p["K"] = state["k_source"]
        if k_mode == "polygons":
            p["K_FIELD"] = state.get("k_field", "")
        elif state.get("k_table"):
            p["K_TABLE"] = state["k_table"]
    else:
        p["K_CONSTANT"] = float(state.get("k_value", 0.03))
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
    p["TOLERANCE"] = float(state.get("tolerance", 200.0))
    p["SOIL_LOSS"] = os.path.join(out_dir, f"soil_loss_{suffix}.tif")
    p["INTENSITY"] = os.path.join(out_dir, f"erosion_intensity_{suffix}.tif")
    p["TABLE"] = gpkg_table(os.path.join(out_dir, f"soil_loss_{suffix}.gpkg"))
    return _only_known(SOILLOSS, p)


CLASS_FIELDS = ("SLIGHT_KM2", "LIGHT_KM2", "MODERATE_KM2", "INTENSE_KM2", "VINTENSE_KM2", "SEVERE_KM2")


def soilloss_summary(uri: str, base: bool = False) -> Dict[str, float]:
    """Watershed totals from the soilloss TABLE (rows summed; ``base``: the BASE_* columns)."""
    rows = read_rows(uri)
    if not rows:
        return {}
    out: Dict[str, float] = {}
    land = sum_field(rows, ["AREA_KM2"])
    if base:
        eroded = sum_field(rows, ["BASE_ERODED_KM2"])
        loss = sum_field(rows, ["BASE_LOSS_T"])
    else:
        eroded = sum_field(rows, ["ERODED_KM2"])
        loss = sum_field(rows, ["SOIL_LOSS_T"])
    if land is not None:
        out["land_km2"] = land
    if eroded is not None:
        out["eroded_km2"] = eroded
    if loss is not None:
        out["soil_loss_t"] = loss
    if land:
        if loss is not None:
            out["mean_modulus"] = loss / land
        if eroded is not None:
            out["swc_rate"] = 100.0 * (land - eroded) / land
    return out


def intensity_areas(uri: str) -> List[Tuple[int, float]]:
    """``[(class 1..6, km²)]`` from the soilloss TABLE's per-class area columns."""
    rows = read_rows(uri)
    out = []
    for k, name in enumerate(CLASS_FIELDS, start=1):
        value = sum_field(rows, [name])
        if value is not None:
            out.append((k, value))
    return out


SWCRATE = "swcplanner:swcrate"
FARMLAND = "swcplanner:farmlandscreening"
CHECKDAMS = "swcplanner:checkdams"
SLOPEWORKS = "swcplanner:slopeworks"


def region_index(region: str) -> int:
    """REGION enum index of farmlandscreening for a wizard region code."""
    from ..algorithms.core.standards import FARMLAND_REGIONS

    return FARMLAND_REGIONS.index(region) if region in FARMLAND_REGIONS else 1


def _only_known(alg_id: str, params: Dict[str, Any]) -> Dict[str, Any]:
    names = set(param_names(alg_id))
    return {k: v for k, v in params.items() if not names or k in names}


def farmland_params(state: Dict[str, Any], r: Dict[str, Any], work) -> Dict[str, Any]:
    """``swcplanner:farmlandscreening`` on the land-use parcels of the watershed."""
    if state.get("landuse_kind") == "vector":
        field = state["landuse_field"]
        codes = [c for c, cat in state.get("code_map", []) if cat == "cropland"]
    else:
        field = "LUCAT"
        codes = [str(tables.LANDUSE_VALUE["cropland"])]
    params = {
        "PARCELS": r["parcels"]["OUTPUT"],
        "LANDUSE_FIELD": field,
        "CROPLAND_CODES": ",".join(codes),
        "DEM": r["dem"]["OUTPUT"],
        "REGION": region_index(state.get("region", "yanshan")),
        "OUTPUT": gpkg_table(work("farmland_screening.gpkg")),
        "SUMMARY": gpkg_table(work("farmland_summary.gpkg")),
    }
    return _only_known(FARMLAND, params)


#: Dam series of the measures page: check dams in small gullies, silt-trap dams in larger ones.
DAM_SETTINGS = {
    "checkdams": {"MIN_UPAREA": 0.05, "MAX_UPAREA": 1.0, "DAM_HEIGHT": 3.0, "type": "drystone"},
    "siltdams": {"MIN_UPAREA": 1.0, "MAX_UPAREA": 8.0, "DAM_HEIGHT": 5.0, "type": "earth"},
}


def dam_type_index(key: str) -> int:
    """DAM_TYPE enum index of checkdams for a dam-type key (standards.CHECK_DAM_TYPE_ORDER)."""
    from ..algorithms.core.standards import CHECK_DAM_TYPE_ORDER

    return CHECK_DAM_TYPE_ORDER.index(key) if key in CHECK_DAM_TYPE_ORDER else 0


def checkdam_params(state: Dict[str, Any], r: Dict[str, Any], work, key: str) -> Dict[str, Any]:
    cfg = DAM_SETTINGS[key]
    params = {
        "DEM": r["dem"]["OUTPUT"],
        "AOI": state["watershed"],
        "MIN_UPAREA": cfg["MIN_UPAREA"],
        "MAX_UPAREA": cfg["MAX_UPAREA"],
        "DAM_TYPE": dam_type_index(cfg["type"]),
        "DAM_HEIGHT": cfg["DAM_HEIGHT"],
        "DAMS": gpkg_table(work(f"{key}.gpkg")),
        "CRESTS": gpkg_table(work(f"{key}_crests.gpkg")),
        "SILT": gpkg_table(work(f"{key}_silt.gpkg")),
        "CURVES": gpkg_table(work(f"{key}_curves.gpkg")),
        "SUMMARY": gpkg_table(work(f"{key}_summary.gpkg")),
    }
    return _only_known(CHECKDAMS, params)


def slopeworks_params(state: Dict[str, Any], r: Dict[str, Any], work, key: str) -> Dict[str, Any]:
    params = {
        "AREAS": r[key + "_areas"]["OUTPUT"],
        "DEM": r["dem"]["OUTPUT"],
        "MEASURE": 0 if key == "pits" else 1,
        "WORKS": gpkg_table(work(f"{key}_works.gpkg")),
        "ROWS": gpkg_table(work(f"{key}_rows.gpkg")),
        "SUMMARY": gpkg_table(work(f"{key}_summary.gpkg")),
    }
    if key == "benches":
        params["MIN_SLOPE"] = 5.0
    return _only_known(SLOPEWORKS, params)


def read_works(r: Dict[str, Any]) -> Dict[str, Optional[float]]:
    """Counts and earthwork read back from the algorithm outputs (item codes of tables.py)."""
    works: Dict[str, Optional[float]] = {}
    if "farmland" in r:
        rows = read_rows(r["farmland"].get("OUTPUT", ""))
        works["terrace_earthwork"] = sum_field(rows, ["EARTH_M3"], where=(["CATEGORY"], ["convert"]))
    for key, prefix in (("checkdams", "checkdam"), ("siltdams", "siltdam")):
        if key in r:
            rows = read_rows(r[key].get("DAMS", ""))
            works[prefix + "_count"] = float(len(rows))
            works[prefix + "_volume"] = sum_field(rows, ["BODY_M3"])
    if "pits" in r:
        rows = read_rows(r["pits"].get("SUMMARY", ""))
        works["pit_count"] = sum_field(rows, ["COUNT"])
        works["pit_earthwork"] = sum_field(rows, ["EARTH_M3"])
    if "benches" in r:
        rows = read_rows(r["benches"].get("SUMMARY", ""))
        works["bench_earthwork"] = sum_field(rows, ["EARTH_M3"])
    return {k: v for k, v in works.items() if v is not None}


def swcrate_params(state: Dict[str, Any], r: Dict[str, Any], work) -> Dict[str, Any]:
    """``swcplanner:swcrate`` of the status soil loss per county/township (data page zones)."""
    params = {
        "INPUT": r["soilloss_before"]["SOIL_LOSS"],
        "ZONES": state["zones"],
        "ZONE_FIELD": state.get("zone_field", ""),
        "TOLERANCE": float(state.get("tolerance", 200.0)),
        "OUTPUT": gpkg_table(work("swc_rate_zones.gpkg")),
    }
    return _only_known(SWCRATE, params)


def zone_rates(uri: str) -> List[Dict[str, Any]]:
    """Rows of the swcrate table: zone, area, eroded area, SWC rate, gap to the first target."""
    out = []
    for row in read_rows(uri):
        area = row.get("AREA_KM2") or 0.0
        if not area:
            continue  # a zone outside the watershed
        out.append(
            {
                "zone": row.get("ZONE"),
                "area_km2": area,
                "eroded_km2": row.get("ERODED_KM2"),
                "swc_rate": row.get("SWC_RATE"),
                "gap": row.get("GAP_1"),
            }
        )
    return out
