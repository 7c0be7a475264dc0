"""The flow directions of GRASS ``r.watershed -s``, vectorised: its ca* search order solved locally.

r.watershed pops cells from a heap keyed on (elevation, insertion counter); a cell is inserted by,
and drains to, the first popped neighbour that does not skip it (GRASS 8 skips a higher diagonal
neighbour while a cardinal between them is lower, steeper from it and not yet popped); seeds (cells
on the edge or next to nodata) are inserted first, in raster order, and are redirected to the
first lower neighbour popped before them.  Its pop order has a structure that makes nearly every
decision local:

* *level cells* (elevation equal to their fill level ``fl``) pop in the order of ``fl``, then of
  their breadth-first layer ``lam`` on the flat of ``fl`` (0 for seeds and for cells with a lower
  neighbour; crossing a depression at level ``fl`` costs no layer), then of their insertion
  counter (pop position of the discoverer, visiting index);
* a *depression* (8-connected cells below their fill level) is searched as one block right after
  its *entry*, the first popped cell next to it at the spill level; inside the block the same
  rules hold, the fill level being taken with the entry as the only outlet (nested depressions
  recurse).

So every cell has a key ``(fl, lam)`` per nesting depth and drains to the non-skipped candidate
with the smallest key.  Only ties of keys need the insertion counters; they are settled pair by
pair by walking both discoverer chains until the keys differ or the chains meet (at most a dozen
steps on the DEMs tested).  The few decisions that depend on other tied decisions are iterated to
their fixed point, re-evaluating only the decisions whose walks passed through a changed cell.
No global sort, no Python loop over cells.  The result equals a cell-by-cell re-enactment of
GRASS 8.2's ``do_astar.c`` (``tests/reference_routing.py``) on the DEMs tested.
"""

from __future__ import annotations

import math
import time
from typing import Dict, List, Optional, Tuple

import numpy as np

from ..io.raster import CancelFn, ProgressFn, _never, _noop_progress, check_cancel
from .d8 import D8_OFFSETS
from .fill import _basin_levels, _reduce_edges, fill_basins

__all__ = ["ASTAR_BYTES_PER_CELL", "astar_padded", "NB", "NB_TO_D8"]

#: Peak working memory of :func:`astar_padded`, bytes per cell (the depression fill giving the
#: fill levels is the largest stage; measured 55-60 on Qinling 30 m).
ASTAR_BYTES_PER_CELL = 72

#: GRASS r.watershed's neighbour visiting order ``(drow, dcol)`` (ram/do_astar.c); the index into
#: it is the *visiting index*; the opposite of direction ``k`` is ``k ^ 1``.
NB: Tuple[Tuple[int, int], ...] = ((1, 0), (-1, 0), (0, -1), (0, 1), (-1, 1), (1, -1), (1, 1), (-1, -1))
#: visiting index -> index into :data:`.d8.D8_OFFSETS`; the last entry maps -1 (none) to -1.
NB_TO_D8 = np.array([D8_OFFSETS.index(o) for o in NB] + [-1], dtype=np.int8)

_LB = 24  # bits of the layer in a packed key
_BIG = np.iinfo(np.int64).max  # key of a cell that is no candidate
_UNSET = np.iinfo(np.int64).max // 4
_CHUNK = 1 << 17  # cells per chunk of the full-grid passes
_MAX_STEPS = 1 << 20


