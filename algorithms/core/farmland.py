"""Farmland screening: slope farmland (坡耕地) and old terraces (老旧梯田), parcel by parcel.

Pipeline (memory set by the block size plus a few numbers per parcel):

1. the parcels are burnt into a label raster on the DEM grid (cell centre
   rule, :func:`.io.vector.rasterize`);
2. one block pass (:func:`parcel_statistics`) computes the Horn slope (as
   ``gdaldem slope``) and the *local* 2×2 slope of every cell and accumulates,
   per parcel, with ``bincount``: cell count and slope sum (mean slope), cells
   per slope class, elevation range, the sums of a least-squares plane fit,
   and two sparse histograms (0.1° bins) of the Horn and the local slope, from
   which the 90th percentile, the terrace index and the in-bench slope are
   read;
3. per parcel (:func:`screen_farmland`): detected type (flat / terrace /
   slope land), comparison with the survey's fields, category from the rule
   table, the region's measure, terrace design quantities for 坡改梯
   candidates and the priority score.

Slope class
-----------
``SLOPE_CLASS`` is the class holding the largest area of the parcel (the
land-survey rule, 利用DEM确定耕地坡度分级技术规定(试行), 2008: "当调查的耕地图斑涉及
两个以上坡度级时，面积最大的坡度级为该耕地图斑的坡度级"); ties go to the lower
class (就低不就高).  The class of the mean slope is kept as ``mean_class``.

Protected farmland and reservoir catchments
-------------------------------------------
Parcels inside 永久基本农田 or built 高标准农田 (by at least ``overlap_share`` of
their area) are never proposed for retirement: a parcel the rules would retire
gets the category ``basic_farmland`` or ``high_standard`` instead, which says
why (the retirement scope excludes both; 2018 退耕还林还草 task notice).  Inside
the catchments of large and medium reservoirs the ban slope is the lower
reservoir threshold (Hebei: 20°).

Terrace detection
-----------------
A level terrace has the same overall gradient as the hillside it was cut
into, but its cells split into flat benches and steep risers, while an
untreated slope of the same mean gradient is unimodal.  The detector fits a
plane to the parcel (slope θ_p) and computes the local slope of every cell
on its 2×2 block (the finest slope the grid resolves; Horn's 3×3 kernel
blurs benches narrower than three cells).  Bench cells have a local slope
of at most ``bench_ratio × θ_p``; the **terrace index** is their share.  A
parcel is a terrace when the index reaches ``terrace_index_min`` and the DEM
cell resolves the benches of its slope band (below).  Within a terrace the **in-bench slope**
is the mean local slope of the bench cells (a level bench: ≈ 0°), and the
**planar share** is the share of cells whose local slope lies within
``planar_band × θ_p`` (a stretch that looks like an untreated slope: broken
or washed-out risers).

Where the DEM can see benches
-----------------------------
A bench appears as flat local slopes only when at least one 2×2 block lies on
it, i.e. when it is at least two cells wide.  Terraces are therefore detected
on the DEM only where the narrowest typical bench of the parcel's slope band
(the reference sections of ``farmland_terrace_design.csv``: 10 m at 0–5°, 8 m
at 5–10°, 7 m at 10–15°, 6 m at 15–20°, 5 m at 20–25° and steeper) spans at
least ``bench_cells`` (default 2) DEM cells — a 5 m DEM sees benches on slopes
up to 5°, a 2.5 m DEM on every band — and the cell is at most ``max_cell``;
elsewhere the survey's type is used (``dem_terrace`` False).
"""

from __future__ import annotations

import math
import shutil
import tempfile
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import standards as std
from .errors import QT_TRANSLATE_NOOP, InputError
from .io.raster import (
    DEFAULT_BLOCK,
    CancelFn,
    ProgressFn,
    Window,
    _never,
    _noop_progress,
    check_cancel,
    delete_raster,
    map_blocks,
    open_band,
    open_raster,
)
from .io.tables import read_table, table_path
from .io.vector import geometry_area, rasterize, temp_path
from .slopeclass import classify_slope
from .terrain import SLOPE_HALO, horn_slope
from .zones import bincount2, zone_labels

#: Detected types and categories: stable codes (labels are translated by the algorithm).
FLAT, TERRACE, SLOPELAND = "flat", "terrace", "slopeland"
DETECTED_CODES = (FLAT, TERRACE, SLOPELAND)
CATEGORY_CODES = ("flat", "gentle", "convert", "retire", "upgrade")
#: Categories of parcels the rules would retire but that are protected farmland (not rule outputs).
BASIC_FARMLAND, HIGH_STANDARD = "basic_farmland", "high_standard"
PROTECTED_CODES = (BASIC_FARMLAND, HIGH_STANDARD)
#: Every category a parcel can get, in table order.
ALL_CATEGORY_CODES = CATEGORY_CODES + PROTECTED_CODES
#: Rule codes of the protected categories.
PROTECTED_RULES = {BASIC_FARMLAND: "P01", HIGH_STANDARD: "P02"}
#: Cells a bench must span to be seen on the DEM: one 2×2 block of the local slope on it.
BENCH_CELLS_MIN = 2.0
#: Share of a parcel's area inside 永久基本农田, 高标准农田 or a reservoir catchment from which it
#: counts as inside: the majority, by analogy with the land survey's largest-area rule [U].
OVERLAP_SHARE = 0.5
#: Where the detected type comes from.
SOURCE_DEM, SOURCE_SURVEY, SOURCE_ASSUMED = "dem", "survey", "assumed"


