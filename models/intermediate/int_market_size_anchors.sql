-- Stated market sizes that can anchor a series: point values only (exact or approximate).
-- Bounds ("over USD 100 billion") stay in the audit trail and never anchor anything.

with

figures as (
    select * from {{ ref('int_report_figures') }}
),

anchors as (
    select
        figure_id,
        report_id,
        region_id,
        segment_id,
        is_whole_scope as is_total_market,
        year,
        value_normalized as market_size_usd_bn,
        qualifier_kind
    from figures
    where measure = 'market_size'
        and is_point_value
)

select * from anchors
