-- The seeded hierarchy plus one generated residual member per level below world
-- (`unallocated__region`, `unallocated__country`), the rows that carry what reports leave unallocated.

with

regions as (
    select * from {{ ref('stg_regions') }}
),

levels as (
    select distinct region_level
    from regions
    where region_level <> 'world'
),

seeded as (
    select
        region_id,
        region_name,
        parent_region_id,
        region_level,
        iso_country_code,
        false as is_residual
    from regions
),

residual_members as (
    select
        'unallocated__' || region_level as region_id,
        'Unallocated (' || region_level || ' not disclosed)' as region_name,
        'world' as parent_region_id,
        region_level,
        cast(null as {{ dbt.type_string() }}) as iso_country_code,
        true as is_residual
    from levels
),

final as (
    select * from seeded
    union all
    select * from residual_members
)

select * from final
