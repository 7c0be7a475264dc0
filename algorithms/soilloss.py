"""swcplanner:soilloss — soil loss by the CSLE, SL 190 intensity and the SWC rate per zone."""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any, Dict, List, Sequence

import numpy as np
from qgis.core import (
    QgsMapLayer,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
)

from . import inputs, outputs, params
from .base import GROUP_EROSION, SwcAlgorithm, translate_core_error
from .core import standards
from .core.erosion.factors import fvc_unit, ls_factor_rasters
from .core.erosion.intensity import N_CLASSES, intensity_bounds
from .core.erosion.lookups import (
    code_text,
    match_landuse,
    match_measures,
    match_rotation,
    measure_factors,
    read_fvc_table,
    read_landuse_table,
    read_measure_table,
    read_rotation_table,
    read_value_table,
    rotation_row,
    unmatched_error,
)
from .core.erosion.soilloss import (
    Factors,
    FactorSource,
    FvcSource,
    LandUseSource,
    MeasureSource,
    RotationSource,
    Settings,
    Zones,
    soil_loss,
)
from .core.errors import SwcError
from .core.grid import GridSpec
from .core.io.raster import align_raster, set_nodata, unique_codes
from .core.io.tables import TABLE_DIR
from .core.io.vector import rasterize, temp_path
from .outputs import EROSION_CLASS_FIELDS, FIELD_DOUBLE, FIELD_STRING, fields_from_spec, zone_field_spec
from .params import SOURCE_POLYGON, SOURCE_RASTER
from .styles import paletted_raster_qml, pseudocolor_raster_qml
from .swcrate import RateInputsMixin, rate_spec, rate_values

SUMMARY_FIELDS = ("ERODED_KM2", "ERODED_PCT", "MEAN_MODULUS", "SOIL_LOSS_T", "SWC_RATE")
#: Crop-rotation table shipped in resources/tables (Guo, Liu, Xie et al. 2015; sources in the file).
ROTATION_TABLE_DEFAULT = "crop_rotation_t.csv"
#: ROTATION_ZONE choices → zone code of the crop-rotation table (None: the land-use table's T).
ROTATION_CODES = (None, "single", "double", "triple")
BASE_FIELDS = (
    "BASE_LOSS_T",
    "BASE_MODULUS",
    "BASE_ERODED_KM2",
    "BASE_SWC_RATE",
    "REDUCTION_T",
    "REDUCTION_PCT",
    "RATE_GAIN",
)


def class_ranges(tolerance: float) -> List[str]:
    """``< 200``, ``200 – 2 500``, …, ``≥ 15 000`` (lower bounds included)."""
    edges = intensity_bounds(tolerance)
    out = [f"< {edges[0]:g}"]
    out += [f"{a:g} – {b:g}" for a, b in zip(edges, edges[1:])]
    out.append(f"≥ {edges[-1]:g}")
    return out


def intensity_qml(names: Sequence[str], tolerance: float) -> str:
    ranges = class_ranges(tolerance)
    return paletted_raster_qml(
        [
            (i + 1, standards.EROSION_CLASS_COLORS[i], f"{i + 1} {names[i]} ({ranges[i]})")
            for i in range(N_CLASSES)
        ]
    )


def soil_loss_qml(tolerance: float) -> str:
    edges = intensity_bounds(tolerance)
    ranges = class_ranges(tolerance)
    stops = [(v, standards.EROSION_CLASS_COLORS[i], ranges[i]) for i, v in enumerate(edges)]
    stops.append((1e9, standards.EROSION_CLASS_COLORS[-1], ranges[-1]))
    return pseudocolor_raster_qml(stops)


