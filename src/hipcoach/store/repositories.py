"""The services' storage ports over SQL. Every statement is scoped to one user; none commits.

`add` is idempotent and race-safe: INSERT ... ON CONFLICT DO NOTHING on the primary key, so
a retried save (or two devices saving the same record at once) stores it exactly once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, Text, cast, delete, func, select, tuple_, update
from sqlalchemy.exc import IntegrityError

from hipcoach.domain.account import PlanChoice, StoredPlan, User
from hipcoach.domain.appearance import Appearance
from hipcoach.domain.errors import NotFoundError
from hipcoach.domain.limits import IMPORT_BATCH
from hipcoach.domain.log import LoggedSet, Measurement, OwnSet, Side, SkippedMove, TrainingSession
from hipcoach.domain.pain import PainReport
from hipcoach.domain.progress import SetTally
from hipcoach.domain.selftest import SelfTestResult
from hipcoach.store import mapping
from hipcoach.store.sql import SqlRepository
from hipcoach.store.tables import (
    logged_set,
    own_set,
    plan_choice,
    self_test_result,
    skipped_move,
    training_session,
)
from hipcoach.store.tables import measurement as measurement_table
from hipcoach.store.tables import plan as plan_table
from hipcoach.store.tables import user as user_table


class SqlUserRepository(SqlRepository):
    def get(self, user_id: str) -> User | None:
        row = self._run(select(user_table).where(user_table.c.id == user_id)).mappings().first()
        return mapping.user_from_row(row) if row else None

    def add(self, user: User) -> None:
        self._insert_new(user_table, mapping.user_to_row(user), ["id"])

    def set_time_zone(self, user_id: str, time_zone: str | None) -> bool:
        """Store the user's time zone (an IANA name; None: the server's); False if no user."""
        statement = update(user_table).where(user_table.c.id == user_id)
        return self._counted(statement.values(time_zone=time_zone)) == 1

    def set_appearance(self, user_id: str, appearance: Appearance) -> bool:
        """Store the colour scheme the user's pages use; False if no user."""
        statement = update(user_table).where(user_table.c.id == user_id)
        return self._counted(statement.values(appearance=appearance.value)) == 1

    def delete(self, user_id: str) -> bool:
        """Remove the user; ON DELETE CASCADE removes every row that belongs to them."""
        return self._run(delete(user_table).where(user_table.c.id == user_id)).rowcount == 1


PLANS_READ = 2  # plans held in memory at once while they are read one after the other
ROWS_READ = 1000  # sessions or sets held in memory at once while they are streamed


class SqlPlanRepository(SqlRepository):
    def add(self, plan: StoredPlan) -> None:
        self._insert_new(plan_table, mapping.plan_to_row(plan), ["user_id", "id"])

    def current(self, user_id: str) -> StoredPlan | None:
        """The newest plan of the user."""
        document = cast(plan_table.c.document, Text).label("document")
        query = (
            select(plan_table.c.id, plan_table.c.user_id, plan_table.c.created_at, document)
            .where(plan_table.c.user_id == user_id)
            .order_by(plan_table.c.created_at.desc(), plan_table.c.id.desc())
            .limit(1)
        )
        row = self._run(query).mappings().first()
        return mapping.plan_from_row(row) if row else None

    def all(self, user_id: str) -> list[StoredPlan]:
        """Every plan of the user, oldest first (for export and import)."""
        query = (
            select(plan_table)
            .where(plan_table.c.user_id == user_id)
            .order_by(plan_table.c.created_at, plan_table.c.id)
        )
        return [mapping.plan_from_row(row) for row in self._run(query).mappings()]

    def each(self, user_id: str) -> Iterator[StoredPlan]:
        """Every plan of the user, oldest first, PLANS_READ at a time (one is up to ~1 MB)."""
        query = (
            select(plan_table)
            .where(plan_table.c.user_id == user_id)
            .order_by(plan_table.c.created_at, plan_table.c.id)
            .execution_options(yield_per=PLANS_READ)
        )
        return (mapping.plan_from_row(row) for row in self._run(query).mappings())

    def prune(self, user_id: str, keep: int) -> int:
        """Delete every plan of the user but the newest `keep`; their choices cascade away."""
        newest = (
            select(plan_table.c.id)
            .where(plan_table.c.user_id == user_id)
            .order_by(plan_table.c.created_at.desc(), plan_table.c.id.desc())
            .limit(keep)
        )
        statement = delete(plan_table).where(
            plan_table.c.user_id == user_id, plan_table.c.id.not_in(newest.scalar_subquery())
        )
        return self._counted(statement)


