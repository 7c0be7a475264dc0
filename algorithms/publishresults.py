"""swcplanner:publishresults — one result layer or table into the provincial PostGIS database, in one transaction.

Also the shared plumbing of the database algorithms (``exportpackage``, ``importpackage``,
``provincerollup``): the connection from a QGIS connection name or an authentication configuration,
the kind parameter, and the reading of a layer into plain rows for the core.
"""

from __future__ import annotations

import configparser
import datetime as dt
import json
import os
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
    QgsProviderRegistry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime, QTime, QVariant

from . import outputs, params
from .base import SwcAlgorithm
from .core.database import publish as db_publish
from .core.database.connect import connect, describe
from .core.database.schema import KINDS, SRID
from .core.errors import SwcError

GROUP_DATABASE = "database"


def plugin_version() -> str:
    """``version`` of metadata.txt."""
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(os.path.join(params.PLUGIN_DIR, "metadata.txt"), encoding="utf-8")
    return meta.get("general", "version", fallback="unknown")


def plain(value: Any) -> Any:
    """A QGIS attribute as a plain Python value (NULL → None, dates → ISO text)."""
    if isinstance(value, QVariant):
        if value.isNull():
            return None
        value = value.value()
    if value is None:
        return None
    if isinstance(value, QDateTime):
        return value.toString("yyyy-MM-ddTHH:mm:ss") if value.isValid() else None
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd") if value.isValid() else None
    if isinstance(value, QTime):
        return value.toString("HH:mm:ss") if value.isValid() else None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class DatabaseAlgorithm(SwcAlgorithm):
    """Base of the database algorithms: group, connection parameters, the kind list."""

    GROUP_ID = GROUP_DATABASE
    DATABASE = "DATABASE"
    AUTHCFG = "AUTHCFG"

    def group(self) -> str:
        return self.tr("Provincial database")

    # -- parameters ------------------------------------------------------------------------------
    def add_connection_parameters(self, optional: bool = False) -> None:
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                self.DATABASE,
                self.tr("Database (a PostgreSQL connection saved in QGIS)"),
                "postgres",
                optional=optional,
            )
        )
        self.addParameter(
            QgsProcessingParameterAuthConfig(
                self.AUTHCFG,
                self.tr("Authentication configuration (user name and password; overrides the connection's)"),
                optional=True,
            )
        )

    def kind_names(self) -> List[str]:
        return [f"{k.key} — {QCoreApplication.translate('SwcCore', k.label)}" for k in KINDS]

    # -- the connection --------------------------------------------------------------------------
    def connection_parts(self, parameters: Dict[str, Any], context) -> Dict[str, Any]:
        """libpq parts from the QGIS connection and the authentication configuration.

        The password stays in this dictionary (memory of this run): never logged, never stored.
        """
        name = self.parameterAsConnectionName(parameters, self.DATABASE, context)
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        if not name:
            raise QgsProcessingException(self.tr("Choose the database connection (DATABASE)."))
        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        try:
            connection = metadata.findConnection(name)
        except Exception:  # noqa: BLE001 - QgsProviderConnectionException
            connection = None
        if connection is None:
            known = ", ".join(sorted(metadata.connections().keys())) or self.tr("none")
            raise QgsProcessingException(
                self.tr(
                    "There is no PostgreSQL connection named \u201c{name}\u201d in this QGIS profile (known: "
                    "{known}). Add it in the Browser panel (PostgreSQL ▸ New Connection)."
                ).format(name=name, known=known)
            )
        uri = QgsDataSourceUri(connection.uri())
        parts: Dict[str, Any] = {
            "service": uri.service(),
            "host": uri.host(),
            "port": uri.port(),
            "dbname": uri.database(),
            "user": uri.username(),
            "password": uri.password(),
        }
        ssl = {
            QgsDataSourceUri.SslMode.SslDisable: "disable",
            QgsDataSourceUri.SslMode.SslAllow: "allow",
            QgsDataSourceUri.SslMode.SslRequire: "require",
            QgsDataSourceUri.SslMode.SslVerifyCa: "verify-ca",
            QgsDataSourceUri.SslMode.SslVerifyFull: "verify-full",
        }.get(uri.sslMode())
        if ssl:
            parts["sslmode"] = ssl
        authcfg = authcfg or uri.authConfigId()
        if authcfg:
            parts.update(self.credentials(authcfg))
        return parts

    def credentials(self, authcfg: str) -> Dict[str, str]:
        """User name and password of a Basic authentication configuration (QgsAuthManager)."""
        manager = QgsApplication.authManager()
        config = QgsAuthMethodConfig()
        ok = manager.loadAuthenticationConfig(authcfg, config, True)
        if isinstance(ok, tuple):  # some bindings return (ok, config)
            ok, config = ok[0], ok[1]
        if not ok or not config.isValid():
            raise QgsProcessingException(
                self.tr(
                    "The authentication configuration {id} cannot be read (wrong id, or the master password "
                    "was not given)."
                ).format(id=authcfg)
            )
        if config.method() != "Basic":
            raise QgsProcessingException(
                self.tr(
                    "The authentication configuration {id} uses the method {method}; the database algorithms "
                    "read Basic (user name and password) configurations. Use a libpq service or ~/.pgpass for "
                    "other methods."
                ).format(id=authcfg, method=config.method())
            )
        out = {"user": config.config("username"), "password": config.config("password")}
        return {k: v for k, v in out.items() if v}

    def open_connection(self, parameters, context, feedback):
        parts = self.connection_parts(parameters, context)
        try:
            conn = connect(parts)
        except SwcError as exc:
            raise self.fail(self.core_message(exc)) from exc
        feedback.pushInfo(self.tr("Connected to {where}.").format(where=describe(parts)))
        return conn

    def core_message(self, exc: SwcError) -> str:
        from .base import translate_core_error

        return translate_core_error(exc)


