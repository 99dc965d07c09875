"""Fingerprints of what a build runs besides its input: the generator's source and the libraries' versions.

The extraction cache, the build stamp and the rebuild memory are all keyed by
them: a change of code or library makes their entries another build's.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata, resources
from pathlib import Path

# Installed packages whose code or data decide what a build writes: an upgrade must rebuild.
OUTPUT_PACKAGES = (
    "spacy",
    "thinc",
    "networkx",
    "scipy",
    "numpy",
    "jinja2",
    "markupsafe",
    "pyvis",
    "dateparser",
    "regex",
    "python-dateutil",
    "python-slugify",
    "text-unidecode",
    "PyYAML",
    "trafilatura",
    "justext",
    "lxml",
    "htmldate",
)


def installed_version(package: str) -> str:
    """The installed version of a distribution, or "absent"."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def package_folder() -> Path:
    return Path(str(resources.files("generator")))


def update_with_tree(digest, folder: Path, keep=lambda relative: True) -> None:
    """Every file under folder that keep(relative path) accepts, by relative path and bytes, in a stable
    order.

    A file that cannot be read counts by its error: reading seeds reports it,
    and the next build notices when it becomes readable.
    """
    if not folder.is_dir():
        digest.update(b"<no folder>")
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        if not keep(relative):
            continue
        digest.update(relative.as_posix().encode("utf-8", "surrogateescape") + b"\x00")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as error:  # unreadable, or gone since the listing (an editor's swap file)
            digest.update(f"<unreadable: {error.errno}>".encode())


def _not_compiled(relative: Path) -> bool:
    return "__pycache__" not in relative.parts


def _extraction_code(relative: Path) -> bool:
    """The modules extraction output can depend on: every Python module but render's, which runs after it
    (and which no earlier stage imports: tests/test_architecture.py checks)."""
    return relative.suffix == ".py" and relative.parts[0] != "render" and _not_compiled(relative)


def package_digest(folder: Path | None = None, extraction_only: bool = False) -> str:
    """The generator's source (templates and assets included), or only what extraction runs."""
    digest = hashlib.sha256()
    update_with_tree(
        digest, folder or package_folder(), _extraction_code if extraction_only else _not_compiled
    )
    return digest.hexdigest()


@functools.lru_cache(maxsize=2)
def extraction_code_digest() -> str:
    """package_digest of this generator's extraction code, once per process."""
    return package_digest(extraction_only=True)
