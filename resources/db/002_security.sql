-- SWC Planner provincial database, migration 002: roles and row-level security.
--
-- Group roles (NOLOGIN; created once per cluster, they outlive a database):
--   swc_province  reads everything, writes every county's rows (imports county packages, loads units)
--   swc_county    the privileges every county shares; one NOLOGIN role per county
--                 (swc.add_county_role('130731') -> swc_county_130731, member of swc_county) carries the
--                 county's adcode in swc.role_units.  Login users are members of a county role:
--                 CREATE ROLE zhang LOGIN PASSWORD '...' IN ROLE swc_county_130731;
-- A county role inserts rows of its own adcode only, changes only their valid_to (a republish
-- closes the previous version, nothing else can be edited), deletes only its own drafts, reads
-- its own rows (drafts and published), the units and the roll-up views (migration 003); it reads
-- other counties' published rows only when the province turns on the setting
-- 'county_reads_published' (off by default), and never their drafts.
-- Who published a row and when is stamped by the server for county roles (session_user, now()),
-- so a county cannot sign a row with another name.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'swc_province') THEN
        CREATE ROLE swc_province NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'swc_county') THEN
        CREATE ROLE swc_county NOLOGIN;
    END IF;
END
$$;

-- which role stands for which county (a role may hold several adcodes, e.g. a merged county)
CREATE TABLE swc.role_units (
    role_name name NOT NULL,
    adcode varchar(12) NOT NULL,
    PRIMARY KEY (role_name, adcode)
);
COMMENT ON TABLE swc.role_units IS 'County roles and the adcodes whose rows they may write';

CREATE TABLE swc.settings (
    key text PRIMARY KEY,
    value text NOT NULL,
    note text
);
INSERT INTO swc.settings (key, value, note) VALUES
    ('county_reads_published', 'false',
     'true: county roles also read other counties'' published rows (never their drafts)');

-- the adcodes of the current user's county roles
CREATE FUNCTION swc.my_adcodes() RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
AS $$
    SELECT coalesce(array_agg(u.adcode::text), '{}')
    FROM swc.role_units u JOIN pg_roles r ON r.rolname = u.role_name
    WHERE pg_has_role(current_user, r.oid, 'MEMBER')
$$;

CREATE FUNCTION swc.is_province() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
AS $$
    SELECT pg_has_role(current_user, 'swc_province', 'MEMBER')
$$;

CREATE FUNCTION swc.setting_on(setting text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
AS $$
    SELECT coalesce((SELECT lower(value) IN ('true', 'on', 'yes', '1') FROM swc.settings WHERE key = setting), false)
$$;

-- county rows are signed by the server: who (the login) and when (this transaction)
CREATE FUNCTION swc.stamp_row() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $$
BEGIN
    IF NOT swc.is_province() THEN
        NEW.published_by := session_user;
        NEW.published_at := now();
        NEW.valid_from := now();
    END IF;
    RETURN NEW;
END
$$;

-- a county role (NOLOGIN) for an adcode; run by the province's DBA (needs CREATEROLE)
CREATE FUNCTION swc.add_county_role(county_adcode text, role_name text DEFAULT NULL) RETURNS text
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $$
DECLARE
    rname text := coalesce(role_name, 'swc_county_' || county_adcode);
BEGIN
    IF county_adcode !~ '^[0-9]{6}$' THEN
        RAISE EXCEPTION 'a county adcode has 6 digits, not %', county_adcode;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = rname) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', rname);
    END IF;
    EXECUTE format('GRANT swc_county TO %I', rname);
    INSERT INTO swc.role_units (role_name, adcode) VALUES (rname, county_adcode) ON CONFLICT DO NOTHING;
    RETURN rname;
END
$$;

-- row-level security, grants and the stamping trigger of one result table (or swc.publications)
CREATE FUNCTION swc.secure_table(tbl regclass) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $$
DECLARE
    mine text := 'adcode::text IN (SELECT unnest(swc.my_adcodes()))';
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY province_all ON %s TO swc_province USING (true) WITH CHECK (true)', tbl);
    EXECUTE format(
        'CREATE POLICY county_select ON %s FOR SELECT TO swc_county USING (%s OR (pub_status = ''published'' '
        'AND (SELECT swc.setting_on(''county_reads_published''))))', tbl, mine);
    EXECUTE format('CREATE POLICY county_insert ON %s FOR INSERT TO swc_county WITH CHECK (%s)', tbl, mine);
    EXECUTE format('CREATE POLICY county_update ON %s FOR UPDATE TO swc_county USING (%s) WITH CHECK (%s)',
                   tbl, mine, mine);
    EXECUTE format('CREATE POLICY county_delete ON %s FOR DELETE TO swc_county USING (%s AND pub_status = ''draft'')',
                   tbl, mine);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO swc_province', tbl);
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON %s TO swc_county', tbl);
    EXECUTE format('GRANT UPDATE (valid_to) ON %s TO swc_county', tbl);
    EXECUTE format('CREATE TRIGGER stamp_row BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION swc.stamp_row()',
                   tbl);
END
$$;

SELECT swc.secure_table('swc.publications');
SELECT swc.secure_table(('swc.' || quote_ident(kind))::regclass) FROM swc.kinds ORDER BY kind;

GRANT USAGE ON SCHEMA swc TO swc_province, swc_county;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA swc TO swc_province, swc_county;
GRANT SELECT ON swc.units, swc.kinds, swc.role_units, swc.settings, swc.schema_version
    TO swc_province, swc_county;
GRANT INSERT, UPDATE, DELETE ON swc.units, swc.settings TO swc_province;
REVOKE ALL ON FUNCTION swc.add_county_role(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION swc.my_adcodes(), swc.is_province(), swc.setting_on(text) TO swc_province, swc_county;
