"""Credit lists ("两单") of the market entities of production and construction projects.

An entity (construction unit, plan-writing, monitoring, supervision, design,
construction or acceptance-report unit; 水利部令第53号 第二十七条) with dated
findings goes onto

* the 重点关注名单 (focus list) on the date a finding meets a criterion of
  ``resources/tables/supervision_credit_criteria.csv`` (the published 列入标准,
  one row per role and finding, some needing two findings within a year or on the
  same project), for ``focus_months``;
* the 黑名单 (black list) when, within the focus list's publication period, the
  ``black_count``-th focus-list case occurs (列入标准 二(一): "在'重点关注名单'公开期内
  发生2次以上应纳入'重点关注名单'情形的"), or directly for a finding type given in
  ``direct_black``, for ``black_months``; the focus-list entry ends that day.

The publication periods (12 and 36 months by default) were not verified [U]:
they are parameters.  A case during a black-list period is recorded as a ground
and does not extend it [U].
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..io.tables import csv_rows
from . import constants as const
from .compliance import clean_id
from .dates import add_months, parse_date

_NORMALISE = re.compile(r"[\s、，,。．.“”\"'‘’()（）:：;；/-]+")


def normalise(text: str) -> str:
    """A finding or role name reduced for matching: no blanks or punctuation, lower case.

    >>> normalise(' 未按规定组织开展水土保持设计、监测、监理工作 ') == normalise('未按规定组织开展水土保持设计监测监理工作')
    True
    """
    return _NORMALISE.sub("", str(text)).lower()


_ROLE_LOOKUP = {normalise(alias): role for role, aliases in const.ROLES.items() for alias in aliases}


def role_name(text: str) -> Optional[str]:
    """The canonical role for ``text`` (``'建设单位'`` → ``'生产建设单位'``), or ``None``."""
    return _ROLE_LOOKUP.get(normalise(text))


@dataclass(frozen=True)
class Criterion:
    role: str
    finding: str
    count: int = 1
    window_months: Optional[int] = None
    same_project: bool = False
    clause: str = ""


@dataclass
class Finding:
    index: int
    entity: str
    role: str
    date: dt.date
    kind: str
    project_id: str = ""
    name: str = ""


@dataclass
class CheckedFinding:
    finding: Finding
    criterion: Optional[Criterion]
    triggers: bool
    note: str = ""


@dataclass
class Listing:
    """One stay of an entity on a list."""

    entity: str
    name: str
    roles: List[str]
    list_name: str
    entry: dt.date
    exit: dt.date
    grounds: List[Finding] = field(default_factory=list)
    moved_to_black: bool = False

    def active(self, day: dt.date) -> bool:
        return self.entry <= day < self.exit


@dataclass
class CreditResult:
    listings: List[Listing]
    findings: List[CheckedFinding]


def parse_criteria(text: str) -> List[Criterion]:
    """Criteria from the CSV text (``#`` lines are comments)."""
    header, rows = csv_rows(io.StringIO("\n".join(text.splitlines())))
    for col in ("ROLE", "FINDING"):
        if col not in header:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The criteria table lacks the column {column}; it needs ROLE, FINDING, COUNT, "
                    "WINDOW_MONTHS, SAME_PROJECT, CLAUSE.",
                ),
                column=col,
            )
    out: List[Criterion] = []
    for n, row in enumerate(rows, start=1):
        role = role_name(row["ROLE"])
        if role is None:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore", "Criteria row {row}: unknown role \u201c{role}\u201d; use one of {roles}."
                ),
                row=n,
                role=row["ROLE"],
                roles=", ".join(const.ROLES),
            )
        try:
            count = int(row.get("COUNT") or 1)
            window = int(row["WINDOW_MONTHS"]) if row.get("WINDOW_MONTHS") else None
        except ValueError:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore", "Criteria row {row}: COUNT and WINDOW_MONTHS must be whole numbers."
                ),
                row=n,
            ) from None
        same = (row.get("SAME_PROJECT") or "0").lower() in ("1", "是", "yes", "true")
        out.append(Criterion(role, row["FINDING"], max(count, 1), window, same, row.get("CLAUSE", "")))
    return out


def load_criteria(path: str) -> List[Criterion]:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return parse_criteria(handle.read())
    except (OSError, UnicodeDecodeError) as exc:  # not UTF-8 text (e.g. a spreadsheet saved as .csv)
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The criteria table {path} cannot be read: {error}."),
            path=path,
            error=str(exc),
        ) from None


