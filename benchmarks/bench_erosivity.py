#!/usr/bin/env python3
"""Benchmark: R interpolation (``erosivity.interpolate_r``) against the ``gdal_grid`` CLI on the same points.

Run with ``/usr/bin/python3 benchmarks/bench_erosivity.py`` (``--runs N`` for the best of N).  Cases:

* **province**: the Hebei 1 km DEM (``hebei_dem_30s/hebei_dem_1km_cgcs2000_gk39.tif``, 681 × 841 cells,
  CGCS2000 GK zone 39) with 142 synthetic stations (about Hebei's national network) spread over its valid
  cells; the DEM is the grid and the mask;
* **county**: a 60 km × 60 km window of the same DEM warped to 30 m (2 000 × 2 000 = 4 M cells, made in
  a temporary folder with ``gdalwarp -r bilinear``) with 30 stations in and around it.

For each case and method (IDW power 2 over all stations; linear) both sides grid the same points onto the
same grid: ours writes the masked, compressed, tiled R GeoTIFF with statistics (and counts the cells
outside the stations' hull); ``gdal_grid`` writes the same tiled DEFLATE GeoTIFF, unmasked.  Each side runs in its own process;
peak memory is that process's ``VmHWM`` (for ``gdal_grid``, ``/usr/bin/time``'s maximum RSS).  Also timed: ``station_erosivity`` on 30 years of daily rows
of the 142 stations (1.56 M rows).  Copy the table to ``benchmarks/RESULTS.md`` (Rainfall erosivity).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from common import DATA, PY, plugin_parent  # noqa: E402

HEBEI = os.path.join(DATA, "hebei_dem_30s", "hebei_dem_1km_cgcs2000_gk39.tif")


def vm_hwm_mb() -> float:
    """Peak resident memory of this process (``VmHWM``; unlike ``ru_maxrss`` it restarts at exec)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def _import_root() -> None:
    sys.path.insert(0, plugin_parent(tempfile.mkdtemp(prefix="swc_bench_root_")))


def make_stations(dem: str, n: int, out_gpkg: str, seed: int, margin_m: float = 0.0) -> str:
    """``n`` stations on valid DEM cells (plus ``margin_m`` around the DEM) with a smooth R field."""
    import numpy as np
    from osgeo import gdal, ogr

    ds = gdal.Open(dem)
    band = ds.GetRasterBand(1)
    a = band.ReadAsArray()
    nod = band.GetNoDataValue()
    gt = ds.GetGeoTransform()
    rng = np.random.default_rng(seed)
    valid = np.argwhere(a != nod) if nod is not None else np.argwhere(np.ones(a.shape, bool))
    pick = valid[rng.choice(len(valid), size=n, replace=False)]
    x = gt[0] + (pick[:, 1] + rng.random(n)) * gt[1]
    y = gt[3] + (pick[:, 0] + rng.random(n)) * gt[5]
    if margin_m:
        x = x + rng.uniform(-margin_m, margin_m, n)
        y = y + rng.uniform(-margin_m, margin_m, n)
    x0, y0 = x.mean(), y.mean()
    r = 2500.0 + 1200.0 * np.sin((x - x0) / 150e3) + 800.0 * np.cos((y - y0) / 120e3)
    drv = ogr.GetDriverByName("GPKG")
    if os.path.exists(out_gpkg):
        drv.DeleteDataSource(out_gpkg)
    out = drv.CreateDataSource(out_gpkg)
    srs = ds.GetSpatialRef()
    lyr = out.CreateLayer("stations", srs, ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("R", ogr.OFTReal))
    for xi, yi, ri in zip(x, y, r):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("R", float(ri))
        g = ogr.Geometry(ogr.wkbPoint)
        g.AddPoint_2D(float(xi), float(yi))
        f.SetGeometry(g)
        lyr.CreateFeature(f)
    out = None
    return out_gpkg


def _stations(gpkg: str):
    from osgeo import ogr

    ds = ogr.Open(gpkg)
    lyr = ds.GetLayer(0)
    xs, ys, vs = [], [], []
    for f in lyr:
        g = f.GetGeometryRef()
        xs.append(g.GetX())
        ys.append(g.GetY())
        vs.append(f["R"])
    return xs, ys, vs


def child_ours(dem: str, gpkg: str, method: int, out: str) -> dict:
    _import_root()
    from swc_planner.algorithms.core.erosion import erosivity as ev
    from swc_planner.algorithms.core.io.raster import read_grid

    grid = read_grid(dem)
    xs, ys, vs = _stations(gpkg)
    t0 = time.perf_counter()
    res = ev.interpolate_r(xs, ys, vs, grid, out, method=method, mask_path=dem)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "maxrss_mb": vm_hwm_mb(),
        "valid": res.valid_cells,
        "outside_hull": res.outside_hull_cells,
        "mean": res.r_mean,
    }


