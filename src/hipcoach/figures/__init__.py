"""Figures of every move: a posed 3D stick skeleton, projected and drawn as SVG by our own code.

Pure: values in, text out. Pose data lives in the content files; `hipcoach.content.loader`
turns it into `Figure` values, and `render.render_figure` draws them.
"""
