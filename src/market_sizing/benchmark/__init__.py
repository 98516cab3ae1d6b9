"""Scale: synthetic corpora and the benchmark (BENCHMARKS.md).

- `generate_corpus`: a synthetic corpus of reports in the layout of the input files (`make corpus`);
- `run_benchmark`: `dbt build` against the same SQL run directly, at growing sizes (`make benchmark`).
"""
