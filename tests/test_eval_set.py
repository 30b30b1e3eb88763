"""The hand-written labelled evaluation sets (data/eval/complaints_handwritten.jsonl with
contacts_handwritten.csv, and the second author's complaints_handwritten_b.jsonl with
contacts_handwritten_b.csv).

Each loads through the project's own loader and `konflikt check`, covers every root-cause code,
both languages and every department, and its split is as the data card documents it: the
complaint id reads <prefix>-<dev|holdout>-<da|en>-<n>, about 60% dev and 40% holdout, by citizen.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from signals.errors import KonfliktError
from signals.language import detect_language
from signals.loader import load_complaints, load_contacts
from signals.schema import ROOT_CAUSE_CODES

EVAL = Path(__file__).resolve().parent.parent / "data" / "eval"
DEPARTMENTS = {"BUF", "SOF", "BIF", "SUF", "TMF", "KFF", "OKF"}


@dataclass(frozen=True)
class EvalSet:
    complaints: Path
    contacts: Path
    id: re.Pattern[str]
    min_per_code: int
    share_en: tuple[float, float]
    # share of negative complaints whose citizen has any contact history (some, not all)
    negatives_with_history: tuple[float, float]


SETS = {
    "first": EvalSet(
        EVAL / "complaints_handwritten.jsonl",
        EVAL / "contacts_handwritten.csv",
        re.compile(r"^hw-(dev|holdout)-(da|en)-\d{3}$"),
        6,
        (0.25, 0.35),
        (0.0, 0.5),
    ),
    "second": EvalSet(
        EVAL / "complaints_handwritten_b.jsonl",
        EVAL / "contacts_handwritten_b.csv",
        re.compile(r"^hwb2-(dev|holdout)-(da|en)-\d{3}$"),
        10,
        (0.35, 0.45),
        (0.3, 0.6),
    ),
}
every_set = pytest.mark.parametrize("name", sorted(SETS))


@cache
def complaints(name: str) -> pd.DataFrame:
    frame = load_complaints(SETS[name].complaints, require_labels=True).frame
    parts = frame["complaint_id"].str.split("-")
    return frame.assign(split=parts.str[1], language=parts.str[2])


@cache
def contacts(name: str) -> pd.DataFrame:
    return load_contacts(SETS[name].contacts).frame


@every_set
def test_both_files_pass_konflikt_check(name: str) -> None:
    result = CliRunner().invoke(
        app,
        [
            "check",
            "--complaints",
            str(SETS[name].complaints),
            "--contacts",
            str(SETS[name].contacts),
            "--require-labels",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "no errors" in result.stdout


@every_set
def test_size_labels_and_departments(name: str) -> None:
    frame = complaints(name)
    assert len(frame) >= 200
    assert frame["complaint_id"].map(lambda cid: bool(SETS[name].id.match(cid))).all()
    assert frame["root_causes"].map(lambda codes: 1 <= len(codes) <= 3).all()
    counts = Counter(code for codes in frame["root_causes"] for code in codes)
    assert {code: counts[code] for code in ROOT_CAUSE_CODES if counts[code] < SETS[name].min_per_code} == {}
    assert set(frame["forvaltning"].dropna()) == DEPARTMENTS
    assert frame["forvaltning"].isna().any()  # some the advisor could not place
    assert 0.10 <= frame["mediation_potential"].mean() <= 0.17


@every_set
def test_languages(name: str) -> None:
    frame = complaints(name)
    share_en = (frame["language"] == "en").mean()
    low, high = SETS[name].share_en
    assert low <= share_en <= high
    # the language in the id is the project's own reading of the text
    assert [detect_language(t) for t in frame["text"]] == frame["language"].tolist()


@every_set
def test_split_is_as_documented(name: str) -> None:
    frame = complaints(name)
    assert set(frame["split"]) == {"dev", "holdout"}
    assert 0.55 <= (frame["split"] == "dev").mean() <= 0.65
    # by citizen: no citizen on both sides
    assert (frame.groupby("citizen_id")["split"].nunique() == 1).all()
    for split in ("dev", "holdout"):
        part = frame[frame["split"] == split]
        assert set(part["language"]) == {"da", "en"}
        assert part["mediation_potential"].sum() >= 5


@every_set
def test_contacts_are_histories_before_the_complaints(name: str) -> None:
    frame, history = complaints(name), contacts(name)
    assert set(history["citizen_id"]) <= set(frame["citizen_id"])
    last = frame.groupby("citizen_id")["received_at"].max()
    assert (history["occurred_at"] < history["citizen_id"].map(last)).all()
    with_history = set(history["citizen_id"])
    positive = frame[frame["mediation_potential"] == 1]
    negative = frame[frame["mediation_potential"] == 0]
    assert positive["citizen_id"].isin(with_history).mean() > 0.8  # most positives have a history
    low, high = SETS[name].negatives_with_history
    assert low < negative["citizen_id"].isin(with_history).mean() < high  # some negatives, not all


def test_second_set_histories_are_as_the_data_card_says() -> None:
    """Every positive has a repeated course before it (8+ contacts, the mayor among them); some
    negatives have busy histories too (6+ contacts), so contacts alone do not give the label."""
    frame, history = complaints("second"), contacts("second")

    def before(row: pd.Series) -> pd.DataFrame:
        mine = history[history["citizen_id"] == row["citizen_id"]]
        return mine[mine["occurred_at"] < row["received_at"]]

    earlier = [before(row) for _, row in frame.iterrows()]
    size = pd.Series([len(e) for e in earlier], index=frame.index)
    mayor = pd.Series([bool((e["recipient"] == "borgmester").any()) for e in earlier], index=frame.index)
    positive = frame["mediation_potential"] == 1
    assert (size[positive] >= 8).all()
    assert mayor[positive].all()
    assert (size[~positive] >= 6).sum() >= 10
    assert mayor[~positive].sum() >= 3


def _eval_script():  # type: ignore[no-untyped-def]
    path = EVAL.parent.parent / "bench" / "eval_handwritten.py"
    spec = importlib.util.spec_from_file_location("eval_handwritten", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("script_name", "name"), [("a", "first"), ("b", "second")])
def test_the_bench_script_reads_each_set_and_its_split(script_name: str, name: str, tmp_path: Path) -> None:
    script = _eval_script()
    assert [f.name for f in script.SETS[script_name]] == [
        SETS[name].complaints.name,
        SETS[name].contacts.name,
    ]
    frame, history = script.load_eval_set(SETS[name].complaints, SETS[name].contacts)
    assert len(frame) == len(complaints(name)) and len(history) == len(contacts(name))
    assert frame["split"].tolist() == complaints(name)["split"].tolist()
    assert frame["language"].tolist() == complaints(name)["language"].tolist()
    # an id that does not say its split is refused, naming the id
    broken = tmp_path / "complaints.jsonl"
    lines = SETS[name].complaints.read_text(encoding="utf-8").splitlines()
    first = lines[0].replace("-dev-", "-x-").replace("-holdout-", "-x-")
    broken.write_text("\n".join([first, *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(KonfliktError, match="-x-"):
        script.load_eval_set(broken, SETS[name].contacts)
