"""swcplanner:soilerodibility — K from soil texture and organic carbon (EPIC, SI units, optional
Chinese correction), as a raster and a soils layer."""

from __future__ import annotations

import shutil
import tempfile

import numpy as np
from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from . import inputs, outputs, params
from .base import GROUP_EROSION, SwcAlgorithm, translate_core_error
from .core.erosion import erodibility as ek
from .core.erosion.erosivity import grid_around_points
from .core.errors import SwcError
from .core.grid import GridSpec
from .core.io.raster import align_raster
from .core.io.vector import rasterize, temp_path
from .outputs import FIELD_DOUBLE, FIELD_STRING, fields_from_spec
from .styles import pseudocolor_raster_qml

K_LEGEND = (0.01, 0.02, 0.03, 0.04, 0.05)
K_COLORS = ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000", "#7f0000")


def k_qml() -> str:
    stops = []
    lower = 0.0
    for upper, color in zip(K_LEGEND, K_COLORS):
        stops.append((upper, color, f"{lower:g} – {upper:g}"))
        lower = upper
    stops.append((1.0, K_COLORS[-1], f"≥ {K_LEGEND[-1]:g}"))
    return pseudocolor_raster_qml(stops)


def _number(value) -> float:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return float("nan")
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


class SoilErodibilityAlgorithm(SwcAlgorithm):
    """Soil erodibility K of each soil polygon by the EPIC equation, rasterised on a grid."""

    ALG_ID = "soilerodibility"
    GROUP_ID = GROUP_EROSION

    SOILS = "SOILS"
    SAND_FIELD = "SAND_FIELD"
    SILT_FIELD = "SILT_FIELD"
    CLAY_FIELD = "CLAY_FIELD"
    OC_FIELD = "OC_FIELD"
    SAND = "SAND"
    SILT = "SILT"
    CLAY = "CLAY"
    OC = "OC"
    CHINA_CORRECTION = "CHINA_CORRECTION"
    ORGANIC_MATTER = "ORGANIC_MATTER"
    SUM_TOLERANCE = "SUM_TOLERANCE"
    GRID = "GRID"
    CELL_SIZE = "CELL_SIZE"
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"
    TABLE = "TABLE"

    def displayName(self):  # noqa: N802
        return self.tr("Soil erodibility K from texture")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Computes the soil erodibility K (t·hm²·h/(hm²·MJ·mm)) of each soil polygon from its sand, "
                "silt and clay fractions and organic carbon, for the K factor of the soil-loss algorithm; "
                "or of every cell from sand, silt, clay and organic-carbon rasters."
            ),
            [
                (
                    self.tr("Method"),
                    self.tr(
                        "EPIC equation (Sharpley & Williams 1990, USDA Tech. Bull. 1768, eq. 2.96): K = "
                        "[0.2 + 0.3 exp(−0.0256 SAN (1 − SIL/100))] · [SIL/(CLA + SIL)]^0.3 · [1 − 0.25 "
                        "C/(C + exp(3.72 − 2.95 C))] · [1 − 0.7 SN1/(SN1 + exp(−5.51 + 22.9 SN1))], SN1 = "
                        "1 − SAN/100, in US units; × 0.1317 gives SI units. Example: sand 40 %, silt 40 %, "
                        "clay 20 %, OC 1 % → 0.2954 (US), 0.0389 (SI)."
                    ),
                ),
                (
                    self.tr("Chinese correction"),
                    self.tr(
                        "CHINA_CORRECTION (off by default) applies K = −0.01383 + 0.51575 K_EPIC (SI), the "
                        "correction of EPIC K to Chinese plot measurements by Zhang Keli et al. as quoted in "
                        "the project's domain reference (not yet checked against the paper); the example "
                        "above gives 0.0062. It is negative for sandy soils (K_EPIC below about 0.027): those "
                        "K are set to 0 and listed. The output says which K was used (column CORRECTION)."
                    ),
                ),
                (
                    self.tr("Inputs"),
                    self.tr(
                        "SOILS: soil polygons with the sand (0.05–2 mm), silt (0.002–0.05 mm) and clay "
                        "(< 0.002 mm) fractions in % (USDA limits: convert international-system data with "
                        "a 0.02 mm limit first) and the organic carbon in % (or organic matter with "
                        "ORGANIC_MATTER, converted × 0.58). Sand + silt + clay must be 100 % within "
                        "SUM_TOLERANCE percentage points (default 2, for rounding); other polygons stop "
                        "the run and are listed. GRID (optional): the K raster takes its grid and CRS and "
                        "its nodata cells; without GRID it covers the soils at CELL_SIZE metres in their "
                        "CRS (which must be projected)."
                    ),
                ),
                (
                    self.tr("Texture rasters"),
                    self.tr(
                        "Instead of SOILS: SAND, SILT, CLAY and OC rasters (%, same fractions and units as "
                        "the fields; e.g. interpolated survey profiles or a soil-property map). The K "
                        "raster takes the grid of GRID, or of SAND without GRID; the other rasters are "
                        "resampled onto it (bilinear). A cell gets K where all four have a value; every "
                        "cell's sand + silt + clay must be 100 % within SUM_TOLERANCE (rasters in g/kg: "
                        "divide by 10 first), otherwise the run stops with the count and the first cell. "
                        "TABLE is not written in this mode."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: K raster (Float32, nodata −9999; a cell takes the polygon containing its "
                        "centre), styled. TABLE: the soil polygons with their fields and K_EPIC_US, K_EPIC "
                        "(SI), K (the value used) and CORRECTION; give TABLE with K_FIELD = K to the "
                        "soil-loss algorithm, or OUTPUT as its K raster."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.polygons(self.SOILS, self.tr("Soil polygons"), optional=True))
        for name, label in (
            (self.SAND_FIELD, self.tr("Sand field (%, 0.05–2 mm)")),
            (self.SILT_FIELD, self.tr("Silt field (%, 0.002–0.05 mm)")),
            (self.CLAY_FIELD, self.tr("Clay field (%, < 0.002 mm)")),
            (self.OC_FIELD, self.tr("Organic carbon field (%)")),
        ):
            self.addParameter(
                params.field(name, label, self.SOILS, optional=True)
            )  # any type: CSV fields read by OGR are text
        for name, label in (
            (self.SAND, self.tr("Sand raster (%, instead of soil polygons)")),
            (self.SILT, self.tr("Silt raster (%)")),
            (self.CLAY, self.tr("Clay raster (%)")),
            (self.OC, self.tr("Organic carbon raster (%)")),
        ):
            self.addParameter(QgsProcessingParameterRasterLayer(name, label, optional=True))
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.CHINA_CORRECTION,
                self.tr("Apply the Chinese correction K = −0.01383 + 0.51575 K_EPIC"),
                False,
            )
        )
        self.addParameter(
            params.advanced(
                QgsProcessingParameterBoolean(
                    self.ORGANIC_MATTER,
                    self.tr("The organic field holds organic matter (% × 0.58 = organic carbon)"),
                    False,
                )
            )
        )
        self.addParameter(
            params.number(
                self.SUM_TOLERANCE,
                self.tr("Tolerance of sand + silt + clay around 100 % (percentage points)"),
                ek.TEXTURE_SUM_TOLERANCE_PCT,
                minimum=0.0,
                maximum=20.0,
                is_advanced=True,
            )
        )
        self.addParameter(
            params.dem(self.GRID, self.tr("Grid of the K raster (e.g. the DEM)"), optional=True)
        )
        self.addParameter(
            params.number(
                self.CELL_SIZE, self.tr("Cell size without a grid (m)"), 30.0, minimum=0.1, is_advanced=True
            )
        )
        self.addParameter(params.block_size(self.BLOCK_SIZE))
        self.addParameter(outputs.raster_output(self.OUTPUT, self.tr("Soil erodibility K")))
        self.addParameter(
            outputs.sink_output(self.TABLE, self.tr("Soils with K"), params.SOURCE_POLYGON, secondary=True)
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, msg = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, msg
        rasters = [n for n in (self.SAND, self.SILT, self.CLAY, self.OC) if parameters.get(n)]
        if rasters:
            if len(rasters) < 4:
                return False, self.tr(
                    "K from rasters needs all four: SAND, SILT, CLAY and OC (missing: {names})."
                ).format(
                    names=", ".join(n for n in (self.SAND, self.SILT, self.CLAY, self.OC) if n not in rasters)
                )
            if parameters.get(self.SOILS):
                return False, self.tr(
                    "Give soil polygons (SOILS) or texture rasters (SAND, SILT, CLAY, OC), not both."
                )
            return True, ""
        if not parameters.get(self.SOILS):
            return False, self.tr(
                "Give soil polygons (SOILS) with their sand, silt, clay and organic-carbon fields, or the "
                "rasters SAND, SILT, CLAY and OC."
            )
        missing = [
            n
            for n in (self.SAND_FIELD, self.SILT_FIELD, self.CLAY_FIELD, self.OC_FIELD)
            if not parameters.get(n)
        ]
        if missing:
            return False, self.tr("Soil polygons need their texture fields: {names}.").format(
                names=", ".join(missing)
            )
        return True, ""

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        if parameters.get(self.SAND):
            return self._from_rasters(parameters, context, feedback)
        label = self.tr("Soil polygons")
        src = inputs.source(self, parameters, self.SOILS, context, label)
        names = [
            self.parameterAsString(parameters, n, context)
            for n in (self.SAND_FIELD, self.SILT_FIELD, self.CLAY_FIELD, self.OC_FIELD)
        ]
        inputs.require_fields(src, names, label)
        grid_input = inputs.raster(self, parameters, self.GRID, context, required=False)
        grid_path = None
        if grid_input is not None:
            layer, grid_path = grid_input
            grid = inputs.grid_of(grid_path)
            crs = layer.crs()
        else:
            crs = src.sourceCrs()
            grid = None
        all_fields = src.fields().names()
        polys = inputs.polygons(
            self, parameters, self.SOILS, context, crs, feedback, attributes=all_fields, label=label
        )
        if grid is None:
            if not crs.isValid() or crs.isGeographic():
                raise self.fail(
                    self.tr(
                        "Without GRID the K raster is built in the soils' CRS, which is {crs}: give a GRID "
                        "raster (e.g. the DEM) or soils in a projected CRS."
                    ).format(crs=crs.authid() or self.tr("unknown"))
                )
            env = [ogr.CreateGeometryFromWkb(w).GetEnvelope() for _f, w, _a in polys]
            xs = [e[0] for e in env] + [e[1] for e in env]
            ys = [e[2] for e in env] + [e[3] for e in env]
            try:
                grid = grid_around_points(
                    xs, ys, self.parameterAsDouble(parameters, self.CELL_SIZE, context), crs.toWkt(), 0.0
                )
                grid.check_usable()
            except SwcError as exc:
                raise self.fail(translate_core_error(exc)) from exc
        inputs.overlapping(polys, grid, label)
        pos = [all_fields.index(n) for n in names]
        cols = [np.array([_number(a[p]) for _f, _w, a in polys]) for p in pos]
        if self.parameterAsBoolean(parameters, self.ORGANIC_MATTER, context):
            cols[3] = cols[3] * ek.OM_TO_OC
        china = self.parameterAsBoolean(parameters, self.CHINA_CORRECTION, context)
        labels = [f"fid {fid}" for fid, _w, _a in polys]
        try:
            res = ek.erodibility(
                *cols,
                china=china,
                labels=labels,
                tolerance=self.parameterAsDouble(parameters, self.SUM_TOLERANCE, context),
            )
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        if china:
            feedback.pushInfo(self.tr("K = −0.01383 + 0.51575 K_EPIC (Chinese correction, as asked)."))
            if res.negative:
                feedback.pushWarning(
                    self.tr(
                        "The Chinese correction gives K < 0 for {n} soils ({ids}, sandy textures); their K is set to 0."
                    ).format(n=len(res.negative), ids=inputs.short_list([labels[i] for i in res.negative]))
                )
        else:
            feedback.pushInfo(self.tr("K = EPIC K × 0.1317 (SI), without the Chinese correction."))
        feedback.pushInfo(
            self.tr("{n} soils: K {lo:.4f}–{hi:.4f} t·hm²·h/(hm²·MJ·mm).").format(
                n=len(polys), lo=float(res.k.min()), hi=float(res.k.max())
            )
        )
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
        work = tempfile.mkdtemp(prefix="swc_k_", dir=QgsProcessingUtils.tempFolder())
        try:
            index = rasterize(
                [(i + 1, w) for i, (_f, w, _a) in enumerate(polys)],
                GridSpec(grid.geotransform, grid.shape, None, grid.crs_wkt),
                temp_path(work, "soils"),
            )
            cells = self.run_core(
                ek.index_to_raster,
                feedback,
                index,
                res.k.tolist(),
                out_path,
                mask_path=grid_path,
                block_rows=block,
                block_cols=block,
                progress_span=(30, 95),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        feedback.pushInfo(
            self.tr("K raster: {n} cells with a value ({km2:.3f} km²).").format(
                n=cells, km2=cells * grid.cell_area / 1e6
            )
        )
        table_id = self._table(parameters, context, src, polys, res, crs)
        feedback.setProgress(100)
        outputs.style_sidecar(
            context, out_path, k_qml(), self.tr("Soil erodibility K"), fallback="soil_erodibility.qml"
        )
        return {self.OUTPUT: out_path, self.TABLE: table_id}

    def _from_rasters(self, parameters, context, feedback):
        """K of every cell from the SAND, SILT, CLAY and OC rasters."""
        layers = {}
        for name in (self.SAND, self.SILT, self.CLAY, self.OC):
            layer, path = inputs.raster(self, parameters, name, context)
            layers[name] = (layer, path)
        grid_input = inputs.raster(self, parameters, self.GRID, context, required=False)
        grid_path = grid_input[1] if grid_input is not None else None
        grid = inputs.grid_of(grid_path or layers[self.SAND][1])
        try:
            grid.check_usable()
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        china = self.parameterAsBoolean(parameters, self.CHINA_CORRECTION, context)
        oc_factor = ek.OM_TO_OC if self.parameterAsBoolean(parameters, self.ORGANIC_MATTER, context) else 1.0
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
        work = tempfile.mkdtemp(prefix="swc_k_", dir=QgsProcessingUtils.tempFolder())
        try:
            aligned = []
            for name in (self.SAND, self.SILT, self.CLAY, self.OC):
                try:
                    aligned.append(align_raster(layers[name][1], grid, temp_path(work, name.lower()), name))
                except SwcError as exc:
                    raise self.fail(translate_core_error(exc)) from exc
            feedback.setProgress(10)
            res = self.run_core(
                ek.erodibility_rasters,
                feedback,
                *aligned,
                out_path,
                china=china,
                oc_factor=oc_factor,
                tolerance=self.parameterAsDouble(parameters, self.SUM_TOLERANCE, context),
                mask_path=grid_path,
                block_rows=block,
                block_cols=block,
                progress_span=(10, 95),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if china:
            feedback.pushInfo(self.tr("K = −0.01383 + 0.51575 K_EPIC (Chinese correction, as asked)."))
            if res.negative_cells:
                feedback.pushWarning(
                    self.tr(
                        "The Chinese correction gives K < 0 on {n} cells (sandy textures); their K is set to 0."
                    ).format(n=res.negative_cells)
                )
        else:
            feedback.pushInfo(self.tr("K = EPIC K × 0.1317 (SI), without the Chinese correction."))
        if not res.cells:
            raise self.fail(
                self.tr(
                    "No cell has all four texture values: check that SAND, SILT, CLAY and OC overlap and "
                    "that their nodata values are right."
                )
            )
        feedback.pushInfo(
            self.tr("K raster: {n} cells with a value ({km2:.3f} km²), K {lo:.4f}–{hi:.4f}.").format(
                n=res.cells, km2=res.cells * grid.cell_area / 1e6, lo=res.k_min, hi=res.k_max
            )
        )
        if res.nodata_cells:
            feedback.pushInfo(
                self.tr("{n} cells have no K (a texture raster or the grid has no value there).").format(
                    n=res.nodata_cells
                )
            )
        feedback.setProgress(100)
        outputs.style_sidecar(
            context, out_path, k_qml(), self.tr("Soil erodibility K"), fallback="soil_erodibility.qml"
        )
        return {self.OUTPUT: out_path, self.TABLE: None}

    def _table(self, parameters, context, src, polys, res, crs):
        spec = [(f.name(), f) for f in src.fields()]
        extra = [
            ("K_EPIC_US", FIELD_DOUBLE),
            ("K_EPIC", FIELD_DOUBLE),
            ("K", FIELD_DOUBLE),
            ("CORRECTION", FIELD_STRING),
        ]
        spec = [(n, f) for n, f in spec if n.upper() not in {e[0] for e in extra}] + extra
        fields = fields_from_spec(spec)
        sink, table_id = self.parameterAsSink(
            parameters,
            self.TABLE,
            context,
            fields,
            QgsWkbTypes.Type.MultiPolygon,
            QgsCoordinateReferenceSystem(crs),
        )
        if sink is None:
            return None
        keep = [
            i
            for i, f in enumerate(src.fields())
            if f.name().upper() not in {"K_EPIC_US", "K_EPIC", "K", "CORRECTION"}
        ]
        corr = "China" if res.corrected else "none"
        rows, geoms = [], []
        for i, (_fid, wkb, attrs) in enumerate(polys):
            rows.append([attrs[j] for j in keep] + [res.k_epic_us[i], res.k_epic_si[i], res.k[i], corr])
            geom = QgsGeometry()
            geom.fromWkb(wkb)
            geom.convertToMultiType()
            geoms.append(bytes(geom.asWkb()))
        outputs.add_rows(sink, fields, rows, geoms)
        return table_id
