"""The data that flows between the pipeline's stages.

Frozen dataclasses only: this module imports no spaCy, Jinja or pyvis, so every
stage can be read and tested on its own. Offsets are character offsets into the
seed file's text as decoded (front matter included), so a mention can always be
found again in the file an editor wrote.

read gives Articles; extract an Extraction of each (ExtractedArticle pairs the
two); resolve a Corpus of Entities; relate the site graph, whose nodes are Nodes
and whose edges are Links; render Pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any


class EntityType(str, Enum):
    """What kind of thing an entity is; the value is what pages and JSON show."""

    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"
    GROUP = "group"
    DATE = "date"
    EVENT = "event"
    OTHER = "other"


# Which type wins a tied vote (within an article, and across the site).
TYPE_PRIORITY = (
    EntityType.PERSON,
    EntityType.PLACE,
    EntityType.ORGANIZATION,
    EntityType.GROUP,
    EntityType.EVENT,
    EntityType.OTHER,
    EntityType.DATE,
)


@dataclass(frozen=True)
class TypeInfo:
    """How the site shows one entity type. TYPES is the one table of them: the pages, the sidebar
    partial (through the MkDocs hook) and the graph script (through render/assets.py) all read it."""

    type: EntityType
    label: str  # "Person": a node's tooltip, an entity page's summary
    plural: str  # "People": index sections, sidebar headings
    shape: (
        str | None
    )  # vis-network's name for its nodes' shape; None: never a node (dates stay on the timeline)
    sidebar: int  # place in an article's sidebar: what the story is about, then when, then the rest
    index_page: str | None = None  # docs path of the type's own index page

    @property
    def colour(self) -> str:
        """The CSS variable of its colour (explainer.css sets it for light and dark)."""
        return f"--explainer-{self.type.value}"


# In index order: People, Places, Organisations first.
TYPES: tuple[TypeInfo, ...] = (
    TypeInfo(EntityType.PERSON, "Person", "People", "dot", 0, "people.md"),
    TypeInfo(EntityType.PLACE, "Place", "Places", "square", 1, "places.md"),
    TypeInfo(EntityType.ORGANIZATION, "Organisation", "Organisations", "diamond", 2, "organisations.md"),
    TypeInfo(EntityType.GROUP, "Group", "Groups", "triangle", 4),
    TypeInfo(EntityType.EVENT, "Event", "Events", "star", 5),
    TypeInfo(EntityType.OTHER, "Other", "Other", "triangleDown", 6),
    TypeInfo(EntityType.DATE, "Date", "Dates", None, 3),
)
TYPE_INFO: dict[EntityType, TypeInfo] = {info.type: info for info in TYPES}


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


@dataclass(frozen=True)
class Action:
    """Who did what to whom in one sentence, as the dependency parse tells it.

    The two parties are named by the start offsets of their mentions, so the
    action survives however resolve groups mentions into entities.
    """

    subject: int  # Mention.start of the one who acts
    object: int  # Mention.start of the one acted on (or the partner)
    verb: str  # Verb.key (verbs.py): "meet", "visit", ...
    sentence: int  # index into the article's sentences
    mutual: bool = False  # both did it together ("X and Y signed an agreement")


@dataclass(frozen=True)
class Extraction:
    """What extract finds in one article: a function of its text, its kind and the model (a cache entry)."""

    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    actions: tuple[Action, ...] = ()  # labelled relations from the dependency parse


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


@dataclass(frozen=True)
class Entity:
    """One real thing across the whole site."""

    id: str  # stable across builds; also the slug of its page
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    description: str | None = None
    link: str | None = None
    country: str | None = (
        None  # for a group: Entity.id of its country (North Korean → North Korea), not merged
    )


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
class Act:
    """An Action resolved to entities: who did what to whom, and the sentence that says so."""

    verb: str  # Verb.key
    source: str  # Entity.id of the one who acts
    target: str  # Entity.id of the one acted on; for a mutual act, the other party
    mutual: bool
    article: str  # Article.slug
    evidence: Evidence


@dataclass(frozen=True)
class Node:
    """An entity as the site graph holds it."""

    name: str
    type: EntityType
    mentions: int  # across the site
    articles: int
    role: str | None  # the role the articles give it most


@dataclass(frozen=True)
class Link:
    """An edge of the site graph: two entities named in the same sentences, and what one did to the other."""

    weight: int  # sentences that name both
    evidence: tuple[Evidence, ...]  # the first few of those sentences
    by_article: dict[str, int] = field(default_factory=dict)  # Article.slug → sentences there
    acts: tuple[Act, ...] = ()

    @property
    def direction(self) -> tuple[str, str] | None:
        """(subject, object) when every act on the link runs the same way; else None."""
        directed = {(a.source, a.target) for a in self.acts if not a.mutual}
        mutual = any(a.mutual for a in self.acts)
        return next(iter(directed)) if len(directed) == 1 and not mutual else None


@dataclass(frozen=True)
class Page:
    """A file the generator writes into docs/, path relative to docs/."""

    path: str
    content: bytes


@dataclass(frozen=True)
class Memory:
    """What the last build drew its pages from, so the next draws only the pages whose facts changed.

    facts holds a digest of every fact of the site a page read (render/site.py
    names them); pages holds, for each page drawn, the facts it read.
    """

    environment: str  # digest of the code, settings and libraries: another one draws every page
    facts: dict[str, str]  # fact key → digest
    pages: dict[str, tuple[str, ...]]  # docs path → keys of the facts it read
    named: dict[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # Article.slug → ids of the entities it names


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
    """Problems collected during a build; the CLI and the hook decide how to show them. Debug notes (what
    was cut from a web capture, and why) are kept apart: they are no problem, and --strict ignores them."""

    problems: list[Problem] = field(default_factory=list)
    debug: list[Problem] = field(default_factory=list)

    def add(self, path: str | Path, message: str, line: int | None = None, severity: str = "warning") -> None:
        (self.debug if severity == "debug" else self.problems).append(
            Problem(str(path), message, line, severity)
        )
