#!/usr/bin/env python3
"""docs/errors.md from the code: every error and warning a planner can get, in English and Chinese.

The messages are found where the code raises or reports them (the same extractor rules as
``i18n/ts.py``): the core's typed-error templates (``QT_TRANSLATE_NOOP("SwcCore", …)`` given to an
``…Error``), and in the algorithm layer every translated string that reaches ``raise``,
``fail``/``_fail``/``QgsProcessingException``, ``feedback.pushWarning``/``reportError``, a list of
errors (``errors.append``), or a variable named like a message (``message``, ``reason``,
``warning``, …).  The Chinese text comes from ``i18n/swc_planner_zh_CN.ts``.

Usage::

    scripts/errors_doc.py            # write docs/errors.md
    scripts/errors_doc.py --check    # exit 1 when docs/errors.md is not what the code gives
"""

from __future__ import annotations

import ast
import os
import re
import sys
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "i18n"))

import ts  # noqa: E402

DOC = os.path.join(ROOT, "docs", "errors.md")
ERROR_CALLS = {"fail", "_fail", "QgsProcessingException", "reportError", "_refuse", "refuse"}
WARNING_CALLS = {"pushWarning", "warn", "_warn", "warning"}
MESSAGE_NAMES = re.compile(r"(message|msg|error|reason|problem|why|text)s?$", re.I)
WARNING_NAMES = re.compile(r"warn", re.I)


@dataclass(frozen=True)
class Message:
    kind: str  # "error" or "warning"
    where: str  # algorithm id, or the shared layer / core module
    context: str
    source: str


def _call_name(node: ast.Call) -> Optional[str]:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _translation(
    node: ast.Call, classes: List[str], module_context: Optional[str]
) -> Optional[Tuple[str, str]]:
    """``(context, source)`` of a translation call, as ``ts.py`` finds it."""
    name, args = _call_name(node), node.args
    if name == "tr" and isinstance(node.func, ast.Attribute) and args and classes:
        text = ts._const_str(args[0])
        return (classes[-1], text) if text is not None else None
    if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
        ctx, text = ts._const_str(args[0]), ts._const_str(args[1])
        return (ctx, text) if ctx is not None and text is not None else None
    if name == "_tr" and args and module_context:
        text = ts._const_str(args[0])
        return (module_context, text) if text is not None else None
    return None


def _kind(chain: List[ast.AST]) -> Optional[str]:
    """``error``, ``warning`` or ``None`` from the nodes between a string and its statement."""
    for node in chain:
        if isinstance(node, ast.Call):
            name = _call_name(node) or ""
            if name in WARNING_CALLS:
                return "warning"
            if name in ERROR_CALLS or name.endswith("Error") or name == "Cancelled":
                return "error"
            if name == "append" and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                owner_name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
                if WARNING_NAMES.search(owner_name):
                    return "warning"
                if re.search(r"error|problem|issue", owner_name, re.I):
                    return "error"
        if isinstance(node, ast.Raise):
            return "error"
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                tname = target.id if isinstance(target, ast.Name) else getattr(target, "attr", "")
                if WARNING_NAMES.search(tname):
                    return "warning"
                if MESSAGE_NAMES.search(tname):
                    return "error"
        if isinstance(node, ast.Return):
            value = node.value
            if isinstance(value, ast.Tuple) and value.elts and ts._const_str(value.elts[0]) is None:
                first = value.elts[0]
                if isinstance(first, ast.Constant) and first.value is False:
                    return "error"  # checkParameterValues: (False, message)
            return None
    return None


def _function_kind(functions: List[ast.AST]) -> Optional[str]:
    """Strings returned by a function named like ``range_errors`` / ``…_warning`` are messages too."""
    for fn in reversed(functions):
        name = getattr(fn, "name", "")
        if WARNING_NAMES.search(name):
            return "warning"
        if re.search(r"errors?$|refus", name):
            return "error"
    return None


