{#-
    Seeds on Spark. dbt-spark's loader binds each value into the SQL text, so a blank cell arrives
    as the text 'None' (not null) and a quote in an excerpt breaks the statement; and Spark reads a
    table back in no particular order, so the line of a row cannot be recovered afterwards.
    These two dispatched implementations (found before dbt-spark's own, the root project coming
    first) write every value as an escaped literal or null, and store each row's line of the CSV
    file in an extra column `_line_number` (line 1 is the header, one line per row, as read by
    dbt), which `spark__seed_line_number` reads.
-#}

{% macro spark__create_csv_table(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set quote_seed_column = model['config'].get('quote_columns', None) -%}
    {% set sql %}
        create table {{ this.render() }} (
            {%- for col_name in agate_table.column_names %}
            {%- set inferred_type = adapter.convert_type(agate_table, loop.index0) %}
            {{ adapter.quote_seed_column(col_name | string, quote_seed_column) }} {{ column_override.get(col_name, inferred_type) }},
            {%- endfor %}
            _line_number bigint
        )
        {{ file_format_clause() }}
    {% endset %}
    {% call statement('_') -%}
        {{ sql }}
    {%- endcall %}
    {{ return(sql) }}
{% endmacro %}

{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) %}
        {%- set first_line = (loop.index0 * get_batch_size()) + 2 -%}
        {% set sql %}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
            (
                {%- for value in row -%}
                {%- set type = column_override.get(agate_table.column_names[loop.index0], adapter.convert_type(agate_table, loop.index0)) -%}
                cast({{ spark_literal(value) }} as {{ type }}),
                {%- endfor -%}
                {{ first_line + loop.index0 }}
            ){{ ',' if not loop.last }}
            {% endfor %}
        {% endset %}
        {% do adapter.add_query(sql, abridge_sql_log=True) %}
        {% if loop.first %}{% do statements.append(sql) %}{% endif %}
    {%- endfor %}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}

{% macro spark_literal(value) -%}
    {#- A Spark SQL string literal (backslash escapes), or null. -#}
    {%- if value is none -%}
        null
    {%- else -%}
        '{{ value | string | replace("\\", "\\\\") | replace("'", "\\'") }}'
    {%- endif -%}
{%- endmacro %}
