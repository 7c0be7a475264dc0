"""Rainfall erosivity R from station daily rainfall, and R interpolated onto a grid.

Model: Zhang Wenbo (章文波), Xie Yun (谢云), Liu Baoyuan (刘宝元) 2002, 《利用日雨量计算降雨侵蚀力的
方法研究》, 地理科学 22(6): 705–711, doi:10.13249/j.cnki.sgs.2002.06.705 (``shared/docs/domain.md``
§3.3).  The paper fits a half-month model on 71 Chinese weather stations and estimates its two
parameters from rainfall indexes (abstract, [C]).  For each half-month (days 1–15 and 16–end of each
month, 24 a year)::

    M = α · Σ P_j^β            over the erosive days j of the half-month (P_j ≥ 12 mm)
    β = 0.8363 + 18.144 / P_d12 + 24.455 / P_y12
    α = 21.586 · β^(−7.1891)

with P_d12 the mean rainfall of the erosive days (mm) and P_y12 the mean yearly rainfall of the
erosive days (mm/a) of the station's record.  The annual R is the sum of the 24 half-month values
and the station's R the mean over its usable years (MJ·mm·hm⁻²·h⁻¹·a⁻¹).  The 12 mm threshold and
the half-month structure are in the abstract [C]; the five coefficients are the values quoted in
``domain.md`` §3.3, whose status there is [U] (the formula page of the paper was not available):
they are a parameter (:func:`parse_coefficients`), not a hidden constant.

Years with gaps
---------------
A station-year is *usable* when rows with a value cover at least ``min_coverage`` % of its days
(default 95 %).  Days without a row in a usable year count as dry (0 mm): the number of such days is
reported per station.  Years below the coverage are dropped and reported.  ``min_coverage = 0``
accepts any year with at least one row, for tables that list only the rainy days.  A usable year
without an erosive day counts with R = 0 and is reported; a station with no erosive day in any usable
year has no P_d12 and is an error (check the units).

Interpolation
-------------
:func:`interpolate_r` grids the station values with GDAL's gridding (``gdal.Grid``, the library
behind ``gdal_grid``): inverse distance to a power (``invdist``, all stations) or linear
interpolation in the Delaunay triangulation (``linear``; cells outside the stations' convex hull take
the nearest station's value, GDAL's default ``radius=-1``).  Values are computed at cell centres.
GDAL processes the output block by block; the mask pass that follows is blocked too, so memory is set
by the block size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr, osr

from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from ..grid import GridSpec
from ..io import gdal_exceptions, memory_driver_name
from ..io.raster import (
    DEFAULT_BLOCK,
    CancelFn,
    ProgressFn,
    _never,
    _noop_progress,
    delete_raster,
    gtiff_options,
    open_aligned,
    open_raster,
    read_raw,
    write_blocks,
)
from ..io.raster import Window as _Window
from ..io.vector import rasterize, temp_path

#: Erosive-day threshold (mm), Zhang, Xie & Liu 2002 (abstract [C]).
EROSIVE_DAY_MM = 12.0
#: β = B0 + BD / P_d12 + BY / P_y12; α = A · β^E (Zhang et al. 2002 as quoted in domain.md §3.3 [U]).
COEFFICIENTS_ZHANG2002: Tuple[float, float, float, float, float] = (0.8363, 18.144, 24.455, 21.586, -7.1891)
#: Share of a year's days that must have a row for the year to count (%), a project rule [U].
MIN_YEAR_COVERAGE_PCT = 95.0
#: Half-months per year (days 1–15 and 16–end of each month).
HALF_MONTHS = 24
#: Daily values at or above this are codes, not rainfall (CMA archives: 32700 trace, 32766 missing).
CODE_MIN_MM = 9999.0
#: The CMA code for a trace of rain (< 0.1 mm), read as 0 mm.
CMA_TRACE = 32700.0
R_NODATA = -9999.0

METHOD_IDW, METHOD_LINEAR = 0, 1


@dataclass(frozen=True)
class Coefficients:
    """The model's coefficients and the erosive-day threshold (mm)."""

    beta0: float = COEFFICIENTS_ZHANG2002[0]
    beta_d: float = COEFFICIENTS_ZHANG2002[1]
    beta_y: float = COEFFICIENTS_ZHANG2002[2]
    alpha_a: float = COEFFICIENTS_ZHANG2002[3]
    alpha_b: float = COEFFICIENTS_ZHANG2002[4]
    threshold: float = EROSIVE_DAY_MM


