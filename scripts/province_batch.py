#!/usr/bin/env python3
"""Province-scale batch: one SWC Planner algorithm per county of a county layer, through ``qgis_process``,
in N parallel worker processes, each result published to the provincial database (or an exchange package).

Per county (a job):

1. the county's polygon is written to ``WORK/<adcode>/county.gpkg`` (layer ``county``, field ``name``);
2. with ``--clip-param DEM`` the raster of that parameter is cut to the county's extent plus a margin
   (a GDAL VRT: nothing is copied), so each run reads its county only;
3. ``qgis_process run swcplanner:<algorithm>`` with ``--param`` values, the county as ``ZONES`` /
   ``ZONE_FIELD`` (``--zones-param``; ``--no-zones`` to leave them out) and every output in
   ``WORK/<adcode>/``; ``{adcode}``, ``{name}`` and ``{work}`` in a value are replaced;
4. ``qgis_process run swcplanner:publishresults`` of ``--output`` as ``--kind`` for the county and
   ``--year`` (``--database`` is a PostgreSQL connection of the QGIS profile, ``--authcfg`` an
   authentication configuration, or neither with ``~/.pgpass`` / a service); with ``--package-dir``
   ``swcplanner:exportpackage`` writes ``<package-dir>/<adcode>.gpkg`` instead.

Each job appends one line to ``--report`` (CSV: adcode, name, status, seconds of each step, peak memory
of each ``qgis_process`` in MiB, rows, publication id, error); the run prints counties per minute.

One county per call (schedulers): ``--only 130731`` or ``--task-index N`` (the N-th county, 0-based:
``--task-index $SLURM_ARRAY_TASK_ID``); ``--list`` prints the adcodes, one a line, for GNU parallel.
See docs/database.md (Province-scale batch) for a Slurm job array and GNU parallel over 167 counties.

Example (Hebei, slope classes on the 1 km DEM, 2 workers)::

    python3 scripts/province_batch.py --counties hebei_admin_tianditu_cgcs2000.gpkg --layer counties \\
        --algorithm slopeclasses --param DEM=hebei_dem_1km_cgcs2000_gk39.tif --clip-param DEM \\
        --output TABLE --kind slope_classes --year 2024 --database swc --workers 2 --work /tmp/batch
"""

from __future__ import annotations

import argparse
import csv
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List, Optional, Sequence, Tuple

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian: the wrapper qgis_process adds a flag 3.22 rejects
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
REPORT_FIELDS = (
    "adcode",
    "name",
    "status",
    "run_s",
    "publish_s",
    "total_s",
    "run_mib",
    "publish_mib",
    "rows",
    "pub_id",
    "error",
)


# -- counties ---------------------------------------------------------------------------------------
def read_counties(
    path: str, layer: Optional[str], adcode_field: str, name_field: str
) -> List[Tuple[str, str]]:
    """``[(adcode, name)]`` of the county layer, in adcode order."""
    from osgeo import ogr

    try:
        ds = ogr.Open(path)
    except RuntimeError as exc:
        raise SystemExit(f"cannot open {path}: {exc}") from exc
    if ds is None:
        raise SystemExit(f"cannot open {path}")
    try:
        lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    except RuntimeError:
        lyr = None
    if lyr is None:
        raise SystemExit(f"{path} has no layer {layer}")
    out = []
    for feat in lyr:
        code = feat.GetField(adcode_field)
        if code is None:
            continue
        code = str(int(code)) if isinstance(code, (int, float)) else str(code).strip()
        out.append((code, str(feat.GetField(name_field))))
    return sorted(out)


