"""Shared data and scoring for `bench/peers.py`: one split, one way to pick thresholds, one scorer.

The prepared folder holds the default corpus loaded and anonymised exactly as `konflikt train`
does it (`signals.loader` + `signals.anonymise.anonymise_texts`), the time-and-citizen split of
`training.split` with the default training config, and the raw texts of the test rows (for the
annotation path that includes the anonymiser). Every system reads the same files.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score

from signals.anonymise import anonymise_texts
from signals.loader import load_complaints, load_contacts
from signals.schema import ROOT_CAUSE_CODES
from training.config import TrainConfig
from training.evaluate import label_matrix
from training.metrics import best_f1_threshold, root_cause_metrics
from training.split import time_citizen_split

LABELS: tuple[str, ...] = (*ROOT_CAUSE_CODES, "mediation")  # the peers learn both tasks as 14 labels
N_CODES = len(ROOT_CAUSE_CODES)


@dataclass
class TextSet:
    """Texts and their 14 targets (13 root causes, then mediation)."""

    texts: list[str]
    targets: np.ndarray  # (n, 14) int8

    def __len__(self) -> int:
        return len(self.texts)


@dataclass
class Prepared:
    complaints: pd.DataFrame  # anonymised, as training sees them
    contacts: pd.DataFrame
    parts: dict[str, np.ndarray]  # row positions of train, validation, test
    raw_test_texts: list[str]  # the test texts before anonymisation

    def text_set(self, part: str, *, limit: int | None = None, seed: int = 7) -> TextSet:
        """The texts and targets of one part; `limit` takes a seeded random subsample."""
        rows = self.parts[part]
        if limit is not None and limit < len(rows):
            rows = np.sort(np.random.default_rng(seed).choice(rows, size=limit, replace=False))
        frame = self.complaints.iloc[rows]
        targets = np.hstack(
            [label_matrix(frame["root_causes"]), frame["mediation_potential"].astype(int).to_numpy()[:, None]]
        ).astype(np.int8)
        return TextSet(texts=frame["text"].astype(str).tolist(), targets=targets)


def prepare(folder: Path, complaints_path: Path, contacts_path: Path) -> dict[str, Any]:
    """Load, anonymise and split once; write everything the workers read into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    complaints = load_complaints(complaints_path, require_labels=True).frame
    contacts = load_contacts(contacts_path).frame
    raw_texts = complaints["text"].astype(str).tolist()
    complaints = complaints.assign(text=anonymise_texts(raw_texts))
    seconds = time.perf_counter() - started
    config = TrainConfig()
    split = time_citizen_split(
        complaints, test_months=config.test_months, validation_months=config.validation_months
    )
    complaints.to_pickle(folder / "complaints.pkl")
    contacts.to_pickle(folder / "contacts.pkl")
    np.savez(folder / "split.npz", train=split.train, validation=split.validation, test=split.test)
    (folder / "raw_test_texts.json").write_text(
        json.dumps([raw_texts[i] for i in split.test], ensure_ascii=False), encoding="utf-8"
    )
    # Small per-part files, so a peer's process holds only its texts (its peak memory is its own).
    prepared = Prepared(
        complaints, contacts, {"train": split.train, "validation": split.validation, "test": split.test}, []
    )
    for part in ("train", "validation", "test"):
        texts = prepared.text_set(part)
        (folder / f"texts_{part}.json").write_text(
            json.dumps(texts.texts, ensure_ascii=False), encoding="utf-8"
        )
        np.save(folder / f"targets_{part}.npy", texts.targets)
    info = {"load_and_anonymise_seconds": seconds, "split": split.describe(), "complaints": len(complaints)}
    (folder / "prepared.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def load_text_set(folder: Path, part: str, *, limit: int | None = None, seed: int = 7) -> TextSet:
    """One part's texts and targets without the tables (`limit`: a seeded random subsample)."""
    texts = json.loads((folder / f"texts_{part}.json").read_text(encoding="utf-8"))
    targets = np.load(folder / f"targets_{part}.npy")
    if limit is not None and limit < len(texts):
        rows = np.sort(np.random.default_rng(seed).choice(len(texts), size=limit, replace=False))
        return TextSet(texts=[texts[i] for i in rows], targets=targets[rows])
    return TextSet(texts=texts, targets=targets)


def load_prepared(folder: Path) -> Prepared:
    split = np.load(folder / "split.npz")
    return Prepared(
        complaints=pd.read_pickle(folder / "complaints.pkl"),
        contacts=pd.read_pickle(folder / "contacts.pkl"),
        parts={name: split[name] for name in ("train", "validation", "test")},
        raw_test_texts=json.loads((folder / "raw_test_texts.json").read_text(encoding="utf-8")),
    )


def choose_thresholds(targets: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Per root-cause code, the score threshold with the best F1 on validation (as `training.fit` does)."""
    return np.array([best_f1_threshold(targets[:, k], scores[:, k]) for k in range(N_CODES)])


def decide(scores: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """Codes over their threshold, and at least the strongest one per row (the project's rule)."""
    chosen = scores >= thresholds
    chosen[np.arange(len(scores)), np.argmax(scores / np.maximum(thresholds, 1e-9), axis=1)] = True
    return chosen


def score(
    targets: np.ndarray, rc_pred: np.ndarray, rc_scores: np.ndarray, med_scores: np.ndarray
) -> dict[str, float]:
    """Root-cause micro/macro F1 and mediation PR-AUC on one labelled set."""
    rc = root_cause_metrics(targets[:, :N_CODES], rc_pred, rc_scores)
    return {
        "micro_f1": rc["micro_f1"],
        "macro_f1": rc["macro_f1"],
        "pr_auc": float(average_precision_score(targets[:, N_CODES], med_scores)),
    }


def selection_score(targets: np.ndarray, scores: np.ndarray) -> float:
    """What a peer's settings are chosen by on validation: the project's champion score
    (mean of root-cause micro-F1 at thresholds tuned on the same rows, and mediation PR-AUC)."""
    thresholds = choose_thresholds(targets, scores[:, :N_CODES])
    result = score(targets, decide(scores[:, :N_CODES], thresholds), scores[:, :N_CODES], scores[:, N_CODES])
    return 0.5 * result["micro_f1"] + 0.5 * result["pr_auc"]
