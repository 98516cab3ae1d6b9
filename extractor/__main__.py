"""`python -m extractor report.txt`: propose seed rows for one report, for review.

A notes file holding several reports under `## R<n>.` headings is read one report at a time:
`python -m extractor notes.md --part R2` (only the quoted passages are report text).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractor import document, rows, taxonomy, vocabulary
from extractor.extract import extract
from extractor.vocabulary import REPO_ROOT


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m extractor", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="plain-text report summary (or a notes .md with --part)")
    parser.add_argument("--part", help="one report of a notes file, by its heading: R1, R2, ...")
    parser.add_argument("--out", type=Path, help="output directory (default target/extract/<name>/)")
    parser.add_argument("--report-id", help="report_id of the rows (default: from the file name)")
    parser.add_argument("--prefix", help="prefix of figure, claim and mention ids (default: the report_id)")
    parser.add_argument("--seeds", type=Path, default=REPO_ROOT / "seeds", help="seed directory (taxonomies)")
    for column in (
        "publisher",
        "title",
        "edition",
        "base-year",
        "source-url",
        "published-via",
        "published-on",
        "accessed-on",
    ):
        parser.add_argument(f"--{column}", default="", help=f"{column.replace('-', '_')} of the report row")
    parser.add_argument("--primary", action="store_true", help="mark the report as the primary report")
    return parser.parse_args(argv)


def report_text(path: Path, part: str | None) -> str:
    text = path.read_text(encoding="utf-8")
    if part is None:
        return text
    reports = document.markdown_reports(text)
    if part not in reports:
        raise SystemExit(f"{path}: no report {part} (found: {', '.join(reports) or 'none'})")
    return reports[part]


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    name = args.file.stem + (f"-{args.part}" if args.part else "")
    report_id = args.report_id or taxonomy.slug(name)
    extraction = extract(
        report_text(args.file, args.part),
        taxonomy.load(args.seeds),
        vocabulary.load(),
        has_title=args.part is None,
    )
    report = {
        "report_id": report_id,
        "publisher": args.publisher,
        "title": args.title,
        "edition": args.edition,
        "base_year": args.base_year,
        "source_url": args.source_url,
        "published_via": args.published_via,
        "published_on": args.published_on,
        "accessed_on": args.accessed_on,
        "currency": "USD",
        "is_primary": "true" if args.primary else "false",
        "source_document": str(args.file) + (f"#{args.part}" if args.part else ""),
    }
    proposal = rows.proposal(extraction, taxonomy.load(args.seeds), report, args.prefix or report_id)
    out = args.out or REPO_ROOT / "target" / "extract" / name
    for path in rows.write(proposal, out):
        print(path)
    print(
        f"{len(proposal.report_figures)} figures, {len(proposal.report_claims)} claims, "
        f"{len(proposal.report_mentions)} mentions, {len(proposal.regions) + len(proposal.segments)} new members, "
        f"{len(proposal.unclassified)} unclassified sentences: review them before appending to seeds/",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
