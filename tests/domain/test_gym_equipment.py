"""A gym-goer's machines reach the plan through the moves' values: a move a checked study
ranked level with measured moves ranks with them, and for strength a move its owner can load
heavy earns more (domain/scoring.py). The plan says when the week's ceiling, not the minutes,
ends the sessions early."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from hipcoach.content.loader import load_catalogue, parse_evidence, with_peers
from hipcoach.domain.catalogue import Catalogue, Exercise
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import ContentError
from hipcoach.domain.evidence import Verification, level_row
from hipcoach.domain.explain import evidence_line, short_session_text, volume_text
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.plan import BlockKind, Plan
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.scoring import (
    HEAVY_LOAD_BONUS,
    LOAD_BONUS,
    evidence_score,
    exercise_value,
    heavy_ladder,
)
from hipcoach.domain.volume import SetRange

CATALOGUE = load_catalogue()
NO_PAIN: frozenset[object] = frozenset()
GYM = frozenset(
    {
        Equipment.CABLE_MACHINE,
        Equipment.ABDUCTION_MACHINE,
        Equipment.DUMBBELL,
        Equipment.BARBELL,
        Equipment.MINI_BAND,
    }
)
DAYS = {
    3: (Weekday.MON, Weekday.WED, Weekday.FRI),
    4: (Weekday.MON, Weekday.TUE, Weekday.THU, Weekday.FRI),
}


def gym_goer(goal: Goal, days: int, minutes: int, seed: int = 0) -> Profile:
    return Profile(Level.INTERMEDIATE, goal, DAYS[days], minutes, date(2026, 1, 5), GYM, seed=seed)


def working(plan: Plan) -> set[str]:
    return {
        item.exercise or ""
        for week in plan.weeks
        for session in week.sessions
        for item in session.items(BlockKind.WORKING)
    }


# --- Ranked, not converted ---------------------------------------------------------------------


def test_the_abduction_machine_is_ranked_with_the_moves_its_study_found_level_with() -> None:
    machine = CATALOGUE.get("machine_hip_abduction")
    assert machine.gmed_activation is None  # the study gave a ranking, not a figure
    row = level_row(machine.evidence, Muscle.GLUTEUS_MEDIUS)
    assert row is not None
    assert row.study.startswith("J Bodyw Mov Ther 2022")
    assert [p.key for p in machine.peers] == ["side_lying_hip_abduction", "clamshell"]
    peers = [evidence_score(p) for p in machine.peers]
    assert evidence_score(machine) == min(peers)  # the lower of the two, never more
    assert evidence_score(machine) < max(peers)
    alone = replace(machine, peers=())
    assert evidence_score(alone) == pytest.approx(0.3)  # "no data" without the ranking


def test_a_move_with_a_figure_of_its_own_is_not_ranked_by_its_peers() -> None:
    clam = CATALOGUE.get("clamshell")
    side_lying = CATALOGUE.get("side_lying_hip_abduction")
    ranked_row = replace(clam.evidence[0], level_with=("side_lying_hip_abduction",))
    measured = replace(clam, evidence=(*clam.evidence, ranked_row), peers=(side_lying,))
    assert evidence_score(measured) == evidence_score(clam)


def test_an_unverified_ranking_ranks_nothing() -> None:
    machine = CATALOGUE.get("machine_hip_abduction")
    recalled = tuple(replace(r, verification=Verification.UNVERIFIED) for r in machine.evidence)
    unchecked = replace(machine, evidence=recalled)
    assert level_row(unchecked.evidence, Muscle.GLUTEUS_MEDIUS) is None
    assert evidence_score(unchecked) == pytest.approx(0.3)
    assert "no EMG data for gluteus medius" in evidence_line(unchecked)


def test_the_machine_says_it_is_ranked_by_a_comparison_not_a_figure() -> None:
    line = evidence_line(CATALOGUE.get("machine_hip_abduction"), loaded=True)
    assert "no gluteus medius figure of its own" in line
    assert "J Bodyw Mov Ther 2022" in line
    assert "verified-qualitative" in line
    assert "the side-lying leg raise and the clamshell" in line
    assert "ranked with the lower of them, that move's glute-to-TFL figures included" in line


def test_a_ranking_is_read_from_the_level_with_column_and_checked_against_the_catalogue() -> None:
    header = (
        "exercise_key,variant,exercise_name,muscle,pct_mvic_mean,pct_mvic_sd,method,load,"
        "electrode,study,notes,level_with\n"
    )
    text = header + (
        "machine_hip_abduction,m,Machine,gluteus_medius,,,mean,unknown,surface,X 2022,"
        "verification=verified-qualitative,clamshell side_lying_hip_abduction\n"
        "clamshell,c,Clam,gluteus_medius,40,,mean,bodyweight,surface,Y 2013,"
        "verification=verified-abstract\n"
    )
    ranked, plain = parse_evidence(text)
    assert ranked.level_with == ("clamshell", "side_lying_hip_abduction")
    assert plain.level_with == ()

    def catalogue_ranking(*keys: str) -> Catalogue:
        machine = CATALOGUE.get("machine_hip_abduction")
        rows = (replace(machine.evidence[0], level_with=keys),)
        others = tuple(e for e in CATALOGUE.exercises if e.key != machine.key)
        return Catalogue((replace(machine, evidence=rows, peers=()), *others))

    resolved = with_peers(catalogue_ranking("clamshell", "clamshell"))
    assert [p.key for p in resolved.get("machine_hip_abduction").peers] == ["clamshell"]
    with pytest.raises(ContentError, match="level with unknown"):
        with_peers(catalogue_ranking("clam_shell"))
    with pytest.raises(ContentError, match="level with unknown"):
        with_peers(catalogue_ranking("machine_hip_abduction"))


# --- Heavy load for strength -------------------------------------------------------------------


def test_a_weight_stack_or_dumbbells_load_heavy_and_a_band_does_not() -> None:
    machine = CATALOGUE.get("machine_hip_abduction")
    walk = CATALOGUE.get("lateral_band_walk")
    step_up = CATALOGUE.get("step_up")
    assert heavy_ladder(machine, GYM)
    assert heavy_ladder(step_up, GYM)
    assert not heavy_ladder(walk, GYM)  # four band strengths
    bands = frozenset({Equipment.MINI_BAND, Equipment.LONG_BAND, Equipment.ANKLE_WEIGHTS})
    raise_ = CATALOGUE.get("side_lying_hip_abduction")
    assert not heavy_ladder(raise_, bands)  # ten ankle weights and eight band strengths: light
    assert not heavy_ladder(CATALOGUE.get("standing_banded_hip_abduction"), bands)
    assert not heavy_ladder(step_up, frozenset())  # bodyweight only


def _value(exercise: Exercise, goal: Goal, owned: frozenset[Equipment]) -> float:
    return exercise_value(exercise, goal, owned, frozenset())


def test_heavy_load_adds_value_for_strength_only() -> None:
    step_up = CATALOGUE.get("step_up")
    bands = frozenset({Equipment.MINI_BAND})
    dumbbells = frozenset({Equipment.DUMBBELL})
    fit = 1.0  # a compound move at the strength goal
    gap = _value(step_up, Goal.STRENGTH, dumbbells) - _value(step_up, Goal.STRENGTH, bands)
    assert gap == pytest.approx(fit * (LOAD_BONUS + HEAVY_LOAD_BONUS))
    walk = CATALOGUE.get("lateral_band_walk")
    assert _value(walk, Goal.STRENGTH, bands) - _value(walk, Goal.STRENGTH, frozenset()) == (
        pytest.approx(LOAD_BONUS)
    )
    muscle_gap = _value(step_up, Goal.MUSCLE, dumbbells) - _value(step_up, Goal.MUSCLE, bands)
    assert muscle_gap == pytest.approx(0.8 * LOAD_BONUS)  # growth is similar across loads
    assert _value(step_up, Goal.STABILITY, dumbbells) == _value(step_up, Goal.STABILITY, bands)


# --- The gym-goer's plans ----------------------------------------------------------------------


@pytest.mark.parametrize("goal", [Goal.MUSCLE, Goal.STRENGTH])
@pytest.mark.parametrize("days", [3, 4])
@pytest.mark.parametrize("minutes", [45, 60])
def test_a_gym_goer_training_for_muscle_or_strength_gets_the_abduction_machine(
    goal: Goal, days: int, minutes: int
) -> None:
    for seed in range(6):
        plan = generate_plan(gym_goer(goal, days, minutes, seed), CATALOGUE)
        items = [
            item
            for week in plan.weeks[:4]
            for session in week.sessions
            for item in session.items(BlockKind.WORKING)
            if item.exercise == "machine_hip_abduction"
        ]
        assert items, (seed, working(plan))
        assert {i.equipment for i in items} == {Equipment.ABDUCTION_MACHINE}
        assert {i.resistance_key for i in items} <= {"machine_5kg", "machine_10kg"}
        for week in plan.weeks:
            for session in week.sessions:
                for block in session.blocks:
                    assert all(item.equipment in plan.profile.owned for item in block.items)


def test_without_the_machine_the_same_person_keeps_the_moves_they_can_do() -> None:
    owned = GYM - {Equipment.ABDUCTION_MACHINE}
    plan = generate_plan(replace(gym_goer(Goal.MUSCLE, 3, 45), equipment=owned), CATALOGUE)
    assert "machine_hip_abduction" not in working(plan)
    assert working(plan)


# --- Sessions that end early -------------------------------------------------------------------


@pytest.mark.parametrize("goal", [Goal.MUSCLE, Goal.STRENGTH])
@pytest.mark.parametrize("days", [3, 4])
def test_when_the_ceiling_ends_the_week_first_the_plan_says_sessions_end_early(
    goal: Goal, days: int
) -> None:
    plan = generate_plan(gym_goer(goal, days, 45), CATALOGUE)
    lengths = [s.estimated_minutes for s in plan.weeks[0].sessions]
    assert max(lengths) < 45
    volume = next(n.text for n in plan.notes if n.kind == "volume")
    span = f"{min(lengths)}-{max(lengths)}" if min(lengths) < max(lengths) else str(min(lengths))
    assert f"Your sessions take about {span} of your 45 minutes" in volume
    assert "the week already holds the most hard sets that help" in volume
    assert "so each session ends early" in volume
    assert "not on more sets" in volume
    floor, ceiling = plan.weekly_set_range
    assert f"{floor:g}-{ceiling:g}" in volume


def test_when_the_minutes_end_the_week_first_there_is_no_early_end_to_explain() -> None:
    plan = generate_plan(gym_goer(Goal.MUSCLE, 3, 15), CATALOGUE)
    volume = next(n.text for n in plan.notes if n.kind == "volume")
    assert "ends early" not in volume


def test_the_early_end_names_one_length_when_every_session_takes_the_same() -> None:
    assert short_session_text((22, 22), 60).startswith(
        "Your sessions take about 22 of your 60 minutes"
    )
    assert "about 20-27 of your 45 minutes" in short_session_text((20, 27), 45)
    text = volume_text(12.0, SetRange(8, 12), True, session_minutes=(23, 30), asked=45)
    assert text.endswith("not on more sets.")
    assert "ends early" not in volume_text(12.0, SetRange(8, 12), False)
