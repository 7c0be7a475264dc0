"""swcplanner:erosionchange — annual change of water erosion between two monitoring years, per unit."""

from __future__ import annotations

import shutil
import tempfile

from qgis.core import QgsProcessingParameterEnum, QgsProcessingUtils

from . import inputs, outputs, params
from .base import GROUP_EROSION, SwcAlgorithm, translate_core_error
from .core import standards
from .core.erosion import change as ec
from .core.erosion.intensity import KIND_AUTO, KIND_INTENSITY, KIND_MODULUS, N_CLASSES, detect_kind
from .core.errors import SwcError
from .core.io.raster import align_raster
from .core.io.vector import temp_path
from .outputs import EROSION_CLASS_FIELDS, FIELD_DOUBLE, FIELD_INT, FIELD_STRING, fields_from_spec
from .styles import paletted_raster_qml

#: Class difference −5…+5: greens improved, grey unchanged, reds worsened.
CHANGE_COLORS = {
    -5: "#00441b",
    -4: "#006d2c",
    -3: "#238b45",
    -2: "#66c2a4",
    -1: "#b2e2e2",
    0: "#d9d9d9",
    1: "#fdd49e",
    2: "#fc8d59",
    3: "#e34a33",
    4: "#b30000",
    5: "#7f0000",
}
COVER_WARNING_PCT = 99.0


