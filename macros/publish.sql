{#-
    Write-audit-publish. dbt builds and tests in the build database (profiles.yml). At the end of
    the run (on-run-end) this macro copies every mart, rows in a fixed order, into a new file beside
    the published one and swaps it in with one atomic rename, and only when:
      - every enabled model, seed, data test and unit test of the project ran in this invocation
        (decided from the run's results against the project's graph, whatever the command line,
        selectors, resource-type filters or DBT_* environment settings were),
      - no node failed, errored or was skipped, and no run on other data (--empty, --sample, --defer),
      - MARKET_SIZING_DB names a file the project published, or a new file (macro check_publish_target).
    Readers that hold the old file keep a consistent snapshot; new connections see the new build.
-#}

{% macro published_database_path() -%}
    {{ return(env_var('MARKET_SIZING_DB', 'market_sizing.duckdb')) }}
{%- endmacro %}

{% macro check_publish_target() %}
    {#- Refuses a MARKET_SIZING_DB that is not the project's (plugins/market_sizing_publish.py). -#}
    {%- if execute and target.type == 'duckdb' %}
        {%- set refusal = run_query(
            "select market_sizing_check_publish_target(" ~ sql_string(published_database_path()) ~ ", "
            ~ sql_string(target.path) ~ ")").columns[0].values()[0] %}
        {%- if refusal %}
            {{ exceptions.raise_compiler_error(refusal) }}
        {%- endif %}
    {%- endif %}
    select 1 as publish_target_checked
{% endmacro %}

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
    {#-
        Why this invocation must not publish, or none. Decided by what ran, not by the command
        line: every enabled model, seed, data test and unit test of the project must be in this
        run's results and have passed (a test may warn). Any selector, resource-type filter or
        environment setting that leaves a node out shows up here as a node that did not run.
        Runs that execute every node on other data (--empty, --sample, --defer) never publish.
    -#}
    {%- set args = invocation_args_dict -%}
    {%- for flag in ['empty', 'sample', 'defer'] if args.get(flag) -%}
        {{ return("`--" ~ flag ~ "` builds on other data than the whole input, so it does not publish") }}
    {%- endfor -%}
    {%- set expected = project_node_ids() -%}
    {%- if expected is string -%}
        {{ return(expected) }}
    {%- endif -%}
    {%- set outcome = {} -%}
    {%- for result in results -%}
        {%- do outcome.update({result.node.unique_id: result.status | string}) -%}
        {#- A failed on-run-start check (vars, input files, publish target) stops nothing else in
            dbt, so its hook result is checked here. -#}
        {%- if result.node.resource_type == 'operation' and (result.status | string) not in ['success', 'pass'] -%}
            {{ return("the check " ~ result.node.name ~ " failed: " ~ (result.message or result.status)) }}
        {%- endif -%}
    {%- endfor -%}
    {%- set missing = [] -%}
    {%- set missing_by_kind = {} -%}
    {%- set failed = [] -%}
    {%- for unique_id in expected | sort -%}
        {%- set parts = unique_id.split('.') -%}
        {%- set label = parts[0] ~ ' ' ~ (parts[2:] | join('.') if parts[0] == 'unit_test' else parts[2]) -%}
        {%- if unique_id not in outcome -%}
            {%- do missing.append(label) -%}
            {%- do missing_by_kind.update({parts[0]: missing_by_kind.get(parts[0], 0) + 1}) -%}
        {%- elif outcome[unique_id] not in ['success', 'pass', 'warn'] -%}
            {%- do failed.append(label ~ ' (' ~ outcome[unique_id] ~ ')') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if missing -%}
        {%- if flags.WHICH != 'build' -%}
            {%- set cause = "`dbt " ~ flags.WHICH ~ "` does not run every test, so it does not publish" -%}
        {%- elif args.get('select') or args.get('exclude') or args.get('selector') -%}
            {%- set cause = "a partial build (--select, --exclude or --selector) does not publish" -%}
        {%- elif args.get('resource_types') or args.get('exclude_resource_types') -%}
            {%- set cause = "a build filtered by resource type (--resource-type, --exclude-resource-type or DBT_EXCLUDE_RESOURCE_TYPES) does not publish" -%}
        {%- else -%}
            {%- set cause = "not every node of the project ran, so this build does not publish" -%}
        {%- endif -%}
        {%- set kinds = [] -%}
        {%- for kind in ['model', 'seed', 'test', 'unit_test'] if missing_by_kind.get(kind) -%}
            {%- do kinds.append(missing_by_kind[kind] ~ ' ' ~ kind ~ ('s' if missing_by_kind[kind] > 1 else '')) -%}
        {%- endfor -%}
        {{ return(cause ~ ": " ~ missing | length ~ " of the project's " ~ expected | length
            ~ " models, seeds, tests and unit tests did not run (" ~ kinds | join(', ') ~ "), e.g. "
            ~ (missing[:5] | join(', '))) }}
    {%- endif -%}
    {%- if failed -%}
        {{ return(failed | length ~ " node(s) failed or were skipped: " ~ (failed[:5] | join(', ')) ~ (', ...' if failed | length > 5 else '')) }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

{% macro project_node_ids() -%}
    {#-
        Unique ids of every enabled model, seed, data test and unit test of this project, or a
        string saying why they cannot be known. The Jinja graph holds no unit tests, so they are
        read from the manifest this invocation wrote (checked by its invocation id).
    -#}
    {%- set ids = [] -%}
    {%- for unique_id, node in graph.nodes.items()
        if node.package_name == project_name and node.resource_type in ['model', 'seed', 'test'] -%}
        {%- do ids.append(unique_id) -%}
    {%- endfor -%}
    {%- set manifest = (flags.TARGET_PATH or 'target') ~ '/manifest.json' -%}
    {%- set unit_tests = fromjson(run_query(
        "select market_sizing_project_unit_tests(" ~ sql_string(manifest) ~ ", " ~ sql_string(invocation_id)
        ~ ", " ~ sql_string(project_name) ~ ")").columns[0].values()[0]) -%}
    {%- if unit_tests is mapping -%}
        {{ return("the unit tests of the project cannot be verified (" ~ unit_tests.problem ~ "), so this run does not publish") }}
    {%- endif -%}
    {{ return(ids + unit_tests) }}
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
        {%- do report_plausibility_warnings(results) %}
        {%- set published = published_database_path() %}
        {%- set refusal = publish_refusal(results) %}
        {%- if refusal %}
            {{ log("market_sizing: NOT PUBLISHED: " ~ refusal ~ ". The published warehouse " ~ published ~ " was left as it was.", info=true) }}
        {%- else %}
            {%- set staging_file = published ~ '.publishing' %}
            {%- set seed_paths = input_file_spec().keys() | list %}
            {#- Again right before writing: refuses a target that is not the project's, clears leftovers. -#}
            {%- do check_publish_target() %}
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
