with

source as (
    {{ staging_input('reports') }}
),

cleaned as (
    select
        source_file,
        source_line,
        {{ clean_text('report_id') }} as report_id,
        {{ clean_text('publisher') }} as publisher,
        {{ clean_text('title') }} as title,
        {{ clean_text('market_name') }} as market_name,
        {{ clean_text('edition') }} as edition,
        {{ clean_text('base_year') }} as base_year_as_stated,
        {{ clean_text('source_url') }} as source_url,
        {{ clean_text('published_via') }} as published_via,
        {{ clean_text('published_on') }} as published_on_as_stated,
        {{ clean_text('accessed_on') }} as accessed_on_as_stated,
        upper({{ clean_text('currency') }}) as currency,
        lower({{ clean_text('is_primary') }}) as is_primary_as_stated,
        {{ clean_text('source_document') }} as source_document
    from source
)

select
    report_id,
    publisher,
    title,
    market_name,
    edition,
    {{ parse_year('base_year_as_stated') }} as base_year,
    source_url,
    published_via,
    try_cast(published_on_as_stated as date) as published_on,
    try_cast(accessed_on_as_stated as date) as accessed_on,
    currency,
    case is_primary_as_stated
        when 'true' then true
        when 'false' then false
    end as is_primary,
    source_document,
    base_year_as_stated,
    published_on_as_stated,
    accessed_on_as_stated,
    is_primary_as_stated,
    source_file,
    source_line
from cleaned
