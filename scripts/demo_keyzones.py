"""Demo step: key prevention and treatment zones (swcplanner:keyzones) on synthetic data in EPSG:4527.

``run(out_dir)`` builds six townships of a mountain county (涞源县's township names) over the area of
``scripts/demo.py``'s DEM (6 km × 5 km, 20 m cells), an SL 190 erosion-intensity raster whose class
shares differ by township (seeded, so the numbers are the same on every run), a vegetation-cover raster,
a drinking-water source area around a reservoir head and a few banned steep-slope patches, then runs
``swcplanner:keyzones`` with its default (unverified) thresholds.

Outputs go to ``<out_dir>/keyzones/``: ``keyzones.gpkg`` (the inputs and the styled ``key_zones`` layer,
with its ``.qml``) and ``key_zones.xlsx``; the key numbers (units per class, the class of each township)
are returned.  ``run`` also accepts the ``Demo`` object of ``scripts/demo.py`` (its ``out_dir`` is used);
it records no key numbers there.  Processing and the SWC Planner provider must be initialised
(``scripts/demo.py`` does it).
"""

from __future__ import annotations

import os
from typing import Any, Callable, Dict

import numpy as np
from osgeo import gdal, ogr, osr

EPSG = 4527
X0, Y0 = 39_480_000.0, 4_370_000.0  # south-west corner of scripts/demo.py's DEM (6 km × 5 km)
CELL = 20.0
COLS, ROWS = 300, 250  # 6 km × 5 km

#: township → (column, row) of its 2 km × 2.5 km block, shares of SL 190 classes 1..6, mean FVC
TOWNSHIPS = {
    "白石山镇": ((0, 0), (0.86, 0.10, 0.03, 0.01, 0.0, 0.0), 0.78),  # forest, little erosion: prevention
    "王安镇": ((1, 0), (0.60, 0.25, 0.10, 0.04, 0.01, 0.0), 0.45),  # 40 % eroded: treatment
    "银坊镇": ((2, 0), (0.80, 0.12, 0.05, 0.03, 0.0, 0.0), 0.50),  # water-source area: prevention
    "走马驿镇": ((0, 1), (0.78, 0.14, 0.06, 0.02, 0.0, 0.0), 0.40),  # 8 % moderate+: none
    "乌龙沟乡": ((1, 1), (0.74, 0.12, 0.08, 0.04, 0.02, 0.0), 0.55),  # 14 % moderate+: treatment
    "南屯镇": ((2, 1), (0.84, 0.13, 0.03, 0.0, 0.0, 0.0), 0.50),  # banned steep slopes: prevention
}


def _rect(x0: float, y0: float, x1: float, y1: float) -> str:
    """Polygon WKT of a rectangle in metres from the south-west corner."""
    a, b, c, d = X0 + x0, Y0 + y0, X0 + x1, Y0 + y1
    return f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))"


def _srs() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    return srs


