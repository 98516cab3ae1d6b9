"""Checks of the project's own files, run by make before and beside dbt.

- `input_files`: structural checks of the input CSV files (encoding, header, one value per column),
  run by `make build` before dbt and by the dbt plugin on-run-start;
- `sql_structure`: the model layout rules sqlfluff has no rule for (`make lint-sql`);
- `doc_coverage`: documentation coverage of the dbt project, from manifest.json and catalog.json.
"""
