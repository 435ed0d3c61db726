"""Generate a personal multi-week program from a profile: pure, deterministic, explained."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hipcoach.domain.catalogue import Catalogue, Exercise, PainAction
from hipcoach.domain.dosage import START_RUNG, dose_for, peak_dose, week_in_block, working_role
from hipcoach.domain.errors import PlanRequestError
from hipcoach.domain.explain import exclusion_reason, plan_notes, why_chosen
from hipcoach.domain.ladder import LadderStep, build_ladder
from hipcoach.domain.plan import Block, BlockKind, Item, Plan, Session, Week
from hipcoach.domain.profile import Profile, Weekday
from hipcoach.domain.request import validate_profile
from hipcoach.domain.scoring import exercise_value, pain_action, seed_jitter
from hipcoach.domain.selection import Candidate, select_week, week_objective
from hipcoach.domain.timing import COOLDOWN_S, WARMUP_S, exercise_seconds
from hipcoach.domain.volume import WEEKLY_SET_TARGET, exercises_per_session, weekly_sets
from hipcoach.domain.warmup import (
    activation_item,
    activation_seconds,
    choose_activation,
    cooldown_items,
    warmup_items,
)


@dataclass(frozen=True, slots=True)
class _Choice:
    """A working move the person can do, with its starting rung and why it is there."""

    exercise: Exercise
    candidate: Candidate
    start: LadderStep
    replaces: tuple[str, ...]


def peak_seconds(exercise: Exercise, profile: Profile) -> float:
    """Seconds one move takes in the plan's heaviest week."""
    dose = peak_dose(exercise, profile.level, profile.goal, profile.weeks)
    return exercise_seconds(
        dose.kind, dose.sets, dose.target[1], per_side=dose.per_side, rest_s=dose.rest_seconds
    )


def starting_rung(exercise: Exercise, profile: Profile) -> LadderStep:
    """Where on the ladder a move starts: easiest rung under pain, else by level."""
    ladder = build_ladder(exercise.equipment, profile.owned)
    if pain_action(exercise, profile.pain) is PainAction.NO_LOAD:
        return ladder[0]
    return ladder[min(START_RUNG[profile.level], len(ladder) - 1)]


def _candidates(
    catalogue: Catalogue, profile: Profile, activation: Exercise
) -> tuple[list[_Choice], dict[str, str]]:
    jitter = seed_jitter(catalogue.keys, profile.seed)
    usable: list[Exercise] = []
    excluded: dict[str, str] = {}
    for exercise in catalogue.exercises:
        reason = exclusion_reason(exercise, profile)
        if reason:
            excluded[exercise.key] = reason
        elif exercise.key != activation.key:
            usable.append(exercise)
    choices = []
    for exercise in usable:
        value = exercise_value(exercise, profile.goal, profile.owned, profile.pain)
        candidate = Candidate(
            exercise.key, value * jitter[exercise.key], peak_seconds(exercise, profile)
        )
        choices.append(_Choice(exercise, candidate, starting_rung(exercise, profile), ()))
    return choices, excluded


def _attribute_replacements(
    chosen: list[_Choice], excluded: dict[str, str], catalogue: Catalogue, profile: Profile
) -> list[_Choice]:
    """Name, for each chosen move, a better-scoring move it stands in for, if one was ruled out."""
    plain = {
        k: exercise_value(catalogue.get(k), profile.goal, profile.owned, frozenset())
        for k in excluded
    }
    unused = sorted(excluded, key=lambda k: -plain[k])
    result = []
    for choice in chosen:
        role = working_role(choice.exercise)
        better = (
            k
            for k in unused
            if working_role(catalogue.get(k)) is role and plain[k] > choice.candidate.value
        )
        match = next(better, None)
        if match is not None:
            unused.remove(match)
            replaced = (f"{catalogue.get(match).name} ({excluded[match]})",)
            choice = _Choice(choice.exercise, choice.candidate, choice.start, replaced)
        result.append(choice)
    return result


def _session_dates(profile: Profile, week: int) -> list[tuple[date, Weekday]]:
    first = profile.start + timedelta(days=7 * (week - 1))
    dated = [
        (first + timedelta(days=(day.ordinal - first.weekday()) % 7), day)
        for day in profile.sorted_days
    ]
    return sorted(dated)


def _working_item(choice: _Choice, profile: Profile, week: int, why: str) -> Item:
    dose = dose_for(choice.exercise, profile.level, profile.goal, week, profile.weeks)
    step = choice.start
    return Item(
        exercise=choice.exercise.key,
        name=choice.exercise.name,
        role=working_role(choice.exercise).value,
        sets=dose.sets,
        per_side=dose.per_side,
        equipment=step.equipment,
        resistance=step.label,
        resistance_key=step.key,
        rest_seconds=dose.rest_seconds,
        target_rir=dose.target_rir,
        why=why,
        measure=dose.kind.measure,
        target=dose.target,
    )


