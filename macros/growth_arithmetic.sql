{#-
    The arithmetic of market sizing, written once. Rates are in percent, values in any one unit.
    CAGR convention (US Bureau of Economic Analysis): (end / start) ^ (1 / n) - 1, n = end year - start year.
-#}

{% macro cagr_pct(start_value, end_value, years) -%}
    ((power(({{ end_value }}) / ({{ start_value }}), cast(1 as double) / ({{ years }})) - 1) * 100)
{%- endmacro %}

{% macro compound(value, rate_pct, years) -%}
    {#- Grow `value` at `rate_pct` a year for `years` years; negative years discount (backcast). -#}
    (({{ value }}) * power(1 + ({{ rate_pct }}) / 100.0, {{ years }}))
{%- endmacro %}

{% macro interpolate_geometric(start_value, start_year, end_value, end_year, year) -%}
    {#- Constant growth between two stated values: reproduces both exactly at their own years. -#}
    case
        when ({{ year }}) = ({{ start_year }}) then ({{ start_value }})
        when ({{ year }}) = ({{ end_year }}) then ({{ end_value }})
        else ({{ start_value }}) * power(
            ({{ end_value }}) / ({{ start_value }}),
            cast(({{ year }}) - ({{ start_year }}) as double) / (({{ end_year }}) - ({{ start_year }}))
        )
    end
{%- endmacro %}

{% macro rounding_half_width_pp(decimal_places) -%}
    {#- Half a unit in the last stated place: 9.9 (one place) stands for 9.85 up to 9.95. -#}
    (0.5 * power(10, -({{ decimal_places }})))
{%- endmacro %}

{% macro share_of(part, whole) -%}
    (100.0 * ({{ part }}) / ({{ whole }}))
{%- endmacro %}

{% macro part_of(share_pct, whole) -%}
    (({{ share_pct }}) / 100.0 * ({{ whole }}))
{%- endmacro %}

{% macro growth_pct(current_value, previous_value) -%}
    {#- Growth from one value to the next, in percent. -#}
    ((({{ current_value }}) / ({{ previous_value }}) - 1) * 100)
{%- endmacro %}

{% macro robust_log_deviation(value, median_log, scale) -%}
    {#- Distance of `value` from its peers on the log scale, in robust standard deviations:
        |ln(value) - median of ln| / scale (see macro outlier_scale). -#}
    abs(ln({{ value }}) - {{ median_log }}) / {{ scale }}
{%- endmacro %}

{% macro outlier_scale(mad_log) -%}
    {#- The robust spread of peers' log estimates: 1.4826 x their median absolute deviation (the
        normal-consistent MAD), floored at var outlier_min_log_spread so that peers who agree
        almost exactly do not turn a small difference into an outlier. -#}
    greatest(1.4826 * {{ mad_log }}, {{ checked_var('outlier_min_log_spread') }})
{%- endmacro %}
