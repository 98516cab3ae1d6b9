{#-
    Exports: every mart as Parquet and as CSV under `exports/` (MARKET_SIZING_EXPORTS), for tools
    that read files (Power BI, Tableau, Excel, pandas, Polars). Called by the publish step right
    after the published file was swapped in, so the exports always hold the published marts.
    A new version is written whole into `.exports/<invocation id>/`, then the `exports` link is
    pointed at it with one atomic rename: a reader sees the previous version or the new one, never
    half of one. Rows are in the same fixed order as in the published file.
-#}

{% macro exports_path() -%}
    {{ return(env_var('MARKET_SIZING_EXPORTS', 'exports')) }}
{%- endmacro %}

{% macro export_marts() %}
    {%- set link = exports_path() %}
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
        {%- do run_query("copy " ~ rows ~ " to " ~ sql_string(directory ~ '/' ~ node.alias ~ '.csv') ~ " (format csv, header true)") %}
    {%- endfor %}
    {%- do run_query("detach market_sizing_exported") %}
    {%- do run_query(
        "select market_sizing_swap_directory(" ~ sql_string(link) ~ ", " ~ sql_string(invocation_id) ~ ")") %}
    {{ log("market_sizing: EXPORTED " ~ (mart_nodes() | length) ~ " marts as Parquet and CSV to " ~ link ~ "/", info=true) }}
{% endmacro %}
