"""What people read for each stable key: the one home of every key's label.

Keys (`mini_band`, `gluteus_medius`, `low_back`...) stay unchanged in files, URLs, JSON and
the database; pages, prompts, tables and printed plans show `label(key)` instead, and forms
offer `choices(Enum)`. Every member of every key enum has a label here (a test proves it).
Labels are per enum: StrEnum members equal their strings, so `Role.STABILITY` and
`Goal.STABILITY` are one dictionary key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

from hipcoach.domain.appearance import Appearance
from hipcoach.domain.auth import LinkKind
from hipcoach.domain.catalogue import Dosage, Measure, PainAction, PainArea, Role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.evidence import Electrode, Load, Method, Verification
from hipcoach.domain.ladder import Placement
from hipcoach.domain.log import Effort, Side, SkipReason
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.plan import BlockKind
from hipcoach.domain.profile import Goal, Level, Weekday
from hipcoach.domain.progression import Action
from hipcoach.domain.selftest import ResultUnit
from hipcoach.domain.units import Unit

K = TypeVar("K", bound=StrEnum)

_LABELS: Mapping[type[StrEnum], Mapping[str, str]] = {
    Equipment: {
        Equipment.NONE: "No equipment",
        Equipment.MINI_BAND: "Mini band",
        Equipment.LONG_BAND: "Long band",
        Equipment.ANKLE_WEIGHTS: "Ankle weights",
        Equipment.DUMBBELL: "Dumbbell",
        Equipment.KETTLEBELL: "Kettlebell",
        Equipment.CABLE_MACHINE: "Cable machine",
        Equipment.ABDUCTION_MACHINE: "Hip abduction machine",
        Equipment.BARBELL: "Barbell",
    },
    # The rungs' labels say where the band sits ("light mini band above the knees"); the
    # words live with the ladder that builds them, and the label is the same words.
    Placement: {p: p.words.capitalize() for p in Placement},
    Muscle: {
        Muscle.GLUTEUS_MEDIUS: "Gluteus medius",
        Muscle.GLUTEUS_MINIMUS: "Gluteus minimus",
        Muscle.TENSOR_FASCIAE_LATAE: "Tensor fasciae latae (TFL)",
        Muscle.GLUTEUS_MAXIMUS: "Gluteus maximus",
        Muscle.HAMSTRINGS: "Hamstrings",
        Muscle.QUADRICEPS: "Quadriceps",
        Muscle.ADDUCTORS: "Adductors",
        Muscle.CORE: "Core (trunk muscles)",
    },
    PainArea: {
        PainArea.KNEE: "Knee",
        PainArea.HIP: "Hip",
        PainArea.LOW_BACK: "Lower back",
        PainArea.OTHER: "Somewhere else",
    },
    PainAction: {PainAction.AVOID: "Left out", PainAction.NO_LOAD: "Without added load"},
    Goal: {Goal.MUSCLE: "Muscle", Goal.STRENGTH: "Strength", Goal.STABILITY: "Stability"},
    Level: {
        Level.BEGINNER: "Beginner",
        Level.INTERMEDIATE: "Intermediate",
        Level.ADVANCED: "Advanced",
    },
    Weekday: {
        Weekday.MON: "Monday",
        Weekday.TUE: "Tuesday",
        Weekday.WED: "Wednesday",
        Weekday.THU: "Thursday",
        Weekday.FRI: "Friday",
        Weekday.SAT: "Saturday",
        Weekday.SUN: "Sunday",
    },
    Role: {
        Role.ACTIVATION: "Activation",
        Role.ISOLATION: "Isolation",
        Role.COMPOUND: "Compound",
        Role.STABILITY: "Stability",
    },
    Dosage: {
        Dosage.REPS: "Reps",
        Dosage.REPS_PER_SIDE: "Reps per side",
        Dosage.STEPS_PER_SIDE: "Steps per side",
        Dosage.HOLD_SECONDS: "Seconds held",
    },
    Measure: {Measure.REPS: "Reps", Measure.STEPS: "Steps", Measure.SECONDS: "Seconds held"},
    LinkKind: {
        LinkKind.INVITE: "Invite link",
        LinkKind.RESET: "Reset link",
    },
    BlockKind: {
        BlockKind.WARMUP: "Warm-up",
        BlockKind.ACTIVATION: "Activation",
        BlockKind.WORKING: "Working sets",
        BlockKind.COOLDOWN: "Cool-down (optional)",
    },
    Side: {Side.LEFT: "Left", Side.RIGHT: "Right", Side.BOTH: "Both sides"},
    Effort: {Effort.EASY: "Easy", Effort.HARD: "Hard", Effort.FAILURE: "To failure"},
    SkipReason: {
        SkipReason.PAIN: "It hurts",
        SkipReason.EQUIPMENT: "Equipment not to hand",
        SkipReason.TIME: "Short of time",
        SkipReason.OTHER: "Another reason",
    },
    Verification: {
        Verification.VERIFIED_ABSTRACT: "verified-abstract",
        Verification.VERIFIED_REVIEW: "verified-review",
        Verification.VERIFIED_QUALITATIVE: "verified-qualitative",
        Verification.SECONDARY: "secondary",
        Verification.UNVERIFIED: "unverified",
    },
    Method: {Method.MEAN: "mean", Method.PEAK: "peak", Method.THRESHOLD: "threshold (review band)"},
    Load: {Load.BODYWEIGHT: "no added load", Load.LOADED: "loaded", Load.UNKNOWN: "load unknown"},
    Electrode: {Electrode.SURFACE: "surface", Electrode.FINE_WIRE: "fine-wire"},
    Action: {
        Action.START: "Start",
        Action.ADD: "Add reps",
        Action.STEP_UP: "Step up",
        Action.HARDER: "Harder variation",
        Action.HOLD: "Hold",
        Action.REGRESS: "Ease off",
        Action.STEP_BACK: "Step back",
        Action.VARY: "Hold and vary",
        Action.LIGHTER: "Lighter week",
        Action.RE_ENTRY: "Return",
        Action.ACTIVATE: "Activation",
        Action.PAUSE: "Paused for pain",
        Action.NEW_BLOCK: "New block",
        Action.ROTATE: "Fresh move",
    },
    Unit: {Unit.KG: "kilograms (kg)", Unit.LB: "pounds (lb)"},
    Appearance: {
        Appearance.SYSTEM: "As this device is set",
        Appearance.LIGHT: "Light",
        Appearance.DARK: "Dark",
    },
    ResultUnit: {
        ResultUnit.REPS: "Reps",
        ResultUnit.SECONDS: "Seconds",
        ResultUnit.POINTS: "Points of 4",
    },
}
#: Longer words for the choices of the profile questions, shown after the label.
_HINTS: Mapping[type[StrEnum], Mapping[str, str]] = {
    Level: {
        Level.BEGINNER: "new to strength training, or back after a long break",
        Level.INTERMEDIATE: "training regularly for 6 months or more",
        Level.ADVANCED: "years of consistent, progressive training",
    },
    Goal: {
        Goal.MUSCLE: "fuller side-hip muscles (may soften hip dips; cannot remove them)",
        Goal.STRENGTH: "stronger hips for sport and daily life",
        Goal.STABILITY: "a steadier pelvis for walking, running and knees",
    },
}
#: Every enum whose members are stable keys a person may read.
KEY_ENUMS: tuple[type[StrEnum], ...] = tuple(_LABELS)


def label(key: StrEnum) -> str:
    """The words people read for a stable key (`low_back` -> "Lower back")."""
    return _LABELS[type(key)][key]


def labels(keys: Iterable[StrEnum]) -> str:
    """Several keys' labels, comma separated, in the order given."""
    return ", ".join(label(k) for k in keys)


