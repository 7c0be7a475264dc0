"""The plan report: PDF from the print-layout template, xlsx tables, GeoPackage, .qgz.

* PDF: ``resources/report_template.qpt`` (seven A4 pages in the outline of GB/T 15772-2008 规划通则:
  1 基本情况, 2 水土流失现状, 3 规划布局, 4 措施与工程量, 5 投资估算, 6 效益分析, 7 实施进度, 8 保障措施)
  is loaded into a ``QgsPrintLayout``; the wizard fills its labels, maps (title, legend, scale bar, north
  arrow, CRS), and manual tables by item id and exports it with text kept as text.
* Language: the planner picks it (``language="zh"`` by default: a county submits the plan in Chinese,
  whatever the language of QGIS); while the report is written a translator for that language is
  installed (Chinese: read from ``i18n/swc_planner_zh_CN.ts``, always in step with the code; English:
  the source strings).
* xlsx: one sheet per table, written with OGR's XLSX driver (no openpyxl).
* GeoPackage: every layer of the plan group (vectors as layers, rasters as raster tables).
* .qgz: the QGIS project with the filled layout and the wizard state in it.

Every number printed is an algorithm output (the wizard's state holds the rows the algorithms wrote),
formatted by :func:`.labels.fmt`.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import xml.etree.ElementTree as ET
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from osgeo import gdal, ogr
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
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
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..algorithms.core.errors import InputError
from ..algorithms.core.io import gdal_exceptions, xlsx
from ..algorithms.core.planning import catalogue as plan
from .labels import fmt, intensity_label, landuse_label, layer_name, measure_label, region_label

HERE = os.path.dirname(os.path.abspath(__file__))
PLUGIN_DIR = os.path.dirname(HERE)
TEMPLATE = os.path.join(PLUGIN_DIR, "resources", "report_template.qpt")
TS_ZH = os.path.join(PLUGIN_DIR, "i18n", "swc_planner_zh_CN.ts")
FONT_FAMILY = "WenQuanYi Micro Hei"
LANGUAGES = ("zh", "en")

TR_CONTEXT = "PlanReport"

Table = Tuple[str, List[str], List[List[str]]]  # (title, headers, rows)


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


# -- language -------------------------------------------------------------------------------


class _SourceTranslator(QTranslator):
    """Answers every string with its English source (an English report in a Chinese QGIS)."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 - Qt override
        return source_text

    def isEmpty(self):  # noqa: N802 - Qt override
        return False


