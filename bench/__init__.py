"""Benchmarks: `make bench` measures and writes BENCHMARKS.md (not timed tests)."""
