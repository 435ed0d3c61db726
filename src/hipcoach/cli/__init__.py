"""Typer commands: one module per command group, thin over the services."""
