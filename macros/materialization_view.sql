{#-
  The view materialization for DuckDB, leaner than dbt-duckdb's own: one `create or replace view`
  in one transaction, where the stock one creates an intermediate view, renames the old view to a
  backup, renames the intermediate into place and drops the backup. As for tables
  (materialization_table.sql), no one reads the database being built while dbt writes it, and a
  build killed inside the transaction leaves the previous view. A table of the same name (the model
  was a table before, as staging is over a corpus) is dropped first.
-#}
{% materialization view, adapter="duckdb" %}
  {%- set target_relation = this.incorporate(type="view") -%}
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set create_sql -%}
    create or replace view {{ target_relation }} as (
      {{ compiled_code }}
    )
  {%- endset -%}
  {%- set table_there = existing_relation if existing_relation is not none and not existing_relation.is_view else none -%}
  {{ create_in_one_transaction(target_relation, table_there, create_sql) }}
  {{ return({"relations": [target_relation]}) }}
{% endmaterialization %}
