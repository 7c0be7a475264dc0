"""The plan's algorithms through processing.run, chained as the wizard chains them, on a scene whose
answers are counted by hand: landuseslope → measureplan → planquantities, and planbenefits.

4 × 6 cells of 10 m; slope classes S; land-use codes LU (33 cropland, 6 forest, 4 orchard, 99 without a
category, 255 nodata).
"""

import numpy as np
import pytest
from osgeo import gdal, ogr
from synth import capture_feedback, iter_features, write_raster

X0, Y0, CELL = 39500000.0, 4500000.0, 10.0
S = np.array(
    [[1, 1, 2, 2, 3, 3], [1, 1, 2, 2, 3, 3], [4, 4, 5, 5, 0, 3], [4, 4, 5, 5, 3, 3]],
    dtype=np.uint8,
)
LU = np.array(
    [[33, 33, 33, 6, 6, 6], [33, 33, 33, 6, 6, 99], [33, 33, 4, 4, 6, 6], [255, 33, 4, 4, 6, 6]],
    dtype=np.uint8,
)
CATEGORY_OF = {33: "cropland", 6: "forest", 4: "orchard"}
ALLOCATION = (
    "landuse,class1,class2,class3,class4,class5\n"
    "cropland,tillage,tillage,terrace,terrace,soilforest_pits\n"
    "forest,none,enclosure,enclosure,enclosure,enclosure\n"
)


def hand_counts(mask=None):
    out = {}
    for r in range(S.shape[0]):
        for c in range(S.shape[1]):
            lu = CATEGORY_OF.get(int(LU[r, c]))
            if lu is None or S[r, c] == 0 or (mask is not None and not mask[r, c]):
                continue
            out[(lu, int(S[r, c]))] = out.get((lu, int(S[r, c])), 0) + 1
    return out


def rect_wkt(x0, y0, x1, y1):
    return f"POLYGON (({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


@pytest.fixture
def scene(tmp_path):
    slope = write_raster(tmp_path / "slope.tif", S, origin=(X0, Y0), nodata=0, dtype=gdal.GDT_Byte)
    landuse = write_raster(tmp_path / "landuse.tif", LU, origin=(X0, Y0), nodata=255, dtype=gdal.GDT_Byte)
    cats = tmp_path / "categories.csv"
    cats.write_text("code,category\n33,cropland\n6,forest\n4,orchard\n", encoding="utf-8")
    alloc = tmp_path / "allocation.csv"
    alloc.write_text(ALLOCATION, encoding="utf-8")
    return {
        "slope": slope,
        "landuse": landuse,
        "categories": str(cats),
        "allocation": str(alloc),
        "dir": tmp_path,
    }


def table(uri):
    return list(iter_features(uri))


def memory_table(name, fields, rows):
    """A geometry-less memory layer ``fields = [(name, 'double'|'string')]``."""
    from qgis.core import QgsFeature, QgsVectorLayer

    spec = "&".join(f"field={n}:{t}" for n, t in fields)
    layer = QgsVectorLayer(f"None?{spec}", name, "memory")
    feats = []
    for row in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(row))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_landuseslope_raster_table_and_rasters(processing_ready, scene):
    import processing

    d = scene["dir"]
    feedback = capture_feedback()
    res = processing.run(
        "swcplanner:landuseslope",
        {
            "SLOPE": scene["slope"],
            "LANDUSE": scene["landuse"],
            "CATEGORY_TABLE": scene["categories"],
            "OUTPUT": str(d / "combo.tif"),
            "CATEGORIES": str(d / "cat.tif"),
            "TABLE": str(d / "areas.gpkg"),
        },
        feedback=feedback,
    )
    rows = {(f["LANDUSE"], f["CLASS"]): f for f in table(res["TABLE"])}
    hand = hand_counts()
    for (lu, k), n in hand.items():
        assert rows[(lu, k)]["AREA_M2"] == pytest.approx(n * 100.0)
        assert rows[(lu, k)]["AREA_MU"] == pytest.approx(n * 100.0 / (10000.0 / 15.0))
    assert rows[("total", 0)]["AREA_HA"] == pytest.approx(sum(hand.values()) * 100 / 1e4)
    assert rows[("cropland", 0)]["PCT"] == pytest.approx(100.0 * 9 / 21)
    assert any("99" in line for line in feedback.warnings), (
        feedback.warnings
    )  # the code without a category is reported
    combo = gdal.Open(res["OUTPUT"]).ReadAsArray()
    assert combo[0].tolist() == [11, 11, 12, 32, 33, 33]
    assert gdal.Open(res["CATEGORIES"]).ReadAsArray()[3].tolist() == [0, 1, 2, 2, 3, 3]
    with open(res["OUTPUT"][:-4] + ".qml", encoding="utf-8") as handle:
        assert "slope class" in handle.read()


