"""No-reclamation steep slopes (禁止开垦陡坡地), county by county.

Pipeline (memory set by the block size, except the patch list); each stage is a
function returning a small dataclass:

1. :func:`_classify_cells` → :class:`CellPass`: block by block, Horn slope,
   per-cell threshold (county threshold, lowered to the reservoir threshold
   inside reservoir catchments), land-use and exclusion masks → a raster holding
   the county number on banned cells; county and township areas are counted on
   the way;
2. :func:`_delimit_patches` → :class:`PatchPass`: GDAL polygonizes that raster
   into 4-connected pieces (always OGC-valid polygons, exact unions of cells);
   pieces of one county that share a vertex touch at a cell corner and are
   joined (:func:`corner_groups`), so a patch is an 8-connected set of banned
   cells inside one county and its geometry the valid multipolygon of its
   pieces; patches below the minimum area are dropped;
3. :func:`_patch_statistics` → :class:`PatchStats`: the kept patches are burnt
   back as labels and a second block pass collects per-patch slope statistics,
   the reservoir share and the township cross-tabulation;
4. :func:`_assemble` → :class:`BanResult`: rule and threshold per patch, totals.

:func:`county_thresholds` reads the per-county ban slopes from a field;
:func:`county_areas` and :func:`township_areas` give the announcement tables.
"""

from __future__ import annotations

import math
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr

from .errors import QT_TRANSLATE_NOOP, InputError
from .grid import GridSpec
from .io import gdal_exceptions
from .io.raster import (
    DEFAULT_BLOCK,
    CancelFn,
    ProgressFn,
    Window,
    _never,
    _noop_progress,
    check_cancel,
    create_raster,
    delete_raster,
    map_blocks,
    open_band,
    open_raster,
    write_window,
)
from .io.vector import polygonize, rasterize, temp_path
from .standards import HA_M2, KM2_M2, MU_M2
from .terrain import SLOPE_HALO, horn_slope
from .zones import bincount2

RULE_GENERAL = 1
RULE_RESERVOIR = 2
RULE_MIXED = 3


@dataclass
class BanPatch:
    """One banned patch: contiguous banned cells inside one county."""

    county: int  # county number 1..n
    number: int  # patch number within its county, 1..k
    cells: int
    wkb: bytes
    mean_slope: float = 0.0
    max_slope: float = 0.0
    reservoir_cells: int = 0
    threshold: float = 0.0
    rule: int = RULE_GENERAL


@dataclass
class BanResult:
    """Patches plus per-county and per-township tables (cell counts)."""

    grid: GridSpec
    patches: List[BanPatch]
    county_cells: np.ndarray  # valid DEM cells per county (index 0 unused)
    county_banned_cells: np.ndarray  # banned cells after MIN_AREA per county
    county_patches: np.ndarray  # patch count per county
    township_cells: Optional[np.ndarray] = None  # valid cells per township
    township_banned_cells: Optional[np.ndarray] = None  # banned cells per township
    township_patches: Optional[np.ndarray] = None  # patches touching each township
    township_county: Optional[np.ndarray] = None  # county holding most of each township
    removed_patches: int = 0
    stats: Dict[str, float] = field(default_factory=dict)


