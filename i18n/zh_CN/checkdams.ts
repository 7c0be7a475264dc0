<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>CheckDamsAlgorithm</name>
        <message>
            <source>Check-dam series</source>
            <translation>谷坊坝系布设</translation>
        </message>
        <message>
            <source>Dry stone (干砌石)</source>
            <translation>干砌石谷坊</translation>
        </message>
        <message>
            <source>Mortar masonry or precast block (浆砌石)</source>
            <translation>浆砌石或混凝土预制块谷坊</translation>
        </message>
        <message>
            <source>Gabion (石笼)</source>
            <translation>石笼谷坊</translation>
        </message>
        <message>
            <source>Earth (土谷坊)</source>
            <translation>土谷坊</translation>
        </message>
        <message>
            <source>Bagged soil (编织袋)</source>
            <translation>编织袋谷坊</translation>
        </message>
        <message>
            <source>{name}: H ≤ {cap:g} m, top {top:g} m, slopes 1:{up:g} / 1:{down:g}</source>
            <translation>{name}：坝高 ≤ {cap:g} m，顶宽 {top:g} m，边坡 1:{up:g} / 1:{down:g}</translation>
        </message>
        <message>
            <source>Lays out a series of check dams (谷坊) along every gully that fits the upslope-area and gradient limits, spaced by the 顶底相照 rule, and reports for each dam its storage, silted wedge, crest and body volume.</source>
            <translation>沿每条符合汇水面积和比降条件的沟道按“顶底相照”原则布设谷坊坝系，并给出每座谷坊的库容、淤积体、坝顶长度和坝体方量。</translation>
        </message>
        <message>
            <source>Gullies</source>
            <translation>沟道</translation>
        </message>
        <message>
            <source>The DEM is filled and routed (D8) as in Flow direction and accumulation. Gully cells are the channel cells whose upslope area lies between MIN_UPAREA and MAX_UPAREA (km²) and, when given, inside the AOI polygons; every connected tree of them is one gully, numbered from the largest. A cell can carry a dam when its local bed gradient (over about 30 m, at least two cells, up and down the channel) is at least MIN_GRADIENT and the valley section across it closes at the crest level within MAX_CREST_LENGTH.</source>
            <translation>DEM 先填洼并按 D8 计算流向（与“流向与汇流累积”相同）。沟道栅格为汇水面积介于 MIN_UPAREA 与 MAX_UPAREA（km²）之间的河道栅格，给出 AOI 时还须位于其多边形内；每个相连的树状沟网为一条沟道，按面积从大到小编号。某栅格可以建坝的条件是：其局部沟床比降（沿沟道上下游各约 30 m，至少两个栅格）不小于 MIN_GRADIENT，且横跨沟道的断面在坝顶高程处于 MAX_CREST_LENGTH 以内闭合。</translation>
        </message>
        <message>
            <source>Spacing (GB 51018-2014 §14.4.1)</source>
            <translation>坝距（GB 51018-2014 第 14.4.1 条）</translation>
        </message>
        <message>
            <source>The first dam stands at the lowest suitable cell of each gully. Behind a dam of effective height H the deposit fills to the spillway crest and rises upstream at the silted-bed gradient I_PRIME; the next dam goes to the first channel cell where this silted bed meets the bed (顶底相照). On a uniform bed of gradient i this is L = H / (i − i′); on the real profile the dams come closer where the bed steepens. The wedge follows every branch of the gully. I_PRIME by deposit (GB/T 16453.3): coarse sand with gravel 0.02, clay 0.01, clay loam 0.008, sandy soil 0.005. MAX_DAMS keeps the lowest dams of each gully.</source>
            <translation>每条沟道的第一座谷坊建在最下游的适宜栅格。有效坝高为 H 的谷坊淤满后，淤积面从溢洪口顶向上游以淤积比降 I_PRIME 抬升；下一座谷坊建在该淤积面与沟床相交的第一个沟道栅格（顶底相照）。沟床比降 i 均匀时即 L = H / (i − i′)；在实际纵断面上，沟床变陡处坝距变小。淤积体沿沟道的各个支沟延伸。按淤积物取 I_PRIME（GB/T 16453.3）：粗砂夹砾石 0.02，黏土 0.01，黏壤土 0.008，砂土 0.005。MAX_DAMS 只保留每条沟道最下游的若干座谷坊。</translation>
        </message>
        <message>
            <source>Dam types (GB 51018-2014 §14.4)</source>
            <translation>谷坊类型（GB 51018-2014 第 14.4 节）</translation>
        </message>
        <message>
            <source>The type sets the maximum height, the top width and the side slopes (middle of the published ranges): dry stone ≤ 3 m, mortar masonry ≤ 5 m, gabion ≤ 3 m, earth 2–5 m, bagged soil ≤ 3 m. A DAM_HEIGHT above the type's cap is refused.</source>
            <translation>类型决定最大坝高、顶宽和上下游边坡（取规范范围的中值）：干砌石 ≤ 3 m，浆砌石 ≤ 5 m，石笼 ≤ 3 m，土谷坊 2–5 m，编织袋 ≤ 3 m。DAM_HEIGHT 超过该类型上限时拒绝计算。</translation>
        </message>
        <message>
            <source>Storage and silt</source>
            <translation>库容与淤积</translation>
        </message>
        <message>
            <source>From the depression-filled DEM. The crest runs across the thalweg, perpendicular to the channel direction, to where the ground reaches the crest level. A dam's pool is made of the cells that drain into the gully in the reach the dam governs; cells cut by the dam axis count with their upstream share. The storage is the volume below the crest level; the silted wedge the volume below the silted bed. The body volume integrates the trapezoidal section (top width + side slopes × local height) along the crest; spillway notch, freeboard and foundation are not included.</source>
            <translation>基于填洼后的 DEM 计算。坝轴线垂直于沟道方向横跨沟底，延伸到地面达到坝顶高程处。谷坊的库区由汇入其控制沟段的栅格组成；被坝轴线切过的栅格按其位于上游的部分计入。库容为坝顶高程以下的容积，淤积体为淤积面以下的容积。坝体方量为梯形断面（顶宽加边坡乘以局部坝高）沿坝轴线积分，不含溢洪口、超高和基础。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>DAMS: points with DAM_ID, GULLY, REACH (reach between junctions), ORDER (Strahler), BED_Z, H_M, CREST_Z, GRADIENT (mean bed gradient of the silted reach), LOCAL_I (local gradient), NEXT_ID and SPACING_M (next dam upstream on the main branch and the distance to it along the channel), RULE_L_M (distance at which the silted bed meets the bed; SPACING_M is never below it), DIST_M (from the gully outlet), CONTROL_KM2 (upslope area), STORAGE_M3 and POOL_M2 (at H), SILT_M3, SILT_M2, CREST_M, BODY_M3, DAM_TYPE. CRESTS: crest lines. SILT: silted wedge polygons. CURVES: height–area–volume per dam every CURVE_STEP m up to H. SUMMARY: per gully and in all: dams, body volume, storage, silt, channel length, gully area.</source>
            <translation>DAMS：谷坊点，字段 DAM_ID、GULLY、REACH（汇流点之间的河段）、ORDER（Strahler 级别）、BED_Z、H_M、CREST_Z、GRADIENT（淤积段平均沟床比降）、LOCAL_I（局部比降）、NEXT_ID 和 SPACING_M（主沟上游下一座谷坊及沿沟道的距离）、RULE_L_M（淤积面与沟床相交的距离，SPACING_M 不小于此值）、DIST_M（距沟口距离）、CONTROL_KM2（控制面积）、STORAGE_M3 和 POOL_M2（坝高 H 时）、SILT_M3、SILT_M2、CREST_M、BODY_M3、DAM_TYPE。CRESTS：坝轴线。SILT：淤积体多边形。CURVES：每座谷坊按 CURVE_STEP m 至 H 的高程–面积–库容关系。SUMMARY：按沟道及合计的谷坊数量、坝体方量、库容、淤积量、沟道长度和沟道面积。</translation>
        </message>
        <message>
            <source>DEM resolution</source>
            <translation>DEM 分辨率</translation>
        </message>
        <message>
            <source>A dam is placed on a cell: with a 30 m DEM on steep gullies, where L is shorter than a cell, every cell carries a dam and the pools are a cell long. Use a 5–10 m DEM for design.</source>
            <translation>谷坊布设在栅格上：用 30 m DEM 计算陡峭沟道时，L 小于一个栅格，每个栅格都会布坝，库区也只有一个栅格长。设计时请使用 5–10 m DEM。</translation>
        </message>
        <message>
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，米）</translation>
        </message>
        <message>
            <source>Area of interest</source>
            <translation>研究区范围</translation>
        </message>
        <message>
            <source>Minimum upslope area of a gully (km²)</source>
            <translation>沟道最小汇水面积（km²）</translation>
        </message>
        <message>
            <source>Maximum upslope area of a gully (km²)</source>
            <translation>沟道最大汇水面积（km²）</translation>
        </message>
        <message>
            <source>Minimum bed gradient (m/m)</source>
            <translation>最小沟床比降（m/m）</translation>
        </message>
        <message>
            <source>Dam type</source>
            <translation>谷坊类型</translation>
        </message>
        <message>
            <source>Effective height H to the spillway crest (m)</source>
            <translation>有效坝高 H（至溢洪口顶，m）</translation>
        </message>
        <message>
            <source>Gradient of the silted bed i′ (m/m)</source>
            <translation>淤积比降 i′（m/m）</translation>
        </message>
        <message>
            <source>Maximum dams per gully (0 = no limit)</source>
            <translation>每条沟道最多谷坊数（0 = 不限）</translation>
        </message>
        <message>
            <source>Height step of the storage curves (m)</source>
            <translation>库容曲线高程步长（m）</translation>
        </message>
        <message>
            <source>Longest crest considered (m)</source>
            <translation>最大坝顶长度（m）</translation>
        </message>
        <message>
            <source>Memory limit (MB)</source>
            <translation>内存上限（MB）</translation>
        </message>
        <message>
            <source>Check dams</source>
            <translation>谷坊</translation>
        </message>
        <message>
            <source>Dam crests</source>
            <translation>坝轴线</translation>
        </message>
        <message>
            <source>Silted wedges</source>
            <translation>淤积体</translation>
        </message>
        <message>
            <source>Height–area–volume curves</source>
            <translation>高程–面积–库容曲线</translation>
        </message>
        <message>
            <source>Check-dam summary</source>
            <translation>谷坊汇总</translation>
        </message>
        <message>
            <source>MIN_UPAREA ({lo:g} km²) must be smaller than MAX_UPAREA ({hi:g} km²).</source>
            <translation>MIN_UPAREA（{lo:g} km²）必须小于 MAX_UPAREA（{hi:g} km²）。</translation>
        </message>
        <message>
            <source>Routing the DEM and laying out the dam series…</source>
            <translation>正在计算 DEM 汇流并布设谷坊坝系…</translation>
        </message>
        <message>
            <source>{dams} dams on {gullies} gullies; {cells} gully cells, {ok} suitable, {open} with a valley section that does not close at the crest level.</source>
            <translation>{gullies} 条沟道共布设 {dams} 座谷坊；沟道栅格 {cells} 个，其中适宜建坝 {ok} 个，{open} 个的横断面在坝顶高程处不闭合。</translation>
        </message>
        <message>
            <source>{n} dams above the first {m} of their gully were left out (MAX_DAMS).</source>
            <translation>有 {n} 座谷坊位于所在沟道前 {m} 座之上游，未予布设（MAX_DAMS）。</translation>
        </message>
        <message>
            <source>All</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>In all: {n} dams, body {body:.0f} m³, storage {sto:.0f} m³, silt {silt:.0f} m³.</source>
            <translation>合计：谷坊 {n} 座，坝体 {body:.0f} m³，库容 {sto:.0f} m³，淤积量 {silt:.0f} m³。</translation>
        </message>
    </context>
    <context>
        <name>DamStorageAlgorithm</name>
        <message>
            <source>Dam storage curve</source>
            <translation>坝库容曲线</translation>
        </message>
        <message>
            <source>small (&lt; 10×10⁴ m³)</source>
            <translation>小型（&lt; 10×10⁴ m³）</translation>
        </message>
        <message>
            <source>medium (10–50×10⁴ m³)</source>
            <translation>中型（10–50×10⁴ m³）</translation>
        </message>
        <message>
            <source>large 2 (50–100×10⁴ m³)</source>
            <translation>大(2)型（50–100×10⁴ m³）</translation>
        </message>
        <message>
            <source>large 1 (100–500×10⁴ m³)</source>
            <translation>大(1)型（100–500×10⁴ m³）</translation>
        </message>
        <message>
            <source>above large 1 (≥ 500×10⁴ m³)</source>
            <translation>超过大(1)型（≥ 500×10⁴ m³）</translation>
        </message>
        <message>
            <source>For a dam axis drawn across a valley (a check dam, silt-trap dam 淤地坝 or sediment dam 拦沙坝): the height–area–volume table, the flooded area at a chosen height, the control area, the size class and the sediment life.</source>
            <translation>对横跨沟谷绘制的坝轴线（谷坊、淤地坝或拦沙坝）计算高程–面积–库容表、指定坝高下的淹没范围、控制面积、工程规模等级和淤积年限。</translation>
        </message>
        <message>
            <source>Method (domain.md §7.3)</source>
            <translation>方法（domain.md 第 7.3 节）</translation>
        </message>
        <message>
            <source>The DEM is filled and routed (D8). The thalweg crossing is the axis cell with the largest upslope area; its filled elevation is the bed z₀. The axis cells next to it that lie below z₀ + MAX_HEIGHT close the pool, and the control area is every cell draining through them. At height h the pool is the control-area cells below z₀ + h (cells cut by the axis count with their upstream share): A(h) = Σ cell areas, V(h) = Σ (z₀ + h − z) × cell area. Draw the axis from valley side to valley side: above the lower of the two highest points along the axis (CLOSED = 0 in the table) the water would pass around its ends.</source>
            <translation>DEM 先填洼并按 D8 计算流向。坝轴线上汇水面积最大的栅格为沟底交点，其填洼后高程为坝底高程 z₀。与其相连且低于 z₀ + MAX_HEIGHT 的坝轴线栅格围成库区，流经这些栅格的全部栅格为控制面积。坝高 h 时的库区为控制面积内低于 z₀ + h 的栅格（被坝轴线切过的栅格按上游部分计入）：A(h) = Σ 栅格面积，V(h) = Σ (z₀ + h − z) × 栅格面积。坝轴线应从一侧沟坡画到另一侧沟坡：水位高于坝轴线两侧最高点中较低者时（表中 CLOSED = 0），水会从坝端绕流。</translation>
        </message>
        <message>
            <source>Size class and sediment life</source>
            <translation>规模等级与淤积年限</translation>
        </message>
        <message>
            <source>The class follows the total capacity at HEIGHT (SL 302 / GB 51018 §5.2): small &lt; 10, medium 10–50, large 2 50–100, large 1 100–500 ×10⁴ m³, with the design silting life of the class. Sediment life N = V·γd / (M·A·SDR): V the capacity at HEIGHT (m³), γd the dry density of the deposit (t/m³, 1.3–1.35), M the erosion modulus (t/km²·a), A the control area (km²), SDR the sediment delivery ratio (GB 51018 §8.4.3).</source>
            <translation>规模等级按 HEIGHT 坝高时的总库容确定（SL 302 / GB 51018 第 5.2 节）：小型 &lt; 10，中型 10–50，大(2)型 50–100，大(1)型 100–500 ×10⁴ m³，并给出该等级的设计淤积年限。淤积年限 N = V·γd / (M·A·SDR)：V 为 HEIGHT 坝高时的库容（m³），γd 为淤积物干容重（t/m³，1.3–1.35），M 为土壤侵蚀模数（t/km²·a），A 为控制面积（km²），SDR 为泥沙输移比（GB 51018 第 8.4.3 条）。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>TABLE: AXIS_ID, H_M, Z_M, AREA_M2, VOL_M3, VOL_1E4M3, CREST_M (length of the axis below the water level), CLOSED. FLOODED: the pool at HEIGHT with BED_Z, WATER_Z, AREA_M2, VOL_M3, CONTROL_KM2, SIZE_CLASS, CLASS_NAME, DESIGN_LIFE, SED_T_A (sediment yield, t/a), LIFE_A (years), CREST_M, CLOSED_H (height up to which the axis closes the valley). CATCHMENT: the control area.</source>
            <translation>TABLE：AXIS_ID、H_M、Z_M、AREA_M2、VOL_M3、VOL_1E4M3、CREST_M（水位以下的坝轴线长度）、CLOSED。FLOODED：HEIGHT 坝高时的库区，字段 BED_Z、WATER_Z、AREA_M2、VOL_M3、CONTROL_KM2、SIZE_CLASS、CLASS_NAME、DESIGN_LIFE、SED_T_A（年输沙量，t/a）、LIFE_A（年）、CREST_M、CLOSED_H（坝轴线能封闭沟谷的最大坝高）。CATCHMENT：控制面积。</translation>
        </message>
        <message>
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，米）</translation>
        </message>
        <message>
            <source>Dam axes (lines across the valley)</source>
            <translation>坝轴线（横跨沟谷的线）</translation>
        </message>
        <message>
            <source>Maximum height of the curve (m)</source>
            <translation>曲线最大坝高（m）</translation>
        </message>
        <message>
            <source>Height step (m)</source>
            <translation>高程步长（m）</translation>
        </message>
        <message>
            <source>Height of the flooded area (m; empty = maximum height)</source>
            <translation>淹没范围的坝高（m；留空 = 最大坝高）</translation>
        </message>
        <message>
            <source>Erosion modulus (t/km²·a; 0 = no sediment life)</source>
            <translation>土壤侵蚀模数（t/km²·a；0 = 不计算淤积年限）</translation>
        </message>
        <message>
            <source>Sediment delivery ratio (0–1)</source>
            <translation>泥沙输移比（0–1）</translation>
        </message>
        <message>
            <source>Dry density of the deposit (t/m³)</source>
            <translation>淤积物干容重（t/m³）</translation>
        </message>
        <message>
            <source>Memory limit (MB)</source>
            <translation>内存上限（MB）</translation>
        </message>
        <message>
            <source>Height–area–volume table</source>
            <translation>高程–面积–库容表</translation>
        </message>
        <message>
            <source>Flooded area</source>
            <translation>淹没范围</translation>
        </message>
        <message>
            <source>Control area</source>
            <translation>控制面积</translation>
        </message>
        <message>
            <source>HEIGHT ({h:g} m) must not exceed MAX_HEIGHT ({hmax:g} m).</source>
            <translation>HEIGHT（{h:g} m）不得超过 MAX_HEIGHT（{hmax:g} m）。</translation>
        </message>
        <message>
            <source>The dam axis layer could not be loaded.</source>
            <translation>无法加载坝轴线图层。</translation>
        </message>
        <message>
            <source>Axis {fid} has no geometry; skipped.</source>
            <translation>坝轴线 {fid} 没有几何，已跳过。</translation>
        </message>
        <message>
            <source>Axis {fid} has {n} parts; the longest is used.</source>
            <translation>坝轴线 {fid} 有 {n} 个部分，使用最长的一段。</translation>
        </message>
        <message>
            <source>Axis {fid} has fewer than two vertices; skipped.</source>
            <translation>坝轴线 {fid} 的节点少于两个，已跳过。</translation>
        </message>
        <message>
            <source>The dam axis layer has no usable line. Draw a line across the valley at the dam site.</source>
            <translation>坝轴线图层中没有可用的线。请在坝址处画一条横跨沟谷的线。</translation>
        </message>
        <message>
            <source>Axis {fid}: nothing is flooded at {h:g} m.</source>
            <translation>坝轴线 {fid}：坝高 {h:g} m 时没有淹没范围。</translation>
        </message>
        <message>
            <source>Axis {fid}: bed {z:.2f} m, control area {a:.4f} km², at {h:g} m: {v:.0f} m³ over {s:.0f} m² ({cls}).</source>
            <translation>坝轴线 {fid}：坝底高程 {z:.2f} m，控制面积 {a:.4f} km²，坝高 {h:g} m 时库容 {v:.0f} m³，淹没面积 {s:.0f} m²（{cls}）。</translation>
        </message>
        <message>
            <source>Axis {fid}: above {hc:.2f} m the water passes around the ends of the axis; extend the axis up the valley sides or lower the height.</source>
            <translation>坝轴线 {fid}：坝高超过 {hc:.2f} m 时水会从坝端绕流；请把坝轴线向两侧沟坡延长，或降低坝高。</translation>
        </message>
    </context>
    <context>
        <name>SwcCore</name>
        <message>
            <source>Unknown check-dam type “{key}”. Use one of: {types}.</source>
            <translation>未知的谷坊类型“{key}”。可用类型：{types}。</translation>
        </message>
        <message>
            <source>The dam height must be positive (got {height:g} m).</source>
            <translation>坝高必须大于 0（当前为 {height:g} m）。</translation>
        </message>
        <message>
            <source>The effective height H = {height:g} m exceeds the maximum of {cap:g} m for {type} check dams (GB 51018-2014 §14.4). Lower DAM_HEIGHT to at most {cap:g} m or choose a type that allows higher dams (mortar masonry or earth: up to 5 m).</source>
            <translation>有效坝高 H = {height:g} m 超过 {type} 谷坊的最大坝高 {cap:g} m（GB 51018-2014 第 14.4 节）。请把 DAM_HEIGHT 降到 {cap:g} m 以下，或改用允许更高坝体的类型（浆砌石或土谷坊：最高 5 m）。</translation>
        </message>
        <message>
            <source>The area of interest {layer} covers no cell of the DEM. Draw it over the DEM or leave it empty to use the whole DEM.</source>
            <translation>研究区范围 {layer} 没有覆盖 DEM 的任何栅格。请在 DEM 范围内绘制，或留空以使用整个 DEM。</translation>
        </message>
        <message>
            <source>No gully fits the limits: {net} channel cells have an upslope area between {min_km2:g} and {max_km2:g} km² inside the area of interest, and {steep} of them have a bed gradient of at least {grad:g} m/m and a valley section that closes at the crest height (largest upslope area in the area: {largest:.3f} km²; steepest channel gradient: {steepest:.3f} m/m). Lower MIN_UPAREA or MIN_GRADIENT, raise MAX_UPAREA or MAX_CREST_LENGTH, or enlarge the area of interest.</source>
            <translation>没有符合条件的沟道：研究区内汇水面积介于 {min_km2:g} 与 {max_km2:g} km² 之间的沟道栅格有 {net} 个，其中沟床比降不小于 {grad:g} m/m 且横断面在坝顶高程处闭合的有 {steep} 个（区内最大汇水面积 {largest:.3f} km²，最大沟道比降 {steepest:.3f} m/m）。请降低 MIN_UPAREA 或 MIN_GRADIENT，提高 MAX_UPAREA 或 MAX_CREST_LENGTH，或扩大研究区。</translation>
        </message>
        <message>
            <source>The silted-bed gradient I_PRIME ({ip:g}) must be at least 0 and below the minimum bed gradient MIN_GRADIENT ({grad:g}): on a bed flatter than the deposit the silt never meets the bed and the spacing rule L = H / (i − i′) has no answer.</source>
            <translation>淤积比降 I_PRIME（{ip:g}）必须不小于 0 且小于最小沟床比降 MIN_GRADIENT（{grad:g}）：沟床比淤积面还缓时，淤积面永远不会与沟床相交，坝距公式 L = H / (i − i′) 无解。</translation>
        </message>
        <message>
            <source>The upslope-area limits must satisfy 0 &lt; MIN_UPAREA &lt; MAX_UPAREA (got {lo:g} and {hi:g} km²).</source>
            <translation>汇水面积上下限必须满足 0 &lt; MIN_UPAREA &lt; MAX_UPAREA（当前为 {lo:g} 和 {hi:g} km²）。</translation>
        </message>
        <message>
            <source>Heights must satisfy 0 &lt; HEIGHT ≤ MAX_HEIGHT and STEP &gt; 0 (got HEIGHT {h:g} m, MAX_HEIGHT {hmax:g} m, STEP {step:g} m).</source>
            <translation>坝高必须满足 0 &lt; HEIGHT ≤ MAX_HEIGHT 且 STEP &gt; 0（当前 HEIGHT {h:g} m，MAX_HEIGHT {hmax:g} m，STEP {step:g} m）。</translation>
        </message>
        <message>
            <source>The dam axis does not cross the DEM (or only its nodata cells). Draw the axis across the valley on the DEM, in the DEM's area.</source>
            <translation>坝轴线没有穿过 DEM（或只穿过无数据栅格）。请在 DEM 范围内横跨沟谷绘制坝轴线。</translation>
        </message>
    </context>
</TS>
