"""swcplanner:steepslopeban against independent answers (gdaldem + cell-centre tests)."""

import os

import numpy as np
import pytest
from osgeo import gdal, ogr
from shapely.geometry import Point, Polygon, box
from synth import (
    capture_feedback,
    centres_inside,
    gdaldem_slope,
    iter_features,
    label_8,
    plane,
    read_array,
    write_polygons,
    write_raster,
)
from testdata import shared

pytestmark = pytest.mark.usefixtures("processing_ready")

BIG_TUJUNGA = ("bigtujunga_srtm30m", "srtm_bigtujunga30m_utm11.tif")


def run(params):
    import processing

    return processing.run("swcplanner:steepslopeban", params)


def two_counties(dem, folder):
    """Two synthetic counties splitting Big Tujunga along a slanted line (UTM 11N)."""
    _a, _nd, gt = read_array(dem)
    ds = gdal.Open(dem)
    x0, y1 = gt[0], gt[3]
    x1, y0 = x0 + gt[1] * ds.RasterXSize, y1 + gt[5] * ds.RasterYSize
    mid = (x0 + x1) / 2
    west = Polygon([(x0 - 50, y0 - 50), (mid + 1234, y0 - 50), (mid - 2000, y1 + 50), (x0 - 50, y1 + 50)])
    east = box(x0 - 50, y0 - 50, x1 + 50, y1 + 50).difference(west)
    uri = write_polygons(
        str(folder / "counties.gpkg"),
        [(west.wkb, {"name": "西县", "thr": 25.0}), (east.wkb, {"name": "东县", "thr": 30.0})],
        epsg=32611,
        layer="counties",
    )
    return uri, {"西县": west, "东县": east}


def summary_rows(path):
    return {f["COUNTY"]: f for f in iter_features(path)}


def test_banned_area_per_county_equals_independent_cell_count(tmp_path):
    dem = shared(*BIG_TUJUNGA)
    counties, polys = two_counties(dem, tmp_path)
    res = run(
        {
            "DEM": dem,
            "COUNTIES": counties,
            "COUNTY_FIELD": "name",
            "THRESHOLD": 25,
            "THRESHOLD_FIELD": "thr",
            "NO_LANDUSE_FILTER": True,
            "MIN_AREA": 0,
            "BLOCK_SIZE": 300,
            "OUTPUT": str(tmp_path / "ban.gpkg"),
            "SUMMARY": str(tmp_path / "sum.gpkg"),
        }
    )
    slope = gdaldem_slope(dem, tmp_path / "ref.tif")
    _arr, _nd, gt = read_array(dem)
    rows = summary_rows(res["SUMMARY"])
    for name, thr in (("西县", 25.0), ("东县", 30.0)):
        inside = centres_inside(polys[name], gt, slope.shape)
        expected_m2 = float(((slope > thr) & inside).sum()) * 900.0
        got_m2 = rows[name]["BAN_HA"] * 1e4
        assert got_m2 == pytest.approx(expected_m2, rel=0.005)
        assert rows[name]["THRESHOLD"] == thr
        assert rows[name]["AREA_KM2"] == pytest.approx(inside.sum() * 900 / 1e6, rel=1e-9)
    patches = list(iter_features(res["OUTPUT"]))
    # patch areas add up to the county totals, each polygon is a union of whole cells
    for name in polys:
        total = sum(p["AREA_M2"] for p in patches if p["COUNTY"] == name)
        assert total == pytest.approx(rows[name]["BAN_HA"] * 1e4)
    invalid = [p["PATCH_ID"] for p in patches if not p["_geom"].IsValid()]
    assert not invalid, f"OGC-invalid patch geometries: {invalid[:10]}"
    for p in patches[:200]:
        assert p["_geom"].GetArea() == pytest.approx(p["AREA_M2"])
        assert p["_geom"].GetArea() / 900.0 == pytest.approx(round(p["_geom"].GetArea() / 900.0))
        assert p["SLOPE_MAX"] > p["THRESHOLD"] and p["SLOPE_MEAN"] > p["THRESHOLD"]
        assert p["RULE"] == "general"