def _raster(path: str, array: np.ndarray, gdal_type: int, nodata: float) -> str:
    ds = gdal.GetDriverByName("GTiff").Create(path, COLS, ROWS, 1, gdal_type, ["COMPRESS=DEFLATE"])
    ds.SetGeoTransform((X0, CELL, 0.0, Y0 + ROWS * CELL, 0.0, -CELL))
    ds.SetProjection(_srs().ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None
    return path


def _layer(gpkg: str, name: str, fields, rows) -> str:
    ds = ogr.Open(gpkg, 1) if os.path.exists(gpkg) else ogr.GetDriverByName("GPKG").CreateDataSource(gpkg)
    lyr = ds.CreateLayer(name, _srs(), ogr.wkbPolygon)
    for field, kind in fields:
        lyr.CreateField(ogr.FieldDefn(field, kind))
    for wkt, attrs in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        for key, value in attrs.items():
            f.SetField(key, value)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(f)
    ds = None
    return f"{gpkg}|layername={name}"


def write_inputs(folder: str) -> Dict[str, str]:
    """The synthetic inputs (seeded): townships, intensity and FVC rasters, water sources, banned slopes."""
    os.makedirs(folder, exist_ok=True)
    gpkg = os.path.join(folder, "keyzones.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    rng = np.random.default_rng(2024)
    intensity = np.zeros((ROWS, COLS), np.uint8)
    fvc = np.zeros((ROWS, COLS), np.float32)
    bw, bh = COLS // 3, ROWS // 2  # 100 × 125 cells = 2 km × 2.5 km
    towns = []
    for name, ((col, row), shares, cover) in TOWNSHIPS.items():
        r0, c0 = (1 - row) * bh, col * bw  # row 0 = the southern blocks
        n = bw * bh
        counts = np.floor(np.asarray(shares) * n).astype(int)
        counts[0] += n - counts.sum()
        cells = np.repeat(np.arange(1, 7, dtype=np.uint8), counts)
        intensity[r0 : r0 + bh, c0 : c0 + bw] = rng.permutation(cells).reshape(bh, bw)
        fvc[r0 : r0 + bh, c0 : c0 + bw] = np.clip(rng.normal(cover, 0.05, (bh, bw)), 0.0, 1.0)
        x0, y0 = col * bw * CELL, row * bh * CELL
        towns.append(
            (
                _rect(x0, y0, x0 + bw * CELL, y0 + bh * CELL),
                {"XZQMC": name, "XZQDM": f"1306301{len(towns):02d}"},
            )
        )
    units = _layer(gpkg, "townships", [("XZQMC", ogr.OFTString), ("XZQDM", ogr.OFTString)], towns)
    water = _layer(
        gpkg,
        "water_sources",
        [("MC", ogr.OFTString)],
        [(_rect(4000, 0, 6000, 800), {"MC": "拒马河源头区饮用水水源保护区"})],  # 32 % of 银坊镇
    )
    ban = _layer(
        gpkg,
        "banned_steep_slopes",
        [("PATCH_NO", ogr.OFTInteger)],
        [
            (_rect(4100, 2600, 4900, 3300), {"PATCH_NO": 1}),  # 56 ha
            (_rect(5100, 3500, 5900, 4200), {"PATCH_NO": 2}),  # 56 ha: 22 % of 南屯镇 together
        ],
    )
    return {
        "gpkg": gpkg,
        "units": units,
        "water": water,
        "ban": ban,
        "intensity": _raster(os.path.join(folder, "erosion_intensity.tif"), intensity, gdal.GDT_Byte, 0),
        "fvc": _raster(os.path.join(folder, "fvc.tif"), fvc, gdal.GDT_Float32, -1.0),
    }


def run(out_dir: Any, *, log: Callable[[str], None] = print) -> Dict[str, Any]:
    """Build the inputs in ``<out_dir>/keyzones`` and run ``swcplanner:keyzones``; returns the key numbers."""
    import processing

    out_dir = getattr(out_dir, "out_dir", out_dir)
    folder = os.path.join(str(out_dir), "keyzones")
    inputs = write_inputs(folder)
    log("Key prevention and treatment zones (swcplanner:keyzones): 6 townships, SL 190 intensity, EPSG:4527")
    res = processing.run(
        "swcplanner:keyzones",
        {
            "UNITS": inputs["units"],
            "UNIT_FIELD": "XZQMC",
            "INTENSITY": inputs["intensity"],
            "FVC": inputs["fvc"],
            "WATER_SOURCES": inputs["water"],
            "BAN": inputs["ban"],
            "OUTPUT": f"ogr:dbname='{inputs['gpkg']}' table=\"key_zones\" (geom)",
        },
    )
    target = os.path.join(folder, "key_zones.xlsx")
    if os.path.exists(target):
        os.remove(target)
    gdal.VectorTranslate(target, inputs["gpkg"], format="XLSX", layers=["key_zones"])
    ds = ogr.Open(inputs["gpkg"])
    rows = [dict(f.items()) for f in ds.GetLayerByName("key_zones")]
    ds = None
    numbers: Dict[str, Any] = {"units": len(rows), "output": res["OUTPUT"], "xlsx": target}
    for code in ("treatment", "prevention", "none"):
        numbers[code] = sum(1 for r in rows if r["ZONE_CLASS"] == code)
    numbers["classes"] = {r["UNIT"]: r["ZONE_CLASS"] for r in rows}
    for r in rows:
        log(
            "  {UNIT}: {ZONE_CLASS} ({reasons}); eroded {ERODED_PCT:.1f} %, moderate+ {MODERATE_PCT:.1f} %, "
            "FVC {FVC_MEAN:.0f} %, water {WATER_PCT:.0f} %, banned {BAN_PCT:.0f} %".format(
                reasons=r["REASONS"] or "-", **r
            )
        )
    log(
        "  {t} key treatment (重点治理区), {p} key prevention (重点预防区), {n} other".format(
            t=numbers["treatment"], p=numbers["prevention"], n=numbers["none"]
        )
    )
    return numbers


if __name__ == "__main__":  # standalone: python3 scripts/demo_keyzones.py OUT_DIR
    import sys

    from demo import start_qgis

    target = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "demo_output")
    start_qgis(target)
    print(run(target))
    os._exit(0)
