-- One row per report, region and year: share, revenue and basis (null where not disclosed).
select
    revenue.report_id,
    reports.publisher,
    revenue.region_id,
    revenue.year,
    revenue.share_pct,
    revenue.revenue_usd_bn,
    revenue.basis
from marts.fct_regional_revenue as revenue
inner join marts.dim_reports as reports on revenue.report_id = reports.report_id
order by revenue.report_id, revenue.year, revenue.region_id
