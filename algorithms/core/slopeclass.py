"""Slope grading: classes from breaks, block by block, with zonal areas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence

import numpy as np
from osgeo import gdal

from .errors import QT_TRANSLATE_NOOP, InputError
from .io.raster import (
    DEFAULT_BLOCK,
    CancelFn,
    ProgressFn,
    Window,
    _never,
    _noop_progress,
    open_band,
    open_raster,
    write_blocks,
)
from .terrain import SLOPE_HALO, horn_slope
from .zones import bincount2


def parse_breaks(text: str) -> List[float]:
    """Parse ``"2,6,15,25"`` into strictly increasing positive degrees.

    >>> parse_breaks("2, 6,15 ,25")
    [2.0, 6.0, 15.0, 25.0]
    """
    try:
        values = [float(v) for v in str(text).replace(";", ",").split(",") if v.strip()]
    except ValueError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The slope breaks \u201c{text}\u201d are not a comma-separated list of "
                "numbers, e.g. 2,6,15,25.",
            ),
            text=text,
        ) from exc
    if (
        not values
        or any(v <= 0 or v >= 90 for v in values)
        or any(b <= a for a, b in zip(values, values[1:]))
    ):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The slope breaks \u201c{text}\u201d must be increasing degrees between 0 "
                "and 90, e.g. 2,6,15,25.",
            ),
            text=text,
        )
    return values


def classify_slope(slope: np.ndarray, breaks: Sequence[float]) -> np.ndarray:
    """Class 1..n+1 of each slope; the upper bound belongs to the lower class.

    NaN gives 0.  With the land-survey breaks 2,6,15,25, exactly 2° is class 1
    and exactly 25° is class 4:

    >>> classify_slope(np.array([0.0, 2.0, 2.01, 25.0, 25.01, np.nan]), [2, 6, 15, 25])
    array([1, 1, 2, 4, 5, 0], dtype=uint8)
    """
    out = (
        np.searchsorted(
            np.asarray(breaks, dtype=np.float64), np.nan_to_num(slope, nan=0.0), side="left"
        ).astype(np.uint8)
        + 1
    )
    out[np.isnan(slope)] = 0
    return out


def class_labels(breaks: Sequence[float]) -> List[str]:
    """Range labels ``≤2°``, ``2–6°``, …, ``>25°``."""
    fmt = [(f"{b:g}") for b in breaks]
    labels = [f"≤{fmt[0]}°"]
    labels += [f"{a}–{b}°" for a, b in zip(fmt, fmt[1:])]
    labels.append(f">{fmt[-1]}°")
    return labels


@dataclass
class SlopeClassResult:
    """Counts of valid cells per zone (row, 0 = outside all zones) and class (column, 0 unused)."""

    counts: np.ndarray
    cell_area: float
    breaks: List[float]


def slope_classes(
    dem_path: str,
    out_path: str,
    breaks: Sequence[float],
    zone_path: Optional[str] = None,
    n_zones: int = 0,
    *,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> SlopeClassResult:
    """Write the slope-class raster (Byte, 0 = nodata) and count cells per zone and class.

    ``zone_path`` is an Int32 raster aligned on the DEM with zone numbers
    1..``n_zones`` (0 outside); without it every cell is in zone 0.
    """
    ds, grid = open_raster(dem_path)
    grid.check_usable()
    sources = [(ds.GetRasterBand(1), grid.nodata)]
    zds, zband = open_band(zone_path)
    if zband is not None:
        sources.append((zband, None))
    n_classes = len(breaks) + 1
    counts = np.zeros((n_zones + 1, n_classes + 1), dtype=np.int64)

    def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
        slope = horn_slope(arrays[0], grid.cellsize_x, grid.cellsize_y, window.edges)
        cls = classify_slope(slope, breaks)
        if zds is not None:
            rs, cs = window.core_slice
            zone = arrays[1][rs, cs].astype(np.int64)
        else:
            zone = np.zeros(cls.shape, dtype=np.int64)
        valid = cls > 0
        counts[:] += bincount2(zone[valid], cls[valid], n_zones + 1, n_classes + 1)
        return [cls]

    def no_valid_cell() -> None:
        if counts.sum() == 0:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The DEM has no valid cell (every cell is nodata). Check its nodata value and extent.",
                )
            )

    write_blocks(
        out_path,
        sources,
        grid,
        kernel,
        gdal.GDT_Byte,
        0,
        before_commit=no_valid_cell,
        halo=SLOPE_HALO,
        block_rows=block_rows,
        block_cols=block_cols,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    return SlopeClassResult(counts=counts, cell_area=grid.cell_area, breaks=list(breaks))
