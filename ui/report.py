"""The plan report: PDF from the print-layout template, xlsx tables, GeoPackage, .qgz.

* PDF: ``resources/report_template.qpt`` (five A4 pages: status, erosion,
  measures, quantities and benefits, investment) is loaded into a
  ``QgsPrintLayout``; the wizard fills its labels, maps, legends and manual
  tables by item id and exports it with text kept as text.
* xlsx: one sheet per table, written with OGR's XLSX driver (no openpyxl).
* GeoPackage: every layer of the plan group (vectors as layers, rasters as
  raster tables).
* .qgz: the QGIS project with the wizard state in it.
"""

from __future__ import annotations

import os
from typing import Dict, List, Optional, Sequence, Tuple

from osgeo import gdal, ogr
from qgis.core import (
    Qgis,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..algorithms.core.io import gdal_exceptions
from .labels import fmt

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(os.path.dirname(HERE), "resources", "report_template.qpt")
FONT_FAMILY = "WenQuanYi Micro Hei"

TR_CONTEXT = "PlanReport"

Table = Tuple[str, List[str], List[List[str]]]  # (title, headers, rows)


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


# -- template -------------------------------------------------------------------------

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
PORTRAIT = QgsLayoutItemPage.Orientation.Portrait

#: (page, id, kind, x, y, w, h, font size) of the template's items.
TEMPLATE_ITEMS = [
    (0, "title", "label", 15, 8, 180, 16, 15),
    (0, "subtitle", "label", 15, 25, 180, 12, 9),
    (0, "heading_status", "label", 15, 39, 180, 7, 12),
    (0, "map_status", "map", 15, 47, 125, 115, 0),
    (0, "legend_status", "legend", 143, 47, 52, 115, 0),
    (0, "scalebar_status", "scalebar", 15, 164, 70, 10, 0),
    (0, "table_landuse", "table", 15, 180, 180, 100, 7),
    (1, "heading_erosion", "label", 15, 12, 180, 7, 12),
    (1, "map_erosion", "map", 15, 21, 125, 115, 0),
    (1, "legend_erosion", "legend", 143, 21, 52, 115, 0),
    (1, "table_erosion", "table", 15, 142, 90, 55, 8),
    (1, "text_status", "label", 110, 142, 85, 55, 9),
    (1, "table_zones", "table", 15, 205, 180, 70, 8),
    (2, "heading_measures", "label", 15, 12, 180, 7, 12),
    (2, "map_measures", "map", 15, 21, 125, 115, 0),
    (2, "legend_measures", "legend", 143, 21, 52, 115, 0),
    (2, "table_measures", "table", 15, 142, 180, 120, 8),
    (3, "heading_quantities", "label", 15, 12, 180, 7, 12),
    (3, "table_quantities", "table", 15, 21, 180, 120, 7),
    (3, "heading_benefits", "label", 15, 150, 180, 7, 12),
    (3, "table_benefits", "table", 15, 159, 180, 40, 8),
    (3, "text_benefits", "label", 15, 205, 180, 30, 9),
    (4, "heading_investment", "label", 15, 12, 180, 7, 12),
    (4, "table_investment", "table", 15, 21, 180, 200, 7),
    (4, "footer", "label", 15, 270, 180, 15, 7),
]
N_PAGES = 5


def _text_format(size: float, bold: bool = False) -> QgsTextFormat:
    text_format = QgsTextFormat()
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    text_format.setFont(font)
    text_format.setSize(size)
    text_format.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text_format.setColor(QColor("#000000"))
    return text_format


def build_template(path: str = TEMPLATE) -> str:
    """(Re)write the report template (``resources/report_template.qpt``)."""
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("SWC plan report")
    collection = layout.pageCollection()
    collection.page(0).setPageSize("A4", PORTRAIT)
    while collection.pageCount() < N_PAGES:
        page = QgsLayoutItemPage(layout)
        page.setPageSize("A4", PORTRAIT)
        collection.addPage(page)
    maps = {}
    for page, item_id, kind, x, y, w, h, size in TEMPLATE_ITEMS:
        pos = QgsLayoutPoint(x, y, MM)
        if kind == "table":
            table = QgsLayoutItemManualTable.create(layout)
            layout.addMultiFrame(table)
            table.setContentTextFormat(_text_format(size))
            table.setHeaderTextFormat(_text_format(size, bold=True))
            table.setCellMargin(0.8)
            table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
            frame = QgsLayoutFrame(layout, table)
            frame.setId(item_id)
            frame.attemptResize(QgsLayoutSize(w, h, MM))
            frame.attemptMove(pos, page=page)
            table.addFrame(frame)
            continue
        if kind == "label":
            item = QgsLayoutItemLabel(layout)
            item.setText(item_id)
            item.setHAlign(Qt.AlignmentFlag.AlignLeft)
            item.setVAlign(Qt.AlignmentFlag.AlignTop)
            font = QFont(FONT_FAMILY)
            font.setPointSizeF(size)
            font.setBold(item_id.startswith(("title", "heading")))
            item.setFont(font)
        elif kind == "map":
            item = QgsLayoutItemMap(layout)
            item.setFrameEnabled(True)
            maps[item_id.split("_", 1)[1]] = item
        elif kind == "legend":
            item = QgsLayoutItemLegend(layout)
            item.setTitle("")
            item.setStyleFont(QgsLegendStyle_Item(), QFont(FONT_FAMILY, 7))
        else:
            item = QgsLayoutItemScaleBar(layout)
            item.setStyle("Single Box")
            item.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
            item.setNumberOfSegments(2)
            item.setNumberOfSegmentsLeft(0)
            item.setUnitsPerSegment(0.5)
            item.setUnitLabel("km")
        item.setId(item_id)
        layout.addLayoutItem(item)
        item.attemptResize(QgsLayoutSize(w, h, MM))
        item.attemptMove(pos, page=page)
        if kind == "map":
            item.zoomToExtent(QgsRectangle(0, 0, w * 10, h * 10))
    for _page, item_id, kind, *_rest in TEMPLATE_ITEMS:
        if kind in ("legend", "scalebar"):
            item = layout.itemById(item_id)
            key = item_id.split("_", 1)[1]
            if key in maps:
                item.setLinkedMap(maps[key])
    layout.saveAsTemplate(path, QgsReadWriteContext())
    return path


def QgsLegendStyle_Item():  # noqa: N802 - small shim for readability
    from qgis.core import QgsLegendStyle

    return QgsLegendStyle.Style.SymbolLabel


def load_template(project: QgsProject, path: str = TEMPLATE) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    doc = QDomDocument()
    with open(path, encoding="utf-8") as handle:
        doc.setContent(handle.read())
    items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
    if not ok:
        raise RuntimeError(_tr("The report template {path} cannot be read.").format(path=path))
    return layout


def frame_table(layout: QgsLayout, item_id: str) -> Optional[QgsLayoutItemManualTable]:
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutFrame):
        return item.multiFrame()
    return None


