-- Shares and revenue of the regions and segments of each report, by year: the stated rows
-- (int_subject_shares_stated), the unallocated remainders (int_subject_shares_residual) and the
-- subjects named without a figure (int_subject_shares_undisclosed), one row shape (macro
-- subject_share_row), each with the report's claims about the subject that year or undated.

with

stated as (
    select * from {{ ref('int_subject_shares_stated') }}
),

residual as (
    select * from {{ ref('int_subject_shares_residual') }}
),

undisclosed as (
    select * from {{ ref('int_subject_shares_undisclosed') }}
),

claims as (
    select * from {{ ref('int_report_claims') }}
),

all_rows as (
    select * from stated
    union all
    select * from residual
    union all
    select * from undisclosed
),

subject_claims as (
    select
        report_id,
        case when segment_id is not null then 'segment' else 'region' end as subject_type,
        coalesce(segment_id, region_id) as subject_id,
        year,
        claim_type,
        excerpt
    from claims
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
