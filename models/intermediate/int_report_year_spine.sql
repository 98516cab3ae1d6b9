-- One row per report and year over the span the report covers: from the earliest to the latest
-- year of any dated market size or share it states, and of its whole-market CAGR periods.

with

figures as (
    select * from {{ ref('int_report_figures') }}
),

report_years as (
    select
        report_id,
        year
    from figures
    where measure in ('market_size', 'share')
        and year is not null

    union all

    select
        report_id,
        period_start_year as year
    from figures
    where measure = 'cagr'
        and is_whole_scope
        and period_start_year is not null

    union all

    select
        report_id,
        period_end_year as year
    from figures
    where measure = 'cagr'
        and is_whole_scope
),

report_spans as (
    select
        report_id,
        min(year) as first_year,
        max(year) as last_year
    from report_years
    group by report_id
),

calendar as (
    select
        {{ checked_var('min_plausible_year') }} - 1 + cast(generated_number as integer) as year
    from ({{ dbt.generate_series(checked_var('max_plausible_year') - checked_var('min_plausible_year') + 1) }}) as series
),

spine as (
    select
        report_spans.report_id,
        calendar.year
    from report_spans
    inner join calendar
        on calendar.year between report_spans.first_year and report_spans.last_year
)

select * from spine
