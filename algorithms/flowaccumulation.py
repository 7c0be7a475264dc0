"""swcplanner:flowaccumulation — D8 flow directions and upslope area of a DEM."""

from __future__ import annotations

import numpy as np

from . import inputs, outputs, params
from .base import GROUP_HYDROLOGY, SwcAlgorithm
from .core import hydrology
from .styles import paletted_raster_qml, pseudocolor_raster_qml

D8_COLORS = ("#e41a1c", "#ff7f00", "#ffff33", "#4daf4a", "#377eb8", "#984ea3", "#a65628", "#f781bf")


class FlowAccumulationAlgorithm(SwcAlgorithm):
    """Depression filling, D8 directions and flow accumulation in one run."""

    ALG_ID = "flowaccumulation"
    GROUP_ID = GROUP_HYDROLOGY

    DEM = params.DEM
    DEPRESSIONS = params.DEPRESSIONS
    MAX_MEMORY = params.MAX_MEMORY
    FLOW_DIR = "FLOW_DIR"
    ACCUMULATION = "ACCUMULATION"

    def displayName(self):  # noqa: N802
        return self.tr("Flow direction and accumulation")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Routes runoff over a DEM: fills its depressions, gives every cell a single "
                "(D8) flow direction and computes the upslope area draining through each cell."
            ),
            [
                (
                    self.tr("Flow directions"),
                    self.tr(
                        "Each cell drains to the neighbour with the steepest descent (drop divided by "
                        "distance, so diagonals count √2 cell sizes). Codes: 1 = east, 2 = south-east, "
                        "4 = south, 8 = south-west, 16 = west, 32 = north-west, 64 = north, 128 = "
                        "north-east (the ArcGIS convention); 0 = nodata. A cell on the DEM edge or next "
                        "to nodata with no lower neighbour points out of the DEM there. Depressions are "
                        "filled first (as Fill sinks); on flats, including filled depressions, water "
                        "takes the shortest path to the flat's outlet."
                    ),
                ),
                (
                    self.tr("Depressions"),
                    self.tr(
                        "DEPRESSIONS = 0 (default): depressions are filled to their spill level and "
                        "flats are crossed along the shortest path to their outlet. DEPRESSIONS = 1: "
                        "no elevation is changed; water flows down into each depression and out "
                        "again along the lowest path, in the search order of GRASS r.watershed -s "
                        "(same directions cell by cell on the DEMs tested). Use 1 to match GRASS or "
                        "where a depression is a real valley floor (a reservoir, an embankment); it "
                        "takes about as long as r.watershed -s (twice the filling mode) and needs "
                        "about 88 bytes per cell."
                    ),
                ),
                (
                    self.tr("Accumulation"),
                    self.tr(
                        "ACCUMULATION is the upslope (contributing) area in m², the cell itself "
                        "included: number of upslope cells × cell area. Divide by 1 000 000 for km²."
                    ),
                ),
                (
                    self.tr("Memory"),
                    self.tr(
                        "The whole DEM is processed in memory, about 64 bytes per cell (17 million cells "
                        "need about 1 GB). Larger DEMs are refused with a message; raise the memory "
                        "limit (advanced) if the machine has the memory."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.dem())
        self.addParameter(params.depressions())
        self.addParameter(params.max_memory())
        self.addParameter(
            outputs.raster_output(self.FLOW_DIR, self.tr("Flow direction (D8)"), secondary=True)
        )
        self.addParameter(outputs.raster_output(self.ACCUMULATION, self.tr("Upslope area (m²)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        _layer, dem_path, _grid = inputs.dem(self, parameters, self.DEM, context, feedback, coarse_warning=0)
        max_mb = self.parameterAsInt(parameters, self.MAX_MEMORY, context)
        dir_path = outputs.raster_path(self, parameters, self.FLOW_DIR, context)
        acc_path = outputs.raster_path(self, parameters, self.ACCUMULATION, context)
        res = self.run_core(
            hydrology.flow_files,
            feedback,
            dem_path,
            dir_path,
            acc_path,
            max_memory_mb=max_mb,
            depressions=params.depressions_mode(self, parameters, context),
        )
        area = res.area_m2
        feedback.pushInfo(
            self.tr("Largest upslope area: {km2:.3f} km².").format(km2=float(np.nanmax(area)) / 1e6)
        )
        names = [
            self.tr("east"),
            self.tr("south-east"),
            self.tr("south"),
            self.tr("south-west"),
            self.tr("west"),
            self.tr("north-west"),
            self.tr("north"),
            self.tr("north-east"),
        ]
        outputs.style_sidecar(
            context,
            dir_path,
            paletted_raster_qml(
                [(code, D8_COLORS[k], f"{code} {names[k]}") for k, code in enumerate(hydrology.D8_CODES)]
            ),
            self.tr("Flow direction (D8)"),
        )
        outputs.style_sidecar(
            context, acc_path, accumulation_qml(area, res.grid.cell_area), self.tr("Upslope area (m²)")
        )
        feedback.setProgress(100)
        return {self.FLOW_DIR: dir_path, self.ACCUMULATION: acc_path}


def accumulation_qml(area_m2, cell_area: float) -> str:
    """Blue classes on a log scale of upslope area, from 10 cells to the largest value."""
    top = float(np.nanmax(area_m2)) if np.isfinite(area_m2).any() else cell_area
    stops = []
    value = cell_area * 10.0
    colors = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"]
    i = 0
    while value < top and i < len(colors) - 1:
        stops.append((value, colors[i], f"≤ {value:g} m²"))
        value *= 10.0
        i += 1
    stops.append(
        (max(top, value), colors[min(i, len(colors) - 1)], f"> {stops[-1][0] if stops else cell_area:g} m²")
    )
    return pseudocolor_raster_qml(stops)
