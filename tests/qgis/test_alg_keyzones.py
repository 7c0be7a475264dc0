"""swcplanner:keyzones through Processing: six synthetic townships whose classes follow by hand."""

import os

import numpy as np
import pytest
from osgeo import gdal
from shapely.geometry import box
from synth import iter_features, write_polygons, write_raster

pytestmark = pytest.mark.usefixtures("processing_ready")

X0, Y1, CELL, BLOCK = 39500000.0, 4500000.0, 10.0, 20

#: Cells per SL 190 class (1 微度 … 6 剧烈) of each 400-cell township; the rest is nodata (0).
CLASSES = {
    "甲镇": (240, 160, 0, 0, 0, 0),  # 40 % eroded
    "乙乡": (340, 20, 20, 10, 10, 0),  # 15 % eroded, 10 % moderate or above
    "丙乡": (380, 20, 0, 0, 0, 0),  # 5 % eroded, a quarter water-source area
    "丁镇": (360, 40, 0, 0, 0, 0),  # 10 % eroded, cover 70 %
    "戊乡": (320, 80, 0, 0, 0, 0),  # 20 % eroded, cover 80 %
    "己镇": (200, 0, 0, 0, 0, 0),  # half nodata, a quarter banned steep slopes
}
FVC = {"甲镇": 0.9, "乙乡": 0.3, "丙乡": 0.3, "丁镇": 0.7, "戊乡": 0.8, "己镇": 0.3}


def cells_box(r0, r1, c0, c1):
    return box(X0 + c0 * CELL, Y1 - r1 * CELL, X0 + c1 * CELL, Y1 - r0 * CELL)


