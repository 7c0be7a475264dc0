"""The database algorithms through processing.run against a real PostgreSQL + PostGIS cluster.

Counties publish real algorithm outputs (swcrate, slopeclasses) with their own login from a QGIS
authentication configuration over a QGIS connection saved without credentials; the province rolls
them up.  The expected numbers are counted here from the rasters the algorithms read.
"""

from __future__ import annotations

import csv
import json
import os
import uuid

import numpy as np
import pytest
from dbcluster import pg_cluster  # noqa: F401  (fixture)
from osgeo import ogr
from shapely import wkb as shapely_wkb
from shapely.geometry import box
from synth import iter_features, write_polygons, write_raster

PASSWORD = "Kreis-Passwort-7x"
X0, Y0 = 39500000.0, 4500000.0  # EPSG:4527 (CGCS2000 GK zone 39)
COUNTIES = {"130102": ("长安区", "130100"), "130104": ("桥西区", "130100"), "130631": ("望都县", "130600")}
YEAR = 2024


def _run(alg, params, feedback=None):
    import processing
    from qgis.core import QgsProcessingContext

    context = QgsProcessingContext()
    return processing.run(f"swcplanner:{alg}", params, context=context, feedback=feedback)


class Recorder:
    """A feedback that keeps every message (to look for secrets in them)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Recorder(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.text = []

            def pushInfo(self, text):  # noqa: N802
                self.text.append(text)

            def pushWarning(self, text):  # noqa: N802
                self.text.append(text)

            def reportError(self, text, fatal=False):  # noqa: N802
                self.text.append(text)

            def pushCommandInfo(self, text):  # noqa: N802
                self.text.append(text)

            def pushDebugInfo(self, text):  # noqa: N802
                self.text.append(text)

        return _Recorder()


def _authcfg(user, password):
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("swc-master-pw", True)
    config = QgsAuthMethodConfig()
    config.setName(user)
    config.setMethod("Basic")
    config.setConfig("username", user)
    config.setConfig("password", password)
    out = manager.storeAuthenticationConfig(config)
    if isinstance(out, tuple):
        out, config = out[0], out[1]
    assert out and config.id()
    return config.id()


def _kind_index(key):
    from swc_planner.algorithms.core.database.schema import KINDS

    return [k.key for k in KINDS].index(key)


@pytest.fixture(scope="module")
def qdb(pg_cluster, processing_ready):  # noqa: F811
    """A migrated database with units, county and province logins, their auth configs and a saved connection."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    from swc_planner.algorithms.core.database import admin, migrate

    name = pg_cluster.create_database("qgis")
    conn = pg_cluster.connect(name)
    migrate.migrate(conn)
    units = [("130000", "河北省", "province", None, None)]
    units += [("130100", "石家庄市", "city", "130000", None), ("130600", "保定市", "city", "130000", None)]
    units += [
        (code, n, "county", parent, box(114 + i, 38, 114.5 + i, 38.5).wkb)
        for i, (code, (n, parent)) in enumerate(COUNTIES.items())
    ]
    admin.load_units(conn, units)
    auth = {}
    for code in COUNTIES:
        user = f"q{code}_{uuid.uuid4().hex[:6]}"
        admin.add_login(conn, user, PASSWORD, county=code)
        auth[code] = (user, _authcfg(user, PASSWORD))
    prov = f"qprov_{uuid.uuid4().hex[:6]}"
    admin.add_login(conn, prov, PASSWORD, province=True)
    auth["province"] = (prov, _authcfg(prov, PASSWORD))
    conn.close()
    uri = QgsDataSourceUri()
    uri.setConnection(pg_cluster.socket_dir, str(pg_cluster.params()["port"]), name, "", "")
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection_name = f"swc {name}"
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), connection_name)
    return {"cluster": pg_cluster, "db": name, "auth": auth, "connection": connection_name}


def _fetch(qdb, sql, args=()):
    conn = qdb["cluster"].connect(qdb["db"])
    with conn.cursor() as cur:
        cur.execute(sql, args)
        rows = cur.fetchall()
    conn.close()
    return rows


