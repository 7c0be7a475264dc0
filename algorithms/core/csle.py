"""Chinese Soil Loss Equation (CSLE): A = R·K·L·S·B·E·T, erosion intensity, SWC rate.

Pure numpy/GDAL.  Sections of ``shared/docs/domain.md``: §3 (factors), §4
(SL 190-2007 classes), §5 (水土保持率).

Units
-----
* R: MJ·mm·hm⁻²·h⁻¹·a⁻¹; K: t·hm²·h·hm⁻²·MJ⁻¹·mm⁻¹; L, S, B, E, T: dimensionless.
* R·K·L·S·B·E·T is in t·hm⁻²·a⁻¹; the outputs here are **t·km⁻²·a⁻¹** (× 100).

Factors
-------
* S by slope angle θ (Horn slope, degrees, as ``gdaldem slope``): 10.8 sin θ + 0.03
  for θ < 5°, 16.8 sin θ − 0.50 for 5° ≤ θ < 10°, 21.91 sin θ − 0.96 for θ ≥ 10°
  (McCool et al. 1987; Liu, Nearing & Risse 1994).
* L from the upslope contributing area by Desmet & Govers (1996)::

      L = [(A_in + D²)^(m+1) − A_in^(m+1)] / [D^(m+2) · x^m · 22.13^m]

  with A_in the area draining into the cell's inlet (m², the cell itself
  excluded), D the cell size, x = |sin α| + |cos α| (α = aspect).  This is the
  USLE segment formula ``(λ_out^(m+1) − λ_in^(m+1)) / ((λ_out − λ_in)·22.13^m)``
  with λ_in = A_in / (D·x) and λ_out = λ_in + D/x, so on a uniform slope the
  area-weighted mean of L over a slope of length λ is exactly (λ/22.13)^m.
  The maximum slope length caps λ_in at λ_max − D/x (never below 0): cells
  further down get the L of the last cell of a λ_max-long slope.  Channel
  cells (upslope area ≥ the channel area) stop the slope: no area passes
  through them, and a channel cell's own λ_in is 0.
* m by slope class (upper bound included): 0.2 for θ ≤ 1°, 0.3 for θ ≤ 3°,
  0.4 for θ ≤ 5°, 0.5 above (domain.md §3.2 [U], configurable).

Intensity classes (SL 190-2007, t·km⁻²·a⁻¹) are **lower-bound inclusive**
intervals: 1 微度 [0, T), 2 轻度 [T, 2 500), 3 中度 [2 500, 5 000), 4 强烈
[5 000, 8 000), 5 极强烈 [8 000, 15 000), 6 剧烈 [15 000, ∞), T the tolerance.
So exactly 2 500 is 中度 and exactly T is 轻度 (eroded).

水土保持率 (%) = (land area − area at 轻度 or above) / land area × 100.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal

from .errors import QT_TRANSLATE_NOOP, InputError
from .grid import GridSpec
from .hydrology import (
    DEFAULT_MAX_MEMORY_MB,
    check_memory,
    d8_directions,
    fill_depressions,
    flow_accumulation,
)
from .io.raster import (
    DEFAULT_BLOCK,
    FLOAT_NODATA,
    CancelFn,
    ProgressFn,
    RasterWriter,
    _never,
    _noop_progress,
    check_cancel,
    is_float_band,
    map_blocks,
    open_raster,
    read_array,
    unique_codes,
    write_array,
)
from .io.tables import read_table, table_number
from .standards import (
    CSLE_M_BREAKS_DEG,
    CSLE_M_VALUES,
    CSLE_MAX_SLOPE_LENGTH_M,
    CSLE_UNIT_PLOT_LENGTH_M,
    EROSION_CLASS_BOUNDS,
    TOLERANCE_T_KM2_A,
)
from .terrain import horn_gradient, slope_array
from .zones import bincount2, code_matches

#: t·hm⁻²·a⁻¹ → t·km⁻²·a⁻¹
HM2_TO_KM2 = 100.0
SOIL_LOSS_NODATA = FLOAT_NODATA
N_CLASSES = 6
#: Peak working memory of :func:`ls_factor_arrays`, bytes per DEM cell (DEM,
#: filled DEM, codes, two accumulations, slope, x, m, L, S and temporaries).
LS_BYTES_PER_CELL = 120


# ---------------------------------------------------------------------------
# factors on arrays
# ---------------------------------------------------------------------------


def s_factor(slope_deg: np.ndarray) -> np.ndarray:
    """CSLE slope-steepness factor S of slope angles in degrees (NaN stays NaN).

    >>> [round(float(v), 4) for v in s_factor(np.array([0.0, 3.0, 7.0, 12.0, 30.0]))]
    [0.03, 0.5952, 1.5474, 3.5953, 9.995]
    """
    theta = np.asarray(slope_deg, dtype=np.float64)
    s = np.sin(np.radians(theta))
    with np.errstate(invalid="ignore"):
        out = np.where(
            theta < 5.0, 10.8 * s + 0.03, np.where(theta < 10.0, 16.8 * s - 0.50, 21.91 * s - 0.96)
        )
    return out


def m_exponent(
    slope_deg: np.ndarray,
    breaks: Sequence[float] = CSLE_M_BREAKS_DEG,
    values: Sequence[float] = CSLE_M_VALUES,
) -> np.ndarray:
    """Slope-length exponent m by slope class; a break belongs to the lower class.

    >>> m_exponent(np.array([0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 5.1])).tolist()
    [0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.5]
    """
    if len(values) != len(breaks) + 1:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The slope-length exponents need one value more than the slope breaks "
                "({n_breaks} breaks, {n_values} values), e.g. breaks 1,3,5 and values "
                "0.2,0.3,0.4,0.5.",
            ),
            n_breaks=len(breaks),
            n_values=len(values),
        )
    theta = np.nan_to_num(np.asarray(slope_deg, dtype=np.float64), nan=0.0)
    idx = np.searchsorted(np.asarray(breaks, dtype=np.float64), theta, side="left")
    return np.asarray(values, dtype=np.float64)[idx]


def l_factor_length(length_m: np.ndarray, m: np.ndarray) -> np.ndarray:
    """L = (λ / 22.13)^m for a horizontal slope length λ in metres.

    >>> round(float(l_factor_length(np.array(88.52), np.array(0.5))), 6)
    2.0
    """
    return (np.asarray(length_m, dtype=np.float64) / CSLE_UNIT_PLOT_LENGTH_M) ** np.asarray(m)


def flow_width_factor(dem: np.ndarray, cellsize_x: float, cellsize_y: float) -> np.ndarray:
    """x = |sin α| + |cos α| of the Horn aspect α (1 on flat cells, NaN at nodata).

    The gradient is :func:`~swc_planner.algorithms.core.terrain.horn_gradient`
    of the DEM padded by repeating its edge cells.

    >>> z = np.add.outer(np.arange(4.0), np.arange(4.0))  # aspect 45°: x = √2
    >>> round(float(flow_width_factor(z, 1.0, 1.0)[1, 1]), 6)
    1.414214
    """
    z = np.asarray(dem, dtype=np.float64)
    dzdx, dzdy = horn_gradient(np.pad(z, 1, mode="edge"), cellsize_x, cellsize_y)
    norm = np.hypot(dzdx, dzdy)
    with np.errstate(invalid="ignore", divide="ignore"):
        x = (np.abs(dzdx) + np.abs(dzdy)) / norm
    x = np.where(norm > 0, x, 1.0)
    x[np.isnan(z)] = np.nan
    return x


def l_factor_from_area(
    upslope_in_m2: np.ndarray,
    cellsize: float,
    m: np.ndarray,
    x: Optional[np.ndarray] = None,
    max_length_m: Optional[float] = CSLE_MAX_SLOPE_LENGTH_M,
) -> np.ndarray:
    """Desmet–Govers L from the area draining into each cell's inlet.

    This is the part of the L factor that needs no flow routing, so it can be
    fed by any upslope-area source.

    Parameters
    ----------
    upslope_in_m2 : contributing area at the inlet (m²), the cell itself
        **excluded** (0 on ridges); NaN at nodata.
    cellsize : cell size D (m).
    m : slope-length exponent per cell (or a scalar).
    x : flow-width factor |sin α| + |cos α| per cell (default 1).
    max_length_m : cap on the slope length λ (m); ``None`` or ≤ 0: no cap.

    Returns
    -------
    L (float64); NaN where the area is NaN.

    Examples
    --------
    The first cell of a slope (no inflow), D = 22.13 m: L = 1.

    >>> round(float(l_factor_from_area(np.array([0.0]), 22.13, np.array([0.5]))[0]), 12)
    1.0
    """
    a_in = np.asarray(upslope_in_m2, dtype=np.float64)
    m = np.broadcast_to(np.asarray(m, dtype=np.float64), a_in.shape)
    xx = np.ones_like(a_in) if x is None else np.nan_to_num(np.asarray(x, dtype=np.float64), nan=1.0)
    d = float(cellsize)
    step = d / xx  # λ_out − λ_in
    lam_in = np.maximum(a_in, 0.0) / (d * xx)
    if max_length_m is not None and max_length_m > 0:
        lam_in = np.minimum(lam_in, np.maximum(float(max_length_m) - step, 0.0))
    lam_out = lam_in + step
    with np.errstate(invalid="ignore"):
        out = (lam_out ** (m + 1.0) - lam_in ** (m + 1.0)) / (step * CSLE_UNIT_PLOT_LENGTH_M**m)
    out[np.isnan(a_in)] = np.nan
    return out


@dataclass
class LSResult:
    """L, S and LS on the DEM grid (float64, NaN at nodata) and routing statistics."""

    l: np.ndarray  # noqa: E741
    s: np.ndarray
    ls: np.ndarray
    slope: np.ndarray
    channel_cells: int = 0


def ls_factor_arrays(
    dem: np.ndarray,
    cellsize_x: float,
    cellsize_y: float,
    *,
    max_length_m: Optional[float] = CSLE_MAX_SLOPE_LENGTH_M,
    channel_area_m2: Optional[float] = None,
    m_breaks: Sequence[float] = CSLE_M_BREAKS_DEG,
    m_values: Sequence[float] = CSLE_M_VALUES,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> LSResult:
    """L, S and LS of a whole DEM array (NaN = nodata).

    Slope (Horn, degrees) and aspect come from the DEM as given; flow routing
    (depression filling, D8, accumulation) from :mod:`.hydrology`.  With
    ``channel_area_m2`` the slope length is reset on channel cells (upslope
    area ≥ that value).  ``max_length_m`` caps the slope length.
    """
    z = np.asarray(dem, dtype=np.float64)
    check_memory(z.shape, LS_BYTES_PER_CELL, max_memory_mb, "LS factor")
    d = math.sqrt(cellsize_x * cellsize_y)
    cell_area = cellsize_x * cellsize_y
    slope = slope_array(z, cellsize_x, cellsize_y)
    progress(0.05)
    check_cancel(is_cancelled)
    filled = fill_depressions(
        z,
        cellsize_x=cellsize_x,
        cellsize_y=cellsize_y,
        max_memory_mb=max_memory_mb,
        is_cancelled=is_cancelled,
        progress=lambda f: progress(0.05 + 0.35 * f),
    )
    codes = d8_directions(
        filled, cellsize_x, cellsize_y, max_memory_mb=max_memory_mb, is_cancelled=is_cancelled
    )
    del filled
    progress(0.5)
    n_channel = 0
    if channel_area_m2 is not None and channel_area_m2 > 0:
        acc = flow_accumulation(
            codes,
            max_memory_mb=max_memory_mb,
            is_cancelled=is_cancelled,
            progress=lambda f: progress(0.5 + 0.15 * f),
        )
        with np.errstate(invalid="ignore"):
            channel = acc * cell_area >= channel_area_m2
        del acc
        n_channel = int(channel.sum())
        codes = codes.copy()
        codes[channel] = 0  # channel cells pass nothing on: the slope ends there
        acc = flow_accumulation(
            codes,
            max_memory_mb=max_memory_mb,
            is_cancelled=is_cancelled,
            progress=lambda f: progress(0.65 + 0.15 * f),
        )
        a_in = (acc - 1.0) * cell_area
        a_in[channel] = 0.0
        a_in[np.isnan(z)] = np.nan
    else:
        acc = flow_accumulation(
            codes,
            max_memory_mb=max_memory_mb,
            is_cancelled=is_cancelled,
            progress=lambda f: progress(0.5 + 0.3 * f),
        )
        a_in = (acc - 1.0) * cell_area
    del acc, codes
    check_cancel(is_cancelled)
    m = m_exponent(slope, m_breaks, m_values)
    x = flow_width_factor(z, cellsize_x, cellsize_y)
    l_fac = l_factor_from_area(a_in, d, m, x, max_length_m)
    s_fac = s_factor(slope)
    l_fac[np.isnan(slope)] = np.nan
    progress(1.0)
    return LSResult(l=l_fac, s=s_fac, ls=l_fac * s_fac, slope=slope, channel_cells=n_channel)


def ls_factor_rasters(
    dem_path: str,
    l_path: Optional[str],
    s_path: Optional[str],
    ls_path: Optional[str],
    *,
    max_length_m: Optional[float] = CSLE_MAX_SLOPE_LENGTH_M,
    channel_area_m2: Optional[float] = None,
    m_breaks: Sequence[float] = CSLE_M_BREAKS_DEG,
    m_values: Sequence[float] = CSLE_M_VALUES,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> LSResult:
    """Compute L, S, LS of a DEM file and write those whose path is given (Float32)."""
    z, grid = read_array(dem_path)
    grid.check_usable()
    if not np.isfinite(z).any():
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "The DEM {path} has no valid cells."), path=dem_path)
    result = ls_factor_arrays(
        z,
        grid.cellsize_x,
        grid.cellsize_y,
        max_length_m=max_length_m,
        channel_area_m2=channel_area_m2,
        m_breaks=m_breaks,
        m_values=m_values,
        max_memory_mb=max_memory_mb,
        progress=lambda f: progress(0.9 * f),
        is_cancelled=is_cancelled,
    )
    for path, arr in ((l_path, result.l), (s_path, result.s), (ls_path, result.ls)):
        if path:
            write_array(path, grid, arr, nodata=SOIL_LOSS_NODATA, is_cancelled=is_cancelled)
    progress(1.0)
    return result


# ---------------------------------------------------------------------------
# intensity and rate
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# editable lookup tables (CSV with '#' comment lines)
# ---------------------------------------------------------------------------


@dataclass
class LandUseClass:
    """One row of the land-use table: fixed B and T, and the FVC cover type."""

    code: str
    name: str
    b: float
    t: float
    cover: str = ""  # "forest", "grass" or "" (B from FVC where FVC is given)


def read_landuse_table(path: str) -> List[LandUseClass]:
    """Land use → B, T table (columns code, name, B, T, cover)."""
    rows = read_table(path, ("code", "b", "t"))
    out = []
    for row in rows:
        cover = row.get("cover", "").lower()
        if cover not in ("", "forest", "grass", "none"):
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The lookup table {path}: row {code}, column cover must be forest, "
                    "grass or empty, not \u201c{value}\u201d.",
                ),
                path=path,
                code=row["code"],
                value=cover,
            )
        out.append(
            LandUseClass(
                row["code"],
                row.get("name_zh") or row.get("name", ""),
                table_number(row, "b", path),
                table_number(row, "t", path),
                "" if cover == "none" else cover,
            )
        )
    return out


@dataclass
class Measure:
    """One row of the measure table: E, and T (``None`` = tillage unchanged)."""

    code: str
    names: Tuple[str, ...]
    e: float
    t: Optional[float]


def read_measure_table(path: str) -> List[Measure]:
    """Measure → E (and optional T) table (columns code, name_zh, name_en, E, T)."""
    rows = read_table(path, ("code", "e"))
    out = []
    for row in rows:
        t = table_number(row, "t", path, default=-1.0)
        names = tuple(n for n in (row["code"], row.get("name_zh", ""), row.get("name_en", "")) if n)
        out.append(
            Measure(row["code"], names, table_number(row, "e", path), None if t is not None and t < 0 else t)
        )
    return out


def read_fvc_table(path: str) -> Dict[str, Tuple[np.ndarray, np.ndarray]]:
    """FVC → B table (columns cover, fvc_min, B): per cover type the sorted lower bounds
    (fraction 0–1) and B values."""
    rows = read_table(path, ("cover", "fvc_min", "b"))
    groups: Dict[str, List[Tuple[float, float]]] = {}
    for row in rows:
        lo = table_number(row, "fvc_min", path, high=100.0)
        lo = lo / 100.0 if lo > 1.0 else lo
        groups.setdefault(row["cover"].lower(), []).append((lo, table_number(row, "b", path)))
    out = {}
    for cover, items in groups.items():
        items.sort()
        out[cover] = (np.array([i[0] for i in items]), np.array([i[1] for i in items]))
    return out


def read_value_table(path: str, column: str = "k", high: float = 1.0) -> Tuple[np.ndarray, np.ndarray]:
    """Class code → value table (e.g. soil class → K): sorted numeric codes and values."""
    rows = read_table(path, ("code", column))
    pairs = []
    for row in rows:
        try:
            code = float(row["code"])
        except ValueError as exc:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The lookup table {path}: the code \u201c{code}\u201d is not a number "
                    "(a class raster holds numbers).",
                ),
                path=path,
                code=row["code"],
            ) from exc
        pairs.append((code, table_number(row, column, path, high=high)))
    pairs.sort()
    return (
        np.array([p[0] for p in pairs], dtype=np.float64),
        np.array([p[1] for p in pairs], dtype=np.float64),
    )


def fvc_to_b(fvc: np.ndarray, table: Tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """B of a cover type from the vegetation cover fraction (lower bounds inclusive).

    >>> lows, bs = np.array([0.0, 0.2, 0.4, 0.6, 0.8]), np.array([.45, .24, .15, .09, .043])
    >>> fvc_to_b(np.array([0.1, 0.2, 0.79, 0.8, 1.0]), (lows, bs)).tolist()
    [0.45, 0.24, 0.09, 0.043, 0.043]
    """
    lows, bs = table
    idx = np.searchsorted(lows, np.nan_to_num(fvc, nan=0.0), side="right") - 1
    out = bs[np.clip(idx, 0, len(bs) - 1)]
    return np.where(np.isnan(fvc), np.nan, out)


def match_landuse(codes: Sequence[object], table: Sequence[LandUseClass]) -> Tuple[List[int], List[str]]:
    """Row index (first matching pattern) for each code, and the unmatched codes.

    A numeric code that matches no row is tried again zero-padded to 4 digits,
    because rasters cannot keep the leading zero of land-survey codes (0103 is
    stored as 103).

    >>> rows = [LandUseClass("0103", "", 1.0, 1.0), LandUseClass("03*", "", 0.02, 1.0)]
    >>> match_landuse([103, "0301", 301, 9], rows)
    ([0, 1, 1, -1], ['9'])
    """
    out, missing = [], []
    for code in codes:
        hit = -1
        text = code_text(code)
        candidates = [text]
        if text.isdigit() and len(text) < 4:
            candidates.append(text.zfill(4))
        for cand in candidates:
            for i, row in enumerate(table):
                if code_matches(cand, [row.code]):
                    hit = i
                    break
            if hit >= 0:
                break
        if hit < 0:
            missing.append(code_text(code))
        out.append(hit)
    return out, missing


def match_measures(values: Sequence[object], table: Sequence[Measure]) -> Tuple[List[int], List[str]]:
    """Row index for each measure type (matched on code, Chinese or English name,
    case-insensitive), and the unmatched values."""
    out, missing = [], []
    for value in values:
        text = code_text(value).lower()
        hit = -1
        for i, row in enumerate(table):
            if text in (n.lower() for n in row.names):
                hit = i
                break
        if hit < 0:
            missing.append(code_text(value))
        out.append(hit)
    return out, missing


def code_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def unmatched_error(kind: str, missing: Sequence[str], path: str) -> InputError:
    shown = ", ".join(sorted(set(missing), key=str)[:30])
    if kind == "measure":
        return InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "These measure types are not in the measure table {path}: {codes}. Add a "
                "row (code, name, E, T) for each, or correct the measure field.",
            ),
            path=path,
            codes=shown,
        )
    return InputError(
        QT_TRANSLATE_NOOP(
            "SwcCore",
            "These land-use codes are not in the land-use table {path}: {codes}. Add a "
            "row (code, B, T) for each, or choose the table that matches the land-use "
            "classification.",
        ),
        path=path,
        codes=shown,
    )


# ---------------------------------------------------------------------------
# soil loss
# ---------------------------------------------------------------------------


@dataclass
class FactorSource:
    """A factor as a constant, or a raster aligned on the reference grid.

    With ``codes``/``values`` the raster holds class codes and each code's
    value is looked up (codes not listed give NaN).
    """

    constant: Optional[float] = None
    path: Optional[str] = None
    codes: Optional[np.ndarray] = None
    values: Optional[np.ndarray] = None

    def lookup(self, raw: np.ndarray) -> np.ndarray:
        if self.codes is None or self.values is None:
            return raw
        return lookup_values(raw, self.codes, self.values)


def lookup_values(raw: np.ndarray, codes: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``values[i]`` where ``raw == codes[i]`` (codes sorted); NaN elsewhere."""
    out = np.full(raw.shape, np.nan)
    if codes.size == 0:
        return out
    ok = ~np.isnan(raw)
    pos = np.searchsorted(codes, raw[ok])
    pos = np.clip(pos, 0, codes.size - 1)
    hit = codes[pos] == raw[ok]
    vals = np.where(hit, values[pos], np.nan)
    out[ok] = vals
    return out


