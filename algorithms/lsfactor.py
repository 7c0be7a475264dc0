"""swcplanner:lsfactor — CSLE slope-length (L) and steepness (S) factors from a DEM."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterString

from . import inputs, outputs, params
from .base import GROUP_EROSION, SwcAlgorithm, translate_core_error
from .core import standards
from .core.erosion.factors import ls_factor_rasters
from .core.errors import QT_TRANSLATE_NOOP, InputError, SwcError
from .core.slopeclass import parse_breaks
from .styles import pseudocolor_raster_qml

LS_COLORS = ("#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#f46d43", "#d7191c")


def parse_m_values(text: str):
    """``"0.2,0.3,0.4,0.5"`` → floats in (0, 1]."""
    try:
        values = [float(v) for v in str(text).replace(";", ",").split(",") if v.strip()]
    except ValueError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The slope-length exponents \u201c{text}\u201d are not a comma-separated "
                "list of numbers, e.g. 0.2,0.3,0.4,0.5.",
            ),
            text=text,
        ) from exc
    if not values or any(not 0 < v <= 1 for v in values):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore", "The slope-length exponents \u201c{text}\u201d must lie between 0 and 1."
            ),
            text=text,
        )
    return values


def ls_qml(kind: str) -> str:
    """Pseudocolour legend for an L, S or LS raster."""
    stops = {"L": (0.5, 1, 1.5, 2, 3, 6), "S": (0.5, 1, 2, 4, 8, 16), "LS": (0.5, 1, 2, 5, 10, 30)}[kind]
    items = []
    for i, value in enumerate(stops):
        lo = stops[i - 1] if i else 0
        label = f"≤ {value:g}" if i == 0 else f"{lo:g} – {value:g}"
        if i == len(stops) - 1:
            label = f"> {lo:g}"
            value = 1e9
        items.append((value, LS_COLORS[i], label))
    return pseudocolor_raster_qml(items)


class LsFactorAlgorithm(SwcAlgorithm):
    """L, S and LS rasters of the Chinese Soil Loss Equation."""

    ALG_ID = "lsfactor"
    GROUP_ID = GROUP_EROSION

    DEM = params.DEM
    MAX_LENGTH = params.MAX_LENGTH
    CHANNEL_AREA = params.CHANNEL_AREA
    M_BREAKS = "M_BREAKS"
    M_VALUES = "M_VALUES"
    MAX_MEMORY = params.MAX_MEMORY
    L_FACTOR = "L_FACTOR"
    S_FACTOR = "S_FACTOR"
    LS_FACTOR = "LS_FACTOR"

    def displayName(self):  # noqa: N802
        return self.tr("CSLE slope length and steepness factors (LS)")

    def help_html(self):
        return self.format_help(
            self.tr(
                "Computes the topographic factors L (slope length) and S (slope steepness) "
                "of the Chinese Soil Loss Equation A = R·K·L·S·B·E·T, and their product LS."
            ),
            [
                (
                    self.tr("S factor"),
                    self.tr(
                        "Slope θ in degrees by Horn's method (as gdaldem slope). S = 10.8 sin θ + 0.03 "
                        "below 5°, 16.8 sin θ − 0.50 from 5° to 10°, 21.91 sin θ − 0.96 from 10° "
                        "(McCool et al. 1987; Liu, Nearing and Risse 1994). S jumps at 10° "
                        "(2.42 → 2.85); this is expected."
                    ),
                ),
                (
                    self.tr("L factor"),
                    self.tr(
                        "Desmet and Govers (1996) from the upslope contributing area: L = [(A + D²)^(m+1) "
                        "− A^(m+1)] / [D^(m+2) · x^m · 22.13^m], with A the area draining into the "
                        "cell (m², the cell excluded), D the cell size and x = |sin α| + |cos α| of "
                        "the aspect α. The area comes from D8 flow routing on the depression-filled "
                        "DEM. This equals the slope-segment formula, so on a uniform slope of length "
                        "λ the mean L is (λ/22.13)^m. The exponent m depends on the slope "
                        "(M_BREAKS, M_VALUES; upper bound included): 0.2 up to 1°, 0.3 up to 3°, "
                        "0.4 up to 5°, 0.5 above."
                    ),
                ),
                (
                    self.tr("Maximum slope length and channels"),
                    self.tr(
                        "MAX_LENGTH (m, default 300; 0 = no limit) caps the slope length: cells "
                        "further down take the L of the last cell of a slope that long. With "
                        "CHANNEL_AREA (ha) every cell draining at least that area is a channel: no "
                        "slope length passes through it and the channel cell itself starts a new "
                        "slope. Roads and terrace risers are not detected; clip the DEM or use a "
                        "smaller MAX_LENGTH there."
                    ),
                ),
                (
                    self.tr("Memory"),
                    self.tr(
                        "Flow routing reads the whole DEM: about 120 bytes per cell. The run stops "
                        "with a message before using more than MAX_MEMORY (MB)."
                    ),
                ),
                (
                    self.tr("Outputs"),
                    self.tr(
                        "L_FACTOR, S_FACTOR, LS_FACTOR: Float32 rasters on the DEM grid, nodata "
                        "−9999. Sources: shared/docs/domain.md §3.1–3.2; the exponents and the "
                        "default maximum length are common Chinese CSLE practice, to be checked "
                        "against the provincial monitoring parameters."
                    ),
                ),
            ],
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(params.dem())
        self.addParameter(params.max_length())
        self.addParameter(params.channel_area())
        for name, label, default in (
            (
                self.M_BREAKS,
                self.tr("Slope breaks for the exponent m (degrees)"),
                ",".join(f"{v:g}" for v in standards.CSLE_M_BREAKS_DEG),
            ),
            (
                self.M_VALUES,
                self.tr("Exponent m per slope class"),
                ",".join(f"{v:g}" for v in standards.CSLE_M_VALUES),
            ),
        ):
            self.addParameter(
                params.advanced(QgsProcessingParameterString(name, label, defaultValue=default))
            )
        self.addParameter(params.max_memory())
        # all three optional (each created by default): a run may want only S, or only LS
        self.addParameter(outputs.raster_output(self.L_FACTOR, self.tr("L factor"), secondary=True))
        self.addParameter(outputs.raster_output(self.S_FACTOR, self.tr("S factor"), secondary=True))
        self.addParameter(outputs.raster_output(self.LS_FACTOR, self.tr("LS factor"), secondary=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        outputs.require_writable_outputs(self, parameters, context)
        rasters = {
            name: outputs.raster_path(self, parameters, name, context)
            for name in (self.L_FACTOR, self.S_FACTOR, self.LS_FACTOR)
        }
        if not any(rasters.values()):
            raise self.fail(
                self.tr("No output requested: give at least one of L_FACTOR, S_FACTOR, LS_FACTOR.")
            )
        _layer, dem_path, grid = inputs.dem(
            self, parameters, self.DEM, context, feedback, coarse_warning=standards.COARSE_DEM_M
        )
        try:
            breaks = parse_breaks(self.parameterAsString(parameters, self.M_BREAKS, context))
            values = parse_m_values(self.parameterAsString(parameters, self.M_VALUES, context))
            if len(values) != len(breaks) + 1:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore",
                        "The slope-length exponents need one value more than the slope "
                        "breaks ({n_breaks} breaks, {n_values} values), e.g. breaks 1,3,5 and values "
                        "0.2,0.3,0.4,0.5.",
                    ),
                    n_breaks=len(breaks),
                    n_values=len(values),
                )
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        max_length, channel = params.slope_length_values(self, parameters, context, grid)
        feedback.pushInfo(self.tr("Routing flow and computing L and S…"))
        result = self.run_core(
            ls_factor_rasters,
            feedback,
            dem_path,
            rasters[self.L_FACTOR],
            rasters[self.S_FACTOR],
            rasters[self.LS_FACTOR],
            max_length_m=max_length if max_length > 0 else None,
            channel_area_m2=channel,
            m_breaks=breaks,
            m_values=values,
            max_memory_mb=self.parameterAsInt(parameters, self.MAX_MEMORY, context),
            progress_span=(0, 98),
        )
        if channel:
            feedback.pushInfo(
                self.tr("{n} channel cells reset the slope length.").format(n=result.channel_cells)
            )
        import numpy as np  # local: only for the summary line

        feedback.pushInfo(
            self.tr("Mean L {l:.3f}, mean S {s:.3f}, mean LS {ls:.3f}.").format(
                l=float(np.nanmean(result.l)), s=float(np.nanmean(result.s)), ls=float(np.nanmean(result.ls))
            )
        )
        names = {
            self.L_FACTOR: ("L", self.tr("L factor")),
            self.S_FACTOR: ("S", self.tr("S factor")),
            self.LS_FACTOR: ("LS", self.tr("LS factor")),
        }
        out = {}
        for name, path in rasters.items():
            if not path:
                continue
            kind, title = names[name]
            outputs.style_sidecar(context, path, ls_qml(kind), title)
            out[name] = path
        feedback.setProgress(100)
        return out
