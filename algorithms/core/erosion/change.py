"""Annual change of water erosion between two monitoring years (动态监测, Hebei measures §五(十)).

Two rasters on one grid (intensity classes 1–6 of SL 190-2007, or soil-loss moduli in t·km⁻²·a⁻¹
graded with the same lower-bound-inclusive classes as ``soilloss``) and optional zones give, per
zone, the class transition matrix (cells from class *i* to class *j*), the eroded area (轻度 and
above) and the 水土保持率 of each year over the cells valid in **both** years, the area that
improved, stayed or worsened, and the cells lacking a value in either year (reported, never
dropped silently).  The change raster holds the class difference after − before (−5…+5).

One block pass; memory is set by the block size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional

import numpy as np
from osgeo import gdal

from ..io import gdal_exceptions
from ..io.raster import (
    DEFAULT_BLOCK,
    CancelFn,
    ProgressFn,
    _never,
    _noop_progress,
    open_aligned,
    open_raster,
    write_blocks,
)
from ..standards import TOLERANCE_T_KM2_A
from ..zones import zone_labels
from .intensity import KIND_AUTO, KIND_INTENSITY, KIND_MODULUS, N_CLASSES, classify_intensity, detect_kind

#: Nodata of the change raster (Int16); valid values are −5…+5.
CHANGE_NODATA = -99
#: t·km⁻²·a⁻¹ × km² = t/a; cell areas are in m².
M2_PER_KM2 = 1.0e6


@dataclass
class ChangeResult:
    """``transitions[z, i, j]``: cells of zone ``z`` (0 = outside zones) going from class ``i`` to ``j``.

    Class 0 means no value in that year.  ``loss_before``/``loss_after`` are soil-loss sums
    (t/a) over the cells valid in both years, ``None`` for intensity input.
    """

    cell_area: float
    transitions: np.ndarray
    before_kind: int
    after_kind: int
    loss_before: Optional[np.ndarray]
    loss_after: Optional[np.ndarray]

    def km2(self, cells: np.ndarray) -> np.ndarray:
        return np.asarray(cells, dtype=np.float64) * self.cell_area / M2_PER_KM2

    def summary(self, z: int) -> Dict[str, Any]:
        """Per-zone figures (km², %, t/a) of zone ``z``."""
        t = self.transitions[z]
        both = t[1:, 1:]
        area = both.sum()
        before_classes = both.sum(axis=1)  # classes 1..6 of the common cells
        after_classes = both.sum(axis=0)
        eroded_b = before_classes[1:].sum()
        eroded_a = after_classes[1:].sum()
        i, j = np.indices(both.shape)
        rate_b = 100.0 * (area - eroded_b) / area if area else None
        rate_a = 100.0 * (area - eroded_a) / area if area else None
        out: Dict[str, Any] = {
            "cells": int(t.sum()),
            "area": float(self.km2(area)),
            "nodata": float(self.km2(t.sum() - area)),
            "before_only": float(self.km2(t[1:, 0].sum())),
            "after_only": float(self.km2(t[0, 1:].sum())),
            "eroded_before": float(self.km2(eroded_b)),
            "eroded_after": float(self.km2(eroded_a)),
            "rate_before": rate_b,
            "rate_after": rate_a,
            "rate_change": None if rate_a is None or rate_b is None else rate_a - rate_b,
            "improved": float(self.km2(both[j < i].sum())),
            "unchanged": float(self.km2(both[j == i].sum())),
            "worsened": float(self.km2(both[j > i].sum())),
            "before_classes": self.km2(before_classes),
            "after_classes": self.km2(after_classes),
            "loss_before": None if self.loss_before is None else float(self.loss_before[z]),
            "loss_after": None if self.loss_after is None else float(self.loss_after[z]),
        }
        out["eroded_change"] = out["eroded_after"] - out["eroded_before"]
        return out


def _classes(a: np.ndarray, kind: int, tolerance: float) -> np.ndarray:
    if kind == KIND_INTENSITY:
        cls = np.nan_to_num(a, nan=0.0).astype(np.int64)
        cls[(cls < 1) | (cls > N_CLASSES)] = 0
        return cls
    return classify_intensity(a, tolerance).astype(np.int64)


def erosion_change(
    before_path: str,
    after_path: str,
    zone_path: Optional[str],
    n_zones: int,
    change_path: Optional[str],
    *,
    before_kind: int = KIND_AUTO,
    after_kind: int = KIND_AUTO,
    tolerance: float = TOLERANCE_T_KM2_A,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> ChangeResult:
    """Cross-tabulate the classes of two years per zone and write the class-difference raster.

    ``after_path`` and ``zone_path`` (1..n, 0 outside) must be on ``before_path``'s grid.
    Kinds: :data:`KIND_AUTO` detects intensity (integer raster with values 0–6) or soil loss.
    """
    if before_kind == KIND_AUTO:
        before_kind = detect_kind(before_path)
    if after_kind == KIND_AUTO:
        after_kind = detect_kind(after_path)
    classify_intensity(np.zeros(1), tolerance)  # checks the tolerance
    bds, grid = open_raster(before_path)
    ads, agrid = open_aligned(after_path, grid, "AFTER")
    with gdal_exceptions():
        sources = [(bds.GetRasterBand(1), grid.nodata), (ads.GetRasterBand(1), agrid.nodata)]
    zds = None
    if zone_path:
        zds, _zgrid = open_aligned(zone_path, grid, "ZONES")
        with gdal_exceptions():
            sources.append((zds.GetRasterBand(1), None))
    if not zone_path:
        n_zones = 1  # the whole grid is zone 1
    nz = n_zones + 1
    nc = N_CLASSES + 1
    counts = np.zeros(nz * nc * nc, dtype=np.int64)
    moduli = before_kind == KIND_MODULUS and after_kind == KIND_MODULUS
    loss_b = np.zeros(nz) if moduli else None
    loss_a = np.zeros(nz) if moduli else None
    cell_km2 = grid.cell_area / M2_PER_KM2

    def kernel(arrays, _window):
        b = _classes(arrays[0], before_kind, tolerance)
        a = _classes(arrays[1], after_kind, tolerance)
        if zone_path:
            z = zone_labels(arrays[2], n_zones)
        else:
            z = np.ones(b.shape, dtype=np.int64)
        counts[:] += np.bincount(((z * nc + b) * nc + a).ravel(), minlength=nz * nc * nc)
        if moduli:
            both = (b > 0) & (a > 0)
            loss_b[:] += np.bincount(z[both], weights=arrays[0][both] * cell_km2, minlength=nz)  # type: ignore[index]
            loss_a[:] += np.bincount(z[both], weights=arrays[1][both] * cell_km2, minlength=nz)  # type: ignore[index]
        diff = np.where((a > 0) & (b > 0), a - b, CHANGE_NODATA).astype(np.int16)
        return [diff]

    write_blocks(
        change_path or None,
        sources,
        grid,
        kernel,
        gdal.GDT_Int16,
        CHANGE_NODATA,
        block_rows=block_rows,
        block_cols=block_cols,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    sources = []
    bds = ads = zds = None
    return ChangeResult(
        cell_area=grid.cell_area,
        transitions=counts.reshape(nz, nc, nc),
        before_kind=before_kind,
        after_kind=after_kind,
        loss_before=loss_b,
        loss_after=loss_a,
    )
