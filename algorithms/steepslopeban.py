"""swcplanner:steepslopeban — no-reclamation steep slopes, county by county."""

from __future__ import annotations

import shutil
import tempfile

from osgeo import gdal
from qgis.core import QgsProcessingParameterString, QgsProcessingUtils, QgsWkbTypes

from . import inputs, outputs, params
from .base import GROUP_TERRAIN, SwcAlgorithm
from .core import standards
from .core.io.vector import rasterize, temp_path
from .core.steepslope import (
    RULE_GENERAL,
    RULE_MIXED,
    RULE_RESERVOIR,
    county_areas,
    county_thresholds,
    steep_slope_ban,
    township_areas,
)
from .core.zones import area_columns, code_matches, parse_codes
from .outputs import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, fields_from_spec
from .styles import single_fill_qml

RULE_CODES = {RULE_GENERAL: "general", RULE_RESERVOIR: "reservoir", RULE_MIXED: "mixed"}


class SteepSlopeBanAlgorithm(SwcAlgorithm):
    """Steep slopes where reclamation is banned, per county, with announcement tables."""

    ALG_ID = "steepslopeban"
    GROUP_ID = GROUP_TERRAIN

    DEM = params.DEM
    COUNTIES = "COUNTIES"
    COUNTY_FIELD = "COUNTY_FIELD"
    THRESHOLD = "THRESHOLD"
    THRESHOLD_FIELD = "THRESHOLD_FIELD"
    RESERVOIR_CATCHMENTS = "RESERVOIR_CATCHMENTS"
    RESERVOIR_THRESHOLD = "RESERVOIR_THRESHOLD"
    LANDUSE = "LANDUSE"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    LANDUSE_CODES = "LANDUSE_CODES"
    EXCLUDE = "EXCLUDE"
    MIN_AREA = "MIN_AREA"
    TOWNSHIPS = "TOWNSHIPS"
    TOWNSHIP_FIELD = "TOWNSHIP_FIELD"
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    TOWNSHIP_TABLE = "TOWNSHIP_TABLE"

    def displayName(self):  # noqa: N802
        return self.tr("No-reclamation steep slopes per county")

    def rule_label(self, rule: int) -> str:
        return {
            RULE_GENERAL: self.tr("general"),
            RULE_RESERVOIR: self.tr("reservoir catchment"),
            RULE_MIXED: self.tr("general and reservoir catchment"),
        }[rule]

    def help_html(self):
        return self.format_help(
            self.tr(
                "Delimits, county by county, the steep slopes on which reclamation for crops "
                "is banned (以县为单位划定禁止开垦陡坡地范围), with the patch list, the county "
                "summary and the township table that county notices publish."
            ),
            [
                (
                    self.tr("Rules"),
                    self.tr(
                        "A DEM cell is banned when its slope (degrees, Horn, as gdaldem slope) is above "
                        "the threshold: THRESHOLD (default 25°, SWC Law Art. 20), or the county's value "
                        "in THRESHOLD_FIELD; inside RESERVOIR_CATCHMENTS the lower RESERVOIR_THRESHOLD "
                        "applies (Hebei: 20° around large and medium reservoirs). With a LANDUSE layer "
                        "only land whose code matches LANDUSE_CODES is kept (default 03*, 04*, 1206: "
                        "forest, grassland and bare soil of the land survey); EXCLUDE polygons (e.g. "
                        "permanent basic farmland) are removed."
                    ),
                ),
                (
                    self.tr("Patches"),
                    self.tr(
                        "A patch is a set of banned cells connected through sides or corners "
                        "(8-connected) inside one county; its polygon is the exact union of its cells, "
                        "vectorised by GDAL. A cell belongs to the county that contains its centre. "
                        "Patches smaller than MIN_AREA (ha, default 5; 0 keeps all) are dropped. The "
                        "rule field says whether the general threshold, the reservoir threshold or "
                        "both applied in the patch."
                    ),
                ),
                (
                    self.tr("Areas"),
                    self.tr(
                        "Areas are planar, in the DEM's projected CRS (cell count × cell area), given "
                        "in m², ha, km² and mu (亩 = 666.67 m²). Use a Gauss–Krüger CRS whose central "
                        "meridian is near the county (e.g. CGCS2000 zone 38, 39 or 40 for Hebei)."
                    ),
                ),
                (
                    self.tr("DEM resolution"),
                    self.tr(
                        "Coarse DEMs flatten slopes and understate the banned area. Measured on the "
                        "shared test DEMs (share of the area steeper than 25° after averaging the DEM "
                        "to coarser cells; benchmarks/coarse_dem.py): Big Tujunga 37.6 % at 30 m, "
                        "22.7 % at 90 m, 3.6 % at 250 m, 0 % at 1 km; Qinling 45.2 % at 30 m, 38.6 % "
                        "at 100 m, 17.3 % at 250 m; Youwuzhen 18.3 % at 5 m, 15.7 % at 10 m, 4.8 % at "
                        "30 m. Use a 5–30 m DEM; a warning is given above 30 m."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: patches with COUNTY, PATCH_ID, PATCH_NO, AREA_M2, AREA_HA, AREA_MU, "
                        "SLOPE_MEAN, SLOPE_MAX, THRESHOLD, RULE (general / reservoir / mixed), "
                        "RULE_LABEL, RES_HA. SUMMARY: per county COUNTY, THRESHOLD, AREA_KM2, PATCHES, "
                        "BAN_HA, BAN_KM2, BAN_MU, SHARE_PCT. TOWNSHIP_TABLE (with TOWNSHIPS): per "
                        "township TOWNSHIP, COUNTY, AREA_KM2, PATCHES, BAN_KM2, BAN_HA, BAN_MU, "
                        "SHARE_PCT."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.dem())
        self.addParameter(params.polygons(self.COUNTIES, self.tr("Counties")))
        self.addParameter(params.field(self.COUNTY_FIELD, self.tr("County name field"), self.COUNTIES))
        self.addParameter(
            params.ban_slope(
                self.THRESHOLD, self.tr("Ban slope (degrees; banned above it)"), standards.BAN_SLOPE_DEG
            )
        )
        self.addParameter(
            params.field(
                self.THRESHOLD_FIELD,
                self.tr("Per-county ban slope field (overrides the ban slope)"),
                self.COUNTIES,
                optional=True,
                numeric=True,
            )
        )
        self.addParameter(
            params.polygons(
                self.RESERVOIR_CATCHMENTS, self.tr("Catchments of large and medium reservoirs"), optional=True
            )
        )
        self.addParameter(
            params.ban_slope(
                self.RESERVOIR_THRESHOLD,
                self.tr("Ban slope inside reservoir catchments (degrees)"),
                standards.RESERVOIR_BAN_SLOPE_DEG,
            )
        )
        self.addParameter(
            params.polygons(self.LANDUSE, self.tr("Land use (land-survey polygons)"), optional=True)
        )
        self.addParameter(
            params.field(self.LANDUSE_FIELD, self.tr("Land-use code field"), self.LANDUSE, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.LANDUSE_CODES,
                self.tr("Land-use codes kept (comma-separated, * wildcard)"),
                defaultValue=",".join(standards.BAN_LANDUSE_CODES),
                optional=True,
            )
        )
        self.addParameter(
            params.polygons(
                self.EXCLUDE, self.tr("Excluded areas (e.g. permanent basic farmland)"), optional=True
            )
        )
        self.addParameter(
            params.number(
                self.MIN_AREA,
                self.tr("Minimum patch area (ha; 0 keeps every patch)"),
                standards.MIN_BAN_PATCH_HA,
                minimum=0.0,
            )
        )
        self.addParameter(params.polygons(self.TOWNSHIPS, self.tr("Townships"), optional=True))
        self.addParameter(
            params.field(self.TOWNSHIP_FIELD, self.tr("Township name field"), self.TOWNSHIPS, optional=True)
        )
        self.addParameter(params.block_size())
        self.addParameter(
            outputs.sink_output(self.OUTPUT, self.tr("Banned steep-slope patches"), params.SOURCE_POLYGON)
        )
        self.addParameter(outputs.table_output(self.SUMMARY, self.tr("County summary"), secondary=True))
        self.addParameter(
            outputs.table_output(self.TOWNSHIP_TABLE, self.tr("Township table"), secondary=True)
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, msg = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, msg
        if parameters.get(self.LANDUSE) and not parameters.get(self.LANDUSE_FIELD):
            return False, self.tr("A land-use layer needs its code field (LANDUSE_FIELD).")
        if parameters.get(self.TOWNSHIPS) and not parameters.get(self.TOWNSHIP_FIELD):
            return False, self.tr("A township layer needs its name field (TOWNSHIP_FIELD).")
        return True, ""

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dem_layer, dem_path, grid = inputs.dem(
            self, parameters, self.DEM, context, feedback, coarse_warning=standards.COARSE_DEM_M
        )
        crs = dem_layer.crs()
        county_field = self.parameterAsString(parameters, self.COUNTY_FIELD, context)
        thr_field = self.parameterAsString(parameters, self.THRESHOLD_FIELD, context)
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        attrs = [county_field] + ([thr_field] if thr_field else [])
        counties = inputs.polygons(
            self,
            parameters,
            self.COUNTIES,
            context,
            crs,
            feedback,
            attributes=attrs,
            label=self.tr("Counties"),
        )
        inputs.overlapping(counties, grid, self.tr("Counties"))

        # counties: one number per feature (names need not be unique: 桥西区 exists in
        # three Hebei cities), its threshold from the field when given
        names = [values[0] for _fid, _wkb, values in counties]
        county_polys = [(number, wkb) for number, (_fid, wkb, _v) in enumerate(counties, start=1)]
        thresholds, invalid = (
            county_thresholds([values[1] for _fid, _wkb, values in counties], threshold)
            if thr_field
            else ([0.0] + [threshold] * len(counties), [])
        )
        for i in invalid:
            feedback.pushWarning(
                self.tr("County {name}: the ban slope field is empty or invalid; using {value:g}°.").format(
                    name=names[i], value=threshold
                )
            )
        repeated = sorted({str(n) for n in names if names.count(n) > 1})
        if repeated:
            feedback.pushWarning(
                self.tr(
                    "County names are not unique ({names}); each county feature gets its own rows. "
                    "Choose a unique field (e.g. the administrative code) to tell them apart."
                ).format(names=", ".join(repeated[:10]))
            )

        work = tempfile.mkdtemp(prefix="swc_ban_", dir=QgsProcessingUtils.tempFolder())
        try:
            return self._run(
                parameters, context, feedback, dem_path, grid, crs, names, thresholds, county_polys, work
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _optional_mask(
        self, parameters, name, context, crs, feedback, grid, work, label, codes=None, code_field=None
    ):
        polys = inputs.polygons(
            self,
            parameters,
            name,
            context,
            crs,
            feedback,
            attributes=[code_field] if code_field else [],
            required=False,
            label=label,
        )
        if polys is None:
            return None
        if codes is not None:
            polys = [p for p in polys if code_matches(p[2][0], codes)]
            if not polys:
                feedback.pushWarning(
                    self.tr("{label}: no feature has a code in {codes}; nothing is kept.").format(
                        label=label, codes=", ".join(codes)
                    )
                )
        return rasterize(
            [(1, wkb) for _f, wkb, _a in polys], grid, temp_path(work, name.lower()), data_type=gdal.GDT_Byte
        )

    def _run(self, parameters, context, feedback, dem_path, grid, crs, names, thresholds, county_polys, work):
        feedback.pushInfo(self.tr("Rasterising the counties on the DEM grid…"))
        county_raster = rasterize(county_polys, grid, temp_path(work, "counties"))
        res_raster = self._optional_mask(
            parameters,
            self.RESERVOIR_CATCHMENTS,
            context,
            crs,
            feedback,
            grid,
            work,
            self.tr("Reservoir catchments"),
        )
        land_raster = None
        if parameters.get(self.LANDUSE):
            codes = parse_codes(self.parameterAsString(parameters, self.LANDUSE_CODES, context))
            land_raster = self._optional_mask(
                parameters,
                self.LANDUSE,
                context,
                crs,
                feedback,
                grid,
                work,
                self.tr("Land use"),
                codes=codes,
                code_field=self.parameterAsString(parameters, self.LANDUSE_FIELD, context),
            )
        excl_raster = self._optional_mask(
            parameters, self.EXCLUDE, context, crs, feedback, grid, work, self.tr("Excluded areas")
        )
        town_field = self.parameterAsString(parameters, self.TOWNSHIP_FIELD, context)
        towns = None
        town_raster = None
        if parameters.get(self.TOWNSHIPS):
            towns = inputs.polygons(
                self,
                parameters,
                self.TOWNSHIPS,
                context,
                crs,
                feedback,
                attributes=[town_field],
                label=self.tr("Townships"),
            )
            town_raster = rasterize(
                [(i + 1, w) for i, (_f, w, _a) in enumerate(towns)], grid, temp_path(work, "towns")
            )
        min_area_m2 = self.parameterAsDouble(parameters, self.MIN_AREA, context) * standards.HA_M2
        block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
        feedback.pushInfo(self.tr("Computing slopes and banned cells…"))
        result = self.run_core(
            steep_slope_ban,
            feedback,
            dem_path,
            county_raster,
            thresholds,
            reservoir_raster=res_raster,
            reservoir_threshold=self.parameterAsDouble(parameters, self.RESERVOIR_THRESHOLD, context),
            landuse_raster=land_raster,
            exclude_raster=excl_raster,
            township_raster=town_raster,
            n_townships=len(towns) if towns else 0,
            min_area_m2=min_area_m2,
            work_dir=work,
            block_rows=block,
            block_cols=block,
            progress_span=(0, 90),
        )
        feedback.pushInfo(
            self.tr("{n} patches kept, {m} below the minimum area removed.").format(
                n=len(result.patches), m=result.removed_patches
            )
        )
        return self._write_outputs(parameters, context, feedback, result, names, thresholds[1:], towns, crs)

    def _write_outputs(self, parameters, context, feedback, result, names, thresholds, towns, crs):
        source = inputs.source(self, parameters, self.COUNTIES, context)
        county_field = self.parameterAsString(parameters, self.COUNTY_FIELD, context)
        county_qfield = source.fields().field(county_field)
        cell_area = result.grid.cell_area

        fields = fields_from_spec(
            [
                ("COUNTY", county_qfield),
                ("PATCH_ID", FIELD_INT),
                ("PATCH_NO", FIELD_INT),
                ("AREA_M2", FIELD_DOUBLE),
                ("AREA_HA", FIELD_DOUBLE),
                ("AREA_MU", FIELD_DOUBLE),
                ("SLOPE_MEAN", FIELD_DOUBLE),
                ("SLOPE_MAX", FIELD_DOUBLE),
                ("THRESHOLD", FIELD_DOUBLE),
                ("RULE", FIELD_STRING),
                ("RULE_LABEL", FIELD_STRING),
                ("RES_HA", FIELD_DOUBLE),
            ]
        )
        sink, out_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        rows, geoms = [], []
        for i, p in enumerate(result.patches, start=1):
            m2, ha, mu = area_columns(p.cells, cell_area)
            rows.append(
                [
                    names[p.county - 1],
                    i,
                    p.number,
                    m2,
                    ha,
                    mu,
                    round(p.mean_slope, 2),
                    round(p.max_slope, 2),
                    p.threshold,
                    RULE_CODES[p.rule],
                    self.rule_label(p.rule),
                    p.reservoir_cells * cell_area / standards.HA_M2,
                ]
            )
            geoms.append(p.wkb)
        outputs.add_rows(sink, fields, rows, geoms)
        feedback.setProgress(95)

        s_fields = fields_from_spec(
            [
                ("COUNTY", county_qfield),
                ("THRESHOLD", FIELD_DOUBLE),
                ("AREA_KM2", FIELD_DOUBLE),
                ("PATCHES", FIELD_INT),
                ("BAN_HA", FIELD_DOUBLE),
                ("BAN_KM2", FIELD_DOUBLE),
                ("BAN_MU", FIELD_DOUBLE),
                ("SHARE_PCT", FIELD_DOUBLE),
            ]
        )
        s_sink, s_id = outputs.table_sink(self, parameters, self.SUMMARY, context, s_fields)
        s_rows = []
        for name, threshold, area in zip(names, thresholds, county_areas(result)):
            s_rows.append(
                [
                    name,
                    threshold,
                    area.area_km2,
                    area.patches,
                    area.ban_ha,
                    area.ban_km2,
                    area.ban_mu,
                    area.share_pct,
                ]
            )
            feedback.pushInfo(
                self.tr(
                    "{county}: {patches} patches, {km2:.2f} km² banned ({share:.2f} % of the county)"
                ).format(county=name, patches=area.patches, km2=area.ban_km2, share=area.share_pct)
            )
        outputs.add_rows(s_sink, s_fields, s_rows)

        results = {self.OUTPUT: out_id, self.SUMMARY: s_id}
        if towns is not None:
            t_source = inputs.source(self, parameters, self.TOWNSHIPS, context)
            t_qfield = t_source.fields().field(
                self.parameterAsString(parameters, self.TOWNSHIP_FIELD, context)
            )
            t_fields = fields_from_spec(
                [
                    ("TOWNSHIP", t_qfield),
                    ("COUNTY", county_qfield),
                    ("AREA_KM2", FIELD_DOUBLE),
                    ("PATCHES", FIELD_INT),
                    ("BAN_KM2", FIELD_DOUBLE),
                    ("BAN_HA", FIELD_DOUBLE),
                    ("BAN_MU", FIELD_DOUBLE),
                    ("SHARE_PCT", FIELD_DOUBLE),
                ]
            )
            t_sink, t_id = outputs.table_sink(self, parameters, self.TOWNSHIP_TABLE, context, t_fields)
            t_rows = []
            for (_fid, _wkb, attrs), area in zip(towns, township_areas(result)):
                t_rows.append(
                    [
                        attrs[0],
                        names[area.county - 1] if area.county > 0 else None,
                        area.area_km2,
                        area.patches,
                        area.ban_km2,
                        area.ban_ha,
                        area.ban_mu,
                        area.share_pct,
                    ]
                )
            outputs.add_rows(t_sink, t_fields, t_rows)
            if t_id:
                results[self.TOWNSHIP_TABLE] = t_id
        qml = single_fill_qml("#d7191c", "#7f0000", alpha=150)
        outputs.style_sidecar(
            context,
            self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
            qml,
            self.tr("Banned steep slopes"),
            layer_id=out_id,
            fallback="steepslopeban.qml",
        )
        feedback.setProgress(100)
        return results
