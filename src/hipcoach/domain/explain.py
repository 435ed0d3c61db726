"""The words a plan carries: why each move is there, what was ruled out, the notes."""

from __future__ import annotations

from hipcoach.domain.catalogue import Exercise, PainAction
from hipcoach.domain.dosage import MESOCYCLE_WEEKS, changed_reps, working_role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.evidence import (
    EvidenceRow,
    Load,
    Method,
    base_variant,
    cited_row,
    level_row,
)
from hipcoach.domain.ladder import LadderStep
from hipcoach.domain.messages import EXPECTATION, SAFETY
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.nutrition import PROTEIN_G_PER_KG, PROTEIN_SOURCE, protein_target
from hipcoach.domain.plan import Note
from hipcoach.domain.position import position_reasons, ready_first
from hipcoach.domain.profile import Goal, Level, Profile
from hipcoach.domain.scoring import pain_action
from hipcoach.domain.volume import VOLUME_SOURCE, SetRange


def exclusion_reason(exercise: Exercise, profile: Profile) -> str | None:
    """Why a move cannot be in this person's plan, or None if it can."""
    if exercise.key in profile.avoid:
        return "you asked to avoid it"
    if not exercise.usable_with(profile.owned):
        needs = ", ".join(e.value for e in exercise.equipment)
        return f"needs equipment you don't have: {needs}"
    positions = position_reasons(exercise, profile.pain)
    if positions:
        return "; ".join(positions)
    if pain_action(exercise, profile.pain) is PainAction.AVOID:
        areas = ", ".join(sorted(a.value for a in profile.pain if a in exercise.pain))
        return f"ruled out by {areas.replace('_', ' ')} pain"
    return ready_first(exercise, profile)


def _figure_text(row: EvidenceRow) -> str:
    value = f"{row.pct_mvic_mean:g}% MVIC"
    if row.method is Method.PEAK:
        return f"{value} at its peak (a peak figure, which runs higher than a mean)"
    if row.method is Method.THRESHOLD:
        return f"at least {value} (a review's band, not a measured mean)"
    return f"{value} (mean over the movement)"


def _caveats(exercise: Exercise, row: EvidenceRow, loaded: bool) -> list[str]:
    caveats = []
    if row.variant != base_variant(exercise.evidence):
        caveats.append("measured for a neighbouring variant, not the version you start with")
    if row.load is Load.LOADED and not loaded:
        caveats.append("measured under added load; the bodyweight version is likely lower")
    return caveats


def evidence_line(exercise: Exercise, *, loaded: bool = False) -> str:
    """The checked gluteus medius figure for the move as prescribed, or an honest 'no data'.

    It says whether the figure is a mean, a peak or a review's band, and says plainly when it
    was measured for a neighbouring variant or under a load the person is not using.
    """
    row = cited_row(exercise.evidence, Muscle.GLUTEUS_MEDIUS, loaded=loaded)
    if row is not None:
        line = (
            f"gluteus medius {_figure_text(row)} ({row.description}; {row.study}; "
            f"{row.verification.value}"
        )
        caveats = _caveats(exercise, row, loaded)
        line += "; " + "; ".join(caveats) + ")" if caveats else ")"
    elif (ranked := level_row(exercise.evidence, Muscle.GLUTEUS_MEDIUS)) and exercise.peers:
        peers = _and([f"the {p.name.lower()}" for p in exercise.peers])
        line = (
            f"no gluteus medius figure of its own, but a study ({ranked.study}; "
            f"{ranked.verification.value}) found it works the gluteus medius about as hard as "
            f"{peers}, so it is ranked with the lower of them, that move's glute-to-TFL "
            "figures included"
        )
    else:
        line = "no EMG data for gluteus medius: chosen for its role, with lower confidence"
    if exercise.gta_index is not None:
        line += f"; glute-to-TFL index {exercise.gta_index:g} (Selkowitz 2013)"
    return line


def why_chosen(
    exercise: Exercise,
    replaces: tuple[str, ...],
    *,
    loaded: bool = False,
    start: LadderStep | None = None,
) -> str:
    """One or two sentences a person understands: role, evidence, what it stands in for.

    `loaded` is True when the plan item starts with added resistance, so the evidence cited
    is the one for the move as it is prescribed; `start` is the rung it starts on, whose band
    placement, when the move has several, is explained.
    """
    role = working_role(exercise).value
    muscles = " and ".join(m.value.replace("_", " ") for m in exercise.primary[:2])
    article = "An" if role[0] in "aeiou" else "A"
    text = f"{article} {role} move for the {muscles}. Evidence: "
    text += f"{evidence_line(exercise, loaded=loaded)}."
    if start is not None:
        text += placement_text(exercise, start)
    if replaces:
        text += f" In place of {'; '.join(replaces)}."
    return text


