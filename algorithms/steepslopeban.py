"""swcplanner:steepslopeban — no-reclamation steep slopes, county by county."""

from __future__ import annotations

import shutil
import tempfile

from osgeo import gdal
from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from . import inputs, outputs, params
from .base import GROUP_TERRAIN, SwcAlgorithm, translate_core_error
from .core import standards
from .core.io.vector import rasterize, temp_path
from .core.steepslope import (
    RESERVOIR_CLASSES,
    RESERVOIR_SNAP_M,
    RULE_GENERAL,
    RULE_MIXED,
    RULE_RESERVOIR,
    county_areas,
    county_thresholds,
    reservoir_applies,
    reservoir_catchments,
    steep_slope_ban,
    township_areas,
)
from .core.zones import area_columns, code_matches, parse_codes
from .outputs import FIELD_DOUBLE, FIELD_INT, FIELD_LONG, FIELD_STRING, fields_from_spec
from .styles import single_fill_qml

RULE_CODES = {RULE_GENERAL: "general", RULE_RESERVOIR: "reservoir", RULE_MIXED: "mixed"}

#: Column names of the notice tables, as county notices publish them (长寿区, 屏边, 元阳, 大关; domain.md
#: §1.2).  They are Chinese in every locale: the tables are the annexes of a Chinese announcement.
NOTICE_TOWNSHIP_COLUMNS = (
    "序号",
    "县（市、区）",
    "乡镇名称",
    "乡镇面积(km²)",
    "图斑个数",
    "禁垦面积(km²)",
    "禁垦面积(亩)",
    "占乡镇面积比例(%)",
    "备注",
)
NOTICE_COUNTY_COLUMNS = (
    "县（市、区）",
    "禁垦坡度(°)",
    "县域面积(km²)",
    "图斑个数",
    "禁垦面积(km²)",
    "禁垦面积(亩)",
    "占县域面积比例(%)",
    "林地草地裸土地面积(km²)",
    "占林地草地裸土地面积比例(%)",
    "生态保护红线内面积(km²)",
    "占禁垦面积比例(%)",
    "备注",
)
#: The 备注 of every notice row of a run without a land-use filter.
PRELIMINARY_ZH = "初步结果，未按土地利用（林地、草地、裸土地）筛选"


