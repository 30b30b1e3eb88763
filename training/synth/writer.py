"""Write the corpus files of the contract: complaints.jsonl and contacts.csv (atomically)."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from training.synth.calendar import iso
from training.synth.records import Corpus

COMPLAINT_FIELDS = (
    "complaint_id",
    "received_at",
    "citizen_id",
    "forvaltning",
    "channel",
    "text",
    "root_causes",
    "mediation_potential",
)
CONTACT_FIELDS = ("citizen_id", "occurred_at", "channel", "recipient", "kind")


@contextmanager
def _atomic(path: Path) -> Iterator[TextIO]:
    """Write to a temporary file beside `path` and move it into place only when complete."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_corpus(corpus: Corpus, out_dir: Path) -> tuple[Path, Path]:
    """Write both files into `out_dir` (created if needed); return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    complaints_path = out_dir / "complaints.jsonl"
    contacts_path = out_dir / "contacts.csv"
    with _atomic(complaints_path) as handle:
        for c in corpus.complaints:
            record = {
                "complaint_id": c.complaint_id,
                "received_at": iso(c.received_at),
                "citizen_id": c.citizen_id,
                "forvaltning": c.forvaltning,
                "channel": c.channel,
                "text": c.text,
                "root_causes": list(c.root_causes),
                "mediation_potential": c.mediation_potential,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    with _atomic(contacts_path) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CONTACT_FIELDS)
        for e in corpus.contacts:
            writer.writerow((e.citizen_id, iso(e.occurred_at), e.channel, e.recipient, e.kind))
    return complaints_path, contacts_path
