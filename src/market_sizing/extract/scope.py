"""The report's own scope: its market name as worded, its market_id, its geography and currency.

- Market name: the noun phrase ending in "market" (or "industry", "sector"), with its "for ..."
  complement, nearest before the first value of the first sentence stating one ("the global cold
  chain logistics market"), as worded, without its article; else the title's words up to "Market"
  (or a short title). Certain when taken from such a sentence with the head word "market" and a word
  naming the product; flagged otherwise.
- market_id: the market of seeds/markets.csv whose name has the same words (geography, "global",
  "market" aside); else the one market whose name's words hold the phrase's or are held by them,
  flagged (and so is every row about one of its segments); else none, flagged. A market given on the
  command line is certain.
- Geography: a region named in that phrase or its sentence's lead-in ("Europe's ... market",
  "the U.S. ... market"), "global"/"worldwide"/"international" there for `world`; else a region or
  "Global" in the title's market name ("India Cold Chain Market Report"); else `world`, certain when
  the first sentence stating an amount says "global" or "worldwide" or the text names two or more world
  regions, flagged otherwise; a first amount in one country's own currency (pounds, yen) proposes that
  country instead of the world, flagged. A place named elsewhere in the title
  (a headline such as "Asia-Pacific paint market leads the way", "the Korean drone industry") is
  proposed flagged, and so is a place from a sentence that states no amount when it stands before the
  market phrase or the first sentence sizing a market names another place: pages often open with the
  publisher's home or the leading producer, not the report's scope. A geography given on the command
  line is certain.
- A market phrase of a sentence with no amount must name a product or service ("especially in the US
  market" does not).
- Currency: that of the first whole-market size (USD when none), flagged when not USD.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from market_sizing.extract import quantities
from market_sizing.extract.document import Document, Sentence
from market_sizing.extract.figures import SHARE_VERB, TAKE_VERB
from market_sizing.extract.taxonomy import EXTENT_WORDS, WORLD, Taxonomy

HEAD_WORDS = ("market", "industry", "sector")
MAX_PLACES_SHOWN = 3  # in a review reason: the first places a text names
PHRASE_STOP = frozenset(
    """
    the a an in on at by for to from with that this its their as is are was were be will of into about
    expects expected puts put estimates estimated values valued says said sees forecasts projects reports
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# "World Gin Day", "the World Health Organization": an event's or a body's name, not a scope.
WORLD_NAMED = (
    r"(?!\s+(?:[A-Z][\w-]*\s+){0,2}(?:Day|Week|Bank|Organi[sz]ation|Forum|Cup|Championships?|Congress|Summit"
    r"|Expo|Council|Federation|Association|Games|Series|Tour)\b)"
)
GLOBAL = re.compile(rf"\b(?:global(?:ly)?|worldwide|world{WORLD_NAMED})\b", re.IGNORECASE)
# "the world's second-largest" may praise a country's market: only these words say a size is the world's.
WORLD_WORD = re.compile(r"^(?:Global(?:ly)?|Worldwide)\b|\b(?:global(?:ly)?|worldwide)\b")
CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")
SUPERLATIVE = re.compile(r"(?:the\s+)?(?:world'?s\s+)?(?:largest|biggest|top|leading|fastest)\b", re.IGNORECASE)
# "The country's ayurveda sector ...": a place the sentence refers to without naming it.
UNNAMED_PLACE = re.compile(r"\b(?:the|this)\s+(?:country|nation)(?:'s|’s)?(?=\s)", re.IGNORECASE)
# "1The global sports nutrition market": a list's item number run into the phrase's first word (names
# such as "3PL" or "5G" are digits and capitals only).
ITEM_NUMBER = re.compile(r"^\d+[A-Z][a-z]+\b")
INTERNATIONAL = re.compile(r"^(?:the\s+)?international\b", re.IGNORECASE)  # "the international paints market"
HEADLINE_AFTER_MARKET = re.compile(  # "... market leads the way": the title goes on as a sentence
    r"^\s*(?:market|industry|sector)\s+(?!size|share|report|analysis|outlook|forecast|trends?|research|overview"
    r"|insights?|data|definition|growth|by|in|to\s+20\d\d)[a-z]",
    re.IGNORECASE,
)
TRAILING = re.compile(r"\s+(?:size|share|value|revenue)$", re.IGNORECASE)
MARKET_HEAD = re.compile(r"\bmarket\b", re.IGNORECASE)
HEAD_PATTERN = re.compile(rf"\b(?:{'|'.join(HEAD_WORDS)})\b", re.IGNORECASE)
SCALE_WORD = re.compile(r"trillion|billion|million|bn|mn|tn|usd|us\$|\$", re.IGNORECASE)
COMPLEMENT = re.compile(
    r"\s+for\s+(?:[\w()-]+\s+){0,8}?[\w()-]+(?=\s+(?:is|was|were|are|will|stood|reached|had|has)\b)", re.IGNORECASE
)
INDUSTRY = re.compile(r"\b(?:industry|sector)$", re.IGNORECASE)
# "the global cold chain market", "Worldwide, ...", "clinical trials worldwide were ...": world, said in
# the opening sentences ("Global" capitalised alone may be a publisher's name: "Global Market Insights").
WORLDWIDE = re.compile(
    r"\bthe\s+(?:global|worldwide)\s+(?:[\w-]+\s+){0,6}?(?:market|industry|sector)\b|^(?:globally|worldwide),"
    r"|\b[a-z]+\s+worldwide\s+(?:is|was|were|are)\b"
    r"|^(?:the\s+)?global\s+(?:[\w-]+\s+){1,6}?(?:is|was|were|are|will|stood|reached)\b",
    re.IGNORECASE,
)
PLACE_LEAD_IN = re.compile(
    r"^\s*(?:[Ii]n|[Aa]cross|[Ww]ithin)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2},\s*(?:the\s+)?$"
)
LIST_BEFORE = re.compile(r"\w,\s*$")
FRONTED_AMOUNT = re.compile(
    r"^\s*(?:worth|valued\s+at|estimated\s+at|put\s+at|pegged\s+at|sized\s+at|standing\s+at|at)\s+(?:an?\s+)?"
    r"(?:estimated\s+|approximately\s+|about\s+|around\s+|nearly\s+|over\s+)?$",
    re.IGNORECASE,
)
POSSESSIVE_WORD = re.compile(r"['’]s$")
PLACE_POSSESSIVE = re.compile(r"(?:country|nation|region|state|continent)['’]s", re.IGNORECASE)
# "the latest market report", "Newzoo's Global Esports Market Report", "market research company": a
# head word naming a document or a trade, not the market.
DOCUMENT_AFTER = re.compile(
    r"\s+(?:reports?|study|studies|survey|research|analysis|intelligence|insights?|summary|overview)\b", re.IGNORECASE
)
# A sized sentence's subject before its verb: "Influencer marketing should grow by 19 percent to".
SUBJECT_LEAD = re.compile(
    r"^\s*(?P<subject>[A-Z][a-z-]+(?:\s+[a-z-]+){0,3}?)\s+(?:should|will|is|are|was|were|grew|rose|reached)\b"
)
REVENUE_LEAD = re.compile(r"\b(?:revenues?|sales)\b", re.IGNORECASE)
# Words that size a whole without naming what it is: "the total market".
LATIN_PHRASES = frozenset({"in vitro", "in vivo", "in situ", "in silico", "ex vivo"})
NAME_WITH_DIGITS = re.compile(r"\d+[A-Za-z][\w-]*")  # "3PL", "5G", "3D": a word of a name, not a number
PLACE_AFTER = re.compile(r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")
MAX_SHORT_TITLE = 6
MIN_REGIONS_FOR_WORLD = 2  # a text naming two world regions sizes a world market
MAX_OPENING_SENTENCES = 8
LARGER = 2  # an earlier amount this many times the phrase's own names more than the phrase
MAX_PHRASE_WORDS = 12


@dataclass(frozen=True)
class ReportScope:
    market_id: str
    geography_id: str
    market_name: str
    currency: str = "USD"
    flags: dict[str, str] = field(default_factory=dict)  # column -> why it needs review


def words(text: str, taxonomy: Taxonomy, *, demonyms: bool = False) -> frozenset[str]:
    """The words of a market name without geography, "global", "market" and possessives."""
    for region in reversed(taxonomy.regions_in(text, demonyms=demonyms)):  # "US" is a place only capitalised
        text = f"{text[: region.start]} {text[region.end :]}"
    text = re.sub(r"['’]s\b", "", text.lower())
    for region in taxonomy.regions_in(text, demonyms=demonyms):
        text = text.replace(region.text.lower(), " ")
    text = GLOBAL.sub(" ", text)
    return frozenset(word for word in re.findall(r"[a-z0-9&-]+", text) if word not in (*HEAD_WORDS, "the"))


def market_phrase(
    sentence: str, before: int, taxonomy: Taxonomy, heads: re.Pattern[str] | None = None
) -> tuple[int, int] | None:
    """The span of the noun phrase ending in the last head word before `before`, walking back to an
    article, a preposition, a verb of the list, a comma, a number or a scale word, with its "for ..."
    complement ("market for pharmaceutical CDMOs"). A possessive place opens the phrase ("India's",
    "the country's"); any other possessive ends the walk."""
    found = [
        head
        for head in (heads or HEAD_PATTERN).finditer(sentence, 0, before)
        if not DOCUMENT_AFTER.match(sentence, head.end())
    ]
    if not found:
        return None
    head = found[0] if heads else found[-1]
    tokens = list(re.finditer(r"\S+", sentence[: head.start()]))
    start = head.start()
    kept = tokens[-MAX_PHRASE_WORDS:]
    for index in range(len(kept) - 1, -1, -1):
        token = kept[index]
        word = token.group()
        following = kept[index + 1].group().lower() if index + 1 < len(kept) else ""
        if f"{word.lower()} {following}" in LATIN_PHRASES:  # "in vitro diagnostics": "in" is a word of the name
            start = token.start()
            continue
        if word.lower() in PHRASE_STOP or (word.endswith((",", ";", ":", ".")) and word not in ("U.S.", "U.K.")):
            break
        if POSSESSIVE_WORD.search(word) and index < len(kept) - 1:
            # A possessive opens the noun phrase: "... should lift India's nutraceuticals market" names
            # India's; "Newzoo's annual esports market" is the publisher's, so the phrase starts after it.
            owner = POSSESSIVE_WORD.sub("", word)
            if PLACE_POSSESSIVE.fullmatch(word) or taxonomy.regions_in(owner, demonyms=True):
                start = token.start()
            break
        if (any(character.isdigit() for character in word) and not NAME_WITH_DIGITS.fullmatch(word)) or (
            SCALE_WORD.fullmatch(word)
        ):
            break
        start = token.start()
    complement = COMPLEMENT.match(sentence, head.end())
    end = complement.end() if complement else head.end()
    return (start, end) if start < head.start() or complement else None


# "the total global sneaker market": a phrase that sizes a market whole.
WHOLE_LEAD = re.compile(r"^(?:the\s+)?(?:total|overall|entire|whole)\b", re.IGNORECASE)
WHOLE_PHRASE = re.compile(
    r"\b(?:total|overall|entire|whole)\s+(?P<words>(?:[\w.'’&-]+\s+){1,5}?)(?:market|industry)\b", re.IGNORECASE
)
# "NEW YORK, NY, UNITED STATES, April 11, 2025 /EINPresswire/ --" (or "/EINPresswire.com/ --"): where a
# release was issued.
WIRE_DATELINE = re.compile(r"^[^.!?]{0,160}?/\s*[\w ]*wire(?:\.com)?\s*/\s*-*", re.IGNORECASE)
# A sentence that opens with a quotation mark: a quoted statistic.
QUOTED = re.compile(r"^\s*[\"“„]")


def propose(
    document: Document,
    taxonomy: Taxonomy,
    *,
    market_id: str = "",
    geography_id: str = "",
) -> ReportScope:
    flags: dict[str, str] = {}
    opening = opening_market(document, taxonomy)
    name, sentence_lead, currency, sized, unsure_name = (
        opening.name,
        opening.lead,
        opening.currency,
        opening.sized,
        opening.unsure,
    )
    from_sentence = bool(name)
    name = name or title_market(document.title)
    names_a_product = bool(words(name, taxonomy) - EXTENT_WORDS)
    if not name:
        flags["market_name"] = "no market name found in the title or the opening sentences"
    elif not from_sentence or not re.search(r"\bmarket\b", name, re.IGNORECASE) or INDUSTRY.search(name):
        flags["market_name"] = "market name from the title, or worded as an industry or sector: check the wording"
    elif ITEM_NUMBER.match(name):
        first_word = name.split()[0]
        flags["market_name"] = f"a number runs into the phrase's first word ('{first_word}'): a list's item number?"
    elif not names_a_product:
        flags["market_name"] = "the market phrase names no product or service: check the wording"
    elif unsure_name:
        flags["market_name"] = unsure_name
    elif PLACE_LEAD_IN.match(sentence_lead) and taxonomy.regions_in(sentence_lead):
        # "In Europe, the perfume market is forecast ...": the place may be part of the name.
        flags["market_name"] = f"a place leads the sentence ('{sentence_lead.strip()}'): it may belong to the name"
    elif LIST_BEFORE.search(sentence_lead) and re.search(r"\b(?:and|or)\b|&", name):
        # "the total still, sparkling and fortified wine market": the list began before the comma.
        flags["market_name"] = "a list runs into the market phrase: the name may begin before it"
    elif not sized:
        flags["market_name"] = "market name from a sentence that states no amount: check the wording"
    elif whole := whole_market_later(document, name, taxonomy):
        # "the sneaker resale market might reach $30 billion" before "the total global sneaker market at
        # $100 billion": the opening phrase may name a part of the market the page sizes whole.
        flags["market_name"] = f"a later sentence sizes '{whole}', which the opening phrase narrows: check the wording"
    elif from_headline(document, name) and not restated(document, name, taxonomy):
        flags["market_name"] = "market name from a headline (the first line, not a sentence): check the wording"
    # The phrase's own place first: "Europe dominate the global chocolate market" is the world's.
    in_phrase = geography_of(name, taxonomy)
    nameless_place = bool(name) and not names_a_product and bool(in_phrase)
    geography = geography_id or in_phrase or geography_of(WIRE_DATELINE.sub("", sentence_lead), taxonomy)
    if nameless_place and geography == in_phrase and not geography_id:
        # "Most sales are expected in the US market": a phrase naming only a place scopes nothing.
        flags["geography_id"] = "the place comes from a market phrase that names no product or service"
    if geography and not geography_id and opening.quoted:
        flags["geography_id"] = "the place comes from a quoted statistic: the page's own scope may differ"
    if geography and not geography_id and not sized:
        unsure = unsized_place(document, taxonomy, geography, in_phrase=geography == in_phrase)
        if unsure:
            flags["geography_id"] = unsure
    if not geography and INTERNATIONAL.match(name):
        geography = WORLD
    titled = geography_of(document.title, taxonomy)
    if geography and not geography_id and titled not in ("", WORLD, geography) and from_sentence:
        # "Europe's Electric Vehicle Fleet ..." over "The global EV market has grown ...", "Asia Beer
        # Market" over "The Japanese beer market ...": which scope is the report's?
        flags["geography_id"] = f"the opening market phrase names {geography}, the title {titled}"
        flags.setdefault("market_name", f"the title names {titled}: the opening market may not be the report's")
    if not geography:
        geography, unsure = title_geography(document.title, taxonomy)
        if unsure:
            flags["geography_id"] = unsure
    every = prose(document)
    if not geography and any(WORLDWIDE.search(sentence.text) for sentence in every):
        geography = WORLD
    if not geography and worldwide_first_size(every):
        geography = WORLD
    if not geography and len(world_regions(document, taxonomy)) >= MIN_REGIONS_FOR_WORLD:
        geography = WORLD
        if not name:
            # "China to be the world's biggest theme park market": many places named, no market phrase.
            flags["geography_id"] = "no market phrase states the scope: world assumed from the many places named"
    country = currency_country(first_currency(document), taxonomy) if not geography else ""
    if country:
        # "The wine market was worth £10.28bn in 2005": a currency of one country only, with no place
        # stated up front, is a better first proposal than the world; still unsure, so flagged.
        geography = country
        flags["geography_id"] = (
            f"no geography stated in the title or the opening sentence: {country} assumed from the currency "
            "of the first amount"
        )
    if not geography:
        geography = WORLD
        flags["geography_id"] = "no geography stated in the title or the opening sentence: world assumed"
    unnamed = UNNAMED_PLACE.search(sentence_lead)
    if unnamed and not geography_id and not in_phrase and not geography_of(sentence_lead, taxonomy):
        flags.setdefault("geography_id", f"the opening sentence names its place only as '{unnamed.group()}'")
    wider = wider_region_before(opening.earlier, geography, taxonomy)
    if wider and not geography_id and "geography_id" not in flags:
        # "In the year 2020 Europe is expected to account for 38.03% of market revenue", then "The United
        # Kingdom's e-cigarettes market ...": the report may be the wider region's.
        flags["geography_id"] = f"an opening sentence before the market phrase names {wider}, which holds {geography}"
        flags.setdefault("market_name", f"the report may be {wider}'s: its market name may be another phrase")
    sized_country = own_currency_country(document, taxonomy) if geography == WORLD and not geography_id else ""
    if sized_country and "geography_id" not in flags:
        # "The global swimwear market, worth $21.34 billion ..." then "The UK market ... had a turnover
        # of £496.4 million": the world may only set the scene for a country's report.
        flags["geography_id"] = f"an opening sentence sizes {sized_country} in its own currency: the report may be its"
        flags.setdefault("market_name", f"the report may be {sized_country}'s: its market name may be another phrase")
    placed = list(dict.fromkeys(name.text for sentence in every for name in taxonomy.regions_in(sentence.text)))
    if "geography_id" in flags and name and not in_phrase and (placed or titled):
        # "the self-storage market" on a page about "US real estate", "the cider market" on a page that
        # names the UK further down: where the place is unsure, a name that holds none while the text
        # names one may be the report's without its place.
        named = ", ".join(placed[:MAX_PLACES_SHOWN]) or titled
        flags.setdefault("market_name", f"the name holds no place, the text names {named}: check the wording")
    market, exact = (market_id, True) if market_id else market_of(name, taxonomy)
    if not market:
        flags["market_id"] = f"no market in seeds/markets.csv is named like '{name}': choose or add one"
    elif not exact:
        flags["market_id"] = f"'{name}' is only close to the name of market {market} in seeds/markets.csv"
    if currency != "USD":
        flags["currency"] = f"figures stated in {currency}: the warehouse converts only USD units"
    return ReportScope(market, geography, name, currency, flags)


@dataclass(frozen=True)
class Opening:
    """The market phrase of a document's opening sentences, as `opening_market` finds it."""

    name: str = ""  # the market phrase ("" when none is found)
    lead: str = ""  # the words of its sentence before it
    currency: str = "USD"
    sized: bool = False  # whether its sentence states an amount
    unsure: str = ""  # why the phrase may not name the report's market
    quoted: bool = False  # the phrase sits inside a quoted statistic
    earlier: tuple[str, ...] = ()  # the opening sentences with amounts before it


def opening_market(document: Document, taxonomy: Taxonomy) -> Opening:
    """The first sentence with a money amount and a market phrase before it, or with a market phrase
    and no amount; a place right after the phrase belongs to it ("the ... market in India")."""
    revenue_words: frozenset[str] = frozenset()  # what an earlier opening sentence sized without a phrase
    sized_lead: frozenset[str] = frozenset()  # the subjects of earlier sized sentences without a phrase

    before: list[str] = []
    largest: dict[str, tuple[float, str]] = {}  # per currency, the largest amount of the earlier sentences
    for sentence in prose(document)[:MAX_OPENING_SENTENCES]:
        if sentence.label_end is not None:
            continue
        amounts = quantities.values(sentence.text)
        # The phrase before the sentence's first amount, or, when the sentence opens with its amount
        # ("Worth USD 48.05 billion in 2023, the global perfume market is forecast to grow from USD
        # 50.45 billion ..."), the phrase the opening amount belongs to, before the next one.
        span = market_phrase(sentence.text, amounts[0].start, taxonomy) if amounts else None
        if span is None and len(amounts) > 1 and FRONTED_AMOUNT.match(sentence.text[: amounts[0].start]):
            span = market_phrase(sentence.text, amounts[1].start, taxonomy)
        if span is None and not amounts:
            span = market_phrase(sentence.text, len(sentence.text), taxonomy, heads=MARKET_HEAD)
            if span is not None and not words(sentence.text[span[0] : span[1]], taxonomy, demonyms=True):
                span = None  # "especially in the US market": a place, not a product or service
        if span is not None and SUPERLATIVE.match(sentence.text[span[0] : span[1]]):
            span = None  # "USA stays the largest luxury market": a claim, not the report's market
        if span is not None and is_proper_name(sentence.text, span):
            span = None  # "the 2017 World Travel Market Global Travel Trends Report": an event's name
        if span is not None:
            end = span[1]
            place = PLACE_AFTER.match(sentence.text, end)
            if place and any(name.start == 0 for name in taxonomy.regions_in(place.group("place"))):
                end = place.end()
            phrase = TRAILING.sub("", sentence.text[span[0] : end])
            money = [value.currency for value in amounts if value.kind == "money"]
            currency = money[0] if money else first_currency(document)
            unsure = ""
            quoted = bool(QUOTED.match(sentence.text))
            named = words(phrase, taxonomy, demonyms=True)
            own = next((value for value in amounts if value.kind == "money"), None)
            if quoted:
                # '"In 2020 the American camping market was worth ..."' as a statistics page's first
                # item: one quoted source's figure, not the page's own wording of its market.
                unsure = "the market phrase is inside a quoted statistic: the page's own market may differ"
            elif sized_lead and named & sized_lead:
                # "Influencer marketing should grow by 19 percent to $16.4 billion" before "the global
                # influencer market size reaching ...": the first sized sentence words the market itself.
                unsure = "an earlier opening sentence sizes the market without the word market: check the wording"
            elif own and own.currency in largest and largest[own.currency][0] > LARGER * amount_of(own):
                # "£1.29 billion spent on single cards" before "The Christmas singles market is worth
                # £130m": the phrase may name a part of what the page sizes.
                unsure = (
                    f"an earlier opening sentence states a larger amount ({largest[own.currency][1]}): "
                    "the phrase may name a part of the market"
                )
            elif amounts and not own and held_share(sentence.text, span[1], amounts[0]):
                # "the professional market takes about 85% to 90% of the total": a part's share.
                unsure = "the phrase holds a share of something, not an amount: it may name a part of the market"
            elif revenue_words and not named <= revenue_words:
                # "For 2024, Online Gambling revenue in Europe is forecast at US$46.94bn." before "The
                # Online Casinos market is forecast at ...": the phrase may name a part of the market.
                unsure = "an earlier opening sentence sizes the revenue of something else: the phrase may name a part"
            return Opening(
                phrase,
                sentence.text[: span[0]],
                currency,
                bool(amounts),
                unsure,
                quoted=quoted,
                earlier=tuple(before),
            )
        if amounts:
            before.append(sentence.text)
        for value in amounts:
            if value.kind == "money" and amount_of(value) > largest.get(value.currency, (0.0, ""))[0]:
                largest[value.currency] = (amount_of(value), sentence.text[value.start : value.end])
        money = [value for value in amounts if value.kind == "money"]
        lead = sentence.text[: money[0].start] if money else ""
        if not revenue_words and REVENUE_LEAD.search(lead):
            revenue_words = words(lead, taxonomy, demonyms=True)
        subject = SUBJECT_LEAD.match(lead) if money else None
        if subject:
            sized_lead |= words(subject.group("subject"), taxonomy, demonyms=True)
    return Opening(earlier=tuple(before))


def held_share(sentence: str, phrase_end: int, first: quantities.Value) -> bool:
    """A share verb ("takes", "accounts for", "holds") between a market phrase and its sentence's first
    amount, a percentage."""
    between = sentence[phrase_end : first.start]
    return first.kind == "percent" and bool(SHARE_VERB.search(between) or TAKE_VERB.search(between))


def amount_of(value: quantities.Value) -> float:
    """A money amount as a plain number: its figure times its scale word (million, bn, m, ...)."""
    scale = 1.0
    for word in value.unit.lower().split():
        if word in ("trillion", "tn", "t"):
            scale = 1e12
        elif word in ("billion", "bn", "b"):
            scale = 1e9
        elif word in ("million", "mn", "m"):
            scale = 1e6
    return float(value.plain) * scale


def whole_market_later(document: Document, name: str, taxonomy: Taxonomy) -> str:
    """A "total|overall|entire|whole ... market" phrase anywhere in the document whose words are some,
    not all, of `name`'s (read without such a lead word of its own); or ""."""
    own_lead = WHOLE_LEAD.match(name)
    named = words(name[own_lead.end() :] if own_lead else name, taxonomy, demonyms=True)
    for sentence in prose(document):
        for phrase in WHOLE_PHRASE.finditer(sentence.text):
            later = words(phrase.group("words"), taxonomy, demonyms=True)
            if later and later < named:
                return phrase.group().strip()
    return ""


def is_proper_name(text: str, span: tuple[int, int]) -> bool:
    """A phrase that opens with "World", every word capitalised, and the capitals go on after its head
    word ("the 2017 World Travel Market Global Travel Trends Report"): a name (here a trade show's), not
    a market phrase. Headings in title case that do not open with "World" are left to the other rules."""
    words = re.findall(r"[A-Za-z][\w'-]*", text[span[0] : span[1]])
    return (
        len(words) > 1
        and words[0] == "World"
        and all(word[0].isupper() for word in words)
        and bool(CAPITAL_AFTER.match(text, span[1]))
    )


def wider_region_before(sentences: Sequence[str], geography: str, taxonomy: Taxonomy) -> str:
    """A region named in `sentences` (opening sentences with amounts, before the market phrase's) that
    holds `geography` (Europe for the United Kingdom; the world for a sentence worded "global" or
    "worldwide"), or ""."""
    ancestors = set(taxonomy.region_lineage(geography)[1:]) - {WORLD}
    for sentence in sentences:
        for name in taxonomy.regions_in(sentence):
            if name.member.member_id in ancestors:
                return name.member.member_id
        if geography != WORLD and WORLD_WORD.search(sentence):
            # "Worldwide pasta production came to 109 billion euros" before "On the Italian market, ...".
            return WORLD
    return ""


def from_headline(document: Document, name: str) -> bool:
    """Whether the market name was taken from the text's first line standing alone without a full stop
    ("World HVAC equipment market to reach USD 122 billion by 2020"), a headline's shorthand."""
    opening = prose(document)[:1]
    return (
        bool(opening)
        and opening[0].line == 1
        and name in opening[0].text
        and not re.search(r"[.!?]\s*$", opening[0].text)
    )


def restated(document: Document, name: str, taxonomy: Taxonomy) -> bool:
    """Whether a later opening sentence names the market with the same words ("The global telehealth
    market ..." after the headline "Telehealth Market Worth ...")."""
    wanted = words(name, taxonomy)
    for sentence in prose(document)[1:MAX_OPENING_SENTENCES]:
        for head in MARKET_HEAD.finditer(sentence.text):
            span = market_phrase(sentence.text, head.end(), taxonomy)
            if span is not None and words(sentence.text[span[0] : span[1]], taxonomy) == wanted:
                return True
    return False


def worldwide_first_size(sentences: list[Sentence]) -> bool:
    """The first sentence stating an amount of money says it is the world's ("Worldwide spending on 3D
    printing will reach $13.8bn", "to $61.9 billion worldwide"), in lower case or opening the sentence:
    a capitalised "Global" inside one is likely a name ("Yicai Global")."""
    for sentence in sentences:
        if any(value.kind == "money" for value in quantities.values(sentence.text)):
            return WORLD_WORD.search(sentence.text) is not None
    return False


def prose(document: Document) -> list[Sentence]:
    """The document's sentences and table rows, its headings aside."""
    return [sentence for sentence in document.sentences if not sentence.heading]


def own_currency_country(document: Document, taxonomy: Taxonomy) -> str:
    """A country that an opening sentence names beside an amount in that country's own currency (the
    United Kingdom beside pounds), or ""."""
    for sentence in prose(document)[:MAX_OPENING_SENTENCES]:
        named = {name.member.member_id for name in taxonomy.regions_in(sentence.text)}
        for value in quantities.values(sentence.text):
            country = currency_country(value.currency, taxonomy) if value.kind == "money" else ""
            if country and country in named:
                return country
    return ""


def currency_country(currency: str, taxonomy: Taxonomy) -> str:
    """The region of the one country whose currency `currency` is (`quantities.CURRENCY_COUNTRIES`,
    by the seeds' ISO code), or ""."""
    code = quantities.CURRENCY_COUNTRIES.get(currency)
    return next((region for region, row in taxonomy.regions.items() if code and row["iso_country_code"] == code), "")


def first_currency(document: Document) -> str:
    for sentence in document.sentences:
        money = [value.currency for value in quantities.values(sentence.text) if value.kind == "money"]
        if money:
            return money[0]
    return "USD"


def title_market(title: str) -> str:
    """The title's words up to "Market", or a short title itself ("Cold Chain Logistics")."""
    match = re.search(r"^(.*?\bmarket)\b", title, re.IGNORECASE)
    if match:
        return match.group(1).strip()
    return title if len(title.split()) <= MAX_SHORT_TITLE and ":" not in title else ""


def market_words(document: Document, found: ReportScope, taxonomy: Taxonomy) -> frozenset[str]:
    """Words that name the report's whole market: those of its name and of the title's market name."""
    return words(found.market_name, taxonomy) | words(title_market(document.title), taxonomy)


def world_regions(document: Document, taxonomy: Taxonomy) -> set[str]:
    """The world regions (North America, Europe, ...) the text names anywhere."""
    found = set()
    for sentence in document.sentences:
        for name in taxonomy.regions_in(sentence.text):
            if taxonomy.regions[name.member.member_id]["region_level"] == "region":
                found.add(name.member.member_id)
    return found


def unsized_place(document: Document, taxonomy: Taxonomy, place: str, *, in_phrase: bool) -> str:
    """Why a place taken from a sentence that states no amount is unsure, or "": it is named before the
    market phrase ("Korea has no global presence in the drone market"), or the first sentence that
    sizes a market names another place for it ("the Chinese drone industry and market", then "the
    world's consumer drone market is worth ...")."""
    if not in_phrase:
        return "the place is named before the market phrase, in a sentence that states no amount"
    for sentence in prose(document)[:MAX_OPENING_SENTENCES]:
        amounts = quantities.values(sentence.text)
        span = (
            market_phrase(sentence.text, amounts[0].start, taxonomy) if amounts and sentence.label_end is None else None
        )
        if span is not None:
            sized = geography_of(sentence.text[: span[1]], taxonomy)
            if sized and sized != place:
                return f"a sentence that states no amount names {place}, the first sizing the market names {sized}"
            return ""
    return ""


def title_geography(title: str, taxonomy: Taxonomy) -> tuple[str, str]:
    """(geography, why it is unsure, or "") from the title: certain when the title's market name holds
    the place and the title is not a headline going on after it; unsure for a place named elsewhere."""
    name = title_market(title)
    place = geography_of(name, taxonomy) if name else ""
    if place and not HEADLINE_AFTER_MARKET.match(title[len(name) - len(name.split()[-1]) :]):
        return place, ""
    elsewhere = geography_of(title, taxonomy)
    if elsewhere == WORLD:  # "Global Forecast to 2030", "Water Treatment Worldwide"
        return elsewhere, ""
    if elsewhere:
        return elsewhere, "the title names a place, but not as the scope of a market (a headline or a page title)"
    return "", ""


def geography_of(text: str, taxonomy: Taxonomy) -> str:
    regions = taxonomy.regions_in(text, demonyms=True)
    if regions:
        return regions[0].member.member_id
    return WORLD if GLOBAL.search(text) else ""


def market_of(name: str, taxonomy: Taxonomy) -> tuple[str, bool]:
    """The market named with the same words (exact), else the one market whose name's words hold the
    phrase's or are held by them ("Cold Chain Market" ~ "Cold chain logistics"), else none."""
    wanted = words(name, taxonomy)
    if not wanted:
        return "", False
    close = []
    for market_id, row in taxonomy.markets.items():
        named = words(row["market_name"], taxonomy)
        if named == wanted:
            return market_id, True
        if named < wanted or wanted < named:
            close.append(market_id)
    return (close[0], False) if len(close) == 1 else ("", False)