@dataclass
class LandUseSource:
    """Land use on the grid: class codes, each code's B, T and cover type."""

    path: str
    codes: np.ndarray  # sorted
    b: np.ndarray
    t: np.ndarray
    cover: List[str]


@dataclass
class MeasureSource:
    """Measure index raster (0 = none) and per index E and T (NaN T = unchanged)."""

    path: str
    e: np.ndarray  # index 0 = no measure (E = 1)
    t: np.ndarray


@dataclass
class SoilLossResult:
    """Zonal statistics of a soil-loss run.

    Arrays are indexed by zone (0 = outside every zone, or the whole grid
    without zones).  ``class_cells[z, c]``: cells of class c (1..6);
    ``loss[z]``: Σ modulus (t·km⁻²·a⁻¹ summed over cells; × cell area in km²
    gives t/a).  ``base_*`` hold the same for the baseline (without measures
    or the BASELINE raster) when there is one.
    """

    cell_area: float
    class_cells: np.ndarray
    loss: np.ndarray
    base_class_cells: Optional[np.ndarray] = None
    base_loss: Optional[np.ndarray] = None
    missing: Dict[str, int] = field(default_factory=dict)
    factor_means: Dict[str, float] = field(default_factory=dict)

    def zone_row(self, z: int) -> Dict[str, Optional[float]]:
        """Table values of zone ``z`` (km², t/a, t·km⁻²·a⁻¹, %)."""
        return zone_summary(
            self.class_cells[z],
            self.loss[z],
            self.cell_area,
            None if self.base_class_cells is None else self.base_class_cells[z],
            None if self.base_loss is None else self.base_loss[z],
        )


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


