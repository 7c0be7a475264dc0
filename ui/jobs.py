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
    QgsCoordinateReferenceSystem,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from . import tables
from .runner import Step

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
        "extent": "{},{},{},{} [{}]".format(ext.xMinimum(), ext.xMaximum(), ext.yMinimum(),
                                            ext.yMaximum(), layer.crs().authid() or ""),
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


def sum_field(rows: Sequence[Dict[str, Any]], candidates: Sequence[str],
              where: Optional[Tuple[Sequence[str], Sequence[str]]] = None) -> Optional[float]:
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


def soilloss_params(state: Dict[str, Any], dem: str, landuse: Dict[str, Any], out_dir: str,
                    suffix: str, measures: Optional[str] = None,
                    measure_field: str = "") -> Dict[str, Any]:
    """Parameters of ``swcplanner:soilloss`` from the wizard's data page.

    The names follow issue 7 (R, K, DEM, LANDUSE, MEASURES, TOLERANCE, ZONES);
    parameters the installed version does not know are dropped.
    """
    names = set(param_names(SOILLOSS))
    p: Dict[str, Any] = {"DEM": dem}
    if state.get("r_mode") == "raster" and state.get("r_source"):
        p["R"] = state["r_source"]
    else:
        p["R_VALUE"] = float(state.get("r_value", 1500.0))
        if "R_VALUE" not in names:
            p["R"] = str(p.pop("R_VALUE"))
    k_mode = state.get("k_mode", "constant")
    if k_mode == "raster" and state.get("k_source"):
        p["K"] = state["k_source"]
    elif k_mode == "polygons" and state.get("k_source"):
        p["K_POLYGONS"] = state["k_source"]
        p["K_FIELD"] = state.get("k_field", "")
    else:
        p["K_VALUE"] = float(state.get("k_value", 0.03))
        if "K_VALUE" not in names:
            p["K"] = str(p.pop("K_VALUE"))
    p.update(landuse)
    if measures:
        p["MEASURES"] = measures
        p["MEASURE_FIELD"] = measure_field
    p["TOLERANCE"] = float(state.get("tolerance", 200.0))
    p["SOIL_LOSS"] = os.path.join(out_dir, "soil_loss_{}.tif".format(suffix))
    p["INTENSITY"] = os.path.join(out_dir, "erosion_intensity_{}.tif".format(suffix))
    p["TABLE"] = gpkg_table(os.path.join(out_dir, "soil_loss_{}.gpkg".format(suffix)))
    return {k: v for k, v in p.items() if not names or k in names}


def soilloss_summary(uri: str) -> Dict[str, float]:
    """Watershed totals from the soilloss TABLE (summed over its rows)."""
    rows = read_rows(uri)
    if not rows:
        return {}
    out: Dict[str, float] = {}
    land = sum_field(rows, ["AREA_KM2", "LAND_KM2", "TOTAL_KM2"])
    eroded = sum_field(rows, ["ERODED_KM2", "EROSION_KM2"])
    loss = sum_field(rows, ["LOSS_T", "SOIL_LOSS_T", "TOTAL_T", "LOSS_T_A"])
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
    for k in range(1, 7):
        value = sum_field(rows, ["CLASS{}_KM2".format(k), "C{}_KM2".format(k),
                                 "INT{}_KM2".format(k), "AREA{}_KM2".format(k)])
        if value is not None:
            out.append((k, value))
    return out


def crs_of(path: str) -> Optional[QgsCoordinateReferenceSystem]:
    layer = QgsRasterLayer(path, "r")
    return layer.crs() if layer.isValid() else None


def steps_placeholder() -> List[Step]:  # pragma: no cover - keeps the import used
    return []
