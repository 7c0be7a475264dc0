"""The small-watershed planning wizard (小流域综合治理规划向导).

Eight pages carry a county planner from an outlet on the map to a plan report:
project → watershed → data → status → measures → quantities and investment →
benefits → report.  The wizard holds no planning logic: it builds parameter
dicts, runs the Processing algorithms (``swcplanner:*`` and QGIS/GDAL ones) in
background tasks, adds styled outputs to a layer group, reads tables back and
lays them out.  Its state is stored in the QGIS project (``swc_planner/state``)
so the planner can close QGIS and resume.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtWidgets import QWizard

from .labels import layer_name
from .pages_input import DataPage, ProjectPage, WatershedPage
from .pages_plan import BenefitsPage, MeasuresPage, QuantitiesPage, ReportPage, StatusPage
from .runner import AlgorithmRunner

STATE_SCOPE = "swc_planner"
STATE_KEY = "state"
STATE_VERSION = 2

#: What each stage of the plan writes into the state (``keys``) and into the runner's results
#: (``results``), and the later stages that depend on it: re-running a stage makes all of them stale.
STAGES: Dict[str, Dict[str, Any]] = {
    "status": {
        "keys": ("landuse_areas", "status", "zone_rates"),
        "results": ("dem", "slope", "landuse_slope", "soilloss_before", "swcrate", "status_indicators"),
        "then": ("measures", "quantities", "benefits", "report"),
    },
    "measures": {
        "keys": ("measure_rows", "excluded_rows", "measure_landuse_rows", "siltdam_rows", "checkdam_rows"),
        "results": (
            "measureplan",
            "parcels",
            "farmland",
            "checkdams",
            "siltdams",
            "pits_areas",
            "pits",
            "benches_areas",
            "benches",
        ),
        "then": ("quantities", "benefits", "report"),
    },
    "quantities": {
        "keys": ("quantity_rows", "investment_rows", "investment_total", "schedule_rows", "placeholders"),
        "results": ("quantities",),
        "then": ("report",),
    },
    "benefits": {
        "keys": ("benefit_rows", "soil_saved", "benefits_done", "benefit_tables", "benefit_numbers"),
        "results": ("soilloss_after", "benefits"),
        "then": ("report",),
    },
    "report": {"keys": ("report",), "results": (), "then": ()},
}

(
    PAGE_PROJECT,
    PAGE_WATERSHED,
    PAGE_DATA,
    PAGE_STATUS,
    PAGE_MEASURES,
    PAGE_QUANTITIES,
    PAGE_BENEFITS,
    PAGE_REPORT,
) = range(8)


class PlanningWizard(QWizard):
    """Small-watershed planning wizard; ``PlanningWizard(iface, parent)``.

    ``synchronous=True`` runs the algorithms inline (tests and scripts);
    otherwise each run is a background ``QgsProcessingAlgRunnerTask`` with a
    progress bar and a Cancel button.
    """

    def __init__(self, iface, parent=None, synchronous: bool = False, resume: bool = True) -> None:
        super().__init__(parent)
        self.iface = iface
        self.synchronous = synchronous
        self.state: Dict[str, Any] = {}
        self.resume_page = 0
        self.runner = AlgorithmRunner(self, synchronous=synchronous)
        self.setObjectName("swcPlanningWizard")
        self.setWindowTitle(self.tr("Small-watershed planning wizard"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.resize(980, 720)
        self.pages = [
            ProjectPage(self),
            WatershedPage(self),
            DataPage(self),
            StatusPage(self),
            MeasuresPage(self),
            QuantitiesPage(self),
            BenefitsPage(self),
            ReportPage(self),
        ]
        for page_id, page in enumerate(self.pages):
            self.setPage(page_id, page)
        self.currentIdChanged.connect(self._page_changed)
        self._pending_resume = bool(resume and self.load_state())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """On the first show of a resumed plan, go forward to the page it was left on."""
        super().showEvent(event)
        if self._pending_resume:
            self._pending_resume = False
            QTimer.singleShot(0, self.resume)

    # -- translation --------------------------------------------------------------
    def tr(self, text: str) -> str:  # noqa: D401 - Qt name
        return QCoreApplication.translate("PlanningWizard", text)

    # -- paths -------------------------------------------------------------------
    def gpkg_path(self) -> str:
        return self.state.get("gpkg", "")

    def base_path(self) -> str:
        """Output path without extension: ``<folder>/<name>`` of the GeoPackage."""
        return os.path.splitext(self.gpkg_path())[0]

    def work_dir(self) -> str:
        path = self.base_path() + "_work"
        os.makedirs(path, exist_ok=True)
        return path

    def work(self, name: str) -> str:
        return os.path.join(self.work_dir(), name)

    # -- state -------------------------------------------------------------------
    def save_state(self) -> None:
        """Store the wizard state in the current project (``swc_planner/state``)."""
        self.state["version"] = STATE_VERSION
        self.state["page"] = max(self.currentId(), 0)
        QgsProject.instance().writeEntry(
            STATE_SCOPE, STATE_KEY, json.dumps(self.state, ensure_ascii=False, default=str)
        )

    def load_state(self) -> bool:
        text, ok = QgsProject.instance().readEntry(STATE_SCOPE, STATE_KEY, "")
        if not ok or not text:
            return False
        try:
            state = json.loads(text)
        except ValueError:
            return False
        if not isinstance(state, dict):
            return False
        self.state = state
        self.resume_page = int(state.get("page", 0) or 0)
        for page in self.pages:
            page.restore()
        return True

    def resume(self) -> int:
        """Go forward to the page saved in the state (each page checks itself)."""
        target = self.resume_page
        while self.currentId() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break
        return self.currentId()

    def invalidate(self, stage: str) -> List[str]:
        """Drop what ``stage`` and every stage depending on it wrote (a re-run makes them stale).

        Returns the stages cleared.  Pages read their completeness from these keys, so a page whose
        inputs changed is no longer complete and the report cannot print its old numbers.
        """
        cleared = [stage] + list(STAGES[stage]["then"])
        results = self.state.setdefault("results", {})
        for name in cleared:
            for key in STAGES[name]["keys"]:
                self.state.pop(key, None)
            for key in STAGES[name]["results"]:
                results.pop(key, None)
        for page in self.pages:
            page.completeChanged.emit()
        return cleared

    def _page_changed(self, page_id: int) -> None:
        if page_id >= 0 and self.state:
            self.save_state()

    # -- layers ------------------------------------------------------------------
    def group(self) -> QgsLayerTreeGroup:
        root = QgsProject.instance().layerTreeRoot()
        name = self.tr("SWC plan: {name}").format(name=self.state.get("name", ""))
        group = root.findGroup(name)
        if group is None:
            group = root.insertGroup(0, name)
        return group

    def add_layer(
        self, source: str, key: str, kind: str = "raster", qml: Optional[str] = None
    ) -> Optional[QgsMapLayer]:
        """Add (or replace) the output layer ``key`` in the plan group; style it from ``qml``.

        Layers are named by ``labels.layer_name(key)`` (translated) and found
        again by their key, so the report works in every language.
        """
        if not source:
            return None
        name = layer_name(key)
        layer = QgsRasterLayer(source, name) if kind == "raster" else QgsVectorLayer(source, name, "ogr")
        if not layer.isValid():
            return None
        if qml and os.path.exists(qml):
            layer.loadNamedStyle(qml)
        group = self.group()
        old = self.plan_layer(key)
        if old is not None:
            QgsProject.instance().removeMapLayer(old.id())
        QgsProject.instance().addMapLayer(layer, False)
        group.insertLayer(0, layer)
        self.state.setdefault("layers", {})[key] = {"source": source, "kind": kind, "id": layer.id()}
        return layer

    def plan_layer(self, key: str) -> Optional[QgsMapLayer]:
        """The plan layer stored under ``key`` (``None`` when absent)."""
        info = self.state.get("layers", {}).get(key)
        if not info:
            return None
        return QgsProject.instance().mapLayer(info.get("id", ""))

    def canvas(self):
        try:
            return self.iface.mapCanvas()
        except AttributeError:
            return None

    def message(self, text: str, level: int = 0) -> None:
        """Show a message in the QGIS message bar (if there is one)."""
        try:
            bar = self.iface.messageBar()
            bar.pushMessage(self.tr("SWC Planner"), text, level=level, duration=8)
        except (AttributeError, TypeError):
            pass

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        if self.state:
            self.save_state()
        if self.runner.running:
            self.runner.cancel()
        super().done(result)


def page_ids() -> List[int]:
    return list(range(8))
