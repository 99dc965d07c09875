"""A Markdown seed's text as a reader sees it: inline markup gone, every offset kept.

Crawler captures (and editors) write links, images, emphasis, backslash escapes
and character references inline: '[Hillary Clinton](http://…)'s',
'**Breaking**', 'AT\\&T', '&#151;'. Article text is data, so the site would
show that markup as it stands, and the recogniser would read URLs as words.

reader_text() rewrites each such span in place, at the same length: the text a
reader sees is moved to the span's end and the rest becomes spaces. Offsets into
the seed (mentions, sentences, line numbers) stay true, and the spaces collapse
when the page is drawn: '[Vladimir Putin](http://x)'s' becomes
'           Vladimir Putin's'. What is not markup is left alone.
"""

from __future__ import annotations

import html
import re

_IMAGE = re.compile(r"!\[[^\]\n]*(?:\n[^\]\n]*)?\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
# Asterisks only, as crawlers write emphasis: underscores are as often part of what was typed ('__init__').
_EMPHASIS = re.compile(r"(?<![\w*\\])(?P<mark>\*\*|\*)(?=\S)(?P<text>[^*\n]+?)(?<=\S)(?P=mark)(?![\w*])")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|&<>~])")
# A character reference between words is left as written: padding would split the name ('AT&amp;T').
_REFERENCE = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[A-Za-z]{2,10});(?!\w)")


def _moved_to_end(span: str, shown: str) -> str:
    """The span's length, with what a reader sees at its end and spaces (and its line breaks) before."""
    padding = len(span) - len(shown)
    breaks = span.count("\n") - shown.count("\n")
    return "\n" * max(breaks, 0) + " " * (padding - max(breaks, 0)) + shown


def reader_text(text: str, start: int = 0) -> str:
    """text with the inline Markdown after offset `start` (the body, not the front matter) rewritten in
    place: images blanked, links to their text, asterisk emphasis and backslash escapes off, character
    references to their character. The result is exactly as long as text."""
    body = text[start:]
    body = _IMAGE.sub(lambda m: _moved_to_end(m.group(), ""), body)
    body = _LINK.sub(lambda m: _moved_to_end(m.group(), m.group("text")), body)
    body = _EMPHASIS.sub(lambda m: _moved_to_end(m.group(), m.group("text")), body)
    body = _ESCAPE.sub(" ", body)
    body = _REFERENCE.sub(lambda m: _moved_to_end(m.group(), _character(m.group())), body)
    return text[:start] + body


def _character(reference: str) -> str:
    shown = html.unescape(reference)
    return shown if len(shown) <= len(reference) and shown.isprintable() else reference
