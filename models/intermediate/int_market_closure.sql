-- Every market with each of its ancestors (itself at depth 0): a report of a market may use the
-- segment taxonomy of the market and of every broader market above it.

with

markets as (
    select * from {{ ref('stg_markets') }}
),

closure as (
    {{ hierarchy_closure('markets', 'market_id', 'parent_market_id', 5) }}
),

final as (
    select
        node_id as market_id,
        ancestor_id as ancestor_market_id,
        depth
    from closure
)

select * from final
