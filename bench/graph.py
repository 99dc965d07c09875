"""Benchmark (not a test): the site-wide Network page with 500 entities and 2,000 connections.

Builds a real mkdocs-material page from a synthetic site graph (scale-free, seeded),
serves it on 127.0.0.1 and drives headless chromium:
  - visible at load: when the static SVG is painted (first contentful paint) and the load event;
  - interactive: from the reader's first pointer move over the graph until vis-network
    has drawn the same graph and answers (two animation frames after it is ready);
  - one redraw of the interactive graph (what a zoom or drag step costs).
Run: make bench-graph   (or .venv/bin/python bench/graph.py [--nodes 500 --edges 2000 --runs 3])
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
import yaml  # noqa: E402

from generator.config import Settings  # noqa: E402
from generator.model import Evidence  # noqa: E402
from generator.render.assets import render_assets  # noqa: E402
from generator.render.common import front_matter, render_template  # noqa: E402
from generator.render.graphs import graph_context  # noqa: E402

TYPES = ["person", "place", "organization", "group", "event", "other"]
TARGET_INTERACTIVE_S = 1.5


def synthetic_graph(nodes: int, edges: int, seed: int = 1) -> nx.Graph:
    """A scale-free site graph with names, types, mentions, weights and one evidence sentence per edge."""
    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(nodes, max(1, round(edges / nodes)), seed=seed)
    graph = nx.Graph()
    for n in sorted(base.nodes):
        graph.add_node(
            f"entity-{n}",
            name=f"Entity {n} {rng.choice(['Ltd', 'City', 'Smith', 'Union'])}",
            type=rng.choice(TYPES),
            mentions=1 + base.degree(n),
            articles=1,
            role=None,
        )
    pairs = sorted(base.edges)[:edges]
    while len(pairs) < edges:  # top up to the exact count with random extra ties
        a, b = sorted(rng.sample(range(nodes), 2))
        if (a, b) not in pairs:
            pairs.append((a, b))
    for a, b in pairs:
        ev = Evidence(
            "story", "p1", f"Entity {a} and Entity {b} were named together in a sentence of ordinary length."
        )
        graph.add_edge(
            f"entity-{a}",
            f"entity-{b}",
            kind="co-occurrence",
            weight=rng.randint(1, 4),
            evidence=[ev],
            by_article={"story": 1},
            actions=[],
        )
    return graph


class _Index:
    """The two paths the renderer asks for; entity pages are not built for the benchmark."""

    def entity_path(self, entity_id: str) -> None:
        return None

    def article_path(self, slug: str) -> str:
        return "index.md"


def build_site(graph: nx.Graph, folder: Path) -> tuple[Path, float, int]:
    """A mkdocs-material site holding only the Network page; returns (site, layout seconds, page bytes)."""
    project = folder / "project"
    (project / "docs").mkdir(parents=True)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!!python", "#"))
    config.pop("hooks", None)
    config.pop("watch", None)
    config["nav"] = [{"Network": "network.md"}]
    config.pop("not_in_nav", None)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    started = time.perf_counter()
    context = graph_context(graph, _Index(), "network.md", Settings(), "Every entity on the site")
    layout_s = time.perf_counter() - started
    page = render_template(
        "network.md.j2",
        {
            "front_matter": front_matter({"title": "Network", "explainer": "network"}),
            "summary": f"{graph.number_of_nodes()} entities and {graph.number_of_edges()} connections.",
            "graph": context,
        },
    )
    (project / "docs" / "network.md").write_bytes(page)
    (project / "docs" / "index.md").write_text("# Bench\n")
    for asset in render_assets():
        target = project / "docs" / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.content)
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run(
        [str(mkdocs), "build", "-q"],
        cwd=project,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    html = project / "site" / "network" / "index.html"
    return project / "site", layout_s, html.stat().st_size


MEASURE = """() => { window.__bench = new Promise(resolve => {
  const figure = document.querySelector('figure.explainer-graph');
  let t0 = null;
  figure.addEventListener('pointerenter', () => { t0 = performance.now(); }, { capture: true, once: true });
  new MutationObserver(() => {
    if (figure.getAttribute('data-state') !== 'interactive') return;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const net = figure.explainerNetwork;
      const r0 = performance.now();
      net.redraw();
      const redraw = performance.now() - r0;
      resolve({ interactive_ms: performance.now() - t0, redraw_ms: redraw, nodes: net.body.nodeIndices.length,
                edges: net.body.edgeIndices.length });
    }));
  }).observe(figure, { attributes: true, attributeFilter: ['data-state'] });
}); }"""


def measure(base: str, runs: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless=new"]
        )
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(base + "network/", wait_until="load")
            timing = page.evaluate("""() => ({
              fcp_ms: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
              load_ms: performance.getEntriesByType('navigation')[0].loadEventEnd,
              svg_nodes: document.querySelectorAll('figure.explainer-graph svg [data-entity]').length,
              vis_loaded_at_load: typeof window.vis !== 'undefined'
            })""")
            page.evaluate(MEASURE)
            page.locator("figure.explainer-graph .explainer-graph__canvas").hover()
            timing.update(page.evaluate("window.__bench"))
            results.append(timing)
            context.close()
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--edges", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    graph = synthetic_graph(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as tmp:
        site, layout_s, page_bytes = build_site(graph, Path(tmp))
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            runs = measure(f"http://127.0.0.1:{server.server_address[1]}/", args.runs)
        finally:
            server.shutdown()
    median = {
        k: statistics.median(r[k] for r in runs) for k in ("fcp_ms", "load_ms", "interactive_ms", "redraw_ms")
    }
    report = {
        "graph": {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()},
        "build": {"layout_and_draw_s": round(layout_s, 2), "page_bytes": page_bytes},
        "median": {k: round(v) for k, v in median.items()},
        "runs": runs,
        "target": f"interactive within {TARGET_INTERACTIVE_S} s of first interaction",
        "met": median["interactive_ms"] <= TARGET_INTERACTIVE_S * 1000
        and not any(r["vis_loaded_at_load"] for r in runs),
    }
    print(json.dumps(report, indent=2))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


if __name__ == "__main__":
    main()
