-- SWC Planner provincial database, migration 001: units, publications and one table per result kind.
--
-- Applied in order by swc_planner.algorithms.core.database.migrate (or by hand with psql, one file
-- after the other, then INSERT INTO swc.schema_version); the runner records each file's version and
-- SHA-256 in swc.schema_version and refuses to run when an applied file was changed.
-- Every result row carries the county adcode, the year, the publication status (pub_status: draft/published), the algorithm
-- id and its parameters (JSON), the plugin version, who published it and when, and its validity
-- (valid_from, valid_to: NULL = the current version).  Geometries are stored in CGCS2000 (EPSG:4490).
-- Columns after the metadata are the algorithm's output field names in lower case
-- (algorithms/core/database/schema.py is the registry; a test compares it with this file).

CREATE EXTENSION IF NOT EXISTS postgis;

-- Administrative units: province / city / county / township with their adcodes (GB/T 2260; townships
-- 9 digits).  Loaded by the province (python3 -m swc_planner.algorithms.core.database load-units).
CREATE TABLE swc.units (
    adcode varchar(12) PRIMARY KEY,
    name text NOT NULL,
    level text NOT NULL CHECK (level IN ('province', 'city', 'county', 'township')),
    parent_adcode varchar(12),
    geom geometry(MultiPolygon, 4490),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL DEFAULT session_user
);
CREATE INDEX ON swc.units (parent_adcode);
CREATE INDEX ON swc.units USING gist (geom);
COMMENT ON TABLE swc.units IS 'Administrative units (province, city, county, township) by adcode';

-- The result kinds (one table each), for clients that list them.
CREATE TABLE swc.kinds (
    kind text PRIMARY KEY,
    label text NOT NULL,
    algorithms text[] NOT NULL,
    output text NOT NULL,
    geometry text
);