class _TsTranslator(QTranslator):
    """Translations read from a Qt .ts file (finished messages only), by context and source."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.messages: Dict[Tuple[str, str], str] = {}
        root = ET.parse(path).getroot()
        for ctx in root.iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not tr.text:
                    continue
                self.messages[(name, msg.findtext("source") or "")] = tr.text

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 - Qt override
        return self.messages.get((context, source_text))  # None: a null QString, the next translator answers

    def isEmpty(self):  # noqa: N802 - Qt override
        return not self.messages


@contextlib.contextmanager
def report_language(language: str) -> Iterator[None]:
    """Install the translator of ``language`` (``zh`` or ``en``) while the report is written."""
    translator: QTranslator = _TsTranslator(TS_ZH) if language == "zh" else _SourceTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


# -- template -------------------------------------------------------------------------

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
PORTRAIT = QgsLayoutItemPage.Orientation.Portrait

#: (page, id, kind, x, y, w, h, font size) of the template's items.
_MAP_BLOCK = [  # (suffix, kind, dx, dy, w, h, size) relative to the map's top left (15, y0)
    ("maptitle", "label", 0, -7, 125, 6, 9),
    ("map", "map", 0, 0, 125, 105, 0),
    ("legend", "legend", 128, 0, 52, 80, 0),
    ("north", "picture", 109, 2, 14, 18, 0),
    ("scalebar", "scalebar", 0, 107, 70, 10, 0),
    ("crs", "label", 75, 108, 105, 9, 7),
]


def _map_block(
    page: int, key: str, y0: float
) -> List[Tuple[int, str, str, float, float, float, float, float]]:
    return [
        (page, f"{suffix}_{key}", kind, 15 + dx, y0 + dy, w, h, size)
        for suffix, kind, dx, dy, w, h, size in _MAP_BLOCK
    ]


TEMPLATE_ITEMS = (
    [
        (0, "title", "label", 15, 10, 180, 14, 16),
        (0, "subtitle", "label", 15, 25, 180, 17, 8),
        (0, "heading_basic", "label", 15, 43, 180, 7, 12),
        (0, "text_basic", "label", 15, 51, 180, 18, 9),
    ]
    + _map_block(0, "landuse", 78)
    + [
        (0, "tabletitle_landuse", "label", 15, 197, 180, 6, 9),
        (0, "table_landuse", "table", 15, 204, 180, 80, 7),
        (1, "heading_erosion", "label", 15, 12, 180, 7, 12),
    ]
    + _map_block(1, "erosion", 29)
    + [
        (1, "tabletitle_erosion", "label", 15, 149, 85, 6, 9),
        (1, "table_erosion", "table", 15, 156, 85, 50, 8),
        (1, "text_status", "label", 105, 149, 90, 57, 9),
        (1, "tabletitle_zones", "label", 15, 210, 180, 6, 9),
        (1, "table_zones", "table", 15, 217, 180, 65, 8),
        (2, "heading_layout", "label", 15, 12, 180, 7, 12),
    ]
    + _map_block(2, "measures", 29)
    + [
        (2, "tabletitle_measures", "label", 15, 149, 180, 6, 9),
        (2, "table_measures", "table", 15, 156, 180, 62, 7),
        (2, "tabletitle_excluded", "label", 15, 221, 180, 6, 9),
        (2, "table_excluded", "table", 15, 228, 180, 55, 7),
        (3, "heading_quantities", "label", 15, 12, 180, 7, 12),
        (3, "tabletitle_quantities", "label", 15, 21, 180, 6, 9),
        (3, "table_quantities", "table", 15, 28, 180, 110, 7),
        (3, "tabletitle_siltdams", "label", 15, 142, 180, 6, 9),
        (3, "table_siltdams", "table", 15, 149, 180, 62, 7),
        (3, "text_dams", "label", 15, 214, 180, 40, 8),
        (4, "heading_investment", "label", 15, 12, 180, 7, 12),
        (4, "tabletitle_investment", "label", 15, 21, 180, 6, 9),
        (4, "table_investment", "table", 15, 28, 180, 150, 7),
        (4, "text_investment", "label", 15, 182, 180, 45, 8),
        (5, "heading_benefits", "label", 15, 12, 180, 7, 12),
        (5, "tabletitle_basic", "label", 15, 21, 180, 6, 9),
        (5, "table_basic", "table", 15, 28, 180, 55, 7),
        (5, "tabletitle_economic", "label", 15, 86, 180, 6, 9),
        (5, "table_economic", "table", 15, 93, 180, 52, 7),
        (5, "tabletitle_ecological", "label", 15, 148, 180, 6, 9),
        (5, "table_ecological", "table", 15, 155, 180, 50, 7),
        (5, "tabletitle_social", "label", 15, 208, 90, 6, 9),
        (5, "table_social", "table", 15, 215, 90, 45, 7),
        (5, "text_benefits", "label", 110, 208, 85, 72, 8),
        (6, "heading_schedule", "label", 15, 12, 180, 7, 12),
        (6, "tabletitle_schedule", "label", 15, 21, 180, 6, 9),
        (6, "table_schedule", "table", 15, 28, 180, 120, 7),
        (6, "heading_safeguards", "label", 15, 153, 180, 7, 12),
        (6, "text_safeguards", "label", 15, 162, 180, 105, 9),
        (6, "footer", "label", 15, 270, 180, 15, 7),
    ]
)
N_PAGES = 7
MAP_KEYS = ("landuse", "erosion", "measures")


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
            font.setBold(item_id.startswith(("title", "heading", "maptitle", "tabletitle")))
            item.setFont(font)
        elif kind == "map":
            item = QgsLayoutItemMap(layout)
            item.setFrameEnabled(True)
            maps[item_id.split("_", 1)[1]] = item
        elif kind == "legend":
            item = QgsLayoutItemLegend(layout)
            item.setTitle("")
            item.setStyleFont(QgsLegendStyle_Item(), QFont(FONT_FAMILY, 7))
        elif kind == "picture":
            item = QgsLayoutItemPicture(layout)
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
        if kind in ("legend", "scalebar", "picture"):
            item = layout.itemById(item_id)
            key = item_id.split("_", 1)[1]
            if key in maps:
                item.setLinkedMap(maps[key])
    layout.saveAsTemplate(path, QgsReadWriteContext())
    return path


def QgsLegendStyle_Item():  # noqa: N802 - small shim for readability
    from qgis.core import QgsLegendStyle

    return QgsLegendStyle.Style.SymbolLabel


def QgsLegendStyle_Title():  # noqa: N802
    from qgis.core import QgsLegendStyle

    return QgsLegendStyle.Style.Title


def QgsLegendStyle_Group():  # noqa: N802
    from qgis.core import QgsLegendStyle

    return QgsLegendStyle.Style.Subgroup


def legend_font(legend: QgsLayoutItemLegend, style, size: float) -> None:
    """The report font at ``size`` pt for a legend style (text formats from QGIS 3.30, fonts before)."""
    rstyle = legend.rstyle(style)
    if hasattr(rstyle, "setTextFormat"):
        text_format = rstyle.textFormat()
        text_format.setFont(QFont(FONT_FAMILY))
        text_format.setSize(size)
        text_format.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
        rstyle.setTextFormat(text_format)
    else:
        legend.setStyleFont(style, QFont(FONT_FAMILY, int(size)))


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


def north_arrow_svg(work_dir: str) -> str:
    """The north arrow: QGIS's own SVG when installed, else a plain one written to ``work_dir``."""
    for folder in QgsApplication.svgPaths():
        path = os.path.join(folder, "arrows", "NorthArrow_02.svg")
        if os.path.exists(path):
            return path
    path = os.path.join(work_dir, "north_arrow.svg")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(
            '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="60" viewBox="0 0 40 60">'
            '<polygon points="20,4 34,50 20,40 6,50" fill="#000"/>'
            '<text x="20" y="60" font-size="12" text-anchor="middle" font-family="sans-serif">N</text></svg>'
        )
    return path


