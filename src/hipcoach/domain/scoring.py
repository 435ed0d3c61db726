"""How good a move is for a person: evidence, glute-to-TFL share, goal fit, equipment, pain.

The value of a move is

    value = fit(goal, role) * target(primary muscles) * (activation + gta_bonus - tfl_penalty
            + load_bonus) * pain_factor * (1 + 0.05 * jitter(seed))

- activation: the move's comparable gluteus medius figure / 100 (capped at 1.0). Only
  checked *mean* %MVIC figures are comparable; a figure measured without added weight (or of
  unknown load) beats a loaded one, and the default variant beats its neighbours
  (`evidence.scoring_row`). Peak figures (Boren 2011) and review thresholds ("at least 40%")
  are never ranked against means and nothing is converted: a move with only those, or with no
  usable EMG data, scores 0.3 like a direction-only finding, "lower confidence, not zero"
  (research/science.md, "Three cautions" and section 1.2);
- ranked, not converted: a move with no comparable figure whose checked study found it level
  with catalogue moves (`EvidenceRow.level_with`, resolved into `Exercise.peers`) takes the
  lowest evidence score (activation + gta_bonus - tfl_penalty) among those moves, never more.
  The seated abduction machine is one: J Bodyw Mov Ther 2022 found its gluteus medius
  activity similar to side-lying abduction and the clam (with the least TFL of the three), so
  it ranks with the clam rather than with moves nobody measured;
- gta_bonus: 0.25 * glute-to-TFL index / 115 (Selkowitz 2013's best value is 115);
- tfl_penalty: 0.2 * (TFL %MVIC / GMed %MVIC - 0.5), when both were measured and TFL is high
  (`tfl_ratio`: fine-wire data first, the default variant's own study, else the median);
- load_bonus: 0.1 when the person owns a way to load the move (muscle and strength goals);
  for strength, 0.15 more when their equipment loads it heavily (`HEAVY_KINDS`: dumbbells,
  kettlebells, a cable or machine stack, a bar; not bands or ankle weights): heavy loads
  build more strength, while growth is similar across loads taken near failure (Schoenfeld
  2017, J Strength Cond Res), so the muscle goal keeps the flat 0.1;
- pain_factor: 0.85 when a pain area limits the move to its easiest rung.

Pain rules out a move when its catalogue entry says so, or when its position does
(`position`: lying on a sore hip, kneeling on a sore knee).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from statistics import median

from hipcoach.domain.catalogue import Exercise, PainAction, PainArea, Role
from hipcoach.domain.dosage import working_role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.evidence import (
    Electrode,
    EvidenceRow,
    Load,
    Method,
    base_variant,
    best_activation,
    cited_row,
    level_row,
)
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.position import position_reasons
from hipcoach.domain.profile import Goal

NO_DATA_ACTIVATION = 0.3
LOAD_BONUS = 0.1
HEAVY_LOAD_BONUS = 0.15
#: Equipment that loads a move heavily and keeps climbing through a plan (weights, a weight
#: stack, a bar); bands and ankle weights top out light, however many strengths they come in.
HEAVY_KINDS = frozenset(
    {
        Equipment.DUMBBELL,
        Equipment.KETTLEBELL,
        Equipment.CABLE_MACHINE,
        Equipment.ABDUCTION_MACHINE,
        Equipment.BARBELL,
    }
)
SEED_JITTER = 0.05

_ROLE_FIT: dict[Goal, dict[Role, float]] = {
    Goal.MUSCLE: {Role.ISOLATION: 1.0, Role.STABILITY: 0.9, Role.COMPOUND: 0.8},
    Goal.STRENGTH: {Role.COMPOUND: 1.0, Role.ISOLATION: 0.9, Role.STABILITY: 0.9},
    Goal.STABILITY: {Role.STABILITY: 1.0, Role.COMPOUND: 0.95, Role.ISOLATION: 0.8},
}
_LOADABLE = frozenset(
    {
        Equipment.MINI_BAND,
        Equipment.LONG_BAND,
        Equipment.ANKLE_WEIGHTS,
        Equipment.DUMBBELL,
        Equipment.KETTLEBELL,
        Equipment.CABLE_MACHINE,
        Equipment.ABDUCTION_MACHINE,
        Equipment.BARBELL,
    }
)


def _study(row: EvidenceRow) -> str:
    """The citation without its bracketed remark ("MacAskill 2014 IJSPT (vol/pages unverified)")."""
    return row.study.split(" (", 1)[0].strip()


def _tfl_pairs(rows: tuple[EvidenceRow, ...]) -> list[tuple[EvidenceRow, float]]:
    """Each TFL mean row with its ratio to the GMed mean of the same study and variant."""
    pairs = []
    for row in rows:
        if row.measure != Muscle.TENSOR_FASCIAE_LATAE.value or row.pct_mvic_mean is None:
            continue
        if row.method is not Method.MEAN:
            continue
        for other in rows:
            same = other.variant == row.variant and _study(other) == _study(row)
            if (
                same
                and other.measure == Muscle.GLUTEUS_MEDIUS.value
                and other.method is Method.MEAN
                and other.pct_mvic_mean
            ):
                pairs.append((row, row.pct_mvic_mean / other.pct_mvic_mean))
    return pairs


def tfl_ratio(exercise: Exercise) -> float | None:
    """TFL %MVIC over gluteus medius %MVIC for the move as prescribed, or None.

    Fine-wire pairs are used before surface ones. When a fine-wire study answered the
    glute-versus-TFL question only as an index (Selkowitz 2013's GTA index) and no fine-wire
    pair exists, the surface ratio is set aside: the fine-wire index speaks for the move
    (research/science.md, "Clam vs TFL"). Of the pairs left, the default variant measured
    without added weight is used, then the default variant under load; failing both, the
    median ratio across variants (never the best case).
    """
    pairs = _tfl_pairs(exercise.evidence)
    fine = [p for p in pairs if p[0].electrode is Electrode.FINE_WIRE]
    if fine:
        pairs = fine
    elif any(
        r.is_gta_index and r.electrode is Electrode.FINE_WIRE and r.has_number
        for r in exercise.evidence
    ):
        return None
    if not pairs:
        return None
    base = base_variant(exercise.evidence)
    for loads in ((Load.BODYWEIGHT, Load.UNKNOWN), (Load.LOADED,)):
        own = [ratio for row, ratio in pairs if row.variant == base and row.load in loads]
        if own:
            return median(own)
    return median(ratio for _, ratio in pairs)


def pain_action(exercise: Exercise, pain: frozenset[PainArea]) -> PainAction | None:
    """The strictest thing a person's pain areas do to this move (None: no change)."""
    actions = {exercise.pain[a] for a in pain if a in exercise.pain}
    if PainAction.AVOID in actions or position_reasons(exercise, pain):
        return PainAction.AVOID
    return PainAction.NO_LOAD if actions else None


def _own_evidence(exercise: Exercise) -> tuple[float | None, float]:
    """The move's comparable gluteus medius figure (or None) and its evidence score."""
    gmed = best_activation(exercise.evidence, Muscle.GLUTEUS_MEDIUS)
    activation = min(gmed, 100.0) / 100.0 if gmed is not None else NO_DATA_ACTIVATION
    gta = exercise.gta_index
    gta_bonus = 0.25 * min(gta, 115.0) / 115.0 if gta is not None else 0.0
    ratio = tfl_ratio(exercise)
    tfl_penalty = 0.2 * max(0.0, ratio - 0.5) if ratio is not None else 0.0
    return gmed, activation + gta_bonus - tfl_penalty


def evidence_score(exercise: Exercise) -> float:
    """activation + gta_bonus - tfl_penalty: what the studies say of the move itself, or, with
    no figure of its own, the lowest score of the moves a checked study found level with it."""
    gmed, own = _own_evidence(exercise)
    if gmed is None and exercise.peers and level_row(exercise.evidence, Muscle.GLUTEUS_MEDIUS):
        return min(_own_evidence(peer)[1] for peer in exercise.peers)
    return own


def heavy_ladder(exercise: Exercise, owned: frozenset[Equipment]) -> bool:
    """True when the person's own equipment loads the move heavily: free weights, a stack or
    a bar (`HEAVY_KINDS`), not bands or ankle weights, however many strengths those come in."""
    return any(step.equipment in HEAVY_KINDS for step in exercise.ladder(owned))


def exercise_value(
    exercise: Exercise, goal: Goal, owned: frozenset[Equipment], pain: frozenset[PainArea]
) -> float:
    """The evidence-and-fit value of one move for this person (seed jitter excluded)."""
    limited = pain_action(exercise, pain) is PainAction.NO_LOAD
    loadable = any(e in owned for e in exercise.equipment if e in _LOADABLE)
    load_bonus = 0.0
    if loadable and goal is not Goal.STABILITY and not limited:
        load_bonus = LOAD_BONUS
        if goal is Goal.STRENGTH and heavy_ladder(exercise, owned):
            load_bonus += HEAVY_LOAD_BONUS
    target = 1.0 if exercise.targets_abductors else 0.6
    fit = _ROLE_FIT[goal][working_role(exercise)]
    base = evidence_score(exercise) + load_bonus
    return fit * target * base * (0.85 if limited else 1.0)


def evidence_backed_abductor(exercise: Exercise) -> bool:
    """True for a move working gluteus medius or minimus with a checked gluteus medius figure:
    a comparable mean, or a checked peak or review-threshold figure (not ranked, but real)."""
    row = cited_row(exercise.evidence, Muscle.GLUTEUS_MEDIUS)
    return exercise.targets_abductors and row is not None


def seed_jitter(keys: tuple[str, ...], seed: int) -> Mapping[str, float]:
    """A small, seeded multiplier per move, so a new seed can give a different good plan."""
    rng = random.Random(seed)
    return {key: 1.0 + SEED_JITTER * rng.random() for key in keys}
