"""Never a silent guess: the wordings that used to give wrong rows, and the misses, on invented texts.

Each text here is written for the test (none is in the corpus): a country report whose country is
named in the sentence before its sizes; a global market named without the word "market"; a stated
forecast period beside sizes of other years; claims and sizes in two-column tables; a forecast period
named before its years; growth without the word CAGR; a share "contributing approximately N% of the
demand"; money in euros.
"""

from __future__ import annotations

from pathlib import Path

from market_sizing.extract import figures, pipeline, rows, vocabulary
from market_sizing.extract.pipeline import Extraction

SEEDS = Path(__file__).resolve().parents[3] / "seeds"

Row = tuple[object, ...]


def extract(text: str, **scope: str) -> Extraction:
    return pipeline.extract(text, SEEDS, vocabulary.load(), **scope)


def certain(extraction: Extraction) -> set[Row]:
    return {
        (f.measure, f.subject.member_id, f.year, f.period_start_year, f.period_end_year, f.value, f.unit)
        for f in extraction.figures
        if not f.flags
    }


def flagged(extraction: Extraction) -> dict[str, tuple[str, ...]]:
    return {f"{f.measure} {f.value}": f.flags for f in extraction.figures if f.flags}


def reasons(extraction: Extraction, figure: str) -> str:
    """The review reasons of the flagged figure `figure` ("share 58"), joined; blank when it is not flagged."""
    return " ".join(flagged(extraction).get(figure, ()))


def test_a_country_reports_sizes_are_the_countrys() -> None:
    text = (
        "Japan Widget Market Report\n\n"
        "Japan is among the largest producers of widgets in Asia. "
        "The market was valued at USD 3.1 billion in 2024 and is set to reach USD 4.6 billion by 2032."
    )
    extraction = extract(text)
    assert extraction.scope.geography_id == "japan" and "geography_id" not in extraction.scope.flags
    assert certain(extraction) == {
        ("market_size", "japan", 2024, None, None, "3.1", "USD billion"),
        ("market_size", "japan", 2032, None, None, "4.6", "USD billion"),
    }


def test_the_global_market_named_without_the_word_market_is_the_whole_market() -> None:
    sentence = "The global healthcare cold chain was valued at USD 5.2 billion in 2024."
    extraction = extract(f"Healthcare Cold Chain Market Outlook\n\n{sentence}")
    assert certain(extraction) == {("market_size", "world", 2024, None, None, "5.2", "USD billion")}
    assert not [f for f in extraction.figures if f.subject.kind == "segment"]
    # With nothing naming the market, the world's whole market is still the subject, but flagged.
    alone = extract(sentence)
    assert not certain(alone) and [(f.subject.member_id, bool(f.flags)) for f in alone.figures] == [("world", True)]


def test_a_stated_forecast_period_is_not_replaced_by_the_years_of_the_sizes() -> None:
    text = (
        "The global gizmo market was USD 10.0 billion in 2024 and will reach USD 16.0 billion by 2033, "
        "at a CAGR of 5.4% during the forecast period 2025-2033."
    )
    assert ("cagr", "world", None, 2025, 2033, "5.4", "percent") in certain(extract(text))


def test_a_period_without_years_beside_the_cagr_is_flagged_never_silent() -> None:
    text = (
        "The global gizmo market will grow from USD 10.0 billion in 2024 to USD 16.0 billion in 2033, a CAGR of 6.5%."
    )
    extraction = extract(text)
    # 10.0 grown 6.5% a year for nine years is 17.6, not 16.0: the arithmetic does not confirm the span.
    assert flagged(extraction) == {"cagr 6.5": ("period inferred from the sentence's dated sizes, not stated",)}


def test_a_period_the_arithmetic_confirms_is_certain() -> None:
    # 10.0 * 1.054 ** 9 = 16.04 (within 2% of 16.0); eight years give 15.2 and ten 16.9 (both beyond 2%).
    text = (
        "The global gizmo market will grow from USD 10.0 billion in 2024 to USD 16.0 billion in 2033, a CAGR of 5.4%."
    )
    assert ("cagr", "world", None, 2024, 2033, "5.4", "percent") in certain(extract(text))


def test_a_rate_too_small_to_tell_one_year_from_the_next_stays_flagged() -> None:
    # 10.0 * 1.01 ** 9 = 10.94 against 11.0; eight years give 10.83, also within 2%: not told apart.
    text = (
        "The global gizmo market will grow from USD 10.0 billion in 2024 to USD 11.0 billion in 2033, a CAGR of 1.0%."
    )
    assert flagged(extract(text)) == {"cagr 1.0": ("period inferred from the sentence's dated sizes, not stated",)}


def test_two_column_tables_hold_sizes_cagrs_and_claims() -> None:
    text = (
        "Global Gizmo Market\n\n"
        "Report Attribute | Details\n"
        "Market Size (2024) | USD 7.25 Billion\n"
        "Market Size in 2033 | USD 12.8 Billion\n"
        "CAGR (2025-2033) | 6.5%\n"
        "Fastest Growing Market | Asia Pacific\n"
        "Largest Market | North America\n"
        "Key Markets | Germany, Japan and India\n"
    )
    extraction = extract(text)
    assert certain(extraction) == {
        ("market_size", "world", 2024, None, None, "7.25", "USD Billion"),
        ("market_size", "world", 2033, None, None, "12.8", "USD Billion"),
        ("cagr", "world", None, 2025, 2033, "6.5", "percent"),
    }
    assert {(c.claim_type, c.subject.member_id, bool(c.flags)) for c in extraction.claims} == {
        ("fastest_growing", "asia_pacific", False),
        ("leads", "north_america", False),
        ("key_market", "germany", False),
        ("key_market", "japan", False),
        ("key_market", "india", False),
    }
    assert not extraction.mentions  # claims, not plain mentions


def test_a_forecast_period_named_before_its_years_and_a_growth_without_cagr() -> None:
    text = (
        "The global gizmo market is expected to register a CAGR of 4.1% over the forecast period, 2025 to 2030. "
        "Gizmo sales are expected to grow 6% from 2025 to 2033."
    )
    extraction = extract(text)
    assert ("cagr", "world", None, 2025, 2030, "4.1", "percent") in certain(extraction)
    assert flagged(extraction)["cagr 6"] == ("a growth rate the text does not call a CAGR (annual rate assumed)",)


def test_a_share_contributing_approximately_n_percent_of_the_demand() -> None:
    text = "North America led in 2024, contributing approximately 41.5% of the demand."
    extraction = extract(text, geography_id="world")
    figure = next(f for f in extraction.figures if f.measure == "share")
    assert (figure.subject.member_id, figure.year, figure.value, figure.qualifier, figure.flags) == (
        "north_america", 2024, "41.5", "approximately", ()
    )  # fmt: skip


def test_money_in_another_currency_is_kept_as_stated_and_flagged() -> None:
    text = "Germany Gizmo Market\n\nThe German gizmo market reached EUR 2.3 billion in 2024 and €3.1 billion by 2030."
    extraction = extract(text)
    units = {(f.value, f.unit, f.currency) for f in extraction.figures}
    assert units == {("2.3", "EUR billion", "EUR"), ("3.1", "€ billion", "EUR")}
    assert all("currency EUR kept as stated" in " ".join(f.flags) for f in extraction.figures)
    assert extraction.scope.currency == "EUR" and "currency" in extraction.scope.flags
    proposal = rows.proposal(extraction, {"report_id": "gizmo_de"}, "gz")
    assert proposal.rows("reports")[0]["currency"] == "EUR"
    assert all("usd" not in row["unit"].lower() for row in proposal.rows("report_figures"))


def test_a_pronoun_for_a_place_carries_the_region_and_says_so() -> None:
    text = "Europe is a mature region. The region is expected to reach USD 2.2 billion by 2030."
    extraction = extract(text, geography_id="world")
    assert flagged(extraction) == {"market_size 2.2": ("scope carried from another sentence",)}
    assert extraction.figures[0].subject.member_id == "europe"


def test_a_year_by_column_table_takes_its_unit_from_the_caption() -> None:
    text = (
        "Germany Cold Chain Logistics Market\n\n"
        "Germany Cold Chain Logistics Market Revenue, by Service (USD Million)\n"
        "Service | 2023 | 2024\n"
        "Refrigerated Storage | 4,210.5 | 4,480.2\n"
        "Blast Freezing | 310.4 | 335.0\n"
    )
    extraction = extract(text)
    assert certain(extraction) == {
        ("market_size", "cc__service__refrigerated_storage", 2023, None, None, "4210.5", "USD Million"),
        ("market_size", "cc__service__refrigerated_storage", 2024, None, None, "4480.2", "USD Million"),
    }
    assert set(flagged(extraction)) == {"market_size 310.4", "market_size 335.0"}  # no such segment in the seeds
    assert not extraction.unclassified


