"""Wizard pages 4–8: status, measures, quantities and investment, benefits, report."""

from __future__ import annotations

from typing import Any, Dict, List

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from . import jobs, tables
from .labels import (
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
from .styles_ui import landuse_qml, measures_qml
from .widgets import code_combo, fill_table, make_table, table_strings

F = tables.fmt


def _out(results: Dict[str, Any], key: str, name: str = "OUTPUT") -> str:
    return results[key][name]


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
        if s.get("landuse_kind") == "vector":
            expr = tables.category_expression(
                s["landuse_field"], s["code_map"], [c for c, _cat in s["code_map"]]
            )
            steps += [
                Step(
                    self.tr("Land-use categories"),
                    "native:fieldcalculator",
                    lambda r: {
                        "INPUT": s["landuse"],
                        "FIELD_NAME": "LUCAT",
                        "FIELD_TYPE": 1,
                        "FIELD_LENGTH": 4,
                        "FIELD_PRECISION": 0,
                        "FORMULA": expr,
                        "OUTPUT": jobs.gpkg_table(w("landuse_categories.gpkg")),
                    },
                    "lu_vec",
                ),
                Step(
                    self.tr("Rasterising the land use"),
                    "gdal:rasterize",
                    lambda r: self._rasterize(r),
                    "landuse",
                ),
            ]
        else:
            codes = [c for c, _cat in s.get("code_map", [])]
            steps += [
                Step(
                    self.tr("Aligning the land use to the DEM"),
                    "gdal:warpreproject",
                    lambda r: self._warp(r),
                    "lu_aligned",
                ),
                Step(
                    self.tr("Land-use categories"),
                    "native:reclassifybytable",
                    lambda r: {
                        "INPUT_RASTER": _out(r, "lu_aligned"),
                        "RASTER_BAND": 1,
                        "TABLE": tables.reclass_rows(codes, s["code_map"]),
                        "NO_DATA": 0,
                        "RANGE_BOUNDARIES": 2,
                        "NODATA_FOR_MISSING": True,
                        "DATA_TYPE": 0,
                        "OUTPUT": w("landuse_categories.tif"),
                    },
                    "landuse",
                ),
            ]
        steps += [
            Step(
                self.tr("Land use × slope class"),
                "gdal:rastercalculator",
                lambda r: {
                    "INPUT_A": _out(r, "landuse"),
                    "BAND_A": 1,
                    "INPUT_B": _out(r, "slope"),
                    "BAND_B": 1,
                    "FORMULA": "A*10+B",
                    "NO_DATA": 0,
                    "RTYPE": 0,
                    "OUTPUT": w("landuse_slope.tif"),
                },
                "combo",
            ),
            Step(
                self.tr("Areas by land use and slope class"),
                "native:rasterlayeruniquevaluesreport",
                lambda r: {
                    "INPUT": _out(r, "combo"),
                    "BAND": 1,
                    "OUTPUT_TABLE": jobs.gpkg_table(w("landuse_slope_areas.gpkg")),
                },
                "combo_areas",
            ),
            Step(
                self.tr("Soil loss (CSLE)"),
                jobs.SOILLOSS,
                lambda r: jobs.soilloss_params(
                    s, _out(r, "dem"), self.wiz.work_dir(), "before", existing=True
                ),
                "soilloss_before",
                optional=True,
            ),
        ]
        self.state.get("results", {}).pop("swcrate", None)
        if s.get("zones"):
            steps.append(
                Step(
                    self.tr("Soil-and-water-conservation rate by county/township"),
                    jobs.SWCRATE,
                    lambda r: jobs.swcrate_params(s, r, w) if "soilloss_before" in r else None,
                    "swcrate",
                    optional=True,
                    may_fail=True,
                )
            )
        return steps

    def _grid(self, r: Dict[str, Any]) -> Dict[str, Any]:
        info = jobs.raster_info(_out(r, "dem"))
        if info is None:
            raise RuntimeError(self.tr("the clipped DEM cannot be read"))
        return info

    def _warp(self, r: Dict[str, Any]) -> Dict[str, Any]:
        info = self._grid(r)
        ext = info["extent_rect"]
        return {
            "INPUT": self.state["landuse"],
            "TARGET_CRS": info["crs"],
            "RESAMPLING": 0,
            "TARGET_RESOLUTION": info["cellsize"],
            "TARGET_EXTENT": f"{ext.xMinimum()},{ext.xMaximum()},{ext.yMinimum()},{ext.yMaximum()}",
            "TARGET_EXTENT_CRS": info["crs"],
            "OUTPUT": self.wiz.work("landuse_aligned.tif"),
        }

    def _rasterize(self, r: Dict[str, Any]) -> Dict[str, Any]:
        info = self._grid(r)
        ext = info["extent_rect"]
        return {
            "INPUT": _out(r, "lu_vec"),
            "FIELD": "LUCAT",
            "UNITS": 1,
            "WIDTH": info["cellsize"],
            "HEIGHT": info["cellsize"],
            "EXTENT": f"{ext.xMinimum()},{ext.xMaximum()},{ext.yMinimum()},{ext.yMaximum()}",
            "NODATA": 0,
            "DATA_TYPE": 0,
            "INIT": 0,
            "OUTPUT": self.wiz.work("landuse_categories.tif"),
        }

    def run(self) -> None:
        self.note.clear()
        self.run_steps(self.steps(), self.progress, self._done)

    def _done(self, ok: bool, message: str) -> None:
        if not ok:
            self.note.setText(message)
            return
        r = self.state["results"]
        areas = tables.split_combo_areas(jobs.unique_value_areas(_out(r, "combo_areas", "OUTPUT_TABLE")))
        self.state["combo_areas"] = {f"{lu}:{k}": a for (lu, k), a in areas.items()}
        if "soilloss_before" in r and jobs.SOILLOSS not in self.wiz.runner.skipped:
            self.state["before"] = jobs.soilloss_summary(r["soilloss_before"].get("TABLE", ""))
            self.state["intensity_before"] = jobs.intensity_areas(r["soilloss_before"].get("TABLE", ""))
        self.state["zone_rates"] = jobs.zone_rates(r["swcrate"]["OUTPUT"]) if "swcrate" in r else []
        self.add_layers()
        self.show_tables()
        if self.wiz.runner.skipped:
            self.note.setText(
                self.tr("Not installed, skipped: {algs}.").format(algs=", ".join(self.wiz.runner.skipped))
            )
        self.wiz.save_state()

    def add_layers(self) -> None:
        r = self.state["results"]
        lu_qml = self.wiz.work("landuse_categories.qml")
        with open(lu_qml, "w", encoding="utf-8") as handle:
            handle.write(landuse_qml())
        self.wiz.add_layer(_out(r, "landuse"), "landuse", "raster", lu_qml)
        self.wiz.add_layer(_out(r, "slope"), "slope", "raster")
        loss = r.get("soilloss_before")
        if loss:
            self.wiz.add_layer(loss.get("SOIL_LOSS", ""), "soil_loss", "raster")
            self.wiz.add_layer(loss.get("INTENSITY", ""), "intensity", "raster")

    # -- display --------------------------------------------------------------------
    def areas(self) -> Dict[tuple, float]:
        out = {}
        for key, area in self.state.get("combo_areas", {}).items():
            lu, k = key.split(":")
            out[(lu, int(k))] = float(area)
        return out

    def landuse_rows(self) -> List[List[str]]:
        rows = tables.landuse_slope_table(self.areas())
        cols = [f"class{k}" for k in range(1, 6)] + ["total"]
        out = [[landuse_label(row["landuse"])] + [F(row[c]) for c in cols] for row in rows]
        if rows:
            totals = [sum(float(row[c]) for row in rows) for c in cols]
            out.append([self.tr("Total")] + [F(v) for v in totals])
        return out

    def landuse_headers(self) -> List[str]:
        return [self.tr("Land use"), "≤2°", "2–6°", "6–15°", "15–25°", ">25°", self.tr("Total")]

    def erosion_rows(self) -> List[List[str]]:
        rows = []
        for k, km2 in self.state.get("intensity_before", []):
            rows.append([intensity_label(k), F(km2, 3)])
        return rows

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
        before = self.state.get("before") or {}
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
            self.rate_label.setText(
                self.tr("Soil loss was not computed (swcplanner:soilloss is not installed).")
            )

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.state.get("combo_areas")) and not self.busy()

    def restore(self) -> None:
        if self.state.get("combo_areas"):
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
        self.alloc_table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
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
        self.set_allocation(tables.load_allocation(tables.allocation_path(region)))

    def set_allocation(self, alloc: tables.Allocation) -> None:
        items = [(m, measure_label(m)) for m in tables.AREA_MEASURES]
        headers = [self.tr("Land use"), "≤2°", "2–6°", "6–15°", "15–25°", ">25°"]
        self.alloc_table.clear()
        self.alloc_table.setColumnCount(len(headers))
        self.alloc_table.setHorizontalHeaderLabels(headers)
        rows = [lu for lu, _v in tables.LANDUSE_CATEGORIES]
        self.alloc_table.setRowCount(len(rows))
        for i, lu in enumerate(rows):
            item = QTableWidgetItem(landuse_label(lu))
            item.setData(Qt.UserRole, lu)
            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
            self.alloc_table.setItem(i, 0, item)
            measures = alloc.get(lu, ["none"] * 5)
            for k in range(5):
                self.alloc_table.setCellWidget(i, k + 1, code_combo(self.alloc_table, items, measures[k]))

    def allocation(self) -> tables.Allocation:
        out: tables.Allocation = {}
        strings = table_strings(self.alloc_table)
        for i, row in enumerate(strings):
            lu = self.alloc_table.item(i, 0).data(Qt.UserRole)
            out[lu] = [m or "none" for m in row[1:6]]
        return out

    def set_measure(self, landuse: str, slope_class: int, measure: str) -> None:
        for i in range(self.alloc_table.rowCount()):
            if self.alloc_table.item(i, 0).data(Qt.UserRole) == landuse:
                combo = self.alloc_table.cellWidget(i, slope_class)
                combo.setCurrentIndex(combo.findData(measure))

    # -- job ------------------------------------------------------------------------
    def steps(self) -> List[Step]:
        s = self.state
        w = self.wiz.work
        alloc = self.allocation()
        steps = [
            Step(
                self.tr("Measure map"),
                "native:reclassifybytable",
                lambda r: {
                    "INPUT_RASTER": _out(r, "combo"),
                    "RASTER_BAND": 1,
                    "TABLE": tables.allocation_reclass_table(alloc),
                    "NO_DATA": 255,
                    "RANGE_BOUNDARIES": 2,
                    "NODATA_FOR_MISSING": True,
                    "DATA_TYPE": 0,
                    "OUTPUT": w("measures.tif"),
                },
                "measures",
            ),
            Step(
                self.tr("Measure polygons"),
                "gdal:polygonize",
                lambda r: {
                    "INPUT": _out(r, "measures"),
                    "BAND": 1,
                    "FIELD": "MEASURE",
                    "EIGHT_CONNECTEDNESS": False,
                    "OUTPUT": jobs.gpkg_table(w("measure_polygons.gpkg")),
                },
                "measure_poly",
            ),
            Step(
                self.tr("Measure types"),
                "native:fieldcalculator",
                lambda r: {
                    "INPUT": _out(r, "measure_poly"),
                    "FIELD_NAME": "ETYPE",
                    "FIELD_TYPE": 2,
                    "FIELD_LENGTH": 32,
                    "FIELD_PRECISION": 0,
                    "FORMULA": tables.measure_etype_expression("MEASURE"),
                    "OUTPUT": jobs.gpkg_table(w("measure_plan.gpkg")),
                },
                "measure_plan",
            ),
        ]
        if jobs.available(jobs.FARMLAND):
            if s.get("landuse_kind") == "vector":
                steps.append(
                    Step(
                        self.tr("Land-use parcels in the watershed"),
                        "native:clip",
                        lambda r: {
                            "INPUT": _out(r, "lu_vec"),
                            "OVERLAY": s["watershed"],
                            "OUTPUT": jobs.gpkg_table(w("parcels.gpkg")),
                        },
                        "parcels",
                    )
                )
            else:
                steps.append(
                    Step(
                        self.tr("Land-use parcels in the watershed"),
                        "gdal:polygonize",
                        lambda r: {
                            "INPUT": _out(r, "landuse"),
                            "BAND": 1,
                            "FIELD": "LUCAT",
                            "EIGHT_CONNECTEDNESS": False,
                            "OUTPUT": jobs.gpkg_table(w("parcels.gpkg")),
                        },
                        "parcels",
                    )
                )
            steps.append(
                Step(
                    self.tr("Farmland screening"),
                    jobs.FARMLAND,
                    lambda r: jobs.farmland_params(s, r, w),
                    "farmland",
                    optional=True,
                )
            )
        if self.dams_check.isChecked():
            steps.append(
                Step(
                    self.tr("Check dams"),
                    jobs.CHECKDAMS,
                    lambda r: jobs.checkdam_params(s, r, w, "checkdams"),
                    "checkdams",
                    optional=True,
                )
            )
        if self.silt_check.isChecked():
            steps.append(
                Step(
                    self.tr("Silt-trap dams"),
                    jobs.CHECKDAMS,
                    lambda r: jobs.checkdam_params(s, r, w, "siltdams"),
                    "siltdams",
                    optional=True,
                )
            )
        if self.works_check.isChecked() and jobs.available(jobs.SLOPEWORKS):
            for key, measure in (("pits", tables.PIT_MEASURES), ("benches", tables.BENCH_MEASURES)):
                values = ",".join(str(tables.MEASURE_VALUE[m]) for m in measure)
                if not any(tables.measure_areas(self._areas(), alloc).get(m, 0) > 0 for m in measure):
                    continue
                steps.append(
                    Step(
                        self.tr("Areas for slope works"),
                        "native:extractbyexpression",
                        lambda r, v=values, k=key: {
                            "INPUT": _out(r, "measure_plan"),
                            "EXPRESSION": f'"MEASURE" IN ({v})',
                            "OUTPUT": jobs.gpkg_table(w(f"{k}_areas.gpkg")),
                        },
                        key + "_areas",
                    )
                )
                steps.append(
                    Step(
                        self.tr("Fish-scale pits") if key == "pits" else self.tr("Level benches"),
                        jobs.SLOPEWORKS,
                        lambda r, k=key: jobs.slopeworks_params(s, r, w, k),
                        key,
                        optional=True,
                    )
                )
        return steps

    def _areas(self) -> Dict[tuple, float]:
        out = {}
        for key, area in self.state.get("combo_areas", {}).items():
            lu, k = key.split(":")
            out[(lu, int(k))] = float(area)
        return out

    def run(self) -> None:
        self.state["allocation"] = self.allocation()
        self.state["options"] = {
            "dams": self.dams_check.isChecked(),
            "silt": self.silt_check.isChecked(),
            "works": self.works_check.isChecked(),
        }
        for key in ("farmland", "checkdams", "siltdams", "pits", "benches"):
            self.state.setdefault("results", {}).pop(key, None)
        self.note.clear()
        self.run_steps(self.steps(), self.progress, self._done)

    def _done(self, ok: bool, message: str) -> None:
        if not ok:
            self.note.setText(message)
            return
        r = self.state["results"]
        alloc = self.state["allocation"]
        self.state["measure_areas"] = tables.measure_areas(self._areas(), alloc)
        self.state["works"] = jobs.read_works(r)
        qml = self.wiz.work("measures.qml")
        with open(qml, "w", encoding="utf-8") as handle:
            handle.write(measures_qml(measure_label))
        self.wiz.add_layer(_out(r, "measures"), "measures", "raster", qml)
        for key in ("checkdams", "siltdams"):
            if key in r and r[key].get("DAMS"):
                self.wiz.add_layer(r[key]["DAMS"], key, "vector")
        for key, layer_key in (("pits", "pit_rows"), ("benches", "bench_rows")):
            if key in r and r[key].get("ROWS"):
                self.wiz.add_layer(r[key]["ROWS"], layer_key, "vector")
        if "farmland" in r and r["farmland"].get("OUTPUT"):
            self.wiz.add_layer(r["farmland"]["OUTPUT"], "farmland", "vector")
        self.show_summary()
        notes = []
        if self.wiz.runner.skipped:
            notes.append(
                self.tr("Not installed, skipped: {algs}.").format(
                    algs=", ".join(sorted(set(self.wiz.runner.skipped)))
                )
            )
        self.note.setText(" ".join(notes))
        self.wiz.save_state()

    def summary_rows(self) -> List[List[str]]:
        rows = tables.measure_area_rows(self.state.get("measure_areas", {}))
        out = [
            [measure_label(r["measure"]), F(r["area_ha"]), F(r["area_mu"], 1), F(r["pct"], 1), ""]
            for r in rows
        ]
        works = self.state.get("works", {})
        for item in ("checkdam_count", "siltdam_count", "pit_count"):
            if works.get(item) is not None:
                out.append([item_label(item), "", "", "", F(works[item], 0)])
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
        return bool(self.state.get("measure_areas")) and not self.busy()

    def restore(self) -> None:
        if self.state.get("allocation"):
            self.set_allocation(self.state["allocation"])
        opts = self.state.get("options", {})
        self.dams_check.setChecked(opts.get("dams", True))
        self.silt_check.setChecked(opts.get("silt", False))
        self.works_check.setChecked(opts.get("works", True))
        if self.state.get("measure_areas"):
            self.show_summary()


