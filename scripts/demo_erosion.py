"""Demo step: CSLE soil loss, erosion intensity and the SWC rate (issue 7).

Called by ``scripts/demo.py`` as ``run(demo)``.  The synthetic demo has no land
use, so this step derives an illustrative 三调-coded land-use raster from the
DEM's slope (gentle: 0103 dry land, medium: 0404 other grassland, steep: 0301
arbor forest, valley floor: 1101 river) and two measure polygons (earth-riser
terraces and fish-scale pits).  R = 1 800 and K = 0.03 are illustrative Hebei
magnitudes (shared/docs/domain.md §3.3–3.4, [U]); an illustrative vegetation-cover
raster (forest 85 %, grass 65 %) gives forest and grass B from the FVC table.
"""

from __future__ import annotations

import os

import numpy as np


def _landuse(demo):
    from osgeo import gdal

    ds = gdal.Open(demo.dem)
    z = ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
    gt = ds.GetGeoTransform()
    gy, gx = np.gradient(z, abs(gt[5]), gt[1])
    slope = np.degrees(np.arctan(np.hypot(gx, gy)))
    codes = np.full(z.shape, 404, dtype=np.int16)  # 0404 other grassland
    codes[slope <= 8] = 103  # 0103 dry land
    codes[slope > 25] = 301  # 0301 arbor forest
    codes[z < np.percentile(z, 2)] = 1101  # 1101 river
    path = os.path.join(demo.out_dir, "input", "demo_landuse_sandiao.tif")
    out = gdal.GetDriverByName("GTiff").Create(
        path, z.shape[1], z.shape[0], 1, gdal.GDT_Int16, ["COMPRESS=DEFLATE"]
    )
    out.SetGeoTransform(gt)
    out.SetProjection(ds.GetProjection())
    out.GetRasterBand(1).SetNoDataValue(-1)
    # 三调 codes are 4-digit strings ("0103"); the raster stores them as integers 103, 404, …
    out.GetRasterBand(1).WriteArray(codes)
    out = None
    # vegetation cover (%): dense forest 85 %, grass 65 %, cropland 30 %
    fvc = np.where(codes == 301, 85.0, np.where(codes == 404, 65.0, 30.0)).astype(np.float32)
    fvc_path = os.path.join(demo.out_dir, "input", "demo_fvc_pct.tif")
    out = gdal.GetDriverByName("GTiff").Create(
        fvc_path, z.shape[1], z.shape[0], 1, gdal.GDT_Float32, ["COMPRESS=DEFLATE"]
    )
    out.SetGeoTransform(gt)
    out.SetProjection(ds.GetProjection())
    out.GetRasterBand(1).WriteArray(fvc)
    out = None
    return path, fvc_path


def _measures(demo) -> str:
    from osgeo import gdal, ogr, osr

    ds = gdal.Open(demo.dem)
    x0, dx, _, y1, _, dy = ds.GetGeoTransform()
    cols, rows = ds.RasterXSize, ds.RasterYSize
    srs = osr.SpatialReference()
    srs.ImportFromWkt(ds.GetProjection())
    path = os.path.join(demo.out_dir, "input", "demo_measures.gpkg")
    if os.path.exists(path):
        os.remove(path)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = out.CreateLayer("measures", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("type", ogr.OFTString))
    w, h = cols * dx, rows * -dy
    for kind, (a, b, c, d) in (
        ("土坎水平梯田", (0.05, 0.10, 0.35, 0.45)),
        ("鱼鳞坑", (0.45, 0.30, 0.80, 0.70)),
    ):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("type", kind)
        xa, xb = x0 + a * w, x0 + c * w
        ya, yb = y1 - d * h, y1 - b * h
        f.SetGeometry(
            ogr.CreateGeometryFromWkt(f"POLYGON(({xa} {ya},{xb} {ya},{xb} {yb},{xa} {yb},{xa} {ya}))")
        )
        layer.CreateFeature(f)
    out = None
    return path + "|layername=measures"


def run(demo) -> None:
    """Soil loss with the measures (and without: the table's BASE_* columns), then the rate."""
    landuse, fvc = _landuse(demo)
    measures = _measures(demo)
    demo.log("E1. LS factor (swcplanner:lsfactor)")
    demo.run(
        "swcplanner:lsfactor",
        {"DEM": demo.dem, "CHANNEL_AREA": 5.0, "LS_FACTOR": os.path.join(demo.out_dir, "ls_factor.tif")},
    )
    demo.log("E2. Soil loss with planned measures (swcplanner:soilloss; CSLE, SL 190)")
    # the raster stores 三调 code 0103 as 103: the land-use table also tries zero-padded codes
    res = demo.run(
        "swcplanner:soilloss",
        {
            "DEM": demo.dem,
            "CHANNEL_AREA": 5.0,
            "R_CONSTANT": 1800.0,
            "K_CONSTANT": 0.03,
            "LANDUSE": landuse,
            "FVC": fvc,
            "MEASURES": measures,
            "MEASURE_FIELD": "type",
            "ZONES": demo.counties,
            "ZONE_FIELD": "name",
            "TOLERANCE": 200.0,
            "SOIL_LOSS": os.path.join(demo.out_dir, "soil_loss.tif"),
            "INTENSITY": os.path.join(demo.out_dir, "erosion_intensity.tif"),
            "TABLE": demo.table_output("soil_loss_by_county"),
        },
    )
    demo.save_table(res["TABLE"], "soil_loss_by_county")
    demo.record_table(
        "soil_loss",
        "soil_loss_by_county",
        ("ZONE",),
        ("ERODED_KM2", "SOIL_LOSS_T", "SWC_RATE", "BASE_LOSS_T", "BASE_SWC_RATE"),
    )
    if hasattr(demo, "layers"):
        demo.layers.append((res["INTENSITY"], "erosion intensity"))
    demo.log("E3. Soil-and-water-conservation rate per township (swcplanner:swcrate)")
    rate = demo.run(
        "swcplanner:swcrate",
        {
            "INPUT": res["SOIL_LOSS"],
            "ZONES": demo.townships,
            "ZONE_FIELD": "name",
            "OUTPUT": demo.table_output("swc_rate_by_township"),
        },
    )
    demo.save_table(rate["OUTPUT"], "swc_rate_by_township")
    demo.record_table("swc_rate", "swc_rate_by_township", ("ZONE",), ("ERODED_KM2", "SWC_RATE", "GAP_1"))
    try:
        from osgeo import ogr

        ds = ogr.Open(demo.gpkg)
        for f in ds.GetLayerByName("soil_loss_by_county"):
            demo.log(
                "   {}: {:.0f} t/a (without measures {:.0f}), SWC rate {:.2f} % "
                "(without measures {:.2f} %)".format(
                    f["ZONE"], f["SOIL_LOSS_T"], f["BASE_LOSS_T"], f["SWC_RATE"], f["BASE_SWC_RATE"]
                )
            )
    except Exception:  # noqa: BLE001 - the summary print is optional
        pass