def test_a_year_by_row_table_gives_the_whole_markets_sizes_from_its_market_column_only() -> None:
    text = (
        "Global Widget Market\n\n"
        "The global widget market reached USD 9.9 billion in 2021.\n\n"
        "| Year | Widget Market Value (USD Billion) | Annual Change | Premium Widgets (USD Billion) |\n"
        "| 2019 | 8.1 | — | 1.2 |\n"
        "| 2020* | 9,020.5 | +4.1% | 1.4 |\n\n"
        "Year | Size of the market |\n"
        "2022 | $10.4 billion |\n"
    )
    extraction = extract(text)
    assert certain(extraction) == {
        ("market_size", "world", 2021, None, None, "9.9", "USD billion"),
        ("market_size", "world", 2019, None, None, "8.1", "USD Billion"),
        ("market_size", "world", 2020, None, None, "9020.5", "USD Billion"),
        ("market_size", "world", 2022, None, None, "10.4", "$ billion"),
    }
    # The rate column and a narrower column ("Premium Widgets") are not the market's sizes.
    assert not [f for f in extraction.figures if f.value in ("1.2", "1.4", "4.1")]
    assert {item.sentence for item in extraction.unclassified} >= {
        "2019 | 8.1 | — | 1.2",
        "2020* | 9,020.5 | +4.1% | 1.4",
    }


def test_a_scale_letter_and_a_year_in_brackets() -> None:
    text = "Global Gizmo Services Market\n\nMarket size:\n$46.0B (2023)\n$291.4B projected by 2030"
    extraction = extract(text)
    assert {(f.value, f.year, f.unit, f.excerpt) for f in extraction.figures} == {
        ("46.0", 2023, "$ B", "$46.0B (2023)"),
        ("291.4", 2030, "$ B", "$291.4B projected by 2030"),
    }
    assert all(
        f.flags == ("unit ambiguous: '$ B' is not in the contract's unit vocabulary",) for f in extraction.figures
    )


def claims(extraction: Extraction) -> set[tuple[str, str, int | None, bool]]:
    return {(c.claim_type, c.subject.member_id, c.year, bool(c.flags)) for c in extraction.claims}


def test_a_range_of_percentages_is_no_figure() -> None:
    text = "The global gizmo market is led by resins, which account for 40% - 45% of the cost of a gizmo."
    extraction = extract(text, market_id="healthcare_contract_manufacturing", geography_id="world")
    assert not [f for f in extraction.figures if f.measure == "share"]
    assert any("one end of a range" in item.reason for item in extraction.unclassified)


def test_a_share_in_apposition_after_a_qualifier_takes_the_year_after_the_comma() -> None:
    text = (
        "North America Gizmo Market\n\n"
        "The North America gizmo market was worth USD 8.0 billion in 2024. "
        "By country, Canada held the second-largest share of the market, roughly 12.5%, in 2024."
    )
    shares = [f for f in extract(text).figures if f.measure == "share"]
    assert [(f.subject.member_id, f.year, f.value, f.qualifier, f.flags) for f in shares] == [
        ("canada", 2024, "12.5", "roughly", ())
    ]


def test_a_share_whose_year_the_rules_cannot_tie_is_flagged() -> None:
    text = (
        "The global gizmo market was USD 9.0 billion in 2024. "
        "Europe represents 31% of global revenue, ahead of Asia Pacific, which gained ground after 2021."
    )
    shares = [f for f in extract(text).figures if f.measure == "share"]
    assert [(f.year, f.flags[:1]) for f in shares] == [(None, (figures.YEAR_ELSEWHERE,))]


def test_two_stated_forecast_periods_make_a_cagr_over_the_forecast_period_unsure() -> None:
    text = (
        "Gizmo Market Outlook\n\n"
        "Forecast Period | 2026-2031\n"
        "CAGR (2025-2031) | 6.6%\n\n"
        "The global gizmo market stood at USD 3.3 billion in 2025 and should reach USD 4.9 billion by 2031, "
        "expanding at a CAGR of 6.9% over the forecast period."
    )
    flags = flagged(extract(text))
    assert any("more than one forecast period (2026-2031, 2025-2031)" in flag for flag in flags["cagr 6.9"])


def test_a_forecast_period_spelled_out_with_ie_is_stated() -> None:
    text = (
        "The global gizmo market stood at USD 2.0 billion in 2025 and will reach USD 3.0 billion by 2035, "
        "expanding at a CAGR of 4.1% over the forecast period, i.e., 2026-2035."
    )
    assert ("cagr", "world", None, 2026, 2035, "4.1", "percent") in certain(extract(text))


def test_a_later_clause_of_a_breakdown_sentence_is_not_the_whole_market() -> None:
    text = (
        "The India gizmo market was worth USD 1.5 billion in 2024. "
        "By component, hardware took 58.0% of the market in 2024; software trails but still logs a 19.1% CAGR to 2030."
    )
    extraction = extract(text)
    cagr = [f for f in extraction.figures if f.measure == "cagr"]
    assert len(cagr) == 1 and cagr[0].flags and "breaks the market down by component" in cagr[0].flags[0]


def test_several_claims_in_one_sentence_each_have_their_subject_and_the_lead_in_year() -> None:
    text = (
        "The global gizmo market was USD 4.0 billion in 2024. "
        "In 2024, North America held the largest share, Asia Pacific grew the fastest, and Europe was the leading "
        "importer region."
    )
    found = claims(extract(text))
    assert ("leads", "north_america", 2024, False) in found
    assert ("fastest_growing", "asia_pacific", 2024, True) in found  # dated growth: flagged


def test_a_list_of_largest_markets_is_a_key_market_claim_for_each() -> None:
    text = (
        "Europe Gizmo Market\n\n"
        "The Europe gizmo market was worth EUR 2.0 billion in 2024. Spain, Italy and Poland are the largest national "
        "markets for gizmos."
    )
    found = claims(extract(text))
    assert {("key_market", place, None, False) for place in ("spain", "italy", "poland")} <= found


def test_a_claim_about_the_reports_own_geography_is_flagged() -> None:
    text = (
        "India Gizmo Market\n\n"
        "The India gizmo market was valued at USD 1.0 billion in 2024. India leads the world as an exporter of gizmos."
    )
    assert ("leads", "india", None, True) in claims(extract(text))


def test_a_place_in_a_lead_in_is_not_surely_the_claims_subject() -> None:
    text = "The Europe gizmo market was worth USD 2.0 billion in 2024. In France, refurbished gizmos lead the market."
    found = [c for c in extract(text).claims if c.subject.member_id == "france"]
    assert found and all(c.flags for c in found)


def test_a_place_after_the_market_phrase_is_part_of_the_market_name() -> None:
    text = "The gizmo market in Japan is estimated at USD 1.2 billion in 2026."
    extraction = extract(text)
    assert extraction.scope.market_name == "gizmo market in Japan"
    assert extraction.scope.geography_id == "japan"


def test_a_figure_stated_twice_with_different_qualifiers_is_flagged() -> None:
    text = (
        "Gizmo market to be worth $40 billion by 2030\n\n"
        "The global gizmo market should pass over $40 billion by 2030, from $21 billion in 2022."
    )
    sizes = {f.year: f for f in extract(text).figures if f.measure == "market_size"}
    assert sizes[2030].flags and "different qualifiers" in sizes[2030].flags[-1]
    assert not sizes[2022].flags


def test_one_amount_for_two_subjects_in_one_year_is_flagged_for_both() -> None:
    text = (
        "Gizmo revenues heading for $2.4 trillion by 2027\n\n"
        "Cheap sensors and remote work will lift gizmo revenues to US$2.4 Trillion by 2027. "
        "The global gizmo market reached $1.3 trillion in 2021."
    )
    flagged_amounts = [f for f in extract(text).figures if f.value == "2.4"]
    assert len(flagged_amounts) == 2 and all("same amount" in f.flags[-1] for f in flagged_amounts)


def test_a_percentage_of_another_measure_is_no_share() -> None:
    text = (
        "The global gizmo market was USD 3.0 billion in 2024. North America accounts for 27 percent of total global "
        "shipping costs. Europe accounts for 31 percent of the total gizmo market."
    )
    extraction = extract(text)
    shares = [(f.subject.member_id, f.value) for f in extraction.figures if f.measure == "share"]
    assert shares == [("europe", "31")]
    assert any("27 percent" in item.reason for item in extraction.unclassified)


def test_money_written_out_after_the_amount_is_read_with_its_currency() -> None:
    text = "The Europe gizmo market is set to be worth 96.4 billion euros by the end of 2027."
    (size,) = [f for f in extract(text).figures if f.measure == "market_size"]
    assert (size.value, size.currency, size.year) == ("96.4", "EUR", 2027) and size.flags


def test_an_owner_a_trade_partner_or_a_long_subject_is_flagged() -> None:
    text = (
        "India Gizmo Market\n\n"
        "The India gizmo market was USD 1.0 billion in 2023. "
        "Korea's shipments of spare parts and accessories to Indian buyers grew at a CAGR of 12.5% between 2019 and 2023."
    )
    (cagr,) = [f for f in extract(text).figures if f.measure == "cagr"]
    assert cagr.flags and "trade partner or an owner" in cagr.flags[0]
    other = text.replace("Korea's shipments of spare parts", "Shipments of spare parts from overseas makers")
    (cagr,) = [f for f in extract(other).figures if f.measure == "cagr"]
    assert cagr.flags and "long subject" in cagr.flags[0]


def test_a_leading_claim_about_another_market_is_flagged() -> None:
    text = (
        "Global 3D Printer Market\n\n"
        "The global 3D printer market reached $21 billion in 2023. "
        "North America is the largest manufacturing software market."
    )
    found = [c for c in extract(text).claims if c.subject.member_id == "north_america"]
    assert found and all(any("another market" in flag for flag in c.flags) for c in found)


