"""The editable lookup tables of the CSLE: land use → B, T; measure → E, T; FVC → B; class → K.

Tables are CSV files in ``resources/tables`` (read by :func:`..io.tables.read_table`); the
codes of a layer are matched against them here, and what does not match is named in the error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..io.tables import read_table, table_number
from ..zones import code_matches


@dataclass
class LandUseClass:
    """One row of the land-use table: fixed B and T, the FVC cover type, and whether T is the
    crop-rotation T of the cropping zone."""

    code: str
    name: str
    b: float
    t: float
    cover: str = ""  # "forest", "grass" or "" (B from FVC where FVC is given)
    rotation: bool = False  # cropland: T = the crop-rotation T of the zone (the table's T elsewhere)
    source: str = ""


_YES = ("yes", "y", "true", "1", "是")
_NO = ("", "no", "n", "false", "0", "否")


def read_landuse_table(path: str) -> List[LandUseClass]:
    """Land use → B, T table (columns code, name, B, T, cover, rotation, source).

    ``rotation`` (yes / empty) marks cropland rows whose T is replaced by the crop-rotation T
    of the cropping zone (:func:`read_rotation_table`); ``source`` is free text.
    """
    rows = read_table(path, ("code", "b", "t"))
    out = []
    for row in rows:
        rotation = row.get("rotation", "").lower()
        if rotation not in _YES + _NO:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The lookup table {path}: row {code}, column rotation must be yes or empty, "
                    "not \u201c{value}\u201d.",
                ),
                path=path,
                code=row["code"],
                value=rotation,
            )
        cover = row.get("cover", "").lower()
        if cover not in ("", "forest", "grass", "none"):
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The lookup table {path}: row {code}, column cover must be forest, "
                    "grass or empty, not \u201c{value}\u201d.",
                ),
                path=path,
                code=row["code"],
                value=cover,
            )
        out.append(
            LandUseClass(
                row["code"],
                row.get("name_zh") or row.get("name", ""),
                table_number(row, "b", path),
                table_number(row, "t", path),
                "" if cover == "none" else cover,
                rotation in _YES,
                row.get("source", ""),
            )
        )
    return out


@dataclass
class RotationZone:
    """One row of the crop-rotation table: a cropping-system zone and its T."""

    code: str
    names: Tuple[str, ...]  # code, Chinese and English name, crops per year: what a zone field may hold
    crops: Optional[int]
    t: float
    source: str = ""


def read_rotation_table(path: str) -> List[RotationZone]:
    """Cropping zone → crop-rotation T table (columns code, name_zh, name_en, crops, T, source).

    >>> import os
    >>> from ..io.tables import TABLE_DIR
    >>> [(z.code, z.t) for z in read_rotation_table(os.path.join(TABLE_DIR, "crop_rotation_t.csv"))]
    [('single', 0.37), ('double', 0.36), ('triple', 0.28), ('mean', 0.34)]
    """
    rows = read_table(path, ("code", "t"))
    out = []
    for row in rows:
        crops_text = row.get("crops", "")
        try:
            crops = int(float(crops_text)) if crops_text else None
        except ValueError as exc:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The lookup table {path}: row {code}, column crops must be the number of crops a "
                    "year (1, 2, 3) or empty, not \u201c{value}\u201d.",
                ),
                path=path,
                code=row["code"],
                value=crops_text,
            ) from exc
        names = [row["code"], row.get("name_zh", ""), row.get("name_en", "")]
        if crops:
            names.append(str(crops))
        out.append(
            RotationZone(
                row["code"],
                tuple(n for n in names if n),
                crops,
                table_number(row, "t", path),
                row.get("source", ""),
            )
        )
    if not out:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The crop-rotation table {path} has no row."), path=path
        )
    return out


def match_rotation(values: Sequence[object], table: Sequence[RotationZone]) -> Tuple[List[int], List[str]]:
    """Row index for each zone value (code, Chinese or English name, or crops per year;
    case-insensitive), and the unmatched values.

    >>> t = [RotationZone("single", ("single", "一年一熟", "1"), 1, 0.37),
    ...      RotationZone("double", ("double", "一年两熟", "2"), 2, 0.36)]
    >>> match_rotation(["一年两熟", 1.0, "SINGLE", "两季"], t)
    ([1, 0, 0, -1], ['两季'])
    """
    return _match_names(values, table)


def rotation_row(table: Sequence[RotationZone], code: str) -> RotationZone:
    """The row of a zone code (e.g. ``"double"``); an error naming the codes of the table otherwise."""
    for row in table:
        if row.code.lower() == code.lower():
            return row
    raise InputError(
        QT_TRANSLATE_NOOP(
            "SwcCore",
            "The crop-rotation table has no zone \u201c{code}\u201d; its zones are {codes}. Add the row "
            "or choose another table.",
        ),
        code=code,
        codes=", ".join(r.code for r in table),
    )


@dataclass
class Measure:
    """One row of the measure table: E, and T (``None`` = tillage unchanged)."""

    code: str
    names: Tuple[str, ...]
    e: float
    t: Optional[float]


def read_measure_table(path: str) -> List[Measure]:
    """Measure → E (and optional T) table (columns code, name_zh, name_en, E, T)."""
    rows = read_table(path, ("code", "e"))
    out = []
    for row in rows:
        t = table_number(row, "t", path, default=-1.0)
        names = tuple(n for n in (row["code"], row.get("name_zh", ""), row.get("name_en", "")) if n)
        out.append(
            Measure(row["code"], names, table_number(row, "e", path), None if t is not None and t < 0 else t)
        )
    return out


def measure_factors(rows: Sequence[int], table: Sequence[Measure]) -> Tuple[np.ndarray, np.ndarray]:
    """E and T per measure polygon for :class:`..erosion.soilloss.MeasureSource`.

    ``rows[i]`` is the table row of polygon ``i + 1`` (:func:`match_measures`);
    index 0 of the result is "no measure": E = 1 and T = NaN (the land use's T stays).

    >>> table = [Measure("pit", ("pit",), 0.249, None), Measure("ct", ("ct",), 1.0, 0.5)]
    >>> e, t = measure_factors([1, 0], table)
    >>> e.tolist(), t.tolist()
    ([1.0, 1.0, 0.249], [nan, 0.5, nan])
    """
    e = np.ones(len(rows) + 1)
    t = np.full(len(rows) + 1, np.nan)
    for i, j in enumerate(rows, start=1):
        e[i] = table[j].e
        t[i] = np.nan if table[j].t is None else table[j].t
    return e, t


def read_fvc_table(path: str) -> Dict[str, Tuple[np.ndarray, np.ndarray]]:
    """FVC → B table (columns cover, fvc_min, B): per cover type the sorted lower bounds
    (fraction 0–1) and B values."""
    rows = read_table(path, ("cover", "fvc_min", "b"))
    groups: Dict[str, List[Tuple[float, float]]] = {}
    for row in rows:
        lo = table_number(row, "fvc_min", path, high=100.0)
        lo = lo / 100.0 if lo > 1.0 else lo
        groups.setdefault(row["cover"].lower(), []).append((lo, table_number(row, "b", path)))
    out = {}
    for cover, items in groups.items():
        items.sort()
        out[cover] = (np.array([i[0] for i in items]), np.array([i[1] for i in items]))
    return out


def read_value_table(path: str, column: str = "k", high: float = 1.0) -> Tuple[np.ndarray, np.ndarray]:
    """Class code → value table (e.g. soil class → K): sorted numeric codes and values."""
    rows = read_table(path, ("code", column))
    pairs = []
    for row in rows:
        try:
            code = float(row["code"])
        except ValueError as exc:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The lookup table {path}: the code \u201c{code}\u201d is not a number "
                    "(a class raster holds numbers).",
                ),
                path=path,
                code=row["code"],
            ) from exc
        pairs.append((code, table_number(row, column, path, high=high)))
    pairs.sort()
    return (
        np.array([p[0] for p in pairs], dtype=np.float64),
        np.array([p[1] for p in pairs], dtype=np.float64),
    )


def match_landuse(codes: Sequence[object], table: Sequence[LandUseClass]) -> Tuple[List[int], List[str]]:
    """Row index (first matching pattern) for each code, and the unmatched codes.

    Rasters cannot keep the leading zero of land-survey codes (0103 is stored as
    103), so a numeric code shorter than 4 digits is matched in this order: a row
    whose code is exactly that number (tables of numeric class codes), then the
    code zero-padded to 4 digits against every row (103 → 0103, 旱地), and only
    then the code as it is against the patterns.  Trying the patterns first sent
    103 to ``10*`` (交通运输用地, B = 0).

    >>> rows = [LandUseClass("0103", "", 1.0, 1.0), LandUseClass("03*", "", 0.02, 1.0),
    ...         LandUseClass("10*", "", 0.0, 1.0), LandUseClass("104", "", 0.0, 1.0)]
    >>> match_landuse([103, "0301", 301, 1001, 104, 9], rows)
    ([0, 1, 1, 2, 3, -1], ['9'])
    """
    out, missing = [], []
    for code in codes:
        text = code_text(code)
        hit = -1
        short = text.isdigit() and len(text) < 4
        if short:
            hit = next((i for i, row in enumerate(table) if row.code == text), -1)
        for cand in ([text.zfill(4)] if short else []) + [text]:
            if hit >= 0:
                break
            hit = next((i for i, row in enumerate(table) if code_matches(cand, [row.code])), -1)
        if hit < 0:
            missing.append(text)
        out.append(hit)
    return out, missing


def match_measures(values: Sequence[object], table: Sequence[Measure]) -> Tuple[List[int], List[str]]:
    """Row index for each measure type (matched on code, Chinese or English name,
    case-insensitive), and the unmatched values."""
    return _match_names(values, table)


def _match_names(
    values: Sequence[object], table: Sequence[Union[RotationZone, Measure]]
) -> Tuple[List[int], List[str]]:
    """Row index (-1: none) of each value among the rows' ``names`` (case-insensitive), and the unmatched."""
    out, missing = [], []
    for value in values:
        text = code_text(value).lower()
        hit = -1
        for i, row in enumerate(table):
            if text in (n.lower() for n in row.names):
                hit = i
                break
        if hit < 0:
            missing.append(code_text(value))
        out.append(hit)
    return out, missing


def code_text(value: object) -> str:
    """A code as text, integral floats without ``.0`` (``103.0`` → ``"103"``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def unmatched_error(kind: str, missing: Sequence[str], path: str) -> InputError:
    """The error naming the codes (``kind`` ``"landuse"``) or measure types (``"measure"``) not in a table."""
    shown = ", ".join(sorted(set(missing), key=str)[:30])
    if kind == "measure":
        return InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "These measure types are not in the measure table {path}: {codes}. Add a "
                "row (code, name, E, T) for each, or correct the measure field.",
            ),
            path=path,
            codes=shown,
        )
    return InputError(
        QT_TRANSLATE_NOOP(
            "SwcCore",
            "These land-use codes are not in the land-use table {path}: {codes}. Add a "
            "row (code, B, T) for each, or choose the table that matches the land-use "
            "classification.",
        ),
        path=path,
        codes=shown,
    )
