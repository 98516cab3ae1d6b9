# Scale and portability: synthetic corpora, the benchmark, Apache Spark.

SPARK_VENV := .venv-spark
SPARK_BIN := $(SPARK_VENV)/bin
SPARK_INSTALLED := $(SPARK_VENV)/.installed
CORPUS_REPORTS ?= 100000
CORPUS_DIR ?= target/corpus_$(CORPUS_REPORTS)
BENCHMARK_ARGS ?=
# A checkout of a reference dbt project on DuckDB (dbt-labs/jaffle_shop_duckdb) to time warm builds against.
BENCHMARK_REFERENCE ?=

.PHONY: corpus build-corpus benchmark profile build-spark test-spark

$(SPARK_INSTALLED): requirements.txt requirements-spark.txt
	$(PYTHON) -m venv $(SPARK_VENV)
	$(SPARK_BIN)/pip install --quiet --disable-pip-version-check -r requirements-spark.txt
	touch $@

corpus: $(INSTALLED) ## generate a synthetic corpus (CORPUS_REPORTS reports) under target/
	$(BIN)/python -m market_sizing.benchmark.generate_corpus --reports $(CORPUS_REPORTS) --out $(CORPUS_DIR)

build-corpus: corpus ## build the warehouse from that corpus through DuckDB's CSV reader
	$(BIN)/dbt build --vars '{corpus_dir: $(CORPUS_DIR)}'

benchmark: $(INSTALLED) ## dbt build against the same SQL run directly, at growing sizes (BENCHMARKS.md)
	$(BIN)/python -m market_sizing.benchmark.run_benchmark $(if $(BENCHMARK_REFERENCE),--reference $(BENCHMARK_REFERENCE)) $(BENCHMARK_ARGS)

profile: corpus ## seconds per model of the direct run over that corpus, EXPLAIN ANALYZE of the 5 slowest
	$(BIN)/python -m market_sizing.benchmark.profile --corpus $(CORPUS_DIR) --explain 5

build-spark: $(SPARK_INSTALLED) ## build on Apache Spark (local PySpark, .venv-spark)
	$(SPARK_BIN)/dbt build --target spark

test-spark: $(SPARK_INSTALLED) ## build on Spark and compare the key numbers with the DuckDB build
	$(SPARK_BIN)/pytest -m spark
