"""Wizard pages 1–3: project, watershed, data."""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapToolEmitPoint
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from ..algorithms.base import tr_with_bases
from ..algorithms.core.planning.catalogue import LANDUSE_CATEGORIES, REGIONS, SMALL_WATERSHED_KM2
from ..algorithms.core.planning.landuse import category_for, normalise_code
from ..algorithms.core.planning.tables import TABLE_DIR, load_categories
from ..algorithms.outputs import FIELD_INT
from . import jobs
from .labels import landuse_label, region_label
from .runner import Step
from .widgets import LayerPicker, ProgressPanel, code_combo, make_table, table_strings

_FILTER = getattr(Qgis, "LayerFilter", QgsMapLayerProxyModel)  # QGIS ≥ 3.34: Qgis.LayerFilter
RASTER = _FILTER.RasterLayer
POLYGON = _FILTER.PolygonLayer
POINT = _FILTER.PointLayer
TABLE_OR_VECTOR = _FILTER.VectorLayer  # daily-rainfall tables (CSV, xlsx) load as vector layers
_POLYGON_GEOMETRY = QgsWkbTypes.GeometryType.PolygonGeometry


def layer_ref(layer) -> str:
    """How a layer is passed to Processing: its file source, or its id for memory/DB layers."""
    if layer is None:
        return ""
    if layer.providerType() in ("ogr", "gdal"):
        return layer.source()
    return layer.id()


