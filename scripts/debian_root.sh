#!/bin/bash
# Run commands in a minimal Debian root of SUITE on a clean clone of this project's committed HEAD, the way
# a newcomer runs the README's commands on a fresh machine of that Debian release.
#
# usage: scripts/debian_root.sh SUITE CMD [CMD ...]
#   SUITE  bookworm (Debian 12, QGIS 3.22), trixie (Debian 13, QGIS 3.40 LTR) or sid (QGIS 3.44 at the
#          time of writing); unstable is accepted for sid
#   CMD    a shell command run in the clone (e.g. "make test"); several run one after the other
# e.g. scripts/debian_root.sh trixie "make test"      (what `make test-trixie` runs)
#
# What it does, in order:
#  1. builds the root once with `debootstrap --variant=minbase` from this machine's Debian mirror and keeps it
#     in $SWC_ROOTS/SUITE (default /var/cache/swc-planner/roots/SUITE), so the next run reuses it with
#     everything installed; a root that was not finished (no .swc-ready) is thrown away and built again;
#  2. clones the committed HEAD of this repository to /src/main in the root (uncommitted changes are not
#     seen) and copies the data folder SWC_DATA (default ../shared/data beside the repository) to
#     /src/shared/data, which is the tests' default ../shared/data there;
#  3. installs the packages with the project's own scripts/install_deps.sh inside the root;
#  4. runs each CMD in /src/main as root with a clean environment, printing its output and its time.
# Environment:
#   SWC_ROOTS=DIR         where the roots are kept (default /var/cache/swc-planner/roots)
#   SWC_ROOT_REBUILD=1    throw the cached root away first
#   SWC_MIRROR=URL        Debian mirror (default: the first Debian archive URI of this machine's apt sources)
#   SWC_DATA=DIR          the data folder to copy (default REPO/../shared/data; skipped with a note if absent)
#   SWC_ROOT_LOGS=DIR     where each run's logs go (default $SWC_ROOTS/SUITE-logs/<date-time>; the last
#                         10 runs are kept there)
# Needs root (debootstrap, chroot, mount); installs debootstrap with apt-get if missing.
# Exit status: 0 when every CMD exited 0; 1 when one failed; 2 for a usage or set-up error.
# The whole body is one { ... } block, so bash parses it before running it: editing this file while a run
# is going on cannot break that run.
{
set -euo pipefail

usage() { sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage
suite=$1; shift
case "$suite" in
  bookworm|trixie|sid) ;;
  unstable) suite=sid ;;
  *) echo "debian_root.sh: unknown suite '$suite' (bookworm, trixie, sid)" >&2; exit 2 ;;
esac
[ "$(id -u)" = 0 ] || { echo "debian_root.sh: needs root (debootstrap, chroot, mount)" >&2; exit 2; }

