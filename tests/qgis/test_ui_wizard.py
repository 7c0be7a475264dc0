"""The planning wizard driven offscreen with QTest (its arithmetic is in tests/core/test_core_planning.py).

The end-to-end test walks the eight pages on the real Youwuzhen watershed
(shared/data/youwuzhen_fujian_swc, 10 m DEM, SEIMS land-use and soil rasters):
outlet clicked on a map canvas → watershed → data with the land-use code
mapping typed in → status → measures → quantities (a price edited) →
benefits → report; then it reads the PDF text and the xlsx back and checks
them against the numbers the algorithms wrote, and resumes the plan from the
project in a new wizard.
"""

import csv
import os
import re
from unittest import mock

import numpy as np
import pytest
from osgeo import gdal, ogr
from testdata import REPO, shared

from swc_planner.algorithms.core.planning.catalogue import LANDUSE_VALUE as CATEGORY_VALUE
from swc_planner.algorithms.core.planning.catalogue import MEASURE_VALUE
from swc_planner.algorithms.core.planning.tables import (
    allocation_path,
    load_allocation,
    load_prices,
    unit_price_path,
)

YWZ = "youwuzhen_fujian_swc"
#: Outlet of the Youwuzhen land-use area: the largest flow accumulation inside it (DEM CRS).
OUTLET = (39444793.9, 2840390.8)
SEIMS_CATEGORIES = {
    "4": "orchard",
    "6": "forest",
    "8": "forest",
    "18": "water",
    "33": "cropland",
    "104": "built",
    "106": "built",
}


# -- helpers to read the outputs back ---------------------------------------------------


def pdf_text(path):
    """Text of the PDF by poppler's pdftotext (text kept as text by the export), runs of blanks as one."""
    import shutil
    import subprocess

    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    out = subprocess.run([exe, "-layout", "-enc", "UTF-8", path, "-"], check=True, capture_output=True).stdout
    return re.sub(r"[ \t]+", " ", out.decode("utf-8"))


def sheet_name(title):
    """The xlsx sheet name of a table title (as report.write_xlsx makes it)."""
    name = title[:31]
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name


def squeeze(text):
    """Text without any white space (table cells wrap in narrow columns)."""
    return re.sub(r"\s+", "", str(text))


def xlsx_sheets(path):
    ds = ogr.Open(path)
    out = {}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayer(i)
        names = [
            layer.GetLayerDefn().GetFieldDefn(j).GetName()
            for j in range(layer.GetLayerDefn().GetFieldCount())
        ]
        out[layer.GetName()] = (names, [[f.GetField(j) for j in range(len(names))] for f in layer])
    return out


# -- end to end ----------------------------------------------------------------------------


@pytest.fixture
def iface(qgis_app):
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow

    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    window.setCentralWidget(canvas)
    window.resize(900, 700)
    window.show()
    iface = mock.MagicMock()
    iface.mainWindow.return_value = window
    iface.mapCanvas.return_value = canvas
    yield iface
    window.close()


def click(widget):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    assert widget.isEnabled(), widget.text() if hasattr(widget, "text") else widget
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def next_page(wiz):
    from qgis.PyQt.QtWidgets import QWizard

    before = wiz.currentId()
    assert wiz.button(QWizard.WizardButton.NextButton).isEnabled(), wiz.currentPage().title()
    click(wiz.button(QWizard.WizardButton.NextButton))
    assert wiz.currentId() == before + 1


