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
    for item, _measure, _unit in C.QUANTITY_ITEMS:
        assert prices[item] > 0, item
    for item in C.RATE_ITEMS:
        assert 0 < prices[item] < 100
    with pytest.raises(InputError):
        T.allocation_path("plain")


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
    # by hand: part 1 = 0.03 ha × 9 000 + 120 m³ × 12 = 270 + 1 440; part 2 = 0.06 × 600; part 3 = 0.08 × 1 500
    assert totals["engineering"] == pytest.approx(1710.0)
    assert totals["vegetation"] == pytest.approx(36.0)
    assert totals["enclosure"] == pytest.approx(120.0)
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