def _where(path: str) -> str:
    rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
    if rel.startswith("algorithms/core/"):
        return "core/" + rel[len("algorithms/core/") :]
    return os.path.splitext(os.path.basename(rel))[0]


def messages_of(path: str) -> List[Message]:
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), path)
    module_context = ts._module_context(tree)
    parents: Dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    out: List[Message] = []
    where = _where(path)

    def visit(node: ast.AST, classes: List[str], functions: List[ast.AST]) -> None:
        if isinstance(node, ast.ClassDef):
            classes = classes + [node.name]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions = functions + [node]
        if isinstance(node, ast.Call):
            found = _translation(node, classes, module_context)
            if found is not None:
                chain, cur = [], node
                while cur in parents and not isinstance(cur, ast.stmt):
                    cur = parents[cur]
                    chain.append(cur)
                kind = _kind(chain)
                if kind is None:
                    kind = _function_kind(functions)
                if kind is None and found[0] == "SwcCore":
                    kind = "error"  # a core template: raised as a typed error
                if kind is not None:
                    out.append(Message(kind, where, found[0], found[1]))
        for child in ast.iter_child_nodes(node):
            visit(child, classes, functions)

    visit(tree, [], [])
    return out


def all_messages(paths: Optional[Iterable[str]] = None) -> List[Message]:
    """Every error and warning of the plugin's code (algorithms and core), each once per place."""
    files = (
        paths
        if paths is not None
        else [p for p in ts.source_files() if "/algorithms/" in p.replace(os.sep, "/")]
    )
    seen, out = set(), []
    for path in files:
        for msg in messages_of(path):
            key = (msg.where, msg.source)
            if key not in seen:
                seen.add(key)
                out.append(msg)
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


INTRO = """# Errors and warnings / 错误与警告信息

<!-- Generated by scripts/errors_doc.py from the code and i18n/swc_planner_zh_CN.ts: do not edit the
     lists by hand; edit the messages in the code (or this script's introduction) and run
     `python3 scripts/errors_doc.py`. tests/core/test_errors_doc.py fails when this page is stale. -->

Every message SWC Planner can give, in Chinese and English. An **error** stops the run before any
output is written (a run that fails leaves no partial file); a **warning** lets the run finish but
tells you something you must know about the result (an empty optional layer, a guessed encoding, an
area only partly covered, a result with nothing in it). Words in braces, such as `{name}`, are filled
in with the parameter, the layer, the value or the number of your run.

SWC Planner 可能给出的全部信息（中文与英文）。**错误**会在写出任何结果之前终止运行（失败的运行不会留下不完整的文件）；
**警告**不终止运行，但提示您必须知道的情况（可选图层为空、编码是推测的、区域只被部分覆盖、结果为空等）。
花括号中的词（如 `{name}`）在运行时替换为参数名、图层、取值或数字。

## What most messages mean, and what to do / 常见信息的含义与处理

| message (short) | what it means | what to do |
|---|---|---|
| DEM in a geographic CRS (degrees) / DEM 为地理坐标系 | slopes and areas need metres | reproject to the CGCS2000 3-degree Gauss–Krüger zone the message names (`gdalwarp -t_srs EPSG:…`) / 按提示的 CGCS2000 三度带投影重投影 |
| DEM rotated, south-up, without CRS, not in metres / DEM 旋转、南向上、无坐标系、单位非米 | the kernels need a north-up metric grid | warp it north-up, assign or reproject the CRS / 用 gdalwarp 纠正为北向上的米制栅格 |
| no valid cell (every cell is nodata) / 没有有效像元 | the nodata value or extent is wrong | check the nodata value and the extent / 检查无数据值与范围 |
| does not overlap the DEM / 与 DEM 不重叠 | the layer lies elsewhere or in a wrong CRS (a layer in another CRS that overlaps is reprojected and fine) | check the layer's CRS and area / 检查图层坐标系与范围 |
| must be one of … / 必须为以下之一 | an option number that does not exist; the message lists the options | give one of them / 选择列出的选项之一 |
| layer is empty / 图层为空 | a layer was given without any feature: never silently ignored (an empty area of interest is not the whole DEM) | choose the layer that holds the data, check its filter, or leave an optional layer empty / 选择含有数据的图层、检查过滤条件，或将可选图层留空 |
| file does not exist, is empty (0 bytes), cannot be read / 文件不存在、为空（0 字节）或无法读取 | a wrong path, a copy that did not finish, or not a raster/layer | check the path; copy the file again / 检查路径，重新复制文件 |
| must contain polygons / points / lines / 必须为面/点/线 | a layer of the wrong geometry type | choose a layer of that type / 选择对应几何类型的图层 |
| has no field “…” / 没有字段 | a misspelt field name; the message lists the fields there are | pick one of them / 从列出的字段中选择 |
| must be between … and … / 必须介于 | a number outside its range; the message gives the range and its meaning | enter a value in the range / 输入范围内的数值 |
| shorter than one DEM cell / 短于一个像元 | a slope length below one cell cuts every slope to nothing | 0 (no limit) or at least one cell / 0（不限）或至少一个像元 |
| output cannot be written / 输出无法写入 | the folder is missing, read-only, or the file is locked | choose a folder you can write to / 选择可写的文件夹 |
| read as GBK (GB18030) / 按 GBK 读取 | a shapefile without .cpg whose text is not UTF-8 | check the names; add a .cpg file holding the encoding / 核对名称；添加写明编码的 .cpg 文件 |
| no cell steeper than … / 没有陡于…的像元 | a valid, empty result: nothing to ban, plan or build | nothing; the tables say so with zero rows / 无需处理，结果为空 |
| cancelled by the user / 用户已取消 | you pressed Cancel; nothing was written | run again / 重新运行 |

"""