def soil_loss(
    ls: FactorSource,
    r: FactorSource,
    k: FactorSource,
    landuse: LandUseSource,
    out_path: str,
    intensity_path: Optional[str],
    *,
    fvc_path: Optional[str] = None,
    fvc_table: Optional[Dict[str, Tuple[np.ndarray, np.ndarray]]] = None,
    fvc_percent: bool = False,
    measures: Optional[MeasureSource] = None,
    baseline_path: Optional[str] = None,
    zone_path: Optional[str] = None,
    n_zones: int = 0,
    tolerance: float = TOLERANCE_T_KM2_A,
    grid: Optional[GridSpec] = None,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> SoilLossResult:
    """Soil loss A = 100·R·K·LS·B·E·T (t·km⁻²·a⁻¹), its intensity class, zonal sums.

    All rasters must already be aligned on ``grid`` (see :func:`align_raster`);
    ``ls.path`` (or ``grid``) defines it.  A cell gets a value when the land
    use and every factor are valid there; cells with land use but a missing
    factor are counted per factor in :attr:`SoilLossResult.missing`.

    With ``measures`` the baseline is the same run with E = 1 and the land-use
    T; with ``baseline_path`` (a soil-loss raster, t·km⁻²·a⁻¹) it is that
    raster.  The baseline is only summarised, not written.
    """
    if grid is None:
        if not ls.path:
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "The soil-loss run needs a grid: give a DEM or an LS raster.")
            )
        _ds, grid = open_raster(ls.path)
    edges = intensity_bounds(tolerance)
    sources: List[Tuple[gdal.Band, Optional[float]]] = []
    keep: List[gdal.Dataset] = []
    slots: Dict[str, int] = {}

    def add(name: str, path: Optional[str]) -> None:
        if not path:
            return
        ds, g = open_raster(path)
        if g.shape != grid.shape:
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "The raster {label} is not aligned on the DEM/LS grid."),
                label=name,
            )
        keep.append(ds)
        slots[name] = len(sources)
        sources.append((ds.GetRasterBand(1), g.nodata))

    add("LS", ls.path)
    add("R", r.path)
    add("K", k.path)
    add("LANDUSE", landuse.path)
    add("FVC", fvc_path)
    add("MEASURES", measures.path if measures else None)
    add("BASELINE", baseline_path)
    add("ZONES", zone_path)
    n_z = n_zones + 1
    class_cells = np.zeros((n_z, N_CLASSES + 1), dtype=np.int64)
    loss = np.zeros(n_z, dtype=np.float64)
    has_base = measures is not None or bool(baseline_path)
    base_cells = np.zeros_like(class_cells) if has_base else None
    base_loss = np.zeros(n_z, dtype=np.float64) if has_base else None
    missing = {"LS": 0, "R": 0, "K": 0, "B": 0}
    sums = {"R": 0.0, "K": 0.0, "LS": 0.0, "B": 0.0, "E": 0.0, "T": 0.0, "n": 0.0}
    lu_cover = np.array(landuse.cover, dtype=object)
    forest_idx = np.array([c == "forest" for c in lu_cover], dtype=bool)
    grass_idx = np.array([c == "grass" for c in lu_cover], dtype=bool)

    def factor(src: FactorSource, name: str, arrays: List[np.ndarray], shape: Tuple[int, int]) -> np.ndarray:
        if name in slots:
            return src.lookup(arrays[slots[name]])
        constant = np.nan if src.constant is None else float(src.constant)
        return np.full(shape, constant, dtype=np.float64)

    def kernel(arrays: List[np.ndarray], window) -> List[np.ndarray]:
        shape = (window.rows, window.cols)
        lu_raw = arrays[slots["LANDUSE"]]
        pos = np.clip(
            np.searchsorted(landuse.codes, np.nan_to_num(lu_raw, nan=-1e300)),
            0,
            max(landuse.codes.size - 1, 0),
        )
        lu_ok = ~np.isnan(lu_raw) & (landuse.codes[pos] == lu_raw)
        b = np.where(lu_ok, landuse.b[pos], np.nan)
        t_lu = np.where(lu_ok, landuse.t[pos], np.nan)
        if "FVC" in slots and fvc_table:
            fvc = arrays[slots["FVC"]]
            if fvc_percent:
                fvc = fvc / 100.0
            for cover, mask_idx in (("forest", forest_idx), ("grass", grass_idx)):
                if cover in fvc_table and mask_idx.any():
                    sel = lu_ok & mask_idx[pos] & ~np.isnan(fvc)
                    if sel.any():
                        b[sel] = fvc_to_b(fvc[sel], fvc_table[cover])
        ls_a = factor(ls, "LS", arrays, shape)
        r_a = factor(r, "R", arrays, shape)
        k_a = factor(k, "K", arrays, shape)
        e_a = np.ones(shape)
        t_a = t_lu
        if measures is not None:
            idx = np.nan_to_num(arrays[slots["MEASURES"]], nan=0.0).astype(np.int64)
            idx = np.clip(idx, 0, measures.e.size - 1)
            e_a = measures.e[idx]
            t_m = measures.t[idx]
            t_a = np.where(np.isnan(t_m), t_lu, np.fmin(t_lu, t_m))
        for name, arr in (("LS", ls_a), ("R", r_a), ("K", k_a), ("B", b)):
            missing[name] += int(np.count_nonzero(lu_ok & np.isnan(arr)))
        base_factor = 100.0 * r_a * k_a * ls_a * b
        a = base_factor * e_a * t_a
        cls = classify_intensity(a, edges[0])
        valid = cls > 0
        if "ZONES" in slots:
            zone = np.nan_to_num(arrays[slots["ZONES"]], nan=0.0).astype(np.int64)
        else:
            zone = np.zeros(shape, dtype=np.int64)
        class_cells[:] += bincount2(zone[valid], cls[valid], n_z, N_CLASSES + 1)
        loss[:] += np.bincount(zone[valid], weights=a[valid], minlength=n_z)[:n_z]
        if valid.any():
            sums["n"] += float(valid.sum())
            for name, arr in (("R", r_a), ("K", k_a), ("LS", ls_a), ("B", b), ("E", e_a), ("T", t_a)):
                sums[name] += float(arr[valid].sum())
        if has_base:
            if baseline_path:
                a0 = arrays[slots["BASELINE"]]
            else:
                a0 = base_factor * t_lu
            cls0 = classify_intensity(a0, edges[0])
            v0 = cls0 > 0
            base_cells[:] += bincount2(zone[v0], cls0[v0], n_z, N_CLASSES + 1)  # type: ignore
            base_loss[:] += np.bincount(
                zone[v0],
                weights=a0[v0],  # type: ignore
                minlength=n_z,
            )[:n_z]
        out = [a.astype(np.float32)]
        if intensity_path:
            out.append(cls)
        return out

    with RasterWriter(out_path, grid, gdal.GDT_Float32, nodata=SOIL_LOSS_NODATA) as w_a:
        writers: List[Optional[RasterWriter]] = [w_a]
        w_c = None
        if intensity_path:
            w_c = RasterWriter(intensity_path, grid, gdal.GDT_Byte, nodata=0)
            writers.append(w_c)
        try:
            map_blocks(
                sources,
                grid,
                kernel,
                writers,
                block_rows=block_rows,
                block_cols=block_cols,
                progress=progress,
                is_cancelled=is_cancelled,
            )
            if class_cells.sum() == 0:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore",
                        "No cell has a soil-loss value: the land use and the factors "
                        "(R, K, LS) have no valid cell in common. Check that the rasters overlap "
                        "and that their nodata values are right.",
                    )
                )
            w_a.set_metadata({"UNITS": "t/km2/a", "TOLERANCE": str(tolerance)})
            w_a.commit()
            if w_c is not None:
                w_c.set_metadata({"TOLERANCE": str(tolerance)})
                w_c.commit()
        finally:
            if w_c is not None and w_c.ds is not None:
                w_c.discard()
    n = max(sums.pop("n"), 1.0)
    return SoilLossResult(
        cell_area=grid.cell_area,
        class_cells=class_cells,
        loss=loss,
        base_class_cells=base_cells,
        base_loss=base_loss,
        missing={k_: v for k_, v in missing.items() if v},
        factor_means={k_: v / n for k_, v in sums.items()},
    )


# ---------------------------------------------------------------------------
# SWC rate per unit from a soil-loss or an intensity raster
# ---------------------------------------------------------------------------

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

    def kernel(arrays, window):
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
