"""Every figure in the marts carries words that can be found again in its source."""

from __future__ import annotations

import re

import duckdb
import pytest

from support import document_text, seed_rows

# The summaries of the peer reports, where the address of each is written.
PEER_SUMMARIES = "shared/sources/peer-reports.md"


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def source_for(document: str) -> str:
    """Text of a report's kept copy (the whole file, or its report's section), spaces normalised."""
    return normalise_space(document_text(document))


def test_every_kept_copy_the_seeds_name_exists() -> None:
    """Each source_document of seeds/report_sources.csv names a file (and section) beside the project."""
    documents = {row["source_document"] for row in seed_rows("report_sources") if row["source_document"]}
    assert documents
    for document in sorted(documents):
        assert document_text(document).strip(), document


def test_every_seeded_figure_is_in_the_audit_trail(db: duckdb.DuckDBPyConnection) -> None:
    seeded = {row["figure_id"]: row for row in seed_rows("report_figures")}
    published = {
        figure_id: (value, excerpt)
        for figure_id, value, excerpt in db.execute(
            "select figure_id, value_as_stated, excerpt from marts.fct_report_figures"
        ).fetchall()
    }
    assert published.keys() == seeded.keys()
    for figure_id, (value, excerpt) in published.items():
        assert value == seeded[figure_id]["value"]
        assert excerpt == seeded[figure_id]["excerpt"]


@pytest.mark.parametrize("kind", ["fct_report_figures", "fct_report_claims", "stg_report_mentions"])
def test_every_excerpt_is_quoted_from_its_source(
    db: duckdb.DuckDBPyConnection, build_db: duckdb.DuckDBPyConnection, kind: str
) -> None:
    relation = f"marts.{kind}" if kind.startswith("fct") else f"staging.{kind}"
    connection = db if kind.startswith("fct") else build_db
    # Reports read from a kept copy are checked against it; the others' excerpts are checked for
    # holding their value (test_every_stated_value_stands_in_its_excerpt).
    rows = connection.execute(
        f"select rows.excerpt, sources.source_document from {relation} as rows "
        f"join {'marts.dim_report_sources' if connection is db else 'staging.stg_report_sources'} as sources "
        "using (report_id) where sources.source_document is not null"
    ).fetchall()
    assert rows
    for excerpt, document in rows:
        text = source_for(document)
        for piece in excerpt.split(" ... "):
            assert normalise_space(piece) in text, f"{piece!r} not found in {document}"


def test_every_stated_value_stands_in_its_excerpt(db: duckdb.DuckDBPyConnection) -> None:
    for figure_id, value, excerpt in db.execute(
        "select figure_id, value_as_stated, excerpt from marts.fct_report_figures"
    ).fetchall():
        assert value in excerpt.replace(",", ""), figure_id


def test_every_report_names_its_address_and_access_date(db: duckdb.DuckDBPyConnection) -> None:
    reports = db.execute("select report_id from marts.dim_reports").fetchall()
    sourced = db.execute("select distinct report_id from marts.dim_report_sources").fetchall()
    assert set(reports) == set(sourced)
    for report_id, url, accessed, document in db.execute(
        "select report_id, source_url, accessed_on, source_document from marts.dim_report_sources"
    ).fetchall():
        assert url.startswith(("https://", "http://")), report_id
        assert accessed is not None, report_id
        if document is not None:
            peers = normalise_space(document_text(PEER_SUMMARIES))
            assert url in peers or url in source_for(document), report_id
