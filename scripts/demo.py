#!/usr/bin/env python3
"""``make demo``: run SWC Planner headless on demo data the project makes itself.

Builds a deterministic synthetic 10 m DEM (ridges, gullies, a steep escarpment)
in CGCS2000 / 3-degree Gauss-Krüger zone 39 (EPSG:4527), three counties and six
townships with Chinese names and a reservoir catchment, then runs the
algorithms through Processing exactly as the toolbox does.  Writes a
GeoPackage, xlsx tables and a PNG map to the output folder and prints the
per-county summary.  Each ``scripts/demo_<area>.py`` adds its own step.

Each step also records its key numbers (``Demo.record``); they are written to
``<output>/key_numbers.json``, and ``tests/qgis/test_demo_numbers.py`` compares
them with ``tests/data/demo_key_numbers.json`` on every QGIS the tests run on
(regenerate that file with ``scripts/demo.py DIR --expectation``).
"""

from __future__ import annotations

import glob
import importlib.util
import json
import os
import sys
import time
import traceback

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
EPSG = 4527
ORIGIN = (39_480_000.0, 4_375_000.0)  # near 117°E, 39.5°N (Hebei)
CELL = 10.0
ROWS, COLS = 500, 600  # 5 km × 6 km
EXPECTATION = os.path.join(REPO, "tests", "data", "demo_key_numbers.json")


def synthetic_dem(rows: int = ROWS, cols: int = COLS, cell: float = CELL) -> np.ndarray:
    """Deterministic mountain front: a ridge to the north, gullies draining south, a steep face."""
    y = (rows - 1 - np.arange(rows, dtype=np.float64))[:, None] * cell  # metres north of the south edge
    x = np.arange(cols, dtype=np.float64)[None, :] * cell
    height = rows * cell
    t = y / height
    z = 300.0 + 520.0 * t**1.6  # rising to the north ridge
    z = z + 300.0 / (1 + np.exp(-(t - 0.72) / 0.02))  # steep escarpment
    gullies = np.sin(2 * np.pi * x / 1200.0 + 0.8 * np.sin(2 * np.pi * y / 3000.0))
    z = z + 420.0 * t * (1 - t) * gullies**2 - 30.0 * t * np.abs(np.cos(np.pi * x / 1200.0))
    rng = np.random.default_rng(20231125)
    noise = rng.normal(0.0, 1.0, (rows, cols))
    for _ in range(6):  # smooth the noise
        noise = (
            noise
            + np.roll(noise, 1, 0)
            + np.roll(noise, -1, 0)
            + np.roll(noise, 1, 1)
            + np.roll(noise, -1, 1)
        ) / 5.0
    return (z + 1.5 * noise).astype(np.float32)


