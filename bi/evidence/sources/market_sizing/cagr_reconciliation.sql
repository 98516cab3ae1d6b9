-- One row per stated CAGR: stated against implied, and whether they agree.
select
    cagr.report_id,
    reports.publisher,
    cagr.figure_id,
    cagr.stated_cagr_pct,
    cagr.implied_cagr_pct,
    cagr.reconciliation_status
from marts.fct_cagr_reconciliation as cagr
inner join marts.dim_reports as reports on cagr.report_id = reports.report_id
order by cagr.report_id, cagr.figure_id
