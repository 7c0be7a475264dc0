"""The provincial database against a real PostgreSQL + PostGIS (no QGIS): schema, publish, RLS, packages.

The cluster is the throwaway one of ``tests/dbcluster.py`` (Debian's postgresql + postgresql-postgis);
every number the tests expect is computed here from the rows they publish.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid

import pytest
from dbcluster import pg_cluster  # noqa: F401  (fixture)
from shapely import wkb as shapely_wkb
from shapely.geometry import MultiPolygon, Point, box

from swc_planner.algorithms.core.database import admin, migrate, package, publish, rollup, schema
from swc_planner.algorithms.core.errors import InputError

psycopg2 = pytest.importorskip("psycopg2")

VERSION = "0.1.0-test"
PASSWORD = "county-secret-Ü1"

# three counties in two cities (real Hebei adcodes)
PROVINCE = ("130000", "河北省")
CITIES = {"130100": "石家庄市", "130600": "保定市"}
COUNTIES = {"130102": ("长安区", "130100"), "130104": ("桥西区", "130100"), "130631": ("望都县", "130600")}


def _uid(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


@pytest.fixture()
def db(pg_cluster):  # noqa: F811
    """A new database with the schema migrated, the units loaded; returns (cluster, dbname)."""
    name = pg_cluster.create_database()
    conn = pg_cluster.connect(name)
    migrate.migrate(conn)
    units = [(PROVINCE[0], PROVINCE[1], "province", None, box(113, 36, 120, 43).wkb)]
    units += [(code, n, "city", PROVINCE[0], None) for code, n in CITIES.items()]
    units += [
        (code, n, "county", parent, box(114 + i, 38, 114.5 + i, 38.5).wkb)
        for i, (code, (n, parent)) in enumerate(COUNTIES.items())
    ]
    units += [("130102001", "建北街道", "township", "130102", None)]
    admin.load_units(conn, units)
    conn.close()
    return pg_cluster, name


def county_user(cluster, dbname, adcode):
    """A login user of the county's role with a password; returns (name, connection)."""
    user = _uid("u" + adcode)
    conn = cluster.connect(dbname)
    admin.add_login(conn, user, PASSWORD, county=adcode)
    conn.close()
    return user, cluster.connect(dbname, user, PASSWORD)


def province_user(cluster, dbname):
    user = _uid("prov")
    conn = cluster.connect(dbname)
    admin.add_login(conn, user, PASSWORD, province=True)
    conn.close()
    return user, cluster.connect(dbname, user, PASSWORD)


def rate_rows(adcode, zones):
    """swcrate-like rows: [(zone, area_km2, eroded_km2)] -> (names, rows)."""
    names = ["ZONE", "AREA_KM2", "ERODED_KM2", "SWC_RATE", "INPUT_KIND", "县内编号"]
    rows = [
        ([z, a, e, 100.0 * (a - e) / a, "modulus", f"{adcode}-{i}"], None)
        for i, (z, a, e) in enumerate(zones)
    ]
    return names, rows


def fetch(conn, sql, args=()):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        rows = cur.fetchall()
    conn.rollback()
    return rows


