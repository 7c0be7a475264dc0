"""Check-dam series (谷坊) along gullies and the storage of a dam axis.

Two capabilities on top of :mod:`.hydrology` (fill, D8, accumulation):

**Check-dam series** (:func:`plan_check_dams`).  Gullies are the channel cells
whose upslope area lies between two limits (and inside an optional area of
interest); each connected tree of such cells is one gully.  The series is laid
out by the 顶底相照 rule of GB 51018-2014 §14.4.1 (domain.md §7.1): behind a
dam of effective height ``H`` the deposit fills up to the spillway crest and
then rises upstream at the non-scouring gradient ``i'``; the next dam upstream
goes to the first channel cell where that silted bed meets the channel bed.
On a uniform bed of gradient ``i`` this is the textbook spacing
``L = H / (i − i')``; on a real profile the walk follows the bed cell by cell,
so a steeper bed upstream places the dams closer together.  The walk runs on
the whole gully tree at once: a wavefront moves upstream from every gully
outlet, each cell inheriting the dam whose silted bed covers it; where a branch
splits, the wedge follows every branch.

Each dam then gets, from the depression-filled DEM:

* its crest line across the valley, perpendicular to the thalweg (direction
  over a window of the channel), ending where the ground reaches the crest
  level; the crest length, and the dam body volume as the trapezoidal section
  (top width, up- and downstream side slopes of its type, domain.md §7.1)
  integrated along the crest over the local dam height;
* its pool: the cells that drain into the gully network in the reach the dam
  governs (between the dam and the points where its silted bed meets the
  bed), with the height–area–volume curve, the storage at ``H`` and the
  silted wedge (area, volume, polygon).  Cells cut by the dam axis count with
  the share of the cell upstream of the axis (half for a cell centred on
  it), which makes the sums the midpoint rule of the exact integrals.

**Dam storage** (:func:`dam_storage`) does the same for a dam axis drawn by
the user (domain.md §7.3): the control area is every cell draining through the
axis; the height–area–volume table runs to a maximum height; the flooded
polygon is given at one height; the size class follows domain.md §7.2 and the
sediment life ``N = V·γd / (M·A·SDR)``.

Arrays use ``(row, col)`` order; elevations are NaN at nodata.  The storage
comes from the depression-filled DEM: along a filled DEM every cell has a
non-ascending flow path to the dam, so every cell below the water level in
the dam's catchment is connected to the dam.  Pits of the raw DEM (mostly
artefacts) do not add storage.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr

from . import standards
from .errors import QT_TRANSLATE_NOOP, InputError
from .grid import GridSpec
from .hydrology import (
    D8_CODES,
    D8_OFFSETS,
    DEFAULT_MAX_MEMORY_MB,
    FlowResult,
    mask_to_polygon,
    route_dem,
    strahler_order,
)
from .io.raster import CancelFn, ProgressFn, _never, _noop_progress, check_cancel
from .io.vector import memory_layer, require_overlap

gdal.UseExceptions()

__all__ = [
    "dam_type",
    "check_dam_height",
    "spacing_walk",
    "meet_distance",
    "rule_spacing",
    "section_area",
    "body_volume_along",
    "hav_curve",
    "size_class",
    "sediment_life",
    "CheckDam",
    "CheckDamPlan",
    "plan_check_dams",
    "check_dams_from_dem",
    "StorageResult",
    "dam_storage",
    "dam_storage_from_dem",
    "aoi_mask",
]

_CODE_TO_K = np.full(256, -1, dtype=np.int64)
for _k, _c in enumerate(D8_CODES):
    _CODE_TO_K[_c] = _k


# ---------------------------------------------------------------------------
# dam types, rule, sections, classes
# ---------------------------------------------------------------------------


def dam_type(key: str) -> Tuple[float, float, float, float]:
    """``(max height m, top width m, upstream slope 1:m, downstream slope 1:m)`` of a type.

    >>> dam_type("drystone")
    (3.0, 1.0, 1.5, 1.25)
    """
    try:
        return standards.CHECK_DAM_TYPES[key]
    except KeyError:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "Unknown check-dam type “{key}”. Use one of: {types}."),
            key=key,
            types=", ".join(standards.CHECK_DAM_TYPE_ORDER),
        ) from None


def check_dam_height(height: float, key: str) -> None:
    """Refuse a height that is not positive or above the type's cap (GB 51018 §14.4)."""
    cap = dam_type(key)[0]
    if not height > 0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The dam height must be positive (got {height:g} m)."), height=height
        )
    if height > cap + 1e-9:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The effective height H = {height:g} m exceeds the maximum of {cap:g} m "
                "for {type} check dams (GB 51018-2014 §14.4). Lower DAM_HEIGHT to at most {cap:g} m "
                "or choose a type that allows higher dams (mortar masonry or earth: up to 5 m).",
            ),
            height=height,
            cap=cap,
            type=key,
        )


def rule_spacing(height: float, gradient: float, i_prime: float) -> float:
    """The 顶底相照 spacing ``L = H / (i − i')`` (m); ``inf`` when ``i <= i'``.

    >>> rule_spacing(3.0, 0.08, 0.02)
    50.0
    """
    if gradient <= i_prime:
        return math.inf
    return float(height) / (float(gradient) - float(i_prime))


def spacing_walk(
    distance: np.ndarray,
    bed: np.ndarray,
    height: float,
    i_prime: float,
    *,
    eligible: Optional[np.ndarray] = None,
    start: int = 0,
) -> np.ndarray:
    """Dam positions along a 1-D bed profile by the 顶底相照 rule.

    Parameters
    ----------
    distance : distances along the channel (m), increasing upstream.
    bed : bed elevations (m) at those points.
    height : effective height H to the spillway crest (m).
    i_prime : gradient of the silted bed (m/m).
    eligible : optional boolean mask of points where a dam may stand; where
        the silted bed meets the bed at a point that is not eligible, the next
        eligible point upstream gets the next dam.
    start : index of the first candidate (the lowest dam).

    Returns
    -------
    Indices of the dams, upstream order.  Each next dam is the first point
    whose bed is at least the silted bed of the dam below,
    ``bed[k] + H + i'·(distance − distance[k])``.

    >>> s = np.arange(0, 201, 10.0)
    >>> spacing_walk(s, 0.08 * s, 3.0, 0.02).tolist()   # L = 3 / 0.06 = 50 m
    [0, 5, 10, 15, 20]
    """
    d = np.asarray(distance, dtype=np.float64)
    z = np.asarray(bed, dtype=np.float64)
    ok = np.ones(d.size, dtype=bool) if eligible is None else np.asarray(eligible, dtype=bool)
    out: List[int] = []
    k = int(start)
    while k < d.size:
        cand = np.flatnonzero(ok[k:])
        if cand.size == 0:
            break
        k += int(cand[0])
        out.append(k)
        level = z[k] + height + i_prime * (d[k + 1 :] - d[k])
        meet = np.flatnonzero(z[k + 1 :] >= level - 1e-9)
        if meet.size == 0:
            break
        k = k + 1 + int(meet[0])
    return np.asarray(out, dtype=np.int64)


def meet_distance(distance: np.ndarray, bed: np.ndarray, k: int, height: float, i_prime: float) -> float:
    """Exact distance (m, linear between points) from point ``k`` to where its silted
    bed meets the bed; ``inf`` if it never does."""
    d = np.asarray(distance, dtype=np.float64)
    z = np.asarray(bed, dtype=np.float64)
    f = z[k:] - (z[k] + height + i_prime * (d[k:] - d[k]))
    hit = np.flatnonzero(f >= 0)
    if hit.size == 0:
        return math.inf
    j = int(hit[0])
    if j == 0:
        return 0.0
    f0, f1 = f[j - 1], f[j]
    s0, s1 = d[k + j - 1], d[k + j]
    return float(s0 + (s1 - s0) * (-f0) / (f1 - f0) - d[k])


