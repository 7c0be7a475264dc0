"""The parameters several algorithms share: one definition, one set of bounds, one translated label each.

An algorithm declares a shared parameter with the function here (``self.addParameter(params.dem())``)
and never repeats its bounds or its label.  The advanced flag is set by :func:`advanced` only.

Bounds (and where they come from):

=================  =====================  =========================  ============================
parameter          default                allowed                    used by
=================  =====================  =========================  ============================
DEM                —                      a projected GDAL raster    every algorithm with a DEM
BLOCK_SIZE         1024 cells             64 – 16 384 cells          block-wise raster algorithms
MAX_MEMORY         hydrology default MB   16 – 1 048 576 MB          whole-DEM flow routing
DEPRESSIONS        0 (fill)               0 fill, 1 route through    flow-routing algorithms
ZONES, ZONE_FIELD  —                      polygons + a field         per-zone tables
TOLERANCE          200 t/km²·a            1 – 2 499 t/km²·a          soilloss, swcrate (SL 190)
ban slopes         25° / 20°              0.1 – 89.9°                steepslopeban, farmland
slope limits       per measure            0 – 90°                    slopeworks
MAX_LENGTH         300 m                  0 (no limit) or ≥ 1 cell   lsfactor, soilloss
CHANNEL_AREA       none                   ≥ 0 ha                     lsfactor, soilloss
BREAKS             2,6,15,25°             increasing, in (0, 90)     slopeclasses, farmland
=================  =====================  =========================  ============================

The tolerance range stops below 2 500 t/km²·a, the lower bound of SL 190's moderate class; the
memory floor of 16 MB only lets tiny DEMs through (the core refuses larger ones with the number
needed).  Sources of the defaults are in ``core/standards.py``.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from .core import standards
from .core.hydrology import DEFAULT_MAX_MEMORY_MB, DEPRESSION_MODES

TR_CONTEXT = "SwcAlgorithm"

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# -- names (public: never renamed) --------------------------------------------------------------
DEM = "DEM"
BLOCK_SIZE = "BLOCK_SIZE"
MAX_MEMORY = "MAX_MEMORY"
DEPRESSIONS = "DEPRESSIONS"
ZONES = "ZONES"
ZONE_FIELD = "ZONE_FIELD"
TOLERANCE = "TOLERANCE"
MAX_LENGTH = "MAX_LENGTH"
CHANNEL_AREA = "CHANNEL_AREA"
BREAKS = "BREAKS"

# -- bounds (one set) ---------------------------------------------------------------------------
BLOCK_SIZE_DEFAULT = 1024
BLOCK_SIZE_RANGE = (64, 16384)
MAX_MEMORY_RANGE = (16, 1024 * 1024)
TOLERANCE_RANGE = (1.0, 2499.0)
BAN_SLOPE_RANGE = (0.1, 89.9)
SLOPE_RANGE = (0.0, 90.0)

# -- source types (scoped enums that exist on 3.22 and 3.40) -------------------------------------
SOURCE_POLYGON = QgsProcessing.SourceType.TypeVectorPolygon
SOURCE_POINT = QgsProcessing.SourceType.TypeVectorPoint
SOURCE_LINE = QgsProcessing.SourceType.TypeVectorLine
SOURCE_ANY_GEOMETRY = QgsProcessing.SourceType.TypeVectorAnyGeometry
SOURCE_TABLE = QgsProcessing.SourceType.TypeVector
SOURCE_RASTER = QgsProcessing.SourceType.TypeRaster

_DOUBLE = QgsProcessingParameterNumber.Type.Double
_INTEGER = QgsProcessingParameterNumber.Type.Integer
_ADVANCED = QgsProcessingParameterDefinition.Flag.FlagAdvanced
_HUGE = 1e300  # QGIS's "no bound" is ±DBL_MAX


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


# -- building blocks ----------------------------------------------------------------------------
def advanced(param: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """Flag a parameter as advanced (collapsed in the dialog) and return it: the one place that does."""
    param.setFlags(param.flags() | _ADVANCED)
    return param


def number(
    name: str,
    label: str,
    default: Optional[float],
    *,
    minimum: Optional[float] = None,
    maximum: Optional[float] = None,
    integer: bool = False,
    optional: bool = False,
    is_advanced: bool = False,
) -> QgsProcessingParameterNumber:
    """A number parameter (double unless ``integer``) with its bounds."""
    param = QgsProcessingParameterNumber(name, label, _INTEGER if integer else _DOUBLE, default, optional)
    if minimum is not None:
        param.setMinimum(minimum)
    if maximum is not None:
        param.setMaximum(maximum)
    return advanced(param) if is_advanced else param


def polygons(name: str, label: str, *, optional: bool = False) -> QgsProcessingParameterFeatureSource:
    """A polygon layer."""
    return QgsProcessingParameterFeatureSource(name, label, [SOURCE_POLYGON], None, optional)


def field(
    name: str, label: str, parent: str, *, optional: bool = False, numeric: bool = False
) -> QgsProcessingParameterField:
    """A field of the layer parameter ``parent``."""
    kind = (
        QgsProcessingParameterField.DataType.Numeric if numeric else QgsProcessingParameterField.DataType.Any
    )
    return QgsProcessingParameterField(name, label, None, parent, kind, False, optional)


# -- the shared parameters ----------------------------------------------------------------------
def dem(
    name: str = DEM, label: Optional[str] = None, *, optional: bool = False
) -> QgsProcessingParameterRasterLayer:
    """The DEM: a GDAL raster in a projected CRS with metre units (checked by ``inputs.dem``)."""
    return QgsProcessingParameterRasterLayer(name, label or _tr("DEM (projected, metres)"), None, optional)


def block_size(name: str = BLOCK_SIZE) -> QgsProcessingParameterNumber:
    """Cells per block side of block-wise raster processing, which sets the memory used (advanced)."""
    lo, hi = BLOCK_SIZE_RANGE
    return number(
        name,
        _tr("Block size (cells per side; sets the memory used)"),
        BLOCK_SIZE_DEFAULT,
        minimum=lo,
        maximum=hi,
        integer=True,
        is_advanced=True,
    )


def max_memory(name: str = MAX_MEMORY, label: Optional[str] = None) -> QgsProcessingParameterNumber:
    """The memory limit (MB) of the whole-DEM flow routing (advanced)."""
    lo, hi = MAX_MEMORY_RANGE
    return number(
        name,
        label or _tr("Memory limit (MB)"),
        DEFAULT_MAX_MEMORY_MB,
        minimum=lo,
        maximum=hi,
        integer=True,
        is_advanced=True,
    )


def depression_options() -> List[str]:
    """Labels of :data:`hydrology.DEPRESSION_MODES`, in order."""
    return [
        _tr("Fill, and route across flats (default)"),
        _tr("Route through along the lowest path, like GRASS r.watershed"),
    ]


def depressions(name: str = DEPRESSIONS) -> QgsProcessingParameterEnum:
    """How flow routing treats depressions: 0 = fill and cross flats (default), 1 = route through
    along the lowest path like GRASS r.watershed."""
    return QgsProcessingParameterEnum(name, _tr("Depressions"), depression_options(), False, 0, True)


def depressions_mode(alg, parameters: Dict[str, Any], context, name: str = DEPRESSIONS) -> str:
    """The core's ``depressions`` value for the ``DEPRESSIONS`` parameter."""
    index = alg.parameterAsEnum(parameters, name, context)
    return DEPRESSION_MODES[index] if 0 <= index < len(DEPRESSION_MODES) else DEPRESSION_MODES[0]


