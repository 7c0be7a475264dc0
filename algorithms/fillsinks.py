"""swcplanner:fillsinks — fill the depressions of a DEM to their spill elevation."""

from __future__ import annotations

from . import inputs, outputs, params
from .base import GROUP_HYDROLOGY, SwcAlgorithm
from .core import hydrology


class FillSinksAlgorithm(SwcAlgorithm):
    """Depression filling (exact minimax fill, no epsilon)."""

    ALG_ID = "fillsinks"
    GROUP_ID = GROUP_HYDROLOGY

    DEM = params.DEM
    MAX_MEMORY = params.MAX_MEMORY
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Fill sinks")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Raises every closed depression (sink) of a DEM to the elevation at which it "
                "spills, so that every cell drains to the edge of the DEM or to a nodata area."
            ),
            [
                (
                    self.tr("Method"),
                    self.tr(
                        "The fill level of a cell is the lowest elevation at which water standing on it "
                        "could leave the DEM: the smallest, over all paths to the edge or to nodata, of "
                        "the highest cell on the path. It is computed exactly (the same result as a "
                        "priority-flood fill, without an epsilon slope); cells that already drain keep "
                        "their elevation. Nodata areas inside the DEM act as outlets."
                    ),
                ),
                (
                    self.tr("Memory"),
                    self.tr(
                        "The whole DEM is processed in memory, about 48 bytes per cell. Larger DEMs are "
                        "refused with a message; raise the memory limit (advanced) if the machine has "
                        "the memory."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: filled DEM (Float32, nodata -9999). The log reports the number of "
                        "filled cells, the deepest fill and the fill volume."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.dem())
        self.addParameter(params.max_memory())
        self.addParameter(outputs.raster_output(self.OUTPUT, self.tr("Filled DEM")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        _layer, dem_path, _grid = inputs.dem(self, parameters, self.DEM, context, feedback, coarse_warning=0)
        max_mb = self.parameterAsInt(parameters, self.MAX_MEMORY, context)
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        stats = self.run_core(hydrology.fill_dem_file, feedback, dem_path, out_path, max_memory_mb=max_mb)
        feedback.pushInfo(
            self.tr("Filled {cells} cells; deepest fill {depth:.2f} m; fill volume {volume:.0f} m³.").format(
                cells=int(stats["filled_cells"]), depth=stats["max_depth_m"], volume=stats["fill_volume_m3"]
            )
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out_path}
