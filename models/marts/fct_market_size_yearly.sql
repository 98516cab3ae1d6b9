with

market_size_yearly as (
    select * from {{ ref('int_market_size_yearly') }}
),

reports as (
    select * from {{ ref('int_reports') }}
),

final as (
    select
        market_size_yearly.report_id,
        reports.market_id,
        reports.geography_id,
        market_size_yearly.year,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.yoy_growth_pct,
        market_size_yearly.basis,
        market_size_yearly.growth_rate_pct,
        market_size_yearly.source_figure_ids
    from market_size_yearly
    inner join reports
        on market_size_yearly.report_id = reports.report_id
)

select * from final
-- Stored in the order dashboards filter on, so a lookup reads few row groups.
order by report_id, year
