"""Pydantic shapes of the `[figure]` section of a content file (and of figures/warmup.toml)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hipcoach.domain.muscle import Muscle
from hipcoach.figures.model import Axis, GearKind
from hipcoach.figures.skeleton import ANGLES, Pose, pose_body

_STRICT = ConfigDict(extra="forbid", frozen=True)
PoseName = Literal["start", "middle", "end"]
Side = Literal["l", "r"]
#: Named camera positions: (words for the description, azimuth, elevation).
VIEWS: dict[str, tuple[str, float, float]] = {
    "side": ("from the side", 0.0, 8.0),
    "front": ("from the front", 90.0, 8.0),
    "back": ("from behind", -90.0, 8.0),
    "front_above": ("from the front and above", 90.0, 40.0),
    "side_above": ("from the side and above", 0.0, 35.0),
    "three_quarter": ("from the front and to one side", 45.0, 15.0),
}
POINTS = frozenset(pose_body(Pose()).points)


def _angles(value: dict[str, float]) -> dict[str, float]:
    unknown = sorted(set(value) - ANGLES)
    if unknown:
        raise ValueError(f"unknown joint angles {unknown}; known: {sorted(ANGLES)}")
    return value


def _point(value: str) -> str:
    if value not in POINTS:
        raise ValueError(f"unknown body point {value!r}")
    return value


class GearFile(BaseModel):
    """A piece of equipment drawn on or beside the body."""

    model_config = _STRICT
    kind: GearKind
    at: list[str] = Field(min_length=1, max_length=2)
    offset: tuple[float, float, float] = (0.0, 0.0, 0.0)
    height_m: float = Field(default=0.0, ge=0.0, le=0.6)

    @field_validator("at")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        return [_point(v) for v in value]


class CheckFile(BaseModel):
    """A geometric fact of the move (see `hipcoach.figures.model.Check`)."""

    model_config = _STRICT
    says: str = Field(min_length=5)
    poses: list[PoseName] = Field(min_length=1)
    point: str
    reference: str | None = None
    axis: Axis | None = None
    moved: bool = False
    min_m: float | None = None
    max_m: float | None = None

    @field_validator("point", "reference")
    @classmethod
    def _known(cls, value: str | None) -> str | None:
        return None if value is None else _point(value)

    @model_validator(mode="after")
    def _bounded(self) -> CheckFile:
        if self.min_m is None and self.max_m is None:
            raise ValueError("a check needs min_m or max_m")
        if self.moved and len(self.poses) != 2:
            raise ValueError("a 'moved' check compares exactly two poses")
        return self


class MistakeFile(BaseModel):
    """One of the move's `mistakes`, drawn: which key pose it spoils, and how."""

    model_config = _STRICT
    mistake: int = Field(ge=0)
    label: str = Field(min_length=5, max_length=60)
    pose: PoseName = "end"
    changes: dict[str, float] = Field(min_length=1)

    @field_validator("changes")
    @classmethod
    def _known(cls, value: dict[str, float]) -> dict[str, float]:
        return _angles(value)


class VariantFile(BaseModel):
    """A version of the move: its equipment and any pose changes."""

    model_config = _STRICT
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=3)
    gear: list[GearFile] = Field(default_factory=list)
    changes: dict[PoseName, dict[str, float]] = Field(default_factory=dict)

    @field_validator("changes")
    @classmethod
    def _known(cls, value: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        return {k: _angles(v) for k, v in value.items()}

    @field_validator("gear")
    @classmethod
    def _no_step(cls, value: list[GearFile]) -> list[GearFile]:
        # A step raises the floor of every version's poses, so it belongs to the whole figure.
        if any(g.kind is GearKind.STEP for g in value):
            raise ValueError("a step is set up for the whole figure, not for one version")
        return value


class FigureFile(BaseModel):
    """How to draw a move: key poses as joint angles, view, tempo, gear, checks, mistakes."""

    model_config = _STRICT
    position: str = Field(min_length=5)
    motion: str = Field(min_length=10)
    view: str
    tempo_s: tuple[float, float, float, float] = (1.0, 1.0, 2.0, 0.5)
    sides: list[Side] = Field(default_factory=lambda: list[Side](["r"]), min_length=1)
    anchor: str | None = None
    anchors: dict[PoseName, str] = Field(default_factory=dict)
    cycle: bool = False
    watch: list[Muscle] = Field(default_factory=list)
    gear: list[GearFile] = Field(default_factory=list)
    start: dict[str, float]
    middle: dict[str, float] | None = None
    end: dict[str, float]
    check: list[CheckFile] = Field(default_factory=list)
    mistake: list[MistakeFile] = Field(default_factory=list)
    variant: list[VariantFile] = Field(default_factory=list)

    @field_validator("start", "middle", "end")
    @classmethod
    def _known_angles(cls, value: dict[str, float] | None) -> dict[str, float] | None:
        return None if value is None else _angles(value)

    @field_validator("view")
    @classmethod
    def _known_view(cls, value: str) -> str:
        if value not in VIEWS:
            raise ValueError(f"unknown view {value!r}; known: {sorted(VIEWS)}")
        return value

    @field_validator("tempo_s")
    @classmethod
    def _positive(cls, value: tuple[float, ...]) -> tuple[float, ...]:
        if value[0] <= 0 or value[2] <= 0 or min(value) < 0:
            raise ValueError("tempo needs positive out and back times and no negative pause")
        return value


class WarmupFigureFile(FigureFile):
    """A warm-up or cool-down item's figure, matched to the item by its name."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=3)
    primary: list[Muscle] = Field(default_factory=list)
    secondary: list[Muscle] = Field(default_factory=list)


class WarmupFigures(BaseModel):
    """The whole `figures/warmup.toml`."""

    model_config = _STRICT
    item: list[WarmupFigureFile] = Field(min_length=1)
