"""A value computed the first time it is asked for, then remembered: the readings a message
may or may not need (its needs, the places it names) are built as these, once per message.

`functools.cache` did the same, but building one costs ten times more (it copies the wrapped
function's metadata), and the triage builds several for every message it reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    """Call it for the value; the function runs on the first call only."""

    __slots__ = ("_compute", "_done", "_value")

    def __init__(self, compute: Callable[[], T]) -> None:
        self._compute = compute
        self._done = False

    def __call__(self) -> T:
        if not self._done:
            self._value = self._compute()
            self._done = True
        return self._value
