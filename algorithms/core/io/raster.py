"""Rasters: block-wise reading with a halo, safe tiled GeoTIFF writing, alignment.

Memory is set by the block size, never by the raster size: every local
operator runs through :func:`map_blocks`, which reads one window plus its
halo, calls a kernel on plain arrays (NaN for nodata and for cells outside
the raster) and writes the trimmed result.

Outputs are written to a temporary file next to the target and renamed only
when the whole job succeeded, so a failure or a cancel never leaves a
half-written raster behind.  Every GeoTIFF the core creates takes its
creation options from :func:`gtiff_options`.

Every GDAL call here runs inside :func:`~swc_planner.algorithms.core.io.gdal_exceptions`:
GDAL errors become exceptions locally, and the process-wide switch is left as it was.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, osr

from ..errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from ..grid import GeoTransform, GridSpec
from . import gdal_exceptions

DEFAULT_BLOCK = 1024
#: Nodata of the float rasters the core writes (soil loss, factors, warped inputs).
FLOAT_NODATA = -9999.0
#: Nodata of warped categorical (Int32) inputs.
INT_NODATA = -2147483648

#: The creation options shared by every GeoTIFF the core writes: 256×256 tiles, BigTIFF when
#: needed.  :func:`gtiff_options` adds the compression.
GTIFF_BASE_OPTIONS = ("TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "BIGTIFF=IF_SAFER")
_FLOAT_TYPES = (gdal.GDT_Float32, gdal.GDT_Float64)

ProgressFn = Callable[[float], None]
CancelFn = Callable[[], bool]


def _noop_progress(_fraction: float) -> None:
    return None


def _never() -> bool:
    return False


def check_cancel(is_cancelled: CancelFn) -> None:
    """Raise :class:`~swc_planner.algorithms.core.errors.Cancelled` when ``is_cancelled()``."""
    if is_cancelled():
        raise Cancelled()


def gtiff_options(gdal_type: int = gdal.GDT_Float32, compress: str = "DEFLATE") -> List[str]:
    """GeoTIFF creation options for a raster of ``gdal_type``.

    Parameters
    ----------
    gdal_type : GDAL data type of the band.
    compress : ``"DEFLATE"`` for outputs (with the floating-point predictor for
        float bands, two threads), ``"LZW"`` for temporary rasters that are read
        again (zones, warped inputs), ``"NONE"`` for scratch rasters written and read
        block by block within one run.

    >>> gtiff_options(gdal.GDT_Byte, "NONE")
    ['TILED=YES', 'BLOCKXSIZE=256', 'BLOCKYSIZE=256', 'BIGTIFF=IF_SAFER']
    >>> gtiff_options(gdal.GDT_Float32)[-3:]
    ['COMPRESS=DEFLATE', 'PREDICTOR=3', 'NUM_THREADS=2']
    """
    options = list(GTIFF_BASE_OPTIONS)
    if compress == "DEFLATE":
        predictor = 3 if gdal_type in _FLOAT_TYPES else 1
        options += ["COMPRESS=DEFLATE", f"PREDICTOR={predictor}", "NUM_THREADS=2"]
    elif compress != "NONE":
        options.append(f"COMPRESS={compress}")
    return options


def create_raster(
    path: str,
    grid: GridSpec,
    gdal_type: int = gdal.GDT_Float32,
    *,
    compress: str = "DEFLATE",
    nodata: Optional[float] = None,
    fill: Optional[float] = None,
) -> gdal.Dataset:
    """A new single-band GeoTIFF on ``grid`` (options from :func:`gtiff_options`); keep it alive."""
    with gdal_exceptions():
        ds = gdal.GetDriverByName("GTiff").Create(
            str(path), grid.cols, grid.rows, 1, gdal_type, gtiff_options(gdal_type, compress)
        )
        ds.SetGeoTransform(grid.geotransform)
        if grid.crs_wkt:
            ds.SetProjection(grid.crs_wkt)
        band = ds.GetRasterBand(1)
        if nodata is not None:
            band.SetNoDataValue(float(nodata))
        if fill is not None:
            band.Fill(fill)
    return ds


def mem_raster(
    array: np.ndarray,
    geotransform: Sequence[float],
    crs_wkt: str,
    gdal_type: int,
    nodata: Optional[float] = None,
) -> gdal.Dataset:
    """An in-memory (MEM) single-band dataset holding ``array``."""
    with gdal_exceptions():
        ds = gdal.GetDriverByName("MEM").Create("", array.shape[1], array.shape[0], 1, gdal_type)
        ds.SetGeoTransform(tuple(geotransform))
        if crs_wkt:
            ds.SetProjection(crs_wkt)
        band = ds.GetRasterBand(1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(array)
    return ds


def delete_raster(path: str) -> None:
    """Delete a GeoTIFF (and its side-car files) when it exists."""
    if os.path.exists(path):
        with gdal_exceptions():
            gdal.GetDriverByName("GTiff").Delete(path)


def open_raster(path: str, update: bool = False) -> Tuple[gdal.Dataset, GridSpec]:
    """Open a raster and describe its grid (band 1).

    Keep the returned dataset alive while reading its bands.

    Raises
    ------
    InputError
        when GDAL cannot open it or it has no band.
    """
    try:
        with gdal_exceptions():
            ds = gdal.Open(str(path), gdal.GA_Update if update else gdal.GA_ReadOnly)
    except RuntimeError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "Cannot open the raster {path}: {reason}"),
            path=path,
            reason=str(exc),
        ) from exc
    if ds is None or ds.RasterCount < 1:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "Cannot open the raster {path}: {reason}"),
            path=path,
            reason="no band",
        )
    with gdal_exceptions():
        band = ds.GetRasterBand(1)
        grid = GridSpec(
            geotransform=tuple(ds.GetGeoTransform()),  # type: ignore[arg-type]
            shape=(ds.RasterYSize, ds.RasterXSize),
            nodata=band.GetNoDataValue(),
            crs_wkt=ds.GetProjection() or "",
        )
    return ds, grid


def open_aligned(path: str, grid: GridSpec, label: str) -> Tuple[gdal.Dataset, GridSpec]:
    """:func:`open_raster` for an input that must have the shape of ``grid`` (the DEM/LS grid of the
    erosion builders); ``label`` names the parameter in the error.

    Raises
    ------
    InputError
        when it cannot be opened, or its shape differs from ``grid``'s.
    """
    ds, g = open_raster(path)
    if g.shape != grid.shape:
        raise InputError(
            QT_TRANSLATE_NOOP("SwcCore", "The raster {label} is not aligned on the DEM/LS grid."),
            label=label,
        )
    return ds, g


def read_grid(path: str) -> GridSpec:
    """Grid description of the raster at ``path``."""
    _ds, grid = open_raster(path)
    return grid


def open_band(path: Optional[str]) -> Tuple[Optional[gdal.Dataset], Optional[gdal.Band]]:
    """``(dataset, band 1)`` of an optional raster; ``(None, None)`` without a path."""
    if not path:
        return None, None
    ds, _grid = open_raster(path)
    with gdal_exceptions():
        return ds, ds.GetRasterBand(1)


def set_nodata(path: str, nodata: float) -> None:
    """Declare ``nodata`` on band 1 of an existing raster."""
    ds, _grid = open_raster(path, update=True)
    with gdal_exceptions():
        ds.GetRasterBand(1).SetNoDataValue(float(nodata))
        ds.FlushCache()


def band_statistics(path: str) -> Tuple[float, float, float, float]:
    """Exact ``(min, max, mean, std)`` of band 1's valid cells."""
    ds, _grid = open_raster(path)
    with gdal_exceptions():
        stats = ds.GetRasterBand(1).ComputeStatistics(False)
    return float(stats[0]), float(stats[1]), float(stats[2]), float(stats[3])


