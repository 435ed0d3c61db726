"""Terminal renderings of the self-tests: how to do each, and results over time."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from hipcoach.domain.evidence import VERIFICATION_MEANINGS
from hipcoach.domain.selftest import NOT_SHAPE, SELF_TESTS, SelfTest, SelfTestResult
from hipcoach.domain.vocabulary import label
from hipcoach.services.selftest import SelfTestStatus


def _test(test: SelfTest, status: SelfTestStatus) -> RenderableType:
    last = status.last.get(test.key)
    when = "due today" if test in status.due else f"last done {last.isoformat() if last else '-'}"
    lines = [
        f"{test.name} ({test.key}), {when}",
        f"Measures: {test.measures}",
        f"Result: whole {test.unit}, {test.bounds.low}-{test.bounds.high}, each side.",
        *(f"  {i}. {step}" for i, step in enumerate(test.steps, 1)),
        f"Reading it: {test.reading}",
    ]
    if test.source:
        check = VERIFICATION_MEANINGS[test.source.verification]
        lines.append(f"Source: {test.source.citation} [{test.source.verification}: {check}]")
        lines.append(f"  {test.source.note}")
    else:
        lines.append(f"Source: {test.own_test_note}")
    lines.append(f"Log it: hipcoach selftest log {test.key} --left N --right N")
    heading, *rest = (escape(line) for line in lines)  # our texts hold [brackets]
    return "\n".join([f"[bold]{heading}[/bold]", *rest, ""])


def self_tests_view(status: SelfTestStatus) -> RenderableType:
    """Every self-test with how to do and read it, the due ones marked, the honest note first."""
    parts: list[RenderableType] = [Panel(NOT_SHAPE, title="What a self-test shows", expand=False)]
    due = ", ".join(t.name for t in status.due) or "none (next: in the plan's next lighter week)"
    parts.append(f"Due today: {due}")
    parts += [_test(test, status) for test in SELF_TESTS]
    return Group(*parts)


def results_table(results: Sequence[SelfTestResult]) -> RenderableType:
    """Each test and side: the first result, the latest, and the change between them."""
    if not results:
        return "Self-tests: none recorded yet (see `hipcoach selftest`)."
    table = Table(title="Self-tests (first and latest result, each side)")
    for column in ("test", "side", "first", "latest", "change"):
        table.add_column(column)
    for test in SELF_TESTS:
        for side in test.sides:
            found = [r for r in results if r.test == test.key and r.side is side]
            if not found:
                continue
            first, latest = found[0], found[-1]
            table.add_row(
                test.name,
                label(side),
                f"{first.value} {test.unit} ({first.date.isoformat()})",
                f"{latest.value} {test.unit} ({latest.date.isoformat()})",
                f"{latest.value - first.value:+d}" if len(found) > 1 else "-",
            )
    return table
