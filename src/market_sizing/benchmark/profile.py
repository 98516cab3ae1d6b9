"""`python -m market_sizing.benchmark.profile`: where the direct run's time goes, model by model.

Compiles the project (`dbt compile`, with `--corpus` as the `corpus_dir` var), runs every model's
compiled SQL in dependency order in one DuckDB connection as the benchmark's direct run does, times
each statement, and prints the models from slowest to fastest with their share of the total. With
`--explain N`, the N slowest are run once more under `EXPLAIN ANALYZE` and each profile is written
to `<work>/explain/<model>.txt`.

    python -m market_sizing.benchmark.profile --corpus target/corpus_100000 --explain 5
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import duckdb

from market_sizing import contract
from market_sizing.benchmark.run_benchmark import THREADS, Plan, compile_plan, fresh, run_plan


def explain(plan: Plan, database: Path, names: list[str], out: Path) -> None:
    """`EXPLAIN ANALYZE` of each named model's query against what the timed run built (a query only
    reads; the compiled SQL names its catalog after the database file, so it runs in that file)."""
    out.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(database), config={"threads": int(THREADS)})
    models = {model["name"]: model for model in plan["models"]}
    for name in names:
        rows = connection.execute(f"explain analyze {models[name]['sql']}").fetchall()
        (out / f"{name}.txt").write_text("\n".join(str(row[-1]) for row in rows), encoding="utf-8")
    connection.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m market_sizing.benchmark.profile", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--corpus", type=Path, help="a generated corpus directory (default: the shipped seeds)")
    parser.add_argument("--explain", type=int, default=0, help="EXPLAIN ANALYZE the N slowest models")
    parser.add_argument("--work", type=Path, help="scratch directory (default: target/profile of the project)")
    parser.add_argument("--project-dir", type=Path, help="the dbt project (default: at or above the working directory)")
    arguments = parser.parse_args(argv)
    project = contract.find_project_dir(arguments.project_dir or Path.cwd())
    work: Path = (arguments.work or project / "target" / "profile").resolve()
    work.mkdir(parents=True, exist_ok=True)
    database = work / "warehouse.duckdb"
    corpus = arguments.corpus.resolve() if arguments.corpus else None
    plan = json.loads(compile_plan(corpus, work, database, project).read_text())
    started = time.perf_counter()
    timings = sorted(run_plan(plan, fresh(database), project), reverse=True)
    total = time.perf_counter() - started
    models = sum(seconds for seconds, _ in timings)
    print(
        f"{'seconds':>8} {'share':>6}  model   (direct run {total:.2f} s, of which models {models:.2f} s; "
        f"{len(timings)} models, {THREADS} threads; share of the models' time)"
    )
    for seconds, name in timings:
        print(f"{seconds:8.2f} {seconds / models:6.1%}  {name}")
    if arguments.explain:
        explain(plan, database, [name for _, name in timings[: arguments.explain]], work / "explain")
        print(f"EXPLAIN ANALYZE of the {arguments.explain} slowest: {work / 'explain'}")


if __name__ == "__main__":
    main()