def steep_slope_ban(
    dem_path: str,
    county_raster: str,
    county_thresholds: Sequence[float],
    *,
    reservoir_raster: Optional[str] = None,
    reservoir_threshold: float = 20.0,
    landuse_raster: Optional[str] = None,
    exclude_raster: Optional[str] = None,
    township_raster: Optional[str] = None,
    n_townships: int = 0,
    min_area_m2: float = 0.0,
    work_dir: Optional[str] = None,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> BanResult:
    """Delimit banned steep slopes.

    Parameters
    ----------
    dem_path : projected DEM (metres).
    county_raster : Int32 raster on the DEM grid, county numbers 1..n (0 outside).
    county_thresholds : ban slope in degrees for each county; index 0 is ignored,
        so ``len == n + 1``.  A cell is banned when its slope is *above* it.
    reservoir_raster : optional Byte raster, 1 inside reservoir catchments,
        where the threshold is ``min(county threshold, reservoir_threshold)``.
    landuse_raster : optional Byte raster, 1 on land kept for the ban.
    exclude_raster : optional Byte raster, 1 on land removed from the ban.
    township_raster : optional Int32 raster, township numbers 1..``n_townships``.
    min_area_m2 : patches smaller than this are dropped (0 keeps all).

    Returns
    -------
    BanResult
        the patches (county, then north to south, west to east) and the cell
        counts per county and township.
    """
    _ds, grid = open_raster(dem_path)
    grid.check_usable()
    rules = BanRules(
        thresholds=np.asarray(county_thresholds, dtype=np.float64),
        reservoir_threshold=float(reservoir_threshold),
        min_area_m2=float(min_area_m2),
        n_townships=int(n_townships),
    )
    layers = BanLayers(
        dem_path, county_raster, reservoir_raster, landuse_raster, exclude_raster, township_raster
    )
    run = _RunControl(block_rows, block_cols, progress, is_cancelled)
    own_dir = work_dir is None
    work = work_dir or tempfile.mkdtemp(prefix="swc_ban_")
    try:
        cells = _classify_cells(grid, layers, rules, work, run)
        try:
            pieces = _delimit_patches(grid, cells, rules, run)
            stats = _patch_statistics(grid, cells, pieces.patches, layers, rules, work, run)
        finally:
            for path in (cells.ban_path, cells.slope_path, cells.rule_path):
                delete_raster(path)
        return _assemble(grid, rules, cells, pieces, stats)
    finally:
        if own_dir:
            shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------
# the stages of a run and their results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BanRules:
    """The thresholds of a run: per county (index 0 unused), in reservoir catchments, minimum area."""

    thresholds: np.ndarray
    reservoir_threshold: float = 20.0
    min_area_m2: float = 0.0
    n_townships: int = 0

    @property
    def n_counties(self) -> int:
        """Number of counties (thresholds minus the unused index 0)."""
        return len(self.thresholds) - 1


@dataclass(frozen=True)
class BanLayers:
    """The rasters of a run, all on the DEM grid (``None`` = not given)."""

    dem: str
    counties: str
    reservoirs: Optional[str] = None
    landuse: Optional[str] = None
    exclude: Optional[str] = None
    townships: Optional[str] = None


@dataclass(frozen=True)
class _RunControl:
    block_rows: int
    block_cols: int
    progress: ProgressFn
    is_cancelled: CancelFn


@dataclass
class CellPass:
    """Stage 1: county number on banned cells, slope and rule (temporary rasters), cell counts."""

    ban_path: str
    slope_path: str
    rule_path: str
    county_cells: np.ndarray  # valid DEM cells per county (index 0: outside)
    township_cells: np.ndarray  # valid DEM cells per township
    town_county: np.ndarray  # valid cells per (township, county)
    has_townships: bool = False


@dataclass
class PatchPass:
    """Stage 2: the patches kept (geometry and cell count), and how many were too small."""

    patches: List[BanPatch]
    removed: int


@dataclass
class PatchStats:
    """Stage 3: per kept patch (index 1..n) and per township (index 1..m)."""

    cells: np.ndarray
    slope_sum: np.ndarray
    slope_max: np.ndarray
    reservoir_cells: np.ndarray
    township_banned: np.ndarray
    township_patches: np.ndarray


def _classify_cells(
    grid: GridSpec, layers: BanLayers, rules: BanRules, work: str, run: _RunControl
) -> CellPass:
    """Block pass: Horn slope, per-cell threshold, masks; counts per county and township."""
    n_counties, n_townships = rules.n_counties, rules.n_townships
    thresholds, reservoir_threshold = rules.thresholds, rules.reservoir_threshold
    dem_ds, dem_band = open_band(layers.dem)
    cds, cband = open_band(layers.counties)
    optional = [
        (name, *open_band(path))
        for name, path in (
            ("res", layers.reservoirs),
            ("land", layers.landuse),
            ("excl", layers.exclude),
            ("town", layers.townships),
        )
        if path
    ]
    names = [name for name, _ds, _band in optional]
    out = CellPass(
        ban_path=temp_path(work, "ban"),
        slope_path=temp_path(work, "slope"),
        rule_path=temp_path(work, "rule"),
        county_cells=np.zeros(n_counties + 1, dtype=np.int64),
        township_cells=np.zeros(n_townships + 1, dtype=np.int64),
        town_county=np.zeros((n_townships + 1, n_counties + 1), dtype=np.int64),
        has_townships=bool(layers.townships),
    )
    scratch = [
        create_raster(path, grid, gdal_type, compress="NONE")
        for path, gdal_type in (
            (out.ban_path, gdal.GDT_Int32),
            (out.slope_path, gdal.GDT_Float32),
            (out.rule_path, gdal.GDT_Byte),
        )
    ]
    bands = [d.GetRasterBand(1) for d in scratch]  # ban, slope, rule
    valid_total = [0]

    def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
        rs, cs = window.core_slice
        slope = horn_slope(arrays[0], grid.cellsize_x, grid.cellsize_y, window.edges)
        valid = ~np.isnan(slope)
        valid_total[0] += int(valid.sum())
        county = np.nan_to_num(arrays[1][rs, cs], nan=0.0).astype(np.int64)
        county[(county < 0) | (county > n_counties)] = 0
        out.county_cells[:] += np.bincount(county[valid], minlength=n_counties + 1)
        aux = {n: np.nan_to_num(a[rs, cs], nan=0.0) for n, a in zip(names, arrays[2:])}
        thr = thresholds[county]
        rule = np.full(slope.shape, RULE_GENERAL, dtype=np.uint8)
        if "res" in aux:
            in_res = (aux["res"] > 0) & (reservoir_threshold < thr)
            thr = np.where(in_res, reservoir_threshold, thr)
            rule[in_res] = RULE_RESERVOIR
        banned = valid & (county > 0) & (np.nan_to_num(slope, nan=-1.0) > thr)
        if "land" in aux:
            banned &= aux["land"] > 0
        if "excl" in aux:
            banned &= aux["excl"] <= 0
        if "town" in aux:
            town = aux["town"].astype(np.int64)
            town[(town < 0) | (town > n_townships)] = 0
            out.township_cells[:] += np.bincount(town[valid], minlength=n_townships + 1)
            out.town_county[:] += bincount2(town[valid], county[valid], n_townships + 1, n_counties + 1)
        write_window(bands[0], window, np.where(banned, county, 0).astype(np.int32))
        write_window(bands[1], window, np.nan_to_num(slope, nan=-1.0).astype(np.float32))
        write_window(bands[2], window, rule)
        return []

    sources = [(dem_band, grid.nodata), (cband, None)] + [(band, None) for _n, _ds, band in optional]
    map_blocks(
        sources,  # type: ignore[arg-type]
        grid,
        kernel,
        [],
        halo=SLOPE_HALO,
        block_rows=run.block_rows,
        block_cols=run.block_cols,
        progress=run.progress,
        is_cancelled=run.is_cancelled,
        progress_span=(0.0, 0.55),
        dtype=np.float32,
    )
    with gdal_exceptions():
        for ds in scratch:
            ds.FlushCache()
    # close every raster of the pass (the scratch rasters are read again by the next stages)
    del kernel, sources
    bands.clear()
    scratch.clear()
    optional.clear()
    del dem_ds, dem_band, cds, cband
    if valid_total[0] == 0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The DEM has no valid cell (every cell is nodata). Check its nodata value and extent.",
            )
        )
    if out.county_cells[1:].sum() == 0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "No DEM cell centre falls inside any county polygon. Check that the "
                "counties overlap the DEM.",
            )
        )
    return out


