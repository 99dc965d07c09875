"""Stage 1, read: seed files → Article.

A seed is a .txt or .md file, UTF-8, with optional YAML front matter. This stage
decodes it, reads the front matter, finds the title and splits the body into
headings and paragraphs, keeping every block's offset in the file.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler

from .model import Article, ArticleMeta, Block, Report
from .slugs import SlugRegistry

SEED_SUFFIXES = (".txt", ".md", ".markdown")
META_FIELDS = ("date", "source", "url", "author", "summary", "tags")
HEADING_MAX_WORDS = 8
HEADLINE_MAX_CHARS = 80
_FUNCTION_WORDS = {
    "a", "an", "and", "as", "at", "after", "before", "by", "during", "for", "from", "in",
    "into", "of", "on", "or", "over", "that", "the", "to", "which", "while", "with",
}
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


class SeedError(Exception):
    """A seed that cannot be read safely; the message says what to do."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


NOT_SEED_SUFFIXES = (".html", ".htm", ".rtf", ".docx", ".doc", ".odt", ".pdf", ".text", ".mdown")
MAX_BLOCK_CHARS = 100_000  # longer paragraphs are cut (spaCy refuses texts over 1,000,000 characters)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _shown(path: Path, root: Path | None) -> str:
    """A path as problems show it: relative to the project root where possible."""
    return str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)


