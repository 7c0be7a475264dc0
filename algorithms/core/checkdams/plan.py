"""The check-dam series of a routed DEM, stage by stage (:func:`plan_check_dams`).

1. :mod:`.siting` — gully cells, thalweg and local gradient, valley sections at crest level;
2. :mod:`.series` — the upstream walk by the 顶底相照 rule, the dams kept, their spacings;
3. :mod:`.pools` — pool, silt wedge and height–area–volume curve of every dam;
4. here — the dams as :class:`CheckDam` records with crest lines and silt polygons, and the
   per-gully summary.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal

from .. import standards
from ..errors import QT_TRANSLATE_NOOP, InputError
from ..grid import GridSpec
from ..hydrology import DEFAULT_MAX_MEMORY_MB, FlowResult, route_dem, strahler_order
from ..io import gdal_exceptions
from ..io.raster import CancelFn, ProgressFn, _never, _noop_progress, check_cancel, mem_raster, read_grid
from ..io.vector import memory_layer, require_overlap
from .design import check_dam_height, dam_type
from .geometry import downstream_band, to_multipolygon_wkb
from .pools import DamAxes, Pools, dam_axes, pools, silt_polygons
from .series import GullyTree, Series, Spacings, Walk, gully_tree, keep_lowest, spacings, walk_series
from .siting import Gullies, Sections, Thalweg, gully_cells, thalweg, valley_sections
from .spacing import rule_spacing

__all__ = ["CheckDam", "CheckDamPlan", "aoi_mask", "plan_check_dams", "check_dams_from_dem"]


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


def _check_limits(
    height: float,
    type_key: str,
    i_prime: float,
    min_gradient: float,
    min_uparea_km2: float,
    max_uparea_km2: float,
) -> Tuple[float, float, float, float]:
    """Refuse inconsistent parameters; returns the type's dimensions (:func:`.design.dam_type`)."""
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
    return dims


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
    dims = _check_limits(height, type_key, i_prime, min_gradient, min_uparea_km2, max_uparea_km2)
    stats: Dict[str, float] = {}
    g = gully_cells(flow, aoi, min_uparea_km2, max_uparea_km2, stats)
    progress(0.05)
    t = thalweg(g, gradient_window_m, stats)
    progress(0.15)
    sec = valley_sections(
        g,
        t,
        min_gradient=min_gradient,
        height=height,
        dims=dims,
        max_crest_m=max_crest_m,
        stats=stats,
        is_cancelled=is_cancelled,
    )
    if not sec.ok.any():
        raise _no_channel_error(stats, min_uparea_km2, max_uparea_km2, min_gradient)
    progress(0.3)
    tree = gully_tree(g)
    walk = walk_series(g, tree, sec.ok, height=height, i_prime=i_prime, is_cancelled=is_cancelled)
    progress(0.45)
    series = keep_lowest(walk, max_dams, stats)
    sp = spacings(g, tree, walk, series, t.local_i, height=height, i_prime=i_prime)
    progress(0.5)
    axes = dam_axes(t, sec, series.dpos)
    pl = pools(
        g,
        tree,
        walk,
        series,
        axes,
        sp.bed,
        height=height,
        i_prime=i_prime,
        curve_step=curve_step,
        is_cancelled=is_cancelled,
    )
    progress(0.65)
    check_cancel(is_cancelled)
    polys = silt_polygons(g, pl)
    progress(0.8)
    with np.errstate(invalid="ignore"):
        channels = (g.uparea >= min_uparea_km2 * 1e6).reshape(g.grid.shape)
    order_grid = strahler_order(flow.codes, channels, is_cancelled=is_cancelled).ravel()
    dams, gully_map = _dam_records(
        g, t, sec, walk, series, sp, axes, pl, polys, order_grid, height, i_prime, type_key, is_cancelled
    )
    progress(0.95)
    gullies = _gully_summary(g, tree, walk, dams, gully_map)
    stats["gullies"] = len(gully_map)
    stats["dams"] = series.count
    progress(1.0)
    return CheckDamPlan(grid=g.grid, dams=dams, gullies=gullies, stats=stats)


