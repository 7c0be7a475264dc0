"""Inputs of the Processing algorithms: layers and rasters turned into plain core values, and checked.

The core takes paths, WKB geometries in the DEM's CRS and grids.  Everything here turns a Processing
parameter into those values and refuses what the core cannot use, with a translated message that names
the parameter, what is wrong and what to do:

* rasters: a GDAL file (:func:`raster`), a DEM in a projected CRS (:func:`dem`);
* vector layers: the geometry type (:func:`polygons`, :func:`points`, :func:`lines`), emptiness (a layer
  given but without a usable feature is reported), the fields asked for (:func:`require_fields`),
  invalid geometries repaired and reported by feature id, and the encoding: a shapefile without its
  ``.cpg`` whose text is not UTF-8 is read as GBK (GB18030), with a warning (:func:`vector_source`);
* zones put on the grid (:func:`zones_on_grid`).
"""

from __future__ import annotations

import math
import os
import re
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from .base import translate_core_error
from .core.errors import SwcError
from .core.grid import GridSpec
from .core.io.raster import has_valid_cell, open_raster
from .core.io.vector import geometry_area, rasterize, require_overlap, temp_path

TR_CONTEXT = "SwcAlgorithm"

Polygon = Tuple[int, bytes, List[Any]]  # (feature id, WKB in the target CRS, [attributes])

_POLYGON = QgsWkbTypes.GeometryType.PolygonGeometry
_LINE = QgsWkbTypes.GeometryType.LineGeometry
_POINT = QgsWkbTypes.GeometryType.PointGeometry
_SKIP_VALIDITY = QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def _fail(message: str) -> QgsProcessingException:
    return QgsProcessingException(message)


def EMPTY_LAYER() -> str:  # noqa: N802 - a message template
    """The message of a layer without any feature (``{name}``: the layer)."""
    return _tr(
        "The layer {name} is empty: it has no feature. Choose the layer that holds the data (or check its filter)."
    )


def _cancelled() -> QgsProcessingException:
    return QgsProcessingException(_tr("Cancelled by the user; no output was written."))


def short_list(values: Sequence[Any], limit: int = 20) -> str:
    """``1, 2, 3, …`` for messages."""
    shown = ", ".join(str(v) for v in values[:limit])
    return shown + (", …" if len(values) > limit else "")


# -- rasters ------------------------------------------------------------------------------------
def named(label: str, name: str) -> str:
    """``label (NAME)``: what a message calls a parameter (the dialog's label and the name scripts use)."""
    return f"{label} ({name})" if label and label != name and f"({name})" not in label else (label or name)


def param_label(definition) -> str:
    """The short label of a parameter for messages: its description up to the first bracket, and its name."""
    text = re.split(r"\s*[(（:：]", definition.description(), maxsplit=1)[0].strip()
    return named(text, definition.name())


def grid_of(path: str, label: str = "DEM") -> GridSpec:
    """The grid of a raster file, checked for a usable (north-up, projected, metre) CRS."""
    try:
        ds, grid = open_raster(path)
        del ds
        grid.check_usable(label)
    except SwcError as exc:
        raise _fail(translate_core_error(exc)) from exc
    return grid


def gdal_path(layer: QgsRasterLayer, name: str) -> str:
    """The file of a raster layer; refuses a layer that is not a GDAL file (WMS, XYZ, ...)."""
    if layer.providerType() != "gdal":
        raise _fail(
            _tr("The raster {name} must be a GDAL raster file, not a {provider} layer.").format(
                name=name, provider=layer.providerType()
            )
        )
    return layer.source()


def raster(
    alg, parameters: Dict[str, Any], name: str, context: QgsProcessingContext, *, required: bool = True
) -> Optional[Tuple[QgsRasterLayer, str]]:
    """``(layer, GDAL path)`` of a raster parameter; ``None`` for an optional one left empty."""
    given = parameters.get(name) not in (None, "")
    layer = alg.parameterAsRasterLayer(parameters, name, context) if given else None
    if layer is None or not layer.isValid():
        if not given and not required:
            return None
        raise _fail(_tr("The raster {name} could not be loaded.").format(name=name))
    return layer, gdal_path(layer, name)


