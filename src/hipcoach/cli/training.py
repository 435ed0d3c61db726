"""`hipcoach init`, `hipcoach today` and `hipcoach log` (sets, and next-day pain)."""

from __future__ import annotations

from typing import Annotated

import typer

from hipcoach.cli.errors import user_errors
from hipcoach.domain.limits import PAIN, RIR

Opt = typer.Option


@user_errors
def init(
    name: Annotated[str | None, Opt(help="Your name")] = None,
    level: Annotated[str | None, Opt(help="beginner | intermediate | advanced")] = None,
    goal: Annotated[str | None, Opt(help="muscle | strength | stability")] = None,
    equipment: Annotated[str | None, Opt(help="Comma list, or 'none'")] = None,
    days: Annotated[str | None, Opt(help="Comma list of mon..sun")] = None,
    minutes: Annotated[int | None, Opt(help="Minutes per session")] = None,
    weeks: Annotated[int | None, Opt(help="Plan length in weeks")] = None,
    start: Annotated[str | None, Opt(help="First day, YYYY-MM-DD")] = None,
    pain: Annotated[str | None, Opt(help="Comma list: knee,hip,low_back, or 'none'")] = None,
    avoid: Annotated[str | None, Opt(help="Exercise keys to leave out, or 'none'")] = None,
    weight_kg: Annotated[float | None, Opt(help="Body weight (for protein)")] = None,
    age: Annotated[int | None, Opt(help="Years (optional): from 60, hard variants wait")] = None,
    seed: Annotated[int, Opt(help="Vary equally good choices")] = 0,
    no_input: Annotated[bool, Opt("--no-input", help="Never prompt; use defaults")] = False,
) -> None:
    """Onboarding: answer a few questions (or pass flags) and get your stored plan."""
    from hipcoach.cli import context
    from hipcoach.cli.onboarding import ask_profile
    from hipcoach.cli.output import console
    from hipcoach.services import training

    answers = ask_profile(locals(), interactive=not no_input)
    app = context.app()
    stored = training.start_program(
        uow=app.uow(),
        user_id=context.USER_ID,
        name=answers.name,
        profile=answers.profile,
        now=context.now(),
    )
    weeks_count = len(stored.plan.weeks)
    console().print(
        f"\n[bold]Plan saved:[/bold] {weeks_count} weeks from {answers.profile.start}. "
        "Run [bold]hipcoach today[/bold] to see your first session."
    )


@user_errors
def today(
    date: Annotated[str | None, Opt("--date", help="Day to show, YYYY-MM-DD")] = None,
) -> None:
    """Today's session (or the next training day) with what to do and why."""
    from hipcoach.cli import context
    from hipcoach.cli.output import console
    from hipcoach.cli.today_view import today_panel
    from hipcoach.services import training

    view = training.todays_session(
        uow=context.app().uow(), user_id=context.USER_ID, today=context.today(date)
    )
    console().print(today_panel(view))


@user_errors
def log(
    exercise: Annotated[str | None, Opt(help="Log one set of this exercise (else prompts)")] = None,
    reps: Annotated[int | None, Opt(help="Reps done")] = None,
    steps: Annotated[int | None, Opt(help="Steps per side done")] = None,
    hold: Annotated[int | None, Opt("--hold", help="Seconds held")] = None,
    side: Annotated[str, Opt(help="left | right | both")] = "both",
    resistance: Annotated[str | None, Opt(help="Ladder step key, e.g. mini_band_medium")] = None,
    load_kg: Annotated[float | None, Opt(help="Load in kg, for weights")] = None,
    rir: Annotated[int | None, Opt(help=f"Reps in reserve ({RIR.low}-{RIR.high})")] = None,
    effort: Annotated[str | None, Opt(help="easy | hard | failure (instead of --rir)")] = None,
    pain: Annotated[int, Opt(help=f"Pain during the set, {PAIN.low}-{PAIN.high}")] = 0,
    pain_area: Annotated[
        str | None, Opt(help="Where it hurts: knee | hip | low_back | other (with pain above 0)")
    ] = None,
    pain_side: Annotated[
        str | None, Opt(help="Which side hurts: left | right | both (with --pain-area)")
    ] = None,
    next_day_pain: Annotated[
        int | None,
        Opt(
            help=f"Pain the morning after the session on --date, {PAIN.low}-{PAIN.high} "
            "(instead of a set; --pain-area and --pain-side say where)"
        ),
    ] = None,
    note: Annotated[str, Opt(help="A note")] = "",
    date: Annotated[str | None, Opt("--date", help="Session day, YYYY-MM-DD")] = None,
    set_id: Annotated[
        str | None, Opt("--id", help="Client id: the same id and values again store nothing new")
    ] = None,
) -> None:
    """Log a session set by set (prefilled from the prescription), one set with flags, or
    next-day pain (--next-day-pain) for the session on --date."""
    from hipcoach.cli import context
    from hipcoach.cli.logging_prompts import log_interactively, log_one_set
    from hipcoach.cli.pain_logging import log_next_day_pain
    from hipcoach.domain.log import LogError

    flags = locals()
    day = context.today(date)
    if next_day_pain is not None:
        if exercise is not None:
            raise LogError(
                "Log either a set (--exercise) or next-day pain (--next-day-pain), not both.",
                field="next_day_pain",
            )
        log_next_day_pain(flags, day=day)
    elif exercise is None:
        if pain_area or pain_side:
            raise LogError(
                "--pain-area and --pain-side go with one set (--exercise) or with "
                "--next-day-pain; when logging set by set, note pain in each prompt.",
                field="pain_area",
            )
        log_interactively(day=day)
    else:
        log_one_set(flags, day=day)