_USER_SCOPED_KEY = ["user_id", "id"]


class SqlChoiceRepository(SqlRepository):
    def set(self, user_id: str, choice: PlanChoice) -> None:
        """Store or replace the choice for its plan and slot.

        The (user_id, plan_id) foreign key proves the plan is the user's in the same
        statement; a missing plan raises NotFoundError.
        """
        row = mapping.choice_to_row(user_id, choice)
        try:
            self._upsert(plan_choice, row, ["user_id", "plan_id", "slot"])
        except IntegrityError as exc:
            if not _foreign_key_failed(exc):
                raise
            raise NotFoundError(f"No plan {choice.plan_id}.", field="plan") from None

    def for_plan(self, user_id: str, plan_id: str) -> list[PlanChoice]:
        """The choices of one plan, by slot."""
        return self._select(user_id, plan_choice.c.plan_id == plan_id)

    def delete(self, user_id: str, plan_id: str, slot: str) -> bool:
        """Forget the choice for a slot; False if there was none."""
        statement = delete(plan_choice).where(
            plan_choice.c.user_id == user_id,
            plan_choice.c.plan_id == plan_id,
            plan_choice.c.slot == slot,
        )
        return self._run(statement).rowcount == 1

    def all(self, user_id: str) -> list[PlanChoice]:
        """Every choice of every plan of the user (for export)."""
        return self._select(user_id)

    def _select(self, user_id: str, *conditions: Any) -> list[PlanChoice]:
        query = (
            select(plan_choice)
            .where(plan_choice.c.user_id == user_id, *conditions)
            .order_by(plan_choice.c.plan_id, plan_choice.c.slot)
        )
        return [mapping.choice_from_row(row) for row in self._run(query).mappings()]


class SqlSessionRepository(SqlRepository):
    def add(self, user_id: str, session: TrainingSession) -> bool:
        """Store a new session; False (and no change) if its id already exists for the user,
        or the user already has a session in its plan slot on its day (one unique index)."""
        return self._insert_unless_taken(training_session, mapping.session_to_row(user_id, session))

    def get(self, user_id: str, session_id: str) -> TrainingSession | None:
        found = self._select(user_id, training_session.c.id == session_id)
        return found[0] if found else None

    def update(self, user_id: str, session: TrainingSession) -> bool:
        """Replace a session if its stored version is `session.version - 1`; False otherwise."""
        values = mapping.session_to_row(user_id, session)
        del values["user_id"], values["id"]
        statement = (
            update(training_session)
            .where(
                training_session.c.user_id == user_id,
                training_session.c.id == session.id,
                training_session.c.version == session.version - 1,
            )
            .values(values)
        )
        return self._run(statement).rowcount == 1

    def delete(self, user_id: str, session_id: str) -> bool:
        """Remove a session and its sets (the foreign key cascades); False if there was none."""
        statement = delete(training_session).where(
            training_session.c.user_id == user_id, training_session.c.id == session_id
        )
        return self._run(statement).rowcount == 1

    def between(self, user_id: str, first: date, last: date) -> list[TrainingSession]:
        """Sessions dated first..last inclusive, oldest first."""
        return self._select(user_id, training_session.c.date.between(first, last))

    def days(self, user_id: str, first: date, last: date) -> list[date]:
        """The days with a session, first..last inclusive, oldest first."""
        query = (
            select(training_session.c.date)
            .where(training_session.c.user_id == user_id)
            .where(training_session.c.date.between(first, last))
            .order_by(training_session.c.date)
            .distinct()
        )
        return list(self._run(query).scalars())

    def latest(self, user_id: str, limit: int) -> list[TrainingSession]:
        """The newest `limit` sessions, newest first."""
        if limit <= 0:
            return []
        query = (
            select(training_session)
            .where(training_session.c.user_id == user_id)
            .order_by(training_session.c.date.desc(), training_session.c.id.desc())
            .limit(limit)
        )
        return [mapping.session_from_row(row) for row in self._run(query).mappings()]

    def all(self, user_id: str) -> list[TrainingSession]:
        """Every session, oldest first (for export)."""
        return self._select(user_id)

    def each(self, user_id: str) -> Iterator[TrainingSession]:
        """Every session, oldest first, ROWS_READ at a time."""
        query = (
            select(training_session)
            .where(training_session.c.user_id == user_id)
            .order_by(training_session.c.date, training_session.c.id)
            .execution_options(yield_per=ROWS_READ)
        )
        return (mapping.session_from_row(row) for row in self._run(query).mappings())

    def _select(self, user_id: str, *conditions: Any) -> list[TrainingSession]:
        query = (
            select(training_session)
            .where(training_session.c.user_id == user_id, *conditions)
            .order_by(training_session.c.date, training_session.c.id)
        )
        return [mapping.session_from_row(row) for row in self._run(query).mappings()]


