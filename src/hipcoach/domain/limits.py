"""Every bound on what a person can enter, written once: number ranges, lengths, the id shape.

The domain checks use these values, and the adapters derive theirs from them: the API schemas
(`Field(ge=..., le=..., max_length=..., pattern=...)`) and the web forms (the server-side
reading and the HTML `min`, `max` and `maxlength`). `RANGES` and `LENGTHS` name each limit by
the field that carries it, so a test can walk them and prove every adapter agrees.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

N = TypeVar("N", int, float)


@dataclass(frozen=True, slots=True)
class Range(Generic[N]):
    """Inclusive bounds of a number; `low_exclusive` when the low end itself is not allowed."""

    low: N
    high: N
    low_exclusive: bool = False

    def __contains__(self, value: float) -> bool:
        if isinstance(value, float) and math.isnan(value):
            return False  # (an int may be too large for a float: compare it exactly instead)
        above = value > self.low if self.low_exclusive else value >= self.low
        return above and value <= self.high

    def describe(self, unit: str = "") -> str:
        """'between 1 and 500', with the unit after the high end when there is one."""
        suffix = f" {unit}" if unit else ""
        return f"between {_number(self.low)} and {_number(self.high)}{suffix}"


def _number(value: float) -> str:
    return format(value, "g") if isinstance(value, float) else str(value)


# A logged set
PAIN = Range(0, 10)  # 0 none ... 10 worst imaginable, during a set or the next morning
REPS = Range(1, 500)
STEPS = Range(1, 500)
HOLD_S = Range(1, 600)
LOAD_KG = Range(0.0, 300.0, low_exclusive=True)
RIR = Range(0, 10)
NOTE_LENGTH = Range(0, 2000)  # characters of a set's note and of a session's notes

# A self-test result (0: could not do it at all, a true result)
SELF_TEST_HOLD_S = Range(0, 600)  # side-bridge hold, seconds to failure
SELF_TEST_STANCE_S = Range(0, 30)  # single-leg stance, stopped at 30 s
SELF_TEST_SCORE = Range(0, 4)  # step-down checklist: one point per item held
SELF_TEST_REPS = Range(0, 500)  # side-lying abduction reps to fatigue

# A training session: its position in the plan it followed, and how hard it felt as a whole
PLAN_POSITION = Range(1, 60)
SESSION_RPE = Range(1, 10)  # session RPE: 1 very easy ... 10 as hard as it gets

# Body measurements (plausible human ranges)
HIP_CM = Range(40.0, 250.0)
WAIST_CM = Range(30.0, 250.0)
BODY_WEIGHT_KG = Range(25.0, 350.0)

# A plan request
MINUTES = Range(1, 180)
WEEKS = Range(1, 52)
TRAINING_DAYS = Range(1, 6)  # at least one rest day a week
SEED = Range(0, 2**31 - 1)
AVOID_COUNT = 50  # exercises a person may leave out

# Client ids (a UUID fits) and stable keys
ID_LENGTH = Range(8, 64)
ID_PATTERN = f"^[A-Za-z0-9_-]{{{ID_LENGTH.low},{ID_LENGTH.high}}}$"
KEY_LENGTH = Range(1, 64)
KEY_PATTERN = r"^[a-z][a-z0-9_]*$"
STEP_KEY_PATTERN = r"^[a-z][a-z0-9_.]*$"  # ladder steps may hold a decimal point: ankle_0.5kg

# Accounts
EMAIL_LENGTH = Range(0, 320)
PASSWORD_LENGTH = Range(10, 256)  # a passphrase of a few words is ideal
NAME_LENGTH = Range(0, 100)  # a person's name
OWN_EXERCISE_LENGTH = Range(1, 100)  # the name of an exercise of the person's own (imported)
# An own exercise is anything a gym logs (a 320 kg leg press, an hour's run), not a hip move.
OWN_LOAD_KG = Range(0.0, 1000.0, low_exclusive=True)
OWN_SECONDS = Range(1, 86_400)  # up to a day
OWN_DISTANCE_M = Range(0.0, 1_000_000.0, low_exclusive=True)  # up to 1,000 km
OWN_SETS_SHOWN = 200  # the newest own sets a history (CLI, Progress, API) shows at once
TOKEN_NAME_LENGTH = Range(1, 60)  # the name of an API token
AGE_YEARS = Range(13, 100)  # years; under 13 needs a coach and a parent, not an app
TIME_ZONE_LENGTH = Range(1, 64)  # an IANA name: America/Argentina/ComodRivadavia is 32
LINK_TOKEN_LENGTH = Range(20, 100)  # the secret in an invite or reset link (43 as made)

# Files
IMPORT_BYTES = 20 * 1024 * 1024
IMPORT_BATCH = 2000  # records staged per short transaction of an import (other writers go between)

# Lists and history
SET_PAGE = Range(1, 500)  # sets per page of a session's sets (GET /sessions/{id}/sets)
SET_PAGE_DEFAULT = 100
EARLIER_PLANS_KEPT = 5  # plans kept before the current one; older ones go when a plan is stored

RANGES: Mapping[str, Range[int] | Range[float]] = {
    "pain": PAIN,
    "next_day_pain": PAIN,
    "reps": REPS,
    "steps": STEPS,
    "hold_seconds": HOLD_S,
    "load_kg": LOAD_KG,
    "rir": RIR,
    "plan_week": PLAN_POSITION,
    "plan_session": PLAN_POSITION,
    "rpe": SESSION_RPE,
    "hip_cm": HIP_CM,
    "waist_cm": WAIST_CM,
    "weight_kg": BODY_WEIGHT_KG,
    "age": AGE_YEARS,
    "minutes": MINUTES,
    "weeks": WEEKS,
    "seed": SEED,
}
"""Each number range by the name of the field that carries it, wherever it appears."""

LENGTHS: Mapping[str, Range[int]] = {
    "note": NOTE_LENGTH,
    "notes": NOTE_LENGTH,
    "email": EMAIL_LENGTH,
    "password": PASSWORD_LENGTH,
    "new_password": PASSWORD_LENGTH,
    "time_zone": TIME_ZONE_LENGTH,
}
"""Each range of text lengths (in characters) by the name of the field that carries it."""

_ID = re.compile(ID_PATTERN)


def is_client_id(value: str) -> bool:
    """True for a client id: 8-64 letters, digits, '-' or '_'."""
    return _ID.fullmatch(value) is not None  # fullmatch: `$` would let a trailing newline in
