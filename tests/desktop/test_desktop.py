"""The real QGIS desktop under Xvfb: the plugin loads and the steep-slope dialog opens from the toolbox."""

import os
import shutil
import subprocess

import pytest
from testdata import _PARENT, REPO, shared

HERE = os.path.dirname(os.path.abspath(__file__))


def desktop_run(tmp_path, code, extra_env, locale=None):
    if not shutil.which("xvfb-run") or not os.path.exists("/usr/bin/qgis"):
        pytest.skip("xvfb-run or the QGIS desktop is not installed")
    profiles = tmp_path / "profiles"
    (profiles / "profiles" / "default" / "QGIS").mkdir(parents=True)
    ini = "[PythonPlugins]\nswc_planner=true\n"
    if locale:
        ini += f"[locale]\noverrideFlag=true\nuserLocale={locale}\n"
    (profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini").write_text(ini)
    env = dict(os.environ, QGIS_PLUGINPATH=_PARENT, TMPDIR=str(tmp_path), **extra_env)
    env.pop("QT_QPA_PLATFORM", None)
    cmd = [
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1600x1000x24",
        "timeout",
        "150",
        "/usr/bin/qgis",
        "--nologo",
        "--noversioncheck",
        "--profiles-path",
        str(profiles),
        "--code",
        code,
    ]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=200)


@pytest.mark.parametrize(
    "locale,title", [("en_US", "No-reclamation steep slopes per county"), ("zh_CN", "分县禁止开垦陡坡地划定")]
)
def test_steepslope_dialog_opens_in_qgis_desktop(tmp_path, locale, title):
    subprocess.run(
        ["/usr/bin/python3", os.path.join(REPO, "i18n", "ts.py"), "build"],
        check=True,
        capture_output=True,
    )
    shot = os.path.join(REPO, "docs", "img", f"steepslopeban_dialog_{locale}.png")
    os.makedirs(os.path.dirname(shot), exist_ok=True)
    done = tmp_path / "done.txt"
    proc = desktop_run(
        tmp_path,
        os.path.join(HERE, "desktop_steepslope_code.py"),
        {
            "SWC_SHOT": shot,
            "SWC_DEM": shared("bigtujunga_srtm30m", "srtm_bigtujunga30m_utm11.tif"),
            "SWC_DONE": str(done),
        },
        locale=locale,
    )
    detail = f"rc {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    assert done.exists(), "QGIS did not reach the screenshot: " + detail
    text = done.read_text()
    assert "menu_ok=True" in text
    assert title.lower() in text.lower()
    assert os.path.getsize(shot) > 20000
