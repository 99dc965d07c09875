"""Rebuilds after an edit draw only the pages the edit reaches, and give the very docs/ a fresh build gives.

Each test builds the Yukos story (and the example seed) once, makes one kind of
edit, rebuilds, and compares docs/ byte for byte with a build of the edited seeds
from nothing (with the extraction cache, which is keyed by content).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import generator.extract
from generator.config import load_settings
from generator.pipeline import BuildResult, build
from generator.session import Session
from generator.stamp import MEMORY_FILE, STAMP_FILE, DateCache

from .conftest import ROOT, folder_bytes, make_project, yukos_seeds

pytestmark = [pytest.mark.model, pytest.mark.slow]

OURS = (STAMP_FILE, MEMORY_FILE, DateCache.FILE)  # what a build leaves in the cache besides extractions
NAMELESS = "\n\nOne more paragraph, which names nobody at all.\n"
NAMES = "\n\nVladimir Putin met Mikhail Khodorkovsky in Moscow on Monday.\n"
HUB_ALONE = "\n\nVladimir Putin said nothing more.\n"  # a hub of the story, named with no one


@pytest.fixture(scope="module")
def extractions(tmp_path_factory) -> Path:
    """The extraction cache of the story's seeds, filled once for every test here."""
    project = make_project(tmp_path_factory.mktemp("incremental-cache"), _seeds())
    build(load_settings(project / "mkdocs.yml"))
    return project / ".cache" / "explainer"


def _seeds() -> list[Path]:
    seeds = yukos_seeds()
    if not seeds:
        pytest.fail("BBC corpus missing beside the project: clone it with ../shared beside it")
    return [*seeds, *sorted((ROOT / "seeds").glob("*.txt"))]


def _project(where: Path, extractions: Path) -> Path:
    """The story, built once: the state an editor's rebuild starts from."""
    project = make_project(where, _seeds())
    shutil.copytree(extractions, project / ".cache" / "explainer", ignore=shutil.ignore_patterns(*OURS))
    first = build(load_settings(project / "mkdocs.yml"))
    assert first.kept == 0 and first.written.written
    return project


def _docs(project: Path) -> dict[str, bytes]:
    return folder_bytes(project / "docs")


def _fresh_docs(project: Path, extractions: Path, where: Path) -> dict[str, bytes]:
    """docs/ of the same seeds built from nothing."""
    fresh = make_project(where, sorted((project / "seeds").iterdir()))
    shutil.copytree(extractions, fresh / ".cache" / "explainer", ignore=shutil.ignore_patterns(*OURS))
    assert build(load_settings(fresh / "mkdocs.yml")).kept == 0
    return _docs(fresh)


def _rebuild(project: Path) -> BuildResult:
    result = build(load_settings(project / "mkdocs.yml"))
    assert not result.up_to_date
    return result


def _seed(project: Path, number: int = 3) -> Path:
    return sorted((project / "seeds").glob("bbc-*.txt"))[number]


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture
def project(tmp_path, extractions) -> Path:
    return _project(tmp_path / "project", extractions)


