"""Soil erodibility core: EPIC K against hand calculations on a table of textures, the SI factor,
the Chinese correction as an explicit option, texture checks and the K raster (no QGIS).
"""

import math

import numpy as np
import pytest
from osgeo import gdal, osr

from swc_planner.algorithms.core.erosion import erodibility as ek
from swc_planner.algorithms.core.errors import InputError


def _hand_k_epic(san, sil, cla, c):
    """Sharpley & Williams (1990) eq. 2.96, written term by term with ``math``."""
    sn1 = 1 - san / 100
    a = 0.2 + 0.3 * math.exp(-0.0256 * san * (1 - sil / 100))
    b = (sil / (cla + sil)) ** 0.3 if cla + sil > 0 else 0.0
    cc = 1 - 0.25 * c / (c + math.exp(3.72 - 2.95 * c))
    d = 1 - 0.7 * sn1 / (sn1 + math.exp(-5.51 + 22.9 * sn1))
    return a * b * cc * d


# sand, silt, clay, organic carbon (%): loam, silt loam (loess-like), clay loam, sandy loam,
# loamy sand, a 褐土-like soil with little carbon, silty clay
TEXTURES = [
    (40.0, 40.0, 20.0, 1.0),
    (20.0, 65.0, 15.0, 0.6),
    (30.0, 35.0, 35.0, 1.5),
    (65.0, 25.0, 10.0, 0.8),
    (82.0, 12.0, 6.0, 0.4),
    (35.0, 45.0, 20.0, 0.3),
    (8.0, 47.0, 45.0, 2.5),
]


def test_review_worked_example():
    # domain-review §3.10: 40/40/20 %, OC 1 % -> 0.2954 (US), 0.0389 SI, 0.0062 corrected
    us = float(ek.k_epic(40.0, 40.0, 20.0, 1.0))
    assert us == pytest.approx(0.2954, abs=5e-5)
    assert float(ek.k_si(us)) == pytest.approx(0.0389, abs=5e-5)
    assert float(ek.china_correction(ek.k_si(us))) == pytest.approx(0.0062, abs=5e-5)


def test_table_of_textures_by_hand():
    s, si, c, o = (np.array(col) for col in zip(*TEXTURES))
    res = ek.erodibility(s, si, c, o)
    for i, t in enumerate(TEXTURES):
        hand = _hand_k_epic(*t)
        assert res.k_epic_us[i] == pytest.approx(hand, rel=1e-12)
        assert res.k_epic_si[i] == pytest.approx(0.1317 * hand, rel=1e-12)
        assert res.k[i] == pytest.approx(0.1317 * hand, rel=1e-12)  # no correction unless asked
    assert not res.corrected
    # silt-rich soils are more erodible than clayey or sandy ones
    assert res.k[1] > res.k[0] > res.k[4]
    # the SI values lie in the range of North China soils (domain.md §3.4: ~0.02-0.045)
    assert 0.015 < res.k.min() and res.k.max() < 0.06


def test_china_correction_is_explicit_and_never_negative():
    s, si, c, o = (np.array(col) for col in zip(*TEXTURES))
    plain = ek.erodibility(s, si, c, o)
    china = ek.erodibility(s, si, c, o, china=True)
    assert china.corrected
    expected = np.array([-0.01383 + 0.51575 * 0.1317 * _hand_k_epic(*t) for t in TEXTURES])
    assert np.allclose(china.k, np.maximum(expected, 0.0))
    assert china.negative == np.flatnonzero(expected < 0).tolist()
    assert np.allclose(china.k_epic_si, plain.k_epic_si)
    # a sand: the correction is negative there and is reported
    sand = ek.erodibility([90.0], [5.0], [5.0], [0.5], china=True)
    assert sand.negative == [0] and sand.k[0] == 0.0


def test_pure_sand_gives_zero():
    res = ek.erodibility([100.0], [0.0], [0.0], [0.2])
    assert res.k[0] == 0.0


def test_fractions_must_sum_to_100():
    with pytest.raises(InputError) as err:
        ek.erodibility([40.0, 30.0], [40.0, 30.0], [20.0, 30.0 + 2.5], [1.0, 1.0], labels=["褐土", "潮土"])
    msg = str(err.value)
    assert "潮土" in msg and "92.5" in msg and "褐土" not in msg and "± 2" in msg
    # within the stated tolerance (2 percentage points) passes
    ek.erodibility([40.0], [40.0], [21.9], [1.0])
    with pytest.raises(InputError, match="fractions of 1"):
        ek.erodibility([0.4], [0.4], [0.2], [1.0])
    with pytest.raises(InputError, match="empty or not a number"):
        ek.erodibility([40.0], [float("nan")], [20.0], [1.0])
    with pytest.raises(InputError, match="outside 0–100"):
        ek.erodibility([110.0], [-10.0], [0.0], [1.0])


def test_k_raster_from_polygon_index(tmp_path):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    gt = (39500000.0, 10.0, 0.0, 4500000.0, 0.0, -10.0)
    idx = np.array([[0, 1, 1], [2, 2, 1], [2, 0, 3]], dtype=np.int32)
    ip = str(tmp_path / "idx.tif")
    ds = gdal.GetDriverByName("GTiff").Create(ip, 3, 3, 1, gdal.GDT_Int32)
    ds.SetGeoTransform(gt)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(idx)
    ds = None
    out = str(tmp_path / "k.tif")
    n = ek.index_to_raster(ip, [0.03, 0.04, 0.05], out, block_rows=2, block_cols=2)
    a = gdal.Open(out).ReadAsArray()
    expected = np.array([[-9999, 0.03, 0.03], [0.04, 0.04, 0.03], [0.04, -9999, 0.05]], dtype=np.float32)
    assert np.allclose(a, expected) and n == 7