EXPOSURE_WINDOW = 12  # sets of the move read per wanted session before the window widens


def exposures_query(user_id: str, exercise: str, window: int) -> Select[Any]:
    """The newest `window` sets of one exercise (session id and time), newest first.

    Reads backwards along the (user_id, exercise, logged_at) index and stops after `window`
    rows, so the cost depends on how many sessions are wanted, not on the length of the log.
    """
    return (
        select(logged_set.c.session_id, logged_set.c.logged_at)
        .where(logged_set.c.user_id == user_id, logged_set.c.exercise == exercise)
        .order_by(logged_set.c.logged_at.desc(), logged_set.c.id.desc())
        .limit(window)
    )


_LOGGED_ORDER = (logged_set.c.logged_at, logged_set.c.id)


def _foreign_key_failed(exc: IntegrityError) -> bool:
    """PostgreSQL reports SQLSTATE 23503; SQLite says so in its message."""
    code = getattr(exc.orig, "sqlstate", None)
    return code == "23503" or "FOREIGN KEY constraint failed" in str(exc.orig)


class SqlSetRepository(SqlRepository):
    def add(self, user_id: str, logged: LoggedSet) -> bool:
        """Store a new set; False (and no change) if its id already exists for the user.

        The (user_id, session_id) foreign key proves the session is this user's in the same
        statement; a missing session raises NotFoundError.
        """
        row = mapping.set_to_row(user_id, logged)
        try:
            return self._insert_new(logged_set, row, _USER_SCOPED_KEY)
        except IntegrityError as exc:
            if not _foreign_key_failed(exc):
                raise
            raise NotFoundError(f"No session {logged.session_id}.", field="session_id") from None

    def add_many(self, user_id: str, sets: Sequence[LoggedSet]) -> frozenset[str]:
        """Store new sets in one INSERT ... ON CONFLICT DO NOTHING RETURNING id (one round
        trip for a whole outbox); the ids stored."""
        if not sets:
            return frozenset()
        rows = [mapping.set_to_row(user_id, logged) for logged in sets]
        return self._insert_new_many(logged_set, rows, _USER_SCOPED_KEY)

    def get(self, user_id: str, set_id: str) -> LoggedSet | None:
        found = self._select(user_id, logged_set.c.id == set_id)
        return found[0] if found else None

    def delete(self, user_id: str, set_id: str) -> bool:
        statement = delete(logged_set).where(
            logged_set.c.user_id == user_id, logged_set.c.id == set_id
        )
        return self._run(statement).rowcount == 1

    def replace(self, user_id: str, logged: LoggedSet) -> bool:
        """Give the stored set with this id, in this session, these values; False if none.

        One UPDATE, so concurrent corrections each land in turn (PostgreSQL queues them on the
        row lock) and none can vanish between a delete and an insert."""
        values = mapping.set_to_row(user_id, logged)
        for key in ("user_id", "id", "session_id"):
            del values[key]
        statement = (
            update(logged_set)
            .where(
                logged_set.c.user_id == user_id,
                logged_set.c.id == logged.id,
                logged_set.c.session_id == logged.session_id,
            )
            .values(values)
        )
        return self._run(statement).rowcount == 1

    def for_sessions(self, user_id: str, session_ids: list[str]) -> list[LoggedSet]:
        """Every set of the given sessions, in logged order."""
        if not session_ids:
            return []
        return self._select(user_id, logged_set.c.session_id.in_(session_ids))

    def page(
        self, user_id: str, session_id: str, *, after: LoggedSet | None, limit: int
    ) -> list[LoggedSet]:
        """Up to `limit` sets of one session in logged order, after `after` (a keyset: sets
        logged meanwhile never shift a page, and each page is one index range)."""
        conditions = [logged_set.c.session_id == session_id]
        if after is not None:
            conditions.append(tuple_(*_LOGGED_ORDER) > tuple_(after.logged_at, after.id))
        query = (
            select(logged_set)
            .where(logged_set.c.user_id == user_id, *conditions)
            .order_by(*_LOGGED_ORDER)
            .limit(limit)
        )
        return [mapping.set_from_row(row) for row in self._run(query).mappings()]

    def span(
        self, user_id: str, session_id: str, since: datetime, until: datetime
    ) -> tuple[int, datetime | None, datetime | None]:
        """How many of a session's sets were logged in [since, until), and the first and
        last of those times: one aggregate over the session's index range."""
        moment = logged_set.c.logged_at
        query = select(func.count(), func.min(moment), func.max(moment)).where(
            logged_set.c.user_id == user_id,
            logged_set.c.session_id == session_id,
            moment >= mapping.to_utc(since),
            moment < mapping.to_utc(until),
        )
        count, first, last = tuple(self._run(query).one())
        return (
            int(count),
            mapping.from_db(first) if first is not None else None,
            mapping.from_db(last) if last is not None else None,
        )

    def pain_reports(self, user_id: str, first: date, last: date) -> list[PainReport]:
        """The worst pain reported during sets on days first..last, per day, move and place
        (the pain model reads a day's worst), oldest first."""
        columns = (
            training_session.c.date,
            logged_set.c.pain_area,
            logged_set.c.pain_side,
            logged_set.c.exercise,
        )
        query = (
            select(*columns, func.max(logged_set.c.pain).label("pain"))
            .join(
                training_session,
                (training_session.c.user_id == logged_set.c.user_id)
                & (training_session.c.id == logged_set.c.session_id),
            )
            .where(logged_set.c.user_id == user_id, logged_set.c.pain > 0)
            .where(training_session.c.date.between(first, last))
            .group_by(*columns)
            .order_by(*columns)
        )
        return [mapping.pain_report_from_row(row) for row in self._run(query).mappings()]

    def exposures(
        self, user_id: str, exercise: str, limit: int
    ) -> list[tuple[TrainingSession, list[LoggedSet]]]:
        """The newest `limit` sessions that included the exercise, newest first, with its sets."""
        if limit <= 0:
            return []
        ids = self._newest_session_ids(user_id, exercise, limit)
        if not ids:
            return []
        sessions_query = select(training_session).where(
            training_session.c.user_id == user_id, training_session.c.id.in_(ids)
        )
        sessions = {
            row["id"]: mapping.session_from_row(row) for row in self._run(sessions_query).mappings()
        }
        sets: dict[str, list[LoggedSet]] = {session_id: [] for session_id in ids}
        # The few sessions are looked up by (user_id, session_id); the exercise is compared
        # as `exercise || ''` so that no planner (SQLite's above all) walks the exercise
        # index over the whole history instead.
        query = (
            select(logged_set)
            .where(logged_set.c.user_id == user_id, logged_set.c.session_id.in_(ids))
            .where(logged_set.c.exercise.concat("") == exercise)
            .order_by(*_LOGGED_ORDER)
        )
        for row in self._run(query).mappings():
            logged = mapping.set_from_row(row)
            sets[logged.session_id].append(logged)
        last = {sid: max(x.logged_at for x in sets[sid]) for sid in ids}
        ids.sort(key=lambda sid: (sessions[sid].date, last[sid], sid), reverse=True)
        return [(sessions[session_id], sets[session_id]) for session_id in ids]

    def _newest_session_ids(self, user_id: str, exercise: str, limit: int) -> list[str]:
        """Distinct sessions in the order their newest set of the exercise was logged."""
        window = limit * EXPOSURE_WINDOW
        while True:
            rows = self._run(exposures_query(user_id, exercise, window)).all()
            ids = list(dict.fromkeys(row.session_id for row in rows))
            if len(ids) >= limit or len(rows) < window:
                return ids[:limit]
            window *= 4

    def all(self, user_id: str) -> list[LoggedSet]:
        """Every set, in logged order (for export)."""
        return self._select(user_id)

    def each(self, user_id: str) -> Iterator[LoggedSet]:
        """Every set in logged order, ROWS_READ at a time."""
        query = (
            select(logged_set)
            .where(logged_set.c.user_id == user_id)
            .order_by(*_LOGGED_ORDER)
            .execution_options(yield_per=ROWS_READ)
        )
        return (mapping.set_from_row(row) for row in self._run(query).mappings())

    def each_by_day(self, user_id: str) -> Iterator[tuple[TrainingSession, LoggedSet]]:
        """Every set with its session, by session date then logged order, ROWS_READ at a
        time (one query: the session's columns come beside each of its sets)."""
        session_columns = [c.label(f"day_session_{c.name}") for c in training_session.c]
        query = (
            select(logged_set, *session_columns)
            .join(
                training_session,
                (training_session.c.user_id == logged_set.c.user_id)
                & (training_session.c.id == logged_set.c.session_id),
            )
            .where(logged_set.c.user_id == user_id)
            .order_by(training_session.c.date, *_LOGGED_ORDER)
            .execution_options(yield_per=ROWS_READ)
        )
        for row in self._run(query).mappings():
            session = {c.name: row[f"day_session_{c.name}"] for c in training_session.c}
            yield mapping.session_from_row(session), mapping.set_from_row(row)

    def _select(self, user_id: str, *conditions: Any) -> list[LoggedSet]:
        query = (
            select(logged_set)
            .where(logged_set.c.user_id == user_id, *conditions)
            .order_by(*_LOGGED_ORDER)
        )
        return [mapping.set_from_row(row) for row in self._run(query).mappings()]

    def tallies(self, user_id: str, first: date, last: date) -> list[SetTally]:
        """Per session of days first..last, move, side and resistance: how many sets, and the
        best (counted here: progress reads a few hundred counts, not thousands of sets)."""
        columns = (
            training_session.c.date,
            training_session.c.id,
            logged_set.c.exercise,
            logged_set.c.side,
            logged_set.c.resistance_key,
        )
        amount = func.coalesce(logged_set.c.reps, logged_set.c.steps, logged_set.c.hold_seconds)
        query = (
            select(*columns, func.count().label("sets"), func.max(amount).label("best"))
            .join(
                logged_set,
                (logged_set.c.user_id == training_session.c.user_id)
                & (logged_set.c.session_id == training_session.c.id),
            )
            .where(training_session.c.user_id == user_id)
            .where(training_session.c.date.between(first, last))
            .group_by(*columns)
            .order_by(*columns)
        )
        return [
            SetTally(r.id, r.date, r.exercise, Side(r.side), r.resistance_key, r.sets, r.best or 0)
            for r in self._run(query)
        ]

    def bests(
        self, user_id: str, exercises: Collection[str], before: date
    ) -> dict[tuple[str, str], int]:
        """(move, rung) -> the most reps, steps or seconds in one set of the move at that
        rung in any session before `before`: one grouped MAX over the whole logbook, read from
        the `ix_logged_set_bests` index alone (the few sessions from `before` on are left out
        by id, so no row of the session table is joined)."""
        if not exercises:
            return {}
        amount = func.coalesce(logged_set.c.reps, logged_set.c.steps, logged_set.c.hold_seconds)
        later = select(training_session.c.id).where(
            training_session.c.user_id == user_id, training_session.c.date >= before
        )
        query = (
            select(
                logged_set.c.exercise, logged_set.c.resistance_key, func.max(amount).label("most")
            )
            .where(logged_set.c.user_id == user_id)
            .where(logged_set.c.exercise.in_(sorted(exercises)))
            .where(logged_set.c.session_id.not_in(later.scalar_subquery()))
            .group_by(logged_set.c.exercise, logged_set.c.resistance_key)
        )
        return {(r.exercise, r.resistance_key): int(r.most) for r in self._run(query)}


