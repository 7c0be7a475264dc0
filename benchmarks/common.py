"""What the benchmarks share: where things are, a timed child process, the plugin's import root.

Each benchmark runs as ``/usr/bin/python3 benchmarks/<name>.py``, so this folder is on ``sys.path``
and ``import common`` finds this module.
"""

from __future__ import annotations

import json
import os
import subprocess
from typing import Dict, Optional, Sequence

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
#: the shared DEMs and boundaries: ``SWC_DATA``, else ``../shared/data`` beside the repository
DATA = os.path.abspath(os.environ.get("SWC_DATA") or os.path.join(REPO, "..", "shared", "data"))
#: Debian's Python, the one that imports qgis
PY = "/usr/bin/python3"

#: runs argv[1:] and prints its wall time, the children's peak resident memory (MiB) and its output
WRAP = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
dt = time.perf_counter() - t
if p.returncode:
    sys.stderr.write(p.stdout[-3000:] + p.stderr[-3000:]); sys.exit(p.returncode)
print(json.dumps({"s": dt, "mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0,
                  "out": p.stdout[-4000:]}))
"""


def run_measured(cmd: Sequence[str], env: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:
    """``cmd`` in a fresh wrapper process (:data:`WRAP`); its stdout is the JSON of the measure."""
    return subprocess.run([PY, "-c", WRAP, *cmd], env=env, capture_output=True, text=True)


def measure(cmd: Sequence[str], env: Optional[Dict[str, str]] = None) -> dict:
    """Wall time ``s`` and peak RSS ``mb`` (MiB) of ``cmd``; raises when it fails."""
    proc = run_measured(cmd, env)
    if proc.returncode != 0:
        raise RuntimeError("{} failed:\n{}".format(" ".join(cmd[:3]), proc.stderr[-3000:]))
    return json.loads(proc.stdout)


def plugin_parent(work: str) -> str:
    """A folder in ``work`` holding ``swc_planner`` (a link to this repository): the import root
    of the children and ``QGIS_PLUGINPATH`` of ``qgis_process``."""
    parent = os.path.join(work, "plugin")
    os.makedirs(parent, exist_ok=True)
    link = os.path.join(parent, "swc_planner")
    if os.path.islink(link) and os.readlink(link) != REPO:
        os.remove(link)  # a kept work folder made by another checkout
    if not os.path.lexists(link):
        os.symlink(REPO, link)
    return parent


def megabytes(value: Optional[float]) -> str:
    """A table cell: ``12.3``, or ``–`` for a value not measured."""
    return "–" if value is None else f"{value:.1f}"
