# The portal's commands. `make run` and `make test` need only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV := DJANGO_DEBUG=1

.PHONY: run screenshots test test-browser lint format messages clean-db loadtest loadtest-small bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

# A local .env for development commands (manage.py reads it): every variable of
# .env.example commented out except DJANGO_DEBUG=true. Never overwrites an existing one.
.env:
	sed -e 's/^DJANGO_DEBUG=.*/DJANGO_DEBUG=true/' -e '/^DJANGO_DEBUG=/!s/^\([A-Z0-9_]*=\)/# \1/' \
		.env.example > .env

## Serve the portal with the demo data on SQLite at http://127.0.0.1:8000
run: $(STAMP) .env
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py setup_demo
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

## Screenshots of the main pages at 1280 and 390 px, as a visitor and as the demo member,
## into screenshots/ (not committed); needs Chromium (apt-get install -y chromium)
screenshots: $(STAMP) .env
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py setup_demo
	$(DEV) $(BIN)/python scripts/screenshots.py

## The whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set), in two processes
## (pytest-xdist, one test file per process at a time); PYTEST_WORKERS=0 runs one process
PYTEST_WORKERS ?= 2
XDIST = $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadfile)
test: $(STAMP)
	$(BIN)/pytest $(XDIST)

## Only the browser tests, failing instead of skipping when Chromium is missing; also in
## two processes, each with its own live server, database and Chromium
test-browser: $(STAMP)
	REQUIRE_BROWSER=1 $(BIN)/pytest -m browser $(XDIST)

## The benchmark on PostgreSQL (scripts/bench.py; BENCH_SCALE=small for the quick version)
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

## ruff, formatting, missing migrations and the Dockerfile
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/hadolint Dockerfile

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Update the translation catalogues after changing user-facing text (needs gettext)
messages: $(STAMP)
	$(DEV) $(BIN)/python manage.py makemessages -l sv -l en --no-location \
		--ignore=.venv --ignore=tests --ignore=scripts --ignore=staticfiles
	$(DEV) $(BIN)/python manage.py compilemessages -l sv -l en --ignore=.venv

## The load test: gunicorn + PostgreSQL on loopback, 50 simulated people for 60 s
## (database from LOADTEST_DATABASE_URL, default rusnet_load on 127.0.0.1, recreated)
loadtest: $(STAMP)
	$(BIN)/python loadtest/run.py

## The same with 10 people for 15 s (CI)
loadtest-small: $(STAMP)
	$(BIN)/python loadtest/run.py --small

## Start again from an empty development database
clean-db:
	rm -f db.sqlite3
