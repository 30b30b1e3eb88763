"""The load test's clients: asyncio + httpx against a running service, bounded in time and count.

`mixed_load` runs N clients that each loop over what advisors and departments do (annotate, store a
complaint, list, give feedback) until the time is up; `annotate_singles` sends one complaint per
request from a few clients, each waiting for its answer before the next (a closed loop);
`annotate_open_loop` sends one complaint per request at Poisson arrival times of a fixed rate,
whatever the answers do (an open loop), timing each request from its intended send time;
`annotate_batches` sends batches of many complaints. Every request's
latency and status is kept per endpoint; writes the server accepted are listed, so the caller can
check the database holds exactly those.

The single-complaint runs use `RawConnection`, a minimal HTTP/1.1 keep-alive client: on this
2-core machine httpx's asyncio client spent about 2 ms of CPU per request, a fifth of what the
server spends, taken from the same two cores, so the load generator itself raised the latency it
measured. `RawConnection` spends about 0.2 ms. The mixed and batch runs keep httpx (their
requests are fewer or bigger, and they use more of HTTP).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
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


class RawConnection:
    """One keep-alive HTTP/1.1 connection that sends POST requests with a JSON body and reads
    answers framed by Content-Length (uvicorn frames every answer of the service so). Anything
    else (an answer without a length, a connection the server closed) raises an `OSError` or an
    `asyncio.IncompleteReadError`, which `_send_raw` counts by kind; the next request then opens
    a new connection."""

    def __init__(self, base: str, headers: dict[str, str], *, timeout: float = 60.0) -> None:
        address = httpx.URL(base)
        self.host, self.port = address.host, address.port or 80
        self.timeout = timeout
        fixed = {"Host": f"{self.host}:{self.port}", "Content-Type": "application/json", **headers}
        self._head = "".join(f"{name}: {value}\r\n" for name, value in fixed.items()).encode()
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes) -> int:
        """Send `body` to `path`; the answer's status (its body is read and dropped)."""
        try:
            return await asyncio.wait_for(self._exchange(path, body), self.timeout)
        except BaseException:
            await self.close()  # a half-read answer must not be taken for the next one's
            raise

    async def _exchange(self, path: str, body: bytes) -> int:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None
        self._writer.write(
            b"POST "
            + path.encode()
            + b" HTTP/1.1\r\n"
            + self._head
            + b"Content-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
            + body
        )
        head = await self._reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head[:-4].split(b"\r\n")
        length, closing = None, False
        for line in header_lines:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection":
                closing = value.strip().lower() == b"close"
        if length is None:
            raise OSError("an answer without Content-Length")
        await self._reader.readexactly(length)
        if closing:
            await self.close()
        return int(status_line.split()[1])

    async def close(self) -> None:
        writer, self._writer, self._reader = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


async def _send_raw(
    connection: RawConnection, stats: Stats, endpoint: str, path: str, body: dict[str, Any], *, started: float
) -> None:
    """`_send` over a `RawConnection`: latency from `started`, a timeout or a broken connection
    counted by kind."""
    try:
        status = await connection.post(path, json.dumps(body).encode())
    except TimeoutError:
        stats.note(endpoint, started, "timeout")
        return
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
        stats.note(endpoint, started, type(exc).__name__)
        return
    stats.note(endpoint, started, str(status))


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
    """One complaint per `POST /v1/annotate`, from `clients` clients (each its own connection) for
    `seconds`."""
    stats = Stats()
    headers = {"Authorization": f"Bearer {key}"}

    async def one_client(worker: int, until: float) -> None:
        rng = random.Random(1000 + worker)
        connection = RawConnection(base, headers)
        n = 0
        try:
            while time.monotonic() < until and len(stats.latencies["annotate"]) < MAX_REQUESTS:
                n += 1
                body = {"complaints": [complaint(texts, rng, f"s-{worker}-{n}")]}
                await _send_raw(
                    connection, stats, "annotate", "/v1/annotate", body, started=time.perf_counter()
                )
        finally:
            await connection.close()

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
    start = time.perf_counter() + 0.1
    give_up = start + 2 * seconds + 30

    async def one_client(worker: int) -> None:
        nonlocal taken
        rng = random.Random(3000 + worker)
        connection = RawConnection(base, headers)
        try:
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
                await _send_raw(connection, stats, "annotate", "/v1/annotate", body, started=intended)
        finally:
            await connection.close()

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