def test_min_area_removes_exactly_the_patches_below_it(tmp_path):
    dem = shared(*BIG_TUJUNGA)
    counties, polys = two_counties(dem, tmp_path)
    min_ha = 4.5  # 50 cells of 900 m²
    res = run(
        {
            "DEM": dem,
            "COUNTIES": counties,
            "COUNTY_FIELD": "name",
            "THRESHOLD": 32,
            "NO_LANDUSE_FILTER": True,
            "MIN_AREA": min_ha,
            "OUTPUT": str(tmp_path / "ban.gpkg"),
            "SUMMARY": str(tmp_path / "sum.gpkg"),
        }
    )
    slope = gdaldem_slope(dem, tmp_path / "ref.tif")
    _arr, _nd, gt = read_array(dem)
    got = sorted((p["COUNTY"], round(p["AREA_M2"])) for p in iter_features(res["OUTPUT"]))
    expected = []
    for name, poly in polys.items():
        mask = (slope > 32) & centres_inside(poly, gt, slope.shape)
        labels, n = label_8(mask)
        sizes = np.bincount(labels.ravel())[1:]
        expected += [(name, round(s * 900.0)) for s in sizes if s * 900.0 >= min_ha * 1e4]
    assert got == sorted(expected)
    assert min(a for _c, a in got) >= min_ha * 1e4


def test_per_county_and_reservoir_thresholds(tmp_path):
    # a 22° plane: banned in the county with a 20° field value, not in the 25° one,
    # except inside the reservoir catchment (20°)
    z = plane(60, 80, 22.0, cell=10.0)
    dem = write_raster(tmp_path / "plane.tif", z.astype(np.float32), origin=(39500000.0, 4500000.0))
    x0, y1 = 39500000.0, 4500000.0
    a = box(x0, y1 - 600, x0 + 400, y1)
    b = box(x0 + 400, y1 - 600, x0 + 800, y1)
    counties = write_polygons(
        str(tmp_path / "c.gpkg"),
        [(a.wkb, {"name": "甲县", "thr": 25.0}), (b.wkb, {"name": "乙县", "thr": 20.0})],
        layer="counties",
    )
    res_poly = box(x0 + 100, y1 - 300, x0 + 300, y1 - 100)
    reservoirs = write_polygons(str(tmp_path / "r.gpkg"), [(res_poly.wkb, {"id": 1})], layer="res")
    res = run(
        {
            "DEM": dem,
            "COUNTIES": counties,
            "COUNTY_FIELD": "name",
            "THRESHOLD": 25,
            "THRESHOLD_FIELD": "thr",
            "RESERVOIR_CATCHMENTS": reservoirs,
            "RESERVOIR_THRESHOLD": 20,
            "NO_LANDUSE_FILTER": True,
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "ban.gpkg"),
            "SUMMARY": str(tmp_path / "s.gpkg"),
        }
    )
    rows = summary_rows(res["SUMMARY"])
    assert rows["乙县"]["BAN_HA"] == pytest.approx(40 * 60 * 100 / 1e4)  # whole county
    assert rows["乙县"]["THRESHOLD"] == 20.0
    assert rows["甲县"]["BAN_HA"] == pytest.approx(20 * 20 * 100 / 1e4)  # only the catchment
    patches = {p["COUNTY"]: p for p in iter_features(res["OUTPUT"])}
    assert patches["甲县"]["RULE"] == "reservoir" and patches["甲县"]["THRESHOLD"] == 20.0
    assert patches["甲县"]["RES_HA"] == pytest.approx(4.0)
    assert patches["乙县"]["RULE"] == "general"


def test_landuse_and_exclusion_filters(tmp_path):
    z = plane(40, 40, 30.0, cell=10.0)
    dem = write_raster(tmp_path / "p.tif", z.astype(np.float32))
    x0, y1 = 39500000.0, 4500000.0
    county = box(x0, y1 - 400, x0 + 400, y1)
    counties = write_polygons(str(tmp_path / "c.gpkg"), [(county.wkb, {"name": "丙县"})], layer="c")
    forest = box(x0, y1 - 400, x0 + 200, y1)  # 0301 kept
    crop = box(x0 + 200, y1 - 400, x0 + 400, y1)  # 0103 not kept
    landuse = write_polygons(
        str(tmp_path / "lu.gpkg"), [(forest.wkb, {"DLBM": "0301"}), (crop.wkb, {"DLBM": "0103"})], layer="lu"
    )
    excl = write_polygons(
        str(tmp_path / "ex.gpkg"), [(box(x0, y1 - 100, x0 + 100, y1).wkb, {"id": 1})], layer="ex"
    )
    res = run(
        {
            "DEM": dem,
            "COUNTIES": counties,
            "COUNTY_FIELD": "name",
            "LANDUSE": landuse,
            "LANDUSE_FIELD": "DLBM",
            "LANDUSE_CODES": "03*,04*,1206",
            "EXCLUDE": excl,
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "b.gpkg"),
            "SUMMARY": str(tmp_path / "s.gpkg"),
        }
    )
    rows = summary_rows(res["SUMMARY"])
    assert rows["丙县"]["BAN_HA"] == pytest.approx((20 * 40 - 10 * 10) * 100 / 1e4)
    # the land-use filter removes a known area: the whole county (1 600 cells) is steeper than 25°,
    # the forest is 800 cells, so 800 cells of cropland (8 ha) are removed, then 1 ha excluded
    county = rows["丙县"]
    assert county["STEEP_KM2"] == pytest.approx(0.16) and county["LAND_KM2"] == pytest.approx(0.08)
    assert county["STEEP_KM2"] - county["LAND_KM2"] == pytest.approx(0.08)
    assert county["LAND_PCT"] == pytest.approx(100.0 * 700 / 800)
    assert county["PRELIM"] == 0 and county["NOTE"] is None