# --- schema ------------------------------------------------------------------------------------
def test_migration_from_empty_matches_the_registry(pg_cluster, tmp_path):  # noqa: F811
    name = pg_cluster.create_database()
    conn = pg_cluster.connect(name)
    assert migrate.current_version(conn) == 0
    applied = migrate.migrate(conn)
    assert [v for v, _n in applied] == list(range(1, len(migrate.migrations()) + 1))
    assert migrate.current_version(conn) == schema.SCHEMA_VERSION
    assert migrate.migrate(conn) == []  # idempotent

    # no kind's field is named like a metadata column
    for k in schema.KINDS:
        assert not set(k.column_names) & set(schema.META_NAMES), k.key
    # every kind's table has the metadata columns and the registry's columns, with their types
    sql_types = {
        "double precision": "double precision",
        "integer": "integer",
        "bigint": "bigint",
        "text": "text",
    }
    for k in schema.KINDS:
        cols = dict(
            fetch(
                conn,
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'swc' AND table_name = %s",
                (k.table,),
            )
        )
        assert cols, k.table
        for meta, _t in schema.META_COLUMNS:
            assert meta in cols, (k.table, meta)
        for col, sql in k.columns:
            assert cols.get(col) == sql_types[sql], (k.table, col, cols.get(col))
        expected = set(schema.META_NAMES) - ({"geom"} if not k.geometry else set())
        assert set(cols) == expected | set(k.column_names), k.table
        if k.geometry:
            gtype, srid = fetch(
                conn,
                "SELECT type, srid FROM geometry_columns WHERE f_table_schema = 'swc' AND f_table_name = %s",
                (k.table,),
            )[0]
            assert (gtype.lower(), srid) == (k.geometry.lower(), schema.SRID), k.table
        # row-level security is on
        assert fetch(
            conn, "SELECT relrowsecurity FROM pg_class WHERE oid = %s::regclass", (f"swc.{k.table}",)
        )[0][0]
    kinds = {r[0] for r in fetch(conn, "SELECT kind FROM swc.kinds")}
    assert kinds == set(schema.KINDS_BY_KEY)

    # an applied migration that changed is refused
    folder = tmp_path / "db"
    shutil.copytree(migrate.MIGRATION_DIR, folder)
    with open(folder / "002_security.sql", "a", encoding="utf-8") as fh:
        fh.write("\n-- edited\n")
    with pytest.raises(InputError, match="changed after it was applied"):
        migrate.migrate(conn, folder=str(folder))
    conn.close()


def test_publish_refuses_a_database_without_the_current_schema(pg_cluster):  # noqa: F811
    name = pg_cluster.create_database()
    conn = pg_cluster.connect(name)
    names, rows = rate_rows("130102", [("长安区", 10.0, 1.0)])
    with pytest.raises(InputError, match="no SWC schema"):
        publish.publish(conn, "swc_rate", "130102", 2024, names, rows, plugin_version=VERSION)
    migrate.migrate(conn, target=2)
    with pytest.raises(InputError, match="version 2"):
        publish.publish(conn, "swc_rate", "130102", 2024, names, rows, plugin_version=VERSION)
    with pytest.raises(InputError, match="6 digits"):
        publish.publish(conn, "swc_rate", "1301", 2024, names, rows, plugin_version=VERSION)
    conn.close()


