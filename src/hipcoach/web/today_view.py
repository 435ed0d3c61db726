"""Today's session as cards of set rows: what is done, what is next, and each set's form."""

from __future__ import annotations

from collections import defaultdict, deque
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from markupsafe import Markup

from hipcoach.content.loader import load_catalogue
from hipcoach.domain import recall as recall_rules
from hipcoach.domain.catalogue import Exercise, Measure
from hipcoach.domain.errors import NotFoundError
from hipcoach.domain.log import LoggedSet, Side, SkippedMove, TrainingSession
from hipcoach.domain.profile import Profile
from hipcoach.domain.progression import STOP_PAIN
from hipcoach.domain.recall import LastTime
from hipcoach.domain.vocabulary import label
from hipcoach.formats.plan_text import dose_text
from hipcoach.services import figures, logbook, progress, recall, training
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.training import TodayItem, TodayView

LOOKAHEAD_SESSIONS = 6


@dataclass(frozen=True, slots=True)
class SetRow:
    """One set to do (or done) on one side."""

    number: int
    side: Side
    set_id: str
    done: LoggedSet | None = None


@dataclass(frozen=True, slots=True)
class Card:
    """One item of the session: how-to, prescription, reason, timers and set rows."""

    anchor: str
    block: str
    item: TodayItem
    exercise: Exercise | None
    dose: str
    rows: tuple[SetRow, ...] = ()
    ladder: tuple[tuple[str, str], ...] = ()
    hold_s: int | None = None
    options: tuple[tuple[str, str], ...] = ()  # (key, name) of the moves it may be swapped for
    figure: Markup | None = None
    last: LastTime | None = None  # the move's sets in the latest earlier session
    best: tuple[str, int] | None = None  # (rung, most in one earlier set at it)
    records: tuple[recall_rules.Record, ...] = ()  # bests broken by today's sets
    skipped: SkippedMove | None = None  # left out of today's session on purpose

    @property
    def loggable(self) -> bool:
        """Catalogue moves with a prescription are logged set by set, unless paused."""
        return self.item.next is not None and not self.stopped

    @property
    def stopped(self) -> bool:
        """Pain has paused the move: show the referral, not set forms."""
        return self.item.paused

    @property
    def field(self) -> str:
        """reps, steps or hold_seconds."""
        return self.item.planned.measure.value

    @property
    def unit(self) -> str:
        """reps, steps or s."""
        return self.item.planned.measure.unit

    @property
    def rest_s(self) -> int:
        """Rest after each set (or after both sides)."""
        return self.item.planned.rest_seconds

    @property
    def target_rir(self) -> int:
        """Reps to keep in reserve."""
        return self.item.planned.target_rir or 0

    def label_for(self, resistance_key: str) -> str:
        """The readable name of a ladder step."""
        return dict(self.ladder).get(resistance_key, resistance_key.replace("_", " "))

    @property
    def amount_label(self) -> str:
        """What the amount input asks for."""
        return {"hold_seconds": "Seconds held", "steps": "Steps"}.get(self.field, "Reps")

    @property
    def worst_pain(self) -> int:
        """The highest pain logged for this move today."""
        return max((r.done.pain for r in self.rows if r.done is not None), default=0)

    @property
    def pain_stop(self) -> bool:
        """Pain today reached the stop threshold: no more sets of this move today."""
        return self.worst_pain >= STOP_PAIN

    @property
    def remaining(self) -> int:
        """Set rows still to log."""
        return sum(1 for r in self.rows if r.done is None)

    @property
    def groups(self) -> list[tuple[SetRow, ...]]:
        """The set rows by set number: a per-side move's left and right share one row."""
        found: dict[int, list[SetRow]] = {}
        for row in self.rows:
            found.setdefault(row.number, []).append(row)
        return [tuple(rows) for rows in found.values()]

    @property
    def sets_done(self) -> int:
        """Set rows fully logged: a per-side set counts once, when both its sides are in."""
        return sum(1 for g in self.groups if all(r.done for r in g))

    def last_of(self, group: tuple[SetRow, ...]) -> tuple[LoggedSet, ...]:
        """What the same set did last session, side by side (set n against set n, left
        against left); empty when last time had no such set."""
        if self.last is None:
            return ()
        found = (self.last.set_at(row.number, row.side) for row in group)
        return tuple(logged for logged in found if logged is not None)

    def to_log(self, group: tuple[SetRow, ...]) -> bool:
        """The set row still has a side to log today (not stopped for pain, not left out)."""
        return (
            self.loggable
            and not self.pain_stop
            and self.skipped is None
            and any(r.done is None for r in group)
        )

    @property
    def last_beside_sets(self) -> bool:
        """Some set still to log shows its own "last time" (so the card need not repeat it)."""
        return any(self.to_log(g) and self.last_of(g) for g in self.groups)

    @property
    def collapsed(self) -> bool:
        """Every set is logged (and no pain to stop for): the card folds to one line."""
        return self.loggable and bool(self.rows) and self.remaining == 0 and not self.pain_stop

    def pair_aim(self, group: tuple[SetRow, ...]) -> str:
        """A per-side row's aim: "10 reps each side", or each side's when they differ."""
        aims = [
            (row.side.value, item.aim) for row in group if (item := self.item.for_side(row.side))
        ]
        if len({aim for _, aim in aims}) == 1:
            return f"{aims[0][1]} {self.unit} each side"
        return ", ".join(f"{side} {aim}" for side, aim in aims) + f" {self.unit}"

    def rests_after(self, set_id: str) -> bool:
        """Rest is due after this set: it finished its row (both sides) and sets remain."""
        group = next((g for g in self.groups if any(r.done and r.done.id == set_id for r in g)), ())
        return bool(group) and all(r.done for r in group) and self.remaining > 0


