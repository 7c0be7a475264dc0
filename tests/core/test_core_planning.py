"""Planning core (algorithms/core/planning): a 3-land-use plan whose areas, measures, quantities,
investment parts and benefits are worked out by hand in the test.  No QGIS.

The scene: 4 × 6 cells of 10 m (100 m² each); slope classes S, land-use codes L (33 cropland,
6 forest, 4 orchard; 99 has no category, 255 is nodata).
"""

import os

import numpy as np
import pytest
from osgeo import gdal, ogr
from synth import srs_wkt, write_raster
from testdata import REPO

from swc_planner.algorithms.core.errors import InputError
from swc_planner.algorithms.core.planning import allocation as A  # noqa: N812
from swc_planner.algorithms.core.planning import benefits as B  # noqa: N812
from swc_planner.algorithms.core.planning import catalogue as C  # noqa: N812
from swc_planner.algorithms.core.planning import landuse as L  # noqa: N812
from swc_planner.algorithms.core.planning import quantities as Q  # noqa: N812
from swc_planner.algorithms.core.planning import tables as T  # noqa: N812

X0, Y0, CELL = 39500000.0, 4500000.0, 10.0
S = np.array(
    [
        [1, 1, 2, 2, 3, 3],
        [1, 1, 2, 2, 3, 3],
        [4, 4, 5, 5, 0, 3],
        [4, 4, 5, 5, 3, 3],
    ],
    dtype=np.uint8,
)
LU = np.array(
    [
        [33, 33, 33, 6, 6, 6],
        [33, 33, 33, 6, 6, 99],
        [33, 33, 4, 4, 6, 6],
        [255, 33, 4, 4, 6, 6],
    ],
    dtype=np.uint8,
)
MAPPING = [("33", "cropland"), ("6", "forest"), ("4", "orchard")]
CATEGORY_OF = {33: "cropland", 6: "forest", 4: "orchard"}
#: two measures (and "none"): tillage and terraces on cropland, enclosure on forest; orchard not listed
ALLOC = {
    "cropland": ["tillage", "tillage", "terrace", "terrace", "soilforest_pits"],
    "forest": ["none", "enclosure", "enclosure", "enclosure", "enclosure"],
}


def count_by_hand(mask=None):
    """Cells per (land use, class), by a loop over the cells."""
    out = {}
    for r in range(S.shape[0]):
        for c in range(S.shape[1]):
            if mask is not None and not mask[r, c]:
                continue
            lu = CATEGORY_OF.get(int(LU[r, c]))
            if lu is None or S[r, c] == 0:
                continue
            out[(lu, int(S[r, c]))] = out.get((lu, int(S[r, c])), 0) + 1
    return out


@pytest.fixture
def scene(tmp_path):
    slope = write_raster(tmp_path / "slope.tif", S, origin=(X0, Y0), nodata=0, dtype=gdal.GDT_Byte)
    # the land use is larger than the slope grid: two extra columns on the west, one extra row on top
    big = np.full((5, 8), 6, dtype=np.uint8)
    big[1:, 2:] = LU
    landuse = write_raster(
        tmp_path / "landuse.tif", big, origin=(X0 - 2 * CELL, Y0 + CELL), nodata=255, dtype=gdal.GDT_Byte
    )
    return {"slope": slope, "landuse": landuse, "dir": tmp_path}


def rect(x0, y0, x1, y1):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return bytes(poly.ExportToWkb())


def read(path):
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    return band.ReadAsArray(), band.GetNoDataValue(), ds.GetGeoTransform()


# -- land use × slope ----------------------------------------------------------------------------


def test_landuse_slope_counts_areas_and_rasters_by_hand(scene):
    combo_path = str(scene["dir"] / "combo.tif")
    cat_path = str(scene["dir"] / "cat.tif")
    res = L.landuse_slope(
        scene["slope"],
        combo_path,
        MAPPING,
        landuse_raster=scene["landuse"],
        categories_path=cat_path,
        block_rows=3,
    )
    hand = count_by_hand()
    # worked out on paper: cropland ≤2° 4 cells, 2–6° 2, 15–25° 3; forest 2–6° 2, 6–15° 6; orchard >25° 4
    assert hand == {
        ("cropland", 1): 4,
        ("cropland", 2): 2,
        ("cropland", 4): 3,
        ("forest", 2): 2,
        ("forest", 3): 6,
        ("orchard", 5): 4,
    }
    assert res.cell_area == 100.0 and res.n_classes == 5
    assert res.areas() == {k: n * 100.0 for k, n in hand.items()}
    assert res.unmapped == ["99"]
    combo, nodata, gt = read(combo_path)
    assert nodata == 0 and gt == (X0, CELL, 0.0, Y0, 0.0, -CELL)
    assert combo[0].tolist() == [11, 11, 12, 32, 33, 33]
    assert combo[2].tolist() == [14, 14, 25, 25, 0, 33]  # slope nodata -> 0
    assert combo[1, 5] == 0 and combo[3, 0] == 0  # code 99 (no category) and land-use nodata
    cat, _nd, _gt = read(cat_path)
    assert cat[3].tolist() == [0, 1, 2, 2, 3, 3]
    # the table: 21 cells = 2 100 m²; cropland 9 cells = 0.09 ha = 1.35 mu = 42.857 %
    rows = {(r["LANDUSE"], r["CLASS"]): r for r in L.area_rows(res.areas(), res.n_classes)}
    assert rows[("total", 0)]["AREA_M2"] == 2100.0 and rows[("total", 0)]["PCT"] == pytest.approx(100.0)
    crop = rows[("cropland", 0)]
    assert crop["AREA_HA"] == pytest.approx(0.09) and crop["AREA_MU"] == pytest.approx(1.35)
    assert crop["PCT"] == pytest.approx(100 * 900 / 2100)
    assert rows[("cropland", 3)]["AREA_M2"] == 0.0  # every class of a present land use is listed
    assert rows[("total", 3)]["AREA_M2"] == 600.0
    assert ("water", 0) not in rows