# ---------------------------------------------------------------------------------------------
# sparse per-parcel histograms
# ---------------------------------------------------------------------------------------------
class ParcelHistogram:
    """Histograms of a value per parcel, kept sparse: ``(parcel, bin) → count``.

    Optional weight channels carry, per (parcel, bin), the sums of other
    values (e.g. the gradient components of the cells in that bin).  Memory
    grows with the number of distinct (parcel, bin) pairs, not with parcels ×
    bins; blocks are merged every ``flush`` new pairs.

    >>> h = ParcelHistogram(0.1)
    >>> h.add(np.array([1, 1, 1, 2]), np.array([0.05, 0.95, 0.95, 3.0]))
    >>> h.finish()
    >>> [round(float(v), 2) for v in h.quantile(0.5, 2)[1:]]
    [0.95, 3.05]
    """

    def __init__(
        self, bin_width: float = 0.1, max_value: float = 90.0, channels: int = 0, flush: int = 4_000_000
    ) -> None:
        self.width = float(bin_width)
        self.nbins = int(math.ceil(max_value / self.width)) + 1
        self.channels = int(channels)
        self.flush = int(flush)
        self.keys = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)
        self.sums = np.zeros((self.channels, 0))
        self._parts: List[Tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._pending = 0

    def add(
        self, labels: np.ndarray, values: np.ndarray, weights: Optional[Sequence[np.ndarray]] = None
    ) -> None:
        """Count ``values`` (finite, ≥ 0) for parcels ``labels`` (> 0), 1-D arrays.

        ``weights``: one array per channel, summed per (parcel, bin).
        """
        if labels.size == 0:
            return
        bins = np.clip(np.floor(values / self.width).astype(np.int64), 0, self.nbins - 1)
        keys, inverse = np.unique(labels.astype(np.int64) * self.nbins + bins, return_inverse=True)
        counts = np.bincount(inverse, minlength=keys.size).astype(np.int64)
        sums = np.zeros((self.channels, keys.size))
        for k, w in enumerate(list(weights or [])[: self.channels]):
            sums[k] = np.bincount(inverse, weights=w, minlength=keys.size)
        self._parts.append((keys, counts, sums))
        self._pending += keys.size
        if self._pending > self.flush:
            self._merge()

    def _merge(self) -> None:
        if not self._parts:
            return
        keys = np.concatenate([self.keys] + [k for k, _c, _s in self._parts])
        counts = np.concatenate([self.counts] + [c for _k, c, _s in self._parts])
        sums = np.concatenate([self.sums] + [s for _k, _c, s in self._parts], axis=1)
        uniq, inverse = np.unique(keys, return_inverse=True)
        self.keys = uniq
        self.counts = np.bincount(inverse, weights=counts, minlength=uniq.size).astype(np.int64)
        self.sums = np.zeros((self.channels, uniq.size))
        for k in range(self.channels):
            self.sums[k] = np.bincount(inverse, weights=sums[k], minlength=uniq.size)
        self._parts = []
        self._pending = 0

    def finish(self) -> None:
        """Merge the pending blocks (call once after the last :meth:`add`)."""
        self._merge()

    @property
    def labels(self) -> np.ndarray:
        """Parcel of each kept (parcel, bin) key."""
        return self.keys // self.nbins

    @property
    def centres(self) -> np.ndarray:
        """Bin centre of each kept key (the value's unit)."""
        return ((self.keys % self.nbins) + 0.5) * self.width

    def totals(self, n: int) -> np.ndarray:
        """Counts per parcel 0..n."""
        return np.bincount(self.labels, weights=self.counts, minlength=n + 1)[: n + 1]

    def quantile(self, q: float, n: int) -> np.ndarray:
        """The ``q`` quantile per parcel (bin centre; NaN without data).

        Inverted CDF: the bin holding the ceil(q·N)-th smallest value, so the
        result is within half a bin of ``numpy.percentile(..., method="inverted_cdf")``.
        """
        out = np.full(n + 1, np.nan)
        if self.keys.size == 0:
            return out
        lab = self.labels
        total = self.totals(n)
        before = np.cumsum(total) - total  # counts of the parcels before each parcel
        cum = np.cumsum(self.counts) - before[lab]  # running count inside each parcel
        target = np.maximum(np.ceil(q * total - 1e-9), 1.0)
        idx = np.nonzero(cum >= target[lab])[0]
        parcels, first = np.unique(lab[idx], return_index=True)
        out[parcels] = self.centres[idx[first]]
        return out

    def count_in(self, lo: np.ndarray, hi: np.ndarray, n: int) -> Tuple[np.ndarray, np.ndarray]:
        """Per parcel, over the bins with ``lo < centre ≤ hi`` (per-parcel bounds): the
        count, and the channel sums as an array ``(channels, n + 1)``."""
        if self.keys.size == 0:
            return np.zeros(n + 1), np.zeros((self.channels, n + 1))
        lab = self.labels
        c = self.centres
        m = (c > lo[lab]) & (c <= hi[lab])
        count = np.bincount(lab[m], weights=self.counts[m], minlength=n + 1)[: n + 1]
        sums = np.zeros((self.channels, n + 1))
        for k in range(self.channels):
            sums[k] = np.bincount(lab[m], weights=self.sums[k][m], minlength=n + 1)[: n + 1]
        return count, sums


# ---------------------------------------------------------------------------------------------
# per-parcel slope statistics, block by block
# ---------------------------------------------------------------------------------------------
@dataclass
class ParcelStats:
    """Per-parcel statistics; every array has ``n + 1`` entries (index 0 = outside parcels)."""

    n: int
    cellsize: float
    cells: np.ndarray  # valid cells (Horn slope defined)
    mean_slope: np.ndarray  # degrees, NaN without cells
    p90_slope: np.ndarray  # degrees (bin centre, ±0.05°)
    slope_class: np.ndarray  # class holding the most cells (0 without cells; ties: lower class)
    class_cells: np.ndarray  # (n+1, classes+1) cells per slope class
    z_min: np.ndarray
    z_max: np.ndarray
    plane_slope: np.ndarray  # slope of the least-squares plane, degrees
    local_hist: ParcelHistogram = field(repr=False, default_factory=ParcelHistogram)
    mean_class: Optional[np.ndarray] = None  # class of the mean slope (0 without cells)

    def terrace_metrics(
        self,
        bench_ratio: float = std.FARMLAND_BENCH_RATIO,
        planar_band: Tuple[float, float] = std.FARMLAND_PLANAR_BAND,
    ) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(terrace index, in-bench slope, planar share)`` per parcel (NaN where undefined)."""
        n = self.n
        total = self.local_hist.totals(n)
        theta = np.where(np.isfinite(self.plane_slope), self.plane_slope, 0.0)
        bench_n, bench_g = self.local_hist.count_in(np.full(n + 1, -1.0), bench_ratio * theta, n)
        plan_n, _ = self.local_hist.count_in(planar_band[0] * theta, planar_band[1] * theta, n)
        with np.errstate(invalid="ignore", divide="ignore"):
            ok = (total > 0) & np.isfinite(self.plane_slope)
            index = np.where(ok, bench_n / total, np.nan)
            # tilt of the mean gradient vector of the bench cells: DEM noise averages out
            gx = bench_g[0] / np.maximum(bench_n, 1)
            gy = bench_g[1] / np.maximum(bench_n, 1)
            bench = np.where(ok & (bench_n > 0), np.degrees(np.arctan(np.hypot(gx, gy))), np.nan)
            planar = np.where(ok, plan_n / total, np.nan)
        return index, bench, planar


def local_gradient(
    window: np.ndarray, halo: int, cellsize_x: float, cellsize_y: float
) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(slope in degrees, dz/dx, dz/dy)`` of the 2×2 block whose upper-left cell is each core cell.

    ``window`` carries ``halo ≥ 1`` cells on every side; NaN where one of the
    four cells is NaN.  ``dz/dy`` is taken along the rows (southwards).

    >>> z = np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]])
    >>> local_gradient(np.pad(z, 1, constant_values=np.nan), 1, 1.0, 1.0)[0][:2, :2]
    array([[45., 45.],
           [ 0.,  0.]])
    """
    h = halo
    r, c = window.shape[0] - 2 * h, window.shape[1] - 2 * h
    z00 = window[h : h + r, h : h + c]
    z01 = window[h : h + r, h + 1 : h + c + 1]
    z10 = window[h + 1 : h + r + 1, h : h + c]
    z11 = window[h + 1 : h + r + 1, h + 1 : h + c + 1]
    gx = ((z01 - z00) + (z11 - z10)) / (2.0 * cellsize_x)
    gy = ((z10 - z00) + (z11 - z01)) / (2.0 * cellsize_y)
    return np.degrees(np.arctan(np.hypot(gx, gy))), gx, gy


def majority_class(class_cells: np.ndarray) -> np.ndarray:
    """The class (1..k) holding the most cells of each row of ``class_cells`` (column 0 unused);
    ties go to the lower class (就低不就高); 0 for a row without cells.

    >>> majority_class(np.array([[0, 0, 0, 0], [0, 5, 7, 2], [0, 4, 4, 1], [0, 0, 0, 0]]))
    array([0, 2, 1, 0])
    """
    counts = np.asarray(class_cells)[:, 1:]
    out = counts.argmax(axis=1).astype(np.int64) + 1  # argmax returns the first (lowest) maximum
    out[counts.sum(axis=1) == 0] = 0
    return out


def parcel_statistics(
    dem_path: str,
    label_path: str,
    n_parcels: int,
    breaks: Sequence[float],
    *,
    bin_width: float = 0.1,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> ParcelStats:
    """Zonal slope statistics of the parcels in ``label_path`` (Int32, 1..n, 0 outside).

    The slope is Horn's (degrees, as ``gdaldem slope -compute_edges``); a
    parcel's cells are those whose centre lies inside it.  Raises
    :class:`InputError` when the DEM has no valid cell under any parcel.
    """
    ds, grid = open_raster(dem_path)
    grid.check_usable()
    lds, lband = open_band(label_path)
    n = int(n_parcels)
    n_cls = len(breaks) + 1
    csx, csy = grid.cellsize_x, grid.cellsize_y
    cells = np.zeros(n + 1)
    ssum = np.zeros(n + 1)
    class_cells = np.zeros((n + 1, n_cls + 1), dtype=np.int64)
    zmin = np.full(n + 1, np.inf)
    zmax = np.full(n + 1, -np.inf)
    sums = np.zeros((9, n + 1))  # n, x, y, z, xx, xy, yy, xz, yz
    horn_hist = ParcelHistogram(bin_width)
    loc_hist = ParcelHistogram(bin_width, channels=2)

    def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
        h = window.halo
        rs, cs = window.core_slice
        z_win = arrays[0]
        slope = horn_slope(z_win, csx, csy, window.edges)
        labels = zone_labels(arrays[1][rs, cs], n)
        m = (labels > 0) & ~np.isnan(slope)
        if not m.any():
            return []
        lab = labels[m]
        s = slope[m]
        cells[:] += np.bincount(lab, minlength=n + 1)
        ssum[:] += np.bincount(lab, weights=s, minlength=n + 1)
        class_cells[:] += bincount2(lab, classify_slope(s, breaks), n + 1, n_cls + 1)
        horn_hist.add(lab, s)
        z = z_win[rs, cs][m]
        np.minimum.at(zmin, lab, z)
        np.maximum.at(zmax, lab, z)
        rows, cols = np.nonzero(m)
        x = (cols + window.col0 + 0.5) * csx
        y = -(rows + window.row0 + 0.5) * csy
        for k, w in enumerate((None, x, y, z, x * x, x * y, y * y, x * z, y * z)):
            sums[k] += np.bincount(lab, weights=w, minlength=n + 1)
        loc, gx, gy = local_gradient(z_win, h, csx, csy)
        ml = (labels > 0) & ~np.isnan(loc)
        loc_hist.add(labels[ml], loc[ml], [gx[ml], gy[ml]])
        return []

    sources = [(ds.GetRasterBand(1), grid.nodata), (lband, None)]
    map_blocks(
        sources,
        grid,
        kernel,
        [],
        halo=SLOPE_HALO,
        block_rows=block_rows,
        block_cols=block_cols,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    if cells[1:].sum() == 0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "No valid DEM cell lies inside any parcel. Check that the parcels overlap "
                "the DEM, that their CRS is declared correctly and that the DEM's nodata value is "
                "right.",
            )
        )
    horn_hist.finish()
    loc_hist.finish()
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(cells > 0, ssum / np.maximum(cells, 1), np.nan)
        cnt = sums[0]
        mx, my, mz = (sums[k] / np.maximum(cnt, 1) for k in (1, 2, 3))
        cxx = sums[4] / np.maximum(cnt, 1) - mx * mx
        cxy = sums[5] / np.maximum(cnt, 1) - mx * my
        cyy = sums[6] / np.maximum(cnt, 1) - my * my
        cxz = sums[7] / np.maximum(cnt, 1) - mx * mz
        cyz = sums[8] / np.maximum(cnt, 1) - my * mz
        det = cxx * cyy - cxy * cxy
        # a plane needs cells spread in both directions (det relative to the spread)
        ok = (cnt >= 3) & (det > 1e-9 * np.maximum(cxx * cyy, 1e-30)) & (cxx > 0) & (cyy > 0)
        a = np.where(ok, (cxz * cyy - cyz * cxy) / np.where(ok, det, 1.0), np.nan)
        b = np.where(ok, (cyz * cxx - cxz * cxy) / np.where(ok, det, 1.0), np.nan)
        plane = np.degrees(np.arctan(np.hypot(a, b)))
    mean_cls = classify_slope(mean, breaks)
    mean_cls[cells == 0] = 0
    cls = majority_class(class_cells)
    zmin[~np.isfinite(zmin)] = np.nan
    zmax[~np.isfinite(zmax)] = np.nan
    return ParcelStats(
        n=n,
        cellsize=max(csx, csy),
        cells=cells.astype(np.int64),
        mean_slope=mean,
        p90_slope=horn_hist.quantile(0.9, n),
        slope_class=cls,
        class_cells=class_cells,
        mean_class=mean_cls,
        z_min=zmin,
        z_max=zmax,
        plane_slope=plane,
        local_hist=loc_hist,
    )


# ---------------------------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CategoryRule:
    """One row of the category rule table; the first matching row wins.

    Conditions (``*`` or empty = any; ``a|b`` = either): ``detected`` (flat /
    terrace / slopeland), ``survey`` (terrace / slopeland / unknown),
    ``bench_level`` / ``risers`` / ``road`` (yes / no / unknown), and the mean
    slope in ``(slope_min, slope_max]`` (numbers, or ``BAN`` for the ban slope).
    """

    rule: str
    detected: str
    survey: str
    slope_min: str
    slope_max: str
    bench_level: str
    risers: str
    road: str
    category: str
    weight: float
    note: str = ""

    def matches(self, facts: Dict[str, object], ban_slope: float) -> bool:
        """Whether the parcel ``facts`` satisfy every column of the rule (``*`` or empty: any)."""
        for key in ("detected", "survey", "bench_level", "risers", "road"):
            pattern = getattr(self, key)
            if pattern not in ("", "*") and str(facts[key]) not in pattern.split("|"):
                return False
        slope = float(facts["slope"])  # type: ignore[arg-type]
        lo = _bound(self.slope_min, ban_slope)
        hi = _bound(self.slope_max, ban_slope)
        if lo is not None and not slope > lo:
            return False
        if hi is not None and not slope <= hi:
            return False
        return True


def _bound(text: str, ban_slope: float) -> Optional[float]:
    text = text.strip()
    if not text or text == "*":
        return None
    if text.upper() == "BAN":
        return float(ban_slope)
    return float(text)


def load_rules(path: Optional[str] = None) -> List[CategoryRule]:
    """The category rules (default: ``resources/tables/farmland_category_rules.csv``)."""
    path = path or table_path(std.FARMLAND_RULES_CSV)
    rules = []
    for row in read_table(path):
        try:
            rule = CategoryRule(
                rule=row["rule"],
                detected=row.get("detected", "*"),
                survey=row.get("survey", "*"),
                slope_min=row.get("slope_min", ""),
                slope_max=row.get("slope_max", ""),
                bench_level=row.get("bench_level", "*"),
                risers=row.get("risers", "*"),
                road=row.get("road", "*"),
                category=row["category"],
                weight=float(row.get("weight") or 0.0),
                note=row.get("note", ""),
            )
            _bound(rule.slope_min, 25.0)
            _bound(rule.slope_max, 25.0)
        except (KeyError, ValueError) as exc:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The rule table {path} has an invalid row {row}: {reason}. Columns: "
                    "rule, detected, survey, slope_min, slope_max, bench_level, risers, road, "
                    "category, weight.",
                ),
                path=path,
                row=row.get("rule", "?"),
                reason=str(exc),
            ) from exc
        if rule.category not in CATEGORY_CODES:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The rule table {path}, row {row}: category \u201c{category}\u201d is "
                    "not one of {codes}.",
                ),
                path=path,
                row=rule.rule,
                category=rule.category,
                codes=", ".join(CATEGORY_CODES),
            )
        rules.append(rule)
    if not rules:
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "The rule table {path} has no rule."), path=path)
    return rules


