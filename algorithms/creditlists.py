"""swcplanner:creditlists — 重点关注名单 and 黑名单 of the market entities from dated findings."""

from __future__ import annotations

import datetime as dt
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from . import inputs, outputs, params
from .core.supervision import constants as const
from .core.supervision import credit as cr
from .core.supervision.dates import parse_date
from .rssupervision import SupervisionAlgorithm, plain_value

DEFAULT_CRITERIA = os.path.join(params.PLUGIN_DIR, "resources", "tables", "supervision_credit_criteria.csv")


class CreditListsAlgorithm(SupervisionAlgorithm):
    """Entities with dated findings → focus list and black list with entry and exit dates and grounds."""

    ALG_ID = "creditlists"

    FINDINGS = "FINDINGS"
    ENTITY_FIELD = "ENTITY_FIELD"
    CODE_FIELD = "CODE_FIELD"
    ROLE_FIELD = "ROLE_FIELD"
    DATE_FIELD = "DATE_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    PROJECT_FIELD = "PROJECT_FIELD"
    CRITERIA = "CRITERIA"
    FOCUS_MONTHS = "FOCUS_MONTHS"
    BLACK_MONTHS = "BLACK_MONTHS"
    BLACK_COUNT = "BLACK_COUNT"
    DIRECT_BLACK = "DIRECT_BLACK"
    REFERENCE_DATE = "REFERENCE_DATE"
    OUTPUT = "OUTPUT"
    CHECKED = "CHECKED"

    def displayName(self):  # noqa: N802
        return self.tr("Credit lists (重点关注名单, 黑名单)")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Puts the construction unit and the plan-writing, monitoring, supervision, design, "
                "construction and acceptance-report units of production and construction projects on the "
                "focus list (重点关注名单) and the black list (黑名单) from their dated findings, with the "
                "grounds, the entry and the exit dates (Hebei measures §三(六))."
            ),
            [
                (
                    self.tr("Criteria"),
                    self.tr(
                        "The focus list criteria per role are the rows of CRITERIA (default "
                        "resources/tables/supervision_credit_criteria.csv, the published 列入标准 of the "
                        "two lists): e.g. 生产建设单位 with 未批先建, 未批先弃 or 未验先投; a 方案编制单位 with "
                        "two plans failing review for quality within 12 months; a 监测单位 with two late "
                        "quarterly reports on the same project. TYPE_FIELD must hold the FINDING names of "
                        "the table. An entity enters the focus list on the date of the finding that meets "
                        "a criterion, for FOCUS_MONTHS. The BLACK_COUNT-th such case within that period "
                        "(列入标准 二(一): 2 or more within the focus list's publication period, counting the "
                        "one that put it there) moves it to the black list that day, for BLACK_MONTHS; so "
                        "does any finding of a type in DIRECT_BLACK. Further cases while on the black list "
                        "are added to the grounds and do not extend it."
                    ),
                ),
                (
                    self.tr("Unverified values"),
                    self.tr(
                        "The publication periods (12 and 36 months) and the number of the notice that "
                        "issued the criteria (believed 办水保〔2020〕157号) were not verified; the other "
                        "black-list grounds of the notice were not seen (DIRECT_BLACK is empty by default). "
                        "Check them against the notice in force."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: one row per stay on a list: ENTITY (CODE_FIELD, else the name), NAME, "
                        "ROLES, LIST, ENTRY_DATE, EXIT_DATE, ACTIVE (是 / 否 on REFERENCE_DATE), "
                        "MOVED_TO_BLACK, N_GROUNDS and GROUNDS (date, finding and project of each). CHECKED: "
                        "every finding with the criterion it matched (CLAUSE), TRIGGERS (1 when it made a "
                        "case) and NOTE (count so far, or 'none' when no criterion matches)."
                    ),
                ),
                (
                    self.tr("Sources"),
                    self.tr(
                        "《生产建设项目水土保持方案管理办法》 (水利部令第53号, 2023) 第二十七条 (credit supervision of "
                        "these units); 生产建设项目水土保持市场主体“重点关注名单”及“黑名单”列入标准 (2020)."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.FINDINGS, self.tr("Findings (table: entity, role, date, finding)"), [params.SOURCE_TABLE]
            )
        )
        self.addParameter(params.field(self.ENTITY_FIELD, self.tr("Entity name field"), self.FINDINGS))
        self.addParameter(
            params.field(
                self.CODE_FIELD,
                self.tr("Unified social credit code field (统一社会信用代码)"),
                self.FINDINGS,
                optional=True,
            )
        )
        self.addParameter(params.field(self.ROLE_FIELD, self.tr("Role field"), self.FINDINGS))
        self.addParameter(params.field(self.DATE_FIELD, self.tr("Finding date field"), self.FINDINGS))
        self.addParameter(params.field(self.TYPE_FIELD, self.tr("Finding type field"), self.FINDINGS))
        self.addParameter(
            params.field(self.PROJECT_FIELD, self.tr("Project id field"), self.FINDINGS, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CRITERIA,
                self.tr("Criteria table (CSV; empty = the published criteria shipped)"),
                QgsProcessingParameterFile.Behavior.File,
                "csv",
                None,
                True,
            )
        )
        self.addParameter(
            params.number(
                self.FOCUS_MONTHS,
                self.tr("Publication period of the focus list (months; unverified)"),
                const.FOCUS_MONTHS,
                minimum=1,
                maximum=240,
                integer=True,
            )
        )
        self.addParameter(
            params.number(
                self.BLACK_MONTHS,
                self.tr("Publication period of the black list (months; unverified)"),
                const.BLACK_MONTHS,
                minimum=1,
                maximum=240,
                integer=True,
            )
        )
        self.addParameter(
            params.number(
                self.BLACK_COUNT,
                self.tr("Cases within the focus period that put an entity on the black list"),
                const.BLACK_COUNT,
                minimum=1,
                maximum=20,
                integer=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.DIRECT_BLACK,
                self.tr("Finding types that lead straight to the black list (comma-separated)"),
                "",
                False,
                True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.REFERENCE_DATE, self.tr("Reference date (YYYY-MM-DD; empty = today)"), "", False, True
            )
        )
        self.addParameter(outputs.table_output(self.OUTPUT, self.tr("Credit lists")))
        self.addParameter(outputs.table_output(self.CHECKED, self.tr("Findings checked"), secondary=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        src = inputs.source(self, parameters, self.FINDINGS, context, self.tr("Findings"))
        names = [
            self.parameterAsString(parameters, n, context)
            for n in (
                self.CODE_FIELD,
                self.ENTITY_FIELD,
                self.ROLE_FIELD,
                self.DATE_FIELD,
                self.TYPE_FIELD,
                self.PROJECT_FIELD,
            )
        ]
        rows = [[plain_value(v) for v in row] for row in self.read_table(src, names, self.tr("Findings"))]
        findings = self.core(cr.make_findings, rows)
        criteria = self.core(
            cr.load_criteria, self.parameterAsFile(parameters, self.CRITERIA, context) or DEFAULT_CRITERIA
        )
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
        direct = [
            d.strip() for d in self.parameterAsString(parameters, self.DIRECT_BLACK, context).split(",")
        ]
        result = self.core(
            cr.credit_lists,
            findings,
            criteria,
            focus_months=self.parameterAsInt(parameters, self.FOCUS_MONTHS, context),
            black_months=self.parameterAsInt(parameters, self.BLACK_MONTHS, context),
            black_count=self.parameterAsInt(parameters, self.BLACK_COUNT, context),
            direct_black=[d for d in direct if d],
        )
        feedback.setProgress(70)
        fields = outputs.fields_from_spec(
            [
                ("ENTITY", outputs.FIELD_STRING),
                ("NAME", outputs.FIELD_STRING),
                ("ROLES", outputs.FIELD_STRING),
                ("LIST", outputs.FIELD_STRING),
                ("ENTRY_DATE", outputs.FIELD_STRING),
                ("EXIT_DATE", outputs.FIELD_STRING),
                ("ACTIVE", outputs.FIELD_STRING),
                ("MOVED_TO_BLACK", outputs.FIELD_STRING),
                ("N_GROUNDS", outputs.FIELD_INT),
                ("GROUNDS", outputs.FIELD_STRING),
            ]
        )
        sink, dest = outputs.table_sink(self, parameters, self.OUTPUT, context, fields)
        if sink is None:
            raise QgsProcessingException(self.tr("The output table OUTPUT could not be created."))

        def ground(f: cr.Finding) -> str:
            return f"{f.date.isoformat()} {f.kind}" + (f" ({f.project_id})" if f.project_id else "")

        outputs.add_rows(
            sink,
            fields,
            [
                [
                    s.entity,
                    s.name,
                    ";".join(s.roles),
                    s.list_name,
                    s.entry.isoformat(),
                    s.exit.isoformat(),
                    "是" if s.active(reference) else "否",
                    "是" if s.moved_to_black else "否",
                    len(s.grounds),
                    "; ".join(ground(g) for g in s.grounds),
                ]
                for s in result.listings
            ],
        )
        cfields = outputs.fields_from_spec(
            [
                ("ROW", outputs.FIELD_INT),
                ("ENTITY", outputs.FIELD_STRING),
                ("ROLE", outputs.FIELD_STRING),
                ("DATE", outputs.FIELD_STRING),
                ("FINDING", outputs.FIELD_STRING),
                ("PROJECT_ID", outputs.FIELD_STRING),
                ("CLAUSE", outputs.FIELD_STRING),
                ("TRIGGERS", outputs.FIELD_INT),
                ("NOTE", outputs.FIELD_STRING),
            ]
        )
        csink, cdest = outputs.table_sink(self, parameters, self.CHECKED, context, cfields)
        outputs.add_rows(
            csink,
            cfields,
            [
                [
                    c.finding.index + 1,
                    c.finding.entity,
                    c.finding.role,
                    c.finding.date.isoformat(),
                    c.finding.kind,
                    c.finding.project_id or None,
                    c.criterion.clause if c.criterion else None,
                    1 if c.triggers else 0,
                    c.note or None,
                ]
                for c in result.findings
            ],
        )
        unmatched = sorted(
            {c.finding.kind for c in result.findings if c.criterion is None and not c.triggers}
        )
        if unmatched:
            feedback.pushWarning(
                self.tr(
                    "Finding types that match no criterion of the table (check their spelling against "
                    "the FINDING column): {types}"
                ).format(types=inputs.short_list(unmatched))
            )
        active = [s for s in result.listings if s.active(reference)]
        feedback.pushInfo(
            self.tr("On {day}: {focus} entities on the focus list, {black} on the black list.").format(
                day=reference.isoformat(),
                focus=sum(1 for s in active if s.list_name == const.FOCUS_LIST),
                black=sum(1 for s in active if s.list_name == const.BLACK_LIST),
            )
        )
        feedback.setProgress(100)
        return {self.OUTPUT: dest, self.CHECKED: cdest}