def _delimit_patches(grid: GridSpec, cells: CellPass, rules: BanRules, run: _RunControl) -> PatchPass:
    """Polygonize the banned cells into 4-connected pieces (OGC-valid polygons), join the
    pieces of one county that touch at a corner into 8-connected patches, drop small ones."""
    check_cancel(run.is_cancelled)
    ban_ds, ban_band = open_band(cells.ban_path)
    found = polygonize(
        ban_band,
        srs=grid.srs(),
        progress=lambda f: run.progress(0.55 + 0.25 * f),
        is_cancelled=run.is_cancelled,
    )
    del ban_band, ban_ds
    piece_county = np.asarray([v for v, _g in found], dtype=np.int64)
    piece_geom = [g for _v, g in found]
    group = corner_groups(piece_geom, piece_county, grid)
    cell_area = grid.cell_area
    raw = []
    with gdal_exceptions():
        for members in _members(group):
            multi = ogr.Geometry(ogr.wkbMultiPolygon)
            area = 0.0
            top, left = -np.inf, np.inf
            for i in members:
                multi.AddGeometry(piece_geom[i])
                area += piece_geom[i].GetArea()
                xmin, _xmax, _ymin, ymax = piece_geom[i].GetEnvelope()
                top, left = max(top, ymax), min(left, xmin)
            raw.append((int(piece_county[members[0]]), int(round(area / cell_area)), multi, top, left))
    # stable order: county, then north to south, west to east
    raw.sort(key=lambda t: (t[0], -t[3], t[4]))
    patches: List[BanPatch] = []
    removed = 0
    per_county_number = np.zeros(rules.n_counties + 1, dtype=np.int64)
    for county, n_cells, multi, _top, _left in raw:
        if n_cells * cell_area < rules.min_area_m2:
            removed += 1
            continue
        per_county_number[county] += 1
        patches.append(
            BanPatch(
                county=county,
                number=int(per_county_number[county]),
                cells=n_cells,
                wkb=bytes(multi.ExportToWkb()),
            )
        )
    check_cancel(run.is_cancelled)
    return PatchPass(patches=patches, removed=removed)


