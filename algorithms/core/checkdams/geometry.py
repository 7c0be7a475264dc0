"""Geometry of the dam sites: ground sampled along cross-sections, crest lines, axis cuts.

Every function works in map coordinates on the grid's cell centres; elevations are NaN at
nodata, and a section that meets nodata does not close.
"""

from __future__ import annotations

import math
from typing import Any, Dict, Optional, Sequence, Tuple

import numpy as np

from ..grid import GridSpec
from ..hydrology import polygonize_labels
from ..io.raster import CancelFn, check_cancel
from .design import section_integral

__all__ = [
    "bilinear",
    "cross_sections",
    "axis_weights",
    "polygons_by_label",
    "downstream_band",
    "to_multipolygon_wkb",
]


def bilinear(z: np.ndarray, gt: Sequence[float], xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Bilinear sample of cell-centre values; NaN outside the centres' hull or near nodata."""
    x0, dx, _, y0, _, dy = gt
    fc = (xs - x0) / dx - 0.5
    fr = (ys - y0) / dy - 0.5
    rows, cols = z.shape
    if rows < 2 or cols < 2:  # no two centres to interpolate between (a DEM of one row or column)
        return np.full(np.shape(fc), np.nan)
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


def cross_sections(
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
    # no section is longer than the DEM's diagonal: beyond it the ground is nodata and the walk stops
    max_length = min(max_length, math.hypot(grid.cols * grid.cellsize_x, grid.rows * grid.cellsize_y) + step)
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
            g = bilinear(z, grid.geotransform, xs, ys)
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
                gm = bilinear(
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
            seg = section_integral(np.full((hi - lo, nsteps), step), h[:, :-1], h[:, 1:], top, up, down)
            full = np.arange(nsteps)[None, :] < (fi - 1)[:, None]
            vol = np.where(full, seg, 0.0).sum(axis=1)
            hp = h[rowsel, fi - 1]
            vol += section_integral(frac * step, hp, np.zeros_like(hp), top, up, down)
            sides.append((np.where(closed, dist, np.nan), vol))
        (da, va), (db, vb) = sides
        ok = np.isfinite(da) & np.isfinite(db) & (da + db <= max_length)
        a[lo:hi] = np.where(ok, da, np.nan)
        b[lo:hi] = np.where(ok, db, np.nan)
        body[lo:hi] = np.where(ok, va + vb, np.nan)
    return a, b, body


def axis_weights(
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


def polygons_by_label(labels: np.ndarray, grid: GridSpec) -> Dict[int, Any]:
    """Shapely (Multi)Polygon of each positive label of a label grid (4-connected cells).

    Parameters
    ----------
    labels : integer grid on ``grid``; cells <= 0 belong to no polygon.
    grid : georeferencing (the polygons are in its map units).

    Returns
    -------
    ``{label: geometry}``: a Polygon, or the union of the label's pieces.
    """
    from shapely.ops import unary_union

    parts = polygonize_labels(labels, grid)
    return {k: (v[0] if len(v) == 1 else unary_union(v)) for k, v in parts.items()}


def downstream_band(px: float, py: float, tx: float, ty: float, a: float, b: float, c: float) -> Any:
    """Rectangle on the downstream side of an axis (to cut pixel polygons at the axis)."""
    from shapely.geometry import Polygon

    nx, ny = -ty, tx
    ax, ay = px + (a + 2 * c) * nx, py + (a + 2 * c) * ny
    bx, by = px - (b + 2 * c) * nx, py - (b + 2 * c) * ny
    w = 3.0 * c
    return Polygon([(ax, ay), (bx, by), (bx + w * tx, by + w * ty), (ax + w * tx, ay + w * ty)])


def to_multipolygon_wkb(geom: Any) -> Optional[bytes]:
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
