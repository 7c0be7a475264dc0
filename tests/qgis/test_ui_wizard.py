"""The planning wizard: pure table arithmetic, and the whole wizard driven offscreen with QTest.

The end-to-end test walks the eight pages on the real Youwuzhen watershed
(shared/data/youwuzhen_fujian_swc, 10 m DEM, SEIMS land-use and soil rasters):
outlet clicked on a map canvas → watershed → data with the land-use code
mapping typed in → status → measures → quantities (a price edited) →
benefits → report; then it reads the PDF text and the xlsx back and checks
them against the numbers the algorithms wrote, and resumes the plan from the
project in a new wizard.
"""

import os
import re
import zlib
from unittest import mock

import pytest
from osgeo import gdal, ogr
from testdata import REPO, shared

from swc_planner.ui import tables as T  # noqa: N812

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


# -- pure tables -------------------------------------------------------------------------


def test_category_mapping_exact_then_longest_prefix():
    preset = T.LAND_SURVEY_PRESET
    assert T.category_for("0101", preset) == "cropland"
    assert T.category_for("0301", preset) == "forest"
    assert T.category_for("1109", preset) == "built"  # refines 11 water
    assert T.category_for("1106", preset) == "water"
    assert T.category_for("1203", preset) == "cropland"  # 田坎
    assert T.category_for("1206", preset) == "bare"
    assert T.category_for("9999", preset) is None
    assert T.category_for(4.0, [("4", "orchard")]) == "orchard"
    assert T.unmapped_codes([4, 33, 104], [("4", "orchard"), ("10", "built")]) == ["33"]
    assert T.reclass_rows([33, 4], [("4", "orchard"), ("33", "cropland")]) == [4.0, 4.0, 2, 33.0, 33.0, 1]


def test_presets_are_complete_and_valid():
    for region in T.REGIONS:
        alloc = T.load_allocation(T.allocation_path(region))
        assert T.check_allocation(alloc) == []
        assert set(alloc) == set(T.LANDUSE_VALUE)
        assert all(len(v) == 5 for v in alloc.values())
        # the law: no crops above 25° -> steep cropland is never left as cropland measure
        assert alloc["cropland"][4] not in ("tillage", "none", "terrace")
    prices = T.load_prices(T.unit_price_path())
    for item, _measure, _unit in T.QUANTITY_ITEMS:
        assert prices[item] > 0, item


def test_allocation_areas_and_reclass_table():
    alloc = {
        "cropland": ["none", "tillage", "terrace", "terrace", "soilforest_pits"],
        "forest": ["none", "enclosure", "enclosure", "enclosure", "enclosure"],
    }
    combo = {
        T.combo_value("cropland", 1): 1000.0,
        T.combo_value("cropland", 3): 2500.0,
        T.combo_value("cropland", 4): 500.0,
        T.combo_value("cropland", 5): 300.0,
        T.combo_value("forest", 2): 7000.0,
        99: 5.0,
    }
    areas = T.split_combo_areas(combo)
    assert areas[("cropland", 3)] == 2500.0 and ("forest", 2) in areas and len(areas) == 5
    m = T.measure_areas(areas, alloc)
    assert m == {"none": 1000.0, "terrace": 3000.0, "soilforest_pits": 300.0, "enclosure": 7000.0}
    table = T.allocation_reclass_table(alloc)
    rows = [table[i : i + 3] for i in range(0, len(table), 3)]
    assert [13, 13, T.MEASURE_VALUE["terrace"]] in rows
    assert [32, 32, T.MEASURE_VALUE["enclosure"]] in rows
    lu = T.landuse_slope_table(areas)
    assert [r["landuse"] for r in lu] == ["cropland", "forest"]
    assert lu[0]["total"] == pytest.approx(0.43)  # (1000+2500+500+300) m² in ha


