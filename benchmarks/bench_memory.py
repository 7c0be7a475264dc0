#!/usr/bin/env python3
"""Benchmark: peak memory and time per cell of the local operators on DEMs of 4 to 270 M cells.

Run with ``/usr/bin/python3 benchmarks/bench_memory.py`` (``--sizes 4,17,70,270``; ``--keep DIR``
keeps the DEMs).  The DEMs are made in a temporary folder from the shared Qinling DEM: warped
to 60 m (4.3 M cells) and 30 m (17.1 M cells), and mosaics of the 30 m one built as VRTs (2 × 2
tiles: 68.6 M cells, 4 × 4 tiles: 274 M cells; their realism does not matter).  The counties are
a 4 × 4 grid of polygons over the DEM.  Jobs, each in its own process:

* ``slope``: ``core.terrain.slope_to_raster`` (Float32 GeoTIFF);
* ``slope classes``: ``processing.run("swcplanner:slopeclasses")`` with the counties as zones;
* ``ban``: ``processing.run("swcplanner:steepslopeban")`` (25°, 5 ha, the county assignment,
  patch building and statistics, GeoPackage outputs).

Printed per job and DEM: cells, time of the job (QGIS jobs: the ``processing.run`` call alone),
nanoseconds per cell, the process's peak resident memory (``ru_maxrss``, QGIS included) and the
numpy peak (``tracemalloc`` around the job).  Local operators should keep the numpy peak flat:
set by the block size and the number of output features, not by the DEM.  The resident peak
also holds GDAL's block cache, which grows to ``GDAL_CACHEMAX`` (by default 5 % of the RAM)
whatever the operator does; ``--gdal-cache MB`` sets it for the jobs.  ``tracemalloc`` slows the
Python-heavy stages (patch building): ``SWC_BENCH_TRACE=0`` times the jobs without it (no numpy
peak then); ``bench_province.py --no-trace`` does that.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from common import DATA, PY, megabytes, plugin_parent  # noqa: E402

SRC = os.path.join(DATA, "qinling_dem_110m", "qinling_dem_100m_cgcs2000_gk36.tif")

PRELUDE = r"""
import json, os, resource, sys, time, tracemalloc
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, sys.argv[1])
TRACE = os.environ.get("SWC_BENCH_TRACE", "1") != "0"  # tracemalloc slows Python-heavy stages
def start():
    if TRACE:
        tracemalloc.start()
    return time.perf_counter()
def stop(t0):
    dt = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] if TRACE else None
    tracemalloc.stop()
    return dt, peak
