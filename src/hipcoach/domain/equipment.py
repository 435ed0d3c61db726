"""Equipment a person may own, and what each piece is."""

from __future__ import annotations

from enum import StrEnum


class Equipment(StrEnum):
    """Stable equipment keys. `none` (bodyweight) is always available."""

    NONE = "none"
    MINI_BAND = "mini_band"
    LONG_BAND = "long_band"
    ANKLE_WEIGHTS = "ankle_weights"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    CABLE_MACHINE = "cable_machine"
    ABDUCTION_MACHINE = "abduction_machine"
    BARBELL = "barbell"


EQUIPMENT_DESCRIPTIONS: dict[Equipment, str] = {
    Equipment.NONE: "Bodyweight only: a mat or a carpet is enough.",
    Equipment.MINI_BAND: (
        "A short looped resistance band worn around the thighs, knees or ankles. Sets come in "
        "colours from light to extra heavy; colours differ between brands."
    ),
    Equipment.LONG_BAND: "A long resistance band or tube, anchored to a door or a post.",
    Equipment.ANKLE_WEIGHTS: "Strap-on weights for the ankles, usually adjustable in 0.5 kg steps.",
    Equipment.DUMBBELL: "A hand weight; adjustable or a set of fixed ones.",
    Equipment.KETTLEBELL: "A cast weight with a handle; a single one is enough here.",
    Equipment.CABLE_MACHINE: "A gym cable stack with an ankle cuff attachment.",
    Equipment.ABDUCTION_MACHINE: (
        "The gym's seated hip abduction machine: you sit and press padded arms apart with your "
        "knees."
    ),
    Equipment.BARBELL: "A long bar with weight plates, usually 20 kg for the bar alone.",
}