def test_a_claim_beside_undated_amounts_is_flagged() -> None:
    text = (
        "The global gizmo market will be worth USD 50.0 billion in 2026. "
        "Europe holds the largest share, with an expected value of USD 19.5 billion."
    )
    found = [c for c in extract(text).claims if c.subject.member_id == "europe"]
    assert found and all(c.year is None and c.flags for c in found)


def test_market_names_with_digits_and_latin_words() -> None:
    assert (
        extract("The global 5G modem market reached $8.1 billion in 2023.").scope.market_name
        == "global 5G modem market"
    )
    named = extract("The in vitro fertilisation market reached $9.2 billion in 2023.").scope.market_name
    assert named == "in vitro fertilisation market"


def test_a_market_name_from_a_sentence_without_an_amount_is_flagged() -> None:
    text = (
        "Gizmo forecasts 2024-2029\n\n"
        "A new outlook gives a full view of the Danish gizmo market.\n\n"
        "The market will be worth USD 2.2 billion by 2029."
    )
    assert "market_name" in extract(text).scope.flags
    # "the Danish market" names no product: the sentence with the amount names the market.
    placed = extract(text.replace("Danish gizmo market.", "Danish market.").replace("The market", "The gizmo market"))
    assert placed.scope.market_name == "gizmo market"


def test_outpacing_its_peers_and_a_bracketed_list_of_largest_markets() -> None:
    text = (
        "The Europe gizmo market was USD 6.0 billion in 2024. "
        "By country, Spain held 14% of revenue in 2024, while Italy is outpacing its peers with a 6.2% CAGR over "
        "2025-2030. Most growth came from the largest markets (Germany, France and Poland)."
    )
    found = claims(extract(text))
    assert ("fastest_growing", "italy", None, False) in found
    assert {("key_market", place, None, False) for place in ("germany", "france", "poland")} <= found


def test_a_conversion_in_brackets_a_quarter_and_us_dollar_written_apart() -> None:
    text = (
        "UK Gizmo Market\n\n"
        "Gizmo spending reached GBP 30 billion (USD 38.2 billion) last year. "
        "The UK gizmo market fell to GBP 12 billion in the second quarter of 2020. "
        "The global gizmo market was valued at US $ 88 billion in 2022."
    )
    extraction = extract(text)
    sizes = {f.value: f for f in extraction.figures if f.measure == "market_size"}
    assert "38.2" not in sizes and any("conversion" in item.reason for item in extraction.unclassified)
    assert any("part of the year" in flag for flag in sizes["12"].flags)
    assert (sizes["88"].subject.member_id, sizes["88"].unit, sizes["88"].currency) == ("world", "US$ billion", "USD")


def test_a_headline_place_is_not_the_reports_scope() -> None:
    text = (
        "Oceania widget market races ahead\n\n"
        "The international widget market was put at USD 40.2 billion in 2020 and should reach USD 51.0 billion"
        " by 2025."
    )
    extraction = extract(text)
    assert extraction.scope.geography_id == "world" and "geography_id" not in extraction.scope.flags
    assert ("market_size", "world", 2020, None, None, "40.2", "USD billion") in certain(extraction)
    # Without "international", the headline's place is all the text offers: proposed, but flagged, and so
    # is every figure that would inherit it.
    vague = extract(text.replace("The international widget market", "The widget market"))
    assert "geography_id" in vague.scope.flags
    assert not certain(vague) and all("geography is unsure" in " ".join(f.flags) for f in vague.figures)


def test_a_title_naming_the_market_with_its_place_is_certain() -> None:
    extraction = extract(
        "Japan Widget Market Size and Share Report\n\nThe widget market was valued at USD 3.1 billion in 2024."
    )
    assert extraction.scope.geography_id == "japan" and "geography_id" not in extraction.scope.flags
    assert certain(extraction) == {("market_size", "japan", 2024, None, None, "3.1", "USD billion")}


def test_a_place_only_market_phrase_or_a_place_before_the_phrase_is_no_scope() -> None:
    # "the US market" names no product: the title's world market stands.
    us = extract(
        "World Widget Market\n\nWorld demand for widgets should rise 5.0% a year through 2030.\n"
        "New housing will lift sales, especially in the US market."
    )
    assert us.scope.geography_id == "world"
    # A place before the phrase of a sentence with no amount sets the scene; it is flagged.
    scene = extract(
        "Widget Review\n\nKorea has no presence in the widget market yet.\n"
        "The combined market for home and office widgets should reach USD 9.5 billion by 2030."
    )
    assert scene.scope.geography_id == "south_korea" and "geography_id" in scene.scope.flags
    assert not certain(scene)


def test_a_place_contradicted_by_the_first_sized_market_is_flagged() -> None:
    text = (
        "Widgets Take Off\n\nThe fast growth of the Chinese widget industry and market stands out.\n"
        "The world's widget market is worth USD 0.5 billion in 2015."
    )
    extraction = extract(text)
    assert extraction.scope.geography_id == "china" and "world" in extraction.scope.flags["geography_id"]
    # The figure names its own place, so it is certain; only figures inheriting the scope are unsure.
    assert certain(extraction) == {("market_size", "world", 2015, None, None, "0.5", "USD billion")}


def test_revenue_of_a_named_kind_may_be_one_segments() -> None:
    text = (
        "Ruritania Widget Market Report\n\n"
        "The market is also expected to generate rental revenue of USD 210.5 million in 2025, projected to reach"
        " USD 640 million by 2030, growing at a CAGR of 24.9% during the forecast period (2025-2030)."
    )
    extraction = extract(text, geography_id="world")
    assert not certain(extraction)
    assert {key for key, reasons in flagged(extraction).items() if any("rental revenue" in r for r in reasons)} == {
        "market_size 210.5",
        "market_size 640",
        "cagr 24.9",
    }
    # Revenue that names no kind ("brought in revenue of") is the market's own.
    plain = extract(
        "The widget market brought in revenue of USD 2.4 billion in 2020 and total revenue of USD 3.0 billion in 2022.",
        geography_id="world",
    )
    assert {(row[1], row[2], row[5]) for row in certain(plain)} == {("world", 2020, "2.4"), ("world", 2022, "3.0")}


def test_a_share_of_the_growth_is_no_market_share() -> None:
    text = (
        "Growth will slow in Japan, the largest market. Japan will still post the largest gains, accounting for"
        " 29% of the total increase in world widget demand."
    )
    extraction = extract(text, geography_id="world")
    assert not [f for f in extraction.figures if f.measure == "share"]


def test_won_written_after_the_amount_is_korean_currency_and_its_bracketed_conversion_no_figure() -> None:
    extraction = extract(
        "The widget market is worth 700 billion won (US$590 million) in 2016.", geography_id="south_korea"
    )
    assert [(f.value, f.currency) for f in extraction.figures] == [("700", "KRW")]
    assert extraction.figures[0].flags  # KRW is kept as stated, for review


def test_a_headlines_market_name_is_certain_only_when_the_text_restates_it() -> None:
    headline = "World widget market to reach USD 12 billion by 2030\n\n"
    alone = extract(headline + "A new study sees global demand for widgets rising 4.0% a year through 2030.")
    assert alone.scope.market_name == "World widget market" and "headline" in alone.scope.flags["market_name"]
    again = extract(headline + "The world widget market stood at USD 8 billion in 2022.")
    assert "market_name" not in again.scope.flags


def test_a_share_of_volume_a_relative_year_and_two_places_together_are_flagged() -> None:
    extraction = extract(
        "Oceania remains the hub of widget use, with 58% of volume. "
        "Widget spending in Latin America will grow to $6 billion, or 4 percent of the market this year. "
        "Japan and Korea will account for 31% of all widget spending in 2025.",
        geography_id="world",
    )
    reasons = flagged(extraction)
    assert "volume" in " ".join(reasons["share 58"])
    assert "this year" in " ".join(reasons["share 4"])
    assert "several places together" in " ".join(reasons["share 31"])
    assert not [f for f in extraction.figures if f.measure == "share" and not f.flags]


def test_the_first_of_two_places_overtakes_and_growth_by_players_is_another_measure() -> None:
    extraction = extract(
        "China overtook the U.S. as the largest market for widgets in 2015. "
        "The Middle East and Africa is the fastest growing region by players this year.",
        geography_id="world",
    )
    found = {(c.claim_type, c.subject.member_id): c.flags for c in extraction.claims}
    assert ("leads", "china") in found and not found[("leads", "china")]
    assert "players" in " ".join(found[("fastest_growing", "middle_east_and_africa")])


def test_a_global_opening_under_a_title_naming_a_region_is_flagged() -> None:
    extraction = extract(
        "Europe's Widget Fleet Set to Double by 2030\n\n"
        "The global widget market has grown fast, from 0.2% of sales in 2013 to 23.1% in 2023."
    )
    assert extraction.scope.geography_id == "world" and "europe" in extraction.scope.flags["geography_id"]
    assert "market_name" in extraction.scope.flags


def test_the_market_phrases_own_place_comes_before_a_place_that_leads_it() -> None:
    extraction = extract(
        "Widget Market Driven by New Tastes\n\n"
        "Europe dominate the global widget market during the forecast period 2024-2030.\n\n"
        "The widget market was worth USD 14.1 billion in 2023 and should reach USD 20.5 billion by 2030."
    )
    assert extraction.scope.geography_id == "world" and "geography_id" not in extraction.scope.flags
    assert ("market_size", "world", 2023, None, None, "14.1", "USD billion") in certain(extraction)


