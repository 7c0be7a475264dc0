"""QML styles written as text, so outputs carry their legend as a sidecar file.

QGIS loads ``<output>.qml`` automatically when a file-based layer is opened,
so styles reach the toolbox, models and ``qgis_process`` users alike.
"""

from __future__ import annotations

import os
from typing import Optional, Sequence, Tuple
from xml.sax.saxutils import quoteattr

HEADER = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"


def _rgba(color: str, alpha: int = 255) -> str:
    color = color.lstrip("#")
    r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{alpha}"


def paletted_raster_qml(entries: Sequence[Tuple[int, str, str]], opacity: float = 1.0) -> str:
    """Paletted (unique values) raster style from ``[(value, '#rrggbb', label), ...]``."""
    rows = "\n".join(
        f'        <paletteEntry value="{value}" color="{color}" alpha="255" label={quoteattr(label)}/>'
        for value, color, label in entries
    )
    return (
        HEADER + '<qgis version="3.22.0" styleCategories="AllStyleCategories">\n'
        "  <pipe>\n"
        '    <rasterrenderer type="paletted" opacity="{}" band="1" alphaBand="-1" '
        'nodataColor="">\n'
        "      <rasterTransparency/>\n"
        "      <colorPalette>\n{}\n      </colorPalette>\n"
        "    </rasterrenderer>\n"
        '    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>\n'
        '    <huesaturation saturation="0" grayscaleMode="0" colorizeOn="0"/>\n'
        '    <rasterresampler maxOversampling="2"/>\n'
        "  </pipe>\n"
        "  <blendMode>0</blendMode>\n"
        "</qgis>\n"
    ).format(opacity, rows)


def pseudocolor_raster_qml(stops: Sequence[Tuple[float, str, str]], interpolation: str = "DISCRETE") -> str:
    """Single-band pseudocolor style; ``stops`` are ``(upper value, colour, label)``."""
    items = "\n".join(
        f'          <item value="{value}" color="{color}" alpha="255" label={quoteattr(label)}/>'
        for value, color, label in stops
    )
    lo = stops[0][0]
    hi = stops[-1][0]
    return (
        HEADER + '<qgis version="3.22.0" styleCategories="AllStyleCategories">\n'
        "  <pipe>\n"
        '    <rasterrenderer type="singlebandpseudocolor" opacity="1" band="1" alphaBand="-1" '
        'classificationMin="{lo}" classificationMax="{hi}" nodataColor="">\n'
        "      <rasterTransparency/>\n"
        "      <rastershader>\n"
        '        <colorrampshader colorRampType="{interp}" classificationMode="1" clip="0" '
        'minimumValue="{lo}" maximumValue="{hi}">\n{items}\n'
        "        </colorrampshader>\n"
        "      </rastershader>\n"
        "    </rasterrenderer>\n"
        "  </pipe>\n"
        "</qgis>\n"
    ).format(lo=lo, hi=hi, interp=interpolation, items=items)


def _fill_symbol(name: str, fill: str, outline: str, alpha: int = 150, width: float = 0.26) -> str:
    return (
        f'      <symbol type="fill" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">\n'
        '        <layer class="SimpleFill" enabled="1" pass="0" locked="0">\n'
        '          <Option type="Map">\n'
        f'            <Option name="color" value="{_rgba(fill, alpha)}" type="QString"/>\n'
        f'            <Option name="outline_color" value="{_rgba(outline)}" type="QString"/>\n'
        f'            <Option name="outline_width" value="{width}" type="QString"/>\n'
        '            <Option name="outline_width_unit" value="MM" type="QString"/>\n'
        '            <Option name="outline_style" value="solid" type="QString"/>\n'
        '            <Option name="style" value="solid" type="QString"/>\n'
        '            <Option name="joinstyle" value="bevel" type="QString"/>\n'
        "          </Option>\n"
        "        </layer>\n"
        "      </symbol>\n"
    )


def single_fill_qml(fill: str, outline: str, alpha: int = 150, width: float = 0.26) -> str:
    """Single-symbol polygon style."""
    return (
        HEADER + '<qgis version="3.22.0" styleCategories="Symbology">\n'
        '  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" '
        'forceraster="0">\n'
        "    <symbols>\n" + _fill_symbol("0", fill, outline, alpha, width) + "    </symbols>\n"
        "    <rotation/>\n    <sizescale/>\n"
        "  </renderer-v2>\n"
        "</qgis>\n"
    )


def categorized_fill_qml(
    field: str, categories: Sequence[Tuple[str, str, str]], outline: str = "#555555", alpha: int = 170
) -> str:
    """Categorized polygon style from ``[(value, '#rrggbb', label), ...]``."""
    cats = "\n".join(
        f'      <category value={quoteattr(str(value))} symbol="{i}" label={quoteattr(label)} render="true"/>'
        for i, (value, _color, label) in enumerate(categories)
    )
    symbols = "".join(
        _fill_symbol(str(i), color, outline, alpha) for i, (_v, color, _l) in enumerate(categories)
    )
    return (
        HEADER + '<qgis version="3.22.0" styleCategories="Symbology">\n'
        '  <renderer-v2 type="categorizedSymbol" attr={} symbollevels="0" '
        'enableorderby="0" forceraster="0">\n'
        "    <categories>\n{}\n    </categories>\n"
        "    <symbols>\n{}    </symbols>\n"
        "    <rotation/>\n    <sizescale/>\n"
        "  </renderer-v2>\n"
        "</qgis>\n"
    ).format(quoteattr(field), cats, symbols)


def write_sidecar(output_path: Optional[str], qml: str) -> Optional[str]:
    """Write ``qml`` next to a file output (``<stem>.qml``); returns the QML path."""
    if not output_path or output_path.startswith(("memory:", "ogr:", "postgres")):
        return None
    path = output_path.split("|")[0]
    stem, _ext = os.path.splitext(path)
    qml_path = stem + ".qml"
    try:
        with open(qml_path, "w", encoding="utf-8") as handle:
            handle.write(qml)
    except OSError:
        return None
    return qml_path
