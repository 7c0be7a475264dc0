"""Outputs of the Processing algorithms: declarations, field types, sinks, rows, styles, path checks.

* Field types are chosen by QGIS version here and nowhere else: ``QMetaType.Type`` from QGIS 3.38
  (``QgsField(name, QVariant.Type)`` is deprecated there and ``QVariant.Int`` does not exist in PyQt6),
  ``QVariant.Type`` before (3.22 refuses ``QMetaType``).
* Secondary outputs are declared ``optional=True, createByDefault=True`` (the QGIS convention), so
  ``qgis_process`` and ``processing.run`` need only the main output; the helpers here accept an output
  that was not requested (``None`` sink, empty path).
* :func:`output_path_errors` checks that every file output can be written before any work starts.
"""

from __future__ import annotations

import os
import re
import tempfile
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingDestinationParameter,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterRasterDestination,
    QgsProperty,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from .params import PLUGIN_DIR, SOURCE_TABLE
from .styles import write_sidecar

__all__ = [
    "EROSION_CLASS_FIELDS",
    "FIELD_DOUBLE",
    "FIELD_INT",
    "FIELD_LONG",
    "FIELD_STRING",
    "add_features",
    "add_rows",
    "fields_from_spec",
    "output_path_errors",
    "raster_output",
    "raster_path",
    "require_writable_outputs",
    "sink_output",
    "style_output",
    "style_path",
    "style_sidecar",
    "table_output",
    "table_sink",
    "write_sidecar",
    "zone_field_spec",
]

TR_CONTEXT = "SwcAlgorithm"
STYLE_DIR = os.path.join(PLUGIN_DIR, "resources", "styles")


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


# -- field types (the one place that knows the QGIS version) ------------------------------------
if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    FIELD_INT: Any = QMetaType.Type.Int
    FIELD_LONG: Any = QMetaType.Type.LongLong
    FIELD_DOUBLE: Any = QMetaType.Type.Double
    FIELD_STRING: Any = QMetaType.Type.QString
else:  # QGIS 3.22 – 3.36: QgsField takes a QVariant.Type
    from qgis.PyQt.QtCore import QVariant

    FIELD_INT = QVariant.Type.Int
    FIELD_LONG = QVariant.Type.LongLong
    FIELD_DOUBLE = QVariant.Type.Double
    FIELD_STRING = QVariant.Type.String


def fields_from_spec(spec: Sequence[Tuple[str, Any]]) -> QgsFields:
    """``QgsFields`` from ``[(name, FIELD_* type | (type, length, precision) | QgsField)]``.

    A ``QgsField`` is copied (e.g. a name field of an input layer, keeping its type) and renamed to
    ``name``.
    """
    fields = QgsFields()
    for name, kind in spec:
        if isinstance(kind, QgsField):
            field = QgsField(kind)
            field.setName(name)
            fields.append(field)
        elif isinstance(kind, tuple):
            vtype, length, precision = kind
            fields.append(QgsField(name, vtype, len=length, prec=precision))
        else:
            fields.append(QgsField(name, kind))
    return fields


#: Area per SL 190 erosion-intensity class (km²): columns of the soilloss and swcrate tables.
EROSION_CLASS_FIELDS = (
    "SLIGHT_KM2",
    "LIGHT_KM2",
    "MODERATE_KM2",
    "INTENSE_KM2",
    "VINTENSE_KM2",
    "SEVERE_KM2",
)


def zone_field_spec(alg, parameters: Dict[str, Any], context, zones_name: str, field_name: str):
    """The type of a ZONE output column: a copy of the zones' name field, else a string."""
    from .inputs import vector_source

    field = alg.parameterAsString(parameters, field_name, context)
    if parameters.get(zones_name) and field:
        source = vector_source(alg, parameters, zones_name, context)
        if source is not None and source.fields().lookupField(field) >= 0:
            return source.fields().field(field)
    return FIELD_STRING


# -- declarations --------------------------------------------------------------------------------
def raster_output(
    name: str, label: str, *, secondary: bool = False
) -> QgsProcessingParameterRasterDestination:
    """A raster output; a secondary one is optional and created by default."""
    return QgsProcessingParameterRasterDestination(name, label, None, secondary, True)


