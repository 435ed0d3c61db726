"""hipcoach: an honest, evidence-based coach for the hip abductors."""

__version__ = "0.1.0"
