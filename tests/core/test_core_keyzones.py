"""Key prevention and treatment zones (core, no QGIS): indicators and classes on synthetic units by hand."""

from __future__ import annotations

import doctest

import numpy as np
import pytest
from osgeo import gdal
from shapely.geometry import box
from synth import write_raster

from swc_planner.algorithms.core import keyzones as K  # noqa: N812
from swc_planner.algorithms.core.errors import InputError
from swc_planner.algorithms.core.io.raster import read_grid
from swc_planner.algorithms.core.io.vector import rasterize

CELL = 10.0
BLOCK = 20  # a unit is 20 × 20 cells = 400 cells of 100 m² (4 ha)

#: Cells per intensity class (1 微度 … 6 剧烈; the rest of the 400 is nodata), by unit:
#: U1 40 % eroded; U2 15 % eroded, 10 % moderate+; U3, U4 slight; U5 20 % eroded; U6 half nodata.
CLASSES = {
    1: (240, 160, 0, 0, 0, 0),
    2: (340, 20, 20, 10, 10, 0),
    3: (380, 20, 0, 0, 0, 0),
    4: (360, 40, 0, 0, 0, 0),
    5: (320, 80, 0, 0, 0, 0),
    6: (200, 0, 0, 0, 0, 0),
}
#: Mean FVC (fraction) by unit.
FVC = {1: 0.9, 2: 0.3, 3: 0.3, 4: 0.7, 5: 0.8, 6: 0.3}


