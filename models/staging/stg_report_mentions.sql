with

source as (
    {{ staging_input('report_mentions') }}
),

cleaned as (
    select
        source_file,
        source_line,
        {{ clean_text('mention_id') }} as mention_id,
        {{ clean_text('report_id') }} as report_id,
        {{ clean_text('region_id') }} as region_id,
        {{ clean_text('segment_id') }} as segment_id,
        {{ clean_text('excerpt') }} as excerpt,
        {{ clean_text('section') }} as section
    from source
)

select
    mention_id,
    report_id,
    region_id,
    segment_id,
    excerpt,
    section,
    source_file,
    source_line
from cleaned
