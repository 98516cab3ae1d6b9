{#- Checks that run before any node (on-run-start): the invocation's variables and the input files. -#}

{% macro allowed_vars() -%}
    {#-
        Every dbt var that reaches SQL, with the values it may take. Anything else is refused.
        The plausibility bounds (models/staging/_staging__plausibility.yml) only ever warn; their
        defaults are here (`default`), so that they need no entry in dbt_project.yml.
    -#}
    {{ return({
        'min_plausible_year': {'kind': 'integer', 'min': 1000, 'max': 3000},
        'max_plausible_year': {'kind': 'integer', 'min': 1000, 'max': 3000},
        'share_sum_tolerance_pp': {'kind': 'number', 'min': 0, 'max': 1},
        'outlier_robust_z': {'kind': 'number', 'min': 1, 'max': 100},
        'outlier_min_log_spread': {'kind': 'number', 'min': 0, 'max': 5},
        'outlier_min_publishers': {'kind': 'integer', 'min': 3, 'max': 1000},
        'corpus_dir': {'kind': 'path'},
        'min_plausible_market_size_usd_bn': {'kind': 'number', 'min': 0, 'max': 1000000, 'default': 0.01},
        'max_plausible_market_size_usd_bn': {'kind': 'number', 'min': 0, 'max': 1000000, 'default': 5000},
        'max_plausible_cagr_pct': {'kind': 'number', 'min': 0, 'max': 1000, 'default': 50},
    }) }}
{%- endmacro %}

{% macro checked_var(name, default=none) -%}
    {#-
        The value of an allowed var, refused with a clear message when it breaks its rule.
        A `path` is a directory name of letters, digits, `_`, `.`, `/`, `-` and spaces (nothing
        that could end a SQL string); numbers lie within their range.
    -#}
    {%- set allowed = allowed_vars() %}
    {%- if name not in allowed %}
        {{ exceptions.raise_compiler_error("var '" ~ name ~ "' is not in allowed_vars()") }}
    {%- endif %}
    {%- set rule = allowed[name] %}
    {%- set value = var(name, rule.get('default', default)) %}
    {%- if rule.kind == 'path' %}
        {%- if value is not none and (value is not string or not modules.re.fullmatch('[A-Za-z0-9_./ -]+', value)) %}
            {{ exceptions.raise_compiler_error(
                "var '" ~ name ~ "' = " ~ value ~ " is not allowed (rule: a directory path of letters, digits, "
                ~ "'_', '.', '/', '-' and spaces). The published warehouse was left as it was.") }}
        {%- endif %}
        {{ return(value) }}
    {%- endif %}
    {%- set is_number = value is number and value is not boolean %}
    {%- if not is_number
        or (rule.kind == 'integer' and value is not integer)
        or value < rule.min or value > rule.max %}
        {{ exceptions.raise_compiler_error(
            "var '" ~ name ~ "' = " ~ value ~ " is not allowed (rule: " ~ rule.kind ~ " between "
            ~ rule.min ~ " and " ~ rule.max ~ "). The published warehouse was left as it was.") }}
    {%- endif %}
    {{ return(value) }}
{%- endmacro %}

{% macro validate_invocation() %}
    {%- if execute %}
        {%- set allowed = allowed_vars() %}
        {%- set passed = invocation_args_dict.get('vars') or {} %}
        {%- if passed is string %}
            {%- set passed = fromyaml(passed) or {} %}
        {%- endif %}
        {%- for name in passed %}
            {%- if name not in allowed %}
                {{ exceptions.raise_compiler_error(
                    "var '" ~ name ~ "' is not allowed (rule: only " ~ (allowed.keys() | join(', '))
                    ~ " may be set). The published warehouse was left as it was.") }}
            {%- endif %}
        {%- endfor %}
        {%- for name in allowed %}
            {%- do checked_var(name, none if allowed[name].kind == 'path' else var(name, allowed[name].get('default'))) %}
        {%- endfor %}
        {%- if checked_var('min_plausible_market_size_usd_bn') >= checked_var('max_plausible_market_size_usd_bn') %}
            {{ exceptions.raise_compiler_error(
                "var min_plausible_market_size_usd_bn must be below max_plausible_market_size_usd_bn. The published warehouse was left as it was.") }}
        {%- endif %}
        {%- if var('min_plausible_year') >= var('max_plausible_year') %}
            {{ exceptions.raise_compiler_error(
                "var min_plausible_year must be below max_plausible_year. The published warehouse was left as it was.") }}
        {%- endif %}
        {#- Before any node: MARKET_SIZING_DB names the project's file (or a new one); leftovers go. -#}
        {%- do check_publish_target() %}
    {%- endif %}
    select 1 as invocation_is_valid
{% endmacro %}

{% macro input_file_spec() -%}
    {#-
        {path: [expected columns]} for every input file of the input contract (vars.input_contract):
        the seed files, or with `corpus_dir` the files of that directory, which must exist and have
        the same layout. Read from the contract, not from the seed nodes, which a corpus disables.
    -#}
    {#- `seeds` is the project's seed path (dbt_project.yml, seed-paths). -#}
    {%- set directory = checked_var('corpus_dir', none) or 'seeds' %}
    {%- set spec = {} %}
    {%- for name, table in var('input_contract').items() %}
        {%- do spec.update({directory ~ '/' ~ name ~ '.csv': table['columns'].keys() | list}) %}
    {%- endfor %}
    {{ return(spec) }}
{%- endmacro %}

{% macro check_input_files() %}
    {{ return(adapter.dispatch('check_input_files', 'market_sizing')()) }}
{% endmacro %}

{% macro default__check_input_files() %}
    select 1 as input_files_not_checked
{% endmacro %}

{% macro duckdb__check_input_files() %}
    {#- Structure of every input CSV (encoding, header, one value per column, closed quotes). -#}
    {%- if execute %}
    select market_sizing_check_csv_files({{ sql_string(tojson(input_file_spec())) }}) as input_files_checked
    {%- else %}
    select 1 as input_files_checked
    {%- endif %}
{% endmacro %}

{% macro sql_string(text) -%}
    '{{ text | replace("'", "''") }}'
{%- endmacro %}