# --- publish and roll-up -------------------------------------------------------------------------
def test_publish_and_rollup_of_three_counties(db):
    cluster, name = db
    data = {
        # county: (zones [(zone, area, eroded)], ban_ha, [(measure, ha)], [(category, 结论, CLOSED)])
        "130102": (
            [("建北街道", 10.0, 2.5), ("长安区其他", 20.0, 3.5)],
            12.5,
            [("soilforest_pits", 4.0), ("terrace", 6.0)],
            [("合规", None, None), ("疑似未批先建", "不属实", None), ("疑似超出防治责任范围", None, None)],
        ),
        "130104": (
            [("桥西区", 40.0, 10.0)],
            7.25,
            [("soilforest_pits", 1.5)],
            # closepatches' CLOSED decides where published: a closing verdict without a photo stays open
            [("疑似建设地点变更", "已整改", 1), ("疑似未批先建", "不属实", 0)],
        ),
        "130631": (
            [("望都县", 360.0, 50.0)],
            100.0,
            [("enclosure", 50.0)],
            [("合规", None, None), ("未验先投", None, None)],
        ),
    }
    users = {code: county_user(cluster, name, code) for code in data}
    for code, (zones, ban, measures, patches) in data.items():
        conn = users[code][1]
        names, rows = rate_rows(code, zones)
        res = publish.publish(
            conn,
            "swc_rate",
            code,
            2024,
            names,
            rows,
            plugin_version=VERSION,
            parameters={"INPUT": "loss.tif", "TOLERANCE": 200, "PASSWORD": "x", "DB": "host=a password=b"},
        )
        assert res.n_rows == len(zones) and res.extra_fields == ["县内编号"]
        publish.publish(
            conn,
            "ban_counties",
            code,
            2024,
            ["COUNTY", "BAN_HA"],
            [([COUNTIES[code][0], ban], None)],
            plugin_version=VERSION,
        )
        # measure polygons; 130631 also publishes measureplan's area table, which then counts
        polygons = [
            ([m, ha if code != "130631" else ha - 5.0], box(0, 0, 0.01, 0.01).wkb) for m, ha in measures
        ]
        publish.publish(
            conn, "plan_measures", code, 2024, ["MEASURE", "AREA_HA"], polygons, plugin_version=VERSION
        )
        if code == "130631":
            areas = [([m, ha], None) for m, ha in measures] + [(["none", 300.0], None)]
            publish.publish(
                conn, "plan_measure_areas", code, 2024, ["MEASURE", "AREA_HA"], areas, plugin_version=VERSION
            )
        publish.publish(
            conn,
            "supervision_patches",
            code,
            2024,
            ["PATCH_ID", "CATEGORY", "结论", "CLOSED"],
            [([f"P{i}", *patch], box(0, 0, 0.01, 0.01).wkb) for i, patch in enumerate(patches)],
            plugin_version=VERSION,
        )
    admin_conn = cluster.connect(name)
    # the metadata of a row, secrets dropped, the unit matched by name, extra fields kept
    row = fetch(
        admin_conn,
        "SELECT adcode, year, pub_status, algorithm, parameters, plugin_version, published_by, unit_adcode, extra "
        "FROM swc.swc_rate WHERE zone = '建北街道'",
    )[0]
    assert row[:4] == ("130102", 2024, "published", "swcrate")
    assert row[4] == {"INPUT": "loss.tif", "TOLERANCE": 200, "DB": "host=a"}
    assert row[5] == VERSION and row[6] == users["130102"][0]
    assert row[7] == "130102001" and row[8] == {"县内编号": "130102-0"}
    assert "county-secret" not in json.dumps(fetch(admin_conn, "SELECT parameters FROM swc.publications"))

    # the roll-up, computed here from the published rows
    def expect(codes):
        area = sum(a for c in codes for _z, a, _e in data[c][0])
        eroded = sum(e for c in codes for _z, _a, e in data[c][0])
        patches = [p for c in codes for p in data[c][3] if p[0] != "合规"]
        suspect = len(patches)
        closed = sum(
            1 for _c, v, flag in patches if (flag == 1 if flag is not None else v in ("不属实", "已整改"))
        )
        return {
            "AREA_KM2": area,
            "ERODED_KM2": eroded,
            "SWC_RATE": 100.0 * (area - eroded) / area,
            "BAN_HA": sum(data[c][1] for c in codes),
            "TREATED_HA": sum(ha for c in codes for _m, ha in data[c][2]),
            "SUSPECT": suspect,
            "CLOSED": closed,
            "CLOSURE_PCT": 100.0 * closed / suspect,
            "COUNTIES": len(codes),
        }

    got = {
        (r["LEVEL"], r["ADCODE"]): r
        for r in rollup.read_rollup(admin_conn, 2024, 2024, targets=(79.96, 84.07))
    }
    groups = {
        ("province", "130000"): list(data),
        ("city", "130100"): ["130102", "130104"],
        ("city", "130600"): ["130631"],
    }
    groups.update({("county", c): [c] for c in data})
    assert set(got) == set(groups)
    for key, codes in groups.items():
        want = expect(codes)
        for field, value in want.items():
            assert got[key][field] == pytest.approx(value), (key, field)
        rate = want["SWC_RATE"]
        assert got[key]["GAP_1"] == pytest.approx(79.96 - rate)
        assert got[key]["TREAT_2_KM2"] == pytest.approx(
            max(0.0, want["ERODED_KM2"] - want["AREA_KM2"] * (1 - 0.8407))
        )
    assert got[("province", "130000")]["NAME"] == "河北省" and got[("county", "130631")]["NAME"] == "望都县"
    assert got[("county", "130631")]["WKB"] is not None
    assert shapely_wkb.loads(got[("county", "130631")]["WKB"]).equals(box(116, 38, 116.5, 38.5))
    measures = {
        (m["LEVEL"], m["ADCODE"], m["MEASURE"]): m["AREA_HA"] for m in rollup.read_measures(admin_conn, 2024)
    }
    assert measures[("province", "130000", "soilforest_pits")] == pytest.approx(5.5)
    assert measures[("city", "130100", "terrace")] == pytest.approx(6.0)
    assert measures[("county", "130631", "enclosure")] == pytest.approx(50.0)  # the area table, not polygons
    assert not any(m == "none" for _l, _a, m in measures)

    # a county reads the province's roll-up (all counties) through the views
    a_conn = users["130104"][1]
    county_view = {(r["LEVEL"], r["ADCODE"]) for r in rollup.read_rollup(a_conn, 2024, 2024)}
    assert county_view == set(groups)

    # a republish replaces the county's rows and keeps the previous version
    first = fetch(
        admin_conn, "SELECT pub_id::text FROM swc.publications WHERE kind = 'swc_rate' AND adcode = '130631'"
    )
    names, rows = rate_rows("130631", [("望都县", 360.0, 20.0)])
    res = publish.publish(users["130631"][1], "swc_rate", "130631", 2024, names, rows, plugin_version=VERSION)
    assert res.closed == [first[0][0]]
    versions = fetch(
        admin_conn,
        "SELECT pub_id::text, valid_from, valid_to FROM swc.publications WHERE kind = 'swc_rate' AND adcode = '130631' "
        "ORDER BY valid_from",
    )
    assert len(versions) == 2 and versions[0][2] == versions[1][1] and versions[1][2] is None
    assert (
        fetch(admin_conn, "SELECT count(*) FROM swc.swc_rate WHERE adcode = '130631' AND valid_to IS NULL")[
            0
        ][0]
        == 1
    )
    assert fetch(admin_conn, "SELECT count(*) FROM swc.swc_rate WHERE adcode = '130631'")[0][0] == 2
    got = {(r["LEVEL"], r["ADCODE"]): r for r in rollup.read_rollup(admin_conn, 2024, 2024)}
    assert got[("county", "130631")]["ERODED_KM2"] == pytest.approx(20.0)
    area = 30.0 + 40.0 + 360.0
    assert got[("province", "130000")]["SWC_RATE"] == pytest.approx(
        100.0 * (area - (6.0 + 10.0 + 20.0)) / area
    )
    admin_conn.close()


