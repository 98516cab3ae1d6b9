"""Benchmark `dbt build` on corpora of growing size against the DuckDB floor under it.

For the shipped seeds and for generated corpora of N reports (market_sizing.benchmark.generate_corpus),
side by side in one run, `--runs` times each:

    dbt      `dbt build` into a fresh database: wall time and peak memory (maxrss of the dbt
             process, from os.wait4; dbt runs DuckDB in-process, so that is the whole tree),
             after one untimed `dbt parse`, so each build parses partially as repeated builds do;
    direct   the same compiled SQL of every model (from `dbt compile`'s manifest), run in
             dependency order in one DuckDB connection as `create table|view ... as`, in a
             child process measured the same way: the floor dbt's work sits on;

then the rows of every mart and p50/p95 latencies of typical dashboard queries against the
database dbt built. Prints one table of medians, and writes every measurement as JSON.

The dbt project is the one at or above the working directory (`--project-dir` names another):

    python -m market_sizing.benchmark.run_benchmark --sizes 1000 10000 100000 --runs 3
    market-sizing-benchmark --sizes 1000 10000 100000 --runs 3   # the same, as the package's command
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

import duckdb
import yaml

from market_sizing import contract
from market_sizing.memory_limit import memory_limit

BIN = Path(sys.executable).parent
THREADS = os.environ.get("MARKET_SIZING_THREADS", "2")
QUERY_REPEATS = 200


def profile_settings(project: Path) -> dict[str, object]:
    """The DuckDB settings of the project's dbt profile (profiles.yml, target dev): the direct run uses
    them too, so that it is the same floor."""
    profile = yaml.safe_load((project / "profiles.yml").read_text(encoding="utf-8"))
    return dict(profile["market_sizing"]["outputs"]["dev"].get("settings") or {})


DASHBOARD_QUERIES = {
    "yearly series of a report": (
        "select year, market_size_usd_bn, yoy_growth_pct, basis from marts.fct_market_size_yearly "
        "where report_id = $report_id order by year"
    ),
    "regional revenue, report x year": (
        "select region_id, share_pct, revenue_usd_bn, basis from marts.fct_regional_revenue "
        "where report_id = $report_id and year = $year order by region_id"
    ),
    "comparison for a year (top 50)": (
        "select report_id, publisher, market_size_usd_bn, basis, size_rank, median_market_size_usd_bn "
        "from marts.fct_market_comparison where year = $year order by size_rank, report_id limit 50"
    ),
    "reconciliation list (top 100)": (
        "with worst as (select report_id, figure_id, stated_cagr_pct, implied_cagr_pct, difference_pp "
        "from marts.fct_cagr_reconciliation where not is_consistent "
        "order by abs(difference_pp) desc, figure_id limit 100) "
        "select reports.publisher, worst.report_id, worst.stated_cagr_pct, worst.implied_cagr_pct, worst.difference_pp "
        "from worst inner join marts.dim_reports as reports on worst.report_id = reports.report_id "
        "order by abs(worst.difference_pp) desc, worst.figure_id"
    ),
}


@dataclass(frozen=True)
class Measurement:
    """One process: wall seconds and peak resident memory in MiB."""

    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Result:
    label: str
    reports: int
    dbt: list[Measurement]
    direct: list[Measurement]
    mart_rows: dict[str, int]
    query_ms: dict[str, tuple[float, float]]


def measure(
    command: list[str], project: Path, env: dict[str, str] | None = None, log: Path | None = None
) -> Measurement:
    """Run `command` in `project` to completion; wall time and the maxrss of the process (and its waited children)."""
    output = log.open("w") if log else subprocess.DEVNULL
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if log:
        output.close()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}); see {log}")
    return Measurement(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def dbt_env(database: Path, project: Path) -> dict[str, str]:
    """dbt builds in `database` and publishes and exports beside it (published.duckdb, exports/), never
    to the user's files."""
    return {
        **os.environ,
        "MARKET_SIZING_BUILD_DB": str(database),
        "MARKET_SIZING_DB": str(database.with_name("published.duckdb")),
        "MARKET_SIZING_EXPORTS": str(database.with_name("exports")),
        "DBT_PROFILES_DIR": str(project),
    }