def _patch_statistics(
    grid: GridSpec,
    cells: CellPass,
    patches: Sequence[BanPatch],
    layers: BanLayers,
    rules: BanRules,
    work: str,
    run: _RunControl,
) -> PatchStats:
    """Block pass over the kept patches burnt back as labels: slope statistics, reservoir
    cells and the township cross-tabulation."""
    n_patches, n_townships = len(patches), rules.n_townships
    label_path = rasterize([(i + 1, p.wkb) for i, p in enumerate(patches)], grid, temp_path(work, "labels"))
    try:
        opened = [
            open_band(path) for path in (label_path, cells.slope_path, cells.rule_path, layers.townships)
        ]
        has_town = opened[3][1] is not None
        stats = PatchStats(
            cells=np.zeros(n_patches + 1, dtype=np.int64),
            slope_sum=np.zeros(n_patches + 1),
            slope_max=np.zeros(n_patches + 1),
            reservoir_cells=np.zeros(n_patches + 1, dtype=np.int64),
            township_banned=np.zeros(n_townships + 1, dtype=np.int64),
            township_patches=np.zeros(n_townships + 1, dtype=np.int64),
        )
        town_patch_pairs: set = set()

        def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
            labels = np.nan_to_num(arrays[0], nan=0.0).astype(np.int64)
            m = labels > 0
            if not m.any():
                return []
            idx = labels[m]
            vals = arrays[1][m]
            stats.cells[:] += np.bincount(idx, minlength=n_patches + 1)
            stats.slope_sum[:] += np.bincount(idx, weights=vals, minlength=n_patches + 1)
            stats.reservoir_cells[:] += np.bincount(
                idx, weights=(arrays[2][m] == RULE_RESERVOIR), minlength=n_patches + 1
            ).astype(np.int64)
            key = np.sort(idx * 128.0 + vals)
            group = np.floor(key / 128.0).astype(np.int64)
            last = np.r_[group[1:] != group[:-1], True]
            np.maximum.at(stats.slope_max, group[last], key[last] - group[last] * 128.0)
            if has_town:
                town = np.nan_to_num(arrays[3][m], nan=0.0).astype(np.int64)
                town[(town < 0) | (town > n_townships)] = 0
                stats.township_banned[:] += np.bincount(town, minlength=n_townships + 1)
                pairs = np.unique(town * (n_patches + 1) + idx)
                town_patch_pairs.update(pairs.tolist())
            return []

        sources = [(band, None) for _ds, band in opened if band is not None]
        map_blocks(
            sources,  # type: ignore[arg-type]
            grid,
            kernel,
            [],
            halo=0,
            block_rows=run.block_rows,
            block_cols=run.block_cols,
            progress=run.progress,
            is_cancelled=run.is_cancelled,
            progress_span=(0.8, 1.0),
        )
        for pair in town_patch_pairs:
            stats.township_patches[int(pair) // (n_patches + 1)] += 1
        del kernel
        sources.clear()
        opened.clear()  # closes the rasters before the label raster is deleted
        return stats
    finally:
        delete_raster(label_path)


def _assemble(
    grid: GridSpec, rules: BanRules, cells: CellPass, pieces: PatchPass, stats: PatchStats
) -> BanResult:
    """Rule and threshold of each patch, the county totals and the township tables."""
    n_counties = rules.n_counties
    county_banned = np.zeros(n_counties + 1, dtype=np.int64)
    county_patch_count = np.zeros(n_counties + 1, dtype=np.int64)
    for i, patch in enumerate(pieces.patches, start=1):
        n = max(int(stats.cells[i]), 1)
        patch.mean_slope = float(stats.slope_sum[i] / n)
        patch.max_slope = float(stats.slope_max[i])
        patch.reservoir_cells = int(stats.reservoir_cells[i])
        patch.rule, patch.threshold = patch_rule(
            patch.reservoir_cells,
            patch.cells,
            float(rules.thresholds[patch.county]),
            rules.reservoir_threshold,
        )
        county_banned[patch.county] += patch.cells
        county_patch_count[patch.county] += 1
    result = BanResult(
        grid=grid,
        patches=pieces.patches,
        county_cells=cells.county_cells,
        county_banned_cells=county_banned,
        county_patches=county_patch_count,
        removed_patches=pieces.removed,
    )
    if cells.has_townships:
        result.township_cells = cells.township_cells
        result.township_banned_cells = stats.township_banned
        result.township_patches = stats.township_patches
        result.township_county = cells.town_county.argmax(axis=1)
    return result


def patch_rule(reservoir_cells: int, cells: int, general: float, reservoir: float) -> Tuple[int, float]:
    """Rule and threshold of a patch from its cells inside reservoir catchments.

    >>> patch_rule(0, 10, 25.0, 20.0), patch_rule(10, 10, 25.0, 20.0), patch_rule(3, 10, 25.0, 20.0)
    ((1, 25.0), (2, 20.0), (3, 20.0))
    """
    if reservoir_cells == 0:
        return RULE_GENERAL, general
    if reservoir_cells >= cells:
        return RULE_RESERVOIR, min(general, reservoir)
    return RULE_MIXED, min(general, reservoir)


def _ring_vertices(geom: ogr.Geometry) -> np.ndarray:
    """All vertices of all rings of a polygon, as an ``(n, 2)`` array (parsed from WKB)."""
    wkb = bytes(geom.ExportToWkb(ogr.wkbNDR))
    n_rings = struct.unpack_from("<I", wkb, 5)[0]
    offset, parts = 9, []
    for _ in range(n_rings):
        n_points = struct.unpack_from("<I", wkb, offset)[0]
        offset += 4
        parts.append(np.frombuffer(wkb, dtype="<f8", count=2 * n_points, offset=offset))
        offset += 16 * n_points
    return np.concatenate(parts).reshape(-1, 2) if parts else np.zeros((0, 2))


def corner_groups(pieces: Sequence[ogr.Geometry], values: np.ndarray, grid: GridSpec) -> np.ndarray:
    """Group 4-connected pieces into 8-connected patches.

    Two pieces of the same value that share a vertex touch at a cell corner
    (pieces sharing an edge would be one piece), so they belong to the same
    8-connected patch.  Returns the group number (the smallest member index)
    of each piece.  Vectorised: vertices become integer corner indices, shared
    corners give edges, and the groups are found by minimum-label propagation
    with pointer jumping.
    """
    n = len(pieces)
    labels = np.arange(n, dtype=np.int64)
    if n < 2:
        return labels
    x0, dx, _, y0, _, dy = grid.geotransform
    keys, owners = [], []
    for i, geom in enumerate(pieces):
        xy = _ring_vertices(geom)
        cols = np.rint((xy[:, 0] - x0) / dx).astype(np.int64)
        rows = np.rint((xy[:, 1] - y0) / dy).astype(np.int64)
        k = np.unique(rows * (grid.cols + 1) + cols)
        keys.append(k)
        owners.append(np.full(k.size, i, dtype=np.int64))
    key = np.concatenate(keys)
    owner = np.concatenate(owners)
    order = np.argsort(key, kind="stable")
    key, owner = key[order], owner[order]
    same = key[1:] == key[:-1]
    a, b = owner[:-1][same], owner[1:][same]
    keep = values[a] == values[b]
    a, b = a[keep], b[keep]
    if a.size == 0:
        return labels
    while True:
        low = np.minimum(labels[a], labels[b])
        new = labels.copy()
        np.minimum.at(new, a, low)
        np.minimum.at(new, b, low)
        while True:  # pointer jumping: every label points at its group's root
            jumped = new[new]
            if np.array_equal(jumped, new):
                break
            new = jumped
        if np.array_equal(new, labels):
            return labels
        labels = new


def _members(group: np.ndarray) -> List[List[int]]:
    """Piece indices of each group, groups in order of their first piece."""
    order = np.argsort(group, kind="stable")
    sorted_groups = group[order]
    starts = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]])
    return [chunk.tolist() for chunk in np.split(order, starts[1:])]


