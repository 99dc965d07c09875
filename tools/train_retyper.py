"""`make train`: the re-typer (generator/extract/retype.py) trained on the CoNLL-2003 training split.

Each training document goes through the recogniser and refine.py's rules as a
seed would; every name the rules keep is a sample, labelled with the gold type
of its surface in that document (PER, LOC, ORG, MISC) or NONE when the gold has
no such name. A logistic regression (scikit-learn, fixed seed) learns from the
features retype.py computes; its regularisation is chosen by 5-fold
cross-validation over documents, on the training split only. The weights go
to generator/extract/retyper.json with the training file's checksum and the
cross-validated score, doc-level typed F1 as `make eval` measures it.

    python -m tools.train_retyper           # train and write the model
    python -m tools.train_retyper --check   # train, and compare with the committed model
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.config import Settings
from generator.extract import recognised
from generator.extract.proposals import proposals
from generator.extract.refine import named, refine
from generator.extract.retype import (
    MODEL_FILE,
    NO_NAME,
    NameGroup,
    Neighbourhood,
    Retyper,
    features,
    name_groups,
)
from generator.model import Article, Mention, Report, Sentence
from generator.read import read_files
from tests.eval.conll import (
    PREDICTED_TYPES,
    SCORED_TYPES,
    TRAIN_SPLIT,
    normalise,
    read_documents,
    score,
    write_documents,
)

SEED = 0
FOLDS = 5
MIN_COUNT = 2  # a feature seen in fewer training names is left out: one document's word is no pattern
C = 1.0
# Thresholds to drop a recognised span, to take a proposal, and to retype a recognised span.
THRESHOLD_GRID = {"drop": (0.5, 0.7, 0.9), "proposal": (0.5, 0.7), "retype": (0.0, 0.6, 0.8)}
WITHIN = 0.3  # of the best CV F1: the most cautious thresholds this close are taken (less is changed)
LABELS = (*SCORED_TYPES, "MISC")
DECIMALS = 4
MAX_SCORE_DRIFT = 0.3  # a retrain may land this far (in F1) from the committed model's score
Score = dict[str, tuple[float, float, float]]


@dataclass
class Prepared:
    """One training document through recognition and the rules, with its names' features and labels."""

    article: Article
    sentences: list[Sentence]
    mentions: list[Mention]
    groups: list[NameGroup]
    features: list[dict[str, float]]
    labels: list[str]
    gold: set[tuple[str, str]]
    sport: bool


def _label(group: NameGroup, gold_types: dict[str, str]) -> str:
    for surface in (group.name, *(m.text for m in group.mentions)):
        kind = gold_types.get(normalise(surface))
        if kind:
            return kind
    return NO_NAME


def prepare(split: Path, model: str, processes: int) -> list[Prepared]:
    """The split's documents as samples."""
    documents = read_documents(split, LABELS)
    with tempfile.TemporaryDirectory(prefix="explainer-train-") as folder:
        paths = write_documents(documents, Path(folder))
        articles = read_files(paths, 10_000_000, Report())
    if len(articles) != len(documents):
        raise SystemExit(f"read {len(articles)} of {len(documents)} training documents")
    sentences, mentions = recognised(articles, model, processes)
    prepared = []
    for document, article, s, m in zip(documents, articles, sentences, mentions):
        kept, model_types, types = named(article, m)
        groups = name_groups(kept, model_types, types) + proposals(article, s, kept, set(types))
        around = Neighbourhood(groups)
        gold_types = {surface: kind for kind, surface in sorted(document.gold)}
        prepared.append(
            Prepared(
                article,
                s,
                m,
                groups,
                [features(g, article, s, around) for g in groups],
                [_label(g, gold_types) for g in groups],
                {(k, surface) for k, surface in document.gold if k in SCORED_TYPES},
                document.sport,
            )
        )
    return prepared


def fit(samples: list[Prepared], c: float) -> dict:
    """The model's JSON-ready data, trained on these documents."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    # Prose only: results tables teach that a lone name or a number is no name, which news prose belies.
    prose = [p for p in samples if not p.sport]
    rows = [f for p in prose for f in p.features]
    labels = [label for p in prose for label in p.labels]
    seen = Counter(name for row in rows for name in row)
    rows = [{k: v for k, v in row.items() if seen[k] >= MIN_COUNT} for row in rows]
    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(matrix, labels)
    weights = {}
    for name, column in zip(vectoriser.get_feature_names_out(), model.coef_.T):
        row = [round(float(w), DECIMALS) for w in column]
        if any(row):
            weights[str(name)] = row
    return {
        "classes": [str(c) for c in model.classes_],
        "intercept": [round(float(b), DECIMALS) for b in model.intercept_],
        "weights": weights,
    }


def predicted(sample: Prepared, retyper: Retyper | None) -> set[tuple[str, str]]:
    """The document's typed name set after refine (with this re-typer, or the rules alone)."""
    found = set()
    for mention in refine(sample.article, sample.sentences, sample.mentions, retyper):
        kind = PREDICTED_TYPES.get(mention.type.value)
        if kind and normalise(mention.text):
            found.add((kind, normalise(mention.text)))
    return found


