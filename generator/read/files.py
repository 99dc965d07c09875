"""Finding seed files and decoding their bytes: the part of reading that deals with files, not text.

Anything that cannot be read safely raises SeedError (the file is skipped);
anything read with a guess (a legacy encoding) is reported as a warning.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Report

SEED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
WEB_PAGE_SUFFIXES = (".html", ".htm")  # saved web pages: read with trafilatura (pages.py)
NOT_SEED_SUFFIXES = (".rtf", ".docx", ".doc", ".odt", ".pdf", ".text", ".mdown")
_CONTROL_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # newlines and terminal escapes in file names
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def shown_path(path: Path, root: Path | None) -> str:
    """A path as problems show it: relative to the project root where possible, on one printable line."""
    shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    # Bytes that are not UTF-8 come in as surrogates, which stderr cannot print: show them as \ufffd.
    shown = shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL_IN_NAME.sub("?", shown)


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def list_seeds(seeds_dir: Path, report: Report, root: Path | None = None) -> list[Path]:
    """Seed files under seeds_dir, sorted; dotfiles, links leaving the folder and non-seeds skipped."""
    if not seeds_dir.is_dir():
        report.add(
            shown_path(seeds_dir, root),
            "seeds folder not found; create it and put .txt or .md articles in it",
            severity="error",
        )
        return []
    real_root = seeds_dir.resolve()
    found = []
    for path in sorted(seeds_dir.rglob("*")):
        relative = path.relative_to(seeds_dir)
        name = shown_path(path, root)
        hidden = any(part.startswith(".") for part in relative.parts)
        if hidden or path.is_dir():
            # A hidden article is most likely a mistake; editor lock and swap files are not.
            if (
                hidden
                and path.suffix.lower() in SEED_SUFFIXES
                and not path.name.startswith(".#")
                and path.is_file()
            ):
                report.add(
                    name,
                    "ignored: its name (or a folder's) starts with a dot, so it is hidden; "
                    "rename it to publish it",
                )
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(real_root):
            report.add(
                name,
                "skipped: is a link to a file outside the seeds folder and is not followed; "
                "copy the file in instead",
                severity="error",
            )
            continue
        if path.suffix.lower() in SEED_SUFFIXES:
            if not _is_utf8(relative.as_posix()):
                report.add(
                    name,
                    "skipped: its file name is not UTF-8 (the page would show it); rename the file",
                    severity="error",
                )
                continue
            found.append(path)
        elif path.suffix.lower() in NOT_SEED_SUFFIXES:
            report.add(
                name,
                f"ignored: {path.suffix} files are not seeds; save it as .txt, .md or .html to include it",
            )
    return found


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when data looks like UTF-16 text without a byte order mark."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2:
        return None
    odd_zero = sample[1::2].count(0) / (len(sample) // 2)
    even_zero = sample[0::2].count(0) / (len(sample) // 2)
    if odd_zero > 0.9 and even_zero < 0.1:
        return "utf-16-le"
    if even_zero > 0.9 and odd_zero < 0.1:
        return "utf-16-be"
    return None


def decode(data: bytes, path: Path | str, report: Report) -> str:
    """Text of a seed: UTF-8 (BOM allowed), UTF-16, else cp1252; anything but UTF-8 is warned about."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise SeedError("is UTF-32 text, which is not supported; re-save it as UTF-8")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        elif b"\x00" in data[:8192] and (encoding := _utf16_without_bom(data)):
            text = data.decode(encoding)
            report.add(
                path,
                f"is {encoding.upper()} without a byte order mark; read as such — re-save the file as UTF-8",
            )
        elif b"\x00" in data[:8192]:
            raise SeedError("looks like a binary file, not text; save the article as UTF-8 text")
        else:
            text = None
    except UnicodeDecodeError:
        raise SeedError("is broken UTF-16 (cut in the middle of a character?); re-save it as UTF-8") from None
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            report.add(
                path, "is not UTF-8; read as Windows-1252 (cp1252) — re-save the file as UTF-8", line=line
            )
            text = data.decode("cp1252", errors="replace")
    control = _CONTROL.search(text)
    if control:
        # Same length, so offsets into the text stay valid.
        line = text.count("\n", 0, control.start()) + 1
        report.add(
            path,
            "has control characters (shown as \ufffd); remove them or re-save the file as plain text",
            line=line,
        )
        text = _CONTROL.sub("\ufffd", text)
    return text


class SeedError(Exception):
    """A seed that cannot be read safely; the message says what to do."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line
