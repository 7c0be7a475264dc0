"""Wizard pages 4–8: status, measures, quantities and investment, benefits, report."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
)

from ..algorithms.core.planning import catalogue as plan
from ..algorithms.core.planning.tables import allocation_path as preset_path
from ..algorithms.core.planning.tables import load_allocation, load_price_rows, unit_price_path
from . import jobs
from .labels import (
    benefit_class_label,
    fmt,
    indicator_label,
    intensity_label,
    item_label,
    landuse_label,
    measure_label,
    part_label,
    product_label,
    reason_label,
    size_class_label,
    unit_label,
)
from .pages_input import PlanningPage
from .runner import Step
from .widgets import code_combo, fill_table, make_table, table_strings

F = fmt
SLOPE_HEADERS = ["≤2°", "2–6°", "6–15°", "15–25°", ">25°"]
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
USER_ROLE = Qt.ItemDataRole.UserRole
EDITABLE = Qt.ItemFlag.ItemIsEditable


def _out(results: Dict[str, Any], key: str, name: str = "OUTPUT") -> str:
    return jobs.output_value(results, key, name)


def indicator_values(rows: List[Dict[str, Any]], column: str) -> Dict[str, Any]:
    """``{indicator: value}`` of one column (BEFORE or AFTER) of a planbenefits table."""
    return {r["INDICATOR"]: r.get(column) for r in rows}


def symbolise(layer, marker: Dict[str, str] = None, fill: Dict[str, str] = None) -> None:
    """A single marker or fill symbol for a plan layer (dams, silted and excluded areas)."""
    from qgis.core import QgsFillSymbol, QgsMarkerSymbol, QgsSingleSymbolRenderer

    if layer is None:
        return
    symbol = QgsMarkerSymbol.createSimple(marker) if marker else QgsFillSymbol.createSimple(fill or {})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.triggerRepaint()


# -- 4 status -----------------------------------------------------------------------


class StatusPage(PlanningPage):
    """Slope classes, land use by slope class, soil loss and intensity, SWC rate."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("4. Status"))
        self.setSubTitle(
            self.tr(
                "Slope classes, land use by slope class, soil loss, erosion "
                "intensity and the soil-and-water-conservation rate of the "
                "watershed. The layers are added to the plan group."
            )
        )
        run_row = self.run_row(self.tr("Analyse the status"))
        self.lu_table = make_table(self)
        self.erosion_table = make_table(self)
        self.zone_table = make_table(self)
        self.zone_table.setVisible(False)
        self.rate_label = QLabel(self)
        self.rate_label.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(run_row)
        layout.addWidget(QLabel(self.tr("Land use by slope class (ha)"), self))
        layout.addWidget(self.lu_table, 2)
        layout.addWidget(QLabel(self.tr("Soil erosion intensity"), self))
        layout.addWidget(self.erosion_table, 1)
        layout.addWidget(self.zone_table, 1)
        layout.addWidget(self.rate_label)
        layout.addWidget(self.note)

    # -- job ------------------------------------------------------------------------
    def steps(self) -> List[Step]:
        s = self.state
        w = self.wiz.work
        steps = [
            Step(
                self.tr("Clipping the DEM to the watershed"),
                "gdal:cliprasterbymasklayer",
                lambda r: {
                    "INPUT": s["dem"],
                    "MASK": s["watershed"],
                    "CROP_TO_CUTLINE": True,
                    "KEEP_RESOLUTION": False,
                    "NODATA": -9999,
                    "OUTPUT": w("dem_watershed.tif"),
                },
                "dem",
            ),
            Step(
                self.tr("Slope classes"),
                "swcplanner:slopeclasses",
                lambda r: {
                    "DEM": _out(r, "dem"),
                    "OUTPUT": w("slope_classes.tif"),
                    "TABLE": jobs.gpkg_table(w("slope_class_areas.gpkg")),
                },
                "slope",
            ),
        ]
        if s.get("r_mode") == "stations":  # R and K from data before the soil loss (issue 13)
            steps.append(
                Step(
                    self.tr("Rainfall erosivity R from the rain gauges"),
                    jobs.RAINFALLEROSIVITY,
                    lambda r: jobs.rainfallerosivity_params(s, _out(r, "dem"), w),
                    "rainfall_erosivity",
                )
            )
        if s.get("k_mode") == "texture":
            steps.append(
                Step(
                    self.tr("Soil erodibility K from the soil texture"),
                    jobs.SOILERODIBILITY,
                    lambda r: jobs.soilerodibility_params(s, _out(r, "dem"), w),
                    "soil_erodibility",
                )
            )
        steps += [
            Step(
                self.tr("Land use × slope class"),
                jobs.LANDUSESLOPE,
                lambda r: jobs.landuseslope_params(s, r, w),
                "landuse_slope",
            ),
            Step(
                self.tr("Soil loss (CSLE)"),
                jobs.SOILLOSS,
                lambda r: jobs.soilloss_params(
                    s, _out(r, "dem"), self.wiz.work_dir(), "before", existing=True
                ),
                "soilloss_before",
            ),
        ]
        if s.get("zones"):
            # the rate's denominator is a unit's land area: per county/township, its part of the watershed
            steps.append(
                Step(
                    self.tr("Counties/townships: their parts inside the watershed"),
                    "native:clip",
                    lambda r: {
                        "INPUT": s["zones"],
                        "OVERLAY": s["watershed"],
                        "OUTPUT": jobs.gpkg_table(w("zones_in_watershed.gpkg")),
                    },
                    "zones_in_watershed",
                )
            )
            steps.append(
                Step(
                    self.tr("Soil-and-water-conservation rate by county/township"),
                    jobs.SWCRATE,
                    lambda r: jobs.swcrate_params(s, r, w),
                    "swcrate",
                )
            )
        steps.append(
            Step(
                self.tr("Status indicators"),
                jobs.PLANBENEFITS,
                lambda r: jobs.planbenefits_params(s, r, w, after=False),
                "status_indicators",
            )
        )
        return steps

    def run(self) -> None:
        self.note.clear()
        self.wiz.invalidate("status")  # the measures, quantities and benefits of an earlier status are stale
        self.run_steps(self.steps(), self.progress, self._done)

    def _done(self, ok: bool, message: str) -> None:
        if not ok:
            self.note.setText(message)
            return
        r = self.state["results"]
        self.state["landuse_areas"] = jobs.read_rows(_out(r, "landuse_slope", "TABLE"))
        indicators = jobs.read_rows(_out(r, "status_indicators"))
        self.state["status"] = indicator_values(indicators, "BEFORE")
        self.state["zone_rates"] = jobs.zone_rates(r["swcrate"]["OUTPUT"]) if "swcrate" in r else []
        self.add_layers()
        self.show_tables()
        self.wiz.save_state()

    def add_layers(self) -> None:
        r = self.state["results"]
        self.wiz.add_layer(_out(r, "landuse_slope", "CATEGORIES"), "landuse", "raster")
        self.wiz.add_layer(_out(r, "slope"), "slope", "raster")
        self.wiz.add_layer(_out(r, "soilloss_before", "SOIL_LOSS"), "soil_loss", "raster")
        self.wiz.add_layer(_out(r, "soilloss_before", "INTENSITY"), "intensity", "raster")

    # -- display --------------------------------------------------------------------
    def table_cells(self) -> Dict[Tuple[str, int], Dict[str, Any]]:
        """The landuseslope TABLE rows by (land use, class); class 0 = all classes."""
        return {(row["LANDUSE"], int(row["CLASS"])): row for row in self.state.get("landuse_areas", [])}

    def areas(self) -> Dict[Tuple[str, int], float]:
        """``{(land use, slope class): m²}`` as the landuseslope TABLE gives them."""
        return {k: float(r["AREA_M2"]) for k, r in self.table_cells().items() if k[1] > 0 and k[0] != "total"}

    def landuse_rows(self) -> List[List[str]]:
        cells = self.table_cells()
        out = []
        for lu in [c for c, _v in plan.LANDUSE_CATEGORIES] + ["total"]:
            if (lu, 0) not in cells:
                continue
            label = self.tr("Total") if lu == "total" else landuse_label(lu)
            values = [cells[(lu, k)]["AREA_HA"] if (lu, k) in cells else 0.0 for k in range(1, 6)]
            out.append([label] + [F(v) for v in values] + [F(cells[(lu, 0)]["AREA_HA"])])
        return out

    def landuse_headers(self) -> List[str]:
        return [self.tr("Land use")] + SLOPE_HEADERS + [self.tr("Total")]

    def erosion_rows(self) -> List[List[str]]:
        status = self.state.get("status") or {}
        return [
            [intensity_label(k), F(status.get(f"class{k}_km2"), 3)]
            for k in range(1, plan.INTENSITY_CLASSES + 1)
            if status.get(f"class{k}_km2") is not None
        ]

    def erosion_headers(self) -> List[str]:
        return [self.tr("Intensity class"), self.tr("Area (km²)")]

    def zone_rows(self) -> List[List[str]]:
        return [
            [str(z["zone"]), F(z["area_km2"], 3), F(z["eroded_km2"], 3), F(z["swc_rate"], 2), F(z["gap"], 2)]
            for z in self.state.get("zone_rates", [])
        ]

    def zone_headers(self) -> List[str]:
        return [
            self.tr("County/township"),
            self.tr("Area in the watershed (km²)"),
            self.tr("Eroded area (km²)"),
            self.tr("SWC rate (%)"),
            self.tr("Gap to the 2025 target (points)"),
        ]

    def show_tables(self) -> None:
        fill_table(self.lu_table, self.landuse_headers(), self.landuse_rows())
        fill_table(self.erosion_table, self.erosion_headers(), self.erosion_rows())
        fill_table(self.zone_table, self.zone_headers(), self.zone_rows())
        self.zone_table.setVisible(bool(self.state.get("zone_rates")))
        before = self.state.get("status") or {}
        if before:
            self.rate_label.setText(
                self.tr(
                    "Soil loss {loss} t/a, mean modulus {mod} t/(km²·a), eroded area {eroded} km², "
                    "soil-and-water-conservation rate {rate} %."
                ).format(
                    loss=F(before.get("soil_loss_t"), 0),
                    mod=F(before.get("mean_modulus"), 0),
                    eroded=F(before.get("eroded_km2"), 3),
                    rate=F(before.get("swc_rate"), 2),
                )
            )
        else:
            self.rate_label.clear()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.state.get("landuse_areas")) and bool(self.state.get("status")) and not self.busy()

    def restore(self) -> None:
        if self.state.get("landuse_areas"):
            self.show_tables()