# ---------------------------------------------------------------------------
# thresholds and tables
# ---------------------------------------------------------------------------


def county_thresholds(values: Sequence[object], default: float) -> Tuple[List[float], List[int]]:
    """Ban slope of each county from a field, for :func:`steep_slope_ban`.

    Parameters
    ----------
    values : the threshold field's value for counties 1..n (``None`` without a field).
    default : the general ban slope (degrees) used where a value is empty or invalid.

    Returns
    -------
    ``(thresholds, invalid)``: ``thresholds[0]`` is 0 (outside every county),
    ``thresholds[i]`` the degrees of county ``i``; ``invalid`` lists the
    0-based positions whose value was empty, not a number or outside 0°–90°
    (exclusive) and got ``default``.

    >>> county_thresholds([25, "20", None, "abc", 95, 0.0], 25.0)
    ([0.0, 25.0, 20.0, 25.0, 25.0, 25.0, 25.0], [2, 3, 4, 5])
    """
    thresholds, invalid = [0.0], []
    for i, raw in enumerate(values):
        try:
            value = float(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            value = math.nan
        if not 0.0 < value < 90.0:
            invalid.append(i)
            value = float(default)
        thresholds.append(value)
    return thresholds, invalid


@dataclass(frozen=True)
class BanArea:
    """Areas of one county or township: its valid DEM area, the banned area and its share."""

    area_m2: float
    ban_m2: float
    patches: int
    county: int = 0  # townships: the county holding most of it (0 = none)

    @property
    def area_km2(self) -> float:
        """Valid DEM area (km²)."""
        return self.area_m2 / KM2_M2

    @property
    def ban_km2(self) -> float:
        """Banned area (km²)."""
        return self.ban_m2 / KM2_M2

    @property
    def ban_ha(self) -> float:
        """Banned area (ha)."""
        return self.ban_m2 / HA_M2

    @property
    def ban_mu(self) -> float:
        """Banned area (亩)."""
        return self.ban_m2 / MU_M2

    @property
    def share_pct(self) -> float:
        """Banned share of the unit's area (%); 0 for a unit without valid cells."""
        return 100.0 * self.ban_m2 / self.area_m2 if self.area_m2 else 0.0


def county_areas(result: BanResult) -> List[BanArea]:
    """:class:`BanArea` of counties 1..n (the county summary table).

    >>> g = GridSpec((0.0, 10.0, 0.0, 0.0, 0.0, -10.0), (10, 10))
    >>> r = BanResult(g, [], np.array([0, 80, 0]), np.array([0, 20, 0]), np.array([0, 3, 0]))
    >>> [(a.area_km2, a.ban_ha, a.share_pct, a.patches) for a in county_areas(r)]
    [(0.008, 0.2, 25.0, 3), (0.0, 0.0, 0.0, 0)]
    """
    cell = result.grid.cell_area
    return [
        BanArea(
            float(result.county_cells[c]) * cell,
            float(result.county_banned_cells[c]) * cell,
            int(result.county_patches[c]),
            c,
        )
        for c in range(1, len(result.county_cells))
    ]


def township_areas(result: BanResult) -> List[BanArea]:
    """:class:`BanArea` of townships 1..m (the township table); empty without townships."""
    if result.township_cells is None:
        return []
    assert result.township_banned_cells is not None and result.township_patches is not None
    assert result.township_county is not None
    cell = result.grid.cell_area
    return [
        BanArea(
            float(result.township_cells[t]) * cell,
            float(result.township_banned_cells[t]) * cell,
            int(result.township_patches[t]),
            int(result.township_county[t]),
        )
        for t in range(1, len(result.township_cells))
    ]
