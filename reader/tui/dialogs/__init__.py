"""Modal dialogs of the skim TUI: pickers, editors, help and explanations (opened by screens)."""
