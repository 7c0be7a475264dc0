"""``make demo``'s key numbers are the same on every QGIS the tests run on (3.22, 3.40, 3.44).

The expectation, ``tests/data/demo_key_numbers.json``, was computed by ``scripts/demo.py --expectation`` on
QGIS 3.22 (Debian 12); the demo is deterministic (its DEM and layers are synthetic, from a fixed seed), so
another QGIS, numpy, shapely or GDAL must give the same numbers within 1e-6 relative.  The demo runs whole,
in its own process, as ``make demo`` runs it (about 10 s here).
"""

import json
import math
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPECTATION = os.path.join(REPO, "tests", "data", "demo_key_numbers.json")
REL = 1e-6


def differences(expected, got, where="numbers"):
    """Where ``got`` differs from ``expected``: numbers beyond REL, any other value, missing or extra keys."""
    out = []
    if isinstance(expected, dict) and isinstance(got, dict):
        for key in sorted(set(expected) | set(got)):
            if key not in got:
                out.append(f"{where}.{key}: missing")
            elif key not in expected:
                out.append(f"{where}.{key}: not expected ({got[key]!r})")
            else:
                out += differences(expected[key], got[key], f"{where}.{key}")
    elif isinstance(expected, list) and isinstance(got, list):
        if len(expected) != len(got):
            out.append(f"{where}: {len(got)} items instead of {len(expected)}")
        else:
            for i, (e, g) in enumerate(zip(expected, got)):
                out += differences(e, g, f"{where}[{i}]")
    elif isinstance(expected, bool) or isinstance(got, bool) or isinstance(expected, str) or expected is None:
        if expected != got:
            out.append(f"{where}: {got!r} instead of {expected!r}")
    elif isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        if not math.isclose(got, expected, rel_tol=REL, abs_tol=1e-9):
            out.append(f"{where}: {got!r} instead of {expected!r}")
    elif expected != got:
        out.append(f"{where}: {got!r} instead of {expected!r}")
    return out


def test_differences_sees_a_change_beyond_the_tolerance():
    exp = {"a": {"x": 100.0, "n": 3, "s": "small"}}
    assert differences(exp, {"a": {"x": 100.00001, "n": 3, "s": "small"}}) == []
    assert differences(exp, {"a": {"x": 100.001, "n": 3, "s": "small"}}) == [
        "numbers.a.x: 100.001 instead of 100.0"
    ]
    assert differences(exp, {"a": {"x": 100.0, "n": 4, "s": "small"}}) == ["numbers.a.n: 4 instead of 3"]
    assert differences({"l": [1.0, "a"]}, {"l": [1.0000001, "a"]}) == []
    assert differences({"l": [1.0, "a"]}, {"l": [1.0, "b"]}) == ["numbers.l[1]: 'b' instead of 'a'"]
    assert differences({"l": [1.0]}, {"l": [1.0, 2.0]}) == ["numbers.l: 2 items instead of 1"]
    assert differences(exp, {"a": {"x": 100.0, "s": "medium", "m": 1}}) == [
        "numbers.a.m: not expected (1)",
        "numbers.a.n: missing",
        "numbers.a.s: 'medium' instead of 'small'",
    ]


def test_demo_key_numbers_match_the_expectation(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    out = tmp_path / "demo_output"
    proc = subprocess.run(
        [sys.executable, os.path.join(REPO, "scripts", "demo.py"), str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    text = proc.stdout + proc.stderr
    log = text if len(text) < 6000 else text[:3000] + "\n[...]\n" + text[-3000:]
    assert proc.returncode == 0, log
    gdal_errors = re.findall(r"^ERROR \d+:.*$", proc.stdout + proc.stderr, re.M)
    assert gdal_errors == [], log  # e.g. "ERROR 1: No geometry column" for a table written to an ogr: URI
    with open(out / "key_numbers.json", encoding="utf-8") as f:
        got = json.load(f)
    with open(EXPECTATION, encoding="utf-8") as f:
        expected = json.load(f)
    assert got["failed_steps"] == []
    diff = differences(expected["numbers"], got["numbers"])
    assert diff == [], f"on {got['versions']} (expectation from {expected['computed_with']}):\n" + "\n".join(
        diff
    )
