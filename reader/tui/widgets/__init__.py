"""Reusable widgets of the skim TUI."""