@dataclass(frozen=True)
class Window:
    """A block of the grid: the core rows/cols it produces, plus its halo read."""

    row0: int
    col0: int
    rows: int
    cols: int
    halo: int
    grid_rows: int
    grid_cols: int

    @property
    def read_row0(self) -> int:
        """First row read (halo included, clipped to the raster)."""
        return max(self.row0 - self.halo, 0)

    @property
    def read_col0(self) -> int:
        """First column read (halo included, clipped to the raster)."""
        return max(self.col0 - self.halo, 0)

    @property
    def read_rows(self) -> int:
        """Rows read (halo included, clipped to the raster)."""
        return min(self.row0 + self.rows + self.halo, self.grid_rows) - self.read_row0

    @property
    def read_cols(self) -> int:
        """Columns read (halo included, clipped to the raster)."""
        return min(self.col0 + self.cols + self.halo, self.grid_cols) - self.read_col0

    @property
    def edges(self) -> Tuple[bool, bool, bool, bool]:
        """Which sides are raster edges: ``(top, bottom, left, right)``."""
        return (
            self.row0 == 0,
            self.row0 + self.rows == self.grid_rows,
            self.col0 == 0,
            self.col0 + self.cols == self.grid_cols,
        )

    @property
    def core_slice(self) -> Tuple[slice, slice]:
        """Slice of the core cells inside the padded array (halo on every side)."""
        h = self.halo
        return slice(h, h + self.rows), slice(h, h + self.cols)


