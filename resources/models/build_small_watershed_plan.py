"""Build ``small_watershed_plan.model3``: the plan's algorithms chained for one small watershed.

Run inside QGIS's Python (``/usr/bin/python3`` on Debian) from the repository root::

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 resources/models/build_small_watershed_plan.py

The model (group ``SWC Planner``, name ``small_watershed_plan``) takes one watershed polygon, the DEM,
the 三调 land-use polygons (code field, default DLBM), R and K as constants, and runs:

1. ``gdal:cliprasterbymasklayer`` — the DEM clipped to the watershed (source grid kept);
2. ``swcplanner:slopeclasses`` → ``swcplanner:landuseslope`` (inside the watershed);
3. ``swcplanner:measureplan`` (the region preset, the eligibility rules with the DEM, optional 永久基本农田);
4. ``swcplanner:soilloss`` without the plan, then with it (the measure polygons as MEASURES and as ZONES
   by MEASURE, the status soil loss as BASELINE);
5. ``swcplanner:siltdams`` (淤地坝 in the watershed from the status soil loss);
6. ``swcplanner:planquantities`` (areas, 淤地坝, schedule over START_YEAR–END_YEAR);
7. ``swcplanner:planbenefits`` (GB/T 15774 classes).

谷坊 series, pits and benches (``checkdams``, ``slopeworks``) need a look at each watershed's gullies and
pit areas; run them where they apply and give their outputs to planquantities, as the wizard does.  For a
county, run the model in batch mode (one row per watershed) from the Processing toolbox.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL_PATH = os.path.join(HERE, "small_watershed_plan.model3")
MODEL_NAME = "small_watershed_plan"
MODEL_GROUP = "SWC Planner"

#: Model outputs: (name, child id, child output, description).
OUTPUTS = [
    ("measures", "measureplan", "POLYGONS", "Measure polygons"),
    ("excluded", "measureplan", "EXCLUDED", "Areas excluded by the rules"),
    ("measure_areas", "measureplan", "TABLE", "Measure areas"),
    ("landuse_areas", "landuseslope", "TABLE", "Land use by slope class"),
    ("soil_loss_before", "soilloss_before", "TABLE", "Soil loss without the plan"),
    ("soil_loss_after", "soilloss_after", "TABLE", "Soil loss with the plan (per measure)"),
    ("siltdams", "siltdams", "DAMS", "Silt-trap dams"),
    ("quantities", "planquantities", "QUANTITIES", "Bill of quantities"),
    ("investment", "planquantities", "INVESTMENT", "Investment estimate"),
    ("schedule", "planquantities", "SCHEDULE", "Implementation schedule"),
    ("benefits", "planbenefits", "OUTPUT", "Benefits"),
    ("basic", "planbenefits", "BASIC", "Soil and water retained"),
    ("economic", "planbenefits", "ECONOMIC", "Economic benefit"),
    ("social", "planbenefits", "SOCIAL", "Social benefit"),
    ("ecological", "planbenefits", "ECOLOGICAL", "Ecological benefit"),
]


def _with_defaults(child):
    """Static sources for every parameter left unset, as the modeler's dialog fills them in.

    File parameters are left unset: their default is the table shipped with the plugin, found where the
    plugin is installed (a static value would write this machine's path into the model).
    """
    from qgis.core import QgsApplication, QgsProcessingModelChildParameterSource, QgsProcessingParameterFile

    alg = QgsApplication.processingRegistry().algorithmById(child.algorithmId())
    if alg is None:
        raise RuntimeError(f"{child.algorithmId()} is not registered")
    for param in alg.parameterDefinitions():
        if param.isDestination() or param.name() in child.parameterSources():
            continue
        if isinstance(param, QgsProcessingParameterFile):
            continue
        if param.defaultValue() is not None:
            child.addParameterSources(
                param.name(), [QgsProcessingModelChildParameterSource.fromStaticValue(param.defaultValue())]
            )
    return child


def build_model():
    """The model as a ``QgsProcessingModelAlgorithm`` (needs the SWC Planner provider and GDAL's)."""
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterNumber,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterString,
    )

    src = QgsProcessingModelChildParameterSource
    polygon = QgsProcessing.SourceType.TypeVectorPolygon
    double = QgsProcessingParameterNumber.Type.Double
    integer = QgsProcessingParameterNumber.Type.Integer
    model = QgsProcessingModelAlgorithm(MODEL_NAME, MODEL_GROUP)
    model.setHelpContent(
        {
            "ALG_DESC": "Small-watershed plan (小流域综合治理规划) for one watershed: land use by slope class, "
            "measures with the eligibility rules, soil loss without and with the plan, 淤地坝, quantities, "
            "investment, yearly schedule and the GB/T 15774 benefits. Batch it over a county's watersheds. "
            "Check dams (谷坊), pits and benches: run swcplanner:checkdams and swcplanner:slopeworks where "
            "they apply and give their outputs to swcplanner:planquantities.",
        }
    )

    def param(definition):
        model.addModelParameter(definition, QgsProcessingModelParameter(definition.name()))

    param(QgsProcessingParameterRasterLayer("DEM", "DEM (projected, metres)"))
    param(QgsProcessingParameterFeatureSource("WATERSHED", "Watershed polygon", [polygon]))
    param(QgsProcessingParameterFeatureSource("LANDUSE", "Land-use polygons (三调)", [polygon]))
    param(QgsProcessingParameterString("LANDUSE_FIELD", "Land-use code field", "DLBM"))
    param(
        QgsProcessingParameterEnum(
            "REGION", "Region preset", ["坝上高原 Bashang", "燕山 Yanshan", "太行山 Taihang"], False, 1
        )
    )
    param(
        QgsProcessingParameterFeatureSource(
            "BASIC_FARMLAND", "Permanent basic farmland (永久基本农田)", [polygon], None, True
        )
    )
    param(
        QgsProcessingParameterNumber("R", "Rainfall erosivity R (MJ·mm/(hm²·h·a))", double, None, False, 0.0)
    )
    param(
        QgsProcessingParameterNumber(
            "K", "Soil erodibility K (t·hm²·h/(hm²·MJ·mm))", double, None, False, 0.0
        )
    )
    param(
        QgsProcessingParameterNumber("TOLERANCE", "Tolerable soil loss (t/km²·a)", double, 200.0, False, 1.0)
    )
    param(
        QgsProcessingParameterNumber("RUNOFF_DEPTH", "Mean annual runoff depth (mm)", double, None, True, 0.0)
    )
    param(QgsProcessingParameterNumber("START_YEAR", "First year of the plan", integer, None, True, 1900))
    param(QgsProcessingParameterNumber("END_YEAR", "Last year of the plan", integer, None, True, 1900))

    def child(child_id, alg_id, sources):
        c = QgsProcessingModelChildAlgorithm(alg_id)
        c.setChildId(child_id)
        c.setDescription(child_id)
        for name, source in sources.items():
            c.addParameterSources(name, [source])
        outs = {}
        for out_name, cid, child_output, description in OUTPUTS:
            if cid == child_id:
                o = QgsProcessingModelOutput(out_name, description)
                o.setChildOutputName(child_output)
                outs[out_name] = o
        if outs:
            c.setModelOutputs(outs)
        model.addChildAlgorithm(_with_defaults(c))
        return c

    mp = src.fromModelParameter
    out = src.fromChildOutput
    static = src.fromStaticValue
    child(
        "dem",
        "gdal:cliprasterbymasklayer",
        {
            "INPUT": mp("DEM"),
            "MASK": mp("WATERSHED"),
            "CROP_TO_CUTLINE": static(True),
            "KEEP_RESOLUTION": static(False),
            "NODATA": static(-9999),
        },
    )
    child("slope", "swcplanner:slopeclasses", {"DEM": out("dem", "OUTPUT")})
    child(
        "landuseslope",
        "swcplanner:landuseslope",
        {
            "SLOPE": out("slope", "OUTPUT"),
            "LANDUSE": mp("LANDUSE"),
            "LANDUSE_FIELD": mp("LANDUSE_FIELD"),
            "BOUNDARY": mp("WATERSHED"),
        },
    )
    child(
        "measureplan",
        "swcplanner:measureplan",
        {
            "LANDUSE_SLOPE": out("landuseslope", "OUTPUT"),
            "REGION": mp("REGION"),
            "DEM": out("dem", "OUTPUT"),
            "BASIC_FARMLAND": mp("BASIC_FARMLAND"),
        },
    )
    loss = {
        "DEM": out("dem", "OUTPUT"),
        "R_CONSTANT": mp("R"),
        "K_CONSTANT": mp("K"),
        "LANDUSE": mp("LANDUSE"),
        "LANDUSE_FIELD": mp("LANDUSE_FIELD"),
        "TOLERANCE": mp("TOLERANCE"),
    }
    child("soilloss_before", "swcplanner:soilloss", dict(loss))
    after = dict(loss)
    after.update(
        {
            "MEASURES": out("measureplan", "POLYGONS"),
            "MEASURE_FIELD": static("ETYPE"),
            "BASELINE": out("soilloss_before", "SOIL_LOSS"),
            "ZONES": out("measureplan", "POLYGONS"),
            "ZONE_FIELD": static("MEASURE"),
        }
    )
    child("soilloss_after", "swcplanner:soilloss", after)
    child(
        "siltdams",
        "swcplanner:siltdams",
        {
            "DEM": out("dem", "OUTPUT"),
            "AOI": mp("WATERSHED"),
            "SOIL_LOSS": out("soilloss_before", "SOIL_LOSS"),
        },
    )
    child(
        "planquantities",
        "swcplanner:planquantities",
        {
            "MEASURE_AREAS": out("measureplan", "TABLE"),
            "SILTDAMS": out("siltdams", "DAMS"),
            "START_YEAR": mp("START_YEAR"),
            "END_YEAR": mp("END_YEAR"),
        },
    )
    child(
        "planbenefits",
        "swcplanner:planbenefits",
        {
            "BEFORE": out("soilloss_before", "TABLE"),
            "AFTER": out("soilloss_after", "TABLE"),
            "MEASURE_AREAS": out("measureplan", "TABLE"),
            "MEASURE_LANDUSE": out("measureplan", "LANDUSE_TABLE"),
            "LANDUSE_AREAS": out("landuseslope", "TABLE"),
            "SILTDAMS": out("siltdams", "DAMS"),
            "RUNOFF_DEPTH": mp("RUNOFF_DEPTH"),
        },
    )
    return model


def main() -> int:
    """Write the model file (QGIS, Processing and the SWC Planner provider started here)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.append("/usr/share/qgis/python/plugins")
    repo = os.path.dirname(os.path.dirname(HERE))
    root = os.path.join("/tmp", f"swc_model_root_{os.getuid()}")
    os.makedirs(root, exist_ok=True)
    link = os.path.join(root, "swc_planner")
    if not os.path.islink(link):
        os.symlink(repo, link)
    sys.path.insert(0, root)
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication
    from qgis.testing import start_app

    start_app()
    Processing.initialize()
    from swc_planner.algorithms.provider import SwcPlannerProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("swcplanner") is None:
        registry.addProvider(SwcPlannerProvider())
    model = build_model()
    ok, errors = model.validate()
    if not ok:
        print("\n".join(errors))
        return 1
    if not model.toFile(MODEL_PATH):
        return 1
    print(MODEL_PATH)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)
