"""No-reclamation steep slopes (禁止开垦陡坡地), county by county.

Pipeline (memory set by the block size, except the patch list); each stage is a
function returning a small dataclass:

1. :func:`_classify_cells` → :class:`CellPass`: block by block, Horn slope,
   per-cell threshold (county threshold, lowered to the reservoir threshold
   inside reservoir catchments), land-use and exclusion masks → a raster holding
   the county number on banned cells; county and township areas, the area of
   the land-use codes kept and the steep area before the land-use filter are
   counted on the way;
2. :func:`_delimit_patches` → :class:`PatchPass`: GDAL polygonizes that raster
   into 4-connected pieces (always OGC-valid polygons, exact unions of cells);
   pieces of one county that share a vertex touch at a cell corner and are
   joined (:func:`corner_groups`), so a patch is an 8-connected set of banned
   cells inside one county and its geometry the valid multipolygon of its
   pieces; patches below the minimum area are dropped (the minimum applies to
   the whole patch, per county);
3. :func:`_split_at_townships` (with townships only): each kept patch is cut
   at the township lines into its 8-connected parts inside one township of its
   own county, so the township rows add up to the county row; a part in no
   township of the county (the township layer does not cover it) is kept and
   counted as outside the townships;
4. :func:`_patch_statistics` → :class:`PatchStats`: the final patches are burnt
   back as labels and a block pass collects per-patch slope statistics, the
   reservoir share and the red-line overlap;
5. :func:`_assemble` → :class:`BanResult`: rule and threshold per patch, totals.

:func:`county_thresholds` reads the per-county ban slopes from a field;
:func:`county_areas` and :func:`township_areas` give the announcement tables;
:func:`reservoir_catchments` delineates the catchments of reservoir dam points
with the project's own watershed code (:func:`.hydrology.watersheds`).
"""

from __future__ import annotations

import math
import shutil
import tempfile
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

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
    read_grid,
    write_window,
)
from .io.vector import burn_cell_unions, polygon_rings, polygonize, temp_path
from .standards import HA_M2, KM2_M2, MU_M2
from .terrain import SLOPE_HALO, horn_slope
from .zones import bincount2, code_matches, zone_labels

RULE_GENERAL = 1
RULE_RESERVOIR = 2
RULE_MIXED = 3

#: Reservoir classes whose catchments get the lower ban slope: large and medium reservoirs
#: (大(1)型, 大(2)型, 中型 of the reservoir register). Hebei 实施办法: "大中型水库周边汇水区域二十度以上"
#: (domain.md §1.1, [C] 易县 and 抚宁区 notices 2025).
RESERVOIR_CLASSES = ("大*", "中*", "large*", "medium*")
#: Snapping distance (m) of the dam points: the default of ``swcplanner:watershed`` (project choice).
RESERVOIR_SNAP_M = 60.0


@dataclass
class BanPatch:
    """One banned patch: contiguous banned cells inside one county (and one township when split).

    ``whole`` is the 1-based index of the patch before the split at township lines (its
    ``whole_number`` within the county and ``whole_cells``: the area that decided MIN_AREA);
    without townships a patch is its own whole patch.  ``township`` is 1..m, 0 = none.
    """

    county: int  # county number 1..n
    number: int  # patch number within its county, 1..k
    cells: int
    wkb: bytes
    mean_slope: float = 0.0
    max_slope: float = 0.0
    reservoir_cells: int = 0
    threshold: float = 0.0
    rule: int = RULE_GENERAL
    township: int = 0
    whole: int = 0
    whole_number: int = 0
    whole_cells: int = 0
    red_cells: int = 0


