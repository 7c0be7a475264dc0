#!/usr/bin/env python3
"""steepslopeban and its slope step against GDAL's command-line tools, same DEM, same run.

DEM: the Qinling DEM warped to 30 m with gdalwarp (about 17 M cells), made here.
Compared:

* slope: ``gdaldem slope -compute_edges`` vs ``core.terrain.slope_to_raster``;
* whole job: ``gdaldem slope`` → ``gdal_calc.py`` (slope > 25 and inside the
  county) → ``gdal_sieve.py`` (8-connected, 5 ha) → ``gdal_polygonize.py``
  vs ``swcplanner:steepslopeban`` (through Processing, with the county
  rasterization, per-patch statistics and tables it adds).

Each side runs in its own process; wall time and peak memory (ru_maxrss of
the child, GDAL pipelines: the largest of its commands) are printed with the
ratios.  Run: ``/usr/bin/python3 benchmarks/bench_steepslope.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

from common import DATA, PY, measure, plugin_parent  # noqa: E402

SRC = os.path.join(DATA, "qinling_dem_110m", "qinling_dem_100m_cgcs2000_gk36.tif")


RUN_SLOPE = r"""
import sys
sys.path.insert(0, sys.argv[1])
from swc_planner.algorithms.core.terrain import slope_to_raster
slope_to_raster(sys.argv[2], sys.argv[3])
"""

RUN_ALG = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.append("/usr/share/qgis/python/plugins")
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication
app = QgsApplication([], False); app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
from swc_planner.algorithms.provider import SwcPlannerProvider
p = SwcPlannerProvider(); QgsApplication.processingRegistry().addProvider(p)
import time
import processing
t0 = time.perf_counter()
r = processing.run("swcplanner:steepslopeban", {"DEM": sys.argv[3], "COUNTIES": sys.argv[4],
        "COUNTY_FIELD": "name", "THRESHOLD": 25, "NO_LANDUSE_FILTER": True, "MIN_AREA": 5, "OUTPUT": sys.argv[5],
        "SUMMARY": sys.argv[6]})
print("ALG_SECONDS", time.perf_counter() - t0)
sys.stdout.flush(); os._exit(0)
"""


def main() -> int:
    if not os.path.exists(SRC):
        print("missing", SRC)
        return 1
    work = tempfile.mkdtemp(prefix="swc_bench_")
    parent = plugin_parent(work)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        dem = os.path.join(work, "qinling_30m.tif")
        subprocess.run(
            ["gdalwarp", "-q", "-tr", "30", "30", "-r", "bilinear", "-co", "TILED=YES", SRC, dem], check=True
        )
        from osgeo import gdal, ogr, osr

        ds = gdal.Open(dem)
        cols, rows, gt = ds.RasterXSize, ds.RasterYSize, ds.GetGeoTransform()
        print(f"DEM: Qinling warped to 30 m, {cols} x {rows} = {cols * rows / 1e6:.1f} M cells")
        # one county covering the DEM (the GDAL pipeline gets the same mask as a raster)
        county = os.path.join(work, "county.gpkg")
        srs = osr.SpatialReference()
        srs.ImportFromWkt(ds.GetProjection())
        out = ogr.GetDriverByName("GPKG").CreateDataSource(county)
        lyr = out.CreateLayer("county", srs, ogr.wkbPolygon)
        lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
        ring = f"POLYGON(({gt[0]} {gt[3] + rows * gt[5]},{gt[0] + cols * gt[1]} {gt[3] + rows * gt[5]},{gt[0] + cols * gt[1]} {gt[3]},{gt[0]} {gt[3]},{gt[0]} {gt[3] + rows * gt[5]}))"
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("name", "秦岭")
        f.SetGeometry(ogr.CreateGeometryFromWkt(ring))
        lyr.CreateFeature(f)
        out = None
        ds = None

        # --- slope -------------------------------------------------------------
        ref = measure(
            [
                "gdaldem",
                "slope",
                "-q",
                "-compute_edges",
                "-co",
                "TILED=YES",
                "-co",
                "COMPRESS=DEFLATE",
                dem,
                os.path.join(work, "gdal_slope.tif"),
            ]
        )
        mine = measure([PY, "-c", RUN_SLOPE, parent, dem, os.path.join(work, "swc_slope.tif")], env=env)
        print(
            "slope        gdaldem {:6.2f} s {:7.0f} MiB | swc {:6.2f} s {:7.0f} MiB | ratio {:.2f} "
            "(target <= 1.5)".format(ref["s"], ref["mb"], mine["s"], mine["mb"], mine["s"] / ref["s"])
        )

        # --- whole job ---------------------------------------------------------
        slope = os.path.join(work, "p_slope.tif")
        steps = [
            ["gdaldem", "slope", "-q", "-compute_edges", dem, slope],
            [
                "gdal_calc.py",
                "--quiet",
                "-A",
                slope,
                "--outfile",
                os.path.join(work, "p_ban.tif"),
                "--calc",
                "(A>25)",
                "--type",
                "Byte",
                "--NoDataValue",
                "0",
                "--co",
                "TILED=YES",
            ],
            [
                "gdal_sieve.py",
                "-q",
                "-8",
                "-st",
                str(int(5e4 / 900)),
                os.path.join(work, "p_ban.tif"),
                os.path.join(work, "p_sieved.tif"),
            ],
            [
                "gdal_polygonize.py",
                "-q",
                "-8",
                os.path.join(work, "p_sieved.tif"),
                "-f",
                "GPKG",
                os.path.join(work, "p_patches.gpkg"),
            ],
        ]
        total_s, peak_mb = 0.0, 0.0
        for cmd in steps:
            r = measure(cmd)
            total_s += r["s"]
            peak_mb = max(peak_mb, r["mb"])
        mine = measure(
            [
                PY,
                "-c",
                RUN_ALG,
                parent,
                "ban",
                dem,
                county,
                os.path.join(work, "ban.gpkg"),
                os.path.join(work, "sum.gpkg"),
            ],
            env=env,
        )
        print(
            "steepslopeban GDAL CLI {:6.2f} s {:7.0f} MiB | swc {:6.2f} s {:7.0f} MiB | ratio {:.2f} "
            "(target <= 1.0, peak < 1024 MiB)".format(
                total_s, peak_mb, mine["s"], mine["mb"], mine["s"] / total_s
            )
        )
        alg_s = float(mine["out"].split("ALG_SECONDS")[1].split()[0])
        print(
            "  of which the algorithm itself (processing.run, QGIS already started): "
            f"{alg_s:.2f} s, ratio {alg_s / total_s:.2f}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