def set_table(layout: QgsLayout, item_id: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = frame_table(layout, item_id)
    if table is None:
        return
    from qgis.core import QgsLayoutTableColumn

    table.setHeaders([QgsLayoutTableColumn(header) for header in headers])
    table.setIncludeTableHeader(True)
    contents = [[QgsTableCell(str(v)) for v in row] for row in rows] or [
        [QgsTableCell("–") for _h in headers]
    ]
    table.setTableContents(contents)
    table.refresh()


def set_label(layout: QgsLayout, item_id: str, text: str) -> None:
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutItemLabel):
        item.setText(text)


def set_map(layout: QgsLayout, key: str, layers: Sequence[QgsMapLayer], extent: QgsRectangle) -> None:
    layers = [layer for layer in layers if layer is not None and layer.isValid()]
    item = layout.itemById("map_" + key)
    if not isinstance(item, QgsLayoutItemMap):
        return
    item.setLayers(layers)
    item.setKeepLayerSet(True)
    if layers:
        item.setCrs(layers[-1].crs())
    ext = QgsRectangle(extent)
    ext.scale(1.05)
    item.zoomToExtent(ext)
    legend = layout.itemById("legend_" + key)
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.clear()
        for layer in layers:
            node = root.addLayer(layer)
            hide_band_node(legend, node)
        legend.updateLegend()
    bar = layout.itemById("scalebar_" + key)
    if isinstance(bar, QgsLayoutItemScaleBar) and not ext.isEmpty():
        bar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)  # DEM CRS is projected, in metres
        bar.setUnitLabel("m")
        bar.setMapUnitsPerScaleBarUnit(1.0)
        bar.setNumberOfSegments(2)
        bar.setNumberOfSegmentsLeft(0)
        bar.setUnitsPerSegment(nice_segment(ext.width() / 5.0))
        bar.update()


def nice_segment(value: float) -> float:
    """1, 2 or 5 × 10^n not above ``value`` (scale-bar segment length)."""
    import math

    if not value > 0 or math.isinf(value):
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (5, 2, 1):
        if step * power <= value:
            return step * power
    return power


def hide_band_node(legend: QgsLayoutItemLegend, node) -> None:
    """Drop the “Band 1 (Gray)” title node that raster legends start with."""
    from qgis.core import QgsMapLayerLegendUtils, QgsRasterLayer
    from qgis.PyQt.QtCore import Qt

    if node is None or not isinstance(node.layer(), QgsRasterLayer):
        return
    model = legend.model()
    nodes = model.layerLegendNodes(node)
    if len(nodes) > 1 and str(nodes[0].data(Qt.ItemDataRole.DisplayRole)).startswith("Band"):
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, len(nodes))))
        model.refreshLayerLegend(node)


