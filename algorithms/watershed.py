"""swcplanner:watershed — catchments of outlet points, snapped to the channel."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from .base import (
    GROUP_HYDROLOGY,
    PROCESSING_POINT,
    PROCESSING_POLYGON,
    QVARIANT_DOUBLE,
    QVARIANT_LONG,
    SwcAlgorithm,
    fields_from_spec,
    translate_core_error,
)
from .core import hydrology
from .fillsinks import (
    DEPRESSIONS,
    MAX_MEMORY,
    add_depressions_parameter,
    add_memory_parameter,
    depressions_mode,
)


class WatershedAlgorithm(SwcAlgorithm):
    """Watershed (catchment) of each outlet point."""

    ALG_ID = "watershed"
    GROUP_ID = GROUP_HYDROLOGY

    DEM = "DEM"
    OUTLETS = "OUTLETS"
    SNAP_DISTANCE = "SNAP_DISTANCE"
    DEPRESSIONS = DEPRESSIONS
    MAX_MEMORY = MAX_MEMORY
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
        self.addParameter(QgsProcessingParameterRasterLayer(self.DEM, self.tr("DEM (projected, metres)")))
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.OUTLETS, self.tr("Outlet points"), [PROCESSING_POINT])
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SNAP_DISTANCE,
                self.tr("Snapping distance (m)"),
                QgsProcessingParameterNumber.Double,
                60.0,
                minValue=0.0,
            )
        )
        add_depressions_parameter(
            self,
            self.tr("Depressions"),
            [
                self.tr("Fill, and route across flats (default)"),
                self.tr("Route through along the lowest path, like GRASS r.watershed"),
            ],
        )
        add_memory_parameter(self, self.tr("Memory limit (MB)"))
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Watersheds"), PROCESSING_POLYGON)
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dem_layer, dem_path, _grid = self.dem_from_parameter(
            parameters, self.DEM, context, feedback, coarse_warning=0
        )
        snap = self.parameterAsDouble(parameters, self.SNAP_DISTANCE, context)
        max_mb = self.parameterAsInt(parameters, self.MAX_MEMORY, context)
        source = self.parameterAsSource(parameters, self.OUTLETS, context)
        if source is None:
            raise QgsProcessingException(self.tr("The outlet layer could not be loaded."))
        request = QgsFeatureRequest().setDestinationCrs(dem_layer.crs(), context.transformContext())
        outlets = []
        for feature in source.getFeatures(request):
            geom = feature.geometry()
            if geom is None or geom.isEmpty():
                feedback.pushWarning(
                    self.tr("Outlet {fid} has no geometry; skipped.").format(fid=feature.id())
                )
                continue
            if QgsWkbTypes.isMultiType(geom.wkbType()):
                points = geom.asMultiPoint()
                if len(points) > 1:
                    feedback.pushWarning(
                        self.tr("Outlet {fid} has {n} points; the first is used.").format(
                            fid=feature.id(), n=len(points)
                        )
                    )
                point = points[0]
            else:
                point = geom.asPoint()
            outlets.append((int(feature.id()), point.x(), point.y()))
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
            depressions=depressions_mode(self, parameters, context),
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
                ("OUTLET_ID", QVARIANT_LONG),
                ("AREA_KM2", QVARIANT_DOUBLE),
                ("SNAP_X", QVARIANT_DOUBLE),
                ("SNAP_Y", QVARIANT_DOUBLE),
                ("SNAP_M", QVARIANT_DOUBLE),
            ]
        )
        sink, sink_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, dem_layer.crs()
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
            if sink is not None:
                sink.addFeature(feature, QgsFeatureSink.FastInsert)
            feedback.pushInfo(
                self.tr("Outlet {oid}: {km2:.4f} km² (moved {m:.0f} m).").format(
                    oid=ws.outlet_id, km2=ws.area_km2, m=ws.snap_distance_m
                )
            )
        if sink_id:
            self.style_output(context, sink_id, self.style_path("watershed.qml"), self.tr("Watersheds"))
        feedback.setProgress(100)
        return {self.OUTPUT: sink_id}
