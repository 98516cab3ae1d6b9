{{ config(severity='warn', tags=['plausibility']) }}

{{ plausibility_findings(
    ref('stg_report_figures'),
    rule="a market size is expected between " ~ checked_var('min_plausible_market_size_usd_bn')
        ~ " and " ~ checked_var('max_plausible_market_size_usd_bn') ~ " USD billion; check the unit and the decimal point",
    suspicious="measure = 'market_size' and value_normalized is not null and value_normalized not between "
        ~ checked_var('min_plausible_market_size_usd_bn') ~ " and " ~ checked_var('max_plausible_market_size_usd_bn'),
    key="figure_id",
    found="cast(value_normalized as " ~ dbt.type_string() ~ ") || ' USD billion'"
) }}
