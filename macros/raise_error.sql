{#- Stop the query with a message: how validation tests report the file, the line and the rule. -#}
{% macro raise_error(message_sql) -%}
    {{ return(adapter.dispatch('raise_error', 'market_sizing')(message_sql)) }}
{%- endmacro %}

{% macro default__raise_error(message_sql) -%}
    error({{ message_sql }})
{%- endmacro %}

{% macro spark__raise_error(message_sql) -%}
    raise_error({{ message_sql }})
{%- endmacro %}

{% macro raise_if_any(summary, count_column, message_sql) -%}
    {#-
        Final select of a validation test: no row when `count_column` is 0, else stop the query
        with the message. The error sits in the filter, not in a column, so that dbt's
        `select count(*)` wrapper cannot prune it away.
    -#}
    select {{ count_column }} as failure_count
    from {{ summary }}
    where case when {{ count_column }} > 0 then {{ raise_error(message_sql) }} is null else false end
{%- endmacro %}
