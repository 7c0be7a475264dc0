"""swcplanner:erodedforest — eroded forest land (水蚀林地) patches with a suggested measure by slope."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsMapLayer,
    QgsProcessingParameterFile,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from . import inputs, outputs, params
from .base import GROUP_EROSION, SwcAlgorithm, translate_core_error
from .core import standards
from .core.erosion import forest as ef
from .core.errors import SwcError
from .core.io.raster import align_raster, unique_codes
from .core.io.tables import table_path
from .core.io.vector import rasterize, temp_path
from .core.zones import code_matches, parse_codes
from .outputs import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, fields_from_spec
from .styles import categorized_fill_qml

MEASURE_COLORS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02")


class ErodedForestAlgorithm(SwcAlgorithm):
    """Forest land with soil loss at or above the tolerance, as patches with slope, area and measure."""

    ALG_ID = "erodedforest"
    GROUP_ID = GROUP_EROSION

    SOIL_LOSS = "SOIL_LOSS"
    LANDUSE = "LANDUSE"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    FOREST_CODES = "FOREST_CODES"
    DEM = params.DEM
    TOLERANCE = params.TOLERANCE
    MIN_AREA = "MIN_AREA"
    FVC = "FVC"
    MAX_FVC = "MAX_FVC"
    MEASURE_TABLE = "MEASURE_TABLE"
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Eroded forest land")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Finds eroded forest land (水蚀林地) for the survey of the Hebei measures: forest cells whose "
                "soil loss is at or above the tolerance, grouped into patches, each with its area, slope "
                "and a suggested measure."
            ),
            [
                (
                    self.tr("Method"),
                    self.tr(
                        "A cell is eroded forest when its land-use code matches FOREST_CODES (default 03*, the "
                        "三调 forest classes 0301 乔木林地, 0302 竹林地, 0305 灌木林地, 0307 其他林地; a raster "
                        "code 301 is read as 0301), its soil loss (t/km²·a, e.g. SOIL_LOSS of the soil-loss "
                        "algorithm) is at or above TOLERANCE (SL 190-2007: light erosion or above) and, when "
                        "FVC and MAX_FVC are given, its vegetation cover is below MAX_FVC (same unit as the "
                        "FVC raster). Eroded cells form 8-connected patches (exact unions of cells); patches "
                        "below MIN_AREA (ha) are dropped. Slope: Horn's method on the DEM, as gdaldem slope."
                    ),
                ),
                (
                    self.tr("Measure"),
                    self.tr(
                        "The patch's mean slope selects a row of MEASURE_TABLE (CSV: code, name_zh, name_en, "
                        "min_slope, max_slope, source; a patch takes the row with min_slope < slope ≤ "
                        "max_slope). The shipped table: ≤ 15° 树盘 tree basins, 15–25° 水平阶 level benches, "
                        "25–35° 鱼鳞坑 fish-scale pits, > 35° fish-scale pits with 截排水 catch and drainage "
                        "ditches; its sources and their status are in the file. Edit a copy to change them."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: one polygon per patch with PATCH, AREA_HA, AREA_MU, MEAN_SLOPE, MAX_SLOPE "
                        "(degrees), MEAN_LOSS (t/km²·a), MEAN_FVC, MEASURE (Chinese), MEASURE_EN, "
                        "MEASURE_CODE and SOURCE, styled by measure. The log gives the forest area, the "
                        "eroded forest area and what the minimum area removed."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.dem(self.SOIL_LOSS, self.tr("Soil loss (t/km²·a)")))
        self.addParameter(
            QgsProcessingParameterMapLayer(
                self.LANDUSE,
                self.tr("Land use (raster of codes, or polygons)"),
                None,
                False,
                [params.SOURCE_RASTER, params.SOURCE_POLYGON],
            )
        )
        self.addParameter(
            params.field(
                self.LANDUSE_FIELD, self.tr("Land-use code field (polygons)"), self.LANDUSE, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.FOREST_CODES,
                self.tr("Forest land-use codes (comma-separated, * wildcard)"),
                ",".join(ef.FOREST_CODES),
            )
        )
        self.addParameter(params.dem(self.DEM))
        self.addParameter(params.tolerance(self.TOLERANCE))
        self.addParameter(
            params.number(self.MIN_AREA, self.tr("Minimum patch area (ha)"), ef.MIN_PATCH_HA, minimum=0.0)
        )
        self.addParameter(params.dem(self.FVC, self.tr("Vegetation cover (optional)"), optional=True))
        self.addParameter(
            params.number(
                self.MAX_FVC,
                self.tr("Only cells with cover below (same unit as the cover raster)"),
                None,
                minimum=0.0,
                optional=True,
            )
        )
        self.addParameter(
            params.advanced(
                QgsProcessingParameterFile(
                    self.MEASURE_TABLE,
                    self.tr("Measure table (CSV)"),
                    extension="csv",
                    defaultValue=table_path(ef.MEASURE_TABLE),
                    optional=True,
                )
            )
        )
        self.addParameter(params.block_size(self.BLOCK_SIZE))
        self.addParameter(
            outputs.sink_output(self.OUTPUT, self.tr("Eroded forest patches"), params.SOURCE_POLYGON)
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        loss_layer, loss_path = inputs.raster(self, parameters, self.SOIL_LOSS, context)
        grid = inputs.grid_of(loss_path)
        _dem_layer, dem_path, _dem_grid = inputs.dem(
            self, parameters, self.DEM, context, feedback, coarse_warning=0
        )
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        patterns = parse_codes(self.parameterAsString(parameters, self.FOREST_CODES, context))
        if not patterns:
            raise self.fail(self.tr("Give at least one forest land-use code (FOREST_CODES), e.g. 03*."))
        try:
            table = ef.read_measure_table(
                self.parameterAsFile(parameters, self.MEASURE_TABLE, context) or table_path(ef.MEASURE_TABLE)
            )
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        fvc_input = inputs.raster(self, parameters, self.FVC, context, required=False)
        max_fvc = parameters.get(self.MAX_FVC)
        max_fvc = (
            self.parameterAsDouble(parameters, self.MAX_FVC, context) if max_fvc not in (None, "") else None
        )
        if (fvc_input is None) != (max_fvc is None):
            raise self.fail(
                self.tr("Give both the cover raster (FVC) and the cover limit (MAX_FVC), or neither.")
            )
        work = tempfile.mkdtemp(prefix="swc_forest_", dir=QgsProcessingUtils.tempFolder())
        try:
            try:
                dem_aligned = align_raster(dem_path, grid, temp_path(work, "dem"), "DEM")
                fvc_path = None
                if fvc_input is not None:
                    fvc_path = align_raster(fvc_input[1], grid, temp_path(work, "fvc"), "FVC")
            except SwcError as exc:
                raise self.fail(translate_core_error(exc)) from exc
            land_path, codes = self._landuse(
                parameters, context, feedback, loss_layer.crs(), grid, work, patterns
            )
            block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
            result = self.run_core(
                ef.eroded_forest,
                feedback,
                loss_path,
                land_path,
                codes,
                dem_aligned,
                table,
                tolerance=tolerance,
                min_area_m2=self.parameterAsDouble(parameters, self.MIN_AREA, context) * standards.HA_M2,
                fvc_path=fvc_path,
                max_fvc=max_fvc,
                work_dir=work,
                block_rows=block,
                block_cols=block,
                progress_span=(5, 95),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        ha = result.cell_area / standards.HA_M2
        kept_cells = sum(p.cells for p in result.patches)
        feedback.pushInfo(
            self.tr(
                "Forest with a soil-loss value: {forest:.2f} ha; eroded forest (≥ {tol:g} t/km²·a): {eroded:.2f} "
                "ha; {n} patches of {kept:.2f} ha kept, {removed} patches of {small:.2f} ha below the minimum "
                "area left out."
            ).format(
                forest=result.forest_cells * ha,
                tol=tolerance,
                eroded=result.eroded_cells * ha,
                n=len(result.patches),
                kept=kept_cells * ha,
                removed=result.removed_patches,
                small=result.removed_cells * ha,
            )
        )
        if result.forest_cells == 0:
            feedback.pushWarning(
                self.tr(
                    "No forest cell has a soil-loss value: check FOREST_CODES and that the layers overlap."
                )
            )
        for m in table:
            area = sum(p.area_ha for p in result.patches if p.measure is m)
            if area:
                feedback.pushInfo(
                    self.tr("{measure} ({lo:g}–{hi:g}°): {area:.2f} ha.").format(
                        measure=m.name_zh, lo=m.min_slope, hi=m.max_slope, area=area
                    )
                )
        out_id = self._patches(parameters, context, result, loss_layer.crs())
        categories = [
            (m.name_zh, MEASURE_COLORS[i % len(MEASURE_COLORS)], f"{m.name_zh} {m.name_en}")
            for i, m in enumerate(table)
        ]
        qml_path = os.path.join(QgsProcessingUtils.tempFolder(), f"eroded_forest_{uuid.uuid4().hex[:8]}.qml")
        with open(qml_path, "w", encoding="utf-8") as handle:
            handle.write(categorized_fill_qml("MEASURE", categories))
        outputs.style_output(context, out_id, qml_path, self.tr("Eroded forest patches"))
        feedback.setProgress(100)
        return {self.OUTPUT: out_id}

    def _landuse(self, parameters, context, feedback, crs, grid, work, patterns):
        layer = self.parameterAsLayer(parameters, self.LANDUSE, context)
        if layer is None or not layer.isValid():
            raise self.fail(self.tr("The land-use layer (LANDUSE) could not be loaded."))
        try:
            if layer.type() == QgsMapLayer.LayerType.RasterLayer:
                path = align_raster(
                    inputs.gdal_path(layer, "LANDUSE"),
                    grid,
                    temp_path(work, "landuse"),
                    "LANDUSE",
                    categorical=True,
                )
                present = unique_codes(path)
                codes = ef.forest_values(present, patterns)
                feedback.pushInfo(
                    self.tr("Forest codes in the land-use raster: {codes}.").format(
                        codes=", ".join(f"{c:g}" for c in codes) or "—"
                    )
                )
                return path, codes
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        field = self.parameterAsString(parameters, self.LANDUSE_FIELD, context)
        if not field:
            raise self.fail(self.tr("Land-use polygons need their code field (LANDUSE_FIELD)."))
        polys = inputs.polygons(
            self,
            parameters,
            self.LANDUSE,
            context,
            crs,
            feedback,
            attributes=[field],
            label=self.tr("Land use"),
        )
        inputs.overlapping(polys, grid, self.tr("Land use"))
        forest = [
            (1, w)
            for _f, w, a in polys
            if code_matches(a[0], patterns) or code_matches(str(a[0]).zfill(4), patterns)
        ]
        feedback.pushInfo(
            self.tr("{n} of {total} land-use polygons are forest.").format(n=len(forest), total=len(polys))
        )
        return rasterize(forest, grid, temp_path(work, "forest")), [1.0]

    def _patches(self, parameters, context, result, crs):
        fields = fields_from_spec(
            [
                ("PATCH", FIELD_INT),
                ("AREA_HA", FIELD_DOUBLE),
                ("AREA_MU", FIELD_DOUBLE),
                ("MEAN_SLOPE", FIELD_DOUBLE),
                ("MAX_SLOPE", FIELD_DOUBLE),
                ("MEAN_LOSS", FIELD_DOUBLE),
                ("MEAN_FVC", FIELD_DOUBLE),
                ("MEASURE", FIELD_STRING),
                ("MEASURE_EN", FIELD_STRING),
                ("MEASURE_CODE", FIELD_STRING),
                ("SOURCE", FIELD_STRING),
            ]
        )
        sink, out_id = self.parameterAsSink(
            parameters,
            self.OUTPUT,
            context,
            fields,
            QgsWkbTypes.Type.MultiPolygon,
            QgsCoordinateReferenceSystem(crs),
        )
        rows, geoms = [], []
        for p in result.patches:
            m = p.measure
            rows.append(
                [
                    p.number,
                    p.area_ha,
                    p.area_ha * standards.HA_M2 / standards.MU_M2,
                    p.mean_slope,
                    p.max_slope,
                    p.mean_loss,
                    p.mean_fvc,
                    m.name_zh if m else None,
                    m.name_en if m else None,
                    m.code if m else None,
                    m.source if m else None,
                ]
            )
            geom = QgsGeometry()
            geom.fromWkb(p.wkb)
            geom.convertToMultiType()
            geoms.append(bytes(geom.asWkb()))
        outputs.add_rows(sink, fields, rows, geoms)
        return out_id
