with

source as (
    {{ staging_input('report_sources') }}
),

cleaned as (
    select
        source_file,
        source_line,
        {{ clean_text('source_id') }} as source_id,
        {{ clean_text('report_id') }} as report_id,
        {{ clean_text('source_url') }} as source_url,
        {{ clean_text('published_via') }} as published_via,
        {{ clean_text('published_on') }} as published_on_as_stated,
        {{ clean_text('accessed_on') }} as accessed_on_as_stated,
        {{ clean_text('source_document') }} as source_document
    from source
)

select
    source_id,
    report_id,
    source_url,
    published_via,
    try_cast(published_on_as_stated as date) as published_on,
    try_cast(accessed_on_as_stated as date) as accessed_on,
    source_document,
    published_on_as_stated,
    accessed_on_as_stated,
    source_file,
    source_line
from cleaned
