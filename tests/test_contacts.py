"""Contact-pattern features: exact windows, no look-ahead, agreement with a reference, facts, scaler."""

from __future__ import annotations

import math
import pickle
from datetime import timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.utils.estimator_checks import parametrize_with_checks

from signals.contacts import (
    CONTACT_FEATURE_NAMES,
    DAYS_CAP,
    ContactFeatureScaler,
    contact_facts,
    contact_features,
    contact_history,
    reference_contact_features,
)
from signals.errors import KonfliktError
from signals.schema import CHANNELS, CONTACT_KINDS, RECIPIENTS

T = pd.Timestamp("2024-06-01 12:00", tz="UTC")
DAY = pd.Timedelta(days=1)
SECOND = pd.Timedelta(seconds=1)


def complaints_frame(rows: list[tuple[str, pd.Timestamp]], index: list[object] | None = None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "complaint_id": [f"c-{i}" for i in range(len(rows))],
            "citizen_id": [citizen for citizen, _ in rows],
            "received_at": pd.to_datetime([at for _, at in rows], utc=True),
        },
        index=index,
    )


def contacts_frame(rows: list[tuple[str, pd.Timestamp, str, str, str]]) -> pd.DataFrame:
    """Rows of (citizen, occurred_at, kind, recipient, channel)."""
    return pd.DataFrame(
        {
            "citizen_id": [r[0] for r in rows],
            "occurred_at": pd.to_datetime([r[1] for r in rows], utc=True),
            "kind": [r[2] for r in rows],
            "recipient": [r[3] for r in rows],
            "channel": [r[4] for r in rows],
        }
    )


def zeros(**overrides: float) -> dict[str, float]:
    features = dict.fromkeys(CONTACT_FEATURE_NAMES, 0.0)
    features.update(overrides)
    return features


def acceleration(recent: int, earlier: int) -> float:
    """The documented formula, written out independently."""
    return math.log2((recent / 30 + 1 / 365) / (earlier / 335 + 1 / 365))


# One citizen's history around a complaint at T, with contacts exactly on every window boundary.
HAND_CONTACTS = [
    ("b-1", T, "klage", "borgmester", "email"),  # at received_at: excluded
    ("b-1", T + DAY, "rykker", "borgmester", "email"),  # after: excluded
    ("b-1", T - SECOND, "henvendelse", "BUF", "email"),
    ("b-1", T - 7 * DAY, "rykker", "borgmester", "brev"),  # exactly 7 days: in the 7-day window
    ("b-1", T - 7 * DAY - SECOND, "henvendelse", "BUF", "telefon"),
    ("b-1", T - 30 * DAY, "klage", "borgerraadgiver", "email"),  # exactly 30 days: in
    ("b-1", T - 30 * DAY - SECOND, "moede", "SOF", "personligt"),
    ("b-1", T - 90 * DAY, "rykker", "borgmester", "brev"),  # exactly 90 days: in
    ("b-1", T - 365 * DAY, "henvendelse", "TMF", "webformular"),  # exactly 365 days: in
    ("b-1", T - 365 * DAY - SECOND, "klage", "borgmester", "digital_post"),
    ("b-1", T - 1000 * DAY, "henvendelse", "BUF", "email"),
    ("b-2", T - DAY, "klage", "borgmester", "email"),  # another citizen
]
HAND_EXPECTED = {
    "n_contacts_7d": 2,
    "n_contacts_30d": 4,
    "n_contacts_90d": 6,
    "n_contacts_365d": 7,
    "n_contacts_ever": 9,
    "n_chasers_30d": 1,
    "n_chasers_90d": 2,
    "n_chasers_365d": 2,
    "n_mayor_90d": 2,
    "n_mayor_365d": 2,
    "n_mayor_ever": 3,
    "n_advisor_365d": 1,
    "n_meetings_365d": 1,
    "n_recipients_365d": 5,  # BUF, borgmester, borgerraadgiver, SOF, TMF
    "n_channels_365d": 5,  # email, brev, telefon, personligt, webformular
    "acceleration_30d": acceleration(4, 3),
    "days_since_first_contact": 1000.0,
    "days_since_last_contact": 1 / 86_400,
    "n_complaints_365d": 1,
    "n_complaints_ever": 2,
}