def test_a_regional_title_over_a_countrys_market_phrase_is_flagged_and_asia_is_asia_pacific() -> None:
    extraction = extract("Asia Widget Market\n\nThe Japanese widget market is worth US$5.5 billion in 2019.")
    assert extraction.scope.geography_id == "japan"
    assert "asia_pacific" in extraction.scope.flags["geography_id"] and "market_name" in extraction.scope.flags
    southeast = extract("Widgets sell well in Southeast Asia.", geography_id="world")
    assert not [m for m in southeast.mentions if m.subject.member_id == "asia_pacific"]


def test_led_by_names_no_subject_and_a_later_clauses_year_is_not_the_claims() -> None:
    extraction = extract(
        "The region already accounts for nearly 29% of the global market, led by China, Vietnam and India. "
        "Latin America is currently the largest widget market in the world and is expected to post sales of"
        " USD 19.4 billion in 2023.",
        geography_id="world",
    )
    assert not [f for f in extraction.figures if f.measure == "share" and f.subject.member_id == "china"]
    assert [(c.claim_type, c.year) for c in extraction.claims if c.subject.member_id == "latin_america"] == [
        ("leads", None)
    ]


def test_several_names_leading_together_a_segment_in_a_place_and_a_value_for_a_subject_after_it() -> None:
    extraction = extract(
        "Switzerland, Belgium, France and Germany lead this widget-loving continent. "
        "The garden widget segment in India, a small part of the market, was valued at USD 74.8 million in 2021. "
        "The projected CAGR for 2023-2030 is 6.4% for field widgets and 4.0% for fruit widgets.",
        geography_id="india",
    )
    leads = [c for c in extraction.claims if c.claim_type.startswith("leads")]
    assert leads and all("lead together" in " ".join(c.flags) for c in leads)
    assert not certain(extraction)
    reasons = flagged(extraction)
    assert "holds a segment" in " ".join(reasons["market_size 74.8"])
    assert "for field widgets" in " ".join(reasons["cagr 6.4"])


def test_an_undated_claim_of_a_snapshot_table_is_flagged() -> None:
    snapshot = "Study Period | 2018 - 2030\nLargest Share by Region | Europe\n"
    extraction = extract(f"Widget Market Size\n\n{snapshot}", geography_id="world")
    assert [(c.claim_type, c.subject.member_id, bool(c.flags)) for c in extraction.claims] == [
        ("leads", "europe", True)
    ]


def test_an_amount_in_billion_us_is_no_place_and_its_own_relative_year_is_flagged() -> None:
    extraction = extract(
        "Widget Market Outlook\n\n"
        "Global legal spending on widgets is forecast at $40.8 billion U.S. in 2024, nearly three times the"
        " $14.9 billion U.S. expected to be spent this year.",
        geography_id="world",
    )
    assert {f.subject.member_id for f in extraction.figures} == {"world"}
    assert certain(extraction) == {("market_size", "world", 2024, None, None, "40.8", "$ billion")}
    assert "14.9 $ billion: a market size without a year" in " ".join(item.reason for item in extraction.unclassified)


def test_a_superlative_market_phrase_is_no_market_name_and_a_part_of_the_market_is_flagged() -> None:
    extraction = extract(
        "USA stays the largest widget market in the world, worth US$78 billion in 2014\n\n"
        "Emerging markets were the biggest component of the market at $5.1 billion in 2019."
    )
    assert "largest" not in extraction.scope.market_name
    assert "a part's" in reasons(extraction, "market_size 5.1")


def test_a_rounded_restatement_of_a_size_is_flagged() -> None:
    extraction = extract(
        "Widget Market Outlook\n\n"
        "The widget market is projected to reach more than $23 billion by 2022. "
        "In 2022 the widget market should be worth $23.4 billion.",
        geography_id="united_states",
    )
    assert not certain(extraction)
    assert "23" in reasons(extraction, "market_size 23.4")
    assert "23 for a figure also stated as 23.4" in " ".join(item.reason for item in extraction.unclassified)
    # Restated under another subject, the rounded one is flagged by the comparison of sizes of a year.
    apart = extract(
        "Widget Market Outlook\n\nThe widget market is projected to reach more than $23 billion by 2022. "
        "Widgets for homes should reach $23.4 billion in 2022.",
        geography_id="united_states",
    )
    assert "more precisely" in reasons(apart, "market_size 23")


def test_lead_claims_leading_other_regions_a_years_range_an_aside_and_one_lead_by_revenue() -> None:
    extraction = extract(
        "Asia Pacific held around 41% of global market share in 2023–2024, leading other regions in demand. "
        "Europe dominated the market, holding the largest market share of 38.23% in 2024. "
        "North America should keep its lead position, with 43.0% of global revenue share in 2018. "
        "In 2024 the Middle East and Africa widget market took the largest revenue share. "
        "By region, the Middle East and Africa held the largest share in 2024.",
        geography_id="world",
    )
    found = {(c.claim_type, c.subject.member_id): (c.year, bool(c.flags)) for c in extraction.claims}
    assert found[("leads", "asia_pacific")] == (None, False)
    assert found[("leads", "europe")] == (2024, False)
    assert found[("leads_revenue", "north_america")] == (None, True)
    assert found[("leads_revenue", "middle_east_and_africa")] == (2024, False)
    assert ("leads", "middle_east_and_africa") not in found


def test_another_industry_quoted_as_an_example_is_flagged() -> None:
    extraction = extract(
        "Frozen Widget Market\n\n"
        "The frozen widget market was worth USD 2.1 billion in 2017. "
        "Countries such as India hold room for growth, as the rise of the Indian retail industry from USD 795"
        " billion in 2017 to USD 1,200 billion by 2021 shows.",
        geography_id="world",
    )
    assert certain(extraction) == {("market_size", "world", 2017, None, None, "2.1", "USD billion")}
    assert "Indian retail industry" in reasons(extraction, "market_size 795")


def test_another_world_industry_quoted_as_an_example_is_flagged() -> None:
    extraction = extract(
        "Sparkling Widget Market\n\n"
        "The global sparkling widget market was worth USD 5.5 billion in 2025. "
        "A trade body, for example, put the global hotel and catering industry at USD 1,300 billion in 2024.",
        geography_id="world",
    )
    assert certain(extraction) == {("market_size", "world", 2025, None, None, "5.5", "USD billion")}
    assert "hotel and catering industry" in reasons(extraction, "market_size 1300")


def test_another_industry_right_after_a_place_is_flagged() -> None:
    extraction = extract(
        "Sparkling Widget Market\n\n"
        "The global sparkling widget market was worth USD 5.5 billion in 2025. "
        "Demand follows tourism: the U.S. hotel industry reached USD 240 billion in 2024.",
        geography_id="world",
    )
    assert certain(extraction) == {("market_size", "world", 2025, None, None, "5.5", "USD billion")}
    assert "hotel industry" in reasons(extraction, "market_size 240")


def test_a_region_that_dominated_the_market_is_not_another_industry() -> None:
    extraction = extract(
        "Sparkling Widget Market\n\n"
        "The global sparkling widget market was worth USD 5.5 billion in 2025. "
        "North America dominated the market with a 41.5% share in 2025.",
        geography_id="world",
    )
    assert ("share", "north_america", 2025, None, None, "41.5", "percent") in certain(extraction)


def test_an_amount_in_brackets_after_an_unread_currency_is_its_conversion() -> None:
    extraction = extract(
        "India Widget Sector\n\nThe Indian widget market was worth about Rs 1,23,456 crore (US$ 17 billion) in 2019.",
        geography_id="india",
    )
    assert not certain(extraction)
    assert any("conversion" in item.reason for item in extraction.unclassified)


def test_a_bullets_dimension_label_is_no_subject_and_its_segments_are_flagged() -> None:
    extraction = extract(
        "Global Widget Market\n\n"
        "The global widget market was worth USD 5.5 billion in 2025.\n\n"
        "  • Sales channel: retail stores captured a 40.5% share in 2025, and online shops look set for a "
        "7.10% CAGR through 2030.",
        geography_id="world",
    )
    assert certain(extraction) == {("market_size", "world", 2025, None, None, "5.5", "USD billion")}
    assert "cagr 7.10" in flagged(extraction)


def test_the_second_largest_region_leads_nothing() -> None:
    extraction = extract(
        "Global Widget Market\n\n"
        "The global widget market was worth USD 5.5 billion in 2025. "
        "China is set to pass Western Europe this year to become the second-largest region by revenue.",
        geography_id="world",
    )
    assert not [c for c in extraction.claims if c.claim_type in ("leads", "leads_revenue")]


def test_a_lead_in_something_else_or_in_the_world_market_of_a_country_report_is_flagged() -> None:
    other = extract(
        "Global Widget Market\n\n"
        "The global widget market was worth USD 5.5 billion in 2025. "
        "In 2024 North America led the world in 5G adoption with a rate of 55%.",
        geography_id="world",
    )
    assert claims(other) == {("leads", "north_america", 2024, True)}
    world = extract(
        "India Widget Market\n\n"
        "India's widget market was worth USD 1.2 billion in 2024. "
        "The global widget market was put at USD 40 billion in 2024, with the US and Japan as the leading markets.",
        geography_id="india",
    )
    assert {claim[1:] for claim in claims(world)} == {("united_states", 2024, True), ("japan", 2024, True)}


