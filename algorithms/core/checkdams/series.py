"""The dam series of every gully: the upstream walk by the 顶底相照 rule, and the spacings.

Each connected tree of gully cells is one gully.  A wavefront moves upstream from every gully
outlet, each cell inheriting the dam whose silted bed covers it; where the silted bed meets the
bed, the next site gets the next dam; where a branch splits, the wedge follows every branch.  On
a uniform bed this is the spacing ``L = H / (i − i')`` (:mod:`.spacing`); on a real profile the
walk follows the bed cell by cell, so a steeper bed upstream places the dams closer together.

Per-cell arrays are indexed by *position*, the index into :attr:`.siting.Gullies.cells`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple

import numpy as np

from ..io.raster import CancelFn, check_cancel
from .siting import Gullies

__all__ = ["GullyTree", "Walk", "Series", "Spacings", "gully_tree", "walk_series", "keep_lowest", "spacings"]


@dataclass
class GullyTree:
    """The gully cells as upstream trees.

    Attributes
    ----------
    pos : flat cell index -> position (-1 off the network).
    outlets : positions of the gully outlets (flow leaves the network), largest upslope area first.
    children, indptr : CSR lists of the upstream neighbours (positions) of each position.
    nchild : number of upstream neighbours of each position.
    """

    pos: np.ndarray
    outlets: np.ndarray
    children: np.ndarray
    indptr: np.ndarray
    nchild: np.ndarray


@dataclass
class Walk:
    """The upstream walk: per position and per dam (in the order the walk found them).

    Attributes
    ----------
    s : distance (m) along the channel from the gully outlet.
    gov : the dam whose silted bed covers each position (-1: none).
    gully, reach : gully (0 = largest outlet area) and reach (split at every fork) of each position.
    dam_pos, dam_crest, dam_dist : position, crest elevation (m) and distance ``s`` of each dam.
    dam_parent : the dam below each dam in its gully (-1: the lowest).
    meets : ``(dam, position)`` pairs where a dam's silted bed meets the bed.
    """

    s: np.ndarray
    gov: np.ndarray
    gully: np.ndarray
    reach: np.ndarray
    dam_pos: np.ndarray
    dam_crest: np.ndarray
    dam_dist: np.ndarray
    dam_parent: np.ndarray
    meets: List[Tuple[np.ndarray, np.ndarray]]


@dataclass
class Series:
    """The dams kept (at most ``max_dams`` per gully, the lowest), renumbered by gully then upstream.

    Attributes
    ----------
    newid : walk dam -> kept dam id (-1: dropped); index -1 gives -1.
    gov : :attr:`Walk.gov` in kept ids.
    dpos, crest_z, dam_s, dparent : position, crest elevation (m), distance (m) and lower dam of
        each kept dam.
    """

    newid: np.ndarray
    gov: np.ndarray
    dpos: np.ndarray
    crest_z: np.ndarray
    dam_s: np.ndarray
    dparent: np.ndarray

    @property
    def count(self) -> int:
        """Number of dams."""
        return int(self.dpos.size)


@dataclass
class Spacings:
    """Per dam: the next dam upstream, the spacing to it and the rule's gradient.

    Attributes
    ----------
    next_id : the child dam with the largest upslope area (-1: none).
    spacing : distance (m) to it along the channel (NaN: none).
    bed : bed elevation (m) at the dam.
    meet_l : distance (m) to where the silted bed meets the bed on the main branch, interpolated
        between cells (NaN where it never does).
    grad : gradient of the silted reach ``H / meet_l + i'`` (m/m), else the local gradient.
    """

    next_id: np.ndarray
    spacing: np.ndarray
    bed: np.ndarray
    meet_l: np.ndarray
    grad: np.ndarray


def gully_tree(g: Gullies) -> GullyTree:
    """Upstream trees of the gully cells; each tree (one per outlet) is one gully."""
    cells = g.cells
    pos = np.full(g.z.size, -1, dtype=np.int64)
    pos[cells] = np.arange(cells.size)
    parent = g.down[cells]
    in_tree = parent >= 0
    in_tree[in_tree] = g.net[parent[in_tree]]
    outlets = np.flatnonzero(~in_tree)  # positions
    child = np.flatnonzero(in_tree)
    ppos = pos[parent[child]]
    order = np.argsort(ppos, kind="stable")
    children = child[order]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(ppos, minlength=cells.size))])
    nchild = np.diff(indptr)
    # gullies numbered by outlet area, largest first
    outlets = outlets[np.argsort(-g.uparea[cells[outlets]], kind="stable")]
    return GullyTree(pos, outlets, children, indptr, nchild)


def walk_series(
    g: Gullies,
    tree: GullyTree,
    sites: np.ndarray,
    *,
    height: float,
    i_prime: float,
    is_cancelled: CancelFn,
) -> Walk:
    """Place the dams of every gully by walking upstream from its outlet.

    Parameters
    ----------
    g, tree : the gully network.
    sites : per position, True where a dam may stand.
    height : effective height H (m); the crest is at bed + H.
    i_prime : gradient of the silted bed (m/m).
    is_cancelled : cancel callback (raises ``Cancelled``).

    The lowest site of each gully gets a dam; going upstream, a position is covered by the dam
    below while its bed is under that dam's silted bed ``crest + i'·(s − s_dam)``; the first site
    where the bed reaches it gets the next dam.
    """
    cells = g.cells
    n = cells.size
    s = np.zeros(n)
    gov = np.full(n, -1, dtype=np.int64)
    last = np.full(n, -1, dtype=np.int64)
    gully = np.full(n, -1, dtype=np.int64)
    reach = np.full(n, -1, dtype=np.int64)
    zc = g.z[cells]
    dam_pos = np.empty(n, dtype=np.int64)
    dam_crest = np.empty(n)
    dam_dist = np.empty(n)
    dam_parent = np.empty(n, dtype=np.int64)
    ndam = 0
    outlets = tree.outlets
    gully[outlets] = np.arange(outlets.size)
    reach[outlets] = np.arange(outlets.size)
    nreach = outlets.size

    meets: List[Tuple[np.ndarray, np.ndarray]] = []
    front = outlets
    g_in = np.full(front.size, -1, dtype=np.int64)
    l_in = np.full(front.size, -1, dtype=np.int64)
    it = 0
    while front.size:
        it += 1
        if it % 32 == 0:
            check_cancel(is_cancelled)
        with np.errstate(invalid="ignore"):
            governed = g_in >= 0
            gi = np.where(governed, g_in, 0)
            level = dam_crest[gi] + i_prime * (s[front] - dam_dist[gi])
            meet = ~governed | (zc[front] >= level - 1e-9)
        new = meet & sites[front]
        hit = governed & meet
        if hit.any():
            meets.append((g_in[hit], front[hit]))
        nn = int(new.sum())
        ids = np.full(front.size, -1, dtype=np.int64)
        ids[new] = np.arange(ndam, ndam + nn)
        fnew = front[new]
        dam_pos[ndam : ndam + nn] = fnew
        dam_crest[ndam : ndam + nn] = zc[fnew] + height
        dam_dist[ndam : ndam + nn] = s[fnew]
        dam_parent[ndam : ndam + nn] = l_in[new]
        ndam += nn
        gov[front] = np.where(new, ids, np.where(meet, -1, g_in))
        last[front] = np.where(new, ids, l_in)
        # children of the front
        starts = tree.indptr[front]
        counts = tree.nchild[front]
        total = int(counts.sum())
        if total == 0:
            break
        rep = np.repeat(np.arange(front.size), counts)
        offs = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        kids = tree.children[np.repeat(starts, counts) + offs]
        par = front[rep]
        s[kids] = s[par] + g.steplen[cells[kids]]
        gully[kids] = gully[par]
        single = tree.nchild[par] == 1
        reach[kids] = np.where(single, reach[par], 0)
        nsplit = int((~single).sum())
        reach[kids[~single]] = np.arange(nreach, nreach + nsplit)
        nreach += nsplit
        g_in = gov[par]
        l_in = last[par]
        front = kids
    return Walk(
        s, gov, gully, reach, dam_pos[:ndam], dam_crest[:ndam], dam_dist[:ndam], dam_parent[:ndam], meets
    )


def keep_lowest(walk: Walk, max_dams: int, stats: Dict[str, float]) -> Series:
    """Keep the lowest ``max_dams`` dams of each gully (0: all), a set closed downstream.

    Sets ``stats["dropped_max_dams"]``.  Kept dams are numbered by gully, then upstream.
    """
    ndam = walk.dam_pos.size
    dg = walk.gully[walk.dam_pos]
    order = np.lexsort((walk.dam_dist, dg))
    keep = np.ones(ndam, dtype=bool)
    if max_dams and max_dams > 0:
        dg_s = dg[order]
        first = np.r_[True, dg_s[1:] != dg_s[:-1]]
        rank = np.arange(ndam) - np.maximum.accumulate(np.where(first, np.arange(ndam), 0))
        keep[order[rank >= max_dams]] = False
    stats["dropped_max_dams"] = int((~keep).sum())
    kept = order[keep[order]]
    newid = np.full(ndam + 1, -1, dtype=np.int64)  # index -1 -> -1
    newid[kept] = np.arange(kept.size)
    gov = np.where(walk.gov >= 0, newid[walk.gov], -1)
    return Series(
        newid=newid,
        gov=gov,
        dpos=walk.dam_pos[kept],
        crest_z=walk.dam_crest[kept],
        dam_s=walk.dam_dist[kept],
        dparent=newid[walk.dam_parent[kept]],
    )


def spacings(
    g: Gullies,
    tree: GullyTree,
    walk: Walk,
    series: Series,
    local_i: np.ndarray,
    *,
    height: float,
    i_prime: float,
) -> Spacings:
    """Next dam upstream, spacing and the gradient of the silted reach of every kept dam."""
    cells, uparea = g.cells, g.uparea
    nd = series.count
    s, zc = walk.s, g.z[cells]
    dcell = cells[series.dpos]
    dparent, dam_s, crest_z = series.dparent, series.dam_s, series.crest_z
    # next dam upstream: the child dam with the largest upslope area
    next_id = np.full(nd, -1, dtype=np.int64)
    has_p = np.flatnonzero(dparent >= 0)
    if has_p.size:
        o = np.lexsort((-uparea[dcell[has_p]], dparent[has_p]))
        hp = has_p[o]
        firstp = np.r_[True, dparent[hp][1:] != dparent[hp][:-1]]
        next_id[dparent[hp][firstp]] = hp[firstp]
    spacing = np.where(next_id >= 0, dam_s[np.maximum(next_id, 0)] - dam_s, np.nan)
    bed = zc[series.dpos]
    # where the silted bed meets the bed (main branch), interpolated between cells:
    # the spacing rule on the real bed, L = H / (i − i') with i the silted reach's gradient
    meet_l = np.full(nd, np.nan)
    if walk.meets:
        mg = series.newid[np.concatenate([m[0] for m in walk.meets])]
        mp = np.concatenate([m[1] for m in walk.meets])
        sel = mg >= 0
        mg, mp = mg[sel], mp[sel]
        o = np.lexsort((-uparea[cells[mp]], mg))
        mg, mp = mg[o], mp[o]
        firstm = np.r_[True, mg[1:] != mg[:-1]] if mg.size else np.zeros(0, dtype=bool)
        mg, mp = mg[firstm], mp[firstm]
        pp = tree.pos[g.down[cells[mp]]]
        f1 = zc[mp] - (crest_z[mg] + i_prime * (s[mp] - dam_s[mg]))
        f0 = zc[pp] - (crest_z[mg] + i_prime * (s[pp] - dam_s[mg]))
        with np.errstate(invalid="ignore", divide="ignore"):
            frac = np.where(f1 > f0, -f0 / (f1 - f0), 1.0)
        meet_l[mg] = s[pp] + np.clip(frac, 0.0, 1.0) * (s[mp] - s[pp]) - dam_s[mg]
    with np.errstate(invalid="ignore", divide="ignore"):
        grad = np.where(meet_l > 0, height / meet_l + i_prime, local_i[series.dpos])
    return Spacings(next_id, spacing, bed, meet_l, grad)
