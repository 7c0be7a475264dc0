"""The Supervision algorithms through Processing, with answers by construction.

Range R = [0,100]² of project P1; D1 = [20,80]² → 合规; D2 = [50,150]×[0,100] → 疑似超出, 5 000 m² outside;
D3 far away with no project → 疑似未批先建; D4 elsewhere carrying P1 → 疑似建设地点变更; a patch in the
range of P2, in operation without acceptance → 未验先投.  The ranges are stored in geographic
CGCS2000 (EPSG:4490) and the patches in Gauss-Krüger zone 39 (EPSG:4527): the overlay must
transform them to one CRS.
"""

from __future__ import annotations

import math
import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

X0, Y0 = 39_500_000.0, 4_400_000.0  # EPSG:4527 near 117°E, 39.7°N
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RULES = os.path.join(REPO, "resources", "tables", "supervision_risk_rules.csv")


def run(alg, params, **kwargs):
    import processing

    return processing.run("swcplanner:" + alg, params, **kwargs)


def rect(x0, y0, x1, y1):
    return f"POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0}))"


def write_layer(path, features, fields, epsg=4527, geom_type=ogr.wkbPolygon, to_epsg=None):
    """A GeoPackage layer; ``features`` = [(wkt or None, {field: value})]; optionally reprojected."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = None
    if geom_type != ogr.wkbNone:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(to_epsg or epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer("layer", srs, geom_type)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    transform = None
    if to_epsg:
        src = osr.SpatialReference()
        src.ImportFromEPSG(epsg)
        src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        transform = osr.CoordinateTransformation(src, srs)
    for wkt, values in features:
        feat = ogr.Feature(layer.GetLayerDefn())
        for k, v in values.items():
            feat.SetField(k, v)
        if wkt:
            geom = ogr.CreateGeometryFromWkt(wkt)
            if transform is not None:
                geom.Segmentize(5.0)  # straight in GK stays (nearly) straight in degrees
                geom.Transform(transform)
            feat.SetGeometry(geom)
        layer.CreateFeature(feat)
    ds = None
    return str(path)


def read(path, layer=None):
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    rows = [dict(f.items()) for f in lyr]
    ds = None
    return rows


@pytest.fixture
def scene(tmp_path):
    ranges = write_layer(
        tmp_path / "ranges.gpkg",
        [
            (rect(0, 0, 100, 100), {"proj_id": "P1", "name": "示范公路工程", "pifu": "冀水保〔2023〕12号"}),
            (
                rect(1000, 0, 1100, 100),
                {"proj_id": "P2", "name": "示范光伏电站", "pifu": "冀水保〔2022〕3号"},
            ),
        ],
        [("proj_id", ogr.OFTString), ("name", ogr.OFTString), ("pifu", ogr.OFTString)],
        to_epsg=4490,
    )
    patches = write_layer(
        tmp_path / "patches.gpkg",
        [
            (
                rect(20, 20, 80, 80),
                {"tb_id": "D1", "proj": None, "kind": "施工扰动", "shixiang": "2024-05-01"},
            ),
            (
                rect(50, 0, 150, 100),
                {"tb_id": "D2", "proj": None, "kind": "施工扰动", "shixiang": "2024-05-01"},
            ),
            (
                rect(500, 500, 560, 560),
                {"tb_id": "D3", "proj": None, "kind": "弃渣", "shixiang": "2024-05-01"},
            ),
            (
                rect(300, 300, 340, 340),
                {"tb_id": "D4", "proj": "P1", "kind": "施工扰动", "shixiang": "2024-05-01"},
            ),
            (
                rect(1010, 10, 1050, 50),
                {"tb_id": "D5", "proj": None, "kind": "建成区", "shixiang": "2024-05-01"},
            ),
        ],
        [
            ("tb_id", ogr.OFTString),
            ("proj", ogr.OFTString),
            ("kind", ogr.OFTString),
            ("shixiang", ogr.OFTString),
        ],
    )
    register = write_layer(
        tmp_path / "register.gpkg",
        [
            (None, {"proj_id": "P1", "STATUS": "施工", "ACCEPT_DATE": None}),
            (None, {"proj_id": "P2", "STATUS": "投产", "ACCEPT_DATE": None}),
        ],
        [("proj_id", ogr.OFTString), ("STATUS", ogr.OFTString), ("ACCEPT_DATE", ogr.OFTString)],
        geom_type=ogr.wkbNone,
    )
    return {"ranges": ranges, "patches": patches, "register": register, "dir": tmp_path}


def supervise(scene, **extra):
    out = scene["dir"]
    params = {
        "PATCHES": scene["patches"],
        "PATCH_ID_FIELD": "tb_id",
        "PATCH_PROJECT_FIELD": "proj",
        "PATCH_TYPE_FIELD": "kind",
        "PATCH_DATE_FIELD": "shixiang",
        "RANGES": scene["ranges"],
        "PROJECT_ID_FIELD": "proj_id",
        "PROJECT_NAME_FIELD": "name",
        "APPROVAL_NO_FIELD": "pifu",
        "REGISTER": scene["register"],
        "TOLERANCE": 5.0,
        "OUTPUT": str(out / "supervised.gpkg"),
        "PROJECTS": str(out / "projects.gpkg"),
        "FIELD_LIST": str(out / "field_list.xlsx"),
    }
    params.update(extra)
    return run("rssupervision", params), params


def test_rssupervision_categories_by_construction(processing_ready, scene):
    result, params = supervise(scene)
    rows = {r["PATCH_ID"]: r for r in read(result["OUTPUT"])}
    assert {k: r["CATEGORY"] for k, r in rows.items()} == {
        "D1": "合规",
        "D2": "疑似超出防治责任范围",
        "D3": "疑似未批先建",
        "D4": "疑似建设地点变更",
        "D5": "未验先投",
    }
    # the ranges went to degrees and back: areas within a few cm²
    assert rows["D1"]["INSIDE_M2"] == pytest.approx(3600.0, abs=0.05) and rows["D1"][
        "OUTSIDE_M2"
    ] == pytest.approx(0.0, abs=0.05)
    assert rows["D2"]["OUTSIDE_M2"] == pytest.approx(5000.0, abs=0.05)
    assert rows["D2"]["INSIDE_M2"] == pytest.approx(5000.0, abs=0.05)
    assert (
        rows["D2"]["PROJECT_ID"] == "P1"
        and rows["D4"]["PROJECT_ID"] == "P1"
        and rows["D5"]["PROJECT_ID"] == "P2"
    )
    assert rows["D3"]["PROJECT_ID"] is None and rows["D3"]["OUTSIDE_M2"] == pytest.approx(3600.0)
    assert rows["D1"]["PRIORITY"] is None
    assert [rows[k]["PRIORITY"] for k in ("D3", "D2", "D4", "D5")] == [1, 2, 3, 4]
    assert rows["D2"]["PATCH_TYPE"] == "施工扰动" and rows["D2"]["PATCH_DATE"] == "2024-05-01"
    for name in ("结论", "核查人", "日期", "照片", "备注"):
        assert name in rows["D1"] and rows["D1"][name] is None
    projects = {r["PROJECT_ID"]: r for r in read(result["PROJECTS"])}
    assert (
        projects["P1"]["COMPLIANCE"] == "不合规"
        and projects["P1"]["FINDINGS"] == "疑似超出防治责任范围;疑似建设地点变更"
    )
    assert projects["P1"]["OUTSIDE_M2"] == pytest.approx(5000.0, abs=0.05)
    assert projects["P1"]["RANGE_M2"] == pytest.approx(10000.0, abs=0.1)
    assert projects["P1"]["NAME"] == "示范公路工程" and projects["P1"]["APPROVAL_NO"] == "冀水保〔2023〕12号"
    assert projects["P2"]["FINDINGS"] == "未验先投" and projects["P2"]["REG_STATUS"] == "投产"
    listing = read(result["FIELD_LIST"])
    assert [r["PATCH_ID"] for r in listing] == ["D3", "D2", "D4", "D5"]
    d3 = listing[0]
    # LON/LAT of the patch centre, checked with GDAL's own transformation
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(4527)
    dst.ImportFromEPSG(4490)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _z = osr.CoordinateTransformation(src, dst).TransformPoint(X0 + 530.0, Y0 + 530.0)
    assert d3["X"] == pytest.approx(X0 + 530.0) and d3["Y"] == pytest.approx(Y0 + 530.0)
    assert d3["LON"] == pytest.approx(lon, abs=1e-7) and d3["LAT"] == pytest.approx(lat, abs=1e-7)


def test_output_carries_the_offline_form(processing_ready, scene):
    """The verification widgets are stored inside the GeoPackage: a fresh QGIS opening the file gets them."""
    from qgis.core import QgsFieldConstraints, QgsVectorLayer

    result, _params = supervise(scene)
    layer = QgsVectorLayer(result["OUTPUT"], "fresh", "ogr")
    assert layer.isValid()
    fields = layer.fields()

    def widget(name):
        return layer.editorWidgetSetup(fields.indexFromName(name))

    assert widget("结论").type() == "ValueMap"
    values = [list(d.keys())[0] for d in widget("结论").config()["map"]]
    assert values == ["属实", "不属实", "已整改", "非生产建设项目", "无法核查"]
    assert widget("日期").type() == "DateTime"
    assert widget("照片").type() == "ExternalResource"
    assert widget("备注").type() == "TextEdit"
    assert "核查人" in layer.constraintExpression(fields.indexFromName("核查人"))
    strength = (
        fields.field("核查人")
        .constraints()
        .constraintStrength(QgsFieldConstraints.Constraint.ConstraintExpression)
    )
    assert strength == QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard
    assert layer.editFormConfig().readOnly(fields.indexFromName("CATEGORY"))
    assert not layer.editFormConfig().readOnly(fields.indexFromName("结论"))
    assert layer.renderer().type() == "categorizedSymbol"


def test_invalid_multipart_and_two_projects(processing_ready, tmp_path):
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, text):  # noqa: N802
            Log.warnings.append(text)

    multi = f"MULTIPOLYGON((({X0} {Y0},{X0 + 10} {Y0},{X0 + 10} {Y0 + 10},{X0} {Y0 + 10},{X0} {Y0})),(({X0 + 20} {Y0},{X0 + 30} {Y0},{X0 + 30} {Y0 + 10},{X0 + 20} {Y0 + 10},{X0 + 20} {Y0})))"
    ranges = write_layer(
        tmp_path / "r.gpkg",
        [
            (multi, {"pid": "M"}),
            (rect(100, 0, 200, 100), {"pid": "A"}),
            (rect(200, 0, 300, 100), {"pid": "B"}),
        ],
        [("pid", ogr.OFTString)],
        geom_type=ogr.wkbMultiPolygon,
    )
    bow_tie = f"POLYGON(({X0 + 500} {Y0},{X0 + 600} {Y0 + 100},{X0 + 600} {Y0},{X0 + 500} {Y0 + 100},{X0 + 500} {Y0}))"
    patches = write_layer(
        tmp_path / "p.gpkg",
        [
            (rect(5, 0, 25, 10), {"id": "multi"}),
            (rect(150, 0, 260, 50), {"id": "two"}),
            (bow_tie, {"id": "bowtie"}),
        ],
        [("id", ogr.OFTString)],
    )
    res = run(
        "rssupervision",
        {
            "PATCHES": patches,
            "PATCH_ID_FIELD": "id",
            "RANGES": ranges,
            "PROJECT_ID_FIELD": "pid",
            "OUTPUT": str(tmp_path / "o.gpkg"),
        },
        feedback=Log(),
    )
    rows = {r["PATCH_ID"]: r for r in read(res["OUTPUT"])}
    assert rows["multi"]["CATEGORY"] == "疑似超出防治责任范围"
    assert rows["multi"]["INSIDE_M2"] == pytest.approx(100.0) and rows["multi"][
        "OUTSIDE_M2"
    ] == pytest.approx(100.0)
    assert (
        rows["two"]["PROJECT_ID"] == "B" and rows["two"]["PROJECTS"] == "B;A"
    )  # 3 000 m² in B, 2 500 m² in A
    assert rows["two"]["CATEGORY"] == "合规" and rows["two"]["INSIDE_M2"] == pytest.approx(5500.0)
    assert rows["bowtie"]["REPAIRED"] == 1 and rows["bowtie"]["AREA_M2"] == pytest.approx(5000.0)
    assert rows["multi"]["REPAIRED"] == 0
    assert any("bowtie" in w and "repaired" in w for w in Log.warnings)
    ds = ogr.Open(res["OUTPUT"])
    assert all(f.GetGeometryRef().IsValid() for f in ds.GetLayer(0))
    ds = None


def test_closepatches_reads_the_verified_layer_back(processing_ready, scene):
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtCore import QDate

    result, _params = supervise(scene)
    layer = QgsVectorLayer(result["OUTPUT"], "verify", "ogr")
    idx = {n: layer.fields().indexFromName(n) for n in ("PATCH_ID", "结论", "核查人", "日期", "照片", "备注")}
    verdicts = {
        "D2": ("已整改", "张三", QDate(2024, 6, 3), "photos/D2.jpg"),
        "D3": ("属实", "张三", QDate(2024, 6, 3), "photos/D3.jpg"),
        "D4": ("不属实", "", QDate(2024, 6, 4), None),  # no inspector: stays open
        "D5": ("已整改", "李四", QDate(2024, 6, 5), None),
    }
    layer.startEditing()
    for feat in layer.getFeatures():
        v = verdicts.get(feat["PATCH_ID"])
        if v:
            for name, value in zip(("结论", "核查人", "日期", "照片"), v):
                layer.changeAttributeValue(feat.id(), idx[name], value)
    assert layer.commitChanges(), layer.commitErrors()
    del layer
    out = scene["dir"]
    res = run(
        "closepatches",
        {
            "INPUT": result["OUTPUT"],
            "REFERENCE_DATE": "2024-06-30",
            "OUTPUT": str(out / "closed.gpkg"),
            "PROJECTS": str(out / "closed_projects.gpkg"),
        },
    )
    rows = {r["PATCH_ID"]: r for r in read(res["OUTPUT"])}
    assert {k: r["STATUS"] for k, r in rows.items()} == {
        "D1": "已销号",
        "D2": "已销号",
        "D3": "未销号",
        "D4": "未销号",
        "D5": "已销号",
    }
    assert rows["D4"]["REASON"] == "缺核查人" and rows["D3"]["REASON"] == "违规属实，待查处整改"
    assert rows["D2"]["日期"] == "2024/06/03" and rows["D2"]["核查人"] == "张三"
    projects = {r["PROJECT_ID"]: r for r in read(res["PROJECTS"])}
    assert (
        projects["P1"]["CLOSED"] == 2 and projects["P1"]["OPEN"] == 1 and projects["P1"]["OPEN_IDS"] == "D4"
    )
    assert projects["P2"]["STATUS"] == "项目已销号"
    assert projects[None]["OPEN_IDS"] == "D3"
    strict = run(
        "closepatches",
        {
            "INPUT": result["OUTPUT"],
            "REFERENCE_DATE": "2024-06-30",
            "REQUIRE_PHOTO": True,
            "OUTPUT": str(out / "c2.gpkg"),
        },
    )
    assert {r["PATCH_ID"] for r in read(strict["OUTPUT"]) if r["CLOSED"]} == {"D1", "D2"}


def test_closepatches_refuses_a_layer_without_verification_fields(processing_ready, scene):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="结论"):
        run(
            "closepatches",
            {
                "INPUT": scene["patches"],
                "PATCH_ID_FIELD": "tb_id",
                "PROJECT_ID_FIELD": "proj",
                "CATEGORY_FIELD": "kind",
                "OUTPUT": "memory:",
            },
        )


# --- risk grading --------------------------------------------------------------------------------
def _dem(path, rows=120, cols=160, cell=10.0):
    """Plane rising east at tan(20°) east of x = 800 m, at tan(5°) west of it (ranges keep away from the kink)."""
    x = (np.arange(cols) + 0.5) * cell
    z = np.where(
        x < 800.0,
        math.tan(math.radians(5)) * x,
        math.tan(math.radians(5)) * 800.0 + math.tan(math.radians(20)) * (x - 800.0),
    )
    z = np.repeat(z[None, :], rows, axis=0).astype(np.float32)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((X0, cell, 0, Y0 + rows * cell, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(z)
    ds = None
    return str(path)


@pytest.fixture
def risk_scene(tmp_path):
    """Seven projects, one per rule R1..R7 of the shipped proposal (in rule order)."""
    boxes = {
        "p1": (100, 100, 200, 200),  # a patch exceeds its range → R1
        "p2": (100, 400, 200, 500),  # construction unit on the black list → R2
        "p3": (1000, 100, 1100, 200),  # key zone, slope 20° → R3
        "p4": (1000, 400, 1100, 500),  # slope 20° outside the key zone, unit on the focus list → R4
        "p5": (300, 100, 400, 200),  # 未验先投 → R5
        "p6": (300, 400, 400, 500),  # 60 m from the river → R6
        "p7": (1300, 800, 1400, 900),  # 20° slope outside the key zone, nothing else → R7
    }
    units = {
        "p1": "一公司",
        "p2": "二公司",
        "p3": "三公司",
        "p4": "四公司",
        "p5": "五公司",
        "p6": "六公司",
        "p7": "七公司",
    }
    ranges = write_layer(
        tmp_path / "ranges.gpkg",
        [(rect(*b), {"pid": k, "unit": units[k]}) for k, b in boxes.items()],
        [("pid", ogr.OFTString), ("unit", ogr.OFTString)],
    )
    # p4 lies outside the key zone (the zone covers p3 only), on the focus list → R4
    zones = write_layer(
        tmp_path / "zones.gpkg",
        [(rect(950, 50, 1150, 250), {"name": "重点预防区"})],
        [("name", ogr.OFTString)],
    )
    river = f"LINESTRING({X0 + 460} {Y0 + 300},{X0 + 460} {Y0 + 700})"
    water = write_layer(
        tmp_path / "water.gpkg",
        [(river, {"name": "示范河"})],
        [("name", ogr.OFTString)],
        geom_type=ogr.wkbLineString,
    )
    patches = write_layer(
        tmp_path / "patches.gpkg",
        [
            (rect(150, 150, 250, 190), {"id": "x1"}),
            (rect(310, 110, 350, 150), {"id": "x5"}),
            (rect(1010, 110, 1050, 150), {"id": "x3"}),
        ],
        [("id", ogr.OFTString)],
    )
    register = write_layer(
        tmp_path / "register.gpkg",
        [(None, {"pid": "p5", "STATUS": "投入使用", "ACCEPT_DATE": None})],
        [("pid", ogr.OFTString), ("STATUS", ogr.OFTString), ("ACCEPT_DATE", ogr.OFTString)],
        geom_type=ogr.wkbNone,
    )
    findings = write_layer(
        tmp_path / "findings.gpkg",
        [
            (None, {"unit": "二公司", "role": "建设单位", "day": "2024-01-10", "kind": "未批先建"}),
            (None, {"unit": "二公司", "role": "建设单位", "day": "2024-03-10", "kind": "未验先投"}),
            (None, {"unit": "四公司", "role": "建设单位", "day": "2024-02-01", "kind": "未批先弃"}),
        ],
        [("unit", ogr.OFTString), ("role", ogr.OFTString), ("day", ogr.OFTString), ("kind", ogr.OFTString)],
        geom_type=ogr.wkbNone,
    )
    return {
        "dir": tmp_path,
        "ranges": ranges,
        "zones": zones,
        "water": water,
        "patches": patches,
        "register": register,
        "findings": findings,
        "dem": _dem(tmp_path / "dem.tif"),
    }


def _grade(s, rules=None, name="risk"):
    sup = run(
        "rssupervision",
        {
            "PATCHES": s["patches"],
            "PATCH_ID_FIELD": "id",
            "RANGES": s["ranges"],
            "PROJECT_ID_FIELD": "pid",
            "REGISTER": s["register"],
            "OUTPUT": str(s["dir"] / f"{name}_sup.gpkg"),
            "PROJECTS": str(s["dir"] / f"{name}_projects.gpkg"),
        },
    )
    credit = run(
        "creditlists",
        {
            "FINDINGS": s["findings"],
            "ENTITY_FIELD": "unit",
            "ROLE_FIELD": "role",
            "DATE_FIELD": "day",
            "TYPE_FIELD": "kind",
            "REFERENCE_DATE": "2024-06-30",
            "OUTPUT": str(s["dir"] / f"{name}_credit.gpkg"),
        },
    )
    params = {
        "RANGES": s["ranges"],
        "PROJECT_ID_FIELD": "pid",
        "UNIT_FIELD": "unit",
        "SUPERVISION": sup["PROJECTS"],
        "KEY_ZONES": s["zones"],
        "DEM": s["dem"],
        "WATER": s["water"],
        "CREDIT": credit["OUTPUT"],
        "REFERENCE_DATE": "2024-06-30",
        "OUTPUT": str(s["dir"] / f"{name}.gpkg"),
    }
    if rules:
        params["RULES"] = rules
    return {r["PROJECT_ID"]: r for r in read(run("riskgrading", params)["OUTPUT"])}


def test_riskgrading_one_project_per_rule(processing_ready, risk_scene):
    got = _grade(risk_scene)
    assert {k: r["RULE_ID"] for k, r in got.items()} == {
        "p1": "R1",
        "p2": "R2",
        "p3": "R3",
        "p4": "R4",
        "p5": "R5",
        "p6": "R6",
        "p7": "R7",
    }
    assert {k: r["RISK_LEVEL"] for k, r in got.items()} == {
        "p1": "严监控",
        "p2": "严监控",
        "p3": "严监控",
        "p4": "预警示",
        "p5": "预警示",
        "p6": "预警示",
        "p7": "免打扰",
    }
    assert got["p3"]["SLOPE_DEG"] == pytest.approx(20.0, abs=1e-3) and got["p3"]["KEY_ZONE"] == "是"
    assert got["p1"]["SLOPE_DEG"] == pytest.approx(5.0, abs=1e-3) and got["p1"]["KEY_ZONE"] == "否"
    assert got["p7"]["SLOPE_DEG"] == pytest.approx(20.0, abs=1e-3) and got["p7"]["KEY_ZONE"] == "否"
    assert got["p6"]["WATER_M"] == pytest.approx(60.0)
    assert (
        got["p2"]["CREDIT"] == "黑名单"
        and got["p4"]["CREDIT"] == "重点关注名单"
        and got["p7"]["CREDIT"] == "无"
    )
    assert got["p1"]["FINDINGS"] == "疑似超出防治责任范围" and got["p5"]["FINDINGS"] == "未验先投"
    assert got["p1"]["REASON"]


def test_riskgrading_editing_one_rule_changes_exactly_one_result(processing_ready, risk_scene):
    before = _grade(risk_scene, name="a")
    with open(RULES, encoding="utf-8") as handle:
        text = handle.read()
    edited = risk_scene["dir"] / "rules_edited.csv"
    edited.write_text(text.replace("R3,严监控,,是,15,", "R3,严监控,,是,25,"), encoding="utf-8")
    after = _grade(risk_scene, str(edited), name="b")
    changed = {
        k: (before[k]["RISK_LEVEL"], after[k]["RISK_LEVEL"])
        for k in before
        if before[k]["RISK_LEVEL"] != after[k]["RISK_LEVEL"]
    }
    assert changed == {"p3": ("严监控", "免打扰")}


def test_riskgrading_refuses_a_table_without_catch_all(processing_ready, risk_scene):
    from qgis.core import QgsProcessingException

    bad = risk_scene["dir"] / "bad.csv"
    bad.write_text(
        "RULE_ID,LEVEL,CATEGORY,KEY_ZONE,SLOPE_GT_DEG,WATER_LE_M,CREDIT\nA,严监控,疑似未批先建,,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(QgsProcessingException, match="catch-all"):
        run(
            "riskgrading",
            {
                "RANGES": risk_scene["ranges"],
                "PROJECT_ID_FIELD": "pid",
                "RULES": str(bad),
                "OUTPUT": "memory:",
            },
        )


# --- credit lists ---------------------------------------------------------------------------------
def test_creditlists_one_finding_then_a_second_within_the_period(processing_ready, tmp_path):
    fields = [
        ("name", ogr.OFTString),
        ("role", ogr.OFTString),
        ("day", ogr.OFTString),
        ("kind", ogr.OFTString),
        ("proj", ogr.OFTString),
    ]
    first = {
        "name": "甲建设有限公司",
        "role": "生产建设单位",
        "day": "2023-03-01",
        "kind": "未批先建",
        "proj": "P1",
    }
    second = {
        "name": "甲建设有限公司",
        "role": "生产建设单位",
        "day": "2023-10-10",
        "kind": "未验先投",
        "proj": "P9",
    }
    params = {
        "ENTITY_FIELD": "name",
        "ROLE_FIELD": "role",
        "DATE_FIELD": "day",
        "TYPE_FIELD": "kind",
        "PROJECT_FIELD": "proj",
        "REFERENCE_DATE": "2023-12-31",
    }
    one = write_layer(tmp_path / "one.gpkg", [(None, first)], fields, geom_type=ogr.wkbNone)
    res = run(
        "creditlists",
        dict(params, FINDINGS=one, OUTPUT=str(tmp_path / "l1.gpkg"), CHECKED=str(tmp_path / "c1.gpkg")),
    )
    rows = read(res["OUTPUT"])
    assert [(r["LIST"], r["ENTRY_DATE"], r["EXIT_DATE"], r["ACTIVE"]) for r in rows] == [
        ("重点关注名单", "2023-03-01", "2024-03-01", "是")
    ]
    assert rows[0]["GROUNDS"] == "2023-03-01 未批先建 (P1)"
    two = write_layer(tmp_path / "two.gpkg", [(None, first), (None, second)], fields, geom_type=ogr.wkbNone)
    res = run("creditlists", dict(params, FINDINGS=two, OUTPUT=str(tmp_path / "l2.gpkg")))
    rows = read(res["OUTPUT"])
    assert [(r["LIST"], r["ENTRY_DATE"], r["EXIT_DATE"], r["ACTIVE"]) for r in rows] == [
        ("重点关注名单", "2023-03-01", "2023-10-10", "否"),
        ("黑名单", "2023-10-10", "2026-10-10", "是"),
    ]
    assert rows[1]["N_GROUNDS"] == 2 and rows[0]["MOVED_TO_BLACK"] == "是"
    checked = read(
        run("creditlists", dict(params, FINDINGS=two, OUTPUT="memory:", CHECKED=str(tmp_path / "c2.gpkg")))[
            "CHECKED"
        ]
    )
    assert [r["CLAUSE"] for r in checked] == ["一(一)", "一(一)"] and [r["TRIGGERS"] for r in checked] == [
        1,
        1,
    ]


def test_creditlists_says_which_rows_have_an_unknown_role(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException

    fields = [
        ("name", ogr.OFTString),
        ("role", ogr.OFTString),
        ("day", ogr.OFTString),
        ("kind", ogr.OFTString),
    ]
    bad = write_layer(
        tmp_path / "bad.gpkg",
        [(None, {"name": "乙", "role": "厨师", "day": "2023-01-01", "kind": "未批先建"})],
        fields,
        geom_type=ogr.wkbNone,
    )
    with pytest.raises(QgsProcessingException, match="unknown role|角色"):
        run(
            "creditlists",
            {
                "FINDINGS": bad,
                "ENTITY_FIELD": "name",
                "ROLE_FIELD": "role",
                "DATE_FIELD": "day",
                "TYPE_FIELD": "kind",
                "OUTPUT": "memory:",
            },
        )


# --- plan sampling ---------------------------------------------------------------------------------
def drawn(path):
    """Sampled rows in draw order (the GeoPackage keeps the plans' own fids, so it is read in fid order)."""
    return sorted(read(path), key=lambda r: (r["STRATUM"] or "", r["SAMPLE_NO"]))


def _plans(path, n):
    rows = [
        (None, {"pifu": f"冀水保〔2024〕{i}号", "kind": "报告书" if i % 4 == 0 else "报告表"})
        for i in range(1, n + 1)
    ]
    return write_layer(path, rows, [("pifu", ogr.OFTString), ("kind", ogr.OFTString)], geom_type=ogr.wkbNone)


@pytest.mark.parametrize("n, expected", [(137, 7), (20, 1)])
def test_plansampling_sizes(processing_ready, tmp_path, n, expected):
    plans = _plans(tmp_path / "plans.gpkg", n)
    res = run(
        "plansampling",
        {"PLANS": plans, "ID_FIELD": "pifu", "SHARE": 5, "SEED": 2024, "OUTPUT": str(tmp_path / "s.gpkg")},
    )
    rows = drawn(res["OUTPUT"])
    assert len(rows) == expected == math.ceil(0.05 * n - 1e-12)
    assert [r["SAMPLE_NO"] for r in rows] == list(range(1, expected + 1))


def test_plansampling_same_seed_same_sample(processing_ready, tmp_path):
    import hashlib

    plans = _plans(tmp_path / "plans.gpkg", 137)

    def sample(seed, name):
        params = {"PLANS": plans, "ID_FIELD": "pifu", "SEED": seed, "OUTPUT": str(tmp_path / name)}
        return [r["pifu"] for r in drawn(run("plansampling", params)["OUTPUT"])]

    a, b, c = sample(7, "a.gpkg"), sample(7, "b.gpkg"), sample(8, "c.gpkg")
    assert a == b and a != c
    # the documented draw, recomputed here: the 7 smallest SHA-256("7|id")
    ids = [f"冀水保〔2024〕{i}号" for i in range(1, 138)]
    assert a == sorted(ids, key=lambda k: hashlib.sha256(f"7|{k}".encode()).hexdigest())[:7]
    strat = drawn(
        run(
            "plansampling",
            {
                "PLANS": plans,
                "ID_FIELD": "pifu",
                "SEED": 7,
                "STRATUM_FIELD": "kind",
                "OUTPUT": str(tmp_path / "d.gpkg"),
            },
        )["OUTPUT"]
    )
    per = {}
    for r in strat:
        per[r["STRATUM"]] = per.get(r["STRATUM"], 0) + 1
    assert per == {"报告书": math.ceil(34 * 0.05), "报告表": math.ceil(103 * 0.05)}


def test_plansampling_never_below_five_percent(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException

    plans = _plans(tmp_path / "plans.gpkg", 20)
    with pytest.raises(QgsProcessingException):
        run("plansampling", {"PLANS": plans, "SHARE": 4, "OUTPUT": "memory:"})


def test_field_list_is_a_spreadsheet(processing_ready, scene):
    result, params = supervise(scene)
    assert params["FIELD_LIST"].endswith(".xlsx") and os.path.exists(result["FIELD_LIST"])
    ds = ogr.Open(result["FIELD_LIST"])
    assert ds.GetDriver().GetName() == "XLSX" and ds.GetLayer(0).GetFeatureCount() == 4


def test_zh_cn_names_parameters_and_errors(zh_cn, risk_scene):
    from qgis.core import QgsApplication, QgsProcessingException

    def chinese(text):
        return any("\u4e00" <= ch <= "\u9fff" for ch in text)

    registry = QgsApplication.processingRegistry()
    for alg_id in ("rssupervision", "closepatches", "riskgrading", "creditlists", "plansampling"):
        alg = registry.createAlgorithmById("swcplanner:" + alg_id)
        assert chinese(alg.displayName()) and alg.group() == "生产建设项目监管", alg_id
        assert all(chinese(p.description()) for p in alg.parameterDefinitions()), alg_id
    bad = risk_scene["dir"] / "bad.csv"
    bad.write_text(
        "RULE_ID,LEVEL,CATEGORY,KEY_ZONE,SLOPE_GT_DEG,WATER_LE_M,CREDIT\nA,严监控,疑似未批先建,,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(QgsProcessingException, match="兜底规则"):
        run(
            "riskgrading",
            {
                "RANGES": risk_scene["ranges"],
                "PROJECT_ID_FIELD": "pid",
                "RULES": str(bad),
                "OUTPUT": "memory:",
            },
        )


def test_rssupervision_cancel(processing_ready, scene):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run(
            "rssupervision",
            {
                "PATCHES": scene["patches"],
                "RANGES": scene["ranges"],
                "PROJECT_ID_FIELD": "proj_id",
                "OUTPUT": "memory:",
            },
            feedback=feedback,
        )
