"""`GET /health`: liveness, the loaded model version and whether the database answers. No key needed."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from service.api.schemas import Health
from service.champion import ChampionHolder

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Liveness and the loaded model version")
def health(request: Request) -> Health:
    holder: ChampionHolder = request.app.state.champion
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        database: Literal["ok", "unavailable"] = "ok"
    except SQLAlchemyError:
        database = "unavailable"
    version = holder.version
    return Health(status="ok" if version else "no_model", model_version=version, database=database)
