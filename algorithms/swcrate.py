"""swcplanner:swcrate — soil-and-water-conservation rate (水土保持率) per administrative unit.

Also holds :class:`RateInputsMixin`, the wind-erosion and erosion-type parameters and their
handling, shared with ``swcplanner:soilloss``.
"""

from __future__ import annotations

import shutil
import tempfile
from typing import Any, Dict, List, Optional, Sequence

from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterRasterLayer, QgsProcessingUtils

from . import inputs, outputs, params
from .base import GROUP_EROSION, SwcAlgorithm, translate_core_error
from .core import standards
from .core.erosion.intensity import (
    COVER_WARN_PCT,
    KIND_AUTO,
    KIND_INTENSITY,
    KIND_MODULUS,
    N_CLASSES,
    TYPE_MIXED,
    TYPE_WATER,
    TYPE_WIND,
    RateInputs,
    area_outside_grid,
    detect_kind,
    erosion_type_code,
    intensity_bounds,
    partly_covered,
    swc_rate_cells,
    unit_rate,
)
from .core.errors import SwcError
from .core.grid import GridSpec
from .core.io.raster import align_raster
from .core.io.vector import rasterize, temp_path
from .outputs import EROSION_CLASS_FIELDS, FIELD_DOUBLE, FIELD_STRING, fields_from_spec, zone_field_spec

#: Area per SL 190 wind-erosion class (km²), beside the water classes of :data:`EROSION_CLASS_FIELDS`.
WIND_CLASS_FIELDS = tuple("WIND_" + f for f in EROSION_CLASS_FIELDS)
#: The rate columns every table that computes the rate carries (soilloss TABLE, swcrate OUTPUT).
RATE_FIELDS = (
    "WATER_KM2",
    "WIND_KM2",
    "BOTH_KM2",
    "NODATA_KM2",
    "NODATA_PCT",
    "COVER_PCT",
    "SWC_RATE_MIN",
)
KIND_CODES = {KIND_MODULUS: "modulus", KIND_INTENSITY: "intensity"}


