"""Publishing one result (a kind, a county, a year) in one transaction, keeping the previous version.

A publish:

1. takes a transaction-level advisory lock on ``kind/adcode/year`` (two publishes of the same
   result queue; different counties never wait for each other);
2. closes the current version(s) it replaces: ``valid_to`` = this publish's time on the previous
   publication and its rows (a *published* result also closes the county's open *draft* of it);
3. inserts the rows, then the ``swc.publications`` row with their count;
4. commits.  Until then nobody sees anything of it; a process killed midway leaves nothing (the
   server rolls back an unfinished transaction when its connection drops).

The same steps insert a publication read from a GeoPackage package at its own time (``published_at``
from the package): a package older than the version in the database slots in as a closed version.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from .connect import scrub
from .schema import BIGINT, INT, META_NAMES, REAL, SRID, STATUSES, TEXT, Kind, quote_ident
from .schema import kind as get_kind

ProgressFn = Optional[Callable[[float], None]]
CancelFn = Optional[Callable[[], bool]]

#: A record ready for insertion: values in the kind's column order, extra fields, unit adcode, WKB.
Record = Tuple[Sequence[Any], Optional[Dict[str, Any]], Optional[str], Optional[bytes]]

_COUNTY = re.compile(r"^\d{6}$")


@dataclass
class PublishResult:
    """What a publish wrote."""

    pub_id: str
    kind: str
    adcode: str
    year: int
    status: str
    n_rows: int
    published_at: str
    closed: List[str] = field(default_factory=list)
    extra_fields: List[str] = field(default_factory=list)
    unmatched_units: int = 0


def check_key(kind_key: str, adcode: str, year: int, status: str) -> Kind:
    """The kind, after checking the county adcode (6 digits), the year and the status."""
    try:
        k = get_kind(kind_key)
    except KeyError:
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "Unknown result kind {kind}."), kind=kind_key) from None
    if not _COUNTY.match(str(adcode or "")):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "The county adcode must have 6 digits (e.g. 130731), not \u201c{adcode}\u201d."
            ),
            adcode=adcode,
        )
    if not 1900 <= int(year) <= 2200:
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "The year {year} is out of range."), year=year)
    if status not in STATUSES:
        raise InputError(QT_TRANSLATE_NOOP("SwcCore", "Unknown status {status}."), status=status)
    return k


def map_fields(k: Kind, names: Sequence[str]) -> Tuple[List[Optional[int]], List[Tuple[int, str]]]:
    """Where each of the kind's columns comes from in ``names`` (case-insensitive), and the rest.

    Returns ``(source index per column or None, [(index, name) of fields kept in extra]``).
    Fields named like a metadata column (``year``, ``adcode``, ...) go to ``extra``.
    """
    lower: Dict[str, int] = {}
    for i, name in enumerate(names):
        lower.setdefault(str(name).lower(), i)
    sources = [lower.get(col) for col in k.column_names]
    used = {i for i in sources if i is not None}
    extra = [(i, str(n)) for i, n in enumerate(names) if i not in used and str(n).lower() not in ("fid",)]
    return sources, extra


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (str, int, float, bool)):
        return value
    try:  # numpy scalars
        return value.item()
    except AttributeError:
        return str(value)


def _convert(value: Any, sql: str, column: str) -> Any:
    value = _plain(value)
    if value is None or value == "" and sql != TEXT:
        return None
    try:
        if sql == REAL:
            return float(value)
        if sql in (INT, BIGINT):
            number = float(value)
            if number != int(number):
                raise ValueError
            return int(number)
        return str(value)
    except (TypeError, ValueError):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "The field {field} holds \u201c{value}\u201d, which is not a {type}."
            ),
            field=column.upper(),
            value=value,
            type=sql,
        ) from None


def records_from_rows(
    k: Kind, names: Sequence[str], rows: Iterable[Tuple[Sequence[Any], Optional[bytes]]]
) -> Tuple[Iterable[Record], List[str]]:
    """Records of a kind from a layer's field names and ``(attributes, wkb)`` rows, and the extra fields."""
    sources, extra = map_fields(k, names)
    types = [sql for _n, sql in k.columns]
    cols = k.column_names

    def gen():
        for attrs, wkb in rows:
            values = [
                None if s is None else _convert(attrs[s], t, c) for s, t, c in zip(sources, types, cols)
            ]
            more = {name: _plain(attrs[i]) for i, name in extra}
            yield values, (more or None), None, wkb

    return gen(), [n for _i, n in extra]


