<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>FarmlandScreeningAlgorithm</name>
        <message>
            <source>Farmland screening: slope farmland and old terraces</source>
            <translation>耕地筛查：坡耕地与老旧梯田</translation>
        </message>
        <message>
            <source>flat land</source>
            <translation>平地</translation>
        </message>
        <message>
            <source>terrace</source>
            <translation>梯田</translation>
        </message>
        <message>
            <source>slope land</source>
            <translation>坡地</translation>
        </message>
        <message>
            <source>flat or level land</source>
            <translation>平地或水平耕地</translation>
        </message>
        <message>
            <source>gentle slope farmland</source>
            <translation>缓坡耕地</translation>
        </message>
        <message>
            <source>slope farmland for conversion to terraces</source>
            <translation>坡改梯坡耕地</translation>
        </message>
        <message>
            <source>steep farmland for retirement to forest or grass</source>
            <translation>退耕还林还草陡坡耕地</translation>
        </message>
        <message>
            <source>old terrace for upgrade</source>
            <translation>待升级改造的老旧梯田</translation>
        </message>
        <message>
            <source>Bashang plateau (坝上高原)</source>
            <translation>坝上高原</translation>
        </message>
        <message>
            <source>Yanshan mountains (燕山)</source>
            <translation>燕山山区</translation>
        </message>
        <message>
            <source>Taihang mountains (太行山)</source>
            <translation>太行山区</translation>
        </message>
        <message>
            <source>Plain (平原)</source>
            <translation>平原区</translation>
        </message>
        <message>
            <source>Screens land-survey parcels (三调 图斑) for soil-and-water conservation: for each parcel its slope, slope class, whether it is flat land, a terrace or slope land (坡耕地), what to do with it — keep, conservation tillage, conversion to terraces (坡改梯), retirement (退耕) or upgrade of an old terrace (老旧梯田) — the measure for its region, a priority score and, for 坡改梯 candidates, the terrace design quantities.</source>
            <translation>按水土保持要求逐图斑筛查国土调查（三调）图斑：给出每个图斑的坡度、坡度级，判别其为平地、梯田还是坡地（坡耕地），并确定处置方式——保留、保护性耕作、坡改梯、退耕或老旧梯田升级改造——以及所在区域的推荐措施、优先度评分；对坡改梯候选图斑给出梯田设计工程量。</translation>
        </message>
        <message>
            <source>Slope</source>
            <translation>坡度</translation>
        </message>
        <message>
            <source>Horn slope in degrees (as gdaldem slope) of the DEM cells whose centre lies in the parcel: mean and 90th percentile (0.1° bins, ±0.05°). SLOPE_CLASS is the class of the mean slope with the breaks BREAKS (default 2,6,15,25: the national cropland classes 1–5, upper bound included). A parcel smaller than a cell may hold no cell centre; it keeps empty statistics and is reported.</source>
            <translation>对中心落在图斑内的 DEM 栅格计算 Horn 坡度（度，与 gdaldem slope 一致）：平均坡度和第 90 百分位坡度（按 0.1° 分箱，误差 ±0.05°）。SLOPE_CLASS 为平均坡度按分级点 BREAKS 所属的坡度级（默认 2,6,15,25，即全国耕地坡度 1–5 级，上含下不含）。小于一个栅格的图斑可能不含任何栅格中心，其统计值为空并在日志中报告。</translation>
        </message>
        <message>
            <source>Terrace detection</source>
            <translation>梯田识别</translation>
        </message>
        <message>
            <source>A level terrace has the overall gradient of its hillside but its cells split into flat benches and steep risers, whereas an untreated slope of the same mean gradient is unimodal. The detector fits a plane to the parcel (PLANE_SLOPE θp) and computes each cell's local slope on its 2×2 block, the finest slope the grid shows (Horn's 3×3 kernel blurs benches narrower than three cells). Bench cells have a local slope ≤ 0.5·θp; the terrace index TERR_INDEX is their share, and a parcel whose mean slope is above the first break is a terrace when TERR_INDEX ≥ TERRACE_INDEX_MIN (default 0.3). BENCH_SLOPE is the tilt of the mean gradient of the bench cells (level benches ≈ 0°; DEM noise averages out); PLANAR_SHARE is the share of cells with a local slope of 0.6–1.6·θp, stretches that look like an untreated slope (broken or washed-out risers). Terraces can be seen only on fine DEMs (cells ≤ 5 m: UAV or LiDAR terrain models, or 1:10 000 DEMs for benches of 10 m or more); a 5 m grid needs benches of at least two cells. On coarser DEMs the algorithm says so and takes the type from TYPE_FIELD (TT/梯田 = terrace, PD/坡地 = slope land); without it every sloping parcel is taken as slope land (DET_SOURCE = assumed). DEMs interpolated from contour lines can show false benches between contours; use a terrain model from LiDAR, UAV photogrammetry or a smoothed DTM.</source>
            <translation>水平梯田的总体坡降与所在山坡相同，但其栅格分化为平坦的田面和陡峭的田坎；同样平均坡度的未治理坡面则呈单峰分布。算法对图斑拟合平面（PLANE_SLOPE θp），并以每个栅格所在 2×2 窗口计算局部坡度——这是栅格所能表达的最细坡度（Horn 3×3 算子会抹平窄于三个栅格的田面）。局部坡度 ≤ 0.5·θp 的栅格为田面栅格，其占比即梯田指数 TERR_INDEX；平均坡度高于第一个分级点且 TERR_INDEX ≥ TERRACE_INDEX_MIN（默认 0.3）的图斑判为梯田。BENCH_SLOPE 为田面栅格平均梯度向量的倾角（水平田面约为 0°，DEM 噪声相互抵消）；PLANAR_SHARE 为局部坡度在 0.6–1.6·θp 之间的栅格占比，即看起来像未治理坡面的部分（田坎垮塌或冲毁）。只有在精细 DEM 上才能识别梯田（栅格 ≤ 5 m：无人机或激光雷达地形模型；1:1 万 DEM 仅能识别宽 10 m 以上的田面）；5 m 栅格要求田面至少宽两个栅格。DEM 较粗时算法会给出提示，并采用 TYPE_FIELD 中的耕地类型（TT/梯田 = 梯田，PD/坡地 = 坡地）；若未提供该字段，所有有坡度的图斑均按坡地处理（DET_SOURCE = assumed）。由等高线内插的 DEM 在等高线之间可能出现虚假台阶，应使用激光雷达、无人机摄影测量或经平滑处理的数字地面模型。</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Cropland parcels (LANDUSE_FIELD in CROPLAND_CODES, default 0101 水田, 0102 水浇地, 0103 旱地; every parcel without LANDUSE_FIELD) get a CATEGORY from the rule table resources/tables/farmland_category_rules.csv (first matching row wins; editable, or give your own in RULES_TABLE): flat = mean slope in the first class, or a sound level terrace; gentle = slope land ≤ 6°; convert = slope land above 6° up to BAN_SLOPE (坡改梯); retire = slope land above BAN_SLOPE (SWC Law Art. 20: 退耕还林还草; Hebei: 20° in the catchments of large and medium reservoirs); upgrade = terrace with benches no longer level (BENCH_SLOPE &gt; BENCH_SLOPE_MAX, default 3°), with broken risers (PLANAR_SHARE &gt; RISER_BREAK_MAX, default 0.25), without a road within ROAD_DISTANCE (only with ROADS), or recorded as a terrace by the survey while the fine DEM shows no benches. Slopes are the parcel's mean slope.</source>
            <translation>耕地图斑（LANDUSE_FIELD 属于 CROPLAND_CODES，默认 0101 水田、0102 水浇地、0103 旱地；未给出 LANDUSE_FIELD 时全部图斑视为耕地）按规则表 resources/tables/farmland_category_rules.csv 确定类别 CATEGORY（自上而下取第一条匹配规则；可编辑，或在 RULES_TABLE 中指定自己的规则表）：flat = 平均坡度在第一级内，或完好的水平梯田；gentle = 坡度 ≤ 6° 的坡地；convert = 坡度大于 6° 且不超过 BAN_SLOPE 的坡地（坡改梯）；retire = 坡度超过 BAN_SLOPE 的坡地（《水土保持法》第二十条：退耕还林还草；河北省大中型水库周边汇水区为 20°）；upgrade = 田面不再水平（BENCH_SLOPE &gt; BENCH_SLOPE_MAX，默认 3°）、田坎损毁（PLANAR_SHARE &gt; RISER_BREAK_MAX，默认 0.25）、ROAD_DISTANCE 范围内无道路（仅在提供 ROADS 时判断）的梯田，或调查记为梯田而精细 DEM 上看不出田面的图斑。规则中的坡度均为图斑平均坡度。</translation>
        </message>
        <message>
            <source>Survey comparison</source>
            <translation>与调查成果比对</translation>
        </message>
        <message>
            <source>TYPE_FLAG = 1 where the type detected on the DEM differs from TYPE_FIELD (not on flat parcels, which the survey does not split); GRADE_FLAG = 1 where SLOPE_CLASS differs from SLOPE_GRADE_FIELD (e.g. GDPDJB); MISMATCH = either.</source>
            <translation>DEM 识别的类型与 TYPE_FIELD 不一致时 TYPE_FLAG = 1（平地图斑不比对，调查不区分其梯田/坡地）；SLOPE_CLASS 与 SLOPE_GRADE_FIELD（如 GDPDJB）不一致时 GRADE_FLAG = 1；二者任一不一致时 MISMATCH = 1。</translation>
        </message>
        <message>
            <source>Measures and regions</source>
            <translation>措施与区域</translation>
        </message>
        <message>
            <source>MEASURE is read from resources/tables/farmland_measures.csv (or MEASURES_TABLE) for the parcel's region and category: on the Bashang plateau no-till, stubble, contour tillage and residue cover; in the Yanshan and Taihang mountains terraces with water storage and drainage, field roads and ridge use (Hebei 若干措施 2023). The region is REGION, or that of the REGIONS polygon holding the parcel (REGION_FIELD with bashang / yanshan / taihang / plain or 坝上 / 燕山 / 太行 / 平原).</source>
            <translation>措施 MEASURE 按图斑所在区域和类别从 resources/tables/farmland_measures.csv（或 MEASURES_TABLE）中查得：坝上高原采用免耕、留茬、等高耕作和秸秆覆盖；燕山、太行山区修筑梯田并配套蓄排水、田间道路和地埂利用（河北省《若干措施》2023）。区域取 REGION，或取包含该图斑的 REGIONS 多边形的区域（REGION_FIELD 取值 bashang / yanshan / taihang / plain 或 坝上 / 燕山 / 太行 / 平原）。</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先度</translation>
        </message>
        <message>
            <source>PRIORITY = 100 · w · (0.5·S + 0.3·A + 0.2·Z) / 1.0, with w the category weight of the rule (convert 0.9, retire and upgrade 1.0, gentle 0.5, flat 0), S = min(mean slope / BAN_SLOPE, 1), A = 1 − min(d / 1000 m, 1) with d the distance to the nearest road or settlement, Z = min(area / 2 ha, 1). Without ROADS and SETTLEMENTS the A term is dropped: 100 · w · (0.5·S + 0.2·Z) / 0.7. Near villages and roads first: GB 51018-2014 §6.1.2.</source>
            <translation>PRIORITY = 100 · w · (0.5·S + 0.3·A + 0.2·Z) / 1.0，其中 w 为规则的类别权重（坡改梯 0.9，退耕和升级改造 1.0，缓坡 0.5，平地 0），S = min(平均坡度 / BAN_SLOPE, 1)，A = 1 − min(d / 1000 m, 1)，d 为到最近道路或居民点的距离，Z = min(面积 / 2 ha, 1)。未提供 ROADS 和 SETTLEMENTS 时去掉 A 项：100 · w · (0.5·S + 0.2·Z) / 0.7。靠近村庄和道路的优先：GB 51018-2014 第 6.1.2 条。</translation>
        </message>
        <message>
            <source>Terrace design (坡改梯)</source>
            <translation>梯田设计（坡改梯）</translation>
        </message>
        <message>
            <source>For convert parcels, level terraces by GB 51018-2014 §6 and the GB/T 16453.1 reference sections (resources/tables/farmland_terrace_design.csv): net bench width B = H (cot θ − cot α) with θ the mean slope and α the riser angle. BENCH_WIDTH (0 = the table's middle width for the slope) gives the riser height H = B / (cot θ − cot α); H is capped by RISER_MATERIAL (earth 2.0 m, stone 2.5 m, 土石山区) and B recomputed. RISERS = ceil(relief / H), the relief being the parcel's highest minus lowest DEM cell; EARTH_M3 = area · H / 8 (balanced cut and fill, 83.3·H m³ per 亩).</source>
            <translation>对坡改梯图斑，按 GB 51018-2014 第 6 章和 GB/T 16453.1 参考断面（resources/tables/farmland_terrace_design.csv）设计水平梯田：田面净宽 B = H (cot θ − cot α)，θ 为平均坡度，α 为田坎侧坡角。由 BENCH_WIDTH（0 = 取表中该坡度段宽度的中值）求田坎高 H = B / (cot θ − cot α)；H 受 RISER_MATERIAL 限制（土石山区土坎 2.0 m、石坎 2.5 m），超限时取上限并重算 B。RISERS = ceil(高差 / H)，高差为图斑内 DEM 最高与最低栅格之差；EARTH_M3 = 面积 · H / 8（挖填平衡，每亩 83.3·H m³）。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: the parcels with their own fields plus PARCEL_FID, CROPLAND, AREA_M2, AREA_HA, AREA_MU, CELLS, SLOPE_MEAN, SLOPE_P90, PLANE_SLOPE, SLOPE_CLASS (1–5), CLASS_RANGE, TERR_INDEX, BENCH_SLOPE, PLANAR_SHARE, DETECTED (flat / terrace / slopeland) and DET_LABEL, DET_SOURCE (dem / survey / assumed), SURVEY_TYPE, SURVEY_GRADE, TYPE_FLAG, GRADE_FLAG, MISMATCH, CATEGORY (flat / gentle / convert / retire / upgrade) and CAT_LABEL, RULE, REGION, MEASURE and MEASURE_LABEL, DIST_ROAD, DIST_SETTLE (m), PRIORITY, BENCH_W, RISER_H, RISER_ANG, RISERS, EARTH_M3. Codes are stable for models and scripts; the *_LABEL fields are translated. SUMMARY: per zone of ZONES (county or township; a parcel belongs to the zone holding its point on surface), category and slope class: PARCELS, AREA_M2, AREA_HA, AREA_MU of the cropland parcels.</source>
            <translation>OUTPUT：图斑及其原有字段，另加 PARCEL_FID、CROPLAND、AREA_M2、AREA_HA、AREA_MU（亩）、CELLS、SLOPE_MEAN、SLOPE_P90、PLANE_SLOPE、SLOPE_CLASS（1–5）、CLASS_RANGE、TERR_INDEX、BENCH_SLOPE、PLANAR_SHARE、DETECTED（flat / terrace / slopeland）及 DET_LABEL、DET_SOURCE（dem / survey / assumed）、SURVEY_TYPE、SURVEY_GRADE、TYPE_FLAG、GRADE_FLAG、MISMATCH、CATEGORY（flat / gentle / convert / retire / upgrade）及 CAT_LABEL、RULE、REGION、MEASURE 及 MEASURE_LABEL、DIST_ROAD、DIST_SETTLE（m）、PRIORITY、BENCH_W、RISER_H、RISER_ANG、RISERS、EARTH_M3。代码字段稳定，可供模型和脚本使用；*_LABEL 字段为翻译后的名称。SUMMARY：按 ZONES 的分区（县或乡镇；图斑归属于包含其内点的分区）、类别和坡度级统计耕地图斑的 PARCELS、AREA_M2、AREA_HA、AREA_MU。</translation>
        </message>
        <message>
            <source>Parcels (land-survey polygons)</source>
            <translation>图斑（国土调查多边形）</translation>
        </message>
        <message>
            <source>Land-use code field (without it every parcel is cropland)</source>
            <translation>地类编码字段（不指定则全部图斑视为耕地）</translation>
        </message>
        <message>
            <source>Cropland codes (comma-separated, * wildcard)</source>
            <translation>耕地地类编码（逗号分隔，可用 * 通配）</translation>
        </message>
        <message>
            <source>Survey cropland type field (e.g. GDLX: TT terrace, PD slope land)</source>
            <translation>调查耕地类型字段（如 GDLX：TT 梯田，PD 坡地）</translation>
        </message>
        <message>
            <source>Survey slope grade field (e.g. GDPDJB, 1–5)</source>
            <translation>调查耕地坡度级别字段（如 GDPDJB，1–5）</translation>
        </message>
        <message>
            <source>DEM (projected, metres; ≤ 5 m to see terraces)</source>
            <translation>DEM（投影坐标，米；识别梯田需 ≤ 5 m）</translation>
        </message>
        <message>
            <source>Slope class breaks (degrees, comma-separated)</source>
            <translation>坡度分级点（度，逗号分隔）</translation>
        </message>
        <message>
            <source>Ban slope (degrees; steeper slope land is retired)</source>
            <translation>禁垦坡度（度；更陡的坡地退耕）</translation>
        </message>
        <message>
            <source>Region (measures)</source>
            <translation>区域（决定措施）</translation>
        </message>
        <message>
            <source>Region polygons (override the region)</source>
            <translation>区域多边形（覆盖上面的区域）</translation>
        </message>
        <message>
            <source>Region field (bashang/yanshan/taihang/plain or 坝上/燕山/太行/平原)</source>
            <translation>区域字段（bashang/yanshan/taihang/plain 或 坝上/燕山/太行/平原）</translation>
        </message>
        <message>
            <source>Roads (accessibility)</source>
            <translation>道路（可达性）</translation>
        </message>
        <message>
            <source>Settlements (accessibility)</source>
            <translation>居民点（可达性）</translation>
        </message>
        <message>
            <source>Summary zones (counties or townships)</source>
            <translation>汇总分区（县或乡镇）</translation>
        </message>
        <message>
            <source>Zone name field</source>
            <translation>分区名称字段</translation>
        </message>
        <message>
            <source>Design bench width (m; 0 = reference table by slope)</source>
            <translation>设计田面宽度（m；0 = 按坡度查参考表）</translation>
        </message>
        <message>
            <source>Riser angle (degrees; 0 = reference table by slope)</source>
            <translation>田坎侧坡角（度；0 = 按坡度查参考表）</translation>
        </message>
        <message>
            <source>Riser material (caps the riser height)</source>
            <translation>田坎材料（限制田坎高度）</translation>
        </message>
        <message>
            <source>earth or precast concrete (≤ 2.0 m)</source>
            <translation>土坎或预制混凝土坎（≤ 2.0 m）</translation>
        </message>
        <message>
            <source>stone (≤ 2.5 m)</source>
            <translation>石坎（≤ 2.5 m）</translation>
        </message>
        <message>
            <source>Terrace index from which a parcel is a terrace</source>
            <translation>判为梯田的最小梯田指数</translation>
        </message>
        <message>
            <source>Largest in-bench slope of a level terrace (degrees)</source>
            <translation>水平梯田田面最大坡度（度）</translation>
        </message>
        <message>
            <source>Largest planar share of a terrace with intact risers</source>
            <translation>田坎完好梯田的最大平坡栅格占比</translation>
        </message>
        <message>
            <source>Road distance of a terrace with a field road (m)</source>
            <translation>视为有田间道路的道路距离（m）</translation>
        </message>
        <message>
            <source>Category rule table (CSV; empty = shipped table)</source>
            <translation>类别规则表（CSV；留空 = 插件自带表）</translation>
        </message>
        <message>
            <source>Measure table (CSV; empty = shipped table)</source>
            <translation>措施表（CSV；留空 = 插件自带表）</translation>
        </message>
        <message>
            <source>Screened parcels</source>
            <translation>筛查后的图斑</translation>
        </message>
        <message>
            <source>Farmland summary by zone, category and slope class</source>
            <translation>按分区、类别和坡度级的耕地汇总</translation>
        </message>
        <message>
            <source>A region layer needs its region field (REGION_FIELD).</source>
            <translation>区域图层需要指定区域字段（REGION_FIELD）。</translation>
        </message>
        <message>
            <source>A zone layer needs its name field (ZONE_FIELD).</source>
            <translation>分区图层需要指定名称字段（ZONE_FIELD）。</translation>
        </message>
        <message>
            <source>{name}: the layer has no geometry; it is ignored.</source>
            <translation>{name}：图层没有几何要素，已忽略。</translation>
        </message>
        <message>
            <source>The parcel layer (PARCELS) could not be loaded.</source>
            <translation>无法加载图斑图层（PARCELS）。</translation>
        </message>
        <message>
            <source>Parcels</source>
            <translation>图斑</translation>
        </message>
        <message>
            <source>{n} parcels, {c} of them cropland.</source>
            <translation>共 {n} 个图斑，其中耕地 {c} 个。</translation>
        </message>
        <message>
            <source>No parcel has a land-use code in {codes} (field {field}): no category is assigned. Check CROPLAND_CODES.</source>
            <translation>没有图斑的地类编码（字段 {field}）属于 {codes}：未划分任何类别。请检查 CROPLAND_CODES。</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Regions: the values {values} are not a known region (bashang, yanshan, taihang, plain or 坝上高原, 燕山, 太行山, 平原); those polygons are ignored.</source>
            <translation>区域：取值 {values} 不是已知区域（bashang、yanshan、taihang、plain 或 坝上高原、燕山、太行山、平原），这些多边形已忽略。</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>分区</translation>
        </message>
        <message>
            <source>Slope statistics and terrace detection per parcel…</source>
            <translation>逐图斑统计坡度并识别梯田…</translation>
        </message>
        <message>
            <source>The DEM cells are {size:g} m: terraces (benches and risers) cannot be seen on DEMs coarser than {limit:g} m. The terrace / slope-land type is taken from the survey's type field{extra}.</source>
            <translation>DEM 栅格为 {size:g} m：在粗于 {limit:g} m 的 DEM 上无法看出梯田（田面和田坎）。梯田/坡地类型取自调查的耕地类型字段{extra}。</translation>
        </message>
        <message>
            <source>; none is given, so every sloping parcel is taken as slope land</source>
            <translation>；未提供该字段，所有有坡度的图斑均按坡地处理</translation>
        </message>
        <message>
            <source>{n} parcels hold no DEM cell centre (smaller than a cell or outside the DEM): they have no slope and no category.</source>
            <translation>{n} 个图斑内没有 DEM 栅格中心（小于一个栅格或位于 DEM 之外）：没有坡度，也没有类别。</translation>
        </message>
        <message>
            <source>{n} cropland parcels match no row of the rule table and have no category.</source>
            <translation>{n} 个耕地图斑不匹配规则表中的任何一行，未划分类别。</translation>
        </message>
        <message>
            <source>The parcel fields {fields} have the names of output fields and are not copied.</source>
            <translation>图斑字段 {fields} 与输出字段同名，未复制。</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Outside zones</source>
            <translation>分区以外</translation>
        </message>
        <message>
            <source>{label}: {n} parcels, {ha:.2f} ha ({mu:.0f} mu)</source>
            <translation>{label}：{n} 个图斑，{ha:.2f} 公顷（{mu:.0f} 亩）</translation>
        </message>
        <message>
            <source>Screened farmland parcels</source>
            <translation>耕地筛查图斑</translation>
        </message>
    </context>
    <context>
        <name>SwcCore</name>
        <message>
            <source>No valid DEM cell lies inside any parcel. Check that the parcels overlap the DEM, that their CRS is declared correctly and that the DEM's nodata value is right.</source>
            <translation>没有任何有效 DEM 栅格位于图斑内。请检查图斑是否与 DEM 重叠、坐标系是否声明正确，以及 DEM 的无效值设置是否正确。</translation>
        </message>
        <message>
            <source>Cannot read the table {path}: {reason}</source>
            <translation>无法读取表格 {path}：{reason}</translation>
        </message>
        <message>
            <source>The rule table {path} has an invalid row {row}: {reason}. Columns: rule, detected, survey, slope_min, slope_max, bench_level, risers, road, category, weight.</source>
            <translation>规则表 {path} 的第 {row} 行无效：{reason}。应有列：rule, detected, survey, slope_min, slope_max, bench_level, risers, road, category, weight。</translation>
        </message>
        <message>
            <source>The rule table {path}, row {row}: category “{category}” is not one of {codes}.</source>
            <translation>规则表 {path} 第 {row} 行：类别“{category}”不属于 {codes}。</translation>
        </message>
        <message>
            <source>The rule table {path} has no rule.</source>
            <translation>规则表 {path} 中没有任何规则。</translation>
        </message>
        <message>
            <source>The measure table {path} lacks the column {column}. Columns: region, category, measure, measure_en, measure_zh.</source>
            <translation>措施表 {path} 缺少列 {column}。应有列：region, category, measure, measure_en, measure_zh。</translation>
        </message>
        <message>
            <source>There is no parcel to screen.</source>
            <translation>没有可筛查的图斑。</translation>
        </message>
    </context>
</TS>