def _r(value, digits=4):
    return None if value is None else round(float(value), digits)


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
    RESERVOIRS = "RESERVOIRS"
    RESERVOIR_CLASS_FIELD = "RESERVOIR_CLASS_FIELD"
    RESERVOIR_CLASSES = "RESERVOIR_CLASSES"
    RESERVOIR_SNAP = "RESERVOIR_SNAP"
    RESERVOIR_THRESHOLD = "RESERVOIR_THRESHOLD"
    LANDUSE = "LANDUSE"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    LANDUSE_CODES = "LANDUSE_CODES"
    NO_LANDUSE_FILTER = "NO_LANDUSE_FILTER"
    EXCLUDE = "EXCLUDE"
    RED_LINE = "RED_LINE"
    MIN_AREA = "MIN_AREA"
    TOWNSHIPS = "TOWNSHIPS"
    TOWNSHIP_FIELD = "TOWNSHIP_FIELD"
    MAX_MEMORY = params.MAX_MEMORY
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    TOWNSHIP_TABLE = "TOWNSHIP_TABLE"
    NOTICE_TOWNSHIP = "NOTICE_TOWNSHIP"
    NOTICE_COUNTY = "NOTICE_COUNTY"
    CATCHMENTS = "CATCHMENTS"

    def displayName(self):  # noqa: N802
        return self.tr("No-reclamation steep slopes per county")

    def rule_label(self, rule: int) -> str:
        return {
            RULE_GENERAL: self.tr("general"),
            RULE_RESERVOIR: self.tr("reservoir catchment"),
            RULE_MIXED: self.tr("general and reservoir catchment"),
        }[rule]

    def preliminary_note(self) -> str:
        return self.tr("preliminary, no land-use filter")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Delimits, county by county, the steep slopes on which reclamation for crops "
                "is banned (以县为单位划定禁止开垦陡坡地范围), with the patch list, the county "
                "summary, the township table and the notice tables that county notices publish."
            ),
            [
                (
                    self.tr("Rules"),
                    self.tr(
                        "A DEM cell is banned when its slope (degrees, Horn, as gdaldem slope) is above "
                        "the threshold: THRESHOLD (default 25°, SWC Law Art. 20), or the county's value "
                        "in THRESHOLD_FIELD; inside the catchments of large and medium reservoirs the "
                        "lower RESERVOIR_THRESHOLD applies (Hebei implementing measures: 20°). Only land "
                        "of the LANDUSE layer whose code matches LANDUSE_CODES is kept (default 03*, "
                        "04*, 1206: forest, grassland and bare soil of the land survey, as published "
                        "notices delimit); EXCLUDE polygons (e.g. permanent basic farmland) are removed."
                    ),
                ),
                (
                    self.tr("Land use required"),
                    self.tr(
                        "Without LANDUSE the run stops: a ban without the land-use filter covers fields, "
                        "villages and water. NO_LANDUSE_FILTER allows a preliminary run without it; every "
                        "table and the patch layer then say \u201cpreliminary, no land-use filter\u201d "
                        "(fields PRELIM = 1 and NOTE; 备注 of the notice tables)."
                    ),
                ),
                (
                    self.tr("Reservoir catchments"),
                    self.tr(
                        "RESERVOIR_CATCHMENTS takes catchment polygons; RESERVOIRS takes the dam points of "
                        "the reservoir register, whose catchments are delineated on the DEM with the "
                        "project's watershed code (as Watersheds from outlets: depressions filled, D8, "
                        "each dam moved to the cell of largest upslope area within RESERVOIR_SNAP m, "
                        "default 60). With RESERVOIR_CLASS_FIELD only reservoirs whose class matches "
                        "RESERVOIR_CLASSES (default 大*, 中*, large*, medium*: large and medium "
                        "reservoirs) are used; without it every dam point is. Both inputs may be given. "
                        "A catchment that reaches the DEM edge is flagged (AT_EDGE): extend the DEM "
                        "upstream. CATCHMENTS shows the delineated catchments."
                    ),
                ),
                (
                    self.tr("Patches and townships"),
                    self.tr(
                        "A patch is a set of banned cells connected through sides or corners "
                        "(8-connected) inside one county; its polygon is the exact union of its cells, "
                        "vectorised by GDAL. A cell belongs to the county that contains its centre. "
                        "Patches smaller than MIN_AREA (ha, default 5; 0 keeps all) are dropped; the "
                        "minimum applies to the whole patch of the county. With TOWNSHIPS the patches "
                        "kept are then cut at the township lines, one patch per 8-connected part inside "
                        "one township (WHOLE_ID, WHOLE_NO and WHOLE_HA name the whole patch), so the "
                        "township rows add up to the county row: an 8 ha patch over two townships "
                        "counts 5 ha and 1 patch in one, 3 ha and 1 patch in the other, 2 patches of "
                        "8 ha in the county. A township belongs to the county holding most of it; parts "
                        "in no township of their county are reported (OUT_TOWN_KM2)."
                    ),
                ),
                (
                    self.tr("Areas"),
                    self.tr(
                        "Areas are planar, in the DEM's projected CRS (cell count × cell area), given "
                        "in m², ha, km² and mu (亩 = 666.67 m²). Use a Gauss–Krüger CRS whose central "
                        "meridian is near the county (e.g. CGCS2000 zone 38, 39 or 40 for Hebei). "
                        "RED_LINE (生态保护红线) gives the banned area inside the ecological red line."
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
                        "RULE_LABEL, RES_HA, TOWNSHIP, WHOLE_ID, WHOLE_NO, WHOLE_HA, RED_HA, PRELIM, "
                        "NOTE. SUMMARY: per county COUNTY, THRESHOLD, AREA_KM2, PATCHES, BAN_HA, "
                        "BAN_KM2, BAN_MU, SHARE_PCT, WHOLE_PATCHES, STEEP_KM2 (steeper than the "
                        "threshold before the land-use filter), LAND_KM2 (land of LANDUSE_CODES), "
                        "LAND_PCT (banned share of it), RED_KM2, RED_PCT (share of the banned area in "
                        "the red line), OUT_TOWN_KM2, PRELIM, NOTE. TOWNSHIP_TABLE (with TOWNSHIPS): "
                        "per township TOWNSHIP, COUNTY, AREA_KM2, PATCHES, BAN_KM2, BAN_HA, BAN_MU, "
                        "SHARE_PCT, RED_KM2, PRELIM, NOTE. NOTICE_TOWNSHIP and NOTICE_COUNTY: the same "
                        "numbers with the Chinese column names of published notices (乡镇名称, 乡镇面积"
                        "(km²), 图斑个数, 禁垦面积(km²), 禁垦面积(亩), 占乡镇面积比例(%); per county also "
                        "占林地草地裸土地面积比例(%) and 生态保护红线内面积(km²)). CATCHMENTS (with "
                        "RESERVOIRS): RES_ID, RES_CLASS, AREA_KM2, SNAP_X, SNAP_Y, SNAP_M, AT_EDGE."
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
            QgsProcessingParameterFeatureSource(
                self.RESERVOIRS,
                self.tr("Reservoir dam points (catchments delineated on the DEM)"),
                [params.SOURCE_POINT],
                None,
                True,
            )
        )
        self.addParameter(
            params.field(
                self.RESERVOIR_CLASS_FIELD,
                self.tr("Reservoir class field (大型 / 中型 / 小型 …)"),
                self.RESERVOIRS,
                optional=True,
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
            QgsProcessingParameterBoolean(
                self.NO_LANDUSE_FILTER,
                self.tr("Preliminary run without a land-use layer (every output says so)"),
                False,
                True,
            )
        )
        self.addParameter(
            params.polygons(
                self.EXCLUDE, self.tr("Excluded areas (e.g. permanent basic farmland)"), optional=True
            )
        )
        self.addParameter(
            params.polygons(self.RED_LINE, self.tr("Ecological red line (生态保护红线)"), optional=True)
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
        advanced = [
            QgsProcessingParameterString(
                self.RESERVOIR_CLASSES,
                self.tr("Reservoir classes with the lower ban slope (comma-separated, * wildcard)"),
                defaultValue=",".join(RESERVOIR_CLASSES),
                optional=True,
            ),
            params.number(
                self.RESERVOIR_SNAP,
                self.tr("Snapping distance of the dam points (m)"),
                RESERVOIR_SNAP_M,
                minimum=0.0,
            ),
        ]
        for param in advanced:
            self.addParameter(params.advanced(param))
        self.addParameter(params.max_memory())
        self.addParameter(params.block_size())
        self.addParameter(
            outputs.sink_output(self.OUTPUT, self.tr("Banned steep-slope patches"), params.SOURCE_POLYGON)
        )
        self.addParameter(outputs.table_output(self.SUMMARY, self.tr("County summary"), secondary=True))
        self.addParameter(
            outputs.table_output(self.TOWNSHIP_TABLE, self.tr("Township table"), secondary=True)
        )
        self.addParameter(
            outputs.table_output(
                self.NOTICE_TOWNSHIP, self.tr("Notice table per township (Chinese columns)"), secondary=True
            )
        )
        self.addParameter(
            outputs.table_output(
                self.NOTICE_COUNTY, self.tr("Notice table per county (Chinese columns)"), secondary=True
            )
        )
        self.addParameter(
            outputs.sink_output(
                self.CATCHMENTS,
                self.tr("Reservoir catchments delineated from the dam points"),
                params.SOURCE_POLYGON,
                secondary=True,
            )
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
        preliminary = self._landuse_mode(parameters, context, feedback)
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
                parameters,
                context,
                feedback,
                dem_path,
                grid,
                crs,
                names,
                thresholds,
                county_polys,
                work,
                preliminary,
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _landuse_mode(self, parameters, context, feedback) -> bool:
        """True for a preliminary run without land use; stops a run without land use otherwise."""
        no_filter = self.parameterAsBoolean(parameters, self.NO_LANDUSE_FILTER, context)
        if parameters.get(self.LANDUSE):
            if no_filter:
                feedback.pushWarning(
                    self.tr(
                        "A land-use layer is given: NO_LANDUSE_FILTER is ignored and the land is filtered."
                    )
                )
            return False
        if not no_filter:
            raise self.fail(
                self.tr(
                    "No land-use layer (LANDUSE) is given. County notices delimit only the forest, "
                    "grassland and bare land of the land survey (林地、草地、裸土地) above the ban slope; "
                    "without the land-use filter the ban would cover fields, villages and water. Give "
                    "the land-survey polygons in LANDUSE with their code field (LANDUSE_FIELD), or set "
                    "NO_LANDUSE_FILTER for a preliminary result that every output marks as such."
                )
            )
        feedback.pushWarning(
            self.tr(
                "No land-use filter: this is a preliminary result (fields, villages and water above the ban "
                "slope are included); every table and the patch layer say so."
            )
        )
        return True

    def _optional_mask(
        self,
        parameters,
        name,
        context,
        crs,
        feedback,
        grid,
        work,
        label,
        codes=None,
        code_field=None,
        extra=(),
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
        if polys is None and not extra:
            return None
        polys = polys or []
        if codes is not None:
            polys = [p for p in polys if code_matches(p[2][0], codes)]
            if not polys:
                feedback.pushWarning(
                    self.tr("{label}: no feature has a code in {codes}; nothing is kept.").format(
                        label=label, codes=", ".join(codes)
                    )
                )
        burn = [(1, wkb) for _f, wkb, _a in polys] + [(1, wkb) for wkb in extra]
        return rasterize(burn, grid, temp_path(work, name.lower()), data_type=gdal.GDT_Byte)

    def _dam_catchments(self, parameters, context, feedback, dem_path, crs):
        """Catchments of the large and medium reservoirs among the dam points (None without them)."""
        if not parameters.get(self.RESERVOIRS):
            return None
        label = self.tr("Reservoir dam points")
        dams = inputs.points(self, parameters, self.RESERVOIRS, context, crs, feedback, label)
        class_field = self.parameterAsString(parameters, self.RESERVOIR_CLASS_FIELD, context)
        classes = {}
        if class_field:
            src = inputs.source(self, parameters, self.RESERVOIRS, context, label, feedback)
            inputs.require_fields(src, [class_field], label)
            for feature in src.getFeatures():
                classes[int(feature.id())] = feature.attribute(class_field)
            patterns = parse_codes(self.parameterAsString(parameters, self.RESERVOIR_CLASSES, context))
            used = [d for d in dams if reservoir_applies(classes.get(d[0]), patterns or RESERVOIR_CLASSES)]
            if len(used) < len(dams):
                feedback.pushInfo(
                    self.tr(
                        "{n} of {total} dam points are not of the classes {classes} (field {field}) "
                        "and keep the general ban slope."
                    ).format(
                        n=len(dams) - len(used),
                        total=len(dams),
                        classes=", ".join(patterns or RESERVOIR_CLASSES),
                        field=class_field,
                    )
                )
            dams = used
        else:
            feedback.pushInfo(
                self.tr("No reservoir class field: every dam point is taken as a large or medium reservoir.")
            )
        if not dams:
            feedback.pushWarning(self.tr("No dam point of a large or medium reservoir: no catchment."))
            return [], classes
        feedback.pushInfo(self.tr("Delineating the catchments of {n} reservoirs…").format(n=len(dams)))
        found, skipped = self.run_core(
            reservoir_catchments,
            feedback,
            dem_path,
            dams,
            self.parameterAsDouble(parameters, self.RESERVOIR_SNAP, context),
            max_memory_mb=self.parameterAsInt(parameters, self.MAX_MEMORY, context),
            progress_span=(0, 15),
        )
        for _id, err in skipped:
            feedback.pushWarning(translate_core_error(err))
        for c in found:
            feedback.pushInfo(
                self.tr("Reservoir {id}: catchment {km2:.3f} km² (dam moved {m:.0f} m).").format(
                    id=c.dam_id, km2=c.area_km2, m=c.snap_m
                )
            )
            if c.at_edge:
                feedback.pushWarning(
                    self.tr(
                        "Reservoir {id}: its catchment reaches the edge of the DEM, so the DEM may not hold "
                        "all of it. Use a DEM that covers the whole catchment upstream of the dam."
                    ).format(id=c.dam_id)
                )
        return found, classes

    def _run(
        self,
        parameters,
        context,
        feedback,
        dem_path,
        grid,
        crs,
        names,
        thresholds,
        county_polys,
        work,
        preliminary,
    ):
        dam = self._dam_catchments(parameters, context, feedback, dem_path, crs)
        catchments, dam_classes = dam if dam is not None else (None, {})
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
            extra=[c.wkb for c in catchments or []],
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
        red_raster = self._optional_mask(
            parameters, self.RED_LINE, context, crs, feedback, grid, work, self.tr("Ecological red line")
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
            red_line_raster=red_raster,
            min_area_m2=min_area_m2,
            work_dir=work,
            block_rows=block,
            block_cols=block,
            progress_span=(15 if catchments is not None else 0, 90),
        )
        feedback.pushInfo(
            self.tr("{n} patches kept, {m} below the minimum area removed.").format(
                n=len(result.patches), m=result.removed_patches
            )
        )
        if towns is not None and result.outside_township_cells:
            feedback.pushWarning(
                self.tr(
                    "{km2:.4f} km² of banned land ({n} patches) lie in no township of their county: the "
                    "township layer does not cover the county, or township and county lines differ. "
                    "They count in the county rows, not in the township rows (OUT_TOWN_KM2)."
                ).format(
                    km2=result.outside_township_cells * result.grid.cell_area / standards.KM2_M2,
                    n=result.outside_township_patches,
                )
            )
        results = self._write_outputs(
            parameters, context, feedback, result, names, thresholds[1:], towns, crs, preliminary
        )
        if catchments is not None:
            c_id = self._write_catchments(parameters, context, catchments, dam_classes, crs)
            if c_id:
                results[self.CATCHMENTS] = c_id
        return results

    def _write_catchments(self, parameters, context, catchments, classes, crs):
        fields = fields_from_spec(
            [
                ("RES_ID", FIELD_LONG),
                ("RES_CLASS", FIELD_STRING),
                ("AREA_KM2", FIELD_DOUBLE),
                ("SNAP_X", FIELD_DOUBLE),
                ("SNAP_Y", FIELD_DOUBLE),
                ("SNAP_M", FIELD_DOUBLE),
                ("AT_EDGE", FIELD_INT),
            ]
        )
        sink, sink_id = self.parameterAsSink(
            parameters, self.CATCHMENTS, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        rows = []
        for c in catchments:
            value = classes.get(c.dam_id)
            rows.append(
                [
                    c.dam_id,
                    None if value is None else str(value),
                    c.area_km2,
                    c.snapped_xy[0],
                    c.snapped_xy[1],
                    c.snap_m,
                    int(c.at_edge),
                ]
            )
        outputs.add_rows(sink, fields, rows, [_multi(c.wkb) for c in catchments])
        outputs.style_output(
            context,
            sink_id,
            outputs.style_path("steepslopeban_catchments.qml"),
            self.tr("Reservoir catchments"),
        )
        return sink_id

    def _write_outputs(
        self, parameters, context, feedback, result, names, thresholds, towns, crs, preliminary
    ):
        source = inputs.source(self, parameters, self.COUNTIES, context)
        county_field = self.parameterAsString(parameters, self.COUNTY_FIELD, context)
        county_qfield = source.fields().field(county_field)
        cell_area = result.grid.cell_area
        prelim = int(preliminary)
        note = self.preliminary_note() if preliminary else None
        t_qfield = FIELD_STRING
        town_names = []
        if towns is not None:
            t_source = inputs.source(self, parameters, self.TOWNSHIPS, context)
            t_qfield = t_source.fields().field(
                self.parameterAsString(parameters, self.TOWNSHIP_FIELD, context)
            )
            town_names = [attrs[0] for _fid, _wkb, attrs in towns]

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
                ("TOWNSHIP", t_qfield),
                ("WHOLE_ID", FIELD_INT),
                ("WHOLE_NO", FIELD_INT),
                ("WHOLE_HA", FIELD_DOUBLE),
                ("RED_HA", FIELD_DOUBLE),
                ("PRELIM", FIELD_INT),
                ("NOTE", FIELD_STRING),
            ]
        )
        sink, out_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        has_red = result.county_red_cells is not None
        rows, geoms = [], []
        out_town_cells = [0] * (len(names) + 1)
        for i, p in enumerate(result.patches, start=1):
            m2, ha, mu = area_columns(p.cells, cell_area)
            if towns is not None and p.township == 0:
                out_town_cells[p.county] += p.cells
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
                    town_names[p.township - 1] if p.township > 0 else None,
                    p.whole,
                    p.whole_number,
                    p.whole_cells * cell_area / standards.HA_M2,
                    p.red_cells * cell_area / standards.HA_M2 if has_red else None,
                    prelim,
                    note,
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
                ("WHOLE_PATCHES", FIELD_INT),
                ("STEEP_KM2", FIELD_DOUBLE),
                ("LAND_KM2", FIELD_DOUBLE),
                ("LAND_PCT", FIELD_DOUBLE),
                ("RED_KM2", FIELD_DOUBLE),
                ("RED_PCT", FIELD_DOUBLE),
                ("OUT_TOWN_KM2", FIELD_DOUBLE),
                ("PRELIM", FIELD_INT),
                ("NOTE", FIELD_STRING),
            ]
        )
        s_sink, s_id = outputs.table_sink(self, parameters, self.SUMMARY, context, s_fields)
        n_fields = fields_from_spec(
            [
                (NOTICE_COUNTY_COLUMNS[0], county_qfield),
                *[(c, FIELD_INT if c == "图斑个数" else FIELD_DOUBLE) for c in NOTICE_COUNTY_COLUMNS[1:-1]],
                (NOTICE_COUNTY_COLUMNS[-1], FIELD_STRING),
            ]
        )
        n_sink, n_id = outputs.table_sink(self, parameters, self.NOTICE_COUNTY, context, n_fields)
        s_rows, n_rows = [], []
        for c, (name, threshold, area) in enumerate(zip(names, thresholds, county_areas(result)), start=1):
            out_town = out_town_cells[c] * cell_area / standards.KM2_M2 if towns is not None else None
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
                    area.whole_patches,
                    area.steep_km2,
                    area.land_km2,
                    area.land_share_pct,
                    area.red_km2,
                    area.red_share_pct,
                    out_town,
                    prelim,
                    note,
                ]
            )
            n_rows.append(
                [
                    name,
                    threshold,
                    _r(area.area_km2),
                    area.patches,
                    _r(area.ban_km2),
                    _r(area.ban_mu, 1),
                    _r(area.share_pct, 2),
                    _r(area.land_km2),
                    _r(area.land_share_pct, 2),
                    _r(area.red_km2),
                    _r(area.red_share_pct, 2),
                    PRELIMINARY_ZH if preliminary else None,
                ]
            )
            feedback.pushInfo(
                self.tr(
                    "{county}: {patches} patches ({whole} before the split at township lines), "
                    "{km2:.2f} km² banned ({share:.2f} % of the county)"
                ).format(
                    county=name,
                    patches=area.patches,
                    whole=area.whole_patches,
                    km2=area.ban_km2,
                    share=area.share_pct,
                )
            )
            if area.patches == 0:  # a valid, empty answer that the announcement must state
                feedback.pushWarning(
                    self.tr("No cell steeper than {threshold:g}° in {county}: nothing to ban there.").format(
                        threshold=threshold, county=name
                    )
                )
        outputs.add_rows(s_sink, s_fields, s_rows)
        outputs.add_rows(n_sink, n_fields, n_rows)

        results = {self.OUTPUT: out_id, self.SUMMARY: s_id}
        if n_id:
            results[self.NOTICE_COUNTY] = n_id
        if towns is not None:
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
                    ("RED_KM2", FIELD_DOUBLE),
                    ("PRELIM", FIELD_INT),
                    ("NOTE", FIELD_STRING),
                ]
            )
            t_sink, t_id = outputs.table_sink(self, parameters, self.TOWNSHIP_TABLE, context, t_fields)
            nt_fields = fields_from_spec(
                [
                    (NOTICE_TOWNSHIP_COLUMNS[0], FIELD_INT),
                    (NOTICE_TOWNSHIP_COLUMNS[1], county_qfield),
                    (NOTICE_TOWNSHIP_COLUMNS[2], t_qfield),
                    (NOTICE_TOWNSHIP_COLUMNS[3], FIELD_DOUBLE),
                    (NOTICE_TOWNSHIP_COLUMNS[4], FIELD_INT),
                    (NOTICE_TOWNSHIP_COLUMNS[5], FIELD_DOUBLE),
                    (NOTICE_TOWNSHIP_COLUMNS[6], FIELD_DOUBLE),
                    (NOTICE_TOWNSHIP_COLUMNS[7], FIELD_DOUBLE),
                    (NOTICE_TOWNSHIP_COLUMNS[8], FIELD_STRING),
                ]
            )
            nt_sink, nt_id = outputs.table_sink(self, parameters, self.NOTICE_TOWNSHIP, context, nt_fields)
            t_rows, nt_rows = [], []
            # notice order: county, then the township layer's order
            order = sorted(
                range(len(towns)),
                key=lambda i: (result.township_county[i + 1] if result.township_county is not None else 0, i),
            )
            areas = township_areas(result)
            for town, area in zip(town_names, areas):
                county = names[area.county - 1] if area.county > 0 else None
                t_rows.append(
                    [
                        town,
                        county,
                        area.area_km2,
                        area.patches,
                        area.ban_km2,
                        area.ban_ha,
                        area.ban_mu,
                        area.share_pct,
                        area.red_km2,
                        prelim,
                        note,
                    ]
                )
            for seq, i in enumerate(order, start=1):
                area = areas[i]
                nt_rows.append(
                    [
                        seq,
                        names[area.county - 1] if area.county > 0 else None,
                        town_names[i],
                        _r(area.area_km2),
                        area.patches,
                        _r(area.ban_km2),
                        _r(area.ban_mu, 1),
                        _r(area.share_pct, 2),
                        PRELIMINARY_ZH if preliminary else None,
                    ]
                )
            outputs.add_rows(t_sink, t_fields, t_rows)
            outputs.add_rows(nt_sink, nt_fields, nt_rows)
            if t_id:
                results[self.TOWNSHIP_TABLE] = t_id
            if nt_id:
                results[self.NOTICE_TOWNSHIP] = nt_id
        qml = single_fill_qml("#d7191c", "#7f0000", alpha=150)
        layer_name = self.tr("Banned steep slopes")
        if preliminary:
            layer_name = f"{layer_name} ({self.preliminary_note()})"
        outputs.style_sidecar(
            context,
            self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
            qml,
            layer_name,
            layer_id=out_id,
            fallback="steepslopeban.qml",
        )
        feedback.setProgress(100)
        return results


def _multi(wkb: bytes) -> bytes:
    """A polygon's WKB as a multipolygon (the catchment sink is MultiPolygon)."""
    from osgeo import ogr

    geom = ogr.CreateGeometryFromWkb(bytes(wkb))
    return bytes(ogr.ForceToMultiPolygon(geom).ExportToWkb())
