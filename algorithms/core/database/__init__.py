"""The provincial SWC database (PostgreSQL + PostGIS): schema, migrations, publishing, roll-up, packages.

Pure core: psycopg2 (imported when a function needs it) and GDAL/OGR, no QGIS.  The schema is
``resources/db/NNN_*.sql`` (see ``docs/database.md``); ``schema.py`` is its registry of result kinds.
The province administers it with ``python3 -m swc_planner.algorithms.core.database`` (``--help``).
"""
