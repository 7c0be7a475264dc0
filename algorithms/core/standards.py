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

# --- Check dams and dam storage (domain.md §7.1, §7.2, §7.3) -----------------
#: Order in which the check-dam types are offered (keys of CHECK_DAM_TYPES).
#: Dimensions: GB 51018-2014 §14.4.3–14.4.8 (domain.md §7.1): the middle of
#: each published range; side slopes of the bagged type partly unreadable [P].
CHECK_DAM_TYPE_ORDER: Tuple[str, ...] = ("drystone", "masonry", "gabion", "earth", "bagged")
#: Non-scouring gradient i' of the silted bed by deposit (GB/T 16453.3,
#: domain.md §7.1 Table 14.4.1 [U]), m/m.
CHECK_DAM_I_PRIME_BY_DEPOSIT: Dict[str, float] = {
    "gravel": 0.02,
    "clay": 0.01,
    "clay_loam": 0.008,
    "sand": 0.005,
}
#: Default effective height H to the spillway crest (m); capped by the type.
CHECK_DAM_HEIGHT_M = 3.0
#: Bed gradient from which check dams apply (domain.md §7.1: "≈ 5–10 % or
#: steeper" [U]), m/m.
CHECK_DAM_MIN_GRADIENT = 0.05
#: Gullies fit for check-dam series: upslope area (km²), domain.md §7.1
#: ("small catchments, order of < 1 km²" [U]); the lower bound starts the gully.
CHECK_DAM_UPAREA_KM2: Tuple[float, float] = (0.05, 1.0)
#: Longest crest considered for a check dam (m); wider sections are left out.
CHECK_DAM_MAX_CREST_M = 150.0
#: Size classes of silt-trap dams by total capacity (m³, upper bounds), SL
#: 302-2004 / GB 51018 §5.2 as in domain.md §7.2 [U]:
#: (upper bound m³, code, Chinese name, design silting life in years).
DAM_SIZE_CLASSES: Tuple[Tuple[float, str, str, str], ...] = (
    (1.0e5, "small", "小型", "5"),
    (5.0e5, "medium", "中型", "5–10"),
    (1.0e6, "large2", "大(2)型", "10–20"),
    (5.0e6, "large1", "大(1)型", "20–30"),
)
#: Dry bulk density of deposits γd (t/m³), domain.md §7.2 (1.3–1.35) [P].
DEPOSIT_DRY_DENSITY_T_M3 = 1.35

# --- §9 small watersheds -------------------------------------------------------
SMALL_WATERSHED_KM2 = (3.0, 50.0)

# --- Erosion: CSLE factors, SL 190 classes, SWC rate (domain.md §3, §4, §5) -----
#: USLE/CSLE unit plot length (m); L = (λ / 22.13)^m (domain.md §3.2 [P]).
CSLE_UNIT_PLOT_LENGTH_M = 22.13
#: Slope-length exponent m by slope class, upper bound included: 0.2 (θ ≤ 1°),
#: 0.3 (≤ 3°), 0.4 (≤ 5°), 0.5 (> 5°) — common Chinese CSLE form (§3.2 [U]).
CSLE_M_BREAKS_DEG: Tuple[float, ...] = (1.0, 3.0, 5.0)
CSLE_M_VALUES: Tuple[float, ...] = (0.2, 0.3, 0.4, 0.5)
#: Maximum slope length λ (m); §3.2 says "typically 100–300 m" [U].  300 m is
#: used for regional runs; SL 773-2018 uses 100 m for production projects.
CSLE_MAX_SLOPE_LENGTH_M = 300.0
#: Tolerable soil loss of the southern red-soil hills (南方红壤丘陵区) and the
#: south-west rocky mountains, SL 190-2007 表 4.1.2 (§4.1 [C]); the default
#: stays TOLERANCE_T_KM2_A = 200 (北方土石山区, Hebei).
TOLERANCE_SOUTH_T_KM2_A = 500.0
#: Tolerance of the Loess Plateau (西北黄土高原区), §4.1 [C].
TOLERANCE_LOESS_T_KM2_A = 1000.0
#: SL 190 intensity classes are lower-bound inclusive: a modulus equal to a
#: bound belongs to the higher class (exactly 2 500 is 中度, exactly the
#: tolerance is 轻度, i.e. eroded).  Class codes 1..6 = 微度..剧烈.
EROSION_CLASS_CODES = (1, 2, 3, 4, 5, 6)
#: Editable lookup tables shipped in resources/tables/ (sources in their
#: header comments and resources/tables/README.md).
LANDUSE_TABLE_HEBEI = "landuse_bt_sandiao.csv"
LANDUSE_TABLE_YOUWUZHEN = "landuse_bt_youwuzhen_seims.csv"
MEASURE_TABLE = "measures_e.csv"
FVC_TABLE = "fvc_b.csv"