class LayerResultAlgorithm(DatabaseAlgorithm):
    """A result layer with its kind, county and year: the inputs publishresults and exportpackage share."""

    INPUT = "INPUT"
    KIND = "KIND"
    ADCODE = "ADCODE"
    YEAR = "YEAR"
    DRAFT = "DRAFT"
    SOURCE_ALGORITHM = "SOURCE_ALGORITHM"
    SOURCE_PARAMETERS = "SOURCE_PARAMETERS"
    EMPTY_INPUTS = (INPUT,)  # a county with nothing of a kind publishes 0 rows

    def empty_help(self) -> Tuple[str, str]:
        """The help section on empty results, shared by publishresults and exportpackage."""
        return (
            self.tr("Empty results"),
            self.tr(
                "An empty layer (a county with nothing of the kind that year, for example no slope above "
                "the ban threshold) is written as a publication of 0 rows. It replaces an earlier version "
                "like any other, and the province can tell the county apart from one that has not "
                "reported."
            ),
        )

    def add_result_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                self.tr("Result layer or table (an output of an SWC Planner algorithm)"),
                [params.SOURCE_TABLE],
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.KIND, self.tr("Result kind"), options=self.kind_names())
        )
        self.addParameter(
            QgsProcessingParameterString(self.ADCODE, self.tr("County adcode (6 digits, e.g. 130731)"))
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                self.tr("Year"),
                QgsProcessingParameterNumber.Type.Integer,
                dt.date.today().year,
                minValue=1900,
                maxValue=2200,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.DRAFT, self.tr("Draft (only the county and the province can read it)"), False
            )
        )
        self.addParameter(
            params.advanced(
                QgsProcessingParameterString(
                    self.SOURCE_ALGORITHM,
                    self.tr("Algorithm that produced the result (default: the kind's)"),
                    optional=True,
                )
            )
        )
        self.addParameter(
            params.advanced(
                QgsProcessingParameterString(
                    self.SOURCE_PARAMETERS,
                    self.tr("Its parameters (JSON)"),
                    optional=True,
                    multiLine=True,
                )
            )
        )

    def result_inputs(self, parameters, context, feedback):
        """(kind, adcode, year, status, algorithm, parameters, names, rows iterator, total)."""
        kind = KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        adcode = self.parameterAsString(parameters, self.ADCODE, context).strip()
        year = self.parameterAsInt(parameters, self.YEAR, context)
        status = "draft" if self.parameterAsBool(parameters, self.DRAFT, context) else "published"
        algorithm = (
            self.parameterAsString(parameters, self.SOURCE_ALGORITHM, context).strip() or kind.algorithms[0]
        )
        text = self.parameterAsString(parameters, self.SOURCE_PARAMETERS, context).strip()
        source_params: Dict[str, Any] = {}
        if text:
            try:
                source_params = json.loads(text)
            except ValueError as exc:
                raise self.fail(
                    self.tr("SOURCE_PARAMETERS is not JSON: {reason}").format(reason=exc)
                ) from exc
            if not isinstance(source_params, dict):
                raise self.fail(self.tr('SOURCE_PARAMETERS must be a JSON object ({"NAME": value, …}).'))
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise self.fail(self.tr("The result layer (INPUT) could not be loaded."))
        has_geometry = QgsWkbTypes.geometryType(source.wkbType()) not in (
            QgsWkbTypes.GeometryType.NullGeometry,
            QgsWkbTypes.GeometryType.UnknownGeometry,
        )
        if kind.geometry and not has_geometry:
            raise self.fail(
                self.tr("The kind {kind} holds geometries; the layer INPUT has none.").format(kind=kind.key)
            )
        if has_geometry and not kind.geometry:
            feedback.pushInfo(
                self.tr("The kind {kind} is a table: the geometries are not stored.").format(kind=kind.key)
            )
        names = source.fields().names()
        request = QgsFeatureRequest()
        if kind.geometry:
            request.setDestinationCrs(
                QgsCoordinateReferenceSystem(f"EPSG:{SRID}"), context.transformContext()
            )
        else:
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)

        def rows() -> Iterator[Tuple[Sequence[Any], Optional[bytes]]]:
            for feature in source.getFeatures(request):
                wkb = None
                if kind.geometry:
                    geom = feature.geometry()
                    if geom is not None and not geom.isNull() and not geom.isEmpty():
                        wkb = bytes(geom.asWkb())
                yield [plain(v) for v in feature.attributes()], wkb

        total = source.featureCount()
        if total == 0:
            feedback.pushWarning(
                self.tr(
                    "The layer INPUT has no feature: a publication of 0 rows is written for {adcode} "
                    "{year} (the county has nothing of the kind {kind}). If that is not so, check the "
                    "layer and its filter."
                ).format(adcode=adcode, year=year, kind=kind.key)
            )
        return kind, adcode, year, status, algorithm, source_params, names, rows(), total


