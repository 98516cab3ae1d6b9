{#-
    The input contract of one input file (vars.input_contract[table] in dbt_project.yml), checked
    in one query: required columns are not blank, the key identifies one row, and every non-blank
    reference names an existing row (a key of the referenced file's staging model). The rows are
    read as the file states them (macro staging_input), under the contract's own column names; the
    test is attached to the file's staging model. One message names, for each broken rule, every
    file and line.
-#}
{% test input_contract(model, table) %}

{%- set spec = var('input_contract')[table] %}
{%- set key_columns = spec.get('key') or [] %}
{%- set references = spec.get('references') or {} %}

with

checked_rows as (
    select
        source_file,
        source_line,
        {%- for column in spec['columns'] %}
        {{ clean_text(column) }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from ({{ staging_input(table) }}) as input_rows
),

{% for column, target in references.items() %}
{%- set target_table, target_column = target.split('.') %}
referenced_{{ column }} as (
    select distinct {{ target_column }} as referenced_value
    from {{ ref('stg_' ~ target_table) }}
    where {{ target_column }} is not null
),

{% endfor -%}

{% if key_columns -%}
repeated_keys as (
    select {{ key_columns | join(', ') }}
    from checked_rows
    group by {{ key_columns | join(', ') }}
    having count(*) > 1
),

{% endif -%}

violations as (
    {%- for column in spec.get('required') or [] %}
    select
        '{{ column }} is required' as rule,
        source_file,
        source_line,
        '(blank)' as found
    from checked_rows
    where {{ column }} is null
    union all
    {%- endfor %}
    {%- if key_columns %}
    select
        '{{ key_columns | join(", ") }} must identify one row of {{ table }}' as rule,
        checked.source_file,
        checked.source_line,
        {% for column in key_columns -%}
        coalesce(cast(checked.{{ column }} as {{ dbt.type_string() }}), '(blank)'){{ " || ', ' || " if not loop.last }}
        {%- endfor %} as found
    from checked_rows as checked
    inner join repeated_keys
        on {% for column in key_columns -%}
        checked.{{ column }} is not distinct from repeated_keys.{{ column }}{{ ' and ' if not loop.last }}
        {%- endfor %}
    union all
    {%- endif %}
    {%- for column, target in references.items() %}
    select
        '{{ column }} must name a row of {{ target }}' as rule,
        checked.source_file,
        checked.source_line,
        cast(checked.{{ column }} as {{ dbt.type_string() }}) as found
    from checked_rows as checked
    left join referenced_{{ column }}
        on checked.{{ column }} = referenced_{{ column }}.referenced_value
    where checked.{{ column }} is not null
        and referenced_{{ column }}.referenced_value is null
    union all
    {%- endfor %}
    select
        cast(null as {{ dbt.type_string() }}) as rule,
        cast(null as {{ dbt.type_string() }}) as source_file,
        cast(null as bigint) as source_line,
        cast(null as {{ dbt.type_string() }}) as found
    where false
),

per_rule as (
    select
        rule,
        {{ ordered_string_agg(
            "source_file || ' line ' || cast(source_line as " ~ dbt.type_string() ~ ") || ': found ' || found",
            "'; '",
            ['source_file', 'source_line']
        ) }} as violation_list
    from violations
    group by rule
),

summary as (
    select
        count(*) as broken_rule_count,
        {{ ordered_string_agg("'rule broken: ' || rule || ' -- ' || violation_list", "' | '", 'rule') }} as message
    from per_rule
)

{{ raise_if_any('summary', 'broken_rule_count', 'message') }}

{% endtest %}
