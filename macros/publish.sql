{#-
    Write-audit-publish. dbt builds and tests in the build database (profiles.yml). At the end of
    the run (on-run-end) this macro decides whether the run may publish, and hands that verdict
    with the marts to Python once (the function market_sizing_publish, package
    market_sizing.publishing), which publishes only when:
      - every enabled model, seed, data test and unit test of the project ran in this invocation
        (decided here, from the run's results against the project's graph, whatever the command line,
        selectors, resource-type filters or DBT_* environment settings were),
      - no node failed, errored or was skipped, and no run on other data (--empty, --sample, --defer),
      - MARKET_SIZING_DB names the project's warehouse, or nothing yet (checked in Python).
    Each build becomes a new immutable file behind the stable name (a symbolic link moved with one
    atomic rename): readers that hold the old build keep it; new connections, in any process, see the new one.
-#}

{% macro check_publish_target() %}
    {#- Refuses a MARKET_SIZING_DB that is not the project's (market_sizing.publishing.target). -#}
    {%- if execute and target.type == 'duckdb' %}
        {%- set refusal = run_query(
            "select market_sizing_check_publish_target(" ~ sql_string(target.path) ~ ")").columns[0].values()[0] %}
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
    {%- if run_query("select count(*) from glob(" ~ sql_string(manifest) ~ ")").columns[0].values()[0] == 0 -%}
        {{ return("the unit tests of the project cannot be verified (" ~ manifest ~ " could not be read), so this run does not publish") }}
    {%- endif -%}
    {#- DuckDB's JSON reader, not Python: the publish step crosses to Python once, at its end. -#}
    {%- set manifest_row = run_query(
        "select m.metadata.invocation_id, (select to_json(coalesce(list(e.key order by e.key), []))::varchar"
        ~ " from json_each(m.unit_tests) as e"
        ~ " where e.value ->> 'package_name' = " ~ sql_string(project_name)
        ~ " and coalesce(e.value -> 'config' ->> 'enabled', 'true') = 'true')"
        ~ " from read_json(" ~ sql_string(manifest) ~ ", columns = {metadata: 'struct(invocation_id varchar)',"
        ~ " unit_tests: 'json'}, maximum_object_size = 1073741824) as m").rows[0] -%}
    {%- if manifest_row[0] != invocation_id -%}
        {{ return("the unit tests of the project cannot be verified (" ~ manifest ~ " was not written by this run), so this run does not publish") }}
    {%- endif -%}
    {%- set unit_tests = fromjson(manifest_row[1]) -%}
    {{ return(ids + unit_tests) }}
{%- endmacro %}

{% macro publish_marts() -%}
    {#- The marts as the publish step needs them: relation, descriptions and primary key (its primary_key test). -#}
    {%- set keys = {} -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'test' and node.test_metadata and node.test_metadata.name == 'primary_key' -%}
        {%- do keys.update({node.attached_node: node.test_metadata.kwargs.columns}) -%}
    {%- endfor -%}
    {%- set marts = [] -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.schema == 'marts' -%}
        {%- set columns = {} -%}
        {%- for column in node.columns.values() -%}
            {%- do columns.update({column.name: column.description}) -%}
        {%- endfor -%}
        {%- do marts.append({'name': node.alias, 'database': node.database, 'schema': node.schema,
            'description': node.description, 'columns': columns, 'key': keys.get(node.unique_id, [])}) -%}
    {%- endfor -%}
    {{ return(marts | sort(attribute='name')) }}
{%- endmacro %}

{% macro duckdb__publish_warehouse(results) %}
    {%- if execute %}
        {%- do report_plausibility_warnings(results) %}
        {#- The one crossing to Python: the verdict and what a publish needs; Python does the rest. -#}
        {%- set request = {
            'refusal': publish_refusal(results),
            'invocation_id': invocation_id,
            'dbt_version': dbt_version | string,
            'build_database': target.path,
            'input_files': input_file_spec().keys() | list,
            'marts': publish_marts(),
        } %}
        {%- set outcome = fromjson(run_query(
            "select market_sizing_publish(" ~ sql_string(tojson(request)) ~ ")").columns[0].values()[0]) %}
        {%- for message in outcome.messages %}
            {{ log("market_sizing: " ~ message, info=true) }}
        {%- endfor %}
        {%- if outcome.error %}
            {{ exceptions.raise_compiler_error(outcome.error) }}
        {%- endif %}
    {%- endif %}
    select 1 as publish_step
{% endmacro %}
