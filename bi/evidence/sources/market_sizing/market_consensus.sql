-- One row per market, geography, year and publisher: the publisher's estimate (its latest edition
-- covering the year), the peers' median and range, and whether it is flagged as an outlier.
select
    market_id,
    geography_id,
    year,
    publisher,
    market_size_usd_bn,
    median_market_size_usd_bn,
    min_market_size_usd_bn,
    max_market_size_usd_bn,
    publisher_count,
    outlier_status
from marts.fct_market_consensus
order by market_id, geography_id, year, publisher
