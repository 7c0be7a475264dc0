"""swcplanner:damstorage — storage curve, flooded area and control area of a dam axis."""

from __future__ import annotations

import math

from qgis.core import QgsProcessingException, QgsProcessingParameterFeatureSource, QgsWkbTypes

from . import inputs, outputs, params
from .base import GROUP_MEASURES, SwcAlgorithm
from .core import standards
from .core.checkdams import dam_storage_from_dem
from .outputs import FIELD_DOUBLE, FIELD_INT, FIELD_LONG, FIELD_STRING, fields_from_spec


class DamStorageAlgorithm(SwcAlgorithm):
    """Height–area–volume table of a dam axis, with size class and sediment life."""

    ALG_ID = "damstorage"
    GROUP_ID = GROUP_MEASURES

    DEM = params.DEM
    AXIS = "AXIS"
    MAX_HEIGHT = "MAX_HEIGHT"
    STEP = "STEP"
    HEIGHT = "HEIGHT"
    EROSION_MODULUS = "EROSION_MODULUS"
    DELIVERY_RATIO = "DELIVERY_RATIO"
    DRY_DENSITY = "DRY_DENSITY"
    MAX_MEMORY = params.MAX_MEMORY
    TABLE = "TABLE"
    FLOODED = "FLOODED"
    CATCHMENT = "CATCHMENT"

    def displayName(self):  # noqa: N802
        return self.tr("Dam storage curve")

    def class_names(self):
        return {
            "small": self.tr("small (< 10×10⁴ m³)"),
            "medium": self.tr("medium (10–50×10⁴ m³)"),
            "large2": self.tr("large 2 (50–100×10⁴ m³)"),
            "large1": self.tr("large 1 (100–500×10⁴ m³)"),
            "above_large1": self.tr("above large 1 (≥ 500×10⁴ m³)"),
        }

    def help_html(self):
        return self.format_help(
            self.tr(
                "For a dam axis drawn across a valley (a check dam, silt-trap dam 淤地坝 or "
                "sediment dam 拦沙坝): the height–area–volume table, the flooded area at a "
                "chosen height, the control area, the size class and the sediment life."
            ),
            [
                (
                    self.tr("Method (domain.md §7.3)"),
                    self.tr(
                        "The DEM is filled and routed (D8). The thalweg crossing is the axis cell with "
                        "the largest upslope area; its filled elevation is the bed z₀. The axis cells "
                        "next to it that lie below z₀ + MAX_HEIGHT close the pool, and the control area "
                        "is every cell draining through them. At height h the pool is the control-area "
                        "cells below z₀ + h (cells cut by the axis count with their upstream share): "
                        "A(h) = Σ cell areas, V(h) = Σ (z₀ + h − z) × cell area. Draw the axis from "
                        "valley side to valley side: above the lower of the two highest points along the "
                        "axis (CLOSED = 0 in the table) the water would pass around its ends."
                    ),
                ),
                (
                    self.tr("Size class and sediment life"),
                    self.tr(
                        "The class follows the total capacity at HEIGHT (SL 302 / GB 51018 §5.2): "
                        "small < 10, medium 10–50, large 2 50–100, large 1 100–500 ×10⁴ m³, with the "
                        "design silting life of the class. Sediment life N = V·γd / (M·A·SDR): V the "
                        "capacity at HEIGHT (m³), γd the dry density of the deposit (t/m³, 1.3–1.35), "
                        "M the erosion modulus (t/km²·a), A the control area (km²), SDR the sediment "
                        "delivery ratio (GB 51018 §8.4.3)."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "TABLE: AXIS_ID, H_M, Z_M, AREA_M2, VOL_M3, VOL_1E4M3, CREST_M (length of the "
                        "axis below the water level), CLOSED. FLOODED: the pool at HEIGHT with BED_Z, "
                        "WATER_Z, AREA_M2, VOL_M3, CONTROL_KM2, SIZE_CLASS, CLASS_NAME, DESIGN_LIFE, "
                        "SED_T_A (sediment yield, t/a), LIFE_A (years), CREST_M, CLOSED_H (height up "
                        "to which the axis closes the valley). CATCHMENT: the control area."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.dem())
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AXIS, self.tr("Dam axes (lines across the valley)"), [params.SOURCE_LINE]
            )
        )
        self.addParameter(
            params.number(self.MAX_HEIGHT, self.tr("Maximum height of the curve (m)"), 10.0, minimum=0.01)
        )
        self.addParameter(params.number(self.STEP, self.tr("Height step (m)"), 0.5, minimum=0.01))
        self.addParameter(
            params.number(
                self.HEIGHT,
                self.tr("Height of the flooded area (m; empty = maximum height)"),
                None,
                minimum=0.01,
                optional=True,
            )
        )
        self.addParameter(
            params.number(
                self.EROSION_MODULUS,
                self.tr("Erosion modulus (t/km²·a; 0 = no sediment life)"),
                standards.EROSION_CLASS_BOUNDS[0],
                minimum=0.0,
            )
        )
        self.addParameter(
            params.number(
                self.DELIVERY_RATIO, self.tr("Sediment delivery ratio (0–1)"), 1.0, minimum=0.0, maximum=1.0
            )
        )
        self.addParameter(
            params.number(
                self.DRY_DENSITY,
                self.tr("Dry density of the deposit (t/m³)"),
                standards.DEPOSIT_DRY_DENSITY_T_M3,
                minimum=0.1,
            )
        )
        self.addParameter(params.max_memory())
        self.addParameter(outputs.table_output(self.TABLE, self.tr("Height–area–volume table")))
        self.addParameter(
            outputs.sink_output(self.FLOODED, self.tr("Flooded area"), params.SOURCE_POLYGON, secondary=True)
        )
        self.addParameter(
            outputs.sink_output(
                self.CATCHMENT, self.tr("Control area"), params.SOURCE_POLYGON, secondary=True
            )
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, msg = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, msg
        hmax = self.parameterAsDouble(parameters, self.MAX_HEIGHT, context)
        if parameters.get(self.HEIGHT) not in (None, ""):
            h = self.parameterAsDouble(parameters, self.HEIGHT, context)
            if h > hmax:
                return False, self.tr("HEIGHT ({h:g} m) must not exceed MAX_HEIGHT ({hmax:g} m).").format(
                    h=h, hmax=hmax
                )
        return True, ""

    def _axes(self, parameters, context, crs, feedback):
        axes = inputs.lines(self, parameters, self.AXIS, context, crs, feedback, self.tr("Dam axes"))
        if not axes:
            raise QgsProcessingException(
                self.tr(
                    "The dam axis layer has no usable line. Draw a line across the valley at the dam site."
                )
            )
        return axes

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dem_layer, dem_path, _grid = inputs.dem(
            self, parameters, self.DEM, context, feedback, coarse_warning=30.0
        )
        crs = dem_layer.crs()
        axes = self._axes(parameters, context, crs, feedback)
        hmax = self.parameterAsDouble(parameters, self.MAX_HEIGHT, context)
        height = hmax
        if parameters.get(self.HEIGHT) not in (None, ""):
            height = self.parameterAsDouble(parameters, self.HEIGHT, context)
        results = self.run_core(
            dam_storage_from_dem,
            feedback,
            dem_path,
            [a for _f, a in axes],
            max_memory_mb=self.parameterAsInt(parameters, self.MAX_MEMORY, context),
            max_height=hmax,
            step=self.parameterAsDouble(parameters, self.STEP, context),
            height=height,
            erosion_modulus=self.parameterAsDouble(parameters, self.EROSION_MODULUS, context),
            delivery_ratio=self.parameterAsDouble(parameters, self.DELIVERY_RATIO, context),
            dry_density=self.parameterAsDouble(parameters, self.DRY_DENSITY, context),
            progress_span=(0, 90),
        )
        t_fields = fields_from_spec(
            [
                ("AXIS_ID", FIELD_LONG),
                ("H_M", FIELD_DOUBLE),
                ("Z_M", FIELD_DOUBLE),
                ("AREA_M2", FIELD_DOUBLE),
                ("VOL_M3", FIELD_DOUBLE),
                ("VOL_1E4M3", FIELD_DOUBLE),
                ("CREST_M", FIELD_DOUBLE),
                ("CLOSED", FIELD_INT),
            ]
        )
        t_sink, table_id = outputs.table_sink(self, parameters, self.TABLE, context, t_fields)
        f_fields = fields_from_spec(
            [
                ("AXIS_ID", FIELD_LONG),
                ("H_M", FIELD_DOUBLE),
                ("BED_Z", FIELD_DOUBLE),
                ("WATER_Z", FIELD_DOUBLE),
                ("AREA_M2", FIELD_DOUBLE),
                ("VOL_M3", FIELD_DOUBLE),
                ("CONTROL_KM2", FIELD_DOUBLE),
                ("SIZE_CLASS", FIELD_STRING),
                ("CLASS_NAME", FIELD_STRING),
                ("DESIGN_LIFE", FIELD_STRING),
                ("SED_T_A", FIELD_DOUBLE),
                ("LIFE_A", FIELD_DOUBLE),
                ("CREST_M", FIELD_DOUBLE),
                ("CLOSED_H", FIELD_DOUBLE),
            ]
        )
        f_sink, flooded_id = self.parameterAsSink(
            parameters, self.FLOODED, context, f_fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        c_fields = fields_from_spec([("AXIS_ID", FIELD_LONG), ("CONTROL_KM2", FIELD_DOUBLE)])
        c_sink, catch_id = self.parameterAsSink(
            parameters, self.CATCHMENT, context, c_fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        names = self.class_names()
        for (fid, _coords), r in zip(axes, results):
            rows = []
            for h, a, v, c in zip(r.heights, r.areas, r.volumes, r.crest_lengths):
                rows.append(
                    [
                        fid,
                        round(float(h), 3),
                        round(r.bed_z + float(h), 3),
                        round(float(a), 2),
                        round(float(v), 2),
                        round(float(v) / 1e4, 4),
                        round(float(c), 2),
                        int(h <= r.closed_height + 1e-9),
                    ]
                )
            outputs.add_rows(t_sink, t_fields, rows)
            life = None if math.isnan(r.life_years) or math.isinf(r.life_years) else round(r.life_years, 2)
            if r.flooded_wkb:
                outputs.add_rows(
                    f_sink,
                    f_fields,
                    [
                        [
                            fid,
                            r.height,
                            round(r.bed_z, 3),
                            round(r.bed_z + r.height, 3),
                            round(r.area_m2, 2),
                            round(r.volume_m3, 2),
                            round(r.control_km2, 6),
                            r.size_code,
                            names.get(r.size_code, r.size_name),
                            r.design_life,
                            round(r.sediment_t_a, 2),
                            life,
                            round(r.crest_m, 2),
                            round(r.closed_height, 3),
                        ]
                    ],
                    [r.flooded_wkb],
                )
            else:
                feedback.pushWarning(
                    self.tr("Axis {fid}: nothing is flooded at {h:g} m.").format(fid=fid, h=r.height)
                )
            if r.catchment_wkb:
                outputs.add_rows(c_sink, c_fields, [[fid, round(r.control_km2, 6)]], [r.catchment_wkb])
            feedback.pushInfo(
                self.tr(
                    "Axis {fid}: bed {z:.2f} m, control area {a:.4f} km², at {h:g} m: {v:.0f} m³ "
                    "over {s:.0f} m² ({cls})."
                ).format(
                    fid=fid,
                    z=r.bed_z,
                    a=r.control_km2,
                    h=r.height,
                    v=r.volume_m3,
                    s=r.area_m2,
                    cls=r.size_name,
                )
            )
            if r.height > r.closed_height + 1e-9:
                feedback.pushWarning(
                    self.tr(
                        "Axis {fid}: above {hc:.2f} m the water passes around the ends of the axis; "
                        "extend the axis up the valley sides or lower the height."
                    ).format(fid=fid, hc=r.closed_height)
                )
        outputs.style_output(
            context, flooded_id, outputs.style_path("checkdam_flooded.qml"), self.tr("Flooded area")
        )
        feedback.setProgress(100)
        out = {self.TABLE: table_id}
        for name, layer_id in ((self.FLOODED, flooded_id), (self.CATCHMENT, catch_id)):
            if layer_id:
                out[name] = layer_id
        return out
