"""The core's I/O layer: every GDAL/OGR call of the core goes through this package.

* :mod:`.raster` — open, read and write rasters block by block with a halo, the one
  set of GeoTIFF creation options, alignment of inputs on a reference grid;
* :mod:`.vector` — polygons burnt onto a grid, polygonised cells, temporary paths,
  overlap checks;
* :mod:`.tables` — the one CSV reader of the editable lookup tables and their folder.

GDAL's Python bindings raise exceptions only when ``UseExceptions()`` was called,
and that switch is global to the QGIS process (other plugins and QGIS itself
share it).  The core never flips it for good: :func:`gdal_exceptions` turns
exceptions on for the duration of a ``with`` block (or a decorated function)
and restores the previous state, whatever it was.
"""

from __future__ import annotations

from contextlib import ExitStack, contextmanager
from functools import cache
from typing import Iterator

from osgeo import gdal, ogr, osr

__all__ = ["gdal_exceptions", "memory_driver_name", "memory_vector_driver"]

_MODULES = (gdal, ogr, osr)


@contextmanager
def gdal_exceptions() -> Iterator[None]:
    """Turn GDAL/OGR/OSR exceptions on inside the block; restore the previous state after.

    Uses ``ExceptionMgr`` where the bindings have it (GDAL ≥ 3.7), else
    ``GetUseExceptions``/``UseExceptions``/``DontUseExceptions`` per module
    (GDAL 3.6, where each module keeps its own switch).  Works as a decorator too.

    >>> before = gdal.GetUseExceptions()
    >>> with gdal_exceptions():
    ...     gdal.GetUseExceptions()
    1
    >>> gdal.GetUseExceptions() == before
    True
    """
    with ExitStack() as stack:
        for module in _MODULES:
            manager = getattr(module, "ExceptionMgr", None)
            if manager is not None:
                stack.enter_context(manager(useExceptions=True))
            else:
                stack.callback(_restore, module, module.GetUseExceptions())
                module.UseExceptions()
        # a failure already turned into an exception leaves its error pending; leaving an
        # ExceptionMgr with it pending would raise it again and hide the real exception
        stack.callback(gdal.ErrorReset)
        yield


def _restore(module, state: int) -> None:
    if state:
        module.UseExceptions()
    else:
        module.DontUseExceptions()


@cache
def memory_driver_name() -> str:
    """GDAL's in-memory vector driver: ``MEM`` where it holds vectors (GDAL 3.11+, which deprecates the
    ``Memory`` driver), else ``Memory`` (GDAL 3.6 of QGIS 3.22, whose ``MEM`` is raster only).

    >>> with gdal_exceptions():
    ...     memory_vector_driver().CreateDataSource("x").CreateLayer("a") is not None
    True
    """
    with gdal_exceptions():
        driver = gdal.GetDriverByName("MEM")
        vector = driver is not None and driver.GetMetadataItem(gdal.DCAP_VECTOR) == "YES"
    return "MEM" if vector else "Memory"


def memory_vector_driver() -> ogr.Driver:
    """The OGR driver of :func:`memory_driver_name` (``ogr.GetDriverByName``)."""
    name = memory_driver_name()
    with gdal_exceptions():
        return ogr.GetDriverByName(name)
