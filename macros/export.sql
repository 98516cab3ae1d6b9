{#-
    Exports: every mart as Parquet and as CSV, and all of them in one Excel workbook, under `exports/`
    (MARKET_SIZING_EXPORTS), for tools that read files (Power BI, Tableau, Excel, pandas, Polars).
    Called by the publish step right after the published file was swapped in, so the exports always
    hold the published marts. A new run is written whole into `.exports/<invocation id>/` (marked as
    the project's own), then the `exports` link is pointed at it with one atomic rename: a reader
    sees the previous run or the new one, never half of one. Rows are in the same fixed order as in
    the published file. Whatever sits at the exports path that the project did not create (a
    directory or file, a link elsewhere) is left alone, and the build says NOT EXPORTED.
-#}

{% macro exports_path() -%}
    {{ return(env_var('MARKET_SIZING_EXPORTS', 'exports')) }}
{%- endmacro %}

{% macro csv_text(column) -%}
    {#- Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe. -#}
    case when left({{ column }}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || {{ column }} else {{ column }} end
{%- endmacro %}

{% macro csv_export_columns(database, table) -%}
    {#- The select list of a mart's CSV export: text columns through csv_text, the others as they are. -#}
    {%- set columns = run_query(
        "select column_name, data_type from duckdb_columns() where database_name = " ~ sql_string(database)
        ~ " and schema_name = 'marts' and table_name = " ~ sql_string(table) ~ " order by column_index") %}
    {%- set expressions = [] %}
    {%- for column_name, data_type in columns.rows %}
        {%- set quoted = adapter.quote(column_name) %}
        {%- do expressions.append(csv_text(quoted) ~ " as " ~ quoted if data_type == 'VARCHAR' else quoted) %}
    {%- endfor %}
    {{ return(expressions | join(', ')) }}
{%- endmacro %}

{% macro export_marts() %}
    {%- set link = exports_path() %}
    {%- set refusal = run_query("select market_sizing_exports_refusal(" ~ sql_string(link) ~ ")").columns[0].values()[0] %}
    {%- if refusal %}
        {{ log("market_sizing: NOT EXPORTED: " ~ refusal, info=true) }}
        {{ return(none) }}
    {%- endif %}
    {%- set directory = run_query(
        "select market_sizing_prepare_directory(" ~ sql_string(link) ~ ", " ~ sql_string(invocation_id) ~ ")"
    ).columns[0].values()[0] %}
    {#-
        Read the file just published, whose tables were written in their fixed order: a scan keeps
        that order (preserve_insertion_order), so the exports need no sort of their own.
    -#}
    {%- do run_query("attach " ~ sql_string(published_database_path()) ~ " as market_sizing_exported (read_only)") %}
    {%- for node in mart_nodes() %}
        {%- set rows = "market_sizing_exported.marts." ~ adapter.quote(node.alias) %}
        {%- do run_query("copy " ~ rows ~ " to " ~ sql_string(directory ~ '/' ~ node.alias ~ '.parquet') ~ " (format parquet)") %}
        {%- set csv_rows = "(select " ~ csv_export_columns('market_sizing_exported', node.alias) ~ " from " ~ rows ~ ")" %}
        {%- do run_query("copy " ~ csv_rows ~ " to " ~ sql_string(directory ~ '/' ~ node.alias ~ '.csv') ~ " (format csv, header true)") %}
    {%- endfor %}
    {%- do run_query("detach market_sizing_exported") %}
    {#- The workbook: skipped, with the reason logged, when the marts hold more cells than the limit. -#}
    {%- set workbook_skipped = run_query(
        "select market_sizing_write_workbook(" ~ sql_string(published_database_path()) ~ ", "
        ~ sql_string(directory ~ '/market_sizing.xlsx') ~ ", 'models/_docs.md', "
        ~ sql_string(env_var('MARKET_SIZING_WORKBOOK_MAX_CELLS', '1000000')) ~ ")"
    ).columns[0].values()[0] %}
    {%- do run_query(
        "select market_sizing_swap_directory(" ~ sql_string(link) ~ ", " ~ sql_string(invocation_id) ~ ")") %}
    {%- if workbook_skipped %}
        {{ log("market_sizing: EXPORTED " ~ (mart_nodes() | length) ~ " marts as Parquet and CSV to " ~ link ~ "/ (" ~ workbook_skipped ~ ")", info=true) }}
    {%- else %}
        {{ log("market_sizing: EXPORTED " ~ (mart_nodes() | length) ~ " marts as Parquet, CSV and one Excel workbook (market_sizing.xlsx) to " ~ link ~ "/", info=true) }}
    {%- endif %}
{% endmacro %}
