"""The shape of the package: which module may import what, and modules a newcomer can read in one sitting.

These are the rules the rest of the design leans on: spaCy stays in one module; the model imports
nothing heavy; nothing before render imports render (the extraction cache digests every module but
render's: an import the other way would let a render edit change extraction unseen, since the cache
digests the modules read and extract import); and the stages
talk only through the model's types.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
MAX_LINES = 330  # "about 300": a module a newcomer reads in one sitting


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module path imports (relative imports resolved), at any depth of the file."""
    package = _name(path) if path.name == "__init__.py" else _name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def test_only_the_nlp_module_imports_spacy():
    importers = [_name(p) for p in MODULES if any(i.split(".")[0] == "spacy" for i in _imports(p))]
    assert importers == ["generator.extract.nlp"]


@pytest.mark.parametrize("path", sorted((PACKAGE / "model").glob("*.py")), ids=_name)
def test_the_model_imports_only_the_standard_library(path):
    imported = {i.split(".")[0] for i in _imports(path) if not i.startswith("generator.model")}
    assert imported <= {"__future__", "dataclasses", "enum", "pathlib", "typing"}


BEFORE_RENDER = [p for p in MODULES if p.parent.name != "render" and p.name != "pipeline.py"]


@pytest.mark.parametrize("path", BEFORE_RENDER, ids=_name)
def test_no_stage_before_render_imports_render(path):
    assert not any(i.startswith("generator.render") for i in _imports(path))


def test_only_the_pipeline_and_the_stages_own_modules_import_a_stage():
    """The CLI and the MkDocs hook are thin: they call the pipeline, never a stage."""
    for thin in ("cli.py", "mkdocs_hook.py"):
        imported = _imports(PACKAGE / thin)
        stages = {i for i in imported if i.split(".")[:2][-1] in ("read", "extract", "render")}
        assert stages == set(), thin


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_every_module_says_what_it_owns_and_fits_one_sitting(path):
    source = path.read_text(encoding="utf-8")
    if path.name == "__main__.py" or not source.strip():
        return
    assert ast.get_docstring(ast.parse(source)), f"{_name(path)} has no docstring"
    assert source.count("\n") <= MAX_LINES, f"{_name(path)} has {source.count(chr(10))} lines"
