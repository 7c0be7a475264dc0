#!/usr/bin/env python3
"""Qt6 / QGIS 4 readiness of our Python code: unscoped enums and PyQt5-only idioms (run by ``make lint``).

An AST walk over every ``.py`` file of the repository (dot folders, ``demo_output`` and ``dist`` left out).
It fails (exit 1) on:

* ``Q601`` an enum member reached through its class, ``<Class>.<Member>`` (``Qt.UserRole``,
  ``QWizard.NextButton``, ``QgsProcessingParameterNumber.Double``, ``QgsWkbTypes.Polygon``,
  ``QgsFeatureSink.FastInsert``, ...): PyQt6 and QGIS 4 need the scoped spelling
  ``<Class>.<Enum>.<Member>``, which the message gives.  Also a deprecated alias such as
  ``QgsRenderContext.TextFormatAlwaysText``, whose real spelling (``Qgis.TextRenderFormat.AlwaysText``) is given;
* ``Q602`` a scoped spelling that does not evaluate on QGIS 3.22 (e.g.
  ``QgsRenderContext.TextRenderFormat.TextFormatAlwaysText``: on 3.22 the member is ``AlwaysText``);
* ``Q603`` ``exec_`` (PyQt6 has only ``exec``);
* ``Q604`` importing ``PyQt5``, ``PyQt6`` or ``sip`` directly instead of through ``qgis.PyQt``;
* ``Q605`` ``QVariant.<...>`` (``QVariant.Int``: gone in PyQt6) or ``QMetaType.<...>`` (refused by
  ``QgsField`` on 3.22) outside the version switch, which is an ``if`` on ``Qgis.QGIS_VERSION_INT``;
* ``Q606`` field types chosen by version in more than one place (more than one such switch);
* ``Q607`` Qt5 classes that Qt6 removed (``QRegExp``, ``QDesktopWidget``, ``QGLWidget``, ``QSound``, ...);
* ``Q608`` signal overloads indexed by ``str`` (``activated[str]``, ``currentIndexChanged[str]``);
* ``Q609`` a class imported from a QGIS or Qt module the enum table does not cover (``qgis.PyQt.QtXml``,
  ``QtTest``, ...) that it does not know yet: run ``/usr/bin/python3 scripts/check_qt6.py --update-table``
  on QGIS 3.22.

The enum table ``scripts/qt6_enums.json`` lists, for every class with an enum (its own or a base class's)
in ``qgis.core``, ``qgis.gui`` and ``qgis.PyQt.QtCore/QtGui/QtWidgets``, and every other QGIS or Qt class
our code imports, the enums it defines with their members and its base classes that have enums (one line
per class).  It is generated from QGIS 3.22 (the oldest QGIS we support) by
``--update-table``, so every spelling it suggests evaluates on 3.22 and, as checked in the report, on 3.40
and 3.44.  The check itself needs neither QGIS nor Qt.

A line that must stay as it is can carry ``# qt6-ok: <reason>``.

usage: check_qt6.py [PATH ...]        (default: the whole repository)
       check_qt6.py --update-table    (on QGIS 3.22: regenerate scripts/qt6_enums.json)
"""

from __future__ import annotations

