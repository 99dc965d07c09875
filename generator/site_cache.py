"""Incremental `mkdocs build`: pages whose Markdown has not changed are not rendered again.

MkDocs converts and templates every page on every build, though after an edit
the generator rewrites only the pages it reaches. So each build keeps, in the
cache folder, the HTML and the search entries of every page, keyed by the
digest of its Markdown (and a page in the nav, by every nav page's: the nav
and the neighbours' links it shows are theirs). The next
build, made in the same environment (the MkDocs config files, overrides/, the
theme, MkDocs and Markdown versions, the generator's code), swaps each page
whose Markdown is as it was for a static file holding its HTML: MkDocs neither
converts nor templates it, it copies it. Links to it still resolve, as the file
keeps the page's path and address. Then, before the search plugin writes its
index, the index gets the page's cached entries back in the page's place, and
sitemap.xml its entry: the site comes out byte for byte as a full build's.
A page in the nav stays a page, since the nav holds it: it is read as nothing
and templated (a fraction of rendering a long index), and its cached HTML then
stands for what the template gave.

A cache that is damaged (an index that fails its checksum, an HTML file not as
it was written) is ignored, or that page rendered again, and written anew. A
page's Markdown is read and hashed only when its size or modification time is
not as recorded with its digest (and a time is recorded only once it is a few
seconds old, as git does, for file systems of coarse times).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .fingerprint import installed_version, package_digest, update_with_tree
from .site_files import CachedPage, LinkedFile, linked
from .sitemap import write_sitemap
from .write import checked_body, with_checksum, write_atomic

log = logging.getLogger("mkdocs.plugins.explainer")
INDEX = "pages.json"  # its body's checksum on the first line (write.with_checksum)
SHAPING_PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "Jinja2", "MarkupSafe")


def cache_folder(cache_dir: Path, config: MkDocsConfig) -> Path:
    """One folder per config file and site address: `mkdocs serve` (which serves at its own address) and
    `make offline` keep theirs beside `mkdocs build`'s, instead of each rendering every page after another."""
    address = hashlib.sha256((config.site_url or "").encode()).hexdigest()[:8]
    return cache_dir / f"site-{Path(config.config_file_path).stem}-{address}"


def environment_digest(config: MkDocsConfig) -> str:
    """What shapes every page's HTML but its own Markdown: the config file (and the one it inherits), the
    theme's overrides, the versions of what renders, and the generator (the hook is part of it)."""
    digest = hashlib.sha256()
    config_file = Path(config.config_file_path)
    for path in _config_files(config_file):
        digest.update(path.name.encode() + b"\x00" + path.read_bytes())
    digest.update(json.dumps([config.site_url, config.use_directory_urls]).encode())
    if config.theme.custom_dir:
        update_with_tree(digest, Path(config.theme.custom_dir))
    digest.update(json.dumps({name: installed_version(name) for name in SHAPING_PACKAGES}).encode())
    digest.update(package_digest().encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    return digest.hexdigest()


def _config_files(config_file: Path) -> list[Path]:
    """The config file and the chain of files it INHERITs."""
    import yaml

    files, seen = [], set()
    while config_file.is_file() and config_file not in seen:
        seen.add(config_file)
        files.append(config_file)
        text = config_file.read_text(encoding="utf-8")
        parent = next(
            (line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("INHERIT:")), ""
        )
        if not parent:
            break
        config_file = (config_file.parent / yaml.safe_load(parent)).resolve()
    return files


@dataclass
class _Entry:
    source: str  # sha256 of the page's Markdown
    html: str  # file name in the cache folder
    size: int
    mtime_ns: int
    search: list[dict]
    source_state: list[int] | None = None  # [size, mtime_ns] of the Markdown that had that digest
    nav: str = ""  # a page in the nav: the digest of every nav page's Markdown and of the site's files


# A Markdown file changed again within this long of the state that was recorded for it could keep its size
# and mtime on a file system of coarse times: its state vouches for its digest only when older (as git does).
RACY_NS = 2_000_000_000


def _file_state(path: str) -> list[int]:
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns]


