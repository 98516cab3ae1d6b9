"""A catalogue of malformed inputs: each stops the build with a message naming the file, the row or
figure and the rule, and leaves the published warehouse byte-for-byte as it was. Builds run as
`make build` runs them (`run_build`): the input-file check, then `dbt build`.

Every case that gets past the input-file check names the dbt check(s) it must break (`Case.checks`,
the test's name as dbt's unique_id spells it). A build costs seconds, so cases share one where they
can: a batch (`Case.batch`) is a set of cases whose edits are applied one after another to one fresh
project and built once, as a user who made several mistakes at once would see them. Cases go in one
batch only when they edit different rows, and when no check they break sits downstream of another's
model (dbt skips what lies below a failed check, and a skipped check prints nothing). Each case is
still its own test: its checks must be among those that failed, its message fragments in the output,
and the checks that failed must be exactly those its batch declares, so that a surprise failure, or
one that hides another case's check, fails the test rather than passing unseen. Inputs that are fine
in substance (a byte-order mark, Windows line endings) are accepted, and the test says so.
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
# dbt checks, by the test name in their unique_id (test.market_sizing.<name>.<hash>); dbt derives
# the long names from the tests' arguments.
ROW_RULES = "figures__row_rules"
FIGURES_CONTRACT = "figures__input_contract"
ONE_FIGURE_PER_MEASURE = "figures__a_report_states_one_figure_per_measure"
SCOPE_RULES = "figures__scope_rules"
MARKETS_FORM_A_TREE = "forms_a_tree_stg_markets_market_id__5__parent_market_id"
EVERY_REPORT_STATES_A_SIZE = (
    "has_related_rows_stg_reports_report_id__report_id__every_report_states_at_least_one_market_size_of_its_own_"
    "scope_its_market_in_its_whole_geography___ref_int_report_figures___measure_market_size_and_is_whole_scope"
)
SHARES_SUM_AT_MOST_100 = (
    "shares_sum_at_most_100_int_subject_shares_coalesce_source_file_line_s_source_lines_source_figure_ids___"
    "report_id__subject_type__subject_family__year__basis_reported_and_year_is_not_null"
)

NEW_SHARE = "x_share_na_2025,dmr_healthcare_cmo_2025,share,north_america,,2025,,,,60,percent,,holds 60 percent,Regional Analysis"


@dataclass(frozen=True)
class Case:
    name: str
    edit: Edit
    expected: tuple[str, ...]  # every fragment must appear in dbt's output; {line} is filled in
    line_prefix: tuple[str, str] | None = None  # (file, row prefix) whose line number the message names
    batch: int | None = None  # cases of one batch share a build; None: a build of its own
    checks: tuple[str, ...] = ()  # the dbt checks it breaks; none when the input-file check stops it


CASES = [
    Case(
        "negative market size",
        edit_text(FIGURES, ",239.5,USD", ",-239.5,USD"),
        ("a market size must be greater than zero", "seeds/report_figures.csv line {line} [dmr25_size_2025]"),
        (FIGURES, "dmr25_size_2025,"),
        batch=1,
        checks=(ROW_RULES,),
    ),
    Case(
        "zero market size",
        edit_text(FIGURES, ",558.4,USD", ",0,USD"),
        ("a market size must be greater than zero", "line {line} [dmr25_size_2034]"),
        (FIGURES, "dmr25_size_2034,"),
        batch=1,
        checks=(ROW_RULES,),
    ),
    Case(
        "share above 100",
        edit_text(FIGURES, ",47.4,percent,,accounting", ",147.4,percent,,accounting"),
        ("a share must be above 0 and at most 100 percent", "line {line} [dmr25_share_asia_pacific_2025]: found 147.4"),
        (FIGURES, "dmr25_share_asia_pacific_2025,"),
        batch=1,
        checks=(ROW_RULES,),
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
        batch=7,
        checks=(SHARES_SUM_AT_MOST_100,),
    ),
    Case(
        "unknown region",
        edit_text(FIGURES, "share,asia_pacific,,2025", "share,atlantis,,2025"),
        ("region_id must name a row of regions.region_id", "line {line}: found atlantis"),
        (FIGURES, "dmr25_share_asia_pacific_2025,"),
        batch=4,
        checks=(FIGURES_CONTRACT,),
    ),
    Case(
        "unknown segment",
        edit_text(FIGURES, "cmo_type__pharmaceutical,2024", "cmo_type__generics,2024"),
        ("segment_id must name a row of segments.segment_id", "found cmo_type__generics"),
        batch=3,
        checks=(FIGURES_CONTRACT,),
    ),
    Case(
        "duplicate figure",
        append_line(
            FIGURES,
            "dmr25_size_2025_again,dmr_healthcare_cmo_2025,market_size,world,,2025,,,,239.5,USD billion,,reach USD 239.5 billion,Summary",
        ),
        ("duplicate figure", "seeds/report_figures.csv lines 2, {line} repeat"),
        (FIGURES, "dmr25_size_2025_again,"),
        batch=4,
        checks=(ONE_FIGURE_PER_MEASURE,),
    ),
    Case(
        "duplicate figure id",
        edit_text(FIGURES, "dmr25_size_2034,", "dmr25_size_2025,"),
        (
            "figure_id must identify one row of report_figures",
            "seeds/report_figures.csv line 2: found dmr25_size_2025; seeds/report_figures.csv line 3: found dmr25_size_2025",
        ),
        batch=5,
        checks=(FIGURES_CONTRACT,),
    ),
    Case(
        "missing value",
        edit_text(FIGURES, ",239.5,USD", ",,USD"),
        ("value is required", "seeds/report_figures.csv line {line}: found (blank)"),
        (FIGURES, "dmr25_size_2025,"),
        batch=5,
        checks=(FIGURES_CONTRACT,),
    ),
    Case(
        "non-numeric value",
        edit_text(FIGURES, ",239.5,USD", ",two hundred,USD"),
        ("value must be a plain number", "line {line} [dmr25_size_2025]: found two hundred"),
        (FIGURES, "dmr25_size_2025,"),
        batch=2,
        checks=(ROW_RULES,),
    ),
    Case(
        "thousands separators",
        edit_text(FIGURES, ",239.5,USD", ',"1,239.5",USD'),
        ("value must be a plain number", "found 1,239.5"),
        (FIGURES, "dmr25_size_2025,"),
        batch=3,
        checks=(ROW_RULES,),
    ),
    Case(
        "percent sign in a value",
        edit_text(FIGURES, ",47.4,percent", ",47.4%,percent"),
        ("value must be a plain number", "found 47.4%"),
        batch=2,
        checks=(ROW_RULES,),
    ),
    Case(
        "unknown unit",
        edit_text(FIGURES, ",239.5,USD billion", ",239.5,EUR billion"),
        ("unit must be one of the known units", "line {line} [dmr25_size_2025]: found EUR billion"),
        (FIGURES, "dmr25_size_2025,"),
        batch=4,
        checks=(ROW_RULES,),
    ),
    Case(
        "end year before start year",
        edit_text(FIGURES, ",,2025,2034,,9.9,", ",,2034,2025,,9.9,"),
        ("a CAGR period must end after it starts", "[dmr25_cagr]: found 2034-2025"),
        batch=1,
        checks=(ROW_RULES,),
    ),
    Case(
        "CAGR period of zero years",
        edit_text(FIGURES, ",,2025,2034,,9.9,", ",,2034,2034,,9.9,"),
        ("a CAGR period must end after it starts", "[dmr25_cagr]: found 2034-2034"),
        batch=2,
        checks=(ROW_RULES,),
    ),
    Case(
        "year outside any sane range",
        edit_text(FIGURES, "market_size,world,,2034,", "market_size,world,,2340,"),
        ("years must lie between 1950 and 2100", "[dmr25_size_2034]: found 2340"),
        batch=2,
        checks=(ROW_RULES,),
    ),
    Case(
        "year that is not a year",
        edit_text(FIGURES, "market_size,world,,2034,", "market_size,world,,34,"),
        ("must be four-digit years", "[dmr25_size_2034]: found 34"),
        batch=3,
        checks=(ROW_RULES,),
    ),
    Case(
        "report id with no report row",
        edit_text(
            FIGURES,
            "prec_size_2023,precedence_healthcare_cdmo_2024,",
            "prec_size_2023,precedence_healthcare_cdmo_2042,",
        ),
        ("report_id must name a row of reports.report_id", "found precedence_healthcare_cdmo_2042"),
        batch=3,
        checks=(FIGURES_CONTRACT,),
    ),
    Case(
        "report with no market size at all",
        drop_lines(FIGURES, lambda line: line.startswith("prec_size_")),
        (
            "every report states at least one market size of its own scope",
            "seeds/reports.csv line {line} [precedence_healthcare_cdmo_2024]",
        ),
        (REPORTS, "precedence_healthcare_cdmo_2024,"),
        batch=6,
        checks=(EVERY_REPORT_STATES_A_SIZE,),
    ),
    Case(
        "unknown measure",
        edit_text(FIGURES, ",market_size,world,,2034", ",revenue,world,,2034"),
        ("measure must be one of market_size, cagr, share", "found revenue"),
        batch=4,
        checks=(ROW_RULES,),
    ),
    Case(
        "unknown qualifier",
        edit_text(FIGURES, ",around,reach around", ",circa,reach around"),
        ("qualifier must be blank or one of", "[prec_size_2033]: found circa"),
        batch=1,
        checks=(ROW_RULES,),
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
        checks=(ROW_RULES,),
    ),
    Case(
        "country directly under world",
        edit_text(REGIONS, "china,China,asia_pacific,country", "china,China,world,country"),
        ("every other region has a parent one level up", "seeds/regions.csv line {line} [china]: found world"),
        (REGIONS, "china,"),
        batch=1,
        checks=("regions__row_rules",),
    ),
    Case(
        "two primary reports",
        edit_text(
            REPORTS, "Global Healthcare CMO Market,2023,,USD,false", "Global Healthcare CMO Market,2023,,USD,true"
        ),
        ("at most one report is the primary report", "seeds/reports.csv line 2 [dmr_healthcare_cmo_2025]"),
        batch=2,
        checks=("reports__row_rules",),
    ),
    Case(
        "unknown claim type",
        edit_text(CLAIMS, ",leads_volume,", ",dominates_everything,"),
        ("claim_type must be one of", "found dominates_everything"),
        batch=6,
        checks=("claims__row_rules",),
    ),
    Case(
        "date accessed not a date",
        edit_text(SOURCES, "blog summary,,2026-11-25,", "blog summary,,25/11/2026,"),
        (
            "accessed_on is required and must be a date",
            "seeds/report_sources.csv line 2 [dmr_healthcare_cmo_2025__blog]: found 25/11/2026",
        ),
        batch=8,
        checks=("report_sources__row_rules",),
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
        batch=8,
        checks=(EVERY_REPORT_STATES_A_SIZE,),
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
        batch=2,
        checks=("reports__input_contract",),
    ),
    Case(
        "report of an unknown geography",
        edit_text(
            REPORTS,
            "healthcare_contract_manufacturing,world,Global Healthcare CMO Market,2023",
            "healthcare_contract_manufacturing,atlantis,Global Healthcare CMO Market,2023",
        ),
        ("geography_id must name a row of regions.region_id", "seeds/reports.csv line 3: found atlantis"),
        batch=4,
        checks=("reports__input_contract",),
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
        batch=6,
        checks=(SCOPE_RULES,),
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
        batch=6,
        checks=(SCOPE_RULES,),
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
        batch=5,
        checks=(MARKETS_FORM_A_TREE,),
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
        batch=7,
        checks=("report_sources__an_address_belongs_to_one_report",),
    ),
]


@dataclass(frozen=True)
class Outcome:
    """One build of edited inputs: what it said, which checks failed, and the published file's digest
    before and after."""

    returncode: int
    output: str
    lines: dict[str, int | None]  # per case: the line number its message names
    reached_dbt: bool  # false when the input-file check stopped the build
    failed: frozenset[str]  # the checks (test names) and other nodes (unique_ids) that failed
    published_before: str
    published_after: str


def failed_checks(project: Path) -> frozenset[str] | None:
    """The nodes dbt recorded as failed (status fail or error) in the build's run_results.json, a test
    by its name as in `Case.checks`, any other node by its unique_id; None when dbt did not run (the
    input-file check stopped the build first). The project directory is laid anew for each build, so
    no earlier run's results are read."""
    results = project / "target" / "run_results.json"
    if not results.exists():
        return None
    failed = (
        result["unique_id"]
        for result in json.loads(results.read_text(encoding="utf-8"))["results"]
        if result["status"] in ("fail", "error")
    )
    return frozenset(node.split(".")[2] if node.startswith("test.") else node for node in failed)


