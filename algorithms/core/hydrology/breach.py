"""Routing through depressions like GRASS ``r.watershed -s`` (the ``DEPRESSIONS=1`` mode).

No filling: the pop order of r.watershed's A* search is solved as a fixed point
(rank -> discoverer -> rank), depressions being searched as nested blocks right after their entry
cell; every cell drains to its discoverer.  Same directions as r.watershed cell by cell on the DEMs
tested, but much slower than the fill mode (see ``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import math
from typing import List, Optional, Tuple

import numpy as np

from ..io.raster import CancelFn, ProgressFn, _never, _noop_progress, check_cancel
from .d8 import _K_TO_CODE, as_float, offsets, pad
from .fill import fill_padded
from .memory import DEFAULT_MAX_MEMORY_MB, check_memory

__all__ = ["BREACH_BYTES_PER_CELL", "breach_directions"]

#: GRASS r.watershed's neighbour visiting order ``(drow, dcol)`` (ram/do_astar.c).
_ASTAR_NB: Tuple[Tuple[int, int], ...] = (
    (1, 0),
    (-1, 0),
    (0, -1),
    (0, 1),
    (-1, 1),
    (1, -1),
    (1, 1),
    (-1, -1),
)
#: For each diagonal of :data:`_ASTAR_NB`, the two cardinals next to it (an east-west step
#: away, a north-south step away).
_ASTAR_CARD = {4: (1, 3), 5: (0, 2), 6: (0, 3), 7: (1, 2)}
#: Peak working memory of the breach routing (:func:`breach_directions`), bytes per cell
#: (measured 340 on Big Tujunga, 9 levels of nested depressions; 730 on Qinling 30 m).
BREACH_BYTES_PER_CELL = 800
_BIG = np.iinfo(np.int64).max


def _components(mask: np.ndarray, off: np.ndarray, is_cancelled: CancelFn) -> np.ndarray:
    """Label (smallest member index) of the 8-connected components of a flat padded mask."""
    idx = np.flatnonzero(mask)
    lab = np.full(mask.size, -1, dtype=np.int64)
    lab[idx] = idx
    while True:
        check_cancel(is_cancelled)
        old = lab[idx].copy()
        cur = old.copy()
        for o in off:
            ln = lab[idx + o]
            np.copyto(cur, ln, where=(ln >= 0) & (ln < cur))
        lab[idx] = cur
        lab[idx] = lab[lab[idx]]
        if np.array_equal(lab[idx], old):
            return lab


class _AStarOrder:
    """The pop order of r.watershed's A* search, solved as a fixed point (vectorised).

    The search pops cells by (elevation, insertion counter); a cell is inserted, and drains
    to, the first popped neighbour that does not skip it (GRASS skips a higher diagonal when a
    not yet popped cardinal between them is steeper from it).  So the pop order sorts:

    * *level cells* (elevation equal to their fill level ``L``) by ``(L, counter)``, the counter
      being ``(rank of the discoverer, visiting index)``; seeds (edge and nodata-adjacent
      cells) come first, in raster order;
    * a *depression* (8-connected cells below their fill level) is searched as one block right
      after its *entry*, the first popped level cell next to it at the spill level; inside, the
      same rules apply with the fill level taken from the entry (nested depressions recurse).

    Ranks and discoverers are solved by iterating ``rank -> discoverer -> rank`` (a few rounds
    per nesting depth; blocks are laid out by exclusive sums of their sizes); entries are
    re-chosen from the ranks until they no longer change.
    """

    def __init__(self, zp: np.ndarray, cellsize_x: float, cellsize_y: float, is_cancelled: CancelFn) -> None:
        self.shape = zp.shape
        self.c2 = zp.shape[1]
        self.z1 = zp.ravel()
        self.n = self.z1.size
        self.valid = ~np.isnan(self.z1)
        self.cx, self.cy = cellsize_x, cellsize_y
        self.is_cancelled = is_cancelled
        self.off = np.array([dr * self.c2 + dc for dr, dc in _ASTAR_NB], dtype=np.int64)
        diag = math.hypot(cellsize_x, cellsize_y)
        self.dist = np.array([cellsize_y, cellsize_y, cellsize_x, cellsize_x, diag, diag, diag, diag])
        # distance from a diagonal neighbour to the cardinal ``j`` next to it: an east-west step
        # for the north/south cardinals, a north-south step for the east/west ones
        self.step = np.array([cellsize_x, cellsize_x, cellsize_y, cellsize_y])
        self.vidx = np.flatnonzero(self.valid)
        seed = np.zeros(self.n, dtype=bool)
        for o in self.off:
            seed[self.vidx] |= ~self.valid[self.vidx + o]
        self.seed = seed
        self.fill = fill_padded(zp, cellsize_x, cellsize_y, _noop_progress, is_cancelled).ravel()
        self.zmax = float(np.nanmax(self.z1))
        self.depth = np.zeros(self.n, dtype=np.int8)
        self.level = self.fill.copy()
        self.anchors: List[np.ndarray] = []
        self.a = np.where(seed, -1, self.n + 1).astype(np.int64)
        self.b = np.where(seed, np.arange(self.n), 0).astype(np.int64)

    # -- ranks ---------------------------------------------------------------
    def ranks(self) -> np.ndarray:
        vidx, n = self.vidx, self.n
        size = np.ones(n, dtype=np.int64)
        for anc in self.anchors:
            m = anc >= 0
            size += np.bincount(anc[m], minlength=n)
        start = np.full(n, -1, dtype=np.int64)
        dv = self.depth[vidx]
        root = vidx[dv == 0]
        root = root[np.lexsort((self.b[root], self.a[root], self.level[root]))]
        start[root] = np.cumsum(size[root]) - size[root]
        for k, anc in enumerate(self.anchors, start=1):
            cells = vidx[dv == k]
            if cells.size == 0:
                continue
            an = anc[cells]
            o = np.lexsort((self.b[cells], self.a[cells], self.level[cells], start[an]))
            cells, an = cells[o], an[o]
            sz = size[cells]
            cs = np.cumsum(sz) - sz
            first = np.r_[True, an[1:] != an[:-1]]
            start[cells] = start[an] + 1 + cs - np.maximum.accumulate(np.where(first, cs, 0))
        return start

    def discover(self, rank: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """Discoverer (padded index, -1 for a seed draining off the map) and visiting index."""
        vidx, z1, valid = self.vidx, self.z1, self.valid
        rk = np.where(valid, rank, _BIG)
        best = np.full(vidx.size, _BIG)
        disc = np.full(vidx.size, -1, dtype=np.int64)
        vis = np.zeros(vidx.size, dtype=np.int64)
        zx, rx, sx = z1[vidx], rk[vidx], self.seed[vidx]
        dx = self.depth[vidx]
        # cells inside depression blocks (few), per depth: position in vidx and their anchor
        deep: List[Tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for k, anc in enumerate(self.anchors, start=1):
            pos = np.flatnonzero(dx == k)
            if pos.size:
                deep.append((pos, anc, anc[vidx[pos]]))
        for k in range(8):
            y = vidx - self.off[k]  # y pops, x is y's neighbour number k
            ry, zy = rk[y], z1[y]
            ok = valid[y] & (ry < rx) & (~sx | (zy < zx))
            # inside a depression block only the entry and the block's own cells come first
            for pos, anc, mine in deep:
                yp = y[pos]
                ok[pos] &= (yp == mine) | (anc[yp] == mine)
            if k >= 4:
                for j in _ASTAR_CARD[k]:
                    nb = y + self.off[j]
                    zn = z1[nb]
                    with np.errstate(invalid="ignore"):
                        skip = valid[nb] & (rk[nb] > ry) & (zx > zy)
                        skip &= (zx - zy) / self.dist[k] < (zx - zn) / self.step[j]
                    ok &= ~skip
            better = ok & (ry < best)
            best[better] = ry[better]
            disc[better] = y[better]
            vis[better] = k
        return disc, vis

    def iterate(self, rounds: int = 12) -> Tuple[np.ndarray, np.ndarray]:
        vidx, sx = self.vidx, self.seed[self.vidx]
        for _ in range(rounds):
            check_cancel(self.is_cancelled)
            rank = self.ranks()
            disc, vis = self.discover(rank)
            na = np.where(sx, -1, np.where(disc >= 0, rank[np.maximum(disc, 0)], self.n + 1))
            nb = np.where(sx, vidx, np.where(disc >= 0, vis, 0))
            changed = bool((na != self.a[vidx]).any() or (nb != self.b[vidx]).any())
            self.a[vidx] = na
            self.b[vidx] = nb
            if not changed:
                break
        return rank, disc

    # -- nested depressions ----------------------------------------------------
    def build_blocks(self, rank: np.ndarray) -> np.ndarray:
        z1, valid, off = self.z1, self.valid, self.off
        self.depth[:] = 0
        self.level = self.fill.copy()
        self.anchors = []
        entries: List[np.ndarray] = []
        d = 0
        while True:
            check_cancel(self.is_cancelled)
            cur = (self.depth == d) & valid
            reg = cur & (z1 < self.level)
            if not reg.any():
                break
            lab = _components(reg, off, self.is_cancelled)
            ridx = np.flatnonzero(reg)
            rl = lab[ridx]
            # the entry: the first popped cell at the spill level next to the depression
            ent_rank = np.full(self.n, _BIG)
            rim = []
            for o in off:
                nb = ridx + o
                okr = cur[nb] & ~reg[nb] & (z1[nb] == self.level[ridx])
                rim.append((nb, okr))
                np.minimum.at(ent_rank, rl, np.where(okr, rank[nb], _BIG))
            ent = np.full(self.n, -1, dtype=np.int64)
            for nb, okr in rim:
                m = okr & (rank[nb] == ent_rank[rl])
                ent[rl[m]] = nb[m]
            entry = ent[rl]
            entries.append(entry)
            # fill level inside each depression, the entry being its only outlet; depressions
            # next to another one's entry are filled one by one
            is_entry = np.zeros(self.n, dtype=bool)
            is_entry[entry] = True
            foreign = np.zeros(ridx.size, dtype=bool)
            for o in off:
                nb = ridx + o
                foreign |= is_entry[nb] & (nb != entry)
            conflict = np.unique(rl[foreign])
            batches = [~np.isin(rl, conflict)] + [rl == lab_ for lab_ in conflict]
            lev = np.full(ridx.size, np.nan)
            for bm in batches:
                if bm.any():
                    lev[bm] = self._fill_from_entries(ridx[bm], entry[bm])
            d += 1
            self.depth[ridx] = d
            self.level[ridx] = lev
            anc = np.full(self.n, -1, dtype=np.int64)
            anc[ridx] = entry
            self.anchors.append(anc)
        return np.concatenate(entries) if entries else np.empty(0, dtype=np.int64)

    def _fill_from_entries(self, cells: np.ndarray, entry: np.ndarray) -> np.ndarray:
        c2 = self.c2
        rr, cc = np.divmod(cells, c2)
        r0, c0 = max(int(rr.min()) - 2, 0), max(int(cc.min()) - 2, 0)
        r1, c1 = int(rr.max()) + 3, int(cc.max()) + 3
        sub = np.full((r1 - r0, c1 - c0), self.zmax + 1.0)
        sub[rr - r0, cc - c0] = self.z1[cells]
        er, ec = np.divmod(np.unique(entry), c2)
        sub[er - r0, ec - c0] = np.nan
        lev = fill_padded(pad(sub, np.nan), self.cx, self.cy, _noop_progress, self.is_cancelled)
        return lev[1 + rr - r0, 1 + cc - c0]

    def solve(self, progress: ProgressFn) -> np.ndarray:
        """Padded D8 direction indices (-1 at nodata)."""
        rank, disc = self.iterate()
        progress(0.3)
        previous = None
        for i in range(6):
            entries = self.build_blocks(rank)
            rank, disc = self.iterate()
            progress(0.3 + 0.1 * (i + 1))
            if previous is not None and np.array_equal(previous, entries):
                break
            previous = entries
        # discoverer -> D8 index; seeds without one drain off the map
        kp = np.full(self.n, -1, dtype=np.int8)
        off8 = offsets(self.c2)[:8]
        lut = {int(o): k for k, o in enumerate(off8)}
        vidx = self.vidx
        has = disc >= 0
        delta = disc[has] - vidx[has]
        kk = np.zeros(delta.size, dtype=np.int8)
        for o, k in lut.items():
            kk[delta == o] = k
        kp[vidx[has]] = kk
        # seeds draining off the map as r.watershed: north, west, south, east edge, else the
        # first nodata neighbour (N, S, W, E, NW, NE, SW, SE)
        out = vidx[~has]
        row, col = np.divmod(out, self.c2)
        r2 = self.shape[0]
        kout = np.full(out.size, -1, dtype=np.int8)
        for m, k in ((row == 1, 6), (col == 1, 4), (row == r2 - 2, 2), (col == self.c2 - 2, 0)):
            kout[(kout < 0) & m] = k
        for k in (6, 2, 4, 0, 5, 7, 3, 1):
            kout[(kout < 0) & ~self.valid[out + off8[k]]] = k
        kp[out] = kout
        return kp.reshape(self.shape)


def breach_padded(
    zp: np.ndarray, cellsize_x: float, cellsize_y: float, progress: ProgressFn, is_cancelled: CancelFn
) -> Tuple[np.ndarray, np.ndarray]:
    """Padded direction indices routed like ``r.watershed -s``, and the padded fill levels."""
    solver = _AStarOrder(zp, cellsize_x, cellsize_y, is_cancelled)
    kp = solver.solve(progress)
    return kp, solver.fill.reshape(zp.shape)


def astar_elevations(z: np.ndarray) -> Tuple[np.ndarray, float]:
    """Elevations as r.watershed compares them: integers, floats rounded to the millimetre."""
    scale = 1.0 if np.all(np.isnan(z) | (z == np.round(z))) else 1000.0
    return np.round(z.astype(np.float64) * scale), scale


def breach_directions(
    dem: np.ndarray,
    cellsize_x: float,
    cellsize_y: float,
    *,
    nodata_mask: Optional[np.ndarray] = None,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> np.ndarray:
    """D8 directions that route through depressions like GRASS ``r.watershed -s``.

    No elevation is changed.  The directions are those of r.watershed's A* least-cost search
    (cell by cell on the DEMs tested): a cell drains to the first neighbour the search reaches
    (about its steepest descent on slopes; on flats a breadth-first search from the lower
    cells); a depression is searched from its pour point downwards, so its water flows down
    to the pit and back up the search path to the pour point, as if breached along the
    lowest path.  Cells on the raster edge or next to nodata drain out unless the search
    reaches a lower neighbour first.  Floating-point elevations are compared to the
    millimetre, as r.watershed does.

    Parameters
    ----------
    dem : 2-D elevations (m); NaN marks nodata.
    cellsize_x, cellsize_y : cell size (m).
    nodata_mask : optional boolean array, True where the DEM is nodata.
    max_memory_mb : refuse (``MemoryLimitError``) above :data:`BREACH_BYTES_PER_CELL` per cell.

    Returns
    -------
    ``uint8`` ESRI codes, 0 at nodata.

    Examples
    --------
    A closed pit (the 1) drains through its pour point (the 5 on the north edge) without being
    filled: down to the pit, then back up north and north-east:

    >>> z = np.array([[9, 9, 5, 9], [9, 2, 3, 9], [9, 1, 4, 9], [9, 9, 9, 9]], float)
    >>> breach_directions(z, 1.0, 1.0)[1:3, 1:3].tolist()
    [[128, 64], [64, 16]]
    """
    z = as_float(dem, nodata_mask)
    check_memory(z.shape, BREACH_BYTES_PER_CELL, max_memory_mb, "Flow directions")
    zs, _scale = astar_elevations(z)
    kp, _fill = breach_padded(pad(zs, np.nan), cellsize_x, cellsize_y, progress, is_cancelled)
    return _K_TO_CODE[kp[1:-1, 1:-1]]
