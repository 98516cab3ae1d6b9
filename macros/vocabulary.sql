{#-
    The controlled vocabularies of the seeds. Each is a plain Jinja value so that staging
    models (to normalise) and tests (to validate) read the same list.
-#}

{% macro unit_vocabulary() -%}
    {#- Stated unit, lower-cased -> kind, and the exact operation that turns it into USD billion
        (division by a power of ten keeps 1861.2 million at 1.8612, where * 0.001 would not). -#}
    {{ return({
        'usd billion': {'kind': 'currency', 'to_usd_bn': ''},
        'us$ billion': {'kind': 'currency', 'to_usd_bn': ''},
        'usd bn': {'kind': 'currency', 'to_usd_bn': ''},
        'us$ bn': {'kind': 'currency', 'to_usd_bn': ''},
        'billion usd': {'kind': 'currency', 'to_usd_bn': ''},
        'usd million': {'kind': 'currency', 'to_usd_bn': ' / 1000'},
        'us$ million': {'kind': 'currency', 'to_usd_bn': ' / 1000'},
        'usd mn': {'kind': 'currency', 'to_usd_bn': ' / 1000'},
        'us$ mn': {'kind': 'currency', 'to_usd_bn': ' / 1000'},
        'million usd': {'kind': 'currency', 'to_usd_bn': ' / 1000'},
        'usd trillion': {'kind': 'currency', 'to_usd_bn': ' * 1000'},
        'us$ trillion': {'kind': 'currency', 'to_usd_bn': ' * 1000'},
        'usd tn': {'kind': 'currency', 'to_usd_bn': ' * 1000'},
        'us$ tn': {'kind': 'currency', 'to_usd_bn': ' * 1000'},
        'trillion usd': {'kind': 'currency', 'to_usd_bn': ' * 1000'},
        'bn usd': {'kind': 'currency', 'to_usd_bn': ''},
        'mn usd': {'kind': 'currency', 'to_usd_bn': ' / 1000'},
        'tn usd': {'kind': 'currency', 'to_usd_bn': ' * 1000'},
        '$ billion': {'kind': 'currency', 'to_usd_bn': ''},
        '$ bn': {'kind': 'currency', 'to_usd_bn': ''},
        '$ million': {'kind': 'currency', 'to_usd_bn': ' / 1000'},
        '$ mn': {'kind': 'currency', 'to_usd_bn': ' / 1000'},
        '$ trillion': {'kind': 'currency', 'to_usd_bn': ' * 1000'},
        '$ tn': {'kind': 'currency', 'to_usd_bn': ' * 1000'},
        'percent': {'kind': 'percent', 'to_usd_bn': ''},
        '%': {'kind': 'percent', 'to_usd_bn': ''},
    }) }}
{%- endmacro %}

{% macro qualifier_vocabulary() -%}
    {#-
        Stated qualifier, lower-cased -> kind. `approximate` values are still point values;
        bounds ("over 32%") are recorded but never used as anchors or to derive other figures.
    -#}
    {{ return({
        'around': 'approximate',
        'about': 'approximate',
        'approximately': 'approximate',
        'roughly': 'approximate',
        'nearly': 'approximate',
        'almost': 'approximate',
        'close to': 'approximate',
        'an estimated': 'approximate',
        'over': 'lower_bound',
        'more than': 'lower_bound',
        'above': 'lower_bound',
        'at least': 'lower_bound',
        'exceeding': 'lower_bound',
        'upwards of': 'lower_bound',
        'under': 'upper_bound',
        'less than': 'upper_bound',
        'below': 'upper_bound',
        'up to': 'upper_bound',
        'at most': 'upper_bound',
    }) }}
{%- endmacro %}

{% macro measure_vocabulary() -%}
    {#- Measure -> the unit kind it must be stated in. -#}
    {{ return({'market_size': 'currency', 'cagr': 'percent', 'share': 'percent'}) }}
{%- endmacro %}

{% macro claim_type_vocabulary() -%}
    {{ return(['leads', 'leads_revenue', 'leads_volume', 'gaining_share', 'fastest_growing', 'key_market']) }}
{%- endmacro %}

{% macro region_level_vocabulary() -%}
    {#- Level -> its depth in the hierarchy (world > region > country). -#}
    {{ return({'world': 0, 'region': 1, 'country': 2}) }}
{%- endmacro %}

{% macro sql_list(values) -%}
    ({%- for value in values -%}'{{ value }}'{{ ', ' if not loop.last }}{%- endfor -%})
{%- endmacro %}
