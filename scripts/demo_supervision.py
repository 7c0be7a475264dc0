"""Demo step: supervision of construction projects on synthetic data in EPSG:4527.

``run(out_dir)`` builds twelve approved projects with their responsibility ranges (a multipart road, a
quarry, a photovoltaic station, ...), forty disturbance patches of one interpretation period (with one
invalid bow tie and one patch across two projects), a project register, credit findings, a key
prevention zone, a river and 137 approved plans, then runs, through Processing:

1. ``swcplanner:rssupervision`` → patches with categories, project compliance, field list (xlsx);
2. a simulated field check (结论, 核查人, 日期 written into the patch layer) → ``swcplanner:closepatches``;
3. ``swcplanner:creditlists`` on the findings;
4. ``swcplanner:riskgrading`` with the supervision table, key zone, DEM, river and credit lists;
5. ``swcplanner:plansampling`` (5 %, seed 2024, stratified 报告书 / 报告表).

Outputs go to ``<out_dir>/supervision/`` (GeoPackages, ``.xlsx`` tables); the key numbers are returned.
``run`` also accepts the ``Demo`` object of ``scripts/demo.py`` (then its DEM gives the slopes); it records
no key numbers there, so ``tests/data/demo_key_numbers.json`` is untouched until the step is adopted.
Processing and the SWC Planner provider must be initialised (``scripts/demo.py`` does it).
"""

from __future__ import annotations

import os
import time
from typing import Any, Callable, Dict, Optional

EPSG = 4527
X0, Y0 = 39_480_000.0, 4_370_000.0  # south-west corner of scripts/demo.py's DEM (6 km × 5 km)