def parse_coefficients(text: str, threshold: float = EROSIVE_DAY_MM) -> Coefficients:
    """Five comma-separated numbers ``B0, BD, BY, A, E`` (β = B0 + BD/P_d12 + BY/P_y12, α = A·β^E).

    >>> parse_coefficients("0.8363, 18.144, 24.455, 21.586, -7.1891").alpha_b
    -7.1891
    """
    parts = [p.strip() for p in str(text or "").replace(";", ",").split(",") if p.strip()]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(values) != 5 or not all(np.isfinite(values)):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The erosivity coefficients must be five numbers B0, BD, BY, A, E (β = B0 + BD/P_d12 + "
                "BY/P_y12, α = A·β^E), e.g. 0.8363, 18.144, 24.455, 21.586, -7.1891; got “{text}”.",
            ),
            text=text,
        )
    if not threshold > 0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The erosive-day threshold must be above 0 mm; got {value:g}."),
            value=threshold,
        )
    b0, bd, by, aa, ab = values
    return Coefficients(b0, bd, by, aa, ab, threshold=float(threshold))


def beta_alpha(
    pd12: np.ndarray, py12: np.ndarray, coefficients: Coefficients = Coefficients()
) -> Tuple[np.ndarray, np.ndarray]:
    """β and α of the half-month model from P_d12 (mm) and P_y12 (mm/a).

    >>> b, a = beta_alpha(25.0, 400.0)
    >>> round(float(b), 4), round(float(a), 4)
    (1.6232, 0.6634)
    """
    c = coefficients
    pd = np.asarray(pd12, dtype=np.float64)
    py = np.asarray(py12, dtype=np.float64)
    beta = c.beta0 + c.beta_d / pd + c.beta_y / py
    alpha = c.alpha_a * np.power(beta, c.alpha_b)
    return beta, alpha


def half_month_erosivity(
    daily_mm: Sequence[float], alpha: float, beta: float, threshold: float = EROSIVE_DAY_MM
) -> float:
    """M = α Σ P^β over the days of one half-month with P ≥ ``threshold``.

    >>> round(half_month_erosivity([50.0, 11.9], 0.6634, 1.6232), 1)
    379.8
    """
    p = np.asarray(daily_mm, dtype=np.float64)
    p = p[p >= threshold]
    return float(alpha * np.sum(np.power(p, beta)))


# ---------------------------------------------------------------------------
# daily rows
# ---------------------------------------------------------------------------


def _normalise_date(text: str) -> Optional[np.datetime64]:
    t = text.strip()
    if not t:
        return None
    t = t.split("T")[0].split(" ")[0]
    for sep in ("/", "."):
        t = t.replace(sep, "-")
    if "-" not in t and len(t) == 8 and t.isdigit():
        t = f"{t[:4]}-{t[4:6]}-{t[6:]}"
    parts = t.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    y, m, d = (int(p) for p in parts)
    try:
        value = np.datetime64(f"{y:04d}-{m:02d}-{d:02d}", "D")
    except ValueError:
        return None
    if str(value) != f"{y:04d}-{m:02d}-{d:02d}":
        return None
    return value


