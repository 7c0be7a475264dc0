"""swcplanner:measureplan — the allocation table (land use × slope class → measure) applied: measures and areas."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from . import inputs, outputs, params
from .base import GROUP_PLANNING, SwcAlgorithm, translate_core_error
from .core.errors import SwcError
from .core.planning.allocation import measure_area_rows, measure_polygons, measure_raster
from .core.planning.catalogue import (
    AREA_MEASURES,
    HA_M2,
    MEASURE_CODE,
    MEASURE_COLORS,
    MEASURE_E_TYPE,
    MEASURE_VALUE,
    REGION_NAMES_ZH,
    REGIONS,
)
from .core.planning.tables import allocation_path, load_allocation
from .styles import paletted_raster_qml


class MeasurePlanAlgorithm(SwcAlgorithm):
    """Measures of a small-watershed plan from an allocation table over the land use × slope raster."""

    ALG_ID = "measureplan"
    GROUP_ID = GROUP_PLANNING

    LANDUSE_SLOPE = "LANDUSE_SLOPE"
    REGION = "REGION"
    ALLOCATION = "ALLOCATION"
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"
    POLYGONS = "POLYGONS"
    TABLE = "TABLE"

    def displayName(self):  # noqa: N802
        return self.tr("Measure allocation")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Gives every cell of a small watershed the measure that the allocation table sets for "
                "its land use and slope class, and reports the area of each measure."
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
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: measure raster (0 none, 1 enclosure, 2 soil-conservation forest with "
                        "pits, 3 with benches, 4 economic forest with pits, 5 with benches, 6 grass, "
                        "7 terraces, 8 conservation tillage; 255 = nodata). POLYGONS: 4-connected "
                        "measure polygons with MEASURE (code), VALUE, ETYPE (the engineering type of "
                        "swcplanner:soilloss's MEASURE_TABLE for the scenario with the plan: pits → "
                        "fish_scale_pit, benches → level_bench, terraces → terrace_earth, tillage → "
                        "no_till) and AREA_M2, AREA_HA. TABLE: area per measure in m², ha, mu and % of "
                        "the allocated area. Areas are planar (cells × cell area)."
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
        self.addParameter(params.block_size(self.BLOCK_SIZE))
        self.addParameter(outputs.raster_output(self.OUTPUT, self.tr("Measures")))
        self.addParameter(
            outputs.sink_output(
                self.POLYGONS, self.tr("Measure polygons"), params.SOURCE_POLYGON, secondary=True
            )
        )
        self.addParameter(outputs.table_output(self.TABLE, self.tr("Measure areas"), secondary=True))

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
        out_path = outputs.raster_path(self, parameters, self.OUTPUT, context)
        block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
        result = self.run_core(
            measure_raster, feedback, combo_path, out_path, alloc, block_rows=block, progress_span=(0, 60)
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
        feedback.setProgress(100)
        return {self.OUTPUT: out_path, self.POLYGONS: poly_id, self.TABLE: table_id}

    def run_polygons(self, path):
        try:
            return measure_polygons(path)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc

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