def _vouching(state: list[int] | None) -> list[int] | None:
    """state, if it is old enough to stand for its file's digest on the next build; else None."""
    return state if state is not None and state[1] < time.time_ns() - RACY_NS else None


@dataclass
class SiteCache:
    """One build's use of the cache: which pages it swapped, what the others rendered."""

    folder: Path
    environment: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # every page's src_uri, in the build's order
    sources: dict[str, str] = field(default_factory=dict)  # src_uri → digest, of pages that may be cached
    swapped: dict[str, File] = field(default_factory=dict)  # src_uri → the original File
    stand_ins: set[str] = field(default_factory=set)  # pages in the nav whose cached HTML may stand for them
    standing: dict[str, str] = field(default_factory=dict)  # src_uri → the cached HTML served for it
    nav: str = ""  # this build's digest of the nav pages (_Entry.nav)
    states: dict[str, list[int]] = field(default_factory=dict)  # src_uri → its Markdown's [size, mtime_ns]
    rendered: dict[str, list[dict]] = field(default_factory=dict)  # src_uri → its search entries this build
    written: dict[str, _Entry] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # what this build warned of: such pages are not kept

    @classmethod
    def open(cls, folder: Path, environment: str) -> SiteCache:
        """The cache in folder, empty when it is missing, damaged, or made in another environment."""
        cache = cls(folder, environment)
        try:
            body = json.loads(checked_body((folder / INDEX).read_bytes()))
            if body["environment"] == environment:
                cache.entries = {src: _Entry(**entry) for src, entry in body["pages"].items()}
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.info(f"explainer: the site cache is damaged ({error}); every page is rendered")
        return cache

    # --- on_files: swap unchanged pages for their HTML ---

    def swap(self, files: Files, config: MkDocsConfig) -> Files:
        """files with each page outside the nav whose Markdown is unchanged served from the cache."""
        logging.getLogger("mkdocs").addHandler(_Warnings(self.warnings))
        kept = []
        docs = os.path.abspath(config.docs_dir)
        in_nav = []
        for file in files:
            if not file.is_documentation_page():
                from_docs = file.abs_src_path and file.src_dir and os.path.abspath(file.src_dir) == docs
                kept.append(linked(file, config, LinkedFile, file.abs_src_path) if from_docs else file)
                continue
            self.order.append(file.src_uri)
            if file.abs_src_path is None:
                kept.append(file)
                continue
            source = self._digest(file)
            if file.inclusion != InclusionLevel.NOT_IN_NAV:
                in_nav.append(file.src_uri)
                kept.append(file)
            elif self._stands(file.src_uri, source, ""):
                self.swapped[file.src_uri] = file
                kept.append(
                    linked(file, config, CachedPage, str(self.folder / self.entries[file.src_uri].html))
                )
            else:
                kept.append(file)
        # A nav page's HTML shows the nav and its neighbours: it stands only while every nav page does, and
        # the files its links reach are the same.
        nav = hashlib.sha256(json.dumps([[src, self.sources[src]] for src in in_nav]).encode())
        nav.update("\n".join(sorted(file.src_uri for file in files)).encode())
        self.nav = nav.hexdigest()
        self.stand_ins = {src for src in in_nav if self._stands(src, self.sources[src], self.nav)}
        return Files(kept)

    def _digest(self, file: File) -> str:
        """The digest of file's Markdown (recorded in sources)."""
        entry = self.entries.get(file.src_uri)
        state = self.states[file.src_uri] = _file_state(file.abs_src_path)
        # Hashing every page's Markdown was a second of each build of a big site; a file as it was stands.
        if entry is not None and entry.source_state == state:
            source = entry.source
        else:
            source = hashlib.sha256(Path(file.abs_src_path).read_bytes()).hexdigest()
        self.sources[file.src_uri] = source
        return source

    def _stands(self, src: str, source: str, nav: str) -> bool:
        """Whether the cache holds src's HTML for this Markdown (and nav), intact."""
        entry = self.entries.get(src)
        return (
            entry is not None
            and entry.source == source
            and entry.nav == nav
            and _intact(self.folder / entry.html, entry)
        )

    # --- while pages render ---

    def stand_in(self, page: Page) -> bool:
        """Whether page, in the nav, is served from the cache (on_page_markdown; its HTML then in standing):
        every nav page's Markdown as it was, and a title of its own (else its text names it in every nav)."""
        src = page.file.src_uri
        if src not in self.stand_ins or "title" not in page.meta:
            return False
        try:
            self.standing[src] = (self.folder / self.entries[src].html).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        return True

    def collect_search_entries(self, page: Page, search_index) -> None:
        """After the search plugin indexed page (on_page_context): the entries it added, which are the last
        ones, all at the page's address."""
        if search_index is None:
            return
        entries = search_index.entries
        start = len(entries)
        while start > 0 and _at(entries[start - 1]["location"], page.url):
            start -= 1
        self.rendered[page.file.src_uri] = [dict(e) for e in entries[start:]]

    def keep(self, page: Page, output: str) -> None:
        """After a page is templated (on_post_page): its HTML, for the next build."""
        src = page.file.src_uri
        if src not in self.sources or src in self.standing:
            return
        name = hashlib.sha1(src.encode()).hexdigest() + ".html"
        path = self.folder / name
        try:
            write_atomic(path, output.encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs writes pages
            stat = path.stat()
        except OSError as error:
            log.warning(f"explainer: the site cache cannot be written ({error}); pages are rendered as usual")
            self.sources.clear()  # keep nothing more this build
            return
        self.written[src] = _Entry(
            self.sources[src],
            name,
            stat.st_size,
            stat.st_mtime_ns,
            self.rendered.get(src, []),
            _vouching(self.states.get(src)),
            self.nav if page.file.inclusion != InclusionLevel.NOT_IN_NAV else "",
        )

    # --- on_post_build, before the search plugin writes its index ---

    def finish(self, config: MkDocsConfig, search_index, files: Files) -> None:
        """Put the swapped pages' search entries and sitemap entries back in their places; save the cache."""
        if search_index is not None and (self.swapped or self.standing):
            search_index.entries = [
                entry
                for src in self.order
                for entry in (
                    self.entries[src].search
                    if src in self.swapped or src in self.standing
                    else self.rendered.get(src, [])
                )
            ]
        if self.swapped:
            write_sitemap(config, files, self.order, self.swapped)
        for handler in [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, _Warnings)]:
            logging.getLogger("mkdocs").removeHandler(handler)
        # A page a warning names is not kept: the next build renders it, and warns (and --strict fails) again.
        written = {
            src: entry
            for src, entry in self.written.items()
            if not any(src in text for text in self.warnings)
        }
        served = {src: self.entries[src] for src in [*self.swapped, *self.standing]}
        pages = {src: replace(e, source_state=_vouching(self.states.get(src))) for src, e in served.items()}
        pages |= written
        self._save(pages)
        log.info(f"explainer: {len(served)} pages from the site cache, {len(self.written)} rendered")

    def _save(self, pages: dict[str, _Entry]) -> None:
        body = {
            "environment": self.environment,
            "pages": {src: vars(entry) for src, entry in sorted(pages.items())},
        }
        try:
            # default=str: search entries as the search plugin's index writes them
            write_atomic(self.folder / INDEX, with_checksum(json.dumps(body, default=str).encode("utf-8")))
            live = {entry.html for entry in pages.values()} | {INDEX}
            for path in self.folder.iterdir():
                if path.name not in live:
                    path.unlink(missing_ok=True)  # pages that are gone, and leftovers of killed writes
        except OSError as error:
            log.warning(
                f"explainer: the site cache cannot be written ({error}); the next build renders every page"
            )


class _Warnings(logging.Handler):
    """Collects the text of every warning MkDocs and its plugins log during the build."""

    def __init__(self, texts: list[str]):
        super().__init__(logging.WARNING)
        self.texts = texts

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(record.getMessage())


def _at(location: str, url: str) -> bool:
    return location == url or location.startswith(url + "#")


def _intact(path: Path | None, entry: _Entry) -> bool:
    try:
        stat = path.stat() if path else None
    except OSError:
        return False
    return stat is not None and stat.st_size == entry.size and stat.st_mtime_ns == entry.mtime_ns