class PlanningPage(QWizardPage):
    """Base page: translation with class context, access to the wizard and its state."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard

    def tr(self, text: str) -> str:  # noqa: D401 - Qt name
        return tr_with_bases(self, text, QWizardPage)

    @property
    def state(self) -> Dict[str, Any]:
        return self.wiz.state

    def restore(self) -> None:
        """Fill the widgets from the saved state (on resume)."""

    def busy(self) -> bool:
        return self.wiz.runner.running

    def run_row(self, label: str) -> QHBoxLayout:
        """``self.run_button`` (wired to ``self.run``) beside ``self.progress``, as a row."""
        self.run_button = QPushButton(label, self)
        self.progress = ProgressPanel(self)
        self.run_button.clicked.connect(self.run)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.progress, 1)
        return row

    def run_steps(self, steps: List[Step], panel: ProgressPanel, on_done) -> None:
        """Run a job with ``panel`` showing progress; ``on_done(ok, message)`` afterwards."""
        runner = self.wiz.runner
        if runner.running:
            return

        def finished(ok: bool, message: str) -> None:
            runner.finished.disconnect(finished)
            on_done(ok, message)
            self.completeChanged.emit()

        panel.attach(runner)
        runner.finished.connect(finished)
        runner.start(steps, self.state.setdefault("results", {}))


# -- 1 project ----------------------------------------------------------------------


class ProjectPage(PlanningPage):
    """Name, planning period, output GeoPackage, region preset."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("1. Project"))
        self.setSubTitle(
            self.tr(
                "Name the plan, its period and where the results go, and choose "
                "the region whose measure preset fits the watershed."
            )
        )
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. Xiaohe small watershed"))
        self.start_spin = QSpinBox(self)
        self.start_spin.setRange(2000, 2100)
        self.start_spin.setValue(2026)
        self.end_spin = QSpinBox(self)
        self.end_spin.setRange(2000, 2100)
        self.end_spin.setValue(2030)
        self.gpkg_widget = QgsFileWidget(self)
        self.gpkg_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.gpkg_widget.setFilter(self.tr("GeoPackage (*.gpkg)"))
        self.region_combo = QComboBox(self)
        for code in REGIONS:
            self.region_combo.addItem(region_label(code), code)
        self.region_combo.setCurrentIndex(1)
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText(
            self.tr("e.g. the code of the watershed in the provincial register")
        )
        self.code_edit.setToolTip(
            self.tr(
                "The small-watershed code of SL 653-2013 (小流域划分及编码规范), as the provincial "
                "small-watershed register gives it; printed in the report."
            )
        )
        self.county_edit = QLineEdit(self)
        self.county_edit.setPlaceholderText(self.tr("e.g. 易县"))
        self.author_edit = QLineEdit(self)
        self.author_edit.setPlaceholderText(self.tr("e.g. 易县水利局"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        period = QHBoxLayout()
        period.addWidget(self.start_spin)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.end_spin)
        period.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Plan name"), self.name_edit)
        form.addRow(self.tr("Planning period"), period)
        form.addRow(self.tr("Output GeoPackage"), self.gpkg_widget)
        form.addRow(self.tr("Region preset"), self.region_combo)
        form.addRow(self.tr("Watershed code (SL 653-2013)"), self.code_edit)
        form.addRow(self.tr("County"), self.county_edit)
        form.addRow(self.tr("Prepared by"), self.author_edit)
        form.addRow(self.hint)
        self.name_edit.textChanged.connect(self.completeChanged)
        self.gpkg_widget.fileChanged.connect(self.completeChanged)
        self.gpkg_widget.fileChanged.connect(self._update_hint)
        self.start_spin.valueChanged.connect(self.completeChanged)
        self.end_spin.valueChanged.connect(self.completeChanged)

    def _update_hint(self) -> None:
        path = self.gpkg_path()
        if path:
            base = os.path.splitext(path)[0]
            self.hint.setText(
                self.tr("The report goes to {pdf}, the tables to {xlsx} and the project to {qgz}.").format(
                    pdf=base + ".pdf", xlsx=base + ".xlsx", qgz=base + ".qgz"
                )
            )

    def gpkg_path(self) -> str:
        path = self.gpkg_widget.filePath().strip()
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return path

    def isComplete(self) -> bool:  # noqa: N802
        return (
            bool(self.name_edit.text().strip())
            and bool(self.gpkg_path())
            and self.end_spin.value() >= self.start_spin.value()
        )

    def validatePage(self) -> bool:  # noqa: N802
        folder = os.path.dirname(self.gpkg_path()) or "."
        if not os.path.isdir(folder):
            self.hint.setText(
                self.tr(
                    "The folder {folder} does not exist: choose another place for the GeoPackage."
                ).format(folder=folder)
            )
            return False
        self.state.update(
            {
                "name": self.name_edit.text().strip(),
                "period_start": self.start_spin.value(),
                "period_end": self.end_spin.value(),
                "gpkg": os.path.abspath(self.gpkg_path()),
                "region": self.region_combo.currentData(),
                "ws_code": self.code_edit.text().strip(),
                "county": self.county_edit.text().strip(),
                "author": self.author_edit.text().strip(),
            }
        )
        self.wiz.work_dir()
        self.wiz.save_state()
        return True

    def restore(self) -> None:
        self.name_edit.setText(self.state.get("name", ""))
        self.start_spin.setValue(int(self.state.get("period_start", 2026)))
        self.end_spin.setValue(int(self.state.get("period_end", 2030)))
        self.gpkg_widget.setFilePath(self.state.get("gpkg", ""))
        idx = self.region_combo.findData(self.state.get("region", "yanshan"))
        self.region_combo.setCurrentIndex(max(idx, 0))
        self.code_edit.setText(self.state.get("ws_code", ""))
        self.county_edit.setText(self.state.get("county", ""))
        self.author_edit.setText(self.state.get("author", ""))


# -- 2 watershed --------------------------------------------------------------------


class OutletTool(QgsMapToolEmitPoint):
    """Map tool: one click sets the outlet."""

    picked = pyqtSignal(object, object)  # QgsPointXY, QgsCoordinateReferenceSystem

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.canvas_ = canvas
        self.canvasClicked.connect(self._clicked)

    def _clicked(self, point, _button) -> None:
        self.picked.emit(QgsPointXY(point), self.canvas_.mapSettings().destinationCrs())


class WatershedPage(PlanningPage):
    """DEM, then an outlet clicked on the map (snapped) or an existing polygon."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("2. Watershed"))
        self.setSubTitle(
            self.tr(
                "Choose the DEM, then click the watershed outlet on the map (it "
                "is snapped to the channel) or use an existing watershed polygon."
            )
        )
        self.dem_picker = LayerPicker(RASTER, parent=self)
        self.outlet_radio = QRadioButton(self.tr("Outlet on the map"), self)
        self.polygon_radio = QRadioButton(self.tr("Existing watershed polygon"), self)
        self.outlet_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.outlet_radio)
        self.mode_group.addButton(self.polygon_radio)
        self.pick_button = QPushButton(self.tr("Click the outlet on the map…"), self)
        self.outlet_label = QLabel(self.tr("No outlet yet."), self)
        self.snap_spin = QDoubleSpinBox(self)
        self.snap_spin.setRange(0, 5000)
        self.snap_spin.setValue(100)
        self.snap_spin.setSuffix(" m")
        self.polygon_picker = LayerPicker(POLYGON, allow_empty=True, parent=self)
        self.run_button = QPushButton(self.tr("Delineate the watershed"), self)
        self.progress = ProgressPanel(self)
        self.area_label = QLabel(self)
        self.warn_label = QLabel(self)
        self.warn_label.setWordWrap(True)
        self.warn_label.setStyleSheet("color: #b35900")
        outlet_row = QHBoxLayout()
        outlet_row.addWidget(self.pick_button)
        outlet_row.addWidget(self.outlet_label, 1)
        form = QFormLayout()
        form.addRow(self.tr("DEM (projected, metres)"), self.dem_picker)
        form.addRow(self.outlet_radio)
        form.addRow(outlet_row)
        form.addRow(self.tr("Snap distance"), self.snap_spin)
        form.addRow(self.polygon_radio)
        form.addRow(self.tr("Watershed polygon"), self.polygon_picker)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.run_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.area_label)
        layout.addWidget(self.warn_label)
        layout.addStretch(1)
        self.tool: Optional[OutletTool] = None
        self.outlet: Optional[Tuple[float, float]] = None
        self.pick_button.clicked.connect(self.start_picking)
        self.run_button.clicked.connect(self.run)
        self.outlet_radio.toggled.connect(self._mode_changed)
        self._mode_changed()

    def _mode_changed(self) -> None:
        outlet = self.outlet_radio.isChecked()
        self.pick_button.setEnabled(outlet)
        self.snap_spin.setEnabled(outlet)
        self.polygon_picker.setEnabled(not outlet)
        self.run_button.setText(self.tr("Delineate the watershed") if outlet else self.tr("Use this polygon"))

    def dem_crs(self) -> Optional[QgsCoordinateReferenceSystem]:
        layer = self.dem_picker.layer()
        return layer.crs() if layer is not None else None

    def start_picking(self) -> None:
        canvas = self.wiz.canvas()
        if canvas is None:
            return
        self.tool = OutletTool(canvas)
        self.tool.picked.connect(self.set_outlet)
        canvas.setMapTool(self.tool)
        self.outlet_label.setText(self.tr("Click the outlet on the map canvas."))

    def set_outlet(self, point: QgsPointXY, crs: Optional[QgsCoordinateReferenceSystem] = None) -> None:
        """Set the outlet (``point`` in ``crs``, default the DEM's CRS)."""
        dem_crs = self.dem_crs()
        if crs is not None and dem_crs is not None and crs.isValid() and crs != dem_crs:
            xform = QgsCoordinateTransform(crs, dem_crs, QgsProject.instance())
            point = xform.transform(point)
        self.outlet = (point.x(), point.y())
        self.outlet_label.setText(self.tr("Outlet at {x:.1f}, {y:.1f}").format(x=point.x(), y=point.y()))
        canvas = self.wiz.canvas()
        if self.tool is not None and canvas is not None:
            canvas.unsetMapTool(self.tool)
        self.completeChanged.emit()

    def _write_outlet(self, path: str) -> str:
        crs = self.dem_crs()
        fields = QgsFields()
        fields.append(QgsField("id", FIELD_INT))
        layer = QgsVectorLayer("Point?crs={}".format(crs.authid() or ""), "outlet", "memory")
        if not crs.authid():
            layer.setCrs(crs)
        layer.dataProvider().addAttributes(fields)
        layer.updateFields()
        feature = QgsFeature(layer.fields())
        feature.setAttributes([1])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*self.outlet)))
        layer.dataProvider().addFeature(feature)
        if os.path.exists(path):
            os.remove(path)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, path, QgsProject.instance().transformContext(), options
        )
        return path

    def run(self) -> None:
        dem = self.dem_picker.layer()
        if dem is None:
            self.warn_label.setText(self.tr("Choose a DEM first."))
            return
        self.state["dem"] = dem.source()
        self.state["ws_mode"] = "outlet" if self.outlet_radio.isChecked() else "polygon"
        out = self.wiz.work("watershed.gpkg")
        if self.state["ws_mode"] == "outlet":
            if self.outlet is None:
                self.warn_label.setText(self.tr("Click the outlet on the map first."))
                return
            self.state["outlet"] = list(self.outlet)
            self.state["snap"] = self.snap_spin.value()
            outlet_path = self._write_outlet(self.wiz.work("outlet.gpkg"))
            steps = [
                Step(
                    self.tr("Delineating the watershed"),
                    "swcplanner:watershed",
                    lambda r: {
                        "DEM": dem.source(),
                        "OUTLETS": outlet_path,
                        "SNAP_DISTANCE": self.snap_spin.value(),
                        "OUTPUT": jobs.gpkg_table(out),
                    },
                    "watershed",
                )
            ]
        else:
            poly = self.polygon_picker.layer()
            if poly is None:
                self.warn_label.setText(self.tr("Choose the watershed polygon layer."))
                return
            source = poly.source()
            if poly.selectedFeatureCount():
                from qgis.core import QgsProcessingFeatureSourceDefinition

                source = QgsProcessingFeatureSourceDefinition(poly.id(), True)
            tmp = self.wiz.work("watershed_dissolved.gpkg")
            steps = [
                Step(
                    self.tr("Dissolving the polygon"),
                    "native:dissolve",
                    lambda r: {"INPUT": source, "FIELD": [], "OUTPUT": jobs.gpkg_table(tmp)},
                    "watershed_dissolve",
                ),
                Step(
                    self.tr("Projecting to the DEM's CRS"),
                    "native:reprojectlayer",
                    lambda r: {
                        "INPUT": r["watershed_dissolve"]["OUTPUT"],
                        "TARGET_CRS": dem.crs(),
                        "OUTPUT": jobs.gpkg_table(self.wiz.work("watershed_projected.gpkg")),
                    },
                    "watershed_projected",
                ),
                Step(
                    self.tr("Watershed area"),
                    "native:fieldcalculator",
                    lambda r: {
                        "INPUT": r["watershed_projected"]["OUTPUT"],
                        "FIELD_NAME": "AREA_KM2",
                        "FIELD_TYPE": 0,
                        "FIELD_LENGTH": 20,
                        "FIELD_PRECISION": 6,
                        "FORMULA": "area($geometry) / 1000000",  # planar, in the DEM's projected CRS
                        "OUTPUT": jobs.gpkg_table(out),
                    },
                    "watershed",
                ),
            ]
        self.warn_label.clear()
        self.run_steps(steps, self.progress, self._done)

    def _done(self, ok: bool, message: str) -> None:
        if not ok:
            self.warn_label.setText(message)
            return
        path = self.state["results"]["watershed"]["OUTPUT"]
        areas = [row["AREA_KM2"] for row in jobs.read_rows(path)]
        if len(areas) != 1:
            self.warn_label.setText(
                self.tr("The watershed has {n} polygons: give one outlet or one polygon.").format(
                    n=len(areas)
                )
            )
            return
        area = float(areas[0])
        self.state["watershed"] = path
        self.state["area_km2"] = area
        self.wiz.add_layer(path, "watershed", "vector", self._style())
        self.show_area()
        self.wiz.save_state()
        canvas = self.wiz.canvas()
        lyr = self.wiz.plan_layer("watershed")
        if canvas is not None and lyr is not None:
            try:
                canvas.setExtent(lyr.extent())
                canvas.refresh()
            except Exception:  # noqa: BLE001 - a mocked canvas
                pass

    def _style(self) -> str:
        from ..algorithms.styles import single_fill_qml

        qml = self.wiz.work("watershed.qml")
        with open(qml, "w", encoding="utf-8") as handle:
            handle.write(single_fill_qml("#3a7bd5", "#08306b", alpha=40))
        return qml

    def show_area(self) -> None:
        area = float(self.state.get("area_km2", 0.0))
        self.area_label.setText(self.tr("Watershed area: {area:.2f} km²").format(area=area))
        low, high = SMALL_WATERSHED_KM2
        if area < low:
            self.warn_label.setText(
                self.tr(
                    "The watershed is smaller than 3 km²: small watersheds "
                    "are usually planned at 3–50 km². Move the outlet "
                    "downstream or check the snap distance."
                )
            )
        elif area > high:
            self.warn_label.setText(
                self.tr(
                    "The watershed is larger than 50 km²: a small watershed is "
                    "at most 50 km² (水保〔2023〕35号). Split it into several "
                    "plans or move the outlet upstream."
                )
            )
        else:
            self.warn_label.clear()

    def isComplete(self) -> bool:  # noqa: N802
        return (
            bool(self.state.get("watershed"))
            and os.path.exists(str(self.state.get("watershed")).split("|")[0])
            and not self.busy()
        )

    def validatePage(self) -> bool:  # noqa: N802
        dem = self.dem_picker.layer()
        if dem is not None:
            self.state["dem"] = dem.source()
        self.wiz.save_state()
        return True

    def restore(self) -> None:
        if self.state.get("dem"):
            self.dem_picker.set_source(self.state["dem"])
        if self.state.get("ws_mode") == "polygon":
            self.polygon_radio.setChecked(True)
        if self.state.get("outlet"):
            self.outlet = tuple(self.state["outlet"])
            self.outlet_label.setText(
                self.tr("Outlet at {x:.1f}, {y:.1f}").format(x=self.outlet[0], y=self.outlet[1])
            )
        self.snap_spin.setValue(float(self.state.get("snap", 100)))
        if self.state.get("watershed"):
            self.show_area()