def child_gdal_grid(dem: str, gpkg: str, method: int, out: str) -> dict:
    from osgeo import gdal

    ds = gdal.Open(dem)
    gt = ds.GetGeoTransform()
    cols, rows = ds.RasterXSize, ds.RasterYSize
    ds = None
    alg = "invdist:power=2:smoothing=0:nodata=-9999" if method == 0 else "linear:radius=-1:nodata=-9999"
    cmd = ["gdal_grid", "-q", "-zfield", "R", "-a", alg, "-ot", "Float32", "-of", "GTiff"]
    # the same GeoTIFF layout as ours: 256 × 256 tiles, DEFLATE with the floating-point predictor
    for co in (
        "TILED=YES",
        "BLOCKXSIZE=256",
        "BLOCKYSIZE=256",
        "COMPRESS=DEFLATE",
        "PREDICTOR=3",
        "NUM_THREADS=2",
    ):
        cmd += ["-co", co]
    cmd += ["-txe", repr(gt[0]), repr(gt[0] + cols * gt[1]), "-tye", repr(gt[3]), repr(gt[3] + rows * gt[5])]
    cmd += ["-outsize", str(cols), str(rows), gpkg, out]
    t0 = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "MAXRSS_KB %M"] + cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        return {"error": proc.stderr[-400:]}
    kb = [int(ln.split()[1]) for ln in proc.stderr.splitlines() if ln.startswith("MAXRSS_KB")]
    return {"seconds": seconds, "maxrss_mb": kb[-1] / 1024.0 if kb else float("nan")}


def child_stations(n_stations: int, years: int) -> dict:
    _import_root()
    import numpy as np

    from swc_planner.algorithms.core.erosion import erosivity as ev

    rng = np.random.default_rng(3)
    days = np.arange(np.datetime64("1991-01-01"), np.datetime64(f"{1991 + years}-01-01"))
    ids = np.repeat(np.array([f"5{i:04d}" for i in range(n_stations)]), days.size)
    dates = np.tile(days, n_stations)
    wet = rng.random(ids.size) < 0.2
    rain = np.where(wet, rng.gamma(0.8, 12.0, ids.size), 0.0)
    t0 = time.perf_counter()
    res = ev.station_erosivity(ids, dates, rain)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "rows": int(ids.size),
        "maxrss_mb": vm_hwm_mb(),
        "r_mean": float(np.nanmean(res.r)),
    }


def _child(args) -> dict:
    proc = subprocess.run([PY, __file__, "--child", json.dumps(args)], capture_output=True, text=True)
    if proc.returncode != 0:
        return {"error": proc.stderr[-800:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def county_dem(work: str) -> str:
    from osgeo import gdal

    ds = gdal.Open(HEBEI)
    gt = ds.GetGeoTransform()
    # a 60 km square in the Taihang foothills west of Shijiazhuang (cols 150-210, rows 480-540 of the 1 km grid)
    x0, y1 = gt[0] + 150 * gt[1], gt[3] + 480 * gt[5]
    out = os.path.join(work, "county_30m.tif")
    gdal.Warp(
        out,
        HEBEI,
        options=gdal.WarpOptions(
            outputBounds=(x0, y1 - 60000.0, x0 + 60000.0, y1),
            xRes=30.0,
            yRes=30.0,
            resampleAlg="bilinear",
            creationOptions=["TILED=YES", "COMPRESS=DEFLATE"],
        ),
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        job = json.loads(args.child)
        kind = job.pop("kind")
        fn = {"ours": child_ours, "gdal_grid": child_gdal_grid, "stations": child_stations}[kind]
        print(json.dumps(fn(**job)))
        return 0
    if not os.path.exists(HEBEI):
        print(f"missing {HEBEI} (set SWC_DATA)")
        return 1
    work = tempfile.mkdtemp(prefix="swc_bench_r_")
    cases = [
        ("province 1 km (681 × 841)", HEBEI, make_stations(HEBEI, 142, os.path.join(work, "prov.gpkg"), 1)),
    ]
    cdem = county_dem(work)
    cases.append(
        (
            "county 30 m (2000 × 2000)",
            cdem,
            make_stations(cdem, 30, os.path.join(work, "county.gpkg"), 2, 20000.0),
        )
    )
    print("| case | method | gdal_grid time / peak | ours time / peak | ratio (time) |")
    print("|---|---|---|---|---|")
    for label, dem, gpkg in cases:
        for method, mname in ((0, "IDW p=2"), (1, "linear")):
            best = {}
            for side in ("gdal_grid", "ours"):
                runs = []
                for k in range(args.runs):
                    out = os.path.join(work, f"{side}_{method}_{k}.tif")
                    runs.append(
                        _child({"kind": side, "dem": dem, "gpkg": gpkg, "method": method, "out": out})
                    )
                ok = [r for r in runs if "seconds" in r]
                best[side] = min(ok, key=lambda r: r["seconds"]) if ok else runs[0]
            g, o = best["gdal_grid"], best["ours"]
            if "seconds" not in g or "seconds" not in o:
                print(f"| {label} | {mname} | {g} | {o} | – |")
                continue
            print(
                f"| {label} | {mname} | {g['seconds']:.2f} s / {g['maxrss_mb']:.0f} MiB | "
                f"{o['seconds']:.2f} s / {o['maxrss_mb']:.0f} MiB | {o['seconds'] / g['seconds']:.2f} |"
            )
    s = _child({"kind": "stations", "n_stations": 142, "years": 30})
    if "seconds" in s:
        print(
            f"\nstation_erosivity: {s['rows']} daily rows of 142 stations × 30 years: {s['seconds']:.2f} s, "
            f"peak {s['maxrss_mb']:.0f} MiB (mean R {s['r_mean']:.0f})"
        )
    else:
        print(s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
