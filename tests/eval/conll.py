"""`make eval`: doc-level typed entity F1 of `python -m generator extract --json` on the CoNLL-2003 dev split.

Each document of ../shared/eval/conll2003-valid.txt becomes a plain-text file
(tokens detokenised, one sentence per line, the headline first) in a temp
folder; the extract command reads them all, and its output is scored with the
metric of DESIGN.md: per non-sport document, the unique normalised surfaces of
each type (PER, LOC, ORG), micro-averaged P/R/F1. The data never leaves ../shared.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV_SPLIT = ROOT.parent / "shared" / "eval" / "conll2003-valid.txt"
TRAIN_SPLIT = ROOT.parent / "shared" / "eval" / "conll2003-train.txt"
SCORED_TYPES = ("PER", "LOC", "ORG")
PREDICTED_TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}
SPORTS = {
    "soccer",
    "cricket",
    "baseball",
    "tennis",
    "boxing",
    "golf",
    "basketball",
    "squash",
    "athletics",
    "cycling",
    "rugby",
    "rugby union",
    "rugby league",
    "hockey",
    "ice hockey",
    "motor racing",
    "formula one",
    "horse racing",
    "nfl",
    "american football",
    "swimming",
    "skiing",
    "rowing",
    "sailing",
    "badminton",
    "volleyball",
    "handball",
    "judo",
    "wrestling",
    "snooker",
    "darts",
    "motorcycling",
    "rallying",
    "nhl",
    "nba",
    "olympics",
    "sport",
    "sports",
    "athletics-",
    "basketballsoccer",
    "alpine skiing",
    "equestrianism",
    "chess",
}


@dataclass
class Document:
    sentences: list[list[str]]
    gold: set[tuple[str, str]]  # (type, normalised surface)
    sport: bool


_NO_SPACE_BEFORE = re.compile(r" (?=[,.;:!?%)\]}]|'s\b|'S\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenise(tokens: list[str]) -> str:
    """Tokens as a news sentence would print them: no space before punctuation or clitics."""
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub("", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    return re.sub(r'" (.*?) "', r'"\1"', text)


def normalise(surface: str) -> str:
    """DESIGN.md normalisation: NFKC, ’→', possessive and leading 'the' off, edge punctuation off,
    casefold."""
    text = unicodedata.normalize("NFKC", surface).replace("’", "'").strip()
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    text = text.strip(" \t\"'“”‘.,;:!?()[]{}<>-–—")
    return " ".join(text.split()).casefold()


def _spans(tokens: list[str], tags: list[str]) -> list[tuple[str, str]]:
    """(type, surface) of IOB1/IOB2 tagged entities."""
    out, current, kind = [], [], None
    for token, tag in zip(tokens, tags):
        prefix, _, label = tag.partition("-")
        if tag == "O" or prefix == "B" or label != kind:
            if current:
                out.append((kind, detokenise(current)))
            current, kind = ([token], label) if tag != "O" else ([], None)
        else:
            current.append(token)
    if current:
        out.append((kind, detokenise(current)))
    return out


def read_documents(path: Path = DEV_SPLIT, types: tuple[str, ...] = SCORED_TYPES) -> list[Document]:
    """The split's documents with their gold (type, surface) sets of the given types."""
    documents = []
    for chunk in path.read_text(encoding="utf-8").split("-DOCSTART- -X- -X- O")[1:]:
        sentences, gold = [], set()
        for block in chunk.strip().split("\n\n"):
            rows = [line.split() for line in block.splitlines() if line.strip()]
            if not rows:
                continue
            tokens, tags = [r[0] for r in rows], [r[-1] for r in rows]
            sentences.append(tokens)
            gold |= {(kind, normalise(s)) for kind, s in _spans(tokens, tags) if kind in types}
        if not sentences:
            continue
        head = sentences[0]
        sport = "-" in head[:4] and " ".join(head[: head.index("-")]).casefold() in SPORTS
        documents.append(Document(sentences, {g for g in gold if g[1]}, sport))
    return documents