def list_seeds(seeds_dir: Path, report: Report, root: Path | None = None) -> list[Path]:
    """Seed files under seeds_dir, sorted; dotfiles, links leaving the folder and non-seeds skipped."""
    if not seeds_dir.is_dir():
        report.add(_shown(seeds_dir, root), "seeds folder not found; create it and put .txt or .md articles in it", severity="error")
        return []
    real_root = seeds_dir.resolve()
    found = []
    for path in sorted(seeds_dir.rglob("*")):
        relative = path.relative_to(seeds_dir)
        name = _shown(path, root)
        hidden = any(part.startswith(".") for part in relative.parts)
        if hidden or path.is_dir():
            # A hidden article is most likely a mistake; editor lock and swap files are not.
            if hidden and path.suffix.lower() in SEED_SUFFIXES and not path.name.startswith(".#") and path.is_file():
                report.add(name, "ignored: its name (or a folder's) starts with a dot, so it is hidden; rename it to publish it")
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(real_root):
            report.add(name, "skipped: is a link to a file outside the seeds folder and is not followed; copy the file in instead", severity="error")
            continue
        if path.suffix.lower() in SEED_SUFFIXES:
            found.append(path)
        elif path.suffix.lower() in NOT_SEED_SUFFIXES:
            report.add(name, f"ignored: {path.suffix} files are not seeds; save it as .txt or .md to include it")
    return found


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when data looks like UTF-16 text without a byte order mark."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2:
        return None
    odd_zero = sample[1::2].count(0) / (len(sample) // 2)
    even_zero = sample[0::2].count(0) / (len(sample) // 2)
    if odd_zero > 0.9 and even_zero < 0.1:
        return "utf-16-le"
    if even_zero > 0.9 and odd_zero < 0.1:
        return "utf-16-be"
    return None


def decode(data: bytes, path: Path | str, report: Report) -> str:
    """Text of a seed: UTF-8 (BOM allowed), UTF-16, else cp1252; anything but UTF-8 is warned about."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise SeedError("is UTF-32 text, which is not supported; re-save it as UTF-8")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        elif b"\x00" in data[:8192] and (encoding := _utf16_without_bom(data)):
            text = data.decode(encoding)
            report.add(path, f"is {encoding.upper()} without a byte order mark; read as such — re-save the file as UTF-8")
        elif b"\x00" in data[:8192]:
            raise SeedError("looks like a binary file, not text; save the article as UTF-8 text")
        else:
            text = None
    except UnicodeDecodeError:
        raise SeedError("is broken UTF-16 (cut in the middle of a character?); re-save it as UTF-8") from None
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            report.add(path, "is not UTF-8; read as Windows-1252 (cp1252) — re-save the file as UTF-8", line=line)
            text = data.decode("cp1252", errors="replace")
    control = _CONTROL.search(text)
    if control:
        # Same length, so offsets into the text stay valid.
        line = text.count("\n", 0, control.start()) + 1
        report.add(path, "has control characters (shown as \ufffd); remove them or re-save the file as plain text", line=line)
        text = _CONTROL.sub("\ufffd", text)
    return text


def split_front_matter(text: str) -> tuple[dict, int]:
    """Front-matter mapping and the offset where the body starts."""
    handler = YAMLHandler()
    if not handler.detect(text):
        return {}, 0
    try:
        front, body = handler.split(text)
    except ValueError:
        raise SeedError("front matter starts with --- but has no closing --- line; add one after the last field", 1) from None
    try:
        values = yaml.safe_load(front)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for the opening ---, +1 for 1-based
        problem = getattr(error, "problem", None) or "cannot be parsed"
        raise SeedError(f"front matter is not valid YAML ({problem}); fix it between the --- lines", line) from None
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise SeedError("front matter is not key: value pairs; write one field per line between the --- lines, e.g. title: My title", 2)
    return values, len(text) - len(body)


def _text_field(values: dict, key: str, path: Path, report: Report) -> str | None:
    value = values.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    if hasattr(value, "isoformat"):  # YAML dates
        return value.isoformat()
    report.add(path, f"front matter '{key}' should be text, not a {type(value).__name__}; ignored — write it as {key}: some text")
    return None


def _date_field(values: dict, path: Path, report: Report) -> str | None:
    """The date as given, if it is one; an unparseable date is dropped with a warning."""
    if isinstance(values.get("date"), (datetime.date, datetime.datetime)):
        return values["date"].isoformat()
    text = _text_field(values, "date", path, report)
    if text is None:
        return None
    try:
        datetime.date.fromisoformat(text[:10])
        return text
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for dates that are not ISO

    if dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True}) is None:
        report.add(path, f"front matter 'date' is not a date ({text[:40]!r}); ignored — write it as date: 2024-05-01")
        return None
    return text


def read_meta(values: dict, path: Path, report: Report) -> ArticleMeta:
    tags = values.get("tags")
    if tags is None:
        tags = ()
    elif isinstance(tags, str):
        tags = tuple(t.strip() for t in tags.split(",") if t.strip())
    elif isinstance(tags, list):
        tags = tuple(str(t) for t in tags if isinstance(t, (str, int, float)))
    else:
        report.add(path, "front matter 'tags' should be a list; ignored — write it as tags: [one, two]")
        tags = ()
    fields = {key: _text_field(values, key, path, report) for key in META_FIELDS if key not in ("tags", "date")}
    fields["date"] = _date_field(values, path, report)
    return ArticleMeta(tags=tags, **fields)


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
            blocks.append(("heading", heading.group(2), lead + stripped.index(heading.group(2)) if heading.group(2) else lead))
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
            ("heading", t[:-1].rstrip(), o) if k == "paragraph" and "\n" not in t and _is_plain_heading(t) else (k, t, o)
            for k, t, o in blocks
        ]
    return [b for b in blocks if b[1]]


def cut_long_blocks(blocks: list[tuple[str, str, int]], text: str, name: str, report: Report) -> list[tuple[str, str, int]]:
    """Paragraphs over MAX_BLOCK_CHARS cut at a sentence end (or a space) before the limit."""
    out = []
    for kind, block_text, offset in blocks:
        if len(block_text) <= MAX_BLOCK_CHARS:
            out.append((kind, block_text, offset))
            continue
        line = text.count("\n", 0, offset) + 1
        report.add(name, f"has a paragraph of {len(block_text):,} characters; cut into parts — put blank lines between paragraphs", line=line)
        rest, start = block_text, offset
        while rest:
            if len(rest) <= MAX_BLOCK_CHARS:
                cut = len(rest)
            else:
                window = rest[:MAX_BLOCK_CHARS]
                cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? ")) + 1 or window.rfind(" ") + 1 or MAX_BLOCK_CHARS
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
    match = re.match(r"(.+?[.!?])(\s|$)", text, re.S)
    return match.group(1) if match else text


def find_title(values: dict, text: str, body_start: int, markdown: bool, path: Path, report: Report) -> tuple[str, int | None, int]:
    """Title, its offset in the text (None if not from the text) and where the body starts."""
    title = _text_field(values, "title", path, report)
    if title:
        return " ".join(title.split()), None, body_start
    lines = _lines(text, body_start, len(text))
    nonblank = [(i, o, l) for i, (o, l) in enumerate(lines) if l.strip()]
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
    for _, o, l in nonblank:
        match = _MD_HEADING.match(l.strip())
        if match:
            return match.group(2), None, body_start
    return headline_from(first_sentence(text[lead:])), None, body_start


def read_seed(path: Path, settings_max_bytes: int, slugs: SlugRegistry, report: Report, display: str | None = None) -> Article | None:
    """One seed as an Article, or None (with a problem reported) if it cannot be read safely."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > settings_max_bytes * 4:  # never load a huge file just to reject it
            raise SeedError(f"is {size // 1_000_000} MB, over the {settings_max_bytes // 1_000_000} MB cap; split it or raise max_seed_bytes")
        text = decode(path.read_bytes(), name, report)
        if len(text.encode("utf-8")) > settings_max_bytes:
            raise SeedError(f"has over {settings_max_bytes:,} bytes of text (the cap); split it or raise extra.explainer.max_seed_bytes")
        if not text.strip():
            raise SeedError("is empty (or only whitespace); write the article text in it or delete the file")
        values, body_start = split_front_matter(text)
    except SeedError as error:
        report.add(name, f"skipped: {error}", line=error.line, severity="error")
        return None
    except OSError as error:
        report.add(name, f"skipped: cannot be read ({error.strerror}); check the file's permissions", severity="error")
        return None
    markdown = path.suffix.lower() != ".txt"
    title, title_start, content_start = find_title(values, text, body_start, markdown, Path(name), report)
    blocks = cut_long_blocks(split_blocks(text, content_start, markdown), text, name, report)
    if not title or not any(kind == "paragraph" for kind, _, _ in blocks):
        report.add(name, "skipped: has no article text after the front matter; write the article below the --- lines", severity="error")
        return None
    meta = read_meta(values, Path(name), report)
    slug = slugs.claim(_text_field(values, "slug", Path(name), report) or title, key=name)
    section = 0
    anchors = []
    paragraph = 0
    for kind, block_text, _ in blocks:
        if kind == "heading":
            section += 1
            anchors.append(f"s{section}")
        else:
            paragraph += 1
            anchors.append(f"p{paragraph}")
    return Article(
        source=Path(name),
        slug=slug,
        title=title,
        title_start=title_start,
        meta=meta,
        blocks=tuple(Block(kind, t, o, a) for (kind, t, o), a in zip(blocks, anchors)),
        text=text,
    )


def read_seeds(seeds_dir: Path, max_bytes: int, report: Report, root: Path | None = None) -> list[Article]:
    """Every readable seed under seeds_dir, in a stable order, with unique slugs."""
    paths = list_seeds(seeds_dir, report, root)
    slugs = SlugRegistry()
    articles = []
    for path in paths:
        article = read_seed(path, max_bytes, slugs, report, _shown(path, root))
        if article is not None:
            articles.append(article)
    return articles
