"""``qgis --code`` script: open the planning wizard in the real QGIS desktop and shoot each page.

Run by tests/test_desktop_wizard.py under Xvfb.  Environment:

* ``SWC_SHOT_DIR``  – where the screenshots ``page_1.png`` … ``page_8.png`` and
  ``result.json`` go;
* ``SWC_DATA_DIR``  – the Youwuzhen data folder;
* ``SWC_OUT_DIR``   – where the plan GeoPackage/PDF/xlsx are written.

The wizard is opened through the plugin's own action (as from the menu or
toolbar).  Every analysis runs as a background Processing task (the desktop
path); the script polls until each one has finished, then takes the shot.
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.utils import iface, plugins

SHOTS = os.environ.get("SWC_SHOT_DIR", "/tmp/swc_shots")
DATA = os.environ["SWC_DATA_DIR"]  # set by test_desktop_wizard.py
OUT = os.environ.get("SWC_OUT_DIR", SHOTS)
OUTLET = (39444793.9, 2840390.8)
CATEGORIES = {
    "4": "orchard",
    "6": "forest",
    "8": "forest",
    "18": "water",
    "33": "cropland",
    "104": "built",
    "106": "built",
}
os.makedirs(SHOTS, exist_ok=True)
os.makedirs(OUT, exist_ok=True)

result = {"ok": False, "pages": [], "errors": [], "shots": []}
state = {"wiz": None, "layers": {}}


def write_result():
    with open(os.path.join(SHOTS, "result.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)


def shoot(n):
    QgsApplication.processEvents()
    path = os.path.join(SHOTS, f"page_{n}.png")
    QgsApplication.primaryScreen().grabWindow(0).save(path)
    wiz = state["wiz"]
    wiz.grab().save(os.path.join(SHOTS, f"wizard_page_{n}.png"))
    result["shots"].append(path)
    result["pages"].append(wiz.currentPage().title())


def wiz():
    return state["wiz"]


def nxt():
    wiz().next()


# -- steps: (action, wait-until condition or None) ---------------------------------------


def open_wizard():
    main = iface.mainWindow()
    main.setGeometry(0, 0, 1600, 1000)
    for name, file in (
        ("dem", "ywzdem10m.tif"),
        ("landuse", "ywzlanduse10m_upd.tif"),
        ("soil", "ywzsoil10m.tif"),
    ):
        layer = QgsRasterLayer(os.path.join(DATA, file), file.split(".")[0])
        QgsProject.instance().addMapLayer(layer)
        state["layers"][name] = layer
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(state["layers"]["dem"].crs())
    canvas.setExtent(state["layers"]["dem"].extent())
    canvas.refresh()
    plugin = plugins["swc_planner"]
    plugin.wizard_action.trigger()  # the menu/toolbar action
    state["wiz"] = plugin.wizard
    state["wiz"].move(560, 30)
    state["wiz"].resize(1030, 930)
    root = QgsProject.instance().layerTreeRoot()
    for name in ("landuse", "soil"):
        root.findLayer(state["layers"][name].id()).setItemVisibilityChecked(False)


def page1():
    p = wiz().currentPage()
    QTest.keyClicks(p.name_edit, "Youwuzhen ")
    p.name_edit.insert("油屋镇")
    p.gpkg_widget.setFilePath(os.path.join(OUT, "youwuzhen_plan.gpkg"))
    p.region_combo.setCurrentIndex(p.region_combo.findData("taihang"))
    p.code_edit.setText("AFE1230000000000")  # the SL 653 code the planner types in
    p.county_edit.setText("长汀县")


def page2():
    p = wiz().currentPage()
    p.dem_picker.set_layer(state["layers"]["dem"])
    p.pick_button.click()
    canvas = iface.mapCanvas()
    pixel = canvas.getCoordinateTransform().transform(*OUTLET)
    QTest.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(int(round(pixel.x())), int(round(pixel.y()))),
    )
    p.snap_spin.setValue(50)
    p.run_button.click()


def page3():
    p = wiz().currentPage()
    p.lu_picker.set_layer(state["layers"]["landuse"])
    p.read_button.click()
    for i in range(p.map_table.rowCount()):
        combo = p.map_table.cellWidget(i, 1)
        combo.setCurrentIndex(combo.findData(CATEGORIES[p.map_table.item(i, 0).text()]))
    import swc_planner

    tables = os.path.join(os.path.dirname(swc_planner.__file__), "resources", "tables")
    p.bt_table.setFilePath(os.path.join(tables, "landuse_bt_youwuzhen_seims.csv"))
    p.k_mode.setCurrentIndex(p.k_mode.findData("raster"))
    p.k_picker.set_layer(state["layers"]["soil"])
    p.k_table.setFilePath(os.path.join(tables, "soil_k_youwuzhen_seims.csv"))
    p.r_value.setValue(5000)
    p.tolerance.setValue(500)  # red-soil hills (SL 190-2007)


def click_run():
    wiz().currentPage().run_button.click()


def page7():
    wiz().currentPage().runoff_spin.setValue(900.0)  # mean annual runoff depth (mm), for the water retained
    click_run()


def idle():
    return not wiz().runner.running


def on_page(n):
    return lambda: wiz().currentId() == n - 1


STEPS = [
    (open_wizard, lambda: state["wiz"] is not None and state["wiz"].isVisible()),
    (page1, None),
    (lambda: shoot(1), None),
    (nxt, on_page(2)),
    (page2, idle),
    (lambda: shoot(2), None),
    (nxt, on_page(3)),
    (page3, None),
    (lambda: shoot(3), None),
    (nxt, on_page(4)),
    (click_run, idle),
    (lambda: shoot(4), None),
    (nxt, on_page(5)),
    (click_run, idle),
    (lambda: shoot(5), None),
    (nxt, on_page(6)),
    (lambda: None, idle),  # planquantities may run again when the page opens
    (lambda: shoot(6), None),
    (nxt, on_page(7)),
    (page7, idle),
    (lambda: shoot(7), None),
    (nxt, on_page(8)),
    (click_run, None),
    (lambda: shoot(8), None),
]


def finish(ok):
    result["ok"] = ok
    try:
        result["state_keys"] = sorted(wiz().state.keys()) if wiz() else []
        result["report"] = wiz().state.get("report") if wiz() else None
        result["area_km2"] = wiz().state.get("area_km2") if wiz() else None
        result["investment_total"] = wiz().state.get("investment_total") if wiz() else None
        result["soil_saved"] = wiz().state.get("soil_saved") if wiz() else None
        if wiz():
            numbers = wiz().state.get("benefit_numbers") or {}
            result["water_retained"] = numbers.get("WATER_RETAINED")
            result["siltdams"] = len(wiz().state.get("siltdam_rows") or [])
            result["schedule_years"] = sorted({r["YEAR"] for r in wiz().state.get("schedule_rows") or []})
            result["report_language"] = wiz().state.get("report_language")
        if wiz():
            wiz().close()
    except Exception:  # noqa: BLE001
        result["errors"].append(traceback.format_exc())
    write_result()
    iface.newProject(False)
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(500, lambda: QgsApplication.exit(0))


def run(index=0, waited=0):
    try:
        if index >= len(STEPS):
            finish(True)
            return
        action, until = STEPS[index]
        if waited == 0:
            action()
        if until is not None and not until():
            if waited > 600:  # 600 × 0.25 s
                result["errors"].append(f"timeout at step {index}")
                finish(False)
                return
            QTimer.singleShot(250, lambda: run(index, waited + 1))
            return
        QTimer.singleShot(300, lambda: run(index + 1, 0))
    except Exception:  # noqa: BLE001 - reported in result.json
        result["errors"].append(traceback.format_exc())
        finish(False)


write_result()
QTimer.singleShot(1500, run)