def test_a_possessive_place_opens_the_market_name_and_a_publishers_report_title_is_no_name() -> None:
    place = extract("Widget News\n\nRising incomes should lift India's widget market to USD 3 billion by 2030.")
    assert place.scope.market_name == "India's widget market"
    report = extract(
        "Widget News\n\nAcme's annual Global Widget Market Report expects revenues of USD 3 billion in 2030."
    )
    assert "Market Report" not in report.scope.market_name and "Acme" not in report.scope.market_name
    assert "market_name" in report.scope.flags


def test_a_total_market_or_a_part_after_another_things_revenue_is_flagged_as_a_name() -> None:
    total = extract("Widget News\n\nThe total market will be worth USD 3 billion in 2030.")
    assert "names no product or service" in total.scope.flags["market_name"]
    part = extract(
        "Gadgets - Europe\n\n"
        "For 2024, Gadgets revenue in Europe is forecast at US$46.94bn. "
        "The Blue Widgets market is forecast at a volume of US$20.70bn in 2024."
    )
    assert part.scope.market_name == "Blue Widgets market"
    assert "may name a part" in part.scope.flags["market_name"]


def test_an_amount_written_in_words_is_listed_for_review() -> None:
    extraction = extract("UK Widget Market\n\nToday the UK widget market is worth nearly a billion pounds.")
    assert not extraction.figures
    assert any("written in words" in item.reason for item in extraction.unclassified)


def test_a_sentence_that_opens_with_its_amount_names_the_market_after_it() -> None:
    extraction = extract(
        "Widget Market: Size, Share and Industry Analysis\n\n"
        "Worth USD 4.1 billion in 2023, the global widget market is forecast to grow from USD 4.4 billion in"
        " 2024 to USD 7.7 billion by 2032. North America led the widget market in 2023, holding a 35.3% share."
    )
    assert extraction.scope.geography_id == "world" and "geography_id" not in extraction.scope.flags
    assert extraction.scope.market_name == "global widget market"
    assert ("market_size", "world", 2023, None, None, "4.1", "USD billion") in certain(extraction)


def test_a_wider_region_named_before_a_countrys_market_phrase_flags_the_geography() -> None:
    extraction = extract(
        "In the year 2020 Europe is expected to account for 38% of market revenue.\n\n"
        "The United Kingdom's widget market is likely to reach USD 6,837.91 million in 2028."
    )
    assert extraction.scope.geography_id == "united_kingdom"
    assert "europe" in extraction.scope.flags["geography_id"]
    assert "market_name" in extraction.scope.flags


def test_a_place_leading_the_sentence_or_a_list_before_the_phrase_flags_the_market_name() -> None:
    place = extract("In Europe, the widget market is forecast to bring in USD 15.8 billion in 2024.")
    assert place.scope.market_name == "widget market"
    assert "may belong to the name" in place.scope.flags["market_name"]
    listed = extract("Estimated at USD 13.3 billion in 2019, the total blue, red and green widget market grew by 9%.")
    assert listed.scope.market_name == "red and green widget market"
    assert "list" in listed.scope.flags["market_name"]


def test_a_part_of_the_world_market_after_worldwide_is_flagged() -> None:
    extraction = extract(
        "Global Widget Market\n\n"
        "The global widget market was worth USD 16.1 billion in 2022. "
        "Worldwide, blue widgets are forecast to reach USD 7.8 billion by 2030.",
        geography_id="world",
    )
    assert certain(extraction) == {("market_size", "world", 2022, None, None, "16.1", "USD billion")}
    assert "blue widgets" in reasons(extraction, "market_size 7.8")


def test_the_next_largest_leads_nothing_and_revenue_beside_a_lead_does_not_measure_it() -> None:
    extraction = extract(
        "Global Widget Market\n\n"
        "The global widget market was worth USD 16.1 billion in 2022. "
        "Europe dominated the widget market, generating revenue of USD 6.6 billion in 2023. "
        "China spent close to four times as much as Japan, the next-largest market.",
        geography_id="world",
    )
    assert {(c.claim_type, c.subject.member_id) for c in extraction.claims} == {("leads", "europe")}


def test_an_events_world_is_no_scope_and_a_market_report_is_no_market_name() -> None:
    event = extract(
        "Trade body marks World Widget Day\n\n"
        "Sales of widgets in our shops came to 80 million units, worth GBP 1.3 billion, 30% more than a year earlier."
    )
    assert event.scope.geography_id != "world" or "geography_id" in event.scope.flags
    report = extract(
        "Widgets pass the USD 2 billion mark\n\n"
        "The latest market report from the trade body shows widgets peaking at USD 2.2 billion in 2018."
    )
    assert report.scope.market_name != "latest market"


def test_a_negative_cagr_keeps_its_sign_and_worded_amounts_are_listed() -> None:
    extraction = extract(
        "Global Widget Market\n\n"
        "The global widget market is expected to decline from USD 9.27 billion in 2019 to USD 8.24 billion in"
        " 2020, a CAGR of -12.9%. Revenue will come to more than two and a half billion Euros in Europe."
    )
    assert [f.value for f in extraction.figures if f.measure == "cagr"] == ["-12.9"]
    assert any("two and a half billion" in item.reason for item in extraction.unclassified)


def test_a_place_before_a_growth_verb_is_the_subject_of_the_amount_after_the_comma() -> None:
    extraction = extract(
        "Global Widget Market\n\n"
        "The global widget market was worth USD 40 billion in 2022. "
        "Widget sales in China rose by 12.5% in 2022, to over USD 5 billion in revenue.",
        geography_id="world",
    )
    assert ("market_size", "china", 2022, None, None, "5", "USD billion") in {
        (f.measure, f.subject.member_id, f.year, f.period_start_year, f.period_end_year, f.value, f.unit)
        for f in extraction.figures
    }


def test_a_share_of_another_whole_and_claims_resting_on_links_or_floor_space_are_flagged() -> None:
    share = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 40 billion in 2022. "
        "Widget tourism accounted for 25% of hospital revenue in India.",
        geography_id="world",
    )
    assert "another whole" in reasons(share, "share 25")
    links = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 40 billion in 2022.\n"
        "Key regions: United States, United Kingdom, Germany, Europe, Norway"
    )
    assert links.claims and all(claim.flags for claim in links.claims)
    floor = extract(
        "Global Widget Market\n\n"
        "With more than 80 million square feet of widget space, the US is the industry's largest market."
    )
    assert floor.claims and all(claim.flags for claim in floor.claims)


def test_a_place_only_phrase_flags_the_geography_and_an_earlier_sized_subject_flags_the_name() -> None:
    place = extract("Widget News\n\nMost of these sales, USD 3 billion, are expected in the US market.")
    assert "geography_id" in place.scope.flags or place.scope.geography_id != "united_states"
    named = extract(
        "Widget News\n\n"
        "Widget marketing should grow by 19 percent to USD 16.4 billion in 2022. "
        "The pandemic sped the industry up, with the global widget market size reaching USD 9.7 billion in 2020."
    )
    assert named.scope.market_name == "global widget market"
    assert "without the word market" in named.scope.flags["market_name"]


def test_a_cagr_with_only_an_end_year_starts_at_the_sentences_first_size_when_the_arithmetic_agrees() -> None:
    # 230.6 grown 9.6% a year for 7 years is 438.1 (within rounding); 6 or 8 years is not.
    compounding = extract(
        "Global Widget Market\n\n"
        "The global widget market is forecast to rise from USD 230.6 billion in 2025 to USD 438.1 billion by "
        "2032, a compound annual growth rate (CAGR) of 9.6% by 2032."
    )
    assert ("cagr", "world", None, 2025, 2032, "9.6", "percent") in certain(compounding)
    # The same words with a rate the sizes do not bear out: the start is proposed, flagged as inferred.
    disagreeing = extract(
        "Global Widget Market\n\n"
        "The global widget market is forecast to rise from USD 230.6 billion in 2025 to USD 438.1 billion by "
        "2032, a compound annual growth rate (CAGR) of 12.5% by 2032."
    )
    cagr = next(f for f in disagreeing.figures if f.measure == "cagr")
    assert (cagr.period_start_year, cagr.period_end_year) == (2025, 2032)
    assert figures.PERIOD_INFERRED in cagr.flags


def test_a_place_in_an_aside_is_not_the_subject_of_the_share_after_it() -> None:
    extraction = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 40 billion in 2022. "
        "Brazil, which overtook Mexico in 2019 to become the region's biggest buyer, now holds a 31% share of "
        "widget sales."
    )
    share = next(f for f in extraction.figures if f.measure == "share")
    assert share.subject.member_id == "brazil" and "aside" in " ".join(share.flags)


def test_an_undated_share_after_a_dated_sentence_of_its_bullet_is_flagged() -> None:
    text = (
        "Global Widget Market\n\n"
        "• Leading Markets: the three biggest markets took 81% of widget sales in 2016. Even after a steep drop, "
        "the United States stayed the largest market, with an estimated market share of 40%.\n\n"
        "• Elsewhere: Germany holds a market share of 12%."
    )
    shares = {f.subject.member_id: f for f in extract(text).figures if f.measure == "share"}
    assert "dates 2016" in " ".join(shares["united_states"].flags)
    assert not any("dates" in flag for flag in shares["germany"].flags)