@dataclass
class BanResult:
    """Patches plus per-county and per-township tables (cell counts)."""

    grid: GridSpec
    patches: List[BanPatch]
    county_cells: np.ndarray  # valid DEM cells per county (index 0 unused)
    county_banned_cells: np.ndarray  # banned cells after MIN_AREA per county
    county_patches: np.ndarray  # patch count per county (after the split at township lines)
    township_cells: Optional[np.ndarray] = None  # valid cells per township
    township_banned_cells: Optional[np.ndarray] = None  # banned cells per township
    township_patches: Optional[np.ndarray] = None  # patches (parts) inside each township
    township_county: Optional[np.ndarray] = None  # county holding most of each township
    removed_patches: int = 0
    stats: Dict[str, float] = field(default_factory=dict)
    county_whole_patches: Optional[np.ndarray] = None  # patches per county before the split
    county_steep_cells: Optional[np.ndarray] = None  # cells above the threshold, before land use
    county_land_cells: Optional[np.ndarray] = None  # cells of the kept land-use codes (with LANDUSE)
    county_red_cells: Optional[np.ndarray] = None  # banned cells inside the red line (with RED_LINE)
    township_red_cells: Optional[np.ndarray] = None
    outside_township_cells: int = 0  # banned cells in no township of their county
    outside_township_patches: int = 0


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
    red_line_raster: Optional[str] = None,
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
    township_raster : optional Int32 raster, township numbers 1..``n_townships``;
        the patches kept are then split at the township lines.
    red_line_raster : optional Byte raster, 1 inside the ecological red line
        (生态保护红线): the banned cells inside it are counted per patch.
    min_area_m2 : patches smaller than this are dropped (0 keeps all); the minimum
        applies to the whole patch of a county, before the split at township lines.

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
        dem_path,
        county_raster,
        reservoir_raster,
        landuse_raster,
        exclude_raster,
        township_raster,
        red_line_raster,
    )
    run = _RunControl(block_rows, block_cols, progress, is_cancelled)
    own_dir = work_dir is None
    work = work_dir or tempfile.mkdtemp(prefix="swc_ban_")
    try:
        cells = _classify_cells(grid, layers, rules, work, run)
        try:
            pieces = _delimit_patches(grid, cells, rules, run)
            if cells.has_townships:
                final = _split_at_townships(grid, cells, pieces.patches, layers, rules, work, run)
            else:
                final = _unsplit(pieces.patches)
            stats = _patch_statistics(grid, cells, final, layers, rules, work, run)
        finally:
            for path in (cells.ban_path, cells.slope_path, cells.rule_path):
                delete_raster(path)
        return _assemble(grid, rules, cells, pieces, final, stats)
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
    red_line: Optional[str] = None


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
    county_steep: Optional[np.ndarray] = None  # cells above the threshold before land use/exclusion
    county_land: Optional[np.ndarray] = None  # valid cells of the kept land-use codes


@dataclass
class PatchPass:
    """Stage 2: the patches kept (geometry and cell count), and how many were too small."""

    patches: List[BanPatch]
    removed: int


@dataclass
class PatchStats:
    """Stage 4: per final patch (index 1..n)."""

    cells: np.ndarray
    slope_sum: np.ndarray
    slope_max: np.ndarray
    reservoir_cells: np.ndarray
    red_cells: np.ndarray
    has_red: bool = False


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
        county_steep=np.zeros(n_counties + 1, dtype=np.int64),
        county_land=np.zeros(n_counties + 1, dtype=np.int64) if layers.landuse else None,
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
        county = zone_labels(arrays[1][rs, cs], n_counties)
        out.county_cells[:] += np.bincount(county[valid], minlength=n_counties + 1)
        aux = {n: np.nan_to_num(a[rs, cs], nan=0.0) for n, a in zip(names, arrays[2:])}
        thr = thresholds[county]
        rule = np.full(slope.shape, RULE_GENERAL, dtype=np.uint8)
        if "res" in aux:
            in_res = (aux["res"] > 0) & (reservoir_threshold < thr)
            thr = np.where(in_res, reservoir_threshold, thr)
            rule[in_res] = RULE_RESERVOIR
        banned = valid & (county > 0) & (np.nan_to_num(slope, nan=-1.0) > thr)
        assert out.county_steep is not None
        out.county_steep[:] += np.bincount(county[banned], minlength=n_counties + 1)
        if "land" in aux:
            kept = aux["land"] > 0
            assert out.county_land is not None
            out.county_land[:] += np.bincount(county[valid & kept], minlength=n_counties + 1)
            banned &= kept
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
        progress_span=(0.0, 0.5),
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


def _group_pieces(
    found: Sequence[Tuple[int, ogr.Geometry]], grid: GridSpec
) -> List[Tuple[int, int, ogr.Geometry, float, float]]:
    """Join 4-connected pieces of equal value that touch at a corner into 8-connected patches.

    Returns ``(value, cells, multipolygon, top, left)`` per patch, sorted by value, then north
    to south, west to east.
    """
    piece_value = np.asarray([v for v, _g in found], dtype=np.int64)
    piece_geom = [g for _v, g in found]
    group = corner_groups(piece_geom, piece_value, grid)
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
            raw.append((int(piece_value[members[0]]), int(round(area / cell_area)), multi, top, left))
    raw.sort(key=lambda t: (t[0], -t[3], t[4]))
    return raw