def test_an_edit_that_names_no_one_draws_only_its_article(project, extractions, tmp_path):
    seed = _seed(project)
    _append(seed, NAMELESS)
    result = _rebuild(project)
    [article] = result.written.written
    assert article.startswith("articles/") and f"seeds/{seed.name}" in (project / "docs" / article).read_text(
        encoding="utf-8"
    )
    # Every other page stood, but the timeline, which reads every article for its dates (and the
    # article's graph figure and embed, drawn with it; the figure came out as it was, so is not written).
    name = article.removesuffix(".md")
    expected = [article, f".figures/{name}.html", f"embed/{name}.html", "timeline.md"]
    assert sorted(result.drawn) == sorted(expected)
    assert result.kept == result.pages - 4
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def test_an_edit_naming_entities_redraws_what_shows_them(project, extractions, tmp_path):
    _append(_seed(project), NAMES)
    result = _rebuild(project)
    assert "entities/vladimir-putin.md" in result.written.written
    assert result.kept > 0
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def test_an_edit_naming_a_hub_leaves_the_figures_that_only_show_it(project, extractions, tmp_path):
    """Putin's new mention changes his ties, not what a figure around someone else shows of him (a node as big
    as a node gets, and his ties beside its focus): those pages stand."""
    from generator.render.layout import FULL_SIZE_MENTIONS

    seed = _seed(project)
    _append(seed, HUB_ALONE)
    result = _rebuild(project)
    site = _site(project)
    assert site.node("vladimir-putin").mentions > FULL_SIZE_MENTIONS
    assert "entities/vladimir-putin.md" in result.drawn
    named = _named_in(site, seed)
    shown = [
        e for e in site.entities_with_a_page() if "vladimir-putin" in site.entity_view(e) and e not in named
    ]
    assert len(shown) > 10 and not {f"entities/{e}.md" for e in shown} & set(result.drawn)
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def test_a_new_title_reaches_its_neighbours_and_its_entities(project, extractions, tmp_path):
    seed = _seed(project, 5)
    text = seed.read_text(encoding="utf-8")
    seed.write_text("A headline the editor rewrote\n" + text.split("\n", 1)[1], encoding="utf-8")
    _rebuild(project)
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def test_a_new_date_changes_the_reading_order(project, extractions, tmp_path):
    seed = _seed(project, 7)
    seed.write_text("---\ndate: 2004-12-15\n---\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    _rebuild(project)
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def test_a_removed_and_an_added_seed(project, extractions, tmp_path):
    _seed(project, 2).unlink()
    shutil.copy(ROOT.parent / "shared" / "corpus" / "bbc" / "bbc-business-001.txt", project / "seeds")
    result = _rebuild(project)
    assert any(
        "seeds/bbc-business-001.txt" in (project / "docs" / path).read_text(encoding="utf-8")
        for path in result.written.written
        if path.startswith("articles/")
    )
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def test_a_curation_change(project, extractions, tmp_path):
    (project / "seeds" / "entities.yml").write_text(
        "Yukos:\n  description: A Russian oil company.\n"
        "Mikhail Khodorkovsky:\n  rename: Mikhail B. Khodorkovsky\n",
        encoding="utf-8",
    )
    result = _rebuild(project)
    assert "entities/yukos.md" in result.written.written
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def test_pages_edited_or_deleted_by_hand(project, extractions, tmp_path):
    edited, deleted = project / "docs" / "entities" / "yukos.md", project / "docs" / "entities" / "moscow.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn editor's note.\n", encoding="utf-8")
    deleted.unlink()
    _append(_seed(project), NAMELESS)
    result = _rebuild(project)
    assert "docs/entities/yukos.md" in {p.path for p in result.report.problems}  # left alone, with a warning
    assert "An editor's note." in edited.read_text(encoding="utf-8")
    assert deleted.exists()  # drawn again
    edited.unlink()
    assert _rebuild(project).kept > 0
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


@pytest.mark.parametrize("companion", ["embed/entities/yukos.html", ".figures/entities/yukos.html"])
def test_a_deleted_embed_or_figure_is_drawn_again_with_its_page(project, extractions, tmp_path, companion):
    (project / "docs" / companion).unlink()
    result = _rebuild(project)
    drawn_together = {"entities/yukos.md", ".figures/entities/yukos.html", "embed/entities/yukos.html"}
    assert drawn_together <= set(result.drawn)
    assert (project / "docs" / companion).exists() and result.kept > 0
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def test_a_changed_setting_draws_every_page(project):
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("layout_seed: 7 ", "layout_seed: 11 ", 1), encoding="utf-8"
    )
    assert load_settings(config).layout_seed == 11
    result = _rebuild(project)
    assert result.kept == 0  # (the pages may come out the same: small graphs are laid out without the seed)


def test_a_new_title_reaches_the_articles_beside_it(project, extractions, tmp_path):
    """An article naming no one is last in reading order; its new title shows on the page before it."""
    seed = project / "seeds" / "zz-nameless.txt"
    seed.write_text(
        "Zz a story without names\n\nThe committee met and talked for a long time.\n", encoding="utf-8"
    )
    _rebuild(project)
    seed.write_text(
        "Zz a story with a new headline\n\nThe committee met and talked for a long time.\n", encoding="utf-8"
    )
    result = _rebuild(project)
    assert len(result.written.written) >= 2  # the article, and the one whose "Next" link names it
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def _site(project: Path):
    """The project's Site, as a build makes it (from the extraction cache)."""
    from generator.model import Report
    from generator.pipeline import corpus_of
    from generator.relate import build_graph
    from generator.render import Site

    corpus = corpus_of(load_settings(project / "mkdocs.yml"), Report())
    return Site(load_settings(project / "mkdocs.yml"), "Explainer", corpus, build_graph(corpus))