def test_a_country_named_only_as_the_country_and_an_item_number_in_the_phrase_are_flagged() -> None:
    unnamed = extract(
        "The country's widget sector looks set to close 2018 on a milestone, reaching a gross market size of "
        "USD 4.4 billion. Widget makers worldwide are watching."
    )
    assert "the country's" in unnamed.scope.flags.get("geography_id", "").lower()
    assert "market_name" in unnamed.scope.flags
    numbered = extract("Key Takeaways\n- 1The global widget market was worth USD 42.9 billion in 2022")
    assert "item number" in numbered.scope.flags.get("market_name", "")


def test_an_amount_with_a_lowercase_m_after_its_currency_is_listed_not_lost() -> None:
    extraction = extract("Global Widget Revenue Chart\n\nUnited States | US$973m |\nChina | US$229m |")
    values = {f.value for f in extraction.figures} | {
        value for item in extraction.unclassified for value in ("973", "229") if value in str(item)
    }
    assert {"973", "229"} <= values
    assert all(f.flags for f in extraction.figures if f.value in ("973", "229"))


def test_bounds_outside_the_vocabulary_and_profits_after_an_amount_are_not_certain_sizes() -> None:
    bound = extract(
        "Global Widget Market\n\nThe widget industry looks set to book revenues in excess of $37 billion in 2017."
    )
    size = next(f for f in bound.figures if f.measure == "market_size")
    assert size.qualifier == "in excess of" and size.flags
    profit = extract(
        "Global Widget Market\n\n"
        "By 2027 the widget industry could be making more than $11 billion in net income, on total revenues "
        "of $60 billion."
    )
    assert not [f for f in profit.figures if f.value == "11"]
    assert any("11 $ billion: an amount that is not a market size" in item.reason for item in profit.unclassified)


def test_a_market_phrase_with_a_modifier_the_reports_name_lacks_is_flagged() -> None:
    text = (
        "Global Widget Market\n\n"
        "In 2022 the global widget market was worth USD 75 billion.\n"
        "By 2027 the organic widget products market should come to USD 6.7 billion."
    )
    sizes = {f.value: f for f in extract(text).figures if f.measure == "market_size"}
    assert not sizes["75"].flags
    assert "organic" in " ".join(sizes["6.7"].flags)


def test_an_undated_share_or_claim_in_a_list_under_a_dated_lead_in_is_flagged() -> None:
    text = (
        "Global Widget Market\n\n"
        "The global widget market was worth USD 40 billion in 2024.\n\n"
        "Widget Market 2024 Overview\n"
        "  • Asia Pacific – ranks as the biggest regional widget market, taking 37.2% of revenue.\n"
    )
    extraction = extract(text)
    share = next(f for f in extraction.figures if f.measure == "share")
    assert "lead-in dates 2024" in " ".join(share.flags)
    assert extraction.claims and all("lead-in dates 2024" in " ".join(c.flags) for c in extraction.claims)


def test_a_company_holding_the_share_and_a_claim_dated_by_the_forecasts_end_are_flagged() -> None:
    company = extract(
        "Global Widget Market\n\n"
        "Figures show that the U.S. widget industry was twice the size of China's in 2021, with Acme taking "
        "the largest share of widget sales."
    )
    assert company.claims and all("'Acme' stands between" in " ".join(c.flags) for c in company.claims)
    forecast_end = extract(
        "Global Widget Market\n\n"
        "It is the Asia-Pacific market, however, that is expected to hold the largest share by the end of the "
        "forecast year."
    )
    assert forecast_end.claims and all(c.year is None and c.flags for c in forecast_end.claims)


def test_revenue_of_another_business_and_a_span_two_sizes_could_start_are_not_certain() -> None:
    other = extract(
        "Meal Widget Trends\n\n"
        "In 2020, the US's revenue in the food delivery services business came to $26.557 billion."
    )
    assert not certain(other) and other.figures and all(f.flags for f in other.figures)
    # 95.62 and 102.84 both compound into 152.46 at 5.1% within rounding: the period stays unsure.
    two_starts = extract(
        "Global Widget Market\n\n"
        "In 2023 the global widget market was worth USD 95.62 billion; it is expected to rise from USD 102.84 "
        "billion in 2024 to USD 152.46 billion by 2032, a CAGR of 5.1% during the forecast period."
    )
    cagr = next(f for f in two_starts.figures if f.measure == "cagr")
    assert cagr.flags and (cagr.period_start_year, cagr.period_end_year) == (2023, 2032)


def test_a_global_phrase_with_a_modifier_and_a_claim_inside_a_segment_are_flagged() -> None:
    text = (
        "Global Widget Market\n\n"
        "The global widget market was worth USD 40 billion in 2022.\n"
        "The global organic widget market should see a CAGR of 6.2% from 2023 to 2030.\n"
        "Europe was projected to post the highest CAGR in the food processor segment."
    )
    extraction = extract(text)
    cagr = next(f for f in extraction.figures if f.measure == "cagr")
    assert "organic" in " ".join(cagr.flags)
    assert extraction.claims and all("segment" in " ".join(c.flags) for c in extraction.claims)


def test_a_claim_dated_by_a_changes_start_is_flagged() -> None:
    extraction = extract(
        "Widget Outlook\n\n"
        "The United States will stay the largest market for widgets, rising from $11.5 bln in 2006 to $14.0 bln "
        "in 2011, a 3.9% CAGR."
    )
    assert extraction.claims and all("starts a change" in " ".join(c.flags) for c in extraction.claims)


def test_an_events_name_is_no_market_phrase_and_many_places_without_one_flag_the_world() -> None:
    extraction = extract(
        "China to be the biggest widget hub by 2020\n\n"
        "That is the finding of the 2017 World Travel Market Global Travel Trends Report, which says China will "
        "overtake Japan and the US by 2020. Germany, India and Brazil follow."
    )
    assert extraction.scope.market_name != "World Travel Market"
    assert "geography_id" in extraction.scope.flags
    summary = extract(
        "Golf Widgets\n\n"
        "The study gives a detailed global retail market summary of the $8.7 billion worldwide widget market."
    )
    assert "retail market" not in summary.scope.market_name and "market_name" in summary.scope.flags


def test_a_list_of_places_after_the_value_and_a_market_for_a_narrower_product_are_flagged() -> None:
    listed = extract(
        "Global Widget Market\n\n"
        "The global widget market was worth USD 40 billion in 2022.\n"
        "Europe ranked second. It should touch USD 9 billion in 2026, demand being strongest in Spain, Italy "
        "and the UK."
    )
    size_2026 = next(f for f in listed.figures if f.year == 2026)
    assert size_2026.flags and "list of places" in " ".join(size_2026.flags)
    reels = extract(
        "Global Widget Gear Market\n\n"
        "The global widget gear market was worth USD 40 billion in 2022.\n"
        "The global market for widget spindles is expected to reach USD 3.5 billion by 2030."
    )
    spindles = next(f for f in reels.figures if f.value == "3.5")
    assert spindles.flags and "spindles" in " ".join(spindles.flags)
    # What the market is for, when it is the report's own market, adds nothing.
    own = extract(
        "Global Widget Gear Market\n\nThe global market for widget gear is expected to reach USD 61 billion by 2030."
    )
    assert ("market_size", "world", 2030, None, None, "61", "USD billion") in certain(own)


def test_a_place_that_led_growth_is_a_key_market_not_the_leader() -> None:
    extraction = extract(
        "Global Widget Market\n\n"
        "The global widget market was worth USD 40 billion in 2022. Latin America led market growth, with "
        "rising demand in Brazil."
    )
    assert [(c.claim_type, c.subject.member_id) for c in extraction.claims] == [("key_market", "latin_america")]


def test_a_quoted_statistic_and_a_narrower_opening_phrase_do_not_name_the_report_for_certain() -> None:
    quoted = extract(
        "Widget Industry Statistics\n\n"
        "Statistic 1\n\n"
        '"In 2021 the Canadian widget market was worth approximately 2 billion U.S. dollars."\n\n'
        "Statistic 2\n\n"
        '"The widget gear market will grow by 5% a year."'
    )
    assert {"market_name", "geography_id"} <= set(quoted.scope.flags)
    narrower = extract(
        "Widgets as an asset class\n\n"
        "Analysts think the widget rental market could reach $3 billion by 2030.\n"
        "In 2021 they put the total global widget market at $40 billion."
    )
    assert "total global widget market" in narrower.scope.flags.get("market_name", "")
    # The opening phrase itself worded "total" narrows nothing.
    total = extract("Widget Outlook\n\nThe total widget market was worth $40 billion in 2021.")
    assert "narrows" not in total.scope.flags.get("market_name", "")


def test_a_place_before_a_market_phrase_and_a_fronted_amount_name_the_figures_place() -> None:
    extraction = extract(
        "Widget Statistics\n\n"
        "The global widget market was worth $10 billion in 2022.\n"
        "- Revenue of the US widget market came to approximately $4.8 billion in 2023\n"
        "- At around 1,250 million USD in 2021, Germany tops the list of the largest widget markets"
    )
    assert ("market_size", "united_states", 2023, None, None, "4.8", "$ billion") in certain(extraction)
    assert ("market_size", "germany", 2021, None, None, "1250", "million USD") in certain(extraction)