def dem(
    alg,
    parameters: Dict[str, Any],
    name: str,
    context: QgsProcessingContext,
    feedback: Optional[QgsProcessingFeedback] = None,
    coarse_warning: float = 30.0,
) -> Tuple[QgsRasterLayer, str, GridSpec]:
    """DEM layer, its GDAL path and grid, checked for a usable projected CRS.

    A DEM coarser than ``coarse_warning`` metres (0: no warning) gives a warning.
    """
    layer = alg.parameterAsRasterLayer(parameters, name, context)
    if layer is None or not layer.isValid():
        raise _fail(_tr("The DEM ({name}) could not be loaded.").format(name=name))
    if layer.providerType() != "gdal":
        raise _fail(
            _tr("The DEM must be a GDAL raster file (GeoTIFF, IMG, ...), not a {provider} layer.").format(
                provider=layer.providerType()
            )
        )
    path = layer.source()
    grid = grid_of(path, name)
    size = max(grid.cellsize_x, grid.cellsize_y)
    if feedback is not None and coarse_warning and size > coarse_warning:
        feedback.pushWarning(
            _tr(
                "The DEM cells are {size:.0f} m, coarser than {limit:.0f} m: coarse DEMs flatten "
                "slopes and understate steep areas (see the help)."
            ).format(size=size, limit=coarse_warning)
        )
    return layer, path, grid


# -- vector layers ------------------------------------------------------------------------------
#: the encoding a shapefile without ``.cpg`` is read in when its text is not UTF-8 (Chinese county data)
FALLBACK_ENCODING = "GB18030"
_DBF_SAMPLE = 4 << 20  # bytes of the .dbf looked at


def _dbf_text(dbf: str) -> bytes:
    """Field names and records of a dBase file (the binary header left out)."""
    with open(dbf, "rb") as handle:
        data = handle.read(_DBF_SAMPLE)
    if len(data) < 32:
        return b""
    header = int.from_bytes(data[8:10], "little")
    names = b"".join(data[i : i + 11].split(b"\0", 1)[0] for i in range(32, max(32, header - 1), 32))
    return names + data[header:].rstrip(b"\x1a")


def shapefile_fallback_encoding(path: str) -> Optional[str]:
    """:data:`FALLBACK_ENCODING` for a shapefile that has no ``.cpg`` and whose text is not UTF-8 but
    reads as GB18030; ``None`` otherwise (UTF-8 or ASCII text, a ``.cpg``, not a shapefile)."""
    stem, ext = os.path.splitext(path)
    if ext.lower() != ".shp" or any(os.path.exists(stem + e) for e in (".cpg", ".CPG")):
        return None
    dbf = next((stem + e for e in (".dbf", ".DBF") if os.path.exists(stem + e)), None)
    if dbf is None:
        return None
    text = _dbf_text(dbf)
    try:
        text.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        if exc.start >= _DBF_SAMPLE - 4:  # a character cut by the sample's end
            return None
    try:
        text.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return FALLBACK_ENCODING


def vector_source(
    alg,
    parameters: Dict[str, Any],
    name: str,
    context: QgsProcessingContext,
    feedback: Optional[QgsProcessingFeedback] = None,
    label: str = "",
    warn: bool = True,
):
    """The feature source of a vector parameter (``None`` when empty), decoded right.

    A shapefile without ``.cpg`` whose text is not UTF-8 (GBK county data very often comes that way)
    is read as GB18030 with a warning, so that Chinese names and field names come through intact; a
    layer whose encoding was set in QGIS, or a selection, is read as it is.
    """
    src = alg.parameterAsSource(parameters, name, context)
    if src is None:
        return None
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly:
        return src
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if layer is None or layer.providerType() != "ogr":
        return src
    path = layer.source().split("|")[0]
    if layer.customProperty("swc_decoded"):
        decoded, encoding = layer, layer.dataProvider().encoding()  # ours, found again by its source
    else:
        if layer.dataProvider().encoding().upper() not in ("UTF-8", "UTF8", "SYSTEM", ""):
            return src  # an encoding chosen by the user
        encoding = shapefile_fallback_encoding(path)
        if encoding is None:
            return src
        decoded = _decoded_layer(layer, encoding, context)
        if decoded is None:
            return src
    feedback = feedback if feedback is not None else context.feedback()
    if warn and feedback is not None and not decoded.customProperty("swc_warned"):
        decoded.setCustomProperty("swc_warned", True)  # once per run, however often the layer is read
        feedback.pushWarning(
            _tr(
                "{name}: the shapefile {path} has no .cpg file and its text is not UTF-8; it is read as "
                "GBK ({encoding}). Add a .cpg file holding the encoding to make this explicit."
            ).format(name=label or name, path=os.path.basename(path), encoding=encoding)
        )
    return QgsProcessingFeatureSource(decoded, context)


