-- Every qualitative claim within its report's scope (market, geography, region resolved).

with

rows_as_stated as (
    select * from {{ ref('stg_report_claims') }}
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
    {{ scope_to_report('rows_as_stated', ['claim_id', 'claim_type', 'year', 'excerpt', 'section', 'year_as_stated', 'source_file', 'source_line']) }}
)

select * from scoped
