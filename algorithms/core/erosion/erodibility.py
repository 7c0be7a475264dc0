"""Soil erodibility K from texture and organic carbon: EPIC (Williams), SI units, Chinese correction.

EPIC equation (Sharpley & Williams 1990, *EPIC — Erosion/Productivity Impact Calculator: 1. Model
documentation*, USDA Tech. Bull. 1768, p. 26, eq. 2.96; the same four factors as SWAT's theory,
eq. 4:1.1.5–4:1.1.9, and the public SEIMS implementation ``seims/preprocess/sp_soil.py``)::

    K_EPIC = {0.2 + 0.3 exp[−0.0256 SAN (1 − SIL/100)]}
             · [SIL / (CLA + SIL)]^0.3
             · {1 − 0.25 C / [C + exp(3.72 − 2.95 C)]}
             · {1 − 0.7 SN1 / [SN1 + exp(−5.51 + 22.9 SN1)]},      SN1 = 1 − SAN/100

with SAN, SIL, CLA the sand (0.05–2 mm), silt (0.002–0.05 mm) and clay (< 0.002 mm) fractions in %
(USDA limits) and C the organic carbon in %.  K_EPIC is in US customary units
(t·acre·h/(100·acre·ft·tonf·in)); × 0.1317 gives t·hm²·h/(hm²·MJ·mm) (domain.md §3.4 [U]).

The Chinese correction (张科利 et al., as quoted in domain.md §3.4 [U]) is K = −0.01383 + 0.51575 ·
K_EPIC(SI).  It is never applied silently: the algorithm has an explicit, labelled option.  Below
K_EPIC(SI) ≈ 0.0268 (sandy soils) it is negative; such K are set to 0 and counted.

Worked example (domain-review §3.10): sand 40 %, silt 40 %, clay 20 %, OC 1 % → K_EPIC = 0.2954
(US), 0.0389 SI, 0.0062 corrected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..io import gdal_exceptions
from ..io.raster import (
    DEFAULT_BLOCK,
    FLOAT_NODATA,
    CancelFn,
    ProgressFn,
    _never,
    _noop_progress,
    open_aligned,
    open_raster,
    write_blocks,
)

#: US customary → SI (t·hm²·h/(hm²·MJ·mm)), domain.md §3.4 [U].
K_US_TO_SI = 0.1317
#: Chinese correction K = A + B · K_EPIC(SI) (张科利 et al., domain.md §3.4 [U]).
CHINA_CORRECTION = (-0.01383, 0.51575)
#: Tolerance of sand + silt + clay around 100 % (percentage points), a project rule: enough for
#: rounding in survey tables, small enough to catch missing fractions or another particle system.
TEXTURE_SUM_TOLERANCE_PCT = 2.0
#: Organic matter → organic carbon (Van Bemmelen factor 1/1.724 = 0.58), as in SEIMS's EPIC code.
OM_TO_OC = 0.58


def k_epic(sand: np.ndarray, silt: np.ndarray, clay: np.ndarray, oc: np.ndarray) -> np.ndarray:
    """K_EPIC in US customary units from fractions (%) and organic carbon (%).

    Where silt and clay are both 0 the texture factor is taken as 0 (its limit for silt → 0).

    >>> round(float(k_epic(40.0, 40.0, 20.0, 1.0)), 4)
    0.2954
    """
    san = np.asarray(sand, dtype=np.float64)
    sil = np.asarray(silt, dtype=np.float64)
    cla = np.asarray(clay, dtype=np.float64)
    c = np.asarray(oc, dtype=np.float64)
    sn1 = 1.0 - san / 100.0
    f_csand = 0.2 + 0.3 * np.exp(-0.0256 * san * (1.0 - sil / 100.0))
    fine = sil + cla
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(fine > 0, sil / np.where(fine > 0, fine, 1.0), 0.0)
    f_clsi = np.power(ratio, 0.3)
    f_orgc = 1.0 - 0.25 * c / (c + np.exp(3.72 - 2.95 * c))
    f_hisand = 1.0 - 0.7 * sn1 / (sn1 + np.exp(-5.51 + 22.9 * sn1))
    return f_csand * f_clsi * f_orgc * f_hisand  # type: ignore[no-any-return]


def k_si(k_us: np.ndarray) -> np.ndarray:
    """US customary K → t·hm²·h/(hm²·MJ·mm).

    >>> round(float(k_si(0.2954)), 4)
    0.0389
    """
    return np.asarray(k_us, dtype=np.float64) * K_US_TO_SI


def china_correction(k_epic_si: np.ndarray) -> np.ndarray:
    """K = −0.01383 + 0.51575 · K_EPIC(SI), not clipped (negative for sandy soils).

    >>> round(float(china_correction(0.038903)), 4)
    0.0062
    """
    a, b = CHINA_CORRECTION
    return a + b * np.asarray(k_epic_si, dtype=np.float64)  # type: ignore[no-any-return]


@dataclass
class ErodibilityResult:
    k_epic_us: np.ndarray  # US customary
    k_epic_si: np.ndarray  # × 0.1317
    k: np.ndarray  # the K used: SI, corrected when asked (negative corrected values set to 0)
    corrected: bool
    negative: List[int]  # indices whose corrected K was below 0 (set to 0)


def check_texture(
    sand: Sequence[float],
    silt: Sequence[float],
    clay: Sequence[float],
    oc: Sequence[float],
    labels: Sequence[object],
    tolerance: float = TEXTURE_SUM_TOLERANCE_PCT,
) -> None:
    """Raise an :class:`InputError` naming the soils whose values cannot be used.

    Fractions and organic carbon must be numbers in 0–100 %, and sand + silt + clay must lie within
    100 ± ``tolerance`` percentage points.  Values that sum to about 1 are named as fractions of 1.
    """
    s, si, c, o = (np.asarray(v, dtype=np.float64) for v in (sand, silt, clay, oc))
    names = [str(x) for x in labels]
    missing = ~(np.isfinite(s) & np.isfinite(si) & np.isfinite(c) & np.isfinite(o))
    if missing.any():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Soils {soils}: sand, silt, clay or organic carbon is empty or not a number. Fill the "
                "four fields (in %) for every soil polygon.",
            ),
            soils=_short([names[i] for i in np.flatnonzero(missing)]),
        )
    out_of_range = (s < 0) | (si < 0) | (c < 0) | (o < 0) | (s > 100) | (si > 100) | (c > 100) | (o > 100)
    if out_of_range.any():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Soils {soils}: a fraction or the organic carbon is outside 0–100 %.",
            ),
            soils=_short([names[i] for i in np.flatnonzero(out_of_range)]),
        )
    total = s + si + c
    if np.all(np.abs(total - 1.0) <= 0.05):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Sand + silt + clay sum to about 1, not 100: the fields hold fractions of 1. Give them "
                "in % (multiply by 100).",
            )
        )
    bad = np.flatnonzero(np.abs(total - 100.0) > tolerance)
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Sand + silt + clay must be 100 % (± {tol:g}); they are not for soils {soils}. Check the "
                "fields, and that the fractions use the USDA limits 0.05 and 0.002 mm (convert "
                "international-system 0.02 mm fractions first).",
            ),
            tol=tolerance,
            soils=_short([f"{names[i]} ({total[i]:.1f} %)" for i in bad]),
        )


def erodibility(
    sand: Sequence[float],
    silt: Sequence[float],
    clay: Sequence[float],
    oc: Sequence[float],
    *,
    china: bool = False,
    labels: Sequence[object] = (),
    tolerance: float = TEXTURE_SUM_TOLERANCE_PCT,
) -> ErodibilityResult:
    """K of each soil (checked with :func:`check_texture`); ``china`` applies the correction.

    >>> r = erodibility([40.0], [40.0], [20.0], [1.0], china=True)
    >>> round(float(r.k_epic_si[0]), 4), round(float(r.k[0]), 4)
    (0.0389, 0.0062)
    """
    labels = list(labels) or list(range(1, len(sand) + 1))
    check_texture(sand, silt, clay, oc, labels, tolerance)
    us = k_epic(np.asarray(sand), np.asarray(silt), np.asarray(clay), np.asarray(oc))
    si = k_si(us)
    negative: List[int] = []
    k = si
    if china:
        k = china_correction(si)
        negative = np.flatnonzero(k < 0).tolist()
        k = np.maximum(k, 0.0)
    return ErodibilityResult(k_epic_us=us, k_epic_si=si, k=k, corrected=china, negative=negative)


def index_to_raster(
    index_path: str,
    values: Sequence[float],
    out_path: str,
    *,
    mask_path: Optional[str] = None,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> int:
    """Write ``values[i − 1]`` on the cells of an index raster holding ``i`` (0 = none), block by block.

    Float32 output, nodata −9999 (also where ``mask_path``, a raster on the same grid, is nodata).
    Returns the number of cells with a value.
    """
    ids, grid = open_raster(index_path)
    lookup = np.concatenate([[np.nan], np.asarray(values, dtype=np.float64)])
    with gdal_exceptions():
        sources: List[Tuple[gdal.Band, Optional[float]]] = [(ids.GetRasterBand(1), None)]
    mds = None
    if mask_path:
        mds, mgrid = open_aligned(mask_path, grid, "GRID")
        with gdal_exceptions():
            sources.append((mds.GetRasterBand(1), mgrid.nodata))
    count = [0]

    def kernel(arrays, _window):
        idx = np.nan_to_num(arrays[0], nan=0.0).astype(np.int64)
        idx[(idx < 0) | (idx >= lookup.size)] = 0
        out = lookup[idx]
        if mask_path:
            out[np.isnan(arrays[1])] = np.nan
        count[0] += int(np.isfinite(out).sum())
        return [out.astype(np.float32)]

    write_blocks(
        out_path,
        sources,
        grid,
        kernel,
        gdal.GDT_Float32,
        FLOAT_NODATA,
        block_rows=block_rows,
        block_cols=block_cols,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    sources = []
    ids = mds = None
    return count[0]


@dataclass
class ErodibilityRasterResult:
    """Figures of :func:`erodibility_rasters`: cells with K, cells without (a texture raster has no
    value), cells whose corrected K was below 0 (set to 0), and the K range."""

    cells: int
    nodata_cells: int
    negative_cells: int
    k_min: Optional[float]
    k_max: Optional[float]


def erodibility_rasters(
    sand_path: str,
    silt_path: str,
    clay_path: str,
    oc_path: str,
    out_path: str,
    *,
    china: bool = False,
    oc_factor: float = 1.0,
    tolerance: float = TEXTURE_SUM_TOLERANCE_PCT,
    mask_path: Optional[str] = None,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> ErodibilityRasterResult:
    """K of every cell from sand, silt, clay and organic-carbon rasters (%, aligned on one grid).

    The same EPIC equation, SI factor and optional Chinese correction as :func:`erodibility`;
    ``oc_factor`` multiplies the organic raster (0.58 for organic matter).  Cells where a raster
    has no value (or ``mask_path`` has none) get no K.  The texture is checked on every cell as
    :func:`check_texture` checks a soil polygon; cells that fail stop the run with their count and
    the first one's coordinates, and the output is not written.  Float32, nodata −9999, block by
    block.
    """
    paths = [sand_path, silt_path, clay_path, oc_path]
    opened = [open_raster(p) for p in paths]
    grid = opened[0][1]
    labels = ("SAND", "SILT", "CLAY", "OC")
    for label, (_ds, g) in zip(labels, opened):
        if g.shape != grid.shape:
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "The raster {label} is not aligned on the DEM/LS grid."),
                label=label,
            )
    with gdal_exceptions():
        sources: List[Tuple[gdal.Band, Optional[float]]] = [
            (ds.GetRasterBand(1), g.nodata) for ds, g in opened
        ]
    mds = None
    if mask_path:
        mds, mgrid = open_aligned(mask_path, grid, "GRID")
        with gdal_exceptions():
            sources.append((mds.GetRasterBand(1), mgrid.nodata))
    stats = {"cells": 0, "nodata": 0, "negative": 0, "bad": 0, "range": 0, "kmin": np.inf, "kmax": -np.inf}
    first: Dict[str, Tuple[float, float, float]] = {}
    sums_max = [0.0]

    def kernel(arrays, window):
        san, sil, cla, org = arrays[:4]
        org = org * oc_factor
        valid = np.isfinite(san) & np.isfinite(sil) & np.isfinite(cla) & np.isfinite(org)
        if mask_path:
            valid &= np.isfinite(arrays[4])
        stats["nodata"] += int((~valid).sum())
        out = np.full(san.shape, np.nan)
        if valid.any():
            total = san + sil + cla
            sums_max[0] = max(sums_max[0], float(np.nanmax(np.where(valid, total, np.nan))))
            out_of_range = valid & (
                (san < 0)
                | (sil < 0)
                | (cla < 0)
                | (org < 0)
                | (san > 100)
                | (sil > 100)
                | (cla > 100)
                | (org > 100)
            )
            bad_sum = valid & ~out_of_range & (np.abs(total - 100.0) > tolerance)
            for key, mask in (("range", out_of_range), ("bad", bad_sum)):
                n = int(mask.sum())
                if n:
                    stats[key] += n
                    if key not in first:
                        r, c = np.argwhere(mask)[0]
                        x, y = grid.cell_center(window.row0 + int(r), window.col0 + int(c))
                        first[key] = (x, y, float(total[r, c]))
            ok = valid & ~out_of_range & ~bad_sum
            if ok.any():
                k = k_si(k_epic(san[ok], sil[ok], cla[ok], org[ok]))
                if china:
                    k = china_correction(k)
                    stats["negative"] += int((k < 0).sum())
                    k = np.maximum(k, 0.0)
                out[ok] = k
                stats["cells"] += int(ok.sum())
                stats["kmin"] = min(stats["kmin"], float(k.min()))
                stats["kmax"] = max(stats["kmax"], float(k.max()))
        return [out.astype(np.float32)]

    def texture_errors() -> None:
        if stats["range"]:
            x, y, _t = first["range"]
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The texture rasters: {n} cells have a fraction or the organic carbon outside 0–100 % "
                    "(the first at x {x:.1f}, y {y:.1f}). Give them in %.",
                ),
                n=stats["range"],
                x=x,
                y=y,
            )
        if stats["bad"]:
            x, y, t = first["bad"]
            if sums_max[0] <= 1.05:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore",
                        "Sand + silt + clay sum to about 1, not 100: the texture rasters hold fractions of 1. "
                        "Give them in % (multiply by 100).",
                    )
                )
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "Sand + silt + clay must be 100 % (± {tol:g}); they are not on {n} cells of the texture "
                    "rasters (the first at x {x:.1f}, y {y:.1f}: {total:.1f} %). Check the rasters (g/kg "
                    "must be divided by 10), that they use the USDA limits 0.05 and 0.002 mm, or raise the "
                    "tolerance for interpolated rasters.",
                ),
                tol=tolerance,
                n=stats["bad"],
                x=x,
                y=y,
                total=t,
            )

    write_blocks(
        out_path,
        sources,
        grid,
        kernel,
        gdal.GDT_Float32,
        FLOAT_NODATA,
        before_commit=texture_errors,
        block_rows=block_rows,
        block_cols=block_cols,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    sources = []
    opened = []
    mds = None
    found = stats["cells"] > 0
    return ErodibilityRasterResult(
        cells=int(stats["cells"]),
        nodata_cells=int(stats["nodata"]),
        negative_cells=int(stats["negative"]),
        k_min=float(stats["kmin"]) if found else None,
        k_max=float(stats["kmax"]) if found else None,
    )


def _short(items: Sequence[object], limit: int = 12) -> str:
    shown = ", ".join(str(i) for i in items[:limit])
    return shown + (", …" if len(items) > limit else "")
