# market_sizing: two commands set everything up on a fresh machine with Python 3.11.
#   make build   creates .venv, installs the pinned requirements and this package, runs `dbt build`
#   make test    runs every test: lint, `dbt build` (data and unit tests) and pytest
# `make help` lists every target: each has a `## ` line saying what it does. The files in mk/ hold
# the targets of one area each (lint.mk, extract.mk, scale.mk, ...), included below.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The published warehouse: MARKET_SIZING_DB or its default, stated once (market_sizing.publishing.settings).
DB ?= $(shell $(BIN)/python -m market_sizing.publishing.settings)
PYTEST_WORKERS ?= 2

.PHONY: help install build test test-python sql docs clean

help: ## list every target
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | awk -F ':.*## ' '{printf "make %-16s %s\n", $$1, $$2}'

# requirements.txt ends with `-e .`: this package, editable, with its console scripts ([project.scripts]
# in pyproject.toml, hence a prerequisite: a new command is installed by the next make build).
$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install: $(INSTALLED) ## create .venv with the pinned requirements and this package

# The input-file check runs first: dbt reads every seed file while parsing and stops on bytes
# that are not UTF-8 without naming the file; the check names the file, the line and the rule.
build: $(INSTALLED) ## build, test and publish the warehouse (MARKET_SIZING_DB) and its exports
	$(BIN)/python -m market_sizing.checks.input_files
	$(BIN)/dbt build

# The steps run in sub-makes, so that the time printed is the whole of `make test`: the quick lints,
# then sqlfluff beside `dbt build` (each leaves a core idle much of its time; lint-sql compiles into
# its own target path), then pytest, which keeps both cores busy on its own.
test: ## every test: lint, dbt's data and unit tests, pytest (prints the wall time of pytest and of the whole)
	@start=$$(date +%s); $(MAKE) --no-print-directory lint-yaml lint-python \
		&& $(MAKE) --no-print-directory --jobs=2 --output-sync=target lint-sql build \
		&& $(MAKE) --no-print-directory test-python; \
	status=$$?; \
	echo "make test wall time: $$(( $$(date +%s) - start )) s"; exit $$status

# pytest builds its own copies of the project; PYTEST_WORKERS=0 runs it in one process.
test-python: $(INSTALLED) ## pytest only (prints its wall time)
	@start=$$(date +%s); $(BIN)/pytest -n $(PYTEST_WORKERS); status=$$?; \
	echo "pytest wall time: $$(( $$(date +%s) - start )) s"; exit $$status

# Read-only, no file system access, settings locked (the lock-down the BI recipes use), and
# SQL only: the DuckDB CLI's dot commands run shell commands and write files, which its safe mode
# does not fully stop in 1.5.x, so the prompt is market_sizing.sql_prompt (docs/reliability.md).
sql: $(INSTALLED) ## a read-only SQL prompt over the warehouse (SQL only: no files, no shell)
	$(BIN)/python -m market_sizing.sql_prompt "$(DB)"

docs: $(INSTALLED) ## generate the dbt docs site (target/index.html)
	$(BIN)/dbt docs generate

clean: ## remove build output (keeps .venv and the published warehouse)
	rm -rf target logs

include $(sort $(wildcard mk/*.mk))
