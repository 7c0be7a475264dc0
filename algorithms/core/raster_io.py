"""Block-wise raster reading with a halo, and safe tiled GeoTIFF writing.

Memory is set by the block size, never by the raster size: every local
operator runs through :func:`map_blocks`, which reads one window plus its
halo, calls a kernel on plain arrays (NaN for nodata and for cells outside
the raster) and writes the trimmed result.

Outputs are written to a temporary file next to the target and renamed only
when the whole job succeeded, so a failure or a cancel never leaves a
half-written raster behind.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal

from .errors import QT_TRANSLATE_NOOP, Cancelled, InputError
from .grid import GridSpec

gdal.UseExceptions()

DEFAULT_BLOCK = 1024
GTIFF_OPTIONS = [
    "TILED=YES",
    "BLOCKXSIZE=256",
    "BLOCKYSIZE=256",
    "COMPRESS=DEFLATE",
    "PREDICTOR=1",
    "BIGTIFF=IF_SAFER",
    "NUM_THREADS=2",
]

ProgressFn = Callable[[float], None]
CancelFn = Callable[[], bool]


def _noop_progress(_fraction: float) -> None:
    return None


def _never() -> bool:
    return False


def open_raster(path: str) -> Tuple[gdal.Dataset, GridSpec]:
    """Open a raster and describe its grid (band 1).

    Keep the returned dataset alive while reading its bands.
    """
    try:
        ds = gdal.Open(str(path), gdal.GA_ReadOnly)
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
    band = ds.GetRasterBand(1)
    grid = GridSpec(
        geotransform=tuple(ds.GetGeoTransform()),  # type: ignore[arg-type]
        shape=(ds.RasterYSize, ds.RasterXSize),
        nodata=band.GetNoDataValue(),
        crs_wkt=ds.GetProjection() or "",
    )
    return ds, grid


def read_grid(path: str) -> GridSpec:
    """Grid description of the raster at ``path``."""
    _ds, grid = open_raster(path)
    return grid


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
        return max(self.row0 - self.halo, 0)

    @property
    def read_col0(self) -> int:
        return max(self.col0 - self.halo, 0)

    @property
    def read_rows(self) -> int:
        return min(self.row0 + self.rows + self.halo, self.grid_rows) - self.read_row0

    @property
    def read_cols(self) -> int:
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
    """Windows covering the grid in row-major order."""
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


def count_windows(grid: GridSpec, block_rows: int = DEFAULT_BLOCK, block_cols: int = DEFAULT_BLOCK) -> int:
    return (-(-grid.rows // max(block_rows, 1))) * (-(-grid.cols // max(block_cols, 1)))


def read_window(
    band: gdal.Band, window: Window, nodata: Optional[float], dtype: type = np.float64, fill: float = np.nan
) -> np.ndarray:
    """Read ``window`` plus its halo as ``dtype``; cells outside the raster get ``fill``.

    For floating dtypes, nodata cells (and NaN) become NaN.  The result always
    has shape ``(rows + 2*halo, cols + 2*halo)``.
    """
    h = window.halo
    data = band.ReadAsArray(window.read_col0, window.read_row0, window.read_cols, window.read_rows)
    out: np.ndarray = np.full((window.rows + 2 * h, window.cols + 2 * h), fill, dtype=dtype)
    r = window.read_row0 - (window.row0 - h)
    c = window.read_col0 - (window.col0 - h)
    part = data.astype(dtype, copy=False)
    if np.issubdtype(np.dtype(dtype), np.floating) and nodata is not None:
        part = np.where(data == nodata, np.nan, part) if not np.isnan(nodata) else part
    out[r : r + window.read_rows, c : c + window.read_cols] = part
    return out


class RasterWriter:
    """Write a single-band tiled, compressed GeoTIFF atomically.

    The data go to ``<target>.<random>.tmp.tif`` first; :meth:`commit` renames
    it to the target, :meth:`discard` (or leaving a ``with`` block with an
    exception) deletes it.
    """

    def __init__(
        self,
        path: str,
        grid: GridSpec,
        dtype: int = gdal.GDT_Float32,
        nodata: Optional[float] = None,
        options: Optional[Sequence[str]] = None,
    ) -> None:
        self.path = str(path)
        folder = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        self.tmp_path = os.path.join(folder, f".{os.path.basename(self.path)}.{uuid.uuid4().hex[:8]}.tmp.tif")
        driver = gdal.GetDriverByName("GTiff")
        opts = list(options) if options is not None else list(GTIFF_OPTIONS)
        if dtype in (gdal.GDT_Float32, gdal.GDT_Float64):
            opts = [o for o in opts if not o.startswith("PREDICTOR")] + ["PREDICTOR=3"]
        self.ds = driver.Create(self.tmp_path, grid.cols, grid.rows, 1, dtype, opts)
        self.ds.SetGeoTransform(grid.geotransform)
        if grid.crs_wkt:
            self.ds.SetProjection(grid.crs_wkt)
        self.band = self.ds.GetRasterBand(1)
        self.nodata = nodata
        if nodata is not None:
            self.band.SetNoDataValue(float(nodata))

    def write(self, window: Window, array: np.ndarray) -> None:
        """Write the core cells of ``window``; NaN becomes nodata for float outputs."""
        arr = array
        if self.nodata is not None and np.issubdtype(arr.dtype, np.floating):
            arr = np.where(np.isnan(arr), self.nodata, arr)
        self.band.WriteArray(arr, window.col0, window.row0)

    def set_metadata(self, items: Dict[str, str]) -> None:
        self.ds.SetMetadata({str(k): str(v) for k, v in items.items()})

    def commit(self) -> str:
        self.band.ComputeStatistics(False)
        self.band = None
        self.ds.FlushCache()
        self.ds = None
        if os.path.exists(self.path):
            gdal.GetDriverByName("GTiff").Delete(self.path)
        os.replace(self.tmp_path, self.path)
        return self.path

    def discard(self) -> None:
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


def check_cancel(is_cancelled: CancelFn) -> None:
    if is_cancelled():
        raise Cancelled()


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