def section_area(h: Any, top_width: float, up_slope: float, down_slope: float) -> Any:
    """Trapezoidal dam section (m²) at dam height ``h``: ``b·h + (m1 + m2)·h²/2``."""
    h = np.asarray(h, dtype=np.float64)
    return top_width * h + 0.5 * (up_slope + down_slope) * h * h


def body_volume_along(
    offsets: np.ndarray,
    ground: np.ndarray,
    crest_z: float,
    top_width: float,
    up_slope: float,
    down_slope: float,
) -> float:
    """Dam body volume (m³): the trapezoidal section integrated along the crest.

    ``offsets`` (m, increasing) and ``ground`` (m) sample the cross-section; the
    local height is ``max(crest_z − ground, 0)``, linear between samples, and
    the integral is exact for that piecewise-linear height.
    """
    x = np.asarray(offsets, dtype=np.float64)
    h = np.maximum(crest_z - np.asarray(ground, dtype=np.float64), 0.0)
    return float(_section_integral(np.diff(x), h[:-1], h[1:], top_width, up_slope, down_slope).sum())


def _section_integral(
    length: np.ndarray, h1: np.ndarray, h2: np.ndarray, top_width: float, up_slope: float, down_slope: float
) -> np.ndarray:
    a = 0.5 * (up_slope + down_slope)
    return length * (top_width * 0.5 * (h1 + h2) + a * (h1 * h1 + h1 * h2 + h2 * h2) / 3.0)


def hav_curve(
    depth: np.ndarray, weights: Optional[np.ndarray], cell_area: float, heights: Any
) -> Tuple[np.ndarray, np.ndarray]:
    """Height–area–volume curve of a pool.

    Parameters
    ----------
    depth : elevation of each candidate cell above the dam's bed (m).
    weights : share of each cell that belongs to the pool (1 if omitted).
    cell_area : m².
    heights : water heights above the bed (m).

    Returns
    -------
    ``(area_m2, volume_m3)`` at each height: ``A(h) = Σ w·[d < h]·a`` and
    ``V(h) = Σ w·max(h − d, 0)·a``.

    >>> hav_curve(np.array([0.0, 1.0, 2.0]), None, 10.0, [0, 1.5, 3])
    (array([ 0., 20., 30.]), array([ 0., 20., 60.]))
    """
    d = np.asarray(depth, dtype=np.float64)
    w = np.ones(d.size) if weights is None else np.asarray(weights, dtype=np.float64)
    order = np.argsort(d, kind="stable")
    ds, ws = d[order], w[order]
    cw = np.concatenate([[0.0], np.cumsum(ws)])
    cwd = np.concatenate([[0.0], np.cumsum(ws * ds)])
    h = np.asarray(heights, dtype=np.float64)
    n = np.searchsorted(ds, h, side="left")  # cells with d < h
    area = cw[n] * cell_area
    vol = (h * cw[n] - cwd[n]) * cell_area
    return area, np.maximum(vol, 0.0)


def size_class(volume_m3: float) -> Tuple[str, str, str]:
    """Size class of a silt-trap dam by total capacity (domain.md §7.2).

    Returns ``(code, Chinese name, design silting life)``; above 500 × 10⁴ m³
    the code is ``"above_large1"``.

    >>> size_class(8.0e4)
    ('small', '小型', '5')
    >>> size_class(6.0e5)[1]
    '大(2)型'
    """
    for upper, code, name, life in standards.DAM_SIZE_CLASSES:
        if volume_m3 < upper:
            return code, name, life
    return "above_large1", "超大(1)型", ""


def sediment_life(
    volume_m3: float,
    control_km2: float,
    modulus_t_km2_a: float,
    dry_density_t_m3: float = standards.DEPOSIT_DRY_DENSITY_T_M3,
    delivery_ratio: float = 1.0,
) -> float:
    """Years to fill ``volume_m3`` with sediment: ``N = V·γd / (M·A·SDR)`` (domain.md §7.2).

    ``inf`` when no sediment arrives.

    >>> round(sediment_life(10000.0, 0.5, 5000.0), 2)
    5.4
    """
    load = float(modulus_t_km2_a) * float(control_km2) * float(delivery_ratio)
    if load <= 0:
        return math.inf
    return float(volume_m3) * float(dry_density_t_m3) / load


# ---------------------------------------------------------------------------
# grid helpers
# ---------------------------------------------------------------------------


def aoi_mask(polygons: Sequence[bytes], grid: GridSpec, label: str = "AOI") -> np.ndarray:
    """Boolean mask of the cells whose centre lies in any of the WKB polygons.

    Raises
    ------
    InputError
        if the polygons lie outside the DEM or cover no cell centre.
    """
    pairs = [(1, w) for w in polygons]
    require_overlap(pairs, grid, label)
    ds = gdal.GetDriverByName("MEM").Create("", grid.cols, grid.rows, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(grid.geotransform)
    if grid.crs_wkt:
        ds.SetProjection(grid.crs_wkt)
    _src, layer = memory_layer(pairs, grid.crs_wkt)
    gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=VAL"])
    mask = ds.GetRasterBand(1).ReadAsArray() > 0
    if not mask.any():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The area of interest {layer} covers no cell of the DEM. Draw it over the "
                "DEM or leave it empty to use the whole DEM.",
            ),
            layer=label,
        )
    return mask


