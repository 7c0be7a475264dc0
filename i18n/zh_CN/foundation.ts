<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，单位米）</translation>
        </message>
        <message>
            <source>Class breaks (degrees, comma-separated)</source>
            <translation>分级点（度，逗号分隔）</translation>
        </message>
        <message>
            <source>Zones (e.g. counties or townships)</source>
            <translation>分区（如县、乡镇）</translation>
        </message>
        <message>
            <source>Zone name field</source>
            <translation>分区名称字段</translation>
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
            <source>Delimits, county by county, the steep slopes on which reclamation for crops is banned (以县为单位划定禁止开垦陡坡地范围), with the patch list, the county summary and the township table that county notices publish.</source>
            <translation>以县为单位划定禁止开垦种植农作物的陡坡地范围，输出图斑清单、县级汇总表以及县级公告所需的乡镇统计表。</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>A DEM cell is banned when its slope (degrees, Horn, as gdaldem slope) is above the threshold: THRESHOLD (default 25°, SWC Law Art. 20), or the county's value in THRESHOLD_FIELD; inside RESERVOIR_CATCHMENTS the lower RESERVOIR_THRESHOLD applies (Hebei: 20° around large and medium reservoirs). With a LANDUSE layer only land whose code matches LANDUSE_CODES is kept (default 03*, 04*, 1206: forest, grassland and bare soil of the land survey); EXCLUDE polygons (e.g. permanent basic farmland) are removed.</source>
            <translation>DEM 栅格坡度（度，Horn 法，同 gdaldem slope）大于禁垦坡度即划入：禁垦坡度为 THRESHOLD（默认 25°，《水土保持法》第二十条），或该县在 THRESHOLD_FIELD 字段中的值；在 RESERVOIR_CATCHMENTS 范围内采用较低的 RESERVOIR_THRESHOLD（河北：大中型水库周边汇水区域 20°）。提供 LANDUSE 图层时，仅保留地类编码符合 LANDUSE_CODES 的土地（默认 03*、04*、1206：国土调查林地、草地和裸土地）；EXCLUDE 多边形（如永久基本农田）从结果中扣除。</translation>
        </message>
        <message>
            <source>Patches</source>
            <translation>图斑</translation>
        </message>
        <message>
            <source>A patch is a set of banned cells connected through sides or corners (8-connected) inside one county; its polygon is the exact union of its cells, vectorised by GDAL. A cell belongs to the county that contains its centre. Patches smaller than MIN_AREA (ha, default 5; 0 keeps all) are dropped. The rule field says whether the general threshold, the reservoir threshold or both applied in the patch.</source>
            <translation>图斑是同一县内通过边或角相连（8 邻域）的禁垦栅格集合；其多边形由 GDAL 矢量化，恰为这些栅格的并集。栅格中心所在的县即其所属县。面积小于 MIN_AREA（公顷，默认 5；0 保留全部）的图斑被剔除。规则字段说明图斑适用一般禁垦坡度、水库汇水区禁垦坡度或两者兼有。</translation>
        </message>
        <message>
            <source>Areas</source>
            <translation>面积</translation>
        </message>
        <message>
            <source>Areas are planar, in the DEM's projected CRS (cell count × cell area), given in m², ha, km² and mu (亩 = 666.67 m²). Use a Gauss–Krüger CRS whose central meridian is near the county (e.g. CGCS2000 zone 38, 39 or 40 for Hebei).</source>
            <translation>面积为 DEM 投影坐标系下的平面面积（栅格数 × 单元面积），以平方米、公顷、平方千米和亩（666.67 平方米）表示。请使用中央经线靠近本县的高斯–克吕格投影（如河北用 CGCS2000 38、39 或 40 带）。</translation>
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
            <source>OUTPUT: patches with COUNTY, PATCH_ID, PATCH_NO, AREA_M2, AREA_HA, AREA_MU, SLOPE_MEAN, SLOPE_MAX, THRESHOLD, RULE (general / reservoir / mixed), RULE_LABEL, RES_HA. SUMMARY: per county COUNTY, THRESHOLD, AREA_KM2, PATCHES, BAN_HA, BAN_KM2, BAN_MU, SHARE_PCT. TOWNSHIP_TABLE (with TOWNSHIPS): per township TOWNSHIP, COUNTY, AREA_KM2, PATCHES, BAN_KM2, BAN_HA, BAN_MU, SHARE_PCT.</source>
            <translation>OUTPUT：图斑，字段 COUNTY（县）、PATCH_ID（图斑编号）、PATCH_NO（县内序号）、AREA_M2、AREA_HA、AREA_MU（面积）、SLOPE_MEAN、SLOPE_MAX（平均、最大坡度）、THRESHOLD（禁垦坡度）、RULE（general / reservoir / mixed）、RULE_LABEL（规则名称）、RES_HA（水库汇水区内面积）。SUMMARY：每县一行，COUNTY、THRESHOLD、AREA_KM2、PATCHES（图斑个数）、BAN_HA、BAN_KM2、BAN_MU（禁垦面积）、SHARE_PCT（占县域比例）。TOWNSHIP_TABLE（提供乡镇图层时）：每乡镇一行，TOWNSHIP、COUNTY、AREA_KM2、PATCHES、BAN_KM2、BAN_HA、BAN_MU、SHARE_PCT。</translation>
        </message>
        <message>
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，单位米）</translation>
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
            <source>{county}: {patches} patches, {km2:.2f} km² banned ({share:.2f} % of the county)</source>
            <translation>{county}：{patches} 个图斑，禁垦面积 {km2:.2f} 平方千米（占县域 {share:.2f} %）</translation>
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
    </context>
    <context>
        <name>SwcCore</name>
        <message>
            <source>The DEM is rotated (geotransform terms {rx}, {ry}). Warp it to a north-up grid first, e.g. with gdalwarp.</source>
            <translation>DEM 格网带旋转（地理变换参数 {rx}、{ry}）。请先重采样为正北方向格网，例如使用 gdalwarp。</translation>
        </message>
        <message>
            <source>The DEM is stored south-up (positive pixel height). Warp it to a north-up grid first, e.g. with gdalwarp.</source>
            <translation>DEM 为南向上存储（像元高度为正）。请先重采样为正北方向格网，例如使用 gdalwarp。</translation>
        </message>
        <message>
            <source>The DEM has no coordinate reference system. Assign its projected CRS (e.g. a CGCS2000 Gauss-Krüger zone) before running.</source>
            <translation>DEM 没有坐标参考系。请先为其指定投影坐标系（如 CGCS2000 高斯–克吕格投影带）。</translation>
        </message>
        <message>
            <source>The DEM is in a geographic CRS (degrees); slopes and areas need metres. Reproject it to a projected CRS, for its longitude {lon:.2f}°E the CGCS2000 3-degree Gauss-Krüger zone EPSG:{epsg} (or EPSG:{epsg_cm} without the zone prefix), e.g. with gdalwarp -t_srs EPSG:{epsg}.</source>
            <translation>DEM 为地理坐标系（单位为度），计算坡度和面积需要以米为单位。请将其投影到投影坐标系：按其经度 {lon:.2f}°E，应使用 CGCS2000 3 度带高斯–克吕格投影 EPSG:{epsg}（不带带号前缀为 EPSG:{epsg_cm}），例如 gdalwarp -t_srs EPSG:{epsg}。</translation>
        </message>
        <message>
            <source>The DEM's CRS is not in metres (one unit = {units} m). Reproject it to a metric projected CRS.</source>
            <translation>DEM 坐标系单位不是米（1 单位 = {units} 米）。请投影到以米为单位的投影坐标系。</translation>
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
</TS>