def _expand(starts: np.ndarray, counts: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Positions ``starts[i] .. starts[i] + counts[i] - 1`` for all i, and i for each."""
    total = int(counts.sum())
    owner = np.repeat(np.arange(counts.size), counts)
    pos = np.arange(total, dtype=np.int64) + np.repeat(starts - (np.cumsum(counts) - counts), counts)
    return pos, owner


def _graph_components(n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Smallest node of each node's connected component in an undirected graph of n nodes."""
    lab = np.arange(n, dtype=np.int64)
    u = u.astype(np.int64)
    v = v.astype(np.int64)
    while u.size:
        lu, lv = lab[u], lab[v]
        mn = np.minimum(lu, lv)
        np.minimum.at(lab, lu, mn)
        np.minimum.at(lab, lv, mn)
        while True:
            nl = lab[lab]
            if np.array_equal(nl, lab):
                break
            lab = nl
        keep = lab[u] != lab[v]
        u, v = u[keep], v[keep]
    return lab


def _group_min(groups: np.ndarray, values: np.ndarray) -> np.ndarray:
    """For each element, the smallest ``values`` over the elements of its group."""
    o = np.lexsort((values, groups))
    g = groups[o]
    first = np.r_[True, g[1:] != g[:-1]] if g.size else np.zeros(0, dtype=bool)
    start = np.maximum.accumulate(np.where(first, np.arange(g.size), 0)) if g.size else first
    out = np.empty_like(values)
    out[o] = values[o][start]
    return out


class _AStar:
    """One solve on a padded DEM ``zp`` (NaN outside/nodata; elevations as GRASS compares them)."""

    def __init__(self, zp: np.ndarray, cx: float, cy: float, progress: ProgressFn, cancel: CancelFn) -> None:
        self.zp = zp
        self.shape = zp.shape
        self.c2 = c2 = zp.shape[1]
        self.n = zp.size
        self.z = zp.ravel()
        self.valid = ~np.isnan(self.z)
        self.cx, self.cy = float(cx), float(cy)
        self.diag = math.hypot(cx, cy)
        self.progress, self.cancel = progress, cancel
        self.off = np.array([dr * c2 + dc for dr, dc in NB], dtype=np.int64)
        self.zmin = float(np.nanmin(self.z)) - 1.0
        self.zwall = float(np.nanmax(self.z)) + 1.0
        # for a diagonal neighbour k of x: the two cells next to both (offset from x, step from x)
        self.common = {k: ((NB[k][1], self.cx), (NB[k][0] * c2, self.cy)) for k in range(4, 8)}
        # the same two cells as visiting indices of x's neighbours
        self.common_slots = {
            k: ((NB.index((0, NB[k][1])), self.cx), (NB.index((NB[k][0], 0)), self.cy)) for k in range(4, 8)
        }
        self.have_d = False
        self.keep_fill = False
        self.pos: np.ndarray = np.empty(0, dtype=np.int64)
        self.fl: Optional[np.ndarray] = None
        self.fp_new: List[Tuple[np.ndarray, np.ndarray]] = []
        self.fo: np.ndarray = np.empty(0, dtype=np.int64)
        self.fv: np.ndarray = np.empty(0, dtype=np.int64)
        self.stats: Dict[str, float] = {}
        self._t0 = time.perf_counter()

    def _lap(self, name: str) -> None:
        t = time.perf_counter()
        self.stats["t_" + name] = self.stats.get("t_" + name, 0.0) + t - self._t0
        self._t0 = t

    # ================================================================== keys
    def pack(self, level: np.ndarray, lam: np.ndarray) -> np.ndarray:
        return ((np.asarray(level, np.float64) - self.zmin).astype(np.int64) << _LB) | np.asarray(
            lam, np.int64
        )

    # ================================================================== depth 0
    def structure0(self) -> None:
        zp, z, v, n = self.zp, self.z, self.valid, self.n
        rows, cols = zp.shape[0] - 2, zp.shape[1] - 2
        fl, basins = fill_basins(zp, self.cx, self.cy, lambda f: self.progress(0.3 * f), self.cancel)
        fl = fl.ravel()
        self.basin = basins.label.ravel()
        check_cancel(self.cancel)
        self._lap("s0_fill")
        v2 = v.reshape(zp.shape)
        seed2 = np.zeros(zp.shape, dtype=bool)
        inner = seed2[1:-1, 1:-1]
        for dr, dc in NB:
            inner |= ~v2[1 + dr : 1 + dr + rows, 1 + dc : 1 + dc + cols]
        inner &= v2[1:-1, 1:-1]
        self.seed = seed = seed2.ravel()
        # lower neighbour (fill level) of the level cells, by row blocks
        fl2 = fl.reshape(zp.shape)
        lower2 = np.zeros(zp.shape, dtype=bool)
        step = max(1, _CHUNK // max(cols, 1))
        with np.errstate(invalid="ignore"):
            for r0 in range(0, rows, step):
                r1 = min(rows, r0 + step)
                fc = fl2[1 + r0 : 1 + r1, 1:-1]
                lo = np.zeros(fc.shape, dtype=bool)
                for dr, dc in NB:
                    lo |= fl2[1 + r0 + dr : 1 + r1 + dr, 1 + dc : 1 + dc + cols] < fc
                lower2[1 + r0 : 1 + r1, 1:-1] = lo
        lower = lower2.ravel()
        del lower2
        self._lap("s0_seed_lower")
        with np.errstate(invalid="ignore"):
            dep = z < fl  # NaN -> False
        lvl = v & ~dep
        qidx = np.flatnonzero(lvl & ~seed & ~lower)  # level cells that need the breadth-first layer
        del lower, lvl
        self.dep_idx = dep_idx = np.flatnonzero(dep)
        del dep
        nd = dep_idx.size
        pos: np.ndarray = np.full(n, -1, dtype=np.int64 if n >= 2**31 else np.int32)
        self.pos = pos
        pos[dep_idx] = np.arange(nd, dtype=pos.dtype)
        self.Fdep = fl[dep_idx].astype(np.float64)
        check_cancel(self.cancel)
        self._lap("s0_dep")
        # depressions of depth 0: basins joined below their level; rim cells at the spill level
        self.local = np.full(nd, -1, dtype=np.int64)  # scratch: dep position -> local index
        self.cand_key = np.full((8, nd), _BIG, dtype=np.int64)  # per dep cell: its neighbours' keys
        if nd:
            lev = basins.level
            u, w = basins.u, basins.w
            join = (u > 0) & (basins.v > 0) & (w < lev[u])
            bcomp = _graph_components(lev.size, u[join], basins.v[join])
            comp = _group_min(bcomp[self.basin[dep_idx]], np.arange(nd, dtype=np.int64))
            rimc, rimw = self._rims(dep_idx, comp, self.Fdep, lambda w: v[w] & (pos[w] < 0))
        else:
            comp = rimc = rimw = np.empty(0, dtype=np.int64)
        del basins
        self.comp0 = comp  # per dep position: root dep position of its depth-0 depression
        self.progress(0.33)
        self._lap("s0_comp_rims")
        # breadth-first layers on the flats
        lam_q, lam_d = self._bfs_generic(
            qidx,
            lambda c: np.searchsorted(qidx, c),
            lambda c: self._isin_sorted(qidx, c),
            lambda c, a=fl: a[c],
            rimc,
            rimw,
            nd,
            lambda w: v[w],
        )
        self.fl = fl if self.keep_fill else None
        del fl
        self._lap("s0_bfs")
        key0 = np.empty(n, dtype=np.int64)
        tmp = np.empty(_CHUNK, dtype=np.float64)
        for s0 in range(0, n, _CHUNK):  # level cells: fl == z, layer 0 unless set below
            s1 = min(n, s0 + _CHUNK)
            t = tmp[: s1 - s0]
            np.subtract(z[s0:s1], self.zmin, out=t)
            kk = key0[s0:s1]
            with np.errstate(invalid="ignore"):
                kk[...] = t
            kk <<= _LB
            kk[~v[s0:s1]] = _BIG
        del tmp
        key0[qidx] = self.pack(z[qidx], lam_q)
        if nd:
            key0[dep_idx] = self.pack(self.Fdep, lam_d[comp])
        self.key0 = key0
        self.rim0 = (rimc, rimw)
        self.progress(0.36)
        self._lap("s0_key")

    @staticmethod
    def _isin_sorted(sorted_arr: np.ndarray, c: np.ndarray) -> np.ndarray:
        if sorted_arr.size == 0:
            return np.zeros(c.size, dtype=bool)
        i = np.minimum(np.searchsorted(sorted_arr, c), sorted_arr.size - 1)
        return sorted_arr[i] == c

    def _local_set(self, p: np.ndarray) -> np.ndarray:
        self.local[p] = np.arange(p.size)
        return self.local

    def _local_clear(self, p: np.ndarray) -> None:
        self.local[p] = -1

    def _rims(self, cells, comp, level, is_rim_cell):
        """(component, rim cell) pairs, unique: cells next to a depression at its spill level."""
        z, off = self.z, self.off
        cs, ws = [], []
        for o in off:
            w = cells + o
            m = is_rim_cell(w)
            m[m] = z[w[m]] == level[m]
            cs.append(comp[m])
            ws.append(w[m])
        c = np.concatenate(cs)
        w = np.concatenate(ws)
        key = np.unique(c.astype(np.int64) * self.n + w)
        return key // self.n, key % self.n

    # ================================================================== nested depressions
    def build_nested(self) -> None:
        """Nested structure of every depression (instances, keys and entries at every depth)."""
        nd = self.dep_idx.size
        self.levels: List[Dict[str, np.ndarray]] = []  # per instance depth j >= 1
        self.entry0 = np.full(nd, -1, dtype=np.int64)  # per depth-0 component root
        if nd:
            rimc, rimw = self.rim0
            ent = self._entries(rimc, rimw, self.key0[rimw], 0)
            self.entry0[ent[0]] = ent[1]
            cells = np.arange(nd, dtype=np.int64)
            self._build_from(1, cells, self.entry0[self.comp0[cells]], self.comp0[cells])
        self._assemble()

    def _ensure_level(self, j: int) -> Dict[str, np.ndarray]:
        e = np.empty(0, dtype=np.int64)
        while len(self.levels) < j:
            self.levels.append(
                {"p": e, "anc": e, "key": e, "src": e, "comp": e, "rim_c": e, "rim_w": e, "ent": e, "entc": e}
            )
        return self.levels[j - 1]

    def _merge(self, lv: Dict[str, np.ndarray], rows: Dict[str, np.ndarray]) -> None:
        for name in ("p", "anc", "key", "src", "comp"):
            lv[name] = np.concatenate([lv[name], rows[name]])
        o = np.argsort(lv["p"], kind="stable")
        for name in ("p", "anc", "key", "src", "comp"):
            lv[name] = lv[name][o]
        lv["rim_c"] = np.concatenate([lv["rim_c"], rows["rim_c"]])
        lv["rim_w"] = np.concatenate([lv["rim_w"], rows["rim_w"]])
        # entries of the sub-depressions (per component root)
        lv["entc"], lv["ent"] = self._upsert(lv["entc"], lv["ent"], rows["entc"], rows["ent"])

    def _build_from(
        self,
        j: int,
        cells: np.ndarray,
        ent_of: np.ndarray,
        src: np.ndarray,
        inject: Optional[Dict[int, Tuple[np.ndarray, np.ndarray, np.ndarray]]] = None,
    ) -> None:
        """Instances of depth j for the dep positions ``cells`` (sorted) entered at ``ent_of``;
        then their sub-depressions, depth by depth (``inject``: more cells entering at deeper
        levels)."""
        dep_idx, z, off, pos = self.dep_idx, self.z, self.off, self.pos
        inject = inject or {}
        while cells.size or inject:
            if j in inject:
                c2_, e2_, s2_ = inject.pop(j)
                cells = np.concatenate([cells, c2_])
                ent_of = np.concatenate([ent_of, e2_])
                src = np.concatenate([src, s2_])
                o = np.argsort(cells, kind="stable")
                cells, ent_of, src = cells[o], ent_of[o], src[o]
            if cells.size == 0:
                j += 1
                continue
            check_cancel(self.cancel)
            m = cells.size
            cidx = dep_idx[cells]
            zc = z[cidx].astype(np.float64)
            local = self._local_set(cells)
            nbq = []  # local index of each neighbour (-1 outside the instance)
            nbe = []  # neighbour is the cell's entry
            for o in off:
                w = cidx + o
                p = pos[w]
                q = np.full(m, -1, dtype=np.int64)
                ok = p >= 0
                q[ok] = local[p[ok]]
                nbq.append(q)
                nbe.append(w == ent_of)
            self._local_clear(cells)
            # fill level with the entry as the only outlet: minimax on the basin graph
            ub, node = np.unique(self.basin[cidx], return_inverse=True)
            node = node.astype(np.int64) + 1  # 0 = the outlet (the entries)
            us, vs, ws = [], [], []
            for k in (0, 3, 5, 6):  # S, E, SW, SE: each pair once
                q = nbq[k]
                ok = q >= 0
                i = np.flatnonzero(ok)
                qi = q[ok]
                diff = node[i] != node[qi]
                i, qi = i[diff], qi[diff]
                us.append(node[i])
                vs.append(node[qi])
                ws.append(np.maximum(zc[i], zc[qi]))
            for k in range(8):
                i = np.flatnonzero(nbe[k])
                us.append(node[i])
                vs.append(np.zeros(i.size, dtype=np.int64))
                ws.append(zc[i])
            nn = ub.size + 1
            eu, ev, ew = _reduce_edges(np.concatenate(us), np.concatenate(vs), np.concatenate(ws), nn)
            lev = _basin_levels(eu, ev, ew, nn, self.cancel)
            fin = np.maximum(zc, lev[node])
            if not np.isfinite(fin).all():
                bad = np.flatnonzero(~np.isfinite(fin))
                raise RuntimeError(
                    f"ca* order: cells {cidx[bad][:5]} of level {j} not connected to their entry "
                    f"{ent_of[bad][:5]} ({nn} nodes, {eu.size} edges)"
                )
            sub = zc < fin
            # sub-depressions: basins joined below their level
            subl = np.flatnonzero(sub)
            comp = np.full(m, -1, dtype=np.int64)
            if subl.size:
                join = (eu > 0) & (ev > 0) & (ew < lev[eu])
                ncomp = _graph_components(nn, eu[join], ev[join])
                root_p = _group_min(ncomp[node[subl]], cells[subl])
                comp[subl] = root_p
            # layers: layer 0 next to the entry or to a lower cell of the instance
            layer0 = np.zeros(m, dtype=bool)
            for k in range(8):
                q = nbq[k]
                ok = q >= 0
                layer0 |= nbe[k]
                layer0[ok] |= fin[q[ok]] < fin[ok]
            layer0 &= ~sub
            q_l = np.flatnonzero(~sub & ~layer0)
            # rim cells of the sub-depressions at their spill level
            if subl.size:
                rcs, rws = [], []
                for k in range(8):
                    q = nbq[k][subl]
                    ok = q >= 0
                    ok[ok] = ~sub[q[ok]]
                    ok[ok] = zc[q[ok]] == fin[subl][ok]
                    rcs.append(comp[subl][ok])
                    rws.append(cidx[q[ok]])
                key = np.unique(np.concatenate(rcs) * self.n + np.concatenate(rws))
                rimc, rimw = key // self.n, key % self.n
            else:
                rimc = rimw = np.empty(0, dtype=np.int64)
            lam = np.zeros(m, dtype=np.int64)
            lam_d_of: Tuple[np.ndarray, np.ndarray] = (
                np.empty(0, dtype=np.int64),
                np.empty(0, dtype=np.int64),
            )
            if q_l.size or subl.size:
                qcells = cidx[q_l]  # sorted: cells are sorted by dep position, i.e. by cell index
                lk = local  # dep position -> local index, valid again below
                self._local_set(cells)

                def loc(c, lk=lk):
                    p = pos[c]
                    out = np.full(c.size, -1, dtype=np.int64)
                    ok = p >= 0
                    out[ok] = lk[p[ok]]
                    return out

                def lev_of(c, loc=loc, fin=fin):
                    qq = loc(c)
                    out = np.full(c.size, np.inf)
                    ok = qq >= 0
                    out[ok] = fin[qq[ok]]
                    return out

                # components are named by their root dep position; index them densely for the BFS
                croots, cid = np.unique(rimc, return_inverse=True) if rimc.size else (rimc, rimc)
                lam_q, lam_d = self._bfs_generic(
                    qcells,
                    lambda c, qc=qcells: np.searchsorted(qc, c),
                    lambda c, qc=qcells: self._isin_sorted(qc, c),
                    lev_of,
                    cid.astype(np.int64),
                    rimw,
                    croots.size,
                    lambda c: loc(c) >= 0,
                )
                self._local_clear(cells)
                lam[q_l] = lam_q
                lam_d_of = (croots, lam_d)
            key = self.pack(fin, lam)
            if subl.size:
                croots, lam_d = lam_d_of
                key[subl] = self.pack(fin[subl], lam_d[np.searchsorted(croots, comp[subl])])
            # the keys of every cell's neighbours in its instance at this depth (-1: the entry,
            # BIG: not in the instance); the deepest level a cell is in writes last: its own depth
            for k in range(8):
                q = nbq[k]
                ck = np.where(q >= 0, key[np.maximum(q, 0)], _BIG)
                ck[nbe[k]] = -1
                self.cand_key[k, cells] = ck
            rows = {"p": cells, "anc": ent_of, "key": key, "src": src, "comp": comp}
            lv = self._ensure_level(j)
            rows["rim_c"], rows["rim_w"] = rimc, rimw
            rows["entc"], rows["ent"] = np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
            self._merge(lv, rows)
            if rimc.size == 0:
                cells, ent_of, src = cells[:0], ent_of[:0], src[:0]
                j += 1
                continue
            rkey = self._key_at_level(lv, self.pos[rimw])
            ec, ee = self._entries(rimc, rimw, rkey, j)
            lv["entc"], lv["ent"] = self._upsert(lv["entc"], lv["ent"], ec, ee)
            nsub = np.flatnonzero(comp >= 0)
            cells, src = cells[nsub], comp[nsub]
            ent_of = ee[np.searchsorted(ec, src)]
            j += 1

    @staticmethod
    def _upsert(keys, vals, k2, v2):
        k = np.concatenate([keys, k2])
        v = np.concatenate([vals, v2])
        if k.size == 0:
            return k, v
        o = np.argsort(k, kind="stable")
        k, v = k[o], v[o]
        last = np.r_[k[1:] != k[:-1], True]  # the newest row of a key wins
        return k[last], v[last]

    @staticmethod
    def _key_at_level(lv: Dict[str, np.ndarray], p: np.ndarray) -> np.ndarray:
        i = np.searchsorted(lv["p"], p)
        return lv["key"][i]

    def _entries(self, rimc, rimw, rkey, depth) -> Tuple[np.ndarray, np.ndarray]:
        """Entry of each component: its rim cell with the smallest key; ties by pop order
        (once directions exist) else by index.  Returns (component roots, entries), sorted."""
        if rimc.size == 0:
            e = np.empty(0, dtype=np.int64)
            return e, e
        o = np.lexsort((rimw, rkey, rimc))
        c, w, k = rimc[o], rimw[o], rkey[o]
        first = np.r_[True, c[1:] != c[:-1]]
        kmin = k[np.maximum.accumulate(np.where(first, np.arange(c.size), 0))]
        keep = k == kmin
        c, w = c[keep], w[keep]
        if self.have_d:
            c, w = self._tournament(c, w)
        first = np.r_[True, c[1:] != c[:-1]]
        return c[first], w[first]

    def _tournament(self, c: np.ndarray, w: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """Per group ``c`` (sorted), the cell of ``w`` popped first (pairwise rounds)."""
        while True:
            first = np.r_[True, c[1:] != c[:-1]]
            gstart = np.maximum.accumulate(np.where(first, np.arange(c.size), 0))
            rank = np.arange(c.size) - gstart
            pair = np.r_[c[1:] == c[:-1], False] & (rank % 2 == 0)
            a = np.flatnonzero(pair)
            if a.size == 0:
                return c, w
            afirst = self.cmp(w[a], w[a + 1])
            drop = np.where(afirst, a + 1, a)
            keep = np.ones(c.size, dtype=bool)
            keep[drop] = False
            c, w = c[keep], w[keep]

    def _bfs_generic(self, qcells, qindex, qmember, lev, rimc, rimw, ncomp, member):
        off = self.off
        lam = np.zeros(qcells.size, dtype=np.int64)
        seen = np.zeros(qcells.size, dtype=bool)
        lam_d = np.full(max(ncomp, 0), _UNSET, dtype=np.int64)
        if rimc.size:
            o = np.argsort(rimw, kind="stable")
            rw_sorted, rc_by_w = rimw[o], rimc[o]
            o2 = np.argsort(rimc, kind="stable")
            rc_sorted, rw_by_c = rimc[o2], rimw[o2]
        expanded = np.zeros(max(ncomp, 0), dtype=bool)
        parts = []
        if qcells.size:
            lq = lev(qcells)
            for o in off:
                w = qcells + o
                m = member(w) & ~qmember(w)
                m[m] = (self.z[w[m]] == lq[m]) & (lev(w[m]) == lq[m])
                parts.append(w[m])
        if rimc.size:
            parts.append(rimw[~qmember(rimw)])
        front = np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.int64)
        t = 0
        while front.size:
            check_cancel(self.cancel)
            nxt = []
            if rimc.size:
                a = np.searchsorted(rw_sorted, front, "left")
                b = np.searchsorted(rw_sorted, front, "right")
                hit = b > a
                if hit.any():
                    p, _ = _expand(a[hit], (b - a)[hit])
                    ds = np.unique(rc_by_w[p])
                    ds = ds[~expanded[ds]]
                    expanded[ds] = True
                    lam_d[ds] = t
                    a2 = np.searchsorted(rc_sorted, ds, "left")
                    b2 = np.searchsorted(rc_sorted, ds, "right")
                    p2, _ = _expand(a2, b2 - a2)
                    cand = rw_by_c[p2]
                    nxt.append(cand[qmember(cand)])
            if qcells.size:
                lf = lev(front)
                for o in off:
                    w = front + o
                    m = qmember(w)
                    m[m] = lev(w[m]) == lf[m]
                    nxt.append(w[m])
            cand = np.unique(np.concatenate(nxt)) if nxt else np.empty(0, dtype=np.int64)
            qi = qindex(cand)
            new = ~seen[qi]
            cand, qi = cand[new], qi[new]
            seen[qi] = True
            lam[qi] = t + 1
            front = cand
            t += 1
        if rimc.size:
            m = lam_d >= _UNSET
            if m.any():
                lm = np.full(lam_d.size, _UNSET, dtype=np.int64)
                lw = np.zeros(rimw.size, dtype=np.int64)
                inq = qmember(rimw)
                lw[inq] = lam[qindex(rimw[inq])]
                np.minimum.at(lm, rimc, lw)
                lam_d[m] = lm[m]
        self.stats["unreached"] = self.stats.get("unreached", 0) + int((~seen).sum())
        return lam, lam_d

    def _assemble(self) -> None:
        """Per dep cell: its depth and, per nesting depth, its anchor (entry) and key (ragged)."""
        nd = self.dep_idx.size
        ddepth = np.zeros(nd, dtype=np.int16)
        for j, lv in enumerate(self.levels, start=1):
            ddepth[lv["p"]] = j  # deepest level listing the cell
        self.ddepth = ddepth
        self.maxdepth = int(ddepth.max()) if nd else 0
        start = np.zeros(nd + 1, dtype=np.int64)
        np.cumsum(ddepth, out=start[1:])
        self.rstart = start
        tot = int(start[-1])
        self.ranc = np.full(tot, -1, dtype=np.int64)
        self.rkey = np.full(tot, _BIG, dtype=np.int64)
        for j, lv in enumerate(self.levels, start=1):
            p = lv["p"]
            ok = ddepth[p] >= j
            p = p[ok]
            self.ranc[start[p] + j - 1] = lv["anc"][ok]
            self.rkey[start[p] + j - 1] = lv["key"][ok]

    # ================================================================== comparator
    def _depth(self, a: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        p = self.pos[a].astype(np.int64)
        da = np.zeros(a.size, dtype=np.int64)
        m = p >= 0
        da[m] = self.ddepth[p[m]]
        return da, p

    def _rep_at(self, a, da, p, k):
        """Representative of cells ``a`` at per-cell depths ``k`` (``k <= da``)."""
        r = a.copy()
        m = da > k
        if m.any():
            r[m] = self.ranc[self.rstart[p[m]] + k[m]]
        return r

    def _key(self, r: np.ndarray, k: int) -> np.ndarray:
        if k == 0:
            return self.key0[r]
        p = self.pos[r].astype(np.int64)
        return self.rkey[self.rstart[p] + k - 1]

    def _settle(self, ca: np.ndarray, cb: np.ndarray):
        """What keys alone say about pairs of cells: lift both to the first nesting depth where
        their representatives differ, compare their keys there (seeds first at depth 0).
        Returns (settled, a_first, rep_a, rep_b); unsettled pairs tie and need the discoverers."""
        seed = self.seed
        da, pa = self._depth(ca)
        db, pb = self._depth(cb)
        kk = np.zeros(ca.size, dtype=np.int64)
        ra, rb = ca.copy(), cb.copy()
        done = np.zeros(ca.size, dtype=bool)
        resv = np.zeros(ca.size, dtype=bool)
        deep = np.flatnonzero((da > 0) | (db > 0))
        if deep.size:
            # the representatives agree down to some depth, then differ (nested blocks): binary
            # search for the first depth where they differ
            cad, cbd = ca[deep], cb[deep]
            dad, dbd = da[deep], db[deep]
            pad_, pbd = pa[deep], pb[deep]
            m = np.minimum(dad, dbd)
            lo = np.zeros(deep.size, dtype=np.int64)
            hi = m + 1  # first differing depth in [lo, hi); m + 1: none (one is the other's entry)
            act = np.flatnonzero(lo < hi)
            while act.size:
                mid = (lo[act] + hi[act]) // 2
                ra_ = self._rep_at(cad[act], dad[act], pad_[act], mid)
                rb_ = self._rep_at(cbd[act], dbd[act], pbd[act], mid)
                eq = ra_ == rb_
                lo[act[eq]] = mid[eq] + 1
                hi[act[~eq]] = mid[~eq]
                act = act[lo[act] < hi[act]]
            anc_case = lo > m
            sel = deep[anc_case]
            done[sel] = True
            resv[sel] = da[sel] <= db[sel]  # the shallower one is the other's entry
            keep = ~anc_case
            sel = deep[keep]
            kk[sel] = lo[keep]
            ra[sel] = self._rep_at(cad[keep], dad[keep], pad_[keep], lo[keep])
            rb[sel] = self._rep_at(cbd[keep], dbd[keep], pbd[keep], lo[keep])
        idx = np.flatnonzero(~done)
        if idx.size:
            ka = np.empty(idx.size, dtype=np.int64)
            kb = np.empty(idx.size, dtype=np.int64)
            kki = kk[idx]
            for k in np.unique(kki):
                m = kki == k
                ka[m] = self._key(ra[idx[m]], int(k))
                kb[m] = self._key(rb[idx[m]], int(k))
            diff = ka != kb
            done[idx[diff]] = True
            resv[idx[diff]] = ka[diff] < kb[diff]
            idx = idx[~diff]
        if idx.size:
            x, y = ra[idx], rb[idx]
            sa = seed[x] & (kk[idx] == 0)
            sb = seed[y] & (kk[idx] == 0)
            m = sa | sb
            done[idx[m]] = True
            resv[idx[m]] = (sa & ~sb)[m] | (sa & sb & (x < y))[m]
        return done, resv, ra, rb

    def cmp(self, a: np.ndarray, b: np.ndarray, owner: Optional[np.ndarray] = None) -> np.ndarray:
        """True where cell ``a`` pops before cell ``b`` (``a != b``), given the current directions.

        With ``owner``, the cells whose direction a walk used (and that may still change) are
        recorded as ``(owner, cell)`` in ``self.fp_new``."""
        a = a.astype(np.int64, copy=True)
        b = b.astype(np.int64, copy=True)
        res = np.zeros(a.size, dtype=bool)
        act = np.arange(a.size)
        off, d = self.off, self.d
        steps = 0
        while act.size:
            steps += 1
            if steps > _MAX_STEPS:
                raise RuntimeError("ca* order: discoverer walk does not end")
            ca, cb = a[act], b[act]
            if owner is not None:
                ow = owner[act]
                wa, wb = self.watch[ca], self.watch[cb]
                self.fp_new.append((ow[wa], ca[wa]))
                self.fp_new.append((ow[wb], cb[wb]))
            done, resv, ra, rb = self._settle(ca, cb)
            idx = np.flatnonzero(~done)
            x, y = ra[idx], rb[idx]
            if idx.size:
                dx, dy = d[x].astype(np.int64), d[y].astype(np.int64)
                bad = (dx < 0) | (dy < 0)
                if bad.any():  # no discoverer (cannot happen on a solved grid): index order
                    done[idx[bad]] = True
                    resv[idx[bad]] = x[bad] < y[bad]
                    keep = ~bad
                    idx, x, y, dx, dy = idx[keep], x[keep], y[keep], dx[keep], dy[keep]
                if owner is not None and idx.size:
                    ow = owner[act[idx]]
                    wx = self.watch[x] & (x != ca[idx])
                    wy = self.watch[y] & (y != cb[idx])
                    self.fp_new.append((ow[wx], x[wx]))
                    self.fp_new.append((ow[wy], y[wy]))
                px, py = x + off[dx], y + off[dy]
                same = px == py
                done[idx[same]] = True
                resv[idx[same]] = (dx ^ 1)[same] < (dy ^ 1)[same]
                cont = idx[~same]
                a[act[cont]] = px[~same]
                b[act[cont]] = py[~same]
            res[act[done]] = resv[done]
            act = act[~done]
        self.stats["walk"] = max(self.stats.get("walk", 0), steps)
        return res

    # ================================================================== decisions
    def _ctx(self, xs: np.ndarray):
        m, p = self._depth(xs)
        own = self.key0[xs].copy()
        ent = np.full(xs.size, -1, dtype=np.int64)
        s = np.flatnonzero(m > 0)
        if s.size:
            base = self.rstart[p[s]] + m[s] - 1
            own[s] = self.rkey[base]
            ent[s] = self.ranc[base]
        return m, own, ent

    def decide(self, xs: np.ndarray, use_cmp: bool = True) -> Tuple[np.ndarray, np.ndarray]:
        """Discoverer (visiting index, -1 none) of each cell of xs and, without the comparator, where
        a tie would have needed it."""
        z, off, valid = self.z, self.off, self.valid
        m, own, ent = self._ctx(xs)
        deep = np.flatnonzero(m > 0)
        isseed = self.seed[xs] & (m == 0)
        anyseed = bool(isseed.any())
        zx = z[xs].astype(np.float64)
        owner = np.arange(xs.size) if use_cmp else None
        amb = np.zeros(xs.size, dtype=bool)
        best = np.full(xs.size, -1, dtype=np.int64)
        bkey = np.full(xs.size, _BIG, dtype=np.int64)
        fallback = np.full(xs.size, -1, dtype=np.int64)
        fbkey = np.full(xs.size, _BIG, dtype=np.int64)
        kys, zys, vys = [], [], []
        deep_p = self.pos[xs[deep]].astype(np.int64)
        for k in range(8):
            ys = xs + off[k]
            ky = self.key0[ys]
            ky[deep] = self.cand_key[k, deep_p]
            kys.append(ky)
            zys.append(z[ys].astype(np.float64))
            vys.append(valid[ys])
        for k in range(8):
            ys = xs + off[k]
            ky, zy, vy = kys[k], zys[k], vys[k]
            cand = vy & (ky < own)
            if anyseed:
                cs = isseed & vy & (zy < zx) & (ky <= own)
                tie = cs & (ky == own)
                if tie.any():
                    ii = np.flatnonzero(tie)
                    cs[ii] = self._tie(ys[ii], xs[ii], owner, ii, amb)
                cand = np.where(isseed, cs, cand)
            if not cand.any():
                continue
            fb = cand & (ky < fbkey)
            fallback[fb] = k
            fbkey[fb] = ky[fb]
            if k >= 4:
                with np.errstate(invalid="ignore"):
                    slope = (zx - zy) / self.diag
                    hi = cand & (zx > zy)
                skip = np.zeros(xs.size, dtype=bool)
                for kj, res in self.common_slots[k]:
                    zj = zys[kj]
                    with np.errstate(invalid="ignore"):
                        c = hi & vys[kj] & (zj < zx) & (slope < (zx - zj) / res)
                    if not c.any():
                        continue
                    kjk = kys[kj]
                    after = c & (kjk > ky)
                    tie = c & (kjk == ky)
                    if tie.any():
                        ii = np.flatnonzero(tie)
                        after[ii] = self._tie(ys[ii], xs[ii] + off[kj], owner, ii, amb)
                    skip |= after
                cand &= ~skip
            better = cand & (ky < bkey)
            tie = cand & (ky == bkey) & (best >= 0)
            if tie.any():
                ii = np.flatnonzero(tie)
                better[ii] = self._tie(ys[ii], xs[ii] + off[best[ii]], owner, ii, amb)
            best[better] = k
            bkey[better] = ky[better]
        lost = (best < 0) & ~isseed & (fallback >= 0)
        if lost.any():  # every candidate skipped (a same-level depression beside): keep a tree
            best[lost] = fallback[lost]
            self.stats["lost"] = self.stats.get("lost", 0) + int(lost.sum())
        return best, amb

    def _tie(self, a, b, owner, ii, amb):
        """a pops before b?  With the comparator (``owner`` given) exactly; without, only where
        the keys settle it (lifted into nested depressions), the rest flagged in ``amb``."""
        if owner is not None:
            return self.cmp(a, b, owner[ii])
        done, res, _ra, _rb = self._settle(a, b)
        amb[ii[~done]] = True
        return res & done

    def fast0(self) -> np.ndarray:
        """Decide every depth-0 non-seed level cell whose candidates' keys decide; return the rest."""
        z, off, key0, v, pos = self.z, self.off, self.key0, self.valid, self.pos
        n, c2 = self.n, self.c2
        d = np.full(n, -1, dtype=np.int8)
        amb_parts = []
        for s in range(c2 + 1, n - c2 - 1, _CHUNK):
            if (s // _CHUNK) % 16 == 0:
                check_cancel(self.cancel)
            e = min(s + _CHUNK, n - c2 - 1)
            act = v[s:e] & (pos[s:e] < 0) & ~self.seed[s:e]
            if not act.any():
                continue
            kx = key0[s:e]
            zx = z[s:e]
            size = e - s
            best = np.full(size, _BIG, dtype=np.int64)
            bk = np.full(size, -1, dtype=np.int8)
            cnt = np.zeros(size, dtype=np.int8)
            mkey = np.full(size, _BIG, dtype=np.int64)  # smallest key of a maybe-skipped candidate
            for k in range(8):
                o = off[k]
                ky = key0[s + o : e + o]
                c = ky < kx
                if k >= 4:
                    zy = z[s + o : e + o]
                    with np.errstate(invalid="ignore"):
                        hi = c & (zx > zy)
                        slope = (zx - zy) / self.diag
                    sy = np.zeros(size, dtype=bool)
                    sm = np.zeros(size, dtype=bool)
                    for dj, res in self.common[k]:
                        zj = z[s + dj : e + dj]
                        kj = key0[s + dj : e + dj]
                        with np.errstate(invalid="ignore"):
                            cc = hi & (zj < zx) & (slope < (zx - zj) / res)
                        sy |= cc & (kj > ky)
                        sm |= cc & (kj == ky)
                    c &= ~sy
                    sm &= c
                    c &= ~sm
                    np.copyto(mkey, np.minimum(mkey, ky), where=sm)
                lt = c & (ky < best)
                eq = c & (ky == best)
                best[lt] = ky[lt]
                bk[lt] = k
                cnt[lt] = 1
                cnt[eq] += 1
            maybe = mkey <= best
            amb = act & (maybe | (cnt > 1) | (bk < 0))
            d[s:e][act] = bk[act]  # provisional where ambiguous: the first smallest key
            amb_parts.append(np.flatnonzero(amb) + s)
        self.d = d
        return np.concatenate(amb_parts) if amb_parts else np.empty(0, dtype=np.int64)

    # ================================================================== fixed point
    def rounds(self, xs: np.ndarray) -> int:
        """Decide the cells xs with the comparator until nothing changes; returns the rounds."""
        n_rounds = 0
        fo, fv = self.fo, self.fv
        work = xs
        while work.size:
            check_cancel(self.cancel)
            n_rounds += 1
            self.fp_new = []
            new, _ = self.decide(work, use_cmp=True)
            parts = self.fp_new
            self.fp_new = []
            old = self.d[work]
            changed = work[new != old]
            self.d[work] = new.astype(np.int8)
            # footprints: replace those of the re-decided cells
            mark = self.mark
            if fo.size:
                mark[work] = True
                keep = ~mark[fo]
                mark[work] = False
                fo, fv = fo[keep], fv[keep]
            if parts:
                fo = np.concatenate([fo] + [work[p[0]] for p in parts])
                fv = np.concatenate([fv] + [p[1] for p in parts])
            if changed.size == 0:
                break
            mark[changed] = True
            hit = mark[fv]
            mark[changed] = False
            work = np.unique(fo[hit])
            if n_rounds > 1000:
                raise RuntimeError("ca* order: no fixed point")
        self.fo, self.fv = fo, fv
        return n_rounds

    def refine_entries(self) -> Tuple[np.ndarray, List[Tuple[int, np.ndarray, np.ndarray]]]:
        """Re-choose the entries by pop order; returns the changed depth-0 components and, per
        deeper level, (level, components, new entries)."""
        changed0 = np.empty(0, dtype=np.int64)
        rimc, rimw = self.rim0
        if rimc.size:
            ec, ee = self._entries(rimc, rimw, self.key0[rimw], 0)
            ch = self.entry0[ec] != ee
            changed0 = ec[ch]
            self.entry0[ec] = ee
        deeper = []
        for j, lv in enumerate(self.levels, start=1):
            if lv["rim_c"].size == 0:
                continue
            rkey = self._key_at_level(lv, self.pos[lv["rim_w"]])
            ec, ee = self._entries(lv["rim_c"], lv["rim_w"], rkey, j)
            i = np.searchsorted(lv["entc"], ec)
            ch = lv["ent"][i] != ee
            if ch.any():
                deeper.append((j, ec[ch], ee[ch]))
        return changed0, deeper

    def rebuild(self, changed0: np.ndarray, deeper) -> np.ndarray:
        """Rebuild, in one sweep, the structure below changed entries; returns the dep positions
        rebuilt."""
        nd = self.dep_idx.size
        start = np.full(nd, 1 << 30, dtype=np.int64)  # level from which a cell is rebuilt
        inject: Dict[int, Tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        if changed0.size:
            mask = np.zeros(nd, dtype=bool)
            mask[changed0] = True
            cells = np.flatnonzero(mask[self.comp0])
            start[cells] = 1
            inject[1] = (cells, self.entry0[self.comp0[cells]], self.comp0[cells])
        for j, comps, ents in deeper:
            if j > len(self.levels):
                continue
            lv = self.levels[j - 1]
            sel = np.isin(lv["comp"], comps)
            cells = lv["p"][sel]
            ok = start[cells] > j + 1
            cells = cells[ok]
            if cells.size == 0:
                continue
            src = lv["comp"][sel][ok]
            o = np.argsort(comps)
            ent_of = ents[o][np.searchsorted(comps[o], src)]
            lv["entc"], lv["ent"] = self._upsert(lv["entc"], lv["ent"], comps, ents)
            start[cells] = j + 1
            inject[j + 1] = (cells, ent_of, src)
        if not inject:
            return np.empty(0, dtype=np.int64)
        for j, lv in enumerate(self.levels, start=1):
            keep = start[lv["p"]] > j
            for name in ("p", "anc", "key", "src", "comp"):
                lv[name] = lv[name][keep]
            keepr = start[lv["rim_c"]] > j
            lv["rim_c"], lv["rim_w"] = lv["rim_c"][keepr], lv["rim_w"][keepr]
            keepe = start[lv["entc"]] > j
            lv["entc"], lv["ent"] = lv["entc"][keepe], lv["ent"][keepe]
        j0 = min(inject)
        cells, ent_of, src = inject.pop(j0)
        self._build_from(j0, cells, ent_of, src, inject)
        self._assemble()
        return np.flatnonzero(start < (1 << 30))

    def solve(self) -> np.ndarray:
        """Padded direction indices into :data:`.d8.D8_OFFSETS` (-1 at nodata)."""
        self.structure0()
        self._lap("structure0")
        self.build_nested()
        self._lap("nested")
        self.progress(0.45)
        amb0 = self.fast0()
        self._lap("fast0")
        self.progress(0.55)
        self.watch = np.zeros(self.n, dtype=bool)
        self.mark = np.zeros(self.n, dtype=bool)  # scratch
        self.fo = np.empty(0, dtype=np.int64)
        self.fv = np.empty(0, dtype=np.int64)
        dep = self.dep_idx
        # cells whose direction may still change: the tied ones, the depression cells and their
        # neighbours (re-decided when a depression's entry changes); walks record them
        for o in np.r_[self.off, 0]:
            self.watch[dep + o] = True
        special = np.unique(np.concatenate([dep, np.flatnonzero(self.seed)]))
        best, amb = self.decide(special, use_cmp=False)
        self.d[special] = best.astype(np.int8)
        b0, a0 = self.decide(amb0, use_cmp=False)  # ties the nested keys settle
        self.d[amb0] = b0.astype(np.int8)
        slow = np.unique(np.concatenate([amb0[a0], special[amb]]))
        self.watch[slow] = True
        self.have_d = True
        self.stats["slow"] = int(slow.size)
        self.stats["slow_amb0"] = int(a0.sum())
        self.stats["slow_dep"] = int((amb & ~self.seed[special]).sum())
        self.stats["dep"] = int(dep.size)
        self._lap("provisional")
        self.stats["rounds"] = self.rounds(slow)
        self._lap("rounds")
        self.progress(0.7)
        passes = 0
        while True:
            changed0, deeper = self.refine_entries()
            if changed0.size == 0 and not deeper:
                break
            passes += 1
            if passes > 50:
                raise RuntimeError("ca* order: entries do not settle")
            self._lap("refine")
            rebuilt = self.rebuild(changed0, deeper)
            self._lap("rebuild")
            self.stats["rebuilt"] = self.stats.get("rebuilt", 0) + rebuilt.size
            cells = self.dep_idx[rebuilt]
            best, amb = self.decide(cells, use_cmp=False)
            self.d[cells] = best.astype(np.int8)
            # neighbours of rebuilt cells (their candidates' keys changed) and walks through them
            nb = np.unique((cells[:, None] + self.off[None, :]).ravel())
            nb = nb[self.valid[nb]]
            self.mark[cells] = True
            hit = self.mark[self.fv]
            self.mark[cells] = False
            work = np.unique(np.concatenate([cells[amb], nb, self.fo[hit]]))
            self.watch[work] = True
            self.stats["rounds"] += self.rounds(work)
            self._lap("pass_rounds")
        self._lap("refine")
        self.stats["passes"] = passes
        self.progress(0.75)
        return self.directions()

    def directions(self) -> np.ndarray:
        """D8 indices (padded) from the discoverers; seeds without one drain off the map as in
        r.watershed (north, west, south, east edge, else the first nodata neighbour)."""
        d = self.d
        kp = NB_TO_D8[d.astype(np.int64)]  # -1 -> -1
        kp[~self.valid] = -1
        out = np.flatnonzero(self.valid & (d < 0))
        if out.size:
            row, col = np.divmod(out, self.c2)
            r2 = self.shape[0]
            off8 = np.array([dr * self.c2 + dc for dr, dc in D8_OFFSETS], dtype=np.int64)
            kout = np.full(out.size, -1, dtype=np.int8)
            for msk, k in ((row == 1, 6), (col == 1, 4), (row == r2 - 2, 2), (col == self.c2 - 2, 0)):
                kout[(kout < 0) & msk] = k
            for k in (6, 2, 4, 0, 5, 7, 3, 1):
                kout[(kout < 0) & ~self.valid[out + off8[k]]] = k
            kp[out] = kout
        return kp.reshape(self.shape)


def astar_padded(
    zp: np.ndarray,
    cellsize_x: float,
    cellsize_y: float,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
    stats: Optional[Dict[str, float]] = None,
    keep_fill: bool = False,
):
    """Padded D8 direction indices (into :data:`.d8.D8_OFFSETS`, -1 at nodata) of a padded DEM,
    routed like GRASS ``r.watershed -s``; with ``keep_fill`` also the padded fill levels.

    ``zp`` holds the elevations as r.watershed compares them (integers; floating-point DEMs
    rounded to the millimetre) with NaN on the padding ring and at nodata.  ``stats`` receives
    counts and stage times.
    """
    solver = _AStar(zp, cellsize_x, cellsize_y, progress, is_cancelled)
    solver.keep_fill = keep_fill
    kp = solver.solve()
    if stats is not None:
        stats.update(solver.stats)
    if keep_fill:
        assert solver.fl is not None
        fill = solver.fl.reshape(zp.shape)
        del solver
        return kp, fill
    return kp