def export_pdf(layout: QgsLayout, path: str) -> None:
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 150
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    if os.path.exists(path):
        os.remove(path)
    result = exporter.exportToPdf(path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError(
            _tr("The PDF could not be written ({path}): {error}").format(
                path=path, error=exporter.errorMessage()
            )
        )


# -- xlsx -------------------------------------------------------------------------------


def _number(text: str) -> Optional[float]:
    try:
        return float(str(text).replace(",", ""))
    except ValueError:
        return None


def write_xlsx(path: str, sheets: Sequence[Table]) -> str:
    """Tables as sheets of an xlsx workbook (OGR XLSX driver); numeric columns as numbers."""
    if os.path.exists(path):
        os.remove(path)
    driver = ogr.GetDriverByName("XLSX")
    ds = driver.CreateDataSource(path)
    if ds is None:
        raise RuntimeError(_tr("The workbook {path} cannot be created.").format(path=path))
    used = set()
    for title, headers, rows in sheets:
        name = title[:31]
        for ch in "[]:*?/\\":
            name = name.replace(ch, " ")
        while name in used:
            name = name[:29] + "_" + str(len(used))
        used.add(name)
        layer = ds.CreateLayer(name, geom_type=ogr.wkbNone)
        numeric = []
        for j, header in enumerate(headers):
            values = [row[j] for row in rows if j < len(row) and str(row[j]).strip() not in ("", "–")]
            parsed = [v for v in values if _number(v) is not None]
            # numeric when most cells are numbers; the others (e.g. "not computed") stay empty
            is_num = j > 0 and bool(values) and 2 * len(parsed) >= len(values)
            numeric.append(is_num)
            layer.CreateField(ogr.FieldDefn(header, ogr.OFTReal if is_num else ogr.OFTString))
        defn = layer.GetLayerDefn()
        for row in rows:
            feature = ogr.Feature(defn)
            for j, value in enumerate(row[: len(headers)]):
                if numeric[j]:
                    number = _number(value)
                    if number is not None:
                        feature.SetField(j, number)
                else:
                    feature.SetField(j, str(value))
            layer.CreateFeature(feature)
    ds = None
    return path


# -- GeoPackage --------------------------------------------------------------------------


def layer_table_name(name: str) -> str:
    out = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in name.strip())
    return out.strip("_")[:60] or "layer"


def write_gpkg(path: str, layers: Sequence[Tuple[str, str, str]]) -> List[str]:
    """Copy ``[(source, table name, kind)]`` into one GeoPackage (recreated). Returns the tables."""
    if os.path.exists(path):
        os.remove(path)
    written = []
    for source, name, kind in layers:
        table = layer_table_name(name)
        src = source.split("|")[0]
        if kind == "raster":
            options = gdal.TranslateOptions(
                format="GPKG",
                creationOptions=[f"RASTER_TABLE={table}", "APPEND_SUBDATASET=YES", "TILE_FORMAT=AUTO"],
            )
            with gdal_exceptions():
                if gdal.Translate(path, src, options=options) is not None:
                    written.append(table)
        else:
            options = gdal.VectorTranslateOptions(
                format="GPKG", layerName=table, accessMode="append" if os.path.exists(path) else None
            )
            with gdal_exceptions():
                if gdal.VectorTranslate(path, src, options=options) is not None:
                    written.append(table)
    return written


# -- the report ---------------------------------------------------------------------------


def report_tables(wiz) -> Dict[str, Table]:
    """Every table of the plan as (title, headers, rows) of display strings."""
    status, measures, quantities, benefits = wiz.pages[3], wiz.pages[4], wiz.pages[5], wiz.pages[6]
    return {
        "landuse": (_tr("Land use by slope class (ha)"), status.landuse_headers(), status.landuse_rows()),
        "erosion": (_tr("Soil erosion intensity"), status.erosion_headers(), status.erosion_rows()),
        "measures": (_tr("Measure layout"), measures.summary_headers(), measures.summary_rows()),
        "quantities": (
            _tr("Bill of quantities"),
            quantities.quantity_headers(),
            quantities.quantity_rows(),
        ),
        "investment": (
            _tr("Investment estimate"),
            quantities.invest_headers(),
            quantities.invest_rows(),
        ),
        "zones": (
            _tr("SWC rate by county/township"),
            status.zone_headers(),
            status.zone_rows(),
        ),
        "benefits": (_tr("Benefits"), benefits.headers(), benefits.rows()),
    }


