"""The exercise catalogue and the learn pages: public, in the same JSON as `--json` in the CLI."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from hipcoach.api.errors import ApiRoute
from hipcoach.domain.errors import NotFoundError, UnknownKeyError
from hipcoach.formats.exercise_json import exercise_summary, exercise_to_dict, topic_to_dict
from hipcoach.services import catalogue

router = APIRouter(route_class=ApiRoute, tags=["catalogue"])
Filter = Annotated[str | None, Query(max_length=64)]


class UnknownResourceError(NotFoundError, UnknownKeyError):
    """An unknown key in the URL: a 404 that still suggests close matches."""


def _not_found(error: UnknownKeyError) -> UnknownResourceError:
    return UnknownResourceError(error.kind, error.key, error.suggestions)


@router.get("/exercises", response_model=list[dict[str, Any]])
async def list_exercises(
    equipment: Filter = None, muscle: Filter = None, role: Filter = None
) -> Response:
    """Exercises doable with the equipment, working the muscle, in the role (all optional)."""
    # In-memory catalogue, no I/O: answered on the event loop, serialised once.
    found = catalogue.list_exercises(equipment=equipment, muscle=muscle, role=role)
    body = json.dumps([exercise_summary(e) for e in found], ensure_ascii=False)
    return Response(body, media_type="application/json")


@router.get("/exercises/{key}")
def get_exercise(key: str) -> dict[str, Any]:
    """One exercise card: how-to, cues, ladder and every evidence row."""
    try:
        return exercise_to_dict(catalogue.get_exercise(key=key))
    except UnknownKeyError as error:
        raise _not_found(error) from None


@router.get("/learn")
def list_topics() -> list[dict[str, Any]]:
    """The learn pages in reading order (titles and summaries)."""
    return [topic_to_dict(t, with_body=False) for t in catalogue.list_topics()]


@router.get("/learn/{topic}")
def get_topic(topic: str) -> dict[str, Any]:
    """One learn page, its body in Markdown, with sources."""
    try:
        return topic_to_dict(catalogue.get_topic(key=topic))
    except UnknownKeyError as error:
        raise _not_found(error) from None
