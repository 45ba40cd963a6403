# make run   -- set up, then start the app
# make test  -- set up, then ruff, import-linter and pytest (what CI runs through .ci/run)
# make setup -- system libraries (Debian, as root) + .venv with the package and test tools
.PHONY: setup run test lint pytest

VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

setup:
	@bash scripts/setup.sh

run: setup
	$(BIN)/inovasi-desktop

test: setup
	@$(MAKE) --no-print-directory lint pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# Exit code 5 means pytest collected no tests: a failure, never a pass.
pytest:
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS); \
	rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests were collected (exit 5); treating this as a failure." >&2; fi; \
	exit $$rc
