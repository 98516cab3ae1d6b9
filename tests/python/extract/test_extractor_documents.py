"""Reading documents: an HTML page saved from a browser and a PDF give the same rows as the text.

The pages are made here, at test time, from texts that are not in the repository (and from the dev
part of the labelled corpus where it is present): the HTML page wraps the text in navigation, a
cookie banner, related links and a footer full of numbers; the PDF (written with fpdf2) sets headings
in bold, wraps paragraphs over several lines and draws the table rows as a ruled table.
"""

from __future__ import annotations

import functools
import html
import unicodedata
from pathlib import Path

import pytest
from fpdf import FPDF

from market_sizing.extract import document, evaluate, pipeline, reading, vocabulary
from support import REPO_ROOT

SEEDS = REPO_ROOT / "seeds"
TEXT = """Sprocket Coatings Market Outlook

The global sprocket coatings market was valued at USD 4.82 billion in 2024 and is expected to reach USD 7.95 billion by 2033, growing at a CAGR of 5.7% over the forecast period 2025-2033. North America held a 38.2% share of revenue in 2024, while Asia Pacific is the fastest-growing region.

Report Scope

Report Attribute | Details
Market Size (2024) | USD 4.82 Billion
Revenue Forecast (2033) | USD 7.95 Billion
Largest Market | North America
Fastest Growing Market | Asia Pacific

Regional Insights

Europe accounted for 24.5% of the market in 2024, supported by automotive demand in Germany and France.
"""
BOILERPLATE_BEFORE = """<header class="site-header"><nav><a href="/">Home</a> | <a href="/reports">Reports (1,250)</a>
<a href="/pricing">Single user licence USD 4,950</a></nav></header>
<div id="cookie-consent">We use cookies on 100% of our pages. Accept all?</div>
<ul class="breadcrumb"><li>Chemicals</li><li>Coatings</li></ul>"""
BOILERPLATE_AFTER = """<aside class="related-reports"><h3>Related reports</h3>
<p>The global widget market is expected to reach USD 99.9 billion by 2030, at a CAGR of 12.5%.</p></aside>
<div class="share-buttons">Share on LinkedIn (2.3k)</div>
<footer><p>Copyright 2026 Example Research. All rights reserved. Call +1 555 0100 2024.</p></footer>"""
LATIN_1 = str.maketrans(
    {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "•": "-", "™": "", "…": "...", "€": "EUR "}
)


def latin_1(text: str) -> str:
    """The text as the PDF's standard font can print it: the punctuation above replaced, any other
    letter outside Latin-1 by its base letter ("Mondelēz" -> "Mondelez"), and a sign with no such letter
    ("₹") by "#"."""
    text = text.translate(LATIN_1)
    return "".join(character if ord(character) < 256 else base_letter(character) for character in text)


def base_letter(character: str) -> str:
    base = "".join(part for part in unicodedata.normalize("NFKD", character) if not unicodedata.combining(part))
    return base if all(ord(part) < 256 for part in base) else "#"


def html_page(text: str) -> str:
    """The text as a saved page: its first line the <h1>, lines with cells a <table>, headings <h2>."""
    parsed = document.parse(text)
    lines = text.strip().splitlines()
    body: list[str] = [f"<h1>{html.escape(lines[0])}</h1>"] if parsed.title else []
    table: list[str] = []
    start = 1 if parsed.title else 0
    for index, line in enumerate(lines[start:], start=start):
        if " | " in line:
            cells = "".join(f"<td>{html.escape(cell.strip())}</td>" for cell in line.split("|"))
            table.append(f"<tr>{cells}</tr>")
            continue
        if table:
            body.append(f"<table>{''.join(table)}</table>")
            table = []
        if not line.strip():
            continue
        tag = "h2" if document.is_heading(line) and document.stands_alone(lines, index) else "p"
        body.append(f"<{tag}>{html.escape(line.strip())}</{tag}>")
    if table:
        body.append(f"<table>{''.join(table)}</table>")
    return (
        "<!DOCTYPE html><html><head><title>Report | Example Research</title><style>p{margin:0}</style>"
        "<script>var price = 'USD 3.5 billion in 2024';</script></head><body>"
        f"{BOILERPLATE_BEFORE}<main><article>{''.join(body)}</article></main>{BOILERPLATE_AFTER}</body></html>"
    )


