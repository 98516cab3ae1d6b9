with

subject_shares as (
    select * from {{ ref('int_subject_shares') }}
    where subject_type = 'segment'
),

final as (
    select
        {{ share_mart_columns('subject_shares', 'segment_id', 'segment_dimension') }}
    from subject_shares
)

select * from final
-- Stored in the order dashboards filter on, so a lookup reads few row groups.
order by report_id, year nulls last, segment_id