def zones(name: str = ZONES, label: Optional[str] = None, *, optional: bool = True):
    """Zone polygons for per-zone tables (polygons sharing a name form one zone)."""
    return polygons(name, label or _tr("Zones (e.g. counties, townships, watersheds)"), optional=optional)


def zone_field(
    name: str = ZONE_FIELD, parent: str = ZONES, label: Optional[str] = None, *, optional: bool = True
) -> QgsProcessingParameterField:
    """The zones' name field."""
    return field(name, label or _tr("Zone name field"), parent, optional=optional)


def tolerance(name: str = TOLERANCE) -> QgsProcessingParameterNumber:
    """The tolerable soil loss of SL 190-2007 (t/km²·a); 200 in the northern rocky mountains."""
    lo, hi = TOLERANCE_RANGE
    return number(
        name, _tr("Tolerable soil loss (t/km²·a)"), standards.TOLERANCE_T_KM2_A, minimum=lo, maximum=hi
    )


def ban_slope(name: str, label: str, default: float) -> QgsProcessingParameterNumber:
    """A ban-slope threshold in degrees (cells steeper than it are banned or retired)."""
    lo, hi = BAN_SLOPE_RANGE
    return number(name, label, default, minimum=lo, maximum=hi)


def slope_limit(name: str, label: str, default: Optional[float]) -> QgsProcessingParameterNumber:
    """A slope limit in degrees, 0–90."""
    lo, hi = SLOPE_RANGE
    return number(name, label, default, minimum=lo, maximum=hi)


def max_length(name: str = MAX_LENGTH, *, is_advanced: bool = False) -> QgsProcessingParameterNumber:
    """The CSLE maximum slope length (m; 0 = no limit); checked against the cell size by
    :func:`slope_length_error`."""
    return number(
        name,
        _tr("Maximum slope length (m; 0 = no limit)"),
        standards.CSLE_MAX_SLOPE_LENGTH_M,
        minimum=0.0,
        is_advanced=is_advanced,
    )


