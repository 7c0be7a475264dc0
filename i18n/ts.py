#!/usr/bin/env python3
"""Translation sources: extract, update, fill, check and build.

Strings are found in the Python sources by their calls:

* ``self.tr("…")`` – context = the enclosing class;
* ``QCoreApplication.translate("Ctx", "…")`` and ``translate("Ctx", "…")``;
* ``QT_TRANSLATE_NOOP("Ctx", "…")`` (used by the pure core, context ``SwcCore``);
* ``_tr("…")`` – context = the module's ``TR_CONTEXT = "…"`` constant.

The zh_CN translations live in ``i18n/zh_CN/*.ts`` (one file per area of the
code, all merged into ``i18n/swc_planner_zh_CN.qm`` by ``lrelease``).

Usage::

    ts.py update i18n/zh_CN/AREA.ts SOURCE.py [...]   # add new strings (unfinished)
    ts.py todo [TS ...]                                 # list untranslated strings
    ts.py fill i18n/zh_CN/AREA.ts MAP.json              # {"source": "translation"}
    ts.py check                                         # every string translated?
    ts.py build                                         # lrelease -> .qm
"""

from __future__ import annotations

import ast
import glob
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from typing import Dict, Iterable, List, Optional, Set, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TS_DIR = os.path.join(HERE, "zh_CN")
QM_PATH = os.path.join(HERE, "swc_planner_zh_CN.qm")
SKIP_DIRS = {"tests", "benchmarks", "i18n", "scripts", ".git", "demo_output", "__pycache__", ".ci"}

Message = Tuple[str, str]  # (context, source)


def _const_str(node: ast.AST) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _Collector(ast.NodeVisitor):
    def __init__(self, module_context: Optional[str]) -> None:
        self.classes: List[str] = []
        self.module_context = module_context
        self.found: List[Message] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        args = node.args
        if name == "tr" and isinstance(func, ast.Attribute) and args and self.classes:
            text = _const_str(args[0])
            if text is not None:
                self.found.append((self.classes[-1], text))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
            ctx, text = _const_str(args[0]), _const_str(args[1])
            if ctx is not None and text is not None:
                self.found.append((ctx, text))
        elif name == "_tr" and args and self.module_context:
            text = _const_str(args[0])
            if text is not None:
                self.found.append((self.module_context, text))
        self.generic_visit(node)


def _module_context(tree: ast.Module) -> Optional[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "TR_CONTEXT" for t in node.targets
        ):
            return _const_str(node.value)
    return None


def extract_file(path: str) -> List[Message]:
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), path)
    collector = _Collector(_module_context(tree))
    collector.visit(tree)
    return collector.found


def source_files() -> List[str]:
    out = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        out += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".py")]
    return out


def extract_all(paths: Optional[Iterable[str]] = None) -> List[Message]:
    seen: Set[Message] = set()
    out: List[Message] = []
    for path in paths if paths is not None else source_files():
        for msg in extract_file(path):
            if msg not in seen:
                seen.add(msg)
                out.append(msg)
    return out


# -- .ts files -------------------------------------------------------------------


def read_ts(path: str) -> Dict[Message, Optional[str]]:
    """``{(context, source): translation or None when unfinished}``."""
    out: Dict[Message, Optional[str]] = {}
    if not os.path.exists(path):
        return out
    root = ET.parse(path).getroot()
    for ctx in root.findall("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.findall("message"):
            source = msg.findtext("source") or ""
            tnode = msg.find("translation")
            text = None
            if tnode is not None and tnode.get("type") not in ("unfinished", "obsolete", "vanished"):
                text = tnode.text or None
            out[(name, source)] = text
    return out


def write_ts(path: str, messages: Dict[Message, Optional[str]]) -> None:
    root = ET.Element("TS", version="2.1", language="zh_CN")
    by_ctx: Dict[str, List[Tuple[str, Optional[str]]]] = {}
    for (ctx, source), text in messages.items():
        by_ctx.setdefault(ctx, []).append((source, text))
    for ctx in sorted(by_ctx):
        cnode = ET.SubElement(root, "context")
        ET.SubElement(cnode, "name").text = ctx
        for source, text in by_ctx[ctx]:
            mnode = ET.SubElement(cnode, "message")
            ET.SubElement(mnode, "source").text = source
            tnode = ET.SubElement(mnode, "translation")
            if text:
                tnode.text = text
            else:
                tnode.set("type", "unfinished")
    ET.indent(root, space="    ")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(root, encoding="unicode"))
        handle.write("\n")


def all_translations() -> Dict[Message, Optional[str]]:
    out: Dict[Message, Optional[str]] = {}
    for path in sorted(glob.glob(os.path.join(TS_DIR, "*.ts"))):
        for key, text in read_ts(path).items():
            if text or key not in out:
                out[key] = text
    return out


def update(ts_path: str, sources: List[str]) -> int:
    """Add the strings of ``sources`` missing from every .ts to ``ts_path``."""
    known = all_translations()
    messages = read_ts(ts_path)
    added = 0
    for msg in extract_all(sources):
        if msg not in known and msg not in messages:
            messages[msg] = None
            added += 1
    current = set(extract_all())
    messages = {k: v for k, v in messages.items() if k in current}  # drop obsolete strings
    write_ts(ts_path, messages)
    return added


def fill(ts_path: str, mapping_path: str) -> int:
    with open(mapping_path, encoding="utf-8") as handle:
        mapping = json.load(handle)
    messages = read_ts(ts_path)
    done = 0
    for ctx, source in list(messages):
        if source in mapping and mapping[source]:
            messages[(ctx, source)] = mapping[source]
            done += 1
    write_ts(ts_path, messages)
    return done


def missing() -> List[Message]:
    """Strings in the code without a finished translation in any .ts."""
    known = all_translations()
    return [m for m in extract_all() if not known.get(m)]


def build(lrelease: str = "lrelease") -> str:
    files = sorted(glob.glob(os.path.join(TS_DIR, "*.ts")))
    subprocess.run([lrelease, "-silent", *files, "-qm", QM_PATH], check=True)
    return QM_PATH


def main(argv: List[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "update":
        print("added", update(rest[0], rest[1:]))
    elif cmd == "fill":
        print("filled", fill(rest[0], rest[1]))
    elif cmd == "todo":
        files = rest or sorted(glob.glob(os.path.join(TS_DIR, "*.ts")))
        for path in files:
            for (ctx, source), text in read_ts(path).items():
                if not text:
                    print(
                        json.dumps(
                            {"ts": os.path.basename(path), "context": ctx, "source": source},
                            ensure_ascii=False,
                        )
                    )
        for ctx, source in missing():
            print(json.dumps({"ts": None, "context": ctx, "source": source}, ensure_ascii=False))
    elif cmd == "check":
        gaps = missing()
        for ctx, source in gaps:
            print(f"untranslated: [{ctx}] {source}")
        print(f"{len(extract_all())} strings, {len(gaps)} untranslated")
        return 1 if gaps else 0
    elif cmd == "build":
        print(build())
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
