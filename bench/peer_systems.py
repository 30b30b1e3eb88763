"""The peers of `bench/peers.py`: spaCy's `textcat_multilabel` (bag of words, ensemble) and fastText.

Each peer learns the 13 root causes and mediation as 14 labels from the anonymised text alone
(no contact history), picks its settings and its number of epochs on the validation split by the
project's champion score, and gets per-code thresholds tuned on validation like the project's.
`scores(texts)` is the prediction path whose throughput is measured; `annotate(texts)` adds the
decisions, as an annotation would.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from peer_data import LABELS, N_CODES, TextSet, choose_thresholds, decide, selection_score


class Peer(Protocol):
    name: str
    thresholds: np.ndarray
    chosen: dict[str, Any]

    def fit(self, train: TextSet, validation: TextSet) -> None: ...

    def scores(self, texts: list[str]) -> np.ndarray: ...

    def save(self, folder: Path) -> None: ...


def annotate(peer: Peer, texts: list[str]) -> list[dict[str, Any]]:
    """Scores, chosen codes and the mediation score per text: the peer's whole annotation path."""
    scores = peer.scores(texts)
    chosen = decide(scores[:, :N_CODES], peer.thresholds)
    return [
        {
            "root_causes": [LABELS[k] for k in np.flatnonzero(row)],
            "root_cause_scores": dict(zip(LABELS[:N_CODES], map(float, scores[i, :N_CODES]), strict=True)),
            "mediation_score": float(scores[i, N_CODES]),
        }
        for i, row in enumerate(chosen)
    ]


# ----- spaCy -------------------------------------------------------------------------------------
def _bow_model(ngram_size: int) -> dict[str, Any]:
    return {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": ngram_size,
        "no_output_layer": False,
        "length": 262144,
    }


