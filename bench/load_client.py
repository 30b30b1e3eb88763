"""The load test's clients: asyncio + httpx against a running service, bounded in time and count.

`mixed_load` runs N clients that each loop over what advisors and departments do (annotate, store a
complaint, list, give feedback) until the time is up; `annotate_singles` sends one complaint per
request from a few clients, each waiting for its answer before the next (a closed loop);
`annotate_open_loop` sends one complaint per request at Poisson arrival times of a fixed rate,
whatever the answers do (an open loop), timing each request from its intended send time;
`annotate_batches` sends batches of many complaints. Every request's
latency and status is kept per endpoint; writes the server accepted are listed, so the caller can
check the database holds exactly those.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import numpy as np

from signals.schema import CHANNELS, DEPARTMENT_CODES, ROOT_CAUSE_CODES

ENDPOINTS = ("annotate", "store", "list", "feedback")
WEIGHTS = (0.35, 0.3, 0.2, 0.15)
OK = {"annotate": 200, "store": 201, "list": 200, "feedback": 201}
MAX_REQUESTS = 200_000  # a hard bound on top of the time limit


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    accepted_complaints: list[str] = field(default_factory=list)
    accepted_feedback: int = 0
    unknown_writes: int = 0  # writes whose answer never came (timeouts): stored or not, we cannot tell
    seconds: float = 0.0

    def note(self, endpoint: str, started: float, outcome: str) -> None:
        self.latencies[endpoint].append(time.perf_counter() - started)
        self.statuses[endpoint][outcome] += 1

    def summary(self) -> dict[str, dict[str, Any]]:
        """Per endpoint: requests, throughput, p50/p99 latency (ms), and the failures by kind."""
        out = {}
        for endpoint, values in self.latencies.items():
            times = np.array(values) * 1000
            statuses = self.statuses[endpoint]
            good = statuses.get(str(OK.get(endpoint, 200)), 0)
            out[endpoint] = {
                "requests": len(values),
                "per_second": len(values) / self.seconds if self.seconds else 0.0,
                "p50_ms": float(np.percentile(times, 50)),
                "p99_ms": float(np.percentile(times, 99)),
                "errors": len(values) - good,
                "statuses": dict(statuses),
            }
        return out


def complaint(texts: list[str], rng: random.Random, complaint_id: str) -> dict[str, Any]:
    received = datetime.now(UTC) - timedelta(days=rng.uniform(0, 300))
    return {
        "complaint_id": complaint_id,
        "received_at": received.isoformat(timespec="seconds"),
        "citizen_id": f"p-load-{rng.randrange(300):03d}",
        "forvaltning": rng.choice(DEPARTMENT_CODES),
        "channel": rng.choice(CHANNELS),
        "text": rng.choice(texts),
    }


async def _send(
    client: httpx.AsyncClient,
    stats: Stats,
    endpoint: str,
    method: str,
    url: str,
    *,
    started: float | None = None,
    **kwargs: Any,
) -> httpx.Response | None:
    """Send one request and note its latency from `started` (a `perf_counter` time; default now)."""
    if started is None:
        started = time.perf_counter()
    try:
        response = await client.request(method, url, **kwargs)
    except httpx.TimeoutException:
        stats.note(endpoint, started, "timeout")
        if endpoint in ("store", "feedback"):
            stats.unknown_writes += 1
        return None
    except httpx.HTTPError as exc:
        stats.note(endpoint, started, type(exc).__name__)
        return None
    stats.note(endpoint, started, str(response.status_code))
    return response


async def _mixed_client(
    client: httpx.AsyncClient,
    keys: dict[str, str],
    texts: list[str],
    stats: Stats,
    *,
    worker: int,
    until: float,
) -> None:
    rng = random.Random(worker)
    advisor = {"Authorization": f"Bearer {keys['advisor']}"}
    readers = [
        advisor,
        {"Authorization": f"Bearer {keys['analyst']}"},
        {"Authorization": f"Bearer {keys['forvaltning']}"},
    ]
    sent = 0
    while time.monotonic() < until and sum(len(v) for v in stats.latencies.values()) < MAX_REQUESTS:
        endpoint = rng.choices(ENDPOINTS, WEIGHTS)[0]
        if endpoint == "feedback" and not stats.accepted_complaints:
            endpoint = "store"
        sent += 1
        if endpoint == "annotate":
            body = {"complaints": [complaint(texts, rng, f"a-{worker}-{sent}")]}
            await _send(
                client, stats, endpoint, "POST", "/v1/annotate", json=body, headers=rng.choice(readers)
            )
        elif endpoint == "store":
            complaint_id = f"load-{worker}-{sent}"
            response = await _send(
                client,
                stats,
                endpoint,
                "POST",
                "/v1/complaints",
                json=complaint(texts, rng, complaint_id),
                headers=advisor,
            )
            if response is not None and response.status_code == 201:
                stats.accepted_complaints.append(complaint_id)
        elif endpoint == "list":
            params = {
                "limit": 20,
                **({"forvaltning": rng.choice(DEPARTMENT_CODES)} if rng.random() < 0.5 else {}),
            }
            await _send(
                client, stats, endpoint, "GET", "/v1/complaints", params=params, headers=rng.choice(readers)
            )
        else:
            target = rng.choice(stats.accepted_complaints)
            verdict: dict[str, Any] = {
                "root_causes": rng.sample(ROOT_CAUSE_CODES, rng.randint(1, 2)),
                "mediation_potential": rng.randint(0, 1),
            }
            response = await _send(
                client,
                stats,
                endpoint,
                "POST",
                f"/v1/complaints/{target}/feedback",
                json=verdict,
                headers=advisor,
            )
            if response is not None and response.status_code == 201:
                stats.accepted_feedback += 1


async def mixed_load(
    base: str, keys: dict[str, str], texts: list[str], *, clients: int, seconds: float
) -> Stats:
    """`clients` concurrent clients mixing annotate, store, list and feedback for `seconds`."""
    stats = Stats()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        started = time.monotonic()
        until = started + seconds
        await asyncio.gather(
            *(_mixed_client(client, keys, texts, stats, worker=w, until=until) for w in range(clients))
        )
        stats.seconds = time.monotonic() - started
    return stats


async def annotate_singles(base: str, key: str, texts: list[str], *, clients: int, seconds: float) -> Stats:
    """One complaint per `POST /v1/annotate`, from `clients` clients for `seconds`."""
    stats = Stats()
    headers = {"Authorization": f"Bearer {key}"}

    async def one_client(worker: int, until: float) -> None:
        rng = random.Random(1000 + worker)
        n = 0
        while time.monotonic() < until and len(stats.latencies["annotate"]) < MAX_REQUESTS:
            n += 1
            body = {"complaints": [complaint(texts, rng, f"s-{worker}-{n}")]}
            await _send(client, stats, "annotate", "POST", "/v1/annotate", json=body, headers=headers)

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        started = time.monotonic()
        await asyncio.gather(*(one_client(w, started + seconds) for w in range(clients)))
        stats.seconds = time.monotonic() - started
    return stats


def poisson_schedule(rate: float, seconds: float, *, seed: int) -> list[float]:
    """Send times (seconds from the start) of a Poisson process of `rate` per second over `seconds`."""
    rng = random.Random(seed)
    times: list[float] = []
    moment = rng.expovariate(rate)
    while moment < seconds and len(times) < MAX_REQUESTS:
        times.append(moment)
        moment += rng.expovariate(rate)
    return times


async def annotate_open_loop(
    base: str, key: str, texts: list[str], *, rate: float, seconds: float, clients: int = 8, seed: int = 0
) -> Stats:
    """One complaint per `POST /v1/annotate` at Poisson arrivals of `rate` per second for `seconds`.

    `clients` tasks (each with its own connection) take the next arrival in turn, wait for its
    time and send it. Latency runs from the intended send time, not the actual one: when the
    server (or a busy client) falls behind, the wait before sending counts, so queueing is not
    hidden (no coordinated omission). Arrivals still unsent `2 x seconds + 30` s after the start
    are dropped and counted as errors ("not sent")."""
    schedule = poisson_schedule(rate, seconds, seed=seed)
    stats = Stats()
    headers = {"Authorization": f"Bearer {key}"}
    taken = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        start = time.perf_counter() + 0.1
        give_up = start + 2 * seconds + 30

        async def one_client(worker: int) -> None:
            nonlocal taken
            rng = random.Random(3000 + worker)
            while taken < len(schedule):
                index = taken
                taken += 1
                intended = start + schedule[index]
                if time.perf_counter() > give_up:
                    stats.note("annotate", intended, "not sent")
                    continue
                delay = intended - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                body = {"complaints": [complaint(texts, rng, f"o-{seed}-{index}")]}
                await _send(
                    client,
                    stats,
                    "annotate",
                    "POST",
                    "/v1/annotate",
                    started=intended,
                    json=body,
                    headers=headers,
                )

        await asyncio.gather(*(one_client(w) for w in range(clients)))
        stats.seconds = time.perf_counter() - start
    return stats


async def annotate_batches(base: str, key: str, texts: list[str], *, size: int, repeats: int) -> Stats:
    """`repeats` requests of `size` complaints each, one after the other."""
    stats = Stats()
    headers = {"Authorization": f"Bearer {key}"}
    rng = random.Random(7)
    async with httpx.AsyncClient(base_url=base, timeout=300) as client:
        started = time.monotonic()
        for r in range(repeats):
            body = {"complaints": [complaint(texts, rng, f"b-{r}-{i}") for i in range(size)]}
            await _send(client, stats, "batch", "POST", "/v1/annotate", json=body, headers=headers)
        stats.seconds = time.monotonic() - started
    return stats
