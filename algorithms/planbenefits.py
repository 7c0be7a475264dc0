"""swcplanner:planbenefits — the benefits of a plan by the classes of GB/T 15774-2008: basic (soil and water
retained), economic, social and ecological; soil loss and the SWC rate before and after."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from . import inputs, outputs, params
from .base import GROUP_PLANNING, SwcAlgorithm, translate_core_error
from .core.errors import SwcError
from .core.planning.benefits import (
    basic_rows,
    before_after,
    benefit_rows,
    ecological_rows,
    economic_rows,
    landuse_totals,
    social_rows,
    soil_saved,
)
from .core.planning.tables import benefit_economic_path, benefit_rates_path, load_benefit_rates, load_economic

SOILLOSS_FIELDS = ("AREA_KM2", "ERODED_KM2", "SOIL_LOSS_T")


def table_rows(src) -> List[Dict[str, Any]]:
    """The attribute rows of a feature source as dicts (NULL → ``None``)."""
    names = src.fields().names()
    return [
        dict(zip(names, (None if hasattr(v, "isNull") and v.isNull() else v for v in f.attributes())))
        for f in src.getFeatures()
    ]


class PlanBenefitsAlgorithm(SwcAlgorithm):
    """Benefit tables of a plan (GB/T 15774-2008) from the soil-loss tables without and with it and the plan."""

    ALG_ID = "planbenefits"
    GROUP_ID = GROUP_PLANNING

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    MEASURE_AREAS = "MEASURE_AREAS"
    MEASURE_LANDUSE = "MEASURE_LANDUSE"
    LANDUSE_AREAS = "LANDUSE_AREAS"
    SILTDAMS = "SILTDAMS"
    CHECKDAMS = "CHECKDAMS"
    BENEFIT_RATES = "BENEFIT_RATES"
    YIELDS = "YIELDS"
    RUNOFF_DEPTH = "RUNOFF_DEPTH"
    OUTPUT = "OUTPUT"
    BASIC = "BASIC"
    ECONOMIC = "ECONOMIC"
    SOCIAL = "SOCIAL"
    ECOLOGICAL = "ECOLOGICAL"
    SOIL_LOSS_BEFORE = "SOIL_LOSS_BEFORE"
    SOIL_LOSS_AFTER = "SOIL_LOSS_AFTER"
    SOIL_SAVED = "SOIL_SAVED"
    SWC_RATE_BEFORE = "SWC_RATE_BEFORE"
    SWC_RATE_AFTER = "SWC_RATE_AFTER"
    WATER_RETAINED = "WATER_RETAINED"
    ECONOMIC_VALUE = "ECONOMIC_VALUE"
    TREATMENT_DEGREE = "TREATMENT_DEGREE"
    COVER_BEFORE = "COVER_BEFORE"
    COVER_AFTER = "COVER_AFTER"

    def displayName(self):  # noqa: N802
        return self.tr("Plan benefits (GB/T 15774-2008)")

    def help_html(self):
        return self.format_help(
            self.tr(
                "The benefits of a small-watershed plan by the classes of GB/T 15774-2008: basic "
                "(soil and water retained, 调水保土), economic, social and ecological, with soil loss, "
                "erosion and the soil-and-water-conservation rate (水土保持率) before and after."
            ),
            [
                (
                    self.tr("Inputs"),
                    self.tr(
                        "BEFORE: the TABLE of swcplanner:soilloss without the plan (the status). AFTER: "
                        "the TABLE of swcplanner:soilloss with the plan: MEASURES = the POLYGONS of "
                        "swcplanner:measureplan, MEASURE_FIELD = ETYPE, BASELINE = the status soil loss "
                        "and, for the tables per measure, ZONES = the same polygons with ZONE_FIELD = "
                        "MEASURE. The polygons hold only cells where the measure may be laid (the "
                        "eligibility rules of measureplan, e.g. pits on 15–45°): soil is retained only "
                        "where works are laid. Without BEFORE the BASE_* columns of AFTER are used; "
                        "without AFTER only the status is reported. MEASURE_AREAS, MEASURE_LANDUSE: the "
                        "TABLE and LANDUSE_TABLE of measureplan; LANDUSE_AREAS: the TABLE of "
                        "swcplanner:landuseslope; SILTDAMS, CHECKDAMS: the DAMS of swcplanner:siltdams "
                        "and swcplanner:checkdams."
                    ),
                ),
                (
                    self.tr("Basic benefit (调水保土)"),
                    self.tr(
                        "Per measure: soil retained = soil loss without − with it (its zone of AFTER, "
                        "t/a); a second estimate = soil loss without × its sediment reduction rate; water "
                        "retained = area × RUNOFF_DEPTH (mean annual runoff depth, mm; empty = not "
                        "computed) × its water reduction rate (m³/a). Rates: BENEFIT_RATES (CSV measure, "
                        "water_pct, sediment_pct, source; default resources/tables/benefit_rates.csv, "
                        "placeholders to replace with observed rates). The sediment trapped by the "
                        "silt-trap dams (their inflow) is listed apart, not added to the total."
                    ),
                ),
                (
                    self.tr("Economic, social and ecological benefits"),
                    self.tr(
                        "Economic: area × additional yield per ha × price per measure (YIELDS, CSV "
                        "measure, product, unit, yield_ha, price, source; default "
                        "resources/tables/benefit_economic.csv, placeholders), CNY/a, gross. Social: "
                        "terraced land added, area treated, silt-trap dams and the land silted behind "
                        "them, check dams. Ecological: 水土流失治理度 = eroded area treated (the measure "
                        "zones' eroded area without the plan) / eroded area × 100; 林草覆盖率 = forest, "
                        "grass and orchard area / land area × 100 before, and after adding the land that "
                        "forest and grass measures turn into forest or grass; the SWC rate and the mean "
                        "erosion modulus before and after. With BEFORE, the watershed after the plan = "
                        "before − the change inside the zones of AFTER."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: one row per indicator (soil_loss_t, mean_modulus, eroded_km2, swc_rate, "
                        "land_km2, class1_km2 … class6_km2) with UNIT, BEFORE, AFTER, CHANGE. BASIC: "
                        "MEASURE, AREA_HA, SOIL_BEFORE_T, SOIL_AFTER_T, SOIL_RETAINED_T, SEDIMENT_PCT, "
                        "SOIL_RATE_T, WATER_PCT, RUNOFF_MM, WATER_M3, SOURCE. ECONOMIC: MEASURE, AREA_HA, "
                        "PRODUCT, UNIT, YIELD_HA, OUTPUT, PRICE, VALUE, SOURCE, PLACEHOLDER. SOCIAL: "
                        "INDICATOR, UNIT, VALUE. ECOLOGICAL: INDICATOR (treated_km2, treatment_degree, "
                        "forest_grass_km2, forest_grass_cover, eroded_km2, swc_rate, mean_modulus), UNIT, "
                        "BEFORE, AFTER, CHANGE. Numbers: SOIL_LOSS_BEFORE, SOIL_LOSS_AFTER, SOIL_SAVED "
                        "(t/a), SWC_RATE_BEFORE, SWC_RATE_AFTER, TREATMENT_DEGREE, COVER_BEFORE, "
                        "COVER_AFTER (%), WATER_RETAINED (m³/a), ECONOMIC_VALUE (CNY/a)."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        for name, label in (
            (self.BEFORE, self.tr("Soil loss without the plan (TABLE of swcplanner:soilloss)")),
            (self.AFTER, self.tr("Soil loss with the plan (TABLE of swcplanner:soilloss)")),
            (self.MEASURE_AREAS, self.tr("Measure areas (TABLE of swcplanner:measureplan)")),
            (self.MEASURE_LANDUSE, self.tr("Measures by land use (LANDUSE_TABLE of swcplanner:measureplan)")),
            (self.LANDUSE_AREAS, self.tr("Land use by slope class (TABLE of swcplanner:landuseslope)")),
            (self.SILTDAMS, self.tr("Silt-trap dams (DAMS of swcplanner:siltdams)")),
            (self.CHECKDAMS, self.tr("Check dams (DAMS of swcplanner:checkdams)")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSource(name, label, [params.SOURCE_TABLE], optional=True)
            )
        self.addParameter(
            QgsProcessingParameterFile(
                self.BENEFIT_RATES,
                self.tr("Water and sediment reduction rates (CSV: measure, water_pct, sediment_pct, source)"),
                extension="csv",
                defaultValue=benefit_rates_path(),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.YIELDS,
                self.tr("Yields and prices (CSV: measure, product, unit, yield_ha, price, source)"),
                extension="csv",
                defaultValue=benefit_economic_path(),
                optional=True,
            )
        )
        self.addParameter(
            params.number(
                self.RUNOFF_DEPTH,
                self.tr("Mean annual runoff depth (mm; empty = water retained not computed)"),
                None,
                minimum=0.0,
                maximum=2000.0,
                optional=True,
            )
        )
        self.addParameter(outputs.table_output(self.OUTPUT, self.tr("Benefits")))
        self.addParameter(
            outputs.table_output(self.BASIC, self.tr("Soil and water retained"), secondary=True)
        )
        self.addParameter(outputs.table_output(self.ECONOMIC, self.tr("Economic benefit"), secondary=True))
        self.addParameter(outputs.table_output(self.SOCIAL, self.tr("Social benefit"), secondary=True))
        self.addParameter(
            outputs.table_output(self.ECOLOGICAL, self.tr("Ecological benefit"), secondary=True)
        )
        for name, label in (
            (self.SOIL_LOSS_BEFORE, self.tr("Soil loss before (t/a)")),
            (self.SOIL_LOSS_AFTER, self.tr("Soil loss after (t/a)")),
            (self.SOIL_SAVED, self.tr("Soil saved (t/a)")),
            (self.SWC_RATE_BEFORE, self.tr("SWC rate before (%)")),
            (self.SWC_RATE_AFTER, self.tr("SWC rate after (%)")),
            (self.WATER_RETAINED, self.tr("Water retained (m³/a)")),
            (self.ECONOMIC_VALUE, self.tr("Economic benefit (CNY/a)")),
            (self.TREATMENT_DEGREE, self.tr("Erosion treatment degree (%)")),
            (self.COVER_BEFORE, self.tr("Forest and grass cover before (%)")),
            (self.COVER_AFTER, self.tr("Forest and grass cover after (%)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def _rows(self, parameters, name, context, fields=()) -> Optional[List[Dict[str, Any]]]:
        if parameters.get(name) in (None, ""):
            return None
        src = inputs.source(self, parameters, name, context)
        inputs.require_fields(src, fields, name)
        return table_rows(src)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        before_rows = self._rows(parameters, self.BEFORE, context, SOILLOSS_FIELDS)
        after_rows = self._rows(parameters, self.AFTER, context, SOILLOSS_FIELDS)
        measure_rows = self._rows(parameters, self.MEASURE_AREAS, context, ("MEASURE", "AREA_M2"))
        mlu_rows = self._rows(parameters, self.MEASURE_LANDUSE, context, ("LANDUSE", "MEASURE", "AREA_M2"))
        lu_rows = self._rows(parameters, self.LANDUSE_AREAS, context, ("LANDUSE", "CLASS", "AREA_M2"))
        silt_rows = self._rows(parameters, self.SILTDAMS, context, ("SILT_M2", "SEDIMENT_T_A"))
        check_rows = self._rows(parameters, self.CHECKDAMS, context)
        runoff = (
            self.parameterAsDouble(parameters, self.RUNOFF_DEPTH, context)
            if parameters.get(self.RUNOFF_DEPTH) not in (None, "")
            else None
        )
        try:
            scenario = before_after(before_rows, after_rows)
            rates = load_benefit_rates(self.parameterAsFile(parameters, self.BENEFIT_RATES, context) or None)
            yields = load_economic(self.parameterAsFile(parameters, self.YIELDS, context) or None)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        before, after = scenario["before"], scenario["after"]
        result: Dict[str, Any] = {}
        rows = benefit_rows(before, after)
        ind_spec = [
            ("INDICATOR", outputs.FIELD_STRING),
            ("UNIT", outputs.FIELD_STRING),
            ("BEFORE", outputs.FIELD_DOUBLE),
            ("AFTER", outputs.FIELD_DOUBLE),
            ("CHANGE", outputs.FIELD_DOUBLE),
        ]
        result[self.OUTPUT] = self._table(parameters, context, self.OUTPUT, ind_spec, rows)
        areas: Dict[str, float] = {}
        for row in measure_rows or []:
            areas[str(row["MEASURE"])] = areas.get(str(row["MEASURE"]), 0.0) + float(row["AREA_M2"] or 0.0)
        water = economic = None
        degree = cover_before = cover_after = None
        if measure_rows is not None:
            basic = basic_rows(areas, after_rows, rates, runoff, silt_rows)
            result[self.BASIC] = self._table(
                parameters,
                context,
                self.BASIC,
                [("MEASURE", outputs.FIELD_STRING), ("AREA_HA", outputs.FIELD_DOUBLE)]
                + [
                    (n, outputs.FIELD_DOUBLE)
                    for n in (
                        "SOIL_BEFORE_T",
                        "SOIL_AFTER_T",
                        "SOIL_RETAINED_T",
                        "SEDIMENT_PCT",
                        "SOIL_RATE_T",
                        "WATER_PCT",
                        "RUNOFF_MM",
                        "WATER_M3",
                    )
                ]
                + [("SOURCE", outputs.FIELD_STRING)],
                basic,
            )
            water = basic[-1]["WATER_M3"]
            econ = economic_rows(areas, yields)
            for r in econ:
                r["PLACEHOLDER"] = int(bool(r["PLACEHOLDER"]))
            result[self.ECONOMIC] = self._table(
                parameters,
                context,
                self.ECONOMIC,
                [
                    ("MEASURE", outputs.FIELD_STRING),
                    ("AREA_HA", outputs.FIELD_DOUBLE),
                    ("PRODUCT", outputs.FIELD_STRING),
                    ("UNIT", outputs.FIELD_STRING),
                    ("YIELD_HA", outputs.FIELD_DOUBLE),
                    ("OUTPUT", outputs.FIELD_DOUBLE),
                    ("PRICE", outputs.FIELD_DOUBLE),
                    ("VALUE", outputs.FIELD_DOUBLE),
                    ("SOURCE", outputs.FIELD_STRING),
                    ("PLACEHOLDER", outputs.FIELD_INT),
                ],
                econ,
            )
            economic = econ[-1]["VALUE"]
            result[self.SOCIAL] = self._table(
                parameters,
                context,
                self.SOCIAL,
                [
                    ("INDICATOR", outputs.FIELD_STRING),
                    ("UNIT", outputs.FIELD_STRING),
                    ("VALUE", outputs.FIELD_DOUBLE),
                ],
                social_rows(areas, silt_rows, check_rows),
            )
            lu = landuse_totals(lu_rows or [])
            mlu = {(str(r["LANDUSE"]), str(r["MEASURE"])): float(r["AREA_M2"] or 0.0) for r in mlu_rows or []}
            eco = ecological_rows(scenario, areas, lu, mlu, after_rows)
            if not lu_rows:
                eco = [r for r in eco if not r["INDICATOR"].startswith("forest_grass")]
            result[self.ECOLOGICAL] = self._table(parameters, context, self.ECOLOGICAL, ind_spec, eco)
            by = {r["INDICATOR"]: r for r in eco}
            degree = by["treatment_degree"]["AFTER"]
            if "forest_grass_cover" in by:
                cover_before = by["forest_grass_cover"]["BEFORE"]
                cover_after = by["forest_grass_cover"]["AFTER"]
            if not mlu_rows and lu_rows:
                feedback.pushWarning(
                    self.tr(
                        "Without MEASURE_LANDUSE the forest and grass cover after the plan counts no new "
                        "forest or grass."
                    )
                )
            if after_rows is not None and not any(str(r.get("ZONE")) in areas for r in after_rows):
                feedback.pushWarning(
                    self.tr(
                        "AFTER has no zone per measure (run soilloss with ZONES = the measure polygons, "
                        "ZONE_FIELD = MEASURE): soil retained per measure and the treatment degree from "
                        "the eroded area treated are not available."
                    )
                )
        saved = soil_saved(before, after)
        if saved is not None:
            feedback.pushInfo(
                self.tr(
                    "Soil loss {before:,.1f} → {after:,.1f} t/a, soil saved {saved:,.1f} t/a; SWC rate "
                    "{rb:.2f} % → {ra:.2f} %."
                ).format(
                    before=before["soil_loss_t"],
                    after=after["soil_loss_t"],
                    saved=saved,
                    rb=before["swc_rate"] if before["swc_rate"] is not None else float("nan"),
                    ra=after["swc_rate"] if after["swc_rate"] is not None else float("nan"),
                )
            )
        feedback.setProgress(100)
        result.update(
            {
                self.SOIL_LOSS_BEFORE: before["soil_loss_t"],
                self.SOIL_LOSS_AFTER: after["soil_loss_t"],
                self.SOIL_SAVED: saved,
                self.SWC_RATE_BEFORE: before["swc_rate"],
                self.SWC_RATE_AFTER: after["swc_rate"],
                self.WATER_RETAINED: water,
                self.ECONOMIC_VALUE: economic,
                self.TREATMENT_DEGREE: degree,
                self.COVER_BEFORE: cover_before,
                self.COVER_AFTER: cover_after,
            }
        )
        return result

    def _table(self, parameters, context, name, spec, rows) -> Optional[str]:
        fields = outputs.fields_from_spec(spec)
        sink, table_id = outputs.table_sink(self, parameters, name, context, fields)
        outputs.add_rows(sink, fields, ([r.get(f.name()) for f in fields] for r in rows))
        return table_id
