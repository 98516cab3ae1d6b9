{#- Within each partition the years run without a gap: max - min + 1 = number of distinct years. -#}
{% test contiguous_years(model, column_name, partition_by) %}

select
    {{ partition_by | join(', ') }},
    min({{ column_name }}) as first_year,
    max({{ column_name }}) as last_year,
    count(distinct {{ column_name }}) as year_count
from {{ model }}
group by {{ partition_by | join(', ') }}
having max({{ column_name }}) - min({{ column_name }}) + 1 <> count(distinct {{ column_name }})

{% endtest %}
