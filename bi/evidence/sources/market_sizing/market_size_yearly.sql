-- One row per report and year: the whole market and where the number comes from (basis).
select
    sizes.report_id,
    reports.publisher,
    reports.title,
    sizes.year,
    sizes.market_size_usd_bn,
    sizes.basis
from marts.fct_market_size_yearly as sizes
inner join marts.dim_reports as reports on sizes.report_id = reports.report_id
order by sizes.report_id, sizes.year