# --- concurrency ----------------------------------------------------------------------------------
def _publish_worker(args):
    params, adcode, n, tag = args
    from swc_planner.algorithms.core.database import publish as pub

    conn = psycopg2.connect(**params)
    names = ["ZONE", "AREA_KM2", "ERODED_KM2"]
    rows = (([f"{adcode}/{tag}/{i}", 1.0, (i % 7) / 10.0], None) for i in range(n))
    res = pub.publish(conn, "swc_rate", adcode, 2023, names, rows, plugin_version=VERSION, batch=97)
    conn.close()
    return res.pub_id, res.n_rows


def test_four_concurrent_publishes_for_different_counties(db):
    cluster, name = db
    codes = ["130102", "130104", "130631", "130602"]
    jobs = []
    for code in codes:
        user, conn = county_user(cluster, name, code)
        conn.close()
        jobs.append((cluster.params(name, user, PASSWORD), code, 3000, "a"))
    # and two concurrent republishes of the same county: they queue, one version stays current
    user, conn = county_user(cluster, name, "130603")
    conn.close()
    same = [(cluster.params(name, user, PASSWORD), "130603", 1500, tag) for tag in ("x", "y")]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(6) as pool:
        results = pool.map(_publish_worker, jobs + same)
    conn = cluster.connect(name)
    for (pub_id, n), (_p, code, want, _t) in zip(results, jobs + same):
        assert n == want
        rows = fetch(conn, "SELECT adcode, zone FROM swc.swc_rate WHERE pub_id = %s", (pub_id,))
        assert len(rows) == want
        assert all(a == code and z.startswith(code + "/") for a, z in rows), code
        assert len({z for _a, z in rows}) == want  # no duplicates
    for code in codes:
        assert fetch(conn, "SELECT count(*) FROM swc.swc_rate WHERE adcode = %s", (code,))[0][0] == 3000
    current = fetch(
        conn, "SELECT pub_id::text, n_rows FROM swc.publications WHERE adcode = '130603' AND valid_to IS NULL"
    )
    assert len(current) == 1
    assert (
        fetch(conn, "SELECT count(*) FROM swc.swc_rate WHERE adcode = '130603' AND valid_to IS NULL")[0][0]
        == 1500
    )
    tags = {
        z.split("/")[1]
        for (z,) in fetch(conn, "SELECT zone FROM swc.swc_rate WHERE adcode = '130603' AND valid_to IS NULL")
    }
    assert len(tags) == 1  # the current version is one whole publish, not a mix
    conn.close()


