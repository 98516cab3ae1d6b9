{#-
    Hierarchies stored as parent links (regions, markets) read as a closure: every node with each
    of its ancestors, itself included at depth 0. Written as `max_depth` equality self-joins rather
    than a recursive query, so that every engine runs it and a cycle cannot loop forever.
-#}
{% macro hierarchy_closure(relation, id_column, parent_column, max_depth) -%}
    {%- for depth in range(max_depth + 1) %}
    select
        level_0.{{ id_column }} as node_id,
        level_{{ depth }}.{{ id_column }} as ancestor_id,
        {{ depth }} as depth
    from {{ relation }} as level_0
    {%- for step in range(1, depth + 1) %}
    inner join {{ relation }} as level_{{ step }}
        on level_{{ step - 1 }}.{{ parent_column }} = level_{{ step }}.{{ id_column }}
    {%- endfor %}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{% macro scope_to_report(rows, columns) -%}
    {#-
        The rows of a figure, claim or mention input with the scope of their report: its market and
        geography, the region resolved (blank means the report's whole geography), and whether the
        region lies inside that geography and the segment belongs to the market's taxonomy (its own
        or a broader market's). `rows` is a CTE with report_id, region_id, segment_id and `columns`;
        the CTEs `reports`, `segments`, `region_closure` and `market_closure` must be in scope.
    -#}
    select
        {%- for column in columns %}
        {{ rows }}.{{ column }},
        {%- endfor %}
        {{ rows }}.report_id,
        coalesce({{ rows }}.region_id, reports.geography_id) as region_id,
        {{ rows }}.segment_id,
        reports.market_id,
        reports.geography_id,
        coalesce({{ rows }}.region_id, reports.geography_id) = reports.geography_id as is_whole_geography,
        coalesce({{ rows }}.region_id, reports.geography_id) = reports.geography_id
        and {{ rows }}.segment_id is null as is_whole_scope,
        inside_geography.ancestor_region_id is not null as is_within_geography,
        {{ rows }}.segment_id is null or segment_markets.ancestor_market_id is not null as is_segment_of_market
    from {{ rows }}
    inner join reports
        on {{ rows }}.report_id = reports.report_id
    left join region_closure as inside_geography
        on
            coalesce({{ rows }}.region_id, reports.geography_id) = inside_geography.region_id
            and reports.geography_id = inside_geography.ancestor_region_id
    left join segments
        on {{ rows }}.segment_id = segments.segment_id
    left join market_closure as segment_markets
        on
            reports.market_id = segment_markets.market_id
            and segments.market_id = segment_markets.ancestor_market_id
{%- endmacro %}

{% macro residual_member_id(subject_type, market_id, family) -%}
    {#-
        Id of the generated member that carries what a report leaves unallocated in one whole:
        `unallocated__<level>` for regions (one shared hierarchy), `unallocated__<market>__<dimension>`
        for segments (each market has its own taxonomy).
    -#}
    case {{ subject_type }}
        when 'segment' then 'unallocated__' || {{ market_id }} || '__' || {{ family }}
        else 'unallocated__' || {{ family }}
    end
{%- endmacro %}
