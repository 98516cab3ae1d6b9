{#-
    Shares of one whole (one report, one dimension or region level, one year) add up to at most
    100 percent, give or take `checked_var('share_sum_tolerance_pp')` for rounding. When a whole is over,
    the test stops with a message naming the whole, its sum and, through `detail`, where each
    share came from (figure ids, or file and lines).
-#}
{% test shares_sum_at_most_100(model, group_by, share_column="share_pct", detail="source_figure_ids", where_included="true") %}

{%- set message_sql -%}
    '({{ group_by | join(", ") }}) = ('
    {%- for column in group_by %} || group_{{ loop.index }}{% if not loop.last %} || ', '{% endif %}{% endfor %}
    || ') sums to ' || cast(round(share_sum_pct, 4) as {{ dbt.type_string() }}) || ' percent from ' || share_sources
{%- endset %}

with

shares as (
    select *
    from {{ model }}
    where {{ where_included }}
        and {{ share_column }} is not null
),

wholes_over as (
    select
        {% for column in group_by -%}
        {{ column }},
        {% endfor -%}
        sum({{ share_column }}) as share_sum_pct
    from shares
    group by {{ group_by | join(', ') }}
    having sum({{ share_column }}) > 100 + {{ checked_var('share_sum_tolerance_pp') }}
),

-- Where each share of a whole that is over came from, for the message (only those wholes).
wholes as (
    select
        {% for column in group_by -%}
        cast(wholes_over.{{ column }} as {{ dbt.type_string() }}) as group_{{ loop.index }},
        {% endfor -%}
        wholes_over.share_sum_pct,
        {{ ordered_string_agg('cast((' ~ detail ~ ') as ' ~ dbt.type_string() ~ ')', "'; '") }} as share_sources
    from wholes_over
    inner join shares
        on {% for column in group_by -%}
        shares.{{ column }} is not distinct from wholes_over.{{ column }}{% if not loop.last %} and {% endif %}
        {%- endfor %}
    group by {% for column in group_by -%}wholes_over.{{ column }}, {% endfor %}wholes_over.share_sum_pct
),

summary as (
    select
        count(*) as over_count,
        {{ ordered_string_agg(message_sql, "'; '") }} as over_list
    from wholes
)

{{ raise_if_any('summary', 'over_count', "'rule broken: shares of one whole must add up to at most 100 percent -- ' || over_list") }}

{% endtest %}
