"""Wizard pages 4–8: status, measures, quantities and investment, benefits, report."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..algorithms.core.planning import catalogue as plan
from ..algorithms.core.planning.tables import allocation_path as preset_path
from ..algorithms.core.planning.tables import load_allocation, load_price_rows, unit_price_path
from . import jobs
from .labels import (
    fmt,
    indicator_label,
    intensity_label,
    item_label,
    landuse_label,
    measure_label,
    part_label,
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
        self.state.get("results", {}).pop("swcrate", None)
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
                lambda r: jobs.planbenefits_params(r, w, after=False),
                "status_indicators",
            )
        )
        return steps

    def run(self) -> None:
        self.note.clear()
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
        for key in ("benefit_rows", "soil_saved"):
            self.state.pop(key, None)  # the benefits of an earlier status are stale
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
                "preset is filled in), then lay out the measures: terraces on "
                "slope farmland, check dams in the gullies, pits and benches on "
                "the slopes."
            )
        )
        self.alloc_table = make_table(self, editable=True)
        self.alloc_table.setMinimumHeight(220)
        self.alloc_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.reset_button = QPushButton(self.tr("Reset to the region preset"), self)
        self.dams_check = QCheckBox(self.tr("Check dams in small gullies (谷坊)"), self)
        self.dams_check.setChecked(True)
        self.silt_check = QCheckBox(self.tr("Silt-trap dams in larger gullies (淤地坝)"), self)
        self.silt_check.setChecked(False)
        self.works_check = QCheckBox(self.tr("Lay out fish-scale pits and level benches"), self)
        self.works_check.setChecked(True)
        run_row = self.run_row(self.tr("Lay out the measures"))
        self.summary_table = make_table(self)
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
        layout.addWidget(self.summary_table, 1)
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
                    jobs.CHECKDAMS,
                    lambda r: jobs.checkdam_params(s, r, w, "siltdams"),
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
        results = self.state.setdefault("results", {})
        for key in ("farmland", "checkdams", "siltdams", "pits", "benches", "pits_areas", "benches_areas"):
            results.pop(key, None)
        self.note.clear()
        self.run_steps(self.steps(), self.progress, self._done)

    def _done(self, ok: bool, message: str) -> None:
        if not ok:
            self.note.setText(message)
            return
        r = self.state["results"]
        self.state["measure_rows"] = jobs.read_rows(_out(r, "measureplan", "TABLE"))
        self.wiz.pages[5].read_results()
        self.wiz.add_layer(_out(r, "measureplan"), "measures", "raster")
        for key in ("checkdams", "siltdams"):
            if key in r and r[key].get("DAMS"):
                self.wiz.add_layer(r[key]["DAMS"], key, "vector")
        for key, layer_key in (("pits", "pit_rows"), ("benches", "bench_rows")):
            if key in r and r[key].get("ROWS"):
                self.wiz.add_layer(r[key]["ROWS"], layer_key, "vector")
        if "farmland" in r and r["farmland"].get("OUTPUT"):
            self.wiz.add_layer(r["farmland"]["OUTPUT"], "farmland", "vector")
        self.state.pop("benefits_done", None)  # the benefits of earlier measures are stale
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

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.state.get("measure_rows")) and not self.busy()

    def restore(self) -> None:
        if self.state.get("allocation"):
            self.set_allocation(self.state["allocation"])
        opts = self.state.get("options", {})
        self.dams_check.setChecked(opts.get("dams", True))
        self.silt_check.setChecked(opts.get("silt", False))
        self.works_check.setChecked(opts.get("works", True))
        if self.state.get("measure_rows"):
            self.show_summary()


# -- 6 quantities and investment ----------------------------------------------------


class QuantitiesPage(PlanningPage):
    """工程量汇总表 and 投资估算表 from swcplanner:planquantities and an editable unit-price table."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("6. Quantities and investment"))
        self.setSubTitle(
            self.tr(
                "Quantities come from the measure layout; edit the unit prices "
                "(CNY) to update the investment estimate."
            )
        )
        self.price_table = make_table(self, editable=True)
        self.reset_button = QPushButton(self.tr("Reset the unit prices"), self)
        run_row = self.run_row(self.tr("Update the investment"))
        self.quantity_table = make_table(self)
        self.invest_table = make_table(self)
        self.total_label = QLabel(self)
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
            self.set_prices(self.state["prices"] if self.state.get("prices") else self.default_prices())
        if self.stale or not self.state.get("investment_rows"):
            self.run()
        else:
            self.show_tables()

    # -- prices ---------------------------------------------------------------------
    @staticmethod
    def price_rows() -> List[Dict[str, str]]:
        return load_price_rows(unit_price_path())

    def default_prices(self) -> Dict[str, float]:
        return {row["item"]: float(row["price"]) for row in self.price_rows()}

    def reset_prices(self) -> None:
        self.set_prices(self.default_prices())
        self.prices_changed()

    def set_prices(self, prices: Dict[str, float]) -> None:
        units = {row["item"]: row["unit"] for row in self.price_rows()}
        self.price_table.blockSignals(True)
        self.price_table.clear()
        self.price_table.setColumnCount(3)
        self.price_table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Unit"), self.tr("Unit price")])
        items = list(prices.items())
        self.price_table.setRowCount(len(items))
        for i, (item, price) in enumerate(items):
            name = QTableWidgetItem(item_label(item))
            name.setData(USER_ROLE, item)
            name.setFlags(name.flags() & ~EDITABLE)
            unit = QTableWidgetItem(unit_label(units.get(item, "")))
            unit.setData(USER_ROLE, units.get(item, ""))
            unit.setFlags(unit.flags() & ~EDITABLE)
            value = QTableWidgetItem(f"{float(price):g}")
            value.setTextAlignment(ALIGN_RIGHT)
            self.price_table.setItem(i, 0, name)
            self.price_table.setItem(i, 1, unit)
            self.price_table.setItem(i, 2, value)
        self.price_table.blockSignals(False)

    def prices(self) -> Dict[str, float]:
        """The prices in the table; a cell that is not a number is reported by the algorithm."""
        out = {}
        for i in range(self.price_table.rowCount()):
            item = self.price_table.item(i, 0).data(USER_ROLE)
            try:
                out[item] = float(self.price_table.item(i, 2).text().replace(",", ""))
            except ValueError:
                out[item] = -1.0  # planquantities refuses it, naming the item
        return out

    def units(self) -> Dict[str, str]:
        return {
            self.price_table.item(i, 0).data(USER_ROLE): self.price_table.item(i, 1).data(USER_ROLE)
            for i in range(self.price_table.rowCount())
        }

    def set_price(self, item: str, price: float) -> None:
        for i in range(self.price_table.rowCount()):
            if self.price_table.item(i, 0).data(USER_ROLE) == item:
                self.price_table.item(i, 2).setText(f"{price:g}")

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
        """The unit prices as the PRICES table of planquantities (the shipped table until edited)."""
        if self.price_table.rowCount() == 0:
            self.set_prices(self.state["prices"] if self.state.get("prices") else self.default_prices())
        self.state["prices"] = self.prices()
        return jobs.write_prices(self.wiz.work("unit_prices.csv"), self.state["prices"], self.units())

    def quantities_step(self) -> Step:
        return Step(
            self.tr("Quantities and investment"),
            jobs.PLANQUANTITIES,
            lambda r: jobs.planquantities_params(r, self.wiz.work, self.prices_csv()),
            "quantities",
        )

    def run(self) -> None:
        if self.busy():
            self.timer.start()  # another job runs: try again shortly
            return
        self.stale = False
        self.note.clear()
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
        """Quantities, investment and total of the last planquantities run, into the state."""
        r = self.state["results"]
        self.state["quantity_rows"] = jobs.read_rows(_out(r, "quantities", "QUANTITIES"))
        self.state["investment_rows"] = jobs.read_rows(_out(r, "quantities", "INVESTMENT"))
        self.state["investment_total"] = _out(r, "quantities", "TOTAL")

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

    def invest_rows(self) -> List[List[str]]:
        out = []
        for r in self.state.get("investment_rows", []):
            if r["LEVEL"] == "part":
                out.append([part_label(r["PART"]), "", "", "", F(r["AMOUNT_10K"], 2)])
            elif r["LEVEL"] == "item":
                if r["AMOUNT"]:
                    out.append(
                        ["", item_label(r["ITEM"]), F(r["QUANTITY"]), F(r["PRICE"]), F(r["AMOUNT_10K"], 2)]
                    )
            elif r["PART"] != "direct":
                out.append([part_label(r["PART"]), "", "", "", F(r["AMOUNT_10K"], 2)])
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
        ]

    def total_10k(self) -> Any:
        rows = [r for r in self.state.get("investment_rows", []) if r["PART"] == "total"]
        return rows[0]["AMOUNT_10K"] if rows else None

    def show_tables(self) -> None:
        fill_table(self.quantity_table, self.quantity_headers(), self.quantity_rows(), 2)
        fill_table(self.invest_table, self.invest_headers(), self.invest_rows(), 2)
        self.total_label.setText(
            self.tr("Total investment: {total} ×10⁴ CNY").format(total=F(self.total_10k(), 2))
        )

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.state.get("investment_rows")) and not self.stale and not self.busy()

    def validatePage(self) -> bool:  # noqa: N802
        self.wiz.save_state()
        return True

    def restore(self) -> None:
        if self.state.get("prices"):
            self.set_prices(self.state["prices"])
        if self.state.get("investment_rows"):
            self.show_tables()


