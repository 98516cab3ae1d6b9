-- Every stated figure within its report's scope: the report's market and geography, the region
-- resolved (blank means the whole geography), and whether it lies inside that scope. For a CAGR,
-- whether the source states its period or the period was inferred, and by which rule.

with

rows_as_stated as (
    select * from {{ ref('stg_report_figures') }}
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
    {{ scope_to_report('rows_as_stated', ['figure_id', 'measure', 'year', 'period_start_year', 'period_end_year', 'period_as_stated', 'value_as_stated', 'unit_as_stated', 'value_number', 'value_decimal_places', 'unit_kind', 'value_normalized', 'unit_normalized', 'qualifier', 'qualifier_kind', 'is_point_value', 'excerpt', 'section', 'year_as_stated', 'period_start_year_as_stated', 'period_end_year_as_stated', 'source_file', 'source_line']) }}
)
,

with_period_basis as (
    select
        *,
        case
            when measure <> 'cagr' then null
            when period_as_stated is not null then 'stated'
            else 'inferred'
        end as period_basis,
        case
            when measure <> 'cagr' then null
            when period_as_stated is not null then 'the source labels the period'
            else 'the source labels no period: its years were taken from the market sizes stated with the rate'
        end as period_rule
    from scoped
)

select * from with_period_basis
