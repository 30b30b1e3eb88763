"""The synthetic corpus: contract shape, determinism, statistical properties, contacts, CLI."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from stdnum.dk import cpr as stdnum_cpr
from typer.testing import CliRunner

from konflikt.cli import app
from signals.errors import KonfliktError
from signals.schema import (
    CHANNELS,
    CITIZEN_ADVISOR,
    CONTACT_KINDS,
    DEPARTMENT_CODES,
    RECIPIENTS,
    ROOT_CAUSE_CODES,
    Complaint,
    Contact,
)
from training.synth import Corpus, build_corpus, generate_corpus
from training.synth.course import Mention, remember, render_mention
from training.synth.grammar import Clause, Context, expand, sentence
from training.synth.noise import add_typos, ocr_damage, without_aeoeaa
from training.synth.personal import cpr_number, phone_number
from training.synth.writer import COMPLAINT_FIELDS, CONTACT_FIELDS

STAT_SIZE = 2000
CPR_LIKE = re.compile(r"\b\d{6}[- ]?\d{4}\b")
CPR_IN_TEXT = re.compile(r"\b(\d{2})\.?(\d{2})\.?(\d{2})[- ]?\d{4}\b")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus(STAT_SIZE, seed=7)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(out, complaints=400, seed=11)
    return out


# --- files and the contract -------------------------------------------------------------------


def test_files_have_exactly_the_contract_fields(files: Path) -> None:
    complaints = pd.read_json(files / "complaints.jsonl", lines=True, dtype={"citizen_id": str})
    contacts = pd.read_csv(files / "contacts.csv", dtype=str)
    assert tuple(complaints.columns) == COMPLAINT_FIELDS
    assert tuple(contacts.columns) == CONTACT_FIELDS
    assert len(complaints) == 400
    assert complaints["complaint_id"].is_unique


def test_every_row_validates_against_the_schema(files: Path) -> None:
    with (files / "complaints.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            assert list(record) == list(COMPLAINT_FIELDS)
            Complaint.model_validate(record)
    for row in pd.read_csv(files / "contacts.csv", dtype=str).to_dict("records"):
        Contact.model_validate(row)


def test_times_are_iso_with_copenhagen_offset(files: Path) -> None:
    offset = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$")
    with (files / "complaints.jsonl").open(encoding="utf-8") as handle:
        stamps = [json.loads(line)["received_at"] for line in handle]
    stamps += pd.read_csv(files / "contacts.csv", dtype=str)["occurred_at"].tolist()
    assert all(offset.match(s) for s in stamps)
    summer = [s for s in stamps if s[5:7] == "07"]
    winter = [s for s in stamps if s[5:7] == "01"]
    assert summer and all(s.endswith("+02:00") for s in summer)
    assert winter and all(s.endswith("+01:00") for s in winter)


def test_unknown_department_is_json_null(corpus: Corpus, files: Path) -> None:
    assert any(c.forvaltning is None for c in corpus.complaints)
    with (files / "complaints.jsonl").open(encoding="utf-8") as handle:
        values = {json.loads(line)["forvaltning"] for line in handle}
    assert values <= {*DEPARTMENT_CODES, None}


def test_citizen_ids_are_pseudonyms_never_cpr_like(corpus: Corpus) -> None:
    ids = {c.citizen_id for c in corpus.complaints} | {e.citizen_id for e in corpus.contacts}
    assert all(re.fullmatch(r"b-\d{6}", i) for i in ids)
    assert not any(CPR_LIKE.search(i) for i in ids)


# --- determinism -------------------------------------------------------------------------------


def test_same_seed_and_size_give_identical_bytes(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", complaints=150, seed=5)
    generate_corpus(tmp_path / "b", complaints=150, seed=5)
    generate_corpus(tmp_path / "c", complaints=150, seed=6)
    for name in ("complaints.jsonl", "contacts.csv"):
        a, b, c = ((tmp_path / d / name).read_bytes() for d in "abc")
        assert a == b
        assert a != c


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """A fresh interpreter with another PYTHONHASHSEED writes the same bytes (no hash(), no set order)."""
    generate_corpus(tmp_path / "here", complaints=120, seed=9)
    code = (
        "from pathlib import Path; from training.synth import generate_corpus; "
        f"generate_corpus(Path({str(tmp_path / 'there')!r}), complaints=120, seed=9)"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=Path(__file__).parents[1])
    for name in ("complaints.jsonl", "contacts.csv"):
        assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "there" / name).read_bytes()


def test_summary_counts_match_the_files(tmp_path: Path) -> None:
    summary = generate_corpus(tmp_path / "nested" / "out", complaints=250, seed=3)
    lines = (tmp_path / "nested" / "out" / "complaints.jsonl").read_text(encoding="utf-8").splitlines()
    contacts = pd.read_csv(tmp_path / "nested" / "out" / "contacts.csv")
    assert summary.complaints == len(lines) == 250
    assert summary.contacts == len(contacts)
    assert summary.mediation_positive == sum(json.loads(line)["mediation_potential"] for line in lines)
    assert "250 complaints" in summary.describe()
    assert not list((tmp_path / "nested" / "out").glob(".*"))  # no temporary files left behind


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"complaints": 0}, "at least 1"),
        ({"complaints": -5}, "at least 1"),
        ({"complaints": 10, "seed": -1}, "seed"),
    ],
)
def test_bad_arguments_are_refused(tmp_path: Path, kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(KonfliktError, match=message):
        generate_corpus(tmp_path, **kwargs)
    assert not (tmp_path / "complaints.jsonl").exists()


def test_out_must_not_be_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(KonfliktError, match="folder"):
        generate_corpus(target, complaints=5)


# --- statistical properties --------------------------------------------------------------------


def test_scale_of_citizens_and_contacts(corpus: Corpus) -> None:
    complainants = {c.citizen_id for c in corpus.complaints}
    assert 0.40 * STAT_SIZE <= len(complainants) <= 0.50 * STAT_SIZE
    assert corpus.citizens > len(complainants)  # some citizens have contacts but no complaint
    assert 4.0 * STAT_SIZE <= len(corpus.contacts) <= 6.5 * STAT_SIZE
    per_citizen = Counter(c.citizen_id for c in corpus.complaints)
    assert max(per_citizen.values()) >= 6  # long-tailed: some citizens complain again and again


def test_mediation_prevalence_is_realistic(corpus: Corpus) -> None:
    share = sum(c.mediation_potential for c in corpus.complaints) / STAT_SIZE
    assert 0.08 <= share <= 0.12


def test_english_share_is_about_fifteen_percent(corpus: Corpus) -> None:
    english = [c for c in corpus.complaints if c.english]
    assert 0.11 <= len(english) / STAT_SIZE <= 0.19
    english_words = re.compile(r"\b(the|I|my|is|and|to|have|they|of|for|it|me|was|not)\b", re.IGNORECASE)
    assert all(len(english_words.findall(c.text)) >= 3 for c in english)
    danish = [c for c in corpus.complaints if not c.english]
    assert sum(" jeg " in c.text.lower() or " borger" in c.text.lower() for c in danish) > 0.8 * len(danish)


def test_english_material_covers_every_code_in_several_wordings() -> None:
    from training.synth.pools import english

    for code in ROOT_CAUSE_CODES:
        assert len(english.CAUSES[code]) >= 10, code
        assert english.SUBTLE[code], code
        assert len(english.PASSING[code]) >= 2, code


def test_every_code_is_labelled_in_english_texts(corpus: Corpus) -> None:
    codes = Counter(code for c in corpus.complaints if c.english for code in c.root_causes)
    assert set(codes) == set(ROOT_CAUSE_CODES)


def test_durations_are_not_only_told_of_slow_cases(corpus: Corpus) -> None:
    # "for weeks" / "i tre måneder" also in complaints about unanswered mail, promises, access, facts
    duration = re.compile(r"\b(uger|måneder|weeks|months)\b", re.IGNORECASE)
    others = [c for c in corpus.complaints if "sagsbehandlingstid" not in c.root_causes]
    slow = [c for c in corpus.complaints if "sagsbehandlingstid" in c.root_causes]
    share_others = sum(bool(duration.search(c.text)) for c in others) / len(others)
    share_slow = sum(bool(duration.search(c.text)) for c in slow) / len(slow)
    assert share_others > 0.3
    assert share_slow > share_others  # still a cue, no longer the only reading
    for lang in (False, True):
        assert any(duration.search(c.text) for c in others if c.english is lang)


def test_data_protection_is_told_without_the_textbook_words(corpus: Corpus) -> None:
    textbook = re.compile(r"personoplysning|personlige oplysninger|personal (data|information)|cpr", re.I)
    labelled = [c for c in corpus.complaints if "databeskyttelse" in c.root_causes]
    plain = [c for c in labelled if not textbook.search(c.text)]
    assert len(plain) > 0.4 * len(labelled) > 0


def test_advisor_guidance_in_notes_is_not_the_vejledning_label(corpus: Corpus) -> None:
    notes = [c for c in corpus.complaints if c.style in ("telefonnotat", "personligt_notat")]
    guided = [c for c in notes if re.search(r"^(Borger )?[Vv]ejledt om", c.text, re.M)]
    assert sum("vejledning" not in c.root_causes for c in guided) > 0.7 * len(guided) > 0


def test_follow_ups_say_so_in_both_languages_and_only_after_a_first_complaint(corpus: Corpus) -> None:
    opening = re.compile(
        r"Det er mig igen|Så skriver jeg igen|Borger henvender sig igen|It's me again|writing to you again"
    )
    again = [c for c in corpus.complaints if opening.search(c.text)]
    assert {c.english for c in again} == {False, True}
    assert all(c.latent.earlier > 0 for c in again)


def test_letters_to_the_mayor_and_chasers_are_typical_of_locked_conflicts(corpus: Corpus) -> None:
    by_citizen: dict[str, list[tuple[object, str, str]]] = {}
    for e in corpus.contacts:
        by_citizen.setdefault(e.citizen_id, []).append((e.occurred_at, e.recipient, e.kind))
    mayor: dict[int, list[int]] = {0: [], 1: []}
    chasers: dict[int, list[int]] = {0: [], 1: []}
    for c in corpus.complaints:
        start = c.received_at - timedelta(days=365)
        year = [(r, k) for t, r, k in by_citizen[c.citizen_id] if start <= t < c.received_at]  # type: ignore[operator]
        mayor[c.mediation_potential].append(sum(r == "borgmester" for r, _ in year))
        chasers[c.mediation_potential].append(sum(k == "rykker" for _, k in year))
    with_mayor = {y: sum(n > 0 for n in mayor[y]) / len(mayor[y]) for y in (0, 1)}
    assert with_mayor[1] > 0.4  # about half of the positives wrote to the mayor in the year before
    assert with_mayor[1] > 1.6 * with_mayor[0] > 0.05  # ... and some negatives did too: no lookup
    assert sorted(chasers[1])[len(chasers[1]) // 2] >= 3  # the median positive chased at least 3 times
    assert sum(n == 0 for n in chasers[1]) > 0.05 * len(chasers[1])  # some positives have short histories


def test_text_lengths_within_bounds(corpus: Corpus) -> None:
    words = [len(c.text.split()) for c in corpus.complaints]
    assert min(words) >= 15
    assert max(words) <= 600
    assert sum(w < 80 for w in words) > 0.1 * len(words)  # short web-form messages
    assert sum(w > 200 for w in words) > 0.1 * len(words)  # long letters


def test_no_template_syntax_leaks_into_texts(corpus: Corpus) -> None:
    leftovers = [c.complaint_id for c in corpus.complaints if re.search(r"[{}\[\]|]", c.text)]
    assert leftovers == []


def test_root_causes_one_to_three_codes_all_present(corpus: Corpus) -> None:
    counts = Counter(len(c.root_causes) for c in corpus.complaints)
    assert set(counts) == {1, 2, 3}
    assert all(len(set(c.root_causes)) == len(c.root_causes) for c in corpus.complaints)
    codes = Counter(code for c in corpus.complaints for code in c.root_causes)
    assert set(codes) == set(ROOT_CAUSE_CODES)
    # long tail: the common causes far outnumber the rare ones
    assert codes["sagsbehandlingstid"] > 5 * codes["aktindsigt"]
    assert codes["manglende_svar"] > 5 * codes["databeskyttelse"]


def test_causes_co_occur_realistically(corpus: Corpus) -> None:
    with_delay = [c for c in corpus.complaints if "sagsbehandlingstid" in c.root_causes]
    without = [c for c in corpus.complaints if "sagsbehandlingstid" not in c.root_causes]
    rate_with = sum("manglende_svar" in c.root_causes for c in with_delay) / len(with_delay)
    rate_without = sum("manglende_svar" in c.root_causes for c in without) / len(without)
    assert rate_with > 1.5 * rate_without


def test_all_departments_and_channels_present(corpus: Corpus) -> None:
    departments = Counter(c.forvaltning for c in corpus.complaints)
    assert set(DEPARTMENT_CODES) <= set(departments)
    assert departments["BIF"] > departments["KFF"] > 0
    assert departments["SOF"] > departments["OKF"]
    assert {c.channel for c in corpus.complaints} == set(CHANNELS)


def test_personal_data_present_in_expected_share(corpus: Corpus) -> None:
    share = sum(bool(c.personal_data) for c in corpus.complaints) / STAT_SIZE
    assert 0.4 <= share <= 0.8
    with_cpr = [c for c in corpus.complaints if "cpr" in c.personal_data and not c.ocr]
    found = [c for c in with_cpr if CPR_IN_TEXT.search(c.text)]
    assert len(found) >= 0.9 * len(with_cpr) > 0
    phones = [c for c in corpus.complaints if "phone" in c.personal_data and not c.ocr]
    assert len(phones) > 0.05 * STAT_SIZE


def test_surface_noise_rates(corpus: Corpus) -> None:
    assert 0.02 <= sum(c.no_aeoeaa for c in corpus.complaints) / STAT_SIZE <= 0.1
    no_letters = [c for c in corpus.complaints if c.no_aeoeaa]
    assert all(not re.search("[æøåÆØÅ]", c.text) for c in no_letters)
    assert any(c.ocr for c in corpus.complaints)
    assert sum(c.typos > 0 for c in corpus.complaints) > 0.2 * STAT_SIZE


def test_calendar_has_weekday_and_summer_pattern(corpus: Corpus) -> None:
    weekend = sum(c.received_at.weekday() >= 5 for c in corpus.complaints) / STAT_SIZE
    assert weekend < 0.12
    months = Counter(c.received_at.month for c in corpus.complaints)
    assert months[7] < 0.75 * months[9]
    years = {c.received_at.year for c in corpus.complaints}
    assert years == {2021, 2022, 2023, 2024, 2025}


def test_labels_use_both_text_and_contacts(corpus: Corpus) -> None:
    """The latent has a text-only and a contact-only part, and both raise the label."""
    positives = [c for c in corpus.complaints if c.latent.true_label]
    negatives = [c for c in corpus.complaints if not c.latent.true_label]
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    assert mean([c.latent.text for c in positives]) > mean([c.latent.text for c in negatives]) + 0.5
    assert mean([c.latent.contact for c in positives]) > mean([c.latent.contact for c in negatives]) + 0.5
    flipped = sum(c.latent.true_label != c.mediation_potential for c in corpus.complaints) / STAT_SIZE
    assert 0.003 <= flipped <= 0.04


# --- contact histories ----------------------------------------------------------------------------


def test_every_complaint_has_contacts_and_is_itself_a_contact(corpus: Corpus) -> None:
    events = {(e.citizen_id, e.occurred_at, e.recipient, e.kind) for e in corpus.contacts}
    citizens_with_contacts = {e.citizen_id for e in corpus.contacts}
    for c in corpus.complaints:
        assert c.citizen_id in citizens_with_contacts
        assert (c.citizen_id, c.received_at, CITIZEN_ADVISOR, "klage") in events


def test_contact_fields_use_contract_values(corpus: Corpus) -> None:
    assert {e.channel for e in corpus.contacts} <= set(CHANNELS)
    assert {e.recipient for e in corpus.contacts} <= set(RECIPIENTS)
    assert {e.kind for e in corpus.contacts} == set(CONTACT_KINDS)
    assert any(e.recipient == "borgmester" for e in corpus.contacts)


def _before(corpus: Corpus, days: int) -> dict[str, list[int]]:
    by_citizen: dict[str, list] = {}
    for e in corpus.contacts:
        by_citizen.setdefault(e.citizen_id, []).append(e)
    out: dict[str, list[int]] = {"pos": [], "neg": []}
    for c in corpus.complaints:
        start = c.received_at - timedelta(days=days)
        n = sum(start <= e.occurred_at < c.received_at for e in by_citizen[c.citizen_id])
        out["pos" if c.mediation_potential else "neg"].append(n)
    return out


def test_positive_cases_have_more_contacts_before_the_complaint(corpus: Corpus) -> None:
    recent = _before(corpus, 30)
    older = _before(corpus, 90)
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    assert mean(recent["pos"]) > 2 * mean(recent["neg"])
    # acceleration: positives have a larger share of their 90-day contacts in the last 30 days
    assert mean(recent["pos"]) / mean(older["pos"]) > mean(recent["neg"]) / mean(older["neg"])


def test_contacts_before_and_after_complaints(corpus: Corpus) -> None:
    by_citizen: dict[str, list] = {}
    for e in corpus.contacts:
        by_citizen.setdefault(e.citizen_id, []).append(e.occurred_at)
    before = sum(any(t < c.received_at for t in by_citizen[c.citizen_id]) for c in corpus.complaints)
    after = sum(any(t > c.received_at for t in by_citizen[c.citizen_id]) for c in corpus.complaints)
    assert before > 0.5 * STAT_SIZE
    assert after > 0.5 * STAT_SIZE
    first = min(c.received_at for c in corpus.complaints)
    assert any(e.occurred_at < first for e in corpus.contacts)  # history before the export


# --- the complaint course told in the text -----------------------------------------------------------

_NUMBER_WORDS_DA = (
    "nul",
    "en",
    "to",
    "tre",
    "fire",
    "fem",
    "seks",
    "syv",
    "otte",
    "ni",
    "ti",
    "elleve",
    "tolv",
)
_NUMBER_WORDS_EN = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"
)  # fmt: skip


def _history_counts(corpus: Corpus) -> dict[str, dict[str, int]]:
    """The told facts recounted from the contact records alone, per complaint id."""
    by_citizen: dict[str, list] = {}
    for e in corpus.contacts:
        by_citizen.setdefault(e.citizen_id, []).append(e)
    out = {}
    for c in corpus.complaints:
        at = c.received_at
        before = [e for e in by_citizen[c.citizen_id] if e.occurred_at < at]
        episode = [
            e for e in before if e.recipient != "borgmester" and e.occurred_at >= at - timedelta(days=120)
        ]
        out[c.complaint_id] = {
            "total": len(episode),
            "calls": sum(e.channel == "telefon" and e.kind != "moede" for e in episode),
            "written": sum(
                e.channel in ("email", "brev", "digital_post", "webformular") and e.kind != "moede"
                for e in episode
            ),
            "chasers": sum(e.kind == "rykker" for e in episode),
            "meetings": sum(e.kind == "moede" for e in episode),
            "since": len(episode),
            "mayor": sum(
                e.recipient == "borgmester" and e.occurred_at >= at - timedelta(days=365) for e in before
            ),
            "complaints": sum(
                e.kind == "klage"
                and e.recipient != "borgmester"
                and e.occurred_at >= at - timedelta(days=730)
                for e in before
            ),
        }
    return out


def test_told_counts_agree_with_the_contact_history(corpus: Corpus) -> None:
    """What a text says about the course is true of contacts.csv, within a citizen's memory."""
    counts = _history_counts(corpus)
    told = [(c, m) for c in corpus.complaints for m in c.course]
    assert len(told) > 0.2 * STAT_SIZE
    bounds = Counter(m.bound for _, m in told)
    assert {"exact", "about", "at_least", "many", "vague"} <= set(bounds)
    assert bounds["exact"] > 0.5 * len(told)
    for c, m in told:
        true = counts[c.complaint_id][m.kind]
        assert m.true == true, (c.complaint_id, m)
        assert true >= 1
        if m.bound == "exact":
            assert m.claimed == true
        elif m.bound == "about":
            assert m.claimed is not None and abs(m.claimed - true) <= max(1, round(0.25 * true))
        elif m.bound == "at_least":
            assert m.claimed is not None and 1 <= m.claimed < true
        elif m.bound == "many":
            assert m.claimed is None and true >= 9
        if m.kind == "mayor":  # an escalation to the mayor is only told when it happened
            assert true >= 1


