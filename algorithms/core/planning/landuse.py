"""Land use × slope class on the DEM grid: the 土地利用现状表 of a small-watershed plan.

The grid is that of the slope-class raster (``swcplanner:slopeclasses``: classes 1..n, 0 = nodata).
Land use comes as a raster of codes (resampled by nearest neighbour onto the grid, reprojected when
its CRS differs) or as polygons with a code (a cell takes the polygon that contains its centre; the
later polygon wins where they overlap).  Codes become the plan's categories through a code →
category table: an exact code first, else the longest code that is a prefix of it.  A boundary
polygon, when given, keeps the cells whose centre lies inside it.

Outputs: the category raster (1..7, 0 = nodata), the combined raster (category × 10 + slope class,
0 = nodata) and the cell counts per category and class; areas are planar (cells × cell area).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal

from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from ..grid import GridSpec
from ..io import gdal_exceptions
from ..io.raster import RasterWriter, iter_windows, open_raster, read_raw
from ..io.vector import memory_layer
from .catalogue import (
    COMBO_NODATA,
    HA_M2,
    LANDUSE_CATEGORIES,
    LANDUSE_CODE,
    LANDUSE_VALUE,
    MAX_SLOPE_CLASS,
    MU_M2,
)

ProgressFn = Callable[[float], None]
CancelFn = Callable[[], bool]
Mapping_ = Sequence[Tuple[str, str]]

N_CATEGORIES = len(LANDUSE_CATEGORIES)


def _noop(_f: float) -> None:
    return None


def _never() -> bool:
    return False


# -- codes -----------------------------------------------------------------------------------


def normalise_code(code: object) -> str:
    """A land-use code as text: ``4.0`` → ``"4"``, ``" 0103 "`` → ``"0103"``.

    >>> normalise_code(4.0), normalise_code(" 0103 ")
    ('4', '0103')
    """
    if isinstance(code, (float, np.floating)) and float(code).is_integer():
        code = int(code)
    return str(code).strip()


def category_for(code: object, mapping: Mapping_) -> Optional[str]:
    """Category of a land-use code: an exact row first, else the longest prefix row.

    >>> preset = [("01", "cropland"), ("11", "water"), ("1109", "built")]
    >>> category_for("0103", preset), category_for("1109", preset), category_for("1106", preset)
    ('cropland', 'built', 'water')
    >>> category_for(33, [("33", "cropland")]), category_for("99", preset) is None
    ('cropland', True)
    """
    text = normalise_code(code)
    best: Optional[Tuple[int, str]] = None
    for key, cat in mapping:
        key = normalise_code(key)
        if not key or not cat:
            continue
        if text == key:
            return cat
        if text.startswith(key) and (best is None or len(key) > best[0]):
            best = (len(key), cat)
    return best[1] if best else None


def unmapped_codes(codes: Iterable[object], mapping: Mapping_) -> List[str]:
    """Codes without a category, sorted by length then text.

    >>> unmapped_codes([4, 33, 104], [("4", "orchard"), ("10", "built")])
    ['33']
    """
    return sorted(
        {normalise_code(c) for c in codes if category_for(c, mapping) is None}, key=lambda s: (len(s), s)
    )


def combo_value(landuse: str, slope_class: int) -> int:
    """Raster value of a (land use, slope class) cell: category × 10 + class.

    >>> combo_value("forest", 2)
    32
    """
    return LANDUSE_VALUE[landuse] * 10 + int(slope_class)


def split_combo(value: int) -> Optional[Tuple[str, int]]:
    """``(land use, slope class)`` of a combined value, ``None`` for nodata or an unknown category.

    >>> split_combo(32), split_combo(0), split_combo(95)
    (('forest', 2), None, None)
    """
    lu = LANDUSE_CODE.get(int(value) // 10)
    k = int(value) % 10
    if lu is None or k < 1:
        return None
    return lu, k


# -- result ----------------------------------------------------------------------------------


@dataclass
class LanduseSlopeResult:
    """Cell counts ``counts[category value, slope class]`` (row 0 and column 0 unused) and the cell area."""

    counts: np.ndarray
    cell_area: float
    unmapped: List[str] = field(default_factory=list)

    @property
    def n_classes(self) -> int:
        return int(self.counts.shape[1] - 1)

    def area_m2(self, landuse: str, slope_class: int) -> float:
        return float(self.counts[LANDUSE_VALUE[landuse], slope_class]) * self.cell_area

    def areas(self) -> Dict[Tuple[str, int], float]:
        """``{(land use, class): m²}`` of the non-empty cells."""
        out = {}
        for lu, v in LANDUSE_CATEGORIES:
            for k in range(1, self.n_classes + 1):
                if self.counts[v, k]:
                    out[(lu, k)] = float(self.counts[v, k]) * self.cell_area
        return out


def area_rows(areas: Dict[Tuple[str, int], float], n_classes: int) -> List[Dict[str, object]]:
    """The area table with its margins, in m², ha, 亩 and % of the total.

    One row per land use present and slope class (``CLASS`` 1..n), then that land use over all
    classes (``CLASS`` 0); then ``LANDUSE = "total"`` per class and overall.

    >>> rows = area_rows({("cropland", 1): 1000.0, ("forest", 2): 3000.0}, 2)
    >>> [(r["LANDUSE"], r["CLASS"], r["AREA_M2"], r["PCT"]) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
    [('cropland', 1, 1000.0, 25.0), ('cropland', 2, 0.0, 0.0), ('cropland', 0, 1000.0, 25.0),
     ('forest', 1, 0.0, 0.0), ('forest', 2, 3000.0, 75.0), ('forest', 0, 3000.0, 75.0),
     ('total', 1, 1000.0, 25.0), ('total', 2, 3000.0, 75.0), ('total', 0, 4000.0, 100.0)]
    """
    total = sum(areas.values())

    def row(lu: str, k: int, m2: float) -> Dict[str, object]:
        return {
            "LANDUSE": lu,
            "CLASS": k,
            "AREA_M2": m2,
            "AREA_HA": m2 / HA_M2,
            "AREA_MU": m2 / MU_M2,
            "PCT": 100.0 * m2 / total if total else 0.0,
        }

    rows = []
    for lu, _v in LANDUSE_CATEGORIES:
        values = [areas.get((lu, k), 0.0) for k in range(1, n_classes + 1)]
        if sum(values) <= 0:
            continue
        rows += [row(lu, k, a) for k, a in enumerate(values, start=1)]
        rows.append(row(lu, 0, sum(values)))
    for k in range(1, n_classes + 1):
        rows.append(row("total", k, sum(a for (_lu, kk), a in areas.items() if kk == k)))
    rows.append(row("total", 0, total))
    return rows


# -- rasters ---------------------------------------------------------------------------------


def burn_polygons(polygons: Sequence[Tuple[int, bytes]], grid: GridSpec) -> gdal.Dataset:
    """An in-memory Byte raster on ``grid`` with ``value`` burnt where a cell centre is in its polygon."""
    with gdal_exceptions():
        ds = gdal.GetDriverByName("MEM").Create("", grid.cols, grid.rows, 1, gdal.GDT_Byte)
        ds.SetGeoTransform(grid.geotransform)
        if grid.crs_wkt:
            ds.SetProjection(grid.crs_wkt)
        ds.GetRasterBand(1).Fill(0)
        if polygons:
            _src, layer = memory_layer(polygons, grid.crs_wkt)
            gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=VAL"])
    return ds


def warp_to_grid(path: str, grid: GridSpec) -> gdal.Dataset:
    """A raster of codes on ``grid`` (nearest neighbour; reprojected when its CRS differs), as a VRT.

    Raises
    ------
    InputError
        when the raster cannot be opened or put on the grid.
    """
    src, _src_grid = open_raster(path)
    xmin, ymin, xmax, ymax = grid.extent
    try:
        with gdal_exceptions():
            options = gdal.WarpOptions(
                format="VRT",
                outputBounds=(xmin, ymin, xmax, ymax),
                width=grid.cols,
                height=grid.rows,
                dstSRS=grid.crs_wkt or None,
                resampleAlg="near",
            )
            return gdal.Warp(f"/vsimem/landuse_{uuid.uuid4().hex[:8]}.vrt", src, options=options)
    except RuntimeError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "The land-use raster {path} cannot be put on the DEM grid: {reason}"
            ),
            path=path,
            reason=str(exc),
        ) from exc


def polygon_categories(
    polygons: Sequence[Tuple[object, bytes]], mapping: Mapping_
) -> Tuple[List[Tuple[int, bytes]], List[str]]:
    """``[(category value, wkb)]`` of ``[(code, wkb)]`` polygons, and the codes without a category.

    >>> polys, missing = polygon_categories([("0101", b"a"), ("99", b"b")], [("01", "cropland")])
    >>> polys, missing
    ([(1, b'a')], ['99'])
    """
    out = []
    missing = set()
    for code, wkb in polygons:
        cat = category_for(code, mapping)
        if cat is None:
            missing.add(normalise_code(code))
            continue
        out.append((LANDUSE_VALUE[cat], wkb))
    return out, sorted(missing, key=lambda s: (len(s), s))


def landuse_slope(
    slope_path: str,
    combo_path: str,
    mapping: Mapping_,
    *,
    landuse_raster: Optional[str] = None,
    landuse_polygons: Optional[Sequence[Tuple[object, bytes]]] = None,
    boundary: Optional[Sequence[bytes]] = None,
    categories_path: Optional[str] = None,
    block_rows: int = 512,
    progress: ProgressFn = _noop,
    is_cancelled: CancelFn = _never,
) -> LanduseSlopeResult:
    """Cross land use with the slope classes of ``slope_path``; write the combined raster.

    Parameters
    ----------
    slope_path : slope-class raster (classes 1..9, 0 or nodata outside); its grid is the grid of
        every output.
    combo_path : output GeoTIFF, Byte, category × 10 + slope class, 0 = nodata.
    mapping : ``[(code, category)]`` (see :func:`category_for`).
    landuse_raster, landuse_polygons : one of them — a raster of codes, or ``[(code, wkb)]``
        polygons in the grid's CRS.
    boundary : polygons (WKB, grid CRS) outside which every cell is left out; ``None`` = everywhere.
    categories_path : optional output GeoTIFF of the category values (1..7, 0 = nodata).

    Returns
    -------
    LanduseSlopeResult
        counts per category and class, the cell area and the codes found without a category.

    Raises
    ------
    InputError
        when no land use is given, a slope class exceeds 9, or nothing is left to count.
    """
    if (landuse_raster is None) == (landuse_polygons is None):
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "Give the land use as a raster or as polygons."))
    slope_ds, grid = open_raster(slope_path)
    grid.check_usable()
    with gdal_exceptions():
        slope_band = slope_ds.GetRasterBand(1)
    slope_nodata = grid.nodata
    unmapped: List[str] = []
    lookup: Dict[float, int] = {}
    lu_nodata: Optional[float] = None
    if landuse_polygons is not None:
        burn, unmapped = polygon_categories(landuse_polygons, mapping)
        lu_ds = burn_polygons(burn, grid)
        direct = True
    else:
        lu_ds = warp_to_grid(str(landuse_raster), grid)
        with gdal_exceptions():
            lu_nodata = lu_ds.GetRasterBand(1).GetNoDataValue()
        direct = False
    with gdal_exceptions():
        lu_band = lu_ds.GetRasterBand(1)
    mask_ds = burn_polygons([(1, w) for w in boundary], grid) if boundary is not None else None
    mask_band = None
    if mask_ds is not None:
        with gdal_exceptions():
            mask_band = mask_ds.GetRasterBand(1)
    counts = np.zeros((N_CATEGORIES + 1, MAX_SLOPE_CLASS + 1), dtype=np.int64)
    seen_missing = set(unmapped)
    max_class = 0
    windows = list(iter_windows(grid, max(1, int(block_rows)), grid.cols))
    combo_writer = RasterWriter(combo_path, grid, gdal.GDT_Byte, nodata=COMBO_NODATA)
    cat_writer = (
        RasterWriter(categories_path, grid, gdal.GDT_Byte, nodata=COMBO_NODATA) if categories_path else None
    )
    try:
        for i, win in enumerate(windows):
            if is_cancelled():
                raise Cancelled()
            slope = read_raw(slope_band, win)
            if slope_nodata is not None:
                slope = np.where(slope == slope_nodata, 0, slope)
            slope = np.where(np.isfinite(slope), slope, 0).astype(np.int64)
            if slope.max(initial=0) > MAX_SLOPE_CLASS:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore",
                        "The slope-class raster has class {value}: at most {max} classes are supported "
                        "(the combined value is category × 10 + class).",
                    ),
                    value=int(slope.max()),
                    max=MAX_SLOPE_CLASS,
                )
            slope[slope < 0] = 0
            max_class = max(max_class, int(slope.max(initial=0)))
            raw = read_raw(lu_band, win)
            if direct:
                cat = raw.astype(np.int64)
            else:
                cat = np.zeros(raw.shape, dtype=np.int64)
                valid = (
                    np.isfinite(raw) if np.issubdtype(raw.dtype, np.floating) else np.ones(raw.shape, bool)
                )
                if lu_nodata is not None:
                    valid &= raw != lu_nodata
                uniq, inverse = np.unique(raw[valid], return_inverse=True)
                for code in uniq:
                    key = float(code)
                    if key not in lookup:
                        name = category_for(key, mapping)
                        lookup[key] = LANDUSE_VALUE[name] if name else 0
                        if name is None:
                            seen_missing.add(normalise_code(key))
                values = np.array([lookup[float(c)] for c in uniq], dtype=np.int64)
                cat[valid] = values[inverse.ravel()] if uniq.size else 0
            if mask_band is not None:
                cat[read_raw(mask_band, win) != 1] = 0
            both = (cat > 0) & (slope > 0)
            combo = np.where(both, cat * 10 + slope, COMBO_NODATA).astype(np.uint8)
            counts += np.bincount(
                (cat[both] * (MAX_SLOPE_CLASS + 1) + slope[both]).ravel(),
                minlength=counts.size,
            ).reshape(counts.shape)
            combo_writer.write(win, combo)
            if cat_writer is not None:
                cat_writer.write(win, cat.astype(np.uint8))
            progress((i + 1) / len(windows))
        if not counts.any():
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "No cell has both a land-use category and a slope class (inside the boundary): "
                    "check that the layers overlap and that the category table covers the codes.",
                )
            )
        combo_writer.commit()
        if cat_writer is not None:
            cat_writer.commit()
    finally:
        combo_writer.discard()
        if cat_writer is not None:
            cat_writer.discard()
        if not direct:
            vrt = lu_ds.GetDescription()
            lu_band = lu_ds = None
            gdal.Unlink(vrt)
    return LanduseSlopeResult(
        counts=counts[:, : max_class + 1].copy(),
        cell_area=grid.cell_area,
        unmapped=sorted(seen_missing, key=lambda s: (len(s), s)),
    )
