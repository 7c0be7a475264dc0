<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，米）</translation>
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
        <name>SwcCore</name>
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
    </context>
</TS>
