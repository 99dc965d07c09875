"""A web capture's story: which of its blocks are the article, and which are the page around it.

A crawler that saves a page as Markdown keeps the whole page: menus, sign-ups,
captions and credits, bylines, comment boxes, lists of related headlines, the
footer. Two steps find the story in it:

1. Where the story is. Each block scores as prose (its words count for it) or
   as furniture (it counts against); the story is the run of blocks with the
   highest total, in the manner of body-text extraction (Finn, Kushmerick and
   Smyth, 2001). It starts no earlier than the headline, where the page repeats
   the title as its heading.
2. What inside it is still furniture: each block by the rules of
   furniture_rules.py, then what only its neighbours tell: a caption before its
   credit, a chart's title before its figures, a subheading with no text under
   it, and a standfirst set above the byline (lifted into the summary).

Each dropped block is returned with the reason, for the build report.
"""

from __future__ import annotations

from .furniture_rules import (
    CAPTION_WORDS,
    CREDIT_WORDS,
    SENTENCE_END,
    STORY_END,
    Look,
    describes_a_picture,
    is_media,
    look_at,
    text_key,
    why_furniture,
    why_heading,
)

STANDFIRST = "the standfirst"  # the reason given for a standfirst lifted out of the text
STANDFIRST_WORDS = 60
# What stands between a standfirst and the story: the article's byline, time and lead picture (or the story
# begins after them: the standfirst was kept as the prose between the headline and the story).
_MASTHEAD = frozenset({"byline", "byline or time", "date", "image", "caption", "credit", "before the story"})
STORY_BEFORE_END = 150  # prose words the story has before its end can be told
FURNITURE_WORDS = 25  # the most a furniture block counts against the story
RUN_PENALTY = 40  # what a run of furniture blocks costs at least, before half its words
# A chart: its axis labels and figures are blocks without words, most of the CHART_SPAN after its title.
_CHART_PARTS = frozenset({"no words", "figures"})
CHART_SPAN, CHART_FIGURES, CHART_TEXT_WORDS = 8, 4, 40


def _similar(a: str, b: str) -> bool:
    fa, fb = text_key(a), text_key(b)
    return len(fa) > 10 and (fa in fb or fb in fa)


def _same(a: str, b: str) -> bool:
    """The same text, but for punctuation and a few words (a standfirst set again as a paragraph)."""
    fa, fb = text_key(a), text_key(b)
    return bool(fa) and (fa in fb or fb in fa) and max(len(fa), len(fb)) <= 1.2 * min(len(fa), len(fb))


def _scores(looks: list[Look]) -> list[float]:
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


def _story_span(looks: list[Look], start: int, stop: int) -> tuple[int, int]:
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


def _without_chart_text(kept: list[int], dropped: list[tuple[int, str]], looks: list[Look]) -> list[int]:
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
    kept: list[int], dropped: dict[int, str], looks: list[Look], title_at: int | None
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
    looks = [look_at(kind, text) for kind, text, _ in blocks]
    title_at = next((i for i, (_, text, _) in enumerate(blocks) if _similar(text, title)), None)
    start = title_at or 0
    stop, prose = len(blocks), 0
    for i in range(start, len(blocks)):
        if prose >= STORY_BEFORE_END and STORY_END.match(looks[i].plain):
            stop = i
            break
        prose += looks[i].words if looks[i].prose else 0
    begin, end = _story_span(looks, start, stop) if find_story else (0, len(blocks))
    # Between the headline and the story: the standfirst, if prose (a byline or share bar may part them).
    deks = [i for i in range(start + 1, begin) if looks[i].prose] if start and start < begin else []
    dropped = [(i, "before the story") for i in range(begin) if i not in deks]
    kept: list[int] = []
    after_image = begin > 0 and is_media(looks[begin - 1])
    previous = None
    for i in [*deks, *range(begin, end)]:
        look = looks[i]
        # The headline set again (a heading, or a line that is no sentence): the page shows its title already.
        headline = look.kind == "heading" or not SENTENCE_END.search(look.plain)
        if headline and _similar(look.plain, title) and look.words <= 3 + len(title.split()) * 2:
            dropped.append((i, "the headline again"))
            continue
        if summary and _same(look.plain, summary):
            dropped.append((i, "the standfirst again"))
            continue
        if look.kind == "heading" and not look.prose:
            why = why_heading(look)
            if why:
                dropped.append((i, why))
            else:
                kept.append(i)
            after_image = False
            continue
        why = why_furniture(look, after_image, previous)
        credit = why == "credit" or (why == "caption" and look.words <= CREDIT_WORDS)
        after_image = is_media(look) or (after_image and credit)  # an image, its credit, its caption
        previous = look.plain
        if why:
            dropped.append((i, why))
            previous_kept = looks[kept[-1]] if kept and kept[-1] == i - 1 else None
            if (
                credit
                and previous_kept
                and previous_kept.words <= CAPTION_WORDS
                and describes_a_picture(previous_kept)
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
