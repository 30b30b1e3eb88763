"""Load speed of `signals.loader.load_complaints` per file format, beside pandas' bare readers.

Writes N synthetic labelled complaints (about 600 characters of text each) to a temp folder in
each format, then times the validated load and the bare pandas read of the same file in the
same run; prints rows/s and the ratio validated/bare (how much validation costs).

    .venv/bin/python bench/bench_loader.py [--rows 100000] [--xlsx-rows 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from signals.loader import load_complaints
from signals.schema import CHANNELS, DEPARTMENT_CODES, ROOT_CAUSE_CODES

PHRASE = "kommunen har ikke svaret på min henvendelse og jeg har ventet i flere måneder på en afgørelse"


def make_rows(n: int, seed: int = 1) -> list[dict[str, object]]:
    rng = random.Random(seed)
    words = PHRASE.split()
    rows = []
    for i in range(n):
        rows.append(
            {
                "complaint_id": f"c-{i:07d}",
                "received_at": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                f"T{rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}",
                "citizen_id": f"b-{rng.randint(0, n // 3):06d}",
                "forvaltning": rng.choice([*DEPARTMENT_CODES, ""]),
                "channel": rng.choice(CHANNELS),
                "text": " ".join(rng.choices(words, k=100)),
                "root_causes": rng.sample(ROOT_CAUSE_CODES, rng.randint(1, 3)),
                "mediation_potential": rng.randint(0, 1),
            }
        )
    return rows


def write_all(rows: list[dict[str, object]], folder: Path, xlsx_rows: int) -> dict[str, Path]:
    paths = {fmt: folder / f"complaints.{fmt}" for fmt in ("jsonl", "csv", "parquet", "xlsx")}
    with paths["jsonl"].open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    flat = pd.DataFrame(rows).assign(root_causes=lambda f: f["root_causes"].map(";".join))
    flat.to_csv(paths["csv"], index=False)
    pd.DataFrame(rows).to_parquet(paths["parquet"], index=False)
    flat.head(xlsx_rows).to_excel(paths["xlsx"], index=False)
    return paths


def bare_reader(fmt: str) -> Callable[[Path], pd.DataFrame]:
    return {
        "jsonl": lambda p: pd.read_json(p, lines=True),
        "csv": pd.read_csv,
        "parquet": pd.read_parquet,
        "xlsx": lambda p: pd.read_excel(p, engine="openpyxl"),
    }[fmt]


def best_of(repeat: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--xlsx-rows", type=int, default=20_000, help="Excel is slow to write and read")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = make_rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_all(rows, Path(tmp), args.xlsx_rows)
        print(f"{'format':8} {'rows':>8} {'loader rows/s':>14} {'bare rows/s':>12} {'loader/bare time':>17}")
        for fmt, path in paths.items():
            n = args.xlsx_rows if fmt == "xlsx" else args.rows
            repeat = 1 if fmt == "xlsx" else args.repeat
            loaded = best_of(repeat, lambda p=path: load_complaints(p, require_labels=True))
            bare = best_of(repeat, lambda p=path, f=fmt: bare_reader(f)(p))
            print(f"{fmt:8} {n:>8} {n / loaded:>14,.0f} {n / bare:>12,.0f} {loaded / bare:>16.2f}x")


if __name__ == "__main__":
    main()
