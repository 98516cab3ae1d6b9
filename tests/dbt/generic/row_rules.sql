{#-
    Validation of input rows, many rules in one query. Each rule is a mapping with `rule` (the
    rule in words), `violation` (a SQL condition true for a row breaking it; the row is `checked`
    and `$model` names the whole model for subqueries), and optionally `key` and `found` (SQL
    expressions naming the row and what was found there). When any row breaks any rule, the test
    stops with one message per broken rule, in the order the rules are listed, each naming the
    rule and, for every offending row, the file, the line, the row's key and what was found. The
    model must carry `source_file` and `source_line` (every staging model does).
-#}
{% test row_rules(model, rules) %}

with

{% for rule in rules %}
rule_{{ loop.index }} as (
    select
        {{ loop.index }} as rule_order,
        source_file,
        source_line,
        coalesce(cast({{ rule.get('key', "''") }} as {{ dbt.type_string() }}), '(no key)') as row_key,
        coalesce(cast({{ rule.get('found', "''") }} as {{ dbt.type_string() }}), '(blank)') as found_value
    from {{ model }} as checked
    where {{ rule.violation | replace('$model', model | string) }}
),

{% endfor %}
violations as (
    {% for rule in rules -%}
    select * from rule_{{ loop.index }}
    {% if not loop.last %}union all
    {% endif %}
    {%- endfor %}
),

broken_rules as (
    select
        rule_order,
        count(*) as violation_count,
        case rule_order
            {% for rule in rules -%}
            when {{ loop.index }} then '{{ rule.rule | replace("'", "''") }}'
            {% endfor -%}
        end as rule_text,
        {{ ordered_string_agg(
            "source_file || ' line ' || cast(source_line as " ~ dbt.type_string() ~ ") || ' [' || row_key || ']: found ' || found_value",
            "'; '",
            ['source_file', 'source_line']
        ) }} as violation_list
    from violations
    group by rule_order
),

summary as (
    select
        coalesce(sum(violation_count), 0) as violation_count,
        {{ ordered_string_agg("'rule broken: ' || rule_text || ' -- ' || violation_list", "' || '", 'rule_order') }} as messages
    from broken_rules
)

{{ raise_if_any('summary', 'violation_count', 'messages') }}

{% endtest %}
