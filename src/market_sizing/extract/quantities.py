"""Finding quantities in a sentence: money amounts (in any currency), percentages, other numbers,
and the qualifier written before a value.

Every pattern is a general wording rule; positions are character offsets in the sentence. A money
amount needs a currency and a scale word ("USD 4.2 billion", "EUR 310 Mn", "₹1,200 crore" is not
read: no scale of the vocabulary); its currency is kept as stated and named by its ISO code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"trillion|billion|million|tn|bn|mn"
# Written currency -> ISO code. "$" alone is read as USD, as the contract's unit vocabulary does.
CURRENCIES: dict[str, str] = {
    "us$": "USD", "us $": "USD", "usd": "USD", "$": "USD",
    "eur": "EUR", "€": "EUR", "gbp": "GBP", "£": "GBP", "jpy": "JPY", "¥": "JPY", "cny": "CNY", "rmb": "CNY",
    "inr": "INR", "₹": "INR", "rs.": "INR", "aud": "AUD", "a$": "AUD", "au$": "AUD", "cad": "CAD", "c$": "CAD",
    "ca$": "CAD", "can$": "CAD", "chf": "CHF", "krw": "KRW", "₩": "KRW", "sgd": "SGD", "s$": "SGD", "brl": "BRL",
    "r$": "BRL",
    # Written out after the amount ("280.5 billion euros").
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "pounds": "GBP", "yen": "JPY", "rupees": "INR", "won": "KRW", "reais": "BRL", "yuan": "CNY",
}  # fmt: skip
# The currencies above that one country alone issues, with its ISO code (the euro and the dollar are
# left out: many countries use them).
CURRENCY_COUNTRIES = {
    "GBP": "GB", "JPY": "JP", "CNY": "CN", "INR": "IN", "AUD": "AU", "CAD": "CA", "CHF": "CH", "KRW": "KR",
    "SGD": "SG", "BRL": "BR",
}  # fmt: skip
AFTER_ONLY = frozenset({"won"})  # "600 billion won", but "won 12 billion in orders" is a verb
_SYMBOLS = sorted(set(CURRENCIES) - AFTER_ONLY, key=len, reverse=True)
CURRENCY = "|".join(re.escape(symbol) if not symbol.isalpha() else rf"{symbol}(?![a-z])" for symbol in _SYMBOLS)
MONEY_BEFORE = re.compile(
    rf"(?<![\w$])(?P<currency>{CURRENCY})\s?(?P<number>{NUMBER})\s?(?P<scale>{SCALE})(?![\w])", re.IGNORECASE
)
MONEY_AFTER = re.compile(
    rf"(?<![\w.,])(?P<number>{NUMBER})\s?(?P<scale>{SCALE})\s+"
    r"(?P<currency>[A-Z]{3}|US\$|euros?|(?:U\.?S\.?\s+)?dollars?|pounds|yen|rupees|won|reais|yuan)(?![\w])",
    re.IGNORECASE,
)
# "$46.0B", "US$973m": a scale letter right after the number (not in the unit vocabulary: flagged for
# review). Lower-case "m" only here, after a currency, where it cannot be metres.
MONEY_LETTER = re.compile(rf"(?<![\w$])(?P<currency>(?i:{CURRENCY}))\s?(?P<number>{NUMBER})(?P<scale>[BMT]|m)(?![\w])")
# A minus sign belongs to the number ("a CAGR of -12.9%", or typeset as an en dash or U+2212), but not
# a range's dash ("10-15%", or "10" en dash "15%"): the sign may not follow a letter, digit or separator.
MINUS = "-\u2013\u2212"
PERCENT = re.compile(
    rf"(?<![\w.,])(?P<number>[{MINUS}]?(?:{NUMBER}))\s?(?:%|percent(?![\w])|per cent(?![\w]))", re.IGNORECASE
)
TYPESET_MINUS = re.compile(rf"(?<![\w.,])[{MINUS[1:]}](?=\d)")


def ascii_minus(text: str) -> str:
    """A typeset minus sign (en dash or U+2212) before a number written as "-"."""
    return TYPESET_MINUS.sub("-", text)


# "worth nearly a billion pounds": an amount whose number is a word. Listed for review, never read.
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
WORDED_AMOUNT = re.compile(
    rf"\b(?P<word>{'|'.join(NUMBER_WORDS)})(?P<half>\s+and\s+a\s+half)?\s+(?P<scale>billion|million|trillion)\b"
    r"(?:\s+[a-z$£€]+)?",
    re.IGNORECASE,
)


def worded_number(match: re.Match[str]) -> float:
    """The number of a WORDED_AMOUNT match: "two and a half billion" -> 2.5."""
    return NUMBER_WORDS[match.group("word").lower()] + (0.5 if match.group("half") else 0)


TILDE = "approximately"
ANY_NUMBER = re.compile(rf"(?<![\w.,]){NUMBER}(?![\w])")


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Value:
    """A stated money amount or percentage."""

    kind: str  # "money" or "percent"
    start: int
    end: int
    number: str  # as written, thousands separators included (a typeset minus as "-")
    unit: str  # as worded ("USD billion", "US$ Bn", "EUR million"); "percent" for percentages
    currency: str = ""  # ISO code of a money amount

    @property
    def plain(self) -> str:
        return self.number.replace(",", "")


def values(sentence: str) -> list[Value]:
    found: list[Value] = []
    for pattern in (MONEY_BEFORE, MONEY_AFTER, MONEY_LETTER):
        for match in pattern.finditer(sentence):
            written, scale = match.group("currency"), match.group("scale")
            code = CURRENCIES.get(written.lower())
            if code is None or overlaps(match.start(), match.end(), found):
                continue
            written = re.sub(r"\s+", "", written) if written.lower().startswith("us") and "$" in written else written
            unit = f"{scale} {written}" if pattern is MONEY_AFTER else f"{written} {scale}"
            found.append(Value("money", match.start(), match.end(), match.group("number"), unit, code))
    for match in PERCENT.finditer(sentence):
        if not overlaps(match.start(), match.end(), found):
            found.append(Value("percent", match.start(), match.end(), ascii_minus(match.group("number")), "percent"))
    return sorted(found, key=lambda value: value.start)


def overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    return any(start < span.end and span.start < end for span in spans)


def other_numbers(sentence: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Digit runs that no recognised token covers."""
    return [
        (match.start(), match.end())
        for match in ANY_NUMBER.finditer(sentence)
        if not any(match.start() < end and start < match.end() for start, end in taken)
    ]


def qualifier_before(sentence: str, position: int, qualifiers: Iterable[str]) -> str:
    """The vocabulary qualifier written right before `position` ("around USD 5 billion"), lower-cased;
    a tilde ("~USD 108 billion") is "approximately" unless a qualifier stands before it ("over ~8%")."""
    before = sentence[:position].rstrip().lower()
    tilde = before.endswith("~")
    before = before.rstrip("~ ")
    for qualifier in sorted(qualifiers, key=len, reverse=True):
        if re.search(rf"(?<![\w]){re.escape(qualifier)}$", before):
            return qualifier
    return TILDE if tilde else ""