def pdf_document(text: str, path: Path) -> None:
    """The text as a PDF: bold headings, wrapped paragraphs, the cell lines as a ruled table."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_margins(20, 20)
    lines = latin_1(text).strip().splitlines()
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if " | " in line:
            rows = []
            while index < len(lines) and " | " in lines[index]:
                rows.append([cell.strip() for cell in lines[index].split("|")])
                index += 1
            pdf.set_font("Helvetica", size=10)
            with pdf.table(first_row_as_headings=False) as table:
                for cells in rows:
                    row = table.row()
                    for cell in cells:
                        row.cell(cell)
            pdf.ln(4)
            continue
        alone = (index == 0 or not lines[index - 1].strip()) and (
            index + 1 == len(lines) or not lines[index + 1].strip()
        )
        if (
            line
            and document.is_heading(line, document.MAX_TITLE_WORDS if index == 0 else document.MAX_HEADING_WORDS)
            and alone
        ):
            pdf.set_font("Helvetica", style="B", size=14 if index == 0 else 12)
            pdf.multi_cell(0, 7, line)
            pdf.ln(2)
        elif line:
            pdf.set_font("Helvetica", size=10)
            pdf.multi_cell(0, 5, line)
            pdf.ln(3)
        index += 1
    pdf.output(str(path))


Key = tuple[object, ...]


# The rules are a function of the text: a text read twice (a corpus text that the PDF's font prints as
# it is) is extracted once.
@functools.lru_cache(maxsize=8)
def rows_of(text: str) -> tuple[frozenset[Key], frozenset[Key], tuple[str, str]]:
    extraction = pipeline.extract(text, SEEDS, vocabulary.load())
    figures = frozenset(
        (
            f.measure,
            f.subject.member_id,
            f.year,
            f.period_start_year,
            f.period_end_year,
            f.value,
            f.unit,
            f.qualifier,
            f.flags,
        )
        for f in extraction.figures
    )
    claims = frozenset((c.claim_type, c.subject.member_id, c.year, c.flags) for c in extraction.claims)
    return figures, claims, (extraction.scope.geography_id, extraction.scope.market_name)


def test_the_invented_text_has_rows_of_every_kind() -> None:
    figures, claims, scope = rows_of(TEXT)
    assert ("market_size", "world", 2024, None, None, "4.82", "USD billion", "", ()) in figures
    assert ("cagr", "world", None, 2025, 2033, "5.7", "percent", "", ()) in figures
    assert ("share", "europe", 2024, None, None, "24.5", "percent", "", ()) in figures
    assert {("leads", "north_america", None, ()), ("fastest_growing", "asia_pacific", None, ())} <= claims
    assert scope == ("world", "global sprocket coatings market")


def test_an_html_page_reads_as_its_text_without_the_page_furniture(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_page(TEXT), encoding="utf-8")
    text = reading.read(page)
    assert "cookies" not in text and "widget" not in text and "4,950" not in text and "Copyright" not in text
    assert "Market Size (2024) | USD 4.82 Billion" in text
    assert rows_of(text) == rows_of(TEXT)


def test_a_pdf_reads_as_its_text_tables_included(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    pdf_document(TEXT, path)
    text = reading.read(path)
    assert "Fastest Growing Market | Asia Pacific" in text
    assert "Sprocket Coatings Market Outlook" in text.splitlines()[0]
    assert rows_of(text) == rows_of(latin_1(TEXT))


def dev_texts() -> list[evaluate.Text]:
    corpus = REPO_ROOT / evaluate.CORPUS
    return evaluate.texts(corpus, "dev") if corpus.is_dir() else []


@pytest.mark.parametrize("text", dev_texts(), ids=lambda text: text.text_id)
def test_corpus_texts_read_the_same_as_html_and_pdf(text: evaluate.Text, tmp_path: Path) -> None:
    plain = text.path.read_text(encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(html_page(plain), encoding="utf-8")
    assert rows_of(reading.read(page)) == rows_of(plain)
    path = tmp_path / "report.pdf"
    pdf_document(plain, path)
    assert rows_of(reading.read(path)) == rows_of(latin_1(plain))


def test_a_pdf_paragraph_rejoins_words_split_at_a_line_end_only() -> None:
    blocks: list[str] = []
    reading.flush(["Demand in Asia-", "Pacific grew.", "SHAFAQNA- The market grew."], blocks)
    assert blocks == ["Demand in Asia-Pacific grew. SHAFAQNA- The market grew."]


def pdf_line(text: str, top: float, *, bold: bool = False) -> dict[str, object]:
    font = "Helvetica-Bold" if bold else "Helvetica"
    return {"text": text, "top": top, "bottom": top + 10, "chars": [{"size": 10.0, "fontname": font}] * len(text)}


def test_a_pdf_heading_wrapped_after_a_colon_stays_one_heading() -> None:
    """A long bold title may wrap after a colon ("By Channel:"): a bold line close below a heading's
    line continues it, whatever it ends with; a bold line after a paragraph's gap, ending in a colon,
    is a label, not a heading."""
    lines = [
        pdf_line("Widget Market (By Type: Small, Large;", 0, bold=True),
        pdf_line("By Channel:", 11, bold=True),
        pdf_line("Online, Retail) - Global Report", 22, bold=True),
        pdf_line("The widget market was worth USD 1.2 billion in 2024.", 40),
        pdf_line("Outlook:", 70, bold=True),
    ]
    blocks = reading.page_blocks([(float(line["top"]), line) for line in lines])  # type: ignore[arg-type]
    assert [block.strip() for block in blocks] == [
        "Widget Market (By Type: Small, Large; By Channel: Online, Retail) - Global Report",
        "The widget market was worth USD 1.2 billion in 2024.",
        "Outlook:",
    ]
