"""Prometheus metrics at /metrics: requests and latency per route, annotations, flags, the model version.

Each app gets its own `CollectorRegistry`, so several apps in one process (tests) do not collide.
Labels carry route templates, roles and versions only: never ids, text or query strings.
Request counts and latencies are recorded by `service.main.RequestObserver`, which already knows
each request's route template (from the router), status and duration for the log line.
"""

from __future__ import annotations

from fastapi import FastAPI
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from starlette.requests import Request
from starlette.responses import Response

from signals.model import Annotator

# Seconds; around the single-complaint aim (25 ms) and up to a large batch.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METRICS_PATH = "/metrics"
UNMATCHED = "none"  # the handler label of a request that matched no route (never its raw path)


class ServiceMetrics:
    """Request counts and latencies per route, and the service's own counters."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self.requests = Counter(
            "http_requests_total",
            "HTTP requests, by route template, method and status.",
            ["handler", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "Time from a request's arrival to the end of its answer, by route template and method.",
            ["handler", "method"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
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

    def request_done(self, handler: str, method: str, status: int, seconds: float) -> None:
        if handler == METRICS_PATH:
            return  # the scraper's own requests are not traffic
        self.requests.labels(handler, method, str(status)).inc()
        self.latency.labels(handler, method).observe(seconds)


def expose_metrics(app: FastAPI, metrics: ServiceMetrics) -> None:
    """`GET /metrics` in Prometheus' text format (not in the schema, no key: see service/README.md)."""

    async def metrics_endpoint(request: Request) -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    app.add_route(METRICS_PATH, metrics_endpoint, methods=["GET"], include_in_schema=False)
