{#-
    Plausibility checks of stated figures (tests/dbt/plausibility/, severity warn). A figure outside
    the plausible bounds is suspicious, not wrong: the test returns one row per such figure, with a
    `finding` that names the file, the line, the figure and the bound, and the build warns. No figure
    is changed or dropped. The bounds are allowed vars (macros/run_checks.sql, allowed_vars).
-#}

{% macro plausibility_findings(model, rule, suspicious, key, found) -%}
    select
        source_file,
        source_line,
        source_file || ' line ' || cast(source_line as {{ dbt.type_string() }})
        || ' [' || coalesce(cast({{ key }} as {{ dbt.type_string() }}), '(no key)') || ']: found '
        || coalesce(cast({{ found }} as {{ dbt.type_string() }}), '(blank)')
        || ' ({{ rule | replace("'", "''") }})' as finding
    from {{ model }} as checked
    where {{ suspicious }}
{%- endmacro %}

{% macro report_plausibility_warnings(results) %}
    {#- Says each plausibility finding aloud at the end of the run (dbt's own line only counts them). -#}
    {%- for result in results
        if result.status == 'warn' and 'plausibility' in (result.node.tags or []) and result.node.compiled_code %}
        {%- for row in run_query(result.node.compiled_code) %}
            {{ log("market_sizing: PLAUSIBILITY WARNING: " ~ row['finding'], info=true) }}
        {%- endfor %}
    {%- endfor %}
{% endmacro %}
