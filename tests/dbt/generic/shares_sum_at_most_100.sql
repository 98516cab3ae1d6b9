{#-
    Shares of one whole (one report, one dimension or region level, one year) add up to at most
    100 percent, give or take `checked_var('share_sum_tolerance_pp')` for rounding. When a whole is over,
    the test stops with a message naming the whole, its sum and, through `detail`, where each
    share came from (figure ids, or file and lines).
-#}
{% test shares_sum_at_most_100(model, group_by, share_column="share_pct", detail="source_figure_ids", where_included="true") %}

with

wholes as (
    select
        {% for column in group_by -%}
        cast({{ column }} as varchar) as group_{{ loop.index }},
        {% endfor -%}
        sum({{ share_column }}) as share_sum_pct,
        string_agg(cast({{ detail }} as varchar), '; ') as share_sources
    from {{ model }}
    where {{ where_included }}
        and {{ share_column }} is not null
    group by {{ group_by | join(', ') }}
    having sum({{ share_column }}) > 100 + {{ checked_var('share_sum_tolerance_pp') }}
),

summary as (
    select
        count(*) as over_count,
        string_agg(
            '({{ group_by | join(", ") }}) = ('
            {%- for column in group_by %} || group_{{ loop.index }}{% if not loop.last %} || ', '{% endif %}{% endfor %}
            || ') sums to ' || cast(round(share_sum_pct, 4) as varchar) || ' percent from ' || share_sources,
            '; '
        ) as over_list
    from wholes
)

{{ raise_if_any('summary', 'over_count', "'rule broken: shares of one whole must add up to at most 100 percent -- ' || over_list") }}

{% endtest %}
