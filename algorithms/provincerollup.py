"""swcplanner:provincerollup — the province's roll-up from the database: rate against the targets, bans,
treatment, supervision, per province, city and county and year; a styled layer and an xlsx."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from . import outputs, params
from .core import standards
from .core.database import rollup
from .core.database.schema import SRID
from .core.errors import SwcError
from .publishresults import DatabaseAlgorithm
from .styles import categorized_fill_qml

LEVELS = ("province", "city", "county")

_TYPES = {
    "LEVEL": outputs.FIELD_STRING,
    "ADCODE": outputs.FIELD_STRING,
    "NAME": outputs.FIELD_STRING,
    "YEAR": outputs.FIELD_INT,
    "COUNTIES": outputs.FIELD_INT,
    "COUNTIES_RATE": outputs.FIELD_INT,
    "PATCHES": outputs.FIELD_INT,
    "SUSPECT": outputs.FIELD_INT,
    "CLOSED": outputs.FIELD_INT,
    "TARGET_MET": outputs.FIELD_INT,
    "MEASURE": outputs.FIELD_STRING,
}


class ProvinceRollupAlgorithm(DatabaseAlgorithm):
    """Reads the roll-up views and adds the targets."""

    ALG_ID = "provincerollup"
    YEAR_FROM = "YEAR_FROM"
    YEAR_TO = "YEAR_TO"
    LEVELS = "LEVELS"
    TARGET_1 = "TARGET_1"
    TARGET_2 = "TARGET_2"
    OUTPUT = "OUTPUT"
    MEASURES = "MEASURES"
    XLSX = "XLSX"

    def displayName(self):  # noqa: N802
        return self.tr("Province roll-up")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Sums the counties' published results in the provincial database, year by year, per county, "
                "city and province: the soil-and-water-conservation rate (水土保持率) against the targets, "
                "the banned steep-slope area, the treated area by measure and the closure rate of the "
                "supervision patches. Only current, published rows count; a county role reads this roll-up "
                "of all counties without reading their rows."
            ),
            [
                (
                    self.tr("Rate"),
                    self.tr(
                        "SWC_RATE = 100 × (AREA_KM2 − ERODED_KM2) / AREA_KM2, summed over the units the "
                        "county published in swc_rate (swcrate), or in soil_loss (soilloss) when it "
                        "published no rate that year. GAP_n = TARGET_n − SWC_RATE (points); TREAT_n_KM2: "
                        "the eroded area to bring below the tolerance to reach TARGET_n. TARGET_1 = 79.96 % "
                        "(2025) and TARGET_2 = 84.07 % (2035) by default, the Hebei targets; a city or the "
                        "province sums the counties that published a rate (COUNTIES_RATE of COUNTIES)."
                    ),
                ),
                (
                    self.tr("Bans, treatment, supervision"),
                    self.tr(
                        "BAN_HA: the ban's county summary (BAN_HA), else its patches' AREA_HA. TREATED_HA: "
                        "the plan's measure areas (measureplan TABLE), else its measure polygons, else the "
                        "slope works' TREATED_HA; by measure in MEASURES. PATCHES, SUSPECT (not 合规), "
                        "CLOSED (销号: closepatches' CLOSED, else a closing verdict in 结论) and CLOSURE_PCT = "
                        "100 × CLOSED / SUSPECT."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: one feature per unit and year with its boundary from the database's units "
                        "table, styled by TARGET_MET (2: both targets reached, 1: the first, 0: neither). "
                        "MEASURES: LEVEL, ADCODE, NAME, YEAR, MEASURE, AREA_HA. XLSX: both tables."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_connection_parameters()
        for name, label in (
            (self.YEAR_FROM, self.tr("First year (empty: all)")),
            (self.YEAR_TO, self.tr("Last year (empty: all)")),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name, label, QgsProcessingParameterNumber.Type.Integer, None, True, 1900, 2200
                )
            )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LEVELS,
                self.tr("Levels"),
                options=[self.tr("Province"), self.tr("City"), self.tr("County")],
                allowMultiple=True,
                defaultValue=[0, 1, 2],
            )
        )
        self.addParameter(
            params.number(
                self.TARGET_1,
                self.tr("First target rate (%; Hebei 2025: 79.96)"),
                standards.SWC_RATE_TARGET_2025,
                minimum=0.0,
                maximum=100.0,
            )
        )
        self.addParameter(
            params.number(
                self.TARGET_2,
                self.tr("Second target rate (%; Hebei 2035: 84.07)"),
                standards.SWC_RATE_TARGET_2035,
                minimum=0.0,
                maximum=100.0,
            )
        )
        self.addParameter(outputs.sink_output(self.OUTPUT, self.tr("Roll-up"), params.SOURCE_POLYGON))
        self.addParameter(
            outputs.table_output(self.MEASURES, self.tr("Treated area by measure"), secondary=True)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.XLSX, self.tr("Roll-up workbook"), "Excel (*.xlsx)", None, True, True
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        year_from = parameters.get(self.YEAR_FROM)
        year_to = parameters.get(self.YEAR_TO)
        year_from = (
            self.parameterAsInt(parameters, self.YEAR_FROM, context) if year_from not in (None, "") else None
        )
        year_to = (
            self.parameterAsInt(parameters, self.YEAR_TO, context) if year_to not in (None, "") else None
        )
        levels = [LEVELS[i] for i in self.parameterAsEnums(parameters, self.LEVELS, context)] or list(LEVELS)
        targets = (
            self.parameterAsDouble(parameters, self.TARGET_1, context),
            self.parameterAsDouble(parameters, self.TARGET_2, context),
        )
        conn = self.open_connection(parameters, context, feedback)
        try:
            rows = rollup.read_rollup(conn, year_from, year_to, targets, levels)
            measures = rollup.read_measures(conn, year_from, year_to, levels)
        except SwcError as exc:
            raise self.fail(self.core_message(exc)) from exc
        except Exception as exc:  # noqa: BLE001 - psycopg2.Error: a database without the schema
            raise self.fail(
                self.tr("The roll-up cannot be read from the database: {reason}").format(
                    reason=str(exc).strip()
                )
            ) from exc
        finally:
            conn.close()
        feedback.setProgress(60)
        for row in rows:
            row["TARGET_MET"] = rollup.target_met(row["SWC_RATE"], targets)
        names = list(rollup.ROLLUP_FIELDS) + ["TARGET_MET"]
        fields = outputs.fields_from_spec([(n, _TYPES.get(n, outputs.FIELD_DOUBLE)) for n in names])
        crs = QgsCoordinateReferenceSystem(f"EPSG:{SRID}")
        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        if sink is not None:
            from qgis.core import QgsFeature, QgsFeatureSink, QgsGeometry

            for row in rows:
                feature = QgsFeature(fields)
                feature.setAttributes([row[n] for n in names])
                if row["WKB"]:
                    geom = QgsGeometry()
                    geom.fromWkb(row["WKB"])
                    feature.setGeometry(geom)
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        m_fields = outputs.fields_from_spec(
            [(n, _TYPES.get(n, outputs.FIELD_DOUBLE)) for n in rollup.MEASURE_FIELDS]
        )
        m_sink, m_dest = outputs.table_sink(self, parameters, self.MEASURES, context, m_fields)
        outputs.add_rows(m_sink, m_fields, ([m[n] for n in rollup.MEASURE_FIELDS] for m in measures))
        result = {self.OUTPUT: dest, self.MEASURES: m_dest}
        xlsx = self.parameterAsFileOutput(parameters, self.XLSX, context)
        if xlsx:
            rollup.write_xlsx(
                xlsx,
                [
                    (self.tr("Roll-up"), names, rows),
                    (self.tr("Measures"), list(rollup.MEASURE_FIELDS), measures),
                ],
            )
            result[self.XLSX] = xlsx
        for row in rows:
            if row["LEVEL"] == "province" and row["SWC_RATE"] is not None:
                feedback.pushInfo(
                    self.tr(
                        "{year} {name}: SWC rate {rate:.2f} % over {n} counties ({gap1:+.2f} points to {t1:g} %, "
                        "{gap2:+.2f} to {t2:g} %)."
                    ).format(
                        year=row["YEAR"],
                        name=row["NAME"] or row["ADCODE"],
                        rate=row["SWC_RATE"],
                        n=row["COUNTIES_RATE"],
                        gap1=row["GAP_1"],
                        t1=targets[0],
                        gap2=row["GAP_2"],
                        t2=targets[1],
                    )
                )
        if not rows:
            feedback.pushWarning(
                self.tr("The database holds no published result for these years and levels.")
            )
        qml = categorized_fill_qml(
            "TARGET_MET",
            [
                ("2", "#1a9641", self.tr("Both targets reached (≥ {t:g} %)").format(t=targets[1])),
                ("1", "#a6d96a", self.tr("First target reached (≥ {t:g} %)").format(t=targets[0])),
                ("0", "#fdae61", self.tr("Below {t:g} %").format(t=targets[0])),
                ("", "#bdbdbd", self.tr("No rate published")),
            ],
        )
        outputs.style_sidecar(
            context,
            outputs.destination_file(parameters.get(self.OUTPUT), context),
            qml,
            self.tr("Province roll-up"),
            layer_id=dest,
        )
        feedback.setProgress(100)
        return result
