"""SWC Planner: soil-and-water-conservation planning for QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS entry point)
    """Entry point called by QGIS; imports lazily so the package loads fast."""
    from .plugin import SwcPlannerPlugin

    return SwcPlannerPlugin(iface)
