-- Claims side by side: for each market, geography and question (who leads, who grows fastest,
-- ...) within one family of subjects (a region level or a segment dimension), which publisher
-- names which region or segment, from each publisher's latest edition that answers it. Where the
-- question has one answer and publishers name different subjects, the status is `contested`.

with

claims as (
    select * from {{ ref('int_report_claims') }}
),

reports as (
    select * from {{ ref('int_reports') }}
),

regions as (
    select * from {{ ref('stg_regions') }}
),

segments as (
    select * from {{ ref('stg_segments') }}
),

claim_types as (
    {%- for claim_type, spec in claim_type_vocabulary().items() %}
    select
        '{{ claim_type }}' as claim_type,
        '{{ spec.compared_as }}' as compared_as,
        {{ 'true' if spec.exclusive else 'false' }} as is_exclusive
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

subject_claims as (
    select
        claims.claim_id,
        claims.report_id,
        claims.market_id,
        claims.geography_id,
        claims.claim_type,
        claim_types.compared_as,
        claim_types.is_exclusive,
        case when claims.segment_id is not null then 'segment' else 'region' end as subject_type,
        coalesce(claims.segment_id, claims.region_id) as subject_id,
        coalesce(segments.segment_dimension, regions.region_level) as subject_family,
        claims.year,
        claims.excerpt,
        reports.publisher,
        reports.edition,
        reports.edition_rank
    from claims
    inner join claim_types
        on claims.claim_type = claim_types.claim_type
    inner join reports
        on claims.report_id = reports.report_id
    left join segments
        on claims.segment_id = segments.segment_id
    left join regions
        on claims.region_id = regions.region_id
    -- A segment claim about the whole geography, or a region claim about a region inside it.
    where (claims.segment_id is not null and claims.is_whole_geography)
        or (claims.segment_id is null and not claims.is_whole_geography)
),

latest_edition as (
    select
        market_id,
        geography_id,
        compared_as,
        subject_type,
        subject_family,
        publisher,
        min(edition_rank) as edition_rank
    from subject_claims
    group by market_id, geography_id, compared_as, subject_type, subject_family, publisher
),

current_claims as (
    select subject_claims.*
    from subject_claims
    inner join latest_edition
        on subject_claims.market_id = latest_edition.market_id
            and subject_claims.geography_id = latest_edition.geography_id
            and subject_claims.compared_as = latest_edition.compared_as
            and subject_claims.subject_type = latest_edition.subject_type
            and subject_claims.subject_family = latest_edition.subject_family
            and subject_claims.publisher = latest_edition.publisher
            and subject_claims.edition_rank = latest_edition.edition_rank
),

question_summaries as (
    select
        market_id,
        geography_id,
        compared_as,
        subject_type,
        subject_family,
        count(distinct publisher) as publisher_count,
        count(distinct subject_id) as subject_count,
        {{ ordered_string_agg('subject_id', "', '") }} as subjects_named
    from (
        select distinct
            market_id,
            geography_id,
            compared_as,
            subject_type,
            subject_family,
            publisher,
            subject_id
        from current_claims
    ) as distinct_answers
    group by market_id, geography_id, compared_as, subject_type, subject_family
),

final as (
    select
        current_claims.market_id,
        current_claims.geography_id,
        current_claims.compared_as as question,
        current_claims.subject_type,
        current_claims.subject_family,
        current_claims.publisher,
        current_claims.report_id,
        current_claims.edition,
        current_claims.claim_id,
        current_claims.claim_type,
        current_claims.subject_id,
        current_claims.year,
        current_claims.excerpt,
        question_summaries.publisher_count,
        question_summaries.subject_count,
        question_summaries.subjects_named,
        case
            when not current_claims.is_exclusive then 'not_exclusive'
            when question_summaries.publisher_count < 2 then 'single_publisher'
            when question_summaries.subject_count > 1 then 'contested'
            else 'agreed'
        end as agreement_status
    from current_claims
    inner join question_summaries
        on current_claims.market_id = question_summaries.market_id
            and current_claims.geography_id = question_summaries.geography_id
            and current_claims.compared_as = question_summaries.compared_as
            and current_claims.subject_type = question_summaries.subject_type
            and current_claims.subject_family = question_summaries.subject_family
)

select * from final
order by market_id, geography_id, question, subject_family, publisher, claim_id