def _soil_loss(tmp_path):
    """A 30 × 10 soil-loss raster (10 m cells), three 10 × 10 county blocks; returns path, array, zones."""
    rng = np.random.default_rng(17)
    a = rng.uniform(0, 1200, size=(10, 30)).astype(np.float32)
    a[:, 10:20] = 50.0
    a.reshape(-1)[[r * 30 + c for r in range(10) for c in range(10, 20)][::5][:18]] = 600.0  # 18 % eroded
    a[:, 20:] *= 0.1  # the third county: nothing at or above 200 t/km²·a
    path = write_raster(tmp_path / "loss.tif", a, origin=(X0, Y0), cell=10.0)
    zones = {}
    for i, (code, (name, _p)) in enumerate(COUNTIES.items()):
        zones[code] = write_polygons(
            str(tmp_path / f"z{code}.gpkg"),
            [(box(X0 + 100 * i, Y0 - 100, X0 + 100 * (i + 1), Y0).wkb, {"name": name})],
        )
    return path, a, zones


def test_counties_publish_swcrate_and_the_province_rolls_up(qdb, tmp_path):
    loss, a, zones = _soil_loss(tmp_path)
    recorder = Recorder()
    for code in COUNTIES:
        table = _run(
            "swcrate",
            {
                "INPUT": loss,
                "ZONES": zones[code],
                "ZONE_FIELD": "name",
                "OUTPUT": str(tmp_path / f"rate{code}.gpkg"),
            },
        )["OUTPUT"]
        res = _run(
            "publishresults",
            {
                "INPUT": table,
                "KIND": _kind_index("swc_rate"),
                "ADCODE": code,
                "YEAR": YEAR,
                "DATABASE": qdb["connection"],
                "AUTHCFG": qdb["auth"][code][1],
                "SOURCE_PARAMETERS": '{"INPUT": "loss.tif", "TOLERANCE": 200, "password": "nope"}',
                "OUTPUT": str(tmp_path / f"pub{code}.gpkg"),
            },
            recorder,
        )
        assert res["ROWS"] == 1 and res["PUB_ID"]
        pub = list(iter_features(res["OUTPUT"]))
        assert pub[0]["KIND"] == "swc_rate" and pub[0]["ADCODE"] == code and pub[0]["ROWS"] == 1

    # what the database holds: the county's own rows, signed with its login, the unit matched
    rows = _fetch(
        qdb,
        "SELECT adcode, zone, area_km2, eroded_km2, published_by, algorithm, parameters, unit_adcode "
        "FROM swc.swc_rate ORDER BY adcode",
    )
    assert [r[0] for r in rows] == list(COUNTIES)
    for (code, zone, area, eroded, who, alg, params, unit), i in zip(rows, range(3)):
        block = a[:, 10 * i : 10 * (i + 1)]
        assert zone == COUNTIES[code][0] and unit == code
        assert area == pytest.approx(100 * 100 / 1e6)
        assert eroded == pytest.approx((block >= 200).sum() * 100 / 1e6)
        assert who == qdb["auth"][code][0] and alg == "swcrate"
        assert params == {"INPUT": "loss.tif", "TOLERANCE": 200}
    # no password anywhere: not in the log, not in the database
    assert not any(PASSWORD in t for t in recorder.text)
    dump = str(_fetch(qdb, "SELECT * FROM swc.publications")) + str(
        _fetch(qdb, "SELECT parameters FROM swc.swc_rate")
    )
    assert PASSWORD not in dump and "nope" not in dump

    # one county publishes measureplan-like measure areas (a table without geometry)
    measures = write_polygons(
        str(tmp_path / "m.gpkg"),
        [
            (box(0, 0, 1, 1).wkb, {"MEASURE": m, "AREA_HA": ha})
            for m, ha in (("enclosure", 3.5), ("terrace", 1.25))
        ],
    )
    _run(
        "publishresults",
        {
            "INPUT": measures,
            "KIND": _kind_index("plan_measure_areas"),
            "ADCODE": "130104",
            "YEAR": YEAR,
            "DATABASE": qdb["connection"],
            "AUTHCFG": qdb["auth"]["130104"][1],
        },
    )

    # the province's roll-up as a layer and an xlsx
    xlsx = str(tmp_path / "rollup.xlsx")
    res = _run(
        "provincerollup",
        {
            "DATABASE": qdb["connection"],
            "AUTHCFG": qdb["auth"]["province"][1],
            "YEAR_FROM": YEAR,
            "YEAR_TO": YEAR,
            "OUTPUT": str(tmp_path / "rollup.gpkg"),
            "MEASURES": str(tmp_path / "measures.gpkg"),
            "XLSX": xlsx,
        },
    )
    feats = {(f["LEVEL"], f["ADCODE"]): f for f in iter_features(res["OUTPUT"])}
    eroded = {code: float((a[:, 10 * i : 10 * (i + 1)] >= 200).sum()) for i, code in enumerate(COUNTIES)}
    groups = {
        ("province", "130000"): list(COUNTIES),
        ("city", "130100"): ["130102", "130104"],
        ("city", "130600"): ["130631"],
    }
    groups.update({("county", c): [c] for c in COUNTIES})
    assert set(feats) == set(groups)
    for key, codes in groups.items():
        rate = 100.0 * (1 - sum(eroded[c] for c in codes) / (100.0 * len(codes)))
        f = feats[key]
        assert f["SWC_RATE"] == pytest.approx(rate), key
        assert f["GAP_1"] == pytest.approx(79.96 - rate) and f["TARGET_2"] == pytest.approx(84.07)
        assert f["TARGET_MET"] == (2 if rate >= 84.07 else 1 if rate >= 79.96 else 0)
        assert f["COUNTIES_RATE"] == len(codes) and f["YEAR"] == YEAR
    assert feats[("county", "130631")]["NAME"] == "望都县"
    geom = shapely_wkb.loads(bytes(feats[("county", "130104")]["_geom"].ExportToWkb()))
    assert geom.equals(box(115, 38, 115.5, 38.5))
    province_geom = feats[("province", "130000")]["_geom"]
    assert province_geom is None or province_geom.IsEmpty()  # no boundary loaded for the province
    assert sorted(f["TARGET_MET"] for (lvl, _c), f in feats.items() if lvl == "county") == [0, 1, 2]
    # the style travels with the layer
    assert os.path.exists(str(tmp_path / "rollup.qml"))
    with open(tmp_path / "rollup.qml", encoding="utf-8") as fh:
        assert 'attr="TARGET_MET"' in fh.read()
    # the workbook: both sheets, the same numbers
    ds = ogr.Open(xlsx)
    sheet = ds.GetLayer(0)
    got = {(f.GetField("LEVEL"), f.GetField("ADCODE")): f.GetField("SWC_RATE") for f in sheet}
    assert got.keys() == feats.keys()
    for key, value in got.items():
        assert value == pytest.approx(feats[key]["SWC_RATE"])
    assert ds.GetLayerCount() == 2
    by_measure = {(f.GetField("LEVEL"), f.GetField("MEASURE")): f.GetField("AREA_HA") for f in ds.GetLayer(1)}
    assert by_measure == {
        (lvl, m): ha
        for lvl in ("province", "city", "county")
        for m, ha in (("enclosure", 3.5), ("terrace", 1.25))
    }
    assert feats[("county", "130104")]["TREATED_HA"] == pytest.approx(4.75)
    assert feats[("city", "130100")]["TREATED_HA"] == pytest.approx(4.75)
    assert [f["MEASURE"] for f in iter_features(res["MEASURES"]) if f["LEVEL"] == "county"] == [
        "enclosure",
        "terrace",
    ]

    # a county reads the same roll-up (all counties), not the other counties' rows
    res = _run(
        "provincerollup",
        {
            "DATABASE": qdb["connection"],
            "AUTHCFG": qdb["auth"]["130102"][1],
            "YEAR_FROM": YEAR,
            "YEAR_TO": YEAR,
            "LEVELS": [0],
            "OUTPUT": str(tmp_path / "rollup_county_view.gpkg"),
        },
    )
    values = [f["SWC_RATE"] for f in iter_features(res["OUTPUT"])]
    assert values == [pytest.approx(feats[("province", "130000")]["SWC_RATE"])]


