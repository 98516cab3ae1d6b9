"""A catalogue of malformed inputs: each stops the build with a message naming the file, the row or
figure and the rule, and leaves the published warehouse byte-for-byte as it was. Builds run as
`make build` runs them (`run_build`): the input-file check, then `dbt build`. Cases that can be
checked together share a build (`Case.batch`, see `outcomes`); each case is still its own test.
Inputs that are fine in substance (a byte-order mark, Windows line endings) are accepted, and the
test says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import PUBLISHED_NAME, DbtRun, ProjectTemplate, file_digest, marts_checksum, run_build

# One worker runs the whole module, so that each batch is built once.
pytestmark = pytest.mark.xdist_group("bad_inputs")

Edit = Callable[[Path], None]


def edit_text(relative: str, old: str, new: str, count: int = 1) -> Edit:
    def apply(project: Path) -> None:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return apply


def edit_bytes(relative: str, change: Callable[[bytes], bytes]) -> Edit:
    def apply(project: Path) -> None:
        path = project / relative
        path.write_bytes(change(path.read_bytes()))

    return apply


def append_line(relative: str, line: str) -> Edit:
    return edit_bytes(relative, lambda raw: raw + line.encode("utf-8") + b"\n")


def drop_lines(relative: str, predicate: Callable[[str], bool]) -> Edit:
    def apply(project: Path) -> None:
        path = project / relative
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if not predicate(line)), encoding="utf-8")

    return apply


def append_rows(lines_by_file: dict[str, str]) -> Edit:
    """Append rows (one string per file, lines separated by newlines) to several input files."""

    def apply(project: Path) -> None:
        for relative, lines in lines_by_file.items():
            append_line(relative, lines)(project)

    return apply


def line_of(project: Path, relative: str, prefix: str) -> int:
    lines = (project / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(prefix))


FIGURES = "seeds/report_figures.csv"
REPORTS = "seeds/reports.csv"
REGIONS = "seeds/regions.csv"
SOURCES = "seeds/report_sources.csv"
MARKETS = "seeds/markets.csv"
SEGMENTS = "seeds/segments.csv"
CLAIMS = "seeds/report_claims.csv"
NEW_SHARE = "x_share_na_2025,dmr_healthcare_cmo_2025,share,north_america,,2025,,,,60,percent,,holds 60 percent,Regional Analysis"


@dataclass(frozen=True)
class Case:
    name: str
    edit: Edit
    expected: tuple[str, ...]  # every fragment must appear in dbt's output; {line} is filled in
    line_prefix: tuple[str, str] | None = None  # (file, row prefix) whose line number the message names
    batch: int | None = None  # cases of one batch share a build; None: a build of its own


CASES = [
    Case(
        "negative market size",
        edit_text(FIGURES, ",239.5,USD", ",-239.5,USD"),
        ("a market size must be greater than zero", "seeds/report_figures.csv line {line} [dmr25_size_2025]"),
        (FIGURES, "dmr25_size_2025,"),
        batch=1,
    ),
    Case(
        "zero market size",
        edit_text(FIGURES, ",558.4,USD", ",0,USD"),
        ("a market size must be greater than zero", "line {line} [dmr25_size_2034]"),
        (FIGURES, "dmr25_size_2034,"),
        batch=1,
    ),
    Case(
        "share above 100",
        edit_text(FIGURES, ",47.4,percent,,accounting", ",147.4,percent,,accounting"),
        ("a share must be above 0 and at most 100 percent", "line {line} [dmr25_share_asia_pacific_2025]: found 147.4"),
        (FIGURES, "dmr25_share_asia_pacific_2025,"),
        batch=1,
    ),
    Case(
        "shares of one level sum above 100",
        append_line(FIGURES, NEW_SHARE),
        (
            "shares of one whole must add up to at most 100 percent",
            "sums to 107.4",
            "seeds/report_figures.csv line(s) {line}",
        ),
        (FIGURES, "x_share_na_2025,"),
    ),
    Case(
        "unknown region",
        edit_text(FIGURES, "share,asia_pacific,,2025", "share,atlantis,,2025"),
        ("region_id must name a row of regions.region_id", "line {line}: found atlantis"),
        (FIGURES, "dmr25_share_asia_pacific_2025,"),
        batch=5,
    ),
    Case(
        "unknown segment",
        edit_text(FIGURES, "cmo_type__pharmaceutical,2024", "cmo_type__generics,2024"),
        ("segment_id must name a row of segments.segment_id", "found cmo_type__generics"),
        batch=5,
    ),
    Case(
        "duplicate figure",
        append_line(
            FIGURES,
            "dmr25_size_2025_again,dmr_healthcare_cmo_2025,market_size,world,,2025,,,,239.5,USD billion,,reach USD 239.5 billion,Summary",
        ),
        ("duplicate figure", "seeds/report_figures.csv lines 2, {line} repeat"),
        (FIGURES, "dmr25_size_2025_again,"),
    ),
    Case(
        "duplicate figure id",
        edit_text(FIGURES, "dmr25_size_2034,", "dmr25_size_2025,"),
        (
            "figure_id must identify one row of report_figures",
            "seeds/report_figures.csv line 2: found dmr25_size_2025; seeds/report_figures.csv line 3: found dmr25_size_2025",
        ),
        batch=5,
    ),
    Case(
        "missing value",
        edit_text(FIGURES, ",239.5,USD", ",,USD"),
        ("value is required", "seeds/report_figures.csv line {line}: found (blank)"),
        (FIGURES, "dmr25_size_2025,"),
        batch=5,
    ),
    Case(
        "non-numeric value",
        edit_text(FIGURES, ",239.5,USD", ",two hundred,USD"),
        ("value must be a plain number", "line {line} [dmr25_size_2025]: found two hundred"),
        (FIGURES, "dmr25_size_2025,"),
        batch=2,
    ),
    Case(
        "thousands separators",
        edit_text(FIGURES, ",239.5,USD", ',"1,239.5",USD'),
        ("value must be a plain number", "found 1,239.5"),
        (FIGURES, "dmr25_size_2025,"),
        batch=3,
    ),
    Case(
        "percent sign in a value",
        edit_text(FIGURES, ",47.4,percent", ",47.4%,percent"),
        ("value must be a plain number", "found 47.4%"),
        batch=2,
    ),
    Case(
        "unknown unit",
        edit_text(FIGURES, ",239.5,USD billion", ",239.5,EUR billion"),
        ("unit must be one of the known units", "line {line} [dmr25_size_2025]: found EUR billion"),
        (FIGURES, "dmr25_size_2025,"),
        batch=4,
    ),
    Case(
        "end year before start year",
        edit_text(FIGURES, ",,2025,2034,,9.9,", ",,2034,2025,,9.9,"),
        ("a CAGR period must end after it starts", "[dmr25_cagr]: found 2034-2025"),
        batch=1,
    ),
    Case(
        "CAGR period of zero years",
        edit_text(FIGURES, ",,2025,2034,,9.9,", ",,2034,2034,,9.9,"),
        ("a CAGR period must end after it starts", "[dmr25_cagr]: found 2034-2034"),
        batch=2,
    ),
    Case(
        "year outside any sane range",
        edit_text(FIGURES, "market_size,world,,2034,", "market_size,world,,2340,"),
        ("years must lie between 1950 and 2100", "[dmr25_size_2034]: found 2340"),
        batch=2,
    ),
    Case(
        "year that is not a year",
        edit_text(FIGURES, "market_size,world,,2034,", "market_size,world,,34,"),
        ("must be four-digit years", "[dmr25_size_2034]: found 34"),
        batch=3,
    ),
    Case(
        "report id with no report row",
        edit_text(
            FIGURES,
            "prec_size_2023,precedence_healthcare_cdmo_2024,",
            "prec_size_2023,precedence_healthcare_cdmo_2042,",
        ),
        ("report_id must name a row of reports.report_id", "found precedence_healthcare_cdmo_2042"),
        batch=5,
    ),
    Case(
        "report with no market size at all",
        drop_lines(FIGURES, lambda line: line.startswith("prec_size_")),
        (
            "every report states at least one market size of its own scope",
            "seeds/reports.csv line {line} [precedence_healthcare_cdmo_2024]",
        ),
        (REPORTS, "precedence_healthcare_cdmo_2024,"),
    ),
    Case(
        "unknown measure",
        edit_text(FIGURES, ",market_size,world,,2034", ",revenue,world,,2034"),
        ("measure must be one of market_size, cagr, share", "found revenue"),
        batch=4,
    ),
    Case(
        "unknown qualifier",
        edit_text(FIGURES, ",around,reach around", ",circa,reach around"),
        ("qualifier must be blank or one of", "[prec_size_2033]: found circa"),
        batch=1,
    ),
    Case(
        "excerpt that does not quote the value",
        edit_text(
            FIGURES,
            ",274.43,USD billion,,calculated at USD 274.43 billion",
            ",274.43,USD billion,,calculated at USD 247.43 billion",
        ),
        ("excerpt must quote the value as stated", "[prec_size_2024]"),
        batch=1,
    ),
    Case(
        "country directly under world",
        edit_text(REGIONS, "china,China,asia_pacific,country", "china,China,world,country"),
        ("every other region has a parent one level up", "seeds/regions.csv line {line} [china]: found world"),
        (REGIONS, "china,"),
    ),
    Case(
        "two primary reports",
        edit_text(
            REPORTS, "Global Healthcare CMO Market,2023,,USD,false", "Global Healthcare CMO Market,2023,,USD,true"
        ),
        ("at most one report is the primary report", "seeds/reports.csv line 2 [dmr_healthcare_cmo_2025]"),
    ),
    Case(
        "unknown claim type",
        edit_text(CLAIMS, ",leads_volume,", ",dominates_everything,"),
        ("claim_type must be one of", "found dominates_everything"),
    ),
    Case(
        "date accessed not a date",
        edit_text(SOURCES, "blog summary,,2026-11-25,", "blog summary,,25/11/2026,"),
        (
            "accessed_on is required and must be a date",
            "seeds/report_sources.csv line 2 [dmr_healthcare_cmo_2025__blog]: found 25/11/2026",
        ),
    ),
    Case(
        "missing column",
        edit_bytes(REGIONS, lambda raw: b"\n".join(line.rsplit(b",", 1)[0] for line in raw.split(b"\n"))),
        ("seeds/regions.csv line 1: missing column(s) iso_country_code", "rule: the header is exactly"),
    ),
    Case(
        "extra column",
        edit_bytes(REGIONS, lambda raw: b"\n".join(line + b",x" if line else line for line in raw.split(b"\n"))),
        ("seeds/regions.csv line 1: unexpected column(s) x",),
    ),
    Case("empty file", edit_bytes(CLAIMS, lambda raw: b""), ("seeds/report_claims.csv line 1: the file is empty",)),
    Case(
        "header-only figures file",
        edit_bytes(FIGURES, lambda raw: raw.split(b"\n", 1)[0] + b"\n"),
        ("every report states at least one market size of its own scope", "seeds/reports.csv line 2"),
    ),
    Case(
        "truncated last line",
        append_line(FIGURES, "x_truncated,dmr_healthcare_cmo_2025,market_size"),
        ("seeds/report_figures.csv line {line}: 3 value(s) where the header has 14",),
        (FIGURES, "x_truncated,"),
    ),
    Case(
        "non-UTF-8 bytes",
        edit_bytes(FIGURES, lambda raw: raw.replace(b"Summary", "Summ\xe4ry".encode("latin-1"), 1)),
        ("is not UTF-8", "seeds/report_figures.csv line"),
    ),
    Case(
        "quote never closed",
        edit_text(FIGURES, ",projected to reach USD 239.5", ',"projected to reach USD 239.5'),
        ("seeds/report_figures.csv line {line}", "rule: a quoted value must close its quote"),
        (FIGURES, "dmr25_size_2025,"),
    ),
    Case(
        "report of an unknown market",
        edit_text(
            REPORTS,
            "healthcare_contract_manufacturing,world,Global Healthcare CMO Market,2025",
            "space_tourism,world,Global Healthcare CMO Market,2025",
        ),
        ("market_id must name a row of markets.market_id", "seeds/reports.csv line 2: found space_tourism"),
        batch=6,
    ),
    Case(
        "report of an unknown geography",
        edit_text(
            REPORTS,
            "healthcare_contract_manufacturing,world,Global Healthcare CMO Market,2023",
            "healthcare_contract_manufacturing,atlantis,Global Healthcare CMO Market,2023",
        ),
        ("geography_id must name a row of regions.region_id", "seeds/reports.csv line 3: found atlantis"),
        batch=6,
    ),
    Case(
        "figure outside its report's geography",
        append_rows(
            {
                REPORTS: "x_us_report,X Research,US Healthcare CMO,healthcare_contract_manufacturing,united_states,US CMO market,2025,,USD,false",
                SOURCES: "x_us_report__page,x_us_report,https://example.org/x-us-cmo,publisher page,,2026-11-27,",
                FIGURES: "x_us_size,x_us_report,market_size,,,2025,,,,50,USD billion,,worth USD 50 billion,Summary\n"
                "x_us_share_europe,x_us_report,share,europe,,2025,,,,20,percent,,Europe at 20 percent,Summary",
            }
        ),
        (
            "a region must lie inside its report's geography",
            "line {line} [x_us_share_europe]: found europe outside united_states",
        ),
        (FIGURES, "x_us_share_europe,"),
    ),
    Case(
        "segment of another market's taxonomy",
        append_rows(
            {
                MARKETS: "x_space_tourism,Space tourism,,Trips to space sold to private travellers.",
                SEGMENTS: "x_space__trip__orbital,x_space_tourism,trip,Orbital",
                FIGURES: "x_wrong_segment,dmr_healthcare_cmo_2025,share,,x_space__trip__orbital,2025,,,,5,percent,,orbital at 5 percent,Summary",
            }
        ),
        (
            "a segment must belong to the taxonomy of its report's market",
            "line {line} [x_wrong_segment]: found x_space__trip__orbital in a report of healthcare_contract_manufacturing",
        ),
        (FIGURES, "x_wrong_segment,"),
    ),
    Case(
        "circular market parents",
        append_rows(
            {
                MARKETS: "x_loop_a,Loop A,x_loop_b,A market whose parent is its own child.\n"
                "x_loop_b,Loop B,x_loop_a,A market whose parent is its own parent.",
            }
        ),
        ("parent_market_id links must form a tree (no cycle", "seeds/markets.csv line {line} [x_loop_a]"),
        (MARKETS, "x_loop_a,"),
    ),
    Case(
        "two sources at one address",
        append_rows(
            {
                SOURCES: "x_second_copy,dmr_healthcare_cmo_2023,"
                "https://jamesanderson85.blogspot.com/2026/01/healthcare-cmo-market-overview.html,blog summary,,2026-11-27,",
            }
        ),
        ("an address is listed once and belongs to one report", "seeds/report_sources.csv lines 2, {line} repeat"),
        (SOURCES, "x_second_copy,"),
    ),
]


@pytest.fixture()
def project(project_template: ProjectTemplate, warehouse: DbtRun) -> Path:
    """The worker's project directory laid anew, with the session's published warehouse in it (the
    build of the shipped seeds). Parsing is dbt's partial parsing from the unchanged project's state,
    as in a checkout that was built before its seeds were edited."""
    return project_template.fresh(published=warehouse.database)


@dataclass(frozen=True)
class Outcome:
    """One build of edited inputs: what it said, and the published file's digest before and after."""

    returncode: int
    output: str
    lines: dict[str, int | None]  # per case: the line number its message names
    failed: set[str]  # the checks that failed
    published_before: str
    published_after: str


