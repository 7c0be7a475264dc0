"""swcplanner:planbenefits — soil loss, erosion and the SWC rate before and after a plan; soil saved."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFeatureSource

from . import inputs, outputs, params
from .base import GROUP_PLANNING, SwcAlgorithm, translate_core_error
from .core.errors import SwcError
from .core.planning.benefits import before_after, benefit_rows, soil_saved

SOILLOSS_FIELDS = ("AREA_KM2", "ERODED_KM2", "SOIL_LOSS_T")


def table_rows(src):
    """The attribute rows of a feature source as dicts (NULL → ``None``)."""
    names = src.fields().names()
    return [
        dict(zip(names, (None if hasattr(v, "isNull") and v.isNull() else v for v in f.attributes())))
        for f in src.getFeatures()
    ]


class PlanBenefitsAlgorithm(SwcAlgorithm):
    """Benefit table of a plan from the soil-loss tables without and with it."""

    ALG_ID = "planbenefits"
    GROUP_ID = GROUP_PLANNING

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    OUTPUT = "OUTPUT"
    SOIL_LOSS_BEFORE = "SOIL_LOSS_BEFORE"
    SOIL_LOSS_AFTER = "SOIL_LOSS_AFTER"
    SOIL_SAVED = "SOIL_SAVED"
    SWC_RATE_BEFORE = "SWC_RATE_BEFORE"
    SWC_RATE_AFTER = "SWC_RATE_AFTER"

    def displayName(self):  # noqa: N802
        return self.tr("Plan benefits (soil loss before and after)")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Soil loss, mean erosion modulus, eroded area, area by intensity class and the "
                "soil-and-water-conservation rate (水土保持率) of a watershed before and after the plan, "
                "and the soil saved per year (GB/T 15774-2008, soil retained)."
            ),
            [
                (
                    self.tr("Inputs"),
                    self.tr(
                        "BEFORE: the TABLE of swcplanner:soilloss without the plan (the status). AFTER: "
                        "the TABLE of swcplanner:soilloss with the planned measures (MEASURES = the "
                        "POLYGONS of swcplanner:measureplan, MEASURE_FIELD = ETYPE). Without BEFORE the "
                        "BASE_* columns of AFTER are used (soilloss run with BASELINE). Without AFTER "
                        "only the status is reported. Rows (zones) are summed."
                    ),
                ),
                (
                    self.tr("Method"),
                    self.tr(
                        "Soil loss (t/a) and areas are sums over the rows; mean modulus = soil loss / "
                        "land area (t/(km²·a)); SWC rate = (land − eroded) / land × 100, eroded = light "
                        "and above (SL 190-2007, above the tolerance); soil saved = soil loss before − "
                        "after. Measures act through E and T only (enclosure and grass are not counted)."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: one row per indicator (soil_loss_t, mean_modulus, eroded_km2, swc_rate, "
                        "land_km2, class1_km2 … class6_km2 slight … severe) with UNIT, BEFORE, AFTER and "
                        "CHANGE (after − before). Numbers: SOIL_LOSS_BEFORE, SOIL_LOSS_AFTER, SOIL_SAVED "
                        "(t/a), SWC_RATE_BEFORE, SWC_RATE_AFTER (%)."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BEFORE,
                self.tr("Soil loss without the plan (TABLE of swcplanner:soilloss)"),
                [params.SOURCE_TABLE],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AFTER,
                self.tr("Soil loss with the plan (TABLE of swcplanner:soilloss)"),
                [params.SOURCE_TABLE],
                optional=True,
            )
        )
        self.addParameter(outputs.table_output(self.OUTPUT, self.tr("Benefits")))
        for name, label in (
            (self.SOIL_LOSS_BEFORE, self.tr("Soil loss before (t/a)")),
            (self.SOIL_LOSS_AFTER, self.tr("Soil loss after (t/a)")),
            (self.SOIL_SAVED, self.tr("Soil saved (t/a)")),
            (self.SWC_RATE_BEFORE, self.tr("SWC rate before (%)")),
            (self.SWC_RATE_AFTER, self.tr("SWC rate after (%)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def _rows(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        src = inputs.source(self, parameters, name, context)
        inputs.require_fields(src, SOILLOSS_FIELDS, name)
        return table_rows(src)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        before_rows = self._rows(parameters, self.BEFORE, context)
        after_rows = self._rows(parameters, self.AFTER, context)
        try:
            scenario = before_after(before_rows, after_rows)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        before, after = scenario["before"], scenario["after"]
        rows = benefit_rows(before, after)
        fields = outputs.fields_from_spec(
            [
                ("INDICATOR", outputs.FIELD_STRING),
                ("UNIT", outputs.FIELD_STRING),
                ("BEFORE", outputs.FIELD_DOUBLE),
                ("AFTER", outputs.FIELD_DOUBLE),
                ("CHANGE", outputs.FIELD_DOUBLE),
            ]
        )
        sink, table_id = outputs.table_sink(self, parameters, self.OUTPUT, context, fields)
        outputs.add_rows(sink, fields, ([r[f.name()] for f in fields] for r in rows))
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
        return {
            self.OUTPUT: table_id,
            self.SOIL_LOSS_BEFORE: before["soil_loss_t"],
            self.SOIL_LOSS_AFTER: after["soil_loss_t"],
            self.SOIL_SAVED: saved,
            self.SWC_RATE_BEFORE: before["swc_rate"],
            self.SWC_RATE_AFTER: after["swc_rate"],
        }