@dataclass
class SpacyTextcat:
    """`textcat_multilabel` on `spacy.blank("da")`; `architecture` is "bow" or "ensemble" (spaCy's default).

    Training: Adam with spaCy's defaults, dropout 0.2, batches of `batch_size` texts (the BOW layer's
    dense 262,144 x 14 weights make every update cost the same whatever the batch, so small batches
    are slow: 27 docs/s at 8 against 200 at 128 here), evaluation with the averaged parameters after
    each epoch; the best epoch on validation is kept; it stops after
    `patience` epochs without improvement, after `max_epochs`, or when `budget_seconds` is spent.
    For "bow" the n-gram size (1 or 2) is chosen on validation too.
    """

    architecture: str
    max_epochs: int = 12
    patience: int = 2
    batch_size: int = 64
    budget_seconds: float = 600.0
    ngram_sizes: tuple[int, ...] = (1, 2)
    seed: int = 7
    name: str = ""
    thresholds: np.ndarray = field(default_factory=lambda: np.full(N_CODES, 0.5))
    chosen: dict[str, Any] = field(default_factory=dict)
    nlp: Any = None

    def __post_init__(self) -> None:
        self.name = self.name or f"spacy_{self.architecture}"

    def _build(self, ngram_size: int) -> Any:
        import spacy

        nlp = spacy.blank("da")
        config = {"model": _bow_model(ngram_size)} if self.architecture == "bow" else {}
        textcat = nlp.add_pipe("textcat_multilabel", config=config)
        for label in LABELS:
            textcat.add_label(label)
        return nlp

    def _train(self, ngram_size: int, train: TextSet, validation: TextSet, budget: float) -> dict[str, Any]:
        from spacy.training import Example
        from spacy.util import fix_random_seed, minibatch

        fix_random_seed(self.seed)
        rng = random.Random(self.seed)
        nlp = self._build(ngram_size)
        examples = [
            Example.from_dict(nlp.make_doc(text), {"cats": dict(zip(LABELS, map(float, row), strict=True))})
            for text, row in zip(train.texts, train.targets, strict=True)
        ]
        optimizer = nlp.initialize(lambda: examples)
        started = time.perf_counter()
        best: dict[str, Any] = {"quality": -1.0, "epoch": 0, "bytes": None}
        epochs_run, stale, out_of_time = 0, 0, False
        for epoch in range(1, self.max_epochs + 1):
            rng.shuffle(examples)
            for batch in minibatch(examples, size=self.batch_size):
                nlp.update(batch, sgd=optimizer, drop=0.2)
                if time.perf_counter() - started > budget:
                    out_of_time = True
                    break
            epochs_run = epoch
            with nlp.use_params(optimizer.averages):
                quality = selection_score(validation.targets, self._scores(nlp, validation.texts))
                if quality > best["quality"]:
                    best = {"quality": quality, "epoch": epoch, "bytes": nlp.to_bytes()}
                    stale = 0
                else:
                    stale += 1
            if out_of_time or stale >= self.patience:
                break
        nlp.from_bytes(best["bytes"])
        return {
            "nlp": nlp,
            "quality": best["quality"],
            "epoch": best["epoch"],
            "epochs_run": epochs_run,
            "stopped_by_budget": out_of_time,
            "ngram_size": ngram_size,
        }

    def fit(self, train: TextSet, validation: TextSet) -> None:
        sizes = self.ngram_sizes if self.architecture == "bow" else (1,)
        started = time.perf_counter()
        runs = []
        for done, size in enumerate(sizes):
            # the budget left is shared by the n-gram sizes still to try
            left = (self.budget_seconds - (time.perf_counter() - started)) / (len(sizes) - done)
            runs.append(self._train(size, train, validation, budget=max(left, 1.0)))
        best = max(runs, key=lambda run: run["quality"])
        self.nlp = best["nlp"]
        self.thresholds = choose_thresholds(validation.targets, self.scores(validation.texts)[:, :N_CODES])
        self.chosen = {
            "ngram_size": best["ngram_size"],
            "best_epoch": best["epoch"],
            "validation_score": round(best["quality"], 4),
            "tried": [
                {k: (round(v, 4) if isinstance(v, float) else v) for k, v in run.items() if k != "nlp"}
                for run in runs
            ],
        }

    @staticmethod
    def _scores(nlp: Any, texts: list[str]) -> np.ndarray:
        out = np.empty((len(texts), len(LABELS)))
        for i, doc in enumerate(nlp.pipe(texts, batch_size=256)):
            cats = doc.cats
            out[i] = [cats[label] for label in LABELS]
        return out

    def scores(self, texts: list[str]) -> np.ndarray:
        return self._scores(self.nlp, texts)

    def save(self, folder: Path) -> None:
        self.nlp.to_disk(folder / "spacy")
        _save_meta(folder, self)

    @classmethod
    def load(cls, folder: Path) -> SpacyTextcat:
        import spacy

        meta = json.loads((folder / "peer.json").read_text(encoding="utf-8"))
        peer = cls(architecture=meta["architecture"], name=meta["name"])
        peer.nlp = spacy.load(folder / "spacy")
        peer.thresholds = np.array(meta["thresholds"])
        peer.chosen = meta["chosen"]
        return peer


# ----- fastText ----------------------------------------------------------------------------------
TOKEN = re.compile(r"\[[A-ZÆØÅ]+\]|\w+|[^\w\s]")

# A small grid, chosen on validation: epochs, word n-grams, subword (character) n-grams for compounds.
FASTTEXT_GRID: tuple[dict[str, Any], ...] = tuple(
    {
        "epoch": epoch,
        "wordNgrams": ngrams,
        "minn": minn,
        "maxn": maxn,
        "lr": 0.5,
        "dim": 100,
        "bucket": 500_000,
    }
    for epoch in (10, 30)
    for ngrams in (1, 2)
    for minn, maxn in ((0, 0), (3, 5))
)


def fasttext_line(text: str) -> str:
    """Lower-cased tokens joined by spaces (fastText splits on whitespace; a newline ends a line)."""
    return " ".join(TOKEN.findall(text.lower()))


