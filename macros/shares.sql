{#-
    The one row shape of subject shares: the stated, residual and undisclosed rows
    (int_subject_shares_*) are built with it, so their union lines up by construction, and the two
    share marts select it under their own names.
-#}

{% macro subject_share_columns() -%}
    {{ return([
        ('report_id', 'string'), ('market_id', 'string'), ('geography_id', 'string'),
        ('subject_type', 'string'), ('subject_id', 'string'), ('subject_family', 'string'),
        ('taxonomy_market_id', 'string'),
        ('year', 'integer'), ('year_basis', 'string'),
        ('share_pct', 'double'), ('revenue_usd_bn', 'double'),
        ('basis', 'string'), ('share_basis', 'string'), ('revenue_basis', 'string'),
        ('market_size_usd_bn', 'double'), ('market_size_basis', 'string'),
        ('is_point_value', 'boolean'), ('qualifier', 'string'), ('source_figure_ids', 'string'),
        ('source_file', 'string'), ('source_lines', 'string'),
    ]) }}
{%- endmacro %}

{% macro subject_share_row(values) -%}
    {#- A select list in the shape above: each column from `values` (column -> SQL expression),
        or a typed null where `values` does not give it. -#}
    {%- for name, type in subject_share_columns() %}
    {{ values.get(name, 'cast(null as ' ~ (dbt.type_string() if type == 'string' else type) ~ ')') }} as {{ name }}
    {{- ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{% macro share_mart_columns(relation, id_column, family_column) -%}
    {#- The public columns of a share mart (fct_regional_revenue, fct_segment_shares): the subject
        named as a region or a segment, its family as a level or a dimension, and the claims. -#}
    {%- set renamed = {'subject_id': id_column, 'subject_family': family_column} %}
    {%- set columns = [] %}
    {%- for name, _ in subject_share_columns() if name not in ('subject_type', 'taxonomy_market_id', 'source_file', 'source_lines') %}
        {%- do columns.append(relation ~ '.' ~ name ~ ((' as ' ~ renamed[name]) if name in renamed else '')) %}
        {%- if name == 'qualifier' %}
            {%- do columns.append(relation ~ '.claim_summary') %}
        {%- endif %}
    {%- endfor %}
    {{ columns | join(',\n        ') }}
{%- endmacro %}
