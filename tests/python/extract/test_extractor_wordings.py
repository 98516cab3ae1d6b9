"""The extractor's rules on invented sentences in other publishers' wordings.

None of these sentences is in the six labelled texts: they show the rules are general (currency
forms, units, separators, dashes, qualifiers, bounds, periods in any form) and that a number the rules
cannot place is listed for review, never guessed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from market_sizing.extract import rows, taxonomy, vocabulary
from market_sizing.extract.pipeline import Extraction, extract

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
MARKET = "healthcare_contract_manufacturing"

Figure = tuple[str, str, str, str, str, str, str, str, str]


@pytest.fixture(scope="module")
def known() -> Path:
    return SEEDS


def run(text: str, known: Path) -> tuple[Extraction, rows.Proposal]:
    extraction = extract(text, known, vocabulary.load(), has_title=False, market_id=MARKET, geography_id="world")
    proposal = rows.proposal(extraction, {"report_id": "invented"}, "inv")
    for row in proposal.rows("report_figures"):
        # Every excerpt is verbatim, short, and quotes the value as stated.
        assert row["excerpt"] in text, row
        assert row["value"] in row["excerpt"].replace(",", ""), row
        assert len(row["excerpt"]) <= 200, row
    return extraction, proposal


def figures(text: str, known: Path) -> set[Figure]:
    _, proposal = run(text, known)
    return {
        (
            row["measure"], row["region_id"], row["segment_id"], row["year"], row["period_start_year"],
            row["period_end_year"], row["value"], row["unit"], row["qualifier"],
        )
        for row in proposal.rows("report_figures")
    }  # fmt: skip


def test_usd_million_with_separators_and_an_en_dash_period(known: Path) -> None:
    text = (
        "The global widget market was valued at US$ 1,201.32 Mn in 2022 and is projected to touch "
        "US$ 2,034.5 Mn by 2030, registering a CAGR of 7.2% during the forecast period (2023–2030)."
    )
    assert figures(text, known) == {
        ("market_size", "world", "", "2022", "", "", "1201.32", "US$ Mn", ""),
        ("market_size", "world", "", "2030", "", "", "2034.5", "US$ Mn", ""),
        ("cagr", "world", "", "", "2023", "2030", "7.2", "percent", ""),
    }


def test_dollar_sign_and_spelled_out_growth_rate(known: Path) -> None:
    text = (
        "Sales of robotic lawn mowers reached $3.4 billion in 2023; the market is forecast to expand at a "
        "compound annual growth rate (CAGR) of 11.5% from 2024 to 2032."
    )
    assert figures(text, known) == {
        ("market_size", "world", "", "2023", "", "", "3.4", "$ billion", ""),
        ("cagr", "world", "", "", "2024", "2032", "11.5", "percent", ""),
    }


def test_bn_two_digit_period_end_and_implied_period(known: Path) -> None:
    text = (
        "The market size is expected to be USD 5.8 Bn in 2025 and grow to USD 9.1Bn by 2031, "
        "at a CAGR of 8.0% (2025–31)."
    )
    assert figures(text, known) == {
        ("market_size", "world", "", "2025", "", "", "5.8", "USD Bn", ""),
        ("market_size", "world", "", "2031", "", "", "9.1", "USD Bn", ""),
        ("cagr", "world", "", "", "2025", "2031", "8.0", "percent", ""),
    }
    # Without a stated period, the sentence's own years are the period.
    implied = "Revenue will climb from USD 5.8 Bn in 2025 to USD 9.1 Bn in 2031, a 8.0% CAGR."
    assert ("cagr", "world", "", "", "2025", "2031", "8.0", "percent", "") in figures(implied, known)


def test_amount_after_the_number_without_separators_and_a_qualifier(known: Path) -> None:
    text = "Globally, revenues are estimated at around 106827 million USD for the year 2024."
    assert figures(text, known) == {("market_size", "world", "", "2024", "", "", "106827", "million USD", "around")}


def test_trillion_with_a_lower_bound(known: Path) -> None:
    text = "By 2035 the industry could be worth over USD 1.2 trillion, analysts say."
    assert figures(text, known) == {("market_size", "world", "", "2035", "", "", "1.2", "USD trillion", "over")}


def test_shares_with_bounds_approximations_and_aliases(known: Path) -> None:
    text = "Europe held over 32% of the revenue in 2024, while the U.S. accounted for nearly 40 percent."
    assert figures(text, known) == {
        ("share", "europe", "", "2024", "", "", "32", "percent", "over"),
        ("share", "united_states", "", "", "", "", "40", "percent", "nearly"),
    }


def test_a_regional_cagr_by_alias_with_a_between_period(known: Path) -> None:
    text = "The APAC market is anticipated to register the fastest CAGR of 12.1% between 2025 and 2033."
    extraction, proposal = run(text, known)
    assert {
        (row["measure"], row["region_id"], row["period_start_year"], row["period_end_year"], row["value"])
        for row in proposal.rows("report_figures")
    } == {("cagr", "asia_pacific", "2025", "2033", "12.1")}
    assert [(claim.claim_type, claim.subject.member_id) for claim in extraction.claims] == [
        ("fastest_growing", "asia_pacific")
    ]


def test_respectively_pairs_names_and_values_in_order(known: Path) -> None:
    text = "Germany and France are expected to post CAGRs of 6.1% and 5.4%, respectively, through 2030."
    assert figures(text, known) == {
        ("cagr", "germany", "", "", "", "2030", "6.1", "percent", ""),
        ("cagr", "france", "", "", "", "2030", "5.4", "percent", ""),
    }


def test_forecast_period_wording_takes_the_reports_period(known: Path) -> None:
    text = (
        "The market was USD 5 billion in 2024 and will reach USD 8 billion by 2030, a CAGR of 8.1% over 2024-2030.\n\n"
        "Japan is expected to grow at a CAGR of 7% over the forecast period."
    )
    assert ("cagr", "japan", "", "", "2024", "2030", "7", "percent", "") in figures(text, known)


def test_a_cagr_without_any_period_is_not_guessed(known: Path) -> None:
    text = "Japan is expected to grow at a CAGR of 7% over the forecast period."
    extraction, proposal = run(text, known)
    assert proposal.rows("report_figures") == []
    assert len(extraction.unclassified) == 1


def test_unknown_segments_are_proposed_as_new_members_and_flagged(known: Path) -> None:
    text = (
        "By end user, hospitals dominated the market in 2023 with a revenue share of 41%. "
        "Latin America is the fastest-growing region."
    )
    extraction, proposal = run(text, known)
    assert [(row["segment_id"], row["year"], row["value"]) for row in proposal.rows("report_figures")] == [
        ("end_user__hospitals", "2023", "41")
    ]
    assert proposal.rows("segments") == [
        {
            "segment_id": "end_user__hospitals",
            "market_id": MARKET,
            "segment_dimension": "end_user",
            "segment_name": "hospitals",
        }
    ]
    # Regions are all in seeds/regions.csv; an unknown segment is never a certain row.
    assert proposal.flags_of("report_figures.csv", proposal.rows("report_figures")[0]["figure_id"]) == [
        "member unknown: segment 'hospitals' is not in seeds/segments.csv for this market"
    ]
    # "hospitals dominated ... with a revenue share" is also a claim, of the same unknown segment: flagged.
    assert [(claim.claim_type, claim.subject.member_id, bool(claim.flags)) for claim in extraction.claims] == [
        ("leads_revenue", "end_user__hospitals", True),
        ("fastest_growing", "latin_america", False),
    ]


def test_numbers_that_are_no_figure_are_listed_not_dropped(known: Path) -> None:
    text = (
        "In 2023, Acme invested USD 2 billion in a new plant.\n\n"
        "Shipments grew 14% year over year.\n\n"
        "The U.S. market stood at USD 41.2 billion in 2024, whereas Germany was worth USD 9.8 billion.\n\n"
        "Hospitals and clinics held 55% and 30% respectively.\n\n"
        "More than 300 companies operate 1,250 plants."
    )
    extraction, proposal = run(text, known)
    assert [(row["region_id"], row["value"], row["year"]) for row in proposal.rows("report_figures")] == [
        ("united_states", "41.2", "2024")
    ]
    reasons = {item.sentence.split()[0]: item.reason for item in extraction.unclassified}
    assert set(reasons) == {"In", "Shipments", "The", "Hospitals", "More"}
    assert "not a market size" in reasons["In"]
    assert "neither a CAGR nor a share" in reasons["Shipments"]
    assert "without a year" in reasons["The"]
    assert "respectively" in reasons["Hospitals"]
    assert "300" in reasons["More"] and "1,250" in reasons["More"]


def test_a_repeated_figure_is_one_figure_and_a_contradiction_is_flagged(known: Path) -> None:
    text = (
        "Widget Market Report\n\nThe market is set to reach USD 12.5 billion by 2030.\n\n"
        "Key Takeaways\n\nThe market will reach USD 12.5 billion by 2030, as noted.\n\n"
        "Outlook\n\nThe market may reach USD 13.0 billion by 2030."
    )
    extraction = extract(text, known, vocabulary.load(), market_id=MARKET, geography_id="world")
    assert [(figure.value, figure.section) for figure in extraction.figures] == [("12.5", "Introduction")]
    assert extraction.title == "Widget Market Report"
    assert len(extraction.unclassified) == 1
    assert "13.0" in extraction.unclassified[0].reason


def test_claims_by_revenue_by_volume_and_key_markets(known: Path) -> None:
    text = (
        "North America led the market with the largest revenue share in 2023. "
        "China remains a key market. Biologics are gaining share, whereas small molecules lead by volume. "
        "Which region leads the market?"
    )
    extraction, _ = run(text, known)
    assert {(claim.claim_type, claim.subject.member_id, claim.year) for claim in extraction.claims} == {
        ("leads_revenue", "north_america", 2023),
        ("key_market", "china", None),
        ("gaining_share", "product__biologics", None),
        ("leads_volume", "product__small_molecule_drugs", None),
    }


def test_every_unit_the_rules_can_word_is_in_the_vocabulary() -> None:
    units = vocabulary.load().units
    for currency in ("USD", "US$", "$"):
        for scale in ("million", "billion", "trillion", "Mn", "Bn", "Tn"):
            assert f"{currency} {scale}".lower() in units
    for scale in ("million", "billion", "trillion", "Mn", "Bn", "Tn"):
        assert f"{scale} USD".lower() in units
    assert "percent" in units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The global gadget market size reached US$ 5.6 Billion in 2023. Looking forward, the publisher expects "
            "the market to reach US$ 8.9 Billion by 2032, exhibiting a growth rate (CAGR) of 5.1% during 2024-2032. "
            "Asia Pacific currently dominates the market, holding a market share of over 40.0% in 2023.",
            {
                ("market_size", "world", "", "2023", "", "", "5.6", "US$ Billion", ""),
                ("market_size", "world", "", "2032", "", "", "8.9", "US$ Billion", ""),
                ("cagr", "world", "", "", "2024", "2032", "5.1", "percent", ""),
                ("share", "asia_pacific", "", "2023", "", "", "40.0", "percent", "over"),
            },
        ),
        (
            "The gizmo market is projected to reach USD 2.4 billion by 2029 from USD 1.6 billion in 2024, "
            "at a CAGR of 8.5% from 2024 to 2029.",
            {
                ("market_size", "world", "", "2029", "", "", "2.4", "USD billion", ""),
                ("market_size", "world", "", "2024", "", "", "1.6", "USD billion", ""),
                ("cagr", "world", "", "", "2024", "2029", "8.5", "percent", ""),
            },
        ),
        (
            "The global widget market size was valued at $12.45 billion in 2023. The market is projected to grow "
            "from $13.32 billion in 2024 to $24.94 billion by 2032, exhibiting a CAGR of 8.2% during the forecast "
            "period. North America dominated the widget market with a market share of 38.12% in 2023.",
            {
                ("market_size", "world", "", "2023", "", "", "12.45", "$ billion", ""),
                ("market_size", "world", "", "2024", "", "", "13.32", "$ billion", ""),
                ("market_size", "world", "", "2032", "", "", "24.94", "$ billion", ""),
                ("cagr", "world", "", "", "2024", "2032", "8.2", "percent", ""),
                ("share", "north_america", "", "2023", "", "", "38.12", "percent", ""),
            },
        ),
        (
            "Revenue in the U.S. is expected to hit US$ 3,456.7 million in 2025.",
            {("market_size", "united_states", "", "2025", "", "", "3456.7", "US$ million", "")},
        ),
    ],
    ids=["growth-rate-cagr-in-parentheses", "end-before-start", "forecast-period-from-sentence", "us-revenue"],
)
def test_whole_paragraphs_in_other_publishers_styles(text: str, expected: set[Figure], known: Path) -> None:
    assert figures(text, known) == expected


def test_claims_of_segments_the_taxonomy_does_not_know_propose_them(known: Path) -> None:
    text = "The oral solids segment is anticipated to witness the fastest CAGR over the forecast period."
    extraction, proposal = run(text, known)
    assert [(claim.claim_type, claim.subject.member_id) for claim in extraction.claims] == [
        ("fastest_growing", "segment__oral_solids")
    ]
    assert proposal.rows("segments") == [
        {
            "segment_id": "segment__oral_solids",
            "market_id": MARKET,
            "segment_dimension": "segment",
            "segment_name": "oral solids",
        }
    ]


def test_a_name_after_the_share_names_its_subject(known: Path) -> None:
    text = "Around 45% of revenue came from North America in 2023, and a 20% share was held by Europe."
    assert figures(text, known) == {
        ("share", "north_america", "", "2023", "", "", "45", "percent", "around"),
        ("share", "europe", "", "", "", "", "20", "percent", ""),
    }


def test_percentages_and_amounts_of_something_else_are_not_market_figures(known: Path) -> None:
    text = (
        "Biologics accounted for 35% of new drug approvals in 2023.\n\n"
        "Acme Corp reported revenue of USD 3.2 billion in 2023.\n\n"
        "Nearly 60% of CMOs plan to expand capacity by 2026.\n\n"
        "Biologics accounted for 35% of total market revenue in 2023."
    )
    extraction, proposal = run(text, known)
    assert [(row["segment_id"], row["value"], row["year"]) for row in proposal.rows("report_figures")] == [
        ("product__biologics", "35", "2023")
    ]
    assert proposal.rows("report_figures")[0]["excerpt"].endswith("35% of total market revenue in 2023")
    assert [item.line for item in extraction.unclassified] == [1, 3, 5]


def test_place_names_are_found_alike_in_ascii_and_other_text(known: Path) -> None:
    """Names are looked for with a quick lower-case test first in ASCII text only; a sentence with
    other characters (here "€" and a curly apostrophe) finds the same places, case rules kept."""
    names = taxonomy.load(known, MARKET)
    ascii_sentence = "Europe's share rose, while the US and Asia Pacific led; us and asia pacific grew."
    other_sentence = ascii_sentence.replace("'", "\u2019") + " \u20ac5 billion"
    found = [(name.text, name.member.member_id) for name in names.regions_in(ascii_sentence)]
    assert [(name.text, name.member.member_id) for name in names.regions_in(other_sentence)] == found
    assert ("US", "united_states") in found and ("us", "united_states") not in found
    assert ("asia pacific", "asia_pacific") in found and ("Europe", "europe") in found
