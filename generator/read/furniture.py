"""A web capture's story: which of its blocks are the article, and which are the page around it.

A crawler that saves a page as Markdown keeps the whole page: menus, sign-ups,
captions and credits, bylines, comment boxes, lists of related headlines, the
footer. Two steps find the story in it:

1. Where the story is. Each block scores as prose (its words count for it) or
   as furniture (it counts against); the story is the run of blocks with the
   highest total, in the manner of body-text extraction (Finn, Kushmerick and
   Smyth, 2001). It starts no earlier than the headline, where the page repeats
   the title as its heading.
2. What inside it is still furniture: images and the caption after one, photo
   credits, bylines and time stamps, author bios, share and sign-up lines, link
   lists, a line repeated, a subheading with no text under it.

Prose is told by what news prose has and furniture lacks: enough words, few of
them in links, a share of common function words ("the", "of", "said"), and not
every word capitalised like a headline. Each dropped block is returned with the
reason, for the build report.
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
# stand mid-story: it is
# furniture to cut, not an end.)
_STORY_END = re.compile(
    r"^(?:\d+ )?comments?$|"
    r"^(?:leave|add|post|view|show|read|join|see) (?:a |the |all |your )?(?:new )?comments?\b|"
    r"^about the authors?$|^disclaimer$",
    re.I,
)
STANDFIRST = "the standfirst"  # the reason given for a standfirst lifted out of the text
STANDFIRST_WORDS = 60
# What stands between a standfirst and the story: the article's byline, time and lead picture (or the story
# begins after them: the standfirst was kept as the prose between the headline and the story).
_MASTHEAD = frozenset({"byline", "byline or time", "date", "image", "caption", "credit", "before the story"})
STORY_BEFORE_END = 150  # prose words the story has before its end can be told
_SENTENCE_END = re.compile(r"[.!?:\"”’')]$")
FURNITURE_WORDS = 25  # the most a furniture block counts against the story
RUN_PENALTY = 40  # what a run of furniture blocks costs at least, before half its words
PROSE_WORDS = 7
CAPTION_WORDS = 60
# A chart: its axis labels and figures are blocks without words, most of the CHART_SPAN after its title.
_CHART_PARTS = frozenset({"no words", "figures"})
CHART_SPAN, CHART_FIGURES, CHART_TEXT_WORDS = 8, 4, 40
CREDIT_WORDS = 6  # a photo credit alone ("Credit: Jane Roe/AFP"), not a caption ending in one


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """English function words (justext's list, kept by its authors for this very job)."""
    import justext

    return frozenset(justext.get_stoplist("English"))


@dataclass(frozen=True)
class _Block:
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


def _look(kind: str, text: str) -> _Block:
    images = len(_IMAGE.findall(text))
    text = _IMAGE.sub("", text)  # first: an image may sit inside a link ([![logo](src)](href))
    anchors = sum(len(m.group(1)) for m in _LINK.finditer(text))
    plain = plain_text(text)
    words = plain.split()
    density = 1.0 if _HALF_LINK.search(text.strip()) else anchors / max(len(plain), 1)
    stops = _stopwords()
    function = sum(1 for w in words if w.lower().strip('.,;:!?"“”‘’()') in stops) / max(len(words), 1)
    capitalised = sum(1 for w in words if w[:1].isupper()) / max(len(words), 1)
    return _Block(kind, plain, len(words), density, images, function, capitalised)


def _similar(a: str, b: str) -> bool:
    fa, fb = _key(a), _key(b)
    return len(fa) > 10 and (fa in fb or fb in fa)


def _same(a: str, b: str) -> bool:
    """The same text, but for punctuation and a few words (a standfirst set again as a paragraph)."""
    fa, fb = _key(a), _key(b)
    return bool(fa) and (fa in fb or fb in fa) and max(len(fa), len(fb)) <= 1.2 * min(len(fa), len(fb))


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).split()).casefold()