def _delimit_patches(grid: GridSpec, cells: CellPass, rules: BanRules, run: _RunControl) -> PatchPass:
    """Polygonize the banned cells into 4-connected pieces (OGC-valid polygons), join the
    pieces of one county that touch at a corner into 8-connected patches, drop small ones."""
    check_cancel(run.is_cancelled)
    ban_ds, ban_band = open_band(cells.ban_path)
    span = 0.25 if cells.has_townships else 0.3
    found = polygonize(
        ban_band,
        srs=grid.srs(),
        progress=lambda f: run.progress(0.5 + span * f),
        is_cancelled=run.is_cancelled,
    )
    del ban_band, ban_ds
    cell_area = grid.cell_area
    patches: List[BanPatch] = []
    removed = 0
    per_county_number = np.zeros(rules.n_counties + 1, dtype=np.int64)
    for county, n_cells, multi, _top, _left in _group_pieces(found, grid):
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


def _unsplit(patches: Sequence[BanPatch]) -> List[BanPatch]:
    """Without townships every patch is its own whole patch."""
    for i, patch in enumerate(patches, start=1):
        patch.whole, patch.whole_number, patch.whole_cells = i, patch.number, patch.cells
    return list(patches)


def _split_at_townships(
    grid: GridSpec,
    cells: CellPass,
    whole: Sequence[BanPatch],
    layers: BanLayers,
    rules: BanRules,
    work: str,
    run: _RunControl,
) -> List[BanPatch]:
    """Cut the kept patches at the township lines: one final patch per 8-connected part of a
    patch inside one township of the patch's county (township 0: in no township of it).

    A township belongs to the county holding most of its cells, so a township polygon that
    strays over a county line does not take cells of the neighbouring county.
    """
    check_cancel(run.is_cancelled)
    if not whole:
        return []
    t1 = rules.n_townships + 1
    if (len(whole) + 1) * t1 >= 2**31:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Too many patches ({patches}) and townships ({townships}) to split the patches at "
                "the township lines. Run the counties in smaller groups.",
            ),
            patches=len(whole),
            townships=rules.n_townships,
        )
    own_county = cells.town_county.argmax(axis=1).astype(np.int64)
    own_county[0] = -1
    label_path = burn_cell_unions(
        [(i + 1, p.wkb) for i, p in enumerate(whole)],
        grid,
        temp_path(work, "whole"),
        block_rows=run.block_rows,
        block_cols=run.block_cols,
    )
    key_path = temp_path(work, "split")
    try:
        key_ds = create_raster(key_path, grid, gdal.GDT_Int32, compress="NONE")
        key_band = key_ds.GetRasterBand(1)
        opened = [open_band(path) for path in (label_path, layers.townships, layers.counties)]
        n_whole, n_towns, n_counties = len(whole), rules.n_townships, rules.n_counties

        def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
            labels = zone_labels(arrays[0], n_whole)
            town = zone_labels(arrays[1], n_towns)
            county = zone_labels(arrays[2], n_counties)
            town = np.where(own_county[town] == county, town, 0)
            write_window(key_band, window, np.where(labels > 0, labels * t1 + town, 0).astype(np.int32))
            return []

        map_blocks(
            [(band, None) for _ds, band in opened],  # type: ignore[misc]
            grid,
            kernel,
            [],
            halo=0,
            block_rows=run.block_rows,
            block_cols=run.block_cols,
            progress=run.progress,
            is_cancelled=run.is_cancelled,
            progress_span=(0.75, 0.8),
        )
        with gdal_exceptions():
            key_ds.FlushCache()
        del kernel
        opened.clear()
        found = polygonize(
            key_band,
            srs=grid.srs(),
            progress=lambda f: run.progress(0.8 + 0.05 * f),
            is_cancelled=run.is_cancelled,
        )
        key_band = key_ds = None  # closed before the file is deleted
    finally:
        delete_raster(label_path)
        delete_raster(key_path)
    parts = _group_pieces(found, grid)
    for i, patch in enumerate(whole, start=1):
        patch.whole = i
    # order: county, then north to south, west to east (the whole patch's number breaks no tie)
    items = []
    for key, n_cells, multi, top, left in parts:
        parent = whole[key // t1 - 1]
        items.append((parent.county, -top, left, key % t1, parent, n_cells, multi))
    items.sort(key=lambda t: (t[0], t[1], t[2]))
    per_county_number = np.zeros(rules.n_counties + 1, dtype=np.int64)
    final: List[BanPatch] = []
    for county, _top, _left, town, parent, n_cells, multi in items:
        per_county_number[county] += 1
        final.append(
            BanPatch(
                county=county,
                number=int(per_county_number[county]),
                cells=n_cells,
                wkb=bytes(multi.ExportToWkb()),
                township=int(town),
                whole=parent.whole,
                whole_number=parent.number,
                whole_cells=parent.cells,
            )
        )
    check_cancel(run.is_cancelled)
    return final


def _patch_statistics(
    grid: GridSpec,
    cells: CellPass,
    patches: Sequence[BanPatch],
    layers: BanLayers,
    rules: BanRules,
    work: str,
    run: _RunControl,
) -> PatchStats:
    """Block pass over the final patches burnt back as labels: slope statistics, reservoir
    cells and red-line cells."""
    n_patches = len(patches)
    label_path = burn_cell_unions(
        [(i + 1, p.wkb) for i, p in enumerate(patches)],
        grid,
        temp_path(work, "labels"),
        block_rows=run.block_rows,
        block_cols=run.block_cols,
    )
    try:
        opened = [
            open_band(path) for path in (label_path, cells.slope_path, cells.rule_path, layers.red_line)
        ]
        has_red = opened[3][1] is not None
        stats = PatchStats(
            cells=np.zeros(n_patches + 1, dtype=np.int64),
            slope_sum=np.zeros(n_patches + 1),
            slope_max=np.zeros(n_patches + 1),
            reservoir_cells=np.zeros(n_patches + 1, dtype=np.int64),
            red_cells=np.zeros(n_patches + 1, dtype=np.int64),
            has_red=has_red,
        )

        def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
            labels = zone_labels(arrays[0], n_patches)
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
            if has_red:
                red = np.nan_to_num(arrays[3][m], nan=0.0) > 0
                stats.red_cells[:] += np.bincount(idx, weights=red, minlength=n_patches + 1).astype(np.int64)
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
            progress_span=(0.85, 1.0),
        )
        del kernel
        sources.clear()
        opened.clear()  # closes the rasters before the label raster is deleted
        return stats
    finally:
        delete_raster(label_path)