def write_demo_data(folder: str) -> dict:
    """DEM, counties, townships and a reservoir catchment in ``folder``."""
    from osgeo import gdal, ogr, osr
    from shapely.geometry import Polygon, box

    os.makedirs(folder, exist_ok=True)
    dem_path = os.path.join(folder, "demo_dem_10m.tif")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds = gdal.GetDriverByName("GTiff").Create(
        dem_path, COLS, ROWS, 1, gdal.GDT_Float32, ["TILED=YES", "COMPRESS=DEFLATE"]
    )
    ds.SetGeoTransform((ORIGIN[0], CELL, 0.0, ORIGIN[1], 0.0, -CELL))
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).SetNoDataValue(-9999.0)
    ds.GetRasterBand(1).WriteArray(synthetic_dem())
    ds = None

    x0, y1 = ORIGIN
    x1, y0 = x0 + COLS * CELL, y1 - ROWS * CELL
    a = Polygon([(x0, y0), (x0 + 2100, y0), (x0 + 2500, y1), (x0, y1)])
    b = Polygon([(x0 + 2100, y0), (x0 + 4200, y0), (x0 + 3900, y1), (x0 + 2500, y1)])
    c = box(x0, y0, x1, y1).difference(a).difference(b)
    counties = [("涞源县", 130630, 25.0, a), ("易县", 130633, 25.0, b), ("涿鹿县", 130731, 25.0, c)]
    gpkg = os.path.join(folder, "demo_admin.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(gpkg)
    layer = out.CreateLayer("counties", srs, ogr.wkbMultiPolygon)
    for name, kind in (("name", ogr.OFTString), ("adcode", ogr.OFTInteger), ("ban_slope", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for name, code, thr, poly in counties:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("name", name)
        f.SetField("adcode", code)
        f.SetField("ban_slope", thr)
        f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(poly.wkb)))
        layer.CreateFeature(f)
    tlayer = out.CreateLayer("townships", srs, ogr.wkbMultiPolygon)
    tlayer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    tlayer.CreateField(ogr.FieldDefn("county", ogr.OFTString))
    town_names = {
        "涞源县": ("王安镇", "白石山镇"),
        "易县": ("西陵镇", "狼牙山镇"),
        "涿鹿县": ("矾山镇", "大堡镇"),
    }
    ymid = (y0 + y1) / 2
    for name, _code, _thr, poly in counties:
        for i, tname in enumerate(town_names[name]):
            half = poly.intersection(box(x0, ymid if i == 0 else y0, x1, y1 if i == 0 else ymid))
            f = ogr.Feature(tlayer.GetLayerDefn())
            f.SetField("name", tname)
            f.SetField("county", name)
            f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(half.wkb)))
            tlayer.CreateFeature(f)
    rlayer = out.CreateLayer("reservoir_catchments", srs, ogr.wkbMultiPolygon)
    rlayer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    f = ogr.Feature(rlayer.GetLayerDefn())
    f.SetField("name", "安格庄水库汇水区")
    f.SetGeometry(
        ogr.ForceToMultiPolygon(
            ogr.CreateGeometryFromWkb(box(x0 + 2300, y0 + 1500, x0 + 3800, y0 + 3800).wkb)
        )
    )
    rlayer.CreateFeature(f)
    out = None
    return {
        "dem": dem_path,
        "counties": gpkg + "|layername=counties",
        "townships": gpkg + "|layername=townships",
        "reservoirs": gpkg + "|layername=reservoir_catchments",
    }


