-- Shares and revenue of the regions and segments of each report, by year.
--   reported       a stated share, or a stated absolute value; a share the source states with
--                  no year keeps year null (year_basis not_stated) and derives nothing;
--                  the other of the two is derived with the report's market size of that year;
--   derived        the residual: 100 minus the stated shares of one whole (report, family, year),
--                  computed only when every share of that whole is a point value;
--   not_disclosed  a subject the report names but gives no share or value for: share and revenue
--                  null, one row for each year the report discloses its family (else its first year).

with

figures as (
    select * from {{ ref('int_report_figures') }}
),

subjects as (
    select * from {{ ref('int_report_subjects') }}
),

claims as (
    select * from {{ ref('int_report_claims') }}
),

market_size_yearly as (
    select * from {{ ref('int_market_size_yearly') }}
),

anchors as (
    select * from {{ ref('int_market_size_anchors') }}
    where is_total_market
),

subject_figures as (
    select
        figures.*,
        subjects.subject_type,
        subjects.subject_id,
        subjects.subject_family
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

stated as (
    select
        coalesce(stated_shares.report_id, stated_values.report_id) as report_id,
        coalesce(stated_shares.market_id, stated_values.market_id) as market_id,
        coalesce(stated_shares.geography_id, stated_values.geography_id) as geography_id,
        coalesce(stated_shares.subject_type, stated_values.subject_type) as subject_type,
        coalesce(stated_shares.subject_id, stated_values.subject_id) as subject_id,
        coalesce(stated_shares.subject_family, stated_values.subject_family) as subject_family,
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

disclosed as (
    select
        stated.report_id,
        stated.market_id,
        stated.geography_id,
        stated.subject_type,
        stated.subject_id,
        stated.subject_family,
        stated.year,
        coalesce(
            stated.stated_share_pct,
            case when stated.is_point_value then {{ share_of('stated.stated_revenue_usd_bn', 'market_size_yearly.market_size_usd_bn') }} end
        ) as share_pct,
        coalesce(
            stated.stated_revenue_usd_bn,
            case when stated.is_point_value then {{ part_of('stated.stated_share_pct', 'market_size_yearly.market_size_usd_bn') }} end
        ) as revenue_usd_bn,
        'reported' as basis,
        case when stated.year is null then 'not_stated' else 'stated' end as year_basis,
        case
            when stated.stated_share_pct is not null then 'reported'
            when stated.is_point_value and market_size_yearly.market_size_usd_bn is not null then 'derived'
            else 'not_disclosed'
        end as share_basis,
        case
            when stated.stated_revenue_usd_bn is not null then 'reported'
            when stated.is_point_value and market_size_yearly.market_size_usd_bn is not null then 'derived'
            else 'not_disclosed'
        end as revenue_basis,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.basis as market_size_basis,
        stated.is_point_value,
        stated.qualifier,
        stated.source_figure_ids,
        stated.source_file,
        stated.source_lines
    from stated
    left join market_size_yearly
        on stated.report_id = market_size_yearly.report_id
            and stated.year = market_size_yearly.year
),

residual_totals as (
    select
        report_id,
        market_id,
        geography_id,
        subject_type,
        subject_family,
        year,
        100 - sum(share_pct) as share_pct,
        {{ ordered_string_agg('source_figure_ids', "', '") }} as source_figure_ids
    from disclosed
    where year is not null
    group by report_id, market_id, geography_id, subject_type, subject_family, year
    having bool_and(is_point_value and share_pct is not null)
),

residuals as (
    select
        residual_totals.report_id,
        residual_totals.market_id,
        residual_totals.geography_id,
        residual_totals.subject_type,
        {{ residual_member_id('residual_totals.subject_type', 'residual_totals.market_id', 'residual_totals.subject_family') }} as subject_id,
        residual_totals.subject_family,
        residual_totals.year,
        residual_totals.share_pct,
        {{ part_of('residual_totals.share_pct', 'market_size_yearly.market_size_usd_bn') }} as revenue_usd_bn,
        'derived' as basis,
        'stated' as year_basis,
        'derived' as share_basis,
        case when market_size_yearly.market_size_usd_bn is not null then 'derived' else 'not_disclosed' end as revenue_basis,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.basis as market_size_basis,
        true as is_point_value,
        cast(null as {{ dbt.type_string() }}) as qualifier,
        residual_totals.source_figure_ids,
        cast(null as {{ dbt.type_string() }}) as source_file,
        cast(null as {{ dbt.type_string() }}) as source_lines
    from residual_totals
    left join market_size_yearly
        on residual_totals.report_id = market_size_yearly.report_id
            and residual_totals.year = market_size_yearly.year
),

subject_claims as (
    select
        claims.report_id,
        subjects.subject_type,
        subjects.subject_id,
        subjects.subject_family,
        claims.year,
        claims.claim_type,
        claims.excerpt
    from claims
    inner join subjects
        on claims.report_id = subjects.report_id
            and coalesce(claims.segment_id, claims.region_id) = subjects.subject_id
            and (claims.segment_id is null) = (subjects.subject_type = 'region')
),

family_years as (
    select
        report_id,
        subject_type,
        subject_family,
        year
    from disclosed
    where year is not null
    union
    select
        report_id,
        subject_type,
        subject_family,
        year
    from subject_claims
    where year is not null
),

first_stated_years as (
    select
        report_id,
        min(year) as first_year
    from anchors
    group by report_id
),

undisclosed_subjects as (
    select subjects.*
    from subjects
    where not exists (
            select 1 as has_figure
            from subject_figures
            where subject_figures.report_id = subjects.report_id
                and subject_figures.subject_type = subjects.subject_type
                and subject_figures.subject_id = subjects.subject_id
        )
),

not_disclosed as (
    select
        undisclosed_subjects.report_id,
        undisclosed_subjects.market_id,
        undisclosed_subjects.geography_id,
        undisclosed_subjects.subject_type,
        undisclosed_subjects.subject_id,
        undisclosed_subjects.subject_family,
        coalesce(family_years.year, first_stated_years.first_year) as year,
        cast(null as double) as share_pct,
        cast(null as double) as revenue_usd_bn,
        'not_disclosed' as basis,
        'assigned' as year_basis,
        'not_disclosed' as share_basis,
        'not_disclosed' as revenue_basis,
        market_size_yearly.market_size_usd_bn,
        market_size_yearly.basis as market_size_basis,
        cast(null as boolean) as is_point_value,
        cast(null as {{ dbt.type_string() }}) as qualifier,
        cast(null as {{ dbt.type_string() }}) as source_figure_ids,
        cast(null as {{ dbt.type_string() }}) as source_file,
        cast(null as {{ dbt.type_string() }}) as source_lines
    from undisclosed_subjects
    left join family_years
        on undisclosed_subjects.report_id = family_years.report_id
            and undisclosed_subjects.subject_type = family_years.subject_type
            and undisclosed_subjects.subject_family = family_years.subject_family
    left join first_stated_years
        on undisclosed_subjects.report_id = first_stated_years.report_id
    left join market_size_yearly
        on undisclosed_subjects.report_id = market_size_yearly.report_id
            and coalesce(family_years.year, first_stated_years.first_year) = market_size_yearly.year
),

all_rows as (
    select * from disclosed
    union all
    select * from residuals
    union all
    select * from not_disclosed
),

claim_summaries as (
    select
        all_rows.report_id,
        all_rows.subject_type,
        all_rows.subject_id,
        all_rows.year,
        {{ ordered_string_agg(
            "subject_claims.claim_type || ': ' || subject_claims.excerpt",
            "' | '"
        ) }} as claim_summary
    from all_rows
    inner join subject_claims
        on all_rows.report_id = subject_claims.report_id
            and all_rows.subject_type = subject_claims.subject_type
            and all_rows.subject_id = subject_claims.subject_id
            and (subject_claims.year is null or all_rows.year = subject_claims.year)
    group by all_rows.report_id, all_rows.subject_type, all_rows.subject_id, all_rows.year
),

final as (
    select
        all_rows.*,
        claim_summaries.claim_summary
    from all_rows
    left join claim_summaries
        on all_rows.report_id = claim_summaries.report_id
            and all_rows.subject_type = claim_summaries.subject_type
            and all_rows.subject_id = claim_summaries.subject_id
            and all_rows.year is not distinct from claim_summaries.year
)

select * from final