def iter_windows(
    grid: GridSpec, block_rows: int = DEFAULT_BLOCK, block_cols: int = DEFAULT_BLOCK, halo: int = 0
) -> Iterator[Window]:
    """Windows covering the grid in row-major order.

    >>> g = GridSpec((0.0, 1.0, 0.0, 0.0, 0.0, -1.0), (5, 3))
    >>> [(w.row0, w.rows) for w in iter_windows(g, 2, 3)]
    [(0, 2), (2, 2), (4, 1)]
    """
    block_rows = max(int(block_rows), 1)
    block_cols = max(int(block_cols), 1)
    for row0 in range(0, grid.rows, block_rows):
        for col0 in range(0, grid.cols, block_cols):
            yield Window(
                row0,
                col0,
                min(block_rows, grid.rows - row0),
                min(block_cols, grid.cols - col0),
                halo,
                grid.rows,
                grid.cols,
            )


def has_valid_cell(path: str, block: int = 512) -> bool:
    """Whether the raster has at least one cell that is neither nodata nor NaN.

    Windows are read from the centre outwards, so a usable raster (whose corners are often nodata
    outside a county) answers after the first window; only a raster without any valid cell is read
    whole.

    >>> import tempfile, os
    >>> g = GridSpec((0.0, 1.0, 0.0, 0.0, 0.0, -1.0), (3, 3), -1.0)
    >>> p = write_array(os.path.join(tempfile.mkdtemp(), "n.tif"), g, np.full((3, 3), -1.0), nodata=-1.0)
    >>> has_valid_cell(p)
    False
    """
    ds, grid = open_raster(path)
    with gdal_exceptions():
        band = ds.GetRasterBand(1)
    centre_row, centre_col = grid.rows / 2.0, grid.cols / 2.0
    windows = sorted(
        iter_windows(grid, block, block),
        key=lambda w: (w.row0 + w.rows / 2.0 - centre_row) ** 2 + (w.col0 + w.cols / 2.0 - centre_col) ** 2,
    )
    for window in windows:
        data = read_raw(band, window)
        valid = np.ones(data.shape, dtype=bool)
        if np.issubdtype(data.dtype, np.floating):
            valid &= ~np.isnan(data)
        if grid.nodata is not None and not np.isnan(grid.nodata):
            valid &= data != grid.nodata
        if valid.any():
            return True
    return False


