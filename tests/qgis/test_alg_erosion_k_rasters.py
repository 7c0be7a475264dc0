"""swcplanner:soilerodibility from SAND, SILT, CLAY and OC rasters (issue 13 item 2: "polygons with fields
or rasters"), through processing.run.  Independent answer: the EPIC equation written out term by term
(Sharpley & Williams 1990) for each cell's texture, × 0.1317, and the Chinese correction by hand."""

import math

import numpy as np
import pytest
from osgeo import gdal
from synth import capture_feedback, write_raster

ORIGIN = (39500000.0, 4500000.0)
# per column: 褐土, 潮土, 风沙土 (sand, silt, clay, OC %); row 1 the same with OC + 1
TEXTURES = [(40.0, 40.0, 20.0, 1.0), (20.0, 65.0, 15.0, 0.6), (88.0, 7.0, 5.0, 0.3)]


def _run(alg, params, feedback=None):
    import processing

    return processing.run("swcplanner:" + alg, params, feedback=feedback)


def _hand_k(san, sil, cla, c):
    sn1 = 1 - san / 100
    return (
        (0.2 + 0.3 * math.exp(-0.0256 * san * (1 - sil / 100)))
        * (sil / (cla + sil)) ** 0.3
        * (1 - 0.25 * c / (c + math.exp(3.72 - 2.95 * c)))
        * (1 - 0.7 * sn1 / (sn1 + math.exp(-5.51 + 22.9 * sn1)))
    )


def _rasters(tmp_path, cell=100.0, sand_shift=0.0):
    arrays = [np.zeros((2, 3)) for _ in range(4)]
    for col, tex in enumerate(TEXTURES):
        for row in range(2):
            for i in range(4):
                arrays[i][row, col] = tex[i] + (1.0 if (i == 3 and row == 1) else 0.0)
    arrays[0] = arrays[0] + sand_shift
    arrays[0][1, 2] = -9999.0  # one cell without sand: no K there
    names = ("sand", "silt", "clay", "oc")
    return {
        n.upper(): write_raster(tmp_path / f"{n}.tif", a, ORIGIN, cell, nodata=-9999.0)
        for n, a in zip(names, arrays)
    }


@pytest.mark.parametrize("china", [False, True])
def test_soilerodibility_from_rasters_by_hand(processing_ready, tmp_path, china):
    rasters = _rasters(tmp_path)
    # the OC raster (a constant 1.2 %) on a finer 50 m grid over a larger area: resampled onto SAND's grid
    rasters["OC"] = write_raster(tmp_path / "oc50.tif", np.full((6, 8), 1.2), ORIGIN, 50.0)
    fb = capture_feedback()
    res = _run(
        "soilerodibility", {**rasters, "CHINA_CORRECTION": china, "OUTPUT": str(tmp_path / "k.tif")}, fb
    )
    ds = gdal.Open(res["OUTPUT"])
    band = ds.GetRasterBand(1)
    k = band.ReadAsArray().astype(np.float64)
    assert ds.RasterXSize == 3 and ds.RasterYSize == 2
    for col, (sa, si, cl, _c) in enumerate(TEXTURES):
        for row in range(2):
            if (row, col) == (1, 2):
                assert k[row, col] == band.GetNoDataValue()
                continue
            si_k = 0.1317 * _hand_k(sa, si, cl, 1.2)
            expected = max(-0.01383 + 0.51575 * si_k, 0.0) if china else si_k
            assert k[row, col] == pytest.approx(expected, rel=1e-5, abs=1e-7)
    if china:
        assert k[0, 2] == 0.0 and any("K < 0" in w for w in fb.warnings)  # 风沙土


def test_soilerodibility_rasters_errors_say_what_to_fix(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException

    bad = _rasters(tmp_path, sand_shift=10.0)  # sand + silt + clay = 110 %
    with pytest.raises(QgsProcessingException) as err:
        _run("soilerodibility", {**bad, "OUTPUT": str(tmp_path / "k.tif")})
    text = str(err.value)
    assert "100 %" in text and "5 cells" in text and "110.0 %" in text and "39500050.0" in text
    assert not (tmp_path / "k.tif").exists()
    (tmp_path / "ok").mkdir()
    ok = _rasters(tmp_path / "ok")
    with pytest.raises(QgsProcessingException, match="CLAY, OC"):
        _run("soilerodibility", {"SAND": ok["SAND"], "SILT": ok["SILT"], "OUTPUT": str(tmp_path / "k2.tif")})
    with pytest.raises(QgsProcessingException, match="SOILS"):
        _run("soilerodibility", {"OUTPUT": str(tmp_path / "k3.tif")})
