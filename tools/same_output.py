"""Same output before and after a change: build sites at a git revision and from the work tree, and compare.

    .venv/bin/python -m tools.same_output REV [--keep DIR]

For each of three seed sets (the example seed, the Yukos story of the BBC set,
and the first 300 BBC articles), it builds a project with the generator of REV
(checked out with `git worktree`) and one with the generator of the work tree,
each with `mkdocs build`, then compares docs/ and site/ byte for byte. It prints
one line per set and exits 1 if any file differs, listing the first ones.
A refactoring that keeps behaviour must pass this against the commit before it.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpus" / "bbc"
MKDOCS = Path(sys.executable).with_name("mkdocs")


def seed_sets() -> dict[str, list[Path]]:
    bbc = sorted(BBC.glob("*.txt"))
    return {
        "seed": sorted((ROOT / "seeds").iterdir()),
        "yukos": [p for p in bbc if p.read_text(encoding="utf-8").count("Yukos") >= 6],
        "bbc300": bbc[:300],
    }


def build(checkout: Path, seeds: list[Path], where: Path) -> None:
    """A project in `where` using checkout's generator, mkdocs.yml and overrides, built with mkdocs."""
    where.mkdir(parents=True)
    shutil.copy(checkout / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(checkout / "overrides", where / "overrides")
    (where / "generator").symlink_to(checkout / "generator")
    (where / "docs").mkdir()
    (where / "seeds").mkdir()
    for seed in seeds:
        shutil.copy(seed, where / "seeds" / seed.name)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(checkout)}
    result = subprocess.run([str(MKDOCS), "build"], cwd=where, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"same_output: the build in {where} failed:\n{result.stderr[-3000:]}")


def differences(a: Path, b: Path) -> list[str]:
    """Relative paths that differ between two trees (missing on one side, or other bytes)."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    changed = sorted(files_a ^ files_b)
    changed += sorted(f for f in files_a & files_b if not filecmp.cmp(a / f, b / f, shallow=False))
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the git revision to compare the work tree against")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    parser.add_argument("--only", choices=sorted(seed_sets()), action="append", help="compare only this set")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="same-output-"))
    before = work / "checkout"
    if not before.exists():
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(before), args.rev],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    failed = False
    try:
        for name, seeds in seed_sets().items():
            if args.only and name not in args.only:
                continue
            for side, checkout in (("before", before), ("after", ROOT)):
                if side == "before" and (work / name / side / "site").is_dir():
                    continue  # kept from an earlier run (--keep): REV's output does not change
                if (work / name / side).exists():
                    shutil.rmtree(work / name / side)
                build(checkout, seeds, work / name / side)
            changed = []
            for folder in ("docs", "site"):
                changed += [
                    f"{folder}/{f}"
                    for f in differences(work / name / "before" / folder, work / name / "after" / folder)
                ]
            print(
                f"{name}: {len(seeds)} seeds, "
                + ("docs/ and site/ byte-identical" if not changed else f"{len(changed)} files differ")
            )
            for path in changed[:20]:
                print(f"  {path}")
            failed |= bool(changed)
    finally:
        if not args.keep:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, capture_output=True
            )
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
