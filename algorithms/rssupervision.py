"""swcplanner:rssupervision — disturbance patches (扰动图斑) against approved responsibility ranges.

Also the shared plumbing of the Supervision group (the other supervision algorithms import it):
the group, the working CRS, raw feature reading (the core repairs and lists invalid geometries),
the verification fields and the style of the patch layer.
"""

from __future__ import annotations

import os
import shutil
from typing import Any, Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from . import inputs, outputs, params
from .base import GROUP_SUPERVISION, SwcAlgorithm, translate_core_error
from .core.errors import Cancelled, SwcError
from .core.grid import cgcs2000_gk_epsg
from .core.supervision import compliance as cp
from .core.supervision import constants as const
from .core.supervision.geom import to_wkb

PATCH_QML = "supervision_patches.qml"

# the Date field type, of the same kind (QMetaType or QVariant) that outputs chose for this QGIS
_KIND = type(outputs.FIELD_STRING)
FIELD_DATE: Any = _KIND.QDate if hasattr(_KIND, "QDate") else _KIND.Date

_SKIP_VALIDITY = QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
_POLYGON = QgsWkbTypes.GeometryType.PolygonGeometry


class SupervisionAlgorithm(SwcAlgorithm):
    """Base of the Supervision group: group name, CRS choice, reading, core errors."""

    GROUP_ID = GROUP_SUPERVISION

    def group(self) -> str:
        return self.tr("Supervision of construction projects")

    # -- errors --------------------------------------------------------------------------------
    def call_core(self, function, feedback, *args, span=(0.0, 100.0), **kwargs):
        """Call a core function with progress and cancel; core errors become translated exceptions."""
        lo, hi = span

        def progress(fraction: float) -> None:
            feedback.setProgress(lo + (hi - lo) * max(0.0, min(1.0, fraction)))

        try:
            return function(*args, progress=progress, is_cancelled=feedback.isCanceled, **kwargs)
        except Cancelled as exc:
            raise QgsProcessingException(self.tr("Cancelled by the user; no output was written.")) from exc
        except SwcError as exc:
            raise QgsProcessingException(translate_core_error(exc)) from exc

    def core(self, function, *args, **kwargs):
        """Call a core function without progress; core errors become translated exceptions."""
        try:
            return function(*args, **kwargs)
        except SwcError as exc:
            raise QgsProcessingException(translate_core_error(exc)) from exc

    def check_cancel(self, feedback) -> None:
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled by the user; no output was written."))

    # -- CRS -----------------------------------------------------------------------------------
    def work_crs(self, sources: Sequence[Any], explicit: Optional[QgsCoordinateReferenceSystem], context):
        """One projected CRS in metres for every overlay.

        The given CRS; else the first projected CRS of the sources; else the CGCS2000 3-degree
        Gauss-Krüger zone of the first source's centre (EPSG:4513–4533).
        """
        if explicit is not None and explicit.isValid():
            if explicit.isGeographic() or explicit.mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters:
                raise QgsProcessingException(
                    self.tr(
                        "The working CRS {crs} is not projected in metres: choose a projected CRS such as "
                        "CGCS2000 / 3-degree Gauss-Kruger (EPSG:4513–4533), or leave it empty."
                    ).format(crs=explicit.authid())
                )
            return explicit
        for src in sources:
            if src is None:
                continue
            crs = src.sourceCrs()
            if (
                crs.isValid()
                and not crs.isGeographic()
                and crs.mapUnits() == QgsUnitTypes.DistanceUnit.DistanceMeters
            ):
                return crs
        for src in sources:
            if src is None or not src.sourceCrs().isValid():
                continue
            geo = QgsCoordinateReferenceSystem("EPSG:4490")
            transform = QgsCoordinateTransform(src.sourceCrs(), geo, context.transformContext())
            extent: QgsRectangle = transform.transformBoundingBox(src.sourceExtent())
            epsg, _cm = cgcs2000_gk_epsg(extent.center().x())
            return QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        raise QgsProcessingException(
            self.tr("The layers have no valid CRS: assign their CRS (Layer Properties ▸ Source) first.")
        )

    # -- reading -------------------------------------------------------------------------------
    def read_polygons(
        self, src, crs, context, feedback, fields: Sequence[str], label: str, span=(0.0, 10.0)
    ) -> List[Tuple[int, Optional[bytes], List[Any]]]:
        """``[(fid, WKB in crs or None, [attributes])]``; invalid geometries come through unrepaired."""
        inputs.require_geometry(src, _POLYGON, label)
        idx = inputs.require_fields(src, [f for f in fields if f], label)
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        total = max(src.featureCount(), 1)
        out = []
        lo, hi = span
        for n, feature in enumerate(src.getFeatures(request, _SKIP_VALIDITY)):
            if n % 1000 == 0:
                self.check_cancel(feedback)
                feedback.setProgress(lo + (hi - lo) * n / total)
            geom = feature.geometry()
            wkb = None if geom is None or geom.isEmpty() else bytes(geom.asWkb())
            values = iter(feature.attribute(i) for i in idx)
            out.append((int(feature.id()), wkb, [next(values) if f else None for f in fields]))
        return out

    def read_table(self, src, fields: Sequence[str], label: str) -> List[List[Any]]:
        """Attribute rows of a table (or layer); empty field names give ``None`` columns."""
        idx = inputs.require_fields(src, [f for f in fields if f], label)
        out = []
        for feature in src.getFeatures():
            values = iter(feature.attribute(i) for i in idx)
            out.append([next(values) if f else None for f in fields])
        return out

    # -- styling -------------------------------------------------------------------------------
    def persist_style(self, dest: Optional[str], qml_name: str, context, loaded_name: str) -> None:
        """Store a shipped QML with a file output (GeoPackage: default style inside; others: sidecar).

        So the field widgets reach a planner who opens the file later, offline, in another QGIS.
        """
        qml = outputs.style_path(qml_name)
        if not dest:
            return
        path = outputs.destination_file(dest, context)
        if path and os.path.exists(path):
            stem, ext = os.path.splitext(path)
            if ext.lower() == ".gpkg":
                layer = QgsVectorLayer(dest if "|" in dest else path, "styled", "ogr")
                if layer.isValid():
                    layer.loadNamedStyle(qml)
                    # QGIS 3.44 deprecates saveStyleToDatabase for saveStyleToDatabaseV2 (absent before)
                    save = getattr(layer, "saveStyleToDatabaseV2", None) or layer.saveStyleToDatabase
                    save(loaded_name, "SWC Planner", True, "")
            else:
                try:
                    shutil.copyfile(qml, stem + ".qml")
                except OSError:
                    pass
        outputs.style_output(context, dest, qml, loaded_name)


