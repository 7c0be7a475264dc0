"""The province's set-up: county roles, login users, units, settings (run as the database's administrator)."""

from __future__ import annotations

import re
from typing import Any, Iterable, List, Optional, Sequence, Tuple

from ..errors import QT_TRANSLATE_NOOP, InputError
from .schema import LEVELS, SRID

_ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _check_role(name: str) -> str:
    if not _ROLE.match(name or ""):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "A role name is lower-case letters, digits and _ (at most 63), not \u201c{name}\u201d.",
            ),
            name=name,
        )
    return name


def add_county_role(conn, adcode: str, role: Optional[str] = None) -> str:
    """The NOLOGIN role of a county (``swc_county_<adcode>``), created if absent; returns its name."""
    with conn.cursor() as cur:
        cur.execute("SELECT swc.add_county_role(%s, %s)", (adcode, _check_role(role) if role else None))
        name = cur.fetchone()[0]
    conn.commit()
    return name


def add_login(
    conn,
    user: str,
    password: Optional[str] = None,
    *,
    county: Optional[str] = None,
    province: bool = False,
) -> None:
    """A login user in a county's role (created with :func:`add_county_role` if needed) or the province's.

    ``password`` is sent to the server as a literal of ``CREATE ROLE`` (the server stores it as a
    SCRAM hash); leave it None for users that authenticate otherwise (peer, Kerberos, certificates).
    """
    from psycopg2 import sql

    _check_role(user)
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (user,))
        exists = cur.fetchone() is not None
        if not exists:
            cur.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(user)))
        if password is not None:
            cur.execute(sql.SQL("ALTER ROLE {} PASSWORD %s").format(sql.Identifier(user)), (password,))
        if county:
            cur.execute("SELECT swc.add_county_role(%s, NULL)", (county,))
            group = cur.fetchone()[0]
            cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(user)))
        if province:
            cur.execute(sql.SQL("GRANT swc_province TO {}").format(sql.Identifier(user)))
    conn.commit()


def set_setting(conn, key: str, value: Any) -> None:
    """Set a switch in ``swc.settings`` (e.g. ``county_reads_published`` = true)."""
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO swc.settings (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (key, str(value).lower()),
        )
    conn.commit()


def load_units(conn, units: Iterable[Tuple[str, str, str, Optional[str], Optional[bytes]]]) -> int:
    """Insert or update units ``(adcode, name, level, parent_adcode, wkb in EPSG:4490)``; one transaction."""
    import psycopg2

    rows: List[Tuple[Any, ...]] = []
    for adcode, name, level, parent, wkb in units:
        if level not in LEVELS:
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "Unknown unit level {level}; use one of {levels}."),
                level=level,
                levels=", ".join(LEVELS),
            )
        rows.append(
            (
                str(adcode),
                str(name),
                level,
                str(parent) if parent else None,
                psycopg2.Binary(wkb) if wkb else None,
            )
        )
    with conn.cursor() as cur:
        for row in rows:
            cur.execute(
                "INSERT INTO swc.units (adcode, name, level, parent_adcode, geom) "
                f"VALUES (%s, %s, %s, %s, ST_Multi(ST_Force2D(ST_GeomFromWKB(%s, {SRID})))) "
                "ON CONFLICT (adcode) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, "
                "parent_adcode = EXCLUDED.parent_adcode, geom = EXCLUDED.geom, updated_at = now(), "
                "updated_by = session_user",
                row,
            )
    conn.commit()
    return len(rows)


def units_from_layers(
    path: str,
    layers: Sequence[Tuple[str, str, str, str, Optional[str]]],
) -> List[Tuple[str, str, str, Optional[str], Optional[bytes]]]:
    """Units read with OGR: ``[(layer, level, adcode field, name field, parent adcode field or None)]``.

    Geometries are transformed to EPSG:4490.  For the shared Hebei file:
    ``("province", "province", "province_adcode", "province_name", None)``,
    ``("cities", "city", "city_adcode", "city_name", "province_adcode")``,
    ``("counties", "county", "district_adcode", "district_name", "city_adcode")``.
    """
    from osgeo import ogr, osr

    ogr.UseExceptions()
    ds = ogr.Open(path)
    target = osr.SpatialReference()
    target.ImportFromEPSG(SRID)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    out = []
    for layer_name, level, code_field, name_field, parent_field in layers:
        layer = ds.GetLayerByName(layer_name)
        if layer is None:
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "{path} has no layer {layer}."), path=path, layer=layer_name
            )
        source = layer.GetSpatialRef()
        transform = None
        if source is not None:
            source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            if not source.IsSame(target):
                transform = osr.CoordinateTransformation(source, target)
        for feat in layer:
            geom = feat.GetGeometryRef()
            wkb = None
            if geom is not None:
                geom = geom.Clone()
                if transform is not None:
                    geom.Transform(transform)
                wkb = bytes(geom.ExportToIsoWkb())
            parent = feat.GetField(parent_field) if parent_field else None
            out.append((str(feat.GetField(code_field)), str(feat.GetField(name_field)), level, parent, wkb))
    return out