# --- a publish killed midway ------------------------------------------------------------------------
KILL_SCRIPT = r"""
import sys, time, json
sys.path.insert(0, sys.argv[1])
import psycopg2
from swc_planner.algorithms.core.database import publish as P
params = json.loads(sys.argv[2]); marker = sys.argv[3]
conn = psycopg2.connect(**params)
def rows():
    for i in range(1000000):
        if i == 5000:
            open(marker, "w").write("midway")
            time.sleep(120)  # killed here, 5000 rows inserted, the transaction open
        yield ["130102/kill/%d" % i, 1.0, 0.5], None
P.publish(conn, "swc_rate", "130102", 2024, ["ZONE", "AREA_KM2", "ERODED_KM2"], rows(), plugin_version="x", batch=1000)
"""


def test_a_publish_killed_midway_leaves_nothing(db, tmp_path):
    from testdata import _PARENT

    cluster, name = db
    user, conn = county_user(cluster, name, "130102")
    names, rows = rate_rows("130102", [("长安区", 30.0, 6.0)])
    before = publish.publish(conn, "swc_rate", "130102", 2024, names, rows, plugin_version=VERSION)
    conn.close()
    marker = tmp_path / "midway"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            KILL_SCRIPT,
            _PARENT,
            json.dumps(cluster.params(name, user, PASSWORD)),
            str(marker),
        ],
    )
    try:
        for _ in range(600):
            if marker.exists() or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), "the publishing process did not get midway"
        admin_conn = cluster.connect(name)
        # the 5000 rows are inserted (the server holds them, uncommitted)
        active = fetch(
            admin_conn,
            "SELECT count(*) FROM pg_stat_activity WHERE usename = %s AND state = 'idle in transaction'",
            (user,),
        )[0][0]
        assert active == 1
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    # the server rolls the transaction back once it sees the connection gone
    for _ in range(100):
        if not fetch(admin_conn, "SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (user,))[0][0]:
            break
        time.sleep(0.1)
    assert fetch(admin_conn, "SELECT count(*) FROM swc.swc_rate WHERE zone LIKE '130102/kill/%%'")[0][0] == 0
    pubs = fetch(admin_conn, "SELECT pub_id::text, valid_to FROM swc.publications WHERE adcode = '130102'")
    assert pubs == [(before.pub_id, None)]  # the previous version stays current
    assert (
        fetch(admin_conn, "SELECT count(*) FROM swc.swc_rate WHERE adcode = '130102' AND valid_to IS NULL")[
            0
        ][0]
        == 1
    )
    admin_conn.close()


# --- row-level security -----------------------------------------------------------------------------
def _denied(conn, sql, args=()):
    """The statement fails with insufficient_privilege (42501)."""
    with conn.cursor() as cur:
        try:
            cur.execute(sql, args)
        except psycopg2.Error as exc:
            conn.rollback()
            return exc.pgcode == "42501"
    conn.rollback()
    return False


def _affected(conn, sql, args=()):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        n = cur.rowcount
    conn.commit()
    return n


def test_row_level_security_denials(db):
    cluster, name = db
    a_user, a = county_user(cluster, name, "130102")
    b_user, b = county_user(cluster, name, "130104")
    names = ["COUNTY", "BAN_HA"]
    pub_b = publish.publish(
        b, "ban_counties", "130104", 2024, names, [(["桥西区", 5.0], None)], plugin_version=VERSION
    )
    draft_b = publish.publish(
        b,
        "ban_counties",
        "130104",
        2025,
        names,
        [(["桥西区", 6.0], None)],
        plugin_version=VERSION,
        status="draft",
    )
    pub_a = publish.publish(
        a, "ban_counties", "130102", 2024, names, [(["长安区", 1.0], None)], plugin_version=VERSION
    )
    admin_conn = cluster.connect(name)
    b_rows = fetch(
        admin_conn, "SELECT row_id, ban_ha FROM swc.ban_counties WHERE adcode = '130104' ORDER BY row_id"
    )
    assert len(b_rows) == 2

    # A cannot publish for B, through the API or directly
    with pytest.raises(InputError, match="only write its own"):
        publish.publish(
            a, "ban_counties", "130104", 2024, names, [(["桥西区", 99.0], None)], plugin_version=VERSION
        )
    assert _denied(
        a,
        "INSERT INTO swc.ban_counties (pub_id, adcode, year, pub_status, algorithm, plugin_version, ban_ha) "
        "VALUES (%s, '130104', 2024, 'published', 'x', 'x', 1)",
        (pub_b.pub_id,),
    )
    # A cannot change or delete B's rows (they are invisible to A: nothing is touched)
    assert _affected(a, "UPDATE swc.ban_counties SET valid_to = now() WHERE adcode = '130104'") == 0
    assert _affected(a, "DELETE FROM swc.ban_counties WHERE adcode = '130104'") == 0
    assert _affected(a, "DELETE FROM swc.publications WHERE adcode = '130104'") == 0
    # A cannot read B's rows, drafts or published (default), nor B's publications
    assert fetch(a, "SELECT count(*) FROM swc.ban_counties WHERE adcode = '130104'")[0][0] == 0
    assert fetch(a, "SELECT count(*) FROM swc.publications WHERE adcode = '130104'")[0][0] == 0
    # A cannot edit published values, even its own, nor move its rows to B: only valid_to is writable
    assert _denied(a, "UPDATE swc.ban_counties SET ban_ha = 2 WHERE adcode = '130102'")
    assert _denied(a, "UPDATE swc.ban_counties SET adcode = '130104' WHERE adcode = '130102'")
    # nor delete its own published rows (only drafts)
    assert _affected(a, "DELETE FROM swc.ban_counties WHERE adcode = '130102'") == 0
    # a row signed with another name is stamped with the real login
    with a.cursor() as cur:
        cur.execute(
            "INSERT INTO swc.publications (pub_id, kind, adcode, year, pub_status, algorithm, plugin_version, "
            "published_by, published_at, valid_from, n_rows, valid_to) VALUES (%s, 'ban_counties', '130102', 1999, "
            "'draft', 'x', 'x', %s, '2000-01-01', '2000-01-01', 0, NULL) RETURNING published_by, published_at",
            (str(uuid.uuid4()), b_user),
        )
        who, when = cur.fetchone()
    a.commit()
    assert who == a_user and when.year >= 2024

    # with the province's switch on, A reads B's published rows, still never B's drafts
    admin.set_setting(admin_conn, "county_reads_published", True)
    seen = fetch(a, "SELECT year, pub_status FROM swc.ban_counties WHERE adcode = '130104'")
    assert seen == [(2024, "published")]
    assert fetch(a, "SELECT count(*) FROM swc.publications WHERE pub_id = %s", (draft_b.pub_id,))[0][0] == 0
    # ... and still cannot change or delete them
    assert _affected(a, "UPDATE swc.ban_counties SET valid_to = now() WHERE adcode = '130104'") == 0
    assert _affected(a, "DELETE FROM swc.ban_counties WHERE adcode = '130104'") == 0
    # B's rows are untouched
    assert (
        fetch(
            admin_conn, "SELECT row_id, ban_ha FROM swc.ban_counties WHERE adcode = '130104' ORDER BY row_id"
        )
        == b_rows
    )
    assert (
        fetch(
            admin_conn,
            "SELECT count(*) FROM swc.ban_counties WHERE adcode = '130104' AND valid_to IS NOT NULL",
        )[0][0]
        == 0
    )
    # B deletes its own draft; the province reads everything
    assert _affected(b, "DELETE FROM swc.ban_counties WHERE pub_id = %s", (draft_b.pub_id,)) == 1
    assert _affected(b, "DELETE FROM swc.publications WHERE pub_id = %s", (draft_b.pub_id,)) == 1
    _p, prov = province_user(cluster, name)
    assert fetch(prov, "SELECT count(*) FROM swc.ban_counties")[0][0] == 2  # B's and A's published rows
    assert {r[0] for r in fetch(prov, "SELECT adcode FROM swc.publications")} == {"130102", "130104"}
    assert pub_a.n_rows == 1
    for conn in (a, b, prov, admin_conn):
        conn.close()


# --- GeoPackage exchange ---------------------------------------------------------------------------
def _dump(conn):
    out = {}
    for k in schema.KINDS:
        cols = ", ".join(schema.quote_ident(c) for c in k.column_names)
        geom = ", ST_AsText(geom)" if k.geometry else ""
        out[k.key] = fetch(
            conn,
            f"SELECT pub_id::text, adcode, year, pub_status, algorithm, parameters, published_by, published_at, "
            f"valid_from, valid_to, unit_adcode, extra, {cols}{geom} FROM swc.{k.table} ORDER BY row_id",
        )
    out["publications"] = fetch(conn, "SELECT * FROM swc.publications ORDER BY pub_id")
    return out


def test_geopackage_round_trip_and_idempotent_import(db, tmp_path):
    cluster, name = db
    path = str(tmp_path / "县级成果_130631.gpkg")
    patches = [MultiPolygon([box(115.0, 38.0, 115.01, 38.01)]).wkb, box(115.02, 38.0, 115.03, 38.02).wkb]
    ban = package.export_package(
        path,
        "ban_patches",
        "130631",
        2024,
        ["COUNTY", "PATCH_ID", "AREA_HA", "RULE", "地类"],
        [(["望都县", 1, 8.5, "T25", "0301"], patches[0]), (["望都县", 2, 9.25, "RES20", "0404"], patches[1])],
        plugin_version=VERSION,
        published_by="wangdu",
        parameters={"THRESHOLD": 25},
    )
    first = package.export_package(
        path,
        "swc_rate",
        "130631",
        2024,
        *rate_rows("130631", [("望都县", 360.0, 60.0)]),
        plugin_version=VERSION,
        published_by="wangdu",
    )
    time.sleep(0.01)
    second = package.export_package(  # a correction, before sending: the package keeps both versions
        path,
        "swc_rate",
        "130631",
        2024,
        *rate_rows("130631", [("望都县", 360.0, 55.0)]),
        plugin_version=VERSION,
        published_by="wangdu",
    )
    dams = package.export_package(
        path,
        "check_dams",
        "130631",
        2024,
        ["DAM_ID", "H_M"],
        [([1, 5.0], Point(115.1, 38.1).wkb)],
        plugin_version=VERSION,
        published_by="wangdu",
        status="draft",
    )
    assert second.closed == [first.pub_id]
    pubs = package.read_publications(path)
    assert [p["pub_id"] for p in pubs] == [ban.pub_id, first.pub_id, second.pub_id, dams.pub_id]
    assert [p["valid_to"] is None for p in pubs] == [True, False, True, True]

    _u, prov = province_user(cluster, name)
    done = package.import_package(prov, path)
    assert [(d.pub_id, d.imported) for d in done] == [(p["pub_id"], True) for p in pubs]
    admin_conn = cluster.connect(name)
    once = _dump(admin_conn)
    # the rows as exported: values, extra fields, geometry, time and signature from the package
    rows = fetch(
        admin_conn,
        "SELECT patch_id, area_ha, rule, extra, published_by, ST_AsBinary(geom), parameters FROM swc.ban_patches "
        "ORDER BY patch_id",
    )
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        (1, 8.5, "T25", {"地类": "0301"}, "wangdu"),
        (2, 9.25, "RES20", {"地类": "0404"}, "wangdu"),
    ]
    assert shapely_wkb.loads(bytes(rows[0][5])).equals(shapely_wkb.loads(patches[0]))
    assert shapely_wkb.loads(bytes(rows[1][5])).equals(MultiPolygon([shapely_wkb.loads(patches[1])]))
    assert rows[0][6] == {"THRESHOLD": 25}
    versions = fetch(
        admin_conn,
        "SELECT pub_id::text, valid_to IS NULL, published_at, source, imported_by IS NOT NULL FROM swc.publications "
        "WHERE kind = 'swc_rate' ORDER BY valid_from",
    )
    assert [(v[0], v[1]) for v in versions] == [(first.pub_id, False), (second.pub_id, True)]
    assert versions[1][2].isoformat() == pubs[2]["published_at"].replace("Z", "+00:00")
    assert all(v[3] == "package" and v[4] for v in versions)
    current = fetch(admin_conn, "SELECT eroded_km2, unit_adcode FROM swc.swc_rate WHERE valid_to IS NULL")
    assert current == [(55.0, "130631")]
    assert fetch(admin_conn, "SELECT pub_status FROM swc.check_dams")[0][0] == "draft"

    # importing again changes nothing
    again = package.import_package(prov, path)
    assert [d.imported for d in again] == [False] * len(pubs)
    assert _dump(admin_conn) == once

    # a package written before a later online publish slots in by its time: it does not replace it
    late_path = str(tmp_path / "late.gpkg")
    late = package.export_package(
        late_path,
        "swc_rate",
        "130631",
        2024,
        *rate_rows("130631", [("望都县", 360.0, 52.0)]),
        plugin_version=VERSION,
        published_by="wangdu",
    )
    time.sleep(0.01)
    _user, county = county_user(cluster, name, "130631")
    online = publish.publish(
        county,
        "swc_rate",
        "130631",
        2024,
        *rate_rows("130631", [("望都县", 360.0, 50.0)]),
        plugin_version=VERSION,
    )
    package.import_package(prov, late_path)
    chain = fetch(
        admin_conn,
        "SELECT pub_id::text, valid_from, valid_to FROM swc.publications WHERE kind = 'swc_rate' ORDER BY valid_from",
    )
    assert [c[0] for c in chain] == [first.pub_id, second.pub_id, late.pub_id, online.pub_id]
    for older, newer in zip(chain, chain[1:]):
        assert older[2] == newer[1]  # each version ends where the next begins
    assert chain[-1][2] is None
    assert fetch(admin_conn, "SELECT eroded_km2 FROM swc.swc_rate WHERE valid_to IS NULL") == [(50.0,)]

    # a county cannot import another county's package
    _other_user, other = county_user(cluster, name, "130102")
    with pytest.raises(InputError, match="only write its own"):
        package.import_package(other, path)
    for conn in (prov, admin_conn, county, other):
        conn.close()