def test_townships_table(tmp_path):
    z = plane(40, 60, 30.0, cell=10.0)
    dem = write_raster(tmp_path / "p.tif", z.astype(np.float32))
    x0, y1 = 39500000.0, 4500000.0
    counties = write_polygons(
        str(tmp_path / "c.gpkg"), [(box(x0, y1 - 400, x0 + 600, y1).wkb, {"name": "丁县"})], layer="c"
    )
    towns = write_polygons(
        str(tmp_path / "t.gpkg"),
        [
            (box(x0, y1 - 400, x0 + 200, y1).wkb, {"xiang": "一镇"}),
            (box(x0 + 200, y1 - 400, x0 + 600, y1).wkb, {"xiang": "二乡"}),
        ],
        layer="t",
    )
    res = run(
        {
            "DEM": dem,
            "COUNTIES": counties,
            "COUNTY_FIELD": "name",
            "TOWNSHIPS": towns,
            "TOWNSHIP_FIELD": "xiang",
            "NO_LANDUSE_FILTER": True,
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "b.gpkg"),
            "SUMMARY": str(tmp_path / "s.gpkg"),
            "TOWNSHIP_TABLE": str(tmp_path / "t_out.gpkg"),
        }
    )
    rows = {f["TOWNSHIP"]: f for f in iter_features(res["TOWNSHIP_TABLE"])}
    assert rows["一镇"]["BAN_KM2"] == pytest.approx(0.08) and rows["二乡"]["BAN_KM2"] == pytest.approx(0.16)
    assert rows["一镇"]["PATCHES"] == 1 and rows["二乡"]["PATCHES"] == 1  # one patch, split at the line
    assert rows["一镇"]["COUNTY"] == "丁县" and rows["二乡"]["SHARE_PCT"] == pytest.approx(100.0)
    county = summary_rows(res["SUMMARY"])["丁县"]
    assert (county["PATCHES"], county["WHOLE_PATCHES"]) == (2, 1)
    assert county["BAN_KM2"] == pytest.approx(rows["一镇"]["BAN_KM2"] + rows["二乡"]["BAN_KM2"])


def test_hebei_counties_keep_chinese_names(tmp_path):
    import processing

    dem = shared("hebei_dem_30s", "hebei_dem_1km_cgcs2000_gk39.tif")
    counties = shared("hebei_admin", "hebei_admin_tianditu_cgcs2000.gpkg") + "|layername=counties"
    feedback = capture_feedback()
    res = processing.run(
        "swcplanner:steepslopeban",
        {
            "DEM": dem,
            "COUNTIES": counties,
            "COUNTY_FIELD": "district_name",
            "THRESHOLD": 8,
            "NO_LANDUSE_FILTER": True,
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "b.gpkg"),
            "SUMMARY": str(tmp_path / "s.gpkg"),
        },
        feedback=feedback,
    )
    table = list(iter_features(res["SUMMARY"]))
    assert len(table) == 167  # one row per county feature
    assert sum(r["COUNTY"] == "桥西区" for r in table) >= 2
    rows = {r["COUNTY"]: r for r in table}
    assert "涿鹿县" in rows and "平山县" in rows
    assert rows["平山县"]["PATCHES"] > 0
    names = {p["COUNTY"] for p in iter_features(res["OUTPUT"])}
    assert names <= set(rows) and "涿鹿县" in names
    assert any("coarser than 30 m" in w for w in feedback.warnings)
    assert any("not unique" in w for w in feedback.warnings)


def expect_error(params, pattern):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=pattern):
        run(params)


