"""MkDocs hook: regenerate docs/ from the seeds on every `mkdocs build` and `mkdocs serve`.

A thin shim over the library. Registered in mkdocs.yml under `hooks:`; MkDocs
imports it by path, so it imports the installed `generator` package absolutely.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
from pathlib import Path

from markupsafe import escape
from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import URL
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.yaml import yaml_load

from generator.collection import FewerCollections, free_the_last_build
from generator.config import ConfigError, ModelError, Settings, settings_from_mapping
from generator.failures import environment_error, internal_error
from generator.figures import FigureMissing, fill
from generator.model import TYPES
from generator.pipeline import build, prepare_in_background
from generator.serve_watch import watch_docs
from generator.session import Session
from generator.site_cache import SiteCache, cache_folder, environment_digest
from generator.site_files import OldSite

log = logging.getLogger("mkdocs.plugins.explainer")
_INTERNAL_LINK = re.compile(r'href="explainer:([^"#]+)(#[^"]*)?"')
_state: dict[str, object] = {}
_old_site = OldSite()
_session = Session()  # kept by `mkdocs serve` from build to build (MkDocs imports this hook once)
_fewer_collections = FewerCollections()


def on_startup(command: str, dirty: bool) -> None:
    """Runs once when MkDocs starts, before any build: remembers whether it serves (see _published_url), and
    whether it keeps site/ as it is (--dirty); the garbage collector runs less often until MkDocs exits
    (collection.py: MkDocs' side of a build holds tens of thousands of files and pages too)."""
    _state["serving"] = command == "serve"
    _state["dirty"] = dirty
    _fewer_collections.start()


def _published_url(config: MkDocsConfig) -> str | None:
    """The site_url of mkdocs.yml. `mkdocs serve` puts its own address in config.site_url before each build;
    the generator keeps the published one, so that serve and build write the same docs/, and neither draws
    thousands of pages again after the other (the site cache keeps serve's HTML apart: site_cache.py)."""
    if not _state.get("serving"):
        return config.site_url
    try:
        with open(config.config_file_path, "rb") as file:
            value = yaml_load(file).get("site_url")
        return URL(is_dir=True).validate(value) if value else None
    except (OSError, ConfigurationError, ValidationError):
        return config.site_url


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Runs once per build, after mkdocs.yml is read: validates extra.explainer."""
    values = (config.extra or {}).get("explainer")
    try:
        root = Path(config.config_file_path).resolve().parent
        _state["settings"] = settings_from_mapping(
            values, root, config.docs_dir, _published_url(config), config.use_directory_urls
        )
    except ConfigError as error:
        raise PluginError(str(error)) from None
    return config


def on_env(env, config: MkDocsConfig, files: Files):
    """Runs once per build, before pages are templated: gives the theme's partials the entity types, in the
    order of an article's sidebar (model.TYPES)."""
    env.globals["explainer_types"] = [
        (info.type.value, info.plural) for info in sorted(TYPES, key=lambda i: i.sidebar)
    ]
    return env


def on_pre_build(config: MkDocsConfig) -> None:
    """Runs before MkDocs collects files: generates docs/ (only changed files are written); under serve,
    with the session the last build left (session.py), once the last build's garbage is freed."""
    settings = _state["settings"]
    assert isinstance(settings, Settings)
    serving = bool(_state.get("serving"))
    if serving:
        free_the_last_build()
    try:
        session = _session if serving else None
        started = time.perf_counter()
        result = build(settings, site_name=config.site_name, session=session)
        seconds = time.perf_counter() - started
    except ModelError as error:
        raise PluginError(str(error)) from None
    except OSError as error:  # a folder or file the build may not read or write: the machine's, not a bug
        raise PluginError(environment_error(error)) from None
    except Exception as error:  # a bug: one line first; MkDocs prints the traceback
        log.error(internal_error(error))
        raise
    for problem in result.report.problems:
        log.warning(str(problem))
    for note in result.report.debug:  # shown by `mkdocs build --verbose`
        log.debug(str(note))
    log.info(
        f"explainer: {result.articles} articles, {result.entities} entities, "
        f"{len(result.written.written)} pages written in {seconds:.1f} s"
    )
    if not _state.get("dirty"):  # MkDocs cleans site/ next: it finds it cleared (site_files.OldSite)
        _old_site.clear(config.site_dir)


# Front-matter values of generated pages that mkdocs-material prints without escaping
# (<title>, the header, meta tags; titles and tags in search results): made HTML text here.
THEME_TEXT_KEYS = ("title", "author", "description")
THEME_TEXT_LIST_KEYS = ("tags",)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Runs after front matter is read: seed text in the theme's raw slots becomes HTML-escaped text; a nav
    page the site cache serves is read as nothing (its HTML comes at on_post_page)."""
    cache = _state.get("site_cache")
    if isinstance(cache, SiteCache) and cache.stand_in(page):
        markdown = ""
    if page.meta.get("explainer"):
        for key in THEME_TEXT_KEYS:
            if isinstance(page.meta.get(key), str):
                # Markup, not str: a later `| e` in a template knows it is escaped already.
                page.meta[key] = escape(page.meta[key])
        for key in THEME_TEXT_LIST_KEYS:
            if isinstance(page.meta.get(key), list):
                page.meta[key] = [escape(value) for value in page.meta[key]]
    return markdown


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Runs after MkDocs collects docs/: pages whose Markdown is as the last build had it are served from
    the site cache (site_cache.py); the files are remembered to resolve entity links."""
    settings = _state["settings"]
    assert isinstance(settings, Settings)
    if settings.cache_dir:
        cache = SiteCache.open(cache_folder(settings.cache_dir, config), environment_digest(config))
        files = cache.swap(files, config)
        _state["site_cache"] = cache
    _old_site.restore(files, bool(_state.get("serving")))
    _state["files"] = files
    return files


def _search_index(config: MkDocsConfig):
    """The search plugin's index of this build (mkdocs-material's), if there is one."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list):
            return index
    return None


def _url_of(path: str, page: Page) -> str | None:
    files = _state.get("files")
    found = files.get_file_from_path(path) if isinstance(files, Files) else None
    return get_relative_url(found.url, page.url) if found else None


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """Runs before a page is templated: gives each sidebar entity the URL of its page."""
    for entity in page.meta.get("entities") or []:
        if isinstance(entity, dict) and entity.get("slug"):
            entity["url"] = _url_of(f"entities/{entity['slug']}.md", page)
            if entity["url"] is None:
                log.warning(f"{page.file.src_uri}: no page for entity '{entity['slug']}'")
    cache = _state.get("site_cache")
    if isinstance(cache, SiteCache):  # after the search plugin (hooks run after plugins): its new entries
        cache.collect_search_entries(page, _search_index(config))
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Runs after a page is templated: its graph figure goes into its slot (figures.py), after the search
    plugin read the page, which it would only parse to skip; then its HTML is kept for the next build. A nav
    page the site cache serves is its cached HTML."""
    cache = _state.get("site_cache")
    if isinstance(cache, SiteCache) and page.file.src_uri in cache.standing:
        return cache.standing[page.file.src_uri]
    if page.meta.get("explainer"):
        try:
            output = fill(output, Path(config.docs_dir), lambda figure: _resolve_links(figure, page))
        except FigureMissing as error:
            raise PluginError(
                f"{page.file.src_uri}: its graph figure {error}; build again (first delete it if edited)"
            ) from None
    if isinstance(cache, SiteCache):
        cache.keep(page, output)
    return output


def on_serve(server, config: MkDocsConfig, builder):
    """Runs once when `mkdocs serve` starts watching, before it watches mkdocs.yml's `watch:` paths: docs/
    is watched for the editor's changes only, not for the generator's own writes, which gave every edit a
    second build; the `watch:` folders are watched by the same observer, not polled (serve_watch.py). The
    later stages are imported and the model loaded meanwhile, in a thread (pipeline.prepare_in_background).
    """
    settings = _state["settings"]
    assert isinstance(settings, Settings)
    cache = settings.cache_dir
    trigger = cache / "serve" if cache else Path(tempfile.mkdtemp(prefix="explainer-serve-"))
    server.unwatch(config.docs_dir)
    folders = [Path(path) for path in config.watch if os.path.isdir(path)]
    config.watch[:] = [path for path in config.watch if not os.path.isdir(path)]
    _state["docs_observer"] = watch_docs(Path(config.docs_dir), trigger, folders)
    server.watch(str(trigger))
    if _state.get("serving"):  # a session's builds extract in this process (`serve --clean` has none)
        prepare_in_background(settings)  # the editor's first save then builds at once
    return server


def on_shutdown() -> None:
    """Runs when MkDocs exits: stops the docs/ observer of `mkdocs serve`; the collector as it was."""
    observer = _state.pop("docs_observer", None)
    if observer is not None:
        observer.stop()
        observer.join(timeout=5)
    _fewer_collections.stop()


@event_priority(50)
def on_post_build(config: MkDocsConfig) -> None:
    """Runs after every page is written, before the search plugin writes its index (priority 50): the
    pages served from the cache get their search and sitemap entries back."""
    cache = _state.pop("site_cache", None)
    files = _state.get("files")
    if isinstance(cache, SiteCache) and isinstance(files, Files):
        cache.finish(config, _search_index(config), files)
    _old_site.finish()


def on_build_error(error: Exception) -> None:
    """Runs when a build fails: the last build's files moved aside are deleted before MkDocs stops."""
    _old_site.abandon()


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Runs after Markdown is rendered: turns explainer: links into page URLs."""
    return _resolve_links(html, page)


def _resolve_links(html: str, page: Page) -> str:
    """html with each explainer: link (the graph SVG's) as the URL of its page from page."""

    def replace(match: re.Match) -> str:
        url = _url_of(match.group(1), page)
        if url is None:
            log.warning(f"{page.file.src_uri}: link to missing page '{match.group(1)}'")
            return 'href="#"'
        return f'href="{url}{match.group(2) or ""}"'

    return _INTERNAL_LINK.sub(replace, html)
