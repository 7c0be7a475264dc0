"""swcplanner:keyzones — candidate key prevention and key treatment zones (重点预防区 / 重点治理区) by unit."""

from __future__ import annotations

import shutil
import tempfile

from osgeo import gdal
from qgis.core import QgsApplication, QgsProcessingParameterRasterLayer, QgsProcessingUtils, QgsWkbTypes

from . import inputs, outputs, params
from .base import GROUP_EROSION, SwcAlgorithm, translate_core_error
from .core.erosion.factors import fvc_unit
from .core.errors import SwcError
from .core.io.raster import align_raster
from .core.io.vector import rasterize, temp_path
from .core.keyzones import (
    NONE,
    PREVENTION,
    TREATMENT,
    ZONE_CODES,
    ZONE_NAMES_ZH,
    KeyZoneCriteria,
    classify_units,
    unit_indicators,
)
from .outputs import EROSION_CLASS_FIELDS, FIELD_DOUBLE, FIELD_INT, FIELD_STRING, fields_from_spec
from .styles import categorized_fill_qml

ZONE_COLORS = {TREATMENT: "#d7191c", PREVENTION: "#1a9641", NONE: "#dddddd"}

#: Threshold parameters → the field of :class:`KeyZoneCriteria` they set (all unverified [U]).
CRITERIA_PARAMS = (
    ("TREAT_ERODED_PCT", "treat_eroded_pct"),
    ("TREAT_MODERATE_PCT", "treat_moderate_pct"),
    ("PREVENT_WATER_PCT", "prevent_water_pct"),
    ("PREVENT_BAN_PCT", "prevent_ban_pct"),
    ("PREVENT_FVC_PCT", "prevent_fvc_pct"),
    ("PREVENT_ERODED_MAX_PCT", "prevent_eroded_max_pct"),
    ("MIN_COVERAGE_PCT", "min_coverage_pct"),
)


def _r(value, digits=3):
    return None if value is None else round(float(value), digits)


