"""The JSON shape of catalogue entries and learn pages, one typed source for the CLI's --json
and the API (which serves these models and lists them in its OpenAPI schema)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from hipcoach.domain.catalogue import Dosage, Exercise, PainAction, PainArea, Role, Variation
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.evidence import (
    VERIFICATION_MEANINGS,
    Electrode,
    EvidenceRow,
    Load,
    Method,
    Verification,
)
from hipcoach.domain.ladder import LadderStep, Placement
from hipcoach.domain.learn import Topic
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.vocabulary import source_names


class CatalogueRead(BaseModel):
    """Every catalogue body: made from domain values, never from a request."""

    model_config = ConfigDict(frozen=True)


class VariationRead(CatalogueRead):
    name: str
    how: str
    exercise: str | None = Field(description="The catalogue key of this version, if it has one")


class LadderStepRead(CatalogueRead):
    key: str
    label: str
    equipment: Equipment
    load_kg: float | None
    placement: Placement | None = None


class EvidenceRead(CatalogueRead):
    variant: str
    description: str
    measure: str = Field(description="A muscle key, or GTA_index for the glute-to-TFL index")
    pct_mvic_mean: float | None
    pct_mvic_sd: float | None
    method: Method = Field(
        description="mean, peak (runs higher; never ranked against means) "
        "or threshold (a review's band, not a measurement)"
    )
    load: Load = Field(description="bodyweight (no added load), loaded, or unknown")
    electrode: Electrode = Field(description="surface or fine_wire")
    study: str
    verification: Verification
    verification_meaning: str
    note: str


class ExerciseSummaryRead(CatalogueRead):
    """The short form used in lists."""

    key: str
    name: str
    roles: list[Role]
    primary: list[Muscle]
    equipment: list[Equipment]
    dosage: list[Dosage]
    gmed_pct_mvic: float | None = Field(
        description="The comparable gluteus medius %MVIC that ranks the move: a checked mean, "
        "bodyweight first; null when only peak or threshold figures exist"
    )
    gta_index: float | None = Field(description="Glute-to-TFL activation index, if measured")
    has_emg_data: bool


class ExerciseRead(ExerciseSummaryRead):
    """The full card: how-to, ladder and every evidence row."""

    aliases: list[str]
    secondary: list[Muscle]
    summary: str
    setup: str
    steps: list[str]
    cues: list[str]
    mistakes: list[str]
    if_it_hurts: str
    pain: dict[PainArea, PainAction] = Field(description="What the planner does when it hurts")
    ladder: list[LadderStepRead]
    easier: list[VariationRead]
    harder: list[VariationRead]
    evidence: list[EvidenceRead]
    sources: list[str] = Field(description="Ids of the source articles (`research`: the brief)")
    described_in: list[str] = Field(description="The source articles that describe it, by name")


class TopicSummaryRead(CatalogueRead):
    key: str
    title: str
    summary: str


class TopicRead(TopicSummaryRead):
    body: str = Field(description="Markdown")
    sources: list[str]


def _variation(v: Variation) -> VariationRead:
    return VariationRead(name=v.name, how=v.how, exercise=v.exercise_key)


def _step(s: LadderStep) -> LadderStepRead:
    return LadderStepRead(
        key=s.key,
        label=s.label,
        equipment=s.equipment,
        load_kg=s.load_kg,
        placement=s.placement,
    )


def evidence_read(row: EvidenceRow) -> EvidenceRead:
    """One evidence row with its verification label and what the label means."""
    return EvidenceRead(
        variant=row.variant,
        description=row.description,
        measure=row.measure,
        pct_mvic_mean=row.pct_mvic_mean,
        pct_mvic_sd=row.pct_mvic_sd,
        method=row.method,
        load=row.load,
        electrode=row.electrode,
        study=row.study,
        verification=row.verification,
        verification_meaning=VERIFICATION_MEANINGS[row.verification],
        note=row.note,
    )


def _summary_fields(e: Exercise) -> dict[str, Any]:
    return {
        "key": e.key,
        "name": e.name,
        "roles": list(e.roles),
        "primary": list(e.primary),
        "equipment": list(e.equipment),
        "dosage": list(e.dosage),
        "gmed_pct_mvic": e.gmed_activation,
        "gta_index": e.gta_index,
        "has_emg_data": e.has_emg_data,
    }


def exercise_summary_read(e: Exercise) -> ExerciseSummaryRead:
    """The short form used in lists."""
    return ExerciseSummaryRead(**_summary_fields(e))


def exercise_read(e: Exercise) -> ExerciseRead:
    """The full card: how-to, ladder and every evidence row."""
    return ExerciseRead(
        **_summary_fields(e),
        aliases=list(e.aliases),
        secondary=list(e.secondary),
        summary=e.summary,
        setup=e.setup,
        steps=list(e.steps),
        cues=list(e.cues),
        mistakes=list(e.mistakes),
        if_it_hurts=e.if_it_hurts,
        pain=dict(e.pain),
        ladder=[_step(s) for s in e.ladder()],
        easier=[_variation(v) for v in e.easier],
        harder=[_variation(v) for v in e.harder],
        evidence=[evidence_read(r) for r in e.evidence],
        sources=list(e.sources),
        described_in=source_names(e.sources),
    )


def topic_summary_read(t: Topic) -> TopicSummaryRead:
    """A learn page's title and summary."""
    return TopicSummaryRead(key=t.key, title=t.title, summary=t.summary)


def topic_read(t: Topic) -> TopicRead:
    """A learn page (body as Markdown) with its sources."""
    return TopicRead(
        key=t.key, title=t.title, summary=t.summary, body=t.body, sources=list(t.sources)
    )


def exercise_summary(e: Exercise) -> dict[str, Any]:
    """The short form as plain JSON values (the CLI's `exercises --json`)."""
    return exercise_summary_read(e).model_dump(mode="json")


def exercise_to_dict(e: Exercise) -> dict[str, Any]:
    """The full card as plain JSON values (the CLI's `exercise KEY --json`)."""
    return exercise_read(e).model_dump(mode="json")


def topic_to_dict(t: Topic, *, with_body: bool = True) -> dict[str, Any]:
    """A learn page as plain JSON values (body as Markdown unless `with_body` is off)."""
    return (topic_read(t) if with_body else topic_summary_read(t)).model_dump(mode="json")
