"""An article as read (read) and what extract finds in it: sentences, mentions, actions, quotes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from .entity_types import EntityType


@dataclass(frozen=True)
class ArticleMeta:
    """Front-matter fields an editor (or a crawler) gave the seed."""

    date: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    summary: str | None = None
    tags: tuple[str, ...] = ()
    entities: Any = None  # the `entities:` curation mapping as written (curation.py reads it)


@dataclass(frozen=True)
class Block:
    """A paragraph or a section heading, as it stands in the seed."""

    kind: str  # "paragraph" or "heading"
    text: str
    start: int  # offset of text in the seed file
    anchor: str  # HTML id on the article page


@dataclass(frozen=True)
class Article:
    """One seed, read and split into blocks; no language work done yet."""

    source: Path  # path as given (relative to the project root where possible)
    slug: str
    title: str
    title_start: int | None  # offset of the title in the file, None if not in the text
    meta: ArticleMeta
    blocks: tuple[Block, ...]
    text: str  # the whole decoded file, for offsets

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "paragraph")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a block, with its offsets in the seed file."""

    block: int  # index into Article.blocks, -1 for the title
    start: int
    end: int
    text: str


class Reference(str, Enum):
    """How a mention that is no name stands for one (extract/coref.py finds them)."""

    ROLE = "role"  # "Russia's President", "the Russian leader": the person who holds that role here
    PRONOUN = "pronoun"  # "he", "she": the last person who was a subject
    PAIR = "pair"  # "the two leaders": two mentions, the second starting one word in (a mention is known


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name in a seed, as the extractor found it."""

    text: str  # exactly as it stands in the file
    start: int
    end: int
    sentence: int  # index into the article's sentences
    type: EntityType
    name: str  # cleaned name before resolution (possessive and article stripped)
    role: str | None = None  # role the text gives right here ("Russian President")
    role_of: int | None = None  # Mention.start of the one the role is of ("Russia" in "Russia's envoy")
    refers: Reference | None = None  # set when the text is no name but stands for one ("he", "the president")


@dataclass(frozen=True)
class Action:
    """Who did what to whom in one sentence, as the dependency parse tells it, or a role the sentence gives
    ("Russia's chief negotiator, Vladimir Medinsky": Medinsky, chief negotiator, Russia).

    The two parties are named by the start offsets of their mentions, so the
    action survives however resolve groups mentions into entities.
    """

    subject: int  # Mention.start of the one who acts
    object: int  # Mention.start of the one acted on (or the partner)
    verb: str  # Verb.key (verbs.py): "meet", "visit", ...
    sentence: int  # index into the article's sentences
    mutual: bool = False  # both did it together ("X and Y signed an agreement")
    detail: str | None = None  # for a role: its words ("chief negotiator")
    mood: str | None = (
        None  # None: it happened (past); "present"; else the words before it: "will", "vowed to"
    )


@dataclass(frozen=True)
class Quote:
    """Words a person said, in quotation marks, and who said them (extract/quotes.py)."""

    speaker: int  # Mention.start of the speaker (a name, a role or a pronoun standing for one)
    start: int  # the quoted words' offsets in the seed, inside the quotation marks
    end: int
    sentence: int  # index into the article's sentences of the sentence the quote opens in


@dataclass(frozen=True)
class Extraction:
    """What extract finds in one article: a function of its text, its kind and the model (a cache entry)."""

    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    actions: tuple[Action, ...] = ()  # labelled relations: from the dependency parse, and roles
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class ExtractedArticle:
    """An article with what extract found in it."""

    article: Article
    extraction: Extraction

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.extraction.sentences

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return self.extraction.mentions

    @property
    def actions(self) -> tuple[Action, ...]:
        return self.extraction.actions

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.extraction.quotes
