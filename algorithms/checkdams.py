"""swcplanner:checkdams — check-dam (谷坊) series along every suitable gully."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterEnum, QgsWkbTypes

from . import inputs, outputs, params
from .base import GROUP_MEASURES, SwcAlgorithm, translate_core_error
from .core import standards
from .core.checkdams import check_dam_height, check_dams_from_dem
from .core.errors import SwcError
from .outputs import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, fields_from_spec

TYPE_KEYS = list(standards.CHECK_DAM_TYPE_ORDER)


class CheckDamsAlgorithm(SwcAlgorithm):
    """Check-dam series by the 顶底相照 spacing rule, with storage, silt and quantities."""

    ALG_ID = "checkdams"
    GROUP_ID = GROUP_MEASURES

    DEM = params.DEM
    AOI = "AOI"
    MIN_UPAREA = "MIN_UPAREA"
    MAX_UPAREA = "MAX_UPAREA"
    MIN_GRADIENT = "MIN_GRADIENT"
    DAM_TYPE = "DAM_TYPE"
    DAM_HEIGHT = "DAM_HEIGHT"
    I_PRIME = "I_PRIME"
    MAX_DAMS = "MAX_DAMS"
    CURVE_STEP = "CURVE_STEP"
    MAX_CREST_LENGTH = "MAX_CREST_LENGTH"
    MAX_MEMORY = params.MAX_MEMORY
    DAMS = "DAMS"
    CRESTS = "CRESTS"
    SILT = "SILT"
    CURVES = "CURVES"
    SUMMARY = "SUMMARY"

    def displayName(self):  # noqa: N802
        return self.tr("Check-dam series")

    def short_type_names(self):
        """Translated short names of the dam types, by key."""
        return {
            "drystone": self.tr("Dry stone (干砌石)"),
            "masonry": self.tr("Mortar masonry or precast block (浆砌石)"),
            "gabion": self.tr("Gabion (石笼)"),
            "earth": self.tr("Earth (土谷坊)"),
            "bagged": self.tr("Bagged soil (编织袋)"),
        }

    def type_names(self):
        """Translated option labels of the dam types, in the order of ``TYPE_KEYS``."""
        names = self.short_type_names()
        out = []
        for key in TYPE_KEYS:
            cap, top, up, down = standards.CHECK_DAM_TYPES[key]
            out.append(
                self.tr("{name}: H ≤ {cap:g} m, top {top:g} m, slopes 1:{up:g} / 1:{down:g}").format(
                    name=names[key], cap=cap, top=top, up=up, down=down
                )
            )
        return out

    def help_html(self):
        return self.format_help(
            self.tr(
                "Lays out a series of check dams (谷坊) along every gully that fits the "
                "upslope-area and gradient limits, spaced by the 顶底相照 rule, and reports "
                "for each dam its storage, silted wedge, crest and body volume."
            ),
            [
                (
                    self.tr("Gullies"),
                    self.tr(
                        "The DEM is filled and routed (D8) as in Flow direction and accumulation. Gully "
                        "cells are the channel cells whose upslope area lies between MIN_UPAREA and "
                        "MAX_UPAREA (km²) and, when given, inside the AOI polygons; every connected tree "
                        "of them is one gully, numbered from the largest. A cell can carry a dam when "
                        "its local bed gradient (over about 30 m, at least two cells, up and down the "
                        "channel) is at least MIN_GRADIENT and the valley section across it closes at "
                        "the crest level within MAX_CREST_LENGTH."
                    ),
                ),
                (
                    self.tr("Spacing (GB 51018-2014 §14.4.1)"),
                    self.tr(
                        "The first dam stands at the lowest suitable cell of each gully. Behind a dam "
                        "of effective height H the deposit fills to the spillway crest and rises "
                        "upstream at the silted-bed gradient I_PRIME; the next dam goes to the first "
                        "channel cell where this silted bed meets the bed (顶底相照). On a uniform bed "
                        "of gradient i this is L = H / (i − i′); on the real profile the dams come "
                        "closer where the bed steepens. The wedge follows every branch of the gully. "
                        "I_PRIME by deposit (GB/T 16453.3): coarse sand with gravel 0.02, clay 0.01, "
                        "clay loam 0.008, sandy soil 0.005. MAX_DAMS keeps the lowest dams of each "
                        "gully."
                    ),
                ),
                (
                    self.tr("Dam types (GB 51018-2014 §14.4)"),
                    self.tr(
                        "The type sets the maximum height, the top width and the side slopes (middle "
                        "of the published ranges): dry stone ≤ 3 m, mortar masonry ≤ 5 m, gabion ≤ "
                        "3 m, earth 2–5 m, bagged soil ≤ 3 m. A DAM_HEIGHT above the type's cap is "
                        "refused."
                    ),
                ),
                (
                    self.tr("Storage and silt"),
                    self.tr(
                        "From the depression-filled DEM. The crest runs across the thalweg, "
                        "perpendicular to the channel direction, to where the ground reaches the crest "
                        "level. A dam's pool is made of the cells that drain into the gully in the "
                        "reach the dam governs; cells cut by the dam axis count with their upstream "
                        "share. The storage is the volume below the crest level; the silted wedge the "
                        "volume below the silted bed. The body volume integrates the trapezoidal "
                        "section (top width + side slopes × local height) along the crest; spillway "
                        "notch, freeboard and foundation are not included."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "DAMS: points with DAM_ID, GULLY, REACH (reach between junctions), ORDER "
                        "(Strahler), BED_Z, H_M, CREST_Z, GRADIENT (mean bed gradient of the silted "
                        "reach), LOCAL_I (local gradient), NEXT_ID and SPACING_M (next dam upstream on "
                        "the main branch and the distance to it along the channel), RULE_L_M (distance "
                        "at which the silted bed meets the bed; SPACING_M is never below it), DIST_M "
                        "(from the gully outlet), CONTROL_KM2 (upslope area), STORAGE_M3 and POOL_M2 "
                        "(at H), SILT_M3, SILT_M2, CREST_M, BODY_M3, DAM_TYPE. CRESTS: crest lines. "
                        "SILT: silted wedge polygons. CURVES: height–area–volume per dam every "
                        "CURVE_STEP m up to H. SUMMARY: per gully and in all: dams, body volume, "
                        "storage, silt, channel length, gully area."
                    ),
                ),
                (
                    self.tr("DEM resolution"),
                    self.tr(
                        "A dam is placed on a cell: with a 30 m DEM on steep gullies, where L is "
                        "shorter than a cell, every cell carries a dam and the pools are a cell long. "
                        "Use a 5–10 m DEM for design."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        lo, hi = standards.CHECK_DAM_UPAREA_KM2
        self.addParameter(params.dem())
        self.addParameter(params.polygons(self.AOI, self.tr("Area of interest"), optional=True))
        self.addParameter(
            params.number(self.MIN_UPAREA, self.tr("Minimum upslope area of a gully (km²)"), lo, minimum=1e-9)
        )
        self.addParameter(
            params.number(self.MAX_UPAREA, self.tr("Maximum upslope area of a gully (km²)"), hi, minimum=1e-9)
        )
        self.addParameter(
            params.number(
                self.MIN_GRADIENT,
                self.tr("Minimum bed gradient (m/m)"),
                standards.CHECK_DAM_MIN_GRADIENT,
                minimum=1e-6,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DAM_TYPE, self.tr("Dam type"), options=self.type_names(), defaultValue=0
            )
        )
        self.addParameter(
            params.number(
                self.DAM_HEIGHT,
                self.tr("Effective height H to the spillway crest (m)"),
                standards.CHECK_DAM_HEIGHT_M,
                minimum=0.1,
            )
        )
        self.addParameter(
            params.number(
                self.I_PRIME,
                self.tr("Gradient of the silted bed i′ (m/m)"),
                standards.CHECK_DAM_I_PRIME,
                minimum=0.0,
            )
        )
        self.addParameter(
            params.number(
                self.MAX_DAMS,
                self.tr("Maximum dams per gully (0 = no limit)"),
                0,
                minimum=0,
                integer=True,
                optional=True,
            )
        )
        self.addParameter(
            params.number(
                self.CURVE_STEP,
                self.tr("Height step of the storage curves (m)"),
                0.5,
                minimum=0.01,
                is_advanced=True,
            )
        )
        self.addParameter(
            params.number(
                self.MAX_CREST_LENGTH,
                self.tr("Longest crest considered (m)"),
                standards.CHECK_DAM_MAX_CREST_M,
                minimum=1.0,
                is_advanced=True,
            )
        )
        self.addParameter(params.max_memory())
        self.addParameter(outputs.sink_output(self.DAMS, self.tr("Check dams"), params.SOURCE_POINT))
        self.addParameter(
            outputs.sink_output(self.CRESTS, self.tr("Dam crests"), params.SOURCE_LINE, secondary=True)
        )
        self.addParameter(
            outputs.sink_output(self.SILT, self.tr("Silted wedges"), params.SOURCE_POLYGON, secondary=True)
        )
        self.addParameter(
            outputs.table_output(self.CURVES, self.tr("Height–area–volume curves"), secondary=True)
        )
        self.addParameter(outputs.table_output(self.SUMMARY, self.tr("Check-dam summary"), secondary=True))

    def _height_error(self, parameters, context):
        key = TYPE_KEYS[self.parameterAsEnum(parameters, self.DAM_TYPE, context)]
        height = self.parameterAsDouble(parameters, self.DAM_HEIGHT, context)
        try:
            check_dam_height(height, key)
        except SwcError as exc:
            return translate_core_error(exc)
        return ""

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, msg = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, msg
        err = self._height_error(parameters, context)
        if err:
            return False, err
        lo = self.parameterAsDouble(parameters, self.MIN_UPAREA, context)
        hi = self.parameterAsDouble(parameters, self.MAX_UPAREA, context)
        if lo >= hi:
            return False, self.tr(
                "MIN_UPAREA ({lo:g} km²) must be smaller than MAX_UPAREA ({hi:g} km²)."
            ).format(lo=lo, hi=hi)
        return True, ""

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dem_layer, dem_path, grid = inputs.dem(
            self, parameters, self.DEM, context, feedback, coarse_warning=10.0
        )
        crs = dem_layer.crs()
        err = self._height_error(parameters, context)
        if err:
            raise self.fail(err)
        key = TYPE_KEYS[self.parameterAsEnum(parameters, self.DAM_TYPE, context)]
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
        aoi_wkb = [wkb for _fid, wkb, _a in aoi] if aoi else None
        height = self.parameterAsDouble(parameters, self.DAM_HEIGHT, context)
        max_dams = self.parameterAsInt(parameters, self.MAX_DAMS, context)
        feedback.pushInfo(self.tr("Routing the DEM and laying out the dam series…"))
        plan = self.run_core(
            check_dams_from_dem,
            feedback,
            dem_path,
            aoi_polygons=aoi_wkb,
            max_memory_mb=self.parameterAsInt(parameters, self.MAX_MEMORY, context),
            min_uparea_km2=self.parameterAsDouble(parameters, self.MIN_UPAREA, context),
            max_uparea_km2=self.parameterAsDouble(parameters, self.MAX_UPAREA, context),
            min_gradient=self.parameterAsDouble(parameters, self.MIN_GRADIENT, context),
            height=height,
            i_prime=self.parameterAsDouble(parameters, self.I_PRIME, context),
            type_key=key,
            max_dams=max_dams,
            curve_step=self.parameterAsDouble(parameters, self.CURVE_STEP, context),
            max_crest_m=self.parameterAsDouble(parameters, self.MAX_CREST_LENGTH, context),
            progress_span=(0, 85),
        )
        stats = plan.stats
        feedback.pushInfo(
            self.tr(
                "{dams} dams on {gullies} gullies; {cells} gully cells, {ok} suitable, {open} with "
                "a valley section that does not close at the crest level."
            ).format(
                dams=int(stats["dams"]),
                gullies=int(stats["gullies"]),
                cells=int(stats["channel_cells"]),
                ok=int(stats["eligible_cells"]),
                open=int(stats["open_sections"]),
            )
        )
        if stats.get("dropped_max_dams"):
            feedback.pushInfo(
                self.tr("{n} dams above the first {m} of their gully were left out (MAX_DAMS).").format(
                    n=int(stats["dropped_max_dams"]), m=max_dams
                )
            )
        return self._write(parameters, context, feedback, plan, crs, key)

    def _write(self, parameters, context, feedback, plan, crs, key):
        from qgis.core import QgsGeometry, QgsPointXY

        type_name = self.short_type_names()[key]
        d_fields = fields_from_spec(
            [
                ("DAM_ID", FIELD_INT),
                ("GULLY", FIELD_INT),
                ("REACH", FIELD_INT),
                ("ORDER", FIELD_INT),
                ("BED_Z", FIELD_DOUBLE),
                ("H_M", FIELD_DOUBLE),
                ("CREST_Z", FIELD_DOUBLE),
                ("GRADIENT", FIELD_DOUBLE),
                ("LOCAL_I", FIELD_DOUBLE),
                ("NEXT_ID", FIELD_INT),
                ("SPACING_M", FIELD_DOUBLE),
                ("RULE_L_M", FIELD_DOUBLE),
                ("DIST_M", FIELD_DOUBLE),
                ("CONTROL_KM2", FIELD_DOUBLE),
                ("STORAGE_M3", FIELD_DOUBLE),
                ("POOL_M2", FIELD_DOUBLE),
                ("SILT_M3", FIELD_DOUBLE),
                ("SILT_M2", FIELD_DOUBLE),
                ("CREST_M", FIELD_DOUBLE),
                ("BODY_M3", FIELD_DOUBLE),
                ("DAM_TYPE", FIELD_STRING),
                ("TYPE_NAME", FIELD_STRING),
            ]
        )
        sink, dams_id = self.parameterAsSink(
            parameters, self.DAMS, context, d_fields, QgsWkbTypes.Type.Point, crs
        )
        rows, geoms = [], []
        for d in plan.dams:
            rows.append(
                [
                    d.dam_id,
                    d.gully,
                    d.reach,
                    d.order,
                    round(d.bed_z, 3),
                    d.height,
                    round(d.crest_z, 3),
                    round(d.gradient, 5),
                    round(d.local_gradient, 5),
                    d.next_id,
                    None if d.spacing_m is None else round(d.spacing_m, 2),
                    None if d.rule_spacing_m is None else round(d.rule_spacing_m, 2),
                    round(d.distance_m, 2),
                    round(d.control_km2, 6),
                    round(d.storage_m3, 2),
                    round(d.pool_m2, 2),
                    round(d.silt_m3, 2),
                    round(d.silt_m2, 2),
                    round(d.crest_m, 2),
                    round(d.body_m3, 2),
                    key,
                    type_name,
                ]
            )
            geoms.append(bytes(QgsGeometry.fromPointXY(QgsPointXY(d.x, d.y)).asWkb()))
        outputs.add_rows(sink, d_fields, rows, geoms)
        feedback.setProgress(88)

        c_fields = fields_from_spec(
            [
                ("DAM_ID", FIELD_INT),
                ("CREST_M", FIELD_DOUBLE),
                ("CREST_Z", FIELD_DOUBLE),
                ("BODY_M3", FIELD_DOUBLE),
            ]
        )
        c_sink, crests_id = self.parameterAsSink(
            parameters, self.CRESTS, context, c_fields, QgsWkbTypes.Type.LineString, crs
        )
        outputs.add_rows(
            c_sink,
            c_fields,
            [[d.dam_id, round(d.crest_m, 2), round(d.crest_z, 3), round(d.body_m3, 2)] for d in plan.dams],
            [d.crest_wkb for d in plan.dams],
        )
        s_fields = fields_from_spec(
            [("DAM_ID", FIELD_INT), ("SILT_M2", FIELD_DOUBLE), ("SILT_M3", FIELD_DOUBLE)]
        )
        s_sink, silt_id = self.parameterAsSink(
            parameters, self.SILT, context, s_fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        with_silt = [d for d in plan.dams if d.silt_wkb]
        outputs.add_rows(
            s_sink,
            s_fields,
            [[d.dam_id, round(d.silt_m2, 2), round(d.silt_m3, 2)] for d in with_silt],
            [d.silt_wkb for d in with_silt],
        )
        feedback.setProgress(92)

        curves_id = outputs.storage_curves_table(self, parameters, self.CURVES, context, plan.dams)
        g_fields = fields_from_spec(
            [
                ("GULLY", FIELD_STRING),
                ("DAMS", FIELD_INT),
                ("BODY_M3", FIELD_DOUBLE),
                ("STORAGE_M3", FIELD_DOUBLE),
                ("SILT_M3", FIELD_DOUBLE),
                ("SILT_M2", FIELD_DOUBLE),
                ("CHANNEL_M", FIELD_DOUBLE),
                ("AREA_KM2", FIELD_DOUBLE),
            ]
        )
        g_sink, summary_id = outputs.table_sink(self, parameters, self.SUMMARY, context, g_fields)
        names = ("DAMS", "BODY_M3", "STORAGE_M3", "SILT_M3", "SILT_M2", "CHANNEL_M")
        g_rows = [
            [str(g["GULLY"])]
            + [round(g[n], 2) if n != "DAMS" else int(g[n]) for n in names]
            + [round(g["AREA_KM2"], 6)]
            for g in plan.gullies
        ]
        total = (
            [self.tr("All")]
            + [
                int(sum(g[n] for g in plan.gullies))
                if n == "DAMS"
                else round(sum(g[n] for g in plan.gullies), 2)
                for n in names
            ]
            + [None]
        )
        outputs.add_rows(g_sink, g_fields, g_rows + [total])
        feedback.pushInfo(
            self.tr("In all: {n} dams, body {body:.0f} m³, storage {sto:.0f} m³, silt {silt:.0f} m³.").format(
                n=total[1], body=total[2], sto=total[3], silt=total[4]
            )
        )
        outputs.style_output(context, dams_id, outputs.style_path("checkdam_dams.qml"), self.tr("Check dams"))
        outputs.style_output(
            context, crests_id, outputs.style_path("checkdam_crests.qml"), self.tr("Dam crests")
        )
        outputs.style_output(
            context, silt_id, outputs.style_path("checkdam_silt.qml"), self.tr("Silted wedges")
        )
        feedback.setProgress(100)
        return {
            self.DAMS: dams_id,
            self.CRESTS: crests_id,
            self.SILT: silt_id,
            self.CURVES: curves_id,
            self.SUMMARY: summary_id,
        }
