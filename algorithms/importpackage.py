"""swcplanner:importpackage — a county's exchange package into the provincial database (idempotent)."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFile

from . import outputs
from .core.database import package
from .publishresults import DatabaseAlgorithm


class ImportPackageAlgorithm(DatabaseAlgorithm):
    """Inserts the publications of a package that the database does not hold yet, in one transaction."""

    ALG_ID = "importpackage"
    PACKAGE = "PACKAGE"
    OUTPUT = "OUTPUT"
    IMPORTED = "IMPORTED"
    SKIPPED = "SKIPPED"

    def displayName(self):  # noqa: N802
        return self.tr("Import an exchange package")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Loads a package written by Export results to an exchange package into the provincial "
                "database: every publication it holds that the database lacks, in one transaction (all or "
                "nothing). Importing the same package twice changes nothing."
            ),
            [
                (
                    self.tr("Versions"),
                    self.tr(
                        "Each publication keeps its own time and signature: a package older than what the "
                        "database holds for the same kind, county and year is inserted as a closed version "
                        "and does not replace the newer one. The import is signed with the importing "
                        "login (imported_by)."
                    ),
                ),
                (
                    self.tr("Roles"),
                    self.tr(
                        "Run it with the province's role; a county role may import only its own county's "
                        "publications (row-level security)."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: per publication PUB_ID, KIND, ADCODE, YEAR, STATUS, ROWS, IMPORTED (1/0)."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(
                self.PACKAGE, self.tr("Exchange package (GeoPackage)"), extension="gpkg"
            )
        )
        self.add_connection_parameters()
        self.addParameter(outputs.table_output(self.OUTPUT, self.tr("Imported publications"), secondary=True))
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, self.tr("Publications imported")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, self.tr("Publications already present")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.parameterAsFile(parameters, self.PACKAGE, context)
        conn = self.open_connection(parameters, context, feedback)
        try:
            done = self.run_core(package.import_package, feedback, conn, path, progress_span=(5, 95))
        finally:
            conn.close()
        imported = [d for d in done if d.imported]
        feedback.pushInfo(
            self.tr("{n} publications imported, {m} already present.").format(
                n=len(imported), m=len(done) - len(imported)
            )
        )
        fields = outputs.fields_from_spec(
            [
                ("PUB_ID", outputs.FIELD_STRING),
                ("KIND", outputs.FIELD_STRING),
                ("ADCODE", outputs.FIELD_STRING),
                ("YEAR", outputs.FIELD_INT),
                ("STATUS", outputs.FIELD_STRING),
                ("ROWS", outputs.FIELD_INT),
                ("IMPORTED", outputs.FIELD_INT),
            ]
        )
        sink, dest = outputs.table_sink(self, parameters, self.OUTPUT, context, fields)
        outputs.add_rows(
            sink,
            fields,
            ([d.pub_id, d.kind, d.adcode, d.year, d.status, d.n_rows, int(d.imported)] for d in done),
        )
        return {self.OUTPUT: dest, self.IMPORTED: len(imported), self.SKIPPED: len(done) - len(imported)}
