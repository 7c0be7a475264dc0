"""Compliance of disturbance patches (扰动图斑) with approved responsibility ranges (防治责任范围).

The overlay of the remote-sensing supervision of production and construction
projects (《生产建设项目水土保持信息化监管技术规定(试行)》, 2018; overlay topology by
尹斌, 姜德文 et al.).  All geometries are in one projected CRS in metres; the
algorithm layer transforms them.

Rules, for a patch D and the ranges R (dissolved per project):

* D intersects ranges: the inside area is the area of D inside the union of all
  ranges, the outside area the rest.  Outside share ≤ tolerance → 合规, else
  疑似超出防治责任范围.  The matched project is the one with the largest overlap;
  every project touched is listed.
* D intersects no range but carries (or lies within ``near_distance`` of) a known
  project → 疑似建设地点变更.
* Otherwise → 疑似未批先建.
* A patch whose project is finished or in use without acceptance of its SWC
  facilities (project register) and that is otherwise 合规 → 未验先投.  Every
  finding of a patch is also kept in its flags.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from . import constants as const
from .geom import GeometryIndex, load_wkb, polygon_parts, repair

ProgressFn = Callable[[float], None]
CancelFn = Callable[[], bool]


def _noop(_fraction: float) -> None:
    pass


def _never() -> bool:
    return False


def clean_id(value: Any) -> str:
    """A project or patch id as text: ``None`` and blanks give ``''``; ``12.0`` gives ``'12'``.

    >>> clean_id(12.0), clean_id(' P-1 '), clean_id(None)
    ('12', 'P-1', '')
    """
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
    text = str(value).strip()
    return "" if text.upper() == "NULL" else text


@dataclass
class RegisterEntry:
    """One project of the register: its state and the acceptance date of its SWC facilities."""

    status: str = ""
    acceptance_date: str = ""


@dataclass
class PatchResult:
    """The verdict on one patch."""

    index: int
    patch_id: str
    category: str
    project_id: str
    projects: List[str]
    area_m2: float
    inside_m2: float
    outside_m2: float
    outside_pct: float
    flags: List[str]
    repaired: bool
    geometry: Optional[BaseGeometry]
    claimed_project: str = ""
    distance_m: Optional[float] = None

    @property
    def question_m2(self) -> float:
        """The area in question for the field check: outside area of a 超出 patch, else the patch."""
        return self.outside_m2 if self.category == const.EXCEEDS else self.area_m2


@dataclass
class ProjectResult:
    """Per project: range, patches, findings and compliance."""

    project_id: str
    range_m2: float
    patches: int = 0
    inside_m2: float = 0.0
    outside_m2: float = 0.0
    counts: Dict[str, int] = field(default_factory=dict)
    unaccepted: bool = False
    in_register: bool = False
    has_range: bool = True

    @property
    def findings(self) -> List[str]:
        """Categories found for the project (patches and register), most serious first."""
        out = [c for c in const.SUSPECT if self.counts.get(c, 0) > 0]
        if self.unaccepted and const.UNACCEPTED not in out:
            out.append(const.UNACCEPTED)
        return [c for c in const.CATEGORIES if c in out]

    @property
    def involved(self) -> bool:
        """Whether any patch or the register concerns the project."""
        return self.patches > 0 or self.unaccepted or self.counts.get(const.RELOCATED, 0) > 0

    @property
    def compliant(self) -> bool:
        return not self.findings


@dataclass
class SupervisionResult:
    patches: List[PatchResult]
    projects: List[ProjectResult]
    repaired_patches: List[str]
    repaired_ranges: List[str]
    dropped_patches: List[str]
    dropped_ranges: List[str]

    def field_list(self) -> List[Tuple[int, PatchResult]]:
        """Patches to verify in the field, ``(priority, patch)`` with priority 1 first.

        Order: category (未批先建, 超出, 建设地点变更, 未验先投; a proposal), then the area in
        question (outside area of a 超出 patch, else the whole patch) from the largest, then id.
        """
        rank = {c: i for i, c in enumerate(const.CATEGORIES)}
        todo = [p for p in self.patches if p.category in const.SUSPECT]
        todo.sort(key=lambda p: (rank[p.category], -round(p.question_m2, 6), p.patch_id, p.index))
        return [(i + 1, p) for i, p in enumerate(todo)]

    def compliance_rate(self) -> Optional[float]:
        """Share of the projects concerned (patches or register) that are compliant, %."""
        involved = [p for p in self.projects if p.involved]
        if not involved:
            return None
        return 100.0 * sum(1 for p in involved if p.compliant) / len(involved)


def is_unaccepted(entry: Optional[RegisterEntry], in_use_states: Sequence[str]) -> bool:
    """未验先投: the register says finished or in use and gives no acceptance date.

    >>> is_unaccepted(RegisterEntry("投产", ""), ("投产",)), is_unaccepted(RegisterEntry("投产", "2023-05-01"), ("投产",))
    (True, False)
    """
    if entry is None:
        return False
    states = {s.strip().lower() for s in in_use_states if s.strip()}
    return entry.status.strip().lower() in states and not clean_id(entry.acceptance_date)


def classify_patches(
    patches: Sequence[Tuple[Any, Any, Any]],
    ranges: Sequence[Tuple[Any, Any]],
    *,
    tolerance_pct: float = const.TOLERANCE_PCT,
    register: Optional[Mapping[str, RegisterEntry]] = None,
    in_use_states: Sequence[str] = const.IN_USE_STATES,
    near_distance: float = 0.0,
    progress: ProgressFn = _noop,
    is_cancelled: CancelFn = _never,
) -> SupervisionResult:
    """Categorise every patch against the ranges, and summarise per project.

    Parameters
    ----------
    patches : ``[(patch_id, geometry or WKB, claimed project id or None), ...]`` in a projected CRS (m).
    ranges : ``[(project_id, geometry or WKB), ...]``; several features or multipart geometries of
        one project are dissolved.
    tolerance_pct : share of a patch outside all ranges still counted as 合规, %.
    register : project id → :class:`RegisterEntry` (state, acceptance date).
    in_use_states : register states meaning finished or in use.
    near_distance : a patch within this distance (m) of a range, and not intersecting one, is
        matched to that project as 疑似建设地点变更 (0 = by the claimed project id only).

    Raises
    ------
    InputError
        No range, a range without project id, a negative tolerance.
    """
    if not (0.0 <= tolerance_pct <= 100.0):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "The tolerance must lie between 0 and 100 % of the patch area; it is {value:g}."
            ),
            value=tolerance_pct,
        )
    register = dict(register or {})
    # --- ranges: repair, explode into parts, index ------------------------------
    part_geoms: List[BaseGeometry] = []
    part_project: List[str] = []
    by_project: Dict[str, List[BaseGeometry]] = {}
    repaired_ranges: List[str] = []
    dropped_ranges: List[str] = []
    missing_ids = 0
    for pid_raw, data in ranges:
        pid = clean_id(pid_raw)
        if not pid:
            missing_ids += 1
            continue
        geom, fixed = repair(load_wkb(data))
        if fixed:
            repaired_ranges.append(pid)
        if geom is None:
            dropped_ranges.append(pid)
            continue
        for part in polygon_parts(geom):
            part_geoms.append(part)
            part_project.append(pid)
            by_project.setdefault(pid, []).append(part)
        if is_cancelled():
            raise Cancelled()
    if missing_ids:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "{n} responsibility ranges have no project id: fill the project id field of every "
                "range (or remove the ranges that belong to no approved plan).",
            ),
            n=missing_ids,
        )
    if not part_geoms:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "No usable responsibility range: the ranges layer is empty or all its geometries are "
                "empty. Load the approved 防治责任范围 polygons.",
            )
        )
    index = GeometryIndex(part_geoms)
    projects: Dict[str, ProjectResult] = {}
    for pid, parts in by_project.items():
        area = unary_union(parts).area if len(parts) > 1 else parts[0].area
        projects[pid] = ProjectResult(project_id=pid, range_m2=float(area))
    for pid in register:
        if pid not in projects:
            projects[pid] = ProjectResult(project_id=pid, range_m2=0.0, has_range=False)
    for pid, entry in register.items():
        projects[pid].in_register = True
        projects[pid].unaccepted = is_unaccepted(entry, in_use_states)
    tol = tolerance_pct / 100.0

    # --- patches -----------------------------------------------------------------
    results: List[PatchResult] = []
    repaired_patches: List[str] = []
    dropped_patches: List[str] = []
    total = max(len(patches), 1)
    step = max(total // 100, 1)
    for i, (patch_id_raw, data, claimed_raw) in enumerate(patches):
        if i % step == 0:
            if is_cancelled():
                raise Cancelled()
            progress(i / total)
        patch_id = clean_id(patch_id_raw)
        claimed = clean_id(claimed_raw)
        geom, fixed = repair(load_wkb(data))
        if fixed:
            repaired_patches.append(patch_id)
        if geom is None or geom.area <= 0.0:
            dropped_patches.append(patch_id)
            continue
        area = float(geom.area)
        hits = index.intersecting(geom)
        overlap: Dict[str, float] = {}
        inside = 0.0
        if hits:
            groups: Dict[str, List[BaseGeometry]] = {}
            for h in hits:
                groups.setdefault(part_project[h], []).append(part_geoms[h])
            for pid, parts in groups.items():
                target = parts[0] if len(parts) == 1 else unary_union(parts)
                overlap[pid] = float(geom.intersection(target).area)
            if len(hits) == 1:
                inside = next(iter(overlap.values()))
            else:
                inside = float(geom.intersection(unary_union([part_geoms[h] for h in hits])).area)
            overlap = {pid: a for pid, a in overlap.items() if a > 0.0}
            inside = min(inside, area)
        flags: List[str] = []
        distance: Optional[float] = None
        if overlap:
            ordered = sorted(overlap, key=lambda p: (-overlap[p], p))
            project_id = ordered[0]
            outside = max(area - inside, 0.0)
            category = const.COMPLIANT if outside <= tol * area + 1e-9 else const.EXCEEDS
            if category == const.EXCEEDS:
                flags.append(const.EXCEEDS)
        else:
            ordered = []
            outside = area
            inside = 0.0
            project_id = ""
            if claimed and claimed in by_project:
                project_id = claimed
            elif near_distance > 0.0:
                near = _nearest_project(index, part_project, geom, near_distance)
                if near is not None:
                    project_id, distance = near
            if project_id:
                category = const.RELOCATED
            else:
                category = const.UNAPPROVED
            flags.append(category)
        project = projects.get(project_id) if project_id else None
        if project is not None and project.unaccepted:
            flags.append(const.UNACCEPTED)
            if category == const.COMPLIANT:
                category = const.UNACCEPTED
        results.append(
            PatchResult(
                index=i,
                patch_id=patch_id,
                category=category,
                project_id=project_id,
                projects=ordered,
                area_m2=area,
                inside_m2=inside,
                outside_m2=outside,
                outside_pct=100.0 * outside / area,
                flags=flags,
                repaired=fixed,
                geometry=geom,
                claimed_project=claimed,
                distance_m=distance,
            )
        )
        if project is not None:
            project.patches += 1
            project.counts[category] = project.counts.get(category, 0) + 1
            if category != const.RELOCATED:
                project.inside_m2 += overlap.get(project_id, 0.0)
                project.outside_m2 += outside
        for other in ordered[1:]:  # a patch touching two projects counts its overlap for both
            projects[other].patches += 1
            projects[other].inside_m2 += overlap[other]
            projects[other].counts[category] = projects[other].counts.get(category, 0) + 1
    progress(1.0)
    ordered_projects = sorted(projects.values(), key=lambda p: p.project_id)
    return SupervisionResult(
        patches=results,
        projects=ordered_projects,
        repaired_patches=repaired_patches,
        repaired_ranges=repaired_ranges,
        dropped_patches=dropped_patches,
        dropped_ranges=dropped_ranges,
    )


def _nearest_project(
    index: GeometryIndex, part_project: Sequence[str], geom: BaseGeometry, limit: float
) -> Optional[Tuple[str, float]]:
    """The project of the nearest range part within ``limit`` metres of ``geom``."""
    best: Optional[Tuple[float, str]] = None
    for i in index.candidates(geom.buffer(limit, 4)):
        d = float(index.geoms[i].distance(geom))
        if d <= limit and (best is None or (d, part_project[i]) < best):
            best = (d, part_project[i])
    if best is None:
        return None
    return best[1], best[0]
