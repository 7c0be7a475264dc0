#!/usr/bin/env python3
"""Patch × range overlay: 50 000 disturbance patches against 5 000 responsibility ranges.

Synthetic, deterministic data in EPSG:4527 (made here): 5 000 ranges on a 100 × 50 grid of 1 km
cells (every tenth project multipart, ranges never overlap each other), 50 000 patches of
20–200 m, 70 % of them near a range.  Compared, each in its own process (wall time and peak
memory = ``ru_maxrss`` of the child):

* ``core``: ``core.supervision.compliance.classify_patches`` on WKB read with OGR (the overlay alone);
* ``swcplanner:rssupervision`` through ``processing.run`` (GeoPackage in and out, all three outputs);
* ``native:intersection`` through ``processing.run`` (QGIS's own overlay: the pieces of each patch
  inside each range; no categories, no outside areas), GeoPackage in and out.

The inside areas of the three agree (checked and printed).  Run:
``/usr/bin/python3 benchmarks/bench_supervision.py [N_PATCHES N_RANGES]``.
"""

from __future__ import annotations

import os
import sys
import tempfile

from common import PY, measure, plugin_parent  # noqa: E402

X0, Y0 = 39_400_000.0, 4_300_000.0


def make_data(folder: str, n_patches: int, n_ranges: int):
    import numpy as np
    from osgeo import ogr, osr

    rng = np.random.default_rng(20240501)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    cols = 100
    rows = max(n_ranges // cols, 1)
    ranges_path = os.path.join(folder, "ranges.gpkg")
    patches_path = os.path.join(folder, "patches.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(ranges_path)
    layer = ds.CreateLayer("ranges", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("PROJ_ID", ogr.OFTString))
    boxes = []
    layer.StartTransaction()
    for k in range(n_ranges):
        r, c = divmod(k, cols)
        cx, cy = X0 + c * 1000.0, Y0 + r * 1000.0
        w, h = rng.uniform(200, 800, 2)
        x, y = cx + rng.uniform(0, 1000 - w), cy + rng.uniform(0, 1000 - h)
        parts = [(x, y, x + w, y + h)]
        if k % 10 == 0:  # multipart: a second, separate piece in the same cell
            parts = [(cx + 20, cy + 20, cx + 180, cy + 180), (cx + 820, cy + 820, cx + 980, cy + 980)]
        boxes.extend(parts)
        geom = ogr.Geometry(ogr.wkbMultiPolygon)
        for a, b, c2, d in parts:
            geom.AddGeometry(
                ogr.CreateGeometryFromWkt(f"POLYGON(({a} {b},{c2} {b},{c2} {d},{a} {d},{a} {b}))")
            )
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetField("PROJ_ID", f"P{k:05d}")
        feat.SetGeometry(geom)
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    ds = None
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(patches_path)
    layer = ds.CreateLayer("patches", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("TB_ID", ogr.OFTString))
    layer.StartTransaction()
    boxes_arr = np.array(boxes)
    for k in range(n_patches):
        size = rng.uniform(20, 200)
        if rng.random() < 0.7:  # near a range: centred within 100 m of a range's edge or inside it
            a, b, c2, d = boxes_arr[rng.integers(len(boxes_arr))]
            x = rng.uniform(a - 100, c2 + 100)
            y = rng.uniform(b - 100, d + 100)
        else:
            x = X0 + rng.uniform(0, cols * 1000.0)
            y = Y0 + rng.uniform(0, rows * 1000.0)
        # a pentagon of radius ``size / 2``
        ang = np.sort(rng.uniform(0, 2 * np.pi, 5))
        pts = [(x + size / 2 * np.cos(t), y + size / 2 * np.sin(t)) for t in ang]
        ring = ",".join(f"{px} {py}" for px, py in pts + pts[:1])
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetField("TB_ID", f"T{k:06d}")
        feat.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({ring}))"))
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    ds = None
    return patches_path, ranges_path


RUN_CORE = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from osgeo import ogr
from swc_planner.algorithms.core.supervision.compliance import classify_patches
def read(path, field):
    ds = ogr.Open(path); lyr = ds.GetLayer(0)
    out = [(f.GetField(field), bytes(f.GetGeometryRef().ExportToWkb()), None) for f in lyr]
    ds = None
    return out
patches = read(sys.argv[2], "TB_ID")
ranges = [(p, w) for p, w, _ in read(sys.argv[3], "PROJ_ID")]
t = time.perf_counter()
res = classify_patches(patches, ranges)
print("CORE_S", time.perf_counter() - t)
print("INSIDE", sum(p.inside_m2 for p in res.patches))
"""

RUN_PROCESSING = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, sys.argv[1]); sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import QgsApplication
app = QgsApplication([], False); app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
import processing
from osgeo import ogr
which, patches, ranges, out = sys.argv[2:6]
t = time.perf_counter()
if which == "swc":
    from swc_planner.algorithms.provider import SwcPlannerProvider
    provider = SwcPlannerProvider()  # keep a reference: PyQGIS deletes an unreferenced provider
    QgsApplication.processingRegistry().addProvider(provider)
    t = time.perf_counter()
    r = processing.run("swcplanner:rssupervision", {"PATCHES": patches, "PATCH_ID_FIELD": "TB_ID", "RANGES": ranges,
        "PROJECT_ID_FIELD": "PROJ_ID", "OUTPUT": out, "PROJECTS": out.replace(".gpkg", "_projects.gpkg"),
        "FIELD_LIST": out.replace(".gpkg", "_list.gpkg")})
    dt = time.perf_counter() - t
    ds = ogr.Open(r["OUTPUT"]); inside = sum(f.GetField("INSIDE_M2") for f in ds.GetLayer(0)); ds = None
else:
    r = processing.run("native:intersection", {"INPUT": patches, "OVERLAY": ranges, "INPUT_FIELDS": ["TB_ID"],
        "OVERLAY_FIELDS": ["PROJ_ID"], "OUTPUT": out})
    dt = time.perf_counter() - t
    ds = ogr.Open(r["OUTPUT"]); inside = sum(f.GetGeometryRef().GetArea() for f in ds.GetLayer(0)); ds = None
print("ALG_S", dt)
print("INSIDE", inside)
"""


def _value(out: str, key: str) -> float:
    for line in out.splitlines():
        if line.startswith(key + " "):
            return float(line.split()[1])
    raise KeyError(key)


def main(argv) -> int:
    n_patches = int(argv[1]) if len(argv) > 1 else 50_000
    n_ranges = int(argv[2]) if len(argv) > 2 else 5_000
    work = tempfile.mkdtemp(prefix="bench_supervision_")
    root = plugin_parent(work)
    patches, ranges = make_data(work, n_patches, n_ranges)
    print(f"{n_patches} patches × {n_ranges} ranges (EPSG:4527), data in {work}")
    core = measure([PY, "-c", RUN_CORE, root, patches, ranges])
    swc = measure([PY, "-c", RUN_PROCESSING, root, "swc", patches, ranges, os.path.join(work, "swc.gpkg")])
    native = measure(
        [PY, "-c", RUN_PROCESSING, root, "native", patches, ranges, os.path.join(work, "native.gpkg")]
    )
    inside = {k: _value(v["out"], "INSIDE") for k, v in (("core", core), ("swc", swc), ("native", native))}
    rows = [
        ("core classify_patches (overlay only)", _value(core["out"], "CORE_S"), core["s"], core["mb"]),
        ("swcplanner:rssupervision", _value(swc["out"], "ALG_S"), swc["s"], swc["mb"]),
        ("native:intersection", _value(native["out"], "ALG_S"), native["s"], native["mb"]),
    ]
    print(f"{'job':40s} {'alg s':>8s} {'process s':>10s} {'peak MiB':>9s}")
    for name, alg_s, proc_s, mb in rows:
        print(f"{name:40s} {alg_s:8.2f} {proc_s:10.2f} {mb:9.0f}")
    ref = rows[2]
    print(
        f"ratios to native:intersection: rssupervision time {rows[1][1] / ref[1]:.2f} (algorithm) / {rows[1][2] / ref[2]:.2f} (process), memory {rows[1][3] / ref[3]:.2f}; "
        f"core overlay time {rows[0][1] / ref[1]:.2f}"
    )
    print(
        "inside area m²: core {core:.1f}, rssupervision {swc:.1f}, native:intersection {native:.1f}".format(
            **inside
        )
    )
    agree = abs(inside["core"] - inside["native"]) <= 1e-6 * max(inside["native"], 1.0)
    print("inside areas agree" if agree else "INSIDE AREAS DIFFER")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