def test_landuseslope_polygons_with_chinese_codes_and_boundary(processing_ready, scene):
    """三调-style polygons (code field 地类编码) inside a watershed boundary, default category table."""
    import processing
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer

    from swc_planner.algorithms.outputs import FIELD_STRING

    # 三调 codes: 0103 旱地 (cropland), 0301 乔木林地 (forest), 0201 果园 (orchard), 1109 水工建筑 (built)
    code_of = {33: "0103", 6: "0301", 4: "0201", 99: "1109"}
    lu = QgsVectorLayer("Polygon?crs=EPSG:4527", "三调", "memory")
    lu.dataProvider().addAttributes([QgsField("地类编码", FIELD_STRING)])
    lu.updateFields()
    feats = []
    for r in range(S.shape[0]):
        for c in range(S.shape[1]):
            if LU[r, c] == 255:
                continue
            f = QgsFeature(lu.fields())
            f.setAttributes([code_of[int(LU[r, c])]])
            x0, y1 = X0 + c * CELL, Y0 - r * CELL
            f.setGeometry(QgsGeometry.fromWkt(rect_wkt(x0, y1 - CELL, x0 + CELL, y1)))
            feats.append(f)
    lu.dataProvider().addFeatures(feats)
    boundary = QgsVectorLayer("Polygon?crs=EPSG:4527", "流域", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromWkt(rect_wkt(X0, Y0 - 4 * CELL, X0 + 4 * CELL, Y0)))
    boundary.dataProvider().addFeatures([f])
    res = processing.run(
        "swcplanner:landuseslope",
        {
            "SLOPE": scene["slope"],
            "LANDUSE": lu,
            "LANDUSE_FIELD": "地类编码",
            "BOUNDARY": boundary,
            "OUTPUT": str(scene["dir"] / "combo2.tif"),
            "TABLE": "TEMPORARY_OUTPUT",
        },
    )
    mask = np.zeros(S.shape, bool)
    mask[:, :4] = True
    hand = hand_counts(mask)
    got = {(f["LANDUSE"], f["CLASS"]): f["AREA_M2"] for f in res["TABLE"].getFeatures()}
    for key, n in hand.items():
        assert got[key] == pytest.approx(n * 100.0), key
    assert got[("total", 0)] == pytest.approx(sum(hand.values()) * 100.0)
    assert ("built", 0) not in got  # 1109 lies outside the boundary


def test_measureplan_quantities_chain_by_hand(processing_ready, scene):
    import processing

    d = scene["dir"]
    lus = processing.run(
        "swcplanner:landuseslope",
        {
            "SLOPE": scene["slope"],
            "LANDUSE": scene["landuse"],
            "CATEGORY_TABLE": scene["categories"],
            "OUTPUT": str(d / "combo.tif"),
        },
    )
    plan = processing.run(
        "swcplanner:measureplan",
        {
            "LANDUSE_SLOPE": lus["OUTPUT"],
            "ALLOCATION": scene["allocation"],
            "OUTPUT": str(d / "measures.tif"),
            "POLYGONS": str(d / "measure_polygons.gpkg"),
            "TABLE": str(d / "measure_areas.gpkg"),
        },
    )
    # by hand: tillage 4 + 2 cells, terraces 3, enclosure 2 + 6, none (orchard, not in the table) 4
    expected = {"tillage": 600.0, "terrace": 300.0, "enclosure": 800.0, "none": 400.0}
    rows = {f["MEASURE"]: f for f in table(plan["TABLE"])}
    assert {k: r["AREA_M2"] for k, r in rows.items()} == pytest.approx(expected)
    assert rows["terrace"]["ETYPE"] == "terrace_earth" and rows["tillage"]["ETYPE"] == "no_till"
    poly_area = {}
    for f in table(plan["POLYGONS"]):
        poly_area[f["MEASURE"]] = poly_area.get(f["MEASURE"], 0.0) + f["AREA_M2"]
    assert poly_area == pytest.approx(expected)
    arr = gdal.Open(plan["OUTPUT"]).ReadAsArray()
    assert (arr == 7).sum() == 3 and (arr == 255).sum() == 3

    # the Taihang preset (REGION 2) instead of the table: forest ≤2° none, 2–25° enclosure, orchard benches
    preset = processing.run(
        "swcplanner:measureplan",
        {
            "LANDUSE_SLOPE": lus["OUTPUT"],
            "REGION": 2,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "TABLE": "TEMPORARY_OUTPUT",
        },
    )
    pre = {f["MEASURE"]: f["AREA_M2"] for f in preset["TABLE"].getFeatures()}
    assert pre["econforest_pits"] == pytest.approx(400.0)  # orchard >25°
    assert pre["terrace"] == pytest.approx(300.0) and pre["tillage"] == pytest.approx(200.0)
    assert pre["none"] == pytest.approx(400.0)  # cropland ≤2°

    # quantities and investment: terraces' earthwork from a farmland table, prices from a CSV
    farmland = memory_table(
        "farmland", [("CATEGORY", "string"), ("EARTH_M3", "double")], [("convert", 120.0), ("keep", 80.0)]
    )
    prices = d / "prices.csv"
    prices.write_text(
        "item,unit,price\ntillage_area,ha,600\nterrace_area,ha,9000\nterrace_earthwork,m3,12\n"
        "enclosure_area,ha,1500\nindependent_pct,%,8\ncontingency_pct,%,3\n",
        encoding="utf-8",
    )
    q = processing.run(
        "swcplanner:planquantities",
        {
            "MEASURE_AREAS": plan["TABLE"],
            "FARMLAND": farmland,
            "PRICES": str(prices),
            "QUANTITIES": str(d / "quantities.gpkg"),
            "INVESTMENT": str(d / "investment.gpkg"),
        },
    )
    quantities = {f["ITEM"]: f for f in table(q["QUANTITIES"])}
    assert quantities["terrace_area"]["QUANTITY"] == pytest.approx(0.03)
    assert quantities["terrace_earthwork"]["QUANTITY"] == pytest.approx(120.0)
    assert quantities["pit_count"]["COMPUTED"] == 0
    inv = table(q["INVESTMENT"])
    parts = {f["PART"]: f["AMOUNT"] for f in inv if f["LEVEL"] in ("part", "sum")}
    # by hand: part 1 = 0.03 × 9 000 + 120 × 12 + 0.06 × 600 (tillage); part 2 = 0; part 3 = 0.08 × 1 500
    assert parts["engineering"] == pytest.approx(270.0 + 1440.0 + 36.0)
    assert parts["vegetation"] == pytest.approx(0.0)
    assert parts["enclosure"] == pytest.approx(120.0)
    total = 1866.0 * 1.08 * 1.03
    assert parts["total"] == pytest.approx(total) and q["TOTAL"] == pytest.approx(total)
    assert sum(f["AMOUNT"] for f in inv if f["LEVEL"] == "item") == pytest.approx(1866.0)
    # only the main output: the investment table is created by default; rates as parameters
    q2 = processing.run(
        "swcplanner:planquantities",
        {
            "MEASURE_AREAS": plan["TABLE"],
            "PRICES": str(prices),
            "INDEPENDENT_PCT": 10,
            "CONTINGENCY_PCT": 0,
            "QUANTITIES": "TEMPORARY_OUTPUT",
        },
    )
    assert q2["TOTAL"] == pytest.approx((0.03 * 9000 + 0.06 * 600 + 0.08 * 1500) * 1.1)


