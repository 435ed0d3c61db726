"""Read the packaged content files and turn them into validated domain objects."""

from __future__ import annotations

import csv
import tomllib
from dataclasses import replace
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import TypeVar

from pydantic import ValidationError

from hipcoach.content.schema import ExerciseFile, TopicIndex, VariationFile
from hipcoach.domain.catalogue import Catalogue, Exercise, Variation
from hipcoach.domain.errors import ContentError
from hipcoach.domain.evidence import Electrode, EvidenceRow, Load, Method, Verification
from hipcoach.domain.learn import LearnLibrary, Topic


def _root() -> Traversable:
    return resources.files("hipcoach.content")


def _number(text: str) -> float | None:
    text = text.strip()
    return float(text) if text else None


def _verification(note: str) -> Verification:
    head = note.split(";", 1)[0].strip()
    if not head.startswith("verification="):
        raise ContentError(f"evidence note lacks a verification label: {note[:60]!r}")
    return Verification(head.removeprefix("verification="))


_E = TypeVar("_E", Method, Load, Electrode)


_LOADED_WORDS = ("10-rm", "10rm", "5rm", "ankle weight", "5% bm", "5% body mass", "loaded")


def _derived(raw: dict[str, str], name: str) -> str:
    """The method, load or electrode of a row written without those columns (the research
    copy), read from its study and notes as research/science.md describes each study."""
    study, notes = raw["study"], raw["notes"]
    text = f"{raw['exercise_name']} {notes}".lower()
    if name == "method":
        if "threshold" in notes:
            return Method.THRESHOLD.value
        peak = study.startswith("Boren") or " peak" in f" {notes.lower()}"
        return Method.PEAK.value if peak else Method.MEAN.value
    if name == "load":
        heavy = "McBeth" in study or any(w in text for w in _LOADED_WORDS)
        return Load.LOADED.value if heavy else Load.BODYWEIGHT.value
    fine = "Selkowitz" in study or "Ganderton" in study
    return Electrode.FINE_WIRE.value if fine else Electrode.SURFACE.value


def _column(kind: type[_E], raw: dict[str, str], name: str) -> _E:
    value = raw[name].strip() if name in raw else _derived(raw, name)
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(k.value for k in kind)
        raise ContentError(
            f"evidence row {raw['exercise_key']!r}: {name} {value!r} is not one of {choices}"
        ) from None


def parse_evidence(text: str) -> tuple[EvidenceRow, ...]:
    """Parse emg.csv text into evidence rows.

    Every row must carry a verification label and say its method (mean, peak or
    threshold), load (bodyweight, loaded or unknown) and electrode (surface or fine_wire).
    """
    rows = []
    for raw in csv.DictReader(text.splitlines()):
        note = raw["notes"]
        rows.append(
            EvidenceRow(
                exercise_key=raw["exercise_key"],
                variant=raw["variant"],
                description=raw["exercise_name"],
                measure=raw["muscle"],
                pct_mvic_mean=_number(raw["pct_mvic_mean"]),
                pct_mvic_sd=_number(raw["pct_mvic_sd"]),
                study=raw["study"].strip(),
                verification=_verification(note),
                note=note.split(";", 1)[1].strip() if ";" in note else "",
                method=_column(Method, raw, "method"),
                load=_column(Load, raw, "load"),
                electrode=_column(Electrode, raw, "electrode"),
                level_with=tuple((raw.get("level_with") or "").split()),
            )
        )
    return tuple(rows)


def _exercise(data: ExerciseFile, evidence: tuple[EvidenceRow, ...]) -> Exercise:
    def variations(items: list[VariationFile]) -> tuple[Variation, ...]:
        return tuple(Variation(v.name, v.how, v.exercise_key) for v in items)

    return Exercise(
        key=data.key,
        name=data.name,
        aliases=tuple(data.aliases),
        roles=tuple(data.roles),
        primary=tuple(data.primary),
        secondary=tuple(data.secondary),
        equipment=tuple(data.equipment),
        dosage=tuple(data.dosage),
        summary=data.summary,
        setup=data.setup,
        steps=tuple(data.steps),
        cues=tuple(data.cues),
        mistakes=tuple(data.mistakes),
        if_it_hurts=data.if_it_hurts,
        easier=variations(data.easier),
        harder=variations(data.harder),
        pain=dict(data.pain),
        sources=tuple(data.sources),
        evidence=tuple(r for r in evidence if r.exercise_key == data.key),
        placements=data.placements.placements() if data.placements else None,
    )


def _read_exercise(entry: Traversable) -> ExerciseFile:
    try:
        data = ExerciseFile.model_validate(tomllib.loads(entry.read_text("utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ContentError(f"{entry.name}: {exc}") from exc
    if data.key != entry.name.removesuffix(".toml"):
        raise ContentError(f"{entry.name}: key {data.key!r} does not match the file name")
    return data


@cache
def load_evidence() -> tuple[EvidenceRow, ...]:
    """Every evidence row shipped with hipcoach."""
    return parse_evidence((_root() / "evidence" / "emg.csv").read_text("utf-8"))


@cache
def load_catalogue() -> Catalogue:
    """The validated exercise catalogue, in a stable order (by key)."""
    folder = _root() / "exercises"
    files = sorted((e for e in folder.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
    evidence = load_evidence()
    exercises = tuple(_exercise(_read_exercise(f), evidence) for f in files)
    catalogue = Catalogue(exercises)
    for exercise in exercises:
        for variation in (*exercise.easier, *exercise.harder):
            link = variation.exercise_key
            if link and link not in catalogue:
                raise ContentError(f"{exercise.key}: variation links to unknown exercise {link!r}")
    return with_peers(catalogue)


def with_peers(catalogue: Catalogue) -> Catalogue:
    """The catalogue with each move's `peers`: the moves its evidence rows rank it level with
    (every key must name another move of the catalogue)."""
    exercises = []
    for exercise in catalogue.exercises:
        keys = [k for row in exercise.evidence for k in row.level_with]
        unknown = [k for k in keys if k not in catalogue or k == exercise.key]
        if unknown:
            raise ContentError(f"{exercise.key}: evidence ranks it level with unknown {unknown}")
        peers = tuple(catalogue.get(k) for k in dict.fromkeys(keys))
        exercises.append(replace(exercise, peers=peers) if peers else exercise)
    return Catalogue(tuple(exercises))


@cache
def load_learn() -> LearnLibrary:
    """The learn pages: an index of topics, each with a Markdown body."""
    folder = _root() / "learn"
    try:
        index = TopicIndex.model_validate(
            tomllib.loads((folder / "topics.toml").read_text("utf-8"))
        )
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ContentError(f"learn/topics.toml: {exc}") from exc
    topics = []
    for t in index.topic:
        body = (folder / f"{t.key}.md").read_text("utf-8").strip()
        if not body:
            raise ContentError(f"learn/{t.key}.md is empty")
        topics.append(Topic(t.key, t.title, t.summary, body, tuple(t.sources)))
    return LearnLibrary(tuple(topics))