def batch_of(case: Case) -> list[Case]:
    """The cases built together with `case`, in catalogue order (the order their edits are applied)."""
    return [other for other in CASES if other.batch == case.batch] if case.batch is not None else [case]


def build_with(project: Path, cases: list[Case]) -> Outcome:
    published = project / PUBLISHED_NAME
    before = file_digest(published)
    for case in cases:
        case.edit(project)
    lines = {case.name: line_of(project, *case.line_prefix) if case.line_prefix else None for case in cases}
    run = run_build(project)
    failed = failed_checks(project)
    return Outcome(
        run.returncode,
        run.output,
        lines,
        failed is not None,
        failed or frozenset(),
        before,
        file_digest(published),
    )


@pytest.fixture(scope="module")
def outcomes(project_template: ProjectTemplate, warehouse: DbtRun) -> Callable[[Case], Outcome]:
    """The build a case is checked against: its batch's, made once (the module runs on one worker), in
    the worker's project directory laid anew with the session's published warehouse in it (the build
    of the shipped seeds). Parsing is dbt's partial parsing from the unchanged project's state, as in a
    checkout that was built before its seeds were edited.

    A batch's build must fail exactly the checks its cases declare, no more and no fewer: a check that
    no case declared means one case's edit broke something else (and may have hidden another case's
    check behind it), and a declared check that did not fail means dbt skipped it or the edit missed."""
    made: dict[int | str, Outcome] = {}

    def outcome(case: Case) -> Outcome:
        key: int | str = case.batch if case.batch is not None else case.name
        if key not in made:
            made[key] = build_with(project_template.fresh(published=warehouse.database), batch_of(case))
        return made[key]

    return outcome