def test_slopeclasses_table_published_as_it_is(qdb, tmp_path):
    from synth import plane

    dem = write_raster(
        tmp_path / "dem.tif", plane(40, 40, 12.0).astype(np.float32), origin=(X0, Y0), cell=10.0
    )
    zones = write_polygons(
        str(tmp_path / "z.gpkg"), [(box(X0, Y0 - 400, X0 + 400, Y0).wkb, {"name": "望都县"})]
    )
    table = _run(
        "slopeclasses",
        {
            "DEM": dem,
            "ZONES": zones,
            "ZONE_FIELD": "name",
            "OUTPUT": str(tmp_path / "cls.tif"),
            "TABLE": str(tmp_path / "cls.gpkg"),
        },
    )["TABLE"]
    expected = [(f["ZONE"], f["CLASS"], f["RANGE"], f["AREA_M2"], f["PCT"]) for f in iter_features(table)]

    def publish(**extra):
        params = {
            "INPUT": table,
            "KIND": _kind_index("slope_classes"),
            "ADCODE": "130631",
            "YEAR": YEAR,
            "DATABASE": qdb["connection"],
            "AUTHCFG": qdb["auth"]["130631"][1],
        }
        _run("publishresults", {**params, **extra})

    publish()
    rows = _fetch(
        qdb,
        "SELECT zone, class, range, area_m2, pct FROM swc.slope_classes WHERE valid_to IS NULL "
        "ORDER BY class",
    )
    assert rows == sorted(expected, key=lambda r: r[1])
    # a draft, then the published republish: the draft is closed, the first version kept
    publish(DRAFT=True)
    publish()
    pubs = _fetch(
        qdb,
        "SELECT pub_status, valid_to IS NULL FROM swc.publications WHERE kind = 'slope_classes' "
        "ORDER BY valid_from",
    )
    assert pubs == [("published", False), ("draft", False), ("published", True)]
    n = _fetch(qdb, "SELECT count(*) FROM swc.slope_classes WHERE valid_to IS NULL")[0][0]
    assert n == len(expected)


