"""What kinds of thing entities are, and how the site shows each: TYPES is the one table of them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
