{#- Every non-blank `column_name` is a `field` of `to`; an unknown value names its file and line. -#}
{% test references(model, column_name, to, field, rule=none) %}

{%- set rule_text = rule or (column_name ~ ' must name a row of ' ~ to.identifier ~ '.' ~ field) %}

with

unknown as (
    select
        child.source_file,
        child.source_line,
        cast(child.{{ column_name }} as {{ dbt.type_string() }}) as unknown_value
    from {{ model }} as child
    left join {{ to }} as parent
        on child.{{ column_name }} = parent.{{ field }}
    where child.{{ column_name }} is not null
        and parent.{{ field }} is null
),

summary as (
    select
        count(*) as unknown_count,
        {{ ordered_string_agg(
            "source_file || ' line ' || cast(source_line as " ~ dbt.type_string() ~ ") || ': unknown " ~ column_name ~ " ''' || unknown_value || ''''",
            "'; '",
            'source_line'
        ) }} as unknown_list
    from unknown
)

{{ raise_if_any('summary', 'unknown_count', "'rule broken: " ~ (rule_text | replace("'", "''")) ~ " -- ' || unknown_list") }}

{% endtest %}
