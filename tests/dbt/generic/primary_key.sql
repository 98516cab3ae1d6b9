{#- The columns identify a row: none is null and no combination repeats. Returns the offending keys. -#}
{% test primary_key(model, columns) %}

select
    {% for column in columns -%}
    {{ column }},
    {% endfor -%}
    count(*) as row_count
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
    or {% for column in columns -%}
    {{ column }} is null{% if not loop.last %} or {% endif %}
    {%- endfor %}

{% endtest %}
