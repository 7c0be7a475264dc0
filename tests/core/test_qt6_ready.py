"""Qt6 / QGIS 4 readiness: ``scripts/check_qt6.py`` on our code, and the check itself on known snippets."""

import importlib.util
import json
import os
import subprocess
import sys
import textwrap

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(REPO, "scripts", "check_qt6.py")


def load_check():
    spec = importlib.util.spec_from_file_location("check_qt6", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_qt6"] = module  # dataclasses look the module up
    spec.loader.exec_module(module)
    return module


check = load_check()
TABLE = check.load_table()


def findings(source):
    found, _switches = check.check_source(textwrap.dedent(source), "snippet.py", TABLE)
    return [(f.line, f.code) for f in found]


def test_our_code_has_no_unscoped_enum_or_pyqt5_idiom():
    """The whole repository passes the check (what ``make lint`` runs)."""
    proc = subprocess.run([sys.executable, SCRIPT], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_check_finds_each_idiom():
    # the expected (line, code) pairs are read off the snippet by hand
    source = """\
        from qgis.PyQt.QtCore import Qt, QVariant
        from qgis.PyQt.QtWidgets import QWizard
        from qgis.core import QgsProcessingParameterNumber, QgsWkbTypes, QgsFeatureSink, QgsProcessing
        from PyQt5.QtCore import QTimer
        import sip
        role = Qt.UserRole
        button = QWizard.NextButton
        kind = QgsProcessingParameterNumber.Double
        geom = QgsWkbTypes.Polygon
        flags = QgsFeatureSink.FastInsert
        source = QgsProcessing.TypeVectorPolygon
        dialog.exec_()
        field = QgsField("a", QVariant.Int)
        combo.activated[str].connect(slot)
        rx = QRegExp("a+")
        text = QgsRenderContext.TextRenderFormat.TextFormatAlwaysText
        alias = QgsRenderContext.TextFormatAlwaysText
        aligned = QtCore.Qt.AlignRight
        ok = Qt.UserRole  # qt6-ok: kept for the test of the pragma
        """
    assert findings(source) == [
        (4, "Q604"),
        (5, "Q604"),
        (6, "Q601"),
        (7, "Q601"),
        (8, "Q601"),
        (9, "Q601"),
        (10, "Q601"),
        (11, "Q601"),
        (12, "Q603"),
        (13, "Q605"),
        (14, "Q608"),
        (15, "Q607"),
        (16, "Q602"),
        (17, "Q601"),
        (18, "Q601"),
    ]


def test_messages_give_the_scoped_spelling_that_exists_on_322():
    found, _ = check.check_source(
        "a = QgsWkbTypes.Polygon\nb = QgsRenderContext.TextFormatAlwaysText\n"
        "c = QgsProcessingParameterNumber.Double\n",
        "s.py",
        TABLE,
    )
    assert [f.message.split("write ")[1] for f in found] == [
        "QgsWkbTypes.Type.Polygon",
        "Qgis.TextRenderFormat.AlwaysText",  # on 3.22 QgsRenderContext's enum moved to Qgis, member AlwaysText
        "QgsProcessingParameterNumber.Type.Double",
    ]


def test_scoped_spellings_and_one_version_switch_pass():
    source = """\
        from qgis.core import Qgis, QgsProcessingParameterNumber, QgsWkbTypes
        from qgis.PyQt.QtCore import Qt
        if Qgis.QGIS_VERSION_INT >= 33800:
            from qgis.PyQt.QtCore import QMetaType
            FIELD_INT = QMetaType.Type.Int
        else:
            from qgis.PyQt.QtCore import QVariant
            FIELD_INT = QVariant.Type.Int
        role = Qt.ItemDataRole.UserRole
        kind = QgsProcessingParameterNumber.Type.Double
        geom = QgsWkbTypes.Type.Polygon
        name = QgsWkbTypes.Type.Polygon.name
        dialog.exec()
        combo.activated.connect(slot)
        """
    assert findings(source) == []


def test_a_second_version_switch_for_field_types_fails(tmp_path):
    switch = "from qgis.core import Qgis\nif Qgis.QGIS_VERSION_INT >= 33800:\n    T = QMetaType.Type.Int\n"
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text(switch)
    codes = [f.code for f in check.check_paths([str(tmp_path)], TABLE)]
    assert codes == ["Q606", "Q606"]


def test_a_class_missing_from_the_table_is_reported():
    # qgis.core is covered whole (a class missing there has no enum); QtSvg only for what we import
    assert findings("from qgis.core import QgsNoSuchClassYet\n") == []
    assert findings("from qgis.PyQt.QtSvg import QSvgNoSuchClassYet\n") == [(1, "Q609")]


def test_table_covers_the_report_classes():
    """The enums QGIS's own pyqt5_to_pyqt6 found in our code (qgis-versions.md §5) are all in the table."""
    with open(check.TABLE, encoding="utf-8") as f:
        raw = json.load(f)["classes"]
    for cls, enum_name in [
        ("QgsProcessingParameterNumber", "Type"),
        ("QgsWkbTypes", "Type"),
        ("QgsWkbTypes", "GeometryType"),
        ("QgsProcessing", "SourceType"),
        ("Qt", "ItemDataRole"),
        ("QWizard", "WizardButton"),
        ("Qt", "AlignmentFlag"),
        ("QgsFeatureSink", "Flag"),
        ("QgsMapLayerProxyModel", "Filter"),
        ("QgsLayoutItemPage", "Orientation"),
        ("QgsUnitTypes", "DistanceUnit"),
        ("QHeaderView", "ResizeMode"),
        ("QgsLayoutExporter", "ExportResult"),
    ]:
        assert enum_name in TABLE["classes"][cls]["enums"], (cls, enum_name)
        assert cls in raw


def _qgis_python():
    probe = subprocess.run([sys.executable, "-c", "import qgis.core"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("no QGIS in this Python")
    return sys.executable


EVALUATE = """
import importlib, json, sys
names = {}
for mod in ["qgis.core", "qgis.gui"] + [
    "qgis.PyQt." + m
    for m in ("QtCore", "QtGui", "QtWidgets", "QtXml", "QtTest", "QtNetwork", "QtSql", "QtPrintSupport", "QtSvg", "Qsci")
]:
    try:
        module = importlib.import_module(mod)
    except ImportError:
        continue
    names.update((n, getattr(module, n)) for n in dir(module) if not n.startswith("_"))
bad = []
for spelling in json.load(sys.stdin):
    try:
        eval(spelling, dict(names))
    except Exception as exc:
        bad.append(f"{spelling}: {type(exc).__name__}: {exc}")
print(json.dumps(bad))
"""


def test_scoped_spellings_our_code_writes_evaluate_on_this_qgis():
    """Each <Class>.<Enum>.<Member> in our code evaluates on the QGIS of this run (3.22, 3.40 or 3.44)."""
    python = _qgis_python()
    used = check.scoped_spellings([REPO], TABLE)
    assert used  # the algorithms write scoped Processing enums at least
    proc = subprocess.run(
        [python, "-c", EVALUATE], input=json.dumps(used), capture_output=True, text=True, cwd=REPO
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_every_suggested_spelling_evaluates_on_the_tables_qgis():
    """What the check tells people to write works on QGIS 3.22, where the table comes from.

    Not on newer QGIS: 3.40 dropped a few class-scoped enums our code does not use
    (``QgsProcessingModelChildParameterSource.Source``, ``QgsRasterLayer.ColorShadingAlgorithm``);
    there the test above evaluates every spelling our code does use.
    """
    python = _qgis_python()
    probe = subprocess.run(
        [python, "-c", "from qgis.core import Qgis; print(Qgis.QGIS_VERSION_INT // 100)"],
        capture_output=True,
        text=True,
    )
    if probe.stdout.strip() != "322":
        pytest.skip(f"the table comes from QGIS 3.22, this is {probe.stdout.strip()}")
    suggested = sorted(
        {
            spelling
            for entry in TABLE["classes"].values()
            for spelling in entry["unscoped"].values()
            if "(" not in spelling
        }
    )
    proc = subprocess.run(
        [python, "-c", EVALUATE], input=json.dumps(suggested), capture_output=True, text=True, cwd=REPO
    )
    assert proc.returncode == 0, proc.stderr
    bad = json.loads(proc.stdout.strip().splitlines()[-1])
    assert bad == [], f"{len(bad)} of {len(suggested)}: {bad[:20]}"
