"""Slope site-preparation works: fish-scale pits (鱼鳞坑), level benches (水平阶), level trenches (水平沟).

For every input polygon (an area to treat), in the DEM's projected CRS:

1. **Window.** The DEM cells covering the polygon (plus a margin) are read;
   cells outside the raster are nodata.  The slope is Horn's (identical to
   ``gdaldem slope -compute_edges``).
2. **Applicability.** A cell is *treated* when its slope lies in
   ``[min_slope, max_slope]``; the other cells are excluded with a reason
   (slope below the range, above it, no DEM data).  The excluded cells are
   polygonised and intersected with the polygon, so the treated and excluded
   areas are exact planar areas that add up to the polygon's area.
3. **Row levels (walking down the fall line).** Rows are contour lines.  The
   first row lies half a step below the highest treated cell; each next level
   is ``z_next = z − ΔZ`` with ``ΔZ = R · Σ tan θ / Σ sec θ`` over the treated
   cells between the two levels (``R`` = ``row_spacing``, the slope distance,
   ``θ`` the local slope), solved by a short fixed-point iteration.  On a
   plane this is ``ΔZ = R · sin θ``, i.e. a horizontal row distance of
   ``R · cos θ``; on varying terrain it is the value for which the
   length-weighted mean slope distance between the two contours equals ``R``,
   so the number of pits equals ``Σ cell area / (S · R · cos θ_cell)`` over
   the treated cells (the nominal density applied cell by cell).
4. **Contours.** GDAL's contour generator (linear interpolation between cell
   centres) traces all levels at once on the window.
5. **Works.** Pits are placed along each contour every ``spacing`` (arc
   length).  The arc-length origin of each contour piece is the foot of the
   perpendicular from the previous row's origin, i.e. the origins walk down a
   fall line, so with ``stagger`` the pits of adjacent rows are shifted by
   half a spacing (品字形).  A pit is kept when its anchor (the middle of its
   straight edge, which lies on the row) falls in the polygon and in a
   treated cell.  Pits are half-ellipses: the straight edge (long axis ``a``)
   lies along the contour tangent on the uphill side (the opening), the arc
   (short semi-axis ``b``) bulges downhill where the spoil ridge is built.
   Benches and trenches are the rows clipped to the treated area (pieces
   shorter than one spacing are dropped).

Earthwork (excavated volume): pit ``(π/4)·a·b·d`` (half-ellipse area × depth,
domain §6.1); level bench ``B²·tan θ / 8`` per metre (balanced cut and fill,
as a level terrace: ``V = H·B·L/8`` with ``H = B·tan θ``, domain §8); level
trench ``(top + bottom)/2 · depth`` per metre.  Seedlings: per pit, or per
planting spot every ``spacing`` along benches and trenches.

The pit polygons are built and encoded as WKB with numpy (one structured
array, no per-pit geometry object), so 10⁵–10⁶ pits take seconds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, List, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr
from shapely import wkb as shapely_wkb
from shapely.geometry import LineString, MultiLineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import linemerge, unary_union
from shapely.prepared import prep

from . import standards
from .errors import QT_TRANSLATE_NOOP, Cancelled, InputError, MemoryLimitError
from .grid import GridSpec
from .io import gdal_exceptions, memory_vector_driver
from .io.raster import CancelFn, ProgressFn, _never, _noop_progress, mem_raster, open_raster
from .io.vector import burn_mask, polygonize_array
from .terrain import horn_gradient, horn_slope

try:  # shapely >= 2.0 (shapely.vectorized is deprecated since 2.1)
    from shapely import contains_xy
except ImportError:  # shapely 1.8
    from shapely.vectorized import contains as contains_xy

MEASURE_PITS = 0
MEASURE_BENCHES = 1
MEASURE_TRENCHES = 2
MEASURE_CODES = {MEASURE_PITS: "pit", MEASURE_BENCHES: "bench", MEASURE_TRENCHES: "trench"}

#: Exclusion reasons (cell codes); 0 = treated.
EXCL_LOW = 1
EXCL_HIGH = 2
EXCL_NODATA = 3
EXCL_CODES = {EXCL_LOW: "slope_low", EXCL_HIGH: "slope_high", EXCL_NODATA: "no_dem"}

#: Cells of one area's DEM window (memory: about 60 bytes per cell).
MAX_WINDOW_CELLS = 12_000_000
#: Pits (or line pieces) over all areas before the run is refused.
MAX_WORKS = 2_000_000
#: Vertices on the arc of a half-ellipse pit.
ARC_SEGMENTS = 12
_LEVEL_DECIMALS = 4
#: Row levels are never closer than ROW_SPACING · sin(1°) (nearly flat cells).
MIN_STEP_SLOPE_DEG = 1.0
_NODATA = -1.0e30


@dataclass
class WorksSpec:
    """What to lay out and how (lengths in metres, angles in degrees)."""

    measure: int = MEASURE_PITS
    spacing: float = standards.PIT_SPACING_M
    row_spacing: float = standards.PIT_ROW_SPACING_M
    stagger: bool = True
    min_slope: float = standards.PIT_MIN_SLOPE_DEG
    max_slope: float = standards.PIT_MAX_SLOPE_DEG
    pit_long_axis: float = standards.PIT_LONG_AXIS_M
    pit_short_axis: float = standards.PIT_SHORT_AXIS_M
    pit_depth: float = standards.PIT_DEPTH_M
    pit_ridge: float = standards.PIT_RIDGE_M
    bench_width: float = standards.BENCH_WIDTH_M
    trench_top_width: float = standards.TRENCH_TOP_WIDTH_M
    trench_bottom_width: float = standards.TRENCH_BOTTOM_WIDTH_M
    trench_depth: float = standards.TRENCH_DEPTH_M
    seedlings_per_spot: float = standards.SEEDLINGS_PER_SPOT
    #: (per pit, or per metre of bench/trench; per m³ of earthwork; per seedling)
    unit_prices: Tuple[float, float, float] = (0.0, 0.0, 0.0)

    @property
    def pit_volume(self) -> float:
        """Excavated volume of one pit (m³): half-ellipse area π·a·b/4 × depth."""
        return math.pi / 4.0 * self.pit_long_axis * self.pit_short_axis * self.pit_depth

    @property
    def trench_area(self) -> float:
        """Trench cross-section (m²)."""
        return 0.5 * (self.trench_top_width + self.trench_bottom_width) * self.trench_depth

    def validate(self) -> None:
        """Raise :class:`InputError` for values that cannot give a layout."""
        if self.measure not in MEASURE_CODES:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "Unknown measure {measure}: use 0 (fish-scale pits), 1 (level benches) "
                    "or 2 (level trenches).",
                ),
                measure=self.measure,
            )
        for name, value in (("SPACING", self.spacing), ("ROW_SPACING", self.row_spacing)):
            if not value > 0:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore", "{name} must be a positive distance in metres (got {value})."
                    ),
                    name=name,
                    value=value,
                )
        if not 0 <= self.min_slope < self.max_slope <= 90:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The slope range is empty: MIN_SLOPE ({low}°) must be below MAX_SLOPE "
                    "({high}°), both between 0° and 90°.",
                ),
                low=self.min_slope,
                high=self.max_slope,
            )
        if self.measure == MEASURE_PITS:
            dims: Tuple[Tuple[str, float], ...] = (
                ("PIT_LONG_AXIS", self.pit_long_axis),
                ("PIT_SHORT_AXIS", self.pit_short_axis),
                ("PIT_DEPTH", self.pit_depth),
            )
        elif self.measure == MEASURE_BENCHES:
            dims = (("BENCH_WIDTH", self.bench_width),)
        else:
            dims = (
                ("TRENCH_TOP_WIDTH", self.trench_top_width),
                ("TRENCH_BOTTOM_WIDTH", self.trench_bottom_width),
                ("TRENCH_DEPTH", self.trench_depth),
            )
        for name, value in dims:
            if not value > 0:
                raise InputError(
                    QT_TRANSLATE_NOOP("SwcCore", "{name} must be a positive size in metres (got {value})."),
                    name=name,
                    value=value,
                )
        if self.measure == MEASURE_PITS and self.pit_long_axis >= self.spacing:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The pits would overlap: the long axis ({axis} m) must be shorter than "
                    "the spacing along the contour SPACING ({spacing} m).",
                ),
                axis=self.pit_long_axis,
                spacing=self.spacing,
            )
        if self.measure == MEASURE_TRENCHES and self.trench_bottom_width > self.trench_top_width:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore", "The trench bottom width ({bottom} m) must not exceed its top width ({top} m)."
                ),
                bottom=self.trench_bottom_width,
                top=self.trench_top_width,
            )
        if any(p < 0 for p in self.unit_prices):
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "Unit prices must not be negative (got {prices})."),
                prices=", ".join(f"{p:g}" for p in self.unit_prices),
            )


@dataclass
class AreaSummary:
    """Totals for one input polygon (areas in m², lengths in m, volumes in m³)."""

    area_id: int
    area_m2: float = 0.0
    treated_m2: float = 0.0
    excluded_m2: Dict[int, float] = field(
        default_factory=lambda: {EXCL_LOW: 0.0, EXCL_HIGH: 0.0, EXCL_NODATA: 0.0}
    )
    rows: int = 0
    count: int = 0
    length_m: float = 0.0
    earth_m3: float = 0.0
    seedlings: float = 0.0
    cost: float = 0.0
    mean_slope: float = float("nan")
    nominal_count: float = 0.0

    @property
    def excluded_total_m2(self) -> float:
        return float(sum(self.excluded_m2.values()))


@dataclass
class RowLine:
    """One contour row (clipped to the treated area)."""

    area_id: int
    row: int
    level: float
    step: float  # level difference to the next row (m)
    slope: float  # length-weighted mean slope θ of the band used for the step (degrees)
    length_m: float
    count: int  # pits on the row (pits) or pieces (benches, trenches)
    wkb: bytes


@dataclass
class WorksResult:
    """Works (pits as polygons, benches/trenches as lines), rows, exclusions and totals."""

    grid: GridSpec
    spec: WorksSpec
    works_wkb: List[bytes]
    works_area: np.ndarray
    works_row: np.ndarray
    works_level: np.ndarray
    works_slope: np.ndarray
    works_length: np.ndarray
    works_earth: np.ndarray
    works_seedlings: np.ndarray
    rows: List[RowLine]
    excluded: List[Tuple[int, int, bytes, float]]  # (area_id, reason, wkb, m²)
    summaries: List[AreaSummary]
    warnings: List[Tuple[str, Dict[str, object]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.works_wkb)


# --- small numeric helpers -----------------------------------------------------------


def row_levels(
    z: np.ndarray, slope_deg: np.ndarray, row_spacing: float, min_band: float = 0.0, iterations: int = 4
) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Contour levels of the rows, walking down from the highest treated cell.

    Parameters
    ----------
    z, slope_deg : elevations (m) and slopes (degrees) of the treated cells (1-D).
    row_spacing : slope distance ``R`` between rows (m).
    min_band : the slopes are averaged over at least this elevation band (m),
        centred between the two levels, so that a step smaller than the
        elevation change from one DEM cell to the next still finds cells
        (use about two cells' rise: ``2 · cell size · tan θ``).

    Returns
    -------
    ``(levels, steps, band_slopes)``: levels from the top down, the level step
    to the next row, and the band slope ``atan`` of the step (degrees).

    On a plane of slope θ the step is ``R·sin θ``:

    >>> z = np.linspace(100.0, 0.0, 1001); s = np.full(z.shape, 30.0)
    >>> lv, st, bs = row_levels(z, s, 4.0)
    >>> round(float(st[0]), 6), round(float(lv[0]), 6), round(float(bs[0]), 6)
    (2.0, 99.0, 30.0)
    """
    z = np.asarray(z, dtype=np.float64)
    theta = np.radians(np.asarray(slope_deg, dtype=np.float64))
    ok = np.isfinite(z) & np.isfinite(theta) & (theta > 0)
    z, theta = z[ok], theta[ok]
    if z.size == 0:
        empty = np.zeros(0)
        return empty, empty, empty
    order = np.argsort(z)
    zs = z[order]
    cum_tan = np.concatenate([[0.0], np.cumsum(np.tan(theta[order]))])
    cum_sec = np.concatenate([[0.0], np.cumsum(1.0 / np.cos(theta[order]))])
    default = max(
        row_spacing * float(np.sin(np.median(theta))),
        row_spacing * math.sin(math.radians(MIN_STEP_SLOPE_DEG)),
    )

    def band(lo: float, hi: float) -> Tuple[float, float]:
        if hi - lo < min_band:
            mid = 0.5 * (lo + hi)
            lo, hi = mid - 0.5 * min_band, mid + 0.5 * min_band
        i0 = int(np.searchsorted(zs, lo, side="right"))
        i1 = int(np.searchsorted(zs, hi, side="right"))
        return cum_tan[i1] - cum_tan[i0], cum_sec[i1] - cum_sec[i0]

    # below 1° the rows would be ever closer in elevation: keep at least R · sin 1°
    min_step = row_spacing * math.sin(math.radians(MIN_STEP_SLOPE_DEG))

    def step_below(level: float, guess: float) -> Tuple[float, bool]:
        step = guess
        for _ in range(iterations):
            t, s = band(level - step, level)
            if s <= 0:
                return guess, False
            step = max(row_spacing * t / s, min_step)
        return step, True

    levels: List[float] = []
    steps: List[float] = []
    z_top, z_min = float(zs[-1]), float(zs[0])
    step, _found = step_below(z_top, default)
    level = z_top - step / 2.0
    guess = step
    while level >= z_min - 1e-9:
        step, found = step_below(level, guess)
        if not found:
            # a gap without treated cells: restart half a step below the next treated cell
            i = int(np.searchsorted(zs, level - guess, side="right"))
            if i == 0:
                levels.append(level)
                steps.append(guess)
                break
            levels.append(level)
            steps.append(guess)
            top = float(zs[i - 1])
            step, _ = step_below(top, guess)
            level = top - step / 2.0
            guess = step
            continue
        levels.append(level)
        steps.append(step)
        guess = step
        level = level - step
    lv = np.round(np.array(levels), _LEVEL_DECIMALS)
    st = np.array(steps)
    with np.errstate(invalid="ignore"):
        bs = np.degrees(np.arcsin(np.clip(st / row_spacing, 0.0, 1.0)))
    return lv, st, bs


