"""swcplanner:planquantities — bill of quantities and investment estimate of a small-watershed plan."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from . import inputs, outputs, params
from .base import GROUP_PLANNING, SwcAlgorithm, translate_core_error
from .core.errors import SwcError
from .core.planning.quantities import (
    investment,
    investment_table,
    quantities,
    schedule,
    works_from_layouts,
    year_shares,
)
from .core.planning.tables import load_prices, price_info, unit_price_path


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
    START_YEAR = "START_YEAR"
    END_YEAR = "END_YEAR"
    YEAR_SHARES = "YEAR_SHARES"
    QUANTITIES = "QUANTITIES"
    INVESTMENT = "INVESTMENT"
    SCHEDULE = "SCHEDULE"
    TOTAL = "TOTAL"
    PLACEHOLDERS = "PLACEHOLDERS"

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
                "The bill of quantities (工程量汇总表), the investment estimate (投资估算表) and the yearly "
                "implementation schedule (实施进度) of a small-watershed plan from the measure areas and "
                "the layout results."
            ),
            [
                (
                    self.tr("Quantities"),
                    self.tr(
                        "Areas (ha) from MEASURE_AREAS (the TABLE of swcplanner:measureplan): enclosure, "
                        "soil-conservation and economic forest (pits and benches together), grass, "
                        "terraces, conservation tillage. Counts and earthwork from the layouts given: "
                        "FARMLAND (swcplanner:farmlandscreening OUTPUT; EARTH_M3 of the parcels with "
                        "CATEGORY convert = terrace earthwork), CHECKDAMS (DAMS of swcplanner:checkdams, "
                        "谷坊) and SILTDAMS (DAMS of swcplanner:siltdams, 淤地坝; one row per dam, "
                        "BODY_M3), PITS and BENCHES (SUMMARY of swcplanner:slopeworks; COUNT, EARTH_M3, "
                        "SEEDLINGS). An item whose layout is not given is 0 and marked COMPUTED = 0."
                    ),
                ),
                (
                    self.tr("Investment"),
                    self.tr(
                        "Each work is priced once: amount = unit price × quantity (PRICES, CSV: item, "
                        "unit, price, part, source, region, year, note; default "
                        "resources/tables/unit_prices.csv). An item without a row is not priced: the "
                        "earthwork of the pits (the price per pit includes it) and the seedlings (the "
                        "price per ha of planting includes them). Parts of the 水土保持工程概(估)算编制规定 "
                        "(水总〔2003〕67号): part 1 engineering (工程措施), part 2 forest and grass (林草措施, "
                        "site preparation included), part 3 enclosure (封育治理措施); the part column of "
                        "the price table may move an item. Part 4 independent costs (独立费用) = "
                        "INDEPENDENT_PCT % of parts 1–3; basic contingency (基本预备费) = CONTINGENCY_PCT % "
                        "of parts 1–4; empty rates: the price table's independent_pct and "
                        "contingency_pct. Every shipped price is a placeholder (its source says so): "
                        "replace them with the current Hebei norms; PLACEHOLDERS counts the priced items "
                        "whose source is a placeholder or empty."
                    ),
                ),
                (
                    self.tr("Schedule"),
                    self.tr(
                        "With START_YEAR and END_YEAR every quantity and amount is spread over the years "
                        "of the planning period, by YEAR_SHARES (e.g. 2026:3, 2027:2, 2028:1; any "
                        "positive weights) or in equal shares."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "QUANTITIES: ITEM, MEASURE, PART, UNIT, QUANTITY, COMPUTED. INVESTMENT: in report "
                        "order, LEVEL part (subtotal) with its item rows, then sum rows direct (parts "
                        "1–3), independent, contingency and total; QUANTITY, PRICE (NULL: not priced), "
                        "AMOUNT in CNY and AMOUNT_10K in 10⁴ CNY (万元), SOURCE, REGION, YEAR and "
                        "PLACEHOLDER of the price. SCHEDULE: YEAR, LEVEL (item, part, sum), PART, ITEM, "
                        "UNIT, SHARE, QUANTITY, AMOUNT, AMOUNT_10K. TOTAL: the total investment (CNY)."
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
            self.SILTDAMS: self.tr("Silt-trap dams (DAMS of swcplanner:siltdams)"),
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
        for name, label in (
            (self.START_YEAR, self.tr("First year of the planning period")),
            (self.END_YEAR, self.tr("Last year of the planning period")),
        ):
            self.addParameter(
                params.number(name, label, None, minimum=1900, maximum=2200, integer=True, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterString(
                self.YEAR_SHARES,
                self.tr("Yearly shares (year:weight, comma-separated; empty = equal)"),
                optional=True,
            )
        )
        self.addParameter(outputs.table_output(self.QUANTITIES, self.tr("Bill of quantities")))
        self.addParameter(
            outputs.table_output(self.INVESTMENT, self.tr("Investment estimate"), secondary=True)
        )
        self.addParameter(
            outputs.table_output(self.SCHEDULE, self.tr("Implementation schedule"), secondary=True)
        )
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL, self.tr("Total investment (CNY)")))
        self.addOutput(
            QgsProcessingOutputNumber(self.PLACEHOLDERS, self.tr("Priced items with a placeholder price"))
        )

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
            info = price_info(price_path)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        years = self._years(parameters, context)
        works = works_from_layouts(**layouts)
        parts = {item: meta["part"] for item, meta in info.items() if meta.get("part")}
        qrows = quantities(areas, works, parts)
        irows, totals = investment(
            qrows,
            prices,
            self._rate(parameters, self.INDEPENDENT_PCT, context),
            self._rate(parameters, self.CONTINGENCY_PCT, context),
            info,
        )
        missing = [r["ITEM"] for r in qrows if not r["COMPUTED"]]
        if missing:
            feedback.pushInfo(
                self.tr("Not computed (no layout given): {items}.").format(items=inputs.short_list(missing))
            )
        unpriced = [r["ITEM"] for r in irows if not r["PRICED"] and r["QUANTITY"]]
        if unpriced:
            feedback.pushInfo(
                self.tr("Reported, not priced (no row in the price table): {items}.").format(
                    items=inputs.short_list(unpriced)
                )
            )
        placeholders = [r["ITEM"] for r in irows if r["PLACEHOLDER"] and r["AMOUNT"]]
        rate_placeholders = [
            i for i in ("independent_pct", "contingency_pct") if info.get(i, {}).get("placeholder")
        ]
        if placeholders or rate_placeholders:
            feedback.pushWarning(
                self.tr(
                    "{n} priced items and {m} rates have placeholder prices (their source says so): "
                    "{items}. Replace them with the current Hebei norms before the estimate is submitted."
                ).format(
                    n=len(placeholders),
                    m=len(rate_placeholders),
                    items=inputs.short_list(placeholders + rate_placeholders),
                )
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
                ("SOURCE", outputs.FIELD_STRING),
                ("REGION", outputs.FIELD_STRING),
                ("YEAR", outputs.FIELD_STRING),
                ("PLACEHOLDER", outputs.FIELD_INT),
            ]
        )
        table = investment_table(irows, totals)
        for r in table:
            if r["LEVEL"] == "sum" and r["PART"] in ("independent", "contingency"):
                if self._rate(parameters, r["PART"].upper() + "_PCT", context) is not None:
                    r.update(SOURCE=r["PART"].upper() + "_PCT", REGION="", YEAR="", PLACEHOLDER=False)
                else:
                    meta = info.get(r["PART"] + "_pct", {})
                    r.update(
                        SOURCE=meta.get("source", ""),
                        REGION=meta.get("region", ""),
                        YEAR=meta.get("year", ""),
                        PLACEHOLDER=bool(meta.get("placeholder", True)),
                    )
            r["PLACEHOLDER"] = int(bool(r["PLACEHOLDER"]))
        sink, i_id = outputs.table_sink(self, parameters, self.INVESTMENT, context, i_fields)
        outputs.add_rows(sink, i_fields, ([r[f.name()] for f in i_fields] for r in table))
        s_id = None
        if years is not None:
            s_fields = outputs.fields_from_spec(
                [
                    ("YEAR", outputs.FIELD_INT),
                    ("LEVEL", outputs.FIELD_STRING),
                    ("PART", outputs.FIELD_STRING),
                    ("ITEM", outputs.FIELD_STRING),
                    ("UNIT", outputs.FIELD_STRING),
                    ("SHARE", outputs.FIELD_DOUBLE),
                    ("QUANTITY", outputs.FIELD_DOUBLE),
                    ("AMOUNT", outputs.FIELD_DOUBLE),
                    ("AMOUNT_10K", outputs.FIELD_DOUBLE),
                ]
            )
            sched = schedule(irows, totals, years)
            for r in sched:
                r["AMOUNT_10K"] = r["AMOUNT"] / 1e4
            sink, s_id = outputs.table_sink(self, parameters, self.SCHEDULE, context, s_fields)
            outputs.add_rows(sink, s_fields, ([r[f.name()] for f in s_fields] for r in sched))
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
        return {
            self.QUANTITIES: q_id,
            self.INVESTMENT: i_id,
            self.SCHEDULE: s_id,
            self.TOTAL: totals["total"],
            self.PLACEHOLDERS: len(placeholders),
        }

    def _years(self, parameters, context):
        """``[(year, share)]`` of the planning period, or ``None`` without START_YEAR and END_YEAR."""
        given = [parameters.get(n) not in (None, "") for n in (self.START_YEAR, self.END_YEAR)]
        if not any(given):
            return None
        if not all(given):
            raise self.fail(self.tr("Give both START_YEAR and END_YEAR for the schedule, or neither."))
        start = self.parameterAsInt(parameters, self.START_YEAR, context)
        end = self.parameterAsInt(parameters, self.END_YEAR, context)
        text = self.parameterAsString(parameters, self.YEAR_SHARES, context).strip()
        shares = {}
        for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
            try:
                year, weight = part.split(":")
                shares[int(year)] = float(weight)
            except ValueError as exc:
                raise self.fail(
                    self.tr("YEAR_SHARES: “{part}” is not year:weight (e.g. 2026:3).").format(part=part)
                ) from exc
        try:
            return year_shares(start, end, shares or None)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
