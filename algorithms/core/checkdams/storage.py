"""Storage of a pool: the height–area–volume curve, the size class and the silting life."""

from __future__ import annotations

import math
from typing import Any, Optional, Tuple

import numpy as np

from .. import standards

__all__ = ["hav_curve", "size_class", "sediment_life"]


def hav_curve(
    depth: np.ndarray, weights: Optional[np.ndarray], cell_area: float, heights: Any
) -> Tuple[np.ndarray, np.ndarray]:
    """Height–area–volume curve of a pool.

    Parameters
    ----------
    depth : elevation of each candidate cell above the dam's bed (m).
    weights : share of each cell that belongs to the pool (1 if omitted).
    cell_area : m².
    heights : water heights above the bed (m).

    Returns
    -------
    ``(area_m2, volume_m3)`` at each height: ``A(h) = Σ w·[d < h]·a`` and
    ``V(h) = Σ w·max(h − d, 0)·a``.

    >>> hav_curve(np.array([0.0, 1.0, 2.0]), None, 10.0, [0, 1.5, 3])
    (array([ 0., 20., 30.]), array([ 0., 20., 60.]))
    """
    d = np.asarray(depth, dtype=np.float64)
    w = np.ones(d.size) if weights is None else np.asarray(weights, dtype=np.float64)
    order = np.argsort(d, kind="stable")
    ds, ws = d[order], w[order]
    cw = np.concatenate([[0.0], np.cumsum(ws)])
    cwd = np.concatenate([[0.0], np.cumsum(ws * ds)])
    h = np.asarray(heights, dtype=np.float64)
    n = np.searchsorted(ds, h, side="left")  # cells with d < h
    area = cw[n] * cell_area
    vol = (h * cw[n] - cwd[n]) * cell_area
    return area, np.maximum(vol, 0.0)


def size_class(volume_m3: float) -> Tuple[str, str, str]:
    """Size class of a silt-trap dam by total capacity (domain.md §7.2).

    Returns ``(code, Chinese name, design silting life)``; above 500 × 10⁴ m³
    the code is ``"above_large1"``.

    >>> size_class(8.0e4)
    ('small', '小型', '5')
    >>> size_class(6.0e5)[1]
    '大(2)型'
    """
    for upper, code, name, life in standards.DAM_SIZE_CLASSES:
        if volume_m3 < upper:
            return code, name, life
    return "above_large1", "超大(1)型", ""


def sediment_life(
    volume_m3: float,
    control_km2: float,
    modulus_t_km2_a: float,
    dry_density_t_m3: float = standards.DEPOSIT_DRY_DENSITY_T_M3,
    delivery_ratio: float = 1.0,
) -> float:
    """Years to fill ``volume_m3`` with sediment: ``N = V·γd / (M·A·SDR)`` (domain.md §7.2).

    ``inf`` when no sediment arrives.

    >>> round(sediment_life(10000.0, 0.5, 5000.0), 2)
    5.4
    """
    load = float(modulus_t_km2_a) * float(control_km2) * float(delivery_ratio)
    if load <= 0:
        return math.inf
    return float(volume_m3) * float(dry_density_t_m3) / load
