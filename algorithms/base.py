"""Base class and shared plumbing for SWC Planner Processing algorithms.

Algorithms stay thin: they parse parameters, turn layers into plain values
(paths, WKB geometries in the DEM's CRS, grids), call the pure core with
progress/cancel callbacks, write sinks and style outputs.  Everything that
several algorithms need lives here.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterNumber,
    QgsRasterLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant
from qgis.PyQt.QtGui import QIcon

from .core.errors import Cancelled, SwcError
from .core.grid import GridSpec
from .core.io.raster import open_raster

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYLE_DIR = os.path.join(PLUGIN_DIR, "resources", "styles")
ICON_PATH = os.path.join(PLUGIN_DIR, "resources", "icons", "swc_planner.svg")

#: Group ids (stable) of the provider.
GROUP_TERRAIN = "terrain"
GROUP_HYDROLOGY = "hydrology"
GROUP_EROSION = "erosion"
GROUP_MEASURES = "measures"
GROUP_SUPERVISION = "supervision"
GROUP_PLANNING = "planning"


TR_CONTEXT = "SwcAlgorithm"


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def tr_with_bases(obj: Any, text: str, stop: type) -> str:
    """Translate ``text`` in the context of ``obj``'s class, falling back to its base classes.

    The string extractor files a literal under the class that contains it, so a
    string written in a base class is found in that base's context even when
    ``tr`` runs on a subclass.  ``stop`` is the first (Qt/QGIS) class not searched.
    """
    for klass in type(obj).__mro__:
        if klass is stop:
            break
        out = QCoreApplication.translate(klass.__name__, text)
        if out != text:
            return out
    return text


def group_name(group_id: str) -> str:
    """Translated display name of a group id."""
    names = {
        GROUP_TERRAIN: _tr("Terrain and slope"),
        GROUP_HYDROLOGY: _tr("Hydrology"),
        GROUP_EROSION: _tr("Soil erosion"),
        GROUP_MEASURES: _tr("Conservation measures"),
        GROUP_PLANNING: _tr("Small-watershed plan"),
    }
    return names.get(group_id, group_id)


def translate_core_error(err: SwcError) -> str:
    """Translate a core error's English template (context ``SwcCore``) and fill it."""
    template = QCoreApplication.translate("SwcCore", err.template)
    try:
        return template.format(**err.params)
    except (KeyError, IndexError, ValueError):
        return err.template.format(**err.params)


def fields_from_spec(spec: Sequence[Tuple[str, Any]]) -> QgsFields:
    """``QgsFields`` from ``[(name, QVariant type, (type, length, precision) or QgsField)]``.

    A ``QgsField`` is copied (e.g. a name field of an input layer, keeping its
    type) and renamed to ``name``.
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


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a QML file to an output layer once Processing has loaded it."""

    _keep: List[StylePostProcessor] = []  # PyQGIS needs a live Python reference

    def __init__(self, qml_path: str, name: Optional[str] = None) -> None:
        super().__init__()
        self.qml_path = qml_path
        self.name = name
        StylePostProcessor._keep.append(self)

    def postProcessLayer(
        self,
        layer: QgsMapLayer,
        context: QgsProcessingContext,  # noqa: N802
        feedback: QgsProcessingFeedback,
    ) -> None:
        if layer is not None and self.qml_path and os.path.exists(self.qml_path):
            layer.loadNamedStyle(self.qml_path)
            layer.triggerRepaint()
        if layer is not None and self.name:
            layer.setName(self.name)