def parse_dates(values: Sequence[object]) -> Tuple[np.ndarray, List[int]]:
    """Dates as ``datetime64[D]`` and the indices of values that are not dates.

    Accepts ISO ``YYYY-MM-DD`` (also with ``/`` or ``.``, one-digit month or day, a time part
    after ``T`` or a space) and ``YYYYMMDD``; unreadable values give NaT.  Unique texts are parsed
    once, so a long table of daily rows costs one pass per distinct date.

    >>> d, bad = parse_dates(["2020-07-01", "2020/7/2", "20200703", "2020-02-30", ""])
    >>> [str(x) for x in d], bad
    (['2020-07-01', '2020-07-02', '2020-07-03', 'NaT', 'NaT'], [3, 4])
    """
    texts = np.asarray(["" if v is None else str(v) for v in values], dtype=object)
    if texts.size == 0:
        return np.zeros(0, dtype="datetime64[D]"), []
    uniq, inverse = np.unique(texts.astype(str), return_inverse=True)
    parsed = np.array(
        [_normalise_date(u) or np.datetime64("NaT") for u in uniq.tolist()], dtype="datetime64[D]"
    )
    dates = parsed[inverse]
    bad = np.flatnonzero(np.isnat(dates)).tolist()
    return dates, bad


def clean_rain(values: Sequence[object]) -> np.ndarray:
    """Daily rainfall in mm as float; missing, negative and coded values become NaN.

    The CMA trace code 32700 becomes 0 mm; other values ≥ 9 999 (e.g. 32766 missing) are codes.

    >>> clean_rain([12.5, None, -1, 32700, 32766, "3.2", "x"]).tolist()
    [12.5, nan, nan, 0.0, nan, 3.2, nan]
    """
    out = np.full(len(values), np.nan)
    for i, v in enumerate(values):  # one conversion per row (attributes of any type), not per cell
        try:
            out[i] = float(v)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
    out[out == CMA_TRACE] = 0.0
    out[(out < 0) | (out >= CODE_MIN_MM) | ~np.isfinite(out)] = np.nan
    return out


@dataclass
class StationErosivity:
    """Per-station results of :func:`station_erosivity` (arrays indexed like ``stations``)."""

    stations: List[str]
    r: np.ndarray  # mean annual R, MJ·mm·hm⁻²·h⁻¹·a⁻¹
    half_month: np.ndarray  # (S, 24) mean half-month R
    annual: np.ndarray  # (S, Y) annual R of usable years (NaN elsewhere)
    first_year: int  # year of column 0 of ``annual``
    years: np.ndarray  # usable years per station
    year_min: np.ndarray
    year_max: np.ndarray
    pd12: np.ndarray
    py12: np.ndarray
    alpha: np.ndarray
    beta: np.ndarray
    erosive_days: np.ndarray
    missing_days: np.ndarray  # days without a row inside usable years (counted as dry)
    dropped: List[Tuple[str, int, int, int]] = field(default_factory=list)  # (station, year, days, of)
    dry_years: List[Tuple[str, int]] = field(default_factory=list)  # usable years without erosive day
    no_usable_year: List[str] = field(default_factory=list)  # stations without any usable year
    invalid_values: int = 0  # rows whose rainfall was empty, negative or a code


def _short(items: Sequence[object], limit: int = 12) -> str:
    shown = ", ".join(str(i) for i in items[:limit])
    return shown + (", …" if len(items) > limit else "")


