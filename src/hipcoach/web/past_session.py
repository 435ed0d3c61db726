"""A logged day's page, for adding sets afterwards: the moves its planned session had, the
moves already logged in it, and any other move the person picks, each with a set form."""

from __future__ import annotations

from dataclasses import dataclass

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Exercise
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import NoPlanError
from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.services import training
from hipcoach.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class MoveForm:
    """One move of a past session with what its set form needs."""

    key: str
    name: str
    field: str  # reps, steps or hold_seconds
    unit: str
    side: Side  # the side offered first
    ladder: tuple[tuple[str, str], ...]
    resistance_key: str
    planned: str = ""  # the plan's prescription, when the day's session had the move

    @property
    def amount_label(self) -> str:
        """What the amount input asks for."""
        return {"hold_seconds": "Seconds held", "steps": "Steps"}.get(self.field, "Reps")


def _move(exercise: Exercise, owned: frozenset[Equipment] | None, **planned: str) -> MoveForm:
    measure = exercise.dosage[0].measure
    steps = exercise.ladder(owned) or exercise.ladder()
    ladder = tuple((s.key, s.label) for s in steps)
    return MoveForm(
        key=exercise.key,
        name=exercise.name,
        field=measure.value,
        unit=measure.unit,
        side=Side.LEFT if exercise.unilateral else Side.BOTH,
        ladder=ladder,
        resistance_key=planned.get("resistance_key", ladder[0][0]),
        planned=planned.get("prescription", ""),
    )


def moves_to_log(
    uow: UnitOfWork, user_id: str, session: TrainingSession, sets: list[LoggedSet], extra: str
) -> list[MoveForm]:
    """The planned session's moves (when the day had one), then the moves logged in it, then
    `extra` (a catalogue key the person picked), each once."""
    catalogue = load_catalogue()
    found: dict[str, MoveForm] = {}
    owned: frozenset[Equipment] | None = None
    try:
        plan = training.current_plan(uow=uow, user_id=user_id)
    except NoPlanError:
        plan = None
    if plan is not None:
        owned = plan.profile.owned
        slot = None
        if session.plan_week is not None and session.plan_session is not None:
            slot = training.planned_slot(plan, session.plan_week, session.plan_session)
        for _, item in slot.entries if slot else ():
            key = item.exercise
            if key and key in catalogue and not item.is_warmup and key not in found:
                found[key] = _move(
                    catalogue.get(key),
                    owned,
                    resistance_key=item.resistance_key,
                    prescription=item.prescription(),
                )
    for key in [s.exercise for s in sets] + [extra]:
        if key and key in catalogue and key not in found:
            found[key] = _move(catalogue.get(key), owned)
    return list(found.values())
