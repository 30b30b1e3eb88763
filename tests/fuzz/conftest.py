"""Fuzz suites: the service's own factories (tests/service) are reused, so the app is built as there."""

from __future__ import annotations

import sys
from pathlib import Path

# svc_factories and svc_models live beside the service tests; pytest puts that folder on the path only
# while it collects those tests, so it is added here for this folder too (same modules, same names).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "service"))