def test_quantities_and_investment_by_hand():
    areas = {"terrace": 20000.0, "enclosure": 50000.0, "soilforest_pits": 10000.0}
    works = {"pit_count": 1250, "pit_earthwork": 237.5, "checkdam_count": 3, "checkdam_volume": 90.0}
    q = {r["item"]: r for r in T.quantities(areas, works)}
    assert q["terrace_area"]["quantity"] == pytest.approx(2.0)
    assert q["enclosure_area"]["quantity"] == pytest.approx(5.0)
    assert q["soilforest_area"]["quantity"] == pytest.approx(1.0)
    assert q["pit_count"]["quantity"] == 1250 and q["pit_count"]["computed"]
    assert not q["terrace_earthwork"]["computed"] and q["terrace_earthwork"]["quantity"] == 0
    prices = {
        "terrace_area": 9000,
        "enclosure_area": 1500,
        "soilforest_area": 4500,
        "pit_count": 3,
        "pit_earthwork": 15,
        "checkdam_count": 3000,
        "checkdam_volume": 180,
        "independent_pct": 8,
        "contingency_pct": 3,
    }
    rows, totals = T.investment(list(q.values()), prices)
    engineering = 2 * 9000 + 1250 * 3 + 237.5 * 15 + 3 * 3000 + 90 * 180
    assert totals["engineering"] == pytest.approx(engineering)
    assert totals["vegetation"] == pytest.approx(4500.0)
    assert totals["enclosure"] == pytest.approx(7500.0)
    direct = engineering + 4500 + 7500
    assert totals["independent"] == pytest.approx(0.08 * direct)
    assert totals["total"] == pytest.approx(direct * 1.08 * 1.03)
    assert sum(r["amount"] for r in rows) == pytest.approx(direct)


def test_benefits_and_area_warning():
    rows = T.benefits({"soil_loss_t": 1000.0, "swc_rate": 80.0}, {"soil_loss_t": 600.0, "swc_rate": 85.5})
    by = {r["indicator"]: r for r in rows}
    assert by["soil_loss_t"]["change"] == -400.0
    assert by["swc_rate"]["change"] == pytest.approx(5.5)
    assert by["mean_modulus"]["change"] is None
    assert T.soil_saved({"soil_loss_t": 1000.0}, {"soil_loss_t": 600.0}) == 400.0
    assert T.warn_area(2.9) == "small" and T.warn_area(3.0) is None
    assert T.warn_area(50.0) is None and T.warn_area(50.1) == "large"
    assert T.fmt(1234.5) == "1,234.50" and T.fmt(None) == "–"


# -- helpers to read the outputs back ---------------------------------------------------


def pdf_text(path):
    """Text of a Qt-written PDF (text kept as text): objects, ToUnicode CMaps per font, Tj runs."""
    with open(path, "rb") as handle:
        data = handle.read()
    objects = {}
    for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        body = m.group(2)
        stream = None
        sm = re.search(rb"(?<!end)stream\r?\n(.*?)endstream", body, re.S)
        if sm:
            raw = sm.group(1)
            try:  # decompressobj tolerates the end-of-line before "endstream"
                stream = zlib.decompressobj().decompress(raw)
            except zlib.error:
                stream = raw
            body = body[: sm.start()]
        objects[int(m.group(1))] = (body, stream)

    def cmap_of(stream):
        cmap = {}
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
            for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                cmap[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", "ignore")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
            for a, b, dst in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])", block
            ):
                first, last = int(a, 16), int(b, 16)
                if dst.startswith(b"["):
                    items = re.findall(rb"<([0-9A-Fa-f]+)>", dst)
                    for code, u in zip(range(first, last + 1), items):
                        cmap[code] = bytes.fromhex(u.decode()).decode("utf-16-be", "ignore")
                else:
                    base = int(dst[1:-1], 16)
                    for k, code in enumerate(range(first, last + 1)):
                        cmap[code] = chr(base + k)
        return cmap

    font_cmaps = {}
    for num, (body, _s) in objects.items():
        m = re.search(rb"/ToUnicode\s+(\d+) 0 R", body)
        if m and int(m.group(1)) in objects and objects[int(m.group(1))][1] is not None:
            font_cmaps[num] = cmap_of(objects[int(m.group(1))][1])
    names = {}
    for body, _s in objects.values():
        for fd in re.findall(rb"/Font\s*<<(.*?)>>", body, re.S):
            for name, num in re.findall(rb"/(\w+)\s+(\d+) 0 R", fd):
                names[name] = int(num)
    runs = []
    for _body, stream in objects.values():
        if stream is None or b"BT" not in stream:
            continue
        for bt in re.findall(rb"BT(.*?)ET", stream, re.S):
            cmap = {}
            text = []
            for tok in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]+)>\s*Tj|\[([^\]]*)\]\s*TJ", bt):
                if tok.group(1):
                    cmap = font_cmaps.get(names.get(tok.group(1)), {})
                    continue
                hexes = [tok.group(2)] if tok.group(2) else re.findall(rb"<([0-9A-Fa-f]+)>", tok.group(3))
                for h in hexes:
                    h = h.decode()
                    text.append("".join(cmap.get(int(h[i : i + 4], 16), "?") for i in range(0, len(h), 4)))
            runs.append("".join(text))
    return re.sub(r"[ \t]+", " ", " ".join(runs))


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
    QTest.mouseClick(widget, Qt.LeftButton)


