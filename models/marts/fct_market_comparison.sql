-- Each report's whole-market size in each year it covers, beside the spread of the reports of the
-- same market and geography that cover that year, so a reader sees where one report (the primary
-- first) sits among its peers. Reports of different markets or geographies are never compared.

with

market_size_yearly as (
    select * from {{ ref('int_market_size_yearly') }}
    where market_size_usd_bn is not null
),

reports as (
    select * from {{ ref('int_reports') }}
),

with_reports as (
    select
        market_size_yearly.year,
        market_size_yearly.report_id,
        reports.market_id,
        reports.geography_id,
        reports.publisher,
        reports.market_name,
        reports.is_primary,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.basis
    from market_size_yearly
    inner join reports
        on market_size_yearly.report_id = reports.report_id
),

year_spread as (
    select
        market_id,
        geography_id,
        year,
        count(*) as report_count,
        count(distinct publisher) as publisher_count,
        min(market_size_usd_bn) as min_market_size_usd_bn,
        {{ median('market_size_usd_bn') }} as median_market_size_usd_bn,
        max(market_size_usd_bn) as max_market_size_usd_bn,
        count(case when basis = 'reported' then 1 end) as reported_count
    from with_reports
    group by market_id, geography_id, year
),

final as (
    select
        with_reports.year,
        with_reports.report_id,
        with_reports.market_id,
        with_reports.geography_id,
        with_reports.publisher,
        with_reports.market_name,
        with_reports.is_primary,
        with_reports.market_size_usd_bn,
        with_reports.basis,
        year_spread.report_count,
        year_spread.publisher_count,
        year_spread.reported_count,
        year_spread.min_market_size_usd_bn,
        year_spread.median_market_size_usd_bn,
        year_spread.max_market_size_usd_bn,
        {{ growth_pct('with_reports.market_size_usd_bn', 'year_spread.median_market_size_usd_bn') }} as difference_from_median_pct,
        cast(rank() over (
            partition by with_reports.market_id, with_reports.geography_id, with_reports.year
            order by with_reports.market_size_usd_bn desc
        ) as bigint) as size_rank
    from with_reports
    inner join year_spread
        on with_reports.market_id = year_spread.market_id
            and with_reports.geography_id = year_spread.geography_id
            and with_reports.year = year_spread.year
)

select * from final
-- Stored in the order dashboards filter on, so a lookup reads few row groups.
order by market_id, geography_id, year, report_id
