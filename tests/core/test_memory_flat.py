"""Local operators use memory set by the block size and the output features, not by the DEM.

Each operator runs twice under ``tracemalloc`` (which sees every numpy allocation): on a DEM and
on one 4× larger (twice the rows and columns) that holds the same features, so that the only
thing that grows is the number of cells.  The numpy peak may grow by less than 10 %.  The larger
DEM is the smaller one with a gentle plane around it: the same steep patches, counties and
townships (the counties and townships are enlarged with the DEM), so the ban has the same number
of patches; slope and slope classes write rasters only.

This is the issue 18 item 1 criterion; ``benchmarks/bench_memory.py`` measures the same jobs on
real-size DEMs (4 to 270 M cells) with the process's peak memory and the time per cell.
"""

from __future__ import annotations

import tracemalloc
from typing import Callable, Dict, Tuple

import numpy as np
import pytest
from shapely.geometry import box
from synth import write_raster

from swc_planner.algorithms.core.io.raster import read_grid
from swc_planner.algorithms.core.io.vector import rasterize
from swc_planner.algorithms.core.slopeclass import slope_classes
from swc_planner.algorithms.core.steepslope import steep_slope_ban
from swc_planner.algorithms.core.terrain import slope_to_raster

BLOCK = 128
CELL = 10.0
BASE = 400  # rows = cols of the smaller DEM


def bumpy(n_big: int, n_small: int = BASE) -> np.ndarray:
    """A gentle plane (about 3°) carrying 12 steep cones in its top-left n_small² part."""
    rng = np.random.default_rng(7)
    yy, xx = np.mgrid[0:n_big, 0:n_big].astype(np.float64)
    z = 1000.0 + 0.05 * CELL * (xx + yy)
    for _ in range(12):
        r0, c0 = rng.uniform(40, n_small - 40, 2)
        rad = rng.uniform(8, 20)
        d = np.hypot(yy - r0, xx - c0)
        z += np.where(d < rad, (rad - d) * CELL * 1.2, 0.0)
    return z.astype(np.float32)


def numpy_peak(job: Callable[[], object]) -> Tuple[int, object]:
    tracemalloc.start()
    try:
        out = job()
        _cur, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, out


def layers(tmp_path, n: int) -> Dict[str, object]:
    d = tmp_path / f"n{n}"
    d.mkdir()
    dem = write_raster(d / "dem.tif", bumpy(n), cell=CELL)
    grid = read_grid(dem)
    x0, y0, x1, y1 = grid.extent
    # boundaries where they are on the smaller DEM; the outer zones stretch with the DEM
    xm, ym = x0 + BASE * CELL / 2, y1 - BASE * CELL / 2
    counties = [
        (1, box(x0, ym, xm, y1).wkb),
        (2, box(xm, ym, x1, y1).wkb),
        (3, box(x0, y0, xm, ym).wkb),
        (4, box(xm, y0, x1, ym).wkb),
    ]
    # two townships in each county, split where they are on the smaller DEM
    q1, q3 = x0 + BASE * CELL / 4, x0 + 3 * BASE * CELL / 4
    towns = [
        (1, box(x0, ym, q1, y1).wkb),
        (2, box(q1, ym, xm, y1).wkb),
        (3, box(xm, ym, q3, y1).wkb),
        (4, box(q3, ym, x1, y1).wkb),
        (5, box(x0, y0, q1, ym).wkb),
        (6, box(q1, y0, xm, ym).wkb),
        (7, box(xm, y0, q3, ym).wkb),
        (8, box(q3, y0, x1, ym).wkb),
    ]
    return {
        "dir": d,
        "dem": dem,
        "counties": rasterize(counties, grid, str(d / "c.tif")),
        "towns": rasterize(towns, grid, str(d / "t.tif")),
    }


def run_slope(lay):
    return slope_to_raster(lay["dem"], str(lay["dir"] / "slope.tif"), block_rows=BLOCK, block_cols=BLOCK)


def run_classes(lay):
    return slope_classes(
        lay["dem"],
        str(lay["dir"] / "cls.tif"),
        [2, 6, 15, 25],
        lay["counties"],
        4,
        block_rows=BLOCK,
        block_cols=BLOCK,
    )


def run_ban(lay):
    return steep_slope_ban(
        lay["dem"],
        lay["counties"],
        [0.0, 25.0, 25.0, 25.0, 25.0],
        township_raster=lay["towns"],
        n_townships=8,
        min_area_m2=500.0,
        block_rows=BLOCK,
        block_cols=BLOCK,
        work_dir=str(lay["dir"]),
    )


