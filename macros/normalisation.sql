{#- SQL expressions that parse and normalise the text columns of the seeds. -#}

{% macro clean_text(column) -%}
    nullif(trim({{ column }}), '')
{%- endmacro %}

{% macro is_plain_number(column) -%}
    {{ return(adapter.dispatch('is_plain_number', 'market_sizing')(column)) }}
{%- endmacro %}

{% macro default__is_plain_number(column) -%}
    regexp_full_match({{ column }}, '-?[0-9]+([.][0-9]+)?')
{%- endmacro %}

{% macro parse_number(column) -%}
    {#- A plain decimal number ("1861.2"), else null: no separators, signs of units or exponents. -#}
    case when {{ is_plain_number(column) }} then cast({{ column }} as double) end
{%- endmacro %}

{% macro parse_year(column) -%}
    {#- A four-digit year, else null. -#}
    case when {{ is_plain_number(column) }} and length({{ column }}) = 4 then cast({{ column }} as integer) end
{%- endmacro %}

{% macro decimal_places(column) -%}
    {#- Digits after the decimal point of a plain number as written ("9.0" -> 1, "66" -> 0). -#}
    cast(case
        when {{ column }} like '%.%' then length({{ column }}) - {{ dbt.position("'.'", column) }}
        else 0
    end as integer)
{%- endmacro %}

{% macro unit_kind(column) -%}
    case lower({{ column }})
    {%- for unit, spec in unit_vocabulary().items() %}
        when '{{ unit }}' then '{{ spec.kind }}'
    {%- endfor %}
    end
{%- endmacro %}

{% macro to_usd_bn(value, unit) -%}
    {#- Money to USD billion by the stated unit; percent values pass through unchanged. -#}
    case lower({{ unit }})
    {%- for unit_name, spec in unit_vocabulary().items() %}
        when '{{ unit_name }}' then {{ value }}{{ spec.to_usd_bn }}
    {%- endfor %}
    end
{%- endmacro %}

{% macro qualifier_kind(column) -%}
    case lower({{ column }})
    {%- for qualifier, kind in qualifier_vocabulary().items() %}
        when '{{ qualifier }}' then '{{ kind }}'
    {%- endfor %}
    end
{%- endmacro %}

{% macro seed_line_number() -%}
    {{ return(adapter.dispatch('seed_line_number', 'market_sizing')()) }}
{%- endmacro %}

{% macro default__seed_line_number() -%}
    {#-
        Line of the CSV file a seed row came from (line 1 is the header): rows keep their load
        order in `rowid`, which a reload (delete, then insert) shifts by a constant.
    -#}
    rowid - min(rowid) over () + 2
{%- endmacro %}