def station_erosivity(
    station_ids: Sequence[object],
    dates: Sequence[object],
    rain_mm: Sequence[object],
    *,
    coefficients: Coefficients = Coefficients(),
    min_coverage: float = MIN_YEAR_COVERAGE_PCT,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> StationErosivity:
    """Mean annual and half-month R of every station from daily rows (vectorised over rows).

    Parameters
    ----------
    station_ids, dates, rain_mm : one entry per daily row; dates as accepted by
        :func:`parse_dates` (or ``datetime64``), rainfall in mm (see :func:`clean_rain`).
    coefficients : the model's coefficients and erosive-day threshold.
    min_coverage : % of a year's days that must have a row with a value for the year to be used.

    Raises
    ------
    InputError
        no rows, unreadable dates, duplicate station-days, no usable year at any station, or a
        station without an erosive day in its usable years.
    """
    n = len(station_ids)
    if n == 0 or len(dates) != n or len(rain_mm) != n:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The rainfall table has no daily row (station, date, rainfall) to work with.",
            )
        )
    if not 0.0 <= min_coverage <= 100.0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The minimum year coverage must be within 0–100 %; got {value:g}."),
            value=min_coverage,
        )
    ids = np.asarray(["" if s is None else str(s).strip() for s in station_ids], dtype=object).astype(str)
    if isinstance(dates, np.ndarray) and np.issubdtype(dates.dtype, np.datetime64):
        day = dates.astype("datetime64[D]")
        bad = np.flatnonzero(np.isnat(day)).tolist()
    else:
        day, bad = parse_dates(dates)
    if bad:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "{n} rows of the rainfall table have no readable date (rows {rows}: {values}). "
                "Give dates as YYYY-MM-DD (or a date field).",
            ),
            n=len(bad),
            rows=_short([b + 1 for b in bad], 8),
            values=_short([repr(dates[b]) for b in bad], 5),
        )
    empty_id = np.flatnonzero(ids == "")
    if empty_id.size:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "{n} rows of the rainfall table have no station id (rows {rows}). Fill the station field.",
            ),
            n=int(empty_id.size),
            rows=_short((empty_id + 1).tolist(), 8),
        )
    rain = rain_mm if isinstance(rain_mm, np.ndarray) and rain_mm.dtype.kind == "f" else clean_rain(rain_mm)
    rain = np.asarray(rain, dtype=np.float64).copy()
    rain[(rain < 0) | (rain >= CODE_MIN_MM) | ~np.isfinite(rain)] = np.nan
    invalid = int(np.isnan(rain).sum())
    stations, inv = np.unique(ids, return_inverse=True)
    n_st = stations.size

    # duplicates: the same station and day twice
    dnum = day.astype(np.int64)
    key = inv.astype(np.int64) * (int(dnum.max() - dnum.min()) + 1) + (dnum - dnum.min())
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    twice = np.flatnonzero(sorted_key[1:] == sorted_key[:-1])
    if twice.size:
        n_dup = int(np.unique(sorted_key[twice]).size)
        examples = [f"{ids[order[i]]} {day[order[i]]}" for i in twice[:5]]
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The rainfall table has {n} station-days with more than one row (e.g. {examples}). "
                "Keep one daily total per station and day.",
            ),
            n=n_dup,
            examples=", ".join(examples),
        )
    if is_cancelled():
        raise Cancelled()
    progress(0.2)

    valid = ~np.isnan(rain)
    year = day.astype("datetime64[Y]").astype(np.int64) + 1970
    month0 = day.astype("datetime64[M]").astype(np.int64) % 12
    dom = (day - day.astype("datetime64[M]")).astype(np.int64) + 1
    hm = month0 * 2 + (dom > 15)
    y0 = int(year.min())
    n_y = int(year.max()) - y0 + 1
    sy = inv.astype(np.int64) * n_y + (year - y0)
    present = np.bincount(sy[valid], minlength=n_st * n_y).reshape(n_st, n_y)
    years_axis = np.arange(y0, y0 + n_y)
    leap = ((years_axis % 4 == 0) & (years_axis % 100 != 0)) | (years_axis % 400 == 0)
    days_in_year = np.where(leap, 366, 365)
    coverage = 100.0 * present / days_in_year[None, :]
    used = (present > 0) & (coverage >= min_coverage - 1e-9)
    dropped = [
        (str(stations[s]), int(years_axis[y]), int(present[s, y]), int(days_in_year[y]))
        for s, y in zip(*np.nonzero((present > 0) & ~used))
    ]
    n_years = used.sum(axis=1)
    no_year = [str(s) for s in stations[n_years == 0]]
    if no_year and len(no_year) == n_st:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "No station has a usable year: every year has rows on fewer than {cov:g} % of its days "
                "(e.g. {examples}). If the table lists only the rainy days, set the minimum year "
                "coverage to 0 (absent days then count as dry).",
            ),
            cov=min_coverage,
            examples=_short([f"{s} {y}: {d}/{t} days" for s, y, d, t in dropped], 4),
        )
    row_used = valid & used.ravel()[sy]
    erosive = row_used & (rain >= coefficients.threshold)
    e_count = np.bincount(inv[erosive], minlength=n_st)
    e_sum = np.bincount(inv[erosive], weights=rain[erosive], minlength=n_st)
    without = [str(stations[s]) for s in np.flatnonzero((n_years > 0) & (e_count == 0))]
    if without:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Stations {stations} have no erosive day (daily rainfall ≥ {threshold:g} mm) in their "
                "usable years, so the model's P_d12 is undefined. Check that the rainfall field holds "
                "daily totals in mm, or leave these stations out.",
            ),
            stations=_short(without),
            threshold=coefficients.threshold,
        )
    progress(0.5)
    with np.errstate(divide="ignore", invalid="ignore"):
        pd12 = np.where(e_count > 0, e_sum / np.maximum(e_count, 1), np.nan)
        py12 = np.where(n_years > 0, e_sum / np.maximum(n_years, 1), np.nan)
        beta, alpha = beta_alpha(pd12, py12, coefficients)
    m = alpha[inv[erosive]] * np.power(rain[erosive], beta[inv[erosive]])
    cell = sy[erosive] * HALF_MONTHS + hm[erosive]
    per_hm = np.bincount(cell, weights=m, minlength=n_st * n_y * HALF_MONTHS).reshape(n_st, n_y, HALF_MONTHS)
    annual = per_hm.sum(axis=2)
    annual[~used] = np.nan
    with np.errstate(invalid="ignore"):
        r = np.where(n_years > 0, np.nansum(annual, axis=1) / np.maximum(n_years, 1), np.nan)
        half = np.where((n_years > 0)[:, None], per_hm.sum(axis=1) / np.maximum(n_years, 1)[:, None], np.nan)
    eros_year = np.bincount(sy[erosive], minlength=n_st * n_y).reshape(n_st, n_y)
    dry = [(str(stations[s]), int(years_axis[y])) for s, y in zip(*np.nonzero(used & (eros_year == 0)))]
    missing = np.where(used, days_in_year[None, :] - present, 0).sum(axis=1)
    ymin = np.array([years_axis[u].min() if u.any() else 0 for u in used], dtype=np.int64)
    ymax = np.array([years_axis[u].max() if u.any() else 0 for u in used], dtype=np.int64)
    progress(1.0)
    return StationErosivity(
        stations=[str(s) for s in stations],
        r=r,
        half_month=half,
        annual=annual,
        first_year=y0,
        years=n_years,
        year_min=ymin,
        year_max=ymax,
        pd12=pd12,
        py12=py12,
        alpha=alpha,
        beta=beta,
        erosive_days=e_count,
        missing_days=missing,
        dropped=dropped,
        dry_years=dry,
        no_usable_year=no_year,
        invalid_values=invalid,
    )


