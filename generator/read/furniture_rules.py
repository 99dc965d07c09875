"""One block of a web capture at a time: what it looks like, and why it is furniture if it is.

furniture.py finds where a capture's story is; these rules say which blocks
inside it are still the page around the story: images and the caption after
one, photo credits, bylines and time stamps, author bios, share and sign-up
lines, link lists, a chart's figures, a line repeated. Prose is told by what
news prose has and furniture lacks: enough words, few of them in links, a share
of common function words ("the", "of", "said"), and not every word capitalised
like a headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..boilerplate import is_furniture

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_HALF_LINK = re.compile(r"^[^\[]*\]\([^)]*\)|\[[^\]]*$")  # a link cut in two by a blank line
_MARKUP = re.compile(r"[*_`#>|\\]+")
_CREDIT = re.compile(
    r"\b(?:getty|images?|photo(?:graph|grapher)?s?|credit|reuters|afp|ap|epa|associated press|pool|courtesy|"
    r"shutterstock|alamy|illustration|file photo|supplied|handout)\b",
    re.I,
)
_META = re.compile(
    r"^(?:by |posted|updated|published|last updated|first published|written by)|\b\d{1,2}:\d\d ?(?:am|pm)?\b|"
    r"\b[ap]\.m\.|\bmin(?:ute)?s? read\b",
    re.I,
)
_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} "
    r"(?:is|was|has been|covers|writes|has covered|has written|joined) "
    r"[^.]{0,120}\b(?:writer|reporter|editor|correspondent|columnist|journalist|contributor|producer|author|"
    r"analyst|fellow|professor|host|economics|politics|business|since \d{4})\b",
    re.I,
)
_SELF_BIO = re.compile(  # 'Hey, I'm Jane Doe, a politics correspondent for The Times.'
    r"^(?:(?:[Hh]ey|[Hh]i|[Hh]ello),? )?I['’]m [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}, (?:an?|the) [^.]{0,80}"
    r"\b(?:writer|reporter|editor|correspondent|columnist|journalist|host|producer)\b"
)
_BYLINE = re.compile(r"^(?:by|photos? by|written by|reporting by|edited by) [A-Z]", re.I)
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:AP|AFP|Reuters|Getty|EPA)[^)]*\)|\b(?:credit|photograph|photo|image|source): ?[A-Z][^.]{0,60}|"
    r"/\s?(?:AP|AFP|Reuters|Getty Images|EPA|Shutterstock)\b|"
    # a photographer and their outlet in brackets: (Darek Zdzienicki/CBC), (John Minchillo / AP)
    r"\((?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w.'’-]*\s?/\s?[A-Z][\w.&'’ -]{1,30}\))\W*$"
)
_PROMO = re.compile(
    r"\bnewsletters?\b|\bsubscri(?:be|ber|ption)\b|\bsign(?:ed)? up\b|\bpodcast\b|\bjoin our\b|"
    r"\b(?:download|get) (?:our|the|your(?: new)?) (?:\w+ )?app\b",
    re.I,
)
_UI = re.compile(
    r"^(?:read more|related|see also|more from|more on|continue reading|show comments|view comments|"
    r"comments?|"
    r"share|advertisement|loading|subscribe|sign up|log in|register|follow|watch|listen|video|gallery|"
    r"photos?|click here|tap here|most (?:read|popular|viewed)|trending|recommended|you may also like|"
    r"top stories|expand|close|menu|skip to|jump to|back to top|print|email|download|get the|join|"
    r"don'?t miss|keep up|what to read next|explore|latest|editor'?s picks?)\b",
    re.I,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    rf"^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?"
    rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}}|"
    r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})\b[\W\d:apm]*$",
    re.I,
)
_DATE_IN = re.compile(rf"\b{_MONTH} \d{{1,2}},? \d{{4}}\b", re.I)
# Where the story has ended: its readers' comments begin, or its author's note. (A "Most read" box can
# stand mid-story: it is furniture to cut, not an end.)
STORY_END = re.compile(
    r"^(?:\d+ )?comments?$|"
    r"^(?:leave|add|post|view|show|read|join|see) (?:a |the |all |your )?(?:new )?comments?\b|"
    r"^about the authors?$|^disclaimer$",
    re.I,
)
SENTENCE_END = re.compile(r"[.!?:\"”’')]$")
PROSE_WORDS = 7
CAPTION_WORDS = 60
CREDIT_WORDS = 6  # a photo credit alone ("Credit: Jane Roe/AFP"), not a caption ending in one


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """English function words (justext's list, kept by its authors for this very job)."""
    import justext

    return frozenset(justext.get_stoplist("English"))


@dataclass(frozen=True)
class Look:
    """What the rules look at in one block."""

    kind: str
    plain: str  # the text a reader sees: link text kept, images, URLs and markup gone
    words: int
    link_density: float
    images: int
    function_words: float
    capitalised: float

    @property
    def prose(self) -> bool:
        return (
            (self.kind == "paragraph" or self.words >= 12)  # a page may set a paragraph as a heading
            and self.words >= PROSE_WORDS
            and self.link_density < 0.3
            and self.function_words >= 0.2
            and not (self.capitalised > 0.6 and self.words < 25)
        )


def plain_text(markdown: str) -> str:
    """What a reader sees of a block: link text kept; images, URLs and markup gone."""
    bare = _LINK.sub(lambda m: m.group(1), _IMAGE.sub("", markdown))
    return " ".join(_MARKUP.sub(" ", bare).split())


def look_at(kind: str, text: str) -> Look:
    images = len(_IMAGE.findall(text))
    text = _IMAGE.sub("", text)  # first: an image may sit inside a link ([![logo](src)](href))
    anchors = sum(len(m.group(1)) for m in _LINK.finditer(text))
    plain = plain_text(text)
    words = plain.split()
    density = 1.0 if _HALF_LINK.search(text.strip()) else anchors / max(len(plain), 1)
    stops = _stopwords()
    function = sum(1 for w in words if w.lower().strip('.,;:!?"“”‘’()') in stops) / max(len(words), 1)
    capitalised = sum(1 for w in words if w[:1].isupper()) / max(len(words), 1)
    return Look(kind, plain, len(words), density, images, function, capitalised)


def text_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).split()).casefold()


