"""swcplanner:slopeclasses — national slope grading with areas per zone."""

from __future__ import annotations

import os

from qgis.core import QgsProcessingUtils

from . import inputs, outputs, params
from .base import GROUP_TERRAIN, SwcAlgorithm, translate_core_error
from .core import standards
from .core.errors import SwcError
from .core.io.vector import rasterize, temp_path
from .core.slopeclass import class_labels, parse_breaks, slope_classes
from .core.zones import area_columns
from .outputs import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, fields_from_spec
from .styles import paletted_raster_qml


def class_colors(n: int):
    """``n`` colours from green to red (the five land-survey colours for n = 5)."""
    base = standards.SLOPE_CLASS_COLORS
    if n == len(base):
        return list(base)
    out = []
    for i in range(n):
        t = i / max(n - 1, 1) * (len(base) - 1)
        out.append(base[int(round(t))])
    return out


class SlopeClassesAlgorithm(SwcAlgorithm):
    """Slope classes (degrees, Horn) with area per zone and class."""

    ALG_ID = "slopeclasses"
    GROUP_ID = GROUP_TERRAIN

    DEM = params.DEM
    BREAKS = params.BREAKS
    ZONES = params.ZONES
    ZONE_FIELD = params.ZONE_FIELD
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"
    TABLE = "TABLE"

    def displayName(self):  # noqa: N802
        return self.tr("Slope classes")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Grades the slope of a DEM into classes and reports the area of each class, "
                "per zone when zones are given."
            ),
            [
                (
                    self.tr("Method"),
                    self.tr(
                        "Slope in degrees by Horn's third-order finite difference (the land-survey "
                        "三阶反距离平方权差分), identical to gdaldem slope -compute_edges. A cell "
                        "belongs to a class when its slope is above the lower break and at most the "
                        "upper break (上含下不含): with the default breaks 2,6,15,25 the classes are "
                        "≤2°, 2–6°, 6–15°, 15–25° and >25°, the national cropland slope classes "
                        "1–5."
                    ),
                ),
                (
                    self.tr("Zones"),
                    self.tr(
                        "A cell belongs to the zone polygon that contains its centre. Areas are "
                        "planar, in the DEM's projected CRS: cell count × cell area."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: class raster 1..n (0 = nodata) with a legend. TABLE: one row per "
                        "zone and class with the area in m², ha and mu (亩, 666.67 m²) and the share "
                        "of the zone in %."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.dem())
        self.addParameter(params.slope_breaks())
        self.addParameter(params.zones())
        self.addParameter(params.zone_field())
        self.addParameter(params.block_size())
        self.addParameter(outputs.raster_output(self.OUTPUT, self.tr("Slope classes")))
        self.addParameter(outputs.table_output(self.TABLE, self.tr("Slope class areas"), secondary=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        dem_layer, dem_path, grid = inputs.dem(
            self, parameters, self.DEM, context, feedback, coarse_warning=0
        )
        try:
            breaks = parse_breaks(self.parameterAsString(parameters, self.BREAKS, context))
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context)
        zones = inputs.polygons(
            self,
            parameters,
            self.ZONES,
            context,
            dem_layer.crs(),
            feedback,
            attributes=[zone_field] if zone_field else [],
            required=False,
            label=self.tr("Zones"),
        )
        zone_names = [self.tr("All")]
        zone_path = None
        work = QgsProcessingUtils.tempFolder()
        if zones:
            inputs.overlapping(zones, grid, self.tr("Zones"))
            zone_names = [self.tr("Outside zones")]
            zone_names += [str(a[0]) if zone_field else str(fid) for fid, _w, a in zones]
            zone_path = rasterize(
                [(i + 1, wkb) for i, (_f, wkb, _a) in enumerate(zones)], grid, temp_path(work, "zones")
            )
        result = self.run_core(
            slope_classes,
            feedback,
            dem_path,
            out_path,
            breaks,
            zone_path,
            len(zones) if zones else 0,
            block_rows=block,
            block_cols=block,
            progress_span=(0, 95),
        )
        if zone_path and os.path.exists(zone_path):
            os.remove(zone_path)
        labels = class_labels(breaks)
        colors = class_colors(len(labels))
        qml = paletted_raster_qml([(i + 1, colors[i], f"{i + 1} {labels[i]}") for i in range(len(labels))])
        fields = fields_from_spec(
            [
                ("ZONE", FIELD_STRING),
                ("CLASS", FIELD_INT),
                ("RANGE", FIELD_STRING),
                ("AREA_M2", FIELD_DOUBLE),
                ("AREA_HA", FIELD_DOUBLE),
                ("AREA_MU", FIELD_DOUBLE),
                ("PCT", FIELD_DOUBLE),
            ]
        )
        sink, table_id = outputs.table_sink(self, parameters, self.TABLE, context, fields)
        rows = []
        first_zone = 1 if zones else 0
        for z in range(first_zone, result.counts.shape[0]):
            total = result.counts[z, 1:].sum()
            for c in range(1, result.counts.shape[1]):
                m2, ha, mu = area_columns(result.counts[z, c], result.cell_area)
                pct = 100.0 * result.counts[z, c] / total if total else 0.0
                rows.append([zone_names[z], c, labels[c - 1], m2, ha, mu, pct])
        outputs.add_rows(sink, fields, rows)
        feedback.setProgress(100)
        outputs.style_sidecar(context, out_path, qml, self.tr("Slope classes"))
        return {self.OUTPUT: out_path, self.TABLE: table_id}
