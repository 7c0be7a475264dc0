"""SL 190-2007 erosion intensity classes and the soil-and-water-conservation rate (水土保持率).

Intensity classes (SL 190-2007, t·km⁻²·a⁻¹) are **lower-bound inclusive**
intervals: 1 微度 [0, T), 2 轻度 [T, 2 500), 3 中度 [2 500, 5 000), 4 强烈
[5 000, 8 000), 5 极强烈 [8 000, 15 000), 6 剧烈 [15 000, ∞), T the tolerance.
So exactly 2 500 is 中度 and exactly T is 轻度 (eroded).

水土保持率 (%) = (land area − area at 轻度 or above) / land area × 100.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

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
    open_raster,
    unique_codes,
)
from ..standards import EROSION_CLASS_BOUNDS, TOLERANCE_T_KM2_A
from ..zones import bincount2

N_CLASSES = 6


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


def zone_summary(
    class_cells: np.ndarray,
    loss_sum: float,
    cell_area: float,
    base_class_cells: Optional[np.ndarray] = None,
    base_loss_sum: Optional[float] = None,
) -> Dict[str, Optional[float]]:
    """Areas (km²) per class, mean modulus, total loss (t/a), eroded area, rate."""
    km2 = cell_area / 1e6
    cells = float(class_cells[1:].sum())
    eroded = float(class_cells[2:].sum())
    row: Dict[str, Optional[float]] = {
        "AREA_KM2": cells * km2,
        "ERODED_KM2": eroded * km2,
        "ERODED_PCT": 100.0 * eroded / cells if cells else None,
        "MEAN_MODULUS": float(loss_sum) / cells if cells else None,
        "SOIL_LOSS_T": float(loss_sum) * km2,
        "SWC_RATE": swc_rate(cells, eroded),
    }
    for c in range(1, N_CLASSES + 1):
        row[f"C{c}_KM2"] = float(class_cells[c]) * km2
    if base_class_cells is not None and base_loss_sum is not None:
        b_cells = float(base_class_cells[1:].sum())
        b_eroded = float(base_class_cells[2:].sum())
        row["BASE_LOSS_T"] = float(base_loss_sum) * km2
        row["BASE_MODULUS"] = float(base_loss_sum) / b_cells if b_cells else None
        row["BASE_ERODED_KM2"] = b_eroded * km2
        row["BASE_SWC_RATE"] = swc_rate(b_cells, b_eroded)
        row["REDUCTION_T"] = row["BASE_LOSS_T"] - row["SOIL_LOSS_T"]  # type: ignore[operator]
        row["REDUCTION_PCT"] = (
            100.0 * row["REDUCTION_T"] / row["BASE_LOSS_T"]  # type: ignore
            if row["BASE_LOSS_T"]
            else None
        )
        rate, base_rate = row["SWC_RATE"], row["BASE_SWC_RATE"]
        row["RATE_GAIN"] = (rate - base_rate) if rate is not None and base_rate is not None else None
    else:
        for key in (
            "BASE_LOSS_T",
            "BASE_MODULUS",
            "BASE_ERODED_KM2",
            "BASE_SWC_RATE",
            "REDUCTION_T",
            "REDUCTION_PCT",
            "RATE_GAIN",
        ):
            row[key] = None
    return row


#: Below this share of a unit covered by the raster (%), the rate refers only to the covered part.
COVER_WARN_PCT = 95.0


@dataclass(frozen=True)
class TargetGap:
    """How far a unit's rate is from one target."""

    target: float  # %
    gap: Optional[float]  # target − rate, percentage points (None: no cell in the unit)
    treat_km2: Optional[float]  # eroded area to bring below the tolerance (km²)