def test_an_export_killed_midway_leaves_the_package_as_it_was(tmp_path):
    from testdata import _PARENT

    path = str(tmp_path / "pkg.gpkg")
    package.export_package(
        path,
        "ban_counties",
        "130631",
        2024,
        ["COUNTY", "BAN_HA"],
        [(["望都县", 1.0], None)],
        plugin_version=VERSION,
        published_by="w",
    )
    script = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from swc_planner.algorithms.core.database import package
def rows():
    for i in range(100000):
        if i == 3000:
            open(sys.argv[3], "w").write("x"); time.sleep(120)
        yield ["望都县", float(i)], None
package.export_package(sys.argv[2], "ban_counties", "130631", 2025, ["COUNTY", "BAN_HA"], rows(), plugin_version="x",
                       published_by="w")
"""
    marker = tmp_path / "m"
    proc = subprocess.Popen([sys.executable, "-c", script, _PARENT, path, str(marker)])
    for _ in range(600):
        if marker.exists() or proc.poll() is not None:
            break
        time.sleep(0.1)
    assert marker.exists()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    pubs = package.read_publications(path)
    assert len(pubs) == 1 and pubs[0]["year"] == 2024
    from osgeo import ogr

    ds = ogr.Open(path)
    assert ds.GetLayerByName("ban_counties").GetFeatureCount() == 1


def test_a_county_with_nothing_of_a_kind_publishes_zero_rows(db, tmp_path):
    """An urban district with no steep slope publishes an empty ban layer: a publication of 0 rows
    that replaces an earlier version, so the province sees "none" rather than "not reported"; the
    same through an exchange package."""
    cluster, name = db
    user, conn = county_user(cluster, name, "130104")
    names = ["COUNTY", "PATCH_ID", "AREA_HA"]
    first = publish.publish(
        conn, "ban_patches", "130104", 2024, names, [(["桥西区", 1, 6.0], box(0, 0, 0.01, 0.01).wkb)],
        plugin_version=VERSION,
    )  # fmt: skip
    empty = publish.publish(conn, "ban_patches", "130104", 2024, names, [], plugin_version=VERSION)
    assert (first.n_rows, empty.n_rows) == (1, 0)
    admin_conn = cluster.connect(name)
    current = fetch(
        admin_conn, "SELECT count(*) FROM swc.ban_patches WHERE adcode = '130104' AND valid_to IS NULL"
    )
    pubs = fetch(
        admin_conn,
        "SELECT n_rows, valid_to IS NULL FROM swc.publications WHERE kind = 'ban_patches' AND adcode = '130104' "
        "ORDER BY valid_from",
    )
    assert current == [(0,)] and pubs == [(1, False), (0, True)]
    path = str(tmp_path / "130104.gpkg")
    package.export_package(
        path, "ban_patches", "130104", 2024, names, [], plugin_version=VERSION, published_by=user
    )
    assert [p["n_rows"] for p in package.read_publications(path)] == [0]
    _u, prov = province_user(cluster, name)
    assert [d.imported for d in package.import_package(prov, path)] == [True]
    admin_conn.close()