def failed_checks(project: Path) -> set[str]:
    """The nodes dbt recorded as failed (status fail or error) in the build's run_results.json; none
    when dbt did not run (the input-file check stopped the build first). The project directory is laid
    anew for each build, so no earlier run's results are read."""
    results = project / "target" / "run_results.json"
    if not results.exists():
        return set()
    return {
        result["unique_id"]
        for result in json.loads(results.read_text(encoding="utf-8"))["results"]
        if result["status"] in ("fail", "error")
    }


def build_with(project: Path, cases: list[Case]) -> Outcome:
    published = project / PUBLISHED_NAME
    before = file_digest(published)
    for case in cases:
        case.edit(project)
    lines = {case.name: line_of(project, *case.line_prefix) if case.line_prefix else None for case in cases}
    run = run_build(project)
    return Outcome(run.returncode, run.output, lines, failed_checks(project), before, file_digest(published))


@pytest.fixture(scope="module")
def outcomes(project_template: ProjectTemplate, warehouse: DbtRun) -> Callable[[Case], Outcome]:
    """The build a case is checked against: its batch's, made once (the module runs on one worker).

    A batch is several cases in one build, as a user who made several mistakes at once sees them:
    each check names every row that breaks it, in one message. Cases share a batch only where they
    edit different rows and break the same check (one node of the build), so that no failure can skip
    another case's check (dbt skips what lies downstream of a failed check); the test asserts that a
    batch's build failed exactly one check."""
    made: dict[int | str, Outcome] = {}

    def outcome(case: Case) -> Outcome:
        key: int | str = case.batch if case.batch is not None else case.name
        if key not in made:
            members = [other for other in CASES if other.batch == case.batch] if case.batch is not None else [case]
            made[key] = build_with(project_template.fresh(published=warehouse.database), members)
        return made[key]

    return outcome


def test_the_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_fails_clearly_and_loses_nothing(outcomes: Callable[[Case], Outcome], case: Case) -> None:
    outcome = outcomes(case)
    assert outcome.returncode != 0, outcome.output
    if case.batch is not None:
        assert len(outcome.failed) == 1, f"a batch must break one check, not {sorted(outcome.failed)}"
    for fragment in case.expected:
        assert fragment.format(line=outcome.lines[case.name]) in outcome.output, outcome.output[-3000:]
    assert "The published warehouse" in outcome.output and "was left as it was" in outcome.output
    assert outcome.published_after == outcome.published_before


@pytest.mark.parametrize(
    "edit",
    [
        edit_bytes(REGIONS, lambda raw: b"\xef\xbb\xbf" + raw),
        edit_bytes(FIGURES, lambda raw: raw.replace(b"\n", b"\r\n")),
    ],
    ids=["byte-order mark: accepted", "CRLF line endings: accepted"],
)
def test_harmless_encodings_are_accepted_with_the_same_results(warehouse: DbtRun, project: Path, edit: Edit) -> None:
    edit(project)
    run = run_build(project)
    assert run.returncode == 0, run.output
    assert marts_checksum(project / PUBLISHED_NAME) == marts_checksum(warehouse.database)