#: (id, name, unit, approval number, parts [(x0, y0, x1, y1) in m from X0, Y0])
PROJECTS = [
    (
        "XM01",
        "涞源至易县公路改建工程",
        "冀通路桥建设有限公司",
        "冀水保〔2023〕11号",
        [(200, 300, 1400, 380), (1400, 380, 1480, 1500)],
    ),
    ("XM02", "白石山建筑石料矿", "易县鑫达矿业有限公司", "易水保〔2022〕5号", [(2000, 3600, 2600, 4200)]),
    ("XM03", "山前光伏电站一期", "冀北新能源有限公司", "冀水保〔2021〕30号", [(3000, 500, 4200, 1300)]),
    ("XM04", "易水湖旅游服务区", "易水湖文旅集团有限公司", "易水保〔2023〕2号", [(4500, 2000, 5000, 2400)]),
    (
        "XM05",
        "220千伏输变电工程",
        "国网冀北电力有限公司",
        "冀水保〔2022〕17号",
        [(600, 2000, 700, 2100), (1200, 2300, 1300, 2400), (1800, 2600, 1900, 2700)],
    ),
    ("XM06", "县城污水处理厂扩建", "涞源县水务投资有限公司", "涞水保〔2023〕8号", [(5200, 600, 5600, 900)]),
    ("XM07", "农村供水管网工程", "涞源县水务投资有限公司", "涞水保〔2023〕9号", [(4300, 3000, 4340, 4400)]),
    ("XM08", "物流园区一期", "冀中物流有限公司", "易水保〔2021〕12号", [(2800, 2200, 3300, 2600)]),
    ("XM09", "风电场集电线路", "冀北新能源有限公司", "冀水保〔2023〕41号", [(900, 4300, 1600, 4380)]),
    ("XM10", "砂石料加工厂", "易县鑫达矿业有限公司", "易水保〔2023〕15号", [(3400, 3400, 3800, 3700)]),
    ("XM11", "乡村旅游道路", "冀通路桥建设有限公司", "涞水保〔2022〕3号", [(100, 1000, 160, 1800)]),
    (
        "XM12",
        "高标准农田配套工程",
        "涞源县农业开发有限公司",
        "涞水保〔2023〕20号",
        [(5300, 3000, 5900, 3500)],
    ),
]
#: (patch, x0, y0, x1, y1, project claimed by the interpretation's attribute matching or None, type)
PATCHES = [
    ("TB001", 300, 310, 900, 370, None, "施工扰动"),  # road, inside
    ("TB002", 1000, 300, 1400, 420, None, "施工扰动"),  # road, 40 m beyond its edge
    ("TB003", 1410, 700, 1470, 1300, None, "施工扰动"),  # road part 2, inside
    ("TB004", 2100, 3700, 2500, 4100, None, "采矿"),  # quarry, inside
    ("TB005", 2400, 4000, 2800, 4300, None, "采矿"),  # quarry, beyond
    ("TB006", 2700, 4250, 2900, 4450, None, "弃渣"),  # spoil north of the quarry: no project
    ("TB007", 3100, 600, 4100, 1200, None, "光伏"),  # PV, inside
    ("TB008", 4550, 2050, 4950, 2350, None, "建成区"),  # tourism area, inside (in use, not accepted)
    ("TB009", 620, 2020, 680, 2080, None, "塔基"),  # pylon 1
    ("TB010", 1220, 2320, 1280, 2380, None, "塔基"),  # pylon 2
    ("TB011", 2400, 2900, 2460, 2960, "XM05", "塔基"),  # pylon built where none was approved
    ("TB012", 5250, 650, 5550, 850, None, "施工扰动"),  # sewage plant, inside
    ("TB013", 4300, 3050, 4340, 3900, None, "管线"),  # pipeline, inside
    ("TB014", 2900, 2250, 3450, 2550, None, "施工扰动"),  # logistics park, beyond
    ("TB015", 3300, 3450, 3500, 3650, None, "施工扰动"),  # sand plant XM10, partly outside
    ("TB016", 950, 4310, 1550, 4370, None, "施工扰动"),  # wind-farm line, inside
    ("TB017", 110, 1100, 150, 1700, None, "施工扰动"),  # village road, inside
    ("TB018", 5350, 3050, 5850, 3450, None, "施工扰动"),  # farmland works, inside
    ("TB019", 500, 4600, 800, 4800, None, "采矿"),  # unknown quarry
    ("TB020", 1800, 1200, 2000, 1350, None, "房地产"),  # unknown estate
    ("TB021", 3900, 4500, 4100, 4700, None, "弃渣"),  # unknown spoil
    ("TB022", 5600, 4500, 5800, 4700, "XM12", "施工扰动"),  # farmland works elsewhere
    ("TB023", 1820, 2620, 1880, 2680, None, "塔基"),  # pylon 3
    ("TB024", 3250, 2250, 3350, 2400, None, "施工扰动"),  # across XM08 and the gap
    ("TB025", 4400, 200, 4700, 400, None, "施工扰动"),  # unknown site
]
REGISTER = [
    ("XM01", "施工", ""),
    ("XM02", "投产", "2023-04-18"),
    ("XM03", "运行", "2022-11-30"),
    ("XM04", "投入使用", ""),  # 未验先投
    ("XM05", "施工", ""),
    ("XM06", "施工", ""),
    ("XM07", "完工", ""),  # 未验先投
    ("XM08", "施工", ""),
    ("XM09", "施工", ""),
    ("XM10", "投产", "2024-01-10"),
    ("XM11", "完工", "2023-09-01"),
    ("XM12", "施工", ""),
]
FINDINGS = [
    ("易县鑫达矿业有限公司", "生产建设单位", "2023-08-15", "未批先弃", "XM02"),
    ("易县鑫达矿业有限公司", "生产建设单位", "2024-03-02", "不依法配合水行政主管部门监督检查", "XM10"),
    ("易水湖文旅集团有限公司", "生产建设单位", "2024-05-20", "未验先投", "XM04"),
    ("冀北环评咨询有限公司", "方案编制单位", "2023-06-01", "水土保持方案因质量问题未通过审查审批", ""),
    ("冀北环评咨询有限公司", "方案编制单位", "2024-02-10", "水土保持方案因质量问题未通过审查审批", ""),
    ("华北水保监测站", "监测单位", "2023-10-10", "监测季报未按时提交", "XM01"),
]