def test_a_county_cannot_publish_for_another(qdb, tmp_path):
    from qgis.core import QgsProcessingException

    table = write_polygons(
        str(tmp_path / "t.gpkg"), [(box(0, 0, 1, 1).wkb, {"COUNTY": "桥西区", "BAN_HA": 3.0})]
    )
    with pytest.raises(QgsProcessingException, match="only write its own"):
        _run(
            "publishresults",
            {
                "INPUT": table,
                "KIND": _kind_index("ban_counties"),
                "ADCODE": "130104",
                "YEAR": YEAR,
                "DATABASE": qdb["connection"],
                "AUTHCFG": qdb["auth"]["130102"][1],
            },
        )
    assert _fetch(qdb, "SELECT count(*) FROM swc.ban_counties")[0][0] == 0
    with pytest.raises(QgsProcessingException, match="no PostgreSQL connection named"):
        _run(
            "publishresults",
            {
                "INPUT": table,
                "KIND": _kind_index("ban_counties"),
                "ADCODE": "130104",
                "YEAR": YEAR,
                "DATABASE": "no such connection",
            },
        )
    # a wrong password is refused by the server, and not echoed
    bad = _authcfg(qdb["auth"]["130104"][0], "wrong-Passwort")
    recorder = Recorder()
    with pytest.raises(QgsProcessingException, match="Cannot connect") as err:
        _run(
            "publishresults",
            {
                "INPUT": table,
                "KIND": _kind_index("ban_counties"),
                "ADCODE": "130104",
                "YEAR": YEAR,
                "DATABASE": qdb["connection"],
                "AUTHCFG": bad,
            },
            recorder,
        )
    assert "wrong-Passwort" not in str(err.value) and not any("wrong-Passwort" in t for t in recorder.text)


