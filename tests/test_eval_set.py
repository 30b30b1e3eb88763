"""The hand-written labelled evaluation set (data/eval/complaints_handwritten.jsonl, contacts_handwritten.csv).

It loads through the project's own loader and `konflikt check`, covers every root-cause code,
both languages and every department, and its split is as the data card documents it: the
complaint id reads hw-<dev|holdout>-<da|en>-<n>, about 60% dev and 40% holdout, by citizen.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from konflikt.cli import app
from signals.language import detect_language
from signals.loader import load_complaints, load_contacts
from signals.schema import ROOT_CAUSE_CODES

EVAL = Path(__file__).resolve().parent.parent / "data" / "eval"
COMPLAINTS = EVAL / "complaints_handwritten.jsonl"
CONTACTS = EVAL / "contacts_handwritten.csv"
ID = re.compile(r"^hw-(dev|holdout)-(da|en)-\d{3}$")
DEPARTMENTS = {"BUF", "SOF", "BIF", "SUF", "TMF", "KFF", "OKF"}


@cache
def complaints() -> pd.DataFrame:
    frame = load_complaints(COMPLAINTS, require_labels=True).frame
    parts = frame["complaint_id"].str.split("-")
    return frame.assign(split=parts.str[1], language=parts.str[2])


@cache
def contacts() -> pd.DataFrame:
    return load_contacts(CONTACTS).frame


def test_both_files_pass_konflikt_check() -> None:
    result = CliRunner().invoke(
        app, ["check", "--complaints", str(COMPLAINTS), "--contacts", str(CONTACTS), "--require-labels"]
    )
    assert result.exit_code == 0, result.output
    assert "no errors" in result.stdout


def test_size_labels_and_departments() -> None:
    frame = complaints()
    assert len(frame) >= 200
    assert frame["complaint_id"].map(lambda cid: bool(ID.match(cid))).all()
    assert frame["root_causes"].map(lambda codes: 1 <= len(codes) <= 3).all()
    counts = Counter(code for codes in frame["root_causes"] for code in codes)
    assert {code: counts[code] for code in ROOT_CAUSE_CODES if counts[code] < 6} == {}
    assert set(frame["forvaltning"].dropna()) == DEPARTMENTS
    assert frame["forvaltning"].isna().any()  # some the advisor could not place
    assert 0.10 <= frame["mediation_potential"].mean() <= 0.17


def test_languages() -> None:
    frame = complaints()
    share_en = (frame["language"] == "en").mean()
    assert 0.25 <= share_en <= 0.35
    # the language in the id is the project's own reading of the text
    assert [detect_language(t) for t in frame["text"]] == frame["language"].tolist()


def test_split_is_as_documented() -> None:
    frame = complaints()
    assert set(frame["split"]) == {"dev", "holdout"}
    assert 0.55 <= (frame["split"] == "dev").mean() <= 0.65
    # by citizen: no citizen on both sides
    assert (frame.groupby("citizen_id")["split"].nunique() == 1).all()
    for split in ("dev", "holdout"):
        part = frame[frame["split"] == split]
        assert set(part["language"]) == {"da", "en"}
        assert part["mediation_potential"].sum() >= 5


def test_contacts_are_histories_before_the_complaints() -> None:
    frame, history = complaints(), contacts()
    assert set(history["citizen_id"]) <= set(frame["citizen_id"])
    last = frame.groupby("citizen_id")["received_at"].max()
    assert (history["occurred_at"] < history["citizen_id"].map(last)).all()
    with_history = set(history["citizen_id"])
    positive = frame[frame["mediation_potential"] == 1]
    negative = frame[frame["mediation_potential"] == 0]
    assert positive["citizen_id"].isin(with_history).mean() > 0.8  # most positives have a history
    assert 0 < negative["citizen_id"].isin(with_history).mean() < 0.5  # some negatives, not most
