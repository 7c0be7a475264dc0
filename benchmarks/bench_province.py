#!/usr/bin/env python3
"""Benchmark: the steep-slope ban and the slope classes over all 167 Hebei counties at 30 m.

Run with ``/usr/bin/python3 benchmarks/bench_province.py [--keep DIR] [--per-county K]``.  The
DEM is made here (its realism does not matter for timing): the Hebei province polygon
(``hebei_admin``) in CGCS2000 / 3-degree GK zone 39 (EPSG:4527) on a 30 m grid, filled with
tiles of the Qinling 30 m sub-area mirrored at every seam (no artificial cliffs), cut to the
province (nodata outside).  That is about 210 M valid cells (Hebei's 188 800 km²) in a bounding
box of about 636 M cells.  The 167 counties are the Tianditu layer, reprojected to the DEM's CRS.

Jobs, each in its own process, through ``processing.run`` (QGIS started beforehand, not
counted): ``swcplanner:steepslopeban`` (25°, 5 ha, no land-use filter: a timing run) and
``swcplanner:slopeclasses`` with the counties as zones.  Printed: time, counties per minute,
nanoseconds per valid cell, peak resident memory (``ru_maxrss``, QGIS included), numpy peak
(``tracemalloc``), patches.  ``--per-county K`` also times K single counties, each on the DEM
clipped to it, as the per-county batch does (``scripts/province_batch.py``): the time of the
province on N workers is about 167 × (time per county) / N, while the 2 cores and the disk
last (see ``benchmarks/RESULTS.md``).
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

ADMIN = os.path.join(DATA, "hebei_admin", "hebei_admin_tianditu_cgcs2000.gpkg")
TILE = os.path.join(DATA, "qinling_dem_110m", "qinling_subarea_30m_interp_cgcs2000_gk36.tif")
EPSG = 4527
CELL = 30.0

from bench_memory import RUN_QGIS  # noqa: E402  (the same job runner)


def build(work: str) -> dict:
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    prov = os.path.join(work, "province.gpkg")
    counties = os.path.join(work, "counties.gpkg")
    for layer, out in (("province", prov), ("counties", counties)):
        if not os.path.exists(out):
            subprocess.run(["ogr2ogr", "-q", "-t_srs", f"EPSG:{EPSG}", out, ADMIN, layer], check=True)
    ds = ogr.Open(prov)
    xmin, xmax, ymin, ymax = ds.GetLayer(0).GetExtent()
    ds = None
    cols = int((xmax - xmin) // CELL) + 1
    rows = int((ymax - ymin) // CELL) + 1
    # four mirrored versions of the tile: seamless when laid out alternately
    src = gdal.Open(TILE)
    z = src.GetRasterBand(1).ReadAsArray()
    th, tw = z.shape
    tiles = {}
    for fy in (0, 1):
        for fx in (0, 1):
            a = z[::-1] if fy else z
            a = a[:, ::-1] if fx else a
            path = os.path.join(work, f"tile_{fy}{fx}.tif")
            if not os.path.exists(path):
                t = gdal.GetDriverByName("GTiff").Create(path, tw, th, 1, gdal.GDT_Float32, ["TILED=YES"])
                t.SetGeoTransform((0, CELL, 0, 0, 0, -CELL))
                t.GetRasterBand(1).WriteArray(a)
                t = None
            tiles[fy, fx] = os.path.basename(path)
    pds = ogr.Open(prov)  # keep the data source alive while its layer is used
    srs = pds.GetLayer(0).GetSpatialRef().ExportToWkt()
    pds = None
    parts = []
    for i in range((rows + th - 1) // th):
        for j in range((cols + tw - 1) // tw):
            parts.append(
                f'<SimpleSource><SourceFilename relativeToVRT="1">{tiles[i % 2, j % 2]}</SourceFilename>'
                f'<SourceBand>1</SourceBand><SrcRect xOff="0" yOff="0" xSize="{tw}" ySize="{th}"/>'
                f'<DstRect xOff="{j * tw}" yOff="{i * th}" xSize="{tw}" ySize="{th}"/></SimpleSource>'
            )
    vrt = os.path.join(work, "mosaic.vrt")
    with open(vrt, "w") as f:
        f.write(
            f'<VRTDataset rasterXSize="{cols}" rasterYSize="{rows}"><SRS>{srs}</SRS>'
            f"<GeoTransform>{xmin!r}, {CELL!r}, 0.0, {ymax!r}, 0.0, {-CELL!r}</GeoTransform>"
            f'<VRTRasterBand dataType="Float32" band="1">{"".join(parts)}</VRTRasterBand></VRTDataset>'
        )
    dem = os.path.join(work, "hebei_30m.tif")
    if not os.path.exists(dem):
        subprocess.run(
            [
                "gdalwarp",
                "-q",
                "-cutline",
                prov,
                "-dstnodata",
                "-9999",
                "-tr",
                str(CELL),
                str(CELL),
                "-co",
                "TILED=YES",
                "-co",
                "COMPRESS=DEFLATE",
                "-co",
                "PREDICTOR=3",
                "-co",
                "BIGTIFF=YES",
                "-wm",
                "512",
                "-multi",
                vrt,
                dem,
            ],
            check=True,
        )
    d = gdal.Open(dem)
    b = d.GetRasterBand(1)
    valid = 0
    for yo in range(0, d.RasterYSize, 1024):
        a = b.ReadAsArray(0, yo, d.RasterXSize, min(1024, d.RasterYSize - yo))
        valid += int((a != -9999).sum())
    return {"dem": dem, "counties": counties, "cells": d.RasterXSize * d.RasterYSize, "valid": valid}


def run_job(job: str, dem: str, counties: str, out_dir: str, parent: str, trace: bool = True) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SWC_BENCH_TRACE="1" if trace else "0")
    proc = subprocess.run(
        [PY, "-c", RUN_QGIS, parent, job, dem, counties, out_dir, "district_name"],
        capture_output=True,
        text=True,
        env=env,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    return {"error": (proc.stderr or proc.stdout)[-800:]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="make the DEM here and keep it")
    parser.add_argument("--jobs", default="ban,classes")
    parser.add_argument("--per-county", type=int, default=0)
    parser.add_argument("--json")
    parser.add_argument("--keep-output", action="store_true", help="keep each job's outputs (printed)")
    parser.add_argument(
        "--no-trace",
        action="store_true",
        help="time without tracemalloc (which slows Python code); no numpy peak",
    )
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="bench_province_")
    os.makedirs(work, exist_ok=True)
    parent = plugin_parent(work)
    rows = []
    try:
        info = build(work)
        print(
            "DEM: {:,} cells ({:,} valid) at 30 m, 167 counties".format(info["cells"], info["valid"]),
            flush=True,
        )
        for job in args.jobs.split(","):
            out_dir = tempfile.mkdtemp(dir=work)
            res = run_job(job, info["dem"], info["counties"], out_dir, parent, trace=not args.no_trace)
            res.update(
                job=job, scope="province, one run", cells=info["cells"], valid=info["valid"], counties=167
            )
            rows.append(res)
            print(json.dumps(res), flush=True)
            if args.keep_output:
                print(f"outputs of {job}: {out_dir}", flush=True)
            else:
                shutil.rmtree(out_dir, ignore_errors=True)
        if args.per_county:
            from osgeo import ogr

            ds = ogr.Open(info["counties"])
            lyr = ds.GetLayer(0)
            names = [f.GetField("district_name") for f in lyr][: args.per_county]
            ds = None
            for name in names:
                cdir = tempfile.mkdtemp(dir=work)
                one = os.path.join(cdir, "county.gpkg")
                subprocess.run(
                    [
                        "ogr2ogr",
                        "-q",
                        "-where",
                        f"district_name = '{name}'",
                        one,
                        info["counties"],
                        "counties",
                    ],
                    check=True,
                )
                cdem = os.path.join(cdir, "dem.tif")
                subprocess.run(
                    [
                        "gdalwarp",
                        "-q",
                        "-cutline",
                        one,
                        "-crop_to_cutline",
                        "-dstnodata",
                        "-9999",
                        "-co",
                        "TILED=YES",
                        info["dem"],
                        cdem,
                    ],
                    check=True,
                )
                for job in args.jobs.split(","):
                    res = run_job(job, cdem, one, cdir, parent, trace=not args.no_trace)
                    res.update(job=job, scope=f"one county ({name})", counties=1)
                    rows.append(res)
                    print(json.dumps(res, ensure_ascii=False), flush=True)
                shutil.rmtree(cdir, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(
        "\n| job | scope | time (s) | counties per minute | ns per valid cell | peak RSS MB | numpy peak MB | patches |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        if "error" in r:
            print(
                f"| {r['job']} | {r['scope']} | ERROR {r['error'].strip().splitlines()[-1][:80]} | | | | | |"
            )
            continue
        per_cell = 1e9 * r["s"] / r["valid"] if r.get("valid") else float("nan")
        print(
            "| {} | {} | {:.0f} | {:.1f} | {:.0f} | {:.0f} | {} | {} |".format(
                r["job"],
                r["scope"],
                r["s"],
                60.0 * r["counties"] / r["s"],
                per_cell,
                r["rss_mb"],
                megabytes(r["numpy_mb"]),
                r.get("features", ""),
            )
        )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