class ErosionChangeAlgorithm(SwcAlgorithm):
    """Class transitions, eroded area and SWC rate of two years per unit, and a change raster."""

    ALG_ID = "erosionchange"
    GROUP_ID = GROUP_EROSION

    BEFORE = "BEFORE"
    BEFORE_KIND = "BEFORE_KIND"
    AFTER = "AFTER"
    AFTER_KIND = "AFTER_KIND"
    ZONES = params.ZONES
    ZONE_FIELD = params.ZONE_FIELD
    TOLERANCE = params.TOLERANCE
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"
    MATRIX = "MATRIX"
    CHANGE = "CHANGE"

    def displayName(self):  # noqa: N802
        return self.tr("Erosion change between two years")

    def kinds(self):
        return [
            self.tr("Detect"),
            self.tr("Soil loss modulus (t/km²·a)"),
            self.tr("Intensity classes 1–6 (SL 190)"),
        ]

    def class_names(self):
        return [
            self.tr("slight"),
            self.tr("light"),
            self.tr("moderate"),
            self.tr("intense"),
            self.tr("very intense"),
            self.tr("severe"),
        ]

    def help_html(self):
        return self.format_help(
            self.tr(
                "Compares the water erosion of two monitoring years (the annual dynamic monitoring): per "
                "unit the class transition matrix, the change of the eroded area and of the soil-and-water-"
                "conservation rate, and a map of the class change."
            ),
            [
                (
                    self.tr("Inputs"),
                    self.tr(
                        "BEFORE and AFTER: erosion intensity rasters (classes 1–6 of SL 190-2007) or soil-loss "
                        "rasters (t/km²·a, graded with TOLERANCE as in the soil-loss algorithm: exactly the "
                        "tolerance is light, exactly 2 500 moderate). The kinds are detected (an integer "
                        "raster with values 0–6 is intensity) or set. AFTER is resampled onto BEFORE's grid "
                        "when the grids differ (same CRS). ZONES (optional): the units; polygons sharing a "
                        "ZONE_FIELD value form one unit."
                    ),
                ),
                (
                    self.tr("Method"),
                    self.tr(
                        "Both years are compared on the cells that have a value in both (the common area). "
                        "Eroded = light or above; SWC rate = (common area − eroded area) / common area × 100. "
                        "Cells with a value in one year only are reported as NODATA_KM2 with the coverage of "
                        "the unit; a coverage below 99 % gives a warning."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: one row per unit with AREA_KM2 (common area), NODATA_KM2, POLY_KM2, "
                        "COVER_PCT, BEFORE_ERODED_KM2, AFTER_ERODED_KM2, ERODED_CHANGE_KM2, BEFORE_RATE, "
                        "AFTER_RATE, RATE_CHANGE (percentage points), IMPROVED_KM2, UNCHANGED_KM2, "
                        "WORSENED_KM2, the area per class of each year (B_… and A_…), and for two soil-loss "
                        "rasters BEFORE_LOSS_T, AFTER_LOSS_T (t/a) and LOSS_CHANGE_PCT. MATRIX: per unit the "
                        "36 transitions FROM_CLASS → TO_CLASS with AREA_KM2. CHANGE: after − before in "
                        "classes (−5 … +5; negative = less erosion), nodata where a year has no value."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.dem(self.BEFORE, self.tr("Earlier year: intensity or soil-loss raster")))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.BEFORE_KIND, self.tr("Earlier raster holds"), self.kinds(), False, 0
            )
        )
        self.addParameter(params.dem(self.AFTER, self.tr("Later year: intensity or soil-loss raster")))
        self.addParameter(
            QgsProcessingParameterEnum(self.AFTER_KIND, self.tr("Later raster holds"), self.kinds(), False, 0)
        )
        self.addParameter(params.zones(self.ZONES, self.tr("Units (e.g. counties, townships)")))
        self.addParameter(params.zone_field(self.ZONE_FIELD, self.ZONES, self.tr("Unit name field")))
        self.addParameter(params.tolerance(self.TOLERANCE))
        self.addParameter(params.block_size(self.BLOCK_SIZE))
        self.addParameter(outputs.table_output(self.OUTPUT, self.tr("Erosion change per unit")))
        self.addParameter(outputs.table_output(self.MATRIX, self.tr("Class transitions"), secondary=True))
        self.addParameter(outputs.raster_output(self.CHANGE, self.tr("Class change"), secondary=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        before_layer, before_path = inputs.raster(self, parameters, self.BEFORE, context)
        _after_layer, after_path = inputs.raster(self, parameters, self.AFTER, context)
        grid = inputs.grid_of(before_path)
        inputs.grid_of(after_path)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        kinds = []
        try:
            for name, path in ((self.BEFORE_KIND, before_path), (self.AFTER_KIND, after_path)):
                kind = self.parameterAsEnum(parameters, name, context)
                kinds.append(detect_kind(path) if kind == KIND_AUTO else kind)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        for label, kind in zip((self.tr("Earlier raster"), self.tr("Later raster")), kinds):
            feedback.pushInfo(self.tr("{label} read as {kind}.").format(label=label, kind=self.kinds()[kind]))
        work = tempfile.mkdtemp(prefix="swc_change_", dir=QgsProcessingUtils.tempFolder())
        try:
            try:
                aligned = align_raster(
                    after_path,
                    grid,
                    temp_path(work, "after"),
                    "AFTER",
                    categorical=kinds[1] == KIND_INTENSITY,
                )
            except SwcError as exc:
                raise self.fail(translate_core_error(exc)) from exc
            if aligned != after_path:
                feedback.pushInfo(self.tr("The later raster was resampled onto the grid of the earlier one."))
            names, zone_path, poly_areas = inputs.zones_on_grid(
                self,
                parameters,
                context,
                feedback,
                self.ZONES,
                self.ZONE_FIELD,
                before_layer.crs(),
                grid,
                work,
                label=self.tr("Units"),
            )
            change_path = outputs.raster_path(self, parameters, self.CHANGE, context)
            block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
            result = self.run_core(
                ec.erosion_change,
                feedback,
                before_path,
                aligned,
                zone_path,
                len(names),
                change_path,
                before_kind=kinds[0],
                after_kind=kinds[1],
                tolerance=tolerance,
                block_rows=block,
                block_cols=block,
                progress_span=(5, 90),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if not names:
            names = [self.tr("All")]
            poly_areas = [0.0]
        table_id = self._table(parameters, context, feedback, result, names, poly_areas, tolerance)
        matrix_id = self._matrix(parameters, context, result, names)
        if change_path:
            entries = [(v, CHANGE_COLORS[v], self._change_label(v)) for v in sorted(CHANGE_COLORS)]
            outputs.style_sidecar(
                context, change_path, paletted_raster_qml(entries), self.tr("Erosion class change"),
                fallback="erosion_change.qml",
            )  # fmt: skip
        feedback.setProgress(100)
        return {self.OUTPUT: table_id, self.MATRIX: matrix_id, self.CHANGE: change_path}

    def _change_label(self, v: int) -> str:
        if v < 0:
            return (
                self.tr("{n} classes less erosion").format(n=-v)
                if v < -1
                else self.tr("1 class less erosion")
            )
        if v > 0:
            return (
                self.tr("{n} classes more erosion").format(n=v) if v > 1 else self.tr("1 class more erosion")
            )
        return self.tr("unchanged")

    def _table(self, parameters, context, feedback, result, names, poly_areas, tolerance):
        zone_kind = outputs.zone_field_spec(self, parameters, context, self.ZONES, self.ZONE_FIELD)
        spec = [("ZONE", zone_kind)]
        spec += [
            (f, FIELD_DOUBLE)
            for f in (
                "AREA_KM2",
                "NODATA_KM2",
                "POLY_KM2",
                "COVER_PCT",
                "BEFORE_ERODED_KM2",
                "AFTER_ERODED_KM2",
                "ERODED_CHANGE_KM2",
                "BEFORE_RATE",
                "AFTER_RATE",
                "RATE_CHANGE",
                "IMPROVED_KM2",
                "UNCHANGED_KM2",
                "WORSENED_KM2",
            )
        ]
        spec += [("B_" + f, FIELD_DOUBLE) for f in EROSION_CLASS_FIELDS]
        spec += [("A_" + f, FIELD_DOUBLE) for f in EROSION_CLASS_FIELDS]
        spec += [
            ("BEFORE_LOSS_T", FIELD_DOUBLE),
            ("AFTER_LOSS_T", FIELD_DOUBLE),
            ("LOSS_CHANGE_PCT", FIELD_DOUBLE),
        ]
        spec += [("TOLERANCE", FIELD_DOUBLE)]
        fields = fields_from_spec(spec)
        sink, table_id = outputs.table_sink(self, parameters, self.OUTPUT, context, fields)
        uses_tolerance = KIND_MODULUS in (result.before_kind, result.after_kind)
        rows = []
        for z, name in enumerate(names, start=1):
            s = result.summary(z)
            poly = poly_areas[z - 1] / standards.KM2_M2 if poly_areas[z - 1] else None
            reference = poly if poly else (s["area"] + s["nodata"])
            cover = 100.0 * s["area"] / reference if reference else None
            lb, la = s["loss_before"], s["loss_after"]
            change_pct = 100.0 * (la - lb) / lb if lb else None
            row = [
                name,
                s["area"],
                s["nodata"],
                poly,
                cover,
                s["eroded_before"],
                s["eroded_after"],
                s["eroded_change"],
                s["rate_before"],
                s["rate_after"],
                s["rate_change"],
                s["improved"],
                s["unchanged"],
                s["worsened"],
            ]
            row += [float(v) for v in s["before_classes"]] + [float(v) for v in s["after_classes"]]
            row += [lb, la, change_pct, tolerance if uses_tolerance else None]
            rows.append(row)
            if s["rate_before"] is None:
                feedback.pushWarning(self.tr("{zone}: no cell has a value in both years.").format(zone=name))
                continue
            feedback.pushInfo(
                self.tr(
                    "{zone}: eroded {b:.4g} → {a:.4g} km² ({d:+.4g} km²); SWC rate {rb:.2f} → {ra:.2f} % "
                    "({dr:+.2f} points); improved {imp:.4g} km², worsened {wor:.4g} km²."
                ).format(
                    zone=name,
                    b=s["eroded_before"],
                    a=s["eroded_after"],
                    d=s["eroded_change"],
                    rb=s["rate_before"],
                    ra=s["rate_after"],
                    dr=s["rate_change"],
                    imp=s["improved"],
                    wor=s["worsened"],
                )
            )
            if cover is not None and cover < COVER_WARNING_PCT:
                feedback.pushWarning(
                    self.tr(
                        "{zone}: only {cover:.1f} % of the unit has a value in both years ({nodata:.4g} km² "
                        "without); the figures refer to the common area."
                    ).format(zone=name, cover=cover, nodata=reference - s["area"])
                )
        outputs.add_rows(sink, fields, rows)
        return table_id

    def _matrix(self, parameters, context, result, names):
        zone_kind = outputs.zone_field_spec(self, parameters, context, self.ZONES, self.ZONE_FIELD)
        fields = fields_from_spec(
            [
                ("ZONE", zone_kind),
                ("FROM_CLASS", FIELD_INT),
                ("FROM_NAME", FIELD_STRING),
                ("TO_CLASS", FIELD_INT),
                ("TO_NAME", FIELD_STRING),
                ("CHANGE", FIELD_INT),
                ("AREA_KM2", FIELD_DOUBLE),
            ]
        )
        sink, matrix_id = outputs.table_sink(self, parameters, self.MATRIX, context, fields)
        if sink is None:
            return None
        cls = self.class_names()
        rows = []
        for z, name in enumerate(names, start=1):
            t = result.transitions[z]
            for i in range(1, N_CLASSES + 1):
                for j in range(1, N_CLASSES + 1):
                    rows.append([name, i, cls[i - 1], j, cls[j - 1], j - i, float(result.km2(t[i, j]))])
        outputs.add_rows(sink, fields, rows)
        return matrix_id