@dataclass(frozen=True)
class UnitRate:
    """The SWC rate of one unit with its gaps to the targets and the raster's cover of the unit."""

    summary: Dict[str, Optional[float]]  # :func:`zone_summary` of the unit's cells
    poly_km2: float  # the unit's polygon area
    cover_pct: Optional[float]  # raster cells / polygon area (%)
    targets: List[TargetGap]

    @property
    def area_km2(self) -> float:
        """Area of the unit's cells with a value (km²)."""
        return float(self.summary["AREA_KM2"] or 0.0)

    @property
    def eroded_km2(self) -> float:
        """Area at 轻度 or above (km²)."""
        return float(self.summary["ERODED_KM2"] or 0.0)

    @property
    def rate(self) -> Optional[float]:
        """水土保持率 (%), ``None`` for a unit without cells."""
        return self.summary["SWC_RATE"]

    @property
    def partly_covered(self) -> bool:
        """The raster covers less than :data:`COVER_WARN_PCT` of the unit."""
        return self.cover_pct is not None and self.cover_pct < COVER_WARN_PCT


def unit_rate(
    class_cells: np.ndarray, cell_area: float, poly_area_m2: float, targets: Sequence[float]
) -> UnitRate:
    """SWC rate of a unit from its cells per class, the gap to each target and the area to treat.

    >>> cells = np.array([0, 70, 20, 10, 0, 0, 0])  # 100 cells of 1 km², 30 eroded
    >>> u = unit_rate(cells, 1e6, 125e6, [79.96, 60.0])
    >>> u.rate, u.cover_pct, [(round(t.gap, 2), round(t.treat_km2, 2)) for t in u.targets]
    (70.0, 80.0, [(9.96, 9.96), (-10.0, 0.0)])
    """
    summary = zone_summary(class_cells, 0.0, cell_area)
    area = float(summary["AREA_KM2"] or 0.0)
    eroded = float(summary["ERODED_KM2"] or 0.0)
    rate = summary["SWC_RATE"]
    poly_km2 = poly_area_m2 / 1e6
    gaps = [
        TargetGap(
            float(t),
            None if rate is None else float(t) - rate,
            None if rate is None else area_to_treat(area, eroded, float(t)),
        )
        for t in targets
    ]
    cover = 100.0 * area / poly_km2 if poly_km2 > 0 else None
    return UnitRate(summary, poly_km2, cover, gaps)


KIND_AUTO, KIND_MODULUS, KIND_INTENSITY = 0, 1, 2


def detect_kind(path: str) -> int:
    """Intensity raster when integer-typed with values within 0..6, else soil loss."""
    if is_float_band(path):
        return KIND_MODULUS
    vals = unique_codes(path)
    return KIND_INTENSITY if vals and min(vals) >= 0 and max(vals) <= N_CLASSES else KIND_MODULUS


@dataclass
class RateResult:
    """``class_cells[z, c]`` per zone (0 = outside) and class 1..6 (0 unused)."""

    cell_area: float
    class_cells: np.ndarray
    kind: int


def swc_rate_cells(
    path: str,
    zone_path: str,
    n_zones: int,
    *,
    kind: int = KIND_AUTO,
    tolerance: float = TOLERANCE_T_KM2_A,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> RateResult:
    """Count cells per zone and intensity class of a soil-loss (t·km⁻²·a⁻¹) or an
    intensity (1..6) raster; ``zone_path`` is aligned on it (1..n, 0 outside)."""
    if kind == KIND_AUTO:
        kind = detect_kind(path)
    edges = intensity_bounds(tolerance)
    ds, grid = open_raster(path)
    zds, zgrid = open_raster(zone_path)
    if zgrid.shape != grid.shape:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The raster {label} is not aligned on the DEM/LS grid."),
            label="ZONES",
        )
    counts = np.zeros((n_zones + 1, N_CLASSES + 1), dtype=np.int64)

    def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
        a = arrays[0]
        if kind == KIND_INTENSITY:
            cls = np.nan_to_num(a, nan=0.0).astype(np.int64)
            cls[(cls < 1) | (cls > N_CLASSES)] = 0
        else:
            cls = classify_intensity(a, edges[0]).astype(np.int64)
        zone = np.nan_to_num(arrays[1], nan=0.0).astype(np.int64)
        ok = cls > 0
        counts[:] += bincount2(zone[ok], cls[ok], n_zones + 1, N_CLASSES + 1)
        return []

    map_blocks(
        [(ds.GetRasterBand(1), grid.nodata), (zds.GetRasterBand(1), None)],
        grid,
        kernel,
        [],
        block_rows=block_rows,
        block_cols=block_cols,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    return RateResult(cell_area=grid.cell_area, class_cells=counts, kind=kind)
