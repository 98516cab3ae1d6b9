-- The audit trail: one row per figure a report states, as stated and normalised, with the words
-- it came from and where to find them (the report's main address; dim_report_sources has all).

with

figures as (
    select * from {{ ref('int_report_figures') }}
),

reports as (
    select * from {{ ref('int_reports') }}
),

final as (
    select
        figures.figure_id,
        figures.report_id,
        figures.market_id,
        figures.geography_id,
        figures.measure,
        figures.region_id,
        figures.segment_id,
        figures.year,
        figures.period_start_year,
        figures.period_end_year,
        figures.period_as_stated,
        figures.period_basis,
        figures.period_rule,
        figures.value_as_stated,
        figures.unit_as_stated,
        figures.qualifier,
        figures.qualifier_kind,
        figures.is_point_value,
        figures.value_normalized,
        figures.unit_normalized,
        'reported' as basis,
        figures.excerpt,
        figures.section,
        reports.source_url,
        reports.source_document,
        reports.accessed_on,
        figures.source_file,
        figures.source_line
    from figures
    inner join reports
        on figures.report_id = reports.report_id
)

select * from final
