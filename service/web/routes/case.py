"""`/sager/{id}`: one complaint with its reasons, highlighted cues, contact timeline and the feedback form.

Reads and writes go through the API's own functions (`get_complaint`, `contact_summary`,
`add_feedback`, `audit_here`, `FeedbackIn`), so a page and the API treat a complaint alike: the same
scope, the same validation, the same audit entries.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from service.api.deps import SessionDep, audit_here
from service.api.schemas import FeedbackIn
from service.api.summary import contact_summary
from service.keys import Caller
from service.queries import get_complaint
from service.store import add_feedback, latest_feedback
from service.tables import ComplaintRow
from service.web.auth import AdvisorPostDep, PageCallerDep
from service.web.charts import month_bars
from service.web.highlight import segments
from service.web.pages import WebError, render
from service.web.views import CHANNEL_LABELS, cause_scores, reasons

router = APIRouter(include_in_schema=False)

MAX_FEEDBACK_CAUSES = 3  # FeedbackIn's limit


def case_path(complaint_id: str) -> str:
    return "/sager/" + quote(complaint_id, safe="")


def _complaint_or_404(request: Request, session: Session, caller: Caller, complaint_id: str) -> ComplaintRow:
    row = get_complaint(session, caller, complaint_id) if len(complaint_id) <= 200 else None
    if row is None:
        # Another department's complaint looks exactly like a missing one; the attempt is audited.
        audit_here(
            request,
            session,
            caller,
            action="complaint.read",
            status_code=404,
            complaint_ids=[complaint_id[:200]],
        )
        session.commit()
        raise WebError(
            status.HTTP_404_NOT_FOUND,
            "Sagen findes ikke",
            "Der er ingen sag med det nummer, som du har adgang til.",
        )
    return row


def _case_context(session: Session, row: ComplaintRow) -> dict[str, Any]:
    annotation = row.annotation
    explanation = annotation.explanation if annotation else {}
    why = reasons(explanation)
    summary = contact_summary(session, row)
    timeline = month_bars(
        [(m.month, m.total, m.to_mayor, m.to_mayor) for m in summary.months],
        total_name="henvendelser",
        part_name="til borgmesteren",
    )
    feedback = latest_feedback(session, [row.complaint_id]).get(row.complaint_id)
    return {
        "complaint": row,
        "annotation": annotation,
        "channel": CHANNEL_LABELS.get(row.channel, row.channel),
        "segments": segments(
            row.text, explanation.get("cue_spans") if isinstance(explanation, dict) else None
        ),
        "reasons": why,
        "causes": cause_scores(
            annotation.root_cause_scores if annotation else {},
            list(annotation.root_causes) if annotation else [],
            why.cause_phrases,
        ),
        "contacts": summary,
        "timeline": timeline,
        "contact_total": sum(m.total for m in summary.months),
        "mayor_total": sum(m.to_mayor for m in summary.months),
        "feedback": feedback,
        "case_path": case_path(row.complaint_id),
        "max_causes": MAX_FEEDBACK_CAUSES,
    }


def form_defaults(context: dict[str, Any]) -> tuple[list[str], str | None]:
    """What the feedback form starts with: the latest feedback, else the model's own judgement
    (its strongest three causes: feedback takes at most three, the model may name more)."""
    feedback, annotation = context["feedback"], context["annotation"]
    if feedback is not None:
        return list(feedback.root_causes), "1" if feedback.mediation_potential else "0"
    if annotation is not None:
        scores = annotation.root_cause_scores
        strongest = sorted(annotation.root_causes, key=lambda code: -float(scores.get(code, 0.0)))
        return strongest[:MAX_FEEDBACK_CAUSES], "1" if annotation.mediation_flag else "0"
    return [], None


@router.get("/sager/{complaint_id:path}")
def case(request: Request, complaint_id: str, caller: PageCallerDep, session: SessionDep) -> Response:
    row = _complaint_or_404(request, session, caller, complaint_id)
    context = _case_context(session, row)
    audit_here(
        request, session, caller, action="complaint.read", status_code=200, complaint_ids=[complaint_id]
    )
    session.commit()
    chosen, mediation = form_defaults(context)
    saved = request.query_params.get("gemt") == "1"
    return render(
        request,
        "case.html",
        {**context, "chosen": chosen, "mediation": mediation, "saved": saved, "error": None},
    )


@router.post("/sager/{complaint_id:path}/vurdering")
def give_feedback(
    request: Request,
    complaint_id: str,
    caller: AdvisorPostDep,
    session: SessionDep,
    aarsager: Annotated[list[str] | None, Form()] = None,
    maegling: Annotated[str, Form()] = "",
) -> Response:
    """The advisor's judgement, stored like POST /v1/complaints/{id}/feedback; then back to the case."""
    row = _complaint_or_404(request, session, caller, complaint_id)
    chosen = list(dict.fromkeys(aarsager or []))
    try:
        body = FeedbackIn.model_validate(
            {"root_causes": chosen, "mediation_potential": int(maegling) if maegling in ("0", "1") else None}
        )
    except ValidationError as exc:
        # Shown again with the advisor's choices and a message; showing the complaint is a read.
        context = _case_context(session, row)
        audit_here(
            request, session, caller, action="complaint.read", status_code=422, complaint_ids=[complaint_id]
        )
        session.commit()
        causes_wrong = any(error["loc"][:1] == ("root_causes",) for error in exc.errors())
        error = (
            "Vælg mellem én og tre kerneårsager."
            if causes_wrong
            else "Vælg, om sagen har mæglingspotentiale."
        )
        return render(
            request,
            "case.html",
            {**context, "chosen": chosen, "mediation": maegling or None, "saved": False, "error": error},
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    add_feedback(
        session,
        complaint_id,
        root_causes=list(body.root_causes),
        mediation_potential=body.mediation_potential,
        key_id=caller.key_id,
    )
    audit_here(
        request, session, caller, action="complaint.feedback", status_code=201, complaint_ids=[complaint_id]
    )
    session.commit()
    return RedirectResponse(
        f"{case_path(complaint_id)}?gemt=1#vurdering", status_code=status.HTTP_303_SEE_OTHER
    )