def first_rule(
    rules: Sequence[CategoryRule], facts: Dict[str, object], ban_slope: float
) -> Optional[CategoryRule]:
    """The first rule matching ``facts`` (None when no rule matches)."""
    for rule in rules:
        if rule.matches(facts, ban_slope):
            return rule
    return None


@dataclass(frozen=True)
class Measure:
    """The measure of one (region, category): a stable code and its labels."""

    code: str
    label_en: str
    label_zh: str


def load_measures(path: Optional[str] = None) -> Dict[Tuple[str, str], Measure]:
    """``(region, category) → Measure`` from ``farmland_measures.csv``."""
    path = path or table_path(std.FARMLAND_MEASURES_CSV)
    out = {}
    for row in read_table(path):
        try:
            out[(row["region"], row["category"])] = Measure(
                row["measure"], row["measure_en"], row["measure_zh"]
            )
        except KeyError as exc:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The measure table {path} lacks the column {column}. Columns: "
                    "region, category, measure, measure_en, measure_zh.",
                ),
                path=path,
                column=str(exc),
            ) from exc
    return out


def region_code(value: object) -> Optional[str]:
    """A region code from a code or a Chinese/English name (None when unknown).

    >>> region_code("坝上"), region_code("太行山区"), region_code("Yanshan"), region_code("x")
    ('bashang', 'taihang', 'yanshan', None)
    """
    if value is None:
        return None
    text = str(value).strip()
    low = text.lower()
    for code, zh in zip(std.FARMLAND_REGIONS, std.FARMLAND_REGION_NAMES_ZH):
        if low == code or low.startswith(code) or text == zh or zh[:2] in text:
            return code
    return None


