"""The SWC Planner Processing provider (id ``swcplanner``)."""

from __future__ import annotations

import importlib
from typing import List

from qgis.core import QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .base import ICON_PATH

#: Algorithm modules; module name == algorithm id.  Each module defines one
#: ``SwcAlgorithm`` subclass whose ``ALG_ID`` equals the module name.
ALGORITHMS = [
    "slopeclasses",
    "steepslopeban",
    "fillsinks",
    "flowaccumulation",
    "channelnetwork",
    "watershed",
    "lsfactor",
    "soilloss",
    "swcrate",
    "farmlandscreening",
    "slopeworks",
    "checkdams",
    "damstorage",
    "landuseslope",
    "measureplan",
    "planquantities",
    "planbenefits",
]


class SwcPlannerProvider(QgsProcessingProvider):
    """Registers the SWC Planner algorithms."""

    def id(self) -> str:
        return "swcplanner"

    def name(self) -> str:
        return QCoreApplication.translate("SwcPlannerProvider", "SWC Planner")

    def longName(self) -> str:  # noqa: N802
        return QCoreApplication.translate("SwcPlannerProvider", "SWC Planner – soil and water conservation")

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def svgIconPath(self) -> str:  # noqa: N802
        return ICON_PATH

    def loadAlgorithms(self) -> None:  # noqa: N802
        for alg in algorithm_instances():
            self.addAlgorithm(alg)


def algorithm_instances() -> List:
    """One instance of every algorithm whose module is present."""
    from .base import SwcAlgorithm

    out = []
    for module_name in ALGORITHMS:
        try:
            module = importlib.import_module(f"{__package__}.{module_name}")
        except Exception as exc:  # pragma: no cover - reported, not fatal  # noqa: BLE001
            QgsMessageLog.logMessage(f"SWC Planner: cannot load {module_name}: {exc}", "SWC Planner")
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, SwcAlgorithm)
                and getattr(value, "ALG_ID", "") == module_name
            ):
                out.append(value())
                break
    return out
