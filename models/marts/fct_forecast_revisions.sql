-- How each publisher's figure for one market, geography and year moved from one edition of its
-- report to the next: both values with their bases, and the change. A year only one of the two
-- editions covers keeps the other side null (and no change).

with

market_size_yearly as (
    select * from {{ ref('int_market_size_yearly') }}
    where market_size_usd_bn is not null
),

reports as (
    select * from {{ ref('int_reports') }}
),

edition_pairs as (
    select
        later.publisher,
        later.market_id,
        later.geography_id,
        later.report_id,
        later.edition,
        earlier.report_id as previous_report_id,
        earlier.edition as previous_edition
    from reports as later
    inner join reports as earlier
        on later.previous_report_id = earlier.report_id
),

later_values as (
    select
        edition_pairs.*,
        market_size_yearly.year,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.basis
    from edition_pairs
    inner join market_size_yearly
        on edition_pairs.report_id = market_size_yearly.report_id
),

earlier_values as (
    select
        edition_pairs.report_id,
        market_size_yearly.year,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.basis
    from edition_pairs
    inner join market_size_yearly
        on edition_pairs.previous_report_id = market_size_yearly.report_id
),

paired as (
    select
        edition_pairs.publisher,
        edition_pairs.market_id,
        edition_pairs.geography_id,
        coalesce(later_values.year, earlier_values.year) as year,
        edition_pairs.report_id,
        edition_pairs.edition,
        edition_pairs.previous_report_id,
        edition_pairs.previous_edition,
        later_values.market_size_usd_bn,
        later_values.basis,
        earlier_values.market_size_usd_bn as previous_market_size_usd_bn,
        earlier_values.basis as previous_basis
    from edition_pairs
    inner join (
        select
            report_id,
            year
        from later_values
        union
        select
            report_id,
            year
        from earlier_values
    ) as covered_years
        on edition_pairs.report_id = covered_years.report_id
    left join later_values
        on covered_years.report_id = later_values.report_id
            and covered_years.year = later_values.year
    left join earlier_values
        on covered_years.report_id = earlier_values.report_id
            and covered_years.year = earlier_values.year
),

final as (
    select
        publisher,
        market_id,
        geography_id,
        year,
        report_id,
        edition,
        previous_report_id,
        previous_edition,
        market_size_usd_bn,
        basis,
        previous_market_size_usd_bn,
        previous_basis,
        market_size_usd_bn - previous_market_size_usd_bn as change_usd_bn,
        {{ growth_pct('market_size_usd_bn', 'previous_market_size_usd_bn') }} as change_pct
    from paired
)

select * from final
order by publisher, market_id, geography_id, report_id, year
