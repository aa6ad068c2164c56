"""Benchmarks for skim: a hand-annotated gold standard and the scripts that score against it."""