def unit_origin(k):
    """Row and column of unit k's upper-left cell (units 1–3 on top, 4–6 below)."""
    return ((k - 1) // 3) * BLOCK, ((k - 1) % 3) * BLOCK


def scene_arrays():
    intensity = np.zeros((2 * BLOCK, 3 * BLOCK), dtype=np.uint8)
    fvc = np.zeros(intensity.shape, dtype=np.float32)
    for k, counts in CLASSES.items():
        r0, c0 = unit_origin(k)
        flat = np.concatenate([np.full(n, c + 1, dtype=np.uint8) for c, n in enumerate(counts)])
        flat = np.concatenate([flat, np.zeros(BLOCK * BLOCK - flat.size, dtype=np.uint8)])
        intensity[r0 : r0 + BLOCK, c0 : c0 + BLOCK] = flat.reshape(BLOCK, BLOCK)
        fvc[r0 : r0 + BLOCK, c0 : c0 + BLOCK] = FVC[k]
    return intensity, fvc


def cells_box(grid, r0, r1, c0, c1):
    x0, _y0, _x1, y1 = grid.extent
    return box(x0 + c0 * CELL, y1 - r1 * CELL, x0 + c1 * CELL, y1 - r0 * CELL)


def write_scene(tmp_path):
    intensity, fvc = scene_arrays()
    path = write_raster(tmp_path / "intensity.tif", intensity, cell=CELL, nodata=0, dtype=gdal.GDT_Byte)
    fvc_path = write_raster(tmp_path / "fvc.tif", fvc, cell=CELL)
    grid = read_grid(path)
    units = [cells_box(grid, r0, r0 + BLOCK, c0, c0 + BLOCK) for r0, c0 in map(unit_origin, range(1, 7))]
    unit_raster = rasterize([(k, u.wkb) for k, u in enumerate(units, start=1)], grid, str(tmp_path / "u.tif"))
    # water sources: half of U2 (10 rows), a quarter of U3 (5 rows); banned slopes: a quarter of U6
    water = [cells_box(grid, 0, 10, 20, 40), cells_box(grid, 0, 5, 40, 60)]
    ban = [cells_box(grid, 35, 40, 40, 60)]
    water_raster = rasterize([(1, w.wkb) for w in water], grid, str(tmp_path / "w.tif"), gdal.GDT_Byte)
    ban_raster = rasterize([(1, b.wkb) for b in ban], grid, str(tmp_path / "b.tif"), gdal.GDT_Byte)
    return path, fvc_path, unit_raster, water_raster, ban_raster


def test_doctests():
    assert doctest.testmod(K).failed == 0


def test_indicators_and_classes_by_hand(tmp_path):
    path, fvc_path, units, water, ban = write_scene(tmp_path)
    ind = K.unit_indicators(
        path, units, 6, fvc_path=fvc_path, water_raster=water, ban_raster=ban, block_rows=7, block_cols=11
    )
    # areas: every unit 400 cells of 100 m² = 0.04 km²
    assert [u.unit_cells for u in ind] == [400] * 6
    assert [u.class_cells for u in ind] == [CLASSES[k] for k in range(1, 7)]
    assert ind[0].area_km2 == pytest.approx(0.04) and ind[0].eroded_km2 == pytest.approx(0.016)
    # eroded (轻度+) and moderate+ shares of the classified cells, by hand
    assert [u.eroded_pct for u in ind] == pytest.approx([40.0, 15.0, 5.0, 10.0, 20.0, 0.0])
    assert [u.moderate_pct for u in ind] == pytest.approx([0.0, 10.0, 0.0, 0.0, 0.0, 0.0])
    assert ind[0].slight_pct == pytest.approx(60.0)
    assert [u.coverage_pct for u in ind] == pytest.approx([100.0] * 5 + [50.0])
    assert [u.fvc_mean for u in ind] == pytest.approx([90.0, 30.0, 30.0, 70.0, 80.0, 30.0])
    assert [u.water_pct for u in ind] == pytest.approx([0.0, 50.0, 25.0, 0.0, 0.0, 0.0])
    assert [u.ban_pct for u in ind] == pytest.approx([0.0, 0.0, 0.0, 0.0, 0.0, 25.0])
    classes = K.classify_units(ind)
    # U1 40 % ≥ 30 % eroded: treatment; U2 moderate+ 10 % ≥ 10 %: treatment (its water share meets
    # the prevention criterion too, treatment comes first); U3 water 25 % ≥ 20 %: prevention;
    # U4 cover 70 % ≥ 60 % with 10 % < 15 % eroded: prevention; U5 cover 80 % but 20 % eroded: none;
    # U6 banned slopes 25 % ≥ 20 %: prevention (classified half of it ≥ 50 %)
    assert [c[0] for c in classes] == [
        K.TREATMENT,
        K.TREATMENT,
        K.PREVENTION,
        K.PREVENTION,
        K.NONE,
        K.PREVENTION,
    ]
    assert classes[0][3] == [K.REASON_ERODED]
    assert classes[1][1:] == (True, True, [K.REASON_MODERATE, K.REASON_WATER])
    assert [classes[k][3] for k in (2, 3, 5)] == [[K.REASON_WATER], [K.REASON_COVER], [K.REASON_BAN]]
    # thresholds are parameters: raise the coverage needed and U6 has too little data
    strict = K.KeyZoneCriteria(min_coverage_pct=60.0, treat_eroded_pct=45.0)
    again = K.classify_units(ind, strict)
    assert again[5] == (K.NONE, False, False, [K.REASON_NODATA])
    assert again[0][0] == K.NONE  # 40 % < 45 %, and 90 % cover with 40 % eroded is no prevention
    # FVC in percent gives the same mean
    pct = write_raster(tmp_path / "fvc_pct.tif", scene_arrays()[1] * 100.0, cell=CELL)
    ind_pct = K.unit_indicators(path, units, 6, fvc_path=pct, fvc_percent=True)
    assert [u.fvc_mean for u in ind_pct] == pytest.approx([u.fvc_mean for u in ind])
    assert ind_pct[0].water_pct is None and ind_pct[0].ban_pct is None


def test_units_outside_the_raster_are_refused(tmp_path):
    path, _fvc, _units, _w, _b = write_scene(tmp_path)
    grid = read_grid(path)
    far = box(0, 0, 100, 100)
    units = rasterize([(1, far.wkb)], grid, str(tmp_path / "far.tif"))
    with pytest.raises(InputError, match="inside any unit"):
        K.unit_indicators(path, units, 1)
