{#-
    Use the folder's schema name as it is (`marts`, not `main_marts`): the schema names are part of
    the public interface that BI tools and SQL users rely on.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
