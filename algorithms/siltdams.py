"""swcplanner:siltdams — 淤地坝 (silt-trap dams) sited one by one by control area and storage need."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterRasterLayer, QgsWkbTypes

from . import inputs, outputs, params
from .base import GROUP_MEASURES, SwcAlgorithm
from .core import standards
from .core.planning.siltdams import SiltDamSettings, silt_dams_from_dem
from .outputs import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, fields_from_spec

DEFAULTS = SiltDamSettings()


class SiltDamsAlgorithm(SwcAlgorithm):
    """One 淤地坝 per gully: storage need from the sediment over the design life, height–area–volume curve,
    size class, silted area, dam body."""

    ALG_ID = "siltdams"
    GROUP_ID = GROUP_MEASURES

    DEM = params.DEM
    AOI = "AOI"
    SOIL_LOSS = "SOIL_LOSS"
    MODULUS = "MODULUS"
    MIN_CONTROL = "MIN_CONTROL"
    MAX_CONTROL = "MAX_CONTROL"
    DELIVERY_RATIO = "DELIVERY_RATIO"
    DRY_DENSITY = "DRY_DENSITY"
    DESIGN_LIFE = "DESIGN_LIFE"
    FLOOD_DEPTH = "FLOOD_DEPTH"
    FREEBOARD = "FREEBOARD"
    MAX_HEIGHT = "MAX_HEIGHT"
    SEARCH_LENGTH = "SEARCH_LENGTH"
    MAX_CREST_LENGTH = "MAX_CREST_LENGTH"
    TOP_WIDTH = "TOP_WIDTH"
    UP_SLOPE = "UP_SLOPE"
    DOWN_SLOPE = "DOWN_SLOPE"
    MAX_MEMORY = params.MAX_MEMORY
    DAMS = "DAMS"
    CRESTS = "CRESTS"
    SILT = "SILT"
    CURVES = "CURVES"
    REJECTED = "REJECTED"

    def displayName(self):  # noqa: N802
        return self.tr("Silt-trap dams (淤地坝)")

    def help_html(self):
        classes = ", ".join(
            f"{name} < {upper / 1e4:g}×10⁴ m³ ({life} a)"
            for upper, _c, name, life in standards.DAM_SIZE_CLASSES
        )
        return self.format_help(
            self.tr(
                "Proposes one silt-trap dam (淤地坝) per gully whose control area and storage need fit "
                "one (GB 51018-2014 §5, §7; SL 289 for dam systems: 骨干坝 control 3–8 km², 50–500 ×10⁴ "
                "m³). Check-dam series (谷坊, swcplanner:checkdams) stay in small, steep gullies."
            ),
            [
                (
                    self.tr("Gullies and sites"),
                    self.tr(
                        "A gully is a connected tree of channel cells whose upslope area lies between "
                        "MIN_CONTROL and MAX_CONTROL (km², default 1–8), inside AOI. Its main stem is "
                        "searched upstream from the gully outlet for SEARCH_LENGTH m; at each site an "
                        "axis across the valley, perpendicular to the thalweg, gives the "
                        "height–area–volume curve (as swcplanner:damstorage). The site kept has the "
                        "least dam body per m³ of storage need (ties: the lowest)."
                    ),
                ),
                (
                    self.tr("Storage need and class"),
                    self.tr(
                        "Sediment inflow W (t/a) = the soil-loss modulus (SOIL_LOSS, the SOIL_LOSS of "
                        "swcplanner:soilloss, t/km²·a; or the constant MODULUS) summed over the control "
                        "area × DELIVERY_RATIO. Silt storage = W × N / DRY_DENSITY; flood storage = "
                        "FLOOD_DEPTH mm of runoff over the control area (0 = not included: add the "
                        "design flood of the design). N = DESIGN_LIFE, or with 0 by class: the smallest "
                        "class whose design life (the lower bound of its range) gives a storage in that "
                        "class. Classes by total storage: {classes} (SL 302-2004 / GB 51018 §5.2 as "
                        "recalled [U]). Dam height = the height storing the need + FREEBOARD, at most "
                        "MAX_HEIGHT; the valley must close at it."
                    ).format(classes=classes),
                ),
                (
                    self.tr("Dam body and outlet works"),
                    self.tr(
                        "Body = the trapezoidal section (TOP_WIDTH, side slopes 1:UP_SLOPE and "
                        "1:DOWN_SLOPE) integrated along the crest over the ground. Defaults are planning "
                        "values [U], not a design. Outlet works that drain the detained flood within 7 "
                        "days are required (GB 51018 §7.1.5); they are priced per dam by "
                        "swcplanner:planquantities (siltdam_count), not designed here."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "DAMS (points): DAM_ID, GULLY, BED_Z, CONTROL_KM2, SEDIMENT_T_A, MODULUS (mean "
                        "over the control area), LIFE_YR, SILT_NEED_M3, FLOOD_M3, NEED_M3, CLASS, "
                        "CLASS_ZH, CLASS_LIFE, SILT_H_M, WATER_H_M, H_M (dam height), STORAGE_M3, "
                        "SILT_M2 (silted area 淤地面积), POOL_M2, CREST_M, BODY_M3, CLOSED_H_M, DIST_M "
                        "(from the gully outlet), OUTLET (required outlet works). CRESTS (lines), SILT "
                        "(silted area at the silt height), CURVES (DAM_ID, H_M, Z_M, AREA_M2, VOL_M3), "
                        "REJECTED (gullies without a dam: GULLY, CONTROL_KM2, NEED_M3, REASON "
                        "no_sediment, too_large, too_small or valley_open)."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        d = DEFAULTS
        self.addParameter(params.dem())
        self.addParameter(
            params.polygons(self.AOI, self.tr("Area of interest (e.g. the watershed)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.SOIL_LOSS,
                self.tr("Soil-loss modulus (SOIL_LOSS of swcplanner:soilloss, t/km²·a)"),
                None,
                True,
            )
        )
        self.addParameter(
            params.number(
                self.MODULUS,
                self.tr("Soil-loss modulus where no raster is given (t/km²·a)"),
                0.0,
                minimum=0.0,
            )
        )
        self.addParameter(
            params.number(
                self.MIN_CONTROL, self.tr("Minimum control area (km²)"), d.min_control_km2, minimum=0.001
            )
        )
        self.addParameter(
            params.number(
                self.MAX_CONTROL, self.tr("Maximum control area (km²)"), d.max_control_km2, minimum=0.001
            )
        )
        self.addParameter(
            params.number(
                self.DELIVERY_RATIO,
                self.tr("Sediment delivery ratio"),
                d.delivery_ratio,
                minimum=0.01,
                maximum=1.0,
            )
        )
        self.addParameter(
            params.number(
                self.DRY_DENSITY,
                self.tr("Dry density of the deposit (t/m³)"),
                d.dry_density,
                minimum=0.5,
                maximum=2.5,
                is_advanced=True,
            )
        )
        self.addParameter(
            params.number(
                self.DESIGN_LIFE,
                self.tr("Design silting life (years; 0 = by size class)"),
                d.design_life,
                minimum=0.0,
                maximum=100.0,
            )
        )
        self.addParameter(
            params.number(
                self.FLOOD_DEPTH,
                self.tr("Flood runoff detained (mm over the control area; 0 = not included)"),
                d.flood_mm,
                minimum=0.0,
                maximum=500.0,
            )
        )
        for name, label, value, hi in (
            (self.FREEBOARD, self.tr("Freeboard (m)"), d.freeboard_m, 10.0),
            (self.MAX_HEIGHT, self.tr("Maximum dam height (m)"), d.max_height_m, 100.0),
            (self.SEARCH_LENGTH, self.tr("Search upstream of the gully outlet (m)"), d.search_m, 100000.0),
            (self.MAX_CREST_LENGTH, self.tr("Maximum crest length (m)"), d.max_crest_m, 5000.0),
            (self.TOP_WIDTH, self.tr("Crest width (m)"), d.top_width_m, 50.0),
            (self.UP_SLOPE, self.tr("Upstream slope 1:m"), d.up_slope, 10.0),
            (self.DOWN_SLOPE, self.tr("Downstream slope 1:m"), d.down_slope, 10.0),
        ):
            self.addParameter(params.number(name, label, value, minimum=0.0, maximum=hi, is_advanced=True))
        self.addParameter(params.max_memory())
        self.addParameter(outputs.sink_output(self.DAMS, self.tr("Silt-trap dams"), params.SOURCE_POINT))
        self.addParameter(
            outputs.sink_output(self.CRESTS, self.tr("Dam crests"), params.SOURCE_LINE, secondary=True)
        )
        self.addParameter(
            outputs.sink_output(
                self.SILT, self.tr("Silted area (淤地面积)"), params.SOURCE_POLYGON, secondary=True
            )
        )
        self.addParameter(
            outputs.table_output(self.CURVES, self.tr("Height–area–volume curves"), secondary=True)
        )
        self.addParameter(
            outputs.table_output(self.REJECTED, self.tr("Gullies without a dam"), secondary=True)
        )

    def settings(self, parameters, context) -> SiltDamSettings:
        v = lambda name: self.parameterAsDouble(parameters, name, context)  # noqa: E731
        return SiltDamSettings(
            min_control_km2=v(self.MIN_CONTROL),
            max_control_km2=v(self.MAX_CONTROL),
            delivery_ratio=v(self.DELIVERY_RATIO),
            dry_density=v(self.DRY_DENSITY),
            design_life=v(self.DESIGN_LIFE),
            flood_mm=v(self.FLOOD_DEPTH),
            freeboard_m=v(self.FREEBOARD),
            max_height_m=v(self.MAX_HEIGHT),
            search_m=v(self.SEARCH_LENGTH),
            max_crest_m=v(self.MAX_CREST_LENGTH),
            top_width_m=v(self.TOP_WIDTH),
            up_slope=v(self.UP_SLOPE),
            down_slope=v(self.DOWN_SLOPE),
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dem_layer, dem_path, _grid = inputs.dem(self, parameters, self.DEM, context, feedback)
        crs = dem_layer.crs()
        aoi = inputs.polygons(
            self,
            parameters,
            self.AOI,
            context,
            crs,
            feedback,
            required=False,
            label=self.tr("Area of interest"),
        )
        loss = inputs.raster(self, parameters, self.SOIL_LOSS, context, required=False)
        feedback.pushInfo(self.tr("Routing the DEM and siting the silt-trap dams…"))
        plan = self.run_core(
            silt_dams_from_dem,
            feedback,
            dem_path,
            soil_loss_path=loss[1] if loss else None,
            modulus_constant=self.parameterAsDouble(parameters, self.MODULUS, context),
            aoi_polygons=[wkb for _f, wkb, _a in aoi] if aoi else None,
            settings=self.settings(parameters, context),
            max_memory_mb=self.parameterAsInt(parameters, self.MAX_MEMORY, context),
            progress_span=(0, 90),
        )
        if not plan.stats.get("gullies"):
            feedback.pushWarning(
                self.tr(
                    "No gully has a control area between {lo:g} and {hi:g} km² inside the area of interest "
                    "(largest upslope area there: {largest:.3f} km²): no silt-trap dam is proposed."
                ).format(
                    lo=self.parameterAsDouble(parameters, self.MIN_CONTROL, context),
                    hi=self.parameterAsDouble(parameters, self.MAX_CONTROL, context),
                    largest=float(plan.stats.get("largest_km2", 0.0)),
                )
            )
        feedback.pushInfo(
            self.tr("{dams} silt-trap dams on {gullies} gullies; {rejected} gullies without a dam.").format(
                dams=len(plan.dams), gullies=int(plan.stats.get("gullies", 0)), rejected=len(plan.rejected)
            )
        )
        for d in plan.dams:
            feedback.pushInfo(
                self.tr(
                    "Dam {id}: control {km2:.2f} km², need {need:,.0f} m³ over {life:g} years → {cls}, "
                    "height {h:.1f} m, silted area {silt:.2f} ha, body {body:,.0f} m³."
                ).format(
                    id=d.dam_id,
                    km2=d.control_km2,
                    need=d.need_m3,
                    life=d.life_years,
                    cls=d.size_name,
                    h=d.height_m,
                    silt=d.silt_m2 / 1e4,
                    body=d.body_m3,
                )
            )
        return self._write(parameters, context, plan, crs)

    def _write(self, parameters, context, plan, crs):
        from qgis.core import QgsGeometry, QgsPointXY

        spec = [
            ("DAM_ID", FIELD_INT),
            ("GULLY", FIELD_INT),
            ("BED_Z", FIELD_DOUBLE),
            ("CONTROL_KM2", FIELD_DOUBLE),
            ("SEDIMENT_T_A", FIELD_DOUBLE),
            ("MODULUS", FIELD_DOUBLE),
            ("LIFE_YR", FIELD_DOUBLE),
            ("SILT_NEED_M3", FIELD_DOUBLE),
            ("FLOOD_M3", FIELD_DOUBLE),
            ("NEED_M3", FIELD_DOUBLE),
            ("CLASS", FIELD_STRING),
            ("CLASS_ZH", FIELD_STRING),
            ("CLASS_LIFE", FIELD_STRING),
            ("SILT_H_M", FIELD_DOUBLE),
            ("WATER_H_M", FIELD_DOUBLE),
            ("H_M", FIELD_DOUBLE),
            ("STORAGE_M3", FIELD_DOUBLE),
            ("SILT_M2", FIELD_DOUBLE),
            ("POOL_M2", FIELD_DOUBLE),
            ("CREST_M", FIELD_DOUBLE),
            ("BODY_M3", FIELD_DOUBLE),
            ("CLOSED_H_M", FIELD_DOUBLE),
            ("DIST_M", FIELD_DOUBLE),
            ("OUTLET", FIELD_STRING),
        ]
        d_fields = fields_from_spec(spec)
        sink, dams_id = self.parameterAsSink(
            parameters, self.DAMS, context, d_fields, QgsWkbTypes.Type.Point, crs
        )
        outlet = self.tr("required: drains the detained flood within 7 days (GB 51018 §7.1.5)")
        rows = [
            [
                d.dam_id,
                d.gully,
                round(d.bed_z, 3),
                round(d.control_km2, 6),
                round(d.sediment_t_a, 2),
                round(d.modulus, 2),
                d.life_years,
                round(d.silt_need_m3, 2),
                round(d.flood_m3, 2),
                round(d.need_m3, 2),
                d.size_code,
                d.size_name,
                d.class_life,
                round(d.silt_height_m, 3),
                round(d.water_height_m, 3),
                round(d.height_m, 3),
                round(d.storage_m3, 2),
                round(d.silt_m2, 2),
                round(d.pool_m2, 2),
                round(d.crest_m, 2),
                round(d.body_m3, 2),
                round(d.closed_height_m, 3),
                round(d.distance_m, 2),
                outlet,
            ]
            for d in plan.dams
        ]
        geoms = [bytes(QgsGeometry.fromPointXY(QgsPointXY(d.x, d.y)).asWkb()) for d in plan.dams]
        outputs.add_rows(sink, d_fields, rows, geoms)
        c_fields = fields_from_spec([("DAM_ID", FIELD_INT), ("CREST_M", FIELD_DOUBLE), ("H_M", FIELD_DOUBLE)])
        c_sink, crests_id = self.parameterAsSink(
            parameters, self.CRESTS, context, c_fields, QgsWkbTypes.Type.LineString, crs
        )
        outputs.add_rows(
            c_sink,
            c_fields,
            [[d.dam_id, round(d.crest_m, 2), round(d.height_m, 3)] for d in plan.dams],
            [d.crest_wkb for d in plan.dams],
        )
        s_fields = fields_from_spec(
            [("DAM_ID", FIELD_INT), ("SILT_M2", FIELD_DOUBLE), ("SILT_H_M", FIELD_DOUBLE)]
        )
        s_sink, silt_id = self.parameterAsSink(
            parameters, self.SILT, context, s_fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        with_silt = [d for d in plan.dams if d.silt_wkb]
        outputs.add_rows(
            s_sink,
            s_fields,
            [[d.dam_id, round(d.silt_m2, 2), round(d.silt_height_m, 3)] for d in with_silt],
            [d.silt_wkb for d in with_silt],
        )
        curves_id = outputs.storage_curves_table(self, parameters, self.CURVES, context, plan.dams)
        r_fields = fields_from_spec(
            [
                ("GULLY", FIELD_INT),
                ("X", FIELD_DOUBLE),
                ("Y", FIELD_DOUBLE),
                ("CONTROL_KM2", FIELD_DOUBLE),
                ("NEED_M3", FIELD_DOUBLE),
                ("REASON", FIELD_STRING),
            ]
        )
        r_sink, rejected_id = outputs.table_sink(self, parameters, self.REJECTED, context, r_fields)
        outputs.add_rows(
            r_sink,
            r_fields,
            [
                [
                    r.gully,
                    round(r.x, 2),
                    round(r.y, 2),
                    round(r.control_km2, 6),
                    round(r.need_m3, 2),
                    r.reason,
                ]
                for r in plan.rejected
            ],
        )
        return {
            self.DAMS: dams_id,
            self.CRESTS: crests_id,
            self.SILT: silt_id,
            self.CURVES: curves_id,
            self.REJECTED: rejected_id,
        }
