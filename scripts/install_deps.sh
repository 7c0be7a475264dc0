#!/usr/bin/env bash
# Debian 12 or 13 packages for SWC Planner's tests, demo and benchmarks (the same names on both, and on sid:
# QGIS 3.22 on Debian 12, 3.40 LTR on 13, 3.44 on sid; `make test-trixie` runs this script in a fresh Debian 13).
# Idempotent: a few seconds when everything is installed already.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
PKGS="python3-qgis qgis python3-gdal gdal-bin python3-numpy python3-shapely python3-pytest \
python3-pytest-cov python3-hypothesis xvfb xauth x11-utils qttools5-dev-tools grass-core \
qgis-plugin-grass fonts-wqy-microhei poppler-utils postgresql postgresql-postgis e2fsprogs"
# e2fsprogs: chattr, for the bad-input tests' read-only folder that even root cannot write (a minimal
# Debian root, as debootstrap --variant=minbase makes, lacks it)
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends $missing
fi