def test_told_numbers_appear_in_clean_texts(corpus: Corpus) -> None:
    clean = [c for c in corpus.complaints if not (c.typos or c.ocr or c.no_aeoeaa)]
    checked = found = 0
    for c in clean:
        text = c.text.lower()
        for m in c.course:
            if m.claimed is None or m.claimed < 2 or m.bound != "exact" or m.kind == "complaints":
                continue
            checked += 1
            words = {str(m.claimed)}
            if m.claimed < len(_NUMBER_WORDS_DA):
                words |= {_NUMBER_WORDS_DA[m.claimed], _NUMBER_WORDS_EN[m.claimed]}
            found += any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)
    assert checked > 100
    assert found >= 0.95 * checked  # the few misses are sentences dropped to keep a text under 600 words


def test_course_is_told_more_in_positives_but_also_in_negatives(corpus: Corpus) -> None:
    positives = [c for c in corpus.complaints if c.mediation_potential]
    negatives = [c for c in corpus.complaints if not c.mediation_potential]
    told_pos = sum(bool(c.course) for c in positives) / len(positives)
    told_neg = sum(bool(c.course) for c in negatives) / len(negatives)
    assert told_pos > 1.8 * told_neg
    assert told_neg > 0.1  # angry one-offs and appeals tell their calls too: the words are not the label
    angry_negatives = [c for c in negatives if c.style == "vred"]
    assert sum(bool(c.course) for c in angry_negatives) / len(angry_negatives) > told_neg


