{#- Every row of the model has at least one row in `to` where `to.field` = `column_name` (and `where` holds). -#}
{% test has_related_rows(model, column_name, to, field, where_related="true", rule=none) %}

{%- set rule_text = rule or ('every ' ~ column_name ~ ' needs a related row in ' ~ to.identifier) %}

with

related as (
    select distinct {{ field }} as related_key
    from {{ to }}
    where {{ where_related }}
),

orphans as (
    select
        parent.source_file,
        parent.source_line,
        cast(parent.{{ column_name }} as {{ dbt.type_string() }}) as orphan_key
    from {{ model }} as parent
    left join related
        on parent.{{ column_name }} = related.related_key
    where related.related_key is null
),

summary as (
    select
        count(*) as orphan_count,
        {{ ordered_string_agg(
            "source_file || ' line ' || cast(source_line as " ~ dbt.type_string() ~ ") || ' [' || orphan_key || ']'",
            "'; '",
            'source_line'
        ) }} as orphan_list
    from orphans
)

{{ raise_if_any('summary', 'orphan_count', "'rule broken: " ~ (rule_text | replace("'", "''")) ~ " -- ' || orphan_list") }}

{% endtest %}
