"""Solver settings."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SolverConfig(BaseModel):
    """How long and how to search.

    Parameters
    ----------
    time_limit
        Wall-clock seconds for the search (always set: CP-SAT may otherwise run for hours).
    workers
        CP-SAT search workers; 0 means one per core.
    seed
        Random seed of the search.
    deterministic
        One worker and a fixed seed: the same input gives the same schedule (tests, benchmarks).
    relative_gap
        Stop once the proven gap is at most this share of the cost.
    log_search
        Route CP-SAT's search log into the ``scheduler`` logger.
    first_solution
        Stop at the first schedule found (a repair wants any valid schedule, soon).
    """

    model_config = ConfigDict(frozen=True)

    time_limit: float = Field(default=60.0, gt=0)
    workers: int = Field(default=0, ge=0)
    seed: int = 0
    deterministic: bool = False
    relative_gap: float = Field(default=0.0, ge=0)
    log_search: bool = False
    first_solution: bool = False

    @property
    def num_workers(self) -> int:
        return 1 if self.deterministic else self.workers
