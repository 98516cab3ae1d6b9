-- Every region with each of its ancestors (itself at depth 0): "is X inside Y" becomes one join.

with

regions as (
    select * from {{ ref('stg_regions') }}
),

closure as (
    {{ hierarchy_closure('regions', 'region_id', 'parent_region_id', region_level_vocabulary().values() | max) }}
),

final as (
    select
        node_id as region_id,
        ancestor_id as ancestor_region_id,
        depth
    from closure
)

select * from final
