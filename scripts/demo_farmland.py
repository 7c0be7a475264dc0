"""Demo step: farmland screening (swcplanner:farmlandscreening) on the synthetic demo DEM.

The demo has no land-survey parcels, so this step makes some: 150 m squares over
the DEM with a land-use code (三调 0103 旱地 on two parcels of three, 0301
forest otherwise), a survey cropland type GDLX (TT on every fourth parcel, PD
otherwise) and a slope grade GDPDJB that is deliberately off on every fifth
parcel.  A village and a road give the accessibility term of the priority.
The 10 m DEM is too coarse to see terraces: the type comes from GDLX and the
algorithm says so.
"""

from __future__ import annotations

import os

from osgeo import gdal, ogr

PARCEL_M = 150.0


def _make_inputs(demo) -> dict:
    ds = gdal.Open(demo.dem)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    cols, rows = ds.RasterXSize, ds.RasterYSize
    srs = ds.GetSpatialRef()
    folder = os.path.join(demo.out_dir, "input")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "farmland_parcels.gpkg")
    if os.path.exists(path):
        os.remove(path)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = out.CreateLayer("parcels", srs, ogr.wkbPolygon)
    for name, kind in (
        ("BSM", ogr.OFTInteger),
        ("DLBM", ogr.OFTString),
        ("GDLX", ogr.OFTString),
        ("GDPDJB", ogr.OFTInteger),
    ):
        lyr.CreateField(ogr.FieldDefn(name, kind))
    width, height = cols * dx, rows * abs(dy)
    n = 0
    out.StartTransaction()
    for i in range(int(width // PARCEL_M)):
        for j in range(int(height // PARCEL_M)):
            n += 1
            a, b = x0 + i * PARCEL_M, x0 + (i + 1) * PARCEL_M
            c, d = y0 - (j + 1) * PARCEL_M, y0 - j * PARCEL_M
            f = ogr.Feature(lyr.GetLayerDefn())
            f.SetField("BSM", n)
            f.SetField("DLBM", "0301" if n % 3 == 0 else "0103")
            f.SetField("GDLX", "TT" if n % 4 == 0 else "PD")
            f.SetField("GDPDJB", 1 + (n * 7) % 5)
            f.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({a} {c},{b} {c},{b} {d},{a} {d},{a} {c}))"))
            lyr.CreateFeature(f)
    out.CommitTransaction()
    road = out.CreateLayer("roads", srs, ogr.wkbLineString)
    f = ogr.Feature(road.GetLayerDefn())
    pts = [(x0, y0 - 0.5 * height), (x0 + 0.5 * width, y0 - 0.4 * height), (x0 + width, y0 - 0.6 * height)]
    f.SetGeometry(ogr.CreateGeometryFromWkt("LINESTRING({})".format(",".join(f"{x} {y}" for x, y in pts))))
    road.CreateFeature(f)
    village = out.CreateLayer("villages", srs, ogr.wkbPoint)
    for fx, fy in ((0.25, 0.3), (0.7, 0.75)):
        f = ogr.Feature(village.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({x0 + fx * width} {y0 - fy * height})"))
        village.CreateFeature(f)
    out = None
    return {
        "parcels": path + "|layername=parcels",
        "roads": path + "|layername=roads",
        "villages": path + "|layername=villages",
        "count": n,
    }


def run(demo) -> None:
    demo.log("Farmland screening: slope farmland and old terraces (swcplanner:farmlandscreening)")
    inputs = _make_inputs(demo)
    demo.log(
        "  {} parcels of {:g} m (synthetic 三调 fields DLBM, GDLX, GDPDJB)".format(inputs["count"], PARCEL_M)
    )
    res = demo.run(
        "swcplanner:farmlandscreening",
        {
            "PARCELS": inputs["parcels"],
            "LANDUSE_FIELD": "DLBM",
            "CROPLAND_CODES": "0101,0102,0103",
            "TYPE_FIELD": "GDLX",
            "SLOPE_GRADE_FIELD": "GDPDJB",
            "DEM": demo.dem,
            "BAN_SLOPE": 25.0,
            "REGION": 1,
            "ROADS": inputs["roads"],
            "SETTLEMENTS": inputs["villages"],
            "ZONES": demo.townships,
            "ZONE_FIELD": "name",
            "RISER_MATERIAL": 1,
            "OUTPUT": demo.gpkg_layer("farmland_parcels"),
            "SUMMARY": demo.table_output("farmland_summary"),
        },
    )
    demo.save_table(demo.gpkg + "|layername=farmland_parcels", "farmland_parcels")
    demo.save_table(res["SUMMARY"], "farmland_summary")
    here = os.path.dirname(os.path.abspath(__file__))
    demo.layers.append(
        (
            demo.gpkg + "|layername=farmland_parcels",
            "farmland",
            os.path.join(os.path.dirname(here), "resources", "styles", "farmland_category.qml"),
        )
    )
    ds = ogr.Open(demo.gpkg)
    lyr = ds.GetLayerByName("farmland_parcels")
    totals = {}
    for feat in lyr:
        cat = feat.GetField("CATEGORY")
        if cat:
            n, ha, m3 = totals.get(cat, (0, 0.0, 0.0))
            totals[cat] = (n + 1, ha + feat.GetField("AREA_HA"), m3 + (feat.GetField("EARTH_M3") or 0.0))
    demo.log("   category | parcels | ha | terrace earthwork m³")
    for cat in ("flat", "gentle", "convert", "retire", "upgrade"):
        n, ha, m3 = totals.get(cat, (0, 0.0, 0.0))
        demo.record("farmland", cat, {"PARCELS": n, "AREA_HA": ha, "EARTH_M3": m3})
        demo.log(f"   {cat:8s} | {n:5d} | {ha:8.1f} | {m3:10.0f}")
