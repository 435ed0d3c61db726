# hipcoach — every target sets up what it needs; a fresh machine needs only python3, git and make.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
TOOLS := .tools
BIN := $(VENV)/bin
# Use a uv on PATH when there is one; otherwise install the pinned uv into a private venv.
UV := $(shell command -v uv 2>/dev/null || echo $(TOOLS)/bin/uv)
STAMP := $(VENV)/.synced-$(shell cat requirements/dev.txt pyproject.toml 2>/dev/null | cksum | cut -d' ' -f1)

.PHONY: run test check lock bench simulate docs setup browser a11y clean

run: setup ## set up, migrate the database and start the web app (prints its address)
	@$(BIN)/hipcoach serve --host $${HOST:-127.0.0.1} --port $${PORT:-8000}

test: setup browser a11y ## set up, run the suite with coverage (exit 5, "no tests", fails); domain/ must be 100 %
	@$(BIN)/pytest -n auto --cov --cov-report=term; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure" >&2; fi; \
	if [ $$rc -ne 0 ]; then exit $$rc; fi; \
	echo "Coverage gate: every line of src/hipcoach/domain must run in the tests."; \
	$(BIN)/coverage report --include='src/hipcoach/domain/*' --fail-under=100

check: setup ## lint, format check, types, architecture, lock freshness
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	@bash scripts/check-locks.sh "$(UV)"

simulate: setup ## write docs/coaching-traces.md: 12 weeks of each kind of virtual trainee
	$(BIN)/python -m tests.simulation.report

docs: setup browser ## draw docs/figures.png (every figure, by Chromium) and the README's figures
	$(BIN)/python -m tests.figures.contact_sheet

bench: setup ## measure and write BENCHMARKS.md (installs wrk when missing)
	@bash scripts/install-bench-tools.sh
	$(BIN)/python -m bench

lock: $(UV) ## recompile the pinned lock files from pyproject.toml
	bash scripts/compile-locks.sh "$(UV)"

setup: $(STAMP)

browser: ## Debian's Chromium for the browser tests (installed when missing and we are root)
	@bash scripts/install-browser.sh

a11y: ## axe-core for the accessibility tests (npm ci from tools/a11y's lock; Debian's npm when missing and we are root)
	@bash scripts/install-a11y.sh

$(TOOLS)/bin/uv:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/uv.txt

$(STAMP): requirements/dev.txt pyproject.toml | $(UV)
	@test -x $(BIN)/python || $(UV) venv --quiet --python $(PYTHON) $(VENV)
	$(UV) pip sync --quiet --python $(BIN)/python --require-hashes requirements/dev.txt
	$(UV) pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.synced-* && touch $@

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage .coverage.*
