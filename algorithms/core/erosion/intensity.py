"""SL 190-2007 erosion intensity classes and the soil-and-water-conservation rate (水土保持率).

Intensity classes (SL 190-2007, t·km⁻²·a⁻¹) are **lower-bound inclusive**
intervals: 1 微度 [0, T), 2 轻度 [T, 2 500), 3 中度 [2 500, 5 000), 4 强烈
[5 000, 8 000), 5 极强烈 [8 000, 15 000), 6 剧烈 [15 000, ∞), T the tolerance.
So exactly 2 500 is 中度 and exactly T is 轻度 (eroded).  Wind erosion has the
same moduli with a fixed 微度 bound of 200 (SL 190-2007 风力侵蚀强度分级,
domain.md §4.3 [C]).

水土保持率 (%) = (land area − 水土流失面积) / land area × 100 (MWR definition,
domain.md §5 [C]).  The rule of this module, cell by cell inside a unit:

* the erosion-type zone says which types are assessed: 水蚀 water only, 风蚀
  wind only, 水蚀风蚀交错 both; without a zone, water everywhere and wind where a
  wind value is given;
* a cell is **eroded** when any assessed type is at 轻度 or above; it is counted
  once (water only, wind only or both);
* a cell is **without data** when it is not eroded by the values it has and a
  type that must be assessed there has no value;
* the denominator is the **unit's land area**: all its cells, with and without
  data, plus the part of the unit outside the raster (``extra``);
* ``SWC_RATE`` counts the cells without data as not eroded (the official formula
  with the monitored 水土流失面积); ``SWC_RATE_MIN`` counts them as eroded (the
  rate if every gap were eroded).  Both are reported with the gap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..io.raster import (
    DEFAULT_BLOCK,
    CancelFn,
    ProgressFn,
    Window,
    _never,
    _noop_progress,
    is_float_band,
    map_blocks,
    open_aligned,
    open_raster,
    unique_codes,
)
from ..standards import EROSION_CLASS_BOUNDS, TOLERANCE_T_KM2_A
from ..zones import bincount2, zone_labels

N_CLASSES = 6
#: SL 190-2007 wind-erosion intensity by modulus (t·km⁻²·a⁻¹): 微度 < 200, 轻度 200–2 500,
#: 中度 2 500–5 000, 强烈 5 000–8 000, 极强烈 8 000–15 000, 剧烈 > 15 000 (the wind table also
#: gives cover and deflation depth); domain.md §4.3 and domain-review S8 [C].  Lower bounds of
#: classes 2..6, lower-bound inclusive as the water classes.
WIND_CLASS_LOWER = (200.0, 2500.0, 5000.0, 8000.0, 15000.0)

#: Erosion-type zone codes (on the zone raster; 0 = no zone given there).
TYPE_NONE, TYPE_WATER, TYPE_WIND, TYPE_MIXED = 0, 1, 2, 3
#: Accepted values of an erosion-type field (case-insensitive), by code.
TYPE_NAMES = {
    TYPE_WATER: ("水蚀", "水力侵蚀", "水蚀区", "water", "1"),
    TYPE_WIND: ("风蚀", "风力侵蚀", "风蚀区", "wind", "2"),
    TYPE_MIXED: ("水蚀风蚀交错", "水蚀风蚀交错区", "风蚀水蚀交错", "风蚀水蚀交错区", "交错", "mixed", "3"),
}

#: Cell status codes of :class:`RateCounts` (columns of ``status``).
ST_CLEAN, ST_WATER, ST_WIND, ST_BOTH, ST_NODATA = 0, 1, 2, 3, 4
N_STATUS = 5

#: Below this share of a unit with an erosion value (%), every algorithm computing the rate warns
#: (issue 13: "a warning below 99 % coverage").
COVER_WARN_PCT = 99.0


def intensity_bounds(
    tolerance: float = TOLERANCE_T_KM2_A, bounds: Sequence[float] = EROSION_CLASS_BOUNDS
) -> List[float]:
    """Lower bounds of classes 2..6: ``[tolerance, 2500, 5000, 8000, 15000]``."""
    if not tolerance > 0 or tolerance >= bounds[0]:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The tolerable soil loss must be above 0 and below {limit:g} t/km²·a "
                "(the lower bound of the moderate class); got {value:g}. SL 190-2007 uses 200 in the "
                "northern rocky mountains, 500 in the southern red-soil hills, 1000 on the Loess "
                "Plateau.",
            ),
            limit=bounds[0],
            value=tolerance,
        )
    return [float(tolerance)] + [float(b) for b in bounds]


def classify_intensity(
    modulus: np.ndarray, tolerance: float = TOLERANCE_T_KM2_A, bounds: Sequence[float] = EROSION_CLASS_BOUNDS
) -> np.ndarray:
    """SL 190-2007 class 1..6 of a soil-loss modulus (t·km⁻²·a⁻¹); NaN gives 0.

    Classes are lower-bound inclusive: exactly the tolerance is 轻度 (2) and
    exactly 2 500 is 中度 (3).

    >>> classify_intensity(np.array([0, 199.9, 200, 2499.9, 2500, 5000, 8000, 15000, np.nan]))
    array([1, 1, 2, 2, 3, 4, 5, 6, 0], dtype=uint8)
    """
    a = np.asarray(modulus, dtype=np.float64)
    edges = np.asarray(intensity_bounds(tolerance, bounds))
    out = (np.searchsorted(edges, np.nan_to_num(a, nan=0.0), side="right") + 1).astype(np.uint8)
    out[np.isnan(a)] = 0
    return out


def classify_wind(modulus: np.ndarray) -> np.ndarray:
    """SL 190-2007 wind-erosion class 1..6 of a wind-erosion modulus (t·km⁻²·a⁻¹); NaN gives 0.

    >>> classify_wind(np.array([0, 199.9, 200, 2500, 15000, np.nan]))
    array([1, 1, 2, 3, 6, 0], dtype=uint8)
    """
    return classify_intensity(modulus, WIND_CLASS_LOWER[0], WIND_CLASS_LOWER[1:])


def classes_of(
    raw: np.ndarray, kind: int, tolerance: float = TOLERANCE_T_KM2_A, wind: bool = False
) -> np.ndarray:
    """Classes 1..6 (0 = no value) of a raster block holding moduli or classes.

    ``kind`` :data:`KIND_INTENSITY`: integral values 1..6 are classes, anything else 0;
    otherwise the moduli are graded (water with ``tolerance``, wind with the fixed bounds).

    >>> classes_of(np.array([0.0, 1.0, 6.0, 7.0, np.nan]), KIND_INTENSITY).tolist()
    [0, 1, 6, 0, 0]
    """
    a = np.asarray(raw, dtype=np.float64)
    if kind == KIND_INTENSITY:
        c = np.nan_to_num(a, nan=0.0)
        ok = (c >= 1) & (c <= N_CLASSES) & (c == np.round(c))
        return np.where(ok, c, 0).astype(np.uint8)
    return classify_wind(a) if wind else classify_intensity(a, tolerance)


def wind_and_types(
    arrays: Sequence[np.ndarray],
    slots: Dict[str, int],
    wind_kind: Optional[int],
    land: np.ndarray,
    type_cells: np.ndarray,
) -> Tuple[Optional[np.ndarray], Optional[np.ndarray]]:
    """The wind classes and the erosion types of a window (``None`` where ``slots`` has no
    ``WIND`` or ``EROSION_TYPES`` raster); the types of the ``land`` cells are counted into
    ``type_cells`` (codes outside 0..:data:`TYPE_MIXED` count as :data:`TYPE_NONE`).
    """
    wind = (
        classes_of(arrays[slots["WIND"]], wind_kind or KIND_MODULUS, wind=True) if "WIND" in slots else None
    )
    etype = None
    if "EROSION_TYPES" in slots:
        etype = np.nan_to_num(arrays[slots["EROSION_TYPES"]], nan=0.0).astype(np.int64)
        etype[(etype < 0) | (etype > TYPE_MIXED)] = TYPE_NONE
        type_cells[:] += np.bincount(etype[land], minlength=4)[:4]
    return wind, etype


def erosion_type_code(value: object) -> int:
    """The erosion-type code (:data:`TYPE_WATER`, :data:`TYPE_WIND`, :data:`TYPE_MIXED`) of a field
    value, or −1 when it is none of :data:`TYPE_NAMES`.

    >>> [erosion_type_code(v) for v in ("水蚀", "Wind", "水蚀风蚀交错", 3, 3.0, "沙地")]
    [1, 2, 3, 3, 3, -1]
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().lower() if value is not None else ""
    for code, names in TYPE_NAMES.items():
        if text in (n.lower() for n in names):
            return code
    return -1