def test_errors_say_what_to_fix(tmp_path):
    hebei = shared("hebei_admin", "hebei_admin_tianditu_cgcs2000.gpkg") + "|layername=counties"
    base = {
        "COUNTY_FIELD": "district_name",
        "NO_LANDUSE_FILTER": True,
        "MIN_AREA": 0,
        "OUTPUT": str(tmp_path / "o.gpkg"),
        "SUMMARY": str(tmp_path / "s.gpkg"),
    }
    # geographic DEM: names the Gauss-Krüger zone
    expect_error(
        {**base, "DEM": shared("hebei_dem_30s", "hebei_dem_30arcsec_wgs84.tif"), "COUNTIES": hebei},
        "EPSG:4527",
    )
    # no overlap: Hebei counties on the Qinling DEM
    expect_error(
        {**base, "DEM": shared("qinling_dem_110m", "qinling_dem_100m_cgcs2000_gk36.tif"), "COUNTIES": hebei},
        "does not overlap",
    )
    # nodata-only DEM
    nod = write_raster(
        tmp_path / "nodata.tif",
        np.full((20, 20), -9999, np.float32),
        nodata=-9999,
        origin=(39500000.0, 4500000.0),
    )
    c = write_polygons(
        str(tmp_path / "c.gpkg"),
        [(box(39500000, 4499800, 39500200, 4500000).wkb, {"name": "戊县"})],
        layer="c",
    )
    expect_error({**base, "DEM": nod, "COUNTIES": c, "COUNTY_FIELD": "name"}, "no valid cell")
    assert not os.path.exists(tmp_path / "o.gpkg"), "an output was written despite the error"
    # empty layer
    empty = write_polygons(
        str(tmp_path / "e.gpkg"), [], layer="e", fields=[("name", 4)], geom_type=ogr.wkbPolygon
    )
    dem = shared(*BIG_TUJUNGA)
    expect_error({**base, "DEM": dem, "COUNTIES": empty, "COUNTY_FIELD": "name"}, "empty")
    # missing field
    expect_error({**base, "DEM": dem, "COUNTIES": c, "COUNTY_FIELD": "nosuchfield"}, "nosuchfield")


def test_invalid_geometry_is_repaired_and_reported(tmp_path):
    import processing

    z = plane(40, 40, 30.0)
    dem = write_raster(tmp_path / "p.tif", z.astype(np.float32))
    x0, y1 = 39500000.0, 4500000.0
    bowtie = Polygon([(x0, y1), (x0 + 400, y1 - 400), (x0 + 400, y1), (x0, y1 - 400), (x0, y1)])
    assert not bowtie.is_valid
    c = write_polygons(str(tmp_path / "c.gpkg"), [(bowtie.wkb, {"name": "己县"})], layer="c")

    fb = capture_feedback()
    res = processing.run(
        "swcplanner:steepslopeban",
        {
            "DEM": dem,
            "COUNTIES": c,
            "COUNTY_FIELD": "name",
            "NO_LANDUSE_FILTER": True,
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "o.gpkg"),
            "SUMMARY": str(tmp_path / "s.gpkg"),
        },
        feedback=fb,
    )
    assert any("repaired 1 invalid" in w for w in fb.warnings)
    rows = summary_rows(res["SUMMARY"])
    assert rows["己县"]["BAN_HA"] > 0


