-- Regions and segments a report names but gives no share or value for (basis `not_disclosed`):
-- share and revenue null, one row for each year the report discloses the subject's family or
-- makes a dated claim about it (year_basis `assigned`), else the report's first stated year.

with

subjects as (
    select * from {{ ref('int_report_subjects') }}
),

figures as (
    select * from {{ ref('int_report_figures') }}
),

claims as (
    select * from {{ ref('int_report_claims') }}
),

stated as (
    select * from {{ ref('int_subject_shares_stated') }}
),

anchors as (
    select * from {{ ref('int_market_size_anchors') }}
    where is_total_market
),

market_size_yearly as (
    select * from {{ ref('int_market_size_yearly') }}
),

subject_figures as (
    select distinct
        report_id,
        coalesce(segment_id, region_id) as subject_id,
        case when segment_id is not null then 'segment' else 'region' end as subject_type
    from figures
    where measure in ('share', 'market_size')
),

undisclosed_subjects as (
    select subjects.*
    from subjects
    left join subject_figures
        on subjects.report_id = subject_figures.report_id
            and subjects.subject_type = subject_figures.subject_type
            and subjects.subject_id = subject_figures.subject_id
    where subject_figures.subject_id is null
),

dated_claims as (
    select
        claims.report_id,
        subjects.subject_type,
        subjects.subject_family,
        claims.year
    from claims
    inner join subjects
        on claims.report_id = subjects.report_id
            and coalesce(claims.segment_id, claims.region_id) = subjects.subject_id
            and (claims.segment_id is null) = (subjects.subject_type = 'region')
    where claims.year is not null
),

family_years as (
    select
        report_id,
        subject_type,
        subject_family,
        year
    from stated
    where year is not null
    union
    select
        report_id,
        subject_type,
        subject_family,
        year
    from dated_claims
),

first_stated_years as (
    select
        report_id,
        min(year) as first_year
    from anchors
    group by report_id
),

placed as (
    select
        undisclosed_subjects.*,
        coalesce(family_years.year, first_stated_years.first_year) as year
    from undisclosed_subjects
    left join family_years
        on undisclosed_subjects.report_id = family_years.report_id
            and undisclosed_subjects.subject_type = family_years.subject_type
            and undisclosed_subjects.subject_family = family_years.subject_family
    left join first_stated_years
        on undisclosed_subjects.report_id = first_stated_years.report_id
),

with_market_size as (
    select
        placed.*,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.basis as market_size_basis
    from placed
    left join market_size_yearly
        on placed.report_id = market_size_yearly.report_id
            and placed.year = market_size_yearly.year
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
            'year_basis': "'assigned'",
            'basis': "'not_disclosed'",
            'share_basis': "'not_disclosed'",
            'revenue_basis': "'not_disclosed'",
            'market_size_usd_bn': 'market_size_usd_bn',
            'market_size_basis': 'market_size_basis',
        }) }}
    from with_market_size
)

select * from final
