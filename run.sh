#!/usr/bin/env bash
# Set everything up and run the main job on the embedded default data:
# generate the default corpus if absent, train a champion if there is none, serve on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
exec .venv/bin/konflikt up "$@"
