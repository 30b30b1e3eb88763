"""Which text features the root-cause model should use: one block at a time, on data it never saw.

    .venv/bin/python bench/feature_ablation.py                     # data/default
    .venv/bin/python bench/feature_ablation.py --data /tmp/c2500   # any corpus folder
    .venv/bin/python bench/feature_ablation.py --configs S,W+S+C+Q  # only these combinations

The corpus is loaded, anonymised and split as `konflikt train` does it. The blocks, each fitted
on the training months only:

- W: lemma word uni/bigrams (`TextFeatures`' "w:" columns), TF-IDF, L2 per block;
- S: word uni/bigrams as written ("s:" columns);
- C: char_wb 3-5-grams ("c:" columns);
- D: the words of denying sentences ("det handler ikke om ...", `signals/denial.py`);
- Q: conflict-cue features scaled to [0, 1] on the training rows (as `build_features` does);
- Qraw: the same cue features unscaled (as before the scaling);
- B: the bag-of-words baseline's own features (scikit-learn TF-IDF on the raw text).

For each combination the linear SVM's C is chosen on the validation months
(`training.fit.select_scorer`, the training grid) and per-code thresholds on the validation
months; reported are the validation PR-AUC (what the choice sees), micro/macro F1 on the test
months and on the hand-written set (`data/eval/complaints_handwritten.jsonl`: text the
generator did not write), its dev and holdout splits apart, and the fitting time. Decide on
validation and on the hand-written dev split; the test months and the holdout are reported,
not chosen on.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from sklearn.preprocessing import MaxAbsScaler  # noqa: E402

from signals.anonymise import anonymise_texts  # noqa: E402
from signals.cues import CueFeatures  # noqa: E402
from signals.denial import DenialFeatures  # noqa: E402
from signals.loader import load_complaints  # noqa: E402
from signals.pipeline import text_features  # noqa: E402
from training.baselines import _decide, _thresholds, bag_of_words_vectorizer  # noqa: E402
from training.config import TrainConfig  # noqa: E402
from training.evaluate import label_matrix  # noqa: E402
from training.fit import select_scorer  # noqa: E402
from training.split import time_citizen_split  # noqa: E402
from training.train import ensure_default_data, load_training_data  # noqa: E402

HANDWRITTEN = ROOT / "data" / "eval" / "complaints_handwritten.jsonl"
DEFAULT_CONFIGS = "W+S+C+D+Q,W+S+C+Q,W+S+C,W+S+C+Qraw,W+C+Q,W+C,W,S,C,B,B+C,S+C"
PARTS = ("train", "validation", "test", "dev", "holdout")
Blocks = dict[str, dict[str, sp.csr_matrix]]


def load(data: Path | None) -> tuple[dict[str, list[str]], dict[str, np.ndarray]]:
    if data is None:
        complaints_path, contacts_path = ensure_default_data()
    else:
        complaints_path, contacts_path = data / "complaints.jsonl", data / "contacts.csv"
    corpus = load_training_data(complaints_path, contacts_path).complaints
    config = TrainConfig()
    split = time_citizen_split(
        corpus, test_months=config.test_months, validation_months=config.validation_months
    )
    texts = np.asarray(corpus["text"].astype(str).tolist(), dtype=object)
    labels = label_matrix(corpus["root_causes"])
    hand = load_complaints(HANDWRITTEN, require_labels=True).frame
    parts = {name: texts[getattr(split, name)].tolist() for name in PARTS[:3]}
    targets = {name: labels[getattr(split, name)] for name in PARTS[:3]}
    hand_texts = np.asarray(anonymise_texts(hand["text"].astype(str).tolist()), dtype=object)
    hand_labels = label_matrix(hand["root_causes"])
    for name in ("dev", "holdout"):  # the split is in the id: hw-<dev|holdout>-<language>-<n>
        rows = hand["complaint_id"].astype(str).str.startswith(f"hw-{name}-").to_numpy()
        parts[name], targets[name] = hand_texts[rows].tolist(), hand_labels[rows]
    return parts, targets


def build_blocks(parts: dict[str, list[str]]) -> Blocks:
    config = TrainConfig().features
    text = text_features(config)
    fitted = {"train": text.fit_transform(parts["train"])}
    fitted |= {name: text.transform(parts[name]) for name in PARTS[1:]}
    prefixes = np.array([name[:2] for name in text.get_feature_names_out()])
    blocks: Blocks = {
        key: {name: matrix[:, np.flatnonzero(prefixes == prefix)].tocsr() for name, matrix in fitted.items()}
        for key, prefix in (("W", "w:"), ("S", "s:"), ("C", "c:"))
    }
    denied = DenialFeatures(min_df=config.denial_min_df).fit(parts["train"])
    blocks["D"] = {name: denied.transform(parts[name]) for name in PARTS}
    cues = CueFeatures().fit(parts["train"])
    raw = {name: cues.transform(parts[name]) for name in PARTS}
    scaler = MaxAbsScaler().fit(raw["train"])
    blocks["Qraw"] = {name: sp.csr_matrix(values) for name, values in raw.items()}
    blocks["Q"] = {name: sp.csr_matrix(scaler.transform(values)) for name, values in raw.items()}
    words = bag_of_words_vectorizer()
    blocks["B"] = {"train": words.fit_transform(parts["train"])}
    blocks["B"] |= {name: words.transform(parts[name]) for name in PARTS[1:]}
    return blocks


def evaluate(config: str, blocks: Blocks, targets: dict[str, np.ndarray]) -> str:
    started = time.perf_counter()
    matrices = {name: sp.hstack([blocks[b][name] for b in config.split("+")], format="csr") for name in PARTS}
    grid = TrainConfig().root_cause_c_grid
    scorer, choice = select_scorer(
        matrices["train"], targets["train"], matrices["validation"], targets["validation"], c=None, grid=grid
    )
    thresholds = _thresholds(targets["validation"], scorer.scores(matrices["validation"]))
    cells = [config, f"{choice.c:g}", f"{max(choice.tried.values()):.4f}"]
    for name in ("test", "dev", "holdout"):
        chosen = _decide(scorer.scores(matrices[name]), thresholds)
        micro = f1_score(targets[name], chosen, average="micro")
        macro = f1_score(targets[name], chosen, average="macro", zero_division=0)
        cells.append(f"{micro:.3f} / {macro:.3f}")
    cells.append(f"{time.perf_counter() - started:.0f}")
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="corpus folder (default data/default)")
    parser.add_argument("--configs", default=DEFAULT_CONFIGS, help="comma-separated block combinations")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    parts, targets = load(args.data)
    blocks = build_blocks(parts)
    sizes = ", ".join(f"{key} {value['train'].shape[1]:,}" for key, value in blocks.items())
    print(
        f"train {len(parts['train']):,}, validation {len(parts['validation']):,}, "
        f"test {len(parts['test']):,}, hand-written dev {len(parts['dev'])} / holdout "
        f"{len(parts['holdout'])}; columns: {sizes} ({time.perf_counter() - started:.0f} s)"
    )
    print(
        "| blocks | C | validation PR-AUC | test micro / macro F1 | hand dev micro / macro F1 "
        "| hand holdout micro / macro F1 | fit s |"
    )
    print("|---|---|---|---|---|---|---|")
    for config in args.configs.split(","):
        print(evaluate(config, blocks, targets), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
