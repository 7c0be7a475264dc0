"""Seeded random sampling of approved plans for quality checks (§三(三): at least 5 % a year).

n = ⌈share × N⌉, per stratum when strata are given (so every stratum, and the
whole, is sampled at least at ``share``).  The draw orders the plans by
SHA-256 of ``"<seed>|<plan key>"`` and takes the n first: the same seed and the
same plans give the same sample on every machine, Python, numpy and QGIS
version, whatever the input order when the plans carry an id, and anyone can
re-compute the draw to audit it.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Dict, List, Optional, Sequence

from ..errors import QT_TRANSLATE_NOOP, InputError
from . import constants as const


@dataclass
class Drawn:
    index: int
    key: str
    stratum: str
    rank: int
    draw_key: str


def sample_size(total: int, share_pct: float) -> int:
    """⌈share × N⌉ in exact arithmetic (no 6.8500000001 surprises).

    >>> sample_size(137, 5), sample_size(20, 5), sample_size(0, 5), sample_size(21, 5)
    (7, 1, 0, 2)
    """
    if share_pct < const.MIN_SAMPLE_SHARE_PCT or share_pct > 100.0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "The sampled share must lie between {minimum:g} % (the minimum of the measures) and "
                "100 %; it is {value:g} %.",
            ),
            minimum=const.MIN_SAMPLE_SHARE_PCT,
            value=share_pct,
        )
    return int(math.ceil(Fraction(str(share_pct)) * total / 100))


def draw_key(seed: int, key: str) -> str:
    """The hex SHA-256 that orders the plans: ``sha256(f"{seed}|{key}")``."""
    return hashlib.sha256(f"{seed}|{key}".encode()).hexdigest()


def sample_plans(
    keys: Sequence[str],
    share_pct: float = const.MIN_SAMPLE_SHARE_PCT,
    seed: int = 0,
    strata: Optional[Sequence[str]] = None,
) -> List[Drawn]:
    """The sampled plans, in draw order within each stratum (strata sorted by name).

    Parameters
    ----------
    keys : one key per plan (its id, or its row number); must be unique.
    share_pct : sampled share, %, at least 5.
    seed : any whole number; publish it with the sample.
    strata : one stratum per plan (e.g. 报告书 / 报告表, or the industry), or ``None``.
    """
    keys = [str(k) for k in keys]
    seen: Dict[str, int] = {}
    dups = []
    for k in keys:
        seen[k] = seen.get(k, 0) + 1
        if seen[k] == 2:
            dups.append(k)
    if dups:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "Plan ids are not unique ({ids}): the draw needs one id per plan; fix the ids or leave "
                "the id field empty to draw by row.",
            ),
            ids=", ".join(dups[:10]),
        )
    groups: Dict[str, List[int]] = {}
    for i in range(len(keys)):
        stratum = "" if strata is None else ("" if strata[i] is None else str(strata[i]).strip())
        groups.setdefault(stratum, []).append(i)
    out: List[Drawn] = []
    for stratum in sorted(groups):
        members = groups[stratum]
        n = sample_size(len(members), share_pct)
        ranked = sorted(members, key=lambda i: (draw_key(seed, keys[i]), i))
        for rank, i in enumerate(ranked[:n], start=1):
            out.append(Drawn(i, keys[i], stratum, rank, draw_key(seed, keys[i])))
    return out
