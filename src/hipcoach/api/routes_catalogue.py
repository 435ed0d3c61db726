"""The exercise catalogue and the learn pages: public, in the same JSON as `--json` in the CLI."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import TypeAdapter

from hipcoach.api.errors import ApiRoute
from hipcoach.api.schemas import ExerciseRead, ExerciseSummaryRead, TopicRead, TopicSummaryRead
from hipcoach.formats.exercise_json import (
    exercise_read,
    exercise_summary_read,
    topic_read,
    topic_summary_read,
)
from hipcoach.services import catalogue

router = APIRouter(route_class=ApiRoute, tags=["catalogue"])
Filter = Annotated[str | None, Query(max_length=64)]
_SUMMARIES = TypeAdapter(list[ExerciseSummaryRead])


@router.get("/exercises", response_model=list[ExerciseSummaryRead])
async def list_exercises(
    equipment: Filter = None, muscle: Filter = None, role: Filter = None
) -> Response:
    """Exercises doable with the equipment, working the muscle, in the role (all optional)."""
    # In-memory catalogue, no I/O: answered on the event loop, serialised once (the
    # decorator still documents the model).
    found = catalogue.list_exercises(equipment=equipment, muscle=muscle, role=role)
    body = _SUMMARIES.dump_json([exercise_summary_read(e) for e in found])
    return Response(body, media_type="application/json")


@router.get("/exercises/{key}")
def get_exercise(key: str) -> ExerciseRead:
    """One exercise card: how-to, cues, ladder and every evidence row (404 if unknown)."""
    return exercise_read(catalogue.get_exercise(key=key))


@router.get("/learn")
def list_topics() -> list[TopicSummaryRead]:
    """The learn pages in reading order (titles and summaries)."""
    return [topic_summary_read(t) for t in catalogue.list_topics()]


@router.get("/learn/{topic}")
def get_topic(topic: str) -> TopicRead:
    """One learn page, its body in Markdown, with sources (404 if unknown)."""
    return topic_read(catalogue.get_topic(key=topic))
