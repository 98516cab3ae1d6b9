with

source as (
    {{ staging_input('markets') }}
),

cleaned as (
    select
        source_file,
        source_line,
        {{ clean_text('market_id') }} as market_id,
        {{ clean_text('market_name') }} as market_name,
        {{ clean_text('parent_market_id') }} as parent_market_id,
        {{ clean_text('definition') }} as definition
    from source
)

select
    market_id,
    market_name,
    parent_market_id,
    definition,
    source_file,
    source_line
from cleaned
