<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AlgorithmRunner</name>
        <message>
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>The algorithm {alg} is not available. Check that the SWC Planner plugin and QGIS Processing are enabled.</source>
            <translation>算法 {alg} 不可用。请检查 SWC Planner 插件和 QGIS 处理工具是否已启用。</translation>
        </message>
        <message>
            <source>{step} failed: {message}</source>
            <translation>{step}失败：{message}</translation>
        </message>
        <message>
            <source>see the log</source>
            <translation>请查看日志</translation>
        </message>
        <message>
            <source>{step}: {alg} does not declare the parameters {names}.</source>
            <translation>{step}：{alg} 没有声明参数 {names}。</translation>
        </message>
    </context>
    <context>
        <name>BenefitsPage</name>
        <message>
            <source>7. Benefits</source>
            <translation>7. 效益分析</translation>
        </message>
        <message>
            <source>Compute the benefits</source>
            <translation>计算效益</translation>
        </message>
        <message>
            <source>Soil loss with the measures</source>
            <translation>实施措施后的土壤流失</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>治理前</translation>
        </message>
        <message>
            <source>After</source>
            <translation>治理后</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>Soil saved: {saved} t/a</source>
            <translation>保土量：{saved} t/a</translation>
        </message>
        <message>
            <source>Benefits</source>
            <translation>效益分析</translation>
        </message>
        <message>
            <source>Soil loss is computed again with the planned measures (their engineering and tillage factors, only where the measures can be laid); the benefits follow GB/T 15774-2008: soil and water retained, economic, social and ecological.</source>
            <translation>按规划措施（其工程措施因子和耕作措施因子，只在可布设措施的地方）重新计算土壤流失；效益按 GB/T 15774-2008 计算：保水保土、经济、社会和生态效益。</translation>
        </message>
        <message>
            <source>not given</source>
            <translation>未填写</translation>
        </message>
        <message>
            <source>Mean annual runoff depth of the watershed (e.g. from the provincial hydrological handbook)</source>
            <translation>流域多年平均径流深（如取自省水文手册）</translation>
        </message>
        <message>
            <source>Mean annual runoff depth (for the water retained)</source>
            <translation>多年平均径流深（用于计算保水量）</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>措施</translation>
        </message>
        <message>
            <source>Area (ha)</source>
            <translation>面积（公顷）</translation>
        </message>
        <message>
            <source>Soil loss without (t/a)</source>
            <translation>无措施时土壤流失量（t/a）</translation>
        </message>
        <message>
            <source>Soil retained (t/a)</source>
            <translation>保土量（t/a）</translation>
        </message>
        <message>
            <source>Soil retained by the rate (t/a)</source>
            <translation>按减沙效益计的保土量（t/a）</translation>
        </message>
        <message>
            <source>Water retained (m³/a)</source>
            <translation>保水量（m³/a）</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Yield per ha</source>
            <translation>每公顷增产量</translation>
        </message>
        <message>
            <source>Yield</source>
            <translation>增产量</translation>
        </message>
        <message>
            <source>Price (CNY)</source>
            <translation>单价（元）</translation>
        </message>
        <message>
            <source>Value (10⁴ CNY/a)</source>
            <translation>产值（万元/年）</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>数值</translation>
        </message>
    </context>
    <context>
        <name>ChannelNetworkAlgorithm</name>
        <message>
            <source>Channel network</source>
            <translation>沟道网络</translation>
        </message>
        <message>
            <source>Extracts the channel (gully and stream) network of a DEM: every cell whose contributing area reaches a threshold is a channel cell.</source>
            <translation>从 DEM 提取沟道（侵蚀沟和河道）网络：汇水面积达到阈值的栅格即为沟道栅格。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>CHANNELS: one line per reach, from a source or junction to the next junction or outlet, through the cell centres. Fields: ORDER (Strahler), LENGTH_M (planar length, m), GRADIENT (drop between the ends of the line on the filled DEM divided by its length, m/m), UPAREA_KM2 (upslope area at the reach's lowest cell, km²). CHANNEL_RASTER: Strahler order of the channel cells, 0 elsewhere (nodata).</source>
            <translation>CHANNELS：每个沟段一条线，从源头或汇流点到下一个汇流点或出口，经过各栅格中心。字段：ORDER（Strahler 级别）、LENGTH_M（平面长度，米）、GRADIENT（填洼后 DEM 上线段两端高差除以长度，米/米）、UPAREA_KM2（沟段最下游栅格的上游汇水面积，平方千米）。CHANNEL_RASTER：沟道栅格的 Strahler 级别，其余为 0（无数据）。</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>阈值</translation>
        </message>
        <message>
            <source>A smaller MIN_AREA gives a denser network with more first-order gullies. 0.1 km² suits 5–30 m DEMs of small watersheds; the threshold must span at least a few cells.</source>
            <translation>MIN_AREA 越小，沟道网络越密，一级侵蚀沟越多。小流域 5–30 米 DEM 宜用 0.1 平方千米；阈值至少应相当于若干个栅格。</translation>
        </message>
        <message>
            <source>Minimum contributing area (km²)</source>
            <translation>最小汇水面积（平方千米）</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>沟道</translation>
        </message>
        <message>
            <source>Channel cells (Strahler order)</source>
            <translation>沟道栅格（Strahler 级别）</translation>
        </message>
        <message>
            <source>The minimum contributing area ({km2:g} km²) is less than 4 DEM cells: nearly every cell becomes a channel.</source>
            <translation>最小汇水面积（{km2:g} 平方千米）小于 4 个 DEM 栅格：几乎所有栅格都会成为沟道。</translation>
        </message>
        <message>
            <source>{n} reaches, highest Strahler order {order}.</source>
            <translation>共 {n} 个沟段，最高 Strahler 级别为 {order}。</translation>
        </message>
        <message>
            <source>Order {order}</source>
            <translation>{order} 级</translation>
        </message>
        <message>
            <source>The DEM is routed as in Flow direction and accumulation (depressions filled, D8 steepest descent). Channel cells are those with an upslope area of at least MIN_AREA km². Orders follow Strahler: a source has order 1; where two channels of the same highest order meet, the order increases by one. DEPRESSIONS chooses how depressions are routed (see Flow direction and accumulation): 0 fills them (default), 1 routes through them along the lowest path like GRASS r.watershed; GRADIENT always uses the filled DEM.</source>
            <translation>DEM 的汇流计算与“流向与汇流累积量”相同（先填洼，再按 D8 最陡坡降确定流向）。上游汇水面积不小于 MIN_AREA 平方千米的栅格为沟道栅格。沟道分级采用 Strahler 法：源头为 1 级；两条同为最高级别的沟道汇合后级别加一。DEPRESSIONS 决定洼地的处理方式（见“流向与汇流累积量”）：0 为填洼（默认），1 为像 GRASS r.watershed 那样沿最低路径穿过洼地；GRADIENT 始终按填洼后的 DEM 计算。</translation>
        </message>
    </context>
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
            <translation>全部</translation>
        </message>
        <message>
            <source>In all: {n} dams, body {body:.0f} m³, storage {sto:.0f} m³, silt {silt:.0f} m³.</source>
            <translation>合计：谷坊 {n} 座，坝体 {body:.0f} m³，库容 {sto:.0f} m³，淤积量 {silt:.0f} m³。</translation>
        </message>
    </context>
    <context>
        <name>ClosePatchesAlgorithm</name>
        <message>
            <source>Close verified patches (销号)</source>
            <translation>核查图斑销号</translation>
        </message>
        <message>
            <source>Reads back the patch layer of the remote-sensing supervision after the field check (fields 结论, 核查人, 日期, 照片, 备注 filled in offline) and says which patches are closed (已销号) and which stay open (未销号), with the reason, per patch and per project.</source>
            <translation>读回现场核查后的遥感监管图斑图层（离线填写的结论、核查人、日期、照片、备注字段），逐图斑、逐项目给出已销号和未销号的图斑及原因。</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>A patch is closed when it was 合规 and has no verdict (no field check needed; CLOSE_COMPLIANT), or when its verdict is one of CLOSING_VERDICTS (default 不属实, 非生产建设项目, 已整改) and the inspector (核查人) and the date of the check (日期, not after REFERENCE_DATE) are filled in, and a photo (照片) when REQUIRE_PHOTO is set. 属实 (violation confirmed) stays open until it is rectified and re-verified as 已整改; 无法核查 stays open. A project is closed when all its patches are; patches without a project (疑似未批先建) are listed under an empty project id.</source>
            <translation>图斑在以下情况销号：类别为合规且未填结论（无需现场核查；CLOSE_COMPLIANT）；或结论属于 CLOSING_VERDICTS（默认 不属实、非生产建设项目、已整改），且已填写核查人和核查日期（日期不晚于 REFERENCE_DATE），设置 REQUIRE_PHOTO 时还须有照片。属实（违规成立）的图斑在整改并复核为已整改之前保持未销号；无法核查的保持未销号。项目的全部图斑销号后项目销号；无项目的图斑（疑似未批先建）列在空项目编号下。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: the patches with their fields and STATUS (已销号 / 未销号), CLOSED (1/0), REASON and REASON_EN. PROJECTS: per project PROJECT_ID, PATCHES, CLOSED, OPEN, OPEN_IDS and STATUS (项目已销号 / 未完成销号).</source>
            <translation>OUTPUT：图斑及其字段，加 STATUS（已销号/未销号）、CLOSED（1/0）、REASON 和 REASON_EN。PROJECTS：每个项目的 PROJECT_ID、PATCHES、CLOSED、OPEN、OPEN_IDS 和 STATUS（项目已销号/未完成销号）。</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>Workflow interpret → field check (现场复核) → confirm and prosecute (认定查处) → close: 湖北 2017 (Hanspub paper 28557) and 办水保〔2019〕198号. The verdict list is the plugin's; provinces may use other words (CLOSING_VERDICTS).</source>
            <translation>流程：解译 → 现场复核 → 认定查处 → 销号：湖北 2017（Hanspub 论文 28557）及办水保〔2019〕198号。结论选项为本插件所定，各省可用其他措辞（CLOSING_VERDICTS）。</translation>
        </message>
        <message>
            <source>Verified patches (output of remote-sensing supervision)</source>
            <translation>已核查图斑（遥感监管的输出）</translation>
        </message>
        <message>
            <source>Patch id field</source>
            <translation>图斑编号字段</translation>
        </message>
        <message>
            <source>Project id field</source>
            <translation>项目编号字段</translation>
        </message>
        <message>
            <source>Category field</source>
            <translation>类别字段</translation>
        </message>
        <message>
            <source>Verdicts that close a patch (comma-separated)</source>
            <translation>可销号的核查结论（逗号分隔）</translation>
        </message>
        <message>
            <source>A closing verdict needs a photo</source>
            <translation>销号结论须附照片</translation>
        </message>
        <message>
            <source>Close compliant patches without a verdict</source>
            <translation>未填结论的合规图斑直接销号</translation>
        </message>
        <message>
            <source>Reference date (YYYY-MM-DD; empty = today)</source>
            <translation>统计日期（YYYY-MM-DD；留空为今天）</translation>
        </message>
        <message>
            <source>Closed and open patches</source>
            <translation>图斑销号情况</translation>
        </message>
        <message>
            <source>Closing per project</source>
            <translation>项目销号情况</translation>
        </message>
        <message>
            <source>Verified patches</source>
            <translation>已核查图斑</translation>
        </message>
        <message>
            <source>The layer has no verification fields {fields}: give the OUTPUT of remote-sensing supervision after the field check (its fields 结论, 核查人, 日期, 照片, 备注).</source>
            <translation>图层缺少核查字段 {fields}：请输入现场核查后的遥感监管输出图层（含结论、核查人、日期、照片、备注字段）。</translation>
        </message>
        <message>
            <source>The reference date “{value}” is not a date: write it as YYYY-MM-DD.</source>
            <translation>统计日期“{value}”不是日期：请写成 YYYY-MM-DD。</translation>
        </message>
        <message>
            <source>The output layer OUTPUT could not be created.</source>
            <translation>无法创建输出图层 OUTPUT。</translation>
        </message>
        <message>
            <source>{closed} of {total} patches closed; {projects} of {n} projects fully closed.</source>
            <translation>{total} 个图斑中 {closed} 个已销号；{n} 个项目中 {projects} 个全部销号。</translation>
        </message>
    </context>
    <context>
        <name>CreditListsAlgorithm</name>
        <message>
            <source>Credit lists (重点关注名单, 黑名单)</source>
            <translation>信用“两单”（重点关注名单、黑名单）</translation>
        </message>
        <message>
            <source>Puts the construction unit and the plan-writing, monitoring, supervision, design, construction and acceptance-report units of production and construction projects on the focus list (重点关注名单) and the black list (黑名单) from their dated findings, with the grounds, the entry and the exit dates (Hebei measures §三(六)).</source>
            <translation>根据带日期的违规认定，将生产建设项目的生产建设单位及方案编制、监测、监理、设计、施工、验收报告编制单位列入重点关注名单和黑名单，给出列入依据、列入日期和移出日期（河北实施意见 §三(六)）。</translation>
        </message>
        <message>
            <source>Criteria</source>
            <translation>列入标准</translation>
        </message>
        <message>
            <source>The focus list criteria per role are the rows of CRITERIA (default resources/tables/supervision_credit_criteria.csv, the published 列入标准 of the two lists): e.g. 生产建设单位 with 未批先建, 未批先弃 or 未验先投; a 方案编制单位 with two plans failing review for quality within 12 months; a 监测单位 with two late quarterly reports on the same project. TYPE_FIELD must hold the FINDING names of the table. An entity enters the focus list on the date of the finding that meets a criterion, for FOCUS_MONTHS. The BLACK_COUNT-th such case within that period (列入标准 二(一): 2 or more within the focus list's publication period, counting the one that put it there) moves it to the black list that day, for BLACK_MONTHS; so does any finding of a type in DIRECT_BLACK. Further cases while on the black list are added to the grounds and do not extend it.</source>
            <translation>各角色的重点关注名单标准为 CRITERIA 表中的各行（默认 resources/tables/supervision_credit_criteria.csv，即公布的“两单”列入标准）：如生产建设单位“未批先建”“未批先弃”“未验先投”；方案编制单位1年内有2个以上方案因质量问题未通过审查审批；监测单位同一项目的监测季报2次未按时提交。TYPE_FIELD 须使用该表 FINDING 列的名称。市场主体在满足某项标准的认定之日列入重点关注名单，期限 FOCUS_MONTHS。在该公开期内出现第 BLACK_COUNT 次此类情形（列入标准 二(一)：在重点关注名单公开期内发生2次以上，含列入时的一次）时，当日转入黑名单，期限 BLACK_MONTHS；DIRECT_BLACK 中的认定类型直接列入黑名单。在黑名单期内的新情形计入依据，不延长期限。</translation>
        </message>
        <message>
            <source>Unverified values</source>
            <translation>未核实的数值</translation>
        </message>
        <message>
            <source>The publication periods (12 and 36 months) and the number of the notice that issued the criteria (believed 办水保〔2020〕157号) were not verified; the other black-list grounds of the notice were not seen (DIRECT_BLACK is empty by default). Check them against the notice in force.</source>
            <translation>公开期限（12 个月和 36 个月）及发布列入标准的文件文号（推测为办水保〔2020〕157号）未经核实；该文件中黑名单的其他列入情形未见原文（DIRECT_BLACK 默认为空）。请对照现行文件核对。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: one row per stay on a list: ENTITY (CODE_FIELD, else the name), NAME, ROLES, LIST, ENTRY_DATE, EXIT_DATE, ACTIVE (是 / 否 on REFERENCE_DATE), MOVED_TO_BLACK, N_GROUNDS and GROUNDS (date, finding and project of each). CHECKED: every finding with the criterion it matched (CLAUSE), TRIGGERS (1 when it made a case) and NOTE (count so far, or 'none' when no criterion matches).</source>
            <translation>OUTPUT：每次列入名单一行：ENTITY（CODE_FIELD，否则为名称）、NAME、ROLES、LIST、ENTRY_DATE、EXIT_DATE、ACTIVE（统计日期时 是/否）、MOVED_TO_BLACK、N_GROUNDS 和 GROUNDS（每条依据的日期、情形和项目）。CHECKED：每条认定及其匹配的标准（CLAUSE）、TRIGGERS（构成一次情形时为 1）和 NOTE（累计次数，无匹配标准时为 none）。</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>《生产建设项目水土保持方案管理办法》 (水利部令第53号, 2023) 第二十七条 (credit supervision of these units); 生产建设项目水土保持市场主体“重点关注名单”及“黑名单”列入标准 (2020).</source>
            <translation>《生产建设项目水土保持方案管理办法》（水利部令第53号，2023）第二十七条（对上述单位的信用监管）；生产建设项目水土保持市场主体“重点关注名单”及“黑名单”列入标准（2020）。</translation>
        </message>
        <message>
            <source>Findings (table: entity, role, date, finding)</source>
            <translation>违规认定（表：主体、角色、日期、情形）</translation>
        </message>
        <message>
            <source>Entity name field</source>
            <translation>市场主体名称字段</translation>
        </message>
        <message>
            <source>Unified social credit code field (统一社会信用代码)</source>
            <translation>统一社会信用代码字段</translation>
        </message>
        <message>
            <source>Role field</source>
            <translation>角色字段</translation>
        </message>
        <message>
            <source>Finding date field</source>
            <translation>认定日期字段</translation>
        </message>
        <message>
            <source>Finding type field</source>
            <translation>情形类型字段</translation>
        </message>
        <message>
            <source>Project id field</source>
            <translation>项目编号字段</translation>
        </message>
        <message>
            <source>Criteria table (CSV; empty = the published criteria shipped)</source>
            <translation>列入标准表（CSV；留空为随附的公布标准）</translation>
        </message>
        <message>
            <source>Publication period of the focus list (months; unverified)</source>
            <translation>重点关注名单公开期限（月；未核实）</translation>
        </message>
        <message>
            <source>Publication period of the black list (months; unverified)</source>
            <translation>黑名单公开期限（月；未核实）</translation>
        </message>
        <message>
            <source>Cases within the focus period that put an entity on the black list</source>
            <translation>重点关注公开期内转入黑名单的情形次数</translation>
        </message>
        <message>
            <source>Finding types that lead straight to the black list (comma-separated)</source>
            <translation>直接列入黑名单的情形类型（逗号分隔）</translation>
        </message>
        <message>
            <source>Reference date (YYYY-MM-DD; empty = today)</source>
            <translation>统计日期（YYYY-MM-DD；留空为今天）</translation>
        </message>
        <message>
            <source>Credit lists</source>
            <translation>信用名单</translation>
        </message>
        <message>
            <source>Findings checked</source>
            <translation>认定核对表</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>违规认定</translation>
        </message>
        <message>
            <source>The reference date “{value}” is not a date: write it as YYYY-MM-DD.</source>
            <translation>统计日期“{value}”不是日期：请写成 YYYY-MM-DD。</translation>
        </message>
        <message>
            <source>The output table OUTPUT could not be created.</source>
            <translation>无法创建输出表 OUTPUT。</translation>
        </message>
        <message>
            <source>Finding types that match no criterion of the table (check their spelling against the FINDING column): {types}</source>
            <translation>以下情形类型不符合表中任何标准（请对照 FINDING 列检查写法）：{types}</translation>
        </message>
        <message>
            <source>On {day}: {focus} entities on the focus list, {black} on the black list.</source>
            <translation>{day}：重点关注名单 {focus} 个主体，黑名单 {black} 个。</translation>
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
        <message>
            <source>Dam axes</source>
            <translation>坝轴线</translation>
        </message>
    </context>
    <context>
        <name>DataPage</name>
        <message>
            <source>3. Data</source>
            <translation>3. 基础数据</translation>
        </message>
        <message>
            <source>Give the land use and the soil-loss factors. Every input is checked; the messages below say what to fix.</source>
            <translation>请提供土地利用和土壤流失因子数据。每项输入都会检查，下方提示说明需要修改的内容。</translation>
        </message>
        <message>
            <source>Read the codes</source>
            <translation>读取地类编码</translation>
        </message>
        <message>
            <source>Land-survey (三调) preset</source>
            <translation>三调地类预设</translation>
        </message>
        <message>
            <source>Land-use code</source>
            <translation>地类编码</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Land use</source>
            <translation>土地利用</translation>
        </message>
        <message>
            <source>Layer (polygons or raster)</source>
            <translation>图层（面或栅格）</translation>
        </message>
        <message>
            <source>Code field (polygons)</source>
            <translation>编码字段（面图层）</translation>
        </message>
        <message>
            <source>Raster</source>
            <translation>栅格</translation>
        </message>
        <message>
            <source>Soil polygons with a K field</source>
            <translation>含 K 值字段的土壤图斑</translation>
        </message>
        <message>
            <source>For a raster of soil classes: a CSV table code,K</source>
            <translation>土壤类型栅格对应的 CSV 表（code,K）</translation>
        </message>
        <message>
            <source>Soil-loss factors and other layers</source>
            <translation>土壤流失因子及其他图层</translation>
        </message>
        <message>
            <source>Land-use table → B, T</source>
            <translation>地类 → B、T 因子表</translation>
        </message>
        <message>
            <source>Soil erodibility K</source>
            <translation>土壤可蚀性因子 K</translation>
        </message>
        <message>
            <source>K layer (raster or soil polygons)</source>
            <translation>K 图层（栅格或土壤图斑）</translation>
        </message>
        <message>
            <source>K table (soil classes)</source>
            <translation>K 值表（土壤类型）</translation>
        </message>
        <message>
            <source>Rainfall erosivity R</source>
            <translation>降雨侵蚀力因子 R</translation>
        </message>
        <message>
            <source>Counties / townships</source>
            <translation>县 / 乡镇</translation>
        </message>
        <message>
            <source>Existing measures (type field)</source>
            <translation>现有措施（类型字段）</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>（请选择）</translation>
        </message>
        <message>
            <source>The DEM cannot be read: go back and choose a DEM.</source>
            <translation>无法读取 DEM：请返回上一步选择 DEM。</translation>
        </message>
        <message>
            <source>The DEM must be in a projected CRS in metres (e.g. CGCS2000 3-degree Gauss-Krüger, EPSG:4527): reproject it first.</source>
            <translation>DEM 必须采用以米为单位的投影坐标系（如 CGCS2000 3 度高斯-克吕格投影，EPSG:4527）：请先进行投影转换。</translation>
        </message>
        <message>
            <source>The DEM cells are {size:.0f} m: slopes and soil loss are understated on DEMs coarser than 30 m.</source>
            <translation>DEM 栅格大小为 {size:.0f} 米：分辨率粗于 30 米的 DEM 会低估坡度和土壤流失量。</translation>
        </message>
        <message>
            <source>Choose the land-use layer.</source>
            <translation>请选择土地利用图层。</translation>
        </message>
        <message>
            <source>The land-use layer must contain polygons.</source>
            <translation>土地利用图层必须为面图层。</translation>
        </message>
        <message>
            <source>Choose the land-use code field.</source>
            <translation>请选择地类编码字段。</translation>
        </message>
        <message>
            <source>The land-use layer does not overlap the DEM: check its CRS.</source>
            <translation>土地利用图层与 DEM 不重叠：请检查其坐标系。</translation>
        </message>
        <message>
            <source>The code table is empty: press “Read the codes”.</source>
            <translation>编码表为空：请点击“读取地类编码”。</translation>
        </message>
        <message>
            <source>Choose a category for the land-use codes {codes}.</source>
            <translation>请为地类编码 {codes} 选择类别。</translation>
        </message>
        <message>
            <source>Choose the K layer or set K to a constant.</source>
            <translation>请选择 K 图层或将 K 设为常数。</translation>
        </message>
        <message>
            <source>Choose the K field of the soil polygons.</source>
            <translation>请选择土壤图斑的 K 值字段。</translation>
        </message>
        <message>
            <source>Choose the R raster or set R to a constant.</source>
            <translation>请选择 R 栅格或将 R 设为常数。</translation>
        </message>
        <message>
            <source>Choose the land-use table (CSV: code, B, T) that matches the land-use codes.</source>
            <translation>请选择与地类编码对应的地类因子表（CSV：code、B、T）。</translation>
        </message>
        <message>
            <source>The K table {path} does not exist.</source>
            <translation>K 值表 {path} 不存在。</translation>
        </message>
        <message>
            <source>Choose the name field of the counties/townships.</source>
            <translation>请选择县/乡镇的名称字段。</translation>
        </message>
        <message>
            <source>Choose the measure-type field of the existing measures.</source>
            <translation>请选择现有措施的措施类型字段。</translation>
        </message>
        <message>
            <source>All inputs are usable.</source>
            <translation>所有输入均可用。</translation>
        </message>
        <message>
            <source>DEM: {path}</source>
            <translation>DEM：{path}</translation>
        </message>
        <message>
            <source>SL 190-2007: 200 in the northern rocky mountains (Hebei), 500 in the southern red-soil hills, 1 000 on the Loess Plateau</source>
            <translation>SL 190-2007：北方土石山区（河北）200，南方红壤丘陵区 500，西北黄土高原区 1 000</translation>
        </message>
        <message>
            <source>Tolerable soil loss</source>
            <translation>容许土壤流失量</translation>
        </message>
        <message>
            <source>Soil polygons with sand, silt, clay and organic carbon</source>
            <translation>含砂粒、粉粒、黏粒和有机碳字段的土壤图斑</translation>
        </message>
        <message>
            <source>Constant (assumed)</source>
            <translation>常数（假定）</translation>
        </message>
        <message>
            <source>Typing a value makes K a constant, and the report says so.</source>
            <translation>输入数值即把 K 作为常数，报告将注明。</translation>
        </message>
        <message>
            <source>Sand (%)</source>
            <translation>砂粒（%）</translation>
        </message>
        <message>
            <source>Silt (%)</source>
            <translation>粉粒（%）</translation>
        </message>
        <message>
            <source>Clay (%)</source>
            <translation>黏粒（%）</translation>
        </message>
        <message>
            <source>Organic carbon (%)</source>
            <translation>有机碳（%）</translation>
        </message>
        <message>
            <source>Station daily rainfall</source>
            <translation>站点日降雨量</translation>
        </message>
        <message>
            <source>Typing a value makes R a constant, and the report says so.</source>
            <translation>输入数值即把 R 作为常数，报告将注明。</translation>
        </message>
        <message>
            <source>Daily rainfall: one row per station and day (CSV, xlsx or layer)</source>
            <translation>日降雨量：每站每日一行（CSV、xlsx 或图层）</translation>
        </message>
        <message>
            <source>Station id</source>
            <translation>站号</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Daily rainfall (mm)</source>
            <translation>日降雨量（mm）</translation>
        </message>
        <message>
            <source>Rain gauges: points with the same station id field</source>
            <translation>雨量站：含相同站号字段的点</translation>
        </message>
        <message>
            <source>永久基本农田 (permanent basic farmland): the plan lays no terraces and no retirement to forest or grass on cropland inside it, only conservation tillage.</source>
            <translation>永久基本农田：规划不在其中的耕地上修梯田，也不退耕还林还草，只布设保护性耕作。</translation>
        </message>
        <message>
            <source>Texture fields: sand, silt, clay, OC (%)</source>
            <translation>质地字段：砂粒、粉粒、黏粒、有机碳（%）</translation>
        </message>
        <message>
            <source>Daily rainfall: table, station, date, mm</source>
            <translation>日降雨量：表、站号、日期、mm</translation>
        </message>
        <message>
            <source>Rain gauges (points)</source>
            <translation>雨量站（点）</translation>
        </message>
        <message>
            <source>Permanent basic farmland (optional)</source>
            <translation>永久基本农田（可选）</translation>
        </message>
        <message>
            <source>Give K: a K raster, soil polygons with a K field or with their texture, or type a constant K (typical values 0.002–0.05).</source>
            <translation>请给出 K：K 栅格、含 K 值字段或含质地字段的土壤图斑，或输入常数 K（典型值 0.002–0.05）。</translation>
        </message>
        <message>
            <source>Soil polygons are needed for K from a K field or from the texture.</source>
            <translation>由 K 值字段或质地计算 K 需要土壤图斑。</translation>
        </message>
        <message>
            <source>Choose the sand, silt, clay and organic-carbon fields (%) of the soil polygons.</source>
            <translation>请选择土壤图斑的砂粒、粉粒、黏粒和有机碳字段（%）。</translation>
        </message>
        <message>
            <source>K is assumed constant: the report says so on its first page.</source>
            <translation>K 按常数假定：报告首页将注明。</translation>
        </message>
        <message>
            <source>Give R: station daily rainfall, an R raster, or type a constant R (Hebei mountains: about 1 000–5 000 MJ·mm/(hm²·h·a)).</source>
            <translation>请给出 R：站点日降雨量、R 栅格，或输入常数 R（河北山区约 1 000–5 000 MJ·mm/(hm²·h·a)）。</translation>
        </message>
        <message>
            <source>R is assumed constant: the report says so on its first page. Hebei R spans about 1 000–5 000 MJ·mm/(hm²·h·a); a constant shifts whole intensity classes.</source>
            <translation>R 按常数假定：报告首页将注明。河北 R 约为 1 000–5 000 MJ·mm/(hm²·h·a)；采用常数会使整个侵蚀强度等级偏移。</translation>
        </message>
        <message>
            <source>Choose the daily-rainfall table (station, date, rainfall in mm).</source>
            <translation>请选择日降雨量表（站号、日期、降雨量 mm）。</translation>
        </message>
        <message>
            <source>Choose the station, date and rainfall fields of the daily-rainfall table.</source>
            <translation>请选择日降雨量表的站号、日期和降雨量字段。</translation>
        </message>
        <message>
            <source>Choose the rain gauges (points with the station id field).</source>
            <translation>请选择雨量站（含站号字段的点）。</translation>
        </message>
        <message>
            <source>The rain gauges have no field {field}: they need the station id field of the table.</source>
            <translation>雨量站没有字段 {field}：需要与降雨量表相同的站号字段。</translation>
        </message>
    </context>
    <context>
        <name>DatabaseAlgorithm</name>
        <message>
            <source>Provincial database</source>
            <translation>省级数据库</translation>
        </message>
        <message>
            <source>Database (a PostgreSQL connection saved in QGIS)</source>
            <translation>数据库（QGIS 中保存的 PostgreSQL 连接）</translation>
        </message>
        <message>
            <source>Authentication configuration (user name and password; overrides the connection's)</source>
            <translation>认证配置（用户名和密码；优先于连接中的设置）</translation>
        </message>
        <message>
            <source>Choose the database connection (DATABASE).</source>
            <translation>请选择数据库连接（DATABASE）。</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>There is no PostgreSQL connection named “{name}” in this QGIS profile (known: {known}). Add it in the Browser panel (PostgreSQL ▸ New Connection).</source>
            <translation>当前 QGIS 配置中没有名为“{name}”的 PostgreSQL 连接（已有：{known}）。请在浏览器面板中添加（PostgreSQL ▸ 新建连接）。</translation>
        </message>
        <message>
            <source>The authentication configuration {id} cannot be read (wrong id, or the master password was not given).</source>
            <translation>无法读取认证配置 {id}（编号错误，或未提供主密码）。</translation>
        </message>
        <message>
            <source>The authentication configuration {id} uses the method {method}; the database algorithms read Basic (user name and password) configurations. Use a libpq service or ~/.pgpass for other methods.</source>
            <translation>认证配置 {id} 使用 {method} 方式；数据库算法只读取 Basic（用户名和密码）配置。其他方式请使用 libpq 服务或 ~/.pgpass。</translation>
        </message>
        <message>
            <source>Connected to {where}.</source>
            <translation>已连接到 {where}。</translation>
        </message>
    </context>
    <context>
        <name>ErodedForestAlgorithm</name>
        <message>
            <source>Eroded forest land</source>
            <translation>水蚀林地</translation>
        </message>
        <message>
            <source>Finds eroded forest land (水蚀林地) for the survey of the Hebei measures: forest cells whose soil loss is at or above the tolerance, grouped into patches, each with its area, slope and a suggested measure.</source>
            <translation>为河北若干措施的水蚀林地调查查找水蚀林地：土壤流失量达到或超过容许值的林地像元，合并为图斑，给出每个图斑的面积、坡度和建议措施。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>A cell is eroded forest when its land-use code matches FOREST_CODES (default 03*, the 三调 forest classes 0301 乔木林地, 0302 竹林地, 0305 灌木林地, 0307 其他林地; a raster code 301 is read as 0301), its soil loss (t/km²·a, e.g. SOIL_LOSS of the soil-loss algorithm) is at or above TOLERANCE (SL 190-2007: light erosion or above) and, when FVC and MAX_FVC are given, its vegetation cover is below MAX_FVC (same unit as the FVC raster). Eroded cells form 8-connected patches (exact unions of cells); patches below MIN_AREA (ha) are dropped. Slope: Horn's method on the DEM, as gdaldem slope.</source>
            <translation>像元为水蚀林地的条件：地类编码符合 FOREST_CODES（默认 03*，即三调林地 0301 乔木林地、0302 竹林地、0305 灌木林地、0307 其他林地；栅格编码 301 按 0301 读取），土壤流失量（t/km²·a，例如土壤流失算法的 SOIL_LOSS）达到或超过 TOLERANCE（SL 190-2007：轻度及以上），且在给出 FVC 和 MAX_FVC 时植被覆盖度低于 MAX_FVC（与 FVC 栅格单位相同）。水蚀像元组成 8 邻接图斑（像元的精确并集）；小于 MIN_AREA（公顷）的图斑被舍去。坡度：对 DEM 用 Horn 方法计算，与 gdaldem slope 相同。</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>措施</translation>
        </message>
        <message>
            <source>The patch's mean slope selects a row of MEASURE_TABLE (CSV: code, name_zh, name_en, min_slope, max_slope, source; a patch takes the row with min_slope &lt; slope ≤ max_slope). The shipped table: ≤ 15° 树盘 tree basins, 15–25° 水平阶 level benches, 25–35° 鱼鳞坑 fish-scale pits, &gt; 35° fish-scale pits with 截排水 catch and drainage ditches; its sources and their status are in the file. Edit a copy to change them.</source>
            <translation>图斑平均坡度选择 MEASURE_TABLE 中的一行（CSV：code, name_zh, name_en, min_slope, max_slope, source；图斑取 min_slope &lt; 坡度 ≤ max_slope 的行）。随插件提供的表：≤ 15° 树盘，15–25° 水平阶，25–35° 鱼鳞坑，&gt; 35° 鱼鳞坑加截排水沟；其依据及核实状态写在文件中。修改副本即可调整。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: one polygon per patch with PATCH, AREA_HA, AREA_MU, MEAN_SLOPE, MAX_SLOPE (degrees), MEAN_LOSS (t/km²·a), MEAN_FVC, MEASURE (Chinese), MEASURE_EN, MEASURE_CODE and SOURCE, styled by measure. The log gives the forest area, the eroded forest area and what the minimum area removed.</source>
            <translation>OUTPUT：每个图斑一个面要素，字段 PATCH、AREA_HA、AREA_MU、MEAN_SLOPE、MAX_SLOPE（度）、MEAN_LOSS（t/km²·a）、MEAN_FVC、MEASURE（中文）、MEASURE_EN、MEASURE_CODE 和 SOURCE，按措施符号化。日志给出林地面积、水蚀林地面积以及因最小面积舍去的部分。</translation>
        </message>
        <message>
            <source>Soil loss (t/km²·a)</source>
            <translation>土壤侵蚀模数（t/(km²·a)）</translation>
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
            <source>Forest land-use codes (comma-separated, * wildcard)</source>
            <translation>林地地类编码（逗号分隔，可用 * 通配符）</translation>
        </message>
        <message>
            <source>Minimum patch area (ha)</source>
            <translation>最小图斑面积（公顷）</translation>
        </message>
        <message>
            <source>Vegetation cover (optional)</source>
            <translation>植被覆盖度（可选）</translation>
        </message>
        <message>
            <source>Only cells with cover below (same unit as the cover raster)</source>
            <translation>仅取覆盖度低于此值的像元（与覆盖度栅格单位相同）</translation>
        </message>
        <message>
            <source>Measure table (CSV)</source>
            <translation>措施表（CSV）</translation>
        </message>
        <message>
            <source>Eroded forest patches</source>
            <translation>水蚀林地图斑</translation>
        </message>
        <message>
            <source>Give at least one forest land-use code (FOREST_CODES), e.g. 03*.</source>
            <translation>请至少给出一个林地地类编码（FOREST_CODES），例如 03*。</translation>
        </message>
        <message>
            <source>Give both the cover raster (FVC) and the cover limit (MAX_FVC), or neither.</source>
            <translation>请同时给出覆盖度栅格（FVC）和覆盖度上限（MAX_FVC），或两者都不给。</translation>
        </message>
        <message>
            <source>Forest with a soil-loss value: {forest:.2f} ha; eroded forest (≥ {tol:g} t/km²·a): {eroded:.2f} ha; {n} patches of {kept:.2f} ha kept, {removed} patches of {small:.2f} ha below the minimum area left out.</source>
            <translation>有土壤流失值的林地：{forest:.2f} 公顷；水蚀林地（≥ {tol:g} t/km²·a）：{eroded:.2f} 公顷；保留 {n} 个图斑共 {kept:.2f} 公顷，{removed} 个图斑共 {small:.2f} 公顷小于最小面积而舍去。</translation>
        </message>
        <message>
            <source>No forest cell has a soil-loss value: check FOREST_CODES and that the layers overlap.</source>
            <translation>没有林地像元具有土壤流失值：请检查 FOREST_CODES 以及各图层是否重叠。</translation>
        </message>
        <message>
            <source>{measure} ({lo:g}–{hi:g}°): {area:.2f} ha.</source>
            <translation>{measure}（{lo:g}–{hi:g}°）：{area:.2f} 公顷。</translation>
        </message>
        <message>
            <source>The land-use layer (LANDUSE) could not be loaded.</source>
            <translation>无法加载土地利用图层（LANDUSE）。</translation>
        </message>
        <message>
            <source>Forest codes in the land-use raster: {codes}.</source>
            <translation>地类栅格中的林地编码：{codes}。</translation>
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
            <source>{n} of {total} land-use polygons are forest.</source>
            <translation>{total} 个地类图斑中有 {n} 个为林地。</translation>
        </message>
    </context>
    <context>
        <name>ErosionChangeAlgorithm</name>
        <message>
            <source>Erosion change between two years</source>
            <translation>两年间的土壤侵蚀变化</translation>
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
        <message>
            <source>Compares the water erosion of two monitoring years (the annual dynamic monitoring): per unit the class transition matrix, the change of the eroded area and of the soil-and-water-conservation rate, and a map of the class change.</source>
            <translation>比较两个监测年份的水力侵蚀（年度动态监测）：逐单元给出强度等级转移矩阵、水土流失面积和水土保持率的变化，以及等级变化图。</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>BEFORE and AFTER: erosion intensity rasters (classes 1–6 of SL 190-2007) or soil-loss rasters (t/km²·a, graded with TOLERANCE as in the soil-loss algorithm: exactly the tolerance is light, exactly 2 500 moderate). The kinds are detected (an integer raster with values 0–6 is intensity) or set. AFTER is resampled onto BEFORE's grid when the grids differ (same CRS). ZONES (optional): the units; polygons sharing a ZONE_FIELD value form one unit.</source>
            <translation>BEFORE 和 AFTER：土壤侵蚀强度栅格（SL 190-2007 的 1–6 级）或土壤流失量栅格（t/km²·a，按 TOLERANCE 分级，与土壤流失算法相同：恰为容许值为轻度，恰为 2 500 为中度）。类型可自动识别（取值 0–6 的整型栅格视为强度）或指定。格网不同时（坐标系须相同）AFTER 重采样到 BEFORE 的格网。ZONES（可选）：统计单元；ZONE_FIELD 值相同的多边形合为一个单元。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>Both years are compared on the cells that have a value in both (the common area). Eroded = light or above; SWC rate = (common area − eroded area) / common area × 100. Cells with a value in one year only are reported as NODATA_KM2 with the coverage of the unit; a coverage below 99 % gives a warning.</source>
            <translation>两年只在两年都有值的像元（共同区域）上比较。水土流失 = 轻度及以上；水土保持率 = （共同面积 − 水土流失面积）/ 共同面积 × 100。只有一年有值的像元记为 NODATA_KM2，并给出单元的覆盖率；覆盖率低于 99 % 时给出警告。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: one row per unit with AREA_KM2 (common area), NODATA_KM2, POLY_KM2, COVER_PCT, BEFORE_ERODED_KM2, AFTER_ERODED_KM2, ERODED_CHANGE_KM2, BEFORE_RATE, AFTER_RATE, RATE_CHANGE (percentage points), IMPROVED_KM2, UNCHANGED_KM2, WORSENED_KM2, the area per class of each year (B_… and A_…), and for two soil-loss rasters BEFORE_LOSS_T, AFTER_LOSS_T (t/a) and LOSS_CHANGE_PCT. MATRIX: per unit the 36 transitions FROM_CLASS → TO_CLASS with AREA_KM2. CHANGE: after − before in classes (−5 … +5; negative = less erosion), nodata where a year has no value.</source>
            <translation>OUTPUT：每个单元一行，字段 AREA_KM2（共同面积）、NODATA_KM2、POLY_KM2、COVER_PCT、BEFORE_ERODED_KM2、AFTER_ERODED_KM2、ERODED_CHANGE_KM2、BEFORE_RATE、AFTER_RATE、RATE_CHANGE（百分点）、IMPROVED_KM2、UNCHANGED_KM2、WORSENED_KM2、两年各等级面积（B_… 和 A_…），两幅均为土壤流失量栅格时另有 BEFORE_LOSS_T、AFTER_LOSS_T（t/a）和 LOSS_CHANGE_PCT。MATRIX：每个单元 36 种转移 FROM_CLASS → TO_CLASS 及 AREA_KM2。CHANGE：后一年减前一年的等级差（−5 … +5；负值为侵蚀减轻），任一年无值处为无数据。</translation>
        </message>
        <message>
            <source>Earlier year: intensity or soil-loss raster</source>
            <translation>前一年：强度或土壤流失量栅格</translation>
        </message>
        <message>
            <source>Earlier raster holds</source>
            <translation>前一年栅格的内容</translation>
        </message>
        <message>
            <source>Later year: intensity or soil-loss raster</source>
            <translation>后一年：强度或土壤流失量栅格</translation>
        </message>
        <message>
            <source>Later raster holds</source>
            <translation>后一年栅格的内容</translation>
        </message>
        <message>
            <source>Units (e.g. counties, townships)</source>
            <translation>统计单元（如县、乡镇）</translation>
        </message>
        <message>
            <source>Unit name field</source>
            <translation>单元名称字段</translation>
        </message>
        <message>
            <source>Erosion change per unit</source>
            <translation>各单元土壤侵蚀变化</translation>
        </message>
        <message>
            <source>Class transitions</source>
            <translation>等级转移</translation>
        </message>
        <message>
            <source>Class change</source>
            <translation>等级变化</translation>
        </message>
        <message>
            <source>Earlier raster</source>
            <translation>前一年栅格</translation>
        </message>
        <message>
            <source>Later raster</source>
            <translation>后一年栅格</translation>
        </message>
        <message>
            <source>{label} read as {kind}.</source>
            <translation>{label}按{kind}读取。</translation>
        </message>
        <message>
            <source>The later raster was resampled onto the grid of the earlier one.</source>
            <translation>后一年栅格已重采样到前一年栅格的格网。</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>统计单元</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Erosion class change</source>
            <translation>侵蚀等级变化</translation>
        </message>
        <message>
            <source>{n} classes less erosion</source>
            <translation>侵蚀减轻 {n} 级</translation>
        </message>
        <message>
            <source>1 class less erosion</source>
            <translation>侵蚀减轻 1 级</translation>
        </message>
        <message>
            <source>{n} classes more erosion</source>
            <translation>侵蚀加重 {n} 级</translation>
        </message>
        <message>
            <source>1 class more erosion</source>
            <translation>侵蚀加重 1 级</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>不变</translation>
        </message>
        <message>
            <source>{zone}: no cell has a value in both years.</source>
            <translation>{zone}：没有两年都有值的像元。</translation>
        </message>
        <message>
            <source>{zone}: eroded {b:.4g} → {a:.4g} km² ({d:+.4g} km²); SWC rate {rb:.2f} → {ra:.2f} % ({dr:+.2f} points); improved {imp:.4g} km², worsened {wor:.4g} km².</source>
            <translation>{zone}：水土流失面积 {b:.4g} → {a:.4g} km²（{d:+.4g} km²）；水土保持率 {rb:.2f} → {ra:.2f} %（{dr:+.2f} 个百分点）；减轻 {imp:.4g} km²，加重 {wor:.4g} km²。</translation>
        </message>
        <message>
            <source>{zone}: only {cover:.1f} % of the unit has a value in both years ({nodata:.4g} km² without); the figures refer to the common area.</source>
            <translation>{zone}：单元中只有 {cover:.1f} % 两年都有值（{nodata:.4g} km² 缺值）；各数值指共同区域。</translation>
        </message>
    </context>
    <context>
        <name>ExportPackageAlgorithm</name>
        <message>
            <source>Export results to an exchange package (offline)</source>
            <translation>导出成果到交换包（离线）</translation>
        </message>
        <message>
            <source>For a county without a connection to the provincial database: writes one result layer or table, for a county (ADCODE) and year, into a GeoPackage package with the database's schema. Run it once per result (the package collects them), send the file, and the province loads it with Import an exchange package.</source>
            <translation>供无法连接省级数据库的县使用：把某县（ADCODE）某年的一个成果图层或表写入与数据库结构相同的 GeoPackage 交换包。每个成果运行一次（交换包会累积保存），把文件报送省级，由省级用“导入交换包”载入。</translation>
        </message>
        <message>
            <source>Package</source>
            <translation>交换包</translation>
        </message>
        <message>
            <source>The same tables and columns as the database (swc_publications, one table per result kind, swc_schema_version), geometries in EPSG:4490. An existing package is appended to, in one transaction: an export killed midway leaves the package as it was. Exporting the same kind, county and year again keeps both versions (the older one gets valid_to); the province's import keeps them too.</source>
            <translation>表和列与数据库相同（swc_publications、每种成果类型一张表、swc_schema_version），几何为 EPSG:4490。已有交换包在一个事务中追加：导出中途被终止时交换包保持原样。再次导出同一成果类型、县和年份时两个版本都保留（较旧版本设置 valid_to）；省级导入时同样保留。</translation>
        </message>
        <message>
            <source>Fields</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>As in Publish results: fields matched by name, the rest in extra (JSON); PUBLISHER signs the rows (default: the computer's login name).</source>
            <translation>与“发布成果”相同：字段按名称匹配，其余字段存入 extra（JSON）；PUBLISHER 为各行署名（默认：本机登录名）。</translation>
        </message>
        <message>
            <source>Published by (default: this computer's login)</source>
            <translation>发布人（默认：本机登录名）</translation>
        </message>
        <message>
            <source>Exchange package (appended to when it exists)</source>
            <translation>交换包（已存在时追加）</translation>
        </message>
        <message>
            <source>Publication</source>
            <translation>发布记录</translation>
        </message>
        <message>
            <source>Publication id</source>
            <translation>发布编号</translation>
        </message>
        <message>
            <source>{kind} {adcode} {year} ({status}): {n} rows in {path}.</source>
            <translation>{kind} {adcode} {year}（{status}）：{n} 行已写入 {path}。</translation>
        </message>
    </context>
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
            <source>Terrace detection</source>
            <translation>梯田识别</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>类别</translation>
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
        <message>
            <source>steep permanent basic farmland: not retired (outside the retirement scope)</source>
            <translation>陡坡永久基本农田：不退耕（不在退耕范围内）</translation>
        </message>
        <message>
            <source>steep high-standard farmland: not retired (outside the retirement scope)</source>
            <translation>陡坡高标准农田：不退耕（不在退耕范围内）</translation>
        </message>
        <message>
            <source>Horn slope in degrees (as gdaldem slope) of the DEM cells whose centre lies in the parcel: mean and 90th percentile (0.1° bins, ±0.05°). SLOPE_CLASS is the class holding the largest area of the parcel, as the land survey assigns it (利用DEM确定耕地坡度分级技术规定: 面积最大的坡度级; ties go to the lower class), with the breaks BREAKS (default 2,6,15,25: the national cropland classes 1–5, upper bound included); MEAN_CLASS is the class of the mean slope. A parcel smaller than a cell may hold no cell centre; it keeps empty statistics and is reported.</source>
            <translation>图斑内栅格中心所在 DEM 栅格的 Horn 坡度（度，与 gdaldem slope 一致）：平均值和第 90 百分位数（0.1° 分档，±0.05°）。SLOPE_CLASS 为图斑内面积最大的坡度级，与国土调查赋值方法一致（利用DEM确定耕地坡度分级技术规定：面积最大的坡度级；面积相同取较低一级），分级界限为 BREAKS（默认 2,6,15,25：全国耕地坡度级 1–5，上含下不含）；MEAN_CLASS 为平均坡度所在的坡度级。小于一个栅格的图斑可能不含栅格中心，其统计值为空并在日志中报告。</translation>
        </message>
        <message>
            <source>A level terrace has the overall gradient of its hillside but its cells split into flat benches and steep risers, whereas an untreated slope of the same mean gradient is unimodal. The detector fits a plane to the parcel (PLANE_SLOPE θp) and computes each cell's local slope on its 2×2 block, the finest slope the grid shows (Horn's 3×3 kernel blurs benches narrower than three cells). Bench cells have a local slope ≤ 0.5·θp; the terrace index TERR_INDEX is their share, and a parcel whose mean slope is above the first break is a terrace when TERR_INDEX ≥ TERRACE_INDEX_MIN (default 0.3). BENCH_SLOPE is the tilt of the mean gradient of the bench cells (level benches ≈ 0°; DEM noise averages out); PLANAR_SHARE is the share of cells with a local slope of 0.6–1.6·θp, stretches that look like an untreated slope (broken or washed-out risers). The DEM decides the type only where its cell resolves the benches of the parcel's slope band: the narrowest typical bench of the band (reference sections of GB/T 16453.1: 10 m at 0–5°, 8 m at 5–10°, 7 m at 10–15°, 6 m at 15–20°, 5 m at 20–25° and steeper) must span at least BENCH_CELLS cells (default 2: one 2×2 block on the bench), and the cell must be ≤ 5 m. So a 5 m DEM sees benches on slopes up to 5° only, a 2.5 m DEM on every band. Elsewhere DEM_TERRACE = 0 and the type comes from TYPE_FIELD (TT/梯田 = terrace, PD/坡地 = slope land; DET_SOURCE = survey), or every sloping parcel is taken as slope land (DET_SOURCE = assumed); BENCH_CELLS gives the band's bench in DEM cells. DEMs interpolated from contour lines can show false benches between contours; use a terrain model from LiDAR, UAV photogrammetry or a smoothed DTM.</source>
            <translation>水平梯田的总体坡度与所在山坡相同，但其栅格分为平缓的田面和陡峭的田坎；同样平均坡度的未治理坡面则为单峰分布。识别方法对图斑拟合平面（PLANE_SLOPE θp），并在每个栅格的 2×2 窗口上计算局部坡度，这是格网能反映的最细坡度（Horn 3×3 算子会抹平窄于三个栅格的田面）。局部坡度 ≤ 0.5·θp 的栅格为田面栅格，其占比为梯田指数 TERR_INDEX；平均坡度大于第一个分级界限的图斑在 TERR_INDEX ≥ TERRACE_INDEX_MIN（默认 0.3）时判为梯田。BENCH_SLOPE 为田面栅格平均梯度向量的倾角（水平田面 ≈ 0°，DEM 噪声相互抵消）；PLANAR_SHARE 为局部坡度在 0.6–1.6·θp 之间的栅格占比，即看似未治理坡面的部分（田坎损毁或冲毁）。只有当 DEM 栅格能分辨图斑所在坡度带的田面时才由 DEM 判定类型：该坡度带最窄的典型田面宽度（GB/T 16453.1 参考断面：0–5° 为 10 m，5–10° 为 8 m，10–15° 为 7 m，15–20° 为 6 m，20–25° 及更陡为 5 m）须至少跨 BENCH_CELLS 个栅格（默认 2：田面上至少有一个 2×2 窗口），且栅格 ≤ 5 m。因此 5 m DEM 只能识别 5° 以下坡面上的田面，2.5 m DEM 可识别所有坡度带。其余情况下 DEM_TERRACE = 0，类型取自 TYPE_FIELD（TT/梯田 = 梯田，PD/坡地 = 坡地；DET_SOURCE = survey），未提供时所有有坡度的图斑均按坡地处理（DET_SOURCE = assumed）；BENCH_CELLS 给出该坡度带田面宽度相当的栅格数。由等高线插值生成的 DEM 会在等高线之间出现假田面，请使用激光雷达、无人机摄影测量或经平滑的 DTM。</translation>
        </message>
        <message>
            <source>Cropland parcels (LANDUSE_FIELD in CROPLAND_CODES, default 0101 水田, 0102 水浇地, 0103 旱地; every parcel without LANDUSE_FIELD) get a CATEGORY from the rule table resources/tables/farmland_category_rules.csv (first matching row wins; editable, or give your own in RULES_TABLE): flat = mean slope in the first class, or a sound level terrace; gentle = slope land ≤ 6°; convert = slope land above 6° up to BAN_SLOPE (坡改梯); retire = slope land above BAN_SLOPE (SWC Law Art. 20: 退耕还林还草; Hebei: 20° in the catchments of large and medium reservoirs); upgrade = terrace with benches no longer level (BENCH_SLOPE &gt; BENCH_SLOPE_MAX, default 3°), with broken risers (PLANAR_SHARE &gt; RISER_BREAK_MAX, default 0.25), without a road within ROAD_DISTANCE (only with ROADS), or recorded as a terrace by the survey while a DEM fine enough for its benches shows none. Slopes are the parcel's mean slope. The ban slope of a parcel with at least OVERLAP_SHARE (default 0.5) of its area in RESERVOIR_CATCHMENTS is RESERVOIR_THRESHOLD (Hebei: 20° in the catchments of large and medium reservoirs; BAN_USED). A parcel the rules retire that lies (by the same share) in BASIC_FARMLAND (永久基本农田) or HIGH_STANDARD_FARMLAND (built 高标准农田) is not retired — the retirement scope excludes both — and gets CATEGORY basic_farmland (rule P01) or high_standard (P02) with a conservation measure; BF_SHARE, HSF_SHARE, RES_SHARE give the shares, PROTECTED the layer.</source>
            <translation>耕地图斑（LANDUSE_FIELD 属于 CROPLAND_CODES，默认 0101 水田、0102 水浇地、0103 旱地；未指定 LANDUSE_FIELD 时全部图斑）按规则表 resources/tables/farmland_category_rules.csv 确定 CATEGORY（第一条匹配的规则生效；可编辑，或在 RULES_TABLE 中提供自己的表）：flat = 平均坡度在第一级内，或完好的水平梯田；gentle = ≤ 6° 的坡地；convert = 6° 以上至 BAN_SLOPE 的坡地（坡改梯）；retire = BAN_SLOPE 以上的坡地（水土保持法第二十条：退耕还林还草；河北：大中型水库汇水区内 20°）；upgrade = 田面不再水平（BENCH_SLOPE &gt; BENCH_SLOPE_MAX，默认 3°）、田坎损毁（PLANAR_SHARE &gt; RISER_BREAK_MAX，默认 0.25）、ROAD_DISTANCE 内无道路（仅在提供 ROADS 时），或调查记为梯田而足以分辨其田面的 DEM 上看不到田面的梯田。坡度均为图斑平均坡度。面积中至少 OVERLAP_SHARE（默认 0.5）位于 RESERVOIR_CATCHMENTS 内的图斑，禁垦坡度为 RESERVOIR_THRESHOLD（河北：大中型水库汇水区内 20°；BAN_USED）。规则判为退耕、但（按同一比例）位于 BASIC_FARMLAND（永久基本农田）或 HIGH_STANDARD_FARMLAND（已建高标准农田）内的图斑不退耕——退耕范围不包括这两类——其 CATEGORY 为 basic_farmland（规则 P01）或 high_standard（P02），并给出保护措施；BF_SHARE、HSF_SHARE、RES_SHARE 为相应占比，PROTECTED 为所在图层。</translation>
        </message>
        <message>
            <source>OUTPUT: the parcels with their own fields plus PARCEL_FID, CROPLAND, AREA_M2, AREA_HA, AREA_MU, CELLS, SLOPE_MEAN, SLOPE_P90, PLANE_SLOPE, SLOPE_CLASS (1–5), CLASS_RANGE, TERR_INDEX, BENCH_SLOPE, PLANAR_SHARE, DETECTED (flat / terrace / slopeland) and DET_LABEL, DET_SOURCE (dem / survey / assumed), SURVEY_TYPE, SURVEY_GRADE, TYPE_FLAG, GRADE_FLAG, MISMATCH, CATEGORY (flat / gentle / convert / retire / upgrade / basic_farmland / high_standard) and CAT_LABEL, RULE, REGION, MEASURE and MEASURE_LABEL, DIST_ROAD, DIST_SETTLE (m), PRIORITY, BENCH_W, RISER_H, RISER_ANG, RISERS, EARTH_M3, MEAN_CLASS, DEM_TERRACE, BENCH_CELLS, BAN_USED, BF_SHARE, HSF_SHARE, RES_SHARE, PROTECTED. Codes are stable for models and scripts; the *_LABEL fields are translated. SUMMARY: per zone of ZONES (county or township; a parcel belongs to the zone holding its point on surface), category and slope class: PARCELS, AREA_M2, AREA_HA, AREA_MU of the cropland parcels.</source>
            <translation>OUTPUT：图斑保留自身字段，并增加 PARCEL_FID、CROPLAND、AREA_M2、AREA_HA、AREA_MU、CELLS、SLOPE_MEAN、SLOPE_P90、PLANE_SLOPE、SLOPE_CLASS（1–5）、CLASS_RANGE、TERR_INDEX、BENCH_SLOPE、PLANAR_SHARE、DETECTED（flat / terrace / slopeland）及 DET_LABEL、DET_SOURCE（dem / survey / assumed）、SURVEY_TYPE、SURVEY_GRADE、TYPE_FLAG、GRADE_FLAG、MISMATCH、CATEGORY（flat / gentle / convert / retire / upgrade / basic_farmland / high_standard）及 CAT_LABEL、RULE、REGION、MEASURE 及 MEASURE_LABEL、DIST_ROAD、DIST_SETTLE（m）、PRIORITY、BENCH_W、RISER_H、RISER_ANG、RISERS、EARTH_M3、MEAN_CLASS、DEM_TERRACE、BENCH_CELLS、BAN_USED、BF_SHARE、HSF_SHARE、RES_SHARE、PROTECTED。编码稳定，供模型和脚本使用；*_LABEL 字段为译文。SUMMARY：按 ZONES 分区（县或乡镇；图斑归入包含其内点的分区）、类别和坡度级统计耕地图斑的 PARCELS、AREA_M2、AREA_HA、AREA_MU。</translation>
        </message>
        <message>
            <source>Permanent basic farmland (永久基本农田; never retired)</source>
            <translation>永久基本农田（永不退耕）</translation>
        </message>
        <message>
            <source>Built high-standard farmland (高标准农田; never retired)</source>
            <translation>已建高标准农田（永不退耕）</translation>
        </message>
        <message>
            <source>Catchments of large and medium reservoirs</source>
            <translation>大中型水库汇水区</translation>
        </message>
        <message>
            <source>Ban slope inside reservoir catchments (degrees)</source>
            <translation>水库汇水区内禁垦坡度（度）</translation>
        </message>
        <message>
            <source>Share of a parcel inside farmland or catchment layers from which it counts as inside</source>
            <translation>图斑位于农田或汇水区图层内的面积占比达到该值即视为位于其内</translation>
        </message>
        <message>
            <source>DEM cells a bench must span for terraces to be read from the DEM</source>
            <translation>由 DEM 识别梯田时田面至少应跨的栅格数</translation>
        </message>
        <message>
            <source>Permanent basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <source>High-standard farmland</source>
            <translation>高标准农田</translation>
        </message>
        <message>
            <source>Reservoir catchments</source>
            <translation>水库汇水区</translation>
        </message>
        <message>
            <source>{n} sloping parcels lie on slopes whose terrace benches are narrower than {cells:g} DEM cells of {size:g} m (the narrowest typical bench of each slope band); their terrace / slope-land type is taken from the survey's type field{extra} (DEM_TERRACE = 0).</source>
            <translation>{n} 个有坡度的图斑所在坡度带的梯田田面窄于 {cells:g} 个 {size:g} m 的 DEM 栅格（按各坡度带最窄的典型田面）；其梯田/坡地类型取自调查的耕地类型字段{extra}（DEM_TERRACE = 0）。</translation>
        </message>
        <message>
            <source>; none is given, so they are taken as slope land</source>
            <translation>；未提供该字段，按坡地处理</translation>
        </message>
        <message>
            <source>{n} cropland parcels above the ban slope are permanent basic farmland or high-standard farmland: they are not proposed for retirement (categories basic_farmland, high_standard).</source>
            <translation>{n} 个禁垦坡度以上的耕地图斑为永久基本农田或高标准农田：不列入退耕建议（类别 basic_farmland、high_standard）。</translation>
        </message>
    </context>
    <context>
        <name>FillSinksAlgorithm</name>
        <message>
            <source>Fill sinks</source>
            <translation>填洼</translation>
        </message>
        <message>
            <source>Raises every closed depression (sink) of a DEM to the elevation at which it spills, so that every cell drains to the edge of the DEM or to a nodata area.</source>
            <translation>将 DEM 中每个封闭洼地填高到其溢出高程，使每个栅格都能排水至 DEM 边缘或无数据区域。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>The fill level of a cell is the lowest elevation at which water standing on it could leave the DEM: the smallest, over all paths to the edge or to nodata, of the highest cell on the path. It is computed exactly (the same result as a priority-flood fill, without an epsilon slope); cells that already drain keep their elevation. Nodata areas inside the DEM act as outlets.</source>
            <translation>栅格的填洼高程是其上积水能够流出 DEM 的最低高程：在所有通往边缘或无数据区的路径中，取路径最高点的最小值。计算是精确的（与优先队列淹没法结果相同，不加微小坡度）；本来就能排水的栅格高程不变。DEM 内部的无数据区域作为出口。</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <source>The whole DEM is processed in memory, about 48 bytes per cell. Larger DEMs are refused with a message; raise the memory limit (advanced) if the machine has the memory.</source>
            <translation>整个 DEM 在内存中处理，每个栅格约 48 字节。超出上限的 DEM 会被拒绝并给出提示；若计算机内存充足，可提高内存上限（高级参数）。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: filled DEM (Float32, nodata -9999). The log reports the number of filled cells, the deepest fill and the fill volume.</source>
            <translation>OUTPUT：填洼后的 DEM（Float32，无数据值 -9999）。日志报告被填栅格数、最大填深和填方体积。</translation>
        </message>
        <message>
            <source>Filled DEM</source>
            <translation>填洼后的 DEM</translation>
        </message>
        <message>
            <source>Filled {cells} cells; deepest fill {depth:.2f} m; fill volume {volume:.0f} m³.</source>
            <translation>已填 {cells} 个栅格；最大填深 {depth:.2f} 米；填方体积 {volume:.0f} 立方米。</translation>
        </message>
    </context>
    <context>
        <name>FlowAccumulationAlgorithm</name>
        <message>
            <source>Flow direction and accumulation</source>
            <translation>流向与汇流累积量</translation>
        </message>
        <message>
            <source>Routes runoff over a DEM: fills its depressions, gives every cell a single (D8) flow direction and computes the upslope area draining through each cell.</source>
            <translation>在 DEM 上进行汇流计算：填洼，为每个栅格确定单一（D8）流向，并计算流经每个栅格的上游汇水面积。</translation>
        </message>
        <message>
            <source>Flow directions</source>
            <translation>流向</translation>
        </message>
        <message>
            <source>Each cell drains to the neighbour with the steepest descent (drop divided by distance, so diagonals count √2 cell sizes). Codes: 1 = east, 2 = south-east, 4 = south, 8 = south-west, 16 = west, 32 = north-west, 64 = north, 128 = north-east (the ArcGIS convention); 0 = nodata. A cell on the DEM edge or next to nodata with no lower neighbour points out of the DEM there. Depressions are filled first (as Fill sinks); on flats, including filled depressions, water takes the shortest path to the flat's outlet.</source>
            <translation>每个栅格流向坡降最陡的相邻栅格（高差除以距离，对角方向距离按 √2 个栅格计）。编码：1 = 东，2 = 东南，4 = 南，8 = 西南，16 = 西，32 = 西北，64 = 北，128 = 东北（ArcGIS 约定）；0 = 无数据。位于 DEM 边缘或与无数据区相邻且没有更低相邻栅格的栅格，流向 DEM 之外。先填洼（同“填洼”）；在平地（包括填平的洼地）上，水流沿最短路径流向平地出口。</translation>
        </message>
        <message>
            <source>Accumulation</source>
            <translation>汇流累积量</translation>
        </message>
        <message>
            <source>ACCUMULATION is the upslope (contributing) area in m², the cell itself included: number of upslope cells × cell area. Divide by 1 000 000 for km².</source>
            <translation>ACCUMULATION 为上游汇水面积（平方米），包括栅格本身：上游栅格数 × 栅格面积。除以 1 000 000 得平方千米。</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <source>The whole DEM is processed in memory, about 64 bytes per cell (17 million cells need about 1 GB). Larger DEMs are refused with a message; raise the memory limit (advanced) if the machine has the memory.</source>
            <translation>整个 DEM 在内存中处理，每个栅格约 64 字节（1700 万个栅格约需 1 GB）。超出上限的 DEM 会被拒绝并给出提示；若计算机内存充足，可提高内存上限（高级参数）。</translation>
        </message>
        <message>
            <source>Flow direction (D8)</source>
            <translation>流向（D8）</translation>
        </message>
        <message>
            <source>Upslope area (m²)</source>
            <translation>上游汇水面积（平方米）</translation>
        </message>
        <message>
            <source>Largest upslope area: {km2:.3f} km².</source>
            <translation>最大上游汇水面积：{km2:.3f} 平方千米。</translation>
        </message>
        <message>
            <source>east</source>
            <translation>东</translation>
        </message>
        <message>
            <source>south-east</source>
            <translation>东南</translation>
        </message>
        <message>
            <source>south</source>
            <translation>南</translation>
        </message>
        <message>
            <source>south-west</source>
            <translation>西南</translation>
        </message>
        <message>
            <source>west</source>
            <translation>西</translation>
        </message>
        <message>
            <source>north-west</source>
            <translation>西北</translation>
        </message>
        <message>
            <source>north</source>
            <translation>北</translation>
        </message>
        <message>
            <source>north-east</source>
            <translation>东北</translation>
        </message>
        <message>
            <source>Depressions</source>
            <translation>洼地处理</translation>
        </message>
        <message>
            <source>DEPRESSIONS = 0 (default): depressions are filled to their spill level and flats are crossed along the shortest path to their outlet. DEPRESSIONS = 1: no elevation is changed; water flows down into each depression and out again along the lowest path, in the search order of GRASS r.watershed -s (same directions cell by cell on the DEMs tested). Use 1 to match GRASS or where a depression is a real valley floor (a reservoir, an embankment); it takes about as long as r.watershed -s (twice the filling mode) and needs about 88 bytes per cell.</source>
            <translation>DEPRESSIONS = 0（默认）：洼地填平至溢出高程，平地沿最短路径流向其出口。DEPRESSIONS = 1：不改变任何高程；水流入每个洼地并沿最低路径流出，按 GRASS r.watershed -s 的搜索顺序（在已测试的 DEM 上逐栅格流向相同）。需与 GRASS 一致或洼地为真实谷底（水库、堤坝）时使用 1；耗时与 r.watershed -s 相当（约为填洼模式的两倍），每个栅格约需 88 字节内存。</translation>
        </message>
    </context>
    <context>
        <name>ImportPackageAlgorithm</name>
        <message>
            <source>Import an exchange package</source>
            <translation>导入交换包</translation>
        </message>
        <message>
            <source>Loads a package written by Export results to an exchange package into the provincial database: every publication it holds that the database lacks, in one transaction (all or nothing). Importing the same package twice changes nothing.</source>
            <translation>把“导出成果到交换包”生成的交换包载入省级数据库：在一个事务中导入数据库尚未有的全部发布（要么全部导入，要么全不导入）。同一交换包导入两次不会产生任何变化。</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Each publication keeps its own time and signature: a package older than what the database holds for the same kind, county and year is inserted as a closed version and does not replace the newer one. The import is signed with the importing login (imported_by).</source>
            <translation>每次发布保留其自身的时间和署名：若交换包比数据库中同一成果类型、县和年份的版本更旧，则作为已关闭的历史版本插入，不替换较新的版本。导入记录导入人的登录名（imported_by）。</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Run it with the province's role; a county role may import only its own county's publications (row-level security).</source>
            <translation>请以省级角色运行；县级角色只能导入本县的发布（行级安全）。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: per publication PUB_ID, KIND, ADCODE, YEAR, STATUS, ROWS, IMPORTED (1/0).</source>
            <translation>OUTPUT：每次发布一行，含 PUB_ID、KIND、ADCODE、YEAR、STATUS、ROWS、IMPORTED（1/0）。</translation>
        </message>
        <message>
            <source>Exchange package (GeoPackage)</source>
            <translation>交换包（GeoPackage）</translation>
        </message>
        <message>
            <source>Imported publications</source>
            <translation>已导入的发布</translation>
        </message>
        <message>
            <source>Publications imported</source>
            <translation>已导入的发布数</translation>
        </message>
        <message>
            <source>Publications already present</source>
            <translation>已存在的发布</translation>
        </message>
        <message>
            <source>{n} publications imported, {m} already present.</source>
            <translation>已导入 {n} 次发布，{m} 次已存在。</translation>
        </message>
    </context>
    <context>
        <name>KeyZonesAlgorithm</name>
        <message>
            <source>Key prevention and treatment zones (candidates by unit)</source>
            <translation>水土流失重点预防区和重点治理区（按单元提出候选）</translation>
        </message>
        <message>
            <source>key treatment zone</source>
            <translation>重点治理区</translation>
        </message>
        <message>
            <source>key prevention zone</source>
            <translation>重点预防区</translation>
        </message>
        <message>
            <source>neither</source>
            <translation>非重点防治区</translation>
        </message>
        <message>
            <source>Treatment: eroded area (light or above) from (% of the unit)</source>
            <translation>治理区：水土流失面积（轻度及以上）下限（占单元面积 %）</translation>
        </message>
        <message>
            <source>Treatment: area at moderate or above from (% of the unit)</source>
            <translation>治理区：中度及以上侵蚀面积下限（占单元面积 %）</translation>
        </message>
        <message>
            <source>Prevention: water-source and river-head area from (% of the unit)</source>
            <translation>预防区：水源地和江河源头区面积下限（占单元面积 %）</translation>
        </message>
        <message>
            <source>Prevention: banned steep slopes from (% of the unit)</source>
            <translation>预防区：禁止开垦陡坡地面积下限（占单元面积 %）</translation>
        </message>
        <message>
            <source>Prevention: mean vegetation cover from (%)</source>
            <translation>预防区：平均植被覆盖度下限（%）</translation>
        </message>
        <message>
            <source>Prevention by cover: eroded area below (% of the unit)</source>
            <translation>按植被覆盖划预防区：水土流失面积上限（占单元面积 %）</translation>
        </message>
        <message>
            <source>Least share of the unit with an intensity class (%)</source>
            <translation>单元内有侵蚀强度分级的最小面积占比（%）</translation>
        </message>
        <message>
            <source>Proposes, unit by unit (townships or any polygons), candidates for the key prevention zones (水土流失重点预防区) and the key treatment zones (水土流失重点治理区) that each level adjusts (Hebei 若干措施 2023 §二(一)), from the erosion intensity, the vegetation cover, water-source and river-head areas and the steep-slope ban. The result is a proposal for the planner: the division itself follows the provincial rules.</source>
            <translation>逐单元（乡镇或任意多边形）提出水土流失重点预防区和重点治理区的候选，供各级调整（河北若干措施 2023 §二(一)），依据为土壤侵蚀强度、植被覆盖度、水源地和江河源头区以及禁止开垦陡坡地范围。结果为供规划人员参考的建议，正式划分按省级规定执行。</translation>
        </message>
        <message>
            <source>Basis</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>SWC Law (2010) Art. 12: areas with a large potential risk of soil erosion are delimited as key prevention zones, areas with severe erosion as key treatment zones. The guide is SL 717-2015 (水土流失重点防治区划分导则); its thresholds were not available to the authors, so every threshold here is a parameter whose default is a proposal to check against the guide and the provincial rules. Provincial divisions take the township as the unit (Guizhou, Jiangsu) and use the share of slight erosion, the potential-risk share and the forest-grass cover for prevention and the erosion intensity for treatment (Guangdong 2018).</source>
            <translation>水土保持法（2010）第十二条：对水土流失潜在危险较大的区域，应当划定为水土流失重点预防区；对水土流失严重的区域，应当划定为水土流失重点治理区。技术依据为 SL 717-2015《水土流失重点防治区划分导则》；编写者未能获得其指标阈值，因此这里每个阈值都是参数，默认值仅为建议，须对照导则和省级规定核实。省级划分以乡镇为单元（贵州、江苏），预防区采用水土流失轻微率、潜在危险区面积比和林草覆盖率，治理区采用土壤侵蚀强度（广东 2018）。</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>INTENSITY: the SL 190-2007 water-erosion classes 1 微度 … 6 剧烈 (e.g. the INTENSITY output of Soil loss); cells of other values are unclassified. Per unit (cells whose centre lies in it): area per class, ERODED_PCT (light or above = 水土流失面积) and MODERATE_PCT (moderate or above) of the classified area, SLIGHT_PCT (水土流失轻微率), COVER_PCT (classified share of the unit); FVC_MEAN (mean vegetation cover, %, a stand-in for the forest-grass cover; fractions 0–1 or percent, told apart by the maximum); WATER_PCT (share in WATER_SOURCES: drinking-water protection areas, river-head areas); BAN_PCT (share in BAN: the OUTPUT of No-reclamation steep slopes).</source>
            <translation>INTENSITY：SL 190-2007 水力侵蚀强度分级 1 微度 … 6 剧烈（如土壤流失量算法的 INTENSITY 输出）；其他取值的栅格视为未分级。每个单元（栅格中心位于单元内）统计：各级面积，ERODED_PCT（轻度及以上 = 水土流失面积）和 MODERATE_PCT（中度及以上）占已分级面积的比例，SLIGHT_PCT（水土流失轻微率），COVER_PCT（已分级面积占单元的比例）；FVC_MEAN（平均植被覆盖度，%，代替林草覆盖率；按最大值区分 0–1 小数与百分数）；WATER_PCT（位于 WATER_SOURCES 内的比例：饮用水水源保护区、江河源头区）；BAN_PCT（位于 BAN 内的比例：分县禁止开垦陡坡地划定的 OUTPUT）。</translation>
        </message>
        <message>
            <source>Classes</source>
            <translation>分类</translation>
        </message>
        <message>
            <source>Key treatment (treatment): ERODED_PCT ≥ TREAT_ERODED_PCT (default 30) or MODERATE_PCT ≥ TREAT_MODERATE_PCT (10). Key prevention (prevention), for a unit that is not treatment: WATER_PCT ≥ PREVENT_WATER_PCT (20), or BAN_PCT ≥ PREVENT_BAN_PCT (20), or FVC_MEAN ≥ PREVENT_FVC_PCT (60) with ERODED_PCT &lt; PREVENT_ERODED_MAX_PCT (15). Otherwise none; also none where COVER_PCT &lt; MIN_COVERAGE_PCT (50). Treatment comes first; TREAT_MET and PREV_MET say which criteria a unit meets, REASONS which (eroded, moderate, water, ban, cover, nodata). All defaults are unverified proposals [U].</source>
            <translation>重点治理区（treatment）：ERODED_PCT ≥ TREAT_ERODED_PCT（默认 30）或 MODERATE_PCT ≥ TREAT_MODERATE_PCT（10）。重点预防区（prevention），仅对非治理区单元：WATER_PCT ≥ PREVENT_WATER_PCT（20），或 BAN_PCT ≥ PREVENT_BAN_PCT（20），或 FVC_MEAN ≥ PREVENT_FVC_PCT（60）且 ERODED_PCT &lt; PREVENT_ERODED_MAX_PCT（15）。其余为 none；COVER_PCT &lt; MIN_COVERAGE_PCT（50）的单元也为 none。治理区优先；TREAT_MET 和 PREV_MET 表示单元满足哪类条件，REASONS 列出满足的条件（eroded、moderate、water、ban、cover、nodata）。所有默认值均为未经核实的建议 [U]。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: the units with UNIT, AREA_KM2, COVER_PCT, SLIGHT_KM2 … SEVERE_KM2, ERODED_KM2, ERODED_PCT, MODERATE_PCT, SLIGHT_PCT, FVC_MEAN, WATER_PCT, BAN_PCT, TREAT_MET, PREV_MET, ZONE_CLASS (stable code: treatment / prevention / none), ZONE_NAME (重点治理区 / 重点预防区, the official names in every language), ZONE_LABEL (translated) and REASONS; styled by ZONE_CLASS.</source>
            <translation>OUTPUT：单元及 UNIT、AREA_KM2、COVER_PCT、SLIGHT_KM2 … SEVERE_KM2、ERODED_KM2、ERODED_PCT、MODERATE_PCT、SLIGHT_PCT、FVC_MEAN、WATER_PCT、BAN_PCT、TREAT_MET、PREV_MET、ZONE_CLASS（稳定编码：treatment / prevention / none）、ZONE_NAME（重点治理区 / 重点预防区，各语言下均为正式名称）、ZONE_LABEL（译文）和 REASONS；按 ZONE_CLASS 配色。</translation>
        </message>
        <message>
            <source>Units (e.g. townships)</source>
            <translation>单元（如乡镇）</translation>
        </message>
        <message>
            <source>Unit name field</source>
            <translation>单元名称字段</translation>
        </message>
        <message>
            <source>Erosion intensity (SL 190 classes 1–6)</source>
            <translation>土壤侵蚀强度（SL 190 分级 1–6）</translation>
        </message>
        <message>
            <source>Vegetation cover FVC (fraction or %)</source>
            <translation>植被覆盖度 FVC（小数或 %）</translation>
        </message>
        <message>
            <source>Water-source protection and river-head areas</source>
            <translation>水源保护区和江河源头区</translation>
        </message>
        <message>
            <source>Banned steep slopes (steepslopeban OUTPUT)</source>
            <translation>禁止开垦陡坡地（steepslopeban 的 OUTPUT）</translation>
        </message>
        <message>
            <source>Units with indicators and key-zone class</source>
            <translation>含指标和重点防治区类别的单元</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>统计单元</translation>
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
            <source>fractions 0–1</source>
            <translation>0–1 小数</translation>
        </message>
        <message>
            <source>Water-source areas</source>
            <translation>水源地范围</translation>
        </message>
        <message>
            <source>Banned steep slopes</source>
            <translation>禁止开垦陡坡地</translation>
        </message>
        <message>
            <source>Indicators of {n} units…</source>
            <translation>正在统计 {n} 个单元的指标……</translation>
        </message>
        <message>
            <source>{t} key treatment, {p} key prevention, {n} other units.</source>
            <translation>重点治理区 {t} 个，重点预防区 {p} 个，其他单元 {n} 个。</translation>
        </message>
        <message>
            <source>Key prevention and treatment zones</source>
            <translation>水土流失重点预防区和重点治理区</translation>
        </message>
    </context>
    <context>
        <name>LanduseSlopeAlgorithm</name>
        <message>
            <source>Land use by slope class</source>
            <translation>分坡度级土地利用</translation>
        </message>
        <message>
            <source>Crosses the land use with the slope classes inside a boundary (a small watershed): the land-use status table of a plan (土地利用现状表) by slope class, in ha, mu and %, and a combined raster for swcplanner:measureplan.</source>
            <translation>在边界（小流域）内将土地利用与坡度级叠加：按坡度级的规划土地利用现状表（公顷、亩、%），以及供 swcplanner:measureplan 使用的组合栅格。</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>SLOPE: slope classes 1–9 (the OUTPUT of swcplanner:slopeclasses; 0 = nodata); its grid is the grid of every output. LANDUSE: a raster of land-use codes (nearest neighbour onto the grid, reprojected if needed) or polygons with the code in LANDUSE_FIELD (a cell takes the polygon containing its centre; the later polygon wins where they overlap). BOUNDARY (optional): only cells whose centre is inside count.</source>
            <translation>SLOPE：坡度级 1–9（swcplanner:slopeclasses 的 OUTPUT；0 = 无数据），其格网即所有输出的格网。LANDUSE：地类代码栅格（按最邻近法重采样到格网，必要时重投影），或代码在 LANDUSE_FIELD 中的多边形（像元取包含其中心的多边形；重叠处以后面的多边形为准）。BOUNDARY（可选）：只统计中心在边界内的像元。</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>CATEGORY_TABLE (CSV: code, category) turns codes into the seven categories cropland, orchard, forest, grass, bare, water and built (an exact code first, else the longest code that is a prefix). The default is the land survey (三调, TD/T 1055-2019) table resources/tables/landuse_categories_sandiao.csv. Codes without a category are left out and listed in a warning.</source>
            <translation>CATEGORY_TABLE（CSV：code, category）把代码归入七类：cropland 耕地、orchard 园地、forest 林地、grass 草地、bare 裸地、water 水域、built 建设用地（先精确匹配代码，否则取作为前缀的最长代码）。默认为国土三调（TD/T 1055-2019）表 resources/tables/landuse_categories_sandiao.csv。没有类别的代码不参与统计，并在警告中列出。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: combined raster, category × 10 + slope class (category 1 cropland, 2 orchard, 3 forest, 4 grass, 5 bare, 6 water, 7 built; 0 = nodata). CATEGORIES: the category raster. TABLE: one row per land use and slope class (CLASS 0 = all classes; LANDUSE total = all land uses) with AREA_M2, AREA_HA, AREA_MU (亩, 666.67 m²) and PCT (share of the total). Areas are planar, cell count × cell area.</source>
            <translation>OUTPUT：组合栅格，类别 × 10 + 坡度级（类别 1 耕地、2 园地、3 林地、4 草地、5 裸地、6 水域、7 建设用地；0 = 无数据）。CATEGORIES：类别栅格。TABLE：每种土地利用和坡度级一行（CLASS 0 = 全部坡度级；LANDUSE 为 total = 全部土地利用），含 AREA_M2、AREA_HA、AREA_MU（亩，666.67 m²）和 PCT（占总面积的比例）。面积为平面面积，像元数 × 像元面积。</translation>
        </message>
        <message>
            <source>Slope classes (swcplanner:slopeclasses)</source>
            <translation>坡度分级（swcplanner:slopeclasses）</translation>
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
            <source>Land-use code → category table (CSV: code, category)</source>
            <translation>地类代码 → 类别表（CSV：code, category）</translation>
        </message>
        <message>
            <source>Boundary (e.g. the watershed)</source>
            <translation>边界（如流域）</translation>
        </message>
        <message>
            <source>Land use × slope class</source>
            <translation>地类 × 坡度级</translation>
        </message>
        <message>
            <source>Land-use categories</source>
            <translation>土地利用类别</translation>
        </message>
        <message>
            <source>Land use by slope class (areas)</source>
            <translation>分坡度级土地利用（面积）</translation>
        </message>
        <message>
            <source>The land-use layer (LANDUSE) could not be loaded.</source>
            <translation>无法加载土地利用图层（LANDUSE）。</translation>
        </message>
        <message>
            <source>The land-use raster must be a GDAL raster file.</source>
            <translation>土地利用栅格必须是 GDAL 栅格文件。</translation>
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
            <source>Boundary</source>
            <translation>边界</translation>
        </message>
        <message>
            <source>Land-use codes without a category in {table}, left out: {codes}. Add them to the table.</source>
            <translation>{table} 中没有类别的地类代码未参与统计：{codes}。请把它们加入该表。</translation>
        </message>
        <message>
            <source>Area with land use and slope class: {ha:.2f} ha ({mu:.1f} mu).</source>
            <translation>有土地利用和坡度级的面积：{ha:.2f} 公顷（{mu:.1f} 亩）。</translation>
        </message>
        <message>
            <source>{landuse}, slope class {k}</source>
            <translation>{landuse}，坡度第 {k} 级</translation>
        </message>
        <message>
            <source>Cropland</source>
            <translation>耕地</translation>
        </message>
        <message>
            <source>Orchard</source>
            <translation>园地</translation>
        </message>
        <message>
            <source>Forest</source>
            <translation>林地</translation>
        </message>
        <message>
            <source>Grassland</source>
            <translation>草地</translation>
        </message>
        <message>
            <source>Bare and other land</source>
            <translation>裸地及其他土地</translation>
        </message>
        <message>
            <source>Water</source>
            <translation>水域</translation>
        </message>
        <message>
            <source>Built-up land</source>
            <translation>建设用地</translation>
        </message>
    </context>
    <context>
        <name>LayerResultAlgorithm</name>
        <message>
            <source>Result layer or table (an output of an SWC Planner algorithm)</source>
            <translation>成果图层或表（SWC Planner 算法的输出）</translation>
        </message>
        <message>
            <source>Result kind</source>
            <translation>成果类型</translation>
        </message>
        <message>
            <source>County adcode (6 digits, e.g. 130731)</source>
            <translation>县级行政区划代码（6 位，如 130731）</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <source>Draft (only the county and the province can read it)</source>
            <translation>草稿（仅本县和省级可读）</translation>
        </message>
        <message>
            <source>Algorithm that produced the result (default: the kind's)</source>
            <translation>生成该成果的算法（默认：该成果类型对应的算法）</translation>
        </message>
        <message>
            <source>Its parameters (JSON)</source>
            <translation>其参数（JSON）</translation>
        </message>
        <message>
            <source>SOURCE_PARAMETERS is not JSON: {reason}</source>
            <translation>SOURCE_PARAMETERS 不是有效的 JSON：{reason}</translation>
        </message>
        <message>
            <source>SOURCE_PARAMETERS must be a JSON object ({"NAME": value, …}).</source>
            <translation>SOURCE_PARAMETERS 必须是 JSON 对象（{"NAME": value, …}）。</translation>
        </message>
        <message>
            <source>The result layer (INPUT) could not be loaded.</source>
            <translation>无法加载成果图层（INPUT）。</translation>
        </message>
        <message>
            <source>The kind {kind} holds geometries; the layer INPUT has none.</source>
            <translation>成果类型 {kind} 含几何，但图层 INPUT 没有几何。</translation>
        </message>
        <message>
            <source>The kind {kind} is a table: the geometries are not stored.</source>
            <translation>成果类型 {kind} 是表：不保存几何。</translation>
        </message>
        <message>
            <source>Empty results</source>
            <translation>空结果</translation>
        </message>
        <message>
            <source>An empty layer (a county with nothing of the kind that year, for example no slope above the ban threshold) is written as a publication of 0 rows. It replaces an earlier version like any other, and the province can tell the county apart from one that has not reported.</source>
            <translation>空图层（县当年没有该类结果，例如没有超过禁垦坡度的坡地）按 0 行的发布写入。它与其他发布一样替换先前的版本，省级据此可将该县与尚未上报的县区分开。</translation>
        </message>
        <message>
            <source>The layer INPUT has no feature: a publication of 0 rows is written for {adcode} {year} (the county has nothing of the kind {kind}). If that is not so, check the layer and its filter.</source>
            <translation>图层 INPUT 没有要素：为 {adcode} {year} 写入 0 行的发布（该县没有 {kind} 类结果）。如果并非如此，请检查图层及其筛选条件。</translation>
        </message>
    </context>
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
            <source>Slope breaks for the exponent m (degrees)</source>
            <translation>坡长指数 m 的坡度分界（度）</translation>
        </message>
        <message>
            <source>Exponent m per slope class</source>
            <translation>各坡度级的坡长指数 m</translation>
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
        <message>
            <source>No output requested: give at least one of L_FACTOR, S_FACTOR, LS_FACTOR.</source>
            <translation>未指定任何输出：请至少给出 L_FACTOR、S_FACTOR、LS_FACTOR 之一。</translation>
        </message>
    </context>
    <context>
        <name>MeasurePlanAlgorithm</name>
        <message>
            <source>Measure allocation</source>
            <translation>措施配置</translation>
        </message>
        <message>
            <source>Allocation table</source>
            <translation>措施配置表</translation>
        </message>
        <message>
            <source>ALLOCATION (CSV: landuse, class1 … classN) gives one measure code per land use (cropland, orchard, forest, grass, bare, water, built) and slope class. Without it the preset of REGION is used (resources/tables/measure_allocation_bashang, _yanshan, _taihang.csv; their basis is in the files: SWC Law Art. 20, the Hebei implementing measures, GB/T 16453.2; planning defaults to adapt per watershed). A land use the table does not list gets no measure. Measure codes: none, enclosure, soilforest_pits, soilforest_benches, econforest_pits, econforest_benches, grass, terrace, tillage.</source>
            <translation>ALLOCATION（CSV：landuse, class1 … classN）为每种土地利用（cropland 耕地、orchard 园地、forest 林地、grass 草地、bare 裸地、water 水域、built 建设用地）和坡度级给出一个措施代码。未给出时使用 REGION 的预设（resources/tables/measure_allocation_bashang、_yanshan、_taihang.csv；依据见文件：水土保持法第二十条、河北省实施办法、GB/T 16453.2；为规划默认值，需按流域调整）。表中未列出的土地利用不布设措施。措施代码：none、enclosure、soilforest_pits、soilforest_benches、econforest_pits、econforest_benches、grass、terrace、tillage。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
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
            <source>Land use × slope class (swcplanner:landuseslope)</source>
            <translation>土地利用 × 坡度级（swcplanner:landuseslope）</translation>
        </message>
        <message>
            <source>Region preset (when no allocation table is given)</source>
            <translation>区域预设（未给出措施配置表时）</translation>
        </message>
        <message>
            <source>Allocation table (CSV: landuse, class1 … classN)</source>
            <translation>措施配置表（CSV：landuse, class1 … classN）</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>措施</translation>
        </message>
        <message>
            <source>Measure polygons</source>
            <translation>措施图斑</translation>
        </message>
        <message>
            <source>Measure areas</source>
            <translation>措施面积</translation>
        </message>
        <message>
            <source>Allocation table: {path}</source>
            <translation>措施配置表：{path}</translation>
        </message>
        <message>
            <source>{measure}: {ha:.2f} ha ({pct:.1f} %)</source>
            <translation>{measure}：{ha:.2f} 公顷（{pct:.1f} %）</translation>
        </message>
        <message>
            <source>Polygonising the measures…</source>
            <translation>正在将措施转为多边形…</translation>
        </message>
        <message>
            <source>No measure</source>
            <translation>不设措施</translation>
        </message>
        <message>
            <source>Enclosure (closing hillsides)</source>
            <translation>封育治理（封山育林）</translation>
        </message>
        <message>
            <source>Soil-conservation forest, fish-scale pits</source>
            <translation>水土保持林（鱼鳞坑整地）</translation>
        </message>
        <message>
            <source>Soil-conservation forest, level benches</source>
            <translation>水土保持林（水平阶整地）</translation>
        </message>
        <message>
            <source>Economic forest, fish-scale pits</source>
            <translation>经济林（鱼鳞坑整地）</translation>
        </message>
        <message>
            <source>Economic forest, level benches</source>
            <translation>经济林（水平阶整地）</translation>
        </message>
        <message>
            <source>Grass planting</source>
            <translation>种草</translation>
        </message>
        <message>
            <source>Slope-to-terrace conversion</source>
            <translation>坡改梯</translation>
        </message>
        <message>
            <source>Conservation tillage</source>
            <translation>保护性耕作</translation>
        </message>
        <message>
            <source>Gives every cell of a small watershed the measure that the allocation table sets for its land use and slope class, refuses it where the plan's eligibility rules do not allow it, and reports the area of each measure and the areas excluded with their reasons.</source>
            <translation>按配置表为小流域的每个栅格赋予其土地利用类型与坡度级对应的措施，在规划适宜性规则不允许的地方予以排除，并统计各措施面积及被排除的面积与原因。</translation>
        </message>
        <message>
            <source>Eligibility rules</source>
            <translation>适宜性规则</translation>
        </message>
        <message>
            <source>The first rule that applies refuses the measure (the cell gets none and is reported in EXCLUDED): water — no measure on water; built — none on built-up land; landuse — slope-to-terrace conversion and conservation tillage only on cropland; basic_farmland — on cropland inside BASIC_FARMLAND (永久基本农田, optional) only conservation tillage: no terraces and no retirement to forest or grass; slope_low, slope_high, no_slope — fish-scale pits only on {p_lo:g}–{p_hi:g}° and level benches on {b_lo:g}–{b_hi:g}°, where swcplanner:slopeworks lays them (its defaults), terraces on {t_lo:g}–{t_hi:g}° (the convert rule of swcplanner:farmlandscreening). With DEM the slope of each cell decides (Horn's slope, as slopeworks computes it; both bounds included); without it the slope class does, from BREAKS: a class counts when it overlaps the band. The bands can be changed (advanced parameters); keep them equal to those of the slopeworks run.</source>
            <translation>按顺序第一条适用的规则排除该措施（该栅格记为无措施，并列入 EXCLUDED）：water —— 水域不布设措施；built —— 建设用地不布设措施；landuse —— 坡改梯与保护性耕作只布设在耕地上；basic_farmland —— 位于 BASIC_FARMLAND（永久基本农田，可选）内的耕地只允许保护性耕作：不修梯田、不退耕还林还草；slope_low、slope_high、no_slope —— 鱼鳞坑只布设在 {p_lo:g}–{p_hi:g}°，水平阶只布设在 {b_lo:g}–{b_hi:g}°，即 swcplanner:slopeworks 能布设的坡度范围（其默认值），梯田只布设在 {t_lo:g}–{t_hi:g}°（swcplanner:farmlandscreening 的坡改梯规则）。给出 DEM 时按每个栅格的坡度判定（Horn 坡度，与 slopeworks 相同；含上下限）；不给 DEM 时按 BREAKS 的坡度级判定：坡度级与坡度范围有重叠即视为适宜。坡度范围可修改（高级参数），应与 slopeworks 运行时的设置一致。</translation>
        </message>
        <message>
            <source>OUTPUT: measure raster (0 none, 1 enclosure, 2 soil-conservation forest with pits, 3 with benches, 4 economic forest with pits, 5 with benches, 6 grass, 7 terraces, 8 conservation tillage; 255 = nodata). POLYGONS: 4-connected measure polygons with MEASURE (code), VALUE, ETYPE (the engineering type of swcplanner:soilloss's MEASURE_TABLE for the scenario with the plan: pits → fish_scale_pit, benches → level_bench, terraces → terrace_earth, tillage → no_till) and AREA_M2, AREA_HA. TABLE: area per measure in m², ha, mu and % of the allocated area. EXCLUDED: polygons refused by the rules with REASON, MEASURE (the one allocated), AREA_M2, AREA_HA; EXCLUDED_TABLE: their areas by reason and measure; LANDUSE_TABLE: the area of each measure per land use. Areas are planar (cells × cell area).</source>
            <translation>OUTPUT：措施栅格（0 无措施，1 封育，2 鱼鳞坑水土保持林，3 水平阶水土保持林，4 鱼鳞坑经济林，5 水平阶经济林，6 种草，7 梯田，8 保护性耕作；255 = 无数据）。POLYGONS：四连通的措施图斑，字段 MEASURE（代码）、VALUE、ETYPE（规划情景下 swcplanner:soilloss 的 MEASURE_TABLE 工程措施类型：鱼鳞坑 → fish_scale_pit，水平阶 → level_bench，梯田 → terrace_earth，保护性耕作 → no_till）以及 AREA_M2、AREA_HA。TABLE：各措施面积（m²、公顷、亩）及占配置面积的百分比。EXCLUDED：被规则排除的图斑，字段 REASON、MEASURE（原配置的措施）、AREA_M2、AREA_HA；EXCLUDED_TABLE：按原因和措施汇总的排除面积；LANDUSE_TABLE：各土地利用类型上各措施的面积。面积为平面面积（栅格数 × 栅格面积）。</translation>
        </message>
        <message>
            <source>DEM (projected, metres; the slope of each cell for the slope bands)</source>
            <translation>DEM（投影坐标，米；用于按栅格坡度判定坡度范围）</translation>
        </message>
        <message>
            <source>Permanent basic farmland (永久基本农田)</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <source>Fish-scale pits from (degrees)</source>
            <translation>鱼鳞坑坡度下限（度）</translation>
        </message>
        <message>
            <source>Fish-scale pits up to (degrees)</source>
            <translation>鱼鳞坑坡度上限（度）</translation>
        </message>
        <message>
            <source>Level benches from (degrees)</source>
            <translation>水平阶坡度下限（度）</translation>
        </message>
        <message>
            <source>Level benches up to (degrees)</source>
            <translation>水平阶坡度上限（度）</translation>
        </message>
        <message>
            <source>Terraces from (degrees)</source>
            <translation>梯田坡度下限（度）</translation>
        </message>
        <message>
            <source>Terraces up to (degrees)</source>
            <translation>梯田坡度上限（度）</translation>
        </message>
        <message>
            <source>Areas excluded by the rules</source>
            <translation>被规则排除的区域</translation>
        </message>
        <message>
            <source>Excluded areas by reason</source>
            <translation>按原因汇总的排除面积</translation>
        </message>
        <message>
            <source>Measures by land use</source>
            <translation>各土地利用类型的措施面积</translation>
        </message>
        <message>
            <source>Slope of the DEM (Horn) for the slope bands…</source>
            <translation>计算 DEM 坡度（Horn）用于坡度范围判定…</translation>
        </message>
        <message>
            <source>No DEM: the slope bands are checked per slope class (a class counts when it overlaps the band), so pits may be planned on cells steeper than {hi:g}°. Give the DEM to check each cell.</source>
            <translation>未给出 DEM：坡度范围按坡度级判定（坡度级与范围有重叠即视为适宜），因此鱼鳞坑可能被规划在坡度大于 {hi:g}° 的栅格上。请给出 DEM 以逐栅格判定。</translation>
        </message>
        <message>
            <source>Permanent basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <source>Excluded ({reason}): {measure}, {ha:.2f} ha</source>
            <translation>排除（{reason}）：{measure}，{ha:.2f} 公顷</translation>
        </message>
        <message>
            <source>water: no measure on water</source>
            <translation>水域：不布设措施</translation>
        </message>
        <message>
            <source>built-up land: no measure</source>
            <translation>建设用地：不布设措施</translation>
        </message>
        <message>
            <source>only on cropland</source>
            <translation>仅限耕地</translation>
        </message>
        <message>
            <source>permanent basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <source>slope below the measure's band</source>
            <translation>坡度低于措施适宜范围</translation>
        </message>
        <message>
            <source>slope above the measure's band</source>
            <translation>坡度高于措施适宜范围</translation>
        </message>
        <message>
            <source>no slope (DEM nodata)</source>
            <translation>无坡度（DEM 无数据）</translation>
        </message>
    </context>
    <context>
        <name>MeasuresPage</name>
        <message>
            <source>5. Measures</source>
            <translation>5. 措施布局</translation>
        </message>
        <message>
            <source>Reset to the region preset</source>
            <translation>恢复区域预设</translation>
        </message>
        <message>
            <source>Check dams in small gullies (谷坊)</source>
            <translation>小沟道布设谷坊</translation>
        </message>
        <message>
            <source>Lay out fish-scale pits and level benches</source>
            <translation>布设鱼鳞坑和水平阶</translation>
        </message>
        <message>
            <source>Lay out the measures</source>
            <translation>布设措施</translation>
        </message>
        <message>
            <source>Land use</source>
            <translation>土地利用</translation>
        </message>
        <message>
            <source>Measure map</source>
            <translation>措施布局图</translation>
        </message>
        <message>
            <source>Land-use parcels in the watershed</source>
            <translation>流域内土地利用图斑</translation>
        </message>
        <message>
            <source>Farmland screening</source>
            <translation>耕地筛查</translation>
        </message>
        <message>
            <source>Check dams</source>
            <translation>谷坊</translation>
        </message>
        <message>
            <source>Silt-trap dams</source>
            <translation>淤地坝</translation>
        </message>
        <message>
            <source>Areas for slope works</source>
            <translation>坡面整地范围</translation>
        </message>
        <message>
            <source>Fish-scale pits</source>
            <translation>鱼鳞坑</translation>
        </message>
        <message>
            <source>Level benches</source>
            <translation>水平阶</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>措施</translation>
        </message>
        <message>
            <source>Area (ha)</source>
            <translation>面积（公顷）</translation>
        </message>
        <message>
            <source>Area (mu)</source>
            <translation>面积（亩）</translation>
        </message>
        <message>
            <source>Share (%)</source>
            <translation>占比（%）</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>数量（个）</translation>
        </message>
        <message>
            <source>Silt-trap dams by storage need (淤地坝)</source>
            <translation>按库容需求布设淤地坝</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Measure allocated</source>
            <translation>原配置措施</translation>
        </message>
        <message>
            <source>Dam</source>
            <translation>坝号</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Control area (km²)</source>
            <translation>控制面积（km²）</translation>
        </message>
        <message>
            <source>Sediment (t/a)</source>
            <translation>来沙量（t/a）</translation>
        </message>
        <message>
            <source>Design life (a)</source>
            <translation>设计淤积年限（年）</translation>
        </message>
        <message>
            <source>Storage need (10⁴ m³)</source>
            <translation>所需库容（万 m³）</translation>
        </message>
        <message>
            <source>Dam height (m)</source>
            <translation>坝高（m）</translation>
        </message>
        <message>
            <source>Silted area (ha)</source>
            <translation>淤地面积（公顷）</translation>
        </message>
        <message>
            <source>Dam body (m³)</source>
            <translation>坝体（m³）</translation>
        </message>
        <message>
            <source>Choose a measure for each land use and slope class (the region's preset is filled in), then lay out the measures. Where a measure cannot be laid the eligibility rules refuse it; the areas refused are listed on the right.</source>
            <translation>为每种土地利用类型和坡度级选择措施（已填入所选区域的预设），然后布设措施。无法布设的措施由适宜性规则排除；被排除的面积列在右侧。</translation>
        </message>
    </context>
    <context>
        <name>PlanBenefitsAlgorithm</name>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Soil loss without the plan (TABLE of swcplanner:soilloss)</source>
            <translation>无规划的土壤流失（swcplanner:soilloss 的 TABLE）</translation>
        </message>
        <message>
            <source>Soil loss with the plan (TABLE of swcplanner:soilloss)</source>
            <translation>有规划的土壤流失（swcplanner:soilloss 的 TABLE）</translation>
        </message>
        <message>
            <source>Benefits</source>
            <translation>效益分析</translation>
        </message>
        <message>
            <source>Soil loss before (t/a)</source>
            <translation>治理前土壤流失量（t/a）</translation>
        </message>
        <message>
            <source>Soil loss after (t/a)</source>
            <translation>治理后土壤流失量（t/a）</translation>
        </message>
        <message>
            <source>Soil saved (t/a)</source>
            <translation>保土量（t/a）</translation>
        </message>
        <message>
            <source>SWC rate before (%)</source>
            <translation>治理前水土保持率（%）</translation>
        </message>
        <message>
            <source>SWC rate after (%)</source>
            <translation>治理后水土保持率（%）</translation>
        </message>
        <message>
            <source>Soil loss {before:,.1f} → {after:,.1f} t/a, soil saved {saved:,.1f} t/a; SWC rate {rb:.2f} % → {ra:.2f} %.</source>
            <translation>土壤流失量 {before:,.1f} → {after:,.1f} t/a，保土 {saved:,.1f} t/a；水土保持率 {rb:.2f} % → {ra:.2f} %。</translation>
        </message>
        <message>
            <source>Plan benefits (GB/T 15774-2008)</source>
            <translation>规划效益（GB/T 15774-2008）</translation>
        </message>
        <message>
            <source>The benefits of a small-watershed plan by the classes of GB/T 15774-2008: basic (soil and water retained, 调水保土), economic, social and ecological, with soil loss, erosion and the soil-and-water-conservation rate (水土保持率) before and after.</source>
            <translation>按 GB/T 15774-2008 的分类计算小流域规划效益：基础效益（调水保土）、经济效益、社会效益和生态效益，并给出规划前后的土壤流失量、侵蚀状况和水土保持率。</translation>
        </message>
        <message>
            <source>BEFORE: the TABLE of swcplanner:soilloss without the plan (the status). AFTER: the TABLE of swcplanner:soilloss with the plan: MEASURES = the POLYGONS of swcplanner:measureplan, MEASURE_FIELD = ETYPE, BASELINE = the status soil loss and, for the tables per measure, ZONES = the same polygons with ZONE_FIELD = MEASURE. The polygons hold only cells where the measure may be laid (the eligibility rules of measureplan, e.g. pits on 15–45°): soil is retained only where works are laid. Without BEFORE the BASE_* columns of AFTER are used; without AFTER only the status is reported. MEASURE_AREAS, MEASURE_LANDUSE: the TABLE and LANDUSE_TABLE of measureplan; LANDUSE_AREAS: the TABLE of swcplanner:landuseslope; SILTDAMS, CHECKDAMS: the DAMS of swcplanner:siltdams and swcplanner:checkdams.</source>
            <translation>BEFORE：无规划时 swcplanner:soilloss 的 TABLE（现状）。AFTER：有规划时 swcplanner:soilloss 的 TABLE：MEASURES = swcplanner:measureplan 的 POLYGONS，MEASURE_FIELD = ETYPE，BASELINE = 现状土壤流失栅格；若要按措施出表，ZONES = 同一图斑、ZONE_FIELD = MEASURE。图斑只包含可布设该措施的栅格（measureplan 的适宜性规则，如鱼鳞坑 15–45°）：只在实际布设工程的地方计算保土量。无 BEFORE 时使用 AFTER 的 BASE_* 字段；无 AFTER 时只输出现状。MEASURE_AREAS、MEASURE_LANDUSE：measureplan 的 TABLE 和 LANDUSE_TABLE；LANDUSE_AREAS：swcplanner:landuseslope 的 TABLE；SILTDAMS、CHECKDAMS：swcplanner:siltdams 和 swcplanner:checkdams 的 DAMS。</translation>
        </message>
        <message>
            <source>Basic benefit (调水保土)</source>
            <translation>基础效益（调水保土）</translation>
        </message>
        <message>
            <source>Per measure: soil retained = soil loss without − with it (its zone of AFTER, t/a); a second estimate = soil loss without × its sediment reduction rate; water retained = area × RUNOFF_DEPTH (mean annual runoff depth, mm; empty = not computed) × its water reduction rate (m³/a). Rates: BENEFIT_RATES (CSV measure, water_pct, sediment_pct, source; default resources/tables/benefit_rates.csv, placeholders to replace with observed rates). The sediment trapped by the silt-trap dams (their inflow) is listed apart, not added to the total.</source>
            <translation>按措施计算：保土量 = 无措施时土壤流失量 − 有措施时土壤流失量（AFTER 中该措施分区，t/a）；第二种估算 = 无措施时土壤流失量 × 减沙效益；保水量 = 面积 × RUNOFF_DEPTH（多年平均径流深，mm；空 = 不计算）× 减水效益（m³/a）。效益系数：BENEFIT_RATES（CSV：measure、water_pct、sediment_pct、source；默认 resources/tables/benefit_rates.csv，为占位值，应以实测值替换）。淤地坝拦泥量（其来沙量）单独列出，不计入合计。</translation>
        </message>
        <message>
            <source>Economic, social and ecological benefits</source>
            <translation>经济、社会和生态效益</translation>
        </message>
        <message>
            <source>Economic: area × additional yield per ha × price per measure (YIELDS, CSV measure, product, unit, yield_ha, price, source; default resources/tables/benefit_economic.csv, placeholders), CNY/a, gross. Social: terraced land added, area treated, silt-trap dams and the land silted behind them, check dams. Ecological: 水土流失治理度 = eroded area treated (the measure zones' eroded area without the plan) / eroded area × 100; 林草覆盖率 = forest, grass and orchard area / land area × 100 before, and after adding the land that forest and grass measures turn into forest or grass; the SWC rate and the mean erosion modulus before and after. With BEFORE, the watershed after the plan = before − the change inside the zones of AFTER.</source>
            <translation>经济效益：各措施面积 × 每公顷增产量 × 单价（YIELDS，CSV：measure、product、unit、yield_ha、price、source；默认 resources/tables/benefit_economic.csv，为占位值），元/年，毛效益。社会效益：新增梯田、治理面积、淤地坝及其淤地面积、谷坊。生态效益：水土流失治理度 = 已治理的水土流失面积（各措施分区无规划时的侵蚀面积）/ 水土流失面积 × 100；林草覆盖率 = 林地、草地和园地面积 / 土地面积 × 100（规划前），规划后再加上林草措施转为林草的土地；规划前后的水土保持率和平均侵蚀模数。给出 BEFORE 时，规划后流域 = 规划前 − AFTER 各分区内的变化。</translation>
        </message>
        <message>
            <source>OUTPUT: one row per indicator (soil_loss_t, mean_modulus, eroded_km2, swc_rate, land_km2, class1_km2 … class6_km2) with UNIT, BEFORE, AFTER, CHANGE. BASIC: MEASURE, AREA_HA, SOIL_BEFORE_T, SOIL_AFTER_T, SOIL_RETAINED_T, SEDIMENT_PCT, SOIL_RATE_T, WATER_PCT, RUNOFF_MM, WATER_M3, SOURCE. ECONOMIC: MEASURE, AREA_HA, PRODUCT, UNIT, YIELD_HA, OUTPUT, PRICE, VALUE, SOURCE, PLACEHOLDER. SOCIAL: INDICATOR, UNIT, VALUE. ECOLOGICAL: INDICATOR (treated_km2, treatment_degree, forest_grass_km2, forest_grass_cover, eroded_km2, swc_rate, mean_modulus), UNIT, BEFORE, AFTER, CHANGE. Numbers: SOIL_LOSS_BEFORE, SOIL_LOSS_AFTER, SOIL_SAVED (t/a), SWC_RATE_BEFORE, SWC_RATE_AFTER, TREATMENT_DEGREE, COVER_BEFORE, COVER_AFTER (%), WATER_RETAINED (m³/a), ECONOMIC_VALUE (CNY/a).</source>
            <translation>OUTPUT：每个指标一行（soil_loss_t、mean_modulus、eroded_km2、swc_rate、land_km2、class1_km2 … class6_km2），字段 UNIT、BEFORE、AFTER、CHANGE。BASIC：MEASURE、AREA_HA、SOIL_BEFORE_T、SOIL_AFTER_T、SOIL_RETAINED_T、SEDIMENT_PCT、SOIL_RATE_T、WATER_PCT、RUNOFF_MM、WATER_M3、SOURCE。ECONOMIC：MEASURE、AREA_HA、PRODUCT、UNIT、YIELD_HA、OUTPUT、PRICE、VALUE、SOURCE、PLACEHOLDER。SOCIAL：INDICATOR、UNIT、VALUE。ECOLOGICAL：INDICATOR（treated_km2、treatment_degree、forest_grass_km2、forest_grass_cover、eroded_km2、swc_rate、mean_modulus）、UNIT、BEFORE、AFTER、CHANGE。数值输出：SOIL_LOSS_BEFORE、SOIL_LOSS_AFTER、SOIL_SAVED（t/a），SWC_RATE_BEFORE、SWC_RATE_AFTER、TREATMENT_DEGREE、COVER_BEFORE、COVER_AFTER（%），WATER_RETAINED（m³/a），ECONOMIC_VALUE（元/年）。</translation>
        </message>
        <message>
            <source>Measure areas (TABLE of swcplanner:measureplan)</source>
            <translation>措施面积（swcplanner:measureplan 的 TABLE）</translation>
        </message>
        <message>
            <source>Measures by land use (LANDUSE_TABLE of swcplanner:measureplan)</source>
            <translation>各土地利用类型的措施面积（swcplanner:measureplan 的 LANDUSE_TABLE）</translation>
        </message>
        <message>
            <source>Land use by slope class (TABLE of swcplanner:landuseslope)</source>
            <translation>分坡度级土地利用（swcplanner:landuseslope 的 TABLE）</translation>
        </message>
        <message>
            <source>Silt-trap dams (DAMS of swcplanner:siltdams)</source>
            <translation>淤地坝（swcplanner:siltdams 的 DAMS）</translation>
        </message>
        <message>
            <source>Check dams (DAMS of swcplanner:checkdams)</source>
            <translation>谷坊（swcplanner:checkdams 的 DAMS）</translation>
        </message>
        <message>
            <source>Water and sediment reduction rates (CSV: measure, water_pct, sediment_pct, source)</source>
            <translation>减水减沙效益系数（CSV：measure、water_pct、sediment_pct、source）</translation>
        </message>
        <message>
            <source>Yields and prices (CSV: measure, product, unit, yield_ha, price, source)</source>
            <translation>增产量与单价（CSV：measure、product、unit、yield_ha、price、source）</translation>
        </message>
        <message>
            <source>Mean annual runoff depth (mm; empty = water retained not computed)</source>
            <translation>多年平均径流深（mm；空 = 不计算保水量）</translation>
        </message>
        <message>
            <source>Soil and water retained</source>
            <translation>保水保土</translation>
        </message>
        <message>
            <source>Economic benefit</source>
            <translation>经济效益</translation>
        </message>
        <message>
            <source>Social benefit</source>
            <translation>社会效益</translation>
        </message>
        <message>
            <source>Ecological benefit</source>
            <translation>生态效益</translation>
        </message>
        <message>
            <source>Water retained (m³/a)</source>
            <translation>保水量（m³/a）</translation>
        </message>
        <message>
            <source>Economic benefit (CNY/a)</source>
            <translation>经济效益（元/年）</translation>
        </message>
        <message>
            <source>Erosion treatment degree (%)</source>
            <translation>水土流失治理度（%）</translation>
        </message>
        <message>
            <source>Forest and grass cover before (%)</source>
            <translation>规划前林草覆盖率（%）</translation>
        </message>
        <message>
            <source>Forest and grass cover after (%)</source>
            <translation>规划后林草覆盖率（%）</translation>
        </message>
        <message>
            <source>Without MEASURE_LANDUSE the forest and grass cover after the plan counts no new forest or grass.</source>
            <translation>未给出 MEASURE_LANDUSE：规划后林草覆盖率不计新增林草。</translation>
        </message>
        <message>
            <source>AFTER has no zone per measure (run soilloss with ZONES = the measure polygons, ZONE_FIELD = MEASURE): soil retained per measure and the treatment degree from the eroded area treated are not available.</source>
            <translation>AFTER 没有按措施分区（请以 ZONES = 措施图斑、ZONE_FIELD = MEASURE 运行 soilloss）：无法给出各措施保土量和按已治理侵蚀面积计算的治理度。</translation>
        </message>
    </context>
    <context>
        <name>PlanQuantitiesAlgorithm</name>
        <message>
            <source>Plan quantities and investment</source>
            <translation>规划工程量与投资</translation>
        </message>
        <message>
            <source>Quantities</source>
            <translation>工程量</translation>
        </message>
        <message>
            <source>Investment</source>
            <translation>投资</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Measure areas (TABLE of swcplanner:measureplan)</source>
            <translation>措施面积（swcplanner:measureplan 的 TABLE）</translation>
        </message>
        <message>
            <source>Farmland screening (OUTPUT of swcplanner:farmlandscreening)</source>
            <translation>坡耕地筛查（swcplanner:farmlandscreening 的 OUTPUT）</translation>
        </message>
        <message>
            <source>Check dams (DAMS of swcplanner:checkdams)</source>
            <translation>谷坊（swcplanner:checkdams 的 DAMS）</translation>
        </message>
        <message>
            <source>Fish-scale pits (SUMMARY of swcplanner:slopeworks)</source>
            <translation>鱼鳞坑（swcplanner:slopeworks 的 SUMMARY）</translation>
        </message>
        <message>
            <source>Level benches (SUMMARY of swcplanner:slopeworks)</source>
            <translation>水平阶（swcplanner:slopeworks 的 SUMMARY）</translation>
        </message>
        <message>
            <source>Unit prices (CSV: item, unit, price)</source>
            <translation>单价表（CSV：item, unit, price）</translation>
        </message>
        <message>
            <source>Independent costs (% of parts 1–3; empty = price table)</source>
            <translation>独立费用（第一至三部分的 %；空 = 取单价表）</translation>
        </message>
        <message>
            <source>Basic contingency (% of parts 1–4; empty = price table)</source>
            <translation>基本预备费（第一至四部分的 %；空 = 取单价表）</translation>
        </message>
        <message>
            <source>Bill of quantities</source>
            <translation>工程量汇总表</translation>
        </message>
        <message>
            <source>Investment estimate</source>
            <translation>投资估算表</translation>
        </message>
        <message>
            <source>Total investment (CNY)</source>
            <translation>总投资（元）</translation>
        </message>
        <message>
            <source>Not computed (no layout given): {items}.</source>
            <translation>未计算（未给出布设结果）：{items}。</translation>
        </message>
        <message>
            <source>Parts 1–3: {direct:,.0f} CNY; independent costs {ind:,.0f} CNY ({ind_pct:g} %); basic contingency {cont:,.0f} CNY ({cont_pct:g} %); total {total:,.0f} CNY.</source>
            <translation>第一至三部分：{direct:,.0f} 元；独立费用 {ind:,.0f} 元（{ind_pct:g} %）；基本预备费 {cont:,.0f} 元（{cont_pct:g} %）；总投资 {total:,.0f} 元。</translation>
        </message>
        <message>
            <source>The bill of quantities (工程量汇总表), the investment estimate (投资估算表) and the yearly implementation schedule (实施进度) of a small-watershed plan from the measure areas and the layout results.</source>
            <translation>由措施面积和各布设成果计算小流域规划的工程量汇总表、投资估算表和分年度实施进度。</translation>
        </message>
        <message>
            <source>Areas (ha) from MEASURE_AREAS (the TABLE of swcplanner:measureplan): enclosure, soil-conservation and economic forest (pits and benches together), grass, terraces, conservation tillage. Counts and earthwork from the layouts given: FARMLAND (swcplanner:farmlandscreening OUTPUT; EARTH_M3 of the parcels with CATEGORY convert = terrace earthwork), CHECKDAMS (DAMS of swcplanner:checkdams, 谷坊) and SILTDAMS (DAMS of swcplanner:siltdams, 淤地坝; one row per dam, BODY_M3), PITS and BENCHES (SUMMARY of swcplanner:slopeworks; COUNT, EARTH_M3, SEEDLINGS). An item whose layout is not given is 0 and marked COMPUTED = 0.</source>
            <translation>面积（公顷）来自 MEASURE_AREAS（swcplanner:measureplan 的 TABLE）：封育、水土保持林和经济林（鱼鳞坑与水平阶合计）、种草、梯田、保护性耕作。数量和土方来自给出的布设成果：FARMLAND（swcplanner:farmlandscreening 的 OUTPUT；CATEGORY 为 convert 的图斑的 EARTH_M3 = 梯田土方），CHECKDAMS（swcplanner:checkdams 的 DAMS，谷坊）和 SILTDAMS（swcplanner:siltdams 的 DAMS，淤地坝；每座坝一行，BODY_M3），PITS 和 BENCHES（swcplanner:slopeworks 的 SUMMARY；COUNT、EARTH_M3、SEEDLINGS）。未给出布设成果的项目为 0，并标记 COMPUTED = 0。</translation>
        </message>
        <message>
            <source>Each work is priced once: amount = unit price × quantity (PRICES, CSV: item, unit, price, part, source, region, year, note; default resources/tables/unit_prices.csv). An item without a row is not priced: the earthwork of the pits (the price per pit includes it) and the seedlings (the price per ha of planting includes them). Parts of the 水土保持工程概(估)算编制规定 (水总〔2003〕67号): part 1 engineering (工程措施), part 2 forest and grass (林草措施, site preparation included), part 3 enclosure (封育治理措施); the part column of the price table may move an item. Part 4 independent costs (独立费用) = INDEPENDENT_PCT % of parts 1–3; basic contingency (基本预备费) = CONTINGENCY_PCT % of parts 1–4; empty rates: the price table's independent_pct and contingency_pct. Every shipped price is a placeholder (its source says so): replace them with the current Hebei norms; PLACEHOLDERS counts the priced items whose source is a placeholder or empty.</source>
            <translation>每项工程只计价一次：金额 = 单价 × 工程量（PRICES，CSV：item、unit、price、part、source、region、year、note；默认 resources/tables/unit_prices.csv）。价格表中没有的项目不计价：鱼鳞坑土方（已含在每穴单价中）和苗木（已含在每公顷造林单价中）。按《水土保持工程概(估)算编制规定》（水总〔2003〕67号）分部：第一部分 工程措施，第二部分 林草措施（含整地），第三部分 封育治理措施；价格表的 part 列可调整项目所属部分。第四部分 独立费用 = 第一至三部分之和 × INDEPENDENT_PCT %；基本预备费 = 第一至四部分之和 × CONTINGENCY_PCT %；费率为空时取价格表中的 independent_pct 和 contingency_pct。随插件提供的单价均为占位值（来源列已注明）：应以现行河北定额替换；PLACEHOLDERS 统计来源为占位或为空的计价项目数。</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>实施进度</translation>
        </message>
        <message>
            <source>With START_YEAR and END_YEAR every quantity and amount is spread over the years of the planning period, by YEAR_SHARES (e.g. 2026:3, 2027:2, 2028:1; any positive weights) or in equal shares.</source>
            <translation>给出 START_YEAR 和 END_YEAR 时，各项工程量和投资按 YEAR_SHARES（如 2026:3, 2027:2, 2028:1；任意正权重）或平均分配到规划期各年。</translation>
        </message>
        <message>
            <source>QUANTITIES: ITEM, MEASURE, PART, UNIT, QUANTITY, COMPUTED. INVESTMENT: in report order, LEVEL part (subtotal) with its item rows, then sum rows direct (parts 1–3), independent, contingency and total; QUANTITY, PRICE (NULL: not priced), AMOUNT in CNY and AMOUNT_10K in 10⁴ CNY (万元), SOURCE, REGION, YEAR and PLACEHOLDER of the price. SCHEDULE: YEAR, LEVEL (item, part, sum), PART, ITEM, UNIT, SHARE, QUANTITY, AMOUNT, AMOUNT_10K. TOTAL: the total investment (CNY).</source>
            <translation>QUANTITIES：ITEM、MEASURE、PART、UNIT、QUANTITY、COMPUTED。INVESTMENT：按报告顺序，LEVEL 为 part（小计）及其下的 item 行，然后是 sum 行：direct（第一至三部分）、independent、contingency 和 total；字段 QUANTITY、PRICE（NULL：不计价）、AMOUNT（元）和 AMOUNT_10K（万元），以及单价的 SOURCE、REGION、YEAR 和 PLACEHOLDER。SCHEDULE：YEAR、LEVEL（item、part、sum）、PART、ITEM、UNIT、SHARE、QUANTITY、AMOUNT、AMOUNT_10K。TOTAL：总投资（元）。</translation>
        </message>
        <message>
            <source>Silt-trap dams (DAMS of swcplanner:siltdams)</source>
            <translation>淤地坝（swcplanner:siltdams 的 DAMS）</translation>
        </message>
        <message>
            <source>First year of the planning period</source>
            <translation>规划期首年</translation>
        </message>
        <message>
            <source>Last year of the planning period</source>
            <translation>规划期末年</translation>
        </message>
        <message>
            <source>Yearly shares (year:weight, comma-separated; empty = equal)</source>
            <translation>分年度比例（年:权重，逗号分隔；空 = 平均）</translation>
        </message>
        <message>
            <source>Implementation schedule</source>
            <translation>实施进度</translation>
        </message>
        <message>
            <source>Priced items with a placeholder price</source>
            <translation>使用占位单价的计价项目数</translation>
        </message>
        <message>
            <source>Reported, not priced (no row in the price table): {items}.</source>
            <translation>只列工程量、不计价（价格表中无此项）：{items}。</translation>
        </message>
        <message>
            <source>{n} priced items and {m} rates have placeholder prices (their source says so): {items}. Replace them with the current Hebei norms before the estimate is submitted.</source>
            <translation>{n} 个计价项目和 {m} 个费率使用占位值（来源列已注明）：{items}。提交估算前请以现行河北定额替换。</translation>
        </message>
        <message>
            <source>Give both START_YEAR and END_YEAR for the schedule, or neither.</source>
            <translation>实施进度需要同时给出 START_YEAR 和 END_YEAR，或都不给。</translation>
        </message>
        <message>
            <source>YEAR_SHARES: “{part}” is not year:weight (e.g. 2026:3).</source>
            <translation>YEAR_SHARES：“{part}”不是 年:权重 的格式（例如 2026:3）。</translation>
        </message>
    </context>
    <context>
        <name>PlanReport</name>
        <message>
            <source>The report template {path} cannot be read.</source>
            <translation>无法读取报告模板 {path}。</translation>
        </message>
        <message>
            <source>The PDF could not be written ({path}): {error}</source>
            <translation>无法写出 PDF（{path}）：{error}</translation>
        </message>
        <message>
            <source>The workbook {path} cannot be created.</source>
            <translation>无法创建工作簿 {path}。</translation>
        </message>
        <message>
            <source>Land use by slope class (ha)</source>
            <translation>分坡度级土地利用现状（公顷）</translation>
        </message>
        <message>
            <source>Soil erosion intensity</source>
            <translation>土壤侵蚀强度</translation>
        </message>
        <message>
            <source>Measure layout</source>
            <translation>措施布局</translation>
        </message>
        <message>
            <source>Bill of quantities</source>
            <translation>工程量汇总表</translation>
        </message>
        <message>
            <source>Investment estimate</source>
            <translation>投资估算表</translation>
        </message>
        <message>
            <source>Benefits</source>
            <translation>效益分析</translation>
        </message>
        <message>
            <source>Plan report: {name}</source>
            <translation>规划报告：{name}</translation>
        </message>
        <message>
            <source>Comprehensive management plan of the {name} small watershed</source>
            <translation>{name}小流域综合治理规划</translation>
        </message>
        <message>
            <source>Soil loss {loss} t/a; mean erosion modulus {mod} t/(km²·a); eroded area (light and above) {eroded} km²; soil-and-water-conservation rate {rate} % (Hebei target 2025: 79.96 %).</source>
            <translation>土壤流失量 {loss} t/a；平均土壤侵蚀模数 {mod} t/(km²·a)；水土流失面积（轻度及以上）{eroded} km²；水土保持率 {rate}%（河北省 2025 年目标：79.96%）。</translation>
        </message>
        <message>
            <source>SWC rate by county/township</source>
            <translation>分县/乡镇水土保持率</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <source>Coordinate system: {name} ({authid})</source>
            <translation>坐标系：{name}（{authid}）</translation>
        </message>
        <message>
            <source>Areas excluded by the eligibility rules</source>
            <translation>适宜性规则排除的面积</translation>
        </message>
        <message>
            <source>Silt-trap dams (淤地坝)</source>
            <translation>淤地坝</translation>
        </message>
        <message>
            <source>Implementation schedule by year</source>
            <translation>分年度实施进度</translation>
        </message>
        <message>
            <source>Basic benefit: soil and water retained</source>
            <translation>基础效益：保水保土</translation>
        </message>
        <message>
            <source>Economic benefit</source>
            <translation>经济效益</translation>
        </message>
        <message>
            <source>Ecological benefit</source>
            <translation>生态效益</translation>
        </message>
        <message>
            <source>Social benefit</source>
            <translation>社会效益</translation>
        </message>
        <message>
            <source>Unit prices and their sources</source>
            <translation>单价及其来源</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Unit price (CNY)</source>
            <translation>单价（元）</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <source>{landuse} {pct} %</source>
            <translation>{landuse} {pct}%</translation>
        </message>
        <message>
            <source>The {name} small watershed (code {code}, SL 653-2013) lies in {county}; its area is {area} km², of which {land} ha have land-use data: {shares}. Planning period {start}–{end}; measures allocated with the {region} preset and the eligibility rules of the plan.</source>
            <translation>{name}小流域（小流域代码 {code}，SL 653-2013）位于{county}，流域面积 {area} km²，其中有土地利用数据的面积 {land} 公顷：{shares}。规划期 {start}–{end} 年；措施按{region}预设和规划适宜性规则配置。</translation>
        </message>
        <message>
            <source>not given</source>
            <translation>未填写</translation>
        </message>
        <message>
            <source>(county not given)</source>
            <translation>（未填写县名）</translation>
        </message>
        <message>
            <source>{silt} silt-trap dams (淤地坝) sited by storage need: the sediment of the control area over the design life, from the status soil loss; each needs outlet works that drain the detained flood within 7 days (GB 51018-2014 §7.1.5). {check} check dams (谷坊) in the small, steep gullies.</source>
            <translation>按库容需求布设淤地坝 {silt} 座：所需库容为控制面积在设计淤积年限内的来沙量（据现状土壤流失计算）；每座坝须设置 7 天内放完滞留洪水的放水工程（GB 51018-2014 §7.1.5）。在小而陡的支毛沟中布设谷坊 {check} 座。</translation>
        </message>
        <message>
            <source>Total investment {total} ×10⁴ CNY, by the parts of the 水土保持工程概(估)算编制规定: independent costs {ind} % of parts 1–3, basic contingency {cont} % of parts 1–4. {n} priced items use placeholder prices (marked in the table): replace them with the current Hebei norms before the plan is submitted.</source>
            <translation>总投资 {total} 万元，按《水土保持工程概(估)算编制规定》分部计列：独立费用为第一至三部分之和的 {ind}%，基本预备费为第一至四部分之和的 {cont}%。有 {n} 个计价项目使用占位单价（表中已标注）：规划报批前须以现行河北定额替换。</translation>
        </message>
        <message>
            <source>Soil saved by the plan: {saved} t/a; water retained: {water} m³/a; economic benefit: {econ} ×10⁴ CNY/a. Erosion treatment degree {degree} %; forest and grass cover {cb} % → {ca} %; soil-and-water-conservation rate {rb} % → {ra} %.</source>
            <translation>规划实施后保土 {saved} t/a；保水 {water} m³/a；经济效益 {econ} 万元/年。水土流失治理度 {degree}%；林草覆盖率 {cb}% → {ca}%；水土保持率 {rb}% → {ra}%。</translation>
        </message>
        <message>
            <source>Organisation: the county government leads; the water resources bureau implements the plan with the natural resources, agriculture and forestry bureaus and the townships.</source>
            <translation>组织保障：由县人民政府统一领导，县水利局会同自然资源、农业农村、林业和草原等部门及各乡镇组织实施。</translation>
        </message>
        <message>
            <source>Technology: designs and construction follow GB 51018-2014 and GB/T 16453; works are supervised, inspected and accepted by stage; the unit prices are replaced by the current Hebei norms before approval.</source>
            <translation>技术保障：设计与施工执行 GB 51018-2014 和 GB/T 16453；工程实行监理，分阶段检查验收；报批前单价以现行河北定额替换。</translation>
        </message>
        <message>
            <source>Funds: the investment is raised from the central and provincial soil and water conservation funds, county matching funds and the beneficiaries' labour, and used for the works of this plan only.</source>
            <translation>资金保障：投资由中央和省级水土保持资金、县级配套资金及受益群众投劳筹集，专款用于本规划工程。</translation>
        </message>
        <message>
            <source>Management: every work has a manager and maintenance rules after acceptance; enclosed land is marked and patrolled; silt-trap dams are inspected before the flood season.</source>
            <translation>管护保障：工程验收后落实管护主体和管护制度；封育区设立标志并巡护；淤地坝汛前检查。</translation>
        </message>
        <message>
            <source>Monitoring: soil loss, the soil-and-water-conservation rate and the benefits are monitored every year and reported to the provincial platform.</source>
            <translation>监测评价：每年监测土壤流失、水土保持率和规划效益，并上报省级平台。</translation>
        </message>
        <message>
            <source>Watershed code (SL 653-2013): {code} · {county} · planning period {start}–{end} · region: {region} · watershed area {area} km²
Prepared by {author} · {date}</source>
            <translation>小流域代码（SL 653-2013）：{code} · {county} · 规划期 {start}–{end} 年 · 区域：{region} · 流域面积 {area} km²
编制单位：{author} · {date}</translation>
        </message>
        <message>
            <source>1 Basic conditions</source>
            <translation>1 基本情况</translation>
        </message>
        <message>
            <source>2 Soil erosion status</source>
            <translation>2 水土流失现状</translation>
        </message>
        <message>
            <source>3 Plan layout</source>
            <translation>3 规划布局</translation>
        </message>
        <message>
            <source>4 Measures and quantities</source>
            <translation>4 措施与工程量</translation>
        </message>
        <message>
            <source>5 Investment estimate</source>
            <translation>5 投资估算</translation>
        </message>
        <message>
            <source>6 Benefit analysis (GB/T 15774-2008)</source>
            <translation>6 效益分析（GB/T 15774-2008）</translation>
        </message>
        <message>
            <source>7 Implementation schedule</source>
            <translation>7 实施进度</translation>
        </message>
        <message>
            <source>8 Safeguards</source>
            <translation>8 保障措施</translation>
        </message>
        <message>
            <source>Made with SWC Planner. Unit prices, benefit rates, yields and measure presets are planning defaults (placeholders are marked); check them against the current standards and the Hebei norms before approval.</source>
            <translation>由 SWC Planner 生成。单价、效益系数、增产量和措施预设为规划默认值（占位值已标注）；报批前须按现行标准和河北定额核定。</translation>
        </message>
        <message>
            <source>Table {n} {title}</source>
            <translation>表{n} {title}</translation>
        </message>
        <message>
            <source>Figure 1 Land use</source>
            <translation>图1 土地利用现状图</translation>
        </message>
        <message>
            <source>Figure 2 Soil erosion intensity</source>
            <translation>图2 土壤侵蚀强度图</translation>
        </message>
        <message>
            <source>Figure 3 Measure layout</source>
            <translation>图3 水土保持措施布局图</translation>
        </message>
    </context>
    <context>
        <name>PlanSamplingAlgorithm</name>
        <message>
            <source>Plan sampling for quality checks</source>
            <translation>水土保持方案质量抽查</translation>
        </message>
        <message>
            <source>Draws the approved soil-and-water-conservation plans whose quality is checked this year: at least 5 % of them (Hebei measures §三(三)), n = ⌈SHARE × N⌉, by a seed that is published with the sample so that anyone can repeat the draw.</source>
            <translation>抽取本年度进行质量抽查的已批复水土保持方案：不少于 5 %（河北实施意见 §三(三)），n = ⌈SHARE × N⌉，按随样本公布的种子抽取，任何人都可复现抽样。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>Each plan gets the key SHA-256("SEED|plan id") (the ID_FIELD value, else the row number); the n plans with the smallest keys are drawn. The same seed and the same plans give the same sample on every computer and QGIS version, in any row order when ID_FIELD is given. With STRATUM_FIELD (e.g. 报告书 / 报告表, or the industry) each stratum is drawn on its own with n_h = ⌈SHARE × N_h⌉, so every stratum and the whole reach the share (the total may exceed ⌈SHARE × N⌉). SHARE below 5 % is refused. Examples: N = 137 → 7; N = 20 → 1.</source>
            <translation>每个方案的抽样键为 SHA-256("SEED|方案编号")（ID_FIELD 的值，否则为行号）；取键值最小的 n 个方案。相同种子和相同方案在任何计算机和 QGIS 版本上得到相同样本；给定 ID_FIELD 时与行序无关。设置 STRATUM_FIELD（如 报告书/报告表 或行业）时各层分别抽取 n_h = ⌈SHARE × N_h⌉，各层及总体均达到抽查比例（总数可能超过 ⌈SHARE × N⌉）。SHARE 低于 5 % 时拒绝执行。例：N = 137 → 7；N = 20 → 1。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: the drawn rows with their fields (and geometry, if any) and SAMPLE_NO (1..n in draw order within the stratum), STRATUM, N_STRATUM, DRAW_KEY (the first 16 hex digits of the key) and SEED.</source>
            <translation>OUTPUT：抽中的行及其字段（有几何时含几何），加 SAMPLE_NO（层内按抽取顺序 1..n）、STRATUM、N_STRATUM、DRAW_KEY（抽样键的前 16 位十六进制数）和 SEED。</translation>
        </message>
        <message>
            <source>Approved plans (table or layer)</source>
            <translation>已批复方案（表或图层）</translation>
        </message>
        <message>
            <source>Plan id field (e.g. approval number)</source>
            <translation>方案编号字段（如批复文号）</translation>
        </message>
        <message>
            <source>Sampled share (%, at least 5)</source>
            <translation>抽查比例（%，不低于 5）</translation>
        </message>
        <message>
            <source>Seed (publish it with the sample)</source>
            <translation>随机种子（随样本一并公布）</translation>
        </message>
        <message>
            <source>Stratum field (e.g. 报告书 / 报告表)</source>
            <translation>分层字段（如 报告书/报告表）</translation>
        </message>
        <message>
            <source>Sampled plans</source>
            <translation>抽中的方案</translation>
        </message>
        <message>
            <source>Approved plans</source>
            <translation>已批复方案</translation>
        </message>
        <message>
            <source>The plans table is empty: there is nothing to sample.</source>
            <translation>方案表为空：没有可抽取的方案。</translation>
        </message>
        <message>
            <source>Plans without an id in {field} (rows {rows}): fill the ids or leave the id field empty.</source>
            <translation>{field} 中缺少编号的方案（第 {rows} 行）：请补全编号，或不指定编号字段。</translation>
        </message>
        <message>
            <source>The output OUTPUT could not be created.</source>
            <translation>无法创建输出 OUTPUT。</translation>
        </message>
        <message>
            <source>{n} of {total} plans drawn ({share:g} %, seed {seed}).</source>
            <translation>{total} 个方案中抽取 {n} 个（{share:g} %，种子 {seed}）。</translation>
        </message>
    </context>
    <context>
        <name>PlanningWizard</name>
        <message>
            <source>Small-watershed planning wizard</source>
            <translation>小流域综合治理规划向导</translation>
        </message>
        <message>
            <source>SWC plan: {name}</source>
            <translation>水保规划：{name}</translation>
        </message>
        <message>
            <source>SWC Planner</source>
            <translation>水土保持规划</translation>
        </message>
    </context>
    <context>
        <name>ProjectPage</name>
        <message>
            <source>1. Project</source>
            <translation>1. 项目</translation>
        </message>
        <message>
            <source>Name the plan, its period and where the results go, and choose the region whose measure preset fits the watershed.</source>
            <translation>填写规划名称、规划期和成果保存位置，并选择措施预设适合本流域的区域。</translation>
        </message>
        <message>
            <source>e.g. Xiaohe small watershed</source>
            <translation>例如：小河小流域</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage（*.gpkg）</translation>
        </message>
        <message>
            <source>Plan name</source>
            <translation>规划名称</translation>
        </message>
        <message>
            <source>Planning period</source>
            <translation>规划期</translation>
        </message>
        <message>
            <source>Output GeoPackage</source>
            <translation>输出 GeoPackage</translation>
        </message>
        <message>
            <source>Region preset</source>
            <translation>区域预设</translation>
        </message>
        <message>
            <source>The report goes to {pdf}, the tables to {xlsx} and the project to {qgz}.</source>
            <translation>报告保存为 {pdf}，表格保存为 {xlsx}，工程保存为 {qgz}。</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist: choose another place for the GeoPackage.</source>
            <translation>文件夹 {folder} 不存在：请为 GeoPackage 另选保存位置。</translation>
        </message>
        <message>
            <source>e.g. the code of the watershed in the provincial register</source>
            <translation>如：省小流域名录中的流域代码</translation>
        </message>
        <message>
            <source>The small-watershed code of SL 653-2013 (小流域划分及编码规范), as the provincial small-watershed register gives it; printed in the report.</source>
            <translation>按 SL 653-2013《小流域划分及编码规范》的小流域代码，取自省级小流域名录；打印在报告中。</translation>
        </message>
        <message>
            <source>e.g. 易县</source>
            <translation>如：易县</translation>
        </message>
        <message>
            <source>e.g. 易县水利局</source>
            <translation>如：易县水利局</translation>
        </message>
        <message>
            <source>Watershed code (SL 653-2013)</source>
            <translation>小流域代码（SL 653-2013）</translation>
        </message>
        <message>
            <source>County</source>
            <translation>县</translation>
        </message>
        <message>
            <source>Prepared by</source>
            <translation>编制单位</translation>
        </message>
    </context>
    <context>
        <name>ProvinceRollupAlgorithm</name>
        <message>
            <source>Province roll-up</source>
            <translation>全省汇总</translation>
        </message>
        <message>
            <source>Sums the counties' published results in the provincial database, year by year, per county, city and province: the soil-and-water-conservation rate (水土保持率) against the targets, the banned steep-slope area, the treated area by measure and the closure rate of the supervision patches. Only current, published rows count; a county role reads this roll-up of all counties without reading their rows.</source>
            <translation>逐年按县、市、省汇总省级数据库中各县已发布的成果：水土保持率及其与目标的差距、禁垦陡坡面积、分措施治理面积、监管图斑销号率。只统计当前有效的正式发布行；县级角色可读取全部县的汇总结果，但不能读取其他县的明细行。</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>水土保持率</translation>
        </message>
        <message>
            <source>SWC_RATE = 100 × (AREA_KM2 − ERODED_KM2) / AREA_KM2, summed over the units the county published in swc_rate (swcrate), or in soil_loss (soilloss) when it published no rate that year. GAP_n = TARGET_n − SWC_RATE (points); TREAT_n_KM2: the eroded area to bring below the tolerance to reach TARGET_n. TARGET_1 = 79.96 % (2025) and TARGET_2 = 84.07 % (2035) by default, the Hebei targets; a city or the province sums the counties that published a rate (COUNTIES_RATE of COUNTIES).</source>
            <translation>SWC_RATE = 100 × (AREA_KM2 − ERODED_KM2) / AREA_KM2，按该县在 swc_rate（swcrate）中发布的各单元求和；当年未发布水土保持率时取 soil_loss（soilloss）。GAP_n = TARGET_n − SWC_RATE（百分点）；TREAT_n_KM2：为达到 TARGET_n 需治理到容许值以下的水土流失面积。TARGET_1 默认 79.96 %（2025 年）、TARGET_2 默认 84.07 %（2035 年），即河北省目标；市和省对已发布水土保持率的县求和（COUNTIES 个县中的 COUNTIES_RATE 个）。</translation>
        </message>
        <message>
            <source>Bans, treatment, supervision</source>
            <translation>禁垦、治理、监管</translation>
        </message>
        <message>
            <source>BAN_HA: the ban's county summary (BAN_HA), else its patches' AREA_HA. TREATED_HA: the plan's measure areas (measureplan TABLE), else its measure polygons, else the slope works' TREATED_HA; by measure in MEASURES. PATCHES, SUSPECT (not 合规), CLOSED (销号: closepatches' CLOSED, else a closing verdict in 结论) and CLOSURE_PCT = 100 × CLOSED / SUSPECT.</source>
            <translation>BAN_HA：禁垦陡坡县级汇总的 BAN_HA，缺省时取图斑 AREA_HA 之和。TREATED_HA：规划措施面积表（measureplan 的 TABLE），缺省时取措施图斑，再缺省时取坡面工程的 TREATED_HA；按措施分列于 MEASURES。PATCHES、SUSPECT（非合规）、CLOSED（销号：closepatches 的 CLOSED，缺省时按“结论”中的销号结论）以及 CLOSURE_PCT = 100 × CLOSED / SUSPECT。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: one feature per unit and year with its boundary from the database's units table, styled by TARGET_MET (2: both targets reached, 1: the first, 0: neither). MEASURES: LEVEL, ADCODE, NAME, YEAR, MEASURE, AREA_HA. XLSX: both tables.</source>
            <translation>OUTPUT：每个行政单元每年一个要素，边界取自数据库的行政单元表，按 TARGET_MET 着色（2：两个目标均达到，1：达到第一目标，0：均未达到）。MEASURES：LEVEL、ADCODE、NAME、YEAR、MEASURE、AREA_HA。XLSX：上述两张表。</translation>
        </message>
        <message>
            <source>First year (empty: all)</source>
            <translation>起始年份（空：全部）</translation>
        </message>
        <message>
            <source>Last year (empty: all)</source>
            <translation>截止年份（空：全部）</translation>
        </message>
        <message>
            <source>Levels</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省</translation>
        </message>
        <message>
            <source>City</source>
            <translation>市</translation>
        </message>
        <message>
            <source>County</source>
            <translation>县</translation>
        </message>
        <message>
            <source>First target rate (%; Hebei 2025: 79.96)</source>
            <translation>第一目标水土保持率（%；河北 2025 年：79.96）</translation>
        </message>
        <message>
            <source>Second target rate (%; Hebei 2035: 84.07)</source>
            <translation>第二目标水土保持率（%；河北 2035 年：84.07）</translation>
        </message>
        <message>
            <source>Roll-up</source>
            <translation>汇总</translation>
        </message>
        <message>
            <source>Treated area by measure</source>
            <translation>分措施治理面积</translation>
        </message>
        <message>
            <source>Roll-up workbook</source>
            <translation>汇总工作簿</translation>
        </message>
        <message>
            <source>The roll-up cannot be read from the database: {reason}</source>
            <translation>无法从数据库读取汇总：{reason}</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>措施</translation>
        </message>
        <message>
            <source>{year} {name}: SWC rate {rate:.2f} % over {n} counties ({gap1:+.2f} points to {t1:g} %, {gap2:+.2f} to {t2:g} %).</source>
            <translation>{year} {name}：{n} 个县的水土保持率 {rate:.2f} %（距 {t1:g} % 差 {gap1:+.2f} 个百分点，距 {t2:g} % 差 {gap2:+.2f}）。</translation>
        </message>
        <message>
            <source>The database holds no published result for these years and levels.</source>
            <translation>数据库中没有这些年份和层级的已发布成果。</translation>
        </message>
        <message>
            <source>Both targets reached (≥ {t:g} %)</source>
            <translation>两个目标均已达到（≥ {t:g} %）</translation>
        </message>
        <message>
            <source>First target reached (≥ {t:g} %)</source>
            <translation>已达到第一目标（≥ {t:g} %）</translation>
        </message>
        <message>
            <source>Below {t:g} %</source>
            <translation>低于 {t:g} %</translation>
        </message>
        <message>
            <source>No rate published</source>
            <translation>未发布水土保持率</translation>
        </message>
    </context>
    <context>
        <name>PublishResultsAlgorithm</name>
        <message>
            <source>Publish results to the provincial database</source>
            <translation>发布成果到省级数据库</translation>
        </message>
        <message>
            <source>Writes one result layer or table of an SWC Planner algorithm (steep-slope ban patches, slope classes, soil loss, rate, farmland, check dams, slope works, supervision, plan tables, …) to the provincial PostgreSQL/PostGIS database for one county (ADCODE) and year, in one transaction: all rows or none.</source>
            <translation>把 SWC Planner 算法的一个成果图层或表（禁垦陡坡图斑、坡度分级、土壤流失量、水土保持率、耕地、谷坊、坡面工程、监管、规划表等）按某县（ADCODE）某年写入省级 PostgreSQL/PostGIS 数据库，在一个事务中完成：要么全部写入，要么全不写入。</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Publishing the same kind, county and year again replaces the current rows and keeps the previous version: its rows get valid_to = the new publish time. A published result also closes the county's draft of it. DRAFT results are read only by the county and the province.</source>
            <translation>再次发布同一成果类型、县和年份时，替换当前各行并保留先前版本：其各行的 valid_to 设为新的发布时间。正式发布同时关闭该县的同一成果草稿。草稿（DRAFT）仅本县和省级可读。</translation>
        </message>
        <message>
            <source>Fields</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Fields are matched to the kind's columns by name (case-insensitive; the algorithms' output names). Other fields are kept in the row's extra (JSON). Geometries are stored in CGCS2000 (EPSG:4490). Every row carries the adcode, year, algorithm id and parameters (SOURCE_ALGORITHM, SOURCE_PARAMETERS; passwords are dropped), the plugin version, the login that published it and the time.</source>
            <translation>字段按名称（不区分大小写，即各算法的输出字段名）对应到该成果类型的列，其余字段存入该行的 extra（JSON）。几何以 CGCS2000（EPSG:4490）存储。每行记录行政区划代码、年份、算法编号及其参数（SOURCE_ALGORITHM、SOURCE_PARAMETERS；密码会被去除）、插件版本、发布人登录名和发布时间。</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>DATABASE: a PostgreSQL connection saved in QGIS (Browser ▸ PostgreSQL). AUTHCFG: an authentication configuration with the county's user name and password, kept in QGIS's encrypted store; nothing of it is written to the project, the log or the database. A county role writes only its own county's rows (row-level security); see docs/database.md.</source>
            <translation>DATABASE：QGIS 中保存的 PostgreSQL 连接（浏览器 ▸ PostgreSQL）。AUTHCFG：保存在 QGIS 加密存储中的认证配置，含本县的用户名和密码；其内容不会写入工程、日志或数据库。县级角色只能写本县的行（行级安全）；详见 docs/database.md。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: one row PUB_ID, KIND, ADCODE, YEAR, STATUS, ROWS, PUBLISHED_AT, REPLACED (the publications closed), EXTRA_FIELDS.</source>
            <translation>OUTPUT：一行，含 PUB_ID、KIND、ADCODE、YEAR、STATUS、ROWS、PUBLISHED_AT、REPLACED（被关闭的发布）、EXTRA_FIELDS。</translation>
        </message>
        <message>
            <source>Publication</source>
            <translation>发布记录</translation>
        </message>
        <message>
            <source>Publication id</source>
            <translation>发布编号</translation>
        </message>
        <message>
            <source>Rows written</source>
            <translation>写入行数</translation>
        </message>
        <message>
            <source>{kind} {adcode} {year} ({status}): {n} rows written, publication {pub}.</source>
            <translation>{kind} {adcode} {year}（{status}）：已写入 {n} 行，发布编号 {pub}。</translation>
        </message>
        <message>
            <source>Previous version(s) kept with valid_to set: {ids}.</source>
            <translation>已保留先前版本并设置 valid_to：{ids}。</translation>
        </message>
        <message>
            <source>Fields kept in extra (no column of their own): {fields}.</source>
            <translation>存入 extra 的字段（无对应列）：{fields}。</translation>
        </message>
        <message>
            <source>{n} rows name a unit the database's units table does not list under {adcode}: their unit_adcode is empty.</source>
            <translation>有 {n} 行所指单元不在数据库行政单元表中 {adcode} 之下：其 unit_adcode 为空。</translation>
        </message>
    </context>
    <context>
        <name>QuantitiesPage</name>
        <message>
            <source>6. Quantities and investment</source>
            <translation>6. 工程量与投资</translation>
        </message>
        <message>
            <source>Reset the unit prices</source>
            <translation>恢复默认单价</translation>
        </message>
        <message>
            <source>Unit prices</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>Bill of quantities</source>
            <translation>工程量汇总表</translation>
        </message>
        <message>
            <source>Investment estimate</source>
            <translation>投资估算表</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>not computed</source>
            <translation>未计算</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>措施</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Part</source>
            <translation>部分</translation>
        </message>
        <message>
            <source>Unit price (CNY)</source>
            <translation>单价（元）</translation>
        </message>
        <message>
            <source>Amount (10⁴ CNY)</source>
            <translation>金额（万元）</translation>
        </message>
        <message>
            <source>Total investment: {total} ×10⁴ CNY</source>
            <translation>总投资：{total} 万元</translation>
        </message>
        <message>
            <source>Update the investment</source>
            <translation>更新投资估算</translation>
        </message>
        <message>
            <source>Quantities and investment</source>
            <translation>工程量与投资</translation>
        </message>
        <message>
            <source>Quantities come from the measure layout; edit the unit prices (CNY) with their source, region and year to update the investment estimate. The shipped prices are placeholders: replace them with the current Hebei norms.</source>
            <translation>工程量来自措施布设；编辑单价（元）及其来源、地区和年份以更新投资估算。随插件提供的单价均为占位值：请以现行河北定额替换。</translation>
        </message>
        <message>
            <source>Implementation schedule (10⁴ CNY)</source>
            <translation>实施进度（万元）</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <source>placeholder</source>
            <translation>占位价，待替换</translation>
        </message>
        <message>
            <source>Price source</source>
            <translation>单价来源</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>10⁴ CNY</source>
            <translation>万元</translation>
        </message>
        <message>
            <source>— {n} priced items use placeholder prices: replace them with the current Hebei norms.</source>
            <translation>—— {n} 个计价项目使用占位单价：请以现行河北定额替换。</translation>
        </message>
    </context>
    <context>
        <name>RainfallErosivityAlgorithm</name>
        <message>
            <source>Rainfall erosivity R from daily rainfall</source>
            <translation>由日降雨量计算降雨侵蚀力 R</translation>
        </message>
        <message>
            <source>Inverse distance (IDW)</source>
            <translation>反距离加权（IDW）</translation>
        </message>
        <message>
            <source>Linear (Delaunay triangles)</source>
            <translation>线性（Delaunay 三角网）</translation>
        </message>
        <message>
            <source>Computes the rainfall erosivity R (MJ·mm/(hm²·h·a)) of each rain-gauge station from its daily rainfall and interpolates it onto a grid, for the R factor of the soil-loss algorithm.</source>
            <translation>由各雨量站的日降雨量计算降雨侵蚀力 R（MJ·mm/(hm²·h·a)），并插值到格网，作为土壤流失算法的 R 因子。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>Half-month model of Zhang Wenbo, Xie Yun and Liu Baoyuan (2002, 地理科学 22(6): 705–711): M = α Σ P^β over the erosive days (P ≥ 12 mm) of each half-month (days 1–15 and 16–end); β = 0.8363 + 18.144/P_d12 + 24.455/P_y12, α = 21.586 β^−7.1891, with P_d12 the mean rainfall of the erosive days and P_y12 the mean yearly rainfall of the erosive days of the station. The annual R is the sum of the 24 half-months; the station's R is the mean over its usable years. The 12 mm threshold and the model's form are from the paper's abstract; the five coefficients are the values quoted in the project's domain reference, not yet checked against the printed paper: they are the parameter COEFFICIENTS.</source>
            <translation>章文波、谢云、刘宝元（2002，地理科学 22(6): 705–711）半月模型：M = α Σ P^β，对每个半月（1–15 日和 16 日至月末）内的侵蚀性日降雨（P ≥ 12 mm）求和；β = 0.8363 + 18.144/P_d12 + 24.455/P_y12，α = 21.586 β^−7.1891，P_d12 为该站侵蚀性日降雨的平均日雨量，P_y12 为侵蚀性日降雨的多年平均年雨量。年 R 为 24 个半月之和；站点 R 为各可用年份的平均。12 mm 阈值和模型形式取自论文摘要；五个系数为项目领域参考文件所引数值，尚未与论文原文核对：它们是参数 COEFFICIENTS。</translation>
        </message>
        <message>
            <source>Years with gaps</source>
            <translation>缺测年份</translation>
        </message>
        <message>
            <source>A station-year is used when rows with a value cover at least MIN_COVERAGE % of its days (default 95 %); days without a row in a used year count as dry. Shorter years are left out and listed in the log. For a table that lists only the rainy days, set MIN_COVERAGE to 0. Empty or negative rainfall and the CMA codes (32766 missing) are missing values; the CMA trace code 32700 is 0 mm. A used year without an erosive day counts with R = 0 and is listed.</source>
            <translation>某站某年的有值记录覆盖该年至少 MIN_COVERAGE % 的天数（默认 95 %）时才使用；已用年份中无记录的日子按无雨计。不足的年份被舍去并在日志中列出。若表中只列出降雨日，请将 MIN_COVERAGE 设为 0。空值、负值和中国气象局代码（32766 缺测）为缺测；微量代码 32700 按 0 mm 计。已用年份中没有侵蚀性降雨日的按 R = 0 计入并列出。</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>RAINFALL: a table (CSV, xlsx, GeoPackage) or layer with one row per station and day: STATION_FIELD, DATE_FIELD (a date field or ISO text YYYY-MM-DD; YYYYMMDD and YYYY/M/D are read too) and RAIN_FIELD (daily total, mm). STATIONS: the stations as points, with a field of the same name as STATION_FIELD. GRID (optional): the R raster takes its grid and CRS, and its nodata cells stay nodata (give the DEM of the soil-loss run); without GRID the raster covers the stations plus 10 % at CELL_SIZE metres in the stations' CRS, which must then be projected.</source>
            <translation>RAINFALL：每站每日一行的表（CSV、xlsx、GeoPackage）或图层：STATION_FIELD、DATE_FIELD（日期字段或 ISO 文本 YYYY-MM-DD；也可读 YYYYMMDD 和 YYYY/M/D）和 RAIN_FIELD（日降雨量，mm）。STATIONS：站点点图层，含与 STATION_FIELD 同名的字段。GRID（可选）：R 栅格采用其格网和坐标系，其无数据像元保持无数据（请给土壤流失计算所用的 DEM）；不给 GRID 时栅格覆盖站点范围外扩 10 %，像元大小 CELL_SIZE 米，采用站点的坐标系，此时须为投影坐标系。</translation>
        </message>
        <message>
            <source>Interpolation</source>
            <translation>插值</translation>
        </message>
        <message>
            <source>GDAL's gridding (as gdal_grid), at cell centres: METHOD 0 inverse distance to the power IDW_POWER (default 2) over all stations; METHOD 1 linear in the Delaunay triangles, where cells outside the stations' convex hull take the nearest station's R. The log gives the share of cells outside the hull: add stations beyond the boundary where it is large.</source>
            <translation>GDAL 格网化（同 gdal_grid），在像元中心计算：METHOD 0 为对全部站点以 IDW_POWER 次幂（默认 2）的反距离加权；METHOD 1 为 Delaunay 三角网内线性插值，站点凸包以外的像元取最近站点的 R。日志给出凸包以外像元的比例：比例大时请补充边界以外的站点。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: R raster (Float32, nodata −9999), styled. STATION_TABLE: one point per station with R, YEARS, FIRST_YEAR, LAST_YEAR, P_D12, P_Y12, ALPHA, BETA, EROSIVE_DAYS, MISSING_DAYS, DROPPED_YEARS, DRY_YEARS, R_GRID (the raster at the station) and the mean half-month R_HM01 … R_HM24.</source>
            <translation>OUTPUT：R 栅格（Float32，无数据 −9999），已符号化。STATION_TABLE：每站一个点，字段 R、YEARS、FIRST_YEAR、LAST_YEAR、P_D12、P_Y12、ALPHA、BETA、EROSIVE_DAYS、MISSING_DAYS、DROPPED_YEARS、DRY_YEARS、R_GRID（站点处栅格值）以及各半月平均 R_HM01 … R_HM24。</translation>
        </message>
        <message>
            <source>Daily rainfall (table or layer: one row per station and day)</source>
            <translation>日降雨量（表或图层：每站每日一行）</translation>
        </message>
        <message>
            <source>Station id field</source>
            <translation>站号字段</translation>
        </message>
        <message>
            <source>Date field</source>
            <translation>日期字段</translation>
        </message>
        <message>
            <source>Daily rainfall field (mm)</source>
            <translation>日降雨量字段（mm）</translation>
        </message>
        <message>
            <source>Stations (points with the station id field)</source>
            <translation>雨量站（含站号字段的点）</translation>
        </message>
        <message>
            <source>Grid of the R raster (e.g. the DEM)</source>
            <translation>R 栅格的格网（如 DEM）</translation>
        </message>
        <message>
            <source>Cell size without a grid (m)</source>
            <translation>无格网时的像元大小（米）</translation>
        </message>
        <message>
            <source>IDW power</source>
            <translation>IDW 幂次</translation>
        </message>
        <message>
            <source>Minimum year coverage (% of days with a row; 0 = rainy days only)</source>
            <translation>年份最低覆盖率（有记录天数的 %；0 = 仅列降雨日）</translation>
        </message>
        <message>
            <source>Erosive day threshold (mm)</source>
            <translation>侵蚀性降雨日阈值（mm）</translation>
        </message>
        <message>
            <source>Model coefficients B0, BD, BY, A, E (β = B0 + BD/P_d12 + BY/P_y12, α = A·β^E)</source>
            <translation>模型系数 B0, BD, BY, A, E（β = B0 + BD/P_d12 + BY/P_y12，α = A·β^E）</translation>
        </message>
        <message>
            <source>Rainfall erosivity R</source>
            <translation>降雨侵蚀力因子 R</translation>
        </message>
        <message>
            <source>Station erosivity</source>
            <translation>站点降雨侵蚀力</translation>
        </message>
        <message>
            <source>Daily rainfall</source>
            <translation>日降雨量</translation>
        </message>
        <message>
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消，未写出任何结果。</translation>
        </message>
        <message>
            <source>Read {n} daily rows.</source>
            <translation>读取了 {n} 条日记录。</translation>
        </message>
        <message>
            <source>Stations</source>
            <translation>雨量站</translation>
        </message>
        <message>
            <source>The stations layer has no field “{field}” (the station id field of the rainfall table). Available fields: {fields}. Rename the field so both layers share it.</source>
            <translation>雨量站图层没有字段“{field}”（降雨表的站号字段）。现有字段：{fields}。请重命名字段，使两个图层共用该字段。</translation>
        </message>
        <message>
            <source>The stations layer has more than one point for stations {ids}. Keep one per station.</source>
            <translation>雨量站图层中站点 {ids} 有不止一个点。每站只保留一个。</translation>
        </message>
        <message>
            <source>Without GRID the R raster is built in the stations' CRS, which is {crs}: give a GRID raster (e.g. the DEM) or stations in a projected CRS (e.g. CGCS2000 Gauss-Krüger).</source>
            <translation>不给 GRID 时 R 栅格建在站点的坐标系 {crs} 中：请给出 GRID 栅格（如 DEM），或使用投影坐标系（如 CGCS2000 高斯-克吕格）中的站点。</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Stations {ids} have daily rows but no location: the stations layer has no point with that id, or its geometry is empty. Add their points (same id in the field “{field}”) or remove their rows from the rainfall table.</source>
            <translation>站点 {ids} 有日记录但没有位置：雨量站图层中没有该站号的点，或其几何为空。请补充其点位（字段“{field}”中站号相同），或从降雨表中删除其记录。</translation>
        </message>
        <message>
            <source>Stations without daily rows are ignored: {ids}.</source>
            <translation>没有日记录的站点被忽略：{ids}。</translation>
        </message>
        <message>
            <source>Stations outside the grid (they still take part in the interpolation): {ids}.</source>
            <translation>位于格网以外的站点（仍参与插值）：{ids}。</translation>
        </message>
        <message>
            <source>R raster: {n} cells, {lo:.0f}–{hi:.0f} MJ·mm/(hm²·h·a), mean {mean:.0f}; {share:.1f} % of the cells lie outside the stations' convex hull (extrapolated).</source>
            <translation>R 栅格：{n} 个像元，{lo:.0f}–{hi:.0f} MJ·mm/(hm²·h·a)，均值 {mean:.0f}；{share:.1f} % 的像元位于站点凸包以外（外推）。</translation>
        </message>
        <message>
            <source>{share:.0f} % of the grid lies outside the stations' convex hull: R there is extrapolated. Add stations around the area (e.g. from neighbouring counties).</source>
            <translation>{share:.0f} % 的格网位于站点凸包以外：那里的 R 是外推值。请补充区域周边的站点（例如邻县站点）。</translation>
        </message>
        <message>
            <source>The R raster has no valid cell (the GRID raster is all nodata).</source>
            <translation>R 栅格没有有效像元（GRID 栅格全为无数据）。</translation>
        </message>
        <message>
            <source>{n} rows have no usable rainfall value (empty, negative or a code) and count as absent.</source>
            <translation>{n} 条记录没有可用的降雨值（空值、负值或代码），按缺测计。</translation>
        </message>
        <message>
            <source>{n} station-years cover fewer than {cov:g} % of their days and are left out: {items}.</source>
            <translation>{n} 个站年的记录不足其天数的 {cov:g} %，已舍去：{items}。</translation>
        </message>
        <message>
            <source>Stations without a usable year get no R and are left out: {ids}.</source>
            <translation>没有可用年份的站点无 R 值，已舍去：{ids}。</translation>
        </message>
        <message>
            <source>Years without an erosive day (counted with R = 0): {items}.</source>
            <translation>没有侵蚀性降雨日的年份（按 R = 0 计）：{items}。</translation>
        </message>
        <message>
            <source>{id}: {years} years ({first}–{last}), {days} erosive days, P_d12 {pd:.1f} mm, P_y12 {py:.0f} mm, β {beta:.3f}, α {alpha:.4f}, R {r:.0f}; {missing} absent days counted as dry.</source>
            <translation>{id}：{years} 年（{first}–{last}），{days} 个侵蚀性降雨日，P_d12 {pd:.1f} mm，P_y12 {py:.0f} mm，β {beta:.3f}，α {alpha:.4f}，R {r:.0f}；{missing} 个缺记录日按无雨计。</translation>
        </message>
    </context>
    <context>
        <name>RateInputsMixin</name>
        <message>
            <source>Detect</source>
            <translation>自动识别</translation>
        </message>
        <message>
            <source>Wind-erosion modulus (t/km²·a)</source>
            <translation>风力侵蚀模数（t/(km²·a)）</translation>
        </message>
        <message>
            <source>SL 190 wind-erosion classes 1–6</source>
            <translation>SL 190 风力侵蚀强度 1–6 级</translation>
        </message>
        <message>
            <source>Wind erosion and the rate</source>
            <translation>风力侵蚀与水土保持率</translation>
        </message>
        <message>
            <source>WIND (optional): the wind-erosion modulus (t/km²·a) or SL 190 wind-erosion classes 1–6 (WIND_KIND; Detect takes an integer raster within 0–6 as classes), e.g. the provincial monitoring result, resampled onto the grid by nearest neighbour. Wind moduli are graded by SL 190-2007: slight below 200, light from 200, moderate from 2 500, intense from 5 000, very intense from 8 000, severe from 15 000 (lower bound included; TOLERANCE applies to water erosion only). EROSION_TYPES (optional): polygons whose EROSION_TYPE_FIELD says 水蚀 (water), 风蚀 (wind) or 水蚀风蚀交错 (mixed; also water, wind, mixed or 1, 2, 3). In a water zone only water erosion counts, in a wind zone only wind erosion, in a mixed zone both; without a zone, water erosion everywhere and wind erosion where WIND has a value. A cell is eroded when any type that counts there is light or above; it is counted once. The denominator is the unit's land area: every cell of the unit and the part of the unit beyond the raster. Land without an erosion value (a type that counts there has no value) is NODATA_KM2 / NODATA_PCT; SWC_RATE counts it as not eroded (水土保持率 = (land area − 水土流失面积) / land area, the MWR definition), SWC_RATE_MIN as eroded. Below {limit:g} % coverage (COVER_PCT) the run warns.</source>
            <translation>WIND（可选）：风力侵蚀模数（t/(km²·a)）或 SL 190 风力侵蚀强度 1–6 级（WIND_KIND；“自动识别”将取值在 0–6 之间的整型栅格视为等级），如省级监测成果，按最邻近法重采样到格网。风蚀模数按 SL 190-2007 分级：微度低于 200，轻度自 200 起，中度自 2 500 起，强烈自 5 000 起，极强烈自 8 000 起，剧烈自 15 000 起（含下限；TOLERANCE 只用于水力侵蚀）。EROSION_TYPES（可选）：多边形，其 EROSION_TYPE_FIELD 为 水蚀、风蚀 或 水蚀风蚀交错（也可为 water、wind、mixed 或 1、2、3）。水蚀区只计水力侵蚀，风蚀区只计风力侵蚀，交错区两者都计；无类型区处处计水力侵蚀，并在 WIND 有值处计风力侵蚀。凡计入的侵蚀类型中任一达到轻度及以上，该栅格即为侵蚀，只计一次。分母为单元的土地面积：单元的全部栅格及其超出栅格范围的部分。无侵蚀值的土地（应计的侵蚀类型在该处无值）记为 NODATA_KM2 / NODATA_PCT；SWC_RATE 将其计为未侵蚀（水土保持率 =（土地面积 − 水土流失面积）/ 土地面积，水利部定义），SWC_RATE_MIN 将其计为侵蚀。覆盖率（COVER_PCT）低于 {limit:g} % 时发出警告。</translation>
        </message>
        <message>
            <source>Wind erosion (modulus t/km²·a, or SL 190 wind classes 1–6; optional)</source>
            <translation>风力侵蚀（模数 t/(km²·a)，或 SL 190 风蚀强度 1–6 级；可选）</translation>
        </message>
        <message>
            <source>Wind raster holds</source>
            <translation>风蚀栅格内容</translation>
        </message>
        <message>
            <source>Erosion-type zones (水蚀 / 风蚀 / 水蚀风蚀交错; optional)</source>
            <translation>侵蚀类型区（水蚀 / 风蚀 / 水蚀风蚀交错；可选）</translation>
        </message>
        <message>
            <source>Erosion-type field</source>
            <translation>侵蚀类型字段</translation>
        </message>
        <message>
            <source>Erosion-type zones need the field that says 水蚀, 风蚀 or 水蚀风蚀交错 (EROSION_TYPE_FIELD).</source>
            <translation>侵蚀类型区需要给出注明 水蚀、风蚀 或 水蚀风蚀交错 的字段（EROSION_TYPE_FIELD）。</translation>
        </message>
        <message>
            <source>Wind erosion read as {kind}.</source>
            <translation>风蚀栅格按{kind}读取。</translation>
        </message>
        <message>
            <source>Erosion-type zones</source>
            <translation>侵蚀类型区</translation>
        </message>
        <message>
            <source>Erosion-type zones: the field {field} holds {values}; use 水蚀 (water), 风蚀 (wind) or 水蚀风蚀交错 (mixed), or water, wind, mixed, 1, 2, 3.</source>
            <translation>侵蚀类型区：字段 {field} 含有 {values}；请使用 水蚀、风蚀 或 水蚀风蚀交错，或 water、wind、mixed、1、2、3。</translation>
        </message>
        <message>
            <source>The erosion-type zones have wind or mixed zones but no WIND raster is given: their land counts as without data.</source>
            <translation>侵蚀类型区中有风蚀区或水蚀风蚀交错区，但未给出 WIND 栅格：这些土地计为无数据。</translation>
        </message>
        <message>
            <source>All erosion-type zones are water zones: WIND is not used there.</source>
            <translation>侵蚀类型区全部为水蚀区：这些区域不使用 WIND。</translation>
        </message>
        <message>
            <source>{zone}: {nodata:.4g} km² ({pct:.1f} %) of the land area has no erosion value (no land use, factor or wind value there, or beyond the raster); coverage {cover:.1f} % is below {limit:g} %. SWC rate {rate:.2f} % counts that land as not eroded; if it were all eroded the rate would be {rate_min:.2f} %. Fill the gaps in the inputs.</source>
            <translation>{zone}：{nodata:.4g} km²（{pct:.1f} %）的土地面积无侵蚀值（该处无土地利用、因子或风蚀值，或超出栅格范围）；覆盖率 {cover:.1f} % 低于 {limit:g} %。水土保持率 {rate:.2f} % 将这些土地计为未侵蚀；若全部为侵蚀，则为 {rate_min:.2f} %。请补齐输入数据的空缺。</translation>
        </message>
        <message>
            <source>no zone</source>
            <translation>无类型区</translation>
        </message>
        <message>
            <source>water</source>
            <translation>水蚀</translation>
        </message>
        <message>
            <source>wind</source>
            <translation>风蚀</translation>
        </message>
        <message>
            <source>mixed</source>
            <translation>水蚀风蚀交错</translation>
        </message>
        <message>
            <source>Land by erosion type: {items}.</source>
            <translation>各侵蚀类型土地面积：{items}。</translation>
        </message>
    </context>
    <context>
        <name>ReportPage</name>
        <message>
            <source>8. Report</source>
            <translation>8. 规划报告</translation>
        </message>
        <message>
            <source>Create the report</source>
            <translation>生成报告</translation>
        </message>
        <message>
            <source>Outputs: {pdf}, {xlsx}, {gpkg}, {qgz}</source>
            <translation>输出：{pdf}、{xlsx}、{gpkg}、{qgz}</translation>
        </message>
        <message>
            <source>The report could not be written: {error}</source>
            <translation>无法生成报告：{error}</translation>
        </message>
        <message>
            <source>Written:
{files}</source>
            <translation>已写出：
{files}</translation>
        </message>
        <message>
            <source>Write the plan report (PDF with maps and tables, in the outline of GB/T 15772), the tables as xlsx, all layers into the GeoPackage, and save the QGIS project. A county submits the report in Chinese.</source>
            <translation>生成规划报告（按 GB/T 15772 大纲，含图和表的 PDF）、xlsx 表格，把所有图层写入 GeoPackage 并保存 QGIS 工程。县里上报的报告为中文。</translation>
        </message>
        <message>
            <source>Report language</source>
            <translation>报告语言</translation>
        </message>
    </context>
    <context>
        <name>RiskGradingAlgorithm</name>
        <message>
            <source>Risk levels of construction projects</source>
            <translation>生产建设项目风险分级</translation>
        </message>
        <message>
            <source>Gives every project a supervision level — 免打扰 (no disturbance), 预警示 (warning) or 严监控 (strict monitoring), Hebei measures §三(五) — from an editable rule table: the first row whose conditions all hold wins.</source>
            <translation>按可编辑的规则表给每个项目定监管等级——免打扰、预警示或严监控（河北实施意见 §三(五)）：取第一条条件全部满足的规则。</translation>
        </message>
        <message>
            <source>No governing rule set</source>
            <translation>尚无正式规则</translation>
        </message>
        <message>
            <source>No published rule set for these levels was found. The shipped table resources/tables/supervision_risk_rules.csv is a PROPOSAL, each rule with its reason: 严监控 for 疑似未批先建 / 超出 / 建设地点变更, for a construction unit on the black list, and for a range in a key prevention zone with a mean slope above 15°; 预警示 for the focus list, for 未验先投 and for a range within 100 m of water; 免打扰 otherwise. Copy it, edit it and give the copy as RULES.</source>
            <translation>未找到划分这些等级的正式规则。随附的 resources/tables/supervision_risk_rules.csv 是一份建议（PROPOSAL），每条规则附理由：疑似未批先建/超出/建设地点变更、建设单位在黑名单、防治责任范围位于重点预防区且平均坡度大于 15° 的为严监控；重点关注名单、未验先投、距水体 100 m 以内的为预警示；其余为免打扰。请复制、修改后作为 RULES 输入。</translation>
        </message>
        <message>
            <source>Facts per project</source>
            <translation>项目的判定要素</translation>
        </message>
        <message>
            <source>Findings: the FINDINGS_FIELD values (';'-separated) of the SUPERVISION table (the PROJECTS table of remote-sensing supervision, or its patch layer with FINDINGS_FIELD = CATEGORY); a project listed without findings is 合规. Key zone: the dissolved range shares area with a KEY_ZONES polygon (重点预防区). Slope: mean Horn slope (degrees) of the DEM cells whose centre lies in the range. Water: distance from the range to the nearest WATER feature (m). Credit: the list (黑名单 before 重点关注名单) on which the construction unit (UNIT_FIELD, matched to ENTITY or NAME of the CREDIT table written by Credit lists) stands on REFERENCE_DATE, else 无. A fact whose input is not given is unknown, and a condition on an unknown fact does not hold.</source>
            <translation>监管问题：SUPERVISION 表（遥感监管的 PROJECTS 表，或其图斑图层并令 FINDINGS_FIELD = CATEGORY）中 FINDINGS_FIELD 的值（以 ; 分隔）；表中有该项目但无问题的为合规。重点预防区：合并后的防治责任范围与 KEY_ZONES 面有公共面积。坡度：中心落在范围内的 DEM 栅格的平均 Horn 坡度（度）。水体：范围到最近 WATER 要素的距离（m）。信用：建设单位（UNIT_FIELD，与信用名单输出表的 ENTITY 或 NAME 匹配）在 REFERENCE_DATE 所在的名单（黑名单优先于重点关注名单），否则为无。未提供相应输入的要素为未知，涉及未知要素的条件不成立。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: one polygon per project (its ranges dissolved) with PROJECT_ID, UNIT, FINDINGS, KEY_ZONE (是 / 否), SLOPE_DEG, WATER_M, CREDIT, RISK_LEVEL, RULE_ID, REASON and REASON_EN.</source>
            <translation>OUTPUT：每个项目一个面（其防治责任范围合并），含 PROJECT_ID、UNIT、FINDINGS、KEY_ZONE（是/否）、SLOPE_DEG、WATER_M、CREDIT、RISK_LEVEL、RULE_ID、REASON 和 REASON_EN。</translation>
        </message>
        <message>
            <source>Approved responsibility ranges (防治责任范围)</source>
            <translation>批复的防治责任范围</translation>
        </message>
        <message>
            <source>Project id field</source>
            <translation>项目编号字段</translation>
        </message>
        <message>
            <source>Construction unit field (for the credit lists)</source>
            <translation>建设单位字段（用于信用名单）</translation>
        </message>
        <message>
            <source>Supervision results (PROJECTS table of remote-sensing supervision)</source>
            <translation>监管结果（遥感监管的 PROJECTS 表）</translation>
        </message>
        <message>
            <source>Supervision: project id field</source>
            <translation>监管结果：项目编号字段</translation>
        </message>
        <message>
            <source>Supervision: findings field</source>
            <translation>监管结果：问题字段</translation>
        </message>
        <message>
            <source>Key prevention zones (重点预防区)</source>
            <translation>重点预防区</translation>
        </message>
        <message>
            <source>DEM for the mean slope (projected, metres)</source>
            <translation>计算平均坡度的 DEM（投影坐标，米）</translation>
        </message>
        <message>
            <source>Rivers, lakes and reservoirs</source>
            <translation>河流、湖泊和水库</translation>
        </message>
        <message>
            <source>Credit lists (output of Credit lists)</source>
            <translation>信用名单（信用“两单”的输出）</translation>
        </message>
        <message>
            <source>Reference date (YYYY-MM-DD; empty = today)</source>
            <translation>统计日期（YYYY-MM-DD；留空为今天）</translation>
        </message>
        <message>
            <source>Rule table (CSV; empty = the shipped proposal)</source>
            <translation>规则表（CSV；留空为随附的建议规则）</translation>
        </message>
        <message>
            <source>Working CRS (projected, metres; empty = automatic)</source>
            <translation>计算坐标系（投影，米；留空自动选择）</translation>
        </message>
        <message>
            <source>Project risk levels</source>
            <translation>项目风险等级</translation>
        </message>
        <message>
            <source>The reference date “{value}” is not a date: write it as YYYY-MM-DD.</source>
            <translation>统计日期“{value}”不是日期：请写成 YYYY-MM-DD。</translation>
        </message>
        <message>
            <source>Responsibility ranges</source>
            <translation>防治责任范围</translation>
        </message>
        <message>
            <source>{name}: repaired {n} invalid geometries (ids {ids}).</source>
            <translation>{name}：修复了 {n} 个无效几何（编号 {ids}）。</translation>
        </message>
        <message>
            <source>No range has a project id: fill the field {field} of the ranges.</source>
            <translation>所有防治责任范围都没有项目编号：请填写范围图层的 {field} 字段。</translation>
        </message>
        <message>
            <source>Key prevention zones</source>
            <translation>重点预防区</translation>
        </message>
        <message>
            <source>Water</source>
            <translation>水域</translation>
        </message>
        <message>
            <source>The output layer OUTPUT could not be created.</source>
            <translation>无法创建输出图层 OUTPUT。</translation>
        </message>
        <message>
            <source>Supervision results</source>
            <translation>监管结果</translation>
        </message>
        <message>
            <source>Credit lists</source>
            <translation>信用名单</translation>
        </message>
    </context>
    <context>
        <name>RsSupervisionAlgorithm</name>
        <message>
            <source>Remote-sensing supervision of construction projects</source>
            <translation>生产建设项目遥感监管</translation>
        </message>
        <message>
            <source>Checks every disturbance patch (扰动图斑) of the remote-sensing interpretation against the approved responsibility ranges (防治责任范围) of the soil-and-water-conservation plans and the project register, as the county does every year (Hebei measures §三(五)); writes each patch with its category, a per-project compliance table and a field-verification list sorted by priority.</source>
            <translation>将遥感解译的每个扰动图斑与水土保持方案批复的防治责任范围及项目台账比对（县级每年开展，河北实施意见 §三(五)）；输出带类别的图斑、逐项目合规性表和按优先级排序的现场核查清单。</translation>
        </message>
        <message>
            <source>Categories (生产建设项目水土保持信息化监管技术规定, 2018)</source>
            <translation>类别（生产建设项目水土保持信息化监管技术规定，2018）</translation>
        </message>
        <message>
            <source>The patch overlaps ranges: its area inside the union of all ranges and outside it are measured; if the outside share is at most TOLERANCE % it is 合规 (compliant), else 疑似超出防治责任范围 (suspected disturbance beyond the range). The matched project is the one with the largest overlap; PROJECTS lists every project the patch touches. The patch overlaps no range but its PATCH_PROJECT_FIELD names a project that has a range (or it lies within NEAR_DISTANCE m of one): 疑似建设地点变更 (suspected change of site). Otherwise: 疑似未批先建 (suspected construction before approval). A compliant patch of a project that the REGISTER shows finished or in use (IN_USE_STATES) without an acceptance date: 未验先投 (in use before acceptance). FLAGS keeps every finding of a patch. Categories: {cats}.</source>
            <translation>图斑与防治责任范围相交：分别量算其在全部范围并集之内和之外的面积；范围外比例不超过 TOLERANCE % 为合规，否则为疑似超出防治责任范围。匹配项目为重叠面积最大的项目；PROJECTS 列出图斑涉及的全部项目。图斑与任何范围都不相交，但其 PATCH_PROJECT_FIELD 指向一个有防治责任范围的项目（或距某范围不超过 NEAR_DISTANCE m）：疑似建设地点变更。其他：疑似未批先建。项目台账（REGISTER）显示已完工或已投入使用（IN_USE_STATES）且无验收日期的项目，其合规图斑为未验先投。FLAGS 记录图斑的全部问题。类别：{cats}。</translation>
        </message>
        <message>
            <source>Tolerance</source>
            <translation>容差</translation>
        </message>
        <message>
            <source>The text of the 2018 技术规定 was not found, so its tolerance could not be verified: 5 % is a default to check with the provincial rules.</source>
            <translation>未找到 2018 年技术规定原文，无法核实其容差：5 % 为默认值，请对照省级规定核对。</translation>
        </message>
        <message>
            <source>Geometry</source>
            <translation>几何</translation>
        </message>
        <message>
            <source>Patches and ranges may be in any CRS: both are transformed to one projected CRS in metres (WORK_CRS; by default the first projected CRS of the inputs, else the CGCS2000 3-degree Gauss-Krüger zone of the patches). Areas are planar in that CRS. Ranges of one project (several features or multipart) are dissolved; overlapping ranges are counted once. Invalid geometries are repaired (GEOS MakeValid), listed in the log and marked REPAIRED = 1. Spatial index: STR tree.</source>
            <translation>图斑和范围可为任意坐标系：统一转换到一个以米为单位的投影坐标系（WORK_CRS；默认取输入中第一个投影坐标系，否则取图斑所在的 CGCS2000 3度带高斯-克吕格带）。面积为该坐标系下的平面面积。同一项目的多个要素或多部件范围合并；相互重叠的范围只计一次。无效几何用 GEOS MakeValid 修复，在日志中列出并标记 REPAIRED = 1。空间索引：STR 树。</translation>
        </message>
        <message>
            <source>Field verification</source>
            <translation>现场核查</translation>
        </message>
        <message>
            <source>OUTPUT carries the empty fields 结论 (verdict: 属实, 不属实, 已整改, 非生产建设项目, 无法核查), 核查人 (inspector), 日期 (date), 照片 (photo) and 备注 (note), with drop-down lists, a calendar, a photo attachment and constraints stored in the layer's style (inside a GeoPackage output, else beside the file), so they can be filled in on a laptop without network. Closing patches reads them back. FIELD_LIST (save as .xlsx) lists the suspect patches by PRIORITY: 疑似未批先建, then 疑似超出, 疑似建设地点变更, 未验先投, each from the largest area in question (a proposal; no source ranks them), with coordinates X, Y (WORK_CRS) and LON, LAT (CGCS2000).</source>
            <translation>OUTPUT 带有空白的 结论（属实、不属实、已整改、非生产建设项目、无法核查）、核查人、日期、照片 和 备注 字段，下拉列表、日历、照片附件和约束保存在图层样式中（GeoPackage 输出时存于其内，否则存于文件旁），可在无网络的笔记本上填写。核查图斑销号算法读回这些字段。FIELD_LIST（保存为 .xlsx）按 PRIORITY 列出疑似图斑：先疑似未批先建，再疑似超出、疑似建设地点变更、未验先投，各类按涉及面积从大到小（建议排序，无出处），附坐标 X、Y（WORK_CRS）和经纬度 LON、LAT（CGCS2000）。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: patches with PATCH_ID, CATEGORY, PROJECT_ID, PROJECTS, AREA_M2, INSIDE_M2, OUTSIDE_M2, OUTSIDE_PCT, FLAGS, REPAIRED, PATCH_TYPE, PATCH_DATE, PRIORITY and the verification fields. PROJECTS: per project PROJECT_ID, NAME, APPROVAL_NO, APPROVAL_DATE, RANGE_M2, PATCHES, INSIDE_M2, OUTSIDE_M2 (outside area of the patches matched to it), one count per category, REG_STATUS, ACCEPT_DATE, FINDINGS and COMPLIANCE (合规 / 不合规). FIELD_LIST: PRIORITY, PATCH_ID, CATEGORY, PROJECT_ID, PROJECT_NAME, AREA_M2, OUTSIDE_M2, QUESTION_M2, X, Y, LON, LAT, PATCH_TYPE, PATCH_DATE, FLAGS.</source>
            <translation>OUTPUT：图斑，含 PATCH_ID、CATEGORY、PROJECT_ID、PROJECTS、AREA_M2、INSIDE_M2、OUTSIDE_M2、OUTSIDE_PCT、FLAGS、REPAIRED、PATCH_TYPE、PATCH_DATE、PRIORITY 及核查字段。PROJECTS：每个项目的 PROJECT_ID、NAME、APPROVAL_NO、APPROVAL_DATE、RANGE_M2、PATCHES、INSIDE_M2、OUTSIDE_M2（匹配到该项目的图斑的范围外面积）、各类别图斑数、REG_STATUS、ACCEPT_DATE、FINDINGS 和 COMPLIANCE（合规/不合规）。FIELD_LIST：PRIORITY、PATCH_ID、CATEGORY、PROJECT_ID、PROJECT_NAME、AREA_M2、OUTSIDE_M2、QUESTION_M2、X、Y、LON、LAT、PATCH_TYPE、PATCH_DATE、FLAGS。</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>《生产建设项目水土保持信息化监管技术规定(试行)》 (MWR 2018), named by 李智广 et al. 2019, 水土保持通报 39(5); overlay topology: 尹斌, 姜德文 et al., 生产建设项目扰动范围合规性判别与预警技术; compliance per project: 和田 2020–2023, 中国水土保持 2024(8).</source>
            <translation>《生产建设项目水土保持信息化监管技术规定(试行)》（水利部 2018），见李智广等 2019，水土保持通报 39(5)；叠加拓扑：尹斌、姜德文等，生产建设项目扰动范围合规性判别与预警技术；按项目统计合规率：和田 2020–2023，中国水土保持 2024(8)。</translation>
        </message>
        <message>
            <source>Disturbance patches (扰动图斑)</source>
            <translation>扰动图斑</translation>
        </message>
        <message>
            <source>Patch id field</source>
            <translation>图斑编号字段</translation>
        </message>
        <message>
            <source>Project id the patch is attributed to (optional field)</source>
            <translation>图斑所属项目编号（可选字段）</translation>
        </message>
        <message>
            <source>Disturbance type field</source>
            <translation>扰动类型字段</translation>
        </message>
        <message>
            <source>Acquisition date field (影像时相)</source>
            <translation>影像时相字段</translation>
        </message>
        <message>
            <source>Approved responsibility ranges (防治责任范围)</source>
            <translation>批复的防治责任范围</translation>
        </message>
        <message>
            <source>Project id field</source>
            <translation>项目编号字段</translation>
        </message>
        <message>
            <source>Project name field</source>
            <translation>项目名称字段</translation>
        </message>
        <message>
            <source>Approval number field</source>
            <translation>批复文号字段</translation>
        </message>
        <message>
            <source>Approval date field</source>
            <translation>批复日期字段</translation>
        </message>
        <message>
            <source>Project register (table with project id, status, acceptance date)</source>
            <translation>项目台账（含项目编号、状态、验收日期的表）</translation>
        </message>
        <message>
            <source>Register: project id field (default: the ranges' field name)</source>
            <translation>台账：项目编号字段（默认与范围图层同名）</translation>
        </message>
        <message>
            <source>Register: status field</source>
            <translation>台账：状态字段</translation>
        </message>
        <message>
            <source>Register: acceptance date field</source>
            <translation>台账：验收日期字段</translation>
        </message>
        <message>
            <source>Register states meaning finished or in use (comma-separated)</source>
            <translation>表示已完工或投入使用的台账状态（逗号分隔）</translation>
        </message>
        <message>
            <source>Tolerance: share of a patch outside the ranges still compliant (%)</source>
            <translation>容差：仍判为合规的图斑范围外面积比例（%）</translation>
        </message>
        <message>
            <source>Match a patch to a range within this distance as a change of site (m; 0 = off)</source>
            <translation>距范围在此距离内的图斑判为建设地点变更（m；0 = 不使用）</translation>
        </message>
        <message>
            <source>Working CRS (projected, metres; empty = automatic)</source>
            <translation>计算坐标系（投影，米；留空自动选择）</translation>
        </message>
        <message>
            <source>Supervised patches</source>
            <translation>遥感监管图斑</translation>
        </message>
        <message>
            <source>Project compliance</source>
            <translation>项目合规性</translation>
        </message>
        <message>
            <source>Field-verification list</source>
            <translation>现场核查清单</translation>
        </message>
        <message>
            <source>Disturbance patches</source>
            <translation>扰动图斑</translation>
        </message>
        <message>
            <source>Responsibility ranges</source>
            <translation>防治责任范围</translation>
        </message>
        <message>
            <source>Working CRS: {crs}</source>
            <translation>计算坐标系：{crs}</translation>
        </message>
        <message>
            <source>Project register</source>
            <translation>项目台账</translation>
        </message>
        <message>
            <source>{name}: repaired {n} invalid geometries (ids {ids}).</source>
            <translation>{name}：修复了 {n} 个无效几何（编号 {ids}）。</translation>
        </message>
        <message>
            <source>{name}: skipped {n} features with empty geometry (ids {ids}).</source>
            <translation>{name}：跳过了 {n} 个空几何要素（编号 {ids}）。</translation>
        </message>
        <message>
            <source>Compliant projects among those concerned: {rate:.1f} %</source>
            <translation>涉及项目中的合规项目比例：{rate:.1f} %</translation>
        </message>
        <message>
            <source>The output layer OUTPUT could not be created.</source>
            <translation>无法创建输出图层 OUTPUT。</translation>
        </message>
    </context>
    <context>
        <name>SiltDamsAlgorithm</name>
        <message>
            <source>Silt-trap dams (淤地坝)</source>
            <translation>淤地坝</translation>
        </message>
        <message>
            <source>Proposes one silt-trap dam (淤地坝) per gully whose control area and storage need fit one (GB 51018-2014 §5, §7; SL 289 for dam systems: 骨干坝 control 3–8 km², 50–500 ×10⁴ m³). Check-dam series (谷坊, swcplanner:checkdams) stay in small, steep gullies.</source>
            <translation>在控制面积和库容需求适合修建淤地坝的每条沟道中提出一座淤地坝（GB 51018-2014 第 5、7 章；坝系按 SL 289：骨干坝控制面积 3–8 km²，库容 50–500 万 m³）。谷坊群（swcplanner:checkdams）仍布设在小而陡的支毛沟中。</translation>
        </message>
        <message>
            <source>Gullies and sites</source>
            <translation>沟道与坝址</translation>
        </message>
        <message>
            <source>A gully is a connected tree of channel cells whose upslope area lies between MIN_CONTROL and MAX_CONTROL (km², default 1–8), inside AOI. Its main stem is searched upstream from the gully outlet for SEARCH_LENGTH m; at each site an axis across the valley, perpendicular to the thalweg, gives the height–area–volume curve (as swcplanner:damstorage). The site kept has the least dam body per m³ of storage need (ties: the lowest).</source>
            <translation>沟道为 AOI 内汇水面积介于 MIN_CONTROL 与 MAX_CONTROL（km²，默认 1–8）之间的连通河道栅格树。从沟口沿主沟向上游搜索 SEARCH_LENGTH 米；在每个候选坝址垂直于沟底线作横跨沟谷的坝轴线，求高程–面积–库容曲线（同 swcplanner:damstorage）。选取单位库容需求坝体工程量最小的坝址（相同时取最下游者）。</translation>
        </message>
        <message>
            <source>Storage need and class</source>
            <translation>库容需求与等级</translation>
        </message>
        <message>
            <source>Sediment inflow W (t/a) = the soil-loss modulus (SOIL_LOSS, the SOIL_LOSS of swcplanner:soilloss, t/km²·a; or the constant MODULUS) summed over the control area × DELIVERY_RATIO. Silt storage = W × N / DRY_DENSITY; flood storage = FLOOD_DEPTH mm of runoff over the control area (0 = not included: add the design flood of the design). N = DESIGN_LIFE, or with 0 by class: the smallest class whose design life (the lower bound of its range) gives a storage in that class. Classes by total storage: {classes} (SL 302-2004 / GB 51018 §5.2 as recalled [U]). Dam height = the height storing the need + FREEBOARD, at most MAX_HEIGHT; the valley must close at it.</source>
            <translation>来沙量 W（t/a）= 土壤侵蚀模数（SOIL_LOSS，即 swcplanner:soilloss 的 SOIL_LOSS，t/km²·a；或常数 MODULUS）在控制面积内求和 × DELIVERY_RATIO。拦泥库容 = W × N / DRY_DENSITY；滞洪库容 = 控制面积上 FLOOD_DEPTH 毫米的径流（0 = 不计：设计时加上设计洪水）。N = DESIGN_LIFE；为 0 时按等级确定：取其设计淤积年限（该等级年限范围的下限）所得库容仍属该等级的最小等级。按总库容分级：{classes}（SL 302-2004 / GB 51018 §5.2，凭记忆 [U]）。坝高 = 容纳所需库容的高度 + FREEBOARD，不超过 MAX_HEIGHT；沟谷须在该高度封闭。</translation>
        </message>
        <message>
            <source>Dam body and outlet works</source>
            <translation>坝体与放水工程</translation>
        </message>
        <message>
            <source>Body = the trapezoidal section (TOP_WIDTH, side slopes 1:UP_SLOPE and 1:DOWN_SLOPE) integrated along the crest over the ground. Defaults are planning values [U], not a design. Outlet works that drain the detained flood within 7 days are required (GB 51018 §7.1.5); they are priced per dam by swcplanner:planquantities (siltdam_count), not designed here.</source>
            <translation>坝体 = 梯形断面（坝顶宽 TOP_WIDTH，坡比 1:UP_SLOPE 和 1:DOWN_SLOPE）沿坝轴线在地面以上积分。默认值为规划值 [U]，不是设计。须设置 7 天内放完库内滞留洪水的放水工程（GB 51018 §7.1.5）；其费用由 swcplanner:planquantities 按座计列（siltdam_count），此处不作设计。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>DAMS (points): DAM_ID, GULLY, BED_Z, CONTROL_KM2, SEDIMENT_T_A, MODULUS (mean over the control area), LIFE_YR, SILT_NEED_M3, FLOOD_M3, NEED_M3, CLASS, CLASS_ZH, CLASS_LIFE, SILT_H_M, WATER_H_M, H_M (dam height), STORAGE_M3, SILT_M2 (silted area 淤地面积), POOL_M2, CREST_M, BODY_M3, CLOSED_H_M, DIST_M (from the gully outlet), OUTLET (required outlet works). CRESTS (lines), SILT (silted area at the silt height), CURVES (DAM_ID, H_M, Z_M, AREA_M2, VOL_M3), REJECTED (gullies without a dam: GULLY, CONTROL_KM2, NEED_M3, REASON no_sediment, too_large, too_small or valley_open).</source>
            <translation>DAMS（点）：DAM_ID、GULLY、BED_Z、CONTROL_KM2、SEDIMENT_T_A、MODULUS（控制面积内平均）、LIFE_YR、SILT_NEED_M3、FLOOD_M3、NEED_M3、CLASS、CLASS_ZH、CLASS_LIFE、SILT_H_M、WATER_H_M、H_M（坝高）、STORAGE_M3、SILT_M2（淤地面积）、POOL_M2、CREST_M、BODY_M3、CLOSED_H_M、DIST_M（距沟口）、OUTLET（须设放水工程）。CRESTS（坝顶线）、SILT（淤积高程处的淤地范围）、CURVES（DAM_ID、H_M、Z_M、AREA_M2、VOL_M3）、REJECTED（未布坝的沟道：GULLY、CONTROL_KM2、NEED_M3、REASON：no_sediment、too_large、too_small 或 valley_open）。</translation>
        </message>
        <message>
            <source>Area of interest (e.g. the watershed)</source>
            <translation>研究区（如小流域）</translation>
        </message>
        <message>
            <source>Soil-loss modulus (SOIL_LOSS of swcplanner:soilloss, t/km²·a)</source>
            <translation>土壤侵蚀模数（swcplanner:soilloss 的 SOIL_LOSS，t/km²·a）</translation>
        </message>
        <message>
            <source>Soil-loss modulus where no raster is given (t/km²·a)</source>
            <translation>未给栅格时的土壤侵蚀模数（t/km²·a）</translation>
        </message>
        <message>
            <source>Minimum control area (km²)</source>
            <translation>最小控制面积（km²）</translation>
        </message>
        <message>
            <source>Maximum control area (km²)</source>
            <translation>最大控制面积（km²）</translation>
        </message>
        <message>
            <source>Sediment delivery ratio</source>
            <translation>泥沙输移比</translation>
        </message>
        <message>
            <source>Dry density of the deposit (t/m³)</source>
            <translation>淤积物干容重（t/m³）</translation>
        </message>
        <message>
            <source>Design silting life (years; 0 = by size class)</source>
            <translation>设计淤积年限（年；0 = 按坝的等级）</translation>
        </message>
        <message>
            <source>Flood runoff detained (mm over the control area; 0 = not included)</source>
            <translation>滞洪径流深（控制面积上的毫米数；0 = 不计）</translation>
        </message>
        <message>
            <source>Freeboard (m)</source>
            <translation>安全超高（m）</translation>
        </message>
        <message>
            <source>Maximum dam height (m)</source>
            <translation>最大坝高（m）</translation>
        </message>
        <message>
            <source>Search upstream of the gully outlet (m)</source>
            <translation>自沟口向上游搜索长度（m）</translation>
        </message>
        <message>
            <source>Maximum crest length (m)</source>
            <translation>最大坝顶长度（m）</translation>
        </message>
        <message>
            <source>Crest width (m)</source>
            <translation>坝顶宽度（m）</translation>
        </message>
        <message>
            <source>Upstream slope 1:m</source>
            <translation>上游坡比 1:m</translation>
        </message>
        <message>
            <source>Downstream slope 1:m</source>
            <translation>下游坡比 1:m</translation>
        </message>
        <message>
            <source>Silt-trap dams</source>
            <translation>淤地坝</translation>
        </message>
        <message>
            <source>Dam crests</source>
            <translation>坝轴线</translation>
        </message>
        <message>
            <source>Silted area (淤地面积)</source>
            <translation>淤地面积</translation>
        </message>
        <message>
            <source>Height–area–volume curves</source>
            <translation>高程–面积–库容曲线</translation>
        </message>
        <message>
            <source>Gullies without a dam</source>
            <translation>未布坝的沟道</translation>
        </message>
        <message>
            <source>Area of interest</source>
            <translation>研究区范围</translation>
        </message>
        <message>
            <source>Routing the DEM and siting the silt-trap dams…</source>
            <translation>DEM 汇流计算并布设淤地坝…</translation>
        </message>
        <message>
            <source>{dams} silt-trap dams on {gullies} gullies; {rejected} gullies without a dam.</source>
            <translation>在 {gullies} 条沟道上布设淤地坝 {dams} 座；{rejected} 条沟道未布坝。</translation>
        </message>
        <message>
            <source>Dam {id}: control {km2:.2f} km², need {need:,.0f} m³ over {life:g} years → {cls}, height {h:.1f} m, silted area {silt:.2f} ha, body {body:,.0f} m³.</source>
            <translation>{id} 号坝：控制面积 {km2:.2f} km²，{life:g} 年所需库容 {need:,.0f} m³ → {cls}，坝高 {h:.1f} m，淤地面积 {silt:.2f} 公顷，坝体 {body:,.0f} m³。</translation>
        </message>
        <message>
            <source>required: drains the detained flood within 7 days (GB 51018 §7.1.5)</source>
            <translation>必须设置：7 天内放完滞留洪水（GB 51018 §7.1.5）</translation>
        </message>
        <message>
            <source>No gully has a control area between {lo:g} and {hi:g} km² inside the area of interest (largest upslope area there: {largest:.3f} km²): no silt-trap dam is proposed.</source>
            <translation>研究区内没有控制面积在 {lo:g} 至 {hi:g} km² 之间的沟道（区内最大汇水面积：{largest:.3f} km²）：不布设淤地坝。</translation>
        </message>
    </context>
    <context>
        <name>SlopeClassesAlgorithm</name>
        <message>
            <source>Slope classes</source>
            <translation>坡度分级</translation>
        </message>
        <message>
            <source>Grades the slope of a DEM into classes and reports the area of each class, per zone when zones are given.</source>
            <translation>将 DEM 坡度分级，并统计各级面积；给定分区时按分区统计。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>Slope in degrees by Horn's third-order finite difference (the land-survey 三阶反距离平方权差分), identical to gdaldem slope -compute_edges. A cell belongs to a class when its slope is above the lower break and at most the upper break (上含下不含): with the default breaks 2,6,15,25 the classes are ≤2°, 2–6°, 6–15°, 15–25° and &gt;25°, the national cropland slope classes 1–5.</source>
            <translation>坡度（度）采用 Horn 三阶反距离平方权差分法（国土调查所用方法），与 gdaldem slope -compute_edges 结果一致。栅格坡度大于下限且不超过上限即归入该级（上含下不含）：默认分级点 2,6,15,25 对应 ≤2°、2–6°、6–15°、15–25° 和 &gt;25°，即全国耕地坡度 1–5 级。</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>分区</translation>
        </message>
        <message>
            <source>A cell belongs to the zone polygon that contains its centre. Areas are planar, in the DEM's projected CRS: cell count × cell area.</source>
            <translation>栅格中心落在哪个分区多边形内即属于该分区。面积为 DEM 投影坐标系下的平面面积：栅格数 × 单元面积。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: class raster 1..n (0 = nodata) with a legend. TABLE: one row per zone and class with the area in m², ha and mu (亩, 666.67 m²) and the share of the zone in %.</source>
            <translation>OUTPUT：坡度级栅格 1..n（0 为无数据），附图例。TABLE：每个分区每个坡度级一行，面积以平方米、公顷和亩（666.67 平方米）表示，并给出占分区面积的百分比。</translation>
        </message>
        <message>
            <source>Slope class areas</source>
            <translation>坡度分级面积</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Outside zones</source>
            <translation>分区以外</translation>
        </message>
    </context>
    <context>
        <name>SlopeWorksAlgorithm</name>
        <message>
            <source>Fish-scale pits, level benches and level trenches</source>
            <translation>鱼鳞坑、水平阶与水平沟布设</translation>
        </message>
        <message>
            <source>Fish-scale pits (鱼鳞坑)</source>
            <translation>鱼鳞坑</translation>
        </message>
        <message>
            <source>Level benches (水平阶)</source>
            <translation>水平阶</translation>
        </message>
        <message>
            <source>Level trenches (水平沟)</source>
            <translation>水平沟</translation>
        </message>
        <message>
            <source>slope below {low:g}°</source>
            <translation>坡度小于 {low:g}°</translation>
        </message>
        <message>
            <source>slope above {high:g}°</source>
            <translation>坡度大于 {high:g}°</translation>
        </message>
        <message>
            <source>no DEM data</source>
            <translation>无高程数据</translation>
        </message>
        <message>
            <source>Lays out slope site-preparation works for planting on eroded forest land and barren slopes: fish-scale pits (鱼鳞坑, half-moon pits in staggered 品字形 rows), level benches (水平阶) or level trenches (水平沟), along contour rows that follow the terrain, with counts, earthwork, seedlings and cost per area.</source>
            <translation>在水土流失林地和荒山陡坡上布设造林整地工程：鱼鳞坑（半月形坑，按品字形错行排列）、水平阶或水平沟，沿随地形变化的等高线行布置，并按图斑统计数量、土方量、苗木数和投资。</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>行（等高线）</translation>
        </message>
        <message>
            <source>Rows are contour lines of the DEM (GDAL contours, linear between cell centres). The first row lies half a step below the highest treated cell; each next row is ΔZ lower, with ΔZ = ROW_SPACING · Σ tan θ / Σ sec θ over the treated cells between the two rows (θ = local slope, Horn, as gdaldem). On a uniform slope this is ROW_SPACING · sin θ: the rows are ROW_SPACING apart along the slope and ROW_SPACING · cos θ apart on the map; on varying terrain the rows are closer on the map where the slope is steeper, and the number of pits equals the nominal density 1 / (SPACING · ROW_SPACING · cos θ) summed over the treated area.</source>
            <translation>各行是 DEM 的等高线（GDAL 等高线，在栅格中心之间线性内插）。第一行位于最高治理栅格以下半个行距高差处；以后每行降低 ΔZ，ΔZ = ROW_SPACING · Σ tan θ / Σ sec θ，求和范围为两行之间的治理栅格（θ 为局部坡度，Horn 法，与 gdaldem 相同）。均匀坡面上 ΔZ = ROW_SPACING · sin θ：行间斜距为 ROW_SPACING，水平距离为 ROW_SPACING · cos θ；地形起伏时坡度越陡行距在图上越密，坑数等于名义密度 1 / (SPACING · ROW_SPACING · cos θ) 在治理面积上的积分。</translation>
        </message>
        <message>
            <source>Pits</source>
            <translation>鱼鳞坑</translation>
        </message>
        <message>
            <source>Pits are placed along each row every SPACING metres; with STAGGER the pits of every second row are shifted by half a spacing (the arc-length origin of each row walks down the fall line, so the shift holds between neighbouring rows). A pit is a half-ellipse: its straight edge, PIT_LONG_AXIS long, lies on the row along the contour and is its open, uphill side; the arc reaches PIT_SHORT_AXIS downhill, where the spoil ridge (PIT_RIDGE high) is built. A pit is kept when the middle of its straight edge lies in the area and in a cell whose slope is in the range.</source>
            <translation>沿每一行每隔 SPACING 米布设一个坑；选择 STAGGER 时，隔行的坑错开半个株距（各行弧长起点沿最大坡度线向下传递，因此相邻行之间保持错位，呈品字形）。坑为半椭圆形：长 PIT_LONG_AXIS 的直边位于行上、沿等高线方向，是朝向上坡的开口侧；弧边向下坡伸出 PIT_SHORT_AXIS，在此筑土埂（高 PIT_RIDGE）。直边中点位于图斑内且所在栅格坡度在适用范围内时，保留该坑。</translation>
        </message>
        <message>
            <source>Benches and trenches</source>
            <translation>水平阶与水平沟</translation>
        </message>
        <message>
            <source>Level benches and level trenches are the rows clipped to the treated area; pieces shorter than SPACING are dropped. Seedlings are planted every SPACING metres along them.</source>
            <translation>水平阶和水平沟为裁剪到治理范围内的各行；短于 SPACING 的段落被舍弃。沿其每隔 SPACING 米栽植苗木。</translation>
        </message>
        <message>
            <source>Applicability</source>
            <translation>适用范围</translation>
        </message>
        <message>
            <source>Only cells whose slope lies between MIN_SLOPE and MAX_SLOPE are treated (defaults: pits 15°–45°, benches and trenches 15°–25°, GB/T 16453.2; the defaults follow MEASURE when MIN_SLOPE / MAX_SLOPE are not given). The rest of each area is reported as excluded, with the reason: slope below the range, slope above it, or no DEM data.</source>
            <translation>只治理坡度在 MIN_SLOPE 与 MAX_SLOPE 之间的栅格（默认：鱼鳞坑 15°–45°，水平阶和水平沟 15°–25°，GB/T 16453.2；未给出 MIN_SLOPE / MAX_SLOPE 时按 MEASURE 取默认值）。图斑其余部分作为排除面积报告，并注明原因：坡度低于范围、坡度高于范围或无高程数据。</translation>
        </message>
        <message>
            <source>Quantities</source>
            <translation>工程量</translation>
        </message>
        <message>
            <source>Earthwork (excavated volume): pit (π/4) · long axis · short axis · depth; level bench width² · tan θ / 8 per metre (balanced cut and fill, like a level terrace); level trench (top + bottom width) / 2 · depth per metre. SEEDLINGS per pit or per planting spot. UNIT_PRICES: up to three numbers, price per pit (per metre for benches and trenches), per m³ of earthwork and per seedling; cost = the sum of the three products.</source>
            <translation>土方量（开挖量）：鱼鳞坑 (π/4) · 长径 · 短径 · 坑深；水平阶每米 阶宽² · tan θ / 8（挖填平衡，同水平梯田）；水平沟每米 (上口宽 + 底宽) / 2 · 沟深。SEEDLINGS 为每坑或每个栽植点的苗木数。UNIT_PRICES：至多三个数，依次为每坑单价（水平阶、水平沟为每米单价）、每立方米土方单价和每株苗木单价；投资 = 三项乘积之和。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>WORKS: pits (polygons) or benches/trenches (lines) with AREA_ID, ROW, ELEV (row level, m), SLOPE (local slope, °), LENGTH_M, EARTH_M3, SEEDLINGS. ROWS: contour rows with AREA_ID, ROW, ELEV, STEP_M (level step to the next row), SLOPE (slope of the step), LENGTH_M, COUNT. SUMMARY per area: AREA_ID, NAME, MEASURE, AREA_HA, TREATED_HA, TREATED_MU, EXCL_HA, EXCL_LOW_HA, EXCL_HIGH_HA, EXCL_NODATA_HA, EXCL_REASON, SLOPE_MEAN, ROWS, COUNT, LENGTH_M, DENS_HA and DENS_MU (pits, or metres of bench/trench, per treated ha and 亩), EARTH_M3, SEEDLINGS, COST. EXCLUDED (optional): the excluded parts with their REASON.</source>
            <translation>WORKS：鱼鳞坑（面）或水平阶/水平沟（线），字段 AREA_ID、ROW、ELEV（行高程，米）、SLOPE（局部坡度，°）、LENGTH_M、EARTH_M3、SEEDLINGS。ROWS：等高线行，字段 AREA_ID、ROW、ELEV、STEP_M（到下一行的高差）、SLOPE（该高差对应的坡度）、LENGTH_M、COUNT。SUMMARY 按图斑统计：AREA_ID、NAME、MEASURE、AREA_HA、TREATED_HA、TREATED_MU、EXCL_HA、EXCL_LOW_HA、EXCL_HIGH_HA、EXCL_NODATA_HA、EXCL_REASON、SLOPE_MEAN、ROWS、COUNT、LENGTH_M、DENS_HA 和 DENS_MU（每公顷、每亩治理面积上的坑数，或水平阶/水平沟米数）、EARTH_M3、SEEDLINGS、COST。EXCLUDED（可选）：被排除的部分及其原因 REASON。</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>Defaults from GB/T 16453.2-2008 and the encyclopaedia (shared/docs/domain.md §6): pit 1.0 × 0.6 m, 0.4 m deep, ridge 0.25 m, 2 m apart along the contour, rows 4 m apart along the slope; bench 1.0–1.5 m wide; trench top 0.6–1.0 m, bottom 0.3–0.5 m, depth 0.4–0.6 m. Check them against the printed standard and the local design.</source>
            <translation>默认值取自 GB/T 16453.2-2008 和百科资料（shared/docs/domain.md 第 6 节）：鱼鳞坑 1.0 × 0.6 m，深 0.4 m，埂高 0.25 m，沿等高线株距 2 m，沿坡面行距 4 m；水平阶宽 1.0–1.5 m；水平沟上口宽 0.6–1.0 m，底宽 0.3–0.5 m，深 0.4–0.6 m。请以正式出版的标准和当地设计为准进行核对。</translation>
        </message>
        <message>
            <source>Areas to treat</source>
            <translation>治理图斑</translation>
        </message>
        <message>
            <source>Area name field</source>
            <translation>图斑名称字段</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>措施</translation>
        </message>
        <message>
            <source>Spacing along the contour (m)</source>
            <translation>沿等高线株距（米）</translation>
        </message>
        <message>
            <source>Row spacing down the slope (slope distance, m)</source>
            <translation>沿坡面行距（斜距，米）</translation>
        </message>
        <message>
            <source>Stagger the pits of adjacent rows (品字形)</source>
            <translation>相邻行错位布设（品字形）</translation>
        </message>
        <message>
            <source>Minimum slope treated (degrees)</source>
            <translation>最小治理坡度（度）</translation>
        </message>
        <message>
            <source>Maximum slope treated (degrees)</source>
            <translation>最大治理坡度（度）</translation>
        </message>
        <message>
            <source>Pit long axis, along the contour (m)</source>
            <translation>鱼鳞坑长径，沿等高线（米）</translation>
        </message>
        <message>
            <source>Pit short axis, down the slope (m)</source>
            <translation>鱼鳞坑短径，顺坡向（米）</translation>
        </message>
        <message>
            <source>Pit depth (m)</source>
            <translation>鱼鳞坑深（米）</translation>
        </message>
        <message>
            <source>Pit ridge height (m)</source>
            <translation>鱼鳞坑埂高（米）</translation>
        </message>
        <message>
            <source>Level bench width (m)</source>
            <translation>水平阶宽（米）</translation>
        </message>
        <message>
            <source>Level trench top width (m)</source>
            <translation>水平沟上口宽（米）</translation>
        </message>
        <message>
            <source>Level trench bottom width (m)</source>
            <translation>水平沟底宽（米）</translation>
        </message>
        <message>
            <source>Level trench depth (m)</source>
            <translation>水平沟深（米）</translation>
        </message>
        <message>
            <source>Seedlings per pit or planting spot</source>
            <translation>每坑或每栽植点苗木数</translation>
        </message>
        <message>
            <source>Unit prices: per pit (or metre), per m³, per seedling (e.g. 3.5, 40, 2)</source>
            <translation>单价：每坑（或每米）、每立方米、每株苗木（如 3.5, 40, 2）</translation>
        </message>
        <message>
            <source>Works (pits or lines)</source>
            <translation>整地工程（坑或线）</translation>
        </message>
        <message>
            <source>Contour rows</source>
            <translation>等高线行</translation>
        </message>
        <message>
            <source>Summary per area</source>
            <translation>图斑汇总</translation>
        </message>
        <message>
            <source>Excluded parts</source>
            <translation>排除部分</translation>
        </message>
        <message>
            <source>Level benches and level trenches are designed for slopes up to {limit:g}° (GB/T 16453.2); MAX_SLOPE is {high:g}°. Use fish-scale pits on steeper slopes.</source>
            <translation>水平阶和水平沟适用于 {limit:g}° 以下的坡面（GB/T 16453.2）；当前 MAX_SLOPE 为 {high:g}°。更陡的坡面请采用鱼鳞坑。</translation>
        </message>
        <message>
            <source>Laying out {measure}: {spacing:g} m along the contour, rows {rows:g} m apart down the slope, slopes {low:g}°–{high:g}°…</source>
            <translation>正在布设{measure}：沿等高线间距 {spacing:g} 米，沿坡面行距 {rows:g} 米，坡度 {low:g}°–{high:g}°…</translation>
        </message>
        <message>
            <source>{reason}: {ha:.2f} ha</source>
            <translation>{reason}：{ha:.2f} 公顷</translation>
        </message>
        <message>
            <source>Area {area}: treated {treated:.2f} ha, excluded {excluded:.2f} ha; {count} works, {length:.0f} m, {earth:.1f} m³ of earthwork, {seedlings:.0f} seedlings.</source>
            <translation>图斑 {area}：治理 {treated:.2f} 公顷，排除 {excluded:.2f} 公顷；工程 {count} 处，长 {length:.0f} 米，土方 {earth:.1f} 立方米，苗木 {seedlings:.0f} 株。</translation>
        </message>
    </context>
    <context>
        <name>SoilErodibilityAlgorithm</name>
        <message>
            <source>Soil erodibility K from texture</source>
            <translation>由土壤质地计算土壤可蚀性 K</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>EPIC equation (Sharpley &amp; Williams 1990, USDA Tech. Bull. 1768, eq. 2.96): K = [0.2 + 0.3 exp(−0.0256 SAN (1 − SIL/100))] · [SIL/(CLA + SIL)]^0.3 · [1 − 0.25 C/(C + exp(3.72 − 2.95 C))] · [1 − 0.7 SN1/(SN1 + exp(−5.51 + 22.9 SN1))], SN1 = 1 − SAN/100, in US units; × 0.1317 gives SI units. Example: sand 40 %, silt 40 %, clay 20 %, OC 1 % → 0.2954 (US), 0.0389 (SI).</source>
            <translation>EPIC 公式（Sharpley &amp; Williams 1990，USDA Tech. Bull. 1768，式 2.96）：K = [0.2 + 0.3 exp(−0.0256 SAN (1 − SIL/100))] · [SIL/(CLA + SIL)]^0.3 · [1 − 0.25 C/(C + exp(3.72 − 2.95 C))] · [1 − 0.7 SN1/(SN1 + exp(−5.51 + 22.9 SN1))]，SN1 = 1 − SAN/100，为美制单位；× 0.1317 得国际单位。例：砂粒 40 %、粉粒 40 %、黏粒 20 %、有机碳 1 % → 0.2954（美制），0.0389（国际单位）。</translation>
        </message>
        <message>
            <source>Chinese correction</source>
            <translation>中国修正</translation>
        </message>
        <message>
            <source>CHINA_CORRECTION (off by default) applies K = −0.01383 + 0.51575 K_EPIC (SI), the correction of EPIC K to Chinese plot measurements by Zhang Keli et al. as quoted in the project's domain reference (not yet checked against the paper); the example above gives 0.0062. It is negative for sandy soils (K_EPIC below about 0.027): those K are set to 0 and listed. The output says which K was used (column CORRECTION).</source>
            <translation>CHINA_CORRECTION（默认关闭）采用 K = −0.01383 + 0.51575 K_EPIC（国际单位），即张科利等据中国径流小区实测对 EPIC K 的修正，按项目领域参考文件所引（尚未与原文核对）；上例得 0.0062。对砂质土（K_EPIC 小于约 0.027）结果为负：这些 K 置为 0 并列出。输出注明所用的 K（字段 CORRECTION）。</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>SOILS: soil polygons with the sand (0.05–2 mm), silt (0.002–0.05 mm) and clay (&lt; 0.002 mm) fractions in % (USDA limits: convert international-system data with a 0.02 mm limit first) and the organic carbon in % (or organic matter with ORGANIC_MATTER, converted × 0.58). Sand + silt + clay must be 100 % within SUM_TOLERANCE percentage points (default 2, for rounding); other polygons stop the run and are listed. GRID (optional): the K raster takes its grid and CRS and its nodata cells; without GRID it covers the soils at CELL_SIZE metres in their CRS (which must be projected).</source>
            <translation>SOILS：土壤图斑，含砂粒（0.05–2 mm）、粉粒（0.002–0.05 mm）和黏粒（&lt; 0.002 mm）含量（%，美国制粒级：国际制以 0.02 mm 分界的数据须先转换）和有机碳（%；若为有机质，勾选 ORGANIC_MATTER 后按 × 0.58 换算）。砂粒 + 粉粒 + 黏粒须在 100 % ± SUM_TOLERANCE 个百分点以内（默认 2，容许舍入误差）；不符合的图斑使运行停止并被列出。GRID（可选）：K 栅格采用其格网、坐标系和无数据像元；不给 GRID 时按 CELL_SIZE 米覆盖土壤图斑范围，采用其坐标系（须为投影坐标系）。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: K raster (Float32, nodata −9999; a cell takes the polygon containing its centre), styled. TABLE: the soil polygons with their fields and K_EPIC_US, K_EPIC (SI), K (the value used) and CORRECTION; give TABLE with K_FIELD = K to the soil-loss algorithm, or OUTPUT as its K raster.</source>
            <translation>OUTPUT：K 栅格（Float32，无数据 −9999；像元取包含其中心的图斑），已符号化。TABLE：土壤图斑及其字段，另加 K_EPIC_US、K_EPIC（国际单位）、K（所用值）和 CORRECTION；可将 TABLE 以 K_FIELD = K 交给土壤流失算法，或将 OUTPUT 作为其 K 栅格。</translation>
        </message>
        <message>
            <source>Soil polygons</source>
            <translation>土壤多边形</translation>
        </message>
        <message>
            <source>Sand field (%, 0.05–2 mm)</source>
            <translation>砂粒字段（%，0.05–2 mm）</translation>
        </message>
        <message>
            <source>Silt field (%, 0.002–0.05 mm)</source>
            <translation>粉粒字段（%，0.002–0.05 mm）</translation>
        </message>
        <message>
            <source>Clay field (%, &lt; 0.002 mm)</source>
            <translation>黏粒字段（%，&lt; 0.002 mm）</translation>
        </message>
        <message>
            <source>Organic carbon field (%)</source>
            <translation>有机碳字段（%）</translation>
        </message>
        <message>
            <source>Apply the Chinese correction K = −0.01383 + 0.51575 K_EPIC</source>
            <translation>采用中国修正 K = −0.01383 + 0.51575 K_EPIC</translation>
        </message>
        <message>
            <source>The organic field holds organic matter (% × 0.58 = organic carbon)</source>
            <translation>有机字段为有机质（% × 0.58 = 有机碳）</translation>
        </message>
        <message>
            <source>Tolerance of sand + silt + clay around 100 % (percentage points)</source>
            <translation>砂粒 + 粉粒 + 黏粒偏离 100 % 的容许值（百分点）</translation>
        </message>
        <message>
            <source>Grid of the K raster (e.g. the DEM)</source>
            <translation>K 栅格的格网（如 DEM）</translation>
        </message>
        <message>
            <source>Cell size without a grid (m)</source>
            <translation>无格网时的像元大小（米）</translation>
        </message>
        <message>
            <source>Soil erodibility K</source>
            <translation>土壤可蚀性因子 K</translation>
        </message>
        <message>
            <source>Soils with K</source>
            <translation>含 K 的土壤图斑</translation>
        </message>
        <message>
            <source>Without GRID the K raster is built in the soils' CRS, which is {crs}: give a GRID raster (e.g. the DEM) or soils in a projected CRS.</source>
            <translation>不给 GRID 时 K 栅格建在土壤图层的坐标系 {crs} 中：请给出 GRID 栅格（如 DEM），或使用投影坐标系中的土壤图层。</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>K = −0.01383 + 0.51575 K_EPIC (Chinese correction, as asked).</source>
            <translation>K = −0.01383 + 0.51575 K_EPIC（按要求采用中国修正）。</translation>
        </message>
        <message>
            <source>The Chinese correction gives K &lt; 0 for {n} soils ({ids}, sandy textures); their K is set to 0.</source>
            <translation>中国修正对 {n} 个土壤（{ids}，砂质土）给出 K &lt; 0；其 K 置为 0。</translation>
        </message>
        <message>
            <source>K = EPIC K × 0.1317 (SI), without the Chinese correction.</source>
            <translation>K = EPIC K × 0.1317（国际单位），未采用中国修正。</translation>
        </message>
        <message>
            <source>{n} soils: K {lo:.4f}–{hi:.4f} t·hm²·h/(hm²·MJ·mm).</source>
            <translation>{n} 个土壤：K {lo:.4f}–{hi:.4f} t·hm²·h/(hm²·MJ·mm)。</translation>
        </message>
        <message>
            <source>K raster: {n} cells with a value ({km2:.3f} km²).</source>
            <translation>K 栅格：{n} 个有值像元（{km2:.3f} km²）。</translation>
        </message>
        <message>
            <source>Computes the soil erodibility K (t·hm²·h/(hm²·MJ·mm)) of each soil polygon from its sand, silt and clay fractions and organic carbon, for the K factor of the soil-loss algorithm; or of every cell from sand, silt, clay and organic-carbon rasters.</source>
            <translation>由砂粒、粉粒、黏粒含量和有机碳计算每个土壤多边形的土壤可蚀性 K（t·hm²·h/(hm²·MJ·mm)），供土壤流失量算法的 K 因子使用；也可由砂粒、粉粒、黏粒和有机碳栅格逐栅格计算。</translation>
        </message>
        <message>
            <source>Texture rasters</source>
            <translation>质地栅格</translation>
        </message>
        <message>
            <source>Instead of SOILS: SAND, SILT, CLAY and OC rasters (%, same fractions and units as the fields; e.g. interpolated survey profiles or a soil-property map). The K raster takes the grid of GRID, or of SAND without GRID; the other rasters are resampled onto it (bilinear). A cell gets K where all four have a value; every cell's sand + silt + clay must be 100 % within SUM_TOLERANCE (rasters in g/kg: divide by 10 first), otherwise the run stops with the count and the first cell. TABLE is not written in this mode.</source>
            <translation>也可不用 SOILS，而给出 SAND、SILT、CLAY、OC 栅格（%，粒级和单位同字段；如剖面插值或土壤属性图）。K 栅格采用 GRID 的格网，无 GRID 时采用 SAND 的格网；其余栅格重采样到该格网（双线性）。四个栅格均有值的栅格才计算 K；每个栅格的砂粒 + 粉粒 + 黏粒须在 SUM_TOLERANCE 范围内等于 100 %（g/kg 的栅格先除以 10），否则运行停止并给出栅格数和第一个栅格的位置。此方式不输出 TABLE。</translation>
        </message>
        <message>
            <source>Sand raster (%, instead of soil polygons)</source>
            <translation>砂粒栅格（%，代替土壤多边形）</translation>
        </message>
        <message>
            <source>Silt raster (%)</source>
            <translation>粉粒栅格（%）</translation>
        </message>
        <message>
            <source>Clay raster (%)</source>
            <translation>黏粒栅格（%）</translation>
        </message>
        <message>
            <source>Organic carbon raster (%)</source>
            <translation>有机碳栅格（%）</translation>
        </message>
        <message>
            <source>K from rasters needs all four: SAND, SILT, CLAY and OC (missing: {names}).</source>
            <translation>由栅格计算 K 需要 SAND、SILT、CLAY 和 OC 四个栅格（缺少：{names}）。</translation>
        </message>
        <message>
            <source>Give soil polygons (SOILS) or texture rasters (SAND, SILT, CLAY, OC), not both.</source>
            <translation>请给出土壤多边形（SOILS）或质地栅格（SAND、SILT、CLAY、OC），不要同时给出。</translation>
        </message>
        <message>
            <source>Give soil polygons (SOILS) with their sand, silt, clay and organic-carbon fields, or the rasters SAND, SILT, CLAY and OC.</source>
            <translation>请给出含砂粒、粉粒、黏粒和有机碳字段的土壤多边形（SOILS），或 SAND、SILT、CLAY、OC 栅格。</translation>
        </message>
        <message>
            <source>Soil polygons need their texture fields: {names}.</source>
            <translation>土壤多边形需要质地字段：{names}。</translation>
        </message>
        <message>
            <source>The Chinese correction gives K &lt; 0 on {n} cells (sandy textures); their K is set to 0.</source>
            <translation>中国修正式在 {n} 个栅格上得出 K &lt; 0（砂质土）；其 K 取 0。</translation>
        </message>
        <message>
            <source>No cell has all four texture values: check that SAND, SILT, CLAY and OC overlap and that their nodata values are right.</source>
            <translation>没有栅格同时具有四项质地值：请检查 SAND、SILT、CLAY 和 OC 是否重叠、无数据值是否正确。</translation>
        </message>
        <message>
            <source>K raster: {n} cells with a value ({km2:.3f} km²), K {lo:.4f}–{hi:.4f}.</source>
            <translation>K 栅格：{n} 个栅格有值（{km2:.3f} km²），K 为 {lo:.4f}–{hi:.4f}。</translation>
        </message>
        <message>
            <source>{n} cells have no K (a texture raster or the grid has no value there).</source>
            <translation>{n} 个栅格无 K（该处质地栅格或格网无值）。</translation>
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
            <source>Outputs and sources</source>
            <translation>输出与依据</translation>
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
        <message>
            <source>The land-use table's T (national mean of rotations)</source>
            <translation>土地利用表的 T（全国轮作平均值）</translation>
        </message>
        <message>
            <source>One crop a year (Hebei mountains and 坝上)</source>
            <translation>一年一熟（河北山区和坝上）</translation>
        </message>
        <message>
            <source>Two crops a year (Hebei piedmont plain)</source>
            <translation>一年两熟（河北山前平原）</translation>
        </message>
        <message>
            <source>Three crops a year</source>
            <translation>一年三熟</translation>
        </message>
        <message>
            <source>LANDUSE is a raster of codes or polygons with the code in LANDUSE_FIELD. LANDUSE_TABLE (CSV: code, name, B, T, cover) gives B and T per code; the first row whose code pattern matches wins (* and ? wildcards). The default table holds the land-survey (三调) codes; resources/tables/landuse_bt_youwuzhen_seims.csv is an example for other codes. Codes missing from the table stop the run with their list. With an FVC raster (fraction 0–1 or percent 0–100), rows with cover forest or grass take B from FVC_TABLE. Built-up land and water have B = 0. Cropland has B = 1 and its crop effect in T (next section); it is never modelled as bare fallow.</source>
            <translation>LANDUSE 为地类编码栅格，或编码在 LANDUSE_FIELD 中的多边形。LANDUSE_TABLE（CSV：code、name、B、T、cover）给出各编码的 B 和 T；取第一个编码模式匹配的行（支持 * 和 ? 通配符）。默认表为国土三调编码；其他编码可参考 resources/tables/landuse_bt_youwuzhen_seims.csv。表中缺少的编码会使运行停止并列出。给出植被覆盖度 FVC 栅格（0–1 或 0–100 %）时，cover 为 forest 或 grass 的行由 FVC_TABLE 取 B。建设用地和水域 B = 0。耕地 B = 1，作物作用计入 T（见下节），决不按裸露休闲地处理。</translation>
        </message>
        <message>
            <source>Crop-rotation T of cropland</source>
            <translation>耕地轮作措施因子 T</translation>
        </message>
        <message>
            <source>Land-use rows with rotation = yes (水浇地, 旱地 and other cropland in the default table) take T from ROTATION_TABLE (default crop_rotation_t.csv: one crop a year 0.37, two crops 0.36, three crops 0.28, national mean 0.34; Guo, Liu, Xie et al. 2015, J. Integr. Agric. 14(9)). ROTATION_ZONE picks the zone for the whole run: in Hebei two crops a year on the piedmont plain, one crop a year in the mountains and on 坝上; the first choice keeps the land-use table's T (the national mean). ROTATION_ZONES are polygons whose ROTATION_FIELD holds the zone (code, name such as 一年两熟, or crops per year 1, 2, 3); cropland outside them takes ROTATION_ZONE.</source>
            <translation>rotation = yes 的地类行（默认表中的水浇地、旱地和其他耕地）由 ROTATION_TABLE 取 T（默认 crop_rotation_t.csv：一年一熟 0.37，一年两熟 0.36，一年三熟 0.28，全国平均 0.34；Guo、Liu、Xie 等 2015，J. Integr. Agric. 14(9)）。ROTATION_ZONE 为整次运行选定熟制分区：河北山前平原一年两熟，山区和坝上一年一熟；第一项沿用土地利用表的 T（全国平均）。ROTATION_ZONES 为多边形，其 ROTATION_FIELD 为分区（代码、名称如 一年两熟，或每年熟数 1、2、3）；多边形以外的耕地采用 ROTATION_ZONE。</translation>
        </message>
        <message>
            <source>One row per zone (polygons sharing a ZONE_FIELD value form one zone; without zones one row for the cells with an LS value): AREA_KM2 (land area, the denominator), SLIGHT_KM2 … SEVERE_KM2 (water erosion), ERODED_KM2 (light and above, water or wind, counted once), ERODED_PCT, MEAN_MODULUS (t/km²·a), SOIL_LOSS_T (t/a), SWC_RATE (% = non-eroded area / land area), TOLERANCE, and for the scenario BASE_LOSS_T, BASE_MODULUS, BASE_ERODED_KM2, BASE_SWC_RATE, REDUCTION_T (t/a), REDUCTION_PCT, RATE_GAIN (percentage points), BASE_SOURCE (measures or raster; empty without a baseline); then WATER_KM2, WIND_KM2, BOTH_KM2, NODATA_KM2, NODATA_PCT, COVER_PCT, SWC_RATE_MIN, WIND_SLIGHT_KM2 … WIND_SEVERE_KM2 (wind columns empty without WIND) and VALUE_KM2 (cells with a soil-loss value).</source>
            <translation>每个分区一行（ZONE_FIELD 取值相同的多边形合为一个分区；无分区时为有 LS 值的全部栅格一行）：AREA_KM2（土地面积，即分母）、SLIGHT_KM2 … SEVERE_KM2（水力侵蚀）、ERODED_KM2（轻度及以上，水蚀或风蚀，只计一次）、ERODED_PCT、MEAN_MODULUS（t/(km²·a)）、SOIL_LOSS_T（t/a）、SWC_RATE（% = 非侵蚀面积 / 土地面积）、TOLERANCE，情景对比时还有 BASE_LOSS_T、BASE_MODULUS、BASE_ERODED_KM2、BASE_SWC_RATE、REDUCTION_T（t/a）、REDUCTION_PCT、RATE_GAIN（百分点）、BASE_SOURCE（measures 或 raster；无基准时为空）；其后为 WATER_KM2、WIND_KM2、BOTH_KM2、NODATA_KM2、NODATA_PCT、COVER_PCT、SWC_RATE_MIN、WIND_SLIGHT_KM2 … WIND_SEVERE_KM2（无 WIND 时风蚀各列为空）和 VALUE_KM2（有土壤流失量值的面积）。</translation>
        </message>
        <message>
            <source>SOIL_LOSS: t/km²·a (Float32, nodata −9999; = 100 × the factor product in t/hm²·a). INTENSITY: classes 1–6 (Byte, 0 = nodata), styled. Sources: the CSLE (Liu, Zhang &amp; Xie 2002), SL 190-2007 and the MWR definition of the rate; the B, E and T tables are editable CSV files in resources/tables with a source for every value (values not yet checked against the printed tables are marked [U]).</source>
            <translation>SOIL_LOSS：t/(km²·a)（Float32，无数据值 −9999；= 100 × 以 t/(hm²·a) 计的因子乘积）。INTENSITY：1–6 级（Byte，0 = 无数据），已设置样式。依据：中国土壤流失方程 CSLE（刘宝元、张科利、谢云 2002）、SL 190-2007 和水利部水土保持率定义；B、E、T 表为 resources/tables 中可编辑的 CSV 文件，每个值都注明来源（尚未对照正式印刷表格核实的值标为 [U]）。</translation>
        </message>
        <message>
            <source>Crop-rotation zone of the cropland</source>
            <translation>耕地熟制（轮作）分区</translation>
        </message>
        <message>
            <source>Crop-rotation zones (polygons, optional)</source>
            <translation>轮作分区（多边形，可选）</translation>
        </message>
        <message>
            <source>Crop-rotation zone field (一年一熟 / 一年两熟 / 一年三熟, or 1, 2, 3)</source>
            <translation>轮作分区字段（一年一熟 / 一年两熟 / 一年三熟，或 1、2、3）</translation>
        </message>
        <message>
            <source>Crop-rotation table: zone → T (CSV)</source>
            <translation>轮作表：分区 → T（CSV）</translation>
        </message>
        <message>
            <source>Crop-rotation zones need the field holding the zone (ROTATION_FIELD), e.g. 一年两熟 or 2.</source>
            <translation>轮作分区需要给出分区字段（ROTATION_FIELD），如 一年两熟 或 2。</translation>
        </message>
        <message>
            <source>{zone}: eroded by water {water:.4g} km², by wind {wind:.4g} km², by both {both:.4g} km²</source>
            <translation>{zone}：水力侵蚀 {water:.4g} km²，风力侵蚀 {wind:.4g} km²，两者兼有 {both:.4g} km²</translation>
        </message>
        <message>
            <source>A crop-rotation zone is given but no land-use code present has rotation = yes in the land-use table: T is unchanged.</source>
            <translation>给出了轮作分区，但土地利用表中现有地类均未标注 rotation = yes：T 不变。</translation>
        </message>
        <message>
            <source>Cropland T = {t:g} ({zone}; {source}).</source>
            <translation>耕地 T = {t:g}（{zone}；{source}）。</translation>
        </message>
        <message>
            <source>Crop-rotation zones</source>
            <translation>轮作分区</translation>
        </message>
        <message>
            <source>Crop-rotation zones: the field {field} holds {values}, which are not zones of {path}. Use {names}.</source>
            <translation>轮作分区：字段 {field} 含有 {values}，不是 {path} 中的分区。请使用 {names}。</translation>
        </message>
        <message>
            <source>Crop-rotation zones: {items}.</source>
            <translation>轮作分区：{items}。</translation>
        </message>
        <message>
            <source>Cropland with the crop-rotation T of its zone polygon: {inside:.4g} km²; outside the polygons ({rule}): {outside:.4g} km².</source>
            <translation>按所在轮作分区多边形取 T 的耕地：{inside:.4g} km²；多边形以外（{rule}）：{outside:.4g} km²。</translation>
        </message>
        <message>
            <source>the chosen zone</source>
            <translation>所选分区</translation>
        </message>
        <message>
            <source>the table's T</source>
            <translation>表中的 T</translation>
        </message>
        <message>
            <source>Cropland with the crop-rotation T: {km2:.4g} km².</source>
            <translation>采用轮作 T 的耕地：{km2:.4g} km²。</translation>
        </message>
    </context>
    <context>
        <name>StatusPage</name>
        <message>
            <source>4. Status</source>
            <translation>4. 现状分析</translation>
        </message>
        <message>
            <source>Slope classes, land use by slope class, soil loss, erosion intensity and the soil-and-water-conservation rate of the watershed. The layers are added to the plan group.</source>
            <translation>流域坡度分级、分坡度级土地利用、土壤流失量、侵蚀强度和水土保持率。图层将添加到规划图层组中。</translation>
        </message>
        <message>
            <source>Analyse the status</source>
            <translation>分析现状</translation>
        </message>
        <message>
            <source>Land use by slope class (ha)</source>
            <translation>分坡度级土地利用现状（公顷）</translation>
        </message>
        <message>
            <source>Soil erosion intensity</source>
            <translation>土壤侵蚀强度</translation>
        </message>
        <message>
            <source>Clipping the DEM to the watershed</source>
            <translation>按流域裁剪 DEM</translation>
        </message>
        <message>
            <source>Slope classes</source>
            <translation>坡度分级</translation>
        </message>
        <message>
            <source>Land use × slope class</source>
            <translation>地类 × 坡度级</translation>
        </message>
        <message>
            <source>Soil loss (CSLE)</source>
            <translation>土壤流失量（CSLE）</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Land use</source>
            <translation>土地利用</translation>
        </message>
        <message>
            <source>Intensity class</source>
            <translation>强度等级</translation>
        </message>
        <message>
            <source>Area (km²)</source>
            <translation>面积（km²）</translation>
        </message>
        <message>
            <source>Soil loss {loss} t/a, mean modulus {mod} t/(km²·a), eroded area {eroded} km², soil-and-water-conservation rate {rate} %.</source>
            <translation>土壤流失量 {loss} t/a，平均侵蚀模数 {mod} t/(km²·a)，水土流失面积 {eroded} km²，水土保持率 {rate}%。</translation>
        </message>
        <message>
            <source>Soil-and-water-conservation rate by county/township</source>
            <translation>分县/乡镇水土保持率</translation>
        </message>
        <message>
            <source>County/township</source>
            <translation>县/乡镇</translation>
        </message>
        <message>
            <source>Area in the watershed (km²)</source>
            <translation>流域内面积（km²）</translation>
        </message>
        <message>
            <source>Eroded area (km²)</source>
            <translation>水土流失面积（km²）</translation>
        </message>
        <message>
            <source>SWC rate (%)</source>
            <translation>水土保持率（%）</translation>
        </message>
        <message>
            <source>Gap to the 2025 target (points)</source>
            <translation>距 2025 年目标差距（百分点）</translation>
        </message>
        <message>
            <source>Status indicators</source>
            <translation>现状指标</translation>
        </message>
        <message>
            <source>Rainfall erosivity R from the rain gauges</source>
            <translation>由雨量站计算降雨侵蚀力 R</translation>
        </message>
        <message>
            <source>Soil erodibility K from the soil texture</source>
            <translation>由土壤质地计算土壤可蚀性 K</translation>
        </message>
        <message>
            <source>Counties/townships: their parts inside the watershed</source>
            <translation>县/乡镇：位于小流域内的部分</translation>
        </message>
    </context>
    <context>
        <name>SteepSlopeBanAlgorithm</name>
        <message>
            <source>No-reclamation steep slopes per county</source>
            <translation>分县禁止开垦陡坡地划定</translation>
        </message>
        <message>
            <source>general</source>
            <translation>一般规定</translation>
        </message>
        <message>
            <source>reservoir catchment</source>
            <translation>水库汇水区</translation>
        </message>
        <message>
            <source>general and reservoir catchment</source>
            <translation>一般规定和水库汇水区</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Areas</source>
            <translation>面积</translation>
        </message>
        <message>
            <source>DEM resolution</source>
            <translation>DEM 分辨率</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Counties</source>
            <translation>县级行政区</translation>
        </message>
        <message>
            <source>County name field</source>
            <translation>县名称字段</translation>
        </message>
        <message>
            <source>Ban slope (degrees; banned above it)</source>
            <translation>禁垦坡度（度，大于该值禁止开垦）</translation>
        </message>
        <message>
            <source>Per-county ban slope field (overrides the ban slope)</source>
            <translation>分县禁垦坡度字段（覆盖统一禁垦坡度）</translation>
        </message>
        <message>
            <source>Catchments of large and medium reservoirs</source>
            <translation>大中型水库汇水区</translation>
        </message>
        <message>
            <source>Ban slope inside reservoir catchments (degrees)</source>
            <translation>水库汇水区内禁垦坡度（度）</translation>
        </message>
        <message>
            <source>Land use (land-survey polygons)</source>
            <translation>土地利用（国土调查图斑）</translation>
        </message>
        <message>
            <source>Land-use code field</source>
            <translation>地类编码字段</translation>
        </message>
        <message>
            <source>Land-use codes kept (comma-separated, * wildcard)</source>
            <translation>保留的地类编码（逗号分隔，可用 * 通配）</translation>
        </message>
        <message>
            <source>Excluded areas (e.g. permanent basic farmland)</source>
            <translation>扣除范围（如永久基本农田）</translation>
        </message>
        <message>
            <source>Minimum patch area (ha; 0 keeps every patch)</source>
            <translation>最小图斑面积（公顷；0 保留全部图斑）</translation>
        </message>
        <message>
            <source>Townships</source>
            <translation>乡镇</translation>
        </message>
        <message>
            <source>Township name field</source>
            <translation>乡镇名称字段</translation>
        </message>
        <message>
            <source>Banned steep-slope patches</source>
            <translation>禁止开垦陡坡地图斑</translation>
        </message>
        <message>
            <source>County summary</source>
            <translation>县级汇总表</translation>
        </message>
        <message>
            <source>Township table</source>
            <translation>乡镇统计表</translation>
        </message>
        <message>
            <source>A land-use layer needs its code field (LANDUSE_FIELD).</source>
            <translation>提供土地利用图层时须指定地类编码字段（LANDUSE_FIELD）。</translation>
        </message>
        <message>
            <source>A township layer needs its name field (TOWNSHIP_FIELD).</source>
            <translation>提供乡镇图层时须指定乡镇名称字段（TOWNSHIP_FIELD）。</translation>
        </message>
        <message>
            <source>County {name}: the ban slope field is empty or invalid; using {value:g}°.</source>
            <translation>{name}：禁垦坡度字段为空或无效，改用 {value:g}°。</translation>
        </message>
        <message>
            <source>{label}: no feature has a code in {codes}; nothing is kept.</source>
            <translation>{label}：没有要素的编码属于 {codes}，结果为空。</translation>
        </message>
        <message>
            <source>Rasterising the counties on the DEM grid…</source>
            <translation>正在将县界栅格化到 DEM 格网……</translation>
        </message>
        <message>
            <source>Reservoir catchments</source>
            <translation>水库汇水区</translation>
        </message>
        <message>
            <source>Land use</source>
            <translation>土地利用</translation>
        </message>
        <message>
            <source>Excluded areas</source>
            <translation>扣除范围</translation>
        </message>
        <message>
            <source>Computing slopes and banned cells…</source>
            <translation>正在计算坡度和禁垦栅格……</translation>
        </message>
        <message>
            <source>{n} patches kept, {m} below the minimum area removed.</source>
            <translation>保留 {n} 个图斑，剔除 {m} 个小于最小面积的图斑。</translation>
        </message>
        <message>
            <source>Banned steep slopes</source>
            <translation>禁止开垦陡坡地</translation>
        </message>
        <message>
            <source>Coarse DEMs flatten slopes and understate the banned area. Measured on the shared test DEMs (share of the area steeper than 25° after averaging the DEM to coarser cells; benchmarks/coarse_dem.py): Big Tujunga 37.6 % at 30 m, 22.7 % at 90 m, 3.6 % at 250 m, 0 % at 1 km; Qinling 45.2 % at 30 m, 38.6 % at 100 m, 17.3 % at 250 m; Youwuzhen 18.3 % at 5 m, 15.7 % at 10 m, 4.8 % at 30 m. Use a 5–30 m DEM; a warning is given above 30 m.</source>
            <translation>粗分辨率 DEM 会使坡度变缓、低估禁垦面积。在共享测试 DEM 上的实测结果（将 DEM 平均重采样到更粗格网后坡度大于 25° 的面积比例；见 benchmarks/coarse_dem.py）：Big Tujunga 30 米 37.6 %、90 米 22.7 %、250 米 3.6 %、1 千米 0 %；秦岭 30 米 45.2 %、100 米 38.6 %、250 米 17.3 %；油屋镇 5 米 18.3 %、10 米 15.7 %、30 米 4.8 %。请使用 5–30 米 DEM；粗于 30 米时给出警告。</translation>
        </message>
        <message>
            <source>County names are not unique ({names}); each county feature gets its own rows. Choose a unique field (e.g. the administrative code) to tell them apart.</source>
            <translation>县名称不唯一（{names}）；每个县要素单独成行。请选择唯一字段（如行政区划代码）加以区分。</translation>
        </message>
        <message>
            <source>preliminary, no land-use filter</source>
            <translation>初步结果，未按土地利用筛选</translation>
        </message>
        <message>
            <source>Delimits, county by county, the steep slopes on which reclamation for crops is banned (以县为单位划定禁止开垦陡坡地范围), with the patch list, the county summary, the township table and the notice tables that county notices publish.</source>
            <translation>以县为单位划定禁止开垦陡坡地范围，输出图斑清单、县级汇总表、乡镇统计表以及县级公告所附的公告表。</translation>
        </message>
        <message>
            <source>A DEM cell is banned when its slope (degrees, Horn, as gdaldem slope) is above the threshold: THRESHOLD (default 25°, SWC Law Art. 20), or the county's value in THRESHOLD_FIELD; inside the catchments of large and medium reservoirs the lower RESERVOIR_THRESHOLD applies (Hebei implementing measures: 20°). Only land of the LANDUSE layer whose code matches LANDUSE_CODES is kept (default 03*, 04*, 1206: forest, grassland and bare soil of the land survey, as published notices delimit); EXCLUDE polygons (e.g. permanent basic farmland) are removed.</source>
            <translation>坡度（度，Horn 算法，与 gdaldem slope 一致）大于阈值的 DEM 栅格列为禁垦：阈值为 THRESHOLD（默认 25°，水土保持法第二十条），或 THRESHOLD_FIELD 中该县的值；大中型水库汇水区内采用更低的 RESERVOIR_THRESHOLD（河北实施办法：20°）。只保留 LANDUSE 图层中编码与 LANDUSE_CODES 匹配的土地（默认 03*、04*、1206：国土调查的林地、草地和裸土地，与已发布公告的划定口径一致）；扣除 EXCLUDE 多边形（如永久基本农田）。</translation>
        </message>
        <message>
            <source>Land use required</source>
            <translation>必须提供土地利用</translation>
        </message>
        <message>
            <source>Without LANDUSE the run stops: a ban without the land-use filter covers fields, villages and water. NO_LANDUSE_FILTER allows a preliminary run without it; every table and the patch layer then say “preliminary, no land-use filter” (fields PRELIM = 1 and NOTE; 备注 of the notice tables).</source>
            <translation>未提供 LANDUSE 时算法停止：不按土地利用筛选的禁垦范围会包括耕地、村庄和水域。NO_LANDUSE_FILTER 允许在无土地利用时作初步计算；此时每张表和图斑图层都注明“初步结果，未按土地利用筛选”（字段 PRELIM = 1 和 NOTE；公告表的备注）。</translation>
        </message>
        <message>
            <source>RESERVOIR_CATCHMENTS takes catchment polygons; RESERVOIRS takes the dam points of the reservoir register, whose catchments are delineated on the DEM with the project's watershed code (as Watersheds from outlets: depressions filled, D8, each dam moved to the cell of largest upslope area within RESERVOIR_SNAP m, default 60). With RESERVOIR_CLASS_FIELD only reservoirs whose class matches RESERVOIR_CLASSES (default 大*, 中*, large*, medium*: large and medium reservoirs) are used; without it every dam point is. Both inputs may be given. A catchment that reaches the DEM edge is flagged (AT_EDGE): extend the DEM upstream. CATCHMENTS shows the delineated catchments.</source>
            <translation>RESERVOIR_CATCHMENTS 为汇水区多边形；RESERVOIRS 为水库名录中的坝址点，其汇水区用本插件的流域算法在 DEM 上划定（与“按出口划分流域”相同：填洼、D8，每个坝址移到 RESERVOIR_SNAP 米（默认 60）内汇流面积最大的栅格）。指定 RESERVOIR_CLASS_FIELD 时只使用类别与 RESERVOIR_CLASSES 匹配的水库（默认 大*、中*、large*、medium*：大中型水库），否则使用全部坝址点。两种输入可同时提供。汇水区到达 DEM 边缘时予以标记（AT_EDGE）：请向上游扩展 DEM。CATCHMENTS 输出划定的汇水区。</translation>
        </message>
        <message>
            <source>Patches and townships</source>
            <translation>图斑与乡镇</translation>
        </message>
        <message>
            <source>A patch is a set of banned cells connected through sides or corners (8-connected) inside one county; its polygon is the exact union of its cells, vectorised by GDAL. A cell belongs to the county that contains its centre. Patches smaller than MIN_AREA (ha, default 5; 0 keeps all) are dropped; the minimum applies to the whole patch of the county. With TOWNSHIPS the patches kept are then cut at the township lines, one patch per 8-connected part inside one township (WHOLE_ID, WHOLE_NO and WHOLE_HA name the whole patch), so the township rows add up to the county row: an 8 ha patch over two townships counts 5 ha and 1 patch in one, 3 ha and 1 patch in the other, 2 patches of 8 ha in the county. A township belongs to the county holding most of it; parts in no township of their county are reported (OUT_TOWN_KM2).</source>
            <translation>图斑是一个县内通过边或角相连（8 连通）的禁垦栅格集合；其多边形为这些栅格的精确并集，由 GDAL 矢量化。栅格归属于包含其中心的县。小于 MIN_AREA（公顷，默认 5；0 保留全部）的图斑被剔除；最小面积按县内的整个图斑判断。提供 TOWNSHIPS 时，保留的图斑再按乡镇界线切分，每个乡镇内的 8 连通部分为一个图斑（WHOLE_ID、WHOLE_NO 和 WHOLE_HA 指原整图斑），因此乡镇各行之和等于县的一行：跨两个乡镇的 8 公顷图斑在一个乡镇计 5 公顷 1 个图斑，在另一个计 3 公顷 1 个图斑，全县计 2 个图斑 8 公顷。乡镇归属于占其面积最多的县；不在本县任何乡镇内的部分单独报告（OUT_TOWN_KM2）。</translation>
        </message>
        <message>
            <source>Areas are planar, in the DEM's projected CRS (cell count × cell area), given in m², ha, km² and mu (亩 = 666.67 m²). Use a Gauss–Krüger CRS whose central meridian is near the county (e.g. CGCS2000 zone 38, 39 or 40 for Hebei). RED_LINE (生态保护红线) gives the banned area inside the ecological red line.</source>
            <translation>面积为 DEM 投影坐标系下的平面面积（栅格数 × 栅格面积），以 m²、公顷、km² 和亩（亩 = 666.67 m²）给出。请使用中央经线靠近该县的高斯–克吕格坐标系（如河北用 CGCS2000 38、39 或 40 带）。RED_LINE（生态保护红线）给出位于生态保护红线内的禁垦面积。</translation>
        </message>
        <message>
            <source>OUTPUT: patches with COUNTY, PATCH_ID, PATCH_NO, AREA_M2, AREA_HA, AREA_MU, SLOPE_MEAN, SLOPE_MAX, THRESHOLD, RULE (general / reservoir / mixed), RULE_LABEL, RES_HA, TOWNSHIP, WHOLE_ID, WHOLE_NO, WHOLE_HA, RED_HA, PRELIM, NOTE. SUMMARY: per county COUNTY, THRESHOLD, AREA_KM2, PATCHES, BAN_HA, BAN_KM2, BAN_MU, SHARE_PCT, WHOLE_PATCHES, STEEP_KM2 (steeper than the threshold before the land-use filter), LAND_KM2 (land of LANDUSE_CODES), LAND_PCT (banned share of it), RED_KM2, RED_PCT (share of the banned area in the red line), OUT_TOWN_KM2, PRELIM, NOTE. TOWNSHIP_TABLE (with TOWNSHIPS): per township TOWNSHIP, COUNTY, AREA_KM2, PATCHES, BAN_KM2, BAN_HA, BAN_MU, SHARE_PCT, RED_KM2, PRELIM, NOTE. NOTICE_TOWNSHIP and NOTICE_COUNTY: the same numbers with the Chinese column names of published notices (乡镇名称, 乡镇面积(km²), 图斑个数, 禁垦面积(km²), 禁垦面积(亩), 占乡镇面积比例(%); per county also 占林地草地裸土地面积比例(%) and 生态保护红线内面积(km²)). CATCHMENTS (with RESERVOIRS): RES_ID, RES_CLASS, AREA_KM2, SNAP_X, SNAP_Y, SNAP_M, AT_EDGE.</source>
            <translation>OUTPUT：图斑，字段 COUNTY、PATCH_ID、PATCH_NO、AREA_M2、AREA_HA、AREA_MU、SLOPE_MEAN、SLOPE_MAX、THRESHOLD、RULE（general / reservoir / mixed）、RULE_LABEL、RES_HA、TOWNSHIP、WHOLE_ID、WHOLE_NO、WHOLE_HA、RED_HA、PRELIM、NOTE。SUMMARY：按县 COUNTY、THRESHOLD、AREA_KM2、PATCHES、BAN_HA、BAN_KM2、BAN_MU、SHARE_PCT、WHOLE_PATCHES、STEEP_KM2（土地利用筛选前坡度大于阈值的面积）、LAND_KM2（LANDUSE_CODES 地类面积）、LAND_PCT（其中禁垦的比例）、RED_KM2、RED_PCT（禁垦面积中位于红线内的比例）、OUT_TOWN_KM2、PRELIM、NOTE。TOWNSHIP_TABLE（提供 TOWNSHIPS 时）：按乡镇 TOWNSHIP、COUNTY、AREA_KM2、PATCHES、BAN_KM2、BAN_HA、BAN_MU、SHARE_PCT、RED_KM2、PRELIM、NOTE。NOTICE_TOWNSHIP 和 NOTICE_COUNTY：相同数据，采用已发布公告的中文列名（乡镇名称、乡镇面积(km²)、图斑个数、禁垦面积(km²)、禁垦面积(亩)、占乡镇面积比例(%)；县表另有占林地草地裸土地面积比例(%) 和生态保护红线内面积(km²)）。CATCHMENTS（提供 RESERVOIRS 时）：RES_ID、RES_CLASS、AREA_KM2、SNAP_X、SNAP_Y、SNAP_M、AT_EDGE。</translation>
        </message>
        <message>
            <source>Reservoir dam points (catchments delineated on the DEM)</source>
            <translation>水库坝址点（在 DEM 上划定汇水区）</translation>
        </message>
        <message>
            <source>Reservoir class field (大型 / 中型 / 小型 …)</source>
            <translation>水库规模字段（大型 / 中型 / 小型 …）</translation>
        </message>
        <message>
            <source>Preliminary run without a land-use layer (every output says so)</source>
            <translation>无土地利用图层的初步计算（所有输出均予注明）</translation>
        </message>
        <message>
            <source>Ecological red line (生态保护红线)</source>
            <translation>生态保护红线</translation>
        </message>
        <message>
            <source>Reservoir classes with the lower ban slope (comma-separated, * wildcard)</source>
            <translation>采用较低禁垦坡度的水库规模（逗号分隔，可用 * 通配）</translation>
        </message>
        <message>
            <source>Snapping distance of the dam points (m)</source>
            <translation>坝址点捕捉距离（m）</translation>
        </message>
        <message>
            <source>Notice table per township (Chinese columns)</source>
            <translation>乡镇公告表（中文列名）</translation>
        </message>
        <message>
            <source>Notice table per county (Chinese columns)</source>
            <translation>县级公告表（中文列名）</translation>
        </message>
        <message>
            <source>Reservoir catchments delineated from the dam points</source>
            <translation>由坝址点划定的水库汇水区</translation>
        </message>
        <message>
            <source>A land-use layer is given: NO_LANDUSE_FILTER is ignored and the land is filtered.</source>
            <translation>已提供土地利用图层：忽略 NO_LANDUSE_FILTER，按土地利用筛选。</translation>
        </message>
        <message>
            <source>No land-use layer (LANDUSE) is given. County notices delimit only the forest, grassland and bare land of the land survey (林地、草地、裸土地) above the ban slope; without the land-use filter the ban would cover fields, villages and water. Give the land-survey polygons in LANDUSE with their code field (LANDUSE_FIELD), or set NO_LANDUSE_FILTER for a preliminary result that every output marks as such.</source>
            <translation>未提供土地利用图层（LANDUSE）。县级公告只划定禁垦坡度以上国土调查的林地、草地和裸土地；不按土地利用筛选，禁垦范围会包括耕地、村庄和水域。请在 LANDUSE 中提供国土调查图斑及其地类编码字段（LANDUSE_FIELD），或设置 NO_LANDUSE_FILTER 得到在所有输出中注明的初步结果。</translation>
        </message>
        <message>
            <source>No land-use filter: this is a preliminary result (fields, villages and water above the ban slope are included); every table and the patch layer say so.</source>
            <translation>未按土地利用筛选：这是初步结果（包括禁垦坡度以上的耕地、村庄和水域）；每张表和图斑图层都予注明。</translation>
        </message>
        <message>
            <source>Reservoir dam points</source>
            <translation>水库坝址点</translation>
        </message>
        <message>
            <source>{n} of {total} dam points are not of the classes {classes} (field {field}) and keep the general ban slope.</source>
            <translation>{total} 个坝址点中有 {n} 个不属于规模 {classes}（字段 {field}），保持一般禁垦坡度。</translation>
        </message>
        <message>
            <source>No reservoir class field: every dam point is taken as a large or medium reservoir.</source>
            <translation>未指定水库规模字段：所有坝址点均按大中型水库处理。</translation>
        </message>
        <message>
            <source>No dam point of a large or medium reservoir: no catchment.</source>
            <translation>没有大中型水库的坝址点：未划定汇水区。</translation>
        </message>
        <message>
            <source>Delineating the catchments of {n} reservoirs…</source>
            <translation>正在划定 {n} 座水库的汇水区……</translation>
        </message>
        <message>
            <source>Reservoir {id}: catchment {km2:.3f} km² (dam moved {m:.0f} m).</source>
            <translation>水库 {id}：汇水区 {km2:.3f} km²（坝址移动 {m:.0f} m）。</translation>
        </message>
        <message>
            <source>Reservoir {id}: its catchment reaches the edge of the DEM, so the DEM may not hold all of it. Use a DEM that covers the whole catchment upstream of the dam.</source>
            <translation>水库 {id}：汇水区到达 DEM 边缘，DEM 可能未包含全部汇水区。请使用覆盖坝址以上全部汇水区的 DEM。</translation>
        </message>
        <message>
            <source>Ecological red line</source>
            <translation>生态保护红线</translation>
        </message>
        <message>
            <source>{km2:.4f} km² of banned land ({n} patches) lie in no township of their county: the township layer does not cover the county, or township and county lines differ. They count in the county rows, not in the township rows (OUT_TOWN_KM2).</source>
            <translation>{km2:.4f} km² 禁垦土地（{n} 个图斑）不在本县任何乡镇内：乡镇图层未覆盖全县，或乡镇界线与县界不一致。这些面积计入县级各行，不计入乡镇各行（OUT_TOWN_KM2）。</translation>
        </message>
        <message>
            <source>{county}: {patches} patches ({whole} before the split at township lines), {km2:.2f} km² banned ({share:.2f} % of the county)</source>
            <translation>{county}：{patches} 个图斑（按乡镇界线切分前 {whole} 个），禁垦 {km2:.2f} km²（占全县 {share:.2f} %）</translation>
        </message>
        <message>
            <source>No cell steeper than {threshold:g}° in {county}: nothing to ban there.</source>
            <translation>{county} 没有坡度大于 {threshold:g}° 的像元：该县没有需要禁止开垦的陡坡地。</translation>
        </message>
    </context>
    <context>
        <name>SupervisionAlgorithm</name>
        <message>
            <source>Supervision of construction projects</source>
            <translation>生产建设项目监管</translation>
        </message>
        <message>
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消，未写出任何结果。</translation>
        </message>
        <message>
            <source>The working CRS {crs} is not projected in metres: choose a projected CRS such as CGCS2000 / 3-degree Gauss-Kruger (EPSG:4513–4533), or leave it empty.</source>
            <translation>计算坐标系 {crs} 不是以米为单位的投影坐标系：请选择投影坐标系，如 CGCS2000 3度带高斯-克吕格（EPSG:4513–4533），或留空。</translation>
        </message>
        <message>
            <source>The layers have no valid CRS: assign their CRS (Layer Properties ▸ Source) first.</source>
            <translation>图层没有有效的坐标系：请先为图层指定坐标系（图层属性 ▸ 源）。</translation>
        </message>
    </context>
    <context>
        <name>SwcAlgorithm</name>
        <message>
            <source>Terrain and slope</source>
            <translation>地形与坡度</translation>
        </message>
        <message>
            <source>Hydrology</source>
            <translation>水文分析</translation>
        </message>
        <message>
            <source>Soil erosion</source>
            <translation>土壤侵蚀</translation>
        </message>
        <message>
            <source>Conservation measures</source>
            <translation>水土保持措施</translation>
        </message>
        <message>
            <source>Cancelled by the user; no output was written.</source>
            <translation>用户已取消，未写出任何结果。</translation>
        </message>
        <message>
            <source>The DEM ({name}) could not be loaded.</source>
            <translation>无法加载 DEM（{name}）。</translation>
        </message>
        <message>
            <source>The DEM must be a GDAL raster file (GeoTIFF, IMG, ...), not a {provider} layer.</source>
            <translation>DEM 必须是 GDAL 可读的栅格文件（GeoTIFF、IMG 等），而不是 {provider} 图层。</translation>
        </message>
        <message>
            <source>The DEM cells are {size:.0f} m, coarser than {limit:.0f} m: coarse DEMs flatten slopes and understate steep areas (see the help).</source>
            <translation>DEM 栅格为 {size:.0f} 米，粗于 {limit:.0f} 米：粗分辨率 DEM 会使坡度变缓、低估陡坡面积（见帮助）。</translation>
        </message>
        <message>
            <source>The layer {name} could not be loaded.</source>
            <translation>无法加载图层 {name}。</translation>
        </message>
        <message>
            <source>The layer {name} must contain polygons.</source>
            <translation>图层 {name} 必须是面图层。</translation>
        </message>
        <message>
            <source>The layer {name} has no field “{field}”. Available fields: {fields}.</source>
            <translation>图层 {name} 没有字段“{field}”。可用字段：{fields}。</translation>
        </message>
        <message>
            <source>{name}: repaired {n} invalid geometries (feature ids {ids}).</source>
            <translation>{name}：已修复 {n} 个无效几何（要素编号 {ids}）。</translation>
        </message>
        <message>
            <source>{name}: skipped {n} features with empty geometry (feature ids {ids}).</source>
            <translation>{name}：跳过 {n} 个空几何要素（要素编号 {ids}）。</translation>
        </message>
        <message>
            <source>The layer {name} is empty: it has no polygon to work with.</source>
            <translation>图层 {name} 为空：没有可处理的多边形。</translation>
        </message>
        <message>
            <source>Block size (cells per side; sets the memory used)</source>
            <translation>分块大小（每边栅格数，决定内存用量）</translation>
        </message>
        <message>
            <source>Small-watershed plan</source>
            <translation>小流域综合治理规划</translation>
        </message>
        <message>
            <source>The raster {name} must be a GDAL raster file, not a {provider} layer.</source>
            <translation>栅格 {name} 必须是 GDAL 栅格文件，而不是 {provider} 图层。</translation>
        </message>
        <message>
            <source>The raster {name} could not be loaded.</source>
            <translation>无法加载栅格 {name}。</translation>
        </message>
        <message>
            <source>The layer {name} must contain lines.</source>
            <translation>图层 {name} 必须为线图层。</translation>
        </message>
        <message>
            <source>The layer {name} must contain points.</source>
            <translation>图层 {name} 必须为点图层。</translation>
        </message>
        <message>
            <source>The layer {name} is empty: it has no polygon; it is ignored.</source>
            <translation>图层 {name} 为空：没有面要素，已忽略。</translation>
        </message>
        <message>
            <source>{name}: feature {fid} has no geometry; skipped.</source>
            <translation>{name}：要素 {fid} 没有几何，已跳过。</translation>
        </message>
        <message>
            <source>{name}: feature {fid} has {n} points; the first is used.</source>
            <translation>{name}：要素 {fid} 有 {n} 个点，使用第一个点。</translation>
        </message>
        <message>
            <source>{name}: feature {fid} has {n} parts; the longest is used.</source>
            <translation>{name}：要素 {fid} 有 {n} 个部分，使用最长的部分。</translation>
        </message>
        <message>
            <source>{name}: feature {fid} has fewer than two vertices; skipped.</source>
            <translation>{name}：要素 {fid} 的顶点少于两个，已跳过。</translation>
        </message>
        <message>
            <source>{name}: the layer has no geometry; it is ignored.</source>
            <translation>{name}：图层没有几何要素，已忽略。</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>分区</translation>
        </message>
        <message>
            <source>{folder} is not a folder. Choose an existing folder.</source>
            <translation>{folder} 不是文件夹。请选择一个已有的文件夹。</translation>
        </message>
        <message>
            <source>the folder {folder} does not exist. Choose an existing folder.</source>
            <translation>文件夹 {folder} 不存在。请选择一个已有的文件夹。</translation>
        </message>
        <message>
            <source>the folder {folder} cannot be written ({reason}). Choose a folder you can write to.</source>
            <translation>文件夹 {folder} 无法写入（{reason}）。请选择一个有写入权限的文件夹。</translation>
        </message>
        <message>
            <source>{path} is a folder. Give a file name.</source>
            <translation>{path} 是文件夹。请给出文件名。</translation>
        </message>
        <message>
            <source>the file {path} is read-only. Choose another name or make it writable.</source>
            <translation>文件 {path} 为只读。请换一个文件名或使其可写。</translation>
        </message>
        <message>
            <source>The output {label} ({name}) cannot be written: {reason}</source>
            <translation>输出 {label}（{name}）无法写入：{reason}</translation>
        </message>
        <message>
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，单位米）</translation>
        </message>
        <message>
            <source>Memory limit (MB)</source>
            <translation>内存上限（MB）</translation>
        </message>
        <message>
            <source>Fill, and route across flats (default)</source>
            <translation>填洼，并在平地上汇流（默认）</translation>
        </message>
        <message>
            <source>Route through along the lowest path, like GRASS r.watershed</source>
            <translation>沿最低路径穿过洼地（同 GRASS r.watershed）</translation>
        </message>
        <message>
            <source>Depressions</source>
            <translation>洼地处理</translation>
        </message>
        <message>
            <source>Zones (e.g. counties, townships, watersheds)</source>
            <translation>统计区域（如县、乡镇、小流域）</translation>
        </message>
        <message>
            <source>Zone name field</source>
            <translation>分区名称字段</translation>
        </message>
        <message>
            <source>Tolerable soil loss (t/km²·a)</source>
            <translation>容许土壤流失量（t/(km²·a)）</translation>
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
            <source>Slope class breaks (degrees, comma-separated)</source>
            <translation>坡度分级点（度，逗号分隔）</translation>
        </message>
        <message>
            <source>{name} ({value:g} m) is shorter than one DEM cell ({cell:g} m): every slope would be cut to less than a cell. Use 0 (no limit) or at least {cell:g} m.</source>
            <translation>{name}（{value:g} m）小于一个 DEM 像元（{cell:g} m）：每个坡面都会被截断到不足一个像元。请用 0（不限制）或至少 {cell:g} m。</translation>
        </message>
        <message>
            <source>between {min} and {max}</source>
            <translation>在 {min} 与 {max} 之间</translation>
        </message>
        <message>
            <source>at least {min}</source>
            <translation>不小于 {min}</translation>
        </message>
        <message>
            <source>at most {max}</source>
            <translation>不大于 {max}</translation>
        </message>
        <message>
            <source>{label} ({name}) must be {allowed}; {value} was given.</source>
            <translation>{label}（{name}）必须{allowed}；给定值为 {value}。</translation>
        </message>
        <message>
            <source>{name}: the shapefile {path} has no .cpg file and its text is not UTF-8; it is read as GBK ({encoding}). Add a .cpg file holding the encoding to make this explicit.</source>
            <translation>{name}：shapefile {path} 没有 .cpg 文件，且其文字不是 UTF-8；已按 GBK（{encoding}）读取。请添加写明编码的 .cpg 文件以明确编码。</translation>
        </message>
        <message>
            <source>The layer {name} is empty: it has no point to work with.</source>
            <translation>图层 {name} 为空：没有可用的点。</translation>
        </message>
        <message>
            <source>The layer {name} is empty: it has no line to work with.</source>
            <translation>图层 {name} 为空：没有可用的线。</translation>
        </message>
        <message>
            <source>The layer {name} is empty: it has no feature. Choose the layer that holds the data (or check its filter).</source>
            <translation>图层 {name} 为空：没有任何要素。请选择含有数据的图层（或检查其过滤条件）。</translation>
        </message>
        <message>
            <source>points</source>
            <translation>点</translation>
        </message>
        <message>
            <source>lines</source>
            <translation>线</translation>
        </message>
        <message>
            <source>polygons</source>
            <translation>面</translation>
        </message>
        <message>
            <source>no geometry (a table)</source>
            <translation>无几何（表格）</translation>
        </message>
        <message>
            <source>geometries of mixed or unknown type</source>
            <translation>混合或未知类型的几何</translation>
        </message>
        <message>
            <source>{label}: the file {path} does not exist. Check the path and the file name.</source>
            <translation>{label}：文件 {path} 不存在。请检查路径和文件名。</translation>
        </message>
        <message>
            <source>{label}: the file {path} is empty (0 bytes): it was not copied or saved completely. Copy it again from its source.</source>
            <translation>{label}：文件 {path} 为空（0 字节），复制或保存不完整。请从原始来源重新复制。</translation>
        </message>
        <message>
            <source>{label}: {path} cannot be read as a raster. Check that it is a GeoTIFF (or another raster GDAL reads) and that it is not damaged.</source>
            <translation>{label}：无法将 {path} 作为栅格读取。请确认它是 GeoTIFF（或 GDAL 可读的其他栅格格式）且文件未损坏。</translation>
        </message>
        <message>
            <source>The raster {label} has no valid cell: every cell is nodata ({nodata}). Check its nodata value and its extent.</source>
            <translation>栅格 {label} 没有有效像元：全部为无数据（{nodata}）。请检查其无数据值和范围。</translation>
        </message>
        <message>
            <source>{label}: {path} cannot be read as a vector layer or table. Check that it is a GeoPackage, shapefile, CSV or another format OGR reads, and that it is not damaged.</source>
            <translation>{label}：无法将 {path} 作为矢量图层或表格读取。请确认它是 GeoPackage、shapefile、CSV 或 OGR 可读的其他格式，且文件未损坏。</translation>
        </message>
        <message>
            <source>Or leave {name} empty.</source>
            <translation>或将 {name} 留空。</translation>
        </message>
        <message>
            <source>The layer {name} must contain {expected}; it holds {actual}.</source>
            <translation>图层 {name} 必须包含{expected}，但它包含的是{actual}。</translation>
        </message>
        <message>
            <source> or </source>
            <translation>或</translation>
        </message>
        <message>
            <source>{label} ({name}) must be one of {choices}; {value} was given.</source>
            <translation>{label}（{name}）必须为以下之一：{choices}；给定值为 {value}。</translation>
        </message>
        <message>
            <source>The layer {name} does not overlap the {raster}: they lie in different areas, or one of them has a wrong CRS. Check that both cover the same area and that their CRS are set right.</source>
            <translation>图层 {name} 与 {raster} 不重叠：二者位于不同区域，或其中之一的坐标系有误。请检查二者是否覆盖同一区域、坐标系是否设置正确。</translation>
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
        <message>
            <source>Cannot open the raster {path}: {reason}</source>
            <translation>无法打开栅格 {path}：{reason}</translation>
        </message>
        <message>
            <source>The layer {layer} does not overlap the DEM (DEM extent {xmin:.0f}, {ymin:.0f} – {xmax:.0f}, {ymax:.0f} in the DEM's CRS). Check that both layers cover the same area and that their CRSs are declared correctly.</source>
            <translation>图层 {layer} 与 DEM 不重叠（DEM 范围为 {xmin:.0f}, {ymin:.0f} – {xmax:.0f}, {ymax:.0f}，DEM 坐标系）。请检查两者是否覆盖同一区域、坐标系是否定义正确。</translation>
        </message>
        <message>
            <source>The slope breaks “{text}” are not a comma-separated list of numbers, e.g. 2,6,15,25.</source>
            <translation>坡度分级点“{text}”不是逗号分隔的数字列表，例如 2,6,15,25。</translation>
        </message>
        <message>
            <source>The slope breaks “{text}” must be increasing degrees between 0 and 90, e.g. 2,6,15,25.</source>
            <translation>坡度分级点“{text}”必须是 0 到 90 之间递增的度数，例如 2,6,15,25。</translation>
        </message>
        <message>
            <source>The DEM has no valid cell (every cell is nodata). Check its nodata value and extent.</source>
            <translation>DEM 没有有效栅格（全部为无数据）。请检查其无数据值和范围。</translation>
        </message>
        <message>
            <source>No DEM cell centre falls inside any county polygon. Check that the counties overlap the DEM.</source>
            <translation>没有任何 DEM 栅格中心落在县界多边形内。请检查县界是否与 DEM 重叠。</translation>
        </message>
        <message>
            <source>Flow routing on this DEM needs about {need_mb:.0f} MB ({cells} cells x {bytes_per_cell} bytes per cell), more than the memory limit of {limit_mb:.0f} MB. Raise the limit (advanced parameter MAX_MEMORY) if the machine has the memory, or clip or resample the DEM to fewer cells.</source>
            <translation>对该 DEM 进行汇流计算约需 {need_mb:.0f} MB 内存（{cells} 个栅格 × 每栅格 {bytes_per_cell} 字节），超过内存上限 {limit_mb:.0f} MB。若计算机内存充足，请提高上限（高级参数 MAX_MEMORY），或将 DEM 裁剪、重采样以减少栅格数。</translation>
        </message>
        <message>
            <source>The DEM must be a 2-D grid, got shape {shape}.</source>
            <translation>DEM 必须是二维栅格，实际形状为 {shape}。</translation>
        </message>
        <message>
            <source>{cells} cells have no downslope neighbour (closed depressions). Fill the DEM's depressions first (Fill sinks).</source>
            <translation>有 {cells} 个栅格没有更低的相邻栅格（封闭洼地）。请先对 DEM 填洼（填洼算法）。</translation>
        </message>
        <message>
            <source>The flow directions must be a 2-D grid, got shape {shape}.</source>
            <translation>流向必须是二维栅格，实际形状为 {shape}。</translation>
        </message>
        <message>
            <source>The outlet at row {row}, column {col} lies outside the DEM.</source>
            <translation>位于第 {row} 行、第 {col} 列的出口在 DEM 之外。</translation>
        </message>
        <message>
            <source>The outlet at row {row}, column {col} has no valid DEM cell within the snapping distance. Move the outlet onto the DEM or raise the snapping distance.</source>
            <translation>位于第 {row} 行、第 {col} 列的出口在捕捉距离内没有有效的 DEM 栅格。请将出口移到 DEM 上，或加大捕捉距离。</translation>
        </message>
        <message>
            <source>The outlet at row {row}, column {col} lies on a nodata cell.</source>
            <translation>位于第 {row} 行、第 {col} 列的出口落在无数据栅格上。</translation>
        </message>
        <message>
            <source>The DEM {path} has no valid cells.</source>
            <translation>DEM {path} 没有有效栅格。</translation>
        </message>
        <message>
            <source>The minimum contributing area must be positive, got {value}.</source>
            <translation>最小汇水面积必须大于 0，实际为 {value}。</translation>
        </message>
        <message>
            <source>No cell has a contributing area of {min_km2} km² or more (the largest is {max_km2:.3f} km²). Lower the minimum contributing area.</source>
            <translation>没有栅格的汇水面积达到 {min_km2} 平方千米（最大为 {max_km2:.3f} 平方千米）。请减小最小汇水面积。</translation>
        </message>
        <message>
            <source>There are no outlet points.</source>
            <translation>没有出口点。</translation>
        </message>
        <message>
            <source>Outlet {outlet} at ({x:.1f}, {y:.1f}) has no valid DEM cell within the snapping distance of {snap:g} m. Move it onto the DEM or raise the snapping distance.</source>
            <translation>出口 {outlet}（{x:.1f}, {y:.1f}）在 {snap:g} 米捕捉距离内没有有效的 DEM 栅格。请将其移到 DEM 上，或加大捕捉距离。</translation>
        </message>
        <message>
            <source>Unknown measure {measure}: use 0 (fish-scale pits), 1 (level benches) or 2 (level trenches).</source>
            <translation>未知措施 {measure}：请使用 0（鱼鳞坑）、1（水平阶）或 2（水平沟）。</translation>
        </message>
        <message>
            <source>{name} must be a positive distance in metres (got {value}).</source>
            <translation>{name} 必须是以米为单位的正距离（当前为 {value}）。</translation>
        </message>
        <message>
            <source>The slope range is empty: MIN_SLOPE ({low}°) must be below MAX_SLOPE ({high}°), both between 0° and 90°.</source>
            <translation>坡度范围为空：MIN_SLOPE（{low}°）必须小于 MAX_SLOPE（{high}°），且两者都在 0° 到 90° 之间。</translation>
        </message>
        <message>
            <source>{name} must be a positive size in metres (got {value}).</source>
            <translation>{name} 必须是以米为单位的正尺寸（当前为 {value}）。</translation>
        </message>
        <message>
            <source>The pits would overlap: the long axis ({axis} m) must be shorter than the spacing along the contour SPACING ({spacing} m).</source>
            <translation>鱼鳞坑会相互重叠：长径（{axis} 米）必须小于沿等高线的株距 SPACING（{spacing} 米）。</translation>
        </message>
        <message>
            <source>The trench bottom width ({bottom} m) must not exceed its top width ({top} m).</source>
            <translation>水平沟底宽（{bottom} 米）不能大于上口宽（{top} 米）。</translation>
        </message>
        <message>
            <source>Unit prices must not be negative (got {prices}).</source>
            <translation>单价不能为负数（当前为 {prices}）。</translation>
        </message>
        <message>
            <source>Area {area} covers {cells} DEM cells, more than the {limit} one area may hold. Split it into smaller polygons (e.g. by sub-watershed or compartment).</source>
            <translation>图斑 {area} 覆盖 {cells} 个 DEM 栅格，超过单个图斑上限 {limit}。请将其拆分为较小的图斑（如按子流域或小班）。</translation>
        </message>
        <message>
            <source>Area {area}: no part has a slope between {low}° and {high}°; nothing is laid out there.</source>
            <translation>图斑 {area}：没有坡度在 {low}° 到 {high}° 之间的部分，未布设任何工程。</translation>
        </message>
        <message>
            <source>About {count} works would be laid out, more than the limit of {limit}. Treat fewer or smaller areas per run, or increase SPACING / ROW_SPACING.</source>
            <translation>将布设约 {count} 处工程，超过上限 {limit}。请每次处理更少或更小的图斑，或增大 SPACING / ROW_SPACING。</translation>
        </message>
        <message>
            <source>UNIT_PRICES takes at most three numbers: price per pit (or per metre of bench or trench), per m³ of earthwork and per seedling, e.g. "3.5, 40, 2"; got "{text}".</source>
            <translation>UNIT_PRICES 至多包含三个数：每坑单价（水平阶或水平沟为每米单价）、每立方米土方单价和每株苗木单价，例如“3.5, 40, 2”；当前为“{text}”。</translation>
        </message>
        <message>
            <source>UNIT_PRICES: "{value}" is not a number. Give up to three numbers: price per pit (or per metre of bench or trench), per m³ of earthwork and per seedling, e.g. "3.5, 40, 2".</source>
            <translation>UNIT_PRICES：“{value}”不是数字。请给出至多三个数：每坑单价（水平阶或水平沟为每米单价）、每立方米土方单价和每株苗木单价，例如“3.5, 40, 2”。</translation>
        </message>
        <message>
            <source>A role name is lower-case letters, digits and _ (at most 63), not “{name}”.</source>
            <translation>角色名只能由小写字母、数字和 _ 组成（最多 63 个字符），“{name}”不符合。</translation>
        </message>
        <message>
            <source>Unknown unit level {level}; use one of {levels}.</source>
            <translation>未知的单元层级 {level}；请使用 {levels} 之一。</translation>
        </message>
        <message>
            <source>{path} has no layer {layer}.</source>
            <translation>{path} 中没有图层 {layer}。</translation>
        </message>
        <message>
            <source>The database connection names no database (dbname or service).</source>
            <translation>数据库连接未指定数据库（dbname 或 service）。</translation>
        </message>
        <message>
            <source>The Python module psycopg2 is missing (Debian: apt-get install python3-psycopg2).</source>
            <translation>缺少 Python 模块 psycopg2（Debian：apt-get install python3-psycopg2）。</translation>
        </message>
        <message>
            <source>Cannot connect to the database {where}: {reason}</source>
            <translation>无法连接数据库 {where}：{reason}</translation>
        </message>
        <message>
            <source>The migrations in {folder} skip version {version}.</source>
            <translation>{folder} 中的迁移缺少版本 {version}。</translation>
        </message>
        <message>
            <source>Migration {version} ({path}) was changed after it was applied to this database; restore the file or write a new migration.</source>
            <translation>迁移 {version}（{path}）在应用到本数据库后被修改过；请恢复该文件或编写新的迁移。</translation>
        </message>
        <message>
            <source>Cannot open the package {path}: {reason}</source>
            <translation>无法打开交换包 {path}：{reason}</translation>
        </message>
        <message>
            <source>{path} is not an SWC Planner package (it has no {table} table).</source>
            <translation>{path} 不是 SWC Planner 交换包（没有 {table} 表）。</translation>
        </message>
        <message>
            <source>The package {path} was written by a newer plugin (schema {version}); update the plugin.</source>
            <translation>交换包 {path} 由更新版本的插件写出（结构版本 {version}）；请升级插件。</translation>
        </message>
        <message>
            <source>The package {path} is damaged: publication {pub} lists {n} rows, the table {table} holds {m}.</source>
            <translation>交换包 {path} 已损坏：发布 {pub} 记录 {n} 行，而表 {table} 中有 {m} 行。</translation>
        </message>
        <message>
            <source>Unknown result kind {kind}.</source>
            <translation>未知的成果类型 {kind}。</translation>
        </message>
        <message>
            <source>The county adcode must have 6 digits (e.g. 130731), not “{adcode}”.</source>
            <translation>县级行政区划代码应为 6 位数字（如 130731），而不是“{adcode}”。</translation>
        </message>
        <message>
            <source>The year {year} is out of range.</source>
            <translation>年份 {year} 超出范围。</translation>
        </message>
        <message>
            <source>Unknown status {status}.</source>
            <translation>未知的状态 {status}。</translation>
        </message>
        <message>
            <source>The field {field} holds “{value}”, which is not a {type}.</source>
            <translation>字段 {field} 的值“{value}”不是 {type} 类型。</translation>
        </message>
        <message>
            <source>The database has no SWC schema: the province sets it up first (see docs/database.md).</source>
            <translation>数据库中没有水土保持数据库结构：需先由省级建库（见 docs/database.md）。</translation>
        </message>
        <message>
            <source>The database schema is at version {have}; this plugin needs {need}: ask the province to apply the migrations.</source>
            <translation>数据库结构版本为 {have}，本插件需要 {need}：请省级执行迁移。</translation>
        </message>
        <message>
            <source>The database refused to write {kind} for {adcode}: your role may only write its own county's rows ({reason}).</source>
            <translation>数据库拒绝写入 {adcode} 的 {kind}：您的角色只能写本县的行（{reason}）。</translation>
        </message>
        <message>
            <source>The database refused the publish of {kind} for {adcode}: {reason}</source>
            <translation>数据库拒绝了 {adcode} 的 {kind} 发布：{reason}</translation>
        </message>
        <message>
            <source>Soils {soils}: sand, silt, clay or organic carbon is empty or not a number. Fill the four fields (in %) for every soil polygon.</source>
            <translation>土壤 {soils}：砂粒、粉粒、黏粒或有机碳为空或不是数字。请为每个土壤图斑填写这四个字段（%）。</translation>
        </message>
        <message>
            <source>Soils {soils}: a fraction or the organic carbon is outside 0–100 %.</source>
            <translation>土壤 {soils}：某一粒级含量或有机碳超出 0–100 %。</translation>
        </message>
        <message>
            <source>Sand + silt + clay sum to about 1, not 100: the fields hold fractions of 1. Give them in % (multiply by 100).</source>
            <translation>砂粒 + 粉粒 + 黏粒之和约为 1 而不是 100：字段为小数比例。请以 % 给出（乘以 100）。</translation>
        </message>
        <message>
            <source>Sand + silt + clay must be 100 % (± {tol:g}); they are not for soils {soils}. Check the fields, and that the fractions use the USDA limits 0.05 and 0.002 mm (convert international-system 0.02 mm fractions first).</source>
            <translation>砂粒 + 粉粒 + 黏粒须为 100 %（± {tol:g}）；土壤 {soils} 不满足。请检查字段，并确认粒级采用美国制 0.05 和 0.002 mm 分界（国际制 0.02 mm 的数据须先转换）。</translation>
        </message>
        <message>
            <source>The erosivity coefficients must be five numbers B0, BD, BY, A, E (β = B0 + BD/P_d12 + BY/P_y12, α = A·β^E), e.g. 0.8363, 18.144, 24.455, 21.586, -7.1891; got “{text}”.</source>
            <translation>降雨侵蚀力系数须为五个数 B0, BD, BY, A, E（β = B0 + BD/P_d12 + BY/P_y12，α = A·β^E），例如 0.8363, 18.144, 24.455, 21.586, -7.1891；实际为“{text}”。</translation>
        </message>
        <message>
            <source>The erosive-day threshold must be above 0 mm; got {value:g}.</source>
            <translation>侵蚀性降雨日阈值须大于 0 mm；实际为 {value:g}。</translation>
        </message>
        <message>
            <source>The rainfall table has no daily row (station, date, rainfall) to work with.</source>
            <translation>降雨表中没有可用的日记录（站号、日期、降雨量）。</translation>
        </message>
        <message>
            <source>The minimum year coverage must be within 0–100 %; got {value:g}.</source>
            <translation>年份最低覆盖率须在 0–100 % 之间；实际为 {value:g}。</translation>
        </message>
        <message>
            <source>{n} rows of the rainfall table have no readable date (rows {rows}: {values}). Give dates as YYYY-MM-DD (or a date field).</source>
            <translation>降雨表中 {n} 条记录的日期无法读取（第 {rows} 行：{values}）。请以 YYYY-MM-DD 格式给出日期（或使用日期字段）。</translation>
        </message>
        <message>
            <source>{n} rows of the rainfall table have no station id (rows {rows}). Fill the station field.</source>
            <translation>降雨表中 {n} 条记录没有站号（第 {rows} 行）。请填写站号字段。</translation>
        </message>
        <message>
            <source>The rainfall table has {n} station-days with more than one row (e.g. {examples}). Keep one daily total per station and day.</source>
            <translation>降雨表中有 {n} 个站日有不止一条记录（例如 {examples}）。每站每日只保留一个日降雨量。</translation>
        </message>
        <message>
            <source>No station has a usable year: every year has rows on fewer than {cov:g} % of its days (e.g. {examples}). If the table lists only the rainy days, set the minimum year coverage to 0 (absent days then count as dry).</source>
            <translation>没有站点有可用年份：每年的记录都不足其天数的 {cov:g} %（例如 {examples}）。若表中只列出降雨日，请将年份最低覆盖率设为 0（缺记录的日子按无雨计）。</translation>
        </message>
        <message>
            <source>Stations {stations} have no erosive day (daily rainfall ≥ {threshold:g} mm) in their usable years, so the model's P_d12 is undefined. Check that the rainfall field holds daily totals in mm, or leave these stations out.</source>
            <translation>站点 {stations} 在可用年份中没有侵蚀性降雨日（日降雨量 ≥ {threshold:g} mm），模型的 P_d12 无法确定。请检查降雨字段是否为以 mm 计的日降雨量，或去掉这些站点。</translation>
        </message>
        <message>
            <source>The cell size must be above 0; got {value:g}.</source>
            <translation>像元大小须大于 0；实际为 {value:g}。</translation>
        </message>
        <message>
            <source>The IDW power must be above 0; got {value:g}.</source>
            <translation>IDW 幂次须大于 0；实际为 {value:g}。</translation>
        </message>
        <message>
            <source>Unknown interpolation method {method}.</source>
            <translation>未知的插值方法 {method}。</translation>
        </message>
        <message>
            <source>No station with a location and an R value is left to interpolate.</source>
            <translation>没有剩下既有位置又有 R 值的站点可供插值。</translation>
        </message>
        <message>
            <source>Linear interpolation needs at least 3 stations not on one line; there are {n}. Use IDW.</source>
            <translation>线性插值至少需要 3 个不共线的站点；现有 {n} 个。请使用 IDW。</translation>
        </message>
        <message>
            <source>The measure table {path} must cover 0–90° in consecutive slope classes (each row's min_slope equal to the previous row's max_slope, the first 0, the last 90).</source>
            <translation>措施表 {path} 须以连续的坡度级覆盖 0–90°（每行的 min_slope 等于上一行的 max_slope，首行为 0，末行为 90）。</translation>
        </message>
        <message>
            <source>The tolerable soil loss must be above 0; got {value:g}.</source>
            <translation>容许土壤流失量须大于 0；实际为 {value:g}。</translation>
        </message>
        <message>
            <source>The measure table has no row.</source>
            <translation>措施表没有任何行。</translation>
        </message>
        <message>
            <source>The allocation table gives {given} slope classes but the raster has {needed}: add the columns class1 … class{needed}.</source>
            <translation>措施配置表只有 {given} 个坡度级，而栅格有 {needed} 个：请补充 class1 … class{needed} 列。</translation>
        </message>
        <message>
            <source>The raster {path} has the value {value}, which is not a land use × slope class value (category × 10 + class): use the OUTPUT of swcplanner:landuseslope.</source>
            <translation>栅格 {path} 含有值 {value}，不是土地利用 × 坡度级的值（类别 × 10 + 坡度级）：请使用 swcplanner:landuseslope 的 OUTPUT。</translation>
        </message>
        <message>
            <source>The measure raster {path} cannot be polygonised: {reason}</source>
            <translation>措施栅格 {path} 无法转为多边形：{reason}</translation>
        </message>
        <message>
            <source>Give the soil-loss table without the plan (BEFORE), or a soil-loss table with the plan that was computed with a BASELINE.</source>
            <translation>请给出无规划的土壤流失表（BEFORE），或以 BASELINE 计算的有规划土壤流失表。</translation>
        </message>
        <message>
            <source>The land-use raster {path} cannot be put on the DEM grid: {reason}</source>
            <translation>土地利用栅格 {path} 无法放到 DEM 格网上：{reason}</translation>
        </message>
        <message>
            <source>Give the land use as a raster or as polygons.</source>
            <translation>请以栅格或多边形给出土地利用。</translation>
        </message>
        <message>
            <source>The slope-class raster has class {value}: at most {max} classes are supported (the combined value is category × 10 + class).</source>
            <translation>坡度级栅格中有第 {value} 级：最多支持 {max} 级（组合值为类别 × 10 + 坡度级）。</translation>
        </message>
        <message>
            <source>No cell has both a land-use category and a slope class (inside the boundary): check that the layers overlap and that the category table covers the codes.</source>
            <translation>（边界内）没有同时具有土地利用类别和坡度级的像元：请检查图层是否重叠、类别表是否包含这些代码。</translation>
        </message>
        <message>
            <source>Unknown region {region}: use one of {regions}.</source>
            <translation>未知区域 {region}：请使用 {regions} 之一。</translation>
        </message>
        <message>
            <source>The allocation table {path} has unknown codes: {codes}. Land uses: {landuses}; measures: {measures}.</source>
            <translation>措施配置表 {path} 中有未知代码：{codes}。土地利用：{landuses}；措施：{measures}。</translation>
        </message>
        <message>
            <source>The price table {path} has an unknown item {item}. Items: {items}.</source>
            <translation>单价表 {path} 中有未知项目 {item}。项目：{items}。</translation>
        </message>
        <message>
            <source>The price of {item} in {path} is not a number ≥ 0: “{value}”.</source>
            <translation>{path} 中 {item} 的单价不是 ≥ 0 的数：“{value}”。</translation>
        </message>
        <message>
            <source>The category table {path} gives code {code} the unknown category {category}. Categories: {categories}.</source>
            <translation>类别表 {path} 给代码 {code} 指定了未知类别 {category}。类别：{categories}。</translation>
        </message>
        <message>
            <source>The tolerance must lie between 0 and 100 % of the patch area; it is {value:g}.</source>
            <translation>容差须在图斑面积的 0 到 100 % 之间；当前为 {value:g}。</translation>
        </message>
        <message>
            <source>{n} responsibility ranges have no project id: fill the project id field of every range (or remove the ranges that belong to no approved plan).</source>
            <translation>{n} 个防治责任范围没有项目编号：请填写每个范围的项目编号字段（或删除不属于任何已批方案的范围）。</translation>
        </message>
        <message>
            <source>No usable responsibility range: the ranges layer is empty or all its geometries are empty. Load the approved 防治责任范围 polygons.</source>
            <translation>没有可用的防治责任范围：范围图层为空或全部为空几何。请加载批复的防治责任范围面。</translation>
        </message>
        <message>
            <source>The criteria table lacks the column {column}; it needs ROLE, FINDING, COUNT, WINDOW_MONTHS, SAME_PROJECT, CLAUSE.</source>
            <translation>标准表缺少 {column} 列；需要 ROLE、FINDING、COUNT、WINDOW_MONTHS、SAME_PROJECT、CLAUSE 列。</translation>
        </message>
        <message>
            <source>Criteria row {row}: unknown role “{role}”; use one of {roles}.</source>
            <translation>标准表第 {row} 行：无法识别的角色“{role}”；请使用 {roles} 之一。</translation>
        </message>
        <message>
            <source>Criteria row {row}: COUNT and WINDOW_MONTHS must be whole numbers.</source>
            <translation>标准表第 {row} 行：COUNT 和 WINDOW_MONTHS 须为整数。</translation>
        </message>
        <message>
            <source>The criteria table {path} cannot be read: {error}.</source>
            <translation>无法读取标准表 {path}：{error}。</translation>
        </message>
        <message>
            <source>Findings with an unknown role (rows {rows}); the role must be one of {roles}.</source>
            <translation>以下认定的角色无法识别（第 {rows} 行）；角色须为 {roles} 之一。</translation>
        </message>
        <message>
            <source>Findings without a readable date (rows {rows}); give the date of each finding as YYYY-MM-DD.</source>
            <translation>以下认定没有可识别的日期（第 {rows} 行）；请按 YYYY-MM-DD 填写每条认定的日期。</translation>
        </message>
        <message>
            <source>The publication periods and the black-list count must be at least 1.</source>
            <translation>公开期限和转入黑名单的次数至少为 1。</translation>
        </message>
        <message>
            <source>The DEM {path} cannot be opened.</source>
            <translation>无法打开 DEM {path}。</translation>
        </message>
        <message>
            <source>The DEM is rotated; warp it to a north-up grid first.</source>
            <translation>DEM 带旋转；请先重采样为正北方向的栅格。</translation>
        </message>
        <message>
            <source>The DEM is in geographic coordinates (degrees); reproject it to a projected CRS in metres (e.g. CGCS2000 / 3-degree Gauss-Kruger) first.</source>
            <translation>DEM 为地理坐标（度）；请先投影到以米为单位的投影坐标系（如 CGCS2000 3度带高斯-克吕格）。</translation>
        </message>
        <message>
            <source>Rule {rule}: {column} must be a number or empty, not “{value}”.</source>
            <translation>规则 {rule}：{column} 须为数字或留空，而不是“{value}”。</translation>
        </message>
        <message>
            <source>The risk rule table lacks the columns {columns}; it needs {expected} (see the shipped supervision_risk_rules.csv).</source>
            <translation>风险规则表缺少 {columns} 列；需要 {expected}（参见随附的 supervision_risk_rules.csv）。</translation>
        </message>
        <message>
            <source>Rule {rule}: the level “{value}” is not one of 免打扰, 预警示, 严监控.</source>
            <translation>规则 {rule}：等级“{value}”不是 免打扰、预警示、严监控 之一。</translation>
        </message>
        <message>
            <source>Rule {rule}: KEY_ZONE must be 是 or 否 (or empty), not “{value}”.</source>
            <translation>规则 {rule}：KEY_ZONE 须为 是 或 否（或留空），而不是“{value}”。</translation>
        </message>
        <message>
            <source>Rule {rule}: unknown supervision category {values}; use {allowed}.</source>
            <translation>规则 {rule}：无法识别的监管类别 {values}；请使用 {allowed}。</translation>
        </message>
        <message>
            <source>Rule {rule}: CREDIT must be 黑名单, 重点关注名单 or 无, not {values}.</source>
            <translation>规则 {rule}：CREDIT 须为 黑名单、重点关注名单 或 无，而不是 {values}。</translation>
        </message>
        <message>
            <source>The risk rule table must end with a catch-all rule (a row whose conditions are all empty) so that every project gets a level; add one as the last row.</source>
            <translation>风险规则表最后须有一条兜底规则（条件全部为空的一行），使每个项目都有等级；请在末行添加。</translation>
        </message>
        <message>
            <source>The rule table {path} cannot be read: {error}.</source>
            <translation>无法读取规则表 {path}：{error}。</translation>
        </message>
        <message>
            <source>The sampled share must lie between {minimum:g} % (the minimum of the measures) and 100 %; it is {value:g} %.</source>
            <translation>抽查比例须在 {minimum:g} %（实施意见规定的下限）到 100 % 之间；当前为 {value:g} %。</translation>
        </message>
        <message>
            <source>Plan ids are not unique ({ids}): the draw needs one id per plan; fix the ids or leave the id field empty to draw by row.</source>
            <translation>方案编号不唯一（{ids}）：抽样要求每个方案一个编号；请修正编号，或不指定编号字段按行抽取。</translation>
        </message>
        <message>
            <source>The workbook {path} cannot be created.</source>
            <translation>无法创建工作簿 {path}。</translation>
        </message>
        <message>
            <source>Steep-slope ban: patches</source>
            <translation>禁垦陡坡：图斑</translation>
        </message>
        <message>
            <source>Steep-slope ban: county summary</source>
            <translation>禁垦陡坡：县级汇总</translation>
        </message>
        <message>
            <source>Steep-slope ban: township table</source>
            <translation>禁垦陡坡：乡镇统计表</translation>
        </message>
        <message>
            <source>Slope class areas</source>
            <translation>坡度分级面积</translation>
        </message>
        <message>
            <source>Soil loss per unit</source>
            <translation>分单元土壤流失量</translation>
        </message>
        <message>
            <source>Soil-and-water-conservation rate per unit</source>
            <translation>分单元水土保持率</translation>
        </message>
        <message>
            <source>Erosion change between two years</source>
            <translation>两年间的土壤侵蚀变化</translation>
        </message>
        <message>
            <source>Erosion class transitions</source>
            <translation>侵蚀强度等级转移</translation>
        </message>
        <message>
            <source>Eroded forest land patches</source>
            <translation>水蚀林地图斑</translation>
        </message>
        <message>
            <source>Farmland screening: parcels</source>
            <translation>耕地筛查：地块</translation>
        </message>
        <message>
            <source>Farmland screening: summary</source>
            <translation>耕地筛查：汇总</translation>
        </message>
        <message>
            <source>Check dams</source>
            <translation>谷坊</translation>
        </message>
        <message>
            <source>Check dams: gully summary</source>
            <translation>谷坊：沟道汇总</translation>
        </message>
        <message>
            <source>Slope works (pits, benches, trenches)</source>
            <translation>坡面工程（鱼鳞坑、水平阶、水平沟）</translation>
        </message>
        <message>
            <source>Slope works: summary per area</source>
            <translation>坡面工程：分区汇总</translation>
        </message>
        <message>
            <source>Supervision: disturbance patches (checked, verified, closed)</source>
            <translation>监管：扰动图斑（比对、核查、销号）</translation>
        </message>
        <message>
            <source>Supervision: projects</source>
            <translation>监管：项目</translation>
        </message>
        <message>
            <source>Supervision: closed and open patches per project (销号)</source>
            <translation>监管：分项目已销号和未销号图斑</translation>
        </message>
        <message>
            <source>Supervision: risk levels</source>
            <translation>监管：风险等级</translation>
        </message>
        <message>
            <source>Credit lists (重点关注名单, 黑名单)</source>
            <translation>信用“两单”（重点关注名单、黑名单）</translation>
        </message>
        <message>
            <source>Credit lists: findings checked</source>
            <translation>信用名单：已核查的问题</translation>
        </message>
        <message>
            <source>Supervision: sampled SWC plans</source>
            <translation>监管：抽查的水土保持方案</translation>
        </message>
        <message>
            <source>Plan: land use by slope class</source>
            <translation>规划：分坡度级土地利用</translation>
        </message>
        <message>
            <source>Plan: measure polygons</source>
            <translation>规划：措施图斑</translation>
        </message>
        <message>
            <source>Plan: measure areas</source>
            <translation>规划：措施面积</translation>
        </message>
        <message>
            <source>Plan: quantities</source>
            <translation>规划：工程量</translation>
        </message>
        <message>
            <source>Plan: investment</source>
            <translation>规划：投资</translation>
        </message>
        <message>
            <source>Plan: benefits</source>
            <translation>规划：效益</translation>
        </message>
        <message>
            <source>The slope band of {key} is empty: its minimum ({low:g}°) must be below its maximum ({high:g}°), within 0–90°.</source>
            <translation>{key} 的坡度范围为空：下限（{low:g}°）必须小于上限（{high:g}°），且在 0–90° 之间。</translation>
        </message>
        <message>
            <source>The planning period {start}–{end} is empty: the last year must not be before the first.</source>
            <translation>规划期 {start}–{end} 为空：末年不能早于首年。</translation>
        </message>
        <message>
            <source>The yearly shares must lie in the planning period {start}–{end} and add up to more than 0 (years outside: {years}).</source>
            <translation>分年度比例必须在规划期 {start}–{end} 内且总和大于 0（规划期外的年份：{years}）。</translation>
        </message>
        <message>
            <source>The price table {path} lists {item} twice: each item is priced once.</source>
            <translation>价格表 {path} 中 {item} 出现了两次：每个项目只能计价一次。</translation>
        </message>
        <message>
            <source>The price table {path} puts {item} in the unknown part {part}. Parts: {parts}.</source>
            <translation>价格表 {path} 把 {item} 归入未知的部分 {part}。可用部分：{parts}。</translation>
        </message>
        <message>
            <source>The farmland rules {path} have no row with the category convert.</source>
            <translation>耕地规则表 {path} 中没有类别为 convert 的行。</translation>
        </message>
        <message>
            <source>The table {path} has an unknown measure {measure}. Measures: {measures}.</source>
            <translation>表 {path} 中有未知措施 {measure}。可用措施：{measures}。</translation>
        </message>
        <message>
            <source>The table {path}: {column} of {measure} must be a number from 0 to {high:g}, not “{value}”.</source>
            <translation>表 {path}：{measure} 的 {column} 必须是 0 至 {high:g} 之间的数，而不是“{value}”。</translation>
        </message>
        <message>
            <source>No cell centre of the intensity raster falls inside any unit. Check that the units overlap the raster.</source>
            <translation>强度栅格没有任何栅格中心位于单元内。请检查单元是否与栅格重叠。</translation>
        </message>
        <message>
            <source>Too many patches ({patches}) and townships ({townships}) to split the patches at the township lines. Run the counties in smaller groups.</source>
            <translation>图斑（{patches} 个）和乡镇（{townships} 个）过多，无法按乡镇界线切分图斑。请分批计算各县。</translation>
        </message>
        <message>
            <source>The lookup table {path}: row {code}, column rotation must be yes or empty, not “{value}”.</source>
            <translation>查找表 {path}：{code} 行的 rotation 列须为 yes 或留空，不能是“{value}”。</translation>
        </message>
        <message>
            <source>The lookup table {path}: row {code}, column crops must be the number of crops a year (1, 2, 3) or empty, not “{value}”.</source>
            <translation>查找表 {path}：{code} 行的 crops 列须为每年熟数（1、2、3）或留空，不能是“{value}”。</translation>
        </message>
        <message>
            <source>The crop-rotation table {path} has no row.</source>
            <translation>轮作表 {path} 没有数据行。</translation>
        </message>
        <message>
            <source>The crop-rotation table has no zone “{code}”; its zones are {codes}. Add the row or choose another table.</source>
            <translation>轮作表中没有分区“{code}”；表中分区为 {codes}。请添加该行或选用其他表。</translation>
        </message>
        <message>
            <source>The silt-dam settings are inconsistent: 0 &lt; MIN_CONTROL &lt; MAX_CONTROL, 0 &lt; DELIVERY_RATIO ≤ 1, DRY_DENSITY &gt; 0, DESIGN_LIFE ≥ 0, FLOOD_DEPTH ≥ 0 and 0 ≤ FREEBOARD &lt; MAX_HEIGHT are required.</source>
            <translation>淤地坝参数不一致：须满足 0 &lt; MIN_CONTROL &lt; MAX_CONTROL，0 &lt; DELIVERY_RATIO ≤ 1，DRY_DENSITY &gt; 0，DESIGN_LIFE ≥ 0，FLOOD_DEPTH ≥ 0，0 ≤ FREEBOARD &lt; MAX_HEIGHT。</translation>
        </message>
        <message>
            <source>The storage need of a silt-trap dam comes from the sediment of its catchment: give the soil-loss raster (SOIL_LOSS of swcplanner:soilloss) or a soil-loss modulus above 0.</source>
            <translation>淤地坝库容需求由其控制流域的来沙量确定：请给出土壤流失栅格（swcplanner:soilloss 的 SOIL_LOSS）或大于 0 的侵蚀模数。</translation>
        </message>
        <message>
            <source>The texture rasters: {n} cells have a fraction or the organic carbon outside 0–100 % (the first at x {x:.1f}, y {y:.1f}). Give them in %.</source>
            <translation>质地栅格：有 {n} 个栅格的粒级含量或有机碳超出 0–100 %（第一个位于 x {x:.1f}、y {y:.1f}）。请以 % 表示。</translation>
        </message>
        <message>
            <source>Sand + silt + clay sum to about 1, not 100: the texture rasters hold fractions of 1. Give them in % (multiply by 100).</source>
            <translation>砂粒 + 粉粒 + 黏粒之和约为 1 而非 100：质地栅格为小数。请以 % 表示（乘以 100）。</translation>
        </message>
        <message>
            <source>Sand + silt + clay must be 100 % (± {tol:g}); they are not on {n} cells of the texture rasters (the first at x {x:.1f}, y {y:.1f}: {total:.1f} %). Check the rasters (g/kg must be divided by 10), that they use the USDA limits 0.05 and 0.002 mm, or raise the tolerance for interpolated rasters.</source>
            <translation>砂粒 + 粉粒 + 黏粒须为 100 %（± {tol:g}）；质地栅格中有 {n} 个栅格不满足（第一个位于 x {x:.1f}、y {y:.1f}：{total:.1f} %）。请检查栅格（g/kg 须除以 10）、是否采用美国制粒级界限 0.05 和 0.002 mm，或对插值栅格放宽容差。</translation>
        </message>
        <message>
            <source>The raster {label} is rotated (geotransform terms {rx}, {ry}). Warp it to a north-up grid first, e.g. with gdalwarp.</source>
            <translation>栅格 {label} 格网带旋转（地理变换参数 {rx}、{ry}）。请先重采样为正北方向格网，例如使用 gdalwarp。</translation>
        </message>
        <message>
            <source>The raster {label} is stored south-up (positive pixel height). Warp it to a north-up grid first, e.g. with gdalwarp.</source>
            <translation>栅格 {label} 为南向上存储（像元高度为正）。请先重采样为正北方向格网，例如使用 gdalwarp。</translation>
        </message>
        <message>
            <source>The raster {label} has no coordinate reference system. Assign its projected CRS (e.g. a CGCS2000 Gauss-Krüger zone) before running.</source>
            <translation>栅格 {label} 没有坐标参考系。请先为其指定投影坐标系（如 CGCS2000 高斯–克吕格投影带）。</translation>
        </message>
        <message>
            <source>The raster {label} is in a geographic CRS (degrees); slopes and areas need metres. Reproject it to a projected CRS, for its longitude {lon:.2f}°E the CGCS2000 3-degree Gauss-Krüger zone EPSG:{epsg} (or EPSG:{epsg_cm} without the zone prefix), e.g. with gdalwarp -t_srs EPSG:{epsg}.</source>
            <translation>栅格 {label} 为地理坐标系（单位为度），计算坡度和面积需要以米为单位。请将其投影到投影坐标系：按其经度 {lon:.2f}°E，应使用 CGCS2000 3 度带高斯–克吕格投影 EPSG:{epsg}（不带带号前缀为 EPSG:{epsg_cm}），例如 gdalwarp -t_srs EPSG:{epsg}。</translation>
        </message>
        <message>
            <source>The CRS of the raster {label} is not in metres (one unit = {units} m). Reproject it to a metric projected CRS.</source>
            <translation>栅格 {label} 的坐标系单位不是米（1 单位 = {units} 米）。请投影到以米为单位的投影坐标系。</translation>
        </message>
        <message>
            <source>MAX_HEIGHT {hmax:g} m in steps of {step:g} m gives {n:.0f} levels of the height–area–volume curve, more than {limit}. Use a larger STEP or a lower MAX_HEIGHT (check dams and silt-trap dams are a few metres to some tens of metres high).</source>
            <translation>MAX_HEIGHT {hmax:g} 米按 {step:g} 米步长会得到 {n:.0f} 个高程–面积–库容曲线级，超过 {limit} 个。请加大 STEP 或降低 MAX_HEIGHT（谷坊和淤地坝高度一般为几米到几十米）。</translation>
        </message>
        <message>
            <source>Key prevention and treatment zones</source>
            <translation>水土流失重点预防区和重点治理区</translation>
        </message>
        <message>
            <source>Silt dams (淤地坝) sited</source>
            <translation>淤地坝选址</translation>
        </message>
    </context>
    <context>
        <name>SwcPlannerJobs</name>
        <message>
            <source>R assumed constant ({value:g} MJ·mm/(hm²·h·a)).</source>
            <translation>降雨侵蚀力按常数假定（{value:g} MJ·mm/(hm²·h·a)）。</translation>
        </message>
        <message>
            <source>K assumed constant ({value:g} t·hm²·h/(hm²·MJ·mm)).</source>
            <translation>土壤可蚀性按常数假定（{value:g} t·hm²·h/(hm²·MJ·mm)）。</translation>
        </message>
        <message>
            <source>{zone}: {nodata:.3g} km² ({pct:.1f} %) of the land has no erosion value; the SWC rate {rate:.2f} % counts it as not eroded (at worst {rate_min:.2f} %).</source>
            <translation>{zone}：{nodata:.3g} km²（{pct:.1f} %）的土地无侵蚀值；水土保持率 {rate:.2f} % 将其计为未侵蚀（最不利为 {rate_min:.2f} %）。</translation>
        </message>
    </context>
    <context>
        <name>SwcPlannerLabels</name>
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
            <source>Cropland</source>
            <translation>耕地</translation>
        </message>
        <message>
            <source>Orchard</source>
            <translation>园地</translation>
        </message>
        <message>
            <source>Forest</source>
            <translation>林地</translation>
        </message>
        <message>
            <source>Grassland</source>
            <translation>草地</translation>
        </message>
        <message>
            <source>Bare and other land</source>
            <translation>裸地及其他土地</translation>
        </message>
        <message>
            <source>Water</source>
            <translation>水域</translation>
        </message>
        <message>
            <source>Built-up land</source>
            <translation>建设用地</translation>
        </message>
        <message>
            <source>No measure</source>
            <translation>不设措施</translation>
        </message>
        <message>
            <source>Enclosure (closing hillsides)</source>
            <translation>封育治理（封山育林）</translation>
        </message>
        <message>
            <source>Soil-conservation forest, fish-scale pits</source>
            <translation>水土保持林（鱼鳞坑整地）</translation>
        </message>
        <message>
            <source>Soil-conservation forest, level benches</source>
            <translation>水土保持林（水平阶整地）</translation>
        </message>
        <message>
            <source>Economic forest, fish-scale pits</source>
            <translation>经济林（鱼鳞坑整地）</translation>
        </message>
        <message>
            <source>Economic forest, level benches</source>
            <translation>经济林（水平阶整地）</translation>
        </message>
        <message>
            <source>Grass planting</source>
            <translation>种草</translation>
        </message>
        <message>
            <source>Slope-to-terrace conversion</source>
            <translation>坡改梯</translation>
        </message>
        <message>
            <source>Conservation tillage</source>
            <translation>保护性耕作</translation>
        </message>
        <message>
            <source>Check dams</source>
            <translation>谷坊</translation>
        </message>
        <message>
            <source>Silt-trap dams</source>
            <translation>淤地坝</translation>
        </message>
        <message>
            <source>Soil-conservation forest</source>
            <translation>水土保持林</translation>
        </message>
        <message>
            <source>Economic forest</source>
            <translation>经济林</translation>
        </message>
        <message>
            <source>Fish-scale pits</source>
            <translation>鱼鳞坑</translation>
        </message>
        <message>
            <source>Level benches</source>
            <translation>水平阶</translation>
        </message>
        <message>
            <source>Enclosure area</source>
            <translation>封育面积</translation>
        </message>
        <message>
            <source>Soil-conservation forest area</source>
            <translation>水土保持林面积</translation>
        </message>
        <message>
            <source>Economic forest area</source>
            <translation>经济林面积</translation>
        </message>
        <message>
            <source>Earthwork of pits</source>
            <translation>鱼鳞坑土方</translation>
        </message>
        <message>
            <source>Earthwork of level benches</source>
            <translation>水平阶土方</translation>
        </message>
        <message>
            <source>Grass area</source>
            <translation>种草面积</translation>
        </message>
        <message>
            <source>Terrace area</source>
            <translation>梯田面积</translation>
        </message>
        <message>
            <source>Earthwork of terraces</source>
            <translation>梯田土方</translation>
        </message>
        <message>
            <source>Conservation tillage area</source>
            <translation>保护性耕作面积</translation>
        </message>
        <message>
            <source>Check-dam body volume</source>
            <translation>谷坊坝体方量</translation>
        </message>
        <message>
            <source>Silt-trap dam body volume</source>
            <translation>淤地坝坝体方量</translation>
        </message>
        <message>
            <source>Independent costs (% of parts 1–3)</source>
            <translation>独立费用（占第一至三部分的 %）</translation>
        </message>
        <message>
            <source>Basic contingency (% of parts 1–4)</source>
            <translation>基本预备费（占第一至四部分的 %）</translation>
        </message>
        <message>
            <source>ha</source>
            <translation>公顷</translation>
        </message>
        <message>
            <source>pcs</source>
            <translation>个</translation>
        </message>
        <message>
            <source>m³</source>
            <translation>m³</translation>
        </message>
        <message>
            <source>Part 1: engineering measures</source>
            <translation>第一部分 工程措施</translation>
        </message>
        <message>
            <source>Part 2: forest and grass measures</source>
            <translation>第二部分 林草措施</translation>
        </message>
        <message>
            <source>Part 3: enclosure measures</source>
            <translation>第三部分 封育治理措施</translation>
        </message>
        <message>
            <source>Parts 1–3</source>
            <translation>第一至三部分合计</translation>
        </message>
        <message>
            <source>Part 4: independent costs</source>
            <translation>第四部分 独立费用</translation>
        </message>
        <message>
            <source>Basic contingency</source>
            <translation>基本预备费</translation>
        </message>
        <message>
            <source>Total investment</source>
            <translation>总投资</translation>
        </message>
        <message>
            <source>Soil loss (t/a)</source>
            <translation>土壤流失量（t/a）</translation>
        </message>
        <message>
            <source>Mean erosion modulus (t/km²·a)</source>
            <translation>平均土壤侵蚀模数（t/km²·a）</translation>
        </message>
        <message>
            <source>Eroded area, light and above (km²)</source>
            <translation>水土流失面积（轻度及以上，km²）</translation>
        </message>
        <message>
            <source>Soil-and-water-conservation rate (%)</source>
            <translation>水土保持率（%）</translation>
        </message>
        <message>
            <source>Slight</source>
            <translation>微度</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>轻度</translation>
        </message>
        <message>
            <source>Moderate</source>
            <translation>中度</translation>
        </message>
        <message>
            <source>Intense</source>
            <translation>强烈</translation>
        </message>
        <message>
            <source>Very intense</source>
            <translation>极强烈</translation>
        </message>
        <message>
            <source>Severe</source>
            <translation>剧烈</translation>
        </message>
        <message>
            <source>Watershed</source>
            <translation>流域</translation>
        </message>
        <message>
            <source>Land use</source>
            <translation>土地利用</translation>
        </message>
        <message>
            <source>Slope classes</source>
            <translation>坡度分级</translation>
        </message>
        <message>
            <source>Soil loss (t/km²·a)</source>
            <translation>土壤侵蚀模数（t/(km²·a)）</translation>
        </message>
        <message>
            <source>Erosion intensity</source>
            <translation>土壤侵蚀强度</translation>
        </message>
        <message>
            <source>Erosion intensity after the plan</source>
            <translation>治理后土壤侵蚀强度</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>措施</translation>
        </message>
        <message>
            <source>Pit rows</source>
            <translation>鱼鳞坑行</translation>
        </message>
        <message>
            <source>Bench rows</source>
            <translation>水平阶行</translation>
        </message>
        <message>
            <source>Farmland screening</source>
            <translation>耕地筛查</translation>
        </message>
        <message>
            <source>Land area (km²)</source>
            <translation>土地面积（km²）</translation>
        </message>
        <message>
            <source>Planting</source>
            <translation>造林种草</translation>
        </message>
        <message>
            <source>Seedlings</source>
            <translation>苗木</translation>
        </message>
        <message>
            <source>kg</source>
            <translation>千克</translation>
        </message>
        <message>
            <source>Area treated (km²)</source>
            <translation>治理面积（km²）</translation>
        </message>
        <message>
            <source>Erosion treatment degree (%)</source>
            <translation>水土流失治理度（%）</translation>
        </message>
        <message>
            <source>Forest and grass area (km²)</source>
            <translation>林草面积（km²）</translation>
        </message>
        <message>
            <source>Forest and grass cover (%)</source>
            <translation>林草覆盖率（%）</translation>
        </message>
        <message>
            <source>Terraced land added (ha)</source>
            <translation>新增梯田（公顷）</translation>
        </message>
        <message>
            <source>Area treated (ha)</source>
            <translation>治理面积（公顷）</translation>
        </message>
        <message>
            <source>Land silted behind the silt-trap dams (ha)</source>
            <translation>淤地坝淤地面积（公顷）</translation>
        </message>
        <message>
            <source>Water: no measure</source>
            <translation>水域：不布设措施</translation>
        </message>
        <message>
            <source>Built-up land: no measure</source>
            <translation>建设用地：不布设措施</translation>
        </message>
        <message>
            <source>Only on cropland</source>
            <translation>仅限耕地</translation>
        </message>
        <message>
            <source>Permanent basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <source>Slope below the measure's band</source>
            <translation>坡度低于措施适宜范围</translation>
        </message>
        <message>
            <source>Slope above the measure's band</source>
            <translation>坡度高于措施适宜范围</translation>
        </message>
        <message>
            <source>No slope (DEM nodata)</source>
            <translation>无坡度（DEM 无数据）</translation>
        </message>
        <message>
            <source>Small (小型)</source>
            <translation>小型</translation>
        </message>
        <message>
            <source>Medium (中型)</source>
            <translation>中型</translation>
        </message>
        <message>
            <source>Large 2 (大(2)型)</source>
            <translation>大(2)型</translation>
        </message>
        <message>
            <source>Large 1 (大(1)型)</source>
            <translation>大(1)型</translation>
        </message>
        <message>
            <source>Above large 1</source>
            <translation>超过大(1)型</translation>
        </message>
        <message>
            <source>Soil and water retained</source>
            <translation>保水保土</translation>
        </message>
        <message>
            <source>Economic benefit</source>
            <translation>经济效益</translation>
        </message>
        <message>
            <source>Social benefit</source>
            <translation>社会效益</translation>
        </message>
        <message>
            <source>Ecological benefit</source>
            <translation>生态效益</translation>
        </message>
        <message>
            <source>Grain (粮食增产)</source>
            <translation>粮食增产</translation>
        </message>
        <message>
            <source>Fruit (果品)</source>
            <translation>果品</translation>
        </message>
        <message>
            <source>Wood (林木蓄积)</source>
            <translation>林木蓄积</translation>
        </message>
        <message>
            <source>Hay (干草)</source>
            <translation>干草</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Areas excluded by the rules</source>
            <translation>被规则排除的区域</translation>
        </message>
        <message>
            <source>Silted area of the silt-trap dams</source>
            <translation>淤地坝淤地范围</translation>
        </message>
    </context>
    <context>
        <name>SwcPlannerPlugin</name>
        <message>
            <source>SWC Planner</source>
            <translation>水土保持规划</translation>
        </message>
        <message>
            <source>Small-watershed planning wizard…</source>
            <translation>小流域综合治理规划向导……</translation>
        </message>
    </context>
    <context>
        <name>SwcPlannerProvider</name>
        <message>
            <source>SWC Planner</source>
            <translation>水土保持规划</translation>
        </message>
        <message>
            <source>SWC Planner – soil and water conservation</source>
            <translation>水土保持规划（SWC Planner）</translation>
        </message>
    </context>
    <context>
        <name>SwcPlannerWidgets</name>
        <message>
            <source>Add a layer from a file</source>
            <translation>从文件添加图层</translation>
        </message>
        <message>
            <source>Open a layer</source>
            <translation>打开图层</translation>
        </message>
        <message>
            <source>GIS files (*.tif *.tiff *.img *.gpkg *.shp *.geojson);;All files (*)</source>
            <translation>GIS 文件（*.tif *.tiff *.img *.gpkg *.shp *.geojson）;;所有文件（*）</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Finished.</source>
            <translation>已完成。</translation>
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
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>输入</translation>
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
            <source>Input read as {kind}.</source>
            <translation>输入按“{kind}”读取。</translation>
        </message>
        <message>
            <source>Intensity classes are used as they are; TOLERANCE only affects soil-loss input.</source>
            <translation>侵蚀强度级按原值使用；TOLERANCE 只对侵蚀模数输入起作用。</translation>
        </message>
        <message>
            <source>Computes the soil-and-water-conservation rate (水土保持率) of each administrative unit from water and wind erosion, and its gap to the targets.</source>
            <translation>由水力侵蚀和风力侵蚀计算各行政单元的水土保持率及其与目标的差距。</translation>
        </message>
        <message>
            <source>SWC_RATE (%) = (land area − eroded area) / land area × 100, where the eroded area is the area at SL 190 class light or above by water or wind erosion, counted once; for water a soil loss at or above TOLERANCE (default 200 t/km²·a, northern rocky mountains; 500 in the southern red-soil hills). Exactly 2 500 is moderate; exactly the tolerance is eroded. The land area AREA_KM2 is the unit's area (its cells and the part beyond the raster); POLY_KM2 is the polygon area.</source>
            <translation>SWC_RATE（%）=（土地面积 − 水土流失面积）/ 土地面积 × 100，水土流失面积为水力或风力侵蚀达到 SL 190 轻度及以上的面积，只计一次；水力侵蚀以土壤流失量不低于 TOLERANCE 计（默认 200 t/(km²·a)，北方土石山区；南方红壤丘陵区 500）。恰为 2 500 属中度；恰为容许值即计为侵蚀。土地面积 AREA_KM2 为单元面积（其栅格及栅格范围以外部分）；POLY_KM2 为多边形面积。</translation>
        </message>
        <message>
            <source>INPUT is a water-erosion soil-loss raster (t/km²·a, e.g. SOIL_LOSS of the soil-loss algorithm) or an intensity raster with classes 1–6 (then TOLERANCE is not used). INPUT_KIND Detect treats an integer raster whose values lie within 0–6 as intensity classes and anything else as soil loss. ZONES are the units (counties, townships); polygons sharing a ZONE_FIELD value form one unit; a cell belongs to the unit containing its centre.</source>
            <translation>INPUT 为水力侵蚀土壤流失量栅格（t/(km²·a)，如土壤流失量算法的 SOIL_LOSS），或 1–6 级侵蚀强度栅格（此时不使用 TOLERANCE）。INPUT_KIND 为“自动识别”时，取值在 0–6 之间的整型栅格视为强度等级，其余视为土壤流失量。ZONES 为统计单元（县、乡镇）；ZONE_FIELD 取值相同的多边形合为一个单元；栅格按其中心所在单元归属。</translation>
        </message>
        <message>
            <source>One row per unit: ZONE, AREA_KM2, SLIGHT_KM2 … SEVERE_KM2 (water erosion), ERODED_KM2, SWC_RATE, TARGET_1, GAP_1, TREAT_1_KM2, TARGET_2, GAP_2, TREAT_2_KM2, POLY_KM2, COVER_PCT, TOLERANCE, INPUT_KIND, WATER_KM2, WIND_KM2 (eroded by water, by wind), BOTH_KM2, NODATA_KM2, NODATA_PCT, SWC_RATE_MIN, WIND_SLIGHT_KM2 … WIND_SEVERE_KM2 and WIND_KIND (wind columns empty without WIND). Sources: SL 190-2007 water and wind intensity tables; 水土保持率 definition (MWR) and the Hebei targets (若干措施, 2023).</source>
            <translation>每个单元一行：ZONE、AREA_KM2、SLIGHT_KM2 … SEVERE_KM2（水力侵蚀）、ERODED_KM2、SWC_RATE、TARGET_1、GAP_1、TREAT_1_KM2、TARGET_2、GAP_2、TREAT_2_KM2、POLY_KM2、COVER_PCT、TOLERANCE、INPUT_KIND、WATER_KM2、WIND_KM2（水蚀、风蚀面积）、BOTH_KM2、NODATA_KM2、NODATA_PCT、SWC_RATE_MIN、WIND_SLIGHT_KM2 … WIND_SEVERE_KM2 和 WIND_KIND（无 WIND 时风蚀各列为空）。依据：SL 190-2007 水力和风力侵蚀强度分级表；水利部水土保持率定义和河北目标（若干措施，2023）。</translation>
        </message>
        <message>
            <source>{zone}: no cell of the input raster with a value lies in this unit.</source>
            <translation>{zone}：该单元内没有输入栅格的有值栅格。</translation>
        </message>
        <message>
            <source>{zone}: SWC rate {rate:.2f} % ({eroded:.4g} of {area:.4g} km² eroded; water {water:.4g} km²</source>
            <translation>{zone}：水土保持率 {rate:.2f} %（{area:.4g} km² 中水土流失 {eroded:.4g} km²；水蚀 {water:.4g} km²</translation>
        </message>
        <message>
            <source>, wind {wind:.4g} km², both {both:.4g} km²</source>
            <translation>，风蚀 {wind:.4g} km²，两者兼有 {both:.4g} km²</translation>
        </message>
        <message>
            <source>); gap to {t1:g} %: {g1:+.2f} points, to {t2:g} %: {g2:+.2f} points</source>
            <translation>）；距 {t1:g} % 差 {g1:+.2f} 个百分点，距 {t2:g} % 差 {g2:+.2f} 个百分点</translation>
        </message>
    </context>
    <context>
        <name>WatershedAlgorithm</name>
        <message>
            <source>Watersheds from outlets</source>
            <translation>由出口提取流域</translation>
        </message>
        <message>
            <source>Delineates the catchment draining to each outlet point (for example a check dam site or a gauging station).</source>
            <translation>提取汇入每个出口点（如谷坊坝址或水文站）的集水区。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>OUTPUT: one polygon per outlet with OUTLET_ID (the outlet's feature id), AREA_KM2 (planar area in km²), SNAP_X, SNAP_Y (the cell centre used) and SNAP_M (how far the outlet was moved, m). Outlets outside the DEM are reported in the log and skipped.</source>
            <translation>OUTPUT：每个出口一个多边形，字段 OUTLET_ID（出口要素 ID）、AREA_KM2（平面面积，平方千米）、SNAP_X、SNAP_Y（所用栅格中心）和 SNAP_M（出口移动距离，米）。位于 DEM 之外的出口在日志中报告并跳过。</translation>
        </message>
        <message>
            <source>Outlet points</source>
            <translation>出口点</translation>
        </message>
        <message>
            <source>Snapping distance (m)</source>
            <translation>捕捉距离（米）</translation>
        </message>
        <message>
            <source>Watersheds</source>
            <translation>流域</translation>
        </message>
        <message>
            <source>The outlet layer has no points. Add at least one outlet point.</source>
            <translation>出口图层中没有点。请至少添加一个出口点。</translation>
        </message>
        <message>
            <source>None of the outlets lies on the DEM (see the log). Check that the outlets and the DEM overlap.</source>
            <translation>没有出口位于 DEM 上（见日志）。请检查出口与 DEM 是否重叠。</translation>
        </message>
        <message>
            <source>Outlet {oid}: {km2:.4f} km² (moved {m:.0f} m).</source>
            <translation>出口 {oid}：{km2:.4f} 平方千米（移动 {m:.0f} 米）。</translation>
        </message>
        <message>
            <source>The DEM is routed as in Flow direction and accumulation. Each outlet is first moved to the cell with the largest upslope area within SNAP_DISTANCE metres, so that a point placed near a channel lands on it (0 keeps the outlet's own cell). The catchment is every cell whose flow passes through that cell. Outlets inside another outlet's catchment each get their full catchment (the polygons overlap). DEPRESSIONS chooses how depressions are routed (see Flow direction and accumulation): 0 fills them (default), 1 routes through them along the lowest path like GRASS r.watershed.</source>
            <translation>DEM 的汇流计算与“流向与汇流累积量”相同。每个出口先移到 SNAP_DISTANCE 米范围内上游汇水面积最大的栅格，使放在沟道附近的点落到沟道上（0 表示使用出口所在栅格）。集水区为水流经过该栅格的所有栅格。位于其他出口集水区内的出口也得到各自完整的集水区（多边形相互重叠）。DEPRESSIONS 决定洼地的处理方式（见“流向与汇流累积量”）：0 为填洼（默认），1 为像 GRASS r.watershed 那样沿最低路径穿过洼地。</translation>
        </message>
    </context>
    <context>
        <name>WatershedPage</name>
        <message>
            <source>2. Watershed</source>
            <translation>2. 流域</translation>
        </message>
        <message>
            <source>Choose the DEM, then click the watershed outlet on the map (it is snapped to the channel) or use an existing watershed polygon.</source>
            <translation>选择 DEM，然后在地图上点击流域出口（将自动捕捉到沟道上），或使用已有的流域边界面。</translation>
        </message>
        <message>
            <source>Outlet on the map</source>
            <translation>在地图上点选出口</translation>
        </message>
        <message>
            <source>Existing watershed polygon</source>
            <translation>已有流域边界面</translation>
        </message>
        <message>
            <source>Click the outlet on the map…</source>
            <translation>在地图上点击出口…</translation>
        </message>
        <message>
            <source>No outlet yet.</source>
            <translation>尚未选择出口。</translation>
        </message>
        <message>
            <source>Delineate the watershed</source>
            <translation>提取流域</translation>
        </message>
        <message>
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，单位米）</translation>
        </message>
        <message>
            <source>Snap distance</source>
            <translation>捕捉距离</translation>
        </message>
        <message>
            <source>Watershed polygon</source>
            <translation>流域边界面</translation>
        </message>
        <message>
            <source>Use this polygon</source>
            <translation>使用此面</translation>
        </message>
        <message>
            <source>Click the outlet on the map canvas.</source>
            <translation>请在地图窗口中点击出口。</translation>
        </message>
        <message>
            <source>Outlet at {x:.1f}, {y:.1f}</source>
            <translation>出口位于 {x:.1f}, {y:.1f}</translation>
        </message>
        <message>
            <source>Choose a DEM first.</source>
            <translation>请先选择 DEM。</translation>
        </message>
        <message>
            <source>Click the outlet on the map first.</source>
            <translation>请先在地图上点击出口。</translation>
        </message>
        <message>
            <source>Delineating the watershed</source>
            <translation>正在提取流域</translation>
        </message>
        <message>
            <source>Choose the watershed polygon layer.</source>
            <translation>请选择流域边界面图层。</translation>
        </message>
        <message>
            <source>Dissolving the polygon</source>
            <translation>正在融合面</translation>
        </message>
        <message>
            <source>Projecting to the DEM's CRS</source>
            <translation>正在投影到 DEM 坐标系</translation>
        </message>
        <message>
            <source>Watershed area: {area:.2f} km²</source>
            <translation>流域面积：{area:.2f} km²</translation>
        </message>
        <message>
            <source>The watershed is smaller than 3 km²: small watersheds are usually planned at 3–50 km². Move the outlet downstream or check the snap distance.</source>
            <translation>流域面积小于 3 km²：小流域一般按 3–50 km² 规划。请将出口向下游移动或检查捕捉距离。</translation>
        </message>
        <message>
            <source>The watershed is larger than 50 km²: a small watershed is at most 50 km² (水保〔2023〕35号). Split it into several plans or move the outlet upstream.</source>
            <translation>流域面积大于 50 km²：小流域面积一般不超过 50 km²（水保〔2023〕35号）。请拆分为多个规划或将出口向上游移动。</translation>
        </message>
        <message>
            <source>Watershed area</source>
            <translation>流域面积</translation>
        </message>
        <message>
            <source>The watershed has {n} polygons: give one outlet or one polygon.</source>
            <translation>流域有 {n} 个多边形：请只给一个出口或一个多边形。</translation>
        </message>
    </context>
</TS>