def _assemble(
    grid: GridSpec,
    rules: BanRules,
    cells: CellPass,
    pieces: PatchPass,
    final: Sequence[BanPatch],
    stats: PatchStats,
) -> BanResult:
    """Rule and threshold of each patch, the county totals and the township tables."""
    n_counties, n_towns = rules.n_counties, rules.n_townships
    county_banned = np.zeros(n_counties + 1, dtype=np.int64)
    county_patch_count = np.zeros(n_counties + 1, dtype=np.int64)
    county_red = np.zeros(n_counties + 1, dtype=np.int64)
    town_banned = np.zeros(n_towns + 1, dtype=np.int64)
    town_patches = np.zeros(n_towns + 1, dtype=np.int64)
    town_red = np.zeros(n_towns + 1, dtype=np.int64)
    for i, patch in enumerate(final, start=1):
        n = max(int(stats.cells[i]), 1)
        patch.mean_slope = float(stats.slope_sum[i] / n)
        patch.max_slope = float(stats.slope_max[i])
        patch.reservoir_cells = int(stats.reservoir_cells[i])
        patch.red_cells = int(stats.red_cells[i])
        patch.rule, patch.threshold = patch_rule(
            patch.reservoir_cells,
            patch.cells,
            float(rules.thresholds[patch.county]),
            rules.reservoir_threshold,
        )
        county_banned[patch.county] += patch.cells
        county_patch_count[patch.county] += 1
        county_red[patch.county] += patch.red_cells
        town_banned[patch.township] += patch.cells
        town_patches[patch.township] += 1
        town_red[patch.township] += patch.red_cells
    whole_count = np.bincount(
        np.asarray([p.county for p in pieces.patches], dtype=np.int64), minlength=n_counties + 1
    )[: n_counties + 1]
    result = BanResult(
        grid=grid,
        patches=list(final),
        county_cells=cells.county_cells,
        county_banned_cells=county_banned,
        county_patches=county_patch_count,
        removed_patches=pieces.removed,
        county_whole_patches=whole_count,
        county_steep_cells=cells.county_steep,
        county_land_cells=cells.county_land,
        county_red_cells=county_red if stats.has_red else None,
    )
    if cells.has_townships:
        result.township_cells = cells.township_cells
        result.township_banned_cells = town_banned
        result.township_patches = town_patches
        result.township_county = cells.town_county.argmax(axis=1)
        result.township_red_cells = town_red if stats.has_red else None
        result.outside_township_cells = int(town_banned[0])
        result.outside_township_patches = int(town_patches[0])
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
    """All vertices of all rings of a polygon, as an ``(n, 2)`` array."""
    rings = [ring for poly in polygon_rings(geom) for ring in poly]
    return np.concatenate(rings) if rings else np.zeros((0, 2))


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
    vertices = [_ring_vertices(geom) for geom in pieces]
    owner = np.repeat(np.arange(n, dtype=np.int64), [v.shape[0] for v in vertices])
    xy = np.concatenate(vertices)
    del vertices
    key = np.rint((xy[:, 1] - y0) / dy).astype(np.int64) * (grid.cols + 1)
    key += np.rint((xy[:, 0] - x0) / dx).astype(np.int64)
    del xy
    order = np.lexsort((owner, key))  # by corner, then piece
    key, owner = key[order], owner[order]
    del order
    first = np.r_[True, (key[1:] != key[:-1]) | (owner[1:] != owner[:-1])]  # each (corner, piece) once
    key, owner = key[first], owner[first]
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
    """Piece indices of each group, groups in order of their first piece (none without pieces)."""
    if group.size == 0:
        return []
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
    """Areas of one county or township: its valid DEM area, the banned area and its share.

    ``land_m2``: the area of the land-use codes kept (default 林地 + 草地 + 裸土地), counties with a
    land-use layer only; ``red_m2``: banned area inside the ecological red line (with a red line);
    ``steep_m2``: area above the ban slope before the land-use filter and exclusions (counties);
    ``whole_patches``: patches before the split at township lines (counties).
    """

    area_m2: float
    ban_m2: float
    patches: int
    county: int = 0  # townships: the county holding most of it (0 = none)
    land_m2: Optional[float] = None
    red_m2: Optional[float] = None
    steep_m2: Optional[float] = None
    whole_patches: int = 0

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

    @property
    def land_km2(self) -> Optional[float]:
        """Area of the kept land-use codes (km²), None without a land-use layer."""
        return None if self.land_m2 is None else self.land_m2 / KM2_M2

    @property
    def land_share_pct(self) -> Optional[float]:
        """Banned share of the kept land-use area (占林地、草地、裸土地面积比例, %)."""
        if self.land_m2 is None:
            return None
        return 100.0 * self.ban_m2 / self.land_m2 if self.land_m2 else 0.0

    @property
    def red_km2(self) -> Optional[float]:
        """Banned area inside the ecological red line (km²), None without a red line."""
        return None if self.red_m2 is None else self.red_m2 / KM2_M2

    @property
    def red_share_pct(self) -> Optional[float]:
        """Share of the banned area inside the ecological red line (%)."""
        if self.red_m2 is None:
            return None
        return 100.0 * self.red_m2 / self.ban_m2 if self.ban_m2 else 0.0

    @property
    def steep_km2(self) -> Optional[float]:
        """Area above the ban slope before the land-use filter and exclusions (km²)."""
        return None if self.steep_m2 is None else self.steep_m2 / KM2_M2


