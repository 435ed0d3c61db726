"""`hipcoach export` and `hipcoach import`."""

from __future__ import annotations

import itertools
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import typer

from hipcoach.cli.errors import user_errors
from hipcoach.domain.errors import HipcoachError


class ExportFormat(StrEnum):
    """What `hipcoach export` writes."""

    JSON = "json"
    CSV = "csv"


@user_errors
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="json (full backup) | csv")] = (
        ExportFormat.JSON
    ),
    output: Annotated[Path | None, typer.Option(help="Write to this file")] = None,
) -> None:
    """Export everything: the JSON is a complete backup that `hipcoach import` restores."""
    from hipcoach.cli import context
    from hipcoach.cli.output import emit_chunks
    from hipcoach.services import backup

    uow = context.app().uow()
    if fmt is ExportFormat.JSON:
        chunks = backup.stream_backup(uow=uow, user_id=context.USER_ID, now=context.now(), indent=2)
        chunks = itertools.chain(chunks, ("\n",))
    else:
        chunks = backup.stream_csv(uow=uow, user_id=context.USER_ID)
    emit_chunks(chunks, output, what="the export")


@user_errors
def import_(
    file: Annotated[Path, typer.Argument(help="A hipcoach backup, or a Strong or Hevy CSV")],
    unit: Annotated[str, typer.Option(help="Strong exports without a unit: kg | lb")] = "kg",
) -> None:
    """Import a backup (lossless) or a Strong/Hevy export; reports what did not match."""
    from hipcoach.cli import context
    from hipcoach.cli.output import console
    from hipcoach.services import backup

    if unit not in ("kg", "lb"):
        raise HipcoachError(f"Unit must be kg or lb (got {unit}).", field="unit")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise HipcoachError(f"Cannot read {file}: {exc}.", field="file") from None
    chosen: Literal["kg", "lb"] = "lb" if unit == "lb" else "kg"
    report = backup.import_text(
        uow=context.app().uow(), user_id=context.USER_ID, text=text, now=context.now(), unit=chosen
    )
    console().print(
        f"Imported {report.kind}: {report.sessions} sessions, {report.sets} sets"
        + (f", {report.plans} plans, {report.measurements} measurements" if report.plans else "")
        + (f", {report.self_tests} self-test results" if report.self_tests else "")
        + " (records already present were left as they were)."
    )
    if report.own_exercises:
        console().print(
            f"Kept as your own exercises ({report.own_sets} sets new; shown in "
            "`hipcoach history` and in backups, not coached):"
        )
    for name, count in sorted(report.own_exercises.items()):
        console().print(f"  {name} ({count} sets)")
    for row, reason in report.skipped[:20]:
        console().print(f"  row {row} skipped: {reason}")
