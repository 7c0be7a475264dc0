"""swcplanner:slopeworks against independent answers (plane geometry, gdaldem slopes, areas)."""

import math

import numpy as np
import pytest
from osgeo import gdal, ogr
from shapely import wkb as shapely_wkb
from shapely.geometry import Polygon, box
from synth import gdaldem_slope, iter_features, read_array, write_polygons, write_raster
from testdata import shared

pytestmark = pytest.mark.usefixtures("processing_ready")

X0, Y0 = 39500000.0, 4500000.0
BIG_TUJUNGA = ("bigtujunga_srtm30m", "srtm_bigtujunga30m_utm11.tif")


def run(params):
    import processing

    return processing.run("swcplanner:slopeworks", params)


def plane_dem(path, theta, azimuth=0.0, cell=5.0, n=300):
    """Plane of slope ``theta`` rising towards ``azimuth`` (from north); returns path and z(x, y)."""
    up = (math.sin(math.radians(azimuth)), math.cos(math.radians(azimuth)))
    tan = math.tan(math.radians(theta))

    def zf(x, y):
        return 1000.0 + tan * ((x - X0) * up[0] + (y - Y0) * up[1])

    c = np.arange(n)[None, :]
    r = np.arange(n)[:, None]
    z = zf(X0 + (c + 0.5) * cell, Y0 - (r + 0.5) * cell)
    return write_raster(str(path), z, origin=(X0, Y0), cell=cell, dtype=gdal.GDT_Float64), zf


def area_poly():
    return Polygon(
        [(X0 + 200, Y0 - 1300), (X0 + 1300, Y0 - 1250), (X0 + 1200, Y0 - 200), (X0 + 300, Y0 - 300)]
    )


def features(path):
    return list(iter_features(path))


def columns(path, *names):
    """Attribute columns of a GeoPackage output as numpy arrays (SQLite, fast for 10⁵ rows)."""
    import sqlite3

    ds = ogr.Open(path)
    table = ds.GetLayer(0).GetName()
    ds = None
    with sqlite3.connect(path) as con:
        rows = con.execute(
            'SELECT {} FROM "{}" ORDER BY fid'.format(", ".join(f'"{n}"' for n in names), table)
        ).fetchall()
    return [np.array([r[i] for r in rows]) for i in range(len(names))]


def sample(path, step):
    """Every ``step``-th feature (with geometry) of an output."""
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    out = []
    for fid in range(1, layer.GetFeatureCount() + 1, step):
        f = layer.GetFeature(fid)
        out.append({**f.items(), "_geom": f.GetGeometryRef().Clone()})
    return out


def test_pits_on_a_plane(tmp_path):
    theta = 30.0
    dem, zf = plane_dem(tmp_path / "plane.tif", theta, azimuth=35.0)
    poly = area_poly()
    areas = write_polygons(str(tmp_path / "areas.gpkg"), [(poly.wkb, {"name": "阳坡一号"})], layer="areas")
    res = run(
        {
            "AREAS": areas,
            "NAME_FIELD": "name",
            "DEM": dem,
            "MEASURE": 0,
            "UNIT_PRICES": "3.5, 40, 2",
            "WORKS": str(tmp_path / "pits.gpkg"),
            "ROWS": str(tmp_path / "rows.gpkg"),
            "SUMMARY": str(tmp_path / "summary.gpkg"),
        }
    )
    (elev,) = columns(res["WORKS"], "ELEV")
    n_pits = len(elev)
    expected = poly.area / (2.0 * 4.0 * math.cos(math.radians(theta)))
    assert n_pits == pytest.approx(expected, rel=0.02)
    (summary,) = features(res["SUMMARY"])
    assert summary["NAME"] == "阳坡一号" and summary["MEASURE"] == "pit"
    assert summary["COUNT"] == n_pits
    assert summary["AREA_HA"] == pytest.approx(poly.area / 1e4)
    assert summary["TREATED_HA"] == pytest.approx(poly.area / 1e4)
    assert summary["TREATED_MU"] == pytest.approx(poly.area / (1e4 / 15))
    assert summary["EXCL_HA"] == 0.0 and summary["EXCL_REASON"] in ("", None)
    # density per ha: 10 000 / (2 · 4 cos 30°) ≈ 1 443; per 亩 ÷ 15
    assert summary["DENS_HA"] == pytest.approx(1e4 / (8.0 * math.cos(math.radians(theta))), rel=0.02)
    assert summary["DENS_MU"] == pytest.approx(summary["DENS_HA"] / 15.0)
    pit_volume = math.pi / 4 * 1.0 * 0.6 * 0.4
    assert summary["EARTH_M3"] == pytest.approx(n_pits * pit_volume, rel=1e-4)
    assert summary["SEEDLINGS"] == n_pits
    assert summary["COST"] == pytest.approx(n_pits * (3.5 + 40 * pit_volume + 2), rel=1e-4)
    # each pit: a half-ellipse whose straight edge lies on its row level, along the contour
    for f in sample(res["WORKS"], 97):
        ring = np.array(f["_geom"].GetGeometryRef(0).GetPoints())[:, :2]
        a, b = ring[0], ring[len(ring) - 2]
        anchor = 0.5 * (a + b)
        assert zf(*anchor) == pytest.approx(f["ELEV"], abs=1e-3)
        assert zf(*a) == pytest.approx(zf(*b), abs=1e-6)  # long axis level
        assert math.hypot(*(a - b)) == pytest.approx(1.0)
        assert f["SLOPE"] == pytest.approx(theta, abs=0.01)
        assert f["_geom"].GetArea() == pytest.approx(math.pi / 4 * 0.6, rel=0.02)
    rows = features(res["ROWS"])
    assert len(rows) == summary["ROWS"] > 200
    assert sum(r["COUNT"] for r in rows) == n_pits
    steps = np.array([r["STEP_M"] for r in rows])
    assert np.allclose(steps, 4.0 * math.sin(math.radians(theta)), rtol=1e-3)


