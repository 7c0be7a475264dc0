"""Grid description: georeferencing of a north-up projected raster.

``GridSpec`` carries what every kernel needs besides the array itself: the
geotransform, the shape ``(rows, cols)``, the nodata value and the CRS as WKT.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Tuple

from osgeo import osr

from .errors import QT_TRANSLATE_NOOP, GridError
from .io import gdal_exceptions

GeoTransform = Tuple[float, float, float, float, float, float]


def cgcs2000_gk_epsg(longitude: float) -> Tuple[int, int]:
    """EPSG codes of the CGCS2000 3-degree Gauss-Krüger zone for ``longitude``.

    Returns ``(with_zone_prefix, central_meridian_variant)``; e.g. 117.2°E gives
    zone 39: ``(4527, 4548)``.  Valid for China (zones 25 to 45).

    >>> cgcs2000_gk_epsg(117.2)
    (4527, 4548)
    """
    zone = int(round(longitude / 3.0))
    zone = min(max(zone, 25), 45)
    return 4513 + zone - 25, 4534 + zone - 25


@dataclass(frozen=True)
class GridSpec:
    """Georeferencing of a raster grid.

    Parameters
    ----------
    geotransform : GDAL geotransform ``(x0, dx, rx, y0, ry, dy)``.
    shape : ``(rows, cols)``.
    nodata : nodata value of the source band, or ``None``.
    crs_wkt : CRS as WKT ("" when unknown).
    """

    geotransform: GeoTransform
    shape: Tuple[int, int]
    nodata: Optional[float] = None
    crs_wkt: str = ""

    @property
    def rows(self) -> int:
        """Number of rows."""
        return int(self.shape[0])

    @property
    def cols(self) -> int:
        """Number of columns."""
        return int(self.shape[1])

    @property
    def cellsize_x(self) -> float:
        """Cell width in CRS units (positive)."""
        return abs(self.geotransform[1])

    @property
    def cellsize_y(self) -> float:
        """Cell height in CRS units (positive)."""
        return abs(self.geotransform[5])

    @property
    def cell_area(self) -> float:
        """Planar cell area in CRS units squared (m² in a metric CRS)."""
        return self.cellsize_x * self.cellsize_y

    @property
    def extent(self) -> Tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)``."""
        x0, dx, _, y0, _, dy = self.geotransform
        xs = (x0, x0 + dx * self.cols)
        ys = (y0, y0 + dy * self.rows)
        return min(xs), min(ys), max(xs), max(ys)

    def window_geotransform(self, row0: int, col0: int) -> GeoTransform:
        """Geotransform of a window whose upper-left cell is ``(row0, col0)``."""
        x0, dx, rx, y0, ry, dy = self.geotransform
        return (x0 + col0 * dx, dx, rx, y0 + row0 * dy, ry, dy)

    def cell_center(self, row: float, col: float) -> Tuple[float, float]:
        """Map coordinates of a cell centre."""
        x0, dx, _, y0, _, dy = self.geotransform
        return x0 + (col + 0.5) * dx, y0 + (row + 0.5) * dy

    def cell_of(self, x: float, y: float) -> Tuple[int, int]:
        """``(row, col)`` of the cell containing map point ``(x, y)`` (may be outside)."""
        x0, dx, _, y0, _, dy = self.geotransform
        return int(math.floor((y - y0) / dy)), int(math.floor((x - x0) / dx))

    def srs(self) -> osr.SpatialReference:
        """The CRS as an OSR object (x = easting, y = northing order); empty when unknown."""
        with gdal_exceptions():
            srs = osr.SpatialReference()
            if self.crs_wkt:
                srs.ImportFromWkt(self.crs_wkt)
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return srs

    def check_usable(self, label: str = "DEM") -> None:
        """Refuse grids the planar kernels cannot use; ``label`` names the raster in the message.

        Raises
        ------
        GridError
            if the grid is rotated, has no CRS, or is in a geographic CRS (the
            message names the CGCS2000 Gauss-Krüger zone for its longitude).
        """
        _, _, rx, _, ry, dy = self.geotransform
        if rx != 0.0 or ry != 0.0:
            raise GridError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The raster {label} is rotated (geotransform terms {rx}, {ry}). Warp it to a "
                    "north-up grid first, e.g. with gdalwarp.",
                ),
                label=label,
                rx=rx,
                ry=ry,
            )
        if dy > 0:
            raise GridError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The raster {label} is stored south-up (positive pixel height). Warp it to a "
                    "north-up grid first, e.g. with gdalwarp.",
                ),
                label=label,
            )
        if not self.crs_wkt:
            raise GridError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The raster {label} has no coordinate reference system. Assign its projected "
                    "CRS (e.g. a CGCS2000 Gauss-Krüger zone) before running.",
                ),
                label=label,
            )
        srs = self.srs()
        if srs.IsGeographic():
            lon = (self.extent[0] + self.extent[2]) / 2.0
            prefixed, cm = cgcs2000_gk_epsg(lon)
            raise GridError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The raster {label} is in a geographic CRS (degrees); slopes and areas need "
                    "metres. Reproject it to a projected CRS, for its longitude "
                    "{lon:.2f}°E the CGCS2000 3-degree Gauss-Krüger zone EPSG:{epsg} "
                    "(or EPSG:{epsg_cm} without the zone prefix), e.g. with "
                    "gdalwarp -t_srs EPSG:{epsg}.",
                ),
                label=label,
                lon=lon,
                epsg=prefixed,
                epsg_cm=cm,
            )
        units = srs.GetLinearUnits()
        if units and abs(units - 1.0) > 1e-9:
            raise GridError(
                QT_TRANSLATE_NOOP(
                    "SwcCore",
                    "The CRS of the raster {label} is not in metres (one unit = {units} m). "
                    "Reproject it to a metric projected CRS.",
                ),
                label=label,
                units=units,
            )
