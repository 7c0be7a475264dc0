#!/usr/bin/env bash
# The lint tools, pinned, from PyPI into the project-local venv .lint-venv (gitignored); nothing goes into
# the system Python.  ruff 0.14.14 is the version the tree is formatted with (another ruff may format
# differently); mypy 1.13.0 with numpy for numpy's type stubs (the core is type-checked against them).
# Idempotent: well under a second when the venv already holds these pins.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-/usr/bin/python3}
VENV=.lint-venv
PINS="ruff==0.14.14 mypy==1.13.0 numpy==2.4.6"

if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "pass" 2>/dev/null \
    && [ "$(cat "$VENV/.swc-pins" 2>/dev/null)" = "$PINS" ]; then
  exit 0
fi
if ! { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "pass" 2>/dev/null; }; then
  if ! "$PY" -c "import ensurepip, venv" 2>/dev/null; then  # Debian splits venv/ensurepip off
    SUDO=""
    if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    echo "installing: python3-venv"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends python3-venv
  fi
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi
echo "installing into $VENV: $PINS"
# shellcheck disable=SC2086
"$VENV/bin/python" -m pip install -q --disable-pip-version-check $PINS
echo "$PINS" >"$VENV/.swc-pins"
