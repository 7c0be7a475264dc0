"""swcplanner:swcrate and soilloss with wind erosion, erosion-type zones, the land-area denominator and the
crop-rotation T (issue 13 items 3 and 4), through processing.run.

Independent answers: the issue's 100-cell case counted by hand, a coarse wind raster whose cells cover
known fine cells, type zones over known halves, and A = 100·R·K·LS·B·T written out for cropland with the
zone's T (Guo, Liu, Xie et al. 2015: one crop a year 0.37, two crops 0.36, mean 0.34).
"""

import csv

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from synth import capture_feedback, write_raster

X0, Y0 = 39500000.0, 4500000.0
CELL = 100.0  # 1 ha


def _run(alg, params, feedback=None):
    import processing

    return processing.run("swcplanner:" + alg, params, feedback=feedback)


def _polygons(path, features, field="name", layer="polys"):
    """GeoPackage polygons ``[((x0, y0, x1, y1), value)]`` in EPSG:4527 with one text field."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, srs, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    for (x0, y0, x1, y1), value in features:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField(field, value)
        f.SetGeometry(
            ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")
        )
        lyr.CreateFeature(f)
    ds = None
    return str(path) + f"|layername={layer}"


def _table(path):
    with open(path, encoding="utf-8") as handle:
        return {r["ZONE"]: r for r in csv.DictReader(handle)}


def _issue_rasters(tmp_path):
    """100 cells of 1 ha: water eroded in cells 0–19, no water value in 20–24, wind eroded in 40–54."""
    water = np.full(100, 50.0)
    water[:20] = 500.0
    water[20:25] = -9999.0
    wind = np.full(100, 100.0)
    wind[40:55] = 3000.0
    p_w = write_raster(tmp_path / "water.tif", water.reshape(10, 10), (X0, Y0), CELL, nodata=-9999.0)
    p_wind = write_raster(tmp_path / "wind.tif", wind.reshape(10, 10), (X0, Y0), CELL)
    unit = _polygons(tmp_path / "unit.gpkg", [((X0, Y0 - 1000, X0 + 1000, Y0), "某乡")])
    return p_w, p_wind, unit


def test_swcrate_issue_case_water_wind_nodata(processing_ready, tmp_path):
    p_w, p_wind, unit = _issue_rasters(tmp_path)
    fb = capture_feedback()
    out = str(tmp_path / "rate.csv")
    _run(
        "swcrate",
        {"INPUT": p_w, "ZONES": unit, "ZONE_FIELD": "name", "WIND": p_wind, "OUTPUT": out},
        feedback=fb,
    )
    r = _table(out)["某乡"]
    assert float(r["AREA_KM2"]) == pytest.approx(1.0)  # the unit's land area, 100 ha
    assert float(r["ERODED_KM2"]) == pytest.approx(0.35)  # 20 + 15, disjoint, counted once
    assert float(r["WATER_KM2"]) == pytest.approx(0.20) and float(r["WIND_KM2"]) == pytest.approx(0.15)
    assert float(r["BOTH_KM2"]) == 0.0
    assert float(r["NODATA_KM2"]) == pytest.approx(0.05) and float(r["NODATA_PCT"]) == pytest.approx(5.0)
    assert float(r["COVER_PCT"]) == pytest.approx(95.0)
    # (100 − 35) / 100 = 65 %; at worst (every gap eroded) (100 − 40) / 100
    assert float(r["SWC_RATE"]) == pytest.approx(65.0) and float(r["SWC_RATE_MIN"]) == pytest.approx(60.0)
    assert float(r["GAP_1"]) == pytest.approx(79.96 - 65.0)
    assert float(r["TREAT_1_KM2"]) == pytest.approx(0.35 - (1 - 0.7996))
    assert float(r["LIGHT_KM2"]) == pytest.approx(0.20) and float(r["WIND_MODERATE_KM2"]) == pytest.approx(
        0.15
    )
    assert r["WIND_KIND"] == "modulus" and r["INPUT_KIND"] == "modulus"
    assert any("95.0 %" in w and "某乡" in w and "60.00 %" in w for w in fb.warnings), fb.warnings


def test_swcrate_wind_classes_on_a_coarser_grid_and_type_zones(processing_ready, tmp_path):
    p_w, _p_wind, unit = _issue_rasters(tmp_path)
    # SL 190 wind classes on 200 m cells: one 中度 (3) cell over fine rows 0–1, cols 8–9 (fine cells
    # 8, 9, 18, 19, water-eroded too) and one 强烈 (4) over rows 6–7, cols 0–1; slight (1) elsewhere
    coarse = np.ones((5, 5), dtype=np.uint8)
    coarse[0, 4] = 3
    coarse[3, 0] = 4
    p_c = write_raster(tmp_path / "wind_cls.tif", coarse, (X0, Y0), 200.0, dtype=gdal.GDT_Byte)
    out = str(tmp_path / "rate.csv")
    _run("swcrate", {"INPUT": p_w, "ZONES": unit, "ZONE_FIELD": "name", "WIND": p_c, "OUTPUT": out})
    r = _table(out)["某乡"]
    assert r["WIND_KIND"] == "intensity"
    assert float(r["WIND_KM2"]) == pytest.approx(0.08) and float(r["BOTH_KM2"]) == pytest.approx(0.04)
    assert float(r["ERODED_KM2"]) == pytest.approx(0.20 + 0.04)
    # type zones: the west half (cols 0–4) 风蚀, the east half 水蚀
    types = _polygons(
        tmp_path / "types.gpkg",
        [((X0, Y0 - 1000, X0 + 500, Y0), "风蚀"), ((X0 + 500, Y0 - 1000, X0 + 1000, Y0), "水蚀")],
        field="类型",
    )
    out2 = str(tmp_path / "rate2.csv")
    _run(
        "swcrate",
        {
            "INPUT": p_w,
            "ZONES": unit,
            "ZONE_FIELD": "name",
            "WIND": p_c,
            "EROSION_TYPES": types,
            "EROSION_TYPE_FIELD": "类型",
            "OUTPUT": out2,
        },
    )
    r2 = _table(out2)["某乡"]
    # west: only wind counts → the 强烈 block (4 cells); the water-eroded cells 0–4, 10–14 and the
    # water gaps 20–24 do not count there.  east: only water → cells 5–9, 15–19 (10); no gap left
    assert float(r2["WIND_KM2"]) == pytest.approx(0.04) and float(r2["WATER_KM2"]) == pytest.approx(0.10)
    assert float(r2["ERODED_KM2"]) == pytest.approx(0.14) and float(r2["NODATA_KM2"]) == 0.0
    assert float(r2["SWC_RATE"]) == pytest.approx(86.0)


def test_swcrate_unit_beyond_the_raster_and_errors(processing_ready, tmp_path):
    p_w, p_wind, _unit = _issue_rasters(tmp_path)
    # a unit twice as wide as the raster: 1 km² of it lies beyond the raster
    wide = _polygons(tmp_path / "wide.gpkg", [((X0, Y0 - 1000, X0 + 2000, Y0), "大乡")])
    out = str(tmp_path / "rate.csv")
    fb = capture_feedback()
    _run("swcrate", {"INPUT": p_w, "ZONES": wide, "ZONE_FIELD": "name", "OUTPUT": out}, feedback=fb)
    r = _table(out)["大乡"]
    assert float(r["AREA_KM2"]) == pytest.approx(2.0) and float(r["POLY_KM2"]) == pytest.approx(2.0)
    assert float(r["NODATA_KM2"]) == pytest.approx(1.05) and float(r["SWC_RATE"]) == pytest.approx(90.0)
    assert any("大乡" in w for w in fb.warnings)
    # an erosion-type value that is not a type: named in the error, with the accepted ones
    bad = _polygons(tmp_path / "bad.gpkg", [((X0, Y0 - 1000, X0 + 1000, Y0), "冻融")], field="t")
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="冻融.*水蚀"):
        _run(
            "swcrate",
            {
                "INPUT": p_w,
                "ZONES": wide,
                "ZONE_FIELD": "name",
                "EROSION_TYPES": bad,
                "EROSION_TYPE_FIELD": "t",
                "OUTPUT": str(tmp_path / "x.csv"),
            },
        )
    with pytest.raises(QgsProcessingException, match="EROSION_TYPE_FIELD"):
        _run(
            "swcrate",
            {
                "INPUT": p_w,
                "ZONES": wide,
                "ZONE_FIELD": "name",
                "EROSION_TYPES": bad,
                "OUTPUT": str(tmp_path / "y.csv"),
            },
        )
    # wind zones without a WIND raster: their land is without data, and the run says so
    fb = capture_feedback()
    wind_zone = _polygons(tmp_path / "wz.gpkg", [((X0, Y0 - 1000, X0 + 1000, Y0), "wind")], field="t")
    _run(
        "swcrate",
        {
            "INPUT": p_w,
            "ZONES": wide,
            "ZONE_FIELD": "name",
            "EROSION_TYPES": wind_zone,
            "EROSION_TYPE_FIELD": "t",
            "OUTPUT": str(tmp_path / "z.csv"),
        },
        feedback=fb,
    )
    assert any("WIND" in w for w in fb.warnings)
    assert float(_table(str(tmp_path / "z.csv"))["大乡"]["NODATA_KM2"]) == pytest.approx(2.0)
    del p_wind


def _cropland_case(tmp_path):
    """3×3 cells of 1 ha: LS 2 everywhere, columns 0–1 旱地 (0103 stored as 103), column 2 乔木林地."""
    ls = write_raster(tmp_path / "ls.tif", np.full((3, 3), 2.0), (X0, Y0), CELL)
    lu = write_raster(
        tmp_path / "lu.tif",
        np.array([[103, 103, 301]] * 3, dtype=np.uint16),
        (X0, Y0),
        CELL,
        nodata=0,
        dtype=gdal.GDT_UInt16,
    )
    return ls, lu


def _soilloss(tmp_path, name, **extra):
    ls, lu = _cropland_case(tmp_path)
    params = {
        "LS": ls,
        "R_CONSTANT": 1000.0,
        "K_CONSTANT": 0.03,
        "LANDUSE": lu,
        "SOIL_LOSS": str(tmp_path / f"{name}.tif"),
        "INTENSITY": str(tmp_path / f"{name}_c.tif"),
        "TABLE": str(tmp_path / f"{name}.csv"),
    }
    params.update(extra)
    res = _run("soilloss", params)
    ds = gdal.Open(res["SOIL_LOSS"])
    return ds.GetRasterBand(1).ReadAsArray().astype(np.float64), res


def test_soilloss_cropland_takes_the_rotation_zone_t(processing_ready, tmp_path):
    # A = 100·R·K·LS·B·T = 100 · 1000 · 0.03 · 2 · 1 · T = 6000·T on 旱地; forest B 0.02, T 1 → 120
    a, _ = _soilloss(tmp_path, "table")  # default: the land-use table's T, the national mean 0.34
    np.testing.assert_allclose(a[:, :2], 6000 * 0.34, rtol=1e-6)
    np.testing.assert_allclose(a[:, 2], 120.0, rtol=1e-6)
    a2, _ = _soilloss(tmp_path, "double", ROTATION_ZONE=2)  # two crops a year (piedmont plain)
    np.testing.assert_allclose(a2[:, :2], 6000 * 0.36, rtol=1e-6)
    # zone polygons: row 0 一年一熟 (0.37), row 1 "2" (two crops, 0.36); row 2 outside → ROTATION_ZONE
    zones = _polygons(
        tmp_path / "rot.gpkg",
        [((X0, Y0 - 100, X0 + 300, Y0), "一年一熟"), ((X0, Y0 - 200, X0 + 300, Y0 - 100), "2")],
        field="熟制",
    )
    a3, res = _soilloss(tmp_path, "zones", ROTATION_ZONES=zones, ROTATION_FIELD="熟制", ROTATION_ZONE=3)
    np.testing.assert_allclose(a3[:, 0], [6000 * 0.37, 6000 * 0.36, 6000 * 0.28], rtol=1e-6)
    np.testing.assert_allclose(a3[:, 2], 120.0, rtol=1e-6)  # forest keeps T = 1
    r = _table(res["TABLE"])
    row = next(iter(r.values()))
    assert float(row["SOIL_LOSS_T"]) == pytest.approx(
        (2 * 6000 * (0.37 + 0.36 + 0.28) + 3 * 120.0) * 0.01, rel=1e-6
    )
    from qgis.core import QgsProcessingException

    bad = _polygons(tmp_path / "bad.gpkg", [((X0, Y0 - 100, X0 + 300, Y0), "两季")], field="熟制")
    with pytest.raises(QgsProcessingException, match="两季.*一年两熟"):
        _soilloss(tmp_path, "bad", ROTATION_ZONES=bad, ROTATION_FIELD="熟制")
    with pytest.raises(QgsProcessingException, match="ROTATION_FIELD"):
        _soilloss(tmp_path, "bad2", ROTATION_ZONES=bad)


def test_soilloss_with_wind_and_land_without_values(processing_ready, tmp_path):
    ls, lu = _cropland_case(tmp_path)
    # wind: 中度 on the forest column; land use missing on one cropland cell
    lu_arr = np.array([[103, 103, 301]] * 3, dtype=np.uint16)
    lu_arr[2, 0] = 0
    lu = write_raster(tmp_path / "lu2.tif", lu_arr, (X0, Y0), CELL, nodata=0, dtype=gdal.GDT_UInt16)
    wind = np.array([[100.0, 100.0, 3000.0]] * 3)
    p_wind = write_raster(tmp_path / "wind.tif", wind, (X0, Y0), CELL)
    unit = _polygons(tmp_path / "u.gpkg", [((X0, Y0 - 300, X0 + 300, Y0), "村")])
    fb = capture_feedback()
    res = _run(
        "soilloss",
        {
            "LS": ls,
            "R_CONSTANT": 1000.0,
            "K_CONSTANT": 0.03,
            "LANDUSE": lu,
            "ZONES": unit,
            "ZONE_FIELD": "name",
            "WIND": p_wind,
            "SOIL_LOSS": str(tmp_path / "a.tif"),
            "TABLE": str(tmp_path / "t.csv"),
        },
        feedback=fb,
    )
    r = _table(res["TABLE"])["村"]
    # cropland 2040 ≥ 200: 5 water-eroded cells; forest 120 < 200 but wind-eroded: 3; 1 cell without land
    # use: no water value, wind 微度 → without data
    assert float(r["AREA_KM2"]) == pytest.approx(0.09)
    assert float(r["WATER_KM2"]) == pytest.approx(0.05) and float(r["WIND_KM2"]) == pytest.approx(0.03)
    assert float(r["ERODED_KM2"]) == pytest.approx(0.08) and float(r["NODATA_KM2"]) == pytest.approx(0.01)
    assert float(r["SWC_RATE"]) == pytest.approx(100 / 9) and float(r["SWC_RATE_MIN"]) == pytest.approx(0.0)
    assert float(r["VALUE_KM2"]) == pytest.approx(0.08)
    assert any("村" in w and "88.9 %" in w for w in fb.warnings), fb.warnings


# --- the wizard's parameter dicts (issue 13 item 7) --------------------------------------------------


def test_wizard_takes_r_and_k_from_data_and_notes_constants(processing_ready, tmp_path):
    from qgis.core import QgsApplication

    from swc_planner.ui import jobs
    from swc_planner.ui.runner import undeclared_parameters

    def work(name):
        return str(tmp_path / name)

    state = {
        "r_mode": "stations",
        "rain_table": "rain.csv",
        "rain_fields": ["站号", "日期", "降水量"],
        "rain_stations": "gauges.gpkg",
        "k_mode": "texture",
        "k_source": "soils.gpkg",
        "k_texture_fields": ["sand", "silt", "clay", "oc"],
        "landuse": "lu.tif",
        "results": {
            "rainfall_erosivity": {"OUTPUT": "r_factor.tif"},
            "soil_erodibility": {"OUTPUT": "k_factor.tif"},
        },
    }
    registry = QgsApplication.processingRegistry()
    rain = jobs.rainfallerosivity_params(state, "dem.tif", work)
    assert rain["STATION_FIELD"] == "站号" and rain["GRID"] == "dem.tif"
    soils = jobs.soilerodibility_params(state, "dem.tif", work)
    assert soils["OC_FIELD"] == "oc" and soils["SOILS"] == "soils.gpkg"
    loss = jobs.soilloss_params(state, "dem.tif", str(tmp_path), "before")
    assert loss["R"] == "r_factor.tif" and loss["K"] == "k_factor.tif"
    assert "R_CONSTANT" not in loss and "K_CONSTANT" not in loss
    for alg_id, p in ((jobs.RAINFALLEROSIVITY, rain), (jobs.SOILERODIBILITY, soils), (jobs.SOILLOSS, loss)):
        assert not undeclared_parameters(registry.createAlgorithmById(alg_id), p)
    assert jobs.factor_assumptions(state) == []
    # a constant only when typed: then the report's first page says so
    typed = dict(state, r_mode="constant", r_value=1800.0, k_mode="constant", k_value=0.03)
    loss_c = jobs.soilloss_params(typed, "dem.tif", str(tmp_path), "before")
    assert loss_c["R_CONSTANT"] == 1800.0 and loss_c["K_CONSTANT"] == 0.03
    notes = jobs.factor_assumptions(typed)
    assert notes[0].startswith("R assumed constant") and "1800" in notes[0]
    assert notes[1].startswith("K assumed constant")
    with pytest.raises(RuntimeError, match="R is missing"):
        jobs.soilloss_params(dict(typed, r_value=0), "dem.tif", str(tmp_path), "before")


def test_wizard_coverage_notes_from_the_table(processing_ready, tmp_path):
    from swc_planner.ui import jobs

    ls, _lu = _cropland_case(tmp_path)
    lu_arr = np.array([[103, 103, 301]] * 3, dtype=np.uint16)
    lu_arr[2, 0] = 0  # one cell of the 9 without land use: 88.9 % covered
    lu = write_raster(tmp_path / "lu2.tif", lu_arr, (X0, Y0), CELL, nodata=0, dtype=gdal.GDT_UInt16)
    res = _run(
        "soilloss",
        {
            "LS": ls,
            "R_CONSTANT": 1000.0,
            "K_CONSTANT": 0.03,
            "LANDUSE": lu,
            "SOIL_LOSS": str(tmp_path / "a.tif"),
            "TABLE": str(tmp_path / "t.gpkg"),
        },
    )
    notes = jobs.coverage_notes(res["TABLE"])
    assert len(notes) == 1 and "11.1 %" in notes[0], notes
    full = _run(
        "soilloss",
        {
            "LS": ls,
            "R_CONSTANT": 1000.0,
            "K_CONSTANT": 0.03,
            "LANDUSE": _lu,
            "SOIL_LOSS": str(tmp_path / "b.tif"),
            "TABLE": str(tmp_path / "t2.gpkg"),
        },
    )
    assert jobs.coverage_notes(full["TABLE"]) == []


# --- zh_CN and cancel (item 8) ------------------------------------------------------------------------


def test_zh_cn_parameters_and_errors(zh_cn, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingException

    def chinese(text):
        return any("\u4e00" <= ch <= "\u9fff" for ch in text)

    registry = QgsApplication.processingRegistry()
    for alg_id in ("soilloss", "swcrate", "soilerodibility"):
        alg = registry.createAlgorithmById("swcplanner:" + alg_id)
        untranslated = [p.name() for p in alg.parameterDefinitions() if not chinese(p.description())]
        assert not untranslated, (alg_id, untranslated)
    p_w, _p_wind, unit = _issue_rasters(tmp_path)
    bad = _polygons(tmp_path / "bad.gpkg", [((X0, Y0 - 1000, X0 + 1000, Y0), "冻融")], field="t")
    with pytest.raises(QgsProcessingException, match="侵蚀类型区"):
        _run(
            "swcrate",
            {
                "INPUT": p_w,
                "ZONES": unit,
                "ZONE_FIELD": "name",
                "EROSION_TYPES": bad,
                "EROSION_TYPE_FIELD": "t",
                "OUTPUT": str(tmp_path / "x.csv"),
            },
        )
    table = tmp_path / "rot.csv"
    table.write_text("code,name_zh,crops,T,source\ndouble,一年两熟,2,0.36,test\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="轮作表中没有分区"):  # a translated core error
        _soilloss(tmp_path, "zh", ROTATION_ZONE=1, ROTATION_TABLE=str(table))


def test_swcrate_and_soilloss_cancel(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    p_w, p_wind, unit = _issue_rasters(tmp_path)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        _run(
            "swcrate",
            {
                "INPUT": p_w,
                "ZONES": unit,
                "ZONE_FIELD": "name",
                "WIND": p_wind,
                "OUTPUT": str(tmp_path / "r.csv"),
            },
            feedback=feedback,
        )
    ls, lu = _cropland_case(tmp_path)
    out = tmp_path / "cancel.tif"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        _run(
            "soilloss",
            {
                "LS": ls,
                "R_CONSTANT": 1000.0,
                "K_CONSTANT": 0.03,
                "LANDUSE": lu,
                "WIND": p_wind,
                "SOIL_LOSS": str(out),
            },
            feedback=feedback,
        )
    assert not out.exists()
