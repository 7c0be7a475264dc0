"""The editable lookup tables: one folder, one CSV reader.

The tables ship in ``resources/tables/`` (sources in their header comments and
``resources/tables/README.md``); users may point any algorithm at their own copy.
They are UTF-8 CSV (a BOM is accepted), lines starting with ``#`` are comments.
"""

from __future__ import annotations

import csv
import os
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from ..errors import QT_TRANSLATE_NOOP, InputError

#: ``resources/tables`` of the plugin.
TABLE_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))),
    "resources",
    "tables",
)


def table_path(name: str) -> str:
    """Path of a shipped table."""
    return os.path.join(TABLE_DIR, name)


def read_table(path: str, required: Sequence[str] = ()) -> List[Dict[str, str]]:
    """Rows of a CSV lookup table as dicts; lines starting with ``#`` are comments.

    Column names are case-insensitive (returned lower case); names and values
    are stripped.

    Raises
    ------
    InputError
        when the file is missing or unreadable, or lacks a ``required`` column
        (the message lists the columns it has).
    """
    if not path or not os.path.exists(path):
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "The lookup table {path} does not exist."), path=path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            lines = list(handle)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "Cannot read the table {path}: {reason}"), path=path, reason=str(exc)
        ) from exc
    names, rows = csv_rows(lines, lower=True)
    missing = [c for c in required if c not in names]
    if missing:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "The lookup table {path} lacks the column(s) {missing}; it has {columns}."
            ),
            path=path,
            missing=", ".join(missing),
            columns=", ".join(names),
        )
    return rows


def csv_rows(lines: Iterable[str], lower: bool = False) -> Tuple[List[str], List[Dict[str, str]]]:
    """The header and the rows (dicts) of CSV text lines.

    Blank lines and lines starting with ``#`` (comments) are dropped; column names and values are
    stripped, names lower-cased with ``lower``; cells beyond the header are left out.

    >>> csv_rows(["# a comment", "A, B", " 1 ,2", ""])
    (['A', 'B'], [{'A': '1', 'B': '2'}])
    """

    def name(text: str) -> str:
        return text.strip().lower() if lower else text.strip()

    reader = csv.DictReader(ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))
    header = [name(n) for n in (reader.fieldnames or [])]
    rows = [{name(k): (v or "").strip() for k, v in raw.items() if isinstance(k, str)} for raw in reader]
    return header, rows


def table_number(
    row: Dict[str, str],
    column: str,
    path: str,
    default: Optional[float] = None,
    low: float = 0.0,
    high: float = 1.0,
) -> float:
    """The number in ``row[column]``, checked to lie in ``[low, high]``.

    An empty cell gives ``default`` (an error without one).  Messages name the
    table, the row's ``code`` and the column.
    """
    text = row.get(column, "")
    if text == "":
        if default is not None:
            return default
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "The lookup table {path}: row {code} has no value in column {column}."
            ),
            path=path,
            code=row.get("code", "?"),
            column=column,
        )
    try:
        value = float(text)
    except ValueError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The lookup table {path}: row {code}, column {column}: \u201c{text}\u201d is not a number.",
            ),
            path=path,
            code=row.get("code", "?"),
            column=column,
            text=text,
        ) from exc
    if not low <= value <= high:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The lookup table {path}: row {code}, column {column}: {value:g} is "
                "outside {low:g}–{high:g}.",
            ),
            path=path,
            code=row.get("code", "?"),
            column=column,
            value=value,
            low=low,
            high=high,
        )
    return value
