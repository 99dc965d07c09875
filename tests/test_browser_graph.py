"""The graphs in a real browser: static at load, interactive on demand, and every control working."""

from __future__ import annotations

import frontmatter
import pytest

from tests.conftest import built_and_served, make_project, serve

pytestmark = pytest.mark.browser

ARTICLE = "articles/russian-president-vladimir-putin-received-a-warm-welcome/"
NETWORK = "document.querySelector('figure.explainer-graph').explainerNetwork"  # the live vis-network
FIGURE = "figure.explainer-graph"
UNICODE_SEED = """Leaders meet in Zürich

François Hollande met Angela Merkel in Zürich on Monday. Angela Merkel later travelled to São Paulo.

François Hollande and Angela Merkel signed an agreement with Brazil.
"""


def clean(watched) -> None:
    assert watched.errors == [], watched.errors
    assert watched.external == [], watched.external


def wake(page, selector: str = FIGURE):
    page.locator(selector).first.hover()
    page.wait_for_selector(f'{selector}[data-state="interactive"] canvas')


@pytest.fixture(scope="module")
def unicode_server(tmp_path_factory):
    """A one-article site whose names carry accents, with labelled relations."""
    project = make_project(tmp_path_factory.mktemp("unicode-site"), seeds=[])
    (project / "seeds" / "zurich.txt").write_text(UNICODE_SEED, encoding="utf-8")
    with built_and_served(project) as base:
        yield base


def test_seed_graph_is_drawn_at_load_without_vis_network(watched_page, seed_server):
    page = watched_page.page
    page.goto(seed_server + ARTICLE)
    assert page.locator(f"{FIGURE} .explainer-graph__svg").is_visible()
    drawn = set(
        page.locator(f"{FIGURE} .explainer-graph__svg [data-entity]").evaluate_all(
            "els => els.map(e => e.getAttribute('data-entity'))"
        )
    )
    assert {"vladimir-putin", "kim-jong-un", "north-korea", "pyongyang", "moscow"} <= drawn
    assert page.evaluate("typeof window.vis") == "undefined"
    assert not any(
        "vis-network" in r for r in page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    )
    clean(watched_page)


def test_clicking_putin_in_the_static_svg_opens_his_page(watched_page, seed_server):
    page = watched_page.page
    page.route("**/vis-network.min.js", lambda route: route.abort())  # keep the static SVG in place
    page.goto(seed_server + ARTICLE)
    page.locator(f'{FIGURE} .explainer-graph__svg a[data-entity="vladimir-putin"] circle').click()
    page.wait_for_url("**/entities/vladimir-putin/")
    assert page.locator("h1").inner_text() == "Vladimir Putin"
    assert watched_page.external == []


def test_clicking_putin_in_the_interactive_graph_opens_his_page(watched_page, seed_server):
    page = watched_page.page
    page.goto(seed_server + ARTICLE)
    wake(page)
    x, y = page.evaluate("""() => {
        const fig = document.querySelector('figure.explainer-graph');
        const net = fig.explainerNetwork;
        const p = net.canvasToDOM(net.getPosition('vladimir-putin'));
        const r = fig.querySelector('canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""")
    page.mouse.move(x, y)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().splitlines()[0] == "Vladimir Putin"
    # vis-network sets innerText: plain text, whose line breaks become <br> and nothing else
    assert tooltip.evaluate("t => [...t.children].every(c => c.tagName === 'BR')")
    assert "Mentions in this article: " in tooltip.inner_text()
    page.mouse.click(x, y)
    page.wait_for_url("**/entities/vladimir-putin/")
    clean(watched_page)


def test_dark_toggle_recolours_svg_and_interactive_graph(watched_page, seed_server):
    page = watched_page.page
    page.goto(seed_server + ARTICLE)
    fill = f'{FIGURE} .explainer-graph__svg a[data-entity="vladimir-putin"] circle'
    light_svg = page.locator(fill).evaluate("e => getComputedStyle(e).fill")
    wake(page)
    colour = f"() => {NETWORK}.body.nodes['vladimir-putin'].options.color.background"
    light_vis = page.evaluate(colour)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert page.locator(fill).evaluate("e => getComputedStyle(e).fill") != light_svg
    page.wait_for_function(f"({colour})() !== {light_vis!r}")
    clean(watched_page)


def test_legend_hides_and_shows_a_type_in_both_graphs(watched_page, seed_server):
    page = watched_page.page
    page.goto(seed_server + ARTICLE)
    place = page.locator(f'{FIGURE} .explainer-graph__legend button[data-type="place"]')
    place.click()
    assert place.get_attribute("aria-pressed") == "false"
    display = "e => getComputedStyle(e).display"
    assert (
        page.locator(f'{FIGURE} .explainer-graph__svg a[data-entity="north-korea"]').evaluate(display)
        == "none"
    )
    assert (
        page.locator(f'{FIGURE} .explainer-graph__svg a[data-entity="vladimir-putin"]').evaluate(display)
        != "none"
    )
    wake(page)
    hidden = f"id => {NETWORK}.body.nodes[id].options.hidden"
    assert page.evaluate(hidden, "north-korea") is True and page.evaluate(hidden, "vladimir-putin") is False
    place.click()
    assert page.evaluate(hidden, "north-korea") is False
    clean(watched_page)


