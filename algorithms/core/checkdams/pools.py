"""Pool and silt of every dam of a series: the cells it governs, its curve and its silt wedge.

The pool of a dam is the cells that drain into the gully network in the reach the dam governs
(between the dam and the points where its silted bed meets the bed), below its silted bed.  The
storage comes from the depression-filled DEM: along a filled DEM every cell has a non-ascending
flow path to the dam, so every cell below the water level in the dam's catchment is connected to
the dam.  Cells cut by the dam axis count with the share of the cell upstream of the axis (half
for a cell centred on it), which makes the sums the midpoint rule of the exact integrals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List

import numpy as np

from ..io.raster import CancelFn, check_cancel
from .geometry import axis_weights, polygons_by_label
from .series import GullyTree, Series, Walk
from .siting import Gullies, Sections, Thalweg

__all__ = ["DamAxes", "Pools", "dam_axes", "pools", "silt_polygons"]


@dataclass
class DamAxes:
    """Per dam: the axis through the thalweg cell's centre ``(px, py)`` across the unit downstream
    direction ``(tx, ty)``, reaching ``a`` (m) to the left and ``b`` (m) to the right."""

    px: np.ndarray
    py: np.ndarray
    tx: np.ndarray
    ty: np.ndarray
    a: np.ndarray
    b: np.ndarray


@dataclass
class Pools:
    """The pools of the dams.

    Attributes
    ----------
    cells : flat indices of the cells below some dam's silted bed.
    dam : the dam of each of those cells.
    weight : the share of each cell upstream of its dam's axis (0..1).
    silt_m3, silt_m2 : silt wedge volume (m³) and area (m²) of each dam.
    heights : water heights of the curves (m above the dam's bed), ending at the dam height.
    areas, volumes : pool area (m²) and volume (m³), shape ``(len(heights), dams)``.
    """

    cells: np.ndarray
    dam: np.ndarray
    weight: np.ndarray
    silt_m3: np.ndarray
    silt_m2: np.ndarray
    heights: List[float]
    areas: np.ndarray
    volumes: np.ndarray


def dam_axes(t: Thalweg, sec: Sections, dpos: np.ndarray) -> DamAxes:
    """The axes of the dams at positions ``dpos``."""
    return DamAxes(t.px[dpos], t.py[dpos], t.tx[dpos], t.ty[dpos], sec.a[dpos], sec.b[dpos])


def pools(
    g: Gullies,
    tree: GullyTree,
    walk: Walk,
    series: Series,
    axes: DamAxes,
    bed: np.ndarray,
    *,
    height: float,
    i_prime: float,
    curve_step: float,
    is_cancelled: CancelFn,
) -> Pools:
    """Pool cells, silt wedge and height–area–volume curve of every dam.

    Parameters
    ----------
    g, tree, walk, series : the gully network, its walk and the dams kept.
    axes : the dams' axes; ``bed`` their bed elevations (m).
    height : effective height H (m): the last height of the curves.
    i_prime : gradient of the silted bed (m/m).
    curve_step : height step of the curves (m; 0: the dam height only).
    is_cancelled : cancel callback (raises ``Cancelled``).
    """
    cols = g.grid.cols
    cx, cy = g.grid.cellsize_x, g.grid.cellsize_y
    cell_area = g.grid.cell_area
    nd = series.count
    # every cell takes the dam that governs its entry into the network
    entry = np.where(g.net, np.arange(g.z.size), g.down)
    for _ in range(64):
        check_cancel(is_cancelled)
        nxt = np.where(entry >= 0, entry[np.maximum(entry, 0)], -1)
        if np.array_equal(nxt, entry):
            break
        entry = nxt
    cand = np.flatnonzero((entry >= 0) & g.valid)
    epos = tree.pos[entry[cand]]
    dam = series.gov[epos]
    sel = dam >= 0
    cand, epos, dam = cand[sel], epos[sel], dam[sel]
    silt_level = series.crest_z[dam] + i_prime * (walk.s[epos] - series.dam_s[dam])
    zc_cand = g.z[cand]
    sel = zc_cand < silt_level
    cand, epos, dam, silt_level, zc_cand = cand[sel], epos[sel], dam[sel], silt_level[sel], zc_cand[sel]
    x_c = g.xs[cand % cols]
    y_c = g.ys[cand // cols]
    w = axis_weights(
        x_c, y_c, axes.px[dam], axes.py[dam], axes.tx[dam], axes.ty[dam], axes.a[dam], axes.b[dam], cx, cy
    )
    silt_m3 = np.bincount(dam, weights=w * (silt_level - zc_cand), minlength=nd) * cell_area
    silt_m2 = np.bincount(dam, weights=w, minlength=nd) * cell_area
    depth = zc_cand - bed[dam]
    heights = list(np.arange(0.0, height + 1e-9, curve_step)) if curve_step > 0 else []
    if not heights or abs(heights[-1] - height) > 1e-9:
        heights.append(height)
    curves_a = np.zeros((len(heights), nd))
    curves_v = np.zeros((len(heights), nd))
    for j, h in enumerate(heights):
        wet = depth < h
        curves_a[j] = np.bincount(dam[wet], weights=w[wet], minlength=nd) * cell_area
        curves_v[j] = np.bincount(dam[wet], weights=w[wet] * (h - depth[wet]), minlength=nd) * cell_area
    return Pools(cand, dam, w, silt_m3, silt_m2, heights, curves_a, curves_v)


def silt_polygons(g: Gullies, p: Pools) -> Dict[int, Any]:
    """Shapely polygon of each dam's silt wedge (key: dam index + 1), not yet cut at the axis."""
    labels = np.zeros(g.z.size, dtype=np.int32)
    wet = p.weight > 0
    labels[p.cells[wet]] = (p.dam[wet] + 1).astype(np.int32)
    return polygons_by_label(labels.reshape(g.grid.shape), g.grid)
