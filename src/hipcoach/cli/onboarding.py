"""The onboarding questions: each asked only when its flag was not given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import typer

from hipcoach.cli import context
from hipcoach.cli.output import console
from hipcoach.domain.errors import PlanRequestError
from hipcoach.domain.messages import EXPECTATION, SAFETY
from hipcoach.domain.profile import Profile
from hipcoach.services.planning import build_profile, parse_date, split_list


@dataclass(frozen=True, slots=True)
class Answers:
    """The person's name and their validated profile."""

    name: str
    profile: Profile


def _next_monday() -> str:
    today = context.today()
    return (today + timedelta(days=(7 - today.weekday()) % 7)).isoformat()


QUESTIONS: tuple[tuple[str, str, Any], ...] = (
    ("name", "What should we call you?", "friend"),
    ("level", "Your experience: beginner, intermediate or advanced?", "beginner"),
    ("goal", "Main goal: muscle (the hip-dip goal), strength or stability?", "muscle"),
    (
        "equipment",
        "Equipment (comma list of mini_band, long_band, ankle_weights, dumbbell, "
        "kettlebell, cable_machine, abduction_machine, barbell; or none)",
        "none",
    ),
    ("days", "Training days (comma list, 2-3 spread out is best)", "mon,thu"),
    ("minutes", "Minutes per session", 30),
    ("weeks", "Plan length in weeks", 12),
    ("start", "First day (YYYY-MM-DD)", None),
    ("pain", "Any pain or injury? (knee, hip, low_back, hip:left for one side; or none)", "none"),
    ("avoid", "Exercises to leave out (keys, or none)", "none"),
)


def _listed(value: str) -> list[str]:
    return [] if value.strip().lower() == "none" else split_list(value)


def _age(text: str) -> int | None:
    """A typed age: whole years, or nothing when the person skips the question."""
    if not text.strip():
        return None
    if not text.strip().isdigit():
        raise PlanRequestError(f"Age is a whole number of years (you typed {text!r}).", field="age")
    return int(text)


def ask_profile(given: dict[str, Any], *, interactive: bool) -> Answers:
    """Fill every missing answer from a prompt (or its default) and build the profile."""
    if interactive:
        console().print(f"{EXPECTATION}\n\n{SAFETY}\n")
    answers = dict(given)
    for key, question, default in QUESTIONS:
        if answers.get(key) is not None:
            continue
        fallback = _next_monday() if key == "start" else default
        answers[key] = (
            typer.prompt(question, default=fallback, type=type(fallback))
            if interactive
            else fallback
        )
    if interactive and answers.get("weight_kg") is None:
        weight = typer.prompt("Body weight in kg for a protein target (Enter to skip)", default="")
        answers["weight_kg"] = float(weight) if weight.strip() else None
    if interactive and answers.get("age") is None:
        age = typer.prompt("Your age in years (Enter to skip)", default="")
        answers["age"] = _age(age)
    profile = build_profile(
        level=answers["level"],
        goal=answers["goal"],
        days=split_list(answers["days"]),
        minutes=int(answers["minutes"]),
        weeks=int(answers["weeks"]),
        start=parse_date(str(answers["start"])),
        equipment=_listed(answers["equipment"]),
        pain=_listed(answers["pain"]),
        avoid=_listed(answers["avoid"]),
        weight_kg=answers.get("weight_kg"),
        age=answers.get("age"),
        seed=int(answers.get("seed") or 0),
    )
    return Answers(str(answers["name"]), profile)
