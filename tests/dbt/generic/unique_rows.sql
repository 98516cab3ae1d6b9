{#- No two rows share the values of `columns`; a duplicate names every line it stands on. -#}
{% test unique_rows(model, columns, rule="rows must be unique") %}

with

keyed as (
    select
        source_file,
        source_line,
        {% for column in columns -%}
        coalesce(cast({{ column }} as varchar), '(blank)')
        {%- if not loop.last %} || ', ' || {% endif %}
        {%- endfor %} as duplicate_key
    from {{ model }}
),

duplicates as (
    select
        duplicate_key,
        min(source_file) as source_file,
        string_agg(cast(source_line as varchar), ', ' order by source_line) as source_lines
    from keyed
    group by duplicate_key
    having count(*) > 1
),

summary as (
    select
        count(*) as duplicate_count,
        string_agg(
            source_file || ' lines ' || source_lines || ' repeat ({{ columns | join(", ") }}) = (' || duplicate_key || ')',
            '; '
            order by source_lines
        ) as duplicate_list
    from duplicates
)

{{ raise_if_any('summary', 'duplicate_count', "'rule broken: " ~ (rule | replace("'", "''")) ~ " -- ' || duplicate_list") }}

{% endtest %}
