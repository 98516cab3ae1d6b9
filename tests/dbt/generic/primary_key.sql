{#- The columns identify a row: no combination repeats, and none is null except those listed in
    `nullable` (a stated figure with no year keeps its year null). With `references`, the model's
    foreign keys are checked in the same query: each is a mapping with `column` (in the model), `to`
    (the referenced model, `ref(...)`) and `field` (its key column); blank values refer to nothing and
    pass. One node per model for its keys. A failing row names the rule and what was found. -#}
{% test primary_key(model, columns, nullable=[], references=[]) %}

{%- set required = columns | reject('in', nullable) | list %}

with

repeated as (
    select
        'primary key ({{ columns | join(", ") }}) repeats or is null' as rule,
        {{ key_text(columns) }} || ' (' || cast(count(*) as {{ dbt.type_string() }}) || ' rows)' as found
    from {{ model }}
    group by {{ columns | join(', ') }}
    having count(*) > 1
        {%- for column in required %}
        or {{ column }} is null
        {%- endfor %}
),

{% for key in references %}
missing_{{ loop.index }} as (
    select
        '{{ key.column }} -> {{ key.to.identifier }}.{{ key.field }}' as rule,
        cast(child.{{ key.column }} as {{ dbt.type_string() }}) as found
    from {{ model }} as child
    left join {{ key.to }} as parent
        on child.{{ key.column }} = parent.{{ key.field }}
    where
        child.{{ key.column }} is not null
        and parent.{{ key.field }} is null
),

{% endfor %}
every_failure as (
    select * from repeated
    {%- for key in references %}
    union all
    select * from missing_{{ loop.index }}
    {%- endfor %}
)

select * from every_failure

{% endtest %}
