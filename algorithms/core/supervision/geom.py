"""Geometry helpers shared by the supervision modules: repair, spatial index, areas.

Works with shapely 1.8 and 2.x.  The two differ in what ``STRtree.query`` and
``STRtree.nearest`` return (geometries in 1.8, integer indices in 2.x); the
helpers here decide by the returned type, never by a version string.
"""

from __future__ import annotations

import warnings
from typing import Any, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from shapely import wkb as shapely_wkb
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

try:  # shapely >= 1.8
    from shapely.validation import make_valid as _make_valid
except ImportError:  # pragma: no cover - shapely < 1.8 is not supported by QGIS 3.22 either
    _make_valid = None


def polygon_parts(geom: Optional[BaseGeometry]) -> List[Polygon]:
    """The non-empty polygons of ``geom`` (any geometry type; lines and points are dropped)."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return [p for p in geom.geoms if not p.is_empty]
    if hasattr(geom, "geoms"):
        out: List[Polygon] = []
        for part in geom.geoms:
            out.extend(polygon_parts(part))
        return out
    return []


def as_polygonal(geom: Optional[BaseGeometry]) -> Optional[BaseGeometry]:
    """``geom`` reduced to its polygons: a Polygon, a MultiPolygon, or ``None`` when nothing is left."""
    parts = polygon_parts(geom)
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return MultiPolygon(parts)


def repair(geom: Optional[BaseGeometry]) -> Tuple[Optional[BaseGeometry], bool]:
    """A valid polygonal version of ``geom`` and whether it had to be repaired.

    Invalid polygons (self-intersections, bow ties, wrong ring order) are made
    valid with GEOS ``MakeValid`` (``buffer(0)`` where that is missing) and
    reduced to their polygonal parts.

    >>> from shapely.geometry import Polygon
    >>> bow_tie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])
    >>> fixed, repaired = repair(bow_tie)
    >>> repaired, round(fixed.area, 6), fixed.is_valid
    (True, 2.0, True)
    """
    if geom is None or geom.is_empty:
        return None, False
    if geom.is_valid:
        return as_polygonal(geom), False
    fixed = _make_valid(geom) if _make_valid is not None else geom.buffer(0)
    fixed = as_polygonal(fixed)
    if fixed is not None and not fixed.is_valid:  # pragma: no cover - MakeValid output is valid
        fixed = as_polygonal(fixed.buffer(0))
    return fixed, True


def load_wkb(data: Any) -> Optional[BaseGeometry]:
    """A shapely geometry from WKB bytes, or the geometry itself when one is given."""
    if data is None:
        return None
    if isinstance(data, BaseGeometry):
        return data
    return shapely_wkb.loads(bytes(data))


def to_wkb(geom: Optional[BaseGeometry]) -> Optional[bytes]:
    """WKB bytes (2D) of ``geom``; ``None`` for nothing."""
    if geom is None:
        return None
    return shapely_wkb.dumps(geom)


class GeometryIndex:
    """An STR tree over ``geoms`` answering with integer indices on shapely 1.8 and 2.x alike."""

    def __init__(self, geoms: Sequence[BaseGeometry]) -> None:
        self.geoms = list(geoms)
        with warnings.catch_warnings():  # shapely 1.8 warns that STRtree changes in 2.0 (handled here)
            warnings.simplefilter("ignore")
            self.tree = STRtree(self.geoms) if self.geoms else None
        # shapely 1.8 answers with the geometries themselves: map them back by identity
        self._by_id = {id(g): i for i, g in enumerate(self.geoms)}

    def _as_indices(self, found: Iterable[Any]) -> List[int]:
        out: List[int] = []
        for item in found:
            if isinstance(item, (int, np.integer)):
                out.append(int(item))
            else:
                out.append(self._by_id[id(item)])
        return out

    def candidates(self, geom: BaseGeometry) -> List[int]:
        """Indices of the geometries whose envelope intersects ``geom``'s envelope (sorted)."""
        if self.tree is None or geom is None or geom.is_empty:
            return []
        return sorted(self._as_indices(self.tree.query(geom)))

    def intersecting(self, geom: BaseGeometry) -> List[int]:
        """Indices of the geometries that intersect ``geom`` (exact test after the envelope query)."""
        return [i for i in self.candidates(geom) if self.geoms[i].intersects(geom)]

    def nearest_distance(self, geom: BaseGeometry) -> Optional[float]:
        """Distance from ``geom`` to the nearest indexed geometry (``None`` for an empty index)."""
        if self.tree is None or geom is None or geom.is_empty:
            return None
        found = self.tree.nearest(geom)
        if found is None:  # pragma: no cover - only for an empty tree
            return None
        if isinstance(found, (int, np.integer)):
            target = self.geoms[int(found)]
        elif isinstance(found, BaseGeometry):
            target = found
        else:  # shapely 2 may answer with an array of one index
            target = self.geoms[int(np.asarray(found).ravel()[0])]
        return float(geom.distance(target))