def _rect(x0, y0, x1, y1) -> str:
    a, b, c, d = X0 + x0, Y0 + y0, X0 + x1, Y0 + y1
    return f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))"


def _layer(path: str, name: str, geom_type, fields, rows):
    """Write a GeoPackage layer: ``rows`` = [(wkt or None, {field: value})]."""
    from osgeo import ogr, osr

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path) if not os.path.exists(path) else ogr.Open(path, 1)
    srs = None
    if geom_type != ogr.wkbNone:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(EPSG)
    layer = ds.CreateLayer(name, srs, geom_type)
    for fname, kind in fields:
        layer.CreateField(ogr.FieldDefn(fname, kind))
    for wkt, values in rows:
        feat = ogr.Feature(layer.GetLayerDefn())
        for k, v in values.items():
            feat.SetField(k, v)
        if wkt:
            feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feat)
    ds = None
    return f"{path}|layername={name}"


def write_inputs(folder: str) -> Dict[str, str]:
    """The synthetic supervision inputs in ``folder/supervision_inputs.gpkg``."""
    from osgeo import ogr

    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "supervision_inputs.gpkg")
    if os.path.exists(path):
        os.remove(path)
    text = ogr.OFTString
    ranges = []
    for pid, name, unit, number, parts in PROJECTS:
        polys = ",".join(_rect(*p)[len("POLYGON") :] for p in parts)
        ranges.append((f"MULTIPOLYGON({polys})", {"XMBH": pid, "XMMC": name, "JSDW": unit, "PFWH": number}))
    out = {
        "ranges": _layer(
            path,
            "fzzrfw",
            ogr.wkbMultiPolygon,
            [("XMBH", text), ("XMMC", text), ("JSDW", text), ("PFWH", text)],
            ranges,
        )
    }
    rows = [
        (_rect(x0, y0, x1, y1), {"TBBH": tb, "XMBH": proj, "RDLX": kind, "YXSX": "2024-05-01"})
        for tb, x0, y0, x1, y1, proj, kind in PATCHES
    ]
    # an invalid bow tie from a careless digitiser
    a, b = X0 + 4800, Y0 + 4600
    rows.append(
        (
            f"POLYGON(({a} {b},{a + 100} {b + 100},{a + 100} {b},{a} {b + 100},{a} {b}))",
            {"TBBH": "TB026", "RDLX": "弃渣", "YXSX": "2024-05-01"},
        )
    )
    out["patches"] = _layer(
        path, "rdtb", ogr.wkbPolygon, [("TBBH", text), ("XMBH", text), ("RDLX", text), ("YXSX", text)], rows
    )
    out["register"] = _layer(
        path,
        "xmtz",
        ogr.wkbNone,
        [("XMBH", text), ("STATUS", text), ("ACCEPT_DATE", text)],
        [(None, {"XMBH": p, "STATUS": s, "ACCEPT_DATE": d or None}) for p, s, d in REGISTER],
    )
    out["findings"] = _layer(
        path,
        "wgrd",
        ogr.wkbNone,
        [("DWMC", text), ("JS", text), ("RDRQ", text), ("QX", text), ("XMBH", text)],
        [(None, {"DWMC": u, "JS": r, "RDRQ": d, "QX": k, "XMBH": p or None}) for u, r, d, k, p in FINDINGS],
    )
    out["zones"] = _layer(
        path,
        "zdyfq",
        ogr.wkbPolygon,
        [("MC", text)],
        [(_rect(0, 3300, 3000, 5000), {"MC": "太行山重点预防区"})],
    )
    river = f"LINESTRING({X0} {Y0 + 2800},{X0 + 2500} {Y0 + 2750},{X0 + 4400} {Y0 + 1900},{X0 + 6000} {Y0 + 1500})"
    out["water"] = _layer(path, "hl", ogr.wkbLineString, [("MC", text)], [(river, {"MC": "拒马河支流"})])
    plans = [
        (None, {"PFWH": f"冀水保〔2024〕{i}号", "LB": "报告书" if i % 5 == 0 else "报告表"})
        for i in range(1, 138)
    ]
    out["plans"] = _layer(path, "fapf", ogr.wkbNone, [("PFWH", text), ("LB", text)], plans)
    return out