def test_landuse_polygons_and_boundary(scene):
    # the same land use as polygons, one per cell; a boundary over the western four columns
    polys = []
    for r in range(LU.shape[0]):
        for c in range(LU.shape[1]):
            x0, y1 = X0 + c * CELL, Y0 - r * CELL
            polys.append((str(int(LU[r, c])), rect(x0, y1 - CELL, x0 + CELL, y1)))
    boundary = [rect(X0, Y0 - 4 * CELL, X0 + 4 * CELL, Y0)]
    res = L.landuse_slope(
        scene["slope"], str(scene["dir"] / "c.tif"), MAPPING, landuse_polygons=polys, boundary=boundary
    )
    mask = np.zeros(S.shape, bool)
    mask[:, :4] = True
    assert res.areas() == {k: n * 100.0 for k, n in count_by_hand(mask).items()}
    assert res.unmapped == ["99", "255"]


def test_landuse_refuses_what_it_cannot_use(scene, tmp_path):
    with pytest.raises(InputError):
        L.landuse_slope(scene["slope"], str(tmp_path / "x.tif"), MAPPING)  # no land use at all
    ten = write_raster(
        tmp_path / "s10.tif", np.full((2, 2), 10, np.uint8), origin=(X0, Y0), dtype=gdal.GDT_Byte
    )
    with pytest.raises(InputError, match="at most 9"):
        L.landuse_slope(ten, str(tmp_path / "y.tif"), MAPPING, landuse_raster=scene["landuse"])
    with pytest.raises(InputError, match="No cell"):
        L.landuse_slope(
            scene["slope"], str(tmp_path / "z.tif"), [("1", "water")], landuse_raster=scene["landuse"]
        )


def test_category_mapping_exact_then_longest_prefix():
    preset = T.load_categories()  # the shipped 三调 table
    assert L.category_for("0101", preset) == "cropland"
    assert L.category_for("0301", preset) == "forest"
    assert L.category_for("1109", preset) == "built"  # refines 11 water
    assert L.category_for("1106", preset) == "water"
    assert L.category_for("1203", preset) == "cropland"  # 田坎
    assert L.category_for("1206", preset) == "bare"
    assert L.category_for("9999", preset) is None
    assert L.category_for(4.0, [("4", "orchard")]) == "orchard"
    assert L.unmapped_codes([4, 33, 104], [("4", "orchard"), ("10", "built")]) == ["33"]


# -- allocation ------------------------------------------------------------------------------------


def test_measure_raster_polygons_and_areas_by_hand(scene):
    combo_path = str(scene["dir"] / "combo.tif")
    res = L.landuse_slope(scene["slope"], combo_path, MAPPING, landuse_raster=scene["landuse"])
    out = str(scene["dir"] / "measures.tif")
    plan = A.measure_raster(combo_path, out, ALLOC, block_rows=2)
    # by hand: tillage = cropland classes 1, 2 (4 + 2 cells); terraces = cropland 15–25° (3 cells);
    # enclosure = forest 2–6° and 6–15° (2 + 6); orchard is not in the table: none (4 cells)
    expected = {"tillage": 600.0, "terrace": 300.0, "enclosure": 800.0, "none": 400.0}
    assert plan.areas_m2() == expected
    assert A.measure_areas(res.areas(), ALLOC) == expected
    arr, nodata, _gt = read(out)
    assert nodata == 255
    assert arr[0].tolist() == [
        8,
        8,
        8,
        1,
        1,
        1,
    ]  # cropland classes 1, 1, 2: tillage; forest 2, 3, 3: enclosure
    assert arr[1, 5] == 255 and arr[2, 4] == 255 and arr[3, 0] == 255
    rows = {r["MEASURE"]: r for r in A.measure_area_rows(plan.areas_m2())}
    assert set(rows) == set(expected)
    assert rows["terrace"]["AREA_HA"] == pytest.approx(0.03) and rows["terrace"]["ETYPE"] == "terrace_earth"
    assert rows["tillage"]["PCT"] == pytest.approx(100 * 600 / 2100)
    assert rows["enclosure"]["AREA_MU"] == pytest.approx(1.2)
    # polygons are unions of cells: their areas add up per measure to the counts
    pieces = A.measure_polygons(out)
    by_value = {}
    for value, wkb, area in pieces:
        assert ogr.CreateGeometryFromWkb(wkb).IsValid()
        by_value[value] = by_value.get(value, 0.0) + area
    assert {C.MEASURE_CODE[v]: a for v, a in by_value.items()} == pytest.approx(expected)


