with

source as (
    {{ staging_input('report_claims') }}
),

cleaned as (
    select
        source_file,
        source_line,
        {{ clean_text('claim_id') }} as claim_id,
        {{ clean_text('report_id') }} as report_id,
        lower({{ clean_text('claim_type') }}) as claim_type,
        {{ clean_text('region_id') }} as region_id,
        {{ clean_text('segment_id') }} as segment_id,
        {{ clean_text('year') }} as year_as_stated,
        {{ clean_text('excerpt') }} as excerpt,
        {{ clean_text('section') }} as section
    from source
)

select
    claim_id,
    report_id,
    claim_type,
    region_id,
    segment_id,
    {{ parse_year('year_as_stated') }} as year,
    excerpt,
    section,
    year_as_stated,
    source_file,
    source_line
from cleaned
