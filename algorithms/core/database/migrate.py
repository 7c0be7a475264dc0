"""Versioned schema migrations: ``resources/db/NNN_name.sql`` applied in order, recorded in ``swc.schema_version``.

Each file runs in its own transaction (PostgreSQL DDL is transactional: a failing file leaves the
database at the previous version).  A session advisory lock keeps two administrators from
migrating at once.  An applied file whose text changed since is refused (its SHA-256 is stored),
so the schema in a database is always the one the files describe.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple

from ..errors import QT_TRANSLATE_NOOP, InputError

#: ``resources/db`` of the plugin.
MIGRATION_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))),
    "resources",
    "db",
)
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
#: Advisory lock key of the migration (any constant; "swc" + 1).
_LOCK = 0x73776301


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def migrations(folder: str = MIGRATION_DIR) -> List[Migration]:
    """The migration files in version order (numbers must run 1, 2, 3, ... without gaps)."""
    out = []
    for name in sorted(os.listdir(folder)):
        m = _NAME.match(name)
        if not m:
            continue
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as handle:
            out.append(Migration(int(m.group(1)), m.group(2), path, handle.read()))
    for i, mig in enumerate(out, start=1):
        if mig.version != i:
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "The migrations in {folder} skip version {version}."),
                folder=folder,
                version=i,
            )
    return out


_BOOTSTRAP = """
CREATE SCHEMA IF NOT EXISTS swc;
CREATE TABLE IF NOT EXISTS swc.schema_version (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT session_user
);
COMMENT ON TABLE swc.schema_version IS 'SWC Planner schema migrations applied (resources/db/NNN_*.sql)';
"""


def current_version(conn) -> int:
    """The highest applied migration (0 for a database without the schema)."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('swc.schema_version') IS NOT NULL")
        if not cur.fetchone()[0]:
            conn.rollback()
            return 0
        cur.execute("SELECT coalesce(max(version), 0) FROM swc.schema_version")
        version = int(cur.fetchone()[0])
    conn.rollback()
    return version


def migrate(
    conn,
    target: Optional[int] = None,
    folder: str = MIGRATION_DIR,
    log: Optional[Callable[[str], None]] = None,
) -> List[Tuple[int, str]]:
    """Apply the pending migrations up to ``target`` (default: all); returns ``[(version, name)]`` applied.

    ``conn`` is a psycopg2 connection of a role that may create schemas, tables and roles (the
    province's DBA; PostGIS must be installed or the role must be allowed to create it).
    """
    files = migrations(folder)
    if target is None:
        target = len(files)
    applied: List[Tuple[int, str]] = []
    conn.autocommit = False
    with conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_lock(%s)", (_LOCK,))
    try:
        with conn.cursor() as cur:
            cur.execute(_BOOTSTRAP)
            cur.execute("SELECT version, checksum FROM swc.schema_version ORDER BY version")
            done = dict(cur.fetchall())
        conn.commit()
        for mig in files:
            if mig.version in done:
                if done[mig.version] != mig.checksum:
                    raise InputError(
                        QT_TRANSLATE_NOOP(
                            "SwcCore",
                            "Migration {version} ({path}) was changed after it was applied to this "
                            "database; restore the file or write a new migration.",
                        ),
                        version=mig.version,
                        path=mig.path,
                    )
                continue
            if mig.version > target:
                break
            if log:
                log(f"applying {os.path.basename(mig.path)}")
            try:
                with conn.cursor() as cur:
                    cur.execute(mig.sql)
                    cur.execute(
                        "INSERT INTO swc.schema_version (version, name, checksum) VALUES (%s, %s, %s)",
                        (mig.version, mig.name, mig.checksum),
                    )
                conn.commit()
            except Exception:
                conn.rollback()
                raise
            applied.append((mig.version, mig.name))
    finally:
        conn.rollback()
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_unlock(%s)", (_LOCK,))
        conn.commit()
    return applied
