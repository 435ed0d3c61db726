"""Read the packaged content files and turn them into validated domain objects."""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from importlib import resources
from importlib.abc import Traversable

from pydantic import ValidationError

from hipcoach.content.schema import ExerciseFile, TopicIndex, VariationFile
from hipcoach.domain.catalogue import Catalogue, Exercise, Variation
from hipcoach.domain.errors import ContentError
from hipcoach.domain.evidence import EvidenceRow, Verification
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


def parse_evidence(text: str) -> tuple[EvidenceRow, ...]:
    """Parse research/emg.csv text into evidence rows (every row must carry a label)."""
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
    return catalogue


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
