#!/usr/bin/env python3
"""Benchmark: the per-county province batch (``scripts/province_batch.py``) on 1 and 2 workers, each
county's result published to a real PostgreSQL/PostGIS database.

Run with ``/usr/bin/python3 benchmarks/bench_batch.py [--keep DIR] [--jobs ban,classes]
[--workers 1,2] [--counties N]``.  The DEM is the 30 m Hebei mosaic of ``bench_province.py`` (452 M
cells, 209 M valid; made once in ``--keep``).  The database is a throwaway cluster on a Unix socket
(``tests/dbcluster.py``, the tests' own), migrated, with the 167 counties and their cities as units
and one province login; the workers reach it through a saved connection in a dedicated QGIS profile
and ``~/.pgpass``-style password file, as docs/database.md describes.

Jobs: ``ban`` = ``swcplanner:steepslopeban`` (25°, 5 ha, no land-use filter) published as
``ban_patches``; ``classes`` = ``swcplanner:slopeclasses`` published as ``slope_classes``.  Printed
per job and number of workers: wall time, counties per minute, mean seconds of the algorithm and of
the publish per county, the largest ``qgis_process`` peak memory, failed counties; and the ratio of
the 2-worker to the 1-worker wall time.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid

from bench_province import ADMIN, build  # (the same DEM)
from common import REPO, plugin_parent

sys.path.insert(0, os.path.join(REPO, "tests"))

PASSWORD = "bench-" + uuid.uuid4().hex[:8]
JOBS = {
    "ban": [
        "--algorithm", "steepslopeban", "--zones-param", "COUNTIES", "--zone-field-param", "COUNTY_FIELD",
        "--param", "THRESHOLD=25", "--param", "MIN_AREA=5", "--param", "NO_LANDUSE_FILTER=true",
        "--param", "OUTPUT={work}/ban.gpkg", "--output", "OUTPUT", "--kind", "ban_patches",
    ],
    "classes": [
        "--algorithm", "slopeclasses", "--param", "OUTPUT={work}/classes.tif",
        "--output", "TABLE", "--kind", "slope_classes",
    ],
}  # fmt: skip


def units() -> list:
    """``(adcode, name, level, parent, wkb)`` of Hebei, its cities and its 167 counties (EPSG:4490)."""
    from osgeo import ogr

    ds = ogr.Open(ADMIN)
    layer = ds.GetLayerByName("counties")
    out = [("130000", "河北省", "province", None, None)]
    cities = {}
    for f in layer:
        city = str(f.GetField("city_adcode"))
        cities[city] = f.GetField("city_name")
        out.append((str(f.GetField("district_adcode")), f.GetField("district_name"), "county", city, None))
    ds = None
    return out[:1] + [(c, n, "city", "130000", None) for c, n in sorted(cities.items())] + out[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="make the DEM here and keep it")
    parser.add_argument("--jobs", default="ban,classes")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--counties", type=int, help="only the first N counties")
    parser.add_argument("--json")
    args = parser.parse_args()
    import dbcluster
    import testdata  # noqa: F401  (the swc_planner import root)

    from swc_planner.algorithms.core.database import admin, migrate

    work = args.keep or tempfile.mkdtemp(prefix="bench_batch_")
    os.makedirs(work, exist_ok=True)
    info = build(work)
    cluster = dbcluster.start_cluster()
    rows = []
    try:
        db = cluster.create_database("bench")
        conn = cluster.connect(db)
        migrate.migrate(conn)
        admin.load_units(conn, units())
        user = "bench_prov_" + uuid.uuid4().hex[:6]
        admin.add_login(conn, user, PASSWORD, province=True)
        conn.close()
        pgpass = os.path.join(work, "pgpass")
        with open(pgpass, "w", encoding="utf-8") as fh:
            fh.write(f"{cluster.socket_dir}:5432:{db}:{user}:{PASSWORD}\n")
        os.chmod(pgpass, 0o600)
        env = dict(os.environ, PGPASSFILE=pgpass, QT_QPA_PLATFORM="offscreen")
        parent = plugin_parent(work)
        for job in args.jobs.split(","):
            walls = {}
            for workers in [int(w) for w in args.workers.split(",")]:
                run_dir = tempfile.mkdtemp(dir=work)
                report = os.path.join(run_dir, "batch.csv")
                cmd = [
                    sys.executable, os.path.join(REPO, "scripts", "province_batch.py"),
                    "--counties", info["counties"], "--layer", "counties",
                    "--param", f"DEM={info['dem']}", "--clip-param", "DEM", *JOBS[job], "--year", "2026",
                    "--database", "benchdb", "--profile", os.path.join(run_dir, "profile"),
                    "--connection-uri", f"host={cluster.socket_dir} port=5432 dbname={db} user={user}",
                    "--plugin-path", parent, "--workers", str(workers),
                    "--work", os.path.join(run_dir, "work"), "--report", report,
                ]  # fmt: skip
                if args.counties:
                    codes = subprocess.run(
                        cmd + ["--list"], env=env, capture_output=True, text=True, check=True
                    ).stdout.split()
                    cmd += ["--only", ",".join(codes[: args.counties])]
                out = subprocess.run(cmd, env=env, capture_output=True, text=True)
                lines = out.stdout.strip().splitlines()
                try:  # the summary line; failed counties are listed on stderr (exit 1)
                    summary = json.loads(next(line for line in lines if line.startswith("{")))
                except (StopIteration, ValueError):
                    print(f"{job} on {workers} worker(s) failed:\n{out.stdout[-2000:]}{out.stderr[-2000:]}")
                    return 1
                for line in out.stderr.splitlines():
                    if line[:6].isdigit():
                        print(f"  failed: {line}")
                with open(report, encoding="utf-8") as fh:
                    per = [r for r in csv.DictReader(fh) if r["status"] == "ok"]

                def mean(key, per=per):
                    return sum(float(r[key]) for r in per) / max(1, len(per))

                res = {
                    "job": job,
                    "workers": workers,
                    "counties": summary["counties"],
                    "failed": summary["failed"],
                    "wall_s": summary["wall_s"],
                    "counties_per_min": summary["counties_per_min"],
                    "run_s_mean": round(mean("run_s"), 2),
                    "publish_s_mean": round(mean("publish_s"), 2),
                    "peak_mib": max(float(r[k] or 0) for r in per for k in ("run_mib", "publish_mib")),
                    "rows": sum(int(r["rows"] or 0) for r in per),
                }
                walls[workers] = summary["wall_s"]
                if 1 in walls and workers != 1:
                    res["speed_up"] = round(walls[1] / summary["wall_s"], 2)
                rows.append(res)
                print(json.dumps(res, ensure_ascii=False), flush=True)
                shutil.rmtree(run_dir, ignore_errors=True)
    finally:
        cluster.stop()
    print()
    print(
        "| job | workers | counties | wall (s) | counties / min | algorithm s / county | publish s / county "
        "| peak MiB per qgis_process | rows | failed | speed-up |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['job']} | {r['workers']} | {r['counties']} | {r['wall_s']:.0f} | {r['counties_per_min']} "
            f"| {r['run_s_mean']} | {r['publish_s_mean']} | {r['peak_mib']:.0f} | {r['rows']:,} "
            f"| {r['failed']} | {r.get('speed_up', '')} |"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
