"""The schema: one table per kind of record, every user-owned row keyed by (user_id, id).

Ids are made by the client, so each is unique only within its user: the composite primary
keys let two people (or devices) pick the same id without touching each other's rows.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

ID_LENGTH = 64
KEY_LENGTH = 64
EMAIL_LENGTH = 320
HASH_LENGTH = 64  # SHA-256 in hex (hipcoach.domain.auth.hash_token)
CHOICE_LENGTH = 16  # a short key: a pain area, a side
OWN_EXERCISE_LENGTH = 100  # hipcoach.domain.limits.OWN_EXERCISE_LENGTH


def _one_of(column: str, values: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{value}'" for value in values)
    return f"{column} IS NULL OR {column} IN ({listed})"


# The keys are spelled out (not read from the domain enums) so the CHECK text stays what the
# migrations created; a new key needs a migration anyway.
PAIN_AREAS = ("knee", "hip", "low_back", "other")
SIDES = ("left", "right", "both")
APPEARANCES = ("system", "light", "dark")

user = Table(
    "user",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("time_zone", String(64), nullable=True),  # IANA name; NULL: the server's zone
    Column("appearance", String(8), nullable=False, server_default="system"),
    CheckConstraint(f"appearance IN {APPEARANCES}", name="appearance_known"),
)

plan = Table(
    "plan",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column(
        "user_id",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("profile", JSON, nullable=False),
    Column("seed", Integer, nullable=False),
    Column("document", JSON, nullable=False),
    Index(None, "user_id", "created_at"),
)

SESSION_SLOT = "uq_training_session_user_id_date_plan_week_plan_session"

training_session = Table(
    "training_session",
    metadata,
    Column(
        "user_id",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("date", Date, nullable=False),
    Column("plan_week", Integer, nullable=True),
    Column("plan_session", Integer, nullable=True),
    Column("notes", Text, nullable=False),
    Column("next_day_pain", Integer, nullable=True),
    Column("version", Integer, nullable=False),
    Column("next_day_pain_area", String(CHOICE_LENGTH), nullable=True),
    Column("next_day_pain_side", String(CHOICE_LENGTH), nullable=True),
    Column("rpe", Integer, nullable=True),
    CheckConstraint(
        "next_day_pain IS NULL OR next_day_pain BETWEEN 0 AND 10", name="next_day_pain_range"
    ),
    CheckConstraint("rpe IS NULL OR rpe BETWEEN 1 AND 10", name="rpe_range"),
    CheckConstraint(_one_of("next_day_pain_area", PAIN_AREAS), name="next_day_pain_area_known"),
    CheckConstraint(_one_of("next_day_pain_side", SIDES), name="next_day_pain_side_known"),
    # One session per person, day and plan slot, held by the database: two quick taps on
    # Today (or two devices) cannot both start the day. NULLs are distinct on both databases,
    # so sessions outside the plan (imports, the API without a slot) are not limited.
    Index(SESSION_SLOT, "user_id", "date", "plan_week", "plan_session", unique=True),
)

_ONE_AMOUNT = (
    "(CASE WHEN reps IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN steps IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN hold_seconds IS NULL THEN 0 ELSE 1 END) = 1"
)

logged_set = Table(
    "logged_set",
    metadata,
    Column("user_id", String(ID_LENGTH), primary_key=True),
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("session_id", String(ID_LENGTH), nullable=False),
    Column("exercise", String(KEY_LENGTH), nullable=False),
    Column("side", String(8), nullable=False),
    Column("logged_at", DateTime(timezone=True), nullable=False),
    Column("reps", Integer, nullable=True),
    Column("steps", Integer, nullable=True),
    Column("hold_seconds", Integer, nullable=True),
    Column("resistance_key", String(KEY_LENGTH), nullable=False),
    Column("load_kg", Double, nullable=True),
    Column("rir", Integer, nullable=True),
    Column("effort", String(16), nullable=True),
    Column("pain", Integer, nullable=False),
    Column("note", Text, nullable=False),
    Column("pain_area", String(CHOICE_LENGTH), nullable=True),
    Column("pain_side", String(CHOICE_LENGTH), nullable=True),
    ForeignKeyConstraint(
        ["user_id", "session_id"],
        ["training_session.user_id", "training_session.id"],
        ondelete="CASCADE",
    ),
    CheckConstraint("pain BETWEEN 0 AND 10", name="pain_range"),
    CheckConstraint(_ONE_AMOUNT, name="one_amount"),
    CheckConstraint("side IN ('left', 'right', 'both')", name="side_known"),
    CheckConstraint(_one_of("pain_area", PAIN_AREAS), name="pain_area_known"),
    CheckConstraint(_one_of("pain_side", SIDES), name="pain_side_known"),
    Index(None, "user_id", "exercise", "logged_at"),
    Index(None, "user_id", "session_id"),
    # All-time bests per move and rung (SetRepository.bests) read from the index alone.
    Index(
        "ix_logged_set_bests",
        "user_id",
        "exercise",
        "resistance_key",
        "reps",
        "steps",
        "hold_seconds",
        "session_id",
    ),
)


def _staging_of(source: Table) -> Table:
    """Where an import puts its records of `source` before they are published: the same
    columns with no checks of their own (the swap runs them), keyed by import; the rows go
    with their user."""
    return Table(
        f"staged_{source.name}",
        metadata,
        Column("import_id", String(ID_LENGTH), primary_key=True),
        *(
            Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
            for c in source.columns
        ),
        Column("staged_at", DateTime(timezone=True), nullable=False, index=True),
        ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
    )


# A large import stages its sessions and sets here in short transactions, then publishes them
# in one (hipcoach.store.staging): other writers go between its batches, and nothing of it is
# seen before the whole import is.
staged_session = _staging_of(training_session)
staged_set = _staging_of(logged_set)

# The person's own call on a plan item (hipcoach.domain.account.PlanChoice), one per plan and
# slot (the plan item's exercise key). It belongs to the plan: the composite foreign key proves
# the plan is the user's, and a plan (or user) deleted takes its choices with it.
plan_choice = Table(
    "plan_choice",
    metadata,
    Column("user_id", String(ID_LENGTH), primary_key=True),
    Column("plan_id", String(ID_LENGTH), primary_key=True),
    Column("slot", String(KEY_LENGTH), primary_key=True),
    Column("exercise", String(KEY_LENGTH), nullable=False),
    Column("chosen_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["plan_id", "user_id"], ["plan.id", "plan.user_id"], ondelete="CASCADE"),
)

measurement = Table(
    "measurement",
    metadata,
    Column(
        "user_id",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("date", Date, nullable=False),
    Column("hip_cm", Double, nullable=True),
    Column("waist_cm", Double, nullable=True),
    Column("weight_kg", Double, nullable=True),
    Index(None, "user_id", "date"),
)

# One side's result of a self-test (hipcoach.domain.selftest) on a day; it goes with its user.
self_test_result = Table(
    "self_test_result",
    metadata,
    Column(
        "user_id",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("test", String(KEY_LENGTH), nullable=False),
    Column("date", Date, nullable=False),
    Column("side", String(8), nullable=False),
    Column("value", Integer, nullable=False),
    Index(None, "user_id", "date"),
)


SKIP_REASONS = ("pain", "equipment", "time", "other")
OWN_AMOUNT = "reps IS NOT NULL OR seconds IS NOT NULL OR distance_m IS NOT NULL"

# Planned moves left out of a day's session on purpose; they go with their session.
skipped_move = Table(
    "skipped_move",
    metadata,
    Column("user_id", String(ID_LENGTH), primary_key=True),
    Column("session_id", String(ID_LENGTH), primary_key=True),
    Column("exercise", String(KEY_LENGTH), primary_key=True),
    Column("reason", String(CHOICE_LENGTH), nullable=False),
    Column("note", Text, nullable=False),
    ForeignKeyConstraint(
        ["user_id", "session_id"],
        ["training_session.user_id", "training_session.id"],
        ondelete="CASCADE",
    ),
    CheckConstraint(_one_of("reason", SKIP_REASONS), name="reason_known"),
)


# Sets of exercises of the person's own (imported from another app, none of our moves): kept as
# logged, never coached; they go with their user.
own_set = Table(
    "own_set",
    metadata,
    Column(
        "user_id",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("exercise", String(OWN_EXERCISE_LENGTH), nullable=False),
    Column("logged_at", DateTime(timezone=True), nullable=False),
    Column("reps", Integer, nullable=True),
    Column("seconds", Integer, nullable=True),
    Column("distance_m", Double, nullable=True),
    Column("load_kg", Double, nullable=True),
    Column("rir", Integer, nullable=True),
    Column("note", Text, nullable=False),
    CheckConstraint(OWN_AMOUNT, name="some_amount"),
    Index(None, "user_id", "logged_at"),
)

# Accounts and their secrets. Tokens are stored only as SHA-256 hashes, passwords only as
# argon2id hashes; every row cascades away with its user.

credential = Table(
    "credential",
    metadata,
    Column(
        "user_id",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("email", String(EMAIL_LENGTH), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("is_owner", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("units", String(8), nullable=False, server_default="kg"),
    # Exactly one owner, held by the database: simultaneous first sign-ups cannot both be it.
    Index(
        "uq_credential_one_owner",
        "is_owner",
        unique=True,
        sqlite_where=text("is_owner"),
        postgresql_where=text("is_owner"),
    ),
)

web_session = Table(
    "web_session",
    metadata,
    Column("token_hash", String(HASH_LENGTH), primary_key=True),
    Column(
        "user_id",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("csrf_token", String(128), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

api_token = Table(
    "api_token",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column(
        "user_id",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("name", String(100), nullable=False),
    Column("token_hash", String(HASH_LENGTH), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

calendar_feed = Table(
    "calendar_feed",
    metadata,
    Column(
        "user_id",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("token_hash", String(HASH_LENGTH), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# One row per limited key (hipcoach.domain.rate_limit), shared by every app process (they keep
# no state of their own). The key is stored as its SHA-256 (hex): any key fits, and no email
# address sits here. A row is counted with one atomic upsert, so concurrent attempts cannot
# slip past the limit; `expires_at` (end of the window or of the wait, whichever is later)
# lets every attempt prune a few expired rows, which keeps the table bounded.
rate_limit = Table(
    "rate_limit",
    metadata,
    Column("key", String(HASH_LENGTH), primary_key=True),
    Column("attempts", Integer, nullable=False),
    Column("window_start", DateTime(timezone=True), nullable=False),
    Column("blocked_until", DateTime(timezone=True), nullable=True),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index(None, "expires_at"),
)

# The owner's one-time links (hipcoach.domain.auth.AccessLink): an invite to sign up, or a
# password reset for one account (`user_id`). Stored as the token's SHA-256 only; `used_at` is
# set by one conditional UPDATE, so a link works once even when two people use it at once.
access_link = Table(
    "access_link",
    metadata,
    Column("token_hash", String(HASH_LENGTH), primary_key=True),
    Column("kind", String(CHOICE_LENGTH), nullable=False),
    Column(
        "created_by",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
    Column(
        "user_id",
        String(ID_LENGTH),
        ForeignKey("user.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    Column("used_at", DateTime(timezone=True), nullable=True),
    CheckConstraint("kind IN ('invite', 'reset')", name="kind_known"),
    CheckConstraint(
        "(kind = 'invite' AND user_id IS NULL) OR (kind = 'reset' AND user_id IS NOT NULL)",
        name="reset_names_its_account",
    ),
)
