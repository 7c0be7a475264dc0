"""The allocation table applied to the land use × slope raster: measure raster, polygons and areas.

Each cell of the combined raster (category × 10 + slope class, ``swcplanner:landuseslope``) gets the
measure the allocation table gives its land use and slope class; a land use the table does not list
gets ``none``.  Areas are planar cell counts × cell area; polygons are the 4-connected cell unions of
one measure (GDAL polygonize).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Tuple

import numpy as np
from osgeo import gdal, ogr

from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from ..io import gdal_exceptions
from ..io.raster import RasterWriter, iter_windows, open_raster, read_raw
from .catalogue import (
    AREA_MEASURES,
    HA_M2,
    LANDUSE_CATEGORIES,
    MAX_SLOPE_CLASS,
    MEASURE_CODE,
    MEASURE_E_TYPE,
    MEASURE_NODATA,
    MEASURE_VALUE,
    MU_M2,
)
from .landuse import combo_value, split_combo
from .tables import Allocation

ProgressFn = Callable[[float], None]
CancelFn = Callable[[], bool]


def _noop(_f: float) -> None:
    return None


def _never() -> bool:
    return False


def measure_for(alloc: Allocation, landuse: str, slope_class: int) -> str:
    """The measure of a land use and slope class (``none`` when the table has no such cell).

    >>> measure_for({"cropland": ["none", "terrace"]}, "cropland", 2), measure_for({}, "forest", 1)
    ('terrace', 'none')
    """
    measures = alloc.get(landuse)
    if measures and 1 <= slope_class <= len(measures):
        return measures[slope_class - 1] or "none"
    return "none"


def check_classes(alloc: Allocation, n_classes: int) -> None:
    """Refuse an allocation table with fewer slope-class columns than the raster has classes."""
    short = sorted(lu for lu, m in alloc.items() if len(m) < n_classes)
    if short:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The allocation table gives {given} slope classes but the raster has {needed}: add the "
                "columns class1 … class{needed}.",
            ),
            given=min(len(alloc[lu]) for lu in short),
            needed=n_classes,
        )


def allocation_lookup(alloc: Allocation) -> np.ndarray:
    """Lookup array: combined value (0..255) → measure value (255 for nodata and unknown values).

    >>> lut = allocation_lookup({"cropland": ["none", "tillage", "terrace"]})
    >>> int(lut[13]), int(lut[11]), int(lut[31]), int(lut[0])
    (7, 0, 0, 255)
    """
    lut = np.full(256, MEASURE_NODATA, dtype=np.uint8)
    for lu, _v in LANDUSE_CATEGORIES:
        for k in range(1, MAX_SLOPE_CLASS + 1):
            lut[combo_value(lu, k)] = MEASURE_VALUE[measure_for(alloc, lu, k)]
    return lut


def measure_areas(areas: Mapping[Tuple[str, int], float], alloc: Allocation) -> Dict[str, float]:
    """Area (m²) of each measure: the allocation applied to ``{(land use, class): m²}``.

    >>> measure_areas({("cropland", 1): 10.0, ("cropland", 2): 5.0, ("forest", 1): 2.0},
    ...               {"cropland": ["tillage", "terrace"]})
    {'tillage': 10.0, 'terrace': 5.0, 'none': 2.0}
    """
    out: Dict[str, float] = {}
    for (lu, k), area in areas.items():
        measure = measure_for(alloc, lu, k)
        out[measure] = out.get(measure, 0.0) + float(area)
    return out


def measure_area_rows(areas_m2: Mapping[str, float]) -> List[Dict[str, object]]:
    """Measure table: area (m², ha, 亩) and share of the area with a measure cell (%) per area measure.

    Measures without area are left out; ``none`` is listed (land left as it is).

    >>> [(r["MEASURE"], r["AREA_HA"], r["PCT"]) for r in measure_area_rows({"terrace": 30000.0, "none": 10000.0})]
    [('none', 1.0, 25.0), ('terrace', 3.0, 75.0)]
    """
    total = sum(areas_m2.values())
    rows = []
    for code in AREA_MEASURES:
        area = float(areas_m2.get(code, 0.0))
        if area <= 0:
            continue
        rows.append(
            {
                "MEASURE": code,
                "VALUE": MEASURE_VALUE[code],
                "ETYPE": MEASURE_E_TYPE.get(code, "none"),
                "AREA_M2": area,
                "AREA_HA": area / HA_M2,
                "AREA_MU": area / MU_M2,
                "PCT": 100.0 * area / total if total else 0.0,
            }
        )
    return rows


@dataclass
class MeasurePlanResult:
    """Cells per measure value and the cell area."""

    counts: np.ndarray  # [256] cells per measure value
    cell_area: float

    def areas_m2(self) -> Dict[str, float]:
        return {
            code: float(self.counts[value]) * self.cell_area
            for value, code in MEASURE_CODE.items()
            if self.counts[value]
        }


def measure_raster(
    combo_path: str,
    out_path: str,
    alloc: Allocation,
    *,
    block_rows: int = 512,
    progress: ProgressFn = _noop,
    is_cancelled: CancelFn = _never,
) -> MeasurePlanResult:
    """Write the measure raster (Byte, measure values, 255 = nodata) of a combined land use × slope raster.

    Raises
    ------
    InputError
        when the allocation lacks slope classes the raster has, or a value is not a valid combination.
    """
    ds, grid = open_raster(combo_path)
    grid.check_usable()
    with gdal_exceptions():
        band = ds.GetRasterBand(1)
    nodata = grid.nodata
    lut = allocation_lookup(alloc)
    counts = np.zeros(256, dtype=np.int64)
    windows = list(iter_windows(grid, max(1, int(block_rows)), grid.cols))
    writer = RasterWriter(out_path, grid, gdal.GDT_Byte, nodata=MEASURE_NODATA)
    checked: set = set()
    try:
        for i, win in enumerate(windows):
            if is_cancelled():
                raise Cancelled()
            raw = read_raw(band, win)
            valid = raw != (0 if nodata is None else nodata)
            if np.issubdtype(raw.dtype, np.floating):
                valid &= np.isfinite(raw)
            valid &= raw != 0
            values = raw[valid].astype(np.int64)
            for v in np.unique(values):
                if int(v) in checked:
                    continue
                pair = split_combo(int(v)) if 0 < v < 256 else None
                if pair is None:
                    raise InputError(
                        QT_TRANSLATE_NOOP(
                            "SwcCore",
                            "The raster {path} has the value {value}, which is not a land use × slope "
                            "class value (category × 10 + class): use the OUTPUT of "
                            "swcplanner:landuseslope.",
                        ),
                        path=combo_path,
                        value=int(v),
                    )
                check_classes(alloc, pair[1])
                checked.add(int(v))
            out = np.full(raw.shape, MEASURE_NODATA, dtype=np.uint8)
            out[valid] = lut[values]
            counts += np.bincount(out[valid].ravel(), minlength=256)
            writer.write(win, out)
            progress((i + 1) / len(windows))
        writer.commit()
    finally:
        writer.discard()
    return MeasurePlanResult(counts=counts, cell_area=grid.cell_area)


def measure_polygons(measure_path: str) -> List[Tuple[int, bytes, float]]:
    """``[(measure value, wkb, area m²)]``: 4-connected polygons of the measure raster, nodata left out.

    (``io.vector.polygonize`` masks by the band itself, which would drop the measure ``none`` = 0.)
    """
    ds, grid = open_raster(measure_path)
    try:
        with gdal_exceptions():
            band = ds.GetRasterBand(1)
            src = ogr.GetDriverByName("Memory").CreateDataSource(f"measures_{uuid.uuid4().hex[:8]}")
            layer = src.CreateLayer("measures", grid.srs() if grid.crs_wkt else None, ogr.wkbPolygon)
            layer.CreateField(ogr.FieldDefn("VALUE", ogr.OFTInteger))
            gdal.Polygonize(band, band.GetMaskBand(), layer, 0, [])
            layer.ResetReading()
            out = []
            for feature in layer:
                geom = feature.GetGeometryRef()
                out.append((int(feature.GetField(0)), bytes(geom.ExportToWkb()), float(geom.GetArea())))
    except RuntimeError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The measure raster {path} cannot be polygonised: {reason}"),
            path=measure_path,
            reason=str(exc),
        ) from exc
    return out
