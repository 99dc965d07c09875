"""The site's entities (resolve) and its graph's nodes and links (relate)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .article import ExtractedArticle, Mention
from .entity_types import EntityType


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
class Evidence:
    """A sentence that supports a relation."""

    article: str  # Article.slug
    anchor: str  # Block.anchor of the paragraph
    sentence: str


@dataclass(frozen=True)
class Quotation:
    """A Quote resolved to its speaker: what an entity said, where."""

    speaker: str  # Entity.id
    article: str  # Article.slug
    text: str  # the quoted words, as the seed has them (article text: escape it like any)
    evidence: Evidence  # the paragraph it stands in, and its sentence


@dataclass(frozen=True)
class Corpus:
    """Everything resolve knows: the site's entities and where they stand."""

    articles: tuple[ExtractedArticle, ...]
    entities: dict[str, Entity]
    mentions: tuple[EntityMention, ...]
    article_entities: dict[str, tuple[ArticleEntity, ...]]  # by article slug
    quotations: tuple[Quotation, ...] = ()  # in article and text order


@dataclass(frozen=True)
class Act:
    """An Action resolved to entities: who did what to whom, and the sentence that says so."""

    verb: str  # Verb.key
    source: str  # Entity.id of the one who acts
    target: str  # Entity.id of the one acted on; for a mutual act, the other party
    mutual: bool
    article: str  # Article.slug
    evidence: Evidence
    detail: str | None = None  # for a role: its words ("chief negotiator")
    mood: str | None = None  # Action.mood


@dataclass(frozen=True)
class Node:
    """An entity as the site graph holds it."""

    name: str
    type: EntityType
    mentions: int  # across the site (in an article's own view: in that article, views.article_view)
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