def _estimate_minutes(working: list[_Choice], fixed_seconds: float, cooldown: bool) -> int:
    total = fixed_seconds + sum(c.candidate.seconds for c in working)
    total += COOLDOWN_S if cooldown else 0
    return int(-(-total // 60))


@dataclass(frozen=True, slots=True)
class _Layout:
    activation_sets: int
    sessions: tuple[tuple[int, ...], ...]


def _layout(choices: list[_Choice], profile: Profile, activation: Exercise) -> _Layout:
    budget = profile.minutes * 60
    n_max = exercises_per_session(profile.goal, profile.level, len(profile.sorted_days))
    candidates = [c.candidate for c in choices]
    for sets in (2, 1):
        fixed = WARMUP_S + activation_seconds(activation, sets)
        picked = select_week(
            candidates,
            sessions=len(profile.sorted_days),
            budget_seconds=budget - fixed,
            n_min=2,
            n_max=n_max,
        )
        if picked is not None:
            return _Layout(sets, picked)
    cheapest = sorted(c.seconds for c in candidates)[:2]
    needed = int(-(-(WARMUP_S + activation_seconds(activation, 1) + sum(cheapest)) // 60))
    raise PlanRequestError(
        f"{profile.minutes} minutes is too short for a warm-up, activation and two working "
        f"exercises; allow at least {needed} minutes per session.",
        field="minutes",
    )


def generate_plan(profile: Profile, catalogue: Catalogue) -> Plan:
    """Build the whole program: sessions on the chosen days, blocks in order, notes attached."""
    warnings = validate_profile(profile, catalogue)
    activation = choose_activation(catalogue, profile.owned, profile.pain, profile.avoid)
    if activation is None:
        raise PlanRequestError(
            "Every activation move (clamshell, banded abductions, side-lying raise) is avoided; "
            "allow at least one of them.",
            field="avoid",
        )
    choices, excluded = _candidates(catalogue, profile, activation)
    if len(choices) < 2:
        raise PlanRequestError(
            "Fewer than two working exercises are left after equipment, pain and avoid rules; "
            "avoid fewer moves or add equipment.",
            field="avoid",
        )
    layout = _layout(choices, profile, activation)
    objective = week_objective([c.candidate for c in choices], layout.sessions)
    used = sorted({i for s in layout.sessions for i in s})
    explained = _attribute_replacements([choices[i] for i in used], excluded, catalogue, profile)
    by_index = dict(zip(used, explained, strict=True))
    builder = _WeekBuilder(profile, activation, layout, by_index)
    weeks = tuple(builder.week(number) for number in range(1, profile.weeks + 1))
    sets = weekly_sets(weeks[0].sessions, catalogue)
    target = float(WEEKLY_SET_TARGET[profile.goal][profile.level])
    notes = plan_notes(profile, warnings, sets, target)
    return Plan(profile, notes, weeks, sets, target, objective)


class _WeekBuilder:
    """Builds weeks from per-session templates: items only change with the week's shape."""

    def __init__(
        self, profile: Profile, activation: Exercise, layout: _Layout, choices: dict[int, _Choice]
    ) -> None:
        self.profile = profile
        self.working = [
            sorted((choices[i] for i in picked), key=_order_key) for picked in layout.sessions
        ]
        self.warmup = Block(BlockKind.WARMUP, warmup_items(profile.pain))
        item = activation_item(activation, profile.owned, layout.activation_sets)
        self.activation = Block(BlockKind.ACTIVATION, (item,))
        self.cooldown = Block(BlockKind.COOLDOWN, cooldown_items())
        self.fixed = WARMUP_S + activation_seconds(activation, layout.activation_sets)
        self.whys = {
            c.exercise.key: why_chosen(c.exercise, c.replaces) for w in self.working for c in w
        }
        self._blocks: dict[tuple[int, int], tuple[tuple[Block, ...], int]] = {}

    def _session_template(self, index: int, week: int) -> tuple[tuple[Block, ...], int]:
        position, deload = week_in_block(week, self.profile.weeks)
        shape = (index, 3 if deload else min(position, 2))
        if shape not in self._blocks:
            working = self.working[index]
            spare = (
                self.profile.minutes * 60 - self.fixed - sum(c.candidate.seconds for c in working)
            )
            items = tuple(
                _working_item(c, self.profile, week, self.whys[c.exercise.key]) for c in working
            )
            blocks = [self.warmup, self.activation, Block(BlockKind.WORKING, items)]
            if spare >= COOLDOWN_S:
                blocks.append(self.cooldown)
            minutes = _estimate_minutes(working, self.fixed, spare >= COOLDOWN_S)
            self._blocks[shape] = (tuple(blocks), minutes)
        return self._blocks[shape]

    def week(self, number: int) -> Week:
        """One calendar week of sessions."""
        _, deload = week_in_block(number, self.profile.weeks)
        sessions = []
        for index, (day, weekday) in enumerate(_session_dates(self.profile, number)):
            blocks, minutes = self._session_template(index, number)
            sessions.append(Session(day, weekday, minutes, blocks))
        return Week(number, deload, tuple(sessions))


_ROLE_ORDER = {"compound": 0, "stability": 1, "isolation": 2}


def _order_key(choice: _Choice) -> tuple[int, float, str]:
    """Compound moves first while fresh, then stability, then isolation."""
    role = working_role(choice.exercise).value
    return (_ROLE_ORDER.get(role, 3), -choice.candidate.value, choice.exercise.key)