def test_wizard_end_to_end_youwuzhen(processing_ready, iface, tmp_path):
    from qgis.core import QgsProject, QgsRasterLayer
    from qgis.PyQt.QtCore import QPoint, Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QWizard

    from swc_planner.ui.wizard import PlanningWizard

    dem_path = shared(YWZ, "ywzdem10m.tif")
    lu_path = shared(YWZ, "ywzlanduse10m_upd.tif")
    soil_path = shared(YWZ, "ywzsoil10m.tif")
    project = QgsProject.instance()
    project.clear()
    dem = QgsRasterLayer(dem_path, "ywzdem10m")
    landuse = QgsRasterLayer(lu_path, "ywzlanduse10m")
    soil = QgsRasterLayer(soil_path, "ywzsoil10m")
    # two townships splitting the DEM extent at x = 39445800 (a memory layer: passed by id)
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsRectangle, QgsVectorLayer

    from swc_planner.algorithms.outputs import FIELD_STRING

    towns = QgsVectorLayer("Polygon", "townships", "memory")
    towns.setCrs(dem.crs())
    towns.dataProvider().addAttributes([QgsField("name", FIELD_STRING)])
    towns.updateFields()
    ext = dem.extent()
    for name, (x0, x1) in (("西片", (ext.xMinimum(), 39445800.0)), ("东片", (39445800.0, ext.xMaximum()))):
        f = QgsFeature(towns.fields())
        f.setAttributes([name])
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, ext.yMinimum(), x1, ext.yMaximum())))
        towns.dataProvider().addFeature(f)
    project.addMapLayers([dem, landuse, soil, towns])

    wiz = PlanningWizard(iface, iface.mainWindow(), synchronous=True, resume=False)
    wiz.show()
    QTest.qWaitForWindowExposed(wiz)

    # 1 project ---------------------------------------------------------------------------
    p1 = wiz.currentPage()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    QTest.keyClicks(p1.name_edit, "Youwuzhen ")
    p1.name_edit.insert("油屋镇")  # QTest types ASCII only
    gpkg = str(tmp_path / "youwuzhen_plan.gpkg")
    QTest.keyClicks(p1.gpkg_widget.lineEdit(), gpkg)
    p1.region_combo.setCurrentIndex(p1.region_combo.findData("taihang"))
    QTest.keyClicks(p1.code_edit, "AFE1230000000000")  # an SL 653-style code typed by the planner
    p1.county_edit.setText("长汀县")
    p1.author_edit.setText("长汀县水利局")
    next_page(wiz)
    assert wiz.state["region"] == "taihang" and wiz.state["gpkg"] == gpkg
    assert wiz.state["ws_code"] == "AFE1230000000000" and wiz.state["county"] == "长汀县"

    # 2 watershed: click the outlet on the canvas --------------------------------------------
    p2 = wiz.currentPage()
    p2.dem_picker.set_layer(dem)
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(dem.crs())
    canvas.setExtent(dem.extent())
    canvas.refresh()
    click(p2.pick_button)
    pixel = canvas.getCoordinateTransform().transform(*OUTLET)
    pos = QPoint(int(round(pixel.x())), int(round(pixel.y())))
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    assert p2.outlet is not None
    cell = canvas.mapUnitsPerPixel()
    assert abs(p2.outlet[0] - OUTLET[0]) <= cell and abs(p2.outlet[1] - OUTLET[1]) <= cell
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    p2.snap_spin.setValue(50)
    click(p2.run_button)
    area = wiz.state["area_km2"]
    assert 4.5 < area < 6.5, area  # land-use area of the SEIMS watershed: 6.58 km²
    assert p2.warn_label.text() == ""  # inside 3–50 km²
    assert f"{area:.2f}" in p2.area_label.text()
    next_page(wiz)

    # 3 data: codes read from the raster, SEIMS codes mapped by hand --------------------------
    p3 = wiz.currentPage()
    p3.lu_picker.set_layer(landuse)
    click(p3.read_button)
    codes = [c for c, _cat in p3.mapping()]
    assert sorted(codes, key=int) == ["4", "6", "8", "18", "33", "104", "106"]
    assert dict(p3.mapping())["104"] == "built"  # 三调 prefix 10 = 交通运输用地
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "4" in p3.messages.text() and "33" in p3.messages.text()
    for i in range(p3.map_table.rowCount()):
        code = p3.map_table.item(i, 0).text()
        combo = p3.map_table.cellWidget(i, 1)
        combo.setCurrentIndex(combo.findData(SEIMS_CATEGORIES[code]))
    p3.bt_table.setFilePath(os.path.join(REPO, "resources", "tables", "landuse_bt_youwuzhen_seims.csv"))
    p3.k_mode.setCurrentIndex(p3.k_mode.findData("raster"))
    p3.k_picker.set_layer(soil)
    p3.k_table.setFilePath(os.path.join(REPO, "resources", "tables", "soil_k_youwuzhen_seims.csv"))
    p3.r_value.setValue(5000)  # Changting, Fujian (red-soil region)
    p3.tolerance.setValue(500)  # SL 190-2007: southern red-soil hills
    p3.zones_picker.set_layer(towns)
    p3.zone_field.setField("name")
    assert p3.problems()[0] == [], p3.problems()
    next_page(wiz)

    # 4 status ----------------------------------------------------------------------------------
    p4 = wiz.currentPage()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    click(p4.run_button)
    assert p4.progress.bar.value() == 100, p4.note.text()
    areas = p4.areas()
    total_ha = sum(areas.values()) / 1e4
    # the land-use × slope areas = the land-use cells inside the watershed, counted
    # independently: the watershed burnt onto the land-use grid with GDAL
    lu_ds = gdal.Open(lu_path)
    mask_ds = gdal.GetDriverByName("MEM").Create("", lu_ds.RasterXSize, lu_ds.RasterYSize, 1, gdal.GDT_Byte)
    mask_ds.SetGeoTransform(lu_ds.GetGeoTransform())
    mask_ds.SetProjection(lu_ds.GetProjection())
    ws_ds = ogr.Open(wiz.state["watershed"])
    gdal.RasterizeLayer(mask_ds, [1], ws_ds.GetLayer(0), burn_values=[1])
    inside = (mask_ds.ReadAsArray() == 1) & (lu_ds.ReadAsArray() != 255)
    assert total_ha == pytest.approx(inside.sum() * 100 / 1e4, rel=0.01)
    assert total_ha <= area * 100 * 1.01
    # slope classes agree with the slopeclasses table of the same DEM
    slope_rows = {}
    src = ogr.Open(wiz.state["results"]["slope"]["TABLE"])
    for f in src.GetLayer(0):
        slope_rows[f["CLASS"]] = f["AREA_M2"]
    for k in range(1, 6):
        by_class = sum(a for (lu, kk), a in areas.items() if kk == k)
        assert by_class <= slope_rows[k] + 1e-6
    assert p4.lu_table.rowCount() >= 5
    assert wiz.plan_layer("slope").name() == "Slope classes" and wiz.plan_layer("landuse") is not None
    before = wiz.state["status"]  # planbenefits over the status soil-loss table
    loss_ds = ogr.Open(wiz.state["results"]["soilloss_before"]["TABLE"])
    loss_rows = [f.items() for f in loss_ds.GetLayer(0)]
    assert [r["TOLERANCE"] for r in loss_rows] == [500.0]  # the data page's value reached the run
    assert before["soil_loss_t"] == pytest.approx(sum(r["SOIL_LOSS_T"] for r in loss_rows))
    assert before["swc_rate"] == pytest.approx(
        100 * (loss_rows[0]["AREA_KM2"] - loss_rows[0]["ERODED_KM2"]) / loss_rows[0]["AREA_KM2"]
    )
    assert 0 < before["swc_rate"] <= 100 and before["soil_loss_t"] > 0
    # SWC rate per township (swcplanner:swcrate): the two halves add up to the watershed
    zones = {z["zone"]: z for z in wiz.state["zone_rates"]}
    assert set(zones) == {"西片", "东片"}
    assert sum(z["area_km2"] for z in zones.values()) == pytest.approx(before["land_km2"], rel=1e-3)
    assert sum(z["eroded_km2"] for z in zones.values()) == pytest.approx(before["eroded_km2"], rel=1e-3)
    assert p4.zone_table.rowCount() == 2 and not p4.zone_table.isHidden()
    next_page(wiz)

    # 5 measures: edit one cell of the allocation ------------------------------------------------
    p5 = wiz.currentPage()
    assert p5.allocation() == load_allocation(allocation_path("taihang"))
    p5.set_measure("forest", 2, "none")
    p5.silt_check.setChecked(True)
    click(p5.run_button)
    assert p5.progress.bar.value() == 100, p5.note.text()
    m_areas = {r["MEASURE"]: r["AREA_M2"] for r in wiz.state["measure_rows"]}
    assert sum(m_areas.values()) == pytest.approx(sum(areas.values()))
    expected_terrace = areas.get(("cropland", 3), 0) + areas.get(("cropland", 4), 0)  # 6–25°, all in the band
    assert m_areas.get("terrace", 0) == pytest.approx(expected_terrace)
    expected_encl = sum(areas.get(("forest", k), 0) for k in (3, 4, 5)) + sum(
        areas.get(("grass", k), 0) for k in (2, 3)
    )
    assert m_areas.get("enclosure", 0) == pytest.approx(expected_encl)
    # the measure raster agrees with the table (independent count with GDAL)
    r = wiz.state["results"]
    arr = gdal.Open(r["measureplan"]["OUTPUT"]).ReadAsArray()
    cell_area = 100.0
    assert (arr == MEASURE_VALUE["terrace"]).sum() * cell_area == pytest.approx(expected_terrace)
    # eligibility: the pits allocated to slopes steeper than 45° are refused — counted with gdaldem's slope
    combo = gdal.Open(r["landuse_slope"]["OUTPUT"]).ReadAsArray().astype(int)
    slope = gdal.DEMProcessing(
        str(tmp_path / "slope_check.tif"), r["dem"]["OUTPUT"], "slope", computeEdges=True
    ).ReadAsArray()
    alloc = load_allocation(allocation_path("taihang"))
    pit_cells = np.zeros(combo.shape, bool)
    for lu, value in CATEGORY_VALUE.items():
        for k, m in enumerate(alloc.get(lu, []), start=1):
            if m in ("soilforest_pits", "econforest_pits"):
                pit_cells |= combo == value * 10 + k
    too_steep = (pit_cells & (slope > 45.0)).sum() * cell_area
    excluded = {(e["REASON"], e["MEASURE"]): e["AREA_M2"] for e in wiz.state["excluded_rows"]}
    steep_pits = sum(
        a for (reason, m), a in excluded.items() if reason == "slope_high" and m.endswith("_pits")
    )
    assert steep_pits == pytest.approx(too_steep)
    assert ((arr == MEASURE_VALUE["soilforest_pits"]) & (slope > 45.0 + 1e-3)).sum() == 0
    assert wiz.plan_layer("measures").name() == "Measures"
    # 淤地坝 and 谷坊 are separate measures: swcplanner:siltdams and swcplanner:checkdams
    silt = wiz.state["siltdam_rows"]
    for d in silt:
        assert 1.0 <= d["CONTROL_KM2"] <= 8.0 and d["CLASS"] in ("small", "medium", "large2", "large1")
    assert p5.summary_table.rowCount() >= len(wiz.state["measure_rows"])
    next_page(wiz)

    # 6 quantities: edit a unit price, with its source --------------------------------------------
    p6 = wiz.currentPage()
    p6.set_price(
        "terrace_area", 10000, source="测试价 2025"
    )  # synchronous: planquantities runs again at once
    assert not p6.stale and p6.note.text() == ""
    q = {r["ITEM"]: r["QUANTITY"] for r in wiz.state["quantity_rows"]}
    assert q["terrace_area"] == pytest.approx(expected_terrace / 1e4)
    assert q["siltdam_count"] == len(silt)
    assert q["siltdam_volume"] == pytest.approx(sum(d["BODY_M3"] for d in silt))
    items = [r for r in wiz.state["investment_rows"] if r["LEVEL"] == "item"]
    amounts = {r["ITEM"]: r["AMOUNT"] for r in items}
    assert amounts["terrace_area"] == pytest.approx(10000 * expected_terrace / 1e4)
    shipped = load_prices(unit_price_path())
    assert "pit_earthwork" not in shipped  # each pit paid once, per pit
    direct = sum(
        r["QUANTITY"] * (10000 if r["ITEM"] == "terrace_area" else shipped[r["ITEM"]])
        for r in items
        if r["ITEM"] in shipped
    )
    total = direct * (1 + shipped["independent_pct"] / 100) * (1 + shipped["contingency_pct"] / 100)
    assert wiz.state["investment_total"] == pytest.approx(total)
    assert f"{total / 1e4:,.2f}" in p6.total_label.text()
    terrace_row = [r for r in items if r["ITEM"] == "terrace_area"][0]
    assert terrace_row["SOURCE"] == "测试价 2025" and not terrace_row["PLACEHOLDER"]
    years = sorted({r["YEAR"] for r in wiz.state["schedule_rows"]})
    assert years == [2026, 2027, 2028, 2029, 2030]
    sched_total = sum(r["AMOUNT"] for r in wiz.state["schedule_rows"] if r["PART"] == "total")
    assert sched_total == pytest.approx(total)
    next_page(wiz)

    # 7 benefits ----------------------------------------------------------------------------------
    p7 = wiz.currentPage()
    p7.runoff_spin.setValue(900.0)  # mean annual runoff depth of the Changting hills (mm)
    click(p7.run_button)
    assert p7.progress.bar.value() == 100, p7.note.text()
    benefits = {r["INDICATOR"]: r for r in wiz.state["benefit_rows"]}
    after_ds = ogr.Open(wiz.state["results"]["soilloss_after"]["TABLE"])
    after_rows = [f.items() for f in after_ds.GetLayer(0)]
    assert {row["ZONE"] for row in after_rows} <= set(m_areas)  # one zone per measure
    retained = sum(row["BASE_LOSS_T"] - row["SOIL_LOSS_T"] for row in after_rows)
    assert benefits["soil_loss_t"]["BEFORE"] == pytest.approx(before["soil_loss_t"])
    assert benefits["soil_loss_t"]["AFTER"] == pytest.approx(before["soil_loss_t"] - retained)
    assert benefits["soil_loss_t"]["AFTER"] <= benefits["soil_loss_t"]["BEFORE"]
    assert benefits["swc_rate"]["AFTER"] >= benefits["swc_rate"]["BEFORE"]
    saved = wiz.state["soil_saved"]
    assert saved == pytest.approx(benefits["soil_loss_t"]["BEFORE"] - benefits["soil_loss_t"]["AFTER"])
    tables = wiz.state["benefit_tables"]
    with open(os.path.join(REPO, "resources", "tables", "benefit_rates.csv"), encoding="utf-8") as handle:
        rates = {row["measure"]: row for row in csv.DictReader(ln for ln in handle if not ln.startswith("#"))}
    water = sum(
        m_areas[m] / 1e6 * 900.0 * 1000.0 * float(rates[m]["water_pct"]) / 100 for m in m_areas if m != "none"
    )
    assert wiz.state["benefit_numbers"]["WATER_RETAINED"] == pytest.approx(water)
    basic = {row["MEASURE"]: row for row in tables["basic"]}
    zone = {row["ZONE"]: row for row in after_rows}
    assert basic["terrace"]["SOIL_RETAINED_T"] == pytest.approx(
        zone["terrace"]["BASE_LOSS_T"] - zone["terrace"]["SOIL_LOSS_T"]
    )
    eco = {row["INDICATOR"]: row for row in tables["ecological"]}
    fg = sum(a for (lu, _k), a in areas.items() if lu in ("forest", "grass", "orchard"))
    assert eco["forest_grass_cover"]["BEFORE"] == pytest.approx(100 * fg / sum(areas.values()))
    next_page(wiz)

    # 8 report, in Chinese by default -------------------------------------------------------------
    p8 = wiz.currentPage()
    assert p8.language() == "zh"
    click(p8.run_button)
    out = wiz.state.get("report")
    assert out, p8.result_label.text()
    for key in ("pdf", "xlsx", "gpkg", "qgz"):
        assert os.path.getsize(out[key]) > 0, key
    text = pdf_text(out["pdf"])  # None without poppler's pdftotext: checked at the end
    from swc_planner.ui.report import report_language, report_tables

    with report_language("zh"):
        tabs = report_tables(wiz)
    if text is not None:
        flat = squeeze(text)
        assert "Youwuzhen 油屋镇" in text and "AFE1230000000000" in text and "长汀县" in text
        for heading in (
            "1 基本情况",
            "2 水土流失现状",
            "3 规划布局",
            "4 措施与工程量",
            "5 投资估算",
            "6 效益分析",
            "7 实施进度",
            "8 保障措施",
        ):
            assert squeeze(heading) in flat, heading
        for word in ("图例", "坐标系", "水土流失治理度", "林草覆盖率", "占位", "流域"):
            assert word in text, word
        assert dem.crs().description() in text  # the CRS printed under every map
        assert text.count("坐标系") >= 3
        # every number of every table is printed, as the algorithms gave it (in the report's language)
        for key in (
            "landuse",
            "erosion",
            "zones",
            "measures",
            "excluded",
            "quantities",
            "siltdams",
            "investment",
            "schedule",
            "basic",
            "economic",
            "ecological",
            "social",
        ):
            _title, _headers, rows = tabs[key]
            for row in rows:
                for cell in row:
                    if re.fullmatch(r"-?[\d,]+(\.\d+)?", str(cell)):
                        assert squeeze(cell) in flat, (key, row, cell)
        assert f"{total / 1e4:,.2f}" in text
        assert f"{expected_terrace / 1e4:,.2f}" in text
        assert f"{saved:,.0f}" in text
        assert "{:,.2f}".format(before["swc_rate"]) in text
        assert "西片" in text and "东片" in text
    # the xlsx: one sheet per table, the same numbers
    sheets = xlsx_sheets(out["xlsx"])
    expected_sheets = [t[0][:31] for k, t in tabs.items()]
    assert len(sheets) == len(expected_sheets) == 15
    z_names, z_rows = sheets[sheet_name(tabs["zones"][0])]
    assert sorted(row[0] for row in z_rows) == sorted(["西片", "东片"])
    inv_names, inv_rows = sheets[sheet_name(tabs["investment"][0])]
    total_row = [row for row in inv_rows if row[0] == "总投资"]
    assert total_row and total_row[0][4] == pytest.approx(total / 1e4, abs=0.006)
    q_names, q_rows = sheets[sheet_name(tabs["quantities"][0])]
    terrace = [row for row in q_rows if row[1] == "梯田面积"]
    assert terrace and terrace[0][3] == pytest.approx(expected_terrace / 1e4, abs=0.006)
    lu_names, lu_rows = sheets[sheet_name(tabs["landuse"][0])]
    assert lu_rows[-1][-1] == pytest.approx(total_ha, abs=0.01)
    b_names, b_rows = sheets[sheet_name(tabs["benefits"][0])]
    loss_row = [row for row in b_rows if row[0] == "土壤流失量（t/a）"]
    assert loss_row and loss_row[0][2] == pytest.approx(benefits["soil_loss_t"]["AFTER"], abs=0.6)
    gpkg_ds = gdal.OpenEx(out["gpkg"])
    layers = [gpkg_ds.GetLayer(i).GetName() for i in range(gpkg_ds.GetLayerCount())]
    assert {"watershed", "checkdams", "pit_rows", "farmland", "excluded"} <= set(layers)
    subdatasets = " ".join(v for k, v in (gpkg_ds.GetMetadata("SUBDATASETS") or {}).items())
    for raster in ("measures", "slope", "landuse", "intensity", "soil_loss"):
        assert "GPKG:{}:{}".format(out["gpkg"], raster) in subdatasets
    # a page rendered (pdftoppm) for a look: written next to the report
    import shutil
    import subprocess

    shutil.copy(out["pdf"], str(tmp_path / "report_zh.pdf"))  # kept beside the English one below
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", out["pdf"], str(tmp_path / "page")], check=True)
        assert len([f for f in os.listdir(tmp_path) if f.startswith("page") and f.endswith(".png")]) == 7
    # the same report in English when the planner picks it
    p8.language_combo.setCurrentIndex(p8.language_combo.findData("en"))
    click(p8.run_button)
    text_en = pdf_text(wiz.state["report"]["pdf"])
    if text_en is not None:
        assert "1 Basic conditions" in text_en and "8 Safeguards" in text_en and "基本情况" not in text_en
        assert f"{total / 1e4:,.2f}" in text_en

    # resume: a new wizard restores everything from the project ----------------------------------
    wiz.close()
    project.read(out["qgz"])
    wiz2 = PlanningWizard(iface, iface.mainWindow(), synchronous=True)
    assert wiz2.state["name"] == "Youwuzhen 油屋镇"
    assert wiz2.pages[0].name_edit.text() == "Youwuzhen 油屋镇"
    wiz2.show()
    QTest.qWait(100)  # the resume is queued by the first show
    assert wiz2.currentId() == 7 and wiz2.currentPage().title() == "8. Report"
    assert wiz2.pages[5].prices()["terrace_area"] == 10000
    wiz2.close()
    project.clear()
    if text is None:
        pytest.skip("the PDF text was not checked: pdftotext (poppler-utils) is not installed")