def sink_output(
    name: str, label: str, kind: int, *, secondary: bool = False
) -> QgsProcessingParameterFeatureSink:
    """A vector output of ``kind`` (``params.SOURCE_*``); a secondary one is optional and created by default."""
    return QgsProcessingParameterFeatureSink(name, label, kind, None, secondary, True)


def table_output(name: str, label: str, *, secondary: bool = False) -> QgsProcessingParameterFeatureSink:
    """A table (geometry-less) output."""
    return sink_output(name, label, SOURCE_TABLE, secondary=secondary)


# -- writing -------------------------------------------------------------------------------------
def raster_path(alg, parameters: Dict[str, Any], name: str, context) -> Optional[str]:
    """The file of a raster output, or ``None`` when an optional output was not requested."""
    return alg.parameterAsOutputLayer(parameters, name, context) or None


def table_sink(
    alg, parameters: Dict[str, Any], name: str, context: QgsProcessingContext, fields: QgsFields
) -> Tuple[Optional[QgsFeatureSink], Optional[str]]:
    """A geometry-less sink (a table); ``(None, None)`` for an optional output not requested."""
    return alg.parameterAsSink(
        parameters, name, context, fields, QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem()
    )


def _plain(value: Any) -> Any:
    """numpy scalars to Python values for QgsFeature attributes."""
    if hasattr(value, "item"):
        return value.item()
    return value


def add_rows(
    sink: Optional[QgsFeatureSink],
    fields: QgsFields,
    rows: Iterable[Sequence[Any]],
    geometries: Optional[Iterable[Any]] = None,
) -> int:
    """Add rows (attribute lists in field order), optionally with WKB geometries; ``None`` sink: nothing."""
    if sink is None:
        return 0
    count = 0
    geoms = iter(geometries) if geometries is not None else None
    for row in rows:
        feature = QgsFeature(fields)
        feature.setAttributes([_plain(v) for v in row])
        if geoms is not None:
            geom = QgsGeometry()
            geom.fromWkb(next(geoms))
            feature.setGeometry(geom)
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        count += 1
    return count


def add_features(sink: Optional[QgsFeatureSink], features: List[QgsFeature]) -> None:
    """Add a batch of features; ``None`` sink (output not requested): nothing."""
    if sink is not None and features:
        sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)


def storage_curves_table(
    alg, parameters: Dict[str, Any], name: str, context: QgsProcessingContext, dams: Iterable[Any]
) -> Optional[str]:
    """The level–area–volume table of dams (``dam_id``, ``bed_z`` and ``curve`` of (h, area, volume)).

    One row per point of each dam's curve: DAM_ID, H_M, Z_M (bed + h), AREA_M2, VOL_M3.
    Returns the output's id (``None`` when not requested).
    """
    fields = fields_from_spec(
        [
            ("DAM_ID", FIELD_INT),
            ("H_M", FIELD_DOUBLE),
            ("Z_M", FIELD_DOUBLE),
            ("AREA_M2", FIELD_DOUBLE),
            ("VOL_M3", FIELD_DOUBLE),
        ]
    )
    sink, dest_id = table_sink(alg, parameters, name, context, fields)
    add_rows(
        sink,
        fields,
        (
            [d.dam_id, round(h, 3), round(d.bed_z + h, 3), round(a, 2), round(v, 2)]
            for d in dams
            for h, a, v in d.curve
        ),
    )
    return dest_id


