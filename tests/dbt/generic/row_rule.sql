{#-
    Validation of input rows. `violation` is a SQL condition that is true for a row breaking
    the rule. When any row breaks it, the test stops with one message that names the rule and,
    for every offending row, the file, the line, the row's key and what was found there.
    The model must carry `source_file` and `source_line` (every staging model does). In
    `violation` the row is `checked`, and `$model` names the whole model for subqueries.
-#}
{% test row_rule(model, rule, violation, key="''", found="''") %}

{%- set violation_sql = violation | replace('$model', model | string) %}

with

violations as (
    select
        source_file,
        source_line,
        coalesce(cast({{ key }} as {{ dbt.type_string() }}), '(no key)') as row_key,
        coalesce(cast({{ found }} as {{ dbt.type_string() }}), '(blank)') as found_value
    from {{ model }} as checked
    where {{ violation_sql }}
),

summary as (
    select
        count(*) as violation_count,
        {{ ordered_string_agg(
            "source_file || ' line ' || cast(source_line as " ~ dbt.type_string() ~ ") || ' [' || row_key || ']: found ' || found_value",
            "'; '",
            ['source_file', 'source_line']
        ) }} as violation_list
    from violations
)

{{ raise_if_any('summary', 'violation_count', "'rule broken: " ~ (rule | replace("'", "''")) ~ " -- ' || violation_list") }}

{% endtest %}
