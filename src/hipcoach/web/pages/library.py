"""The exercise catalogue and the learn pages (open to everyone)."""

from __future__ import annotations

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.evidence import VERIFICATION_MEANINGS
from hipcoach.domain.explain import placement_order
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.vocabulary import choices, source_names
from hipcoach.services import catalogue, figures
from hipcoach.web.markdown import markdown_to_html
from hipcoach.web.rendering import page
from hipcoach.web.routing import page_router

router = page_router()


def _filters() -> dict[str, list[tuple[str, str]]]:
    return {
        "equipment_options": choices(Equipment),
        "muscle_options": choices(Muscle),
        "role_options": choices(Role),
    }


@router.get("/exercises")
def exercises(request: Request, equipment: str = "", muscle: str = "", role: str = "") -> Response:
    """Every move, filtered by what you own, the muscle worked and its role."""
    chosen = {"equipment": equipment[:40], "muscle": muscle[:40], "role": role[:40]}
    error: HipcoachError | None = None
    try:
        found = catalogue.list_exercises(
            equipment=chosen["equipment"] or None,
            muscle=chosen["muscle"] or None,
            role=chosen["role"] or None,
        )
    except HipcoachError as exc:
        error, found = exc, load_catalogue().exercises
    context = {"exercises": found, "chosen": chosen, **_filters()}
    return page(request, "exercises.html", context, error=error, status=400 if error else 200)


@router.get("/exercises/{key}")
def exercise(request: Request, key: str) -> Response:
    """One move: how to do it, how to progress it, and the evidence behind it."""
    found = catalogue.get_exercise(key=key[:64])
    items = load_catalogue()
    # Our own SVG (escaped text throughout), inlined so it animates and follows the page's
    # reduced-motion rule.
    figure = Markup(figures.exercise_figure(key=found.key, inline=True).svg)
    mistakes = [(m.label, Markup(m.svg)) for m in figures.mistake_figures(key=found.key)]
    context = {
        "figure": figure,
        "mistake_figures": mistakes,
        "figure_variants": figures.variants(key=found.key),
        "exercise": found,
        "ladder": found.ladder(),
        "placement_order": placement_order(found),
        "meanings": VERIFICATION_MEANINGS,
        "known": set(items.keys),
        "sources": source_names(found.sources),
    }
    return page(request, "exercise.html", context)


@router.get("/learn")
def learn(request: Request) -> Response:
    """The learn pages in reading order."""
    return page(request, "learn.html", {"topics": catalogue.list_topics()})


@router.get("/learn/{topic}")
def learn_topic(request: Request, topic: str) -> Response:
    """One learn page, its Markdown rendered safely."""
    found = catalogue.get_topic(key=topic[:64])
    body = Markup(markdown_to_html(found.body, drop_title=True))  # escaped by the converter
    keys = [t.key for t in catalogue.list_topics()]
    index = keys.index(found.key)
    following = catalogue.get_topic(key=keys[index + 1]) if index + 1 < len(keys) else None
    return page(request, "topic.html", {"topic": found, "body": body, "following": following})
