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
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set target_relation = this.incorporate(type="table") -%}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {%- if existing_relation is not none %}
    {{ adapter.drop_relation(existing_relation) }}
  {%- endif %}
  {% call statement("main") -%}
    {{ create_table_as(False, target_relation, compiled_code) }}
  {%- endcall %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do persist_docs(target_relation, model) %}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({"relations": [target_relation]}) }}
{% endmaterialization %}
