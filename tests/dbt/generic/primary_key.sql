{#- The columns identify a row: no combination repeats, and none is null except those listed in
    `nullable` (a stated figure with no year keeps its year null). Returns the offending keys. -#}
{% test primary_key(model, columns, nullable=[]) %}

{%- set required = columns | reject('in', nullable) | list %}

select
    {% for column in columns -%}
    {{ column }},
    {% endfor -%}
    count(*) as row_count
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
    {%- for column in required %}
    or {{ column }} is null
    {%- endfor %}

{% endtest %}
