# Scale and portability (included by the Makefile):
#   make corpus          generate a synthetic corpus (CORPUS_REPORTS reports) under target/
#   make build-corpus    build the warehouse from that corpus through DuckDB's CSV reader
#   make benchmark       dbt build vs the same SQL run directly, 1 to 100,000 reports (BENCHMARKS.md)
#   make build-spark     build on Apache Spark (local PySpark, .venv-spark)
#   make test-spark      build on Spark and compare the key numbers with the DuckDB build
.DEFAULT_GOAL := help

SPARK_VENV := .venv-spark
SPARK_BIN := $(SPARK_VENV)/bin
SPARK_INSTALLED := $(SPARK_VENV)/.installed
CORPUS_REPORTS ?= 100000
CORPUS_DIR ?= target/corpus_$(CORPUS_REPORTS)
BENCHMARK_ARGS ?=

.PHONY: corpus build-corpus benchmark build-spark test-spark

$(SPARK_INSTALLED): requirements.txt requirements-spark.txt
	$(PYTHON) -m venv $(SPARK_VENV)
	$(SPARK_BIN)/pip install --quiet --disable-pip-version-check -r requirements-spark.txt
	touch $@

corpus: $(INSTALLED)
	$(BIN)/python benchmarks/generate_corpus.py --reports $(CORPUS_REPORTS) --out $(CORPUS_DIR)

build-corpus: corpus
	$(BIN)/dbt build --vars '{corpus_dir: $(CORPUS_DIR)}'

benchmark: $(INSTALLED)
	$(BIN)/python benchmarks/run_benchmark.py $(BENCHMARK_ARGS)

build-spark: $(SPARK_INSTALLED)
	$(SPARK_BIN)/dbt build --target spark

test-spark: $(SPARK_INSTALLED)
	$(SPARK_BIN)/pytest -m spark
