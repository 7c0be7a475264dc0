"""A throwaway PostgreSQL + PostGIS cluster for the database tests (Debian's packages).

The cluster lives in a temporary folder owned by an unprivileged user (``nobody`` when the tests
run as root, else the current user), listens only on a Unix socket inside that folder
(``listen_addresses = ''``: no TCP port at all) and is stopped and removed at the end of the
session.  The binaries are found with ``pg_config --bindir`` or under ``/usr/lib/postgresql/*/bin``
(never ``/usr/local/bin/pg_ctl``, which on some machines is something else); without them, or
without PostGIS, the tests that use the fixture are skipped with a message saying what to install.

Authentication: the superuser ``swc_admin`` is trusted on the socket (it plays the province's
DBA); every other role must give its password (``scram-sha-256``), so the row-level-security tests
log in as real county users with real passwords.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from typing import Dict, List, Optional

import pytest

SUPERUSER = "swc_admin"
PORT = 5432  # only names the socket file (.s.PGSQL.5432) inside our own folder


def find_bindir() -> Optional[str]:
    """Folder with initdb/pg_ctl/postgres of the newest installed PostgreSQL, or None."""
    candidates: List[str] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=30)
            if out.returncode == 0:
                candidates.append(out.stdout.strip())
        except (OSError, subprocess.SubprocessError):
            pass

    def version(path: str) -> float:
        try:
            return float(path.split("/")[-2])
        except ValueError:
            return 0.0

    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    for folder in candidates:
        if all(os.access(os.path.join(folder, b), os.X_OK) for b in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def postgis_available(bindir: str) -> bool:
    """True when the PostGIS extension is installed for this server version."""
    pg_config = os.path.join(bindir, "pg_config")
    sharedir = None
    if os.access(pg_config, os.X_OK):
        out = subprocess.run([pg_config, "--sharedir"], capture_output=True, text=True, timeout=30)
        sharedir = out.stdout.strip() if out.returncode == 0 else None
    if not sharedir:
        sharedir = os.path.join("/usr/share/postgresql", os.path.basename(os.path.dirname(bindir)))
    return os.path.exists(os.path.join(sharedir, "extension", "postgis.control"))


class Cluster:
    """One running cluster: ``dsn()``/``connect()`` for any role, ``create_database()``, ``stop()``."""

    def __init__(self, bindir: str, root: str, owner: Optional[str]) -> None:
        self.bindir = bindir
        self.root = root
        self.data = os.path.join(root, "data")
        self.socket_dir = os.path.join(root, "sock")
        self.log = os.path.join(root, "server.log")
        self.owner = owner  # run the server as this user (None: the current user)
        self._dbs = 0

    # -- running commands as the unprivileged owner ----------------------------------------------
    def _cmd(self, *args: str) -> List[str]:
        if self.owner:
            return ["runuser", "-u", self.owner, "--", *args]
        return list(args)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        out = subprocess.run(self._cmd(*args), capture_output=True, text=True, timeout=120, cwd=self.root)
        if check and out.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{out.stdout}\n{out.stderr}\n{self.read_log()}")
        return out

    def read_log(self) -> str:
        try:
            with open(self.log, encoding="utf-8", errors="replace") as fh:
                return fh.read()[-4000:]
        except OSError:
            return ""

    def start(self) -> None:
        os.makedirs(self.socket_dir)
        if self.owner:
            entry = pwd.getpwnam(self.owner)
            for path in (self.root, self.socket_dir):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run(
            os.path.join(self.bindir, "initdb"),
            "-D",
            self.data,
            "-U",
            SUPERUSER,
            "-E",
            "UTF8",
            "--locale=C",
            "--auth-local=trust",
            "--no-sync",
        )
        with open(os.path.join(self.data, "pg_hba.conf"), "w", encoding="utf-8") as fh:
            fh.write(f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n")
        with open(os.path.join(self.data, "postgresql.conf"), "a", encoding="utf-8") as fh:
            fh.write(
                "\n# swc_planner test cluster\n"
                "listen_addresses = ''\n"
                f"unix_socket_directories = '{self.socket_dir}'\n"
                f"port = {PORT}\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "shared_buffers = 32MB\nmax_connections = 60\n"
                "password_encryption = 'scram-sha-256'\n"
            )
        self._run(
            os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-l", self.log, "-w", "-t", "60", "start"
        )

    def stop(self) -> None:
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
            self._run(
                os.path.join(self.bindir, "pg_ctl"),
                "-D",
                self.data,
                "-m",
                "immediate",
                "-w",
                "stop",
                check=False,
            )
        shutil.rmtree(self.root, ignore_errors=True)

    # -- connections -------------------------------------------------------------------------------
    def params(self, dbname: str = "postgres", user: str = SUPERUSER, password: Optional[str] = None) -> Dict:
        out = {"host": self.socket_dir, "port": PORT, "dbname": dbname, "user": user}
        if password is not None:
            out["password"] = password
        return out

    def dsn(self, dbname: str = "postgres", user: str = SUPERUSER, password: Optional[str] = None) -> str:
        return " ".join(f"{k}='{v}'" for k, v in self.params(dbname, user, password).items())

    def connect(self, dbname: str = "postgres", user: str = SUPERUSER, password: Optional[str] = None):
        import psycopg2

        return psycopg2.connect(**self.params(dbname, user, password))

    def create_database(self, prefix: str = "swc") -> str:
        """A new empty database (with PostGIS available to create); returns its name."""
        self._dbs += 1
        name = f"{prefix}_{self._dbs}_{os.getpid()}"
        conn = self.connect()
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        return name

    def drop_roles(self, *names: str) -> None:
        """Drop cluster-wide roles (they outlive a database) so a test starts clean."""
        conn = self.connect()
        conn.autocommit = True
        with conn.cursor() as cur:
            for name in names:
                cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
                if cur.fetchone():
                    cur.execute(f'DROP ROLE "{name}"')
        conn.close()


def _owner() -> Optional[str]:
    if os.geteuid() != 0:
        return None
    for name in ("swcpg", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    pytest.skip("no unprivileged user to run PostgreSQL as (tests run as root)")
    return None


def start_cluster() -> Cluster:
    """Start a cluster or skip the calling test with what to install."""
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        pytest.skip("psycopg2 is not installed (Debian: apt-get install python3-psycopg2)")
    bindir = find_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries not found (Debian: apt-get install postgresql postgresql-postgis)"
        )
    if not postgis_available(bindir):
        pytest.skip(f"PostGIS is not installed for {bindir} (Debian: apt-get install postgresql-postgis)")
    owner = _owner()
    root = tempfile.mkdtemp(prefix="swcpg-", dir="/tmp")
    cluster = Cluster(bindir, root, owner)
    try:
        cluster.start()
    except Exception:
        log = cluster.read_log()
        cluster.stop()
        raise RuntimeError(f"the test cluster did not start:\n{log}") from None
    # wait until the server accepts connections on the socket
    for _ in range(100):
        try:
            cluster.connect().close()
            break
        except Exception:  # noqa: BLE001
            time.sleep(0.1)
    return cluster


@pytest.fixture(scope="session")
def pg_cluster():
    """A running throwaway cluster for the whole session; removed afterwards."""
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()
