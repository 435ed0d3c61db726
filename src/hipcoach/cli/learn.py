"""`hipcoach learn [TOPIC]`."""

from __future__ import annotations

from typing import Annotated

import typer

from hipcoach.cli.errors import user_errors


@user_errors
def learn(
    topic: Annotated[str | None, typer.Argument(help="Topic key; omit to list them.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Read the learn pages: what hip dips are, what training changes, safety, nutrition."""
    from rich.markdown import Markdown
    from rich.table import Table

    from hipcoach.cli.output import console, print_json
    from hipcoach.formats.exercise_json import topic_to_dict
    from hipcoach.services import catalogue as service

    if topic is None:
        topics = service.list_topics()
        if as_json:
            print_json([topic_to_dict(t, with_body=False) for t in topics])
            return
        table = Table(title="Learn (hipcoach learn TOPIC)")
        table.add_column("topic")
        table.add_column("title")
        table.add_column("in one line")
        for t in topics:
            table.add_row(t.key, t.title, t.summary)
        console().print(table)
        return
    page = service.get_topic(key=topic)
    if as_json:
        print_json(topic_to_dict(page))
        return
    console().print(Markdown(page.body))
    if page.sources:
        console().print("\n[bold]Sources[/bold]")
        for source in page.sources:
            console().print(f"  - {source}")
