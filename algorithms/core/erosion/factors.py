"""CSLE factors on arrays: S, m, L (from slope length or upslope area), LS of a DEM, B from FVC.

A = R·K·L·S·B·E·T (domain.md §3).  Units: R in MJ·mm·hm⁻²·h⁻¹·a⁻¹, K in
t·hm²·h·hm⁻²·MJ⁻¹·mm⁻¹, L, S, B, E, T dimensionless; R·K·L·S·B·E·T is in
t·hm⁻²·a⁻¹ and the core writes **t·km⁻²·a⁻¹** (× :data:`HM2_TO_KM2`).

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
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..hydrology import (
    DEFAULT_MAX_MEMORY_MB,
    check_memory,
    d8_directions,
    fill_depressions,
    flow_accumulation,
)
from ..io.raster import (
    FLOAT_NODATA,
    CancelFn,
    ProgressFn,
    _never,
    _noop_progress,
    band_statistics,
    check_cancel,
    read_array,
    read_grid,
    write_array,
)
from ..standards import CSLE_M_BREAKS_DEG, CSLE_M_VALUES, CSLE_MAX_SLOPE_LENGTH_M, CSLE_UNIT_PLOT_LENGTH_M
from ..terrain import horn_gradient, slope_array

#: t·hm⁻²·a⁻¹ → t·km⁻²·a⁻¹
HM2_TO_KM2 = 100.0
#: Peak working memory of :func:`ls_factor_arrays`, bytes per DEM cell (DEM,
#: filled DEM, codes, two accumulations, slope, x, m, L, S and temporaries).
LS_BYTES_PER_CELL = 120
#: An FVC raster whose maximum exceeds this holds percent, not fractions.
FVC_PERCENT_ABOVE = 1.5


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
    """Compute L, S, LS of a DEM file and write those whose path is given (Float32).

    The memory check comes before the DEM is read: a DEM above ``max_memory_mb`` is refused
    with its stated bytes per cell without allocating it.
    """
    grid = read_grid(dem_path)
    grid.check_usable()
    check_memory(grid.shape, LS_BYTES_PER_CELL, max_memory_mb, "LS factor")
    z, grid = read_array(dem_path)
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
            write_array(path, grid, arr, nodata=FLOAT_NODATA, is_cancelled=is_cancelled)
    progress(1.0)
    return result


# ---------------------------------------------------------------------------
# B, E, T: values looked up per cell
# ---------------------------------------------------------------------------


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


def fvc_unit(path: str) -> Tuple[bool, float]:
    """Whether an FVC raster holds percent (its maximum above 1.5) rather than fractions.

    Returns ``(percent, maximum)``; the maximum is exact (all valid cells).
    """
    maximum = band_statistics(path)[1]
    return maximum > FVC_PERCENT_ABOVE, maximum
