"""Names, defaults and sources of the supervision of production and construction projects.

Tags as in the project's domain notes: [C] seen in a located source, [P] partly,
[U] unverified (a parameter the user can change; check against the printed text).

Sources
-------
* S17 李智广 et al. 2019, 水土保持通报 39(5): names the 2018 《生产建设项目水土保持信息化监管技术规定(试行)》
  and the overlay of 扰动图斑 with 防治责任范围 [C].
* S18 尹斌, 姜德文 et al., 生产建设项目扰动范围合规性判别与预警技术 (overlay topology) [C]; 和田 2024,
  中国水土保持 2024(8):8-10 (compliance counted per project) [C].
* S19 《生产建设项目水土保持方案管理办法》 (水利部令第53号, 2023-01-17, in force 2023-03-01) 第二十七条:
  credit supervision of the construction unit and of the plan-writing, technical-review, monitoring,
  supervision, construction and acceptance units [C].
* S20 "生产建设项目水土保持市场主体'重点关注名单'及'黑名单'列入标准" as reproduced in 2020 [C]
  (the notice number 办水保〔2020〕157号 and the publication periods are [U]).
* Hebei implementing measures §三(三): at least 5 % of approved plans sampled each year (as quoted in
  the project's domain review §3.6) [P].
"""

from __future__ import annotations

from typing import Dict, Tuple

# --- patch categories (技术规定 2018 via S17/S18; labels [P]) ---------------------
COMPLIANT = "合规"
EXCEEDS = "疑似超出防治责任范围"
UNAPPROVED = "疑似未批先建"
RELOCATED = "疑似建设地点变更"
UNACCEPTED = "未验先投"

#: Every category, in the order of the field-verification priority (most serious first),
#: then 合规.  The order is a proposal [U]: no source ranks them.
CATEGORIES: Tuple[str, ...] = (UNAPPROVED, EXCEEDS, RELOCATED, UNACCEPTED, COMPLIANT)
#: Categories that need a field check.
SUSPECT: Tuple[str, ...] = (UNAPPROVED, EXCEEDS, RELOCATED, UNACCEPTED)
CATEGORY_EN: Dict[str, str] = {
    COMPLIANT: "compliant",
    EXCEEDS: "suspected disturbance beyond the approved responsibility range",
    UNAPPROVED: "suspected construction before plan approval",
    RELOCATED: "suspected change of construction site",
    UNACCEPTED: "in use before acceptance of the SWC facilities",
}
CATEGORY_COLORS: Dict[str, str] = {
    COMPLIANT: "#38a800",
    EXCEEDS: "#ff7f00",
    UNAPPROVED: "#e31a1c",
    RELOCATED: "#984ea3",
    UNACCEPTED: "#1f78b4",
}

#: Share of a patch outside the approved ranges still counted as 合规, %.  The 技术规定 (2018)
#: text was not found; 5 % is the value the domain notes give as an example [U].
TOLERANCE_PCT = 5.0

#: Register states meaning "finished or in use" (未验先投 when no acceptance date) [U: wording varies
#: between registers; a parameter].
IN_USE_STATES: Tuple[str, ...] = ("投产", "已投产", "运行", "运营", "投入使用", "试运行", "完工", "已完工")

# --- field verification (结论 value map) ------------------------------------------
VERDICT_FIELD = "结论"
INSPECTOR_FIELD = "核查人"
DATE_FIELD = "日期"
PHOTO_FIELD = "照片"
NOTE_FIELD = "备注"
VERIFICATION_FIELDS: Tuple[str, ...] = (VERDICT_FIELD, INSPECTOR_FIELD, DATE_FIELD, PHOTO_FIELD, NOTE_FIELD)

CONFIRMED = "属实"
NOT_CONFIRMED = "不属实"
RECTIFIED = "已整改"
NOT_A_PROJECT = "非生产建设项目"
NOT_CHECKABLE = "无法核查"
#: The 结论 value map.  Closing (销号) needs a verdict that ends the case: 不属实, 非生产建设项目
#: (dropped after review, domain notes §10) or 已整改 (investigated and rectified) [P].
VERDICTS: Tuple[str, ...] = (CONFIRMED, NOT_CONFIRMED, RECTIFIED, NOT_A_PROJECT, NOT_CHECKABLE)
CLOSING_VERDICTS: Tuple[str, ...] = (NOT_CONFIRMED, RECTIFIED, NOT_A_PROJECT)

# --- risk levels (§三(五) of the Hebei measures; no rule set found [U]) ---------------
LOW = "免打扰"
WARN = "预警示"
STRICT = "严监控"
RISK_LEVELS: Tuple[str, ...] = (LOW, WARN, STRICT)
RISK_COLORS: Dict[str, str] = {LOW: "#38a800", WARN: "#ffd700", STRICT: "#e31a1c"}

# --- credit lists ("两单", S20) -------------------------------------------------------
FOCUS_LIST = "重点关注名单"
BLACK_LIST = "黑名单"
NO_LIST = "无"
#: Publication periods, months [U: the notice's periods were not found; parameters].
FOCUS_MONTHS = 12
BLACK_MONTHS = 36
#: S20: "在'重点关注名单'公开期内发生2次以上应纳入'重点关注名单'情形的" → 黑名单 [C]; counted here
#: including the finding that put the entity on the focus list (以上 includes the number) [P].
BLACK_COUNT = 2

#: Roles (S19 第二十七条 and S20) and the names accepted for each.
ROLES: Dict[str, Tuple[str, ...]] = {
    "生产建设单位": ("生产建设单位", "建设单位", "construction unit", "owner"),
    "方案编制单位": ("方案编制单位", "编制单位", "plan writer", "plan-writing unit"),
    "验收报告编制单位": ("验收报告编制单位", "验收单位", "acceptance unit"),
    "监测单位": ("监测单位", "monitoring unit"),
    "监理单位": ("监理单位", "supervision unit"),
    "设计单位": ("设计单位", "design unit"),
    "施工单位": ("施工单位", "construction contractor", "contractor"),
    "技术评审单位": ("技术评审单位", "评审单位", "technical review unit"),
}

# --- plan sampling (§三(三)) -----------------------------------------------------------
#: Minimum share of approved plans sampled each year, % (Hebei measures §三(三) [P]).
MIN_SAMPLE_SHARE_PCT = 5.0
