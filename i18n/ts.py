#!/usr/bin/env python3
"""Translation sources: extract, update, fill, check and build.

Strings are found in the Python sources by their calls:

* ``self.tr("…")`` – context = the enclosing class;
* ``QCoreApplication.translate("Ctx", "…")`` and ``translate("Ctx", "…")``;
* ``QT_TRANSLATE_NOOP("Ctx", "…")`` (used by the pure core, context ``SwcCore``);
* ``_tr("…")`` – context = the module's ``TR_CONTEXT = "…"`` constant.

The zh_CN translations live in one file, ``i18n/swc_planner_zh_CN.ts``, built into
``i18n/swc_planner_zh_CN.qm`` by ``lrelease``.  A source string has one translation, whatever its
context: ``check`` fails when the same English text is translated two ways.

Usage::

    ts.py update              # add the code's new strings (unfinished), drop strings no longer in the code
    ts.py todo                # list untranslated strings (JSON lines)
    ts.py fill MAP.json       # {"English source": "中文"}; fills every context of that source
    ts.py check               # every string translated, and each source translated one way only?
    ts.py build               # lrelease -> .qm

``update`` and ``fill`` lock the .ts file, so several people (or scripts) may run them at once.
"""

from __future__ import annotations

import ast
import contextlib
import fcntl
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from typing import Dict, Iterable, List, Optional, Set, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TS_PATH = os.path.join(HERE, "swc_planner_zh_CN.ts")
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


def extract_file(path: str, tolerant: bool = False) -> List[Message]:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    try:
        tree = ast.parse(text, path)
    except SyntaxError:
        if not tolerant:
            raise
        print(f"skipped (syntax error): {path}", file=sys.stderr)
        return []
    collector = _Collector(_module_context(tree))
    collector.visit(tree)
    return collector.found


def source_files() -> List[str]:
    out = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        out += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".py")]
    return out


def extract_all(paths: Optional[Iterable[str]] = None, tolerant: bool = False) -> List[Message]:
    seen: Set[Message] = set()
    out: List[Message] = []
    for path in paths if paths is not None else source_files():
        for msg in extract_file(path, tolerant):
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


@contextlib.contextmanager
def locked(path: str = TS_PATH):
    """An exclusive lock on the .ts file for a read-modify-write."""
    with open(path + ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def all_translations() -> Dict[Message, Optional[str]]:
    return read_ts(TS_PATH)


def update() -> int:
    """Add the code's strings missing from the .ts (reusing a known translation of the same source)."""
    with locked():
        messages = read_ts(TS_PATH)
        by_source = {src: text for (_ctx, src), text in messages.items() if text}
        added = 0
        current = extract_all(tolerant=True)
        for msg in current:
            if msg not in messages:
                messages[msg] = by_source.get(msg[1])
                added += 1
        keep = set(current)
        write_ts(TS_PATH, {k: v for k, v in messages.items() if k in keep})  # drop obsolete strings
    return added


def fill(mapping_path: str) -> int:
    with open(mapping_path, encoding="utf-8") as handle:
        mapping = json.load(handle)
    with locked():
        messages = read_ts(TS_PATH)
        done = 0
        for ctx, source in list(messages):
            if mapping.get(source):
                messages[(ctx, source)] = mapping[source]
                done += 1
        write_ts(TS_PATH, messages)
    return done


def missing() -> List[Message]:
    """Strings in the code without a finished translation."""
    known = all_translations()
    return [m for m in extract_all() if not known.get(m)]


def conflicts() -> Dict[str, Set[str]]:
    """Source strings translated more than one way (in different contexts)."""
    seen: Dict[str, Set[str]] = {}
    for (_ctx, source), text in all_translations().items():
        if text:
            seen.setdefault(source, set()).add(text)
    return {src: texts for src, texts in seen.items() if len(texts) > 1}


def build(lrelease: str = "lrelease") -> str:
    subprocess.run([lrelease, "-silent", TS_PATH, "-qm", QM_PATH], check=True)
    return QM_PATH


def main(argv: List[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "update":
        print("added", update())
    elif cmd == "fill":
        print("filled", fill(rest[0]))
    elif cmd == "todo":
        for ctx, source in missing():
            print(json.dumps({"context": ctx, "source": source}, ensure_ascii=False))
    elif cmd == "check":
        gaps = missing()
        for ctx, source in gaps:
            print(f"untranslated: [{ctx}] {source}")
        twice = conflicts()
        for source, texts in sorted(twice.items()):
            print(f"translated two ways: {source!r} -> {sorted(texts)}")
        print(f"{len(extract_all())} strings, {len(gaps)} untranslated, {len(twice)} translated two ways")
        return 1 if gaps or twice else 0
    elif cmd == "build":
        print(build())
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