def render(messages: List[Message]) -> str:
    translations = ts.read_ts(ts.TS_PATH)
    by_source: Dict[str, str] = {}
    for (_ctx, source), text in translations.items():
        if text:
            by_source.setdefault(source, text)
    groups: Dict[str, List[Message]] = {}
    for msg in messages:
        groups.setdefault(msg.where, []).append(msg)

    def order(where: str) -> Tuple[int, str]:
        shared = ("base", "inputs", "params", "outputs")
        return (0 if where in shared else 2 if where.startswith("core/") else 1, where)

    lines = [INTRO, "## Every message, by where it comes from / 全部信息（按来源）", ""]
    lines.append(
        "Shared layers (`inputs`, `params`, `outputs`, `base`) check the inputs, numbers and outputs of "
        "every algorithm; then each algorithm; then the core's typed errors (`core/…`), which any "
        "algorithm using that part of the core can give. / 先列出所有算法共用的输入、参数与输出检查，"
        "再按算法列出，最后是核心计算模块的错误。"
    )
    lines.append("")
    for where in sorted(groups, key=order):
        title = f"`swcplanner:{where}`" if order(where)[0] == 1 else f"`{where}`"
        lines += [f"### {title}", "", "| | 中文 | English |", "|---|---|---|"]
        for msg in sorted(groups[where], key=lambda m: (m.kind, m.source)):
            zh = translations.get((msg.context, msg.source)) or by_source.get(msg.source) or "—"
            mark = "错误 error" if msg.kind == "error" else "警告 warning"
            lines.append(f"| {mark} | {_cell(zh)} | {_cell(msg.source)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: List[str]) -> int:
    text = render(all_messages())
    if "--check" in argv:
        with open(DOC, encoding="utf-8") as handle:
            current = handle.read()
        if current != text:
            print("docs/errors.md is stale: run python3 scripts/errors_doc.py", file=sys.stderr)
            return 1
        return 0
    with open(DOC, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"{DOC}: {text.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
