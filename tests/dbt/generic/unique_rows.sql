{#- No two rows share the values of `columns`; a duplicate names every line it stands on. -#}
{% test unique_rows(model, columns, rule="rows must be unique") %}

{%- set key_sql -%}
    {% for column in columns -%}
    coalesce(cast({{ column }} as {{ dbt.type_string() }}), '(blank)')
    {%- if not loop.last %} || ', ' || {% endif %}
    {%- endfor %}
{%- endset %}

with

rows_checked as (
    select
        source_file,
        source_line,
        {{ columns | join(', ') }}
    from {{ model }}
),

-- Group on the columns themselves (nulls form one group, as blanks do), and build the text of a
-- key only for the few keys that repeat.
duplicate_keys as (
    select {{ columns | join(', ') }}
    from rows_checked
    group by {{ columns | join(', ') }}
    having count(*) > 1
),

duplicate_rows as (
    select
        rows_checked.source_file,
        rows_checked.source_line,
        {{ key_sql | replace('coalesce(cast(', 'coalesce(cast(rows_checked.') }} as duplicate_key
    from rows_checked
    inner join duplicate_keys
        on {% for column in columns -%}
        rows_checked.{{ column }} is not distinct from duplicate_keys.{{ column }}{% if not loop.last %} and {% endif %}
        {%- endfor %}
),

duplicates as (
    select
        duplicate_key,
        min(source_file) as source_file,
        {{ ordered_string_agg('cast(source_line as ' ~ dbt.type_string() ~ ')', "', '", 'source_line') }} as source_lines
    from duplicate_rows
    group by duplicate_key
),

summary as (
    select
        count(*) as duplicate_count,
        {{ ordered_string_agg(
            "source_file || ' lines ' || source_lines || ' repeat (" ~ (columns | join(', ')) ~ ") = (' || duplicate_key || ')'",
            "'; '",
            'source_lines'
        ) }} as duplicate_list
    from duplicates
)

{{ raise_if_any('summary', 'duplicate_count', "'rule broken: " ~ (rule | replace("'", "''")) ~ " -- ' || duplicate_list") }}

{% endtest %}
