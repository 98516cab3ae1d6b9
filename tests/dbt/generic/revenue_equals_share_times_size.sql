{#- Where all three are present, revenue = share x market size (to 1e-9 relative). Returns the rows that differ. -#}
{% test revenue_equals_share_times_size(model, share_column="share_pct", revenue_column="revenue_usd_bn", size_column="market_size_usd_bn") %}

select *
from {{ model }}
where {{ share_column }} is not null
    and {{ revenue_column }} is not null
    and {{ size_column }} is not null
    and abs({{ revenue_column }} - {{ part_of(share_column, size_column) }}) > 1e-9 * greatest(abs({{ revenue_column }}), 1)

{% endtest %}
