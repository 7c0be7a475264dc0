"""swcplanner:riskgrading — risk level per project (免打扰 / 预警示 / 严监控) from an editable rule table."""

from __future__ import annotations

import datetime as dt
import os
from typing import Dict, FrozenSet, List, Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from . import inputs, outputs, params
from .core.supervision import constants as const
from .core.supervision import credit as cr
from .core.supervision import facts as fa
from .core.supervision import risk as rk
from .core.supervision.compliance import clean_id
from .core.supervision.dates import parse_date
from .core.supervision.geom import load_wkb, to_wkb
from .rssupervision import SupervisionAlgorithm, plain_value

RISK_QML = "supervision_risk.qml"
DEFAULT_RULES = os.path.join(params.PLUGIN_DIR, "resources", "tables", "supervision_risk_rules.csv")


class RiskGradingAlgorithm(SupervisionAlgorithm):
    """First-match rule table over findings, key zone, slope, water distance and credit list."""

    ALG_ID = "riskgrading"

    RANGES = "RANGES"
    PROJECT_ID_FIELD = "PROJECT_ID_FIELD"
    UNIT_FIELD = "UNIT_FIELD"
    SUPERVISION = "SUPERVISION"
    SUPERVISION_ID_FIELD = "SUPERVISION_ID_FIELD"
    FINDINGS_FIELD = "FINDINGS_FIELD"
    KEY_ZONES = "KEY_ZONES"
    DEM = "DEM"
    WATER = "WATER"
    CREDIT = "CREDIT"
    REFERENCE_DATE = "REFERENCE_DATE"
    RULES = "RULES"
    WORK_CRS = "WORK_CRS"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Risk levels of construction projects")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Gives every project a supervision level — 免打扰 (no disturbance), 预警示 (warning) or "
                "严监控 (strict monitoring), Hebei measures §三(五) — from an editable rule table: the first "
                "row whose conditions all hold wins."
            ),
            [
                (
                    self.tr("No governing rule set"),
                    self.tr(
                        "No published rule set for these levels was found. The shipped table "
                        "resources/tables/supervision_risk_rules.csv is a PROPOSAL, each rule with its "
                        "reason: 严监控 for 疑似未批先建 / 超出 / 建设地点变更, for a construction unit on the "
                        "black list, and for a range in a key prevention zone with a mean slope above 15°; "
                        "预警示 for the focus list, for 未验先投 and for a range within 100 m of water; "
                        "免打扰 otherwise. Copy it, edit it and give the copy as RULES."
                    ),
                ),
                (
                    self.tr("Facts per project"),
                    self.tr(
                        "Findings: the FINDINGS_FIELD values (';'-separated) of the SUPERVISION table "
                        "(the PROJECTS table of remote-sensing supervision, or its patch layer with "
                        "FINDINGS_FIELD = CATEGORY); a project listed without findings is 合规. Key zone: "
                        "the dissolved range shares area with a KEY_ZONES polygon (重点预防区). Slope: mean "
                        "Horn slope (degrees) of the DEM cells whose centre lies in the range. Water: "
                        "distance from the range to the nearest WATER feature (m). Credit: the list "
                        "(黑名单 before 重点关注名单) on which the construction unit (UNIT_FIELD, matched to "
                        "ENTITY or NAME of the CREDIT table written by Credit lists) stands on "
                        "REFERENCE_DATE, else 无. A fact whose input is not given is unknown, and a "
                        "condition on an unknown fact does not hold."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: one polygon per project (its ranges dissolved) with PROJECT_ID, UNIT, "
                        "FINDINGS, KEY_ZONE (是 / 否), SLOPE_DEG, WATER_M, CREDIT, RISK_LEVEL, RULE_ID, "
                        "REASON and REASON_EN."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            params.polygons(self.RANGES, self.tr("Approved responsibility ranges (防治责任范围)"))
        )
        self.addParameter(params.field(self.PROJECT_ID_FIELD, self.tr("Project id field"), self.RANGES))
        self.addParameter(
            params.field(
                self.UNIT_FIELD,
                self.tr("Construction unit field (for the credit lists)"),
                self.RANGES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUPERVISION,
                self.tr("Supervision results (PROJECTS table of remote-sensing supervision)"),
                [params.SOURCE_TABLE],
                None,
                True,
            )
        )
        sid = params.field(
            self.SUPERVISION_ID_FIELD,
            self.tr("Supervision: project id field"),
            self.SUPERVISION,
            optional=True,
        )
        sid.setDefaultValue("PROJECT_ID")
        self.addParameter(sid)
        fin = params.field(
            self.FINDINGS_FIELD, self.tr("Supervision: findings field"), self.SUPERVISION, optional=True
        )
        fin.setDefaultValue("FINDINGS")
        self.addParameter(fin)
        self.addParameter(
            params.polygons(self.KEY_ZONES, self.tr("Key prevention zones (重点预防区)"), optional=True)
        )
        self.addParameter(
            params.dem(self.DEM, self.tr("DEM for the mean slope (projected, metres)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.WATER, self.tr("Rivers, lakes and reservoirs"), [params.SOURCE_ANY_GEOMETRY], None, True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CREDIT,
                self.tr("Credit lists (output of Credit lists)"),
                [params.SOURCE_TABLE],
                None,
                True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.REFERENCE_DATE, self.tr("Reference date (YYYY-MM-DD; empty = today)"), "", False, True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.RULES,
                self.tr("Rule table (CSV; empty = the shipped proposal)"),
                QgsProcessingParameterFile.Behavior.File,
                "csv",
                None,
                True,
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
            outputs.sink_output(self.OUTPUT, self.tr("Project risk levels"), params.SOURCE_POLYGON)
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        rules_path = self.parameterAsFile(parameters, self.RULES, context) or DEFAULT_RULES
        rules = self.core(rk.load_rules, rules_path)
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
        ranges_src = inputs.source(self, parameters, self.RANGES, context, self.tr("Responsibility ranges"))
        crs = self.work_crs([ranges_src], self.parameterAsCrs(parameters, self.WORK_CRS, context), context)
        pid_field = self.parameterAsString(parameters, self.PROJECT_ID_FIELD, context)
        unit_field = self.parameterAsString(parameters, self.UNIT_FIELD, context)
        rows = self.read_polygons(
            ranges_src,
            crs,
            context,
            feedback,
            [pid_field, unit_field],
            self.tr("Responsibility ranges"),
            span=(0, 10),
        )
        units: Dict[str, str] = {}
        for _fid, _wkb, (pid, unit) in rows:
            if clean_id(plain_value(pid)) and unit_field:
                units.setdefault(clean_id(plain_value(pid)), clean_id(plain_value(unit)))
        ids, geoms, repaired = self.core(
            fa.project_geometries, [(plain_value(p), w) for _f, w, (p, _u) in rows]
        )
        if repaired:
            feedback.pushWarning(
                self.tr("{name}: repaired {n} invalid geometries (ids {ids}).").format(
                    name=self.tr("Responsibility ranges"), n=len(repaired), ids=inputs.short_list(repaired)
                )
            )
        if not ids:
            raise QgsProcessingException(
                self.tr("No range has a project id: fill the field {field} of the ranges.").format(
                    field=pid_field
                )
            )
        findings = self._findings(parameters, context)
        key_zone: List[Optional[bool]] = [None] * len(ids)
        zones = inputs.polygons(
            self,
            parameters,
            self.KEY_ZONES,
            context,
            crs,
            feedback,
            required=False,
            label=self.tr("Key prevention zones"),
        )
        if zones is not None:
            key_zone = list(fa.in_zones(geoms, [load_wkb(w) for _f, w, _a in zones]))
        feedback.setProgress(20)
        water_m: List[Optional[float]] = [None] * len(ids)
        water = inputs.geometries(
            self, parameters, self.WATER, context, crs, feedback, label=self.tr("Water")
        )
        if water is not None:
            water_m = fa.water_distances(geoms, [load_wkb(w) for w in water])
        feedback.setProgress(30)
        slopes: List[Optional[float]] = [None] * len(ids)
        if parameters.get(self.DEM):
            dem_layer, dem_path, _grid = inputs.dem(
                self, parameters, self.DEM, context, feedback, coarse_warning=0
            )
            to_dem = QgsCoordinateTransform(crs, dem_layer.crs(), context.transformContext())
            in_dem = []
            for g in geoms:
                qg = QgsGeometry()
                qg.fromWkb(to_wkb(g))
                qg.transform(to_dem)
                in_dem.append(load_wkb(bytes(qg.asWkb())))
            slopes = self.call_core(fa.mean_slopes, feedback, dem_path, in_dem, span=(30, 80))
        credit = self._credit(parameters, context, reference)
        facts = []
        for k, pid in enumerate(ids):
            unit = units.get(pid, "")
            if credit is None:
                status = None
            else:
                status = credit.get(unit, const.NO_LIST) if unit else None
            facts.append(
                rk.ProjectFacts(
                    project_id=pid,
                    findings=findings.get(pid, frozenset()),
                    key_zone=key_zone[k],
                    slope_deg=slopes[k],
                    water_m=water_m[k],
                    credit=status,
                )
            )
        graded = rk.grade(facts, rules)
        fields = outputs.fields_from_spec(
            [
                ("PROJECT_ID", outputs.FIELD_STRING),
                ("UNIT", outputs.FIELD_STRING),
                ("FINDINGS", outputs.FIELD_STRING),
                ("KEY_ZONE", outputs.FIELD_STRING),
                ("SLOPE_DEG", outputs.FIELD_DOUBLE),
                ("WATER_M", outputs.FIELD_DOUBLE),
                ("CREDIT", outputs.FIELD_STRING),
                ("RISK_LEVEL", outputs.FIELD_STRING),
                ("RULE_ID", outputs.FIELD_STRING),
                ("REASON", outputs.FIELD_STRING),
                ("REASON_EN", outputs.FIELD_STRING),
            ]
        )
        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.tr("The output layer OUTPUT could not be created."))
        out_rows = []
        for g in graded:
            f = g.facts
            out_rows.append(
                [
                    f.project_id,
                    units.get(f.project_id) or None,
                    ";".join(c for c in const.CATEGORIES if c in f.findings) or None,
                    None if f.key_zone is None else ("是" if f.key_zone else "否"),
                    None if f.slope_deg is None else round(f.slope_deg, 3),
                    None if f.water_m is None else round(f.water_m, 3),
                    f.credit,
                    g.level,
                    g.rule_id,
                    g.reason_zh,
                    g.reason_en,
                ]
            )
        outputs.add_rows(sink, fields, out_rows, [to_wkb(g) for g in geoms])
        counts = {level: sum(1 for g in graded if g.level == level) for level in const.RISK_LEVELS}
        feedback.pushInfo(", ".join(f"{k}: {v}" for k, v in counts.items()))
        feedback.setProgress(100)
        self._out_id = dest
        return {self.OUTPUT: dest}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        self.persist_style(getattr(self, "_out_id", None), RISK_QML, context, self.tr("Project risk levels"))
        return {}

    # -------------------------------------------------------------------------------------------
    def _findings(self, parameters, context) -> Dict[str, FrozenSet[str]]:
        src = self.parameterAsSource(parameters, self.SUPERVISION, context)
        if src is None:
            return {}
        id_field = self.parameterAsString(parameters, self.SUPERVISION_ID_FIELD, context) or "PROJECT_ID"
        fin_field = self.parameterAsString(parameters, self.FINDINGS_FIELD, context) or "FINDINGS"
        out: Dict[str, set] = {}
        for pid, text in self.read_table(src, [id_field, fin_field], self.tr("Supervision results")):
            key = clean_id(plain_value(pid))
            if not key:
                continue
            values = {v.strip() for v in str(plain_value(text) or "").split(";") if v.strip()}
            out.setdefault(key, set()).update(values)
        return {k: frozenset(v or {const.COMPLIANT}) for k, v in out.items()}

    def _credit(self, parameters, context, reference) -> Optional[Dict[str, str]]:
        src = self.parameterAsSource(parameters, self.CREDIT, context)
        if src is None:
            return None
        rows = self.read_table(
            src, ["ENTITY", "NAME", "LIST", "ENTRY_DATE", "EXIT_DATE"], self.tr("Credit lists")
        )
        stays = []
        for entity, name, list_name, entry, exit_ in rows:
            try:
                start, end = parse_date(plain_value(entry)), parse_date(plain_value(exit_))
            except ValueError:
                continue
            if start is None or end is None:
                continue
            for key in {clean_id(plain_value(entity)), clean_id(plain_value(name))} - {""}:
                stays.append(cr.Listing(key, key, [], clean_id(plain_value(list_name)), start, end))
        keys = {s.entity for s in stays}
        return {k: cr.list_on(stays, k, reference) for k in keys}
