"""What `hipcoach` with no command shows: the honest line, the catalogue, next steps."""

from __future__ import annotations

from hipcoach.cli.catalogue import exercises
from hipcoach.domain.messages import EXPECTATION, SAFETY


def show_overview() -> None:
    """Print the welcome, the catalogue table and the commands to try next."""
    from rich.panel import Panel

    from hipcoach.cli.output import console

    console().print(Panel(f"{EXPECTATION}\n\n{SAFETY}", title="hipcoach", expand=False))
    exercises(equipment=None, muscle=None, role=None, as_json=False)
    console().print(
        "\nNext:\n"
        "  hipcoach exercise clamshell      one card: steps, cues, ladder, evidence\n"
        "  hipcoach learn                   what hip dips are and what training changes\n"
        "  hipcoach plan --help             a personal program for your days and equipment\n"
    )
