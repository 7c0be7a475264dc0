"""QGIS plugin class: translator, Processing provider, menu and toolbar."""

from __future__ import annotations

import os

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolButton

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
ICON = os.path.join(PLUGIN_DIR, "resources", "icons", "swc_planner.svg")


TR_CONTEXT = "SwcPlannerPlugin"


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def install_translator(locale: str = "") -> QTranslator:
    """Load ``i18n/swc_planner_<locale>.qm`` (default: QGIS's locale) into the app."""
    if not locale:
        locale = QgsSettings().value("locale/userLocale", QLocale().name()) or ""
    translator = QTranslator()
    qm = os.path.join(PLUGIN_DIR, "i18n", f"swc_planner_{locale}.qm")
    if not os.path.exists(qm):
        qm = os.path.join(PLUGIN_DIR, "i18n", f"swc_planner_{locale[:2]}.qm")
    if os.path.exists(qm) and translator.load(qm):
        QCoreApplication.installTranslator(translator)
    return translator


class SwcPlannerPlugin:
    """Entry object created by ``classFactory``."""

    MENU = "SWC Planner"

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = install_translator()
        self.actions = []
        self.menu = None
        self.toolbar = None
        self.tool_button = None
        self.wizard = None
        self.wizard_action = None

    # qgis_process calls only this
    def initProcessing(self):  # noqa: N802
        from .algorithms.provider import SwcPlannerProvider

        registry = QgsApplication.processingRegistry()
        if registry.providerById("swcplanner") is None:
            self.provider = SwcPlannerProvider()
            registry.addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        main = self.iface.mainWindow()
        self.menu = QMenu(_tr("SWC Planner"), main)
        self.menu.setIcon(QIcon(ICON))
        self.menu.setObjectName("swcPlannerMenu")
        self.wizard_action = QAction(QIcon(ICON), _tr("Small-watershed planning wizard…"), main)
        self.wizard_action.setObjectName("swcplanner_wizard")
        self.wizard_action.triggered.connect(self.open_wizard)
        self.menu.addAction(self.wizard_action)
        self.menu.addSeparator()
        self.actions.append(self.wizard_action)
        for alg_id, label in self.algorithm_entries():
            action = QAction(QIcon(ICON), label, main)
            action.setObjectName("swcplanner_" + alg_id)
            action.triggered.connect(lambda _checked=False, a=alg_id: self.open_algorithm(a))
            self.menu.addAction(action)
            self.actions.append(action)
        self.main_action = self.menu.menuAction()
        self.iface.pluginMenu().addMenu(self.menu)
        self.toolbar = self.iface.addToolBar(_tr("SWC Planner"))
        self.toolbar.setObjectName("swcPlannerToolbar")
        self.tool_button = QToolButton(main)
        self.tool_button.setIcon(QIcon(ICON))
        self.tool_button.setToolTip(_tr("SWC Planner"))
        self.tool_button.setMenu(self.menu)
        self.tool_button.setDefaultAction(self.wizard_action)
        self.tool_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.toolbar.addWidget(self.tool_button)

    def algorithm_entries(self):
        """(id, translated name) of the algorithms, as in the toolbox."""
        from .algorithms.provider import algorithm_instances

        return [(alg.name(), alg.displayName()) for alg in algorithm_instances()]

    def open_wizard(self):
        """Open the small-watershed planning wizard (ui/wizard.py)."""
        from .ui.wizard import PlanningWizard

        self.wizard = PlanningWizard(self.iface, self.iface.mainWindow())
        self.wizard.show()
        return self.wizard

    def open_algorithm(self, alg_id: str):
        """Open the Processing dialog of ``swcplanner:<alg_id>``."""
        import processing

        dialog = processing.createAlgorithmDialog("swcplanner:" + alg_id, {})
        if dialog is not None:
            dialog.show()
        return dialog

    def unload(self):
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        if self.menu is not None:
            self.iface.pluginMenu().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
