-- The shares and values a report states for its regions and segments (basis `reported`), with the
-- other of the two derived from the report's market size of that year. A share stated with no year
-- keeps its year null (year_basis `not_stated`) and derives nothing.

with

figures as (
    select * from {{ ref('int_report_figures') }}
),

subjects as (
    select * from {{ ref('int_report_subjects') }}
),

market_size_yearly as (
    select * from {{ ref('int_market_size_yearly') }}
),

subject_figures as (
    select
        figures.*,
        subjects.subject_type,
        subjects.subject_id,
        subjects.subject_family,
        subjects.taxonomy_market_id
    from figures
    inner join subjects
        on figures.report_id = subjects.report_id
            and coalesce(figures.segment_id, figures.region_id) = subjects.subject_id
            and (figures.segment_id is null) = (subjects.subject_type = 'region')
    where figures.measure in ('share', 'market_size')
),

stated_shares as (
    select * from subject_figures
    where measure = 'share'
),

stated_values as (
    select * from subject_figures
    where measure = 'market_size'
),

-- A share and a value of one subject and year make one row; a share with no year stands alone.
stated as (
    select
        coalesce(stated_shares.report_id, stated_values.report_id) as report_id,
        coalesce(stated_shares.market_id, stated_values.market_id) as market_id,
        coalesce(stated_shares.geography_id, stated_values.geography_id) as geography_id,
        coalesce(stated_shares.subject_type, stated_values.subject_type) as subject_type,
        coalesce(stated_shares.subject_id, stated_values.subject_id) as subject_id,
        coalesce(stated_shares.subject_family, stated_values.subject_family) as subject_family,
        coalesce(stated_shares.taxonomy_market_id, stated_values.taxonomy_market_id) as taxonomy_market_id,
        coalesce(stated_shares.year, stated_values.year) as year,
        stated_shares.value_normalized as stated_share_pct,
        stated_values.value_normalized as stated_revenue_usd_bn,
        coalesce(stated_shares.is_point_value, true) and coalesce(stated_values.is_point_value, true) as is_point_value,
        coalesce(stated_shares.qualifier, stated_values.qualifier) as qualifier,
        concat_ws(', ', stated_shares.figure_id, stated_values.figure_id) as source_figure_ids,
        coalesce(stated_shares.source_file, stated_values.source_file) as source_file,
        concat_ws(', ', stated_shares.source_line, stated_values.source_line) as source_lines
    from stated_shares
    full outer join stated_values
        on stated_shares.report_id = stated_values.report_id
            and stated_shares.subject_type = stated_values.subject_type
            and stated_shares.subject_id = stated_values.subject_id
            and stated_shares.year = stated_values.year
),

with_market_size as (
    select
        stated.*,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.basis as market_size_basis,
        stated.is_point_value and market_size_yearly.market_size_usd_bn is not null as can_derive
    from stated
    left join market_size_yearly
        on stated.report_id = market_size_yearly.report_id
            and stated.year = market_size_yearly.year
),

final as (
    select
        {{ subject_share_row({
            'report_id': 'report_id',
            'market_id': 'market_id',
            'geography_id': 'geography_id',
            'subject_type': 'subject_type',
            'subject_id': 'subject_id',
            'subject_family': 'subject_family',
            'taxonomy_market_id': 'taxonomy_market_id',
            'year': 'year',
            'year_basis': "case when year is null then 'not_stated' else 'stated' end",
            'share_pct': 'coalesce(stated_share_pct, case when can_derive then ' ~ share_of('stated_revenue_usd_bn', 'market_size_usd_bn') ~ ' end)',
            'revenue_usd_bn': 'coalesce(stated_revenue_usd_bn, case when can_derive then ' ~ part_of('stated_share_pct', 'market_size_usd_bn') ~ ' end)',
            'basis': "'reported'",
            'share_basis': "case when stated_share_pct is not null then 'reported' when can_derive then 'derived' else 'not_disclosed' end",
            'revenue_basis': "case when stated_revenue_usd_bn is not null then 'reported' when can_derive then 'derived' else 'not_disclosed' end",
            'market_size_usd_bn': 'market_size_usd_bn',
            'market_size_basis': 'market_size_basis',
            'is_point_value': 'is_point_value',
            'qualifier': 'qualifier',
            'source_figure_ids': 'source_figure_ids',
            'source_file': 'source_file',
            'source_lines': 'source_lines',
        }) }}
    from with_market_size
)

select * from final
