{#-
    The controlled vocabularies of the inputs, read from the input contract in dbt_project.yml
    (vars.input_vocabularies), so that staging models (to normalise), tests (to validate) and the
    Python tools read one list.
-#}

{% macro unit_vocabulary() -%}
    {#- Stated unit, lower-cased -> {kind, to_usd_bn}: vars.input_vocabularies.units. -#}
    {{ return(var('input_vocabularies')['units']) }}
{%- endmacro %}

{% macro qualifier_vocabulary() -%}
    {#- Stated qualifier, lower-cased -> approximate, lower_bound or upper_bound. -#}
    {{ return(var('input_vocabularies')['qualifiers']) }}
{%- endmacro %}

{% macro measure_vocabulary() -%}
    {#- Measure -> the unit kind it must be stated in. -#}
    {{ return(var('input_vocabularies')['measures']) }}
{%- endmacro %}

{% macro claim_type_vocabulary() -%}
    {#- Claim type -> {exclusive, compared_as}: whether one subject holds it, and what it is compared with. -#}
    {{ return(var('input_vocabularies')['claim_types']) }}
{%- endmacro %}

{% macro region_level_vocabulary() -%}
    {#- Level -> its depth in the hierarchy (world > region > country). -#}
    {{ return(var('input_vocabularies')['region_levels']) }}
{%- endmacro %}

{% macro sql_list(values) -%}
    ({%- for value in values -%}'{{ value }}'{{ ', ' if not loop.last }}{%- endfor -%})
{%- endmacro %}