def _now(cur) -> Tuple[datetime, str]:
    cur.execute("SELECT now(), session_user")
    t, user = cur.fetchone()
    return t, user


def check_schema(cur) -> int:
    """The database's schema version; an ``InputError`` when it has none or an older one."""
    from .schema import SCHEMA_VERSION

    cur.execute("SELECT to_regclass('swc.schema_version') IS NOT NULL")
    if not cur.fetchone()[0]:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The database has no SWC schema: the province sets it up first (see docs/database.md).",
            )
        )
    cur.execute("SELECT coalesce(max(version), 0) FROM swc.schema_version")
    version = int(cur.fetchone()[0])
    if version < SCHEMA_VERSION:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The database schema is at version {have}; this plugin needs {need}: ask the province "
                "to apply the migrations.",
            ),
            have=version,
            need=SCHEMA_VERSION,
        )
    return version


def insert_publication(
    cur,
    k: Kind,
    adcode: str,
    year: int,
    records: Iterable[Record],
    *,
    algorithm: str,
    parameters: Mapping[str, Any],
    plugin_version: str,
    status: str = "published",
    pub_id: Optional[str] = None,
    published_by: Optional[str] = None,
    published_at: Optional[datetime] = None,
    source: str = "connection",
    extra_fields: Sequence[str] = (),
    progress: ProgressFn = None,
    is_cancelled: CancelFn = None,
    total: Optional[int] = None,
    batch: int = 500,
) -> PublishResult:
    """Steps 1–3 of a publish inside the caller's transaction (the caller commits or rolls back)."""
    from psycopg2.extras import Json, execute_values

    pub_id = str(pub_id or uuid.uuid4())
    year = int(year)
    cur.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (f"{k.key}/{adcode}/{year}",))
    now, session = _now(cur)
    t = published_at or now
    who = published_by or session
    params_json = json.dumps(scrub(parameters), ensure_ascii=False, default=str)

    # the versions this one replaces (or, for an old package, the version that replaces it)
    chain = ("draft", "published") if status == "published" else ("draft",)
    cur.execute(
        "SELECT min(valid_from) FROM swc.publications WHERE kind = %s AND adcode = %s AND year = %s "
        "AND pub_status = %s AND valid_from > %s",
        (k.key, adcode, year, status, t),
    )
    valid_to = cur.fetchone()[0]
    cur.execute(
        "SELECT pub_id::text FROM swc.publications WHERE kind = %s AND adcode = %s AND year = %s "
        "AND pub_status = ANY(%s) AND valid_from <= %s AND (valid_to IS NULL OR valid_to > %s)",
        (k.key, adcode, year, list(chain), t, t),
    )
    closed = [r[0] for r in cur.fetchall()]
    if closed:
        cur.execute("UPDATE swc.publications SET valid_to = %s WHERE pub_id = ANY(%s::uuid[])", (t, closed))
        cur.execute(
            f"UPDATE swc.{k.table} SET valid_to = %s WHERE pub_id = ANY(%s::uuid[]) "
            "AND (valid_to IS NULL OR valid_to > %s)",
            (t, closed, t),
        )

    # units by name under the county (and the county itself)
    units: Dict[str, str] = {}
    if k.unit_column:
        cur.execute(
            "SELECT name, adcode FROM swc.units WHERE parent_adcode = %s OR adcode = %s ORDER BY level DESC",
            (adcode, adcode),
        )
        for name, code in cur.fetchall():
            units.setdefault(name, code)
    unit_idx = k.column_names.index(k.unit_column) if k.unit_column else None

    meta = [n for n in META_NAMES if n not in ("row_id", "geom")]
    columns = meta + list(k.column_names) + (["geom"] if k.geometry else [])
    if k.geometry:
        wrap = "ST_Multi(%s)" if k.geometry.startswith("Multi") else "%s"
        geom_sql = wrap % f"ST_Force2D(ST_GeomFromWKB(%s, {SRID}))"
    placeholders = ["%s"] * (len(meta) + len(k.columns)) + ([geom_sql] if k.geometry else [])
    template = "(" + ", ".join(placeholders) + ")"
    sql = f"INSERT INTO swc.{k.table} ({', '.join(quote_ident(c) for c in columns)}) VALUES %s"
    head = [pub_id, adcode, year, status, algorithm, params_json, plugin_version, who, t, t, valid_to]

    n = 0
    unmatched = 0
    page: List[Tuple[Any, ...]] = []

    def flush() -> None:
        if page:
            execute_values(cur, sql, page, template=template, page_size=len(page))
            page.clear()

    import psycopg2

    for values, extra, unit_adcode, wkb in records:
        if unit_adcode is None and unit_idx is not None:
            name = values[unit_idx]
            unit_adcode = units.get(str(name)) if name is not None else None
            if unit_adcode is None and name is not None:
                unmatched += 1
        row = head + [unit_adcode, Json(extra) if extra else None] + list(values)
        if k.geometry:
            row.append(psycopg2.Binary(wkb) if wkb else None)
        page.append(tuple(row))
        n += 1
        if len(page) >= batch:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            flush()
            if progress is not None and total:
                progress(min(1.0, n / total))
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()
    flush()

    cur.execute(
        "INSERT INTO swc.publications (pub_id, kind, adcode, year, pub_status, algorithm, parameters, "
        "plugin_version, published_by, published_at, valid_from, valid_to, n_rows, source, imported_by, "
        "imported_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (
            pub_id,
            k.key,
            adcode,
            year,
            status,
            algorithm,
            params_json,
            plugin_version,
            who,
            t,
            t,
            valid_to,
            n,
            source,
            session if source == "package" else None,
            now if source == "package" else None,
        ),
    )
    cur.execute("SELECT published_at FROM swc.publications WHERE pub_id = %s", (pub_id,))
    stamped = cur.fetchone()[0]
    return PublishResult(
        pub_id=pub_id,
        kind=k.key,
        adcode=adcode,
        year=year,
        status=status,
        n_rows=n,
        published_at=stamped.isoformat(),
        closed=closed,
        extra_fields=list(extra_fields),
        unmatched_units=unmatched,
    )


