with

source as (
    {{ staging_input('segments') }}
),

cleaned as (
    select
        source_file,
        source_line,
        {{ clean_text('segment_id') }} as segment_id,
        {{ clean_text('market_id') }} as market_id,
        lower({{ clean_text('segment_dimension') }}) as segment_dimension,
        {{ clean_text('segment_name') }} as segment_name
    from source
)

select
    segment_id,
    market_id,
    segment_dimension,
    segment_name,
    source_file,
    source_line
from cleaned