def relabel_paletted(layer: Optional[QgsMapLayer], labels: Dict[int, str]) -> None:
    """Class labels of a paletted raster in the report's language (legends read them)."""
    from qgis.core import QgsPalettedRasterRenderer, QgsRasterLayer

    if not isinstance(layer, QgsRasterLayer):
        return
    renderer = layer.renderer()
    if not isinstance(renderer, QgsPalettedRasterRenderer):
        return
    classes = renderer.classes()
    for c in classes:
        if int(c.value) in labels:
            c.label = labels[int(c.value)]
    band = renderer.inputBand() if hasattr(renderer, "inputBand") else renderer.band()  # band(): QGIS < 3.38
    new = QgsPalettedRasterRenderer(layer.dataProvider(), band, classes)
    new.setOpacity(renderer.opacity())
    layer.setRenderer(new)
    layer.triggerRepaint()


def set_map(
    layout: QgsLayout,
    key: str,
    layers: Sequence[Tuple[Optional[QgsMapLayer], str]],
    extent: QgsRectangle,
    title: str,
    north_svg: str,
) -> None:
    """Fill map ``key``: its layers (with their legend names), title, legend, scale bar, north arrow, CRS."""
    layers = [(layer, name) for layer, name in layers if layer is not None and layer.isValid()]
    item = layout.itemById("map_" + key)
    if not isinstance(item, QgsLayoutItemMap):
        return
    item.setLayers([layer for layer, _n in layers])
    item.setKeepLayerSet(True)
    crs = layers[-1][0].crs() if layers else None
    if crs is not None:
        item.setCrs(crs)
    ext = QgsRectangle(extent)
    ext.scale(1.05)
    item.zoomToExtent(ext)
    set_label(layout, "maptitle_" + key, title)
    legend = layout.itemById("legend_" + key)
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setAutoUpdateModel(False)
        legend.setTitle(_tr("Legend"))
        legend_font(legend, QgsLegendStyle_Title(), 10)
        legend_font(legend, QgsLegendStyle_Group(), 8)
        root = legend.model().rootGroup()
        root.clear()
        for layer, name in layers:
            node = root.addLayer(layer)
            node.setCustomProperty("legend/title-label", name)
            hide_band_node(legend, node)
            name_single_symbol(legend, node, name)
        legend.updateLegend()
    north = layout.itemById("north_" + key)
    if isinstance(north, QgsLayoutItemPicture):
        north.setPicturePath(north_svg)
        north.setLinkedMap(item)
    if crs is not None:
        set_label(
            layout,
            "crs_" + key,
            _tr("Coordinate system: {name} ({authid})").format(
                name=crs.description(), authid=crs.authid() or "–"
            ),
        )
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

    if node is None or not isinstance(node.layer(), QgsRasterLayer):
        return
    model = legend.model()
    nodes = model.layerLegendNodes(node)
    if len(nodes) > 1 and str(nodes[0].data(Qt.ItemDataRole.DisplayRole)).startswith("Band"):
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, len(nodes))))
        model.refreshLayerLegend(node)


