"""The real QGIS desktop under Xvfb: the plugin opens the wizard, every page is run and shot.

``tests/desktop_wizard_script.py`` runs inside ``qgis --code``: it opens the
wizard through the plugin's action, fills each page on the Youwuzhen data,
runs the analyses as background Processing tasks, and saves a screenshot of
the whole screen and of the wizard for each of the eight pages.  Set
``SWC_DOCS_IMG=1`` to copy the wizard shots to ``docs/img/`` (the README
walkthrough).
"""

import json
import os
import shutil
import subprocess

import pytest
from testdata import _PARENT, REPO, shared

SCRIPT = os.path.join(REPO, "tests", "desktop", "desktop_wizard_script.py")


def _image_stats(path):
    from qgis.PyQt.QtGui import QImage

    image = QImage(path)
    assert not image.isNull(), path
    colours = set()
    step = max(1, image.width() // 80)
    for x in range(0, image.width(), step):
        for y in range(0, image.height(), step):
            colours.add(image.pixel(x, y))
    return image.width(), image.height(), len(colours)


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None or shutil.which("qgis") is None,
    reason="needs xvfb-run and the QGIS desktop",
)
def test_desktop_wizard_screenshots(qgis_app, tmp_path):
    data = os.path.dirname(shared("youwuzhen_fujian_swc", "ywzdem10m.tif"))
    profiles = tmp_path / "profiles"
    (profiles / "profiles" / "default" / "QGIS").mkdir(parents=True)
    (profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\nswc_planner=true\n", encoding="utf-8"
    )
    shots = tmp_path / "shots"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the desktop runs on the Xvfb display
    env.update(
        {
            "QGIS_PLUGINPATH": _PARENT,
            "SWC_SHOT_DIR": str(shots),
            "SWC_DATA_DIR": data,
            "SWC_OUT_DIR": str(tmp_path / "out"),
            "TMPDIR": str(tmp),
            "XDG_RUNTIME_DIR": env.get("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}"),
        }
    )
    cmd = [
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1600x1000x24",
        "timeout",
        "240",
        "qgis",
        "--nologo",
        "--noversioncheck",
        "--profiles-path",
        str(profiles),
        "--code",
        SCRIPT,
    ]
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    log = proc.stdout.decode("utf-8", "replace")[-3000:]
    result_path = shots / "result.json"
    assert result_path.exists(), log
    result = json.loads(result_path.read_text(encoding="utf-8"))
    assert result["ok"], (result["errors"], log)
    assert result["pages"] == [
        "1. Project",
        "2. Watershed",
        "3. Data",
        "4. Status",
        "5. Measures",
        "6. Quantities and investment",
        "7. Benefits",
        "8. Report",
    ]
    for n in range(1, 9):
        width, height, colours = _image_stats(str(shots / f"page_{n}.png"))
        assert (width, height) == (1600, 1000)
        assert colours > 20, n  # a real screen, not a blank one
        _w, _h, wiz_colours = _image_stats(str(shots / f"wizard_page_{n}.png"))
        assert wiz_colours > 5, n
    assert 4.5 < result["area_km2"] < 6.5
    # the background (task) path produced the plan's numbers: planquantities and planbenefits ran
    assert result["investment_total"] > 0 and result["soil_saved"] > 0
    assert result["water_retained"] > 0 and result["schedule_years"] == [2026, 2027, 2028, 2029, 2030]
    assert result["report_language"] == "zh"  # a county submits the plan in Chinese
    for key in ("pdf", "xlsx", "gpkg", "qgz"):
        assert os.path.getsize(result["report"][key]) > 0
    if os.environ.get("SWC_DOCS_IMG"):
        target = os.path.join(REPO, "docs", "img")
        os.makedirs(target, exist_ok=True)
        for n in range(1, 9):
            shutil.copy(str(shots / f"wizard_page_{n}.png"), os.path.join(target, f"wizard_page_{n}.png"))
        shutil.copy(str(shots / "page_5.png"), os.path.join(target, "wizard_desktop.png"))