import ast
import json
import os
import sys
from dataclasses import dataclass
from typing import Dict, Iterable, Iterator, List, Optional, Set, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TABLE = os.path.join(HERE, "qt6_enums.json")
SKIP_DIRS = {"demo_output", "dist", "build", "__pycache__"}
QT_MODULES = ("qgis.core", "qgis.gui", "qgis.analysis", "qgis.PyQt.")
# modules whose every class with an enum is in the table (others: the classes our code imports)
COVERED_MODULES = ("qgis.core", "qgis.gui", "qgis.PyQt.QtCore", "qgis.PyQt.QtGui", "qgis.PyQt.QtWidgets")
# classes named in shared/docs/qgis-versions.md §5 (the enums QGIS's pyqt5_to_pyqt6 found in our code)
REPORT_CLASSES = (
    "Qt QgsProcessingParameterNumber QgsWkbTypes QgsProcessing QWizard QgsFeatureSink QgsMapLayerProxyModel "
    "QgsMapLayer QgsLayoutItemPage QgsUnitTypes QHeaderView QgsProcessingParameterField QgsLayoutMultiFrame "
    "QgsLegendStyle QgsRenderContext QgsLayoutExporter QAbstractItemView QgsFileWidget "
    "QgsProcessingFeatureSource Qgis QVariant QMetaType QgsProcessingParameterDefinition QgsProcessingOutputLayerDefinition "
    "QgsFeatureRequest QgsVectorFileWriter QgsCoordinateTransform QMessageBox QDialogButtonBox QSizePolicy "
    "QFrame QPainter QFont QColor QImage QLineEdit QComboBox QTableWidgetItem QTextEdit QFileDialog "
    "QgsLayoutItem QgsLayoutItemMap QgsLayoutItemLabel QgsLayoutItemLegend QgsLayoutItemPicture "
    "QgsLayoutItemAttributeTable QgsLayoutFrame QgsLayoutTable QgsMapLayerComboBox QgsFieldProxyModel"
).split()
REMOVED_IN_QT6 = {
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QScreen (QApplication.primaryScreen())",
    "QGLWidget": "QOpenGLWidget",
    "QSound": "QSoundEffect",
    "QTextCodec": "Python str encoding",
    "QStringRef": "str",
    "QMatrix": "QTransform",
    "QLinkedList": "list",
}
MODULE_PREFIXES = {
    "qgis",
    "PyQt",
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtXml",
    "QtTest",
    "QtSvg",
    "QtPrintSupport",
}
ENUM_ATTRIBUTES = {"name", "value", "values", "keys"}  # attributes of an enum member or type, not members
OVERLOADED_SIGNALS = {"activated", "currentIndexChanged", "highlighted", "textActivated", "valueChanged"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col + 1}: {self.code} {self.message}"


def load_table(path: str = TABLE) -> dict:
    """{"classes": {name: {"unscoped": {member: spelling}, "enums": {enum: [members]}}}, "others": [...]}.

    Each class gets its own enums and those of its base classes; a member of an old-style (sip) enum is
    reachable unscoped, ``<Class>.<Member>``; a member of a Python enum only scoped; ``aliases`` are
    members of another enum set on the class (deprecated spellings).
    """
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    own = raw["classes"]

    def resolve(name: str, seen: Tuple[str, ...] = ()) -> dict:
        entry = own[name]
        unscoped: Dict[str, str] = {}
        enums: Dict[str, List[str]] = {}
        for base in reversed(entry.get("bases", [])):
            if base in own and base not in seen:
                got = resolve(base, seen + (name,))
                unscoped.update(got["unscoped"])
                enums.update(got["enums"])
        for enum_name, members in entry.get("enums", {}).items():
            enums[enum_name] = members
            for m in members:
                unscoped[m] = f"{name}.{enum_name}.{m}"
        enums.update(entry.get("scoped", {}))
        unscoped.update(entry.get("aliases", {}))
        return {"unscoped": unscoped, "enums": enums}

    return {
        "classes": {name: resolve(name) for name in own},
        "others": raw.get("others", []),
        "covered_modules": raw.get("covered_modules", []),
    }


