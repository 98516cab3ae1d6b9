-- The seeded taxonomy plus one generated residual member per dimension
-- (`unallocated__<dimension>`), the rows that carry what reports leave unallocated.

with

segments as (
    select * from {{ ref('stg_segments') }}
),

dimensions as (
    select distinct segment_dimension
    from segments
),

seeded as (
    select
        segment_id,
        segment_dimension,
        segment_name,
        false as is_residual
    from segments
),

residual_members as (
    select
        'unallocated__' || segment_dimension as segment_id,
        segment_dimension,
        'Unallocated (' || segment_dimension || ' not disclosed)' as segment_name,
        true as is_residual
    from dimensions
),

final as (
    select * from seeded
    union all
    select * from residual_members
)

select * from final
