"""Small widgets shared by the wizard pages."""

from __future__ import annotations

import os
from typing import Iterable, List, Optional, Sequence

from qgis.core import Qgis, QgsMapLayerProxyModel, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

TR_CONTEXT = "SwcPlannerWidgets"

#: QGIS ≥ 3.34 names the layer filters ``Qgis.LayerFilter``; 3.22 has ``QgsMapLayerProxyModel.Filter``.
LAYER_FILTER = getattr(Qgis, "LayerFilter", QgsMapLayerProxyModel)
ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


class LayerPicker(QWidget):
    """A project-layer combo box with a “…” button that adds a file to the project."""

    layerChanged = pyqtSignal(object)  # noqa: N815 (Qt naming)

    def __init__(self, filters, allow_empty: bool = False, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.combo = QgsMapLayerComboBox(self)
        self.combo.setFilters(Qgis.LayerFilters(filters) if hasattr(Qgis, "LayerFilters") else filters)
        self.combo.setAllowEmptyLayer(allow_empty)
        if allow_empty:
            self.combo.setLayer(None)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(_tr("Add a layer from a file"))
        self.button.clicked.connect(self.browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.button)
        self.combo.layerChanged.connect(self.layerChanged.emit)

    def layer(self):
        return self.combo.currentLayer()

    def set_layer(self, layer) -> None:
        self.combo.setLayer(layer)

    def set_source(self, source: str, name: str = "") -> None:
        """Select the project layer with that source, adding the file if needed."""
        if not source:
            self.combo.setLayer(None)
            return
        by_id = QgsProject.instance().mapLayer(source)
        if by_id is not None:
            self.combo.setLayer(by_id)
            return
        for layer in QgsProject.instance().mapLayers().values():
            if layer.source() == source:
                self.combo.setLayer(layer)
                return
        self.add_file(source, name)

    def add_file(self, path: str, name: str = ""):
        name = name or os.path.splitext(os.path.basename(path.split("|")[0]))[0]
        filters = self.combo.filters()
        layer = None
        if filters & LAYER_FILTER.RasterLayer:
            candidate = QgsRasterLayer(path, name)
            if candidate.isValid():
                layer = candidate
        if layer is None:
            candidate = QgsVectorLayer(path, name, "ogr")
            if candidate.isValid():
                layer = candidate
        if layer is None:
            return None
        QgsProject.instance().addMapLayer(layer)
        self.combo.setLayer(layer)
        return layer

    def browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self,
            _tr("Open a layer"),
            "",
            _tr("GIS files (*.tif *.tiff *.img *.gpkg *.shp *.geojson);;All files (*)"),
        )
        if path:
            self.add_file(path)


class ProgressPanel(QWidget):
    """Progress bar, current step and a Cancel button, wired to an AlgorithmRunner."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.label = QLabel(self)
        self.cancel_button = QPushButton(_tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 2)
        layout.addWidget(self.label, 3)
        layout.addWidget(self.cancel_button)
        self._runner = None

    def _detach(self) -> None:
        """Disconnect from the runner followed so far, if any."""
        if self._runner is not None:
            try:
                self._runner.progress.disconnect(self.on_progress)
                self._runner.finished.disconnect(self.on_finished)
                self.cancel_button.clicked.disconnect(self._runner.cancel)
            except TypeError:
                pass
            self._runner = None

    def attach(self, runner) -> None:
        self._detach()
        self._runner = runner
        runner.progress.connect(self.on_progress)
        runner.finished.connect(self.on_finished)
        self.cancel_button.clicked.connect(runner.cancel)
        self.cancel_button.setEnabled(True)
        self.bar.setValue(0)

    def on_progress(self, value: float, label: str) -> None:
        self.bar.setValue(int(round(value)))
        self.label.setText(label)

    def on_finished(self, ok: bool, message: str) -> None:
        self.cancel_button.setEnabled(False)
        self._detach()
        if ok:
            self.bar.setValue(100)
            self.label.setText(_tr("Finished."))
        else:
            self.label.setText(message)


def make_table(parent: Optional[QWidget] = None, editable: bool = False) -> QTableWidget:
    table = QTableWidget(parent)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    if not editable:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


def fill_table(
    table: QTableWidget, headers: Sequence[str], rows: Iterable[Sequence[str]], numeric_from: int = 1
) -> None:
    """Fill a read-only table; columns from ``numeric_from`` on are right-aligned."""
    rows = [list(r) for r in rows]
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            item = QTableWidgetItem(str(text))
            if j >= numeric_from:
                item.setTextAlignment(ALIGN_NUMBER)
            table.setItem(i, j, item)


def table_strings(table: QTableWidget) -> List[List[str]]:
    """Cell texts of a table (combo boxes read by their current data)."""
    out = []
    for i in range(table.rowCount()):
        row = []
        for j in range(table.columnCount()):
            widget = table.cellWidget(i, j)
            if isinstance(widget, QComboBox):
                row.append(str(widget.currentData() or ""))
            else:
                item = table.item(i, j)
                row.append(item.text() if item is not None else "")
        out.append(row)
    return out


def code_combo(parent: QWidget, items: Sequence[tuple], current: str = "") -> QComboBox:
    """A combo box of ``(code, label)`` items with the code as data."""
    combo = QComboBox(parent)
    for code, label in items:
        combo.addItem(label, code)
    idx = combo.findData(current)
    combo.setCurrentIndex(max(idx, 0))
    return combo
