{#-
    The one switch between the two ways input files are loaded, used by every staging model.

    - Default: the seeds (`dbt seed` loads seeds/<name>.csv as text; `ref(name)`).
    - `--vars '{corpus_dir: path}'`: a directory of CSV files with the seeds' layout, read by the
      database's own CSV reader as the source `corpus.<name>` (DuckDB's read_csv, every column
      as text), much faster for large corpora. The validations downstream are the same.

    Either way the rows come with `source_file` (the path of the file) and `source_line` (line of
    that file; line 1 is the header, one line per row), for the validation messages.
-#}
{% macro staging_input(name) -%}
    {%- if checked_var('corpus_dir', none) -%}
        {{ return(adapter.dispatch('corpus_input', 'market_sizing')(name)) }}
    {%- else -%}
        {{ return(adapter.dispatch('seed_input', 'market_sizing')(name)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__seed_input(name) -%}
    select
        'seeds/{{ name }}.csv' as source_file,
        cast({{ seed_line_number() }} as bigint) as source_line,
        *
    from {{ ref(name) }}
{%- endmacro %}

{% macro default__corpus_input(name) -%}
    {{ exceptions.raise_compiler_error("corpus_dir reads CSV files with DuckDB's read_csv; on " ~ target.type ~ " load the files as seeds") }}
{%- endmacro %}

{% macro duckdb__corpus_input(name) -%}
    {#-
        read_csv numbers no lines, so the line is the row's position in the file: with
        `preserve_insertion_order` (on in the profile, DuckDB's default) the scan returns the rows
        in file order, and `row_number() over ()`, applied to the scan before any filter or join,
        numbers them in that order. Staging models are tables in this mode, so the numbers are
        taken once, when the file is read.
    -#}
    select
        filename as source_file,
        cast({{ corpus_line_number() }} as bigint) as source_line,
        *
    from {{ source('corpus', name) }}
{%- endmacro %}

{% macro corpus_line_number() -%}
    row_number() over () + 1
{%- endmacro %}
