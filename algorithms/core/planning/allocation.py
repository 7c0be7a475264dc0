"""The allocation table applied to the land use × slope raster, with the eligibility rules the plan enforces.

Each cell of the combined raster (category × 10 + slope class, ``swcplanner:landuseslope``) gets the
measure the allocation table gives its land use and slope class; a land use the table does not list
gets ``none``.  Then the eligibility rules refuse a measure where it cannot be laid (the cell keeps
``none`` and is reported as excluded, with the first reason that applies):

1. ``water``, ``built`` — no measure on water or built-up land;
2. ``landuse`` — 坡改梯 and conservation tillage only on cropland;
3. ``basic_farmland`` — on cropland inside 永久基本农田 (when that layer is given) only tillage: no
   坡改梯 and no retirement to forest or grass;
4. ``slope_low``, ``slope_high``, ``no_slope`` — pits and benches only in the slope band in which
   ``swcplanner:slopeworks`` lays them (15–45° and 15–25° by default, one definition in
   core/standards.py), terraces only in the 坡改梯 band of the farmland rules (6–25°).  With a slope
   raster (degrees, e.g. Horn's slope of the DEM, as slopeworks computes it) the band is checked per
   cell, both bounds included; without it per slope class, from the class breaks: a class counts when
   it overlaps the band.

Areas are planar cell counts × cell area; polygons are the 4-connected cell unions of one value
(GDAL polygonize).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr

from .. import standards
from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from ..io import gdal_exceptions, memory_vector_driver
from ..io.raster import RasterWriter, iter_windows, open_raster, read_raw
from .catalogue import (
    AREA_MEASURES,
    BASIC_FARMLAND_ALLOWED,
    CROPLAND_ONLY,
    EXCLUSION_CODE,
    EXCLUSION_FACTOR,
    EXCLUSION_REASONS,
    EXCLUSION_VALUE,
    HA_M2,
    LANDUSE_CATEGORIES,
    LANDUSE_VALUE,
    MAX_SLOPE_CLASS,
    MEASURE_BAND,
    MEASURE_CODE,
    MEASURE_E_TYPE,
    MEASURE_NODATA,
    MEASURE_VALUE,
    MU_M2,
    NO_MEASURE_LANDUSE,
    SLOPEWORKS_BAND,
)
from .landuse import burn_polygons, combo_value, split_combo, warp_to_grid
from .tables import Allocation, terrace_band

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
class Eligibility:
    """Slope bands (degrees, both bounds included) by band key, and the slope-class breaks.

    ``bands``: ``pits``, ``benches`` (where slopeworks lays them) and ``terrace`` (the 坡改梯 band);
    ``breaks``: the upper bounds of the slope classes but the last (used without a slope raster).
    """

    bands: Dict[str, Tuple[float, float]]
    breaks: Tuple[float, ...] = standards.SLOPE_BREAKS_DEG

    @classmethod
    def default(cls, terrace: Optional[Tuple[float, float]] = None) -> Eligibility:
        """The bands of slopeworks' defaults and of the farmland rules' ``convert`` row.

        >>> Eligibility.default().bands  # doctest: +NORMALIZE_WHITESPACE
        {'pits': (15.0, 45.0), 'benches': (15.0, 25.0), 'terrace': (6.0, 25.0)}
        """
        bands = dict(SLOPEWORKS_BAND)
        bands["terrace"] = terrace or terrace_band()
        return cls(bands=bands)

    def class_range(self, k: int) -> Tuple[float, float]:
        """``(lower, upper)`` degrees of slope class ``k`` (1-based; the last class ends at 90°).

        >>> Eligibility({}).class_range(1), Eligibility({}).class_range(5)
        ((0.0, 2.0), (25.0, 90.0))
        """
        b = [0.0] + [float(x) for x in self.breaks] + [90.0]
        k = max(1, min(int(k), len(b) - 1))
        return b[k - 1], b[k]

    def check(self) -> None:
        """Refuse an empty or inverted band."""
        for key, (lo, hi) in self.bands.items():
            if not 0 <= lo < hi <= 90:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore",
                        "The slope band of {key} is empty: its minimum ({low:g}°) must be below its "
                        "maximum ({high:g}°), within 0–90°.",
                    ),
                    key=key,
                    low=lo,
                    high=hi,
                )


@dataclass
class MeasurePlanResult:
    """Cells per measure value, per (reason, allocated measure) excluded, per (land use, measure); cell area."""

    counts: np.ndarray  # [256] cells per measure value
    cell_area: float
    excluded: np.ndarray = field(default_factory=lambda: np.zeros((8, 16), dtype=np.int64))
    by_landuse: np.ndarray = field(default_factory=lambda: np.zeros((8, 16), dtype=np.int64))
    slope_checked: bool = False

    def areas_m2(self) -> Dict[str, float]:
        return {
            code: float(self.counts[value]) * self.cell_area
            for value, code in MEASURE_CODE.items()
            if self.counts[value]
        }

    def excluded_m2(self) -> Dict[Tuple[str, str], float]:
        """``{(reason, allocated measure): m²}`` of the cells the rules refused."""
        out = {}
        for reason, rv in EXCLUSION_REASONS:
            for mv, code in MEASURE_CODE.items():
                if mv < self.excluded.shape[1] and self.excluded[rv, mv]:
                    out[(reason, code)] = float(self.excluded[rv, mv]) * self.cell_area
        return out

    def landuse_m2(self) -> Dict[Tuple[str, str], float]:
        """``{(land use, measure laid): m²}``."""
        out = {}
        for lu, lv in LANDUSE_CATEGORIES:
            for mv, code in MEASURE_CODE.items():
                if mv < self.by_landuse.shape[1] and self.by_landuse[lv, mv]:
                    out[(lu, code)] = float(self.by_landuse[lv, mv]) * self.cell_area
        return out


def _measure_luts(elig: Eligibility) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per measure value (0..15): band low, band high (NaN: no band), cropland-only, allowed on basic farmland."""
    lo = np.full(16, np.nan)
    hi = np.full(16, np.nan)
    crop_only = np.zeros(16, dtype=bool)
    basic_ok = np.zeros(16, dtype=bool)
    for code, value in MEASURE_VALUE.items():
        band = MEASURE_BAND.get(code)
        if band is not None and band in elig.bands:
            lo[value], hi[value] = elig.bands[band]
        crop_only[value] = code in CROPLAND_ONLY
        basic_ok[value] = code in BASIC_FARMLAND_ALLOWED
    return lo, hi, crop_only, basic_ok