@dataclass(slots=True)
class TodayPage:
    """Everything the Today page shows."""

    view: TodayView
    session: TrainingSession
    cards: list[Card] = field(default_factory=list)
    stored: bool = False
    day: date = date.min  # today, for the person
    first_day: date = date.min  # the plan's first day: the earliest a past session may be
    new_session_id: str = ""  # for the "log a past session" form (a retry opens it once)

    @property
    def sections(self) -> list[tuple[str, list[Card], bool]]:
        """Cards grouped by block; a block of plain items (warm-up, cool-down) is compact."""
        groups: list[tuple[str, list[Card], bool]] = []
        for card in self.cards:
            if not groups or groups[-1][0] != card.block:
                groups.append((card.block, [], True))
            groups[-1][1].append(card)
        return [
            (block, cards, not any(c.item.next is not None for c in cards))
            for block, cards, _ in groups
        ]

    @property
    def total(self) -> int:
        """Sets prescribed today, counted as the cards count them: a per-side set (left and
        right) is one set; a move left out counts only its sets already logged."""
        return sum(len(c.groups) if c.skipped is None else c.sets_done for c in self.cards)

    @property
    def done(self) -> int:
        """Sets logged so far (a per-side set once both sides are in)."""
        return sum(c.sets_done for c in self.cards)

    @property
    def finished(self) -> bool:
        """Every prescribed set of today is logged (or stopped for pain, or the move left out)."""
        return self.total > 0 and all(
            c.remaining == 0 or c.pain_stop or c.skipped is not None for c in self.cards if c.rows
        )

    @property
    def skips(self) -> list[tuple[str, SkippedMove]]:
        """(move, skip) for each move left out today."""
        return [(c.item.planned.name, c.skipped) for c in self.cards if c.skipped is not None]

    @property
    def records(self) -> list[tuple[Card, recall_rules.Record]]:
        """Every best broken today, move by move."""
        return [(c, r) for c in self.cards for r in c.records]

    @property
    def pains(self) -> list[tuple[str, int]]:
        """(move, highest pain) for each move with pain logged today, worst first."""
        hurt = [(c.item.planned.name, c.worst_pain) for c in self.cards if c.worst_pain > 0]
        return sorted(hurt, key=lambda pair: -pair[1])


def current_view(uow: UnitOfWork, user_id: str, day: date) -> TodayView:
    """Today's planned session, or the next one when the latest logged day already did it."""
    view = training.todays_session(uow=uow, user_id=user_id, today=day)
    latest, _ = progress.recent_sessions(uow=uow, user_id=user_id, limit=1)
    if latest and latest[0].date != day:
        last = latest[0]
        if (last.plan_week, last.plan_session) == (view.session.week, view.session.number):
            later = view.session.date + timedelta(days=1)
            with suppress(NotFoundError):
                view = training.todays_session(uow=uow, user_id=user_id, today=later)
    return view


def logged_sets(uow: UnitOfWork, user_id: str, session: TrainingSession) -> list[LoggedSet] | None:
    """The sets of a stored session, or None when the session is not stored yet."""
    try:
        return logbook.get_session_with_sets(uow=uow, user_id=user_id, session_id=session.id)[1]
    except NotFoundError:
        return None


def _sides(item: TodayItem) -> tuple[Side, ...]:
    return (Side.LEFT, Side.RIGHT) if item.planned.per_side else (Side.BOTH,)


