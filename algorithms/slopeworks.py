"""swcplanner:slopeworks — fish-scale pits, level benches and level trenches along the contour."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from . import inputs, outputs, params
from .base import GROUP_MEASURES, SwcAlgorithm, translate_core_error
from .core import standards
from .core.errors import SwcError
from .core.slopeworks import (
    EXCL_CODES,
    EXCL_HIGH,
    EXCL_LOW,
    EXCL_NODATA,
    MEASURE_BENCHES,
    MEASURE_CODES,
    MEASURE_PITS,
    MEASURE_TRENCHES,
    WorksSpec,
    lay_out_works,
    parse_prices,
)
from .outputs import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, fields_from_spec
from .styles import write_sidecar

#: Default slope range per measure (GB/T 16453.2 [U], domain.md §6).
SLOPE_DEFAULTS = {
    MEASURE_PITS: (standards.PIT_MIN_SLOPE_DEG, standards.PIT_MAX_SLOPE_DEG),
    MEASURE_BENCHES: (standards.BENCH_MIN_SLOPE_DEG, standards.BENCH_MAX_SLOPE_DEG),
    MEASURE_TRENCHES: (standards.TRENCH_MIN_SLOPE_DEG, standards.TRENCH_MAX_SLOPE_DEG),
}
STYLE_FILES = {
    MEASURE_PITS: "slopeworks_pits.qml",
    MEASURE_BENCHES: "slopeworks_benches.qml",
    MEASURE_TRENCHES: "slopeworks_trenches.qml",
}


def _sidecar(output_path, qml_file):
    """Copy a shipped QML next to a file output; returns the QML path to use."""
    source = outputs.style_path(qml_file)
    with open(source, encoding="utf-8") as handle:
        return write_sidecar(output_path, handle.read()) or source


class SlopeWorksAlgorithm(SwcAlgorithm):
    """Fish-scale pits (鱼鳞坑), level benches (水平阶) or level trenches (水平沟) on slopes."""

    ALG_ID = "slopeworks"
    GROUP_ID = GROUP_MEASURES

    AREAS = "AREAS"
    NAME_FIELD = "NAME_FIELD"
    DEM = params.DEM
    MEASURE = "MEASURE"
    PIT_LONG_AXIS = "PIT_LONG_AXIS"
    PIT_SHORT_AXIS = "PIT_SHORT_AXIS"
    PIT_DEPTH = "PIT_DEPTH"
    PIT_RIDGE = "PIT_RIDGE"
    BENCH_WIDTH = "BENCH_WIDTH"
    TRENCH_TOP_WIDTH = "TRENCH_TOP_WIDTH"
    TRENCH_BOTTOM_WIDTH = "TRENCH_BOTTOM_WIDTH"
    TRENCH_DEPTH = "TRENCH_DEPTH"
    SPACING = "SPACING"
    ROW_SPACING = "ROW_SPACING"
    STAGGER = "STAGGER"
    MIN_SLOPE = "MIN_SLOPE"
    MAX_SLOPE = "MAX_SLOPE"
    SEEDLINGS = "SEEDLINGS"
    UNIT_PRICES = "UNIT_PRICES"
    WORKS = "WORKS"
    ROWS = "ROWS"
    SUMMARY = "SUMMARY"
    EXCLUDED = "EXCLUDED"

    def displayName(self):  # noqa: N802
        return self.tr("Fish-scale pits, level benches and level trenches")

    def measure_names(self):
        return [
            self.tr("Fish-scale pits (鱼鳞坑)"),
            self.tr("Level benches (水平阶)"),
            self.tr("Level trenches (水平沟)"),
        ]

    def reason_label(self, code, low, high):
        if code == EXCL_LOW:
            return self.tr("slope below {low:g}°").format(low=low)
        if code == EXCL_HIGH:
            return self.tr("slope above {high:g}°").format(high=high)
        return self.tr("no DEM data")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Lays out slope site-preparation works for planting on eroded forest land and "
                "barren slopes: fish-scale pits (鱼鳞坑, half-moon pits in staggered 品字形 "
                "rows), level benches (水平阶) or level trenches (水平沟), along contour rows "
                "that follow the terrain, with counts, earthwork, seedlings and cost per "
                "area."
            ),
            [
                (
                    self.tr("Rows"),
                    self.tr(
                        "Rows are contour lines of the DEM (GDAL contours, linear between cell "
                        "centres). The first row lies half a step below the highest treated cell; "
                        "each next row is ΔZ lower, with ΔZ = ROW_SPACING · Σ tan θ / Σ sec θ over "
                        "the treated cells between the two rows (θ = local slope, Horn, as gdaldem). "
                        "On a uniform slope this is ROW_SPACING · sin θ: the rows are ROW_SPACING "
                        "apart along the slope and ROW_SPACING · cos θ apart on the map; on varying "
                        "terrain the rows are closer on the map where the slope is steeper, and the "
                        "number of pits equals the nominal density 1 / (SPACING · ROW_SPACING · "
                        "cos θ) summed over the treated area."
                    ),
                ),
                (
                    self.tr("Pits"),
                    self.tr(
                        "Pits are placed along each row every SPACING metres; with STAGGER the pits "
                        "of every second row are shifted by half a spacing (the arc-length origin of "
                        "each row walks down the fall line, so the shift holds between neighbouring "
                        "rows). A pit is a half-ellipse: its straight edge, PIT_LONG_AXIS long, lies "
                        "on the row along the contour and is its open, uphill side; the arc reaches "
                        "PIT_SHORT_AXIS downhill, where the spoil ridge (PIT_RIDGE high) is built. A "
                        "pit is kept when the middle of its straight edge lies in the area and in a "
                        "cell whose slope is in the range."
                    ),
                ),
                (
                    self.tr("Benches and trenches"),
                    self.tr(
                        "Level benches and level trenches are the rows clipped to the treated "
                        "area; pieces shorter than SPACING are dropped. Seedlings are planted every "
                        "SPACING metres along them."
                    ),
                ),
                (
                    self.tr("Applicability"),
                    self.tr(
                        "Only cells whose slope lies between MIN_SLOPE and MAX_SLOPE are treated "
                        "(defaults: pits 15°–45°, benches and trenches 15°–25°, GB/T 16453.2; the "
                        "defaults follow MEASURE when MIN_SLOPE / MAX_SLOPE are not given). The rest "
                        "of each area is reported as excluded, with the reason: slope below the "
                        "range, slope above it, or no DEM data."
                    ),
                ),
                (
                    self.tr("Quantities"),
                    self.tr(
                        "Earthwork (excavated volume): pit (π/4) · long axis · short axis · depth; "
                        "level bench width² · tan θ / 8 per metre (balanced cut and fill, like a "
                        "level terrace); level trench (top + bottom width) / 2 · depth per metre. "
                        "SEEDLINGS per pit or per planting spot. UNIT_PRICES: up to three numbers, "
                        "price per pit (per metre for benches and trenches), per m³ of earthwork and "
                        "per seedling; cost = the sum of the three products."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "WORKS: pits (polygons) or benches/trenches (lines) with AREA_ID, ROW, ELEV "
                        "(row level, m), SLOPE (local slope, °), LENGTH_M, EARTH_M3, SEEDLINGS. "
                        "ROWS: contour rows with AREA_ID, ROW, ELEV, STEP_M (level step to the next "
                        "row), SLOPE (slope of the step), LENGTH_M, COUNT. SUMMARY per area: "
                        "AREA_ID, NAME, MEASURE, AREA_HA, TREATED_HA, TREATED_MU, EXCL_HA, "
                        "EXCL_LOW_HA, EXCL_HIGH_HA, EXCL_NODATA_HA, EXCL_REASON, SLOPE_MEAN, ROWS, "
                        "COUNT, LENGTH_M, DENS_HA and DENS_MU (pits, or metres of bench/trench, per "
                        "treated ha and 亩), EARTH_M3, SEEDLINGS, COST. EXCLUDED (optional): the "
                        "excluded parts with their REASON."
                    ),
                ),
                (
                    self.tr("Sources"),
                    self.tr(
                        "Defaults from GB/T 16453.2-2008 and the encyclopaedia (shared/docs/"
                        "domain.md §6): pit 1.0 × 0.6 m, 0.4 m deep, ridge 0.25 m, 2 m apart along "
                        "the contour, rows 4 m apart along the slope; bench 1.0–1.5 m wide; trench "
                        "top 0.6–1.0 m, bottom 0.3–0.5 m, depth 0.4–0.6 m. Check them against the "
                        "printed standard and the local design."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.polygons(self.AREAS, self.tr("Areas to treat")))
        self.addParameter(
            params.field(self.NAME_FIELD, self.tr("Area name field"), self.AREAS, optional=True)
        )
        self.addParameter(params.dem())
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MEASURE, self.tr("Measure"), options=self.measure_names(), defaultValue=0
            )
        )

        def number(name, label, default, minimum=0.0):
            self.addParameter(params.number(name, label, default, minimum=minimum))

        number(self.SPACING, self.tr("Spacing along the contour (m)"), standards.PIT_SPACING_M, 0.1)
        number(
            self.ROW_SPACING,
            self.tr("Row spacing down the slope (slope distance, m)"),
            standards.PIT_ROW_SPACING_M,
            0.1,
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.STAGGER, self.tr("Stagger the pits of adjacent rows (品字形)"), defaultValue=True
            )
        )
        self.addParameter(
            params.slope_limit(
                self.MIN_SLOPE, self.tr("Minimum slope treated (degrees)"), standards.PIT_MIN_SLOPE_DEG
            )
        )
        self.addParameter(
            params.slope_limit(
                self.MAX_SLOPE, self.tr("Maximum slope treated (degrees)"), standards.PIT_MAX_SLOPE_DEG
            )
        )
        number(
            self.PIT_LONG_AXIS,
            self.tr("Pit long axis, along the contour (m)"),
            standards.PIT_LONG_AXIS_M,
            0.05,
        )
        number(
            self.PIT_SHORT_AXIS,
            self.tr("Pit short axis, down the slope (m)"),
            standards.PIT_SHORT_AXIS_M,
            0.05,
        )
        number(self.PIT_DEPTH, self.tr("Pit depth (m)"), standards.PIT_DEPTH_M, 0.05)
        number(self.PIT_RIDGE, self.tr("Pit ridge height (m)"), standards.PIT_RIDGE_M, 0.0)
        number(self.BENCH_WIDTH, self.tr("Level bench width (m)"), standards.BENCH_WIDTH_M, 0.05)
        number(
            self.TRENCH_TOP_WIDTH, self.tr("Level trench top width (m)"), standards.TRENCH_TOP_WIDTH_M, 0.05
        )
        number(
            self.TRENCH_BOTTOM_WIDTH,
            self.tr("Level trench bottom width (m)"),
            standards.TRENCH_BOTTOM_WIDTH_M,
            0.0,
        )
        number(self.TRENCH_DEPTH, self.tr("Level trench depth (m)"), standards.TRENCH_DEPTH_M, 0.05)
        number(
            self.SEEDLINGS, self.tr("Seedlings per pit or planting spot"), standards.SEEDLINGS_PER_SPOT, 0.0
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.UNIT_PRICES,
                self.tr("Unit prices: per pit (or metre), per m³, per seedling (e.g. 3.5, 40, 2)"),
                optional=True,
            )
        )
        self.addParameter(
            outputs.sink_output(self.WORKS, self.tr("Works (pits or lines)"), params.SOURCE_ANY_GEOMETRY)
        )
        self.addParameter(
            outputs.sink_output(self.ROWS, self.tr("Contour rows"), params.SOURCE_LINE, secondary=True)
        )
        self.addParameter(outputs.table_output(self.SUMMARY, self.tr("Summary per area"), secondary=True))
        self.addParameter(
            outputs.sink_output(
                self.EXCLUDED, self.tr("Excluded parts"), params.SOURCE_POLYGON, secondary=True
            )
        )

    # -- parameters -------------------------------------------------------------------
    def _spec(self, parameters, context, feedback):
        measure = self.parameterAsEnum(parameters, self.MEASURE, context)
        low_default, high_default = SLOPE_DEFAULTS.get(measure, SLOPE_DEFAULTS[MEASURE_PITS])
        low = (
            self.parameterAsDouble(parameters, self.MIN_SLOPE, context)
            if parameters.get(self.MIN_SLOPE) is not None
            else low_default
        )
        high = (
            self.parameterAsDouble(parameters, self.MAX_SLOPE, context)
            if parameters.get(self.MAX_SLOPE) is not None
            else high_default
        )
        if measure != MEASURE_PITS and high > high_default:
            feedback.pushWarning(
                self.tr(
                    "Level benches and level trenches are designed for slopes up to {limit:g}° "
                    "(GB/T 16453.2); MAX_SLOPE is {high:g}°. Use fish-scale pits on steeper "
                    "slopes."
                ).format(limit=high_default, high=high)
            )
        try:
            prices = parse_prices(self.parameterAsString(parameters, self.UNIT_PRICES, context))
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc

        def num(name):
            return self.parameterAsDouble(parameters, name, context)

        spec = WorksSpec(
            measure=measure,
            spacing=num(self.SPACING),
            row_spacing=num(self.ROW_SPACING),
            stagger=self.parameterAsBoolean(parameters, self.STAGGER, context),
            min_slope=low,
            max_slope=high,
            pit_long_axis=num(self.PIT_LONG_AXIS),
            pit_short_axis=num(self.PIT_SHORT_AXIS),
            pit_depth=num(self.PIT_DEPTH),
            pit_ridge=num(self.PIT_RIDGE),
            bench_width=num(self.BENCH_WIDTH),
            trench_top_width=num(self.TRENCH_TOP_WIDTH),
            trench_bottom_width=num(self.TRENCH_BOTTOM_WIDTH),
            trench_depth=num(self.TRENCH_DEPTH),
            seedlings_per_spot=num(self.SEEDLINGS),
            unit_prices=prices,
        )
        try:
            spec.validate()
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        return spec

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dem_layer, dem_path, grid = inputs.dem(
            self, parameters, self.DEM, context, feedback, coarse_warning=standards.COARSE_DEM_M
        )
        spec = self._spec(parameters, context, feedback)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        areas = inputs.polygons(
            self,
            parameters,
            self.AREAS,
            context,
            dem_layer.crs(),
            feedback,
            attributes=[name_field] if name_field else [],
            label=self.tr("Areas to treat"),
        )
        inputs.overlapping(areas, grid, self.tr("Areas to treat"))
        names = {fid: (attrs[0] if name_field else None) for fid, _w, attrs in areas}
        measure_name = self.measure_names()[spec.measure]
        feedback.pushInfo(
            self.tr(
                "Laying out {measure}: {spacing:g} m along the contour, rows "
                "{rows:g} m apart down the slope, slopes {low:g}°–{high:g}°…"
            ).format(
                measure=measure_name,
                spacing=spec.spacing,
                rows=spec.row_spacing,
                low=spec.min_slope,
                high=spec.max_slope,
            )
        )
        result = self.run_core(
            lay_out_works,
            feedback,
            dem_path,
            [(fid, wkb) for fid, wkb, _a in areas],
            spec,
            progress_span=(0, 60),
        )
        for template, values in result.warnings:
            feedback.pushWarning(QCoreApplication.translate("SwcCore", template).format(**values))
        return self._write(parameters, context, feedback, result, names, name_field, dem_layer.crs())

    # -- outputs ----------------------------------------------------------------------
    def _name_qfield(self, parameters, context, name_field):
        if not name_field:
            return FIELD_STRING
        source = inputs.source(self, parameters, self.AREAS, context)
        return source.fields().field(name_field)

    def _write(self, parameters, context, feedback, result, names, name_field, crs):
        spec = result.spec
        is_pits = spec.measure == MEASURE_PITS
        code = MEASURE_CODES[spec.measure]
        name_qfield = self._name_qfield(parameters, context, name_field)

        # works: pits (polygons) or lines, written straight from the WKB
        w_fields = fields_from_spec(
            [
                ("AREA_ID", FIELD_INT),
                ("MEASURE", FIELD_STRING),
                ("ROW", FIELD_INT),
                ("ELEV", FIELD_DOUBLE),
                ("SLOPE", FIELD_DOUBLE),
                ("LENGTH_M", FIELD_DOUBLE),
                ("EARTH_M3", FIELD_DOUBLE),
                ("SEEDLINGS", FIELD_DOUBLE),
            ]
        )
        w_type = QgsWkbTypes.Type.Polygon if is_pits else QgsWkbTypes.Type.LineString
        w_sink, w_id = self.parameterAsSink(parameters, self.WORKS, context, w_fields, w_type, crs)
        n = result.count
        area = result.works_area.tolist()
        row = result.works_row.tolist()
        level = [round(v, 3) for v in result.works_level.tolist()]
        slope = [round(v, 2) for v in result.works_slope.tolist()]
        length = [round(v, 2) for v in result.works_length.tolist()]
        earth = [round(v, 4) for v in result.works_earth.tolist()]
        seedlings = result.works_seedlings.tolist()
        batch = []
        step = max(n // 40, 1)
        for i in range(n):
            feature = QgsFeature(w_fields)
            feature.setAttributes(
                [area[i], code, row[i], level[i], slope[i], length[i], earth[i], seedlings[i]]
            )
            geom = QgsGeometry()
            geom.fromWkb(result.works_wkb[i])
            feature.setGeometry(geom)
            batch.append(feature)
            if len(batch) >= 5000:
                outputs.add_features(w_sink, batch)
                batch = []
            if i % step == 0:
                if feedback.isCanceled():
                    break
                feedback.setProgress(60 + 30 * i / max(n, 1))
        if not feedback.isCanceled():
            outputs.add_features(w_sink, batch)

        r_fields = fields_from_spec(
            [
                ("AREA_ID", FIELD_INT),
                ("ROW", FIELD_INT),
                ("ELEV", FIELD_DOUBLE),
                ("STEP_M", FIELD_DOUBLE),
                ("SLOPE", FIELD_DOUBLE),
                ("LENGTH_M", FIELD_DOUBLE),
                ("COUNT", FIELD_INT),
            ]
        )
        r_sink, r_id = self.parameterAsSink(
            parameters, self.ROWS, context, r_fields, QgsWkbTypes.Type.MultiLineString, crs
        )
        outputs.add_rows(
            r_sink,
            r_fields,
            (
                [
                    r.area_id,
                    r.row,
                    round(r.level, 3),
                    round(r.step, 4),
                    round(r.slope, 2),
                    round(r.length_m, 2),
                    r.count,
                ]
                for r in result.rows
            ),
            (_multi_line(r.wkb) for r in result.rows),
        )
        feedback.setProgress(94)

        s_fields = fields_from_spec(
            [
                ("AREA_ID", FIELD_INT),
                ("NAME", name_qfield),
                ("MEASURE", FIELD_STRING),
                ("AREA_HA", FIELD_DOUBLE),
                ("TREATED_HA", FIELD_DOUBLE),
                ("TREATED_MU", FIELD_DOUBLE),
                ("EXCL_HA", FIELD_DOUBLE),
                ("EXCL_LOW_HA", FIELD_DOUBLE),
                ("EXCL_HIGH_HA", FIELD_DOUBLE),
                ("EXCL_NODATA_HA", FIELD_DOUBLE),
                ("EXCL_REASON", FIELD_STRING),
                ("SLOPE_MEAN", FIELD_DOUBLE),
                ("ROWS", FIELD_INT),
                ("COUNT", FIELD_INT),
                ("LENGTH_M", FIELD_DOUBLE),
                ("DENS_HA", FIELD_DOUBLE),
                ("DENS_MU", FIELD_DOUBLE),
                ("EARTH_M3", FIELD_DOUBLE),
                ("SEEDLINGS", FIELD_DOUBLE),
                ("COST", FIELD_DOUBLE),
            ]
        )
        s_sink, s_id = outputs.table_sink(self, parameters, self.SUMMARY, context, s_fields)
        s_rows = []
        ha = standards.HA_M2
        for s in result.summaries:
            reasons = []
            for rcode in (EXCL_LOW, EXCL_HIGH, EXCL_NODATA):
                if s.excluded_m2[rcode] > 0:
                    reasons.append(
                        self.tr("{reason}: {ha:.2f} ha").format(
                            reason=self.reason_label(rcode, spec.min_slope, spec.max_slope),
                            ha=s.excluded_m2[rcode] / ha,
                        )
                    )
            quantity = s.count if is_pits else s.length_m
            treated_ha = s.treated_m2 / ha
            treated_mu = s.treated_m2 / standards.MU_M2
            s_rows.append(
                [
                    s.area_id,
                    names.get(s.area_id),
                    code,
                    s.area_m2 / ha,
                    treated_ha,
                    treated_mu,
                    s.excluded_total_m2 / ha,
                    s.excluded_m2[EXCL_LOW] / ha,
                    s.excluded_m2[EXCL_HIGH] / ha,
                    s.excluded_m2[EXCL_NODATA] / ha,
                    "; ".join(reasons),
                    None if s.mean_slope != s.mean_slope else round(s.mean_slope, 2),
                    s.rows,
                    s.count,
                    round(s.length_m, 2),
                    quantity / treated_ha if treated_ha > 0 else 0.0,
                    quantity / treated_mu if treated_mu > 0 else 0.0,
                    round(s.earth_m3, 3),
                    s.seedlings,
                    round(s.cost, 2),
                ]
            )
            label = names.get(s.area_id)
            feedback.pushInfo(
                self.tr(
                    "Area {area}: treated {treated:.2f} ha, excluded {excluded:.2f} ha; {count} works, "
                    "{length:.0f} m, {earth:.1f} m³ of earthwork, {seedlings:.0f} seedlings."
                ).format(
                    area=label if label not in (None, "") else s.area_id,
                    treated=treated_ha,
                    excluded=s.excluded_total_m2 / ha,
                    count=s.count,
                    length=s.length_m,
                    earth=s.earth_m3,
                    seedlings=s.seedlings,
                )
            )
        outputs.add_rows(s_sink, s_fields, s_rows)
        results = {
            name: value
            for name, value in ((self.WORKS, w_id), (self.ROWS, r_id), (self.SUMMARY, s_id))
            if value
        }

        if parameters.get(self.EXCLUDED):
            e_fields = fields_from_spec(
                [
                    ("AREA_ID", FIELD_INT),
                    ("NAME", name_qfield),
                    ("REASON", FIELD_STRING),
                    ("REASON_TXT", FIELD_STRING),
                    ("AREA_HA", FIELD_DOUBLE),
                ]
            )
            e_sink, e_id = self.parameterAsSink(
                parameters, self.EXCLUDED, context, e_fields, QgsWkbTypes.Type.MultiPolygon, crs
            )
            if e_sink is not None:
                outputs.add_rows(
                    e_sink,
                    e_fields,
                    (
                        [
                            a,
                            names.get(a),
                            EXCL_CODES[c],
                            self.reason_label(c, spec.min_slope, spec.max_slope),
                            m2 / ha,
                        ]
                        for a, c, _w, m2 in result.excluded
                    ),
                    (_multi_polygon(w) for _a, _c, w, _m in result.excluded),
                )
                results[self.EXCLUDED] = e_id
                outputs.style_output(
                    context,
                    e_id,
                    _sidecar(
                        self.parameterAsOutputLayer(parameters, self.EXCLUDED, context),
                        "slopeworks_excluded.qml",
                    ),
                    self.tr("Excluded parts"),
                )

        if feedback.isCanceled():
            return results
        outputs.style_output(
            context,
            w_id,
            _sidecar(self.parameterAsOutputLayer(parameters, self.WORKS, context), STYLE_FILES[spec.measure]),
            self.measure_names()[spec.measure],
        )
        outputs.style_output(
            context,
            r_id,
            _sidecar(self.parameterAsOutputLayer(parameters, self.ROWS, context), "slopeworks_rows.qml"),
            self.tr("Contour rows"),
        )
        feedback.setProgress(100)
        return results


def _multi_line(wkb):
    geom = QgsGeometry()
    geom.fromWkb(wkb)
    geom.convertToMultiType()
    return geom.asWkb()


def _multi_polygon(wkb):
    geom = QgsGeometry()
    geom.fromWkb(wkb)
    geom.convertToMultiType()
    return geom.asWkb()