def count_windows(grid: GridSpec, block_rows: int = DEFAULT_BLOCK, block_cols: int = DEFAULT_BLOCK) -> int:
    """Number of windows :func:`iter_windows` yields."""
    return (-(-grid.rows // max(block_rows, 1))) * (-(-grid.cols // max(block_cols, 1)))


def read_window(
    band: gdal.Band, window: Window, nodata: Optional[float], dtype: type = np.float64, fill: float = np.nan
) -> np.ndarray:
    """Read ``window`` plus its halo as ``dtype``; cells outside the raster get ``fill``.

    For floating dtypes, nodata cells (and NaN) become NaN.  The result always
    has shape ``(rows + 2*halo, cols + 2*halo)``.
    """
    h = window.halo
    with gdal_exceptions():
        data = band.ReadAsArray(window.read_col0, window.read_row0, window.read_cols, window.read_rows)
    out: np.ndarray = np.full((window.rows + 2 * h, window.cols + 2 * h), fill, dtype=dtype)
    r = window.read_row0 - (window.row0 - h)
    c = window.read_col0 - (window.col0 - h)
    part = data.astype(dtype, copy=False)
    if np.issubdtype(np.dtype(dtype), np.floating) and nodata is not None:
        part = np.where(data == nodata, np.nan, part) if not np.isnan(nodata) else part
    out[r : r + window.read_rows, c : c + window.read_cols] = part
    return out


def read_raw(band: gdal.Band, window: Window) -> np.ndarray:
    """The core cells of ``window`` in the band's own data type (no halo, no nodata conversion)."""
    with gdal_exceptions():
        return band.ReadAsArray(window.col0, window.row0, window.cols, window.rows)  # type: ignore[no-any-return]


def write_window(band: gdal.Band, window: Window, array: np.ndarray) -> None:
    """Write the core cells of ``window`` into an open band (no nodata conversion)."""
    with gdal_exceptions():
        band.WriteArray(array, window.col0, window.row0)


class RasterWriter:
    """Write a single-band tiled, compressed GeoTIFF atomically.

    The data go to ``.<target>.<random>.tmp.tif`` first; :meth:`commit` renames
    it to the target, :meth:`discard` (or leaving a ``with`` block with an
    exception) deletes it.
    """

    def __init__(
        self,
        path: str,
        grid: GridSpec,
        dtype: int = gdal.GDT_Float32,
        nodata: Optional[float] = None,
    ) -> None:
        self.path = str(path)
        folder = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        self.tmp_path = os.path.join(folder, f".{os.path.basename(self.path)}.{uuid.uuid4().hex[:8]}.tmp.tif")
        self.ds: Optional[gdal.Dataset] = create_raster(self.tmp_path, grid, dtype, nodata=nodata)
        with gdal_exceptions():
            self.band: Optional[gdal.Band] = self.ds.GetRasterBand(1)
        self.nodata = nodata

    def write(self, window: Window, array: np.ndarray) -> None:
        """Write the core cells of ``window``; NaN becomes nodata for float outputs."""
        arr = array
        if self.nodata is not None and np.issubdtype(arr.dtype, np.floating):
            arr = np.where(np.isnan(arr), self.nodata, arr)
        assert self.band is not None, "the writer is closed"
        write_window(self.band, window, arr)

    def set_metadata(self, items: Dict[str, str]) -> None:
        """Dataset metadata (e.g. units) written with the raster."""
        assert self.ds is not None, "the writer is closed"
        with gdal_exceptions():
            self.ds.SetMetadata({str(k): str(v) for k, v in items.items()})

    def commit(self) -> str:
        """Compute statistics, close and move the temporary file to the target; returns the path."""
        assert self.ds is not None and self.band is not None, "the writer is closed"
        with gdal_exceptions():
            try:
                self.band.ComputeStatistics(False)
            except RuntimeError:
                gdal.ErrorReset()  # every cell is nodata: a valid raster without statistics
            self.band = None
            self.ds.FlushCache()
            self.ds = None
        delete_raster(self.path)
        os.replace(self.tmp_path, self.path)
        return self.path

    def discard(self) -> None:
        """Close and delete the temporary file."""
        self.band = None
        self.ds = None
        if os.path.exists(self.tmp_path):
            os.remove(self.tmp_path)

    def __enter__(self) -> RasterWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None or self.ds is not None:
            self.discard()


def read_array(path: str, dtype: Optional[type] = np.float64) -> Tuple[np.ndarray, GridSpec]:
    """Band 1 of a raster as a float array (NaN at nodata and non-finite cells), with its grid.

    Whole-raster reads are for global operators, which check their memory first.
    ``dtype=None`` keeps float64 data as float64 and reads every other type as float32
    (half the memory; integer elevations below 2**24 stay exact).
    """
    ds, grid = open_raster(path)
    with gdal_exceptions():
        raw = ds.GetRasterBand(1).ReadAsArray()
    if dtype is None:
        dtype = np.float64 if raw.dtype == np.float64 else np.float32
    z = raw.astype(dtype, copy=True)
    if grid.nodata is not None and not np.isnan(grid.nodata):
        z[raw == grid.nodata] = np.nan
    z[~np.isfinite(z)] = np.nan
    return z, grid


def write_array(
    path: str,
    grid: GridSpec,
    array: np.ndarray,
    gdal_type: int = gdal.GDT_Float32,
    nodata: Optional[float] = None,
    *,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> str:
    """Write a whole array through :class:`RasterWriter` (tiled, atomic), in row strips.

    NaN becomes ``nodata`` for float outputs.  Returns the path.
    """
    windows = list(iter_windows(grid, DEFAULT_BLOCK, grid.cols))
    with RasterWriter(path, grid, gdal_type, nodata=nodata) as writer:
        for i, win in enumerate(windows):
            check_cancel(is_cancelled)
            writer.write(win, array[win.row0 : win.row0 + win.rows, win.col0 : win.col0 + win.cols])
            progress((i + 1) / len(windows))
        writer.commit()
    return path


Kernel = Callable[[List[np.ndarray], Window], List[np.ndarray]]


def map_blocks(
    sources: Sequence[Tuple[gdal.Band, Optional[float]]],
    grid: GridSpec,
    kernel: Kernel,
    writers: Sequence[Optional[RasterWriter]],
    *,
    halo: int = 0,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
    progress_span: Tuple[float, float] = (0.0, 1.0),
    dtype: type = np.float64,
) -> None:
    """Run ``kernel`` window by window.

    ``kernel(arrays, window)`` gets one ``dtype`` array per source (window plus
    ``halo``; NaN for nodata and outside the raster) and returns one core-sized
    array per writer (``None`` writers are skipped; the kernel can also
    accumulate statistics of its own).
    """
    total = count_windows(grid, block_rows, block_cols)
    lo, hi = progress_span
    for i, window in enumerate(iter_windows(grid, block_rows, block_cols, halo)):
        check_cancel(is_cancelled)
        arrays = [read_window(band, window, nodata, dtype=dtype) for band, nodata in sources]
        results = kernel(arrays, window)
        for writer, result in zip(writers, results):
            if writer is not None:
                writer.write(window, result)
        progress(lo + (hi - lo) * (i + 1) / total)


def write_blocks(
    path: Optional[str],
    sources: Sequence[Tuple[gdal.Band, Optional[float]]],
    grid: GridSpec,
    kernel: Kernel,
    gdal_type: int = gdal.GDT_Float32,
    nodata: Optional[float] = None,
    *,
    metadata: Optional[Dict[str, str]] = None,
    before_commit: Optional[Callable[[], None]] = None,
    halo: int = 0,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
    progress_span: Tuple[float, float] = (0.0, 1.0),
    dtype: type = np.float64,
) -> Optional[str]:
    """:func:`map_blocks` with one output raster on ``grid``, written through :class:`RasterWriter`.

    ``kernel`` returns a one-item list (the output window).  ``path=None`` runs the kernel for
    its statistics only.  ``before_commit()`` runs after the last block, before the file is put
    in place: an error it raises leaves no output.  ``metadata`` goes to the dataset.  The other
    keywords (``halo``, ``block_rows``, ``block_cols``, ``progress``, ``is_cancelled``,
    ``progress_span``, ``dtype``) are those of :func:`map_blocks`.  Returns the path.
    """

    def run(writer: Optional[RasterWriter]) -> None:
        map_blocks(
            sources,
            grid,
            kernel,
            [writer],
            halo=halo,
            block_rows=block_rows,
            block_cols=block_cols,
            progress=progress,
            is_cancelled=is_cancelled,
            progress_span=progress_span,
            dtype=dtype,
        )
        if before_commit is not None:
            before_commit()

    if path is None:
        run(None)
        return None
    with RasterWriter(path, grid, gdal_type, nodata=nodata) as writer:
        run(writer)
        if metadata:
            writer.set_metadata(metadata)
        return writer.commit()


def unique_codes(path: str, is_cancelled: CancelFn = _never) -> List[float]:
    """Distinct valid values of a categorical raster, read block by block."""
    ds, grid = open_raster(path)
    with gdal_exceptions():
        band = ds.GetRasterBand(1)
    found: set = set()
    for win in iter_windows(grid, DEFAULT_BLOCK, DEFAULT_BLOCK):
        check_cancel(is_cancelled)
        vals = np.unique(read_raw(band, win))
        if grid.nodata is not None:
            vals = vals[vals != grid.nodata]
        if np.issubdtype(vals.dtype, np.floating):
            vals = vals[np.isfinite(vals)]
        found.update(vals.tolist())
    return sorted(found)


def is_float_band(path: str) -> bool:
    """Whether band 1 of the raster holds floating-point values."""
    ds, _grid = open_raster(path)
    with gdal_exceptions():
        return ds.GetRasterBand(1).DataType in _FLOAT_TYPES


# ---------------------------------------------------------------------------
# grids: alignment of inputs on a reference grid
# ---------------------------------------------------------------------------


def same_crs(wkt_a: str, wkt_b: str) -> bool:
    """True when both WKTs describe the same CRS (or one of them is unknown)."""
    if not wkt_a or not wkt_b:
        return True
    with gdal_exceptions():
        a, b = osr.SpatialReference(), osr.SpatialReference()
        a.ImportFromWkt(wkt_a)
        b.ImportFromWkt(wkt_b)
        if a.IsSame(b):
            return True
        # the same projection written without EPSG code or datum name (exported by another program,
        # e.g. "Gauss_Kruger_CM_117"): the same PROJ definition is the same CRS
        try:
            return bool(a.ExportToProj4().strip() == b.ExportToProj4().strip() and a.ExportToProj4().strip())
        except RuntimeError:
            return False


def crs_name(wkt: str) -> str:
    """``"<name> (EPSG:<code>)"`` of a CRS, for messages."""
    with gdal_exceptions():
        srs = osr.SpatialReference()
        srs.ImportFromWkt(wkt)
        name = srs.GetName() or "?"
        code = srs.GetAuthorityCode(None)
    return f"{name} (EPSG:{code})" if code else name


def same_geotransform(a: GeoTransform, b: GeoTransform, decimals: int = 6) -> bool:
    """Geotransforms equal to ``decimals`` places."""
    return tuple(round(v, decimals) for v in a) == tuple(round(v, decimals) for v in b)


def align_raster(path: str, grid: GridSpec, out_path: str, label: str, categorical: bool = False) -> str:
    """``path`` on ``grid``: itself when already aligned, else warped to ``out_path``.

    Categorical rasters are resampled by nearest neighbour to Int32 (nodata
    :data:`INT_NODATA`), continuous ones bilinearly to Float32 (nodata
    :data:`FLOAT_NODATA`).

    Raises
    ------
    InputError
        when the CRSs differ (the message names both) or the rasters do not
        overlap.
    """
    ds, src = open_raster(path)
    if not same_crs(src.crs_wkt, grid.crs_wkt):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The raster {label} is in {src_crs}, not in the CRS of the DEM/LS grid "
                "{dst_crs}. Reproject it first (Raster ▸ Projections ▸ Warp, or gdalwarp -t_srs).",
            ),
            label=label,
            src_crs=crs_name(src.crs_wkt),
            dst_crs=crs_name(grid.crs_wkt),
        )
    ax0, ay0, ax1, ay1 = src.extent
    bx0, by0, bx1, by1 = grid.extent
    if ax0 >= bx1 or ax1 <= bx0 or ay0 >= by1 or ay1 <= by0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The raster {label} does not overlap the DEM/LS grid. Check that both cover the same area.",
            ),
            label=label,
        )
    if same_geotransform(src.geotransform, grid.geotransform) and src.shape == grid.shape:
        return path
    del ds
    if categorical:
        out_type, dst_nodata, alg = gdal.GDT_Int32, float(INT_NODATA), "near"
    else:
        out_type, dst_nodata, alg = gdal.GDT_Float32, FLOAT_NODATA, "bilinear"
    xmin, ymin, xmax, ymax = grid.extent
    with gdal_exceptions():
        options = gdal.WarpOptions(
            format="GTiff",
            outputBounds=(xmin, ymin, xmax, ymax),
            xRes=grid.cellsize_x,
            yRes=grid.cellsize_y,
            resampleAlg=alg,
            outputType=out_type,
            dstNodata=dst_nodata,
            srcNodata=src.nodata,
            creationOptions=gtiff_options(out_type, "LZW"),
        )
        gdal.Warp(out_path, path, options=options)
    return out_path