def test_measure_sets_the_slope_defaults_and_benches_are_lines(tmp_path):
    dem, zf = plane_dem(tmp_path / "plane.tif", 30.0)
    poly = area_poly()
    areas = write_polygons(str(tmp_path / "areas.gpkg"), [(poly.wkb, {"name": "a"})], layer="a")
    # 30° is too steep for level benches (default range 15°–25°): all excluded, with the reason
    res = run(
        {
            "AREAS": areas,
            "DEM": dem,
            "MEASURE": 1,
            "WORKS": "memory:",
            "ROWS": "memory:",
            "SUMMARY": str(tmp_path / "s1.gpkg"),
            "EXCLUDED": str(tmp_path / "ex.gpkg"),
        }
    )
    (s1,) = features(res["SUMMARY"])
    assert s1["COUNT"] == 0 and s1["TREATED_HA"] == 0.0
    assert s1["EXCL_HIGH_HA"] == pytest.approx(poly.area / 1e4)
    assert "25" in s1["EXCL_REASON"]
    ex = features(res["EXCLUDED"])
    assert {f["REASON"] for f in ex} == {"slope_high"}
    assert sum(f["_geom"].GetArea() for f in ex) == pytest.approx(poly.area)
    # given explicitly, MAX_SLOPE wins; trenches on 30°: total length = area / (R cos θ)
    res = run(
        {
            "AREAS": areas,
            "DEM": dem,
            "MEASURE": 2,
            "MIN_SLOPE": 15,
            "MAX_SLOPE": 35,
            "WORKS": str(tmp_path / "tr.gpkg"),
            "ROWS": "memory:",
            "SUMMARY": str(tmp_path / "s2.gpkg"),
        }
    )
    (s2,) = features(res["SUMMARY"])
    lines = features(res["WORKS"])
    assert all(f["_geom"].GetGeometryType() in (ogr.wkbLineString, ogr.wkbLineString25D) for f in lines)
    total = sum(f["LENGTH_M"] for f in lines)
    assert total == pytest.approx(poly.area / (4.0 * math.cos(math.radians(30.0))), rel=0.02)
    assert s2["LENGTH_M"] == pytest.approx(total, rel=1e-6)
    assert s2["EARTH_M3"] == pytest.approx(total * 0.5 * (0.8 + 0.4) * 0.5, rel=1e-4)
    assert s2["DENS_HA"] == pytest.approx(total / (poly.area / 1e4), rel=1e-4)


