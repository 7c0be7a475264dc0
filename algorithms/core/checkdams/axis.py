"""Storage of a dam axis drawn by the user (:func:`dam_storage`, domain.md §7.3).

The control area is every cell draining through the axis; the height–area–volume table runs to a
maximum height; the flooded polygon is given at one height; the size class follows domain.md §7.2
and the sediment life ``N = V·γd / (M·A·SDR)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from .. import standards
from ..errors import QT_TRANSLATE_NOOP, InputError
from ..grid import GridSpec
from ..hydrology import (
    DEFAULT_MAX_MEMORY_MB,
    FlowResult,
    downstream_index,
    mask_to_polygon,
    route_dem,
    upstream_cells,
)
from ..io.raster import CancelFn, ProgressFn, _never, _noop_progress
from .geometry import bilinear, to_multipolygon_wkb
from .storage import hav_curve, sediment_life, size_class

__all__ = ["StorageResult", "dam_storage", "dam_storage_from_dem"]

#: Most levels of a height–area–volume curve (MAX_HEIGHT / STEP): the curve is a table for people.
MAX_CURVE_LEVELS = 10000


@dataclass
class StorageResult:
    """Result of :func:`dam_storage` for one axis.

    ``heights``/``areas``/``volumes``/``crest_lengths`` form the curve (m, m², m³, m);
    ``closed_height`` is the height (m) up to which the axis closes the valley
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


@dataclass
class _Crossing:
    """Where the axis crosses the thalweg.

    ``row``/``col``/``x``/``y``/``bed_z``: the axis cell of largest upslope area; ``dam_rows``,
    ``dam_cols``: the axis cells contiguous with it below ``bed_z + max_height`` (they close the
    pool); ``samples``/``sdist``: dense points along the axis and their distance (m) along it,
    ``ground`` the bilinear ground there, ``j0`` the sample nearest the crossing.
    """

    row: int
    col: int
    x: float
    y: float
    bed_z: float
    dam_rows: np.ndarray
    dam_cols: np.ndarray
    samples: np.ndarray
    sdist: np.ndarray
    ground: np.ndarray
    j0: int
    closed_height: float


@dataclass
class _Pool:
    """Candidate pool cells (below the top level, in the control area): flat index, depth above
    the bed (m), share upstream of the axis; ``sign`` orients the axis' left normal downstream."""

    idx: np.ndarray
    depth: np.ndarray
    weight: np.ndarray
    sign: float


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


def _crossing(
    flow: FlowResult, z2: np.ndarray, axis: Sequence[Tuple[float, float]], max_height: float
) -> _Crossing:
    """The thalweg crossing of the axis, the axis cells that close the pool and the closing height."""
    grid = flow.grid
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
    iout = int(np.nanargmax(flow.accumulation[rr, cc]))
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
    side_left = float(np.max(zr[: iout + 1]))
    side_right = float(np.max(zr[iout:]))
    # closing height along the axis samples (bilinear ground)
    g = bilinear(z2, grid.geotransform, samples[:, 0], samples[:, 1])
    x_out, y_out = grid.cell_center(r0, c0)
    j0 = int(np.argmin(np.hypot(samples[:, 0] - x_out, samples[:, 1] - y_out)))
    gl = np.nan_to_num(g, nan=-np.inf)
    side_left = max(side_left, float(np.max(gl[: j0 + 1])))
    side_right = max(side_right, float(np.max(gl[j0:])))
    return _Crossing(
        r0,
        c0,
        x_out,
        y_out,
        z0,
        rr[lo : hi + 1],
        cc[lo : hi + 1],
        samples,
        sdist,
        g,
        j0,
        min(side_left, side_right) - z0,
    )


