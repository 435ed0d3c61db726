"""The web's form choices and the API's schema enums come from the same domain enums."""

from __future__ import annotations

from enum import StrEnum

from fastapi.testclient import TestClient

from hipcoach.domain import vocabulary
from hipcoach.domain.catalogue import PainArea, Role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.profile import PROFILE_PAIN_AREAS, Goal, Level, Weekday
from hipcoach.web.pages import onboarding


def keys(options: list[tuple[str, ...]]) -> list[str]:
    return [option[0] for option in options]


def values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]


def values_of(members: tuple[StrEnum, ...]) -> list[str]:
    return [member.value for member in members]


def test_the_profile_form_offers_every_key_with_its_domain_label() -> None:
    offered = onboarding.choices()
    assert keys(offered["levels"]) == values(Level)
    assert keys(offered["goals"]) == values(Goal)
    assert offered["days"] == vocabulary.choices(Weekday)
    # A plan works around the areas the exercises' pain rules know; "other" is for logged pain.
    assert offered["pain_areas"] == vocabulary.choices(PainArea, leave_out=[PainArea.OTHER])
    assert keys(offered["pain_areas"]) == values_of(PROFILE_PAIN_AREAS)
    owned = [e for e in Equipment if e is not Equipment.NONE]  # bodyweight needs no box
    assert [(k, text) for k, text, _ in offered["equipment_options"]] == [
        (e.value, vocabulary.label(e)) for e in owned
    ]
    assert all(text.startswith(vocabulary.label(Level(k))) for k, text in offered["levels"])


def test_the_pages_show_labels_not_keys(member: TestClient) -> None:
    exercises = member.get("/exercises").text
    for value, text in vocabulary.choices(Muscle):
        assert f'<option value="{value}">{text}</option>' in exercises
    card = member.get("/exercises/clamshell").text
    assert vocabulary.label(Muscle.GLUTEUS_MEDIUS) in card
    settings = member.get("/settings").text
    assert "Mini band" in settings  # the onboarded equipment, by its label
    assert "kilograms (kg)" in settings


def test_the_api_schema_enums_are_the_domain_enums(client: TestClient) -> None:
    components = client.get("/api/openapi.json").json()["components"]["schemas"]
    for enum in vocabulary.KEY_ENUMS:
        if enum.__name__ in components:
            assert components[enum.__name__]["enum"] == values(enum), enum.__name__
    for enum in (Level, Goal, Weekday, Equipment, PainArea, Role, Muscle):
        assert enum.__name__ in components
