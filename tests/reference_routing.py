"""Cell-by-cell reference routing, independent of the core (heapq priority flood, GRASS A*).

Used by the core tests and the algorithm tests alike.
"""

from __future__ import annotations

import heapq

import numpy as np

from swc_planner.algorithms.core import hydrology as h

DR = np.array([dr for dr, _ in h.D8_OFFSETS])
DC = np.array([dc for _, dc in h.D8_OFFSETS])


def reference_fill(z: np.ndarray) -> np.ndarray:
    """Textbook priority-flood (Barnes 2014) with heapq; NaN = nodata = outlet."""
    rows, cols = z.shape
    out = z.copy()
    done = np.isnan(z).copy()
    heap = []
    for r in range(rows):
        for c in range(cols):
            if done[r, c]:
                continue
            edge = r in (0, rows - 1) or c in (0, cols - 1)
            if not edge:
                for dr, dc in h.D8_OFFSETS:
                    if np.isnan(z[r + dr, c + dc]):
                        edge = True
                        break
            if edge:
                heapq.heappush(heap, (z[r, c], r, c))
                done[r, c] = True
    while heap:
        level, r, c = heapq.heappop(heap)
        for dr, dc in h.D8_OFFSETS:
            rr, cc = r + dr, c + dc
            if 0 <= rr < rows and 0 <= cc < cols and not done[rr, cc]:
                done[rr, cc] = True
                out[rr, cc] = max(out[rr, cc], level)
                heapq.heappush(heap, (out[rr, cc], rr, cc))
    return out


#: GRASS r.watershed's neighbour order (ram/do_astar.c ``nextdr``/``nextdc``) and, for each
#: diagonal, the two cardinals next to it (``nbr_ew``: an east-west step away, ``nbr_ns``).
_GRASS_NB = ((1, 0), (-1, 0), (0, -1), (0, 1), (-1, 1), (1, -1), (1, 1), (-1, -1))
_GRASS_NBR_EW = (0, 1, 2, 3, 1, 0, 0, 1)
_GRASS_NBR_NS = (0, 1, 2, 3, 3, 2, 3, 2)
_ESRI_OF = {(0, 1): 1, (1, 1): 2, (1, 0): 4, (1, -1): 8, (0, -1): 16, (-1, -1): 32, (-1, 0): 64, (-1, 1): 128}


def reference_astar(
    z: np.ndarray, cellsize_x: float, cellsize_y: float, ele_scale: float = 1.0
) -> np.ndarray:
    """GRASS 8.2 ``r.watershed -s`` flow directions, re-enacted cell by cell with heapq.

    The A* search of ``raster/r.watershed/ram/do_astar.c`` (no ``-b``): a min-heap keyed on
    (elevation, insertion counter) seeded, in raster order, with the cells on the edge or next
    to nodata (they drain off the map); each popped cell visits its neighbours in
    :data:`_GRASS_NB` order and every neighbour not yet in the heap is added with its own
    elevation and drains to the popped cell (its discoverer), except that a higher diagonal
    neighbour is skipped when one of the two cardinals between them is not yet popped and is
    steeper from that diagonal (``slope[nbr] >= 0`` in GRASS 8: unworked, whatever its
    elevation).  A seed not yet popped is redirected to a strictly lower neighbour popped
    before it.  Elevations are compared as GRASS CELLs: ``round(z * ele_scale)`` (GRASS uses
    ``ele_scale`` 1000 for floating-point maps).  No depression is filled: water flows down
    into a pit and back up along the search path.  Returns ESRI codes (0 at nodata).
    """
    rows, cols = z.shape
    valid = ~np.isnan(z)
    alt = np.where(valid, np.round(np.nan_to_num(z) * ele_scale), 0).astype(np.int64).tolist()
    ok = valid.tolist()
    diag = float(np.hypot(cellsize_x, cellsize_y))
    dist = [cellsize_y, cellsize_y, cellsize_x, cellsize_x, diag, diag, diag, diag]
    in_list = np.zeros(z.shape, bool)
    worked = np.zeros(z.shape, bool)
    off_map = np.zeros(z.shape, bool)  # GRASS asp < 0: drains off the map
    target = {}
    heap: list = []
    count = 0
    padded = np.pad(valid, 1, constant_values=False)
    for r in range(rows):
        for c in range(cols):
            if ok[r][c] and not padded[r : r + 3, c : c + 3].all():
                heapq.heappush(heap, (alt[r][c], count, r, c))
                count += 1
                in_list[r, c] = off_map[r, c] = True
    while heap:
        _e, _n, r, c = heapq.heappop(heap)
        here = alt[r][c]
        slope = [-1.0] * 8
        nbr = [0] * 8
        for k, (dr, dc) in enumerate(_GRASS_NB):
            rr, cc = r + dr, c + dc
            if not (0 <= rr < rows and 0 <= cc < cols) or not ok[rr][cc]:
                continue
            listed, done = in_list[rr, cc], worked[rr, cc]
            nbr[k] = alt[rr][cc]
            if not done:
                slope[k] = (nbr[k] - here) / dist[k] if nbr[k] > here else 0.0
            skip = False
            if (not listed or (not done and off_map[rr, cc])) and k > 3 and slope[k] > 0:
                for j, res in ((_GRASS_NBR_EW[k], cellsize_x), (_GRASS_NBR_NS[k], cellsize_y)):
                    if slope[j] >= 0 and nbr[j] < nbr[k] and slope[k] < (nbr[k] - nbr[j]) / res:
                        skip = True
                        break
            if skip:
                continue
            if not listed:
                in_list[rr, cc] = True
                heapq.heappush(heap, (nbr[k], count, rr, cc))
                count += 1
                target[rr, cc] = (r, c)
            elif not done and off_map[rr, cc] and slope[k] > 0:
                off_map[rr, cc] = False
                target[rr, cc] = (r, c)
        worked[r, c] = True
    codes = np.zeros(z.shape, np.uint8)
    for (r, c), (tr, tc) in target.items():
        if not off_map[r, c]:
            codes[r, c] = _ESRI_OF[tr - r, tc - c]
    for r, c in zip(*np.nonzero(off_map)):
        # off the map as GRASS does: north edge N, west edge W, south edge S, east edge E; next
        # to nodata towards the first nodata neighbour (cardinals first)
        if r == 0:
            codes[r, c] = 64
        elif c == 0:
            codes[r, c] = 16
        elif r == rows - 1:
            codes[r, c] = 4
        elif c == cols - 1:
            codes[r, c] = 1
        else:
            for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)):
                if not ok[r + dr][c + dc]:
                    codes[r, c] = _ESRI_OF[dr, dc]
                    break
    return codes
