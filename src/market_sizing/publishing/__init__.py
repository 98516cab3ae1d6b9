"""Publishing the warehouse (write-audit-publish), entered once from dbt's on-run-end hook.

- `settings`: the published and exports paths (their defaults are stated there only);
- `layout`: the stable name readers open, a symbolic link to one immutable file per build;
- `target`: what MARKET_SIZING_DB may name, and which leftovers the project removes;
- `request`: what dbt hands over (the run's verdict, the marts, the run's identity);
- `build_file`: writes a new build file (marts, column comments, meta.build_info);
- `changes`: what changed since the previous publish (meta.changes, meta.change_summary);
- `exports`: the marts and the changes as Parquet and CSV files;
- `export_directories`: one marked directory per export run, swapped in behind the exports link;
- `workbook`: the marts as one Excel workbook with an About sheet;
- `publish`: the step itself, in order; `show_changes`: `make changes`.
"""
