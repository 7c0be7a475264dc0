"""Run inside the real QGIS desktop (qgis --code): open the steep-slope dialog and take a screenshot.

Environment: SWC_SHOT (PNG path), SWC_DEM (DEM to load), SWC_DONE (marker file written on success).
"""

import os

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

STATE = {}


def open_dialog():
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)
    iface.addRasterLayer(os.environ["SWC_DEM"], "dem")
    plugin = plugins["swc_planner"]
    STATE["menu_ok"] = plugin.menu is not None and len(plugin.menu.actions()) > 2
    dialog = plugin.open_algorithm("steepslopeban")
    dialog.move(250, 60)
    dialog.resize(1100, 860)
    STATE["dialog"] = dialog


def shoot():
    QgsApplication.primaryScreen().grabWindow(0).save(os.environ["SWC_SHOT"])
    with open(os.environ["SWC_DONE"], "w", encoding="utf-8") as handle:
        handle.write("menu_ok={}\ntitle={}\n".format(STATE.get("menu_ok"), STATE["dialog"].windowTitle()))


def quit_():
    for widget in QgsApplication.topLevelWidgets():
        if widget is not iface.mainWindow() and widget.isVisible():
            widget.close()
    iface.newProject(False)
    QgsProject.instance().setDirty(False)
    QgsApplication.exit(0)


QTimer.singleShot(2500, open_dialog)
QTimer.singleShot(5000, shoot)
QTimer.singleShot(6500, quit_)
