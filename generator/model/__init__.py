"""The data that flows between the pipeline's stages.

Frozen dataclasses only: this package imports no spaCy, Jinja or pyvis, so every
stage can be read and tested on its own. One noun per module: entity_types.py
(what kinds of thing, and how the site shows each), article.py (an article and
what extract finds in it), corpus.py (entities and the graph), build.py (pages,
memory, problems). Offsets are character offsets into the
seed file's text as decoded (front matter included), so a mention can always be
found again in the file an editor wrote.

read gives Articles; extract an Extraction of each (ExtractedArticle pairs the
two); resolve a Corpus of Entities; relate the site graph, whose nodes are Nodes
and whose edges are Links; render Pages.
"""

from __future__ import annotations

from .article import (
    Action,
    Article,
    ArticleMeta,
    Block,
    ExtractedArticle,
    Extraction,
    Mention,
    Quote,
    Reference,
    Sentence,
)
from .build import (
    Memory,
    Page,
    Problem,
    Report,
)
from .corpus import (
    Act,
    ArticleEntity,
    Corpus,
    Entity,
    EntityMention,
    Evidence,
    Link,
    Node,
    Quotation,
)
from .entity_types import (
    TYPE_INFO,
    TYPE_PRIORITY,
    TYPES,
    EntityType,
    TypeInfo,
)

__all__ = [
    "TYPES",
    "TYPE_INFO",
    "TYPE_PRIORITY",
    "Act",
    "Action",
    "Article",
    "ArticleEntity",
    "ArticleMeta",
    "Block",
    "Corpus",
    "Entity",
    "EntityMention",
    "EntityType",
    "Evidence",
    "ExtractedArticle",
    "Extraction",
    "Link",
    "Memory",
    "Mention",
    "Node",
    "Page",
    "Problem",
    "Quotation",
    "Quote",
    "Reference",
    "Report",
    "Sentence",
    "TypeInfo",
]
