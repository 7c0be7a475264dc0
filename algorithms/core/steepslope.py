"""No-reclamation steep slopes (禁止开垦陡坡地), county by county.

Pipeline (memory set by the block size, except the patch list):

1. block by block: Horn slope, per-cell threshold (county threshold, lowered
   to the reservoir threshold inside reservoir catchments), land-use and
   exclusion masks → a raster holding the county number on banned cells;
   county and township areas are counted on the way;
2. GDAL polygonizes that raster into 4-connected pieces (always OGC-valid
   polygons, exact unions of cells); pieces of one county that share a
   vertex touch at a cell corner and are joined (:func:`corner_groups`), so a
   patch is an 8-connected set of banned cells inside one county and its
   geometry the valid multipolygon of its pieces;
3. patches below the minimum area are dropped;
4. the kept patches are burnt back as labels and a second block pass
   collects per-patch slope statistics, the reservoir share and the
   township cross-tabulation.
"""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import numpy as np
from osgeo import gdal, ogr

from .errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from .grid import GridSpec
from .raster_io import (
    DEFAULT_BLOCK,
    CancelFn,
    ProgressFn,
    _never,
    _noop_progress,
    check_cancel,
    map_blocks,
    open_raster,
)
from .terrain import SLOPE_HALO, horn_slope
from .zones import bincount2, rasterize, temp_path

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