def test_exchange_package_export_and_idempotent_import(qdb, tmp_path):
    package = str(tmp_path / "望都县_2023.gpkg")
    patches = write_polygons(
        str(tmp_path / "ban.gpkg"),
        [
            (box(X0, Y0 - 100, X0 + 100, Y0).wkb, {"COUNTY": "望都县", "PATCH_ID": 1, "AREA_HA": 1.0}),
            (box(X0 + 200, Y0 - 100, X0 + 300, Y0).wkb, {"COUNTY": "望都县", "PATCH_ID": 2, "AREA_HA": 1.0}),
        ],
        epsg=4527,
    )
    summary = write_polygons(
        str(tmp_path / "s.gpkg"), [(box(0, 0, 1, 1).wkb, {"COUNTY": "望都县", "BAN_HA": 2.0})]
    )
    for table, kind in ((patches, "ban_patches"), (summary, "ban_counties")):
        out = _run(
            "exportpackage",
            {
                "INPUT": table,
                "KIND": _kind_index(kind),
                "ADCODE": "130631",
                "YEAR": 2023,
                "PUBLISHER": "wangdu",
                "PACKAGE": package,
            },
        )
        assert out["PACKAGE"] == package and out["PUB_ID"]
    first = _run(
        "importpackage",
        {
            "PACKAGE": package,
            "DATABASE": qdb["connection"],
            "AUTHCFG": qdb["auth"]["province"][1],
            "OUTPUT": str(tmp_path / "imp1.gpkg"),
        },
    )
    assert (first["IMPORTED"], first["SKIPPED"]) == (2, 0)
    before = _fetch(
        qdb,
        "SELECT row_id, patch_id, ST_AsText(geom), published_by, valid_from FROM swc.ban_patches "
        "ORDER BY row_id",
    )
    again = _run(
        "importpackage",
        {"PACKAGE": package, "DATABASE": qdb["connection"], "AUTHCFG": qdb["auth"]["province"][1]},
    )
    assert (again["IMPORTED"], again["SKIPPED"]) == (0, 2)
    assert (
        _fetch(
            qdb,
            "SELECT row_id, patch_id, ST_AsText(geom), published_by, valid_from FROM swc.ban_patches "
            "ORDER BY row_id",
        )
        == before
    )
    assert [r[3] for r in before] == ["wangdu", "wangdu"]
    # the patches arrive in CGCS2000 geographic, where QGIS put them from GK zone 39
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    xform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4527"),
        QgsCoordinateReferenceSystem("EPSG:4490"),
        QgsProject.instance(),
    )
    corner = xform.transform(QgsPointXY(X0, Y0))
    env = _fetch(qdb, "SELECT ST_XMin(geom), ST_YMax(geom) FROM swc.ban_patches WHERE patch_id = 1")[0]
    assert env[0] == pytest.approx(corner.x(), abs=1e-7) and env[1] == pytest.approx(corner.y(), abs=1e-7)


