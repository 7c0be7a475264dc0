<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AlgorithmRunner</name>
        <message>
            <source>Cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{alg} is not installed: step skipped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The algorithm {alg} is not available. Check that the SWC Planner plugin and QGIS Processing are enabled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{step} failed: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>see the log</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BenefitsPage</name>
        <message>
            <source>7. Benefits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil loss is computed again with the planned measures (their engineering and tillage factors); the difference is the soil saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compute the benefits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil loss with the measures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Erosion intensity after the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>swcplanner:soilloss is not installed: benefits cannot be computed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Indicator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>After</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil saved: {saved} t/a</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DataPage</name>
        <message>
            <source>3. Data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the land use and the soil-loss factors. Every input is checked; the messages below say what to fix.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read the codes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land-survey (三调) preset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land-use code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer (polygons or raster)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code field (polygons)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Constant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Raster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil polygons with a K field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For a raster of soil classes: a CSV table code,K</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil-loss factors and other layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land-use table → B, T</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil erodibility K</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>K layer (raster or soil polygons)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>K table (soil classes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rainfall erosivity R</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counties / townships</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Existing measures (type field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(choose)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The DEM cannot be read: go back and choose a DEM.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The DEM must be in a projected CRS in metres (e.g. CGCS2000 3-degree Gauss-Krüger, EPSG:4527): reproject it first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The DEM cells are {size:.0f} m: slopes and soil loss are understated on DEMs coarser than 30 m.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the land-use layer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The land-use layer must contain polygons.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the land-use code field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The land-use layer does not overlap the DEM: check its CRS.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The code table is empty: press “Read the codes”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a category for the land-use codes {codes}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>K must be above 0 (typical values 0.002–0.05).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the K layer or set K to a constant.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil polygons are needed for “Soil polygons with a K field”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the K field of the soil polygons.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>R must be above 0 (Hebei: about 1 000–3 500 MJ·mm/(hm²·h·a)).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the R raster or set R to a constant.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the land-use table (CSV: code, B, T) that matches the land-use codes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The K table {path} does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the name field of the counties/townships.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the measure-type field of the existing measures.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All inputs are usable.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DEM: {path}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MeasuresPage</name>
        <message>
            <source>5. Measures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a measure for each land use and slope class (the region's preset is filled in), then lay out the measures: terraces on slope farmland, check dams in the gullies, pits and benches on the slopes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reset to the region preset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check dams in small gullies (谷坊)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Silt-trap dams in larger gullies (淤地坝)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lay out fish-scale pits and level benches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lay out the measures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure polygons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure types</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land-use parcels in the watershed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Farmland screening</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check dams</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Silt-trap dams</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Areas for slope works</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fish-scale pits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Level benches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pit rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bench rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not installed, skipped: {algs}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Area (ha)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Area (mu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Share (%)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlanReport</name>
        <message>
            <source>The report template {path} cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The PDF could not be written ({path}): {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The workbook {path} cannot be created.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land use by slope class (ha)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil erosion intensity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure layout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bill of quantities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Investment estimate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Benefits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan report: {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comprehensive management plan of the {name} small watershed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Planning period {start}–{end} · region: {region} · watershed area {area} km²</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 Status: slope classes and land use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>2 Status: soil erosion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>3 Measure layout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>4 Bill of quantities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>5 Benefits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>6 Investment estimate (10⁴ CNY)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil loss {loss} t/a; mean erosion modulus {mod} t/(km²·a); eroded area (light and above) {eroded} km²; soil-and-water-conservation rate {rate} % (Hebei target 2025: 79.96 %).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil saved by the plan: {saved} t/a. Total investment: {total} ×10⁴ CNY.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Made with SWC Planner. Unit prices and measure presets are planning defaults; check them against the current standards before approval.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlanningWizard</name>
        <message>
            <source>Small-watershed planning wizard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SWC plan: {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SWC Planner</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProjectPage</name>
        <message>
            <source>1. Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name the plan, its period and where the results go, and choose the region whose measure preset fits the watershed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. Xiaohe small watershed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Planning period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Output GeoPackage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region preset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report goes to {pdf}, the tables to {xlsx} and the project to {qgz}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The folder {folder} does not exist: choose another place for the GeoPackage.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QuantitiesPage</name>
        <message>
            <source>6. Quantities and investment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quantities come from the measure layout; edit the unit prices (CNY) to update the investment estimate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reset the unit prices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit prices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bill of quantities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Investment estimate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit price</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not computed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quantity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit price (CNY)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amount (10⁴ CNY)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total investment: {total} ×10⁴ CNY</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportPage</name>
        <message>
            <source>8. Report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the plan report (PDF with maps and tables), the tables as xlsx, all layers into the GeoPackage, and save the QGIS project.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create the report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outputs: {pdf}, {xlsx}, {gpkg}, {qgz}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report could not be written: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Written:
{files}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatusPage</name>
        <message>
            <source>4. Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slope classes, land use by slope class, soil loss, erosion intensity and the soil-and-water-conservation rate of the watershed. The layers are added to the plan group.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Analyse the status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land use by slope class (ha)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil erosion intensity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clipping the DEM to the watershed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slope classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land-use categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rasterising the land use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Aligning the land use to the DEM</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land use × slope class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Areas by land use and slope class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil loss (CSLE)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the clipped DEM cannot be read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not installed, skipped: {algs}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Land use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil loss (t/km²·a)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Erosion intensity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Intensity class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Area (km²)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil loss {loss} t/a, mean modulus {mod} t/(km²·a), eroded area {eroded} km², soil-and-water-conservation rate {rate} %.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil loss was not computed (swcplanner:soilloss is not installed).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SwcPlannerLabels</name>
        <message>
            <source>Bashang plateau (坝上高原)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yanshan mountains (燕山)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Taihang mountains (太行山)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cropland</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orchard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grassland</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bare and other land</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Water</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Built-up land</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No measure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enclosure (closing hillsides)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil-conservation forest, fish-scale pits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil-conservation forest, level benches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Economic forest, fish-scale pits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Economic forest, level benches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grass planting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slope-to-terrace conversion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conservation tillage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check dams</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Silt-trap dams</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil-conservation forest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Economic forest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fish-scale pits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Level benches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enclosure area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil-conservation forest area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Economic forest area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Earthwork of pits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Earthwork of level benches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grass area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Terrace area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Earthwork of terraces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conservation tillage area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check-dam body volume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Silt-trap dam body volume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Independent costs (% of parts 1–3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basic contingency (% of parts 1–4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ha</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pcs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>m³</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part 1: engineering measures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part 2: forest and grass measures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part 3: enclosure measures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parts 1–3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part 4: independent costs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basic contingency</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total investment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil loss (t/a)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mean erosion modulus (t/km²·a)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Eroded area, light and above (km²)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soil-and-water-conservation rate (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moderate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Intense</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Very intense</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Severe</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SwcPlannerWidgets</name>
        <message>
            <source>Add a layer from a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GIS files (*.tif *.tiff *.img *.gpkg *.shp *.geojson);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finished.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WatershedPage</name>
        <message>
            <source>2. Watershed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the DEM, then click the watershed outlet on the map (it is snapped to the channel) or use an existing watershed polygon.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outlet on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Existing watershed polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click the outlet on the map…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No outlet yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delineate the watershed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DEM (projected, metres)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snap distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Watershed polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use this polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click the outlet on the map canvas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outlet at {x:.1f}, {y:.1f}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a DEM first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click the outlet on the map first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The watershed algorithm (swcplanner:watershed) is not installed; use an existing polygon instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delineating the watershed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the watershed polygon layer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dissolving the polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Projecting to the DEM's CRS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Watershed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Watershed area: {area:.2f} km²</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The watershed is smaller than 3 km²: small watersheds are usually planned at 3–50 km². Move the outlet downstream or check the snap distance.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The watershed is larger than 50 km²: a small watershed is at most 50 km² (水保〔2023〕35号). Split it into several plans or move the outlet upstream.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
