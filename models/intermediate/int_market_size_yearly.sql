-- The whole market of each report, every year of its span:
--   reported      a stated value, as stated;
--   interpolated  between the stated values around it, at constant growth (both reproduced exactly);
--   extrapolated  after the last stated value, at the stated CAGR whose period covers the year;
--   backcast      before the first stated value, likewise;
--   not_disclosed no stated value around it and no stated CAGR covering it: left null.
-- Where several stated CAGRs cover a year, the one with the narrowest period is used.

with

spine as (
    select * from {{ ref('int_report_year_spine') }}
),

anchors as (
    select * from {{ ref('int_market_size_anchors') }}
    where is_total_market
),

growth_periods as (
    select * from {{ ref('int_growth_periods') }}
    where is_total_market
        and is_point_value
),

spine_anchors as (
    select
        spine.report_id,
        spine.year,
        anchors.year as anchor_year
    from spine
    left join anchors
        on spine.report_id = anchors.report_id
            and spine.year = anchors.year
),

-- The stated years around each year: the latest at or before it and the earliest at or after it,
-- as running max and min over the report's years (equality joins only, no range join).
anchor_years as (
    select
        report_id,
        year,
        max(anchor_year) over (
            partition by report_id
            order by year
            rows between unbounded preceding and current row
        ) as previous_year,
        min(anchor_year) over (
            partition by report_id
            order by year
            rows between current row and unbounded following
        ) as next_year
    from spine_anchors
),

bracketed as (
    select
        anchor_years.report_id,
        anchor_years.year,
        anchor_years.previous_year,
        previous_anchors.market_size_usd_bn as previous_value_usd_bn,
        previous_anchors.figure_id as previous_figure_id,
        anchor_years.next_year,
        next_anchors.market_size_usd_bn as next_value_usd_bn,
        next_anchors.figure_id as next_figure_id
    from anchor_years
    left join anchors as previous_anchors
        on anchor_years.report_id = previous_anchors.report_id
            and anchor_years.previous_year = previous_anchors.year
    left join anchors as next_anchors
        on anchor_years.report_id = next_anchors.report_id
            and anchor_years.next_year = next_anchors.year
),

covering_growth_ranked as (
    select
        bracketed.report_id,
        bracketed.year,
        growth_periods.figure_id as growth_figure_id,
        growth_periods.stated_cagr_pct,
        row_number() over (
            partition by bracketed.report_id, bracketed.year
            order by
                growth_periods.usable_to_year - growth_periods.usable_from_year,
                growth_periods.usable_to_year desc,
                growth_periods.figure_id asc
        ) as preference
    from bracketed
    inner join growth_periods
        on bracketed.report_id = growth_periods.report_id
            and bracketed.year between growth_periods.usable_from_year and growth_periods.usable_to_year
    where bracketed.previous_year is null
        or bracketed.next_year is null
),

covering_growth as (
    select * from covering_growth_ranked
    where preference = 1
),

classified as (
    select
        bracketed.*,
        covering_growth.growth_figure_id,
        covering_growth.stated_cagr_pct,
        case
            when bracketed.previous_year = bracketed.year then 'reported'
            when bracketed.previous_year is not null and bracketed.next_year is not null then 'interpolated'
            when bracketed.previous_year is not null and covering_growth.growth_figure_id is not null then 'extrapolated'
            when bracketed.next_year is not null and covering_growth.growth_figure_id is not null then 'backcast'
            else 'not_disclosed'
        end as basis
    from bracketed
    left join covering_growth
        on bracketed.report_id = covering_growth.report_id
            and bracketed.year = covering_growth.year
),

computed as (
    select
        report_id,
        year,
        basis,
        case basis
            when 'reported' then previous_value_usd_bn
            when 'interpolated' then {{ interpolate_geometric(
                'previous_value_usd_bn', 'previous_year', 'next_value_usd_bn', 'next_year', 'year'
            ) }}
            when 'extrapolated' then {{ compound('previous_value_usd_bn', 'stated_cagr_pct', 'year - previous_year') }}
            when 'backcast' then {{ compound('next_value_usd_bn', 'stated_cagr_pct', 'year - next_year') }}
        end as market_size_usd_bn,
        case basis
            when 'interpolated' then {{ cagr_pct('previous_value_usd_bn', 'next_value_usd_bn', 'next_year - previous_year') }}
            when 'extrapolated' then stated_cagr_pct
            when 'backcast' then stated_cagr_pct
        end as growth_rate_pct,
        case basis
            when 'reported' then previous_figure_id
            when 'interpolated' then previous_figure_id || ', ' || next_figure_id
            when 'extrapolated' then previous_figure_id || ', ' || growth_figure_id
            when 'backcast' then next_figure_id || ', ' || growth_figure_id
        end as source_figure_ids
    from classified
),

with_growth as (
    select
        *,
        {{ growth_pct('market_size_usd_bn', 'lag(market_size_usd_bn) over (partition by report_id order by year)') }}
            as yoy_growth_pct
    from computed
)

select * from with_growth