def test_cancel_stops_and_writes_nothing(tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelAt(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.steps = 0

        def setProgress(self, value):  # noqa: N802
            super().setProgress(value)
            self.steps += 1
            if value > 10:
                self.cancel()

    dem = shared(*BIG_TUJUNGA)
    counties, _ = two_counties(dem, tmp_path)
    fb = CancelAt()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run(
            "swcplanner:steepslopeban",
            {
                "DEM": dem,
                "COUNTIES": counties,
                "COUNTY_FIELD": "name",
                "NO_LANDUSE_FILTER": True,
                "MIN_AREA": 0,
                "BLOCK_SIZE": 64,
                "OUTPUT": str(tmp_path / "o.gpkg"),
                "SUMMARY": str(tmp_path / "s.gpkg"),
            },
            feedback=fb,
        )
    assert not os.path.exists(tmp_path / "o.gpkg") and not os.path.exists(tmp_path / "s.gpkg")


def test_gbk_shapefile_chinese_field_and_path(tmp_path):
    """A GBK shapefile with a Chinese field name, in a folder with a Chinese name."""
    from osgeo import osr

    folder = tmp_path / "河北数据"
    folder.mkdir()
    z = plane(40, 40, 30.0)
    dem = write_raster(folder / "高程_10米.tif", z.astype(np.float32))
    x0, y1 = 39500000.0, 4500000.0
    shp = str(folder / "县界.shp")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    # QGIS sets SHAPE_ENCODING="" (no recoding by OGR) in its process: lift it to write real GBK
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(shp)
    lyr = ds.CreateLayer("县界", srs, ogr.wkbPolygon, ["ENCODING=GBK"])
    lyr.CreateField(ogr.FieldDefn("县名", ogr.OFTString))
    for name, poly in (
        ("阜平县", box(x0, y1 - 400, x0 + 200, y1)),
        ("曲阳县", box(x0 + 200, y1 - 400, x0 + 400, y1)),
    ):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("县名", name)
        f.SetGeometry(ogr.CreateGeometryFromWkb(poly.wkb))
        lyr.CreateFeature(f)
    ds = None
    gdal.SetConfigOption("SHAPE_ENCODING", previous)
    assert (folder / "县界.cpg").read_text().strip().upper() in ("GBK", "CP936", "936")
    raw = (folder / "县界.dbf").read_bytes()
    assert "阜平县".encode("gbk") in raw and "阜平县".encode() not in raw
    res = run(
        {
            "DEM": dem,
            "COUNTIES": shp,
            "COUNTY_FIELD": "县名",
            "NO_LANDUSE_FILTER": True,
            "MIN_AREA": 0,
            "OUTPUT": str(folder / "禁垦图斑.gpkg"),
            "SUMMARY": str(folder / "汇总.gpkg"),
        }
    )
    rows = summary_rows(res["SUMMARY"])
    assert set(rows) == {"阜平县", "曲阳县"}
    assert rows["阜平县"]["BAN_HA"] == pytest.approx(20 * 40 * 100 / 1e4)


def test_gbk_shapefile_without_cpg_is_read_as_gbk_with_a_warning(tmp_path):
    """County data very often come as GBK shapefiles without their .cpg: read as GB18030, with a warning."""
    import processing
    from osgeo import osr
    from synth import capture_feedback

    z = plane(40, 40, 30.0)
    dem = write_raster(tmp_path / "dem.tif", z.astype(np.float32))
    x0, y1 = 39500000.0, 4500000.0
    shp = str(tmp_path / "县界.shp")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)  # let OGR write real GBK (QGIS turns recoding off)
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(shp)
    lyr = ds.CreateLayer("县界", srs, ogr.wkbPolygon, ["ENCODING=GBK"])
    lyr.CreateField(ogr.FieldDefn("县名", ogr.OFTString))
    for name, poly in (
        ("阜平县", box(x0, y1 - 400, x0 + 200, y1)),
        ("曲阳县", box(x0 + 200, y1 - 400, x0 + 400, y1)),
    ):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("县名", name)
        f.SetGeometry(ogr.CreateGeometryFromWkb(poly.wkb))
        lyr.CreateFeature(f)
    ds = None
    gdal.SetConfigOption("SHAPE_ENCODING", previous)
    os.remove(str(tmp_path / "县界.cpg"))
    raw = (tmp_path / "县界.dbf").read_bytes()
    assert "阜平县".encode("gbk") in raw and "县名".encode("gbk") in raw  # GBK on disk, nothing says so
    feedback = capture_feedback()
    res = processing.run(
        "swcplanner:steepslopeban",
        {
            "DEM": dem,
            "COUNTIES": shp,
            "COUNTY_FIELD": "县名",
            "NO_LANDUSE_FILTER": True,
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "ban.gpkg"),
            "SUMMARY": str(tmp_path / "sum.gpkg"),
        },
        feedback=feedback,
    )
    rows = summary_rows(res["SUMMARY"])
    assert set(rows) == {"阜平县", "曲阳县"}
    assert {f["COUNTY"] for f in iter_features(res["OUTPUT"])} == {"阜平县", "曲阳县"}
    assert any(".cpg" in w and "GB18030" in w for w in feedback.warnings), feedback.warnings
    # a UTF-8 shapefile without .cpg is read as it is, without a warning
    utf8 = write_polygons(
        str(tmp_path / "utf8.shp"),
        [(box(x0, y1 - 400, x0 + 400, y1).wkb, {"name": "涞水县"})],
        driver="ESRI Shapefile",
    )
    for ext in (".cpg", ".CPG"):
        if os.path.exists(str(tmp_path / ("utf8" + ext))):
            os.remove(str(tmp_path / ("utf8" + ext)))
    feedback = capture_feedback()
    res = processing.run(
        "swcplanner:steepslopeban",
        {
            "DEM": dem,
            "COUNTIES": utf8,
            "COUNTY_FIELD": "name",
            "NO_LANDUSE_FILTER": True,
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "b2.gpkg"),
        },
        feedback=feedback,
    )
    assert {f["COUNTY"] for f in iter_features(res["OUTPUT"])} == {"涞水县"}
    assert not any(".cpg" in w for w in feedback.warnings), feedback.warnings


# --- issue 15: land use required, township split, notice tables, red line, dam points ----------------
X0, Y1 = 39500000.0, 4500000.0