def test_entity_page_switches_to_depth_two(watched_page, seed_server):
    page = watched_page.page
    page.goto(seed_server + "entities/vladimir-putin/")
    svg = page.locator(f"{FIGURE} .explainer-graph__svg")
    outer = svg.locator(".nodes > .d2")
    direct = svg.locator(".nodes > [data-entity]:not(.d2)")
    assert outer.count() > 0 and direct.count() > 1
    # Direct ties first: the outer ring is hidden and the picture framed on the inner one. (Displayed, not
    # is_visible: scrolling to the control may wake the interactive graph, which covers the SVG.)
    shown = "els => els.map(e => getComputedStyle(e).display !== 'none')"
    assert not any(outer.evaluate_all(shown)) and all(direct.evaluate_all(shown))
    assert svg.get_attribute("viewBox") == svg.get_attribute("data-inner")
    page.get_by_label("connections of connections").check()
    assert all(outer.evaluate_all(shown)) and all(direct.evaluate_all(shown))
    assert svg.get_attribute("viewBox") == svg.get_attribute("data-full") != svg.get_attribute("data-inner")
    hidden_outer = f"() => {NETWORK}.body.data.nodes.get().filter(n => n.outer).map(n => !!n.hidden)"
    wake(page)
    assert page.evaluate(hidden_outer) == [False] * outer.count()
    # A plain tie that does not touch Putin is worded without a count: that is its own pages' news.
    beside = page.evaluate(
        f"() => {NETWORK}.body.data.edges.get().filter(e => !e.label && e.from !== 'vladimir-putin'"
        " && e.to !== 'vladimir-putin').map(e => e.title)"
    )
    assert beside and all(title.endswith(": named together") for title in beside)
    page.get_by_label("direct connections").check()
    assert page.evaluate(hidden_outer) == [True] * outer.count()
    # Finding a name on the outer ring shows the outer ring.
    name = outer.first.locator("title").text_content().split("\n")[0]
    box = page.locator(f"{FIGURE} .explainer-graph__find")
    box.fill(name)
    box.press("Enter")
    assert page.get_by_label("connections of connections").is_checked()
    assert page.evaluate(hidden_outer) == [False] * outer.count()
    clean(watched_page)


def test_network_page_lists_every_seed_entity(watched_page, seed_server, seed_site):
    page = watched_page.page
    page.goto(seed_server + "network/")
    assert page.title().startswith("Network")
    drawn = set(
        page.locator(f"{FIGURE} .explainer-graph__svg [data-entity]").evaluate_all(
            "els => els.map(e => e.getAttribute('data-entity'))"
        )
    )
    with_pages = {p.stem for p in (seed_site.docs / "entities").glob("*.md") if p.name != "index.md"}
    # The seed alone: every entity with a page; no date (they live on the timeline), and no demonym whose
    # country the site has (North Korea stands for North Korean).
    assert with_pages < drawn and "north-korea" in drawn and "north-korean" not in drawn
    assert not any(
        frontmatter.loads(p.read_text()).get("entity_type") == "date"
        for p in (seed_site.docs / "entities").glob("*.md")
    )
    clean(watched_page)


def test_find_box_finds_unicode_names_without_accents(watched_page, unicode_server):
    page = watched_page.page
    page.goto(unicode_server + "network/")
    box = page.locator(f"{FIGURE} .explainer-graph__find")
    box.fill("zurich")
    box.press("Enter")
    page.wait_for_function(
        "() => { const n = document.querySelector('figure.explainer-graph').explainerNetwork;"
        " return n && n.getSelectedNodes().length === 1; }"
    )
    selected = page.evaluate(
        "document.querySelector('figure.explainer-graph').explainerNetwork.getSelectedNodes()[0]"
    )
    label = page.evaluate(
        f"id => {NETWORK}.body.nodes[id].options.label",
        selected,
    )
    assert label == "Zürich"
    box.fill("no such name")
    box.press("Enter")
    assert box.get_attribute("aria-invalid") == "true"
    clean(watched_page)


