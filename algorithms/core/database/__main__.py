"""The province's command line: migrate, county roles, login users, units, settings.

Connection: libpq's own ways, never a password on the command line: ``--service`` (a
``pg_service.conf`` entry), or ``--host/--port/--dbname/--user`` with the password in ``~/.pgpass``
or asked for with ``--ask-password``.  Examples (docs/database.md)::

    python3 -m swc_planner.algorithms.core.database --service swc migrate
    python3 -m swc_planner.algorithms.core.database --service swc add-county 130731 130732
    python3 -m swc_planner.algorithms.core.database --service swc add-user zhang --county 130731 --ask-password
    python3 -m swc_planner.algorithms.core.database --service swc load-units hebei_admin_tianditu_cgcs2000.gpkg
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from . import admin, migrate
from .connect import connect, describe

HEBEI_LAYERS = (
    ("province", "province", "province_adcode", "province_name", None),
    ("cities", "city", "city_adcode", "city_name", "province_adcode"),
    ("counties", "county", "district_adcode", "district_name", "city_adcode"),
)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m swc_planner.algorithms.core.database",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for name in ("service", "host", "port", "dbname", "user"):
        parser.add_argument(f"--{name}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="apply the pending migrations of resources/db")
    sub.add_parser("version", help="print the schema version")
    p = sub.add_parser("add-county", help="create the roles of counties (adcodes)")
    p.add_argument("adcodes", nargs="+")
    p = sub.add_parser("add-user", help="a login user of a county or of the province")
    p.add_argument("name")
    p.add_argument("--county")
    p.add_argument("--province", action="store_true")
    p.add_argument("--ask-password", action="store_true", help="ask for the new user's password")
    p = sub.add_parser("load-units", help="load province, cities and counties from a GeoPackage")
    p.add_argument("path")
    p.add_argument(
        "--layer",
        action="append",
        nargs=5,
        metavar=("LAYER", "LEVEL", "ADCODE_FIELD", "NAME_FIELD", "PARENT_FIELD"),
        help="a layer to load (PARENT_FIELD '-' for none); default: the Hebei layout of ../shared/data/hebei_admin",
    )
    p = sub.add_parser("set", help="set a switch, e.g. county_reads_published true")
    p.add_argument("key")
    p.add_argument("value")
    args = parser.parse_args(argv)
    parts = {k: getattr(args, k) for k in ("service", "host", "port", "dbname", "user")}
    if not parts["service"] and not parts["dbname"]:
        parser.error("give --service or --dbname")
    conn = connect(parts)
    print(f"connected to {describe(parts)}", file=sys.stderr)
    if args.command == "migrate":
        applied = migrate.migrate(conn, log=lambda m: print(m, file=sys.stderr))
        print(f"schema at version {migrate.current_version(conn)} ({len(applied)} applied)")
    elif args.command == "version":
        print(migrate.current_version(conn))
    elif args.command == "add-county":
        for code in args.adcodes:
            print(admin.add_county_role(conn, code))
    elif args.command == "add-user":
        password = getpass.getpass(f"password for {args.name}: ") if args.ask_password else None
        admin.add_login(conn, args.name, password, county=args.county, province=args.province)
        print(args.name)
    elif args.command == "load-units":
        layers: Any = HEBEI_LAYERS
        if args.layer:
            layers = [tuple(None if v == "-" else v for v in spec) for spec in args.layer]
        n = admin.load_units(conn, admin.units_from_layers(args.path, layers))
        print(f"{n} units loaded")
    elif args.command == "set":
        admin.set_setting(conn, args.key, args.value)
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