def thresholds(drop: float, proposal: float, retype: float) -> dict[str, float]:
    return {"drop_threshold": drop, "proposal_threshold": proposal, "retype_threshold": retype}


def cross_validate(samples: list[Prepared], grid: dict[str, tuple[float, ...]]) -> dict[tuple, Score]:
    """Doc-level typed P/R/F1 on the non-sport documents, each predicted by a model that never saw it, for
    each combination of thresholds in the grid (drop, proposal, retype)."""
    folds = [fit([p for i, p in enumerate(samples) if i % FOLDS != fold], C) for fold in range(FOLDS)]
    results = {}
    for combination in itertools.product(grid["drop"], grid["proposal"], grid["retype"]):
        gold, found = [], []
        for fold, data in enumerate(folds):
            retyper = Retyper({**data, **thresholds(*combination)})
            for i, sample in enumerate(samples):
                if i % FOLDS == fold and not sample.sport:
                    gold.append(sample.gold)
                    found.append(predicted(sample, retyper))
        results[combination] = score(gold, found)
    return results


def rules_only(samples: list[Prepared]) -> Score:
    kept = [p for p in samples if not p.sport]
    return score([p.gold for p in kept], [predicted(p, None) for p in kept])


def _row(name: str, result: Score) -> str:
    return f"{name:<28}" + "".join(f" {result[k][2]:6.1f}" for k in (*SCORED_TYPES, "ALL"))


def train(split: Path = TRAIN_SPLIT, out=sys.stdout) -> dict:
    """The chosen model's data with its meta: checksum, sizes, regularisation and cross-validated scores."""
    settings = Settings()
    samples = prepare(split, settings.model, settings.process_count)
    names = sum(len(p.groups) for p in samples)
    print(f"{len(samples)} training documents, {names} names", file=out)
    print(f"{'train, 5-fold CV':<28}" + "".join(f" {k:>6}" for k in (*SCORED_TYPES, "ALL")), file=out)
    baseline = rules_only(samples)
    print(_row("rules only", baseline), file=out)
    results = cross_validate(samples, THRESHOLD_GRID)
    for combination, result in results.items():
        print(_row("drop/take/retype " + "/".join(map(str, combination)), result), file=out)
    top = max(result["ALL"][2] for result in results.values())
    chosen = max((k for k, r in results.items() if r["ALL"][2] >= top - WITHIN), key=sum)
    data = {**fit(samples, C), **thresholds(*chosen)}
    data["meta"] = {
        "training_file": split.name,
        "training_sha256": hashlib.sha256(split.read_bytes()).hexdigest(),
        "documents": len(samples),
        "names": names,
        "c": C,
        "min_count": MIN_COUNT,
        "seed": SEED,
        "cv_f1": {k: round(v[2], 2) for k, v in results[chosen].items()},
        "cv_rules_only_f1": {k: round(v[2], 2) for k, v in baseline.items()},
    }
    return data


def dump(data: dict) -> str:
    """The model file's text: one feature per line, sorted, so a retrain's diff is readable."""
    head = {k: v for k, v in data.items() if k != "weights"}
    lines = [json.dumps(head, sort_keys=True)[:-1] + ', "weights": {']
    names = sorted(data["weights"])
    for i, name in enumerate(names):
        comma = "," if i < len(names) - 1 else ""
        lines.append(f"{json.dumps(name)}: {json.dumps(data['weights'][name])}{comma}")
    lines.append("}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare a retrain with the committed model")
    args = parser.parse_args(argv)
    if not TRAIN_SPLIT.exists():
        raise SystemExit(
            f"{TRAIN_SPLIT}: the CoNLL-2003 training split is not there; put ../shared beside it"
        )
    data = train()
    text = dump(data)
    if args.check:
        committed = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        same = MODEL_FILE.read_text(encoding="utf-8") == text
        drift = abs(committed["meta"]["cv_f1"]["ALL"] - data["meta"]["cv_f1"]["ALL"])
        print(f"retrain {'gives the same file' if same else f'differs; CV F1 drift {drift:.2f}'}")
        return 0 if same or drift <= MAX_SCORE_DRIFT else 1
    MODEL_FILE.write_text(text, encoding="utf-8")
    print(
        f"wrote {MODEL_FILE} ({len(text) // 1024} KB, {len(data['weights'])} features, C={data['meta']['c']})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
