"""Supervision core (no QGIS): answers by construction.

Patches and ranges are rectangles whose areas are known by hand; the risk rules,
credit lists and sampling are checked on cases built so that each has exactly
one right answer.
"""

from __future__ import annotations

import datetime as dt
import math
import os

import numpy as np
import pytest
from osgeo import gdal, osr
from shapely.geometry import LineString, MultiPolygon, Polygon, box

from swc_planner.algorithms.core.errors import InputError
from swc_planner.algorithms.core.supervision import closing as cl
from swc_planner.algorithms.core.supervision import compliance as cp
from swc_planner.algorithms.core.supervision import constants as const
from swc_planner.algorithms.core.supervision import credit as cr
from swc_planner.algorithms.core.supervision import facts as fa
from swc_planner.algorithms.core.supervision import risk as rk
from swc_planner.algorithms.core.supervision import sampling as sa
from swc_planner.algorithms.core.supervision.geom import GeometryIndex, repair

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RULES = os.path.join(REPO, "resources", "tables", "supervision_risk_rules.csv")
CRITERIA = os.path.join(REPO, "resources", "tables", "supervision_credit_criteria.csv")

R = box(0, 0, 100, 100)


def _by_id(result):
    return {p.patch_id: p for p in result.patches}


# --- compliance ------------------------------------------------------------------------------
def test_issue_construction_d1_to_d4_and_unaccepted():
    register = {
        "P2": cp.RegisterEntry("投产", ""),  # in operation, never accepted
        "P3": cp.RegisterEntry("投产", "2023-06-30"),
    }
    ranges = [("P1", R.wkb), ("P2", box(1000, 0, 1100, 100).wkb), ("P3", box(2000, 0, 2100, 100).wkb)]
    patches = [
        ("D1", box(20, 20, 80, 80).wkb, None),
        ("D2", box(50, 0, 150, 100).wkb, None),
        ("D3", box(500, 500, 560, 560).wkb, None),
        ("D4", box(300, 300, 340, 340).wkb, "P1"),
        ("D5", box(1010, 10, 1050, 50).wkb, None),
        ("D6", box(2010, 10, 2050, 50).wkb, None),
    ]
    res = cp.classify_patches(patches, ranges, tolerance_pct=5.0, register=register)
    p = _by_id(res)
    assert p["D1"].category == const.COMPLIANT == "合规"
    assert p["D1"].inside_m2 == pytest.approx(3600.0) and p["D1"].outside_m2 == pytest.approx(0.0)
    assert p["D2"].category == const.EXCEEDS == "疑似超出防治责任范围"
    assert p["D2"].outside_m2 == pytest.approx(5000.0) and p["D2"].inside_m2 == pytest.approx(5000.0)
    assert p["D2"].project_id == "P1"
    assert p["D3"].category == const.UNAPPROVED == "疑似未批先建" and p["D3"].project_id == ""
    assert p["D3"].outside_m2 == pytest.approx(3600.0)
    assert p["D4"].category == const.RELOCATED == "疑似建设地点变更" and p["D4"].project_id == "P1"
    assert p["D5"].category == const.UNACCEPTED == "未验先投" and p["D5"].project_id == "P2"
    assert p["D6"].category == const.COMPLIANT
    projects = {q.project_id: q for q in res.projects}
    assert projects["P1"].findings == [const.EXCEEDS, const.RELOCATED]
    assert projects["P1"].outside_m2 == pytest.approx(5000.0)
    assert projects["P1"].inside_m2 == pytest.approx(3600.0 + 5000.0)
    assert projects["P1"].range_m2 == pytest.approx(10000.0)
    assert projects["P2"].findings == [const.UNACCEPTED] and not projects["P2"].compliant
    assert projects["P3"].compliant
    assert res.compliance_rate() == pytest.approx(100.0 / 3.0)
    # field list: 未批先建 first, then 超出, 建设地点变更, 未验先投; 合规 patches not listed
    assert [p.patch_id for _rank, p in res.field_list()] == ["D3", "D2", "D4", "D5"]


