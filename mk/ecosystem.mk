# Issue 4: the analytics ecosystem (see README: Semantic layer, Exports, BI recipes, Docs, Lint, Dashboard).
#   make lint        SQL (sqlfluff, dbt templater, DuckDB dialect; model layout), YAML and Python (ruff)
#   make fix         apply sqlfluff's and ruff's fixes, then lint
#   make metrics     validate the semantic layer and run an example MetricFlow query
#   make dashboard   target/dashboard.html from the published warehouse (self-contained, opens offline)
#   make exports     rebuild, which writes every mart as Parquet and CSV under exports/ when it publishes
ifeq ($(.DEFAULT_GOAL),)
.DEFAULT_GOAL := help
endif

.PHONY: lint lint-sql lint-yaml lint-python fix metrics dashboard exports

SQLFLUFF_PROCESSES ?= 2
DASHBOARD ?= target/dashboard.html

# `make test` lints first (a prerequisite added here, so the Makefile's own rule stays as it is).
test: lint

lint: lint-yaml lint-python lint-sql

lint-sql: $(INSTALLED)
	$(BIN)/python tools/check_sql_structure.py
	$(BIN)/sqlfluff lint --processes $(SQLFLUFF_PROCESSES) --disable-progress-bar models

lint-yaml: $(INSTALLED)
	$(BIN)/python tools/check_yaml.py

lint-python: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fix: $(INSTALLED)
	$(BIN)/sqlfluff fix --processes $(SQLFLUFF_PROCESSES) --disable-progress-bar models
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(MAKE) lint

# MetricFlow reads target/semantic_manifest.json (written by dbt parse) and the build database.
metrics: $(INSTALLED)
	$(BIN)/dbt parse --quiet
	$(BIN)/mf validate-configs --skip-dw
	$(BIN)/mf query --metrics market_size_usd_bn,market_size_stated_usd_bn --group-by metric_time__year,report --where "{{ Dimension('report__is_primary') }}" --order metric_time__year

dashboard: $(INSTALLED)
	$(BIN)/python tools/dashboard.py --database "$(DB)" --output "$(DASHBOARD)"

exports: build