def _down_index(codes: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Flat index of each cell's D8 receiver; -1 where the flow leaves the grid or data."""
    rows, cols = codes.shape
    k = _CODE_TO_K[codes.astype(np.uint8).ravel()]
    dr = np.array([o[0] for o in D8_OFFSETS] + [0])[k]
    dc = np.array([o[1] for o in D8_OFFSETS] + [0])[k]
    idx = np.arange(rows * cols, dtype=np.int64)
    r = idx // cols + dr
    c = idx % cols + dc
    inside = (k >= 0) & (r >= 0) & (r < rows) & (c >= 0) & (c < cols)
    down = np.where(inside, r * cols + c, -1)
    ok = down >= 0
    ok[ok] = valid.ravel()[down[ok]]
    down[~ok] = -1
    return down


def _step_lengths(codes: np.ndarray, cx: float, cy: float) -> np.ndarray:
    k = _CODE_TO_K[codes.astype(np.uint8).ravel()]
    diag = math.hypot(cx, cy)
    lut = np.array([cx, diag, cy, diag, cx, diag, cy, diag, 0.0])
    return lut[k]


def _main_upstream(down: np.ndarray, acc: np.ndarray) -> np.ndarray:
    """For each cell, the upstream neighbour with the largest accumulation (-1: none)."""
    src = np.flatnonzero(down >= 0)
    dst = down[src]
    a = np.nan_to_num(acc[src], nan=-1.0)
    order = np.lexsort((src, a, dst))  # by dst, then accumulation, ties by index
    dst_s = dst[order]
    last = np.r_[dst_s[1:] != dst_s[:-1], True]
    up = np.full(down.size, -1, dtype=np.int64)
    up[dst_s[last]] = src[order][last]
    return up


def _follow(
    ptr: np.ndarray, start: np.ndarray, steps: int, lengths: np.ndarray, length_of_target: bool
) -> Tuple[np.ndarray, np.ndarray]:
    """Follow ``ptr`` up to ``steps`` times from ``start``; returns (end cell, distance)."""
    cur = start.copy()
    dist = np.zeros(start.size)
    for _ in range(steps):
        nxt = ptr[cur]
        ok = nxt >= 0
        if not ok.any():
            break
        step = lengths[nxt[ok]] if length_of_target else lengths[cur[ok]]
        dist[ok] += step
        cur[ok] = nxt[ok]
    return cur, dist


def _bilinear(z: np.ndarray, gt: Sequence[float], xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Bilinear sample of cell-centre values; NaN outside the centres' hull or near nodata."""
    x0, dx, _, y0, _, dy = gt
    fc = (xs - x0) / dx - 0.5
    fr = (ys - y0) / dy - 0.5
    rows, cols = z.shape
    c0 = np.floor(fc).astype(np.int64)
    r0 = np.floor(fr).astype(np.int64)
    tc = fc - c0
    tr = fr - r0
    # a point exactly on the last centre line uses the cell before it
    c0 = np.where((c0 == cols - 1) & (tc < 1e-9), cols - 2, c0)
    tc = np.where(c0 == cols - 2, fc - c0, tc)
    r0 = np.where((r0 == rows - 1) & (tr < 1e-9), rows - 2, r0)
    tr = np.where(r0 == rows - 2, fr - r0, tr)
    inside = (c0 >= 0) & (c0 < cols - 1) & (r0 >= 0) & (r0 < rows - 1)
    c0c = np.clip(c0, 0, max(cols - 2, 0))
    r0c = np.clip(r0, 0, max(rows - 2, 0))
    z00 = z[r0c, c0c]
    z01 = z[r0c, c0c + 1]
    z10 = z[r0c + 1, c0c]
    z11 = z[r0c + 1, c0c + 1]
    out = (z00 * (1 - tc) + z01 * tc) * (1 - tr) + (z10 * (1 - tc) + z11 * tc) * tr
    return np.where(inside, out, np.nan)


def _cross_sections(
    z: np.ndarray,
    grid: GridSpec,
    px: np.ndarray,
    py: np.ndarray,
    nx: np.ndarray,
    ny: np.ndarray,
    crest: np.ndarray,
    max_length: float,
    dims: Tuple[float, float, float, float],
    is_cancelled: CancelFn,
    chunk: int = 2048,
) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distances along +n and -n to where the ground reaches ``crest``; body volumes.

    Returns ``(a, b, body)``; ``a``/``b`` are NaN where the section does not
    close within ``max_length`` (both sides together) or meets nodata.
    """
    step = min(grid.cellsize_x, grid.cellsize_y) / 2.0
    nsteps = int(math.ceil(max_length / step)) + 1
    offs = np.arange(nsteps + 1) * step
    n = px.size
    a = np.full(n, np.nan)
    b = np.full(n, np.nan)
    body = np.full(n, np.nan)
    _, top, up, down = dims
    for lo in range(0, n, chunk):
        check_cancel(is_cancelled)
        hi = min(lo + chunk, n)
        sides = []
        for sign in (1.0, -1.0):
            xs = px[lo:hi, None] + sign * nx[lo:hi, None] * offs[None, :]
            ys = py[lo:hi, None] + sign * ny[lo:hi, None] * offs[None, :]
            g = _bilinear(z, grid.geotransform, xs, ys)
            g[:, 0] = np.where(np.isnan(g[:, 0]), crest[lo:hi] - 1e-6, g[:, 0])
            cr = crest[lo:hi, None]
            reach = (g >= cr) | np.isnan(g)
            first = np.argmax(reach, axis=1)
            anyr = reach.any(axis=1)
            rowsel = np.arange(hi - lo)
            gf = g[rowsel, first]
            closed = anyr & ~np.isnan(gf) & (first > 0)
            fi = np.maximum(first, 1)
            gp = g[rowsel, fi - 1]
            with np.errstate(invalid="ignore", divide="ignore"):
                frac = np.where(gf > gp, (crest[lo:hi] - gp) / (gf - gp), 1.0)
            frac = np.clip(np.where(np.isfinite(frac), frac, 1.0), 0.0, 1.0)
            # refine the crossing on the bilinear surface (bisection inside the bracket)
            lo_t = (fi - 1).astype(np.float64) * step
            hi_t = fi.astype(np.float64) * step
            for _ in range(26):
                mid = 0.5 * (lo_t + hi_t)
                gm = _bilinear(
                    z,
                    grid.geotransform,
                    px[lo:hi] + sign * nx[lo:hi] * mid,
                    py[lo:hi] + sign * ny[lo:hi] * mid,
                )
                above = ~(gm < crest[lo:hi])
                hi_t = np.where(above, mid, hi_t)
                lo_t = np.where(above, lo_t, mid)
            frac = np.where(closed, (0.5 * (lo_t + hi_t)) / step - (fi - 1), frac)
            dist = (fi - 1 + frac) * step
            # body: full segments before the last one, then the partial one
            h = np.maximum(cr - g, 0.0)
            h = np.where(np.isnan(h), 0.0, h)
            seg = _section_integral(np.full((hi - lo, nsteps), step), h[:, :-1], h[:, 1:], top, up, down)
            full = np.arange(nsteps)[None, :] < (fi - 1)[:, None]
            vol = np.where(full, seg, 0.0).sum(axis=1)
            hp = h[rowsel, fi - 1]
            vol += _section_integral(frac * step, hp, np.zeros_like(hp), top, up, down)
            sides.append((np.where(closed, dist, np.nan), vol))
        (da, va), (db, vb) = sides
        ok = np.isfinite(da) & np.isfinite(db) & (da + db <= max_length)
        a[lo:hi] = np.where(ok, da, np.nan)
        b[lo:hi] = np.where(ok, db, np.nan)
        body[lo:hi] = np.where(ok, va + vb, np.nan)
    return a, b, body


def _axis_weights(
    x: np.ndarray,
    y: np.ndarray,
    px: np.ndarray,
    py: np.ndarray,
    tx: np.ndarray,
    ty: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    cx: float,
    cy: float,
) -> np.ndarray:
    """Share of each cell on the upstream side of its dam's axis.

    The axis passes through ``(px, py)`` across the unit downstream direction
    ``(tx, ty)`` and reaches ``a`` to the left (+n) and ``b`` to the right.
    Cells within 1.5 cells of the axis and within its extent get
    ``clip(0.5 − d / c, 0, 1)`` (``d`` their signed distance downstream of the
    axis, ``c`` the cell's extent along ``t``); all other cells 1.
    """
    dx = x - px
    dy = y - py
    d = dx * tx + dy * ty
    lat = dx * (-ty) + dy * tx
    ceff = np.abs(tx) * cx + np.abs(ty) * cy
    near = (np.abs(d) < 1.5 * ceff) & (lat <= a + ceff) & (lat >= -b - ceff)
    return np.where(near, np.clip(0.5 - d / ceff, 0.0, 1.0), 1.0)


def _polygons_by_label(labels: np.ndarray, grid: GridSpec) -> Dict[int, Any]:
    """Shapely (Multi)Polygon of each positive label of a label grid."""
    from shapely import wkb as swkb
    from shapely.ops import unary_union

    rows_any = np.flatnonzero((labels > 0).any(axis=1))
    cols_any = np.flatnonzero((labels > 0).any(axis=0))
    if rows_any.size == 0:
        return {}
    r0, r1 = int(rows_any[0]), int(rows_any[-1]) + 1
    c0, c1 = int(cols_any[0]), int(cols_any[-1]) + 1
    sub = labels[r0:r1, c0:c1].astype(np.int32)
    mem = gdal.GetDriverByName("MEM").Create("", c1 - c0, r1 - r0, 1, gdal.GDT_Int32)
    mem.SetGeoTransform(grid.window_geotransform(r0, c0))
    band = mem.GetRasterBand(1)
    band.WriteArray(sub)
    mask_ds = gdal.GetDriverByName("MEM").Create("", c1 - c0, r1 - r0, 1, gdal.GDT_Byte)
    mask_ds.GetRasterBand(1).WriteArray((sub > 0).astype(np.uint8))
    ods = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = ods.CreateLayer("p", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))
    gdal.Polygonize(band, mask_ds.GetRasterBand(1), layer, 0, [])
    parts: Dict[int, List[Any]] = {}
    for feat in layer:
        geom = feat.GetGeometryRef()
        if geom is not None:
            parts.setdefault(int(feat.GetField(0)), []).append(swkb.loads(bytes(geom.ExportToWkb())))
    return {k: (v[0] if len(v) == 1 else unary_union(v)) for k, v in parts.items()}


def _downstream_band(px: float, py: float, tx: float, ty: float, a: float, b: float, c: float) -> Any:
    """Rectangle on the downstream side of an axis (to cut pixel polygons at the axis)."""
    from shapely.geometry import Polygon

    nx, ny = -ty, tx
    ax, ay = px + (a + 2 * c) * nx, py + (a + 2 * c) * ny
    bx, by = px - (b + 2 * c) * nx, py - (b + 2 * c) * ny
    w = 3.0 * c
    return Polygon([(ax, ay), (bx, by), (bx + w * tx, by + w * ty), (ax + w * tx, ay + w * ty)])


def _to_multipolygon_wkb(geom: Any) -> Optional[bytes]:
    from shapely.geometry import MultiPolygon, Polygon

    if geom is None or geom.is_empty:
        return None
    if isinstance(geom, Polygon):
        geom = MultiPolygon([geom])
    elif not isinstance(geom, MultiPolygon):
        polys = [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon) and not g.is_empty]
        if not polys:
            return None
        geom = MultiPolygon(polys)
    return bytes(geom.wkb)


# ---------------------------------------------------------------------------
# the check-dam series
# ---------------------------------------------------------------------------


@dataclass
class CheckDam:
    """One dam of a series (attributes as written to the ``DAMS`` output)."""

    dam_id: int
    gully: int
    reach: int
    order: int
    row: int
    col: int
    x: float
    y: float
    bed_z: float
    height: float
    crest_z: float
    gradient: float
    local_gradient: float
    next_id: Optional[int]
    spacing_m: Optional[float]
    rule_spacing_m: Optional[float]
    distance_m: float
    control_km2: float
    storage_m3: float
    pool_m2: float
    silt_m3: float
    silt_m2: float
    crest_m: float
    body_m3: float
    dam_type: str
    crest_wkb: bytes = b""
    silt_wkb: Optional[bytes] = None
    curve: List[Tuple[float, float, float]] = field(default_factory=list)


@dataclass
class CheckDamPlan:
    """Result of :func:`plan_check_dams`.

    ``gullies`` has one dict per gully with dams (``GULLY``, ``DAMS``,
    ``BODY_M3``, ``STORAGE_M3``, ``SILT_M3``, ``SILT_M2``, ``CHANNEL_M``,
    ``AREA_KM2``); ``stats`` counts the channel cells and why sites were left out.
    """

    grid: GridSpec
    dams: List[CheckDam]
    gullies: List[Dict[str, float]]
    stats: Dict[str, float]


def _no_channel_error(
    stats: Dict[str, float], min_km2: float, max_km2: float, min_gradient: float
) -> InputError:
    return InputError(
        QT_TRANSLATE_NOOP(
            "SwcCore",
            "No gully fits the limits: {net} channel cells have an upslope area between "
            "{min_km2:g} and {max_km2:g} km² inside the area of interest, and {steep} of them have a "
            "bed gradient of at least {grad:g} m/m and a valley section that closes at the crest "
            "height (largest upslope area in the area: {largest:.3f} km²; steepest channel "
            "gradient: {steepest:.3f} m/m). Lower MIN_UPAREA or MIN_GRADIENT, raise MAX_UPAREA or "
            "MAX_CREST_LENGTH, or enlarge the area of interest.",
        ),
        net=int(stats.get("channel_cells", 0)),
        min_km2=min_km2,
        max_km2=max_km2,
        steep=int(stats.get("eligible_cells", 0)),
        grad=min_gradient,
        largest=float(stats.get("largest_km2", 0.0)),
        steepest=float(stats.get("steepest", 0.0)),
    )


def plan_check_dams(
    flow: FlowResult,
    *,
    aoi: Optional[np.ndarray] = None,
    min_uparea_km2: float = standards.CHECK_DAM_UPAREA_KM2[0],
    max_uparea_km2: float = standards.CHECK_DAM_UPAREA_KM2[1],
    min_gradient: float = standards.CHECK_DAM_MIN_GRADIENT,
    height: float = standards.CHECK_DAM_HEIGHT_M,
    i_prime: float = standards.CHECK_DAM_I_PRIME,
    type_key: str = "drystone",
    max_dams: int = 0,
    curve_step: float = 0.5,
    max_crest_m: float = standards.CHECK_DAM_MAX_CREST_M,
    gradient_window_m: float = 30.0,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> CheckDamPlan:
    """Lay out check-dam series on every gully of a routed DEM.

    Parameters
    ----------
    flow : :func:`.hydrology.route_dem` result (filled DEM, D8 codes, accumulation).
    aoi : optional boolean mask; only channel cells inside it carry dams.
    min_uparea_km2, max_uparea_km2 : upslope-area limits of the gully cells (km²).
    min_gradient : minimum local bed gradient (m/m) of a dam site; must exceed ``i_prime``.
    height : effective height H (m), at most the type's cap.
    i_prime : gradient of the silted bed (m/m).
    type_key : key of :data:`.standards.CHECK_DAM_TYPES`.
    max_dams : at most this many dams per gully, the lowest ones (0: no limit).
    curve_step : height step of the height–area–volume curves (m).
    max_crest_m : sites whose valley section at crest level is longer are skipped.
    gradient_window_m : the local gradient of a site is taken over this distance
        (at least two cells) up and down the channel.

    Returns
    -------
    :class:`CheckDamPlan` (dams ordered by gully, then upstream).

    Raises
    ------
    InputError
        for a height above the type's cap, ``min_gradient <= i_prime``, bad
        limits, or when no channel cell fits the limits.
    """
    check_dam_height(height, type_key)
    dims = dam_type(type_key)
    if not 0 <= i_prime < min_gradient:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The silted-bed gradient I_PRIME ({ip:g}) must be at least 0 and below the "
                "minimum bed gradient MIN_GRADIENT ({grad:g}): on a bed flatter than the deposit the "
                "silt never meets the bed and the spacing rule L = H / (i − i′) has no answer.",
            ),
            ip=i_prime,
            grad=min_gradient,
        )
    if not 0 < min_uparea_km2 < max_uparea_km2:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The upslope-area limits must satisfy 0 < MIN_UPAREA < MAX_UPAREA (got "
                "{lo:g} and {hi:g} km²).",
            ),
            lo=min_uparea_km2,
            hi=max_uparea_km2,
        )
    grid = flow.grid
    rows, cols = grid.shape
    cx, cy = grid.cellsize_x, grid.cellsize_y
    cell_area = grid.cell_area
    z2 = flow.filled.astype(np.float64)
    z = z2.ravel()
    valid = np.isfinite(z)
    acc = flow.accumulation.ravel()
    uparea = acc * cell_area
    down = _down_index(flow.codes, np.isfinite(z2))
    steplen = _step_lengths(flow.codes, cx, cy)
    progress(0.05)

    with np.errstate(invalid="ignore"):
        net = valid & (uparea >= min_uparea_km2 * 1e6) & (uparea <= max_uparea_km2 * 1e6)
    if aoi is not None:
        net &= np.asarray(aoi, dtype=bool).ravel()
    stats: Dict[str, float] = {"channel_cells": int(net.sum())}
    inside = valid if aoi is None else valid & np.asarray(aoi, dtype=bool).ravel()
    stats["largest_km2"] = float(np.nanmax(np.where(inside, uparea, np.nan)) / 1e6) if inside.any() else 0.0
    cells = np.flatnonzero(net)

    # local gradient and thalweg direction over a window of the channel
    k = max(2, int(math.ceil(gradient_window_m / min(cx, cy))))
    mainup = _main_upstream(down, acc)
    dn_end, dn_dist = _follow(down, cells, k, steplen, length_of_target=False)
    up_end, up_dist = _follow(mainup, cells, k, steplen, length_of_target=True)
    span = dn_dist + up_dist
    with np.errstate(invalid="ignore", divide="ignore"):
        local_i = np.where(span > 0, (z[up_end] - z[dn_end]) / span, 0.0)
    xs_all = grid.geotransform[0] + (np.arange(cols) + 0.5) * grid.geotransform[1]
    ys_all = grid.geotransform[3] + (np.arange(rows) + 0.5) * grid.geotransform[5]
    cr, cc = cells // cols, cells % cols
    px, py = xs_all[cc], ys_all[cr]
    tx = xs_all[dn_end % cols] - xs_all[up_end % cols]
    ty = ys_all[dn_end // cols] - ys_all[up_end // cols]
    norm = np.hypot(tx, ty)
    norm[norm == 0] = 1.0
    tx, ty = tx / norm, ty / norm
    stats["steepest"] = float(local_i.max()) if cells.size else 0.0
    steep = local_i >= min_gradient
    progress(0.15)

    # valley sections at crest level for every steep channel cell
    a_all = np.full(cells.size, np.nan)
    b_all = np.full(cells.size, np.nan)
    body_all = np.full(cells.size, np.nan)
    si = np.flatnonzero(steep)
    if si.size:
        a_s, b_s, body_s = _cross_sections(
            z2, grid, px[si], py[si], -ty[si], tx[si], z[cells[si]] + height, max_crest_m, dims, is_cancelled
        )
        a_all[si], b_all[si], body_all[si] = a_s, b_s, body_s
    closes = np.isfinite(a_all)
    ok_cell = steep & closes
    stats["eligible_cells"] = int(ok_cell.sum())
    stats["open_sections"] = int((steep & ~closes).sum())
    if not ok_cell.any():
        raise _no_channel_error(stats, min_uparea_km2, max_uparea_km2, min_gradient)
    progress(0.3)

    # position of every network cell in the per-cell arrays
    pos = np.full(z.size, -1, dtype=np.int64)
    pos[cells] = np.arange(cells.size)
    parent = down[cells]
    in_tree = parent >= 0
    in_tree[in_tree] = net[parent[in_tree]]
    outlets = np.flatnonzero(~in_tree)  # positions
    child = np.flatnonzero(in_tree)
    ppos = pos[parent[child]]
    order = np.argsort(ppos, kind="stable")
    child_sorted = child[order]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(ppos, minlength=cells.size))])
    nchild = np.diff(indptr)

    n = cells.size
    s = np.zeros(n)
    gov = np.full(n, -1, dtype=np.int64)
    last = np.full(n, -1, dtype=np.int64)
    gully = np.full(n, -1, dtype=np.int64)
    reach = np.full(n, -1, dtype=np.int64)
    zc = z[cells]
    dam_pos = np.empty(n, dtype=np.int64)
    dam_crest = np.empty(n)
    dam_dist = np.empty(n)
    dam_parent = np.empty(n, dtype=np.int64)
    ndam = 0
    # gullies numbered by outlet area, largest first
    outlets = outlets[np.argsort(-uparea[cells[outlets]], kind="stable")]
    gully[outlets] = np.arange(outlets.size)
    reach[outlets] = np.arange(outlets.size)
    nreach = outlets.size

    meets: List[Tuple[np.ndarray, np.ndarray]] = []
    front = outlets
    g_in = np.full(front.size, -1, dtype=np.int64)
    l_in = np.full(front.size, -1, dtype=np.int64)
    it = 0
    while front.size:
        it += 1
        if it % 32 == 0:
            check_cancel(is_cancelled)
        with np.errstate(invalid="ignore"):
            governed = g_in >= 0
            gi = np.where(governed, g_in, 0)
            level = dam_crest[gi] + i_prime * (s[front] - dam_dist[gi])
            meet = ~governed | (zc[front] >= level - 1e-9)
        new = meet & ok_cell[front]
        hit = governed & meet
        if hit.any():
            meets.append((g_in[hit], front[hit]))
        nn = int(new.sum())
        ids = np.full(front.size, -1, dtype=np.int64)
        ids[new] = np.arange(ndam, ndam + nn)
        fnew = front[new]
        dam_pos[ndam : ndam + nn] = fnew
        dam_crest[ndam : ndam + nn] = zc[fnew] + height
        dam_dist[ndam : ndam + nn] = s[fnew]
        dam_parent[ndam : ndam + nn] = l_in[new]
        ndam += nn
        gov[front] = np.where(new, ids, np.where(meet, -1, g_in))
        last[front] = np.where(new, ids, l_in)
        # children of the front
        starts = indptr[front]
        counts = nchild[front]
        total = int(counts.sum())
        if total == 0:
            break
        rep = np.repeat(np.arange(front.size), counts)
        offs = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        kids = child_sorted[np.repeat(starts, counts) + offs]
        par = front[rep]
        s[kids] = s[par] + steplen[cells[kids]]
        gully[kids] = gully[par]
        single = nchild[par] == 1
        reach[kids] = np.where(single, reach[par], 0)
        nsplit = int((~single).sum())
        reach[kids[~single]] = np.arange(nreach, nreach + nsplit)
        nreach += nsplit
        g_in = gov[par]
        l_in = last[par]
        front = kids
    progress(0.45)

    # keep the lowest MAX_DAMS dams of each gully (a set closed downstream)
    dg = gully[dam_pos[:ndam]]
    order = np.lexsort((dam_dist[:ndam], dg))
    keep = np.ones(ndam, dtype=bool)
    if max_dams and max_dams > 0:
        dg_s = dg[order]
        first = np.r_[True, dg_s[1:] != dg_s[:-1]]
        rank = np.arange(ndam) - np.maximum.accumulate(np.where(first, np.arange(ndam), 0))
        keep[order[rank >= max_dams]] = False
    stats["dropped_max_dams"] = int((~keep).sum())
    kept = order[keep[order]]
    newid = np.full(ndam + 1, -1, dtype=np.int64)  # index -1 -> -1
    newid[kept] = np.arange(kept.size)
    gov = np.where(gov >= 0, newid[gov], -1)
    nd = kept.size
    dpos = dam_pos[kept]
    dcell = cells[dpos]
    crest_z = dam_crest[kept]
    dam_s = dam_dist[kept]
    dparent = newid[dam_parent[kept]]

    # next dam upstream: the child dam with the largest upslope area
    next_id = np.full(nd, -1, dtype=np.int64)
    has_p = np.flatnonzero(dparent >= 0)
    if has_p.size:
        o = np.lexsort((-uparea[dcell[has_p]], dparent[has_p]))
        hp = has_p[o]
        firstp = np.r_[True, dparent[hp][1:] != dparent[hp][:-1]]
        next_id[dparent[hp][firstp]] = hp[firstp]
    spacing = np.where(next_id >= 0, dam_s[np.maximum(next_id, 0)] - dam_s, np.nan)
    bed = zc[dpos]
    # where the silted bed meets the bed (main branch), interpolated between cells:
    # the spacing rule on the real bed, L = H / (i − i') with i the silted reach's gradient
    meet_l = np.full(nd, np.nan)
    if meets:
        mg = newid[np.concatenate([m[0] for m in meets])]
        mp = np.concatenate([m[1] for m in meets])
        sel = mg >= 0
        mg, mp = mg[sel], mp[sel]
        o = np.lexsort((-uparea[cells[mp]], mg))
        mg, mp = mg[o], mp[o]
        firstm = np.r_[True, mg[1:] != mg[:-1]] if mg.size else np.zeros(0, dtype=bool)
        mg, mp = mg[firstm], mp[firstm]
        pp = pos[down[cells[mp]]]
        f1 = zc[mp] - (crest_z[mg] + i_prime * (s[mp] - dam_s[mg]))
        f0 = zc[pp] - (crest_z[mg] + i_prime * (s[pp] - dam_s[mg]))
        with np.errstate(invalid="ignore", divide="ignore"):
            frac = np.where(f1 > f0, -f0 / (f1 - f0), 1.0)
        meet_l[mg] = s[pp] + np.clip(frac, 0.0, 1.0) * (s[mp] - s[pp]) - dam_s[mg]
    with np.errstate(invalid="ignore", divide="ignore"):
        grad = np.where(meet_l > 0, height / meet_l + i_prime, local_i[dpos])
    progress(0.5)

    # pools and silt: every cell takes the dam that governs its entry into the network
    entry = np.where(net, np.arange(z.size), down)
    for _ in range(64):
        check_cancel(is_cancelled)
        nxt = np.where(entry >= 0, entry[np.maximum(entry, 0)], -1)
        if np.array_equal(nxt, entry):
            break
        entry = nxt
    cand = np.flatnonzero((entry >= 0) & valid)
    epos = pos[entry[cand]]
    g = gov[epos]
    sel = g >= 0
    cand, epos, g = cand[sel], epos[sel], g[sel]
    silt_level = crest_z[g] + i_prime * (s[epos] - dam_s[g])
    zc_cand = z[cand]
    sel = zc_cand < silt_level
    cand, epos, g, silt_level, zc_cand = cand[sel], epos[sel], g[sel], silt_level[sel], zc_cand[sel]
    x_c = xs_all[cand % cols]
    y_c = ys_all[cand // cols]
    txd, tyd = tx[dpos], ty[dpos]
    ad, bd = a_all[dpos], b_all[dpos]
    pxd, pyd = px[dpos], py[dpos]
    w = _axis_weights(x_c, y_c, pxd[g], pyd[g], txd[g], tyd[g], ad[g], bd[g], cx, cy)
    silt_m3 = np.bincount(g, weights=w * (silt_level - zc_cand), minlength=nd) * cell_area
    silt_m2 = np.bincount(g, weights=w, minlength=nd) * cell_area
    z0 = bed[g]
    depth = zc_cand - z0
    heights = list(np.arange(0.0, height + 1e-9, curve_step)) if curve_step > 0 else []
    if not heights or abs(heights[-1] - height) > 1e-9:
        heights.append(height)
    curves_a = np.zeros((len(heights), nd))
    curves_v = np.zeros((len(heights), nd))
    for j, h in enumerate(heights):
        wet = depth < h
        curves_a[j] = np.bincount(g[wet], weights=w[wet], minlength=nd) * cell_area
        curves_v[j] = np.bincount(g[wet], weights=w[wet] * (h - depth[wet]), minlength=nd) * cell_area
    progress(0.65)
    check_cancel(is_cancelled)

    # silt polygons, cut at the axis
    labels = np.zeros(z.size, dtype=np.int32)
    labels[cand[w > 0]] = (g[w > 0] + 1).astype(np.int32)
    polys = _polygons_by_label(labels.reshape(rows, cols), grid)
    progress(0.8)

    with np.errstate(invalid="ignore"):
        channels = (uparea >= min_uparea_km2 * 1e6).reshape(rows, cols)
    order_grid = strahler_order(flow.codes, channels, is_cancelled=is_cancelled).ravel()
    from shapely.geometry import LineString

    dams: List[CheckDam] = []
    gully_map: Dict[int, int] = {}
    for i in range(nd):
        if i % 256 == 0:
            check_cancel(is_cancelled)
        p = int(dpos[i])
        gid = int(gully[p])
        if gid not in gully_map:
            gully_map[gid] = len(gully_map) + 1
        nxv, nyv = -tyd[i], txd[i]
        crest_line = LineString(
            [(pxd[i] + ad[i] * nxv, pyd[i] + ad[i] * nyv), (pxd[i] - bd[i] * nxv, pyd[i] - bd[i] * nyv)]
        )
        silt_geom = polys.get(i + 1)
        if silt_geom is not None:
            band = _downstream_band(pxd[i], pyd[i], txd[i], tyd[i], ad[i], bd[i], max(cx, cy))
            silt_geom = silt_geom.difference(band)
        sp = float(spacing[i]) if next_id[i] >= 0 else None
        rule = float(meet_l[i]) if meet_l[i] > 0 else rule_spacing(height, float(grad[i]), i_prime)
        dams.append(
            CheckDam(
                dam_id=i + 1,
                gully=gully_map[gid],
                reach=int(reach[p]) + 1,
                order=int(order_grid[cells[p]]),
                row=int(cells[p] // cols),
                col=int(cells[p] % cols),
                x=float(pxd[i]),
                y=float(pyd[i]),
                bed_z=float(bed[i]),
                height=float(height),
                crest_z=float(crest_z[i]),
                gradient=float(grad[i]),
                local_gradient=float(local_i[p]),
                next_id=int(next_id[i]) + 1 if next_id[i] >= 0 else None,
                spacing_m=sp,
                rule_spacing_m=None if math.isinf(rule) else rule,
                distance_m=float(dam_s[i]),
                control_km2=float(uparea[cells[p]] / 1e6),
                storage_m3=float(curves_v[-1, i]),
                pool_m2=float(curves_a[-1, i]),
                silt_m3=float(silt_m3[i]),
                silt_m2=float(silt_m2[i]),
                crest_m=float(ad[i] + bd[i]),
                body_m3=float(body_all[p]),
                dam_type=type_key,
                crest_wkb=bytes(crest_line.wkb),
                silt_wkb=_to_multipolygon_wkb(silt_geom),
                curve=[
                    (float(h), float(curves_a[j, i]), float(curves_v[j, i])) for j, h in enumerate(heights)
                ],
            )
        )
    progress(0.95)

    # per-gully summary
    gullies: List[Dict[str, float]] = []
    chan_len = np.bincount(gully, weights=steplen[cells], minlength=outlets.size)
    for gid, num in gully_map.items():
        ds = [d for d in dams if d.gully == num]
        out_cell = cells[outlets[gid]]
        gullies.append(
            {
                "GULLY": num,
                "DAMS": len(ds),
                "BODY_M3": sum(d.body_m3 for d in ds),
                "STORAGE_M3": sum(d.storage_m3 for d in ds),
                "SILT_M3": sum(d.silt_m3 for d in ds),
                "SILT_M2": sum(d.silt_m2 for d in ds),
                "CHANNEL_M": float(chan_len[gid]),
                "AREA_KM2": float(uparea[out_cell] / 1e6),
            }
        )
    stats["gullies"] = len(gully_map)
    stats["dams"] = nd
    progress(1.0)
    return CheckDamPlan(grid=grid, dams=dams, gullies=gullies, stats=stats)


def check_dams_from_dem(
    dem_path: str,
    *,
    aoi_polygons: Optional[Sequence[bytes]] = None,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
    **kwargs: Any,
) -> CheckDamPlan:
    """Route a DEM file and lay out the check-dam series (see :func:`plan_check_dams`).

    ``aoi_polygons``: WKB polygons in the DEM's CRS (None: the whole DEM).
    """
    from .io.raster import read_grid

    mask = None
    if aoi_polygons:
        grid = read_grid(dem_path)
        grid.check_usable()
        mask = aoi_mask(aoi_polygons, grid)
    flow = route_dem(
        dem_path, max_memory_mb=max_memory_mb, progress=lambda f: progress(0.4 * f), is_cancelled=is_cancelled
    )
    return plan_check_dams(
        flow, aoi=mask, progress=lambda f: progress(0.4 + 0.6 * f), is_cancelled=is_cancelled, **kwargs
    )


# ---------------------------------------------------------------------------
# storage of a user-drawn dam axis
# ---------------------------------------------------------------------------


@dataclass
class StorageResult:
    """Result of :func:`dam_storage` for one axis.

    ``heights``/``areas``/``volumes``/``crest_lengths`` form the curve;
    ``closed_height`` is the height up to which the axis closes the valley
    (the lower of the highest ground on each side of the thalweg along the
    axis); ``catchment_wkb`` and ``flooded_wkb`` are MultiPolygons.
    """

    row: int
    col: int
    x: float
    y: float
    bed_z: float
    control_km2: float
    heights: np.ndarray
    areas: np.ndarray
    volumes: np.ndarray
    crest_lengths: np.ndarray
    closed_height: float
    height: float
    area_m2: float
    volume_m3: float
    crest_m: float
    size_code: str
    size_name: str
    design_life: str
    sediment_t_a: float
    life_years: float
    catchment_wkb: Optional[bytes]
    flooded_wkb: Optional[bytes]


def _line_cells(
    coords: Sequence[Tuple[float, float]], grid: GridSpec
) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Cells along a polyline (4-connected, in order) and dense samples of it.

    Returns ``(cell_rows, cell_cols, sample_xy (n, 2), sample_distance)``.
    """
    pts = np.asarray(coords, dtype=np.float64)
    step = min(grid.cellsize_x, grid.cellsize_y) / 4.0
    xs, ys, ds = [pts[0, 0]], [pts[0, 1]], [0.0]
    total = 0.0
    for (x0, y0), (x1, y1) in zip(pts[:-1], pts[1:]):
        seg = math.hypot(x1 - x0, y1 - y0)
        if seg == 0:
            continue
        m = max(int(math.ceil(seg / step)), 1)
        t = np.arange(1, m + 1) / m
        xs.extend(x0 + t * (x1 - x0))
        ys.extend(y0 + t * (y1 - y0))
        ds.extend(total + t * seg)
        total += seg
    sx, sy, sd = np.asarray(xs), np.asarray(ys), np.asarray(ds)
    x0g, dx, _, y0g, _, dy = grid.geotransform
    r = np.floor((sy - y0g) / dy).astype(np.int64)
    c = np.floor((sx - x0g) / dx).astype(np.int64)
    rr: List[int] = []
    cc: List[int] = []
    for ri, ci in zip(r.tolist(), c.tolist()):
        if rr and rr[-1] == ri and cc[-1] == ci:
            continue
        if rr and rr[-1] != ri and cc[-1] != ci:
            rr.append(ri)
            cc.append(cc[-1])
        rr.append(ri)
        cc.append(ci)
    ra, ca = np.asarray(rr), np.asarray(cc)
    inside = (ra >= 0) & (ra < grid.rows) & (ca >= 0) & (ca < grid.cols)
    return ra[inside], ca[inside], np.column_stack([sx, sy]), sd


def _upstream_of(codes: np.ndarray, starts: np.ndarray, is_cancelled: CancelFn) -> np.ndarray:
    """Boolean mask of every cell draining into any of ``starts`` (flat indices), them included."""
    rows, cols = codes.shape
    kp = np.full((rows + 2, cols + 2), -1, dtype=np.int64)
    kp[1:-1, 1:-1] = _CODE_TO_K[codes.astype(np.uint8)]
    c2 = cols + 2
    k1 = kp.ravel()
    off = np.array([dr * c2 + dc for dr, dc in D8_OFFSETS], dtype=np.int64)
    inside = np.zeros(kp.size, dtype=bool)
    st = (starts // cols + 1) * c2 + starts % cols + 1
    inside[st] = True
    front = st
    it = 0
    while front.size:
        it += 1
        if it % 64 == 0:
            check_cancel(is_cancelled)
        parts = []
        for k in range(8):
            src = front - off[k]
            sel = src[(k1[src] == k) & ~inside[src]]
            parts.append(sel)
        front = np.unique(np.concatenate(parts))
        inside[front] = True
    return inside.reshape(kp.shape)[1:-1, 1:-1].copy()


def dam_storage(
    flow: FlowResult,
    axis: Sequence[Tuple[float, float]],
    *,
    max_height: float = 10.0,
    step: float = 0.5,
    height: Optional[float] = None,
    erosion_modulus: float = 0.0,
    dry_density: float = standards.DEPOSIT_DRY_DENSITY_T_M3,
    delivery_ratio: float = 1.0,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> StorageResult:
    """Height–area–volume curve, flooded area and control area of a dam axis.

    Parameters
    ----------
    flow : routed DEM (:func:`.hydrology.route_dem`).
    axis : the dam axis as map coordinates (a line across the valley).
    max_height : the curve runs from 0 to this height above the bed (m).
    step : height step of the curve (m).
    height : water height of the flooded polygon (m; default ``max_height``).
    erosion_modulus : t/(km²·a) for the sediment life (0: not computed).
    dry_density : dry bulk density of the deposit (t/m³).
    delivery_ratio : sediment delivery ratio (0–1).

    Method (domain.md §7.3): the thalweg crossing is the axis cell of largest
    upslope area; its filled elevation is the bed z₀.  The axis cells that
    are contiguous with it and lower than ``z₀ + max_height`` close the pool;
    the control area is every cell draining through them.  The pool at
    height h is the control-area cells below ``z₀ + h``, cells cut by the axis
    counting with their upstream share.
    """
    if height is None:
        height = max_height
    if not (max_height > 0 and step > 0 and 0 < height <= max_height + 1e-9):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Heights must satisfy 0 < HEIGHT ≤ MAX_HEIGHT and STEP > 0 (got HEIGHT "
                "{h:g} m, MAX_HEIGHT {hmax:g} m, STEP {step:g} m).",
            ),
            h=height,
            hmax=max_height,
            step=step,
        )
    grid = flow.grid
    rows, cols = grid.shape
    cx, cy = grid.cellsize_x, grid.cellsize_y
    z2 = flow.filled.astype(np.float64)
    acc2 = flow.accumulation
    rr, cc, samples, sdist = _line_cells(axis, grid)
    ok = np.isfinite(z2[rr, cc]) if rr.size else np.zeros(0, dtype=bool)
    if not ok.any():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The dam axis does not cross the DEM (or only its nodata cells). Draw the "
                "axis across the valley on the DEM, in the DEM's area.",
            )
        )
    rr, cc = rr[ok], cc[ok]
    iout = int(np.nanargmax(acc2[rr, cc]))
    r0, c0 = int(rr[iout]), int(cc[iout])
    z0 = float(z2[r0, c0])
    top = z0 + max_height
    # contiguous axis cells around the crossing below the top level
    zr = z2[rr, cc]
    lo = iout
    while lo > 0 and zr[lo - 1] < top:
        lo -= 1
    hi = iout
    while hi < rr.size - 1 and zr[hi + 1] < top:
        hi += 1
    rel_r, rel_c = rr[lo : hi + 1], cc[lo : hi + 1]
    side_left = float(np.max(zr[: iout + 1]))
    side_right = float(np.max(zr[iout:]))
    progress(0.1)
    # closing height along the axis samples (bilinear ground)
    g = _bilinear(z2, grid.geotransform, samples[:, 0], samples[:, 1])
    x_out, y_out = grid.cell_center(r0, c0)
    j0 = int(np.argmin(np.hypot(samples[:, 0] - x_out, samples[:, 1] - y_out)))
    gl = np.nan_to_num(g, nan=-np.inf)
    side_left = max(side_left, float(np.max(gl[: j0 + 1])))
    side_right = max(side_right, float(np.max(gl[j0:])))
    closed_height = min(side_left, side_right) - z0

    starts = rel_r * cols + rel_c
    mask = _upstream_of(flow.codes, starts, is_cancelled)
    progress(0.4)
    control_km2 = float(mask.sum()) * grid.cell_area / 1e6
    idx = np.flatnonzero(mask.ravel() & (z2.ravel() < top))
    zc = z2.ravel()[idx]
    xs = grid.geotransform[0] + (idx % cols + 0.5) * grid.geotransform[1]
    ys = grid.geotransform[3] + (idx // cols + 0.5) * grid.geotransform[5]
    # signed distance to the nearest axis segment, downstream positive
    pts = np.asarray(axis, dtype=np.float64)
    seg0, seg1 = pts[:-1], pts[1:]
    segv = seg1 - seg0
    seglen = np.hypot(segv[:, 0], segv[:, 1])
    good = seglen > 0
    seg0, segv, seglen = seg0[good], segv[good], seglen[good]
    qx = xs[:, None] - seg0[None, :, 0]
    qy = ys[:, None] - seg0[None, :, 1]
    tpar = np.clip((qx * segv[None, :, 0] + qy * segv[None, :, 1]) / seglen[None, :] ** 2, 0, 1)
    ex = qx - tpar * segv[None, :, 0]
    ey = qy - tpar * segv[None, :, 1]
    dist = np.hypot(ex, ey)
    near_seg = np.argmin(dist, axis=1) if dist.size else np.zeros(0, dtype=np.int64)
    ux, uy = segv[:, 0] / seglen, segv[:, 1] / seglen
    # unit normal of each segment to its left (+)
    nlx, nly = -uy, ux
    # orient: downstream = side of the thalweg cell's receiver
    down = _down_index(flow.codes, np.isfinite(z2))
    rc = int(down[r0 * cols + c0])
    seg_out = int(
        np.argmin(np.hypot(seg0[:, 0] + 0.5 * segv[:, 0] - x_out, seg0[:, 1] + 0.5 * segv[:, 1] - y_out))
    )
    if rc >= 0:
        xd, yd = grid.cell_center(rc // cols, rc % cols)
        sign = 1.0 if (xd - x_out) * nlx[seg_out] + (yd - y_out) * nly[seg_out] > 0 else -1.0
    else:
        sgn = np.sum((xs - x_out) * nlx[seg_out] + (ys - y_out) * nly[seg_out])
        sign = -1.0 if sgn > 0 else 1.0
    if idx.size:
        k = near_seg
        d = ((xs - seg0[k, 0]) * nlx[k] + (ys - seg0[k, 1]) * nly[k]) * sign
        tdx, tdy = nlx[k] * sign, nly[k] * sign
        ceff = np.abs(tdx) * cx + np.abs(tdy) * cy
        near = dist[np.arange(idx.size), k] < 1.5 * ceff
        w = np.where(near, np.clip(0.5 - d / ceff, 0.0, 1.0), 1.0)
    else:
        w = np.zeros(0)
    heights = np.arange(0.0, max_height + 1e-9, step)
    if abs(heights[-1] - max_height) > 1e-9:
        heights = np.append(heights, max_height)
    depth = zc - z0
    areas, vols = hav_curve(depth, w, grid.cell_area, heights)
    a_h, v_h = hav_curve(depth, w, grid.cell_area, [height])
    # crest length at each height: the contiguous run of axis samples below the level
    crest = np.zeros(heights.size)
    ds_ = np.diff(sdist)
    for j, h in enumerate(list(heights) + [height]):
        below = g < z0 + h
        if not below[j0]:
            val = 0.0
        else:
            a_ = j0
            while a_ > 0 and below[a_ - 1]:
                a_ -= 1
            b_ = j0
            while b_ < below.size - 1 and below[b_ + 1]:
                b_ += 1
            val = (
                float(sdist[b_] - sdist[a_])
                + (ds_[a_ - 1] if a_ > 0 else 0.0) * 0.5
                + (ds_[b_] if b_ < ds_.size else 0.0) * 0.5
            )
        if j < heights.size:
            crest[j] = val
        else:
            crest_h = val
    progress(0.7)
    # polygons
    flooded_wkb = None
    sel = (w > 0) & (depth < height)
    if sel.any():
        fm = np.zeros(rows * cols, dtype=bool)
        fm[idx[sel]] = True
        poly = mask_to_polygon(fm.reshape(rows, cols), grid)
        if poly is not None:
            from shapely.geometry import LineString

            line = LineString([tuple(p) for p in pts])
            left_down = sign > 0
            band = line.buffer((3.0 if left_down else -3.0) * max(cx, cy), single_sided=True)
            poly = poly.difference(band)
            flooded_wkb = _to_multipolygon_wkb(poly)
    catchment_wkb = _to_multipolygon_wkb(mask_to_polygon(mask, grid))
    code, name, life = size_class(float(v_h[0]))
    sed = erosion_modulus * control_km2 * delivery_ratio
    years = (
        sediment_life(float(v_h[0]), control_km2, erosion_modulus, dry_density, delivery_ratio)
        if erosion_modulus > 0
        else math.nan
    )
    progress(1.0)
    return StorageResult(
        row=r0,
        col=c0,
        x=x_out,
        y=y_out,
        bed_z=z0,
        control_km2=control_km2,
        heights=heights,
        areas=areas,
        volumes=vols,
        crest_lengths=crest,
        closed_height=closed_height,
        height=float(height),
        area_m2=float(a_h[0]),
        volume_m3=float(v_h[0]),
        crest_m=crest_h,
        size_code=code,
        size_name=name,
        design_life=life,
        sediment_t_a=sed,
        life_years=years,
        catchment_wkb=catchment_wkb,
        flooded_wkb=flooded_wkb,
    )


def dam_storage_from_dem(
    dem_path: str,
    axes: Sequence[Sequence[Tuple[float, float]]],
    *,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
    **kwargs: Any,
) -> List[StorageResult]:
    """Route a DEM file once and run :func:`dam_storage` for each axis."""
    flow = route_dem(
        dem_path, max_memory_mb=max_memory_mb, progress=lambda f: progress(0.5 * f), is_cancelled=is_cancelled
    )
    out = []
    n = max(len(axes), 1)

    def span(i: int) -> ProgressFn:
        lo, hi = 0.5 + 0.5 * i / n, 0.5 + 0.5 * (i + 1) / n

        def report(f: float) -> None:
            progress(lo + (hi - lo) * f)

        return report

    for i, axis in enumerate(axes):
        out.append(dam_storage(flow, axis, progress=span(i), is_cancelled=is_cancelled, **kwargs))
    return out
