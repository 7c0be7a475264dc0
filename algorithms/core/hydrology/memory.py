"""The memory limit of the global routing operators.

Global operators (fill, directions, accumulation) read the whole raster.  Each states its cost in
bytes per DEM cell (``*_BYTES_PER_CELL`` beside it) and calls :func:`check_memory` before
allocating, so that a DEM too large for the machine is refused with a clear message instead of
swapping or crashing QGIS.
"""

from __future__ import annotations

from typing import Sequence

from ..errors import QT_TRANSLATE_NOOP, MemoryLimitError

#: Default memory limit (MiB) of the routing operators (the advanced parameter MAX_MEMORY).
DEFAULT_MAX_MEMORY_MB = 4096


def check_memory(shape: Sequence[int], bytes_per_cell: float, max_memory_mb: float, operation: str) -> None:
    """Refuse a global operation that would need more than ``max_memory_mb``.

    Parameters
    ----------
    shape : raster shape ``(rows, cols)``.
    bytes_per_cell : the operation's stated cost.
    max_memory_mb : the user's limit in MiB.
    operation : English name of the operation, for the message.

    Raises
    ------
    MemoryLimitError
        with the needed and allowed memory and what to do about it.

    >>> check_memory((100, 100), 48, 1, "fill")
    >>> check_memory((10000, 10000), 48, 1024, "fill")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    algorithms.core.errors.MemoryLimitError: ...
    """
    cells = int(shape[0]) * int(shape[1])
    need_mb = cells * float(bytes_per_cell) / 2.0**20
    if need_mb > float(max_memory_mb):
        raise MemoryLimitError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Flow routing on this DEM needs about {need_mb:.0f} MB ({cells} cells x "
                "{bytes_per_cell} bytes per cell), more than the memory limit of "
                "{limit_mb:.0f} MB. Raise the limit (advanced parameter MAX_MEMORY) if "
                "the machine has the memory, or clip or resample the DEM to fewer cells.",
            ),
            operation=operation,
            need_mb=need_mb,
            cells=cells,
            bytes_per_cell=bytes_per_cell,
            limit_mb=float(max_memory_mb),
        )
