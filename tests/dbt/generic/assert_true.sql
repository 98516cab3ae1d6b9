{#- `expression` holds on every row (where `where_rows` holds). Returns the rows where it does not. -#}
{% test assert_true(model, expression, where_rows="true") %}

select *
from {{ model }}
where ({{ where_rows }})
    and not coalesce({{ expression }}, false)

{% endtest %}
