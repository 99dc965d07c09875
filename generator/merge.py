"""Which mentions are one real thing: the keys mentions group under, and the rules that merge groups, as an
editor would merge them.

In an article:
- a shorter name joins the one longer name it ends ('Putin' and 'de Miranda' their full names; 'the Times'
  'The New York Times'), or a person's it begins ('Grace', though typed a place, Grace Mugabe), the nearest
  one before it when there are several;
- an acronym the text defines joins what it stands for ('the Center for Strategic and International
  Studies (CSIS)').
Across the site:
- spelling keys merge (U.S. / US / United States; Zelensky / Zelenskyy / Zelenskiy; Sergei / Sergey);
- a lone surname joins the one full name of the site that ends in it, or the one named far more than any
  other that does (a lone 'Smith' beside John and Jane Smith stays apart);
- a name typed as something else joins the person it names ('Trump' in 'the Trump administration');
- an acronym joins what the articles define it as, or what a well-known list gives (EU, European Union).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .model import EntityType, ExtractedArticle, Mention
from .names import WELL_KNOWN_ACRONYMS, canonical_name, demonym_country, fold, is_place, person_key

DOMINANT = (
    3  # a full name named this many times more than all others sharing its surname takes the lone surname
)
_DEFINED = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][A-Za-z&]{1,9})\s*\)")
_MINOR_WORDS = frozenset("of and the for on in at to de del la le".split())


@dataclass
class Group:
    """Mentions of one entity, as (article slug, mention) pairs, and what the editor set."""

    key: str
    mentions: list[tuple[str, Mention]] = field(default_factory=list)
    name: str | None = None
    type: EntityType | None = None
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    link: str | None = None

    def spellings(self) -> set[str]:
        return {fold(m.name) for _, m in self.mentions} | {fold(a) for a in self.aliases}


def base_key(mention: Mention) -> str:
    if mention.type is EntityType.PERSON:
        return "person:" + person_key(mention.name)
    if mention.type is EntityType.DATE:
        return "date:" + fold(mention.name)
    name = canonical_name(mention.name)
    if mention.type is EntityType.GROUP and demonym_country(name) and name.endswith("s"):
        name = name[:-1]  # 'Russians' and 'Russian' are one group
    return "name:" + fold(name)


def _initials(name: str) -> str:
    return "".join(
        word[0] for word in re.findall(r"[A-Za-z][\w'’-]*", name) if word.casefold() not in _MINOR_WORDS
    )


def _defines(mention: Mention, text: str) -> str | None:
    """The acronym the text gives in brackets right after a name, if its letters are the name's initials."""
    found = _DEFINED.match(text, mention.end)
    if not found or " " not in mention.name:
        return None
    acronym = found.group(1)
    letters = acronym.upper().replace("&", "")
    return acronym if letters == _initials(mention.name).upper() else None


def _article_keys(
    item: ExtractedArticle,
    mentions: Sequence[Mention],
    acronyms: dict[str, str],
    own_names: frozenset[str] = frozenset(),
) -> list[str]:
    """Key of each of an article's mentions (see the module docstring); acronyms it defines are recorded.
    A one-word name in own_names joins no longer name of a thing ('Wales' stays Wales beside 'BBC Wales'),
    nor a person's first name."""
    keys = [base_key(m) for m in mentions]
    longer: dict[str, tuple[str, list[str]]] = {}  # key → (its kind, its words)
    for m, k in zip(mentions, keys):
        kind = _kind(m)
        if " " in m.name.strip() and kind:
            longer[k] = (kind, _words(m, kind))
        acronym = _defines(m, item.article.text)
        if acronym:
            acronyms.setdefault("name:" + fold(acronym), k)
    by_short_form = _short_forms(longer)
    last_seen: dict[str, int] = {}  # key → the last mention before this one that has it
    for i, m in enumerate(mentions):
        kind = _kind(m)
        words = _words(m, kind) if kind else []
        if kind and not (kind == "thing" and (len(words) != 1 or is_place(m.name))):
            # ('Moscow' is no short form of 'Moscow State University')
            candidates = [
                k
                for k in by_short_form.get((kind, tuple(words)), ())
                if _short_form(words, kind, *longer[k][::-1])
                and not (kind == "thing" and words[0] in own_names and _kept_apart_from(longer[k], words[0]))
            ]
            if len(candidates) > 1:  # the nearest longer name before it, else the first
                before = [k for k in candidates if k in last_seen]
                candidates = [max(before, key=last_seen.__getitem__)] if before else candidates[:1]
            if candidates:
                keys[i] = candidates[0]
        last_seen[keys[i]] = i
    return keys


