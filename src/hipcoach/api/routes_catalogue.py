"""The exercise catalogue and the learn pages: public, in the same JSON as `--json` in the CLI."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import TypeAdapter

from hipcoach.api.errors import ApiRoute
from hipcoach.api.schemas import ExerciseRead, ExerciseSummaryRead, TopicRead, TopicSummaryRead
from hipcoach.figures.render import FrameKind
from hipcoach.formats.exercise_json import (
    exercise_read,
    exercise_summary_read,
    topic_read,
    topic_summary_read,
)
from hipcoach.services import catalogue, figures

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


#: SVG answers may style themselves (the reduced-motion rule) but load and run nothing.
FIGURE_CSP = "default-src 'none'; style-src 'unsafe-inline'"
SVG = "image/svg+xml"


@router.get(
    "/exercises/{key}/figure.svg",
    response_class=Response,
    responses={200: {"content": {SVG: {}}, "description": "The figure as SVG"}, 304: {}},
)
def get_exercise_figure(
    key: str,
    request: Request,
    variant: Filter = None,
    frame: FrameKind = FrameKind.ANIMATED,
    mistake: Annotated[int | None, Query(ge=0, le=9)] = None,
    legend: bool = True,
) -> Response:
    """A drawing of the move: start, end, both, or animated; `mistake` draws a common mistake."""
    drawn = figures.exercise_figure(
        key=key[:64], variant=variant, frame=frame, mistake=mistake, legend=legend
    )
    headers = {
        "ETag": drawn.etag,
        "Cache-Control": "public, max-age=86400",
        "Content-Security-Policy": FIGURE_CSP,
    }
    if drawn.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(drawn.svg, media_type=SVG, headers=headers)


@router.get("/learn")
def list_topics() -> list[TopicSummaryRead]:
    """The learn pages in reading order (titles and summaries)."""
    return [topic_summary_read(t) for t in catalogue.list_topics()]


@router.get("/learn/{topic}")
def get_topic(topic: str) -> TopicRead:
    """One learn page, its body in Markdown, with sources (404 if unknown)."""
    return topic_read(catalogue.get_topic(key=topic))
