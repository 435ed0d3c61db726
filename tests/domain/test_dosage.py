"""What role a move plays in the working block and how its sets are counted."""

from __future__ import annotations

from dataclasses import replace

from hipcoach.domain.catalogue import Catalogue, Dosage, Role
from hipcoach.domain.dosage import dosage_kind, working_role
from hipcoach.domain.profile import Goal


def test_a_move_known_only_for_activation_works_as_an_isolation_move(
    catalogue: Catalogue,
) -> None:
    activation_only = replace(catalogue.get("clamshell"), roles=(Role.ACTIVATION,))
    assert working_role(activation_only) is Role.ISOLATION


def test_the_first_role_other_than_activation_is_the_working_role(catalogue: Catalogue) -> None:
    move = replace(catalogue.get("clamshell"), roles=(Role.ACTIVATION, Role.COMPOUND))
    assert working_role(move) is Role.COMPOUND


def test_a_move_that_can_only_be_held_is_held_whatever_the_goal(catalogue: Catalogue) -> None:
    hold_only = replace(catalogue.get("clamshell"), dosage=(Dosage.HOLD_SECONDS,))
    for goal in Goal:
        assert dosage_kind(hold_only, goal) is Dosage.HOLD_SECONDS


def test_a_move_that_can_be_held_or_repeated_is_repeated_unless_the_goal_is_stability(
    catalogue: Catalogue,
) -> None:
    both = replace(catalogue.get("clamshell"), dosage=(Dosage.HOLD_SECONDS, Dosage.REPS_PER_SIDE))
    assert dosage_kind(both, Goal.MUSCLE) is Dosage.REPS_PER_SIDE
    assert dosage_kind(both, Goal.STABILITY) is Dosage.HOLD_SECONDS
