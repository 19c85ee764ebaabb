# 守护 Shouhu — `make run` to try it, `make test` to check it. Both install what is missing.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY_STAMP  := $(VENV)/.installed
NPM_STAMP := pwa/node_modules/.installed
PWA_BUILT := pwa/dist/index.html
PWA_SOURCES := $(shell find pwa/src pwa/public -type f 2>/dev/null) pwa/index.html pwa/vite.config.ts pwa/package.json

.PHONY: run test install pwa schema check-generated clean help

help:
	@echo "make run    install, build the app, migrate, seed the demo school, serve on http://127.0.0.1:8000"
	@echo "make test   install and run every test (set SHOUHU_TEST_POSTGRES_URL for the PostgreSQL tests)"

$(PY_STAMP): pyproject.toml backend/requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c backend/requirements.lock -e '.[test]'
	touch $@

$(NPM_STAMP): pwa/package.json pwa/package-lock.json
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || { echo "Node 20 or newer is needed"; exit 1; }
	cd pwa && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(PWA_BUILT): $(NPM_STAMP) $(PWA_SOURCES) schema/schema.graphql
	cd pwa && npm run --silent build

install: $(PY_STAMP) $(NPM_STAMP)

pwa: $(PWA_BUILT)

schema: $(PY_STAMP)
	$(BIN)/shouhu export-schema
	cd pwa && npm run --silent codegen

# Generated files must match their sources: the SDL from the code, the PWA types from the SDL.
check-generated: $(PY_STAMP) $(NPM_STAMP)
	$(BIN)/shouhu export-schema --check
	$(BIN)/shouhu check-migrations
	cd pwa && npm run --silent codegen:check

run: install pwa
	$(BIN)/shouhu migrate
	$(BIN)/shouhu seed-demo --print-logins
	@echo "\nOpen http://127.0.0.1:8000 on this machine (Ctrl-C stops the server)."
	SHOUHU_DISPATCH_IN_PROCESS=1 $(BIN)/shouhu serve

test: install pwa check-generated
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) pwa/node_modules pwa/dist var