def _decoded_layer(layer: QgsVectorLayer, encoding: str, context: QgsProcessingContext):
    """The layer read in ``encoding``: one per file for the whole run, owned by the context's temporary
    layer store (as the layers Processing loads itself).  Every source made from it reads from the
    layer, so it must live as long as the run and never beyond the context (a layer held by the
    algorithm instance outlives QGIS in qgis_process and crashes it on exit)."""
    store = context.temporaryLayerStore()
    key = "swc_decoded:" + layer.source()
    for known in store.mapLayers().values():
        if known.customProperty("swc_decoded") == key:
            return known
    decoded = QgsVectorLayer(layer.source(), layer.name(), "ogr")
    decoded.setProviderEncoding(encoding)
    if not decoded.isValid():
        return None
    decoded.setCustomProperty("swc_decoded", key)
    store.addMapLayer(decoded)
    return decoded


def source(
    alg,
    parameters: Dict[str, Any],
    name: str,
    context: QgsProcessingContext,
    label: str = "",
    feedback: Optional[QgsProcessingFeedback] = None,
):
    """The feature source of a required vector parameter (a clear error when it cannot be loaded)."""
    src = vector_source(alg, parameters, name, context, feedback, label)
    if src is None:
        raise _fail(_tr("The layer {name} could not be loaded.").format(name=label or name))
    return src


def require_fields(src, fields: Sequence[str], label: str) -> List[int]:
    """Indexes of ``fields`` in ``src``; a missing (e.g. misspelt) field is an error listing the fields."""
    out = []
    for attr in fields:
        idx = src.fields().lookupField(attr)
        if idx < 0:
            raise _fail(
                _tr("The layer {name} has no field \u201c{field}\u201d. Available fields: {fields}.").format(
                    name=label, field=attr, fields=", ".join(src.fields().names())
                )
            )
        out.append(idx)
    return out


def require_geometry(src, geometry_type, label: str) -> None:
    """Refuse a layer of the wrong geometry type (polygons given as outlets, points as a dam axis, …),
    and an empty layer whose type is unknown (an empty layer would otherwise be called the wrong type)."""
    if QgsWkbTypes.geometryType(src.wkbType()) != geometry_type:
        if src.featureCount() == 0:
            raise _fail(EMPTY_LAYER().format(name=label))
        message = {
            _POLYGON: _tr("The layer {name} must contain polygons."),
            _LINE: _tr("The layer {name} must contain lines."),
            _POINT: _tr("The layer {name} must contain points."),
        }[geometry_type]
        raise _fail(message.format(name=label))