def name_single_symbol(legend: QgsLayoutItemLegend, node, name: str) -> None:
    """A vector layer drawn with one symbol shows its name beside the symbol: the report's name."""
    from qgis.core import QgsMapLayerLegendUtils, QgsVectorLayer

    if node is None or not isinstance(node.layer(), QgsVectorLayer):
        return
    model = legend.model()
    if len(model.layerLegendNodes(node)) == 1:
        QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, 0, name)
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
        return float(str(text).replace(",", "").replace("%", "").strip())
    except ValueError:
        return None


def write_xlsx(path: str, sheets: Sequence[Table]) -> str:
    """Tables as sheets of an xlsx workbook (OGR XLSX driver); numeric columns as numbers."""
    typed = []
    for title, headers, rows in sheets:
        numeric = []
        for j, _header in enumerate(headers):
            values = [row[j] for row in rows if j < len(row) and str(row[j]).strip() not in ("", "–")]
            parsed = [v for v in values if _number(v) is not None]
            # numeric when most cells are numbers; the others (e.g. "not computed") stay empty
            numeric.append(j > 0 and bool(values) and 2 * len(parsed) >= len(values))
        columns = [(h, ogr.OFTReal if num else ogr.OFTString) for h, num in zip(headers, numeric)]
        cells = [
            [_number(v) if numeric[j] else str(v) for j, v in enumerate(row[: len(headers)])] for row in rows
        ]
        typed.append((title, columns, cells))
    try:
        return xlsx.write_xlsx(path, typed)
    except InputError:
        raise RuntimeError(_tr("The workbook {path} cannot be created.").format(path=path)) from None


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

#: Tables of the report in order: (key, the page methods giving headers and rows).
TABLE_KEYS = (
    "landuse",
    "erosion",
    "zones",
    "measures",
    "excluded",
    "quantities",
    "siltdams",
    "investment",
    "schedule",
    "benefits",
    "basic",
    "economic",
    "ecological",
    "social",
    "prices",
)