def swc_rate(total_area: float, eroded_area: float) -> Optional[float]:
    """水土保持率 in % = (total − eroded) / total × 100; ``None`` for an empty unit.

    >>> swc_rate(100.0, 20.0)
    80.0
    """
    if total_area <= 0:
        return None
    return 100.0 * (total_area - eroded_area) / total_area


def area_to_treat(total_area: float, eroded_area: float, target_pct: float) -> float:
    """Eroded area that must be brought below the tolerance to reach ``target_pct``.

    >>> area_to_treat(100.0, 25.0, 80.0)
    5.0
    """
    return max(0.0, target_pct / 100.0 * total_area - (total_area - eroded_area))


@dataclass
class RateCounts:
    """Cells per unit for the SWC rate with water and wind erosion.

    Arrays are indexed by unit (0 = outside every unit, or the whole grid without units).
    ``status[z, s]``: land cells of unit ``z`` by status :data:`ST_CLEAN` (assessed, not
    eroded), :data:`ST_WATER` (eroded by water only), :data:`ST_WIND` (by wind only),
    :data:`ST_BOTH`, :data:`ST_NODATA`.  ``water[z, c]`` / ``wind[z, c]``: cells where that type
    is assessed, by class 1..6 (0 = the type must be assessed there but has no value).
    """

    status: np.ndarray
    water: np.ndarray
    wind: np.ndarray
    has_wind: bool = False

    @classmethod
    def empty(cls, n_units: int, has_wind: bool = False) -> RateCounts:
        return cls(
            np.zeros((n_units, N_STATUS), dtype=np.int64),
            np.zeros((n_units, N_CLASSES + 1), dtype=np.int64),
            np.zeros((n_units, N_CLASSES + 1), dtype=np.int64),
            has_wind,
        )

    def add(
        self,
        unit: np.ndarray,
        land: np.ndarray,
        water_cls: np.ndarray,
        wind_cls: Optional[np.ndarray] = None,
        etype: Optional[np.ndarray] = None,
    ) -> None:
        """Count one block: ``unit`` numbers, ``land`` the cells belonging to a unit's land,
        ``water_cls``/``wind_cls`` classes 0..6 (0 = no value), ``etype`` type codes 0..3."""
        n = self.status.shape[0]
        z = unit[land].astype(np.int64)
        w = water_cls[land].astype(np.int64)
        wd = np.zeros_like(w) if wind_cls is None else wind_cls[land].astype(np.int64)
        et = np.zeros_like(w) if etype is None else etype[land].astype(np.int64)
        water_applies = et != TYPE_WIND
        wind_required = (et == TYPE_WIND) | (et == TYPE_MIXED)
        wind_applies = wind_required | ((et == TYPE_NONE) & (wd > 0))
        water_eroded = water_applies & (w >= 2)
        wind_eroded = wind_applies & (wd >= 2)
        missing = (water_applies & (w == 0)) | (wind_required & (wd == 0))
        status = np.full(z.shape, ST_CLEAN, dtype=np.int64)
        status[missing] = ST_NODATA
        status[water_eroded] = ST_WATER
        status[wind_eroded] = ST_WIND
        status[water_eroded & wind_eroded] = ST_BOTH
        self.status += bincount2(z, status, n, N_STATUS)
        self.water += bincount2(z[water_applies], w[water_applies], n, N_CLASSES + 1)
        self.wind += bincount2(z[wind_applies], wd[wind_applies], n, N_CLASSES + 1)

    def row(self, z: int, cell_area: float, extra_m2: float = 0.0) -> Dict[str, Optional[float]]:
        """Figures of unit ``z`` (km², %).  ``extra_m2``: the unit's area outside the raster,
        counted as land without data.

        Keys: ``AREA_KM2`` (land area, the denominator), ``WATER_KM2``, ``WIND_KM2``,
        ``BOTH_KM2``, ``ERODED_KM2`` (counted once), ``ERODED_PCT``, ``NODATA_KM2``,
        ``NODATA_PCT``, ``COVER_PCT``, ``SWC_RATE``, ``SWC_RATE_MIN``, water classes
        ``C1_KM2``…``C6_KM2`` and wind classes ``W1_KM2``…``W6_KM2`` (``None`` without wind).

        >>> c = RateCounts.empty(1, has_wind=True)
        >>> water = np.array([2] * 20 + [1] * 75 + [0] * 5)  # 20 eroded, 5 without a value
        >>> wind = np.array([1] * 20 + [3] * 15 + [1] * 65)  # 15 eroded, disjoint
        >>> c.add(np.zeros(100, int), np.ones(100, bool), water, wind)
        >>> r = c.row(0, 1e4)  # cells of 1 ha
        >>> [round(r[k], 4) for k in ("ERODED_KM2", "NODATA_KM2", "SWC_RATE", "SWC_RATE_MIN")]
        [0.35, 0.05, 65.0, 60.0]
        """
        km2 = cell_area / 1e6
        s = self.status[z].astype(np.float64)
        extra = max(float(extra_m2), 0.0) / 1e6
        land = float(s.sum()) * km2 + extra
        eroded = float(s[ST_WATER] + s[ST_WIND] + s[ST_BOTH]) * km2
        nodata = float(s[ST_NODATA]) * km2 + extra
        row: Dict[str, Optional[float]] = {
            "AREA_KM2": land,
            "WATER_KM2": float(s[ST_WATER] + s[ST_BOTH]) * km2,
            "WIND_KM2": float(s[ST_WIND] + s[ST_BOTH]) * km2 if self.has_wind else None,
            "BOTH_KM2": float(s[ST_BOTH]) * km2 if self.has_wind else None,
            "ERODED_KM2": eroded,
            "ERODED_PCT": 100.0 * eroded / land if land > 0 else None,
            "NODATA_KM2": nodata,
            "NODATA_PCT": 100.0 * nodata / land if land > 0 else None,
            "COVER_PCT": 100.0 * (land - nodata) / land if land > 0 else None,
            "SWC_RATE": swc_rate(land, eroded),
            "SWC_RATE_MIN": swc_rate(land, eroded + nodata),
        }
        for c in range(1, N_CLASSES + 1):
            row[f"C{c}_KM2"] = float(self.water[z, c]) * km2
            row[f"W{c}_KM2"] = float(self.wind[z, c]) * km2 if self.has_wind else None
        return row


