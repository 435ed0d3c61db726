"""`hipcoach exercises` and `hipcoach exercise KEY`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hipcoach.cli.errors import user_errors


@user_errors
def exercises(
    equipment: Annotated[str | None, typer.Option(help="Only moves doable with this.")] = None,
    muscle: Annotated[str | None, typer.Option(help="Only moves working this muscle.")] = None,
    role: Annotated[
        str | None, typer.Option(help="activation|isolation|compound|stability")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the exercise catalogue."""
    from rich.table import Table

    from hipcoach.cli.output import console, print_json
    from hipcoach.formats.exercise_json import exercise_summary
    from hipcoach.services import catalogue as service

    found = service.list_exercises(equipment=equipment, muscle=muscle, role=role)
    if as_json:
        print_json([exercise_summary(e) for e in found])
        return
    table = Table(title=f"{len(found)} exercises", expand=False)
    for column in ("key", "name", "role", "equipment", "GMed %MVIC", "glute:TFL"):
        table.add_column(column)
    for e in found:
        gmed = f"{e.gmed_activation:g}" if e.gmed_activation is not None else "no EMG data"
        gta = f"{e.gta_index:g}" if e.gta_index is not None else "-"
        table.add_row(e.key, e.name, ", ".join(e.roles), ", ".join(e.equipment), gmed, gta)
    console().print(table)


@user_errors
def exercise(
    key: Annotated[str, typer.Argument(help="Catalogue key, e.g. clamshell.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    figure: Annotated[
        Path | None, typer.Option("--figure", help="Write a drawing of the move to this SVG file.")
    ] = None,
    frame: Annotated[str, typer.Option(help="With --figure: start|end|pair|animated.")] = "pair",
    variant: Annotated[
        str | None, typer.Option(help="With --figure: the version, e.g. mini_band.")
    ] = None,
) -> None:
    """Show one exercise: how-to, cues, ladder and cited evidence."""
    from hipcoach.cli.cards import exercise_card
    from hipcoach.cli.output import console, print_json
    from hipcoach.formats.exercise_json import exercise_to_dict
    from hipcoach.services import catalogue as service

    found = service.get_exercise(key=key)
    if figure is not None:
        _write_figure(found.key, figure, frame=frame, variant=variant)
        return
    if as_json:
        print_json(exercise_to_dict(found))
    else:
        console().print(exercise_card(found))


def _write_figure(key: str, path: Path, *, frame: str, variant: str | None) -> None:
    from hipcoach.services import figures

    drawn = figures.exercise_figure(key=key, variant=variant, frame=figures.parse_frame(frame))
    try:
        path.write_text(drawn.svg, encoding="utf-8")
    except OSError as exc:
        typer.echo(f"Error: could not write {path}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"Wrote the {frame} figure of {key} to {path}")