# -- 7 benefits ---------------------------------------------------------------------


class BenefitsPage(PlanningPage):
    """Soil loss and SWC rate before and after the measures; soil saved per year."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("7. Benefits"))
        self.setSubTitle(
            self.tr(
                "Soil loss is computed again with the planned measures (their "
                "engineering and tillage factors); the difference is the soil "
                "saved."
            )
        )
        run_row = self.run_row(self.tr("Compute the benefits"))
        self.table = make_table(self)
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(run_row)
        layout.addWidget(self.table)
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
                ),
                "soilloss_after",
            ),
            Step(
                self.tr("Benefits"),
                jobs.PLANBENEFITS,
                lambda r: jobs.planbenefits_params(r, w, after=True),
                "benefits",
            ),
        ]

    def run(self) -> None:
        self.note.clear()
        self.run_steps(self.steps(), self.progress, self._done)

    def _done(self, ok: bool, message: str) -> None:
        if not ok:
            self.note.setText(message)
            return
        r = self.state["results"]
        self.state["benefit_rows"] = jobs.read_rows(_out(r, "benefits"))
        self.state["soil_saved"] = _out(r, "benefits", "SOIL_SAVED")
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

    def show_table(self) -> None:
        fill_table(self.table, self.headers(), self.rows())
        saved = self.state.get("soil_saved")
        self.saved_label.setText(
            self.tr("Soil saved: {saved} t/a").format(saved=F(saved, 0)) if saved is not None else ""
        )

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.state.get("benefits_done")) and not self.busy()

    def restore(self) -> None:
        if self.state.get("benefits_done"):
            self.show_table()


# -- 8 report -----------------------------------------------------------------------


class ReportPage(PlanningPage):
    """PDF report from the print-layout template, xlsx tables, GeoPackage, .qgz project."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("8. Report"))
        self.setSubTitle(
            self.tr(
                "Write the plan report (PDF with maps and tables), the tables as "
                "xlsx, all layers into the GeoPackage, and save the QGIS project."
            )
        )
        self.run_button = QPushButton(self.tr("Create the report"), self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.run_button)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        self.run_button.clicked.connect(self.run)
        self.outputs: Dict[str, str] = {}

    def initializePage(self) -> None:  # noqa: N802
        base = self.wiz.base_path()
        self.result_label.setText(
            self.tr("Outputs: {pdf}, {xlsx}, {gpkg}, {qgz}").format(
                pdf=base + ".pdf", xlsx=base + ".xlsx", gpkg=self.wiz.gpkg_path(), qgz=base + ".qgz"
            )
        )

    def run(self) -> None:
        from .report import write_report

        try:
            self.outputs = write_report(self.wiz)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.result_label.setText(self.tr("The report could not be written: {error}").format(error=exc))
            return
        self.state["report"] = self.outputs
        self.result_label.setText(self.tr("Written:\n{files}").format(files="\n".join(self.outputs.values())))
        self.wiz.save_state()
        self.completeChanged.emit()
