<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，单位米）</translation>
        </message>
        <message>
            <source>Minimum contributing area (km²)</source>
            <translation>最小汇水面积（平方千米）</translation>
        </message>
        <message>
            <source>Memory limit (MB)</source>
            <translation>内存上限（MB）</translation>
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
        <message>
            <source>Depressions</source>
            <translation>洼地处理</translation>
        </message>
        <message>
            <source>Fill, and route across flats (default)</source>
            <translation>填洼，并在平地上汇流（默认）</translation>
        </message>
        <message>
            <source>Route through along the lowest path, like GRASS r.watershed</source>
            <translation>沿最低路径穿过洼地（同 GRASS r.watershed）</translation>
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
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，单位米）</translation>
        </message>
        <message>
            <source>Memory limit (MB)</source>
            <translation>内存上限（MB）</translation>
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
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，单位米）</translation>
        </message>
        <message>
            <source>Memory limit (MB)</source>
            <translation>内存上限（MB）</translation>
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
            <source>Fill, and route across flats (default)</source>
            <translation>填洼，并在平地上汇流（默认）</translation>
        </message>
        <message>
            <source>Route through along the lowest path, like GRASS r.watershed</source>
            <translation>沿最低路径穿过洼地（同 GRASS r.watershed）</translation>
        </message>
        <message>
            <source>DEPRESSIONS = 0 (default): depressions are filled to their spill level and flats are crossed along the shortest path to their outlet. DEPRESSIONS = 1: no elevation is changed; water flows down into each depression and out again along the lowest path, in the search order of GRASS r.watershed -s (same directions cell by cell on the DEMs tested). Use 1 to match GRASS or where a depression is a real valley floor (a reservoir, an embankment); it is much slower (see the documentation) and needs about 800 bytes per cell.</source>
            <translation>DEPRESSIONS = 0（默认）：洼地填至溢出高程，平地上的水流沿最短路径流向平地出口。DEPRESSIONS = 1：不改变任何高程；水流流入洼地后再沿最低路径流出，遵循 GRASS r.watershed -s 的搜索顺序（在已测试的 DEM 上逐栅格流向相同）。需要与 GRASS 结果一致，或洼地本是真实谷底（水库、堤坝）时选 1；该方式慢得多（见文档），每个栅格约需 800 字节内存。</translation>
        </message>
    </context>
    <context>
        <name>SwcCore</name>
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
            <source>DEM (projected, metres)</source>
            <translation>DEM（投影坐标，单位米）</translation>
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
            <source>Memory limit (MB)</source>
            <translation>内存上限（MB）</translation>
        </message>
        <message>
            <source>Watersheds</source>
            <translation>流域</translation>
        </message>
        <message>
            <source>The outlet layer could not be loaded.</source>
            <translation>无法加载出口图层。</translation>
        </message>
        <message>
            <source>Outlet {fid} has no geometry; skipped.</source>
            <translation>出口 {fid} 没有几何，已跳过。</translation>
        </message>
        <message>
            <source>Outlet {fid} has {n} points; the first is used.</source>
            <translation>出口 {fid} 有 {n} 个点，使用第一个点。</translation>
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
        <message>
            <source>Depressions</source>
            <translation>洼地处理</translation>
        </message>
        <message>
            <source>Fill, and route across flats (default)</source>
            <translation>填洼，并在平地上汇流（默认）</translation>
        </message>
        <message>
            <source>Route through along the lowest path, like GRASS r.watershed</source>
            <translation>沿最低路径穿过洼地（同 GRASS r.watershed）</translation>
        </message>
    </context>
</TS>
