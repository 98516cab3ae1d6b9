{#-
    Write-audit-publish. dbt builds and tests in the build database (profiles.yml). At the end of
    the run (on-run-end) this macro copies every mart, rows in a fixed order, into a new file beside
    the published one and swaps it in with one atomic rename, and only when:
      - the command was `dbt build` (models and their tests ran together),
      - nothing was selected or excluded (the whole warehouse was rebuilt), and
      - no node failed, errored or was skipped.
    Readers that hold the old file keep a consistent snapshot; new connections see the new build.
-#}

{% macro published_database_path() -%}
    {{ return(env_var('MARKET_SIZING_DB', 'market_sizing.duckdb')) }}
{%- endmacro %}

{% macro publish_warehouse(results) %}
    {{ return(adapter.dispatch('publish_warehouse', 'market_sizing')(results)) }}
{% endmacro %}

{% macro default__publish_warehouse(results) %}
    {%- if execute %}
        {{ log("market_sizing: publishing is for the duckdb target; " ~ target.type ~ " builds are not published.", info=true) }}
    {%- endif %}
    select 1 as not_published
{% endmacro %}

{% macro publish_refusal(results) -%}
    {#- Why this invocation must not publish, or none. -#}
    {%- if flags.WHICH != 'build' -%}
        {{ return("`dbt " ~ flags.WHICH ~ "` does not run every test, so it does not publish") }}
    {%- endif -%}
    {%- set args = invocation_args_dict -%}
    {%- if args.get('select') or args.get('exclude') or args.get('selector') or args.get('empty') -%}
        {{ return("a partial build (--select, --exclude, --selector or --empty) does not publish") }}
    {%- endif -%}
    {%- set failed = [] -%}
    {%- for result in results -%}
        {%- if result.status in ['error', 'fail', 'runtime error', 'skipped'] -%}
            {%- do failed.append(result.node.name ~ ' (' ~ result.status ~ ')') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if failed -%}
        {{ return(failed | length ~ " node(s) failed or were skipped: " ~ (failed[:5] | join(', ')) ~ (', ...' if failed | length > 5 else '')) }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

{% macro mart_nodes() -%}
    {%- set marts = [] -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.schema == 'marts' -%}
        {%- do marts.append(node) -%}
    {%- endfor -%}
    {{ return(marts | sort(attribute='name')) }}
{%- endmacro %}

{% macro duckdb__publish_warehouse(results) %}
    {%- if execute %}
        {%- set published = published_database_path() %}
        {%- set refusal = publish_refusal(results) %}
        {%- if refusal %}
            {{ log("market_sizing: NOT PUBLISHED: " ~ refusal ~ ". The published warehouse " ~ published ~ " was left as it was.", info=true) }}
        {%- else %}
            {%- set staging_file = published ~ '.publishing' %}
            {%- set seed_paths = input_file_spec().keys() | list %}
            {%- do run_query("select market_sizing_remove_file(" ~ sql_string(staging_file) ~ ")") %}
            {%- do run_query("attach " ~ sql_string(staging_file) ~ " as market_sizing_publish") %}
            {%- do run_query("create schema market_sizing_publish.marts") %}
            {%- do run_query("create schema market_sizing_publish.meta") %}
            {%- for node in mart_nodes() %}
                {%- set relation = api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias) %}
                {%- do run_query(
                    "create table market_sizing_publish.marts." ~ adapter.quote(node.alias)
                    ~ " as select * from " ~ relation ~ " order by all") %}
                {%- do run_query(
                    "comment on table market_sizing_publish.marts." ~ adapter.quote(node.alias)
                    ~ " is " ~ sql_string(node.description | trim)) %}
                {#- Column descriptions travel with the file, for BI tools that show them. -#}
                {%- set column_comments = [] %}
                {%- for column in node.columns.values() if column.description %}
                    {%- do column_comments.append(
                        "comment on column market_sizing_publish.marts." ~ adapter.quote(node.alias) ~ "."
                        ~ adapter.quote(column.name) ~ " is " ~ sql_string(column.description | trim)) %}
                {%- endfor %}
                {%- if column_comments %}
                    {%- do run_query(column_comments | join(";\n")) %}
                {%- endif %}
            {%- endfor %}
            {%- do run_query(
                "create table market_sizing_publish.meta.build_info as select"
                ~ " cast(now() at time zone 'UTC' as timestamp) as built_at_utc,"
                ~ " market_sizing_git_commit('.') as git_commit,"
                ~ " market_sizing_inputs_digest(" ~ sql_string(tojson(seed_paths)) ~ ") as inputs_sha256,"
                ~ " " ~ sql_string(dbt_version) ~ " as dbt_version,"
                ~ " version() as duckdb_version,"
                ~ " " ~ sql_string(invocation_id) ~ " as invocation_id") %}
            {%- do run_query("detach market_sizing_publish") %}
            {%- do run_query(
                "select market_sizing_replace_file(" ~ sql_string(staging_file) ~ ", " ~ sql_string(published) ~ ")") %}
            {{ log("market_sizing: PUBLISHED " ~ (mart_nodes() | length) ~ " marts to " ~ published ~ " (every model and test of this build passed).", info=true) }}
            {#- Exports (macros/export.sql): the published marts as Parquet and CSV files. -#}
            {%- do export_marts() %}
        {%- endif %}
    {%- endif %}
    select 1 as publish_step
{% endmacro %}
