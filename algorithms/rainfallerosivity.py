"""swcplanner:rainfallerosivity — R from station daily rainfall (Zhang, Xie & Liu 2002), gridded."""

from __future__ import annotations

import shutil
import tempfile
from typing import Any, Dict, List

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from . import inputs, outputs, params
from .base import GROUP_EROSION, SwcAlgorithm, translate_core_error
from .core.erosion import erosivity as ev
from .core.errors import SwcError
from .core.grid import GridSpec
from .outputs import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, fields_from_spec
from .styles import pseudocolor_raster_qml

COEFFICIENTS_DEFAULT = ", ".join(f"{c:g}" for c in ev.COEFFICIENTS_ZHANG2002)
#: Legend classes of R (MJ·mm/(hm²·h·a)); Hebei spans about 1 000–5 000 (domain-review S7).
R_LEGEND = (500, 1000, 1500, 2000, 3000, 4000, 5000, 7000)
R_COLORS = ("#ffffcc", "#d9f0a3", "#addd8e", "#78c679", "#41ab5d", "#238443", "#006837", "#004529")


def r_qml() -> str:
    """Discrete R legend (upper bound of each class)."""
    stops = []
    lower = 0
    for upper, color in zip(R_LEGEND, R_COLORS):
        stops.append((float(upper), color, f"{lower} – {upper}"))
        lower = upper
    stops.append((1.0e9, "#002a1a", f"≥ {R_LEGEND[-1]}"))
    return pseudocolor_raster_qml(stops)


def _text(value: Any) -> str:
    """Station ids and dates of any attribute type as text (54511.0 → "54511", QDate → ISO)."""
    if value is None:
        return ""
    if isinstance(value, QDateTime):
        return value.date().toString(Qt.DateFormat.ISODate) if value.isValid() else ""
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isNull") and value.isNull():
        return ""
    return str(value).strip()


