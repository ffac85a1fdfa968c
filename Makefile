# Two commands take a fresh clone to a finished run: `make report`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= seeds
# Never exported as they are: make would expand them on the way (a $(shell ...) in a value would run).
unexport CORPUS THEMES LEXICON
STAMP := $(VENV)/.installed
# The shared White House corpus for the integration tests and the benchmark: READOUTS_WHITEHOUSE_CORPUS if set,
# else ../shared/corpora/whitehouse-readouts when it is there (without it those tests are skipped).
# Values that come from the user (the command line or the environment) are taken with $(value ...), which make does
# not expand, and reach the commands as environment variables, which no shell reads: a path holding `...`, $(...),
# quotes or spaces is a path and nothing else.
WHITEHOUSE := $(or $(value READOUTS_WHITEHOUSE_CORPUS),$(wildcard $(CURDIR)/../shared/corpora/whitehouse-readouts))

.PHONY: install report notebooks test lab bench fetch clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $(STAMP)

install: $(STAMP)

# Executes every notebook on CORPUS (default: the seed), with THEMES and LEXICON if given, into
# reports/<folder name>/: executed notebooks, HTML pages and an index.html; reports/index.html links every
# corpus reported.
report: export READOUTS_REPORT_CORPUS = $(value CORPUS)
report: export READOUTS_REPORT_THEMES = $(value THEMES)
report: export READOUTS_REPORT_LEXICON = $(value LEXICON)
report: $(STAMP)
	$(BIN)/python -m helpers report

# Re-executes the committed notebooks on the seed, in place, so their outputs match the
# helpers again (nbval in `make test` compares them); commit the result.
notebooks: $(STAMP)
	$(BIN)/python -c "from helpers.report import refresh; refresh()"

# tests/ plus nbval on notebooks/ (strict: outputs compared); the options live in pyproject.toml.
test: export READOUTS_WHITEHOUSE_CORPUS = $(WHITEHOUSE)
test: $(STAMP)
	$(BIN)/python -m pytest

# JupyterLab opened on notebooks/: `make lab PORT=9000 NO_BROWSER=1` (port 8888 by default, a browser opened
# unless NO_BROWSER is set); as root it passes --allow-root, which JupyterLab otherwise demands.
lab: export READOUTS_LAB_PORT = $(value PORT)
lab: export READOUTS_LAB_NO_BROWSER = $(value NO_BROWSER)
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks --port="$${READOUTS_LAB_PORT:-8888}" \
	  $$([ -n "$$READOUTS_LAB_NO_BROWSER" ] && echo --no-browser) $$([ "$$(id -u)" = 0 ] && echo --allow-root)

# Needs the shared White House corpus (WHITEHOUSE above).
bench: export READOUTS_WHITEHOUSE_CORPUS = $(WHITEHOUSE)
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_loader.py

fetch: $(STAMP)
	$(BIN)/python -m helpers fetch whitehouse

clean:
	rm -rf $(VENV) reports data/cache .pytest_cache .hypothesis build src/*.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