-- One row per publish: what, for which county and year, by whom, valid when.
CREATE TABLE swc.publications (
    pub_id uuid PRIMARY KEY,
    kind text NOT NULL REFERENCES swc.kinds (kind),
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    pub_status text NOT NULL CHECK (pub_status IN ('draft', 'published')),
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    n_rows integer NOT NULL CHECK (n_rows >= 0),
    source text NOT NULL DEFAULT 'connection' CHECK (source IN ('connection', 'package')),
    imported_by text,
    imported_at timestamptz,
    UNIQUE (pub_id, adcode, year, pub_status),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- at most one current version per kind, county, year and status
CREATE UNIQUE INDEX publications_current ON swc.publications (kind, adcode, year, pub_status) WHERE valid_to IS NULL;
CREATE INDEX ON swc.publications (adcode, year);

INSERT INTO swc.kinds (kind, label, algorithms, output, geometry) VALUES
    ('ban_patches', 'Steep-slope ban: patches', '{steepslopeban}', 'OUTPUT', 'MultiPolygon'),
    ('ban_counties', 'Steep-slope ban: county summary', '{steepslopeban}', 'SUMMARY', NULL),
    ('ban_townships', 'Steep-slope ban: township table', '{steepslopeban}', 'TOWNSHIP_TABLE', NULL),
    ('slope_classes', 'Slope class areas', '{slopeclasses}', 'TABLE', NULL),
    ('soil_loss', 'Soil loss per unit', '{soilloss}', 'TABLE', NULL),
    ('swc_rate', 'Soil-and-water-conservation rate per unit', '{swcrate}', 'OUTPUT', NULL),
    ('erosion_change', 'Erosion change between two years', '{erosionchange}', 'OUTPUT', NULL),
    ('erosion_transitions', 'Erosion class transitions', '{erosionchange}', 'MATRIX', NULL),
    ('eroded_forest', 'Eroded forest land patches', '{erodedforest}', 'OUTPUT', 'MultiPolygon'),
    ('farmland_parcels', 'Farmland screening: parcels', '{farmlandscreening}', 'OUTPUT', 'MultiPolygon'),
    ('farmland_summary', 'Farmland screening: summary', '{farmlandscreening}', 'SUMMARY', NULL),
    ('check_dams', 'Check dams', '{checkdams}', 'DAMS', 'Point'),
    ('check_dam_gullies', 'Check dams: gully summary', '{checkdams}', 'SUMMARY', NULL),
    ('slope_works', 'Slope works (pits, benches, trenches)', '{slopeworks}', 'WORKS', 'Geometry'),
    ('slope_works_summary', 'Slope works: summary per area', '{slopeworks}', 'SUMMARY', NULL),
    ('supervision_patches', 'Supervision: disturbance patches (checked, verified, closed)', '{rssupervision,closepatches}', 'OUTPUT', 'MultiPolygon'),
    ('supervision_projects', 'Supervision: projects', '{rssupervision}', 'PROJECTS', NULL),
    ('closure_projects', 'Supervision: closed and open patches per project (销号)', '{closepatches}', 'PROJECTS', NULL),
    ('risk_levels', 'Supervision: risk levels', '{riskgrading}', 'OUTPUT', 'MultiPolygon'),
    ('credit_lists', 'Credit lists (重点关注名单, 黑名单)', '{creditlists}', 'OUTPUT', NULL),
    ('credit_findings', 'Credit lists: findings checked', '{creditlists}', 'CHECKED', NULL),
    ('plan_sampling', 'Supervision: sampled SWC plans', '{plansampling}', 'OUTPUT', NULL),
    ('landuse_slope', 'Plan: land use by slope class', '{landuseslope}', 'TABLE', NULL),
    ('plan_measures', 'Plan: measure polygons', '{measureplan}', 'POLYGONS', 'MultiPolygon'),
    ('plan_measure_areas', 'Plan: measure areas', '{measureplan}', 'TABLE', NULL),
    ('plan_quantities', 'Plan: quantities', '{planquantities}', 'QUANTITIES', NULL),
    ('plan_investment', 'Plan: investment', '{planquantities}', 'INVESTMENT', NULL),
    ('plan_benefits', 'Plan: benefits', '{planbenefits}', 'OUTPUT', NULL),
    ('key_zones', 'Key prevention and treatment zones', '{keyzones}', 'OUTPUT', 'MultiPolygon'),
    ('silt_dams', 'Silt dams (淤地坝) sited', '{siltdams}', 'DAMS', 'Point');

-- result tables (generated once from schema.py's registry; keep both in step)
CREATE TABLE swc.ban_patches (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "county" text,
    "patch_id" integer,
    "patch_no" integer,
    "area_m2" double precision,
    "area_ha" double precision,
    "area_mu" double precision,
    "slope_mean" double precision,
    "slope_max" double precision,
    "threshold" double precision,
    "rule" text,
    "rule_label" text,
    "res_ha" double precision,
    "township" text,
    "whole_id" integer,
    "whole_no" integer,
    "whole_ha" double precision,
    "red_ha" double precision,
    "prelim" integer,
    "note" text,
    geom geometry(MultiPolygon, 4490),
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.ban_patches (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.ban_patches (pub_id);
CREATE INDEX ON swc.ban_patches USING gist (geom);
COMMENT ON TABLE swc.ban_patches IS 'Steep-slope ban: patches';

CREATE TABLE swc.ban_counties (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "county" text,
    "threshold" double precision,
    "area_km2" double precision,
    "patches" integer,
    "ban_ha" double precision,
    "ban_km2" double precision,
    "ban_mu" double precision,
    "share_pct" double precision,
    "whole_patches" integer,
    "steep_km2" double precision,
    "land_km2" double precision,
    "land_pct" double precision,
    "red_km2" double precision,
    "red_pct" double precision,
    "out_town_km2" double precision,
    "prelim" integer,
    "note" text,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.ban_counties (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.ban_counties (pub_id);
COMMENT ON TABLE swc.ban_counties IS 'Steep-slope ban: county summary';

CREATE TABLE swc.ban_townships (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "township" text,
    "county" text,
    "area_km2" double precision,
    "patches" integer,
    "ban_km2" double precision,
    "ban_ha" double precision,
    "ban_mu" double precision,
    "share_pct" double precision,
    "red_km2" double precision,
    "prelim" integer,
    "note" text,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.ban_townships (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.ban_townships (pub_id);
COMMENT ON TABLE swc.ban_townships IS 'Steep-slope ban: township table';

CREATE TABLE swc.slope_classes (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "zone" text,
    "class" integer,
    "range" text,
    "area_m2" double precision,
    "area_ha" double precision,
    "area_mu" double precision,
    "pct" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.slope_classes (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.slope_classes (pub_id);
COMMENT ON TABLE swc.slope_classes IS 'Slope class areas';

CREATE TABLE swc.soil_loss (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "zone" text,
    "area_km2" double precision,
    "slight_km2" double precision,
    "light_km2" double precision,
    "moderate_km2" double precision,
    "intense_km2" double precision,
    "vintense_km2" double precision,
    "severe_km2" double precision,
    "eroded_km2" double precision,
    "eroded_pct" double precision,
    "mean_modulus" double precision,
    "soil_loss_t" double precision,
    "swc_rate" double precision,
    "tolerance" double precision,
    "base_loss_t" double precision,
    "base_modulus" double precision,
    "base_eroded_km2" double precision,
    "base_swc_rate" double precision,
    "reduction_t" double precision,
    "reduction_pct" double precision,
    "rate_gain" double precision,
    "base_source" text,
    "water_km2" double precision,
    "wind_km2" double precision,
    "nodata_km2" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.soil_loss (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.soil_loss (pub_id);
COMMENT ON TABLE swc.soil_loss IS 'Soil loss per unit';

CREATE TABLE swc.swc_rate (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "zone" text,
    "area_km2" double precision,
    "slight_km2" double precision,
    "light_km2" double precision,
    "moderate_km2" double precision,
    "intense_km2" double precision,
    "vintense_km2" double precision,
    "severe_km2" double precision,
    "eroded_km2" double precision,
    "swc_rate" double precision,
    "target_1" double precision,
    "gap_1" double precision,
    "treat_1_km2" double precision,
    "target_2" double precision,
    "gap_2" double precision,
    "treat_2_km2" double precision,
    "poly_km2" double precision,
    "cover_pct" double precision,
    "tolerance" double precision,
    "input_kind" text,
    "water_km2" double precision,
    "wind_km2" double precision,
    "nodata_km2" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.swc_rate (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.swc_rate (pub_id);
COMMENT ON TABLE swc.swc_rate IS 'Soil-and-water-conservation rate per unit';

CREATE TABLE swc.erosion_change (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "zone" text,
    "area_km2" double precision,
    "nodata_km2" double precision,
    "poly_km2" double precision,
    "cover_pct" double precision,
    "before_eroded_km2" double precision,
    "after_eroded_km2" double precision,
    "eroded_change_km2" double precision,
    "before_rate" double precision,
    "after_rate" double precision,
    "rate_change" double precision,
    "improved_km2" double precision,
    "unchanged_km2" double precision,
    "worsened_km2" double precision,
    "b_slight_km2" double precision,
    "b_light_km2" double precision,
    "b_moderate_km2" double precision,
    "b_intense_km2" double precision,
    "b_vintense_km2" double precision,
    "b_severe_km2" double precision,
    "a_slight_km2" double precision,
    "a_light_km2" double precision,
    "a_moderate_km2" double precision,
    "a_intense_km2" double precision,
    "a_vintense_km2" double precision,
    "a_severe_km2" double precision,
    "before_loss_t" double precision,
    "after_loss_t" double precision,
    "loss_change_pct" double precision,
    "tolerance" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.erosion_change (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.erosion_change (pub_id);
COMMENT ON TABLE swc.erosion_change IS 'Erosion change between two years';

CREATE TABLE swc.erosion_transitions (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "zone" text,
    "from_class" integer,
    "from_name" text,
    "to_class" integer,
    "to_name" text,
    "change" integer,
    "area_km2" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.erosion_transitions (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.erosion_transitions (pub_id);
COMMENT ON TABLE swc.erosion_transitions IS 'Erosion class transitions';

CREATE TABLE swc.eroded_forest (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "patch" integer,
    "area_ha" double precision,
    "area_mu" double precision,
    "mean_slope" double precision,
    "max_slope" double precision,
    "mean_loss" double precision,
    "mean_fvc" double precision,
    "measure" text,
    "measure_en" text,
    "measure_code" text,
    "source" text,
    geom geometry(MultiPolygon, 4490),
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.eroded_forest (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.eroded_forest (pub_id);
CREATE INDEX ON swc.eroded_forest USING gist (geom);
COMMENT ON TABLE swc.eroded_forest IS 'Eroded forest land patches';

CREATE TABLE swc.farmland_parcels (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "parcel_fid" bigint,
    "cropland" integer,
    "area_m2" double precision,
    "area_ha" double precision,
    "area_mu" double precision,
    "cells" integer,
    "slope_mean" double precision,
    "slope_p90" double precision,
    "plane_slope" double precision,
    "slope_class" integer,
    "class_range" text,
    "terr_index" double precision,
    "bench_slope" double precision,
    "planar_share" double precision,
    "detected" text,
    "det_label" text,
    "det_source" text,
    "survey_type" text,
    "survey_grade" integer,
    "type_flag" integer,
    "grade_flag" integer,
    "mismatch" integer,
    "category" text,
    "cat_label" text,
    "rule" text,
    "region" text,
    "measure" text,
    "measure_label" text,
    "dist_road" double precision,
    "dist_settle" double precision,
    "priority" double precision,
    "bench_w" double precision,
    "riser_h" double precision,
    "riser_ang" double precision,
    "risers" integer,
    "earth_m3" double precision,
    geom geometry(MultiPolygon, 4490),
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.farmland_parcels (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.farmland_parcels (pub_id);
CREATE INDEX ON swc.farmland_parcels USING gist (geom);
COMMENT ON TABLE swc.farmland_parcels IS 'Farmland screening: parcels';

CREATE TABLE swc.farmland_summary (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "zone" text,
    "category" text,
    "cat_label" text,
    "slope_class" integer,
    "class_range" text,
    "parcels" integer,
    "area_m2" double precision,
    "area_ha" double precision,
    "area_mu" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.farmland_summary (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.farmland_summary (pub_id);
COMMENT ON TABLE swc.farmland_summary IS 'Farmland screening: summary';

CREATE TABLE swc.check_dams (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "dam_id" integer,
    "gully" integer,
    "reach" integer,
    "order" integer,
    "bed_z" double precision,
    "h_m" double precision,
    "crest_z" double precision,
    "gradient" double precision,
    "local_i" double precision,
    "next_id" integer,
    "spacing_m" double precision,
    "rule_l_m" double precision,
    "dist_m" double precision,
    "control_km2" double precision,
    "storage_m3" double precision,
    "pool_m2" double precision,
    "silt_m3" double precision,
    "silt_m2" double precision,
    "crest_m" double precision,
    "body_m3" double precision,
    "dam_type" text,
    "type_name" text,
    geom geometry(Point, 4490),
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.check_dams (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.check_dams (pub_id);
CREATE INDEX ON swc.check_dams USING gist (geom);
COMMENT ON TABLE swc.check_dams IS 'Check dams';

CREATE TABLE swc.check_dam_gullies (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "gully" text,
    "dams" integer,
    "body_m3" double precision,
    "storage_m3" double precision,
    "silt_m3" double precision,
    "silt_m2" double precision,
    "channel_m" double precision,
    "area_km2" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.check_dam_gullies (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.check_dam_gullies (pub_id);
COMMENT ON TABLE swc.check_dam_gullies IS 'Check dams: gully summary';

CREATE TABLE swc.slope_works (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "area_id" integer,
    "measure" text,
    "row" integer,
    "elev" double precision,
    "slope" double precision,
    "length_m" double precision,
    "earth_m3" double precision,
    "seedlings" double precision,
    geom geometry(Geometry, 4490),
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.slope_works (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.slope_works (pub_id);
CREATE INDEX ON swc.slope_works USING gist (geom);
COMMENT ON TABLE swc.slope_works IS 'Slope works (pits, benches, trenches)';

CREATE TABLE swc.slope_works_summary (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "area_id" integer,
    "name" text,
    "measure" text,
    "area_ha" double precision,
    "treated_ha" double precision,
    "treated_mu" double precision,
    "excl_ha" double precision,
    "excl_low_ha" double precision,
    "excl_high_ha" double precision,
    "excl_nodata_ha" double precision,
    "excl_reason" text,
    "slope_mean" double precision,
    "rows" integer,
    "count" integer,
    "length_m" double precision,
    "dens_ha" double precision,
    "dens_mu" double precision,
    "earth_m3" double precision,
    "seedlings" double precision,
    "cost" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.slope_works_summary (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.slope_works_summary (pub_id);
COMMENT ON TABLE swc.slope_works_summary IS 'Slope works: summary per area';

CREATE TABLE swc.supervision_patches (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "patch_id" text,
    "category" text,
    "project_id" text,
    "projects" text,
    "area_m2" double precision,
    "inside_m2" double precision,
    "outside_m2" double precision,
    "outside_pct" double precision,
    "flags" text,
    "repaired" integer,
    "patch_type" text,
    "patch_date" text,
    "priority" integer,
    "结论" text,
    "核查人" text,
    "日期" text,
    "照片" text,
    "备注" text,
    "status" text,
    "closed" integer,
    "reason" text,
    "reason_en" text,
    geom geometry(MultiPolygon, 4490),
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.supervision_patches (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.supervision_patches (pub_id);
CREATE INDEX ON swc.supervision_patches USING gist (geom);
COMMENT ON TABLE swc.supervision_patches IS 'Supervision: disturbance patches (checked, verified, closed)';

CREATE TABLE swc.supervision_projects (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "project_id" text,
    "name" text,
    "approval_no" text,
    "approval_date" text,
    "range_m2" double precision,
    "patches" integer,
    "inside_m2" double precision,
    "outside_m2" double precision,
    "n_compliant" integer,
    "n_exceeds" integer,
    "n_unapproved" integer,
    "n_relocated" integer,
    "n_unaccepted" integer,
    "reg_status" text,
    "accept_date" text,
    "findings" text,
    "compliance" text,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.supervision_projects (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.supervision_projects (pub_id);
COMMENT ON TABLE swc.supervision_projects IS 'Supervision: projects';

CREATE TABLE swc.closure_projects (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "project_id" text,
    "patches" integer,
    "closed" integer,
    "open" integer,
    "open_ids" text,
    "status" text,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.closure_projects (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.closure_projects (pub_id);
COMMENT ON TABLE swc.closure_projects IS 'Supervision: closed and open patches per project (销号)';

CREATE TABLE swc.risk_levels (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "project_id" text,
    "unit" text,
    "findings" text,
    "key_zone" text,
    "slope_deg" double precision,
    "water_m" double precision,
    "credit" text,
    "risk_level" text,
    "rule_id" text,
    "reason" text,
    "reason_en" text,
    geom geometry(MultiPolygon, 4490),
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.risk_levels (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.risk_levels (pub_id);
CREATE INDEX ON swc.risk_levels USING gist (geom);
COMMENT ON TABLE swc.risk_levels IS 'Supervision: risk levels';

CREATE TABLE swc.credit_lists (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "entity" text,
    "name" text,
    "roles" text,
    "list" text,
    "entry_date" text,
    "exit_date" text,
    "active" text,
    "moved_to_black" text,
    "n_grounds" integer,
    "grounds" text,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.credit_lists (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.credit_lists (pub_id);
COMMENT ON TABLE swc.credit_lists IS 'Credit lists (重点关注名单, 黑名单)';

CREATE TABLE swc.credit_findings (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "row" integer,
    "entity" text,
    "role" text,
    "date" text,
    "finding" text,
    "project_id" text,
    "clause" text,
    "triggers" integer,
    "note" text,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.credit_findings (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.credit_findings (pub_id);
COMMENT ON TABLE swc.credit_findings IS 'Credit lists: findings checked';

CREATE TABLE swc.plan_sampling (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "sample_no" integer,
    "stratum" text,
    "n_stratum" integer,
    "draw_key" text,
    "seed" bigint,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.plan_sampling (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.plan_sampling (pub_id);
COMMENT ON TABLE swc.plan_sampling IS 'Supervision: sampled SWC plans';

CREATE TABLE swc.landuse_slope (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "landuse" text,
    "class" integer,
    "area_m2" double precision,
    "area_ha" double precision,
    "area_mu" double precision,
    "pct" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.landuse_slope (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.landuse_slope (pub_id);
COMMENT ON TABLE swc.landuse_slope IS 'Plan: land use by slope class';

CREATE TABLE swc.plan_measures (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "measure" text,
    "value" integer,
    "etype" text,
    "area_m2" double precision,
    "area_ha" double precision,
    geom geometry(MultiPolygon, 4490),
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.plan_measures (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.plan_measures (pub_id);
CREATE INDEX ON swc.plan_measures USING gist (geom);
COMMENT ON TABLE swc.plan_measures IS 'Plan: measure polygons';

CREATE TABLE swc.plan_measure_areas (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "measure" text,
    "value" integer,
    "etype" text,
    "area_m2" double precision,
    "area_ha" double precision,
    "area_mu" double precision,
    "pct" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.plan_measure_areas (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.plan_measure_areas (pub_id);
COMMENT ON TABLE swc.plan_measure_areas IS 'Plan: measure areas';

CREATE TABLE swc.plan_quantities (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "item" text,
    "measure" text,
    "part" text,
    "unit" text,
    "quantity" double precision,
    "computed" integer,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.plan_quantities (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.plan_quantities (pub_id);
COMMENT ON TABLE swc.plan_quantities IS 'Plan: quantities';

CREATE TABLE swc.plan_investment (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "level" text,
    "part" text,
    "item" text,
    "unit" text,
    "quantity" double precision,
    "price" double precision,
    "amount" double precision,
    "amount_10k" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.plan_investment (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.plan_investment (pub_id);
COMMENT ON TABLE swc.plan_investment IS 'Plan: investment';

CREATE TABLE swc.plan_benefits (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "indicator" text,
    "unit" text,
    "before" double precision,
    "after" double precision,
    "change" double precision,
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.plan_benefits (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.plan_benefits (pub_id);
COMMENT ON TABLE swc.plan_benefits IS 'Plan: benefits';

CREATE TABLE swc.key_zones (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "unit" text,
    "area_km2" double precision,
    "cover_pct" double precision,
    "eroded_km2" double precision,
    "eroded_pct" double precision,
    "moderate_pct" double precision,
    "slight_pct" double precision,
    "fvc_mean" double precision,
    "water_pct" double precision,
    "ban_pct" double precision,
    "treat_met" integer,
    "prev_met" integer,
    "zone_class" text,
    "zone_name" text,
    "zone_label" text,
    "reasons" text,
    geom geometry(MultiPolygon, 4490),
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.key_zones (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.key_zones (pub_id);
CREATE INDEX ON swc.key_zones USING gist (geom);
COMMENT ON TABLE swc.key_zones IS 'Key prevention and treatment zones';

CREATE TABLE swc.silt_dams (
    row_id bigserial PRIMARY KEY,
    pub_id uuid NOT NULL,
    adcode varchar(12) NOT NULL,
    year smallint NOT NULL,
    pub_status text NOT NULL,
    algorithm text NOT NULL,
    parameters jsonb NOT NULL DEFAULT '{}',
    plugin_version text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to timestamptz,
    unit_adcode varchar(12),
    extra jsonb,
    "dam_id" integer,
    "gully" integer,
    "bed_z" double precision,
    "control_km2" double precision,
    "sediment_t_a" double precision,
    "modulus" double precision,
    "life_yr" double precision,
    "silt_need_m3" double precision,
    "flood_m3" double precision,
    "need_m3" double precision,
    "class" text,
    "class_zh" text,
    "class_life" text,
    "silt_h_m" double precision,
    "water_h_m" double precision,
    "h_m" double precision,
    "storage_m3" double precision,
    "silt_m2" double precision,
    "pool_m2" double precision,
    "crest_m" double precision,
    "body_m3" double precision,
    "closed_h_m" double precision,
    "dist_m" double precision,
    "outlet" text,
    geom geometry(Point, 4490),
    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ON swc.silt_dams (adcode, year) WHERE valid_to IS NULL;
CREATE INDEX ON swc.silt_dams (pub_id);
CREATE INDEX ON swc.silt_dams USING gist (geom);
COMMENT ON TABLE swc.silt_dams IS 'Silt dams (淤地坝) sited';
