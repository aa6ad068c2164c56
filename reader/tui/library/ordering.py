"""Run writes from thread workers in the order the reader asked for them.

Thread workers run on a pool, so two quick key presses (archive, then undo) could reach the
database in either order. A ticket taken on the UI thread fixes the order in which the workers'
critical sections run.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: A ticket whose worker never ran must not block the ones after it forever.
WAIT_LIMIT_SECONDS = 10.0


class InOrder:
    """Tickets handed out in order; :meth:`turn` waits until every earlier ticket is done."""

    def __init__(self) -> None:
        """Start with ticket 0."""
        self._condition = threading.Condition()
        self._issued = 0
        self._done = 0

    def ticket(self) -> int:
        """Take the next ticket (call on the UI thread, before starting the worker)."""
        with self._condition:
            ticket = self._issued
            self._issued += 1
            return ticket

    @contextmanager
    def turn(self, ticket: int) -> Iterator[None]:
        """Wait for the turn of ``ticket``, run the block, then let the next ticket go."""
        with self._condition:
            self._condition.wait_for(lambda: self._done >= ticket, timeout=WAIT_LIMIT_SECONDS)
        try:
            yield
        finally:
            with self._condition:
                self._done = max(self._done, ticket + 1)
                self._condition.notify_all()
