"""A seed's body as blocks: its title, and the headings and paragraphs after it, each with its offset."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Report
from .front_matter import text_field

HEADING_MAX_WORDS = 8
HEADLINE_MAX_CHARS = 80
_FUNCTION_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "after",
    "before",
    "by",
    "during",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "over",
    "that",
    "the",
    "to",
    "which",
    "while",
    "with",
}
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MAX_BLOCK_CHARS = 100_000  # longer paragraphs are cut (spaCy refuses texts over 1,000,000 characters)


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, line) pairs of text[start:end], line endings dropped."""
    out = []
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text[start:end]):
        raw = match.group(0)
        if not raw:
            break
        out.append((start + match.start(), raw.rstrip("\r\n")))
    return out


def _is_plain_heading(line: str) -> bool:
    """A short standalone line ending in ':' ('Welcome of the President:')."""
    stripped = line.strip()
    return (
        stripped.endswith(":")
        and len(stripped) > 1
        and len(stripped.split()) <= HEADING_MAX_WORDS
        and not stripped[:-1].rstrip().endswith((".", "!", "?", ","))
    )


def split_blocks(text: str, start: int, markdown: bool) -> list[tuple[str, str, int]]:
    """(kind, text, offset) for each heading and paragraph of text[start:].

    Paragraphs are separated by blank lines; a body without blank lines has one
    paragraph per line, like the example seed.
    """
    lines = _lines(text, start, len(text))
    has_blank_lines = any(not line.strip() for _, line in lines[1:-1])
    blocks: list[tuple[str, str, int]] = []
    pending: list[tuple[int, str]] = []

    def flush() -> None:
        if pending:
            first_offset, first_line = pending[0]
            last_offset, last_line = pending[-1]
            begin = first_offset + len(first_line) - len(first_line.lstrip())
            end = last_offset + len(last_line.rstrip())
            if end > begin:
                blocks.append(("paragraph", text[begin:end], begin))
            pending.clear()

    for offset, line in lines:
        stripped = line.strip()
        lead = offset + len(line) - len(line.lstrip())
        heading = _MD_HEADING.match(stripped)
        if not stripped:
            flush()
        elif heading:
            flush()
            blocks.append(
                (
                    "heading",
                    heading.group(2),
                    lead + stripped.index(heading.group(2)) if heading.group(2) else lead,
                )
            )
        elif not markdown and _is_plain_heading(line) and (not has_blank_lines or not pending):
            flush()
            blocks.append(("heading", stripped[:-1].rstrip(), lead))
        elif has_blank_lines:
            pending.append((offset, line))
        else:
            blocks.append(("paragraph", stripped, lead))
    flush()
    # In blank-line mode, a one-line paragraph ending in ':' is a heading too.
    if has_blank_lines and not markdown:
        blocks = [
            ("heading", t[:-1].rstrip(), o)
            if k == "paragraph" and "\n" not in t and _is_plain_heading(t)
            else (k, t, o)
            for k, t, o in blocks
        ]
    return [b for b in blocks if b[1]]


def cut_long_blocks(
    blocks: list[tuple[str, str, int]], text: str, name: str, report: Report
) -> list[tuple[str, str, int]]:
    """Paragraphs over MAX_BLOCK_CHARS cut at a sentence end (or a space) before the limit."""
    out = []
    for kind, block_text, offset in blocks:
        if len(block_text) <= MAX_BLOCK_CHARS:
            out.append((kind, block_text, offset))
            continue
        line = text.count("\n", 0, offset) + 1
        report.add(
            name,
            f"has a paragraph of {len(block_text):,} characters; cut into parts — "
            "put blank lines between paragraphs",
            line=line,
        )
        rest, start = block_text, offset
        while rest:
            if len(rest) <= MAX_BLOCK_CHARS:
                cut = len(rest)
            else:
                window = rest[:MAX_BLOCK_CHARS]
                cut = (
                    max(window.rfind(". "), window.rfind("! "), window.rfind("? ")) + 1
                    or window.rfind(" ") + 1
                    or MAX_BLOCK_CHARS
                )
            piece = rest[:cut]
            stripped = piece.strip()
            if stripped:
                out.append(("paragraph", stripped, start + piece.index(stripped[0])))
            rest, start = rest[cut:], start + cut
    return out


def headline_from(sentence: str) -> str:
    """A short headline from a first sentence: cut before a function word near 80 characters."""
    sentence = " ".join(sentence.split()).rstrip(".!?;:")
    if len(sentence) <= HEADLINE_MAX_CHARS:
        return sentence
    words = sentence.split(" ")
    best = None
    for i in range(3, len(words)):
        prefix = " ".join(words[:i])
        if len(prefix) > HEADLINE_MAX_CHARS:
            break
        if words[i].lower() in _FUNCTION_WORDS or words[i - 1].endswith(","):
            best = prefix.rstrip(",")
    if best is None:
        best = sentence[:HEADLINE_MAX_CHARS].rsplit(" ", 1)[0]
    return best


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text, re.DOTALL)
    return match.group(1) if match else text


def find_title(
    values: dict,
    text: str,
    body_start: int,
    markdown: bool,
    path: Path,
    report: Report,
    lines: dict[str, int] | None = None,
) -> tuple[str, int | None, int]:
    """Title, its offset in the text (None if not from the text) and where the body starts."""
    title = text_field(values, "title", path, report, lines)
    if title:
        return " ".join(title.split()), None, body_start
    lines = _lines(text, body_start, len(text))
    nonblank = [(i, o, text_line) for i, (o, text_line) in enumerate(lines) if text_line.strip()]
    if not nonblank:
        return "", None, body_start
    i, offset, line = nonblank[0]
    lead = offset + len(line) - len(line.lstrip())
    heading = _MD_HEADING.match(line.strip())
    if heading:
        title_text = heading.group(2)
        return title_text, lead + line.strip().index(title_text), offset + len(line)
    followed_by_blank = i + 1 < len(lines) and not lines[i + 1][1].strip()
    if followed_by_blank and len(line.strip()) <= 200:
        return line.strip(), lead, offset + len(line)
    for _, _, text_line in nonblank:
        match = _MD_HEADING.match(text_line.strip())
        if match:
            return match.group(2), None, body_start
    return headline_from(first_sentence(text[lead:])), None, body_start
