"""Forms as named steps. A step asks (prompt) and reads the answer (read); the form decides
the next step. State is the conversation row: `flow`, `step` and `data`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.context import Ctx
from bot.options import choose
from bot.types import Button, Row


class Invalid(Exception):
    """The answer does not fit the step; `message` says what to type instead."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Step:
    name: str
    prompt: Callable[[Ctx], None]
    read: Callable[[Ctx], Any]
    store_as: str | None = None
    free_text: bool = False
    """Any text is a valid answer (a name, a story): only a clear question interrupts."""
    questions_allowed: bool = True
    """False for the story step: a description of a problem is never a question."""
    reprompt: Callable[[Ctx], None] | None = None
    """A short way to ask again after a side question (the consent text is long)."""

    def ask_again(self, ctx: Ctx) -> None:
        (self.reprompt or self.prompt)(ctx)


class Form:
    """Subclasses give `name`, `steps` and `finish`; `after` may skip or branch."""

    name: str = ""
    steps: tuple[Step, ...] = ()
    needs_consent: bool = True

    def step(self, name: str | None) -> Step | None:
        return next((s for s in self.steps if s.name == name), None)

    def first(self, ctx: Ctx) -> Step:
        return self.steps[0]

    def after(self, ctx: Ctx, step: Step) -> Step | None:
        """The step after `step`; None when the form is complete."""
        names = [s.name for s in self.steps]
        i = names.index(step.name)
        return self.steps[i + 1] if i + 1 < len(self.steps) else None

    def prefill(self, ctx: Ctx, opening: str) -> None:
        """Keeps the message that opened the form; a form may read more from it."""
        ctx.set_data(opening=opening)

    def keep_early_story(self, ctx: Ctx, step: str, text: str) -> bool:
        """A story typed where a choice or a name was asked (at consent, "anak saya di Malaysia
        gajinya tidak dibayar"): True when the form keeps it for later. Most forms have no
        story."""
        return False

    def turned_to_a_question(self, ctx: Ctx, step: str, text: str) -> Step | None:
        """A wish only to ask an officer said at one of the form's first steps: the step to go
        to instead. Only the report has a question's short way (bot/flows/question.py)."""
        return None

    def question_turned_to_report(self, ctx: Ctx, step: str, text: str) -> Step | None:
        """A problem told inside a question for the officer: the step the report goes on from.
        Only the report has one."""
        return None

    def corrected(self, ctx: Ctx, step: str, text: str) -> bool:
        """An earlier answer corrected at a later step ("eh salah, namanya Siti Rohmah"): True
        when the form took the correction (the step is then asked again)."""
        return False

    def keeps_out_the_village(self, text: str) -> bool:
        """The message asks that the village not see the report. Only the report is seen by
        the village's officers."""
        return False

    def keep_out_the_village(self, ctx: Ctx, text: str) -> None:
        """Keeps that wish (the report only)."""

    def finish(self, ctx: Ctx) -> None:
        raise NotImplementedError

    def left_behind(self, ctx: Ctx) -> dict[str, object]:
        """What the conversation keeps once the form has ended (its own data goes with it)."""
        return {}

    # -- helpers for steps -----------------------------------------------------------------
    @staticmethod
    def option(ctx: Ctx, options: list[Button] | list[Row]) -> str:
        chosen = choose(ctx.incoming.text, ctx.incoming.button, options, ctx.previous_options)
        if chosen is None:
            raise Invalid(
                ctx._("Please choose one of the options (press a button or type its number).")
            )
        return chosen

    @staticmethod
    def text(ctx: Ctx, min_len: int = 2, max_len: int = 200) -> str:
        value = " ".join((ctx.incoming.text or "").split())
        if len(value) < min_len:
            raise Invalid(ctx._("That is too short. Please type it again."))
        return value[:max_len]
