"""JSON logs, one object per line, with only whitelisted fields (never complaint text or request bodies)."""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime
from typing import Any, TextIO

# Extra fields a log call may attach; anything else passed via `extra=` is dropped, so a careless
# `extra={"text": ...}` cannot leak a complaint into the logs.
EXTRA_FIELDS = (
    "method",
    "path",
    "status",
    "duration_ms",
    "key_id",
    "role",
    "model_version",
    "previous_version",
    "reason",
    "count",
    "error_type",
)


class JsonFormatter(logging.Formatter):
    """Format a record as one JSON object. Exceptions are logged as type and stack, never message."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for name in EXTRA_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, _exc, tb = record.exc_info
            # The exception's message may quote input values (pandas, pydantic), so only its type
            # and where it happened are logged.
            entry["error_type"] = exc_type.__name__
            entry["stack"] = [f"{f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb)]
        return json.dumps(entry, ensure_ascii=False, default=str)


class _JsonHandler(logging.StreamHandler[TextIO]):
    """Marker class so `configure_logging` replaces its own handler and no one else's."""


def configure_logging(level: str = "INFO", stream: TextIO | None = None) -> None:
    """Send every log record through one JSON handler on the root logger (idempotent)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _JsonHandler)]:
        root.removeHandler(handler)
    handler = _JsonHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level)
    # SQLAlchemy logs statements with their parameters at INFO whenever its logger is enabled;
    # parameters hold complaint text, so it is held at WARNING whatever the root level.
    for name in ("sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool"):
        logging.getLogger(name).setLevel(logging.WARNING)
    # uvicorn's access log prints raw query strings in its own format; the service logs requests itself.
    logging.getLogger("uvicorn.access").disabled = True
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
