"""Demo step: R from station daily rainfall, K from soil texture, the change between two soil-loss
maps and the eroded forest land (issue 13).

``scripts/demo.py`` finds this file and calls ``run(demo)`` after the erosion step.  Standalone::

    /usr/bin/python3 scripts/demo_erosivity.py demo_output     # calls run("demo_output")

``run`` takes the demo object of ``scripts/demo.py`` or an output folder (then it builds the same
synthetic demo data and starts QGIS when needed).  Inputs made here, all in EPSG:4527 (CGCS2000 GK
zone 39) around the synthetic 5 km × 6 km DEM:

* nine rain-gauge stations within about 15 km (Chinese names, ids 54501–54509) with daily rainfall
  2001–2020 drawn from a seeded gamma distribution, wetter towards the south-east mountain front
  (station R about 2 300–4 300 MJ·mm/(hm²·h·a), within the Hebei mountain range); one station misses
  half of 2015, which the gap rule drops and reports;
* three soil polygons (褐土, 棕壤, 潮土) with USDA sand/silt/clay and organic carbon of North China
  magnitudes (illustrative, [U]).

Steps: rainfallerosivity (IDW on the DEM grid) → soilerodibility (EPIC, SI units, no correction) →
soilloss with that R and K without and with the planned measures of the erosion step →
erosionchange per township (status → plan) → erodedforest on the status map (forest 03*).
"""

from __future__ import annotations

import csv
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
EPSG = 4527
YEARS = (2001, 2020)
STATION_NAMES = ("阜平", "灵寿", "平山", "曲阳", "行唐", "井陉", "唐县", "顺平", "涞源")


