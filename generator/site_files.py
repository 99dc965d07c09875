"""Files put into site/ by hard link: the static files of docs/, and the pages the site cache serves; and
the last build's site/ kept where this build makes the same files.

MkDocs copies every static file into site/ on every build; a big site has tens
of thousands of them (figures, embeds, cards, data, feeds), and a link takes a
fraction of a copy's time (site_cache.py swaps the files in). It also deletes
the last build's files first: deleting them and linking them again took seconds
of a rebuild that changed a few.
"""

from __future__ import annotations

import os
import shutil
import threading

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel


class LinkedFile(File):
    """A static file put into site/ as a hard link where the file system allows one, else copied; a link
    the last build made to the same file stands. The generator replaces its files in docs/ (never writes
    into them), and OldSite takes a link away where a page is written, so nothing writes through a link; a
    site of many thousand small files is linked in a fraction of the time a copy takes."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        if _same_file(self.abs_src_path, self.abs_dest_path):
            return  # the last build's link, kept (OldSite)
        try:
            _link(self.abs_src_path, self.abs_dest_path)
        except OSError:
            super().copy_file(dirty)


def _same_file(source: str, output: str) -> bool:
    try:
        return os.path.samefile(source, output)
    except OSError:
        return False


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
KEPT_SITE = ".explainer-kept-"  # a hidden folder of site/ holding the last build's files until on_files


class OldSite:
    """The last build's site/, kept where this build makes the same files, the rest deleted.

    MkDocs empties site/ before a build, and linking tens of thousands of static
    files back and deleting the old ones took seconds. Here site/'s entries are
    moved into a hidden folder, which MkDocs' clean skips, and moved back once it
    has cleaned (restore). Then every file this build does not make is deleted,
    a static file still linked to its source is left alone (LinkedFile), and
    every other file is made again, so site/ is what a clean build leaves.
    """

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._kept: tuple[str, str] | None = None  # (site/, the hidden folder of the last build's entries)

    def clear(self, site_dir: str) -> None:
        """Move site_dir's entries (but its dot entries) aside, and start deleting what a killed build left;
        whatever cannot be moved is left for MkDocs to clean, as it always does."""
        self.finish()
        if not os.path.isdir(site_dir):
            return
        aside = os.path.join(site_dir, f"{KEPT_SITE}{os.getpid()}")
        try:
            os.makedirs(aside, exist_ok=True)
            for entry in os.listdir(site_dir):
                if not entry.startswith("."):
                    os.rename(os.path.join(site_dir, entry), os.path.join(aside, entry))
            left = [e for e in os.listdir(site_dir) if e.startswith((OLD_SITE, KEPT_SITE))]
        except OSError:
            return
        self._kept = (site_dir, aside)
        self._delete_in_thread(
            [os.path.join(site_dir, e) for e in sorted(left) if e != os.path.basename(aside)]
        )

    def restore(self, files: Files, serving: bool) -> None:
        """After MkDocs cleaned site/: put the last build's entries back, delete the files this build does
        not make, and take away those it writes in place that are links (never write through a link into
        the site cache or docs/)."""
        if self._kept is None:
            return
        site_dir, aside = self._kept
        self._kept = None
        try:
            for entry in os.listdir(aside):
                os.rename(os.path.join(aside, entry), os.path.join(site_dir, entry))
            os.rmdir(aside)
        except OSError:
            self._delete_in_thread([aside])  # what was not moved back is made again
        written = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included  # as MkDocs chooses
        made = {file.dest_uri for file in files if written(file.inclusion)}
        _delete_all_but(site_dir, made)
        for file in files:
            if not isinstance(file, LinkedFile):
                try:
                    if os.lstat(file.abs_dest_path).st_nlink > 1:
                        os.unlink(file.abs_dest_path)
                except OSError:
                    pass

    def abandon(self) -> None:
        """A failed build: the last build's entries, if not yet put back, are deleted (MkDocs' clean)."""
        if self._kept is not None:
            self._delete_in_thread([self._kept[1]])
            self._kept = None
        self.finish()

    def finish(self) -> None:
        """Wait until the files moved aside for deleting are gone."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _delete_in_thread(self, folders: list[str]) -> None:
        self.finish()
        if folders:
            self._thread = threading.Thread(
                target=_delete, args=(folders,), name="explainer-old-site", daemon=True
            )
            self._thread.start()


def _delete_all_but(site_dir: str, made: set[str]) -> None:
    """Delete the files under site_dir (but its dot entries) whose path is not in made, and the folders
    this leaves empty."""
    folders = []
    for folder, subfolders, names in os.walk(site_dir):
        relative = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        if relative == ".":
            subfolders[:] = [n for n in subfolders if not n.startswith(".")]  # MkDocs' clean keeps those
            names = [n for n in names if not n.startswith(".")]
        else:
            folders.append(folder)
        for name in names:
            if (name if relative == "." else f"{relative}/{name}") not in made:
                try:
                    os.unlink(os.path.join(folder, name))
                except OSError:
                    pass
    for folder in reversed(folders):
        try:
            os.rmdir(folder)  # only if it is left empty
        except OSError:
            pass


def _delete(folders: list[str]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
