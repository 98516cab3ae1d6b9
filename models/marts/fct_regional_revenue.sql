with

subject_shares as (
    select * from {{ ref('int_subject_shares') }}
    where subject_type = 'region'
),

final as (
    select
        {{ share_mart_columns('subject_shares', 'region_id', 'region_level') }}
    from subject_shares
)

select * from final
-- Stored in the order dashboards filter on, so a lookup reads few row groups.
order by report_id, year nulls last, region_id
