"""`make bench-relations`: how much the network explains, on a corpus (default ../shared/corpus/bbc).

Reads and extracts the corpus in this process (timed against bare spaCy NER on the same texts, with the same
processes, measured in the same run), then resolves, relates and draws every article's graph as the pages do:
- the share of the items under each article's graph that carry a relation (a verb or a role), against the
  lines of what is only named together;
- the quotations credited, and how their speakers were named (a name, a pronoun, a role);
- of the 8 largest nodes of each article's graph, the share drawn with a label.
Writes a random sample of 50 relations and 50 quotations (seeded) to check by hand, prints a table and writes
bench/results/relations.json. CORPUS=path and LIMIT=N as for `make bench`.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from bench import run
from bench.run import DEFAULT_CORPUS, corpus_files, floor_seconds

SAMPLE = 50
SEED = 15
TOP_NODES = 8
_NODE = re.compile(r'<(?:a|g) class="node[^"]*"[^>]*data-r="([\d.]+)">(.*?)</(?:a|g)>', re.S)


def labelled_hubs(svg: str) -> tuple[int, int]:
    """(labelled, counted) among the TOP_NODES largest nodes of a drawn graph."""
    nodes = sorted(((float(r), "<text" in inner) for r, inner in _NODE.findall(svg)), key=lambda n: -n[0])
    top = nodes[:TOP_NODES]
    return sum(1 for _, labelled in top if labelled), len(top)


def main() -> None:
    from generator.config import Settings
    from generator.extract import extract
    from generator.model import ExtractedArticle, Report
    from generator.pipeline import resolve_articles
    from generator.read import read_files
    from generator.relate import build_graph
    from generator.render import Site
    from generator.render.graphs import graph_context
    from generator.render.paths import article_path
    from generator.verbs import VERB, act_sentence

    corpus_dir = Path(os.environ.get("CORPUS") or DEFAULT_CORPUS)
    limit = int(os.environ["LIMIT"]) if os.environ.get("LIMIT") else None
    files = corpus_files(corpus_dir, limit)
    settings = Settings()
    print(f"bench-relations: {len(files)} files from {corpus_dir}", file=sys.stderr)
    floor = floor_seconds(files, settings.model, settings.process_count)
    build_report = Report()
    articles = read_files(files, settings.max_seed_bytes, build_report)
    start = time.perf_counter()
    extractions = extract(articles, settings.model, n_process=settings.process_count)
    extract_s = time.perf_counter() - start

    corpus = resolve_articles(
        articles, [ExtractedArticle(a, e) for a, e in zip(articles, extractions)], settings, build_report
    )
    graph = build_graph(corpus)
    site = Site(settings, "Bench", corpus, graph)

    kinds: Counter[str] = Counter()
    shares, labelled, counted, with_graph = [], 0, 0, 0
    for item in corpus.articles:
        slug = item.article.slug
        context = graph_context(site.article_graph(slug), site, article_path(slug), "Bench")
        if context is None:
            continue
        with_graph += 1
        found = Counter(r.kind for r in context["relations"])
        kinds.update(found)
        total = sum(found.values())
        shares.append((found["act"] + found["role"]) / total)
        hubs, top = labelled_hubs(context["figure"]["drawn"].svg)
        labelled, counted = labelled + hubs, counted + top

    by_start = {(item.article.slug, m.start): m for item in corpus.articles for m in item.mentions}
    speakers = Counter()
    for item in corpus.articles:
        for quote in item.quotes:
            refers = by_start[(item.article.slug, quote.speaker)].refers
            speakers[refers.value if refers else "name"] += 1
    references = Counter(m.refers.value for m in by_start.values() if m.refers)
    acts = list(dict.fromkeys(act for _, _, link in graph.links() for act in link.acts))
    verbs = Counter("role" if a.verb == "role" else "verb" for a in acts)

    rng = random.Random(SEED)
    names = {e: entity.name for e, entity in corpus.entities.items()}
    lines = [f"# Samples to check by hand (seed {SEED})", "", "## Relations", ""]
    for n, act in enumerate(rng.sample(acts, min(SAMPLE, len(acts))), 1):
        said = act_sentence(
            VERB[act.verb], names[act.source], names[act.target], act.mutual, act.detail, mood=act.mood
        )
        lines.append(f"{n}. **{said}** — {act.evidence.sentence}")
    lines += ["", "## Quotations", ""]
    for n, quotation in enumerate(
        rng.sample(list(corpus.quotations), min(SAMPLE, len(corpus.quotations))), 1
    ):
        lines.append(
            f"{n}. **{names[quotation.speaker]}**: “{quotation.text}” — in: {quotation.evidence.sentence}"
        )
    run.RESULTS.mkdir(parents=True, exist_ok=True)
    (run.RESULTS / "relations-sample.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

    items = sum(kinds.values())
    result = {
        "articles": len(articles),
        "articles_with_a_graph": with_graph,
        "floor_s": round(floor, 2),
        "extract_s": round(extract_s, 2),
        "extract_over_floor": round(extract_s / floor, 3),
        "list_items": items,
        "list_items_verb": kinds["act"],
        "list_items_role": kinds["role"],
        "list_items_named_with": kinds["named with"],
        "share_with_relation_all_items": round((kinds["act"] + kinds["role"]) / items, 3) if items else None,
        "share_with_relation_article_median": round(statistics.median(shares), 3) if shares else None,
        "relations_verb": verbs["verb"],
        "relations_role": verbs["role"],
        "relations_by_verb": dict(Counter(a.verb for a in acts).most_common()),
        "quotations": len(corpus.quotations),
        "quotation_speakers_named": speakers["name"],
        "quotation_speakers_pronoun": speakers["pronoun"],
        "quotation_speakers_role": speakers["role"],
        "references_pronoun": references["pronoun"],
        "references_role": references["role"],
        "references_pair": references["pair"],
        "top8_nodes_labelled": round(labelled / counted, 4) if counted else None,
    }
    run.report(result, "relations.json", f"; samples in {run.RESULTS / 'relations-sample.md'}")


if __name__ == "__main__":
    main()
