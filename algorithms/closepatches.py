"""swcplanner:closepatches — closing (销号) of field-verified disturbance patches, per patch and project."""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from . import inputs, outputs, params
from .core.supervision import closing as cl
from .core.supervision import constants as const
from .core.supervision.dates import parse_date
from .rssupervision import SupervisionAlgorithm, plain_value, verification_field_spec

CLOSED_QML = "supervision_closed.qml"


class ClosePatchesAlgorithm(SupervisionAlgorithm):
    """Reads the verification fields back and lists closed and open patches per project."""

    ALG_ID = "closepatches"

    INPUT = "INPUT"
    PATCH_ID_FIELD = "PATCH_ID_FIELD"
    PROJECT_ID_FIELD = "PROJECT_ID_FIELD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    CLOSING_VERDICTS = "CLOSING_VERDICTS"
    REQUIRE_PHOTO = "REQUIRE_PHOTO"
    CLOSE_COMPLIANT = "CLOSE_COMPLIANT"
    REFERENCE_DATE = "REFERENCE_DATE"
    OUTPUT = "OUTPUT"
    PROJECTS = "PROJECTS"

    def displayName(self):  # noqa: N802
        return self.tr("Close verified patches (销号)")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Reads back the patch layer of the remote-sensing supervision after the field check "
                "(fields 结论, 核查人, 日期, 照片, 备注 filled in offline) and says which patches are closed "
                "(已销号) and which stay open (未销号), with the reason, per patch and per project."
            ),
            [
                (
                    self.tr("Rules"),
                    self.tr(
                        "A patch is closed when it was 合规 and has no verdict (no field check needed; "
                        "CLOSE_COMPLIANT), or when its verdict is one of CLOSING_VERDICTS (default 不属实, "
                        "非生产建设项目, 已整改) and the inspector (核查人) and the date of the check (日期, not "
                        "after REFERENCE_DATE) are filled in, and a photo (照片) when REQUIRE_PHOTO is set. "
                        "属实 (violation confirmed) stays open until it is rectified and re-verified as "
                        "已整改; 无法核查 stays open. A project is closed when all its patches are; patches "
                        "without a project (疑似未批先建) are listed under an empty project id."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: the patches with their fields and STATUS (已销号 / 未销号), CLOSED (1/0), "
                        "REASON and REASON_EN. PROJECTS: per project PROJECT_ID, PATCHES, CLOSED, OPEN, "
                        "OPEN_IDS and STATUS (项目已销号 / 未完成销号)."
                    ),
                ),
                (
                    self.tr("Sources"),
                    self.tr(
                        "Workflow interpret → field check (现场复核) → confirm and prosecute (认定查处) → "
                        "close: 湖北 2017 (Hanspub paper 28557) and 办水保〔2019〕198号. The verdict list is "
                        "the plugin's; provinces may use other words (CLOSING_VERDICTS)."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                self.tr("Verified patches (output of remote-sensing supervision)"),
                [params.SOURCE_POLYGON],
            )
        )
        for name, label, default in (
            (self.PATCH_ID_FIELD, self.tr("Patch id field"), "PATCH_ID"),
            (self.PROJECT_ID_FIELD, self.tr("Project id field"), "PROJECT_ID"),
            (self.CATEGORY_FIELD, self.tr("Category field"), "CATEGORY"),
        ):
            param = params.field(name, label, self.INPUT, optional=True)  # a field parameter's default
            param.setDefaultValue(default)  # is not used for a missing value unless it is optional
            self.addParameter(param)
        self.addParameter(
            QgsProcessingParameterString(
                self.CLOSING_VERDICTS,
                self.tr("Verdicts that close a patch (comma-separated)"),
                ",".join(const.CLOSING_VERDICTS),
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.REQUIRE_PHOTO, self.tr("A closing verdict needs a photo"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.CLOSE_COMPLIANT, self.tr("Close compliant patches without a verdict"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.REFERENCE_DATE,
                self.tr("Reference date (YYYY-MM-DD; empty = today)"),
                "",
                False,
                True,
            )
        )
        self.addParameter(
            outputs.sink_output(self.OUTPUT, self.tr("Closed and open patches"), params.SOURCE_POLYGON)
        )
        self.addParameter(outputs.table_output(self.PROJECTS, self.tr("Closing per project"), secondary=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        src = inputs.source(self, parameters, self.INPUT, context, self.tr("Verified patches"))
        names = {
            n: self.parameterAsString(parameters, n, context) or default
            for n, default in (
                (self.PATCH_ID_FIELD, "PATCH_ID"),
                (self.PROJECT_ID_FIELD, "PROJECT_ID"),
                (self.CATEGORY_FIELD, "CATEGORY"),
            )
        }
        verification = list(const.VERIFICATION_FIELDS)
        wanted = [names[self.PATCH_ID_FIELD], names[self.PROJECT_ID_FIELD], names[self.CATEGORY_FIELD]]
        missing = [f for f in verification if src.fields().lookupField(f) < 0]
        if missing:
            raise QgsProcessingException(
                self.tr(
                    "The layer has no verification fields {fields}: give the OUTPUT of remote-sensing "
                    "supervision after the field check (its fields 结论, 核查人, 日期, 照片, 备注)."
                ).format(fields=", ".join(missing))
            )
        inputs.require_fields(src, wanted, self.tr("Verified patches"))
        ref_text = self.parameterAsString(parameters, self.REFERENCE_DATE, context).strip()
        try:
            reference = parse_date(ref_text) if ref_text else dt.date.today()
        except ValueError:
            reference = None
        if reference is None:
            raise QgsProcessingException(
                self.tr(
                    "The reference date \u201c{value}\u201d is not a date: write it as YYYY-MM-DD."
                ).format(value=ref_text)
            )
        fields_in = src.fields()
        records, features = [], []
        request = QgsFeatureRequest()
        for n, feature in enumerate(
            src.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
        ):
            if n % 1000 == 0:
                self.check_cancel(feedback)
            values = [plain_value(feature.attribute(f)) for f in wanted + verification]
            pid, project, category, verdict, inspector, date, photo, note = values
            records.append(
                cl.VerifiedPatch(
                    patch_id=cl.clean_id(pid),
                    project_id=cl.clean_id(project),
                    category=cl.clean_id(category),
                    verdict=cl.clean_id(verdict),
                    inspector=cl.clean_id(inspector),
                    date=date,
                    photo=cl.clean_id(photo),
                    note=cl.clean_id(note),
                )
            )
            features.append(feature)
        verdicts = [
            v.strip() for v in self.parameterAsString(parameters, self.CLOSING_VERDICTS, context).split(",")
        ]
        result = cl.close_patches(
            records,
            closing_verdicts=[v for v in verdicts if v],
            require_photo=self.parameterAsBool(parameters, self.REQUIRE_PHOTO, context),
            close_compliant=self.parameterAsBool(parameters, self.CLOSE_COMPLIANT, context),
            reference_date=reference,
        )
        feedback.setProgress(60)
        # OUTPUT: the input fields (verification fields in their types) + status
        spec = []
        for field in fields_in:
            if field.name() in verification or field.name() in ("STATUS", "CLOSED", "REASON", "REASON_EN"):
                continue
            spec.append((field.name(), field))
        kept = [name for name, _field in spec]
        spec += verification_field_spec()
        spec += [
            ("STATUS", outputs.FIELD_STRING),
            ("CLOSED", outputs.FIELD_INT),
            ("REASON", outputs.FIELD_STRING),
            ("REASON_EN", outputs.FIELD_STRING),
        ]
        fields = outputs.fields_from_spec(spec)
        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, src.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.tr("The output layer OUTPUT could not be created."))
        rows, geoms = [], []
        for feature, closed in zip(features, result.patches):
            row = [feature.attribute(name) for name in kept]
            rec = closed.patch
            row += [
                rec.verdict or None,
                rec.inspector or None,
                closed.date.isoformat() if closed.date else None,
                rec.photo or None,
                rec.note or None,
                "已销号" if closed.closed else "未销号",
                1 if closed.closed else 0,
                "；".join(closed.reasons),
                "; ".join(closed.reasons_en),
            ]
            rows.append(row)
            geom = feature.geometry()
            if not geom.isEmpty() and not QgsWkbTypes.isMultiType(geom.wkbType()):
                geom.convertToMultiType()
            geoms.append(bytes(geom.asWkb()))
        outputs.add_rows(sink, fields, rows, geoms)
        pfields = outputs.fields_from_spec(
            [
                ("PROJECT_ID", outputs.FIELD_STRING),
                ("PATCHES", outputs.FIELD_INT),
                ("CLOSED", outputs.FIELD_INT),
                ("OPEN", outputs.FIELD_INT),
                ("OPEN_IDS", outputs.FIELD_STRING),
                ("STATUS", outputs.FIELD_STRING),
            ]
        )
        psink, pdest = outputs.table_sink(self, parameters, self.PROJECTS, context, pfields)
        outputs.add_rows(
            psink,
            pfields,
            [
                [
                    p.project_id or None,
                    p.patches,
                    p.closed,
                    p.open,
                    ";".join(p.open_ids) or None,
                    "项目已销号" if p.all_closed else "未完成销号",
                ]
                for p in result.projects
            ],
        )
        n_closed = sum(1 for c in result.patches if c.closed)
        feedback.pushInfo(
            self.tr("{closed} of {total} patches closed; {projects} of {n} projects fully closed.").format(
                closed=n_closed,
                total=len(result.patches),
                projects=sum(1 for p in result.projects if p.all_closed),
                n=len(result.projects),
            )
        )
        feedback.setProgress(100)
        self._out_id = dest
        return {self.OUTPUT: dest, self.PROJECTS: pdest}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        self.persist_style(
            getattr(self, "_out_id", None), CLOSED_QML, context, self.tr("Closed and open patches")
        )
        return {}
