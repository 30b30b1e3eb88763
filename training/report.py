"""The training run's HTML report (self-contained, matplotlib figures inline) and the model card."""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from signals.schema import DEPARTMENTS, ROOT_CAUSE_CODES, ROOT_CAUSES

BASELINE_LABELS = {
    "model": "Model",
    "prior": "Prior",
    "cue_lexicon": "Cue lexicon alone",
    "bag_of_words": "Bag of words (root causes)",
    "text_only": "Text only (mediation)",
    "contacts_only": "Contacts only (mediation)",
}
COLOURS = {
    "model": "#1f5f8b",
    "bag_of_words": "#8fb3cf",
    "cue_lexicon": "#d99a4e",
    "prior": "#b9b9b9",
    "text_only": "#7a9a57",
    "contacts_only": "#a86a8c",
}


def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _img(data: str, alt: str) -> str:
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return html.escape(str(value))


def per_code_f1_figure(results: dict[str, Any]) -> str:
    systems = [s for s in ("model", "bag_of_words", "cue_lexicon", "prior") if s in results]
    fig, ax = plt.subplots(figsize=(9, 4.2))
    width = 0.8 / len(systems)
    x = np.arange(len(ROOT_CAUSE_CODES))
    for i, name in enumerate(systems):
        f1 = [results[name]["root_causes"]["per_code"][c]["f1"] for c in ROOT_CAUSE_CODES]
        ax.bar(x + i * width, f1, width, label=BASELINE_LABELS[name], color=COLOURS[name])
    ax.set_xticks(x + 0.4 - width / 2, ROOT_CAUSE_CODES, rotation=40, ha="right", fontsize=8)
    ax.set_ylabel("F1 on the test months")
    ax.set_ylim(0, 1)
    ax.legend(fontsize=8, ncols=2)
    ax.set_title("Root causes: F1 per code, model against baselines")
    return _png(fig)


def reliability_figure(results: dict[str, Any]) -> str:
    fig, ax = plt.subplots(figsize=(4.6, 4.2))
    ax.plot([0, 1], [0, 1], color="#999", linestyle="--", linewidth=1, label="perfect calibration")
    for name in ("model", "text_only", "contacts_only"):
        points = results.get(name, {}).get("reliability", [])
        if points:
            ax.plot(
                [p["predicted"] for p in points],
                [p["observed"] for p in points],
                marker="o",
                label=BASELINE_LABELS[name],
                color=COLOURS[name],
            )
    ax.set_xlabel("predicted mediation probability")
    ax.set_ylabel("observed share with mediation potential")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(fontsize=8)
    ax.set_title("Reliability diagram (test months)")
    return _png(fig)


def pr_figure(results: dict[str, Any]) -> str:
    fig, ax = plt.subplots(figsize=(4.8, 4.2))
    for name in ("model", "text_only", "contacts_only", "cue_lexicon"):
        curve = results.get(name, {}).get("mediation", {}).get("pr_curve", [])
        if curve:
            pr_auc = results[name]["mediation"]["pr_auc"]
            ax.plot(
                [p[0] for p in curve],
                [p[1] for p in curve],
                label=f"{BASELINE_LABELS[name]} (PR-AUC {pr_auc:.2f})",
                color=COLOURS[name],
            )
    med = results["model"]["mediation"]
    ax.scatter(
        [med["recall_at_capacity"]],
        [med["precision_at_capacity"]],
        s=80,
        color="#c0392b",
        zorder=5,
        label="capacity threshold",
    )
    ax.axhline(med["prevalence"], color="#999", linestyle=":", linewidth=1, label="prior (prevalence)")
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.legend(fontsize=7)
    ax.set_title("Mediation: precision-recall")
    return _png(fig)


def cooccurrence_figure(cooccurrence: list[list[int]]) -> str:
    matrix = np.asarray(cooccurrence, dtype=float)
    diag = np.sqrt(np.maximum(np.diag(matrix), 1.0))
    normalised = matrix / np.outer(
        diag, diag
    )  # cosine-like: co-occurrence relative to both codes' frequencies
    fig, ax = plt.subplots(figsize=(6.2, 5.4))
    image = ax.imshow(normalised, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(ROOT_CAUSE_CODES)), ROOT_CAUSE_CODES, rotation=60, ha="right", fontsize=7)
    ax.set_yticks(range(len(ROOT_CAUSE_CODES)), ROOT_CAUSE_CODES, fontsize=7)
    fig.colorbar(image, ax=ax, shrink=0.8, label="co-occurrence / sqrt(n_i n_j)")
    ax.set_title("Root-cause co-occurrence (all labelled data)")
    return _png(fig)


