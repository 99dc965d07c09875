"""Stage 1, read: seed files → Article.

A seed is a .txt or .md file, UTF-8, with optional YAML front matter. This stage
decodes it (files.py), reads the front matter (front_matter.py, with a crawler's
fields mapped by captures.py), finds the title and splits the body into headings
and paragraphs (blocks.py), dropping page furniture and keeping every block's
offset in the file.
"""

from __future__ import annotations

from pathlib import Path

from ..boilerplate import is_furniture
from ..failures import doing
from ..model import Article, Block, Report
from ..slugs import SlugRegistry
from .blocks import cut_long_blocks, find_title, split_blocks
from .captures import (
    clean_front_matter,
    is_capture,
    looks_captured,
    page_stamp,
    settle_date,
    without_outlet,
)
from .files import SEED_SUFFIXES, WEB_PAGE_SUFFIXES, SeedError, decode, list_seeds, shown_path
from .front_matter import field_lines, read_meta, split_front_matter, text_field
from .furniture import STANDFIRST, story_blocks
from .inline import reader_text
from .pages import page_as_seed

__all__ = [
    "SEED_SUFFIXES",
    "SeedError",
    "decode",
    "list_seeds",
    "read_files",
    "read_seed",
    "read_seeds",
    "split_front_matter",
]


def read_seed(
    path: Path, settings_max_bytes: int, slugs: SlugRegistry, report: Report, display: str | None = None
) -> Article | None:
    """One seed as an Article, or None (with a problem reported) if it cannot be read safely."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > settings_max_bytes * 4:  # never load a huge file just to reject it
            raise SeedError(
                f"is {size // 1_000_000} MB, over the {settings_max_bytes // 1_000_000} MB cap; "
                "split it or raise extra.explainer.max_seed_bytes in mkdocs.yml"
            )
        text = decode(path.read_bytes(), name, report)
        if path.suffix.lower() in WEB_PAGE_SUFFIXES:
            text = page_as_seed(text)
        if len(text.encode("utf-8")) > settings_max_bytes:
            raise SeedError(
                f"has over {settings_max_bytes:,} bytes of text (the cap); split it or raise "
                "extra.explainer.max_seed_bytes in mkdocs.yml"
            )
        if not text.strip():
            raise SeedError("is empty (or only whitespace); write the article text in it or delete the file")
        values, body_start = split_front_matter(text)
        captured = is_capture(values)
        values = clean_front_matter(values, name, report)  # crawler captures: title suffix, URL source, date
    except SeedError as error:
        report.add(name, f"skipped: {error}", line=error.line, severity="error")
        return None
    except OSError as error:
        report.add(
            name,
            f"skipped: cannot be read ({error.strerror}); check the file's permissions",
            severity="error",
        )
        return None
    markdown = path.suffix.lower() != ".txt"
    lines = field_lines(text, body_start)
    title, title_start, content_start = find_title(
        values, text, body_start, markdown, Path(name), report, lines
    )
    blocks = split_blocks(text, content_start, markdown)
    saved_page = captured or looks_captured(blocks)
    if saved_page and not captured and title_start is None:
        # A saved page whose front matter does not say so: its title is a page's title too.
        values = without_outlet(values)
        title = " ".join(values["title"].split()) if isinstance(values.get("title"), str) else title
    if saved_page:
        summary = values.get("summary") if isinstance(values.get("summary"), str) else None
        # A saved page's main text was found already (trafilatura): only what is inside it is judged.
        kept, dropped = story_blocks(blocks, title, summary, find_story=values.get("capture") != "html")
        # The page's time stamp: a line above the story's text that gives a date.
        stamp = page_stamp([blocks[i][1] for i in range(min(kept, default=len(blocks)))])
        for index, reason in dropped:
            kind, block_text, offset = blocks[index]
            if reason == STANDFIRST and summary is None:
                # shown as the page's standfirst, as a reader sees it
                values = {**values, "summary": " ".join(reader_text(block_text).split())}
            line = text.count("\n", 0, offset) + 1
            report.add(
                name,
                f"dropped as page furniture ({reason}): {' '.join(block_text.split())[:70]}",
                line,
                severity="debug",
            )
        blocks = [blocks[i] for i in kept]
    else:
        blocks = [b for b in blocks if not is_furniture(b[1])]
    blocks = cut_long_blocks(blocks, text, name, report)
    if not title or not any(kind == "paragraph" for kind, _, _ in blocks):
        report.add(
            name,
            "skipped: has no article text after the front matter; write the article below the --- lines",
            severity="error",
        )
        return None
    if saved_page:
        first = next((t for kind, t, _ in blocks if kind == "paragraph"), "")
        values = settle_date(values, first, name, report, lines, stamp)
    meta = read_meta(values, Path(name), report, lines)
    slug = slugs.claim(text_field(values, "slug", Path(name), report, lines) or title, key=name)
    section = 0
    anchors = []
    paragraph = 0
    for kind, _, _ in blocks:
        if kind == "heading":
            section += 1
            anchors.append(f"s{section}")
        else:
            paragraph += 1
            anchors.append(f"p{paragraph}")
    # What a reader sees: a Markdown seed's links, emphasis and escapes as text, at the same offsets.
    shown = reader_text(text, body_start) if markdown else text
    return Article(
        source=Path(name),
        slug=slug,
        title=title,
        title_start=title_start,
        meta=meta,
        blocks=tuple(Block(kind, shown[o : o + len(t)], o, a) for (kind, t, o), a in zip(blocks, anchors)),
        text=shown,
    )


def read_seeds(seeds_dir: Path, max_bytes: int, report: Report, root: Path | None = None) -> list[Article]:
    """Every readable seed under seeds_dir, in a stable order, with unique slugs."""
    return read_files(list_seeds(seeds_dir, report, root), max_bytes, report, root)


def read_files(paths: list[Path], max_bytes: int, report: Report, root: Path | None = None) -> list[Article]:
    """These seed files, in this order, with unique slugs (those that cannot be read are reported)."""
    slugs = SlugRegistry()
    articles = []
    for path in paths:
        with doing(f"reading {shown_path(path, root)}"):
            article = read_seed(path, max_bytes, slugs, report, shown_path(path, root))
        if article is not None:
            articles.append(article)
    return articles