# ---------------------------------------------------------------------------
# interpolation onto a grid
# ---------------------------------------------------------------------------


def grid_around_points(
    xs: Sequence[float], ys: Sequence[float], cell: float, crs_wkt: str, pad_fraction: float = 0.1
) -> GridSpec:
    """A north-up grid of ``cell`` metres over the points' extent plus ``pad_fraction`` on each side."""
    if not cell > 0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The cell size must be above 0; got {value:g}."), value=cell
        )
    x = np.asarray(xs, dtype=np.float64)
    y = np.asarray(ys, dtype=np.float64)
    pad = max(float(np.ptp(x)), float(np.ptp(y)), cell) * pad_fraction
    x0 = np.floor((x.min() - pad) / cell) * cell
    y1 = np.ceil((y.max() + pad) / cell) * cell
    cols = int(np.ceil((x.max() + pad - x0) / cell))
    rows = int(np.ceil((y1 - (y.min() - pad)) / cell))
    return GridSpec(
        (float(x0), float(cell), 0.0, float(y1), 0.0, -float(cell)), (rows, cols), R_NODATA, crs_wkt
    )


@dataclass
class InterpolationResult:
    path: str
    valid_cells: int
    outside_hull_cells: int  # valid cells outside the stations' convex hull (extrapolated)
    r_min: float
    r_max: float
    r_mean: float


