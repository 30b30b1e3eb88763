"""A plain baseline on a corpus: TF-IDF + logistic regression, and simple contact counts.

Run: `.venv/bin/python -m training.baseline --data DIR` (DIR holds complaints.jsonl and
contacts.csv). The split is by time (the last ~20% of months are the test set) and by citizen
(citizens in the test set are dropped from training). It prints root-cause micro/macro F1
(one-vs-rest LR, threshold 0.5, at least one label per complaint) and mediation PR-AUC for a
prior baseline, text only, contacts only, and text and contacts combined. It is a yardstick
for the synthetic corpus (is it too easy? do both views matter?), not the product's model.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import MultiLabelBinarizer, StandardScaler

from signals.schema import MAYOR, ROOT_CAUSE_CODES

TEST_MONTH_SHARE = 0.2
CONTACT_FEATURES = ("n30", "n90", "n365", "rykker90", "borgmester365", "acceleration", "klager_foer")


@dataclass(frozen=True)
class BaselineScores:
    train_size: int
    test_size: int
    micro_f1: float
    macro_f1: float
    prevalence: float
    pr_auc_prior: float
    pr_auc_text: float
    pr_auc_contacts: float
    pr_auc_combined: float


def load(data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    complaints = pd.read_json(data_dir / "complaints.jsonl", lines=True, dtype={"citizen_id": str})
    complaints["received_at"] = pd.to_datetime(complaints["received_at"], utc=True, format="ISO8601")
    contacts = pd.read_csv(data_dir / "contacts.csv", dtype=str)
    contacts["occurred_at"] = pd.to_datetime(contacts["occurred_at"], utc=True, format="ISO8601")
    return complaints, contacts


def time_and_citizen_split(complaints: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Boolean masks: test = the last ~20% of months; train = earlier months minus test citizens."""
    months = complaints["received_at"].dt.tz_convert("Europe/Copenhagen").dt.strftime("%Y-%m")
    ordered = sorted(months.unique())
    first_test = ordered[round(len(ordered) * (1 - TEST_MONTH_SHARE))]
    test = (months >= first_test).to_numpy()
    test_citizens = set(complaints.loc[test, "citizen_id"])
    train = ~test & ~complaints["citizen_id"].isin(test_citizens).to_numpy()
    return train, test


def contact_features(complaints: pd.DataFrame, contacts: pd.DataFrame) -> np.ndarray:
    """Counts of each citizen's contacts strictly before the complaint's received_at."""
    seconds = contacts["occurred_at"].astype("int64").to_numpy() // 10**9
    order = np.argsort(seconds, kind="stable")
    citizens = contacts["citizen_id"].to_numpy()[order]
    times_all = seconds[order]
    chaser_all = contacts["kind"].to_numpy()[order] == "rykker"
    mayor_all = contacts["recipient"].to_numpy()[order] == MAYOR
    klage_all = contacts["kind"].to_numpy()[order] == "klage"
    by_citizen: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}
    for citizen, idx in pd.Series(citizens).groupby(citizens, sort=False).indices.items():
        by_citizen[citizen] = (times_all[idx], chaser_all[idx], mayor_all[idx], klage_all[idx])
    day = 86_400
    received = complaints["received_at"].astype("int64").to_numpy() // 10**9
    out = np.zeros((len(complaints), len(CONTACT_FEATURES)))
    empty = (np.array([], dtype=np.int64),) + (np.array([], dtype=bool),) * 3
    for i, (citizen, t) in enumerate(zip(complaints["citizen_id"], received, strict=True)):
        times, chaser, mayor, klage = by_citizen.get(citizen, empty)
        end = np.searchsorted(times, t, side="left")  # strictly before received_at
        start30, start90, start365 = (np.searchsorted(times, t - d * day, side="left") for d in (30, 90, 365))
        n30, n90, n365 = end - start30, end - start90, end - start365
        out[i] = (
            n30,
            n90,
            n365,
            chaser[start90:end].sum(),
            mayor[start365:end].sum(),
            n30 - (n90 - n30) / 2.0,  # acceleration: last month against the two before
            klage[:end].sum(),
        )
    return out


def _text_features() -> FeatureUnion:
    return FeatureUnion(
        [
            ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=60_000, sublinear_tf=True)),
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(3, 5), min_df=3, max_features=80_000, sublinear_tf=True
                ),
            ),
        ]
    )


