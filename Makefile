# Two commands on a fresh machine with python3 >= 3.10:
#   make run    install into .venv and open the explorer on the bundled data
#   make test   install into .venv (with test tools) and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALL := $(BIN)/python -m pip install --disable-pip-version-check --quiet -c constraints.txt

.PHONY: run test soak bench bench-parts data answers check-books lint clean serve browser-check serve-memory

run: $(VENV)/.installed-run
	$(BIN)/ox

# The explorer in a web browser at http://127.0.0.1:8000 (see README: ox serve).
serve: $(VENV)/.installed-web
	$(BIN)/ox serve

# A real browser (headless Chromium) on `ox serve`: screenshots of the Forces view and a detail
# in build/browser-check/ (not part of `make test`: it needs Chromium from the system packages).
browser-check: $(VENV)/.installed-web
	$(BIN)/python scripts/browser_check.py

# Memory of served sessions (RSS per session and for N), for benchmarks/RESULTS.md (reads the
# screens with pyte, from the test extra).
serve-memory: $(VENV)/.installed-test
	$(BIN)/python benchmarks/serve_memory.py

# Lint, then the fast tests (pytest <= 120 s on 2 cores; each test at most 60 s, see pyproject.toml);
# the slowest are listed so a slow one is seen. Long soaks and benchmarks live outside it. One
# worker per core: the tests wait for the app by looking at it, not by sleeping (tests/harness.py),
# so a worker keeps its core busy and more workers than cores would only slow each other.
# tui/ is compiled first: where PYTHONDONTWRITEBYTECODE is set (as on CI's machines) every test
# process and every `ox` the tests start compiled it again (~0.3 s of CPU each; 164 -> 150 CPU-s).
test: lint
	$(BIN)/python -m compileall -q tui
	$(BIN)/python -m pytest -n 2 --dist worksteal --durations=15

# The monkey typing fresh random key sequences for SOAK_SECONDS (default 300) from SOAK_SEED
# (default: the commit hash); prints the keys, size and seed of each crash and fails on any.
soak: $(VENV)/.installed-test
	$(BIN)/python tests/ui/soak.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check tui tests benchmarks scripts
	$(BIN)/ruff format --check tui tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

# Issue 11's table from outside: the real `ox` under a 100x30 pty (with VisiData and datui beside it).
bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/pty_bench.py

# In-process timings of the pieces (CLI processes, model queries, import), for profiling.
bench-parts: $(VENV)/.installed-run
	$(BIN)/python benchmarks/bench.py

data: $(VENV)/.installed-run
	$(BIN)/python scripts/build_data.py

# Only the answer books in data/ (the derived-data store's shipped files; after bumping
# SCHEMA_VERSION in tui/model/store/derived_store.py, see scripts/build_data.py).
answers: $(VENV)/.installed-run
	$(BIN)/python scripts/build_data.py --answers-only

# Every entry of every shipped answer book computed again and compared (CI, after the tests; make
# test checks a sample): fails when what tui/model computes changed without a SCHEMA_VERSION bump.
check-books: $(VENV)/.installed-run
	$(BIN)/python scripts/check_books.py

$(VENV)/bin/python:
	@echo "Creating a virtual environment in $(VENV) with $(PYTHON)..."
	$(PYTHON) -c 'import sys; sys.exit("offence-explorer needs Python >= 3.10, this is " + sys.version.split()[0]) if sys.version_info < (3, 10) else None'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: $(VENV)/bin/python pyproject.toml constraints.txt
	@echo "First run: installing offence-explorer and its packages into $(VENV) (about a minute, once)..."
	$(INSTALL) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/bin/python pyproject.toml constraints.txt
	@echo "Installing offence-explorer with its test tools into $(VENV) (a minute or two, once)..."
	$(INSTALL) -e ".[test]"
	touch $@ $(VENV)/.installed-run $(VENV)/.installed-web

$(VENV)/.installed-web: $(VENV)/bin/python pyproject.toml constraints.txt
	$(INSTALL) -e ".[web]"
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-bench: $(VENV)/bin/python pyproject.toml constraints.txt
	@echo "Installing offence-explorer with its benchmark tools into $(VENV) (a minute or two, once)..."
	$(INSTALL) -e ".[bench]"
	touch $@ $(VENV)/.installed-run

clean:
	rm -rf $(VENV) build dist *.egg-info
