"""Page furniture: the lines of a web page that are not the story (sign-ups, credits, share prompts, links).

The one home of the furniture rules. Two questions are asked of them:
- is_furniture(block): read drops the block from the article (a whole block of
  at most 200 characters that is one FURNITURE line, or a list of bare links);
- opens_with_furniture(text): extract reads no names from a paragraph that
  begins like a site line ('Share this article', 'Image caption …'), though
  the page still shows it.
"""

from __future__ import annotations

import re

# Reporters' names and the places they reported from, capitalised whatever the rule's case.
_REPORTERS = r"(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2}(?:,? and [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2})?)"
_PLACE = r"(?-i:[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,3})"
FURNITURE = [
    re.compile(p, re.I)
    for p in (
        r"sign up (?:for|to) (?:our|the) .*newsletter.*",
        r".*\bnewsletters?\b.*\b(?:sign up|subscribe|inbox)\b.*",
        r"(?:subscribe|sign up) (?:now|today|here)\W*",
        r".*\bcookies?\b.*\b(?:accept|consent|settings|preferences|policy)\b.*",
        r"(?:accept|reject|manage) (?:all )?cookies\W*",
        r"your browser does not support (?:the )?(?:audio|video|iframe)(?: element| tag)?\W*",
        r"(?:this|the) (?:video|audio|media) (?:can ?not|cannot|could not) be played\W*",
        r"list \d+ of \d+",
        r"end of list",
        r"(?:end of )?(?:image|media|video) (?:source|caption|copyright)\b.*",
        r"(?:image|photo|picture|photograph)(?: credit)?\s*[:,]\s*[\w .,&/'’-]{0,60}",
        r"(?:getty images|reuters|afp|ap|pa media|epa)(?:\s*/\s*[\w ]+)?",
        r"(?:share|share this|follow us|follow) (?:on|this|article|page|story)\b.{0,40}",
        r"(?:advertisement|skip advertisement|continue reading( the main story)?|read more|related topics|"
        r"more on this story)\W*",
        r"(?:copyright|©) .{0,80}all rights reserved\W*",
        r"(?:©|copyright ©|\(c\) ?\d{4}).{0,400}",
        # a chart's or table's credit
        r"(?:by [^|:]{2,60}?\s*\|?\s*)?sources?: (?-i:[A-Z])\S*(?:\s+\S+){0,11}",
        r"(?:registration on|by using|use of) this (?:site|website).{0,200}",
        r"community (?:rules|guidelines|standards) apply to.{0,200}",
        r"(?:note to readers: )?if you (?:buy|purchase|click) (?:something|on) .{0,40}"
        r"\b(?:affiliate|commission)\b.{0,200}",
        r"this (?:article|story) is more than \w+ (?:years?|months?) old\W*",
        r".{0,80}\bopens new tab\W*",
        r"please wait\W*|(?:thanks|thank you)!|"
        r"(?:this |the )?(?:feature|service|content|page|video) is (?:temporarily |currently )?"
        r"unavailable.{0,80}",
        # who else reported: 'Jane Roe contributed reporting.', 'Jane Roe reported from Seoul, and Ann Lee
        # from Kyiv.'
        r".{0,120}\bcontributed (?:reporting|to this (?:report|story|article))\b.{0,120}",
        rf"{_REPORTERS} reported from {_PLACE}(?:,? and {_REPORTERS} (?:reported )?from {_PLACE})*\W*",
        r"show me more content from .{0,80}",
    )
]
FURNITURE_MAX_CHARS = 200  # furniture is short; a long paragraph about cookies is news
# Notes that run long but say what they are in their first words: a print edition's note, a syndication
# note (naming the outlet: "… originally appeared on The Atlantic", not "… published at 2:05 p.m.").
FURNITURE_OPENINGS = re.compile(
    r"^(?:a version of this (?:article|story) appears in print|"
    r"(?:this|the) (?:article|story|piece|post) (?:was |has been )?(?:originally|first) "
    r"(?:appeared|published|ran|posted) (?:on|in|by|at) (?:the )?(?-i:[A-Z]))",
    re.I,
)
FURNITURE_OPENING_MAX_CHARS = 500
# A wire story's credits: "Reporting by A and B in Kyiv; Additional reporting by C; Editing by D".
_NAMES = r"[A-Z][\w.'’-]*(?:(?:,|\s+and|\s+in|\s+at|\s+from|\s+for|\s+with)?\s+[A-Z][\w.'’-]*)*"
_CREDIT = (
    r"(?i:(?:additional )?(?:reporting|writing|editing|compiled|research)"
    r"(?: and (?:reporting|writing|editing))? by)"
)
WIRE_CREDITS = re.compile(rf"\(?{_CREDIT} {_NAMES}(?:\s*;\s*{_CREDIT} {_NAMES})*\W*")
# How site lines begin: a paragraph that opens so is not read for names.
OPENERS = re.compile(
    r"^(?:share (?:this|on)|follow us|sign up|subscribe|advertisement|read more|related (?:topics|stories)|"
    r"copyright|©|all rights reserved|click here|image (?:source|caption)|media caption|getty images|"
    r"more on this story|top stories)\b",
    re.I,
)
_LINK_LINE = re.compile(
    r"^\s*(?:[-*+]|\d+[.)])?\s*(?:!?\[[^\]]*\]\([^)]*\)|<https?://[^>]+>|https?://\S+)\s*$"
)


def _is_furniture_line(line: str) -> bool:
    text = line.strip(" *_#>")
    if len(text) <= FURNITURE_OPENING_MAX_CHARS and (
        FURNITURE_OPENINGS.match(text) or WIRE_CREDITS.fullmatch(text)
    ):
        return True
    return len(text) <= FURNITURE_MAX_CHARS and any(rule.fullmatch(text) for rule in FURNITURE)


def is_furniture(block_text: str) -> bool:
    """True if the block is page furniture, not article text: one FURNITURE line, or only links and such
    lines."""
    lines = [line.strip() for line in block_text.splitlines() if line.strip()]
    if not lines:
        return False
    if all(_LINK_LINE.match(line) or _is_furniture_line(line) for line in lines):
        return True
    return _is_furniture_line(" ".join(lines))


def opens_with_furniture(text: str) -> bool:
    """A paragraph that begins like a site line ('Share this article', 'Image caption ...')."""
    return bool(OPENERS.match(text.strip()))
