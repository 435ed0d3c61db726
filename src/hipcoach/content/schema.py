"""Pydantic shapes of the content files: strict, so a typo in a file fails loudly."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hipcoach.content.figure_schema import FigureFile
from hipcoach.domain.catalogue import Dosage, PainAction, PainArea, Role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.ladder import Placement, Placements
from hipcoach.domain.muscle import Muscle

_STRICT = ConfigDict(extra="forbid", frozen=True)


class VariationFile(BaseModel):
    """An easier or harder version of a move."""

    model_config = _STRICT
    name: str = Field(min_length=3)
    how: str = Field(min_length=10)
    exercise_key: str | None = None


class PlacementsFile(BaseModel):
    """Where a mini band may sit on a move, easiest first, and where the how-to puts it."""

    model_config = _STRICT
    order: list[Placement] = Field(min_length=2)
    home: Placement
    source: str | None = Field(default=None, min_length=8)
    on: Equipment = Equipment.MINI_BAND

    @model_validator(mode="after")
    def _home_is_listed(self) -> PlacementsFile:
        if self.home not in self.order or len(set(self.order)) != len(self.order):
            raise ValueError("placements: order must be distinct and include home")
        self.placements()  # each placement applies to `on` (a band's feet, a hold's knees)
        return self

    def placements(self) -> Placements:
        """The domain's placements these describe."""
        return Placements(tuple(self.order), self.home, self.source, self.on)


class ExerciseFile(BaseModel):
    """One `exercises/<key>.toml` file."""

    model_config = _STRICT
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=3)
    aliases: list[str] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)
    primary: list[Muscle] = Field(min_length=1)
    secondary: list[Muscle] = Field(default_factory=list)
    equipment: list[Equipment] = Field(min_length=1)
    dosage: list[Dosage] = Field(min_length=1)
    summary: str = Field(min_length=20)
    setup: str = Field(min_length=20)
    steps: list[str] = Field(min_length=3)
    cues: list[str] = Field(min_length=2)
    mistakes: list[str] = Field(min_length=2)
    if_it_hurts: str = Field(min_length=20)
    pain: dict[PainArea, PainAction] = Field(default_factory=dict)
    easier: list[VariationFile] = Field(min_length=1)
    harder: list[VariationFile] = Field(min_length=1)
    placements: PlacementsFile | None = None
    figure: FigureFile | None = None

    @model_validator(mode="after")
    def _placed_band(self) -> ExerciseFile:
        if self.placements is not None and self.placements.on not in self.equipment:
            raise ValueError("placements: they must be on equipment the move is done with")
        return self

    @field_validator("steps", "cues", "mistakes")
    @classmethod
    def _no_blank_lines(cls, value: list[str]) -> list[str]:
        if any(not item.strip() for item in value):
            raise ValueError("entries must not be blank")
        return value


class TopicFile(BaseModel):
    """One entry of `learn/topics.toml`."""

    model_config = _STRICT
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=3)
    summary: str = Field(min_length=10)
    sources: list[str] = Field(default_factory=list)


class TopicIndex(BaseModel):
    """The whole `learn/topics.toml`."""

    model_config = _STRICT
    topic: list[TopicFile] = Field(min_length=1)