# -- 6 quantities and investment ----------------------------------------------------


class QuantitiesPage(PlanningPage):
    """工程量汇总表 and 投资估算表 from the quantities and an editable unit-price table."""

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
        self.quantity_table = make_table(self)
        self.invest_table = make_table(self)
        self.total_label = QLabel(self)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Unit prices"), self))
        left.addWidget(self.price_table)
        left.addWidget(self.reset_button)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Bill of quantities"), self))
        right.addWidget(self.quantity_table)
        right.addWidget(QLabel(self.tr("Investment estimate"), self))
        right.addWidget(self.invest_table)
        right.addWidget(self.total_label)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.reset_button.clicked.connect(self.reset_prices)
        self.price_table.itemChanged.connect(self.recalculate)

    def initializePage(self) -> None:  # noqa: N802
        if self.price_table.rowCount() == 0:
            if self.state.get("prices"):
                self.set_prices(self.state["prices"])
            else:
                self.reset_prices()
        self.recalculate()

    def reset_prices(self) -> None:
        self.set_prices(tables.load_prices(tables.unit_price_path()))
        self.recalculate()

    def set_prices(self, prices: Dict[str, float]) -> None:
        units = {row["item"]: row["unit"] for row in tables.read_csv(tables.unit_price_path())}
        self.price_table.blockSignals(True)
        self.price_table.clear()
        self.price_table.setColumnCount(3)
        self.price_table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Unit"), self.tr("Unit price")])
        items = list(prices.items())
        self.price_table.setRowCount(len(items))
        for i, (item, price) in enumerate(items):
            name = QTableWidgetItem(item_label(item))
            name.setData(Qt.UserRole, item)
            name.setFlags(name.flags() & ~Qt.ItemIsEditable)
            unit = QTableWidgetItem(unit_label(units.get(item, "")))
            unit.setFlags(unit.flags() & ~Qt.ItemIsEditable)
            value = QTableWidgetItem(f"{float(price):g}")
            value.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
            self.price_table.setItem(i, 0, name)
            self.price_table.setItem(i, 1, unit)
            self.price_table.setItem(i, 2, value)
        self.price_table.blockSignals(False)

    def prices(self) -> Dict[str, float]:
        out = {}
        for i in range(self.price_table.rowCount()):
            item = self.price_table.item(i, 0).data(Qt.UserRole)
            try:
                out[item] = float(self.price_table.item(i, 2).text().replace(",", ""))
            except ValueError:
                out[item] = 0.0
        return out

    def set_price(self, item: str, price: float) -> None:
        for i in range(self.price_table.rowCount()):
            if self.price_table.item(i, 0).data(Qt.UserRole) == item:
                self.price_table.item(i, 2).setText(f"{price:g}")

    def compute(self):
        qrows = tables.quantities(self.state.get("measure_areas", {}), self.state.get("works", {}))
        irows, totals = tables.investment(qrows, self.prices())
        return qrows, irows, totals

    def quantity_rows(self, qrows) -> List[List[str]]:
        return [
            [
                measure_label(q["measure"]),
                item_label(q["item"]),
                unit_label(q["unit"]),
                F(q["quantity"], 0 if q["unit"] == "pcs" else 2)
                if q["computed"]
                else self.tr("not computed"),
            ]
            for q in qrows
        ]

    def invest_rows(self, irows, totals) -> List[List[str]]:
        out = []
        for part in tables.PARTS:
            out.append([part_label(part), "", "", "", F(totals[part] / 10000.0, 2)])
            for r in irows:
                if r["part"] == part and r["amount"]:
                    out.append(
                        [
                            "",
                            item_label(r["item"]),
                            F(r["quantity"]),
                            F(r["price"]),
                            F(r["amount"] / 10000.0, 2),
                        ]
                    )
        for key in ("independent", "contingency", "total"):
            out.append([part_label(key), "", "", "", F(totals[key] / 10000.0, 2)])
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

    def recalculate(self, *_args) -> None:
        qrows, irows, totals = self.compute()
        fill_table(self.quantity_table, self.quantity_headers(), self.quantity_rows(qrows), 2)
        fill_table(self.invest_table, self.invest_headers(), self.invest_rows(irows, totals), 2)
        self.total_label.setText(
            self.tr("Total investment: {total} ×10⁴ CNY").format(total=F(totals["total"] / 10000.0, 2))
        )
        self.state["prices"] = self.prices()
        self.state["investment_total"] = totals["total"]

    def validatePage(self) -> bool:  # noqa: N802
        self.recalculate()
        self.wiz.save_state()
        return True

    def restore(self) -> None:
        if self.state.get("prices"):
            self.set_prices(self.state["prices"])


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
        return [
            Step(
                self.tr("Soil loss with the measures"),
                jobs.SOILLOSS,
                lambda r: jobs.soilloss_params(
                    s,
                    _out(r, "dem"),
                    self.wiz.work_dir(),
                    "after",
                    measures=_out(r, "measure_plan"),
                    measure_field="ETYPE",
                    baseline=r.get("soilloss_before", {}).get("SOIL_LOSS"),
                ),
                "soilloss_after",
                optional=True,
            )
        ]

    def run(self) -> None:
        self.note.clear()
        self.run_steps(self.steps(), self.progress, self._done)

    def _done(self, ok: bool, message: str) -> None:
        if not ok:
            self.note.setText(message)
            return
        r = self.state["results"]
        if "soilloss_after" in r and jobs.SOILLOSS not in self.wiz.runner.skipped:
            table = r["soilloss_after"].get("TABLE", "")
            self.state["after"] = jobs.soilloss_summary(table)
            base = jobs.soilloss_summary(table, base=True)
            if base.get("soil_loss_t") is not None:
                self.state["before"] = base
            self.wiz.add_layer(r["soilloss_after"].get("INTENSITY", ""), "intensity_after", "raster")
        else:
            self.note.setText(self.tr("swcplanner:soilloss is not installed: benefits cannot be computed."))
        self.state["benefits_done"] = True
        self.show_table()
        self.wiz.save_state()

    def rows(self) -> List[List[str]]:
        before, after = self.state.get("before") or {}, self.state.get("after") or {}
        out = []
        for row in tables.benefits(before, after):
            digits = 2 if row["indicator"] in ("swc_rate", "eroded_km2") else 0
            out.append(
                [
                    indicator_label(row["indicator"]),
                    F(row["before"], digits),
                    F(row["after"], digits),
                    F(row["change"], digits),
                ]
            )
        return out

    def headers(self) -> List[str]:
        return [self.tr("Indicator"), self.tr("Before"), self.tr("After"), self.tr("Change")]

    def show_table(self) -> None:
        fill_table(self.table, self.headers(), self.rows())
        saved = tables.soil_saved(self.state.get("before") or {}, self.state.get("after") or {})
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
        self.result_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
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