def plain_value(value: Any) -> Any:
    """A QGIS attribute as a plain Python value (NULL → None, QDate → ISO text)."""
    if value is None:
        return None
    if isinstance(value, QDateTime):
        return value.date().toString("yyyy-MM-dd") if value.isValid() else None
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd") if value.isValid() else None
    if hasattr(value, "isNull") and value.isNull():
        return None
    return value


def verification_field_spec() -> List[Tuple[str, Any]]:
    """The field-verification fields carried by the patch outputs (filled in offline)."""
    return [
        (const.VERDICT_FIELD, (outputs.FIELD_STRING, 20, 0)),
        (const.INSPECTOR_FIELD, (outputs.FIELD_STRING, 40, 0)),
        (const.DATE_FIELD, FIELD_DATE),
        (const.PHOTO_FIELD, (outputs.FIELD_STRING, 254, 0)),
        (const.NOTE_FIELD, (outputs.FIELD_STRING, 254, 0)),
    ]


class RsSupervisionAlgorithm(SupervisionAlgorithm):
    """Compliance of disturbance patches with the approved responsibility ranges."""

    ALG_ID = "rssupervision"

    PATCHES = "PATCHES"
    PATCH_ID_FIELD = "PATCH_ID_FIELD"
    PATCH_PROJECT_FIELD = "PATCH_PROJECT_FIELD"
    PATCH_TYPE_FIELD = "PATCH_TYPE_FIELD"
    PATCH_DATE_FIELD = "PATCH_DATE_FIELD"
    RANGES = "RANGES"
    PROJECT_ID_FIELD = "PROJECT_ID_FIELD"
    PROJECT_NAME_FIELD = "PROJECT_NAME_FIELD"
    APPROVAL_NO_FIELD = "APPROVAL_NO_FIELD"
    APPROVAL_DATE_FIELD = "APPROVAL_DATE_FIELD"
    REGISTER = "REGISTER"
    REGISTER_ID_FIELD = "REGISTER_ID_FIELD"
    STATUS_FIELD = "STATUS_FIELD"
    ACCEPTANCE_FIELD = "ACCEPTANCE_FIELD"
    IN_USE_STATES = "IN_USE_STATES"
    TOLERANCE = "TOLERANCE"
    NEAR_DISTANCE = "NEAR_DISTANCE"
    WORK_CRS = "WORK_CRS"
    OUTPUT = "OUTPUT"
    PROJECTS = "PROJECTS"
    FIELD_LIST = "FIELD_LIST"

    def displayName(self):  # noqa: N802
        return self.tr("Remote-sensing supervision of construction projects")

    def help_html(self):
        cats = ", ".join(const.CATEGORIES)
        return self.format_help(
            self.tr(
                "Checks every disturbance patch (扰动图斑) of the remote-sensing interpretation against the "
                "approved responsibility ranges (防治责任范围) of the soil-and-water-conservation plans "
                "and the project register, as the county does every year (Hebei measures §三(五)); "
                "writes each patch with its category, a per-project compliance table and a "
                "field-verification list sorted by priority."
            ),
            [
                (
                    self.tr("Categories (生产建设项目水土保持信息化监管技术规定, 2018)"),
                    self.tr(
                        "The patch overlaps ranges: its area inside the union of all ranges and outside it "
                        "are measured; if the outside share is at most TOLERANCE % it is 合规 (compliant), "
                        "else 疑似超出防治责任范围 (suspected disturbance beyond the range). The matched "
                        "project is the one with the largest overlap; PROJECTS lists every project the "
                        "patch touches. The patch overlaps no range but its PATCH_PROJECT_FIELD names a "
                        "project that has a range (or it lies within NEAR_DISTANCE m of one): "
                        "疑似建设地点变更 (suspected change of site). Otherwise: 疑似未批先建 (suspected "
                        "construction before approval). A compliant patch of a project that the REGISTER "
                        "shows finished or in use (IN_USE_STATES) without an acceptance date: 未验先投 "
                        "(in use before acceptance). FLAGS keeps every finding of a patch. Categories: {cats}."
                    ).format(cats=cats),
                ),
                (
                    self.tr("Tolerance"),
                    self.tr(
                        "The text of the 2018 技术规定 was not found, so its tolerance could not be "
                        "verified: 5 % is a default to check with the provincial rules."
                    ),
                ),
                (
                    self.tr("Geometry"),
                    self.tr(
                        "Patches and ranges may be in any CRS: both are transformed to one projected CRS "
                        "in metres (WORK_CRS; by default the first projected CRS of the inputs, else the "
                        "CGCS2000 3-degree Gauss-Krüger zone of the patches). Areas are planar in that "
                        "CRS. Ranges of one project (several features or multipart) are dissolved; "
                        "overlapping ranges are counted once. Invalid geometries are repaired (GEOS "
                        "MakeValid), listed in the log and marked REPAIRED = 1. Spatial index: STR tree."
                    ),
                ),
                (
                    self.tr("Field verification"),
                    self.tr(
                        "OUTPUT carries the empty fields 结论 (verdict: 属实, 不属实, 已整改, 非生产建设项目, "
                        "无法核查), 核查人 (inspector), 日期 (date), 照片 (photo) and 备注 (note), with drop-down "
                        "lists, a calendar, a photo attachment and constraints stored in the layer's style "
                        "(inside a GeoPackage output, else beside the file), so they can be filled in on a "
                        "laptop without network. Closing patches reads them back. FIELD_LIST (save as "
                        ".xlsx) lists the suspect patches by PRIORITY: 疑似未批先建, then 疑似超出, "
                        "疑似建设地点变更, 未验先投, each from the largest area in question (a proposal; no "
                        "source ranks them), with coordinates X, Y (WORK_CRS) and LON, LAT (CGCS2000)."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: patches with PATCH_ID, CATEGORY, PROJECT_ID, PROJECTS, AREA_M2, INSIDE_M2, "
                        "OUTSIDE_M2, OUTSIDE_PCT, FLAGS, REPAIRED, PATCH_TYPE, PATCH_DATE, PRIORITY and the "
                        "verification fields. PROJECTS: per project PROJECT_ID, NAME, APPROVAL_NO, "
                        "APPROVAL_DATE, RANGE_M2, PATCHES, INSIDE_M2, OUTSIDE_M2 (outside area of the "
                        "patches matched to it), one count per category, REG_STATUS, ACCEPT_DATE, FINDINGS "
                        "and COMPLIANCE (合规 / 不合规). FIELD_LIST: PRIORITY, PATCH_ID, CATEGORY, "
                        "PROJECT_ID, PROJECT_NAME, AREA_M2, OUTSIDE_M2, QUESTION_M2, X, Y, LON, LAT, "
                        "PATCH_TYPE, PATCH_DATE, FLAGS."
                    ),
                ),
                (
                    self.tr("Sources"),
                    self.tr(
                        "《生产建设项目水土保持信息化监管技术规定(试行)》 (MWR 2018), named by 李智广 et al. "
                        "2019, 水土保持通报 39(5); overlay topology: 尹斌, 姜德文 et al., 生产建设项目扰动范围"
                        "合规性判别与预警技术; compliance per project: 和田 2020–2023, 中国水土保持 2024(8)."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.polygons(self.PATCHES, self.tr("Disturbance patches (扰动图斑)")))
        self.addParameter(
            params.field(self.PATCH_ID_FIELD, self.tr("Patch id field"), self.PATCHES, optional=True)
        )
        self.addParameter(
            params.field(
                self.PATCH_PROJECT_FIELD,
                self.tr("Project id the patch is attributed to (optional field)"),
                self.PATCHES,
                optional=True,
            )
        )
        self.addParameter(
            params.field(
                self.PATCH_TYPE_FIELD, self.tr("Disturbance type field"), self.PATCHES, optional=True
            )
        )
        self.addParameter(
            params.field(
                self.PATCH_DATE_FIELD,
                self.tr("Acquisition date field (影像时相)"),
                self.PATCHES,
                optional=True,
            )
        )
        self.addParameter(
            params.polygons(self.RANGES, self.tr("Approved responsibility ranges (防治责任范围)"))
        )
        self.addParameter(params.field(self.PROJECT_ID_FIELD, self.tr("Project id field"), self.RANGES))
        self.addParameter(
            params.field(self.PROJECT_NAME_FIELD, self.tr("Project name field"), self.RANGES, optional=True)
        )
        self.addParameter(
            params.field(self.APPROVAL_NO_FIELD, self.tr("Approval number field"), self.RANGES, optional=True)
        )
        self.addParameter(
            params.field(self.APPROVAL_DATE_FIELD, self.tr("Approval date field"), self.RANGES, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.REGISTER,
                self.tr("Project register (table with project id, status, acceptance date)"),
                [params.SOURCE_TABLE],
                None,
                True,
            )
        )
        self.addParameter(
            params.field(
                self.REGISTER_ID_FIELD,
                self.tr("Register: project id field (default: the ranges' field name)"),
                self.REGISTER,
                optional=True,
            )
        )
        status = params.field(
            self.STATUS_FIELD, self.tr("Register: status field"), self.REGISTER, optional=True
        )
        status.setDefaultValue("STATUS")
        self.addParameter(status)
        accept = params.field(
            self.ACCEPTANCE_FIELD, self.tr("Register: acceptance date field"), self.REGISTER, optional=True
        )
        accept.setDefaultValue("ACCEPT_DATE")
        self.addParameter(accept)
        self.addParameter(
            params.advanced(
                QgsProcessingParameterString(
                    self.IN_USE_STATES,
                    self.tr("Register states meaning finished or in use (comma-separated)"),
                    ",".join(const.IN_USE_STATES),
                )
            )
        )
        self.addParameter(
            params.number(
                self.TOLERANCE,
                self.tr("Tolerance: share of a patch outside the ranges still compliant (%)"),
                const.TOLERANCE_PCT,
                minimum=0.0,
                maximum=100.0,
            )
        )
        self.addParameter(
            params.number(
                self.NEAR_DISTANCE,
                self.tr("Match a patch to a range within this distance as a change of site (m; 0 = off)"),
                0.0,
                minimum=0.0,
                is_advanced=True,
            )
        )
        self.addParameter(
            params.advanced(
                QgsProcessingParameterCrs(
                    self.WORK_CRS, self.tr("Working CRS (projected, metres; empty = automatic)"), None, True
                )
            )
        )
        self.addParameter(
            outputs.sink_output(self.OUTPUT, self.tr("Supervised patches"), params.SOURCE_POLYGON)
        )
        self.addParameter(outputs.table_output(self.PROJECTS, self.tr("Project compliance"), secondary=True))
        self.addParameter(
            outputs.table_output(self.FIELD_LIST, self.tr("Field-verification list"), secondary=True)
        )

    # -------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        patches_src = inputs.source(self, parameters, self.PATCHES, context, self.tr("Disturbance patches"))
        ranges_src = inputs.source(self, parameters, self.RANGES, context, self.tr("Responsibility ranges"))
        register_src = self.parameterAsSource(parameters, self.REGISTER, context)
        explicit = self.parameterAsCrs(parameters, self.WORK_CRS, context)
        crs = self.work_crs([patches_src, ranges_src], explicit, context)
        feedback.pushInfo(self.tr("Working CRS: {crs}").format(crs=crs.authid() or crs.description()))

        f = {n: self.parameterAsString(parameters, n, context) for n in self._field_params()}
        ranges_rows = self.read_polygons(
            ranges_src,
            crs,
            context,
            feedback,
            [
                f[self.PROJECT_ID_FIELD],
                f[self.PROJECT_NAME_FIELD],
                f[self.APPROVAL_NO_FIELD],
                f[self.APPROVAL_DATE_FIELD],
            ],
            self.tr("Responsibility ranges"),
            span=(0, 5),
        )
        patch_rows = self.read_polygons(
            patches_src,
            crs,
            context,
            feedback,
            [
                f[self.PATCH_ID_FIELD],
                f[self.PATCH_PROJECT_FIELD],
                f[self.PATCH_TYPE_FIELD],
                f[self.PATCH_DATE_FIELD],
            ],
            self.tr("Disturbance patches"),
            span=(5, 15),
        )
        info: Dict[str, List[Any]] = {}
        ranges = []
        for _fid, wkb, (pid, name, number, date) in ranges_rows:
            key = cp.clean_id(pid)
            if key and key not in info:
                info[key] = [plain_value(name), plain_value(number), plain_value(date)]
            ranges.append((plain_value(pid), wkb))
        patches = []
        extra = []
        for fid, wkb, (pid, claimed, kind, date) in patch_rows:
            patches.append((plain_value(pid) if f[self.PATCH_ID_FIELD] else fid, wkb, plain_value(claimed)))
            extra.append((plain_value(kind), plain_value(date)))
        register = self._register(register_src, parameters, context, f)
        states = [
            s.strip() for s in self.parameterAsString(parameters, self.IN_USE_STATES, context).split(",")
        ]
        result = self.call_core(
            cp.classify_patches,
            feedback,
            patches,
            ranges,
            tolerance_pct=self.parameterAsDouble(parameters, self.TOLERANCE, context),
            register=register,
            in_use_states=[s for s in states if s],
            near_distance=self.parameterAsDouble(parameters, self.NEAR_DISTANCE, context),
            span=(15, 85),
        )
        self._report(result, feedback)
        out_id = self._write_patches(parameters, context, crs, result, extra)
        feedback.setProgress(90)
        projects_id = self._write_projects(parameters, context, result, info, register)
        list_id = self._write_field_list(parameters, context, crs, result, extra, info)
        feedback.setProgress(100)
        self._out_id = out_id
        return {self.OUTPUT: out_id, self.PROJECTS: projects_id, self.FIELD_LIST: list_id}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        self.persist_style(getattr(self, "_out_id", None), PATCH_QML, context, self.tr("Supervised patches"))
        return {}

    # -------------------------------------------------------------------------------------------
    def _field_params(self):
        return (
            self.PATCH_ID_FIELD,
            self.PATCH_PROJECT_FIELD,
            self.PATCH_TYPE_FIELD,
            self.PATCH_DATE_FIELD,
            self.PROJECT_ID_FIELD,
            self.PROJECT_NAME_FIELD,
            self.APPROVAL_NO_FIELD,
            self.APPROVAL_DATE_FIELD,
            self.REGISTER_ID_FIELD,
            self.STATUS_FIELD,
            self.ACCEPTANCE_FIELD,
        )

    def _register(self, src, parameters, context, f) -> Dict[str, cp.RegisterEntry]:
        if src is None:
            return {}
        id_field = f[self.REGISTER_ID_FIELD] or f[self.PROJECT_ID_FIELD]
        rows = self.read_table(
            src,
            [id_field, f[self.STATUS_FIELD] or "STATUS", f[self.ACCEPTANCE_FIELD]],
            self.tr("Project register"),
        )
        out: Dict[str, cp.RegisterEntry] = {}
        for pid, status, accepted in rows:
            key = cp.clean_id(plain_value(pid))
            if key:
                out[key] = cp.RegisterEntry(
                    cp.clean_id(plain_value(status)), cp.clean_id(plain_value(accepted))
                )
        return out

    def _report(self, result: cp.SupervisionResult, feedback) -> None:
        for label, ids in (
            (self.tr("Disturbance patches"), result.repaired_patches),
            (self.tr("Responsibility ranges"), result.repaired_ranges),
        ):
            if ids:
                feedback.pushWarning(
                    self.tr("{name}: repaired {n} invalid geometries (ids {ids}).").format(
                        name=label, n=len(ids), ids=inputs.short_list(ids)
                    )
                )
        for label, ids in (
            (self.tr("Disturbance patches"), result.dropped_patches),
            (self.tr("Responsibility ranges"), result.dropped_ranges),
        ):
            if ids:
                feedback.pushWarning(
                    self.tr("{name}: skipped {n} features with empty geometry (ids {ids}).").format(
                        name=label, n=len(ids), ids=inputs.short_list(ids)
                    )
                )
        counts = {c: 0 for c in const.CATEGORIES}
        for p in result.patches:
            counts[p.category] += 1
        feedback.pushInfo(", ".join(f"{c}: {n}" for c, n in counts.items()))
        rate = result.compliance_rate()
        if rate is not None:
            feedback.pushInfo(
                self.tr("Compliant projects among those concerned: {rate:.1f} %").format(rate=rate)
            )

    def _write_patches(self, parameters, context, crs, result, extra) -> Optional[str]:
        spec = [
            ("PATCH_ID", outputs.FIELD_STRING),
            ("CATEGORY", outputs.FIELD_STRING),
            ("PROJECT_ID", outputs.FIELD_STRING),
            ("PROJECTS", outputs.FIELD_STRING),
            ("AREA_M2", outputs.FIELD_DOUBLE),
            ("INSIDE_M2", outputs.FIELD_DOUBLE),
            ("OUTSIDE_M2", outputs.FIELD_DOUBLE),
            ("OUTSIDE_PCT", outputs.FIELD_DOUBLE),
            ("FLAGS", outputs.FIELD_STRING),
            ("REPAIRED", outputs.FIELD_INT),
            ("PATCH_TYPE", outputs.FIELD_STRING),
            ("PATCH_DATE", outputs.FIELD_STRING),
            ("PRIORITY", outputs.FIELD_INT),
        ] + verification_field_spec()
        fields = outputs.fields_from_spec(spec)
        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.tr("The output layer OUTPUT could not be created."))
        priority = {p.index: rank for rank, p in result.field_list()}
        rows, geoms = [], []
        for p in result.patches:
            kind, date = extra[p.index]
            rows.append(
                [
                    p.patch_id,
                    p.category,
                    p.project_id or None,
                    ";".join(p.projects) or None,
                    round(p.area_m2, 3),
                    round(p.inside_m2, 3),
                    round(p.outside_m2, 3),
                    round(p.outside_pct, 3),
                    ";".join(p.flags) or None,
                    1 if p.repaired else 0,
                    None if kind is None else str(kind),
                    None if date is None else str(date),
                    priority.get(p.index),
                    None,
                    None,
                    None,
                    None,
                    None,
                ]
            )
            geoms.append(to_wkb(p.geometry))
        outputs.add_rows(sink, fields, rows, geoms)
        return dest

    def _write_projects(self, parameters, context, result, info, register) -> Optional[str]:
        spec = [
            ("PROJECT_ID", outputs.FIELD_STRING),
            ("NAME", outputs.FIELD_STRING),
            ("APPROVAL_NO", outputs.FIELD_STRING),
            ("APPROVAL_DATE", outputs.FIELD_STRING),
            ("RANGE_M2", outputs.FIELD_DOUBLE),
            ("PATCHES", outputs.FIELD_INT),
            ("INSIDE_M2", outputs.FIELD_DOUBLE),
            ("OUTSIDE_M2", outputs.FIELD_DOUBLE),
            ("N_COMPLIANT", outputs.FIELD_INT),
            ("N_EXCEEDS", outputs.FIELD_INT),
            ("N_UNAPPROVED", outputs.FIELD_INT),
            ("N_RELOCATED", outputs.FIELD_INT),
            ("N_UNACCEPTED", outputs.FIELD_INT),
            ("REG_STATUS", outputs.FIELD_STRING),
            ("ACCEPT_DATE", outputs.FIELD_STRING),
            ("FINDINGS", outputs.FIELD_STRING),
            ("COMPLIANCE", outputs.FIELD_STRING),
        ]
        fields = outputs.fields_from_spec(spec)
        sink, dest = outputs.table_sink(self, parameters, self.PROJECTS, context, fields)
        rows = []
        for p in result.projects:
            name, number, date = info.get(p.project_id, [None, None, None])
            entry = register.get(p.project_id)
            rows.append(
                [
                    p.project_id,
                    None if name is None else str(name),
                    None if number is None else str(number),
                    None if date is None else str(date),
                    round(p.range_m2, 3),
                    p.patches,
                    round(p.inside_m2, 3),
                    round(p.outside_m2, 3),
                    p.counts.get(const.COMPLIANT, 0),
                    p.counts.get(const.EXCEEDS, 0),
                    p.counts.get(const.UNAPPROVED, 0),
                    p.counts.get(const.RELOCATED, 0),
                    p.counts.get(const.UNACCEPTED, 0),
                    entry.status if entry else None,
                    (entry.acceptance_date or None) if entry else None,
                    ";".join(p.findings) or None,
                    "合规" if p.compliant else "不合规",
                ]
            )
        outputs.add_rows(sink, fields, rows)
        return dest

    def _write_field_list(self, parameters, context, crs, result, extra, info) -> Optional[str]:
        spec = [
            ("PRIORITY", outputs.FIELD_INT),
            ("PATCH_ID", outputs.FIELD_STRING),
            ("CATEGORY", outputs.FIELD_STRING),
            ("PROJECT_ID", outputs.FIELD_STRING),
            ("PROJECT_NAME", outputs.FIELD_STRING),
            ("AREA_M2", outputs.FIELD_DOUBLE),
            ("OUTSIDE_M2", outputs.FIELD_DOUBLE),
            ("QUESTION_M2", outputs.FIELD_DOUBLE),
            ("X", outputs.FIELD_DOUBLE),
            ("Y", outputs.FIELD_DOUBLE),
            ("LON", outputs.FIELD_DOUBLE),
            ("LAT", outputs.FIELD_DOUBLE),
            ("PATCH_TYPE", outputs.FIELD_STRING),
            ("PATCH_DATE", outputs.FIELD_STRING),
            ("FLAGS", outputs.FIELD_STRING),
        ]
        fields = outputs.fields_from_spec(spec)
        sink, dest = outputs.table_sink(self, parameters, self.FIELD_LIST, context, fields)
        if sink is None:
            return None
        to_geo = QgsCoordinateTransform(
            crs, QgsCoordinateReferenceSystem("EPSG:4490"), context.transformContext()
        )
        rows = []
        for rank, p in result.field_list():
            point = p.geometry.representative_point()
            geo = to_geo.transform(QgsPointXY(point.x, point.y))
            kind, date = extra[p.index]
            name = info.get(p.project_id, [None])[0]
            rows.append(
                [
                    rank,
                    p.patch_id,
                    p.category,
                    p.project_id or None,
                    None if name is None else str(name),
                    round(p.area_m2, 3),
                    round(p.outside_m2, 3),
                    round(p.question_m2, 3),
                    round(point.x, 3),
                    round(point.y, 3),
                    round(geo.x(), 7),
                    round(geo.y(), 7),
                    None if kind is None else str(kind),
                    None if date is None else str(date),
                    ";".join(p.flags) or None,
                ]
            )
        outputs.add_rows(sink, fields, rows)
        return dest
