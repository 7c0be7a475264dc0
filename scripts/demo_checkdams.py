"""Demo step: check-dam series on the demo DEM, and the storage curve of one dam axis."""

from __future__ import annotations

import math
import os


def _axis_layer(demo, half_length: float = 200.0) -> str:
    """A dam axis across the demo gully of about 2 km² (written as a GeoPackage line layer)."""
    import numpy as np
    from osgeo import ogr, osr

    from swc_planner.algorithms.core import hydrology as hy

    flow = hy.route_dem(demo.dem)
    area = flow.area_m2 / 1e6
    grid = flow.grid
    cand = np.argwhere((area > 1.5) & (area < 3.0))
    # the candidate nearest the DEM centre
    centre = np.array([grid.rows / 2.0, grid.cols / 2.0])
    r, c = cand[int(np.argmin(((cand - centre) ** 2).sum(axis=1)))]
    k = hy.D8_CODES.index(int(flow.codes[r, c]))
    dr, dc = hy.D8_OFFSETS[k]
    x, y = grid.cell_center(int(r), int(c))
    nx, ny = dr / math.hypot(dr, dc), dc / math.hypot(dr, dc)  # normal to the flow, map axes
    path = os.path.join(demo.out_dir, "input", "dam_axis.gpkg")
    if os.path.exists(path):
        os.remove(path)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(grid.crs_wkt)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("dam_axis", srs, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    feat = ogr.Feature(layer.GetLayerDefn())
    feat.SetField("name", "示范淤地坝")
    ax, ay = x - half_length * nx, y - half_length * ny
    bx, by = x + half_length * nx, y + half_length * ny
    feat.SetGeometry(ogr.CreateGeometryFromWkt(f"LINESTRING({ax} {ay}, {bx} {by})"))
    layer.CreateFeature(feat)
    ds = None
    return path + "|layername=dam_axis"


def run(demo) -> None:
    demo.log("Check dams: 谷坊 series (顶底相照), storage curve of a silt-trap dam axis")
    res = demo.run(
        "swcplanner:checkdams",
        {
            "DEM": demo.dem,
            "MIN_UPAREA": 0.05,
            "MAX_UPAREA": 1.0,
            "MIN_GRADIENT": 0.05,
            "DAM_TYPE": 1,
            "DAM_HEIGHT": 3.0,
            "I_PRIME": 0.02,
            "DAMS": demo.gpkg_layer("check_dams"),
            "CRESTS": demo.gpkg_layer("check_dam_crests"),
            "SILT": demo.gpkg_layer("check_dam_silt"),
            "CURVES": demo.table_output("check_dam_curves"),
            "SUMMARY": demo.table_output("check_dam_summary"),
        },
    )
    styles = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources", "styles")
    for table, name, qml in (
        ("check_dam_silt", "Silted wedges", "checkdam_silt.qml"),
        ("check_dam_crests", "Dam crests", "checkdam_crests.qml"),
        ("check_dams", "Check dams", "checkdam_dams.qml"),
    ):
        demo.layers.append((demo.gpkg + "|layername=" + table, name, os.path.join(styles, qml)))
    demo.save_table(res["SUMMARY"], "check_dam_summary")
    demo.save_table(res["CURVES"], "check_dam_curves")
    from osgeo import ogr

    ds = ogr.Open(demo.gpkg)
    summary = ds.GetLayerByName("check_dam_summary")
    for feat in summary:
        if feat.GetField("GULLY") in ("All", "合计"):
            demo.record(
                "check_dams",
                "all gullies",
                {k: feat.GetField(k) for k in ("DAMS", "BODY_M3", "STORAGE_M3", "SILT_M3", "CHANNEL_M")},
            )
            demo.log(
                "  {} dams, body {:.0f} m³, storage {:.0f} m³, silt {:.0f} m³".format(
                    feat.GetField("DAMS"),
                    feat.GetField("BODY_M3"),
                    feat.GetField("STORAGE_M3"),
                    feat.GetField("SILT_M3"),
                )
            )
    ds = None

    axis = _axis_layer(demo)
    res = demo.run(
        "swcplanner:damstorage",
        {
            "DEM": demo.dem,
            "AXIS": axis,
            "MAX_HEIGHT": 15.0,
            "STEP": 1.0,
            "HEIGHT": 10.0,
            "EROSION_MODULUS": 5000.0,
            "DELIVERY_RATIO": 0.8,
            "TABLE": demo.table_output("dam_storage_curve"),
            "FLOODED": demo.gpkg_layer("dam_flooded"),
            "CATCHMENT": demo.gpkg_layer("dam_control_area"),
        },
    )
    demo.layers.append(
        (demo.gpkg + "|layername=dam_flooded", "Flooded area", os.path.join(styles, "checkdam_flooded.qml"))
    )
    demo.save_table(res["TABLE"], "dam_storage_curve")
    ds = ogr.Open(demo.gpkg)
    for feat in ds.GetLayerByName("dam_flooded"):
        demo.record(
            "dam_axis",
            "axis 1",
            {
                k: feat.GetField(k)
                for k in ("CONTROL_KM2", "H_M", "AREA_M2", "VOL_M3", "SIZE_CLASS", "LIFE_A")
            },
        )
        demo.log(
            "  dam axis: control {:.2f} km², at {:g} m {:.0f} m³ ({}), sediment life {} a".format(
                feat.GetField("CONTROL_KM2"),
                feat.GetField("H_M"),
                feat.GetField("VOL_M3"),
                feat.GetField("CLASS_NAME"),
                feat.GetField("LIFE_A"),
            )
        )
    ds = None
