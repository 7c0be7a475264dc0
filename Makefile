# SWC Planner — build, test, demo.  Everything runs on Debian 12's system Python
# (/usr/bin/python3), the one that can import qgis.
PY ?= /usr/bin/python3
PLUGIN := swc_planner
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

.PHONY: deps i18n test test-fast demo bench zip lint clean

## Install the Debian packages the plugin, tests and demo need (needs root).
deps:
	bash scripts/install_deps.sh

## Build the .qm translation from i18n/swc_planner_zh_CN.ts.
i18n:
	$(PY) i18n/ts.py build

## Run the whole test suite (core, algorithms, translation, UI, desktop).
test: deps i18n
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) -m pytest -q -p no:cacheprovider tests --junitxml=junit.xml

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

## Lint and type-check (ruff and mypy from PyPI: pip install ruff mypy).
lint:
	ruff check .
	ruff format --check algorithms/core
	mypy

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