def root_cause_scores(
    x_train: sparse.csr_matrix, x_test: sparse.csr_matrix, y_train: list, y_test: list
) -> tuple:
    binarizer = MultiLabelBinarizer(classes=list(ROOT_CAUSE_CODES))
    yt, ye = binarizer.fit_transform(y_train), binarizer.transform(y_test)
    model = OneVsRestClassifier(LogisticRegression(C=4.0, max_iter=2000, solver="liblinear", dual=True))
    model.fit(x_train, yt)
    proba = model.predict_proba(x_test)
    predicted = (proba >= 0.5).astype(int)
    empty = predicted.sum(axis=1) == 0
    predicted[empty, proba[empty].argmax(axis=1)] = 1  # at least one label per complaint
    return (
        f1_score(ye, predicted, average="micro", zero_division=0),
        f1_score(ye, predicted, average="macro", zero_division=0),
    )


def _pr_auc(x_train: object, y_train: np.ndarray, x_test: object, y_test: np.ndarray, c: float) -> float:
    wide = sparse.issparse(x_train)  # the dual problem is the fast one when features outnumber rows
    model = LogisticRegression(C=c, max_iter=3000, solver="liblinear", dual=wide)
    model.fit(x_train, y_train)
    return float(average_precision_score(y_test, model.predict_proba(x_test)[:, 1]))


def run(data_dir: Path) -> BaselineScores:
    complaints, contacts = load(data_dir)
    train, test = time_and_citizen_split(complaints)
    text = complaints["text"].to_numpy()
    features = _text_features()
    x_train = features.fit_transform(text[train])
    x_test = features.transform(text[test])
    labels = complaints["root_causes"].tolist()
    micro, macro = root_cause_scores(
        x_train, x_test, [labels[i] for i in np.flatnonzero(train)], [labels[i] for i in np.flatnonzero(test)]
    )
    y = complaints["mediation_potential"].to_numpy().astype(int)
    scaler = StandardScaler()
    counts = contact_features(complaints, contacts)
    raw = np.log1p(np.clip(counts, 0, None))
    accel = CONTACT_FEATURES.index("acceleration")
    raw[:, accel] = counts[:, accel] / 5.0  # may be negative: scaled, not logged
    c_train, c_test = scaler.fit_transform(raw[train]), scaler.transform(raw[test])
    prevalence = float(y[test].mean())
    prior = float(average_precision_score(y[test], np.full(test.sum(), y[train].mean())))
    combined_train = sparse.hstack([x_train, sparse.csr_matrix(c_train)]).tocsr()
    combined_test = sparse.hstack([x_test, sparse.csr_matrix(c_test)]).tocsr()
    return BaselineScores(
        train_size=int(train.sum()),
        test_size=int(test.sum()),
        micro_f1=float(micro),
        macro_f1=float(macro),
        prevalence=prevalence,
        pr_auc_prior=prior,
        pr_auc_text=_pr_auc(x_train, y[train], x_test, y[test], c=2.0),
        pr_auc_contacts=_pr_auc(c_train, y[train], c_test, y[test], c=1.0),
        pr_auc_combined=_pr_auc(combined_train, y[train], combined_test, y[test], c=2.0),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.baseline", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, required=True, help="folder with complaints.jsonl and contacts.csv"
    )
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    args = parser.parse_args(argv)
    for name in ("complaints.jsonl", "contacts.csv"):
        if not (args.data / name).is_file():
            print(f"baseline: error: {args.data / name} not found", file=sys.stderr)
            return 1
    scores = run(args.data)
    if args.json:
        print(json.dumps(scores.__dict__))
        return 0
    print(f"split: {scores.train_size} train / {scores.test_size} test complaints (time and citizen split)")
    print(
        f"root causes  TF-IDF(word+char_wb) + OvR LR @0.5: micro-F1 {scores.micro_f1:.3f}  "
        f"macro-F1 {scores.macro_f1:.3f}"
    )
    print(f"mediation    prevalence (test) {scores.prevalence:.3f}")
    print(f"  PR-AUC prior     {scores.pr_auc_prior:.3f}")
    print(f"  PR-AUC text      {scores.pr_auc_text:.3f}")
    print(f"  PR-AUC contacts  {scores.pr_auc_contacts:.3f}")
    print(f"  PR-AUC combined  {scores.pr_auc_combined:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
