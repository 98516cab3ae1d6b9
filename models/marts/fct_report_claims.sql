-- The reports' qualitative claims (who leads revenue or volume, who gains share), with their words.

with

claims as (
    select * from {{ ref('int_report_claims') }}
),

final as (
    select
        claim_id,
        report_id,
        market_id,
        geography_id,
        claim_type,
        region_id,
        segment_id,
        year,
        excerpt,
        section
    from claims
)

select * from final