def cells_box(r0, r1, c0, c1, cell=10.0):
    """Box over rows r0..r1-1 and columns c0..c1-1 of a grid with its corner at (X0, Y1)."""
    return box(X0 + c0 * cell, Y1 - r1 * cell, X0 + c1 * cell, Y1 - r0 * cell)


def forest_scene(tmp_path):
    """A 30° plane of 60 × 80 cells (all steeper than 25°), one county, townships 甲镇 (cols < 35)
    and 乙乡; an 8 ha forest block (rows 10–29, cols 10–49) over the township line (5 ha in 甲镇,
    3 ha in 乙乡) and a 4 ha block (rows 40–59, cols 55–74) in 乙乡; the rest cropland."""
    z = plane(60, 80, 30.0, cell=10.0).astype(np.float32)
    dem = write_raster(tmp_path / "p30.tif", z)
    counties = write_polygons(
        str(tmp_path / "c.gpkg"), [(cells_box(0, 60, 0, 80).wkb, {"name": "涞源县"})], layer="c"
    )
    towns = write_polygons(
        str(tmp_path / "t.gpkg"),
        [(cells_box(0, 60, 0, 35).wkb, {"name": "甲镇"}), (cells_box(0, 60, 35, 80).wkb, {"name": "乙乡"})],
        layer="t",
    )
    crop = cells_box(0, 60, 0, 80).difference(cells_box(10, 30, 10, 50)).difference(cells_box(40, 60, 55, 75))
    landuse = write_polygons(
        str(tmp_path / "lu.gpkg"),
        [
            (cells_box(10, 30, 10, 50).wkb, {"DLBM": "0301"}),
            (cells_box(40, 60, 55, 75).wkb, {"DLBM": "0404"}),
            (crop.wkb, {"DLBM": "0103"}),
        ],
        layer="lu",
    )
    return dem, counties, towns, landuse


def test_an_8_ha_patch_over_two_townships_counts_5_and_3_ha(tmp_path):
    """MIN_AREA 5 ha keeps the whole 8 ha patch (its 3 ha part included) and drops the 4 ha block;
    the township rows (1 patch of 5 ha, 1 patch of 3 ha) add up to the county row (2 patches, 8 ha)."""
    dem, counties, towns, landuse = forest_scene(tmp_path)
    res = run(
        {
            "DEM": dem,
            "COUNTIES": counties,
            "COUNTY_FIELD": "name",
            "LANDUSE": landuse,
            "LANDUSE_FIELD": "DLBM",
            "TOWNSHIPS": towns,
            "TOWNSHIP_FIELD": "name",
            "MIN_AREA": 5,
            "OUTPUT": str(tmp_path / "b.gpkg"),
            "SUMMARY": str(tmp_path / "s.gpkg"),
            "TOWNSHIP_TABLE": str(tmp_path / "t.gpkg"),
            "NOTICE_TOWNSHIP": str(tmp_path / "nt.gpkg"),
            "NOTICE_COUNTY": str(tmp_path / "nc.gpkg"),
        }
    )
    towns_out = {f["TOWNSHIP"]: f for f in iter_features(res["TOWNSHIP_TABLE"])}
    assert (towns_out["甲镇"]["PATCHES"], towns_out["甲镇"]["BAN_HA"]) == (1, pytest.approx(5.0))
    assert (towns_out["乙乡"]["PATCHES"], towns_out["乙乡"]["BAN_HA"]) == (1, pytest.approx(3.0))
    county = summary_rows(res["SUMMARY"])["涞源县"]
    assert (county["PATCHES"], county["BAN_HA"], county["WHOLE_PATCHES"]) == (2, pytest.approx(8.0), 1)
    assert county["PATCHES"] == sum(f["PATCHES"] for f in towns_out.values())
    assert county["BAN_KM2"] == pytest.approx(sum(f["BAN_KM2"] for f in towns_out.values()))
    # 12 ha of forest and grass (0301, 0404), 8 ha of it banned
    assert county["LAND_KM2"] == pytest.approx(0.12) and county["LAND_PCT"] == pytest.approx(200 / 3)
    assert county["OUT_TOWN_KM2"] == pytest.approx(0.0)
    patches = sorted(iter_features(res["OUTPUT"]), key=lambda f: f["TOWNSHIP"])
    assert [(p["TOWNSHIP"], p["AREA_HA"], p["WHOLE_HA"], p["WHOLE_ID"]) for p in patches] == [
        ("乙乡", pytest.approx(3.0), pytest.approx(8.0), 1),
        ("甲镇", pytest.approx(5.0), pytest.approx(8.0), 1),
    ]
    # the notice tables: Chinese columns as published (8 ha = 120 亩, 5 ha = 75 亩)
    (nc,) = list(iter_features(res["NOTICE_COUNTY"]))
    assert nc["县（市、区）"] == "涞源县" and nc["图斑个数"] == 2
    assert nc["禁垦面积(km²)"] == pytest.approx(0.08) and nc["禁垦面积(亩)"] == pytest.approx(120.0)
    assert nc["县域面积(km²)"] == pytest.approx(0.48) and nc["占县域面积比例(%)"] == pytest.approx(16.67)
    assert nc["占林地草地裸土地面积比例(%)"] == pytest.approx(66.67) and nc["备注"] is None
    nt = {f["乡镇名称"]: f for f in iter_features(res["NOTICE_TOWNSHIP"])}
    assert nt["甲镇"]["图斑个数"] == 1 and nt["甲镇"]["禁垦面积(km²)"] == pytest.approx(0.05)
    assert nt["甲镇"]["乡镇面积(km²)"] == pytest.approx(0.21) and nt["甲镇"]["禁垦面积(亩)"] == pytest.approx(
        75.0
    )
    assert nt["乙乡"]["占乡镇面积比例(%)"] == pytest.approx(round(100 * 0.03 / 0.27, 2))
    assert sorted(f["序号"] for f in nt.values()) == [1, 2]