def test_province_batch_script_publishes_each_county(qdb, tmp_path):
    """scripts/province_batch.py over two real Hebei counties on the 1 km DEM, 2 workers, via qgis_process.

    The independent answer: gdaldem slope of the whole DEM, classed with the default breaks (upper bound
    in the lower class), over the DEM cells whose centre lies in the county (GDAL rasterize).
    """
    import subprocess
    import sys

    from osgeo import gdal
    from testdata import _PARENT, REPO, shared

    if not os.path.exists("/usr/bin/qgis_process.bin"):
        pytest.skip("qgis_process is not installed")
    counties = shared("hebei_admin", "hebei_admin_tianditu_cgcs2000.gpkg")
    dem = shared("hebei_dem_30s", "hebei_dem_1km_cgcs2000_gk39.tif")
    user = qdb["auth"]["province"][0]
    cluster = qdb["cluster"]
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{cluster.socket_dir}:5432:{qdb['db']}:{user}:{PASSWORD}\n", encoding="utf-8")
    os.chmod(pgpass, 0o600)
    env = dict(os.environ, PGPASSFILE=str(pgpass), QT_QPA_PLATFORM="offscreen")
    codes = ["130102", "130731"]  # 长安区 (urban, a few cells), 涿鹿县 (mountains)
    report = tmp_path / "batch.csv"
    cmd = [
        sys.executable,
        os.path.join(REPO, "scripts", "province_batch.py"),
        "--counties", counties, "--layer", "counties",
        "--algorithm", "slopeclasses", "--param", f"DEM={dem}", "--param", "OUTPUT={work}/classes.tif",
        "--clip-param", "DEM", "--output", "TABLE", "--kind", "slope_classes", "--year", "2022",
        "--database", "batchdb", "--profile", str(tmp_path / "profile"),
        "--connection-uri", f"host={cluster.socket_dir} port=5432 dbname={qdb['db']} user={user}",
        "--plugin-path", _PARENT, "--workers", "2", "--work", str(tmp_path / "work"),
        "--only", ",".join(codes), "--report", str(report),
    ]  # fmt: skip
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert summary["ok"] == 2 and summary["workers"] == 2 and summary["counties_per_min"] > 0
    with open(report, encoding="utf-8") as fh:
        lines = list(csv.DictReader(fh))
    assert sorted(r["adcode"] for r in lines) == codes and all(r["status"] == "ok" for r in lines)
    assert all(float(r["run_mib"]) > 50 for r in lines)
    assert PASSWORD not in out.stdout + out.stderr

    # the independent answer
    slope = gdal.DEMProcessing(str(tmp_path / "slope.tif"), dem, "slope", computeEdges=True)
    s = slope.GetRasterBand(1).ReadAsArray().astype(float)
    s_nodata = slope.GetRasterBand(1).GetNoDataValue()
    src = gdal.Open(dem)
    valid = src.GetRasterBand(1).ReadAsArray() != src.GetRasterBand(1).GetNoDataValue()
    valid &= s != s_nodata
    classes = np.digitize(s, [2, 6, 15, 25], right=True) + 1
    ds = ogr.Open(counties)
    layer = ds.GetLayerByName("counties")
    for code in codes:
        layer.SetAttributeFilter(f"district_adcode = {code}")
        mask_ds = gdal.GetDriverByName("MEM").Create("", src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Byte)
        mask_ds.SetGeoTransform(src.GetGeoTransform())
        mask_ds.SetProjection(src.GetProjection())
        gdal.RasterizeLayer(mask_ds, [1], layer, burn_values=[1])
        inside = (mask_ds.GetRasterBand(1).ReadAsArray() == 1) & valid
        want = {c: float((inside & (classes == c)).sum()) * 100.0 for c in range(1, 6)}  # ha per 1 km cell
        rows = dict(
            _fetch(
                qdb,
                "SELECT class, area_ha FROM swc.slope_classes WHERE adcode = %s AND year = 2022 AND valid_to IS NULL",
                (code,),
            )
        )
        assert rows == pytest.approx(want), code
        params = _fetch(qdb, "SELECT DISTINCT parameters, published_by FROM swc.slope_classes WHERE adcode = %s",
                        (code,))  # fmt: skip
        assert params[0][0]["DEM"] == dem and params[0][1] == user
        assert params[0][0]["ZONES"].endswith(f"district_adcode = {code}")


def test_a_county_without_ban_patches_publishes_zero_rows(qdb, tmp_path):
    """An urban district: steepslopeban on a gentle plane gives an empty patch layer; publishing it
    (and exporting it to a package) records a publication of 0 rows instead of refusing an empty
    layer, as two Hebei districts needed in the province batch (丛台区, 新华区)."""
    from synth import plane

    dem = write_raster(
        tmp_path / "dem.tif", plane(40, 40, 3.0).astype(np.float32), origin=(X0, Y0), cell=10.0
    )
    county = write_polygons(
        str(tmp_path / "c.gpkg"), [(box(X0, Y0 - 400, X0 + 400, Y0).wkb, {"name": "桥西区"})]
    )
    ban = _run(
        "steepslopeban",
        {
            "DEM": dem,
            "COUNTIES": county,
            "COUNTY_FIELD": "name",
            "NO_LANDUSE_FILTER": True,
            "OUTPUT": str(tmp_path / "ban.gpkg"),
        },
    )["OUTPUT"]
    assert list(iter_features(ban)) == []
    params = {
        "INPUT": ban,
        "KIND": _kind_index("ban_patches"),
        "ADCODE": "130104",
        "YEAR": YEAR,
        "DATABASE": qdb["connection"],
        "AUTHCFG": qdb["auth"]["130104"][1],
    }
    res = _run("publishresults", params)
    assert res["ROWS"] == 0
    assert _fetch(qdb, "SELECT n_rows FROM swc.publications WHERE pub_id = %s", (res["PUB_ID"],)) == [(0,)]
    package = str(tmp_path / "130104.gpkg")
    out = _run(
        "exportpackage",
        {k: v for k, v in params.items() if k not in ("DATABASE", "AUTHCFG")} | {"PACKAGE": package},
    )
    assert out["PUB_ID"]
