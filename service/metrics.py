"""Prometheus metrics at /metrics: requests and latency per route, annotations, flags, the model version.

Each app gets its own `CollectorRegistry`, so several apps in one process (tests) do not collide.
Labels carry route templates, roles and versions only: never ids, text or query strings.
"""

from __future__ import annotations

from fastapi import FastAPI
from prometheus_client import CollectorRegistry, Counter, Gauge
from prometheus_fastapi_instrumentator import Instrumentator

from signals.model import Annotator


class ServiceMetrics:
    """The service's own counters beside the instrumentator's request metrics."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self.annotations = Counter(
            "konflikt_annotations_total",
            "Complaints annotated, by endpoint.",
            ["endpoint"],
            registry=self.registry,
        )
        self.flags = Counter(
            "konflikt_mediation_flags_total",
            "Annotations that flagged mediation potential, by endpoint.",
            ["endpoint"],
            registry=self.registry,
        )
        self.model_info = Gauge(
            "konflikt_model_info",
            "The loaded champion model: 1 for its version, absent when none is loaded.",
            ["version"],
            registry=self.registry,
        )
        self.model_swaps = Counter(
            "konflikt_model_swaps_total",
            "Champion models loaded (start-up and promotions).",
            registry=self.registry,
        )

    def model_loaded(self, model: Annotator) -> None:
        self.model_info.clear()
        self.model_info.labels(version=model.version).set(1)
        self.model_swaps.inc()

    def annotated(self, endpoint: str, *, count: int, flagged: int) -> None:
        self.annotations.labels(endpoint=endpoint).inc(count)
        self.flags.labels(endpoint=endpoint).inc(flagged)


def instrument(app: FastAPI, metrics: ServiceMetrics) -> None:
    """Request counts and latency histograms per route template, exposed at /metrics (not in the schema)."""
    Instrumentator(
        registry=metrics.registry,
        should_group_status_codes=False,
        excluded_handlers=["/metrics"],
    ).instrument(app).expose(app, endpoint="/metrics", include_in_schema=False)