@pytest.fixture(scope="module")
def hand_features() -> pd.Series:
    features = contact_features(complaints_frame([("b-1", T)]), contacts_frame(HAND_CONTACTS))
    return features.iloc[0]


def test_frame_shape_and_dtype() -> None:
    features = contact_features(complaints_frame([("b-1", T)]), contacts_frame(HAND_CONTACTS))
    assert list(features.columns) == list(CONTACT_FEATURE_NAMES)
    assert (features.dtypes == np.float64).all()
    assert set(HAND_EXPECTED) == set(CONTACT_FEATURE_NAMES)


@pytest.mark.parametrize(("name", "expected"), HAND_EXPECTED.items())
def test_hand_built_counts(hand_features: pd.Series, name: str, expected: float) -> None:
    assert hand_features[name] == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("recent", "earlier", "expected"),
    [
        (0, 0, 0.0),  # no contacts: neutral
        (1, 11, acceleration(1, 11)),  # about one a month all year: close to 0
        (6, 0, math.log2(1 + 6 * 365 / 30)),  # a first burst is finite
        (0, 5, acceleration(0, 5)),  # gone quiet: negative
        (3, 8, acceleration(3, 8)),
    ],
)
def test_acceleration_formula(recent: int, earlier: int, expected: float) -> None:
    rows = [("b-1", T - (1 + i) * DAY, "henvendelse", "BUF", "email") for i in range(recent)]
    rows += [("b-1", T - (40 + 10 * i) * DAY, "henvendelse", "BUF", "email") for i in range(earlier)]
    rows += [("b-1", T - 400 * DAY, "henvendelse", "BUF", "email")]  # older than a year: not counted
    features = contact_features(complaints_frame([("b-1", T)]), contacts_frame(rows))
    assert features["acceleration_30d"].iloc[0] == pytest.approx(expected)
    assert (expected < 0) == (recent / 30 < earlier / 335)


def test_several_complaints_of_one_citizen() -> None:
    complaints = complaints_frame([("b-1", T), ("b-1", T + 10 * DAY), ("b-1", T - 100 * DAY)])
    contacts = contacts_frame(
        [
            ("b-1", T - 5 * DAY, "rykker", "borgmester", "email"),
            ("b-1", T + 2 * DAY, "henvendelse", "BUF", "brev"),
            ("b-1", T + 10 * DAY, "klage", "BUF", "brev"),  # at the second complaint: not for it
        ]
    )
    features = contact_features(complaints, contacts)
    assert features["n_contacts_ever"].tolist() == [1.0, 2.0, 0.0]
    assert features["n_contacts_7d"].tolist() == [1.0, 0.0, 0.0]  # 8 days since the second
    assert features["n_contacts_30d"].tolist() == [1.0, 2.0, 0.0]
    assert features["n_mayor_ever"].tolist() == [1.0, 1.0, 0.0]
    assert features["days_since_last_contact"].tolist() == pytest.approx([5.0, 8.0, 0.0])
    assert features["days_since_first_contact"].tolist() == pytest.approx([5.0, 15.0, 0.0])
    assert features["n_complaints_ever"].tolist() == [0.0, 0.0, 0.0]


def test_citizen_without_contacts_gets_zeros() -> None:
    complaints = complaints_frame([("b-9", T), ("b-1", T)])
    features = contact_features(complaints, contacts_frame(HAND_CONTACTS))
    assert (features.iloc[0] == 0.0).all()
    assert features.iloc[1]["n_contacts_ever"] == 9


