"""Risk levels of projects (免打扰 / 预警示 / 严监控) from an editable first-match rule table.

No governing rule set was found (the Hebei measures §三(五) name the three levels
only); ``resources/tables/supervision_risk_rules.csv`` is a labelled proposal that a
province replaces.  The table's columns are conditions on five facts of a project:
its supervision findings, whether its range lies in a key prevention zone
(重点预防区), its mean slope, its distance to water and its construction unit's
credit list.  The first row whose conditions all hold gives the level.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..io.tables import csv_rows
from . import constants as const

COLUMNS = (
    "RULE_ID",
    "LEVEL",
    "CATEGORY",
    "KEY_ZONE",
    "SLOPE_GT_DEG",
    "WATER_LE_M",
    "CREDIT",
    "REASON_ZH",
    "REASON_EN",
)
_YES = {"是", "yes", "y", "true", "1"}
_NO = {"否", "no", "n", "false", "0"}
_LEVEL_ALIASES = {
    "免打扰": const.LOW,
    "low": const.LOW,
    "预警示": const.WARN,
    "warning": const.WARN,
    "严监控": const.STRICT,
    "strict": const.STRICT,
}
_LIST_ALIASES = {
    "黑名单": const.BLACK_LIST,
    "black": const.BLACK_LIST,
    "重点关注名单": const.FOCUS_LIST,
    "重点关注": const.FOCUS_LIST,
    "focus": const.FOCUS_LIST,
    "无": const.NO_LIST,
    "none": const.NO_LIST,
}


@dataclass(frozen=True)
class RiskRule:
    rule_id: str
    level: str
    categories: Optional[FrozenSet[str]] = None
    key_zone: Optional[bool] = None
    slope_gt: Optional[float] = None
    water_le: Optional[float] = None
    credit: Optional[FrozenSet[str]] = None
    reason_zh: str = ""
    reason_en: str = ""

    @property
    def catch_all(self) -> bool:
        return (
            self.categories is None
            and self.key_zone is None
            and self.slope_gt is None
            and self.water_le is None
            and self.credit is None
        )


@dataclass
class ProjectFacts:
    """What the rules look at; ``None`` = unknown (the input was not given)."""

    project_id: str
    findings: FrozenSet[str] = frozenset()
    key_zone: Optional[bool] = None
    slope_deg: Optional[float] = None
    water_m: Optional[float] = None
    credit: Optional[str] = None


@dataclass
class RiskResult:
    facts: ProjectFacts
    level: str
    rule_id: str
    reason_zh: str
    reason_en: str


def _blank(text: Optional[str]) -> bool:
    return text is None or text.strip() in ("", "*")


def _set(text: Optional[str], aliases: Optional[Dict[str, str]] = None) -> Optional[FrozenSet[str]]:
    if _blank(text):
        return None
    assert text is not None
    items = [t.strip() for t in text.split("|") if t.strip()]
    if aliases is not None:
        items = [aliases.get(t.lower(), aliases.get(t, t)) for t in items]
    return frozenset(items)


def _number(text: Optional[str], rule_id: str, column: str) -> Optional[float]:
    if _blank(text):
        return None
    assert text is not None
    try:
        value = float(text)
    except ValueError:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "Rule {rule}: {column} must be a number or empty, not \u201c{value}\u201d."
            ),
            rule=rule_id,
            column=column,
            value=text,
        ) from None
    if math.isnan(value):
        return None
    return value


def parse_rules(text: str) -> List[RiskRule]:
    """Rules from the CSV text (``#`` lines are comments; columns :data:`COLUMNS`).

    Raises ``InputError`` for a missing column, an unknown level or list name, a
    number that is not one, or a table without a final catch-all row.
    """
    header, rows = csv_rows(io.StringIO("\n".join(text.splitlines())))
    missing = [c for c in COLUMNS[:7] if c not in header]
    if missing:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The risk rule table lacks the columns {columns}; it needs {expected} (see the shipped "
                "supervision_risk_rules.csv).",
            ),
            columns=", ".join(missing),
            expected=", ".join(COLUMNS),
        )
    rules: List[RiskRule] = []
    for row in rows:
        rule_id = row.get("RULE_ID") or f"#{len(rules) + 1}"
        level = _LEVEL_ALIASES.get(row.get("LEVEL", "").lower(), _LEVEL_ALIASES.get(row.get("LEVEL", "")))
        if level is None:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "Rule {rule}: the level \u201c{value}\u201d is not one of 免打扰, 预警示, 严监控.",
                ),
                rule=rule_id,
                value=row.get("LEVEL", ""),
            )
        key_text = row.get("KEY_ZONE", "")
        key_zone: Optional[bool] = None
        if not _blank(key_text):
            if key_text.lower() in _YES:
                key_zone = True
            elif key_text.lower() in _NO:
                key_zone = False
            else:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore",
                        "Rule {rule}: KEY_ZONE must be 是 or 否 (or empty), not \u201c{value}\u201d.",
                    ),
                    rule=rule_id,
                    value=key_text,
                )
        categories = _set(row.get("CATEGORY"))
        if categories is not None:
            unknown = sorted(categories - set(const.CATEGORIES))
            if unknown:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore", "Rule {rule}: unknown supervision category {values}; use {allowed}."
                    ),
                    rule=rule_id,
                    values=", ".join(unknown),
                    allowed=", ".join(const.CATEGORIES),
                )
        credit = _set(row.get("CREDIT"), _LIST_ALIASES)
        if credit is not None:
            unknown = sorted(credit - {const.BLACK_LIST, const.FOCUS_LIST, const.NO_LIST})
            if unknown:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore", "Rule {rule}: CREDIT must be 黑名单, 重点关注名单 or 无, not {values}."
                    ),
                    rule=rule_id,
                    values=", ".join(unknown),
                )
        rules.append(
            RiskRule(
                rule_id=rule_id,
                level=level,
                categories=categories,
                key_zone=key_zone,
                slope_gt=_number(row.get("SLOPE_GT_DEG"), rule_id, "SLOPE_GT_DEG"),
                water_le=_number(row.get("WATER_LE_M"), rule_id, "WATER_LE_M"),
                credit=credit,
                reason_zh=row.get("REASON_ZH", ""),
                reason_en=row.get("REASON_EN", ""),
            )
        )
    if not rules or not rules[-1].catch_all:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The risk rule table must end with a catch-all rule (a row whose conditions are all "
                "empty) so that every project gets a level; add one as the last row.",
            )
        )
    return rules


def load_rules(path: str) -> List[RiskRule]:
    """Rules from a CSV file (UTF-8, with or without BOM)."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return parse_rules(handle.read())
    except (OSError, UnicodeDecodeError) as exc:  # not UTF-8 text (e.g. a spreadsheet saved as .csv)
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The rule table {path} cannot be read: {error}."),
            path=path,
            error=str(exc),
        ) from None


