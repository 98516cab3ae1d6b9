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
        {{ clean_text('market_id') }} as market_id,
        {{ clean_text('geography_id') }} as geography_id,
        {{ clean_text('market_name') }} as market_name,
        {{ clean_text('edition') }} as edition,
        {{ clean_text('base_year') }} as base_year_as_stated,
        upper({{ clean_text('currency') }}) as currency,
        lower({{ clean_text('is_primary') }}) as is_primary_as_stated
    from source
)

select
    report_id,
    publisher,
    title,
    market_id,
    geography_id,
    market_name,
    edition,
    {{ parse_year('base_year_as_stated') }} as base_year,
    currency,
    case is_primary_as_stated
        when 'true' then true
        when 'false' then false
    end as is_primary,
    base_year_as_stated,
    is_primary_as_stated,
    source_file,
    source_line
from cleaned
