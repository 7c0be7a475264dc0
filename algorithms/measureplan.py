"""swcplanner:measureplan — the allocation table (land use × slope class → measure) applied with the plan's
eligibility rules: measures and areas, and the areas excluded with their reasons."""

from __future__ import annotations

import os
import shutil
import tempfile

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from . import inputs, outputs, params
from .base import GROUP_PLANNING, SwcAlgorithm, translate_core_error
from .core import standards
from .core.errors import SwcError
from .core.planning.allocation import (
    Eligibility,
    excluded_rows,
    landuse_measure_rows,
    measure_area_rows,
    measure_polygons,
    measure_raster,
    split_excluded,
)
from .core.planning.catalogue import (
    AREA_MEASURES,
    HA_M2,
    MEASURE_CODE,
    MEASURE_COLORS,
    MEASURE_E_TYPE,
    MEASURE_VALUE,
    REGION_NAMES_ZH,
    REGIONS,
    SLOPEWORKS_BAND,
)
from .core.planning.tables import allocation_path, load_allocation, terrace_band
from .core.slopeclass import parse_breaks
from .core.terrain import slope_to_raster
from .styles import paletted_raster_qml


class MeasurePlanAlgorithm(SwcAlgorithm):
    """Measures of a small-watershed plan from an allocation table over the land use × slope raster."""

    ALG_ID = "measureplan"
    GROUP_ID = GROUP_PLANNING

    LANDUSE_SLOPE = "LANDUSE_SLOPE"
    REGION = "REGION"
    ALLOCATION = "ALLOCATION"
    DEM = params.DEM
    BASIC_FARMLAND = "BASIC_FARMLAND"
    BREAKS = params.BREAKS
    PIT_MIN_SLOPE = "PIT_MIN_SLOPE"
    PIT_MAX_SLOPE = "PIT_MAX_SLOPE"
    BENCH_MIN_SLOPE = "BENCH_MIN_SLOPE"
    BENCH_MAX_SLOPE = "BENCH_MAX_SLOPE"
    TERRACE_MIN_SLOPE = "TERRACE_MIN_SLOPE"
    TERRACE_MAX_SLOPE = "TERRACE_MAX_SLOPE"
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"
    POLYGONS = "POLYGONS"
    TABLE = "TABLE"
    EXCLUDED = "EXCLUDED"
    EXCLUDED_TABLE = "EXCLUDED_TABLE"
    LANDUSE_TABLE = "LANDUSE_TABLE"

    def displayName(self):  # noqa: N802
        return self.tr("Measure allocation")

    def help_html(self):
        pits, benches = SLOPEWORKS_BAND["pits"], SLOPEWORKS_BAND["benches"]
        t_lo, t_hi = terrace_band()
        return self.format_help(
            self.tr(
                "Gives every cell of a small watershed the measure that the allocation table sets for "
                "its land use and slope class, refuses it where the plan's eligibility rules do not allow "
                "it, and reports the area of each measure and the areas excluded with their reasons."
            ),
            [
                (
                    self.tr("Allocation table"),
                    self.tr(
                        "ALLOCATION (CSV: landuse, class1 … classN) gives one measure code per land use "
                        "(cropland, orchard, forest, grass, bare, water, built) and slope class. Without "
                        "it the preset of REGION is used (resources/tables/measure_allocation_bashang, "
                        "_yanshan, _taihang.csv; their basis is in the files: SWC Law Art. 20, the Hebei "
                        "implementing measures, GB/T 16453.2; planning defaults to adapt per watershed). "
                        "A land use the table does not list gets no measure. Measure codes: none, "
                        "enclosure, soilforest_pits, soilforest_benches, econforest_pits, "
                        "econforest_benches, grass, terrace, tillage."
                    ),
                ),
                (
                    self.tr("Eligibility rules"),
                    self.tr(
                        "The first rule that applies refuses the measure (the cell gets none and is "
                        "reported in EXCLUDED): water — no measure on water; built — none on built-up "
                        "land; landuse — slope-to-terrace conversion and conservation tillage only on "
                        "cropland; basic_farmland — on cropland inside BASIC_FARMLAND (永久基本农田, "
                        "optional) only conservation tillage: no terraces and no retirement to forest or "
                        "grass; slope_low, slope_high, no_slope — fish-scale pits only on "
                        "{p_lo:g}–{p_hi:g}° and level benches on {b_lo:g}–{b_hi:g}°, where "
                        "swcplanner:slopeworks lays them (its defaults), terraces on {t_lo:g}–{t_hi:g}° "
                        "(the convert rule of swcplanner:farmlandscreening). With DEM the slope of each "
                        "cell decides (Horn's slope, as slopeworks computes it; both bounds included); "
                        "without it the slope class does, from BREAKS: a class counts when it overlaps "
                        "the band. The bands can be changed (advanced parameters); keep them equal to "
                        "those of the slopeworks run."
                    ).format(
                        p_lo=pits[0], p_hi=pits[1], b_lo=benches[0], b_hi=benches[1], t_lo=t_lo, t_hi=t_hi
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: measure raster (0 none, 1 enclosure, 2 soil-conservation forest with "
                        "pits, 3 with benches, 4 economic forest with pits, 5 with benches, 6 grass, "
                        "7 terraces, 8 conservation tillage; 255 = nodata). POLYGONS: 4-connected "
                        "measure polygons with MEASURE (code), VALUE, ETYPE (the engineering type of "
                        "swcplanner:soilloss's MEASURE_TABLE for the scenario with the plan: pits → "
                        "fish_scale_pit, benches → level_bench, terraces → terrace_earth, tillage → "
                        "no_till) and AREA_M2, AREA_HA. TABLE: area per measure in m², ha, mu and % of "
                        "the allocated area. EXCLUDED: polygons refused by the rules with REASON, "
                        "MEASURE (the one allocated), AREA_M2, AREA_HA; EXCLUDED_TABLE: their areas by "
                        "reason and measure; LANDUSE_TABLE: the area of each measure per land use. Areas "
                        "are planar (cells × cell area)."
                    ),
                ),
            ],
        )

    def region_names(self):
        return [
            self.tr("Bashang plateau (坝上高原)"),
            self.tr("Yanshan mountains (燕山)"),
            self.tr("Taihang mountains (太行山)"),
        ]

    def initAlgorithm(self, config=None):  # noqa: N802
        assert len(self.region_names()) == len(REGIONS) == len(REGION_NAMES_ZH)
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.LANDUSE_SLOPE, self.tr("Land use × slope class (swcplanner:landuseslope)")
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.REGION,
                self.tr("Region preset (when no allocation table is given)"),
                options=self.region_names(),
                defaultValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.ALLOCATION,
                self.tr("Allocation table (CSV: landuse, class1 … classN)"),
                extension="csv",
                optional=True,
            )
        )
        self.addParameter(
            params.dem(
                label=self.tr("DEM (projected, metres; the slope of each cell for the slope bands)"),
                optional=True,
            )
        )
        self.addParameter(
            params.polygons(
                self.BASIC_FARMLAND, self.tr("Permanent basic farmland (永久基本农田)"), optional=True
            )
        )
        self.addParameter(params.slope_breaks(self.BREAKS))
        t_lo, t_hi = terrace_band()
        for name, label, value in (
            (self.PIT_MIN_SLOPE, self.tr("Fish-scale pits from (degrees)"), SLOPEWORKS_BAND["pits"][0]),
            (self.PIT_MAX_SLOPE, self.tr("Fish-scale pits up to (degrees)"), SLOPEWORKS_BAND["pits"][1]),
            (self.BENCH_MIN_SLOPE, self.tr("Level benches from (degrees)"), SLOPEWORKS_BAND["benches"][0]),
            (self.BENCH_MAX_SLOPE, self.tr("Level benches up to (degrees)"), SLOPEWORKS_BAND["benches"][1]),
            (self.TERRACE_MIN_SLOPE, self.tr("Terraces from (degrees)"), t_lo),
            (self.TERRACE_MAX_SLOPE, self.tr("Terraces up to (degrees)"), t_hi),
        ):
            self.addParameter(params.advanced(params.slope_limit(name, label, value)))
        self.addParameter(params.block_size(self.BLOCK_SIZE))
        self.addParameter(outputs.raster_output(self.OUTPUT, self.tr("Measures")))
        self.addParameter(
            outputs.sink_output(
                self.POLYGONS, self.tr("Measure polygons"), params.SOURCE_POLYGON, secondary=True
            )
        )
        self.addParameter(outputs.table_output(self.TABLE, self.tr("Measure areas"), secondary=True))
        self.addParameter(
            outputs.sink_output(
                self.EXCLUDED, self.tr("Areas excluded by the rules"), params.SOURCE_POLYGON, secondary=True
            )
        )
        self.addParameter(
            outputs.table_output(self.EXCLUDED_TABLE, self.tr("Excluded areas by reason"), secondary=True)
        )
        self.addParameter(
            outputs.table_output(self.LANDUSE_TABLE, self.tr("Measures by land use"), secondary=True)
        )

    def eligibility(self, parameters, context) -> Eligibility:
        v = lambda name: self.parameterAsDouble(parameters, name, context)  # noqa: E731
        text = self.parameterAsString(parameters, self.BREAKS, context) or ",".join(
            f"{b:g}" for b in standards.SLOPE_BREAKS_DEG
        )
        try:
            breaks = tuple(parse_breaks(text))
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        return Eligibility(
            bands={
                "pits": (v(self.PIT_MIN_SLOPE), v(self.PIT_MAX_SLOPE)),
                "benches": (v(self.BENCH_MIN_SLOPE), v(self.BENCH_MAX_SLOPE)),
                "terrace": (v(self.TERRACE_MIN_SLOPE), v(self.TERRACE_MAX_SLOPE)),
            },
            breaks=breaks,
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layer, combo_path = inputs.raster(self, parameters, self.LANDUSE_SLOPE, context)
        table = self.parameterAsFile(parameters, self.ALLOCATION, context)
        region = REGIONS[self.parameterAsEnum(parameters, self.REGION, context)]
        try:
            table = table or allocation_path(region)
            alloc = load_allocation(table)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        feedback.pushInfo(self.tr("Allocation table: {path}").format(path=table))
        elig = self.eligibility(parameters, context)
        crs = layer.crs()
        work = tempfile.mkdtemp(prefix="swc_measureplan_")
        slope_path = None
        if parameters.get(self.DEM) not in (None, ""):
            _dem_layer, dem_path, _grid = inputs.dem(self, parameters, self.DEM, context, feedback)
            feedback.pushInfo(self.tr("Slope of the DEM (Horn) for the slope bands…"))
            slope_path = os.path.join(work, "slope.tif")
            self.run_core(slope_to_raster, feedback, dem_path, slope_path, progress_span=(0, 20))
        else:
            feedback.pushWarning(
                self.tr(
                    "No DEM: the slope bands are checked per slope class (a class counts when it overlaps "
                    "the band), so pits may be planned on cells steeper than {hi:g}°. Give the DEM to "
                    "check each cell."
                ).format(hi=elig.bands["pits"][1])
            )
        basic = inputs.polygons(
            self,
            parameters,
            self.BASIC_FARMLAND,
            context,
            crs,
            feedback,
            required=False,
            label=self.tr("Permanent basic farmland"),
        )
        out_path = outputs.raster_path(self, parameters, self.OUTPUT, context)
        excl_path = os.path.join(work, "excluded.tif")
        block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
        result = self.run_core(
            measure_raster,
            feedback,
            combo_path,
            out_path,
            alloc,
            eligibility=elig,
            slope_path=slope_path,
            basic_farmland=[wkb for _f, wkb, _a in basic] if basic else None,
            excluded_path=excl_path,
            block_rows=block,
            progress_span=(20, 60),
        )
        areas = result.areas_m2()
        rows = measure_area_rows(areas)
        fields = outputs.fields_from_spec(
            [
                ("MEASURE", outputs.FIELD_STRING),
                ("VALUE", outputs.FIELD_INT),
                ("ETYPE", outputs.FIELD_STRING),
                ("AREA_M2", outputs.FIELD_DOUBLE),
                ("AREA_HA", outputs.FIELD_DOUBLE),
                ("AREA_MU", outputs.FIELD_DOUBLE),
                ("PCT", outputs.FIELD_DOUBLE),
            ]
        )
        sink, table_id = outputs.table_sink(self, parameters, self.TABLE, context, fields)
        outputs.add_rows(sink, fields, ([r[f.name()] for f in fields] for r in rows))
        for r in rows:
            feedback.pushInfo(
                self.tr("{measure}: {ha:.2f} ha ({pct:.1f} %)").format(
                    measure=self.measure_name(r["MEASURE"]), ha=r["AREA_HA"], pct=r["PCT"]
                )
            )
        ex_rows = excluded_rows(result.excluded_m2())
        for r in ex_rows:
            feedback.pushInfo(
                self.tr("Excluded ({reason}): {measure}, {ha:.2f} ha").format(
                    reason=self.reason_name(r["REASON"]),
                    measure=self.measure_name(r["MEASURE"]),
                    ha=r["AREA_HA"],
                )
            )
        e_fields = outputs.fields_from_spec(
            [
                ("REASON", outputs.FIELD_STRING),
                ("MEASURE", outputs.FIELD_STRING),
                ("AREA_M2", outputs.FIELD_DOUBLE),
                ("AREA_HA", outputs.FIELD_DOUBLE),
                ("AREA_MU", outputs.FIELD_DOUBLE),
            ]
        )
        e_sink, excl_table_id = outputs.table_sink(self, parameters, self.EXCLUDED_TABLE, context, e_fields)
        outputs.add_rows(e_sink, e_fields, ([r[f.name()] for f in e_fields] for r in ex_rows))
        l_fields = outputs.fields_from_spec(
            [
                ("LANDUSE", outputs.FIELD_STRING),
                ("MEASURE", outputs.FIELD_STRING),
                ("AREA_M2", outputs.FIELD_DOUBLE),
                ("AREA_HA", outputs.FIELD_DOUBLE),
            ]
        )
        l_sink, lu_table_id = outputs.table_sink(self, parameters, self.LANDUSE_TABLE, context, l_fields)
        outputs.add_rows(
            l_sink,
            l_fields,
            ([r[f.name()] for f in l_fields] for r in landuse_measure_rows(result.landuse_m2())),
        )
        x_fields = outputs.fields_from_spec(
            [
                ("REASON", outputs.FIELD_STRING),
                ("MEASURE", outputs.FIELD_STRING),
                ("AREA_M2", outputs.FIELD_DOUBLE),
                ("AREA_HA", outputs.FIELD_DOUBLE),
            ]
        )
        x_sink, excl_id = self.parameterAsSink(
            parameters, self.EXCLUDED, context, x_fields, QgsWkbTypes.Type.Polygon, crs
        )
        if x_sink is not None and ex_rows:
            pieces = self.run_polygons(excl_path)
            attrs = []
            for value, _wkb, area in pieces:
                reason, measure = split_excluded(value)
                attrs.append([reason, measure, area, area / HA_M2])
            outputs.add_rows(x_sink, x_fields, attrs, (wkb for _v, wkb, _a in pieces))
        poly_fields = outputs.fields_from_spec(
            [
                ("MEASURE", outputs.FIELD_STRING),
                ("VALUE", outputs.FIELD_INT),
                ("ETYPE", outputs.FIELD_STRING),
                ("AREA_M2", outputs.FIELD_DOUBLE),
                ("AREA_HA", outputs.FIELD_DOUBLE),
            ]
        )
        poly_sink, poly_id = self.parameterAsSink(
            parameters, self.POLYGONS, context, poly_fields, QgsWkbTypes.Type.Polygon, layer.crs()
        )
        if poly_sink is not None:
            feedback.pushInfo(self.tr("Polygonising the measures…"))
            pieces = self.run_polygons(out_path)
            attrs = []
            for value, _wkb, area in pieces:
                code = MEASURE_CODE.get(value, "none")
                attrs.append([code, value, MEASURE_E_TYPE.get(code, "none"), area, area / HA_M2])
            outputs.add_rows(poly_sink, poly_fields, attrs, (wkb for _v, wkb, _a in pieces))
        qml = paletted_raster_qml(
            [(MEASURE_VALUE[c], MEASURE_COLORS[c], self.measure_name(c)) for c in AREA_MEASURES]
        )
        outputs.style_sidecar(context, out_path, qml, self.tr("Measures"))
        shutil.rmtree(work, ignore_errors=True)
        feedback.setProgress(100)
        return {
            self.OUTPUT: out_path,
            self.POLYGONS: poly_id,
            self.TABLE: table_id,
            self.EXCLUDED: excl_id,
            self.EXCLUDED_TABLE: excl_table_id,
            self.LANDUSE_TABLE: lu_table_id,
        }

    def run_polygons(self, path):
        try:
            return measure_polygons(path)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc

    def reason_name(self, code: str) -> str:
        return {
            "water": self.tr("water: no measure on water"),
            "built": self.tr("built-up land: no measure"),
            "landuse": self.tr("only on cropland"),
            "basic_farmland": self.tr("permanent basic farmland"),
            "slope_low": self.tr("slope below the measure's band"),
            "slope_high": self.tr("slope above the measure's band"),
            "no_slope": self.tr("no slope (DEM nodata)"),
        }.get(code, code)

    def measure_name(self, code: str) -> str:
        return {
            "none": self.tr("No measure"),
            "enclosure": self.tr("Enclosure (closing hillsides)"),
            "soilforest_pits": self.tr("Soil-conservation forest, fish-scale pits"),
            "soilforest_benches": self.tr("Soil-conservation forest, level benches"),
            "econforest_pits": self.tr("Economic forest, fish-scale pits"),
            "econforest_benches": self.tr("Economic forest, level benches"),
            "grass": self.tr("Grass planting"),
            "terrace": self.tr("Slope-to-terrace conversion"),
            "tillage": self.tr("Conservation tillage"),
        }.get(code, code)