def _dam_records(
    g: Gullies,
    t: Thalweg,
    sec: Sections,
    walk: Walk,
    series: Series,
    sp: Spacings,
    axes: DamAxes,
    pl: Pools,
    polys: Dict[int, Any],
    order_grid: np.ndarray,
    height: float,
    i_prime: float,
    type_key: str,
    is_cancelled: CancelFn,
) -> Tuple[List[CheckDam], Dict[int, int]]:
    """The dams as records, with their crest line and silt polygon cut at the axis.

    Returns ``(dams, gully_map)``; ``gully_map`` numbers the gullies with dams from 1 (key: the
    walk's gully index).
    """
    from shapely.geometry import LineString

    cells, cols = g.cells, g.grid.cols
    cmax = max(g.grid.cellsize_x, g.grid.cellsize_y)
    dams: List[CheckDam] = []
    gully_map: Dict[int, int] = {}
    for i in range(series.count):
        if i % 256 == 0:
            check_cancel(is_cancelled)
        p = int(series.dpos[i])
        gid = int(walk.gully[p])
        if gid not in gully_map:
            gully_map[gid] = len(gully_map) + 1
        px, py, tx, ty, a, b = axes.px[i], axes.py[i], axes.tx[i], axes.ty[i], axes.a[i], axes.b[i]
        nxv, nyv = -ty, tx
        crest_line = LineString([(px + a * nxv, py + a * nyv), (px - b * nxv, py - b * nyv)])
        silt_geom = polys.get(i + 1)
        if silt_geom is not None:
            silt_geom = silt_geom.difference(downstream_band(px, py, tx, ty, a, b, cmax))
        nxt = sp.next_id[i]
        rule = float(sp.meet_l[i]) if sp.meet_l[i] > 0 else rule_spacing(height, float(sp.grad[i]), i_prime)
        dams.append(
            CheckDam(
                dam_id=i + 1,
                gully=gully_map[gid],
                reach=int(walk.reach[p]) + 1,
                order=int(order_grid[cells[p]]),
                row=int(cells[p] // cols),
                col=int(cells[p] % cols),
                x=float(px),
                y=float(py),
                bed_z=float(sp.bed[i]),
                height=float(height),
                crest_z=float(series.crest_z[i]),
                gradient=float(sp.grad[i]),
                local_gradient=float(t.local_i[p]),
                next_id=int(nxt) + 1 if nxt >= 0 else None,
                spacing_m=float(sp.spacing[i]) if nxt >= 0 else None,
                rule_spacing_m=None if math.isinf(rule) else rule,
                distance_m=float(series.dam_s[i]),
                control_km2=float(g.uparea[cells[p]] / 1e6),
                storage_m3=float(pl.volumes[-1, i]),
                pool_m2=float(pl.areas[-1, i]),
                silt_m3=float(pl.silt_m3[i]),
                silt_m2=float(pl.silt_m2[i]),
                crest_m=float(a + b),
                body_m3=float(sec.body[p]),
                dam_type=type_key,
                crest_wkb=bytes(crest_line.wkb),
                silt_wkb=to_multipolygon_wkb(silt_geom),
                curve=[
                    (float(h), float(pl.areas[j, i]), float(pl.volumes[j, i]))
                    for j, h in enumerate(pl.heights)
                ],
            )
        )
    return dams, gully_map


def _gully_summary(
    g: Gullies, tree: GullyTree, walk: Walk, dams: List[CheckDam], gully_map: Dict[int, int]
) -> List[Dict[str, float]]:
    """One row per gully with dams: dams, body, storage and silt totals, channel length and area."""
    gullies: List[Dict[str, float]] = []
    chan_len = np.bincount(walk.gully, weights=g.steplen[g.cells], minlength=tree.outlets.size)
    for gid, num in gully_map.items():
        ds = [d for d in dams if d.gully == num]
        out_cell = g.cells[tree.outlets[gid]]
        gullies.append(
            {
                "GULLY": num,
                "DAMS": len(ds),
                "BODY_M3": sum(d.body_m3 for d in ds),
                "STORAGE_M3": sum(d.storage_m3 for d in ds),
                "SILT_M3": sum(d.silt_m3 for d in ds),
                "SILT_M2": sum(d.silt_m2 for d in ds),
                "CHANNEL_M": float(chan_len[gid]),
                "AREA_KM2": float(g.uparea[out_cell] / 1e6),
            }
        )
    return gullies


def aoi_mask(polygons: Sequence[bytes], grid: GridSpec, label: str = "AOI") -> np.ndarray:
    """Boolean mask of the cells whose centre lies in any of the WKB polygons.

    Parameters
    ----------
    polygons : WKB polygons in the grid's CRS.
    grid : the DEM's grid.
    label : name of the layer, for the messages.

    Raises
    ------
    InputError
        if the polygons lie outside the DEM or cover no cell centre.
    """
    pairs = [(1, w) for w in polygons]
    require_overlap(pairs, grid, label)
    ds = mem_raster(np.zeros(grid.shape, dtype=np.uint8), grid.geotransform, grid.crs_wkt, gdal.GDT_Byte)
    _src, layer = memory_layer(pairs, grid.crs_wkt)
    with gdal_exceptions():
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

    Parameters
    ----------
    dem_path : a GDAL raster in a metric projected CRS (band 1), routed with depression filling.
    aoi_polygons : WKB polygons in the DEM's CRS (None: the whole DEM).
    max_memory_mb : memory limit of the routing (MiB).
    progress, is_cancelled : callbacks (fraction 0..1; cancel raises ``Cancelled``).
    **kwargs : the options of :func:`plan_check_dams`.
    """
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
