"""A sliding-window counter per key (address, chat) for forms strangers can post to.

In process: the web chat needs a brake against one client flooding the bot, not an exact
count across workers (each worker allows `limit`)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque


class SlidingWindow:
    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self.hits: dict[str, deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Counts one hit for the key; False when it is over its limit."""
        now = time.monotonic()
        with self.lock:
            hits = self._trim(key, now)
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            return True

    def _trim(self, key: str, now: float) -> deque[float]:
        if len(self.hits) > 10_000:  # forget clients quiet for a whole window
            for quiet in [k for k, h in self.hits.items() if not h or now - h[-1] > self.window]:
                del self.hits[quiet]
        hits = self.hits[key]
        while hits and now - hits[0] > self.window:
            hits.popleft()
        return hits
