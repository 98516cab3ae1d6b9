-- Where publishers agree and where they disagree: for each market, geography and year, one
-- estimate per publisher (its latest edition that covers the year, so two editions of one
-- publisher never count twice), with the peers' median, range and spread, each estimate's
-- distance from the median, and a robust outlier flag (documented in the README and _docs.md):
-- on the log scale, |ln x - median ln| / max(1.4826 x MAD, floor) above var outlier_robust_z.
-- With fewer than var outlier_min_publishers publishers nothing is flagged and the row says why.

with

market_size_yearly as (
    select * from {{ ref('int_market_size_yearly') }}
    where market_size_usd_bn is not null
),

reports as (
    select * from {{ ref('int_reports') }}
),

estimates_ranked as (
    select
        reports.market_id,
        reports.geography_id,
        market_size_yearly.year,
        reports.publisher,
        market_size_yearly.report_id,
        reports.edition,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.basis,
        row_number() over (
            partition by reports.market_id, reports.geography_id, market_size_yearly.year, reports.publisher
            order by reports.edition_rank
        ) as publisher_edition_order
    from market_size_yearly
    inner join reports
        on market_size_yearly.report_id = reports.report_id
),

estimates as (
    select
        *,
        ln(market_size_usd_bn) as log_market_size
    from estimates_ranked
    where publisher_edition_order = 1
),

peer_medians as (
    select
        market_id,
        geography_id,
        year,
        count(*) as publisher_count,
        min(market_size_usd_bn) as min_market_size_usd_bn,
        {{ median('market_size_usd_bn') }} as median_market_size_usd_bn,
        max(market_size_usd_bn) as max_market_size_usd_bn,
        {{ median('log_market_size') }} as median_log_market_size,
        count(case when basis = 'reported' then 1 end) as reported_count
    from estimates
    group by market_id, geography_id, year
),

deviations as (
    select
        estimates.*,
        abs(estimates.log_market_size - peer_medians.median_log_market_size) as absolute_log_deviation
    from estimates
    inner join peer_medians
        on estimates.market_id = peer_medians.market_id
            and estimates.geography_id = peer_medians.geography_id
            and estimates.year = peer_medians.year
),

peer_spreads as (
    select
        market_id,
        geography_id,
        year,
        {{ median('absolute_log_deviation') }} as mad_log_market_size
    from deviations
    group by market_id, geography_id, year
),

scored as (
    select
        deviations.*,
        peer_medians.publisher_count,
        peer_medians.reported_count,
        peer_medians.min_market_size_usd_bn,
        peer_medians.median_market_size_usd_bn,
        peer_medians.max_market_size_usd_bn,
        peer_spreads.mad_log_market_size,
        {{ robust_log_deviation(
            'deviations.market_size_usd_bn',
            'peer_medians.median_log_market_size',
            outlier_scale('peer_spreads.mad_log_market_size')
        ) }} as robust_z_score
    from deviations
    inner join peer_medians
        on deviations.market_id = peer_medians.market_id
            and deviations.geography_id = peer_medians.geography_id
            and deviations.year = peer_medians.year
    inner join peer_spreads
        on deviations.market_id = peer_spreads.market_id
            and deviations.geography_id = peer_spreads.geography_id
            and deviations.year = peer_spreads.year
),

final as (
    select
        market_id,
        geography_id,
        year,
        publisher,
        report_id,
        edition,
        market_size_usd_bn,
        basis,
        publisher_count,
        reported_count,
        min_market_size_usd_bn,
        median_market_size_usd_bn,
        max_market_size_usd_bn,
        {{ growth_pct('max_market_size_usd_bn', 'min_market_size_usd_bn') }} as spread_pct,
        {{ growth_pct('market_size_usd_bn', 'median_market_size_usd_bn') }} as difference_from_median_pct,
        robust_z_score,
        case
            when publisher_count < {{ checked_var('outlier_min_publishers') }} then null
            else robust_z_score > {{ checked_var('outlier_robust_z') }}
        end as is_outlier,
        case
            when publisher_count < {{ checked_var('outlier_min_publishers') }}
                then 'not assessed: fewer than {{ checked_var("outlier_min_publishers") }} publishers cover this market, geography and year'
            when robust_z_score > {{ checked_var('outlier_robust_z') }}
                then 'outlier: far from its peers on the log scale (likely a different scope or an error)'
            else 'within range of its peers'
        end as outlier_status
    from scored
)

select * from final
order by market_id, geography_id, year, publisher