class RateInputsMixin:
    """Wind erosion (``WIND``, ``WIND_KIND``) and erosion-type zones (``EROSION_TYPES``,
    ``EROSION_TYPE_FIELD``) for the rate, and the coverage warnings; for soilloss and swcrate."""

    WIND = "WIND"
    WIND_KIND = "WIND_KIND"
    EROSION_TYPES = "EROSION_TYPES"
    EROSION_TYPE_FIELD = "EROSION_TYPE_FIELD"

    def wind_kinds(self) -> List[str]:
        return [
            self.tr("Detect"),
            self.tr("Wind-erosion modulus (t/km²·a)"),
            self.tr("SL 190 wind-erosion classes 1–6"),
        ]

    def rate_help(self):
        """The help section on wind erosion, erosion types and the denominator."""
        return (
            self.tr("Wind erosion and the rate"),
            self.tr(
                "WIND (optional): the wind-erosion modulus (t/km²·a) or SL 190 wind-erosion classes 1–6 "
                "(WIND_KIND; Detect takes an integer raster within 0–6 as classes), e.g. the provincial "
                "monitoring result, resampled onto the grid by nearest neighbour. Wind moduli are graded "
                "by SL 190-2007: slight below 200, light from 200, moderate from 2 500, intense from "
                "5 000, very intense from 8 000, severe from 15 000 (lower bound included; TOLERANCE "
                "applies to water erosion only). EROSION_TYPES (optional): polygons whose "
                "EROSION_TYPE_FIELD says 水蚀 (water), 风蚀 (wind) or 水蚀风蚀交错 (mixed; also water, "
                "wind, mixed or 1, 2, 3). In a water zone only water erosion counts, in a wind zone only "
                "wind erosion, in a mixed zone both; without a zone, water erosion everywhere and wind "
                "erosion where WIND has a value. A cell is eroded when any type that counts there is "
                "light or above; it is counted once. The denominator is the unit's land area: every "
                "cell of the unit and the part of the unit beyond the raster. Land without an erosion "
                "value (a type that counts there has no value) is NODATA_KM2 / NODATA_PCT; SWC_RATE "
                "counts it as not eroded (水土保持率 = (land area − 水土流失面积) / land area, the "
                "MWR definition), SWC_RATE_MIN as eroded. Below {limit:g} % coverage (COVER_PCT) the "
                "run warns."
            ).format(limit=COVER_WARN_PCT),
        )

    def add_rate_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.WIND,
                self.tr("Wind erosion (modulus t/km²·a, or SL 190 wind classes 1–6; optional)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.WIND_KIND,
                self.tr("Wind raster holds"),
                options=self.wind_kinds(),
                defaultValue=KIND_AUTO,
            )
        )
        self.addParameter(
            params.polygons(
                self.EROSION_TYPES,
                self.tr("Erosion-type zones (水蚀 / 风蚀 / 水蚀风蚀交错; optional)"),
                optional=True,
            )
        )
        self.addParameter(
            params.field(
                self.EROSION_TYPE_FIELD, self.tr("Erosion-type field"), self.EROSION_TYPES, optional=True
            )
        )

    def check_rate_parameters(self, parameters) -> Optional[str]:
        if parameters.get(self.EROSION_TYPES) and not parameters.get(self.EROSION_TYPE_FIELD):
            return self.tr(
                "Erosion-type zones need the field that says 水蚀, 风蚀 or 水蚀风蚀交错 (EROSION_TYPE_FIELD)."
            )
        return None

    def rate_inputs(self, parameters, context, feedback, crs, grid: GridSpec, work: str) -> RateInputs:
        """The wind raster and the erosion-type zones on ``grid`` (temporary files in ``work``)."""
        out = RateInputs()
        layer = self.parameterAsRasterLayer(parameters, self.WIND, context)
        if layer is not None:
            path = inputs.gdal_path(layer, "WIND")
            kind = self.parameterAsEnum(parameters, self.WIND_KIND, context)
            try:
                if kind == KIND_AUTO:
                    kind = detect_kind(path)
                out.wind_path = align_raster(path, grid, temp_path(work, "wind"), "WIND", categorical=True)
            except SwcError as exc:
                raise self.fail(translate_core_error(exc)) from exc
            out.wind_kind = kind
            feedback.pushInfo(self.tr("Wind erosion read as {kind}.").format(kind=self.wind_kinds()[kind]))
        if parameters.get(self.EROSION_TYPES):
            field = self.parameterAsString(parameters, self.EROSION_TYPE_FIELD, context)
            if not field:
                raise self.fail(self.check_rate_parameters(parameters) or "")
            polys = inputs.polygons(
                self,
                parameters,
                self.EROSION_TYPES,
                context,
                crs,
                feedback,
                attributes=[field],
                required=False,
                label=self.tr("Erosion-type zones"),
            )
            if polys:
                codes = [erosion_type_code(a[0]) for _f, _w, a in polys]
                bad = sorted({str(a[0]) for (_f, _w, a), c in zip(polys, codes) if c < 0})
                if bad:
                    raise self.fail(
                        self.tr(
                            "Erosion-type zones: the field {field} holds {values}; use 水蚀 (water), 风蚀 "
                            "(wind) or 水蚀风蚀交错 (mixed), or water, wind, mixed, 1, 2, 3."
                        ).format(field=field, values=inputs.short_list(bad))
                    )
                burn = [(c, w) for (_f, w, _a), c in zip(polys, codes)]
                out.types_path = rasterize(burn, grid, temp_path(work, "erosion_types"))
                if TYPE_WIND in codes or TYPE_MIXED in codes:
                    if not out.wind_path:
                        feedback.pushWarning(
                            self.tr(
                                "The erosion-type zones have wind or mixed zones but no WIND raster is "
                                "given: their land counts as without data."
                            )
                        )
                elif codes and set(codes) == {TYPE_WATER} and out.wind_path:
                    feedback.pushInfo(
                        self.tr("All erosion-type zones are water zones: WIND is not used there.")
                    )
        return out

    def zone_extra_m2(self, parameters, context, zones_name, field_name, crs, grid, names) -> List[float]:
        """Area (m²) of each unit beyond the grid, in the order of ``names`` (land without data)."""
        if not names:
            return []
        field = self.parameterAsString(parameters, field_name, context)
        polys = inputs.polygons(
            self,
            parameters,
            zones_name,
            context,
            crs,
            None,
            attributes=[field] if field else [],
            required=False,
        )
        by_name: Dict[str, List[bytes]] = {}
        for fid, wkb, attrs in polys or []:
            by_name.setdefault(str(attrs[0] if field else fid), []).append(wkb)
        return [area_outside_grid(by_name.get(str(n), []), grid) for n in names]

    def coverage_warning(self, feedback, zone: Any, row: Dict[str, Optional[float]]) -> None:
        """Warn when less than :data:`COVER_WARN_PCT` of a unit's land has an erosion value."""
        if not partly_covered(row):
            return
        feedback.pushWarning(
            self.tr(
                "{zone}: {nodata:.4g} km² ({pct:.1f} %) of the land area has no erosion value (no land use, "
                "factor or wind value there, or beyond the raster); coverage {cover:.1f} % is below "
                "{limit:g} %. SWC rate {rate:.2f} % counts that land as not eroded; if it were all eroded the "
                "rate would be {rate_min:.2f} %. Fill the gaps in the inputs."
            ).format(
                zone=zone,
                nodata=row["NODATA_KM2"] or 0.0,
                pct=row["NODATA_PCT"] or 0.0,
                cover=row["COVER_PCT"] or 0.0,
                limit=COVER_WARN_PCT,
                rate=row["SWC_RATE"] if row["SWC_RATE"] is not None else float("nan"),
                rate_min=row["SWC_RATE_MIN"] if row["SWC_RATE_MIN"] is not None else float("nan"),
            )
        )

    def report_types(self, feedback, type_cells: Dict[int, int], cell_area: float) -> None:
        if not type_cells:
            return
        names = {
            0: self.tr("no zone"),
            TYPE_WATER: self.tr("water"),
            TYPE_WIND: self.tr("wind"),
            TYPE_MIXED: self.tr("mixed"),
        }
        feedback.pushInfo(
            self.tr("Land by erosion type: {items}.").format(
                items=", ".join(
                    f"{names[k]} {v * cell_area / 1e6:.4g} km²" for k, v in sorted(type_cells.items())
                )
            )
        )


