-- The market taxonomy: each market with its parent, its depth and the number of reports sizing it.

with

markets as (
    select * from {{ ref('stg_markets') }}
),

market_closure as (
    select * from {{ ref('int_market_closure') }}
),

reports as (
    select * from {{ ref('int_reports') }}
),

depths as (
    select
        market_id,
        max(depth) as market_depth
    from market_closure
    group by market_id
),

report_counts as (
    select
        market_id,
        count(*) as report_count,
        count(distinct publisher) as publisher_count
    from reports
    group by market_id
),

final as (
    select
        markets.market_id,
        markets.market_name,
        markets.parent_market_id,
        markets.definition,
        cast(depths.market_depth as integer) as market_depth,
        coalesce(report_counts.report_count, 0) as report_count,
        coalesce(report_counts.publisher_count, 0) as publisher_count
    from markets
    left join depths
        on markets.market_id = depths.market_id
    left join report_counts
        on markets.market_id = report_counts.market_id
)

select * from final