# -- 5 measures ---------------------------------------------------------------------


class MeasuresPage(PlanningPage):
    """Editable allocation table, then the measure map, terraces, dams and slope works."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("5. Measures"))
        self.setSubTitle(
            self.tr(
                "Choose a measure for each land use and slope class (the region's "
                "preset is filled in), then lay out the measures. Where a measure "
                "cannot be laid the eligibility rules refuse it; the areas refused "
                "are listed on the right."
            )
        )
        self.alloc_table = make_table(self, editable=True)
        self.alloc_table.setMinimumHeight(220)
        self.alloc_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.reset_button = QPushButton(self.tr("Reset to the region preset"), self)
        self.dams_check = QCheckBox(self.tr("Check dams in small gullies (谷坊)"), self)
        self.dams_check.setChecked(True)
        self.silt_check = QCheckBox(self.tr("Silt-trap dams by storage need (淤地坝)"), self)
        self.silt_check.setChecked(True)
        self.works_check = QCheckBox(self.tr("Lay out fish-scale pits and level benches"), self)
        self.works_check.setChecked(True)
        run_row = self.run_row(self.tr("Lay out the measures"))
        self.summary_table = make_table(self)
        self.excluded_table = make_table(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.alloc_table, 2)
        options = QHBoxLayout()
        options.addWidget(self.reset_button)
        options.addWidget(self.dams_check)
        options.addWidget(self.silt_check)
        options.addWidget(self.works_check)
        options.addStretch(1)
        layout.addLayout(options)
        layout.addLayout(run_row)
        results = QHBoxLayout()
        results.addWidget(self.summary_table, 3)
        results.addWidget(self.excluded_table, 2)
        layout.addLayout(results, 1)
        layout.addWidget(self.note)
        self.reset_button.clicked.connect(self.reset)

    def initializePage(self) -> None:  # noqa: N802
        if self.alloc_table.rowCount() == 0:
            if self.state.get("allocation"):
                self.set_allocation(self.state["allocation"])
            else:
                self.reset()

    def reset(self) -> None:
        region = self.state.get("region", "yanshan")
        self.set_allocation(load_allocation(preset_path(region)))

    def set_allocation(self, alloc: Dict[str, List[str]]) -> None:
        items = [(m, measure_label(m)) for m in plan.AREA_MEASURES]
        headers = [self.tr("Land use")] + SLOPE_HEADERS
        self.alloc_table.clear()
        self.alloc_table.setColumnCount(len(headers))
        self.alloc_table.setHorizontalHeaderLabels(headers)
        rows = [lu for lu, _v in plan.LANDUSE_CATEGORIES]
        self.alloc_table.setRowCount(len(rows))
        for i, lu in enumerate(rows):
            item = QTableWidgetItem(landuse_label(lu))
            item.setData(USER_ROLE, lu)
            item.setFlags(item.flags() & ~EDITABLE)
            self.alloc_table.setItem(i, 0, item)
            measures = alloc.get(lu, ["none"] * plan.SLOPE_CLASSES)
            for k in range(plan.SLOPE_CLASSES):
                self.alloc_table.setCellWidget(i, k + 1, code_combo(self.alloc_table, items, measures[k]))

    def allocation(self) -> Dict[str, List[str]]:
        out: Dict[str, List[str]] = {}
        strings = table_strings(self.alloc_table)
        for i, row in enumerate(strings):
            lu = self.alloc_table.item(i, 0).data(USER_ROLE)
            out[lu] = [m or "none" for m in row[1 : plan.SLOPE_CLASSES + 1]]
        return out

    def set_measure(self, landuse: str, slope_class: int, measure: str) -> None:
        for i in range(self.alloc_table.rowCount()):
            if self.alloc_table.item(i, 0).data(USER_ROLE) == landuse:
                combo = self.alloc_table.cellWidget(i, slope_class)
                combo.setCurrentIndex(combo.findData(measure))

    # -- job ------------------------------------------------------------------------
    def steps(self) -> List[Step]:
        s = self.state
        w = self.wiz.work
        steps = [
            Step(
                self.tr("Measure map"),
                jobs.MEASUREPLAN,
                lambda r: jobs.measureplan_params(s, r, w),
                "measureplan",
            ),
            Step(
                self.tr("Land-use parcels in the watershed"),
                jobs.parcels_algorithm(s),
                lambda r: jobs.parcels_params(s, r, w),
                "parcels",
            ),
            Step(
                self.tr("Farmland screening"),
                jobs.FARMLAND,
                lambda r: jobs.farmland_params(s, r, w),
                "farmland",
            ),
        ]
        if self.dams_check.isChecked():
            steps.append(
                Step(
                    self.tr("Check dams"),
                    jobs.CHECKDAMS,
                    lambda r: jobs.checkdam_params(s, r, w, "checkdams"),
                    "checkdams",
                )
            )
        if self.silt_check.isChecked():
            steps.append(
                Step(
                    self.tr("Silt-trap dams"),
                    jobs.SILTDAMS,
                    lambda r: jobs.siltdam_params(s, r, w),
                    "siltdams",
                )
            )
        if self.works_check.isChecked():
            for key in ("pits", "benches"):
                steps.append(
                    Step(
                        self.tr("Areas for slope works"),
                        "native:extractbyexpression",
                        lambda r, k=key: jobs.slopework_areas_params(r, w, k),
                        key + "_areas",
                    )
                )
                steps.append(
                    Step(
                        self.tr("Fish-scale pits") if key == "pits" else self.tr("Level benches"),
                        jobs.SLOPEWORKS,
                        lambda r, k=key: jobs.slopeworks_params(r, w, k),
                        key,
                    )
                )
        steps.append(self.wiz.pages[5].quantities_step())
        return steps

    def run(self) -> None:
        self.state["allocation"] = self.allocation()
        self.state["options"] = {
            "dams": self.dams_check.isChecked(),
            "silt": self.silt_check.isChecked(),
            "works": self.works_check.isChecked(),
        }
        self.wiz.invalidate("measures")  # quantities and benefits of earlier measures are stale
        self.note.clear()
        self.run_steps(self.steps(), self.progress, self._done)

    def _done(self, ok: bool, message: str) -> None:
        if not ok:
            self.note.setText(message)
            return
        r = self.state["results"]
        self.state["measure_rows"] = jobs.read_rows(_out(r, "measureplan", "TABLE"))
        self.state["excluded_rows"] = jobs.read_rows(_out(r, "measureplan", "EXCLUDED_TABLE"))
        self.state["measure_landuse_rows"] = jobs.read_rows(_out(r, "measureplan", "LANDUSE_TABLE"))
        self.state["siltdam_rows"] = jobs.read_rows(r["siltdams"]["DAMS"]) if "siltdams" in r else []
        self.state["checkdam_rows"] = (
            [{"DAMS": len(jobs.read_rows(r["checkdams"]["DAMS"]))}] if "checkdams" in r else []
        )
        self.wiz.pages[5].read_results()
        self.wiz.add_layer(_out(r, "measureplan"), "measures", "raster")
        symbolise(
            self.wiz.add_layer(_out(r, "measureplan", "EXCLUDED"), "excluded", "vector"),
            fill={"color": "227,26,28,90", "outline_color": "#e31a1c", "style": "b_diagonal"},
        )
        if "siltdams" in r and r["siltdams"].get("SILT"):
            symbolise(
                self.wiz.add_layer(r["siltdams"]["SILT"], "siltdam_silt", "vector"),
                fill={"color": "140,81,10,150", "outline_color": "#543005"},
            )
        markers = {
            "checkdams": {"name": "circle", "color": "#2166ac", "size": "1.6", "outline_color": "#ffffff"},
            "siltdams": {"name": "triangle", "color": "#b2182b", "size": "4.2", "outline_color": "#000000"},
        }
        for key in ("checkdams", "siltdams"):
            if key in r and r[key].get("DAMS"):
                symbolise(self.wiz.add_layer(r[key]["DAMS"], key, "vector"), marker=markers[key])
        for key, layer_key in (("pits", "pit_rows"), ("benches", "bench_rows")):
            if key in r and r[key].get("ROWS"):
                self.wiz.add_layer(r[key]["ROWS"], layer_key, "vector")
        if "farmland" in r and r["farmland"].get("OUTPUT"):
            self.wiz.add_layer(r["farmland"]["OUTPUT"], "farmland", "vector")
        self.show_summary()
        self.wiz.save_state()

    def summary_rows(self) -> List[List[str]]:
        out = [
            [measure_label(r["MEASURE"]), F(r["AREA_HA"]), F(r["AREA_MU"], 1), F(r["PCT"], 1), ""]
            for r in self.state.get("measure_rows", [])
        ]
        quantities = {q["ITEM"]: q for q in self.state.get("quantity_rows", [])}
        for item in ("checkdam_count", "siltdam_count", "pit_count"):
            q = quantities.get(item)
            if q is not None and q.get("COMPUTED"):
                out.append([item_label(item), "", "", "", F(q["QUANTITY"], 0)])
        return out

    def excluded_rows(self) -> List[List[str]]:
        """The areas the eligibility rules refused: reason, measure allocated, ha (measureplan EXCLUDED_TABLE)."""
        return [
            [reason_label(r["REASON"]), measure_label(r["MEASURE"]), F(r["AREA_HA"]), F(r["AREA_MU"], 1)]
            for r in self.state.get("excluded_rows", [])
        ]

    def excluded_headers(self) -> List[str]:
        return [self.tr("Reason"), self.tr("Measure allocated"), self.tr("Area (ha)"), self.tr("Area (mu)")]

    def siltdam_rows(self) -> List[List[str]]:
        """淤地坝 proposed by swcplanner:siltdams: class, control area, storage need, height, silted area, body."""
        return [
            [
                str(d["DAM_ID"]),
                size_class_label(d["CLASS"]),
                F(d["CONTROL_KM2"], 2),
                F(d["SEDIMENT_T_A"], 0),
                F(d["LIFE_YR"], 0),
                F(d["NEED_M3"] / 1e4, 2),
                F(d["H_M"], 1),
                F(d["SILT_M2"] / 1e4, 2),
                F(d["BODY_M3"], 0),
            ]
            for d in self.state.get("siltdam_rows", [])
        ]

    def siltdam_headers(self) -> List[str]:
        return [
            self.tr("Dam"),
            self.tr("Class"),
            self.tr("Control area (km²)"),
            self.tr("Sediment (t/a)"),
            self.tr("Design life (a)"),
            self.tr("Storage need (10⁴ m³)"),
            self.tr("Dam height (m)"),
            self.tr("Silted area (ha)"),
            self.tr("Dam body (m³)"),
        ]

    def summary_headers(self) -> List[str]:
        return [
            self.tr("Measure"),
            self.tr("Area (ha)"),
            self.tr("Area (mu)"),
            self.tr("Share (%)"),
            self.tr("Count"),
        ]

    def show_summary(self) -> None:
        fill_table(self.summary_table, self.summary_headers(), self.summary_rows())
        fill_table(self.excluded_table, self.excluded_headers(), self.excluded_rows(), 2)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.state.get("measure_rows")) and not self.busy()

    def restore(self) -> None:
        if self.state.get("allocation"):
            self.set_allocation(self.state["allocation"])
        opts = self.state.get("options", {})
        self.dams_check.setChecked(opts.get("dams", True))
        self.silt_check.setChecked(opts.get("silt", True))
        self.works_check.setChecked(opts.get("works", True))
        if self.state.get("measure_rows"):
            self.show_summary()


# -- 6 quantities and investment ----------------------------------------------------


class QuantitiesPage(PlanningPage):
    """工程量汇总表, 投资估算表 and 实施进度 from swcplanner:planquantities and an editable price table."""

    #: columns of the price table: (state key, editable)
    PRICE_FIELDS = (
        ("item", False),
        ("unit", False),
        ("price", True),
        ("source", True),
        ("region", True),
        ("year", True),
    )

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("6. Quantities and investment"))
        self.setSubTitle(
            self.tr(
                "Quantities come from the measure layout; edit the unit prices "
                "(CNY) with their source, region and year to update the "
                "investment estimate. The shipped prices are placeholders: "
                "replace them with the current Hebei norms."
            )
        )
        self.price_table = make_table(self, editable=True)
        self.reset_button = QPushButton(self.tr("Reset the unit prices"), self)
        run_row = self.run_row(self.tr("Update the investment"))
        self.quantity_table = make_table(self)
        self.invest_table = make_table(self)
        self.schedule_table = make_table(self)
        self.total_label = QLabel(self)
        self.total_label.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Unit prices"), self))
        left.addWidget(self.price_table)
        left.addWidget(self.reset_button)
        right = QVBoxLayout()
        right.addLayout(run_row)
        right.addWidget(QLabel(self.tr("Bill of quantities"), self))
        right.addWidget(self.quantity_table)
        right.addWidget(QLabel(self.tr("Investment estimate"), self))
        right.addWidget(self.invest_table)
        right.addWidget(QLabel(self.tr("Implementation schedule (10⁴ CNY)"), self))
        right.addWidget(self.schedule_table)
        right.addWidget(self.total_label)
        right.addWidget(self.note)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.stale = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(400)
        self.timer.timeout.connect(self.run)
        self.reset_button.clicked.connect(self.reset_prices)
        self.price_table.itemChanged.connect(self.prices_changed)

    def initializePage(self) -> None:  # noqa: N802
        if self.price_table.rowCount() == 0:
            self.set_price_rows(self.saved_price_rows())
        if self.stale or not self.state.get("investment_rows"):
            self.run()
        else:
            self.show_tables()

    # -- prices ---------------------------------------------------------------------
    @staticmethod
    def default_price_rows() -> List[Dict[str, Any]]:
        """The shipped price table (every price a marked placeholder)."""
        out = []
        for row in load_price_rows(unit_price_path()):
            out.append(
                {k: row.get(k, "") for k, _e in QuantitiesPage.PRICE_FIELDS} | {"part": row.get("part", "")}
            )
            out[-1]["price"] = float(row["price"])
        return out

    def saved_price_rows(self) -> List[Dict[str, Any]]:
        rows = self.state.get("price_rows")
        if rows:
            return [dict(r) for r in rows]
        rows = self.default_price_rows()
        old = self.state.get("prices")  # a plan saved before prices carried their source
        if isinstance(old, dict):
            for r in rows:
                if r["item"] in old:
                    r["price"] = float(old[r["item"]])
        return rows

    def default_prices(self) -> Dict[str, float]:
        return {r["item"]: float(r["price"]) for r in self.default_price_rows()}

    def reset_prices(self) -> None:
        self.set_price_rows(self.default_price_rows())
        self.prices_changed()

    def price_headers(self) -> List[str]:
        return [
            self.tr("Item"),
            self.tr("Unit"),
            self.tr("Unit price (CNY)"),
            self.tr("Source"),
            self.tr("Region"),
            self.tr("Year"),
        ]

    def set_price_rows(self, rows: List[Dict[str, Any]]) -> None:
        self.price_table.blockSignals(True)
        self.price_table.clear()
        headers = self.price_headers()
        self.price_table.setColumnCount(len(headers))
        self.price_table.setHorizontalHeaderLabels(headers)
        self.price_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, (key, editable) in enumerate(self.PRICE_FIELDS):
                value = row.get(key, "")
                if key == "item":
                    text = item_label(str(value))
                elif key == "unit":
                    text = unit_label(str(value))
                elif key == "price":
                    text = f"{float(value):g}"
                else:
                    text = str(value or "")
                cell = QTableWidgetItem(text)
                cell.setData(USER_ROLE, value if key != "item" else row)
                if not editable:
                    cell.setFlags(cell.flags() & ~EDITABLE)
                if key == "price":
                    cell.setTextAlignment(ALIGN_RIGHT)
                self.price_table.setItem(i, j, cell)
        self.price_table.blockSignals(False)

    def price_rows(self) -> List[Dict[str, Any]]:
        """The table as rows for planquantities; a price that is not a number is reported by the algorithm."""
        out = []
        for i in range(self.price_table.rowCount()):
            base = dict(self.price_table.item(i, 0).data(USER_ROLE))
            text = self.price_table.item(i, 2).text().replace(",", "")
            try:
                base["price"] = float(text)
            except ValueError:
                base["price"] = text or "?"  # planquantities refuses it, naming the item
            for j, key in ((3, "source"), (4, "region"), (5, "year")):
                base[key] = self.price_table.item(i, j).text().strip()
            out.append(base)
        return out

    def prices(self) -> Dict[str, Any]:
        return {r["item"]: r["price"] for r in self.price_rows()}

    def set_price(self, item: str, price: float, source: str = "") -> None:
        for i in range(self.price_table.rowCount()):
            if self.price_table.item(i, 0).data(USER_ROLE)["item"] == item:
                self.price_table.item(i, 2).setText(f"{price:g}")
                if source:
                    self.price_table.item(i, 3).setText(source)

    def prices_changed(self, *_args) -> None:
        """A price was edited: recompute (at once when synchronous, else after a short pause)."""
        self.stale = True
        self.completeChanged.emit()
        if self.wiz.synchronous:
            self.run()
        else:
            self.timer.start()

    # -- job ------------------------------------------------------------------------
    def prices_csv(self) -> str:
        """The price table as the PRICES of planquantities (the shipped table until edited)."""
        if self.price_table.rowCount() == 0:
            self.set_price_rows(self.saved_price_rows())
        self.state["price_rows"] = self.price_rows()
        self.state["prices"] = self.prices()
        return jobs.write_prices(self.wiz.work("unit_prices.csv"), self.state["price_rows"])

    def quantities_step(self) -> Step:
        return Step(
            self.tr("Quantities and investment"),
            jobs.PLANQUANTITIES,
            lambda r: jobs.planquantities_params(r, self.wiz.work, self.prices_csv(), self.state),
            "quantities",
        )

    def run(self) -> None:
        if self.busy():
            self.timer.start()  # another job runs: try again shortly
            return
        self.stale = False
        self.note.clear()
        self.wiz.invalidate("quantities")
        self.run_steps([self.quantities_step()], self.progress, self._done)

    def _done(self, ok: bool, message: str) -> None:
        if not ok:
            self.stale = True
            self.note.setText(message)
            return
        self.read_results()
        self.show_tables()
        self.wiz.save_state()

    def read_results(self) -> None:
        """Quantities, investment, schedule and total of the last planquantities run, into the state."""
        r = self.state["results"]
        self.state["quantity_rows"] = jobs.read_rows(_out(r, "quantities", "QUANTITIES"))
        self.state["investment_rows"] = jobs.read_rows(_out(r, "quantities", "INVESTMENT"))
        sched = r["quantities"].get("SCHEDULE")
        self.state["schedule_rows"] = jobs.read_rows(sched) if sched else []
        self.state["investment_total"] = _out(r, "quantities", "TOTAL")
        self.state["placeholders"] = _out(r, "quantities", "PLACEHOLDERS")

    # -- display --------------------------------------------------------------------
    def quantity_rows(self) -> List[List[str]]:
        return [
            [
                measure_label(q["MEASURE"]),
                item_label(q["ITEM"]),
                unit_label(q["UNIT"]),
                F(q["QUANTITY"], 0 if q["UNIT"] == "pcs" else 2)
                if q["COMPUTED"]
                else self.tr("not computed"),
            ]
            for q in self.state.get("quantity_rows", [])
        ]

    def source_text(self, row: Dict[str, Any]) -> str:
        if row.get("PLACEHOLDER"):
            return self.tr("placeholder")
        return " ".join(str(row.get(k) or "") for k in ("SOURCE", "REGION", "YEAR")).strip()

    def invest_rows(self) -> List[List[str]]:
        out = []
        for r in self.state.get("investment_rows", []):
            if r["LEVEL"] == "part":
                out.append([part_label(r["PART"]), "", "", "", F(r["AMOUNT_10K"], 2), ""])
            elif r["LEVEL"] == "item":
                if r["AMOUNT"]:
                    out.append(
                        [
                            "",
                            item_label(r["ITEM"]),
                            F(r["QUANTITY"]),
                            F(r["PRICE"]),
                            F(r["AMOUNT_10K"], 2),
                            self.source_text(r),
                        ]
                    )
            elif r["PART"] != "direct":
                rate = F(r["PRICE"], 1) + " %" if r["PART"] in ("independent", "contingency") else ""
                out.append([part_label(r["PART"]), "", "", rate, F(r["AMOUNT_10K"], 2), self.source_text(r)])
        return out

    def quantity_headers(self) -> List[str]:
        return [self.tr("Measure"), self.tr("Item"), self.tr("Unit"), self.tr("Quantity")]

    def invest_headers(self) -> List[str]:
        return [
            self.tr("Part"),
            self.tr("Item"),
            self.tr("Quantity"),
            self.tr("Unit price (CNY)"),
            self.tr("Amount (10⁴ CNY)"),
            self.tr("Price source"),
        ]

    def schedule_years(self) -> List[int]:
        return sorted({int(r["YEAR"]) for r in self.state.get("schedule_rows", [])})

    def schedule_headers(self) -> List[str]:
        return (
            [self.tr("Item"), self.tr("Unit")] + [str(y) for y in self.schedule_years()] + [self.tr("Total")]
        )

    def schedule_rows(self) -> List[List[str]]:
        """实施进度: quantity per item and year, then the investment per part and year (10⁴ CNY)."""
        years = self.schedule_years()
        rows = self.state.get("schedule_rows", [])
        items: Dict[str, Dict[int, Dict[str, Any]]] = {}
        for r in rows:
            key = r["ITEM"] if r["LEVEL"] == "item" else r["LEVEL"] + ":" + r["PART"]
            items.setdefault(key, {})[int(r["YEAR"])] = r
        out = []
        for by_year in items.values():
            first = next(iter(by_year.values()))
            if first["LEVEL"] == "item":
                digits = 0 if first["UNIT"] == "pcs" else 2
                values = [by_year[y]["QUANTITY"] if y in by_year else None for y in years]
                total = sum(v for v in values if v is not None)
                out.append(
                    [item_label(first["ITEM"]), unit_label(first["UNIT"])]
                    + [F(v, digits) for v in values]
                    + [F(total, digits)]
                )
        for by_year in items.values():
            first = next(iter(by_year.values()))
            if first["LEVEL"] != "item" and first["PART"] != "direct":
                values = [by_year[y]["AMOUNT_10K"] if y in by_year else None for y in years]
                total = sum(v for v in values if v is not None)
                out.append(
                    [part_label(first["PART"]), self.tr("10⁴ CNY")]
                    + [F(v, 2) for v in values]
                    + [F(total, 2)]
                )
        return out

    def total_10k(self) -> Any:
        rows = [r for r in self.state.get("investment_rows", []) if r["PART"] == "total"]
        return rows[0]["AMOUNT_10K"] if rows else None

    def show_tables(self) -> None:
        fill_table(self.quantity_table, self.quantity_headers(), self.quantity_rows(), 2)
        fill_table(self.invest_table, self.invest_headers(), self.invest_rows(), 2)
        fill_table(self.schedule_table, self.schedule_headers(), self.schedule_rows(), 2)
        text = self.tr("Total investment: {total} ×10⁴ CNY").format(total=F(self.total_10k(), 2))
        n = self.state.get("placeholders") or 0
        if n:
            text += " " + self.tr(
                "— {n} priced items use placeholder prices: replace them with the current Hebei norms."
            ).format(n=int(n))
        self.total_label.setText(text)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.state.get("investment_rows")) and not self.stale and not self.busy()

    def validatePage(self) -> bool:  # noqa: N802
        self.wiz.save_state()
        return True

    def restore(self) -> None:
        if self.state.get("price_rows") or self.state.get("prices"):
            self.set_price_rows(self.saved_price_rows())
        if self.state.get("investment_rows"):
            self.show_tables()


# -- 7 benefits ---------------------------------------------------------------------


class BenefitsPage(PlanningPage):
    """The benefits of GB/T 15774-2008 by class: basic (soil and water retained), economic, social, ecological."""

    #: benefit tables of planbenefits: state key → output
    TABLES = (
        ("basic", "BASIC"),
        ("economic", "ECONOMIC"),
        ("social", "SOCIAL"),
        ("ecological", "ECOLOGICAL"),
    )

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("7. Benefits"))
        self.setSubTitle(
            self.tr(
                "Soil loss is computed again with the planned measures (their "
                "engineering and tillage factors, only where the measures can be "
                "laid); the benefits follow GB/T 15774-2008: soil and water "
                "retained, economic, social and ecological."
            )
        )
        self.runoff_spin = QDoubleSpinBox(self)
        self.runoff_spin.setRange(0, 2000)
        self.runoff_spin.setDecimals(1)
        self.runoff_spin.setSuffix(" mm")
        self.runoff_spin.setSpecialValueText(self.tr("not given"))
        self.runoff_spin.setToolTip(
            self.tr(
                "Mean annual runoff depth of the watershed (e.g. from the provincial hydrological handbook)"
            )
        )
        runoff_row = QHBoxLayout()
        runoff_row.addWidget(QLabel(self.tr("Mean annual runoff depth (for the water retained)"), self))
        runoff_row.addWidget(self.runoff_spin)
        runoff_row.addStretch(1)
        run_row = self.run_row(self.tr("Compute the benefits"))
        self.table = make_table(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("Indicators"))
        self.class_tables = {}
        for key, _output in self.TABLES:
            widget = make_table(self)
            self.class_tables[key] = widget
            self.tabs.addTab(widget, benefit_class_label(key))
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(runoff_row)
        layout.addLayout(run_row)
        layout.addWidget(self.tabs)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.note)

    def steps(self) -> List[Step]:
        s = self.state
        w = self.wiz.work
        return [
            Step(
                self.tr("Soil loss with the measures"),
                jobs.SOILLOSS,
                lambda r: jobs.soilloss_params(
                    s,
                    _out(r, "dem"),
                    self.wiz.work_dir(),
                    "after",
                    measures=_out(r, "measureplan", "POLYGONS"),
                    measure_field="ETYPE",
                    baseline=_out(r, "soilloss_before", "SOIL_LOSS"),
                    zones=_out(r, "measureplan", "POLYGONS"),
                    zone_field="MEASURE",
                ),
                "soilloss_after",
            ),
            Step(
                self.tr("Benefits"),
                jobs.PLANBENEFITS,
                lambda r: jobs.planbenefits_params(s, r, w, after=True),
                "benefits",
            ),
        ]

    def run(self) -> None:
        self.note.clear()
        self.state["runoff_mm"] = self.runoff_spin.value()
        self.wiz.invalidate("benefits")
        self.run_steps(self.steps(), self.progress, self._done)

    def _done(self, ok: bool, message: str) -> None:
        if not ok:
            self.note.setText(message)
            return
        r = self.state["results"]
        self.state["benefit_rows"] = jobs.read_rows(_out(r, "benefits"))
        self.state["benefit_tables"] = {
            key: jobs.read_rows(_out(r, "benefits", out)) for key, out in self.TABLES
        }
        self.state["soil_saved"] = _out(r, "benefits", "SOIL_SAVED")
        self.state["benefit_numbers"] = {
            k: r["benefits"].get(k)
            for k in ("WATER_RETAINED", "ECONOMIC_VALUE", "TREATMENT_DEGREE", "COVER_BEFORE", "COVER_AFTER")
        }
        self.wiz.add_layer(_out(r, "soilloss_after", "INTENSITY"), "intensity_after", "raster")
        self.state["benefits_done"] = True
        self.show_table()
        self.wiz.save_state()

    #: the indicators shown (the table also holds land area and the intensity classes)
    SHOWN = ("soil_loss_t", "mean_modulus", "eroded_km2", "swc_rate")

    def rows(self) -> List[List[str]]:
        by = {r["INDICATOR"]: r for r in self.state.get("benefit_rows", [])}
        out = []
        for key in self.SHOWN:
            row = by.get(key)
            if row is None:
                continue
            digits = 2 if key in ("swc_rate", "eroded_km2") else 0
            out.append(
                [
                    indicator_label(key),
                    F(row["BEFORE"], digits),
                    F(row["AFTER"], digits),
                    F(row["CHANGE"], digits),
                ]
            )
        return out

    def headers(self) -> List[str]:
        return [self.tr("Indicator"), self.tr("Before"), self.tr("After"), self.tr("Change")]

    def class_rows(self, key: str) -> List[List[str]]:
        """One benefit table of GB/T 15774 as display strings (planbenefits BASIC, ECONOMIC, SOCIAL, ECOLOGICAL)."""
        rows = (self.state.get("benefit_tables") or {}).get(key, [])
        if key == "basic":
            return [
                [
                    measure_label(r["MEASURE"]) if r["MEASURE"] != "total" else self.tr("Total"),
                    F(r["AREA_HA"]),
                    F(r["SOIL_BEFORE_T"], 0),
                    F(r["SOIL_RETAINED_T"], 0),
                    F(r["SOIL_RATE_T"], 0),
                    F(r["WATER_M3"], 0),
                ]
                for r in rows
            ]
        if key == "economic":
            return [
                [
                    measure_label(r["MEASURE"]) if r["MEASURE"] != "total" else self.tr("Total"),
                    F(r["AREA_HA"]),
                    product_label(r["PRODUCT"]),
                    F(r["YIELD_HA"], 0),
                    F(r["OUTPUT"], 0),
                    F(r["PRICE"], 2),
                    F(r["VALUE"] / 1e4 if r["VALUE"] is not None else None, 2),
                ]
                for r in rows
            ]
        if key == "social":
            return [
                [indicator_label(r["INDICATOR"]), F(r["VALUE"], 0 if r["UNIT"] == "pcs" else 2)] for r in rows
            ]
        return [
            [indicator_label(r["INDICATOR"]), F(r["BEFORE"], 2), F(r["AFTER"], 2), F(r["CHANGE"], 2)]
            for r in rows
        ]

    def class_headers(self, key: str) -> List[str]:
        if key == "basic":
            return [
                self.tr("Measure"),
                self.tr("Area (ha)"),
                self.tr("Soil loss without (t/a)"),
                self.tr("Soil retained (t/a)"),
                self.tr("Soil retained by the rate (t/a)"),
                self.tr("Water retained (m³/a)"),
            ]
        if key == "economic":
            return [
                self.tr("Measure"),
                self.tr("Area (ha)"),
                self.tr("Product"),
                self.tr("Yield per ha"),
                self.tr("Yield"),
                self.tr("Price (CNY)"),
                self.tr("Value (10⁴ CNY/a)"),
            ]
        if key == "social":
            return [self.tr("Indicator"), self.tr("Value")]
        return self.headers()

    def show_table(self) -> None:
        fill_table(self.table, self.headers(), self.rows())
        for key, widget in self.class_tables.items():
            fill_table(widget, self.class_headers(key), self.class_rows(key))
        saved = self.state.get("soil_saved")
        self.saved_label.setText(
            self.tr("Soil saved: {saved} t/a").format(saved=F(saved, 0)) if saved is not None else ""
        )

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.state.get("benefits_done")) and not self.busy()

    def restore(self) -> None:
        self.runoff_spin.setValue(float(self.state.get("runoff_mm") or 0.0))
        if self.state.get("benefits_done"):
            self.show_table()


# -- 8 report -----------------------------------------------------------------------


class ReportPage(PlanningPage):
    """PDF report (规划通则 outline) from the print-layout template, xlsx tables, GeoPackage, .qgz project."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("8. Report"))
        self.setSubTitle(
            self.tr(
                "Write the plan report (PDF with maps and tables, in the outline of "
                "GB/T 15772), the tables as xlsx, all layers into the GeoPackage, "
                "and save the QGIS project. A county submits the report in Chinese."
            )
        )
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("中文", "zh")
        self.language_combo.addItem("English", "en")
        self.run_button = QPushButton(self.tr("Create the report"), self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Report language"), self))
        row.addWidget(self.language_combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.run_button)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        self.run_button.clicked.connect(self.run)
        self.outputs: Dict[str, str] = {}

    def language(self) -> str:
        return str(self.language_combo.currentData() or "zh")

    def initializePage(self) -> None:  # noqa: N802
        base = self.wiz.base_path()
        self.result_label.setText(
            self.tr("Outputs: {pdf}, {xlsx}, {gpkg}, {qgz}").format(
                pdf=base + ".pdf", xlsx=base + ".xlsx", gpkg=self.wiz.gpkg_path(), qgz=base + ".qgz"
            )
        )

    def run(self) -> None:
        from .report import write_report

        self.state["report_language"] = self.language()
        self.wiz.invalidate("report")
        try:
            self.outputs = write_report(self.wiz, language=self.language())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.result_label.setText(self.tr("The report could not be written: {error}").format(error=exc))
            return
        self.state["report"] = self.outputs
        self.result_label.setText(self.tr("Written:\n{files}").format(files="\n".join(self.outputs.values())))
        self.wiz.save_state()
        self.completeChanged.emit()

    def restore(self) -> None:
        idx = self.language_combo.findData(self.state.get("report_language", "zh"))
        self.language_combo.setCurrentIndex(max(idx, 0))
