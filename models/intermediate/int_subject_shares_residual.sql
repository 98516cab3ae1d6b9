-- The remainder each report leaves unallocated in one whole (its report, region level or segment
-- dimension of one market's taxonomy, and year): 100 minus its stated shares, basis `derived`,
-- computed only when every share of that whole is a point value. Shares stated with no year make
-- no remainder. A segment dimension belongs to the market whose taxonomy holds it (the report's
-- market or a broader one), and so does its residual member.

with

stated as (
    select * from {{ ref('int_subject_shares_stated') }}
),

market_size_yearly as (
    select * from {{ ref('int_market_size_yearly') }}
),

residual_totals as (
    select
        report_id,
        market_id,
        geography_id,
        subject_type,
        subject_family,
        taxonomy_market_id,
        year,
        100 - sum(share_pct) as share_pct,
        {{ ordered_string_agg('source_figure_ids', "', '") }} as source_figure_ids
    from stated
    where year is not null
    group by report_id, market_id, geography_id, subject_type, subject_family, taxonomy_market_id, year
    having bool_and(is_point_value and share_pct is not null)
),

with_market_size as (
    select
        residual_totals.*,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.basis as market_size_basis
    from residual_totals
    left join market_size_yearly
        on residual_totals.report_id = market_size_yearly.report_id
            and residual_totals.year = market_size_yearly.year
),

final as (
    select
        {{ subject_share_row({
            'report_id': 'report_id',
            'market_id': 'market_id',
            'geography_id': 'geography_id',
            'subject_type': 'subject_type',
            'subject_id': residual_member_id('subject_type', 'taxonomy_market_id', 'subject_family'),
            'subject_family': 'subject_family',
            'taxonomy_market_id': 'taxonomy_market_id',
            'year': 'year',
            'year_basis': "'stated'",
            'share_pct': 'share_pct',
            'revenue_usd_bn': part_of('share_pct', 'market_size_usd_bn'),
            'basis': "'derived'",
            'share_basis': "'derived'",
            'revenue_basis': "case when market_size_usd_bn is not null then 'derived' else 'not_disclosed' end",
            'market_size_usd_bn': 'market_size_usd_bn',
            'market_size_basis': 'market_size_basis',
            'is_point_value': 'true',
            'source_figure_ids': 'source_figure_ids',
        }) }}
    from with_market_size
)

select * from final