def test_the_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)
    batched_without_checks = [case.name for case in CASES if case.batch is not None and not case.checks]
    assert not batched_without_checks, (
        f"a batch is of cases that reach dbt; these declare no check: {batched_without_checks}"
    )


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_fails_clearly_and_loses_nothing(outcomes: Callable[[Case], Outcome], case: Case) -> None:
    outcome = outcomes(case)
    assert outcome.returncode != 0, outcome.output
    if case.checks:
        assert outcome.reached_dbt, f"{case.name!r} declares {list(case.checks)} but the input-file check stopped it"
        missed = sorted(set(case.checks) - outcome.failed)
        assert not missed, f"{case.name!r}: declared check(s) {missed} did not fail; failed: {sorted(outcome.failed)}"
    else:
        assert not outcome.reached_dbt, f"{case.name!r} reached dbt and failed {sorted(outcome.failed)}: declare them"
    members = batch_of(case)
    declared = {check for member in members for check in member.checks}
    assert outcome.failed == declared, (
        f"the build of {[member.name for member in members]} failed {sorted(outcome.failed)}, "
        f"its cases declare {sorted(declared)}: not declared {sorted(outcome.failed - declared)}, "
        f"did not fail {sorted(declared - outcome.failed)}"
    )
    for fragment in case.expected:
        assert fragment.format(line=outcome.lines[case.name]) in outcome.output, outcome.output[-3000:]
    assert "The published warehouse" in outcome.output and "was left as it was" in outcome.output
    assert outcome.published_after == outcome.published_before