def _short_forms(longer: dict[str, tuple[str, list[str]]]) -> dict[tuple[str, tuple[str, ...]], list[str]]:
    """(kind, words) → the keys of the longer names it may be a short form of (what _short_form accepts), in
    the article's order: one look-up per mention, not a scan of every longer name (an article of a
    thousand names made that quadratic)."""
    index: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    for key, (full_kind, full) in longer.items():
        forms = {("thing", tuple(full[-1:]))}
        if full_kind == "person":
            forms.add(("thing", tuple(full[:1])))  # 'Grace' (typed a place) for Grace Mugabe
            for n in range(1, len(full)):
                forms |= {("person", tuple(full[-n:])), ("person", tuple(full[:n]))}
            forms |= {("person", (word,)) for word in full}
        for form in forms:
            index[form].append(key)
    return index


def _kind(mention: Mention) -> str | None:
    """What shorter names of it look like: a person's surname, or a thing's last word ('the Times'). A
    place the gazetteers know has none ('Korea' may be North or South), nor does a group; a name typed a
    place that they do not know is a thing ('Analytica' of Cambridge Analytica, 'Grace' of Grace Mugabe)."""
    if mention.type is EntityType.PERSON:
        return "person"
    if mention.type in (EntityType.ORGANIZATION, EntityType.OTHER, EntityType.EVENT):
        return "thing"
    if mention.type is EntityType.PLACE and " " not in mention.name.strip() and not is_place(mention.name):
        return "thing"
    return None


def _words(mention: Mention, kind: str) -> list[str]:
    return (person_key(mention.name) if kind == "person" else fold(mention.name)).split()


def _short_form(words: list[str], kind: str, full: list[str], full_kind: str) -> bool:
    """Whether a name (its words) is a short form of a longer one of the article: a person's lone name is any
    of a full name's words (a Korean surname comes first: 'Kim'), a longer short form its first or last
    words ('Yoon Suk', 'de Miranda'); a thing's is its last word ('the Times'), or a person's surname
    ('the Trump administration')."""
    if len(full) <= len(words):
        return False
    if kind == "person" and full_kind == "person":
        return (
            full[-len(words) :] == words
            or full[: len(words)] == words
            or (len(words) == 1 and words[0] in full)
        )
    if kind == "thing" and full_kind == "person" and full[:1] == words:
        return True  # a first name alone, typed as no person: 'Ivanka' for Ivanka Trump
    return kind == "thing" and full[-1:] == words


def group_mentions(
    extracted: Sequence[ExtractedArticle], mentions_of: dict[str, tuple[Mention, ...]]
) -> dict[str, Group]:
    """Every mention (mentions_of: each article's, lists split) in a group of its real thing."""
    groups: dict[str, Group] = {}
    acronyms: dict[str, str] = {}  # acronym key → key of what the text defines it as
    own_names = _names_of_their_own(mentions_of)
    for item in extracted:
        mentions = mentions_of[item.article.slug]
        for mention, key in zip(mentions, _article_keys(item, mentions, acronyms, own_names)):
            groups.setdefault(key, Group(key)).mentions.append((item.article.slug, mention))
    _join_surnames(groups)
    _join_initials(groups)
    for acronym, full in sorted(acronyms.items()):
        if acronym in groups and full in groups and acronym != full:
            groups[full].mentions += groups.pop(acronym).mentions
    for acronym, full in WELL_KNOWN_ACRONYMS.items():
        short, long = "name:" + fold(acronym), "name:" + fold(full)
        if short in groups and long in groups:
            groups[long].mentions += groups.pop(short).mentions
    return groups


