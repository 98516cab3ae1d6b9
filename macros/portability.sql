{#- SQL whose spelling differs between DuckDB (default__) and Spark (spark__), written once. -#}

{% macro ordered_string_agg(expression, delimiter, order_by=none) -%}
    {#- The non-null values of `expression` joined by `delimiter` in the order of `order_by`
        (an expression or a list of them; default: the values themselves); null when there are none. -#}
    {%- set keys = [order_by or expression] if (order_by or expression) is string else order_by -%}
    {{ return(adapter.dispatch('ordered_string_agg', 'market_sizing')(expression, delimiter, keys)) }}
{%- endmacro %}

{% macro default__ordered_string_agg(expression, delimiter, order_by) -%}
    string_agg({{ expression }}, {{ delimiter }} order by {{ order_by | join(', ') }})
{%- endmacro %}

{% macro spark__ordered_string_agg(expression, delimiter, order_by) -%}
    {#- Spark has no ordered string aggregate: sort (key, value) pairs, then keep the values. -#}
    nullif(array_join(transform(
        array_sort(collect_list(case when ({{ expression }}) is not null then named_struct({% for key in order_by %}'k{{ loop.index }}', {{ key }}, {% endfor %}'v', {{ expression }}) end)),
        pair -> pair.v
    ), {{ delimiter }}), '')
{%- endmacro %}

{% macro median(expression) -%}
    {{ return(adapter.dispatch('median', 'market_sizing')(expression)) }}
{%- endmacro %}

{% macro default__median(expression) -%}
    median({{ expression }})
{%- endmacro %}

{% macro spark__median(expression) -%}
    {#- Exact, interpolating between the two middle values of an even count, as DuckDB's median. -#}
    percentile({{ expression }}, 0.5)
{%- endmacro %}

{% macro spark__is_plain_number(column) -%}
    ({{ column }} rlike '^-?[0-9]+([.][0-9]+)?$')
{%- endmacro %}

{% macro spark__seed_line_number() -%}
    {#- Spark tables keep no row order: the line is stored with the row when the seed is loaded
        (macro spark__load_csv_rows). -#}
    _line_number
{%- endmacro %}
