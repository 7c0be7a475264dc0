"""swcplanner:landuseslope — land use × slope class inside a boundary: the 土地利用现状表 of a plan."""

from __future__ import annotations

from qgis.core import (
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterRasterLayer,
)

from . import inputs, outputs, params
from .base import GROUP_PLANNING, SwcAlgorithm, translate_core_error
from .core.errors import SwcError
from .core.planning.catalogue import LANDUSE_CATEGORIES, LANDUSE_COLORS
from .core.planning.landuse import area_rows, landuse_slope
from .core.planning.tables import landuse_category_path, load_categories
from .styles import paletted_raster_qml


def _lighter(color: str, share: float) -> str:
    """``color`` mixed with ``share`` of white (legend shades of the slope classes)."""
    rgb = [int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{int(round(c + (255 - c) * share)):02x}" for c in rgb)


class LanduseSlopeAlgorithm(SwcAlgorithm):
    """Land use (raster or polygons) × slope classes inside a boundary → area table and combined raster."""

    ALG_ID = "landuseslope"
    GROUP_ID = GROUP_PLANNING

    SLOPE = "SLOPE"
    LANDUSE = "LANDUSE"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    CATEGORY_TABLE = "CATEGORY_TABLE"
    BOUNDARY = "BOUNDARY"
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"
    CATEGORIES = "CATEGORIES"
    TABLE = "TABLE"

    def displayName(self):  # noqa: N802
        return self.tr("Land use by slope class")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Crosses the land use with the slope classes inside a boundary (a small watershed): "
                "the land-use status table of a plan (土地利用现状表) by slope class, in ha, mu and %, "
                "and a combined raster for swcplanner:measureplan."
            ),
            [
                (
                    self.tr("Inputs"),
                    self.tr(
                        "SLOPE: slope classes 1–9 (the OUTPUT of swcplanner:slopeclasses; 0 = nodata); "
                        "its grid is the grid of every output. LANDUSE: a raster of land-use codes "
                        "(nearest neighbour onto the grid, reprojected if needed) or polygons with the "
                        "code in LANDUSE_FIELD (a cell takes the polygon containing its centre; the "
                        "later polygon wins where they overlap). BOUNDARY (optional): only cells whose "
                        "centre is inside count."
                    ),
                ),
                (
                    self.tr("Categories"),
                    self.tr(
                        "CATEGORY_TABLE (CSV: code, category) turns codes into the seven categories "
                        "cropland, orchard, forest, grass, bare, water and built (an exact code "
                        "first, else the longest code that is a prefix). The default is the land "
                        "survey (三调, TD/T 1055-2019) table resources/tables/"
                        "landuse_categories_sandiao.csv. Codes without a category are left out and "
                        "listed in a warning."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: combined raster, category × 10 + slope class (category 1 cropland, "
                        "2 orchard, 3 forest, 4 grass, 5 bare, 6 water, 7 built; 0 = nodata). "
                        "CATEGORIES: the category raster. TABLE: one row per land use and slope "
                        "class (CLASS 0 = all classes; LANDUSE total = all land uses) with AREA_M2, "
                        "AREA_HA, AREA_MU (亩, 666.67 m²) and PCT (share of the total). Areas are "
                        "planar, cell count × cell area."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterRasterLayer(self.SLOPE, self.tr("Slope classes (swcplanner:slopeclasses)"))
        )
        self.addParameter(
            QgsProcessingParameterMapLayer(
                self.LANDUSE,
                self.tr("Land use (raster of codes, or polygons)"),
                types=[QgsProcessing.SourceType.TypeRaster, QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.LANDUSE_FIELD,
                self.tr("Land-use code field (polygons)"),
                parentLayerParameterName=self.LANDUSE,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATEGORY_TABLE,
                self.tr("Land-use code → category table (CSV: code, category)"),
                extension="csv",
                defaultValue=landuse_category_path(),
                optional=True,
            )
        )
        self.addParameter(
            params.polygons(self.BOUNDARY, self.tr("Boundary (e.g. the watershed)"), optional=True)
        )
        self.addParameter(params.block_size(self.BLOCK_SIZE))
        self.addParameter(outputs.raster_output(self.OUTPUT, self.tr("Land use × slope class")))
        self.addParameter(
            outputs.raster_output(self.CATEGORIES, self.tr("Land-use categories"), secondary=True)
        )
        self.addParameter(
            outputs.table_output(self.TABLE, self.tr("Land use by slope class (areas)"), secondary=True)
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        slope_layer, slope_path = inputs.raster(self, parameters, self.SLOPE, context)
        crs = slope_layer.crs()
        table = self.parameterAsFile(parameters, self.CATEGORY_TABLE, context) or landuse_category_path()
        try:
            mapping = load_categories(table)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        layer = self.parameterAsLayer(parameters, self.LANDUSE, context)
        if layer is None or not layer.isValid():
            raise self.fail(self.tr("The land-use layer (LANDUSE) could not be loaded."))
        raster_path = None
        polygons = None
        if layer.type() == QgsMapLayer.LayerType.RasterLayer:
            if layer.providerType() != "gdal":
                raise self.fail(self.tr("The land-use raster must be a GDAL raster file."))
            raster_path = layer.source()
        else:
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
            polygons = [(attrs[0], wkb) for _fid, wkb, attrs in polys if attrs[0] is not None]
        boundary = inputs.polygons(
            self, parameters, self.BOUNDARY, context, crs, feedback, required=False, label=self.tr("Boundary")
        )
        out_path = outputs.raster_path(self, parameters, self.OUTPUT, context)
        cat_path = outputs.raster_path(self, parameters, self.CATEGORIES, context)
        block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
        result = self.run_core(
            landuse_slope,
            feedback,
            slope_path,
            out_path,
            mapping,
            landuse_raster=raster_path,
            landuse_polygons=polygons,
            boundary=[wkb for _f, wkb, _a in boundary] if boundary is not None else None,
            categories_path=cat_path,
            block_rows=block,
            progress_span=(0, 95),
        )
        if result.unmapped:
            feedback.pushWarning(
                self.tr(
                    "Land-use codes without a category in {table}, left out: {codes}. Add them to the table."
                ).format(table=table, codes=inputs.short_list(result.unmapped))
            )
        rows = area_rows(result.areas(), result.n_classes)
        fields = outputs.fields_from_spec(
            [
                ("LANDUSE", outputs.FIELD_STRING),
                ("CLASS", outputs.FIELD_INT),
                ("AREA_M2", outputs.FIELD_DOUBLE),
                ("AREA_HA", outputs.FIELD_DOUBLE),
                ("AREA_MU", outputs.FIELD_DOUBLE),
                ("PCT", outputs.FIELD_DOUBLE),
            ]
        )
        sink, table_id = outputs.table_sink(self, parameters, self.TABLE, context, fields)
        outputs.add_rows(sink, fields, ([r[f.name()] for f in fields] for r in rows))
        total = rows[-1]
        feedback.pushInfo(
            self.tr("Area with land use and slope class: {ha:.2f} ha ({mu:.1f} mu).").format(
                ha=total["AREA_HA"], mu=total["AREA_MU"]
            )
        )
        n = max(result.n_classes, 1)
        combo = [
            (
                value * 10 + k,
                _lighter(LANDUSE_COLORS[code], 0.6 * (n - k) / n),
                self.tr("{landuse}, slope class {k}").format(landuse=self.category_name(code), k=k),
            )
            for code, value in LANDUSE_CATEGORIES
            for k in range(1, n + 1)
        ]
        outputs.style_sidecar(
            context, out_path, paletted_raster_qml(combo), self.tr("Land use × slope class")
        )
        if cat_path:
            categories = [
                (value, LANDUSE_COLORS[code], self.category_name(code)) for code, value in LANDUSE_CATEGORIES
            ]
            outputs.style_sidecar(
                context, cat_path, paletted_raster_qml(categories), self.tr("Land-use categories")
            )
        feedback.setProgress(100)
        return {self.OUTPUT: out_path, self.CATEGORIES: cat_path, self.TABLE: table_id}

    def category_name(self, code: str) -> str:
        return {
            "cropland": self.tr("Cropland"),
            "orchard": self.tr("Orchard"),
            "forest": self.tr("Forest"),
            "grass": self.tr("Grassland"),
            "bare": self.tr("Bare and other land"),
            "water": self.tr("Water"),
            "built": self.tr("Built-up land"),
        }.get(code, code)