# Per harmless edit: the edit, and how to see it in the project it was applied to.
HARMLESS: dict[str, tuple[Edit, Callable[[Path], bool]]] = {
    "byte-order mark: accepted": (
        edit_bytes(REGIONS, lambda raw: b"\xef\xbb\xbf" + raw),
        lambda project: (project / REGIONS).read_bytes().startswith(b"\xef\xbb\xbf"),
    ),
    "CRLF line endings: accepted": (
        edit_bytes(FIGURES, lambda raw: raw.replace(b"\n", b"\r\n")),
        lambda project: b"\r\n" in (project / FIGURES).read_bytes(),
    ),
}


@dataclass(frozen=True)
class HarmlessBuild:
    returncode: int
    output: str
    edited: dict[str, bool]  # per harmless edit: whether its mark was in the inputs that were built
    marts: dict[str, tuple[int, str]]  # marts_checksum of the published warehouse the build left


@pytest.fixture(scope="module")
def harmless_build(project_template: ProjectTemplate, warehouse: DbtRun) -> HarmlessBuild:
    """One build that carries both harmless edits at once (a byte-order mark in regions.csv and
    Windows line endings in report_figures.csv), made in the worker's project laid anew with the
    session's published warehouse in it; each edit's test checks this same build."""
    project = project_template.fresh(published=warehouse.database)
    for edit, _ in HARMLESS.values():
        edit(project)
    edited = {name: carried(project) for name, (_, carried) in HARMLESS.items()}
    run = run_build(project)
    return HarmlessBuild(run.returncode, run.output, edited, marts_checksum(project / PUBLISHED_NAME))


@pytest.mark.parametrize("name", list(HARMLESS))
def test_harmless_encodings_are_accepted_with_the_same_results(
    warehouse: DbtRun, harmless_build: HarmlessBuild, name: str
) -> None:
    """The build carries both harmless edits (see `harmless_build`): it must pass, with the marts the
    shipped seeds give."""
    assert harmless_build.edited[name], f"the build did not carry the edit {name!r}"
    assert harmless_build.returncode == 0, harmless_build.output
    assert harmless_build.marts == marts_checksum(warehouse.database)