@dataclass(frozen=True)
class DesignBand:
    """A reference level-terrace section for ground slopes ``slope_min``–``slope_max`` (degrees)."""

    slope_min: float
    slope_max: float
    bench: float  # design bench width (m), mid of the table range
    riser_angle: float  # degrees, mid of the table range
    bench_min: float = 0.0  # narrowest bench of the range (m): what the DEM must resolve


def load_design(path: Optional[str] = None) -> List[DesignBand]:
    """Reference level-terrace sections by ground slope (``farmland_terrace_design.csv``)."""
    path = path or table_path(std.FARMLAND_DESIGN_CSV)
    bands = []
    for row in read_table(path):
        bands.append(
            DesignBand(
                float(row["slope_min"]),
                float(row["slope_max"]),
                (float(row["bench_min"]) + float(row["bench_max"])) / 2.0,
                (float(row["riser_angle_min"]) + float(row["riser_angle_max"])) / 2.0,
                float(row["bench_min"]),
            )
        )
    bands.sort(key=lambda b: b.slope_min)
    return bands


def design_band(slope_deg: float, bands: Sequence[DesignBand]) -> DesignBand:
    """The reference section of a ground slope: the first band whose upper bound is not below it
    (the steepest band beyond the table).

    >>> bands = [DesignBand(0, 5, 12.5, 87.5, 10), DesignBand(20, 25, 5.5, 67.5, 5)]
    >>> design_band(3.0, bands).bench_min, design_band(31.0, bands).bench_min
    (10, 5)
    """
    for band in bands:
        if slope_deg <= band.slope_max:
            return band
    return bands[-1]


