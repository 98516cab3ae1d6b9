"""Run dbt invocations in fresh processes forked from one that has already imported dbt.

Importing dbt-core and the DuckDB adapter takes about two seconds, and the tests invoke dbt about a
hundred times. A test worker starts this module once (`python -m dbt_forks` with the tests directory
on the path); it imports dbt, then reads one request per line on stdin: {"cwd", "env", "args",
"output"}. For each it forks a child that takes the request's directory and environment, runs dbt's
command line with the arguments (what the `dbt` executable runs), writes dbt's output to the
request's file and exits with dbt's exit code. The child is a new process in a new session, as a
subprocess would be: nothing of one invocation (open DuckDB files, dbt's global state) survives into
the next, and `os.killpg` stops it. The parent answers two lines per request: {"pid"} when the child
starts, {"returncode"} when it ends.

Before serving, the server parses the repository's project twice (`warm_up`): what dbt builds on first
use in a process (about 0.8 s of each invocation) is then inherited by every child instead of rebuilt.
Forking is safe because nothing the parent ran left a thread behind (the warm-up checks it) or a
database open: parsing opens none. MARKET_SIZING_TEST_WARM_UP=0 skips the warm-up.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any

# Imported here so that every forked child has them already: the adapter, the build task, DuckDB.
import dbt.adapters.duckdb
import dbt.cli.main
import dbt.task.build
import duckdb  # noqa: F401


def exit_code(error: SystemExit) -> int:
    if error.code is None:
        return 0
    return error.code if isinstance(error.code, int) else 1


def run_child(request: dict[str, Any]) -> None:
    """In the forked child: become the dbt process the request asks for; never returns. It ends as the
    `dbt` executable does, with the exit functions registered (dbt-duckdb's closes, and so checkpoints,
    the database it left open), and then leaves at once: the interpreter's own teardown of what the
    parent started is not the child's to run."""
    code = 1
    try:
        os.setsid()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        output = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(output, 1)
        os.dup2(output, 2)
        os.close(output)
        sys.argv = ["dbt", *request["args"]]
        dbt.cli.main.cli(prog_name="dbt")
        code = 0
    except SystemExit as error:
        code = exit_code(error)
    except BaseException:  # anything else: reported as the dbt executable would, then the child exits
        traceback.print_exc()
    try:
        atexit._run_exitfuncs()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def native_threads() -> int:
    """Threads of this process, native ones included (importing DuckDB starts one of its own)."""
    return len(os.listdir(f"/proc/{os.getpid()}/task"))


def warm_up() -> None:
    """Parse the repository's project twice in this process (the second time from the parse state the
    first wrote), with its target and logs in a temporary directory: what dbt builds on first use
    (the JSON schemas of its configuration, mashumaro's generated (de)serialisers, the adapter plugin)
    is then built once, and every child starts with it. Parsing opens no database. dbt's static parser
    (dbt_extractor) starts a Rust thread pool that a forked child would wait on forever, so the warm-up
    parses without it; any thread the warm-up leaves behind stops the server, as forking would not be
    safe."""
    repository = Path(__file__).resolve().parents[2]
    before = native_threads()
    with tempfile.TemporaryDirectory(prefix="dbt-forks-warm-up-") as scratch:
        saved = dict(os.environ)
        os.environ.update({"DBT_PROFILES_DIR": str(repository), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
        try:
            for _ in range(2):
                dbt.cli.main.dbtRunner().invoke(
                    [
                        "parse",
                        "--quiet",
                        "--no-static-parser",
                        "--project-dir",
                        str(repository),
                        "--target-path",
                        scratch,
                        "--log-path",
                        scratch,
                    ]
                )
        finally:
            os.environ.clear()
            os.environ.update(saved)
    if native_threads() != before:
        raise RuntimeError(f"the warm-up left {native_threads() - before} threads running: forking is not safe")


def serve() -> None:
    if os.environ.get("MARKET_SIZING_TEST_WARM_UP", "1") != "0":
        warm_up()
    for line in sys.stdin:
        request = json.loads(line)
        child = os.fork()
        if child == 0:
            run_child(request)
        print(json.dumps({"pid": child}), flush=True)
        _, status = os.waitpid(child, 0)
        print(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    serve()
