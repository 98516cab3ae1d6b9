# market_sizing: two commands set everything up on a fresh machine with Python 3.11.
#   make build   creates .venv, installs the pinned requirements, runs `dbt build`
#   make test    runs every test: `dbt build` (data and unit tests) and pytest
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DB ?= $(or $(MARKET_SIZING_DB),market_sizing.duckdb)
-include mk/*.mk

.PHONY: help install build test test-python sql docs clean

help:
	@echo "make build   build the warehouse ($(DB))"
	@echo "make test    run every test (dbt tests and pytest)"
	@echo "make sql     a read-only SQL prompt over the warehouse (SQL only, no files, no shell)"
	@echo "make docs    generate the dbt docs site (target/index.html)"
	@echo "make clean   remove build output (keeps .venv)"

$(INSTALLED): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install: $(INSTALLED)

# The input-file check runs first: dbt reads every seed file while parsing and stops on bytes
# that are not UTF-8 without naming the file; the check names the file, the line and the rule.
build: $(INSTALLED)
	$(BIN)/python plugins/market_sizing_inputs.py
	$(BIN)/dbt build

test: build
	$(BIN)/pytest

test-python: $(INSTALLED)
	$(BIN)/pytest

# Read-only, no file system access, settings locked (the lock-down the README gives BI tools), and
# SQL only: the DuckDB CLI's dot commands run shell commands and write files, which its safe mode
# does not fully stop in 1.5.x, so the prompt is tools/sql_prompt.py (docs/reliability.md).
sql: $(INSTALLED)
	$(BIN)/python tools/sql_prompt.py "$(DB)"

docs: $(INSTALLED)
	$(BIN)/dbt docs generate

clean:
	rm -rf target logs