def dem_sees_benches(
    slope_deg: float,
    cellsize: float,
    bands: Sequence[DesignBand],
    bench_cells: float = BENCH_CELLS_MIN,
    max_cell: float = std.FARMLAND_TERRACE_MAX_CELL_M,
) -> Tuple[bool, float]:
    """Whether a DEM of ``cellsize`` m resolves the benches of a parcel of mean slope ``slope_deg``.

    Returns ``(sees, cells)``: ``cells`` is the narrowest typical bench of the slope band in DEM
    cells; the DEM sees the benches when ``cells >= bench_cells`` and ``cellsize <= max_cell``.

    >>> bands = load_design()
    >>> dem_sees_benches(22.0, 5.0, bands), dem_sees_benches(22.0, 2.0, bands)
    ((False, 1.0), (True, 2.5))
    >>> dem_sees_benches(3.0, 5.0, bands)   # 10 m benches on 0–5° slopes: 2 cells of 5 m
    (True, 2.0)
    """
    if not bands or not cellsize > 0:
        return False, 0.0
    cells = design_band(slope_deg, bands).bench_min / cellsize
    return bool(cells >= bench_cells - 1e-9 and cellsize <= max_cell + 1e-9), float(cells)


@dataclass
class TerraceDesign:
    """A level-terrace section for one parcel and its earthwork (:func:`terrace_design`)."""

    bench_width: float  # net bench width B (m)
    riser_height: float  # H (m)
    riser_angle: float  # α (degrees)
    risers: int
    earthwork_m3: float


def terrace_design(
    slope_deg: float,
    relief_m: float,
    area_m2: float,
    *,
    bands: Sequence[DesignBand],
    bench_width: float = 0.0,
    riser_angle: float = 0.0,
    riser_cap: float = 2.0,
) -> Optional[TerraceDesign]:
    """Level-terrace section for a parcel (GB 51018-2014 §6; domain.md §8).

    B = H (cot θ − cot α); the design bench width ``B`` (or the table's, by
    slope band) gives H = B / (cot θ − cot α); H is capped at ``riser_cap``
    (riser material) and B recomputed.  Risers = ceil(relief / H); earthwork
    (balanced cut and fill) V = area · H / 8 (= 83.3·H m³ per 亩).  None when
    θ ≤ 0 or θ ≥ α.

    >>> band = [DesignBand(10, 15, 7.5, 80)]
    >>> d = terrace_design(12.0, 20.0, 6667.0, bands=band)   # H = 7.5 / (cot 12° − cot 80°)
    >>> round(d.riser_height, 3), d.risers, round(d.earthwork_m3)
    (1.656, 13, 1380)
    >>> d = terrace_design(15.0, 20.0, 6667.0, bands=band)   # H 2.11 m capped at 2.0 m
    >>> d.riser_height, round(d.bench_width, 2)
    (2.0, 7.11)
    """
    if not slope_deg > 0.0 or not bands:
        return None
    band = design_band(slope_deg, bands)
    width = bench_width if bench_width > 0 else band.bench
    alpha = riser_angle if riser_angle > 0 else band.riser_angle
    if slope_deg >= alpha:
        return None
    k = 1.0 / math.tan(math.radians(slope_deg)) - 1.0 / math.tan(math.radians(alpha))
    height = width / k
    if riser_cap > 0 and height > riser_cap:
        height = riser_cap
        width = height * k
    risers = max(1, int(math.ceil(max(relief_m, 0.0) / height - 1e-9)))
    return TerraceDesign(width, height, alpha, risers, area_m2 * height * std.FARMLAND_EARTHWORK_FACTOR)


def priority_score(
    weight: float,
    slope: float,
    ban_slope: float,
    area_ha: float,
    distance: Optional[float],
    *,
    access_ref: float = std.FARMLAND_ACCESS_REF_M,
    size_ref_ha: float = std.FARMLAND_SIZE_REF_HA,
    weights: Tuple[float, float, float] = std.FARMLAND_PRIORITY_WEIGHTS,
) -> float:
    """Priority 0–100: ``100 · w_cat · (w_s·S + w_a·A + w_z·Z) / (w_s + w_a + w_z)``.

    S = min(slope / ban slope, 1); A = 1 − min(d / access_ref, 1) with d the
    distance to the nearest road or settlement (the A term and its weight are
    dropped when neither layer is given); Z = min(area / size_ref, 1).

    >>> priority_score(1.0, 12.5, 25.0, 1.0, 500.0)
    50.0
    >>> priority_score(1.0, 25.0, 25.0, 2.0, None)
    100.0
    """
    ws, wa, wz = weights
    s = min(max(slope, 0.0) / ban_slope, 1.0) if ban_slope > 0 else 0.0
    z = min(area_ha / size_ref_ha, 1.0) if size_ref_ha > 0 else 1.0
    if distance is None:
        return round(100.0 * weight * (ws * s + wz * z) / (ws + wz), 1)
    a = 1.0 - min(distance / access_ref, 1.0) if access_ref > 0 else 0.0
    return round(100.0 * weight * (ws * s + wa * a + wz * z) / (ws + wa + wz), 1)


