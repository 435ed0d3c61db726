"""Drawing figures as SVG text: static frames, start/end pairs, animations and mistake frames.

The animation is SMIL (`<animate>` on each shape's path), so it needs no script; a
`prefers-reduced-motion` rule swaps it for the start and end frames drawn over each other.
A page that inlines the SVG carries the same rule in its own style sheet (`standalone=False`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from html import escape

from hipcoach.domain.muscle import Muscle
from hipcoach.domain.vocabulary import label
from hipcoach.figures.geometry import Mat, Vec, apply, compose, rot_x, rot_y
from hipcoach.figures.model import Figure, MuscleRole, Variant, View
from hipcoach.figures.motion import frames, place, spoiled
from hipcoach.figures.shapes import COLOURS, Shape, body_shapes, gear_shapes, muscle_shapes
from hipcoach.figures.skeleton import Body

WIDTH = 320.0
MAX_PANEL_HEIGHT = 230.0
MAX_SCALE = 150.0  # user units per metre
PAD = 10.0
LINE = 15.0
FONT = 11.0
LEGEND_CHARS = 46  # what fits beside the swatch at FONT on the narrowest (WIDTH) figure
REDUCED_MOTION_CSS = (
    "@media (prefers-reduced-motion: reduce){.fig-motion{display:none}.fig-still{display:inline}}"
)
_ROLE_WORDS = {
    MuscleRole.PRIMARY: "Main target",
    MuscleRole.SECONDARY: "Also working",
    MuscleRole.WATCH: "Tends to take over",
}


class FrameKind(StrEnum):
    """Which picture of the move: one key pose, both, or the motion."""

    START = "start"
    END = "end"
    PAIR = "pair"
    ANIMATED = "animated"


def _camera(view: View) -> Mat:
    return compose(rot_x(view.elevation), rot_y(-view.azimuth))


@dataclass(frozen=True, slots=True)
class _Panel:
    """Maps projected metres onto an area of the picture."""

    left: float
    top: float
    scale: float
    min_x: float
    max_y: float

    def xy(self, p: Vec) -> tuple[float, float]:
        return (
            self.left + (p[0] - self.min_x) * self.scale,
            self.top + (self.max_y - p[1]) * self.scale,
        )


def _fit(points: Iterable[Vec], width: float, left: float, top: float) -> tuple[_Panel, float]:
    xs, ys = [], []
    for p in points:
        xs.append(p[0])
        ys.append(p[1])
    bw, bh = max(xs) - min(xs) + 0.3, max(ys) - min(ys) + 0.3
    k = min((width - 2 * PAD) / bw, (MAX_PANEL_HEIGHT - 2 * PAD) / bh, MAX_SCALE)
    slack = (width - 2 * PAD - bw * k) / 2
    panel = _Panel(left + PAD + slack + 0.15 * k, top + PAD + 0.15 * k, k, min(xs), max(ys))
    return panel, bh * k + 2 * PAD


def _fmt(v: float) -> str:
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _path(points: Sequence[tuple[float, float]], closed: bool) -> str:
    d = "M" + " L".join(f"{_fmt(x)} {_fmt(y)}" for x, y in points)
    return d + (" Z" if closed else "")


class _Scene:
    """The shapes of one figure and version, projected through its camera."""

    def __init__(self, figure: Figure, variant: Variant, start: Body) -> None:
        self.figure = figure
        self.camera = _camera(figure.view)
        self._seen: dict[Vec, Vec] = {}
        pelvis_depth = self.project(start.at("pelvis"))[2]
        far = frozenset(
            s for s in ("l", "r") if self.project(start.at(f"hip_{s}"))[2] < pelvis_depth - 0.01
        )
        self.fixed = tuple(s for s in gear_shapes((*figure.gear, *variant.gear), start) if s.fixed)
        self.moving = tuple(
            s for s in gear_shapes((*figure.gear, *variant.gear), start) if not s.fixed
        )
        self.body = body_shapes(far)
        self.muscles = muscle_shapes(figure.muscles, figure.sides)

    def project(self, p: Vec) -> Vec:
        # Each point is projected once, however many frames and shapes reuse it.
        found = self._seen.get(p)
        if found is None:
            found = self._seen[p] = apply(self.camera, p)
        return found

    def ordered(self, bodies: Sequence[Body]) -> tuple[Shape, ...]:
        """Body and moving gear from far to near (by mean depth), muscles on top."""

        def depth(shape: Shape) -> float:
            values = [self.project(p)[2] for b in bodies for p in shape.resolve(b)]
            return sum(values) / len(values)

        return (*sorted((*self.body, *self.moving), key=depth), *self.muscles)

    def extent(self, bodies: Sequence[Body]) -> list[Vec]:
        out: list[Vec] = []
        for shape in (*self.fixed, *self.body, *self.moving):
            for b in bodies:
                for p in shape.resolve(b):
                    q = self.project(p)
                    r = shape.radius_m
                    out.extend(((q[0] - r, q[1] - r, 0.0), (q[0] + r, q[1] + r, 0.0)))
        return out

    def floor(self, bodies: Sequence[Body]) -> tuple[Vec, ...]:
        xs = [p[0] for b in bodies for p in b.points.values()]
        zs = [p[2] for b in bodies for p in b.points.values()]
        x0, x1, z0, z1 = min(xs) - 0.2, max(xs) + 0.2, min(zs) - 0.2, max(zs) + 0.2
        return tuple(self.project(p) for p in ((x0, 0, z0), (x1, 0, z0), (x1, 0, z1), (x0, 0, z1)))


def _attrs(shape: Shape, panel: _Panel) -> str:
    parts = []
    if shape.radius_m:
        parts.append(f'r="{_fmt(shape.radius_m * panel.scale)}"')
    parts.append(f'fill="{shape.fill}"')
    if shape.stroke != "none" and shape.width_m:
        parts.append(
            f'stroke="{shape.stroke}" stroke-width="{_fmt(max(shape.width_m * panel.scale, 1.0))}" '
            'stroke-linecap="round" stroke-linejoin="round"'
        )
    if shape.dashed:
        dash = shape.width_m * panel.scale
        parts.append(f'stroke-dasharray="{_fmt(dash * 0.9)} {_fmt(dash * 0.5)}"')
    if shape.opacity < 1:
        parts.append(f'opacity="{shape.opacity:g}"')
    return " ".join(parts)


def _static(shape: Shape, body: Body, scene: _Scene, panel: _Panel) -> str:
    points = [panel.xy(scene.project(p)) for p in shape.resolve(body)]
    if shape.radius_m:
        x, y = points[0]
        return f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" {_attrs(shape, panel)}/>'
    return f'<path d="{_path(points, shape.closed)}" {_attrs(shape, panel)}/>'


def _moving(
    shape: Shape, timeline: Sequence[tuple[float, Body]], scene: _Scene, panel: _Panel, dur: float
) -> str:
    times = ";".join(f"{t:.3f}".rstrip("0").rstrip(".") or "0" for t, _ in timeline)
    timing = f'dur="{dur:g}s" repeatCount="indefinite" keyTimes="{times}"'
    per_frame = [[panel.xy(scene.project(p)) for p in shape.resolve(b)] for _, b in timeline]
    if shape.radius_m:
        xs = ";".join(_fmt(f[0][0]) for f in per_frame)
        ys = ";".join(_fmt(f[0][1]) for f in per_frame)
        x, y = per_frame[0][0]
        return (
            f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" {_attrs(shape, panel)}>'
            f'<animate attributeName="cx" values="{xs}" {timing}/>'
            f'<animate attributeName="cy" values="{ys}" {timing}/></circle>'
        )
    paths = [_path(f, shape.closed) for f in per_frame]
    return (
        f'<path d="{paths[0]}" {_attrs(shape, panel)}>'
        f'<animate attributeName="d" values="{";".join(paths)}" {timing}/></path>'
    )


def _ground(scene: _Scene, bodies: Sequence[Body], panel: _Panel) -> str:
    corners = [panel.xy(p) for p in scene.floor(bodies)]
    front = sorted(corners, key=lambda c: -c[1])[:2]
    fixed = "".join(_static(s, bodies[0], scene, panel) for s in scene.fixed)
    return (
        f'<path d="{_path(corners, True)}" fill="#f1f3f5"/>'
        f'<path d="{_path(front, False)}" stroke="#ced4da" stroke-width="2" fill="none"/>{fixed}'
    )


def _body(scene: _Scene, body: Body, panel: _Panel, *, opacity: float = 1.0) -> str:
    inner = "".join(_static(s, body, scene, panel) for s in scene.ordered([body]))
    return f'<g opacity="{opacity:g}">{inner}</g>' if opacity < 1 else f"<g>{inner}</g>"


def _muscle_names(figure: Figure, role: MuscleRole) -> list[str]:
    return [label(Muscle(m)).lower() for m, r in figure.muscles if r is role]


def _legend(figure: Figure, top: float) -> tuple[str, float]:
    rows: list[tuple[MuscleRole | None, str]] = []
    for role in MuscleRole:
        line = ""
        for name in _muscle_names(figure, role):
            if not line:
                line = f"{_ROLE_WORDS[role]}: {name}"
                rows.append((role, line))
            elif len(line) + 2 + len(name) <= LEGEND_CHARS:
                line = f"{line}, {name}"
                rows[-1] = (rows[-1][0], line)
            else:  # whole names per row, so a name is never split
                line = f"  {name}"
                rows.append((None, line))
    parts = []
    for n, (swatch, text) in enumerate(rows):
        y = top + n * LINE
        if swatch is not None:
            dash = ' stroke-dasharray="5 3"' if swatch is MuscleRole.WATCH else ""
            parts.append(
                f'<path d="M{_fmt(PAD)} {_fmt(y - 4)} L{_fmt(PAD + 16)} {_fmt(y - 4)}" '
                f'stroke="{COLOURS[swatch]}" stroke-width="6"{dash}/>'
            )
        parts.append(f'<text x="{_fmt(PAD + 22)}" y="{_fmt(y)}">{escape(text)}</text>')
    return "".join(parts), len(rows) * LINE + (4 if rows else 0)


def describe(figure: Figure, variant: Variant) -> str:
    """The words for a screen reader: position, view, motion, tempo and muscles."""
    t = figure.tempo
    side = (
        " Shown on the right side; do the other side the same way."
        if figure.sides == ("r",)
        else ""
    )
    side = (
        " Shown on the left side; do the other side the same way."
        if figure.sides == ("l",)
        else side
    )
    main = ", ".join(_muscle_names(figure, MuscleRole.PRIMARY))
    watch = ", ".join(_muscle_names(figure, MuscleRole.WATCH))
    muscles = f" Highlighted: {main} as the main target." if main else ""
    muscles += f" {watch.capitalize()} in orange: it can take over." if watch else ""
    return (
        f"{figure.position}, seen {figure.view.name}, {variant.label}. {figure.motion} "
        f"About {t.out_s:g} s out, {t.hold_s:g} s pause and {t.back_s:g} s back.{side}{muscles}"
    )


def _document(
    body: str, *, width: float, height: float, title: str, desc: str, ident: str, standalone: bool
) -> str:
    style = f"<style>{REDUCED_MOTION_CSS}</style>" if standalone else ""
    size = f'width="{_fmt(width * 1.5)}" height="{_fmt(height * 1.5)}" ' if standalone else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_fmt(width)} {_fmt(height)}" {size}'
        f'class="figure" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'font-family="system-ui, sans-serif" font-size="{FONT:g}" fill="#343a40">'
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>'
        f'{style}<rect width="100%" height="100%" fill="#ffffff" rx="8"/>{body}</svg>'
    )


def _caption(text: str, x: float, y: float, *, colour: str = "#343a40") -> str:
    return (
        f'<text x="{_fmt(x)}" y="{_fmt(y)}" font-weight="600" fill="{colour}">{escape(text)}</text>'
    )


def render_figure(
    figure: Figure,
    variant: Variant,
    frame: FrameKind,
    *,
    legend: bool = True,
    standalone: bool = True,
    ident: str = "fig",
) -> str:
    """The SVG text of one figure: a key pose, the start/end pair, or the animated rep."""
    poses = figure.key_poses(variant)
    placed = place(figure, poses)
    start, end = placed["start"], placed["end"]
    timeline = (
        [(f.time, f.body) for f in frames(figure, variant)] if frame is FrameKind.ANIMATED else []
    )
    every = [b for _, b in timeline] or [start, end]
    scene = _Scene(figure, variant, start)
    extent = scene.extent(every)
    titles = {
        FrameKind.START: f"{figure.name}: start position",
        FrameKind.END: f"{figure.name}: end position",
        FrameKind.PAIR: f"{figure.name}: start and end positions",
        FrameKind.ANIMATED: f"{figure.name}: the move",
    }
    if frame is FrameKind.PAIR:
        side_by_side = _aspect(extent) < 1.3
        width = WIDTH / 2 if side_by_side else WIDTH
        panel_a, h = _fit(extent, width, 0, LINE)
        panel_b, _ = _fit(
            extent, width, width if side_by_side else 0, LINE + (0 if side_by_side else h + LINE)
        )
        body = (
            _caption("Start", PAD, LINE)
            + _ground(scene, every, panel_a)
            + _body(scene, start, panel_a)
            + _caption(
                "End",
                (width if side_by_side else 0) + PAD,
                LINE + (0 if side_by_side else h + LINE),
            )
            + _ground(scene, every, panel_b)
            + _body(scene, end, panel_b)
        )
        height = LINE + h + (0 if side_by_side else h + LINE)
    else:
        panel, height = _fit(extent, WIDTH, 0, 0)
        body = _ground(scene, every, panel)
        if frame is FrameKind.ANIMATED:
            motion = "".join(
                _moving(s, timeline, scene, panel, figure.tempo.total_s)
                for s in scene.ordered(every)
            )
            still = _body(scene, start, panel, opacity=0.35) + _body(scene, end, panel)
            body += (
                f'<g class="fig-motion">{motion}</g>'
                f'<g class="fig-still" display="none" data-frames="start end">{still}</g>'
            )
        else:
            body += _body(scene, start if frame is FrameKind.START else end, panel)
    if legend:
        key, extra = _legend(figure, height + LINE - 4)
        body += key
        height += extra
    return _document(
        body,
        width=WIDTH,
        height=height,
        title=titles[frame],
        desc=describe(figure, variant),
        ident=ident,
        standalone=standalone,
    )


def _aspect(extent: Sequence[Vec]) -> float:
    xs = [p[0] for p in extent]
    ys = [p[1] for p in extent]
    return (max(xs) - min(xs)) / max(max(ys) - min(ys), 1e-9)


def render_mistake(
    figure: Figure, variant: Variant, index: int, *, standalone: bool = True, ident: str = "fig"
) -> str:
    """A 'not like this' figure beside the right one, for one common mistake."""
    mistake = figure.mistakes[index]
    pose, right, wrong = spoiled(figure, variant, index)
    scene = _Scene(figure, variant, place(figure, figure.key_poses(variant))["start"])
    extent = scene.extent([right, wrong])
    side_by_side = _aspect(extent) < 1.3
    width = WIDTH / 2 if side_by_side else WIDTH
    panel_a, h = _fit(extent, width, 0, LINE)
    second_top = LINE + (0 if side_by_side else h + LINE)
    panel_b, _ = _fit(extent, width, width if side_by_side else 0, second_top)
    left_b = (width if side_by_side else 0) + PAD
    body = (
        _caption("Like this", PAD, LINE, colour="#2b8a3e")
        + _ground(scene, [right, wrong], panel_a)
        + _body(scene, right, panel_a)
        + _caption("Not like this", left_b, second_top, colour="#c92a2a")
        + _ground(scene, [right, wrong], panel_b)
        + _body(scene, wrong, panel_b)
    )
    height = LINE + h + (0 if side_by_side else h + LINE)
    body += f'<text x="{_fmt(PAD)}" y="{_fmt(height + LINE - 4)}">{escape(mistake.label)}</text>'
    height += LINE + 2
    return _document(
        body,
        width=WIDTH,
        height=height,
        title=f"{figure.name}, not like this: {mistake.label}",
        desc=f"Left, the {pose} position done well; right, the mistake: {mistake.label}. "
        + describe(figure, variant),
        ident=ident,
        standalone=standalone,
    )