@pytest.mark.parametrize(
    "contacts",
    [
        pd.DataFrame(),
        pd.DataFrame(columns=["citizen_id", "occurred_at", "channel", "recipient", "kind"]),
        contacts_frame([]),
    ],
    ids=["no-columns", "object-columns", "typed"],
)
def test_empty_contacts(contacts: pd.DataFrame) -> None:
    features = contact_features(complaints_frame([("b-1", T), ("b-2", T)]), contacts)
    assert features.shape == (2, len(CONTACT_FEATURE_NAMES))
    assert (features.to_numpy() == 0.0).all()


def test_no_complaints() -> None:
    features = contact_features(complaints_frame([]), contacts_frame(HAND_CONTACTS))
    assert features.shape == (0, len(CONTACT_FEATURE_NAMES))


def test_unsorted_input_and_custom_index() -> None:
    rng = np.random.default_rng(3)
    complaints, contacts = random_frames(rng, n_complaints=40, n_contacts=300, n_citizens=12)
    expected = contact_features(complaints, contacts)
    shuffled = complaints.sample(frac=1.0, random_state=1)
    shuffled.index = [f"row-{label}" for label in shuffled.index]
    features = contact_features(shuffled, contacts.sample(frac=1.0, random_state=2))
    assert list(features.index) == list(shuffled.index)
    restored = features.set_axis([int(label.removeprefix("row-")) for label in features.index])
    pd.testing.assert_frame_equal(restored.sort_index(), expected.sort_index())


def test_copenhagen_times_equal_utc() -> None:
    complaints = complaints_frame([("b-1", T)])
    contacts = contacts_frame(HAND_CONTACTS)
    local_complaints = complaints.assign(
        received_at=complaints["received_at"].dt.tz_convert("Europe/Copenhagen")
    )
    local_contacts = contacts.assign(occurred_at=contacts["occurred_at"].dt.tz_convert("Europe/Copenhagen"))
    pd.testing.assert_frame_equal(
        contact_features(local_complaints, local_contacts), contact_features(complaints, contacts)
    )


@pytest.mark.parametrize(
    ("complaints", "contacts", "message"),
    [
        (
            complaints_frame([("b-1", T)]).assign(received_at=pd.Timestamp("2024-06-01")),
            contacts_frame(HAND_CONTACTS),
            "complaints.received_at: expected tz-aware",
        ),
        (
            complaints_frame([("b-1", T)]),
            contacts_frame(HAND_CONTACTS).assign(occurred_at=pd.Timestamp("2024-06-01")),
            "contacts.occurred_at: expected tz-aware",
        ),
        (
            complaints_frame([("b-1", T)]).assign(received_at="2024-06-01T12:00:00Z"),
            contacts_frame(HAND_CONTACTS),
            "expected tz-aware datetimes",
        ),
        (complaints_frame([("b-1", T)]).drop(columns="citizen_id"), contacts_frame([]), "missing columns"),
        (complaints_frame([("b-1", T)]), contacts_frame(HAND_CONTACTS).drop(columns="kind"), "kind"),
        (
            complaints_frame([("b-1", T)]).assign(
                received_at=pd.Series([pd.NaT], dtype="datetime64[ns, UTC]")
            ),
            contacts_frame([]),
            "missing times",
        ),
    ],
    ids=["naive-received", "naive-occurred", "strings", "no-citizen", "no-kind", "nat"],
)
def test_bad_input_raises_clear_error(complaints: pd.DataFrame, contacts: pd.DataFrame, message: str) -> None:
    with pytest.raises(KonfliktError, match=message):
        contact_features(complaints, contacts)


# --- random data: agreement with the reference and the no-look-ahead property ---