def test_allocation_lookup_and_errors(scene, tmp_path):
    lut = A.allocation_lookup(ALLOC)
    assert lut[L.combo_value("cropland", 4)] == C.MEASURE_VALUE["terrace"]
    assert lut[L.combo_value("orchard", 1)] == C.MEASURE_VALUE["none"]
    assert lut[0] == 255
    combo_path = str(tmp_path / "combo.tif")
    L.landuse_slope(scene["slope"], combo_path, MAPPING, landuse_raster=scene["landuse"])
    with pytest.raises(InputError, match="slope classes"):
        A.measure_raster(combo_path, str(tmp_path / "m.tif"), {"cropland": ["none", "tillage"]})
    bad = write_raster(
        tmp_path / "bad.tif", np.array([[95, 11]], np.uint8), origin=(X0, Y0), dtype=gdal.GDT_Byte
    )
    with pytest.raises(InputError, match="95"):
        A.measure_raster(bad, str(tmp_path / "m2.tif"), ALLOC)


def test_presets_are_complete_and_valid():
    for region in C.REGIONS:
        alloc = T.load_allocation(T.allocation_path(region))
        assert T.allocation_problems(alloc) == []
        assert set(alloc) == set(C.LANDUSE_VALUE)
        assert all(len(v) == C.SLOPE_CLASSES for v in alloc.values())
        # the law: no crops above 25° -> steep cropland is never left as cropland measure
        assert alloc["cropland"][4] not in ("tillage", "none", "terrace")
    prices = T.load_prices(T.unit_price_path())
    # each work priced once: the pit's earthwork is in its price per pit, the seedlings in planting per ha
    unpriced = {"pit_earthwork", "seedling_count"}
    for item, _measure, _unit in C.QUANTITY_ITEMS:
        if item in unpriced:
            assert item not in prices, item
        else:
            assert prices[item] > 0, item
    for item in C.RATE_ITEMS:
        assert 0 < prices[item] < 100
    # no shipped price is presented as sourced: every source says placeholder
    info = T.price_info(T.unit_price_path())
    assert set(info) == set(prices)
    for item, meta in info.items():
        assert meta["placeholder"] and meta["source"].startswith("placeholder"), item
        if item in C.QUANTITY_UNIT:
            assert meta["part"] == C.PART_OF_ITEM[item], item
    assert info["pit_count"]["part"] == "vegetation"  # 整地 is part of 林草措施
    with pytest.raises(InputError):
        T.allocation_path("plain")


def test_presets_respect_the_eligibility_rules():
    """The shipped presets allocate pits and benches only to slope classes inside their bands."""
    elig = A.Eligibility.default()
    for region in C.REGIONS:
        alloc = T.load_allocation(T.allocation_path(region))
        for lu, measures in alloc.items():
            for k, m in enumerate(measures, start=1):
                band = C.MEASURE_BAND.get(m)
                if band is None:
                    continue
                lo, hi = elig.bands[band]
                c_lo, c_hi = elig.class_range(k)
                assert c_hi > lo and c_lo < hi, (region, lu, k, m)
            if lu in C.NO_MEASURE_LANDUSE:
                assert set(measures) == {"none"}