@pytest.mark.parametrize("job", [run_slope, run_classes, run_ban], ids=["slope", "slope_classes", "ban"])
def test_numpy_peak_does_not_grow_with_the_dem(tmp_path, job):
    small, big = layers(tmp_path, BASE), layers(tmp_path, 2 * BASE)
    job(small)  # warm up (imports, GDAL drivers) outside the measurement
    peak_small, out_small = numpy_peak(lambda: job(small))
    peak_big, out_big = numpy_peak(lambda: job(big))
    if job is run_ban:  # the same features in both: only the cells differ
        assert len(out_big.patches) == len(out_small.patches) > 0
        assert sorted(p.cells for p in out_big.patches) == sorted(p.cells for p in out_small.patches)
    # a whole-DEM float32 copy of the big DEM alone would be 2.6 MB
    assert peak_big < 1.10 * peak_small, f"numpy peak {peak_small / 1e6:.2f} MB -> {peak_big / 1e6:.2f} MB"


# --------------------------------------------------------------------------- global operators


def huge_vrt(tmp_path, rows: int, cols: int) -> str:
    """A DEM of rows × cols cells that costs nothing: a VRT repeating one small tile (the
    operators only read it after their memory check)."""
    from osgeo import gdal

    tile = write_raster(tmp_path / "tile.tif", bumpy(64, 100), cell=30.0)
    srcs = "".join(
        '<SimpleSource><SourceFilename relativeToVRT="1">tile.tif</SourceFilename><SourceBand>1</SourceBand>'
        f'<SrcRect xOff="0" yOff="0" xSize="64" ySize="64"/><DstRect xOff="{c}" yOff="{r}" xSize="64" ySize="64"/>'
        "</SimpleSource>"
        for r in (0, rows - 64)
        for c in (0, cols - 64)
    )
    ds = gdal.Open(tile)
    path = tmp_path / "huge.vrt"
    path.write_text(
        f'<VRTDataset rasterXSize="{cols}" rasterYSize="{rows}"><SRS>{ds.GetProjection()}</SRS>'
        f"<GeoTransform>{', '.join(repr(v) for v in ds.GetGeoTransform())}</GeoTransform>"
        f'<VRTRasterBand dataType="Float32" band="1">{srcs}</VRTRasterBand></VRTDataset>'
    )
    return str(path)


def test_global_operators_refuse_before_allocating(tmp_path):
    """On a 210 M-cell DEM (Hebei at 30 m) with MAX_MEMORY = 4096 MB, every global routing
    operator and the LS factor refuse with its stated bytes per cell, and allocates nothing first."""
    from swc_planner.algorithms.core import hydrology as h
    from swc_planner.algorithms.core.erosion.factors import LS_BYTES_PER_CELL, ls_factor_rasters
    from swc_planner.algorithms.core.errors import MemoryLimitError

    rows, cols = 14000, 15000  # 210 M cells
    dem = huge_vrt(tmp_path, rows, cols)
    jobs = {
        "fill": (lambda: h.fill_dem_file(dem, str(tmp_path / "f.tif")), h.FILL_BYTES_PER_CELL + 8),
        "route fill": (lambda: h.route_dem(dem), h.ROUTE_BYTES_PER_CELL),
        "route A*": (lambda: h.route_dem(dem, depressions="breach"), h.BREACH_BYTES_PER_CELL),
        "flow files": (lambda: h.flow_files(dem, None, str(tmp_path / "a.tif")), h.ROUTE_BYTES_PER_CELL),
        "channels": (lambda: h.channel_network(dem, 1e5, None), h.ROUTE_BYTES_PER_CELL),
        "watersheds": (lambda: h.watersheds(dem, [(1, 0.0, 0.0)], 0.0), h.ROUTE_BYTES_PER_CELL),
        "LS factor": (
            lambda: ls_factor_rasters(dem, None, None, str(tmp_path / "ls.tif")),
            LS_BYTES_PER_CELL,
        ),
    }
    for name, (job, bytes_per_cell) in jobs.items():
        tracemalloc.start()
        with pytest.raises(MemoryLimitError) as info:
            job()
        _cur, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert info.value.params["cells"] == rows * cols, name
        assert info.value.params["bytes_per_cell"] == bytes_per_cell, name
        assert info.value.params["need_mb"] == pytest.approx(rows * cols * bytes_per_cell / 2**20), name
        assert "MAX_MEMORY" in str(info.value), name
        assert peak < 2e6, f"{name}: {peak / 1e6:.1f} MB allocated before refusing"
