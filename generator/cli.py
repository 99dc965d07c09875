"""Command line: `python -m generator build [--strict]`, `python -m generator extract --json FILE...`.

Thin by design: it parses arguments, calls the library and prints. Messages go
to stderr; stdout carries only what a command is asked to output (JSON).
Exit codes: 0 success, 1 problems under --strict (or a failure), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path

from .config import ConfigError, ModelError, load_settings
from .failures import environment_error, internal_error
from .model import Report


def _print_problems(report: Report) -> None:
    for problem in report.problems:
        print(f"{problem.severity}: {problem}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import build

    settings = load_settings(Path(args.config))
    result = build(settings, site_name=_site_name(Path(args.config)))
    _print_problems(result.report)
    if args.verbose:
        for note in result.report.debug:
            print(f"debug: {note}", file=sys.stderr)
    w = result.written
    if result.up_to_date:
        print(
            f"explainer: {result.articles} articles, {result.pages} pages: "
            "nothing changed since the last build",
            file=sys.stderr,
        )
        return 1 if args.strict and result.report.problems else 0
    print(
        f"explainer: {result.articles} articles, {result.entities} entities, {result.pages} pages "
        f"({len(w.written)} written, {w.unchanged} unchanged, {len(w.removed)} removed)",
        file=sys.stderr,
    )
    return 1 if args.strict and result.report.problems else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .json_output import extract_files

    settings = load_settings(Path(args.config)) if Path(args.config).exists() else None
    report = Report()
    data = extract_files([Path(f) for f in args.files], settings, report)
    _print_problems(report)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1 if args.pretty else None)
    sys.stdout.write("\n")
    return 1 if args.strict and report.problems else 0


def cmd_review(args: argparse.Namespace) -> int:
    """What an editor should look at: likely duplicates, type conflicts, suspicious entities (review.py)."""
    from .pipeline import corpus_of
    from .review import review

    report = Report()
    corpus = corpus_of(load_settings(Path(args.config)), report)
    _print_problems(report)
    suggestions = review(corpus)
    for s in suggestions:
        print(f"{s.kind}: {s.message}\n" + "".join(f"    {line}\n" for line in s.snippet.splitlines()))
    print(
        f"explainer: {len(suggestions)} to review; add an entry to seeds/entities.yml to settle one",
        file=sys.stderr,
    )
    return 0


def _site_name(config: Path) -> str:
    from .config import read_mkdocs_yml

    return read_mkdocs_yml(config).get("site_name") or "Explainer"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m generator", description="Explainer: news articles → explainer microsite"
    )
    p.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="generate docs/ from the seeds")
    b.add_argument("--strict", action="store_true", help="exit 1 if any seed has a problem")
    b.add_argument("--verbose", action="store_true", help="also say what was cut from web captures, and why")
    b.set_defaults(run=cmd_build)
    r = sub.add_parser("review", help="print what an editor should review, with the entities.yml entries")
    r.set_defaults(run=cmd_review)
    e = sub.add_parser("extract", help="print the entities of seed files as JSON")
    e.add_argument("--json", action="store_true", required=True, help="JSON output (the only format)")
    e.add_argument("--pretty", action="store_true", help="indent the JSON")
    e.add_argument("--strict", action="store_true", help="exit 1 if any file has a problem")
    e.add_argument("files", nargs="+", metavar="FILE")
    e.set_defaults(run=cmd_extract)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (ConfigError, ModelError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; docs/ is consistent, run the build again to finish", file=sys.stderr)
        return 130
    except OSError as error:  # a folder or file the build may not read or write: the machine's, not a bug
        print(environment_error(error), file=sys.stderr)
        return 1
    except Exception as error:  # a bug: one line first, then what a developer needs
        print(internal_error(error), file=sys.stderr)
        traceback.print_exc()
        return 1