def test_tables_round_trip_and_errors(tmp_path):
    rows, columns = T.allocation_rows(ALLOC)
    path = T.write_csv(str(tmp_path / "alloc.csv"), rows, columns)
    assert T.load_allocation(path) == ALLOC
    (tmp_path / "bad.csv").write_text("landuse,class1\ncropland,flying_carpet\n", encoding="utf-8")
    with pytest.raises(InputError, match="flying_carpet"):
        T.load_allocation(str(tmp_path / "bad.csv"))
    (tmp_path / "p.csv").write_text("item,unit,price\nterrace_area,ha,abc\n", encoding="utf-8")
    with pytest.raises(InputError, match="terrace_area"):
        T.load_prices(str(tmp_path / "p.csv"))
    (tmp_path / "p2.csv").write_text("item,unit,price\ngold_bars,kg,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="gold_bars"):
        T.load_prices(str(tmp_path / "p2.csv"))
    (tmp_path / "c.csv").write_text("code,category\n01,paddy\n", encoding="utf-8")
    with pytest.raises(InputError, match="paddy"):
        T.load_categories(str(tmp_path / "c.csv"))
    assert os.path.exists(T.landuse_category_path())


# -- quantities and investment -------------------------------------------------------------------


def test_quantities_and_investment_by_hand():
    areas = {"tillage": 600.0, "terrace": 300.0, "enclosure": 800.0, "none": 400.0}
    farmland = [
        {"EARTH_M3": 120.0, "CATEGORY": "convert"},
        {"EARTH_M3": 80.0, "CATEGORY": "keep"},
        {"EARTH_M3": None, "CATEGORY": "convert"},
    ]
    works = Q.works_from_layouts(farmland=farmland, checkdams=[])
    assert works == {"terrace_earthwork": 120.0, "checkdam_count": 0.0, "checkdam_volume": 0.0}
    q = {r["ITEM"]: r for r in Q.quantities(areas, works)}
    assert q["tillage_area"]["QUANTITY"] == pytest.approx(0.06)
    assert q["terrace_area"]["QUANTITY"] == pytest.approx(0.03)
    assert q["enclosure_area"]["QUANTITY"] == pytest.approx(0.08)
    assert q["terrace_earthwork"]["QUANTITY"] == 120.0 and q["terrace_earthwork"]["COMPUTED"]
    assert not q["pit_count"]["COMPUTED"] and q["pit_count"]["QUANTITY"] == 0.0
    assert q["checkdam_count"]["COMPUTED"] and q["checkdam_count"]["QUANTITY"] == 0.0
    prices = {
        "tillage_area": 600.0,
        "terrace_area": 9000.0,
        "terrace_earthwork": 12.0,
        "enclosure_area": 1500.0,
        "pit_count": 3.0,
        "independent_pct": 8.0,
        "contingency_pct": 3.0,
    }
    rows, totals = Q.investment(list(q.values()), prices)
    # by hand: part 1 = 0.03 ha × 9 000 + 120 m³ × 12 + 0.06 ha × 600 (tillage) = 270 + 1 440 + 36;
    # part 2 = 0 (pits priced but none laid); part 3 = 0.08 × 1 500
    assert totals["engineering"] == pytest.approx(1746.0)
    assert totals["vegetation"] == pytest.approx(0.0)
    assert totals["enclosure"] == pytest.approx(120.0)
    by_item = {r["ITEM"]: r for r in rows}
    assert by_item["grass_area"]["PRICE"] is None and not by_item["grass_area"]["PRICED"]
    assert totals["direct"] == pytest.approx(1866.0)
    assert totals["independent"] == pytest.approx(149.28)  # 8 % of 1 866
    assert totals["contingency"] == pytest.approx(60.4584)  # 3 % of 2 015.28
    assert totals["total"] == pytest.approx(2075.7384)
    assert sum(r["AMOUNT"] for r in rows) == pytest.approx(1866.0)  # each quantity priced once
    # rates given as parameters override the table's
    _rows, t2 = Q.investment(list(q.values()), prices, independent_pct=10.0, contingency_pct=0.0)
    assert t2["total"] == pytest.approx(1866.0 * 1.1)
    table = Q.investment_table(rows, totals)
    assert [(r["LEVEL"], r["PART"]) for r in table if r["LEVEL"] != "item"] == [
        ("part", "engineering"),
        ("part", "vegetation"),
        ("part", "enclosure"),
        ("sum", "direct"),
        ("sum", "independent"),
        ("sum", "contingency"),
        ("sum", "total"),
    ]
    last = table[-1]
    assert last["AMOUNT"] == pytest.approx(2075.7384) and last["AMOUNT_10K"] == pytest.approx(0.20757384)
    items = [r for r in table if r["LEVEL"] == "item"]
    assert len(items) == len(C.QUANTITY_ITEMS)
    parts_by_hand = {}
    for r in items:
        parts_by_hand[r["PART"]] = parts_by_hand.get(r["PART"], 0.0) + r["AMOUNT"]
    for r in table:
        if r["LEVEL"] == "part":
            assert r["AMOUNT"] == pytest.approx(parts_by_hand[r["PART"]])


def test_works_from_slopeworks_and_dams():
    works = Q.works_from_layouts(
        siltdams=[{"BODY_M3": 400.0}],
        pits=[{"count": 10, "earth_m3": 2.5}, {"COUNT": 5, "EARTH_M3": 1.0}],
        benches=[{"EARTH_M3": 7.0}],
    )
    assert works == {
        "siltdam_count": 1.0,
        "siltdam_volume": 400.0,
        "pit_count": 15.0,
        "pit_earthwork": 3.5,
        "bench_earthwork": 7.0,
        "seedling_count": 0.0,
    }


# -- benefits ----------------------------------------------------------------------------------------


def test_benefits_by_hand():
    before = [
        {"AREA_KM2": 2.0, "ERODED_KM2": 0.5, "SOIL_LOSS_T": 800.0, "SLIGHT_KM2": 1.5, "LIGHT_KM2": 0.5},
        {"AREA_KM2": 3.0, "ERODED_KM2": 1.5, "SOIL_LOSS_T": 1200.0, "SLIGHT_KM2": 1.5, "LIGHT_KM2": 1.5},
    ]
    after = [
        {
            "AREA_KM2": 2.0,
            "ERODED_KM2": 0.3,
            "SOIL_LOSS_T": 500.0,
            "BASE_LOSS_T": 800.0,
            "BASE_ERODED_KM2": 0.5,
        },
        {
            "AREA_KM2": 3.0,
            "ERODED_KM2": 1.0,
            "SOIL_LOSS_T": 700.0,
            "BASE_LOSS_T": 1200.0,
            "BASE_ERODED_KM2": 1.5,
        },
    ]
    s = B.before_after(before, after)
    b, a = s["before"], s["after"]
    # by hand: 2 000 t/a over 5 km² = 400 t/(km²·a); rate (5 − 2) / 5 = 60 %; after (5 − 1.3) / 5 = 74 %
    assert (b["soil_loss_t"], b["mean_modulus"], b["eroded_km2"], b["swc_rate"]) == (2000.0, 400.0, 2.0, 60.0)
    assert a["soil_loss_t"] == 1200.0 and a["mean_modulus"] == 240.0
    assert a["swc_rate"] == pytest.approx(74.0)
    assert b["class1_km2"] == 3.0 and b["class2_km2"] == 2.0 and b["class3_km2"] is None
    assert B.soil_saved(b, a) == 800.0
    rows = {r["INDICATOR"]: r for r in B.benefit_rows(b, a)}
    assert rows["soil_loss_t"]["CHANGE"] == -800.0 and rows["swc_rate"]["CHANGE"] == pytest.approx(14.0)
    assert rows["soil_loss_t"]["UNIT"] == "t/a"
    # without BEFORE the baseline columns of AFTER give the same before
    s2 = B.before_after(None, after)
    assert s2["before"]["soil_loss_t"] == 2000.0 and s2["before"]["swc_rate"] == 60.0
    # the status alone
    s3 = B.before_after(before, None)
    assert s3["after"]["soil_loss_t"] is None
    with pytest.raises(InputError):
        B.before_after(None, before)  # no baseline columns


def test_watershed_size_range_and_shipped_tables_listed():
    assert C.SMALL_WATERSHED_KM2 == (3.0, 50.0)
    with open(os.path.join(REPO, "resources", "tables", "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    for name in (C.UNIT_PRICES_CSV, C.LANDUSE_CATEGORIES_CSV, "measure_allocation_taihang.csv"):
        assert name in readme, name
    assert srs_wkt(4527)


# -- issue 14: a 2-measure, 3-land-use plan computed by hand from the shipped tables ---------------

#: 3 × 6 cells of 10 m: slope classes K2, slope in degrees D2 (consistent with the classes), land use U2
#: (1 cropland, 3 forest, 6 water, category values), allocation: terraces and fish-scale pits only.
K2 = np.array([[3, 3, 4, 5, 5, 5], [3, 4, 4, 5, 5, 3], [2, 2, 2, 5, 5, 3]], dtype=np.uint8)
D2 = np.array(
    [
        [10.0, 12.0, 20.0, 30.0, 40.0, 50.0],
        [8.0, 16.0, 24.0, 28.0, 46.0, 9.0],
        [4.0, 3.0, 5.0, 30.0, 44.0, 14.0],
    ]
)
U2 = np.array([[1, 1, 1, 1, 3, 3], [1, 1, 1, 3, 3, 3], [6, 6, 6, 3, 3, 3]], dtype=np.uint8)
ALLOC2 = {
    "cropland": ["none", "none", "terrace", "terrace", "soilforest_pits"],
    "forest": ["none", "soilforest_pits", "soilforest_pits", "soilforest_pits", "soilforest_pits"],
    "water": ["soilforest_pits"] * 5,
}
#: 永久基本农田 over the two western columns of the top row
BASIC2 = [rect(X0, Y0 - CELL, X0 + 2 * CELL, Y0)]


def plan_by_hand():
    """Measure and exclusion reason of every cell, by the rules written out cell by cell."""
    laid, excluded = {}, {}
    for r in range(3):
        for c in range(6):
            lu = {1: "cropland", 3: "forest", 6: "water"}[int(U2[r, c])]
            m = ALLOC2[lu][int(K2[r, c]) - 1]
            s = D2[r, c]
            reason = None
            if m != "none":
                if lu == "water":
                    reason = "water"
                elif lu == "cropland" and r == 0 and c < 2:
                    reason = "basic_farmland"
                elif m == "terrace" and not 6.0 <= s <= 25.0:
                    reason = "slope_low" if s < 6 else "slope_high"
                elif m == "soilforest_pits" and not 15.0 <= s <= 45.0:
                    reason = "slope_low" if s < 15 else "slope_high"
            if reason:
                excluded[(reason, m)] = excluded.get((reason, m), 0) + 1
                m = "none"
            laid[(lu, m)] = laid.get((lu, m), 0) + 1
    return laid, excluded


def csv_rows(name):
    import csv

    with open(os.path.join(REPO, "resources", "tables", name), encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@pytest.fixture
def plan2(tmp_path):
    combo = write_raster(tmp_path / "combo.tif", U2 * 10 + K2, origin=(X0, Y0), nodata=0, dtype=gdal.GDT_Byte)
    slope = write_raster(tmp_path / "slope.tif", D2.astype(np.float32), origin=(X0, Y0), nodata=-9999.0)
    return {"combo": combo, "slope": slope, "dir": tmp_path}


def test_eligibility_rules_cell_by_cell(plan2):
    out, excl = str(plan2["dir"] / "m.tif"), str(plan2["dir"] / "x.tif")
    res = A.measure_raster(
        plan2["combo"], out, ALLOC2, slope_path=plan2["slope"], basic_farmland=BASIC2, excluded_path=excl
    )
    laid, excluded = plan_by_hand()
    # worked out on paper: terraces on (0,2) 20°, (1,0) 8°, (1,1) 16°, (1,2) 24°; pits on cropland (0,3) 30°,
    # forest (0,4) 40°, (1,3) 28°, (2,3) 30°, (2,4) 44°; refused: (0,0), (0,1) basic farmland, (0,5) 50° and
    # (1,4) 46° too steep, (1,5) 9° and (2,5) 14° too gentle for pits, the three water cells
    assert laid == {
        ("cropland", "terrace"): 4,
        ("cropland", "none"): 2,
        ("cropland", "soilforest_pits"): 1,
        ("forest", "soilforest_pits"): 4,
        ("forest", "none"): 4,
        ("water", "none"): 3,
    }
    assert excluded == {
        ("basic_farmland", "terrace"): 2,
        ("slope_high", "soilforest_pits"): 2,
        ("slope_low", "soilforest_pits"): 2,
        ("water", "soilforest_pits"): 3,
    }
    assert res.areas_m2() == {"terrace": 400.0, "soilforest_pits": 500.0, "none": 900.0}
    assert res.excluded_m2() == {k: n * 100.0 for k, n in excluded.items()}
    assert res.landuse_m2() == {k: n * 100.0 for k, n in laid.items()}
    assert res.slope_checked
    arr, _nd, _gt = read(out)
    assert arr[0].tolist() == [0, 0, 7, 2, 2, 0]
    ex, nd, _gt = read(excl)
    assert nd == 0
    assert [A.split_excluded(v) for v in ex[0] if v] == [
        ("basic_farmland", "terrace"),
        ("basic_farmland", "terrace"),
        ("slope_high", "soilforest_pits"),
    ]
    pieces = {}
    for value, _wkb, area in A.measure_polygons(excl):
        key = A.split_excluded(value)
        pieces[key] = pieces.get(key, 0.0) + area
    assert pieces == pytest.approx(res.excluded_m2())
    rows = A.excluded_rows(res.excluded_m2())
    assert [r["REASON"] for r in rows] == ["water", "basic_farmland", "slope_low", "slope_high"]
    # without the slope raster the classes decide: class 5 (>25°) overlaps the pits' band (15–45°), class 3
    # (6–15°) only touches it: the 7 pit cells of class 5 keep their pits, the 2 forest cells of class 3 not
    res2 = A.measure_raster(plan2["combo"], str(plan2["dir"] / "m2.tif"), ALLOC2)
    assert res2.areas_m2()["soilforest_pits"] == 100.0 * 7
    assert res2.excluded_m2() == {
        ("water", "soilforest_pits"): 300.0,
        ("slope_low", "soilforest_pits"): 200.0,
    }
    assert not res2.slope_checked


def test_eligibility_bands_are_those_of_slopeworks_and_farmland():
    from swc_planner.algorithms.core import standards
    from swc_planner.algorithms.core.slopeworks import WorksSpec

    elig = A.Eligibility.default()
    spec = WorksSpec()  # slopeworks' own defaults (pits)
    assert elig.bands["pits"] == (spec.min_slope, spec.max_slope) == (15.0, 45.0)
    assert elig.bands["benches"] == (standards.BENCH_MIN_SLOPE_DEG, standards.BENCH_MAX_SLOPE_DEG)
    rule = [r for r in csv_rows("farmland_category_rules.csv") if r["category"] == "convert"][0]
    assert elig.bands["terrace"] == (float(rule["slope_min"]), standards.BAN_SLOPE_DEG)
    with pytest.raises(InputError, match="empty"):
        A.Eligibility({"pits": (30.0, 20.0)}).check()


def test_plan_quantities_investment_and_schedule_from_the_shipped_prices(plan2):
    res = A.measure_raster(
        plan2["combo"], str(plan2["dir"] / "m.tif"), ALLOC2, slope_path=plan2["slope"], basic_farmland=BASIC2
    )
    areas = res.areas_m2()
    works = Q.works_from_layouts(
        farmland=[{"EARTH_M3": 90.0, "CATEGORY": "convert"}],
        pits=[{"COUNT": 25, "EARTH_M3": 4.7, "SEEDLINGS": 25}],
    )
    info = T.price_info(T.unit_price_path())
    parts = {i: m["part"] for i, m in info.items()}
    qrows = Q.quantities(areas, works, parts)
    q = {r["ITEM"]: r["QUANTITY"] for r in qrows}
    assert q["terrace_area"] == pytest.approx(0.04) and q["soilforest_area"] == pytest.approx(0.05)
    assert q["pit_count"] == 25 and q["pit_earthwork"] == 4.7 and q["seedling_count"] == 25
    prices = T.load_prices(T.unit_price_path())
    rows, totals = Q.investment(qrows, prices, info=info)
    # by hand from the CSV, read here with the csv module
    p = {r["item"]: float(r["price"]) for r in csv_rows("unit_prices.csv")}
    engineering = 0.04 * p["terrace_area"] + 90.0 * p["terrace_earthwork"]
    vegetation = (
        0.05 * p["soilforest_area"] + 25 * p["pit_count"]
    )  # the pits' 4.7 m³ are in the price per pit
    assert totals["engineering"] == pytest.approx(engineering)
    assert totals["vegetation"] == pytest.approx(vegetation)
    assert totals["enclosure"] == 0.0
    independent = (engineering + vegetation) * p["independent_pct"] / 100
    contingency = (engineering + vegetation + independent) * p["contingency_pct"] / 100
    assert totals["independent"] == pytest.approx(independent)
    assert totals["contingency"] == pytest.approx(contingency)
    assert totals["total"] == pytest.approx(engineering + vegetation + independent + contingency)
    by = {r["ITEM"]: r for r in rows}
    assert by["pit_earthwork"]["AMOUNT"] == 0.0 and not by["pit_earthwork"]["PRICED"]
    assert by["terrace_area"]["PLACEHOLDER"] and by["terrace_area"]["SOURCE"].startswith("placeholder")
    # schedule over 2026–2028 with weights 3:2:1: the years add up to the plan
    years = Q.year_shares(2026, 2028, {2026: 3, 2027: 2, 2028: 1})
    assert [round(s, 6) for _y, s in years] == [0.5, round(1 / 3, 6), round(1 / 6, 6)]
    sched = Q.schedule(rows, totals, years)
    total_by_year = {r["YEAR"]: r["AMOUNT"] for r in sched if r["PART"] == "total"}
    assert sum(total_by_year.values()) == pytest.approx(totals["total"])
    # 25 pits by 3:2:1 in whole pits: 12.5, 8.33, 4.17 → 13, 8, 4 (the largest remainder takes the last one)
    pits = [r for r in sched if r["ITEM"] == "pit_count"]
    assert [r["QUANTITY"] for r in pits] == [13.0, 8.0, 4.0]
    assert pits[0]["AMOUNT"] == pytest.approx(13 * p["pit_count"])
    area_2026 = [r for r in sched if r["ITEM"] == "terrace_area" and r["YEAR"] == 2026][0]
    assert area_2026["QUANTITY"] == pytest.approx(0.02)  # half of 0.04 ha
    by_part = {(r["YEAR"], r["PART"]): r["AMOUNT"] for r in sched if r["LEVEL"] != "item"}
    for year in (2026, 2027, 2028):
        direct = by_part[(year, "engineering")] + by_part[(year, "vegetation")] + by_part[(year, "enclosure")]
        assert by_part[(year, "direct")] == pytest.approx(direct)
        assert by_part[(year, "independent")] == pytest.approx(direct * p["independent_pct"] / 100)
    with pytest.raises(InputError):
        Q.year_shares(2028, 2026)
    with pytest.raises(InputError):
        Q.year_shares(2026, 2027, {2030: 1})


def test_plan_benefits_by_class_from_the_shipped_tables(plan2):
    res = A.measure_raster(
        plan2["combo"], str(plan2["dir"] / "m.tif"), ALLOC2, slope_path=plan2["slope"], basic_farmland=BASIC2
    )
    areas = res.areas_m2()
    # the status (one zone) and the scenario with per-measure zones, as soilloss writes them
    before = [{"ZONE": "all", "AREA_KM2": 0.0018, "ERODED_KM2": 0.0012, "SOIL_LOSS_T": 9.0}]
    after = [
        {
            "ZONE": "terrace",
            "AREA_KM2": 0.0004,
            "SOIL_LOSS_T": 0.5,
            "BASE_LOSS_T": 3.0,
            "ERODED_KM2": 0.0001,
            "BASE_ERODED_KM2": 0.0003,
        },
        {
            "ZONE": "soilforest_pits",
            "AREA_KM2": 0.0005,
            "SOIL_LOSS_T": 2.0,
            "BASE_LOSS_T": 4.0,
            "ERODED_KM2": 0.0003,
            "BASE_ERODED_KM2": 0.0005,
        },
        {
            "ZONE": "none",
            "AREA_KM2": 0.0009,
            "SOIL_LOSS_T": 2.0,
            "BASE_LOSS_T": 2.0,
            "ERODED_KM2": 0.0004,
            "BASE_ERODED_KM2": 0.0004,
        },
    ]
    scenario = B.before_after(before, after)
    # after = before − the change inside the zones: 9 − (2.5 + 2 + 0) = 4.5 t/a; eroded 0.0012 − 0.0004
    assert scenario["after"]["soil_loss_t"] == pytest.approx(4.5)
    assert scenario["after"]["eroded_km2"] == pytest.approx(0.0008)
    assert scenario["after"]["swc_rate"] == pytest.approx(100 * (0.0018 - 0.0008) / 0.0018)
    rates = T.load_benefit_rates()
    csv_rate = {r["measure"]: r for r in csv_rows("benefit_rates.csv")}
    basic = {r["MEASURE"]: r for r in B.basic_rows(areas, after, rates, 60.0)}
    assert set(basic) == {"terrace", "soilforest_pits", "total"}
    assert basic["terrace"]["SOIL_RETAINED_T"] == pytest.approx(2.5)
    assert basic["soilforest_pits"]["SOIL_RETAINED_T"] == pytest.approx(2.0)
    # water: 400 m² × 60 mm × rate; 500 m² × 60 mm × rate
    w_t = 400 * 0.060 * float(csv_rate["terrace"]["water_pct"]) / 100
    w_p = 500 * 0.060 * float(csv_rate["soilforest_pits"]["water_pct"]) / 100
    assert basic["terrace"]["WATER_M3"] == pytest.approx(w_t)
    assert basic["total"]["WATER_M3"] == pytest.approx(w_t + w_p)
    assert basic["terrace"]["SOIL_RATE_T"] == pytest.approx(
        3.0 * float(csv_rate["terrace"]["sediment_pct"]) / 100
    )
    assert basic["total"]["SOIL_RETAINED_T"] == pytest.approx(4.5)
    econ = {r["MEASURE"]: r for r in B.economic_rows(areas, T.load_economic())}
    csv_econ = {r["measure"]: r for r in csv_rows("benefit_economic.csv")}
    v_t = 0.04 * float(csv_econ["terrace"]["yield_ha"]) * float(csv_econ["terrace"]["price"])
    v_p = 0.05 * float(csv_econ["soilforest_pits"]["yield_ha"]) * float(csv_econ["soilforest_pits"]["price"])
    assert econ["terrace"]["VALUE"] == pytest.approx(v_t)
    assert econ["total"]["VALUE"] == pytest.approx(v_t + v_p) and econ["total"]["PLACEHOLDER"]
    lu = {"cropland": 700.0, "forest": 800.0, "water": 300.0, "total": 1800.0}
    eco = {r["INDICATOR"]: r for r in B.ecological_rows(scenario, areas, lu, res.landuse_m2(), after)}
    # 林草覆盖率: forest 800 of 1 800 m²; after + the one cropland cell with pits = 900 m² = 50 %
    assert eco["forest_grass_cover"]["BEFORE"] == pytest.approx(100 * 800 / 1800)
    assert eco["forest_grass_cover"]["AFTER"] == pytest.approx(50.0)
    # 治理度: eroded area treated (terrace 0.0003 + pits 0.0005) / eroded 0.0012
    assert eco["treatment_degree"]["AFTER"] == pytest.approx(100 * 0.0008 / 0.0012)
    assert eco["treated_km2"]["AFTER"] == pytest.approx(0.0009)  # 400 + 500 m² with a measure
    social = {r["INDICATOR"]: r["VALUE"] for r in B.social_rows(areas, [{"SILT_M2": 2500.0}], [{}, {}])}
    assert social["terrace_ha"] == pytest.approx(0.04) and social["silted_land_ha"] == pytest.approx(0.25)
    assert social["siltdam_count"] == 1 and social["checkdam_count"] == 2
    # a rate outside 0–100 % is refused
    bad = plan2["dir"] / "rates.csv"
    bad.write_text("measure,water_pct,sediment_pct\nterrace,120,50\n", encoding="utf-8")
    with pytest.raises(InputError, match="water_pct"):
        T.load_benefit_rates(str(bad))


# -- 淤地坝: a gully whose storage need selects a dam of a known class ------------------------------


def v_valley(rows=100, cols=101, cell=20.0, bed=0.02, side=0.2):
    """A straight V valley draining south: bed gradient ``bed``, side slopes ``side`` (m/m)."""
    r = np.arange(rows)[:, None]
    c = np.arange(cols)[None, :]
    return 100.0 + bed * (rows - 1 - r) * cell + side * np.abs(c - cols // 2) * cell


def test_silt_dam_storage_need_selects_a_large2_dam(tmp_path):
    from swc_planner.algorithms.core.planning import siltdams as SD  # noqa: N812

    cell, bed, side = 20.0, 0.02, 0.2
    dem = write_raster(
        tmp_path / "v.tif",
        v_valley(cell=cell, bed=bed, side=side).astype(np.float32),
        origin=(X0, Y0),
        cell=cell,
    )
    modulus = 25062.0  # t/(km²·a): about 100 000 t/a from the 4 km² valley
    plan = SD.silt_dams_from_dem(
        dem, modulus_constant=modulus, settings=SD.SiltDamSettings(design_life=10.0, search_m=300.0)
    )
    assert len(plan.dams) == 1 and not plan.rejected
    d = plan.dams[0]
    # control area by hand: every cell north of the dam's row (all of them drain to the thalweg)
    assert d.col == 50
    control = (d.row + 1) * 101 * cell * cell / 1e6
    assert d.control_km2 == pytest.approx(control)
    sediment = modulus * control
    need = sediment * 10.0 / 1.35  # N = 10 years, γd = 1.35 t/m³
    assert d.sediment_t_a == pytest.approx(sediment) and d.need_m3 == pytest.approx(need)
    assert 50e4 <= need < 100e4
    assert (d.size_code, d.size_name) == ("large2", "大(2)型")
    # V-valley storage V(H) = H³ / (3·i·t): the height storing the need, within the grid's discretisation
    h = (3 * bed * side * need) ** (1 / 3)
    assert d.water_height_m == pytest.approx(h, rel=0.02)
    assert d.height_m == pytest.approx(d.water_height_m + 1.0)  # freeboard
    assert d.storage_m3 == pytest.approx(need, rel=1e-6)
    # silted area A(H) = H² / (i·t); crest length 2·H_dam / t
    assert d.silt_m2 == pytest.approx(d.silt_height_m**2 / (bed * side), rel=0.03)
    assert d.crest_m == pytest.approx(2 * d.height_m / side, rel=0.01)
    assert d.silt_wkb and ogr.CreateGeometryFromWkb(d.silt_wkb).GetArea() == pytest.approx(
        d.silt_m2, rel=0.05
    )
    # the same gully with a 5-year life: half the need, 中型
    plan5 = SD.silt_dams_from_dem(
        dem, modulus_constant=modulus, settings=SD.SiltDamSettings(design_life=5.0, search_m=300.0)
    )
    assert plan5.dams[0].size_code == "medium"
    # by class: the smallest class whose design life gives a need in that class (中型, 5 years)
    by_class = SD.silt_dams_from_dem(
        dem, modulus_constant=modulus, settings=SD.SiltDamSettings(search_m=300.0)
    )
    assert by_class.dams[0].life_years == 5.0 and by_class.dams[0].size_code == "medium"
    # a gully smaller than the control-area limits gets no 淤地坝 (谷坊 stay there): an empty plan
    none = SD.silt_dams_from_dem(
        dem, modulus_constant=modulus, settings=SD.SiltDamSettings(min_control_km2=5.0, max_control_km2=8.0)
    )
    assert not none.dams and none.stats["gullies"] == 0 and none.stats["largest_km2"] == pytest.approx(4.04)
    # a valley too small for the need below the maximum height: rejected with the reason
    low = SD.silt_dams_from_dem(
        dem, modulus_constant=modulus, settings=SD.SiltDamSettings(design_life=10.0, max_height_m=12.0)
    )
    assert not low.dams and low.rejected[0].reason == "too_small"
    with pytest.raises(InputError, match="soil-loss"):
        SD.silt_dams_from_dem(dem)