def along_line(coords: np.ndarray, positions: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Points at arc lengths ``positions`` along a polyline and the unit tangents there.

    >>> p, t = along_line(np.array([[0.0, 0.0], [4.0, 0.0], [4.0, 4.0]]), np.array([1.0, 6.0]))
    >>> p.tolist(), t.tolist()
    ([[1.0, 0.0], [4.0, 2.0]], [[1.0, 0.0], [0.0, 1.0]])
    """
    seg = np.diff(coords, axis=0)
    seglen = np.hypot(seg[:, 0], seg[:, 1])
    keep = seglen > 0
    seg, seglen = seg[keep], seglen[keep]
    starts = coords[:-1][keep]
    cum = np.concatenate([[0.0], np.cumsum(seglen)])
    idx = np.clip(np.searchsorted(cum, positions, side="right") - 1, 0, len(seglen) - 1)
    t = (positions - cum[idx]) / seglen[idx]
    pts = starts[idx] + t[:, None] * seg[idx]
    tangents = seg[idx] / seglen[idx, None]
    return pts, tangents


def half_ellipse_rings(
    anchors: np.ndarray,
    tangents: np.ndarray,
    downhill: np.ndarray,
    long_axis: float,
    short_axis: float,
    segments: int = ARC_SEGMENTS,
) -> np.ndarray:
    """Rings ``(n, segments + 2, 2)`` of half-ellipse pits.

    The straight edge (length ``long_axis``) runs along ``tangents`` through
    ``anchors``; the arc reaches ``short_axis`` in the ``downhill`` direction.
    The first and last vertices close the ring along the straight edge.
    """
    phi = np.linspace(0.0, math.pi, segments + 1)
    u = 0.5 * long_axis * np.cos(phi)  # along the contour
    v = short_axis * np.sin(phi)  # downhill
    v[0] = v[-1] = 0.0
    ring = (
        anchors[:, None, :]
        + u[None, :, None] * tangents[:, None, :]
        + v[None, :, None] * downhill[:, None, :]
    )
    return np.concatenate([ring, ring[:, :1, :]], axis=1)


def polygons_wkb(rings: np.ndarray) -> List[bytes]:
    """ISO WKB (little-endian) polygons with one ring each, from ``(n, k, 2)`` coordinates."""
    n, k, _ = rings.shape
    dtype = np.dtype(
        [("order", "u1"), ("type", "<u4"), ("nrings", "<u4"), ("npoints", "<u4"), ("xy", "<f8", (k, 2))]
    )
    arr = np.empty(n, dtype=dtype)
    arr["order"] = 1
    arr["type"] = 3
    arr["nrings"] = 1
    arr["npoints"] = k
    arr["xy"] = rings
    buf = arr.tobytes()
    size = dtype.itemsize
    return [buf[i * size : (i + 1) * size] for i in range(n)]


# --- the DEM window of one area --------------------------------------------------------


@dataclass
class _Window:
    gt: Tuple[float, float, float, float, float, float]
    z: np.ndarray  # NaN outside the raster / nodata
    slope: np.ndarray  # degrees, NaN where z is NaN
    gx: np.ndarray  # dz/dx (east)
    gy: np.ndarray  # dz/dy (north)

    @property
    def shape(self) -> Tuple[int, int]:
        return self.z.shape  # type: ignore[return-value]

    def cell_index(self, x: np.ndarray, y: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        x0, dx, _, y0, _, dy = self.gt
        col = np.floor((x - x0) / dx).astype(np.int64)
        row = np.floor((y - y0) / dy).astype(np.int64)
        ok = (row >= 0) & (row < self.shape[0]) & (col >= 0) & (col < self.shape[1])
        return np.clip(row, 0, self.shape[0] - 1), np.clip(col, 0, self.shape[1] - 1), ok


def _read_window(
    band: gdal.Band, grid: GridSpec, bounds: Tuple[float, float, float, float], margin: int, area_id: int
) -> _Window:
    x0, dx, _, y0, _, dy = grid.geotransform
    minx, miny, maxx, maxy = bounds
    c0 = int(math.floor((minx - x0) / dx)) - margin
    c1 = int(math.floor((maxx - x0) / dx)) + 1 + margin
    r0 = int(math.floor((maxy - y0) / dy)) - margin
    r1 = int(math.floor((miny - y0) / dy)) + 1 + margin
    rows, cols = r1 - r0, c1 - c0
    if rows * cols > MAX_WINDOW_CELLS:
        raise MemoryLimitError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Area {area} covers {cells} DEM cells, more than the {limit} one area may "
                "hold. Split it into smaller polygons (e.g. by sub-watershed or compartment).",
            ),
            area=area_id,
            cells=rows * cols,
            limit=MAX_WINDOW_CELLS,
        )
    # the part inside the raster, read with a one-cell halo for Horn's slope
    rr0, rr1 = max(r0, 0), min(r1, grid.rows)
    cc0, cc1 = max(c0, 0), min(c1, grid.cols)
    z = np.full((rows, cols), np.nan)
    slope = np.full((rows, cols), np.nan)
    gx = np.full((rows, cols), np.nan)
    gy = np.full((rows, cols), np.nan)
    gt = (x0 + c0 * dx, dx, 0.0, y0 + r0 * dy, 0.0, dy)
    if rr0 >= rr1 or cc0 >= cc1:
        return _Window(gt, z, slope, gx, gy)
    hr0, hr1 = max(rr0 - 1, 0), min(rr1 + 1, grid.rows)
    hc0, hc1 = max(cc0 - 1, 0), min(cc1 + 1, grid.cols)
    with gdal_exceptions():
        data = band.ReadAsArray(hc0, hr0, hc1 - hc0, hr1 - hr0).astype(np.float64)
    nodata = grid.nodata
    if nodata is not None and not np.isnan(nodata):
        data[data == nodata] = np.nan
    padded = np.full((rr1 - rr0 + 2, cc1 - cc0 + 2), np.nan)
    pr, pc = hr0 - (rr0 - 1), hc0 - (cc0 - 1)
    padded[pr : pr + data.shape[0], pc : pc + data.shape[1]] = data
    edges = (rr0 == 0, rr1 == grid.rows, cc0 == 0, cc1 == grid.cols)
    core = (slice(rr0 - r0, rr1 - r0), slice(cc0 - c0, cc1 - c0))
    z[core] = padded[1:-1, 1:-1]
    slope[core] = horn_slope(padded, grid.cellsize_x, grid.cellsize_y, edges)
    # Horn gradient (nodata neighbours replaced by the centre) for the downhill direction
    gx[core], gy[core] = horn_gradient(padded, grid.cellsize_x, grid.cellsize_y)
    return _Window(gt, z, slope, gx, gy)


def _inside_mask(geom_wkb: bytes, win: _Window, crs_wkt: str, all_touched: bool = False) -> np.ndarray:
    """Cells of the window whose centre lies in the polygon (GDAL's rule), or that it touches."""
    return burn_mask(geom_wkb, win.gt, win.shape, crs_wkt, all_touched)


def _polygonize_codes(codes: np.ndarray, gt: Sequence[float], crs_wkt: str) -> Dict[int, BaseGeometry]:
    """Union of the cells of each non-zero code, as shapely geometries."""
    parts: Dict[int, List[BaseGeometry]] = {}
    for code, geom in polygonize_array(codes, gt, crs_wkt):
        parts.setdefault(code, []).append(shapely_wkb.loads(bytes(geom.ExportToWkb())))
    return {code: unary_union(geoms) for code, geoms in parts.items()}


def _contours(win: _Window, levels: np.ndarray, crs_wkt: str) -> Dict[int, List[np.ndarray]]:
    """Contour pieces of each level index as coordinate arrays (GDAL, linear interpolation)."""
    if levels.size == 0:
        return {}
    z = np.where(np.isnan(win.z), _NODATA, win.z)
    ds = mem_raster(z, win.gt, crs_wkt, gdal.GDT_Float64, nodata=_NODATA)
    text = ",".join("{:.{d}f}".format(v, d=_LEVEL_DECIMALS) for v in np.sort(levels))
    with gdal_exceptions():
        out = memory_vector_driver().CreateDataSource("contours")
        layer = out.CreateLayer("contours", None, ogr.wkbLineString)
        layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
        layer.CreateField(ogr.FieldDefn("elev", ogr.OFTReal))
        gdal.ContourGenerateEx(
            ds.GetRasterBand(1), layer, options=["FIXED_LEVELS=" + text, "ID_FIELD=0", "ELEV_FIELD=1"]
        )
        features = []
        for feature in layer:  # the geometry belongs to its feature: read it while that lives
            geom = feature.GetGeometryRef()
            features.append((feature.GetField(1), geom.GetPoints() if geom is not None else None))
    index = {round(float(v), _LEVEL_DECIMALS): i for i, v in enumerate(levels)}
    # GDAL extends contours over the outer half cell of the raster with a flat border;
    # those vertices are artefacts: keep what lies between the outer cell centres
    x0, dx, _, y0, _, dy = win.gt
    rows, cols = win.shape
    eps = 1e-6 * abs(dx)
    lo_x, hi_x = x0 + 0.5 * dx - eps, x0 + (cols - 0.5) * dx + eps
    lo_y, hi_y = y0 + (rows - 0.5) * dy - eps, y0 + 0.5 * dy + eps
    pieces: Dict[int, List[LineString]] = {}
    for elev, points in features:
        k = index.get(round(elev, _LEVEL_DECIMALS))
        if k is None or points is None:
            continue
        pts = np.asarray(points or [], dtype=np.float64)
        if len(pts) < 2:
            continue
        pts = pts[:, :2]
        ok = (pts[:, 0] >= lo_x) & (pts[:, 0] <= hi_x) & (pts[:, 1] >= lo_y) & (pts[:, 1] <= hi_y)
        if ok.all():
            pieces.setdefault(k, []).append(LineString(pts))
            continue
        # split into the runs of kept vertices
        edges = np.flatnonzero(np.diff(np.concatenate([[0], ok.astype(np.int8), [0]])))
        for start, stop in zip(edges[::2], edges[1::2]):
            if stop - start >= 2:
                pieces.setdefault(k, []).append(LineString(pts[start:stop]))
    out_pieces: Dict[int, List[np.ndarray]] = {}
    for k, lines in pieces.items():
        merged = linemerge(MultiLineString(lines)) if len(lines) > 1 else lines[0]
        geoms = list(merged.geoms) if hasattr(merged, "geoms") else [merged]
        out_pieces[k] = [np.asarray(g.coords)[:, :2] for g in geoms if g.length > 0]
    return out_pieces


def _is_closed(coords: np.ndarray) -> bool:
    return bool(np.hypot(*(coords[0] - coords[-1])) < 1e-6)


def _foot(line: LineString, coords: np.ndarray, point: np.ndarray) -> Tuple[float, np.ndarray]:
    """Arc length and position of the foot of the perpendicular from ``point`` to ``line``.

    Beyond the ends the line is extended along its end segments (the arc
    length is then negative or above the length), so that a chain of feet
    keeps walking down the fall line when it leaves a contour piece.
    """
    s0 = line.project(Point(point))
    length = line.length
    if 0.0 < s0 < length or _is_closed(coords):
        return s0, np.asarray(line.interpolate(s0).coords[0])[:2]
    if s0 <= 0.0:
        a, b = coords[0], coords[1]
        base = 0.0
    else:
        a, b = coords[-1], coords[-2]
        base = length
    direction = (a - b) / max(float(np.hypot(*(a - b))), 1e-12)  # pointing outwards
    extra = float(np.dot(point - a, direction))
    if extra <= 0.0:
        return s0, np.asarray(line.interpolate(s0).coords[0])[:2]
    foot = a + extra * direction
    return (base - extra if s0 <= 0.0 else base + extra), foot


def _clip_line(line: LineString, treated: BaseGeometry, prepared) -> List[LineString]:
    if prepared.contains(line):
        return [line]
    if not prepared.intersects(line):
        return []
    part = line.intersection(treated)
    if part.is_empty:
        return []
    if isinstance(part, LineString):
        parts = [part]
    else:
        parts = [g for g in getattr(part, "geoms", []) if isinstance(g, LineString)]
        if len(parts) > 1:
            merged = linemerge(parts)
            parts = list(merged.geoms) if hasattr(merged, "geoms") else [merged]
    return [p for p in parts if p.length > 0]


def _segment_slopes(coords: np.ndarray, win: _Window) -> Tuple[np.ndarray, np.ndarray]:
    """Lengths and slopes (degrees, of the cell holding the midpoint) of a polyline's segments."""
    seg = np.diff(coords, axis=0)
    length = np.hypot(seg[:, 0], seg[:, 1])
    mid = coords[:-1] + 0.5 * seg
    r, c, ok = win.cell_index(mid[:, 0], mid[:, 1])
    slope = np.where(ok, win.slope[r, c], np.nan)
    return length, slope


# --- the layout --------------------------------------------------------------------------


def lay_out_works(
    dem_path: str,
    areas: Sequence[Tuple[int, bytes]],
    spec: WorksSpec,
    *,
    max_works: int = MAX_WORKS,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> WorksResult:
    """Lay out pits, benches or trenches on the polygons ``areas``.

    Parameters
    ----------
    dem_path : projected DEM in metres (north-up).
    areas : ``[(area_id, polygon WKB in the DEM's CRS), ...]``.
    spec : the measure, its dimensions, spacings and slope range.
    max_works : refuse the run (before building geometries) when the
        expected number of pits / pieces exceeds it.

    Raises
    ------
    InputError, MemoryLimitError, Cancelled
    """
    spec.validate()
    ds, grid = open_raster(dem_path)
    grid.check_usable()
    band = ds.GetRasterBand(1)
    crs = grid.crs_wkt
    cell_area = grid.cell_area
    is_pits = spec.measure == MEASURE_PITS

    works_wkb: List[bytes] = []
    cols: Dict[str, List[np.ndarray]] = {
        k: [] for k in ("area", "row", "level", "slope", "length", "earth", "seedlings")
    }
    rows_out: List[RowLine] = []
    excluded_out: List[Tuple[int, int, bytes, float]] = []
    summaries: List[AreaSummary] = []
    warnings: List[Tuple[str, Dict[str, object]]] = []
    n_areas = max(len(areas), 1)
    expected_total = 0.0

    for a_index, (area_id, geom_wkb) in enumerate(areas):
        if is_cancelled():
            raise Cancelled()
        base = a_index / n_areas

        def sub(fraction: float, _base: float = base) -> None:
            progress(_base + fraction / n_areas)

        geom = shapely_wkb.loads(bytes(geom_wkb))
        if not geom.is_valid:
            geom = geom.buffer(0)
        summary = AreaSummary(area_id=area_id, area_m2=float(geom.area))
        summaries.append(summary)
        if geom.is_empty or geom.area <= 0:
            continue
        win = _read_window(band, grid, geom.bounds, 2, area_id)
        inside = _inside_mask(geom.wkb, win, crs)
        touched = _inside_mask(geom.wkb, win, crs, all_touched=True)
        valid = np.isfinite(win.slope) & np.isfinite(win.z)
        with np.errstate(invalid="ignore"):
            in_range = valid & (win.slope >= spec.min_slope) & (win.slope <= spec.max_slope)
        # exclusion codes on the cells touching the polygon
        codes = np.zeros(win.shape, dtype=np.uint8)
        with np.errstate(invalid="ignore"):
            codes[valid & (win.slope < spec.min_slope)] = EXCL_LOW
            codes[valid & (win.slope > spec.max_slope)] = EXCL_HIGH
        codes[~valid] = EXCL_NODATA
        codes[~touched] = 0
        excl_geoms = _polygonize_codes(codes, win.gt, crs) if codes.any() else {}
        excl_union = []
        for code, g in sorted(excl_geoms.items()):
            part = g.intersection(geom)
            if part.is_empty or part.area <= 0:
                continue
            summary.excluded_m2[code] = float(part.area)
            excluded_out.append((area_id, code, part.wkb, float(part.area)))
            excl_union.append(part)
        treated = geom.difference(unary_union(excl_union)) if excl_union else geom
        summary.treated_m2 = float(treated.area) if not treated.is_empty else 0.0
        sub(0.15)

        ok_cells = inside & in_range
        if not ok_cells.any():  # a sliver holding no cell centre: use the cells it touches
            ok_cells = touched & in_range
        if not ok_cells.any() or summary.treated_m2 <= 0:
            warnings.append(
                (
                    QT_TRANSLATE_NOOP(
                        "SwcCore",
                        "Area {area}: no part has a slope between {low}° and {high}°; nothing "
                        "is laid out there.",
                    ),
                    {"area": area_id, "low": spec.min_slope, "high": spec.max_slope},
                )
            )
            continue
        zc = win.z[ok_cells]
        sc = win.slope[ok_cells]
        summary.mean_slope = float(np.mean(sc))
        cos = np.cos(np.radians(sc))
        if is_pits:
            summary.nominal_count = float(np.sum(cell_area / (spec.spacing * spec.row_spacing * cos)))
        else:
            summary.nominal_count = float(np.sum(cell_area / (spec.row_spacing * cos)))  # metres
        expected_total += summary.nominal_count if is_pits else summary.nominal_count / spec.spacing
        if expected_total > max_works:
            raise MemoryLimitError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "About {count} works would be laid out, more than the limit of {limit}. "
                    "Treat fewer or smaller areas per run, or increase SPACING / ROW_SPACING.",
                ),
                count=int(expected_total),
                limit=max_works,
            )

        min_band = 2.0 * max(grid.cellsize_x, grid.cellsize_y) * math.tan(math.radians(float(np.median(sc))))
        levels, steps, band_slopes = row_levels(zc, sc, spec.row_spacing, min_band)
        pieces = _contours(win, levels, crs)
        sub(0.3)

        prepared = prep(treated)
        minx, miny, maxx, maxy = geom.bounds
        top = int(np.argmax(np.where(ok_cells, win.z, -np.inf)))
        tr, tc = divmod(top, win.shape[1])
        anchors_prev = np.array([[win.gt[0] + (tc + 0.5) * win.gt[1], win.gt[3] + (tr + 0.5) * win.gt[5]]])
        n_levels = len(levels)
        for k in range(n_levels):
            if is_cancelled():
                raise Cancelled()
            row_no = k + 1
            offset = 0.5 if (spec.stagger and is_pits and k % 2 == 1) else 0.0
            anchors_now = []
            row_parts: List[LineString] = []
            row_count = 0
            for coords in pieces.get(k, []):
                if (
                    coords[:, 0].max() < minx
                    or coords[:, 0].min() > maxx
                    or coords[:, 1].max() < miny
                    or coords[:, 1].min() > maxy
                ):
                    continue
                line = LineString(coords)
                length = line.length
                # origin: foot of the perpendicular from the nearest anchor of the previous row
                mid = np.asarray(line.interpolate(0.5, normalized=True).coords[0])
                near_anchor = anchors_prev[int(np.argmin(np.hypot(*(anchors_prev - mid).T)))]
                s0, foot = _foot(line, coords, near_anchor)
                anchors_now.append(foot)
                parts = _clip_line(line, treated, prepared)
                if not parts:
                    continue
                if is_pits:
                    j0 = math.ceil(-s0 / spec.spacing - offset)
                    j1 = math.floor((length - s0) / spec.spacing - offset)
                    if j1 < j0:
                        row_parts.extend(parts)
                        continue
                    closed = _is_closed(coords)
                    pos = s0 + (np.arange(j0, j1 + 1) + offset) * spec.spacing
                    if closed:  # a ring: avoid a double pit where it closes
                        pos = pos[pos < length - 1e-9]
                        pos = pos[pos >= 0]
                    pts, tang = along_line(coords, pos)
                    # the long axis follows the contour's secant over the pit's length
                    half = 0.5 * spec.pit_long_axis
                    ahead, behind = pos + half, pos - half
                    if closed:
                        ahead, behind = np.mod(ahead, length), np.mod(behind, length)
                    else:
                        ahead, behind = np.minimum(ahead, length), np.maximum(behind, 0.0)
                    secant = along_line(coords, ahead)[0] - along_line(coords, behind)[0]
                    norm = np.hypot(secant[:, 0], secant[:, 1])
                    good = norm > 1e-9
                    tang[good] = secant[good] / norm[good, None]
                    r, c, in_win = win.cell_index(pts[:, 0], pts[:, 1])
                    keep = in_win & in_range[r, c]
                    if keep.any():
                        keep[keep] = contains_xy(geom, pts[keep, 0], pts[keep, 1])
                    if keep.any():
                        pts, tang, r, c = pts[keep], tang[keep], r[keep], c[keep]
                        normal = np.column_stack([-tang[:, 1], tang[:, 0]])
                        grad = np.column_stack([win.gx[r, c], win.gy[r, c]])
                        sign = np.where(np.sum(normal * grad, axis=1) > 0, -1.0, 1.0)
                        rings = half_ellipse_rings(
                            pts, tang, normal * sign[:, None], spec.pit_long_axis, spec.pit_short_axis
                        )
                        n = len(pts)
                        works_wkb.extend(polygons_wkb(rings))
                        cols["area"].append(np.full(n, area_id, dtype=np.int64))
                        cols["row"].append(np.full(n, row_no, dtype=np.int64))
                        cols["level"].append(np.full(n, levels[k]))
                        cols["slope"].append(win.slope[r, c])
                        cols["length"].append(np.zeros(n))
                        cols["earth"].append(np.full(n, spec.pit_volume))
                        cols["seedlings"].append(np.full(n, spec.seedlings_per_spot))
                        row_count += n
                    row_parts.extend(parts)
                else:
                    for part in parts:
                        if part.length < spec.spacing:
                            continue
                        pc = np.asarray(part.coords)[:, :2]
                        seg_len, seg_slope = _segment_slopes(pc, win)
                        good = np.isfinite(seg_slope)
                        w = seg_len[good]
                        mean_slope = (
                            float(np.sum(w * seg_slope[good]) / np.sum(w))
                            if w.sum() > 0
                            else summary.mean_slope
                        )
                        if spec.measure == MEASURE_BENCHES:
                            tan = np.tan(np.radians(np.where(good, seg_slope, mean_slope)))
                            earth = float(np.sum(seg_len * spec.bench_width**2 * tan / 8.0))
                        else:
                            earth = float(part.length * spec.trench_area)
                        spots = max(1, int(round(part.length / spec.spacing)))
                        works_wkb.append(part.wkb)
                        cols["area"].append(np.array([area_id], dtype=np.int64))
                        cols["row"].append(np.array([row_no], dtype=np.int64))
                        cols["level"].append(np.array([levels[k]]))
                        cols["slope"].append(np.array([mean_slope]))
                        cols["length"].append(np.array([part.length]))
                        cols["earth"].append(np.array([earth]))
                        cols["seedlings"].append(np.array([spots * spec.seedlings_per_spot]))
                        row_parts.append(part)
                        row_count += 1
            if anchors_now:
                anchors_prev = np.array(anchors_now)
            if row_parts:
                merged = row_parts[0] if len(row_parts) == 1 else MultiLineString(row_parts)
                rows_out.append(
                    RowLine(
                        area_id,
                        row_no,
                        float(levels[k]),
                        float(steps[k]),
                        float(band_slopes[k]),
                        float(merged.length),
                        row_count,
                        merged.wkb,
                    )
                )
            if k % 20 == 0:
                sub(0.3 + 0.7 * (k + 1) / max(n_levels, 1))
        sub(1.0)

    def cat(name: str, dtype: type) -> np.ndarray:
        return np.concatenate(cols[name]).astype(dtype) if cols[name] else np.zeros(0, dtype=dtype)

    result = WorksResult(
        grid=grid,
        spec=spec,
        works_wkb=works_wkb,
        works_area=cat("area", np.int64),
        works_row=cat("row", np.int64),
        works_level=cat("level", np.float64),
        works_slope=cat("slope", np.float64),
        works_length=cat("length", np.float64),
        works_earth=cat("earth", np.float64),
        works_seedlings=cat("seedlings", np.float64),
        rows=rows_out,
        excluded=excluded_out,
        summaries=summaries,
        warnings=warnings,
    )
    _totals(result)
    progress(1.0)
    return result


def _totals(result: WorksResult) -> None:
    spec = result.spec
    p_unit, p_m3, p_seedling = spec.unit_prices
    by_area = {s.area_id: s for s in result.summaries}
    rows_per_area: Dict[int, int] = {}
    for row in result.rows:
        rows_per_area[row.area_id] = rows_per_area.get(row.area_id, 0) + 1
    for area_id, summary in by_area.items():
        sel = result.works_area == area_id
        summary.count = int(np.count_nonzero(sel))
        summary.length_m = float(result.works_length[sel].sum())
        summary.earth_m3 = float(result.works_earth[sel].sum())
        summary.seedlings = float(result.works_seedlings[sel].sum())
        units = summary.count if spec.measure == MEASURE_PITS else summary.length_m
        summary.cost = units * p_unit + summary.earth_m3 * p_m3 + summary.seedlings * p_seedling
        summary.rows = rows_per_area.get(area_id, 0)


def parse_prices(text: str) -> Tuple[float, float, float]:
    """Unit prices from ``"a, b, c"`` (per pit or metre, per m³, per seedling); blanks are 0.

    >>> parse_prices("3.5, 40, 2"), parse_prices(""), parse_prices("5")
    ((3.5, 40.0, 2.0), (0.0, 0.0, 0.0), (5.0, 0.0, 0.0))
    """
    parts = [p.strip() for p in str(text or "").replace(";", ",").replace("，", ",").split(",")]
    if len(parts) > 3:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "UNIT_PRICES takes at most three numbers: price per pit (or per metre of "
                'bench or trench), per m³ of earthwork and per seedling, e.g. "3.5, 40, 2"; got '
                '"{text}".',
            ),
            text=text,
        )
    values = []
    for p in parts:
        if not p:
            values.append(0.0)
            continue
        try:
            v = float(p)
        except ValueError as exc:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    'UNIT_PRICES: "{value}" is not a number. Give up to three numbers: '
                    "price per pit (or per metre of bench or trench), per m³ of earthwork and per "
                    'seedling, e.g. "3.5, 40, 2".',
                ),
                value=p,
            ) from exc
        if v < 0 or not math.isfinite(v):
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "Unit prices must not be negative (got {prices})."), prices=text
            )
        values.append(v)
    while len(values) < 3:
        values.append(0.0)
    return values[0], values[1], values[2]