class SoilLossAlgorithm(RateInputsMixin, SwcAlgorithm):
    """A = R·K·L·S·B·E·T with intensity classes and a per-zone table."""

    ALG_ID = "soilloss"
    GROUP_ID = GROUP_EROSION

    R = "R"
    R_CONSTANT = "R_CONSTANT"
    K = "K"
    K_FIELD = "K_FIELD"
    K_TABLE = "K_TABLE"
    K_CONSTANT = "K_CONSTANT"
    DEM = "DEM"
    LS = "LS"
    MAX_LENGTH = "MAX_LENGTH"
    CHANNEL_AREA = "CHANNEL_AREA"
    LANDUSE = "LANDUSE"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    LANDUSE_TABLE = "LANDUSE_TABLE"
    FVC = "FVC"
    FVC_TABLE = "FVC_TABLE"
    MEASURES = "MEASURES"
    MEASURE_FIELD = "MEASURE_FIELD"
    MEASURE_TABLE = "MEASURE_TABLE"
    ROTATION_ZONE = "ROTATION_ZONE"
    ROTATION_ZONES = "ROTATION_ZONES"
    ROTATION_FIELD = "ROTATION_FIELD"
    ROTATION_TABLE = "ROTATION_TABLE"
    BASELINE = "BASELINE"
    TOLERANCE = "TOLERANCE"
    ZONES = "ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    BLOCK_SIZE = "BLOCK_SIZE"
    MAX_MEMORY = "MAX_MEMORY"
    SOIL_LOSS = "SOIL_LOSS"
    INTENSITY = "INTENSITY"
    TABLE = "TABLE"

    def displayName(self):  # noqa: N802
        return self.tr("Soil loss (CSLE) and erosion intensity")

    def rotation_zones(self) -> List[str]:
        """ROTATION_ZONE choices, in the order of :data:`ROTATION_CODES`."""
        return [
            self.tr("The land-use table's T (national mean of rotations)"),
            self.tr("One crop a year (Hebei mountains and 坝上)"),
            self.tr("Two crops a year (Hebei piedmont plain)"),
            self.tr("Three crops a year"),
        ]

    def class_names(self) -> List[str]:
        """Translated SL 190 class names 1..6 (微度 … 剧烈)."""
        return [
            self.tr("slight"),
            self.tr("light"),
            self.tr("moderate"),
            self.tr("intense"),
            self.tr("very intense"),
            self.tr("severe"),
        ]

    def help_html(self):
        return self.format_help(
            self.tr(
                "Estimates the annual soil loss with the Chinese Soil Loss Equation "
                "A = R·K·L·S·B·E·T, grades it by SL 190-2007 and reports per zone the area of "
                "each intensity class, the soil loss and the soil-and-water-conservation "
                "rate (水土保持率)."
            ),
            [
                (
                    self.tr("Factors"),
                    self.tr(
                        "R: rainfall erosivity (MJ·mm·hm⁻²·h⁻¹·a⁻¹), a raster (R) or a constant "
                        "(R_CONSTANT). K: soil erodibility (t·hm²·h·hm⁻²·MJ⁻¹·mm⁻¹), a raster of K "
                        "values, a raster of soil classes with K_TABLE (CSV code,K), soil polygons "
                        "with the K value in K_FIELD, or a constant (K_CONSTANT). LS: a given LS raster, "
                        "or computed from the DEM as in the LS factor algorithm (MAX_LENGTH, "
                        "CHANNEL_AREA). The LS or DEM grid is the output grid; other rasters in the "
                        "same CRS are resampled onto it (nearest for classes, bilinear for values)."
                    ),
                ),
                (
                    self.tr("Land use, B and T"),
                    self.tr(
                        "LANDUSE is a raster of codes or polygons with the code in LANDUSE_FIELD. "
                        "LANDUSE_TABLE (CSV: code, name, B, T, cover) gives B and T per code; the "
                        "first row whose code pattern matches wins (* and ? wildcards). The default "
                        "table holds the land-survey (三调) codes; "
                        "resources/tables/landuse_bt_youwuzhen_seims.csv is an example for other "
                        "codes. Codes missing from the table stop the run with their list. With an "
                        "FVC raster (fraction 0–1 or percent 0–100), rows with cover forest or grass "
                        "take B from FVC_TABLE. Built-up land and water have B = 0. Cropland has B = 1 "
                        "and its crop effect in T (next section); it is never modelled as bare fallow."
                    ),
                ),
                (
                    self.tr("Crop-rotation T of cropland"),
                    self.tr(
                        "Land-use rows with rotation = yes (水浇地, 旱地 and other cropland in the default "
                        "table) take T from ROTATION_TABLE (default crop_rotation_t.csv: one crop a year "
                        "0.37, two crops 0.36, three crops 0.28, national mean 0.34; Guo, Liu, Xie et al. "
                        "2015, J. Integr. Agric. 14(9)). ROTATION_ZONE picks the zone for the whole run: "
                        "in Hebei two crops a year on the piedmont plain, one crop a year in the mountains "
                        "and on 坝上; the first choice keeps the land-use table's T (the national mean). "
                        "ROTATION_ZONES are polygons whose ROTATION_FIELD holds the zone (code, name such as "
                        "一年两熟, or crops per year 1, 2, 3); cropland outside them takes ROTATION_ZONE."
                    ),
                ),
                (
                    self.tr("Measures, E and the scenario"),
                    self.tr(
                        "MEASURES are polygons whose MEASURE_FIELD holds a measure code or name "
                        "(e.g. 鱼鳞坑, terrace_earth); MEASURE_TABLE gives E and optionally T "
                        "(T = the smaller of the land-use and the measure T). Outside measures E = 1. "
                        "With MEASURES the same run also computes the case without measures (E = 1, "
                        "land-use T) and the TABLE reports both and the reduction. Alternatively "
                        "BASELINE takes the SOIL_LOSS raster of an earlier run (same grid) as the "
                        "case to compare with."
                    ),
                ),
                self.rate_help(),
                (
                    self.tr("Intensity classes"),
                    self.tr(
                        "SL 190-2007, t/km²·a, lower bound included: 1 slight below TOLERANCE, 2 "
                        "light from TOLERANCE to below 2 500, 3 moderate from 2 500 (exactly 2 500 is "
                        "moderate), 4 intense from 5 000, 5 very intense from 8 000, 6 severe from "
                        "15 000. TOLERANCE: 200 in the northern rocky mountains (Hebei, default), 500 "
                        "in the southern red-soil hills, 1 000 on the Loess Plateau. A cell exactly "
                        "at the tolerance counts as eroded."
                    ),
                ),
                (
                    self.tr("Table"),
                    self.tr(
                        "One row per zone (polygons sharing a ZONE_FIELD value form one zone; without "
                        "zones one row for the cells with an LS value): AREA_KM2 (land area, the "
                        "denominator), SLIGHT_KM2 … SEVERE_KM2 (water erosion), ERODED_KM2 (light and above, "
                        "water or wind, counted once), ERODED_PCT, MEAN_MODULUS (t/km²·a), SOIL_LOSS_T "
                        "(t/a), SWC_RATE (% = non-eroded area / land area), TOLERANCE, and for the scenario "
                        "BASE_LOSS_T, BASE_MODULUS, BASE_ERODED_KM2, BASE_SWC_RATE, REDUCTION_T (t/a), "
                        "REDUCTION_PCT, RATE_GAIN (percentage points), BASE_SOURCE (measures or raster; "
                        "empty without a baseline); then WATER_KM2, WIND_KM2, BOTH_KM2, NODATA_KM2, "
                        "NODATA_PCT, COVER_PCT, SWC_RATE_MIN, WIND_SLIGHT_KM2 … WIND_SEVERE_KM2 (wind columns "
                        "empty without WIND) and VALUE_KM2 (cells with a soil-loss value)."
                    ),
                ),
                (
                    self.tr("Outputs and sources"),
                    self.tr(
                        "SOIL_LOSS: t/km²·a (Float32, nodata −9999; = 100 × the factor product in "
                        "t/hm²·a). INTENSITY: classes 1–6 (Byte, 0 = nodata), styled. Sources: the CSLE "
                        "(Liu, Zhang & Xie 2002), SL 190-2007 and the MWR definition of the rate; the B, E "
                        "and T tables are editable CSV files in resources/tables with a source for every "
                        "value (values not yet checked against the printed tables are marked [U])."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        raster_or_polygons = [SOURCE_RASTER, SOURCE_POLYGON]
        self.addParameter(
            QgsProcessingParameterRasterLayer(self.R, self.tr("Rainfall erosivity R (raster)"), optional=True)
        )
        self.addParameter(
            params.number(
                self.R_CONSTANT,
                self.tr("Rainfall erosivity R (constant, MJ·mm/(hm²·h·a))"),
                None,
                minimum=0.0,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterMapLayer(
                self.K,
                self.tr("Soil erodibility K (raster, or soil polygons)"),
                optional=True,
                types=raster_or_polygons,
            )
        )
        self.addParameter(
            params.field(
                self.K_FIELD, self.tr("K field of the soil polygons"), self.K, optional=True, numeric=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.K_TABLE,
                self.tr("K table for a soil-class raster (CSV code,K)"),
                extension="csv",
                optional=True,
            )
        )
        self.addParameter(
            params.number(
                self.K_CONSTANT,
                self.tr("Soil erodibility K (constant)"),
                None,
                minimum=0.0,
                maximum=1.0,
                optional=True,
            )
        )
        self.addParameter(params.dem(label=self.tr("DEM (projected, metres; for LS)"), optional=True))
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.LS, self.tr("LS factor raster (instead of the DEM)"), optional=True
            )
        )
        self.addParameter(params.max_length(is_advanced=True))
        self.addParameter(params.channel_area(is_advanced=True))
        self.addParameter(
            QgsProcessingParameterMapLayer(
                self.LANDUSE, self.tr("Land use (raster of codes, or polygons)"), types=raster_or_polygons
            )
        )
        self.addParameter(
            params.field(
                self.LANDUSE_FIELD, self.tr("Land-use code field (polygons)"), self.LANDUSE, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.LANDUSE_TABLE,
                self.tr("Land-use table: code → B, T (CSV)"),
                extension="csv",
                defaultValue=os.path.join(TABLE_DIR, standards.LANDUSE_TABLE_HEBEI),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.FVC, self.tr("Fractional vegetation cover (raster, 0–1 or %)"), optional=True
            )
        )
        self.addParameter(
            params.advanced(
                QgsProcessingParameterFile(
                    self.FVC_TABLE,
                    self.tr("FVC table: cover → B (CSV)"),
                    extension="csv",
                    defaultValue=os.path.join(TABLE_DIR, standards.FVC_TABLE),
                    optional=True,
                )
            )
        )
        self.addParameter(
            params.polygons(self.MEASURES, self.tr("Conservation measures (polygons)"), optional=True)
        )
        self.addParameter(
            params.field(self.MEASURE_FIELD, self.tr("Measure type field"), self.MEASURES, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.MEASURE_TABLE,
                self.tr("Measure table: measure → E, T (CSV)"),
                extension="csv",
                defaultValue=os.path.join(TABLE_DIR, standards.MEASURE_TABLE),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.ROTATION_ZONE,
                self.tr("Crop-rotation zone of the cropland"),
                options=self.rotation_zones(),
                defaultValue=0,
            )
        )
        self.addParameter(
            params.polygons(
                self.ROTATION_ZONES, self.tr("Crop-rotation zones (polygons, optional)"), optional=True
            )
        )
        self.addParameter(
            params.field(
                self.ROTATION_FIELD,
                self.tr("Crop-rotation zone field (一年一熟 / 一年两熟 / 一年三熟, or 1, 2, 3)"),
                self.ROTATION_ZONES,
                optional=True,
            )
        )
        self.addParameter(
            params.advanced(
                QgsProcessingParameterFile(
                    self.ROTATION_TABLE,
                    self.tr("Crop-rotation table: zone → T (CSV)"),
                    extension="csv",
                    defaultValue=os.path.join(TABLE_DIR, ROTATION_TABLE_DEFAULT),
                    optional=True,
                )
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.BASELINE,
                self.tr("Baseline soil loss to compare with (t/km²·a, optional)"),
                optional=True,
            )
        )
        self.addParameter(params.tolerance())
        self.addParameter(params.zones())
        self.addParameter(params.zone_field())
        self.add_rate_parameters()
        self.addParameter(params.block_size())
        self.addParameter(params.max_memory())
        self.addParameter(outputs.raster_output(self.SOIL_LOSS, self.tr("Soil loss (t/km²·a)")))
        self.addParameter(
            outputs.raster_output(self.INTENSITY, self.tr("Erosion intensity (SL 190)"), secondary=True)
        )
        self.addParameter(outputs.table_output(self.TABLE, self.tr("Soil loss per zone"), secondary=True))

    # -- checks ----------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, msg = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, msg
        if not parameters.get(self.R) and parameters.get(self.R_CONSTANT) in (None, ""):
            return False, self.tr(
                "The R factor is missing: give a rainfall-erosivity raster (R) or a constant (R_CONSTANT)."
            )
        if not parameters.get(self.K) and parameters.get(self.K_CONSTANT) in (None, ""):
            return False, self.tr(
                "The K factor is missing: give a K raster, soil polygons with "
                "a K field (K, K_FIELD) or a constant (K_CONSTANT)."
            )
        if not parameters.get(self.DEM) and not parameters.get(self.LS):
            return False, self.tr("The LS factor is missing: give a DEM (DEM) or an LS raster (LS).")
        if parameters.get(self.MEASURES) and not parameters.get(self.MEASURE_FIELD):
            return False, self.tr("A measure layer needs its measure type field (MEASURE_FIELD).")
        if parameters.get(self.ROTATION_ZONES) and not parameters.get(self.ROTATION_FIELD):
            return False, self.tr(
                "Crop-rotation zones need the field holding the zone (ROTATION_FIELD), e.g. 一年两熟 or 2."
            )
        problem = self.check_rate_parameters(parameters)
        if problem:
            return False, problem
        return True, ""

    # -- helpers ---------------------------------------------------------------------
    def _raster_path(self, layer, label: str) -> str:
        return inputs.gdal_path(layer, label)

    def _table(self, parameters, name, context, default: str) -> str:
        """A lookup-table path; empty means the shipped default (QGIS 3.22 does not apply
        a file parameter's default when the key is missing)."""
        path = self.parameterAsFile(parameters, name, context)
        return path or os.path.join(TABLE_DIR, default)

    def _align(self, path: str, grid: GridSpec, work: str, label: str, categorical: bool = False) -> str:
        try:
            return align_raster(path, grid, temp_path(work, label.lower()), label, categorical)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc

    # -- run -----------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        work = tempfile.mkdtemp(prefix="swc_soilloss_", dir=QgsProcessingUtils.tempFolder())
        try:
            return self._run(parameters, context, feedback, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _run(self, parameters, context, feedback, work):
        # reference grid: LS if given, else the DEM
        ls_layer = self.parameterAsRasterLayer(parameters, self.LS, context)
        if ls_layer is not None:
            if parameters.get(self.DEM):
                feedback.pushInfo(self.tr("An LS raster is given: the DEM is not used."))
            ref_layer = ls_layer
            ls_path = self._raster_path(ls_layer, "LS")
            grid = inputs.grid_of(ls_path)
        else:
            ref_layer, dem_path, grid = inputs.dem(
                self, parameters, self.DEM, context, feedback, coarse_warning=standards.COARSE_DEM_M
            )
            max_length, channel = params.slope_length_values(self, parameters, context, grid)
            feedback.pushInfo(self.tr("Computing LS from the DEM…"))
            ls_path = temp_path(work, "ls")
            self.run_core(
                ls_factor_rasters,
                feedback,
                dem_path,
                None,
                None,
                ls_path,
                max_length_m=max_length if max_length > 0 else None,
                channel_area_m2=channel,
                max_memory_mb=self.parameterAsInt(parameters, self.MAX_MEMORY, context),
                progress_span=(0, 40),
            )
        crs = ref_layer.crs()
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        try:
            intensity_bounds(tolerance)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc

        r_src = self._factor_r(parameters, context, grid, work)
        k_src = self._factor_k(parameters, context, feedback, grid, crs, work)
        landuse = self._landuse(parameters, context, feedback, grid, crs, work)
        fvc_path, fvc_table, fvc_percent = self._fvc(parameters, context, feedback, grid, work)
        measures, n_measure_polys = self._measures(parameters, context, feedback, grid, crs, work)
        baseline_path = None
        base_layer = self.parameterAsRasterLayer(parameters, self.BASELINE, context)
        if base_layer is not None:
            baseline_path = self._align(self._raster_path(base_layer, "BASELINE"), grid, work, "BASELINE")
        rotation = self._rotation(parameters, context, feedback, grid, crs, work, landuse)
        names, zone_path, _areas = inputs.zones_on_grid(
            self, parameters, context, feedback, self.ZONES, self.ZONE_FIELD, crs, grid, work
        )
        extra_m2 = self.zone_extra_m2(parameters, context, self.ZONES, self.ZONE_FIELD, crs, grid, names)
        rate_in = self.rate_inputs(parameters, context, feedback, crs, grid, work)
        out_path = outputs.raster_path(self, parameters, self.SOIL_LOSS, context)
        cls_path = outputs.raster_path(self, parameters, self.INTENSITY, context)
        block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
        feedback.pushInfo(self.tr("Computing the soil loss…"))
        result = self.run_core(
            soil_loss,
            feedback,
            Factors(
                FactorSource(path=ls_path),
                r_src,
                k_src,
                landuse,
                fvc=FvcSource(fvc_path, fvc_table, fvc_percent) if fvc_path and fvc_table else None,
                measures=measures,
                rotation=rotation,
            ),
            out_path,
            cls_path,
            baseline_path=baseline_path,
            zones=Zones(zone_path, len(names)) if zone_path else None,
            settings=Settings(tolerance, block, block),
            grid=grid,
            rate_inputs=rate_in,
            progress_span=(45 if ls_layer is None else 5, 95),
        )
        labels = {"LS": "LS", "R": "R", "K": "K", "B": "B"}
        for name, count in result.missing.items():
            feedback.pushWarning(
                self.tr(
                    "{n} cells with land use have no {factor} value and were left out; check the "
                    "extent and nodata of the {factor} input."
                ).format(n=count, factor=labels[name])
            )
        feedback.pushInfo(
            self.tr("Factor means over the cells with a value: {means}.").format(
                means=", ".join(f"{k} {v:.4g}" for k, v in result.factor_means.items())
            )
        )
        if measures is not None:
            feedback.pushInfo(self.tr("{n} measure polygons applied.").format(n=n_measure_polys))
        self._report_rotation(feedback, result.rotation_cells, result.cell_area, rotation)
        self.report_types(feedback, result.type_cells, result.cell_area)

        # table
        zone_kind = zone_field_spec(self, parameters, context, self.ZONES, self.ZONE_FIELD)
        spec = [("ZONE", zone_kind), ("AREA_KM2", FIELD_DOUBLE)]
        spec += [(f, FIELD_DOUBLE) for f in EROSION_CLASS_FIELDS]
        spec += [(f, FIELD_DOUBLE) for f in SUMMARY_FIELDS]
        spec += [("TOLERANCE", FIELD_DOUBLE)]
        spec += [(f, FIELD_DOUBLE) for f in BASE_FIELDS]
        spec += [("BASE_SOURCE", FIELD_STRING)]
        spec += rate_spec() + [("VALUE_KM2", FIELD_DOUBLE)]
        fields = fields_from_spec(spec)
        sink, table_id = outputs.table_sink(self, parameters, self.TABLE, context, fields)
        base_source = "raster" if baseline_path else ("measures" if measures is not None else None)
        rows = []
        zone_ids = range(1, len(names) + 1) if names else [0]
        for z in zone_ids:
            values = result.zone_row(z, extra_m2[z - 1] if names else 0.0)
            name = names[z - 1] if names else self.tr("All")
            row = [name, values["AREA_KM2"]]
            row += [values[f"C{c}_KM2"] for c in range(1, N_CLASSES + 1)]
            row += [values[f] for f in SUMMARY_FIELDS]
            row += [tolerance]
            row += [values[f] for f in BASE_FIELDS]
            row += [base_source]
            row += rate_values(values) + [values["VALUE_KM2"]]
            rows.append(row)
            msg = self.tr(
                "{zone}: {area:.2f} km², soil loss {loss:.1f} t/a (mean {mean:.0f} "
                "t/km²·a), eroded {eroded:.2f} km², SWC rate {rate:.2f} %"
            ).format(
                zone=name,
                area=values["AREA_KM2"],
                loss=values["SOIL_LOSS_T"],
                mean=values["MEAN_MODULUS"] or 0.0,
                eroded=values["ERODED_KM2"],
                rate=values["SWC_RATE"] if values["SWC_RATE"] is not None else float("nan"),
            )
            feedback.pushInfo(msg)
            if values["WIND_KM2"] is not None:
                feedback.pushInfo(
                    self.tr(
                        "{zone}: eroded by water {water:.4g} km², by wind {wind:.4g} km², by both {both:.4g} km²"
                    ).format(
                        zone=name, water=values["WATER_KM2"], wind=values["WIND_KM2"], both=values["BOTH_KM2"]
                    )
                )
            self.coverage_warning(feedback, name, values)
            if base_source and values["BASE_LOSS_T"] is not None:
                feedback.pushInfo(
                    self.tr(
                        "{zone}: without the change {base:.1f} t/a, reduction {red:.1f} t/a; SWC rate "
                        "{brate:.2f} % → {rate:.2f} %"
                    ).format(
                        zone=name,
                        base=values["BASE_LOSS_T"],
                        red=values["REDUCTION_T"],
                        brate=values["BASE_SWC_RATE"]
                        if values["BASE_SWC_RATE"] is not None
                        else float("nan"),
                        rate=values["SWC_RATE"] if values["SWC_RATE"] is not None else float("nan"),
                    )
                )
        outputs.add_rows(sink, fields, rows)

        outputs.style_sidecar(
            context,
            out_path,
            soil_loss_qml(tolerance),
            self.tr("Soil loss (t/km²·a)"),
            fallback="erosion_soilloss.qml",
        )
        outputs.style_sidecar(
            context,
            cls_path,
            intensity_qml(self.class_names(), tolerance),
            self.tr("Erosion intensity"),
            fallback="erosion_intensity.qml",
        )
        feedback.setProgress(100)
        return {self.SOIL_LOSS: out_path, self.INTENSITY: cls_path, self.TABLE: table_id}

    # -- factors -------------------------------------------------------------------------
    def _factor_r(self, parameters, context, grid, work) -> FactorSource:
        layer = self.parameterAsRasterLayer(parameters, self.R, context)
        if layer is not None:
            return FactorSource(path=self._align(self._raster_path(layer, "R"), grid, work, "R"))
        return FactorSource(constant=self.parameterAsDouble(parameters, self.R_CONSTANT, context))

    def _factor_k(self, parameters, context, feedback, grid, crs, work) -> FactorSource:
        layer = self.parameterAsLayer(parameters, self.K, context) if parameters.get(self.K) else None
        if layer is None:
            if parameters.get(self.K_CONSTANT) in (None, ""):
                raise self.fail(
                    self.tr(
                        "The K factor is missing: give a K raster, soil polygons "
                        "with a K field (K, K_FIELD) or a constant "
                        "(K_CONSTANT)."
                    )
                )
            return FactorSource(constant=self.parameterAsDouble(parameters, self.K_CONSTANT, context))
        if layer.type() == QgsMapLayer.LayerType.RasterLayer:
            table = self.parameterAsFile(parameters, self.K_TABLE, context)
            if table:
                path = self._align(self._raster_path(layer, "K"), grid, work, "K", categorical=True)
                try:
                    codes, values = read_value_table(table, "k")
                    present = unique_codes(path)
                except SwcError as exc:
                    raise self.fail(translate_core_error(exc)) from exc
                missing = [c for c in present if c not in set(codes.tolist())]
                if missing:
                    raise self.fail(
                        self.tr(
                            "These soil classes of the K raster are not in the K table {path}: "
                            "{codes}. Add a row (code, K) for each."
                        ).format(path=table, codes=", ".join(f"{c:g}" for c in missing[:30]))
                    )
                return FactorSource(path=path, codes=codes, values=values)
            path = self._align(self._raster_path(layer, "K"), grid, work, "K")
            return FactorSource(path=path)
        field = self.parameterAsString(parameters, self.K_FIELD, context)
        if not field:
            raise self.fail(self.tr("Soil polygons as K need the field holding the K value (K_FIELD)."))
        polys = inputs.polygons(
            self,
            parameters,
            self.K,
            context,
            crs,
            feedback,
            attributes=[field],
            label=self.tr("Soil polygons"),
        )
        values, bad = [], []
        for fid, _wkb, attrs in polys:
            try:
                v = float(attrs[0])
                if not 0.0 <= v <= 1.0:
                    raise ValueError
            except (TypeError, ValueError):
                bad.append(str(fid))
                v = float("nan")
            values.append(v)
        if bad:
            raise self.fail(
                self.tr(
                    "Soil polygons: the K field {field} is empty or outside 0–1 "
                    "for feature ids {ids}. K is in t·hm²·h/(hm²·MJ·mm), "
                    "typically 0.01–0.05."
                ).format(field=field, ids=", ".join(bad[:20]))
            )
        path = rasterize([(i + 1, wkb) for i, (_f, wkb, _a) in enumerate(polys)], grid, temp_path(work, "k"))
        set_nodata(path, 0)
        return FactorSource(
            path=path,
            codes=np.arange(1, len(polys) + 1, dtype=np.float64),
            values=np.array(values, dtype=np.float64),
        )

    def _landuse(self, parameters, context, feedback, grid, crs, work) -> LandUseSource:
        table_path = self._table(parameters, self.LANDUSE_TABLE, context, standards.LANDUSE_TABLE_HEBEI)
        try:
            table = read_landuse_table(table_path)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        layer = self.parameterAsLayer(parameters, self.LANDUSE, context)
        if layer is None or not layer.isValid():
            raise self.fail(self.tr("The land-use layer (LANDUSE) could not be loaded."))
        if layer.type() == QgsMapLayer.LayerType.RasterLayer:
            path = self._align(self._raster_path(layer, "LANDUSE"), grid, work, "LANDUSE", categorical=True)
            codes = unique_codes(path)
            if not codes:
                raise self.fail(self.tr("The land-use raster has no valid cell on the DEM/LS grid."))
            idx, missing = match_landuse(codes, table)
            if missing:
                raise self.fail(translate_core_error(unmatched_error("landuse", missing, table_path)))
            code_arr = np.array(codes, dtype=np.float64)
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
            inputs.overlapping(polys, grid, self.tr("Land use"))
            distinct: Dict[str, int] = {}
            values: List[Any] = []
            burn = []
            for _fid, wkb, attrs in polys:
                key = str(attrs[0])
                if key not in distinct:
                    distinct[key] = len(values) + 1
                    values.append(attrs[0])
                burn.append((distinct[key], wkb))
            idx, missing = match_landuse(values, table)
            if missing:
                raise self.fail(translate_core_error(unmatched_error("landuse", missing, table_path)))
            path = rasterize(burn, grid, temp_path(work, "landuse"))
            set_nodata(path, 0)
            code_arr = np.arange(1, len(values) + 1, dtype=np.float64)
        rows = [table[i] for i in idx]
        shown = codes if layer.type() == QgsMapLayer.LayerType.RasterLayer else values
        feedback.pushInfo(
            self.tr("Land-use codes and factors: {items}.").format(
                items="; ".join(
                    "{} → {} (B {:g}, T {:g}{})".format(
                        code_text(c), r.code, r.b, r.t, ", " + r.cover if r.cover else ""
                    )
                    for c, r in zip(shown, rows)
                )
            )
        )
        return LandUseSource(
            path=path,
            codes=code_arr,
            b=np.array([r.b for r in rows]),
            t=np.array([r.t for r in rows]),
            cover=[r.cover for r in rows],
            rotation=np.array([r.rotation for r in rows], dtype=bool),
        )

    def _rotation(self, parameters, context, feedback, grid, crs, work, landuse: LandUseSource):
        """The crop-rotation T of the cropland rows: ROTATION_ZONE, and ROTATION_ZONES per polygon."""
        choice = self.parameterAsEnum(parameters, self.ROTATION_ZONE, context)
        code = ROTATION_CODES[choice] if 0 <= choice < len(ROTATION_CODES) else None
        has_polys = bool(parameters.get(self.ROTATION_ZONES))
        if code is None and not has_polys:
            return None
        table_path = self._table(parameters, self.ROTATION_TABLE, context, ROTATION_TABLE_DEFAULT)
        try:
            table = read_rotation_table(table_path)
            default = rotation_row(table, code) if code else None
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        if landuse.rotation is None or not landuse.rotation.any():
            feedback.pushWarning(
                self.tr(
                    "A crop-rotation zone is given but no land-use code present has rotation = yes in the "
                    "land-use table: T is unchanged."
                )
            )
            return None
        if default is not None:
            feedback.pushInfo(
                self.tr("Cropland T = {t:g} ({zone}; {source}).").format(
                    t=default.t,
                    zone=default.names[1] if len(default.names) > 1 else default.code,
                    source=default.source or table_path,
                )
            )
        if not has_polys:
            return RotationSource(t_default=default.t if default else None)
        field = self.parameterAsString(parameters, self.ROTATION_FIELD, context)
        if not field:
            raise self.fail(
                self.tr(
                    "Crop-rotation zones need the field holding the zone (ROTATION_FIELD), e.g. 一年两熟 or 2."
                )
            )
        polys = inputs.polygons(
            self,
            parameters,
            self.ROTATION_ZONES,
            context,
            crs,
            feedback,
            attributes=[field],
            required=False,
            label=self.tr("Crop-rotation zones"),
        )
        if not polys:
            return RotationSource(t_default=default.t if default else None)
        idx, missing = match_rotation([a[0] for _f, _w, a in polys], table)
        if missing:
            raise self.fail(
                self.tr(
                    "Crop-rotation zones: the field {field} holds {values}, which are not zones of {path}. "
                    "Use {names}."
                ).format(
                    field=field,
                    values=inputs.short_list(sorted(set(missing))),
                    path=table_path,
                    names="; ".join(" / ".join(z.names) for z in table),
                )
            )
        path = rasterize(
            [(i + 1, wkb) for i, (_f, wkb, _a) in enumerate(polys)], grid, temp_path(work, "rotation")
        )
        t = np.array([np.nan] + [table[j].t for j in idx], dtype=np.float64)
        feedback.pushInfo(
            self.tr("Crop-rotation zones: {items}.").format(
                items="; ".join(
                    sorted(
                        {
                            f"{table[j].names[1] if len(table[j].names) > 1 else table[j].code} T {table[j].t:g}"
                            for j in idx
                        }
                    )
                )
            )
        )
        return RotationSource(t_default=default.t if default else None, path=path, t=t)

    def _report_rotation(self, feedback, cells: Dict[int, int], cell_area: float, rotation) -> None:
        if rotation is None or not cells:
            return
        inside = sum(v for k, v in cells.items() if k > 0) * cell_area / 1e6
        outside = cells.get(0, 0) * cell_area / 1e6
        if rotation.path:
            feedback.pushInfo(
                self.tr(
                    "Cropland with the crop-rotation T of its zone polygon: {inside:.4g} km²; outside the "
                    "polygons ({rule}): {outside:.4g} km²."
                ).format(
                    inside=inside,
                    outside=outside,
                    rule=self.tr("the chosen zone")
                    if rotation.t_default is not None
                    else self.tr("the table's T"),
                )
            )
        else:
            feedback.pushInfo(
                self.tr("Cropland with the crop-rotation T: {km2:.4g} km².").format(km2=outside)
            )

    def _fvc(self, parameters, context, feedback, grid, work):
        layer = self.parameterAsRasterLayer(parameters, self.FVC, context)
        if layer is None:
            return None, None, False
        path = self._align(self._raster_path(layer, "FVC"), grid, work, "FVC")
        try:
            table = read_fvc_table(self._table(parameters, self.FVC_TABLE, context, standards.FVC_TABLE))
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        percent, maximum = fvc_unit(path)
        feedback.pushInfo(
            self.tr("FVC read as {unit} (maximum {max:g}).").format(
                unit=self.tr("percent") if percent else self.tr("fraction"), max=maximum
            )
        )
        return path, table, percent

    def _measures(self, parameters, context, feedback, grid, crs, work):
        if not parameters.get(self.MEASURES):
            return None, 0
        field = self.parameterAsString(parameters, self.MEASURE_FIELD, context)
        table_path = self._table(parameters, self.MEASURE_TABLE, context, standards.MEASURE_TABLE)
        try:
            table = read_measure_table(table_path)
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        polys = inputs.polygons(
            self,
            parameters,
            self.MEASURES,
            context,
            crs,
            feedback,
            attributes=[field],
            required=False,
            label=self.tr("Measures"),
        )
        if not polys:
            return None, 0
        idx, missing = match_measures([a[0] for _f, _w, a in polys], table)
        if missing:
            raise self.fail(translate_core_error(unmatched_error("measure", missing, table_path)))
        e, t = measure_factors(idx, table)
        path = rasterize(
            [(i + 1, wkb) for i, (_f, wkb, _a) in enumerate(polys)], grid, temp_path(work, "measures")
        )
        return MeasureSource(path=path, e=e, t=t), len(polys)
