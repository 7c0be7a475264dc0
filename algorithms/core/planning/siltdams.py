"""淤地坝 (silt-trap dams) sited one by one by control area and storage need (GB 51018-2014 §5, §7; SL 289).

谷坊 series (``swcplanner:checkdams``) stay in small, steep gullies; a 淤地坝 is a single dam whose storage
holds the sediment of its catchment over a design life.  For every gully — a connected tree of channel
cells whose upslope area lies between ``min_control_km2`` and ``max_control_km2`` (defaults 1–8 km²:
SL 289's 骨干坝 control 3–8 km², medium and small 淤地坝 below) — the main stem is searched upstream
from the gully outlet for ``search_m`` (all its branches; a site every ``spacing_m``, where the valley
section closes a little above the bed):

1. sediment inflow ``W`` (t/a) = Σ over the control area of the soil-loss modulus (t/(km²·a)) × cell
   area × the sediment delivery ratio (a weighted D8 accumulation of the soil-loss raster);
2. storage need ``V = W·N/γd`` (silt) + the detained flood (``flood_mm`` of runoff over the control
   area; 0 = not included, to add from the design flood), ``γd`` the deposit's dry density, ``N`` the
   design silting life: given, or by class — the smallest class whose design life (the lower bound of
   its range, core/standards.py ``DAM_SIZE_CLASSES``) gives a need in the same class;
3. the height–area–volume curve of an axis across the valley, perpendicular to the thalweg
   (``checkdams.dam_storage``); silt height and total height by interpolation; dam height = total +
   ``freeboard_m``, at most ``max_height_m``, and the valley must close at it;
4. the dam body: the trapezoidal section (top width, side slopes 1:m) integrated along the crest
   (``checkdams.geometry.cross_sections``).

The site kept is the one with the least body per m³ of storage need (ties within 1 %: the lowest) —
one dam per gully;
its silted area is the pool at the silt height (淤地面积).  The size class follows the storage
(``checkdams.size_class``).  Outlet works that drain the detained flood within 7 days are required
(GB 51018 §7.1.5): they are priced per dam, not designed here.  Dimensions are [U] defaults.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from .. import standards
from ..checkdams import dam_storage, size_class
from ..checkdams.geometry import cross_sections
from ..checkdams.plan import aoi_mask
from ..checkdams.series import gully_tree
from ..checkdams.siting import gully_cells, thalweg
from ..errors import QT_TRANSLATE_NOOP, InputError
from ..hydrology import DEFAULT_MAX_MEMORY_MB, FlowResult, flow_accumulation, route_dem
from ..io import gdal_exceptions
from ..io.raster import CancelFn, ProgressFn, _never, _noop_progress, check_cancel
from .landuse import warp_to_grid

__all__ = [
    "SiltDamSettings",
    "SiltDam",
    "Rejected",
    "SiltDamPlan",
    "class_life",
    "storage_need",
    "plan_silt_dams",
    "silt_dams_from_dem",
]

#: Why a gully gets no 淤地坝 (stable codes).
REJECT_REASONS = ("no_sediment", "too_large", "too_small", "valley_open")


def class_life(code: str) -> float:
    """Design silting life (years) of a size class: the lower bound of its range in ``DAM_SIZE_CLASSES``.

    >>> class_life("small"), class_life("medium"), class_life("large2"), class_life("large1")
    (5.0, 5.0, 10.0, 20.0)
    """
    for _upper, key, _name, life in standards.DAM_SIZE_CLASSES:
        if key == code:
            numbers = re.findall(r"\d+(?:\.\d+)?", life)
            return float(numbers[0]) if numbers else math.nan
    return math.nan


@dataclass
class SiltDamSettings:
    """Limits and design values of the 淤地坝 siting ([U] defaults unless a source is named)."""

    min_control_km2: float = 1.0
    max_control_km2: float = 8.0  # SL 289: 骨干坝 control 3–8 km²
    delivery_ratio: float = 1.0
    dry_density: float = standards.DEPOSIT_DRY_DENSITY_T_M3
    design_life: float = 0.0  # years; 0 = by class
    flood_mm: float = 0.0
    freeboard_m: float = 1.0
    max_height_m: float = 30.0
    search_m: float = 3000.0
    spacing_m: float = 30.0
    max_crest_m: float = 400.0
    top_width_m: float = 4.0
    up_slope: float = 2.0
    down_slope: float = 1.75
    step_m: float = 0.5
    gradient_window_m: float = 60.0

    def check(self) -> None:
        """Refuse inconsistent limits."""
        ok = (
            0 < self.min_control_km2 < self.max_control_km2
            and 0 < self.delivery_ratio <= 1
            and self.dry_density > 0
            and self.design_life >= 0
            and self.flood_mm >= 0
            and 0 <= self.freeboard_m < self.max_height_m
            and self.search_m >= 0
            and self.spacing_m > 0
            and self.max_crest_m > 0
            and self.step_m > 0
        )
        if not ok:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The silt-dam settings are inconsistent: 0 < MIN_CONTROL < MAX_CONTROL, 0 < "
                    "DELIVERY_RATIO ≤ 1, DRY_DENSITY > 0, DESIGN_LIFE ≥ 0, FLOOD_DEPTH ≥ 0 and "
                    "0 ≤ FREEBOARD < MAX_HEIGHT are required.",
                )
            )


def storage_need(
    sediment_t_a: float, control_km2: float, settings: SiltDamSettings
) -> Tuple[float, float, float, str]:
    """``(silt m³, flood m³, design life years, class code)`` of a site.

    With ``design_life`` 0 the life comes from the class (:func:`class_life`): the smallest class whose
    life gives a storage in that class; when none does, the class of the need at the largest class's
    life (``above_large1`` beyond 500 × 10⁴ m³).

    >>> s = SiltDamSettings(design_life=10.0)
    >>> silt, flood, life, code = storage_need(81000.0, 4.0, s)   # 81 000 t/a over 10 years, γd 1.35
    >>> round(silt), flood, life, code
    (600000, 0.0, 10.0, 'large2')
    >>> storage_need(81000.0, 4.0, SiltDamSettings())[2:]          # by class: 中型 with 5 years
    (5.0, 'medium')
    """
    flood = settings.flood_mm / 1000.0 * control_km2 * 1e6
    per_year = sediment_t_a / settings.dry_density
    if settings.design_life > 0:
        silt = per_year * settings.design_life
        return silt, flood, float(settings.design_life), size_class(silt + flood)[0]
    last: Tuple[float, float, float, str] = (0.0, flood, math.nan, "small")
    for _upper, code, _name, _life in standards.DAM_SIZE_CLASSES:
        life = class_life(code)
        silt = per_year * life
        got = size_class(silt + flood)[0]
        last = (silt, flood, life, got)
        if got == code:
            return last
    return last


@dataclass
class SiltDam:
    """One proposed 淤地坝 (attributes of the DAMS output)."""

    dam_id: int
    gully: int
    row: int
    col: int
    x: float
    y: float
    bed_z: float
    control_km2: float
    sediment_t_a: float
    modulus: float
    life_years: float
    silt_need_m3: float
    flood_m3: float
    need_m3: float
    size_code: str
    size_name: str
    class_life: str
    silt_height_m: float
    water_height_m: float
    height_m: float
    storage_m3: float
    silt_m2: float
    pool_m2: float
    crest_m: float
    body_m3: float
    closed_height_m: float
    distance_m: float
    crest_wkb: bytes = b""
    silt_wkb: Optional[bytes] = None
    catchment_wkb: Optional[bytes] = None
    curve: List[Tuple[float, float, float]] = field(default_factory=list)


@dataclass
class Rejected:
    """A gully without a 淤地坝: outlet, control area, need and the reason (:data:`REJECT_REASONS`)."""

    gully: int
    x: float
    y: float
    control_km2: float
    need_m3: float
    reason: str


@dataclass
class SiltDamPlan:
    """Result of :func:`plan_silt_dams`."""

    dams: List[SiltDam]
    rejected: List[Rejected]
    stats: Dict[str, float]


def _sediment_grid(
    flow: FlowResult, modulus: Optional[np.ndarray], constant: float, delivery_ratio: float
) -> np.ndarray:
    """Sediment inflow (t/a) draining through every cell: weighted D8 accumulation."""
    cell_km2 = flow.grid.cell_area / 1e6
    if modulus is None:
        w = np.where(np.isfinite(flow.filled), float(constant), 0.0)
    else:
        w = np.where(np.isfinite(modulus), modulus, 0.0)
    return flow_accumulation(flow.codes, w * cell_km2 * float(delivery_ratio))


def _interp_height(volume: float, volumes: np.ndarray, heights: np.ndarray) -> float:
    """Height at which the curve reaches ``volume`` (linear between steps)."""
    if volume <= 0:
        return 0.0
    k = int(np.searchsorted(volumes, volume, side="left"))
    if k <= 0:
        return float(heights[0])
    if k >= volumes.size:
        return math.inf
    v0, v1 = volumes[k - 1], volumes[k]
    h0, h1 = heights[k - 1], heights[k]
    return float(h0 + (h1 - h0) * (volume - v0) / (v1 - v0)) if v1 > v0 else float(h1)


def _candidates(
    g: Any,
    tree: Any,
    t: Any,
    opos: int,
    st: SiltDamSettings,
    dims: Tuple[float, float, float, float],
    is_cancelled: CancelFn,
) -> List[Tuple[int, float]]:
    """Candidate sites of one gully: ``[(cell, distance from the gully outlet m)]``, lowest first.

    Every channel cell of the gully tree within ``search_m`` of its outlet, one per ``spacing_m`` along
    each branch, whose valley section closes at the bed + ``freeboard_m`` + 1 m within ``max_crest_m``
    (a cheap test before the height–area–volume curve of each).
    """
    cells, steplen = g.cells, g.steplen
    pos_list = [opos]
    dist = {opos: 0.0}
    keep = [opos]
    spacing = max(st.spacing_m, min(g.grid.cellsize_x, g.grid.cellsize_y))
    k = 0
    while k < len(pos_list):
        p = pos_list[k]
        k += 1
        for c in tree.children[tree.indptr[p] : tree.indptr[p + 1]].tolist():
            d = dist[p] + float(steplen[cells[c]])
            if d > st.search_m + 1e-9:
                continue
            dist[c] = d
            pos_list.append(c)
            if int(d // spacing) != int(dist[p] // spacing):
                keep.append(c)
    keep_a = np.asarray(keep, dtype=np.int64)
    z = g.z[cells[keep_a]]
    nx, ny = -t.ty[keep_a], t.tx[keep_a]
    a, _b, _body = cross_sections(
        g.z2,
        g.grid,
        t.px[keep_a],
        t.py[keep_a],
        nx,
        ny,
        z + st.freeboard_m + 1.0,
        st.max_crest_m,
        dims,
        is_cancelled,
    )
    ok = np.isfinite(a)
    return [(int(cells[p]), dist[int(p)]) for p in keep_a[ok].tolist()]


def plan_silt_dams(
    flow: FlowResult,
    *,
    modulus: Optional[np.ndarray] = None,
    modulus_constant: float = 0.0,
    aoi: Optional[np.ndarray] = None,
    settings: Optional[SiltDamSettings] = None,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> SiltDamPlan:
    """Propose one 淤地坝 per gully of a routed DEM (method: the module docstring).

    Parameters
    ----------
    flow : :func:`.hydrology.route_dem` result.
    modulus : soil-loss modulus (t/(km²·a)) on the DEM grid (NaN = none), e.g. ``soilloss``'s SOIL_LOSS;
        ``None``: ``modulus_constant`` everywhere.
    aoi : optional mask of the cells that may carry a dam (e.g. the watershed).
    settings : :class:`SiltDamSettings`.

    Returns
    -------
    :class:`SiltDamPlan`; without a gully within the control-area limits no dam and ``stats["gullies"]``
    0 (``stats["largest_km2"]``: the largest upslope area inside the area of interest).

    Raises
    ------
    InputError
        for inconsistent settings.
    """
    st = settings or SiltDamSettings()
    st.check()
    stats: Dict[str, float] = {}
    g = gully_cells(flow, aoi, st.min_control_km2, st.max_control_km2, stats)
    if not g.cells.size:  # no gully of 淤地坝 size: an empty plan (a batch over watersheds goes on)
        stats.update(gullies=0.0, dams=0.0)
        return SiltDamPlan(dams=[], rejected=[], stats=stats)
    t = thalweg(g, st.gradient_window_m, stats)
    tree = gully_tree(g)
    sed = _sediment_grid(flow, modulus, modulus_constant, st.delivery_ratio).ravel()
    grid = flow.grid
    cols = grid.cols
    z2 = g.z2
    dims = (st.max_height_m, st.top_width_m, st.up_slope, st.down_slope)
    half = st.max_crest_m / 2.0
    dams: List[SiltDam] = []
    rejected: List[Rejected] = []
    n_out = max(int(tree.outlets.size), 1)
    for gi, opos in enumerate(tree.outlets.tolist()):
        check_cancel(is_cancelled)
        progress(gi / n_out)
        stem = sorted(_candidates(g, tree, t, int(opos), st, dims, is_cancelled), key=lambda cd: cd[1])
        best: Optional[Dict[str, Any]] = None
        reasons: List[str] = [] if stem else ["valley_open"]
        out_cell = int(g.cells[opos])
        o_silt, o_flood, _o_life, _o_code = storage_need(
            float(sed[out_cell]), float(g.uparea[out_cell]) / 1e6, st
        )
        out_need = o_silt + o_flood
        for cell, dist in stem:
            r, c = divmod(cell, cols)
            if r in (0, grid.rows - 1) or c in (0, cols - 1):
                continue  # no axis across the valley on the DEM's edge
            p = int(tree.pos[cell])
            control = float(g.uparea[cell]) / 1e6
            w = float(sed[cell])
            if not w > 0:
                reasons.append("no_sediment")
                continue
            silt, flood, life, code = storage_need(w, control, st)
            need = silt + flood
            if code == "above_large1":
                reasons.append("too_large")
                continue
            px, py, tx, ty = float(t.px[p]), float(t.py[p]), float(t.tx[p]), float(t.ty[p])
            nx, ny = -ty, tx
            axis = [(px + half * nx, py + half * ny), (px - half * nx, py - half * ny)]
            try:
                res = dam_storage(
                    flow, axis, max_height=st.max_height_m, step=st.step_m, is_cancelled=is_cancelled
                )
            except InputError:
                reasons.append("valley_open")
                continue
            h_total = _interp_height(need, res.volumes, res.heights)
            h_dam = h_total + st.freeboard_m
            if not h_dam <= st.max_height_m:
                reasons.append("too_small")
                continue
            if h_dam > res.closed_height:
                reasons.append("valley_open")
                continue
            a, b, body = cross_sections(
                z2,
                grid,
                np.array([px]),
                np.array([py]),
                np.array([nx]),
                np.array([ny]),
                np.array([res.bed_z + h_dam]),
                st.max_crest_m,
                dims,
                is_cancelled,
            )
            if not np.isfinite(body[0]):
                reasons.append("valley_open")
                continue
            score = float(body[0]) / need
            if best is None or score < best["score"] * 0.99:
                best = {
                    "score": score,
                    "cell": cell,
                    "dist": dist,
                    "res": res,
                    "axis": axis,
                    "control": control,
                    "w": w,
                    "silt": silt,
                    "flood": flood,
                    "life": life,
                    "need": need,
                    "h_total": h_total,
                    "h_dam": h_dam,
                    "a": float(a[0]),
                    "b": float(b[0]),
                    "body": float(body[0]),
                    "p": (px, py, nx, ny),
                }
        if best is None:
            reason = reasons[-1] if reasons else "no_sediment"
            ox, oy = grid.cell_center(*divmod(out_cell, cols))
            rejected.append(
                Rejected(len(rejected) + 1, ox, oy, float(g.uparea[out_cell]) / 1e6, out_need, reason)
            )
            continue
        dams.append(_record(flow, best, st, len(dams) + 1, gi + 1, is_cancelled))
    progress(1.0)
    stats["gullies"] = float(tree.outlets.size)
    stats["dams"] = float(len(dams))
    return SiltDamPlan(dams=dams, rejected=rejected, stats=stats)


def _record(
    flow: FlowResult,
    best: Dict[str, Any],
    st: SiltDamSettings,
    dam_id: int,
    gully: int,
    is_cancelled: CancelFn,
) -> SiltDam:
    """The dam record of the site kept: silted area at the silt height, crest line, curve to the dam height."""
    from shapely.geometry import LineString

    res = best["res"]
    h_silt = _interp_height(best["silt"], res.volumes, res.heights)
    silt_res = (
        dam_storage(
            flow,
            best["axis"],
            max_height=st.max_height_m,
            step=st.step_m,
            height=min(max(h_silt, st.step_m * 1e-3), st.max_height_m),
            is_cancelled=is_cancelled,
        )
        if h_silt > 0
        else res
    )
    px, py, nx, ny = best["p"]
    crest = LineString(
        [(px + best["a"] * nx, py + best["a"] * ny), (px - best["b"] * nx, py - best["b"] * ny)]
    )
    storage = float(np.interp(best["h_total"], res.heights, res.volumes))
    code, name, life_text = size_class(best["need"])
    cell = best["cell"]
    r, c = divmod(cell, flow.grid.cols)
    curve = [
        (float(h), float(a), float(v))
        for h, a, v in zip(res.heights, res.areas, res.volumes)
        if h <= best["h_dam"] + st.step_m
    ]
    control = best["control"]
    return SiltDam(
        dam_id=dam_id,
        gully=gully,
        row=int(r),
        col=int(c),
        x=float(res.x),
        y=float(res.y),
        bed_z=float(res.bed_z),
        control_km2=control,
        sediment_t_a=best["w"],
        modulus=best["w"] / (control * st.delivery_ratio) if control > 0 else math.nan,
        life_years=best["life"],
        silt_need_m3=best["silt"],
        flood_m3=best["flood"],
        need_m3=best["need"],
        size_code=code,
        size_name=name,
        class_life=life_text,
        silt_height_m=h_silt,
        water_height_m=best["h_total"],
        height_m=best["h_dam"],
        storage_m3=storage,
        silt_m2=float(np.interp(h_silt, res.heights, res.areas)),
        pool_m2=float(np.interp(best["h_total"], res.heights, res.areas)),
        crest_m=best["a"] + best["b"],
        body_m3=best["body"],
        closed_height_m=float(res.closed_height),
        distance_m=float(best["dist"]),
        crest_wkb=bytes(crest.wkb),
        silt_wkb=silt_res.flooded_wkb if h_silt > 0 else None,
        catchment_wkb=res.catchment_wkb,
        curve=curve,
    )


def read_modulus(path: str, flow: FlowResult) -> np.ndarray:
    """A soil-loss modulus raster (t/(km²·a)) on the DEM grid (nearest cell), NaN at nodata."""
    ds = warp_to_grid(path, flow.grid)
    try:
        with gdal_exceptions():
            band = ds.GetRasterBand(1)
            nodata = band.GetNoDataValue()
            arr = band.ReadAsArray().astype(np.float64)
    finally:
        vrt = ds.GetDescription()
        ds = None
        from osgeo import gdal

        gdal.Unlink(vrt)
    if nodata is not None:
        arr[arr == nodata] = np.nan
    arr[arr < 0] = np.nan
    return arr


def silt_dams_from_dem(
    dem_path: str,
    *,
    soil_loss_path: Optional[str] = None,
    modulus_constant: float = 0.0,
    aoi_polygons: Optional[Sequence[bytes]] = None,
    settings: Optional[SiltDamSettings] = None,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> SiltDamPlan:
    """Route a DEM file and propose the 淤地坝 (see :func:`plan_silt_dams`).

    Raises
    ------
    InputError
        without a soil-loss raster and a constant modulus above 0, or as :func:`plan_silt_dams`.
    """
    if not soil_loss_path and not modulus_constant > 0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The storage need of a silt-trap dam comes from the sediment of its catchment: give the "
                "soil-loss raster (SOIL_LOSS of swcplanner:soilloss) or a soil-loss modulus above 0.",
            )
        )
    flow = route_dem(
        dem_path, max_memory_mb=max_memory_mb, progress=lambda f: progress(0.4 * f), is_cancelled=is_cancelled
    )
    modulus = read_modulus(soil_loss_path, flow) if soil_loss_path else None
    aoi = aoi_mask(list(aoi_polygons), flow.grid) if aoi_polygons else None
    return plan_silt_dams(
        flow,
        modulus=modulus,
        modulus_constant=modulus_constant,
        aoi=aoi,
        settings=settings,
        progress=lambda f: progress(0.4 + 0.6 * f),
        is_cancelled=is_cancelled,
    )
