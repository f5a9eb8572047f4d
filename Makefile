# One-command set-up: `make run` and `make test` create .venv and install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint install bench clean defaults-history

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test,postgres]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/briefbot run

test: $(STAMP)
	PTB_TIMEDELTA=1 $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check bot jobs storage core tests benchmarks

# After editing storage/defaults/watchlist.toml: every version each entry was shipped with (core.shipped).
defaults-history: $(STAMP)
	$(BIN)/python -m storage.shipped_history

bench: $(STAMP)
	$(BIN)/python benchmarks/detect.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
