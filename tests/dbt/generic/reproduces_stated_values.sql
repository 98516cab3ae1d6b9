{#-
    Every stated point value of `figures` (filtered by `where_stated`) appears in the model at its
    key, unchanged, with basis `reported`. Returns stated values that are missing or altered.
-#}
{% test reproduces_stated_values(model, figures, join_columns, value_column, stated_value_column, where_stated="true") %}

with

stated as (
    select *
    from {{ figures }}
    where {{ where_stated }}
),

published as (
    select *
    from {{ model }}
)

select
    {% for column in join_columns -%}
    stated.{{ column }},
    {% endfor -%}
    stated.{{ stated_value_column }} as stated_value,
    published.{{ value_column }} as published_value,
    published.basis as published_basis
from stated
left join published
    on {% for column in join_columns -%}
    stated.{{ column }} = published.{{ column }}{% if not loop.last %} and {% endif %}
    {%- endfor %}
where published.{{ value_column }} is null
    or published.{{ value_column }} <> stated.{{ stated_value_column }}
    or published.basis <> 'reported'

{% endtest %}