def test_tolerance_is_the_outside_share():
    patch = [("A", box(0, 0, 100, 104).wkb, None)]  # 400 of 10 400 m² outside = 3.85 %
    ranges = [("P", R.wkb)]
    assert cp.classify_patches(patch, ranges, tolerance_pct=5.0).patches[0].category == const.COMPLIANT
    res = cp.classify_patches(patch, ranges, tolerance_pct=3.0).patches[0]
    assert res.category == const.EXCEEDS
    assert res.outside_pct == pytest.approx(400.0 / 10400.0 * 100.0)


def test_patch_touching_two_projects():
    ranges = [("A", box(0, 0, 100, 100).wkb), ("B", box(100, 0, 200, 100).wkb)]
    res = cp.classify_patches([("X", box(50, 0, 160, 50).wkb, None)], ranges)
    patch = res.patches[0]
    assert patch.category == const.COMPLIANT
    assert patch.project_id == "B" and patch.projects == ["B", "A"]  # 3 000 m² in B, 2 500 m² in A
    assert patch.inside_m2 == pytest.approx(5500.0)
    projects = {q.project_id: q for q in res.projects}
    assert projects["A"].inside_m2 == pytest.approx(2500.0) and projects["B"].inside_m2 == pytest.approx(
        3000.0
    )
    assert projects["A"].patches == projects["B"].patches == 1


def test_overlapping_ranges_are_not_counted_twice():
    ranges = [("A", box(0, 0, 100, 100).wkb), ("B", box(50, 0, 150, 100).wkb)]
    patch = cp.classify_patches([("X", box(25, 0, 125, 100).wkb, None)], ranges).patches[0]
    assert patch.inside_m2 == pytest.approx(10000.0) and patch.outside_m2 == pytest.approx(0.0)


@pytest.mark.parametrize("split", [False, True])
def test_multipart_range(split):
    parts = [box(0, 0, 10, 10), box(20, 0, 30, 10)]
    ranges = [("M", p.wkb) for p in parts] if split else [("M", MultiPolygon(parts).wkb)]
    res = cp.classify_patches([("X", box(5, 0, 25, 10).wkb, None)], ranges)
    patch = res.patches[0]
    assert patch.inside_m2 == pytest.approx(100.0) and patch.outside_m2 == pytest.approx(100.0)
    assert patch.category == const.EXCEEDS
    assert res.projects[0].range_m2 == pytest.approx(200.0)


def test_invalid_geometries_are_repaired_and_listed():
    bow_tie = Polygon([(0, 0), (100, 100), (100, 0), (0, 100)])  # two triangles of 2 500 m²
    bad_range = Polygon([(0, 0), (100, 0), (100, 100), (0, 100), (0, 0), (50, 50), (0, 0)])
    assert not bow_tie.is_valid
    res = cp.classify_patches([("BT", bow_tie.wkb, None)], [("P", bad_range.wkb)])
    assert res.repaired_patches == ["BT"] and res.repaired_ranges == ["P"]
    patch = res.patches[0]
    assert patch.repaired and patch.geometry.is_valid
    assert patch.area_m2 == pytest.approx(5000.0)
    assert patch.category == const.COMPLIANT
    fixed, was_repaired = repair(box(0, 0, 1, 1))
    assert not was_repaired and fixed.area == 1.0


def test_near_distance_matches_a_nearby_project():
    ranges = [("P", R.wkb)]
    patch = [("N", box(120, 0, 140, 20).wkb, None)]  # 20 m east of the range
    assert cp.classify_patches(patch, ranges).patches[0].category == const.UNAPPROVED
    near = cp.classify_patches(patch, ranges, near_distance=25.0).patches[0]
    assert (
        near.category == const.RELOCATED and near.project_id == "P" and near.distance_m == pytest.approx(20.0)
    )


