"""Virtual trainees: a deterministic model of a person, training through the real services.

A trainee has a capacity per exercise and side: the reps (steps, or seconds / 2.5 for holds)
they could do at the easiest rung when fresh. Each rung costs `RUNG_COST` of it, each set after
the first one more, and every session done grows it by the trainee's `growth`. A trainee does
what Today prescribes: the aim when they can (or everything they can, if `keen`), stopping
when they can go no further; they report effort as reps in reserve, and pain when their story
says so. They can be away for weeks (capacity fades), skip sessions (seeded), carry a weaker
side, or hurt their hip once. Nothing here knows the engine's rules: it only reads Today and
logs sets, as a person with the app would.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Measure, PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.ladder import step_index
from hipcoach.domain.log import LoggedSet, Side
from hipcoach.domain.plan import BlockKind
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.progression import Action
from hipcoach.services import logbook, training
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.training import TodayItem, TodayView

UnitOfWorkFactory = Callable[[], UnitOfWork]
RUNG_COST = 3.0
HOLD_SCALE = 2.5
START = date(2026, 1, 5)  # a Monday


@dataclass(frozen=True)
class Story:
    """Who the trainee is and what happens to them."""

    name: str
    profile: Profile
    capacity: float = 16.0  # at the easiest rung, fresh, stronger side
    growth: float = 0.6  # capacity gained per session done
    keen: bool = False  # does all they can, not just the aim
    weak_share: float = 1.0  # the right side's capacity, as a share of the left's
    attendance: float = 1.0  # chance of turning up to a planned session
    away: tuple[int, int] | None = None  # (first week away, weeks away)
    pain_week: int | None = None  # the week they hurt their hip (pain 7, left hip)
    seed: int = 0


@dataclass
class Entry:
    """One item of one session, as the trainee saw and did it."""

    day: date
    week: int
    deload: bool
    exercise: str
    block: BlockKind
    side: Side
    action: Action
    sets: int
    aim: int
    rung: int
    low: int
    target_rir: int
    unit: str
    resistance: str
    done: tuple[int, ...]
    rirs: tuple[int, ...]
    pain: int
    met: bool
    paused: bool
    reason: str
    because: str = ""  # why the move stands in the plan's place, when it does


@dataclass
class Trace:
    """Everything a trainee saw and did, in order."""

    story: Story
    entries: list[Entry] = field(default_factory=list)
    refer_days: list[date] = field(default_factory=list)
    restarted: list[date] = field(default_factory=list)
    sessions: list[date] = field(default_factory=list)
    gaps: list[tuple[date, str, str]] = field(default_factory=list)

    def of(self, exercise: str, side: Side) -> list[Entry]:
        """One exercise and side's entries, oldest first."""
        return [e for e in self.entries if e.exercise == exercise and e.side is side]

    def series(self) -> dict[tuple[str, Side], list[Entry]]:
        """Every working exercise and side's entries."""
        out: dict[tuple[str, Side], list[Entry]] = {}
        for e in self.entries:
            if e.block is BlockKind.WORKING:
                out.setdefault((e.exercise, e.side), []).append(e)
        return out

    def most_steps_up(self) -> int:
        """The most times one move and side went up its ladder, one rung at a time: a
        year with a break is judged by how often it climbed, since a return after weeks
        away rightly starts lower and climbs again."""
        return max(
            (
                sum(b.rung > a.rung for a, b in itertools.pairwise(entries))
                for entries in self.series().values()
            ),
            default=0,
        )


def profile(
    level: Level = Level.BEGINNER,
    goal: Goal = Goal.MUSCLE,
    equipment: frozenset[Equipment] = frozenset({Equipment.ANKLE_WEIGHTS}),
    days: tuple[Weekday, ...] = (Weekday.MON, Weekday.THU),
    minutes: int = 30,
    weeks: int = 12,
    seed: int = 0,
) -> Profile:
    return Profile(
        level=level,
        goal=goal,
        days=days,
        minutes=minutes,
        start=START,
        weeks=weeks,
        equipment=equipment,
        seed=seed,
    )