def polygons(
    alg,
    parameters: Dict[str, Any],
    name: str,
    context: QgsProcessingContext,
    crs: QgsCoordinateReferenceSystem,
    feedback: Optional[QgsProcessingFeedback],
    *,
    attributes: Sequence[str] = (),
    required: bool = True,
    label: str = "",
) -> Optional[List[Polygon]]:
    """Polygons of a source transformed to ``crs``: ``[(fid, wkb, [attrs]), ...]``.

    Invalid geometries are repaired (``makeValid``) and reported by feature id; features whose
    geometry stays empty are reported and skipped.  Returns ``None`` for an optional parameter left
    empty; an optional layer that is given but holds no polygon gives a warning and ``[]``; a
    required one is an error.
    """
    label = named(label, name)
    src = vector_source(alg, parameters, name, context, feedback, label)
    if src is None:
        if required:
            raise _fail(_tr("The layer {name} could not be loaded.").format(name=label))
        return None
    require_geometry(src, _POLYGON, label)
    field_idx = require_fields(src, attributes, label)
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    out: List[Polygon] = []
    repaired: List[int] = []
    dropped: List[int] = []
    # we repair invalid geometries ourselves (and say which), instead of stopping
    for feature in src.getFeatures(request, _SKIP_VALIDITY):
        if feedback is not None and feedback.isCanceled():
            raise _cancelled()
        geom = feature.geometry()
        if geom is None or geom.isEmpty():
            dropped.append(feature.id())
            continue
        if not geom.isGeosValid():
            geom = geom.makeValid()
            repaired.append(feature.id())
            if geom.type() != _POLYGON:
                geom = geom.convertToType(_POLYGON, True) or QgsGeometry()
            if geom.isEmpty():
                dropped.append(feature.id())
                continue
        attrs = [feature.attribute(i) for i in field_idx]
        out.append((int(feature.id()), bytes(geom.asWkb()), attrs))
    if feedback is not None and repaired:
        feedback.pushWarning(
            _tr("{name}: repaired {n} invalid geometries (feature ids {ids}).").format(
                name=label, n=len(repaired), ids=short_list(repaired)
            )
        )
    if feedback is not None and dropped:
        feedback.pushWarning(
            _tr("{name}: skipped {n} features with empty geometry (feature ids {ids}).").format(
                name=label, n=len(dropped), ids=short_list(dropped)
            )
        )
    if not out:
        if required:
            raise _fail(_tr("The layer {name} is empty: it has no polygon to work with.").format(name=label))
        if feedback is not None:
            feedback.pushWarning(
                _tr("The layer {name} is empty: it has no polygon; it is ignored.").format(name=label)
            )
    return out


def _features_in(
    alg,
    parameters: Dict[str, Any],
    name: str,
    context: QgsProcessingContext,
    crs: QgsCoordinateReferenceSystem,
    feedback: QgsProcessingFeedback,
    label: str,
    geometry_type,
) -> Iterator[Tuple[QgsFeature, QgsGeometry]]:
    """``(feature, geometry in crs)`` of each feature with a geometry of a source that must have
    ``geometry_type``; a feature without one is skipped with a warning."""
    src = source(alg, parameters, name, context, label, feedback)
    require_geometry(src, geometry_type, label)
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    for feature in src.getFeatures(request):
        geom = feature.geometry()
        if geom is None or geom.isEmpty():
            feedback.pushWarning(
                _tr("{name}: feature {fid} has no geometry; skipped.").format(name=label, fid=feature.id())
            )
            continue
        yield feature, geom


def points(
    alg,
    parameters: Dict[str, Any],
    name: str,
    context: QgsProcessingContext,
    crs: QgsCoordinateReferenceSystem,
    feedback: QgsProcessingFeedback,
    label: str = "",
) -> List[Tuple[int, float, float]]:
    """``[(fid, x, y)]`` of a point layer in ``crs`` (the first point of a multipoint, with a warning)."""
    label = named(label, name)
    out = []
    for feature, geom in _features_in(alg, parameters, name, context, crs, feedback, label, _POINT):
        if QgsWkbTypes.isMultiType(geom.wkbType()):
            parts = geom.asMultiPoint()
            if len(parts) > 1:
                feedback.pushWarning(
                    _tr("{name}: feature {fid} has {n} points; the first is used.").format(
                        name=label, fid=feature.id(), n=len(parts)
                    )
                )
            point = parts[0]
        else:
            point = geom.asPoint()
        out.append((int(feature.id()), point.x(), point.y()))
    if not out:
        raise _fail(_tr("The layer {name} is empty: it has no point to work with.").format(name=label))
    return out


