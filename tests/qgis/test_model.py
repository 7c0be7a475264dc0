"""The algorithms inside a Processing model (as built in the graphical modeler)."""

import pytest
from synth import iter_features
from testdata import shared

pytestmark = pytest.mark.usefixtures("processing_ready")


def with_defaults(child):
    """Static sources for every parameter left unset, as the modeler's dialog fills in."""
    from qgis.core import QgsApplication, QgsProcessingModelChildParameterSource

    alg = QgsApplication.processingRegistry().algorithmById(child.algorithmId())
    for param in alg.parameterDefinitions():
        if param.name() not in child.parameterSources() and param.defaultValue() is not None:
            child.addParameterSources(
                param.name(), [QgsProcessingModelChildParameterSource.fromStaticValue(param.defaultValue())]
            )
    return child


def build_model():
    """DEM → swcplanner:fillsinks → swcplanner:steepslopeban (model inputs DEM and COUNTIES)."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterRasterLayer,
    )

    Src = QgsProcessingModelChildParameterSource  # noqa: N806
    model = QgsProcessingModelAlgorithm("ban_on_filled_dem", "models")
    model.addModelParameter(
        QgsProcessingParameterRasterLayer("DEM", "DEM"), QgsProcessingModelParameter("DEM")
    )
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("COUNTIES", "Counties"), QgsProcessingModelParameter("COUNTIES")
    )
    fill = QgsProcessingModelChildAlgorithm("swcplanner:fillsinks")
    fill.setChildId("fill")
    fill.addParameterSources("DEM", [Src.fromModelParameter("DEM")])
    model.addChildAlgorithm(with_defaults(fill))
    ban = QgsProcessingModelChildAlgorithm("swcplanner:steepslopeban")
    ban.setChildId("ban")
    ban.addParameterSources("DEM", [Src.fromChildOutput("fill", "OUTPUT")])
    ban.addParameterSources("COUNTIES", [Src.fromModelParameter("COUNTIES")])
    ban.addParameterSources("COUNTY_FIELD", [Src.fromStaticValue("name")])
    ban.addParameterSources("MIN_AREA", [Src.fromStaticValue(0)])
    ban.addParameterSources("NO_LANDUSE_FILTER", [Src.fromStaticValue(True)])  # no land-survey layer here
    ban.addParameterSources("NO_LANDUSE_FILTER", [Src.fromStaticValue(True)])
    summary = QgsProcessingModelOutput("summary", "summary")
    summary.setChildOutputName("SUMMARY")
    patches = QgsProcessingModelOutput("patches", "patches")
    patches.setChildOutputName("OUTPUT")
    ban.setModelOutputs({"summary": summary, "patches": patches})
    model.addChildAlgorithm(with_defaults(ban))
    return model


def model_output(model, child_id, name):
    """The model's parameter for a child's output: ``ban:summary`` on QGIS 3.22, ``summary`` on 3.40+.

    A model built in code is an old-style (Version1) model on 3.22, whose outputs are named
    ``childId:name``, and a Version2 model on 3.40 and later, named by the output alone.
    """
    names = {d.name() for d in model.destinationParameterDefinitions()}
    for candidate in (f"{child_id}:{name}", name):
        if candidate in names:
            return candidate
    raise AssertionError(f"no model output for {child_id}:{name} among {sorted(names)}")


def test_model_chains_fill_and_ban(tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    dem = shared("youwuzhen_fujian_swc", "ywzdem10m.tif")
    from osgeo import gdal
    from shapely.geometry import box
    from synth import write_polygons

    ds = gdal.Open(dem)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    extent = box(x0, y0 + dy * ds.RasterYSize, x0 + dx * ds.RasterXSize, y0)
    counties = write_polygons(
        str(tmp_path / "c.gpkg"), [(extent.wkb, {"name": "长汀县"})], epsg=2415, layer="c"
    )
    model = build_model()
    ok, errors = model.validate()
    assert ok, errors
    summary, patches = model_output(model, "ban", "summary"), model_output(model, "ban", "patches")
    result = processing.run(
        model,
        {
            "DEM": dem,
            "COUNTIES": counties,
            summary: str(tmp_path / "s.gpkg"),
            patches: str(tmp_path / "p.gpkg"),
        },
        context=QgsProcessingContext(),
        feedback=QgsProcessingFeedback(),
    )
    rows = list(iter_features(result[summary]))
    assert rows[0]["COUNTY"] == "长汀县" and rows[0]["BAN_HA"] > 0
