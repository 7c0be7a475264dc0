"""Demo step: flow routing on the synthetic DEM (fill, directions, accumulation, channels, watershed).

The outlet is put on the largest channel a little inside the DEM's southern edge, and
snapped to the largest accumulation within 100 m, as a planner clicking near a gully
mouth would.
"""

from __future__ import annotations

import os

import numpy as np
from osgeo import gdal, ogr


def run(demo) -> None:
    demo.log("Flow routing (swcplanner:fillsinks, flowaccumulation, channelnetwork, watershed)")
    filled = demo.run(
        "swcplanner:fillsinks", {"DEM": demo.dem, "OUTPUT": os.path.join(demo.out_dir, "filled_dem.tif")}
    )["OUTPUT"]
    flow = demo.run(
        "swcplanner:flowaccumulation",
        {
            "DEM": demo.dem,
            "FLOW_DIR": os.path.join(demo.out_dir, "flow_dir.tif"),
            "ACCUMULATION": os.path.join(demo.out_dir, "upslope_area_m2.tif"),
        },
    )
    demo.run(
        "swcplanner:channelnetwork",
        {
            "DEM": demo.dem,
            "MIN_AREA": 0.1,
            "CHANNELS": demo.gpkg_layer("channels"),
            "CHANNEL_RASTER": os.path.join(demo.out_dir, "channels.tif"),
        },
    )
    demo.layers.append(
        (
            demo.gpkg + "|layername=channels",
            "channels",
            os.path.join(
                os.path.dirname(os.path.dirname(__file__)), "resources", "styles", "channel_network.qml"
            ),
        )
    )

    ds = gdal.Open(flow["ACCUMULATION"])
    acc = ds.GetRasterBand(1).ReadAsArray()
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    band = acc[-30:-20, 20:-20]  # 200–300 m inside the southern edge
    r, c = np.unravel_index(np.argmax(band), band.shape)
    row, col = acc.shape[0] - 30 + r, 20 + c
    x, y = x0 + (col + 0.5) * dx + 40.0, y0 + (row + 0.5) * dy  # 40 m off the channel
    path = os.path.join(demo.out_dir, "input", "outlet.gpkg")
    if os.path.exists(path):
        os.remove(path)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = out.CreateLayer("outlet", ds.GetSpatialRef(), ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetField("name", "沟口")
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    feat.SetGeometry(point)
    lyr.CreateFeature(feat)
    out = None
    demo.run(
        "swcplanner:watershed",
        {
            "DEM": demo.dem,
            "OUTLETS": path + "|layername=outlet",
            "SNAP_DISTANCE": 100,
            "OUTPUT": demo.gpkg_layer("watershed"),
        },
    )
    demo.save_table(demo.gpkg + "|layername=watershed", "watershed")
    src = ogr.Open(demo.gpkg)
    ws = src.GetLayerByName("watershed").GetNextFeature()
    demo.record(
        "watershed", "outlet", {k: ws.GetField(k) for k in ("AREA_KM2", "SNAP_M", "SNAP_X", "SNAP_Y")}
    )
    demo.record("channels", "reaches", src.GetLayerByName("channels").GetFeatureCount())
    demo.log(
        "   watershed of the outlet: {:.2f} km² (snapped {:.0f} m); filled DEM: {}".format(
            ws.GetField("AREA_KM2"), ws.GetField("SNAP_M"), os.path.basename(filled)
        )
    )
