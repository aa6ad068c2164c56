"""Turning an unexpected worker failure into a notification instead of a crash."""

from __future__ import annotations

from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState


def report_failure(node: MessagePump, event: Worker.StateChanged) -> None:
    """Notify the reader when a worker of ``node`` failed with an unexpected error.

    skim's workers run with ``exit_on_error=False`` and report the errors they expect
    (``SkimError``) themselves; anything else is a bug, shown rather than hidden or fatal.
    Worker messages do not bubble, so each node that starts workers calls this.
    """
    error = event.worker.error
    if event.state == WorkerState.ERROR and error is not None:
        node.app.notify(f"Something went wrong: {error!r}", title="Error", severity="error")
