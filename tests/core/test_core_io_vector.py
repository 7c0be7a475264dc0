"""``io.vector.burn_cell_unions`` against GDAL's rasterization of the same polygons.

The polygons are what the ban and the eroded-forest patches burn back: GDAL's polygonize of a
label grid (4-connected pieces, holes included), and those pieces joined into multipolygons.
GDAL's ``RasterizeLayer`` (cell centre rule) is the independent answer.
"""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal, ogr

from swc_planner.algorithms.core.grid import GridSpec
from swc_planner.algorithms.core.io.vector import burn_cell_unions, polygonize_array, rasterize


def read(path: str) -> np.ndarray:
    ds = gdal.Open(path)
    try:
        return ds.ReadAsArray()
    finally:
        ds = None


def random_labels(rng: np.random.Generator, shape, n_values: int) -> np.ndarray:
    """Blobs of a few values on a background of 0: pieces with holes and corner contacts."""
    coarse = rng.integers(0, n_values + 1, size=(shape[0] // 3 + 1, shape[1] // 3 + 1))
    labels = np.kron(coarse, np.ones((3, 3), dtype=np.int64))[: shape[0], : shape[1]]
    noise = rng.random(shape) < 0.15
    labels[noise] = rng.integers(0, n_values + 1, size=int(noise.sum()))
    return labels


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("block", [(1, 1), (7, 5), (1024, 1024)])
def test_pieces_burn_as_gdal_does(tmp_path, seed, block):
    rng = np.random.default_rng(seed)
    shape = (61, 47)
    gt = (438000.0, 30.0, 0.0, 4420000.0, 0.0, -25.0)  # non-square cells, projected metres
    grid = GridSpec(gt, shape)
    pieces = polygonize_array(random_labels(rng, shape, 4), gt)
    assert any(g.GetGeometryRef(0) and g.GetGeometryCount() > 1 for _v, g in pieces), "no hole"
    polys = [(i + 1, bytes(g.ExportToWkb())) for i, (_v, g) in enumerate(pieces)]
    expected = read(rasterize(polys, grid, str(tmp_path / "gdal.tif")))
    got = read(
        burn_cell_unions(polys, grid, str(tmp_path / "ours.tif"), block_rows=block[0], block_cols=block[1])
    )
    assert np.array_equal(got, expected)
    assert expected.max() == len(polys)


def test_multipolygons_and_partial_cover(tmp_path):
    """Pieces joined into multipolygons (several pieces, one value), a grid that sees only part
    of them (polygons cut by the grid's edges), and a Byte output."""
    rng = np.random.default_rng(5)
    big_gt = (0.0, 10.0, 0.0, 1000.0, 0.0, -10.0)
    pieces = polygonize_array(random_labels(rng, (80, 90), 3), big_gt)
    multis = {}
    for i, (_v, g) in enumerate(pieces):
        multi = multis.setdefault(i % 7 + 1, ogr.Geometry(ogr.wkbMultiPolygon))
        multi.AddGeometry(g)
    polys = [(v, bytes(m.ExportToWkb())) for v, m in multis.items()]
    grid = GridSpec((150.0, 10.0, 0.0, 800.0, 0.0, -10.0), (40, 50))  # inside the labelled area
    for dtype in (gdal.GDT_Int32, gdal.GDT_Byte):
        expected = read(rasterize(polys, grid, str(tmp_path / f"gdal{dtype}.tif"), dtype))
        got = read(
            burn_cell_unions(
                polys, grid, str(tmp_path / f"ours{dtype}.tif"), dtype, block_rows=11, block_cols=13
            )
        )
        assert np.array_equal(got, expected)
        assert set(np.unique(expected)) == set(range(8))


def test_empty_and_off_grid(tmp_path):
    grid = GridSpec((0.0, 1.0, 0.0, 10.0, 0.0, -1.0), (10, 10))
    assert not read(burn_cell_unions([], grid, str(tmp_path / "empty.tif"))).any()
    skew = ogr.CreateGeometryFromWkt("POLYGON ((0 10, 3 10, 3.5 7, 0 7, 0 10))").ExportToWkb()
    with pytest.raises(ValueError, match="cell corner"):
        burn_cell_unions([(1, skew)], grid, str(tmp_path / "skew.tif"))
    slant = ogr.CreateGeometryFromWkt("POLYGON ((0 10, 3 10, 4 7, 0 7, 0 10))").ExportToWkb()
    with pytest.raises(ValueError, match="cell line"):
        burn_cell_unions([(1, slant)], grid, str(tmp_path / "slant.tif"))
