"""Closing (销号) of verified disturbance patches, per patch and per project.

A planner fills in the verification fields (结论, 核查人, 日期, 照片, 备注) offline; this
module reads them back.  A patch is closed when

* it was 合规 and nobody recorded a verdict (no field check needed), or
* its verdict ends the case (不属实, 非生产建设项目, 已整改 by default) and the inspector and
  the date are recorded (and a photo, when photos are required), the date not in the future.

Everything else stays open with the reason.  A project is closed when all its patches are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

from . import constants as const
from .compliance import clean_id
from .dates import parse_date

# Reasons are short Chinese phrases (they go into the published 销号 list) with an English twin.
REASONS = {
    "compliant": ("合规，无需核查", "compliant, no field check needed"),
    "verdict": ("核查结论：{verdict}", "verdict: {verdict}"),
    "pending": ("待核查", "not verified yet"),
    "confirmed": ("违规属实，待查处整改", "violation confirmed, to be investigated and rectified"),
    "not_checkable": ("无法核查，须再次核查", "could not be checked, check again"),
    "no_inspector": ("缺核查人", "inspector missing"),
    "no_date": ("缺核查日期", "date of the check missing"),
    "bad_date": ("核查日期无法识别：{value}", "date of the check not understood: {value}"),
    "future": ("核查日期晚于统计日期", "date of the check after the reference date"),
    "no_photo": ("缺现场照片", "photo missing"),
    "unknown": ("结论无法识别：{verdict}", "verdict not understood: {verdict}"),
}


@dataclass
class VerifiedPatch:
    patch_id: str
    project_id: str
    category: str
    verdict: str = ""
    inspector: str = ""
    date: object = None
    photo: str = ""
    note: str = ""


@dataclass
class ClosedPatch:
    patch: VerifiedPatch
    closed: bool
    reasons: List[str]
    reasons_en: List[str]
    date: Optional[dt.date]


@dataclass
class ProjectClosing:
    project_id: str
    patches: int = 0
    closed: int = 0
    open_ids: List[str] = field(default_factory=list)

    @property
    def open(self) -> int:
        return self.patches - self.closed

    @property
    def all_closed(self) -> bool:
        return self.patches > 0 and self.closed == self.patches


@dataclass
class ClosingResult:
    patches: List[ClosedPatch]
    projects: List[ProjectClosing]


def _reason(key: str, **kw: str):
    zh, en = REASONS[key]
    return zh.format(**kw), en.format(**kw)


def close_patches(
    records: Sequence[VerifiedPatch],
    *,
    closing_verdicts: Sequence[str] = const.CLOSING_VERDICTS,
    require_photo: bool = False,
    close_compliant: bool = True,
    reference_date: Optional[dt.date] = None,
) -> ClosingResult:
    """Closed/open status of each verified patch and per project.

    Parameters
    ----------
    records : the patches with their verification fields.
    closing_verdicts : verdicts that close a patch.
    require_photo : a closing verdict also needs a photo.
    close_compliant : 合规 patches without a verdict are closed (no field check needed).
    reference_date : dates of checks after this day are refused (default: today).
    """
    ref = reference_date or dt.date.today()
    closing = {v.strip() for v in closing_verdicts if v.strip()}
    known = set(const.VERDICTS) | closing
    out: List[ClosedPatch] = []
    per_project: Dict[str, ProjectClosing] = {}
    for rec in records:
        verdict = clean_id(rec.verdict)
        reasons = []
        closed = False
        day: Optional[dt.date] = None
        date_error = None
        try:
            day = parse_date(rec.date)
        except ValueError:
            date_error = str(rec.date)
        if not verdict:
            if rec.category == const.COMPLIANT and close_compliant:
                closed = True
                reasons.append(_reason("compliant"))
            else:
                reasons.append(_reason("pending"))
        elif verdict in closing:
            missing = []
            if not clean_id(rec.inspector):
                missing.append(_reason("no_inspector"))
            if date_error is not None:
                missing.append(_reason("bad_date", value=date_error))
            elif day is None:
                missing.append(_reason("no_date"))
            elif day > ref:
                missing.append(_reason("future"))
            if require_photo and not clean_id(rec.photo):
                missing.append(_reason("no_photo"))
            if missing:
                reasons.extend(missing)
            else:
                closed = True
                reasons.append(_reason("verdict", verdict=verdict))
        elif verdict == const.CONFIRMED:
            reasons.append(_reason("confirmed"))
        elif verdict == const.NOT_CHECKABLE:
            reasons.append(_reason("not_checkable"))
        elif verdict in known:
            reasons.append(_reason("verdict", verdict=verdict))
        else:
            reasons.append(_reason("unknown", verdict=verdict))
        out.append(
            ClosedPatch(
                patch=rec,
                closed=closed,
                reasons=[r[0] for r in reasons],
                reasons_en=[r[1] for r in reasons],
                date=day,
            )
        )
        pid = clean_id(rec.project_id)
        proj = per_project.setdefault(pid, ProjectClosing(project_id=pid))
        proj.patches += 1
        if closed:
            proj.closed += 1
        else:
            proj.open_ids.append(clean_id(rec.patch_id))
    projects = sorted(per_project.values(), key=lambda p: (p.project_id == "", p.project_id))
    return ClosingResult(patches=out, projects=projects)
