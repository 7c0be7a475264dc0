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
    # by hand: part 1 = 0.03 × 9 000 + 120 × 12; part 2 = 0.06 × 600; part 3 = 0.08 × 1 500
    assert parts["engineering"] == pytest.approx(270.0 + 1440.0)
    assert parts["vegetation"] == pytest.approx(36.0)
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
