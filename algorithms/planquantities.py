"""swcplanner:planquantities — bill of quantities and investment estimate of a small-watershed plan."""

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
from .core.planning.quantities import investment, investment_table, quantities, works_from_layouts
from .core.planning.tables import load_prices, unit_price_path


def _plain(value: Any) -> Any:
    """A QVariant NULL as ``None``; other values unchanged."""
    return None if hasattr(value, "isNull") and value.isNull() else value


def table_rows(src) -> List[Dict[str, Any]]:
    """The attribute rows of a feature source as dicts (NULL → ``None``)."""
    names = src.fields().names()
    return [dict(zip(names, (_plain(v) for v in f.attributes()))) for f in src.getFeatures()]


class PlanQuantitiesAlgorithm(SwcAlgorithm):
    """Quantities per measure from the layout results, and the investment from a unit-price table."""

    ALG_ID = "planquantities"
    GROUP_ID = GROUP_PLANNING

    MEASURE_AREAS = "MEASURE_AREAS"
    FARMLAND = "FARMLAND"
    CHECKDAMS = "CHECKDAMS"
    SILTDAMS = "SILTDAMS"
    PITS = "PITS"
    BENCHES = "BENCHES"
    PRICES = "PRICES"
    INDEPENDENT_PCT = "INDEPENDENT_PCT"
    CONTINGENCY_PCT = "CONTINGENCY_PCT"
    QUANTITIES = "QUANTITIES"
    INVESTMENT = "INVESTMENT"
    TOTAL = "TOTAL"

    #: layout inputs: (parameter, label, fields the core reads)
    LAYOUTS = (
        ("FARMLAND", "farmland", ("EARTH_M3", "CATEGORY")),
        ("CHECKDAMS", "checkdams", ("BODY_M3",)),
        ("SILTDAMS", "siltdams", ("BODY_M3",)),
        ("PITS", "pits", ("COUNT", "EARTH_M3")),
        ("BENCHES", "benches", ("EARTH_M3",)),
    )

    def displayName(self):  # noqa: N802
        return self.tr("Plan quantities and investment")

    def help_html(self):
        return self.format_help(
            self.tr(
                "The bill of quantities (工程量汇总表) and the investment estimate (投资估算表) of a "
                "small-watershed plan from the measure areas and the layout results."
            ),
            [
                (
                    self.tr("Quantities"),
                    self.tr(
                        "Areas (ha) from MEASURE_AREAS (the TABLE of swcplanner:measureplan): enclosure, "
                        "soil-conservation and economic forest (pits and benches together), grass, "
                        "terraces, conservation tillage. Counts and earthwork from the layouts given: "
                        "FARMLAND (swcplanner:farmlandscreening OUTPUT; EARTH_M3 of the parcels with "
                        "CATEGORY convert = terrace earthwork), CHECKDAMS and SILTDAMS (DAMS of "
                        "swcplanner:checkdams; one row per dam, BODY_M3), PITS and BENCHES (SUMMARY of "
                        "swcplanner:slopeworks; COUNT and EARTH_M3). An item whose layout is not given "
                        "is 0 and marked COMPUTED = 0."
                    ),
                ),
                (
                    self.tr("Investment"),
                    self.tr(
                        "Each quantity is priced once: amount = unit price × quantity (PRICES, CSV: item, "
                        "unit, price; default resources/tables/unit_prices.csv, placeholder prices to "
                        "replace with the current 水土保持工程概(估)算编制规定 and local price lists). "
                        "Part 1 engineering, part 2 forest and grass, part 3 enclosure; part 4 "
                        "independent costs = INDEPENDENT_PCT % of parts 1–3; basic contingency = "
                        "CONTINGENCY_PCT % of parts 1–4. Empty rates: the price table's independent_pct "
                        "and contingency_pct."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "QUANTITIES: ITEM, MEASURE, PART, UNIT, QUANTITY, COMPUTED. INVESTMENT: in report "
                        "order, LEVEL part (subtotal) with its item rows, then sum rows direct (parts "
                        "1–3), independent, contingency and total; AMOUNT in CNY and AMOUNT_10K in 10⁴ "
                        "CNY (万元). TOTAL: the total investment (CNY)."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.MEASURE_AREAS,
                self.tr("Measure areas (TABLE of swcplanner:measureplan)"),
                [params.SOURCE_TABLE],
            )
        )
        labels = {
            self.FARMLAND: self.tr("Farmland screening (OUTPUT of swcplanner:farmlandscreening)"),
            self.CHECKDAMS: self.tr("Check dams (DAMS of swcplanner:checkdams)"),
            self.SILTDAMS: self.tr("Silt-trap dams (DAMS of swcplanner:checkdams)"),
            self.PITS: self.tr("Fish-scale pits (SUMMARY of swcplanner:slopeworks)"),
            self.BENCHES: self.tr("Level benches (SUMMARY of swcplanner:slopeworks)"),
        }
        for name, _key, _fields in self.LAYOUTS:
            self.addParameter(
                QgsProcessingParameterFeatureSource(name, labels[name], [params.SOURCE_TABLE], optional=True)
            )
        self.addParameter(
            QgsProcessingParameterFile(
                self.PRICES,
                self.tr("Unit prices (CSV: item, unit, price)"),
                extension="csv",
                defaultValue=unit_price_path(),
                optional=True,
            )
        )
        self.addParameter(
            params.number(
                self.INDEPENDENT_PCT,
                self.tr("Independent costs (% of parts 1–3; empty = price table)"),
                None,
                minimum=0.0,
                maximum=100.0,
                optional=True,
            )
        )
        self.addParameter(
            params.number(
                self.CONTINGENCY_PCT,
                self.tr("Basic contingency (% of parts 1–4; empty = price table)"),
                None,
                minimum=0.0,
                maximum=100.0,
                optional=True,
            )
        )
        self.addParameter(outputs.table_output(self.QUANTITIES, self.tr("Bill of quantities")))
        self.addParameter(
            outputs.table_output(self.INVESTMENT, self.tr("Investment estimate"), secondary=True)
        )
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL, self.tr("Total investment (CNY)")))

    def _rows(self, parameters, name: str, context, fields) -> Optional[List[Dict[str, Any]]]:
        if parameters.get(name) in (None, ""):
            return None
        src = inputs.source(self, parameters, name, context)
        inputs.require_fields(src, fields, name)
        return table_rows(src)

    def _rate(self, parameters, name: str, context) -> Optional[float]:
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        areas_rows = self._rows(parameters, self.MEASURE_AREAS, context, ("MEASURE", "AREA_M2"))
        areas: Dict[str, float] = {}
        for row in areas_rows or []:
            areas[str(row["MEASURE"])] = areas.get(str(row["MEASURE"]), 0.0) + float(row["AREA_M2"] or 0.0)
        layouts = {key: self._rows(parameters, name, context, fields) for name, key, fields in self.LAYOUTS}
        price_path = self.parameterAsFile(parameters, self.PRICES, context) or unit_price_path()
        try:
            prices = load_prices(price_path)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        works = works_from_layouts(**layouts)
        qrows = quantities(areas, works)
        irows, totals = investment(
            qrows,
            prices,
            self._rate(parameters, self.INDEPENDENT_PCT, context),
            self._rate(parameters, self.CONTINGENCY_PCT, context),
        )
        missing = [r["ITEM"] for r in qrows if not r["COMPUTED"]]
        if missing:
            feedback.pushInfo(
                self.tr("Not computed (no layout given): {items}.").format(items=inputs.short_list(missing))
            )
        q_fields = outputs.fields_from_spec(
            [
                ("ITEM", outputs.FIELD_STRING),
                ("MEASURE", outputs.FIELD_STRING),
                ("PART", outputs.FIELD_STRING),
                ("UNIT", outputs.FIELD_STRING),
                ("QUANTITY", outputs.FIELD_DOUBLE),
                ("COMPUTED", outputs.FIELD_INT),
            ]
        )
        sink, q_id = outputs.table_sink(self, parameters, self.QUANTITIES, context, q_fields)
        outputs.add_rows(
            sink,
            q_fields,
            (
                [r["ITEM"], r["MEASURE"], r["PART"], r["UNIT"], r["QUANTITY"], int(r["COMPUTED"])]
                for r in qrows
            ),
        )
        i_fields = outputs.fields_from_spec(
            [
                ("LEVEL", outputs.FIELD_STRING),
                ("PART", outputs.FIELD_STRING),
                ("ITEM", outputs.FIELD_STRING),
                ("UNIT", outputs.FIELD_STRING),
                ("QUANTITY", outputs.FIELD_DOUBLE),
                ("PRICE", outputs.FIELD_DOUBLE),
                ("AMOUNT", outputs.FIELD_DOUBLE),
                ("AMOUNT_10K", outputs.FIELD_DOUBLE),
            ]
        )
        sink, i_id = outputs.table_sink(self, parameters, self.INVESTMENT, context, i_fields)
        outputs.add_rows(
            sink, i_fields, ([r[f.name()] for f in i_fields] for r in investment_table(irows, totals))
        )
        feedback.pushInfo(
            self.tr(
                "Parts 1–3: {direct:,.0f} CNY; independent costs {ind:,.0f} CNY ({ind_pct:g} %); basic "
                "contingency {cont:,.0f} CNY ({cont_pct:g} %); total {total:,.0f} CNY."
            ).format(
                direct=totals["direct"],
                ind=totals["independent"],
                ind_pct=totals["independent_pct"],
                cont=totals["contingency"],
                cont_pct=totals["contingency_pct"],
                total=totals["total"],
            )
        )
        feedback.setProgress(100)
        return {self.QUANTITIES: q_id, self.INVESTMENT: i_id, self.TOTAL: totals["total"]}