def _fill_verification(uri: str) -> None:
    """A field check: verdicts for some patches, written as a planner would in the form."""
    from osgeo import ogr

    path, _, name = uri.partition("|layername=")
    ds = ogr.Open(path, 1)
    layer = ds.GetLayerByName(name) if name else ds.GetLayer(0)
    verdicts = {
        "TB002": ("已整改", "王建国", "2024/06/12", "photos/TB002.jpg", "已恢复植被"),
        "TB005": ("属实", "王建国", "2024/06/12", "photos/TB005.jpg", "越界开采约0.9公顷"),
        "TB006": ("属实", "李明", "2024/06/13", "photos/TB006.jpg", "矿山弃渣"),
        "TB019": ("非生产建设项目", "李明", "2024/06/13", None, "农户采石自用，已制止"),
        "TB020": ("不属实", "李明", "2024/06/14", None, "影像误判"),
        "TB022": ("不属实", "", "2024/06/14", None, None),  # inspector forgotten: stays open
    }
    for feat in layer:
        v = verdicts.get(feat.GetField("PATCH_ID"))
        if not v:
            continue
        for field, value in zip(("结论", "核查人", "日期", "照片", "备注"), v):
            if value:
                feat.SetField(field, value)
        layer.SetFeature(feat)
    ds = None


