# framing: two commands do everything -- `make report` and `make test`.
PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMP    := $(VENV)/.installed-stamp
ARTICLES ?= data/raw/spief-2021-06-04
REPORTS  ?= reports
PORT     ?= 8888

# Folder names reach the recipes through the environment, never through the shell's parser, so names
# with spaces, quotes, `;` or `$` are passed as they are.
export FRAMING_ARTICLES := $(value ARTICLES)
export FRAMING_REPORTS := $(value REPORTS)

.DEFAULT_GOAL := help
.PHONY: help install report test lint unit notebooks browser lab bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  options: ARTICLES=path/to/folder (default: the seed event), REPORTS=dir (default: reports)"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=77" wheel
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install the suite (done by every target that needs it)

report: $(STAMP) ## run every notebook on ARTICLES and write offline HTML to REPORTS/ (index.html)
	$(BIN)/framing report "$$FRAMING_ARTICLES" --out "$$FRAMING_REPORTS"

lint: $(STAMP) ## ruff, and no notebook committed with outputs
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m framing.notebooks check notebooks

unit: $(STAMP) ## unit and property tests
	$(BIN)/python -m pytest -q --ignore-glob='tests/test_browser*.py'

notebooks: report ## execute every notebook on ARTICLES (the report build runs each once and stops at a failing cell)

browser: report ## build the reports, then load every page in headless Chromium
	FRAMING_REPORTS_DIR="$$FRAMING_REPORTS" $(BIN)/python -m pytest -q tests/test_browser*.py

test: lint unit browser ## everything: lint, unit tests, every notebook (run once, by the report build), browser test

# JupyterLab with the project's settings (jupyter-config/: saving a notebook under notebooks/ strips its outputs),
# on 127.0.0.1:PORT with a fresh token, printing the one URL to open; its own log shows warnings and errors only.
lab: export FRAMING_PORT := $(value PORT)
lab: $(STAMP) ## open JupyterLab on the suite and print the URL to open (works as root)
	@case "$$FRAMING_PORT" in ''|*[!0-9]*) echo "make lab: PORT must be a number, not '$$FRAMING_PORT'" >&2; exit 2;; esac; \
	token=$$($(BIN)/python -c 'import secrets, socket, sys; socket.create_server(("127.0.0.1", int(sys.argv[1]))).close(); print(secrets.token_hex(24))' "$$FRAMING_PORT" 2>/dev/null) \
		|| { echo "make lab: port $$FRAMING_PORT on 127.0.0.1 is in use or out of range; choose another: make lab PORT=8890" >&2; exit 1; }; \
	echo "Open http://127.0.0.1:$$FRAMING_PORT/lab?token=$$token in your browser (Ctrl-C stops JupyterLab)"; \
	export JUPYTER_TOKEN="$$token" JUPYTER_CONFIG_PATH="$$PWD/jupyter-config$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}"; \
	exec $(BIN)/jupyter lab --no-browser --allow-root --ip=127.0.0.1 --port="$$FRAMING_PORT" --notebook-dir=. \
		--ServerApp.port_retries=0 --ServerApp.answer_yes=True --ServerApp.log_level=WARN --LabApp.log_level=WARN

bench: $(STAMP) ## time framing analyze (seed and 1,200 generated articles) and the report build
	$(BIN)/python benchmarks/bench_analyze.py
	$(BIN)/python benchmarks/bench_report.py

clean: ## remove built reports (only a folder framing wrote) and caches (keeps .venv)
	@if [ -f "$$FRAMING_REPORTS/.framing-output.json" ]; then rm -rf -- "$$FRAMING_REPORTS"; fi
	rm -rf .pytest_cache .ruff_cache