def report_tables(wiz) -> Dict[str, Table]:
    """Every table of the plan as (title, headers, rows) of display strings (in the installed language)."""
    status, measures, quantities, benefits = wiz.pages[3], wiz.pages[4], wiz.pages[5], wiz.pages[6]
    prices = [
        [
            r.get("item", ""),
            str(r.get("unit", "")),
            fmt(r.get("price")) if isinstance(r.get("price"), (int, float)) else str(r.get("price", "")),
            str(r.get("source", "")),
            str(r.get("region", "")),
            str(r.get("year", "")),
        ]
        for r in wiz.state.get("price_rows", [])
    ]
    return {
        "landuse": (_tr("Land use by slope class (ha)"), status.landuse_headers(), status.landuse_rows()),
        "erosion": (_tr("Soil erosion intensity"), status.erosion_headers(), status.erosion_rows()),
        "zones": (_tr("SWC rate by county/township"), status.zone_headers(), status.zone_rows()),
        "measures": (_tr("Measure layout"), measures.summary_headers(), measures.summary_rows()),
        "excluded": (
            _tr("Areas excluded by the eligibility rules"),
            measures.excluded_headers(),
            measures.excluded_rows(),
        ),
        "quantities": (_tr("Bill of quantities"), quantities.quantity_headers(), quantities.quantity_rows()),
        "siltdams": (_tr("Silt-trap dams (淤地坝)"), measures.siltdam_headers(), measures.siltdam_rows()),
        "investment": (_tr("Investment estimate"), quantities.invest_headers(), quantities.invest_rows()),
        "schedule": (
            _tr("Implementation schedule by year"),
            quantities.schedule_headers(),
            quantities.schedule_rows(),
        ),
        "benefits": (_tr("Benefits"), benefits.headers(), benefits.rows()),
        "basic": (
            _tr("Basic benefit: soil and water retained"),
            benefits.class_headers("basic"),
            benefits.class_rows("basic"),
        ),
        "economic": (
            _tr("Economic benefit"),
            benefits.class_headers("economic"),
            benefits.class_rows("economic"),
        ),
        "ecological": (
            _tr("Ecological benefit"),
            benefits.class_headers("ecological"),
            benefits.class_rows("ecological"),
        ),
        "social": (_tr("Social benefit"), benefits.class_headers("social"), benefits.class_rows("social")),
        "prices": (
            _tr("Unit prices and their sources"),
            [_tr("Item"), _tr("Unit"), _tr("Unit price (CNY)"), _tr("Source"), _tr("Region"), _tr("Year")],
            prices,
        ),
    }


def quantities_total(wiz):
    """The total investment in 10⁴ CNY as planquantities gives it."""
    return wiz.pages[5].total_10k()


def _row_value(rows, key, column, where="INDICATOR"):
    for r in rows or []:
        if r.get(where) == key:
            return r.get(column)
    return None


