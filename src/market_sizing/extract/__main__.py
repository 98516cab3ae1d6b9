"""`python -m market_sizing.extract FILE --report-id ID ...`: propose seed rows for one report.

FILE is a plain-text summary, an HTML page saved from a browser, or a PDF. The proposal is written to
target/review/<report_id>/ for review; `python -m market_sizing.extract.accept <that directory>`
appends the reviewed rows to the seeds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from market_sizing import contract
from market_sizing.extract import pipeline, reading, rows, taxonomy, vocabulary

# Option -> the report or source column it fills.
REPORT_OPTIONS = {
    "publisher": "publisher",
    "title": "title",
    "market": "market_id",
    "geography": "geography_id",
    "market-name": "market_name",
    "edition": "edition",
    "base-year": "base_year",
    "currency": "currency",
    "url": "source_url",
    "published-via": "published_via",
    "published-on": "published_on",
    "accessed-on": "accessed_on",
    "source-document": "source_document",
}


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="market-sizing-extract", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="the report: .txt, .html (saved page) or .pdf")
    parser.add_argument("--report-id", help="report_id of the rows (default: from the file name)")
    parser.add_argument("--prefix", help="prefix of figure, claim and mention ids (default: the report_id)")
    parser.add_argument("--project", type=Path, help="the dbt project (default: found from here)")
    parser.add_argument("--out", type=Path, help="review directory (default target/review/<report_id>/)")
    for option, column in REPORT_OPTIONS.items():
        parser.add_argument(f"--{option}", default="", help=f"{column} (proposed from the text when blank)")
    parser.add_argument("--primary", action="store_true", help="mark the report as the primary report")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    project = args.project or vocabulary.working_project()
    if not args.file.is_file():
        print(f"{args.file}: no such file", file=sys.stderr)
        return 2
    report_id = args.report_id or taxonomy.slug(args.file.stem)
    extraction = pipeline.extract(
        reading.read(args.file),
        contract.seed_directory(project),
        vocabulary.load(project),
        market_id=args.market,
        geography_id=args.geography,
    )
    report = {column: getattr(args, option.replace("-", "_")) for option, column in REPORT_OPTIONS.items()}
    report |= {"report_id": report_id, "is_primary": "true" if args.primary else "false"}
    proposal = rows.proposal(extraction, report, args.prefix or report_id)
    out = args.out or project / "target" / "review" / report_id
    rows.write(proposal, out)
    counts = ", ".join(f"{len(proposal.rows(table))} {table}" for table in rows.SEED_TABLES[2:])
    print(
        f"{out}: {counts}; {len(proposal.review)} items to review ({rows.REVIEW_FILE}), "
        f"{len(proposal.unclassified)} unclassified sentences ({rows.UNCLASSIFIED_FILE})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