def test_without_landuse_the_run_stops_unless_marked_preliminary(tmp_path):
    from qgis.core import QgsProcessingException

    dem, counties, towns, _landuse = forest_scene(tmp_path)
    base = {
        "DEM": dem,
        "COUNTIES": counties,
        "COUNTY_FIELD": "name",
        "TOWNSHIPS": towns,
        "TOWNSHIP_FIELD": "name",
        "MIN_AREA": 0,
        "OUTPUT": str(tmp_path / "b.gpkg"),
        "SUMMARY": str(tmp_path / "s.gpkg"),
        "TOWNSHIP_TABLE": str(tmp_path / "t.gpkg"),
        "NOTICE_TOWNSHIP": str(tmp_path / "nt.gpkg"),
        "NOTICE_COUNTY": str(tmp_path / "nc.gpkg"),
    }
    with pytest.raises(QgsProcessingException, match="LANDUSE.*NO_LANDUSE_FILTER"):
        run(base)
    assert not os.path.exists(tmp_path / "b.gpkg")
    res = run({**base, "NO_LANDUSE_FILTER": True})
    note = "preliminary, no land-use filter"
    for key in ("OUTPUT", "SUMMARY", "TOWNSHIP_TABLE"):
        rows = list(iter_features(res[key]))
        assert rows and all(r["PRELIM"] == 1 and r["NOTE"] == note for r in rows), key
    for key in ("NOTICE_TOWNSHIP", "NOTICE_COUNTY"):
        assert all("初步结果" in r["备注"] for r in iter_features(res[key])), key
    county = summary_rows(res["SUMMARY"])["涞源县"]
    assert county["BAN_KM2"] == pytest.approx(0.48) and county["LAND_KM2"] is None


def test_red_line_overlap(tmp_path):
    dem, counties, towns, landuse = forest_scene(tmp_path)
    # red line over rows 0–19, cols 30–79: 200 cells of the 8 ha block (rows 10–19 × cols 30–49)
    red = write_polygons(str(tmp_path / "red.gpkg"), [(cells_box(0, 20, 30, 80).wkb, {"id": 1})], layer="r")
    res = run(
        {
            "DEM": dem,
            "COUNTIES": counties,
            "COUNTY_FIELD": "name",
            "LANDUSE": landuse,
            "LANDUSE_FIELD": "DLBM",
            "TOWNSHIPS": towns,
            "TOWNSHIP_FIELD": "name",
            "RED_LINE": red,
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "b.gpkg"),
            "SUMMARY": str(tmp_path / "s.gpkg"),
            "TOWNSHIP_TABLE": str(tmp_path / "t.gpkg"),
            "NOTICE_COUNTY": str(tmp_path / "nc.gpkg"),
        }
    )
    county = summary_rows(res["SUMMARY"])["涞源县"]
    assert county["RED_KM2"] == pytest.approx(0.02) and county["RED_PCT"] == pytest.approx(100 * 2 / 12)
    towns_out = {f["TOWNSHIP"]: f for f in iter_features(res["TOWNSHIP_TABLE"])}
    assert towns_out["甲镇"]["RED_KM2"] == pytest.approx(0.005)  # cols 30–34
    assert sum(p["RED_HA"] for p in iter_features(res["OUTPUT"])) == pytest.approx(2.0)
    (nc,) = list(iter_features(res["NOTICE_COUNTY"]))
    assert nc["生态保护红线内面积(km²)"] == pytest.approx(0.02)
    assert nc["占禁垦面积比例(%)"] == pytest.approx(16.67)