class RainfallErosivityAlgorithm(SwcAlgorithm):
    """Mean annual rainfall erosivity of each station from daily rainfall, interpolated onto a grid."""

    ALG_ID = "rainfallerosivity"
    GROUP_ID = GROUP_EROSION

    RAINFALL = "RAINFALL"
    STATION_FIELD = "STATION_FIELD"
    DATE_FIELD = "DATE_FIELD"
    RAIN_FIELD = "RAIN_FIELD"
    STATIONS = "STATIONS"
    GRID = "GRID"
    METHOD = "METHOD"
    CELL_SIZE = "CELL_SIZE"
    IDW_POWER = "IDW_POWER"
    MIN_COVERAGE = "MIN_COVERAGE"
    THRESHOLD = "THRESHOLD"
    COEFFICIENTS = "COEFFICIENTS"
    BLOCK_SIZE = params.BLOCK_SIZE
    OUTPUT = "OUTPUT"
    STATION_TABLE = "STATION_TABLE"

    def displayName(self):  # noqa: N802
        return self.tr("Rainfall erosivity R from daily rainfall")

    def methods(self):
        return [self.tr("Inverse distance (IDW)"), self.tr("Linear (Delaunay triangles)")]

    def help_html(self):
        return self.format_help(
            self.tr(
                "Computes the rainfall erosivity R (MJ·mm/(hm²·h·a)) of each rain-gauge station from "
                "its daily rainfall and interpolates it onto a grid, for the R factor of the soil-loss "
                "algorithm."
            ),
            [
                (
                    self.tr("Method"),
                    self.tr(
                        "Half-month model of Zhang Wenbo, Xie Yun and Liu Baoyuan (2002, 地理科学 22(6): "
                        "705–711): M = α Σ P^β over the erosive days (P ≥ 12 mm) of each half-month "
                        "(days 1–15 and 16–end); β = 0.8363 + 18.144/P_d12 + 24.455/P_y12, α = 21.586 "
                        "β^−7.1891, with P_d12 the mean rainfall of the erosive days and P_y12 the mean "
                        "yearly rainfall of the erosive days of the station. The annual R is the sum of "
                        "the 24 half-months; the station's R is the mean over its usable years. The 12 mm "
                        "threshold and the model's form are from the paper's abstract; the five "
                        "coefficients are the values quoted in the project's domain reference, not yet "
                        "checked against the printed paper: they are the parameter COEFFICIENTS."
                    ),
                ),
                (
                    self.tr("Years with gaps"),
                    self.tr(
                        "A station-year is used when rows with a value cover at least MIN_COVERAGE % of "
                        "its days (default 95 %); days without a row in a used year count as dry. Shorter "
                        "years are left out and listed in the log. For a table that lists only the rainy "
                        "days, set MIN_COVERAGE to 0. Empty or negative rainfall and the CMA codes "
                        "(32766 missing) are missing values; the CMA trace code 32700 is 0 mm. A used year "
                        "without an erosive day counts with R = 0 and is listed."
                    ),
                ),
                (
                    self.tr("Inputs"),
                    self.tr(
                        "RAINFALL: a table (CSV, xlsx, GeoPackage) or layer with one row per station and "
                        "day: STATION_FIELD, DATE_FIELD (a date field or ISO text YYYY-MM-DD; YYYYMMDD "
                        "and YYYY/M/D are read too) and RAIN_FIELD (daily total, mm). STATIONS: the "
                        "stations as points, with a field of the same name as STATION_FIELD. GRID "
                        "(optional): the R raster takes its grid and CRS, and its nodata cells stay "
                        "nodata (give the DEM of the soil-loss run); without GRID the raster covers the "
                        "stations plus 10 % at CELL_SIZE metres in the stations' CRS, which must then be "
                        "projected."
                    ),
                ),
                (
                    self.tr("Interpolation"),
                    self.tr(
                        "GDAL's gridding (as gdal_grid), at cell centres: METHOD 0 inverse distance to "
                        "the power IDW_POWER (default 2) over all stations; METHOD 1 linear in the "
                        "Delaunay triangles, where cells outside the stations' convex hull take the "
                        "nearest station's R. The log gives the share of cells outside the hull: add "
                        "stations beyond the boundary where it is large."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "OUTPUT: R raster (Float32, nodata −9999), styled. STATION_TABLE: one point per "
                        "station with R, YEARS, FIRST_YEAR, LAST_YEAR, P_D12, P_Y12, ALPHA, BETA, "
                        "EROSIVE_DAYS, MISSING_DAYS, DROPPED_YEARS, DRY_YEARS, R_GRID (the raster at the "
                        "station) and the mean half-month R_HM01 … R_HM24."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.RAINFALL,
                self.tr("Daily rainfall (table or layer: one row per station and day)"),
                [params.SOURCE_TABLE],
            )
        )
        self.addParameter(params.field(self.STATION_FIELD, self.tr("Station id field"), self.RAINFALL))
        self.addParameter(params.field(self.DATE_FIELD, self.tr("Date field"), self.RAINFALL))
        self.addParameter(
            params.field(
                self.RAIN_FIELD, self.tr("Daily rainfall field (mm)"), self.RAINFALL
            )  # any type: CSV fields read by OGR are text
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.STATIONS, self.tr("Stations (points with the station id field)"), [params.SOURCE_POINT]
            )
        )
        self.addParameter(
            params.dem(self.GRID, self.tr("Grid of the R raster (e.g. the DEM)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.METHOD, self.tr("Interpolation"), self.methods(), False, 0)
        )
        self.addParameter(
            params.number(
                self.CELL_SIZE,
                self.tr("Cell size without a grid (m)"),
                1000.0,
                minimum=1.0,
                is_advanced=True,
            )
        )
        self.addParameter(
            params.number(
                self.IDW_POWER, self.tr("IDW power"), 2.0, minimum=0.1, maximum=10.0, is_advanced=True
            )
        )
        self.addParameter(
            params.number(
                self.MIN_COVERAGE,
                self.tr("Minimum year coverage (% of days with a row; 0 = rainy days only)"),
                ev.MIN_YEAR_COVERAGE_PCT,
                minimum=0.0,
                maximum=100.0,
                is_advanced=True,
            )
        )
        self.addParameter(
            params.number(
                self.THRESHOLD,
                self.tr("Erosive day threshold (mm)"),
                ev.EROSIVE_DAY_MM,
                minimum=0.1,
                maximum=100.0,
                is_advanced=True,
            )
        )
        self.addParameter(
            params.advanced(
                QgsProcessingParameterString(
                    self.COEFFICIENTS,
                    self.tr("Model coefficients B0, BD, BY, A, E (β = B0 + BD/P_d12 + BY/P_y12, α = A·β^E)"),
                    COEFFICIENTS_DEFAULT,
                )
            )
        )
        self.addParameter(params.block_size(self.BLOCK_SIZE))
        self.addParameter(outputs.raster_output(self.OUTPUT, self.tr("Rainfall erosivity R")))
        self.addParameter(
            outputs.sink_output(
                self.STATION_TABLE, self.tr("Station erosivity"), params.SOURCE_POINT, secondary=True
            )
        )

    # -- reading -------------------------------------------------------------------------------
    def _daily_rows(self, parameters, context, feedback):
        src = inputs.source(self, parameters, self.RAINFALL, context, self.tr("Daily rainfall"))
        names = [
            self.parameterAsString(parameters, n, context)
            for n in (self.STATION_FIELD, self.DATE_FIELD, self.RAIN_FIELD)
        ]
        idx = inputs.require_fields(src, names, self.tr("Daily rainfall"))
        request = QgsFeatureRequest()
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes(idx)
        total = max(src.featureCount(), 1)
        ids: List[str] = []
        dates: List[str] = []
        rain: List[Any] = []
        for i, feature in enumerate(src.getFeatures(request)):
            if i % 20000 == 0:
                if feedback.isCanceled():
                    raise self.fail(self.tr("Cancelled by the user; no output was written."))
                feedback.setProgress(25.0 * i / total)
            attrs = feature.attributes()
            ids.append(_text(attrs[idx[0]]))
            dates.append(_text(attrs[idx[1]]))
            value = attrs[idx[2]]
            rain.append(None if value is None or (hasattr(value, "isNull") and value.isNull()) else value)
        feedback.pushInfo(self.tr("Read {n} daily rows.").format(n=len(ids)))
        return names[0], ids, dates, rain

    def _station_points(self, parameters, context, feedback, id_field, crs):
        label = self.tr("Stations")
        src = inputs.source(self, parameters, self.STATIONS, context, label)
        inputs.require_geometry(src, QgsWkbTypes.GeometryType.PointGeometry, label)
        if src.fields().lookupField(id_field) < 0:
            raise self.fail(
                self.tr(
                    "The stations layer has no field “{field}” (the station id field of the rainfall "
                    "table). Available fields: {fields}. Rename the field so both layers share it."
                ).format(field=id_field, fields=", ".join(src.fields().names()))
            )
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        points: Dict[str, Any] = {}
        duplicates = []
        for feature in src.getFeatures(request):
            sid = _text(feature[id_field])
            geom = feature.geometry()
            point = None
            if geom is not None and not geom.isEmpty():
                p = geom.asMultiPoint()[0] if geom.isMultipart() else geom.asPoint()
                point = (p.x(), p.y())
            if sid in points:
                duplicates.append(sid)
            points[sid] = point
        if duplicates:
            raise self.fail(
                self.tr(
                    "The stations layer has more than one point for stations {ids}. Keep one per station."
                ).format(ids=inputs.short_list(sorted(set(duplicates))))
            )
        return points

    # -- run -----------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        method = self.parameterAsEnum(parameters, self.METHOD, context)
        try:
            coefficients = ev.parse_coefficients(
                self.parameterAsString(parameters, self.COEFFICIENTS, context),
                self.parameterAsDouble(parameters, self.THRESHOLD, context),
            )
            ev.grid_algorithm(method, self.parameterAsDouble(parameters, self.IDW_POWER, context))
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        grid_input = inputs.raster(self, parameters, self.GRID, context, required=False)
        grid_path = None
        if grid_input is not None:
            grid_layer, grid_path = grid_input
            grid = inputs.grid_of(grid_path)
            crs = grid_layer.crs()
        else:
            stations_src = inputs.source(self, parameters, self.STATIONS, context, self.tr("Stations"))
            crs = stations_src.sourceCrs()
            if not crs.isValid() or crs.isGeographic():
                raise self.fail(
                    self.tr(
                        "Without GRID the R raster is built in the stations' CRS, which is {crs}: give a "
                        "GRID raster (e.g. the DEM) or stations in a projected CRS (e.g. CGCS2000 "
                        "Gauss-Krüger)."
                    ).format(crs=crs.authid() or self.tr("unknown"))
                )
            grid = None

        id_field, ids, dates, rain = self._daily_rows(parameters, context, feedback)
        min_cov = self.parameterAsDouble(parameters, self.MIN_COVERAGE, context)
        result = self.run_core(
            ev.station_erosivity,
            feedback,
            ids,
            dates,
            rain,
            coefficients=coefficients,
            min_coverage=min_cov,
            progress_span=(25, 35),
        )
        self._report(result, feedback, min_cov)

        points = self._station_points(parameters, context, feedback, id_field, crs)
        no_point = [s for s in result.stations if points.get(s) is None]
        if no_point:
            raise self.fail(
                self.tr(
                    "Stations {ids} have daily rows but no location: the stations layer has no point "
                    "with that id, or its geometry is empty. Add their points (same id in the field "
                    "“{field}”) or remove their rows from the rainfall table."
                ).format(ids=inputs.short_list(no_point), field=id_field)
            )
        unused = sorted(set(points) - set(result.stations))
        if unused:
            feedback.pushWarning(
                self.tr("Stations without daily rows are ignored: {ids}.").format(
                    ids=inputs.short_list(unused)
                )
            )
        keep = [i for i, s in enumerate(result.stations) if result.r[i] == result.r[i]]  # not NaN
        xs = [points[result.stations[i]][0] for i in keep]
        ys = [points[result.stations[i]][1] for i in keep]
        values = [float(result.r[i]) for i in keep]
        if grid is None:
            try:
                grid = ev.grid_around_points(
                    xs, ys, self.parameterAsDouble(parameters, self.CELL_SIZE, context), crs.toWkt()
                )
                grid.check_usable()
            except SwcError as exc:
                raise self.fail(translate_core_error(exc)) from exc
        ext = grid.extent
        outside = [
            result.stations[i]
            for i, x, y in zip(keep, xs, ys)
            if not (ext[0] <= x <= ext[2] and ext[1] <= y <= ext[3])
        ]
        if outside:
            feedback.pushInfo(
                self.tr(
                    "Stations outside the grid (they still take part in the interpolation): {ids}."
                ).format(ids=inputs.short_list(outside))
            )
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        block = self.parameterAsInt(parameters, self.BLOCK_SIZE, context)
        work = tempfile.mkdtemp(prefix="swc_r_", dir=QgsProcessingUtils.tempFolder())
        try:
            grid_res = self.run_core(
                ev.interpolate_r,
                feedback,
                xs,
                ys,
                values,
                GridSpec(grid.geotransform, grid.shape, ev.R_NODATA, grid.crs_wkt),
                out_path,
                method=method,
                power=self.parameterAsDouble(parameters, self.IDW_POWER, context),
                mask_path=grid_path,
                block_rows=block,
                block_cols=block,
                work_dir=work,
                metadata={
                    "R_MODEL": "Zhang, Xie & Liu 2002 (地理科学 22(6)) half-month daily-rainfall model",
                    "R_COEFFICIENTS": self.parameterAsString(parameters, self.COEFFICIENTS, context),
                    "R_THRESHOLD_MM": f"{coefficients.threshold:g}",
                    "R_METHOD": ["invdist", "linear"][method],
                    "R_STATIONS": str(len(values)),
                    "R_UNITS": "MJ mm hm-2 h-1 a-1",
                },
                progress_span=(40, 95),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if grid_res.valid_cells:
            share = 100.0 * grid_res.outside_hull_cells / grid_res.valid_cells
            feedback.pushInfo(
                self.tr(
                    "R raster: {n} cells, {lo:.0f}–{hi:.0f} MJ·mm/(hm²·h·a), mean {mean:.0f}; {share:.1f} % "
                    "of the cells lie outside the stations' convex hull (extrapolated)."
                ).format(
                    n=grid_res.valid_cells,
                    lo=grid_res.r_min,
                    hi=grid_res.r_max,
                    mean=grid_res.r_mean,
                    share=share,
                )
            )
            if share > 10.0:
                feedback.pushWarning(
                    self.tr(
                        "{share:.0f} % of the grid lies outside the stations' convex hull: R there is "
                        "extrapolated. Add stations around the area (e.g. from neighbouring counties)."
                    ).format(share=share)
                )
        else:
            feedback.pushWarning(self.tr("The R raster has no valid cell (the GRID raster is all nodata)."))

        table_id = self._station_table(parameters, context, result, points, crs, out_path)
        feedback.setProgress(100)
        outputs.style_sidecar(
            context, out_path, r_qml(), self.tr("Rainfall erosivity R"), fallback="rainfall_erosivity.qml"
        )
        return {self.OUTPUT: out_path, self.STATION_TABLE: table_id}

    def _report(self, result, feedback, min_cov):
        if result.invalid_values:
            feedback.pushInfo(
                self.tr(
                    "{n} rows have no usable rainfall value (empty, negative or a code) and count as absent."
                ).format(n=result.invalid_values)
            )
        if result.dropped:
            feedback.pushWarning(
                self.tr(
                    "{n} station-years cover fewer than {cov:g} % of their days and are left out: {items}."
                ).format(
                    n=len(result.dropped),
                    cov=min_cov,
                    items=inputs.short_list([f"{s} {y} ({d}/{t})" for s, y, d, t in result.dropped], 30),
                )
            )
        if result.no_usable_year:
            feedback.pushWarning(
                self.tr("Stations without a usable year get no R and are left out: {ids}.").format(
                    ids=inputs.short_list(result.no_usable_year)
                )
            )
        if result.dry_years:
            feedback.pushWarning(
                self.tr("Years without an erosive day (counted with R = 0): {items}.").format(
                    items=inputs.short_list([f"{s} {y}" for s, y in result.dry_years], 30)
                )
            )
        for i, sid in enumerate(result.stations):
            if result.years[i] == 0:
                continue
            feedback.pushInfo(
                self.tr(
                    "{id}: {years} years ({first}–{last}), {days} erosive days, P_d12 {pd:.1f} mm, P_y12 "
                    "{py:.0f} mm, β {beta:.3f}, α {alpha:.4f}, R {r:.0f}; {missing} absent days counted as dry."
                ).format(
                    id=sid,
                    years=int(result.years[i]),
                    first=int(result.year_min[i]),
                    last=int(result.year_max[i]),
                    days=int(result.erosive_days[i]),
                    pd=result.pd12[i],
                    py=result.py12[i],
                    beta=result.beta[i],
                    alpha=result.alpha[i],
                    r=result.r[i],
                    missing=int(result.missing_days[i]),
                )
            )

    def _station_table(self, parameters, context, result, points, crs, raster_path):
        spec = [
            ("STATION", FIELD_STRING),
            ("R", FIELD_DOUBLE),
            ("YEARS", FIELD_INT),
            ("FIRST_YEAR", FIELD_INT),
        ]
        spec += [
            ("LAST_YEAR", FIELD_INT),
            ("P_D12", FIELD_DOUBLE),
            ("P_Y12", FIELD_DOUBLE),
            ("ALPHA", FIELD_DOUBLE),
        ]
        spec += [("BETA", FIELD_DOUBLE), ("EROSIVE_DAYS", FIELD_INT), ("MISSING_DAYS", FIELD_INT)]
        spec += [("DROPPED_YEARS", FIELD_INT), ("DRY_YEARS", FIELD_INT), ("R_GRID", FIELD_DOUBLE)]
        spec += [(f"R_HM{k:02d}", FIELD_DOUBLE) for k in range(1, ev.HALF_MONTHS + 1)]
        fields = fields_from_spec(spec)
        sink, table_id = self.parameterAsSink(
            parameters,
            self.STATION_TABLE,
            context,
            fields,
            QgsWkbTypes.Type.Point,
            QgsCoordinateReferenceSystem(crs),
        )
        if sink is None:
            return None
        xs = [points[s][0] for s in result.stations]
        ys = [points[s][1] for s in result.stations]
        sampled = ev.sample_raster(raster_path, xs, ys)
        dropped: Dict[str, int] = {}
        for s, *_rest in result.dropped:
            dropped[s] = dropped.get(s, 0) + 1
        dry: Dict[str, int] = {}
        for s, _y in result.dry_years:
            dry[s] = dry.get(s, 0) + 1
        rows, geoms = [], []
        for i, sid in enumerate(result.stations):
            used = result.years[i] > 0

            def val(x, used=used):
                return float(x) if used and x == x else None

            row = [
                sid,
                val(result.r[i]),
                int(result.years[i]),
                int(result.year_min[i]) if used else None,
                int(result.year_max[i]) if used else None,
                val(result.pd12[i]),
                val(result.py12[i]),
                val(result.alpha[i]),
                val(result.beta[i]),
                int(result.erosive_days[i]),
                int(result.missing_days[i]),
                dropped.get(sid, 0),
                dry.get(sid, 0),
                float(sampled[i]) if sampled[i] == sampled[i] else None,
            ]
            row += [val(v) for v in result.half_month[i]]
            rows.append(row)
            geoms.append(bytes(QgsGeometry.fromPointXY(QgsPointXY(xs[i], ys[i])).asWkb()))
        outputs.add_rows(sink, fields, rows, geoms)
        return table_id
