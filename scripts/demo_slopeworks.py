"""Demo step: fish-scale pits and level benches on the synthetic mountain front (issue 6).

Called by ``scripts/demo.py`` as ``run(demo)``.  Two illustrative treatment
areas are drawn on the demo DEM: a barren steep face below the escarpment
(fish-scale pits, 15°–45°) and a gentler forest slope (level benches, 15°–25°).
Unit prices are illustrative planning magnitudes (CNY): 3.5 per pit or 6 per
metre of bench, 25 per m³ of earthwork, 2 per seedling.
"""

from __future__ import annotations

import os


def _areas(demo) -> str:
    from osgeo import gdal, ogr, osr

    ds = gdal.Open(demo.dem)
    x0, dx, _, y1, _, dy = ds.GetGeoTransform()
    cols, rows = ds.RasterXSize, ds.RasterYSize
    srs = osr.SpatialReference()
    srs.ImportFromWkt(ds.GetProjection())
    path = os.path.join(demo.out_dir, "input", "demo_slopeworks_areas.gpkg")
    if os.path.exists(path):
        os.remove(path)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = out.CreateLayer("areas", srs, ogr.wkbPolygon, ["GEOMETRY_NAME=geom"])
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("measure", ogr.OFTString))
    w, h = cols * dx, rows * -dy
    # fractions of the DEM (x from the west, y from the north edge)
    for name, kind, (a, b, c, d) in (
        ("荒山一号坡", "pits", (0.38, 0.22, 0.50, 0.32)),
        ("荒山二号坡", "pits", (0.62, 0.24, 0.72, 0.33)),
        ("林地三号坡", "benches", (0.15, 0.45, 0.27, 0.55)),
    ):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("name", name)
        f.SetField("measure", kind)
        xa, xb = x0 + a * w, x0 + c * w
        ya, yb = y1 - d * h, y1 - b * h
        f.SetGeometry(
            ogr.CreateGeometryFromWkt(f"POLYGON(({xa} {ya},{xb} {ya},{xb} {yb},{xa} {yb},{xa} {ya}))")
        )
        layer.CreateFeature(f)
    out = None
    return path


def run(demo) -> None:
    """Pits on the steep faces, benches on the gentler slope; summaries to xlsx."""
    path = _areas(demo)
    pits_areas = f"{path}|layername=areas|subset=\"measure\" = 'pits'"
    bench_areas = f"{path}|layername=areas|subset=\"measure\" = 'benches'"
    demo.log("S1. Fish-scale pits (swcplanner:slopeworks, MEASURE=0)")
    res = demo.run(
        "swcplanner:slopeworks",
        {
            "AREAS": pits_areas,
            "NAME_FIELD": "name",
            "DEM": demo.dem,
            "MEASURE": 0,
            "SPACING": 2.0,
            "ROW_SPACING": 4.0,
            "STAGGER": True,
            "MIN_SLOPE": 15.0,
            "MAX_SLOPE": 45.0,
            "UNIT_PRICES": "3.5, 25, 2",
            "WORKS": demo.gpkg_layer("slopeworks_pits"),
            "ROWS": demo.gpkg_layer("slopeworks_pit_rows"),
            "SUMMARY": demo.table_output("slopeworks_pit_summary"),
            "EXCLUDED": demo.gpkg_layer("slopeworks_pit_excluded"),
        },
    )
    demo.save_table(res["SUMMARY"], "slopeworks_pit_summary")
    demo.log("S2. Level benches (swcplanner:slopeworks, MEASURE=1; slopes 15°–25° by default)")
    benches = demo.run(
        "swcplanner:slopeworks",
        {
            "AREAS": bench_areas,
            "NAME_FIELD": "name",
            "DEM": demo.dem,
            "MEASURE": 1,
            "UNIT_PRICES": "6, 25, 2",
            "WORKS": demo.gpkg_layer("slopeworks_benches"),
            "ROWS": demo.gpkg_layer("slopeworks_bench_rows"),
            "SUMMARY": demo.table_output("slopeworks_bench_summary"),
        },
    )
    demo.save_table(benches["SUMMARY"], "slopeworks_bench_summary")
    fields = ("TREATED_HA", "EXCL_HA", "COUNT", "LENGTH_M", "EARTH_M3", "SEEDLINGS", "COST")
    for table in ("slopeworks_pit_summary", "slopeworks_bench_summary"):
        demo.record_table("slope_works", table, ("NAME",), fields)
    if hasattr(demo, "layers"):
        demo.layers.append((res["ROWS"], "pit rows"))
    try:
        from osgeo import ogr

        ds = ogr.Open(demo.gpkg)
        for table in ("slopeworks_pit_summary", "slopeworks_bench_summary"):
            for f in ds.GetLayerByName(table):
                demo.log(
                    "   {} ({}): treated {:.2f} ha, excluded {:.2f} ha ({}); {} works, "
                    "{:.0f} m, {:.0f}/ha, {:.1f} m³, {:.0f} seedlings, {:.0f} CNY".format(
                        f["NAME"],
                        f["MEASURE"],
                        f["TREATED_HA"],
                        f["EXCL_HA"],
                        f["EXCL_REASON"] or "-",
                        f["COUNT"],
                        f["LENGTH_M"],
                        f["DENS_HA"],
                        f["EARTH_M3"],
                        f["SEEDLINGS"],
                        f["COST"],
                    )
                )
    except Exception:  # noqa: BLE001 - the summary print is optional
        pass