def dbt_args(corpus: Path | None) -> list[str]:
    return ["--vars", json.dumps({"corpus_dir": str(corpus)})] if corpus else []


def fresh(database: Path) -> Path:
    for path in (database, database.with_name(database.name + ".wal")):
        path.unlink(missing_ok=True)
    return database


def compile_plan(corpus: Path | None, work: Path, database: Path, project: Path) -> Path:
    """`dbt compile` against `database`, then the models in dependency order with their compiled SQL, as JSON."""
    target_path = work / "compile_target"
    subprocess.run(
        [str(BIN / "dbt"), "compile", "--target-path", str(target_path), *dbt_args(corpus)],
        cwd=project,
        env=dbt_env(database, project),
        check=True,
        capture_output=True,
    )
    manifest = json.loads((target_path / "manifest.json").read_text())
    models = {key: node for key, node in manifest["nodes"].items() if node["resource_type"] == "model"}
    ordered: list[str] = []

    def visit(key: str) -> None:
        if key in ordered:
            return
        for parent in models[key]["depends_on"]["nodes"]:
            if parent in models:
                visit(parent)
        ordered.append(key)

    for key in sorted(models):
        visit(key)
    seeds = (
        []
        if corpus
        else [
            {"schema": node["schema"], "name": node["alias"], "path": str(project / node["original_file_path"])}
            for node in manifest["nodes"].values()
            if node["resource_type"] == "seed"
        ]
    )
    plan = {
        "seeds": seeds,
        "models": [
            {
                "schema": models[key]["schema"],
                "name": models[key]["alias"],
                "kind": "view" if models[key]["config"]["materialized"] == "view" else "table",
                "sql": models[key]["compiled_code"],
            }
            for key in ordered
        ],
    }
    path = work / "plan.json"
    path.write_text(json.dumps(plan))
    return path


Plan = dict[str, list[dict[str, str]]]


def run_plan(plan: Plan, database: Path, project: Path) -> list[tuple[float, str]]:
    """Run the plan in one DuckDB connection with the profile's settings: load the seeds (if any), then
    create every model in order; (seconds, model) of each model."""
    limit = memory_limit()
    settings = {"threads": int(THREADS), **profile_settings(project), **({"memory_limit": limit} if limit else {})}
    connection = duckdb.connect(str(database), config=settings)
    for seed in plan["seeds"]:
        connection.execute(f"create schema if not exists {seed['schema']}")
        connection.execute(
            f"create table {seed['schema']}.{seed['name']} as "  # noqa: S608 - names from the manifest
            f"select * from read_csv('{seed['path']}', header = true, all_varchar = true)"
        )
    timings: list[tuple[float, str]] = []
    for model in plan["models"]:
        connection.execute(f"create schema if not exists {model['schema']}")
        started = time.perf_counter()
        connection.execute(f"create {model['kind']} {model['schema']}.{model['name']} as {model['sql']}")
        timings.append((time.perf_counter() - started, model["name"]))
    connection.close()
    return timings


def run_direct(plan_path: Path, database: Path) -> None:
    """Child process: run the plan (what dbt's models cost without dbt)."""
    run_plan(json.loads(plan_path.read_text()), database, contract.find_project_dir(Path.cwd()))


def mart_rows(database: Path) -> dict[str, int]:
    with duckdb.connect(str(database), read_only=True) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
            ).fetchall()
        ]
        return {name: connection.execute(f"select count(*) from marts.{name}").fetchone()[0] for name in names}  # noqa: S608


