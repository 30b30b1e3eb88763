"""The champion on the hand-written evaluation set, beside baselines, against its synthetic test numbers.

    .venv/bin/python bench/eval_handwritten.py [--registry models] [--model V] [--data DIR] [--json FILE]
        [--set b | --complaints F --contacts F] [--list-errors [--errors-split dev|holdout|all]]

Trains no model. The champion (or `--model V`) scores a hand-written set: by default the first
one, `data/eval/complaints_handwritten.jsonl` with `data/eval/contacts_handwritten.csv`; `--set b`
is the second author's `complaints_handwritten_b.jsonl` with `contacts_handwritten_b.csv`; or any
files given with `--complaints` and `--contacts` (texts anonymised first, as training does). The
baselines are the ones `konflikt train` runs (`training.baselines.run_baselines`: prior, cue
lexicon, bag of words, text only, contacts only), fitted here on the same training and
validation rows of the default corpus that the champion was fitted on: same split, and the
champion's own fitted feature union (the same matrices `fit_model` made). As a check that they
are the same baselines, they also score the synthetic test rows, and those numbers are printed
next to the ones in the champion's `evaluation.json`.

Every metric is reported per split (`dev`, `holdout`) and language (`da`, `en`), both read from
the complaint id (`<prefix>-<split>-<language>-<n>`: `hw-dev-da-001`, `hwb2-holdout-en-012`; see
data/README.md). Nothing is tuned on either split. Output holds numbers and complaint ids only,
never text. `--list-errors` prints the dev split's errors unless asked otherwise: error analysis
reads dev, the holdout is read as totals.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from signals.annotator import KonfliktModel
from signals.anonymise import anonymise_texts
from signals.errors import KonfliktError
from signals.loader import load_complaints, load_contacts
from signals.pipeline import prepare_frame
from signals.registry import champion_version, load_model, version_info
from signals.schema import ROOT_CAUSE_CODES
from training.baselines import Predictions, run_baselines
from training.config import TrainConfig
from training.evaluate import label_matrix
from training.fit import Matrices
from training.metrics import mediation_metrics, root_cause_metrics
from training.split import time_citizen_split
from training.train import fingerprint, load_training_data

EVAL_DIR = Path("data/eval")
# The hand-written sets by name: (complaints, contacts).
SETS = {
    "a": (EVAL_DIR / "complaints_handwritten.jsonl", EVAL_DIR / "contacts_handwritten.csv"),
    "b": (EVAL_DIR / "complaints_handwritten_b.jsonl", EVAL_DIR / "contacts_handwritten_b.csv"),
}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*-(dev|holdout)-(da|en)-\d+$")
SLICES = ("all", "dev", "holdout", "da", "en", "dev/da", "dev/en", "holdout/da", "holdout/en")
RC_SYSTEMS = ("model", "prior", "cue_lexicon", "bag_of_words")
MED_SYSTEMS = ("model", "prior", "cue_lexicon", "text_only", "contacts_only")
# The same complaints annotated without their contacts: the model's text-only mediation part
# and its own threshold score them (`KonfliktModel.mediation_for`).
NO_CONTACTS = "model, no contacts given"


@dataclass
class Scored:
    """What one system says about the rows it was asked about (either part may be absent)."""

    rc_scores: np.ndarray | None
    rc_pred: np.ndarray | None
    med_scores: np.ndarray | None
    med_threshold: float | None

    def rows(self, index: np.ndarray) -> Scored:
        def take(a: np.ndarray | None) -> np.ndarray | None:
            return None if a is None else a[index]

        return Scored(take(self.rc_scores), take(self.rc_pred), take(self.med_scores), self.med_threshold)


def load_eval_set(complaints: Path, contacts: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The hand-written set through the project loader (labels required), texts anonymised."""
    frame = load_complaints(complaints, require_labels=True).frame
    history = load_contacts(contacts).frame
    bad = [cid for cid in frame["complaint_id"] if not ID_PATTERN.match(str(cid))]
    if bad:
        raise KonfliktError(
            f"{complaints}: {len(bad)} complaint ids do not read <prefix>-<dev|holdout>-<da|en>-<n> (first: {bad[0]})"
        )
    parts = frame["complaint_id"].str.split("-")
    frame = frame.assign(
        split=parts.str[1], language=parts.str[2], text=anonymise_texts(frame["text"].astype(str).tolist())
    )
    return frame, history