def test_a_segments_revenue_a_segment_a_place_leads_and_a_count_growth_are_not_the_whole_markets() -> None:
    extraction = extract(
        "Global Widget Market\n\n"
        "The global widget market was worth USD 40 billion in 2022.\n"
        "Revenue from the smart gadget segment was more than USD 10.0 billion in 2023.\n"
        "In the APAC region, China leads the premium widget segment, with over 45% revenue share.\n"
        "Between 2016 and 2019, widget use in the U.S. grew by an average of 7.2% a year, from 2.8 million players "
        "to 3.5 million."
    )
    segment = next(f for f in extraction.figures if f.value == "10.0")
    assert segment.subject.kind == "segment" and "smart gadget" in segment.subject.name.lower()
    share = next(f for f in extraction.figures if f.value == "45")
    assert share.flags and "premium widget segment" in " ".join(share.flags)
    assert extraction.claims and all(c.flags for c in extraction.claims)
    growth = next(f for f in extraction.figures if f.value == "7.2")
    assert growth.flags and "players" in " ".join(growth.flags)


def test_an_amount_added_to_an_economy_and_a_share_of_a_wider_market_are_flagged() -> None:
    extraction = extract(
        "Global Widget Market\n\n"
        "The global widget market was worth USD 40 billion in 2022.\n"
        "In 2011 the widget trade added about $6 billion to the Australian economy.\n"
        "Widgets in the U.S. account for a 44% share of the gadget market, while elsewhere the share is lower."
    )
    economy = next(f for f in extraction.figures if f.value == "6")
    assert economy.flags and "economy" in " ".join(economy.flags)
    share = next(f for f in extraction.figures if f.value == "44")
    assert share.flags and "gadget market" in " ".join(share.flags)


def test_an_overall_market_named_anywhere_and_a_total_addressable_market_flag_the_name() -> None:
    narrower = extract(
        "India's home widget market is expected to grow at over 29 per cent, from USD 14 million to USD 39 "
        "million by 2023. Home widgets make up 10 per cent of the overall India widget market."
    )
    assert "overall India widget market" in narrower.scope.flags.get("market_name", "")
    addressable = extract("Widget Prices\n\nThe total addressable market was USD 2.9 billion in 2024.")
    assert "market_name" in addressable.scope.flags


def test_an_average_a_wire_dateline_and_a_lead_for_a_quality_are_not_certain() -> None:
    extraction = extract(
        "NEW YORK, NY, UNITED STATES, April 11, 2025 /EINPresswire/ --Widget Industry OverviewIn 2023, the "
        "Widget Market Size was put at USD 2.9 billion.\n"
        "- US widget shops averaged $1.2 million in annual revenue in 2023.\n"
        "The widget trade still leads the world for creativity."
    )
    assert extraction.scope.geography_id == "world"
    average = next(f for f in extraction.figures if f.value == "1.2")
    assert average.flags and "average" in " ".join(average.flags)
    assert all(c.flags for c in extraction.claims if c.claim_type == "leads")


def test_a_smaller_sized_phrase_after_a_larger_amount_and_prose_qualifiers_a_table_lacks_are_flagged() -> None:
    part = extract(
        "Facts\n\n"
        "The report shows how big this trade is, with £1.29 billion spent on widgets last year.\n"
        "The Christmas widget market is worth £130m."
    )
    assert "larger amount" in part.scope.flags.get("market_name", "")
    table = extract(
        "Global Widget Market\n\n"
        "Market Size in 2023 | Forecast in 2032 | CAGR\n"
        "USD 1,949 Million | USD 4,411 Million | 9.5%\n"
        "The global widget market was worth around USD 1,949 million in 2023 and is expected to reach around "
        "USD 4,411 million by 2032.\n"
        "The global widget market is expected to grow at a 7.79% CAGR from 2023 to 2028.\n"
        "The market should reach USD 36.25 billion by 2028, up from USD 23.23 billion in 2022, with a CAGR of "
        "7.79%."
    )
    sizes = [f for f in table.figures if f.value in ("1949", "4411")]
    assert sizes and all(f.qualifier and f.flags for f in sizes)
    rates = [f for f in table.figures if f.value == "7.79"]
    assert len(rates) == 2 and all("periods" in " ".join(f.flags) for f in rates)


def test_a_common_word_that_spells_a_places_adjective_and_another_industry_after_a_place() -> None:
    polish = extract(
        "Global Shoe Polish Market Outlook\n\n"
        "The global shoe polish market was valued at USD 2.1 billion in 2024 and should reach USD 2.9 billion "
        "by 2031. Polish and German buyers favour wax."
    )
    # "shoe polish" in lower case: the title's "Polish" is the same common word, not Poland's adjective.
    assert polish.scope.geography_id == "world" and "geography_id" not in polish.scope.flags
    assert ("market_size", "world", 2024, None, None, "2.1", "USD billion") in certain(polish)
    german = extract("German Widget Market\n\nThe German widget market was valued at USD 1.4 billion in 2024.")
    assert german.scope.geography_id == "germany"
    landscaping = extract(
        "Global Widget Mower Market\n\n"
        "The global widget mower market is expected to reach USD 40 billion by 2028. In the United States the "
        "landscaping industry reached US$ 99Bn in 2019."
    )
    assert "another market" in reasons(landscaping, "market_size 99")


def test_a_name_without_the_place_the_opening_names_is_flagged_when_the_geography_is_unsure() -> None:
    extraction = extract(
        "The Widget Storage Snapshot\n\n"
        "Widget storage has become a major part of US real estate. By 2024 the widget storage market had "
        "reached a value of $44.3 billion."
    )
    assert "geography_id" in extraction.scope.flags
    assert "US" in extraction.scope.flags.get("market_name", "")
    # A place named only further down, after two sentences that name none, flags the name too.
    later = extract(
        "What you need to know\n\n"
        "In 2023 the widget market was worth £2.2 billion, 3% down on the year before. Sales depend on the "
        "weather. Rising interest in craft widgets gives brands room to grow.\n\n"
        "The Netherlands market size takes in both trade channels."
    )
    assert "geography_id" in later.scope.flags
    assert "Netherlands" in later.scope.flags.get("market_name", "")


def test_a_wire_dateline_with_the_wires_address_names_no_scope() -> None:
    """EIN Presswire's datelines often end "/EINPresswire.com/ --" (five development texts)."""
    extraction = extract(
        "LONDON, GREATER LONDON, UNITED KINGDOM, February 11, 2026 /EINPresswire.com/ -- A new report puts "
        "the widget market size at USD 2.9 billion in 2023."
    )
    assert extraction.scope.geography_id == "world"


def test_a_year_over_year_gain_is_not_a_compound_rate() -> None:
    extraction = extract(
        "Widget Market Report\n\n"
        "The global widget market stood at USD 17.4 billion in 2023 and climbed to USD 18.7 billion in 2024, "
        "a year-over-year (YoY) gain of 7.5%."
    )
    assert not [f for f in extraction.figures if f.measure == "cagr"]
    assert any("7.5" in item.sentence for item in extraction.unclassified)
    # "a year" still cues a rate: "growing 6.2% a year".
    yearly = extract("The global widget market, worth USD 9 billion in 2024, is growing 6.2% a year to 2030.")
    assert [f.value for f in yearly.figures if f.measure == "cagr"] == ["6.2"]


def test_a_rate_for_a_product_named_after_it_and_a_list_under_a_segment_are_not_the_whole_markets() -> None:
    after = extract(
        "Key Takeaways\n\n"
        "- The global widget market was worth USD 26.4 billion in 2023\n"
        "- 4.9% CAGR for folding widgets through 2031, on the back of small homes\n"
    )
    assert "for folding widgets" in reasons(after, "cagr 4.9")
    listed = extract(
        "Global Widget Market\n\n"
        "The global widget market was valued at USD 12.0 billion in 2024.\n"
        "Folding widgets form the fastest-growing segment:\n"
        "- Revenue share: 28% of market value (2024)\n"
        "- CAGR: 11.4% (2024-2032)\n"
    )
    assert "the list is introduced by" in reasons(listed, "cagr 11.4")
    # The share, of no named subject, is listed as unread rather than given to the whole market.
    assert any("28 percent" in item.reason for item in listed.unclassified)
    assert ("market_size", "world", 2024, None, None, "12.0", "USD billion") in certain(listed)


def test_two_places_that_made_up_a_share_companies_share_and_a_share_of_a_wider_consumption() -> None:
    together = extract(
        "Global Widget Market\n\nThe global widget market was valued at USD 8 billion in 2022. "
        "North America and Europe made up more than 40% of the global widget market in 2022."
    )
    assert "several places together" in reasons(together, "share 40")
    companies = extract(
        "Global Widget Market\n\nThe global widget market reached USD 30 billion in 2022. "
        "Four listed firms dominate Brazil's widget market (together holding 58% of the market in 2022)."
    )
    assert "companies are named before the place" in reasons(companies, "share 58")
    wider = extract(
        "Global Widget Market\n\nThe global widget market reached USD 30 billion in 2022. "
        "In 2015 widgets made up approximately 20% of household consumption in Brazil's largest cities."
    )
    assert "another whole ('household consumption')" in reasons(wider, "share 20")


