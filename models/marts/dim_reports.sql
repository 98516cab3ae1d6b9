with

reports as (
    select * from {{ ref('int_reports') }}
),

figures as (
    select * from {{ ref('int_report_figures') }}
),

market_size_yearly as (
    select * from {{ ref('int_market_size_yearly') }}
),

figure_counts as (
    select
        report_id,
        count(*) as figure_count
    from figures
    group by report_id
),

spans as (
    select
        report_id,
        min(year) as first_year,
        max(year) as last_year
    from market_size_yearly
    group by report_id
),

final as (
    select
        reports.report_id,
        reports.publisher,
        reports.title,
        reports.market_id,
        reports.geography_id,
        reports.market_name,
        reports.edition,
        reports.base_year,
        reports.source_url,
        reports.published_via,
        reports.published_on,
        reports.accessed_on,
        reports.currency,
        reports.is_primary,
        reports.source_document,
        reports.source_count,
        cast(reports.edition_rank as integer) as edition_rank,
        reports.edition_rank = 1 as is_latest_edition,
        reports.previous_report_id,
        figure_counts.figure_count,
        spans.first_year,
        spans.last_year
    from reports
    left join figure_counts
        on reports.report_id = figure_counts.report_id
    left join spans
        on reports.report_id = spans.report_id
)

select * from final