def partly_covered(row: Dict[str, Optional[float]], limit: float = COVER_WARN_PCT) -> bool:
    """Whether a unit's erosion values cover less than ``limit`` % of its land area."""
    cover = row.get("COVER_PCT")
    return cover is not None and cover < limit


@dataclass(frozen=True)
class TargetGap:
    """How far a unit's rate is from one target."""

    target: float  # %
    gap: Optional[float]  # target − rate, percentage points (None: no land in the unit)
    treat_km2: Optional[float]  # eroded area to bring below the tolerance (km²)


@dataclass(frozen=True)
class UnitRate:
    """The SWC rate of one unit with its gaps to the targets and its coverage."""

    summary: Dict[str, Optional[float]]  # :meth:`RateCounts.row` of the unit
    poly_km2: float  # the unit's polygon area
    targets: List[TargetGap] = field(default_factory=list)

    @property
    def area_km2(self) -> float:
        """The unit's land area (km²), the denominator of the rate."""
        return float(self.summary["AREA_KM2"] or 0.0)

    @property
    def eroded_km2(self) -> float:
        """Area at 轻度 or above by water or wind, counted once (km²)."""
        return float(self.summary["ERODED_KM2"] or 0.0)

    @property
    def nodata_km2(self) -> float:
        """Land without an erosion value (km²)."""
        return float(self.summary["NODATA_KM2"] or 0.0)

    @property
    def cover_pct(self) -> Optional[float]:
        """Share of the land area with an erosion value (%)."""
        return self.summary["COVER_PCT"]

    @property
    def rate(self) -> Optional[float]:
        """水土保持率 (%), ``None`` for a unit without land."""
        return self.summary["SWC_RATE"]

    @property
    def partly_covered(self) -> bool:
        """The erosion values cover less than :data:`COVER_WARN_PCT` of the land area."""
        return partly_covered(self.summary)


