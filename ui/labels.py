"""Translated display labels of the stable codes used by the wizard's tables, and number formatting."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

TR_CONTEXT = "SwcPlannerLabels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def fmt(value: object, digits: int = 2) -> str:
    """A number for tables: thousands separators, fixed decimals; ``–`` for none or NaN.

    >>> fmt(1234.5), fmt(None), fmt(3, 0)
    ('1,234.50', '–', '3')
    """
    if value is None or value == "":
        return "–"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and value != value:  # NaN
            return "–"
        value = float(value)
        if round(value, digits) == 0:
            value = 0.0  # no "-0" for a tiny negative
        return "{:,.{d}f}".format(value, d=digits)
    return str(value)


def region_label(code: str) -> str:
    return {
        "bashang": _tr("Bashang plateau (坝上高原)"),
        "yanshan": _tr("Yanshan mountains (燕山)"),
        "taihang": _tr("Taihang mountains (太行山)"),
    }.get(code, code)


def landuse_label(code: str) -> str:
    return {
        "cropland": _tr("Cropland"),
        "orchard": _tr("Orchard"),
        "forest": _tr("Forest"),
        "grass": _tr("Grassland"),
        "bare": _tr("Bare and other land"),
        "water": _tr("Water"),
        "built": _tr("Built-up land"),
    }.get(code, code)


def measure_label(code: str) -> str:
    return {
        "none": _tr("No measure"),
        "enclosure": _tr("Enclosure (closing hillsides)"),
        "soilforest_pits": _tr("Soil-conservation forest, fish-scale pits"),
        "soilforest_benches": _tr("Soil-conservation forest, level benches"),
        "econforest_pits": _tr("Economic forest, fish-scale pits"),
        "econforest_benches": _tr("Economic forest, level benches"),
        "grass": _tr("Grass planting"),
        "terrace": _tr("Slope-to-terrace conversion"),
        "tillage": _tr("Conservation tillage"),
        "checkdam": _tr("Check dams"),
        "siltdam": _tr("Silt-trap dams"),
        "soilforest": _tr("Soil-conservation forest"),
        "econforest": _tr("Economic forest"),
        "pits": _tr("Fish-scale pits"),
        "benches": _tr("Level benches"),
        "planting": _tr("Planting"),
    }.get(code, code)


def item_label(code: str) -> str:
    return {
        "enclosure_area": _tr("Enclosure area"),
        "soilforest_area": _tr("Soil-conservation forest area"),
        "econforest_area": _tr("Economic forest area"),
        "pit_count": _tr("Fish-scale pits"),
        "pit_earthwork": _tr("Earthwork of pits"),
        "bench_earthwork": _tr("Earthwork of level benches"),
        "grass_area": _tr("Grass area"),
        "terrace_area": _tr("Terrace area"),
        "terrace_earthwork": _tr("Earthwork of terraces"),
        "tillage_area": _tr("Conservation tillage area"),
        "checkdam_count": _tr("Check dams"),
        "checkdam_volume": _tr("Check-dam body volume"),
        "siltdam_count": _tr("Silt-trap dams"),
        "siltdam_volume": _tr("Silt-trap dam body volume"),
        "seedling_count": _tr("Seedlings"),
        "independent_pct": _tr("Independent costs (% of parts 1–3)"),
        "contingency_pct": _tr("Basic contingency (% of parts 1–4)"),
    }.get(code, code)


def unit_label(code: str) -> str:
    return {
        "ha": _tr("ha"),
        "pcs": _tr("pcs"),
        "m3": _tr("m³"),
        "%": "%",
        "kg": _tr("kg"),
    }.get(code, code)


def part_label(code: str) -> str:
    return {
        "engineering": _tr("Part 1: engineering measures"),
        "vegetation": _tr("Part 2: forest and grass measures"),
        "enclosure": _tr("Part 3: enclosure measures"),
        "direct": _tr("Parts 1–3"),
        "independent": _tr("Part 4: independent costs"),
        "contingency": _tr("Basic contingency"),
        "total": _tr("Total investment"),
    }.get(code, code)


def indicator_label(code: str) -> str:
    return {
        "soil_loss_t": _tr("Soil loss (t/a)"),
        "mean_modulus": _tr("Mean erosion modulus (t/km²·a)"),
        "eroded_km2": _tr("Eroded area, light and above (km²)"),
        "swc_rate": _tr("Soil-and-water-conservation rate (%)"),
        "land_km2": _tr("Land area (km²)"),
        "treated_km2": _tr("Area treated (km²)"),
        "treatment_degree": _tr("Erosion treatment degree (%)"),
        "forest_grass_km2": _tr("Forest and grass area (km²)"),
        "forest_grass_cover": _tr("Forest and grass cover (%)"),
        "terrace_ha": _tr("Terraced land added (ha)"),
        "treated_ha": _tr("Area treated (ha)"),
        "siltdam_count": _tr("Silt-trap dams"),
        "silted_land_ha": _tr("Land silted behind the silt-trap dams (ha)"),
        "checkdam_count": _tr("Check dams"),
    }.get(code, code)


def reason_label(code: str) -> str:
    """Why measureplan refused a measure (its EXCLUDED REASON codes)."""
    return {
        "water": _tr("Water: no measure"),
        "built": _tr("Built-up land: no measure"),
        "landuse": _tr("Only on cropland"),
        "basic_farmland": _tr("Permanent basic farmland"),
        "slope_low": _tr("Slope below the measure's band"),
        "slope_high": _tr("Slope above the measure's band"),
        "no_slope": _tr("No slope (DEM nodata)"),
    }.get(code, code)


def size_class_label(code: str) -> str:
    """Size class of a silt-trap dam (checkdams.size_class codes)."""
    return {
        "small": _tr("Small (小型)"),
        "medium": _tr("Medium (中型)"),
        "large2": _tr("Large 2 (大(2)型)"),
        "large1": _tr("Large 1 (大(1)型)"),
        "above_large1": _tr("Above large 1"),
    }.get(code, code)


def benefit_class_label(code: str) -> str:
    """The benefit classes of GB/T 15774-2008."""
    return {
        "basic": _tr("Soil and water retained"),
        "economic": _tr("Economic benefit"),
        "social": _tr("Social benefit"),
        "ecological": _tr("Ecological benefit"),
    }.get(code, code)


def product_label(text: str) -> str:
    """The product of an economic-benefit row (the shipped table's English text, Chinese in brackets)."""
    return {
        "grain (粮食增产)": _tr("Grain (粮食增产)"),
        "fruit (果品)": _tr("Fruit (果品)"),
        "wood (林木蓄积)": _tr("Wood (林木蓄积)"),
        "hay (干草)": _tr("Hay (干草)"),
        "none": _tr("None"),
    }.get(text or "", text or "")


def intensity_label(code: int) -> str:
    return {
        1: _tr("Slight"),
        2: _tr("Light"),
        3: _tr("Moderate"),
        4: _tr("Intense"),
        5: _tr("Very intense"),
        6: _tr("Severe"),
    }.get(int(code), str(code))


def layer_name(key: str) -> str:
    """Name of a plan layer in the layer tree, legends and the GeoPackage."""
    return {
        "watershed": _tr("Watershed"),
        "landuse": _tr("Land use"),
        "slope": _tr("Slope classes"),
        "soil_loss": _tr("Soil loss (t/km²·a)"),
        "intensity": _tr("Erosion intensity"),
        "intensity_after": _tr("Erosion intensity after the plan"),
        "measures": _tr("Measures"),
        "checkdams": _tr("Check dams"),
        "siltdams": _tr("Silt-trap dams"),
        "pit_rows": _tr("Pit rows"),
        "bench_rows": _tr("Bench rows"),
        "farmland": _tr("Farmland screening"),
        "excluded": _tr("Areas excluded by the rules"),
        "siltdam_silt": _tr("Silted area of the silt-trap dams"),
    }.get(key, key)
