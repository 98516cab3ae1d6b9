{{ config(severity='warn', tags=['plausibility']) }}

{{ plausibility_findings(
    ref('stg_report_figures'),
    rule="a CAGR is expected between -" ~ checked_var('max_plausible_cagr_pct') ~ " and "
        ~ checked_var('max_plausible_cagr_pct') ~ " percent; check the value and the unit",
    suspicious="measure = 'cagr' and value_normalized is not null and abs(value_normalized) > "
        ~ checked_var('max_plausible_cagr_pct'),
    key="figure_id",
    found="cast(value_normalized as " ~ dbt.type_string() ~ ") || ' percent'"
) }}