def test_course_told_in_both_languages_and_all_voices(corpus: Corpus) -> None:
    told = [c for c in corpus.complaints if c.course]
    assert any(c.english for c in told)
    assert {"telefonnotat", "personligt_notat", "advokat", "rolig", "vred", "webformular"} <= {
        c.style for c in told
    }
    notes = [c for c in told if c.style == "telefonnotat" and not c.typos]
    assert any("borger" in c.text.lower() for c in notes)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 6, 8, 9, 12, 17, 30])
def test_remembered_counts_stay_near_the_truth(n: int) -> None:
    rng = random.Random(n)
    for _ in range(300):
        claimed, bound = remember(n, rng)
        if bound == "exact":
            assert claimed == n
        elif bound == "about":
            assert claimed is not None and abs(claimed - n) <= max(1, round(0.25 * n))
        elif bound == "at_least":
            assert claimed is not None and 1 <= claimed < n
        else:
            assert bound == "many" and claimed is None and n >= 9
    if n <= 3:
        assert remember(n, rng) == (n, "exact")


@pytest.mark.parametrize("english", [False, True])
def test_course_wordings_tell_a_cause_only_when_the_complaint_names_it(english: bool) -> None:
    """ "I wrote seven times without an answer" is manglende_svar: used only with that cause."""
    rng = random.Random(5)
    ctx = Context({"S": "jeg", "O": "mig", "SIG": "mig", "P": "min", "kontor": "jobcentret", "sb": "sagsbehandleren",
                   "office": "the Jobcenter"})  # fmt: skip
    received = date(2024, 5, 1)
    plain, with_cause = set(), set()
    for kind in ("written", "calls", "chasers", "mayor", "complaints", "meetings", "since"):
        for n in (1, 2, 5, 12):
            claimed, bound = remember(n, rng)
            m = Mention(kind, n, claimed, bound, received - timedelta(days=70))
            for _ in range(60):
                plain.add(render_mention(m, received, rng, ctx, english=english, causes=frozenset()))
                with_cause.add(
                    render_mention(
                        m,
                        received,
                        rng,
                        ctx,
                        english=english,
                        causes=frozenset({"manglende_svar", "opfoelgning"}),
                    )
                )
    answer = re.compile(
        r"uden at få svar|ordentligt svar|standardsvar|ingen ringer|komme igennem|intet hørt|uden at høre|"
        r"ingen, der har|bagefter sker der ingenting|aftalerne|ikke sket noget siden|no proper answer|real reply|"
        r"automatic reply|heard nothing|no answer|without any reply|standard reply|get through|nobody calls|"
        r"got back to me|nothing happens afterwards|nothing has happened since"
    )
    assert not [t for t in plain if answer.search(t.lower())]
    assert [t for t in with_cause if answer.search(t.lower())]
    assert not [t for t in plain | with_cause if "@" in t]