def _pool_cells(
    flow: FlowResult,
    z2: np.ndarray,
    axis: Sequence[Tuple[float, float]],
    cr: _Crossing,
    mask: np.ndarray,
    max_height: float,
) -> _Pool:
    """Control-area cells below the top level, weighted by their share upstream of the axis.

    The axis side of a cell is its signed distance to the nearest axis segment, downstream
    positive (downstream: the side of the thalweg cell's receiver).
    """
    grid = flow.grid
    cols = grid.cols
    cx, cy = grid.cellsize_x, grid.cellsize_y
    idx = np.flatnonzero(mask.ravel() & (z2.ravel() < cr.bed_z + max_height))
    zc = z2.ravel()[idx]
    xs = grid.geotransform[0] + (idx % cols + 0.5) * grid.geotransform[1]
    ys = grid.geotransform[3] + (idx // cols + 0.5) * grid.geotransform[5]
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
    down = downstream_index(flow.codes, np.isfinite(z2))
    rc = int(down[cr.row * cols + cr.col])
    x_out, y_out = cr.x, cr.y
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
    return _Pool(idx, zc - cr.bed_z, w, sign)


def _crest_length(cr: _Crossing, h: float) -> float:
    """Length (m) of the contiguous run of axis samples around the crossing below ``bed + h``."""
    below = cr.ground < cr.bed_z + h
    j0, sdist = cr.j0, cr.sdist
    if not below[j0]:
        return 0.0
    ds_ = np.diff(sdist)
    a_ = j0
    while a_ > 0 and below[a_ - 1]:
        a_ -= 1
    b_ = j0
    while b_ < below.size - 1 and below[b_ + 1]:
        b_ += 1
    return (
        float(sdist[b_] - sdist[a_])
        + (ds_[a_ - 1] if a_ > 0 else 0.0) * 0.5
        + (ds_[b_] if b_ < ds_.size else 0.0) * 0.5
    )


def _flooded_wkb(
    grid: GridSpec, axis: Sequence[Tuple[float, float]], pool: _Pool, height: float
) -> Optional[bytes]:
    """The flooded polygon at ``height``, cut at the axis (a band on its downstream side removed)."""
    sel = (pool.weight > 0) & (pool.depth < height)
    if not sel.any():
        return None
    fm = np.zeros(grid.rows * grid.cols, dtype=bool)
    fm[pool.idx[sel]] = True
    poly = mask_to_polygon(fm.reshape(grid.shape), grid)
    if poly is None:
        return None
    from shapely.geometry import LineString

    line = LineString([tuple(p) for p in np.asarray(axis, dtype=np.float64)])
    left_down = pool.sign > 0
    band = line.buffer(
        (3.0 if left_down else -3.0) * max(grid.cellsize_x, grid.cellsize_y), single_sided=True
    )
    return to_multipolygon_wkb(poly.difference(band))


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
    progress, is_cancelled : callbacks (fraction 0..1; cancel raises ``Cancelled``).

    Returns
    -------
    :class:`StorageResult`; ``life_years`` is NaN when ``erosion_modulus`` is 0.

    Raises
    ------
    InputError
        for inconsistent heights, or an axis that crosses no valid DEM cell.

    Notes
    -----
    Method (domain.md §7.3): the thalweg crossing is the axis cell of largest
    upslope area; its filled elevation is the bed z₀.  The axis cells that
    are contiguous with it and lower than ``z₀ + max_height`` close the pool;
    the control area is every cell draining through them.  The pool at
    height h is the control-area cells below ``z₀ + h``, cells cut by the axis
    counting with their upstream share.  Nodata cells are never in the pool.
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
    if max_height / step > MAX_CURVE_LEVELS:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "MAX_HEIGHT {hmax:g} m in steps of {step:g} m gives {n:.0f} levels of the height–area–volume "
                "curve, more than {limit}. Use a larger STEP or a lower MAX_HEIGHT (check dams and silt-trap "
                "dams are a few metres to some tens of metres high).",
            ),
            hmax=max_height,
            step=step,
            n=max_height / step,
            limit=MAX_CURVE_LEVELS,
        )
    grid = flow.grid
    z2 = flow.filled.astype(np.float64)
    cr = _crossing(flow, z2, axis, max_height)
    progress(0.1)
    mask = upstream_cells(flow.codes, cr.dam_rows, cr.dam_cols, is_cancelled=is_cancelled)
    progress(0.4)
    control_km2 = float(mask.sum()) * grid.cell_area / 1e6
    pool = _pool_cells(flow, z2, axis, cr, mask, max_height)
    heights = np.arange(0.0, max_height + 1e-9, step)
    if abs(heights[-1] - max_height) > 1e-9:
        heights = np.append(heights, max_height)
    areas, vols = hav_curve(pool.depth, pool.weight, grid.cell_area, heights)
    a_h, v_h = hav_curve(pool.depth, pool.weight, grid.cell_area, [height])
    crest = np.array([_crest_length(cr, h) for h in heights])
    crest_h = _crest_length(cr, height)
    progress(0.7)
    flooded_wkb = _flooded_wkb(grid, axis, pool, height)
    catchment_wkb = to_multipolygon_wkb(mask_to_polygon(mask, grid))
    code, name, life = size_class(float(v_h[0]))
    sed = erosion_modulus * control_km2 * delivery_ratio
    years = (
        sediment_life(float(v_h[0]), control_km2, erosion_modulus, dry_density, delivery_ratio)
        if erosion_modulus > 0
        else math.nan
    )
    progress(1.0)
    return StorageResult(
        row=cr.row,
        col=cr.col,
        x=cr.x,
        y=cr.y,
        bed_z=cr.bed_z,
        control_km2=control_km2,
        heights=heights,
        areas=areas,
        volumes=vols,
        crest_lengths=crest,
        closed_height=cr.closed_height,
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
    """Route a DEM file once and run :func:`dam_storage` for each axis.

    Parameters
    ----------
    dem_path : a GDAL raster in a metric projected CRS (band 1), routed with depression filling.
    axes : the dam axes, each a sequence of map coordinates in the DEM's CRS.
    max_memory_mb : memory limit of the routing (MiB).
    progress, is_cancelled : callbacks (fraction 0..1; cancel raises ``Cancelled``).
    **kwargs : the options of :func:`dam_storage`.
    """
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
