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

The fork happens before any dbt code runs and before any thread starts, which is what makes forking
safe here.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import traceback
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


def serve() -> None:
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