def eligible(
    landuse: np.ndarray,
    slope_class: np.ndarray,
    measure: np.ndarray,
    elig: Eligibility,
    slope: Optional[np.ndarray] = None,
    basic: Optional[np.ndarray] = None,
) -> np.ndarray:
    """Exclusion reason per cell (0 = the measure may be laid), by the rules of the module docstring.

    ``landuse`` category values, ``slope_class`` 1..n, ``measure`` allocated measure values; ``slope``
    degrees (NaN = unknown) or ``None`` (the class decides); ``basic`` a mask of 永久基本农田.

    >>> e = Eligibility({"pits": (15.0, 45.0), "terrace": (6.0, 25.0)})
    >>> m = np.array([2, 2, 2, 7, 7, 8, 1])        # pits, pits, pits, terrace, terrace, tillage, enclosure
    >>> lu = np.array([5, 5, 5, 1, 1, 1, 6])       # bare, bare, bare, cropland, cropland, cropland, water
    >>> s = np.array([10.0, 30.0, 50.0, 20.0, 20.0, 3.0, 1.0])
    >>> eligible(lu, np.ones(7, int), m, e, slope=s, basic=np.array([0, 0, 0, 0, 1, 1, 0], bool)).tolist()
    [5, 0, 6, 0, 4, 0, 1]
    """
    lo, hi, crop_only, basic_ok = _measure_luts(elig)
    m = np.asarray(measure, dtype=np.int64)
    lu = np.asarray(landuse, dtype=np.int64)
    reason = np.zeros(m.shape, dtype=np.uint8)
    has = (m > 0) & (m < 16)
    mi = np.where(has, m, 0)

    def mark(cond: np.ndarray, code: str) -> None:
        sel = has & (reason == 0) & cond
        reason[sel] = EXCLUSION_VALUE[code]

    for code in NO_MEASURE_LANDUSE:
        mark(lu == LANDUSE_VALUE[code], code)
    mark(crop_only[mi] & (lu != LANDUSE_VALUE["cropland"]), "landuse")
    if basic is not None:
        mark(np.asarray(basic, bool) & (lu == LANDUSE_VALUE["cropland"]) & ~basic_ok[mi], "basic_farmland")
    band_lo, band_hi = lo[mi], hi[mi]
    banded = np.isfinite(band_lo)
    if slope is not None:
        s = np.asarray(slope, dtype=np.float64)
        with np.errstate(invalid="ignore"):
            mark(banded & ~np.isfinite(s), "no_slope")
            mark(banded & (s < band_lo), "slope_low")
            mark(banded & (s > band_hi), "slope_high")
    else:
        k = np.asarray(slope_class, dtype=np.int64)
        ranges = np.array([elig.class_range(j) for j in range(0, MAX_SLOPE_CLASS + 1)])
        c_lo, c_hi = ranges[np.clip(k, 0, MAX_SLOPE_CLASS), 0], ranges[np.clip(k, 0, MAX_SLOPE_CLASS), 1]
        with np.errstate(invalid="ignore"):
            mark(banded & (c_hi <= band_lo), "slope_low")
            mark(banded & (c_lo >= band_hi), "slope_high")
    return reason


