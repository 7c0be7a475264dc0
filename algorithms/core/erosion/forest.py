"""Eroded forest land (水蚀林地调查, Hebei measures §四(九)): patches and a suggested measure by slope.

A cell is *eroded forest* when its land use is forest (三调 03*: 0301 乔木林地, 0302 竹林地,
0305 灌木林地, 0307 其他林地, or a given code list), its soil loss is at or above the tolerance
(SL 190-2007 轻度 or above, t·km⁻²·a⁻¹) and, optionally, its vegetation cover is below a limit
(domain-review §3.10: "forest cells with A ≥ T and low FVC" [U]).

Pipeline (memory set by the block size, except the patch list):

1. block by block: Horn slope of the DEM, the eroded-forest mask, forest and eroded cell counts;
2. GDAL polygonises the mask into 4-connected pieces (OGC-valid, exact unions of cells); pieces
   touching at a cell corner are joined (:func:`~swc_planner.algorithms.core.steepslope.corner_groups`),
   so a patch is an 8-connected set of cells, as for the steep-slope ban;
3. patches below the minimum area are dropped;
4. the kept patches are burnt back as labels; a second pass gives their mean and maximum slope,
   mean soil loss and mean cover;
5. the measure is the row of the editable table whose slope class (lower bound excluded, upper
   bound included, as the slope classes) holds the patch's mean slope.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

import numpy as np
from osgeo import gdal, ogr

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..io import gdal_exceptions
from ..io.raster import (
    DEFAULT_BLOCK,
    CancelFn,
    ProgressFn,
    _never,
    _noop_progress,
    check_cancel,
    create_raster,
    map_blocks,
    open_aligned,
    open_raster,
    write_window,
)
from ..io.tables import read_table, table_number
from ..io.vector import burn_cell_unions, polygonize, temp_path
from ..standards import TOLERANCE_T_KM2_A
from ..steepslope import corner_groups
from ..terrain import SLOPE_HALO, horn_slope
from ..zones import code_matches

#: 三调 forest land (03 林地: 0301 乔木林地, 0302 竹林地, 0305 灌木林地, 0307 其他林地), GB/T 21010-2017.
FOREST_CODES = ("03*",)
#: Minimum patch area (ha) of the survey list, a project default [U] (no figure found in the
#: Hebei measures; the steep-slope ban uses 5 ha, a survey of eroded stands needs smaller patches).
MIN_PATCH_HA = 1.0
#: The shipped measure table (resources/tables/).
MEASURE_TABLE = "erodedforest_measures.csv"
HA_M2 = 10_000.0


@dataclass(frozen=True)
class ForestMeasure:
    """A row of the measure table: slope class (min, max] in degrees and the measure."""

    code: str
    name_zh: str
    name_en: str
    min_slope: float
    max_slope: float
    source: str


def read_measure_table(path: str) -> List[ForestMeasure]:
    """Rows of the measure table (``code, name_zh, name_en, min_slope, max_slope, source``).

    Classes must not overlap and must cover 0–90° without gaps (so every patch gets a measure).
    """
    rows = read_table(path, ["code", "name_zh", "name_en", "min_slope", "max_slope"])
    out = []
    for row in rows:
        lo = table_number(row, "min_slope", path, low=0.0, high=90.0)
        hi = table_number(row, "max_slope", path, low=0.0, high=90.0)
        out.append(ForestMeasure(row["code"], row["name_zh"], row["name_en"], lo, hi, row.get("source", "")))
    out.sort(key=lambda m: m.min_slope)
    ok = bool(out) and out[0].min_slope == 0.0 and out[-1].max_slope == 90.0
    ok = ok and all(a.max_slope == b.min_slope for a, b in zip(out[:-1], out[1:]))
    ok = ok and all(m.max_slope > m.min_slope for m in out)
    if not ok:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The measure table {path} must cover 0–90° in consecutive slope classes (each row's "
                "min_slope equal to the previous row's max_slope, the first 0, the last 90).",
            ),
            path=path,
        )
    return out


def select_measure(mean_slope: float, table: Sequence[ForestMeasure]) -> ForestMeasure:
    """The row whose class (min, max] holds ``mean_slope`` (0° belongs to the first row).

    >>> t = [ForestMeasure("a", "", "", 0, 15, ""), ForestMeasure("b", "", "", 15, 90, "")]
    >>> select_measure(15.0, t).code, select_measure(15.01, t).code, select_measure(0.0, t).code
    ('a', 'b', 'a')
    """
    for m in table:
        if mean_slope <= m.max_slope:
            return m
    return table[-1]


def forest_values(codes: Sequence[float], patterns: Sequence[str]) -> List[float]:
    """The raster codes that are forest: a code matches as it is or zero-padded to four digits.

    A raster cannot store 三调's leading zero, so 301 is read as 0301.

    >>> forest_values([301.0, 305.0, 103.0, 1206.0], ["03*"])
    [301.0, 305.0]
    """
    out = []
    for c in codes:
        text = str(int(c)) if float(c).is_integer() else str(c)
        if code_matches(text, patterns) or code_matches(text.zfill(4), patterns):
            out.append(float(c))
    return out


@dataclass
class ForestPatch:
    number: int
    cells: int
    area_ha: float
    wkb: bytes
    mean_slope: float = 0.0
    max_slope: float = 0.0
    mean_loss: float = 0.0
    mean_fvc: Optional[float] = None
    measure: Optional[ForestMeasure] = None


@dataclass
class ForestResult:
    cell_area: float
    patches: List[ForestPatch]
    forest_cells: int  # forest cells with a soil-loss value
    eroded_cells: int  # of which at or above the tolerance (and below the cover limit)
    removed_patches: int  # patches below the minimum area
    removed_cells: int


def eroded_forest(
    soil_loss_path: str,
    landuse_path: str,
    forest_codes: Sequence[float],
    dem_path: str,
    table: Sequence[ForestMeasure],
    *,
    tolerance: float = TOLERANCE_T_KM2_A,
    min_area_m2: float = MIN_PATCH_HA * HA_M2,
    fvc_path: Optional[str] = None,
    max_fvc: Optional[float] = None,
    work_dir: Optional[str] = None,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> ForestResult:
    """Eroded-forest patches on the soil-loss grid (land use, DEM and cover aligned on it).

    ``landuse_path`` holds codes; ``forest_codes`` are the values that count as forest.
    ``fvc_path`` / ``max_fvc``: cover in the raster's own unit (fraction or %); cells with cover
    at or above ``max_fvc`` are left out.
    """
    if not tolerance > 0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The tolerable soil loss must be above 0; got {value:g}."),
            value=tolerance,
        )
    if not table:
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "The measure table has no row."))
    ds, grid = open_raster(soil_loss_path)
    paths = {"LANDUSE": landuse_path, "DEM": dem_path}
    if fvc_path:
        paths["FVC"] = fvc_path
    opened = {}
    for label, p in paths.items():
        opened[label] = open_aligned(p, grid, label)
    work = tempfile.mkdtemp(prefix="swc_forest_", dir=work_dir)
    try:
        return _run(
            ds, grid, opened, np.asarray(forest_codes, dtype=np.float64), table, tolerance,
            min_area_m2, max_fvc, work, block_rows, block_cols, progress, is_cancelled,
        )  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(
    ds, grid, opened, codes, table, tolerance, min_area_m2, max_fvc, work, br, bc, progress, is_cancelled
):
    with gdal_exceptions():
        sources = [
            (opened["DEM"][0].GetRasterBand(1), opened["DEM"][1].nodata),
            (ds.GetRasterBand(1), grid.nodata),
            (opened["LANDUSE"][0].GetRasterBand(1), opened["LANDUSE"][1].nodata),
        ]
        if "FVC" in opened:
            sources.append((opened["FVC"][0].GetRasterBand(1), opened["FVC"][1].nodata))
    mask_path = temp_path(work, "mask")
    slope_path = temp_path(work, "slope")
    mask_ds = create_raster(mask_path, grid, gdal.GDT_Byte, compress="NONE", fill=0)
    slope_ds = create_raster(slope_path, grid, gdal.GDT_Float32, compress="NONE")
    with gdal_exceptions():
        mask_band = mask_ds.GetRasterBand(1)
        slope_band = slope_ds.GetRasterBand(1)
    counts = {"forest": 0, "eroded": 0}
    has_fvc = "FVC" in opened and max_fvc is not None

    def kernel(arrays, window):
        rs, cs = window.core_slice
        slope = horn_slope(arrays[0], grid.cellsize_x, grid.cellsize_y, window.edges)
        loss = arrays[1][rs, cs]
        land = arrays[2][rs, cs]
        forest = np.isin(land, codes) & ~np.isnan(loss)
        eroded = forest & (loss >= tolerance) & ~np.isnan(slope)
        if has_fvc:
            fvc = arrays[3][rs, cs]
            eroded &= ~np.isnan(fvc) & (fvc < max_fvc)
        counts["forest"] += int(forest.sum())
        counts["eroded"] += int(eroded.sum())
        write_window(mask_band, window, eroded.astype(np.uint8))
        write_window(slope_band, window, np.nan_to_num(slope, nan=-1.0).astype(np.float32))
        return []

    map_blocks(
        sources, grid, kernel, [], halo=SLOPE_HALO, block_rows=br, block_cols=bc,
        progress=progress, is_cancelled=is_cancelled, progress_span=(0.0, 0.5), dtype=np.float32,
    )  # fmt: skip
    with gdal_exceptions():
        mask_ds.FlushCache()
        slope_ds.FlushCache()
    check_cancel(is_cancelled)

    pieces = polygonize(
        mask_band,
        srs=grid.srs() if grid.crs_wkt else None,
        progress=lambda f: progress(0.5 + 0.2 * f),
        is_cancelled=is_cancelled,
    )
    geoms = [g for _v, g in pieces]
    group = (
        corner_groups(geoms, np.ones(len(geoms), dtype=np.int64), grid) if geoms else np.zeros(0, np.int64)
    )
    order = np.argsort(group, kind="stable")
    starts = np.flatnonzero(np.r_[True, group[order][1:] != group[order][:-1]]) if geoms else np.zeros(0, int)
    raw = []
    for members in np.split(order, starts[1:]) if geoms else []:
        with gdal_exceptions():
            multi = ogr.Geometry(ogr.wkbMultiPolygon)
            area, top, left = 0.0, -np.inf, np.inf
            for i in members.tolist():
                multi.AddGeometry(geoms[i])
                area += geoms[i].GetArea()
                xmin, _xmax, _ymin, ymax = geoms[i].GetEnvelope()
                top, left = max(top, ymax), min(left, xmin)
            raw.append((int(round(area / grid.cell_area)), bytes(multi.ExportToWkb()), top, left))
    raw.sort(key=lambda t: (-t[2], t[3]))  # north to south, west to east
    patches: List[ForestPatch] = []
    removed = removed_cells = 0
    for cells, wkb, _top, _left in raw:
        if cells * grid.cell_area < min_area_m2:
            removed += 1
            removed_cells += cells
            continue
        patches.append(ForestPatch(len(patches) + 1, cells, cells * grid.cell_area / HA_M2, wkb))
    del pieces, geoms, raw
    mask_band = None
    mask_ds = None
    check_cancel(is_cancelled)

    n = len(patches)
    if n:
        label_path = burn_cell_unions(
            [(p.number, p.wkb) for p in patches],
            grid,
            temp_path(work, "labels"),
            block_rows=br,
            block_cols=bc,
        )
        lab_ds, _lg = open_raster(label_path)
        with gdal_exceptions():
            stat_sources = [(lab_ds.GetRasterBand(1), None), (slope_band, None), sources[1]]
            if has_fvc or "FVC" in opened:
                stat_sources.append(sources[3])
        acc: Dict[str, np.ndarray] = {k: np.zeros(n + 1) for k in ("cells", "slope", "loss", "fvc", "fvc_n")}
        smax = np.full(n + 1, -np.inf)

        def stat_kernel(arrays, _window):
            labels = np.nan_to_num(arrays[0], nan=0.0).astype(np.int64)
            m = labels > 0
            if not m.any():
                return []
            idx = labels[m]
            s = arrays[1][m]
            acc["cells"] += np.bincount(idx, minlength=n + 1)
            acc["slope"] += np.bincount(idx, weights=s, minlength=n + 1)
            acc["loss"] += np.bincount(idx, weights=arrays[2][m], minlength=n + 1)
            np.maximum.at(smax, idx, s)
            if len(arrays) > 3:
                f = arrays[3][m]
                ok = ~np.isnan(f)
                acc["fvc"] += np.bincount(idx[ok], weights=f[ok], minlength=n + 1)
                acc["fvc_n"] += np.bincount(idx[ok], minlength=n + 1)
            return []

        map_blocks(
            stat_sources, grid, stat_kernel, [], block_rows=br, block_cols=bc,
            progress=progress, is_cancelled=is_cancelled, progress_span=(0.7, 1.0),
        )  # fmt: skip
        stat_sources = []
        lab_ds = None
        for p in patches:
            k = max(acc["cells"][p.number], 1.0)
            p.mean_slope = float(acc["slope"][p.number] / k)
            p.max_slope = float(smax[p.number])
            p.mean_loss = float(acc["loss"][p.number] / k)
            if acc["fvc_n"][p.number] > 0:
                p.mean_fvc = float(acc["fvc"][p.number] / acc["fvc_n"][p.number])
            p.measure = select_measure(p.mean_slope, table)
    progress(1.0)
    sources = []
    slope_band = None
    slope_ds = None
    for path in (mask_path, slope_path):
        if os.path.exists(path):
            os.remove(path)
    return ForestResult(
        cell_area=grid.cell_area,
        patches=patches,
        forest_cells=counts["forest"],
        eroded_cells=counts["eroded"],
        removed_patches=removed,
        removed_cells=removed_cells,
    )
