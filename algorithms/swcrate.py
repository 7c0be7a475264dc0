"""swcplanner:swcrate — soil-and-water-conservation rate (水土保持率) per administrative unit."""

from __future__ import annotations

import shutil
import tempfile

from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterRasterLayer, QgsProcessingUtils

from . import inputs, outputs, params
from .base import GROUP_EROSION, SwcAlgorithm, translate_core_error
from .core import standards
from .core.erosion.intensity import (
    KIND_AUTO,
    KIND_INTENSITY,
    KIND_MODULUS,
    N_CLASSES,
    intensity_bounds,
    swc_rate_cells,
    unit_rate,
)
from .core.errors import SwcError
from .outputs import EROSION_CLASS_FIELDS, FIELD_DOUBLE, FIELD_STRING, fields_from_spec, zone_field_spec


class SwcRateAlgorithm(SwcAlgorithm):
    """水土保持率 per unit from a soil-loss or an intensity raster, with the gap to targets."""

    ALG_ID = "swcrate"
    GROUP_ID = GROUP_EROSION

    INPUT = "INPUT"
    INPUT_KIND = "INPUT_KIND"
    ZONES = params.ZONES
    ZONE_FIELD = params.ZONE_FIELD
    TOLERANCE = params.TOLERANCE
    TARGET_1 = "TARGET_1"
    TARGET_2 = "TARGET_2"
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Soil and water conservation rate per unit")

    def kinds(self):
        return [
            self.tr("Detect"),
            self.tr("Soil loss modulus (t/km²·a)"),
            self.tr("Intensity classes 1–6 (SL 190)"),
        ]

    def help_html(self):
        return self.format_help(
            self.tr(
                "Computes the soil-and-water-conservation rate (水土保持率) of each "
                "administrative unit and its gap to the targets."
            ),
            [
                (
                    self.tr("Method"),
                    self.tr(
                        "SWC_RATE (%) = (area − eroded area) / area × 100, where the eroded area is "
                        "the area at SL 190 class light or above, i.e. a soil loss at or above "
                        "TOLERANCE (default 200 t/km²·a, northern rocky mountains; 500 in the "
                        "southern red-soil hills). Exactly 2 500 is moderate; exactly the tolerance "
                        "is eroded. The area of a unit is the area of its cells with a value; "
                        "COVER_PCT compares it with the polygon area."
                    ),
                ),
                (
                    self.tr("Input"),
                    self.tr(
                        "INPUT is a soil-loss raster (t/km²·a, e.g. SOIL_LOSS of the soil-loss "
                        "algorithm) or an intensity raster with classes 1–6 (then TOLERANCE is not "
                        "used). INPUT_KIND Detect treats an integer raster whose values lie within "
                        "0–6 as intensity classes and anything else as soil loss. ZONES are the "
                        "units (counties, townships); polygons sharing a ZONE_FIELD value form one "
                        "unit; a cell belongs to the unit containing its centre."
                    ),
                ),
                (
                    self.tr("Targets"),
                    self.tr(
                        "TARGET_1 and TARGET_2 (defaults 79.96 % and 84.07 %, Hebei's targets for "
                        "2025 and 2035). GAP_n = TARGET_n − SWC_RATE in percentage points (above 0: "
                        "the target is not reached). TREAT_n_KM2 is the eroded area that must be "
                        "brought below the tolerance to reach it."
                    ),
                ),
                (
                    self.tr("Output"),
                    self.tr(
                        "One row per unit: ZONE, AREA_KM2, SLIGHT_KM2 … SEVERE_KM2, ERODED_KM2, "
                        "SWC_RATE, TARGET_1, GAP_1, TREAT_1_KM2, TARGET_2, GAP_2, TREAT_2_KM2, "
                        "POLY_KM2, COVER_PCT, TOLERANCE, INPUT_KIND. Sources: shared/docs/domain.md §4 "
                        "(SL 190-2007) and §5 (水土保持率 definition, Hebei targets)."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.INPUT, self.tr("Soil loss (t/km²·a) or erosion intensity raster")
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.INPUT_KIND, self.tr("Input holds"), options=self.kinds(), defaultValue=KIND_AUTO
            )
        )
        self.addParameter(params.zones(label=self.tr("Administrative units"), optional=False))
        self.addParameter(params.zone_field(label=self.tr("Unit name field"), optional=False))
        self.addParameter(params.tolerance())
        for name, label, default in (
            (self.TARGET_1, self.tr("First target rate (%; Hebei 2025)"), standards.SWC_RATE_TARGET_2025),
            (self.TARGET_2, self.tr("Second target rate (%; Hebei 2035)"), standards.SWC_RATE_TARGET_2035),
        ):
            self.addParameter(params.number(name, label, default, minimum=0.0, maximum=100.0))
        self.addParameter(params.block_size())
        self.addParameter(outputs.table_output(self.OUTPUT, self.tr("Soil and water conservation rate")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layer, path = inputs.raster(self, parameters, self.INPUT, context)
        grid = inputs.grid_of(path)
        try:
            tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
            intensity_bounds(tolerance)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        kind = self.parameterAsEnum(parameters, self.INPUT_KIND, context)
        targets = (
            self.parameterAsDouble(parameters, self.TARGET_1, context),
            self.parameterAsDouble(parameters, self.TARGET_2, context),
        )
        work = tempfile.mkdtemp(prefix="swc_rate_", dir=QgsProcessingUtils.tempFolder())
        try:
            names, zone_path, poly_areas = inputs.zones_on_grid(
                self,
                parameters,
                context,
                feedback,
                self.ZONES,
                self.ZONE_FIELD,
                layer.crs(),
                grid,
                work,
                required=True,
            )
            block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
            result = self.run_core(
                swc_rate_cells,
                feedback,
                path,
                zone_path,
                len(names),
                kind=kind,
                tolerance=tolerance,
                block_rows=block,
                block_cols=block,
                progress_span=(5, 90),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        kind_code = {KIND_MODULUS: "modulus", KIND_INTENSITY: "intensity"}[result.kind]
        feedback.pushInfo(self.tr("Input read as {kind}.").format(kind=self.kinds()[result.kind]))
        if result.kind == KIND_INTENSITY and kind == KIND_AUTO and parameters.get(self.TOLERANCE):
            feedback.pushInfo(
                self.tr("Intensity classes are used as they are; TOLERANCE only affects soil-loss input.")
            )

        spec = [
            ("ZONE", zone_field_spec(self, parameters, context, self.ZONES, self.ZONE_FIELD)),
            ("AREA_KM2", FIELD_DOUBLE),
        ]
        spec += [(f, FIELD_DOUBLE) for f in EROSION_CLASS_FIELDS]
        spec += [
            (f, FIELD_DOUBLE)
            for f in (
                "ERODED_KM2",
                "SWC_RATE",
                "TARGET_1",
                "GAP_1",
                "TREAT_1_KM2",
                "TARGET_2",
                "GAP_2",
                "TREAT_2_KM2",
                "POLY_KM2",
                "COVER_PCT",
                "TOLERANCE",
            )
        ]
        spec += [("INPUT_KIND", FIELD_STRING)]
        fields = fields_from_spec(spec)
        sink, out_id = outputs.table_sink(self, parameters, self.OUTPUT, context, fields)
        rows = []
        for z, name in enumerate(names, start=1):
            unit = unit_rate(result.class_cells[z], result.cell_area, poly_areas[z - 1], targets)
            v, area, eroded, rate = unit.summary, unit.area_km2, unit.eroded_km2, unit.rate
            row = [name, area] + [v[f"C{c}_KM2"] for c in range(1, N_CLASSES + 1)]
            row += [eroded, rate]
            for gap in unit.targets:
                row += [gap.target, gap.gap, gap.treat_km2]
            row += [unit.poly_km2, unit.cover_pct, tolerance if result.kind == KIND_MODULUS else None, kind_code]
            rows.append(row)
            if rate is None:
                feedback.pushWarning(
                    self.tr("{zone}: no cell of the input raster lies in this unit.").format(zone=name)
                )
                continue
            feedback.pushInfo(
                self.tr(
                    "{zone}: SWC rate {rate:.2f} % ({eroded:.4g} of {area:.4g} km² eroded); gap to "
                    "{t1:g} %: {g1:+.2f} points, to {t2:g} %: {g2:+.2f} points"
                ).format(
                    zone=name,
                    rate=rate,
                    eroded=eroded,
                    area=area,
                    t1=targets[0],
                    g1=targets[0] - rate,
                    t2=targets[1],
                    g2=targets[1] - rate,
                )
            )
            if unit.partly_covered:
                feedback.pushWarning(
                    self.tr(
                        "{zone}: the raster covers only {cover:.1f} % of the unit; the rate refers to "
                        "the covered part."
                    ).format(zone=name, cover=unit.cover_pct)
                )
        outputs.add_rows(sink, fields, rows)
        feedback.setProgress(100)
        return {self.OUTPUT: out_id}