class SwcAlgorithm(QgsProcessingAlgorithm):
    """Common base: translation, groups, help, errors, input conversion, styling."""

    ALG_ID = ""
    GROUP_ID = GROUP_TERRAIN

    # -- identity ---------------------------------------------------------------
    def tr(self, text: str) -> str:
        """Translate ``text`` in the context of this class, falling back to its bases."""
        return tr_with_bases(self, text, QgsProcessingAlgorithm)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def name(self) -> str:
        return self.ALG_ID

    def group(self) -> str:
        return group_name(self.GROUP_ID)

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def shortHelpString(self) -> str:  # noqa: N802
        return self.help_html()

    def help_html(self) -> str:  # pragma: no cover - every algorithm overrides
        return ""

    @staticmethod
    def format_help(summary: str, sections: Sequence[Tuple[str, str]]) -> str:
        """Help as HTML: a summary paragraph and titled sections."""
        parts = [f"<p>{summary}</p>"]
        for title, body in sections:
            parts.append(f"<h3>{title}</h3><p>{body}</p>")
        return "\n".join(parts)

    # -- parameters ----------------------------------------------------------------
    @staticmethod
    def advanced(param):
        """Flag a parameter as advanced (collapsed in the dialog) and return it."""
        param.setFlags(param.flags() | param.FlagAdvanced)
        return param

    def block_size_parameter(self, name: str = "BLOCK_SIZE"):
        """The advanced ``BLOCK_SIZE`` parameter: cells per block side, which sets the memory used."""
        return self.advanced(
            QgsProcessingParameterNumber(
                name,
                _tr("Block size (cells per side; sets the memory used)"),
                QgsProcessingParameterNumber.Integer,
                1024,
                minValue=64,
                maxValue=16384,
            )
        )

    # -- errors ------------------------------------------------------------------
    def fail(self, message: str) -> QgsProcessingException:
        """A ``QgsProcessingException`` carrying an already translated message."""
        return QgsProcessingException(message)

    def run_core(
        self,
        function: Callable[..., Any],
        feedback: QgsProcessingFeedback,
        *args: Any,
        progress_span: Tuple[float, float] = (0.0, 100.0),
        **kwargs: Any,
    ) -> Any:
        """Call a core function with progress/cancel wired to ``feedback``.

        Core errors become translated ``QgsProcessingException``s; a cancel
        becomes one too, after the core has removed its partial outputs.
        """
        lo, hi = progress_span

        def progress(fraction: float) -> None:
            if feedback is not None:
                feedback.setProgress(lo + (hi - lo) * max(0.0, min(1.0, fraction)))

        def cancelled() -> bool:
            return feedback is not None and feedback.isCanceled()

        try:
            return function(*args, progress=progress, is_cancelled=cancelled, **kwargs)
        except Cancelled as exc:
            raise QgsProcessingException(_tr("Cancelled by the user; no output was written.")) from exc
        except SwcError as exc:
            raise QgsProcessingException(translate_core_error(exc)) from exc

    # -- inputs ------------------------------------------------------------------
    def dem_from_parameter(
        self,
        parameters: Dict[str, Any],
        name: str,
        context: QgsProcessingContext,
        feedback: Optional[QgsProcessingFeedback] = None,
        coarse_warning: float = 30.0,
    ) -> Tuple[QgsRasterLayer, str, GridSpec]:
        """DEM layer, its GDAL path and grid, checked for a usable projected CRS."""
        layer = self.parameterAsRasterLayer(parameters, name, context)
        if layer is None or not layer.isValid():
            raise self.fail(_tr("The DEM ({name}) could not be loaded.").format(name=name))
        path = layer.source()
        if layer.providerType() != "gdal":
            raise self.fail(
                _tr("The DEM must be a GDAL raster file (GeoTIFF, IMG, ...), not a {provider} layer.").format(
                    provider=layer.providerType()
                )
            )
        try:
            ds, grid = open_raster(path)
            del ds
            grid.check_usable()
        except SwcError as exc:
            raise self.fail(translate_core_error(exc)) from exc
        if feedback is not None and coarse_warning and max(grid.cellsize_x, grid.cellsize_y) > coarse_warning:
            feedback.pushWarning(
                _tr(
                    "The DEM cells are {size:.0f} m, coarser than {limit:.0f} m: coarse DEMs flatten "
                    "slopes and understate steep areas (see the help)."
                ).format(size=max(grid.cellsize_x, grid.cellsize_y), limit=coarse_warning)
            )
        return layer, path, grid

    def polygons_in_crs(
        self,
        parameters: Dict[str, Any],
        name: str,
        context: QgsProcessingContext,
        crs: QgsCoordinateReferenceSystem,
        feedback: Optional[QgsProcessingFeedback],
        *,
        attributes: Sequence[str] = (),
        required: bool = True,
        label: str = "",
    ) -> Optional[List[Tuple[int, bytes, List[Any]]]]:
        """Polygons of a source transformed to ``crs``: ``[(fid, wkb, [attrs]), ...]``.

        Invalid geometries are repaired (``makeValid``) and reported by feature
        id; features whose geometry stays empty are reported and skipped.
        Returns ``None`` for an optional parameter left empty.
        """
        source = self.parameterAsSource(parameters, name, context)
        label = label or name
        if source is None:
            if required:
                raise self.fail(_tr("The layer {name} could not be loaded.").format(name=label))
            return None
        if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.PolygonGeometry:
            raise self.fail(_tr("The layer {name} must contain polygons.").format(name=label))
        field_idx = []
        for attr in attributes:
            idx = source.fields().lookupField(attr)
            if idx < 0:
                raise self.fail(
                    _tr(
                        "The layer {name} has no field \u201c{field}\u201d. Available fields: {fields}."
                    ).format(name=label, field=attr, fields=", ".join(source.fields().names()))
                )
            field_idx.append(idx)
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        out: List[Tuple[int, bytes, List[Any]]] = []
        repaired: List[int] = []
        dropped: List[int] = []
        # we repair invalid geometries ourselves (and say which), instead of stopping
        for feature in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException(_tr("Cancelled by the user; no output was written."))
            geom = feature.geometry()
            if geom is None or geom.isEmpty():
                dropped.append(feature.id())
                continue
            if not geom.isGeosValid():
                geom = geom.makeValid()
                repaired.append(feature.id())
                if geom.type() != QgsWkbTypes.PolygonGeometry:
                    geom = geom.convertToType(QgsWkbTypes.PolygonGeometry, True) or QgsGeometry()
                if geom.isEmpty():
                    dropped.append(feature.id())
                    continue
            attrs = [feature.attribute(i) for i in field_idx]
            out.append((int(feature.id()), bytes(geom.asWkb()), attrs))
        if feedback is not None and repaired:
            feedback.pushWarning(
                _tr("{name}: repaired {n} invalid geometries (feature ids {ids}).").format(
                    name=label, n=len(repaired), ids=_short_list(repaired)
                )
            )
        if feedback is not None and dropped:
            feedback.pushWarning(
                _tr("{name}: skipped {n} features with empty geometry (feature ids {ids}).").format(
                    name=label, n=len(dropped), ids=_short_list(dropped)
                )
            )
        if not out and required:
            raise self.fail(
                _tr("The layer {name} is empty: it has no polygon to work with.").format(name=label)
            )
        return out

    # -- outputs -----------------------------------------------------------------
    def table_sink(
        self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext, fields: QgsFields
    ) -> Tuple[Optional[QgsFeatureSink], Optional[str]]:
        """A geometry-less sink (a table) for ``name``."""
        return self.parameterAsSink(
            parameters, name, context, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem()
        )

    @staticmethod
    def add_rows(
        sink: Optional[QgsFeatureSink],
        fields: QgsFields,
        rows: Iterable[Sequence[Any]],
        geometries: Optional[Iterable[Any]] = None,
    ) -> int:
        """Add rows (attribute lists in field order), optionally with WKB geometries."""
        if sink is None:
            return 0
        count = 0
        geoms = iter(geometries) if geometries is not None else None
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([_plain(v) for v in row])
            if geoms is not None:
                wkb = next(geoms)
                geom = QgsGeometry()
                geom.fromWkb(wkb)
                feature.setGeometry(geom)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
            count += 1
        return count

    def style_output(
        self,
        context: QgsProcessingContext,
        layer_id: Optional[str],
        qml_path: str,
        name: Optional[str] = None,
    ) -> None:
        """Style an output (and rename it) when Processing loads it into the project."""
        if not layer_id or not context.willLoadLayerOnCompletion(layer_id):
            return
        details = context.layerToLoadOnCompletionDetails(layer_id)
        details.setPostProcessor(StylePostProcessor(qml_path, name))

    @staticmethod
    def style_path(name: str) -> str:
        return os.path.join(STYLE_DIR, name)


def _plain(value: Any) -> Any:
    """numpy scalars to Python values for QgsFeature attributes."""
    if hasattr(value, "item"):
        return value.item()
    return value


def _short_list(values: Sequence[int], limit: int = 20) -> str:
    shown = ", ".join(str(v) for v in values[:limit])
    return shown + (", …" if len(values) > limit else "")


QVARIANT_INT = QVariant.Int
QVARIANT_DOUBLE = QVariant.Double
QVARIANT_STRING = QVariant.String
QVARIANT_LONG = QVariant.LongLong
PROCESSING_POLYGON = QgsProcessing.TypeVectorPolygon
PROCESSING_POINT = QgsProcessing.TypeVectorPoint
PROCESSING_LINE = QgsProcessing.TypeVectorLine
PROCESSING_TABLE = QgsProcessing.TypeVector