def unit_rate(row: Dict[str, Optional[float]], poly_area_m2: float, targets: Sequence[float]) -> UnitRate:
    """SWC rate of a unit (a :meth:`RateCounts.row`) with the gap to each target and the area to treat.

    >>> c = RateCounts.empty(2)
    >>> c.add(np.full(100, 1), np.ones(100, bool), np.array([1] * 70 + [2] * 20 + [3] * 10))
    >>> u = unit_rate(c.row(1, 1e6), 100e6, [79.96, 60.0])  # 100 cells of 1 km², 30 eroded
    >>> u.rate, u.cover_pct, [(round(t.gap, 2), round(t.treat_km2, 2)) for t in u.targets]
    (70.0, 100.0, [(9.96, 9.96), (-10.0, 0.0)])
    """
    area = float(row["AREA_KM2"] or 0.0)
    eroded = float(row["ERODED_KM2"] or 0.0)
    rate = row["SWC_RATE"]
    gaps = [
        TargetGap(
            float(t),
            None if rate is None else float(t) - rate,
            None if rate is None else area_to_treat(area, eroded, float(t)),
        )
        for t in targets
    ]
    return UnitRate(row, poly_area_m2 / 1e6, gaps)


KIND_AUTO, KIND_MODULUS, KIND_INTENSITY = 0, 1, 2


