"""swcplanner:farmlandscreening — slope farmland and old terraces, parcel by parcel."""

from __future__ import annotations

import shutil
import tempfile

from qgis.core import (
    QgsApplication,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from . import inputs, outputs, params
from .base import GROUP_MEASURES, SwcAlgorithm, translate_core_error
from .core import standards
from .core.errors import SwcError
from .core.farmland import (
    ALL_CATEGORY_CODES,
    BENCH_CELLS_MIN,
    OVERLAP_SHARE,
    FarmlandSettings,
    ParcelInput,
    load_design,
    load_measures,
    load_rules,
    region_code,
    screen_farmland,
)
from .core.slopeclass import class_labels, parse_breaks
from .core.zones import area_columns, code_matches, parse_codes
from .outputs import FIELD_DOUBLE, FIELD_INT, FIELD_LONG, FIELD_STRING, fields_from_spec
from .styles import categorized_fill_qml

CATEGORY_COLORS = {
    "flat": "#1a9641",
    "gentle": "#a6d96a",
    "convert": "#fdae61",
    "retire": "#d7191c",
    "upgrade": "#7b3294",
    "basic_farmland": "#2b83ba",
    "high_standard": "#1f78b4",
}
MATERIALS = ("earth", "stone")

#: Output fields added to the parcel's own fields (names are a public interface).
OUTPUT_FIELDS = [
    ("PARCEL_FID", FIELD_LONG),
    ("CROPLAND", FIELD_INT),
    ("AREA_M2", FIELD_DOUBLE),
    ("AREA_HA", FIELD_DOUBLE),
    ("AREA_MU", FIELD_DOUBLE),
    ("CELLS", FIELD_INT),
    ("SLOPE_MEAN", FIELD_DOUBLE),
    ("SLOPE_P90", FIELD_DOUBLE),
    ("PLANE_SLOPE", FIELD_DOUBLE),
    ("SLOPE_CLASS", FIELD_INT),
    ("CLASS_RANGE", FIELD_STRING),
    ("TERR_INDEX", FIELD_DOUBLE),
    ("BENCH_SLOPE", FIELD_DOUBLE),
    ("PLANAR_SHARE", FIELD_DOUBLE),
    ("DETECTED", FIELD_STRING),
    ("DET_LABEL", FIELD_STRING),
    ("DET_SOURCE", FIELD_STRING),
    ("SURVEY_TYPE", FIELD_STRING),
    ("SURVEY_GRADE", FIELD_INT),
    ("TYPE_FLAG", FIELD_INT),
    ("GRADE_FLAG", FIELD_INT),
    ("MISMATCH", FIELD_INT),
    ("CATEGORY", FIELD_STRING),
    ("CAT_LABEL", FIELD_STRING),
    ("RULE", FIELD_STRING),
    ("REGION", FIELD_STRING),
    ("MEASURE", FIELD_STRING),
    ("MEASURE_LABEL", FIELD_STRING),
    ("DIST_ROAD", FIELD_DOUBLE),
    ("DIST_SETTLE", FIELD_DOUBLE),
    ("PRIORITY", FIELD_DOUBLE),
    ("BENCH_W", FIELD_DOUBLE),
    ("RISER_H", FIELD_DOUBLE),
    ("RISER_ANG", FIELD_DOUBLE),
    ("RISERS", FIELD_INT),
    ("EARTH_M3", FIELD_DOUBLE),
    ("MEAN_CLASS", FIELD_INT),
    ("DEM_TERRACE", FIELD_INT),
    ("BENCH_CELLS", FIELD_DOUBLE),
    ("BAN_USED", FIELD_DOUBLE),
    ("BF_SHARE", FIELD_DOUBLE),
    ("HSF_SHARE", FIELD_DOUBLE),
    ("RES_SHARE", FIELD_DOUBLE),
    ("PROTECTED", FIELD_STRING),
]


def _round(value, digits=2):
    return None if value is None else round(float(value), digits)


class FarmlandScreeningAlgorithm(SwcAlgorithm):
    """Per-parcel slope, terrace detection, category, measure, priority and terrace design."""

    ALG_ID = "farmlandscreening"
    GROUP_ID = GROUP_MEASURES

    PARCELS = "PARCELS"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    CROPLAND_CODES = "CROPLAND_CODES"
    TYPE_FIELD = "TYPE_FIELD"
    SLOPE_GRADE_FIELD = "SLOPE_GRADE_FIELD"
    DEM = params.DEM
    BREAKS = params.BREAKS
    BAN_SLOPE = "BAN_SLOPE"
    REGION = "REGION"
    REGIONS = "REGIONS"
    REGION_FIELD = "REGION_FIELD"
    ROADS = "ROADS"
    SETTLEMENTS = "SETTLEMENTS"
    BASIC_FARMLAND = "BASIC_FARMLAND"
    HIGH_STANDARD_FARMLAND = "HIGH_STANDARD_FARMLAND"
    RESERVOIR_CATCHMENTS = "RESERVOIR_CATCHMENTS"
    RESERVOIR_THRESHOLD = "RESERVOIR_THRESHOLD"
    OVERLAP_SHARE = "OVERLAP_SHARE"
    BENCH_CELLS = "BENCH_CELLS"
    ZONES = params.ZONES
    ZONE_FIELD = params.ZONE_FIELD
    BENCH_WIDTH = "BENCH_WIDTH"
    RISER_ANGLE = "RISER_ANGLE"
    RISER_MATERIAL = "RISER_MATERIAL"
    TERRACE_INDEX_MIN = "TERRACE_INDEX_MIN"
    BENCH_SLOPE_MAX = "BENCH_SLOPE_MAX"
    RISER_BREAK_MAX = "RISER_BREAK_MAX"
    ROAD_DISTANCE = "ROAD_DISTANCE"
    RULES_TABLE = "RULES_TABLE"
    MEASURES_TABLE = "MEASURES_TABLE"
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def displayName(self):  # noqa: N802
        return self.tr("Farmland screening: slope farmland and old terraces")

    # -- labels ---------------------------------------------------------------------------
    def detected_label(self, code):
        return {
            "flat": self.tr("flat land"),
            "terrace": self.tr("terrace"),
            "slopeland": self.tr("slope land"),
        }.get(code)

    def category_label(self, code):
        return {
            "flat": self.tr("flat or level land"),
            "gentle": self.tr("gentle slope farmland"),
            "convert": self.tr("slope farmland for conversion to terraces"),
            "retire": self.tr("steep farmland for retirement to forest or grass"),
            "upgrade": self.tr("old terrace for upgrade"),
            "basic_farmland": self.tr(
                "steep permanent basic farmland: not retired (outside the retirement scope)"
            ),
            "high_standard": self.tr(
                "steep high-standard farmland: not retired (outside the retirement scope)"
            ),
        }.get(code)

    def region_names(self):
        return [
            self.tr("Bashang plateau (坝上高原)"),
            self.tr("Yanshan mountains (燕山)"),
            self.tr("Taihang mountains (太行山)"),
            self.tr("Plain (平原)"),
        ]

    def help_html(self):
        return self.format_help(
            self.tr(
                "Screens land-survey parcels (三调 图斑) for soil-and-water conservation: for "
                "each parcel its slope, slope class, whether it is flat land, a terrace or "
                "slope land (坡耕地), what to do with it — keep, conservation tillage, "
                "conversion to terraces (坡改梯), retirement (退耕) or upgrade of an old "
                "terrace (老旧梯田) — the measure for its region, a priority score and, for "
                "坡改梯 candidates, the terrace design quantities."
            ),
            [
                (
                    self.tr("Slope"),
                    self.tr(
                        "Horn slope in degrees (as gdaldem slope) of the DEM cells whose centre lies "
                        "in the parcel: mean and 90th percentile (0.1° bins, ±0.05°). SLOPE_CLASS is "
                        "the class holding the largest area of the parcel, as the land survey assigns "
                        "it (利用DEM确定耕地坡度分级技术规定: 面积最大的坡度级; ties go to the lower "
                        "class), with the breaks BREAKS (default 2,6,15,25: the national cropland "
                        "classes 1–5, upper bound included); MEAN_CLASS is the class of the mean slope. "
                        "A parcel smaller than a cell may hold no cell centre; it keeps empty "
                        "statistics and is reported."
                    ),
                ),
                (
                    self.tr("Terrace detection"),
                    self.tr(
                        "A level terrace has the overall gradient of its hillside but its cells "
                        "split into flat benches and steep risers, whereas an untreated slope of the "
                        "same mean gradient is unimodal. The detector fits a plane to the parcel "
                        "(PLANE_SLOPE θp) and computes each cell's local slope on its 2×2 block, the "
                        "finest slope the grid shows (Horn's 3×3 kernel blurs benches narrower than "
                        "three cells). Bench cells have a local slope ≤ 0.5·θp; the terrace index "
                        "TERR_INDEX is their share, and a parcel whose mean slope is above the first "
                        "break is a terrace when TERR_INDEX ≥ TERRACE_INDEX_MIN (default 0.3). "
                        "BENCH_SLOPE is the tilt of the mean gradient of the bench cells (level "
                        "benches ≈ 0°; DEM noise averages out); PLANAR_SHARE is the share of cells "
                        "with a local slope of 0.6–1.6·θp, stretches that look like an untreated "
                        "slope (broken or washed-out risers). The DEM decides the type only where its "
                        "cell resolves the benches of the parcel's slope band: the narrowest typical "
                        "bench of the band (reference sections of GB/T 16453.1: 10 m at 0–5°, 8 m at "
                        "5–10°, 7 m at 10–15°, 6 m at 15–20°, 5 m at 20–25° and steeper) must span at "
                        "least BENCH_CELLS cells (default 2: one 2×2 block on the bench), and the cell "
                        "must be ≤ 5 m. So a 5 m DEM sees benches on slopes up to 5° only, a 2.5 m DEM "
                        "on every band. Elsewhere DEM_TERRACE = 0 and the type comes from TYPE_FIELD "
                        "(TT/梯田 = terrace, PD/坡地 = slope land; DET_SOURCE = survey), or every "
                        "sloping parcel is taken as slope land (DET_SOURCE = assumed); BENCH_CELLS "
                        "gives the band's bench in DEM cells. DEMs interpolated from contour lines can "
                        "show false benches between contours; use a terrain model from LiDAR, UAV "
                        "photogrammetry or a smoothed DTM."
                    ),
                ),
                (
                    self.tr("Categories"),
                    self.tr(
                        "Cropland parcels (LANDUSE_FIELD in CROPLAND_CODES, default 0101 水田, 0102 "
                        "水浇地, 0103 旱地; every parcel without LANDUSE_FIELD) get a CATEGORY from "
                        "the rule table resources/tables/farmland_category_rules.csv (first matching "
                        "row wins; editable, or give your own in RULES_TABLE): flat = mean slope in "
                        "the first class, or a sound level terrace; gentle = slope land ≤ 6°; "
                        "convert = slope land above 6° up to BAN_SLOPE (坡改梯); retire = slope land "
                        "above BAN_SLOPE (SWC Law Art. 20: 退耕还林还草; Hebei: 20° in the catchments "
                        "of large and medium reservoirs); upgrade = terrace with benches no longer "
                        "level (BENCH_SLOPE > BENCH_SLOPE_MAX, default 3°), with broken risers "
                        "(PLANAR_SHARE > RISER_BREAK_MAX, default 0.25), without a road within "
                        "ROAD_DISTANCE (only with ROADS), or recorded as a terrace by the survey "
                        "while a DEM fine enough for its benches shows none. Slopes are the parcel's "
                        "mean slope. The ban slope of a parcel with at least OVERLAP_SHARE (default "
                        "0.5) of its area in RESERVOIR_CATCHMENTS is RESERVOIR_THRESHOLD (Hebei: 20° in "
                        "the catchments of large and medium reservoirs; BAN_USED). A parcel the rules "
                        "retire that lies (by the same share) in BASIC_FARMLAND (永久基本农田) or "
                        "HIGH_STANDARD_FARMLAND (built 高标准农田) is not retired — the retirement "
                        "scope excludes both — and gets CATEGORY basic_farmland (rule P01) or "
                        "high_standard (P02) with a conservation measure; BF_SHARE, HSF_SHARE, "
                        "RES_SHARE give the shares, PROTECTED the layer."
                    ),
                ),
                (
                    self.tr("Survey comparison"),
                    self.tr(
                        "TYPE_FLAG = 1 where the type detected on the DEM differs from TYPE_FIELD "
                        "(not on flat parcels, which the survey does not split); GRADE_FLAG = 1 "
                        "where SLOPE_CLASS differs from SLOPE_GRADE_FIELD (e.g. GDPDJB); MISMATCH = "
                        "either."
                    ),
                ),
                (
                    self.tr("Measures and regions"),
                    self.tr(
                        "MEASURE is read from resources/tables/farmland_measures.csv (or "
                        "MEASURES_TABLE) for the parcel's region and category: on the Bashang "
                        "plateau no-till, stubble, contour tillage and residue cover; in the Yanshan "
                        "and Taihang mountains terraces with water storage and drainage, field roads "
                        "and ridge use (Hebei 若干措施 2023). The region is REGION, or that of the "
                        "REGIONS polygon holding the parcel (REGION_FIELD with bashang / yanshan / "
                        "taihang / plain or 坝上 / 燕山 / 太行 / 平原)."
                    ),
                ),
                (
                    self.tr("Priority"),
                    self.tr(
                        "PRIORITY = 100 · w · (0.5·S + 0.3·A + 0.2·Z) / 1.0, with w the category "
                        "weight of the rule (convert 0.9, retire and upgrade 1.0, gentle 0.5, flat "
                        "0), S = min(mean slope / BAN_SLOPE, 1), A = 1 − min(d / 1000 m, 1) with d "
                        "the distance to the nearest road or settlement, Z = min(area / 2 ha, 1). "
                        "Without ROADS and SETTLEMENTS the A term is dropped: 100 · w · (0.5·S + "
                        "0.2·Z) / 0.7. Near villages and roads first: GB 51018-2014 §6.1.2."
                    ),
                ),
                (
                    self.tr("Terrace design (坡改梯)"),
                    self.tr(
                        "For convert parcels, level terraces by GB 51018-2014 §6 and the "
                        "GB/T 16453.1 reference sections (resources/tables/"
                        "farmland_terrace_design.csv): net bench width B = H (cot θ − cot α) with "
                        "θ the mean slope and α the riser angle. BENCH_WIDTH (0 = the table's "
                        "middle width for the slope) gives the riser height H = B / (cot θ − cot α); "
                        "H is capped by RISER_MATERIAL (earth 2.0 m, stone 2.5 m, 土石山区) and B "
                        "recomputed. RISERS = ceil(relief / H), the relief being the parcel's "
                        "highest minus lowest DEM cell; EARTH_M3 = area · H / 8 (balanced cut and "
                        "fill, 83.3·H m³ per 亩)."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: the parcels with their own fields plus PARCEL_FID, CROPLAND, "
                        "AREA_M2, AREA_HA, AREA_MU, CELLS, SLOPE_MEAN, SLOPE_P90, PLANE_SLOPE, "
                        "SLOPE_CLASS (1–5), CLASS_RANGE, TERR_INDEX, BENCH_SLOPE, PLANAR_SHARE, "
                        "DETECTED (flat / terrace / slopeland) and DET_LABEL, DET_SOURCE (dem / "
                        "survey / assumed), SURVEY_TYPE, SURVEY_GRADE, TYPE_FLAG, GRADE_FLAG, "
                        "MISMATCH, CATEGORY (flat / gentle / convert / retire / upgrade / "
                        "basic_farmland / high_standard) and "
                        "CAT_LABEL, RULE, REGION, MEASURE and MEASURE_LABEL, DIST_ROAD, DIST_SETTLE "
                        "(m), PRIORITY, BENCH_W, RISER_H, RISER_ANG, RISERS, EARTH_M3, MEAN_CLASS, "
                        "DEM_TERRACE, BENCH_CELLS, BAN_USED, BF_SHARE, HSF_SHARE, RES_SHARE, "
                        "PROTECTED. Codes are "
                        "stable for models and scripts; the *_LABEL fields are translated. SUMMARY: "
                        "per zone of ZONES (county or township; a parcel belongs to the zone holding "
                        "its point on surface), category and slope class: PARCELS, AREA_M2, "
                        "AREA_HA, AREA_MU of the cropland parcels."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.polygons(self.PARCELS, self.tr("Parcels (land-survey polygons)")))
        self.addParameter(
            params.field(
                self.LANDUSE_FIELD,
                self.tr("Land-use code field (without it every parcel is cropland)"),
                self.PARCELS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CROPLAND_CODES,
                self.tr("Cropland codes (comma-separated, * wildcard)"),
                defaultValue=",".join(standards.FARMLAND_CROPLAND_CODES),
                optional=True,
            )
        )
        self.addParameter(
            params.field(
                self.TYPE_FIELD,
                self.tr("Survey cropland type field (e.g. GDLX: TT terrace, PD slope land)"),
                self.PARCELS,
                optional=True,
            )
        )
        self.addParameter(
            params.field(
                self.SLOPE_GRADE_FIELD,
                self.tr("Survey slope grade field (e.g. GDPDJB, 1–5)"),
                self.PARCELS,
                optional=True,
            )
        )
        self.addParameter(params.dem(label=self.tr("DEM (projected, metres; ≤ 5 m to see terraces)")))
        self.addParameter(params.slope_breaks())
        self.addParameter(
            params.ban_slope(
                self.BAN_SLOPE,
                self.tr("Ban slope (degrees; steeper slope land is retired)"),
                standards.BAN_SLOPE_DEG,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.REGION, self.tr("Region (measures)"), options=self.region_names(), defaultValue=2
            )
        )
        self.addParameter(
            params.polygons(self.REGIONS, self.tr("Region polygons (override the region)"), optional=True)
        )
        self.addParameter(
            params.field(
                self.REGION_FIELD,
                self.tr("Region field (bashang/yanshan/taihang/plain or 坝上/燕山/太行/平原)"),
                self.REGIONS,
                optional=True,
            )
        )
        for name, label in (
            (self.ROADS, self.tr("Roads (accessibility)")),
            (self.SETTLEMENTS, self.tr("Settlements (accessibility)")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSource(name, label, [params.SOURCE_ANY_GEOMETRY], optional=True)
            )
        for name, label in (
            (self.BASIC_FARMLAND, self.tr("Permanent basic farmland (永久基本农田; never retired)")),
            (
                self.HIGH_STANDARD_FARMLAND,
                self.tr("Built high-standard farmland (高标准农田; never retired)"),
            ),
            (self.RESERVOIR_CATCHMENTS, self.tr("Catchments of large and medium reservoirs")),
        ):
            self.addParameter(params.polygons(name, label, optional=True))
        self.addParameter(
            params.ban_slope(
                self.RESERVOIR_THRESHOLD,
                self.tr("Ban slope inside reservoir catchments (degrees)"),
                standards.RESERVOIR_BAN_SLOPE_DEG,
            )
        )
        self.addParameter(params.zones())
        self.addParameter(params.zone_field())
        self.addParameter(
            params.number(
                self.BENCH_WIDTH,
                self.tr("Design bench width (m; 0 = reference table by slope)"),
                0.0,
                minimum=0.0,
                maximum=100.0,
            )
        )
        self.addParameter(
            params.slope_limit(
                self.RISER_ANGLE, self.tr("Riser angle (degrees; 0 = reference table by slope)"), 0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.RISER_MATERIAL,
                self.tr("Riser material (caps the riser height)"),
                options=[self.tr("earth or precast concrete (≤ 2.0 m)"), self.tr("stone (≤ 2.5 m)")],
                defaultValue=0,
            )
        )
        advanced = [
            params.number(
                self.TERRACE_INDEX_MIN,
                self.tr("Terrace index from which a parcel is a terrace"),
                standards.FARMLAND_TERRACE_INDEX_MIN,
                minimum=0.01,
                maximum=1.0,
            ),
            params.number(
                self.BENCH_SLOPE_MAX,
                self.tr("Largest in-bench slope of a level terrace (degrees)"),
                standards.FARMLAND_BENCH_SLOPE_MAX_DEG,
                minimum=0.0,
                maximum=45.0,
            ),
            params.number(
                self.RISER_BREAK_MAX,
                self.tr("Largest planar share of a terrace with intact risers"),
                standards.FARMLAND_RISER_BREAK_MAX,
                minimum=0.0,
                maximum=1.0,
            ),
            params.number(
                self.OVERLAP_SHARE,
                self.tr(
                    "Share of a parcel inside farmland or catchment layers from which it counts as inside"
                ),
                OVERLAP_SHARE,
                minimum=0.01,
                maximum=1.0,
            ),
            params.number(
                self.BENCH_CELLS,
                self.tr("DEM cells a bench must span for terraces to be read from the DEM"),
                BENCH_CELLS_MIN,
                minimum=1.0,
                maximum=20.0,
            ),
            params.number(
                self.ROAD_DISTANCE,
                self.tr("Road distance of a terrace with a field road (m)"),
                standards.FARMLAND_ROAD_NEAR_M,
                minimum=0.0,
            ),
            QgsProcessingParameterFile(
                self.RULES_TABLE,
                self.tr("Category rule table (CSV; empty = shipped table)"),
                extension="csv",
                optional=True,
            ),
            QgsProcessingParameterFile(
                self.MEASURES_TABLE,
                self.tr("Measure table (CSV; empty = shipped table)"),
                extension="csv",
                optional=True,
            ),
        ]
        for param in advanced:
            self.addParameter(params.advanced(param))
        self.addParameter(params.block_size())
        self.addParameter(
            outputs.sink_output(self.OUTPUT, self.tr("Screened parcels"), params.SOURCE_POLYGON)
        )
        self.addParameter(
            outputs.table_output(
                self.SUMMARY, self.tr("Farmland summary by zone, category and slope class"), secondary=True
            )
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, msg = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, msg
        if parameters.get(self.REGIONS) and not parameters.get(self.REGION_FIELD):
            return False, self.tr("A region layer needs its region field (REGION_FIELD).")
        if parameters.get(self.ZONES) and not parameters.get(self.ZONE_FIELD):
            return False, self.tr("A zone layer needs its name field (ZONE_FIELD).")
        return True, ""

    # -- inputs -----------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dem_layer, dem_path, grid = inputs.dem(
            self, parameters, self.DEM, context, feedback, coarse_warning=standards.COARSE_DEM_M
        )
        crs = dem_layer.crs()
        try:
            breaks = parse_breaks(self.parameterAsString(parameters, self.BREAKS, context))
            rules = load_rules(self.parameterAsFile(parameters, self.RULES_TABLE, context) or None)
            measures = load_measures(self.parameterAsFile(parameters, self.MEASURES_TABLE, context) or None)
            design = load_design()
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc

        source = inputs.source(self, parameters, self.PARCELS, context, self.tr("Parcels"), feedback)
        in_fields = source.fields()
        names = in_fields.names()
        lu_field = self.parameterAsString(parameters, self.LANDUSE_FIELD, context)
        type_field = self.parameterAsString(parameters, self.TYPE_FIELD, context)
        grade_field = self.parameterAsString(parameters, self.SLOPE_GRADE_FIELD, context)
        inputs.require_fields(
            source, [f for f in (lu_field, type_field, grade_field) if f], self.tr("Parcels")
        )
        parcels = inputs.polygons(
            self, parameters, self.PARCELS, context, crs, feedback, attributes=names, label=self.tr("Parcels")
        )
        inputs.overlapping(parcels, grid, self.tr("Parcels"))
        codes = parse_codes(self.parameterAsString(parameters, self.CROPLAND_CODES, context))
        idx = {n: i for i, n in enumerate(names)}
        parcel_inputs = []
        for _fid, wkb, attrs in parcels:
            cropland = True
            if lu_field:
                cropland = code_matches(attrs[idx[lu_field]], codes)
            parcel_inputs.append(
                ParcelInput(
                    wkb=wkb,
                    cropland=cropland,
                    survey_type=attrs[idx[type_field]] if type_field else None,
                    survey_grade=attrs[idx[grade_field]] if grade_field else None,
                )
            )
        n_crop = sum(1 for p in parcel_inputs if p.cropland)
        feedback.pushInfo(
            self.tr("{n} parcels, {c} of them cropland.").format(n=len(parcel_inputs), c=n_crop)
        )
        if lu_field and n_crop == 0:
            feedback.pushWarning(
                self.tr(
                    "No parcel has a land-use code in {codes} (field {field}): no category is "
                    "assigned. Check CROPLAND_CODES."
                ).format(codes=", ".join(codes), field=lu_field)
            )

        regions = None
        if parameters.get(self.REGIONS):
            region_field = self.parameterAsString(parameters, self.REGION_FIELD, context)
            polys = inputs.polygons(
                self,
                parameters,
                self.REGIONS,
                context,
                crs,
                feedback,
                attributes=[region_field],
                label=self.tr("Regions"),
            )
            regions, unknown = [], set()
            for _f, wkb, attrs in polys:
                code = region_code(attrs[0])
                if code is None:
                    unknown.add(str(attrs[0]))
                else:
                    regions.append((code, wkb))
            if unknown:
                feedback.pushWarning(
                    self.tr(
                        "Regions: the values {values} are not a known region (bashang, yanshan, "
                        "taihang, plain or 坝上高原, 燕山, 太行山, 平原); those polygons are "
                        "ignored."
                    ).format(values=", ".join(sorted(unknown)))
                )
        zones = zone_names = None
        if parameters.get(self.ZONES):
            zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context)
            zpolys = inputs.polygons(
                self,
                parameters,
                self.ZONES,
                context,
                crs,
                feedback,
                attributes=[zone_field],
                label=self.tr("Zones"),
            )
            zones = [w for _f, w, _a in zpolys]
            zone_names = [a[0] for _f, _w, a in zpolys]
        roads = inputs.geometries(self, parameters, self.ROADS, context, crs, feedback)
        settlements = inputs.geometries(self, parameters, self.SETTLEMENTS, context, crs, feedback)
        protected = {}
        for name, label in (
            (self.BASIC_FARMLAND, self.tr("Permanent basic farmland")),
            (self.HIGH_STANDARD_FARMLAND, self.tr("High-standard farmland")),
            (self.RESERVOIR_CATCHMENTS, self.tr("Reservoir catchments")),
        ):
            polys = inputs.polygons(
                self, parameters, name, context, crs, feedback, required=False, label=label
            )
            protected[name] = None if polys is None else [w for _f, w, _a in polys]

        material = MATERIALS[self.parameterAsEnum(parameters, self.RISER_MATERIAL, context)]
        settings = FarmlandSettings(
            breaks=breaks,
            ban_slope=self.parameterAsDouble(parameters, self.BAN_SLOPE, context),
            default_region=standards.FARMLAND_REGIONS[self.parameterAsEnum(parameters, self.REGION, context)],
            terrace_index_min=self.parameterAsDouble(parameters, self.TERRACE_INDEX_MIN, context),
            bench_slope_max=self.parameterAsDouble(parameters, self.BENCH_SLOPE_MAX, context),
            riser_break_max=self.parameterAsDouble(parameters, self.RISER_BREAK_MAX, context),
            road_near=self.parameterAsDouble(parameters, self.ROAD_DISTANCE, context),
            riser_cap=standards.FARMLAND_RISER_CAP_M[material],
            bench_width=self.parameterAsDouble(parameters, self.BENCH_WIDTH, context),
            riser_angle=self.parameterAsDouble(parameters, self.RISER_ANGLE, context),
            bench_cells=self.parameterAsDouble(parameters, self.BENCH_CELLS, context),
            reservoir_threshold=self.parameterAsDouble(parameters, self.RESERVOIR_THRESHOLD, context),
            overlap_share=self.parameterAsDouble(parameters, self.OVERLAP_SHARE, context),
            rules=rules,
            measures=measures,
            design=design,
        )
        block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
        feedback.pushInfo(self.tr("Slope statistics and terrace detection per parcel…"))
        work = tempfile.mkdtemp(prefix="swc_farm_", dir=QgsProcessingUtils.tempFolder())
        try:
            result = self.run_core(
                screen_farmland,
                feedback,
                dem_path,
                parcel_inputs,
                settings,
                regions=regions,
                zones=zones,
                roads=roads or None,
                settlements=settlements or None,
                basic_farmland=protected[self.BASIC_FARMLAND],
                high_standard=protected[self.HIGH_STANDARD_FARMLAND],
                reservoir_catchments=protected[self.RESERVOIR_CATCHMENTS],
                work_dir=work,
                block_rows=block,
                block_cols=block,
                progress_span=(5, 90),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if not result.terraces_visible:
            feedback.pushWarning(
                self.tr(
                    "The DEM cells are {size:g} m: terraces (benches and risers) cannot be seen on "
                    "DEMs coarser than {limit:g} m. The terrace / slope-land type is taken from the "
                    "survey's type field{extra}."
                ).format(
                    size=result.cellsize,
                    limit=standards.FARMLAND_TERRACE_MAX_CELL_M,
                    extra=""
                    if type_field
                    else self.tr("; none is given, so every sloping parcel is taken as slope land"),
                )
            )
        elif result.survey_typed:
            feedback.pushWarning(
                self.tr(
                    "{n} sloping parcels lie on slopes whose terrace benches are narrower than {cells:g} "
                    "DEM cells of {size:g} m (the narrowest typical bench of each slope band); their "
                    "terrace / slope-land type is taken from the survey's type field{extra} "
                    "(DEM_TERRACE = 0)."
                ).format(
                    n=result.survey_typed,
                    cells=settings.bench_cells,
                    size=result.cellsize,
                    extra="" if type_field else self.tr("; none is given, so they are taken as slope land"),
                )
            )
        if result.protected:
            feedback.pushInfo(
                self.tr(
                    "{n} cropland parcels above the ban slope are permanent basic farmland or "
                    "high-standard farmland: they are not proposed for retirement (categories "
                    "basic_farmland, high_standard)."
                ).format(n=result.protected)
            )
        if result.no_cells:
            feedback.pushWarning(
                self.tr(
                    "{n} parcels hold no DEM cell centre (smaller than a cell or outside the DEM): "
                    "they have no slope and no category."
                ).format(n=result.no_cells)
            )
        if result.unmatched:
            feedback.pushWarning(
                self.tr("{n} cropland parcels match no row of the rule table and have no category.").format(
                    n=result.unmatched
                )
            )
        return self._write(parameters, context, feedback, parcels, in_fields, result, breaks, zone_names, crs)

    # -- outputs ------------------------------------------------------------------------------
    def _write(self, parameters, context, feedback, parcels, in_fields, result, breaks, zone_names, crs):
        ours = {name for name, _t in OUTPUT_FIELDS}
        keep = [i for i, f in enumerate(in_fields) if f.name().upper() not in ours]
        dropped = [in_fields.at(i).name() for i in range(in_fields.count()) if i not in keep]
        if dropped:
            feedback.pushWarning(
                self.tr(
                    "The parcel fields {fields} have the names of output fields and are not copied."
                ).format(fields=", ".join(dropped))
            )
        spec = [(in_fields.at(i).name(), in_fields.at(i)) for i in keep] + OUTPUT_FIELDS
        fields = fields_from_spec(spec)
        sink, out_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        labels = class_labels(breaks)
        zh = QgsApplication.locale().lower().startswith("zh")
        rows, geoms = [], []
        for (fid, wkb, attrs), rec in zip(parcels, result.records):
            m2, ha, mu = rec.area_m2, rec.area_m2 / standards.HA_M2, rec.area_m2 / standards.MU_M2
            d = rec.design
            measure = rec.measure
            rows.append(
                [attrs[i] for i in keep]
                + [
                    fid,
                    int(rec.cropland),
                    m2,
                    ha,
                    mu,
                    rec.cells,
                    _round(rec.mean_slope),
                    _round(rec.p90_slope),
                    _round(rec.plane_slope),
                    rec.slope_class or None,
                    labels[rec.slope_class - 1] if rec.slope_class else None,
                    _round(rec.terrace_index, 3),
                    _round(rec.bench_slope),
                    _round(rec.planar_share, 3),
                    rec.detected,
                    self.detected_label(rec.detected),
                    rec.source,
                    rec.survey_type,
                    rec.survey_grade,
                    rec.type_flag,
                    rec.grade_flag,
                    int(bool(rec.type_flag or rec.grade_flag)),
                    rec.category,
                    self.category_label(rec.category),
                    rec.rule,
                    rec.region,
                    measure.code if measure else None,
                    (measure.label_zh if zh else measure.label_en) if measure else None,
                    _round(rec.dist_road, 1),
                    _round(rec.dist_settlement, 1),
                    rec.priority,
                    _round(d.bench_width) if d else None,
                    _round(d.riser_height) if d else None,
                    _round(d.riser_angle, 1) if d else None,
                    d.risers if d else None,
                    _round(d.earthwork_m3, 1) if d else None,
                    rec.mean_class or None,
                    int(rec.dem_terrace) if rec.cells else None,
                    _round(rec.bench_cells),
                    rec.ban_slope,
                    _round(rec.basic_share, 3),
                    _round(rec.high_std_share, 3),
                    _round(rec.reservoir_share, 3),
                    rec.protected,
                ]
            )
            geoms.append(wkb)
        outputs.add_rows(sink, fields, rows, geoms)
        feedback.setProgress(95)

        s_fields = fields_from_spec(
            [
                ("ZONE", FIELD_STRING),
                ("CATEGORY", FIELD_STRING),
                ("CAT_LABEL", FIELD_STRING),
                ("SLOPE_CLASS", FIELD_INT),
                ("CLASS_RANGE", FIELD_STRING),
                ("PARCELS", FIELD_INT),
                ("AREA_M2", FIELD_DOUBLE),
                ("AREA_HA", FIELD_DOUBLE),
                ("AREA_MU", FIELD_DOUBLE),
            ]
        )
        s_sink, s_id = outputs.table_sink(self, parameters, self.SUMMARY, context, s_fields)
        s_rows = []
        order = {c: i for i, c in enumerate(ALL_CATEGORY_CODES)}
        for (zone, cat, cls), (count, area) in sorted(
            result.summary.items(), key=lambda kv: (kv[0][0], order[kv[0][1]], kv[0][2])
        ):
            if zone_names is None:
                zname = self.tr("All")
            elif zone < 0:
                zname = self.tr("Outside zones")
            else:
                zname = str(zone_names[zone])
            m2, ha, mu = area_columns(area, 1.0)
            s_rows.append(
                [
                    zname,
                    cat,
                    self.category_label(cat),
                    cls or None,
                    labels[cls - 1] if cls else None,
                    int(count),
                    m2,
                    ha,
                    mu,
                ]
            )
        outputs.add_rows(s_sink, s_fields, s_rows)
        for cat in ALL_CATEGORY_CODES:
            n = sum(v[0] for k, v in result.summary.items() if k[1] == cat)
            a = sum(v[1] for k, v in result.summary.items() if k[1] == cat)
            feedback.pushInfo(
                self.tr("{label}: {n} parcels, {ha:.2f} ha ({mu:.0f} mu)").format(
                    label=self.category_label(cat), n=n, ha=a / standards.HA_M2, mu=a / standards.MU_M2
                )
            )

        qml = categorized_fill_qml(
            "CATEGORY", [(c, CATEGORY_COLORS[c], self.category_label(c)) for c in ALL_CATEGORY_CODES]
        )
        outputs.style_sidecar(
            context,
            self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
            qml,
            self.tr("Screened farmland parcels"),
            layer_id=out_id,
            fallback="farmland_category.qml",
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out_id, self.SUMMARY: s_id}
