-- One row per calendar day of the years the warehouse accepts (vars min_plausible_year to
-- max_plausible_year): the time spine MetricFlow joins metrics to (see _semantic__models.yml).
-- The vars are only concatenated here, never computed with: on-run-start checks them first.

with

days as (
    {{ dbt.date_spine(
        'day',
        "cast('" ~ var('min_plausible_year') ~ "-01-01' as date)",
        "cast(cast('" ~ var('max_plausible_year') ~ "-12-31' as date) + interval 1 day as date)",
    ) }}
),

final as (
    select cast(date_day as date) as date_day
    from days
)

select * from final
