"""swcplanner:checkdams and swcplanner:damstorage through Processing.

Independent answers: the analytic V valley (see test_core_checkdams.py), a
separate routing of the real DEMs with the hydrology module (upslope areas,
D8 paths, filled elevations) read back from the output files, bilinear ground
elevations computed here, and brute-force storage sums over a watershed mask.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from testdata import shared

from swc_planner.algorithms.core import checkdams as cd
from swc_planner.algorithms.core import hydrology as hy

BIG_TUJUNGA = ("bigtujunga_srtm30m", "srtm_bigtujunga30m_utm11.tif")
QINLING = ("qinling_dem_110m", "qinling_subarea_30m_interp_cgcs2000_gk36.tif")
# areas of interest (6 km x 6 km) in steep terrain of each DEM
AOIS = {
    "bigtujunga": (BIG_TUJUNGA, 32611, (390000, 3795000, 396000, 3801000)),
    "qinling": (QINLING, 4524, (36550000, 3755000, 36556000, 3761000)),
}


def run(alg, params, **kwargs):
    import processing

    return processing.run("swcplanner:" + alg, params, **kwargs)


def write_dem(path, z, cell, epsg=4527, x0=39500000.0, y0=4300000.0):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), z.shape[1], z.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y0, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(z.astype(np.float32))
    ds = None
    return str(path)


def write_layer(path, epsg, geoms, geom_type):
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer("layer", srs, geom_type)
    for wkt in geoms:
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feat)
    ds = None
    return str(path)


def box_wkt(xmin, ymin, xmax, ymax):
    return f"POLYGON(({xmin} {ymin},{xmax} {ymin},{xmax} {ymax},{xmin} {ymax},{xmin} {ymin}))"


def read_features(path):
    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    out = []
    for feat in layer:
        geom = feat.GetGeometryRef()
        out.append((feat.items(), geom.ExportToWkt() if geom is not None else None))
    return out


def outputs(tmp_path, prefix):
    return {
        name: str(tmp_path / f"{prefix}_{name.lower()}.gpkg")
        for name in ("DAMS", "CRESTS", "SILT", "CURVES", "SUMMARY")
    }


def v_valley_dem(tmp_path, i=0.08, g=0.25, rows=300, cols=61):
    r, c = np.mgrid[0:rows, 0:cols]
    z = 100 + i * (rows - 1 - r) + g * np.abs(c - cols // 2)
    return write_dem(tmp_path / "v.tif", z, 1.0)


# --- synthetic valley through the whole stack ---------------------------------------


def test_checkdams_v_valley(processing_ready, tmp_path):
    dem = v_valley_dem(tmp_path)
    out = outputs(tmp_path, "v")
    res = run(
        "checkdams",
        dict(
            {
                "DEM": dem,
                "MIN_UPAREA": 0.0005,
                "MAX_UPAREA": 1.0,
                "MIN_GRADIENT": 0.05,
                "DAM_TYPE": 0,
                "DAM_HEIGHT": 3.0,
                "I_PRIME": 0.02,
            },
            **out,
        ),
    )
    dams = [a for a, _g in read_features(res["DAMS"])]
    assert len(dams) == 6
    rule = 3.0 / (0.08 - 0.02)
    for d in dams[:-1]:
        assert rule - 1e-6 <= d["SPACING_M"] < rule + 1.0
    for d in dams[1:-1]:
        assert d["STORAGE_M3"] == pytest.approx(4 * 27 / (3 * 0.08), rel=0.02)
        assert d["SILT_M3"] == pytest.approx(4 * 27 / (3 * 0.06), rel=0.02)
        assert d["CREST_M"] == pytest.approx(24.0, abs=0.01)
        assert d["BODY_M3"] == pytest.approx(4 * (9 + 2.75 * 9), rel=1e-4)
        assert d["DAM_TYPE"] == "drystone"
    summary = [a for a, _g in read_features(res["SUMMARY"])]
    assert summary[-1]["DAMS"] == 6
    assert summary[-1]["BODY_M3"] == pytest.approx(sum(d["BODY_M3"] for d in dams), abs=0.1)
    silt = read_features(res["SILT"])
    assert len(silt) == 6
    curves = [a for a, _g in read_features(res["CURVES"])]
    assert len(curves) == 6 * 7


# --- real DEMs -------------------------------------------------------------------


@pytest.fixture(scope="module")
def routed():
    cache = {}

    def get(path):
        if path not in cache:
            cache[path] = hy.route_dem(path)
        return cache[path]

    return get


@pytest.mark.parametrize("name", sorted(AOIS))
def test_checkdams_real_dem(processing_ready, tmp_path, routed, name):
    (folder, fname), epsg, bbox = AOIS[name]
    dem = shared(folder, fname)
    aoi = write_layer(tmp_path / "aoi.gpkg", epsg, [box_wkt(*bbox)], ogr.wkbPolygon)
    lo, hi, hd, ip = 0.05, 1.0, 3.0, 0.02
    out = outputs(tmp_path, name)
    res = run(
        "checkdams",
        dict(
            {
                "DEM": dem,
                "AOI": aoi,
                "MIN_UPAREA": lo,
                "MAX_UPAREA": hi,
                "MIN_GRADIENT": 0.05,
                "DAM_TYPE": 1,
                "DAM_HEIGHT": hd,
                "I_PRIME": ip,
            },
            **out,
        ),
    )
    dams = {a["DAM_ID"]: (a, g) for a, g in read_features(res["DAMS"])}
    assert len(dams) > 50
    flow = routed(dem)
    grid = flow.grid
    area_km2 = flow.area_m2 / 1e6
    z = flow.filled.astype(np.float64)
    codes = flow.codes
    down = {}
    for a, wkt in dams.values():
        pt = ogr.CreateGeometryFromWkt(wkt)
        r, c = grid.cell_of(pt.GetX(), pt.GetY())
        # a channel cell inside the limits and inside the AOI
        assert lo <= area_km2[r, c] <= hi
        assert bbox[0] <= pt.GetX() <= bbox[2] and bbox[1] <= pt.GetY() <= bbox[3]
        assert a["BED_Z"] == pytest.approx(z[r, c], abs=1e-3)
        assert a["CONTROL_KM2"] == pytest.approx(area_km2[r, c], abs=1e-5)
        assert a["SPACING_M"] is None or a["SPACING_M"] >= a["RULE_L_M"] - 0.01
        down[a["DAM_ID"]] = (r, c)
    # spacing along the real profile: the silted bed meets the bed before the next dam
    checked = 0
    for a, _wkt in dams.values():
        if a["NEXT_ID"] is None:
            continue
        (r, c), target = down[a["NEXT_ID"]], down[a["DAM_ID"]]
        path = [(r, c)]
        while (r, c) != target and len(path) < 5000:
            k = hy.D8_CODES.index(int(codes[r, c]))
            r, c = r + hy.D8_OFFSETS[k][0], c + hy.D8_OFFSETS[k][1]
            path.append((r, c))
        assert (r, c) == target
        path = path[::-1]
        dist = np.concatenate(
            [
                [0.0],
                np.cumsum(
                    [
                        math.hypot(grid.cellsize_y * (r1 - r0), grid.cellsize_x * (c1 - c0))
                        for (r0, c0), (r1, c1) in zip(path[:-1], path[1:])
                    ]
                ),
            ]
        )
        assert dist[-1] == pytest.approx(a["SPACING_M"], abs=0.01)
        bed = np.array([z[p] for p in path])
        assert cd.meet_distance(dist, bed, 0, hd, ip) <= a["SPACING_M"] + 0.01
        checked += 1
    assert checked > 20
    # storage curves monotonic, ending at the storage at hd
    curves = {}
    for a, _g in read_features(res["CURVES"]):
        curves.setdefault(a["DAM_ID"], []).append((a["H_M"], a["AREA_M2"], a["VOL_M3"]))
    for dam_id, rows in curves.items():
        rows.sort()
        h, area, vol = map(np.array, zip(*rows))
        assert np.all(np.diff(vol) >= 0) and np.all(np.diff(area) >= 0)
        assert h[-1] == pytest.approx(hd)
        assert vol[-1] == pytest.approx(dams[dam_id][0]["STORAGE_M3"], abs=0.05)
    # crest lines cross the thalweg: the D8 neighbours up and down the channel lie on
    # opposite sides of the crest, and the ground at both ends is at the crest level
    acc = flow.accumulation
    xs = grid.geotransform[0] + (np.arange(grid.cols) + 0.5) * grid.cellsize_x
    ys = grid.geotransform[3] - (np.arange(grid.rows) + 0.5) * grid.cellsize_y
    crossed = 0
    for a, wkt in read_features(res["CRESTS"]):
        line = ogr.CreateGeometryFromWkt(wkt)
        (x1, y1), (x2, y2) = line.GetPoint_2D(0), line.GetPoint_2D(1)
        r, c = down[a["DAM_ID"]]
        k = hy.D8_CODES.index(int(codes[r, c]))
        rd, cd_ = r + hy.D8_OFFSETS[k][0], c + hy.D8_OFFSETS[k][1]
        ups = [
            (r - dr, c - dc)
            for kk, (dr, dc) in enumerate(hy.D8_OFFSETS)
            if 0 <= r - dr < grid.rows
            and 0 <= c - dc < grid.cols
            and codes[r - dr, c - dc] == hy.D8_CODES[kk]
        ]
        ru, cu = max(ups, key=lambda p: acc[p])

        side_up = np.sign((x2 - x1) * (ys[ru] - y1) - (y2 - y1) * (xs[cu] - x1))
        side_down = np.sign((x2 - x1) * (ys[rd] - y1) - (y2 - y1) * (xs[cd_] - x1))
        assert side_up * side_down <= 0
        crossed += 1
        for x, y in ((x1, y1), (x2, y2)):
            fc = (x - grid.geotransform[0]) / grid.cellsize_x - 0.5
            fr = (grid.geotransform[3] - y) / grid.cellsize_y - 0.5
            c0, r0 = int(math.floor(fc)), int(math.floor(fr))
            tc, tr = fc - c0, fr - r0
            ground = (z[r0, c0] * (1 - tc) + z[r0, c0 + 1] * tc) * (1 - tr) + (
                z[r0 + 1, c0] * (1 - tc) + z[r0 + 1, c0 + 1] * tc
            ) * tr
            assert ground == pytest.approx(a["CREST_Z"], abs=0.05)
    assert crossed == len(dams)


# --- errors and cancel ---------------------------------------------------------------


def test_checkdams_errors(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException

    dem = v_valley_dem(tmp_path, rows=120)
    base = dict({"DEM": dem, "MIN_UPAREA": 0.0005, "MAX_UPAREA": 1.0}, **outputs(tmp_path, "e"))
    with pytest.raises(QgsProcessingException, match="exceeds the maximum of 3 m"):
        run("checkdams", dict(base, DAM_TYPE=2, DAM_HEIGHT=4.0))  # gabion ≤ 3 m
    run("checkdams", dict(base, DAM_TYPE=3, DAM_HEIGHT=4.0))  # earth ≤ 5 m: fine
    with pytest.raises(QgsProcessingException, match="No gully fits the limits"):
        run("checkdams", dict(base, MIN_UPAREA=5.0, MAX_UPAREA=10.0))
    far = write_layer(
        tmp_path / "far.gpkg", 4527, [box_wkt(39600000, 4400000, 39601000, 4401000)], ogr.wkbPolygon
    )
    with pytest.raises(QgsProcessingException, match="does not overlap the DEM"):
        run("checkdams", dict(base, AOI=far))


def test_checkdams_cancel(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    base = dict({"DEM": v_valley_dem(tmp_path), "MIN_UPAREA": 0.0005}, **outputs(tmp_path, "c"))
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("checkdams", base, feedback=feedback)


# --- dam storage ------------------------------------------------------------------


def test_damstorage_v_valley(processing_ready, tmp_path):
    dem = v_valley_dem(tmp_path)
    x0, y0 = 39500000.0, 4300000.0
    axis = write_layer(
        tmp_path / "axis.gpkg",
        4527,
        [f"LINESTRING({x0 + 5.5} {y0 - 150.5}, {x0 + 55.5} {y0 - 150.5})"],
        ogr.wkbLineString,
    )
    res = run(
        "damstorage",
        {
            "DEM": dem,
            "AXIS": axis,
            "MAX_HEIGHT": 3.0,
            "STEP": 0.5,
            "EROSION_MODULUS": 5000.0,
            "DELIVERY_RATIO": 0.5,
            "DRY_DENSITY": 1.35,
            "TABLE": str(tmp_path / "t.gpkg"),
            "FLOODED": str(tmp_path / "f.gpkg"),
            "CATCHMENT": str(tmp_path / "c.gpkg"),
        },
    )
    table = sorted(
        (a["H_M"], a["AREA_M2"], a["VOL_M3"], a["CLOSED"]) for a, _g in read_features(res["TABLE"])
    )
    assert len(table) == 7
    vols = [t[2] for t in table]
    assert np.all(np.diff(vols) > 0)
    for h, area, vol, closed in table:
        assert closed == 1
        if h >= 1.5:  # the pool spans enough cells for the midpoint rule
            assert vol == pytest.approx(4 * h**3 / (3 * 0.08), rel=0.03)
            assert area == pytest.approx(4 * h**2 / 0.08, rel=0.03)
    ((f, wkt),) = read_features(res["FLOODED"])
    assert f["VOL_M3"] == pytest.approx(vols[-1])
    assert f["CONTROL_KM2"] == pytest.approx(151 * 61 / 1e6, abs=1e-6)
    assert f["SIZE_CLASS"] == "small"
    assert f["LIFE_A"] == pytest.approx(f["VOL_M3"] * 1.35 / (5000 * 0.5 * f["CONTROL_KM2"]), rel=1e-3)
    assert ogr.CreateGeometryFromWkt(wkt).GetArea() == pytest.approx(f["AREA_M2"], rel=0.03)
    assert len(read_features(res["CATCHMENT"])) == 1


def test_damstorage_bigtujunga_against_brute_force(processing_ready, tmp_path, routed):
    dem = shared(*BIG_TUJUNGA)
    flow = routed(dem)
    grid = flow.grid
    # a gully cell of about 2 km² and the direction of its thalweg
    area = flow.area_m2 / 1e6
    rr, cc = np.nonzero((area > 1.5) & (area < 2.5))
    mid = len(rr) // 2
    r, c = int(rr[mid]), int(cc[mid])
    k = hy.D8_CODES.index(int(flow.codes[r, c]))
    dr, dc = hy.D8_OFFSETS[k]
    x, y = grid.cell_center(r, c)
    # axis across the flow direction, 600 m each side
    nx, ny = dr, dc  # (row, col) flow -> map normal (x = col, y = -row)
    norm = math.hypot(nx, ny)
    nx, ny = nx / norm, ny / norm
    wkt = f"LINESTRING({x - 600 * nx} {y - 600 * ny}, {x + 600 * nx} {y + 600 * ny})"
    axis = write_layer(tmp_path / "axis.gpkg", 32611, [wkt], ogr.wkbLineString)
    res = run(
        "damstorage",
        {
            "DEM": dem,
            "AXIS": axis,
            "MAX_HEIGHT": 20.0,
            "STEP": 5.0,
            "TABLE": str(tmp_path / "t.gpkg"),
            "FLOODED": str(tmp_path / "f.gpkg"),
        },
    )
    table = sorted((a["H_M"], a["VOL_M3"], a["CLOSED"]) for a, _g in read_features(res["TABLE"]))
    ((f, _wkt),) = read_features(res["FLOODED"])
    assert np.all(np.diff([t[1] for t in table]) >= 0)
    # independent: flood fill from the thalweg crossing through cells below the water
    # level on the upstream side of the axis (8-connected, numpy dilation)
    p0, p1 = (x - 600 * nx, y - 600 * ny), (x + 600 * nx, y + 600 * ny)
    ro, co = _thalweg_crossing(grid, flow, p0, p1)
    z = flow.filled.astype(np.float64)
    z0 = z[ro, co]
    assert f["BED_Z"] == pytest.approx(z0, abs=1e-3)
    w = 80
    r0, c0 = max(ro - w, 0), max(co - w, 0)
    sub = z[r0 : ro + w + 1, c0 : co + w + 1]
    rr, cc = np.mgrid[r0 : r0 + sub.shape[0], c0 : c0 + sub.shape[1]]
    xs = grid.geotransform[0] + (cc + 0.5) * grid.cellsize_x
    ys = grid.geotransform[3] - (rr + 0.5) * grid.cellsize_y
    xd, yd = grid.cell_center(ro + dr, co + dc)  # downstream side is positive
    ax, ay = p1[0] - p0[0], p1[1] - p0[1]
    sgn = np.sign(ax * (yd - p0[1]) - ay * (xd - p0[0]))
    dist = sgn * (ax * (ys - p0[1]) - ay * (xs - p0[0])) / math.hypot(ax, ay)
    checked = 0
    for h, vol, closed in table[1:]:
        if not closed:
            continue
        bounds = []
        for limit in (-grid.cellsize_x, grid.cellsize_x):
            allowed = (sub < z0 + h) & (dist < limit)
            seed = np.zeros_like(allowed)
            seed[ro - r0, co - c0] = True
            while True:
                grow = seed.copy()
                grow[1:, :] |= seed[:-1, :]
                grow[:-1, :] |= seed[1:, :]
                grow[:, 1:] |= grow[:, :-1].copy()
                grow[:, :-1] |= grow[:, 1:].copy()
                grow &= allowed | seed
                if (grow == seed).all():
                    break
                seed = grow
            assert not seed[[0, -1], :].any() and not seed[:, [0, -1]].any()  # inside the window
            bounds.append(np.sum(np.clip(z0 + h - sub[seed], 0, None)) * grid.cell_area)
        assert bounds[0] <= vol + 1.0 and vol <= bounds[1] + 1.0
        checked += 1
    assert checked >= 2
    assert f["CONTROL_KM2"] >= area[ro, co] - 1e-6


def _thalweg_crossing(grid, flow, p0, p1):
    """The cell of largest accumulation along the segment p0-p1 (sampled every 3 m)."""
    n = int(math.hypot(p1[0] - p0[0], p1[1] - p0[1]) / 3.0) + 1
    best = None
    for t in np.linspace(0, 1, n):
        r, c = grid.cell_of(p0[0] + t * (p1[0] - p0[0]), p0[1] + t * (p1[1] - p0[1]))
        if 0 <= r < grid.rows and 0 <= c < grid.cols:
            if best is None or flow.accumulation[r, c] > flow.accumulation[best]:
                best = (r, c)
    return best
