with

source as (
    {{ staging_input('report_figures') }}
),

cleaned as (
    select
        source_file,
        source_line,
        {{ clean_text('figure_id') }} as figure_id,
        {{ clean_text('report_id') }} as report_id,
        lower({{ clean_text('measure') }}) as measure,
        {{ clean_text('region_id') }} as region_id,
        {{ clean_text('segment_id') }} as segment_id,
        {{ clean_text('year') }} as year_as_stated,
        {{ clean_text('period_start_year') }} as period_start_year_as_stated,
        {{ clean_text('period_end_year') }} as period_end_year_as_stated,
        {{ clean_text('period_as_stated') }} as period_as_stated,
        {{ clean_text('value') }} as value_as_stated,
        {{ clean_text('unit') }} as unit_as_stated,
        lower({{ clean_text('qualifier') }}) as qualifier,
        {{ clean_text('excerpt') }} as excerpt,
        {{ clean_text('section') }} as section
    from source
),

typed as (
    select
        *,
        {{ parse_year('year_as_stated') }} as year,
        {{ parse_year('period_start_year_as_stated') }} as period_start_year,
        {{ parse_year('period_end_year_as_stated') }} as period_end_year,
        {{ parse_number('value_as_stated') }} as value_number,
        {{ decimal_places('value_as_stated') }} as value_decimal_places,
        {{ unit_kind('unit_as_stated') }} as unit_kind,
        {{ qualifier_kind('qualifier') }} as qualifier_kind
    from cleaned
),

normalized as (
    select
        *,
        {{ to_usd_bn('value_number', 'unit_as_stated') }} as value_normalized,
        case unit_kind
            when 'currency' then 'USD billion'
            when 'percent' then 'percent'
        end as unit_normalized,
        coalesce(qualifier_kind, 'exact') in ('exact', 'approximate') as is_point_value
    from typed
)

select
    figure_id,
    report_id,
    measure,
    region_id,
    segment_id,
    year,
    period_start_year,
    period_end_year,
    period_as_stated,
    value_as_stated,
    unit_as_stated,
    value_number,
    value_decimal_places,
    unit_kind,
    value_normalized,
    unit_normalized,
    qualifier,
    qualifier_kind,
    is_point_value,
    excerpt,
    section,
    year_as_stated,
    period_start_year_as_stated,
    period_end_year_as_stated,
    source_file,
    source_line
from normalized