def report_texts(wiz) -> Dict[str, str]:
    """The paragraphs of the report (in the installed language), every number from the state."""
    state = wiz.state
    before = state.get("status") or {}
    landuse = {(r["LANDUSE"], int(r["CLASS"])): r for r in state.get("landuse_areas", [])}
    land = landuse.get(("total", 0), {}).get("AREA_HA")
    shares = [
        _tr("{landuse} {pct} %").format(landuse=landuse_label(lu), pct=fmt(landuse[(lu, 0)]["PCT"], 1))
        for lu, _v in plan.LANDUSE_CATEGORIES
        if (lu, 0) in landuse
    ]
    texts = {
        "basic": _tr(
            "The {name} small watershed (code {code}, SL 653-2013) lies in {county}; its area is {area} km², of "
            "which {land} ha have land-use data: {shares}. Planning period {start}–{end}; measures allocated "
            "with the {region} preset and the eligibility rules of the plan."
        ).format(
            name=state.get("name", ""),
            code=state.get("ws_code") or _tr("not given"),
            county=state.get("county") or _tr("(county not given)"),
            area=fmt(state.get("area_km2"), 2),
            land=fmt(land, 2),
            shares=", ".join(shares),
            start=state.get("period_start", ""),
            end=state.get("period_end", ""),
            region=region_label(state.get("region", "")),
        ),
        "status": _tr(
            "Soil loss {loss} t/a; mean erosion modulus {mod} t/(km²·a); eroded area (light and above) "
            "{eroded} km²; soil-and-water-conservation rate {rate} % (Hebei target 2025: 79.96 %)."
        ).format(
            loss=fmt(before.get("soil_loss_t"), 0),
            mod=fmt(before.get("mean_modulus"), 0),
            eroded=fmt(before.get("eroded_km2"), 3),
            rate=fmt(before.get("swc_rate"), 2),
        ),
    }
    dams = state.get("siltdam_rows", [])
    checks = state.get("checkdam_rows", [])
    texts["dams"] = _tr(
        "{silt} silt-trap dams (淤地坝) sited by storage need: the sediment of the control area over the "
        "design life, from the status soil loss; each needs outlet works that drain the detained flood "
        "within 7 days (GB 51018-2014 §7.1.5). {check} check dams (谷坊) in the small, steep gullies."
    ).format(silt=len(dams), check=fmt(checks[0]["DAMS"], 0) if checks else "–")
    inv = state.get("investment_rows", [])
    texts["investment"] = _tr(
        "Total investment {total} ×10⁴ CNY, by the parts of the 水土保持工程概(估)算编制规定: independent "
        "costs {ind} % of parts 1–3, basic contingency {cont} % of parts 1–4. {n} priced items use "
        "placeholder prices (marked in the table): replace them with the current Hebei norms before the "
        "plan is submitted."
    ).format(
        total=fmt(quantities_total(wiz), 2),
        ind=fmt(_row_value(inv, "independent", "PRICE", "PART"), 1),
        cont=fmt(_row_value(inv, "contingency", "PRICE", "PART"), 1),
        n=fmt(state.get("placeholders"), 0),
    )
    numbers = state.get("benefit_numbers") or {}
    eco = (state.get("benefit_tables") or {}).get("ecological", [])
    texts["benefits"] = _tr(
        "Soil saved by the plan: {saved} t/a; water retained: {water} m³/a; economic benefit: {econ} ×10⁴ "
        "CNY/a. Erosion treatment degree {degree} %; forest and grass cover {cb} % → {ca} %; "
        "soil-and-water-conservation rate {rb} % → {ra} %."
    ).format(
        saved=fmt(state.get("soil_saved"), 0),
        water=fmt(numbers.get("WATER_RETAINED"), 0),
        econ=fmt(numbers["ECONOMIC_VALUE"] / 1e4 if numbers.get("ECONOMIC_VALUE") is not None else None, 2),
        degree=fmt(numbers.get("TREATMENT_DEGREE"), 2),
        cb=fmt(numbers.get("COVER_BEFORE"), 2),
        ca=fmt(numbers.get("COVER_AFTER"), 2),
        rb=fmt(_row_value(eco, "swc_rate", "BEFORE"), 2),
        ra=fmt(_row_value(eco, "swc_rate", "AFTER"), 2),
    )
    texts["safeguards"] = "\n".join(
        [
            _tr(
                "Organisation: the county government leads; the water resources bureau implements the plan "
                "with the natural resources, agriculture and forestry bureaus and the townships."
            ),
            _tr(
                "Technology: designs and construction follow GB 51018-2014 and GB/T 16453; works are "
                "supervised, inspected and accepted by stage; the unit prices are replaced by the current "
                "Hebei norms before approval."
            ),
            _tr(
                "Funds: the investment is raised from the central and provincial soil and water "
                "conservation funds, county matching funds and the beneficiaries' labour, and used for the "
                "works of this plan only."
            ),
            _tr(
                "Management: every work has a manager and maintenance rules after acceptance; enclosed "
                "land is marked and patrolled; silt-trap dams are inspected before the flood season."
            ),
            _tr(
                "Monitoring: soil loss, the soil-and-water-conservation rate and the benefits are monitored "
                "every year and reported to the provincial platform."
            ),
        ]
    )
    return texts


def _map_layers(wiz):
    plan_layer = wiz.plan_layer
    ws = plan_layer("watershed")

    def named(key):
        return (plan_layer(key), layer_name(key))

    return ws, {
        "landuse": [named("watershed"), named("landuse")],
        "erosion": [named("watershed"), named("intensity")],
        "measures": [
            named("watershed"),
            named("siltdams"),
            named("checkdams"),
            named("siltdam_silt"),
            named("excluded"),
            named("measures"),
        ],
    }


def write_report(wiz, language: str = "zh") -> Dict[str, str]:
    """Write PDF, xlsx, GeoPackage and .qgz for the wizard's plan in ``language``; returns their paths."""
    if language not in LANGUAGES:
        language = "zh"
    with report_language(language):
        return _write_report(wiz)