def _kept_apart_from(longer: tuple[str, list[str]], word: str) -> bool:
    """Whether a name of its own stays apart from this longer name: a thing's ('BBC Wales'), or a person's
    it begins ('Wales physio Mark Davies', a span cut wrong). A person's surname it may join."""
    kind, words = longer
    return kind == "thing" or words[0] == word


OWN_NAME_ARTICLES = 2  # a one-word name that stands alone in this many articles is a name of its own


def _names_of_their_own(mentions_of: dict[str, tuple[Mention, ...]]) -> frozenset[str]:
    """Folded one-word names of things that stand alone, with no longer name of a thing ending in them, in
    OWN_NAME_ARTICLES articles or more: 'Wales', 'Labour', 'Sony'. Where an article also has 'BBC Wales',
    'New Labour' or 'Rival Sony', the one word is still the thing named alone elsewhere."""
    alone: Counter[str] = Counter()
    for mentions in mentions_of.values():
        short, last_words = set(), set()
        for m in mentions:
            if _kind(m) != "thing":
                continue
            words = _words(m, "thing")
            if len(words) == 1:
                short.add(words[0])
            elif words:
                last_words.add(words[-1])
        alone.update(short - last_words)
    return frozenset(name for name, count in alone.items() if count >= OWN_NAME_ARTICLES)


GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})  # after a surname, never one


def _join_surnames(groups: dict[str, Group]) -> None:
    """A lone surname, as a person or as anything else, joins the one full name (or the dominant one) of the
    site that ends in it."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        tokens = key.removeprefix("person:").split()
        while len(tokens) > 1 and tokens[-1] in GENERATIONS:
            tokens = tokens[:-1]  # 'Bruce L Castor Jr': Castor, not Jr
        if key.startswith("person:") and len(tokens) > 1:
            by_surname[tokens[-1]].append(key)

    def owner(token: str) -> str | None:
        full = by_surname.get(token, [])
        if len(full) == 1:
            return full[0]
        named = Counter({key: len(groups[key].mentions) for key in full})
        ranked = named.most_common()
        if len(ranked) > 1 and ranked[0][1] >= DOMINANT * sum(n for _, n in ranked[1:]):
            return ranked[0][0]
        return None

    for key in list(groups):
        person, _, rest = key.partition(":")
        tokens = rest.split()
        if len(tokens) != 1 or key not in groups or tokens[0] in GENERATIONS:
            continue
        target = owner(tokens[0]) if person == "person" else owner(person_key(rest))
        if person == "person":
            if target:
                groups[target].mentions += groups.pop(key).mentions
            elif not by_surname.get(tokens[0]) and "name:" + tokens[0] in groups:
                # 'Yukos' a person in some articles, an organisation in others: one entity, by vote.
                groups["name:" + tokens[0]].mentions += groups.pop(key).mentions
        elif person == "name" and target and not _place_or_group(groups[key]):
            groups[target].mentions += groups.pop(key).mentions


def _join_initials(groups: dict[str, Group]) -> None:
    """'John R. Bolton' joins 'John Bolton' when no other initial stands between those names on the site
    (George W. and George H. W. Bush stay apart)."""
    plain: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        if key.startswith("person:"):
            words = key.removeprefix("person:").split()
            if len(words) > 2 and any(len(w) == 1 for w in words[1:-1]):
                plain["person:" + " ".join(w for w in words if len(w) > 1)].add(key)
    for target, keys in plain.items():
        if target in groups and len(keys) == 1:
            [key] = keys
            groups[target].mentions += groups.pop(key).mentions


def _place_or_group(group: Group) -> bool:
    """A name that is a place by gazetteer, or a group ('Jordan' the country is no lone 'Jordan')."""
    return any(is_place(m.name) or m.type is EntityType.GROUP for _, m in group.mentions)
