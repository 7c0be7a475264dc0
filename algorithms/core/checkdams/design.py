"""Check-dam types and the dam body: height caps, the trapezoidal section and its volume.

The types, their maximum heights, top widths and side slopes are in
:data:`..standards.CHECK_DAM_TYPES` (GB 51018-2014 §14.4, domain.md §7.1).
"""

from __future__ import annotations

from typing import Any, Tuple

import numpy as np

from .. import standards
from ..errors import QT_TRANSLATE_NOOP, InputError

__all__ = ["dam_type", "check_dam_height", "section_area", "body_volume_along"]


def dam_type(key: str) -> Tuple[float, float, float, float]:
    """``(max height m, top width m, upstream slope 1:m, downstream slope 1:m)`` of a type.

    >>> dam_type("drystone")
    (3.0, 1.0, 1.5, 1.25)
    """
    try:
        return standards.CHECK_DAM_TYPES[key]
    except KeyError:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "Unknown check-dam type “{key}”. Use one of: {types}."),
            key=key,
            types=", ".join(standards.CHECK_DAM_TYPE_ORDER),
        ) from None


def check_dam_height(height: float, key: str) -> None:
    """Refuse a dam height (m) that is not positive or above the type's cap (GB 51018 §14.4).

    Raises
    ------
    InputError
        naming the cap and what to do; also for an unknown type ``key``.

    >>> check_dam_height(3.0, "drystone")
    >>> check_dam_height(4.0, "drystone")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    InputError: ...
    """
    cap = dam_type(key)[0]
    if not height > 0:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The dam height must be positive (got {height:g} m)."), height=height
        )
    if height > cap + 1e-9:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The effective height H = {height:g} m exceeds the maximum of {cap:g} m "
                "for {type} check dams (GB 51018-2014 §14.4). Lower DAM_HEIGHT to at most {cap:g} m "
                "or choose a type that allows higher dams (mortar masonry or earth: up to 5 m).",
            ),
            height=height,
            cap=cap,
            type=key,
        )


def section_area(h: Any, top_width: float, up_slope: float, down_slope: float) -> Any:
    """Trapezoidal dam section (m²) at dam height ``h`` (m): ``b·h + (m1 + m2)·h²/2``.

    ``top_width`` b in m, ``up_slope``/``down_slope`` the side slopes 1:m1 and 1:m2; ``h`` may be
    an array.

    >>> float(section_area(2.0, 1.0, 1.5, 1.25))
    7.5
    """
    h = np.asarray(h, dtype=np.float64)
    return top_width * h + 0.5 * (up_slope + down_slope) * h * h


def body_volume_along(
    offsets: np.ndarray,
    ground: np.ndarray,
    crest_z: float,
    top_width: float,
    up_slope: float,
    down_slope: float,
) -> float:
    """Dam body volume (m³): the trapezoidal section integrated along the crest.

    ``offsets`` (m, increasing) and ``ground`` (m) sample the cross-section; the
    local height is ``max(crest_z − ground, 0)``, linear between samples, and
    the integral is exact for that piecewise-linear height.  ``top_width`` (m),
    ``up_slope``/``down_slope`` (1:m) as in :func:`section_area`.

    A V notch 2 m wide and 3 m deep, top width 1 m, slopes 1:1 both sides:
    ``2 · (1 · 1.5 + 3)``:

    >>> body_volume_along(np.array([0.0, 1.0, 2.0]), np.array([3.0, 0.0, 3.0]), 3.0, 1.0, 1.0, 1.0)
    9.0
    """
    x = np.asarray(offsets, dtype=np.float64)
    h = np.maximum(crest_z - np.asarray(ground, dtype=np.float64), 0.0)
    return float(section_integral(np.diff(x), h[:-1], h[1:], top_width, up_slope, down_slope).sum())


def section_integral(
    length: np.ndarray, h1: np.ndarray, h2: np.ndarray, top_width: float, up_slope: float, down_slope: float
) -> np.ndarray:
    """Exact integral of :func:`section_area` over segments of ``length`` (m) whose height varies
    linearly from ``h1`` to ``h2`` (m)."""
    a = 0.5 * (up_slope + down_slope)
    return length * (top_width * 0.5 * (h1 + h2) + a * (h1 * h1 + h1 * h2 + h2 * h2) / 3.0)