def _named_in(site, seed: Path) -> set[str]:
    """The entities the seed's article names (sidebar and graph)."""
    [slug] = [s for s in site.article_slugs() if site.article(s).article.source.name == seed.name]
    return {member.entity for member in site.article_entities(slug)}


def _hub_and_unshown_neighbour(project: Path) -> tuple[str, str]:
    """An entity page and a neighbour it does not show, tied at the Related list's cut-off weight."""
    from generator.render.entities import MAX_RELATED

    site = _site(project)
    graph = site._graph
    for hub in site.entities_with_a_page():
        related = site.related(hub, MAX_RELATED)
        if len(related) == MAX_RELATED:
            shown = set(site.entity_view(hub)) | set(related)
            cut_off = graph.link(hub, related[-1]).weight
            for other in sorted(graph.adjacency[hub]):
                if other not in shown and graph.link(hub, other).weight == cut_off:
                    return hub, graph.nodes[other].name
    pytest.fail("no entity in the story has an unshown neighbour at its Related list's cut-off")


def test_a_renamed_neighbour_joins_a_related_list(project, extractions, tmp_path):
    """Renamed to sort first, under the same id, the neighbour joins the list: the hub's page changes
    although nothing it showed did."""
    hub, name = _hub_and_unshown_neighbour(project)
    (project / "seeds" / "entities.yml").write_text(f'"{name}":\n  rename: "({name})"\n', encoding="utf-8")
    result = _rebuild(project)
    assert f"entities/{hub}.md" in result.written.written
    assert f"({name})" in (project / "docs" / "entities" / f"{hub}.md").read_text(encoding="utf-8")
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def test_a_date_made_an_event_joins_the_graph(project, extractions, tmp_path):
    """Curation alone (no article changes) adds a node and its edges: pages two hops away show it."""
    from collections import Counter

    from generator.model import EntityType, Report
    from generator.pipeline import corpus_of

    corpus = corpus_of(load_settings(project / "mkdocs.yml"), Report())
    counts = Counter(
        em.entity for em in corpus.mentions if corpus.entities[em.entity].type is EntityType.DATE
    )
    name = corpus.entities[max(counts, key=lambda e: (counts[e], e))].name
    (project / "seeds" / "entities.yml").write_text(f'"{name}":\n  type: event\n', encoding="utf-8")
    result = _rebuild(project)
    assert f"entities/{name.lower().replace(' ', '-')}.md" in result.written.written  # an event has a page
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")


def test_a_cache_that_cannot_be_written_costs_time_not_the_build(project):
    cache = project / ".cache" / "explainer"
    for name in (DateCache.FILE, MEMORY_FILE):
        (cache / name).unlink()
        (cache / name).mkdir()  # a directory where the file should go: every write to it fails
    _append(_seed(project), NAMELESS)
    result = _rebuild(project)
    assert result.written.written  # docs/ was brought up to date
    assert any(
        p.path == ".cache/explainer" and "cannot be written" in p.message for p in result.report.problems
    )


def test_a_serving_session_rebuilds_from_what_it_kept(project, extractions, tmp_path, monkeypatch):
    """mkdocs serve's session: the next build takes the Memory and extractions the last one kept, not the
    cache folder's, and gives the docs/ a fresh build gives."""
    settings = load_settings(project / "mkdocs.yml")
    session = Session()
    _append(_seed(project), NAMELESS)
    build(settings, session=session)
    cache = project / ".cache" / "explainer"
    (cache / MEMORY_FILE).unlink()  # without the session, every page would be drawn again
    for entry in cache.glob("??/*.json"):
        entry.unlink()  # and every seed extracted again
    extracted: list[str] = []
    monkeypatch.setattr(
        generator.extract,
        "extract",
        lambda articles, *args, _real=generator.extract.extract, **kwargs: (
            extracted.extend(a.source.name for a in articles) or _real(articles, *args, **kwargs)
        ),
    )
    _append(_seed(project, 4), NAMES)
    result = build(settings, session=session)
    assert extracted == [_seed(project, 4).name]
    assert result.kept > 0  # from the Memory kept: the cache folder has none
    assert _docs(project) == _fresh_docs(project, extractions, tmp_path / "fresh")
