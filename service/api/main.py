"""All routers of the HTTP API."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.routes import annotate, complaints, contacts, health, insights

api_router = APIRouter()
api_router.include_router(health.router)
api_router.include_router(annotate.router)
api_router.include_router(complaints.router)
api_router.include_router(contacts.router)
api_router.include_router(insights.router)
