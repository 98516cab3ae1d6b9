"""Qualitative claims (who leads, gains share, grows fastest, is a key market) and plain mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.figures import CLAUSE_BREAK, MAX_EXCERPT, WORLD, subject_without_name
from extractor.taxonomy import Member, NameMatch
from extractor.tokens import YEAR

ORDINAL_BEFORE = r"(?<!second )(?<!third )(?<!fourth )"
# Claim type -> wording; the first type whose wording a clause holds wins.
CLAIM_WORDING: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "fastest_growing",
        re.compile(
            r"\bfastest[- ]growing\b|\bgrow\w*\s+(?:at\s+)?the\s+fastest\b|\b(?:highest|fastest)\s+(?:CAGR|growth)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "gaining_share",
        re.compile(
            r"\b(?:gain\w*|captur\w*|increas\w*|grow\w*)\s+(?:(?:its|their|increasing|growing|more|greater)\s+)?"
            r"(?:market\s+|revenue\s+)?share\b",
            re.IGNORECASE,
        ),
    ),
    (
        "key_market",
        re.compile(
            r"\b(?:key|critical|important|significant|major|prominent|notable|lucrative)\s+(?:market|region|position)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "leads",
        re.compile(
            r"\bdominat(?:e|es|ed|ing)\b|\b(?:lead|leads|led)\b(?!\s+(?:to|times)\b)|\btak(?:e|es|ing)\s+the\s+lead\b"
            r"|\btook\s+the\s+lead\b|\b(?:is|are|was|were|remains?|remained)\s+(?:the\s+)?leading\b"
            rf"|{ORDINAL_BEFORE}\blargest\s+(?:revenue\s+|market\s+|volume\s+)?share\b"
            rf"|{ORDINAL_BEFORE}\b(?:largest|leading)\s+(?:region|segment|market)\b",
            re.IGNORECASE,
        ),
    ),
)
CLAIM_YEAR = re.compile(rf"\b(?:in|for|during)\s+(?:the\s+year\s+)?(?P<year>{YEAR})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    claim_type: str
    subject: Member
    year: int | None
    excerpt: str
    section: str
    line: int
    year_span: tuple[int, int] | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        region = self.subject.member_id if self.subject.kind == "region" else "world"
        segment = self.subject.member_id if self.subject.kind == "segment" else ""
        return (self.claim_type, region, segment)


@dataclass(frozen=True)
class Mention:
    subject: Member
    excerpt: str
    section: str
    line: int


def clauses(sentence: str) -> list[tuple[int, int]]:
    bounds = [0]
    for match in CLAUSE_BREAK.finditer(sentence):
        bounds.extend([match.start(), match.end()])
    bounds.append(len(sentence))
    return [(bounds[index], bounds[index + 1]) for index in range(0, len(bounds), 2)]


def claims_of(sentence: str, names: list[NameMatch], section: str, line: int) -> list[Claim]:
    """Claims of a statement (questions claim nothing): one per clause with a named subject."""
    if sentence.rstrip().endswith("?"):
        return []
    found: list[Claim] = []
    for start, end in clauses(sentence):
        claim = clause_claim(sentence, start, end, names, section, line)
        if claim is not None:
            found.append(claim)
    return found


def clause_claim(sentence: str, start: int, end: int, names: list[NameMatch], section: str, line: int) -> Claim | None:
    clause = sentence[start:end]
    for wording_type, wording in CLAIM_WORDING:
        trigger = wording.search(clause)
        if trigger is None:
            continue
        before = [name for name in names if start <= name.start and name.end <= start + trigger.start()]
        subject = before[-1] if before else unnamed_subject(sentence, start, start + trigger.start())
        if subject is None:
            return None
        claim_type = leads_by(clause) if wording_type == "leads" else wording_type
        year = CLAIM_YEAR.search(clause)
        text = sentence[subject.start : start + trigger.end()]
        if len(text) > MAX_EXCERPT:
            text = sentence[start + trigger.start() : start + trigger.end()]
        return Claim(
            claim_type,
            subject.member,
            int(year.group("year")) if year else None,
            text,
            section,
            line,
            (start + year.start("year"), start + year.end("year")) if year else None,
        )
    return None


def unnamed_subject(sentence: str, start: int, end: int) -> NameMatch | None:
    """No known name before the claim: the clause's own subject, proposed as a new segment."""
    member = subject_without_name(sentence[start:end])
    if member == WORLD:
        return None
    offset = sentence.lower().find(member.name.lower(), start, end)
    return NameMatch(offset if offset >= 0 else start, end, member.name, member)


def leads_by(clause: str) -> str:
    revenue = re.search(r"\brevenue\b", clause, re.IGNORECASE)
    volume = re.search(r"\bvolumes?\b", clause, re.IGNORECASE)
    if revenue and not volume:
        return "leads_revenue"
    if volume and not revenue:
        return "leads_volume"
    return "leads"


def mention_of(sentence: str, name: NameMatch, section: str, line: int) -> Mention:
    """A name and up to three words either side, within the sentence."""
    left = re.search(r"(?:\S+\s+){0,3}$", sentence[: name.start])
    right = re.match(r"(?:\s*\S+){0,3}", sentence[name.end :])
    start = left.start() if left else name.start
    end = name.end + (right.end() if right else 0)
    return Mention(name.member, sentence[start:end].strip(" ,;:."), section, line)
