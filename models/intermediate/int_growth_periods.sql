-- Every stated CAGR with the stated values it can be checked against, and the years it may be
-- used to extrapolate over. Periods are matched to values of the same scope (region, segment).
-- Label start without a stated value: the base year's value (label start - 1) is used instead,
-- as publishers label "2025-2034" while compounding from 2024.

with

figures as (
    select * from {{ ref('int_report_figures') }}
),

anchors as (
    select * from {{ ref('int_market_size_anchors') }}
),

stated_cagrs as (
    select
        figure_id,
        report_id,
        market_id,
        geography_id,
        region_id,
        segment_id,
        is_whole_scope as is_total_market,
        period_start_year as label_start_year,
        period_end_year as label_end_year,
        period_as_stated,
        period_basis,
        period_rule,
        value_number as stated_cagr_pct,
        value_decimal_places as stated_decimal_places,
        qualifier_kind,
        is_point_value
    from figures
    where measure = 'cagr'
),

matched as (
    select
        stated_cagrs.*,
        coalesce(start_at_label.year, start_at_base.year) as start_anchor_year,
        coalesce(start_at_label.market_size_usd_bn, start_at_base.market_size_usd_bn) as start_value_usd_bn,
        coalesce(start_at_label.figure_id, start_at_base.figure_id) as start_figure_id,
        end_anchor.market_size_usd_bn as end_value_usd_bn,
        end_anchor.figure_id as end_figure_id
    from stated_cagrs
    left join anchors as start_at_label
        on stated_cagrs.report_id = start_at_label.report_id
            and stated_cagrs.region_id = start_at_label.region_id
            and coalesce(stated_cagrs.segment_id, '') = coalesce(start_at_label.segment_id, '')
            and stated_cagrs.label_start_year = start_at_label.year
    left join anchors as start_at_base
        on stated_cagrs.report_id = start_at_base.report_id
            and stated_cagrs.region_id = start_at_base.region_id
            and coalesce(stated_cagrs.segment_id, '') = coalesce(start_at_base.segment_id, '')
            and stated_cagrs.label_start_year - 1 = start_at_base.year
    left join anchors as end_anchor
        on stated_cagrs.report_id = end_anchor.report_id
            and stated_cagrs.region_id = end_anchor.region_id
            and coalesce(stated_cagrs.segment_id, '') = coalesce(end_anchor.segment_id, '')
            and stated_cagrs.label_end_year = end_anchor.year
),

implied as (
    select
        *,
        coalesce(start_anchor_year, label_start_year) as period_start_year,
        label_end_year as period_end_year,
        label_end_year - coalesce(start_anchor_year, label_start_year) as period_years,
        case
            when start_value_usd_bn is not null and end_value_usd_bn is not null
                then {{ cagr_pct('start_value_usd_bn', 'end_value_usd_bn', 'label_end_year - start_anchor_year') }}
        end as implied_cagr_pct,
        {{ rounding_half_width_pp('stated_decimal_places') }} as rounding_half_width_pp,
        -- Years this rate may extrapolate or backcast over: from the base year before the
        -- label's start (or from any earlier year when the source names only the end) to its end.
        coalesce(label_start_year - 1, {{ checked_var('min_plausible_year') }}) as usable_from_year,
        label_end_year as usable_to_year
    from matched
),

reconciled as (
    select
        *,
        implied_cagr_pct is not null and is_point_value as is_checkable,
        case
            when implied_cagr_pct is null or not is_point_value then null
            -- 1e-9 absorbs binary rounding at the interval's edge (9.85 must count as 9.9).
            else abs(stated_cagr_pct - implied_cagr_pct) <= rounding_half_width_pp + 1e-9
        end as is_consistent,
        case
            when not is_point_value then 'not checkable: the CAGR is stated as a bound'
            when label_start_year is null then 'not checkable: the source states no start year for the period'
            when start_value_usd_bn is null
                then 'not checkable: no stated value for ' || cast(label_start_year as {{ dbt.type_string() }})
                    || ' or its base year ' || cast(label_start_year - 1 as {{ dbt.type_string() }})
            when end_value_usd_bn is null
                then 'not checkable: no stated value for ' || cast(label_end_year as {{ dbt.type_string() }})
            when abs(stated_cagr_pct - implied_cagr_pct) <= rounding_half_width_pp + 1e-9 then 'consistent'
            else 'inconsistent: the stated CAGR is not the implied one rounded to the stated precision'
        end as reconciliation_status
    from implied
)

select * from reconciled
