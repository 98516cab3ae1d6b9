{#- Rows of every model whose `meta.primary_key` names the columns that identify a row: each key
    repeated, or null outside `meta.nullable_key_columns`, with the model's name and the key as text (`column=value, ...`).
    One query for many models costs one dbt node instead of one per model. Each model must also be
    named in the calling test's `-- depends_on:` lines, or dbt stops and says so. -#}
{% macro primary_key_violations() %}
    {%- set checks = [] -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() | sort(attribute='name') -%}
            {%- if node.resource_type == 'model' and node.config.meta.get('primary_key') -%}
                {%- do checks.append(node) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if not checks %}
select
    cast(null as {{ dbt.type_string() }}) as model_name,
    cast(null as {{ dbt.type_string() }}) as key_value,
    cast(null as bigint) as row_count
where false
    {%- endif -%}
    {%- for node in checks -%}
        {%- set columns = node.config.meta.primary_key -%}
        {%- set nullable = node.config.meta.get('nullable_key_columns', []) %}
select
    '{{ node.name }}' as model_name,
    {{ key_text(columns) }} as key_value,
    count(*) as row_count
from {{ ref(node.name) }}
group by {{ columns | join(', ') }}
having
    count(*) > 1
    {%- for column in columns | reject('in', nullable) %}
    or {{ column }} is null
    {%- endfor %}
        {%- if not loop.last %}
union all
        {%- endif %}
    {%- endfor %}
{% endmacro %}

{#- SQL text of a row's key, `column=value, ...` (null spelled out), for failure messages. -#}
{% macro key_text(columns) -%}
    {%- for column in columns -%}
    '{{ column }}=' || coalesce(cast({{ column }} as {{ dbt.type_string() }}), 'null')
    {%- if not loop.last %} || ', ' || {% endif %}
    {%- endfor -%}
{%- endmacro %}
