"""Map exercise names from other apps (Strong, Hevy) to our catalogue keys.

A name matches when its normal form equals the normal form of an exercise's name or alias, or
of an entry in FOREIGN_NAMES. The normal form ignores case, punctuation, spaces, plurals and an
equipment suffix that fits any of our moves ("(Band)", "(Dumbbell)"...). Any other suffix
("(Machine)", "(Barbell)") stays part of the name, so "Squat (Barbell)" never becomes our
bodyweight squat; the machine and barbell lifts we do have are named in FOREIGN_NAMES.
"""

from __future__ import annotations

import re

from hipcoach.domain.catalogue import Catalogue

# Suffixes naming equipment our ladders can express; the word is tried as a prefix too.
_QUALIFIERS: dict[str, str] = {
    "band": "band",
    "banded": "band",
    "resistance band": "band",
    "mini band": "band",
    "loop band": "band",
    "dumbbell": "dumbbell",
    "kettlebell": "kettlebell",
    "bodyweight": "bodyweight",
    "cable": "cable",
    "ankle weight": "ankle weight",
    "ankle weights": "ankle weight",
    "weighted": "weighted",
}

# Names Strong and Hevy use that are neither our names nor our aliases.
FOREIGN_NAMES: dict[str, str] = {
    "Band Side Walk": "lateral_band_walk",
    "Side Band Walk": "lateral_band_walk",
    "Banded Lateral Walk": "lateral_band_walk",
    "Glute Kickback on Floor": "donkey_kick",
    "Side Plank with Leg Lift": "side_plank_hip_abduction",
    "Side Plank with Leg Raise": "side_plank_hip_abduction",
    "Side Plank Abduction": "side_plank_hip_abduction",
    "Lying Leg Abduction": "side_lying_hip_abduction",
    "Standing Cable Hip Abduction": "cable_hip_abduction",
    "Standing Hip Abduction (Cable)": "cable_hip_abduction",
    "Standing Hip Abduction (Band)": "standing_banded_hip_abduction",
    "Seated Hip Abduction (Band)": "seated_banded_hip_abduction",
    "Hip Abductor (Machine)": "machine_hip_abduction",
    "Hip Thrust (Barbell)": "hip_thrust",
}

_PAREN = re.compile(r"\(([^)]*)\)")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _words(text: str) -> list[str]:
    words = _NOT_WORD.sub(" ", text.lower()).split()
    # Crude singular: enough for "kicks", "lunges", "clamshells"; "press" keeps its "ss".
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def name_forms(name: str) -> tuple[str, ...]:
    """The normal forms of a name, most specific first: "Hip Abduction (Cable)" gives
    "cablehipabduction" then "hipabduction"."""
    qualifiers: list[str] = []

    def strip(match: re.Match[str]) -> str:
        inner = " ".join(_NOT_WORD.sub(" ", match.group(1).lower()).split())
        if inner in _QUALIFIERS:
            qualifiers.append(_QUALIFIERS[inner])
            return " "
        return f" {match.group(1)} "

    base = _words(_PAREN.sub(strip, name))
    forms = ["".join(_words(q) + base) for q in qualifiers]
    forms.append("".join(base))
    return tuple(dict.fromkeys(f for f in forms if f))


def name_index(catalogue: Catalogue) -> dict[str, str | None]:
    """Normal form -> exercise key; None marks a form two exercises share (ambiguous)."""
    index: dict[str, str | None] = {}
    for exercise in catalogue.exercises:
        for text in (exercise.key.replace("_", " "), exercise.name, *exercise.aliases):
            form = "".join(_words(text))
            index[form] = exercise.key if index.get(form, exercise.key) == exercise.key else None
    for text, key in FOREIGN_NAMES.items():
        if key in catalogue:
            index[name_forms(text)[0]] = key
    return index


def match_exercise(name: str, catalogue: Catalogue) -> str | None:
    """Our exercise key for a name from another app, or None when it is not one of our moves."""
    return lookup_exercise(name, name_index(catalogue))


def lookup_exercise(name: str, index: dict[str, str | None]) -> str | None:
    """`match_exercise` against a prebuilt `name_index` (for matching many names)."""
    for form in name_forms(name):
        if form in index:
            return index[form]
    return None
