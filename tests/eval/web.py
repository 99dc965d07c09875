"""`make eval-web`: how well real web pages, furniture and all, become entity pages (issue 14's four figures).

    python -m tests.eval.web [--split dev|test|all] [--variant html|markdown|both] [--errors]

The pages are ../shared/corpus/web (read from there, never copied into the project); the gold is ours,
in tests/eval/web/: gold-readability.yml (24 pages whose article text is readability's expected.html)
and gold-crawled.yml (20 crawled news pages with their body paragraphs' first words). Each page is a seed
two ways: the saved page itself (an .html seed) and a Markdown capture of the whole page, front matter
and furniture included, as a crawler that saves Markdown (crawl4ai, Jina Reader, Firecrawl) writes it.
Each split of each variant is one site, so one real thing named by several pages must get one page.

The figures, per variant and split:
- entity pages that are a real, correctly typed, single named thing of the gold;
- real things (gold entities, the same name across pages counting once) with two or more pages;
- furniture lines left in article bodies, and real paragraphs dropped;
- real things named at least twice that have a page.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT.parent / "shared" / "corpus" / "web"
GOLD = Path(__file__).resolve().parent / "web"
TYPES = {
    "person": "person",
    "place": "place",
    "organization": "organization",
    "event": "event",
    "other": "other",
}


@dataclass
class GoldPage:
    page: str  # "readability-pages/bbc-1" or "crawled-pages/www.npr.org.html"
    split: str
    title: str
    date: str | None
    entities: list[dict]
    body: list[str] = field(
        default_factory=list
    )  # real paragraphs: whole (readability) or first words (crawled)
    whole_paragraphs: bool = True

    @property
    def html_path(self) -> Path:
        path = WEB / self.page
        return path / "source.html" if path.is_dir() else path

    @property
    def seed_name(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.page.split("/", 1)[1].lower()).strip("-")


def fold(text: str) -> str:
    text = (
        unicodedata.normalize("NFKC", text)
        .replace("’", "'")
        .replace("‘", "'")
        .replace("“", '"')
        .replace("”", '"')
    )
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"['’]s$", "", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split()).casefold()


def _paragraph_texts(expected_html: str) -> list[str]:
    """The text of each block element of readability's expected article body."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(expected_html)
    blocks = tree.xpath("//p | //li | //h1 | //h2 | //h3 | //h4 | //blockquote[not(.//p)] | //pre | //td")
    texts = [" ".join(b.text_content().split()) for b in blocks]
    return [t for t in texts if len(t) > 1]


def _first_words(text: str) -> str:
    return " ".join(text.split()[:8])


def load_gold() -> list[GoldPage]:
    pages = []
    # Readability keeps some furniture in its bodies (sign-ups, bios, captions): we annotated those blocks.
    furniture = yaml.safe_load((GOLD / "readability-furniture.yml").read_text(encoding="utf-8"))
    for entry in yaml.safe_load((GOLD / "gold-readability.yml").read_text(encoding="utf-8")):
        blocks = _paragraph_texts((WEB / entry["page"] / "expected.html").read_text(encoding="utf-8"))
        cut = {_first_words(start) for start in furniture.get(entry["page"]) or []}
        body = [b for b in blocks if _first_words(b) not in cut]
        pages.append(
            GoldPage(
                entry["page"],
                entry["split"],
                entry["title"],
                _date(entry.get("date")),
                entry["entities"],
                body,
                True,
            )
        )
    for entry in yaml.safe_load((GOLD / "gold-crawled.yml").read_text(encoding="utf-8")):
        body = [html.unescape(start) for start in entry["body"]]
        pages.append(
            GoldPage(
                entry["page"],
                entry["split"],
                entry["title"],
                _date(entry.get("date")),
                entry["entities"],
                body,
                False,
            )
        )
    return pages


def _date(value) -> str | None:
    return str(value)[:10] if value else None