def _scores(looks: list[_Block]) -> list[float]:
    """Each block's score: a prose block's words count for the story; a furniture block counts against, but a
    run of them no more than about half its words (a chart's or a menu's hundred tiny blocks are one
    interruption, not a hundred)."""
    scores: list[float] = []
    run: list[int] = []

    def close_run() -> None:
        penalties = [4 + min(looks[i].words, FURNITURE_WORDS) for i in run]
        cap = RUN_PENALTY + sum(looks[i].words for i in run) / 2
        scale = min(1.0, cap / sum(penalties)) if penalties else 1.0
        scores.extend(-p * scale for p in penalties)
        run.clear()

    for i, look in enumerate(looks):
        if look.prose:
            close_run()
            scores.append(look.words)
        else:
            run.append(i)
    close_run()
    return scores


def _story_span(looks: list[_Block], start: int, stop: int) -> tuple[int, int]:
    """The run of blocks in [start, stop) with the highest score (Kadane's maximum subarray)."""
    scores = _scores(looks)
    best, total, span, begin = 0.0, 0.0, (start, start), start
    for i in range(start, stop):
        if total <= 0:
            total, begin = 0.0, i
        total += scores[i]
        if total > best:
            best, span = total, (begin, i + 1)
    return span


def _why_furniture(look: _Block, after_image: bool, previous: str | None) -> str | None:
    """Why a block inside the story is still furniture, or None for article text."""
    text, words, ends = look.plain, look.words, bool(_SENTENCE_END.search(look.plain))
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
    if previous is not None and _key(text) == _key(previous):
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


def _reads_like_caption(look: _Block) -> bool:
    """What follows an image is its caption if it reads like one: short, or describing a picture (who stands
    where, doing what), or no sentence; and it reports nothing (no one 'said' anything in a caption)."""
    if _REPORTS.search(look.plain):
        return False
    return look.words <= 12 or bool(_PHOTO.search(look.plain)) or not _SENTENCE_END.search(look.plain)


def _describes_a_picture(look: _Block) -> bool:
    """A line that says what a photo shows (who stands where, doing what), and reports nothing."""
    return bool(_PHOTO.search(look.plain)) and _reads_like_caption(look)


def _is_media(look: _Block) -> bool:
    """An image (or its file name), or a video's label: the block after it is its caption."""
    return (
        (bool(look.images) and not look.prose)
        or bool(re.match(r"^(?:video|watch|play)\b", look.plain, re.I))
        or bool(re.search(r"\.(?:jpe?g|png|gif|webp)$", look.plain, re.I))
    )


def _why_heading(look: _Block) -> str | None:
    """Why a heading inside the story is a page control or a box's title, or None for a subheading."""
    if _UI.match(look.plain) or _PROMO.search(look.plain) or _STORY_END.match(look.plain):
        return "page control"
    return None


def _without_chart_text(kept: list[int], dropped: list[tuple[int, str]], looks: list[_Block]) -> list[int]:
    """The blocks kept but for a chart's title and notes: short lines right before the chart's axis labels
    and figures (most of the next CHART_SPAN blocks), which a capture sets as blocks of their own."""
    reasons = dict(dropped)
    out = []
    for i in kept:
        following = range(i + 1, min(i + 1 + CHART_SPAN, len(looks)))
        figures = sum(1 for j in following if reasons.get(j) in _CHART_PARTS)
        if (
            looks[i].words <= CHART_TEXT_WORDS
            and reasons.get(i + 1) in {*_CHART_PARTS, "image"}
            and figures >= CHART_FIGURES
        ):
            dropped.append((i, "chart"))
        else:
            out.append(i)
    return out