# ---------------------------------------------------------------------------------------------
# geometry helpers (shapely 1.8 and 2.x)
# ---------------------------------------------------------------------------------------------
#: Builds a spatial index over geometries: shapely's STRtree (tests pass stand-ins).
TreeFactory = Callable[[Sequence[Any]], Any]


def _strtree(geoms: Sequence[Any]) -> Any:
    from shapely.strtree import STRtree

    with warnings.catch_warnings():  # shapely 1.8 announces the 2.0 API change
        warnings.simplefilter("ignore")
        return STRtree(geoms)


def tree_hit_index(hit: Any, index_of: Dict[int, int]) -> int:
    """An STRtree answer as an index into the geometries the tree was built from.

    shapely 2 answers ``query``/``nearest`` with indices, shapely 1.8 with the
    geometries themselves (looked up in ``index_of``, by identity).  Decided by
    the returned type, never by the version string (sid's shapely reports ``0+unknown``).

    >>> tree_hit_index(3, {}), tree_hit_index(np.int64(2), {})
    (3, 2)
    >>> g = object(); tree_hit_index(g, {id(g): 5})
    5
    """
    if isinstance(hit, (int, np.integer)):
        return int(hit)
    return index_of[id(hit)]


def nearest_distances(
    targets: Sequence[bytes], features: Sequence[bytes], *, tree_factory: TreeFactory = _strtree
) -> np.ndarray:
    """Distance (CRS units) from each target geometry to the nearest feature (NaN without features)."""
    from shapely import wkb as swkb

    out = np.full(len(targets), np.nan)
    geoms = [g for g in (swkb.loads(bytes(w)) for w in features) if not g.is_empty]
    if not geoms:
        return out
    index_of = {id(g): i for i, g in enumerate(geoms)}
    tree = tree_factory(geoms)
    for i, w in enumerate(targets):
        g = swkb.loads(bytes(w))
        if g.is_empty:
            continue
        out[i] = g.distance(geoms[tree_hit_index(tree.nearest(g), index_of)])
    return out


def assign_by_point(
    targets: Sequence[bytes], polygons: Sequence[bytes], *, tree_factory: TreeFactory = _strtree
) -> np.ndarray:
    """Index of the polygon containing each target's point-on-surface (−1 in none; first wins)."""
    from shapely import wkb as swkb

    out = np.full(len(targets), -1, dtype=np.int64)
    polys = [swkb.loads(bytes(w)) for w in polygons]
    if not polys:
        return out
    index_of = {id(p): i for i, p in enumerate(polys)}
    tree = tree_factory(polys)
    for i, w in enumerate(targets):
        g = swkb.loads(bytes(w))
        if g.is_empty:
            continue
        pt = g.representative_point()
        candidates = (tree_hit_index(hit, index_of) for hit in tree.query(pt))
        hits = sorted(k for k in candidates if polys[k].contains(pt))
        if hits:
            out[i] = hits[0]
    return out


def overlap_shares(
    targets: Sequence[bytes], polygons: Sequence[bytes], *, tree_factory: TreeFactory = _strtree
) -> np.ndarray:
    """Share (0–1) of each target polygon's area inside the union of ``polygons``.

    Overlapping polygons are counted once (the intersections are united).  0 without polygons
    or for an empty target.
    """
    from shapely import wkb as swkb
    from shapely.ops import unary_union

    out = np.zeros(len(targets))
    polys = [p for p in (swkb.loads(bytes(w)) for w in polygons) if not p.is_empty]
    if not polys:
        return out
    polys = [p if p.is_valid else p.buffer(0) for p in polys]
    index_of = {id(p): i for i, p in enumerate(polys)}
    tree = tree_factory(polys)
    for i, w in enumerate(targets):
        g = swkb.loads(bytes(w))
        if g.is_empty or not g.area > 0:
            continue
        if not g.is_valid:
            g = g.buffer(0)
        hits = sorted({tree_hit_index(hit, index_of) for hit in tree.query(g)})
        parts = [g.intersection(polys[k]) for k in hits if polys[k].intersects(g)]
        if parts:
            out[i] = min(unary_union(parts).area / g.area, 1.0)
    return out


# ---------------------------------------------------------------------------------------------
# the screening
# ---------------------------------------------------------------------------------------------
@dataclass
class ParcelInput:
    """One parcel as the algorithm layer hands it over (geometry in the DEM's CRS)."""

    wkb: bytes
    cropland: bool = True
    survey_type: object = None  # raw value of TYPE_FIELD (TT / PD / …)
    survey_grade: object = None  # raw value of SLOPE_GRADE_FIELD (1–5)


@dataclass
class FarmlandSettings:
    """Parameters of the screening; defaults from :mod:`standards`."""

    breaks: Sequence[float] = std.SLOPE_BREAKS_DEG
    ban_slope: float = std.BAN_SLOPE_DEG
    default_region: str = "taihang"
    max_cell: float = std.FARMLAND_TERRACE_MAX_CELL_M
    bench_ratio: float = std.FARMLAND_BENCH_RATIO
    terrace_index_min: float = std.FARMLAND_TERRACE_INDEX_MIN
    bench_slope_max: float = std.FARMLAND_BENCH_SLOPE_MAX_DEG
    planar_band: Tuple[float, float] = std.FARMLAND_PLANAR_BAND
    riser_break_max: float = std.FARMLAND_RISER_BREAK_MAX
    road_near: float = std.FARMLAND_ROAD_NEAR_M
    access_ref: float = std.FARMLAND_ACCESS_REF_M
    size_ref_ha: float = std.FARMLAND_SIZE_REF_HA
    riser_cap: float = std.FARMLAND_RISER_CAP_M["earth"]
    bench_width: float = 0.0  # 0 = from the design table
    riser_angle: float = 0.0  # 0 = from the design table
    bench_cells: float = BENCH_CELLS_MIN
    reservoir_threshold: float = std.RESERVOIR_BAN_SLOPE_DEG
    overlap_share: float = OVERLAP_SHARE
    rules: Optional[List[CategoryRule]] = None
    measures: Optional[Dict[Tuple[str, str], Measure]] = None
    design: Optional[List[DesignBand]] = None