def test_field_list_orders_by_category_then_area():
    ranges = [("P", R.wkb)]
    patches = [
        ("small", box(500, 0, 510, 10).wkb, None),
        ("big", box(600, 0, 700, 100).wkb, None),
        ("over", box(90, 0, 120, 10).wkb, None),
    ]
    res = cp.classify_patches(patches, ranges)
    assert [(r, p.patch_id) for r, p in res.field_list()] == [(1, "big"), (2, "small"), (3, "over")]


def test_errors_say_what_to_fix():
    with pytest.raises(InputError, match="project id"):
        cp.classify_patches([("X", R.wkb, None)], [(None, R.wkb)])
    with pytest.raises(InputError, match="between 0 and 100"):
        cp.classify_patches([("X", R.wkb, None)], [("P", R.wkb)], tolerance_pct=-1)


class _FakeTree:
    def __init__(self, answer):
        self.answer = answer

    def query(self, _geom):
        return self.answer

    def nearest(self, _geom):
        return self.answer[0]


def test_strtree_answers_by_geometries_or_indices():
    geoms = [box(0, 0, 1, 1), box(5, 5, 6, 6), box(10, 0, 11, 1)]
    index = GeometryIndex(geoms)
    probe = box(-1, -1, 7, 7)
    assert index.candidates(probe) == [0, 1]  # whatever shapely is installed
    index.tree = _FakeTree([geoms[1], geoms[0]])  # shapely 1.8: the geometries
    assert index.candidates(probe) == [0, 1]
    index.tree = _FakeTree(np.array([1, 0], dtype=np.int64))  # shapely 2: indices
    assert index.candidates(probe) == [0, 1]
    index.tree = _FakeTree(np.array([2]))
    assert index.nearest_distance(box(13, 0, 14, 1)) == pytest.approx(2.0)
    index.tree = _FakeTree([geoms[2]])
    assert index.nearest_distance(box(13, 0, 14, 1)) == pytest.approx(2.0)


def test_many_random_patches_match_brute_force():
    rng = np.random.default_rng(7)
    ranges = []
    for k in range(40):
        x, y = rng.uniform(0, 1000, 2)
        ranges.append((f"P{k % 25}", box(x, y, x + rng.uniform(20, 120), y + rng.uniform(20, 120)).wkb))
    patches = []
    for k in range(300):
        x, y = rng.uniform(0, 1000, 2)
        patches.append((str(k), box(x, y, x + rng.uniform(5, 60), y + rng.uniform(5, 60)).wkb, None))
    res = cp.classify_patches(patches, ranges, tolerance_pct=5.0)
    from shapely import wkb
    from shapely.ops import unary_union

    union = unary_union([wkb.loads(g) for _p, g in ranges])
    for patch in res.patches:
        geom = wkb.loads(patches[int(patch.patch_id)][1])
        inside = geom.intersection(union).area
        assert patch.inside_m2 == pytest.approx(inside, abs=1e-6)
        expected = (
            const.UNAPPROVED
            if inside == 0
            else (const.COMPLIANT if (geom.area - inside) <= 0.05 * geom.area else const.EXCEEDS)
        )
        assert patch.category == expected


