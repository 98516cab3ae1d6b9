{#-
  The table materialization for DuckDB, leaner than dbt-duckdb's own: one transaction drops the old
  relation and creates the new one, where the stock one builds an intermediate table, renames the old
  table to a backup, renames the intermediate into place and drops the backup (four statements and
  two catalog renames per model). The swap protects readers of the database being built; here no one
  reads it (readers open the published file, which only the on-run-end hook writes), and a build
  killed inside the transaction leaves the previous table, as DuckDB rolls the transaction back.
  Measured on the shipped warm build, alternating: about 0.4 to 0.7 s of 8.5 to 9.5 s (BENCHMARKS.md).
-#}
{% materialization table, adapter="duckdb" %}
  {%- set target_relation = this.incorporate(type="table") -%}
  {%- set existing_relation = load_cached_relation(this) -%}
  {{ create_in_one_transaction(target_relation, existing_relation, create_table_as(False, target_relation, compiled_code)) }}
  {{ return({"relations": [target_relation]}) }}
{% endmaterialization %}

{#- The steps both materializations share: hooks, the drop of `existing` (when given) and the create
    statement in one transaction, the relation's descriptions, the commit. -#}
{% macro create_in_one_transaction(target_relation, existing, create_sql) %}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {%- if existing is not none %}
    {{ adapter.drop_relation(existing) }}
  {%- endif %}
  {% call statement("main") -%}
    {{ create_sql }}
  {%- endcall %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do persist_docs(target_relation, model) %}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
{% endmacro %}
