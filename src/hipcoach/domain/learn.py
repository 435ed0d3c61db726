"""Learn pages: plain-language explanations, looked up by topic key."""

from __future__ import annotations

from dataclasses import dataclass

from hipcoach.domain.catalogue import suggest
from hipcoach.domain.errors import UnknownKeyError


@dataclass(frozen=True, slots=True)
class Topic:
    """One learn page: title, one-line summary, Markdown body and its sources."""

    key: str
    title: str
    summary: str
    body: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LearnLibrary:
    """All learn pages in reading order."""

    topics: tuple[Topic, ...]

    def get(self, key: str) -> Topic:
        """The page for a topic key, or an error suggesting close matches."""
        for topic in self.topics:
            if topic.key == key:
                return topic
        raise UnknownKeyError("topic", key, suggest(key, (t.key for t in self.topics)))