# --- closing ---------------------------------------------------------------------------------
def test_closing_from_the_verification_fields():
    today = dt.date(2024, 6, 1)
    recs = [
        cl.VerifiedPatch("a", "P1", const.COMPLIANT),
        cl.VerifiedPatch("b", "P1", const.EXCEEDS, "已整改", "张三", "2024-05-20", "photos/b.jpg"),
        cl.VerifiedPatch("c", "P1", const.EXCEEDS, "属实", "张三", "2024-05-20"),
        cl.VerifiedPatch("d", "", const.UNAPPROVED, "不属实", "", "2024-05-20"),  # inspector missing
        cl.VerifiedPatch("e", "", const.UNAPPROVED, "非生产建设项目", "李四", "2024-05-21"),
        cl.VerifiedPatch("f", "P2", const.RELOCATED),
        cl.VerifiedPatch(
            "g", "P2", const.RELOCATED, "不属实", "李四", "2024-07-01"
        ),  # after the reference date
        cl.VerifiedPatch("h", "P3", const.UNACCEPTED, "已整改", "王五", "2024年5月2日"),
    ]
    res = cl.close_patches(recs, reference_date=today)
    closed = {c.patch.patch_id: c.closed for c in res.patches}
    assert closed == {
        "a": True,
        "b": True,
        "c": False,
        "d": False,
        "e": True,
        "f": False,
        "g": False,
        "h": True,
    }
    reasons = {c.patch.patch_id: c.reasons[0] for c in res.patches}
    assert reasons["c"] == "违规属实，待查处整改" and reasons["d"] == "缺核查人" and reasons["f"] == "待核查"
    projects = {p.project_id: p for p in res.projects}
    assert projects["P1"].closed == 2 and projects["P1"].open_ids == ["c"] and not projects["P1"].all_closed
    assert projects["P3"].all_closed
    assert projects[""].open_ids == ["d"]
    strict = cl.close_patches(recs, reference_date=today, require_photo=True)
    assert [c.patch.patch_id for c in strict.patches if c.closed] == ["a", "b"]


# --- risk ------------------------------------------------------------------------------------
def _seven_projects():
    """One project per rule of the shipped proposal, in rule order R1..R7."""
    return [
        rk.ProjectFacts("p1", frozenset({const.UNAPPROVED}), False, 5.0, 500.0, const.NO_LIST),
        rk.ProjectFacts("p2", frozenset({const.COMPLIANT}), False, 5.0, 500.0, const.BLACK_LIST),
        rk.ProjectFacts("p3", frozenset({const.COMPLIANT}), True, 20.0, 500.0, const.NO_LIST),
        rk.ProjectFacts("p4", frozenset({const.COMPLIANT}), True, 10.0, 500.0, const.FOCUS_LIST),
        rk.ProjectFacts("p5", frozenset({const.UNACCEPTED}), False, 5.0, 500.0, const.NO_LIST),
        rk.ProjectFacts("p6", frozenset({const.COMPLIANT}), False, 5.0, 60.0, const.NO_LIST),
        rk.ProjectFacts("p7", frozenset({const.COMPLIANT}), False, 30.0, 500.0, const.NO_LIST),
    ]


def test_shipped_rule_table_is_a_labelled_proposal():
    with open(RULES, encoding="utf-8") as handle:
        text = handle.read()
    assert "PROPOSAL" in text.splitlines()[0] and "NO GOVERNING RULE SET WAS FOUND" in text
    rules = rk.load_rules(RULES)
    assert all(r.reason_zh and r.reason_en for r in rules)
    assert rules[-1].catch_all


def test_one_project_per_rule_gets_the_expected_level():
    rules = rk.load_rules(RULES)
    got = rk.grade(_seven_projects(), rules)
    assert [r.rule_id for r in got] == ["R1", "R2", "R3", "R4", "R5", "R6", "R7"]
    assert [r.level for r in got] == ["严监控", "严监控", "严监控", "预警示", "预警示", "预警示", "免打扰"]


def test_editing_one_rule_changes_exactly_one_result():
    with open(RULES, encoding="utf-8") as handle:
        text = handle.read()
    before = rk.grade(_seven_projects(), rk.parse_rules(text))
    edited = text.replace("R6,预警示,,,,100,", "R6,预警示,,,,50,")
    assert edited != text
    after = rk.grade(_seven_projects(), rk.parse_rules(edited))
    changed = [(a.facts.project_id, a.level, b.level) for a, b in zip(before, after) if a.level != b.level]
    assert changed == [("p6", "预警示", "免打扰")]


def test_unknown_facts_never_satisfy_a_condition():
    rules = rk.load_rules(RULES)
    assert rk.grade([rk.ProjectFacts("x")], rules)[0].rule_id == "R7"