def test_wizard_strings_translated():
    """Every string of ui/ has a finished zh_CN translation."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("ts", os.path.join(REPO, "i18n", "ts.py"))
    ts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ts)
    ui_dir = os.path.join(REPO, "ui")
    sources = [os.path.join(ui_dir, f) for f in sorted(os.listdir(ui_dir)) if f.endswith(".py")]
    known = ts.all_translations()
    messages = ts.extract_all(sources)
    assert len(messages) > 200
    missing = [m for m in messages if not known.get(m)]
    assert missing == []


def test_wizard_pages_zh_cn(processing_ready, iface, tmp_path):
    """With the zh_CN translation installed every page title is Chinese."""
    import shutil
    import subprocess

    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from swc_planner.ui.wizard import PlanningWizard

    lrelease = shutil.which("lrelease")
    if lrelease is None:
        pytest.skip("lrelease (qttools5-dev-tools) is not installed")
    qm = str(tmp_path / "swc_planner_zh_CN.qm")
    subprocess.run(
        [lrelease, "-silent", os.path.join(REPO, "i18n", "swc_planner_zh_CN.ts"), "-qm", qm],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(qm)
    QCoreApplication.installTranslator(translator)
    try:
        wiz = PlanningWizard(iface, None, synchronous=True, resume=False)
        titles = [page.title() for page in wiz.pages]
        assert all(re.search("[\u4e00-\u9fff]", t) for t in titles), titles
        assert re.search("[\u4e00-\u9fff]", wiz.windowTitle())
        wiz.close()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_runner_background_task_progress_and_cancel(processing_ready, tmp_path):
    """The desktop path: steps run as QgsProcessingAlgRunnerTasks, report progress, can be cancelled."""
    from qgis.PyQt.QtTest import QTest

    from swc_planner.ui.runner import AlgorithmRunner, Step

    dem = shared(YWZ, "ywzdem5m.tif")
    runner = AlgorithmRunner(synchronous=False)
    seen, done = [], []
    runner.progress.connect(lambda value, label: seen.append((value, label)))
    runner.finished.connect(lambda ok, message: done.append((ok, message)))
    steps = [
        Step(
            "slope",
            "swcplanner:slopeclasses",
            lambda r: {"DEM": dem, "OUTPUT": str(tmp_path / "a.tif"), "TABLE": str(tmp_path / "a.gpkg")},
            "a",
        ),
        Step(
            "slope again",
            "swcplanner:slopeclasses",
            lambda r: {
                "DEM": dem if r["a"]["OUTPUT"] else None,
                "OUTPUT": str(tmp_path / "b.tif"),
                "TABLE": str(tmp_path / "b.gpkg"),
            },
            "b",
        ),
    ]
    runner.start(steps, {})
    assert runner.running  # returned at once: the work is in a task
    for _ in range(600):
        if done:
            break
        QTest.qWait(50)
    assert done == [(True, "")]
    assert set(runner.results) == {"a", "b"}
    assert os.path.exists(runner.results["b"]["OUTPUT"])
    values = [v for v, _label in seen]
    assert values == sorted(values) and values[-1] == 100.0
    assert {"slope", "slope again"} <= {label for _v, label in seen}

    # cancel while the first task runs: the job stops with "Cancelled." and runs no further step
    done.clear()
    runner.start(
        [
            Step(
                "slope",
                "swcplanner:slopeclasses",
                lambda r: {"DEM": dem, "OUTPUT": str(tmp_path / "c.tif"), "TABLE": str(tmp_path / "c.gpkg")},
                "c",
            ),
            Step("never", "swcplanner:slopeclasses", lambda r: {}, "never"),
        ],
        {},
    )
    runner.cancel()
    for _ in range(600):
        if done:
            break
        QTest.qWait(50)
    assert done and done[0][0] is False and "Cancel" in done[0][1]
    assert "never" not in runner.results


def test_runner_refuses_a_missing_algorithm_and_an_undeclared_parameter(processing_ready, tmp_path):
    """Loud contracts: nothing is skipped, no parameter is dropped (issue 11)."""
    from swc_planner.ui.runner import AlgorithmRunner, Step

    dem = shared(YWZ, "ywzdem5m.tif")
    runner = AlgorithmRunner(synchronous=True)
    done = []
    runner.finished.connect(lambda ok, message: done.append((ok, message)))
    runner.start([Step("missing", "swcplanner:notthere", lambda r: {}, "skip")], {})
    assert done[-1][0] is False and "swcplanner:notthere" in done[-1][1]
    good = {"DEM": dem, "OUTPUT": str(tmp_path / "a.tif"), "TABLE": str(tmp_path / "a.gpkg")}
    runner.start(
        [
            Step("renamed", "swcplanner:slopeclasses", lambda r: dict(good, MIN_SLOPE=5.0), "a"),
            Step("never", "swcplanner:slopeclasses", lambda r: good, "never"),
        ],
        {},
    )
    assert done[-1][0] is False and "MIN_SLOPE" in done[-1][1]
    assert "a" not in runner.results and "never" not in runner.results
    assert not os.path.exists(good["OUTPUT"])  # refused before running
    # the checks of the toolbox and qgis_process run in the wizard too: a block size out of range
    runner.start([Step("tiny", "swcplanner:slopeclasses", lambda r: dict(good, BLOCK_SIZE=1), "t")], {})
    assert done[-1][0] is False and "BLOCK_SIZE" in done[-1][1] and "64" in done[-1][1]
    assert "t" not in runner.results and not os.path.exists(good["OUTPUT"])
    # the wizard's own algorithms are all registered
    from qgis.core import QgsApplication

    from swc_planner.ui import jobs

    registry = QgsApplication.processingRegistry()
    for name in dir(jobs):
        value = getattr(jobs, name)
        if isinstance(value, str) and value.startswith("swcplanner:"):
            assert registry.algorithmById(value) is not None, value


def test_watershed_page_polygon_mode_and_area_warning(processing_ready, iface, tmp_path):
    """An existing polygon layer (two touching 1 km² squares) is dissolved, projected, warned about."""
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer
    from qgis.PyQt.QtWidgets import QWizard

    from swc_planner.ui.wizard import PlanningWizard

    dem = QgsRasterLayer(shared(YWZ, "ywzdem10m.tif"), "dem")
    project = QgsProject.instance()
    project.clear()
    poly = QgsVectorLayer("Polygon", "ws", "memory")
    poly.setCrs(dem.crs())
    x0, y0 = 39444500.0, 2841000.0
    features = []
    for dx in (0.0, 1000.0):  # two touching 1 km² squares -> dissolved into one 2 km² polygon
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0 + dx, y0, x0 + dx + 1000.0, y0 + 1000.0)))
        features.append(f)
    poly.dataProvider().addFeatures(features)
    project.addMapLayers([dem, poly])
    wiz = PlanningWizard(iface, None, synchronous=True, resume=False)
    wiz.show()
    p1 = wiz.currentPage()
    p1.name_edit.setText("test")
    p1.gpkg_widget.setFilePath(str(tmp_path / "p.gpkg"))
    next_page(wiz)
    p2 = wiz.currentPage()
    p2.dem_picker.set_layer(dem)
    p2.polygon_radio.setChecked(True)
    p2.polygon_picker.set_layer(poly)
    click(p2.run_button)
    assert wiz.state["area_km2"] == pytest.approx(2.0, rel=1e-6)
    assert "3 km²" in p2.warn_label.text()  # below the 3–50 km² range: warned, not blocked
    assert wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    layer = QgsVectorLayer(wiz.state["watershed"], "w", "ogr")
    assert layer.featureCount() == 1
    wiz.close()
    project.clear()


def test_rerunning_a_stage_clears_every_stage_after_it(processing_ready, iface, tmp_path):
    """Re-running the status makes measures, quantities, benefits and the report stale; re-running the
    measures clears quantities and benefits but keeps the status; new prices clear only quantities and
    the report. The cleared numbers reach neither the pages nor the report's tables."""
    from swc_planner.ui.report import report_tables
    from swc_planner.ui.wizard import STAGES, PlanningWizard

    wiz = PlanningWizard(iface, None, synchronous=True, resume=False)
    wiz.state.update({"name": "t", "gpkg": str(tmp_path / "t.gpkg"), "watershed": "", "landuse": ""})

    def fill_everything():
        wiz.state.update(
            {
                "landuse_areas": [
                    {"LANDUSE": "total", "CLASS": 0, "AREA_HA": 1.0, "AREA_M2": 1e4, "PCT": 100.0}
                ],
                "status": {"soil_loss_t": 10.0, "swc_rate": 50.0},
                "measure_rows": [{"MEASURE": "terrace", "AREA_HA": 1.0, "AREA_MU": 15.0, "PCT": 100.0}],
                "excluded_rows": [{"REASON": "water", "MEASURE": "grass", "AREA_HA": 0.1, "AREA_MU": 1.5}],
                "investment_rows": [{"LEVEL": "sum", "PART": "total", "AMOUNT": 5.0, "AMOUNT_10K": 0.0005}],
                "quantity_rows": [
                    {
                        "ITEM": "terrace_area",
                        "MEASURE": "terrace",
                        "UNIT": "ha",
                        "QUANTITY": 1.0,
                        "COMPUTED": 1,
                    }
                ],
                "benefit_rows": [{"INDICATOR": "soil_loss_t", "BEFORE": 10.0, "AFTER": 4.0, "CHANGE": -6.0}],
                "soil_saved": 6.0,
                "benefits_done": True,
                "benefit_tables": {
                    "basic": [
                        {
                            "MEASURE": "terrace",
                            "AREA_HA": 1.0,
                            "SOIL_BEFORE_T": 10.0,
                            "SOIL_RETAINED_T": 6.0,
                            "SOIL_RATE_T": 8.0,
                            "WATER_M3": 1.0,
                        }
                    ]
                },
                "report": {"pdf": "x.pdf"},
            }
        )
        wiz.state["results"] = {key: {"OUTPUT": "x"} for stage in STAGES.values() for key in stage["results"]}

    status, measures, quantities, benefits = wiz.pages[3], wiz.pages[4], wiz.pages[5], wiz.pages[6]
    fill_everything()
    assert benefits.isComplete() and measures.isComplete() and quantities.isComplete()
    # the status runs again and fails at once (no DEM): what was computed from the old status is gone
    status.run()
    assert status.note.text()  # the failure is shown
    assert not status.isComplete() and not measures.isComplete()
    assert not quantities.isComplete() and not benefits.isComplete()
    tabs = report_tables(wiz)
    assert tabs["benefits"][2] == [] and tabs["basic"][2] == [] and tabs["investment"][2] == []
    assert tabs["measures"][2] == [] and tabs["excluded"][2] == []
    assert "report" not in wiz.state and "soilloss_after" not in wiz.state["results"]
    # the measures run again (and fail): quantities and benefits are cleared, the status is kept
    fill_everything()
    measures.run()
    assert status.isComplete()
    assert not measures.isComplete() and not quantities.isComplete() and not benefits.isComplete()
    assert wiz.state.get("quantity_rows") is None and wiz.state.get("benefit_tables") is None
    assert "quantities" not in wiz.state["results"] and "landuse_slope" in wiz.state["results"]
    # new prices: only the quantities (and the report) are stale, the benefits do not depend on prices
    fill_everything()
    wiz.invalidate("quantities")
    assert benefits.isComplete() and measures.isComplete() and not quantities.isComplete()
    assert "report" not in wiz.state
    wiz.close()