def test_real_steep_slope_counts_match_the_treated_area(tmp_path):
    """Big Tujunga (SRTM 30 m, UTM 11N): two steep 1 km² blocks, checked with gdaldem slopes."""
    dem = shared(*BIG_TUJUNGA)
    blocks = {
        "北坡": box(403830.0, 3798630.0, 404830.0, 3799630.0),
        "西沟": box(392300.0, 3797000.0, 393300.0, 3798000.0),
    }
    areas = write_polygons(
        str(tmp_path / "areas.gpkg"),
        [(g.wkb, {"name": k}) for k, g in blocks.items()],
        epsg=32611,
        layer="areas",
    )
    res = run(
        {
            "AREAS": areas,
            "NAME_FIELD": "name",
            "DEM": dem,
            "MEASURE": 0,
            "WORKS": str(tmp_path / "pits.gpkg"),
            "ROWS": str(tmp_path / "rows.gpkg"),
            "SUMMARY": str(tmp_path / "summary.gpkg"),
            "EXCLUDED": str(tmp_path / "excluded.gpkg"),
        }
    )
    slope = gdaldem_slope(dem, tmp_path / "slope.tif")
    z, _nd, gt = read_array(dem)
    xs = gt[0] + (np.arange(z.shape[1]) + 0.5) * gt[1]
    ys = gt[3] + (np.arange(z.shape[0]) + 0.5) * gt[5]
    summary = {f["NAME"]: f for f in features(res["SUMMARY"])}
    pit_area, pit_slope = columns(res["WORKS"], "AREA_ID", "SLOPE")
    excluded = features(res["EXCLUDED"])
    for name, poly in blocks.items():
        s = summary[name]
        x0, y0, x1, y1 = poly.bounds
        inside = (xs[None, :] > x0) & (xs[None, :] < x1) & (ys[:, None] > y0) & (ys[:, None] < y1)
        ok = inside & (slope >= 15) & (slope <= 45)
        assert s["AREA_HA"] == pytest.approx(100.0)
        assert s["TREATED_HA"] + s["EXCL_HA"] == pytest.approx(100.0)
        assert s["TREATED_HA"] / 100.0 == pytest.approx(ok.sum() / inside.sum(), abs=0.02)
        assert s["EXCL_LOW_HA"] / 100.0 == pytest.approx(
            (inside & (slope < 15)).sum() / inside.sum(), abs=0.02
        )
        assert s["EXCL_HIGH_HA"] / 100.0 == pytest.approx(
            (inside & (slope > 45)).sum() / inside.sum(), abs=0.02
        )
        # count = treated area × mean nominal density of the treated cells, 1 / (S · R · cos θ)
        nominal = s["TREATED_HA"] * 1e4 * np.mean(1.0 / (8.0 * np.cos(np.radians(slope[ok]))))
        assert s["COUNT"] == pytest.approx(nominal, rel=0.04)
        assert 1e4 / 8.0 < s["DENS_HA"] < 1e4 / (8.0 * math.cos(math.radians(45.0)))
        mine = pit_area == s["AREA_ID"]
        assert mine.sum() == s["COUNT"]
        assert np.all((pit_slope[mine] >= 15.0) & (pit_slope[mine] <= 45.0))
        ex_area = sum(f["_geom"].GetArea() for f in excluded if f["AREA_ID"] == s["AREA_ID"])
        assert ex_area / 1e4 == pytest.approx(s["EXCL_HA"], abs=1e-6)
    # every pit lies inside its block
    polys = {summary[k]["AREA_ID"]: g.buffer(1.0) for k, g in blocks.items()}
    for f in sample(res["WORKS"], 101):
        assert polys[f["AREA_ID"]].contains(shapely_wkb.loads(bytes(f["_geom"].ExportToWkb())))


def test_errors_say_what_to_fix(tmp_path):
    from qgis.core import QgsProcessingException

    dem, _zf = plane_dem(tmp_path / "plane.tif", 30.0, n=60)
    inside = write_polygons(
        str(tmp_path / "in.gpkg"), [(box(X0 + 20, Y0 - 200, X0 + 200, Y0 - 20).wkb, {"n": 1})], layer="a"
    )
    far = write_polygons(
        str(tmp_path / "far.gpkg"), [(box(X0 + 1e5, Y0, X0 + 1e5 + 50, Y0 + 50).wkb, {"n": 1})], layer="a"
    )
    base = {"AREAS": inside, "DEM": dem, "WORKS": "memory:", "ROWS": "memory:", "SUMMARY": "memory:"}
    with pytest.raises(QgsProcessingException, match="UNIT_PRICES"):
        run({**base, "UNIT_PRICES": "cheap"})
    with pytest.raises(QgsProcessingException, match="overlap"):
        run({**base, "PIT_LONG_AXIS": 3.0})
    with pytest.raises(QgsProcessingException, match="MIN_SLOPE"):
        run({**base, "MIN_SLOPE": 40, "MAX_SLOPE": 20})
    with pytest.raises(QgsProcessingException, match="does not overlap the DEM"):
        run({**base, "AREAS": far})


def test_cancel_leaves_no_output(tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    dem, _zf = plane_dem(tmp_path / "plane.tif", 30.0, n=60)
    areas = write_polygons(
        str(tmp_path / "in.gpkg"), [(box(X0 + 20, Y0 - 200, X0 + 200, Y0 - 20).wkb, {"n": 1})], layer="a"
    )
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run(
            "swcplanner:slopeworks",
            {
                "AREAS": areas,
                "DEM": dem,
                "WORKS": str(tmp_path / "w.gpkg"),
                "ROWS": "memory:",
                "SUMMARY": "memory:",
            },
            feedback=feedback,
        )
    assert not (tmp_path / "w.gpkg").exists()