@pytest.mark.parametrize(
    "row, message",
    [
        ("X,高,,,,,,,", "level"),
        ("X,严监控,,maybe,,,,,", "KEY_ZONE"),
        ("X,严监控,,,steep,,,,", "number"),
        ("X,严监控,违规,,,,,,", "category"),
    ],
)
def test_bad_rule_tables_are_refused(row, message):
    head = ",".join(rk.COLUMNS)
    with pytest.raises(InputError, match=message):
        rk.parse_rules(f"{head}\n{row}\nZ,免打扰,,,,,,,")
    with pytest.raises(InputError, match="catch-all"):
        rk.parse_rules(f"{head}\nA,严监控,疑似未批先建,,,,,,")


def _dem(path, z, cell=10.0, x0=39_500_000.0, y0=4_400_000.0, epsg=4527):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), z.shape[1], z.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y0, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(z)
    ds.GetRasterBand(1).SetNoDataValue(-9999)
    ds = None
    return str(path)


def test_facts_of_a_range(tmp_path):
    rows, cols = 60, 80
    x = np.arange(cols)[None, :] * 10.0 * np.ones((rows, 1))
    path = _dem(tmp_path / "plane.tif", (0.1 * x).astype(np.float32))  # slope atan(0.1) everywhere
    x0, y0 = 39_500_000.0, 4_400_000.0
    inside = box(x0 + 100, y0 - 300, x0 + 300, y0 - 100)
    outside = box(x0 + 5000, y0 - 300, x0 + 5100, y0 - 100)
    slopes = fa.mean_slopes(path, [inside, outside])
    assert slopes[0] == pytest.approx(math.degrees(math.atan(0.1)), abs=1e-4)
    assert slopes[1] is None
    river = LineString([(x0 + 400, y0), (x0 + 400, y0 - 600)])
    assert fa.water_distances([inside], [river]) == [pytest.approx(100.0)]
    assert fa.water_distances([inside], []) == [None]
    zone = box(x0 + 250, y0 - 600, x0 + 600, y0)
    touching = box(x0 + 300, y0 - 600, x0 + 600, y0)
    assert fa.in_zones([inside], [zone]) == [True]
    assert fa.in_zones([inside], [touching]) == [False]


# --- credit lists -----------------------------------------------------------------------------
def _finding(i, day, kind="未批先建", entity="甲公司", role="建设单位", project=""):
    return (entity, entity, role, day, kind, project)


def test_one_finding_focus_list_and_a_second_within_the_period_black_list():
    criteria = cr.load_criteria(CRITERIA)
    one = cr.credit_lists(cr.make_findings([_finding(0, "2023-03-01")]), criteria)
    assert [(s.list_name, s.entry, s.exit) for s in one.listings] == [
        (const.FOCUS_LIST, dt.date(2023, 3, 1), dt.date(2024, 3, 1))
    ]
    two = cr.credit_lists(
        cr.make_findings([_finding(0, "2023-03-01"), _finding(1, "2023-10-10", "未验先投")]), criteria
    )
    stays = [(s.list_name, s.entry, s.exit) for s in two.listings]
    assert stays == [
        (const.FOCUS_LIST, dt.date(2023, 3, 1), dt.date(2023, 10, 10)),
        (const.BLACK_LIST, dt.date(2023, 10, 10), dt.date(2026, 10, 10)),
    ]
    assert [g.kind for g in two.listings[1].grounds] == ["未批先建", "未验先投"]
    assert cr.list_on(two.listings, "甲公司", dt.date(2024, 1, 1)) == const.BLACK_LIST
    assert cr.list_on(two.listings, "甲公司", dt.date(2027, 1, 1)) == const.NO_LIST


def test_a_second_finding_after_the_period_is_a_new_focus_stay():
    criteria = cr.load_criteria(CRITERIA)
    res = cr.credit_lists(cr.make_findings([_finding(0, "2023-03-01"), _finding(1, "2024-03-01")]), criteria)
    assert [s.list_name for s in res.listings] == [const.FOCUS_LIST, const.FOCUS_LIST]
    shorter = cr.credit_lists(
        cr.make_findings([_finding(0, "2023-03-01"), _finding(1, "2024-02-29")]), criteria, focus_months=12
    )
    assert [s.list_name for s in shorter.listings] == [const.FOCUS_LIST, const.BLACK_LIST]