def _manifest() -> dict[str, dict]:
    rows = {}
    with (WEB / "crawled-pages" / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows["crawled-pages/" + row["file"]] = row
    for folder in sorted((WEB / "readability-pages").iterdir()):
        meta = folder / "expected-metadata.json"
        if meta.is_file():
            data = json.loads(meta.read_text(encoding="utf-8"))
            rows["readability-pages/" + folder.name] = {
                "published_from_page": data.get("publishedTime") or ""
            }
    return rows


def markdown_capture(page: GoldPage, manifest: dict[str, dict]) -> str:
    """The page as a crawler saves it: front matter from the page's head, then the whole body as Markdown."""
    from lxml import html as lxml_html
    from markdownify import markdownify

    source = page.html_path.read_text(encoding="utf-8", errors="replace")
    tree = lxml_html.fromstring(source)
    title = " ".join((tree.findtext(".//title") or "").split())
    url = (manifest.get(page.page, {}).get("url_from_page") or "").strip()
    if not url:
        found = tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
        url = found[0].strip() if found else ""
    published = (manifest.get(page.page, {}).get("published_from_page") or "").strip()
    description = tree.xpath(
        '//meta[@name="description"]/@content | //meta[@property="og:description"]/@content'
    )
    for junk in tree.xpath("//script | //style | //noscript | //template | //svg | //iframe"):
        junk.drop_tree()
    body = tree.find(".//body")
    markdown = markdownify(
        lxml_html.tostring(body if body is not None else tree, encoding="unicode"),
        heading_style="ATX",
        bullets="*",
    )
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip()
    front = {
        "title": title or page.title,
        "date": published[:10] if re.match(r"\d{4}-\d\d-\d\d", published) else "unknown",
    }
    if url:
        front["source"] = url
    if description:
        front["description"] = " ".join(description[0].split())
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + markdown + "\n"


@dataclass
class Built:
    """What the pipeline made of a split's seeds: each page's kept paragraphs, and the entity pages."""

    paragraphs: dict[str, list[tuple[str, str]]]  # GoldPage.page → kept blocks (kind, text without markup)
    entity_pages: list[
        tuple[str, str, list[str], set[str]]
    ]  # (id, type, spellings, gold pages it is named in)
    problems: list[str]


def _plain(markdown: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`#>]+", " ", text)
    return " ".join(html.unescape(text).split())


def build(pages: list[GoldPage], variant: str, cache: Path) -> Built:
    from generator.config import Settings
    from generator.extract import Extractor
    from generator.model import Report
    from generator.pipeline import read_articles, resolve_articles
    from generator.relate import build_graph
    from generator.render import Site

    manifest = _manifest()
    with tempfile.TemporaryDirectory(prefix="eval-web-") as folder:
        seeds = Path(folder) / "seeds"
        seeds.mkdir()
        by_seed = {}
        for page in pages:
            if variant == "html":
                shutil.copy(page.html_path, seeds / f"{page.seed_name}.html")
                by_seed[f"{page.seed_name}.html"] = page
            else:
                (seeds / f"{page.seed_name}.md").write_text(
                    markdown_capture(page, manifest), encoding="utf-8"
                )
                by_seed[f"{page.seed_name}.md"] = page
        settings = Settings(root=Path(folder), cache=str(cache))
        report = Report()
        articles = read_articles(settings, report)
        with Extractor(settings) as extractor:
            corpus = resolve_articles(articles, extractor.extract(articles), settings, report)
        site = Site(settings, "eval", corpus, build_graph(corpus))
    # The title is on the page as its headline: it counts as kept text.
    paragraphs = {
        by_seed[a.source.name].page: [("title", a.title)] + [(b.kind, _plain(b.text)) for b in a.blocks]
        for a in articles
    }
    slug_page = {a.slug: by_seed[a.source.name].page for a in articles}
    named_in: dict[str, set[str]] = defaultdict(set)
    spellings: dict[str, set[str]] = defaultdict(set)
    for em in corpus.mentions:
        named_in[em.entity].add(slug_page[em.article])
        spellings[em.entity].add(em.mention.name)
    entity_pages = []
    for entity_id in site.entities_with_a_page():
        entity = corpus.entities[entity_id]
        names = {entity.name, *entity.aliases, *spellings[entity_id]}
        entity_pages.append((entity_id, entity.type.value, sorted(names), named_in[entity_id]))
    return Built(paragraphs, entity_pages, [str(p) for p in report.problems])


@dataclass
class Scores:
    pages: int = 0
    real_pages: int = 0
    things_with_two_pages: int = 0
    furniture_left: int = 0
    lines_kept: int = 0
    paragraphs_dropped: int = 0
    paragraphs: int = 0
    named_twice: int = 0
    named_twice_with_page: int = 0
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def row(self) -> dict[str, str]:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:.1f}% ({a}/{b})" if b else "-"

        return {
            "real, typed, single pages": pct(self.real_pages, self.pages),
            "things with 2+ pages": str(self.things_with_two_pages),
            "furniture lines left": pct(self.furniture_left, self.lines_kept),
            "real paragraphs dropped": pct(self.paragraphs_dropped, self.paragraphs),
            "named twice, with a page": pct(self.named_twice_with_page, self.named_twice),
        }


def _real_things(pages: list[GoldPage]) -> dict[str, dict]:
    """Gold entities by their folded name: the same name across pages is one real thing."""
    things: dict[str, dict] = {}
    for page in pages:
        for entity in page.entities:
            key = fold(entity["name"])
            thing = things.setdefault(
                key,
                {
                    "name": entity["name"],
                    "type": entity["type"],
                    "mentions": 0,
                    "spellings": set(),
                    "pages": set(),
                },
            )
            thing["mentions"] += int(entity.get("mentions") or 0)
            thing["spellings"] |= {fold(s) for s in entity.get("spellings") or []} | {key}
            thing["pages"].add(page.page)
    return things


def _covered(gold: str, kept: list[str]) -> bool:
    """A gold paragraph is kept if its text (or, for crawled pages, its first words) stands in the kept text
    (a converter may part one paragraph into two blocks)."""
    needle = fold(gold)
    return not needle or needle in fold(" ".join(kept))


def _is_real(block: str, gold: list[str], whole: bool) -> bool:
    """A kept block is article text if it is (a part of) a gold paragraph, or holds one's first words."""
    text = fold(block)
    if not text:
        return True
    if whole:
        return any(text in fold(g) or fold(g) in text for g in gold)
    return any(fold(g) in text or text in fold(g) for g in gold)


def score(pages: list[GoldPage], built: Built) -> Scores:
    scores = Scores()
    for page in pages:
        # The crawled pages' gold lists paragraphs, not subheadings: their headings are not judged.
        blocks = built.paragraphs.get(page.page, [])
        kept = [text for kind, text in blocks if page.whole_paragraphs or kind == "paragraph"]
        for block in kept[1:] if page.whole_paragraphs else kept:
            scores.lines_kept += 1
            if not _is_real(block, page.body, page.whole_paragraphs):
                scores.furniture_left += 1
                scores.errors["furniture left"].append(f"{page.page}: {block[:100]}")
        for paragraph in page.body:
            scores.paragraphs += 1
            if not _covered(paragraph, kept):
                scores.paragraphs_dropped += 1
                scores.errors["paragraph dropped"].append(f"{page.page}: {paragraph[:100]}")
    things = _real_things(pages)
    by_spelling: dict[str, set[str]] = defaultdict(set)
    for key, thing in things.items():
        for spelling in thing["spellings"]:
            by_spelling[spelling].add(key)
    pages_of: dict[str, list[str]] = defaultdict(list)
    for entity_id, entity_type, names, named_in in built.entity_pages:
        scores.pages += 1
        matched = {
            key
            for name in names
            for key in by_spelling.get(fold(name), ())
            if things[key]["pages"] & named_in
        }
        # The page's own name decides among several matches (a surname shared by two people).
        own = {key for key in matched if fold(names[0]) in things[key]["spellings"]} or matched
        if len(own) == 1:
            [key] = own
            pages_of[key].append(entity_id)
            if TYPES.get(things[key]["type"]) == entity_type:
                scores.real_pages += 1
            else:
                scores.errors["wrong type"].append(f"{entity_id} ({entity_type}), gold {things[key]['type']}")
        elif own:
            scores.errors["several things"].append(f"{entity_id}: {sorted(own)}")
        else:
            scores.errors["not a real thing"].append(f"{entity_id} ({entity_type}): {names[:4]}")
    for key, ids in pages_of.items():
        if len(ids) > 1:
            scores.things_with_two_pages += 1
            scores.errors["two pages"].append(f"{things[key]['name']}: {ids}")
    for key, thing in things.items():
        if thing["mentions"] >= 2:
            scores.named_twice += 1
            if key in pages_of:
                scores.named_twice_with_page += 1
            else:
                scores.errors["missed"].append(
                    f"{thing['name']} ({thing['type']}, {thing['mentions']} mentions)"
                )
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Entity pages and furniture on real web pages, against our gold."
    )
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--variant", choices=["html", "markdown", "both"], default="both")
    parser.add_argument("--errors", action="store_true", help="list each error")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not WEB.is_dir():
        sys.exit(f"eval-web: {WEB} not found; clone the project with ../shared beside it")
    sys.path.insert(0, str(ROOT))
    gold = load_gold()
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    variants = ["html", "markdown"] if args.variant == "both" else [args.variant]
    cache = ROOT / ".cache" / "eval-web"
    results = {}
    for variant in variants:
        for split in splits:
            pages = [p for p in gold if p.split == split]
            scores = score(pages, build(pages, variant, cache))
            results[f"{variant}/{split}"] = scores.row()
            if args.errors:
                for kind, items in scores.errors.items():
                    print(f"\n## {variant}/{split}: {kind} ({len(items)})")
                    for item in items:
                        print(f"- {item}")
    columns = list(next(iter(results.values())))
    width = max(len(c) for c in columns)
    print(f"\n{'':<{width}}  " + "  ".join(f"{name:<22}" for name in results))
    for column in columns:
        print(f"{column:<{width}}  " + "  ".join(f"{results[name][column]:<22}" for name in results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