class Demo:
    """What each demo step gets: inputs, output places and helpers."""

    def __init__(self, out_dir: str) -> None:
        self.out_dir = os.path.abspath(out_dir)
        os.makedirs(self.out_dir, exist_ok=True)
        data = write_demo_data(os.path.join(self.out_dir, "input"))
        self.dem = data["dem"]
        self.counties = data["counties"]
        self.townships = data["townships"]
        self.reservoirs = data["reservoirs"]
        self.gpkg = os.path.join(self.out_dir, "swc_planner_demo.gpkg")
        if os.path.exists(self.gpkg):
            os.remove(self.gpkg)
        self.layers = []  # (uri, name) to draw on the map
        self.numbers = {}  # section -> {key: value}: the key numbers (key_numbers.json)

    def log(self, text: str) -> None:
        print(text, flush=True)

    def record(self, section: str, key: str, value) -> None:
        """One key number (or a dict of them) of ``section`` for ``key_numbers.json``."""
        self.numbers.setdefault(section, {})[key] = value

    def record_table(self, section: str, table: str, key_fields, fields) -> None:
        """Key numbers from a table of the demo GeoPackage: ``{key: {field: value}}`` per row."""
        from osgeo import ogr

        ds = ogr.Open(self.gpkg)
        for feat in ds.GetLayerByName(table):
            key = " ".join(str(feat.GetField(k)) for k in key_fields)
            self.record(section, key, {f: feat.GetField(f) for f in fields})
        ds = None

    def gpkg_layer(self, name: str) -> str:
        """Processing output value that writes layer ``name`` (with geometry) into the demo GeoPackage."""
        return f"ogr:dbname='{self.gpkg}' table=\"{name}\" (geom)"

    def table_output(self, name: str) -> str:
        """Processing output value for the geometry-less table ``name``: a GeoPackage of its own.

        ``save_table`` then copies it into the demo GeoPackage.  (An ``ogr:`` table URI for a table
        without geometry makes QGIS print ``ERROR 1: No geometry column`` on 3.40 and later.)
        """
        folder = os.path.join(self.out_dir, "tables")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, name + ".gpkg")
        if os.path.exists(path):
            os.remove(path)
        return path

    def run(self, alg_id: str, params: dict) -> dict:
        import processing
        from qgis.core import QgsProcessingFeedback

        class Quiet(QgsProcessingFeedback):
            def pushInfo(self, info):  # noqa: N802
                pass

            def pushWarning(self, warning):  # noqa: N802
                print("  warning:", warning)

        start = time.time()
        result = processing.run(alg_id, params, feedback=Quiet())
        self.log(f"  {alg_id} done in {time.time() - start:.1f} s")
        return result

    def save_table(self, layer_or_uri, name: str) -> str:
        """Write a table into the GeoPackage and as ``<name>.xlsx``; returns the xlsx path."""
        from osgeo import gdal

        uri = layer_or_uri if isinstance(layer_or_uri, str) else layer_or_uri.source()
        path, _, layer = uri.partition("|layername=")
        xlsx = os.path.join(self.out_dir, name + ".xlsx")
        if os.path.exists(xlsx):
            os.remove(xlsx)
        opts = dict(format="XLSX", layerName=name)
        if layer:
            opts["layers"] = [layer]
        gdal.VectorTranslate(xlsx, path, **opts)
        if os.path.abspath(path) != self.gpkg:
            update = {"accessMode": "update"} if os.path.exists(self.gpkg) else {}
            gdal.VectorTranslate(
                self.gpkg,
                path,
                format="GPKG",
                layerName=name,
                **update,
                **({"layers": [layer]} if layer else {}),
            )
        return xlsx


def print_table(uri: str, columns) -> None:
    from osgeo import ogr

    path, _, layer = uri.partition("|layername=")
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    print("  " + " | ".join(c for c, _f in columns))
    for feat in lyr:
        print("  " + " | ".join(fmt.format(feat.GetField(c)) for c, fmt in columns))


def steep_slope_step(demo: Demo) -> None:
    demo.log("1. Slope classes (swcplanner:slopeclasses)")
    res = demo.run(
        "swcplanner:slopeclasses",
        {
            "DEM": demo.dem,
            "ZONES": demo.counties,
            "ZONE_FIELD": "name",
            "OUTPUT": os.path.join(demo.out_dir, "slope_classes.tif"),
            "TABLE": demo.table_output("slope_class_areas"),
        },
    )
    demo.save_table(res["TABLE"], "slope_class_areas")
    demo.record_table("slope_classes", "slope_class_areas", ("ZONE", "CLASS"), ("AREA_M2",))
    demo.layers.append((res["OUTPUT"], "slope classes"))
    demo.log("2. No-reclamation steep slopes per county (swcplanner:steepslopeban)")
    res = demo.run(
        "swcplanner:steepslopeban",
        {
            "DEM": demo.dem,
            "COUNTIES": demo.counties,
            "COUNTY_FIELD": "name",
            "THRESHOLD_FIELD": "ban_slope",
            "RESERVOIR_CATCHMENTS": demo.reservoirs,
            "TOWNSHIPS": demo.townships,
            "TOWNSHIP_FIELD": "name",
            "MIN_AREA": 5,
            # the synthetic demo has no land-survey polygons: a preliminary ban without the land-use
            # filter, which the outputs mark as such (a county notice needs LANDUSE)
            "NO_LANDUSE_FILTER": True,
            "OUTPUT": demo.gpkg_layer("banned_steep_slopes"),
            "SUMMARY": demo.table_output("ban_county_summary"),
            "TOWNSHIP_TABLE": demo.table_output("ban_township_table"),
        },
    )
    demo.save_table(demo.gpkg + "|layername=banned_steep_slopes", "banned_steep_slopes")
    demo.save_table(res["SUMMARY"], "ban_county_summary")
    demo.save_table(res["TOWNSHIP_TABLE"], "ban_township_table")
    demo.record_table(
        "steep_slopes", "ban_county_summary", ("COUNTY",), ("AREA_KM2", "PATCHES", "BAN_HA", "SHARE_PCT")
    )
    demo.layers.append(
        (
            demo.gpkg + "|layername=banned_steep_slopes",
            "banned steep slopes",
            os.path.join(REPO, "resources", "styles", "steepslopeban.qml"),
        )
    )
    demo.log("   County summary (禁止开垦陡坡地 县级汇总):")
    print_table(
        demo.gpkg + "|layername=ban_county_summary",
        [
            ("COUNTY", "{}"),
            ("THRESHOLD", "{:g}°"),
            ("AREA_KM2", "{:.2f} km²"),
            ("PATCHES", "{}"),
            ("BAN_HA", "{:.1f} ha"),
            ("BAN_MU", "{:.0f} 亩"),
            ("SHARE_PCT", "{:.2f} %"),
        ],
    )


