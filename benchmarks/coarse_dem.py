#!/usr/bin/env python3
"""How much a coarse DEM understates steep slopes (the numbers quoted in steepslopeban's help).

Each shared DEM is averaged to coarser cells with ``gdalwarp -r average``; the
slope is computed with ``gdaldem slope -compute_edges`` and the share of the
area above 15° and 25° is printed.  Run: ``/usr/bin/python3 benchmarks/coarse_dem.py``.
"""

import os
import subprocess
import sys
import tempfile

from common import DATA  # noqa: E402
from osgeo import gdal

CASES = [
    ("bigtujunga_srtm30m/srtm_bigtujunga30m_utm11.tif", (30, 90, 250, 1000)),
    ("qinling_dem_110m/qinling_subarea_30m_interp_cgcs2000_gk36.tif", (30, 100, 250, 1000)),
    ("youwuzhen_fujian_swc/ywzdem5m.tif", (5, 10, 30)),
]


def share_above(dem: str, cell: float, work: str) -> tuple:
    warped = os.path.join(work, "w.tif")
    slope = os.path.join(work, "s.tif")
    subprocess.run(
        ["gdalwarp", "-q", "-overwrite", "-tr", str(cell), str(cell), "-r", "average", dem, warped],
        check=True,
    )
    subprocess.run(["gdaldem", "slope", "-q", "-compute_edges", warped, slope], check=True)
    ds = gdal.Open(slope)
    values = ds.GetRasterBand(1).ReadAsArray()
    values = values[values != -9999]
    return 100.0 * (values > 15).mean(), 100.0 * (values > 25).mean(), float(values.mean())


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        print("{:<70} {:>7} {:>8} {:>8} {:>8}".format("DEM", "cell m", ">15° %", ">25° %", "mean °"))
        for rel, cells in CASES:
            dem = os.path.join(DATA, rel)
            if not os.path.exists(dem):
                print("missing", dem)
                continue
            for cell in cells:
                s15, s25, mean = share_above(dem, cell, work)
                print(f"{rel:<70} {cell:>7} {s15:>8.2f} {s25:>8.2f} {mean:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