def _write_report(wiz) -> Dict[str, str]:
    state = wiz.state
    base = wiz.base_path()
    outputs = {"pdf": base + ".pdf", "xlsx": base + ".xlsx", "gpkg": wiz.gpkg_path(), "qgz": base + ".qgz"}
    tabs = report_tables(wiz)
    texts = report_texts(wiz)
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
        _tr(
            "Watershed code (SL 653-2013): {code} · {county} · planning period {start}–{end} · region: {region} "
            "· watershed area {area} km²\nPrepared by {author} · {date}"
        ).format(
            code=state.get("ws_code") or _tr("not given"),
            county=state.get("county") or _tr("(county not given)"),
            start=state.get("period_start", ""),
            end=state.get("period_end", ""),
            region=region_label(state.get("region", "")),
            area=fmt(state.get("area_km2"), 2),
            author=state.get("author") or "–",
            date=datetime.date.today().isoformat(),
        ),
    )
    headings = {
        "heading_basic": _tr("1 Basic conditions"),
        "heading_erosion": _tr("2 Soil erosion status"),
        "heading_layout": _tr("3 Plan layout"),
        "heading_quantities": _tr("4 Measures and quantities"),
        "heading_investment": _tr("5 Investment estimate"),
        "heading_benefits": _tr("6 Benefit analysis (GB/T 15774-2008)"),
        "heading_schedule": _tr("7 Implementation schedule"),
        "heading_safeguards": _tr("8 Safeguards"),
    }
    for item_id, text in headings.items():
        set_label(layout, item_id, text)
    set_label(layout, "text_basic", texts["basic"])
    set_label(layout, "text_status", texts["status"])
    set_label(layout, "text_dams", texts["dams"])
    set_label(layout, "text_investment", texts["investment"])
    set_label(layout, "text_benefits", texts["benefits"])
    set_label(layout, "text_safeguards", texts["safeguards"])
    set_label(
        layout,
        "footer",
        _tr(
            "Made with SWC Planner. Unit prices, benefit rates, yields and measure presets are "
            "planning defaults (placeholders are marked); check them against the current standards "
            "and the Hebei norms before approval."
        ),
    )
    numbered = [
        ("landuse", 1),
        ("erosion", 2),
        ("zones", 3),
        ("measures", 4),
        ("excluded", 5),
        ("quantities", 6),
        ("siltdams", 7),
        ("investment", 8),
        ("basic", 9),
        ("economic", 10),
        ("ecological", 11),
        ("social", 12),
        ("schedule", 13),
    ]
    for key, number in numbered:
        title, headers, rows = tabs[key]
        if key == "zones" and not rows:  # no counties/townships given: drop the frame
            for item_id in ("table_zones", "tabletitle_zones"):
                item = layout.itemById(item_id)
                if item is not None:
                    layout.removeLayoutItem(item)
            continue
        set_label(layout, "tabletitle_" + key, _tr("Table {n} {title}").format(n=number, title=title))
        set_table(layout, "table_" + key, headers, rows)
    ws, layers = _map_layers(wiz)
    relabel_paletted(
        wiz.plan_layer("measures"),
        {v: measure_label(c) for c, v, _k in plan.MEASURES if v < plan.MEASURE_NODATA},
    )
    relabel_paletted(wiz.plan_layer("landuse"), {v: landuse_label(c) for c, v in plan.LANDUSE_CATEGORIES})
    relabel_paletted(
        wiz.plan_layer("intensity"), {k: intensity_label(k) for k in range(1, plan.INTENSITY_CLASSES + 1)}
    )
    extent = ws.extent() if ws is not None else QgsRectangle()
    north = north_arrow_svg(wiz.work_dir())
    titles = {
        "landuse": _tr("Figure 1 Land use"),
        "erosion": _tr("Figure 2 Soil erosion intensity"),
        "measures": _tr("Figure 3 Measure layout"),
    }
    for key in MAP_KEYS:
        set_map(layout, key, layers[key], extent, titles[key], north)
    export_pdf(layout, outputs["pdf"])
    write_xlsx(outputs["xlsx"], [tabs[k] for k in TABLE_KEYS if k != "zones" or tabs[k][2]])
    gpkg_layers = [
        (info["source"], key, info["kind"])
        for key, info in state.get("layers", {}).items()
        if info.get("source") and os.path.exists(info["source"].split("|")[0])
    ]
    write_gpkg(outputs["gpkg"], gpkg_layers)
    wiz.save_state()
    manager = project.layoutManager()
    old = manager.layoutByName(layout.name())
    if old is not None:
        manager.removeLayout(old)
    manager.addLayout(layout)  # the filled layout is kept in the project
    project.write(outputs["qgz"])
    return outputs