@gdal_exceptions()
def _points_layer(xs, ys, values, crs_wkt) -> Tuple[gdal.Dataset, ogr.Layer]:
    srs = None
    if crs_wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(crs_wkt)
    # a gdal.Dataset (not an ogr.DataSource): gdal.Grid takes only the former
    ds = gdal.GetDriverByName(memory_driver_name()).Create("stations", 0, 0, 0, gdal.GDT_Unknown)
    layer = ds.CreateLayer("stations", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("R", ogr.OFTReal))
    defn = layer.GetLayerDefn()
    for x, y, v in zip(xs, ys, values):
        f = ogr.Feature(defn)
        f.SetField("R", float(v))
        g = ogr.Geometry(ogr.wkbPoint)
        g.AddPoint_2D(float(x), float(y))
        f.SetGeometry(g)
        layer.CreateFeature(f)
    return ds, layer


@gdal_exceptions()
def _hull_wkb(xs: np.ndarray, ys: np.ndarray) -> bytes:
    """WKB of the points' convex hull (a point or a line for fewer than 3 non-collinear points)."""
    multi = ogr.Geometry(ogr.wkbMultiPoint)
    for x, y in zip(xs, ys):
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(float(x), float(y))
        multi.AddGeometry(p)
    return bytes(multi.ConvexHull().ExportToWkb())


def grid_algorithm(method: int, power: float = 2.0) -> str:
    """The ``gdal.Grid`` algorithm string of a method.

    >>> grid_algorithm(METHOD_IDW), grid_algorithm(METHOD_LINEAR)
    ('invdist:power=2:smoothing=0:nodata=-9999', 'linear:radius=-1:nodata=-9999')
    """
    if method == METHOD_IDW:
        if not power > 0:
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "The IDW power must be above 0; got {value:g}."), value=power
            )
        return f"invdist:power={power:g}:smoothing=0:nodata={R_NODATA:g}"
    if method == METHOD_LINEAR:
        return f"linear:radius=-1:nodata={R_NODATA:g}"
    raise InputError(QT_TRANSLATE_NOOP("SwcCore", "Unknown interpolation method {method}."), method=method)