def _cells_m2(counts: Optional[np.ndarray], i: int, cell: float) -> Optional[float]:
    return None if counts is None else float(counts[i]) * cell


def county_areas(result: BanResult) -> List[BanArea]:
    """:class:`BanArea` of counties 1..n (the county summary table).

    >>> g = GridSpec((0.0, 10.0, 0.0, 0.0, 0.0, -10.0), (10, 10))
    >>> r = BanResult(g, [], np.array([0, 80, 0]), np.array([0, 20, 0]), np.array([0, 3, 0]))
    >>> [(a.area_km2, a.ban_ha, a.share_pct, a.patches) for a in county_areas(r)]
    [(0.008, 0.2, 25.0, 3), (0.0, 0.0, 0.0, 0)]
    >>> r.county_land_cells, r.county_red_cells = np.array([0, 40, 0]), np.array([0, 5, 0])
    >>> a = county_areas(r)[0]; (a.land_share_pct, a.red_share_pct, a.red_km2)
    (50.0, 25.0, 0.0005)
    """
    cell = result.grid.cell_area
    whole = result.county_whole_patches
    return [
        BanArea(
            float(result.county_cells[c]) * cell,
            float(result.county_banned_cells[c]) * cell,
            int(result.county_patches[c]),
            c,
            land_m2=_cells_m2(result.county_land_cells, c, cell),
            red_m2=_cells_m2(result.county_red_cells, c, cell),
            steep_m2=_cells_m2(result.county_steep_cells, c, cell),
            whole_patches=int(whole[c]) if whole is not None else int(result.county_patches[c]),
        )
        for c in range(1, len(result.county_cells))
    ]


