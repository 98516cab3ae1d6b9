with

market_size_yearly as (
    select * from {{ ref('int_market_size_yearly') }}
),

final as (
    select
        report_id,
        year,
        market_size_usd_bn,
        yoy_growth_pct,
        basis,
        growth_rate_pct,
        source_figure_ids
    from market_size_yearly
)

select * from final
-- Stored in the order dashboards filter on, so a lookup reads few row groups.
order by report_id, year
