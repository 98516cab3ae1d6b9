-- The segment taxonomies of every market plus one generated residual member per market and
-- dimension (`unallocated__<market>__<dimension>`), the rows that carry what reports leave unallocated.

with

segments as (
    select * from {{ ref('stg_segments') }}
),

dimensions as (
    select distinct
        market_id,
        segment_dimension
    from segments
),

seeded as (
    select
        segment_id,
        market_id,
        segment_dimension,
        segment_name,
        false as is_residual
    from segments
),

residual_members as (
    select
        {{ residual_member_id("'segment'", 'market_id', 'segment_dimension') }} as segment_id,
        market_id,
        segment_dimension,
        'Unallocated (' || replace(segment_dimension, '_', ' ') || ' not disclosed)' as segment_name,
        true as is_residual
    from dimensions
),

final as (
    select * from seeded
    union all
    select * from residual_members
)

select * from final