class KeyZonesAlgorithm(SwcAlgorithm):
    """Indicators and the candidate class (重点预防区 / 重点治理区 / none) of each unit."""

    ALG_ID = "keyzones"
    GROUP_ID = GROUP_EROSION

    UNITS = "UNITS"
    UNIT_FIELD = "UNIT_FIELD"
    INTENSITY = "INTENSITY"
    FVC = "FVC"
    WATER_SOURCES = "WATER_SOURCES"
    BAN = "BAN"
    TREAT_ERODED_PCT = "TREAT_ERODED_PCT"
    TREAT_MODERATE_PCT = "TREAT_MODERATE_PCT"
    PREVENT_WATER_PCT = "PREVENT_WATER_PCT"
    PREVENT_BAN_PCT = "PREVENT_BAN_PCT"
    PREVENT_FVC_PCT = "PREVENT_FVC_PCT"
    PREVENT_ERODED_MAX_PCT = "PREVENT_ERODED_MAX_PCT"
    MIN_COVERAGE_PCT = "MIN_COVERAGE_PCT"
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Key prevention and treatment zones (candidates by unit)")

    def zone_label(self, code):
        return {
            TREATMENT: self.tr("key treatment zone"),
            PREVENTION: self.tr("key prevention zone"),
            NONE: self.tr("neither"),
        }[code]

    def criteria_labels(self):
        return {
            self.TREAT_ERODED_PCT: self.tr("Treatment: eroded area (light or above) from (% of the unit)"),
            self.TREAT_MODERATE_PCT: self.tr("Treatment: area at moderate or above from (% of the unit)"),
            self.PREVENT_WATER_PCT: self.tr(
                "Prevention: water-source and river-head area from (% of the unit)"
            ),
            self.PREVENT_BAN_PCT: self.tr("Prevention: banned steep slopes from (% of the unit)"),
            self.PREVENT_FVC_PCT: self.tr("Prevention: mean vegetation cover from (%)"),
            self.PREVENT_ERODED_MAX_PCT: self.tr("Prevention by cover: eroded area below (% of the unit)"),
            self.MIN_COVERAGE_PCT: self.tr("Least share of the unit with an intensity class (%)"),
        }

    def help_html(self):
        return self.format_help(
            self.tr(
                "Proposes, unit by unit (townships or any polygons), candidates for the key prevention "
                "zones (水土流失重点预防区) and the key treatment zones (水土流失重点治理区) that each "
                "level adjusts (Hebei 若干措施 2023 §二(一)), from the erosion intensity, the vegetation "
                "cover, water-source and river-head areas and the steep-slope ban. The result is a "
                "proposal for the planner: the division itself follows the provincial rules."
            ),
            [
                (
                    self.tr("Basis"),
                    self.tr(
                        "SWC Law (2010) Art. 12: areas with a large potential risk of soil erosion are "
                        "delimited as key prevention zones, areas with severe erosion as key treatment "
                        "zones. The guide is SL 717-2015 (水土流失重点防治区划分导则); its thresholds were "
                        "not available to the authors, so every threshold here is a parameter whose "
                        "default is a proposal to check against the guide and the provincial rules. "
                        "Provincial divisions take the township as the unit (Guizhou, Jiangsu) and use the "
                        "share of slight erosion, the potential-risk share and the forest-grass cover for "
                        "prevention and the erosion intensity for treatment (Guangdong 2018)."
                    ),
                ),
                (
                    self.tr("Indicators"),
                    self.tr(
                        "INTENSITY: the SL 190-2007 water-erosion classes 1 微度 … 6 剧烈 (e.g. the "
                        "INTENSITY output of Soil loss); cells of other values are unclassified. Per unit "
                        "(cells whose centre lies in it): area per class, ERODED_PCT (light or above = "
                        "水土流失面积) and MODERATE_PCT (moderate or above) of the classified area, "
                        "SLIGHT_PCT (水土流失轻微率), COVER_PCT (classified share of the unit); FVC_MEAN "
                        "(mean vegetation cover, %, a stand-in for the forest-grass cover; fractions "
                        "0–1 or percent, told apart by the maximum); WATER_PCT (share in WATER_SOURCES: "
                        "drinking-water protection areas, river-head areas); BAN_PCT (share in BAN: the "
                        "OUTPUT of No-reclamation steep slopes)."
                    ),
                ),
                (
                    self.tr("Classes"),
                    self.tr(
                        "Key treatment (treatment): ERODED_PCT ≥ TREAT_ERODED_PCT (default 30) or "
                        "MODERATE_PCT ≥ TREAT_MODERATE_PCT (10). Key prevention (prevention), for a unit "
                        "that is not treatment: WATER_PCT ≥ PREVENT_WATER_PCT (20), or BAN_PCT ≥ "
                        "PREVENT_BAN_PCT (20), or FVC_MEAN ≥ PREVENT_FVC_PCT (60) with ERODED_PCT < "
                        "PREVENT_ERODED_MAX_PCT (15). Otherwise none; also none where COVER_PCT < "
                        "MIN_COVERAGE_PCT (50). Treatment comes first; TREAT_MET and PREV_MET say which "
                        "criteria a unit meets, REASONS which (eroded, moderate, water, ban, cover, "
                        "nodata). All defaults are unverified proposals [U]."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: the units with UNIT, AREA_KM2, COVER_PCT, SLIGHT_KM2 … SEVERE_KM2, "
                        "ERODED_KM2, ERODED_PCT, MODERATE_PCT, SLIGHT_PCT, FVC_MEAN, WATER_PCT, BAN_PCT, "
                        "TREAT_MET, PREV_MET, ZONE_CLASS (stable code: treatment / prevention / none), "
                        "ZONE_NAME (重点治理区 / 重点预防区, the official names in every language), "
                        "ZONE_LABEL (translated) and REASONS; styled by ZONE_CLASS."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.polygons(self.UNITS, self.tr("Units (e.g. townships)")))
        self.addParameter(params.field(self.UNIT_FIELD, self.tr("Unit name field"), self.UNITS))
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.INTENSITY, self.tr("Erosion intensity (SL 190 classes 1–6)"), None, False
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.FVC, self.tr("Vegetation cover FVC (fraction or %)"), None, True
            )
        )
        self.addParameter(
            params.polygons(
                self.WATER_SOURCES,
                self.tr("Water-source protection and river-head areas"),
                optional=True,
            )
        )
        self.addParameter(
            params.polygons(self.BAN, self.tr("Banned steep slopes (steepslopeban OUTPUT)"), optional=True)
        )
        defaults = KeyZoneCriteria()
        labels = self.criteria_labels()
        for name, attr in CRITERIA_PARAMS:
            self.addParameter(
                params.number(name, labels[name], getattr(defaults, attr), minimum=0.0, maximum=100.0)
            )
        self.addParameter(params.block_size())
        self.addParameter(
            outputs.sink_output(
                self.OUTPUT, self.tr("Units with indicators and key-zone class"), params.SOURCE_POLYGON
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layer, path = inputs.raster(self, parameters, self.INTENSITY, context)
        grid = inputs.grid_of(path)
        crs = layer.crs()
        field = self.parameterAsString(parameters, self.UNIT_FIELD, context)
        units = inputs.polygons(
            self, parameters, self.UNITS, context, crs, feedback, attributes=[field], label=self.tr("Units")
        )
        inputs.overlapping(units, grid, self.tr("Units"))
        criteria = KeyZoneCriteria(
            **{attr: self.parameterAsDouble(parameters, name, context) for name, attr in CRITERIA_PARAMS}
        )
        work = tempfile.mkdtemp(prefix="swc_keyzones_", dir=QgsProcessingUtils.tempFolder())
        try:
            unit_raster = rasterize(
                [(i + 1, wkb) for i, (_f, wkb, _a) in enumerate(units)], grid, temp_path(work, "units")
            )
            fvc_path, fvc_percent = None, False
            fvc = inputs.raster(self, parameters, self.FVC, context, required=False)
            if fvc is not None:
                try:
                    fvc_path = align_raster(fvc[1], grid, temp_path(work, "fvc"), "FVC")
                    fvc_percent, maximum = fvc_unit(fvc_path)
                except SwcError as exc:
                    raise self.fail(translate_core_error(exc)) from exc
                feedback.pushInfo(
                    self.tr("FVC read as {unit} (maximum {max:g}).").format(
                        unit=self.tr("percent") if fvc_percent else self.tr("fractions 0–1"), max=maximum
                    )
                )
            masks = {}
            for name, label in (
                (self.WATER_SOURCES, self.tr("Water-source areas")),
                (self.BAN, self.tr("Banned steep slopes")),
            ):
                polys = inputs.polygons(
                    self, parameters, name, context, crs, feedback, required=False, label=label
                )
                masks[name] = (
                    None
                    if polys is None
                    else rasterize(
                        [(1, w) for _f, w, _a in polys], grid, temp_path(work, name.lower()), gdal.GDT_Byte
                    )
                )
            block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
            feedback.pushInfo(self.tr("Indicators of {n} units…").format(n=len(units)))
            indicators = self.run_core(
                unit_indicators,
                feedback,
                path,
                unit_raster,
                len(units),
                fvc_path=fvc_path,
                fvc_percent=fvc_percent,
                water_raster=masks[self.WATER_SOURCES],
                ban_raster=masks[self.BAN],
                block_rows=block,
                block_cols=block,
                progress_span=(0, 90),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        classes = classify_units(indicators, criteria)
        return self._write(parameters, context, feedback, units, indicators, classes, crs)

    def _write(self, parameters, context, feedback, units, indicators, classes, crs):
        source = inputs.source(self, parameters, self.UNITS, context)
        unit_qfield = source.fields().field(self.parameterAsString(parameters, self.UNIT_FIELD, context))
        fields = fields_from_spec(
            [("UNIT", unit_qfield), ("AREA_KM2", FIELD_DOUBLE), ("COVER_PCT", FIELD_DOUBLE)]
            + [(f, FIELD_DOUBLE) for f in EROSION_CLASS_FIELDS]
            + [
                ("ERODED_KM2", FIELD_DOUBLE),
                ("ERODED_PCT", FIELD_DOUBLE),
                ("MODERATE_PCT", FIELD_DOUBLE),
                ("SLIGHT_PCT", FIELD_DOUBLE),
                ("FVC_MEAN", FIELD_DOUBLE),
                ("WATER_PCT", FIELD_DOUBLE),
                ("BAN_PCT", FIELD_DOUBLE),
                ("TREAT_MET", FIELD_INT),
                ("PREV_MET", FIELD_INT),
                ("ZONE_CLASS", FIELD_STRING),
                ("ZONE_NAME", FIELD_STRING),
                ("ZONE_LABEL", FIELD_STRING),
                ("REASONS", FIELD_STRING),
            ]
        )
        sink, out_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        rows, geoms = [], []
        counts = dict.fromkeys(ZONE_CODES, 0)
        for (_fid, wkb, attrs), ind, (code, treat, prevent, reasons) in zip(units, indicators, classes):
            counts[code] += 1
            rows.append(
                [attrs[0], _r(ind.area_km2, 6), _r(ind.coverage_pct, 2)]
                + [_r(ind.class_km2(k), 6) for k in range(1, 7)]
                + [
                    _r(ind.eroded_km2, 6),
                    _r(ind.eroded_pct, 2),
                    _r(ind.moderate_pct, 2),
                    _r(ind.slight_pct, 2),
                    _r(ind.fvc_mean, 2),
                    _r(ind.water_pct, 2),
                    _r(ind.ban_pct, 2),
                    int(treat),
                    int(prevent),
                    code,
                    ZONE_NAMES_ZH[code] or None,
                    self.zone_label(code),
                    ",".join(reasons) or None,
                ]
            )
            geoms.append(_multi(wkb))
        outputs.add_rows(sink, fields, rows, geoms)
        feedback.pushInfo(
            self.tr("{t} key treatment, {p} key prevention, {n} other units.").format(
                t=counts[TREATMENT], p=counts[PREVENTION], n=counts[NONE]
            )
        )
        zh = QgsApplication.locale().lower().startswith("zh")
        qml = categorized_fill_qml(
            "ZONE_CLASS",
            [
                (c, ZONE_COLORS[c], (ZONE_NAMES_ZH[c] or self.zone_label(c)) if zh else self.zone_label(c))
                for c in ZONE_CODES
            ],
        )
        outputs.style_sidecar(
            context,
            self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
            qml,
            self.tr("Key prevention and treatment zones"),
            layer_id=out_id,
            fallback="keyzones.qml",
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out_id}


def _multi(wkb: bytes) -> bytes:
    """A polygon's WKB as a multipolygon (the output is MultiPolygon)."""
    from osgeo import ogr

    return bytes(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(bytes(wkb))).ExportToWkb())
