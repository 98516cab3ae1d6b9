{#-
    The parent links of `model` form a tree: following parents from any row reaches a root (a row
    with no parent) within `max_depth` steps, so there is no cycle. A row on a cycle (or on a chain
    deeper than `max_depth`) names its file, line and id.
-#}
{% test forms_a_tree(model, column_name, parent_column, max_depth=5) %}

with

closure as (
    {{ hierarchy_closure(model, column_name, parent_column, max_depth + 1) }}
),

too_deep as (
    select distinct node_id
    from closure
    where depth = {{ max_depth + 1 }}
),

violations as (
    select
        checked.source_file,
        checked.source_line,
        cast(checked.{{ column_name }} as {{ dbt.type_string() }}) as node_id
    from {{ model }} as checked
    inner join too_deep
        on checked.{{ column_name }} = too_deep.node_id
),

summary as (
    select
        count(*) as violation_count,
        {{ ordered_string_agg(
            "source_file || ' line ' || cast(source_line as " ~ dbt.type_string() ~ ") || ' [' || node_id || ']'",
            "'; '",
            ['source_file', 'source_line']
        ) }} as violation_list
    from violations
)

{{ raise_if_any('summary', 'violation_count', "'rule broken: " ~ parent_column ~ " links must form a tree (no cycle, at most " ~ max_depth ~ " levels) -- ' || violation_list") }}

{% endtest %}
