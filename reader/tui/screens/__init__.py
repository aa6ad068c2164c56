"""Screens and modal dialogs of the skim TUI."""