class SqlMeasurementRepository(SqlRepository):
    def add(self, user_id: str, measurement: Measurement) -> bool:
        """Store a measurement; False if its id already exists for the user."""
        row = mapping.measurement_to_row(user_id, measurement)
        return self._insert_new(measurement_table, row, _USER_SCOPED_KEY)

    def all(self, user_id: str) -> list[Measurement]:
        """Every measurement, oldest first."""
        query = (
            select(measurement_table)
            .where(measurement_table.c.user_id == user_id)
            .order_by(measurement_table.c.date, measurement_table.c.id)
        )
        return [mapping.measurement_from_row(row) for row in self._run(query).mappings()]


class SqlSelfTestRepository(SqlRepository):
    def add(self, user_id: str, result: SelfTestResult) -> bool:
        """Store a self-test result; False if its id already exists for the user."""
        row = mapping.self_test_to_row(user_id, result)
        return self._insert_new(self_test_result, row, _USER_SCOPED_KEY)

    def all(self, user_id: str) -> list[SelfTestResult]:
        """Every self-test result, oldest first."""
        query = (
            select(self_test_result)
            .where(self_test_result.c.user_id == user_id)
            .order_by(self_test_result.c.date, self_test_result.c.test, self_test_result.c.id)
        )
        return [mapping.self_test_from_row(row) for row in self._run(query).mappings()]

    def delete(self, user_id: str, result_id: str) -> bool:
        """Remove one of the user's results; False if they have none with that id."""
        statement = delete(self_test_result).where(
            self_test_result.c.user_id == user_id, self_test_result.c.id == result_id
        )
        return self._run(statement).rowcount == 1

    def update(
        self, user_id: str, result_id: str, *, value: int, day: date
    ) -> SelfTestResult | None:
        """Change one of the user's results' value and day (its test and side stay); the
        result as stored now, or None if they have none with that id."""
        statement = (
            update(self_test_result)
            .where(self_test_result.c.user_id == user_id, self_test_result.c.id == result_id)
            .values(value=value, date=day)
            .returning(*self_test_result.c)
        )
        row = self._run(statement).mappings().first()
        return mapping.self_test_from_row(row) if row else None