class PublishResultsAlgorithm(LayerResultAlgorithm):
    """Writes a result for a county and year; a republish keeps the previous version."""

    ALG_ID = "publishresults"
    OUTPUT = "OUTPUT"
    PUB_ID = "PUB_ID"
    ROWS = "ROWS"

    def displayName(self):  # noqa: N802
        return self.tr("Publish results to the provincial database")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Writes one result layer or table of an SWC Planner algorithm (steep-slope ban patches, "
                "slope classes, soil loss, rate, farmland, check dams, slope works, supervision, plan "
                "tables, …) to the provincial PostgreSQL/PostGIS database for one county (ADCODE) and "
                "year, in one transaction: all rows or none."
            ),
            [
                (
                    self.tr("Versions"),
                    self.tr(
                        "Publishing the same kind, county and year again replaces the current rows and "
                        "keeps the previous version: its rows get valid_to = the new publish time. A "
                        "published result also closes the county's draft of it. DRAFT results are read "
                        "only by the county and the province."
                    ),
                ),
                (
                    self.tr("Fields"),
                    self.tr(
                        "Fields are matched to the kind's columns by name (case-insensitive; the "
                        "algorithms' output names). Other fields are kept in the row's extra (JSON). "
                        "Geometries are stored in CGCS2000 (EPSG:4490). Every row carries the adcode, "
                        "year, algorithm id and parameters (SOURCE_ALGORITHM, SOURCE_PARAMETERS; "
                        "passwords are dropped), the plugin version, the login that published it and "
                        "the time."
                    ),
                ),
                self.empty_help(),
                (
                    self.tr("Connection"),
                    self.tr(
                        "DATABASE: a PostgreSQL connection saved in QGIS (Browser ▸ PostgreSQL). "
                        "AUTHCFG: an authentication configuration with the county's user name and "
                        "password, kept in QGIS's encrypted store; nothing of it is written to the "
                        "project, the log or the database. A county role writes only its own county's "
                        "rows (row-level security); see docs/database.md."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: one row PUB_ID, KIND, ADCODE, YEAR, STATUS, ROWS, PUBLISHED_AT, REPLACED "
                        "(the publications closed), EXTRA_FIELDS."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_result_parameters()
        self.add_connection_parameters()
        self.addParameter(outputs.table_output(self.OUTPUT, self.tr("Publication"), secondary=True))
        self.addOutput(QgsProcessingOutputString(self.PUB_ID, self.tr("Publication id")))
        self.addOutput(QgsProcessingOutputNumber(self.ROWS, self.tr("Rows written")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        kind, adcode, year, status, algorithm, source_params, names, rows, total = self.result_inputs(
            parameters, context, feedback
        )
        conn = self.open_connection(parameters, context, feedback)
        try:
            result = self.run_core(
                db_publish.publish,
                feedback,
                conn,
                kind.key,
                adcode,
                year,
                names,
                rows,
                algorithm=algorithm,
                parameters=source_params,
                plugin_version=plugin_version(),
                status=status,
                total=total,
                progress_span=(5, 95),
            )
        finally:
            conn.close()
        feedback.pushInfo(
            self.tr("{kind} {adcode} {year} ({status}): {n} rows written, publication {pub}.").format(
                kind=kind.key, adcode=adcode, year=year, status=status, n=result.n_rows, pub=result.pub_id
            )
        )
        if result.closed:
            feedback.pushInfo(
                self.tr("Previous version(s) kept with valid_to set: {ids}.").format(
                    ids=", ".join(result.closed)
                )
            )
        if result.extra_fields:
            feedback.pushInfo(
                self.tr("Fields kept in extra (no column of their own): {fields}.").format(
                    fields=", ".join(result.extra_fields)
                )
            )
        if result.unmatched_units:
            feedback.pushWarning(
                self.tr(
                    "{n} rows name a unit the database's units table does not list under {adcode}: their "
                    "unit_adcode is empty."
                ).format(n=result.unmatched_units, adcode=adcode)
            )
        out = {self.PUB_ID: result.pub_id, self.ROWS: result.n_rows}
        out[self.OUTPUT] = write_publication_table(self, parameters, context, [result])
        return out


def write_publication_table(alg, parameters, context, results) -> Optional[str]:
    """The OUTPUT table of publishresults / exportpackage: one row per publication."""
    fields = outputs.fields_from_spec(
        [
            ("PUB_ID", outputs.FIELD_STRING),
            ("KIND", outputs.FIELD_STRING),
            ("ADCODE", outputs.FIELD_STRING),
            ("YEAR", outputs.FIELD_INT),
            ("STATUS", outputs.FIELD_STRING),
            ("ROWS", outputs.FIELD_INT),
            ("PUBLISHED_AT", outputs.FIELD_STRING),
            ("REPLACED", outputs.FIELD_STRING),
            ("EXTRA_FIELDS", outputs.FIELD_STRING),
        ]
    )
    sink, dest = outputs.table_sink(alg, parameters, alg.OUTPUT, context, fields)
    outputs.add_rows(
        sink,
        fields,
        (
            [
                r.pub_id,
                r.kind,
                r.adcode,
                r.year,
                r.status,
                r.n_rows,
                r.published_at,
                ", ".join(r.closed),
                ", ".join(r.extra_fields),
            ]
            for r in results
        ),
    )
    return dest
