"""The synthetic Danish complaint corpus behind `konflikt generate` (see data/README.md).

`generate_corpus` writes `complaints.jsonl` and `contacts.csv` of the contract; `build_corpus`
returns the same records in memory together with the hidden variables that produced them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from signals.errors import KonfliktError
from training.synth.corpus import build_corpus
from training.synth.records import Corpus, SynthComplaint
from training.synth.writer import write_corpus

__all__ = ["Corpus", "CorpusSummary", "SynthComplaint", "build_corpus", "generate_corpus"]

MAX_COMPLAINTS = 2_000_000


@dataclass(frozen=True, slots=True)
class CorpusSummary:
    """Counts of a generated corpus, for the CLI's one-line report."""

    out_dir: Path
    complaints: int
    citizens: int
    contacts: int
    mediation_positive: int
    english: int
    with_personal_data: int

    def describe(self) -> str:
        n = max(self.complaints, 1)
        return (
            f"wrote {self.complaints:,} complaints from {self.citizens:,} citizens and "
            f"{self.contacts:,} contacts to {self.out_dir} (mediation potential "
            f"{self.mediation_positive / n:.1%}, English {self.english / n:.1%}, "
            f"personal data in {self.with_personal_data / n:.0%} of texts)"
        )


def generate_corpus(
    out_dir: Path, *, complaints: int = 20_000, seed: int = 7, progress: bool = False
) -> CorpusSummary:
    """Write `out_dir/complaints.jsonl` and `out_dir/contacts.csv`; same seed and size, same bytes."""
    if not isinstance(complaints, int) or isinstance(complaints, bool) or complaints < 1:
        raise KonfliktError(f"complaints must be a whole number of at least 1, got {complaints!r}")
    if complaints > MAX_COMPLAINTS:
        raise KonfliktError(f"complaints must be at most {MAX_COMPLAINTS:,}, got {complaints:,}")
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise KonfliktError(f"seed must be a whole number of at least 0, got {seed!r}")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise KonfliktError(f"--out must be a folder, but {out_dir} is a file")
    corpus = _build_with_progress(complaints, seed) if progress else build_corpus(complaints, seed)
    write_corpus(corpus, out_dir)
    return CorpusSummary(
        out_dir=out_dir,
        complaints=len(corpus.complaints),
        citizens=corpus.citizens,
        contacts=len(corpus.contacts),
        mediation_positive=sum(c.mediation_potential for c in corpus.complaints),
        english=sum(c.english for c in corpus.complaints),
        with_personal_data=sum(bool(c.personal_data) for c in corpus.complaints),
    )


def _build_with_progress(complaints: int, seed: int) -> Corpus:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("generating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("complaints", total=complaints)
        return build_corpus(complaints, seed, progress=lambda n: bar.advance(task, n))