def render_maps(demo: Demo) -> list:
    """``demo_map.png`` (slope classes and banned slopes) and one ``map_<n>_<name>.png`` per other layer."""
    import re

    main_layers = demo.layers[:2]
    paths = [os.path.join(demo.out_dir, "demo_map.png")]
    render_map(demo, paths[0], main_layers)
    for i, entry in enumerate(demo.layers[2:], start=1):
        slug = re.sub(r"[^A-Za-z0-9]+", "_", entry[1]).strip("_").lower() or "layer"
        paths.append(os.path.join(demo.out_dir, f"map_{i:02d}_{slug}.png"))
        render_map(demo, paths[-1], [entry])
    return paths


def render_map(demo: Demo, path: str, entries) -> None:
    """PNG of ``entries`` (uri, name[, qml]) over a hillshade with the counties, rendered by QGIS."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsHillshadeRenderer,
        QgsMapRendererParallelJob,
        QgsMapSettings,
        QgsPalLayerSettings,
        QgsRasterLayer,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    layers = []
    for entry in reversed(entries):
        uri, name = entry[0], entry[1]
        layer = QgsRasterLayer(uri, name) if uri.endswith(".tif") else QgsVectorLayer(uri, name, "ogr")
        if layer.isValid():
            if len(entry) > 2 and entry[2]:
                layer.loadNamedStyle(entry[2])
            if isinstance(layer, QgsRasterLayer):
                layer.renderer().setOpacity(0.55)
            layers.append(layer)
    counties = QgsVectorLayer(demo.counties, "counties", "ogr")
    counties.loadNamedStyle(os.path.join(REPO, "resources", "styles", "admin_outline.qml"))
    labels = QgsPalLayerSettings()
    labels.fieldName = "name"
    fmt = QgsTextFormat()
    fmt.setSize(16)
    fmt.setColor(QColor("#111111"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.2)
    fmt.setBuffer(buffer)
    labels.setFormat(fmt)
    counties.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    counties.setLabelsEnabled(True)
    hill = QgsRasterLayer(demo.dem, "hillshade")
    hill.setRenderer(QgsHillshadeRenderer(hill.dataProvider(), 1, 315, 45))
    settings = QgsMapSettings()
    settings.setLayers([counties] + layers + [hill])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem(f"EPSG:{EPSG}"))
    settings.setExtent(hill.extent())
    settings.setOutputSize(QSize(1200, 1000))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(path)


def versions() -> dict:
    import shapely
    from osgeo import gdal
    from qgis.core import Qgis

    return {
        "qgis": Qgis.QGIS_VERSION,
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "shapely": shapely.__version__,  # "0+unknown" on sid: never decide by it
        "gdal": gdal.__version__,
    }


def write_key_numbers(demo: Demo, failures, expectation: bool) -> str:
    """``key_numbers.json`` in the output folder (and the test's expectation with ``--expectation``)."""
    path = os.path.join(demo.out_dir, "key_numbers.json")
    doc = {"versions": versions(), "failed_steps": failures, "numbers": demo.numbers}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    if expectation:
        if failures:
            demo.log("not writing the expectation: some steps failed")
        else:
            exp = {
                "about": "Key numbers of `make demo` (scripts/demo.py --expectation); "
                "tests/qgis/test_demo_numbers.py compares each run with them within 1e-6 relative.",
                "computed_with": doc["versions"],
                "numbers": demo.numbers,
            }
            with open(EXPECTATION, "w", encoding="utf-8") as f:
                json.dump(exp, f, ensure_ascii=False, indent=1, sort_keys=True)
                f.write("\n")
            demo.log(f"Expectation: {EXPECTATION}")
    return path


_APP = None
_PROVIDER = None


def start_qgis(out_dir: str) -> None:
    """Headless QGIS with Processing and the SWC Planner provider, for the demo and its standalone steps.

    The repository is linked as ``swc_planner`` in ``<out_dir>/.plugin`` and put on ``sys.path``.
    Starts QGIS and adds the provider only once per process; keeps both alive (the registry does
    not keep the Python object).
    """
    global _APP, _PROVIDER
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.append("/usr/share/qgis/python/plugins")
    parent = os.path.join(os.path.abspath(out_dir), ".plugin")
    os.makedirs(parent, exist_ok=True)
    link = os.path.join(parent, "swc_planner")
    if not os.path.islink(link):
        os.symlink(REPO, link)
    sys.path.insert(0, parent)
    from qgis.core import QgsApplication

    if QgsApplication.instance() is None:
        _APP = QgsApplication([], False)
        _APP.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("swcplanner") is None:
        from swc_planner.algorithms.provider import SwcPlannerProvider

        _PROVIDER = SwcPlannerProvider()
        registry.addProvider(_PROVIDER)


def main(argv) -> int:
    expectation = "--expectation" in argv
    argv = [a for a in argv if a != "--expectation"]
    out_dir = argv[1] if len(argv) > 1 else "demo_output"
    start_qgis(out_dir)

    demo = Demo(out_dir)
    demo.log(f"SWC Planner demo → {demo.out_dir}")
    demo.log(f"Synthetic DEM {COLS} × {ROWS} cells at {CELL:g} m, EPSG:{EPSG}")
    failures = []
    steps = [("steep slopes", steep_slope_step)]
    for path in sorted(glob.glob(os.path.join(HERE, "demo_*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        steps.append((os.path.basename(path)[5:-3], module.run))
    for name, step in steps:
        try:
            returned = step(demo)
            if isinstance(returned, dict) and name not in demo.numbers:
                # a step that returns its key numbers (run(out_dir) steps); file paths left out
                demo.numbers[name] = {
                    k: v for k, v in returned.items() if not (isinstance(v, str) and os.sep in v)
                }
        except Exception:  # noqa: BLE001 - report and go on with the next step
            failures.append(name)
            traceback.print_exc()
    maps = render_maps(demo)
    demo.log("Maps: {}".format(", ".join(os.path.basename(p) for p in maps)))
    demo.log(f"GeoPackage: {demo.gpkg}")
    demo.log(
        "Tables: {}".format(
            ", ".join(sorted(os.path.basename(p) for p in glob.glob(os.path.join(demo.out_dir, "*.xlsx"))))
        )
    )
    demo.log(f"Key numbers: {write_key_numbers(demo, failures, expectation)}")
    if failures:
        demo.log("FAILED steps: {}".format(", ".join(failures)))
    sys.stdout.flush()
    os._exit(1 if failures else 0)


if __name__ == "__main__":
    main(sys.argv)
