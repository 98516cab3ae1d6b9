-- Every region and segment a report names, with or without a figure: the subjects of its
-- figures, of its qualitative claims and of its bare mentions. A subject is a segment of the whole
-- market (its family is the segment's dimension) or a region inside the report's geography (its
-- family is the level).
-- Segments within one region are kept in the audit trail only.

with

figures as (
    select * from {{ ref('int_report_figures') }}
),

claims as (
    select * from {{ ref('int_report_claims') }}
),

mentions as (
    select * from {{ ref('int_report_mentions') }}
),

regions as (
    select * from {{ ref('stg_regions') }}
),

segments as (
    select * from {{ ref('stg_segments') }}
),

named as (
    select
        report_id,
        market_id,
        geography_id,
        region_id,
        segment_id,
        is_whole_geography
    from figures
    union
    select
        report_id,
        market_id,
        geography_id,
        region_id,
        segment_id,
        is_whole_geography
    from claims
    union
    select
        report_id,
        market_id,
        geography_id,
        region_id,
        segment_id,
        is_whole_geography
    from mentions
),

subjects as (
    select distinct
        named.report_id,
        named.market_id,
        named.geography_id,
        case when named.segment_id is not null then 'segment' else 'region' end as subject_type,
        coalesce(named.segment_id, named.region_id) as subject_id,
        coalesce(segments.segment_dimension, regions.region_level) as subject_family,
        segments.market_id as taxonomy_market_id
    from named
    left join segments
        on named.segment_id = segments.segment_id
    left join regions
        on named.region_id = regions.region_id
    where (named.segment_id is not null and named.is_whole_geography)
        or (named.segment_id is null and not named.is_whole_geography)
)

select * from subjects
