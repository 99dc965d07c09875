"""MkDocs hook of the offline build: ships the iframe-worker shim from node_modules.

mkdocs-material's offline plugin would otherwise load the shim from a public CDN
(it adds one only when no `iframe-worker` polyfill is listed). Search runs in a web
worker, which Chromium refuses on file://; the shim runs it in an iframe instead.
The file comes from the npm package pinned in package-lock.json (`make npm`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

SHIM_URL = "assets/javascripts/iframe-worker-shim.js"
SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    source = Path(config.config_file_path).resolve().parent / SHIM_SOURCE
    if not source.is_file():
        raise PluginError(f"{SHIM_SOURCE} is missing: run 'make npm' (npm ci) first")
    if SHIM_URL not in (config.extra.get("polyfills") or []):
        raise PluginError(f"extra.polyfills must list {SHIM_URL}, or the offline plugin adds a CDN copy")
    files.append(File.generated(config, SHIM_URL, abs_src_path=str(source)))
    return files