class SqlOwnSetRepository(SqlRepository):
    def add_many(self, user_id: str, sets: Sequence[OwnSet]) -> int:
        """Store the sets whose ids are new for the user, IMPORT_BATCH rows a statement; how
        many were stored."""
        stored = 0
        for start in range(0, len(sets), IMPORT_BATCH):
            rows = [
                mapping.own_set_to_row(user_id, own) for own in sets[start : start + IMPORT_BATCH]
            ]
            stored += len(self._insert_new_many(own_set, rows, _USER_SCOPED_KEY))
        return stored

    def each(self, user_id: str) -> Iterator[OwnSet]:
        """Every own set of the user, oldest first, ROWS_READ at a time."""
        query = (
            select(own_set)
            .where(own_set.c.user_id == user_id)
            .order_by(own_set.c.logged_at, own_set.c.id)
            .execution_options(yield_per=ROWS_READ)
        )
        return (mapping.own_set_from_row(row) for row in self._run(query).mappings())

    def recent(self, user_id: str, limit: int) -> list[OwnSet]:
        """The newest `limit` own sets, newest first."""
        query = (
            select(own_set)
            .where(own_set.c.user_id == user_id)
            .order_by(own_set.c.logged_at.desc(), own_set.c.id.desc())
            .limit(limit)
        )
        return [mapping.own_set_from_row(row) for row in self._run(query).mappings()]


