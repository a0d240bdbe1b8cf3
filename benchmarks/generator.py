"""Seeded, synthetic productions of any size, built the way a line producer breaks down a script.

Nothing here comes from a real production: titles, people, places and addresses are invented.
``generate_production(num_scenes, seed, kind)`` drafts a script (sets grouped into studio stages
and practical locations, some of them in a distant zone; leads in most scenes, supporting cast in
clusters, day players in one to three scenes, a minor on a few day scenes; night exteriors,
stunts, vehicles, an animal, cranes and drones), then proves it can be shot:

1. a *reference board* deals the scenes into shoot days by location blocks, the way a 1st AD
   would, breaking no rule (day hours, zones, locations a day, split days, night turnaround,
   dawn/dusk light, minors' hours, multi-day scenes alone);
2. the calendar is sized so that the scenes' estimated hours fill about 75-85 % of its standard
   hours, and is never shorter than the reference board;
3. every window drawn afterwards (cast, locations, crew and equipment availability, unavailable
   dates, scene windows and pins, continuity constraints) contains the reference board with a
   margin, so the reference board stays a valid schedule and a cheaper one is left to find.

*Planted productions* (``generate(num_scenes, seed, kind, planted=True)``, or
``generate_planted``) fix a compact, valid schedule first and draw everything tight around it,
the way real windows are:

1. the *planted schedule* is the reference board without spare days;
2. the calendar is 25-35 % longer than the planted wrap day (drawn), so that a weak search can
   spread out and pay for it;
3. windows follow ``TIGHT`` instead of ``GENEROUS``: supporting cast, day players, practical
   locations, special crew and equipment come for their planted days with margins of 0-2 shoot
   days (many are released the day after their last planted day) and unavailable dates on free
   days inside their span; leads have 3-8 blocked dates on planted days they do not work; more
   scenes get a set-ready date or a deadline 0-3 days from their planted day, a few are pinned to
   it; before, same-day, consecutive, different-day and not-on rules are drawn from the planted
   days, more of them and not-on dates close to the planted day.

Every window contains the planted schedule, so ``validate`` accepts it by construction and its
cost is a known upper bound on the optimum.  A planted production is as synthetic as the rest
(its title says "synthetic planted").

The pieces live in ``benchmarks.drafting``; this module is their face.  The same seed gives the
same production (planted or not).  ``python -m benchmarks.generator
--scenes 90 --seed 1 [--planted] -o out.xlsx`` writes one as a breakdown workbook.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from scheduler.data import Production

from .drafting.holidays import us_holidays
from .drafting.planted import TIGHT, PlantedProductionGenerator
from .drafting.profiles import GENEROUS, KINDS, PROFILES, Tightness
from .drafting.reference_board import reference_board
from .drafting.script import GeneratedProduction, ProductionGenerator
from .drafting.summary import Summary, summarize

__all__ = [
    "GENEROUS",
    "KINDS",
    "PROFILES",
    "TIGHT",
    "GeneratedProduction",
    "PlantedProductionGenerator",
    "ProductionGenerator",
    "Summary",
    "Tightness",
    "generate",
    "generate_planted",
    "generate_production",
    "main",
    "reference_board",
    "summarize",
    "us_holidays",
]


def generate(
    num_scenes: int, seed: int, kind: str = "feature", planted: bool = False
) -> GeneratedProduction:
    """A synthetic production and the reference board that proves it feasible.

    Parameters
    ----------
    num_scenes
        Number of scenes (any size from a handful to several hundred).
    seed
        Seed of every random draw: the same seed gives the same production.
    kind
        ``"feature"``, ``"series"`` (episodes cross-boarded, Mon-Fri) or ``"short"``.
    planted
        Plant a compact schedule and draw tight windows around it, on a calendar 25-35 %
        longer than it (see the module docstring); otherwise generous windows around a board
        with spare days, on a calendar at 75-85 % of capacity.

    Returns
    -------
    GeneratedProduction
        The checked production and its reference board (the planted schedule when
        ``planted``).
    """
    drafter = PlantedProductionGenerator if planted else ProductionGenerator
    return drafter(num_scenes, seed, kind).generate()


def generate_planted(num_scenes: int, seed: int, kind: str = "feature") -> GeneratedProduction:
    """A planted production: ``generate(num_scenes, seed, kind, planted=True)``.

    ``validate(result.production, result.reference)`` is empty by construction, so the planted
    schedule's cost is an upper bound on the optimum.
    """
    return generate(num_scenes, seed, kind, planted=True)


def generate_production(num_scenes: int, seed: int, kind: str = "feature") -> Production:
    """A synthetic, checked production; see ``generate`` for the parameters."""
    return generate(num_scenes, seed, kind).production


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m benchmarks.generator --scenes N --seed S [--kind K] [--planted] -o OUT``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, required=True, help="number of scenes")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    parser.add_argument("--kind", choices=KINDS, default="feature")
    parser.add_argument(
        "--planted", action="store_true", help="tight windows around a planted schedule"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="workbook to write")
    args = parser.parse_args(argv)
    from scheduler.excel.breakdown import write_breakdown

    production = generate(args.scenes, args.seed, args.kind, args.planted).production
    write_breakdown(production, args.output)
    print(f"{args.output}: {production.settings.title}: {summarize(production).describe()}")


if __name__ == "__main__":
    main()
