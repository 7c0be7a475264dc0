"""swcplanner:exportpackage — a result into a GeoPackage exchange package, for a county without a connection."""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from . import outputs
from .core.database import package
from .publishresults import LayerResultAlgorithm, plugin_version, write_publication_table


class ExportPackageAlgorithm(LayerResultAlgorithm):
    """Appends a publication to a package that the province imports with importpackage."""

    ALG_ID = "exportpackage"
    PUBLISHER = "PUBLISHER"
    PACKAGE = "PACKAGE"
    OUTPUT = "OUTPUT"
    PUB_ID = "PUB_ID"

    def displayName(self):  # noqa: N802
        return self.tr("Export results to an exchange package (offline)")

    def help_html(self):
        return self.format_help(
            self.tr(
                "For a county without a connection to the provincial database: writes one result layer or "
                "table, for a county (ADCODE) and year, into a GeoPackage package with the database's "
                "schema. Run it once per result (the package collects them), send the file, and the "
                "province loads it with Import an exchange package."
            ),
            [
                (
                    self.tr("Package"),
                    self.tr(
                        "The same tables and columns as the database (swc_publications, one table per "
                        "result kind, swc_schema_version), geometries in EPSG:4490. An existing package "
                        "is appended to, in one transaction: an export killed midway leaves the package as "
                        "it was. Exporting the same kind, county and year again keeps both versions (the "
                        "older one gets valid_to); the province's import keeps them too."
                    ),
                ),
                (
                    self.tr("Fields"),
                    self.tr(
                        "As in Publish results: fields matched by name, the rest in extra (JSON); "
                        "PUBLISHER signs the rows (default: the computer's login name)."
                    ),
                ),
                self.empty_help(),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_result_parameters()
        self.addParameter(
            QgsProcessingParameterString(
                self.PUBLISHER, self.tr("Published by (default: this computer's login)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.PACKAGE, self.tr("Exchange package (appended to when it exists)"), "GeoPackage (*.gpkg)"
            )
        )
        self.addParameter(outputs.table_output(self.OUTPUT, self.tr("Publication"), secondary=True))
        self.addOutput(QgsProcessingOutputString(self.PUB_ID, self.tr("Publication id")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        kind, adcode, year, status, algorithm, source_params, names, rows, total = self.result_inputs(
            parameters, context, feedback
        )
        path = self.parameterAsFileOutput(parameters, self.PACKAGE, context)
        publisher = self.parameterAsString(parameters, self.PUBLISHER, context).strip()
        publisher = publisher or QgsApplication.userLoginName() or "unknown"
        result = self.run_core(
            package.export_package,
            feedback,
            path,
            kind.key,
            adcode,
            year,
            names,
            rows,
            algorithm=algorithm,
            parameters=source_params,
            plugin_version=plugin_version(),
            published_by=publisher,
            status=status,
            total=total,
            progress_span=(5, 95),
        )
        feedback.pushInfo(
            self.tr("{kind} {adcode} {year} ({status}): {n} rows in {path}.").format(
                kind=kind.key, adcode=adcode, year=year, status=status, n=result.n_rows, path=path
            )
        )
        return {
            self.PACKAGE: path,
            self.PUB_ID: result.pub_id,
            self.OUTPUT: write_publication_table(self, parameters, context, [result]),
        }
