"""Flow routing on a DEM: depression filling, D8 directions, accumulation,
channels, Strahler order, channel reaches and watersheds.

All kernels are vectorised numpy; none loops over cells in Python.  The
sequential classics are re-expressed so that every cell is touched a small,
bounded number of times.  One module per stage:

* :mod:`.d8` — direction codes, neighbour offsets, padding (shared by all stages);
* :mod:`.memory` — the memory limit every global operator checks before allocating;
* :mod:`.fill` — exact depression filling (basins, spill graph, minimum spanning tree);
* :mod:`.directions` — D8 steepest descent, flats resolved towards their outlet;
* :mod:`.breach` — routing through depressions like GRASS ``r.watershed -s`` (A* order);
* :mod:`.accumulation` — flow accumulation in topological (Kahn) order;
* :mod:`.channels` — channel cells, Strahler order, reaches as lines;
* :mod:`.catchments` — outlet snapping, the upstream walk, cells to polygons;
* :mod:`.route` — a DEM file routed in one call (:func:`route_dem`, :class:`FlowResult`);
* :mod:`.files` — the file-level jobs of the Processing algorithms.

Direction codes (ESRI convention), stored as ``uint8``; 0 marks nodata::

    32  64  128
    16   x    1
     8   4    2

A cell on the raster edge or next to nodata whose steepest descent leaves the
grid points towards that outside/nodata cell: its flow leaves the DEM there.

Memory: global operators read the whole raster.  Each states its cost in
bytes per cell (``*_BYTES_PER_CELL``) and raises :class:`MemoryLimitError`
before allocating more than ``max_memory_mb``.

Arrays use ``(row, col)`` order; nodata is NaN inside the core.
"""

from __future__ import annotations

from .accumulation import ACCUMULATION_BYTES_PER_CELL, flow_accumulation, upslope_area
from .breach import BREACH_BYTES_PER_CELL, breach_directions
from .catchments import mask_to_polygon, polygonize_labels, snap_outlet, upstream_cells, watershed_mask
from .channels import Reach, channel_reaches, extract_channels, strahler_order
from .d8 import _CODE_TO_K as _CODE_TO_K  # the lookup tables, for tests that decode codes themselves
from .d8 import _K_TO_CODE as _K_TO_CODE
from .d8 import D8_CODES, D8_OFFSETS, downstream_index, step_lengths
from .directions import DIRECTIONS_BYTES_PER_CELL, d8_directions
from .files import FLOAT_NODATA, WatershedResult, channel_network, fill_dem_file, flow_files, watersheds
from .fill import FILL_BYTES_PER_CELL, fill_depressions
from .memory import DEFAULT_MAX_MEMORY_MB, check_memory
from .route import DEPRESSION_MODES, ROUTE_BYTES_PER_CELL, FlowResult, read_dem, route_dem

__all__ = [
    "D8_CODES",
    "D8_OFFSETS",
    "DEFAULT_MAX_MEMORY_MB",
    "FILL_BYTES_PER_CELL",
    "DIRECTIONS_BYTES_PER_CELL",
    "ACCUMULATION_BYTES_PER_CELL",
    "ROUTE_BYTES_PER_CELL",
    "BREACH_BYTES_PER_CELL",
    "DEPRESSION_MODES",
    "FLOAT_NODATA",
    "FlowResult",
    "Reach",
    "WatershedResult",
    "check_memory",
    "fill_depressions",
    "d8_directions",
    "breach_directions",
    "flow_accumulation",
    "upslope_area",
    "downstream_index",
    "step_lengths",
    "extract_channels",
    "strahler_order",
    "channel_reaches",
    "snap_outlet",
    "upstream_cells",
    "watershed_mask",
    "mask_to_polygon",
    "polygonize_labels",
    "read_dem",
    "route_dem",
    "fill_dem_file",
    "flow_files",
    "channel_network",
    "watersheds",
]
