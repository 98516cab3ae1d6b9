-- Every address a report was read from: one report seen at several addresses (publisher page,
-- newswire, blog summary) is one report with several sources, counted once everywhere else.

with

sources as (
    select * from {{ ref('stg_report_sources') }}
),

reports as (
    select * from {{ ref('int_reports') }}
),

final as (
    select
        sources.source_id,
        sources.report_id,
        reports.publisher,
        sources.source_url,
        sources.published_via,
        sources.published_on,
        sources.accessed_on,
        sources.source_document,
        sources.source_id = reports.main_source_id as is_main_source
    from sources
    inner join reports
        on sources.report_id = reports.report_id
)

select * from final