def measure_raster(
    combo_path: str,
    out_path: str,
    alloc: Allocation,
    *,
    eligibility: Optional[Eligibility] = None,
    slope_path: Optional[str] = None,
    basic_farmland: Optional[Sequence[bytes]] = None,
    excluded_path: Optional[str] = None,
    block_rows: int = 512,
    progress: ProgressFn = _noop,
    is_cancelled: CancelFn = _never,
) -> MeasurePlanResult:
    """Write the measure raster (Byte, measure values, 255 = nodata) of a combined land use × slope raster.

    Parameters
    ----------
    combo_path : the OUTPUT of landuseslope (category × 10 + slope class; its grid is the output grid).
    out_path : measure raster to write.
    alloc : the allocation table.
    eligibility : slope bands and class breaks (default :meth:`Eligibility.default`).
    slope_path : optional slope raster in degrees (any grid: put on the combo grid, nearest cell).
    basic_farmland : optional 永久基本农田 polygons (WKB in the combo raster's CRS).
    excluded_path : optional raster of the refused cells: reason × 16 + allocated measure (0 = none).

    Raises
    ------
    InputError
        when the allocation lacks slope classes the raster has, a value is not a valid combination, or
        a slope band is empty.
    """
    elig = eligibility or Eligibility.default()
    elig.check()
    ds, grid = open_raster(combo_path)
    grid.check_usable()
    with gdal_exceptions():
        band = ds.GetRasterBand(1)
    nodata = grid.nodata
    lut = allocation_lookup(alloc)
    slope_ds = warp_to_grid(slope_path, grid) if slope_path else None
    slope_band = slope_nodata = None
    if slope_ds is not None:
        with gdal_exceptions():
            slope_band = slope_ds.GetRasterBand(1)
            slope_nodata = slope_band.GetNoDataValue()
    basic_ds = burn_polygons([(1, w) for w in basic_farmland], grid) if basic_farmland else None
    counts = np.zeros(256, dtype=np.int64)
    excluded = np.zeros((8, 16), dtype=np.int64)
    by_landuse = np.zeros((8, 16), dtype=np.int64)
    windows = list(iter_windows(grid, max(1, int(block_rows)), grid.cols))
    writer = RasterWriter(out_path, grid, gdal.GDT_Byte, nodata=MEASURE_NODATA)
    excl_writer = RasterWriter(excluded_path, grid, gdal.GDT_Byte, nodata=0) if excluded_path else None
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
            allocated = lut[values].astype(np.int64)
            slope = None
            if slope_band is not None:
                sw = read_raw(slope_band, win).astype(np.float64)
                if slope_nodata is not None:
                    sw[sw == slope_nodata] = np.nan
                slope = sw[valid]
            basic = read_raw(basic_ds.GetRasterBand(1), win)[valid] == 1 if basic_ds is not None else None
            lu = values // 10
            reason = eligible(lu, values % 10, allocated, elig, slope=slope, basic=basic)
            final = np.where(reason > 0, MEASURE_VALUE["none"], allocated)
            out = np.full(raw.shape, MEASURE_NODATA, dtype=np.uint8)
            out[valid] = final
            counts += np.bincount(final, minlength=256)
            by_landuse += np.bincount(lu * 16 + final, minlength=8 * 16).reshape(8, 16)
            refused = reason > 0
            excluded += np.bincount(
                reason[refused].astype(np.int64) * 16 + allocated[refused], minlength=8 * 16
            ).reshape(8, 16)
            writer.write(win, out)
            if excl_writer is not None:
                ex = np.zeros(raw.shape, dtype=np.uint8)
                ex[valid] = np.where(refused, reason.astype(np.int64) * EXCLUSION_FACTOR + allocated, 0)
                excl_writer.write(win, ex)
            progress((i + 1) / len(windows))
        writer.commit()
        if excl_writer is not None:
            excl_writer.commit()
    finally:
        writer.discard()
        if excl_writer is not None:
            excl_writer.discard()
        if slope_ds is not None:
            vrt = slope_ds.GetDescription()
            slope_band = slope_ds = None
            gdal.Unlink(vrt)
    return MeasurePlanResult(
        counts=counts,
        cell_area=grid.cell_area,
        excluded=excluded,
        by_landuse=by_landuse,
        slope_checked=slope_path is not None,
    )