def _module(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _stations(demo) -> tuple:
    """Station points (GeoPackage) and daily rainfall (CSV) around the DEM; returns their paths."""
    from osgeo import gdal, ogr, osr

    ds = gdal.Open(demo.dem)
    x0, dx, _, y1, _, dy = ds.GetGeoTransform()
    cx = x0 + ds.RasterXSize * dx / 2.0
    cy = y1 + ds.RasterYSize * dy / 2.0
    ds = None
    folder = os.path.join(demo.out_dir, "input")
    os.makedirs(folder, exist_ok=True)
    gpkg = os.path.join(folder, "rain_stations.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(gpkg)
    layer = out.CreateLayer("stations", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("站号", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("站名", ogr.OFTString))
    rng = np.random.default_rng(2023)
    sites = []
    for k, name in enumerate(STATION_NAMES):
        i, j = divmod(k, 3)
        x = cx + (j - 1) * 12000.0 + rng.uniform(-2000, 2000)
        y = cy + (1 - i) * 12000.0 + rng.uniform(-2000, 2000)
        sid = f"545{k + 1:02d}"
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("站号", sid)
        f.SetField("站名", name)
        g = ogr.Geometry(ogr.wkbPoint)
        g.AddPoint_2D(x, y)
        f.SetGeometry(g)
        layer.CreateFeature(f)
        # wetter towards the south-east: annual rainfall about 480-620 mm
        wet = 1.0 + 0.12 * ((x - cx) / 12000.0 - (y - cy) / 12000.0) / 2.0
        sites.append((sid, wet))
    out = None
    path = os.path.join(folder, "daily_rainfall.csv")
    days = np.arange(np.datetime64(f"{YEARS[0]}-01-01"), np.datetime64(f"{YEARS[1] + 1}-01-01"))
    month = days.astype("datetime64[M]").astype(int) % 12 + 1
    # wet-day probability and mean depth by month (summer monsoon), illustrative
    p_wet = np.array([0.03, 0.04, 0.07, 0.10, 0.13, 0.22, 0.40, 0.36, 0.20, 0.10, 0.05, 0.03])[month - 1]
    depth = np.array([2.5, 3.0, 4.5, 6.0, 8.0, 11.0, 17.0, 16.0, 11.0, 7.0, 4.0, 2.5])[month - 1]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        w = csv.writer(handle)
        w.writerow(["站号", "日期", "降水量_mm"])
        for sid, wet in sites:
            rain = np.where(rng.random(days.size) < p_wet, rng.gamma(0.7, depth * wet / 0.7), 0.0)
            for d, mm in zip(days, rain):
                if sid == "54509" and str(d).startswith("2015") and str(d) >= "2015-07-01":
                    continue  # a gauge out of service for half a year: 2015 is dropped and reported
                w.writerow([sid, str(d), f"{mm:.1f}"])
    return gpkg + "|layername=stations", path


def _soils(demo) -> str:
    from osgeo import gdal, ogr, osr

    ds = gdal.Open(demo.dem)
    x0, dx, _, y1, _, dy = ds.GetGeoTransform()
    w, h = ds.RasterXSize * dx, -ds.RasterYSize * dy
    ds = None
    path = os.path.join(demo.out_dir, "input", "soils.gpkg")
    if os.path.exists(path):
        os.remove(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = out.CreateLayer("soils", srs, ogr.wkbPolygon)
    for name, kind in (("土类", ogr.OFTString), ("砂粒", ogr.OFTReal), ("粉粒", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for name in ("黏粒", "有机碳"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
    # west third 棕壤 (mountain), middle 褐土 (slopes), east 潮土 (valley); USDA fractions, OC %
    soils = (
        ("棕壤", 38.0, 42.0, 20.0, 1.4),
        ("褐土", 30.0, 50.0, 20.0, 0.9),
        ("潮土", 25.0, 58.0, 17.0, 0.7),
    )
    for k, (name, sand, silt, clay, oc) in enumerate(soils):
        xa, xb = x0 + k * w / 3.0, x0 + (k + 1) * w / 3.0
        f = ogr.Feature(layer.GetLayerDefn())
        for field, value in zip(("土类", "砂粒", "粉粒", "黏粒", "有机碳"), (name, sand, silt, clay, oc)):
            f.SetField(field, value)
        f.SetGeometry(
            ogr.CreateGeometryFromWkt(
                f"POLYGON(({xa} {y1 - h},{xb} {y1 - h},{xb} {y1},{xa} {y1},{xa} {y1 - h}))"
            )
        )
        layer.CreateFeature(f)
    out = None
    return path + "|layername=soils"


def _landuse(demo):
    path = os.path.join(demo.out_dir, "input", "demo_landuse_sandiao.tif")
    erosion = _module("demo_erosion")
    if not os.path.exists(path):
        path, _fvc = erosion._landuse(demo)
    return path, erosion._measures(demo)


def run(demo, **_options) -> dict:
    """The four issue-13 algorithms on the demo data; ``demo`` is the demo object or an output folder.

    Returns the main outputs (paths) by step.
    """
    if isinstance(demo, str):
        demo = _standalone(demo)
    out = {}
    stations, daily = _stations(demo)
    demo.log(
        "R1. Rainfall erosivity from daily rainfall (swcplanner:rainfallerosivity; Zhang, Xie & Liu 2002)"
    )
    res = demo.run(
        "swcplanner:rainfallerosivity",
        {
            "RAINFALL": daily,
            "STATION_FIELD": "站号",
            "DATE_FIELD": "日期",
            "RAIN_FIELD": "降水量_mm",
            "STATIONS": stations,
            "GRID": demo.dem,
            "METHOD": 0,
            "OUTPUT": os.path.join(demo.out_dir, "r_factor.tif"),
            "STATION_TABLE": demo.gpkg_layer("rain_station_erosivity"),
        },
    )
    out["R"] = res["OUTPUT"]
    demo.log("K1. Soil erodibility from texture (swcplanner:soilerodibility; EPIC, SI units)")
    res = demo.run(
        "swcplanner:soilerodibility",
        {
            "SOILS": _soils(demo),
            "SAND_FIELD": "砂粒",
            "SILT_FIELD": "粉粒",
            "CLAY_FIELD": "黏粒",
            "OC_FIELD": "有机碳",
            "CHINA_CORRECTION": False,
            "GRID": demo.dem,
            "OUTPUT": os.path.join(demo.out_dir, "k_factor.tif"),
            "TABLE": demo.gpkg_layer("soils_k"),
        },
    )
    out["K"] = res["OUTPUT"]
    landuse, measures = _landuse(demo)
    maps = {}
    for label, extra in (("status", {}), ("plan", {"MEASURES": measures, "MEASURE_FIELD": "type"})):
        demo.log(f"S. Soil loss with R and K from the data, {label} (swcplanner:soilloss)")
        res = demo.run(
            "swcplanner:soilloss",
            {
                "DEM": demo.dem,
                "CHANNEL_AREA": 5.0,
                "R": out["R"],
                "K": out["K"],
                "LANDUSE": landuse,
                "TOLERANCE": 200.0,
                "SOIL_LOSS": os.path.join(demo.out_dir, f"soil_loss_rk_{label}.tif"),
                "INTENSITY": os.path.join(demo.out_dir, f"erosion_intensity_rk_{label}.tif"),
                **extra,
            },
        )
        maps[label] = res["SOIL_LOSS"]
    demo.log("C1. Erosion change per township, status → plan (swcplanner:erosionchange)")
    res = demo.run(
        "swcplanner:erosionchange",
        {
            "BEFORE": maps["status"],
            "AFTER": maps["plan"],
            "ZONES": demo.townships,
            "ZONE_FIELD": "name",
            "OUTPUT": demo.table_output("erosion_change_by_township"),
            "MATRIX": demo.table_output("erosion_transitions"),
            "CHANGE": os.path.join(demo.out_dir, "erosion_class_change.tif"),
        },
    )
    demo.save_table(res["OUTPUT"], "erosion_change_by_township")
    demo.save_table(res["MATRIX"], "erosion_transitions")
    out["CHANGE"] = res["CHANGE"]
    demo.log("F1. Eroded forest land (swcplanner:erodedforest; forest 03*, ≥ 200 t/km²·a)")
    res = demo.run(
        "swcplanner:erodedforest",
        {
            "SOIL_LOSS": maps["status"],
            "LANDUSE": landuse,
            "FOREST_CODES": "03*",
            "DEM": demo.dem,
            "TOLERANCE": 200.0,
            "MIN_AREA": 1.0,
            "OUTPUT": demo.gpkg_layer("eroded_forest"),
        },
    )
    out["FOREST"] = res["OUTPUT"]
    _summary(demo, out)
    return out


def _summary(demo, out) -> None:
    from osgeo import gdal, ogr

    rds = gdal.Open(out["R"])  # keep the dataset alive while its band is used
    stats = rds.GetRasterBand(1).ComputeStatistics(False)
    rds = None
    demo.log(f"   R on the DEM grid: {stats[0]:.0f}–{stats[1]:.0f} MJ·mm/(hm²·h·a), mean {stats[2]:.0f}")
    ds = ogr.Open(demo.gpkg)
    for f in ds.GetLayerByName("rain_station_erosivity"):
        demo.log(f"   station {f['STATION']}: R {f['R']:.0f}, {f['YEARS']} years, P_d12 {f['P_D12']:.1f} mm")
    for f in ds.GetLayerByName("erosion_change_by_township"):
        demo.log(
            "   {}: eroded {:.3f} → {:.3f} km², SWC rate {:.2f} → {:.2f} %".format(
                f["ZONE"], f["BEFORE_ERODED_KM2"], f["AFTER_ERODED_KM2"], f["BEFORE_RATE"], f["AFTER_RATE"]
            )
        )
    patches = list(ds.GetLayerByName("eroded_forest"))
    area = sum(p["AREA_HA"] for p in patches)
    kinds = sorted({p["MEASURE"] for p in patches})
    demo.log(f"   eroded forest: {len(patches)} patches, {area:.1f} ha; measures {', '.join(kinds)}")
    if hasattr(demo, "record"):
        demo.record("erosivity", "r_mean", round(stats[2], 1))
        demo.record("erosivity", "eroded_forest_ha", round(area, 2))
        demo.record("erosivity", "eroded_forest_patches", len(patches))
    ds = None


def _standalone(out_dir: str):
    """The demo object of ``scripts/demo.py`` on a folder, with QGIS and the provider started."""
    demo = _module("demo")
    demo.start_qgis(out_dir)
    return demo.Demo(out_dir)


if __name__ == "__main__":
    run(sys.argv[1] if len(sys.argv) > 1 else "demo_output")
    sys.stdout.flush()
    os._exit(0)