def township_areas(result: BanResult) -> List[BanArea]:
    """:class:`BanArea` of townships 1..m (the township table); empty without townships.

    After the split at township lines, the ``ban_m2`` and ``patches`` of the townships of a
    county add up to the county's, less what lies in no township of it
    (``result.outside_township_cells`` and ``outside_township_patches``).
    """
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
            red_m2=_cells_m2(result.township_red_cells, t, cell),
        )
        for t in range(1, len(result.township_cells))
    ]


# ---------------------------------------------------------------------------
# reservoir catchments from dam points
# ---------------------------------------------------------------------------


def reservoir_applies(value: object, patterns: Sequence[str] = RESERVOIR_CLASSES) -> bool:
    """Whether a reservoir class (大(1)型, 中型, Large, …) gets the reservoir ban slope (patterns
    with ``*`` and ``?``, case-insensitive).

    >>> [reservoir_applies(v) for v in ("大(1)型", "大(2)型", "中型", "小(1)型", "Medium", None)]
    [True, True, True, False, True, False]
    """
    if value is None:
        return False
    return code_matches(str(value).strip().lower(), [p.lower() for p in patterns])


@dataclass
class ReservoirCatchment:
    """The catchment of one dam point, delineated on the DEM (:func:`reservoir_catchments`).

    ``wkb`` is the (multi)polygon in the DEM's CRS, the exact union of the catchment's cells;
    ``at_edge`` is true when the catchment reaches the DEM's outer edge (the DEM may not hold
    the whole catchment: extend it upstream).
    """

    dam_id: Any
    wkb: bytes
    area_km2: float
    cells: int
    snapped_xy: Tuple[float, float]
    snap_m: float
    at_edge: bool


def reservoir_catchments(
    dem_path: str,
    dams: Sequence[Tuple[Any, float, float]],
    snap_distance_m: float = RESERVOIR_SNAP_M,
    *,
    max_memory_mb: float = 0.0,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> Tuple[List[ReservoirCatchment], List[Tuple[Any, InputError]]]:
    """Catchments of reservoir dam points: the project's watershed code (:func:`.hydrology.watersheds`:
    depressions filled, D8, each dam snapped to the cell of largest accumulation within
    ``snap_distance_m``), as ``swcplanner:watershed`` draws them.

    Returns ``(catchments, skipped)``; skipped dams come with the error that says why.
    """
    from .hydrology import DEFAULT_MAX_MEMORY_MB, watersheds

    grid = read_grid(dem_path)
    results, skipped = watersheds(
        dem_path,
        list(dams),
        snap_distance_m,
        max_memory_mb=max_memory_mb or DEFAULT_MAX_MEMORY_MB,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    xmin, ymin, xmax, ymax = grid.extent
    tol = 0.5 * min(grid.cellsize_x, grid.cellsize_y)
    out = []
    for ws in results:
        bx0, by0, bx1, by1 = ws.geometry.bounds
        edge = bx0 <= xmin + tol or by0 <= ymin + tol or bx1 >= xmax - tol or by1 >= ymax - tol
        out.append(
            ReservoirCatchment(
                ws.outlet_id,
                bytes(ws.geometry.wkb),
                float(ws.area_km2),
                int(ws.cells),
                ws.snapped_xy,
                float(ws.snap_distance_m),
                bool(edge),
            )
        )
    return out, skipped
