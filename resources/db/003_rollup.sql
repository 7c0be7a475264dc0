-- SWC Planner provincial database, migration 003: the roll-up views (county, city, province by year).
--
-- Only current (valid_to IS NULL) published rows count.  The views belong to the migration's
-- owner, so they aggregate every county whatever the reader's row-level security: a county role
-- reads the province's roll-up here without reading other counties' rows.
--
-- Per county and year:
--   area_km2, eroded_km2  水土保持率 inputs: the sum over the units of the swc_rate table
--                         (swcrate), or of soil_loss (soilloss) when the county published no
--                         swc_rate that year; rate = 100 (area - eroded) / area, computed by the reader
--                         against its targets (79.96 % 2025, 84.07 % 2035 by default).
--   ban_ha                banned steep slopes: ban_counties.ban_ha, or the patches' area_ha
--   treated_ha            by measure in rollup_measures: plan_measure_areas.area_ha (measureplan's
--                         TABLE), else the plan_measures polygons, else slope_works_summary.treated_ha
--                         (measure 'none' left out)
--   patches, suspect, closed  supervision: all patches, those needing a field check (every category
--                         except 合规) and those closed (销号): closepatches' CLOSED where published,
--                         else a 结论 of 不属实, 已整改 or 非生产建设项目 (its default closing verdicts)
-- City and province rows sum their counties (city = the county unit's parent, else the adcode's
-- first four digits; province = the first two); counties and counties_rate say how many counties
-- hold any data and a rate.

CREATE VIEW swc.rollup_measures_county WITH (security_barrier) AS
WITH pa AS (
    SELECT adcode, year, measure, sum(area_ha) AS area_ha
    FROM swc.plan_measure_areas
    WHERE valid_to IS NULL AND pub_status = 'published' AND coalesce(measure, 'none') NOT IN ('none', '')
    GROUP BY adcode, year, measure
), pm AS (
    SELECT s.adcode, s.year, s.measure, sum(s.area_ha) AS area_ha
    FROM swc.plan_measures s
    WHERE s.valid_to IS NULL AND s.pub_status = 'published' AND coalesce(s.measure, 'none') NOT IN ('none', '')
      AND NOT EXISTS (SELECT 1 FROM pa WHERE pa.adcode = s.adcode AND pa.year = s.year)
    GROUP BY s.adcode, s.year, s.measure
), sw AS (
    SELECT s.adcode, s.year, s.measure, sum(s.treated_ha) AS area_ha
    FROM swc.slope_works_summary s
    WHERE s.valid_to IS NULL AND s.pub_status = 'published'
      AND NOT EXISTS (SELECT 1 FROM pa WHERE pa.adcode = s.adcode AND pa.year = s.year)
      AND NOT EXISTS (SELECT 1 FROM pm WHERE pm.adcode = s.adcode AND pm.year = s.year)
    GROUP BY s.adcode, s.year, s.measure
)
SELECT adcode, year, measure, area_ha, 'plan_measure_areas'::text AS source FROM pa
UNION ALL
SELECT adcode, year, measure, area_ha, 'plan_measures' FROM pm
UNION ALL
SELECT adcode, year, coalesce(measure, ''), area_ha, 'slope_works_summary' FROM sw;

CREATE VIEW swc.rollup_county WITH (security_barrier) AS
WITH rate AS (
    SELECT DISTINCT ON (adcode, year) adcode, year, area_km2, eroded_km2, source
    FROM (
        SELECT adcode, year, sum(area_km2) AS area_km2, sum(eroded_km2) AS eroded_km2,
               'swc_rate'::text AS source, 1 AS pri
        FROM swc.swc_rate WHERE valid_to IS NULL AND pub_status = 'published' GROUP BY adcode, year
        UNION ALL
        SELECT adcode, year, sum(area_km2), sum(eroded_km2), 'soil_loss', 2
        FROM swc.soil_loss WHERE valid_to IS NULL AND pub_status = 'published' GROUP BY adcode, year
    ) s
    ORDER BY adcode, year, pri
), ban AS (
    SELECT DISTINCT ON (adcode, year) adcode, year, ban_ha
    FROM (
        SELECT adcode, year, sum(ban_ha) AS ban_ha, 1 AS pri
        FROM swc.ban_counties WHERE valid_to IS NULL AND pub_status = 'published' GROUP BY adcode, year
        UNION ALL
        SELECT adcode, year, sum(area_ha), 2
        FROM swc.ban_patches WHERE valid_to IS NULL AND pub_status = 'published' GROUP BY adcode, year
    ) b
    ORDER BY adcode, year, pri
), treated AS (
    SELECT adcode, year, sum(area_ha) AS treated_ha FROM swc.rollup_measures_county GROUP BY adcode, year
), sup AS (
    SELECT adcode, year, count(*) AS patches,
           count(*) FILTER (WHERE suspect) AS suspect,
           count(*) FILTER (WHERE suspect AND closed) AS closed
    FROM (
        SELECT adcode, year,
               coalesce(category, '') <> '合规' AS suspect,
               coalesce(closed = 1, coalesce("结论", '') IN ('不属实', '已整改', '非生产建设项目')) AS closed
        FROM swc.supervision_patches WHERE valid_to IS NULL AND pub_status = 'published'
    ) p
    GROUP BY adcode, year
), keys AS (
    SELECT adcode, year FROM rate
    UNION SELECT adcode, year FROM ban
    UNION SELECT adcode, year FROM treated
    UNION SELECT adcode, year FROM sup
)
SELECT k.adcode::text AS adcode, k.year::integer AS year,
       rate.area_km2, rate.eroded_km2, rate.source AS rate_source,
       ban.ban_ha, treated.treated_ha,
       sup.patches, sup.suspect, sup.closed
