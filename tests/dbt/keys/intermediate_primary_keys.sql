-- The intermediate models' primary keys (each model's `meta.primary_key`), checked in one query.
-- depends_on: {{ ref('int_growth_periods') }}
-- depends_on: {{ ref('int_market_closure') }}
-- depends_on: {{ ref('int_market_size_anchors') }}
-- depends_on: {{ ref('int_market_size_yearly') }}
-- depends_on: {{ ref('int_region_closure') }}
-- depends_on: {{ ref('int_report_claims') }}
-- depends_on: {{ ref('int_report_figures') }}
-- depends_on: {{ ref('int_report_mentions') }}
-- depends_on: {{ ref('int_report_subjects') }}
-- depends_on: {{ ref('int_report_year_spine') }}
-- depends_on: {{ ref('int_reports') }}
-- depends_on: {{ ref('int_subject_shares') }}
-- depends_on: {{ ref('int_subject_shares_residual') }}
-- depends_on: {{ ref('int_subject_shares_stated') }}
-- depends_on: {{ ref('int_subject_shares_undisclosed') }}

with

violations as (
    {{ primary_key_violations() }}
),

summary as (
    select
        count(*) as violation_count,
        {{ ordered_string_agg(
            "model_name || ' [' || key_value || ']: ' || cast(row_count as " ~ dbt.type_string() ~ ") || ' rows'",
            "'; '",
            ['model_name', 'key_value'],
        ) }} as found
    from violations
)

{{ raise_if_any('summary', 'violation_count', "'rule broken: a primary key identifies one row of its model and is never null -- ' || found") }}
