"""swcplanner:plansampling — seeded random sample of approved plans for quality checks (≥ 5 %)."""

from __future__ import annotations

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)

from . import inputs, outputs, params
from .core.supervision import constants as const
from .core.supervision import sampling as sa
from .core.supervision.compliance import clean_id
from .rssupervision import SupervisionAlgorithm, plain_value


class PlanSamplingAlgorithm(SupervisionAlgorithm):
    """n = ⌈share × N⌉ plans drawn by a published seed, optionally per stratum."""

    ALG_ID = "plansampling"

    PLANS = "PLANS"
    ID_FIELD = "ID_FIELD"
    SHARE = "SHARE"
    SEED = "SEED"
    STRATUM_FIELD = "STRATUM_FIELD"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Plan sampling for quality checks")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Draws the approved soil-and-water-conservation plans whose quality is checked this year: "
                "at least 5 % of them (Hebei measures §三(三)), n = ⌈SHARE × N⌉, by a seed that is "
                "published with the sample so that anyone can repeat the draw."
            ),
            [
                (
                    self.tr("Method"),
                    self.tr(
                        'Each plan gets the key SHA-256("SEED|plan id") (the ID_FIELD value, else the row '
                        "number); the n plans with the smallest keys are drawn. The same seed and the same "
                        "plans give the same sample on every computer and QGIS version, in any row order "
                        "when ID_FIELD is given. With STRATUM_FIELD (e.g. 报告书 / 报告表, or the industry) "
                        "each stratum is drawn on its own with n_h = ⌈SHARE × N_h⌉, so every stratum and "
                        "the whole reach the share (the total may exceed ⌈SHARE × N⌉). SHARE below 5 % is "
                        "refused. Examples: N = 137 → 7; N = 20 → 1."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: the drawn rows with their fields (and geometry, if any) and SAMPLE_NO "
                        "(1..n in draw order within the stratum), STRATUM, N_STRATUM, DRAW_KEY (the first 16 "
                        "hex digits of the key) and SEED."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PLANS, self.tr("Approved plans (table or layer)"), [params.SOURCE_TABLE]
            )
        )
        self.addParameter(
            params.field(
                self.ID_FIELD, self.tr("Plan id field (e.g. approval number)"), self.PLANS, optional=True
            )
        )
        self.addParameter(
            params.number(
                self.SHARE,
                self.tr("Sampled share (%, at least 5)"),
                const.MIN_SAMPLE_SHARE_PCT,
                minimum=const.MIN_SAMPLE_SHARE_PCT,
                maximum=100.0,
            )
        )
        self.addParameter(
            params.number(self.SEED, self.tr("Seed (publish it with the sample)"), 0, minimum=0, integer=True)
        )
        self.addParameter(
            params.field(
                self.STRATUM_FIELD, self.tr("Stratum field (e.g. 报告书 / 报告表)"), self.PLANS, optional=True
            )
        )
        self.addParameter(outputs.sink_output(self.OUTPUT, self.tr("Sampled plans"), params.SOURCE_TABLE))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        src = inputs.source(self, parameters, self.PLANS, context, self.tr("Approved plans"))
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        stratum_field = self.parameterAsString(parameters, self.STRATUM_FIELD, context)
        inputs.require_fields(src, [f for f in (id_field, stratum_field) if f], self.tr("Approved plans"))
        share = self.parameterAsDouble(parameters, self.SHARE, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        features = list(src.getFeatures(QgsFeatureRequest()))
        if not features:
            raise QgsProcessingException(self.tr("The plans table is empty: there is nothing to sample."))
        keys = [
            clean_id(plain_value(f.attribute(id_field))) if id_field else str(n + 1)
            for n, f in enumerate(features)
        ]
        empty = [str(n + 1) for n, k in enumerate(keys) if not k]
        if empty:
            raise QgsProcessingException(
                self.tr(
                    "Plans without an id in {field} (rows {rows}): fill the ids or leave the id field empty."
                ).format(field=id_field, rows=inputs.short_list(empty))
            )
        strata = (
            [clean_id(plain_value(f.attribute(stratum_field))) for f in features] if stratum_field else None
        )
        drawn = self.core(sa.sample_plans, keys, share, seed, strata)
        sizes = {}
        for s in strata or [""] * len(keys):
            sizes[s] = sizes.get(s, 0) + 1
        spec = [
            (field.name(), field)
            for field in src.fields()
            if field.name() not in ("SAMPLE_NO", "STRATUM", "N_STRATUM", "DRAW_KEY", "SEED")
        ]
        kept = [name for name, _f in spec]
        spec += [
            ("SAMPLE_NO", outputs.FIELD_INT),
            ("STRATUM", outputs.FIELD_STRING),
            ("N_STRATUM", outputs.FIELD_INT),
            ("DRAW_KEY", outputs.FIELD_STRING),
            ("SEED", outputs.FIELD_LONG),
        ]
        fields = outputs.fields_from_spec(spec)
        has_geometry = QgsWkbTypes.geometryType(src.wkbType()) not in (
            QgsWkbTypes.GeometryType.NullGeometry,
            QgsWkbTypes.GeometryType.UnknownGeometry,
        )
        sink, dest = self.parameterAsSink(
            parameters,
            self.OUTPUT,
            context,
            fields,
            src.wkbType() if has_geometry else QgsWkbTypes.Type.NoGeometry,
            src.sourceCrs(),
        )
        if sink is None:
            raise QgsProcessingException(self.tr("The output OUTPUT could not be created."))
        rows, geoms = [], []
        for d in drawn:
            feature = features[d.index]
            rows.append(
                [feature.attribute(n) for n in kept]
                + [d.rank, d.stratum or None, sizes[d.stratum], d.draw_key[:16], seed]
            )
            geoms.append(bytes(feature.geometry().asWkb()) if has_geometry else None)
        outputs.add_rows(sink, fields, rows, geoms if has_geometry else None)
        feedback.pushInfo(
            self.tr("{n} of {total} plans drawn ({share:g} %, seed {seed}).").format(
                n=len(drawn), total=len(keys), share=share, seed=seed
            )
        )
        feedback.setProgress(100)
        return {self.OUTPUT: dest}