FROM keys k
LEFT JOIN rate USING (adcode, year)
LEFT JOIN ban USING (adcode, year)
LEFT JOIN treated USING (adcode, year)
LEFT JOIN sup USING (adcode, year);

-- the county's city and province (units first, adcode prefixes otherwise)
CREATE VIEW swc.county_parents WITH (security_barrier) AS
SELECT c.adcode,
       coalesce(u.parent_adcode::text, left(c.adcode, 4) || '00') AS city_adcode,
       coalesce(p.parent_adcode::text, left(c.adcode, 2) || '0000') AS province_adcode
FROM (SELECT DISTINCT adcode FROM swc.rollup_county) c
LEFT JOIN swc.units u ON u.adcode = c.adcode
LEFT JOIN swc.units p ON p.adcode = u.parent_adcode;

CREATE VIEW swc.rollup WITH (security_barrier) AS
WITH c AS (
    SELECT r.*, p.city_adcode, p.province_adcode
    FROM swc.rollup_county r JOIN swc.county_parents p USING (adcode)
), levels AS (
    SELECT 'county'::text AS level, adcode, year, 1::bigint AS counties,
           (area_km2 IS NOT NULL)::int::bigint AS counties_rate,
           area_km2, eroded_km2, ban_ha, treated_ha, patches, suspect, closed
    FROM c
    UNION ALL
    SELECT 'city', city_adcode, year, count(*), count(area_km2),
           sum(area_km2), sum(eroded_km2), sum(ban_ha), sum(treated_ha), sum(patches), sum(suspect), sum(closed)
    FROM c GROUP BY city_adcode, year
    UNION ALL
    SELECT 'province', province_adcode, year, count(*), count(area_km2),
           sum(area_km2), sum(eroded_km2), sum(ban_ha), sum(treated_ha), sum(patches), sum(suspect), sum(closed)
    FROM c GROUP BY province_adcode, year
)
SELECT l.level, l.adcode, u.name, l.year, l.counties, l.counties_rate,
       l.area_km2, l.eroded_km2,
       CASE WHEN l.area_km2 > 0 THEN 100.0 * (l.area_km2 - l.eroded_km2) / l.area_km2 END AS swc_rate,
       l.ban_ha, l.treated_ha, l.patches, l.suspect, l.closed,
       CASE WHEN l.suspect > 0 THEN 100.0 * l.closed / l.suspect END AS closure_pct
FROM levels l LEFT JOIN swc.units u ON u.adcode = l.adcode;

CREATE VIEW swc.rollup_measures WITH (security_barrier) AS
WITH c AS (
    SELECT m.*, p.city_adcode, p.province_adcode
    FROM swc.rollup_measures_county m JOIN swc.county_parents p USING (adcode)
)
SELECT 'county'::text AS level, adcode::text AS adcode, year::integer AS year, measure, sum(area_ha) AS area_ha
FROM c GROUP BY adcode, year, measure
UNION ALL
SELECT 'city', city_adcode, year, measure, sum(area_ha) FROM c GROUP BY city_adcode, year, measure
UNION ALL
SELECT 'province', province_adcode, year, measure, sum(area_ha) FROM c GROUP BY province_adcode, year, measure;

GRANT SELECT ON swc.rollup, swc.rollup_measures, swc.rollup_county, swc.rollup_measures_county, swc.county_parents
    TO swc_province, swc_county;