def write_documents(documents: list[Document], folder: Path) -> list[Path]:
    paths = []
    for number, document in enumerate(documents):
        path = folder / f"doc{number:04d}.txt"
        path.write_text("\n".join(detokenise(s) for s in document.sentences) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def predicted_sets(output: list[dict]) -> list[set[tuple[str, str]]]:
    sets = []
    for item in output:
        found = set()
        for entity in item["entities"]:
            kind = PREDICTED_TYPES.get(entity["type"])
            if kind:
                # "he", "the president": a reference to a name (coref.py), not a name
                found |= {(kind, normalise(m["text"])) for m in entity["mentions"] if "refers" not in m}
        sets.append({f for f in found if f[1]})
    return sets


def score(gold: list[set], predicted: list[set]) -> dict[str, tuple[float, float, float]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, predicted):
        for kind in SCORED_TYPES:
            gk = {s for t, s in g if t == kind}
            pk = {s for t, s in p if t == kind}
            tp[kind] += len(gk & pk)
            fp[kind] += len(pk - gk)
            fn[kind] += len(gk - pk)
    out = {}
    for kind in (*SCORED_TYPES, "ALL"):
        t = sum(tp.values()) if kind == "ALL" else tp[kind]
        f_p = sum(fp.values()) if kind == "ALL" else fp[kind]
        f_n = sum(fn.values()) if kind == "ALL" else fn[kind]
        precision = t / (t + f_p) if t + f_p else 0.0
        recall = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[kind] = (100 * precision, 100 * recall, 100 * f1)
    return out


def run_extract(paths: list[Path]) -> list[dict]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--config",
            str(ROOT / "mkdocs.yml"),
            "extract",
            "--json",
            *map(str, paths),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"extract failed ({result.returncode}):\n{result.stderr}")
    return json.loads(result.stdout)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    every = read_documents()
    with tempfile.TemporaryDirectory(prefix="explainer-eval-") as folder:
        paths = write_documents(every, Path(folder))
        output = run_extract(paths)
    if len(output) != len(every):
        raise SystemExit(f"extract gave {len(output)} results for {len(every)} files")
    documents = [d for d in every if not d.sport]
    predicted = [p for d, p in zip(every, predicted_sets(output)) if not d.sport]
    gold = [d.gold for d in documents]
    if "--errors" in argv:
        for number, (g, p) in enumerate(zip(gold, predicted)):
            for kind, s in sorted(p - g):
                print(f"doc{number:04d} FP {kind} {s}")
            for kind, s in sorted(g - p):
                print(f"doc{number:04d} FN {kind} {s}")
    dev = score(gold, predicted)
    train = _train_cross_validated() if "--train" in argv else None
    print(f"CoNLL-2003, doc-level typed entity sets; dev: {len(documents)} non-sport documents")
    header = f"{'type':<5} {'dev P':>6} {'dev R':>6} {'dev F1':>6}"
    print(header + (f" {'train P':>7} {'train R':>7} {'CV F1':>6}" if train else ""))
    for kind, (p, r, f) in dev.items():
        row = f"{kind:<5} {p:6.1f} {r:6.1f} {f:6.1f}"
        if train:
            tp, tr, tf = train[kind]
            row += f" {tp:7.1f} {tr:7.1f} {tf:6.1f}"
        print(row)
    if train:
        print(
            "train: 5-fold cross-validation over documents with the committed model's settings (refine stage)"
        )
    return 0


def _train_cross_validated() -> dict[str, tuple[float, float, float]]:
    """The training split's cross-validated score with the committed model's thresholds."""
    import json

    from generator.config import Settings
    from generator.extract.retype import MODEL_FILE
    from tools.train_retyper import THRESHOLD_GRID, cross_validate, prepare

    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    grid = {key: (data[f"{key}_threshold"],) for key in THRESHOLD_GRID}
    settings = Settings()
    samples = prepare(TRAIN_SPLIT, settings.model, settings.process_count)
    return next(iter(cross_validate(samples, grid).values()))


if __name__ == "__main__":
    raise SystemExit(main())
