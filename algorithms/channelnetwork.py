"""swcplanner:channelnetwork — channels by contributing area, Strahler order, reaches as lines."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsWkbTypes

from . import inputs, outputs, params
from .base import GROUP_HYDROLOGY, SwcAlgorithm
from .core import hydrology
from .outputs import FIELD_DOUBLE, FIELD_INT, fields_from_spec
from .styles import paletted_raster_qml

ORDER_COLORS = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b", "#041e42")


class ChannelNetworkAlgorithm(SwcAlgorithm):
    """Channel network from a DEM."""

    ALG_ID = "channelnetwork"
    GROUP_ID = GROUP_HYDROLOGY

    DEM = params.DEM
    MIN_AREA = "MIN_AREA"
    DEPRESSIONS = params.DEPRESSIONS
    MAX_MEMORY = params.MAX_MEMORY
    CHANNELS = "CHANNELS"
    CHANNEL_RASTER = "CHANNEL_RASTER"

    def displayName(self):  # noqa: N802
        return self.tr("Channel network")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Extracts the channel (gully and stream) network of a DEM: every cell whose "
                "contributing area reaches a threshold is a channel cell."
            ),
            [
                (
                    self.tr("Method"),
                    self.tr(
                        "The DEM is routed as in Flow direction and accumulation (depressions filled, "
                        "D8 steepest descent). Channel cells are those with an upslope area of at least "
                        "MIN_AREA km². Orders follow Strahler: a source has order 1; where two channels "
                        "of the same highest order meet, the order increases by one. DEPRESSIONS "
                        "chooses how depressions are routed (see Flow direction and accumulation): "
                        "0 fills them (default), 1 routes through them along the lowest path like "
                        "GRASS r.watershed; GRADIENT always uses the filled DEM."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "CHANNELS: one line per reach, from a source or junction to the next junction "
                        "or outlet, through the cell centres. Fields: ORDER (Strahler), LENGTH_M "
                        "(planar length, m), GRADIENT (drop between the ends of the line on the filled "
                        "DEM divided by its length, m/m), UPAREA_KM2 (upslope area at the reach's "
                        "lowest cell, km²). CHANNEL_RASTER: Strahler order of the channel cells, 0 "
                        "elsewhere (nodata)."
                    ),
                ),
                (
                    self.tr("Threshold"),
                    self.tr(
                        "A smaller MIN_AREA gives a denser network with more first-order gullies. "
                        "0.1 km² suits 5–30 m DEMs of small watersheds; the threshold must span at "
                        "least a few cells."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.dem())
        self.addParameter(
            params.number(self.MIN_AREA, self.tr("Minimum contributing area (km²)"), 0.1, minimum=1e-6)
        )
        self.addParameter(params.depressions())
        self.addParameter(params.max_memory())
        self.addParameter(outputs.sink_output(self.CHANNELS, self.tr("Channels"), params.SOURCE_LINE))
        self.addParameter(
            outputs.raster_output(
                self.CHANNEL_RASTER, self.tr("Channel cells (Strahler order)"), secondary=True
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        dem_layer, dem_path, grid = inputs.dem(
            self, parameters, self.DEM, context, feedback, coarse_warning=0
        )
        min_km2 = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        max_mb = self.parameterAsInt(parameters, self.MAX_MEMORY, context)
        raster_path = outputs.raster_path(self, parameters, self.CHANNEL_RASTER, context)
        if min_km2 * 1e6 < 4 * grid.cell_area:
            feedback.pushWarning(
                self.tr(
                    "The minimum contributing area ({km2:g} km²) is less than 4 DEM cells: nearly every "
                    "cell becomes a channel."
                ).format(km2=min_km2)
            )
        reaches, _flow = self.run_core(
            hydrology.channel_network,
            feedback,
            dem_path,
            min_km2 * 1e6,
            raster_path,
            max_memory_mb=max_mb,
            depressions=params.depressions_mode(self, parameters, context),
            progress_span=(0, 90),
        )
        fields = fields_from_spec(
            [
                ("ORDER", FIELD_INT),
                ("LENGTH_M", FIELD_DOUBLE),
                ("GRADIENT", FIELD_DOUBLE),
                ("UPAREA_KM2", FIELD_DOUBLE),
            ]
        )
        sink, sink_id = self.parameterAsSink(
            parameters, self.CHANNELS, context, fields, QgsWkbTypes.Type.LineString, dem_layer.crs()
        )
        max_order = 0
        for i, (coords, attrs) in enumerate(reaches):
            if feedback.isCanceled():
                break
            if len(coords) < 2:
                continue  # a one-cell reach leaving the DEM has no line
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in coords]))
            feature.setAttributes(
                [
                    int(attrs["ORDER"]),
                    float(attrs["LENGTH_M"]),
                    float(attrs["GRADIENT"]),
                    float(attrs["UPAREA_KM2"]),
                ]
            )
            outputs.add_features(sink, [feature])
            max_order = max(max_order, int(attrs["ORDER"]))
            feedback.setProgress(90 + 10 * (i + 1) / max(len(reaches), 1))
        feedback.pushInfo(
            self.tr("{n} reaches, highest Strahler order {order}.").format(n=len(reaches), order=max_order)
        )
        qml = paletted_raster_qml(
            [
                (o, ORDER_COLORS[min(o - 1, len(ORDER_COLORS) - 1)], self.tr("Order {order}").format(order=o))
                for o in range(1, max(max_order, 1) + 1)
            ]
        )
        outputs.style_sidecar(context, raster_path, qml, self.tr("Channel cells (Strahler order)"))
        outputs.style_output(context, sink_id, outputs.style_path("channel_network.qml"), self.tr("Channels"))
        feedback.setProgress(100)
        return {self.CHANNELS: sink_id, self.CHANNEL_RASTER: raster_path}