def quantities_total(wiz):
    """The total investment in 10⁴ CNY as planquantities gives it."""
    return wiz.pages[5].total_10k()


def write_report(wiz) -> Dict[str, str]:
    """Write PDF, xlsx, GeoPackage and .qgz for the wizard's plan; returns their paths."""
    from .labels import region_label

    state = wiz.state
    base = wiz.base_path()
    outputs = {"pdf": base + ".pdf", "xlsx": base + ".xlsx", "gpkg": wiz.gpkg_path(), "qgz": base + ".qgz"}
    tabs = report_tables(wiz)
    project = QgsProject.instance()
    if project.ellipsoid().startswith("PARAMETER:"):
        # a CRS without an EPSG code gives a custom ellipsoid on which QGIS 3.22's scale bar
        # measures nothing; the plan's areas are planar in the DEM's projected CRS anyway
        project.setEllipsoid("NONE")
    layout = load_template(project)
    layout.setName(_tr("Plan report: {name}").format(name=state.get("name", "")))
    set_label(
        layout,
        "title",
        _tr("Comprehensive management plan of the {name} small watershed").format(name=state.get("name", "")),
    )
    set_label(
        layout,
        "subtitle",
        _tr("Planning period {start}–{end} · region: {region} · watershed area {area} km²").format(
            start=state.get("period_start", ""),
            end=state.get("period_end", ""),
            region=region_label(state.get("region", "")),
            area=fmt(state.get("area_km2"), 2),
        ),
    )
    set_label(layout, "heading_status", _tr("1 Status: slope classes and land use"))
    set_label(layout, "heading_erosion", _tr("2 Status: soil erosion"))
    set_label(layout, "heading_measures", _tr("3 Measure layout"))
    set_label(layout, "heading_quantities", _tr("4 Bill of quantities"))
    set_label(layout, "heading_benefits", _tr("5 Benefits"))
    set_label(layout, "heading_investment", _tr("6 Investment estimate (10⁴ CNY)"))
    before = state.get("status") or {}
    set_label(
        layout,
        "text_status",
        _tr(
            "Soil loss {loss} t/a; mean erosion modulus {mod} t/(km²·a); eroded area (light and "
            "above) {eroded} km²; soil-and-water-conservation rate {rate} % (Hebei target 2025: "
            "79.96 %)."
        ).format(
            loss=fmt(before.get("soil_loss_t"), 0),
            mod=fmt(before.get("mean_modulus"), 0),
            eroded=fmt(before.get("eroded_km2"), 3),
            rate=fmt(before.get("swc_rate"), 2),
        ),
    )
    set_label(
        layout,
        "text_benefits",
        _tr("Soil saved by the plan: {saved} t/a. Total investment: {total} ×10⁴ CNY.").format(
            saved=fmt(state.get("soil_saved"), 0), total=fmt(quantities_total(wiz), 2)
        ),
    )
    set_label(
        layout,
        "footer",
        _tr(
            "Made with SWC Planner. Unit prices and measure presets are "
            "planning defaults; check them against the current standards "
            "before approval."
        ),
    )
    for key in ("landuse", "erosion", "zones", "measures", "quantities", "benefits", "investment"):
        _title, headers, rows = tabs[key]
        if key == "zones" and not rows:  # no counties/townships given: drop the frame
            frame = layout.itemById("table_zones")
            if frame is not None:
                layout.removeLayoutItem(frame)
            continue
        set_table(layout, "table_" + key, headers, rows)
    plan = wiz.plan_layer
    ws = plan("watershed")
    extent = ws.extent() if ws is not None else QgsRectangle()
    set_map(layout, "status", [ws, plan("slope")], extent)
    set_map(layout, "erosion", [ws, plan("intensity") or plan("landuse")], extent)
    set_map(layout, "measures", [ws, plan("checkdams"), plan("siltdams"), plan("measures")], extent)
    export_pdf(layout, outputs["pdf"])
    write_xlsx(
        outputs["xlsx"],
        [
            tabs[k]
            for k in ("landuse", "erosion", "zones", "measures", "quantities", "investment", "benefits")
            if k != "zones" or tabs[k][2]
        ],
    )
    layers = [
        (info["source"], key, info["kind"])
        for key, info in state.get("layers", {}).items()
        if info.get("source") and os.path.exists(info["source"].split("|")[0])
    ]
    write_gpkg(outputs["gpkg"], layers)
    wiz.save_state()
    manager = project.layoutManager()
    old = manager.layoutByName(layout.name())
    if old is not None:
        manager.removeLayout(old)
    manager.addLayout(layout)  # the filled layout is kept in the project
    project.write(outputs["qgz"])
    return outputs