# -- styles --------------------------------------------------------------------------------------
class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a QML file to an output layer once Processing has loaded it."""

    _keep: List[StylePostProcessor] = []  # PyQGIS needs a live Python reference

    def __init__(self, qml_path: str, name: Optional[str] = None) -> None:
        super().__init__()
        self.qml_path = qml_path
        self.name = name
        StylePostProcessor._keep.append(self)

    def postProcessLayer(  # noqa: N802
        self,
        layer: QgsMapLayer,
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> None:
        if layer is not None and self.qml_path and os.path.exists(self.qml_path):
            layer.loadNamedStyle(self.qml_path)
            layer.triggerRepaint()
        if layer is not None and self.name:
            layer.setName(self.name)


def style_path(name: str) -> str:
    """A QML file shipped in ``resources/styles``."""
    return os.path.join(STYLE_DIR, name)


def style_output(
    context: QgsProcessingContext,
    layer_id: Optional[str],
    qml_path: Optional[str],
    name: Optional[str] = None,
) -> None:
    """Style an output (and rename it) when Processing loads it into the project."""
    if not layer_id or not qml_path or not context.willLoadLayerOnCompletion(layer_id):
        return
    details = context.layerToLoadOnCompletionDetails(layer_id)
    details.setPostProcessor(StylePostProcessor(qml_path, name))


def style_sidecar(
    context: QgsProcessingContext,
    output: Optional[str],
    qml: str,
    name: Optional[str] = None,
    *,
    layer_id: Optional[str] = None,
    fallback: Optional[str] = None,
) -> Optional[str]:
    """Write ``qml`` beside a file output (``<stem>.qml``) and style the loaded layer with it.

    ``output`` is the file (``None`` when the output was not requested: nothing happens);
    ``layer_id`` the id Processing loads (default ``output``); ``fallback`` a shipped QML file
    used when no sidecar can be written (memory or database outputs).  Returns the QML path.
    """
    if not output and not layer_id:
        return None
    qml_path = write_sidecar(output, qml) if output else None
    if qml_path is None and fallback:
        qml_path = style_path(fallback)
    style_output(context, layer_id or output, qml_path, name)
    return qml_path


# -- output path checks ------------------------------------------------------------------------
_NOT_FILES = ("memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:", "hana:", "wfs:")


def _destination_text(value: Any, context: QgsProcessingContext) -> str:
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value = value.valueAsString(context.expressionContext(), "")
        if isinstance(value, tuple):  # (text, ok)
            value = value[0]
    return "" if value is None else str(value)


def destination_file(value: Any, context: QgsProcessingContext) -> Optional[str]:
    """The file an output value writes to, or ``None`` (not requested, temporary, memory, database)."""
    text = _destination_text(value, context).strip()
    if not text or text == QgsProcessing.TEMPORARY_OUTPUT or text.lower().startswith(_NOT_FILES):
        return None
    if text.lower().startswith("ogr:"):
        match = re.search(r"dbname='([^']*)'", text) or re.search(r"dbname=(\S+)", text)
        if not match:
            return None
        text = match.group(1)
    return os.path.abspath(text.split("|")[0])


def _folder_error(path: str) -> Optional[str]:
    folder = os.path.dirname(path)
    if os.path.exists(folder) and not os.path.isdir(folder):
        return _tr("{folder} is not a folder. Choose an existing folder.").format(folder=folder)
    if not os.path.isdir(folder):
        return _tr("the folder {folder} does not exist. Choose an existing folder.").format(folder=folder)
    try:
        handle, probe = tempfile.mkstemp(prefix=".swc_write_test_", dir=folder)
        os.close(handle)
        os.remove(probe)
    except OSError as exc:
        return _tr(
            "the folder {folder} cannot be written ({reason}). Choose a folder you can write to."
        ).format(folder=folder, reason=exc.strerror or exc)
    if os.path.isdir(path):
        return _tr("{path} is a folder. Give a file name.").format(path=path)
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return _tr("the file {path} is read-only. Choose another name or make it writable.").format(path=path)
    return None


def output_path_errors(alg, parameters: Dict[str, Any], context: QgsProcessingContext) -> List[str]:
    """One translated message per file output that cannot be written (missing or read-only folder)."""
    errors = []
    for definition in alg.destinationParameterDefinitions():
        if not isinstance(definition, QgsProcessingDestinationParameter):
            continue
        path = destination_file(parameters.get(definition.name()), context)
        if path is None:
            continue
        reason = _folder_error(path)
        if reason:
            errors.append(
                _tr("The output {label} ({name}) cannot be written: {reason}").format(
                    label=definition.description(), name=definition.name(), reason=reason
                )
            )
    return errors


def require_writable_outputs(alg, parameters: Dict[str, Any], context: QgsProcessingContext) -> None:
    """Raise a translated ``QgsProcessingException`` naming each output that cannot be written."""
    errors = output_path_errors(alg, parameters, context)
    if errors:
        raise QgsProcessingException("\n".join(errors))
