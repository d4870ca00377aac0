# Two commands matter: `make run` and `make test`. Both create .venv and install first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_QUESTIONS ?= ../shared/eval/dev_questions.jsonl

.PHONY: run test lint eval bench messages install clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/migran db upgrade
	$(BIN)/migran serve  # MIGRAN_HOST / MIGRAN_PORT, default 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/python -m tests.run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy knowledge bot api migran
	$(BIN)/lint-imports

eval: $(STAMP)
	$(BIN)/migran eval $(DEV_QUESTIONS)

bench: $(STAMP)
	$(BIN)/python bench/ask.py

messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -o locales/migran.pot --no-location --sort-output --project Migran --version 0.1.0 .
	$(BIN)/pybabel update -i locales/migran.pot -d locales -D migran --no-fuzzy-matching

clean:
	rm -rf $(VENV) build *.egg-info
