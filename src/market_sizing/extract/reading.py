"""Reading a report document into plain text: a text file, an HTML page saved from a browser, or a PDF.

The text keeps what the rules need: headings stand alone on their line, paragraphs are one line each,
and table rows are written as cells split by ` | `.

- HTML (BeautifulSoup4, the standard library's parser): scripts, styles, forms, navigation, headers,
  footers, asides and elements whose class or id names page furniture (menu, cookie, share, related
  posts, comments, ...) are dropped; the `<main>` or `<article>` element is read when there is one.
- PDF (pdfplumber): tables are found by their ruling lines and read cell by cell; the words outside
  them are read line by line, a line in a larger or bold font being a heading, and a vertical gap
  wider than the line spacing ending a paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
FURNITURE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
    "iframe",
    "svg",
)
FURNITURE = re.compile(
    r"nav|menu|footer|header|sidebar|cookie|consent|breadcrumb|share|social|comment|related|newsletter"
    r"|subscribe|banner|advert|\bad\b|popup|modal|widget|promo",
    re.IGNORECASE,
)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCKS = ("p", "li", "blockquote", "dd", "dt", "pre", "figcaption", "caption")
PARAGRAPH_GAP = 0.6  # of a line's height: a wider gap between two lines ends a paragraph
HEADING_SIZE = 1.1  # a line at least this much larger than the body text is a heading


def read(path: Path) -> str:
    """The document at `path` as text (see the module's rules)."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return html_text(path.read_text(encoding="utf-8", errors="replace"))
    if suffix in PDF_SUFFIXES:
        return pdf_text(path)
    return path.read_text(encoding="utf-8")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_text(page: str) -> str:
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(page, "html.parser")
    for element in soup.find_all(FURNITURE_TAGS):
        element.decompose()
    for element in soup.find_all(True):
        if isinstance(element, Tag) and element.attrs is not None and is_furniture(element):
            element.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    blocks: list[str] = []
    for element in root.find_all([*HEADINGS, *BLOCKS, "tr"]):
        if element.find_parent(["tr", *BLOCKS]) is not None and element.name not in ("tr",):
            continue  # read with its enclosing block
        if element.name == "tr":
            cells = [squeeze(cell.get_text(" ")) for cell in element.find_all(["td", "th"])]
            if any(cells):
                blocks.append(" | ".join(cells))
            continue
        text = squeeze(element.get_text(" "))
        if text:
            blocks.append(f"\n{text}\n" if element.name in HEADINGS else text)
    return "\n".join(blocks).strip() + "\n"


def is_furniture(element: object) -> bool:
    from bs4 import Tag

    if not isinstance(element, Tag) or element.name in ("html", "body", "main", "article"):
        return False
    names = " ".join([*element.get("class", []), str(element.get("id", "")), str(element.get("role", ""))])
    return bool(FURNITURE.search(names)) and element.name not in ("table", "tr", "td", "th")


def pdf_text(path: Path) -> str:
    import pdfplumber

    parts: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            boxes = [table.bbox for table in tables]
            outside = page.filter(lambda item, boxes=boxes: not any(inside(item, box) for box in boxes))
            pieces = [(line["top"], line) for line in outside.extract_text_lines()]
            pieces += [(table.bbox[1], table) for table in tables]
            parts.extend(page_blocks(sorted(pieces, key=lambda piece: piece[0])))
    return "\n".join(parts).strip() + "\n"


def inside(item: dict[str, object], box: tuple[float, float, float, float]) -> bool:
    if "x0" not in item or "top" not in item:
        return False
    x0, top, x1, bottom = box
    return x0 <= float(item["x0"]) <= x1 and top <= float(item["top"]) <= bottom  # type: ignore[arg-type]


def page_blocks(pieces: list[tuple[float, object]]) -> list[str]:
    """Lines joined into paragraphs and headings, tables as rows, in reading order."""
    lines = [piece for _, piece in pieces if isinstance(piece, dict)]
    body = body_size(lines)
    blocks: list[str] = []
    paragraph: list[str] = []
    previous: dict[str, object] | None = None
    heading: dict[str, object] | None = None
    for _, piece in pieces:
        if not isinstance(piece, dict):
            flush(paragraph, blocks)
            rows = piece.extract()  # type: ignore[attr-defined]
            blocks.extend(" | ".join(squeeze(cell or "") for cell in row) for row in rows if any(row))
            previous = heading = None
            continue
        wrapped = heading is not None and heading_styled(piece, body) and not ends_paragraph(heading, piece)
        if wrapped or is_pdf_heading(piece, body):
            flush(paragraph, blocks)
            text = squeeze(str(piece["text"]))
            if heading is not None and not ends_paragraph(heading, piece):  # a heading wrapped over lines
                blocks[-1] = f"{blocks[-1].rstrip()} {text}\n"
            else:
                blocks.append(f"\n{text}\n")
            heading, previous = piece, None
            continue
        heading = None
        if previous is not None and ends_paragraph(previous, piece):
            flush(paragraph, blocks)
        paragraph.append(squeeze(str(piece["text"])))
        previous = piece
    flush(paragraph, blocks)
    return blocks


def flush(paragraph: list[str], blocks: list[str]) -> None:
    """The paragraph's lines as one block: a line that ends in a word and a hyphen ("Asia-") runs on
    into the next without a space ("Asia-Pacific"); a hyphen and a space inside a line stay as they are."""
    if paragraph:
        text = paragraph[0]
        for line in paragraph[1:]:
            text += line if re.search(r"\w-$", text) and re.match(r"\w", line) else " " + line
        blocks.append(text)
        paragraph.clear()


def sizes(line: dict[str, object]) -> list[float]:
    return [float(char["size"]) for char in line.get("chars", [])]  # type: ignore[union-attr, index]


def body_size(lines: list[dict[str, object]]) -> float:
    every = sorted(size for line in lines for size in sizes(line))
    return every[len(every) // 2] if every else 0.0


def heading_styled(line: dict[str, object], body: float) -> bool:
    """Set in bold, or larger than the body text."""
    chars = line.get("chars", [])
    line_sizes = sizes(line)
    bold = bool(chars) and all("Bold" in str(char.get("fontname", "")) for char in chars)  # type: ignore[union-attr]
    larger = bool(line_sizes) and min(line_sizes) >= body * HEADING_SIZE
    return bold or larger


def is_pdf_heading(line: dict[str, object], body: float) -> bool:
    # A heading ends without a full stop or a colon; ";" or "," may end a heading wrapped over lines,
    # and a heading's later lines may end in anything (`page_blocks` joins them to its first line).
    return heading_styled(line, body) and not str(line["text"]).rstrip().endswith((".", ":"))


def ends_paragraph(previous: dict[str, object], line: dict[str, object]) -> bool:
    height = float(previous["bottom"]) - float(previous["top"])  # type: ignore[arg-type]
    gap = float(line["top"]) - float(previous["bottom"])  # type: ignore[arg-type]
    return gap > height * PARAGRAPH_GAP