def hint(key: StrEnum) -> str | None:
    """A line explaining a choice of the profile questions, if it has one."""
    return _HINTS.get(type(key), {}).get(key)


def pain_place(area: PainArea | None, side: Side | None) -> str:
    """Where pain was felt, in words ("Hip (left)", "Lower back"); empty when not said."""
    if area is None:
        return ""
    return f"{label(area)} ({label(side).lower()})" if side else label(area)


def choices(enum: type[K], *, leave_out: Iterable[K] = ()) -> list[tuple[str, str]]:
    """(key, label) for every member in the enum's order: the options a form offers."""
    skipped = frozenset(leave_out)
    return [(member.value, label(member)) for member in enum if member not in skipped]


#: The two articles the catalogue's `sources` ids name (the seeds the product was built from).
SOURCE_ARTICLES = {
    "000": 'Jordan, "Hip Dips: Understanding, Training Principles, and Effective Exercises"',
    "002": "Healthline, \"Hip Dips: Exercises Won't Get Rid of Them, But They'll Make You Strong\"",
}


def source_names(ids: Iterable[str]) -> list[str]:
    """The articles that describe a move, by name (an id we cannot name is left out)."""
    return [SOURCE_ARTICLES[i] for i in ids if i in SOURCE_ARTICLES]