def matches(rule: RiskRule, facts: ProjectFacts) -> bool:
    """Whether every condition of ``rule`` holds for ``facts`` (an unknown fact never satisfies one)."""
    if rule.categories is not None and not (rule.categories & facts.findings):
        return False
    if rule.key_zone is not None and (facts.key_zone is None or facts.key_zone != rule.key_zone):
        return False
    if rule.slope_gt is not None and (facts.slope_deg is None or not facts.slope_deg > rule.slope_gt):
        return False
    if rule.water_le is not None and (facts.water_m is None or not facts.water_m <= rule.water_le):
        return False
    if rule.credit is not None and (facts.credit is None or facts.credit not in rule.credit):
        return False
    return True


def grade(projects: Iterable[ProjectFacts], rules: Sequence[RiskRule]) -> List[RiskResult]:
    """The level of every project: the first matching rule.

    >>> rules = parse_rules("RULE_ID,LEVEL,CATEGORY,KEY_ZONE,SLOPE_GT_DEG,WATER_LE_M,CREDIT\\n"
    ...                     "A,严监控,疑似未批先建,,,,\\nB,免打扰,,,,,")
    >>> [r.level for r in grade([ProjectFacts("p1", frozenset({"疑似未批先建"})), ProjectFacts("p2")], rules)]
    ['严监控', '免打扰']
    """
    out: List[RiskResult] = []
    for facts in projects:
        for rule in rules:
            if matches(rule, facts):
                out.append(RiskResult(facts, rule.level, rule.rule_id, rule.reason_zh, rule.reason_en))
                break
        else:  # pragma: no cover - parse_rules demands a catch-all
            out.append(RiskResult(facts, "", "", "", ""))
    return out
