"""Zones: land-use code matching and zonal tables (areas, cross-tabulations).

Putting the zone polygons onto the grid is I/O: :mod:`.io.vector`.
"""

from __future__ import annotations

import fnmatch
from typing import List, Optional, Sequence, Tuple

import numpy as np

from .standards import HA_M2, MU_M2


def parse_codes(text: str) -> List[str]:
    """Split a code list such as ``"03*, 04*,1206"`` into patterns."""
    return [c.strip() for c in str(text or "").replace(";", ",").split(",") if c.strip()]


def code_matches(value: object, patterns: Sequence[str]) -> bool:
    """Whether a land-use code matches any pattern (``*`` and ``?`` wildcards).

    >>> code_matches("0301", ["03*", "1206"]), code_matches(1206, ["03*", "1206"])
    (True, True)
    >>> code_matches("0101", ["03*"])
    False
    """
    if value is None:
        return False
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return any(fnmatch.fnmatchcase(text, p) for p in patterns)


def area_columns(cells: float, cell_area: float) -> Tuple[float, float, float]:
    """``(m², ha, 亩)`` of a cell count."""
    m2 = float(cells) * cell_area
    return m2, m2 / HA_M2, m2 / MU_M2


def zone_labels(values: np.ndarray, n: int) -> np.ndarray:
    """Integer zone (or patch) numbers 0..n of a float window: NaN and numbers outside 0..n become 0.

    >>> zone_labels(np.array([np.nan, -1.0, 1.0, 2.0, 3.0]), 2).tolist()
    [0, 0, 1, 2, 0]
    """
    labels = np.nan_to_num(values, nan=0.0).astype(np.int64)
    labels[(labels < 0) | (labels > n)] = 0
    return labels


def bincount2(
    a: np.ndarray, b: np.ndarray, na: int, nb: int, weights: Optional[np.ndarray] = None
) -> np.ndarray:
    """Cross-tabulation ``out[i, j] = count (or weight sum) where a == i and b == j``."""
    flat = a.astype(np.int64) * nb + b.astype(np.int64)
    counts = np.bincount(
        flat.ravel(), weights=None if weights is None else weights.ravel(), minlength=na * nb
    )
    return counts[: na * nb].reshape(na, nb)
