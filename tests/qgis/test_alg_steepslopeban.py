"""swcplanner:steepslopeban against independent answers (gdaldem + cell-centre tests)."""

import os

import numpy as np
import pytest
from osgeo import gdal, ogr
from shapely.geometry import Polygon, box
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
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "b.gpkg"),
            "SUMMARY": str(tmp_path / "s.gpkg"),
            "TOWNSHIP_TABLE": str(tmp_path / "t_out.gpkg"),
        }
    )
    rows = {f["TOWNSHIP"]: f for f in iter_features(res["TOWNSHIP_TABLE"])}
    assert rows["一镇"]["BAN_KM2"] == pytest.approx(0.08) and rows["二乡"]["BAN_KM2"] == pytest.approx(0.16)
    assert rows["一镇"]["PATCHES"] == 1 and rows["二乡"]["PATCHES"] == 1  # one patch spans both
    assert rows["一镇"]["COUNTY"] == "丁县" and rows["二乡"]["SHARE_PCT"] == pytest.approx(100.0)


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
            "MIN_AREA": 0,
            "OUTPUT": str(tmp_path / "b2.gpkg"),
        },
        feedback=feedback,
    )
    assert {f["COUNTY"] for f in iter_features(res["OUTPUT"])} == {"涞水县"}
    assert not any(".cpg" in w for w in feedback.warnings), feedback.warnings
