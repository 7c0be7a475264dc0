"""Offline exchange: the database schema as a GeoPackage a county writes and the province imports.

A package holds the same tables as the database, named without the schema: ``swc_publications``
(one row per publish, the same columns as ``swc.publications``), one table per result kind with the
metadata columns and the kind's columns (``schema.py``), geometries in EPSG:4490, and
``swc_schema_version``.  JSON columns (``parameters``, ``extra``) are JSON text, times are ISO 8601
text with their UTC offset, ``pub_id`` is the UUID text.  QGIS opens a package as any GeoPackage.

Exporting appends a publication in one SQLite transaction (a killed export leaves the package as it
was) and closes the previous version of the same kind, county and year inside the package, as a
publish does in the database.  Importing inserts, in one database transaction, every publication of
the package whose ``pub_id`` the database does not hold yet, at its own time: importing the same
package twice changes nothing.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from osgeo import gdal, ogr, osr

from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from .connect import scrub
from .publish import (
    CancelFn,
    ProgressFn,
    PublishResult,
    Record,
    check_key,
    check_schema,
    database_error,
    insert_publication,
    records_from_rows,
)
from .schema import BIGINT, INT, REAL, SCHEMA_VERSION, SRID, Kind
from .schema import kind as get_kind

PUBLICATIONS = "swc_publications"
VERSION_TABLE = "swc_schema_version"

_OGR_TYPES = {REAL: ogr.OFTReal, INT: ogr.OFTInteger, BIGINT: ogr.OFTInteger64}
_GEOM_TYPES = {
    "MultiPolygon": ogr.wkbMultiPolygon,
    "MultiLineString": ogr.wkbMultiLineString,
    "Point": ogr.wkbPoint,
    "Geometry": ogr.wkbUnknown,
}
_PUB_FIELDS: Tuple[Tuple[str, int], ...] = (
    ("pub_id", ogr.OFTString),
    ("kind", ogr.OFTString),
    ("adcode", ogr.OFTString),
    ("year", ogr.OFTInteger),
    ("pub_status", ogr.OFTString),
    ("algorithm", ogr.OFTString),
    ("parameters", ogr.OFTString),
    ("plugin_version", ogr.OFTString),
    ("published_by", ogr.OFTString),
    ("published_at", ogr.OFTString),
    ("valid_from", ogr.OFTString),
    ("valid_to", ogr.OFTString),
    ("n_rows", ogr.OFTInteger),
    ("source", ogr.OFTString),
)
_META_FIELDS: Tuple[Tuple[str, int], ...] = (
    ("pub_id", ogr.OFTString),
    ("adcode", ogr.OFTString),
    ("year", ogr.OFTInteger),
    ("pub_status", ogr.OFTString),
    ("algorithm", ogr.OFTString),
    ("parameters", ogr.OFTString),
    ("plugin_version", ogr.OFTString),
    ("published_by", ogr.OFTString),
    ("published_at", ogr.OFTString),
    ("valid_from", ogr.OFTString),
    ("valid_to", ogr.OFTString),
    ("unit_adcode", ogr.OFTString),
    ("extra", ogr.OFTString),
)


@dataclass
class ImportedPublication:
    pub_id: str
    kind: str
    adcode: str
    year: int
    status: str
    n_rows: int
    imported: bool  # False: the database held it already


def _srs() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(SRID)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _open(path: str, update: bool):
    gdal.UseExceptions()
    ogr.UseExceptions()
    if update and not os.path.exists(path):
        return ogr.GetDriverByName("GPKG").CreateDataSource(path)
    try:
        return ogr.Open(path, 1 if update else 0)
    except RuntimeError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "Cannot open the package {path}: {reason}"),
            path=path,
            reason=str(exc),
        ) from exc


def _table(ds, name: str, fields: Sequence[Tuple[str, int]], geom_type: Optional[int] = None):
    layer = ds.GetLayerByName(name)
    if layer is not None:
        return layer
    if geom_type is None:
        layer = ds.CreateLayer(name, geom_type=ogr.wkbNone, options=["FID=fid"])
    else:
        layer = ds.CreateLayer(name, _srs(), geom_type, options=["FID=fid", "GEOMETRY_NAME=geom"])
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, ftype))
    return layer


def _kind_fields(k: Kind) -> List[Tuple[str, int]]:
    return list(_META_FIELDS) + [(name, _OGR_TYPES.get(sql, ogr.OFTString)) for name, sql in k.columns]


def _iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat()


def _quote(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def export_package(
    path: str,
    kind_key: str,
    adcode: str,
    year: int,
    names: Sequence[str],
    rows: Iterable[Tuple[Sequence[Any], Optional[bytes]]],
    *,
    algorithm: Optional[str] = None,
    parameters: Optional[Mapping[str, Any]] = None,
    plugin_version: str,
    published_by: str,
    status: str = "published",
    total: Optional[int] = None,
    progress: ProgressFn = None,
    is_cancelled: CancelFn = None,
) -> PublishResult:
    """Append a publication (rows with WKB in EPSG:4490) to the package ``path`` (created if absent)."""
    k = check_key(kind_key, adcode, year, status)
    records, extra = records_from_rows(k, names, rows)
    ds = _open(path, update=True)
    pub_id = str(uuid.uuid4())
    t = _iso(datetime.now(timezone.utc))
    params_json = json.dumps(scrub(parameters), ensure_ascii=False, default=str)
    algorithm = algorithm or k.algorithms[0]
    try:
        version = _table(ds, VERSION_TABLE, [("version", ogr.OFTInteger), ("name", ogr.OFTString)])
        pubs = _table(ds, PUBLICATIONS, _PUB_FIELDS)
        data = _table(ds, k.table, _kind_fields(k), _GEOM_TYPES[k.geometry] if k.geometry else None)
        have = {
            f.name
            for f in [data.GetLayerDefn().GetFieldDefn(i) for i in range(data.GetLayerDefn().GetFieldCount())]
        }
        for name, ftype in _kind_fields(k):  # a package written by an older plugin
            if name not in have:
                data.CreateField(ogr.FieldDefn(name, ftype))
        ds.StartTransaction(force=True)
        version.ResetReading()
        if version.GetFeatureCount() == 0:
            feat = ogr.Feature(version.GetLayerDefn())
            feat.SetField("version", SCHEMA_VERSION)
            feat.SetField("name", "swc_planner")
            version.CreateFeature(feat)
        # close the current version(s) of the same key inside the package
        chain = ("draft", "published") if status == "published" else ("draft",)
        pubs.SetAttributeFilter(
            f"kind = {_quote(k.key)} AND adcode = {_quote(adcode)} AND year = {int(year)} AND valid_to IS NULL "
            f"AND pub_status IN ({', '.join(_quote(s) for s in chain)})"
        )
        closed = []
        for feat in list(pubs):
            feat.SetField("valid_to", t)
            pubs.SetFeature(feat)
            closed.append(feat.GetField("pub_id"))
        pubs.SetAttributeFilter(None)
        for old in closed:
            data.SetAttributeFilter(f"pub_id = {_quote(old)} AND valid_to IS NULL")
            for feat in list(data):
                feat.SetField("valid_to", t)
                data.SetFeature(feat)
        data.SetAttributeFilter(None)
        defn = data.GetLayerDefn()
        n = 0
        for values, more, unit_adcode, wkb in records:
            feat = ogr.Feature(defn)
            for fname, value in (
                ("pub_id", pub_id),
                ("adcode", adcode),
                ("year", int(year)),
                ("pub_status", status),
                ("algorithm", algorithm),
                ("parameters", params_json),
                ("plugin_version", plugin_version),
                ("published_by", published_by),
                ("published_at", t),
                ("valid_from", t),
                ("unit_adcode", unit_adcode),
                ("extra", json.dumps(more, ensure_ascii=False) if more else None),
            ):
                if value is not None:
                    feat.SetField(fname, value)
            for name, value in zip(k.column_names, values):
                if value is not None:
                    feat.SetField(name, value)
            if k.geometry and wkb:
                geom = ogr.CreateGeometryFromWkb(bytes(wkb))
                if k.geometry == "MultiPolygon":
                    geom = ogr.ForceToMultiPolygon(geom)
                elif k.geometry == "MultiLineString":
                    geom = ogr.ForceToMultiLineString(geom)
                feat.SetGeometry(geom)
            data.CreateFeature(feat)
            n += 1
            if n % 500 == 0:
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled()
                if progress is not None and total:
                    progress(min(1.0, n / total))
        feat = ogr.Feature(pubs.GetLayerDefn())
        for fname, value in (
            ("pub_id", pub_id),
            ("kind", k.key),
            ("adcode", adcode),
            ("year", int(year)),
            ("pub_status", status),
            ("algorithm", algorithm),
            ("parameters", params_json),
            ("plugin_version", plugin_version),
            ("published_by", published_by),
            ("published_at", t),
            ("valid_from", t),
            ("n_rows", n),
            ("source", "package"),
        ):
            feat.SetField(fname, value)
        pubs.CreateFeature(feat)
        ds.CommitTransaction()
    except BaseException:
        try:
            ds.RollbackTransaction()
        except RuntimeError:
            pass
        raise
    finally:
        ds = None
    return PublishResult(pub_id, k.key, adcode, int(year), status, n, t, closed, extra)


def read_publications(path: str) -> List[Dict[str, Any]]:
    """The publications of a package, oldest first."""
    ds = _open(path, update=False)
    layer = ds.GetLayerByName(PUBLICATIONS)
    if layer is None:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "{path} is not an SWC Planner package (it has no {table} table)."),
            path=path,
            table=PUBLICATIONS,
        )
    version = ds.GetLayerByName(VERSION_TABLE)
    if version is not None:
        for feat in version:
            if int(feat.GetField("version") or 0) > SCHEMA_VERSION:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore",
                        "The package {path} was written by a newer plugin (schema {version}); update the plugin.",
                    ),
                    path=path,
                    version=feat.GetField("version"),
                )
    out = [{name: feat.GetField(name) for name, _t in _PUB_FIELDS} for feat in layer]
    out.sort(key=lambda p: (p["published_at"] or "", p["pub_id"]))
    return out


def _records(ds, k: Kind, pub_id: str) -> List[Record]:
    layer = ds.GetLayerByName(k.table)
    if layer is None:
        return []
    layer.SetAttributeFilter(f"pub_id = {_quote(pub_id)}")
    defn = layer.GetLayerDefn()
    present = {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}
    out: List[Record] = []
    for feat in layer:
        values = [
            feat.GetField(name) if name in present and feat.IsFieldSetAndNotNull(name) else None
            for name in k.column_names
        ]
        extra_text = feat.GetField("extra") if feat.IsFieldSetAndNotNull("extra") else None
        extra = json.loads(extra_text) if extra_text else None
        unit = feat.GetField("unit_adcode") if feat.IsFieldSetAndNotNull("unit_adcode") else None
        geom = feat.GetGeometryRef()
        wkb = bytes(geom.ExportToIsoWkb()) if geom is not None and not geom.IsEmpty() else None
        out.append((values, extra, unit, wkb))
    layer.SetAttributeFilter(None)
    return out


def import_package(
    conn, path: str, progress: ProgressFn = None, is_cancelled: CancelFn = None
) -> List[ImportedPublication]:
    """Insert the package's publications the database lacks, all in one transaction; idempotent."""
    import psycopg2

    pubs = read_publications(path)
    ds = _open(path, update=False)
    done: List[ImportedPublication] = []
    conn.autocommit = False
    current = ("", "")
    try:
        with conn.cursor() as cur:
            check_schema(cur)
            cur.execute("SELECT swc.is_province()")
            province = bool(cur.fetchone()[0])
            ids = [p["pub_id"] for p in pubs]
            cur.execute("SELECT pub_id::text FROM swc.publications WHERE pub_id = ANY(%s::uuid[])", (ids,))
            known = {r[0] for r in cur.fetchall()}
            for i, p in enumerate(pubs):
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled()
                current = (p["kind"], p["adcode"])
                k = get_kind(p["kind"])
                check_key(k.key, p["adcode"], p["year"], p["pub_status"])
                if p["pub_id"] in known:
                    done.append(
                        ImportedPublication(
                            p["pub_id"], k.key, p["adcode"], p["year"], p["pub_status"], p["n_rows"], False
                        )
                    )
                    continue
                records = _records(ds, k, p["pub_id"])
                if len(records) != int(p["n_rows"] or 0):
                    raise InputError(
                        QT_TRANSLATE_NOOP(
                            "SwcCore",
                            "The package {path} is damaged: publication {pub} lists {n} rows, the table {table} "
                            "holds {m}.",
                        ),
                        path=path,
                        pub=p["pub_id"],
                        n=p["n_rows"],
                        table=k.table,
                        m=len(records),
                    )
                insert_publication(
                    cur,
                    k,
                    p["adcode"],
                    int(p["year"]),
                    records,
                    algorithm=p["algorithm"],
                    parameters=json.loads(p["parameters"] or "{}"),
                    plugin_version=p["plugin_version"],
                    status=p["pub_status"],
                    pub_id=p["pub_id"],
                    published_by=p["published_by"],
                    published_at=datetime.fromisoformat(p["published_at"]) if province else None,
                    source="package",
                )
                done.append(
                    ImportedPublication(
                        p["pub_id"], k.key, p["adcode"], p["year"], p["pub_status"], len(records), True
                    )
                )
                if progress is not None:
                    progress((i + 1) / len(pubs))
        conn.commit()
    except psycopg2.Error as exc:
        conn.rollback()
        raise database_error(exc, *current) from exc
    except BaseException:
        conn.rollback()
        raise
    finally:
        ds = None
    return done