@dataclass
class ParcelRecord:
    """The screening result of one parcel (codes only; labels are added by the algorithm)."""

    index: int
    cropland: bool
    area_m2: float
    cells: int
    mean_slope: Optional[float]
    p90_slope: Optional[float]
    slope_class: int
    plane_slope: Optional[float]
    terrace_index: Optional[float]
    bench_slope: Optional[float]
    planar_share: Optional[float]
    relief: Optional[float]
    detected: Optional[str]
    source: Optional[str]
    survey_type: Optional[str]  # normalised: terrace / slopeland / None
    survey_grade: Optional[int]
    type_flag: int
    grade_flag: int
    category: Optional[str]
    rule: Optional[str]
    region: Optional[str]
    measure: Optional[Measure]
    dist_road: Optional[float]
    dist_settlement: Optional[float]
    priority: Optional[float]
    design: Optional[TerraceDesign]
    zone: int = -1
    mean_class: int = 0  # class of the mean slope (slope_class is the largest-area class)
    ban_slope: Optional[float] = None  # ban slope applied (the reservoir one inside a catchment)
    basic_share: Optional[float] = None  # share of the area in 永久基本农田 (None without the layer)
    high_std_share: Optional[float] = None  # share in 高标准农田
    reservoir_share: Optional[float] = None  # share in reservoir catchments
    protected: Optional[str] = None  # basic_farmland / high_standard (outside the retirement scope)
    dem_terrace: bool = False  # the DEM cell resolves the benches of the parcel's slope band
    bench_cells: Optional[float] = None  # narrowest typical bench of the band, in DEM cells


@dataclass
class FarmlandResult:
    """The screened parcels, and the summary per (zone, category, slope class): count, area (m²)."""

    records: List[ParcelRecord]
    terraces_visible: bool
    cellsize: float
    n_classes: int
    unmatched: int = 0
    no_cells: int = 0
    summary: Dict[Tuple[int, str, int], List[float]] = field(default_factory=dict)
    survey_typed: int = 0  # sloping parcels whose DEM cell is too coarse for their benches
    protected: int = 0  # parcels kept out of retirement as basic or high-standard farmland


