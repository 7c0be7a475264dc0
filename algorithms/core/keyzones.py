"""Key prevention and treatment zones (水土流失重点预防区 / 重点治理区), unit by unit.

Law: SWC Law (2010) Art. 12 — "县级以上人民政府应当依据水土流失调查结果划定并公告水土流失重点预防区和
重点治理区。对水土流失潜在危险较大的区域，应当划定为水土流失重点预防区；对水土流失严重的区域，应当划定为
水土流失重点治理区" [C] (text: https://0797cx.com/page37?article_id=108512&pagenum=2).  The governing
technical guide is 水土流失重点防治区划分导则 (SL 717-2015); its text and its numbers were not found in the
stored sources, so every threshold below is a parameter marked [U].  What the located sources confirm:

* provincial divisions use the township (乡镇) as the unit, under the MWR's 国家级水土流失重点防治区复核划分
  技术导则(试行) [C] (顾再柯, 杨光檄 et al., 贵州省水土流失重点预防区和重点治理区划分标准与方法,
  http://m.zgkjsz.com/page/2016/0206/16620498.shtml; Jiangsu: 以镇级行政区域为划分基本单元, 2014);
* the quantitative indicators of the prevention zones are the share of slight (non-eroded) area
  (水土流失轻微率), the share of high potential risk and the forest-grass cover; of the treatment zones
  the erosion intensity (and, locally, 崩岗 and the share of slope cropland) [C] (广东省水土流失重点防治区
  划分, 中国水土保持科学 2018(6), http://lygc.lknet.ac.cn/d/zgly/2fbca1559d81266508bca8a3c4058e2a.html).

The indicators computed here per unit, from an SL 190 intensity raster (classes 1 微度 … 6 剧烈):

* ``eroded_pct``: area at 轻度 or above (水土流失面积) as % of the unit's classified area;
* ``moderate_pct``: area at 中度 or above, % of the classified area;
* ``slight_pct`` = 100 − ``eroded_pct`` (水土流失轻微率);
* ``fvc_mean``: mean vegetation cover (%), a stand-in for the forest-grass cover (optional raster);
* ``water_pct``: % of the unit inside water-source protection areas and river-head areas (optional);
* ``ban_pct``: % of the unit inside the banned steep slopes (``swcplanner:steepslopeban``; optional).

Classes (:func:`classify_unit`, thresholds of :class:`KeyZoneCriteria`, all [U]):

* 重点治理区 (``treatment``, erosion severe): ``eroded_pct ≥ treat_eroded_pct`` or
  ``moderate_pct ≥ treat_moderate_pct``;
* 重点预防区 (``prevention``, potential risk large, not severe): not treatment, and
  ``water_pct ≥ prevent_water_pct`` (江河源头区、重要水源地), or ``ban_pct ≥ prevent_ban_pct`` (steep
  land kept under vegetation), or ``fvc_mean ≥ prevent_fvc_pct`` with ``eroded_pct < prevent_eroded_max_pct``
  (good cover to protect);
* ``none`` otherwise, and for a unit whose classified share is below ``min_coverage_pct``.

Treatment comes first (a unit meeting both is a treatment unit; both flags are reported).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np

from .errors import QT_TRANSLATE_NOOP, InputError
from .io.raster import (
    DEFAULT_BLOCK,
    CancelFn,
    ProgressFn,
    Window,
    _never,
    _noop_progress,
    map_blocks,
    open_band,
    open_raster,
)
from .standards import KM2_M2
from .zones import bincount2, zone_labels

#: Zone codes (stable) and the official names (kept in Chinese in every locale).
PREVENTION, TREATMENT, NONE = "prevention", "treatment", "none"
ZONE_CODES = (TREATMENT, PREVENTION, NONE)
ZONE_NAMES_ZH = {PREVENTION: "重点预防区", TREATMENT: "重点治理区", NONE: ""}

#: SL 190-2007 intensity classes: 1 微度, 2 轻度, 3 中度, 4 强烈, 5 极强烈, 6 剧烈.
N_CLASSES = 6
#: Reason codes of :func:`classify_unit`.
REASON_ERODED, REASON_MODERATE = "eroded", "moderate"
REASON_WATER, REASON_BAN, REASON_COVER, REASON_NODATA = "water", "ban", "cover", "nodata"


@dataclass(frozen=True)
class KeyZoneCriteria:
    """Thresholds of the classes (percent).  None of them was verified against SL 717-2015 [U]."""

    treat_eroded_pct: float = 30.0  # [U] 水土流失面积 ≥ 30 % of the unit
    treat_moderate_pct: float = 10.0  # [U] 中度及以上 ≥ 10 % of the unit
    prevent_water_pct: float = 20.0  # [U] water-source / river-head area ≥ 20 % of the unit
    prevent_ban_pct: float = 20.0  # [U] banned steep slopes ≥ 20 % of the unit
    prevent_fvc_pct: float = 60.0  # [U] mean cover ≥ 60 % (SL 190's 60–75 % cover band: 轻度 at most)
    prevent_eroded_max_pct: float = 15.0  # [U] … with less than 15 % eroded
    min_coverage_pct: float = 50.0  # project choice: below it the unit has too little data


@dataclass
class UnitIndicators:
    """The indicators of one unit (areas in m², shares in %; None = layer not given / no data)."""

    unit_cells: int  # cells whose centre lies in the unit
    class_cells: Tuple[int, ...]  # cells per intensity class 1..6
    cell_area: float
    fvc_mean: Optional[float] = None
    water_pct: Optional[float] = None
    ban_pct: Optional[float] = None

    @property
    def classified_cells(self) -> int:
        """Cells with an intensity class (1..6)."""
        return int(sum(self.class_cells))

    @property
    def area_km2(self) -> float:
        """The unit's area on the grid (km²)."""
        return self.unit_cells * self.cell_area / KM2_M2

    @property
    def coverage_pct(self) -> float:
        """Share of the unit's cells with an intensity class (%)."""
        return 100.0 * self.classified_cells / self.unit_cells if self.unit_cells else 0.0

    def class_km2(self, k: int) -> float:
        """Area of intensity class ``k`` (1..6), km²."""
        return self.class_cells[k - 1] * self.cell_area / KM2_M2

    @property
    def eroded_km2(self) -> float:
        """水土流失面积: classes 2..6 (km²)."""
        return sum(self.class_cells[1:]) * self.cell_area / KM2_M2

    def _pct(self, cells: int) -> Optional[float]:
        n = self.classified_cells
        return 100.0 * cells / n if n else None

    @property
    def eroded_pct(self) -> Optional[float]:
        """Area at 轻度 or above, % of the classified area (None without classified cells)."""
        return self._pct(sum(self.class_cells[1:]))

    @property
    def moderate_pct(self) -> Optional[float]:
        """Area at 中度 or above, % of the classified area."""
        return self._pct(sum(self.class_cells[2:]))

    @property
    def slight_pct(self) -> Optional[float]:
        """水土流失轻微率: class 微度, % of the classified area."""
        return self._pct(self.class_cells[0])


