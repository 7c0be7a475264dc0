"""psycopg2 connections from connection parts, and a description of them that never shows the password.

The algorithm layer turns a QGIS connection name or an authentication configuration into parts
(``host``, ``port``, ``dbname``, ``user``, ``password``, ``service``, ``sslmode``); the password
lives only in the memory of that one call.  Without a password libpq falls back to the user's
``~/.pgpass``, a ``pg_service.conf`` service, peer or Kerberos authentication, as psql would.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from ..errors import QT_TRANSLATE_NOOP, InputError

_KEYS = ("service", "host", "port", "dbname", "user", "password", "sslmode", "connect_timeout")
#: Keys (and substrings of keys) that are never written to a table, a log or a project.
SECRET_KEYS = ("password", "passwd", "pwd", "authcfg", "secret", "token")


def conninfo(parts: Mapping[str, Any]) -> Dict[str, str]:
    """libpq keyword/value pairs from ``parts``, without empty values."""
    out: Dict[str, str] = {}
    for key in _KEYS:
        value = parts.get(key)
        if value is None or value == "":
            continue
        out[key] = str(value)
    if "dbname" not in out and "service" not in out:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The database connection names no database (dbname or service).")
        )
    out.setdefault("connect_timeout", "15")
    return out


def describe(parts: Mapping[str, Any]) -> str:
    """``user@host:port/dbname`` (or the service) for messages: never the password."""
    if parts.get("service"):
        return f"service={parts['service']}"
    host = parts.get("host") or "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    user = f"{parts['user']}@" if parts.get("user") else ""
    return f"{user}{host}{port}/{parts.get('dbname', '')}"


def connect(parts: Mapping[str, Any], application_name: str = "swc_planner"):
    """A psycopg2 connection (autocommit off); an ``InputError`` saying why when it fails."""
    try:
        import psycopg2
    except ImportError as exc:  # pragma: no cover - psycopg2 ships with Debian's QGIS
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "The Python module psycopg2 is missing (Debian: apt-get install python3-psycopg2)."
            )
        ) from exc
    info = conninfo(parts)
    try:
        conn = psycopg2.connect(application_name=application_name, **info)
    except psycopg2.Error as exc:
        message = str(exc).strip()
        password = info.get("password")
        if password:
            message = message.replace(password, "***")
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "Cannot connect to the database {where}: {reason}"),
            where=describe(info),
            reason=message,
        ) from exc
    conn.autocommit = False
    return conn


def scrub(parameters: Optional[Mapping[str, Any]]) -> Dict[str, Any]:
    """A copy of algorithm parameters without anything that looks like a secret.

    Keys containing ``password``, ``authcfg``, ... are dropped; a value that is a connection string
    with ``password=`` loses that part.
    """
    out: Dict[str, Any] = {}
    for key, value in (parameters or {}).items():
        if any(s in str(key).lower() for s in SECRET_KEYS):
            continue
        if isinstance(value, str) and "password=" in value.lower():
            value = " ".join(p for p in value.split() if not p.lower().startswith("password="))
        elif isinstance(value, Mapping):
            value = scrub(value)
        out[str(key)] = value
    return out
