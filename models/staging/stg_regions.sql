with

source as (
    {{ staging_input('regions') }}
),

cleaned as (
    select
        source_file,
        source_line,
        {{ clean_text('region_id') }} as region_id,
        {{ clean_text('region_name') }} as region_name,
        {{ clean_text('parent_region_id') }} as parent_region_id,
        lower({{ clean_text('region_level') }}) as region_level,
        upper({{ clean_text('iso_country_code') }}) as iso_country_code
    from source
)

select
    region_id,
    region_name,
    parent_region_id,
    region_level,
    iso_country_code,
    source_file,
    source_line
from cleaned
