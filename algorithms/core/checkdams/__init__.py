"""Check-dam series (谷坊) along gullies and the storage of a dam axis.

Two capabilities on top of :mod:`..hydrology` (fill, D8, accumulation):

**Check-dam series** (:func:`plan_check_dams`).  Gullies are the channel cells
whose upslope area lies between two limits (and inside an optional area of
interest); each connected tree of such cells is one gully.  The series is laid
out by the 顶底相照 rule of GB 51018-2014 §14.4.1 (domain.md §7.1): behind a
dam of effective height ``H`` the deposit fills up to the spillway crest and
then rises upstream at the non-scouring gradient ``i'``; the next dam upstream
goes to the first channel cell where that silted bed meets the channel bed.
On a uniform bed of gradient ``i`` this is the textbook spacing
``L = H / (i − i')``; on a real profile the walk follows the bed cell by cell,
so a steeper bed upstream places the dams closer together.  The walk runs on
the whole gully tree at once: a wavefront moves upstream from every gully
outlet, each cell inheriting the dam whose silted bed covers it; where a branch
splits, the wedge follows every branch.

Each dam then gets, from the depression-filled DEM:

* its crest line across the valley, perpendicular to the thalweg (direction
  over a window of the channel), ending where the ground reaches the crest
  level; the crest length, and the dam body volume as the trapezoidal section
  (top width, up- and downstream side slopes of its type, domain.md §7.1)
  integrated along the crest over the local dam height;
* its pool: the cells that drain into the gully network in the reach the dam
  governs (between the dam and the points where its silted bed meets the
  bed), with the height–area–volume curve, the storage at ``H`` and the
  silted wedge (area, volume, polygon).  Cells cut by the dam axis count with
  the share of the cell upstream of the axis (half for a cell centred on
  it), which makes the sums the midpoint rule of the exact integrals.

**Dam storage** (:func:`dam_storage`) does the same for a dam axis drawn by
the user (domain.md §7.3): the control area is every cell draining through the
axis; the height–area–volume table runs to a maximum height; the flooded
polygon is given at one height; the size class follows domain.md §7.2 and the
sediment life ``N = V·γd / (M·A·SDR)``.

Modules, by stage:

* :mod:`.design` — dam types, height caps, the trapezoidal section and body volume;
* :mod:`.spacing` — the 顶底相照 rule on a 1-D bed profile;
* :mod:`.storage` — height–area–volume curve, size class, silting life;
* :mod:`.geometry` — ground along cross-sections, crest lines, cuts at the axis;
* :mod:`.siting` — gully cells, thalweg, valley sections (where a dam may stand);
* :mod:`.series` — the upstream walk that places the dams, and their spacings;
* :mod:`.pools` — pool, silt wedge and curve of every dam of a series;
* :mod:`.plan` — :func:`plan_check_dams` and :func:`check_dams_from_dem`, stage by stage;
* :mod:`.axis` — :func:`dam_storage` of a drawn axis.

Arrays use ``(row, col)`` order; elevations are NaN at nodata.  The storage
comes from the depression-filled DEM: along a filled DEM every cell has a
non-ascending flow path to the dam, so every cell below the water level in
the dam's catchment is connected to the dam.  Pits of the raw DEM (mostly
artefacts) do not add storage.
"""

from __future__ import annotations

from .axis import StorageResult, dam_storage, dam_storage_from_dem
from .design import body_volume_along, check_dam_height, dam_type, section_area
from .plan import CheckDam, CheckDamPlan, aoi_mask, check_dams_from_dem, plan_check_dams
from .spacing import meet_distance, rule_spacing, spacing_walk
from .storage import hav_curve, sediment_life, size_class

__all__ = [
    "dam_type",
    "check_dam_height",
    "spacing_walk",
    "meet_distance",
    "rule_spacing",
    "section_area",
    "body_volume_along",
    "hav_curve",
    "size_class",
    "sediment_life",
    "CheckDam",
    "CheckDamPlan",
    "plan_check_dams",
    "check_dams_from_dem",
    "StorageResult",
    "dam_storage",
    "dam_storage_from_dem",
    "aoi_mask",
]