def why_furniture(look: Look, after_image: bool, previous: str | None) -> str | None:
    """Why a block inside the story is still furniture, or None for article text."""
    text, words, ends = look.plain, look.words, bool(SENTENCE_END.search(look.plain))
    if look.images and not look.prose:
        return "image"
    if not re.search(r"[^\W\d_]{2}", text):
        return "no words"
    if look.link_density > 0.5:
        return "links"
    if after_image and words <= CAPTION_WORDS and _reads_like_caption(look):
        return "caption"
    if words <= CAPTION_WORDS and _CAPTION_CREDIT.search(text):
        return "caption"
    if words <= 8 and _BYLINE.match(text):
        return "byline"
    if words <= 25 and re.match(r"^(?:posted|updated|published|last updated|first published)\b", text, re.I):
        return "byline or time"
    if words <= 2 and not ends:
        return "label"
    if words <= 5 and sum(c.isdigit() for c in text) >= len(text) / 4:
        return "figures"
    if words <= 30 and _PROMO.search(text):
        return "promotion"
    if words <= 10 and _CREDIT.search(text) and not (ends and look.function_words >= 0.2):
        return "credit"
    if words <= 12 and "/" in text and (not ends or re.fullmatch(r"\(.*\)", text)):
        return "credit"
    if words <= 25 and _META.search(text) and look.function_words < 0.3:
        return "byline or time"
    if words <= 8 and (_DATE_LINE.match(text) or (words <= 6 and _DATE_IN.search(text))):
        return "date"
    if (_BIO.search(text) and text.split()[0].casefold() not in _stopwords()) or _SELF_BIO.search(text):
        return "author bio"  # 'Jane Doe is a reporter', not 'The deficit is'
    if words <= 12 and re.search(r"\.(?:jpe?g|png|gif|webp)$", text, re.I):
        return "image"  # an image's file name, shown in its place
    if words <= 12 and _UI.match(text):
        return "page control"
    if is_furniture(text):
        return "site line"
    if previous is not None and text_key(text) == text_key(previous):
        return "repeated"
    return None


_PHOTO = re.compile(
    r"\b(?:speaks?|speaking|walks?|stands?|sits?|holds?|arrives?|attends?|gestures?|looks? on|waves?|poses?|"
    r"listens?|talks?|delivers?|leaves?|is seen|are seen|pictured|shown|displayed|during (?:a|an|the)|"
    r"left|right|centre|center|background|foreground|file photo)\b",
    re.I,
)


# Someone reported something ("is said to be" reports nothing: a caption may say it).
_REPORTS = re.compile(r"\b(?<!is )(?<!are )(?<!was )(?<!were )said\b|\b(?:says|told|according to)\b")


def _reads_like_caption(look: Look) -> bool:
    """What follows an image is its caption if it reads like one: short, or describing a picture (who stands
    where, doing what), or no sentence; and it reports nothing (no one 'said' anything in a caption)."""
    if _REPORTS.search(look.plain):
        return False
    return look.words <= 12 or bool(_PHOTO.search(look.plain)) or not SENTENCE_END.search(look.plain)


def describes_a_picture(look: Look) -> bool:
    """A line that says what a photo shows (who stands where, doing what), and reports nothing."""
    return bool(_PHOTO.search(look.plain)) and _reads_like_caption(look)


def is_media(look: Look) -> bool:
    """An image (or its file name), or a video's label: the block after it is its caption."""
    return (
        (bool(look.images) and not look.prose)
        or bool(re.match(r"^(?:video|watch|play)\b", look.plain, re.I))
        or bool(re.search(r"\.(?:jpe?g|png|gif|webp)$", look.plain, re.I))
    )


def why_heading(look: Look) -> str | None:
    """Why a heading inside the story is a page control or a box's title, or None for a subheading."""
    if _UI.match(look.plain) or _PROMO.search(look.plain) or STORY_END.match(look.plain):
        return "page control"
    return None