def county_feature(path: str, layer: Optional[str], adcode_field: str, adcode: str):
    """``(feature, srs, dataset)`` of the county; keep the dataset while the others are used."""
    from osgeo import ogr

    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    kind = defn.GetFieldDefn(defn.GetFieldIndex(adcode_field)).GetType()
    value = f"'{adcode}'" if kind == ogr.OFTString else str(int(adcode))
    lyr.SetAttributeFilter(f"{adcode_field} = {value}")
    feat = lyr.GetNextFeature()
    if feat is None:
        raise RuntimeError(f"county {adcode} not found in {path}")
    return feat, lyr.GetSpatialRef().Clone(), ds


def county_file(feat, name: str, srs, target: str) -> str:
    """The county's polygon into ``target`` (layer ``county``, field ``name``); returns its URI."""
    from osgeo import ogr

    if os.path.exists(target):
        os.remove(target)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(target)
    lyr = out.CreateLayer("county", srs, ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    new = ogr.Feature(lyr.GetLayerDefn())
    new.SetField("name", name)
    new.SetGeometry(ogr.ForceToMultiPolygon(feat.GetGeometryRef().Clone()))
    lyr.CreateFeature(new)
    out = None
    return f"{target}|layername=county"


def clip_raster(raster: str, geom, srs, target: str, margin_cells: int) -> str:
    """A VRT of ``raster`` over the envelope of ``geom`` (in ``srs``) plus ``margin_cells`` cells."""
    from osgeo import gdal, osr

    ds = gdal.Open(raster)
    dst = osr.SpatialReference()
    dst.ImportFromWkt(ds.GetProjection())
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    srs = srs.Clone()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    g = geom.Clone()
    g.Transform(osr.CoordinateTransformation(srs, dst))
    xmin, xmax, ymin, ymax = g.GetEnvelope()
    gt = ds.GetGeoTransform()
    cx, cy = abs(gt[1]), abs(gt[5])
    window = [
        xmin - margin_cells * cx,
        ymax + margin_cells * cy,
        xmax + margin_cells * cx,
        ymin - margin_cells * cy,
    ]
    # snap to the grid so the cells stay the raster's own
    window[0] = gt[0] + ((window[0] - gt[0]) // cx) * cx
    window[2] = gt[0] + -((gt[0] - window[2]) // cx) * cx
    window[1] = gt[3] - ((gt[3] - window[1]) // cy) * cy
    window[3] = gt[3] - -((window[3] - gt[3]) // cy) * cy
    gdal.Translate(target, ds, format="VRT", projWin=window)
    return target


# -- qgis_process -----------------------------------------------------------------------------------
def run_qgis_process(
    qgis_process: str, args: Sequence[str], env: Dict[str, str], log: str
) -> Tuple[int, float, float, Dict[str, Any]]:
    """Run ``qgis_process`` with ``args``; returns (exit code, seconds, peak resident MiB, JSON results)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, open(log, "ab") as err:
        proc = subprocess.Popen([qgis_process, *args], stdout=out, stderr=err, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)  # reaps the child and gives its peak memory
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        err.write(text.encode("utf-8"))
    results: Dict[str, Any] = {}
    if "{" in text:
        try:
            results = json.loads(text[text.index("{") :]).get("results", {})
        except ValueError:
            results = {}
    return proc.returncode, seconds, usage.ru_maxrss / 1024.0, results


def qp_args(alg: str, params: Dict[str, str]) -> List[str]:
    return ["run", alg, "--json", "--"] + [f"{k}={v}" for k, v in params.items()]


# -- one county -------------------------------------------------------------------------------------
def kind_index(kind: str) -> int:
    """Index of a result kind in publishresults' KIND list (the registry's order)."""
    sys.path.insert(0, REPO)
    from algorithms.core.database.schema import KINDS  # the plugin folder itself, no QGIS needed

    keys = [k.key for k in KINDS]
    if kind not in keys:
        raise SystemExit(f"unknown kind {kind}; known: {', '.join(keys)}")
    return keys.index(kind)


SAVE_CONNECTION = r"""
import os, sys
from qgis.PyQt.QtCore import QCoreApplication, QSettings
from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry, QgsSettings
root, name, conninfo = sys.argv[1:4]
# qgis_process opens the default profile of QGIS_CUSTOM_CONFIG_PATH (<root>/profiles/default): QgsApplication
# without a profile folder resolves it the same way, so QGIS 3.22 and 3.40+ both save where it reads.
# Naming the folder (QgsApplication(argv, False, folder)) with QSettings.setPath worked on 3.22 only: 3.40+
# write the connection into the user's own profile instead.
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = root
QCoreApplication.setOrganizationName(QgsApplication.QGIS_ORGANIZATION_NAME)
QCoreApplication.setOrganizationDomain(QgsApplication.QGIS_ORGANIZATION_DOMAIN)
QCoreApplication.setApplicationName(QgsApplication.QGIS_APPLICATION_NAME)
QSettings.setDefaultFormat(QSettings.IniFormat)
app = QgsApplication([], False)
app.initQgis()
settings = QgsSettings().fileName()
if not os.path.abspath(settings).startswith(os.path.abspath(root) + os.sep):
    sys.exit(f"QGIS keeps this profile's settings in {settings}, outside {root}")
md = QgsProviderRegistry.instance().providerMetadata("postgres")
uri = QgsDataSourceUri(conninfo)
md.saveConnection(md.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": False}), name)
if name not in md.connections():
    sys.exit(f"QGIS did not keep the connection {name}")
print(settings)
app.exitQgis()
"""


def save_connection(profile: str, name: str, conninfo: str) -> str:
    """Store a PostgreSQL connection (no password) in the QGIS profile folder that ``qgis_process`` opens
    with ``QGIS_CUSTOM_CONFIG_PATH=profile``, through the provider-connection API; returns the settings file.
    """
    if "password" in conninfo.lower():
        raise SystemExit("--connection-uri must not hold a password: use ~/.pgpass, a service or --authcfg")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=profile)
    out = subprocess.run(
        ["/usr/bin/python3", "-c", SAVE_CONNECTION, profile, name, conninfo],
        env=env,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise SystemExit(f"cannot save the connection:\n{out.stderr}")
    return out.stdout.strip().splitlines()[-1]


def do_county(args, adcode: str, name: str, env: Dict[str, str], kind: int) -> Dict[str, Any]:
    work = os.path.join(args.work, adcode)
    os.makedirs(work, exist_ok=True)
    log = os.path.join(work, "qgis_process.log")
    row: Dict[str, Any] = {"adcode": adcode, "name": name, "status": "failed"}
    t0 = time.perf_counter()
    try:
        feat, srs, _ds = county_feature(args.counties, args.layer, args.adcode_field, adcode)
        county = county_file(feat, name, srs, os.path.join(work, "county.gpkg"))
        subst = {"adcode": adcode, "name": name, "work": work}
        params = {k: v.format(**subst) for k, v in args.param}
        recorded = dict(params)  # what the database records: the user's values, not the work files
        if args.clip_param:
            params[args.clip_param] = clip_raster(
                params[args.clip_param],
                feat.GetGeometryRef(),
                srs,
                os.path.join(work, "clip.vrt"),
                args.clip_margin,
            )
        if not args.no_zones:
            params.setdefault(args.zones_param, county)
            params.setdefault(args.zone_field_param, "name")
        params.setdefault(args.output, os.path.join(work, f"{args.output}.gpkg"))
        status, seconds, peak, results = run_qgis_process(
            args.qgis_process, qp_args(f"swcplanner:{args.algorithm}", params), env, log
        )
        row.update(run_s=round(seconds, 2), run_mib=round(peak, 1))
        if status != 0 or args.output not in results:
            raise RuntimeError(f"{args.algorithm} failed (exit {status}); see {log}")
        if not args.no_publish:
            public = {k: v for k, v in recorded.items() if not v.startswith(work)}
            if args.clip_param:
                public["_clipped_to_county"] = args.clip_param
            if not args.no_zones:
                public[args.zones_param] = (
                    f"{os.path.basename(args.counties)}: {args.adcode_field} = {adcode}"
                )
            pub = {
                "INPUT": results[args.output],
                "KIND": str(kind),
                "ADCODE": adcode,
                "YEAR": str(args.year),
                "SOURCE_ALGORITHM": args.algorithm,
                "SOURCE_PARAMETERS": json.dumps(public, ensure_ascii=False),
            }
            if args.draft:
                pub["DRAFT"] = "true"
            if args.package_dir:
                os.makedirs(args.package_dir, exist_ok=True)
                pub["PACKAGE"] = os.path.join(args.package_dir, f"{adcode}.gpkg")
                alg = "swcplanner:exportpackage"
            else:
                pub["DATABASE"] = args.database
                if args.authcfg:
                    pub["AUTHCFG"] = args.authcfg
                alg = "swcplanner:publishresults"
            status, seconds, peak, results = run_qgis_process(args.qgis_process, qp_args(alg, pub), env, log)
            row.update(publish_s=round(seconds, 2), publish_mib=round(peak, 1))
            if status != 0 or "PUB_ID" not in results:
                raise RuntimeError(f"publishing failed (exit {status}); see {log}")
            row.update(rows=results.get("ROWS", ""), pub_id=results["PUB_ID"])
        row["status"] = "ok"
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    except Exception as exc:  # noqa: BLE001 - reported per county, the batch goes on
        row["error"] = str(exc)
    row["total_s"] = round(time.perf_counter() - t0, 2)
    append_report(args.report, row)
    return row


def append_report(path: Optional[str], row: Dict[str, Any]) -> None:
    if not path:
        return
    with open(path, "a", encoding="utf-8", newline="") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        new = handle.tell() == 0
        writer = csv.DictWriter(handle, REPORT_FIELDS)
        if new:
            writer.writeheader()
        writer.writerow({k: row.get(k, "") for k in REPORT_FIELDS})
        fcntl.flock(handle, fcntl.LOCK_UN)


def prepare_env(args) -> Dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.plugin_path:
        env["QGIS_PLUGINPATH"] = args.plugin_path
    if args.profile:
        env["QGIS_CUSTOM_CONFIG_PATH"] = args.profile
    out = subprocess.run(
        [args.qgis_process, "plugins", "enable", "swc_planner"], env=env, capture_output=True, text=True
    )
    if out.returncode != 0 and "already enabled" not in out.stdout + out.stderr:
        raise SystemExit(f"qgis_process cannot enable swc_planner:\n{out.stdout}\n{out.stderr}")
    return env


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--counties", required=True, help="county layer (GeoPackage, shapefile, ...)")
    p.add_argument("--layer", default=None, help="layer of --counties (default: the first)")
    p.add_argument("--adcode-field", default="district_adcode")
    p.add_argument("--name-field", default="district_name")
    p.add_argument("--algorithm", default="slopeclasses", help="algorithm id without swcplanner:")
    p.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="a parameter of the algorithm"
    )
    p.add_argument("--clip-param", help="raster parameter cut to each county (e.g. DEM)")
    p.add_argument("--clip-margin", type=int, default=3, help="cells around the county when clipping")
    p.add_argument("--zones-param", default="ZONES")
    p.add_argument("--zone-field-param", default="ZONE_FIELD")
    p.add_argument("--no-zones", action="store_true", help="do not pass the county as zones")
    p.add_argument("--output", default="TABLE", help="output of the algorithm that is published")
    p.add_argument("--kind", default="slope_classes", help="result kind (docs/database.md)")
    p.add_argument("--year", type=int, default=time.localtime().tm_year)
    p.add_argument("--database", help="PostgreSQL connection name in the QGIS profile")
    p.add_argument("--authcfg", help="QGIS authentication configuration id")
    p.add_argument("--package-dir", help="write exchange packages there instead of publishing")
    p.add_argument("--draft", action="store_true")
    p.add_argument("--no-publish", action="store_true", help="run the algorithm only")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--work", default=None, help="work folder (default: a temporary one)")
    p.add_argument("--keep", action="store_true", help="keep each county's work folder")
    p.add_argument("--only", help="comma-separated adcodes")
    p.add_argument("--task-index", type=int, help="run only the N-th county (0-based; Slurm array index)")
    p.add_argument("--list", action="store_true", help="print the adcodes and stop")
    p.add_argument("--report", help="CSV report (appended to)")
    p.add_argument("--qgis-process", default=QGIS_PROCESS)
    p.add_argument("--plugin-path", help="QGIS_PLUGINPATH: the folder that holds swc_planner")
    p.add_argument("--profile", help="QGIS_CUSTOM_CONFIG_PATH for qgis_process (its connections, auth)")
    p.add_argument(
        "--connection-uri",
        help="store --database in --profile first, from libpq keywords without a password "
        '(e.g. "host=db.example port=5432 dbname=swc user=swc_batch")',
    )
    args = p.parse_args(argv)
    pairs = []
    for item in args.param:
        if "=" not in item:
            p.error(f"--param {item}: NAME=VALUE")
        k, v = item.split("=", 1)
        pairs.append((k, v))
    args.param = pairs
    if not args.no_publish and not args.package_dir and not args.database and not args.list:
        p.error("give --database (or --package-dir, or --no-publish)")
    return args


def use_gdal_exceptions() -> None:
    """This program's own GDAL mode, chosen explicitly (GDAL 3.9+ warns when neither is called): errors
    as exceptions, which each county's job reports."""
    from osgeo import gdal, ogr, osr

    for module in (gdal, ogr, osr):
        module.UseExceptions()


def main(argv=None) -> int:
    args = parse_args(argv)
    use_gdal_exceptions()
    if args.profile:
        args.profile = os.path.abspath(args.profile)
    counties = read_counties(args.counties, args.layer, args.adcode_field, args.name_field)
    if args.list:
        for code, _name in counties:
            print(code)
        return 0
    if args.only:
        wanted = {c.strip() for c in args.only.split(",") if c.strip()}
        counties = [c for c in counties if c[0] in wanted]
    if args.task_index is not None:
        counties = counties[args.task_index : args.task_index + 1]
    if not counties:
        raise SystemExit("no county selected")
    args.work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="swc_batch_"))
    os.makedirs(args.work, exist_ok=True)
    kind = kind_index(args.kind)
    if args.connection_uri:
        if not (args.profile and args.database):
            raise SystemExit("--connection-uri needs --profile and --database")
        save_connection(args.profile, args.database, args.connection_uri)
    env = prepare_env(args)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
        rows = list(pool.map(lambda c: do_county(args, c[0], c[1], env, kind), counties))
    wall = time.perf_counter() - start
    ok = [r for r in rows if r["status"] == "ok"]
    peak = max([float(r.get(k) or 0) for r in rows for k in ("run_mib", "publish_mib")] or [0.0])
    summary = {
        "counties": len(rows),
        "ok": len(ok),
        "failed": len(rows) - len(ok),
        "workers": args.workers,
        "wall_s": round(wall, 1),
        "counties_per_min": round(60.0 * len(ok) / wall, 2) if wall else None,
        "peak_qgis_process_mib": round(peak, 1),
        "mean_run_s": round(sum(float(r.get("run_s") or 0) for r in ok) / len(ok), 2) if ok else None,
        "mean_publish_s": round(sum(float(r.get("publish_s") or 0) for r in ok) / len(ok), 2) if ok else None,
    }
    print(json.dumps(summary, ensure_ascii=False))
    for r in rows:
        if r["status"] != "ok":
            print(f"{r['adcode']} {r['name']}: {r.get('error')}", file=sys.stderr)
    return 0 if len(ok) == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
