# SWC Planner — build, test, demo.  Everything runs on Debian's system Python (/usr/bin/python3, the one
# that can import qgis) on Debian 12 (QGIS 3.22) or 13 (QGIS 3.40 LTR); lint tools live in .lint-venv.
PY ?= /usr/bin/python3
PLUGIN := swc_planner
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

.PHONY: deps i18n test test-fast test-trixie test-sid demo bench bench-scale zip lint lint-deps clean

LINT_VENV := .lint-venv

## Install the Debian packages the plugin, tests and demo need (needs root).
deps:
	bash scripts/install_deps.sh

## Build the .qm translation from i18n/swc_planner_zh_CN.ts.
i18n:
	$(PY) i18n/ts.py build

## Run the whole test suite (core, algorithms, translation, UI, desktop) and the core's doctests.
## pytest's exit 5 (no test collected) fails the target like any other non-zero exit.
test: deps i18n
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) -m pytest -q -p no:cacheprovider tests --junitxml=junit.xml
	$(PY) -m pytest -q -p no:cacheprovider --doctest-modules algorithms/core

## The suite on QGIS 3.40 LTR (Debian 13) / QGIS 3.44 (Debian sid), in a minimal Debian root built once
## and cached in /var/cache/swc-planner/roots (scripts/debian_root.sh; needs root and the Debian mirror).
test-trixie:
	bash scripts/debian_root.sh trixie "make test"

test-sid:
	bash scripts/debian_root.sh sid "make test"

## Tests without reinstalling packages.
test-fast: i18n
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) -m pytest -q -p no:cacheprovider tests -x

## Run the algorithms on the bundled synthetic demo: demo_output/.
demo: deps i18n
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) scripts/demo.py demo_output

## Benchmarks against gdaldem, the GDAL CLI pipeline and GRASS (prints ratios).
bench:
	$(PY) benchmarks/bench_steepslope.py
	-$(PY) benchmarks/bench_hydrology.py
	$(PY) benchmarks/coarse_dem.py

## Scale benchmarks (about an hour; 2 GB of scratch in $(BENCH_DIR)): memory of the local operators on
## 4-274 M cells, the province in one run (452 M cells), the per-county batch on 1 and 2 workers
## published to a throwaway PostGIS.
BENCH_DIR ?= /var/tmp/swc-bench
bench-scale:
	$(PY) benchmarks/bench_memory.py --keep $(BENCH_DIR)/memory
	$(PY) benchmarks/bench_province.py --keep $(BENCH_DIR)/province
	$(PY) benchmarks/bench_province.py --keep $(BENCH_DIR)/province --no-trace
	$(PY) benchmarks/bench_batch.py --keep $(BENCH_DIR)/province

## ruff and mypy (pinned, from PyPI) into the project-local venv .lint-venv.
lint-deps:
	bash scripts/install_lint.sh

## Lint: ruff check, ruff format --check (whole tree), mypy on the core, the Qt6-readiness check.
## Every step runs; the target fails if any of them failed.
lint: lint-deps
	@status=0; for step in "$(LINT_VENV)/bin/ruff check ." "$(LINT_VENV)/bin/ruff format --check ." \
	    "$(LINT_VENV)/bin/mypy" "$(PY) scripts/check_qt6.py"; do \
	  echo "+ $$step"; $$step || { status=1; echo "FAILED: $$step"; }; \
	done; exit $$status

## Plugin zip for the QGIS plugin manager (committed files + the .qm).
zip: i18n
	@mkdir -p dist
	git archive --format=tar --prefix=$(PLUGIN)/ HEAD > dist/$(PLUGIN).tar
	tar --transform 's,^,$(PLUGIN)/,' -rf dist/$(PLUGIN).tar i18n/swc_planner_zh_CN.qm
	rm -f dist/$(PLUGIN)-$(VERSION).zip
	cd dist && tar xf $(PLUGIN).tar && rm $(PLUGIN).tar && \
	  $(PY) -c "import shutil; shutil.make_archive('$(PLUGIN)-$(VERSION)', 'zip', '.', '$(PLUGIN)')" && rm -rf $(PLUGIN)
	@echo dist/$(PLUGIN)-$(VERSION).zip

clean:
	rm -rf demo_output dist junit.xml i18n/*.qm