def lines(
    alg,
    parameters: Dict[str, Any],
    name: str,
    context: QgsProcessingContext,
    crs: QgsCoordinateReferenceSystem,
    feedback: QgsProcessingFeedback,
    label: str = "",
) -> List[Tuple[int, List[Tuple[float, float]]]]:
    """``[(fid, [(x, y), ...])]`` of a line layer in ``crs`` (the longest part of a multi-line, with a
    warning; lines with fewer than two vertices are skipped with a warning)."""
    label = named(label, name)
    out = []
    for feature, geom in _features_in(alg, parameters, name, context, crs, feedback, label, _LINE):
        if QgsWkbTypes.isMultiType(geom.wkbType()):
            parts = geom.asMultiPolyline()
            if len(parts) > 1:
                feedback.pushWarning(
                    _tr("{name}: feature {fid} has {n} parts; the longest is used.").format(
                        name=label, fid=feature.id(), n=len(parts)
                    )
                )
            line = max(
                parts,
                key=lambda p: sum(math.hypot(b.x() - a.x(), b.y() - a.y()) for a, b in zip(p[:-1], p[1:])),
            )
        else:
            line = geom.asPolyline()
        if len(line) < 2:
            feedback.pushWarning(
                _tr("{name}: feature {fid} has fewer than two vertices; skipped.").format(
                    name=label, fid=feature.id()
                )
            )
            continue
        out.append((int(feature.id()), [(p.x(), p.y()) for p in line]))
    if not out:
        raise _fail(_tr("The layer {name} is empty: it has no line to work with.").format(name=label))
    return out


def geometries(
    alg,
    parameters: Dict[str, Any],
    name: str,
    context: QgsProcessingContext,
    crs: QgsCoordinateReferenceSystem,
    feedback: QgsProcessingFeedback,
    label: str = "",
) -> Optional[List[bytes]]:
    """WKB of every non-empty geometry (any type, repaired) of an optional source, in ``crs``.

    ``None`` when the parameter is empty; a given layer without geometry gives a warning and ``[]``.
    """
    src = vector_source(alg, parameters, name, context, feedback, label)
    if src is None:
        return None
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    request.setNoAttributes()
    out = []
    for feature in src.getFeatures(request, _SKIP_VALIDITY):
        if feedback.isCanceled():
            raise _cancelled()
        geom = feature.geometry()
        if geom is not None and not geom.isEmpty():
            if not geom.isGeosValid():
                geom = geom.makeValid()
            out.append(bytes(geom.asWkb()))
    if not out:
        feedback.pushWarning(
            _tr("{name}: the layer has no geometry; it is ignored.").format(name=label or name)
        )
    return out


def overlapping(polys: Sequence[Polygon], grid: GridSpec, label: str) -> None:
    """Refuse polygons that do not overlap the grid (another CRS or area)."""
    try:
        require_overlap([(0, w) for _f, w, _a in polys], grid, label)
    except SwcError as exc:
        raise _fail(translate_core_error(exc)) from exc


# -- zones ----------------------------------------------------------------------------------------
def zones_on_grid(
    alg,
    parameters: Dict[str, Any],
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    zones_name: str,
    field_name: str,
    crs: QgsCoordinateReferenceSystem,
    grid: GridSpec,
    work: str,
    required: bool = False,
    label: str = "",
) -> Tuple[List[Any], Optional[str], List[float]]:
    """Zone polygons grouped by name, rasterised on ``grid``.

    Returns ``(names, zone raster path or None, polygon areas m²)``; zone numbers are
    1..len(names).  Polygons sharing a name form one zone.
    """
    label = label or _tr("Zones")
    field = alg.parameterAsString(parameters, field_name, context)
    polys = polygons(
        alg,
        parameters,
        zones_name,
        context,
        crs,
        feedback,
        attributes=[field] if field else [],
        required=required,
        label=label,
    )
    if not polys:
        return [], None, []
    overlapping(polys, grid, label)
    names: List[Any] = []
    numbers: Dict[str, int] = {}
    areas: List[float] = []
    burn = []
    for fid, wkb, attrs in polys:
        name = attrs[0] if field else fid
        key = str(name)
        if key not in numbers:
            numbers[key] = len(names) + 1
            names.append(name)
            areas.append(0.0)
        areas[numbers[key] - 1] += geometry_area(wkb)
        burn.append((numbers[key], wkb))
    path = rasterize(burn, grid, temp_path(work, "zones"))
    return names, path, areas


# -- checks before the run (SwcAlgorithm.checkParameterValues) ------------------------------------
_SOURCE_GEOMETRY = {
    int(QgsProcessing.SourceType.TypeVectorPoint): _POINT,
    int(QgsProcessing.SourceType.TypeVectorLine): _LINE,
    int(QgsProcessing.SourceType.TypeVectorPolygon): _POLYGON,
}
_RASTER_TYPE = int(QgsProcessing.SourceType.TypeRaster)
_URI = re.compile(r"^(/vsi|[A-Za-z][A-Za-z0-9]+:(?![\\/])|[a-z]+://)")  # /vsizip/, GPKG:…, PG:…, file://…


