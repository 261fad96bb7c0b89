# Two commands on a fresh machine with python3 >= 3.10:
#   make run    install into .venv and open the explorer on the bundled data
#   make test   install into .venv (with test tools) and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALL := $(BIN)/python -m pip install --disable-pip-version-check --quiet -c constraints.txt

.PHONY: run test soak bench bench-parts data answers lint clean

run: $(VENV)/.installed-run
	$(BIN)/ox

# Lint, then the fast tests (pytest <= 120 s on 2 cores; each test at most 60 s, see pyproject.toml);
# the slowest are listed so a slow one is seen. Long soaks and benchmarks live outside it.
test: lint
	$(BIN)/python -m pytest -n 2 --dist worksteal --durations=15

# The monkey test with 5,000 fresh random key sequences instead of CI's 200 fixed ones (~40 min).
soak: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=soak $(BIN)/python -m pytest -q -p no:randomly tests/ui/test_monkey.py

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

# Only the `ox show` answer books in data/ (after a change to tui/model; see scripts/build_data.py).
answers: $(VENV)/.installed-run
	$(BIN)/python scripts/build_data.py --answers-only

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; sys.exit("offence-explorer needs Python >= 3.10, this is " + sys.version.split()[0]) if sys.version_info < (3, 10) else None'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: $(VENV)/bin/python pyproject.toml constraints.txt
	$(INSTALL) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/bin/python pyproject.toml constraints.txt
	$(INSTALL) -e ".[test]"
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-bench: $(VENV)/bin/python pyproject.toml constraints.txt
	$(INSTALL) -e ".[bench]"
	touch $@ $(VENV)/.installed-run

clean:
	rm -rf $(VENV) build dist *.egg-info
