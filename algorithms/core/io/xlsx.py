"""xlsx workbooks through OGR's XLSX driver: one sheet per table, numbers stay numbers.

The province roll-up (``database.rollup``) and the wizard's report workbook both write here; each
decides the type of its columns, this module names the sheets and writes the cells.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Sequence, Set, Tuple

from osgeo import ogr

from ..errors import QT_TRANSLATE_NOOP, InputError

#: Characters Excel refuses in a sheet name.
SHEET_NAME_FORBIDDEN = "[]:*?/\\"

#: ``(title, [(column, OGR field type)], rows)``; a row lists its values in column order,
#: ``None`` (or a missing value at the end of a row) leaves the cell empty.
Sheet = Tuple[str, Sequence[Tuple[str, int]], Iterable[Sequence[Any]]]


def sheet_name(title: str, used: Set[str]) -> str:
    """An Excel sheet name for ``title``: 31 characters at most, none of ``[]:*?/\\``, not in ``used``.

    The name is added to ``used``.

    >>> used = set()
    >>> sheet_name("a/b", used), sheet_name("a/b", used)
    ('a b', 'a b_1')
    """
    name = title[:31]
    for ch in SHEET_NAME_FORBIDDEN:
        name = name.replace(ch, " ")
    while name in used:
        name = name[:29] + "_" + str(len(used))
    used.add(name)
    return name


def write_xlsx(path: str, sheets: Sequence[Sheet]) -> str:
    """Write ``sheets`` into a new workbook at ``path`` (an existing file is replaced); returns the path.

    Raises
    ------
    InputError
        when the workbook cannot be created.
    """
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("XLSX").CreateDataSource(path)
    if ds is None:
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "The workbook {path} cannot be created."), path=path)
    used: Set[str] = set()
    for title, columns, rows in sheets:
        layer = ds.CreateLayer(sheet_name(title, used), geom_type=ogr.wkbNone)
        for column, ftype in columns:
            layer.CreateField(ogr.FieldDefn(column, ftype))
        defn = layer.GetLayerDefn()
        for row in rows:
            feature = ogr.Feature(defn)
            for j, value in enumerate(row[: len(columns)]):
                if value is not None:
                    feature.SetField(j, value)
            layer.CreateFeature(feature)
    ds = None
    return path
