{#-
    Foreign keys of a model, all in one query: each of `keys` is a mapping with `column` (in the
    model), `to` (the referenced model, `ref(...)`) and `field` (its key column). A failing row names
    the reference and the value that has no row to refer to; blank values refer to nothing and pass.
-#}
{% test foreign_keys(model, keys) %}

with

{% for key in keys %}
missing_{{ loop.index }} as (
    select
        '{{ key.column }} -> {{ key.to.identifier }}.{{ key.field }}' as reference,
        cast(child.{{ key.column }} as {{ dbt.type_string() }}) as missing_value
    from {{ model }} as child
    left join {{ key.to }} as parent
        on child.{{ key.column }} = parent.{{ key.field }}
    where
        child.{{ key.column }} is not null
        and parent.{{ key.field }} is null
),

{% endfor %}
every_missing as (
    {% for key in keys -%}
    select * from missing_{{ loop.index }}
    {% if not loop.last %}union all
    {% endif %}
    {%- endfor %}
)

select * from every_missing

{% endtest %}