def _open_band(path: Optional[str]):
    if not path:
        return None, None
    ds = gdal.Open(path)
    return ds, ds.GetRasterBand(1)


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
    """
    ds, grid = open_raster(dem_path)
    grid.check_usable()
    own_dir = work_dir is None
    work_dir = work_dir or tempfile.mkdtemp(prefix="swc_ban_")
    try:
        return _run(
            ds,
            grid,
            county_raster,
            np.asarray(county_thresholds, dtype=np.float64),
            reservoir_raster,
            float(reservoir_threshold),
            landuse_raster,
            exclude_raster,
            township_raster,
            int(n_townships),
            float(min_area_m2),
            work_dir,
            block_rows,
            block_cols,
            progress,
            is_cancelled,
        )
    finally:
        if own_dir:
            shutil.rmtree(work_dir, ignore_errors=True)


def _run(
    ds,
    grid: GridSpec,
    county_raster: str,
    thresholds: np.ndarray,
    reservoir_raster,
    reservoir_threshold,
    landuse_raster,
    exclude_raster,
    township_raster,
    n_townships,
    min_area_m2,
    work_dir,
    block_rows,
    block_cols,
    progress,
    is_cancelled,
):
    n_counties = len(thresholds) - 1
    dem_band = ds.GetRasterBand(1)
    cds, cband = _open_band(county_raster)
    rds, rband = _open_band(reservoir_raster)
    lds, lband = _open_band(landuse_raster)
    eds, eband = _open_band(exclude_raster)
    tds, tband = _open_band(township_raster)
    extra = [(b, None) for b in (rband, lband, eband, tband) if b is not None]
    names = [
        n for n, b in (("res", rband), ("land", lband), ("excl", eband), ("town", tband)) if b is not None
    ]

    # pass 1 outputs: county number on banned cells, slope and rule (temporary)
    driver = gdal.GetDriverByName("GTiff")
    fast = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "BIGTIFF=IF_SAFER"]
    ban_path = temp_path(work_dir, "ban")
    slope_path = temp_path(work_dir, "slope")
    rule_path = temp_path(work_dir, "rule")
    ban_ds = driver.Create(ban_path, grid.cols, grid.rows, 1, gdal.GDT_Int32, fast)
    slope_ds = driver.Create(slope_path, grid.cols, grid.rows, 1, gdal.GDT_Float32, fast)
    rule_ds = driver.Create(rule_path, grid.cols, grid.rows, 1, gdal.GDT_Byte, fast)
    for out in (ban_ds, slope_ds, rule_ds):
        out.SetGeoTransform(grid.geotransform)
        out.SetProjection(grid.crs_wkt)
    ban_band, slope_band, rule_band = (d.GetRasterBand(1) for d in (ban_ds, slope_ds, rule_ds))

    county_cells = np.zeros(n_counties + 1, dtype=np.int64)
    township_cells = np.zeros(n_townships + 1, dtype=np.int64)
    town_county = np.zeros((n_townships + 1, n_counties + 1), dtype=np.int64)
    valid_total = [0]

    def kernel(arrays, window):
        rs, cs = window.core_slice
        slope = horn_slope(arrays[0], grid.cellsize_x, grid.cellsize_y, window.edges)
        valid = ~np.isnan(slope)
        valid_total[0] += int(valid.sum())
        county = np.nan_to_num(arrays[1][rs, cs], nan=0.0).astype(np.int64)
        county[(county < 0) | (county > n_counties)] = 0
        county_cells[:] += np.bincount(county[valid], minlength=n_counties + 1)
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
            township_cells[:] += np.bincount(town[valid], minlength=n_townships + 1)
            town_county[:] += bincount2(town[valid], county[valid], n_townships + 1, n_counties + 1)
        ban_band.WriteArray(np.where(banned, county, 0).astype(np.int32), window.col0, window.row0)
        slope_band.WriteArray(np.nan_to_num(slope, nan=-1.0).astype(np.float32), window.col0, window.row0)
        rule_band.WriteArray(rule, window.col0, window.row0)
        return []

    sources = [(dem_band, grid.nodata), (cband, None)] + extra
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
        progress_span=(0.0, 0.55),
        dtype=np.float32,
    )
    if valid_total[0] == 0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The DEM has no valid cell (every cell is nodata). Check its nodata value and extent.",
            )
        )
    if county_cells[1:].sum() == 0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "No DEM cell centre falls inside any county polygon. Check that the "
                "counties overlap the DEM.",
            )
        )
    ban_ds.FlushCache()

    # polygonize the banned cells into 4-connected pieces (OGC-valid polygons), then join the
    # pieces of one county that touch at a corner into 8-connected patches
    check_cancel(is_cancelled)
    poly_src = ogr.GetDriverByName("Memory").CreateDataSource("patches")
    layer = poly_src.CreateLayer("pieces", grid.srs(), ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("county", ogr.OFTInteger))

    def poly_progress(fraction, _msg, _data):
        progress(0.55 + 0.25 * fraction)
        return 0 if is_cancelled() else 1

    try:
        gdal.Polygonize(ban_band, ban_band, layer, 0, [], callback=poly_progress)
    except RuntimeError as exc:
        if is_cancelled():
            raise Cancelled() from exc
        raise
    check_cancel(is_cancelled)

    cell_area = grid.cell_area
    layer.ResetReading()
    piece_county, piece_geom = [], []
    for feature in layer:
        piece_county.append(int(feature.GetField(0)))
        piece_geom.append(feature.GetGeometryRef().Clone())
    group = corner_groups(piece_geom, np.asarray(piece_county, dtype=np.int64), grid)
    raw = []
    for members in _members(group):
        multi = ogr.Geometry(ogr.wkbMultiPolygon)
        area = 0.0
        top, left = -np.inf, np.inf
        for i in members:
            multi.AddGeometry(piece_geom[i])
            area += piece_geom[i].GetArea()
            xmin, _xmax, _ymin, ymax = piece_geom[i].GetEnvelope()
            top, left = max(top, ymax), min(left, xmin)
        raw.append((piece_county[members[0]], int(round(area / cell_area)), multi, top, left))
    # stable order: county, then north to south, west to east
    raw.sort(key=lambda t: (t[0], -t[3], t[4]))
    patches: List[BanPatch] = []
    removed = 0
    per_county_number = np.zeros(n_counties + 1, dtype=np.int64)
    for county, cells, multi, _top, _left in raw:
        if cells * cell_area < min_area_m2:
            removed += 1
            continue
        per_county_number[county] += 1
        patches.append(
            BanPatch(
                county=county,
                number=int(per_county_number[county]),
                cells=cells,
                wkb=bytes(multi.ExportToWkb()),
            )
        )
    del piece_geom, raw
    layer = None
    poly_src = None
    ban_band = None
    ban_ds = None
    slope_ds.FlushCache()
    rule_ds.FlushCache()
    check_cancel(is_cancelled)

    # pass 2: statistics per patch (labels burnt back from the kept polygons)
    n_patches = len(patches)
    label_path = rasterize(
        [(i + 1, p.wkb) for i, p in enumerate(patches)], grid, temp_path(work_dir, "labels")
    )
    lab_ds = gdal.Open(label_path)
    slope_sum = np.zeros(n_patches + 1)
    slope_max = np.zeros(n_patches + 1)
    res_cells = np.zeros(n_patches + 1, dtype=np.int64)
    cells_seen = np.zeros(n_patches + 1, dtype=np.int64)
    town_banned = np.zeros(n_townships + 1, dtype=np.int64)
    town_patch_pairs: set = set()
    stat_sources = [(lab_ds.GetRasterBand(1), None), (slope_band, None), (rule_band, None)]
    if tband is not None:
        stat_sources.append((tband, None))

    def stat_kernel(arrays, window):
        labels = np.nan_to_num(arrays[0], nan=0.0).astype(np.int64)
        m = labels > 0
        if not m.any():
            return []
        idx = labels[m]
        vals = arrays[1][m]
        cells_seen[:] += np.bincount(idx, minlength=n_patches + 1)
        slope_sum[:] += np.bincount(idx, weights=vals, minlength=n_patches + 1)
        res_cells[:] += np.bincount(
            idx, weights=(arrays[2][m] == RULE_RESERVOIR), minlength=n_patches + 1
        ).astype(np.int64)
        key = np.sort(idx * 128.0 + vals)
        group = np.floor(key / 128.0).astype(np.int64)
        last = np.r_[group[1:] != group[:-1], True]
        np.maximum.at(slope_max, group[last], key[last] - group[last] * 128.0)
        if tband is not None:
            town = np.nan_to_num(arrays[3][m], nan=0.0).astype(np.int64)
            town[(town < 0) | (town > n_townships)] = 0
            town_banned[:] += np.bincount(town, minlength=n_townships + 1)
            pairs = np.unique(town * (n_patches + 1) + idx)
            town_patch_pairs.update(pairs.tolist())
        return []

    map_blocks(
        stat_sources,
        grid,
        stat_kernel,
        [],
        halo=0,
        block_rows=block_rows,
        block_cols=block_cols,
        progress=progress,
        is_cancelled=is_cancelled,
        progress_span=(0.8, 1.0),
    )

    county_banned = np.zeros(n_counties + 1, dtype=np.int64)
    county_patch_count = np.zeros(n_counties + 1, dtype=np.int64)
    for i, patch in enumerate(patches, start=1):
        n = max(int(cells_seen[i]), 1)
        patch.mean_slope = float(slope_sum[i] / n)
        patch.max_slope = float(slope_max[i])
        patch.reservoir_cells = int(res_cells[i])
        general = float(thresholds[patch.county])
        if patch.reservoir_cells == 0:
            patch.rule, patch.threshold = RULE_GENERAL, general
        elif patch.reservoir_cells >= patch.cells:
            patch.rule, patch.threshold = RULE_RESERVOIR, min(general, reservoir_threshold)
        else:
            patch.rule, patch.threshold = RULE_MIXED, min(general, reservoir_threshold)
        county_banned[patch.county] += patch.cells
        county_patch_count[patch.county] += 1

    result = BanResult(
        grid=grid,
        patches=patches,
        county_cells=county_cells,
        county_banned_cells=county_banned,
        county_patches=county_patch_count,
        removed_patches=removed,
    )
    if tband is not None:
        town_patches = np.zeros(n_townships + 1, dtype=np.int64)
        for pair in town_patch_pairs:
            town_patches[int(pair) // (n_patches + 1)] += 1
        result.township_cells = township_cells
        result.township_banned_cells = town_banned
        result.township_patches = town_patches
        result.township_county = town_county.argmax(axis=1)
    lab_ds = None
    slope_band = rule_band = None
    slope_ds = rule_ds = None
    del cds, rds, lds, eds, tds  # the bands above are done with their datasets
    for path in (ban_path, slope_path, rule_path, label_path):
        if os.path.exists(path):
            gdal.GetDriverByName("GTiff").Delete(path)
    return result


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
