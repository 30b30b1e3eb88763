#!/usr/bin/env bash
# Set everything up and run the whole test suite (lint, types, tests; slow suites included).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh dev
bash scripts/browser.sh  # Chromium for the browser tests (apt-get, only when missing)
export KONFLIKT_TEST_POSTGRES_URL="${KONFLIKT_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