def _geometry_words() -> Dict[Any, str]:
    return {
        _POINT: _tr("points"),
        _LINE: _tr("lines"),
        _POLYGON: _tr("polygons"),
        QgsWkbTypes.GeometryType.NullGeometry: _tr("no geometry (a table)"),
        QgsWkbTypes.GeometryType.UnknownGeometry: _tr("geometries of mixed or unknown type"),
    }


def _file_of(value: Any, context: QgsProcessingContext) -> Optional[str]:
    """The local file a parameter value names, or ``None`` (a project layer, a URI, a database, …)."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        if value.propertyType() != QgsProperty.Type.StaticProperty:
            return None
        value = value.staticValue()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if QgsProcessingUtils.mapLayerFromString(text, context, False) is not None:
        return None  # a layer of the project (by id or name)
    path = text.split("|")[0]
    if _URI.match(path) or os.path.splitext(path)[1] == "":
        return None
    return path


def _file_error(label: str, path: str) -> Optional[str]:
    if not os.path.exists(path):
        return _tr("{label}: the file {path} does not exist. Check the path and the file name.").format(
            label=label, path=path
        )
    if os.path.isfile(path) and os.path.getsize(path) == 0:
        return _tr(
            "{label}: the file {path} is empty (0 bytes): it was not copied or saved completely. Copy it "
            "again from its source."
        ).format(label=label, path=path)
    return None


def _raster_error(layer: Optional[QgsRasterLayer], label: str, value: Any) -> Optional[str]:
    if layer is None or not layer.isValid():
        return _tr(
            "{label}: {path} cannot be read as a raster. Check that it is a GeoTIFF (or another raster "
            "GDAL reads) and that it is not damaged."
        ).format(label=label, path=value)
    if layer.providerType() != "gdal":
        return None  # inputs.raster / inputs.dem refuse what is not a file, with the provider named
    try:
        _ds, grid = open_raster(layer.source())
        del _ds
        grid.check_usable(label)
        if not has_valid_cell(layer.source()):
            return _tr(
                "The raster {label} has no valid cell: every cell is nodata ({nodata}). Check its nodata "
                "value and its extent."
            ).format(label=label, nodata="NaN" if grid.nodata is None else f"{grid.nodata:g}")
    except SwcError as exc:
        return translate_core_error(exc)
    return None


def _vector_error(
    src, definition, label: str, value: Any, allowed: Sequence[int], may_be_empty: bool = False
) -> Optional[str]:
    if src is None:
        return _tr(
            "{label}: {path} cannot be read as a vector layer or table. Check that it is a GeoPackage, "
            "shapefile, CSV or another format OGR reads, and that it is not damaged."
        ).format(label=label, path=value)
    count = src.featureCount()
    if count == 0 and not may_be_empty:
        text = EMPTY_LAYER().format(name=label)
        if definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional:
            text += " " + _tr("Or leave {name} empty.").format(name=definition.name())
        return text
    wanted = [_SOURCE_GEOMETRY[t] for t in allowed if t in _SOURCE_GEOMETRY]
    actual = QgsWkbTypes.geometryType(src.wkbType())
    if wanted and actual not in wanted:
        words = _geometry_words()
        return _tr("The layer {name} must contain {expected}; it holds {actual}.").format(
            name=label,
            expected=_tr(" or ").join(words[w] for w in wanted),
            actual=words.get(actual, words[QgsWkbTypes.GeometryType.UnknownGeometry]),
        )
    return None


def input_errors(alg, parameters: Dict[str, Any], context: QgsProcessingContext) -> List[str]:
    """One translated message per input that cannot be used, before any work starts.

    Files that do not exist or have 0 bytes; rasters GDAL cannot read, whose grid the kernels cannot
    use (rotated, geographic, not in metres, without CRS) or without a valid cell; vector layers OGR
    cannot read, without any feature (unless the algorithm lists them in ``EMPTY_INPUTS``), or of a
    geometry type the parameter does not take (the
    dialog filters layers by type, ``processing.run`` and ``qgis_process`` do not).
    """
    from qgis.core import (
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterFile,
        QgsProcessingParameterMapLayer,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterVectorLayer,
    )

    errors: List[str] = []
    reference = None  # (label, layer) of the first required raster: the vector layers must meet it
    vectors = []  # (label, source) of the layers with geometry
    sources: Dict[str, Any] = {}  # parameter name -> (label, source) of the usable vector layers
    for definition in alg.parameterDefinitions():
        if definition.isDestination():
            continue
        name = definition.name()
        value = parameters.get(name)
        if value is None or value == "":
            continue
        is_raster = isinstance(definition, QgsProcessingParameterRasterLayer)
        is_vector = isinstance(
            definition,
            (
                QgsProcessingParameterFeatureSource,
                QgsProcessingParameterVectorLayer,
                QgsProcessingParameterMapLayer,
            ),
        )
        is_file = (
            isinstance(definition, QgsProcessingParameterFile)
            and definition.behavior() == QgsProcessingParameterFile.Behavior.File
        )
        if not (is_raster or is_vector or is_file):
            continue
        label = param_label(definition)
        path = _file_of(value, context)
        error = _file_error(label, path) if path is not None else None
        if error is None and is_raster:
            layer = alg.parameterAsRasterLayer(parameters, name, context)
            error = _raster_error(layer, label, path or value)
            optional = definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
            if error is None and reference is None and not optional:
                reference = (label, layer)
        elif error is None and is_vector:
            allowed = [int(t) for t in definition.dataTypes()]
            if isinstance(definition, QgsProcessingParameterMapLayer):
                layer = alg.parameterAsLayer(parameters, name, context)
                if isinstance(layer, QgsRasterLayer) and (not allowed or _RASTER_TYPE in allowed):
                    error = _raster_error(layer, label, path or value)
                    if error:
                        errors.append(error)
                    continue
            src = vector_source(alg, parameters, name, context, None, label, warn=False)  # names decoded
            error = _vector_error(src, definition, label, path or value, allowed, name in alg.EMPTY_INPUTS)
            if error is None:
                sources[name] = (label, src)
                if QgsWkbTypes.geometryType(src.wkbType()) in (_POINT, _LINE, _POLYGON):
                    vectors.append((label, src))
        if error:
            errors.append(error)
    errors += _field_errors(alg, parameters, context, sources)
    if reference is not None and not errors:
        errors += _overlap_errors(reference, vectors, context)
    return errors


def _field_errors(alg, parameters: Dict[str, Any], context: QgsProcessingContext, sources) -> List[str]:
    """Field parameters naming a field their layer does not have (misspelt), with the fields it has."""
    from qgis.core import QgsProcessingParameterField

    out = []
    for definition in alg.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterField):
            continue
        parent = sources.get(definition.parentLayerParameterName())
        value = parameters.get(definition.name())
        if parent is None or value is None or isinstance(value, QgsProperty):
            continue
        names = [v for v in (value if isinstance(value, (list, tuple)) else str(value).split(";")) if str(v)]
        label, src = parent
        for field in names:
            if src.fields().lookupField(str(field)) < 0:
                out.append(
                    _tr(
                        "The layer {name} has no field \u201c{field}\u201d. Available fields: {fields}."
                    ).format(name=label, field=field, fields=", ".join(src.fields().names()))
                )
    return out


def _overlap_errors(reference, vectors, context: QgsProcessingContext) -> List[str]:
    """Layers whose extent does not meet the reference raster at all (another area, or a wrong CRS)."""
    from qgis.core import QgsCoordinateTransform

    raster_label, raster = reference
    extent = raster.extent()
    out = []
    for label, src in vectors:
        try:
            transform = QgsCoordinateTransform(src.sourceCrs(), raster.crs(), context.transformContext())
            box = transform.transformBoundingBox(src.sourceExtent())
        except Exception:  # noqa: BLE001 - QgsCsException: an extent that cannot be transformed is not judged
            box = None
        if box is None or box.isNull():
            continue
        if not box.intersects(extent):
            out.append(
                _tr(
                    "The layer {name} does not overlap the {raster}: they lie in different areas, or one "
                    "of them has a wrong CRS. Check that both cover the same area and that their CRS are "
                    "set right."
                ).format(name=label, raster=raster_label)
            )
    return out