def interpolate_r(
    xs: Sequence[float],
    ys: Sequence[float],
    values: Sequence[float],
    grid: GridSpec,
    out_path: str,
    *,
    method: int = METHOD_IDW,
    power: float = 2.0,
    mask_path: Optional[str] = None,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    work_dir: Optional[str] = None,
    metadata: Optional[Dict[str, str]] = None,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> InterpolationResult:
    """Grid station R values (in ``grid``'s CRS) onto ``grid`` and write a Float32 GeoTIFF.

    ``mask_path`` (a raster on ``grid``, e.g. the DEM): its nodata cells get nodata.  Points with a
    NaN value are left out.  Cancel leaves no output.
    """
    x = np.asarray(xs, dtype=np.float64)
    y = np.asarray(ys, dtype=np.float64)
    v = np.asarray(values, dtype=np.float64)
    keep = np.isfinite(x) & np.isfinite(y) & np.isfinite(v)
    x, y, v = x[keep], y[keep], v[keep]
    if x.size == 0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "No station with a location and an R value is left to interpolate.")
        )
    if method == METHOD_LINEAR and x.size < 3:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Linear interpolation needs at least 3 stations not on one line; there are {n}. Use IDW.",
            ),
            n=int(x.size),
        )
    algorithm = grid_algorithm(method, power)
    work = work_dir or os.path.dirname(os.path.abspath(out_path))
    tmp = temp_path(work, ".rgrid")
    hull_tmp = temp_path(work, ".rhull")
    src, _layer = _points_layer(x, y, v, grid.crs_wkt)
    xmin, ymin, xmax, ymax = grid.extent

    def grid_progress(fraction, _msg, _data):
        progress(0.8 * fraction)
        return 0 if is_cancelled() else 1

    stats = {"n": 0, "out": 0, "sum": 0.0, "min": np.inf, "max": -np.inf}
    try:
        try:
            with gdal_exceptions():
                opts = gdal.GridOptions(
                    format="GTiff",
                    outputType=gdal.GDT_Float32,
                    width=grid.cols,
                    height=grid.rows,
                    outputBounds=[xmin, ymax, xmax, ymin],
                    algorithm=algorithm,
                    zfield="R",
                    creationOptions=gtiff_options(gdal.GDT_Float32, "NONE"),
                    callback=grid_progress,
                )
                gdal.Grid(tmp, src, options=opts).FlushCache()
        except RuntimeError as exc:
            if is_cancelled():
                raise Cancelled() from exc
            raise
        if is_cancelled():
            raise Cancelled()
        # the stations' convex hull on the grid, to report the extrapolated share
        rasterize([(1, _hull_wkb(x, y))], grid, hull_tmp, gdal.GDT_Byte)
        gds, _g = open_raster(tmp)
        hds, _h = open_raster(hull_tmp)
        with gdal_exceptions():
            sources = [(gds.GetRasterBand(1), R_NODATA), (hds.GetRasterBand(1), None)]
        mds = None
        if mask_path:
            mds, mgrid = open_aligned(mask_path, grid, "GRID")
            with gdal_exceptions():
                sources.append((mds.GetRasterBand(1), mgrid.nodata))

        def kernel(arrays, window):
            r = arrays[0]
            if mask_path:
                r = np.where(np.isnan(arrays[2]), np.nan, r)
            ok = ~np.isnan(r)
            stats["n"] += int(ok.sum())
            stats["out"] += int((ok & (arrays[1] < 0.5)).sum())
            if ok.any():
                stats["sum"] += float(r[ok].sum())
                stats["min"] = min(stats["min"], float(r[ok].min()))
                stats["max"] = max(stats["max"], float(r[ok].max()))
            return [r]

        write_blocks(
            out_path,
            sources,
            grid,
            kernel,
            gdal.GDT_Float32,
            R_NODATA,
            metadata=metadata,
            block_rows=block_rows,
            block_cols=block_cols,
            progress=progress,
            is_cancelled=is_cancelled,
            progress_span=(0.8, 1.0),
            dtype=np.float32,
        )
        sources = []
        gds = hds = mds = None
    finally:
        src = None
        for p in (tmp, hull_tmp):
            delete_raster(p)
    n_ok = int(stats["n"])
    return InterpolationResult(
        path=out_path,
        valid_cells=n_ok,
        outside_hull_cells=int(stats["out"]),
        r_min=float(stats["min"]) if n_ok else float("nan"),
        r_max=float(stats["max"]) if n_ok else float("nan"),
        r_mean=float(stats["sum"]) / n_ok if n_ok else float("nan"),
    )


def sample_raster(path: str, xs: Sequence[float], ys: Sequence[float]) -> np.ndarray:
    """Raster values at points (NaN outside or at nodata); reads only the cells hit."""
    ds, grid = open_raster(path)
    with gdal_exceptions():
        band = ds.GetRasterBand(1)
    out = np.full(len(xs), np.nan)
    for i, (x, y) in enumerate(zip(xs, ys)):  # one read per station, not per cell
        r, c = grid.cell_of(float(x), float(y))
        if 0 <= r < grid.rows and 0 <= c < grid.cols:
            v = float(read_raw(band, _Window(r, c, 1, 1, 0, grid.rows, grid.cols))[0, 0])
            if grid.nodata is None or v != grid.nodata:
                out[i] = v
    return out