def next_page(wiz):
    from qgis.PyQt.QtWidgets import QWizard

    before = wiz.currentId()
    assert wiz.button(QWizard.NextButton).isEnabled(), wiz.currentPage().title()
    click(wiz.button(QWizard.NextButton))
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
    from qgis.PyQt.QtCore import QVariant

    towns = QgsVectorLayer("Polygon", "townships", "memory")
    towns.setCrs(dem.crs())
    towns.dataProvider().addAttributes([QgsField("name", QVariant.String)])
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
    assert not wiz.button(QWizard.NextButton).isEnabled()
    QTest.keyClicks(p1.name_edit, "Youwuzhen ")
    p1.name_edit.insert("油屋镇")  # QTest types ASCII only
    gpkg = str(tmp_path / "youwuzhen_plan.gpkg")
    QTest.keyClicks(p1.gpkg_widget.lineEdit(), gpkg)
    p1.region_combo.setCurrentIndex(p1.region_combo.findData("taihang"))
    next_page(wiz)
    assert wiz.state["region"] == "taihang" and wiz.state["gpkg"] == gpkg

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
    QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    assert p2.outlet is not None
    cell = canvas.mapUnitsPerPixel()
    assert abs(p2.outlet[0] - OUTLET[0]) <= cell and abs(p2.outlet[1] - OUTLET[1]) <= cell
    assert not wiz.button(QWizard.NextButton).isEnabled()
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
    assert not wiz.button(QWizard.NextButton).isEnabled()
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
    assert not wiz.button(QWizard.NextButton).isEnabled()
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
    has_soilloss = "soilloss_before" in wiz.state["results"]
    if has_soilloss:
        before = wiz.state["before"]
        loss_ds = ogr.Open(wiz.state["results"]["soilloss_before"]["TABLE"])
        assert [f["TOLERANCE"] for f in loss_ds.GetLayer(0)] == [
            500.0
        ]  # the data page's value reached the run
        assert 0 < before["swc_rate"] <= 100
        # SWC rate per township (swcplanner:swcrate): the two halves add up to the watershed
        zones = {z["zone"]: z for z in wiz.state["zone_rates"]}
        assert set(zones) == {"西片", "东片"}
        assert sum(z["area_km2"] for z in zones.values()) == pytest.approx(before["land_km2"], rel=1e-3)
        assert sum(z["eroded_km2"] for z in zones.values()) == pytest.approx(before["eroded_km2"], rel=1e-3)
        assert p4.zone_table.rowCount() == 2 and not p4.zone_table.isHidden()
        assert before["soil_loss_t"] > 0
    next_page(wiz)

    # 5 measures: edit one cell of the allocation ------------------------------------------------
    p5 = wiz.currentPage()
    assert p5.allocation() == T.load_allocation(T.allocation_path("taihang"))
    p5.set_measure("forest", 2, "none")
    p5.silt_check.setChecked(False)
    click(p5.run_button)
    assert p5.progress.bar.value() == 100, p5.note.text()
    m_areas = wiz.state["measure_areas"]
    assert sum(m_areas.values()) == pytest.approx(sum(areas.values()))
    expected_terrace = areas.get(("cropland", 3), 0) + areas.get(("cropland", 4), 0)
    assert m_areas.get("terrace", 0) == pytest.approx(expected_terrace)
    expected_encl = sum(areas.get(("forest", k), 0) for k in (3, 4, 5)) + sum(
        areas.get(("grass", k), 0) for k in (2, 3)
    )
    assert m_areas.get("enclosure", 0) == pytest.approx(expected_encl)
    # the measure raster agrees with the table (independent count with GDAL)
    arr = gdal.Open(wiz.state["results"]["measures"]["OUTPUT"]).ReadAsArray()
    cell_area = 100.0
    assert (arr == T.MEASURE_VALUE["terrace"]).sum() * cell_area == pytest.approx(expected_terrace)
    assert wiz.plan_layer("measures").name() == "Measures"
    next_page(wiz)

    # 6 quantities: edit a unit price -------------------------------------------------------------
    p6 = wiz.currentPage()
    p6.set_price("terrace_area", 10000)
    qrows, irows, totals = p6.compute()
    q = {r["item"]: r["quantity"] for r in qrows}
    assert q["terrace_area"] == pytest.approx(expected_terrace / 1e4)
    amounts = {r["item"]: r["amount"] for r in irows}
    assert amounts["terrace_area"] == pytest.approx(10000 * expected_terrace / 1e4)
    assert totals["total"] == pytest.approx(totals["direct"] * 1.08 * 1.03)
    assert "{:,.2f}".format(totals["total"] / 1e4) in p6.total_label.text()
    next_page(wiz)

    # 7 benefits ----------------------------------------------------------------------------------
    p7 = wiz.currentPage()
    click(p7.run_button)
    assert p7.progress.bar.value() == 100, p7.note.text()
    if has_soilloss:
        after, before = wiz.state["after"], wiz.state["before"]
        assert after["soil_loss_t"] <= before["soil_loss_t"]
        assert after["swc_rate"] >= before["swc_rate"]
    next_page(wiz)

    # 8 report ------------------------------------------------------------------------------------
    p8 = wiz.currentPage()
    click(p8.run_button)
    out = wiz.state.get("report")
    assert out, p8.result_label.text()
    for key in ("pdf", "xlsx", "gpkg", "qgz"):
        assert os.path.getsize(out[key]) > 0, key
    text = pdf_text(out["pdf"])
    assert "Youwuzhen 油屋镇" in text
    assert "{:,.2f}".format(totals["total"] / 1e4) in text
    assert f"{expected_terrace / 1e4:,.2f}" in text
    sheets = xlsx_sheets(out["xlsx"])
    assert len(sheets) == 7
    z_names, z_rows = sheets["SWC rate by county township"]
    assert sorted(r[0] for r in z_rows) == sorted(["西片", "东片"])
    assert "西片" in text and "东片" in text
    inv_names, inv_rows = sheets["Investment estimate"]
    total_row = [r for r in inv_rows if r[0] == "Total investment"]
    assert total_row and total_row[0][-1] == pytest.approx(totals["total"] / 1e4, abs=0.006)
    q_names, q_rows = sheets["Bill of quantities"]
    terrace = [r for r in q_rows if r[1] == "Terrace area"]
    assert terrace and terrace[0][3] == pytest.approx(expected_terrace / 1e4, abs=0.006)
    lu_names, lu_rows = sheets["Land use by slope class (ha)"]
    assert lu_rows[-1][-1] == pytest.approx(total_ha, abs=0.01)
    gpkg_ds = gdal.OpenEx(out["gpkg"])
    tables = [gpkg_ds.GetLayer(i).GetName() for i in range(gpkg_ds.GetLayerCount())]
    assert {"watershed", "checkdams", "pit_rows", "farmland"} <= set(tables)
    subdatasets = " ".join(v for k, v in (gpkg_ds.GetMetadata("SUBDATASETS") or {}).items())
    for raster in ("measures", "slope", "landuse", "intensity", "soil_loss"):
        assert "GPKG:{}:{}".format(out["gpkg"], raster) in subdatasets

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
        Step("missing", "swcplanner:notthere", lambda r: {}, "skip", optional=True),
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
    assert set(runner.results) == {"a", "b"} and runner.skipped == ["swcplanner:notthere"]
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
    assert wiz.button(QWizard.NextButton).isEnabled()
    layer = QgsVectorLayer(wiz.state["watershed"], "w", "ogr")
    assert layer.featureCount() == 1
    wiz.close()
    project.clear()