def random_frames(
    rng: np.random.Generator, *, n_complaints: int, n_contacts: int, n_citizens: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Times on a 6-hour grid over ~3 years, so that contacts often fall exactly on window bounds."""
    grid = pd.Timedelta(hours=6)
    start = pd.Timestamp("2022-01-01", tz="UTC")
    steps = 4 * 365 * 3
    citizens = np.array([f"b-{i}" for i in range(n_citizens + 2)], dtype=object)  # 2 without complaints
    complaints = complaints_frame(
        [
            (citizens[c], start + int(s) * grid)
            for c, s in zip(
                rng.integers(0, n_citizens, n_complaints), rng.integers(0, steps, n_complaints), strict=True
            )
        ]
    )
    contacts = pd.DataFrame(
        {
            "citizen_id": citizens[rng.integers(0, n_citizens + 2, n_contacts)],
            "occurred_at": start + rng.integers(0, steps, n_contacts) * grid,
            "channel": np.array(CHANNELS, dtype=object)[rng.integers(0, len(CHANNELS), n_contacts)],
            "recipient": np.array(RECIPIENTS, dtype=object)[rng.integers(0, len(RECIPIENTS), n_contacts)],
            "kind": np.array(CONTACT_KINDS, dtype=object)[rng.integers(0, len(CONTACT_KINDS), n_contacts)],
        }
    )
    return complaints, contacts


@pytest.mark.parametrize("seed", range(3))
def test_agrees_with_reference(seed: int) -> None:
    rng = np.random.default_rng(seed)
    complaints, contacts = random_frames(rng, n_complaints=40, n_contacts=300 * (seed + 1), n_citizens=10)
    pd.testing.assert_frame_equal(
        contact_features(complaints, contacts), reference_contact_features(complaints, contacts)
    )


@st.composite
def histories(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    seed = draw(st.integers(0, 2**32 - 1))
    n_citizens = draw(st.integers(1, 5))
    complaints, contacts = random_frames(
        np.random.default_rng(seed),
        n_complaints=draw(st.integers(1, 8)),
        n_contacts=draw(st.integers(0, 120)),
        n_citizens=n_citizens,
    )
    target = draw(st.integers(0, len(complaints) - 1))
    return complaints, contacts, target


def added_contacts(citizen: str, times: list[pd.Timestamp], kind: str, recipient: str) -> pd.DataFrame:
    return contacts_frame([(citizen, at, kind, recipient, "brev") for at in times])


@settings(max_examples=40, deadline=None, database=None)
@given(
    history=histories(),
    offsets=st.lists(st.integers(0, 3 * 365 * 24 * 3600), min_size=1, max_size=20),
    kind=st.sampled_from(CONTACT_KINDS),
    recipient=st.sampled_from(RECIPIENTS),
)
def test_contacts_at_or_after_received_at_change_nothing(
    history: tuple[pd.DataFrame, pd.DataFrame, int], offsets: list[int], kind: str, recipient: str
) -> None:
    complaints, contacts, target = history
    before = contact_features(complaints, contacts)
    # Per complaint: future contacts of its own citizen, from exactly received_at on.
    row = complaints.iloc[target]
    future = added_contacts(
        row["citizen_id"], [row["received_at"] + timedelta(seconds=s) for s in offsets], kind, recipient
    )
    after = contact_features(complaints, pd.concat([contacts, future], ignore_index=True))
    pd.testing.assert_series_equal(after.iloc[target], before.iloc[target])
    # For everyone: contacts at or after each citizen's last complaint change no row.
    latest = complaints.groupby("citizen_id")["received_at"].max()
    future_all = pd.concat(
        [
            added_contacts(c, [at + timedelta(seconds=s) for s in offsets], kind, recipient)
            for c, at in latest.items()
        ],
        ignore_index=True,
    )
    pd.testing.assert_frame_equal(contact_features(complaints, pd.concat([contacts, future_all])), before)


@settings(max_examples=40, deadline=None, database=None)
@given(history=histories(), seconds_before=st.lists(st.integers(1, 7 * 24 * 3600), min_size=1, max_size=10))
def test_contacts_before_received_at_count(
    history: tuple[pd.DataFrame, pd.DataFrame, int], seconds_before: list[int]
) -> None:
    complaints, contacts, target = history
    row = complaints.iloc[target]
    earlier = [row["received_at"] - timedelta(seconds=s) for s in seconds_before]
    added = added_contacts(row["citizen_id"], earlier, "rykker", "borgmester")
    before = contact_features(complaints, contacts).iloc[target]
    after = contact_features(complaints, pd.concat([contacts, added], ignore_index=True)).iloc[target]
    k = len(seconds_before)
    grown = ["n_contacts_7d", "n_contacts_30d", "n_contacts_90d", "n_contacts_365d", "n_contacts_ever"]
    grown += [
        "n_chasers_30d",
        "n_chasers_90d",
        "n_chasers_365d",
        "n_mayor_90d",
        "n_mayor_365d",
        "n_mayor_ever",
    ]
    for name in grown:
        assert after[name] == before[name] + k, name
    for name in ("n_advisor_365d", "n_meetings_365d", "n_complaints_365d", "n_complaints_ever"):
        assert after[name] == before[name], name
    assert after["acceleration_30d"] > before["acceleration_30d"]
    newest = min(seconds_before) / 86_400
    if before["n_contacts_ever"] > 0:
        newest = min(newest, before["days_since_last_contact"])
    assert after["days_since_last_contact"] == pytest.approx(newest)


# --- facts for explanations ---


@pytest.mark.parametrize(
    ("features", "expected"),
    [
        (zeros(), []),
        (zeros(n_contacts_ever=2, n_contacts_365d=2, days_since_first_contact=200), []),
        (
            zeros(n_contacts_7d=2, n_contacts_30d=6, n_contacts_90d=6, n_contacts_365d=6, n_contacts_ever=6),
            ["6 henvendelser på 30 dage"],
        ),
        (
            zeros(n_mayor_90d=1, n_mayor_365d=2, n_mayor_ever=2),
            ["2 henvendelser til borgmesteren det seneste år"],
        ),
        (zeros(n_mayor_90d=1, n_mayor_365d=1, n_mayor_ever=3), ["1 henvendelse til borgmesteren på 90 dage"]),
        (zeros(n_mayor_ever=1), ["1 henvendelse til borgmesteren tidligere"]),
        (zeros(n_chasers_30d=1, n_chasers_90d=3, n_chasers_365d=3), ["3 rykkere på 90 dage"]),
        (zeros(n_complaints_ever=2, n_complaints_365d=1), ["2 tidligere klager"]),
        (zeros(n_complaints_ever=1), ["1 tidligere klage"]),
        (zeros(n_advisor_365d=2), ["2 henvendelser til borgerrådgiveren det seneste år"]),
        (zeros(n_meetings_365d=1), ["1 møde det seneste år"]),
        (
            zeros(n_recipients_365d=4, n_channels_365d=3),
            [
                "henvendelser til 4 forskellige modtagere det seneste år",
                "kontakt via 3 forskellige kanaler det seneste år",
            ],
        ),
        (zeros(n_contacts_ever=7, days_since_first_contact=3 * 365 + 20), ["første kontakt for 3 år siden"]),
        (
            zeros(n_contacts_ever=7, days_since_first_contact=DAYS_CAP),
            ["første kontakt for mere end 10 år siden"],
        ),
    ],
)
def test_contact_facts(features: dict[str, float], expected: list[str]) -> None:
    assert contact_facts(features) == expected


def test_contact_facts_acceleration_and_order() -> None:
    # 3 contacts in the last 30 days against 8 in the 335 days before: about 4 times the rate.
    features = zeros(
        n_contacts_30d=3,
        n_contacts_90d=5,
        n_contacts_365d=11,
        n_contacts_ever=11,
        acceleration_30d=acceleration(3, 8),
        n_mayor_90d=2,
        n_mayor_365d=2,
        n_mayor_ever=2,
        n_complaints_ever=1,
    )
    assert contact_facts(features) == [
        "2 henvendelser til borgmesteren på 90 dage",
        "henvendelserne er taget til: 4 gange så mange de seneste 30 dage som før",
        "1 tidligere klage",
    ]
    # A first burst: said once, not again as a plain 30-day count.
    burst = zeros(
        n_contacts_7d=1,
        n_contacts_30d=6,
        n_contacts_90d=6,
        n_contacts_365d=6,
        acceleration_30d=acceleration(6, 0),
    )
    assert contact_facts(burst) == ["6 henvendelser de seneste 30 dage mod ingen i de 11 måneder før"]


def test_contact_facts_from_computed_features() -> None:
    facts = contact_facts(
        contact_features(complaints_frame([("b-1", T)]), contacts_frame(HAND_CONTACTS)).iloc[0]
    )
    assert facts[0] == "2 henvendelser til borgmesteren på 90 dage"
    assert "2 tidligere klager" in facts


def test_contact_facts_missing_feature() -> None:
    features = zeros()
    del features["n_mayor_ever"]
    with pytest.raises(KonfliktError, match="n_mayor_ever"):
        contact_facts(features)


# --- monthly history for the case page ---


def test_contact_history_counts_per_month() -> None:
    rows = [
        ("b-1", pd.Timestamp("2024-01-31 23:59", tz="UTC"), "henvendelse", "BUF", "email"),
        ("b-1", pd.Timestamp("2024-01-05", tz="UTC"), "rykker", "borgmester", "brev"),
        ("b-1", pd.Timestamp("2024-04-10", tz="UTC"), "rykker", "BUF", "brev"),
        ("b-1", pd.Timestamp("2024-04-11", tz="UTC"), "henvendelse", "borgmester", "brev"),
        ("b-1", pd.Timestamp("2024-05-20", tz="UTC"), "henvendelse", "BUF", "brev"),  # at `until`: excluded
        ("b-2", pd.Timestamp("2024-02-01", tz="UTC"), "rykker", "borgmester", "brev"),
    ]
    history = contact_history(contacts_frame(rows), "b-1", until=pd.Timestamp("2024-05-20", tz="UTC"))
    assert list(history.columns) == ["month", "total", "to_mayor", "chasers"]
    assert history["month"].tolist() == [pd.Timestamp(f"2024-0{m}-01", tz="UTC") for m in range(1, 6)]
    assert history["total"].tolist() == [2, 0, 0, 2, 0]
    assert history["to_mayor"].tolist() == [1, 0, 0, 1, 0]
    assert history["chasers"].tolist() == [1, 0, 0, 1, 0]
    assert history["total"].dtype == np.int64


def test_contact_history_month_is_utc() -> None:
    # 2024-02-01 00:30 in Copenhagen is still January in UTC.
    at = pd.Timestamp("2024-02-01 00:30", tz="Europe/Copenhagen")
    history = contact_history(
        contacts_frame([("b-1", at, "henvendelse", "BUF", "email")]),
        "b-1",
        until=pd.Timestamp("2024-02-01 00:00", tz="UTC"),
    )
    assert history["month"].tolist() == [pd.Timestamp("2024-01-01", tz="UTC")]


@pytest.mark.parametrize("contacts", [pd.DataFrame(), contacts_frame(HAND_CONTACTS)], ids=["empty", "other"])
def test_contact_history_empty(contacts: pd.DataFrame) -> None:
    history = contact_history(contacts, "b-7", until=T)
    assert history.empty
    assert list(history.columns) == ["month", "total", "to_mayor", "chasers"]


def test_contact_history_naive_until() -> None:
    with pytest.raises(KonfliktError, match="until"):
        contact_history(contacts_frame(HAND_CONTACTS), "b-1", until=pd.Timestamp("2024-01-01"))


# --- the scaler for the model pipeline ---


@parametrize_with_checks([ContactFeatureScaler()])
def test_scaler_estimator_checks(estimator: ContactFeatureScaler, check: object) -> None:
    check(estimator)  # type: ignore[operator]


@pytest.fixture(scope="module")
def training_features() -> pd.DataFrame:
    complaints, contacts = random_frames(
        np.random.default_rng(11), n_complaints=400, n_contacts=3000, n_citizens=80
    )
    return contact_features(complaints, contacts)


def test_scaler_on_features(training_features: pd.DataFrame) -> None:
    scaler = ContactFeatureScaler().fit(training_features)
    out = scaler.transform(training_features)
    assert out.shape == training_features.shape
    assert out.dtype == np.float64
    assert list(scaler.get_feature_names_out()) == list(CONTACT_FEATURE_NAMES)
    assert np.median(out, axis=0) == pytest.approx(0.0, abs=1e-9)
    # An extreme citizen is clipped to what training saw, not extrapolated.
    extreme = training_features.iloc[:1].copy()
    extreme["n_contacts_ever"] = 10_000.0
    ceiling = scaler.transform(training_features)[:, CONTACT_FEATURE_NAMES.index("n_contacts_ever")].max()
    assert scaler.transform(extreme)[0, CONTACT_FEATURE_NAMES.index("n_contacts_ever")] == pytest.approx(
        ceiling
    )


def test_scaler_sparse_column_keeps_log_units() -> None:
    X = np.zeros((100, 1))
    X[:3, 0] = [1.0, 2.0, 40.0]
    out = ContactFeatureScaler(clip_quantiles=(0.0, 1.0)).fit_transform(X)
    assert out[:, 0].tolist()[:3] == pytest.approx([math.log1p(1), math.log1p(2), math.log1p(40)])
    assert out[3:, 0] == pytest.approx(0.0)


def test_scaler_rejects_bad_quantiles() -> None:
    with pytest.raises(ValueError, match="clip_quantiles"):
        ContactFeatureScaler(clip_quantiles=(0.9, 0.1)).fit(np.ones((4, 2)))


def test_scaler_pickle_round_trip(training_features: pd.DataFrame) -> None:
    scaler = ContactFeatureScaler().fit(training_features)
    restored = pickle.loads(pickle.dumps(scaler))
    np.testing.assert_array_equal(restored.transform(training_features), scaler.transform(training_features))
    assert list(restored.get_feature_names_out()) == list(CONTACT_FEATURE_NAMES)


# --- short inputs (one request's complaint and contacts) take dict routes: same results ---


@pytest.mark.parametrize("seed", range(4))
def test_short_inputs_agree_with_reference(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    complaints, contacts = random_frames(rng, n_complaints=1 + seed, n_contacts=15 * (seed + 1), n_citizens=3)
    assert len(contacts) <= 64  # the dict routes
    pd.testing.assert_frame_equal(
        contact_features(complaints, contacts), reference_contact_features(complaints, contacts)
    )


@pytest.mark.parametrize(
    "values",
    [
        ["rykker", "klage", "rykker", "moede"],
        ["b-1", None, "b-2", np.nan, "b-1"],
        [],
    ],
)
@pytest.mark.parametrize("dtype", [object, "str", "string"])
def test_short_columns_factorise_as_pandas_does(values: list[object], dtype: object) -> None:
    from signals.contacts import _factorize

    column = pd.Series(values, dtype=dtype)
    codes, uniques = _factorize(column)
    expected_codes, expected_uniques = pd.factorize(column, use_na_sentinel=True)
    assert codes.tolist() == expected_codes.tolist()
    assert list(uniques) == list(expected_uniques)


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
@pytest.mark.parametrize("zone", ["UTC", "Europe/Copenhagen"])
def test_times_of_any_unit_and_zone_become_utc_nanoseconds(unit: str, zone: str) -> None:
    from signals.contacts import _utc_nanoseconds

    times = pd.Series(
        pd.to_datetime(["2024-03-31 00:30:00", "2024-10-27 02:30:00", "1999-12-31 23:59:59"], utc=True)
    )
    column = times.dt.tz_convert(zone).dt.as_unit(unit)
    expected = times.dt.as_unit("ns").array.asi8
    np.testing.assert_array_equal(_utc_nanoseconds(column, table="t", field="f"), expected)
    with pytest.raises(KonfliktError, match="1 missing times"):
        _utc_nanoseconds(pd.concat([column, pd.Series([pd.NaT], dtype=column.dtype)]), table="t", field="f")