def run(out_dir: Any, dem: Optional[str] = None, log: Callable[[str], None] = print) -> Dict[str, Any]:
    """Run the five supervision algorithms on synthetic data; returns the key numbers.

    ``out_dir``: output folder, or the ``Demo`` of ``scripts/demo.py`` (its DEM then gives the slopes).
    ``dem``: optional DEM (EPSG:4527) for the mean slope of the ranges.
    """
    import processing
    from osgeo import gdal, ogr
    from qgis.core import QgsProcessingFeedback

    demo = out_dir if hasattr(out_dir, "out_dir") else None
    if demo is not None:
        out_dir, dem, log = demo.out_dir, dem or demo.dem, demo.log
    folder = os.path.join(os.path.abspath(out_dir), "supervision")
    os.makedirs(folder, exist_ok=True)
    inputs = write_inputs(folder)

    class Quiet(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            pass

        def pushWarning(self, warning):  # noqa: N802
            log("  warning: " + warning)

    def alg(alg_id: str, params: dict) -> dict:
        start = time.time()
        res = processing.run(alg_id, params, feedback=Quiet())
        log(f"  {alg_id} done in {time.time() - start:.1f} s")
        return res

    def out(name: str) -> str:
        path = os.path.join(folder, name + ".gpkg")
        if os.path.exists(path):
            os.remove(path)
        return path

    def xlsx(path: str, name: str) -> str:
        target = os.path.join(folder, name + ".xlsx")
        if os.path.exists(target):
            os.remove(target)
        gdal.VectorTranslate(target, path, format="XLSX", layerName=name)
        return target

    def rows(path: str):
        ds = ogr.Open(path)
        items = [dict(f.items()) for f in ds.GetLayer(0)]
        ds = None
        return items

    numbers: Dict[str, Any] = {}
    log("Supervision: 12 projects, 26 disturbance patches (扰动图斑), EPSG:4527")
    sup = alg(
        "swcplanner:rssupervision",
        {
            "PATCHES": inputs["patches"],
            "PATCH_ID_FIELD": "TBBH",
            "PATCH_PROJECT_FIELD": "XMBH",
            "PATCH_TYPE_FIELD": "RDLX",
            "PATCH_DATE_FIELD": "YXSX",
            "RANGES": inputs["ranges"],
            "PROJECT_ID_FIELD": "XMBH",
            "PROJECT_NAME_FIELD": "XMMC",
            "APPROVAL_NO_FIELD": "PFWH",
            "REGISTER": inputs["register"],
            "REGISTER_ID_FIELD": "XMBH",
            "TOLERANCE": 5.0,
            "OUTPUT": out("supervised_patches"),
            "PROJECTS": out("project_compliance"),
            "FIELD_LIST": os.path.join(folder, "field_verification_list.xlsx"),
        },
    )
    counts: Dict[str, int] = {}
    for r in rows(sup["OUTPUT"]):
        counts[r["CATEGORY"]] = counts.get(r["CATEGORY"], 0) + 1
    projects = rows(sup["PROJECTS"])
    compliant = sum(1 for p in projects if p["COMPLIANCE"] == "合规")
    numbers["categories"] = counts
    numbers["compliant_projects"] = compliant
    log("  " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    log(f"  compliant projects: {compliant} of {len(projects)}")
    xlsx(sup["PROJECTS"], "project_compliance")

    _fill_verification(sup["OUTPUT"])
    closed = alg(
        "swcplanner:closepatches",
        {
            "INPUT": sup["OUTPUT"],
            "REFERENCE_DATE": "2024-06-30",
            "OUTPUT": out("closed_patches"),
            "PROJECTS": out("closing_per_project"),
        },
    )
    n_closed = sum(1 for r in rows(closed["OUTPUT"]) if r["CLOSED"])
    numbers["closed_patches"] = n_closed
    log(f"  closed (销号): {n_closed} of {sum(counts.values())} patches")
    xlsx(closed["PROJECTS"], "closing_per_project")

    credit = alg(
        "swcplanner:creditlists",
        {
            "FINDINGS": inputs["findings"],
            "ENTITY_FIELD": "DWMC",
            "ROLE_FIELD": "JS",
            "DATE_FIELD": "RDRQ",
            "TYPE_FIELD": "QX",
            "PROJECT_FIELD": "XMBH",
            "REFERENCE_DATE": "2024-06-30",
            "OUTPUT": out("credit_lists"),
            "CHECKED": out("credit_findings_checked"),
        },
    )
    stays = rows(credit["OUTPUT"])
    numbers["credit"] = {f"{s['NAME']} {s['LIST']}": [s["ENTRY_DATE"], s["EXIT_DATE"]] for s in stays}
    for s in stays:
        log(f"  {s['NAME']}: {s['LIST']} {s['ENTRY_DATE']} – {s['EXIT_DATE']}")
    xlsx(credit["OUTPUT"], "credit_lists")

    params = {
        "RANGES": inputs["ranges"],
        "PROJECT_ID_FIELD": "XMBH",
        "UNIT_FIELD": "JSDW",
        "SUPERVISION": sup["PROJECTS"],
        "KEY_ZONES": inputs["zones"],
        "WATER": inputs["water"],
        "CREDIT": credit["OUTPUT"],
        "REFERENCE_DATE": "2024-06-30",
        "OUTPUT": out("project_risk_levels"),
    }
    if dem:
        params["DEM"] = dem
    risk = alg("swcplanner:riskgrading", params)
    levels: Dict[str, int] = {}
    for r in rows(risk["OUTPUT"]):
        levels[r["RISK_LEVEL"]] = levels.get(r["RISK_LEVEL"], 0) + 1
    numbers["risk_levels"] = levels
    log("  risk levels: " + ", ".join(f"{k} {v}" for k, v in sorted(levels.items())))

    sample = alg(
        "swcplanner:plansampling",
        {
            "PLANS": inputs["plans"],
            "ID_FIELD": "PFWH",
            "SHARE": 5.0,
            "SEED": 2024,
            "STRATUM_FIELD": "LB",
            "OUTPUT": out("sampled_plans"),
        },
    )
    drawn = rows(sample["OUTPUT"])
    numbers["sampled_plans"] = len(drawn)
    log(f"  plans sampled: {len(drawn)} of 137 (5 %, seed 2024, by 报告书 / 报告表)")
    xlsx(sample["OUTPUT"], "sampled_plans")
    return numbers


if __name__ == "__main__":  # standalone: python3 scripts/demo_supervision.py OUT_DIR
    import sys

    from demo import start_qgis

    target = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "demo_output")
    start_qgis(target)
    print(run(target))
    os._exit(0)