def test_a_market_that_earned_revenue_is_sized_and_a_company_that_earned_it_is_not() -> None:
    market = extract(
        "Global Widget Market\n\nA report finds that the global widget market earned revenue of $57.5 billion "
        "in 2017 and is expected to advance at a 6.7% CAGR during 2018-2023."
    )
    assert ("market_size", "world", 2017, None, None, "57.5", "$ billion") in certain(market)
    company = extract("Global Widget Market\n\nWidgetco earned revenue of $5.1 billion in 2017.")
    assert not [f for f in company.figures if f.measure == "market_size"]
    assert any("not a market size" in item.reason for item in company.unclassified)


def test_a_first_size_said_to_be_worldwide_makes_the_report_the_worlds() -> None:
    worldwide = extract(
        "Widget Printing Spending Guide\n\nWorldwide spending on widget printing will reach $13.8bn in 2019, "
        "according to a new guide."
    )
    assert worldwide.scope.geography_id == "world" and "geography_id" not in worldwide.scope.flags
    after = extract("Widget Outlook\n\nWe expect the widget market to grow 5% in 2024 to $61.9 billion worldwide.")
    assert after.scope.geography_id == "world" and "geography_id" not in after.scope.flags
    # A capitalised "Global" inside the sentence is a name, and "the world's" praises: both stay unsure.
    named = extract("Box Office Record\n\n(Yicai Widget Global) Widget takings went past USD 8.4 billion in 2017.")
    assert "geography_id" in named.scope.flags
    praised = extract(
        "Widget Sales Record\n\nWidget sales hit $4.1 billion in 2020, second only to the world's top buyer."
    )
    assert "geography_id" in praised.scope.flags


def test_places_listed_after_the_largest_markets_are_key_markets_and_the_leader_is_flagged() -> None:
    listed = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 5 billion in 2022. "
        "The largest markets are: Germany, Japan and Brazil."
    )
    found = {(c.claim_type, c.subject.member_id): c.flags for c in listed.claims}
    assert found == {("key_market", "germany"): (), ("key_market", "japan"): (), ("key_market", "brazil"): ()}
    assert {c.excerpt for c in listed.claims} >= {"largest markets are: Germany, Japan and Brazil"}
    dashed = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 5 billion in 2022. France leads the "
        "market. The three largest markets - France, Italy and Spain - take most sales."
    )
    found = {(c.claim_type, c.subject.member_id): c.flags for c in dashed.claims}
    assert found[("key_market", "italy")] == () and found[("key_market", "spain")] == ()
    assert "also says this subject leads" in " ".join(found[("key_market", "france")])
    # A single place after the wording is no list.
    single = extract("Global Widget Market\n\nThe largest markets - France, for one - take most sales.")
    assert not [c for c in single.claims if c.claim_type == "key_market"]


def test_a_share_of_a_years_revenue_and_a_share_taken_of_the_market_are_shares() -> None:
    extraction = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 5 billion in 2024. By region, Europe "
        "commanded 41.5% of 2024 revenue. North America took 35% of global widget market revenue in 2023."
    )
    shares = {(f.subject.member_id, f.year, f.value) for f in extraction.figures if f.measure == "share"}
    assert shares == {("europe", 2024, "41.5"), ("north_america", 2023, "35")}
    # Taking without a whole named after the value is no share: "took 35% longer".
    longer = extract("Global Widget Market\n\nIn 2023 deliveries in Europe took 35% longer than planned.")
    assert not [f for f in longer.figures if f.measure == "share"]


def test_a_page_naming_no_place_is_proposed_as_its_currencys_country_flagged() -> None:
    pounds = extract("Widget Report Plus\n\nThe widget market was worth £10.3bn in 2005, a quarter of all spending.")
    assert pounds.scope.geography_id == "united_kingdom"
    assert "assumed from the currency" in pounds.scope.flags["geography_id"]
    assert not certain(pounds)  # every size inherits the unsure place
    # The euro is many countries' currency: the world stays the proposal, flagged as before.
    euros = extract("Widget Report Plus\n\nThe widget market was worth EUR 10.3 billion in 2005.")
    assert euros.scope.geography_id == "world" and "world assumed" in euros.scope.flags["geography_id"]


def test_a_rate_typeset_with_an_en_dash_minus_keeps_its_sign_and_a_range_dash_does_not() -> None:
    extraction = extract(
        "Global Widget Market\n\nThe global widget market is set to grow at a CAGR of 3.6% over 2020-2024. "
        "Europe holds steady while the widget market in Italy falls, at a CAGR of –1.6% over 2020-2024."
    )
    rates = {(f.subject.member_id, f.value) for f in extraction.figures if f.measure == "cagr"}
    assert ("italy", "-1.6") in rates
    italy = next(f for f in extraction.figures if f.value == "-1.6")
    assert "-1.6%" in italy.excerpt  # the excerpt quotes the value as the row states it
    ranged = extract("Global Widget Market\n\nThe widget market grows at 10–15% a year, by a CAGR of 12% in 2024.")
    assert not [f for f in ranged.figures if f.value.startswith("-")]


def test_a_place_in_brackets_after_a_company_is_its_home_not_the_subject() -> None:
    extraction = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 5 billion in 2024. "
        "Acme Widgets (Thailand) is the region's top brand, with a 25% market share. "
        "Zenith Co (Japan) leads premium widgets, with a 40% share of that segment."
    )
    places = {"thailand", "japan"}
    assert not {f.subject.member_id for f in extraction.figures if not f.flags} & places
    assert not {c.subject.member_id for c in extraction.claims if not c.flags} & places
    assert "company's home ('Acme Widgets (Thailand)')" in " ".join(
        " ".join(f.flags) for f in extraction.figures if f.subject.member_id == "thailand"
    )
    # A place in brackets after another place is no company's home: "Europe (Germany) holds 30%".
    regional = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 5 billion in 2024. "
        "Europe (Germany) holds a 30% share."
    )
    assert not any("company's home" in " ".join(f.flags) for f in regional.figures)


def test_a_lead_resting_on_consumption_or_servings_is_flagged() -> None:
    extraction = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 5 billion in 2024. "
        "With 40% of global consumption, the United States is the largest market for widgets. "
        "Nigeria leads Africa's widget use with 2.8 billion servings in 2022."
    )
    leads = [c for c in extraction.claims if c.claim_type.startswith("leads")]
    assert leads and all(c.flags for c in leads)
    assert any("measures something else" in " ".join(c.flags) for c in leads)


def test_a_market_named_beside_a_worldwide_amount_before_it_is_flagged() -> None:
    extraction = extract(
        "Good Times for Widgets\n\nWorldwide widget production came to 109 billion euros in 2021. "
        "On the Italian market, again in 2021, production reached 9.7 billion euros."
    )
    assert extraction.scope.geography_id == "italy"
    assert "names world, which holds italy" in extraction.scope.flags["geography_id"]


def test_a_market_phrase_that_holds_a_share_is_flagged_as_a_part() -> None:
    extraction = extract(
        "Widgets: A Global Overview\n\nWidgets make up a worldwide $70 billion business. In accessories, the "
        "professional market takes about 85% of the total."
    )
    assert extraction.scope.market_name == "professional market"
    assert "holds a share" in extraction.scope.flags["market_name"]


def test_a_value_the_market_could_approach_is_kept_with_its_word_and_flagged() -> None:
    extraction = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 6.9 billion in 2024 and is forecast to "
        "approach USD 12.37 billion by 2031."
    )
    figure = next(f for f in extraction.figures if f.value == "12.37")
    assert figure.qualifier == "approach"
    assert "not in the contract's qualifier vocabulary" in " ".join(figure.flags)
    # "approachable" is no bound.
    plain = extract("Global Widget Market\n\nThe approachable widget market was worth USD 6.9 billion in 2024.")
    assert next(f for f in plain.figures if f.value == "6.9").qualifier == ""


def test_a_named_holder_before_the_place_flags_a_share_as_a_companys() -> None:
    extraction = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 5 billion in 2024. "
        "In 2020, Acme Widgets held the largest widget market share in the U.S., over 45%."
    )
    share = next(f for f in extraction.figures if f.measure == "share")
    assert share.subject.member_id == "united_states"
    assert "'Acme Widgets' holds the value before the place" in " ".join(share.flags)
    # A place that holds the value is the subject, certainly: "North America held 35%".
    regional = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 5 billion in 2024. "
        "In 2024, North America held a 35% share of the widget market."
    )
    assert {(f.subject.member_id, f.flags) for f in regional.figures if f.measure == "share"} == {("north_america", ())}


def test_a_world_opening_followed_by_a_country_sized_in_its_own_currency_is_flagged() -> None:
    extraction = extract(
        "Summary of our study\n\nThe global widget market, worth $21.3 billion in 2020, is forecast to reach "
        "$32.6 billion by 2027. The UK market had a turnover of £496.4 million in 2020."
    )
    assert extraction.scope.geography_id == "world"
    assert "sizes united_kingdom in its own currency" in extraction.scope.flags["geography_id"]
    # Dollars beside the United States on a world page are no such sign: the dollar is many places'.
    dollars = extract(
        "Global Widget Market\n\nThe global widget market was worth USD 21.3 billion in 2020. "
        "The U.S. market was worth USD 6.1 billion in 2020."
    )
    assert "geography_id" not in dollars.scope.flags
