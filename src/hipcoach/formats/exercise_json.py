"""The JSON shape of catalogue entries and learn pages (CLI --json, later the API)."""

from __future__ import annotations

from typing import Any

from hipcoach.domain.catalogue import Exercise, Variation
from hipcoach.domain.evidence import VERIFICATION_MEANINGS, EvidenceRow
from hipcoach.domain.ladder import build_ladder
from hipcoach.domain.learn import Topic


def _variation(v: Variation) -> dict[str, Any]:
    return {"name": v.name, "how": v.how, "exercise": v.exercise_key}


def evidence_to_dict(row: EvidenceRow) -> dict[str, Any]:
    """One evidence row with its verification label and what the label means."""
    return {
        "variant": row.variant,
        "description": row.description,
        "measure": row.measure,
        "pct_mvic_mean": row.pct_mvic_mean,
        "pct_mvic_sd": row.pct_mvic_sd,
        "study": row.study,
        "verification": row.verification.value,
        "verification_meaning": VERIFICATION_MEANINGS[row.verification],
        "note": row.note,
    }


def exercise_summary(e: Exercise) -> dict[str, Any]:
    """The short form used in lists."""
    return {
        "key": e.key,
        "name": e.name,
        "roles": [r.value for r in e.roles],
        "primary": [m.value for m in e.primary],
        "equipment": [q.value for q in e.equipment],
        "dosage": [d.value for d in e.dosage],
        "gmed_pct_mvic": e.gmed_activation,
        "gta_index": e.gta_index,
        "has_emg_data": e.has_emg_data,
    }


def exercise_to_dict(e: Exercise) -> dict[str, Any]:
    """The full card: how-to, ladder and every evidence row."""
    return {
        **exercise_summary(e),
        "aliases": list(e.aliases),
        "secondary": [m.value for m in e.secondary],
        "summary": e.summary,
        "setup": e.setup,
        "steps": list(e.steps),
        "cues": list(e.cues),
        "mistakes": list(e.mistakes),
        "if_it_hurts": e.if_it_hurts,
        "pain": {area.value: action.value for area, action in e.pain.items()},
        "ladder": [
            {"key": s.key, "label": s.label, "equipment": s.equipment.value, "load_kg": s.load_kg}
            for s in build_ladder(e.equipment)
        ],
        "easier": [_variation(v) for v in e.easier],
        "harder": [_variation(v) for v in e.harder],
        "evidence": [evidence_to_dict(r) for r in e.evidence],
        "sources": list(e.sources),
    }


def topic_to_dict(t: Topic, *, with_body: bool = True) -> dict[str, Any]:
    """A learn page (body as Markdown)."""
    data: dict[str, Any] = {"key": t.key, "title": t.title, "summary": t.summary}
    if with_body:
        data["body"] = t.body
        data["sources"] = list(t.sources)
    return data
