"""The 顶底相照 spacing rule of a check-dam series (GB 51018-2014 §14.4.1, domain.md §7.1).

Behind a dam of effective height ``H`` the deposit fills up to the spillway crest and then rises
upstream at the non-scouring gradient ``i'``; the next dam upstream goes where that silted bed
meets the channel bed.  On a uniform bed of gradient ``i`` this is ``L = H / (i − i')``.
"""

from __future__ import annotations

import math
from typing import List, Optional

import numpy as np

__all__ = ["rule_spacing", "spacing_walk", "meet_distance"]


def rule_spacing(height: float, gradient: float, i_prime: float) -> float:
    """The 顶底相照 spacing ``L = H / (i − i')`` (m); ``inf`` when ``i <= i'``.

    >>> rule_spacing(3.0, 0.08, 0.02)
    50.0
    """
    if gradient <= i_prime:
        return math.inf
    return float(height) / (float(gradient) - float(i_prime))


def spacing_walk(
    distance: np.ndarray,
    bed: np.ndarray,
    height: float,
    i_prime: float,
    *,
    eligible: Optional[np.ndarray] = None,
    start: int = 0,
) -> np.ndarray:
    """Dam positions along a 1-D bed profile by the 顶底相照 rule.

    Parameters
    ----------
    distance : distances along the channel (m), increasing upstream.
    bed : bed elevations (m) at those points.
    height : effective height H to the spillway crest (m).
    i_prime : gradient of the silted bed (m/m).
    eligible : optional boolean mask of points where a dam may stand; where
        the silted bed meets the bed at a point that is not eligible, the next
        eligible point upstream gets the next dam.
    start : index of the first candidate (the lowest dam).

    Returns
    -------
    Indices of the dams, upstream order.  Each next dam is the first point
    whose bed is at least the silted bed of the dam below,
    ``bed[k] + H + i'·(distance − distance[k])``.

    >>> s = np.arange(0, 201, 10.0)
    >>> spacing_walk(s, 0.08 * s, 3.0, 0.02).tolist()   # L = 3 / 0.06 = 50 m
    [0, 5, 10, 15, 20]
    """
    d = np.asarray(distance, dtype=np.float64)
    z = np.asarray(bed, dtype=np.float64)
    ok = np.ones(d.size, dtype=bool) if eligible is None else np.asarray(eligible, dtype=bool)
    out: List[int] = []
    k = int(start)
    while k < d.size:
        cand = np.flatnonzero(ok[k:])
        if cand.size == 0:
            break
        k += int(cand[0])
        out.append(k)
        level = z[k] + height + i_prime * (d[k + 1 :] - d[k])
        meet = np.flatnonzero(z[k + 1 :] >= level - 1e-9)
        if meet.size == 0:
            break
        k = k + 1 + int(meet[0])
    return np.asarray(out, dtype=np.int64)


def meet_distance(distance: np.ndarray, bed: np.ndarray, k: int, height: float, i_prime: float) -> float:
    """Distance (m) from a dam at point ``k`` to where its silted bed meets the bed.

    Parameters
    ----------
    distance : distances along the channel (m), increasing upstream.
    bed : bed elevations (m) at those points.
    k : index of the dam.
    height : effective height H (m).
    i_prime : gradient of the silted bed (m/m).

    Returns
    -------
    The distance, the bed taken linear between points; ``inf`` if the silted bed
    ``bed[k] + H + i'·(distance − distance[k])`` never meets the bed.

    >>> s = np.arange(0, 201, 10.0)
    >>> meet_distance(s, 0.08 * s, 0, 3.0, 0.02)   # L = 3 / 0.06
    50.0
    """
    d = np.asarray(distance, dtype=np.float64)
    z = np.asarray(bed, dtype=np.float64)
    f = z[k:] - (z[k] + height + i_prime * (d[k:] - d[k]))
    hit = np.flatnonzero(f >= 0)
    if hit.size == 0:
        return math.inf
    j = int(hit[0])
    if j == 0:
        return 0.0
    f0, f1 = f[j - 1], f[j]
    s0, s1 = d[k + j - 1], d[k + j]
    return float(s0 + (s1 - s0) * (-f0) / (f1 - f0) - d[k])