def query_latencies(database: Path) -> dict[str, tuple[float, float]]:
    """p50 and p95 in milliseconds of each dashboard query, for a report and year in the middle."""
    with duckdb.connect(str(database), read_only=True, config={"threads": int(THREADS)}) as connection:
        subjects = connection.execute(
            "select report_id, min(year) from marts.fct_regional_revenue group by report_id order by report_id"
        ).fetchall()
        report_id, year = subjects[len(subjects) // 2]
        parameters = {"report_id": report_id, "year": year}
        latencies: dict[str, tuple[float, float]] = {}
        for name, sql in DASHBOARD_QUERIES.items():
            used = {key: value for key, value in parameters.items() if f"${key}" in sql}
            timings = []
            for repeat in range(QUERY_REPEATS + 5):
                started = time.perf_counter()
                connection.execute(sql, used).fetchall()
                if repeat >= 5:  # the first runs warm the buffer pool
                    timings.append((time.perf_counter() - started) * 1000)
            quantiles = statistics.quantiles(timings, n=100, method="inclusive")
            latencies[name] = (statistics.median(timings), quantiles[94])
    return latencies


def benchmark(label: str, reports: int, corpus: Path | None, runs: int, work: Path, project: Path) -> Result:
    # Both databases are named warehouse.duckdb: compiled SQL names its catalog after the file.
    for directory in ("dbt", "direct"):
        (work / directory).mkdir(parents=True, exist_ok=True)
    plan = compile_plan(corpus, work, work / "direct" / "warehouse.duckdb", project)
    # One untimed `dbt parse` with the build's own profile and vars, so that every timed build
    # starts as a repeated build does (partial parsing), not with a full parse.
    dbt_target = work / "dbt_target"
    subprocess.run(
        [str(BIN / "dbt"), "parse", "--target-path", str(dbt_target), *dbt_args(corpus)],
        cwd=project,
        env=dbt_env(work / "dbt" / "warehouse.duckdb", project),
        check=True,
        capture_output=True,
    )
    dbt_runs: list[Measurement] = []
    direct_runs: list[Measurement] = []
    for run in range(runs):
        database = fresh(work / "dbt" / "warehouse.duckdb")
        dbt_runs.append(
            measure(
                [str(BIN / "dbt"), "build", "--target-path", str(dbt_target), *dbt_args(corpus)],
                project,
                env=dbt_env(database, project),
                log=work / f"dbt_build_{run}.log",
            )
        )
        direct_runs.append(
            measure(
                [
                    sys.executable,
                    "-m",
                    "market_sizing.benchmark.run_benchmark",
                    "direct",
                    str(plan),
                    str(fresh(work / "direct" / "warehouse.duckdb")),
                ],
                project,
                log=work / f"direct_{run}.log",
            )
        )
        print(
            f"  {label} run {run + 1}: dbt {dbt_runs[-1].seconds:.2f} s, direct {direct_runs[-1].seconds:.2f} s",
            file=sys.stderr,
        )
    database = work / "dbt" / "warehouse.duckdb"
    return Result(label, reports, dbt_runs, direct_runs, mart_rows(database), query_latencies(database))


def machine() -> str:
    memory_kib = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    versions = {name: metadata.version(name) for name in ("dbt-core", "dbt-duckdb", "duckdb")}
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"nproc {os.cpu_count()}, {memory_kib / 1024 / 1024:.1f} GiB memory, CPU {cpu}; "
        f"{platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, "
        + ", ".join(f"{name} {version}" for name, version in versions.items())
        + f"; dbt threads {THREADS}; load average at the end {load}"
    )


@dataclass(frozen=True)
class WarmBuilds:
    """Warm `dbt build`s of this project and of a reference project, alternated run by run."""

    reference: str
    ours: list[Measurement]
    theirs: list[Measurement]


def warm_builds(project: Path, reference: Path, runs: int, work: Path) -> WarmBuilds:
    """Each project built once untimed (its database and partial-parse state exist, as after any earlier
    build), then `runs` timed builds of each, alternating; both with the same number of threads."""
    work.mkdir(parents=True, exist_ok=True)
    ours_env = dbt_env(work / "warehouse.duckdb", project)
    ours = [str(BIN / "dbt"), "build", "--target-path", str(work / "target")]
    theirs_env = {**os.environ, "DBT_PROFILES_DIR": str(reference)}
    theirs = [str(BIN / "dbt"), "build", "--threads", THREADS]
    for command, env, directory in ((ours, ours_env, project), (theirs, theirs_env, reference)):
        subprocess.run(command, cwd=directory, env=env, check=True, capture_output=True)
    result = WarmBuilds(reference.name, [], [])
    for run in range(runs):
        result.ours.append(measure(ours, project, env=ours_env, log=work / f"ours_{run}.log"))
        result.theirs.append(measure(theirs, reference, env=theirs_env, log=work / f"reference_{run}.log"))
    return result


