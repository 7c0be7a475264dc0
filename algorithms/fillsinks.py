"""swcplanner:fillsinks — fill the depressions of a DEM to their spill elevation."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from .base import GROUP_HYDROLOGY, SwcAlgorithm
from .core import hydrology

MAX_MEMORY = "MAX_MEMORY"
DEPRESSIONS = "DEPRESSIONS"


def add_memory_parameter(alg: SwcAlgorithm, description: str) -> None:
    """The advanced ``MAX_MEMORY`` parameter (MB) shared by the flow-routing algorithms."""
    param = QgsProcessingParameterNumber(
        MAX_MEMORY,
        description,
        QgsProcessingParameterNumber.Integer,
        hydrology.DEFAULT_MAX_MEMORY_MB,
        minValue=16,
        maxValue=1024 * 1024,
    )
    param.setFlags(param.flags() | param.FlagAdvanced)
    alg.addParameter(param)


def add_depressions_parameter(alg: SwcAlgorithm, description: str, options) -> None:
    """The optional ``DEPRESSIONS`` enum shared by the flow-routing algorithms.

    ``options`` are the translated labels of :data:`hydrology.DEPRESSION_MODES`, in order:
    0 = fill and route across flats (default), 1 = route through depressions along the
    lowest path like GRASS r.watershed.
    """
    param = QgsProcessingParameterEnum(DEPRESSIONS, description, list(options), False, 0, optional=True)
    alg.addParameter(param)


def depressions_mode(alg: SwcAlgorithm, parameters, context) -> str:
    """The core's ``depressions`` value for the ``DEPRESSIONS`` parameter."""
    index = alg.parameterAsEnum(parameters, DEPRESSIONS, context)
    modes = hydrology.DEPRESSION_MODES
    return modes[index] if 0 <= index < len(modes) else modes[0]


class FillSinksAlgorithm(SwcAlgorithm):
    """Depression filling (exact minimax fill, no epsilon)."""

    ALG_ID = "fillsinks"
    GROUP_ID = GROUP_HYDROLOGY

    DEM = "DEM"
    MAX_MEMORY = MAX_MEMORY
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
        self.addParameter(QgsProcessingParameterRasterLayer(self.DEM, self.tr("DEM (projected, metres)")))
        add_memory_parameter(self, self.tr("Memory limit (MB)"))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Filled DEM")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        _layer, dem_path, _grid = self.dem_from_parameter(
            parameters, self.DEM, context, feedback, coarse_warning=0
        )
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
