"""The result kinds of the provincial database: one table each, its columns and where its rows come from.

This registry is the Python side of ``resources/db/*.sql``: every kind has a table ``swc.<key>``
whose columns are the algorithm's output fields in lower case (PostgreSQL folds unquoted names to
lower case, and QGIS reads them as they are), after the metadata columns every row carries.  The
GeoPackage exchange package (``package.py``) uses the same tables and columns.  A test migrates an
empty database and checks that the tables match this registry column by column.

Fields of a published layer that have no column (e.g. a parcel layer's own 三调 fields copied by
``farmlandscreening``) are kept, by their original names, in the row's ``extra`` (JSON).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

from ..errors import QT_TRANSLATE_NOOP

#: The schema that holds everything.
SCHEMA = "swc"
#: Storage CRS of every geometry: CGCS2000 geographic (the national datum; counties in different
#: Gauss–Krüger zones publish into one table).  Areas are attributes computed by the algorithms
#: in their projected CRS.
SRID = 4490
#: Schema version this code needs (the highest migration it knows).
SCHEMA_VERSION = 3

#: SQL types the registry uses (name -> SQL).
TEXT = "text"
REAL = "double precision"
INT = "integer"
BIGINT = "bigint"

STATUSES = ("draft", "published")
LEVELS = ("province", "city", "county", "township")


@dataclass(frozen=True)
class Kind:
    """One result kind: table ``swc.<key>``.

    ``algorithms``: the algorithm ids that produce it (the first is the default); ``output``: the
    output name of that algorithm; ``geometry``: PostGIS geometry type or None for a table;
    ``columns``: ``(name, SQL type)`` after the metadata columns; ``unit_column``: the column that
    names the unit a row refers to (matched to ``swc.units`` by name under the county).
    """

    key: str
    label: str
    algorithms: Tuple[str, ...]
    output: str
    geometry: Optional[str]
    columns: Tuple[Tuple[str, str], ...]
    unit_column: Optional[str] = None

    @property
    def table(self) -> str:
        return self.key

    @property
    def column_names(self) -> Tuple[str, ...]:
        return tuple(name for name, _t in self.columns)

    def column_type(self, name: str) -> Optional[str]:
        for col, sql in self.columns:
            if col == name:
                return sql
        return None


def _cols(spec: str) -> Tuple[Tuple[str, str], ...]:
    """``"a:t b:r c:i"`` -> ``(("a", text), ("b", double precision), ("c", integer))``."""
    types = {"t": TEXT, "r": REAL, "i": INT, "l": BIGINT}
    out = []
    for item in spec.split():
        name, code = item.rsplit(":", 1)
        out.append((name, types[code]))
    return tuple(out)


_AREA = "area_m2:r area_ha:r area_mu:r"
_SL_CLASSES = "slight_km2:r light_km2:r moderate_km2:r intense_km2:r vintense_km2:r severe_km2:r"

#: Every kind, in the order of the documentation.  Field names: the algorithms' output names in
#: lower case (read from the algorithm files; issue 13, 14 and 16 names where those algorithms were
#: still being written).
KINDS: Tuple[Kind, ...] = (
    # -- steep-slope ban (steepslopeban) --------------------------------------------------------
    Kind(
        "ban_patches",
        QT_TRANSLATE_NOOP("SwcCore", "Steep-slope ban: patches"),
        ("steepslopeban",),
        "OUTPUT",
        "MultiPolygon",
        _cols(
            f"county:t patch_id:i patch_no:i {_AREA} slope_mean:r slope_max:r threshold:r rule:t "
            "rule_label:t res_ha:r township:t whole_id:i whole_no:i whole_ha:r red_ha:r prelim:i note:t"
        ),
        "county",
    ),
    Kind(
        "ban_counties",
        QT_TRANSLATE_NOOP("SwcCore", "Steep-slope ban: county summary"),
        ("steepslopeban",),
        "SUMMARY",
        None,
        _cols(
            "county:t threshold:r area_km2:r patches:i ban_ha:r ban_km2:r ban_mu:r share_pct:r whole_patches:i "
            "steep_km2:r land_km2:r land_pct:r red_km2:r red_pct:r out_town_km2:r prelim:i note:t"
        ),
        "county",
    ),
    Kind(
        "ban_townships",
        QT_TRANSLATE_NOOP("SwcCore", "Steep-slope ban: township table"),
        ("steepslopeban",),
        "TOWNSHIP_TABLE",
        None,
        _cols(
            "township:t county:t area_km2:r patches:i ban_km2:r ban_ha:r ban_mu:r share_pct:r red_km2:r prelim:i "
            "note:t"
        ),
        "township",
    ),
    # -- slope classes (slopeclasses) ---------------------------------------------------------------
    Kind(
        "slope_classes",
        QT_TRANSLATE_NOOP("SwcCore", "Slope class areas"),
        ("slopeclasses",),
        "TABLE",
        None,
        _cols(f"zone:t class:i range:t {_AREA} pct:r"),
        "zone",
    ),
    # -- soil loss and the SWC rate (soilloss, swcrate) -----------------------------------------
    Kind(
        "soil_loss",
        QT_TRANSLATE_NOOP("SwcCore", "Soil loss per unit"),
        ("soilloss",),
        "TABLE",
        None,
        _cols(
            f"zone:t area_km2:r {_SL_CLASSES} eroded_km2:r eroded_pct:r mean_modulus:r soil_loss_t:r "
            "swc_rate:r tolerance:r base_loss_t:r base_modulus:r base_eroded_km2:r base_swc_rate:r "
            "reduction_t:r reduction_pct:r rate_gain:r base_source:t water_km2:r wind_km2:r nodata_km2:r"
        ),
        "zone",
    ),
    Kind(
        "swc_rate",
        QT_TRANSLATE_NOOP("SwcCore", "Soil-and-water-conservation rate per unit"),
        ("swcrate",),
        "OUTPUT",
        None,
        _cols(
            f"zone:t area_km2:r {_SL_CLASSES} eroded_km2:r swc_rate:r target_1:r gap_1:r treat_1_km2:r "
            "target_2:r gap_2:r treat_2_km2:r poly_km2:r cover_pct:r tolerance:r input_kind:t "
            "water_km2:r wind_km2:r nodata_km2:r"
        ),
        "zone",
    ),
    Kind(
        "erosion_change",
        QT_TRANSLATE_NOOP("SwcCore", "Erosion change between two years"),
        ("erosionchange",),
        "OUTPUT",
        None,
        _cols(
            "zone:t area_km2:r nodata_km2:r poly_km2:r cover_pct:r before_eroded_km2:r after_eroded_km2:r "
            "eroded_change_km2:r before_rate:r after_rate:r rate_change:r improved_km2:r unchanged_km2:r "
            "worsened_km2:r "
            + " ".join(f"b_{c}:r" for c in _SL_CLASSES.replace(":r", "").split())
            + " "
            + " ".join(f"a_{c}:r" for c in _SL_CLASSES.replace(":r", "").split())
            + " before_loss_t:r after_loss_t:r loss_change_pct:r tolerance:r"
        ),
        "zone",
    ),
    Kind(
        "erosion_transitions",
        QT_TRANSLATE_NOOP("SwcCore", "Erosion class transitions"),
        ("erosionchange",),
        "MATRIX",
        None,
        _cols("zone:t from_class:i from_name:t to_class:i to_name:t change:i area_km2:r"),
        "zone",
    ),
    Kind(
        "eroded_forest",
        QT_TRANSLATE_NOOP("SwcCore", "Eroded forest land patches"),
        ("erodedforest",),
        "OUTPUT",
        "MultiPolygon",
        _cols(
            "patch:i area_ha:r area_mu:r mean_slope:r max_slope:r mean_loss:r mean_fvc:r measure:t "
            "measure_en:t measure_code:t source:t"
        ),
    ),
    # -- farmland (farmlandscreening) ---------------------------------------------------------------
    Kind(
        "farmland_parcels",
        QT_TRANSLATE_NOOP("SwcCore", "Farmland screening: parcels"),
        ("farmlandscreening",),
        "OUTPUT",
        "MultiPolygon",
        _cols(
            f"parcel_fid:l cropland:i {_AREA} cells:i slope_mean:r slope_p90:r plane_slope:r "
            "slope_class:i class_range:t terr_index:r bench_slope:r planar_share:r detected:t "
            "det_label:t det_source:t survey_type:t survey_grade:i type_flag:i grade_flag:i mismatch:i "
            "category:t cat_label:t rule:t region:t measure:t measure_label:t dist_road:r "
            "dist_settle:r priority:r bench_w:r riser_h:r riser_ang:r risers:i earth_m3:r"
        ),
    ),
    Kind(
        "farmland_summary",
        QT_TRANSLATE_NOOP("SwcCore", "Farmland screening: summary"),
        ("farmlandscreening",),
        "SUMMARY",
        None,
        _cols(f"zone:t category:t cat_label:t slope_class:i class_range:t parcels:i {_AREA}"),
        "zone",
    ),
    # -- check dams (checkdams) -------------------------------------------------------------------
    Kind(
        "check_dams",
        QT_TRANSLATE_NOOP("SwcCore", "Check dams"),
        ("checkdams",),
        "DAMS",
        "Point",
        _cols(
            "dam_id:i gully:i reach:i order:i bed_z:r h_m:r crest_z:r gradient:r local_i:r next_id:i "
            "spacing_m:r rule_l_m:r dist_m:r control_km2:r storage_m3:r pool_m2:r silt_m3:r silt_m2:r "
            "crest_m:r body_m3:r dam_type:t type_name:t"
        ),
    ),
    Kind(
        "check_dam_gullies",
        QT_TRANSLATE_NOOP("SwcCore", "Check dams: gully summary"),
        ("checkdams",),
        "SUMMARY",
        None,
        _cols("gully:t dams:i body_m3:r storage_m3:r silt_m3:r silt_m2:r channel_m:r area_km2:r"),
    ),
    # -- slope works (slopeworks) -------------------------------------------------------------------
    Kind(
        "slope_works",
        QT_TRANSLATE_NOOP("SwcCore", "Slope works (pits, benches, trenches)"),
        ("slopeworks",),
        "WORKS",
        "Geometry",
        _cols("area_id:i measure:t row:i elev:r slope:r length_m:r earth_m3:r seedlings:r"),
    ),
    Kind(
        "slope_works_summary",
        QT_TRANSLATE_NOOP("SwcCore", "Slope works: summary per area"),
        ("slopeworks",),
        "SUMMARY",
        None,
        _cols(
            "area_id:i name:t measure:t area_ha:r treated_ha:r treated_mu:r excl_ha:r excl_low_ha:r "
            "excl_high_ha:r excl_nodata_ha:r excl_reason:t slope_mean:r rows:i count:i length_m:r "
            "dens_ha:r dens_mu:r earth_m3:r seedlings:r cost:r"
        ),
        "name",
    ),
    # -- supervision (rssupervision, closepatches; issue 16: riskgrading, creditlists) ---------------
    Kind(
        "supervision_patches",
        QT_TRANSLATE_NOOP("SwcCore", "Supervision: disturbance patches (checked, verified, closed)"),
        ("rssupervision", "closepatches"),
        "OUTPUT",
        "MultiPolygon",
        _cols(
            "patch_id:t category:t project_id:t projects:t area_m2:r inside_m2:r outside_m2:r outside_pct:r "
            "flags:t repaired:i patch_type:t patch_date:t priority:i 结论:t 核查人:t 日期:t 照片:t 备注:t "
            "status:t closed:i reason:t reason_en:t"
        ),
    ),
    Kind(
        "supervision_projects",
        QT_TRANSLATE_NOOP("SwcCore", "Supervision: projects"),
        ("rssupervision",),
        "PROJECTS",
        None,
        _cols(
            "project_id:t name:t approval_no:t approval_date:t range_m2:r patches:i inside_m2:r outside_m2:r "
            "n_compliant:i n_exceeds:i n_unapproved:i n_relocated:i n_unaccepted:i reg_status:t accept_date:t "
            "findings:t compliance:t"
        ),
    ),
    Kind(
        "closure_projects",
        QT_TRANSLATE_NOOP("SwcCore", "Supervision: closed and open patches per project (销号)"),
        ("closepatches",),
        "PROJECTS",
        None,
        _cols("project_id:t patches:i closed:i open:i open_ids:t status:t"),
    ),
    Kind(
        "risk_levels",
        QT_TRANSLATE_NOOP("SwcCore", "Supervision: risk levels"),
        ("riskgrading",),
        "OUTPUT",
        "MultiPolygon",
        _cols(
            "project_id:t unit:t findings:t key_zone:t slope_deg:r water_m:r credit:t risk_level:t rule_id:t "
            "reason:t reason_en:t"
        ),
    ),
    Kind(
        "credit_lists",
        QT_TRANSLATE_NOOP("SwcCore", "Credit lists (重点关注名单, 黑名单)"),
        ("creditlists",),
        "OUTPUT",
        None,
        _cols(
            "entity:t name:t roles:t list:t entry_date:t exit_date:t active:t moved_to_black:t n_grounds:i grounds:t"
        ),
    ),
    Kind(
        "credit_findings",
        QT_TRANSLATE_NOOP("SwcCore", "Credit lists: findings checked"),
        ("creditlists",),
        "CHECKED",
        None,
        _cols("row:i entity:t role:t date:t finding:t project_id:t clause:t triggers:i note:t"),
    ),
    Kind(
        "plan_sampling",
        QT_TRANSLATE_NOOP("SwcCore", "Supervision: sampled SWC plans"),
        ("plansampling",),
        "OUTPUT",
        None,
        _cols("sample_no:i stratum:t n_stratum:i draw_key:t seed:l"),
    ),
    # -- the small-watershed plan (landuseslope, measureplan, planquantities, planbenefits) ----------
    Kind(
        "landuse_slope",
        QT_TRANSLATE_NOOP("SwcCore", "Plan: land use by slope class"),
        ("landuseslope",),
        "TABLE",
        None,
        _cols(f"landuse:t class:i {_AREA} pct:r"),
    ),
    Kind(
        "plan_measures",
        QT_TRANSLATE_NOOP("SwcCore", "Plan: measure polygons"),
        ("measureplan",),
        "POLYGONS",
        "MultiPolygon",
        _cols("measure:t value:i etype:t area_m2:r area_ha:r"),
    ),
    Kind(
        "plan_measure_areas",
        QT_TRANSLATE_NOOP("SwcCore", "Plan: measure areas"),
        ("measureplan",),
        "TABLE",
        None,
        _cols(f"measure:t value:i etype:t {_AREA} pct:r"),
    ),
    Kind(
        "plan_quantities",
        QT_TRANSLATE_NOOP("SwcCore", "Plan: quantities"),
        ("planquantities",),
        "QUANTITIES",
        None,
        _cols("item:t measure:t part:t unit:t quantity:r computed:i"),
    ),
    Kind(
        "plan_investment",
        QT_TRANSLATE_NOOP("SwcCore", "Plan: investment"),
        ("planquantities",),
        "INVESTMENT",
        None,
        _cols("level:t part:t item:t unit:t quantity:r price:r amount:r amount_10k:r"),
    ),
    Kind(
        "plan_benefits",
        QT_TRANSLATE_NOOP("SwcCore", "Plan: benefits"),
        ("planbenefits",),
        "OUTPUT",
        None,
        _cols("indicator:t unit:t before:r after:r change:r"),
    ),
    # -- appended after the first kinds (keep the order: KIND indexes are public) ---------------------
    Kind(
        "key_zones",
        QT_TRANSLATE_NOOP("SwcCore", "Key prevention and treatment zones"),
        ("keyzones",),
        "OUTPUT",
        "MultiPolygon",
        _cols(
            "unit:t area_km2:r cover_pct:r eroded_km2:r eroded_pct:r moderate_pct:r slight_pct:r fvc_mean:r "
            "water_pct:r ban_pct:r treat_met:i prev_met:i zone_class:t zone_name:t zone_label:t reasons:t"
        ),
        "unit",
    ),
    Kind(
        "silt_dams",
        QT_TRANSLATE_NOOP("SwcCore", "Silt dams (淤地坝) sited"),
        ("siltdams",),
        "DAMS",
        "Point",
        _cols(
            "dam_id:i gully:i bed_z:r control_km2:r sediment_t_a:r modulus:r life_yr:r silt_need_m3:r flood_m3:r "
            "need_m3:r class:t class_zh:t class_life:t silt_h_m:r water_h_m:r h_m:r storage_m3:r silt_m2:r "
            "pool_m2:r crest_m:r body_m3:r closed_h_m:r dist_m:r outlet:t"
        ),
    ),
)

KINDS_BY_KEY: Dict[str, Kind] = {k.key: k for k in KINDS}

#: The metadata columns every result row carries, before the kind's columns (name, SQL, note).
META_COLUMNS: Tuple[Tuple[str, str], ...] = (
    ("pub_id", "uuid"),
    ("adcode", "varchar(12)"),
    ("year", "smallint"),
    ("pub_status", "text"),
    ("algorithm", "text"),
    ("parameters", "jsonb"),
    ("plugin_version", "text"),
    ("published_by", "text"),
    ("published_at", "timestamptz"),
    ("valid_from", "timestamptz"),
    ("valid_to", "timestamptz"),
    ("unit_adcode", "varchar(12)"),
    ("extra", "jsonb"),
)
META_NAMES: Tuple[str, ...] = ("row_id", "geom") + tuple(n for n, _t in META_COLUMNS)

#: Columns of ``swc.publications`` (one row per publish).
PUBLICATION_COLUMNS: Tuple[str, ...] = (
    "pub_id",
    "kind",
    "adcode",
    "year",
    "pub_status",
    "algorithm",
    "parameters",
    "plugin_version",
    "published_by",
    "published_at",
    "valid_from",
    "valid_to",
    "n_rows",
    "source",
    "imported_by",
    "imported_at",
)


def kind(key: str) -> Kind:
    """The kind ``key`` (KeyError with the known keys otherwise)."""
    try:
        return KINDS_BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown result kind {key!r}; known: {', '.join(KINDS_BY_KEY)}") from None


def kinds_of_algorithm(alg_id: str) -> Sequence[Kind]:
    """The kinds an algorithm produces (``steepslopeban`` -> patches, counties, townships)."""
    return [k for k in KINDS if alg_id in k.algorithms]


def quote_ident(name: str) -> str:
    """SQL identifier in double quotes (names are ours or lower-cased field names)."""
    return '"' + name.replace('"', '""') + '"'


def table_ddl(k: Kind) -> str:
    """``CREATE TABLE`` of a kind (used to write the migration; the test compares with the database)."""
    lines = [
        "    row_id bigserial PRIMARY KEY",
        "    pub_id uuid NOT NULL",
        "    adcode varchar(12) NOT NULL",
        "    year smallint NOT NULL",
        "    pub_status text NOT NULL",
        "    algorithm text NOT NULL",
        "    parameters jsonb NOT NULL DEFAULT '{}'",
        "    plugin_version text NOT NULL",
        "    published_by text NOT NULL DEFAULT session_user",
        "    published_at timestamptz NOT NULL DEFAULT now()",
        "    valid_from timestamptz NOT NULL DEFAULT now()",
        "    valid_to timestamptz",
        "    unit_adcode varchar(12)",
        "    extra jsonb",
    ]
    lines += [f"    {quote_ident(name)} {sql}" for name, sql in k.columns]
    if k.geometry:
        lines.append(f"    geom geometry({k.geometry}, {SRID})")
    lines.append(
        "    FOREIGN KEY (pub_id, adcode, year, pub_status) REFERENCES swc.publications (pub_id, adcode, year, pub_status)"
        " DEFERRABLE INITIALLY DEFERRED"
    )
    body = ",\n".join(lines)
    out = [f"CREATE TABLE swc.{k.table} (\n{body}\n);"]
    out.append(f"CREATE INDEX ON swc.{k.table} (adcode, year) WHERE valid_to IS NULL;")
    out.append(f"CREATE INDEX ON swc.{k.table} (pub_id);")
    if k.geometry:
        out.append(f"CREATE INDEX ON swc.{k.table} USING gist (geom);")
    out.append(f"COMMENT ON TABLE swc.{k.table} IS '{k.label.replace(chr(39), chr(39) * 2)}';")
    return "\n".join(out)