def scene(tmp_path):
    intensity = np.zeros((2 * BLOCK, 3 * BLOCK), np.uint8)
    fvc = np.zeros(intensity.shape, np.float32)
    units = []
    for k, (name, counts) in enumerate(CLASSES.items()):
        r0, c0 = (k // 3) * BLOCK, (k % 3) * BLOCK
        flat = np.concatenate([np.full(n, c + 1, np.uint8) for c, n in enumerate(counts)])
        flat = np.concatenate([flat, np.zeros(BLOCK * BLOCK - flat.size, np.uint8)])
        intensity[r0 : r0 + BLOCK, c0 : c0 + BLOCK] = flat.reshape(BLOCK, BLOCK)
        fvc[r0 : r0 + BLOCK, c0 : c0 + BLOCK] = FVC[name]
        units.append((cells_box(r0, r0 + BLOCK, c0, c0 + BLOCK).wkb, {"XZQMC": name}))
    return {
        "intensity": write_raster(tmp_path / "强度.tif", intensity, nodata=0, dtype=gdal.GDT_Byte),
        "fvc": write_raster(tmp_path / "fvc.tif", fvc),
        "units": write_polygons(str(tmp_path / "towns.gpkg"), units, layer="towns"),
        # water: half of 乙乡, a quarter of 丙乡; ban: a quarter of 己镇
        "water": write_polygons(
            str(tmp_path / "water.gpkg"),
            [(cells_box(0, 10, 20, 40).wkb, {"id": 1}), (cells_box(0, 5, 40, 60).wkb, {"id": 2})],
            layer="water",
        ),
        "ban": write_polygons(
            str(tmp_path / "ban.gpkg"), [(cells_box(35, 40, 40, 60).wkb, {"id": 1})], layer="b"
        ),
    }


def run(params):
    import processing

    return processing.run("swcplanner:keyzones", params)


def test_keyzones_classes_on_synthetic_townships(tmp_path):
    s = scene(tmp_path)
    out = str(tmp_path / "keyzones.gpkg")
    res = run(
        {
            "UNITS": s["units"],
            "UNIT_FIELD": "XZQMC",
            "INTENSITY": s["intensity"],
            "FVC": s["fvc"],
            "WATER_SOURCES": s["water"],
            "BAN": s["ban"],
            "OUTPUT": out,
        }
    )
    rows = {r["UNIT"]: r for r in iter_features(res["OUTPUT"])}
    assert set(rows) == set(CLASSES)
    # by hand (see CLASSES): 40 % ≥ 30 % eroded → treatment; 10 % moderate+ ≥ 10 % → treatment (its
    # 50 % water share meets prevention too); 25 % water ≥ 20 % → prevention; cover 70 % ≥ 60 % with
    # 10 % < 15 % eroded → prevention; cover 80 % but 20 % eroded → none; 25 % banned → prevention
    expected = {
        "甲镇": ("treatment", "重点治理区", "eroded", 1, 0),
        "乙乡": ("treatment", "重点治理区", "moderate,water", 1, 1),
        "丙乡": ("prevention", "重点预防区", "water", 0, 1),
        "丁镇": ("prevention", "重点预防区", "cover", 0, 1),
        "戊乡": ("none", None, None, 0, 0),
        "己镇": ("prevention", "重点预防区", "ban", 0, 1),
    }
    for name, (code, zh, reasons, treat, prev) in expected.items():
        r = rows[name]
        assert (r["ZONE_CLASS"], r["ZONE_NAME"], r["REASONS"], r["TREAT_MET"], r["PREV_MET"]) == (
            code,
            zh,
            reasons,
            treat,
            prev,
        ), name
    assert rows["甲镇"]["ERODED_PCT"] == pytest.approx(40.0) and rows["甲镇"]["ERODED_KM2"] == pytest.approx(
        0.016
    )
    assert rows["乙乡"]["MODERATE_PCT"] == pytest.approx(10.0) and rows["乙乡"]["WATER_PCT"] == pytest.approx(
        50.0
    )
    assert rows["乙乡"]["INTENSE_KM2"] == pytest.approx(0.001) and rows["乙乡"][
        "SLIGHT_KM2"
    ] == pytest.approx(0.034)
    assert rows["丁镇"]["FVC_MEAN"] == pytest.approx(70.0) and rows["丁镇"]["SLIGHT_PCT"] == pytest.approx(
        90.0
    )
    assert rows["己镇"]["COVER_PCT"] == pytest.approx(50.0) and rows["己镇"]["BAN_PCT"] == pytest.approx(25.0)
    assert all(r["AREA_KM2"] == pytest.approx(0.04) for r in rows.values())
    assert os.path.exists(os.path.splitext(out)[0] + ".qml")  # the styled map's legend


def test_thresholds_are_parameters(tmp_path):
    s = scene(tmp_path)
    res = run(
        {
            "UNITS": s["units"],
            "UNIT_FIELD": "XZQMC",
            "INTENSITY": s["intensity"],
            "TREAT_ERODED_PCT": 20.0,
            "MIN_COVERAGE_PCT": 60.0,
            "OUTPUT": str(tmp_path / "k2.gpkg"),
        }
    )
    rows = {r["UNIT"]: r for r in iter_features(res["OUTPUT"])}
    # 20 % eroded now reaches the treatment threshold; without FVC, water and ban no prevention;
    # 己镇 (50 % classified) is below the 60 % coverage asked for
    assert rows["戊乡"]["ZONE_CLASS"] == "treatment" and rows["丁镇"]["ZONE_CLASS"] == "none"
    assert (rows["己镇"]["ZONE_CLASS"], rows["己镇"]["REASONS"]) == ("none", "nodata")
    assert rows["甲镇"]["FVC_MEAN"] is None and rows["甲镇"]["WATER_PCT"] is None


def test_units_outside_the_raster_are_refused(tmp_path):
    from qgis.core import QgsProcessingException

    s = scene(tmp_path)
    far = write_polygons(
        str(tmp_path / "far.gpkg"),
        [(box(X0 + 1e5, Y1 - 1e5, X0 + 1e5 + 100, Y1 - 1e5 + 100).wkb, {"XZQMC": "远"})],
    )
    with pytest.raises(QgsProcessingException, match="overlap"):
        run(
            {
                "UNITS": far,
                "UNIT_FIELD": "XZQMC",
                "INTENSITY": s["intensity"],
                "OUTPUT": str(tmp_path / "o.gpkg"),
            }
        )