def survey_type_code(value: object) -> Optional[str]:
    """``terrace`` / ``slopeland`` / None from a 耕地类型 value (TT, PD, 梯田, 坡地, …).

    >>> survey_type_code(" tt "), survey_type_code("坡地"), survey_type_code(None)
    ('terrace', 'slopeland', None)
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if text.upper() in (c.upper() for c in std.FARMLAND_SURVEY_TERRACE):
        return TERRACE
    if text.upper() in (c.upper() for c in std.FARMLAND_SURVEY_SLOPELAND):
        return SLOPELAND
    return None


def survey_grade_value(value: object) -> Optional[int]:
    """Slope grade 1–5 from a 耕地坡度级别 value (int, float or text); None if unreadable."""
    if value is None:
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    if not number.is_integer() or number < 1:
        return None
    return int(number)


def _opt(value: float) -> Optional[float]:
    return None if value is None or not np.isfinite(value) else float(value)


def screen_farmland(
    dem_path: str,
    parcels: Sequence[ParcelInput],
    settings: Optional[FarmlandSettings] = None,
    *,
    regions: Optional[Sequence[Tuple[str, bytes]]] = None,
    zones: Optional[Sequence[bytes]] = None,
    roads: Optional[Sequence[bytes]] = None,
    settlements: Optional[Sequence[bytes]] = None,
    basic_farmland: Optional[Sequence[bytes]] = None,
    high_standard: Optional[Sequence[bytes]] = None,
    reservoir_catchments: Optional[Sequence[bytes]] = None,
    work_dir: Optional[str] = None,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> FarmlandResult:
    """Screen farmland parcels; see the module docstring.

    Parameters
    ----------
    dem_path : projected DEM (metres).
    parcels : the parcels, geometry as WKB in the DEM's CRS.
    regions : ``(region code, wkb)`` polygons; a parcel takes the region of the
        polygon holding its point-on-surface, else ``settings.default_region``.
    zones : polygons for the summary (county or township); −1 = outside all.
    roads, settlements : geometries for the access distance (metres).
    basic_farmland, high_standard : 永久基本农田 and built 高标准农田 polygons; a parcel with at
        least ``settings.overlap_share`` of its area in them is not retired (category
        ``basic_farmland`` / ``high_standard``).
    reservoir_catchments : catchments of large and medium reservoirs; inside them (same share)
        the ban slope is ``min(ban_slope, reservoir_threshold)``.
    """
    cfg = settings or FarmlandSettings()
    rules = cfg.rules if cfg.rules is not None else load_rules()
    measures = cfg.measures if cfg.measures is not None else load_measures()
    design = cfg.design if cfg.design is not None else load_design()
    if not parcels:
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "There is no parcel to screen."))
    _ds, grid = open_raster(dem_path)
    grid.check_usable()
    own = work_dir is None
    work = work_dir or tempfile.mkdtemp(prefix="swc_farm_")
    try:
        labels = rasterize([(i + 1, p.wkb) for i, p in enumerate(parcels)], grid, temp_path(work, "parcels"))
        check_cancel(is_cancelled)
        stats = parcel_statistics(
            dem_path,
            labels,
            len(parcels),
            cfg.breaks,
            block_rows=block_rows,
            block_cols=block_cols,
            progress=lambda f: progress(0.8 * f),
            is_cancelled=is_cancelled,
        )
        delete_raster(labels)
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)
    check_cancel(is_cancelled)

    wkbs = [p.wkb for p in parcels]
    region_of = np.full(len(parcels), -1, dtype=np.int64)
    if regions:
        region_of = assign_by_point(wkbs, [w for _c, w in regions])
    zone_of = assign_by_point(wkbs, list(zones)) if zones else np.full(len(parcels), -1)
    d_road = nearest_distances(wkbs, roads) if roads else None
    d_settle = nearest_distances(wkbs, settlements) if settlements else None
    basic = overlap_shares(wkbs, basic_farmland) if basic_farmland is not None else None
    high = overlap_shares(wkbs, high_standard) if high_standard is not None else None
    in_res = overlap_shares(wkbs, reservoir_catchments) if reservoir_catchments is not None else None
    share_min = float(cfg.overlap_share)
    progress(0.9)
    check_cancel(is_cancelled)

    index, bench, planar = stats.terrace_metrics(cfg.bench_ratio, cfg.planar_band)
    widest = max((b.bench_min for b in design), default=0.0)
    visible = stats.cellsize <= cfg.max_cell + 1e-9 and widest / stats.cellsize >= cfg.bench_cells - 1e-9
    survey_typed = 0
    n_protected = 0
    flat_max = float(cfg.breaks[0])
    n_cls = len(cfg.breaks) + 1
    records: List[ParcelRecord] = []
    unmatched = 0
    no_cells = 0
    summary: Dict[Tuple[int, str, int], List[float]] = {}
    for i, parcel in enumerate(parcels):
        k = i + 1
        area = geometry_area(parcel.wkb)
        s_type = survey_type_code(parcel.survey_type)
        s_grade = survey_grade_value(parcel.survey_grade)
        n_cells = int(stats.cells[k])
        mean = _opt(stats.mean_slope[k])
        rec = ParcelRecord(
            index=i,
            cropland=bool(parcel.cropland),
            area_m2=area,
            cells=n_cells,
            mean_slope=mean,
            p90_slope=_opt(stats.p90_slope[k]),
            slope_class=int(stats.slope_class[k]),
            plane_slope=_opt(stats.plane_slope[k]),
            terrace_index=_opt(index[k]),
            bench_slope=_opt(bench[k]),
            planar_share=_opt(planar[k]),
            relief=_opt(stats.z_max[k] - stats.z_min[k]) if n_cells else None,
            detected=None,
            source=None,
            survey_type=s_type,
            survey_grade=s_grade,
            type_flag=0,
            grade_flag=0,
            category=None,
            rule=None,
            region=None,
            measure=None,
            dist_road=None if d_road is None else _opt(d_road[i]),
            dist_settlement=None if d_settle is None else _opt(d_settle[i]),
            priority=None,
            design=None,
            zone=int(zone_of[i]),
            mean_class=int(stats.mean_class[k]) if stats.mean_class is not None else 0,
            basic_share=None if basic is None else float(basic[i]),
            high_std_share=None if high is None else float(high[i]),
            reservoir_share=None if in_res is None else float(in_res[i]),
        )
        records.append(rec)
        ban = float(cfg.ban_slope)
        if in_res is not None and in_res[i] >= share_min - 1e-12:
            ban = min(ban, float(cfg.reservoir_threshold))
        rec.ban_slope = ban
        if basic is not None and basic[i] >= share_min - 1e-12:
            rec.protected = BASIC_FARMLAND
        elif high is not None and high[i] >= share_min - 1e-12:
            rec.protected = HIGH_STANDARD
        if n_cells == 0 or mean is None:
            no_cells += 1
            continue
        # detected type: from the DEM only where its cell resolves the benches of the slope band
        rec.dem_terrace, rec.bench_cells = dem_sees_benches(
            mean, stats.cellsize, design, cfg.bench_cells, cfg.max_cell
        )
        if mean <= flat_max:
            rec.detected, rec.source = FLAT, SOURCE_DEM
        elif rec.dem_terrace and rec.terrace_index is not None:
            rec.detected = TERRACE if rec.terrace_index >= cfg.terrace_index_min else SLOPELAND
            rec.source = SOURCE_DEM
        elif s_type is not None:
            rec.detected, rec.source = s_type, SOURCE_SURVEY
            survey_typed += 1
        else:
            rec.detected, rec.source = SLOPELAND, SOURCE_ASSUMED
            survey_typed += 1
        # comparison with the survey (the 三调 has no terrace/slope split on class 1)
        if (
            rec.source == SOURCE_DEM
            and s_type is not None
            and rec.detected != FLAT
            and s_type != rec.detected
        ):
            rec.type_flag = 1
        if s_grade is not None and s_grade != rec.slope_class:
            rec.grade_flag = 1
        if not rec.cropland:
            continue
        # category
        in_terrace = rec.detected == TERRACE and rec.source == SOURCE_DEM
        facts = {
            "detected": rec.detected,
            "survey": s_type or "unknown",
            "slope": mean,
            "bench_level": (
                "unknown"
                if not in_terrace or rec.bench_slope is None
                else "yes"
                if rec.bench_slope <= cfg.bench_slope_max
                else "no"
            ),
            "risers": (
                "unknown"
                if not in_terrace or rec.planar_share is None
                else "yes"
                if rec.planar_share <= cfg.riser_break_max
                else "no"
            ),
            "road": (
                "unknown" if rec.dist_road is None else "yes" if rec.dist_road <= cfg.road_near else "no"
            ),
        }
        rule = first_rule(rules, facts, ban)
        if rule is None:
            unmatched += 1
            continue
        rec.category, rec.rule = rule.category, rule.rule
        if rec.category == "retire" and rec.protected is not None:
            # outside the retirement scope (2018 退耕还林还草 task notice): say why
            rec.category, rec.rule = rec.protected, PROTECTED_RULES[rec.protected]
            n_protected += 1
        code = None
        if regions and region_of[i] >= 0:
            code = regions[int(region_of[i])][0]
        rec.region = code or cfg.default_region
        rec.measure = measures.get((rec.region, rec.category))
        dists = [d for d in (rec.dist_road, rec.dist_settlement) if d is not None]
        rec.priority = priority_score(
            rule.weight,
            mean,
            ban,
            area / std.HA_M2,
            min(dists) if dists else None,
            access_ref=cfg.access_ref,
            size_ref_ha=cfg.size_ref_ha,
        )
        if rec.category == "convert":
            rec.design = terrace_design(
                mean,
                rec.relief or 0.0,
                area,
                bands=design,
                bench_width=cfg.bench_width,
                riser_angle=cfg.riser_angle,
                riser_cap=cfg.riser_cap,
            )
        key = (rec.zone, rec.category, rec.slope_class)
        entry = summary.setdefault(key, [0, 0.0])
        entry[0] += 1
        entry[1] += area
    progress(1.0)
    return FarmlandResult(
        records=records,
        terraces_visible=visible,
        cellsize=stats.cellsize,
        n_classes=n_cls,
        unmatched=unmatched,
        no_cells=no_cells,
        summary=summary,
        survey_typed=survey_typed,
        protected=n_protected,
    )