repo=$(cd "$(dirname "$0")/.." && pwd)
git -C "$repo" rev-parse --verify -q HEAD >/dev/null || { echo "debian_root.sh: $repo has no commit" >&2; exit 2; }
data=${SWC_DATA:-$repo/../shared/data}
roots=${SWC_ROOTS:-/var/cache/swc-planner/roots}
root=$roots/$suite
logs=${SWC_ROOT_LOGS:-$roots/$suite-logs/$(date +%Y%m%d-%H%M%S)}
host_mirror=$(sed -n 's/^URIs: *\([^ ]*\/debian\)\/\{0,1\}$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
[ -n "$host_mirror" ] || host_mirror=$(awk '$1=="deb" && $2 ~ /\/debian\/?$/ {sub(/\/$/, "", $2); print $2; exit}' \
  /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
mirror=${SWC_MIRROR:-$host_mirror}
mkdir -p "$roots"

# one run per root at a time
exec 9>"$root.lock"
flock -n 9 || { echo "debian_root.sh: another run holds $root.lock" >&2; exit 2; }

mounts=(proc sys dev dev/pts dev/shm)
unmount_all() {
  local i
  for ((i=${#mounts[@]}-1; i>=0; i--)); do
    if mountpoint -q "$root/${mounts[$i]}" 2>/dev/null; then umount -l "$root/${mounts[$i]}" 2>/dev/null || true; fi
  done
}
# plain (non-recursive) binds, each made a slave: nothing mounted or unmounted under the root propagates
# back to the host's /dev, /proc or /sys on a machine whose mounts are shared (systemd)
mount_all() {
  local d
  for d in "${mounts[@]}"; do
    [ -e "/$d" ] || continue
    mkdir -p "$root/$d"
    mountpoint -q "$root/$d" || { mount --bind "/$d" "$root/$d" && mount --make-slave "$root/$d"; }
  done
}
mounted_under_root() { awk -v r="$root/" 'index($2, r) == 1 {found=1} END {exit !found}' /proc/mounts; }
in_root() {
  chroot "$root" env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -c "$1"
}
leg_start=$(date +%s)
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }
trap 'unmount_all; echo "=== debian_root.sh $suite: leg time $(elapsed "$leg_start")"' EXIT

if [ "${SWC_ROOT_REBUILD:-0}" = 1 ] || { [ -e "$root" ] && [ ! -f "$root/.swc-ready" ]; }; then
  unmount_all
  if mounted_under_root; then echo "debian_root.sh: something is still mounted under $root; not removing it" >&2; exit 2; fi
  echo "=== removing the unfinished or unwanted root $root"
  rm -rf --one-file-system "$root"
fi
if [ ! -f "$root/.swc-ready" ]; then
  t=$(date +%s)
  if ! command -v debootstrap >/dev/null; then
    echo "=== installing debootstrap"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap >/dev/null
  fi
  script=/usr/share/debootstrap/scripts/$suite
  [ -e "$script" ] || script=/usr/share/debootstrap/scripts/sid
  [ -n "$mirror" ] || { echo "debian_root.sh: no Debian archive URI in this machine's apt sources; set SWC_MIRROR" >&2; exit 2; }
  echo "=== building $root ($suite, minbase, from $mirror; log $root.debootstrap.log)"
  if ! debootstrap --variant=minbase "$suite" "$root" "$mirror" "$script" >"$root.debootstrap.log" 2>&1; then
    tail -15 "$root.debootstrap.log"; echo "debian_root.sh: debootstrap failed" >&2; exit 2
  fi
  # a mirror serving a frozen copy of sid has an expired Valid-Until, which apt-get update refuses
  # (debootstrap does not check): this root is a throwaway test machine, so accept it
  echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99swc-no-valid-until"
  # no service starts inside the root when a package is installed
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"; chmod 755 "$root/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  mount_all
  if ! in_root 'apt-get update -q && apt-get install -y -q --no-install-recommends git make ca-certificates' \
      >>"$root.debootstrap.log" 2>&1; then
    tail -15 "$root.debootstrap.log"; echo "debian_root.sh: installing git make ca-certificates failed" >&2; exit 2
  fi
  touch "$root/.swc-ready"
  echo "=== root built in $(elapsed "$t")"
fi

cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
mount_all
rm -rf --one-file-system "$root/src"; mkdir -p "$root/src"
git clone -q "$repo" "$root/src/main"
if [ -d "$data" ]; then
  mkdir -p "$root/src/shared"; cp -a "$data/." "$root/src/shared/data"
else
  echo "=== note: no data folder at $data (SWC_DATA); the tests that need it skip"
fi
echo "=== $suite root $root: $(chroot "$root" sh -c '. /etc/os-release; echo "$PRETTY_NAME"'), project at $(git -C "$repo" rev-parse --short HEAD)"

mkdir -p "$logs"
if [ -z "${SWC_ROOT_LOGS:-}" ]; then  # keep the last 10 runs' logs
  ls -1d "$roots/$suite-logs"/*/ 2>/dev/null | head -n -10 | xargs -r rm -rf
fi
t=$(date +%s)
echo "=== bash scripts/install_deps.sh"
if ! in_root 'cd /src/main && bash scripts/install_deps.sh' </dev/null >"$logs/deps.log" 2>&1; then
  tail -30 "$logs/deps.log"; echo "debian_root.sh: scripts/install_deps.sh failed in the $suite root" >&2; exit 2
fi
tail -3 "$logs/deps.log"
echo "=== packages ready in $(elapsed "$t"): $(in_root 'dpkg-query -W -f "qgis \${Version}\n" qgis 2>/dev/null; python3 -c "import sys, numpy, shapely; from osgeo import gdal; print(\"Python\", sys.version.split()[0], \"numpy\", numpy.__version__, \"shapely\", shapely.__version__, \"GDAL\", gdal.__version__)"' 2>/dev/null | tr '\n' ' ')"

set +e
status=0; n=0
for cmd in "$@"; do
  n=$((n+1)); log="$logs/$n.log"
  echo "=== $cmd"
  t=$(date +%s)
  in_root "cd /src/main && $cmd" </dev/null 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  echo "=== exit $rc ($cmd: $(elapsed "$t"); full log $log)"
  [ "$rc" = 0 ] || status=1
done
exit $status
}
