"""Fingerprints of what a build runs besides its input: the generator's source and the libraries' versions.

The extraction cache, the build stamp and the rebuild memory are all keyed by
them: a change of code or library makes their entries another build's.
"""

from __future__ import annotations

import ast
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
    "feedgen",
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


EXTRACTION_STAGES = ("read", "extract")  # what an Extraction is made by (from an article's text and kind)


def _imported(folder: Path, module: Path) -> set[Path]:
    """The package's modules that module imports (relative imports), as paths relative to folder."""
    package = module.parent
    found = set()
    for node in ast.walk(ast.parse((folder / module).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package
            for _ in range(node.level - 1):
                base = base.parent
            parts = node.module.split(".") if node.module else []
            candidates = [base.joinpath(*parts)]
            candidates += [base.joinpath(*parts, alias.name) for alias in node.names]
            for candidate in candidates:
                options = [candidate / "__init__.py"] + (
                    [candidate.with_suffix(".py")] if candidate.name else []
                )
                found.update(path for path in options if (folder / path).is_file())
    return found


def extraction_modules(folder: Path) -> list[Path]:
    """The modules extraction runs: the read and extract stages, and every module of the package they import,
    found by reading their imports (so a new import counts without anyone listing it)."""
    todo = [p.relative_to(folder) for stage in EXTRACTION_STAGES for p in (folder / stage).glob("*.py")]
    seen: set[Path] = set()
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += _imported(folder, module) - seen
    return sorted(seen)


def package_digest(folder: Path | None = None, extraction_only: bool = False) -> str:
    """The generator's source (templates and assets included), or only the modules extraction runs."""
    folder = folder or package_folder()
    digest = hashlib.sha256()
    if not extraction_only:
        update_with_tree(digest, folder, _not_compiled)
        return digest.hexdigest()
    # The learned re-typer's weights (extract/*.json) decide the types as much as the code does.
    models = sorted(
        p.relative_to(folder) for stage in EXTRACTION_STAGES for p in (folder / stage).glob("*.json")
    )
    for module in [*extraction_modules(folder), *models]:
        digest.update(
            module.as_posix().encode() + b"\x00" + hashlib.sha256((folder / module).read_bytes()).digest()
        )
    return digest.hexdigest()


@functools.lru_cache(maxsize=2)
def extraction_code_digest() -> str:
    """package_digest of this generator's extraction code, once per process."""
    return package_digest(extraction_only=True)
