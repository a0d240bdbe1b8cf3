"""Exact pre-processing of a sequencing problem (Garcia de la Banda, Stuckey & Chu 2011, §3).

Two reductions, repeated until neither applies; both keep at least one optimal order:

* A member who appears in one scene only is never held: their cost is the scene's days at their
  rate whatever the order, so they are dropped from the masks.
* Scenes with the same members and the same location, neither of them bound by a ``before``
  constraint, are shot back to back in some optimal order, so they merge into one scene whose
  length is the sum.  (Take two such scenes: moving the one whose on-location crowd is dearer
  next to the other costs its days at the cheaper crowd instead, and never adds a location visit;
  see Lemma 1 of the paper and Smith 2005 for the talent version.)
"""

from __future__ import annotations

from dataclasses import dataclass

from .problem import SequencingProblem, set_bits


@dataclass(frozen=True)
class Reduction:
    """A smaller problem whose scenes are groups of the original scenes.

    ``problem`` has one scene per group; ``groups[g]`` lists the original scenes of group ``g``
    in the order they are shot.  ``offset`` is what the original cost of an expanded order adds
    to the reduced cost (the same for every order).
    """

    original: SequencingProblem
    problem: SequencingProblem
    groups: tuple[tuple[int, ...], ...]
    offset: int

    def expand(self, order: list[int] | tuple[int, ...]) -> list[int]:
        """The original scene order of a reduced order."""
        return [scene for group in order for scene in self.groups[group]]


def reduce_problem(problem: SequencingProblem) -> Reduction:
    """Drop single-scene members and merge interchangeable scenes, until nothing changes."""
    groups: list[tuple[int, ...]] = [(scene,) for scene in range(problem.size)]
    durations = list(problem.durations)
    members = list(problem.members)
    locations = list(problem.locations)
    bound = _bound_by_before(problem)
    constrained = [bound >> scene & 1 == 1 for scene in range(problem.size)]
    changed = True
    while changed:
        members = _without_single_scene_members(members)
        merged: dict[tuple[int, int], int] = {}
        new_groups: list[tuple[int, ...]] = []
        new_durations: list[int] = []
        new_members: list[int] = []
        new_locations: list[int] = []
        new_constrained: list[bool] = []
        for index, group in enumerate(groups):
            key = (members[index], locations[index])
            if not constrained[index] and key in merged:
                target = merged[key]
                new_groups[target] = new_groups[target] + group
                new_durations[target] += durations[index]
                continue
            if not constrained[index]:
                merged[key] = len(new_groups)
            new_groups.append(group)
            new_durations.append(durations[index])
            new_members.append(members[index])
            new_locations.append(locations[index])
            new_constrained.append(constrained[index])
        changed = len(new_groups) < len(groups)
        groups, durations, members = new_groups, new_durations, new_members
        locations, constrained = new_locations, new_constrained

    group_of = {scene: g for g, group in enumerate(groups) for scene in group}
    predecessors = []
    for group in groups:
        mask = 0
        for scene in group:
            for before in set_bits(problem.predecessors[scene]):
                mask |= 1 << group_of[before]
        predecessors.append(mask)
    reduced = SequencingProblem(
        scene_ids=tuple("+".join(problem.scene_ids[s] for s in group) for group in groups),
        durations=tuple(durations),
        members=tuple(members),
        rates=problem.rates,
        locations=tuple(locations),
        visit_costs=problem.visit_costs,
        predecessors=tuple(predecessors),
    )
    any_order = _any_valid_order(reduced)
    offset = problem.cost([s for g in any_order for s in groups[g]]) - reduced.cost(any_order)
    return Reduction(problem, reduced, tuple(groups), offset)


def _bound_by_before(problem: SequencingProblem) -> int:
    """Bitmask of the scenes that take part in a ``before`` constraint."""
    mask = 0
    for scene, before in enumerate(problem.predecessors):
        if before:
            mask |= before | 1 << scene
    return mask


def _without_single_scene_members(members: list[int]) -> list[int]:
    seen_once, seen_twice = 0, 0
    for mask in members:
        seen_twice |= seen_once & mask
        seen_once |= mask
    return [mask & seen_twice for mask in members]


def _any_valid_order(problem: SequencingProblem) -> list[int]:
    order: list[int] = []
    done = 0
    while len(order) < problem.size:
        ready = [s for s in range(problem.size)
                 if not done >> s & 1 and not problem.predecessors[s] & ~done]
        if not ready:
            raise ValueError("the before constraints form a cycle")
        order.append(ready[0])
        done |= 1 << ready[0]
    return order
