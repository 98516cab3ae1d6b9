# Lint, the semantic layer, the dashboard and the exports.

.PHONY: lint lint-sql lint-yaml lint-python fix metrics dashboard exports changes

SQLFLUFF_PROCESSES ?= 2
DASHBOARD ?= target/dashboard.html

lint: lint-yaml lint-python lint-sql ## SQL (sqlfluff; model layout), YAML and Python (ruff)

# sqlfluff's dbt templater compiles the project: into its own target path, build database and log
# directory, so that it never meets a `dbt build` running beside it (make test runs both at once).
LINT_DIR := target/lint
lint-sql: $(INSTALLED) ## sqlfluff (dbt templater, DuckDB dialect) and the model layout check
	$(BIN)/python -m market_sizing.checks.sql_structure
	DBT_TARGET_PATH=$(LINT_DIR) DBT_LOG_PATH=$(LINT_DIR)/logs MARKET_SIZING_BUILD_DB=$(LINT_DIR)/lint.duckdb \
		$(BIN)/sqlfluff lint --processes $(SQLFLUFF_PROCESSES) --disable-progress-bar models

lint-yaml: $(INSTALLED) ## yamllint (every YAML file parses, no key twice)
	$(BIN)/yamllint --strict .

lint-python: $(INSTALLED) ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fix: $(INSTALLED) ## apply sqlfluff's and ruff's fixes, then lint
	$(BIN)/sqlfluff fix --processes $(SQLFLUFF_PROCESSES) --disable-progress-bar models
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(MAKE) lint

# MetricFlow reads target/semantic_manifest.json (written by dbt parse) and the build database.
metrics: $(INSTALLED) ## validate the semantic layer and run an example MetricFlow query
	$(BIN)/dbt parse --quiet
	$(BIN)/mf validate-configs --skip-dw
	$(BIN)/mf query --metrics market_size_usd_bn,market_size_stated_usd_bn --group-by metric_time__year,report --where "{{ Dimension('report__is_primary') }}" --order metric_time__year

dashboard: $(INSTALLED) ## target/dashboard.html from the published warehouse (self-contained)
	$(BIN)/python -m market_sizing.dashboard.page --database "$(DB)" --output "$(DASHBOARD)"

exports: build ## rebuild, which writes every mart as Parquet and CSV under exports/ when it publishes

changes: $(INSTALLED) ## what the last publish changed (meta.changes): rows added, removed, values old -> new
	$(BIN)/python -m market_sizing.publishing.show_changes --database "$(DB)"