# --- Slope works (§6): level benches, level trenches (GB/T 16453.2-2008 [U]) ---
# Fish-scale pit defaults are the PIT_* constants above (§6.1).
#: 水平阶 (level bench): width 1.0–1.5 m, benches every 3–5 m down the slope
#: (co188 [C]); applicable on 15°–25° slopes.
BENCH_WIDTH_M = 1.2
BENCH_MIN_SLOPE_DEG = 15.0
BENCH_MAX_SLOPE_DEG = 25.0
#: 水平沟 (level trench): top 0.6–1.0 m, bottom 0.3–0.5 m, depth 0.4–0.6 m; 15°–25°.
TRENCH_TOP_WIDTH_M = 0.8
TRENCH_BOTTOM_WIDTH_M = 0.4
TRENCH_DEPTH_M = 0.5
TRENCH_MIN_SLOPE_DEG = 15.0
TRENCH_MAX_SLOPE_DEG = 25.0
#: Seedlings per pit, or per planting spot (every SPACING) on benches and trenches.
SEEDLINGS_PER_SPOT = 1.0

# --- Farmland screening (坡耕地 / 老旧梯田; domain.md §2.1–2.4, §8) ----------------
#: 三调 cropland codes (TD/T 1055-2019 / GB/T 21010-2017): 0101 水田, 0102 水浇地, 0103 旱地.
FARMLAND_CROPLAND_CODES = ("0101", "0102", "0103")
#: 三调 耕地类型 field values [U, check against the county database] (domain.md §2.1):
#: GDLX = TT (梯田) or PD (坡地).  Chinese words and English codes are accepted too.
FARMLAND_SURVEY_TERRACE = ("TT", "梯田", "terrace")
FARMLAND_SURVEY_SLOPELAND = ("PD", "坡地", "slopeland")
#: Terraces are visible on DEMs with cells of at most this size (m): a 5 m grid
#: resolves benches ≥ 10 m (two cells); 1:10 000 DEMs (5 m) are the finest
#: national product, UAV or LiDAR DTMs (0.5–2 m) are better [derived].
FARMLAND_TERRACE_MAX_CELL_M = 5.0
#: A cell is a *bench* cell when its local (2×2) slope is at most this share of
#: the slope of the plane fitted to the parcel [derived, tested on synthetic terraces].
FARMLAND_BENCH_RATIO = 0.5
#: Terrace index (share of bench cells) from which a parcel is a terrace [derived].
FARMLAND_TERRACE_INDEX_MIN = 0.3
#: Old terrace: in-bench slope above this (degrees) = bench no longer level
#: (domain.md §2.4: "in-field slope > 2–3°") [U].
FARMLAND_BENCH_SLOPE_MAX_DEG = 3.0
#: Old terrace: share of plane-like cells (local slope 0.6–1.6 × plane slope),
#: i.e. stretches where benches and risers have washed back into a slope [derived].
FARMLAND_PLANAR_BAND = (0.6, 1.6)
FARMLAND_RISER_BREAK_MAX = 0.25
#: Old terrace without a field road: farther than this from ROADS (m) (§2.4) [U].
FARMLAND_ROAD_NEAR_M = 200.0
#: Priority score: P = 100 × w_cat × (0.5 S + 0.3 A + 0.2 Z) / Σw (see farmland.py).
FARMLAND_PRIORITY_WEIGHTS = (0.5, 0.3, 0.2)
#: Distance (m) beyond which accessibility counts as nil; GB 51018-2014 6.1.2
#: commentary: prefer terraces near villages and roads [U for the number].
FARMLAND_ACCESS_REF_M = 1000.0
#: Parcel area (ha) from which size counts fully in the priority [U].
FARMLAND_SIZE_REF_HA = 2.0
#: Riser height caps by riser material, 土石山区 (GB 51018-2014 6.1.4 commentary):
#: stone ≤ 2.5 m, earth or precast concrete ≤ 2.0 m.
FARMLAND_RISER_CAP_M = {"earth": 2.0, "stone": 2.5}
#: Level-terrace earthwork, balanced cut and fill: V = H·B·L/8 per bench, i.e.
#: V = area·H/8 = 83.3·H m³ per 亩 (domain.md §8).
FARMLAND_EARTHWORK_FACTOR = 1.0 / 8.0
#: Regions of Hebei with their own measure sets (resources/tables/farmland_measures.csv).
FARMLAND_REGIONS = ("bashang", "yanshan", "taihang", "plain")
FARMLAND_REGION_NAMES_ZH = ("坝上高原", "燕山", "太行山", "平原")
#: Editable tables shipped with the plugin (each row carries its source).
FARMLAND_RULES_CSV = "farmland_category_rules.csv"
FARMLAND_MEASURES_CSV = "farmland_measures.csv"
FARMLAND_DESIGN_CSV = "farmland_terrace_design.csv"