def unit_indicators(
    intensity_path: str,
    unit_raster: str,
    n_units: int,
    *,
    fvc_path: Optional[str] = None,
    fvc_percent: bool = False,
    water_raster: Optional[str] = None,
    ban_raster: Optional[str] = None,
    block_rows: int = DEFAULT_BLOCK,
    block_cols: int = DEFAULT_BLOCK,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> List[UnitIndicators]:
    """Indicators of units 1..``n_units``, block by block.

    Parameters
    ----------
    intensity_path : SL 190 class raster (1..6; 0, nodata and other values = no class).
    unit_raster : Int32 raster on the intensity grid, unit numbers 1..n (0 outside).
    fvc_path : optional vegetation cover on the same grid (fraction 0–1, or percent with
        ``fvc_percent``); its nodata cells are left out of the mean.
    water_raster, ban_raster : optional Byte rasters on the same grid, 1 inside.

    Raises
    ------
    InputError
        when no unit holds a cell of the grid.
    """
    ds, grid = open_raster(intensity_path)
    del ds
    n = int(n_units)
    unit_cells = np.zeros(n + 1, dtype=np.int64)
    class_cells = np.zeros((n + 1, N_CLASSES + 1), dtype=np.int64)
    fvc_sum = np.zeros(n + 1)
    fvc_n = np.zeros(n + 1, dtype=np.int64)
    water_cells = np.zeros(n + 1, dtype=np.int64)
    ban_cells = np.zeros(n + 1, dtype=np.int64)
    names = ["units"] + [
        name
        for name, path in (("fvc", fvc_path), ("water", water_raster), ("ban", ban_raster))
        if path is not None
    ]
    paths = {"fvc": fvc_path, "water": water_raster, "ban": ban_raster}
    opened = [open_band(intensity_path), open_band(unit_raster)] + [open_band(paths[k]) for k in names[1:]]
    scale = 1.0 if fvc_percent else 100.0

    def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
        units = zone_labels(arrays[1], n)
        inside = units > 0
        if not inside.any():
            return []
        u = units[inside]
        unit_cells[:] += np.bincount(u, minlength=n + 1)
        cls = np.nan_to_num(arrays[0][inside], nan=0.0)
        cls = np.where((cls >= 1) & (cls <= N_CLASSES) & (cls == np.floor(cls)), cls, 0).astype(np.int64)
        class_cells[:] += bincount2(u, cls, n + 1, N_CLASSES + 1)
        extra = dict(zip(names[1:], arrays[2:]))
        if "fvc" in extra:
            f = extra["fvc"][inside]
            ok = ~np.isnan(f)
            fvc_sum[:] += np.bincount(u[ok], weights=f[ok] * scale, minlength=n + 1)
            fvc_n[:] += np.bincount(u[ok], minlength=n + 1)
        if "water" in extra:
            w = np.nan_to_num(extra["water"][inside], nan=0.0) > 0
            water_cells[:] += np.bincount(u[w], minlength=n + 1)
        if "ban" in extra:
            b = np.nan_to_num(extra["ban"][inside], nan=0.0) > 0
            ban_cells[:] += np.bincount(u[b], minlength=n + 1)
        return []

    nodata = [grid.nodata, None] + [grid_nodata(paths[k]) for k in names[1:]]
    map_blocks(
        [(band, nd) for (_ds, band), nd in zip(opened, nodata)],  # type: ignore[misc]
        grid,
        kernel,
        [],
        block_rows=block_rows,
        block_cols=block_cols,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    opened.clear()
    if unit_cells[1:].sum() == 0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "SwcCore",
                "No cell centre of the intensity raster falls inside any unit. Check that the units "
                "overlap the raster.",
            )
        )
    out = []
    for k in range(1, n + 1):
        out.append(
            UnitIndicators(
                unit_cells=int(unit_cells[k]),
                class_cells=tuple(int(c) for c in class_cells[k, 1:]),
                cell_area=grid.cell_area,
                fvc_mean=float(fvc_sum[k] / fvc_n[k]) if fvc_path is not None and fvc_n[k] else None,
                water_pct=(
                    100.0 * water_cells[k] / unit_cells[k]
                    if water_raster is not None and unit_cells[k]
                    else None
                ),
                ban_pct=100.0 * ban_cells[k] / unit_cells[k]
                if ban_raster is not None and unit_cells[k]
                else None,
            )
        )
    return out