def _comparison_table(results: dict[str, Any]) -> str:
    rows = []
    for name, label in BASELINE_LABELS.items():
        if name not in results:
            continue
        r = results[name]
        predicts = r.get("predicts", ["root_causes", "mediation"])
        rc = r["root_causes"] if "root_causes" in predicts else None
        med = r["mediation"] if "mediation" in predicts else None
        rows.append(
            "<tr>"
            f"<th scope='row'>{html.escape(label)}</th>"
            f"<td>{_fmt(rc and rc['micro_f1'])}</td><td>{_fmt(rc and rc['macro_f1'])}</td>"
            f"<td>{_fmt(rc and rc['micro_pr_auc'])}</td>"
            f"<td>{_fmt(med and med['pr_auc'])}</td><td>{_fmt(med and med['roc_auc'])}</td>"
            f"<td>{_fmt(med and med['brier'])}</td><td>{_fmt(med and med['ece'])}</td>"
            f"<td>{_fmt(med and med['precision_at_capacity'])}</td><td>{_fmt(med and med['recall_at_capacity'])}</td>"
            "</tr>"
        )
    head = (
        "<tr><th>system</th><th>micro-F1</th><th>macro-F1</th><th>micro PR-AUC</th>"
        "<th>PR-AUC</th><th>ROC-AUC</th><th>Brier</th><th>ECE</th>"
        "<th>precision at capacity</th><th>recall at capacity</th></tr>"
    )
    return (
        "<table><thead><tr><th></th><th colspan='3'>root causes</th><th colspan='6'>mediation</th></tr>"
        f"{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _per_code_table(results: dict[str, Any]) -> str:
    rows = []
    for code in ROOT_CAUSE_CODES:
        m = results["model"]["root_causes"]["per_code"][code]
        bow = results.get("bag_of_words", {}).get("root_causes", {}).get("per_code", {}).get(code, {})
        rows.append(
            f"<tr><th scope='row'>{html.escape(ROOT_CAUSES[code])} <code>{code}</code></th>"
            f"<td>{m['support']}</td><td>{_fmt(m['precision'])}</td><td>{_fmt(m['recall'])}</td>"
            f"<td>{_fmt(m['f1'])}</td><td>{_fmt(m['pr_auc'])}</td><td>{_fmt(bow.get('f1'))}</td></tr>"
        )
    return (
        "<table><thead><tr><th>code</th><th>support</th><th>precision</th><th>recall</th><th>F1</th>"
        f"<th>PR-AUC</th><th>F1 bag of words</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _breakdown_table(table: dict[str, Any], *, names: dict[str, str] | None = None) -> str:
    rows = []
    for key, row in table.items():
        label = (names or {}).get(key, key)
        rows.append(
            f"<tr><th scope='row'>{html.escape(label)}</th><td>{row['n']}</td>"
            f"<td>{_fmt(row.get('micro_f1'))}</td><td>{_fmt(row.get('macro_f1'))}</td>"
            f"<td>{_fmt(row.get('prevalence'))}</td><td>{_fmt(row.get('pr_auc'))}</td>"
            f"<td>{_fmt(row.get('flagged_share'))}</td><td>{_fmt(row.get('precision_at_capacity'))}</td>"
            f"<td>{_fmt(row.get('recall_at_capacity'))}</td></tr>"
        )
    return (
        "<table><thead><tr><th></th><th>n</th><th>micro-F1</th><th>macro-F1</th><th>prevalence</th>"
        "<th>PR-AUC</th><th>flagged</th><th>precision at capacity</th><th>recall at capacity</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table><p class='note'>Groups under 30 complaints show their size only.</p>"
    )


CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;
color:#1d1d1d;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;font-size:.88rem;margin:.6rem 0}th,td{padding:.25rem .55rem;border-bottom:1px solid #e3e3e3;
text-align:right}th[scope=row],thead th:first-child{text-align:left}thead th{background:#f3f5f7}
.figs{display:flex;flex-wrap:wrap;gap:1rem}.figs img{max-width:100%;border:1px solid #eee}
.note{color:#555;font-size:.85rem}.decision{background:#eef5fb;border-left:4px solid #1f5f8b;padding:.6rem .9rem}
code{font-size:.8rem;color:#555}
"""


def render_report(summary: dict[str, Any]) -> str:
    results = summary["results"]
    med = results["model"]["mediation"]
    capacity = summary["capacity"]
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in summary["data"]["notes"])
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Konfliktsignaler: training report {html.escape(summary['version'])}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>Training report <code>{html.escape(summary['version'])}</code></h1>",
        f"<p class='decision'>{html.escape(summary['decision'])}</p>",
        "<h2>Data and split</h2>",
        f"<p>{summary['data']['complaints']} complaints, {summary['data']['contacts']} contact events. "
        f"{html.escape(summary['split'])}. Features use only contacts strictly before each complaint. "
        f"Data fingerprint <code>{summary['data']['fingerprint'][:16]}</code>.</p>",
        f"<ul>{notes}</ul>" if notes else "",
        "<h2>Model against baselines (same test months, same run)</h2>",
        _comparison_table(results),
        "<p class='note'>Baselines that predict only one task show – for the other. "
        "Text-only and contacts-only use the model's own features, one side of them.</p>",
        "<h2>What the advisors' capacity buys</h2>",
        f"<p>Capacity: {capacity['per_week']:g} complaints a week out of about "
        f"{capacity['complaints_per_week']:.0f} received, i.e. {capacity['share']:.1%} flagged. "
        f"At that threshold ({med['threshold']:.3f}) on the test months: precision "
        f"{med['precision_at_capacity']:.1%} (of the flagged, this share has mediation potential), recall "
        f"{med['recall_at_capacity']:.1%} (of the cases with potential, this share is flagged); prevalence "
        f"{med['prevalence']:.1%}.</p>",
        "<div class='figs'>",
        _img(pr_figure(results), "precision-recall curve with the capacity point"),
        _img(reliability_figure(results), "reliability diagram"),
        "</div>",
        "<h2>Root causes per code</h2>",
        _img(per_code_f1_figure(results), "F1 per code against baselines"),
        _per_code_table(results),
        "<h2>Co-occurrence of root causes</h2>",
        _img(cooccurrence_figure(summary["cooccurrence"]), "root-cause co-occurrence"),
        "<h2>Per department</h2>",
        _breakdown_table(results["model"]["breakdowns"].get("forvaltning", {}), names=DEPARTMENTS),
        "<h2>Per language</h2>",
        _breakdown_table(
            results["model"]["breakdowns"].get("language", {}), names={"da": "Danish", "en": "English"}
        ),
        "<p class='note'>A flag is a suggestion to an advisor, never a decision about a citizen.</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def render_model_card(summary: dict[str, Any]) -> str:
    m = summary["results"]["model"]
    rc, med = m["root_causes"], m["mediation"]
    baselines = "\n".join(
        f"| {BASELINE_LABELS[name]} | {_fmt(r['root_causes']['micro_f1']) if 'root_causes' in r.get('predicts', ['root_causes']) else '–'} "
        f"| {_fmt(r['mediation']['pr_auc']) if 'mediation' in r.get('predicts', ['mediation']) else '–'} |"
        for name, r in summary["results"].items()
    )
    return f"""# Model card: Konfliktsignaler {summary["version"]}

## Intended use
Helps the citizen advisor's staff (borgerrådgivere) triage incoming complaints: it suggests each
complaint's root causes (kerneårsager) and flags complaints that may have mediation potential, with
the reasons (phrases, conflict cues, contact-pattern facts). Departments see their own complaints'
flags and root-cause trends to learn from them.

## Not for
- Decisions about a citizen, their case, benefits or credibility. A flag is a suggestion to an
  advisor, never a decision; an advisor reads the complaint and decides.
- Ranking or profiling citizens, staff or departments; use outside complaint triage.
- Texts that have not passed the anonymiser.

## Human oversight
Advisors see every flag's reasons and can correct root causes and the mediation judgement; those
corrections override the labels in the next training (used in this run: {summary["data"]["feedback_used"]}).
A new version becomes champion only when it is at least as good as the champion on the same
held-out data; otherwise it waits for an analyst (`konflikt models promote`).

## Data
{summary["data"]["complaints"]} complaints, {summary["data"]["contacts"]} contact events
(fingerprint `{summary["data"]["fingerprint"][:16]}`). {summary["split"]}.
When trained on the embedded default data, all numbers describe a synthetic corpus (see
`data/README.md`): they show the method works and is honest, not how it will do on real complaints.

## Metrics (test months, never seen in training)
- Root causes: micro-F1 {rc["micro_f1"]:.3f}, macro-F1 {rc["macro_f1"]:.3f}, micro PR-AUC {rc["micro_pr_auc"]:.3f}.
- Mediation: PR-AUC {_fmt(med["pr_auc"])}, ROC-AUC {_fmt(med["roc_auc"])}, Brier {_fmt(med["brier"])},
  ECE {med["ece"]:.3f}; at the capacity threshold precision {med["precision_at_capacity"]:.3f},
  recall {med["recall_at_capacity"]:.3f} ({med["flagged_share"]:.1%} flagged).

| system | root-cause micro-F1 | mediation PR-AUC |
|---|---|---|
{baselines}

## Limits
- Linear models over word and character n-grams and conflict cues: they read phrasing, not meaning;
  irony, long narratives and unusual wording are harder.
- English and texts without æøå are handled but rarer in training; see the per-language table in the report.
- Mediation labels are judgements and disagree between people; calibrated probabilities say "worth a look".
- Contact-pattern features depend on complete contact registration; missing contacts lower scores.
  Input with no contact rows at all is scored by the text-only mediation part (its own capacity
  threshold; the "text only" row above), and its explanation says the history is unknown.

## Decision
{summary["decision"]}
"""


def write_documents(folder: Path, summary: dict[str, Any]) -> None:
    """Write report.html and model_card.md into a version folder (called before its manifest is made)."""
    (folder / "report.html").write_text(render_report(summary), encoding="utf-8")
    (folder / "model_card.md").write_text(render_model_card(summary), encoding="utf-8")