def slice_masks(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    split, language = frame["split"].to_numpy(), frame["language"].to_numpy()
    return {
        "all": np.ones(len(frame), dtype=bool),
        "dev": split == "dev",
        "holdout": split == "holdout",
        "da": language == "da",
        "en": language == "en",
        "dev/da": (split == "dev") & (language == "da"),
        "dev/en": (split == "dev") & (language == "en"),
        "holdout/da": (split == "holdout") & (language == "da"),
        "holdout/en": (split == "holdout") & (language == "en"),
    }


def champion_and_baselines(
    model: KonfliktModel,
    registry: Path,
    version: str,
    hand: pd.DataFrame,
    hand_contacts: pd.DataFrame,
    data_dir: Path | None = None,
) -> tuple[dict[str, Scored], dict[str, Scored], dict[str, Any]]:
    """Scores of the model and of every baseline on the hand-written rows and on the synthetic test rows.

    `data_dir` (complaints.jsonl, contacts.csv) is the corpus the champion was trained on; the
    embedded default corpus when None.
    """
    config = TrainConfig.from_dict(model.config)
    if data_dir is None:
        data = load_training_data(None, None)
    else:
        data = load_training_data(data_dir / "complaints.jsonl", data_dir / "contacts.csv")
    complaints, contacts = data.complaints, data.contacts
    expected = version_info(registry, version).manifest.get("data_fingerprint")
    same_data = fingerprint(complaints, contacts, config) == expected
    if not same_data:
        print(
            "warning: the champion was not trained on the default corpus as it is now (fingerprints differ); "
            "the baselines are fitted on the current default corpus and its feature matrices are the "
            "champion's transform of it, not the ones the champion was fitted on",
            file=sys.stderr,
        )
    split = time_citizen_split(
        complaints, test_months=config.test_months, validation_months=config.validation_months
    )
    frame = prepare_frame(complaints, contacts)
    y_rc = label_matrix(complaints["root_causes"])
    y_med = complaints["mediation_potential"].astype(int).to_numpy()

    def matrix_of(rows: pd.DataFrame) -> sp.csr_matrix:
        return sp.csr_matrix(model.features.transform(rows), dtype=np.float64)

    matrices = Matrices(
        train=matrix_of(frame.iloc[split.train]),
        validation=matrix_of(frame.iloc[split.validation]),
        blocks=dict(model.features.output_indices_),
    )
    hand_matrix, hand_frame = model.transform(hand, hand_contacts)
    synth_matrix = matrix_of(frame.iloc[split.test])
    n_hand = hand_matrix.shape[0]
    texts = (
        frame["text"].iloc[split.train].tolist(),
        frame["text"].iloc[split.validation].tolist(),
        hand_frame["text"].tolist() + frame["text"].iloc[split.test].tolist(),
    )
    baselines = run_baselines(
        matrices,
        sp.vstack([hand_matrix, synth_matrix], format="csr"),
        texts=texts,
        y_rc=(y_rc[split.train], y_rc[split.validation]),
        y_med=(y_med[split.train], y_med[split.validation]),
        share=float(model.capacity["share"]),
        root_cause_c=config.root_cause_c,
        mediation_c=config.mediation_c,
    )
    both: dict[str, Scored] = {name: from_predictions(pred) for name, pred in baselines.items()}
    stacked = sp.vstack([hand_matrix, synth_matrix], format="csr")
    rc_scores, med_scores = model.score_matrix(stacked)
    both["model"] = Scored(
        rc_scores, model.decide_root_causes(rc_scores), med_scores, model.mediation_threshold
    )
    text_scorer, text_threshold, known = model.mediation_for(hand_contacts.iloc[0:0])
    if not known:  # the model's text-only part, which scores input without any contact history
        _, unknown = model.score_matrix(stacked, text_scorer)
        both[NO_CONTACTS] = Scored(rc_scores, model.decide_root_causes(rc_scores), unknown, text_threshold)
    hand_rows, synth_rows = np.arange(n_hand), np.arange(n_hand, n_hand + len(split.test))
    synth_labels = {"y_rc": y_rc[split.test], "y_med": y_med[split.test], "same_data": same_data}
    return (
        {k: v.rows(hand_rows) for k, v in both.items()},
        {k: v.rows(synth_rows) for k, v in both.items()},
        synth_labels,
    )


def from_predictions(pred: Predictions) -> Scored:
    return Scored(pred.rc_scores, pred.rc_pred, pred.med_scores, pred.med_threshold)


def at_share(y_med: np.ndarray, scores: np.ndarray, share: float) -> tuple[float, float]:
    """Precision and recall when the top `share` of these rows by score are flagged (ties broken by order)."""
    k = max(1, int(np.ceil(share * len(scores))))
    top = np.argsort(-scores, kind="stable")[:k]
    hits = int(y_med[top].sum())
    return hits / k, hits / max(int(y_med.sum()), 1)


def metrics_of(scored: Scored, y_rc: np.ndarray, y_med: np.ndarray, share: float) -> dict[str, Any]:
    """Root-cause and mediation metrics of one system on one slice (a part it does not predict is None).

    Besides the system's own flag threshold, mediation is also read at `share`: the top share of
    the slice's rows by score, i.e. the capacity rule applied to the ranking of these rows.
    """
    out: dict[str, Any] = {"n": len(y_med), "positives": int(y_med.sum())}
    if scored.rc_pred is not None and scored.rc_scores is not None:
        out["root_causes"] = root_cause_metrics(y_rc, scored.rc_pred, scored.rc_scores)
        out["root_causes"]["predicted_per_code"] = {
            code: int(scored.rc_pred[:, k].sum()) for k, code in enumerate(ROOT_CAUSE_CODES)
        }
    if scored.med_scores is not None and scored.med_threshold is not None:
        med = mediation_metrics(y_med, scored.med_scores, threshold=scored.med_threshold)
        med.pop("pr_curve", None)
        med["precision_at_share"], med["recall_at_share"] = at_share(y_med, scored.med_scores, share)
        out["mediation"] = med
    return out


def fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_tables(
    hand: dict[str, dict[str, Any]], synth: dict[str, Any], stored: dict[str, Any], share: float
) -> None:
    columns = ("synthetic test", *SLICES)
    head = hand["model"]["all"]

    def sizes() -> str:
        cells = [f"n={synth['model']['n']}/{synth['model']['positives']}+"]
        cells += [f"n={hand['model'][s]['n']}/{hand['model'][s]['positives']}+" for s in SLICES]
        return "| sizes (n / mediation-positive) | " + " | ".join(cells) + " |"

    print("\nRoot causes: micro-F1 / macro-F1 (the model's and each baseline's own thresholds)\n")
    print("| system | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    print(sizes())
    for name in RC_SYSTEMS:
        cells = [synth[name]["root_causes"]] + [hand[name][s]["root_causes"] for s in SLICES]
        print(
            f"| {name} | " + " | ".join(f"{fmt(c['micro_f1'])} / {fmt(c['macro_f1'])}" for c in cells) + " |"
        )

    print("\nMediation: PR-AUC (prevalence in brackets for the model row)\n")
    print("| system | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for name in [*MED_SYSTEMS, *[n for n in (NO_CONTACTS,) if n in hand]]:
        cells = [synth[name]["mediation"]] + [hand[name][s]["mediation"] for s in SLICES]
        if name == "model":
            print(
                f"| {name} | "
                + " | ".join(f"{fmt(c['pr_auc'])} ({fmt(c['prevalence'], 2)})" for c in cells)
                + " |"
            )
        else:
            print(f"| {name} | " + " | ".join(fmt(c["pr_auc"]) for c in cells) + " |")

    threshold = head["mediation"]["threshold"]
    print(
        f"\nMediation at the model's flag threshold ({threshold:.3f}): precision / recall / flagged share\n"
    )
    print("| system | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for name in ("model", "text_only", "contacts_only", *[n for n in (NO_CONTACTS,) if n in hand]):
        cells = [synth[name]["mediation"]] + [hand[name][s]["mediation"] for s in SLICES]
        print(
            f"| {name} | "
            + " | ".join(
                f"{fmt(c['precision_at_capacity'], 2)} / {fmt(c['recall_at_capacity'], 2)} / {fmt(c['flagged_share'], 2)}"
                for c in cells
            )
            + " |"
        )
    print(
        f"\nMediation when the top {share:.1%} of each slice by score is flagged (the capacity share applied"
    )
    print("to this slice's ranking instead of the fixed threshold): precision / recall\n")
    print("| system | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for name in MED_SYSTEMS:
        cells = [synth[name]["mediation"]] + [hand[name][s]["mediation"] for s in SLICES]
        print(
            f"| {name} | "
            + " | ".join(f"{fmt(c['precision_at_share'], 2)} / {fmt(c['recall_at_share'], 2)}" for c in cells)
            + " |"
        )

    print("\nPer code, the model: F1 (support) on the synthetic test rows and the hand-written slices;")
    print(
        "'pred' = how often the model names the code on all hand-written rows; 'bow' = bag-of-words F1 there\n"
    )
    print("| code | " + " | ".join(columns) + " | pred | bow |")
    print("|---" * (len(columns) + 3) + "|")
    for code in ROOT_CAUSE_CODES:
        cells = [synth["model"]["root_causes"]["per_code"][code]]
        cells += [hand["model"][s]["root_causes"]["per_code"][code] for s in SLICES]
        predicted = head["root_causes"]["predicted_per_code"][code]
        bow = hand["bag_of_words"]["all"]["root_causes"]["per_code"][code]["f1"]
        print(
            f"| {code} | "
            + " | ".join(f"{fmt(c['f1'], 2)} ({c['support']})" for c in cells)
            + f" | {predicted} | {fmt(bow, 2)} |"
        )

    print(
        "\nCheck: the baselines refitted here against the champion's evaluation.json (synthetic test rows)\n"
    )
    print("| system | micro-F1 here / stored | PR-AUC here / stored |")
    print("|---|---|---|")
    for name in ("model", *[s for s in stored if s != "model"]):
        mine, theirs = synth[name], stored[name]
        rc_here = mine.get("root_causes", {}).get("micro_f1")
        med_here = mine.get("mediation", {}).get("pr_auc")
        print(
            f"| {name} | {fmt(rc_here)} / {fmt(theirs['root_causes']['micro_f1'])} | "
            f"{fmt(med_here)} / {fmt(theirs['mediation']['pr_auc'])} |"
        )


def list_errors(
    frame: pd.DataFrame, scored: Scored, y_rc: np.ndarray, y_med: np.ndarray, split: str = "dev"
) -> None:
    """Complaint ids with what the model got wrong (codes missed and added; flag errors) on one
    split (`dev`, `holdout`) or `all`. No text."""
    assert scored.rc_pred is not None and scored.med_scores is not None and scored.med_threshold is not None
    print(
        f"\nErrors of the model on {'every split' if split == 'all' else 'the ' + split + ' split'} (ids only)\n"
    )
    for i, cid in enumerate(frame["complaint_id"]):
        if split != "all" and frame["split"].iloc[i] != split:
            continue
        truth = {c for k, c in enumerate(ROOT_CAUSE_CODES) if y_rc[i, k]}
        said = {c for k, c in enumerate(ROOT_CAUSE_CODES) if scored.rc_pred[i, k]}
        flag = bool(scored.med_scores[i] >= scored.med_threshold)
        notes = []
        if truth - said:
            notes.append("missed " + ",".join(sorted(truth - said)))
        if said - truth:
            notes.append("added " + ",".join(sorted(said - truth)))
        if flag != bool(y_med[i]):
            notes.append(
                f"{'false flag' if flag else 'unflagged positive'} (score {scored.med_scores[i]:.3f})"
            )
        if notes:
            print(f"{cid}: " + "; ".join(notes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registry", type=Path, default=Path("models"))
    parser.add_argument("--model", help="model version (default: the champion)")
    parser.add_argument(
        "--set",
        choices=sorted(SETS),
        default="a",
        help="which hand-written set: a = the first (default), b = the second author's",
    )
    parser.add_argument("--complaints", type=Path, help="complaints file (default: the --set's)")
    parser.add_argument("--contacts", type=Path, help="contacts file (default: the --set's)")
    parser.add_argument(
        "--data",
        type=Path,
        help="the champion's training corpus (complaints.jsonl, contacts.csv); default data/default",
    )
    parser.add_argument("--json", type=Path, help="also write every metric to this file")
    parser.add_argument("--list-errors", action="store_true", help="print the model's errors by complaint id")
    parser.add_argument(
        "--errors-split",
        choices=("dev", "holdout", "all"),
        default="dev",
        help="which split --list-errors prints (default dev: error analysis never reads the holdout)",
    )
    args = parser.parse_args(argv)
    complaints_file = args.complaints or SETS[args.set][0]
    contacts_file = args.contacts or SETS[args.set][1]

    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        version = args.model or champion_version(args.registry)
        if version is None:
            raise KonfliktError(f"registry {args.registry} has no champion; train one with `konflikt train`")
        model = load_model(args.registry, version)
        if not isinstance(model, KonfliktModel):
            raise KonfliktError(f"model {version} is not a KonfliktModel")
        evaluation = json.loads(
            (version_info(args.registry, version).path / "evaluation.json").read_text(encoding="utf-8")
        )
        hand, hand_contacts = load_eval_set(complaints_file, contacts_file)
        hand_scored, synth_scored, synth_labels = champion_and_baselines(
            model, args.registry, version, hand, hand_contacts, args.data
        )
    except KonfliktError as exc:
        print(f"eval_handwritten: {exc}", file=sys.stderr)
        return 1

    y_rc = label_matrix(hand["root_causes"])
    y_med = hand["mediation_potential"].astype(int).to_numpy()
    masks = slice_masks(hand)
    share = float(model.capacity["share"])
    results = {
        name: {
            s: metrics_of(scored.rows(np.flatnonzero(m)), y_rc[m], y_med[m], share) for s, m in masks.items()
        }
        for name, scored in hand_scored.items()
    }
    synth = {
        name: metrics_of(scored, synth_labels["y_rc"], synth_labels["y_med"], share)
        for name, scored in synth_scored.items()
    }
    print(
        f"model {version}; hand-written set {complaints_file}: {len(hand)} complaints, "
        f"{len(hand_contacts)} contacts"
    )
    print(f"synthetic test rows: {evaluation['split']}")
    print_tables(results, synth, evaluation["results"], share)
    if args.list_errors:
        list_errors(hand, hand_scored["model"], y_rc, y_med, args.errors_split)
    print(
        f"\nwall {time.perf_counter() - started:.1f} s, CPU {time.process_time() - cpu_started:.1f} s "
        "(this process; the baselines' SVM fits run in 2 worker processes, not counted)"
    )
    if args.json:
        payload = {"version": version, "hand_written": results, "synthetic_test": synth}
        args.json.write_text(
            json.dumps(payload, indent=2, ensure_ascii=False, default=float) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