def rate_values(row: Dict[str, Optional[float]]) -> List[Optional[float]]:
    """The :data:`RATE_FIELDS` and :data:`WIND_CLASS_FIELDS` values of a rate row, in order."""
    return [row[f] for f in RATE_FIELDS] + [row[f"W{c}_KM2"] for c in range(1, N_CLASSES + 1)]


def rate_spec() -> List[Any]:
    return [(f, FIELD_DOUBLE) for f in RATE_FIELDS + WIND_CLASS_FIELDS]


class SwcRateAlgorithm(RateInputsMixin, SwcAlgorithm):
    """水土保持率 per unit from a soil-loss or an intensity raster, with wind erosion and the gap to targets."""

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
                "administrative unit from water and wind erosion, and its gap to the targets."
            ),
            [
                (
                    self.tr("Method"),
                    self.tr(
                        "SWC_RATE (%) = (land area − eroded area) / land area × 100, where the eroded area is "
                        "the area at SL 190 class light or above by water or wind erosion, counted once; for "
                        "water a soil loss at or above TOLERANCE (default 200 t/km²·a, northern rocky "
                        "mountains; 500 in the southern red-soil hills). Exactly 2 500 is moderate; exactly "
                        "the tolerance is eroded. The land area AREA_KM2 is the unit's area (its cells and the "
                        "part beyond the raster); POLY_KM2 is the polygon area."
                    ),
                ),
                (
                    self.tr("Input"),
                    self.tr(
                        "INPUT is a water-erosion soil-loss raster (t/km²·a, e.g. SOIL_LOSS of the soil-loss "
                        "algorithm) or an intensity raster with classes 1–6 (then TOLERANCE is not "
                        "used). INPUT_KIND Detect treats an integer raster whose values lie within "
                        "0–6 as intensity classes and anything else as soil loss. ZONES are the "
                        "units (counties, townships); polygons sharing a ZONE_FIELD value form one "
                        "unit; a cell belongs to the unit containing its centre."
                    ),
                ),
                self.rate_help(),
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
                        "One row per unit: ZONE, AREA_KM2, SLIGHT_KM2 … SEVERE_KM2 (water erosion), "
                        "ERODED_KM2, SWC_RATE, TARGET_1, GAP_1, TREAT_1_KM2, TARGET_2, GAP_2, TREAT_2_KM2, "
                        "POLY_KM2, COVER_PCT, TOLERANCE, INPUT_KIND, WATER_KM2, WIND_KM2 (eroded by water, by "
                        "wind), BOTH_KM2, NODATA_KM2, NODATA_PCT, SWC_RATE_MIN, WIND_SLIGHT_KM2 … "
                        "WIND_SEVERE_KM2 and WIND_KIND (wind columns empty without WIND). Sources: SL "
                        "190-2007 water and wind intensity tables; 水土保持率 definition (MWR) and the Hebei "
                        "targets (若干措施, 2023)."
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
        self.add_rate_parameters()
        self.addParameter(params.block_size())
        self.addParameter(outputs.table_output(self.OUTPUT, self.tr("Soil and water conservation rate")))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, msg = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, msg
        problem = self.check_rate_parameters(parameters)
        return (False, problem) if problem else (True, "")

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
            extra_m2 = self.zone_extra_m2(
                parameters, context, self.ZONES, self.ZONE_FIELD, layer.crs(), grid, names
            )
            rate_in = self.rate_inputs(parameters, context, feedback, layer.crs(), grid, work)
            feedback.setProgress(5)
            block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
            result = self.run_core(
                swc_rate_cells,
                feedback,
                path,
                zone_path,
                len(names),
                kind=kind,
                tolerance=tolerance,
                rate_inputs=rate_in,
                block_rows=block,
                block_cols=block,
                progress_span=(5, 90),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        kind_code = KIND_CODES[result.kind]
        feedback.pushInfo(self.tr("Input read as {kind}.").format(kind=self.kinds()[result.kind]))
        if result.kind == KIND_INTENSITY and kind == KIND_AUTO and parameters.get(self.TOLERANCE):
            feedback.pushInfo(
                self.tr("Intensity classes are used as they are; TOLERANCE only affects soil-loss input.")
            )
        self.report_types(feedback, result.type_cells, result.cell_area)

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
        spec += [(f, t) for f, t in rate_spec() if f != "COVER_PCT"]
        spec += [("WIND_KIND", FIELD_STRING)]
        fields = fields_from_spec(spec)
        sink, out_id = outputs.table_sink(self, parameters, self.OUTPUT, context, fields)
        wind_code = KIND_CODES.get(result.wind_kind) if result.wind_kind is not None else None
        rows = []
        for z, name in enumerate(names, start=1):
            unit = unit_rate(
                result.counts.row(z, result.cell_area, extra_m2[z - 1]), poly_areas[z - 1], targets
            )
            v, area, eroded, rate = unit.summary, unit.area_km2, unit.eroded_km2, unit.rate
            row: List[Any] = [name, area] + [v[f"C{c}_KM2"] for c in range(1, N_CLASSES + 1)]
            row += [eroded, rate]
            for gap in unit.targets:
                row += [gap.target, gap.gap, gap.treat_km2]
            row += [
                unit.poly_km2,
                unit.cover_pct,
                tolerance if result.kind == KIND_MODULUS else None,
                kind_code,
            ]
            row += [x for f, x in zip(RATE_FIELDS + WIND_CLASS_FIELDS, rate_values(v)) if f != "COVER_PCT"]
            row += [wind_code]
            rows.append(row)
            if rate is None or unit.nodata_km2 >= area:
                feedback.pushWarning(
                    self.tr("{zone}: no cell of the input raster with a value lies in this unit.").format(
                        zone=name
                    )
                )
                continue
            feedback.pushInfo(self._unit_message(name, v, targets))
            self.coverage_warning(feedback, name, v)
        outputs.add_rows(sink, fields, rows)
        feedback.setProgress(100)
        return {self.OUTPUT: out_id}

    def _unit_message(self, name, v: Dict[str, Optional[float]], targets: Sequence[float]) -> str:
        rate = v["SWC_RATE"] or 0.0
        text = self.tr(
            "{zone}: SWC rate {rate:.2f} % ({eroded:.4g} of {area:.4g} km² eroded; water {water:.4g} km²"
        ).format(zone=name, rate=rate, eroded=v["ERODED_KM2"], area=v["AREA_KM2"], water=v["WATER_KM2"])
        if v["WIND_KM2"] is not None:
            text += self.tr(", wind {wind:.4g} km², both {both:.4g} km²").format(
                wind=v["WIND_KM2"], both=v["BOTH_KM2"]
            )
        text += self.tr("); gap to {t1:g} %: {g1:+.2f} points, to {t2:g} %: {g2:+.2f} points").format(
            t1=targets[0], g1=targets[0] - rate, t2=targets[1], g2=targets[1] - rate
        )
        return text
