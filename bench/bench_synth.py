"""Speed of the synthetic corpus generator (training.synth) against its budget.

Run: `.venv/bin/python bench/bench_synth.py [--complaints 20000]`. Prints wall and CPU seconds
for building and writing the corpus, complaints per CPU second, and the ratio of the time to
the 20-second budget for the default 20,000 complaints (ratio < 1 meets the budget).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from training.synth import build_corpus, generate_corpus

BUDGET_SECONDS = 20.0
DEFAULT_SIZE = 20_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=DEFAULT_SIZE)
    args = parser.parse_args()
    wall, cpu = time.perf_counter(), time.process_time()
    build_corpus(args.complaints, seed=7)
    build_wall, build_cpu = time.perf_counter() - wall, time.process_time() - cpu
    with tempfile.TemporaryDirectory() as tmp:
        wall, cpu = time.perf_counter(), time.process_time()
        generate_corpus(Path(tmp), complaints=args.complaints, seed=7)
        gen_wall, gen_cpu = time.perf_counter() - wall, time.process_time() - cpu
    scale = DEFAULT_SIZE / args.complaints
    print(f"complaints: {args.complaints}")
    print(f"build in memory:   wall {build_wall:6.1f} s  cpu {build_cpu:6.1f} s")
    print(f"generate + write:  wall {gen_wall:6.1f} s  cpu {gen_cpu:6.1f} s")
    print(f"complaints per cpu second: {args.complaints / gen_cpu:,.0f}")
    budget = f"{BUDGET_SECONDS:.0f} s budget (scaled to {DEFAULT_SIZE:,})"
    print(f"ratio cpu time / {budget}: {gen_cpu * scale / BUDGET_SECONDS:.2f}")
    print(f"ratio wall time / {budget}: {gen_wall * scale / BUDGET_SECONDS:.2f}")


if __name__ == "__main__":
    main()