def _standfirst(
    kept: list[int], dropped: dict[int, str], looks: list[_Block], title_at: int | None
) -> int | None:
    """The story's first block, if it is a standfirst: one short paragraph right under the headline, parted
    from the text by the article's byline, time or lead picture (as news pages set them)."""
    if title_at is None or len(kept) < 2 or kept[0] < title_at:
        return None
    first, following = kept[0], kept[1]
    look = looks[first]
    if look.kind != "paragraph" or not look.prose or look.words > STANDFIRST_WORDS:
        return None
    if not any(dropped.get(i) in _MASTHEAD for i in range(first + 1, following)):
        return None
    return first


def story_blocks(
    blocks: list[tuple[str, str, int]], title: str, summary: str | None = None, find_story: bool = True
) -> tuple[list[int], list[tuple[int, str]]]:
    """Indices of the blocks (kind, text, offset) that are the story, and (index, reason) for the others.
    The page's title and summary (its standfirst) are shown on their own: a block repeating one is cut.
    find_story=False: the blocks are the story already (an extractor found it); only step 2 is done."""
    looks = [_look(kind, text) for kind, text, _ in blocks]
    title_at = next((i for i, (_, text, _) in enumerate(blocks) if _similar(text, title)), None)
    start = title_at or 0
    stop, prose = len(blocks), 0
    for i in range(start, len(blocks)):
        if prose >= STORY_BEFORE_END and _STORY_END.match(looks[i].plain):
            stop = i
            break
        prose += looks[i].words if looks[i].prose else 0
    begin, end = _story_span(looks, start, stop) if find_story else (0, len(blocks))
    # Between the headline and the story: the standfirst, if prose (a byline or share bar may part them).
    deks = [i for i in range(start + 1, begin) if looks[i].prose] if start and start < begin else []
    dropped = [(i, "before the story") for i in range(begin) if i not in deks]
    kept: list[int] = []
    after_image = begin > 0 and _is_media(looks[begin - 1])
    previous = None
    for i in [*deks, *range(begin, end)]:
        look = looks[i]
        # The headline set again (a heading, or a line that is no sentence): the page shows its title already.
        headline = look.kind == "heading" or not _SENTENCE_END.search(look.plain)
        if headline and _similar(look.plain, title) and look.words <= 3 + len(title.split()) * 2:
            dropped.append((i, "the headline again"))
            continue
        if summary and _same(look.plain, summary):
            dropped.append((i, "the standfirst again"))
            continue
        if look.kind == "heading" and not look.prose:
            why = _why_heading(look)
            if why:
                dropped.append((i, why))
            else:
                kept.append(i)
            after_image = False
            continue
        why = _why_furniture(look, after_image, previous)
        credit = why == "credit" or (why == "caption" and look.words <= CREDIT_WORDS)
        after_image = _is_media(look) or (after_image and credit)  # an image, its credit, its caption
        previous = look.plain
        if why:
            dropped.append((i, why))
            previous_kept = looks[kept[-1]] if kept and kept[-1] == i - 1 else None
            if (
                credit
                and previous_kept
                and previous_kept.words <= CAPTION_WORDS
                and _describes_a_picture(previous_kept)
            ):
                dropped.append((kept.pop(), "caption"))  # what a photo credit follows is the photo's caption
        else:
            kept.append(i)
    kept = _without_chart_text(kept, dropped, looks)
    # A subheading with no text under it heads furniture that was cut.
    paragraphs = {i for i in kept if blocks[i][0] == "paragraph"}
    for n, i in enumerate(kept):
        following = kept[n + 1] if n + 1 < len(kept) else None
        if blocks[i][0] == "heading" and (following is None or following not in paragraphs):
            dropped.append((i, "heading without text"))
    kept = [i for i in kept if all(i != d for d, _ in dropped)]
    standfirst = _standfirst(kept, dict(dropped), looks, title_at)
    if standfirst is not None:
        kept.remove(standfirst)
        dropped.append((standfirst, STANDFIRST))
    dropped += [(i, "after the story") for i in range(end, len(blocks))]
    return kept, sorted(dropped)