def test_same_seed_gives_the_same_texts_and_told_course() -> None:
    first, second = build_corpus(300, seed=3), build_corpus(300, seed=3)
    assert [(c.text, c.course) for c in first.complaints] == [(c.text, c.course) for c in second.complaints]
    other = build_corpus(300, seed=4)
    assert [c.text for c in first.complaints] != [c.text for c in other.complaints]


# --- building blocks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "main", "sub", "inverted"),
    [
        (
            Clause("jeg", "har", "stadig ikke", "fået svar"),
            "jeg har stadig ikke fået svar",
            "jeg stadig ikke har fået svar",
            "nu har jeg stadig ikke fået svar",
        ),
        (
            Clause("de", "svarer", "aldrig", "på mails"),
            "de svarer aldrig på mails",
            "de aldrig svarer på mails",
            "nu svarer de aldrig på mails",
        ),
        (Clause("sagen", "trækker", "", "ud"), "sagen trækker ud", "sagen trækker ud", "nu trækker sagen ud"),
    ],
)
def test_clause_word_order(clause: Clause, main: str, sub: str, inverted: str) -> None:
    assert clause.main() == main
    assert clause.sub() == sub
    assert clause.inverted("nu") == inverted


def test_expand_resolves_alternations_and_slots() -> None:
    ctx = Context({"S": "jeg", "kontor": ("jobcentret", "Borgerservice"), "n": lambda rng: "fem"})
    rng = random.Random(1)
    outputs = {expand("{S} har ringet [{n}|mange] gange til {kontor}[ i dag|]", rng, ctx) for _ in range(200)}
    assert all(not re.search(r"[{}\[\]|]", o) for o in outputs)
    assert len(outputs) == 8
    assert sentence("  jeg har  ringet ,  igen") == "Jeg har ringet, igen."
    with pytest.raises(KeyError):
        expand("{missing}", rng, ctx)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jeg har fået én ændring på Østerbro", "Jeg har faaet én aendring paa Oesterbro"),
        ("Ærø Å", "Aeroe Aa"),
    ],
)
def test_without_aeoeaa(text: str, expected: str) -> None:
    assert without_aeoeaa(text) == expected


