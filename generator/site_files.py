"""Files put into site/ by hard link: the static files of docs/, and the pages the site cache serves; and
the last build's files taken out of site/ without waiting for them to be deleted.

MkDocs copies every static file into site/ on every build; a big site has tens
of thousands of them (figures, embeds, cards, data, feeds), and a link takes a
fraction of a copy's time (site_cache.py swaps the files in). It also deletes
the last build's files first, which took seconds.
"""

from __future__ import annotations

import os
import shutil
import threading

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


class LinkedFile(File):
    """A static file put into site/ as a hard link where the file system allows one, else copied. The
    generator replaces its files in docs/ (never writes into them) and MkDocs cleans site/ before a build,
    so nothing writes through a link; a site of many thousand small files is linked in a fraction of the
    time a copy takes."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        try:
            _link(self.abs_src_path, self.abs_dest_path)
        except OSError:
            super().copy_file(dirty)


def _link(source: str, output: str) -> None:
    """A hard link at output to source. The folder is made, or a file there replaced, only when the link
    fails for want of it: most of a site's files need neither, and a syscall each for them was most of the
    time the links took."""
    try:
        os.link(source, output)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(output), exist_ok=True)
        os.link(source, output)
    except FileExistsError:
        os.unlink(output)
        os.link(source, output)


class CachedPage(LinkedFile):
    """A page served from the cache: a static file at the page's path and address, as it is."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return True


def linked(file: File, config: MkDocsConfig, kind: type[LinkedFile], source: str) -> LinkedFile:
    """file, as a file of kind whose content is the file at source."""
    made = kind(
        file.src_uri,
        src_dir=None,
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        dest_uri=file.dest_uri,
        inclusion=file.inclusion,
    )
    made.abs_src_path = source
    return made


OLD_SITE = ".explainer-old-"  # a hidden folder of site/ (MkDocs' clean leaves those), being deleted


class OldSite:
    """The last build's site/, moved aside and deleted in a thread while this build makes the new one.

    MkDocs empties site/ before a build; the deletion of tens of thousands of
    files is system calls, which a thread does beside the build's Python. Only
    what MkDocs would clean is moved (its dot entries stay), into a hidden
    folder that finish() waits for, so a finished build leaves none behind; one
    left by a killed build is deleted by the next.
    """

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def clear(self, site_dir: str) -> None:
        """Move site_dir's entries (but its dot entries) aside and start deleting them; whatever cannot be
        moved is left for MkDocs to clean, as it always does."""
        self.finish()
        if not os.path.isdir(site_dir):
            return
        try:
            aside = os.path.join(site_dir, f"{OLD_SITE}{os.getpid()}")
            os.makedirs(aside, exist_ok=True)
            for entry in os.listdir(site_dir):
                if not entry.startswith("."):
                    os.rename(os.path.join(site_dir, entry), os.path.join(aside, entry))
            old = [os.path.join(site_dir, e) for e in sorted(os.listdir(site_dir)) if e.startswith(OLD_SITE)]
        except OSError:
            return
        self._thread = threading.Thread(target=_delete, args=(old,), name="explainer-old-site", daemon=True)
        self._thread.start()

    def finish(self) -> None:
        """Wait until the moved files are gone."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def _delete(folders: list[str]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
