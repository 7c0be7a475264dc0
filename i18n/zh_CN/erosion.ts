<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>LsFactorAlgorithm</name>
        <message>
            <source>CSLE slope length and steepness factors (LS)</source>
            <translation>CSLE 坡长坡度因子（LS）</translation>
        </message>
        <message>
            <source>Computes the topographic factors L (slope length) and S (slope steepness) of the Chinese Soil Loss Equation A = R·K·L·S·B·E·T, and their product LS.</source>
            <translation>计算中国土壤流失方程 A = R·K·L·S·B·E·T 的地形因子 L（坡长）和 S（坡度）及其乘积 LS。</translation>
        </message>
        <message>
            <source>S factor</source>
            <translation>坡度因子 S</translation>
        </message>
        <message>
            <source>Slope θ in degrees by Horn's method (as gdaldem slope). S = 10.8 sin θ + 0.03 below 5°, 16.8 sin θ − 0.50 from 5° to 10°, 21.91 sin θ − 0.96 from 10° (McCool et al. 1987; Liu, Nearing and Risse 1994). S jumps at 10° (2.42 → 2.85); this is expected.</source>
            <translation>坡度 θ（度）按 Horn 方法计算（与 gdaldem slope 相同）。θ &lt; 5° 时 S = 10.8 sin θ + 0.03，5°–10° 时 S = 16.8 sin θ − 0.50，≥ 10° 时 S = 21.91 sin θ − 0.96（McCool 等 1987；刘宝元、Nearing、Risse 1994）。S 在 10° 处跳变（2.42 → 2.85），属正常现象。</translation>
        </message>
        <message>
            <source>L factor</source>
            <translation>坡长因子 L</translation>
        </message>
        <message>
            <source>Desmet and Govers (1996) from the upslope contributing area: L = [(A + D²)^(m+1) − A^(m+1)] / [D^(m+2) · x^m · 22.13^m], with A the area draining into the cell (m², the cell excluded), D the cell size and x = |sin α| + |cos α| of the aspect α. The area comes from D8 flow routing on the depression-filled DEM. This equals the slope-segment formula, so on a uniform slope of length λ the mean L is (λ/22.13)^m. The exponent m depends on the slope (M_BREAKS, M_VALUES; upper bound included): 0.2 up to 1°, 0.3 up to 3°, 0.4 up to 5°, 0.5 above.</source>
            <translation>按 Desmet 和 Govers（1996）由上坡汇水面积计算：L = [(A + D²)^(m+1) − A^(m+1)] / [D^(m+2) · x^m · 22.13^m]，其中 A 为流入该栅格的汇水面积（m²，不含本栅格），D 为栅格边长，x = |sin α| + |cos α|（α 为坡向）。汇水面积由填洼后 DEM 的 D8 流向累积得到。该式与坡段公式等价，因此在坡长为 λ 的均匀坡面上 L 的平均值为 (λ/22.13)^m。坡长指数 m 随坡度变化（M_BREAKS、M_VALUES，含上限）：≤1° 取 0.2，≤3° 取 0.3，≤5° 取 0.4，&gt;5° 取 0.5。</translation>
        </message>
        <message>
            <source>Maximum slope length and channels</source>
            <translation>最大坡长与沟道</translation>
        </message>
        <message>
            <source>MAX_LENGTH (m, default 300; 0 = no limit) caps the slope length: cells further down take the L of the last cell of a slope that long. With CHANNEL_AREA (ha) every cell draining at least that area is a channel: no slope length passes through it and the channel cell itself starts a new slope. Roads and terrace risers are not detected; clip the DEM or use a smaller MAX_LENGTH there.</source>
            <translation>MAX_LENGTH（米，默认 300；0 表示不限）限制坡长：其下方的栅格取该长度坡面最末一个栅格的 L 值。给定 CHANNEL_AREA（公顷）时，汇水面积不小于该值的栅格视为沟道：坡长不穿过沟道，沟道栅格本身作为新坡面的起点。程序不识别道路和梯田埂坎；在这些区域请裁剪 DEM 或减小 MAX_LENGTH。</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <source>Flow routing reads the whole DEM: about 120 bytes per cell. The run stops with a message before using more than MAX_MEMORY (MB).</source>
            <translation>汇流计算需读入整幅 DEM，每个栅格约需 120 字节。若所需内存超过 MAX_MEMORY（MB），程序会在分配前给出提示并停止。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>L_FACTOR, S_FACTOR, LS_FACTOR: Float32 rasters on the DEM grid, nodata −9999. Sources: shared/docs/domain.md §3.1–3.2; the exponents and the default maximum length are common Chinese CSLE practice, to be checked against the provincial monitoring parameters.</source>
            <translation>L_FACTOR、S_FACTOR、LS_FACTOR：与 DEM 同网格的 Float32 栅格，无数据值 −9999。依据：shared/docs/domain.md §3.1–3.2；坡长指数和默认最大坡长为国内 CSLE 常用取值，应与省级水土流失监测参数核对。</translation>
        </message>
        <message>
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，米）</translation>
        </message>
        <message>
            <source>Maximum slope length (m; 0 = no limit)</source>
            <translation>最大坡长（米；0 表示不限）</translation>
        </message>
        <message>
            <source>Channel initiation area (ha; slope length resets on channels)</source>
            <translation>沟道起始汇水面积（公顷；坡长在沟道处重新计算）</translation>
        </message>
        <message>
            <source>Slope breaks for the exponent m (degrees)</source>
            <translation>坡长指数 m 的坡度分界（度）</translation>
        </message>
        <message>
            <source>Exponent m per slope class</source>
            <translation>各坡度级的坡长指数 m</translation>
        </message>
        <message>
            <source>Memory limit (MB)</source>
            <translation>内存上限（MB）</translation>
        </message>
        <message>
            <source>LS factor</source>
            <translation>坡长坡度因子 LS</translation>
        </message>
        <message>
            <source>Routing flow and computing L and S…</source>
            <translation>正在进行汇流计算并计算 L 和 S……</translation>
        </message>
        <message>
            <source>{n} channel cells reset the slope length.</source>
            <translation>{n} 个沟道栅格使坡长重新起算。</translation>
        </message>
        <message>
            <source>Mean L {l:.3f}, mean S {s:.3f}, mean LS {ls:.3f}.</source>
            <translation>L 平均值 {l:.3f}，S 平均值 {s:.3f}，LS 平均值 {ls:.3f}。</translation>
        </message>
    </context>
    <context>
        <name>SoilLossAlgorithm</name>
        <message>
            <source>Soil loss (CSLE) and erosion intensity</source>
            <translation>土壤流失量（CSLE）与侵蚀强度</translation>
        </message>
        <message>
            <source>Estimates the annual soil loss with the Chinese Soil Loss Equation A = R·K·L·S·B·E·T, grades it by SL 190-2007 and reports per zone the area of each intensity class, the soil loss and the soil-and-water-conservation rate (水土保持率).</source>
            <translation>用中国土壤流失方程 A = R·K·L·S·B·E·T 估算年土壤流失量，按 SL 190-2007 分级，并按区域统计各侵蚀强度级面积、土壤流失量和水土保持率。</translation>
        </message>
        <message>
            <source>Factors</source>
            <translation>因子</translation>
        </message>
        <message>
            <source>R: rainfall erosivity (MJ·mm·hm⁻²·h⁻¹·a⁻¹), a raster (R) or a constant (R_CONSTANT). K: soil erodibility (t·hm²·h·hm⁻²·MJ⁻¹·mm⁻¹), a raster of K values, a raster of soil classes with K_TABLE (CSV code,K), soil polygons with the K value in K_FIELD, or a constant (K_CONSTANT). LS: a given LS raster, or computed from the DEM as in the LS factor algorithm (MAX_LENGTH, CHANNEL_AREA). The LS or DEM grid is the output grid; other rasters in the same CRS are resampled onto it (nearest for classes, bilinear for values).</source>
            <translation>R：降雨侵蚀力（MJ·mm·hm⁻²·h⁻¹·a⁻¹），可给栅格（R）或常数（R_CONSTANT）。K：土壤可蚀性（t·hm²·h·hm⁻²·MJ⁻¹·mm⁻¹），可给 K 值栅格、配合 K_TABLE（CSV：code,K）的土壤类型栅格、K 值存于 K_FIELD 的土壤多边形，或常数（K_CONSTANT）。LS：给定的 LS 栅格，或按坡长坡度因子算法由 DEM 计算（MAX_LENGTH、CHANNEL_AREA）。输出网格即 LS 或 DEM 的网格；同一坐标系的其他栅格重采样到该网格（类别用最邻近法，数值用双线性法）。</translation>
        </message>
        <message>
            <source>Land use, B and T</source>
            <translation>土地利用、B 和 T</translation>
        </message>
        <message>
            <source>LANDUSE is a raster of codes or polygons with the code in LANDUSE_FIELD. LANDUSE_TABLE (CSV: code, name, B, T, cover) gives B and T per code; the first row whose code pattern matches wins (* and ? wildcards). The default table holds the land-survey (三调) codes; resources/tables/landuse_bt_youwuzhen_seims.csv is an example for other codes. Codes missing from the table stop the run with their list. With an FVC raster (fraction 0–1 or percent 0–100), rows with cover forest or grass take B from FVC_TABLE. Built-up land and water have B = 0.</source>
            <translation>LANDUSE 为地类编码栅格，或编码存于 LANDUSE_FIELD 的多边形。LANDUSE_TABLE（CSV：code, name, B, T, cover）给出各编码的 B 和 T；以第一条编码模式匹配的行为准（支持 * 和 ? 通配符）。默认表为国土三调地类编码；resources/tables/landuse_bt_youwuzhen_seims.csv 是其他编码体系的示例。表中缺少的编码会使运行停止并列出这些编码。给定植被覆盖度 FVC 栅格（0–1 小数或 0–100 百分数）时，cover 为 forest 或 grass 的行按 FVC_TABLE 取 B 值。建设用地和水域 B = 0。</translation>
        </message>
        <message>
            <source>Measures, E and the scenario</source>
            <translation>措施、E 与情景对比</translation>
        </message>
        <message>
            <source>MEASURES are polygons whose MEASURE_FIELD holds a measure code or name (e.g. 鱼鳞坑, terrace_earth); MEASURE_TABLE gives E and optionally T (T = the smaller of the land-use and the measure T). Outside measures E = 1. With MEASURES the same run also computes the case without measures (E = 1, land-use T) and the TABLE reports both and the reduction. Alternatively BASELINE takes the SOIL_LOSS raster of an earlier run (same grid) as the case to compare with.</source>
            <translation>MEASURES 为措施多边形，MEASURE_FIELD 存放措施编码或名称（如 鱼鳞坑、terrace_earth）；MEASURE_TABLE 给出 E 值及可选的 T 值（T 取土地利用 T 与措施 T 中的较小者）。措施范围外 E = 1。给定 MEASURES 时，同一次运行还计算无措施情景（E = 1，土地利用 T），TABLE 同时列出两者及减少量。也可用 BASELINE 指定以前某次运行的 SOIL_LOSS 栅格（同一网格）作为对比基准。</translation>
        </message>
        <message>
            <source>Intensity classes</source>
            <translation>侵蚀强度分级</translation>
        </message>
        <message>
            <source>SL 190-2007, t/km²·a, lower bound included: 1 slight below TOLERANCE, 2 light from TOLERANCE to below 2 500, 3 moderate from 2 500 (exactly 2 500 is moderate), 4 intense from 5 000, 5 very intense from 8 000, 6 severe from 15 000. TOLERANCE: 200 in the northern rocky mountains (Hebei, default), 500 in the southern red-soil hills, 1 000 on the Loess Plateau. A cell exactly at the tolerance counts as eroded.</source>
            <translation>按 SL 190-2007，单位 t/(km²·a)，含下限：1 微度 &lt; TOLERANCE；2 轻度 TOLERANCE 至 &lt; 2 500；3 中度自 2 500 起（恰为 2 500 属中度）；4 强烈自 5 000 起；5 极强烈自 8 000 起；6 剧烈自 15 000 起。TOLERANCE（容许土壤流失量）：北方土石山区 200（河北，默认），南方红壤丘陵区 500，西北黄土高原区 1 000。恰等于容许值的栅格计为水土流失。</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>统计表</translation>
        </message>
        <message>
            <source>One row per zone (polygons sharing a ZONE_FIELD value form one zone; without zones one row for the whole grid): AREA_KM2 (cells with a soil-loss value), SLIGHT_KM2 … SEVERE_KM2, ERODED_KM2 (light and above), ERODED_PCT, MEAN_MODULUS (t/km²·a), SOIL_LOSS_T (t/a), SWC_RATE (% = non-eroded area / area), TOLERANCE, and for the scenario BASE_LOSS_T, BASE_MODULUS, BASE_ERODED_KM2, BASE_SWC_RATE, REDUCTION_T (t/a), REDUCTION_PCT, RATE_GAIN (percentage points), BASE_SOURCE (measures or raster; empty without a baseline).</source>
            <translation>每个区域一行（ZONE_FIELD 值相同的多边形合为一个区域；无区域时整个网格一行）：AREA_KM2（有土壤流失值的面积）、SLIGHT_KM2 … SEVERE_KM2、ERODED_KM2（轻度及以上）、ERODED_PCT、MEAN_MODULUS（平均侵蚀模数，t/(km²·a)）、SOIL_LOSS_T（土壤流失量，t/a）、SWC_RATE（水土保持率，% = 非水土流失面积 / 面积）、TOLERANCE；情景对比字段 BASE_LOSS_T、BASE_MODULUS、BASE_ERODED_KM2、BASE_SWC_RATE、REDUCTION_T（t/a）、REDUCTION_PCT、RATE_GAIN（百分点）、BASE_SOURCE（measures 或 raster；无基准时为空）。</translation>
        </message>
        <message>
            <source>Outputs and sources</source>
            <translation>输出与依据</translation>
        </message>
        <message>
            <source>SOIL_LOSS: t/km²·a (Float32, nodata −9999; = 100 × the factor product in t/hm²·a). INTENSITY: classes 1–6 (Byte, 0 = nodata), styled. Sources: shared/docs/domain.md §3–§5; the B, E and T tables are editable CSV files in resources/tables with their sources.</source>
            <translation>SOIL_LOSS：t/(km²·a)（Float32，无数据值 −9999；= 100 × 以 t/(hm²·a) 计的因子乘积）。INTENSITY：强度级 1–6（Byte，0 为无数据），已配样式。依据：shared/docs/domain.md §3–§5；B、E、T 查找表为 resources/tables 中可编辑的 CSV 文件，内附来源。</translation>
        </message>
        <message>
            <source>Rainfall erosivity R (raster)</source>
            <translation>降雨侵蚀力 R（栅格）</translation>
        </message>
        <message>
            <source>Rainfall erosivity R (constant, MJ·mm/(hm²·h·a))</source>
            <translation>降雨侵蚀力 R（常数，MJ·mm/(hm²·h·a)）</translation>
        </message>
        <message>
            <source>Soil erodibility K (raster, or soil polygons)</source>
            <translation>土壤可蚀性 K（栅格或土壤多边形）</translation>
        </message>
        <message>
            <source>K field of the soil polygons</source>
            <translation>土壤多边形的 K 值字段</translation>
        </message>
        <message>
            <source>K table for a soil-class raster (CSV code,K)</source>
            <translation>土壤类型栅格的 K 值表（CSV：code,K）</translation>
        </message>
        <message>
            <source>Soil erodibility K (constant)</source>
            <translation>土壤可蚀性 K（常数）</translation>
        </message>
        <message>
            <source>DEM (projected, metres; for LS)</source>
            <translation>DEM（投影坐标，米；用于计算 LS）</translation>
        </message>
        <message>
            <source>LS factor raster (instead of the DEM)</source>
            <translation>LS 因子栅格（代替 DEM）</translation>
        </message>
        <message>
            <source>Maximum slope length (m; 0 = no limit)</source>
            <translation>最大坡长（米；0 表示不限）</translation>
        </message>
        <message>
            <source>Channel initiation area (ha)</source>
            <translation>沟道起始汇水面积（公顷）</translation>
        </message>
        <message>
            <source>Land use (raster of codes, or polygons)</source>
            <translation>土地利用（编码栅格或多边形）</translation>
        </message>
        <message>
            <source>Land-use code field (polygons)</source>
            <translation>地类编码字段（多边形）</translation>
        </message>
        <message>
            <source>Land-use table: code → B, T (CSV)</source>
            <translation>土地利用查找表：编码 → B、T（CSV）</translation>
        </message>
        <message>
            <source>Fractional vegetation cover (raster, 0–1 or %)</source>
            <translation>植被覆盖度（栅格，0–1 或 %）</translation>
        </message>
        <message>
            <source>FVC table: cover → B (CSV)</source>
            <translation>植被覆盖度查找表：覆盖度 → B（CSV）</translation>
        </message>
        <message>
            <source>Conservation measures (polygons)</source>
            <translation>水土保持措施（多边形）</translation>
        </message>
        <message>
            <source>Measure type field</source>
            <translation>措施类型字段</translation>
        </message>
        <message>
            <source>Measure table: measure → E, T (CSV)</source>
            <translation>措施查找表：措施 → E、T（CSV）</translation>
        </message>
        <message>
            <source>Baseline soil loss to compare with (t/km²·a, optional)</source>
            <translation>用于对比的基准土壤流失栅格（t/(km²·a)，可选）</translation>
        </message>
        <message>
            <source>Tolerable soil loss (t/km²·a)</source>
            <translation>容许土壤流失量（t/(km²·a)）</translation>
        </message>
        <message>
            <source>Zones (e.g. counties, townships, watersheds)</source>
            <translation>统计区域（如县、乡镇、小流域）</translation>
        </message>
        <message>
            <source>Zone name field</source>
            <translation>区域名称字段</translation>
        </message>
        <message>
            <source>Memory limit for LS from the DEM (MB)</source>
            <translation>由 DEM 计算 LS 的内存上限（MB）</translation>
        </message>
        <message>
            <source>Soil loss (t/km²·a)</source>
            <translation>土壤侵蚀模数（t/(km²·a)）</translation>
        </message>
        <message>
            <source>Erosion intensity (SL 190)</source>
            <translation>土壤侵蚀强度（SL 190）</translation>
        </message>
        <message>
            <source>Soil loss per zone</source>
            <translation>分区土壤流失统计</translation>
        </message>
        <message>
            <source>The R factor is missing: give a rainfall-erosivity raster (R) or a constant (R_CONSTANT).</source>
            <translation>缺少 R 因子：请给出降雨侵蚀力栅格（R）或常数（R_CONSTANT）。</translation>
        </message>
        <message>
            <source>The K factor is missing: give a K raster, soil polygons with a K field (K, K_FIELD) or a constant (K_CONSTANT).</source>
            <translation>缺少 K 因子：请给出 K 值栅格、带 K 值字段的土壤多边形（K、K_FIELD）或常数（K_CONSTANT）。</translation>
        </message>
        <message>
            <source>The LS factor is missing: give a DEM (DEM) or an LS raster (LS).</source>
            <translation>缺少 LS 因子：请给出 DEM（DEM）或 LS 栅格（LS）。</translation>
        </message>
        <message>
            <source>A measure layer needs its measure type field (MEASURE_FIELD).</source>
            <translation>措施图层需要指定措施类型字段（MEASURE_FIELD）。</translation>
        </message>
        <message>
            <source>The raster {name} must be a GDAL raster file, not a {provider} layer.</source>
            <translation>栅格 {name} 必须是 GDAL 栅格文件，而不是 {provider} 图层。</translation>
        </message>
        <message>
            <source>An LS raster is given: the DEM is not used.</source>
            <translation>已给出 LS 栅格：不使用 DEM。</translation>
        </message>
        <message>
            <source>Computing LS from the DEM…</source>
            <translation>正在由 DEM 计算 LS……</translation>
        </message>
        <message>
            <source>Computing the soil loss…</source>
            <translation>正在计算土壤流失量……</translation>
        </message>
        <message>
            <source>{n} cells with land use have no {factor} value and were left out; check the extent and nodata of the {factor} input.</source>
            <translation>{n} 个有土地利用的栅格缺少 {factor} 值，已被排除；请检查 {factor} 输入的范围和无数据值。</translation>
        </message>
        <message>
            <source>Factor means over the cells with a value: {means}.</source>
            <translation>有值栅格上的因子平均值：{means}。</translation>
        </message>
        <message>
            <source>{n} measure polygons applied.</source>
            <translation>已应用 {n} 个措施多边形。</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>{zone}: {area:.2f} km², soil loss {loss:.1f} t/a (mean {mean:.0f} t/km²·a), eroded {eroded:.2f} km², SWC rate {rate:.2f} %</source>
            <translation>{zone}：面积 {area:.2f} km²，土壤流失量 {loss:.1f} t/a（平均侵蚀模数 {mean:.0f} t/(km²·a)），水土流失面积 {eroded:.2f} km²，水土保持率 {rate:.2f} %</translation>
        </message>
        <message>
            <source>{zone}: without the change {base:.1f} t/a, reduction {red:.1f} t/a; SWC rate {brate:.2f} % → {rate:.2f} %</source>
            <translation>{zone}：变化前 {base:.1f} t/a，减少 {red:.1f} t/a；水土保持率 {brate:.2f} % → {rate:.2f} %</translation>
        </message>
        <message>
            <source>Erosion intensity</source>
            <translation>土壤侵蚀强度</translation>
        </message>
        <message>
            <source>These soil classes of the K raster are not in the K table {path}: {codes}. Add a row (code, K) for each.</source>
            <translation>K 栅格中的以下土壤类型不在 K 值表 {path} 中：{codes}。请为每个类型添加一行（code, K）。</translation>
        </message>
        <message>
            <source>Soil polygons as K need the field holding the K value (K_FIELD).</source>
            <translation>以土壤多边形作为 K 时，需要指定存放 K 值的字段（K_FIELD）。</translation>
        </message>
        <message>
            <source>Soil polygons</source>
            <translation>土壤多边形</translation>
        </message>
        <message>
            <source>Soil polygons: the K field {field} is empty or outside 0–1 for feature ids {ids}. K is in t·hm²·h/(hm²·MJ·mm), typically 0.01–0.05.</source>
            <translation>土壤多边形：要素 {ids} 的 K 值字段 {field} 为空或超出 0–1。K 的单位为 t·hm²·h/(hm²·MJ·mm)，一般在 0.01–0.05 之间。</translation>
        </message>
        <message>
            <source>The land-use layer (LANDUSE) could not be loaded.</source>
            <translation>无法加载土地利用图层（LANDUSE）。</translation>
        </message>
        <message>
            <source>The land-use raster has no valid cell on the DEM/LS grid.</source>
            <translation>土地利用栅格在 DEM/LS 网格上没有有效栅格。</translation>
        </message>
        <message>
            <source>Land-use polygons need their code field (LANDUSE_FIELD).</source>
            <translation>土地利用多边形需要指定地类编码字段（LANDUSE_FIELD）。</translation>
        </message>
        <message>
            <source>Land use</source>
            <translation>土地利用</translation>
        </message>
        <message>
            <source>Land-use codes and factors: {items}.</source>
            <translation>地类编码及因子：{items}。</translation>
        </message>
        <message>
            <source>FVC read as {unit} (maximum {max:g}).</source>
            <translation>植被覆盖度按{unit}读取（最大值 {max:g}）。</translation>
        </message>
        <message>
            <source>percent</source>
            <translation>百分数</translation>
        </message>
        <message>
            <source>fraction</source>
            <translation>小数</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>措施</translation>
        </message>
        <message>
            <source>slight</source>
            <translation>微度</translation>
        </message>
        <message>
            <source>light</source>
            <translation>轻度</translation>
        </message>
        <message>
            <source>moderate</source>
            <translation>中度</translation>
        </message>
        <message>
            <source>intense</source>
            <translation>强烈</translation>
        </message>
        <message>
            <source>very intense</source>
            <translation>极强烈</translation>
        </message>
        <message>
            <source>severe</source>
            <translation>剧烈</translation>
        </message>
    </context>
    <context>
        <name>SwcCore</name>
        <message>
            <source>The slope-length exponents “{text}” are not a comma-separated list of numbers, e.g. 0.2,0.3,0.4,0.5.</source>
            <translation>坡长指数“{text}”不是以逗号分隔的数字列表，例如 0.2,0.3,0.4,0.5。</translation>
        </message>
        <message>
            <source>The slope-length exponents “{text}” must lie between 0 and 1.</source>
            <translation>坡长指数“{text}”必须在 0 到 1 之间。</translation>
        </message>
        <message>
            <source>The slope-length exponents need one value more than the slope breaks ({n_breaks} breaks, {n_values} values), e.g. breaks 1,3,5 and values 0.2,0.3,0.4,0.5.</source>
            <translation>坡长指数的个数应比坡度分界多一个（现有 {n_breaks} 个分界、{n_values} 个指数），例如分界 1,3,5 对应指数 0.2,0.3,0.4,0.5。</translation>
        </message>
        <message>
            <source>The tolerable soil loss must be above 0 and below {limit:g} t/km²·a (the lower bound of the moderate class); got {value:g}. SL 190-2007 uses 200 in the northern rocky mountains, 500 in the southern red-soil hills, 1000 on the Loess Plateau.</source>
            <translation>容许土壤流失量必须大于 0 且小于 {limit:g} t/(km²·a)（中度侵蚀的下限），当前为 {value:g}。SL 190-2007 规定：北方土石山区 200，南方红壤丘陵区 500，西北黄土高原区 1000。</translation>
        </message>
        <message>
            <source>The lookup table {path} does not exist.</source>
            <translation>查找表 {path} 不存在。</translation>
        </message>
        <message>
            <source>The lookup table {path} lacks the column(s) {missing}; it has {columns}.</source>
            <translation>查找表 {path} 缺少列 {missing}；现有列为 {columns}。</translation>
        </message>
        <message>
            <source>The lookup table {path}: row {code} has no value in column {column}.</source>
            <translation>查找表 {path}：行 {code} 的 {column} 列没有值。</translation>
        </message>
        <message>
            <source>The lookup table {path}: row {code}, column {column}: “{text}” is not a number.</source>
            <translation>查找表 {path}：行 {code}、列 {column}：“{text}”不是数字。</translation>
        </message>
        <message>
            <source>The lookup table {path}: row {code}, column {column}: {value:g} is outside {low:g}–{high:g}.</source>
            <translation>查找表 {path}：行 {code}、列 {column}：{value:g} 超出 {low:g}–{high:g} 的范围。</translation>
        </message>
        <message>
            <source>The lookup table {path}: row {code}, column cover must be forest, grass or empty, not “{value}”.</source>
            <translation>查找表 {path}：行 {code} 的 cover 列只能为 forest、grass 或空，不能为“{value}”。</translation>
        </message>
        <message>
            <source>The lookup table {path}: the code “{code}” is not a number (a class raster holds numbers).</source>
            <translation>查找表 {path}：编码“{code}”不是数字（类型栅格只含数字编码）。</translation>
        </message>
        <message>
            <source>These measure types are not in the measure table {path}: {codes}. Add a row (code, name, E, T) for each, or correct the measure field.</source>
            <translation>以下措施类型不在措施表 {path} 中：{codes}。请为每种措施添加一行（code, name, E, T），或更正措施类型字段。</translation>
        </message>
        <message>
            <source>These land-use codes are not in the land-use table {path}: {codes}. Add a row (code, B, T) for each, or choose the table that matches the land-use classification.</source>
            <translation>以下地类编码不在土地利用查找表 {path} 中：{codes}。请为每个编码添加一行（code, B, T），或选用与该土地利用分类相符的查找表。</translation>
        </message>
        <message>
            <source>The raster {label} is in {src_crs}, not in the CRS of the DEM/LS grid {dst_crs}. Reproject it first (Raster ▸ Projections ▸ Warp, or gdalwarp -t_srs).</source>
            <translation>栅格 {label} 的坐标系为 {src_crs}，与 DEM/LS 网格的坐标系 {dst_crs} 不同。请先重投影（栅格 ▸ 投影 ▸ 重投影，或 gdalwarp -t_srs）。</translation>
        </message>
        <message>
            <source>The raster {label} does not overlap the DEM/LS grid. Check that both cover the same area.</source>
            <translation>栅格 {label} 与 DEM/LS 网格不重叠。请检查二者是否覆盖同一区域。</translation>
        </message>
        <message>
            <source>The soil-loss run needs a grid: give a DEM or an LS raster.</source>
            <translation>土壤流失计算需要一个网格：请给出 DEM 或 LS 栅格。</translation>
        </message>
        <message>
            <source>The raster {label} is not aligned on the DEM/LS grid.</source>
            <translation>栅格 {label} 未与 DEM/LS 网格对齐。</translation>
        </message>
        <message>
            <source>No cell has a soil-loss value: the land use and the factors (R, K, LS) have no valid cell in common. Check that the rasters overlap and that their nodata values are right.</source>
            <translation>没有任何栅格得到土壤流失值：土地利用与各因子（R、K、LS）没有共同的有效栅格。请检查各栅格是否重叠、无数据值是否正确。</translation>
        </message>
    </context>
    <context>
        <name>SwcRateAlgorithm</name>
        <message>
            <source>Soil and water conservation rate per unit</source>
            <translation>分区水土保持率</translation>
        </message>
        <message>
            <source>Detect</source>
            <translation>自动识别</translation>
        </message>
        <message>
            <source>Soil loss modulus (t/km²·a)</source>
            <translation>土壤侵蚀模数（t/(km²·a)）</translation>
        </message>
        <message>
            <source>Intensity classes 1–6 (SL 190)</source>
            <translation>侵蚀强度级 1–6（SL 190）</translation>
        </message>
        <message>
            <source>Computes the soil-and-water-conservation rate (水土保持率) of each administrative unit and its gap to the targets.</source>
            <translation>计算各行政单元的水土保持率及其与目标值的差距。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>SWC_RATE (%) = (area − eroded area) / area × 100, where the eroded area is the area at SL 190 class light or above, i.e. a soil loss at or above TOLERANCE (default 200 t/km²·a, northern rocky mountains; 500 in the southern red-soil hills). Exactly 2 500 is moderate; exactly the tolerance is eroded. The area of a unit is the area of its cells with a value; COVER_PCT compares it with the polygon area.</source>
            <translation>SWC_RATE（%）=（面积 − 水土流失面积）/ 面积 × 100，水土流失面积为 SL 190 轻度及以上的面积，即土壤侵蚀模数不小于 TOLERANCE（默认 200 t/(km²·a)，北方土石山区；南方红壤丘陵区为 500）。恰为 2 500 属中度；恰等于容许值计为水土流失。单元面积为单元内有值栅格的面积；COVER_PCT 为其占多边形面积的百分比。</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>INPUT is a soil-loss raster (t/km²·a, e.g. SOIL_LOSS of the soil-loss algorithm) or an intensity raster with classes 1–6 (then TOLERANCE is not used). INPUT_KIND Detect treats an integer raster whose values lie within 0–6 as intensity classes and anything else as soil loss. ZONES are the units (counties, townships); polygons sharing a ZONE_FIELD value form one unit; a cell belongs to the unit containing its centre.</source>
            <translation>INPUT 为土壤侵蚀模数栅格（t/(km²·a)，如土壤流失算法输出的 SOIL_LOSS），或强度级为 1–6 的侵蚀强度栅格（此时不使用 TOLERANCE）。INPUT_KIND 选“自动识别”时，取值在 0–6 之间的整型栅格视为强度级，其余视为侵蚀模数。ZONES 为统计单元（县、乡镇）；ZONE_FIELD 值相同的多边形合为一个单元；栅格按其中心所在的单元归属。</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>TARGET_1 and TARGET_2 (defaults 79.96 % and 84.07 %, Hebei's targets for 2025 and 2035). GAP_n = TARGET_n − SWC_RATE in percentage points (above 0: the target is not reached). TREAT_n_KM2 is the eroded area that must be brought below the tolerance to reach it.</source>
            <translation>TARGET_1 和 TARGET_2（默认 79.96 % 和 84.07 %，即河北省 2025 年和 2035 年目标）。GAP_n = TARGET_n − SWC_RATE，单位为百分点（大于 0 表示未达标）。TREAT_n_KM2 为达到该目标须治理到容许值以下的水土流失面积。</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>One row per unit: ZONE, AREA_KM2, SLIGHT_KM2 … SEVERE_KM2, ERODED_KM2, SWC_RATE, TARGET_1, GAP_1, TREAT_1_KM2, TARGET_2, GAP_2, TREAT_2_KM2, POLY_KM2, COVER_PCT, TOLERANCE, INPUT_KIND. Sources: shared/docs/domain.md §4 (SL 190-2007) and §5 (水土保持率 definition, Hebei targets).</source>
            <translation>每个单元一行：ZONE、AREA_KM2、SLIGHT_KM2 … SEVERE_KM2、ERODED_KM2、SWC_RATE、TARGET_1、GAP_1、TREAT_1_KM2、TARGET_2、GAP_2、TREAT_2_KM2、POLY_KM2、COVER_PCT、TOLERANCE、INPUT_KIND。依据：shared/docs/domain.md §4（SL 190-2007）和 §5（水土保持率定义、河北省目标）。</translation>
        </message>
        <message>
            <source>Soil loss (t/km²·a) or erosion intensity raster</source>
            <translation>土壤侵蚀模数（t/(km²·a)）或侵蚀强度栅格</translation>
        </message>
        <message>
            <source>Input holds</source>
            <translation>输入内容</translation>
        </message>
        <message>
            <source>Administrative units</source>
            <translation>行政单元</translation>
        </message>
        <message>
            <source>Unit name field</source>
            <translation>单元名称字段</translation>
        </message>
        <message>
            <source>Tolerable soil loss (t/km²·a)</source>
            <translation>容许土壤流失量（t/(km²·a)）</translation>
        </message>
        <message>
            <source>First target rate (%; Hebei 2025)</source>
            <translation>第一目标水土保持率（%；河北 2025 年）</translation>
        </message>
        <message>
            <source>Second target rate (%; Hebei 2035)</source>
            <translation>第二目标水土保持率（%；河北 2035 年）</translation>
        </message>
        <message>
            <source>Soil and water conservation rate</source>
            <translation>水土保持率</translation>
        </message>
        <message>
            <source>The input raster (INPUT) could not be loaded.</source>
            <translation>无法加载输入栅格（INPUT）。</translation>
        </message>
        <message>
            <source>The raster {name} must be a GDAL raster file, not a {provider} layer.</source>
            <translation>栅格 {name} 必须是 GDAL 栅格文件，而不是 {provider} 图层。</translation>
        </message>
        <message>
            <source>Input read as {kind}.</source>
            <translation>输入按“{kind}”读取。</translation>
        </message>
        <message>
            <source>Intensity classes are used as they are; TOLERANCE only affects soil-loss input.</source>
            <translation>侵蚀强度级按原值使用；TOLERANCE 只对侵蚀模数输入起作用。</translation>
        </message>
        <message>
            <source>{zone}: no cell of the input raster lies in this unit.</source>
            <translation>{zone}：该单元内没有输入栅格的有效栅格。</translation>
        </message>
        <message>
            <source>{zone}: SWC rate {rate:.2f} % ({eroded:.4g} of {area:.4g} km² eroded); gap to {t1:g} %: {g1:+.2f} points, to {t2:g} %: {g2:+.2f} points</source>
            <translation>{zone}：水土保持率 {rate:.2f} %（{area:.4g} km² 中水土流失 {eroded:.4g} km²）；距 {t1:g} % 差 {g1:+.2f} 个百分点，距 {t2:g} % 差 {g2:+.2f} 个百分点</translation>
        </message>
        <message>
            <source>{zone}: the raster covers only {cover:.1f} % of the unit; the rate refers to the covered part.</source>
            <translation>{zone}：栅格仅覆盖该单元的 {cover:.1f} %；水土保持率只针对覆盖部分。</translation>
        </message>
    </context>
</TS>