def test_ocr_damage_and_typos_change_text() -> None:
    text = "Borgerrådgiveren mødte borgeren på kontoret i København, og mødet gik godt. " * 5
    damaged = ocr_damage(text, random.Random(2), strength=1.0)
    assert "ø" not in damaged.replace("\n", " ")[:200] or damaged.count("ø") < text.count("ø")
    assert "\n" in damaged
    typed, count = add_typos(text, random.Random(3), rate=0.3)
    assert count > 0 and typed != text


@pytest.mark.parametrize("seed", range(20))
def test_cpr_numbers_have_valid_dates(seed: int) -> None:
    rng = random.Random(seed)
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(20_000))
    value = cpr_number(rng, birth)
    digits = re.sub(r"\D", "", value)
    assert len(digits) == 10
    assert stdnum_cpr.get_birth_date(digits).strftime("%d%m%y") == digits[:6]
    assert len(re.sub(r"\D", "", phone_number(rng))) in (8, 10)


# --- command line -------------------------------------------------------------------------------------


def test_cli_generate_writes_both_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["generate", "--out", str(tmp_path), "--complaints", "300", "--seed", "7"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "complaints.jsonl").is_file()
    assert (tmp_path / "contacts.csv").is_file()
    assert "300 complaints" in result.output


@pytest.mark.parametrize("args", [["--complaints", "0"], ["--complaints", "abc"], ["--seed", "x"]])
def test_cli_generate_rejects_bad_options(tmp_path: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, ["generate", "--out", str(tmp_path), *args])
    assert result.exit_code != 0
    assert not (tmp_path / "complaints.jsonl").exists()
