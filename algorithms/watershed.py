"""swcplanner:watershed — catchments of outlet points, snapped to the channel."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)

from . import inputs, outputs, params
from .base import GROUP_HYDROLOGY, SwcAlgorithm, translate_core_error
from .core import hydrology
from .outputs import FIELD_DOUBLE, FIELD_LONG, fields_from_spec


class WatershedAlgorithm(SwcAlgorithm):
    """Watershed (catchment) of each outlet point."""

    ALG_ID = "watershed"
    GROUP_ID = GROUP_HYDROLOGY

    DEM = params.DEM
    OUTLETS = "OUTLETS"
    SNAP_DISTANCE = "SNAP_DISTANCE"
    DEPRESSIONS = params.DEPRESSIONS
    MAX_MEMORY = params.MAX_MEMORY
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Watersheds from outlets")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Delineates the catchment draining to each outlet point (for example a check "
                "dam site or a gauging station)."
            ),
            [
                (
                    self.tr("Method"),
                    self.tr(
                        "The DEM is routed as in Flow direction and accumulation. Each outlet is first "
                        "moved to the cell with the largest upslope area within SNAP_DISTANCE metres, "
                        "so that a point placed near a channel lands on it (0 keeps the outlet's own "
                        "cell). The catchment is every cell whose flow passes through that cell. "
                        "Outlets inside another outlet's catchment each get their full catchment (the "
                        "polygons overlap). DEPRESSIONS chooses how depressions are routed (see "
                        "Flow direction and accumulation): 0 fills them (default), 1 routes through "
                        "them along the lowest path like GRASS r.watershed."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: one polygon per outlet with OUTLET_ID (the outlet's feature id), "
                        "AREA_KM2 (planar area in km²), SNAP_X, SNAP_Y (the cell centre used) and "
                        "SNAP_M (how far the outlet was moved, m). Outlets outside the DEM are "
                        "reported in the log and skipped."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.dem())
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.OUTLETS, self.tr("Outlet points"), [params.SOURCE_POINT])
        )
        self.addParameter(
            params.number(self.SNAP_DISTANCE, self.tr("Snapping distance (m)"), 60.0, minimum=0.0)
        )
        self.addParameter(params.depressions())
        self.addParameter(params.max_memory())
        self.addParameter(outputs.sink_output(self.OUTPUT, self.tr("Watersheds"), params.SOURCE_POLYGON))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dem_layer, dem_path, _grid = inputs.dem(
            self, parameters, self.DEM, context, feedback, coarse_warning=0
        )
        snap = self.parameterAsDouble(parameters, self.SNAP_DISTANCE, context)
        max_mb = self.parameterAsInt(parameters, self.MAX_MEMORY, context)
        outlets = inputs.points(
            self, parameters, self.OUTLETS, context, dem_layer.crs(), feedback, self.tr("Outlet points")
        )
        if not outlets:
            raise QgsProcessingException(
                self.tr("The outlet layer has no points. Add at least one outlet point.")
            )
        results, skipped = self.run_core(
            hydrology.watersheds,
            feedback,
            dem_path,
            outlets,
            snap,
            max_memory_mb=max_mb,
            depressions=params.depressions_mode(self, parameters, context),
            progress_span=(0, 95),
        )
        for _oid, err in skipped:
            feedback.pushWarning(translate_core_error(err))
        if not results:
            raise QgsProcessingException(
                self.tr(
                    "None of the outlets lies on the DEM (see the log). Check that the outlets and the "
                    "DEM overlap."
                )
            )
        fields = fields_from_spec(
            [
                ("OUTLET_ID", FIELD_LONG),
                ("AREA_KM2", FIELD_DOUBLE),
                ("SNAP_X", FIELD_DOUBLE),
                ("SNAP_Y", FIELD_DOUBLE),
                ("SNAP_M", FIELD_DOUBLE),
            ]
        )
        sink, sink_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, dem_layer.crs()
        )
        for ws in results:
            feature = QgsFeature(fields)
            geom = QgsGeometry()
            geom.fromWkb(ws.geometry.wkb)
            geom.convertToMultiType()
            feature.setGeometry(geom)
            feature.setAttributes(
                [ws.outlet_id, ws.area_km2, ws.snapped_xy[0], ws.snapped_xy[1], ws.snap_distance_m]
            )
            outputs.add_features(sink, [feature])
            feedback.pushInfo(
                self.tr("Outlet {oid}: {km2:.4f} km² (moved {m:.0f} m).").format(
                    oid=ws.outlet_id, km2=ws.area_km2, m=ws.snap_distance_m
                )
            )
        outputs.style_output(context, sink_id, outputs.style_path("watershed.qml"), self.tr("Watersheds"))
        feedback.setProgress(100)
        return {self.OUTPUT: sink_id}