def placement_text(exercise: Exercise, start: LadderStep) -> str:
    """Where the move starts among its placements and where the coach will move it, with the
    evidence for the order (or plainly none), for a move that has several."""
    placements = exercise.placements
    if placements is None or start.equipment is not placements.on:
        return ""
    at = start.placement or placements.home  # plain bodyweight is a hold's own position
    where = placements.words(at)
    if at is placements.home:
        start_text = f"It starts {where}, as the how-to describes"
    else:
        start_text = f"It starts {where}, the easier placement, so the movement is learned first"
    return f" {placement_order(exercise)} {start_text}."


def placement_order(exercise: Exercise) -> str:
    """The placements a move climbs, easiest first, and what the order rests on (empty for a
    move done in one way)."""
    placements = exercise.placements
    if placements is None:
        return ""
    order = _then([placements.words(p) for p in placements.order])
    held = placements.on is Equipment.NONE
    lead = "The hold moves on as you progress" if held else "The band moves lower as you progress"
    if placements.source:
        why = f"{placements.source} measured the glutes working harder the lower the band sat"
    else:
        lever = "a straight body" if held else "a lower band"
        why = f"no study in our evidence compared them for this move; {lever} has a longer lever"
        why += " on the hip"
    return f"{lead}: {order} ({why})."


def _then(parts: list[str]) -> str:
    return ", then ".join(parts)


def plan_notes(
    profile: Profile,
    warnings: tuple[str, ...],
    sets: dict[Muscle, float],
    limits: SetRange,
    *,
    capped: bool = False,
    session_minutes: tuple[int, int] = (0, 0),
    changed: tuple[int, ...] = (),
    rotated: tuple[str, str] | None = None,
    heavier: tuple[str, ...] = (),
) -> tuple[Note, ...]:
    """Expectation, safety, recovery, volume, progression, blocks and nutrition notes
    (`capped`: the ceiling, not the minutes, set the week, whose sessions take
    `session_minutes` (shortest, longest); `changed`: the weeks in changed blocks;
    `rotated`: (move out, move in) in them; `heavier`: the moves that work a heavier range
    in them)."""
    notes = [Note("expectation", EXPECTATION), Note("safety", SAFETY)]
    if profile.pain:
        areas = ", ".join(sorted(profile.pain_label(a) for a in profile.pain))
        notes.append(
            Note(
                "pain",
                (
                    f"You reported pain in: {areas}. Moves that load it were removed or kept at "
                    "the easiest rung, and positions that press on it or bend it deeply were "
                    "left out. Please have a physical therapist look at it before you push on; "
                    "pain up to 3/10 that settles by the next morning is acceptable, more is a "
                    "signal to hold or back off (pain-monitoring model, Silbernagel 2007)."
                ),
            )
        )
    notes.extend(Note("recovery", w) for w in warnings)
    gmed = sets.get(Muscle.GLUTEUS_MEDIUS, 0.0)
    volume = volume_text(
        gmed, limits, capped, session_minutes=session_minutes, asked=profile.minutes
    )
    notes.append(Note("volume", volume))
    if profile.level is Level.BEGINNER:
        notes.append(
            Note(
                "technique",
                (
                    "First weeks are about form: stop each set with about three reps left, move "
                    "slowly, and learn where you should feel each move."
                ),
            )
        )
    if profile.weeks >= MESOCYCLE_WEEKS:
        notes.append(
            Note(
                "deload",
                (
                    "Every fourth week is lighter (fewer sets, easier effort) so fatigue clears "
                    "and the next block starts fresh (Bell 2022)."
                ),
            )
        )
    notes.append(
        Note(
            "progression",
            (
                "Resistance shown is where you start. Add reps until every set reaches the top "
                "of the range, then move one rung up the ladder; hold or step back when "
                "something hurts."
            ),
        )
    )
    if changed and (rotated or heavier):
        notes.append(Note("blocks", _blocks_text(profile, changed, rotated, heavier)))
    notes.append(Note("nutrition", _nutrition(profile)))
    return tuple(notes)


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _week_spans(weeks: tuple[int, ...]) -> str:
    """'weeks 5-8 and 13-16', or the first two and 'every other block after' when longer."""
    spans: list[list[int]] = []
    for week in weeks:
        if spans and week == spans[-1][1] + 1:
            spans[-1][1] = week
        else:
            spans.append([week, week])
    named = [f"{a}-{b}" if b > a else str(a) for a, b in spans]
    if len(named) > 3:
        return f"weeks {named[0]}, {named[1]} and every other block of four weeks after"
    return f"weeks {_and(named)}"


