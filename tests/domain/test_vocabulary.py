"""Every stable key has one label, in the domain."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from enum import StrEnum

import pytest

import hipcoach.domain
from hipcoach.domain import vocabulary
from hipcoach.domain.catalogue import PainArea, Role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.log import Side
from hipcoach.domain.plan import BlockKind
from hipcoach.domain.profile import Goal, Level, Weekday


def domain_enums() -> set[type[StrEnum]]:
    """Every StrEnum defined in a module of the domain."""
    found: set[type[StrEnum]] = set()
    for module_info in pkgutil.iter_modules(hipcoach.domain.__path__):
        module = importlib.import_module(f"hipcoach.domain.{module_info.name}")
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, StrEnum) and value.__module__ == module.__name__:
                found.add(value)
    return found


def test_every_key_enum_of_the_domain_has_its_labels_in_the_vocabulary() -> None:
    assert domain_enums() == set(vocabulary.KEY_ENUMS)


@pytest.mark.parametrize("enum", vocabulary.KEY_ENUMS, ids=lambda e: e.__name__)
def test_every_member_has_a_label_of_its_own(enum: type[StrEnum]) -> None:
    texts = [vocabulary.label(member) for member in enum]
    assert all(text.strip() and text == text.strip() for text in texts)
    assert len(set(texts)) == len(texts)


def test_equal_strings_of_different_enums_keep_their_own_labels() -> None:
    assert str(Role.ACTIVATION) == str(BlockKind.ACTIVATION)  # one string, two enums...
    assert vocabulary.label(Role.STABILITY) == "Stability"
    assert vocabulary.label(Goal.STABILITY) == "Stability"
    assert vocabulary.label(BlockKind.ACTIVATION) == "Activation"
    assert vocabulary.label(BlockKind.WORKING) == "Working sets"  # ...labels are per enum


def test_choices_follow_the_enum_and_can_leave_members_out() -> None:
    assert vocabulary.choices(Weekday)[0] == ("mon", "Monday")
    assert [k for k, _ in vocabulary.choices(Equipment, leave_out=[Equipment.NONE])] == [
        e.value for e in Equipment if e is not Equipment.NONE
    ]
    assert vocabulary.labels([Weekday.MON, Weekday.THU]) == "Monday, Thursday"


def test_the_profile_questions_explain_each_level_and_goal() -> None:
    assert all(vocabulary.hint(member) for member in (*Level, *Goal))
    assert vocabulary.hint(Weekday.MON) is None


def test_a_pain_place_reads_as_the_area_then_the_side_that_hurts() -> None:
    assert vocabulary.pain_place(PainArea.HIP, Side.LEFT) == "Hip (left)"
    assert vocabulary.pain_place(PainArea.LOW_BACK, Side.BOTH) == "Lower back (both sides)"
    assert vocabulary.pain_place(PainArea.OTHER, None) == "Somewhere else"
    assert vocabulary.pain_place(None, None) == ""