def channel_area(name: str = CHANNEL_AREA, *, is_advanced: bool = False) -> QgsProcessingParameterNumber:
    """Contributing area (ha) from which a cell is a channel that resets the slope length."""
    return number(
        name,
        _tr("Channel initiation area (ha; slope length resets on channels)"),
        None,
        minimum=0.0,
        optional=True,
        is_advanced=is_advanced,
    )


def slope_breaks(name: str = BREAKS) -> QgsProcessingParameterString:
    """Slope class breaks in degrees (default: the national classes 2, 6, 15, 25)."""
    default = ",".join(f"{b:g}" for b in standards.SLOPE_BREAKS_DEG)
    return QgsProcessingParameterString(name, _tr("Slope class breaks (degrees, comma-separated)"), default)


# -- meaningful ranges ---------------------------------------------------------------------------
def slope_length_error(value: float, cellsize: float, name: str = MAX_LENGTH) -> Optional[str]:
    """A maximum slope length shorter than one cell cuts every slope to nothing: refuse it."""
    if 0 < value < cellsize:
        return _tr(
            "{name} ({value:g} m) is shorter than one DEM cell ({cell:g} m): every slope would be cut "
            "to less than a cell. Use 0 (no limit) or at least {cell:g} m."
        ).format(name=name, value=value, cell=cellsize)
    return None


def slope_length_values(alg, parameters: Dict[str, Any], context, grid) -> Tuple[float, Optional[float]]:
    """``MAX_LENGTH`` (m) and ``CHANNEL_AREA`` in m² (``None`` when empty or 0) of an LS computation.

    Refuses a maximum slope length shorter than one cell of ``grid`` (:func:`slope_length_error`).
    """
    max_length = alg.parameterAsDouble(parameters, MAX_LENGTH, context)
    too_short = slope_length_error(max_length, max(grid.cellsize_x, grid.cellsize_y))
    if too_short:
        raise alg.fail(too_short)
    channel = None
    if parameters.get(CHANNEL_AREA) not in (None, ""):
        value = alg.parameterAsDouble(parameters, CHANNEL_AREA, context)
        channel = value * standards.HA_M2 if value > 0 else None
    return max_length, channel


def _fmt(value: float) -> str:
    return f"{value:g}"


def range_errors(alg, parameters: Dict[str, Any]) -> List[str]:
    """Number parameters outside their bounds, each message naming the parameter and the allowed range.

    QGIS's own check names the parameter only; this runs first (``SwcAlgorithm.checkParameterValues``).
    """
    out = []
    for definition in alg.parameterDefinitions():
        if isinstance(definition, QgsProcessingParameterEnum):
            out += _enum_errors(definition, parameters.get(definition.name()))
            continue
        if not isinstance(definition, QgsProcessingParameterNumber):
            continue
        raw = parameters.get(definition.name())
        if raw is None or raw == "":
            continue
        try:
            value = float(raw)
        except (TypeError, ValueError):
            continue  # not a literal number (an expression, a property): QGIS checks it
        lo, hi = definition.minimum(), definition.maximum()
        if lo <= value <= hi:
            continue
        if abs(lo) < _HUGE and abs(hi) < _HUGE:
            allowed = _tr("between {min} and {max}").format(min=_fmt(lo), max=_fmt(hi))
        elif abs(lo) < _HUGE:
            allowed = _tr("at least {min}").format(min=_fmt(lo))
        else:
            allowed = _tr("at most {max}").format(max=_fmt(hi))
        out.append(
            _tr("{label} ({name}) must be {allowed}; {value} was given.").format(
                label=definition.description(), name=definition.name(), allowed=allowed, value=_fmt(value)
            )
        )
    return out


def _enum_errors(definition: QgsProcessingParameterEnum, raw: Any) -> List[str]:
    """An enum index outside its options (QGIS's own check says only "Incorrect parameter value")."""
    if raw is None or raw == "" or isinstance(raw, bool):
        return []
    options = definition.options()
    values = raw if isinstance(raw, (list, tuple)) else [raw]
    bad = []
    for value in values:
        if isinstance(value, str) and value in options:
            continue
        try:
            index = float(value)
        except (TypeError, ValueError):
            continue  # an expression or a property: QGIS checks it
        if not index.is_integer() or not 0 <= index < len(options):
            bad.append(_fmt(index))
    if not bad:
        return []
    choices = ", ".join(f"{i} = {text}" for i, text in enumerate(options))
    return [
        _tr("{label} ({name}) must be one of {choices}; {value} was given.").format(
            label=definition.description(), name=definition.name(), choices=choices, value=", ".join(bad)
        )
    ]


def declared_names(alg) -> Sequence[str]:
    """Every parameter name the algorithm declares (inputs and outputs)."""
    return [d.name() for d in alg.parameterDefinitions()]