def _blocks_text(
    profile: Profile,
    changed: tuple[int, ...],
    rotated: tuple[str, str] | None,
    heavier: tuple[str, ...],
) -> str:
    """What the changed blocks change, and why, in a few lines."""
    parts = []
    if rotated is not None:
        parts.append(f"{rotated[1]} takes the place of {rotated[0]}")
    ranges = changed_reps(profile.goal, profile.level)
    if heavier and ranges is not None:
        isolation, compound = ranges
        reps = (
            f"{isolation[0]}-{isolation[1]} reps"
            if isolation == compound
            else f"{isolation[0]}-{isolation[1]} reps, {compound[0]}-{compound[1]} on compound "
            "moves"
        )
        who = _and(list(heavier)) if len(heavier) <= 2 else "your loaded moves"
        verb = "works" if len(heavier) == 1 else "work"
        parts.append(f"{who} {verb} heavier for fewer reps ({reps})")
    text = (
        f"Blocks change to keep you progressing. In {_week_spans(changed)}: "
        f"{'; '.join(parts)}. The weeks between go back to the usual moves and ranges."
    )
    if heavier and ranges is not None:
        text += (
            " When the range drops the coach moves you a rung heavier, and a rung lighter when "
            "it returns: light and heavy sets both build muscle near failure, heavy ones more "
            "strength (Schoenfeld 2017; ACSM 2009)."
        )
    return text


def short_session_text(session_minutes: tuple[int, int], asked: int) -> str:
    """Why sessions end before the minutes the person gave: the week is at its ceiling."""
    low, high = session_minutes
    span = f"{low}" if low == high else f"{low}-{high}"
    return (
        f"Your sessions take about {span} of your {asked} minutes, and that is on purpose: the "
        "week already holds the most hard sets that help at your goal and level (past the top "
        "of the range each extra set adds less while fatigue keeps growing), so each session "
        "ends early. Spend the time left on the cool-down, easy mobility or a walk, not on "
        "more sets."
    )


def volume_text(
    gmed: float,
    limits: SetRange,
    capped: bool,
    *,
    session_minutes: tuple[int, int] = (0, 0),
    asked: int = 0,
) -> str:
    """Where week 1's hard sets fall in the range for the goal and level, and, when the
    ceiling and not the minutes set the week (`capped`), that sessions end early and why
    (`session_minutes`: week 1's shortest and longest session; `asked`: the minutes given)."""
    where = limits.where(gmed)
    text = (
        f"Week 1 gives about {gmed:g} hard sets for the gluteus medius; the useful range for "
        f"your goal and level is {limits.floor}-{limits.ceiling} a week, so this week is "
        f"{where} it ({VOLUME_SOURCE}; sets where it is a helper count half, activation sets "
        "not at all)."
    )
    if where == "below":
        text += " More minutes or days per week would close the gap."
    if capped:
        text += " " + short_session_text(session_minutes, asked)
    return text


def _nutrition(profile: Profile) -> str:
    low, high = PROTEIN_G_PER_KG
    if profile.weight_kg is not None:
        target = protein_target(profile.weight_kg)
        protein = (
            f"Aim for about {target.low_g}-{target.high_g} g of protein a day "
            f"({low:g}-{high:g} g per kg of body weight; {PROTEIN_SOURCE})."
        )
    else:
        protein = (
            f"Aim for {low:g}-{high:g} g of protein per kg of body weight a day ({PROTEIN_SOURCE})."
        )
    if profile.goal is Goal.MUSCLE:
        return protein + (
            " Eat a small surplus only if gaining muscle is your main aim: a bigger surplus "
            "adds fat rather than more muscle (Helms 2023)."
        )
    return protein + " No calorie surplus is needed for strength or stability goals."