def test_planbenefits_by_hand(processing_ready, tmp_path):
    import processing

    fields = [("ZONE", "string"), ("AREA_KM2", "double"), ("ERODED_KM2", "double"), ("SOIL_LOSS_T", "double")]
    fields += [("SLIGHT_KM2", "double"), ("LIGHT_KM2", "double")]
    before = memory_table(
        "before", fields, [("西", 2.0, 0.5, 800.0, 1.5, 0.5), ("东", 3.0, 1.5, 1200.0, 1.5, 1.5)]
    )
    after = memory_table(
        "after", fields, [("西", 2.0, 0.3, 500.0, 1.7, 0.3), ("东", 3.0, 1.0, 700.0, 2.0, 1.0)]
    )
    res = processing.run(
        "swcplanner:planbenefits", {"BEFORE": before, "AFTER": after, "OUTPUT": str(tmp_path / "b.gpkg")}
    )
    # by hand: 2 000 → 1 200 t/a, saved 800; rate (5 − 2) / 5 = 60 % → (5 − 1.3) / 5 = 74 %
    assert res["SOIL_LOSS_BEFORE"] == 2000.0 and res["SOIL_LOSS_AFTER"] == 1200.0
    assert res["SOIL_SAVED"] == 800.0
    assert res["SWC_RATE_BEFORE"] == pytest.approx(60.0) and res["SWC_RATE_AFTER"] == pytest.approx(74.0)
    rows = {f["INDICATOR"]: f for f in table(res["OUTPUT"])}
    assert rows["mean_modulus"]["BEFORE"] == pytest.approx(400.0) and rows["mean_modulus"]["AFTER"] == 240.0
    assert rows["class1_km2"]["BEFORE"] == 3.0 and rows["class1_km2"]["AFTER"] == pytest.approx(3.7)
    assert rows["eroded_km2"]["CHANGE"] == pytest.approx(-0.7)
    # the status alone
    status = processing.run("swcplanner:planbenefits", {"BEFORE": before, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert status["SWC_RATE_BEFORE"] == pytest.approx(60.0) and status["SOIL_SAVED"] is None


def test_planning_inputs_refused_with_a_clear_message(processing_ready, scene, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    bad = tmp_path / "alloc.csv"
    bad.write_text("landuse,class1\ncropland,flying_carpet\n", encoding="utf-8")
    lus = processing.run(
        "swcplanner:landuseslope",
        {
            "SLOPE": scene["slope"],
            "LANDUSE": scene["landuse"],
            "CATEGORY_TABLE": scene["categories"],
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    with pytest.raises(QgsProcessingException):
        processing.run(
            "swcplanner:measureplan",
            {"LANDUSE_SLOPE": lus["OUTPUT"], "ALLOCATION": str(bad), "OUTPUT": "TEMPORARY_OUTPUT"},
        )
    wrong = memory_table("t", [("X", "double")], [(1.0,)])
    with pytest.raises(QgsProcessingException):
        processing.run("swcplanner:planbenefits", {"BEFORE": wrong, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert ogr.GetDriverByName("GPKG") is not None


# -- issue 14: eligibility, sourced prices, schedule, benefit classes, 淤地坝, the model ----------------

ALLOC_E = (
    "landuse,class1,class2,class3,class4,class5\n"
    "cropland,soilforest_pits,tillage,terrace,terrace,soilforest_pits\n"
    "forest,none,enclosure,soilforest_pits,soilforest_pits,soilforest_pits\n"
)


def test_measureplan_enforces_the_eligibility_rules(processing_ready, scene):
    import processing
    from synth import plane

    d = scene["dir"]
    # a 30° plane on the scene's grid: Horn's slope is 30° in every cell (edges included)
    dem = write_raster(d / "dem30.tif", plane(4, 6, 30.0), origin=(X0, Y0))
    alloc = d / "alloc_e.csv"
    alloc.write_text(ALLOC_E, encoding="utf-8")
    basic = d / "basic.geojson"
    basic.write_text(
        '{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:4527"}}, '
        '"features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": '
        f"[[[{X0}, {Y0}], [{X0 + 20}, {Y0}], [{X0 + 20}, {Y0 - 10}], [{X0}, {Y0 - 10}], [{X0}, {Y0}]]]"
        "}}]}",
        encoding="utf-8",
    )
    lus = processing.run(
        "swcplanner:landuseslope",
        {
            "SLOPE": scene["slope"],
            "LANDUSE": scene["landuse"],
            "CATEGORY_TABLE": scene["categories"],
            "OUTPUT": str(d / "combo.tif"),
        },
    )
    feedback = capture_feedback()
    plan = processing.run(
        "swcplanner:measureplan",
        {
            "LANDUSE_SLOPE": lus["OUTPUT"],
            "ALLOCATION": str(alloc),
            "DEM": dem,
            "BASIC_FARMLAND": str(basic),
            "OUTPUT": str(d / "m.tif"),
            "POLYGONS": str(d / "mp.gpkg"),
            "TABLE": str(d / "ma.gpkg"),
            "EXCLUDED": str(d / "ex.gpkg"),
            "EXCLUDED_TABLE": str(d / "ext.gpkg"),
            "LANDUSE_TABLE": str(d / "mlu.gpkg"),
        },
        feedback=feedback,
    )
    # by hand: cropland ≤2° (4 cells) pits at 30°, but 2 of them lie on 永久基本农田 (no retirement there);
    # cropland 2–6° tillage (2, allowed on basic farmland); cropland 15–25° terraces at 30° > 25°: refused;
    # forest 2–6° enclosure (2), 6–15° pits (6, the cell's 30° decides, not the class); orchard: none (4)
    areas = {f["MEASURE"]: f["AREA_M2"] for f in table(plan["TABLE"])}
    assert areas == pytest.approx(
        {"soilforest_pits": 800.0, "tillage": 200.0, "enclosure": 200.0, "none": 900.0}
    )
    excluded = {(f["REASON"], f["MEASURE"]): f["AREA_M2"] for f in table(plan["EXCLUDED_TABLE"])}
    assert excluded == pytest.approx(
        {("basic_farmland", "soilforest_pits"): 200.0, ("slope_high", "terrace"): 300.0}
    )
    pieces = {}
    for f in table(plan["EXCLUDED"]):
        pieces[(f["REASON"], f["MEASURE"])] = pieces.get((f["REASON"], f["MEASURE"]), 0.0) + f["AREA_M2"]
    assert pieces == pytest.approx(excluded)
    by_lu = {(f["LANDUSE"], f["MEASURE"]): f["AREA_M2"] for f in table(plan["LANDUSE_TABLE"])}
    assert by_lu[("cropland", "soilforest_pits")] == pytest.approx(200.0)
    assert by_lu[("forest", "soilforest_pits")] == pytest.approx(600.0)
    # without the DEM the class decides (and a warning says so): cropland ≤2° and forest 6–15° lie below the
    # pits' band (4 + 6 cells)
    feedback = capture_feedback()
    noslope = processing.run(
        "swcplanner:measureplan",
        {
            "LANDUSE_SLOPE": lus["OUTPUT"],
            "ALLOCATION": str(alloc),
            "OUTPUT": "TEMPORARY_OUTPUT",
            "TABLE": "TEMPORARY_OUTPUT",
            "EXCLUDED_TABLE": "TEMPORARY_OUTPUT",
        },
        feedback=feedback,
    )
    ex2 = {(f["REASON"], f["MEASURE"]): f["AREA_M2"] for f in noslope["EXCLUDED_TABLE"].getFeatures()}
    assert ex2 == pytest.approx({("slope_low", "soilforest_pits"): 1000.0})
    assert any("No DEM" in m for m in feedback.warnings)
    # the pit band as a parameter: 35° minimum refuses every pit at 30°
    narrow = processing.run(
        "swcplanner:measureplan",
        {
            "LANDUSE_SLOPE": lus["OUTPUT"],
            "ALLOCATION": str(alloc),
            "DEM": dem,
            "PIT_MIN_SLOPE": 35.0,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "TABLE": "TEMPORARY_OUTPUT",
        },
    )
    assert "soilforest_pits" not in {f["MEASURE"] for f in narrow["TABLE"].getFeatures()}


def test_planquantities_sources_placeholders_and_schedule(processing_ready, scene):
    import csv

    import processing

    from swc_planner.algorithms.core.planning.tables import unit_price_path

    d = scene["dir"]
    areas = memory_table(
        "areas",
        [("MEASURE", "string"), ("AREA_M2", "double")],
        [("terrace", 20000.0), ("soilforest_pits", 30000.0), ("none", 5000.0)],
    )
    pits = memory_table(
        "pits",
        [("COUNT", "double"), ("EARTH_M3", "double"), ("SEEDLINGS", "double")],
        [(5000.0, 950.0, 5000.0)],
    )
    dams = memory_table("dams", [("BODY_M3", "double")], [(12000.0,), (8000.0,)])
    q = processing.run(
        "swcplanner:planquantities",
        {
            "MEASURE_AREAS": areas,
            "PITS": pits,
            "SILTDAMS": dams,
            "START_YEAR": 2026,
            "END_YEAR": 2029,
            "YEAR_SHARES": "2026:4, 2027:3, 2028:2, 2029:1",
            "QUANTITIES": str(d / "q.gpkg"),
            "INVESTMENT": str(d / "i.gpkg"),
            "SCHEDULE": str(d / "s.gpkg"),
        },
    )
    with open(unit_price_path(), encoding="utf-8") as handle:
        p = {
            r["item"]: float(r["price"])
            for r in csv.DictReader(ln for ln in handle if not ln.startswith("#"))
        }
    # by hand, the shipped placeholder prices: part 1 = 2 ha terraces + 2 淤地坝 + 20 000 m³ of dam body;
    # part 2 = 3 ha forest + 5 000 pits (their 950 m³ are in the price per pit)
    eng = 2.0 * p["terrace_area"] + 2 * p["siltdam_count"] + 20000.0 * p["siltdam_volume"]
    veg = 3.0 * p["soilforest_area"] + 5000 * p["pit_count"]
    total = (eng + veg) * (1 + p["independent_pct"] / 100) * (1 + p["contingency_pct"] / 100)
    assert q["TOTAL"] == pytest.approx(total)
    inv = table(q["INVESTMENT"])
    parts = {f["PART"]: f["AMOUNT"] for f in inv if f["LEVEL"] in ("part", "sum")}
    assert parts["engineering"] == pytest.approx(eng) and parts["vegetation"] == pytest.approx(veg)
    items = {f["ITEM"]: f for f in inv if f["LEVEL"] == "item"}
    assert items["pit_earthwork"]["PRICE"] is None and items["pit_earthwork"]["AMOUNT"] == 0.0
    assert items["siltdam_count"]["QUANTITY"] == 2.0
    assert items["terrace_area"]["PLACEHOLDER"] == 1 and "placeholder" in items["terrace_area"]["SOURCE"]
    assert q["PLACEHOLDERS"] == 5  # terrace area, 淤地坝 count and volume, forest area, pits
    sched = table(q["SCHEDULE"])
    by_year = {f["YEAR"]: f["AMOUNT"] for f in sched if f["PART"] == "total"}
    assert sorted(by_year) == [2026, 2027, 2028, 2029]
    assert sum(by_year.values()) == pytest.approx(total)
    pits_2029 = [f for f in sched if f["ITEM"] == "pit_count" and f["YEAR"] == 2029][0]
    assert pits_2029["QUANTITY"] == pytest.approx(500.0)  # 5 000 pits × 1/10
    # two 淤地坝 by 4:3:2:1 in whole dams: 0.8, 0.6, 0.4, 0.2 → one in 2026, one in 2027
    dams_by_year = [
        f["QUANTITY"] for f in sorted(sched, key=lambda f: f["YEAR"]) if f["ITEM"] == "siltdam_count"
    ]
    assert dams_by_year == [1.0, 1.0, 0.0, 0.0]
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException):
        processing.run(
            "swcplanner:planquantities",
            {"MEASURE_AREAS": areas, "START_YEAR": 2026, "QUANTITIES": "TEMPORARY_OUTPUT"},
        )


def test_planbenefits_classes_by_hand(processing_ready, tmp_path):
    import processing

    sl = [
        ("ZONE", "string"),
        ("AREA_KM2", "double"),
        ("ERODED_KM2", "double"),
        ("SOIL_LOSS_T", "double"),
        ("BASE_LOSS_T", "double"),
        ("BASE_ERODED_KM2", "double"),
    ]
    before = memory_table("before", sl[:4], [("all", 1.0, 0.6, 3000.0)])
    after = memory_table(
        "after",
        sl,
        [
            ("terrace", 0.2, 0.05, 200.0, 1000.0, 0.2),
            ("grass", 0.1, 0.05, 300.0, 400.0, 0.1),
            ("none", 0.7, 0.3, 1600.0, 1600.0, 0.3),
        ],
    )
    areas = memory_table(
        "areas",
        [("MEASURE", "string"), ("AREA_M2", "double")],
        [("terrace", 200000.0), ("grass", 100000.0), ("none", 700000.0)],
    )
    mlu = memory_table(
        "mlu",
        [("LANDUSE", "string"), ("MEASURE", "string"), ("AREA_M2", "double")],
        [("cropland", "terrace", 200000.0), ("bare", "grass", 100000.0), ("forest", "none", 700000.0)],
    )
    lus = memory_table(
        "lus",
        [("LANDUSE", "string"), ("CLASS", "int"), ("AREA_M2", "double")],
        [("cropland", 0, 200000.0), ("bare", 0, 100000.0), ("forest", 0, 700000.0), ("total", 0, 1000000.0)],
    )
    silt = memory_table("silt", [("SILT_M2", "double"), ("SEDIMENT_T_A", "double")], [(30000.0, 900.0)])
    rates = tmp_path / "rates.csv"
    rates.write_text(
        "measure,water_pct,sediment_pct,source\nterrace,80,90,plots\ngrass,20,40,plots\n", encoding="utf-8"
    )
    yields = tmp_path / "yields.csv"
    yields.write_text(
        "measure,product,unit,yield_ha,price,source\nterrace,grain,kg,1000,3,stats\n", encoding="utf-8"
    )
    res = processing.run(
        "swcplanner:planbenefits",
        {
            "BEFORE": before,
            "AFTER": after,
            "MEASURE_AREAS": areas,
            "MEASURE_LANDUSE": mlu,
            "LANDUSE_AREAS": lus,
            "SILTDAMS": silt,
            "BENEFIT_RATES": str(rates),
            "YIELDS": str(yields),
            "RUNOFF_DEPTH": 50.0,
            "OUTPUT": str(tmp_path / "o.gpkg"),
            "BASIC": str(tmp_path / "b.gpkg"),
            "ECONOMIC": str(tmp_path / "e.gpkg"),
            "SOCIAL": str(tmp_path / "s.gpkg"),
            "ECOLOGICAL": str(tmp_path / "g.gpkg"),
        },
    )
    # by hand: retained 800 + 100 t/a → after 3 000 − 900 = 2 100; eroded 0.6 − (0.15 + 0.05) = 0.4 km²
    assert res["SOIL_LOSS_AFTER"] == pytest.approx(2100.0) and res["SOIL_SAVED"] == pytest.approx(900.0)
    assert res["SWC_RATE_AFTER"] == pytest.approx(60.0) and res["SWC_RATE_BEFORE"] == pytest.approx(40.0)
    # water: 0.2 km² × 50 mm × 80 % + 0.1 km² × 50 mm × 20 % = 8 000 + 1 000 m³
    assert res["WATER_RETAINED"] == pytest.approx(9000.0)
    assert res["ECONOMIC_VALUE"] == pytest.approx(20 * 1000 * 3)
    # 治理度 = (0.2 + 0.1) / 0.6; 林草覆盖率 70 % → 80 % (the bare land turned to grass)
    assert res["TREATMENT_DEGREE"] == pytest.approx(50.0)
    assert res["COVER_BEFORE"] == pytest.approx(70.0) and res["COVER_AFTER"] == pytest.approx(80.0)
    basic = {f["MEASURE"]: f for f in table(res["BASIC"])}
    assert basic["terrace"]["SOIL_RATE_T"] == pytest.approx(900.0)  # 1 000 t/a × 90 %
    assert basic["siltdam"]["SOIL_RETAINED_T"] == pytest.approx(900.0)
    assert basic["total"]["SOIL_RETAINED_T"] == pytest.approx(900.0)  # the dams not added
    social = {f["INDICATOR"]: f["VALUE"] for f in table(res["SOCIAL"])}
    assert social["silted_land_ha"] == pytest.approx(3.0) and social["terrace_ha"] == pytest.approx(20.0)
    eco = {f["INDICATOR"]: f for f in table(res["ECOLOGICAL"])}
    assert eco["forest_grass_cover"]["CHANGE"] == pytest.approx(10.0)


def v_valley_dem(path):
    from synth import srs_wkt  # noqa: F401 (EPSG:4527 written by write_raster)

    rows, cols, cell = 100, 101, 20.0
    r = np.arange(rows)[:, None]
    c = np.arange(cols)[None, :]
    z = 100.0 + 0.02 * (rows - 1 - r) * cell + 0.2 * np.abs(c - 50) * cell
    return write_raster(path, z.astype(np.float32), origin=(X0, Y0), cell=cell)


def test_siltdams_selects_a_large2_dam_and_feeds_the_quantities(processing_ready, tmp_path):
    import processing

    dem = v_valley_dem(tmp_path / "v.tif")
    modulus = 25062.0
    res = processing.run(
        "swcplanner:siltdams",
        {
            "DEM": dem,
            "MODULUS": modulus,
            "DESIGN_LIFE": 10.0,
            "SEARCH_LENGTH": 300.0,
            "DAMS": str(tmp_path / "dams.gpkg"),
            "CURVES": str(tmp_path / "curves.gpkg"),
            "SILT": str(tmp_path / "silt.gpkg"),
            "CRESTS": str(tmp_path / "crests.gpkg"),
            "REJECTED": str(tmp_path / "rej.gpkg"),
        },
    )
    dams = table(res["DAMS"])
    assert len(dams) == 1
    d = dams[0]
    need = modulus * d["CONTROL_KM2"] * 10.0 / 1.35
    assert (
        d["NEED_M3"] == pytest.approx(need, rel=1e-6)
        and d["CLASS"] == "large2"
        and d["CLASS_ZH"] == "大(2)型"
    )
    assert d["SILT_M2"] > 0 and d["BODY_M3"] > 0 and "7" in d["OUTLET"]
    curve = [f for f in table(res["CURVES"]) if f["DAM_ID"] == 1]
    assert curve[-1]["VOL_M3"] >= need
    silt = table(res["SILT"])
    assert silt and silt[0]["SILT_M2"] == pytest.approx(d["SILT_M2"])
    q = processing.run(
        "swcplanner:planquantities",
        {
            "MEASURE_AREAS": memory_table(
                "a", [("MEASURE", "string"), ("AREA_M2", "double")], [("none", 1.0)]
            ),
            "SILTDAMS": res["DAMS"],
            "QUANTITIES": "TEMPORARY_OUTPUT",
        },
    )
    quant = {f["ITEM"]: f["QUANTITY"] for f in q["QUANTITIES"].getFeatures()}
    assert quant["siltdam_count"] == 1 and quant["siltdam_volume"] == pytest.approx(d["BODY_M3"])


def model_output(model, child_id, name):
    """The model's parameter for a child's output: ``child:name`` on QGIS 3.22, ``name`` on 3.40+."""
    names = {d.name() for d in model.destinationParameterDefinitions()}
    for candidate in (f"{child_id}:{name}", name):
        if candidate in names:
            return candidate
    raise AssertionError(f"no model output {child_id}:{name} among {sorted(names)}")


def test_shipped_model_chains_the_plan_for_one_watershed(processing_ready, tmp_path):
    """resources/models/small_watershed_plan.model3 run through processing.run on a V valley of 4 km²
    (forest west, dry cropland east, 三调 codes); areas checked against gdaldem's slope, money against
    the shipped prices, benefits against the model's own soil-loss tables."""
    import csv
    import importlib.util
    import os

    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm
    from shapely.geometry import box
    from synth import write_polygons
    from testdata import REPO

    path = os.path.join(REPO, "resources", "models", "small_watershed_plan.model3")
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(path)
    ok, errors = model.validate()
    assert ok, errors
    # the shipped file is what the builder writes (children and their wiring)
    spec = importlib.util.spec_from_file_location(
        "build_plan_model", os.path.join(REPO, "resources", "models", "build_small_watershed_plan.py")
    )
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    built = builder.build_model()
    assert sorted(model.childAlgorithms()) == sorted(built.childAlgorithms())
    for cid, child in built.childAlgorithms().items():
        shipped = model.childAlgorithm(cid)
        assert shipped.algorithmId() == child.algorithmId(), cid
        shipped_names, built_names = set(shipped.parameterSources()), set(child.parameterSources())
        added = built_names - shipped_names
        if added and not child.algorithmId().startswith("swcplanner:"):
            # another provider's parameters the shipped file does not name (3.44's gdal:cliprasterbymasklayer
            # adds CREATION_OPTIONS): the builder gives them this QGIS's defaults, as a run of the file does
            for name in added:
                default = child.algorithm().parameterDefinition(name).defaultValue()
                assert child.parameterSources()[name][0].staticValue() == default, (cid, name)
            built_names -= added
        assert sorted(shipped_names) == sorted(built_names), cid

    dem = v_valley_dem(tmp_path / "dem.tif")
    x0, y1 = X0, Y0
    x1, y0 = X0 + 101 * 20.0, Y0 - 100 * 20.0
    watershed = write_polygons(
        str(tmp_path / "ws.gpkg"), [(box(x0, y0, x1, y1).wkb, {"name": "试验小流域"})], epsg=4527, layer="ws"
    )
    xm = X0 + 50.5 * 20.0  # the thalweg's centre line: forest west of it, dry cropland east
    landuse = write_polygons(
        str(tmp_path / "lu.gpkg"),
        [(box(x0, y0, xm, y1).wkb, {"DLBM": "0301"}), (box(xm, y0, x1, y1).wkb, {"DLBM": "0103"})],
        epsg=4527,
        layer="lu",
    )
    names = {n: model_output(model, c, n) for n, c, _o, _d in builder.OUTPUTS}
    params = {
        "DEM": dem,
        "WATERSHED": watershed,
        "LANDUSE": landuse,
        "LANDUSE_FIELD": "DLBM",
        "REGION": 2,
        "R": 2000.0,
        "K": 0.03,
        "TOLERANCE": 200.0,
        "RUNOFF_DEPTH": 50.0,
        "START_YEAR": 2026,
        "END_YEAR": 2030,
    }
    params.update({names[n]: str(tmp_path / f"{n}.gpkg") for n in names})
    res = processing.run(model, params, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())

    # areas: gdaldem's slope of the same DEM, classified by the national classes, counted per land use
    slope = gdal.DEMProcessing(str(tmp_path / "slope.tif"), dem, "slope", computeEdges=True).ReadAsArray()
    cols = np.arange(101)[None, :].repeat(100, axis=0)
    crop = cols >= 51  # cell centres east of the centre line
    klass = np.digitize(slope, [2, 6, 15, 25], right=True) + 1
    terrace_m2 = ((klass == 3) | (klass == 4))[crop].sum() * 400.0  # Taihang: cropland 6–25° → terraces
    enclosure_m2 = ((klass >= 2) & (klass <= 4))[~crop].sum() * 400.0  # forest 2–25° → enclosure
    areas = {f["MEASURE"]: f["AREA_M2"] for f in table(res[names["measure_areas"]])}
    assert areas["terrace"] == pytest.approx(terrace_m2) and areas["enclosure"] == pytest.approx(enclosure_m2)
    # money: the shipped prices, by hand
    with open(os.path.join(REPO, "resources", "tables", "unit_prices.csv"), encoding="utf-8") as handle:
        p = {
            r["item"]: float(r["price"])
            for r in csv.DictReader(ln for ln in handle if not ln.startswith("#"))
        }
    dams = table(res[names["siltdams"]])
    body = sum(d["BODY_M3"] for d in dams)
    direct = (
        terrace_m2 / 1e4 * p["terrace_area"]
        + enclosure_m2 / 1e4 * p["enclosure_area"]
        + len(dams) * p["siltdam_count"]
        + body * p["siltdam_volume"]
        + areas.get("soilforest_pits", 0.0) / 1e4 * p["soilforest_area"]
        + areas.get("econforest_benches", 0.0) / 1e4 * p["econforest_area"]
        + areas.get("tillage", 0.0) / 1e4 * p["tillage_area"]
        + areas.get("grass", 0.0) / 1e4 * p["grass_area"]
    )
    total = direct * (1 + p["independent_pct"] / 100) * (1 + p["contingency_pct"] / 100)
    inv = {f["PART"]: f["AMOUNT"] for f in table(res[names["investment"]]) if f["LEVEL"] == "sum"}
    assert inv["total"] == pytest.approx(total)
    sched = [f for f in table(res[names["schedule"]]) if f["PART"] == "total"]
    assert [f["YEAR"] for f in sched] == [2026, 2027, 2028, 2029, 2030]
    assert sum(f["AMOUNT"] for f in sched) == pytest.approx(total)
    # benefits: before − the change inside the measure zones of the soil-loss table with the plan
    before = table(res[names["soil_loss_before"]])
    after = table(res[names["soil_loss_after"]])
    retained = sum(r["BASE_LOSS_T"] - r["SOIL_LOSS_T"] for r in after)
    ind = {f["INDICATOR"]: f for f in table(res[names["benefits"]])}
    assert ind["soil_loss_t"]["BEFORE"] == pytest.approx(sum(r["SOIL_LOSS_T"] for r in before))
    assert ind["soil_loss_t"]["AFTER"] == pytest.approx(ind["soil_loss_t"]["BEFORE"] - retained)
    assert retained > 0  # terraces act through E
    basic = {f["MEASURE"]: f for f in table(res[names["basic"]])}
    terrace_zone = [r for r in after if r["ZONE"] == "terrace"][0]
    assert basic["terrace"]["SOIL_RETAINED_T"] == pytest.approx(
        terrace_zone["BASE_LOSS_T"] - terrace_zone["SOIL_LOSS_T"]
    )
    eco = {f["INDICATOR"]: f for f in table(res[names["ecological"]])}
    assert eco["forest_grass_cover"]["BEFORE"] == pytest.approx(100 * (~crop).sum() / crop.size, rel=1e-6)
    assert table(res[names["economic"]]) and table(res[names["social"]])
