-- Every bare mention within its report's scope (market, geography, region resolved).

with

rows_as_stated as (
    select * from {{ ref('stg_report_mentions') }}
),

reports as (
    select * from {{ ref('stg_reports') }}
),

segments as (
    select * from {{ ref('stg_segments') }}
),

region_closure as (
    select * from {{ ref('int_region_closure') }}
),

market_closure as (
    select * from {{ ref('int_market_closure') }}
),

scoped as (
    {{ scope_to_report('rows_as_stated', ['mention_id', 'excerpt', 'section', 'source_file', 'source_line']) }}
)

select * from scoped