def test_labelled_relations_are_listed_with_evidence(watched_page, unicode_server):
    page = watched_page.page
    page.goto(unicode_server + "articles/leaders-meet-in-zurich/")
    items = page.locator(".explainer-relations li").all_inner_texts()
    # Each relation is a sentence with a link to the sentence that says it; what is only named together
    # follows, one line per entity.
    assert "François Hollande met Angela Merkel ↩" in items, items
    assert "Angela Merkel signed an agreement with Brazil ↩" in items, items
    first_plain = next(i for i, t in enumerate(items) if ", also named with: " in t)
    assert all(", also named with: " in t for t in items[first_plain:])
    assert all("↩" in t for t in items[:first_plain])
    evidence = page.locator(".explainer-relations li", has_text="travelled to").locator("a", has_text="↩")
    assert evidence.first.get_attribute("href").endswith("#p1")
    # An entity page opens with its strongest relations, and lists them under its graph too.
    page.goto(unicode_server + "entities/angela-merkel/")
    items = page.locator(".explainer-relations li").all_inner_texts()
    assert "François Hollande met Angela Merkel ↩" in items, items
    facts = page.locator(".explainer-key-facts").inner_text()
    assert "François Hollande met Angela Merkel" in facts, facts
    clean(watched_page)


def test_graph_works_from_file_urls(watched_page, seed_site):
    page = watched_page.page
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((seed_site.site / ARTICLE / "index.html").as_uri())
    assert page.locator(f"{FIGURE} .explainer-graph__svg").is_visible()
    wake(page)
    assert (
        page.evaluate(
            "document.querySelector('figure.explainer-graph').explainerNetwork.body.nodeIndices.length"
        )
        >= 10
    )
    # Material's search index cannot load from file://; nothing of ours may fail
    assert all("/search/" in url for url in failed), failed
    assert [e for e in watched_page.errors if "search" not in e and "Failed to load resource" not in e] == []


@pytest.fixture(scope="module")
def instant_server(tmp_path_factory):
    """The seed site with Material's instant navigation on (site_url must match where it is served)."""
    import subprocess

    from generator.config import read_mkdocs_yml

    from .conftest import ENV, MKDOCS

    project = make_project(tmp_path_factory.mktemp("instant-site"))
    base, server = serve(project / "site")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    assert "    - navigation.sections\n" in text
    text = text.replace(
        "    - navigation.sections\n", "    - navigation.sections\n    - navigation.instant\n", 1
    )
    config_file.write_text(text, encoding="utf-8")
    assert "navigation.instant" in read_mkdocs_yml(config_file)["theme"]["features"]
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**ENV, "EXPLAINER_SITE_URL": base},
    )
    assert result.returncode == 0, result.stderr
    yield base
    server.shutdown()


def test_graphs_survive_instant_navigation(watched_page, instant_server):
    page = watched_page.page
    page.goto(instant_server + ARTICLE)
    page.evaluate("window.__sameDocument = true")  # survives only if the router swaps the page in place
    wake(page)
    x, y = page.evaluate("""() => {
        const fig = document.querySelector('figure.explainer-graph');
        const p = fig.explainerNetwork.canvasToDOM(fig.explainerNetwork.getPosition('vladimir-putin'));
        const r = fig.querySelector('canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""")
    page.mouse.click(x, y)
    page.wait_for_url("**/entities/vladimir-putin/")
    page.wait_for_selector("h1:text-is('Vladimir Putin')")
    assert page.evaluate("window.__sameDocument") is True
    # The new page's figure is set up by document$ (no reload), wakes and draws its own network.
    wake(page)
    assert page.evaluate(f"{NETWORK}.body.nodes['vladimir-putin'] !== undefined")
    page.locator(f'{FIGURE} .explainer-graph__svg a[data-entity="kim-jong-un"]').dispatch_event("click")
    page.wait_for_url("**/entities/kim-jong-un/")
    assert page.evaluate("window.__sameDocument") is True
    clean(watched_page)


def test_interactive_graph_is_read_from_the_svg(watched_page, seed_server):
    page = watched_page.page
    page.goto(seed_server + ARTICLE)
    svg_nodes = page.locator(f"{FIGURE} .explainer-graph__svg [data-entity]").count()
    svg_edges = page.locator(f"{FIGURE} .explainer-graph__svg [data-from]").count()
    wake(page)
    data = page.evaluate(
        f"() => {{ const n = {NETWORK};"
        " return {nodes: n.body.data.nodes.get(), edges: n.body.data.edges.get()}; }"
    )
    assert (len(data["nodes"]), len(data["edges"])) == (svg_nodes, svg_edges) and svg_edges > 5
    putin = next(n for n in data["nodes"] if n["id"] == "vladimir-putin")
    assert (
        putin["label"] == "Vladimir Putin"
        and putin["shape"] == "dot"
        and "Mentions in this article:" in putin["title"]
    )
    titles = {(e["from"], e["to"]): e["title"] for e in data["edges"]}
    # A labelled edge keeps the sentence from the SVG; a plain one is worded from the names and the weight.
    assert titles[("vladimir-putin", "north-korea")].startswith("Vladimir Putin visited North Korea\n“")
    assert titles[("north-korea", "russia")] == "North Korea and Russia: named together in 3 sentences"
    assert (
        next(e for e in data["edges"] if e["from"] == "vladimir-putin" and e["to"] == "north-korea")["arrows"]
        == "to"
    )
    clean(watched_page)