def _figure(item: TodayItem, drawn: set[str]) -> Markup | None:
    """The animated figure of the move (once per page: its SVG ids must be unique), in the
    version of its equipment when there is one; warm-up items by their name."""
    planned = item.planned
    key = planned.exercise or planned.name
    if key in drawn:
        return None
    drawn.add(key)
    found = figures.item_figure(
        exercise=planned.exercise,
        name=planned.name,
        equipment=planned.equipment.value,
        resistance_key=item.next.resistance_key if item.next else planned.resistance_key,
    )
    return None if found is None else Markup(found.svg)  # an item may have no drawing yet


def _card(
    index: int,
    item: TodayItem,
    profile: Profile,
    pools: dict[tuple[str, Side], deque[LoggedSet]],
    drawn: set[str],
    memory: dict[str, recall.MoveMemory],
) -> Card:
    catalogue = load_catalogue()
    key = item.planned.exercise
    exercise = catalogue.get(key) if key and key in catalogue else None
    card = Card(
        anchor=f"card-{index}",
        block=label(item.block),
        item=item,
        exercise=exercise,
        dose=item.prescription() if item.next else dose_text(item.planned),
        hold_s=item.planned.target[1] if item.planned.measure is Measure.SECONDS else None,
        figure=_figure(item, drawn),
        options=tuple(
            (k, catalogue.get(k).name) for k in item.options if k != item.planned.exercise
        ),
    )
    if exercise is None or item.next is None:
        return card
    if card.stopped:  # paused for pain: only what was already logged today, to see or undo
        rows = [
            SetRow(number, side, logged.id, logged)
            for side in _sides(item)
            for number, logged in enumerate(pools[(exercise.key, side)], 1)
        ]
        return replace(card, rows=tuple(rows))
    rows = []
    most = max(s.sets for s in item.sides)
    for number in range(1, most + 1):
        for side in _sides(item):
            prescribed = item.for_side(side)
            if prescribed is None or prescribed.sets < number:
                continue
            pool = pools[(exercise.key, side)]
            done = pool.popleft() if pool else None
            rows.append(SetRow(number, side, training.new_id(), done))
    ladder = tuple((s.key, s.label) for s in exercise.ladder(profile.owned))
    remembered = memory.get(exercise.key)
    rung = item.next.resistance_key
    top = remembered.best_at(rung) if remembered else None
    return replace(  # everything the first card had (its figure too), plus the log rows
        card,
        item=item,
        exercise=exercise,
        rows=tuple(rows),
        ladder=ladder,
        last=remembered.last if remembered else None,
        best=None if top is None else (rung, top),
        records=recall_rules.records(
            [r.done for r in rows if r.done is not None],
            remembered.bests if remembered else {},
            exercise.key,
        ),
    )


def today_page(uow: UnitOfWork, user_id: str, day: date) -> TodayPage:
    """Build the Today page for a person on a day."""
    view = current_view(uow, user_id, day)
    profile = training.current_plan(uow=uow, user_id=user_id).profile
    session = training.session_for(uow=uow, user_id=user_id, day=day, planned=view.session)
    sets = logged_sets(uow, user_id, session)
    pools: dict[tuple[str, Side], deque[LoggedSet]] = defaultdict(deque)
    for logged in sets or []:
        pools[(logged.exercise, logged.side)].append(logged)
    result = TodayPage(
        view,
        session,
        stored=sets is not None,
        day=day,
        first_day=profile.start,
        new_session_id=training.new_id(),
    )
    drawn: set[str] = set()
    memory = recall.remembered(
        uow=uow,
        user_id=user_id,
        before=session.date,
        exercises={i.planned.exercise for i in view.items if i.planned.exercise},
    )
    result.cards = [
        _card(i, item, profile, pools, drawn, memory) for i, item in enumerate(view.items, 1)
    ]
    if sets is not None:  # a stored session may have moves left out
        left_out = {
            s.exercise: s for s in logbook.skips_of(uow=uow, user_id=user_id, session_id=session.id)
        }
        result.cards = [
            replace(c, skipped=left_out.get(c.exercise.key)) if c.exercise else c
            for c in result.cards
        ]
    return result


def next_time(
    uow: UnitOfWork, user_id: str, after: date, exercises: set[str]
) -> dict[str, tuple[date, TodayItem]]:
    """For each exercise, its next planned appearance after `after` with the new prescription."""
    found: dict[str, tuple[date, TodayItem]] = {}
    day = after + timedelta(days=1)
    for _ in range(LOOKAHEAD_SESSIONS):
        try:
            view = training.todays_session(uow=uow, user_id=user_id, today=day)
        except NotFoundError:
            break
        for item in view.items:
            key = (item.original or item.planned).exercise
            if key in exercises and key not in found and item.next is not None:
                found[key] = (view.session.date, item)
        if exercises <= found.keys():
            break
        day = view.session.date + timedelta(days=1)
    return found