def make_findings(rows: Sequence[Tuple[object, object, object, object, object, object]]) -> List[Finding]:
    """Findings from ``[(entity key, name, role, date, finding type, project id), ...]``.

    Raises ``InputError`` listing the rows with an unknown role or a missing or unreadable date.
    """
    out: List[Finding] = []
    bad_roles: List[str] = []
    bad_dates: List[str] = []
    for i, (key, name, role_text, date_value, kind, project) in enumerate(rows):
        entity = clean_id(key) or clean_id(name)
        if not entity:
            continue
        role = role_name(str(role_text or ""))
        if role is None:
            bad_roles.append(f"{i + 1} ({role_text})")
            continue
        try:
            day = parse_date(date_value)
        except ValueError:
            day = None
        if day is None:
            bad_dates.append(f"{i + 1} ({date_value})")
            continue
        out.append(Finding(i, entity, role, day, clean_id(kind), clean_id(project), clean_id(name) or entity))
    if bad_roles:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "Findings with an unknown role (rows {rows}); the role must be one of {roles}."
            ),
            rows=", ".join(bad_roles[:20]),
            roles=", ".join(const.ROLES),
        )
    if bad_dates:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Findings without a readable date (rows {rows}); give the date of each finding as "
                "YYYY-MM-DD.",
            ),
            rows=", ".join(bad_dates[:20]),
        )
    return out


def credit_lists(
    findings: Sequence[Finding],
    criteria: Sequence[Criterion],
    *,
    focus_months: int = const.FOCUS_MONTHS,
    black_months: int = const.BLACK_MONTHS,
    black_count: int = const.BLACK_COUNT,
    direct_black: Sequence[str] = (),
) -> CreditResult:
    """Focus-list and black-list stays of every entity, with entry and exit dates and grounds.

    >>> crit = [Criterion("生产建设单位", "未批先建")]
    >>> f = [Finding(0, "甲公司", "生产建设单位", dt.date(2023, 3, 1), "未批先建"),
    ...      Finding(1, "甲公司", "生产建设单位", dt.date(2023, 9, 1), "未批先建")]
    >>> [(s.list_name, str(s.entry), str(s.exit)) for s in credit_lists(f, crit).listings]
    [('重点关注名单', '2023-03-01', '2023-09-01'), ('黑名单', '2023-09-01', '2026-09-01')]
    """
    if focus_months < 1 or black_months < 1 or black_count < 1:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "The publication periods and the black-list count must be at least 1."
            )
        )
    by_key: Dict[Tuple[str, str], List[Criterion]] = {}
    for crit in criteria:
        by_key.setdefault((crit.role, normalise(crit.finding)), []).append(crit)
    direct = {normalise(d) for d in direct_black if d.strip()}
    checked: List[CheckedFinding] = []
    listings: List[Listing] = []
    by_entity: Dict[str, List[Finding]] = {}
    for f in findings:
        by_entity.setdefault(f.entity, []).append(f)
    for entity in sorted(by_entity):
        items = sorted(by_entity[entity], key=lambda f: (f.date, f.index))
        counters: Dict[Tuple[Criterion, str], List[dt.date]] = {}
        focus: Optional[Listing] = None
        black: Optional[Listing] = None
        cases_in_focus = 0
        for f in items:
            if black is not None and f.date >= black.exit:
                black = None
            if focus is not None and f.date >= focus.exit:
                focus = None
            crits = by_key.get((f.role, normalise(f.kind)), [])
            is_direct = normalise(f.kind) in direct
            trigger: Optional[Criterion] = None
            note = ""
            for crit in crits:
                key = (crit, f.project_id if crit.same_project else "")
                dates = counters.setdefault(key, [])
                dates.append(f.date)
                if crit.window_months is not None:
                    start = add_months(f.date, -crit.window_months)
                    dates[:] = [d for d in dates if d > start]
                if len(dates) >= crit.count:
                    trigger = crit
                    dates.clear()
                    break
                note = f"{len(dates)}/{crit.count}"
            if not crits and not is_direct:
                note = "none"
            checked.append(
                CheckedFinding(f, crits[0] if crits else None, trigger is not None or is_direct, note)
            )
            if trigger is None and not is_direct:
                continue
            if black is not None:
                black.grounds.append(f)
                continue
            if is_direct or (focus is not None and cases_in_focus + 1 >= black_count) or black_count <= 1:
                grounds = list(focus.grounds) if focus is not None else []
                if focus is not None:
                    focus.exit = f.date
                    focus.moved_to_black = True
                black = Listing(
                    entity,
                    f.name,
                    [],
                    const.BLACK_LIST,
                    f.date,
                    add_months(f.date, black_months),
                    grounds + [f],
                )
                listings.append(black)
                focus = None
                cases_in_focus = 0
                continue
            if focus is None:
                focus = Listing(
                    entity, f.name, [], const.FOCUS_LIST, f.date, add_months(f.date, focus_months), [f]
                )
                listings.append(focus)
                cases_in_focus = 1
            else:
                focus.grounds.append(f)
                cases_in_focus += 1
    for stay in listings:
        stay.roles = sorted({g.role for g in stay.grounds})
    listings.sort(key=lambda s: (s.entity, s.entry, s.list_name != const.FOCUS_LIST))
    return CreditResult(listings=listings, findings=checked)


def list_on(listings: Sequence[Listing], entity: str, day: dt.date) -> str:
    """The list ``entity`` is on at ``day`` (黑名单 before 重点关注名单), or 无."""
    lists = {s.list_name for s in listings if s.entity == entity and s.active(day)}
    if const.BLACK_LIST in lists:
        return const.BLACK_LIST
    if const.FOCUS_LIST in lists:
        return const.FOCUS_LIST
    return const.NO_LIST
