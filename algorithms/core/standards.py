"""Domain constants and class tables, each with its source.

Every value here is only a *default*: each one is exposed as an algorithm
parameter the user can change (provinces and counties differ).  Section
numbers refer to ``shared/docs/domain.md``, which cites the standards.
"""

from __future__ import annotations

from typing import Dict, Tuple

# --- units -------------------------------------------------------------------
#: One 亩 (mu) in m²: 10 000 / 15.
MU_M2 = 10000.0 / 15.0
HA_M2 = 10000.0
KM2_M2 = 1.0e6

# --- §1 steep-slope no-reclamation -------------------------------------------
#: PRC Soil and Water Conservation Law (2010) Art. 20: ban above 25°.
BAN_SLOPE_DEG = 25.0
#: Hebei implementing measures (2014/2018): 20° inside the catchments of large
#: and medium reservoirs.
RESERVOIR_BAN_SLOPE_DEG = 20.0
#: 《禁止开垦陡坡地范围划定技术指南》 as applied by counties: patches ≥ 5 ha.
MIN_BAN_PATCH_HA = 5.0
#: 三调 land kept for the ban: 林地 (03*), 草地 (04*), 裸土地 (1206).
BAN_LANDUSE_CODES = ("03*", "04*", "1206")
#: Cell size above which the slope is flattened noticeably (warning only).
COARSE_DEM_M = 30.0

# --- §2.1 cropland slope classes (国土调查; upper bound included) ---------------
SLOPE_BREAKS_DEG: Tuple[float, ...] = (2.0, 6.0, 15.0, 25.0)
#: Colours for the five land-survey classes (green to red).
SLOPE_CLASS_COLORS = ("#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c")

# --- §4 SL 190-2007 erosion intensity (t·km⁻²·a⁻¹) ---------------------------
#: Tolerable soil loss, 北方土石山区 (most of hilly Hebei), SL 190-2007 表 4.1.2.
TOLERANCE_T_KM2_A = 200.0
#: Lower bounds of 轻度, 中度, 强烈, 极强烈, 剧烈 (the 微度 bound is the tolerance).
EROSION_CLASS_BOUNDS = (2500.0, 5000.0, 8000.0, 15000.0)
EROSION_CLASS_NAMES_ZH = ("微度", "轻度", "中度", "强烈", "极强烈", "剧烈")
EROSION_CLASS_NAMES_EN = ("slight", "light", "moderate", "intense", "very intense", "severe")
EROSION_CLASS_COLORS = ("#38a800", "#b4d79e", "#ffff73", "#ffaa00", "#ff5500", "#a80000")

# --- §5 soil-and-water-conservation rate targets (Hebei 若干措施, 2023) --------
SWC_RATE_TARGET_2025 = 79.96
SWC_RATE_TARGET_2035 = 84.07

# --- §6.1 fish-scale pits (GB/T 16453.2-2008 [U]; encyclopaedia [C]) -----------
PIT_LONG_AXIS_M = 1.0
PIT_SHORT_AXIS_M = 0.6
PIT_DEPTH_M = 0.4
PIT_RIDGE_M = 0.25
PIT_SPACING_M = 2.0
PIT_ROW_SPACING_M = 4.0
PIT_MIN_SLOPE_DEG = 15.0
PIT_MAX_SLOPE_DEG = 45.0

# --- §7.1 check dams (GB 51018-2014 §14.4) -------------------------------------
#: type id -> (max height m, top width m, upstream slope 1:m, downstream slope 1:m)
CHECK_DAM_TYPES: Dict[str, Tuple[float, float, float, float]] = {
    "drystone": (3.0, 1.0, 1.5, 1.25),
    "masonry": (5.0, 0.8, 0.1, 0.35),
    "gabion": (3.0, 1.25, 0.9, 1.1),
    "earth": (5.0, 3.0, 1.75, 1.5),
    "bagged": (3.0, 1.75, 1.15, 1.15),
}
CHECK_DAM_I_PRIME = 0.02

# --- §9 small watersheds -------------------------------------------------------
SMALL_WATERSHED_KM2 = (3.0, 50.0)