def publish(
    conn,
    kind_key: str,
    adcode: str,
    year: int,
    names: Sequence[str],
    rows: Iterable[Tuple[Sequence[Any], Optional[bytes]]],
    *,
    algorithm: Optional[str] = None,
    parameters: Optional[Mapping[str, Any]] = None,
    plugin_version: str,
    status: str = "published",
    total: Optional[int] = None,
    progress: ProgressFn = None,
    is_cancelled: CancelFn = None,
    batch: int = 500,
) -> PublishResult:
    """Publish a layer's rows (field ``names``, ``(attributes, wkb in EPSG:4490)`` rows) in one transaction.

    ``algorithm`` defaults to the kind's first producing algorithm; ``parameters`` are that
    algorithm's parameters (secrets are dropped).  Raises ``InputError`` for a bad key, a value of the
    wrong type, a database without the schema or a permission the role lacks (row-level security);
    ``Cancelled`` after rolling back.
    """
    import psycopg2

    k = check_key(kind_key, adcode, year, status)
    records, extra = records_from_rows(k, names, rows)
    conn.autocommit = False
    try:
        with conn.cursor() as cur:
            check_schema(cur)
            result = insert_publication(
                cur,
                k,
                adcode,
                year,
                records,
                algorithm=algorithm or k.algorithms[0],
                parameters=parameters or {},
                plugin_version=plugin_version,
                status=status,
                extra_fields=extra,
                progress=progress,
                is_cancelled=is_cancelled,
                total=total,
                batch=batch,
            )
        conn.commit()
    except psycopg2.Error as exc:
        conn.rollback()
        raise database_error(exc, k.key, adcode) from exc
    except BaseException:
        conn.rollback()
        raise
    return result


def database_error(exc, kind_key: str, adcode: str) -> InputError:
    """A database error as an ``InputError`` that says what it means for the user."""
    code = getattr(exc, "pgcode", None) or ""
    text = (getattr(exc, "pgerror", None) or str(exc)).strip().splitlines()[0] if str(exc).strip() else ""
    if code in ("42501",):  # insufficient_privilege, including row-level security
        return InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The database refused to write {kind} for {adcode}: your role may only write its own "
                "county's rows ({reason}).",
            ),
            kind=kind_key,
            adcode=adcode,
            reason=text,
        )
    return InputError(
        QT_TRANSLATE_NOOP("SwcCore", "The database refused the publish of {kind} for {adcode}: {reason}"),
        kind=kind_key,
        adcode=adcode,
        reason=text,
    )
