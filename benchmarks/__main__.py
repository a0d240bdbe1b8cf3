"""``python -m benchmarks talent|mss [--time-limit S] [--seeds K] [--shared PATH] [--only ...]``.

Solves every instance of a published family, prints the comparison table and writes it
(markdown and CSV) under ``benchmarks/results/``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .runner import (
    DEFAULT_SHARED,
    ENGINES,
    FAMILIES,
    RESULTS_DIR,
    markdown_table,
    run_case,
    write_results,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description="Run a published benchmark family.")
    parser.add_argument("family", choices=sorted(FAMILIES))
    parser.add_argument("--time-limit", type=float, default=60.0,
                        help="seconds per instance and seed (default 60)")
    parser.add_argument("--seeds", type=int, default=1, help="runs per instance (default 1)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                        help="the shared folder holding benchmarks/talent (default: beside "
                             "the checkout)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these instances")
    parser.add_argument("--engine", choices=sorted(ENGINES), default="solve",
                        help="scheduler.solve.solve (default) or the sequencing search directly")
    parser.add_argument("--parallel", action="store_true",
                        help="all CP-SAT workers instead of one deterministic worker")
    parser.add_argument("--results", type=Path, default=RESULTS_DIR,
                        help="folder for the markdown and CSV tables")
    parser.add_argument("--verbose", action="store_true", help="log the search")
    args = parser.parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    cases = FAMILIES[args.family](args.shared.resolve())
    if args.only:
        unknown = set(args.only) - {case.name for case in cases}
        if unknown:
            parser.error(f"unknown instance(s): {', '.join(sorted(unknown))}")
        cases = [case for case in cases if case.name in args.only]
    results = []
    for case in cases:
        result = run_case(case, args.engine, args.time_limit, args.seeds, not args.parallel)
        results.append(result)
        print(f"{case.name}: best {result.best}, bound {result.bound}, reference "
              f"{case.reference}", file=sys.stderr, flush=True)
    print(markdown_table(results))
    for path in write_results(results, args.family, args.engine, args.time_limit, args.seeds,
                              not args.parallel, args.results):
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
