"""sitemap.xml and sitemap.xml.gz with the pages the site cache served (site_cache.py) back in their places.

MkDocs writes the sitemap before pages render, from the documentation pages it
knows, which leaves out the cached ones. This writes both files again from the
theme's template, the way MkDocs does, with every page in the build's order.
"""

from __future__ import annotations

import gzip
import os
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


def write_sitemap(config: MkDocsConfig, files: Files, order: list[str], swapped: dict[str, File]) -> None:
    """sitemap.xml and sitemap.xml.gz as MkDocs writes them from the theme's template, with the swapped pages
    in their places (MkDocs wrote them without)."""
    env = config.theme.get_env()
    try:
        template = env.get_template("sitemap.xml")
    except Exception:  # a theme without one: nothing to mend
        return
    by_src = {file.src_uri: file for file in files}
    date = utils.get_build_date()
    pages = []
    for src in order:
        if src in swapped:
            url = swapped[src].url
            canonical = urljoin(config.site_url, url) if config.site_url else None
            stand_in = SimpleNamespace(
                is_link=False,
                canonical_url=canonical,
                abs_url=urlsplit(canonical).path if canonical else None,
                update_date=date,
            )
            pages.append(SimpleNamespace(page=stand_in))
        elif by_src.get(src) is not None and by_src[src].page is not None:
            pages.append(by_src[src])
    from mkdocs.commands.build import get_context

    context = get_context(None, files, config, base_url=utils.get_relative_url(".", "sitemap.xml"))
    context.update(pages=pages)
    output = template.render(**context)
    if not output.strip():
        return
    path = os.path.join(config.site_dir, "sitemap.xml")
    utils.write_file(output.encode("utf-8"), path)
    # As MkDocs gzips it: the file's name and the newest page's date in the header.
    stamp = utils.get_build_timestamp(
        pages=[f.page for f in files.documentation_pages() if f.page is not None]
    )
    with (
        open(path + ".gz", "wb") as f,
        gzip.GzipFile(fileobj=f, filename=path + ".gz", mode="wb", mtime=stamp) as gz,
    ):
        gz.write(output.encode("utf-8"))