def grid_nodata(path: Optional[str]) -> Optional[float]:
    """The nodata value of a raster's band 1 (None when unset or no raster)."""
    if path is None:
        return None
    ds, grid = open_raster(path)
    del ds
    return grid.nodata


def classify_unit(
    ind: UnitIndicators, criteria: KeyZoneCriteria = KeyZoneCriteria()
) -> Tuple[str, bool, bool, List[str]]:
    """``(zone code, treatment criteria met, prevention criteria met, reasons)`` of one unit.

    >>> u = UnitIndicators(100, (60, 25, 10, 5, 0, 0), 1.0)          # 40 % eroded, 15 % moderate+
    >>> classify_unit(u)
    ('treatment', True, False, ['eroded', 'moderate'])
    >>> u = UnitIndicators(100, (90, 10, 0, 0, 0, 0), 1.0, fvc_mean=72.0)
    >>> classify_unit(u)
    ('prevention', False, True, ['cover'])
    >>> classify_unit(UnitIndicators(100, (20, 0, 0, 0, 0, 0), 1.0))   # 20 % of the unit classified
    ('none', False, False, ['nodata'])
    """
    c = criteria
    if ind.coverage_pct < c.min_coverage_pct:
        return NONE, False, False, [REASON_NODATA]
    eroded = ind.eroded_pct or 0.0
    moderate = ind.moderate_pct or 0.0
    treat_reasons = []
    if eroded >= c.treat_eroded_pct:
        treat_reasons.append(REASON_ERODED)
    if moderate >= c.treat_moderate_pct:
        treat_reasons.append(REASON_MODERATE)
    prev_reasons = []
    if ind.water_pct is not None and ind.water_pct >= c.prevent_water_pct:
        prev_reasons.append(REASON_WATER)
    if ind.ban_pct is not None and ind.ban_pct >= c.prevent_ban_pct:
        prev_reasons.append(REASON_BAN)
    if ind.fvc_mean is not None and ind.fvc_mean >= c.prevent_fvc_pct and eroded < c.prevent_eroded_max_pct:
        prev_reasons.append(REASON_COVER)
    if treat_reasons:
        return TREATMENT, True, bool(prev_reasons), treat_reasons + prev_reasons
    if prev_reasons:
        return PREVENTION, False, True, prev_reasons
    return NONE, False, False, []


def classify_units(
    indicators: Sequence[UnitIndicators], criteria: KeyZoneCriteria = KeyZoneCriteria()
) -> List[Tuple[str, bool, bool, List[str]]]:
    """:func:`classify_unit` of every unit."""
    return [classify_unit(ind, criteria) for ind in indicators]