def detect_kind(path: str) -> int:
    """Intensity raster when integer-typed with values within 0..6, else soil loss."""
    if is_float_band(path):
        return KIND_MODULUS
    vals = unique_codes(path)
    return KIND_INTENSITY if vals and min(vals) >= 0 and max(vals) <= N_CLASSES else KIND_MODULUS


@dataclass
class RateInputs:
    """Wind erosion and erosion-type zones for the rate, rasters aligned on the grid.

    ``wind_path``: wind-erosion modulus (t·km⁻²·a⁻¹) or SL 190 wind classes 1–6
    (``wind_kind``: :data:`KIND_AUTO`, :data:`KIND_MODULUS`, :data:`KIND_INTENSITY`);
    ``types_path``: erosion-type codes (:data:`TYPE_WATER`, :data:`TYPE_WIND`,
    :data:`TYPE_MIXED`; 0 = no zone).
    """

    wind_path: Optional[str] = None
    wind_kind: int = KIND_AUTO
    types_path: Optional[str] = None

    def resolved_wind_kind(self) -> int:
        if not self.wind_path:
            return KIND_MODULUS
        return detect_kind(self.wind_path) if self.wind_kind == KIND_AUTO else self.wind_kind


@dataclass
class RateResult:
    """Cells per unit (0 = outside) for the rate, and how the inputs were read."""

    cell_area: float
    counts: RateCounts
    kind: int
    wind_kind: Optional[int] = None
    type_cells: Dict[int, int] = field(default_factory=dict)

    @property
    def class_cells(self) -> np.ndarray:
        """Water-erosion cells per unit and class (class 0: without a value)."""
        return self.counts.water