@dataclass
class FastTextPeer:
    """fastText supervised with one-vs-all loss (independent sigmoids, so several labels per text)."""

    grid: tuple[dict[str, Any], ...] = FASTTEXT_GRID
    threads: int = 2
    seed: int = 7
    name: str = "fasttext"
    thresholds: np.ndarray = field(default_factory=lambda: np.full(N_CODES, 0.5))
    chosen: dict[str, Any] = field(default_factory=dict)
    model: Any = None

    def fit(self, train: TextSet, validation: TextSet) -> None:
        import fasttext

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "train.txt"
            with path.open("w", encoding="utf-8") as handle:
                for text, row in zip(train.texts, train.targets, strict=True):
                    labels = " ".join(f"__label__{LABELS[k]}" for k in np.flatnonzero(row))
                    handle.write(f"{labels} {fasttext_line(text)}\n")
            tried = []
            best_quality, best_model, best_params = -1.0, None, None
            for grid_params in self.grid:
                model, params = _train_fasttext(
                    fasttext, path, grid_params, threads=self.threads, seed=self.seed
                )
                self.model = model
                quality = selection_score(validation.targets, self.scores(validation.texts))
                tried.append({**params, "validation_score": round(quality, 4)})
                if quality > best_quality:
                    best_quality, best_model, best_params = quality, model, params
        self.model = best_model
        self.thresholds = choose_thresholds(validation.targets, self.scores(validation.texts)[:, :N_CODES])
        self.chosen = {**(best_params or {}), "validation_score": round(best_quality, 4), "tried": tried}

    def scores(self, texts: list[str]) -> np.ndarray:
        labels, probs = self.model.predict([fasttext_line(t) for t in texts], k=-1, threshold=0.0)
        index = {f"__label__{label}": k for k, label in enumerate(LABELS)}
        out = np.zeros((len(texts), len(LABELS)))
        for i, (names, values) in enumerate(zip(labels, probs, strict=True)):
            for name, value in zip(names, values, strict=True):
                out[i, index[name]] = value
        return out

    def save(self, folder: Path) -> None:
        self.model.save_model(str(folder / "fasttext.bin"))
        _save_meta(folder, self)

    @classmethod
    def load(cls, folder: Path) -> FastTextPeer:
        import fasttext

        meta = json.loads((folder / "peer.json").read_text(encoding="utf-8"))
        peer = cls(name=meta["name"])
        peer.model = fasttext.load_model(str(folder / "fasttext.bin"))
        peer.thresholds = np.array(meta["thresholds"])
        peer.chosen = meta["chosen"]
        return peer


def _train_fasttext(
    fasttext: Any, path: Path, params: dict[str, Any], *, threads: int, seed: int
) -> tuple[Any, dict[str, Any]]:
    """Train one grid point; a run that diverges ("Encountered NaN") is retried at half the learning
    rate, as a user of fastText would. Returns the model and the settings it was trained with."""
    params = dict(params)
    while True:
        try:
            model = fasttext.train_supervised(
                input=str(path), loss="ova", thread=threads, seed=seed, verbose=0, **params
            )
        except RuntimeError as exc:
            if "NaN" not in str(exc) or params["lr"] < 0.05:
                raise
            params["lr"] = params["lr"] / 2
            continue
        return model, params


def _save_meta(folder: Path, peer: SpacyTextcat | FastTextPeer) -> None:
    meta = {
        "name": peer.name,
        "architecture": getattr(peer, "architecture", None),
        "thresholds": peer.thresholds.tolist(),
        "chosen": peer.chosen,
    }
    (folder / "peer.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")


def load_peer(folder: Path) -> SpacyTextcat | FastTextPeer:
    meta = json.loads((folder / "peer.json").read_text(encoding="utf-8"))
    return FastTextPeer.load(folder) if meta["name"] == "fasttext" else SpacyTextcat.load(folder)
