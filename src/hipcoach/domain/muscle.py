"""The muscles hipcoach talks about, and what each one does."""

from __future__ import annotations

from enum import StrEnum


class Muscle(StrEnum):
    """Stable muscle keys used in files, URLs, JSON and the database."""

    GLUTEUS_MEDIUS = "gluteus_medius"
    GLUTEUS_MINIMUS = "gluteus_minimus"
    TENSOR_FASCIAE_LATAE = "tensor_fasciae_latae"
    GLUTEUS_MAXIMUS = "gluteus_maximus"
    HAMSTRINGS = "hamstrings"
    QUADRICEPS = "quadriceps"
    ADDUCTORS = "adductors"
    CORE = "core"


#: The muscles a hip-dip program is built around.
PRIMARY_TARGETS: frozenset[Muscle] = frozenset({Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MINIMUS})

MUSCLE_ROLES: dict[Muscle, str] = {
    Muscle.GLUTEUS_MEDIUS: (
        "Fan-shaped muscle on the outer pelvis. The main hip abductor: it swings the leg out "
        "to the side and keeps the pelvis level each time you stand on one leg, as in every "
        "walking or running stride. Primary target."
    ),
    Muscle.GLUTEUS_MINIMUS: (
        "The smallest glute, lying under the medius. Helps abduct the hip and holds the ball "
        "of the femur steady in its socket. Primary target."
    ),
    Muscle.TENSOR_FASCIAE_LATAE: (
        "Small muscle at the front and side of the hip that both abducts and flexes it. We keep "
        "its share low: leaning on it instead of the glutes can leave the IT band feeling tight, "
        "so hipcoach prefers moves with a high glute-to-TFL ratio."
    ),
    Muscle.GLUTEUS_MAXIMUS: (
        "The large buttock muscle; extends the hip. Its upper fibres help abduct. Worked by "
        "bridges, squats and lunges."
    ),
    Muscle.HAMSTRINGS: "Back of the thigh; extend the hip and bend the knee.",
    Muscle.QUADRICEPS: "Front of the thigh; straighten the knee in squats and lunges.",
    Muscle.ADDUCTORS: "Inner thigh; pull the leg toward the midline and steady lunges.",
    Muscle.CORE: "Trunk muscles that keep the pelvis and spine still while the hips work.",
}