def warm_table(warm: WarmBuilds) -> str:
    ours, theirs = median([m.seconds for m in warm.ours]), median([m.seconds for m in warm.theirs])
    return "\n".join(
        [
            f"Warm `dbt build`, medians of {len(warm.ours)} alternating runs, {THREADS} threads each:",
            "",
            "| project | warm build s | runs s | ratio |",
            "|---|---:|---|---:|",
            f"| market_sizing (shipped seeds) | {ours:.2f} | {', '.join(f'{m.seconds:.2f}' for m in warm.ours)} | "
            f"{ours / theirs:.2f} |",
            f"| {warm.reference} | {theirs:.2f} | {', '.join(f'{m.seconds:.2f}' for m in warm.theirs)} | 1.00 |",
        ]
    )


def median(values: list[float]) -> float:
    return statistics.median(values)


def table(results: list[Result], runs: int) -> str:
    query_names = list(DASHBOARD_QUERIES)
    lines = [
        f"Medians of {runs} runs, side by side. Queries: p50 / p95 in ms over {QUERY_REPEATS} runs each: "
        + "; ".join(f"Q{index} {name}" for index, name in enumerate(query_names, start=1))
        + ".",
        "",
        "| input | reports | dbt build s | direct DuckDB s | ratio | dbt peak MiB | direct peak MiB | "
        "s per 1k reports | mart rows | "
        + " | ".join(f"Q{index} ms" for index in range(1, len(query_names) + 1))
        + " |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|" + "---:|" * len(query_names),
    ]
    for result in results:
        dbt_s = median([m.seconds for m in result.dbt])
        direct_s = median([m.seconds for m in result.direct])
        rows = ", ".join(f"{name} {count:,}" for name, count in result.mart_rows.items())
        per_k = f"{dbt_s / result.reports * 1000:.3f}" if result.reports >= 1000 else "-"
        queries = " | ".join(f"{p50:.2f} / {p95:.2f}" for p50, p95 in result.query_ms.values())
        lines.append(
            f"| {result.label} | {result.reports:,} | {dbt_s:.2f} | {direct_s:.2f} | {dbt_s / direct_s:.2f} | "
            f"{median([m.peak_mib for m in result.dbt]):.0f} | {median([m.peak_mib for m in result.direct]):.0f} | "
            f"{per_k} | {rows} | {queries} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) == 3 and argv[0] == "direct":
        run_direct(Path(argv[1]), Path(argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000], help="corpus sizes (reports)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (medians are reported)")
    parser.add_argument("--seed", type=int, default=20261125, help="seed of the generated corpora")
    parser.add_argument("--work", type=Path, help="scratch directory (default: target/benchmark of the project)")
    parser.add_argument(
        "--project-dir", type=Path, help="the dbt project to build (default: at or above the working directory)"
    )
    parser.add_argument(
        "--reference",
        type=Path,
        help="a reference dbt project on DuckDB (e.g. a checkout of dbt-labs/jaffle_shop_duckdb) to time warm "
        "builds against, side by side",
    )
    arguments = parser.parse_args(argv)
    try:
        project = contract.find_project_dir(arguments.project_dir or Path.cwd())
    except FileNotFoundError as error:
        parser.error(str(error))
    work: Path = (arguments.work or project / "target" / "benchmark").resolve()
    if work.exists():
        shutil.rmtree(work)
    shipped_reports = sum(1 for _ in (project / "seeds" / "reports.csv").open()) - 1
    results = [benchmark("shipped seeds (dbt seed)", shipped_reports, None, arguments.runs, work / "seeds", project)]
    for size in arguments.sizes:
        corpus = work / f"corpus_{size}"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "market_sizing.benchmark.generate_corpus",
                "--project-dir",
                str(project),
                "--reports",
                str(size),
                "--seed",
                str(arguments.seed),
                "--out",
                str(corpus),
            ],
            check=True,
            capture_output=True,
        )
        results.append(benchmark("corpus (read_csv)", size, corpus, arguments.runs, work / f"run_{size}", project))
    warm = None
    if arguments.reference:
        warm = warm_builds(project, arguments.reference.resolve(), arguments.runs, work / "warm")
    print(f"Machine: {machine()}\n")
    print(table(results, arguments.runs))
    if warm:
        print()
        print(warm_table(warm))
    measured = {"results": [asdict(result) for result in results], "warm": asdict(warm) if warm else None}
    (work / "results.json").write_text(json.dumps(measured, indent=2))


if __name__ == "__main__":
    main()
