with

subject_shares as (
    select * from {{ ref('int_subject_shares') }}
    where subject_type = 'segment'
),

final as (
    select
        report_id,
        market_id,
        geography_id,
        subject_id as segment_id,
        subject_family as segment_dimension,
        year,
        year_basis,
        share_pct,
        revenue_usd_bn,
        basis,
        share_basis,
        revenue_basis,
        market_size_usd_bn,
        market_size_basis,
        is_point_value,
        qualifier,
        claim_summary,
        source_figure_ids
    from subject_shares
)

select * from final
-- Stored in the order dashboards filter on, so a lookup reads few row groups.
order by report_id, year nulls last, segment_id
