"""The SWC Planner Processing provider (id ``swcplanner``).

The algorithms are listed here explicitly, by plain imports: a module that fails to import is logged as
critical in the QGIS message log and the error is raised again, so neither the plugin nor a test can
start with an algorithm silently missing.  A new algorithm: one import line and one entry in
``ALGORITHM_CLASSES`` (module name == ``ALG_ID`` == algorithm id), and a row in README's table.
"""

from __future__ import annotations

import traceback
from typing import List

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

LOG_TAG = "SWC Planner"

try:
    from .base import ICON_PATH, SwcAlgorithm
    from .channelnetwork import ChannelNetworkAlgorithm
    from .checkdams import CheckDamsAlgorithm
    from .closepatches import ClosePatchesAlgorithm
    from .creditlists import CreditListsAlgorithm
    from .damstorage import DamStorageAlgorithm
    from .erodedforest import ErodedForestAlgorithm
    from .erosionchange import ErosionChangeAlgorithm
    from .exportpackage import ExportPackageAlgorithm
    from .farmlandscreening import FarmlandScreeningAlgorithm
    from .fillsinks import FillSinksAlgorithm
    from .flowaccumulation import FlowAccumulationAlgorithm
    from .importpackage import ImportPackageAlgorithm
    from .keyzones import KeyZonesAlgorithm
    from .landuseslope import LanduseSlopeAlgorithm
    from .lsfactor import LsFactorAlgorithm
    from .measureplan import MeasurePlanAlgorithm
    from .planbenefits import PlanBenefitsAlgorithm
    from .planquantities import PlanQuantitiesAlgorithm
    from .plansampling import PlanSamplingAlgorithm
    from .provincerollup import ProvinceRollupAlgorithm
    from .publishresults import PublishResultsAlgorithm
    from .rainfallerosivity import RainfallErosivityAlgorithm
    from .riskgrading import RiskGradingAlgorithm
    from .rssupervision import RsSupervisionAlgorithm
    from .siltdams import SiltDamsAlgorithm
    from .slopeclasses import SlopeClassesAlgorithm
    from .slopeworks import SlopeWorksAlgorithm
    from .soilerodibility import SoilErodibilityAlgorithm
    from .soilloss import SoilLossAlgorithm
    from .steepslopeban import SteepSlopeBanAlgorithm
    from .swcrate import SwcRateAlgorithm
    from .watershed import WatershedAlgorithm
except Exception:
    QgsMessageLog.logMessage(
        "SWC Planner: an algorithm module cannot be imported; the provider is not loaded.\n"
        + traceback.format_exc(),
        LOG_TAG,
        Qgis.MessageLevel.Critical,
    )
    raise

#: Every algorithm of the provider, in toolbox order.
ALGORITHM_CLASSES = (
    SlopeClassesAlgorithm,
    SteepSlopeBanAlgorithm,
    FillSinksAlgorithm,
    FlowAccumulationAlgorithm,
    ChannelNetworkAlgorithm,
    WatershedAlgorithm,
    LsFactorAlgorithm,
    SoilLossAlgorithm,
    SwcRateAlgorithm,
    KeyZonesAlgorithm,
    RainfallErosivityAlgorithm,
    SoilErodibilityAlgorithm,
    ErosionChangeAlgorithm,
    ErodedForestAlgorithm,
    FarmlandScreeningAlgorithm,
    SlopeWorksAlgorithm,
    CheckDamsAlgorithm,
    DamStorageAlgorithm,
    SiltDamsAlgorithm,
    LanduseSlopeAlgorithm,
    MeasurePlanAlgorithm,
    PlanQuantitiesAlgorithm,
    PlanBenefitsAlgorithm,
    RsSupervisionAlgorithm,
    ClosePatchesAlgorithm,
    RiskGradingAlgorithm,
    CreditListsAlgorithm,
    PlanSamplingAlgorithm,
    PublishResultsAlgorithm,
    ExportPackageAlgorithm,
    ImportPackageAlgorithm,
    ProvinceRollupAlgorithm,
)

#: Algorithm ids (== module names).
ALGORITHMS = [cls.ALG_ID for cls in ALGORITHM_CLASSES]


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


def algorithm_instances() -> List[SwcAlgorithm]:
    """One instance of every algorithm."""
    return [cls() for cls in ALGORITHM_CLASSES]