def test_count_and_window_criteria():
    criteria = cr.load_criteria(CRITERIA)
    kind = "水土保持方案因质量问题未通过审查审批"
    within = [
        _finding(0, "2023-01-10", kind, "乙院", "方案编制单位"),
        _finding(1, "2023-11-20", kind, "乙院", "编制单位"),
    ]
    apart = [
        _finding(0, "2022-01-10", kind, "乙院", "方案编制单位"),
        _finding(1, "2023-11-20", kind, "乙院", "方案编制单位"),
    ]
    assert [s.list_name for s in cr.credit_lists(cr.make_findings(within), criteria).listings] == [
        const.FOCUS_LIST
    ]
    assert cr.credit_lists(cr.make_findings(apart), criteria).listings == []
    late = "监测季报未按时提交"
    other_projects = [
        _finding(0, "2023-01-10", late, "丙站", "监测单位", "A"),
        _finding(1, "2023-04-10", late, "丙站", "监测单位", "B"),
    ]
    same_project = [
        _finding(0, "2023-01-10", late, "丙站", "监测单位", "A"),
        _finding(1, "2023-04-10", late, "丙站", "监测单位", "A"),
    ]
    assert cr.credit_lists(cr.make_findings(other_projects), criteria).listings == []
    listed = cr.credit_lists(cr.make_findings(same_project), criteria).listings
    assert [(s.list_name, s.entry) for s in listed] == [(const.FOCUS_LIST, dt.date(2023, 4, 10))]


def test_findings_that_meet_no_criterion_and_bad_rows():
    criteria = cr.load_criteria(CRITERIA)
    res = cr.credit_lists(cr.make_findings([_finding(0, "2023-01-01", "迟交报告")]), criteria)
    assert res.listings == [] and not res.findings[0].triggers and res.findings[0].note == "none"
    direct = cr.credit_lists(
        cr.make_findings([_finding(0, "2023-01-01", "弄虚作假")]), criteria, direct_black=["弄虚作假"]
    )
    assert [s.list_name for s in direct.listings] == [const.BLACK_LIST]
    with pytest.raises(InputError, match="unknown role"):
        cr.make_findings([_finding(0, "2023-01-01", role="厨师")])
    with pytest.raises(InputError, match="date"):
        cr.make_findings([_finding(0, "soon")])


# --- sampling --------------------------------------------------------------------------------
def test_sample_sizes_from_the_issue():
    assert sa.sample_size(137, 5) == 7 and sa.sample_size(20, 5) == 1
    assert len(sa.sample_plans([f"P{i}" for i in range(137)], 5, seed=1)) == 7
    assert len(sa.sample_plans([f"P{i}" for i in range(20)], 5, seed=1)) == 1
    with pytest.raises(InputError, match="5 %"):
        sa.sample_size(100, 4.9)


def test_same_seed_same_sample_whatever_the_order():
    keys = [f"冀水保〔2024〕{i}号" for i in range(137)]
    a = [d.key for d in sa.sample_plans(keys, 5, seed=2024)]
    b = [d.key for d in sa.sample_plans(list(reversed(keys)), 5, seed=2024)]
    c = [d.key for d in sa.sample_plans(keys, 5, seed=2025)]
    assert a == b and a != c and len(set(a)) == 7


def test_stratified_sampling_keeps_the_share_in_every_stratum():
    keys = [str(i) for i in range(137)]
    strata = ["报告书" if i < 37 else "报告表" for i in range(137)]
    drawn = sa.sample_plans(keys, 5, seed=3, strata=strata)
    per = {}
    for d in drawn:
        per[d.stratum] = per.get(d.stratum, 0) + 1
        assert strata[d.index] == d.stratum
    assert per == {"报告书": 2, "报告表": 5}  # ⌈1.85⌉, ⌈5⌉
    with pytest.raises(InputError, match="unique"):
        sa.sample_plans(["a", "a"], 5)
