"""The data that flows between the pipeline's stages.

Frozen dataclasses only: this module imports no spaCy, Jinja or pyvis, so every
stage can be read and tested on its own. Offsets are character offsets into the
seed file's text as decoded (front matter included), so a mention can always be
found again in the file an editor wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class EntityType(str, Enum):
    """What kind of thing an entity is; the value is what pages and JSON show."""

    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"
    GROUP = "group"
    DATE = "date"
    EVENT = "event"
    OTHER = "other"


@dataclass(frozen=True)
class ArticleMeta:
    """Front-matter fields an editor (or a crawler) gave the seed."""

    date: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    summary: str | None = None
    tags: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name in a seed, as the extractor found it."""

    text: str  # exactly as it stands in the file
    start: int
    end: int
    sentence: int  # index into ExtractedArticle.sentences
    type: EntityType
    name: str  # cleaned name before resolution (possessive and article stripped)
    role: str | None = None  # role the text gives right here ("Russian President")


@dataclass(frozen=True)
class Action:
    """Who did what to whom in one sentence, as the dependency parse tells it.

    The two parties are named by the start offsets of their mentions, so the
    action survives however resolve groups mentions into entities.
    """

    subject: int  # Mention.start of the one who acts
    object: int  # Mention.start of the one acted on (or the partner)
    label: str  # "met", "visited", "signed an agreement with", ...
    sentence: int  # index into ExtractedArticle.sentences
    mutual: bool = False  # both did it together ("X and Y signed an agreement")


@dataclass(frozen=True)
class ExtractedArticle:
    """An article with its sentences and raw mentions."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    actions: tuple[Action, ...] = ()  # labelled relations from the dependency parse


@dataclass(frozen=True)
class Entity:
    """One real thing across the whole site."""

    id: str  # stable across builds; also the slug of its page
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    description: str | None = None
    link: str | None = None
    country: str | None = None  # for a group: Entity.id of its country (North Korean → North Korea), not merged


@dataclass(frozen=True)
class EntityMention:
    """A mention resolved to an entity, in one article."""

    entity: str  # Entity.id
    article: str  # Article.slug
    mention: Mention


@dataclass(frozen=True)
class ArticleEntity:
    """An entity as one article presents it: for the sidebar and the graph."""

    entity: str
    count: int
    role: str | None


@dataclass(frozen=True)
class Corpus:
    """Everything resolve knows: the site's entities and where they stand."""

    articles: tuple[ExtractedArticle, ...]
    entities: dict[str, Entity]
    mentions: tuple[EntityMention, ...]
    article_entities: dict[str, tuple[ArticleEntity, ...]]  # by article slug


@dataclass(frozen=True)
class Evidence:
    """A sentence that supports a relation."""

    article: str  # Article.slug
    anchor: str  # Block.anchor of the paragraph
    sentence: str


@dataclass(frozen=True)
class Relation:
    """An edge of the site graph between two entities (a < b)."""

    a: str
    b: str
    kind: str  # "co-occurrence" or a verb label such as "met"
    weight: int
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Page:
    """A file the generator writes into docs/, path relative to docs/."""

    path: str
    content: bytes
    # An entity page's: the other entities it shows (graph, Related). The next build redraws it when one changes.
    draws: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input, told to the editor in one line."""

    path: str
    message: str
    line: int | None = None
    severity: str = "warning"  # "warning" (built anyway) or "error" (skipped)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class Report:
    """Problems collected during a build; the CLI and the hook decide how to show them."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, path: str | Path, message: str, line: int | None = None, severity: str = "warning") -> None:
        self.problems.append(Problem(str(path), message, line, severity))
