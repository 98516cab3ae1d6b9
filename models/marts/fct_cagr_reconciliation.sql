with

growth_periods as (
    select * from {{ ref('int_growth_periods') }}
),

final as (
    select
        figure_id,
        report_id,
        market_id,
        geography_id,
        region_id,
        segment_id,
        period_start_year,
        period_end_year,
        label_start_year,
        label_end_year,
        period_as_stated,
        period_basis,
        period_rule,
        period_years,
        start_value_usd_bn,
        end_value_usd_bn,
        stated_cagr_pct,
        stated_decimal_places,
        implied_cagr_pct,
        stated_cagr_pct - implied_cagr_pct as difference_pp,
        rounding_half_width_pp,
        is_consistent,
        reconciliation_status,
        concat_ws(', ', figure_id, start_figure_id, end_figure_id) as source_figure_ids
    from growth_periods
)

select * from final