_SKIP_KEY = ["user_id", "session_id", "exercise"]


class SqlSkipRepository(SqlRepository):
    def set(self, user_id: str, skip: SkippedMove) -> None:
        """Store the skip; a second one for the same session and move replaces it (the
        session must be the user's: its foreign key says so)."""
        try:
            self._upsert(skipped_move, mapping.skip_to_row(user_id, skip), _SKIP_KEY)
        except IntegrityError as exc:
            if not _foreign_key_failed(exc):
                raise
            raise NotFoundError(f"No session {skip.session_id}.", field="session_id") from None

    def delete(self, user_id: str, session_id: str, exercise: str) -> bool:
        """Take a skip back; False if there was none."""
        statement = delete(skipped_move).where(
            skipped_move.c.user_id == user_id,
            skipped_move.c.session_id == session_id,
            skipped_move.c.exercise == exercise,
        )
        return self._run(statement).rowcount == 1

    def for_sessions(self, user_id: str, session_ids: list[str]) -> list[SkippedMove]:
        """The skips of the given sessions, by session then move."""
        if not session_ids:
            return []
        query = (
            select(skipped_move)
            .where(skipped_move.c.user_id == user_id, skipped_move.c.session_id.in_(session_ids))
            .order_by(skipped_move.c.session_id, skipped_move.c.exercise)
        )
        return [mapping.skip_from_row(row) for row in self._run(query).mappings()]

    def all(self, user_id: str) -> list[SkippedMove]:
        """Every skip of the user, by session then move."""
        query = (
            select(skipped_move)
            .where(skipped_move.c.user_id == user_id)
            .order_by(skipped_move.c.session_id, skipped_move.c.exercise)
        )
        return [mapping.skip_from_row(row) for row in self._run(query).mappings()]