def report(seconds, peak, extra=None):
    out = {"s": seconds, "numpy_mb": None if peak is None else peak / 2**20,
           "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}
    out.update(extra or {})
    print("RESULT " + json.dumps(out)); sys.stdout.flush()
"""

RUN_SLOPE = (
    PRELUDE
    + r"""
from swc_planner.algorithms.core.terrain import slope_to_raster
t0 = start()
slope_to_raster(sys.argv[2], sys.argv[3])
dt, peak = stop(t0)
report(dt, peak)
"""
)

RUN_QGIS = (
    PRELUDE
    + r"""
sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import QgsApplication
app = QgsApplication([], False); app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
from swc_planner.algorithms.provider import SwcPlannerProvider
provider = SwcPlannerProvider()  # keep a reference: the registry does not own it from Python
QgsApplication.processingRegistry().addProvider(provider)
import processing
job, dem, counties, out_dir = sys.argv[2:6]
field = sys.argv[6] if len(sys.argv) > 6 else "name"
if job == "ban":
    alg, p = "swcplanner:steepslopeban", {"DEM": dem, "COUNTIES": counties, "COUNTY_FIELD": field,
        "THRESHOLD": 25, "MIN_AREA": 5, "NO_LANDUSE_FILTER": True, "OUTPUT": os.path.join(out_dir, "ban.gpkg"),
        "SUMMARY": os.path.join(out_dir, "ban_summary.gpkg")}
else:
    alg, p = "swcplanner:slopeclasses", {"DEM": dem, "ZONES": counties, "ZONE_FIELD": field,
        "OUTPUT": os.path.join(out_dir, "classes.tif"), "TABLE": os.path.join(out_dir, "classes.gpkg")}
t0 = start()
res = processing.run(alg, p)
dt, peak = stop(t0)
extra = {}
if job == "ban":
    from osgeo import ogr
    ds = ogr.Open(res["OUTPUT"]); extra["features"] = ds.GetLayer(0).GetFeatureCount(); ds = None
report(dt, peak, extra)
os._exit(0)
"""
)


def make_dems(work: str, sizes) -> dict:
    """DEM path per size label (M cells)."""
    from osgeo import gdal

    q30 = os.path.join(work, "q30.tif")
    subprocess.run(
        ["gdalwarp", "-q", "-tr", "30", "30", "-r", "bilinear", "-co", "TILED=YES", SRC, q30], check=True
    )
    out = {}
    if 4 in sizes:
        q60 = os.path.join(work, "q60.tif")
        subprocess.run(
            ["gdalwarp", "-q", "-tr", "60", "60", "-r", "bilinear", "-co", "TILED=YES", SRC, q60], check=True
        )
        out[4] = q60
    if 17 in sizes:
        out[17] = q30
    ds = gdal.Open(q30)
    cols, rows, gt = ds.RasterXSize, ds.RasterYSize, ds.GetGeoTransform()
    nod = ds.GetRasterBand(1).GetNoDataValue()
    ds = None
    for label, k in ((70, 2), (270, 4)):
        if label not in sizes:
            continue
        path = os.path.join(work, f"mosaic_{k}x{k}.vrt")
        srcs = []
        for i in range(k):
            for j in range(k):
                srcs.append(
                    '<SimpleSource><SourceFilename relativeToVRT="1">q30.tif</SourceFilename>'
                    "<SourceBand>1</SourceBand>"
                    f'<SrcRect xOff="0" yOff="0" xSize="{cols}" ySize="{rows}"/>'
                    f'<DstRect xOff="{j * cols}" yOff="{i * rows}" xSize="{cols}" ySize="{rows}"/>'
                    "</SimpleSource>"
                )
        nodata = f"<NoDataValue>{nod}</NoDataValue>" if nod is not None else ""
        with open(path, "w") as f:
            f.write(
                f'<VRTDataset rasterXSize="{k * cols}" rasterYSize="{k * rows}">'
                f"<SRS>{gdal.Open(q30).GetProjection()}</SRS>"
                f"<GeoTransform>{', '.join(repr(v) for v in gt)}</GeoTransform>"
                f'<VRTRasterBand dataType="Float32" band="1">{nodata}{"".join(srcs)}</VRTRasterBand>'
                "</VRTDataset>"
            )
        out[label] = path
    return out


def county_grid(dem: str, path: str, n: int = 4) -> str:
    from osgeo import gdal, ogr, osr

    ds = gdal.Open(dem)
    cols, rows, gt = ds.RasterXSize, ds.RasterYSize, ds.GetGeoTransform()
    srs = osr.SpatialReference()
    srs.ImportFromWkt(ds.GetProjection())
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = out.CreateLayer("counties", srs, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    x0, y0 = gt[0], gt[3]
    w, h = cols * gt[1] / n, rows * gt[5] / n
    for i in range(n):
        for j in range(n):
            xa, xb = x0 + j * w, x0 + (j + 1) * w
            ya, yb = y0 + (i + 1) * h, y0 + i * h
            f = ogr.Feature(lyr.GetLayerDefn())
            f.SetField("name", f"县{i * n + j + 1:02d}")
            f.SetGeometry(
                ogr.CreateGeometryFromWkt(f"POLYGON(({xa} {ya},{xb} {ya},{xb} {yb},{xa} {yb},{xa} {ya}))")
            )
            lyr.CreateFeature(f)
    out = None
    return path


def run(code: str, args, env) -> dict:
    proc = subprocess.run([PY, "-c", code, REPO_PARENT, *args], capture_output=True, text=True, env=env)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    return {"error": (proc.stderr or proc.stdout)[-800:]}


REPO_PARENT = ""


def main() -> int:
    global REPO_PARENT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="4,17,70,270")
    parser.add_argument("--jobs", default="slope,classes,ban")
    parser.add_argument("--gdal-cache", type=int, help="GDAL_CACHEMAX (MB) for the jobs")
    parser.add_argument("--keep", help="make the DEMs here and keep them")
    parser.add_argument("--json")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.keep or tempfile.mkdtemp(prefix="bench_memory_")
    os.makedirs(work, exist_ok=True)
    parent = plugin_parent(work)
    REPO_PARENT = parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if args.gdal_cache:
        env["GDAL_CACHEMAX"] = str(args.gdal_cache)
    rows = []
    try:
        dems = make_dems(work, sizes)
        for size in sizes:
            dem = dems[size]
            from osgeo import gdal

            ds = gdal.Open(dem)
            cells = ds.RasterXSize * ds.RasterYSize
            ds = None
            counties = county_grid(dem, os.path.join(work, f"counties_{size}.gpkg"))
            out_dir = tempfile.mkdtemp(dir=work)
            for job in args.jobs.split(","):
                if job == "slope":
                    res = run(RUN_SLOPE, [dem, os.path.join(out_dir, "slope.tif")], env)
                else:
                    res = run(RUN_QGIS, [job, dem, counties, out_dir], env)
                res.update(job=job, cells=cells)
                rows.append(res)
                print(json.dumps(res), flush=True)
            shutil.rmtree(out_dir, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("\n| job | cells | time (s) | ns per cell | peak RSS MB | numpy peak MB | features |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        if "error" in r:
            print(
                f"| {r['job']} | {r['cells']:,} | ERROR {r['error'].strip().splitlines()[-1][:80]} | | | | |"
            )
            continue
        print(
            "| {} | {:,} | {:.1f} | {:.0f} | {:.0f} | {} | {} |".format(
                r["job"],
                r["cells"],
                r["s"],
                1e9 * r["s"] / r["cells"],
                r["rss_mb"],
                megabytes(r["numpy_mb"]),
                r.get("features", ""),
            )
        )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
