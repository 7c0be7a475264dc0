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
            <source>{alg} is not installed: step skipped.</source>
            <translation>未安装 {alg}：已跳过此步骤。</translation>
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
    </context>
    <context>
        <name>BenefitsPage</name>
        <message>
            <source>7. Benefits</source>
            <translation>7. 效益分析</translation>
        </message>
        <message>
            <source>Soil loss is computed again with the planned measures (their engineering and tillage factors); the difference is the soil saved.</source>
            <translation>按规划措施（工程措施因子和耕作措施因子）重新计算土壤流失量，与现状之差即为保土量。</translation>
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
            <source>swcplanner:soilloss is not installed: benefits cannot be computed.</source>
            <translation>未安装 swcplanner:soilloss，无法计算效益。</translation>
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
            <source>Constant</source>
            <translation>常数</translation>
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
            <source>K must be above 0 (typical values 0.002–0.05).</source>
            <translation>K 值必须大于 0（常见取值 0.002–0.05）。</translation>
        </message>
        <message>
            <source>Choose the K layer or set K to a constant.</source>
            <translation>请选择 K 图层或将 K 设为常数。</translation>
        </message>
        <message>
            <source>Soil polygons are needed for “Soil polygons with a K field”.</source>
            <translation>“含 K 值字段的土壤图斑”需要土壤面图层。</translation>
        </message>
        <message>
            <source>Choose the K field of the soil polygons.</source>
            <translation>请选择土壤图斑的 K 值字段。</translation>
        </message>
        <message>
            <source>R must be above 0 (Hebei: about 1 000–3 500 MJ·mm/(hm²·h·a)).</source>
            <translation>R 值必须大于 0（河北约为 1 000–3 500 MJ·mm/(hm²·h·a)）。</translation>
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
    </context>
    <context>
        <name>MeasuresPage</name>
        <message>
            <source>5. Measures</source>
            <translation>5. 措施布局</translation>
        </message>
        <message>
            <source>Choose a measure for each land use and slope class (the region's preset is filled in), then lay out the measures: terraces on slope farmland, check dams in the gullies, pits and benches on the slopes.</source>
            <translation>为每种地类和坡度级选择治理措施（已填入所选区域的预设），然后进行措施布设：坡耕地修梯田，沟道布设谷坊，坡面布设鱼鳞坑和水平阶。</translation>
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
            <source>Silt-trap dams in larger gullies (淤地坝)</source>
            <translation>较大沟道布设淤地坝</translation>
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
            <source>Measure polygons</source>
            <translation>措施图斑</translation>
        </message>
        <message>
            <source>Measure types</source>
            <translation>措施类型</translation>
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
            <source>Not installed, skipped: {algs}.</source>
            <translation>未安装，已跳过：{algs}。</translation>
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
            <source>Planning period {start}–{end} · region: {region} · watershed area {area} km²</source>
            <translation>规划期 {start}–{end} 年 · 区域：{region} · 流域面积 {area} km²</translation>
        </message>
        <message>
            <source>1 Status: slope classes and land use</source>
            <translation>1 现状：坡度分级与土地利用</translation>
        </message>
        <message>
            <source>2 Status: soil erosion</source>
            <translation>2 现状：土壤侵蚀</translation>
        </message>
        <message>
            <source>3 Measure layout</source>
            <translation>3 措施布局</translation>
        </message>
        <message>
            <source>4 Bill of quantities</source>
            <translation>4 工程量</translation>
        </message>
        <message>
            <source>5 Benefits</source>
            <translation>5 效益分析</translation>
        </message>
        <message>
            <source>6 Investment estimate (10⁴ CNY)</source>
            <translation>6 投资估算（万元）</translation>
        </message>
        <message>
            <source>Soil loss {loss} t/a; mean erosion modulus {mod} t/(km²·a); eroded area (light and above) {eroded} km²; soil-and-water-conservation rate {rate} % (Hebei target 2025: 79.96 %).</source>
            <translation>土壤流失量 {loss} t/a；平均土壤侵蚀模数 {mod} t/(km²·a)；水土流失面积（轻度及以上）{eroded} km²；水土保持率 {rate}%（河北省 2025 年目标：79.96%）。</translation>
        </message>
        <message>
            <source>Soil saved by the plan: {saved} t/a. Total investment: {total} ×10⁴ CNY.</source>
            <translation>规划实施后保土量：{saved} t/a。总投资：{total} 万元。</translation>
        </message>
        <message>
            <source>Made with SWC Planner. Unit prices and measure presets are planning defaults; check them against the current standards before approval.</source>
            <translation>由 SWC Planner 生成。单价和措施预设为规划默认值，报批前请按现行标准核对。</translation>
        </message>
        <message>
            <source>SWC rate by county/township</source>
            <translation>分县/乡镇水土保持率</translation>
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
    </context>
    <context>
        <name>QuantitiesPage</name>
        <message>
            <source>6. Quantities and investment</source>
            <translation>6. 工程量与投资</translation>
        </message>
        <message>
            <source>Quantities come from the measure layout; edit the unit prices (CNY) to update the investment estimate.</source>
            <translation>工程量来自措施布局；修改单价（元）即可更新投资估算。</translation>
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
            <source>Unit price</source>
            <translation>单价</translation>
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
    </context>
    <context>
        <name>ReportPage</name>
        <message>
            <source>8. Report</source>
            <translation>8. 规划报告</translation>
        </message>
        <message>
            <source>Write the plan report (PDF with maps and tables), the tables as xlsx, all layers into the GeoPackage, and save the QGIS project.</source>
            <translation>生成规划报告（含图表的 PDF），将表格导出为 xlsx，所有图层写入 GeoPackage，并保存 QGIS 工程。</translation>
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
            <source>Land-use categories</source>
            <translation>土地利用类别</translation>
        </message>
        <message>
            <source>Rasterising the land use</source>
            <translation>土地利用栅格化</translation>
        </message>
        <message>
            <source>Aligning the land use to the DEM</source>
            <translation>土地利用与 DEM 对齐</translation>
        </message>
        <message>
            <source>Land use × slope class</source>
            <translation>地类 × 坡度级</translation>
        </message>
        <message>
            <source>Areas by land use and slope class</source>
            <translation>分地类、分坡度级面积</translation>
        </message>
        <message>
            <source>Soil loss (CSLE)</source>
            <translation>土壤流失量（CSLE）</translation>
        </message>
        <message>
            <source>the clipped DEM cannot be read</source>
            <translation>无法读取裁剪后的 DEM</translation>
        </message>
        <message>
            <source>Not installed, skipped: {algs}.</source>
            <translation>未安装，已跳过：{algs}。</translation>
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
            <source>Soil loss was not computed (swcplanner:soilloss is not installed).</source>
            <translation>未计算土壤流失量（未安装 swcplanner:soilloss）。</translation>
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
            <translation>土壤侵蚀模数（t/km²·a）</translation>
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
            <translation>治理措施</translation>
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
            <translation>DEM（投影坐标，米）</translation>
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
            <source>The watershed algorithm (swcplanner:watershed) is not installed; use an existing polygon instead.</source>
            <translation>未安装流域提取算法（swcplanner:watershed）；请改用已有的流域边界面。</translation>
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
    </context>
</TS>