def split_excluded(value: int) -> Tuple[str, str]:
    """``(reason, allocated measure)`` of a value of the excluded raster.

    >>> split_excluded(4 * 16 + 7)
    ('basic_farmland', 'terrace')
    """
    return EXCLUSION_CODE.get(int(value) // EXCLUSION_FACTOR, ""), MEASURE_CODE.get(
        int(value) % EXCLUSION_FACTOR, ""
    )


def excluded_rows(excluded_m2: Mapping[Tuple[str, str], float]) -> List[Dict[str, object]]:
    """Excluded areas: ``REASON``, ``MEASURE`` (allocated, refused), AREA_M2, AREA_HA, AREA_MU, by reason.

    >>> [(r["REASON"], r["MEASURE"], r["AREA_HA"]) for r in excluded_rows({("slope_high", "soilforest_pits"): 2e4,
    ...                                                                  ("water", "grass"): 1e4})]
    [('water', 'grass', 1.0), ('slope_high', 'soilforest_pits', 2.0)]
    """
    order = {code: i for i, (code, _v) in enumerate(EXCLUSION_REASONS)}
    mo = {code: i for i, code in enumerate(AREA_MEASURES)}
    rows = []
    for (reason, measure), area in sorted(
        excluded_m2.items(), key=lambda kv: (order.get(kv[0][0], 99), mo.get(kv[0][1], 99))
    ):
        rows.append(
            {
                "REASON": reason,
                "MEASURE": measure,
                "AREA_M2": float(area),
                "AREA_HA": float(area) / HA_M2,
                "AREA_MU": float(area) / MU_M2,
            }
        )
    return rows


def landuse_measure_rows(landuse_m2: Mapping[Tuple[str, str], float]) -> List[Dict[str, object]]:
    """Measure laid per land use: ``LANDUSE``, ``MEASURE``, AREA_M2, AREA_HA (the plan's 措施布局 by land use).

    >>> [(r["LANDUSE"], r["MEASURE"], r["AREA_HA"]) for r in landuse_measure_rows({("forest", "enclosure"): 1e4})]
    [('forest', 'enclosure', 1.0)]
    """
    lo = {code: i for i, (code, _v) in enumerate(LANDUSE_CATEGORIES)}
    mo = {code: i for i, code in enumerate(AREA_MEASURES)}
    return [
        {"LANDUSE": lu, "MEASURE": m, "AREA_M2": float(a), "AREA_HA": float(a) / HA_M2}
        for (lu, m), a in sorted(
            landuse_m2.items(), key=lambda kv: (lo.get(kv[0][0], 99), mo.get(kv[0][1], 99))
        )
    ]


def measure_polygons(measure_path: str) -> List[Tuple[int, bytes, float]]:
    """``[(measure value, wkb, area m²)]``: 4-connected polygons of the measure raster, nodata left out.

    (``io.vector.polygonize`` masks by the band itself, which would drop the measure ``none`` = 0.)
    """
    ds, grid = open_raster(measure_path)
    try:
        with gdal_exceptions():
            band = ds.GetRasterBand(1)
            src = memory_vector_driver().CreateDataSource(f"measures_{uuid.uuid4().hex[:8]}")
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