class Trainee:
    """A person with a body (capacities) and a story, using the app day by day."""

    def __init__(self, story: Story, user_id: str) -> None:
        self.story = story
        self.user_id = user_id
        self.capacity: dict[tuple[str, Side], float] = {}
        self.random = random.Random(story.seed)
        self.trace = Trace(story)
        self.hurt = False

    def _cap(self, exercise: str, side: Side) -> float:
        key = (exercise, side)
        if key not in self.capacity:
            share = self.story.weak_share if side is Side.RIGHT else 1.0
            jitter = 1.0 + self.random.uniform(-0.1, 0.1)
            self.capacity[key] = self.story.capacity * share * jitter
        return self.capacity[key]

    def _away(self, day: date) -> bool:
        if self.story.away is None:
            return False
        first, weeks = self.story.away
        begin = START + timedelta(weeks=first - 1)
        return begin <= day < begin + timedelta(weeks=weeks)

    def _fade(self, days: int) -> None:
        if days > 14:
            lost = 1.0 - min(0.5, 0.03 * (days - 14) / 7)
            for key in self.capacity:
                self.capacity[key] *= lost

    def live(self, make: UnitOfWorkFactory, weeks: int) -> Trace:
        """Start the plan, then go through every day of `weeks` weeks."""
        now = datetime(START.year, START.month, START.day, 7, tzinfo=UTC) - timedelta(days=1)
        training.start_program(
            uow=make(),
            user_id=self.user_id,
            name=self.story.name,
            profile=self.story.profile,
            now=now,
        )
        last: date | None = None
        plan = training.current_plan(uow=make(), user_id=self.user_id)
        for offset in range(weeks * 7):
            day = START + timedelta(days=offset)
            if self._away(day):
                continue
            planned = plan.plan.next_session(day)
            if planned is None or planned.date != day:
                continue
            if self.random.random() > self.story.attendance:
                continue
            view = training.todays_session(uow=make(), user_id=self.user_id, today=day)
            if last is not None:
                self._fade((day - last).days)
            if view.offer_restart:
                at = datetime(day.year, day.month, day.day, 6, tzinfo=UTC)
                training.restart_calendar(uow=make(), user_id=self.user_id, day=day, now=at)
                self.trace.restarted.append(day)
                plan = training.current_plan(uow=make(), user_id=self.user_id)
                view = training.todays_session(uow=make(), user_id=self.user_id, today=day)
            if view.session.date != day:
                continue
            self._train(make(), view, day)
            last = day
        return self.trace

    def _train(self, uow: UnitOfWork, view: TodayView, day: date) -> None:
        week = view.session.week
        if view.refer:
            self.trace.refer_days.append(day)
        session = training.session_for(uow=uow, user_id=self.user_id, day=day, planned=view.session)
        sets: list[LoggedSet] = []
        at = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
        hurt_today = (
            self.story.pain_week is not None and week >= self.story.pain_week and not self.hurt
        )
        for item in view.items:
            for made in self._do(item, session.id, at, view, hurt_today=hurt_today):
                sets.extend(made)
                if made and made[0].pain >= 7:
                    self.hurt = True
                    hurt_today = False
        if sets:
            logbook.log_session(uow=uow, user_id=self.user_id, session=session, sets=sets)
            self.trace.sessions.append(day)

    def _do(
        self,
        item: TodayItem,
        session_id: str,
        at: datetime,
        view: TodayView,
        *,
        hurt_today: bool,
    ) -> list[list[LoggedSet]]:
        key = item.planned.exercise
        if key is None or not item.sides:
            return []
        if item.gap is not None:
            self.trace.gaps.append((view.session.date, key, item.gap.advice))
        ladder = load_catalogue().get(key).ladder(self.story.profile.owned)
        out: list[list[LoggedSet]] = []
        for rx in item.sides:
            rung = max(step_index(ladder, rx.resistance_key), 0)
            entry = Entry(
                view.session.date,
                view.session.week,
                view.session.deload,
                key,
                item.block,
                rx.side,
                rx.action,
                rx.sets,
                rx.aim,
                rung,
                rx.target[0],
                item.planned.target_rir or 0,
                item.planned.measure.unit,
                rx.resistance_label,
                (),
                (),
                0,
                False,
                rx.paused,
                rx.reason,
                item.because if item.original else "",
            )
            self.trace.entries.append(entry)
            if rx.paused:
                continue
            scale = HOLD_SCALE if item.planned.measure is Measure.SECONDS else 1.0
            side = rx.side if rx.side is not Side.BOTH else Side.LEFT
            base = self._cap(key, side) - RUNG_COST * rung
            done: list[int] = []
            rirs: list[int] = []
            made: list[LoggedSet] = []
            pain = 0
            for number in range(rx.sets):
                can = max(1, int((base - number) * scale))
                amount = can if self.story.keen else min(rx.aim, can)
                amount = min(amount, 30 if scale == 1.0 else 120)
                rir = max(0, min(5, int((can - amount) / scale)))
                pain = 7 if hurt_today and item.block is BlockKind.WORKING and not made else 0
                done.append(amount)
                rirs.append(rir)
                made.append(
                    LoggedSet(
                        id=training.new_id(),
                        session_id=session_id,
                        exercise=key,
                        side=rx.side,
                        logged_at=at + timedelta(seconds=len(made) + 60 * len(out)),
                        resistance_key=rx.resistance_key,
                        rir=rir,
                        pain=pain,
                        pain_area=PainArea.HIP if pain else None,
                        pain_side=Side.LEFT if pain else None,
                        reps=amount if item.planned.measure is Measure.REPS else None,
                        steps=amount if item.planned.measure is Measure.STEPS else None,
                        hold_seconds=amount if item.planned.measure is Measure.SECONDS else None,
                    )
                )
                if pain >= 7:
                    break  # the trainee stops the move, as the app says
            target = item.planned.target_rir or 0
            entry.done, entry.rirs, entry.pain = tuple(done), tuple(rirs), pain
            entry.met = len(done) >= rx.sets and all(
                d >= rx.aim and r + d - rx.aim >= target - 1
                for d, r in zip(done, rirs, strict=True)
            )
            self.capacity[(key, side)] = self._cap(key, side) + self.story.growth
            out.append(made)
        return out
