"""The honest texts every plan and progress view carries."""

from __future__ import annotations

EXPECTATION = (
    "Hip dips are a normal shape set mostly by your bones, then by where your body stores fat. "
    "Training cannot change bone, so no program can remove them. What it can do is make the "
    "muscles on the side of your hip stronger and, over months, a little fuller, which may "
    "soften the look. The surer rewards are a steadier pelvis when you walk, run and climb "
    "stairs, and hips that cope better with load."
)

SAFETY = (
    "New to strength training, or training with pain or an injury? Have a qualified trainer "
    "or physical therapist check your plan and your form before you start. Stop any move that "
    "causes sharp or worsening pain, and see a professional if pain lasts or keeps coming back."
)