def v_valley_dem(tmp_path, rows=60, cols=41):
    """A V-shaped valley (thalweg down column 20, falling 0.1 m/m southwards, sides tan 22°): side
    cells drain sideways, the thalweg south, so the catchment of the thalweg cell in row r is rows
    0..r, every column; the sides' Horn slope is atan(hypot(tan 22°, 0.1)) = 22.6°."""
    rr, cc = np.mgrid[0:rows, 0:cols].astype(float)
    z = 1000.0 + np.tan(np.radians(22.0)) * np.abs(cc - 20) * 10.0 + 0.1 * (rows - rr) * 10.0
    return write_raster(tmp_path / "valley.tif", z.astype(np.float32))


def test_reservoir_dam_point_catchment_matches_the_watershed_algorithm(tmp_path):
    import processing
    from osgeo import ogr as _ogr
    from shapely import wkb as swkb

    dem = v_valley_dem(tmp_path)
    counties = write_polygons(
        str(tmp_path / "c.gpkg"), [(cells_box(0, 60, 0, 41).wkb, {"name": "密云区"})], layer="c"
    )
    landuse = write_polygons(
        str(tmp_path / "lu.gpkg"), [(cells_box(0, 60, 0, 41).wkb, {"DLBM": "0301"})], layer="lu"
    )
    dam = Point(X0 + 20.5 * 10.0, Y1 - 30.5 * 10.0)  # the thalweg cell of row 30
    small = Point(X0 + 20.5 * 10.0, Y1 - 50.5 * 10.0)  # a small reservoir downstream: not used
    dams = write_polygons(
        str(tmp_path / "dams.gpkg"),
        [(dam.wkb, {"GCGM": "中型"}), (small.wkb, {"GCGM": "小(1)型"})],
        layer="dams",
        geom_type=_ogr.wkbPoint,
    )
    res = run(
        {
            "DEM": dem,
            "COUNTIES": counties,
            "COUNTY_FIELD": "name",
            "LANDUSE": landuse,
            "LANDUSE_FIELD": "DLBM",
            "RESERVOIRS": dams,
            "RESERVOIR_CLASS_FIELD": "GCGM",
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "b.gpkg"),
            "SUMMARY": str(tmp_path / "s.gpkg"),
            "CATCHMENTS": str(tmp_path / "catch.gpkg"),
        }
    )
    (catch,) = list(iter_features(res["CATCHMENTS"]))
    assert catch["RES_CLASS"] == "中型" and catch["AT_EDGE"] == 1
    # snapping (60 m = 6 cells) moves the dam down the thalweg to row 36: rows 0..36, all columns
    assert catch["SNAP_M"] == pytest.approx(60.0) and catch["AREA_KM2"] == pytest.approx(37 * 41 * 100 / 1e6)
    # the same catchment as swcplanner:watershed from the same point with the same snapping
    ws = processing.run(
        "swcplanner:watershed",
        {"DEM": dem, "OUTLETS": dams, "SNAP_DISTANCE": 60, "OUTPUT": str(tmp_path / "ws.gpkg")},
    )
    (ws_dam,) = [f for f in iter_features(ws["OUTPUT"]) if f["OUTLET_ID"] == catch["RES_ID"]]
    ours = swkb.loads(bytes(catch["_geom"].ExportToWkb()))
    theirs = swkb.loads(bytes(ws_dam["_geom"].ExportToWkb()))
    assert ours.symmetric_difference(theirs).area == pytest.approx(0.0, abs=1e-6)
    # the 20° rule inside it (gdaldem slope as the independent answer), 25° outside
    slope = gdaldem_slope(dem, tmp_path / "ref.tif")
    inside = np.zeros(slope.shape, bool)
    inside[:37, :] = True
    expected = ((slope > 20) & inside) | ((slope > 25) & ~inside)
    county = summary_rows(res["SUMMARY"])["密云区"]
    assert county["BAN_HA"] == pytest.approx(expected.sum() * 100 / 1e4)
    # by hand: the side cells (22.6°) of rows 0..36 are banned, the thalweg (5.7°) is not, nothing
    # outside (22.6° < 25°); the two patches are the two sides
    sides = np.ones(41, bool)
    sides[20] = False
    assert expected[1:37][:, sides].all() and not expected[:, 20].any() and not expected[37:].any()
    assert county["PATCHES"] == 2
    assert {p["RULE"] for p in iter_features(res["OUTPUT"])} == {"reservoir"}