def swc_rate_cells(
    path: str,
    zone_path: str,
    n_zones: int,
    *,
    kind: int = KIND_AUTO,
    tolerance: float = TOLERANCE_T_KM2_A,
    rate_inputs: Optional[RateInputs] = None,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> RateResult:
    """Count the cells of each unit by status and class for the SWC rate.

    ``path`` is a water-erosion soil-loss (t·km⁻²·a⁻¹) or intensity (1..6) raster;
    ``zone_path`` the units on its grid (1..n, 0 outside); ``rate_inputs`` the
    optional wind raster and erosion-type zones on the same grid.  Every cell of a
    unit is land: a cell without a value is counted as without data.
    """
    if kind == KIND_AUTO:
        kind = detect_kind(path)
    extra = rate_inputs or RateInputs()
    wind_kind = extra.resolved_wind_kind() if extra.wind_path else None
    edges = intensity_bounds(tolerance)
    ds, grid = open_raster(path)
    keep: List[Any] = [ds]
    sources = [(ds.GetRasterBand(1), grid.nodata)]
    slots: Dict[str, int] = {}
    for label, p in (("ZONES", zone_path), ("WIND", extra.wind_path), ("EROSION_TYPES", extra.types_path)):
        if not p:
            continue
        ods, ogrid = open_aligned(p, grid, label)
        keep.append(ods)
        slots[label] = len(sources)
        sources.append((ods.GetRasterBand(1), ogrid.nodata if label == "WIND" else None))
    counts = RateCounts.empty(n_zones + 1, has_wind=bool(extra.wind_path))
    type_cells = np.zeros(4, dtype=np.int64)

    def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
        water = classes_of(arrays[0], kind, edges[0])
        zone = zone_labels(arrays[slots["ZONES"]], n_zones)
        wind, etype = wind_and_types(arrays, slots, wind_kind, zone > 0, type_cells)
        counts.add(zone, zone > 0, water, wind, etype)
        return []

    map_blocks(
        sources,
        grid,
        kernel,
        [],
        block_rows=block_rows,
        block_cols=block_cols,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    del keep
    return RateResult(
        cell_area=grid.cell_area,
        counts=counts,
        kind=kind,
        wind_kind=wind_kind,
        type_cells={k: int(v) for k, v in enumerate(type_cells) if v},
    )


def area_outside_grid(wkbs: Sequence[bytes], grid: Any) -> float:
    """Area (m², in the grid's CRS) of polygons lying outside the grid's extent.

    ``grid`` is a :class:`..grid.GridSpec`; the polygons are WKB in its CRS.  Used to count
    the part of a unit beyond the raster as land without data.

    >>> from ..grid import GridSpec
    >>> from osgeo import ogr
    >>> g = GridSpec((0.0, 10.0, 0.0, 100.0, 0.0, -10.0), (10, 10), None, "")
    >>> sq = ogr.CreateGeometryFromWkt("POLYGON ((50 50, 150 50, 150 150, 50 150, 50 50))")
    >>> area_outside_grid([bytes(sq.ExportToWkb())], g)
    7500.0
    """
    from osgeo import ogr

    from ..io import gdal_exceptions

    x0, dx, _rx, y0, _ry, dy = grid.geotransform
    rows, cols = grid.shape
    xs = sorted((x0, x0 + dx * cols))
    ys = sorted((y0, y0 + dy * rows))
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((xs[0], ys[0]), (xs[1], ys[0]), (xs[1], ys[1]), (xs[0], ys[1]), (xs[0], ys[0])):
        ring.AddPoint_2D(x, y)
    box = ogr.Geometry(ogr.wkbPolygon)
    box.AddGeometry(ring)
    total = 0.0
    with gdal_exceptions():
        for wkb in wkbs:
            geom = ogr.CreateGeometryFromWkb(bytes(wkb))
            if geom is None or geom.IsEmpty():
                continue
            if not geom.IsValid():
                geom = geom.Buffer(0)
            area = geom.GetArea()
            inside = geom.Intersection(box)
            total += max(area - (inside.GetArea() if inside is not None else 0.0), 0.0)
    return total
