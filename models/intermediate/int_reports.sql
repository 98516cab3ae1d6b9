-- One row per report with its main address (the first of its sources in report_sources.csv), how
-- many addresses it was seen at, and its place among the editions of the same publisher, market
-- and geography (edition_rank 1 is the latest; previous_report_id the edition before it).
-- Editions are ordered by the edition as a number when it is one, then the base year, then the
-- latest publication date of the report's sources, then the report id.

with

reports as (
    select * from {{ ref('stg_reports') }}
),

sources as (
    select * from {{ ref('stg_report_sources') }}
),

figures as (
    select * from {{ ref('int_report_figures') }}
),

-- The stated figures of each report as one text: two reports of one publisher with the same
-- text are probably one report entered twice (a warning test names both).
figure_fingerprints as (
    select
        report_id,
        {{ ordered_string_agg(
            "concat_ws('/', measure, region_id, segment_id, cast(year as " ~ dbt.type_string() ~ "), "
            ~ "cast(period_start_year as " ~ dbt.type_string() ~ "), cast(period_end_year as " ~ dbt.type_string() ~ "), "
            ~ "value_as_stated, lower(unit_as_stated))",
            "'; '"
        ) }} as figure_fingerprint
    from figures
    group by report_id
),

ranked_sources as (
    select
        *,
        row_number() over (partition by report_id order by source_line) as source_order
    from sources
),

source_summaries as (
    select
        report_id,
        count(*) as source_count,
        max(published_on) as latest_published_on,
        {{ ordered_string_agg('source_url', "' | '", 'source_line') }} as source_urls
    from sources
    group by report_id
),

with_sources as (
    select
        reports.*,
        main_source.source_id as main_source_id,
        main_source.source_url,
        main_source.published_via,
        main_source.published_on,
        main_source.accessed_on,
        main_source.source_document,
        source_summaries.source_count,
        source_summaries.source_urls,
        source_summaries.latest_published_on,
        figure_fingerprints.figure_fingerprint
    from reports
    left join ranked_sources as main_source
        on reports.report_id = main_source.report_id
            and main_source.source_order = 1
    left join source_summaries
        on reports.report_id = source_summaries.report_id
    left join figure_fingerprints
        on reports.report_id = figure_fingerprints.report_id
),

edition_order as (
    select
        *,
        row_number() over (
            partition by publisher, market_id, geography_id
            order by
                {{ parse_year('edition') }} desc nulls last,
                base_year desc nulls last,
                latest_published_on desc nulls last,
                report_id desc
        ) as edition_rank
    from with_sources
),

final as (
    select
        *,
        lead(report_id) over (
            partition by publisher, market_id, geography_id
            order by edition_rank
        ) as previous_report_id
    from edition_order
)

select * from final