def _dotted(node: ast.AST) -> Optional[str]:
    """``a.b.c`` for a chain of names and attributes, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _mentions_version(test: ast.AST) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr == "QGIS_VERSION_INT" for n in ast.walk(test))


class Checker(ast.NodeVisitor):
    def __init__(self, path: str, source: str, table: dict) -> None:
        self.path = path
        self.lines = source.splitlines()
        self.classes: Dict[str, dict] = table["classes"]
        self.others: Set[str] = set(table.get("others", []))
        self.covered: Set[str] = set(table.get("covered_modules", []))
        self.findings: List[Finding] = []
        self.switches: Set[Tuple[str, int]] = set()  # version switches that hold QVariant/QMetaType
        self._switch: List[int] = []  # line of the enclosing version switch, innermost last
        self.scoped: Set[str] = set()  # the scoped spellings used, <Class>.<Enum>.<Member>

    def add(self, node: ast.AST, code: str, message: str) -> None:
        line = getattr(node, "lineno", 1)
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if "# qt6-ok" in text:
            return
        self.findings.append(Finding(self.path, line, getattr(node, "col_offset", 0), code, message))

    # imports -------------------------------------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:  # noqa: N802
        for alias in node.names:
            top = alias.name.split(".")[0]
            if top in ("PyQt5", "PyQt6", "sip"):
                self.add(node, "Q604", f"import {alias.name}: import through qgis.PyQt instead")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:  # noqa: N802
        mod = node.module or ""
        top = mod.split(".")[0]
        if node.level == 0 and top in ("PyQt5", "PyQt6", "sip"):
            self.add(node, "Q604", f"from {mod} import ...: import through qgis.PyQt instead")
        if node.level == 0 and any(mod == m or (m.endswith(".") and mod.startswith(m)) for m in QT_MODULES):
            for alias in node.names:
                name = alias.name
                if name in REMOVED_IN_QT6:
                    self.add(node, "Q607", f"{name} is gone in Qt6: use {REMOVED_IN_QT6[name]}")
                elif (
                    name != "*"
                    and name not in self.classes
                    and name not in self.others
                    and mod not in self.covered
                ):
                    self.add(
                        node,
                        "Q609",
                        f"{name} (from {mod}) is not in scripts/qt6_enums.json: run "
                        "'/usr/bin/python3 scripts/check_qt6.py --update-table' on QGIS 3.22",
                    )
        self.generic_visit(node)

    # the version switch --------------------------------------------------------------------------------
    def visit_If(self, node: ast.If) -> None:  # noqa: N802
        if _mentions_version(node.test):
            self._switch.append(node.lineno)
            self.generic_visit(node)
            self._switch.pop()
        else:
            self.generic_visit(node)

    # names and attributes ------------------------------------------------------------------------------
    def visit_Name(self, node: ast.Name) -> None:  # noqa: N802
        if node.id in REMOVED_IN_QT6:
            self.add(node, "Q607", f"{node.id} is gone in Qt6: use {REMOVED_IN_QT6[node.id]}")

    def visit_Subscript(self, node: ast.Subscript) -> None:  # noqa: N802
        sl = node.slice
        if (
            isinstance(node.value, ast.Attribute)
            and node.value.attr in OVERLOADED_SIGNALS
            and isinstance(sl, ast.Name)
            and sl.id == "str"
        ):
            self.add(
                node,
                "Q608",
                f"{node.value.attr}[str]: Qt6 dropped the str overload; connect the plain signal",
            )
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:  # noqa: N802
        # the whole chain a.b.c.d at once, from its outermost attribute
        attrs: List[ast.Attribute] = []
        base: ast.AST = node
        while isinstance(base, ast.Attribute):
            attrs.append(base)
            base = base.value
        attrs.reverse()
        for a in attrs:
            if a.attr == "exec_":
                self.add(a, "Q603", "exec_(): use exec() (PyQt6 has no exec_)")
        if not isinstance(base, ast.Name):
            self.visit(base)
            return
        names = [base.id] + [a.attr for a in attrs]
        while len(names) > 2 and (names[0] in MODULE_PREFIXES or names[0][:1].islower()):
            names = names[1:]  # QtCore.Qt.UserRole, core.QgsWkbTypes.Polygon
        if len(names) < 2:
            return
        cls, member = names[0], names[1]
        if cls in ("QVariant", "QMetaType"):
            if self._switch:
                self.switches.add((self.path, self._switch[0]))
            else:
                self.add(
                    node,
                    "Q605",
                    f"{'.'.join(names)} outside the version switch: use the field types chosen by QGIS "
                    "version (algorithms/outputs.py)",
                )
            return
        entry = self.classes.get(cls)
        if entry is None:
            return
        unscoped = entry["unscoped"]
        enums = entry["enums"]
        if member in unscoped:
            self.add(node, "Q601", f"{cls}.{member}: unscoped enum; write {unscoped[member]}")
        elif member in enums and len(names) > 2 and not names[2].startswith("_"):
            if names[2] not in ENUM_ATTRIBUTES:
                self.scoped.add(f"{cls}.{member}.{names[2]}")
            if names[2] not in enums[member] and names[2] not in ENUM_ATTRIBUTES:
                hint = unscoped.get(names[2])
                self.add(
                    node,
                    "Q602",
                    f"{cls}.{member}.{names[2]} does not exist on QGIS 3.22"
                    + (f"; write {hint}" if hint else f" ({member}: {', '.join(enums[member][:8])}, ...)"),
                )


def run_checker(source: str, path: str, table: dict) -> Checker:
    checker = Checker(path, source, table)
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as exc:
        checker.findings.append(Finding(path, exc.lineno or 1, 0, "Q600", f"syntax error: {exc.msg}"))
        return checker
    checker.visit(tree)
    return checker


def check_source(source: str, path: str, table: dict) -> Tuple[List[Finding], Set[Tuple[str, int]]]:
    """Findings for one file, and the version switches in it that hold field types."""
    checker = run_checker(source, path, table)
    return checker.findings, checker.switches


def scoped_spellings(paths: Iterable[str], table: dict) -> List[str]:
    """Every ``<Class>.<Enum>.<Member>`` our code writes (for a test that evaluates them on this QGIS)."""
    used: Set[str] = set()
    for path in python_files(paths):
        with open(path, encoding="utf-8") as f:
            used |= run_checker(f.read(), os.path.relpath(path, REPO), table).scoped
    return sorted(used)


def python_files(paths: Iterable[str]) -> Iterator[str]:
    for top in paths:
        if os.path.isfile(top):
            yield top
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
            for name in sorted(files):
                if name.endswith(".py"):
                    yield os.path.join(folder, name)


def check_paths(paths: Iterable[str], table: dict) -> List[Finding]:
    findings: List[Finding] = []
    switches: Set[Tuple[str, int]] = set()
    for path in python_files(paths):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        rel = os.path.relpath(path, REPO)
        found, sw = check_source(source, rel, table)
        findings += found
        switches |= sw
    if len(switches) > 1:
        where = ", ".join(f"{p}:{n}" for p, n in sorted(switches))
        for p, n in sorted(switches):
            findings.append(
                Finding(
                    p,
                    n,
                    0,
                    "Q606",
                    f"field types are chosen by QGIS version in more than one place ({where})",
                )
            )
    return findings


def main(argv: List[str]) -> int:
    if argv[1:] == ["--update-table"]:
        return update_table()
    paths = argv[1:] or [REPO]
    findings = check_paths(paths, load_table())
    for f in findings:
        print(f)
    if findings:
        counts: Dict[str, int] = {}
        for f in findings:
            counts[f.code] = counts.get(f.code, 0) + 1
        files = len({f.path for f in findings})
        summary = ", ".join(f"{c} {n}" for c, n in sorted(counts.items()))
        print(f"check_qt6: {len(findings)} findings in {files} files ({summary})")
        return 1
    print("check_qt6: no unscoped enum or PyQt5-only idiom found")
    return 0


# the table ---------------------------------------------------------------------------------------------
def imported_names() -> Dict[str, Set[str]]:
    """{module: names} our code imports from QGIS and Qt modules."""
    out: Dict[str, Set[str]] = {}
    for path in python_files([REPO]):
        with open(path, encoding="utf-8") as f:
            try:
                tree = ast.parse(f.read())
            except SyntaxError:
                continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                mod = node.module
                if any(mod == m or (m.endswith(".") and mod.startswith(m)) for m in QT_MODULES):
                    out.setdefault(mod, set()).update(a.name for a in node.names if a.name != "*")
    return out


def describe_class(cls: type, qgis_ns) -> dict:
    """What ``cls`` itself defines: old-style (sip) enums with their members, Python enums, and aliases."""
    import enum

    from qgis.PyQt.QtCore import Qt

    sip_enum = type(Qt.ItemDataRole)
    name = cls.__name__
    own = dict(vars(cls))
    enums: Dict[str, List[str]] = {}
    scoped: Dict[str, List[str]] = {}
    aliases: Dict[str, str] = {}
    sip_types = {}
    for attr, value in own.items():
        if isinstance(value, sip_enum):
            sip_types[value] = attr
            enums[attr] = []
        elif isinstance(value, enum.EnumMeta):
            scoped[attr] = sorted(value.__members__)
    for attr, value in own.items():
        kind = type(value)
        if kind in sip_types:
            enum_name = sip_types[kind]
            try:
                ok = getattr(getattr(cls, enum_name), attr) == value
            except AttributeError:
                ok = False
            if ok:
                enums[enum_name].append(attr)
            else:
                aliases[attr] = f"{name}.{enum_name}({int(value)}) (no scoped spelling on this QGIS)"
        elif isinstance(value, enum.Enum) and not isinstance(cls, enum.EnumMeta):
            # a Python enum member set on another class: a (deprecated) alias
            etype = type(value)
            if getattr(qgis_ns, etype.__name__, None) is etype:
                aliases[attr] = f"Qgis.{etype.__name__}.{value.name}"
            elif own.get(etype.__name__) is etype:
                aliases[attr] = f"{name}.{etype.__name__}.{value.name}"
    out: dict = {}
    bases = [b.__name__ for b in cls.__mro__[1:] if b.__module__ not in ("builtins", "sip", "PyQt5.sip")]
    if bases:
        out["bases"] = bases
    if enums:
        out["enums"] = {k: sorted(v) for k, v in sorted(enums.items())}
    if scoped:
        out["scoped"] = dict(sorted(scoped.items()))
    if aliases:
        out["aliases"] = dict(sorted(aliases.items()))
    return out


def update_table() -> int:
    import importlib

    from qgis.core import Qgis

    if Qgis.QGIS_VERSION_INT >= 32400:
        print(
            f"check_qt6: warning: QGIS {Qgis.QGIS_VERSION} is newer than 3.22; the table must come from the "
            "oldest supported QGIS so that every suggested spelling evaluates there",
            file=sys.stderr,
        )
    wanted = imported_names()
    modules = []
    for mod in list(COVERED_MODULES) + sorted(wanted):
        try:
            modules.append(importlib.import_module(mod))
        except ImportError:
            pass
    wanted_names: Set[str] = set(REPORT_CLASSES)
    for mod_names in wanted.values():
        wanted_names |= mod_names
    # every class of the covered modules: a class of theirs missing from the table has no enum at all
    names = set(wanted_names)
    for mod in modules[: len(COVERED_MODULES)]:
        names |= {n for n in dir(mod) if not n.startswith("_") and isinstance(getattr(mod, n), type)}
    classes: Dict[str, dict] = {}
    others: Set[str] = set()
    todo = sorted(names)
    found: Dict[str, type] = {}
    for name in todo:
        obj = next((getattr(m, name) for m in modules if hasattr(m, name)), None)
        if isinstance(obj, type):
            found[name] = obj
        elif obj is not None:
            others.add(name)
        else:
            print(f"check_qt6: {name} not found in the QGIS/Qt modules; left out", file=sys.stderr)
    queue = list(found.values())
    while queue:
        cls = queue.pop()
        if cls.__name__ in classes:
            continue
        entry = describe_class(cls, Qgis)
        classes[cls.__name__] = entry
        for base in cls.__mro__[1:]:
            if base.__name__ in entry.get("bases", []) and base.__name__ not in classes:
                queue.append(base)

    # keep a class if it has enums (its own or a base's) or our code imports it; bases only with enums
    def own_enums(name: str) -> bool:
        e = classes.get(name, {})
        return bool(e.get("enums") or e.get("scoped") or e.get("aliases"))

    for entry in classes.values():
        if "bases" in entry:
            entry["bases"] = [b for b in entry["bases"] if b in classes and own_enums(b)]
            if not entry["bases"]:
                del entry["bases"]
    classes = {k: v for k, v in classes.items() if own_enums(k) or "bases" in v or k in wanted_names}
    with open(TABLE, "w", encoding="utf-8") as f:
        f.write("{\n")
        f.write(
            f'"generated_with": {json.dumps(f"QGIS {Qgis.QGIS_VERSION} (scripts/check_qt6.py --update-table)")},\n'
        )
        f.write(f'"covered_modules": {json.dumps(list(COVERED_MODULES))},\n')
        f.write(f'"others": {json.dumps(sorted(others & wanted_names))},\n')
        f.write('"classes": {\n')
        f.write(
            ",\n".join(
                f"{json.dumps(k)}: {json.dumps(v, separators=(',', ':'), sort_keys=True)}"
                for k, v in sorted(classes.items())
            )
        )
        f.write("\n}\n}\n")
    n_members = sum(len(m) for c in classes.values() for m in c.get("enums", {}).values())
    print(f"check_qt6: {TABLE}: {len(classes)} classes, {n_members} enum members, {len(others)} other names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