# -- 3 data -------------------------------------------------------------------------


class DataPage(PlanningPage):
    """Land use (with the code mapping), soil/K, rainfall/R, zones, existing measures."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("3. Data"))
        self.setSubTitle(
            self.tr(
                "Give the land use and the soil-loss factors. Every input is "
                "checked; the messages below say what to fix."
            )
        )
        self.dem_label = QLabel(self)
        self.dem_label.setWordWrap(True)
        # land use
        self.lu_picker = LayerPicker(RASTER | POLYGON, parent=self)
        self.lu_field = QgsFieldComboBox(self)
        self.read_button = QPushButton(self.tr("Read the codes"), self)
        self.preset_button = QPushButton(self.tr("Land-survey (三调) preset"), self)
        self.map_table = make_table(self, editable=True)
        self.map_table.setColumnCount(2)
        self.map_table.setHorizontalHeaderLabels([self.tr("Land-use code"), self.tr("Category")])
        self.map_table.setMinimumHeight(150)
        lu_box = QGroupBox(self.tr("Land use"), self)
        lu_form = QFormLayout(lu_box)
        lu_form.addRow(self.tr("Layer (polygons or raster)"), self.lu_picker)
        lu_form.addRow(self.tr("Code field (polygons)"), self.lu_field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.read_button)
        buttons.addWidget(self.preset_button)
        buttons.addStretch(1)
        lu_form.addRow(buttons)
        lu_form.addRow(self.map_table)
        # factors: R and K from data (stations, texture, rasters); a constant only when typed (issue 13)
        self.k_mode = QComboBox(self)
        for code, label in (
            ("raster", self.tr("Raster")),
            ("polygons", self.tr("Soil polygons with a K field")),
            ("texture", self.tr("Soil polygons with sand, silt, clay and organic carbon")),
            ("constant", self.tr("Constant (assumed)")),
        ):
            self.k_mode.addItem(label, code)
        self.k_value = QDoubleSpinBox(self)
        self.k_value.setDecimals(4)
        self.k_value.setRange(0, 1)
        self.k_value.setSpecialValueText("—")
        self.k_value.setValue(0)
        self.k_value.setToolTip(self.tr("Typing a value makes K a constant, and the report says so."))
        self.k_picker = LayerPicker(RASTER | POLYGON, allow_empty=True, parent=self)
        self.k_field = QgsFieldComboBox(self)
        self.k_texture = [QgsFieldComboBox(self) for _ in range(4)]  # sand, silt, clay, organic carbon (%)
        for combo, tip in zip(
            self.k_texture,
            (self.tr("Sand (%)"), self.tr("Silt (%)"), self.tr("Clay (%)"), self.tr("Organic carbon (%)")),
        ):
            combo.setToolTip(tip)
        self.k_table = QgsFileWidget(self)
        self.k_table.setFilter("CSV (*.csv)")
        self.k_table.setToolTip(self.tr("For a raster of soil classes: a CSV table code,K"))
        self.bt_table = QgsFileWidget(self)
        self.bt_table.setFilter("CSV (*.csv)")
        self.bt_table.setFilePath(os.path.join(TABLE_DIR, "landuse_bt_sandiao.csv"))
        self.r_mode = QComboBox(self)
        for code, label in (
            ("stations", self.tr("Station daily rainfall")),
            ("raster", self.tr("Raster")),
            ("constant", self.tr("Constant (assumed)")),
        ):
            self.r_mode.addItem(label, code)
        self.r_value = QDoubleSpinBox(self)
        self.r_value.setRange(0, 100000)
        self.r_value.setSpecialValueText("—")
        self.r_value.setValue(0)
        self.r_value.setToolTip(self.tr("Typing a value makes R a constant, and the report says so."))
        self.r_picker = LayerPicker(RASTER, allow_empty=True, parent=self)
        self.rain_picker = LayerPicker(TABLE_OR_VECTOR, allow_empty=True, parent=self)
        self.rain_picker.setToolTip(
            self.tr("Daily rainfall: one row per station and day (CSV, xlsx or layer)")
        )
        self.rain_fields = [QgsFieldComboBox(self) for _ in range(3)]  # station id, date, rainfall (mm)
        for combo, tip in zip(
            self.rain_fields, (self.tr("Station id"), self.tr("Date"), self.tr("Daily rainfall (mm)"))
        ):
            combo.setToolTip(tip)
        self.stations_picker = LayerPicker(POINT, allow_empty=True, parent=self)
        self.stations_picker.setToolTip(self.tr("Rain gauges: points with the same station id field"))
        self.tolerance = QDoubleSpinBox(self)
        self.tolerance.setRange(1, 2499)
        self.tolerance.setDecimals(0)
        self.tolerance.setValue(200)
        self.tolerance.setSuffix(" t/(km²·a)")
        self.tolerance.setToolTip(
            self.tr(
                "SL 190-2007: 200 in the northern rocky mountains (Hebei), 500 in "
                "the southern red-soil hills, 1 000 on the Loess Plateau"
            )
        )
        self.zones_picker = LayerPicker(POLYGON, allow_empty=True, parent=self)
        self.zone_field = QgsFieldComboBox(self)
        self.existing_picker = LayerPicker(POLYGON, allow_empty=True, parent=self)
        self.existing_field = QgsFieldComboBox(self)
        self.basic_picker = LayerPicker(POLYGON, allow_empty=True, parent=self)
        self.basic_picker.setToolTip(
            self.tr(
                "永久基本农田 (permanent basic farmland): the plan lays no terraces and no retirement to "
                "forest or grass on cropland inside it, only conservation tillage."
            )
        )
        f_box = QGroupBox(self.tr("Soil-loss factors and other layers"), self)
        f_form = QFormLayout(f_box)
        k_row = QHBoxLayout()
        k_row.addWidget(self.k_mode)
        k_row.addWidget(self.k_value)
        k_row.addStretch(1)
        k_layer_row = QHBoxLayout()
        k_layer_row.addWidget(self.k_picker, 1)
        k_layer_row.addWidget(self.k_field)
        k_texture_row = QHBoxLayout()
        for combo in self.k_texture:
            k_texture_row.addWidget(combo)
        r_row = QHBoxLayout()
        r_row.addWidget(self.r_mode)
        r_row.addWidget(self.r_value)
        r_row.addWidget(self.r_picker, 2)
        rain_row = QHBoxLayout()
        rain_row.addWidget(self.rain_picker, 2)
        for combo in self.rain_fields:
            rain_row.addWidget(combo)
        z_row = QHBoxLayout()
        z_row.addWidget(self.zones_picker, 1)
        z_row.addWidget(self.zone_field)
        e_row = QHBoxLayout()
        e_row.addWidget(self.existing_picker, 1)
        e_row.addWidget(self.existing_field)
        f_form.addRow(self.tr("Land-use table → B, T"), self.bt_table)
        f_form.addRow(self.tr("Soil erodibility K"), k_row)
        f_form.addRow(self.tr("K layer (raster or soil polygons)"), k_layer_row)
        f_form.addRow(self.tr("K table (soil classes)"), self.k_table)
        f_form.addRow(self.tr("Texture fields: sand, silt, clay, OC (%)"), k_texture_row)
        f_form.addRow(self.tr("Rainfall erosivity R"), r_row)
        f_form.addRow(self.tr("Daily rainfall: table, station, date, mm"), rain_row)
        f_form.addRow(self.tr("Rain gauges (points)"), self.stations_picker)
        f_form.addRow(self.tr("Tolerable soil loss"), self.tolerance)
        f_form.addRow(self.tr("Counties / townships"), z_row)
        f_form.addRow(self.tr("Existing measures (type field)"), e_row)
        f_form.addRow(self.tr("Permanent basic farmland (optional)"), self.basic_picker)
        self.messages = QLabel(self)
        self.messages.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.dem_label)
        layout.addWidget(lu_box, 2)
        layout.addWidget(f_box)
        layout.addWidget(self.messages)
        self.lu_picker.layerChanged.connect(self._lu_changed)
        self.k_picker.layerChanged.connect(lambda lyr: self._set_fields(self.k_field, lyr))
        for combo in self.k_texture:
            self.k_picker.layerChanged.connect(lambda lyr, c=combo: self._set_fields(c, lyr))
        for combo in self.rain_fields:
            self.rain_picker.layerChanged.connect(lambda lyr, c=combo: self._set_fields(c, lyr))
        self.k_value.valueChanged.connect(lambda v: self._typed_constant(self.k_mode, v))
        self.r_value.valueChanged.connect(lambda v: self._typed_constant(self.r_mode, v))
        self.zones_picker.layerChanged.connect(lambda lyr: self._set_fields(self.zone_field, lyr))
        self.existing_picker.layerChanged.connect(lambda lyr: self._set_fields(self.existing_field, lyr))
        self.read_button.clicked.connect(self.read_codes)
        self.preset_button.clicked.connect(self.apply_preset)
        for signal in (
            self.k_mode.currentIndexChanged,
            self.r_mode.currentIndexChanged,
            self.k_value.valueChanged,
            self.r_value.valueChanged,
            self.lu_field.fieldChanged,
            self.map_table.cellChanged,
            self.k_picker.layerChanged,
            self.r_picker.layerChanged,
            self.rain_picker.layerChanged,
            self.stations_picker.layerChanged,
            *[c.fieldChanged for c in self.k_texture + self.rain_fields],
            self.zone_field.fieldChanged,
            self.bt_table.fileChanged,
            self.k_table.fileChanged,
        ):
            signal.connect(self.check)
        self.k_mode.currentIndexChanged.connect(self._modes)
        self.r_mode.currentIndexChanged.connect(self._modes)
        self._modes()
        self._lu_changed(self.lu_picker.layer())

    # -- widgets ------------------------------------------------------------------
    @staticmethod
    def _set_fields(combo: QgsFieldComboBox, layer) -> None:
        combo.setLayer(layer if isinstance(layer, QgsVectorLayer) else None)

    @staticmethod
    def _typed_constant(mode: QComboBox, value: float) -> None:
        """A value typed into the R or K box makes that factor a constant."""
        if value > 0:
            mode.setCurrentIndex(mode.findData("constant"))

    def _modes(self) -> None:
        k = self.k_mode.currentData()
        self.k_picker.setEnabled(k != "constant")
        self.k_field.setEnabled(k == "polygons")
        self.k_table.setEnabled(k == "raster")
        for combo in self.k_texture:
            combo.setEnabled(k == "texture")
        r = self.r_mode.currentData()
        self.r_picker.setEnabled(r == "raster")
        self.rain_picker.setEnabled(r == "stations")
        self.stations_picker.setEnabled(r == "stations")
        for combo in self.rain_fields:
            combo.setEnabled(r == "stations")

    def _lu_changed(self, layer) -> None:
        is_vector = isinstance(layer, QgsVectorLayer)
        self.lu_field.setLayer(layer if is_vector else None)
        self.lu_field.setEnabled(is_vector)
        self.check()

    def initializePage(self) -> None:  # noqa: N802
        self.check()

    def category_items(self) -> List[Tuple[str, str]]:
        return [("", self.tr("(choose)"))] + [(c, landuse_label(c)) for c, _v in LANDUSE_CATEGORIES]

    def set_mapping(self, rows: List[Tuple[str, str]]) -> None:
        """Fill the code table with ``[(code, category)]``."""
        self.map_table.blockSignals(True)
        self.map_table.setRowCount(len(rows))
        from qgis.PyQt.QtWidgets import QTableWidgetItem

        for i, (code, cat) in enumerate(rows):
            self.map_table.setItem(i, 0, QTableWidgetItem(str(code)))
            combo = code_combo(self.map_table, self.category_items(), cat or "")
            combo.currentIndexChanged.connect(self.check)
            self.map_table.setCellWidget(i, 1, combo)
        self.map_table.blockSignals(False)
        self.check()

    def mapping(self) -> List[Tuple[str, str]]:
        return [(row[0].strip(), row[1]) for row in table_strings(self.map_table) if row[0].strip()]

    def apply_preset(self) -> None:
        """Categories from the land-survey preset for the codes in the table (or the preset rows)."""
        codes = [c for c, _cat in self.mapping()]
        preset = load_categories()
        if codes:
            self.set_mapping([(c, category_for(c, preset) or "") for c in codes])
        else:
            self.set_mapping(preset)

    def layer_codes(self) -> List[str]:
        layer = self.lu_picker.layer()
        if isinstance(layer, QgsVectorLayer):
            idx = layer.fields().lookupField(self.lu_field.currentField())
            if idx < 0:
                return []
            return [normalise_code(v) for v in layer.uniqueValues(idx) if v is not None]
        if isinstance(layer, QgsRasterLayer):
            import processing

            res = processing.run(
                "native:rasterlayeruniquevaluesreport",
                {"INPUT": layer.source(), "BAND": 1, "OUTPUT_TABLE": "TEMPORARY_OUTPUT"},
            )
            table = res["OUTPUT_TABLE"]
            if isinstance(table, str):
                table = QgsVectorLayer(table, "codes", "ogr")
            return [normalise_code(f["value"]) for f in table.getFeatures()]
        return []

    def read_codes(self) -> None:
        """List the codes of the land-use layer, keeping categories already set."""
        known = dict(self.mapping())
        preset = load_categories()
        rows = []
        for code in sorted(set(self.layer_codes()), key=lambda s: (len(s), s)):
            rows.append(
                (
                    code,
                    known.get(code)
                    or category_for(code, list(known.items()))
                    or category_for(code, preset)
                    or "",
                )
            )
        self.set_mapping(rows)

    # -- validation ---------------------------------------------------------------
    def problems(self) -> Tuple[List[str], List[str]]:
        """(errors, warnings) of the inputs, as messages that say what to fix."""
        errors: List[str] = []
        warnings: List[str] = []
        dem_path = self.state.get("dem", "")
        dem = QgsRasterLayer(dem_path, "dem") if dem_path else None
        if dem is None or not dem.isValid():
            errors.append(self.tr("The DEM cannot be read: go back and choose a DEM."))
        else:
            if dem.crs().isGeographic() or not dem.crs().isValid():
                errors.append(
                    self.tr(
                        "The DEM must be in a projected CRS in metres (e.g. CGCS2000 "
                        "3-degree Gauss-Krüger, EPSG:4527): reproject it first."
                    )
                )
            cell = dem.rasterUnitsPerPixelX()
            if cell > 30:
                warnings.append(
                    self.tr(
                        "The DEM cells are {size:.0f} m: slopes and soil loss are "
                        "understated on DEMs coarser than 30 m."
                    ).format(size=cell)
                )
        layer = self.lu_picker.layer()
        if layer is None:
            errors.append(self.tr("Choose the land-use layer."))
        else:
            if isinstance(layer, QgsVectorLayer):
                if QgsWkbTypes.geometryType(layer.wkbType()) != _POLYGON_GEOMETRY:
                    errors.append(self.tr("The land-use layer must contain polygons."))
                if not self.lu_field.currentField():
                    errors.append(self.tr("Choose the land-use code field."))
            if dem is not None and dem.isValid() and not self._overlaps(layer, dem):
                errors.append(self.tr("The land-use layer does not overlap the DEM: check its CRS."))
            mapping = self.mapping()
            if not mapping:
                errors.append(self.tr("The code table is empty: press “Read the codes”."))
            else:
                missing = [code for code, cat in mapping if not cat]
                if missing:
                    errors.append(
                        self.tr("Choose a category for the land-use codes {codes}.").format(
                            codes=", ".join(missing[:20])
                        )
                    )
        k = self.k_mode.currentData()
        if k == "constant" and self.k_value.value() <= 0:
            errors.append(
                self.tr(
                    "Give K: a K raster, soil polygons with a K field or with their texture, or type a "
                    "constant K (typical values 0.002–0.05)."
                )
            )
        if k != "constant" and self.k_picker.layer() is None:
            errors.append(self.tr("Choose the K layer or set K to a constant."))
        if k in ("polygons", "texture") and not isinstance(self.k_picker.layer(), QgsVectorLayer):
            errors.append(self.tr("Soil polygons are needed for K from a K field or from the texture."))
        if k == "polygons" and not self.k_field.currentField():
            errors.append(self.tr("Choose the K field of the soil polygons."))
        if k == "texture" and not all(c.currentField() for c in self.k_texture):
            errors.append(
                self.tr("Choose the sand, silt, clay and organic-carbon fields (%) of the soil polygons.")
            )
        if k == "constant" and self.k_value.value() > 0:
            warnings.append(self.tr("K is assumed constant: the report says so on its first page."))
        r = self.r_mode.currentData()
        if r == "constant" and self.r_value.value() <= 0:
            errors.append(
                self.tr(
                    "Give R: station daily rainfall, an R raster, or type a constant R (Hebei mountains: "
                    "about 1 000–5 000 MJ·mm/(hm²·h·a))."
                )
            )
        if r == "constant" and self.r_value.value() > 0:
            warnings.append(
                self.tr(
                    "R is assumed constant: the report says so on its first page. Hebei R spans about "
                    "1 000–5 000 MJ·mm/(hm²·h·a); a constant shifts whole intensity classes."
                )
            )
        if r == "raster" and self.r_picker.layer() is None:
            errors.append(self.tr("Choose the R raster or set R to a constant."))
        if r == "stations":
            if self.rain_picker.layer() is None:
                errors.append(self.tr("Choose the daily-rainfall table (station, date, rainfall in mm)."))
            elif not all(c.currentField() for c in self.rain_fields):
                errors.append(
                    self.tr("Choose the station, date and rainfall fields of the daily-rainfall table.")
                )
            stations = self.stations_picker.layer()
            if stations is None:
                errors.append(self.tr("Choose the rain gauges (points with the station id field)."))
            elif (
                self.rain_fields[0].currentField()
                and stations.fields().lookupField(self.rain_fields[0].currentField()) < 0
            ):
                errors.append(
                    self.tr(
                        "The rain gauges have no field {field}: they need the station id field of the table."
                    ).format(field=self.rain_fields[0].currentField())
                )
        bt = self.bt_table.filePath()
        if not bt or not os.path.exists(bt):
            errors.append(
                self.tr("Choose the land-use table (CSV: code, B, T) that matches the land-use codes.")
            )
        if k == "raster" and self.k_table.filePath() and not os.path.exists(self.k_table.filePath()):
            errors.append(self.tr("The K table {path} does not exist.").format(path=self.k_table.filePath()))
        if self.zones_picker.layer() is not None and not self.zone_field.currentField():
            errors.append(self.tr("Choose the name field of the counties/townships."))
        if self.existing_picker.layer() is not None and not self.existing_field.currentField():
            errors.append(self.tr("Choose the measure-type field of the existing measures."))
        return errors, warnings

    @staticmethod
    def _overlaps(layer, dem) -> bool:
        try:
            xform = QgsCoordinateTransform(layer.crs(), dem.crs(), QgsProject.instance())
            return xform.transformBoundingBox(layer.extent()).intersects(dem.extent())
        except Exception:  # noqa: BLE001 - CRS without transformation
            return False

    def check(self, *_args) -> None:
        errors, warnings = self.problems()
        lines = ["✖ " + e for e in errors] + ["⚠ " + w for w in warnings]
        if not lines:
            lines = ["✔ " + self.tr("All inputs are usable.")]
        self.messages.setText("\n".join(lines))
        dem_path = self.state.get("dem", "")
        self.dem_label.setText(self.tr("DEM: {path}").format(path=dem_path or "–"))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return not self.problems()[0]

    def validatePage(self) -> bool:  # noqa: N802
        layer = self.lu_picker.layer()
        self.state.update(
            {
                "landuse": layer_ref(layer),
                "landuse_kind": "vector" if isinstance(layer, QgsVectorLayer) else "raster",
                "landuse_field": self.lu_field.currentField() if isinstance(layer, QgsVectorLayer) else "",
                "code_map": [list(r) for r in self.mapping()],
                "k_mode": self.k_mode.currentData(),
                "k_value": self.k_value.value(),
                "k_source": layer_ref(self.k_picker.layer()),
                "k_field": self.k_field.currentField(),
                "k_table": self.k_table.filePath() if self.k_mode.currentData() == "raster" else "",
                "k_texture_fields": [c.currentField() for c in self.k_texture],
                "bt_table": self.bt_table.filePath(),
                "tolerance": self.tolerance.value(),
                "r_mode": self.r_mode.currentData(),
                "r_value": self.r_value.value(),
                "r_source": layer_ref(self.r_picker.layer()),
                "rain_table": layer_ref(self.rain_picker.layer()),
                "rain_fields": [c.currentField() for c in self.rain_fields],
                "rain_stations": layer_ref(self.stations_picker.layer()),
                "zones": layer_ref(self.zones_picker.layer()),
                "zone_field": self.zone_field.currentField(),
                "existing": layer_ref(self.existing_picker.layer()),
                "existing_field": self.existing_field.currentField(),
                "basic_farmland": layer_ref(self.basic_picker.layer()),
            }
        )
        self.wiz.save_state()
        return True

    def restore(self) -> None:
        s = self.state
        if s.get("landuse"):
            self.lu_picker.set_source(s["landuse"])
            if s.get("landuse_field"):
                self.lu_field.setField(s["landuse_field"])
        if s.get("code_map"):
            self.set_mapping([tuple(r) for r in s["code_map"]])
        self.k_value.setValue(float(s.get("k_value", 0.0)))  # before the mode: a value selects "constant"
        self.k_mode.setCurrentIndex(max(self.k_mode.findData(s.get("k_mode", "raster")), 0))
        if s.get("bt_table"):
            self.bt_table.setFilePath(s["bt_table"])
        if s.get("k_table"):
            self.k_table.setFilePath(s["k_table"])
        if s.get("k_source"):
            self.k_picker.set_source(s["k_source"])
            self.k_field.setField(s.get("k_field", ""))
            for combo, name in zip(self.k_texture, s.get("k_texture_fields", [])):
                combo.setField(name)
        self.r_value.setValue(float(s.get("r_value", 0.0)))
        self.r_mode.setCurrentIndex(max(self.r_mode.findData(s.get("r_mode", "stations")), 0))
        if s.get("rain_table"):
            self.rain_picker.set_source(s["rain_table"])
            for combo, name in zip(self.rain_fields, s.get("rain_fields", [])):
                combo.setField(name)
        if s.get("rain_stations"):
            self.stations_picker.set_source(s["rain_stations"])
        self.tolerance.setValue(float(s.get("tolerance", 200)))
        if s.get("r_source"):
            self.r_picker.set_source(s["r_source"])
        if s.get("zones"):
            self.zones_picker.set_source(s["zones"])
            self.zone_field.setField(s.get("zone_field", ""))
        if s.get("existing"):
            self.existing_picker.set_source(s["existing"])
            self.existing_field.setField(s.get("existing_field", ""))
        if s.get("basic_farmland"):
            self.basic_picker.set_source(s["basic_farmland"])
